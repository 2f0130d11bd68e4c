import unittest

class T(unittest.TestCase):
    def test_is(self):
        self.assertIs(1, None)

    def test_is_not(self):
        x = None
        self.assertIsNot(x, None)

    def test_is_none(self):
        self.assertIsNone(5)

    def test_is_not_none(self):
        self.assertIsNotNone(None)

    def test_in(self):
        self.assertIn(3, [1, 2])

    def test_not_in(self):
        self.assertNotIn(1, [1, 2])

    def test_isinstance(self):
        self.assertIsInstance(1, str)

    def test_not_isinstance(self):
        self.assertNotIsInstance(1, int)

    def test_greater(self):
        self.assertGreater(1, 2)

    def test_greater_equal(self):
        self.assertGreaterEqual(1, 2)

    def test_less(self):
        self.assertLess(2, 1)

    def test_less_equal(self):
        self.assertLessEqual(2, 1)

    def test_true(self):
        self.assertTrue(0)

    def test_false(self):
        self.assertFalse("x")

    def test_not_equal(self):
        self.assertNotEqual("a", "a")

if __name__ == "__main__":
    unittest.main()
