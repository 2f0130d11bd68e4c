# Expressions: every operator, precedence and associativity.
a + b - c * d / e // f % g @ h ** -i ** j
(a | b) ^ c & d << e >> f
x = not a and b or not not c
x = a if b else c if d else e
x = lambda: 0
x = lambda a, b=1, *args, c, d=2, **kw: (a, b, args, c, d, kw)
x = lambda a, /, b: a
x = lambda *, k: k
y = (x := 10) + x
print((y := f(x)), y ** 2)
a < b <= c > d >= e == f != g in h not in i is j is not k
-x; +x; ~x; not x
x = a.b.c.d
x = a[1][2:3][::2][1:2:3][:, 1][..., None]
x = f(a)(b)(c)
x = a[b, c:d, *e]
x = (1,)
x = ()
x = [1, 2, 3,]
x = {1: 2, **d, 3: 4}
x = {1, 2, *s}
x = {}
x = [i for i in range(10) if i % 2 if i > 3 for j in range(i)]
x = {i: j for i, j in pairs}
x = {i for i in s}
x = (i for i in s)
x = sum(i for i in s)
x = f(*args, **kwargs)
x = f(a, *b, c=d, *e, **g)
x = f(a=1)(b=2)
x = f(x for x in y)
x = ...
x = None, True, False
x = 0, 1, 0x1F, 0o17, 0b101, 1_000_000, 0xdead_beef, 00, 0_0
x = 1.5, 1e10, 1.5e-3, .5, 5., 1_0.0_1, 1e1_0, 123456789012345678901234567890
x = 1E5, 0e0, 1e308, 1e309
x = a if b else(c)
x = [*a, *b]
x = *a, *b
print(*a, sep='')
x = a.b(c).d[e](f).g
