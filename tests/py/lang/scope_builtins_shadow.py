print(len("abc"))
len = lambda x: "shadowed"
print(len("abc"))
del len
print(len("abc"))

def f():
    list = "local list"
    return list

print(f(), list("ab"))
import builtins
print(builtins.len("four"))
