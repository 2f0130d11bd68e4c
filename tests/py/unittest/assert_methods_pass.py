import unittest

class T(unittest.TestCase):
    def test_equality(self):
        self.assertEqual([1, 2], [1, 2])
        self.assertNotEqual(1, 2)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.05, places=1)
        self.assertAlmostEqual(10, 12, delta=3)
        self.assertNotAlmostEqual(1.0, 1.1)

    def test_identity(self):
        x = []
        self.assertIs(x, x)
        self.assertIsNot(x, [])
        self.assertIsNone(None)
        self.assertIsNotNone(0)

    def test_membership(self):
        self.assertIn(1, [1, 2])
        self.assertNotIn(3, [1, 2])
        self.assertIsInstance(1, int)
        self.assertIsInstance("s", (int, str))
        self.assertNotIsInstance(1, str)

    def test_ordering(self):
        self.assertGreater(2, 1)
        self.assertGreaterEqual(2, 2)
        self.assertLess(1, 2)
        self.assertLessEqual(2, 2)

    def test_containers(self):
        self.assertCountEqual([1, 2, 2, 3], [3, 2, 1, 2])
        self.assertListEqual([1], [1])
        self.assertTupleEqual((1,), (1,))
        self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertSetEqual({1, 2}, {2, 1})
        self.assertSequenceEqual([1, 2], (1, 2))
        self.assertMultiLineEqual("a\nb", "a\nb")

if __name__ == "__main__":
    unittest.main()
