import unittest

class T(unittest.TestCase):
    def test_long_lists(self):
        self.assertEqual(list(range(40)), list(range(39)) + [99])

    def test_long_strings(self):
        self.assertEqual("x" * 100 + "a", "x" * 100 + "b")

if __name__ == "__main__":
    unittest.main()
