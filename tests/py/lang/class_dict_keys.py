# A class statement records __orig_bases__ only when a base replaced itself
# through __mro_entries__; the class namespace holds nothing else extra.
class C(object):
    def meth(self):
        pass


print(sorted(C.__dict__))


class Entry:
    def __mro_entries__(self, bases):
        return (dict,)


class D(Entry()):
    pass


print(D.__bases__, type(D.__dict__["__orig_bases__"][0]).__name__)
