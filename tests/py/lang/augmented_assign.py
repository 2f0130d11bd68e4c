x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x **= 3; print(x)
x %= 7; print(x)
x /= 2; print(x)
y = 6
y <<= 2; print(y)
y >>= 1; print(y)
y &= 7; print(y)
y |= 8; print(y)
y ^= 3; print(y)
s = "ab"
s += "cd"; s *= 2; print(s)
lst = [1]
alias = lst
lst += [2]
print(alias, alias is lst)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {'a': [1]}
d['a'] += [2]
print(d)
