import unittest

def broken_cleanup():
    raise RuntimeError("cleanup failed")

class T(unittest.TestCase):
    def test_a(self):
        self.addCleanup(broken_cleanup)

if __name__ == "__main__":
    unittest.main()
