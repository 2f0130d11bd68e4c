# A metaclass deriving from type and a plain class: the plain class's
# __dict__ descriptor applied to a class defers to type's (read-only).
class Base(object):
    pass
def cant(x, d):
    try:
        x.__dict__ = d
    except (AttributeError, TypeError) as e:
        print("ok", type(e).__name__, e)
    else:
        print("allowed!")
def verify_dict_readonly(x):
    cant(x, {})
    try:
        del x.__dict__
    except (AttributeError, TypeError) as e:
        print("ok del", type(e).__name__)
    dict_descr = Base.__dict__["__dict__"]
    try:
        dict_descr.__set__(x, {})
    except (AttributeError, TypeError) as e:
        print("ok set", type(e).__name__, e)
class Meta1(type, Base):
    pass
class Meta2(Base, type):
    pass
class D(object, metaclass=Meta1):
    pass
class E(object, metaclass=Meta2):
    pass
for cls in D, E:
    print(sorted(k for k in Base.__dict__["__dict__"].__get__(cls) if not k.startswith("__")))
    verify_dict_readonly(cls)
