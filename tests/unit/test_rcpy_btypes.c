/*
 * test_rcpy_btypes.c — the builtin types' classes, their methods and the
 * builtins module, from C and through source run in a whole interpreter:
 * the classes are the ones rp_type_of gives rcgc's objects; methods and
 * builtins answer (results and error messages) as CPython 3.11 does (the
 * expected texts below were produced by CPython 3.11.7); the iterator
 * kinds are collected in cycles; math, time and os import and work.
 * One interpreter per test; each test ends with rc_heap_check clean, and
 * LeakSanitizer (asan preset) checks that freeing the interpreter frees
 * everything.
 */
#include "btypes.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static int setup(void **state) {
    static char *argv[] = {"prog.py"};
    rp_config cfg = {.argc = 1, .argv = argv, .path0 = ""};
    rp_interp *ip = rp_interp_new(&cfg);
    *state = ip;
    return ip ? 0 : -1;
}

static int teardown(void **state) {
    rp_interp *ip = *state;
    rp_err_clear(ip);
    int check = rc_heap_check(ip->rt);
    if (check)
        fprintf(stderr, "heap check: %s\n", rc_last_error_message(ip->rt));
    rp_interp_free(ip);
    return check == 0 ? 0 : -1;
}

/* ---------------------------------------------------------- helpers */

/* Runs src in a fresh namespace (a new dict with __builtins__) and
 * returns it (new reference); fails the test on an exception. */
static rc_object *run(rp_interp *ip, const char *src) {
    rc_object *ns = rc_dict_new(ip->rt);
    rc_object *name = rp_str(ip, "<test>");
    assert_non_null(ns);
    assert_int_equal(rc_dict_setitem(ns, ip->s.builtins, ip->builtins), 0);
    rc_object *code = rp_compile(ip, src, strlen(src), name, RP_MODE_EXEC);
    rc_object *r = code ? rp_eval_code(ip, code, ns, ns) : NULL;
    if (!r) {
        rc_object *exc = rp_err_fetch(ip);
        rc_object *s = exc ? rc_repr(exc) : NULL;
        fail_msg("%s raised %s", src, s ? rc_str_utf8(s) : "?");
    }
    rc_decref(r);
    rc_xdecref(code);
    rc_decref(name);
    return ns;
}

/* Evaluates each expression and compares repr(value) — or, when it
 * raises, "Type: message" — with the expected text. */
typedef struct expect {
    const char *expr, *text;
} expect;

static void check_all(rp_interp *ip, const expect *cases, size_t n) {
    static const char prelude[] = "def show(f):\n"
                                  "    try:\n"
                                  "        return repr(f())\n"
                                  "    except Exception as e:\n"
                                  "        return type(e).__name__ + ': ' + "
                                  "str(e)\n";
    for (size_t i = 0; i < n; i++) {
        char src[1024];
        snprintf(src, sizeof src, "%sr = show(lambda: (%s))\n", prelude,
                 cases[i].expr);
        rc_object *ns = run(ip, src);
        rc_object *key = rp_str(ip, "r");
        rc_object *r = rc_dict_getitem(ns, key);
        assert_non_null(r);
        if (strcmp(rc_str_utf8(r), cases[i].text) != 0)
            fail_msg("%s: got %s, CPython gives %s", cases[i].expr,
                     rc_str_utf8(r), cases[i].text);
        rc_decref(key);
        rc_decref(ns);
    }
}

/* Runs src and compares repr of its variable r with text. */
static void check_r(rp_interp *ip, const char *src, const char *text) {
    rc_object *ns = run(ip, src);
    rc_object *key = rp_str(ip, "r");
    rc_object *r = rc_repr(rc_dict_getitem(ns, key));
    assert_string_equal(rc_str_utf8(r), text);
    rc_decref(r);
    rc_decref(key);
    rc_decref(ns);
}

#define CHECK_ALL(ip, cases) check_all(ip, cases, sizeof cases / sizeof *cases)

/* ---------------------------------------------------------- classes */

/* type(o) of rcgc's objects is the class registered for their rc_type;
 * bool derives from int; the names in builtins are those classes. */
static void classes_of_library_objects(void **state) {
    rp_interp *ip = *state;
    rc_object *objs[] = {rc_int_from_i64(ip->rt, 7),
                         rc_true(ip->rt),
                         rc_float_from_double(ip->rt, 1.5),
                         rp_str(ip, "s"),
                         rc_list_new(ip->rt),
                         rc_tuple_new(ip->rt, 0),
                         rc_dict_new(ip->rt),
                         rc_set_new(ip->rt, NULL),
                         rc_none(ip->rt)};
    rp_class *want[] = {ip->cls.int_, ip->cls.bool_, ip->cls.float_,
                        ip->cls.str,  ip->cls.list,  ip->cls.tuple,
                        ip->cls.dict, ip->cls.set,   ip->cls.none};
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++) {
        assert_ptr_equal(rp_type_of(objs[i]), want[i]);
        rc_decref(objs[i]);
    }
    assert_true(rp_is_subclass(ip->cls.bool_, ip->cls.int_));
    assert_ptr_equal(rp_type_of(ip->ellipsis), ip->cls.ellipsis);
    rc_object *key = rp_str(ip, "list");
    assert_ptr_equal(rc_dict_getitem(ip->builtins, key), &ip->cls.list->ob);
    rc_decref(key);
    static const expect cases[] = {
        {"type(iter([])).__name__", "'list_iterator'"},
        {"type(reversed([]))", "<class 'list_reverseiterator'>"},
        {"type(reversed(()))", "<class 'reversed'>"},
        {"type({}.keys()), type({}.items())",
         "(<class 'dict_keys'>, <class 'dict_items'>)"},
        {"type(zip()) is zip and type(map(len, [])) is map", "True"},
        {"type(...), type(None)()", "(<class 'ellipsis'>, None)"},
        {"type(iter(int, 1)).__name__", "'callable_iterator'"},
        {"isinstance(True, int), issubclass(bool, (str, int))", "(True, True)"},
    };
    CHECK_ALL(ip, cases);
}

/* Calling the classes from C, as the VM does: list(tuple), int(text,
 * base=...) with a keyword, and a method descriptor with self first. */
static void calling_classes_from_c(void **state) {
    rp_interp *ip = *state;
    rc_object *t = rc_tuple_pack(ip->rt, 2, ip->true_, ip->none);
    rc_object *l = rp_call1(ip, &ip->cls.list->ob, t);
    assert_non_null(l);
    assert_true(rc_is_list(l) && rc_list_size(l) == 2);
    rc_object *text = rp_str(ip, "ff"), *sixteen = rc_int_from_i64(ip->rt, 16);
    rc_object *base = rp_str(ip, "base");
    rc_object *kw = rc_tuple_pack(ip->rt, 1, base);
    rc_object *argv[] = {text, sixteen};
    rc_object *n = rp_call(ip, &ip->cls.int_->ob, argv, 1, kw);
    int64_t v = 0;
    assert_non_null(n);
    assert_int_equal(rc_int_to_i64(n, &v), 0);
    assert_int_equal(v, 255);
    rc_object *sep = rp_str(ip, "-"), *join = rp_str(ip, "join");
    rc_object *words = rp_call_method(ip, sep, join, &l, 1);
    assert_null(words); /* items are not strs */
    rc_object *exc = rp_err_fetch(ip);
    rc_object *msg = rc_str(exc);
    assert_string_equal(rc_str_utf8(msg),
                        "sequence item 0: expected str instance, bool found");
    rc_object *objs[] = {t, l, text, sixteen, base, kw, n, sep, join, exc, msg};
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++)
        rc_decref(objs[i]);
}

/* ---------------------------------------------------------- methods */

static void str_methods(void **state) {
    static const expect cases[] = {
        {"'Hello, World'.find('o', 5, 8)", "-1"},
        {"'abc'.count('', 5)", "0"},
        {"'a b  c '.split(None, 1)", "['a', 'b  c ']"},
        {"'mississippi'.rsplit('ss')", "['mi', 'i', 'ippi']"},
        {"'a\\nb\\r\\nc\\n'.splitlines(True)", "['a\\n', 'b\\r\\n', 'c\\n']"},
        {"'ab'.center(7)", "'   ab  '"},
        {"'abc'.center(8, '*')", "'**abc***'"},
        {"'-42'.zfill(5)", "'-0042'"},
        {"\"they're bill's\".title()", "\"They'Re Bill'S\""},
        {"'hELLO wORLD'.capitalize()", "'Hello world'"},
        {"'\\u00b2'.isdigit(), '\\u00b2'.isdecimal(), '\\u00bd'.isnumeric()",
         "(True, False, True)"},
        {"'a=b=c'.rpartition('=')", "('a=b', '=', 'c')"},
        {"'a\\tbc\\td'.expandtabs(4)", "'a   bc  d'"},
        {"'abcabc'.translate(str.maketrans('abc', 'xyz', 'c'))", "'xyxy'"},
        {"str.maketrans({'ab': 1})",
         "ValueError: string keys in translate table must be of length 1"},
        {"'Stra\\u00dfe'.casefold()", "'strasse'"},
        {"'{0[1]} {x[k]}'.format([1, 2], x={'k': 'v'})", "'2 v'"},
        {"'a'.find()", "TypeError: find() takes at least 1 argument (0 given)"},
        {"'a'.center(5, 'ab')",
         "TypeError: The fill character must be exactly one character long"},
        {"'aaa'.replace(1, 'b')",
         "TypeError: replace() argument 1 must be str, not int"},
        {"','.join(5)", "TypeError: can only join an iterable"},
        {"'abc'.index('z')", "ValueError: substring not found"},
        {"'TestHook'.removeprefix('Test')", "'Hook'"},
        {"str(), str(None), str(b=1)",
         "TypeError: 'b' is an invalid keyword argument for str()"},
    };
    CHECK_ALL((rp_interp *)*state, cases);
}

static void number_methods(void **state) {
    static const expect cases[] = {
        {"int('0x1f', 0), int('1_000'), int(-3.99), int(True)",
         "(31, 1000, -3, 1)"},
        {"int('12a')", "ValueError: invalid literal for int() with base 10: "
                       "'12a'"},
        {"int(1, 10)",
         "TypeError: int() can't convert non-string with explicit base"},
        {"int(float('inf'))",
         "OverflowError: cannot convert float infinity to integer"},
        {"round(1250, -2), round(-1250, -2), round(2.5), round(2.675, 2)",
         "(1200, -1200, 2, 2.67)"},
        {"round(12250.3, -2), round(12250.0, -2)", "(12300.0, 12200.0)"},
        {"(0.1).as_integer_ratio()", "(3602879701896397, 36028797018963968)"},
        {"(0.1).hex(), float.fromhex('-0x1p-1074')",
         "('0x1.999999999999ap-4', -5e-324)"},
        {"True.real, (7).bit_count(), (6).as_integer_ratio()",
         "(1, 3, (6, 1))"},
        {"pow(3, -1, 7), pow(2, 3, -5), pow(2, 100, 10 ** 9 + 7)",
         "(5, -2, 976371285)"},
        {"pow(2, -1, 4)",
         "ValueError: base is not invertible for the given modulus"},
        {"(2).__pow__(10, 1000), 7 % 0",
         "ZeroDivisionError: integer modulo by zero"},
        {"float('abc')", "ValueError: could not convert string to float: "
                         "'abc'"},
        {"hex(-255), bin(0), oct(-8), hex(2 ** 70)",
         "('-0xff', '0b0', '-0o10', '0x400000000000000000')"},
    };
    CHECK_ALL((rp_interp *)*state, cases);
}

static void container_methods(void **state) {
    static const expect cases[] = {
        {"[1, 2].index(3)", "ValueError: 3 is not in list"},
        {"(1, 2).index(3)", "ValueError: tuple.index(x): x not in tuple"},
        {"[].pop()", "IndexError: pop from empty list"},
        {"[].sort(1)", "TypeError: sort() takes no positional arguments"},
        {"sorted([(1, 'b'), (1, 'a'), (0, 'z')])",
         "[(0, 'z'), (1, 'a'), (1, 'b')]"},
        {"sorted(['b', 'A', 'c'], key=str.lower, reverse=True)",
         "['c', 'b', 'A']"},
        {"{}.popitem()", "KeyError: 'popitem(): dictionary is empty'"},
        {"{}.pop(('t', 1))", "KeyError: ('t', 1)"},
        {"dict([(1, 2, 3)])", "ValueError: dictionary update sequence "
                              "element #0 has length 3; 2 is required"},
        {"dict({'a': 1}, b=2), dict.fromkeys('ab', 0)",
         "({'a': 1, 'b': 2}, {'a': 0, 'b': 0})"},
        {"{'a': 1}.keys() & {'a', 'x'}", "{'a'}"},
        {"list(reversed({1: 2, 3: 4}))", "[3, 1]"},
        {"set().pop()", "KeyError: 'pop from an empty set'"},
        {"{1, 2, 3}.symmetric_difference([1, 10])", "{3, 10, 2}"},
        {"frozenset([1]).union([2]), {1, 2} <= {1, 2, 3}",
         "(frozenset({1, 2}), True)"},
        {"range(1, 10, 2).index(5), range(1, 10, 2).index(4)",
         "ValueError: 4 is not in range"},
        {"list(reversed(range(1, 10, 3))), slice(1, 10, 2).indices(5)",
         "([7, 4, 1], (1, 5, 2))"},
        {"(slice(1, 2).start, range(5, 1, -2).step)", "(1, -2)"},
        {"range(10 ** 20)[-1], range(10 ** 20)[::2], 10 ** 19 in range(10 ** "
         "20)",
         "(99999999999999999999, range(0, 100000000000000000000, 2), True)"},
        {"len(range(10 ** 20))",
         "OverflowError: Python int too large to convert to C ssize_t"},
        {"list(reversed(range(10 ** 20, 10 ** 20 + 2))), "
         "range(10 ** 20) == range(0, 10 ** 20, 1)",
         "([100000000000000000001, 100000000000000000000], True)"},
    };
    CHECK_ALL((rp_interp *)*state, cases);
}

/* Subclasses of the value classes: __init__ fills, methods see the value. */
static void value_subclasses(void **state) {
    check_r(*state,
            "class L(list):\n"
            "    def __init__(self, it, tag):\n"
            "        super().__init__(it)\n"
            "        self.tag = tag\n"
            "l = L((3, 1, 2), 't')\n"
            "l.sort()\n"
            "class S(str):\n"
            "    pass\n"
            "r = (l, l.tag, sum(l), '-'.join([S('a'), S('b')]),\n"
            "     S('x').upper(), type(S('y') + 'z').__name__)\n",
            "([1, 2, 3], 't', 6, 'a-b', 'X', 'str')");
}

/* ---------------------------------------------------------- builtins */

static void builtin_functions(void **state) {
    static const expect cases[] = {
        {"max([])", "ValueError: max() arg is an empty sequence"},
        {"max(1, 2, default=3)", "TypeError: Cannot specify a default for "
                                 "max() with multiple positional arguments"},
        {"min([3, 1, 2], key=lambda x: -x), max('abc'), max([], default=0)",
         "(3, 'c', 0)"},
        {"sum([[1], [2]], []), sum(range(101))", "([1, 2], 5050)"},
        {"sum(['a'], '')",
         "TypeError: sum() can't sum strings [use ''.join(seq) instead]"},
        {"list(zip('ab', [1, 2, 3])), list(zip())",
         "([('a', 1), ('b', 2)], [])"},
        {"list(zip([1], [3], [4, 5], strict=True))",
         "ValueError: zip() argument 3 is longer than arguments 1-2"},
        {"list(enumerate('ab', start=5))", "[(5, 'a'), (6, 'b')]"},
        {"list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, '', 'a']))",
         "([8, 9], [1, 'a'])"},
        {"list(iter([1, 2, None, 5].pop, None))", "[5]"},
        {"next(iter([]), 'd'), chr(0x1F600) == '\\U0001F600', ord('\\u20ac')",
         "('d', True, 8364)"},
        {"ord('ab')",
         "TypeError: ord() expected a character, but string of length 2 found"},
        {"getattr(1, 2)",
         "TypeError: attribute name must be string, not 'int'"},
        {"reversed(1)", "TypeError: 'int' object is not reversible"},
        {"round('a')", "TypeError: type str doesn't define __round__ method"},
        {"ascii('\\u65e5\\u00e9'), format(1234567, ','), format(255, 'x')",
         "(\"'\\\\u65e5\\\\xe9'\", '1,234,567', 'ff')"},
        {"eval('x + 1', {'x': 41}), eval('  2 * 3')", "(42, 6)"},
        {"compile('x', 'f', 'bad')",
         "ValueError: compile() mode must be 'exec', 'eval' or 'single'"},
        {"exec(1)",
         "TypeError: exec() arg 1 must be a string, bytes or code object"},
        {"vars(1)", "TypeError: vars() argument must have __dict__ attribute"},
        {"repr(exit), callable(quit)",
         "('Use exit() or Ctrl-D (i.e. EOF) to exit', True)"},
    };
    CHECK_ALL((rp_interp *)*state, cases);
}

/* exit(3) raises SystemExit(3); next() of a finished generator carries
 * its return value in StopIteration.value. */
static void exit_and_next(void **state) {
    check_r(*state,
            "try:\n"
            "    exit(3)\n"
            "except SystemExit as e:\n"
            "    a = e.code\n"
            "def g():\n"
            "    yield 1\n"
            "    return 'done'\n"
            "it = g()\n"
            "next(it)\n"
            "try:\n"
            "    next(it)\n"
            "except StopIteration as e:\n"
            "    b = e.value\n"
            "r = (a, b)\n",
            "(3, 'done')");
}

/* The iterator kinds hold what they iterate strongly and traverse it: a
 * cycle through an enumerate, a zip, a map and a reversed is collected. */
static void iterators_in_cycles(void **state) {
    rp_interp *ip = *state;
    rc_object *ns = run(ip, "import gc\n"
                            "gc.collect()\n"
                            "def cycle(make):\n"
                            "    l = []\n"
                            "    l.append(make(l))\n"
                            "for make in (enumerate, zip, reversed,\n"
                            "             lambda l: map(id, l),\n"
                            "             lambda l: filter(None, l),\n"
                            "             lambda l: iter(l.pop, None)):\n"
                            "    cycle(make)\n"
                            "r = gc.collect()\n");
    rc_object *key = rp_str(ip, "r");
    int64_t n = 0;
    assert_int_equal(rc_int_to_i64(rc_dict_getitem(ns, key), &n), 0);
    /* each cycle: the list, the iterator object, and for the first five
     * the inner list iterator (bound method: l.pop) */
    assert_true(n >= 12);
    rc_decref(key);
    rc_decref(ns);
}

/* ---------------------------------------------------------- modules */

static void math_time_os(void **state) {
    static const expect cases[] = {
        {"__import__('math').sqrt(-1)", "ValueError: math domain error"},
        {"__import__('math').exp(1000)", "OverflowError: math range error"},
        {"__import__('math').factorial(20), __import__('math').comb(50, 3)",
         "(2432902008176640000, 19600)"},
        {"__import__('math').fsum([0.1] * 10), sum([0.1] * 10)",
         "(1.0, 0.9999999999999999)"},
        {"__import__('math').log(10 ** 400), __import__('math').gcd(12, -18)",
         "(921.0340371976182, 6)"},
        {"__import__('math').isqrt(10 ** 20 + 1), __import__('math').perm(5)",
         "(10000000000, 120)"},
        {"__import__('math').floor(-2.5), __import__('math').trunc(2.7)",
         "(-3, 2)"},
        {"type(__import__('time').time_ns()).__name__", "'int'"},
        {"__import__('time').gmtime(0)[:6]", "(1970, 1, 1, 0, 0, 0)"},
        {"__import__('time').strftime('%Y-%m-%d', "
         "__import__('time').gmtime(0))",
         "'1970-01-01'"},
        {"__import__('os').path.normpath('a//b/../c'), "
         "__import__('os').path.splitext('a/.b.c')",
         "('a/c', ('a/.b', '.c'))"},
        {"__import__('os').path.relpath('/a/b', '/a/c/d'), "
         "__import__('os.path').path.split('//a')",
         "('../../b', ('//', 'a'))"},
        {"__import__('os').remove('/nonexistent/x')",
         "FileNotFoundError: [Errno 2] No such file or directory: "
         "'/nonexistent/x'"},
    };
    CHECK_ALL((rp_interp *)*state, cases);
}

/* ---------------------------------------------------------- memory */

/* Builtins and methods that allocate at every step, until the heap limit
 * refuses: each failure must be a MemoryError (or the script's own end),
 * never a crash, a leak (LSan) or a heap the checker rejects. */
static const char exhaust_src[] =
    "keep = []\n"
    "refused = False\n"
    "try:\n"
    "    for i in range(100000):\n"
    "        s = ('word%d ' % i) * 5\n"
    "        parts = s.split()\n"
    "        d = dict(zip(parts, range(len(parts))))\n"
    "        d.update(a=i, b=str(i))\n"
    "        t = tuple(sorted(set(parts) | {str(i)}, key=len, reverse=True))\n"
    "        e = list(enumerate(map(str.upper, filter(None, parts))))\n"
    "        r = list(reversed(range(i % 50)))\n"
    "        keep.append((s.replace('w', 'W').center(80, '*'), d, t, e, r,\n"
    "                     '-'.join(parts).title(), format(i * 1.5, '.3f'),\n"
    "                     int(str(i) * 3), hex(i), divmod(i, 7)))\n"
    "except MemoryError:\n"
    "    refused = True\n";

static void memory_exhaustion(void **state) {
    (void)state;
    static char *argv[] = {"prog.py"};
    int started = 0, refused = 0;
    for (size_t limit = 3u << 20; limit < (7u << 20); limit += 3u << 16) {
        rp_config cfg = {
            .argc = 1, .argv = argv, .path0 = "", .heap_limit = limit};
        rp_interp *ip = rp_interp_new(&cfg);
        if (!ip)
            continue;
        started++;
        rc_object *name = rp_str(ip, "<exhaust>");
        rc_object *ns = rc_dict_new(ip->rt);
        rc_object *code =
            name && ns ? rp_compile(ip, exhaust_src, sizeof exhaust_src - 1,
                                    name, RP_MODE_EXEC)
                       : NULL;
        if (code && rc_dict_setitem(ns, ip->s.builtins, ip->builtins) == 0) {
            rc_object *r = rp_eval_code(ip, code, ns, ns);
            if (!r) /* only a MemoryError may escape the script's own */
                assert_true(rp_err_matches(ip, ip->exc.MemoryError));
            rc_object *key = rp_str(ip, "refused");
            rc_object *v = key ? rc_dict_getitem(ns, key) : NULL;
            refused += !r || v == ip->true_;
            rc_xdecref(key);
            rc_xdecref(r);
        }
        rp_err_clear(ip);
        rc_xdecref(code), rc_xdecref(ns), rc_xdecref(name);
        rc_gc_collect(ip->rt, 2);
        assert_int_equal(rc_heap_check(ip->rt), 0);
        rp_interp_free(ip);
    }
    assert_true(started > 0);
    assert_true(refused > 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
    const struct CMUnitTest tests[] = {
        T(classes_of_library_objects),
        T(calling_classes_from_c),
        T(str_methods),
        T(number_methods),
        T(container_methods),
        T(value_subclasses),
        T(builtin_functions),
        T(exit_and_next),
        T(iterators_in_cycles),
        T(math_time_os),
        cmocka_unit_test(memory_exhaustion),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
