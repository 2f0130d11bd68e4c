import unittest

class T(unittest.TestCase):
    def test_chain(self):
        try:
            {}["k"]
        except KeyError as e:
            raise RuntimeError("wrapped") from e

if __name__ == "__main__":
    unittest.main()
