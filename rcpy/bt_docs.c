/*
 * bt_docs.c — the docstrings of the builtin classes rcpy's btypes part
 * makes (int.__doc__, list.__doc__ ...: the text CPython 3.11 shows), and
 * bt_class_new, which makes such a class with its __doc__: the text when
 * the table has one, else None, as CPython's static types without a doc
 * (NoneType, the iterators, the dict views) have.
 *
 * Invariant: every class made through bt_class_new has "__doc__" in its
 * own dict, so an instance's __doc__ never falls through to object's.
 */
#include "btypes.h"

#include <string.h>

static const struct {
    const char *name;
    const char *doc;
} docs[] = {
    {"GenericAlias",
     "Represent a PEP 585 generic type\n"
     "\n"
     "E.g. for t = list[int], t.__origin__ is list and t.__args__ is "
     "(int,)."},
    {"int",
     "int([x]) -> integer\n"
     "int(x, base=10) -> integer\n"
     "\n"
     "Convert a number or string to an integer, or return 0 if no arguments\n"
     "are given.  If x is a number, return x.__int__().  For floating point\n"
     "numbers, this truncates towards zero.\n"
     "\n"
     "If x is not a number or if base is given, then x must be a string,\n"
     "bytes, or bytearray instance representing an integer literal in the\n"
     "given base.  The literal can be preceded by '+' or '-' and be "
     "surrounded\n"
     "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
     "Base 0 means to interpret the base from the string as an integer "
     "literal.\n"
     ">>> int('0b100', base=0)\n"
     "4"},
    {"bool", "bool(x) -> bool\n"
             "\n"
             "Returns True when the argument x is true, False otherwise.\n"
             "The builtins True and False are the only two instances of the "
             "class bool.\n"
             "The class bool is a subclass of the class int, and cannot be "
             "subclassed."},
    {"float",
     "Convert a string or number to a floating point number, if possible."},
    {"str", "str(object='') -> str\n"
            "str(bytes_or_buffer[, encoding[, errors]]) -> str\n"
            "\n"
            "Create a new string object from the given object. If encoding or\n"
            "errors is specified, then the object must expose a data buffer\n"
            "that will be decoded using the given encoding and error handler.\n"
            "Otherwise, returns the result of object.__str__() (if defined)\n"
            "or repr(object).\n"
            "encoding defaults to sys.getdefaultencoding().\n"
            "errors defaults to 'strict'."},
    {"tuple",
     "Built-in immutable sequence.\n"
     "\n"
     "If no argument is given, the constructor returns an empty tuple.\n"
     "If iterable is specified the tuple is initialized from iterable's "
     "items.\n"
     "\n"
     "If the argument is a tuple, the return value is the same object."},
    {"list",
     "Built-in mutable sequence.\n"
     "\n"
     "If no argument is given, the constructor creates a new empty list.\n"
     "The argument must be an iterable if specified."},
    {"dict",
     "dict() -> new empty dictionary\n"
     "dict(mapping) -> new dictionary initialized from a mapping object's\n"
     "    (key, value) pairs\n"
     "dict(iterable) -> new dictionary initialized as if via:\n"
     "    d = {}\n"
     "    for k, v in iterable:\n"
     "        d[k] = v\n"
     "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
     "    in the keyword argument list.  For example:  dict(one=1, two=2)"},
    {"set", "set() -> new empty set object\n"
            "set(iterable) -> new set object\n"
            "\n"
            "Build an unordered collection of unique elements."},
    {"frozenset",
     "frozenset() -> empty frozenset object\n"
     "frozenset(iterable) -> frozenset object\n"
     "\n"
     "Build an immutable unordered collection of unique elements."},
    {"range", "range(stop) -> range object\n"
              "range(start, stop[, step]) -> range object\n"
              "\n"
              "Return an object that produces a sequence of integers from "
              "start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, "
              "..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, "
              "1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement)."},
    {"slice", "slice(stop)\n"
              "slice(start, stop[, step])\n"
              "\n"
              "Create a slice object.  This is used for extended slicing (e.g. "
              "a[0:10:2])."},
    {"enumerate",
     "Return an enumerate object.\n"
     "\n"
     "  iterable\n"
     "    an object supporting iteration\n"
     "\n"
     "The enumerate object yields pairs containing a count (from start, which\n"
     "defaults to zero) and a value yielded by the iterable argument.\n"
     "\n"
     "enumerate is useful for obtaining an indexed list:\n"
     "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ..."},
    {"zip", "zip(*iterables, strict=False) --> Yield tuples until an input is "
            "exhausted.\n"
            "\n"
            "   >>> list(zip('abcdefg', range(3), range(4)))\n"
            "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n"
            "\n"
            "The zip object yields n-length tuples, where n is the number of "
            "iterables\n"
            "passed as positional arguments to zip().  The i-th element in "
            "every tuple\n"
            "comes from the i-th iterable argument to zip().  This continues "
            "until the\n"
            "shortest argument is exhausted.\n"
            "\n"
            "If strict is true and one of the arguments is exhausted before "
            "the others,\n"
            "raise a ValueError."},
    {"map",
     "map(func, *iterables) --> map object\n"
     "\n"
     "Make an iterator that computes the function using arguments from\n"
     "each of the iterables.  Stops when the shortest iterable is exhausted."},
    {"filter", "filter(function or None, iterable) --> filter object\n"
               "\n"
               "Return an iterator yielding those items of iterable for which "
               "function(item)\n"
               "is true. If function is None, return the items that are true."},
    {"reversed",
     "Return a reverse iterator over the values of the given sequence."},
};

rp_class *bt_class_new(rp_interp *ip, const char *name, const rc_type *itype,
                       rp_class *base, const rp_methoddef *methods,
                       rp_newfunc new_, uint32_t flags) {
    rp_class *cls =
        rp_class_new_builtin(ip, name, itype, base, methods, new_, flags);
    if (!cls)
        return NULL;
    const char *doc = NULL;
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
        if (strcmp(docs[i].name, name) == 0)
            doc = docs[i].doc;
    rc_object *v = doc ? rp_str(ip, doc) : rp_new_ref(ip->none);
    return rp_class_add_object(ip, cls, "__doc__", v) < 0 ? NULL : cls;
}
