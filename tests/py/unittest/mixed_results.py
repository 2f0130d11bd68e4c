import unittest

class Mixed(unittest.TestCase):
    def test_1_pass(self):
        self.assertEqual(2, 2)

    def test_2_fail(self):
        self.assertNotEqual(2, 2)

    def test_3_error(self):
        raise RuntimeError("boom")

    @unittest.skip("not today")
    def test_4_skip(self):
        pass

    @unittest.expectedFailure
    def test_5_expected_failure(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_6_unexpected_success(self):
        pass

if __name__ == "__main__":
    unittest.main()
