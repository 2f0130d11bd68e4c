def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c1 = counter()
c2 = counter()
print(c1(), c1(), c1())
print(c2())
print(c1.__closure__ is not None, len(c1.__closure__))
