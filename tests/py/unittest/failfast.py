# args: -f
import unittest

class T(unittest.TestCase):
    def test_1(self):
        self.fail("first")

    def test_2(self):
        self.fail("second")

if __name__ == "__main__":
    unittest.main()
