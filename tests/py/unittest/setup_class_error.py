import unittest

class T(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("class setup failed")

    def test_a(self):
        pass

    def test_b(self):
        pass

class Fine(unittest.TestCase):
    def test_ok(self):
        pass

if __name__ == "__main__":
    unittest.main()
