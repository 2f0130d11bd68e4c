/*
 * test_rcpy_front.c — the front part of rcpy from C: library statuses
 * becoming exceptions, exception objects and their strs, context
 * chaining, traceback printing of a script's error, modules and import,
 * file objects, the sys and gc modules. One interpreter per test; each
 * test ends with rc_heap_check clean, and LeakSanitizer (asan preset)
 * checks that freeing the interpreter frees everything.
 */
#define _POSIX_C_SOURCE 200809L
#include "front.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

typedef struct fixture {
    rp_interp *ip;
    char dir[64]; /* a scratch folder, sys.path[0] */
} fixture;

static int setup(void **state) {
    fixture *fx = calloc(1, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/rcpy_front_XXXXXX");
    if (!fx || !mkdtemp(fx->dir))
        return -1;
    static char *argv[] = {"prog.py", "a1"};
    rp_config cfg = {.argc = 2, .argv = argv, .path0 = fx->dir};
    fx->ip = rp_interp_new(&cfg);
    *state = fx;
    return fx->ip ? 0 : -1;
}

static int teardown(void **state) {
    fixture *fx = *state;
    rp_interp *ip = fx->ip;
    rp_err_clear(ip);
    int check = rc_heap_check(ip->rt);
    rp_interp_free(ip);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", fx->dir);
    if (system(cmd) != 0)
        return -1;
    free(fx);
    return check == 0 ? 0 : -1;
}

/* ---------------------------------------------------------- helpers */

static void write_file(const fixture *fx, const char *name, const char *text) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* The text of a file of the scratch folder (static buffer). */
static const char *read_back(const fixture *fx, const char *name) {
    static char buf[8192];
    char path[256];
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

/* str(o) compared with text. */
static void assert_str_of(rc_object *o, const char *text) {
    rc_object *s = rc_str(o);
    assert_non_null(s);
    assert_string_equal(rc_str_utf8(s), text);
    rc_decref(s);
}

static void assert_repr_of(rc_object *o, const char *text) {
    rc_object *s = rc_repr(o);
    assert_non_null(s);
    assert_string_equal(rc_str_utf8(s), text);
    rc_decref(s);
}

/* Makes sys.stderr a file of the scratch folder, so that what is printed
 * there can be read back. */
static void capture_stderr(const fixture *fx, const char *name) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    rc_object *p = rp_str(fx->ip, path);
    rc_object *f = rp_file_open(fx->ip, p, "w");
    rc_decref(p);
    assert_non_null(f);
    assert_int_equal(rp_module_add_object(fx->ip, fx->ip->sysmod, "stderr", f),
                     0);
}

static void flush_stderr(const fixture *fx) {
    assert_int_equal(rp_file_flush(fx->ip, rp_sys_get(fx->ip, "stderr")), 0);
}

/* ====================================================================== */
/* Statuses and raising                                                   */
/* ====================================================================== */

static void test_status_classes(void **state) {
    rp_interp *ip = ((fixture *)*state)->ip;
    const struct {
        rc_status st;
        rp_class *cls;
    } map[] = {
        {RC_ETYPE, ip->exc.TypeError},
        {RC_EHASH, ip->exc.TypeError},
        {RC_EINDEX, ip->exc.IndexError},
        {RC_EKEY, ip->exc.KeyError},
        {RC_EVALUE, ip->exc.ValueError},
        {RC_EZERODIV, ip->exc.ZeroDivisionError},
        {RC_EOVERFLOW, ip->exc.OverflowError},
        {RC_ESTATE, ip->exc.RuntimeError},
        {RC_EATTR, ip->exc.AttributeError},
        {RC_ERECURSION, ip->exc.RecursionError},
        {RC_ENOMEM, ip->exc.MemoryError},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        assert_ptr_equal(rp_status_class(ip, map[i].st), map[i].cls);
}

/* A status-only library error becomes an instance of the matching class
 * whose argument is the message. */
static void test_fetch_status_error(void **state) {
    rp_interp *ip = ((fixture *)*state)->ip;
    rc_set_error(ip->rt, RC_EINDEX, "list index out of range");
    assert_true(rp_err_occurred(ip));
    rc_object *e = rp_err_fetch(ip);
    assert_false(rp_err_occurred(ip));
    assert_ptr_equal(rp_type_of(e), ip->exc.IndexError);
    assert_repr_of(e, "IndexError('list index out of range')");
    rc_decref(e);

    rc_set_error(ip->rt, RC_ESTATE, "dictionary changed size during iteration");
    e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.RuntimeError);
    rc_decref(e);

    rc_set_error(ip->rt, RC_EINVAL, "rc_str_intern: NULL text");
    e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.SystemError);
    rc_decref(e);
}

/* KeyError from the library carries the key, not its repr. */
static void test_fetch_keyerror(void **state) {
    rp_interp *ip = ((fixture *)*state)->ip;
    rc_object *d = rc_dict_new(ip->rt), *k = rp_str(ip, "missing");
    assert_int_equal(rc_dict_delitem(d, k), RC_EKEY);
    rc_object *e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.KeyError);
    assert_str_of(e, "'missing'");
    assert_repr_of(e, "KeyError('missing')");
    rc_decref(e);
    rc_object *n = rc_int_from_i64(ip->rt, 42);
    assert_int_equal(rc_dict_delitem(d, n), RC_EKEY);
    e = rp_err_fetch(ip);
    assert_repr_of(e, "KeyError(42)");
    rc_decref(e);
    /* a tuple key cannot be read back from the message: rp_err_key puts
     * the key itself into the exception */
    rc_object *t = rc_tuple_pack(ip->rt, 2, k, n);
    assert_null(rc_getitem(d, t));
    assert_int_equal(rp_err_key(ip, t), RC_EKEY);
    e = rp_err_fetch(ip);
    assert_ptr_equal(rc_tuple_get(((rp_exc *)e)->args, 0), t);
    assert_str_of(e, "('missing', 42)");
    rc_decref(e);
    /* other errors are left alone */
    assert_int_equal(rp_raise(ip, ip->exc.TypeError, "no"), RC_ETYPE);
    assert_int_equal(rp_err_key(ip, t), RC_ETYPE);
    e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.TypeError);
    rc_decref(e);
    rc_decref(t);
    rc_decref(n);
    rc_decref(k);
    rc_decref(d);
}

static void test_raise_status_and_message(void **state) {
    rp_interp *ip = ((fixture *)*state)->ip;
    assert_int_equal(rp_raise(ip, ip->exc.TypeError, "bad %s %d", "x", 3),
                     RC_ETYPE);
    assert_int_equal(rc_last_error(ip->rt), RC_ETYPE);
    assert_string_equal(rc_last_error_message(ip->rt), "bad x 3");
    assert_true(rp_err_matches(ip, ip->exc.TypeError));
    assert_true(rp_err_matches(ip, ip->exc.Exception));
    assert_false(rp_err_matches(ip, ip->exc.ValueError));
    rp_err_clear(ip);
    assert_int_equal(rp_raise(ip, ip->exc.NameError, "n"), RC_EEXCEPTION);
    rp_err_clear(ip);
    /* a subclass keeps its parent's status */
    assert_int_equal(rp_raise(ip, ip->exc.FileNotFoundError, "f"),
                     RC_EEXCEPTION);
    rp_err_clear(ip);
    assert_int_equal(rp_raise(ip, ip->exc.ModuleNotFoundError, "m"),
                     RC_EEXCEPTION);
    rp_err_clear(ip);
    assert_int_equal(rp_raise(ip, ip->exc.UnicodeDecodeError, "u"), RC_EVALUE);
    rp_err_clear(ip);
}

static void test_memoryerror(void **state) {
    rp_interp *ip = ((fixture *)*state)->ip;
    rc_set_error(ip->rt, RC_ENOMEM, "out of memory");
    rc_object *e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.MemoryError);
    assert_str_of(e, "");
    rc_decref(e);
}

/* __context__ is set from the exception being handled, without ever
 * making the context chain a cycle. */
static void test_context_chaining(void **state) {
    rp_interp *ip = ((fixture *)*state)->ip;
    rp_raise(ip, ip->exc.KeyError, "first");
    rc_object *first = rp_err_fetch(ip);
    ip->exc_info = first;
    rp_raise(ip, ip->exc.ValueError, "second");
    rc_object *second = rp_err_fetch(ip);
    assert_ptr_equal(((rp_exc *)second)->context, first);
    /* raising `first` while `second` is handled: first's context becomes
     * second, and second's context (first) is cut */
    ip->exc_info = second;
    rp_raise_object(ip, first);
    rc_object *again = rp_err_fetch(ip);
    assert_ptr_equal(again, first);
    assert_ptr_equal(((rp_exc *)first)->context, second);
    assert_null(((rp_exc *)second)->context);
    ip->exc_info = NULL;
    rc_decref(again);
    rc_decref(second);
    rc_decref(first);
}

static void test_raise_from(void **state) {
    rp_interp *ip = ((fixture *)*state)->ip;
    rp_raise_from(ip, &ip->exc.ValueError->ob, ip->none);
    rc_object *e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.ValueError);
    assert_true(((rp_exc *)e)->suppress_context);
    assert_null(((rp_exc *)e)->cause);
    rc_decref(e);
    rp_raise_from(ip, &ip->exc.ValueError->ob, &ip->exc.KeyError->ob);
    e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(((rp_exc *)e)->cause), ip->exc.KeyError);
    rc_decref(e);
    rc_object *n = rc_int_from_i64(ip->rt, 3);
    rp_raise_object(ip, n);
    e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.TypeError);
    assert_str_of(e, "exceptions must derive from BaseException");
    rc_decref(e);
    rc_decref(n);
}

/* ====================================================================== */
/* Exception objects                                                      */
/* ====================================================================== */

/* Calls cls(*args) with C strings and ints given as text ("#2" is 2). */
static rc_object *make_exc(rp_interp *ip, rp_class *cls, size_t n, ...) {
    rc_object *argv[6];
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        const char *a = va_arg(ap, const char *);
        argv[i] =
            a[0] == '#' ? rc_int_from_i64(ip->rt, atoi(a + 1)) : rp_str(ip, a);
    }
    va_end(ap);
    rc_object *e = rp_call(ip, &cls->ob, argv, n, NULL);
    for (size_t i = 0; i < n; i++)
        rc_decref(argv[i]);
    assert_non_null(e);
    return e;
}

static void test_exception_strs(void **state) {
    rp_interp *ip = ((fixture *)*state)->ip;
    rc_object *e = make_exc(ip, ip->exc.ValueError, 1, "x");
    assert_str_of(e, "x");
    assert_repr_of(e, "ValueError('x')");
    rc_decref(e);
    e = make_exc(ip, ip->exc.Exception, 2, "#1", "#2");
    assert_str_of(e, "(1, 2)");
    assert_repr_of(e, "Exception(1, 2)");
    rc_decref(e);
    e = make_exc(ip, ip->exc.BaseException, 0);
    assert_str_of(e, "");
    assert_repr_of(e, "BaseException()");
    rc_decref(e);
    e = make_exc(ip, ip->exc.KeyError, 1, "");
    assert_str_of(e, "''");
    rc_decref(e);
}

static void test_oserror(void **state) {
    rp_interp *ip = ((fixture *)*state)->ip;
    rc_object *e = make_exc(ip, ip->exc.OSError, 3, "#2",
                            "No such file or directory", "x");
    assert_ptr_equal(rp_type_of(e), ip->exc.FileNotFoundError);
    assert_str_of(e, "[Errno 2] No such file or directory: 'x'");
    assert_repr_of(e, "FileNotFoundError(2, 'No such file or directory')");
    assert_str_of(rp_exc_attr(ip, e, "filename"), "x");
    rc_decref(e);
    e = make_exc(ip, ip->exc.OSError, 1, "plain");
    assert_ptr_equal(rp_type_of(e), ip->exc.OSError);
    assert_str_of(e, "plain");
    rc_decref(e);
    e = make_exc(ip, ip->exc.OSError, 2, "#13", "Perm");
    assert_ptr_equal(rp_type_of(e), ip->exc.PermissionError);
    rc_decref(e);
}

static void test_subclass_attributes(void **state) {
    rp_interp *ip = ((fixture *)*state)->ip;
    rc_object *e = make_exc(ip, ip->exc.StopIteration, 1, "#4");
    assert_str_of(rp_exc_attr(ip, e, "value"), "4");
    rc_decref(e);
    e = make_exc(ip, ip->exc.SystemExit, 0);
    assert_true(rc_is_none(rp_exc_attr(ip, e, "code")));
    rc_decref(e);
    e = make_exc(ip, ip->exc.ImportError, 1, "m");
    assert_str_of(e, "m");
    assert_true(rc_is_none(rp_exc_attr(ip, e, "name")));
    rc_decref(e);
    rc_object *details = rc_tuple_pack(
        ip->rt, 4, rp_str(ip, "/a/x.py"), rc_int_from_i64(ip->rt, 1),
        rc_int_from_i64(ip->rt, 5), rp_str(ip, "a b\n"));
    for (size_t i = 0; i < 4; i++)
        rc_decref(rc_tuple_get(details, i)); /* the tuple holds them */
    rc_object *msg = rp_str(ip, "invalid syntax");
    rc_object *argv[2] = {msg, details};
    e = rp_call(ip, &ip->exc.SyntaxError->ob, argv, 2, NULL);
    assert_non_null(e);
    assert_str_of(e, "invalid syntax (x.py, line 1)");
    assert_str_of(rp_exc_attr(ip, e, "offset"), "5");
    rc_decref(e);
    rc_decref(msg);
    rc_decref(details);
}

/* ====================================================================== */
/* Tracebacks                                                             */
/* ====================================================================== */

static int run_script(fixture *fx, const char *name, const char *src) {
    write_file(fx, name, src);
    char path[256];
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    return rp_run_source(fx->ip, src, strlen(src), path, NULL);
}

static void test_traceback_format(void **state) {
    fixture *fx = *state;
    capture_stderr(fx, "err.txt");
    int r = run_script(fx, "tb.py",
                       "def f(x):\n"
                       "    return x[1] + 2\n"
                       "try:\n"
                       "    f([])\n"
                       "except Exception as e:\n"
                       "    raise ValueError('boom') from e\n");
    assert_int_equal(r, -1);
    assert_int_equal(fx->ip->exit_code, 1);
    flush_stderr(fx);
    char want[2048];
    snprintf(want, sizeof want,
             "Traceback (most recent call last):\n"
             "  File \"%s/tb.py\", line 4, in <module>\n"
             "    f([])\n"
             "  File \"%s/tb.py\", line 2, in f\n"
             "    return x[1] + 2\n"
             "           ~^^^\n"
             "IndexError: list index out of range\n"
             "\n"
             "The above exception was the direct cause of the following "
             "exception:\n"
             "\n"
             "Traceback (most recent call last):\n"
             "  File \"%s/tb.py\", line 6, in <module>\n"
             "    raise ValueError('boom') from e\n"
             "ValueError: boom\n",
             fx->dir, fx->dir, fx->dir);
    assert_string_equal(read_back(fx, "err.txt"), want);
}

static void test_syntax_error_display(void **state) {
    fixture *fx = *state;
    capture_stderr(fx, "err.txt");
    int r = run_script(fx, "bad.py", "x = 1 +\n");
    assert_int_equal(r, -1);
    flush_stderr(fx);
    char want[1024];
    snprintf(want, sizeof want,
             "  File \"%s/bad.py\", line 1\n"
             "    x = 1 +\n"
             "           ^\n"
             "SyntaxError: invalid syntax\n",
             fx->dir);
    assert_string_equal(read_back(fx, "err.txt"), want);
}

static void test_system_exit(void **state) {
    fixture *fx = *state;
    assert_int_equal(run_script(fx, "ex.py", "import sys\nsys.exit(3)\n"), 1);
    assert_int_equal(fx->ip->exit_code, 3);
    assert_int_equal(run_script(fx, "ex2.py", "raise SystemExit\n"), 1);
    assert_int_equal(fx->ip->exit_code, 0);
}

/* ====================================================================== */
/* Modules and import                                                     */
/* ====================================================================== */

static void test_module_object(void **state) {
    rp_interp *ip = ((fixture *)*state)->ip;
    rc_object *m = rp_module_new(ip, "m");
    assert_repr_of(m, "<module 'm'>");
    assert_int_equal(
        rp_module_add_object(ip, m, "x", rc_int_from_i64(ip->rt, 5)), 0);
    rc_object *x = rc_getattr_str(m, "x");
    assert_str_of(x, "5");
    rc_decref(x);
    assert_null(rc_getattr_str(m, "y"));
    rc_object *e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.AttributeError);
    assert_str_of(e, "module 'm' has no attribute 'y'");
    rc_decref(e);
    rc_decref(m);
    rc_object *sys = rp_import_cstr(ip, "sys");
    assert_ptr_equal(sys, ip->sysmod);
    assert_repr_of(sys, "<module 'sys' (built-in)>");
    rc_decref(sys);
}

static void test_import_from_path(void **state) {
    fixture *fx = *state;
    rp_interp *ip = fx->ip;
    write_file(fx, "mod1.py", "X = 41 + 1\n");
    rc_object *m = rp_import_cstr(ip, "mod1");
    assert_non_null(m);
    assert_str_of(rc_getattr_str(m, "X"), "42"); /* leak-free: int cached */
    char want[256];
    snprintf(want, sizeof want, "<module 'mod1' from '%s/mod1.py'>", fx->dir);
    assert_repr_of(m, want);
    rc_object *name = rp_str(ip, "nope");
    assert_null(rp_import_from(ip, m, name));
    rc_object *e = rp_err_fetch(ip);
    snprintf(want, sizeof want,
             "cannot import name 'nope' from 'mod1' (%s/mod1.py)", fx->dir);
    assert_str_of(e, want);
    rc_decref(e);
    rc_decref(name);
    rc_decref(m);
    assert_null(rp_import_cstr(ip, "no_such_module"));
    e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.ModuleNotFoundError);
    assert_str_of(e, "No module named 'no_such_module'");
    rc_decref(e);
}

static void test_import_package_relative(void **state) {
    fixture *fx = *state;
    char path[256];
    snprintf(path, sizeof path, "%s/pkg", fx->dir);
    assert_int_equal(mkdir(path, 0700), 0);
    write_file(fx, "pkg/__init__.py",
               "from . import sub\nfrom .sub import V\n");
    write_file(fx, "pkg/sub.py", "V = 'v'\n");
    snprintf(path, sizeof path, "%s/nsdir", fx->dir); /* no __init__.py */
    assert_int_equal(mkdir(path, 0700), 0);
    write_file(fx, "nsdir/leaf.py", "W = 2\n");
    assert_int_equal(run_script(fx, "main.py",
                                "import pkg.sub\n"
                                "assert pkg.sub.V == 'v' and pkg.V == 'v'\n"
                                "from pkg import sub as s2\n"
                                "assert s2 is pkg.sub\n"
                                "import nsdir.leaf\n"
                                "assert nsdir.leaf.W == 2\n"
                                "assert nsdir.__file__ is None\n"),
                     0);
}

/* ====================================================================== */
/* Files                                                                  */
/* ====================================================================== */

static rc_object *call_method(rp_interp *ip, rc_object *o, const char *name,
                              rc_object *arg) {
    rc_object *n = rp_str(ip, name);
    rc_object *r = rp_call_method(ip, o, n, &arg, arg ? 1 : 0);
    rc_decref(n);
    return r;
}

static void test_file_objects(void **state) {
    fixture *fx = *state;
    rp_interp *ip = fx->ip;
    char path[256];
    snprintf(path, sizeof path, "%s/f.txt", fx->dir);
    rc_object *p = rp_str(ip, path);
    rc_object *f = rp_file_open(ip, p, "w");
    assert_non_null(f);
    rc_object *text = rp_str(ip, "a\r\nb\rc\n\xc3\xa9");
    rc_object *n = call_method(ip, f, "write", text);
    assert_str_of(n, "8"); /* code points */
    rc_decref(n);
    rc_decref(call_method(ip, f, "close", NULL));
    assert_null(call_method(ip, f, "write", text));
    rc_object *e = rp_err_fetch(ip);
    assert_str_of(e, "I/O operation on closed file.");
    rc_decref(e);
    rc_decref(f);
    f = rp_file_open(ip, p, "r");
    rc_object *all = call_method(ip, f, "read", NULL);
    assert_string_equal(rc_str_utf8(all), "a\nb\nc\n\xc3\xa9");
    rc_decref(all);
    rc_decref(f);
    assert_null(rp_file_open(ip, p, "q"));
    e = rp_err_fetch(ip);
    assert_str_of(e, "invalid mode: 'q'");
    rc_decref(e);
    rc_object *missing = rp_str(ip, "/nonexistent/x");
    assert_null(rp_file_open(ip, missing, "r"));
    e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.FileNotFoundError);
    assert_str_of(e, "[Errno 2] No such file or directory: '/nonexistent/x'");
    rc_decref(e);
    rc_decref(missing);
    rc_decref(text);
    rc_decref(p);
}

/* ====================================================================== */
/* sys and gc                                                             */
/* ====================================================================== */

static void test_sys_values(void **state) {
    fixture *fx = *state;
    capture_stderr(fx, "err.txt");
    assert_int_equal(
        run_script(
            fx, "s.py",
            "import sys\n"
            "assert sys.argv == ['prog.py', 'a1'], sys.argv\n"
            "assert sys.implementation.name == 'rcpy'\n"
            "assert sys.version_info[:2] == (3, 11)\n"
            "assert sys.version_info.major == 3 and sys.flags.optimize == 0\n"
            "a = []\n"
            "assert sys.getrefcount(a) == 2, sys.getrefcount(a)\n"
            "b = a\n"
            "assert sys.getrefcount(a) == 3\n"
            "assert sys.modules['sys'] is sys\n"
            "assert sys.getrecursionlimit() == 1000\n"
            "assert sys.intern('ab' + 'c') is sys.intern('abc')\n"),
        0);
    flush_stderr(fx);
    assert_string_equal(read_back(fx, "err.txt"), "");
}

static void test_gc_module(void **state) {
    fixture *fx = *state;
    capture_stderr(fx, "err.txt");
    assert_int_equal(
        run_script(fx, "g.py",
                   "import gc\n"
                   "gc.collect()\n"
                   "class A: pass\n"
                   "assert len(gc.get_count()) == 3\n"
                   "a = A()\n"
                   "a.me = a\n"
                   "del a\n"
                   "assert gc.collect() == 1\n"
                   "seen = []\n"
                   "gc.callbacks.append(lambda p, i: seen.append(p))\n"
                   "gc.collect()\n"
                   "assert seen == ['start', 'stop'], seen\n"
                   "assert gc.get_threshold() == (700, 10, 10)\n"
                   "try:\n"
                   "    gc.collect(3)\n"
                   "except ValueError as e:\n"
                   "    assert str(e) == 'invalid generation'\n"
                   "assert not hasattr(gc, 'DEBUG_OBJECTS')\n"
                   "gc.set_debug(gc.DEBUG_SAVEALL)\n"
                   "l = []\n"
                   "l.append(l)\n"
                   "del l\n"
                   "gc.collect()\n"
                   "assert len(gc.garbage) == 1, gc.garbage\n"
                   "gc.set_debug(0)\n"
                   "gc.garbage.clear()\n"),
        0);
    flush_stderr(fx);
    assert_string_equal(read_back(fx, "err.txt"), "");
}

/* An exception in __del__ is printed as CPython's unraisable report. */
static void test_unraisable(void **state) {
    fixture *fx = *state;
    capture_stderr(fx, "err.txt");
    assert_int_equal(run_script(fx, "d.py",
                                "class A:\n"
                                "    def __del__(self):\n"
                                "        raise ValueError('in del')\n"
                                "a = A()\n"
                                "del a\n"),
                     0);
    flush_stderr(fx);
    const char *err = read_back(fx, "err.txt");
    assert_non_null(
        strstr(err, "Exception ignored in: <function A.__del__ at "));
    assert_non_null(strstr(err, "ValueError: in del\n"));
}

/* The step budget (ip->steps_left, the fuzz harness's): once spent, every
 * safe point raises RuntimeError, so neither a loop that catches it nor
 * recursion outlives it; 0 means no budget. */
static void test_step_budget(void **state) {
    fixture *fx = *state;
    rp_interp *ip = fx->ip;
    capture_stderr(fx, "err.txt");
    ip->steps_left = 500;
    assert_int_equal(run_script(fx, "loop.py",
                                "n = 0\n"
                                "while True:\n"
                                "    try:\n"
                                "        while True:\n"
                                "            n += 1\n"
                                "    except RuntimeError:\n"
                                "        pass\n"),
                     -1);
    ip->steps_left = 500;
    assert_int_equal(run_script(fx, "rec.py",
                                "def f():\n"
                                "    try:\n"
                                "        f()\n"
                                "    finally:\n"
                                "        f()\n"
                                "f()\n"),
                     -1);
    assert_int_equal(ip->steps_left, 1);
    ip->steps_left = 0;
    assert_int_equal(run_script(fx, "ok.py",
                                "for i in range(2000):\n"
                                "    pass\n"),
                     0);
    flush_stderr(fx);
    const char *err = read_back(fx, "err.txt");
    const char *first = strstr(err, "RuntimeError: step budget exhausted\n");
    assert_non_null(first);
    assert_non_null(strstr(first + 1, "RuntimeError: step budget exhausted\n"));
    assert_null(strstr(err, "RecursionError"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_status_classes),   T(test_fetch_status_error),
        T(test_fetch_keyerror),   T(test_raise_status_and_message),
        T(test_memoryerror),      T(test_context_chaining),
        T(test_raise_from),       T(test_exception_strs),
        T(test_oserror),          T(test_subclass_attributes),
        T(test_traceback_format), T(test_syntax_error_display),
        T(test_system_exit),      T(test_module_object),
        T(test_import_from_path), T(test_import_package_relative),
        T(test_file_objects),     T(test_sys_values),
        T(test_gc_module),        T(test_unraisable),
        T(test_step_budget),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
