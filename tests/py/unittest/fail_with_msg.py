import unittest

class T(unittest.TestCase):
    def test_msg(self):
        self.assertEqual(5, 6, "five is not six")

    def test_longmessage_off(self):
        self.longMessage = False
        self.assertEqual(5, 6, "only this message")

    def test_true_msg(self):
        self.assertTrue([], "list should not be empty")

if __name__ == "__main__":
    unittest.main()
