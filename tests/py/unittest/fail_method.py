import unittest

class T(unittest.TestCase):
    def test_fail_default(self):
        self.fail()

    def test_fail_msg(self):
        self.fail("custom failure message")

if __name__ == "__main__":
    unittest.main()
