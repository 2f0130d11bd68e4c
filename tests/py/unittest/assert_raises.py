import unittest

class T(unittest.TestCase):
    def test_context_manager(self):
        with self.assertRaises(ValueError) as cm:
            int("x")
        self.assertEqual(str(cm.exception), "invalid literal for int() with base 10: 'x'")

    def test_callable(self):
        self.assertRaises(ZeroDivisionError, lambda: 1 / 0)
        self.assertRaises(KeyError, {}.__getitem__, "k")

    def test_tuple(self):
        with self.assertRaises((TypeError, ValueError)):
            int([])

    def test_subclass(self):
        with self.assertRaises(LookupError):
            [][0]

    def test_not_raised(self):
        with self.assertRaises(ValueError):
            int("5")

    def test_not_raised_callable(self):
        self.assertRaises(TypeError, len, "abc")

    def test_wrong_exception(self):
        with self.assertRaises(KeyError):
            raise IndexError("other")

if __name__ == "__main__":
    unittest.main()
