import unittest

class T(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.addClassCleanup(print, "class cleanup runs after tearDownClass")

    @classmethod
    def tearDownClass(cls):
        print("tearDownClass")

    def test_a(self):
        print("test_a")

if __name__ == "__main__":
    unittest.main()
