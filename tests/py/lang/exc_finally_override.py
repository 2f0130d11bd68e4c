def f():
    try:
        return 1
    finally:
        return 2

print(f())

def g():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

print(g())

def h():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("finally", i)
    return i

print(h())

def k():
    for i in range(3):
        try:
            continue
        finally:
            print("cleanup", i)

k()
