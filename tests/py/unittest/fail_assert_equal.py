import unittest

class TestFail(unittest.TestCase):
    def test_ints(self):
        self.assertEqual(1 + 1, 3)

    def test_ok(self):
        pass

if __name__ == "__main__":
    unittest.main()
