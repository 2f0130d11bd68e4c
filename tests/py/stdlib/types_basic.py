# types: the kinds' names, SimpleNamespace, new_class, DynamicClassAttribute.
import sys
import types


def f():
    pass


class C:
    def m(self):
        pass


def gen():
    yield 1


print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType))
print(isinstance(f.__code__, types.CodeType), isinstance(gen(), types.GeneratorType))
print(isinstance(C().m, types.MethodType), isinstance(len, types.BuiltinFunctionType))
print(isinstance(sys, types.ModuleType), types.NoneType is type(None))
print(types.ModuleType("made").__name__)

ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="two", c=[3]))
del ns.a
print(ns, types.SimpleNamespace(y=2))
try:
    types.SimpleNamespace({"x": 1})
except TypeError as exc:
    print(exc)
ns.me = ns
print(ns)


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)


K = types.new_class("K", (C,), {"metaclass": Meta},
                    lambda ns: ns.update(answer=42))
print(K.__name__, K.answer, K.made_by, type(K).__name__, K.__mro__[1] is C)
print(types.resolve_bases((C, int)) == (C, int))


class WithDynamic:
    @types.DynamicClassAttribute
    def name(self):
        return "instance value"

    def __getattr__(self, attr):
        return "from __getattr__"


print(WithDynamic().name)
