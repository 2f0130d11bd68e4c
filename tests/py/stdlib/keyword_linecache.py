# keyword's lists and predicates; linecache reading a file's lines (with
# newlines, '' past the end, pseudo-files like '<string>' never found),
# and checkcache dropping a file that changed.
import keyword
import linecache
import os

print(len(keyword.kwlist), keyword.softkwlist)
print([keyword.iskeyword(w) for w in ("if", "match", "print", "None")],
      [keyword.issoftkeyword(w) for w in ("match", "_", "if")])

here = __file__
print(repr(linecache.getline(here, 1)))
print(repr(linecache.getline(here, 10000)), linecache.getline("<string>", 1) == "")
print(len(linecache.getlines(here)) == len(open(here).readlines()))
print(here in linecache.cache, linecache.getlines("/no/such/file.py"))

path = "/tmp/linecache_probe_%d.txt" % os.getpid()
with open(path, "w") as f:
    f.write("one\ntwo")
print(linecache.getlines(path))
with open(path, "w") as f:
    f.write("changed and longer\n")
linecache.checkcache(path)
print(linecache.getline(path, 1), end="")
os.remove(path)
linecache.clearcache()
print(linecache.cache)
