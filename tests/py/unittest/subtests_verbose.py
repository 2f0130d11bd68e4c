# args: -v
import unittest

class T(unittest.TestCase):
    def test_values(self):
        for v in [1, -1, 2]:
            with self.subTest("checking", value=v):
                self.assertGreater(v, 0)

    def test_nested(self):
        for a in range(2):
            with self.subTest(a=a):
                for b in range(2):
                    with self.subTest(b=b):
                        if a == b == 1:
                            raise KeyError("error, not failure")

if __name__ == "__main__":
    unittest.main()
