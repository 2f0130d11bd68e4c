# args: -v
import unittest

class TestStrings(unittest.TestCase):
    def test_upper(self):
        self.assertEqual("a".upper(), "A")

    def test_documented(self):
        """The first docstring line shows in verbose output.

        Not this one."""
        self.assertIn("b", "abc")

    def test_split(self):
        self.assertEqual("a b".split(), ["a", "b"])

if __name__ == "__main__":
    unittest.main()
