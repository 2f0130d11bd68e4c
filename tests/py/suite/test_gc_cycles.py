# Cycle collection checked the way CPython's Lib/test/test_gc.py checks it:
# one unittest TestCase per area, only what does not depend on the
# implementation (no C API, no threads, no subprocesses).
import gc
import sys
import unittest


class C1055820:
    def __init__(self, i):
        self.i = i
        self.loop = self


class CycleTests(unittest.TestCase):
    def setUp(self):
        gc.collect()

    def test_list(self):
        l = []
        l.append(l)
        gc.collect()
        del l
        self.assertEqual(gc.collect(), 1)

    def test_dict(self):
        d = {}
        d[1] = d
        gc.collect()
        del d
        self.assertEqual(gc.collect(), 1)

    def test_tuple_closed_by_list(self):
        l = []
        t = (l,)
        l.append(t)
        gc.collect()
        del t, l
        self.assertEqual(gc.collect(), 2)

    def test_class(self):
        class A:
            pass
        A.a = A
        gc.collect()
        del A
        self.assertNotEqual(gc.collect(), 0)

    def test_instance(self):
        class A:
            pass
        a = A()
        a.a = a
        gc.collect()
        del a
        self.assertEqual(gc.collect(), 1)

    def test_method(self):
        class A:
            def __init__(self):
                self.init = self.__init__
        a = A()
        gc.collect()
        del a
        self.assertEqual(gc.collect(), 2)

    def test_function(self):
        d = {}
        exec("def f(): pass\n", d)
        gc.collect()
        del d
        self.assertNotEqual(gc.collect(), 0)

    def test_frame(self):
        def f():
            frame = sys._getframe()
        gc.collect()
        f()
        self.assertNotEqual(gc.collect(), 0)

    def test_long_chain_of_cycles(self):
        for i in range(3):
            objs = [C1055820(n) for n in range(100)]
            del objs
            self.assertEqual(gc.collect(), 100)

    def test_reachable_cycle_survives(self):
        a = C1055820(0)
        gc.collect()
        self.assertEqual(gc.collect(), 0)
        self.assertIs(a.loop, a)

    def test_trashcan_deep_nesting(self):
        # Freeing a deeply nested structure must not overflow the C stack.
        for _ in range(2):
            t = []
            for i in range(50000):
                t = [t, []]
            u = t
            del t, u
        d = None
        for i in range(50000):
            d = {"d": d, "cycle": None}
        d["cycle"] = d
        del d
        gc.collect()

    def test_boom(self):
        # __getattr__ of an object in a cycle breaks the cycle while the
        # collector looks at it.
        class Boom:
            def __getattr__(self, someattribute):
                del self.attr
                raise AttributeError

        a = Boom()
        b = Boom()
        a.attr = b
        b.attr = a
        gc.collect()
        garbagelen = len(gc.garbage)
        del a, b
        self.assertEqual(gc.collect(), 2)
        self.assertEqual(len(gc.garbage), garbagelen)


class CollectorStateTests(unittest.TestCase):
    def test_get_count_resets(self):
        gc.collect()
        a, b, c = gc.get_count()
        self.assertEqual((b, c), (0, 0))
        x = []
        d, e, f = gc.get_count()
        self.assertEqual((e, f), (0, 0))
        self.assertGreater(d, a)
        del x

    def test_collect_generations(self):
        gc.collect()
        x = []
        gc.collect(0)
        a, b, c = gc.get_count()
        gc.collect(1)
        d, e, f = gc.get_count()
        gc.collect(2)
        g, h, i = gc.get_count()
        self.assertEqual((b, c), (1, 0))
        self.assertEqual((e, f), (0, 1))
        self.assertEqual((h, i), (0, 0))

    def test_saveall(self):
        gc.collect()
        gc.garbage.clear()
        debug = gc.get_debug()
        gc.set_debug(debug | gc.DEBUG_SAVEALL)
        l = []
        l.append(l)
        id_l = id(l)
        del l
        gc.collect()
        gc.set_debug(debug)
        self.assertEqual(len(gc.garbage), 1)
        obj = gc.garbage.pop()
        self.assertEqual(id(obj), id_l)

    def test_enable_disable(self):
        was = gc.isenabled()
        gc.disable()
        self.assertFalse(gc.isenabled())
        gc.enable()
        self.assertTrue(gc.isenabled())
        if not was:
            gc.disable()

    def test_get_stats(self):
        stats = gc.get_stats()
        self.assertEqual(len(stats), 3)
        for st in stats:
            self.assertIsInstance(st, dict)
            self.assertEqual(set(st), {"collected", "collections",
                                       "uncollectable"})
        gc.collect(0)
        new = gc.get_stats()
        self.assertEqual(new[0]["collections"], stats[0]["collections"] + 1)
        self.assertEqual(new[2]["collections"], stats[2]["collections"])

    def test_freeze(self):
        gc.freeze()
        self.assertGreater(gc.get_freeze_count(), 0)
        gc.unfreeze()
        self.assertEqual(gc.get_freeze_count(), 0)

    def test_invalid_generation(self):
        self.assertRaises(ValueError, gc.collect, 3)
        self.assertRaises(ValueError, gc.collect, -1)
        self.assertRaises(ValueError, gc.get_objects, 1000)


if __name__ == "__main__":
    unittest.main()
