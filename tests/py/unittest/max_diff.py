import unittest

class T(unittest.TestCase):
    def test_long_diff_omitted(self):
        self.assertEqual(list(range(100)), list(range(1, 101)))

    def test_full_diff(self):
        self.maxDiff = None
        self.assertEqual({"a": 1, "b": [1, 2]}, {"a": 2, "b": [1, 3]})

if __name__ == "__main__":
    unittest.main()
