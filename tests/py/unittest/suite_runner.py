import sys
import unittest

class A(unittest.TestCase):
    def test_one(self):
        pass

    def test_two(self):
        self.assertEqual(1, 2)

class B(unittest.TestCase):
    def test_three(self):
        pass

suite = unittest.TestSuite()
suite.addTest(A("test_one"))
suite.addTest(B("test_three"))
print(suite.countTestCases())
runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2)
result = runner.run(suite)
print(result.wasSuccessful(), result.testsRun)
loaded = unittest.TestLoader().loadTestsFromTestCase(A)
print(loaded.countTestCases())
result = unittest.TextTestRunner(stream=sys.stdout).run(loaded)
print(len(result.failures), result.failures[0][0].id())
