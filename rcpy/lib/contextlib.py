"""rcpy's contextlib: AbstractContextManager, ContextDecorator,
contextmanager, suppress, closing, nullcontext, chdir, redirect_stdout,
redirect_stderr and ExitStack, behaving as CPython 3.11's do (the async
variants are left out).
"""

import _collections_abc
import abc
import os
import sys
from functools import wraps
from collections import deque

_NOTHING = object()

__all__ = ("contextmanager closing nullcontext AbstractContextManager "
           "ContextDecorator ExitStack redirect_stdout redirect_stderr "
           "suppress chdir").split()


def _alias(cls, item):
    return type(list[int])(cls, item)


class AbstractContextManager(abc.ABC):
    """ABC for objects usable in a with statement."""

    __class_getitem__ = classmethod(lambda cls, item: _alias(cls, item))

    def __enter__(self):
        """Default: the manager itself is the with target."""
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Default: do not swallow the exception."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is not AbstractContextManager:
            return NotImplemented
        return _collections_abc._check_methods(C, "__enter__", "__exit__")


class ContextDecorator(object):
    """Mixin letting a context manager also decorate functions."""

    def _recreate_cm(self):
        """Manager used for each decorated call (self unless overridden)."""
        return self

    def __call__(self, func):
        @wraps(func)
        def wrapped(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return wrapped


class _GeneratorContextManager(AbstractContextManager, ContextDecorator):
    """Context manager made by @contextmanager from a generator."""

    def __init__(self, func, args, kwds):
        self.func, self.args, self.kwds = func, args, kwds
        self.gen = func(*args, **kwds)
        own_doc = getattr(func, "__doc__", None)
        self.__doc__ = type(self).__doc__ if own_doc is None else own_doc

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        # one-shot: drop what _recreate_cm would need
        del self.args, self.kwds, self.func
        gen = self.gen
        try:
            first = next(gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None
        return first

    def _finish_clean(self):
        if next(self.gen, _NOTHING) is _NOTHING:
            return False
        raise RuntimeError("generator didn't stop")

    def __exit__(self, typ, value, traceback):
        if typ is None:
            return self._finish_clean()
        exc_in = typ() if value is None else value
        try:
            self.gen.throw(typ, exc_in, traceback)
        except StopIteration as stop:
            # swallowed unless it is the very exception we sent in
            return stop is not exc_in
        except RuntimeError as rt:
            reraised_self = rt is exc_in
            wrapped_stop = (isinstance(exc_in, StopIteration)
                            and rt.__cause__ is exc_in)
            if not (reraised_self or wrapped_stop):
                raise
            exc_in.__traceback__ = traceback
            return False
        except BaseException as other:
            if other is exc_in:
                other.__traceback__ = traceback
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """Decorator: turn a single-yield generator function into a factory of
    context managers."""
    @wraps(func)
    def factory(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return factory


class suppress(AbstractContextManager):
    """Swallow the listed exception types raised in the with body."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return False
        return issubclass(exctype, self._exceptions)

    def __enter__(self):
        pass


class chdir(AbstractContextManager):
    """Temporarily switch the current directory."""

    def __init__(self, path):
        self._old_cwd = []
        self.path = path

    def __enter__(self):
        here = os.getcwd()
        os.chdir(self.path)
        self._old_cwd.append(here)

    def __exit__(self, *excinfo):
        os.chdir(self._old_cwd.pop())


class closing(AbstractContextManager):
    """Call .close() on the wrapped object when the body ends."""

    def __init__(self, thing):
        self.thing = thing

    def __exit__(self, *exc_info):
        self.thing.close()

    def __enter__(self):
        return self.thing


class nullcontext(AbstractContextManager):
    """No-op manager; entering yields enter_result."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __exit__(self, *excinfo):
        pass

    def __enter__(self):
        return self.enter_result


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._old_targets = []
        self._new_target = new_target

    def __enter__(self):
        name, target = self._stream, self._new_target
        self._old_targets.append(getattr(sys, name))
        setattr(sys, name, target)
        return target

    def __exit__(self, exctype, excinst, exctb):
        previous = self._old_targets.pop()
        setattr(sys, self._stream, previous)


class redirect_stdout(_RedirectStream):
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    _stream = "stderr"


class ExitStack(AbstractContextManager):
    """Stack of exit callbacks, unwound newest first when the with block
    ends, with exception chaining equivalent to nested with statements."""

    def __init__(self):
        self._exit_callbacks = deque()

    def _register(self, fn):
        self._exit_callbacks.append((True, fn))

    def pop_all(self):
        """Hand every registered callback over to a fresh stack."""
        moved = type(self)()
        moved._exit_callbacks, self._exit_callbacks = (
            self._exit_callbacks, deque())
        return moved

    def push(self, exit):
        """Register an __exit__-style callable, or a manager's __exit__;
        returns its argument."""
        try:
            bound_exit = type(exit).__exit__
        except AttributeError:
            self._register(exit)
        else:
            self._push_cm_exit(exit, bound_exit)
        return exit

    def enter_context(self, cm):
        """Enter cm, register its exit, return the __enter__ result."""
        kind = type(cm)
        try:
            enter_fn, exit_fn = kind.__enter__, kind.__exit__
        except AttributeError:
            raise TypeError("'%s.%s' object does not support the context "
                            "manager protocol"
                            % (kind.__module__, kind.__qualname__)) from None
        entered = enter_fn(cm)
        self._push_cm_exit(cm, exit_fn)
        return entered

    def callback(self, callback, /, *args, **kwds):
        """Register callback(*args, **kwds) (it gets no exception info);
        returns callback."""
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._register(_exit_wrapper)
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        def _exit_wrapper(*exc_details):
            return cm_exit(cm, *exc_details)
        _exit_wrapper.__self__ = cm
        self._register(_exit_wrapper)

    def close(self):
        """Unwind the stack immediately."""
        self.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        had_exc = exc_details[0] is not None
        outer_exc = sys.exc_info()[1]

        def relink(raised, previous):
            # splice `previous` in as the context, stopping at the
            # exception that was already active outside the stack
            node = raised
            while True:
                ctx = node.__context__
                if ctx is None or ctx is previous:
                    return
                if ctx is outer_exc:
                    break
                node = ctx
            node.__context__ = previous

        swallowed = False
        must_raise = False
        callbacks = self._exit_callbacks
        while callbacks:
            _sync, fn = callbacks.pop()
            try:
                handled = fn(*exc_details)
            except BaseException as raised:
                relink(raised, exc_details[1])
                must_raise = True
                exc_details = (type(raised), raised, raised.__traceback__)
                continue
            if handled:
                swallowed = True
                must_raise = False
                exc_details = (None, None, None)
        if must_raise:
            to_raise = exc_details[1]
            saved_ctx = to_raise.__context__
            try:
                raise to_raise
            except BaseException:
                to_raise.__context__ = saved_ctx
                raise
        return had_exc and swallowed
