"""The seed articles' Python snippets, run as the articles run them.

`make run` runs this file on rcpy. Each section is headed by the seed file
it comes from; each snippet is printed, then run, and its output follows,
so the result reads like the articles: code, then what it prints. Snippets
the articles type at the `>>>` prompt are run line by line as the prompt
runs them (each line compiled on its own, expression values echoed), which
is why `a is b` for two equal long strings prints False there, as the seed
says, while one file compiled as a whole shares the constant. The endless
`while True:` loops of seed 000 are bounded to a few rounds. The 10-million
element lists of seed 004 need about 0.8 GB on CPython; pass --small to use
100,000 elements instead.
"""
import gc
import sys

SMALL = "--small" in sys.argv
N = 100_000 if SMALL else 10_000_000

SEEDS = {
    "000": "000_cffad42014b8fd5d.txt",
    "001": "001_b9800b5417c35c70.txt",
    "002": "002_a6ae26e8c454f233.txt",
    "003": "003_942e0995bef1306d.txt",
    "004": "004_4f463fa5d3b3482a.txt",
}


def seed(key, title):
    print()
    print("=" * 72)
    print("seeds/" + SEEDS[key] + " — " + title)
    print("=" * 72)


def note(text):
    for line in text.strip().splitlines():
        print("  # " + line.strip())


def script(code, env=None, name="<seed>"):
    """Prints a snippet, then runs it as one file: its output follows."""
    code = code.strip("\n")
    print()
    for line in code.splitlines():
        print(("    " + line).rstrip())
    print("  ---- output ----")
    env = {"__name__": "__main__"} if env is None else env
    # what a snippet writes to sys.stderr (gc.set_debug's lines) is shown
    # in its place among the output
    saved, sys.stderr = sys.stderr, sys.stdout
    try:
        exec(compile(code + "\n", name, "exec"), env)
    finally:
        sys.stderr = saved
    return env


def prompt(lines, env=None):
    """Runs lines as the >>> prompt does: one compilation per line."""
    env = {"__name__": "__main__"} if env is None else env
    print()
    for line in lines.strip("\n").splitlines():
        print(">>> " + line)
        exec(compile(line + "\n", "<stdin>", "single"), env)
    return env


# ---------------------------------------------------------------------------
seed("000", "reference counting first, generations second")

prompt("""
import sys
a = "hello world"
sys.getrefcount(a)
""")
note("""
getrefcount shows one more than the references a program holds: its own
argument. Here: the name a, and the argument.
""")

env = script("""
import gc

class ClassA():
    def __init__(self):
        print('object born,id:%s'%str(id(self)))

def f2():
    for round in range(3):      # the seed's `while True:`, bounded
        c1 = ClassA()
        c2 = ClassA()
        c1.t = c2
        c2.t = c1
        del c1
        del c2

gc.disable()
f2()
print('left behind, waiting for a collection:', gc.collect())
""")
note("""
With the collector disabled, every round leaves a pair that refers to
itself: memory grows until something collects. gc.collect() found the 3
pairs (6 objects).
""")

script("""
def f2():
    for round in range(3):
        c1 = ClassA()
        c2 = ClassA()
        c1.t = c2
        c2.t = c1
        del c1
        del c2
        print('collected:', gc.collect())

gc.disable()
f2()
""", env)

script("""
print(gc.get_count())
a = ClassA()
print(gc.get_count())
del a
print(gc.get_count())
print(gc.get_threshold())
gc.enable()
""", env)
note("""
get_count()[0] is allocations minus deallocations of container objects
since the last collection of generation 0: one ClassA instance moves it by
exactly one, and del moves it back (the seed's (590, 8, 0) -> (591, 8, 0)
-> (590, 8, 0); the numbers themselves depend on what ran before).
""")

script("""
import gc
seen = []
def watch(phase, info):
    if phase == 'start':
        seen.append(info['generation'])
gc.callbacks.append(watch)
before = gc.get_count()
keep = [[] for i in range(10_000)]
gc.callbacks.remove(watch)
print('threshold:', gc.get_threshold())
print('collections of generation 0, 1, 2 while 10,000 lists were made:',
      seen.count(0), seen.count(1), seen.count(2))
""")
note("""
Every time count[0] passes 700, generation 0 is collected (and count[1]
goes up); every 10th time generation 1 goes too.
""")

# ---------------------------------------------------------------------------
seed("001", "objects, references, cycles and the gc_refs algorithm")

prompt("""
a = 1
b = 1
id(a) == id(b)
a is b
a = "good"
b = "good"
a is b
a = "very good morning"
b = "very good morning"
a is b
a = []
b = []
a is b
""")
note("""
Small integers and short identifier-like strings are cached: one object
each. The long string typed at the prompt is made twice (each line is
compiled on its own); in one file the compiler shares equal constants.
""")

script("""
from sys import getrefcount
a = [1, 2, 3]
print(getrefcount(a))
b = a
print(getrefcount(b))
""")

script("""
class from_obj(object):
    def __init__(self, to_obj):
        self.to_obj = to_obj
b = [1,2,3]
a = from_obj(b)
print(id(a.to_obj) == id(b))
""")

script("""
from sys import getrefcount

a = [1, 2, 3]
print(getrefcount(a))

b = [a, a]
print(getrefcount(a))
""")

script("""
x = [1, 2, 3]
y = [x, dict(key1=x)]
z = [y, (x, y)]

import objgraph
objgraph.show_refs([z], filename='ref_topo.png')
""")
note("""
objgraph draws the graph below z (Graphviz renders the picture);
ref_topo.png is in the current folder.
""")

script("""
from sys import getrefcount
a = []
a.append(a)
print(getrefcount(a))
""")

script("""
from sys import getrefcount

a = [1, 2, 3]
b = a
print(getrefcount(b))

del a
print(getrefcount(b))
""")

script("""
a = [1,2,3]
del a[0]
print(a)
""")

script("""
from sys import getrefcount
a = [1, 2, 3]
b = a
print(getrefcount(b))
a = 1
print(getrefcount(b))
""")

script("""
import gc
print(gc.get_threshold())
gc.set_threshold(700, 10, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
""")

script("""
import gc
a = []
b = [a]
a.append(b)
del a
del b
print(gc.collect())
""")
note("""
The two lists refer to each other, so their counts never reach zero. The
collector copies each count to gc_refs, subtracts the references the lists
hold to each other, finds nothing left pointing in from outside, and frees
both: collect() returns 2.
""")

# ---------------------------------------------------------------------------
seed("002", "the pool allocator, tuning, and finding cycles")

script("""
import gc
try:
    gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_OBJECTS)
except AttributeError as e:
    print('AttributeError:', e)
""")
note("""
DEBUG_OBJECTS was Python 2's; Python 3 has DEBUG_COLLECTABLE and
DEBUG_UNCOLLECTABLE (and DEBUG_SAVEALL, DEBUG_LEAK).
""")

script("""
import gc
class Bullet:
    pass
b1 = Bullet(); b2 = Bullet()
b1.partner = b2; b2.partner = b1
del b1, b2
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE)
found = gc.collect()
gc.set_debug(0)
print('found', found)
""")
note("""
The debug lines go to sys.stderr (shown here among the output); they name
each object by its class.
""")

script("""
import weakref

class Node:
    def __init__(self, parent=None):
        self.children = []
        self.parent = weakref.ref(parent) if parent else None
        if parent:
            parent.children.append(self)

root = Node()
leaf = Node(root)
print(leaf.parent() is root)
del root
print(leaf.parent())
""")
note("""
The child points at its parent through a weak reference, so there is no
cycle: the parent dies the moment the last strong reference goes.
""")

# ---------------------------------------------------------------------------
seed("003", "reference counts, generations and weakref")

script("""
import sys
a = [1, 3]
print(sys.getrefcount(a))
""")

script("""
import gc
print(gc.get_threshold())
""")

script("""
import weakref
class Node:
    pass
a = Node()
a_weakref = weakref.ref(a)
print(a_weakref() is a)
del a
print(a_weakref())
""")

# ---------------------------------------------------------------------------
seed("004", "counting, releasing, and measuring memory")

script("""
import sys
a = []
print(sys.getrefcount(a))
def func(a):
    print(sys.getrefcount(a))

func(a)
print(sys.getrefcount(a))
""")
note("""
The seed prints 2, 4, 2: Python 3.10 and older kept a second copy of the
argument on the caller's stack during the call. Python 3.11 moves the
argument into the callee's frame, so the count inside is 3; rcpy counts as
3.11 does.
""")

mem = script("""
import os
import psutil

def show_memory_info(hint):
    pid = os.getpid()
    p = psutil.Process(pid)

    info = p.memory_full_info()
    memory = info.uss / 1024. / 1024
    print('{} memory used: {} MB'.format(hint, memory))
""")

script("""
def func():
    show_memory_info('initial')
    a = [i for i in range(%d)]
    show_memory_info('after a created')

func()
show_memory_info('finished')
""" % N, mem)

script("""
def func():
    show_memory_info('initial')
    a = [i for i in range(%d)]
    show_memory_info('after a created')
    return a

a = func()
show_memory_info('finished')
del a
""" % N, mem)

script("""
import sys

def ref_method(str):
    print(sys.getrefcount(str))
    print("我调用了{}".format(str))
    print('方法执行完了')

def ref_count():
    # 引用计数增加的场景
    print('测试引用计数增加')
    a = 'ABC'
    print(sys.getrefcount(a))
    b = a
    print(sys.getrefcount(a))
    ref_method(a)
    print(sys.getrefcount(a))
    c = [1, a, 'abc']
    print(sys.getrefcount(a))

    # 引用计数减少的场景
    print('测试引用计数减少')
    del b
    print(sys.getrefcount(a))
    c.remove(a)
    print(sys.getrefcount(a))
    del c
    print(sys.getrefcount(a))
    a = 783
    print(sys.getrefcount(a))

if __name__ == '__main__':
    ref_count()
""")
note("""
'ABC' and 783 are constants: their counts include the references the
compiled code holds, which differ between implementations and versions
(CPython 3.11 even keeps some strings at a fixed, huge count). What the
seed teaches holds everywhere: +1 for b = a, +1 while passed to a
function, +1 in the list, and back down by one for each removal.
""")

script("""
import gc

def func():
    show_memory_info('initial')
    a = [i for i in range(%d)]
    b = [i for i in range(%d)]
    show_memory_info('after a, b created')
    a.append(b)
    b.append(a)

func()
gc.collect()
show_memory_info('finished')
""" % (N, N), mem)
note("""
a and b refer to each other, so leaving func() frees nothing; gc.collect()
finds the pair and the memory goes back.
""")
