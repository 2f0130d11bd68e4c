def g():
    yield 1

gen = g()
print(gen.gi_running, gen.gi_frame is not None)
next(gen)
for _ in gen:
    pass
print(gen.gi_frame)

def reentrant():
    yield next(me)

me = reentrant()
try:
    next(me)
except ValueError as e:
    print(e)
