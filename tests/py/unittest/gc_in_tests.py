import gc
import unittest

class Node:
    pass

class GCTests(unittest.TestCase):
    def setUp(self):
        gc.collect()

    def test_cycle_collected(self):
        a = Node()
        a.me = a
        del a
        self.assertEqual(gc.collect(), 1)

    def test_no_garbage(self):
        self.assertEqual(gc.collect(), 0)

    def test_threshold(self):
        self.assertEqual(gc.get_threshold(), (700, 10, 10))

if __name__ == "__main__":
    unittest.main()
