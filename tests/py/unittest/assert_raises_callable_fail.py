import unittest

def no_error(x):
    return x

class T(unittest.TestCase):
    def test_not_raised_by(self):
        self.assertRaises(ValueError, no_error, 1)

    def test_msg(self):
        with self.assertRaises(KeyError, msg="should raise"):
            pass

    def test_exception_attr(self):
        with self.assertRaises(ZeroDivisionError) as ctx:
            1 / 0
        self.assertIsInstance(ctx.exception, ZeroDivisionError)
        self.assertEqual(ctx.exception.args, ("division by zero",))

if __name__ == "__main__":
    unittest.main()
