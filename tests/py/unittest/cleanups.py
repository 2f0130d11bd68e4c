import unittest

order = []

class T(unittest.TestCase):
    def setUp(self):
        self.addCleanup(order.append, "first added")
        self.addCleanup(order.append, "second added")

    def test_cleanup_order(self):
        pass

    def test_cleanup_after_failure(self):
        self.addCleanup(order.append, "added in test")
        self.fail("fails, cleanups still run")

class Report(unittest.TestCase):
    def test_z_report(self):
        print(order)

if __name__ == "__main__":
    unittest.main()
