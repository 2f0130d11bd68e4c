name = "Ann"
age = 30
print(f"{name} is {age}")
print(f"{name!r} {name!s} {'é'!a}")
print(f"{age + 1} next year, {age * 2} doubled")
print(f"{{literal braces}} {name}")
print(F"upper F {age}")
d = {"k": "v"}
print(f"{d['k']} {d}")
print(f"{[i for i in range(3)]}")
print(f"{'nested ' + f'{age}'}")
x = 5
print(f"{x=}", f"{x = }", f"{x*2=}")
print(f"{'multi'}" f"{'part'}" "plain")
