# args: -v
import unittest

class T(unittest.TestCase):
    @unittest.expectedFailure
    def test_known_bug(self):
        self.assertEqual(1, 2)

if __name__ == "__main__":
    unittest.main()
