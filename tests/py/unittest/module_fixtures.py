import unittest

log = []

def setUpModule():
    log.append("setUpModule")

def tearDownModule():
    log.append("tearDownModule")
    print(log)

class A(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("A.setUpClass")

    @classmethod
    def tearDownClass(cls):
        log.append("A.tearDownClass")

    def test_a(self):
        log.append("A.test_a")

class B(unittest.TestCase):
    def test_b(self):
        log.append("B.test_b")

if __name__ == "__main__":
    unittest.main()
