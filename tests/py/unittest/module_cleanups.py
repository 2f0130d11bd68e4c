# unittest 3.11's fixtures: enterModuleContext/addModuleCleanup run after
# tearDownModule, enterContext/enterClassContext exit after the test/class,
# a failing cleanup is reported against tearDownModule.
import unittest


class Noisy:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, *exc):
        print("exit", self.name)


def setUpModule():
    print("setUpModule got", unittest.enterModuleContext(Noisy("module")))
    unittest.addModuleCleanup(print, "module cleanup", 1)


def tearDownModule():
    print("tearDownModule")
    unittest.addModuleCleanup(failing_cleanup)


def failing_cleanup():
    raise RuntimeError("cleanup broke")


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("class got", cls.enterClassContext(Noisy("class")))

    def test_context(self):
        print("test got", self.enterContext(Noisy("test")))

    def test_not_a_manager(self):
        with self.assertRaises(TypeError) as cm:
            self.enterContext(42)
        print(cm.exception)


if __name__ == "__main__":
    unittest.main()
