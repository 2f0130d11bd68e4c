"""copyreg for rcpy: the registry copy (and pickling, were there one)
consults for objects of classes that cannot say how to rebuild
themselves: dispatch_table maps a class to a function returning the
reduce value (callable, args[, state, listitems, dictitems]); the helpers
__newobj__/__newobj_ex__/_reconstructor rebuild objects from such values,
as CPython 3.11's copyreg does. The extension-code registry is kept for
compatibility with code that registers codes."""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Registers how objects of ob_type are reduced."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def _reconstructor(cls, base, state):
    """Rebuilds an object of cls whose builtin base is base (the value
    protocols 0 and 1 recorded as state)."""
    if base is object:
        return object.__new__(cls)
    made = base.__new__(cls, state)
    if base.__init__ != object.__init__:
        base.__init__(made, state)
    return made


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """Used by the reduce value of protocol 4: cls.__new__(cls, *args,
    **kwargs)."""
    return cls.__new__(cls, *args, **kwargs)


def _stored_name(klass, name):
    """A private slot name as klass stores it (name mangling)."""
    owner = klass.__name__.lstrip("_")
    if owner and name.startswith("__") and not name.endswith("__"):
        return "_" + owner + name
    return name


def _slotnames(cls):
    """The names of cls's __slots__ along its MRO (mangled, without
    __dict__ and __weakref__), cached on the class."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for klass in cls.__mro__:
            declared = klass.__dict__.get("__slots__", ())
            if isinstance(declared, str):
                declared = [declared]
            names.extend(_stored_name(klass, n) for n in declared
                         if n not in ("__dict__", "__weakref__"))
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def _registered(key, code):
    return (_extension_registry.get(key) == code
            and _inverted_registry.get(code) == key)


def add_extension(module, name, code):
    """Registers an extension code (1..0x7fffffff) for module.name."""
    code = int(code)
    if code < 1 or code > 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if _registered(key, code):
        return  # the same pair again: nothing to do
    taken = _extension_registry.get(key)
    if taken is not None:
        raise ValueError("key %s is already registered with code %s"
                         % (key, taken))
    holder = _inverted_registry.get(code)
    if holder is not None:
        raise ValueError("code %s is already in use for key %s"
                         % (code, holder))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Forgets the code registered for module.name."""
    key = (module, name)
    if not _registered(key, code):
        raise ValueError("key %s is not registered with code %s"
                         % (key, code))
    _extension_registry.pop(key)
    _inverted_registry.pop(code)
    _extension_cache.pop(code, None)


def clear_extension_cache():
    _extension_cache.clear()
