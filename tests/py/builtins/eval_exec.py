print(eval("1 + 2 * 3"))
print(eval("x * 2", {"x": 21}))
ns = {}
exec("y = 5\ndef f():\n    return y + 1", ns)
print(ns["y"], ns["f"]())
x = 10
print(eval("x + 1"))
exec("z = x * 3")
print(z)
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__)
code = compile("a + b", "<expr>", "eval")
print(eval(code, {"a": 1, "b": 2}))
