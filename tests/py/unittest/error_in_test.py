import unittest

def helper(x):
    return 10 / x

class T(unittest.TestCase):
    def test_zero(self):
        helper(0)

    def test_name(self):
        undefined_thing

if __name__ == "__main__":
    unittest.main()
