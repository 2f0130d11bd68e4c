# get_referents, get_referrers, get_objects, is_tracked, is_finalized in
# the style of CPython's Lib/test/test_gc.py.
import gc
import unittest


class Introspection(unittest.TestCase):
    def test_get_referents(self):
        alist = [1, 3, 5]
        got = gc.get_referents(alist)
        got.sort()
        self.assertEqual(got, alist)

        atuple = tuple(alist)
        got = gc.get_referents(atuple)
        got.sort()
        self.assertEqual(got, alist)

        adict = {1: 3, 5: 7}
        expected = [1, 3, 5, 7]
        got = gc.get_referents(adict)
        got.sort()
        self.assertEqual(got, expected)

        got = gc.get_referents([1, 2], {3: 4}, (0, 0, 0))
        got.sort()
        self.assertEqual(got, [0, 0] + list(range(5)))
        self.assertEqual(gc.get_referents(1, "a", 4.5), [])

    def test_get_referrers(self):
        target = []
        holder = {"k": target}
        listing = [target, target]
        referrers = gc.get_referrers(target)
        self.assertTrue(any(r is holder for r in referrers))
        self.assertTrue(any(r is listing for r in referrers))

    def test_is_tracked(self):
        self.assertFalse(gc.is_tracked(None))
        self.assertFalse(gc.is_tracked(1))
        self.assertFalse(gc.is_tracked(1.0))
        self.assertFalse(gc.is_tracked("a"))
        self.assertFalse(gc.is_tracked(()))
        self.assertFalse(gc.is_tracked({}))
        self.assertFalse(gc.is_tracked({"a": 1, "b": None}))

        class UserClass:
            pass

        class UserInt(int):
            pass

        self.assertTrue(gc.is_tracked(gc))
        self.assertTrue(gc.is_tracked(UserClass))
        self.assertTrue(gc.is_tracked(UserClass()))
        self.assertTrue(gc.is_tracked(UserInt()))
        self.assertTrue(gc.is_tracked([]))
        self.assertTrue(gc.is_tracked(set()))

    def test_is_tracked_untracking(self):
        t = tuple([1, 2])
        gc.collect()
        self.assertFalse(gc.is_tracked(t))
        t2 = tuple([[], 2])
        gc.collect()
        self.assertTrue(gc.is_tracked(t2))
        d = {}
        self.assertFalse(gc.is_tracked(d))
        d["x"] = []
        self.assertTrue(gc.is_tracked(d))

    def test_is_finalized(self):
        class Lazarus:
            def __del__(self):
                nonlocal storage
                storage = self

        storage = None
        lazarus = Lazarus()
        self.assertFalse(gc.is_finalized(lazarus))
        del lazarus
        gc.collect()
        lazarus = storage
        storage = None
        self.assertTrue(gc.is_finalized(lazarus))

    def test_get_objects(self):
        gc.collect()
        l = []
        l.append(l)
        self.assertTrue(any(l is element for element in gc.get_objects(generation=0)))
        self.assertFalse(any(l is element for element in gc.get_objects(generation=1)))
        gc.collect(generation=0)
        self.assertFalse(any(l is element for element in gc.get_objects(generation=0)))
        self.assertTrue(any(l is element for element in gc.get_objects(generation=1)))
        gc.collect(generation=2)
        self.assertTrue(any(l is element for element in gc.get_objects(generation=2)))
        del l
        gc.collect()

    def test_get_objects_arguments(self):
        gc.collect()
        self.assertEqual(len(gc.get_objects()), len(gc.get_objects(generation=None)))
        self.assertRaises(ValueError, gc.get_objects, 1000)
        self.assertRaises(ValueError, gc.get_objects, -1000)
        self.assertRaises(TypeError, gc.get_objects, "1")
        self.assertRaises(TypeError, gc.get_objects, 1.234)


if __name__ == "__main__":
    unittest.main()
