# inspect: predicates, generator states, cleandoc/getdoc, getmembers,
# getattr_static, unwrap; and the builtin descriptor classes' __get__/__set__
# seen on the class (what isdatadescriptor/ismethoddescriptor ask).
import inspect, abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
class B(A):
    def f(self): return 1
def g(): yield 1
gen = g()
print(inspect.isabstract(A), inspect.isabstract(B), inspect.isgeneratorfunction(g), inspect.isgenerator(gen))
print(inspect.getgeneratorstate(gen)); next(gen); print(inspect.getgeneratorstate(gen)); gen.close(); print(inspect.getgeneratorstate(gen))
print(inspect.isfunction(g), inspect.isclass(A), inspect.ismethod(B().f), inspect.isbuiltin(len), inspect.isroutine(str.join), inspect.isroutine(len))
print(inspect.ismethoddescriptor(str.join), inspect.isdatadescriptor(property()), inspect.ismethoddescriptor(property()))
print(inspect.cleandoc("""  First
      second
        third
"""))
def documented():
    """  Summary line.

        Indented body
          deeper
    """


print(inspect.getdoc(documented), inspect.getdoc(g))
print([n for n, v in inspect.getmembers(B, inspect.isfunction)])
print(inspect.currentframe().f_code.co_name, inspect.getattr_static(B(), "f"), inspect.getattr_static(B, "nothing", 5))
def w(): pass
w.__wrapped__ = g
print(inspect.unwrap(w) is g, inspect.iscode(g.__code__), inspect.isframe(inspect.currentframe()), inspect.ismodule(abc))
print(inspect.isdatadescriptor(property()), inspect.ismethoddescriptor(str.join), property.__get__(property(lambda s: 5), 1), hasattr(type(len), "__get__"))
