import unittest

class BadSetUp(unittest.TestCase):
    def setUp(self):
        raise ValueError("setUp failed")

    def test_never_runs(self):
        print("not printed")

class BadTearDown(unittest.TestCase):
    def tearDown(self):
        raise KeyError("tearDown failed")

    def test_runs(self):
        pass

class SkipInSetUp(unittest.TestCase):
    def setUp(self):
        self.skipTest("no resource")

    def test_skipped(self):
        pass

if __name__ == "__main__":
    unittest.main()
