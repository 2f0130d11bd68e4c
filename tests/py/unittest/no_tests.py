import unittest

class Empty(unittest.TestCase):
    pass

if __name__ == "__main__":
    unittest.main()
