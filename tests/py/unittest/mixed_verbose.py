# args: -v
import unittest

class Mixed(unittest.TestCase):
    def test_1_pass(self):
        pass

    def test_2_fail(self):
        self.fail("explicit failure")

    @unittest.skip("not today")
    def test_3_skip(self):
        pass

    def test_4_skip_inside(self):
        self.skipTest("skipped from inside")

    @unittest.expectedFailure
    def test_5_expected_failure(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_6_unexpected_success(self):
        pass

if __name__ == "__main__":
    unittest.main()
