# __del__ and the collector (PEP 442), in the style of CPython's
# Lib/test/test_gc.py and test_finalization.py.
import gc
import unittest


class Finalization(unittest.TestCase):
    def setUp(self):
        gc.collect()

    def test_del_in_cycle_is_collected(self):
        calls = []

        class A:
            def __del__(self):
                calls.append(id(self))

        a = A()
        a.a = a
        id_a = id(a)
        del a
        self.assertEqual(gc.collect(), 1)
        self.assertEqual(calls, [id_a])
        self.assertEqual(gc.garbage, [])

    def test_del_newclass_with_dict(self):
        class A:
            def __del__(self):
                dir(self)

        a = A()
        a.a = a
        a.__dict__
        del a
        self.assertEqual(gc.collect(), 2)

    def test_resurrection_only_happens_once_per_object(self):
        class A:
            def __init__(self):
                self.me = self

        class Lazarus(A):
            resurrected = 0
            resurrected_instances = []

            def __del__(self):
                Lazarus.resurrected += 1
                Lazarus.resurrected_instances.append(self)

        gc.collect()
        gc.disable()
        laz = Lazarus()
        self.assertEqual(Lazarus.resurrected, 0)
        del laz
        gc.collect()
        self.assertEqual(Lazarus.resurrected, 1)
        self.assertEqual(len(Lazarus.resurrected_instances), 1)
        Lazarus.resurrected_instances.clear()
        self.assertEqual(Lazarus.resurrected, 1)
        gc.collect()
        self.assertEqual(Lazarus.resurrected, 1)
        gc.enable()

    def test_resurrection_is_transitive(self):
        class Cargo:
            def __init__(self):
                self.me = self

        class Lazarus:
            resurrected_instances = []

            def __del__(self):
                Lazarus.resurrected_instances.append(self)

        gc.collect()
        gc.disable()
        laz = Lazarus()
        cargo = Cargo()
        cargo_id = id(cargo)
        laz.cargo = cargo
        cargo.laz = laz
        del laz, cargo
        gc.collect()
        instance = Lazarus.resurrected_instances.pop()
        self.assertTrue(hasattr(instance, "cargo"))
        self.assertEqual(id(instance.cargo), cargo_id)
        gc.collect()
        gc.enable()

    def test_resurrection_does_not_block_cleanup_of_others(self):
        # A resurrected object is not counted as collected, by collect()'s
        # result or by get_stats(); the others found with it are.
        class A:
            def __init__(self):
                self.me = self

        class Z(A):
            def __del__(self):
                zs.append(self)

        zs = []

        def collected():
            return gc.get_stats()[-1]["collected"]

        gc.collect()
        gc.disable()
        before = collected()
        for i in range(10):
            A()
        self.assertEqual(gc.collect(), 10)
        self.assertEqual(collected() - before, 10)

        before = collected()
        Z()
        self.assertEqual(gc.collect(), 0)
        self.assertEqual(collected() - before, 0)

        before = collected()
        for i in range(10):
            A()
        Z()
        self.assertEqual(gc.collect(), 10)
        self.assertEqual(collected() - before, 10)

        zs.clear()
        self.assertEqual(gc.collect(), 2)
        gc.enable()

    def test_finalizer_order_by_refcount(self):
        order = []

        class Named:
            def __init__(self, name, child=None):
                self.name = name
                self.child = child

            def __del__(self):
                order.append(self.name)

        parent = Named("parent", Named("child"))
        del parent
        self.assertEqual(order, ["parent", "child"])

    def test_del_sees_attributes(self):
        seen = []

        class Holder:
            def __del__(self):
                seen.append(sorted(vars(self)))

        h = Holder()
        h.a = 1
        h.b = [h]
        del h
        gc.collect()
        self.assertEqual(seen, [["a", "b"]])


if __name__ == "__main__":
    unittest.main()
