import json

data = {"name": "Ann", "age": 30, "tags": ["a", "b"], "ratio": 0.5, "ok": True, "none": None,
        "nested": {"x": [1, 2, {"y": "z"}]}, "unicode": "héllo €", "empty": {}, "list": []}
text = json.dumps(data)
print(text)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
print(json.dumps([1, 2.5, 1e20, 1e-7, 3.0, -0.0, 10 ** 20, "tab\tquote\"back\\slash\nnl", "\x01", "😀"]))
print(json.dumps({3: "int key", 1.5: "float", True: "bool", None: "none"}), json.dumps((1, 2)))
print(json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]))
print(json.dumps([], indent=4), json.dumps({"a": []}, indent=0))
print(json.loads(text) == data, json.loads(json.dumps(data, indent=2)) == data)
print(json.loads('  {"a": [1, 2.5, -3e2, true, false, null, "s\\u00e9\\n", "\\ud83d\\ude00"]} '))
print(json.loads("123"), json.loads("-0.5"), json.loads('"x"'), json.loads("NaN") != json.loads("NaN"), json.loads("[]"))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('{"p": {"x": 1}}', object_hook=lambda d: sorted(d.items())), json.loads("[1.5]", parse_float=str), json.loads("[7]", parse_int=float))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

print(json.dumps(Point(1, 2), default=lambda o: o.__dict__))
for bad in ("", "{", '{"a" 1}', "[1,]", '{"a":1,}', "[1 2]", "tru", '"abc', '"\\x"', "01", "1 2", "{'a': 1}", '"\\u12"', '[1, 2'):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.lineno, e.colno, e.pos)
for bad in ({1, 2}, Point(0, 0)):
    try:
        json.dumps(bad)
    except TypeError as e:
        print(e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print(e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print(e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(e)
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
print(issubclass(json.JSONDecodeError, ValueError))
