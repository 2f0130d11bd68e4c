import unittest

class T(unittest.TestCase):
    def test_counts(self):
        self.assertCountEqual([1, 1, 2], [1, 2, 2])

    def test_missing(self):
        self.assertCountEqual(["a", "b"], ["a"])

if __name__ == "__main__":
    unittest.main()
