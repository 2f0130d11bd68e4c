import unittest

class T(unittest.TestCase):
    def test_pass(self):
        pass

    def test_fail(self):
        self.assertTrue(False, "nope")

    def test_error(self):
        raise OSError("disk")

    @unittest.skip("why not")
    def test_skip(self):
        pass

result = unittest.TestResult()
unittest.defaultTestLoader.loadTestsFromTestCase(T).run(result)
print(result.testsRun, len(result.failures), len(result.errors), result.skipped[0][1])
print(result.failures[0][0].id(), result.errors[0][0].id())
print(result.failures[0][1].splitlines()[-1])
print(result.errors[0][1].splitlines()[-1])
print(result.wasSuccessful())
print(repr(result).startswith("<unittest.result.TestResult run=4 errors=1 failures=1>") or repr(result))
