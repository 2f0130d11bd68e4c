import unittest

log = []

class T(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")
        print(log)

    def setUp(self):
        log.append("setUp " + self._testMethodName)
        self.resource = []

    def tearDown(self):
        log.append("tearDown " + self._testMethodName)

    def test_one(self):
        log.append("test_one")
        self.assertEqual(self.resource, [])

    def test_two(self):
        log.append("test_two")
        self.addCleanup(log.append, "cleanup for test_two")

if __name__ == "__main__":
    unittest.main()
