import unittest

class MyTest(unittest.TestCase):
    def test_something(self):
        """Does something."""

    def test_plain(self):
        pass

t = MyTest("test_something")
print(t.id())
print(str(t))
print(t.shortDescription())
print(MyTest("test_plain").shortDescription())
print(t._testMethodName)
print(repr(t))
print(t == MyTest("test_something"), t == MyTest("test_plain"))
try:
    MyTest("no_such_method")
except ValueError as e:
    print(e)
print(unittest.TestCase.maxDiff, MyTest.longMessage)
