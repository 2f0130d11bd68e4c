print(repr(exit))
print(repr(quit))
print(callable(exit), callable(quit))
try:
    exit(3)
except SystemExit as e:
    print("exit raised SystemExit", e.code)
try:
    quit()
except SystemExit as e:
    print("quit raised SystemExit", e.code)
