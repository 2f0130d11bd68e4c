"""unittest for rcpy: test files written for CPython 3.11's unittest run
unchanged and print what CPython prints.

One module with CPython's public surface for ordinary test files:
TestCase (fixtures, cleanups, subTest, the assert methods with CPython's
messages and diffs), the skip/skipIf/skipUnless/expectedFailure
decorators, SkipTest, TestSuite (class and module fixtures), TestLoader,
TestResult, TextTestResult, TextTestRunner and main() (-v -q -f -b
test names, exit status through SystemExit).

The output is CPython's byte for byte: the dots line or the verbose
"... ok" lines, the FAIL/ERROR sections with tracebacks from which this
module's own frames are removed (frames whose globals hold __unittest,
as CPython does), "Ran N tests in T", "OK" / "FAILED (failures=1)".
Tracebacks are formatted by the traceback module, i.e. by the
interpreter's own exception printer.

Not provided: assertWarns and assertLogs, async test cases, mock,
discovery from the command line (-k, discover), -c (catch Ctrl-C), and the
deprecated assert aliases.
"""

import difflib
import pprint
import sys
import time
import traceback

__unittest = True

__all__ = ["TestCase", "TestSuite", "TestLoader", "TestResult",
           "TextTestResult", "TextTestRunner", "TestProgram", "main",
           "SkipTest", "skip", "skipIf", "skipUnless", "expectedFailure",
           "defaultTestLoader", "FunctionTestCase", "addModuleCleanup",
           "doModuleCleanups", "enterModuleContext"]

DIFF_OMITTED = ("\nDiff is %s characters long. "
                "Set self.maxDiff to None to see it.")

# ===================================================================== #
# Reprs as the failure messages show them                                #
# ===================================================================== #

_MAX_LENGTH = 80
_MIN_BEGIN_LEN = _MIN_END_LEN = _MIN_COMMON_LEN = 5
_PLACEHOLDER_LEN = 12
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN +
                               _MIN_COMMON_LEN + _PLACEHOLDER_LEN +
                               _MIN_END_LEN)


def safe_repr(obj, short=False):
    try:
        text = repr(obj)
    except Exception:
        # a broken __repr__ must not hide the assertion itself
        text = object.__repr__(obj)
    if short and len(text) >= _MAX_LENGTH:
        text = text[:_MAX_LENGTH] + " [truncated]..."
    return text


def strclass(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def _shorten(s, prefixlen, suffixlen):
    skip = len(s) - prefixlen - suffixlen
    if skip > _PLACEHOLDER_LEN:
        s = "%s[%d chars]%s" % (s[:prefixlen], skip, s[len(s) - suffixlen:])
    return s


def _common_prefix(strings):
    first, last = min(strings), max(strings)
    i = 0
    while i < len(first) and first[i] == last[i]:
        i += 1
    return first[:i]


def _common_shorten_repr(*args):
    """The reprs of args, shortened alike ('[N chars]') past 80 columns,
    keeping the start, the part where they differ and the end."""
    args = tuple(safe_repr(a) for a in args)
    maxlen = max(len(a) for a in args)
    if maxlen <= _MAX_LENGTH:
        return args
    prefix = _common_prefix(args)
    prefixlen = len(prefix)
    common_len = _MAX_LENGTH - (maxlen - prefixlen + _MIN_BEGIN_LEN +
                                _PLACEHOLDER_LEN)
    if common_len > _MIN_COMMON_LEN:
        prefix = _shorten(prefix, _MIN_BEGIN_LEN, common_len)
        return tuple(prefix + s[prefixlen:] for s in args)
    prefix = _shorten(prefix, _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(prefix + _shorten(s[prefixlen:], _MIN_DIFF_LEN, _MIN_END_LEN)
                 for s in args)


def _count_diff(actual, expected):
    """(count in actual, count in expected, element) where they differ, in
    the order CPython's assertCountEqual reports them."""
    s, t = list(actual), list(expected)
    null = object()
    result = []
    for i, elem in enumerate(s):
        if elem is null:
            continue
        cnt_s = cnt_t = 0
        for j in range(i, len(s)):
            if s[j] == elem:
                cnt_s += 1
                s[j] = null
        for j, other in enumerate(t):
            if other == elem:
                cnt_t += 1
                t[j] = null
        if cnt_s != cnt_t:
            result.append((cnt_s, cnt_t, elem))
    for i, elem in enumerate(t):
        if elem is null:
            continue
        cnt_t = 0
        for j in range(i, len(t)):
            if t[j] == elem:
                cnt_t += 1
                t[j] = null
        result.append((0, cnt_t, elem))
    return result


def _closeness(first, second, places, delta):
    """(whether first and second are close, the message's "within ..."
    part, their difference) for assertAlmostEqual and its negation."""
    if delta is not None and places is not None:
        raise TypeError("specify delta or places not both")
    diff = abs(first - second)
    if delta is not None:
        return diff <= delta, "within %s delta" % safe_repr(delta), diff
    if places is None:
        places = 7
    return round(diff, places) == 0, "within %r places" % places, diff


def _counts(items):
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def _count_diff_hashable(actual, expected):
    s, t = _counts(actual), _counts(expected)
    result = []
    for elem, n_first in s.items():
        n_second = t.get(elem, 0)
        if n_first != n_second:
            result.append((n_first, n_second, elem))

    for elem, cnt_t in t.items():
        if elem not in s:
            result.append((0, cnt_t, elem))
    return result


# ===================================================================== #
# Skips and expected failures                                            #
# ===================================================================== #

class SkipTest(Exception):
    """Raise to skip a test (TestCase.skipTest does)."""

    __module__ = "unittest.case"  # where CPython defines it


class _ShouldStop(Exception):
    """Stops a test run (failfast inside a subtest)."""


_module_cleanups = []


def addModuleCleanup(function, /, *args, **kwargs):
    """Registers function(*args, **kwargs) to run after tearDownModule
    (or after a failed setUpModule), last registered first."""
    _module_cleanups.append((function, args, kwargs))


def _enter_context(cm, add_cleanup):
    kind = type(cm)
    if not (hasattr(kind, "__enter__") and hasattr(kind, "__exit__")):
        cls = kind
        raise TypeError("'%s.%s' object does not support the context "
                        "manager protocol"
                        % (cls.__module__, cls.__qualname__))
    value = kind.__enter__(cm)
    add_cleanup(kind.__exit__, cm, None, None, None)
    return value


def enterModuleContext(cm):
    """Enters cm now and exits it as a module cleanup."""
    return _enter_context(cm, addModuleCleanup)


def doModuleCleanups():
    """Runs the module cleanups; the first exception one raised is raised
    again after all of them ran."""
    first_error = None
    while _module_cleanups:
        func, a, kw = _module_cleanups.pop()
        try:
            func(*a, **kw)
        except Exception as e:
            if first_error is None:
                first_error = e
    if first_error is not None:
        raise first_error


def skip(reason):
    """Unconditionally skip a test function or class."""
    def decorator(test_item):
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item
    if callable(reason) and not isinstance(reason, str):
        test_item, reason = reason, ""
        return decorator(test_item)
    return decorator


def _identity(obj):
    return obj


def skipIf(condition, reason):
    return skip(reason) if condition else _identity


def skipUnless(condition, reason):
    return skip(reason) if not condition else _identity


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


# ===================================================================== #
# TestCase                                                               #
# ===================================================================== #

class _Outcome:
    """What happened in the parts of one test run (setUp, the test,
    tearDown, cleanups, subtests)."""

    def __init__(self, result=None):
        self.result = result
        self.success = True
        self.expecting_failure = False
        self.expectedFailure = None
        self.result_supports_subtests = hasattr(result, "addSubTest")

    def begin(self):
        """Starts a part; returns what end() needs."""
        old = self.success
        self.success = True
        return old

    def end(self, old_success, test_case, exc_info, subtest=False):
        """Records how a part ended (exc_info None: normally). Returns
        whether the exception, if any, was handled here."""
        handled = True
        if exc_info is None:
            if subtest and self.success:
                self.result.addSubTest(test_case.test_case, test_case, None)
        elif issubclass(exc_info[0], KeyboardInterrupt):
            handled = False
        elif issubclass(exc_info[0], SkipTest):
            self.success = False
            _add_skip(self.result, test_case, str(exc_info[1]))
        elif issubclass(exc_info[0], _ShouldStop):
            pass
        elif self.expecting_failure:
            self.expectedFailure = exc_info
        else:
            self.success = False
            if subtest:
                self.result.addSubTest(test_case.test_case, test_case,
                                       exc_info)
            else:
                _add_error(self.result, test_case, exc_info)
        self.success = self.success and old_success
        return handled

    def run_part(self, test_case, function, *args, **kwargs):
        old = self.begin()
        try:
            function(*args, **kwargs)
        except BaseException:
            if not self.end(old, test_case, sys.exc_info()):
                raise
        else:
            self.end(old, test_case, None)


def _add_skip(result, test_case, reason):
    add = getattr(result, "addSkip", None)
    if add is not None:
        add(test_case, reason)
    else:
        result.addSuccess(test_case)


def _add_error(result, test, exc_info):
    if result is None or exc_info is None:
        return
    failed = issubclass(exc_info[0], test.failureException)
    (result.addFailure if failed else result.addError)(test, exc_info)


class _SubTestContext:
    """The context manager TestCase.subTest returns."""

    def __init__(self, case, msg, params):
        self.case = case
        self.msg = msg
        self.params = params

    def __enter__(self):
        case = self.case
        self.parent = case._subtest
        self.active = (case._outcome is not None and
                       case._outcome.result_supports_subtests)
        if self.active:
            # The innermost subtest's parameters first, then the outer
            # ones it does not override (CPython's chain-map order).
            params = dict(self.params)
            if self.parent:
                for key, value in self.parent.params.items():
                    if key not in params:
                        params[key] = value
            case._subtest = _SubTest(case, self.msg, params)
            self.old_success = case._outcome.begin()

    def __exit__(self, exc_type, exc_value, tb):
        case = self.case
        if not self.active:
            return False
        outcome = case._outcome
        try:
            exc_info = None if exc_type is None else (exc_type, exc_value, tb)
            handled = outcome.end(self.old_success, case._subtest, exc_info,
                                  subtest=True)
            if not handled:
                return False
            if not outcome.success:
                result = outcome.result
                if result is not None and result.failfast:
                    raise _ShouldStop
            elif outcome.expectedFailure:
                raise _ShouldStop
            return True
        finally:
            case._subtest = self.parent


_subtest_msg_sentinel = object()


class _AssertRaisesContext:
    """The context manager assertRaises returns: checks that the block
    raises expected (or a subclass) and keeps it as .exception."""

    def __init__(self, expected, test_case, expected_regex=None):
        self.expected = expected
        self.test_case = test_case
        if expected_regex is not None:
            import re
            expected_regex = re.compile(expected_regex)
        self.msg = None
        self.expected_regex = expected_regex
        self.obj_name = None

    def handle(self, name, args, kwargs):
        if not _is_exception_class(self.expected):
            raise TypeError("%s() arg 1 must be an exception type or tuple "
                            "of exception types" % name)
        if not args:
            self.msg = kwargs.pop("msg", None)
            if kwargs:
                raise TypeError("%r is an invalid keyword argument for this "
                                "function" % (next(iter(kwargs)),))
            return self
        func = args[0]
        self.obj_name = getattr(func, "__name__", None) or str(func)
        with self:
            func(*args[1:], **kwargs)
        return None

    def __enter__(self):
        return self

    def _raiseFailure(self, standardMsg):
        case = self.test_case
        raise case.failureException(case._formatMessage(self.msg, standardMsg))


    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            exc_name = getattr(self.expected, "__name__", None)
            if exc_name is None:
                exc_name = str(self.expected)
            if self.obj_name:

                self._raiseFailure("{} not raised by {}".format(
                    exc_name, self.obj_name))
            else:
                self._raiseFailure("{} not raised".format(exc_name))
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value.with_traceback(None)
        if self.expected_regex is None:
            return True
        if not self.expected_regex.search(str(exc_value)):
            self._raiseFailure('"{}" does not match "{}"'.format(
                self.expected_regex.pattern, str(exc_value)))
        return True


def _is_exception_class(expected):
    if isinstance(expected, type) and issubclass(expected, BaseException):
        return True
    if isinstance(expected, tuple):
        for e in expected:
            if not _is_exception_class(e):
                return False
        return True
    return False


class TestCase:
    """A test: one test method of a subclass, run with its fixtures."""

    __module__ = "unittest.case"  # where CPython defines it

    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8
    _diffThreshold = 2 ** 16
    _classSetupFailed = False
    _class_cleanups = []

    def __init_subclass__(cls, *args, **kwargs):
        cls._classSetupFailed = False
        cls._class_cleanups = []
        super().__init_subclass__(*args, **kwargs)

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._outcome = None
        self._testMethodDoc = "No test"
        self._subtest = None
        self._cleanups = []
        if hasattr(self, methodName):
            self._testMethodDoc = getattr(self, methodName).__doc__
        elif methodName != "runTest":
            raise ValueError("no such test method in %s: %s"
                             % (self.__class__, methodName))
        self._type_equality_funcs = {
            dict: "assertDictEqual", list: "assertListEqual",
            tuple: "assertTupleEqual", set: "assertSetEqual",
            frozenset: "assertSetEqual", str: "assertMultiLineEqual"}

    def addTypeEqualityFunc(self, typeobj, function):
        self._type_equality_funcs[typeobj] = function

    def addCleanup(self, function, /, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    @classmethod
    def addClassCleanup(cls, function, /, *args, **kwargs):
        cls._class_cleanups.append((function, args, kwargs))

    def enterContext(self, cm):
        """Enters cm now and exits it as a cleanup of this test."""
        return _enter_context(cm, self.addCleanup)

    @classmethod
    def enterClassContext(cls, cm):
        """Enters cm now and exits it as a class cleanup."""
        return _enter_context(cm, cls.addClassCleanup)

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        return TestResult()

    def shortDescription(self):
        doc = self._testMethodDoc
        return doc.strip().split("\n")[0].strip() if doc else None

    def id(self):
        return strclass(type(self)) + "." + self._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __eq__(self, other):
        if type(other) is type(self):
            return other._testMethodName == self._testMethodName
        return NotImplemented

    def __str__(self):
        return "%s (%s.%s)" % (self._testMethodName, strclass(self.__class__),
                               self._testMethodName)

    def __repr__(self):
        return "<%s testMethod=%s>" % (strclass(self.__class__),
                                       self._testMethodName)

    def subTest(self, msg=_subtest_msg_sentinel, **params):
        """A context manager running its block as a subtest: a failure is
        reported with the parameters and the test goes on."""
        return _SubTestContext(self, msg, params)

    # --- running ----------------------------------------------------------

    def run(self, result=None):
        stopTestRun = None
        if result is None:
            result = self.defaultTestResult()
            startTestRun = getattr(result, "startTestRun", None)
            stopTestRun = getattr(result, "stopTestRun", None)
            if startTestRun is not None:
                startTestRun()
        result.startTest(self)
        try:
            method = getattr(self, self._testMethodName)
            testMethod = method
            if any(getattr(o, "__unittest_skip__", False)
                   for o in (self.__class__, method)):
                why = (getattr(self.__class__, "__unittest_skip_why__", "") or
                       getattr(testMethod, "__unittest_skip_why__", ""))
                _add_skip(result, self, why)
                return result
            expecting_failure = (
                getattr(self, "__unittest_expecting_failure__", False) or
                getattr(testMethod, "__unittest_expecting_failure__", False))
            outcome = _Outcome(result)
            try:
                self._outcome = outcome
                self._run_parts(outcome, testMethod, expecting_failure)
                self._report(result, outcome, expecting_failure)
                return result
            finally:
                outcome.expectedFailure = None
                self._outcome = None
        finally:
            result.stopTest(self)
            if stopTestRun:
                stopTestRun()

    def _run_parts(self, outcome, testMethod, expecting_failure):
        outcome.run_part(self, self._callSetUp)
        if outcome.success:
            outcome.expecting_failure = expecting_failure
            outcome.run_part(self, self._callTestMethod, testMethod)
            outcome.expecting_failure = False
            outcome.run_part(self, self._callTearDown)
        self.doCleanups()

    def _report(self, result, outcome, expecting_failure):
        if not outcome.success:
            return
        if not expecting_failure:
            result.addSuccess(self)
        elif outcome.expectedFailure:
            add = getattr(result, "addExpectedFailure", None)
            if add is not None:
                add(self, outcome.expectedFailure)
            else:
                result.addSuccess(self)
        else:
            add = getattr(result, "addUnexpectedSuccess", None)
            if add is not None:
                add(self)
            else:
                result.addSuccess(self)

    def _callSetUp(self):
        self.setUp()

    def _callTestMethod(self, method):
        method()

    def _callTearDown(self):
        self.tearDown()

    def doCleanups(self):
        outcome = self._outcome or _Outcome()
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            outcome.run_part(self, function, *args, **kwargs)
        return outcome.success

    @classmethod
    def doClassCleanups(cls):
        cls.tearDown_exceptions = []
        pending = cls._class_cleanups
        while pending:
            func, a, kw = pending.pop()
            try:
                func(*a, **kw)
            except Exception:
                cls.tearDown_exceptions.append(sys.exc_info())

    def debug(self):
        """Runs the test without collecting errors in a result."""
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    # --- assertions -------------------------------------------------------

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _formatMessage(self, msg, standardMsg):
        if self.longMessage:
            return standardMsg if msg is None else "%s : %s" % (standardMsg, msg)
        return msg or standardMsg

    def _truncateMessage(self, message, diff):
        if self.maxDiff is None or len(diff) <= self.maxDiff:
            return message + diff
        return message + (DIFF_OMITTED % len(diff))

    def assertFalse(self, expr, msg=None):
        if not expr:
            return
        raise self.failureException(
            self._formatMessage(msg, "%s is not false" % safe_repr(expr)))


    def assertTrue(self, expr, msg=None):
        if expr:
            return
        raise self.failureException(
            self._formatMessage(msg, "%s is not true" % safe_repr(expr)))


    def assertRaises(self, expected_exception, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self)
        try:
            return context.handle("assertRaises", args, kwargs)
        finally:
            context = None

    def assertRaisesRegex(self, expected_exception, expected_regex,
                          *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self,
                                       expected_regex)
        return context.handle("assertRaisesRegex", args, kwargs)

    def assertRegex(self, text, expected_regex, msg=None):
        import re
        if isinstance(expected_regex, str):
            assert expected_regex, "expected_regex must not be empty."
            expected_regex = re.compile(expected_regex)
        if expected_regex.search(text):
            return
        raise self.failureException(self._formatMessage(
            msg, "Regex didn't match: %r not found in %r"
            % (expected_regex.pattern, text)))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        import re
        if isinstance(unexpected_regex, str):
            unexpected_regex = re.compile(unexpected_regex)
        match = unexpected_regex.search(text)
        if match:
            standardMsg = "Regex matched: %r matches %r in %r" % (
                text[match.start():match.end()], unexpected_regex.pattern,
                text)
            raise self.failureException(self._formatMessage(msg, standardMsg))

    def _getAssertEqualityFunc(self, first, second):
        if type(first) is not type(second):
            return self._baseAssertEqual
        special = self._type_equality_funcs.get(type(first))
        if special is None:
            return self._baseAssertEqual
        return getattr(self, special) if isinstance(special, str) else special

    def _baseAssertEqual(self, first, second, msg=None):
        if not first == second:
            standardMsg = "%s != %s" % _common_shorten_repr(first, second)
            raise self.failureException(self._formatMessage(msg, standardMsg))

    def assertEqual(self, first, second, msg=None):
        assertion_func = self._getAssertEqualityFunc(first, second)
        assertion_func(first, second, msg=msg)

    def assertNotEqual(self, first, second, msg=None):
        if first != second:
            return
        text = "%s == %s" % (safe_repr(first), safe_repr(second))
        raise self.failureException(self._formatMessage(msg, text))

    def assertAlmostEqual(self, first, second, places=None, msg=None,
                          delta=None):
        if first == second:
            return
        close, within, diff = _closeness(first, second, places, delta)
        if close:
            return
        standardMsg = "%s != %s %s (%s difference)" % (
            safe_repr(first), safe_repr(second), within, safe_repr(diff))
        raise self.failureException(self._formatMessage(msg, standardMsg))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None,
                             delta=None):
        close, within, diff = _closeness(first, second, places, delta)
        if not (first == second) and not close:
            return
        standardMsg = "%s == %s %s" % (safe_repr(first), safe_repr(second),
                                       within)
        if delta is not None:
            standardMsg += " (%s difference)" % safe_repr(diff)
        raise self.failureException(self._formatMessage(msg, standardMsg))

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        if seq_type is not None:
            seq_type_name = seq_type.__name__
            if not isinstance(seq1, seq_type):
                raise self.failureException("First sequence is not a %s: %s"
                                            % (seq_type_name, safe_repr(seq1)))
            if not isinstance(seq2, seq_type):
                raise self.failureException("Second sequence is not a %s: %s"
                                            % (seq_type_name, safe_repr(seq2)))
        else:
            seq_type_name = "sequence"
        differing = self._sequence_lengths(seq1, seq2, seq_type_name)
        if differing is None:
            if seq1 == seq2:
                return
            differing = self._sequence_difference(seq1, seq2, seq_type,
                                                  seq_type_name)
            if differing is None:
                return
        diffMsg = "\n" + "\n".join(
            difflib.ndiff(pprint.pformat(seq1).splitlines(),
                          pprint.pformat(seq2).splitlines()))
        standardMsg = self._truncateMessage(differing, diffMsg)
        self.fail(self._formatMessage(msg, standardMsg))

    def _sequence_lengths(self, seq1, seq2, name):
        """None, or the message when a sequence has no length."""
        try:
            len(seq1)
        except (TypeError, NotImplementedError):
            return "First %s has no length.    Non-sequence?" % name
        try:
            len(seq2)
        except (TypeError, NotImplementedError):
            return "Second %s has no length.    Non-sequence?" % name
        return None

    def _sequence_difference(self, seq1, seq2, seq_type, name):
        """The first differing element and the extra elements, or None
        when the sequences are equal item by item but of other types."""
        len1, len2 = len(seq1), len(seq2)
        differing = "%ss differ: %s != %s\n" % (
            (name.capitalize(),) + _common_shorten_repr(seq1, seq2))
        for i in range(min(len1, len2)):
            item1, item2 = seq1[i], seq2[i]
            if item1 != item2:
                differing += ("\nFirst differing element %d:\n%s\n%s\n" %
                              ((i,) + _common_shorten_repr(item1, item2)))
                break
        else:
            if len1 == len2 and seq_type is None and \
                    type(seq1) != type(seq2):
                return None
        if len1 > len2:
            differing += ("\nFirst %s contains %d additional elements.\n" %
                          (name, len1 - len2))
            differing += ("First extra element %d:\n%s\n" %
                          (len2, safe_repr(seq1[len2])))
        elif len1 < len2:
            differing += ("\nSecond %s contains %d additional elements.\n" %
                          (name, len2 - len1))
            differing += ("First extra element %d:\n%s\n" %
                          (len1, safe_repr(seq2[len1])))
        return differing

    def assertListEqual(self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def assertSetEqual(self, set1, set2, msg=None):
        try:
            difference1 = set1.difference(set2)
        except TypeError as e:
            self.fail("invalid type when attempting set difference: %s" % e)
        except AttributeError as e:
            self.fail("first argument does not support set difference: %s"
                      % e)
        try:
            difference2 = set2.difference(set1)
        except TypeError as e:
            self.fail("invalid type when attempting set difference: %s" % e)
        except AttributeError as e:
            self.fail("second argument does not support set difference: %s"
                      % e)
        if not (difference1 or difference2):
            return
        lines = []
        if difference1:
            lines.append("Items in the first set but not the second:")
            for item in difference1:
                lines.append(repr(item))
        if difference2:
            lines.append("Items in the second set but not the first:")
            for item in difference2:
                lines.append(repr(item))
        self.fail(self._formatMessage(msg, "\n".join(lines)))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            standardMsg = "%s not found in %s" % (safe_repr(member),
                                                  safe_repr(container))
            self.fail(self._formatMessage(msg, standardMsg))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            standardMsg = "%s unexpectedly found in %s" % (
                safe_repr(member), safe_repr(container))
            self.fail(self._formatMessage(msg, standardMsg))

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            standardMsg = "%s is not %s" % (safe_repr(expr1), safe_repr(expr2))
            self.fail(self._formatMessage(msg, standardMsg))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            standardMsg = "unexpectedly identical: %s" % (safe_repr(expr1),)
            self.fail(self._formatMessage(msg, standardMsg))

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertIsInstance(d1, dict, "First argument is not a dictionary")
        self.assertIsInstance(d2, dict, "Second argument is not a dictionary")
        if d1 != d2:
            standardMsg = "%s != %s" % _common_shorten_repr(d1, d2)
            diff = "\n" + "\n".join(difflib.ndiff(
                pprint.pformat(d1).splitlines(),
                pprint.pformat(d2).splitlines()))
            standardMsg = self._truncateMessage(standardMsg, diff)
            self.fail(self._formatMessage(msg, standardMsg))

    def assertCountEqual(self, first, second, msg=None):
        first_seq, second_seq = list(first), list(second)
        try:
            if _counts(first_seq) == _counts(second_seq):
                return
        except TypeError:
            differences = _count_diff(first_seq, second_seq)
        else:
            differences = _count_diff_hashable(first_seq, second_seq)
        if differences:
            standardMsg = "Element counts were not equal:\n"
            lines = ["First has %d, Second has %d:  %r" % diff
                     for diff in differences]
            standardMsg = self._truncateMessage(standardMsg, "\n".join(lines))
            self.fail(self._formatMessage(msg, standardMsg))

    def assertMultiLineEqual(self, first, second, msg=None):
        self.assertIsInstance(first, str, "First argument is not a string")
        self.assertIsInstance(second, str, "Second argument is not a string")
        if first != second:
            if (len(first) > self._diffThreshold or
                    len(second) > self._diffThreshold):
                self._baseAssertEqual(first, second, msg)
            firstlines = first.splitlines(True)
            secondlines = second.splitlines(True)
            if len(firstlines) == 1 and first.strip("\r\n") == first:
                firstlines = [first + "\n"]
                secondlines = [second + "\n"]
            standardMsg = "%s != %s" % _common_shorten_repr(first, second)
            diff = "\n" + "".join(difflib.ndiff(firstlines, secondlines))
            standardMsg = self._truncateMessage(standardMsg, diff)
            self.fail(self._formatMessage(msg, standardMsg))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            standardMsg = "%s not less than %s" % (safe_repr(a), safe_repr(b))
            self.fail(self._formatMessage(msg, standardMsg))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            standardMsg = "%s not less than or equal to %s" % (safe_repr(a),
                                                               safe_repr(b))
            self.fail(self._formatMessage(msg, standardMsg))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            standardMsg = "%s not greater than %s" % (safe_repr(a),
                                                      safe_repr(b))
            self.fail(self._formatMessage(msg, standardMsg))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            standardMsg = "%s not greater than or equal to %s" % (
                safe_repr(a), safe_repr(b))
            self.fail(self._formatMessage(msg, standardMsg))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            standardMsg = "%s is not None" % (safe_repr(obj),)
            self.fail(self._formatMessage(msg, standardMsg))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            standardMsg = "unexpectedly None"
            self.fail(self._formatMessage(msg, standardMsg))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            standardMsg = "%s is not an instance of %r" % (safe_repr(obj), cls)
            self.fail(self._formatMessage(msg, standardMsg))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            standardMsg = "%s is an instance of %r" % (safe_repr(obj), cls)
            self.fail(self._formatMessage(msg, standardMsg))


class FunctionTestCase(TestCase):
    """A test made from a plain function."""

    __module__ = "unittest.case"  # where CPython defines it

    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        super().__init__()
        self._testFunc = testFunc
        self._description = description
        self._setUpFunc, self._tearDownFunc = setUp, tearDown

    def _parts(self):
        return (self._setUpFunc, self._tearDownFunc, self._testFunc,
                self._description)

    def runTest(self):
        self._testFunc()

    def setUp(self):
        hook = self._setUpFunc
        if hook is not None:
            hook()

    def tearDown(self):
        hook = self._tearDownFunc
        if hook is not None:
            hook()

    def id(self):
        return self._testFunc.__name__

    def __hash__(self):
        return hash((type(self),) + self._parts())

    def __eq__(self, other):
        if isinstance(other, self.__class__):
            return all(a == b for a, b in zip(self._parts(), other._parts()))
        return NotImplemented

    def __str__(self):
        return "%s (%s)" % (strclass(self.__class__), self._testFunc.__name__)

    def __repr__(self):
        return "<%s tec=%s>" % (strclass(self.__class__), self._testFunc)

    def shortDescription(self):
        if self._description is None:
            doc = self._testFunc.__doc__
            if not doc:
                return None
            return doc.split("\n")[0].strip() or None
        return self._description


class _SubTest(TestCase):
    def __init__(self, test_case, message, params):
        super().__init__()
        self.test_case, self.params = test_case, params
        self._message = message
        self.failureException = test_case.failureException

    def _subDescription(self):
        parts = []
        if self._message is not _subtest_msg_sentinel:
            parts.append("[%s]" % (self._message,))

        if self.params:

            parts.append("({})".format(", ".join(
                "{}={!r}".format(k, v) for k, v in self.params.items())))
        return " ".join(parts) or "(<subtest>)"

    def id(self):
        return "{} {}".format(self.test_case.id(), self._subDescription())

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return "{} {}".format(self.test_case, self._subDescription())

    def runTest(self):
        raise NotImplementedError("subtests cannot be run directly")


# ===================================================================== #
# Suites and their class and module fixtures                             #
# ===================================================================== #

class _ErrorHolder:
    """Stands for a failed setUpClass/setUpModule in the error list."""

    failureException = None

    def __init__(self, description):
        self.description = description

    def __str__(self):
        return self.description

    def __repr__(self):
        return "<ErrorHolder description=%r>" % (self.description,)

    def id(self):
        return self.description

    def countTestCases(self):
        return 0

    def shortDescription(self):
        return None

    def run(self, result):
        return None

    __call__ = run


def _is_suite(test):
    return isinstance(test, TestSuite)


class TestSuite:
    """Tests and suites run in order, with setUpClass/tearDownClass and
    setUpModule/tearDownModule run around each class and module."""

    __module__ = "unittest.suite"  # where CPython defines it

    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def __repr__(self):
        return "<%s tests=%s>" % (strclass(self.__class__), list(self))

    def __iter__(self):
        return iter(self._tests)

    def __eq__(self, other):
        if isinstance(other, self.__class__):
            return list(other) == list(self)
        return NotImplemented

    def countTestCases(self):
        return sum(test.countTestCases() for test in self._tests)

    def addTests(self, tests):
        if isinstance(tests, str):
            raise TypeError("tests must be an iterable of tests, not a string")
        for item in tests:
            self.addTest(item)

    def addTest(self, test):
        if not callable(test):
            raise TypeError("%r is not callable" % (test,))
        if isinstance(test, type) and issubclass(test, (TestCase, TestSuite)):
            raise TypeError("TestCases and TestSuites must be instantiated "
                            "before passing them to addTest()")
        self._tests.append(test)

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def run(self, result, debug=False):
        top_level = not getattr(result, "_testRunEntered", False)
        if top_level:
            result._testRunEntered = True
        for test in self:
            if result.shouldStop:
                break
            if not _is_suite(test):
                # leaving a class or module runs its teardown before the
                # next fixture's setup
                self._tearDownPreviousClass(test, result)
                self._handleModuleFixture(test, result)
                self._handleClassSetUp(test, result)
                klass = test.__class__
                result._previousTestClass = klass
                if getattr(result, "_moduleSetUpFailed", False):
                    continue
                if getattr(klass, "_classSetupFailed", False):
                    continue
            test(result)
        if top_level:
            self._finish_top_level(result)
        return result

    def _finish_top_level(self, result):
        # the outermost suite closes the last class and module fixtures
        self._tearDownPreviousClass(None, result)
        self._handleModuleTearDown(result)
        result._testRunEntered = False



    def _handleClassSetUp(self, test, result):
        previous = getattr(result, "_previousTestClass", None)
        current = test.__class__
        if current == previous or getattr(result, "_moduleSetUpFailed", False):
            return
        if getattr(current, "__unittest_skip__", False):
            return
        current._classSetupFailed = False
        setUpClass = getattr(current, "setUpClass", None)
        if setUpClass is None:
            return
        try:
            setUpClass()
        except Exception as e:
            current._classSetupFailed = True
            self._addFixtureError(result, e, "setUpClass", strclass(current))
            doClassCleanups = getattr(current, "doClassCleanups", None)
            if doClassCleanups is not None:
                doClassCleanups()
                for exc_info in current.tearDown_exceptions:
                    self._addFixtureError(result, exc_info[1], "setUpClass",
                                          strclass(current), exc_info)

    def _tearDownPreviousClass(self, test, result):
        previous = getattr(result, "_previousTestClass", None)
        current = test.__class__
        if current == previous or previous is None:
            return
        if getattr(previous, "_classSetupFailed", False) or \
                getattr(result, "_moduleSetUpFailed", False) or \
                getattr(previous, "__unittest_skip__", False):
            return
        hook = getattr(previous, "tearDownClass", None)
        if hook is not None:
            try:
                hook()
            except Exception as e:
                self._addFixtureError(result, e, "tearDownClass",
                                      strclass(previous))
        doClassCleanups = getattr(previous, "doClassCleanups", None)
        if doClassCleanups is not None:
            doClassCleanups()
            for exc_info in previous.tearDown_exceptions:
                self._addFixtureError(result, exc_info[1], "tearDownClass",
                                      strclass(previous), exc_info)

    def _previous_module(self, result):
        previous = getattr(result, "_previousTestClass", None)
        return previous.__module__ if previous is not None else None

    def _handleModuleFixture(self, test, result):
        previous = self._previous_module(result)
        current = test.__class__.__module__
        if current == previous:
            return
        self._handleModuleTearDown(result)
        result._moduleSetUpFailed = False
        module = sys.modules.get(current)
        setUpModule = getattr(module, "setUpModule", None)
        if setUpModule is None:
            return
        try:
            setUpModule()
        except Exception as e:
            try:
                doModuleCleanups()
            except Exception as exc:
                self._addFixtureError(result, exc, "setUpModule", current)
            result._moduleSetUpFailed = True
            self._addFixtureError(result, e, "setUpModule", current)

    def _handleModuleTearDown(self, result):
        previous = self._previous_module(result)
        if previous is None or getattr(result, "_moduleSetUpFailed", False):
            return
        module = sys.modules.get(previous)
        if module is None:
            return
        tearDownModule = getattr(module, "tearDownModule", None)
        try:
            if tearDownModule is not None:
                tearDownModule()
        except Exception as e:
            self._addFixtureError(result, e, "tearDownModule", previous)
        finally:
            try:
                doModuleCleanups()
            except Exception as e:
                self._addFixtureError(result, e, "tearDownModule", previous)

    def _addFixtureError(self, result, exc, method_name, parent, info=None):
        error = _ErrorHolder("%s (%s)" % (method_name, parent))
        addSkip = getattr(result, "addSkip", None)
        if addSkip is not None and isinstance(exc, SkipTest):
            addSkip(error, str(exc))
        else:
            result.addError(error, info or (type(exc), exc, exc.__traceback__))


# ===================================================================== #
# Loading tests                                                          #
# ===================================================================== #

class TestLoader:
    """Makes suites from TestCase classes, modules and dotted names."""

    __module__ = "unittest.loader"  # where CPython defines it

    testMethodPrefix = "test"
    suiteClass = TestSuite

    def __init__(self):
        self.errors = []

    def getTestCaseNames(self, testCaseClass):
        names = []
        for name in dir(testCaseClass):
            if name.startswith(self.testMethodPrefix) and \
                    callable(getattr(testCaseClass, name)):
                names.append(name)
        return sorted(names)

    def loadTestsFromTestCase(self, testCaseClass):
        if issubclass(testCaseClass, TestSuite):
            raise TypeError("Test cases should not be derived from "
                            "TestSuite. Maybe you meant to derive from "
                            "TestCase?")
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, "runTest"):
            names = ["runTest"]
        return self.suiteClass([testCaseClass(name) for name in names])

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, TestCase):
                tests.append(self.loadTestsFromTestCase(obj))
        suite = self.suiteClass(tests)
        load_tests = getattr(module, "load_tests", None)
        if load_tests is not None:
            return load_tests(self, suite, pattern)
        return suite

    def loadTestsFromName(self, name, module=None):
        """A suite for 'Class', 'Class.test_method' or 'module.Class...'
        (the first part looked up in module when given)."""
        parts = name.split(".")
        if module is None:
            module = sys.modules[parts[0]]
            parts = parts[1:]
        parent, obj = None, module
        for part in parts:
            parent, obj = obj, getattr(obj, part)
        if isinstance(obj, type) and issubclass(obj, TestCase):
            return self.loadTestsFromTestCase(obj)
        if isinstance(parent, type) and issubclass(parent, TestCase):
            return self.suiteClass([parent(parts[-1])])
        if isinstance(obj, TestSuite):
            return obj
        if callable(obj):
            test = obj()
            if isinstance(test, (TestSuite, TestCase)):
                return test
            raise TypeError("calling %s returned %s, not a test" % (obj, test))
        raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        return self.suiteClass([self.loadTestsFromName(name, module)
                                for name in names])


defaultTestLoader = TestLoader()


# ===================================================================== #
# Results                                                                #
# ===================================================================== #

def _failfast(method):
    def inner(self, *args, **kw):
        if getattr(self, "failfast", False):
            self.stop()
        return method(self, *args, **kw)
    return inner


class TestResult:
    """What a test run produced: failures and errors (with their
    formatted tracebacks), skips, expected failures, unexpected
    successes."""

    __module__ = "unittest.result"  # where CPython defines it

    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        # the stream arguments are for subclasses; this class prints nothing
        self.testsRun = 0
        self.errors, self.failures, self.skipped = [], [], []
        self.expectedFailures, self.unexpectedSuccesses = [], []
        self.failfast = self.buffer = self.tb_locals = False
        self.shouldStop = False

    def printErrors(self):
        pass

    def startTest(self, test):
        self.testsRun += 1

    def startTestRun(self):
        pass

    def stopTest(self, test):
        pass

    def stopTestRun(self):
        pass

    @_failfast
    def addError(self, test, err):
        self.errors.append((test, self._exc_info_to_string(err, test)))

    @_failfast
    def addFailure(self, test, err):
        self.failures.append((test, self._exc_info_to_string(err, test)))

    def addSubTest(self, test, subtest, err):
        if err is None:
            return
        if getattr(self, "failfast", False):
            self.stop()
        is_failure = issubclass(err[0], test.failureException)
        target = self.failures if is_failure else self.errors
        target.append((subtest, self._exc_info_to_string(err, test)))

    def addSuccess(self, test):
        pass

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append(
            (test, self._exc_info_to_string(err, test)))

    @_failfast
    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        return (len(self.failures) == len(self.errors) == 0 and
                len(self.unexpectedSuccesses) == 0)

    def stop(self):
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        exctype, value, tb = err
        tb = self._clean_tracebacks(exctype, value, tb, test)
        return "".join(traceback.format_exception(exctype, value, tb))

    def _clean_tracebacks(self, exctype, value, tb, test):
        """The traceback without this module's frames: the runner's at the
        start, and for failures the assert methods' at the end (also for
        the chained exceptions)."""
        todo = [(exctype, value, tb)]
        visited = {id(value)}
        head = None
        is_top = True
        while todo:
            etype, exc, frames = todo.pop()
            while frames and self._is_relevant_tb_level(frames):
                frames = frames.tb_next
            if etype is test.failureException:
                self._remove_unittest_tb_frames(frames)
            if is_top:
                head, is_top = frames, False
            else:
                exc.__traceback__ = frames
            if exc is None:
                continue
            for linked in (exc.__cause__, exc.__context__):
                if linked is None or id(linked) in visited:
                    continue
                visited.add(id(linked))
                todo.append((type(linked), linked, linked.__traceback__))
        return head

    def _is_relevant_tb_level(self, tb):
        return "__unittest" in tb.tb_frame.f_globals

    def _remove_unittest_tb_frames(self, tb):
        # cut the chain before the first frame that belongs to this module
        last_kept = None
        node = tb
        while node and not self._is_relevant_tb_level(node):
            last_kept, node = node, node.tb_next
        if last_kept is not None:
            last_kept.tb_next = None

    def __repr__(self):
        return "<%s run=%i errors=%i failures=%i>" % (
            strclass(self.__class__), self.testsRun,
            len(self.errors), len(self.failures))



class _WritelnDecorator:
    """A stream with writeln()."""

    def __init__(self, stream):
        self.stream = stream

    def __getattr__(self, attr):
        if attr in ("stream", "__getstate__"):
            raise AttributeError(attr)
        return getattr(self.stream, attr)

    def writeln(self, arg=None):
        if arg:
            self.write(arg)
        self.write("\n")


class TextTestResult(TestResult):
    """Prints progress (dots, or a line per test at verbosity 2) and the
    failure sections."""

    __module__ = "unittest.runner"  # where CPython defines it

    separator1 = "=" * 70
    separator2 = "-" * 70

    def __init__(self, stream, descriptions, verbosity):
        super().__init__(stream, descriptions, verbosity)
        self.descriptions = descriptions
        self.stream = stream
        self.dots = verbosity == 1
        self.showAll = verbosity > 1
        # True when the cursor sits at the start of a line
        self._newline = True

    def getDescription(self, test):
        first_doc_line = test.shortDescription()
        text = str(test)
        if first_doc_line and self.descriptions:
            text = text + "\n" + first_doc_line
        return text

    def _emit(self, text, end=""):
        out = self.stream
        out.write(text + end)
        out.flush()

    def startTest(self, test):
        super().startTest(test)
        if not self.showAll:
            return
        self._emit(self.getDescription(test) + " ... ")
        self._newline = False

    def _write_status(self, test, status):
        nested = isinstance(test, _SubTest)
        head = ""
        if nested or self._newline:
            if not self._newline:
                head = "\n"
            head += ("  " if nested else "") + self.getDescription(test) + " ... "
        self._emit(head + status, "\n")
        self._newline = True

    def _progress(self, test, status, dot):
        if self.showAll:
            self._write_status(test, status)
        elif self.dots:
            self._emit(dot)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            failed = issubclass(err[0], subtest.failureException)
            self._progress(subtest, *(("FAIL", "F") if failed else ("ERROR", "E")))
        super().addSubTest(test, subtest, err)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._progress(test, "ok", ".")

    def addError(self, test, err):
        super().addError(test, err)
        self._progress(test, "ERROR", "E")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._progress(test, "FAIL", "F")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._progress(test, "skipped %r" % (reason,), "s")

    def _mark(self, word, letter):
        # expected failure / unexpected success: the status goes right after
        # the " ... " that startTest left on the line
        if self.showAll:
            self._emit(word, "\n")
        elif self.dots:
            self._emit(letter)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._mark("expected failure", "x")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._mark("unexpected success", "u")

    def printErrors(self):
        if self.showAll or self.dots:
            self._emit("", "\n")
        for kind, entries in (("ERROR", self.errors), ("FAIL", self.failures)):
            self.printErrorList(kind, entries)
        if not self.unexpectedSuccesses:
            return
        lines = [self.separator1]
        lines += ["UNEXPECTED SUCCESS: " + self.getDescription(t)
                  for t in self.unexpectedSuccesses]
        self._emit("\n".join(lines), "\n")

    def printErrorList(self, flavour, errors):
        for test, err in errors:
            block = [self.separator1,
                     "%s: %s" % (flavour, self.getDescription(test)),
                     self.separator2,
                     "%s" % (err,)]
            self._emit("\n".join(block), "\n")


class TextTestRunner:
    """Runs a test and prints the results and a summary to a stream
    (sys.stderr by default)."""

    resultclass = TextTestResult

    __module__ = "unittest.runner"  # where CPython defines it


    def __init__(self, stream=None, descriptions=True, verbosity=1,
                 failfast=False, buffer=False, resultclass=None, warnings=None,
                 *, tb_locals=False):
        self.stream = _WritelnDecorator(sys.stderr if stream is None else stream)
        self.verbosity, self.descriptions = verbosity, descriptions
        self.failfast, self.buffer = failfast, buffer
        self.warnings, self.tb_locals = warnings, tb_locals
        if resultclass is not None:
            self.resultclass = resultclass

    def _makeResult(self):
        make = self.resultclass
        return make(self.stream, self.descriptions, self.verbosity)


    def run(self, test):
        result = self._makeResult()
        result.failfast, result.buffer = self.failfast, self.buffer
        result.tb_locals = self.tb_locals
        began = time.perf_counter()
        hook = getattr(result, "startTestRun", None)
        if hook is not None:
            hook()
        try:
            test(result)
        finally:
            hook = getattr(result, "stopTestRun", None)
            if hook is not None:
                hook()
        elapsed = time.perf_counter() - began
        result.printErrors()
        if hasattr(result, "separator2"):
            self.stream.writeln(result.separator2)
        count = result.testsRun
        plural = "" if count == 1 else "s"
        self.stream.writeln("Ran %d test%s in %.3fs" % (count, plural, elapsed))
        self.stream.writeln()
        self._summary(result)
        return result

    def _summary(self, result):
        ok = result.wasSuccessful()
        counts = []
        if not ok:
            counts += [("failures", result.failures), ("errors", result.errors)]
        counts += [("skipped", result.skipped),
                   ("expected failures", result.expectedFailures),
                   ("unexpected successes", result.unexpectedSuccesses)]
        infos = ["%s=%d" % (label, len(items)) for label, items in counts if items]
        line = "OK" if ok else "FAILED"
        if infos:
            line += " (" + ", ".join(infos) + ")"
        self.stream.write(line + "\n")
        self.stream.flush()


# ===================================================================== #
# main()                                                                 #
# ===================================================================== #

_USAGE = """\
usage: %(prog)s [-h] [-v] [-q] [-f] [-b] [tests ...]

positional arguments:
  tests           a list of any number of test modules, classes and test
                  methods.

options:
  -h, --help      show this help message and exit
  -v, --verbose   Verbose output
  -q, --quiet     Quiet output
  -f, --failfast  Stop on first fail or error
  -b, --buffer    Buffer stdout and stderr during tests (not supported by
                  rcpy: accepted and ignored)
"""


class TestProgram:
    """Loads the tests of a module (or those named on the command line),
    runs them, and exits with 0 when they all passed, 1 otherwise."""

    __module__ = "unittest.main"  # where CPython defines it

    def __init__(self, module="__main__", defaultTest=None, argv=None,
                 testRunner=None, testLoader=defaultTestLoader, exit=True,
                 verbosity=1, failfast=None, catchbreak=None, buffer=None,
                 warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            module = sys.modules[module]
        self.module = module
        if argv is None:
            argv = sys.argv
        self.defaultTest, self.exit = defaultTest, exit
        self.testLoader, self.testRunner = testLoader, testRunner
        self.verbosity, self.warnings = verbosity, warnings
        self.failfast, self.buffer = failfast, buffer
        self.tb_locals = tb_locals
        self.progName = argv[0].split("/")[-1] if argv else "python"
        self.parseArgs(argv)
        self.runTests()

    def usageExit(self, msg=None):
        if msg:
            print(msg)
        print(_USAGE % {"prog": self.progName}, end="")
        sys.exit(2)

    def parseArgs(self, argv):
        names = []
        for arg in argv[1:]:
            if arg in ("-h", "--help"):
                self.usageExit()
            elif arg in ("-v", "--verbose"):
                self.verbosity = 2
            elif arg in ("-q", "--quiet"):
                self.verbosity = 0
            elif arg in ("-f", "--failfast"):
                self.failfast = True
            elif arg in ("-b", "--buffer"):
                self.buffer = True
            elif arg.startswith("-"):
                self.usageExit("%s: error: unrecognized arguments: %s" %
                               (self.progName, arg))
            else:
                names.append(arg)
        default = self.defaultTest
        if names:
            self.testNames = names
        elif isinstance(default, str):
            self.testNames = (default,)
        elif default is not None:
            self.testNames = list(default)
        else:
            self.testNames = None
        self.createTests()

    def createTests(self):
        loader = self.testLoader
        if self.testNames is not None:
            self.test = loader.loadTestsFromNames(self.testNames, self.module)
        else:
            self.test = loader.loadTestsFromModule(self.module)

    def runTests(self):
        runner = self.testRunner
        if runner is None:
            runner = TextTestRunner
        if isinstance(runner, type):
            runner = runner(verbosity=self.verbosity,
                            failfast=bool(self.failfast),
                            buffer=bool(self.buffer), warnings=self.warnings,
                            tb_locals=self.tb_locals)
        self.result = runner.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
