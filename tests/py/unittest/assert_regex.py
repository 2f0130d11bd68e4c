import unittest

class T(unittest.TestCase):
    def test_regex_pass(self):
        self.assertRegex("hello world", r"w\w+")
        self.assertNotRegex("hello", r"\d")
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")
        self.assertRaisesRegex(KeyError, "k.y", {}.__getitem__, "key")

    def test_regex_fail(self):
        self.assertRegex("hello world", r"\d+")

    def test_not_regex_fail(self):
        self.assertNotRegex("abc123", r"\d+")

    def test_raises_regex_mismatch(self):
        with self.assertRaisesRegex(ValueError, "^foo"):
            raise ValueError("bar")

    def test_raises_regex_not_raised(self):
        with self.assertRaisesRegex(ValueError, "x"):
            pass

if __name__ == "__main__":
    unittest.main()
