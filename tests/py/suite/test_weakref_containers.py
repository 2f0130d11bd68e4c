# WeakValueDictionary, WeakKeyDictionary, WeakSet, WeakMethod and finalize
# in the style of CPython's Lib/test/test_weakref.py and test_weakset.py.
import gc
import unittest
import weakref


class Obj:
    def __init__(self, arg):
        self.arg = arg

    def __repr__(self):
        return "<Obj %r>" % self.arg

    def __eq__(self, other):
        if isinstance(other, Obj):
            return self.arg == other.arg
        return NotImplemented

    def __hash__(self):
        return hash(self.arg)


class Method:
    def meth(self):
        return "meth"


class MappingTestCase(unittest.TestCase):
    def make_weak_valued_dict(self):
        dict = weakref.WeakValueDictionary()
        objects = list(map(Obj, range(10)))
        for o in objects:
            dict[o.arg] = o
        return dict, objects

    def test_weak_values(self):
        dict, objects = self.make_weak_valued_dict()
        for o in objects:
            self.assertIs(o, dict[o.arg])
        items1 = list(dict.items())
        items2 = list(dict.copy().items())
        items1.sort(key=lambda kv: kv[0])
        items2.sort(key=lambda kv: kv[0])
        self.assertEqual(items1, items2)
        del items1, items2
        self.assertEqual(len(dict), len(objects))
        del objects[0]
        self.assertEqual(len(dict), len(objects))
        o = objects[0]
        del objects, o
        self.assertEqual(len(dict), 0)

    def test_weak_keys(self):
        dict = weakref.WeakKeyDictionary()
        objects = list(map(Obj, range(10)))
        for o in objects:
            dict[o] = o.arg
        for o in objects:
            self.assertEqual(o.arg, dict[o])
        self.assertEqual(len(dict), len(objects))
        del objects[0]
        self.assertEqual(len(dict), len(objects))
        del o
        objects.clear()
        self.assertEqual(len(dict), 0)

    def test_weak_keyed_dict_setdefault_pop(self):
        d = weakref.WeakKeyDictionary()
        k = Obj("key")
        self.assertEqual(d.setdefault(k, "v"), "v")
        self.assertEqual(d.setdefault(k, "other"), "v")
        self.assertEqual(d.pop(k), "v")
        self.assertNotIn(k, d)
        self.assertRaises(KeyError, d.pop, k)

    def test_weak_valued_get_default(self):
        d = weakref.WeakValueDictionary()
        o = Obj(1)
        d["k"] = o
        self.assertIs(d.get("k"), o)
        del o
        self.assertIsNone(d.get("k"))
        self.assertEqual(d.get("k", "default"), "default")
        self.assertRaises(KeyError, d.__getitem__, "k")

    def test_cycle_values_collected(self):
        d = weakref.WeakValueDictionary()
        o = Obj("cyclic")
        o.me = o
        d["c"] = o
        del o
        gc.collect()
        self.assertEqual(len(d), 0)


class WeakSetTestCase(unittest.TestCase):
    def test_basic(self):
        s = weakref.WeakSet()
        items = [Obj(i) for i in range(5)]
        for it in items:
            s.add(it)
        self.assertEqual(len(s), 5)
        self.assertIn(items[2], s)
        del it
        items.pop()
        self.assertEqual(len(s), 4)
        items.clear()
        self.assertEqual(len(s), 0)

    def test_discard_remove(self):
        s = weakref.WeakSet()
        o = Obj("x")
        s.add(o)
        s.discard(o)
        self.assertNotIn(o, s)
        self.assertRaises(KeyError, s.remove, o)


class WeakMethodTestCase(unittest.TestCase):
    def test_alive(self):
        o = Method()
        r = weakref.WeakMethod(o.meth)
        self.assertIsInstance(r, weakref.ref)
        self.assertEqual(r()(), "meth")

    def test_object_dead(self):
        o = Method()
        r = weakref.WeakMethod(o.meth)
        del o
        self.assertIs(r(), None)

    def test_callback_when_object_dead(self):
        calls = []
        o = Method()
        r = weakref.WeakMethod(o.meth, calls.append)
        del o
        self.assertEqual(calls, [r])

    def test_not_a_method(self):
        self.assertRaises(TypeError, weakref.WeakMethod, len)


class FinalizeTestCase(unittest.TestCase):
    def test_finalize(self):
        def add(x, y, z):
            res.append(x + y + z)
            return x + y + z

        a = Obj(1)
        res = []
        f = weakref.finalize(a, add, 67, 43, z=89)
        self.assertEqual(f.alive, True)
        self.assertEqual(f.peek(), (a, add, (67, 43), {"z": 89}))
        self.assertEqual(f(), 199)
        self.assertEqual(f(), None)
        self.assertEqual(f(), None)
        self.assertEqual(f.peek(), None)
        self.assertEqual(f.detach(), None)
        self.assertEqual(f.alive, False)
        self.assertEqual(res, [199])

        res = []
        f = weakref.finalize(a, add, 67, 43, 89)
        self.assertEqual(f.detach(), (a, add, (67, 43, 89), {}))
        self.assertEqual(f(), None)
        self.assertEqual(res, [])

        res = []
        f = weakref.finalize(a, add, x=67, y=43, z=89)
        del a
        self.assertEqual(f.alive, False)
        self.assertEqual(f(), None)
        self.assertEqual(res, [199])

    def test_order(self):
        a = Obj(1)
        res = []
        f1 = weakref.finalize(a, res.append, "f1")
        f2 = weakref.finalize(a, res.append, "f2")
        f3 = weakref.finalize(a, res.append, "f3")
        del a
        self.assertEqual(res, ["f3", "f2", "f1"])

    def test_finalize_in_cycle(self):
        gc.collect()
        res = []
        a = Obj(1)
        a.me = a
        weakref.finalize(a, res.append, "done")
        del a
        gc.collect()
        self.assertEqual(res, ["done"])


if __name__ == "__main__":
    unittest.main()
