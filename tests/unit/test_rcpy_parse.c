/* test_rcpy_parse.c — the parser's own tests: the arena, every allocation
 * failing in turn during a parse (SQLite's method), the prompt's
 * incomplete input, nesting limits, hostile input, and a few trees and
 * errors checked exactly. (The bulk of the comparison with CPython is
 * tests/parse/check_parse.py.) */
#define _GNU_SOURCE
#include "support.h"

#include "ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* Helpers                                                                */
/* ====================================================================== */

/* Parses src and returns its dump (malloc'd) or "Kind: msg @ l c el ec". */
static char *parse_text(rc_runtime *rt, const char *src, size_t len,
                        rp_mode mode, bool attrs, rp_syntax_error *errout) {
    rp_arena *a = rp_arena_new(rt);
    assert_non_null(a);
    rp_syntax_error err;
    rp_mod *mod = rp_parse(a, src, len, mode, &err);
    char *out;
    if (mod) {
        rc_object *d = rp_ast_dump_ex(rt, mod, attrs);
        assert_non_null(d);
        out = strdup(rc_str_utf8(d));
        rc_decref(d);
    } else {
        static const char *const kinds[] = {"SyntaxError", "IndentationError",
                                            "TabError",    "MemoryError",
                                            "Incomplete",  "RecursionError"};
        char buf[400];
        snprintf(buf, sizeof buf, "%s: %s @ %d %d %d %d", kinds[err.kind],
                 err.msg, err.lineno, err.col, err.end_lineno, err.end_col);
        out = strdup(buf);
    }
    if (errout)
        *errout = err;
    rp_arena_free(a);
    return out;
}

static char *parse_str(rc_runtime *rt, const char *src, rp_mode mode) {
    return parse_text(rt, src, strlen(src), mode, false, NULL);
}

static void expect_parse(rc_runtime *rt, const char *src, rp_mode mode,
                         const char *want) {
    char *got = parse_str(rt, src, mode);
    if (strcmp(got, want) != 0)
        fail_msg("source %s\n got  %s\n want %s", src, got, want);
    free(got);
}

static rp_syntax_kind kind_of(rc_runtime *rt, const char *src, rp_mode mode) {
    rp_syntax_error err;
    char *got = parse_text(rt, src, strlen(src), mode, false, &err);
    bool parsed = strncmp(got, "Module(", 7) == 0 ||
                  strncmp(got, "Interactive(", 12) == 0 ||
                  strncmp(got, "Expression(", 11) == 0;
    free(got);
    return parsed ? (rp_syntax_kind)-1 : err.kind;
}

/* Blocks the runtime holds once free lists are emptied. Interned names
 * and one-character strings the parser makes may stay (the intern table,
 * immortal Latin-1 strings), so tests compare this before and after
 * parsing again, not with zero. */
static size_t steady_blocks(rc_runtime *rt) {
    rc_gc_collect(rt, 2);
    return blocks_in_use(rt);
}

/* Runs body twice on one runtime: the second run must leave exactly as
 * many blocks as the first (nothing kept alive by a missing decref) and a
 * consistent heap. */
static void twice(void (*body)(rc_runtime *rt)) {
    rc_runtime *rt = test_runtime_new(NULL);
    body(rt);
    size_t before = steady_blocks(rt);
    body(rt);
    assert_int_equal(steady_blocks(rt), before);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* The arena                                                              */
/* ====================================================================== */

static void test_arena(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rp_arena *a = rp_arena_new(rt);
    assert_non_null(a);
    for (size_t size = 1; size < 100000; size = size * 3 + 1) {
        unsigned char *m = rp_arena_alloc(a, size);
        assert_non_null(m);
        assert_int_equal((uintptr_t)m % 16, 0);
        for (size_t i = 0; i < size; i++)
            assert_int_equal(m[i], 0);
        memset(m, 0xAB, size);
    }
    /* the arena owns what it keeps: one reference each */
    rc_object *s = rc_str_from_utf8(rt, "kept", 4);
    rc_incref(s);
    assert_ptr_equal(rp_arena_keep(a, s), s);
    assert_int_equal(rc_refcnt(s), 2);
    for (int i = 0; i < 100; i++)
        assert_non_null(rp_arena_keep(a, rc_list_new(rt)));
    assert_null(rp_arena_keep(a, NULL));
    rp_arena_free(a);
    assert_int_equal(rc_refcnt(s), 1);
    rc_decref(s);
    rp_arena_free(NULL);
    rc_gc_collect(rt, 2); /* empties the free lists */
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Trees and errors                                                       */
/* ====================================================================== */

static void trees_body(rc_runtime *rt) {
    expect_parse(rt, "x = 1\n", RP_MODE_EXEC,
                 "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                 "value=Constant(value=1))], type_ignores=[])");
    expect_parse(rt, "1 + 2", RP_MODE_EVAL,
                 "Expression(body=BinOp(left=Constant(value=1), op=Add(), "
                 "right=Constant(value=2)))");
    expect_parse(rt, "x\n", RP_MODE_SINGLE,
                 "Interactive(body=[Expr(value=Name(id='x', ctx=Load()))])");
    expect_parse(rt, "f'{x!r:>{w}}'\n", RP_MODE_EXEC,
                 "Module(body=[Expr(value=JoinedStr(values=[FormattedValue("
                 "value=Name(id='x', ctx=Load()), conversion=114, "
                 "format_spec=JoinedStr(values=[Constant(value='>'), "
                 "FormattedValue(value=Name(id='w', ctx=Load()), "
                 "conversion=-1)]))]))], type_ignores=[])");
    expect_parse(rt, "u'a' 'b'\n", RP_MODE_EXEC,
                 "Module(body=[Expr(value=Constant(value='ab', kind='u'))], "
                 "type_ignores=[])");
    expect_parse(rt, "", RP_MODE_EXEC, "Module(body=[], type_ignores=[])");
    char *got = parse_text(rt, "a.b\n", 4, RP_MODE_EXEC, true, NULL);
    assert_string_equal(
        got, "Module(body=[Expr(value=Attribute(value=Name(id='a', "
             "ctx=Load(), lineno=1, col_offset=0, end_lineno=1, "
             "end_col_offset=1), attr='b', ctx=Load(), lineno=1, "
             "col_offset=0, end_lineno=1, end_col_offset=3), lineno=1, "
             "col_offset=0, end_lineno=1, end_col_offset=3)], "
             "type_ignores=[])");
    free(got);
}

static void test_trees(void **state) {
    (void)state;
    twice(trees_body);
}

static void errors_body(rc_runtime *rt) {
    static const struct {
        const char *src, *want;
    } cases[] = {
        {"if x\n", "SyntaxError: expected ':' @ 1 5 1 5"},
        {"x = (1,\ny = 2\n", "SyntaxError: '(' was never closed @ 1 5 1 0"},
        {"print 'hi'\n", "SyntaxError: Missing parentheses in call to "
                         "'print'. Did you mean print(...)? @ 1 1 1 11"},
        {"a = 1\n  b = 2\n", "IndentationError: unexpected indent @ 2 2 2 -1"},
        {"if x:\n\ta\n        b\n", "TabError: inconsistent use of tabs and "
                                    "spaces in indentation @ 3 1 3 0"},
        {"for x in y:\npass\n", "IndentationError: expected an indented "
                                "block after 'for' statement on line 1 @ 2 1 "
                                "2 5"},
        {"x = 3j\n", "SyntaxError: complex numbers are not supported by rcpy "
                     "@ 1 5 1 7"},
        {"x = b'a'\n", "SyntaxError: bytes literals are not supported by rcpy "
                       "@ 1 5 1 9"},
        {"x = 1\0\n", "SyntaxError: source code cannot contain null bytes @ 1 "
                      "0 0 0"},
        {"# coding: cp1252\nx\n", "SyntaxError: encoding problem: cp1252 @ 0 "
                                  "0 0 0"},
        {"x = '\xff'\n", "SyntaxError: (unicode error) 'utf-8' codec can't "
                         "decode byte 0xff in position 0: invalid start byte "
                         "@ 1 8 1 8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        /* the NUL case: its text goes on after the NUL */
        size_t len = strlen(cases[i].src);
        if (strstr(cases[i].want, "null bytes"))
            len = 7;
        char *got =
            parse_text(rt, cases[i].src, len, RP_MODE_EXEC, false, NULL);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("case %zu\n got  %s\n want %s", i, got, cases[i].want);
        free(got);
    }
    /* a decimal int literal longer than 4300 digits (3.11's limit) */
    char *longint = malloc(4400);
    memcpy(longint, "x = ", 4);
    memset(longint + 4, '7', 4301);
    strcpy(longint + 4305, "\n");
    char *got =
        parse_text(rt, longint, strlen(longint), RP_MODE_EXEC, false, NULL);
    assert_string_equal(
        got, "SyntaxError: Exceeds the limit (4300 digits) for integer "
             "string conversion: value has 4301 digits; use "
             "sys.set_int_max_str_digits() to increase the limit - Consider "
             "hexadecimal for huge integer literals to avoid decimal "
             "conversion limits. @ 1 0 1 0");
    free(got);
    longint[4304] = '\n', longint[4305] = '\0';
    got = parse_text(rt, longint, strlen(longint), RP_MODE_EXEC, false, NULL);
    assert_int_equal(strncmp(got, "Module(", 7), 0);
    free(got), free(longint);
    /* f-string expression errors carry their own text */
    rp_syntax_error err;
    free(parse_text(rt, "f'{a b}'\n", 9, RP_MODE_EXEC, false, &err));
    assert_string_equal(err.text, "(a b)");
}

static void test_errors(void **state) {
    (void)state;
    twice(errors_body);
}

/* ====================================================================== */
/* The prompt                                                             */
/* ====================================================================== */

static void interactive_body(rc_runtime *rt) {
    static const char *const incomplete[] = {
        "if x:\n",
        "if x:\n    pass\n",
        "if x: pass\n",
        "def f():\n    return 1\n",
        "class A:\n",
        "x = (1,\n",
        "x = [\n",
        "f(1,\n  2,\n",
        "s = '''abc\n",
        "s = \"\"\"abc\n\ndef\n",
        "x = 1 + \\\n",
        "@dec\n",
        "for i in x:\n    if i:\n        pass\n",
        "try:\n    pass\n",
        "try:\n    pass\nexcept E:\n    pass\n",
        "with a:\n  # comment\n",
    };
    for (size_t i = 0; i < sizeof incomplete / sizeof incomplete[0]; i++)
        if (kind_of(rt, incomplete[i], RP_MODE_SINGLE) != RP_SYNTAX_INCOMPLETE)
            fail_msg("not incomplete: %s", incomplete[i]);
    static const char *const complete[] = {
        "x = 1\n",
        "x\n",
        "\n",
        "# only a comment\n",
        "if x:\n    pass\n\n",
        "if x: pass\n\n",
        "def f():\n    return 1\n\n",
        "x = (1,\n     2)\n",
        "s = '''abc\n'''\n",
        "x = 1 + \\\n  2\n",
        "@dec\ndef f(): pass\n\n",
        "for i in x:\n    if i:\n        pass\n\n",
        "try:\n    pass\nexcept E:\n    pass\n\n",
        "x = 1; y = 2\n",
        "",
    };
    for (size_t i = 0; i < sizeof complete / sizeof complete[0]; i++)
        if (kind_of(rt, complete[i], RP_MODE_SINGLE) != (rp_syntax_kind)-1)
            fail_msg("not complete: %s", complete[i]);
    /* errors are reported at once, not asked to continue */
    static const struct {
        const char *src;
        rp_syntax_kind kind;
    } errors[] = {
        {"1 +\n", RP_SYNTAX_ERROR},
        {"if x:\n\n", RP_INDENTATION_ERROR},
        {"x = 'abc\n", RP_SYNTAX_ERROR},
        {"(1 2\n", RP_SYNTAX_ERROR},
        {"x = 1\ny = 2\n", RP_SYNTAX_ERROR},
        {"if x:\n    pass\nelse\n", RP_SYNTAX_ERROR},
    };
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        if (kind_of(rt, errors[i].src, RP_MODE_SINGLE) != errors[i].kind)
            fail_msg("wrong outcome: %s", errors[i].src);
    expect_parse(rt, "x = 1\ny = 2\n", RP_MODE_SINGLE,
                 "SyntaxError: multiple statements found while compiling a "
                 "single statement @ 1 6 1 6");
    expect_parse(rt, "\n", RP_MODE_SINGLE, "Interactive(body=[Pass()])");
    /* compile(src, name, 'single'): the end of the text ends it */
    static const struct {
        const char *src, *want;
    } compiled[] = {
        {"if x:\n  pass", "Interactive(body=[If(test=Name(id='x', ctx=Load()), "
                          "body=[Pass()], orelse=[])])"},
        {"x = (1,\n", "SyntaxError: '(' was never closed @ 1 5 1 0"},
        {"if x:\n", "IndentationError: expected an indented block after 'if' "
                    "statement on line 1 @ 1 6 1 -1"},
        {"", "SyntaxError: invalid syntax @ 0 0 0 0"},
    };
    for (size_t i = 0; i < sizeof compiled / sizeof compiled[0]; i++) {
        rp_arena *a = rp_arena_new(rt);
        rp_syntax_error err;
        rp_mod *mod = rp_parse_ex(a, compiled[i].src, strlen(compiled[i].src),
                                  RP_MODE_SINGLE, 0, &err);
        char got[300];
        if (mod) {
            rc_object *d = rp_ast_dump(rt, mod);
            snprintf(got, sizeof got, "%s", rc_str_utf8(d));
            rc_decref(d);
        } else {
            snprintf(got, sizeof got, "%s: %s @ %d %d %d %d",
                     err.kind == RP_INDENTATION_ERROR ? "IndentationError"
                                                      : "SyntaxError",
                     err.msg, err.lineno, err.col, err.end_lineno, err.end_col);
        }
        rp_arena_free(a);
        if (strcmp(got, compiled[i].want) != 0)
            fail_msg("compile-single %zu\n got  %s\n want %s", i, got,
                     compiled[i].want);
    }
    expect_parse(rt, "", RP_MODE_SINGLE, "Interactive(body=[])");
}

static void test_interactive(void **state) {
    (void)state;
    twice(interactive_body);
}

/* ====================================================================== */
/* Limits and hostile input                                               */
/* ====================================================================== */

static char *repeat(const char *head, const char *unit, size_t n,
                    const char *tail) {
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * n + tl + 1);
    memcpy(s, head, hl);
    for (size_t i = 0; i < n; i++)
        memcpy(s + hl + i * ul, unit, ul);
    memcpy(s + hl + ul * n, tail, tl + 1);
    return s;
}

static rp_syntax_kind kind_of_repeat(rc_runtime *rt, const char *head,
                                     const char *unit, size_t n,
                                     const char *tail) {
    char *s = repeat(head, unit, n, tail);
    rp_syntax_kind k = kind_of(rt, s, RP_MODE_EXEC);
    free(s);
    return k;
}

static void deep_nesting(void *arg) {
    rc_runtime *rt = arg;
    /* CPython's limits: 200 brackets; expressions nested ~3000 deep */
    char *s = repeat("", "(", 200, "");
    char *t = repeat(s, ")", 200, "\n");
    assert_int_equal(kind_of(rt, t, RP_MODE_EXEC), (rp_syntax_kind)-1);
    free(s), free(t);
    s = repeat("", "[", 201, "\n");
    char *got = parse_str(rt, s, RP_MODE_EXEC);
    assert_string_equal(got, "SyntaxError: too many nested parentheses @ 1 "
                             "201 1 201");
    free(got), free(s);
    assert_int_equal(kind_of_repeat(rt, "x", "+1", 2992, "\n"),
                     (rp_syntax_kind)-1);
    assert_int_equal(kind_of_repeat(rt, "x", "+1", 2993, "\n"),
                     RP_SYNTAX_RECURSION);
    assert_int_equal(kind_of_repeat(rt, "x", ".a", 100000, "\n"),
                     RP_SYNTAX_RECURSION);
    assert_int_equal(kind_of_repeat(rt, "", "-", 100000, "1\n"),
                     RP_SYNTAX_RECURSION);
    assert_int_equal(kind_of_repeat(rt, "", "not ", 100000, "x\n"),
                     RP_SYNTAX_RECURSION);
    assert_int_equal(kind_of_repeat(rt, "", "lambda:", 50000, "x\n"),
                     RP_SYNTAX_RECURSION);
    assert_int_equal(kind_of_repeat(rt, "", "f'{", 50, "}'\n"),
                     RP_SYNTAX_ERROR);
}

static void test_limits(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    /* half the usual 8 MiB main-thread stack: the parser's recursion
     * bound (CPython's 6000 rule calls) must fit in it, sanitizers on */
    run_with_stack(4 << 20, deep_nesting, rt);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
}

/* Random bytes and random mixes of Python's pieces: parse or fail, never
 * crash, never leak, counts consistent. */
static void hostile_body(rc_runtime *rt) {
    static const char *const pieces[] = {
        "(",     ")",       "[",      "]",       "{",      "}",
        ":",     ",",       "\n",     "    ",    "\t",     "x",
        "if ",   "else",    "def ",   "class ",  "lambda", "f'{",
        "}'",    "'",       "\"",     "'''",     "\\",     "\\\n",
        "#",     "1",       "0x",     "1e",      "_",      "=",
        ":=",    "*",       "**",     "not ",    "in ",    "for ",
        "yield", "async ",  "match ", "\xff",    "\xc3",   "\xe2\x80\x99",
        "\x01",  ";",       "@",      ".",       "...",    "return",
        "try:",  "except",  "from ",  "import ", "as ",    "with ",
        "del ",  "global ",
    };
    uint64_t seed = 42;
    char buf[256];
    for (long iter = 0; iter < 3000 * test_scale(); iter++) {
        size_t n = 0;
        bool bytes = iter % 4 == 0;
        size_t target = 1 + rng_below(&seed, 200);
        while (n < target) {
            if (bytes) {
                buf[n++] = (char)rng_below(&seed, 256);
            } else {
                const char *p =
                    pieces[rng_below(&seed, sizeof pieces / sizeof *pieces)];
                size_t l = strlen(p);
                if (n + l >= sizeof buf)
                    break;
                memcpy(buf + n, p, l);
                n += l;
            }
        }
        rp_mode mode = (rp_mode)rng_below(&seed, 3);
        free(parse_text(rt, buf, n, mode, iter % 2, NULL));
        assert_int_equal(rc_heap_check(rt), 0);
    }
}

static void test_hostile(void **state) {
    (void)state;
    twice(hostile_body);
}

/* ====================================================================== */
/* Allocation failures                                                    */
/* ====================================================================== */

static const char oom_source[] =
    "import os.path as p\n"
    "from .m import (a, b as c)\n"
    "@dec(1)\n"
    "def f(a, /, b=2, *args, c: int, d=[1, 2.5], **kw) -> None:\n"
    "    global g\n"
    "    x = {'k': [i * 2 for i in range(10) if i], **kw}\n"
    "    y = f'{x!r:>{b}} and {a=}' 'tail'\n"
    "    try:\n"
    "        return lambda q: q ** -b\n"
    "    except (E, F) as e:\n"
    "        raise Exception('bad') from e\n"
    "    finally:\n"
    "        del x[0], y\n"
    "class Caf\xc3\xa9(Base, metaclass=M):\n"
    "    z: int = 1\n"
    "    with open(n) as fh, other:\n"
    "        pass\n"
    "while not (a < b <= c):\n"
    "    a, *b = b\n"
    "x = 1 +\n";

/* One run of the source with the hook failing after `after` more
 * requests (once or forever); the outcome is the right tree, the right
 * error, or MemoryError. */
static bool oom_step(long after, bool forever, const char *src, size_t len,
                     const char *want) {
    failing_alloc fa = {0};
    rc_config c = failing_config(&fa);
    c.passthrough = true;
    rc_runtime *rt = rc_runtime_new(&c);
    assert_non_null(rt);
    fa.fail_at = fa.calls + after;
    fa.forever = forever;
    rp_syntax_error err;
    char *got = NULL;
    rp_arena *a = rp_arena_new(rt);
    if (a) {
        rp_mod *mod = rp_parse(a, src, len, RP_MODE_EXEC, &err);
        if (mod) {
            rc_object *d = rp_ast_dump(rt, mod);
            if (d) {
                got = strdup(rc_str_utf8(d));
                rc_decref(d);
            }
            rc_clear_error(rt);
        } else if (err.kind != RP_SYNTAX_NOMEM) {
            char buf[300];
            snprintf(buf, sizeof buf, "%s @ %d %d", err.msg, err.lineno,
                     err.col);
            got = strdup(buf);
        }
        rp_arena_free(a);
    }
    if (got && strcmp(got, want) != 0)
        fail_msg("after %ld%s: got %s\nwant %s", after,
                 forever ? " (forever)" : "", got, want);
    free(got);
    bool failed = fa.failures > 0;
    rc_clear_error(rt);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
    assert_int_equal(fa.live_blocks, 0);
    return failed;
}

static void oom_all(const char *src, size_t len, const char *want) {
    for (int forever = 0; forever < 2; forever++) {
        long n = 1;
        while (oom_step(n, forever, src, len, want))
            n++;
        /* the parse makes ~60 requests (arena chunks, identifiers,
         * constants; objects one by one in pass-through mode): every one
         * of them was refused in turn */
        assert_true(n > 50);
    }
}

static void test_oom(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    /* the source with its last (invalid) line: an error; without: a tree */
    size_t full = sizeof oom_source - 1, valid = full - strlen("x = 1 +\n");
    char *tree = parse_text(rt, oom_source, valid, RP_MODE_EXEC, false, NULL);
    rp_syntax_error err;
    free(parse_text(rt, oom_source, full, RP_MODE_EXEC, false, &err));
    rc_runtime_free(rt);
    assert_int_equal(strncmp(tree, "Module(", 7), 0);
    char error[300];
    snprintf(error, sizeof error, "%s @ %d %d", err.msg, err.lineno, err.col);
    assert_string_equal(error, "invalid syntax @ 20 8");
    oom_all(oom_source, valid, tree);
    oom_all(oom_source, full, error);
    free(tree);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena),  cmocka_unit_test(test_trees),
        cmocka_unit_test(test_errors), cmocka_unit_test(test_interactive),
        cmocka_unit_test(test_limits), cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
