import unittest

class T(unittest.TestCase):
    def test_places(self):
        self.assertAlmostEqual(1.0, 1.1)

    def test_places_arg(self):
        self.assertAlmostEqual(3.14159, 3.15, places=3)

    def test_delta(self):
        self.assertAlmostEqual(10, 20, delta=5)

    def test_not_almost(self):
        self.assertNotAlmostEqual(1.0, 1.0000000001)

if __name__ == "__main__":
    unittest.main()
