import unittest

class T(unittest.TestCase):
    def test_a(self):
        pass

    def test_b(self):
        pass

if __name__ == "__main__":
    unittest.main(argv=["prog", "-v", "T.test_b"], exit=False)
    unittest.main(argv=["prog"], verbosity=2, exit=False)
    print("after both runs")
