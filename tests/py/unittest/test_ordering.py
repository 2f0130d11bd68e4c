# args: -v
import unittest

class Zeta(unittest.TestCase):
    def test_b(self):
        pass

    def test_a(self):
        pass

    def not_a_test(self):
        raise AssertionError("never collected")

class Alpha(unittest.TestCase):
    def test_z(self):
        pass

    def test_10(self):
        pass

    def test_9(self):
        pass

if __name__ == "__main__":
    unittest.main()
