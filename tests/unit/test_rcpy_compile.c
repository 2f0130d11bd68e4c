/*
 * test_rcpy_compile.c — rcpy's compiler: symbol tables, code generation,
 * the assembler and code objects.
 *
 * The main test compiles a corpus of snippets with rcpy and with CPython
 * 3.11 (compile_oracle.py, next to this file) and compares, code object by
 * code object, what CPython's dis would show translated into rcpy's
 * instruction set: instructions and arguments, constants, names, slots,
 * flags, stack size, exception table and every instruction's position —
 * or the SyntaxError (message, line, offsets). Other tests check what the
 * listing cannot show: constants shared across code objects, interning,
 * failure of every allocation in turn, deep nesting, and the heap.
 */
#define _GNU_SOURCE
#include "support.h"

#include "compile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ====================================================================== */
/* An interpreter with just what the compiler reads                       */
/* ====================================================================== */

static rc_object *ellipsis_repr(rc_object *self) {
    return rc_str_from_cstr(rc_runtime_of(self), "Ellipsis");
}

static const rc_protocol ellipsis_protocol = {.version = RC_PROTOCOL_VERSION,
                                              .repr = ellipsis_repr};
static const rc_type ellipsis_type = {.name = "ellipsis",
                                      .basicsize = sizeof(rc_object),
                                      .protocol = &ellipsis_protocol};

static rp_interp *interp_new(rc_runtime *rt) {
    rp_interp *ip = rc_malloc(rt, sizeof *ip);
    if (!ip)
        return NULL;
    memset(ip, 0, sizeof *ip);
    ip->rt = rt;
#define INTERN(field, text)                                                    \
    if (!(ip->s.field = rc_str_intern(rt, text)))                              \
        goto fail;
    RP_NAMES(INTERN)
#undef INTERN
    ip->none = rc_none(rt);
    if (!(ip->ellipsis = rc_new(rt, &ellipsis_type)))
        goto fail;
    return ip;
fail:;
#define RELEASE(field, text) rc_xdecref(ip->s.field);
    RP_NAMES(RELEASE)
#undef RELEASE
    rc_free(rt, ip, sizeof *ip);
    return NULL;
}

static void interp_free(rp_interp *ip) {
#define RELEASE(field, text) rc_xdecref(ip->s.field);
    RP_NAMES(RELEASE)
#undef RELEASE
    rc_xdecref(ip->ellipsis);
    rc_free(ip->rt, ip, sizeof *ip);
}

typedef struct fixture {
    rc_runtime *rt;
    rp_interp *ip;
    rc_object *filename;
} fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    f->rt = test_runtime_new(NULL);
    f->ip = interp_new(f->rt);
    f->filename = rc_str_intern(f->rt, "t.py");
    assert_non_null(f->ip);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    rc_decref(f->filename);
    interp_free(f->ip);
    assert_int_equal(rc_heap_check(f->rt), 0);
    rc_runtime_free(f->rt);
    free(f);
    return 0;
}

/* Parses and compiles src as rp_compile does (compile()'s rules for
 * single mode): the code object, or NULL with *perr (parse errors) or
 * *cerr (compiler errors) filled, or a runtime error. */
static rc_object *compile_src(fixture *f, const char *src, rp_mode mode,
                              rp_syntax_error *perr, rp_cerror *cerr) {
    rp_arena *a = rp_arena_new(f->rt);
    if (!a)
        return NULL;
    memset(perr, 0, sizeof *perr);
    memset(cerr, 0, sizeof *cerr);
    size_t len = strlen(src);
    rp_mod *mod = rp_parse_ex(a, src, len, mode, 0, perr);
    rc_object *code = NULL;
    if (mod)
        code = rp_compiler_run(f->ip, mod, f->filename, src, len, cerr);
    rp_arena_free(a);
    return code;
}

static rc_object *compile_ok(fixture *f, const char *src) {
    rp_syntax_error perr;
    rp_cerror cerr;
    rc_object *code = compile_src(f, src, RP_MODE_EXEC, &perr, &cerr);
    if (!code)
        fail_msg("compiling %s: %s%s%s", src, perr.msg, cerr.msg,
                 rc_last_error_message(f->rt));
    return code;
}

/* ====================================================================== */
/* The listing                                                            */
/* ====================================================================== */

typedef struct text {
    char *p;
    size_t n, cap;
} text;

static void add(text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void add(text *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *s;
    int k = vasprintf(&s, fmt, ap);
    va_end(ap);
    assert_true(k >= 0);
    if (t->n + (size_t)k + 1 > t->cap) {
        t->cap = (t->n + (size_t)k + 1) * 2;
        t->p = realloc(t->p, t->cap);
    }
    memcpy(t->p + t->n, s, (size_t)k + 1);
    t->n += (size_t)k;
    free(s);
}

static void add_slots(text *t, const char *label, const rp_code *co,
                      uint8_t kind) {
    add(t, "%s:", label);
    bool first = true;
    for (uint32_t i = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & kind) {
            add(t, first ? " %s" : " %s",
                rc_str_utf8(rc_tuple_get(co->localsplusnames, i)));
            first = false;
        }
    add(t, first ? " \n" : "\n");
}

static int cmp_cstr(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* frozenset(<sorted item reprs>): the order of a set of strs depends on
 * their hashes, which CPython randomizes. */
static void add_frozenset(text *t, rc_object *fs) {
    size_t n = rc_set_size(fs), pos = 0, k = 0;
    char **items = calloc(n ? n : 1, sizeof *items);
    rc_object *item;
    while (rc_set_next(fs, &pos, &item)) {
        rc_object *r = rc_repr(item);
        assert_non_null(r);
        items[k++] = strdup(rc_str_utf8(r));
        rc_decref(r);
    }
    qsort(items, k, sizeof *items, cmp_cstr);
    add(t, "frozenset(");
    for (size_t i = 0; i < k; i++) {
        add(t, "%s%s", i ? ", " : "", items[i]);
        free(items[i]);
    }
    add(t, ")");
    free(items);
}

static void add_consts(text *t, const rp_code *co) {
    add(t, "consts: ");
    for (size_t i = 0; i < rc_tuple_size(co->consts); i++) {
        rc_object *k = rc_tuple_get(co->consts, i);
        if (i)
            add(t, " | ");
        if (k->type == &rp_code_type) {
            add(t, "code:%s", rc_str_utf8(((rp_code *)k)->qualname));
            continue;
        }
        if (rc_is_frozenset(k)) {
            add_frozenset(t, k);
            continue;
        }
        rc_object *r = rc_repr(k);
        assert_non_null(r);
        add(t, "%s", rc_str_utf8(r));
        rc_decref(r);
    }
    add(t, "\n");
}

static void add_names(text *t, const rp_code *co) {
    add(t, "names:");
    for (size_t i = 0; i < rc_tuple_size(co->names); i++)
        add(t, " %s", rc_str_utf8(rc_tuple_get(co->names, i)));
    add(t, rc_tuple_size(co->names) ? "\n" : " \n");
}

static void listing(text *t, const rp_code *co) {
    add(t, "code %s %s args=%u/%u/%u flags=%u first=%u stack=%u\n",
        rc_str_utf8(co->qualname), rc_str_utf8(co->name), co->argcount,
        co->posonlyargcount, co->kwonlyargcount, co->flags, co->firstlineno,
        co->stacksize);
    add_slots(t, "varnames", co, RP_FAST_LOCAL);
    add_slots(t, "cellvars", co, RP_FAST_CELL);
    add_slots(t, "freevars", co, RP_FAST_FREE);
    add_names(t, co);
    add_consts(t, co);
    for (uint32_t i = 0; i < co->ninstrs; i++) {
        unsigned op = RP_OPCODE(co->instrs[i]);
        add(t, "%u %s", i, rp_opcode_name(op));
        if (rp_opcode_has_arg(op))
            add(t, " %u", RP_OPARG(co->instrs[i]));
        add(t, "\n");
    }
    for (uint32_t i = 0; i < co->nhandlers; i++) {
        const rp_exc_entry *h = &co->handlers[i];
        add(t, "exc %u %u %u %u %u\n", h->start, h->end, h->target,
            (unsigned)h->depth, (unsigned)h->lasti);
    }
    for (uint32_t i = 0; i < co->ninstrs; i++) {
        rp_pos p = co->positions[i];
        add(t, "pos %u %d %d %d %d\n", i, p.line, p.end_line, p.col, p.end_col);
    }
    for (size_t i = 0; i < rc_tuple_size(co->consts); i++) {
        rc_object *k = rc_tuple_get(co->consts, i);
        if (k->type == &rp_code_type)
            listing(t, (const rp_code *)k);
    }
}

/* ====================================================================== */
/* The corpus                                                             */
/* ====================================================================== */

typedef struct snippet {
    char mode; /* 'e' exec, 's' single, 'v' eval */
    const char *src;
} snippet;

static const snippet corpus[] = {
    /* expressions, assignments, calls */
    {'e', "x = 1\ny = x + 2 * 3\nprint(x, y, sep='-')\n"},
    {'e', "a = b = c\na, b = b, a\na, b, c = c, b, a\nx, *y, z = w\n"},
    {'e', "x = -y\nx = not y\nx = ~y\nx = +y\nx = a if b else c\n"},
    {'e', "x = a and b or c\nx = a or b\nx = (a and b) and c\n"},
    {'e', "x = a < b\nx = a < b < c\nx = a is not b\nx = a not in b\n"
          "x = not a in b\nx = not a is b\n"},
    {'e', "o.x = 1\ndel o.x\no[i] = 2\ndel o[i]\ndel a, b\no.m(1, k=2)\n"
          "o.a.b(*x)\n"},
    {'e', "x += 1\no.a -= 2\no[i] *= 3\no[i:j] //= 4\nx **= 2\n"},
    {'e', "f(a, *b, c, **d)\nf(*a)\nf(**d)\nf(a, k=1, **d)\n"
          "f(a, b=1, *c, d=2)\nf(x=1, **a, y=2, **b)\n"},
    {'e', "x = [1, 2, 3]\ny = (1, 2, 3)\nz = {1, 2, 3}\nw = [a, *b, c]\n"
          "v = (*a, b)\nu = {*a, *b}\nt = [a]\ns = ()\nr = []\n"},
    {'e', "d = {}\nd = {'a': 1, 'b': 2}\nd = {a: 1}\nd = {**a, 'b': 1}\n"
          "d = {'a': 1, **b, c: d}\n"},
    {'e', "x = o[1:2]\nx = o[::2]\nx = o[a:b, c]\nx = o[1, 2]\n"},
    {'e', "s = f'{a} and {b!r:>{w}} {c!s} {d!a}'\nt = f'x'\nu = f''\n"
          "v = f'{x=}'\n"},
    {'e', "s = '%s-%r' % (a, b)\nt = '%5s|%-3.2a' % (a, b)\n"
          "u = '%d' % (a,)\nv = '%s %%' % (a,)\n"},
    {'e', "x = 2 ** 10 + 1\ny = 'ab' + 'c'\nz = 'abc'[1]\nw = (1, (2, -3))\n"
          "v = -0.0, 0.0, 0, False\nu = 1 / 0\nt = 'x' * 5000\n"
          "s = __debug__\nr = a in [1, 2, 3]\nq = a in {1, 2}\n"
          "p = 2 ** 200\n"},
    {'e', "a = 'very good morning'\nb = 'very good morning'\n"
          "def f():\n    return 'very good morning', (1, 2), 'ok'\n"
          "c = (1, 2)\n"},
    {'e', "x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, "
          "18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, a]\n"
          "f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, "
          "19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, a)\n"},
    {'e', "x = (yield_ := 3)\nprint(x := 2)\n"},
    /* control flow */
    {'e', "if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\n"},
    {'e', "while a < 10:\n    a += 1\n    if a == 5:\n        break\n"
          "    if a == 3:\n        continue\nelse:\n    b = 1\n"},
    {'e', "for i in range(3):\n    if i:\n        break\n    continue\n"
          "else:\n    pass\nfor x in [a, b]:\n    print(x)\n"
          "for y in [1, 2]:\n    pass\n"},
    {'e', "while True:\n    x = f()\n    if x:\n        break\n"},
    {'e', "if 0:\n    x = 1\nif 1:\n    y = 2\nwhile 0:\n    z = 3\n"
          "if not a:\n    b()\nif a and b or c:\n    d()\n"
          "if a < b < c:\n    e()\nif (a if b else c):\n    f()\n"},
    {'e', "assert a\nassert a, 'message'\nassert (a, b)\n"},
    {'e', "raise\nraise E\nraise E from c\n"},
    /* functions */
    {'e', "def f(a, b=2, *args, c, d=3, **kw):\n    'doc'\n"
          "    global g\n    g = a + b\n    return g\n"},
    {'e', "def f(a, /, b, *, c):\n    return a, b, c\n"
          "def g(): pass\ndef h():\n    return\ndef k():\n    return None\n"},
    {'e', "def outer(x):\n    def inner(y):\n        return x + y\n"
          "    return inner\n"},
    {'e', "def f():\n    x = 1\n    def g():\n        nonlocal x\n"
          "        x += 1\n        return x\n    return g\n"},
    {'e', "def f(a):\n    def g():\n        return a\n    a = 2\n"
          "    return g, lambda: a, lambda b=1: a + b\n"},
    {'e', "@dec\n@dec2(1)\ndef f():\n    pass\n@cd\nclass C:\n    pass\n"},
    {'e', "f = lambda: 0\ng = lambda x, *y, z=1, **w: (x, y, z, w)\n"
          "h = lambda: (yield)\n"},
    {'e', "def f(x):\n    del x\n    global y\n    del y\n"},
    /* classes */
    {'e', "class A(B, metaclass=M):\n    'doc'\n    z = 1\n"
          "    def m(self):\n        return super().m()\n"
          "    def n(self):\n        return __class__\n"},
    {'e', "class A:\n    __x = 1\n    def f(self):\n        return self.__x, "
          "__y\n    def __g(self, __a):\n        pass\n"},
    {'e', "def f():\n    x = 1\n    class A:\n        y = x\n"
          "        def g(self):\n            return x\n    return A\n"},
    {'e', "def f():\n    class A:\n        x = 2\n"
          "        def g(self):\n            return x\n    x = 1\n"
          "    return A\n"},
    {'e', "class A:\n    class B:\n        def f(self):\n            pass\n"
          "    def g(self):\n        def h():\n            pass\n"},
    {'e', "class C02:\n    def f10():\n        class C22:\n"
          "            x = [__class__ for c in __class__]\n"},
    {'e', "class A:\n    def f(self):\n        class B:\n"
          "            y = __class__\n"
          "            def g(self):\n                return super()\n"
          "        return B\n"},
    /* comprehensions and generators */
    {'e', "r = [x * 2 for x in xs if x]\ng = (x for x in xs)\n"
          "d = {k: v for k, v in xs}\ns = {x for x in xs for y in x if y}\n"},
    {'e', "def f(xs):\n    return [y for x in xs for y in [x] if y]\n"},
    {'e', "def f(xs):\n    return [(lambda: x) for x in xs]\n"},
    {'e', "def f(xs):\n    [z := x for x in xs]\n    return z\n"
          "[w := 1 for x in xs]\n"},
    {'e', "def gen(xs):\n    x = yield 1\n    yield\n    yield from xs\n"
          "    return x\n"},
    {'e', "def gen():\n    for x in range(3):\n        yield x\n"
          "a = (x for x in range(3) for y in range(x))\n"},
    /* try / with */
    {'e', "try:\n    a()\nexcept ValueError as e:\n    b(e)\n"
          "except (TypeError, KeyError):\n    c()\nexcept:\n    d()\n"
          "else:\n    g()\nfinally:\n    h()\n"},
    {'e', "try:\n    a()\nexcept E:\n    pass\n"},
    {'e', "try:\n    a()\nfinally:\n    b()\n"},
    {'e', "def f():\n    try:\n        return g()\n    finally:\n"
          "        h()\n"},
    {'e', "def f():\n    try:\n        return 1\n    except E as e:\n"
          "        return e\n"},
    {'e', "for x in y:\n    try:\n        continue\n    finally:\n"
          "        break\n"},
    {'e', "for x in y:\n    try:\n        pass\n    except E as e:\n"
          "        break\n"},
    {'e', "with m as a:\n    f(a)\n"},
    {'e', "with m as a, n as (b, c):\n    pass\n"},
    {'e', "def f(m):\n    with m:\n        return 1\n"},
    {'e', "def f(m, xs):\n    for x in xs:\n        with m:\n"
          "            continue\n"},
    {'e', "try:\n    pass\nexcept E as e:\n    try:\n        pass\n"
          "    finally:\n        del e\n"},
    /* imports and declarations */
    {'e', "import os.path as p, sys\nfrom . import x\nfrom .m import (a, "
          "b as c)\nimport a.b.c\nimport a.b.c as d\nfrom m import *\n"},
    {'e', "def f():\n    import os\n    from m import a\n    global z\n"
          "    z = 1\n"},
    {'e', "def f(o, i):\n    z: int = 1\n    w: int\n    o.a: int\n"
          "    o[i]: int\n    o[i:2, 3]: int = 4\n"},
    {'e', "x: int = 5\ny: list[int]\nclass A:\n    z: str = 'a'\n"
          "    w: int\ndef g(a: int, *b: str, c: 'x' = 1) -> None:\n"
          "    pass\n"},
    /* statements that do nothing much */
    {'e', "pass\n'docstring'\n1\nx\n"},
    {'e', "'''module doc'''\nx = 1\n"},
    {'e', "'a' + 'b'\n(1, 2)\n-3\ndef f():\n    'x' * 2\n    'doc'\n"
          "class A:\n    'a' 'b'\n    -1\n"},
    {'e', "[x for x in [(y := 1) for z in w]]\n"},
    {'e', "[x for x in (lambda: (y := 1))()]\n"},
    {'e', "[[z := 1 for x in y] for a in b]\n"},
    {'e', ""},
    /* interactive and eval */
    {'s', "x = 1\n"},
    {'s', "x\n"},
    {'s', "if x:\n    y\n\n"},
    {'v', "a + 1"},
    {'v', "[x for x in y]"},
    /* more shapes */
    {'e', "def f():\n    try:\n        return 1\n    finally:\n"
          "        return 2\n"},
    {'e', "def f(m):\n    try:\n        with m as x:\n            return x\n"
          "    except E:\n        raise\n    else:\n        return 0\n"},
    {'e', "def f(xs):\n    for x in xs:\n        try:\n            if x:\n"
          "                break\n            continue\n        except E:\n"
          "            pass\n        finally:\n            print(x)\n"
          "    else:\n        return 1\n"},
    {'e', "def g():\n    try:\n        yield 1\n    finally:\n"
          "        yield 2\n"},
    {'e', "def f():\n    try:\n        pass\n    except A as e:\n"
          "        try:\n            pass\n        except B as e:\n"
          "            pass\n"},
    {'e', "def f():\n    try:\n        g()\n    except:\n        raise\n"
          "    return 3\n"},
    {'e', "def f(a, b):\n    with a, b:\n        pass\n    with a as (x, y):\n"
          "        return x\n"},
    {'e', "while 1:\n    pass\n"},
    {'e', "if not __debug__:\n    x = 1\nif __debug__:\n    y = 2\n"},
    {'e', "x = {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6, 'g': 7, "
          "'h': 8, 'i': 9, 'j': 10, 'k': 11, 'l': 12, 'm': 13, 'n': 14, "
          "'o': 15, 'p': 16, 'q': 17}\n"},
    {'e', "x = {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, "
          "k: 11, l: 12, m: 13, n: 14, o: 15, p: 16, q: 17}\n"},
    {'e', "f(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, "
          "m=13, n=14, o=15, p=16)\n"},
    {'e', "x = 12345678901234567890123\ny = -12345678901234567890123\n"
          "z = 1.5e300 * 1e10\nw = 10 ** 50\nv = 'a' 'b'\nu = 2 << 3\n"
          "t = 7 // 2, 7 % 2, 7 / 2, -7 // 2, 2 ** -1, ~5, 3 & 5 | 6 ^ 1\n"},
    {'e', "x = not 0\ny = not 'x'\nz = -(-5)\nw = (1, 2) + (3,)\n"
          "v = (1,) * 3\nu = 'ab' * 3\nt = [1] * 2\n"},
    {'e', "def f(a):\n    x = y = a\n    del x, y\n    global g\n    del g\n"
          "    def h():\n        nonlocal a\n        del a\n    return h\n"},
    {'e', "def f():\n    import a.b as c\n    from .. import d\n"
          "    from .e.f import g as h\n    return c, d, h\n"},
    {'e', "if (n := len(a)) > 10:\n    print(n)\nwhile (line := f()):\n"
          "    pass\n"},
    {'e', "def f(xs):\n    return sum(x for x in xs)\n"},
    {'e', "def f(xs):\n    return [[y for y in x] for x in xs]\n"},
    {'e', "class A:\n    x = 1\n    y = [x for _ in range(3)]\n"
          "    z = (lambda: x)()\n"},
    {'e', "def f(a, b=1):\n    def g(c=a, *, d=b):\n        return c + d\n"
          "    return g\n"},
    {'e', "def f():\n    'doc'\n    x = 1\nclass B:\n    'doc'\n"},
    {'e', "def f():\n    return (a\n            + b)\n"},
    {'e', "x = (a.\n     b.\n     c(1,\n       2))\n"},
    {'e', "o.meth(\n    1,\n    2).other()\n"},
    {'e', "o.a.b += 1\no[a][b] += 1\n"},
    {'e', "x = a[1:2:3]\ny = a[::]\nz = a[1:]\nw = a[:, 1]\n"
          "a[1:2] = b\ndel a[::2]\n"},
    {'e', "print(f'{a:{b}.{c}}', f'{a!r}', f'{{}}', f'{a}{b}')\n"},
    {'e', "x = '%s' % a\ny = '%(k)s' % d\nz = '%s%s' % (a, *b)\n"
          "w = '%5.2s' % (a,)\nv = '%-5s' % (a,)\nu = '%x' % (a,)\n"},
    {'e', "class A(object):\n    def f(self):\n        return super(A, "
          "self).f()\n    @staticmethod\n    def g():\n        return "
          "__class__\n    @property\n    def h(self):\n        pass\n"},
    {'e', "def outer():\n    class C:\n        def m(self):\n"
          "            return super().m()\n    return C\n"},
    {'e', "def f(*args, **kwargs):\n    return g(*args, **kwargs)\n"},
    {'e', "def f(a, *, b):\n    pass\nf(1, b=2)\nf(*[1], **{'b': 2})\n"},
    {'e', "try:\n    import foo\nexcept ImportError:\n    foo = None\n"},
    {'e', "assert x, f'bad {x}'\nassert not x\n"},
    {'e', "def f(x):\n    assert x < 3, 'msg'\n    assert x is not None\n"
          "    assert x < 3 < 4, x\n"},
    {'e', "x = lambda: (yield)\ndef g():\n    yield\n    return\n"},
    {'e', "def g():\n    x = yield from f()\n    return x\n"},
    {'e', "for i, (a, b) in enumerate(pairs):\n    pass\n"
          "for x in *a, b:\n    pass\n"},
    {'e', "a, b = 1, 2\na, b, c = 1, 2, 3\n(a, b), c = x, y\n[a, b] = c\n"},
    {'e', "x = [*a, *b]\ny = {**a}\nz = (*a,)\nf(*a, *b)\n"},
    {'e', "x = a if b else c if d else e\ny = a or b and c\n"
          "z = not (a and b)\n"},
    {'e', "if a or b:\n    pass\nif a and not b:\n    pass\n"
          "if not (a or b):\n    pass\nif a is not None:\n    pass\n"
          "if a in b and c not in d:\n    pass\n"},
    {'e', "while a and b:\n    c()\nelse:\n    d()\n"},
    {'e', "x = [i for i in range(10) if i % 2 if i % 3]\n"
          "y = {i: j for i in a for j in b}\n"},
    {'e', "def f():\n    global x\n    x += 1\n    return [x for _ in y]\n"},
    {'e', "def f():\n    x = 1\n    return [lambda: x for y in z]\n"},
    {'e', "def f():\n    return [y := 1, y]\n"},
    {'s', "for i in range(3):\n    i\n\n"},
    {'s', "1 + 2\n"},
    {'s', "def f(): pass\n"},
    {'s', "if x:\n    y\n"},
    {'s', "for i in x:\n    i"},
    {'s', "import os\n"},
    {'v', "lambda x: x"},
    {'v', "(a, b)"},
    {'v', "x if y else z"},
    /* errors found by the symbol table and the compiler */
    {'e', "nonlocal x\n"},
    {'e', "def f():\n    nonlocal x\n"},
    {'e', "def f(a):\n    global a\n"},
    {'e', "def f():\n    x = 1\n    global x\n"},
    {'e', "def f():\n    print(x)\n    global x\n"},
    {'e', "return 1\n"},
    {'e', "yield 1\n"},
    {'e', "class A:\n    yield 1\n"},
    {'e', "break\n"},
    {'e', "continue\n"},
    {'e', "def f(a, a): pass\n"},
    {'e', "[x for x in (y := [1])]\n"},
    {'e', "def f():\n    from m import *\n"},
    {'e', "class A:\n    [y := 1 for x in z]\n"},
    {'e', "[x := 1 for x in z]\n"},
    {'e', "def f():\n    x: int\n    global x\n"},
    {'e', "for x in y:\n    def f():\n        continue\n"},
    {'e', "f(a=1, a=2)\n"},
    {'e', "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n"
          "    pass\n"},
    {'e', "def f():\n    global x\n    nonlocal x\n"},
    {'e', "[(yield) for x in y]\n"},
    {'e', "a, *b, *c = d\n"},
    {'e', "*a = b\n"},
    {'e', "x = *a\n"},
    {'e', "def f(*, a, a): pass\n"},
    {'e', "lambda a, a: 1\n"},
    {'e', "class A:\n    def f(self, __x, _A__x): pass\n"},
    {'e', "from __future__ import braces\n"},
    {'e', "from __future__ import nope\n"},
    {'e', "x = 1\nfrom __future__ import annotations\n"},
    {'e', "'doc'\nfrom __future__ import annotations\n"
          "from __future__ import division\nx = 1\n"},
    {'e', "def f():\n    from __future__ import annotations\n"},
    {'e', "from __future__ import annotations; import os; "
          "from __future__ import division\n"},
    {'e', "def f():\n    x = 1\n    def g():\n        print(x)\n"
          "        nonlocal x\n"},
    {'e', "def f(x):\n    def g(x):\n        nonlocal x\n"},
    {'e', "x = 1\ndef f():\n    global x\n    def g():\n        nonlocal x\n"},
    {'e', "def f():\n    x = 1\n    class A:\n        nonlocal x\n"
          "        x = 2\n    return A\n"},
    {'e', "[i for i in range(3) if (j := i) for j in range(2)]\n"},
    {'e', "def f():\n    [j for i in range(3) for j in (k := [i])]\n"},
    {'e', "for x in y:\n    class A:\n        break\n"},
    {'e', "def f():\n    x: int = 1\n    nonlocal x\n"},
    {'e', "def f():\n    def g():\n        x: int\n        global x\n"},
    {'e', "def f(__debug__): pass\n"},
    {'e', "def f(a, *, b, **__debug__): pass\n"},
    {'e', "lambda __debug__: 1\n"},
    {'e', "f(__debug__=1)\n"},
    {'e', "x.__debug__ = 1\n"},
    {'e', "del x.__debug__\n"},
    {'e', "del __debug__\n"},
    {'e', "import __debug__\n"},
    {'e', "for __debug__ in x: pass\n"},
    {'e', "(__debug__ := 1)\n"},
    {'e', "class __debug__: pass\n"},
    {'e', "with a as __debug__: pass\n"},
    {'e', "x = y.__debug__\n"},
    {'e', "__debug__ = 1\n"},
    {'e', "def f():\n    x = 1\n    nonlocal x\n"},
    {'e', "def f():\n    def g():\n        global x\n        x = 1\n"
          "    nonlocal_x = 2\n"},
};

/* ====================================================================== */
/* Running the oracle                                                     */
/* ====================================================================== */

static void oracle_script(char *buf, size_t cap) {
    const char *f = __FILE__, *slash = strrchr(f, '/');
    size_t n = slash ? (size_t)(slash - f) : 1;
    snprintf(buf, cap, "%.*s/compile_oracle.py", (int)n, slash ? f : ".");
}

static void need_python311(void) {
    if (system("python3 -c 'import sys; assert sys.version_info[:2] == "
               "(3, 11)' >/dev/null 2>&1") != 0)
        fail_msg("python3 must be CPython 3.11: the compiler is compared "
                 "with its output");
}

/* Runs the oracle with `args` and opens its output. */
static FILE *oracle_output(const char *args, char *out, size_t outcap) {
    need_python311();
    snprintf(out, outcap, "/tmp/rcpy_compile_out_XXXXXX");
    int fo = mkstemp(out);
    assert_true(fo >= 0);
    close(fo);
    char script[1024], cmd[4096];
    oracle_script(script, sizeof script);
    snprintf(cmd, sizeof cmd, "python3 '%s' %s '%s'", script, args, out);
    if (system(cmd) != 0)
        fail_msg("the oracle failed: %s", cmd);
    FILE *fout = fopen(out, "r");
    assert_non_null(fout);
    return fout;
}

/* The next block of the oracle's output (up to "=====", malloc'd), or
 * NULL at the end. */
static char *next_block(FILE *fp) {
    char *line = NULL;
    size_t cap = 0;
    text t = {0};
    bool any = false;
    while (getline(&line, &cap, fp) >= 0) {
        any = true;
        if (strcmp(line, "=====\n") == 0)
            break;
        add(&t, "%s", line);
    }
    free(line);
    if (!any)
        return NULL;
    return t.p ? t.p : strdup("");
}

/* CPython's blocks, one per snippet (an array of malloc'd strings). */
static char **run_oracle(size_t n) {
    char in[] = "/tmp/rcpy_compile_in_XXXXXX";
    int fi = mkstemp(in);
    assert_true(fi >= 0);
    FILE *fin = fdopen(fi, "w");
    for (size_t i = 0; i < n; i++) {
        fprintf(fin, "%c ", corpus[i].mode);
        for (const char *p = corpus[i].src; *p; p++)
            fprintf(fin, "%02x", (unsigned char)*p);
        fprintf(fin, "\n");
    }
    fclose(fin);
    char args[600], out[64];
    snprintf(args, sizeof args, "'%s'", in);
    FILE *fout = oracle_output(args, out, sizeof out);
    char **blocks = calloc(n, sizeof *blocks);
    size_t k = 0;
    while (k < n && (blocks[k] = next_block(fout)))
        k++;
    fclose(fout);
    unlink(in);
    unlink(out);
    assert_int_equal(k, n);
    return blocks;
}

static char *rcpy_block(fixture *f, const char *src, char mode_letter) {
    rp_syntax_error perr;
    rp_cerror cerr;
    rp_mode mode = mode_letter == 's'   ? RP_MODE_SINGLE
                   : mode_letter == 'v' ? RP_MODE_EVAL
                                        : RP_MODE_EXEC;
    rc_object *code = compile_src(f, src, mode, &perr, &cerr);
    text t = {0};
    if (code) {
        listing(&t, (const rp_code *)code);
        rc_decref(code);
    } else if (cerr.msg[0]) { /* an end offset below 1 is None */
        add(&t, "SyntaxError %s|%d|%d|%d|", cerr.msg, cerr.loc.lineno,
            cerr.loc.col_offset + 1, cerr.loc.end_lineno);
        if (cerr.loc.end_col_offset >= 0)
            add(&t, "%d\n", cerr.loc.end_col_offset + 1);
        else
            add(&t, "None\n");
    } else if (perr.msg[0]) {
        add(&t, "SyntaxError %s|%d|%d|%d|%d\n", perr.msg, perr.lineno, perr.col,
            perr.end_lineno, perr.end_col);
    } else {
        add(&t, "error %s\n", rc_last_error_message(f->rt));
        rc_clear_error(f->rt);
    }
    return t.p;
}

/* Writes both listings to files for a closer look, when
 * RCPY_COMPILE_DIFF names a folder. */
static void save_listings(size_t i, const char *got, const char *want) {
    const char *dir = getenv("RCPY_COMPILE_DIFF");
    if (!dir)
        return;
    char path[600];
    snprintf(path, sizeof path, "%s/case%zu.rcpy", dir, i);
    FILE *fp = fopen(path, "w");
    if (fp) {
        fputs(got, fp);
        fclose(fp);
    }
    snprintf(path, sizeof path, "%s/case%zu.cpython", dir, i);
    if ((fp = fopen(path, "w"))) {
        fputs(want, fp);
        fclose(fp);
    }
}

/* Prints the first difference between two listings. */
static void show_difference(size_t i, const char *what, const char *got,
                            const char *want) {
    save_listings(i, got, want);
    const char *g = got, *w = want;
    int line = 1;
    while (*g && *g == *w) {
        if (*g == '\n')
            line++;
        g++, w++;
    }
    while (g > got && g[-1] != '\n')
        g--, w--;
    print_error("case %zu differs at line %d:\n%s\n  rcpy:    %.*s\n"
                "  CPython: %.*s\n",
                i, line, what, (int)strcspn(g, "\n"), g, (int)strcspn(w, "\n"),
                w);
}

static void listings_match_cpython(void **state) {
    fixture *f = *state;
    size_t n = sizeof corpus / sizeof corpus[0], bad = 0;
    char **want = run_oracle(n);
    for (size_t i = 0; i < n; i++) {
        char *got = rcpy_block(f, corpus[i].src, corpus[i].mode);
        if (strcmp(got, want[i]) != 0) {
            show_difference(i, corpus[i].src, got, want[i]);
            bad++;
        }
        free(got);
        free(want[i]);
    }
    free(want);
    if (bad)
        fail_msg("%zu of %zu snippets compile differently from CPython", bad,
                 n);
}

static char *read_file(const char *path, size_t *len) {
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char *buf = NULL;
    size_t cap = 0;
    FILE *mem = open_memstream(&buf, &cap);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        fwrite(chunk, 1, n, mem);
    fclose(fp);
    fclose(mem);
    *len = cap;
    return buf;
}

/* Every program of rcpy's test corpus (tests/py, or the tree named by
 * RCPY_COMPILE_TREE) compiles as CPython compiles it (without annotations,
 * which rcpy does not evaluate); files using what rcpy's parser refuses on
 * purpose (bytes literals) are skipped. */
static void py_files_match_cpython(void **state) {
    fixture *f = *state;
    char dir[1024], args[1200], out[64];
    oracle_script(dir, sizeof dir);
    *strrchr(dir, '/') = 0;
    const char *tree = getenv("RCPY_COMPILE_TREE"); /* another tree */
    if (tree)
        snprintf(args, sizeof args, "--tree '%s'", tree);
    else
        snprintf(args, sizeof args, "--tree '%s/../py'", dir);
    FILE *fout = oracle_output(args, out, sizeof out);
    size_t files = 0, bad = 0;
    char *want;
    while ((want = next_block(fout))) {
        char *nl = strchr(want, '\n');
        assert_true(strncmp(want, "file ", 5) == 0 && nl);
        *nl = 0;
        size_t len;
        char *src = read_file(want + 5, &len);
        char *got = rcpy_block(f, src, 'e');
        bool refused = strstr(got, "not supported by rcpy") &&
                       strncmp(got, "SyntaxError ", 12) == 0;
        if (!refused && strcmp(got, nl + 1) != 0) {
            show_difference(files, want + 5, got, nl + 1);
            bad++;
        }
        free(got);
        free(src);
        free(want);
        files++;
    }
    fclose(fout);
    unlink(out);
    assert_true(files > 0);
    if (bad)
        fail_msg("%zu of %zu files compile differently from CPython", bad,
                 files);
}

/* ====================================================================== */
/* Constants                                                              */
/* ====================================================================== */

static rc_object *nested_code(rc_object *code, size_t k) {
    const rp_code *co = (const rp_code *)code;
    for (size_t i = 0; i < rc_tuple_size(co->consts); i++) {
        rc_object *c = rc_tuple_get(co->consts, i);
        if (c->type == &rp_code_type && k-- == 0)
            return c;
    }
    fail_msg("no nested code object");
    return NULL;
}

static rc_object *find_const(rc_object *code, const char *repr) {
    const rp_code *co = (const rp_code *)code;
    for (size_t i = 0; i < rc_tuple_size(co->consts); i++) {
        rc_object *r = rc_repr(rc_tuple_get(co->consts, i));
        bool same = strcmp(rc_str_utf8(r), repr) == 0;
        rc_decref(r);
        if (same)
            return rc_tuple_get(co->consts, i);
    }
    rc_object *all = rc_repr(co->consts);
    fail_msg("constant %s not found in %s", repr, rc_str_utf8(all));
    return NULL;
}

/* Equal constants are one object across all code objects of a
 * compilation, as in CPython (seed 001: "a is b" for two equal literals in
 * a file). */
static void constants_are_shared(void **state) {
    fixture *f = *state;
    rc_object *code = compile_ok(f, "a = 'very good morning'\n"
                                    "def f():\n"
                                    "    b = 'very good morning'\n"
                                    "    c = (1, 'x y')\n"
                                    "    return 'x y'\n"
                                    "c = (1, 'x y')\n");
    rc_object *fn = nested_code(code, 0);
    assert_ptr_equal(find_const(code, "'very good morning'"),
                     find_const(fn, "'very good morning'"));
    rc_object *t1 = find_const(code, "(1, 'x y')"),
              *t2 = find_const(fn, "(1, 'x y')");
    assert_ptr_equal(t1, t2);
    assert_ptr_equal(rc_tuple_get(t1, 1), find_const(fn, "'x y'"));
    /* not interned: it is not made of name characters */
    assert_false(rc_str_is_interned(find_const(fn, "'x y'")));
    rc_decref(code);
}

static void constants_keep_types_apart(void **state) {
    fixture *f = *state;
    rc_object *code = compile_ok(f, "a = 0\nb = 0.0\nc = -0.0\nd = False\n"
                                    "e = 1\ng = 1.0\nh = True\n"
                                    "i = 'name_like'\nj = 256\nk = -5\n");
    rc_object *small = rc_int_from_i64(f->rt, 256),
              *neg = rc_int_from_i64(f->rt, -5);
    assert_ptr_equal(find_const(code, "256"), small);
    assert_ptr_equal(find_const(code, "-5"), neg);
    rc_decref(small);
    rc_decref(neg);
    find_const(code, "0.0");
    find_const(code, "-0.0");
    find_const(code, "False");
    find_const(code, "1.0");
    find_const(code, "True");
    assert_true(rc_str_is_interned(find_const(code, "'name_like'")));
    /* 0, 0.0, -0.0, False, 1, 1.0, True, str, 256, -5, None */
    assert_int_equal(rc_tuple_size(((rp_code *)code)->consts), 11);
    rc_decref(code);
}

/* ====================================================================== */
/* Robustness                                                             */
/* ====================================================================== */

static const char *oom_source =
    "import os\n"
    "class A(B):\n"
    "    'doc'\n"
    "    def m(self, x=1, *a, k=2, **kw):\n"
    "        try:\n"
    "            with open(x) as f:\n"
    "                return [y for y in f if y], super().m()\n"
    "        except (E, F) as e:\n"
    "            raise G from e\n"
    "        finally:\n"
    "            del x\n"
    "def g(n):\n"
    "    s = 0\n"
    "    for i in range(n):\n"
    "        s += i if i % 2 else -i\n"
    "    yield from (lambda: s)()\n"
    "print(f'{A!r:>10}', *g(3), sep='')\n";

static const char *oom_error_source = "class A:\n"
                                      "    def f(self):\n"
                                      "        x = [y for y in z]\n"
                                      "        def g():\n"
                                      "            nonlocal q\n";

/* Compiles src with allocation n (counted from the start of the
 * compilation) refused, once or forever; returns whether any was refused.
 * Compiling fails cleanly (MemoryError recorded, or the source's own
 * SyntaxError when the memory lasted that far; nothing leaked; the heap
 * consistent) or succeeds. */
static bool compile_failing(const char *src, long n, bool forever) {
    failing_alloc fa = {0};
    rc_config cfg = failing_config(&fa);
    cfg.passthrough = true; /* every block is a request that can fail */
    rc_runtime *rt = rc_runtime_new(&cfg);
    assert_non_null(rt);
    fixture f = {rt, interp_new(rt), NULL};
    assert_non_null(f.ip);
    f.filename = rc_str_intern(rt, "t.py");
    assert_non_null(f.filename);
    rp_syntax_error perr;
    rp_cerror cerr;
    /* a first compilation makes the one-character strings (immortal) */
    rc_object *code = compile_src(&f, src, RP_MODE_EXEC, &perr, &cerr);
    bool syntax_error = code == NULL;
    assert_true(code || cerr.msg[0]);
    rc_xdecref(code);
    rc_gc_collect(rt, 2); /* empties the free lists */
    size_t base = fa.live_blocks;
    fa.fail_at = fa.calls + n;
    fa.forever = forever;
    code = compile_src(&f, src, RP_MODE_EXEC, &perr, &cerr);
    bool refused = fa.failures > 0;
    fa.fail_at = 0;
    fa.forever = false;
    if (code) {
        rc_decref(code);
    } else if (!(syntax_error && cerr.msg[0]) &&
               rc_last_error(rt) != RC_ENOMEM && perr.kind != RP_SYNTAX_NOMEM) {
        fail_msg("allocation %ld refused: %s instead of MemoryError", n,
                 cerr.msg[0]   ? cerr.msg
                 : perr.msg[0] ? perr.msg
                               : rc_last_error_message(rt));
    }
    rc_clear_error(rt);
    rc_gc_collect(rt, 2);
    if (fa.live_blocks != base)
        fail_msg("allocation %ld refused%s: %ld blocks leaked", n,
                 forever ? " forever" : "", (long)fa.live_blocks - (long)base);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_decref(f.filename);
    interp_free(f.ip);
    rc_runtime_free(rt);
    assert_int_equal(fa.live_blocks, 0);
    return refused;
}

/* Every allocation fails in turn, once and then forever, compiling a
 * program and one with a SyntaxError. */
static void allocation_failures(void **state) {
    (void)state;
    const char *sources[] = {oom_source, oom_error_source};
    for (size_t k = 0; k < 2; k++)
        for (int forever = 0; forever < 2; forever++) {
            long n = 1;
            while (compile_failing(sources[k], n, forever))
                n++;
            assert_true(n > 50); /* the compiler did allocate that often */
        }
}

/* x = t+t+...+t with n terms. */
static char *chain(size_t n, char t) {
    char *src = malloc(2 * n + 8);
    sprintf(src, "x = %c", t);
    size_t k = 5;
    for (size_t i = 1; i < n; i++) {
        src[k++] = '+';
        src[k++] = t;
    }
    strcpy(src + k, "\n");
    return src;
}

/* Nesting as deep as CPython compiles works; much deeper nesting is a
 * RecursionError ("maximum recursion depth exceeded during compilation"),
 * not a crashed C stack. */
static void deep_nesting(void **state) {
    fixture *f = *state;
    char *src = chain(2900, '1'); /* folded to one constant */
    rc_decref(compile_ok(f, src));
    free(src);
    src = chain(2900, 'y'); /* 2900 BINARY_OPs */
    rc_decref(compile_ok(f, src));
    free(src);
    src = chain(100000, 'y');
    rp_syntax_error perr;
    rp_cerror cerr;
    rc_object *code = compile_src(f, src, RP_MODE_EXEC, &perr, &cerr);
    assert_null(code);
    assert_true(rc_last_error(f->rt) == RC_ERECURSION ||
                perr.kind == RP_SYNTAX_RECURSION);
    rc_clear_error(f->rt);
    free(src);
}

/* 20 nested loops compile; 21 are CPython's SyntaxError "too many
 * statically nested blocks" at the 21st (line 21, offsets 81 to 89 of
 * line 22, as CPython 3.11 reports them). */
static void nested_blocks_limit(void **state) {
    fixture *f = *state;
    for (int depth = 20; depth <= 21; depth++) {
        text t = {0};
        for (int i = 0; i < depth; i++)
            add(&t, "%*sfor x%d in y:\n", 4 * i, "", i);
        add(&t, "%*spass\n", 4 * depth, "");
        rp_syntax_error perr;
        rp_cerror cerr;
        rc_object *code = compile_src(f, t.p, RP_MODE_EXEC, &perr, &cerr);
        free(t.p);
        if (depth == 20) {
            assert_non_null(code);
            rc_decref(code);
            continue;
        }
        assert_null(code);
        assert_string_equal(cerr.msg, "too many statically nested blocks");
        assert_int_equal(cerr.loc.lineno, 21);
        assert_int_equal(cerr.loc.col_offset + 1, 81);
        assert_int_equal(cerr.loc.end_lineno, 22);
        assert_int_equal(cerr.loc.end_col_offset + 1, 89);
    }
}

static void disassembly_reads_well(void **state) {
    fixture *f = *state;
    rc_object *code = compile_ok(f, "def f(a):\n    try:\n        return a.b\n"
                                    "    except E:\n        return None\n");
    rc_object *dis = rp_code_disassemble(f->ip, (const rp_code *)code);
    assert_non_null(dis);
    const char *s = rc_str_utf8(dis);
    assert_non_null(strstr(s, "LOAD_CONST"));
    assert_non_null(strstr(s, "(<code object f at 0x"));
    assert_non_null(strstr(s, "Disassembly of <code object f at"));
    assert_non_null(strstr(s, "LOAD_ATTR                    0 (b)\n"));
    assert_non_null(strstr(s, "POP_JUMP_IF_FALSE           13 (to 13)\n"));
    assert_non_null(strstr(s, "  5 to 9 -> 14 [1] lasti\n"));
    assert_non_null(strstr(s, "ExceptionTable:\n"));
    assert_non_null(strstr(s, "CHECK_EXC_MATCH"));
    rc_object *r = rc_repr(code);
    assert_non_null(strstr(rc_str_utf8(r), ", file \"t.py\", line 1>"));
    rc_decref(r);
    rc_decref(dis);
    rc_decref(code);
}

/* ====================================================================== */
/* Through a whole interpreter                                            */
/* ====================================================================== */

static int interp_setup(void **state) {
    static char *argv[] = {"t.py"};
    rp_config cfg = {.argc = 1, .argv = argv, .path0 = ""};
    rp_interp *ip = rp_interp_new(&cfg);
    *state = ip;
    return ip ? 0 : -1;
}

static int interp_teardown(void **state) {
    rp_interp *ip = *state;
    rp_err_clear(ip);
    int check = rc_heap_check(ip->rt);
    rp_interp_free(ip);
    return check;
}

/* repr(exc.<name>) as C text in buf. */
static const char *attr_repr(rp_interp *ip, rc_object *exc, const char *name,
                             char *buf, size_t cap) {
    rc_object *v = rp_getattr_cstr(ip, exc, name);
    assert_non_null(v);
    rc_object *r = rc_repr(v);
    assert_non_null(r);
    snprintf(buf, cap, "%s", rc_str_utf8(r));
    rc_decref(r);
    rc_decref(v);
    return buf;
}

/* rp_compile fails with the exception class and attributes (msg, lineno,
 * offset, end_lineno, end_offset, text) CPython 3.11 gives. */
static void expect_syntax_error(rp_interp *ip, const char *src,
                                const char *filename, rp_class *cls,
                                const char *attrs) {
    rc_object *fn = rc_str_from_cstr(ip->rt, filename);
    rc_object *code = rp_compile(ip, src, strlen(src), fn, RP_MODE_EXEC);
    rc_decref(fn);
    assert_null(code);
    rc_object *exc = rp_err_fetch(ip);
    assert_non_null(exc);
    assert_ptr_equal(rp_type_of(exc), cls);
    static const char *const names[] = {"msg",        "lineno",     "offset",
                                        "end_lineno", "end_offset", "text"};
    char got[1024] = "", buf[512];
    for (size_t i = 0; i < 6; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s",
                 i ? "|" : "", attr_repr(ip, exc, names[i], buf, sizeof buf));
    assert_string_equal(got, attrs);
    rc_decref(exc);
}

static void syntax_errors_raised(void **state) {
    rp_interp *ip = *state;
    expect_syntax_error(ip, "x = 1\ndef f(a, a):\n    pass\n", "t.py",
                        ip->exc.SyntaxError,
                        "\"duplicate argument 'a' in function "
                        "definition\"|2|10|2|11|'def f(a, a):\\n'");
    /* code that is not from a file has no text (CPython reads it back from
     * the file) */
    expect_syntax_error(ip, "nonlocal x\n", "<string>", ip->exc.SyntaxError,
                        "'nonlocal declaration not allowed at module "
                        "level'|1|1|1|11|None");
    expect_syntax_error(ip, "if x:\npass\n", "t.py", ip->exc.IndentationError,
                        "\"expected an indented block after 'if' statement "
                        "on line 1\"|2|1|2|5|'pass\\n'");
    expect_syntax_error(ip, "from __future__ import braces\n", "t.py",
                        ip->exc.SyntaxError,
                        "'not a chance'|1|1|1|None|'from __future__ import "
                        "braces\\n'");
}

/* What Python code sees of a code object (the co_* getsets), as CPython
 * 3.11 shows it for the same function. */
static void code_attributes(void **state) {
    rp_interp *ip = *state;
    const char *src =
        "def f(a, b=1, *c, d, **e):\n"
        "    'doc'\n"
        "    x = a\n"
        "    def g():\n"
        "        return x\n"
        "    return g\n"
        "co = f.__code__\n"
        "r = repr((co.co_name, co.co_qualname, co.co_argcount,\n"
        "    co.co_posonlyargcount, co.co_kwonlyargcount, co.co_varnames,\n"
        "    co.co_cellvars, co.co_freevars, co.co_nlocals, co.co_flags,\n"
        "    co.co_firstlineno, co.co_consts[0], co.co_names,\n"
        "    f(1, d=2).__code__.co_freevars, f(1, d=2).__code__.co_qualname,\n"
        "    co.co_filename, co.co_stacksize))\n";
    assert_int_equal(rp_run_source(ip, src, strlen(src), "t.py", NULL), 0);
    rc_object *dict = ((rp_module *)ip->main)->dict;
    rc_object *r = rc_dict_getitem(dict, rc_str_intern(ip->rt, "r"));
    assert_non_null(r);
    assert_string_equal(rc_str_utf8(r),
                        "('f', 'f', 2, 0, 1, ('a', 'b', 'd', 'c', 'e', 'g'), "
                        "('x',), (), 6, 15, 1, 'doc', (), ('x',), "
                        "'f.<locals>.g', 't.py', 2)");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(listings_match_cpython, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(py_files_match_cpython, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(constants_are_shared, setup, teardown),
        cmocka_unit_test_setup_teardown(constants_keep_types_apart, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(disassembly_reads_well, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(deep_nesting, setup, teardown),
        cmocka_unit_test_setup_teardown(nested_blocks_limit, setup, teardown),
        cmocka_unit_test(allocation_failures),
        cmocka_unit_test_setup_teardown(syntax_errors_raised, interp_setup,
                                        interp_teardown),
        cmocka_unit_test_setup_teardown(code_attributes, interp_setup,
                                        interp_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
