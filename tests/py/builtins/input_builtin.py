# stdin: _input.txt
name = input()
print("name:", name)
age = input("age? ")
print()
print("age:", int(age) + 1)
rest = input()
print(repr(rest))
try:
    input()
except EOFError as e:
    print("EOFError", repr(str(e)))
