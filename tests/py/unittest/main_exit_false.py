import unittest

class T(unittest.TestCase):
    def test_fail(self):
        self.assertEqual("a", "b")

    def test_pass(self):
        pass

if __name__ == "__main__":
    program = unittest.main(exit=False)
    result = program.result
    print("ran", result.testsRun, "failures", len(result.failures), "errors", len(result.errors))
    print("successful:", result.wasSuccessful())
