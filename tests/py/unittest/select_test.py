# args: T.test_b
import unittest

class T(unittest.TestCase):
    def test_a(self):
        self.fail("not selected")

    def test_b(self):
        pass

if __name__ == "__main__":
    unittest.main()
