# weakref.ref, proxies and callbacks checked the way CPython's
# Lib/test/test_weakref.py checks them (no threads, no C API).
import gc
import sys
import unittest
import weakref


class C:
    def method(self):
        pass


class Callable:
    bar = None

    def __call__(self, x):
        self.bar = x


def create_function():
    def f():
        pass
    return f


class ReferencesTestCase(unittest.TestCase):
    def setUp(self):
        self.cbcalled = 0

    def callback(self, ref):
        self.cbcalled += 1

    def test_basic_ref(self):
        self.check_basic_ref(C)
        self.check_basic_ref(create_function)
        o = C()
        wr = weakref.ref(o)
        repr(wr)
        del o
        repr(wr)

    def check_basic_ref(self, factory):
        o = factory()
        ref = weakref.ref(o)
        self.assertIsNotNone(ref(), "weak reference to live object should be live")
        o2 = ref()
        self.assertIs(o, o2, "<ref>() should return original object if live")

    def test_basic_callback(self):
        for factory in (C, create_function):
            o = factory()
            ref = weakref.ref(o, self.callback)
            del o
            self.assertEqual(self.cbcalled, 1)
            self.assertIsNone(ref())
            self.cbcalled = 0

    def test_multiple_callbacks(self):
        o = C()
        ref1 = weakref.ref(o, self.callback)
        ref2 = weakref.ref(o, self.callback)
        del o
        self.assertIsNone(ref1())
        self.assertIsNone(ref2())
        self.assertEqual(self.cbcalled, 2)

    def test_multiple_selfref_callbacks(self):
        def callback(object, self=self):
            self.ref()
        c = C()
        self.ref = weakref.ref(c, callback)
        ref1 = weakref.ref(c, callback)
        del c
        self.assertIsNone(ref1())

    def test_shared_ref_without_callback(self):
        o = C()
        ref1 = weakref.ref(o)
        ref2 = weakref.ref(o)
        self.assertIs(ref1, ref2)
        p1 = weakref.proxy(o)
        p2 = weakref.proxy(o)
        self.assertIs(p1, p2)
        ref3 = weakref.ref(o, self.callback)
        self.assertIsNot(ref3, ref1)
        self.assertEqual(weakref.getweakrefcount(o), 3)
        del ref1, ref2, ref3, p1, p2
        self.assertEqual(weakref.getweakrefcount(o), 0)

    def test_ref_equality(self):
        o1, o2 = C(), C()
        self.assertTrue(weakref.ref(o1) == weakref.ref(o1))
        self.assertFalse(weakref.ref(o1) == weakref.ref(o2))
        r1, r2 = weakref.ref(o1), weakref.ref(o2)
        del o1, o2
        self.assertFalse(r1 == r2)
        self.assertTrue(r1 != r2)
        self.assertTrue(r1 == r1)

    def test_ref_hash(self):
        o = C()
        r = weakref.ref(o)
        self.assertEqual(hash(r), hash(o))
        r2 = weakref.ref(C())
        self.assertRaises(TypeError, hash, r2)

    def test_proxy_ref(self):
        o = C()
        o.bar = 1
        ref1 = weakref.proxy(o, self.callback)
        ref2 = weakref.proxy(o, self.callback)
        del o

        def check(proxy):
            proxy.bar

        self.assertRaises(ReferenceError, check, ref1)
        self.assertRaises(ReferenceError, check, ref2)
        self.assertEqual(self.cbcalled, 2)

    def test_callable_proxy(self):
        o = Callable()
        ref1 = weakref.proxy(o)
        ref1("twinkies!")
        self.assertEqual(o.bar, "twinkies!")
        self.assertEqual(type(ref1).__name__, "CallableProxyType")
        self.assertRaises(TypeError, ref1)

    def test_proxy_attributes(self):
        o = C()
        p = weakref.proxy(o)
        p.foo = 1
        self.assertEqual(o.foo, 1)
        self.assertEqual(p.foo, 1)
        del p.foo
        self.assertFalse(hasattr(o, "foo"))

    def test_getweakrefcount(self):
        o = C()
        ref1 = weakref.ref(o)
        ref2 = weakref.ref(o, self.callback)
        self.assertEqual(weakref.getweakrefcount(o), 2)
        proxy1 = weakref.proxy(o)
        proxy2 = weakref.proxy(o, self.callback)
        self.assertEqual(weakref.getweakrefcount(o), 4)
        del ref1, ref2, proxy1, proxy2
        self.assertEqual(weakref.getweakrefcount(o), 0)
        self.assertEqual(weakref.getweakrefcount(1), 0)

    def test_getweakrefs(self):
        o = C()
        ref1 = weakref.ref(o, self.callback)
        ref2 = weakref.ref(o, self.callback)
        del ref1
        self.assertEqual(weakref.getweakrefs(o), [ref2])
        del ref2
        self.assertEqual(weakref.getweakrefs(o), [])
        self.assertEqual(weakref.getweakrefs(1), [])

    def test_callback_in_cycle_garbage(self):
        called = []

        class Node:
            pass

        gc.collect()
        a = Node()
        a.me = a
        r = weakref.ref(a, lambda wr: called.append(wr() is None))
        del a
        gc.collect()
        self.assertEqual(called, [True])
        self.assertIsNone(r())

    def test_weakref_dies_before_referent(self):
        called = []
        o = C()
        r = weakref.ref(o, lambda wr: called.append(1))
        del r
        del o
        self.assertEqual(called, [])

    def test_callback_exception_does_not_stop(self):
        o = C()
        r = weakref.ref(o, lambda wr: 1 / 0)
        ok = weakref.ref(o, self.callback)
        stderr = sys.stderr
        sink = Sink()
        sys.stderr = sink
        try:
            del o
        finally:
            sys.stderr = stderr
        self.assertEqual(self.cbcalled, 1)
        self.assertIn("ZeroDivisionError", "".join(sink.parts))

    def test_subclass_refs(self):
        class MyRef(weakref.ref):
            def __init__(self, ob, callback=None, value=42):
                self.value = value
                super().__init__(ob, callback)

            def __call__(self):
                self.called = True
                return super().__call__()

        o = C()
        mr = MyRef(o, value=24)
        self.assertIs(mr(), o)
        self.assertTrue(mr.called)
        self.assertEqual(mr.value, 24)
        del o
        self.assertIsNone(mr())
        self.assertTrue(isinstance(mr, weakref.ref))


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


if __name__ == "__main__":
    unittest.main()
