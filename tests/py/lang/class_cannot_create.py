# Builtin classes that have no constructor of their own (views, iterators,
# generators, builtin functions) refuse to be called, with or without
# arguments, instead of making an empty object.
kinds = [type({}.keys()), type({}.values()), type({}.items()),
         type(iter([])), type(iter(())), type(iter(range(3))),
         type(iter({})), type(iter(set())),
         type((x for x in ())), type(len), type([].append)]
for kind in kinds:
    for args in ((), ({},)):
        try:
            made = kind(*args)
        except TypeError as exc:
            print(exc)
        else:
            print("made", kind.__name__, made)
for kind in (object, type(None), zip, map, enumerate):
    try:
        print(type(kind()).__name__ if kind not in (map, enumerate) else kind)
    except TypeError as exc:
        print(exc)
