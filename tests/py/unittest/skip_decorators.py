# args: -v
import sys
import unittest

class T(unittest.TestCase):
    @unittest.skip("unconditional")
    def test_skip(self):
        pass

    @unittest.skipIf(sys.maxsize > 2 ** 40, "64-bit machine")
    def test_skip_if(self):
        pass

    @unittest.skipUnless(sys.maxsize < 0, "never true")
    def test_skip_unless(self):
        pass

    @unittest.skipIf(False, "not skipped")
    def test_runs(self):
        pass

@unittest.skip("whole class")
class Skipped(unittest.TestCase):
    def test_a(self):
        pass

    def test_b(self):
        pass

if __name__ == "__main__":
    unittest.main()
