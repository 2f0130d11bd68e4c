# args: -v
import unittest

class T(unittest.TestCase):
    def test_a_pass(self):
        pass

    def test_b_fail(self):
        self.assertTrue(False)

    def test_c_error(self):
        {}["missing"]

if __name__ == "__main__":
    unittest.main()
