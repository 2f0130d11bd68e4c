# Freeing the head of a long chain must not overflow the C stack.
head = None
for i in range(200000):
    head = [head]
del head
print("freed a 200000-long chain")
nest = []
for i in range(100000):
    nest = [nest]
del nest
d = None
for i in range(100000):
    d = {"next": d}
del d
t = ()
for i in range(100000):
    t = (t,)
del t
print("done")
