# args: -q
import unittest

class T(unittest.TestCase):
    def test_ok(self):
        pass

    def test_fail(self):
        self.assertEqual([1], [2])

if __name__ == "__main__":
    unittest.main()
