import unittest

class T(unittest.TestCase):
    def test_a(self):
        pass

class U(unittest.TestCase):
    def test_u(self):
        self.fail("U is not the default")

if __name__ == "__main__":
    unittest.main(defaultTest="T")
