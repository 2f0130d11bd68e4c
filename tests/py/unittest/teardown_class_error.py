import unittest

class T(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        raise ValueError("tearDownClass failed")

    def test_a(self):
        pass

if __name__ == "__main__":
    unittest.main()
