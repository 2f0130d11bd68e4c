import unittest

class T(unittest.TestCase):
    def test_even(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    def test_all_pass(self):
        for word in ["a", "b"]:
            with self.subTest(word=word):
                self.assertTrue(word.isalpha())

if __name__ == "__main__":
    unittest.main()
