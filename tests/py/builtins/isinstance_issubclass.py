print(isinstance(1, int), isinstance("s", str), isinstance([], list), isinstance((), tuple))
print(isinstance({}, dict), isinstance(set(), set), isinstance(1.0, float), isinstance(None, object))
print(isinstance(int, type), isinstance(len, object), issubclass(bool, (str, int)))
print(issubclass(list, object), issubclass(type, object), issubclass(object, type))
