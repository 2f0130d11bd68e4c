import unittest

class T(unittest.TestCase):
    def test_list(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_list_length(self):
        self.assertEqual([1, 2], [1, 2, 3])

    def test_tuple(self):
        self.assertEqual((1, "a"), (1, "b"))

    def test_dict(self):
        self.assertEqual({"a": 1, "b": 2}, {"a": 1, "b": 3})

    def test_set(self):
        self.assertEqual({1, 2, 3}, {2, 3, 4})

    def test_str(self):
        self.assertEqual("hello world", "hello there")

    def test_multiline(self):
        self.assertEqual("line one\nline two\nline three\n", "line one\nline 2\nline three\n")

    def test_mixed_types(self):
        self.assertEqual([1, 2], (1, 2))

if __name__ == "__main__":
    unittest.main()
