import sys
import unittest

def check_addition():
    assert 1 + 1 == 2

def check_broken():
    """A broken check."""
    assert 1 + 1 == 3, "arithmetic is broken"

suite = unittest.TestSuite([unittest.FunctionTestCase(check_addition),
                            unittest.FunctionTestCase(check_broken)])
result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
print(result.wasSuccessful())
