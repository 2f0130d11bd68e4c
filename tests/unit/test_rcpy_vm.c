/*
 * test_rcpy_vm.c — the execution part from C: the dispatch loop, frames
 * and frame objects, functions, cells, bound methods, argument binding and
 * generators.
 *
 * Most tests run code objects assembled by hand (the instructions of
 * opcode.h, constants, names, slot kinds and exception tables written out
 * here), so they check the VM alone whatever the compiler emits; the last
 * group compiles Python source and reads the results back from the
 * module's globals. What they check is what a user would see: results,
 * CPython 3.11's error messages, reference counts around calls (2, 3, 2
 * for `func(a)`), cycles through frame objects, generators and bound
 * methods freed by the collector, generators closed when they die.
 *
 * One interpreter per test; each ends with rc_heap_check clean, no frame
 * left on the frame stack, and LeakSanitizer (asan preset) checks that
 * freeing the interpreter frees everything.
 */
#include "vm_internal.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* ====================================================================== */
/* Fixture                                                                */
/* ====================================================================== */

static rp_interp *ip;
static rc_object *globals; /* the module namespace the tests run in */
static rc_object *kept;    /* objects kept alive until teardown */

static int setup(void **state) {
    rp_config cfg = {.argc = 0, .argv = NULL, .path0 = ""};
    ip = rp_interp_new(&cfg);
    if (!ip)
        return -1;
    globals = rc_dict_new(ip->rt);
    kept = rc_list_new(ip->rt);
    if (!globals || !kept || rc_dict_setitem(globals, ip->s.name, ip->s.main))
        return -1;
    *state = ip;
    return 0;
}

static int teardown(void **state) {
    rp_err_clear(ip);
    rc_decref(globals);
    rc_decref(kept);
    int check = rc_heap_check(ip->rt);
    if (check != 0)
        fprintf(stderr, "heap check: %s\n", rc_last_error_message(ip->rt));
    bool frames_left = ip->frame != NULL || ip->stack != NULL;
    rp_interp_free(ip);
    ip = NULL;
    return check == 0 && !frames_left ? 0 : -1;
}

/* o, kept alive until the test ends (steals o). */
static rc_object *K(rc_object *o) {
    assert_non_null(o);
    assert_int_equal(rc_list_append(kept, o), 0);
    rc_decref(o);
    return o;
}
static rc_object *N(const char *s) {
    return K(rc_str_intern(ip->rt, s));
}
static rc_object *I64(int64_t v) {
    return K(rc_int_from_i64(ip->rt, v));
}
static rc_object *S(const char *s) {
    return K(rc_str_from_cstr(ip->rt, s));
}

static int64_t as_i64(rc_object *o) {
    int64_t v = INT64_MIN;
    if (!o || rc_int_to_i64(o, &v) < 0)
        return INT64_MIN;
    return v;
}

static void set_global(const char *name, rc_object *v) {
    assert_int_equal(rc_dict_setitem(globals, N(name), v), 0);
}

static rc_object *global(const char *name) {
    return rc_dict_getitem(globals, N(name));
}

/* repr(o) == text (o may be NULL: false). */
static bool repr_is(rc_object *o, const char *text, bool prefix) {
    rc_object *r = o ? rc_repr(o) : NULL;
    bool ok = r && (prefix ? strncmp(rc_str_utf8(r), text, strlen(text)) == 0
                           : strcmp(rc_str_utf8(r), text) == 0);
    if (!ok)
        fprintf(stderr, "repr %s, want %s%s\n", r ? rc_str_utf8(r) : "(none)",
                text, prefix ? "..." : "");
    rc_xdecref(r);
    return ok;
}

/* The pending exception is of class cls with str() == msg (msg NULL: any);
 * it is cleared. Returns its traceback's length. */
static int expect_exc(rp_class *cls, const char *msg) {
    rc_object *e = rp_err_fetch(ip);
    assert_non_null(e);
    rc_object *s = rc_str(e);
    if (rp_type_of(e) != cls || (msg && strcmp(rc_str_utf8(s), msg) != 0))
        fprintf(stderr, "got %s: %s\nwant %s: %s\n", rc_type_name(e),
                rc_str_utf8(s), rc_str_utf8(cls->name), msg ? msg : "...");
    assert_ptr_equal(rp_type_of(e), cls);
    if (msg)
        assert_string_equal(rc_str_utf8(s), msg);
    int n = 0;
    for (rc_object *tb = ((rp_exc *)e)->traceback; tb;
         tb = ((rp_traceback *)tb)->next)
        n++;
    rc_decref(s);
    rc_decref(e);
    return n;
}

static rc_object *attr(rc_object *o, const char *name) {
    return rp_getattr(ip, o, N(name));
}

/* ====================================================================== */
/* Assembling code objects                                                */
/* ====================================================================== */

#define I(op, arg)  RP_INSTR(RP_##op, (arg))
#define CODE(array) .code = (array), .ncode = sizeof(array) / sizeof((array)[0])

typedef struct codespec {
    const char *name;
    const rp_instr *code;
    size_t ncode;
    rc_object *consts;         /* a tuple (borrowed), NULL: () */
    const char *const *names;  /* NULL-terminated, may be NULL */
    const char *const *locals; /* localsplus names, NULL-terminated */
    const uint8_t *kinds;      /* per slot; NULL: all RP_FAST_LOCAL */
    uint32_t argcount, posonly, kwonly, flags, ncell, nfree;
    const rp_exc_entry *handlers;
    uint32_t nhandlers;
} codespec;

static rc_object *str_tuple(const char *const *s) {
    size_t n = 0;
    while (s && s[n])
        n++;
    rc_object *t = rc_tuple_new(ip->rt, n);
    for (size_t i = 0; i < n; i++)
        rc_tuple_init_item(t, i, rc_str_intern(ip->rt, s[i]));
    return t;
}

static void *copy_array(const void *src, size_t bytes) {
    if (!bytes)
        return NULL;
    void *p = rc_malloc(ip->rt, bytes);
    assert_non_null(p);
    memcpy(p, src, bytes);
    return p;
}

/* A code object as the compiler would make it (arrays from rc_malloc,
 * code.c frees them); each instruction on its own line. */
static rc_object *mkcode(const codespec *s) {
    rp_code *co = (rp_code *)rc_new(ip->rt, &rp_code_type);
    assert_non_null(co);
    co->argcount = s->argcount;
    co->posonlyargcount = s->posonly;
    co->kwonlyargcount = s->kwonly;
    co->flags = s->flags;
    co->stacksize = 16;
    co->firstlineno = 1;
    co->localsplusnames = str_tuple(s->locals);
    co->nlocalsplus = (uint32_t)rc_tuple_size(co->localsplusnames);
    co->ncellvars = s->ncell;
    co->nfreevars = s->nfree;
    uint8_t kinds[64];
    for (uint32_t i = 0; i < co->nlocalsplus; i++)
        kinds[i] = s->kinds ? s->kinds[i] : RP_FAST_LOCAL;
    co->localspluskinds = copy_array(kinds, co->nlocalsplus);
    co->consts = s->consts ? s->consts : rc_tuple_new(ip->rt, 0);
    rc_incref(co->consts);
    if (!s->consts)
        rc_decref(co->consts);
    co->names = str_tuple(s->names);
    co->name = rc_str_intern(ip->rt, s->name);
    co->qualname = rc_str_intern(ip->rt, s->name);
    co->filename = rc_str_intern(ip->rt, "<test>");
    co->ninstrs = (uint32_t)s->ncode;
    co->instrs = copy_array(s->code, s->ncode * sizeof(rp_instr));
    rp_pos pos[64];
    for (size_t i = 0; i < s->ncode; i++)
        pos[i] = (rp_pos){(int32_t)i + 1, (int32_t)i + 1, 0, 1};
    co->positions = copy_array(pos, s->ncode * sizeof(rp_pos));
    co->nhandlers = s->nhandlers;
    co->handlers = copy_array(s->handlers, s->nhandlers * sizeof(rp_exc_entry));
    return K(&co->ob);
}

/* A function of the code, in the test's globals (kept). */
static rc_object *mkfunc(const codespec *s) {
    return K(rp_function_new(ip, mkcode(s), globals, NULL));
}

static rc_object *tuple(size_t n, ...) {
    va_list ap;
    va_start(ap, n);
    rc_object *t = rc_tuple_new(ip->rt, n);
    for (size_t i = 0; i < n; i++) {
        rc_object *v = va_arg(ap, rc_object *);
        rc_incref(v);
        rc_tuple_init_item(t, i, v);
    }
    va_end(ap);
    return K(t);
}

/* Runs module code; new reference or NULL. */
static rc_object *run_module(const codespec *s) {
    return rp_eval_code(ip, mkcode(s), globals, NULL);
}

static rc_object *call(rc_object *fn, size_t n, ...) {
    rc_object *args[8];
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        args[i] = va_arg(ap, rc_object *);
    va_end(ap);
    return rp_function_call(ip, fn, args, n, NULL);
}

/* ====================================================================== */
/* The loop                                                               */
/* ====================================================================== */

static void test_arithmetic(void **state) {
    rp_instr code[] = {I(RESUME, 0),      I(LOAD_CONST, 0),
                       I(LOAD_CONST, 1),  I(BINARY_OP, RC_OP_ADD),
                       I(LOAD_CONST, 1),  I(BINARY_OP, RC_OP_MUL),
                       I(RETURN_VALUE, 0)};
    codespec s = {
        .name = "<module>", CODE(code), .consts = tuple(2, I64(2), I64(3))};
    rc_object *r = run_module(&s);
    assert_int_equal(as_i64(r), 15);
    rc_decref(r);
}

static void test_loop(void **state) {
    /* total = 0; for i in range(10): total += i; return total */
    rp_instr code[] = {I(RESUME, 0),     I(LOAD_CONST, 0),
                       I(STORE_FAST, 0), I(LOAD_CONST, 1),
                       I(GET_ITER, 0),   I(FOR_ITER, 12),
                       I(STORE_FAST, 1), I(LOAD_FAST, 0),
                       I(LOAD_FAST, 1),  I(BINARY_OP, 16 + RC_OP_ADD),
                       I(STORE_FAST, 0), I(JUMP_BACKWARD, 5),
                       I(LOAD_FAST, 0),  I(RETURN_VALUE, 0)};
    const char *locals[] = {"total", "i", NULL};
    codespec s = {.name = "loop",
                  CODE(code),
                  .locals = locals,
                  .consts =
                      tuple(2, I64(0), K(rc_range_new(ip->rt, 0, 10, 1)))};
    rc_object *r = call(mkfunc(&s), 0);
    assert_int_equal(as_i64(r), 45);
    rc_decref(r);
}

/* f(a, b=4): return a - b */
static rc_object *sub_code(void) {
    static const rp_instr code[] = {I(RESUME, 0), I(LOAD_FAST, 0),
                                    I(LOAD_FAST, 1), I(BINARY_OP, RC_OP_SUB),
                                    I(RETURN_VALUE, 0)};
    const char *locals[] = {"a", "b", NULL};
    codespec s = {.name = "f", CODE(code), .locals = locals, .argcount = 2};
    return mkcode(&s);
}

static void test_calls(void **state) {
    /* f = MAKE_FUNCTION(defaults=(4,)); (f(10), f(10, 1), f(a=1)) */
    rp_instr code[] = {
        I(RESUME, 0),        I(LOAD_CONST, 1),  I(LOAD_CONST, 0),
        I(MAKE_FUNCTION, 1), I(STORE_NAME, 0),  I(PUSH_NULL, 0),
        I(LOAD_NAME, 0),     I(LOAD_CONST, 2),  I(CALL, 1),
        I(PUSH_NULL, 0),     I(LOAD_NAME, 0),   I(LOAD_CONST, 2),
        I(LOAD_CONST, 4),    I(CALL, 2),        I(PUSH_NULL, 0),
        I(LOAD_NAME, 0),     I(LOAD_CONST, 4),  I(KW_NAMES, 3),
        I(CALL, 1),          I(BUILD_TUPLE, 3), I(RETURN_VALUE, 0)};
    const char *names[] = {"f", NULL};
    codespec s = {.name = "<module>",
                  CODE(code),
                  .names = names,
                  .consts = tuple(5, sub_code(), tuple(1, I64(4)), I64(10),
                                  tuple(1, N("a")), I64(1))};
    rc_object *r = run_module(&s);
    assert_true(repr_is(r, "(6, 9, -3)", false));
    rc_decref(r);
    rc_object *f = global("f");
    assert_true(repr_is(f, "<function f at 0x", true));
}

static void expect_call_error(rc_object *fn, size_t n, rc_object *kwnames,
                              const char *msg) {
    rc_object *one = I64(1);
    rc_object *args[] = {one, one, one, one, one};
    assert_null(rp_function_call(ip, fn, args, n, kwnames));
    expect_exc(ip->exc.TypeError, msg);
}

static void test_argument_errors(void **state) {
    rp_instr code[] = {I(RESUME, 0), I(LOAD_CONST, 0), I(RETURN_VALUE, 0)};
    const char *l3[] = {"a", "b", "c", NULL};
    codespec s = {.name = "f",
                  CODE(code),
                  .locals = l3,
                  .argcount = 3,
                  .consts = tuple(1, ip->none)};
    rc_object *f = mkfunc(&s);
    expect_call_error(f, 0, NULL,
                      "f() missing 3 required positional arguments: 'a', "
                      "'b', and 'c'");
    expect_call_error(f, 1, NULL,
                      "f() missing 2 required positional arguments: 'b' and "
                      "'c'");
    expect_call_error(f, 4, NULL,
                      "f() takes 3 positional arguments but 4 were given");
    expect_call_error(f, 3, tuple(1, N("z")),
                      "f() got an unexpected keyword argument 'z'");
    expect_call_error(f, 1, tuple(1, N("a")),
                      "f() got multiple values for argument 'a'");
    /* g(a, /, *, k) */
    const char *l2[] = {"a", "k", NULL};
    codespec s2 = {.name = "g",
                   CODE(code),
                   .locals = l2,
                   .argcount = 1,
                   .posonly = 1,
                   .kwonly = 1,
                   .consts = tuple(1, ip->none)};
    rc_object *g = mkfunc(&s2);
    expect_call_error(g, 2, tuple(2, N("a"), N("k")),
                      "g() got some positional-only arguments passed as "
                      "keyword arguments: 'a'");
    expect_call_error(g, 1, NULL,
                      "g() missing 1 required keyword-only argument: 'k'");
    expect_call_error(g, 2, tuple(1, N("k")),
                      "g() takes 1 positional argument but 2 positional "
                      "arguments (and 1 keyword-only argument) were given");
    rc_object *one = I64(1), *args[] = {one, one};
    rc_object *r = rp_function_call(ip, g, args, 1, tuple(1, N("k")));
    assert_ptr_equal(r, ip->none);
    /* h(a, b=2): "from 1 to 2" */
    codespec s3 = {.name = "h",
                   CODE(code),
                   .locals = l3,
                   .argcount = 2,
                   .consts = tuple(1, ip->none)};
    rc_object *h = mkfunc(&s3);
    ((rp_function *)h)->defaults = tuple(1, I64(2));
    rc_incref(((rp_function *)h)->defaults);
    expect_call_error(h, 3, NULL,
                      "h() takes from 1 to 2 positional arguments but 3 "
                      "were given");
}

/* probe(x): records the reference count of its argument */
static size_t probed;
static rc_object *probe_fn(rp_interp *ipp, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    probed = rc_refcnt(args[0]);
    return rp_none(ipp);
}
static const rp_methoddef probe_def = {"probe", probe_fn, 0, NULL};

/* sys.getrefcount(a) is 2 at module level and 3 inside f(a) in 3.11: the
 * argument moves into the callee's frame. */
static void test_argument_refcounts(void **state) {
    set_global("probe", K(rp_builtin_new(ip, &probe_def, NULL)));
    rp_instr fcode[] = {I(RESUME, 0), I(LOAD_GLOBAL, 1), I(LOAD_FAST, 0),
                        I(CALL, 1), I(RETURN_VALUE, 0)};
    const char *fl[] = {"a", NULL}, *fnames[] = {"probe", NULL};
    codespec fs = {
        .name = "f", CODE(fcode), .locals = fl, .names = fnames, .argcount = 1};
    set_global("f", mkfunc(&fs));
    set_global("x", K(rc_list_new(ip->rt)));
    const char *names[] = {"f", "x", "probe", NULL};
    rp_instr code[] = {I(RESUME, 0),    I(PUSH_NULL, 0), I(LOAD_NAME, 2),
                       I(LOAD_NAME, 1), I(CALL, 1),      I(RETURN_VALUE, 0)};
    codespec outside = {.name = "<module>", CODE(code), .names = names};
    rc_decref(run_module(&outside));
    /* the global, the kept list and the call's stack */
    assert_int_equal(probed, 3);
    rp_instr code2[] = {I(RESUME, 0),    I(PUSH_NULL, 0), I(LOAD_NAME, 0),
                        I(LOAD_NAME, 1), I(CALL, 1),      I(RETURN_VALUE, 0)};
    codespec inside = {.name = "<module>", CODE(code2), .names = names};
    rc_decref(run_module(&inside));
    assert_int_equal(probed, 4); /* + f's local, no stack copy kept */
    rc_decref(run_module(&outside));
    assert_int_equal(probed, 3);
}

static void test_closures(void **state) {
    /* def outer(x): def inner(): return x; return inner */
    rp_instr icode[] = {I(RESUME, 0), I(LOAD_DEREF, 0), I(RETURN_VALUE, 0)};
    const char *il[] = {"x", NULL};
    uint8_t ik[] = {RP_FAST_FREE};
    codespec is = {
        .name = "inner", CODE(icode), .locals = il, .kinds = ik, .nfree = 1};
    rp_instr ocode[] = {I(RESUME, 0),        I(LOAD_CLOSURE, 0),
                        I(BUILD_TUPLE, 1),   I(LOAD_CONST, 0),
                        I(MAKE_FUNCTION, 8), I(RETURN_VALUE, 0)};
    uint8_t ok[] = {RP_FAST_LOCAL | RP_FAST_CELL};
    codespec os = {.name = "outer",
                   CODE(ocode),
                   .locals = il,
                   .kinds = ok,
                   .ncell = 1,
                   .argcount = 1,
                   .consts = tuple(1, mkcode(&is))};
    rc_object *inner = K(call(mkfunc(&os), 1, I64(7)));
    assert_ptr_equal(inner->type, &rp_function_type);
    rc_object *r = call(inner, 0);
    assert_int_equal(as_i64(r), 7);
    rc_decref(r);
    rc_object *closure = K(attr(inner, "__closure__"));
    assert_true(rc_is_tuple(closure) && rc_tuple_size(closure) == 1);
    assert_true(repr_is(rc_tuple_get(closure, 0), "<cell at 0x", true));
    rc_object *v = K(attr(rc_tuple_get(closure, 0), "cell_contents"));
    assert_int_equal(as_i64(v), 7);
    /* an empty cell: NameError for the free variable */
    ((rp_cell *)rc_tuple_get(closure, 0))->ref = NULL;
    assert_null(call(inner, 0));
    expect_exc(ip->exc.NameError,
               "cannot access free variable 'x' where it is not associated "
               "with a value in enclosing scope");
    ((rp_cell *)rc_tuple_get(closure, 0))->ref = I64(7);
    rc_incref(I64(7));
}

static void test_unbound_local(void **state) {
    rp_instr code[] = {I(RESUME, 0), I(LOAD_FAST, 0), I(RETURN_VALUE, 0)};
    const char *l[] = {"x", NULL};
    codespec s = {.name = "f", CODE(code), .locals = l};
    assert_null(call(mkfunc(&s), 0));
    int tb = expect_exc(ip->exc.UnboundLocalError,
                        "cannot access local variable 'x' where it is not "
                        "associated with a value");
    assert_int_equal(tb, 1);
    rp_instr code2[] = {I(RESUME, 0), I(LOAD_GLOBAL, 0), I(RETURN_VALUE, 0)};
    const char *names[] = {"nowhere", NULL};
    codespec s2 = {.name = "g", CODE(code2), .names = names};
    assert_null(call(mkfunc(&s2), 0));
    expect_exc(ip->exc.NameError, "name 'nowhere' is not defined");
}

static void test_unpack_and_fstring(void **state) {
    /* a, *b, c = [1, 2, 3, 4]; return (a, b, c, f"{a}-{c!r:>3}") */
    rc_object *lst = K(rc_list_new(ip->rt));
    for (int i = 1; i <= 4; i++)
        rc_list_append(lst, I64(i));
    rp_instr code[] = {
        I(RESUME, 0),       I(LOAD_CONST, 0),   I(UNPACK_EX, 1 | (1 << 8)),
        I(STORE_FAST, 0),   I(STORE_FAST, 1),   I(STORE_FAST, 2),
        I(LOAD_FAST, 0),    I(LOAD_FAST, 1),    I(LOAD_FAST, 2),
        I(LOAD_FAST, 0),    I(FORMAT_VALUE, 0), I(LOAD_CONST, 1),
        I(LOAD_FAST, 2),    I(LOAD_CONST, 2),   I(FORMAT_VALUE, 2 | 4),
        I(BUILD_STRING, 3), I(BUILD_TUPLE, 4),  I(RETURN_VALUE, 0)};
    const char *l[] = {"a", "b", "c", NULL};
    codespec s = {.name = "f",
                  CODE(code),
                  .locals = l,
                  .consts = tuple(3, lst, S("-"), S(">3"))};
    rc_object *r = call(mkfunc(&s), 0);
    assert_true(repr_is(r, "(1, [2, 3], 4, '1-  4')", false));
    rc_decref(r);
    /* a, b = [1, 2, 3] */
    rp_instr code2[] = {I(RESUME, 0), I(LOAD_CONST, 0), I(UNPACK_SEQUENCE, 2),
                        I(RETURN_VALUE, 0)};
    codespec s2 = {.name = "g", CODE(code2), .consts = tuple(1, lst)};
    assert_null(call(mkfunc(&s2), 0));
    expect_exc(ip->exc.ValueError, "too many values to unpack (expected 2)");
    rp_instr code3[] = {I(RESUME, 0), I(LOAD_CONST, 0), I(UNPACK_SEQUENCE, 2),
                        I(RETURN_VALUE, 0)};
    codespec s3 = {.name = "h", CODE(code3), .consts = tuple(1, I64(5))};
    assert_null(call(mkfunc(&s3), 0));
    expect_exc(ip->exc.TypeError, "cannot unpack non-iterable int object");
}

/* ====================================================================== */
/* Exceptions                                                             */
/* ====================================================================== */

/* def f(): try: 1/0 except <globals E>: return 'caught' — 3.11's shape */
static rc_object *try_except_func(void) {
    rp_instr code[] = {I(RESUME, 0),
                       I(NOP, 0),
                       I(LOAD_CONST, 1),
                       I(LOAD_CONST, 0),
                       I(BINARY_OP, RC_OP_TRUEDIV),
                       I(POP_TOP, 0),
                       I(LOAD_CONST, 2),
                       I(RETURN_VALUE, 0),
                       /* 8 */ I(PUSH_EXC_INFO, 0),
                       I(LOAD_GLOBAL, 0),
                       I(CHECK_EXC_MATCH, 0),
                       I(POP_JUMP_IF_FALSE, 16),
                       I(POP_TOP, 0),
                       I(POP_EXCEPT, 0),
                       I(LOAD_CONST, 3),
                       I(RETURN_VALUE, 0),
                       /* 16 */ I(RERAISE, 0),
                       /* 17 */ I(COPY, 3),
                       I(POP_EXCEPT, 0),
                       I(RERAISE, 1)};
    static const rp_exc_entry h[] = {
        {2, 6, 8, 0, 0}, {8, 13, 17, 1, 1}, {16, 17, 17, 1, 1}};
    const char *names[] = {"E", NULL};
    codespec s = {.name = "f",
                  CODE(code),
                  .names = names,
                  .handlers = h,
                  .nhandlers = 3,
                  .consts = tuple(4, I64(0), I64(1), ip->none, S("caught"))};
    return mkfunc(&s);
}

static void test_exception_table(void **state) {
    rc_object *f = try_except_func();
    set_global("E", &ip->exc.ArithmeticError->ob);
    rc_object *r = call(f, 0);
    assert_true(repr_is(r, "'caught'", false));
    rc_decref(r);
    assert_null(ip->exc_info);
    assert_false(rp_err_occurred(ip));
    /* a handler that does not match: the exception goes on, with one
     * traceback entry, and sys.exc_info() is restored */
    set_global("E", &ip->exc.KeyError->ob);
    assert_null(call(f, 0));
    assert_int_equal(expect_exc(ip->exc.ZeroDivisionError, "division by zero"),
                     1);
    assert_null(ip->exc_info);
    /* a bad except clause */
    set_global("E", I64(1));
    assert_null(call(f, 0));
    rc_object *e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.TypeError);
    /* raised while handling the ZeroDivisionError: it is the context */
    rc_object *ctx = ((rp_exc *)e)->context;
    assert_non_null(ctx);
    assert_ptr_equal(rp_type_of(ctx), ip->exc.ZeroDivisionError);
    rc_decref(e);
}

static void test_raise_forms(void **state) {
    /* raise E from C; bare raise with nothing handled */
    rp_instr code[] = {I(RESUME, 0), I(LOAD_GLOBAL, 0), I(LOAD_GLOBAL, 2),
                       I(RAISE_VARARGS, 2)};
    const char *names[] = {"E", "C", NULL};
    codespec s = {.name = "f", CODE(code), .names = names};
    set_global("E", &ip->exc.ValueError->ob);
    set_global("C", &ip->exc.KeyError->ob);
    assert_null(call(mkfunc(&s), 0));
    rc_object *e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.ValueError);
    assert_ptr_equal(rp_type_of(((rp_exc *)e)->cause), ip->exc.KeyError);
    assert_true(((rp_exc *)e)->suppress_context);
    rc_decref(e);
    rp_instr code2[] = {I(RESUME, 0), I(RAISE_VARARGS, 0)};
    codespec s2 = {.name = "g", CODE(code2)};
    assert_null(call(mkfunc(&s2), 0));
    expect_exc(ip->exc.RuntimeError, "No active exception to reraise");
}

static void test_recursion_error(void **state) {
    /* def r(): return r() */
    rp_instr code[] = {I(RESUME, 0), I(LOAD_GLOBAL, 1), I(CALL, 0),
                       I(RETURN_VALUE, 0)};
    const char *names[] = {"r", NULL};
    codespec s = {.name = "r", CODE(code), .names = names};
    rc_object *r = mkfunc(&s);
    set_global("r", r);
    assert_null(call(r, 0));
    int tb =
        expect_exc(ip->exc.RecursionError, "maximum recursion depth exceeded");
    assert_int_equal(tb, 1000); /* a frame per unit of the limit */
    assert_int_equal(rc_recursion_depth(ip->rt), 0);
}

/* ====================================================================== */
/* Frames                                                                 */
/* ====================================================================== */

static rc_object *frame_weak;
static rc_object *getframe_fn(rp_interp *ipp, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    rc_object *fo = rp_frame_object(ipp, ipp->frame);
    rc_xdecref(frame_weak);
    frame_weak = fo ? rc_weakref_new(ipp->rt, fo, NULL, NULL) : NULL;
    return fo;
}
static const rp_methoddef getframe_def = {"getframe", getframe_fn, 0, NULL};

/* def f(): fr = getframe(); return None — the frame object takes the
 * finished frame over, holding itself through `fr`: a cycle. */
static void test_frame_object_cycle(void **state) {
    set_global("getframe", K(rp_builtin_new(ip, &getframe_def, NULL)));
    rp_instr code[] = {I(RESUME, 0),     I(LOAD_GLOBAL, 1), I(CALL, 0),
                       I(STORE_FAST, 0), I(LOAD_CONST, 0),  I(RETURN_VALUE, 0)};
    const char *names[] = {"getframe", NULL}, *l[] = {"fr", NULL};
    codespec s = {.name = "f",
                  CODE(code),
                  .names = names,
                  .locals = l,
                  .consts = tuple(1, ip->none)};
    rc_object *r = call(mkfunc(&s), 0);
    assert_ptr_equal(r, ip->none);
    rc_object *fo = rc_weakref_get(frame_weak);
    assert_non_null(fo);
    rp_frame *fr = rp_frameobj_frame(fo);
    assert_int_equal(fr->owner, RP_FRAME_OWNED_BY_FRAME_OBJECT);
    assert_ptr_equal(fr->localsplus[0], fo);
    assert_true(repr_is(fo, "<frame at 0x", true));
    rc_object *lineno = attr(fo, "f_lineno");
    assert_int_equal(as_i64(lineno), 6); /* RETURN_VALUE's line */
    rc_decref(lineno);
    rc_object *locals = attr(fo, "f_locals");
    assert_true(rc_is_dict(locals) && rc_dict_size(locals) == 1);
    rc_decref(locals);
    rc_decref(fo);
    assert_true(rc_gc_collect(ip->rt, 2) >= 1);
    assert_null(rc_weakref_get(frame_weak));
    rc_decref(frame_weak);
    frame_weak = NULL;
}

static void test_class_body_locals(void **state) {
    /* x = 21; y = x + 21 run with a namespace dict as locals */
    rp_instr code[] = {
        I(RESUME, 0),     I(LOAD_CONST, 0), I(STORE_NAME, 0),
        I(LOAD_NAME, 0),  I(LOAD_CONST, 0), I(BINARY_OP, RC_OP_ADD),
        I(STORE_NAME, 1), I(LOAD_CONST, 1), I(RETURN_VALUE, 0)};
    const char *names[] = {"x", "y", NULL};
    codespec s = {.name = "C",
                  CODE(code),
                  .names = names,
                  .consts = tuple(2, I64(21), ip->none)};
    rc_object *ns = K(rc_dict_new(ip->rt));
    rc_object *r = rp_eval_function_in_locals(ip, mkfunc(&s), ns);
    assert_ptr_equal(r, ip->none);
    rc_decref(r);
    assert_true(repr_is(ns, "{'x': 21, 'y': 42}", false));
}

/* ====================================================================== */
/* Functions and methods                                                  */
/* ====================================================================== */

static rc_object *make_class(const char *name, rc_object *bases,
                             const char *meth, rc_object *fn) {
    rc_object *ns = K(rc_dict_new(ip->rt));
    rc_dict_setitem(ns, N(meth), fn);
    rc_dict_setitem(ns, ip->s.module, ip->s.main);
    return K(rp_class_new(ip, N(name), bases, ns));
}

/* class A: def m(self, x): return x */
static rc_object *class_a(rc_object **m) {
    rp_instr code[] = {I(RESUME, 0), I(LOAD_FAST, 1), I(RETURN_VALUE, 0)};
    const char *l[] = {"self", "x", NULL};
    codespec s = {.name = "A.m", CODE(code), .locals = l, .argcount = 2};
    *m = mkfunc(&s);
    return make_class("A", tuple(0), "m", *m);
}

static void test_methods(void **state) {
    rc_object *m, *A = class_a(&m);
    set_global("A", A);
    /* A().m(5) through LOAD_METHOD */
    rp_instr code[] = {I(RESUME, 0), I(PUSH_NULL, 0),   I(LOAD_NAME, 0),
                       I(CALL, 0),   I(LOAD_METHOD, 1), I(LOAD_CONST, 0),
                       I(CALL, 1),   I(RETURN_VALUE, 0)};
    const char *names[] = {"A", "m", NULL};
    codespec s = {.name = "<module>",
                  CODE(code),
                  .names = names,
                  .consts = tuple(1, I64(5))};
    rc_object *r = run_module(&s);
    assert_int_equal(as_i64(r), 5);
    rc_decref(r);
    /* bound methods */
    rc_object *a = K(rp_call0(ip, A));
    rc_object *b1 = K(attr(a, "m")), *b2 = K(attr(a, "m"));
    assert_ptr_equal(b1->type, &rp_method_type);
    assert_ptr_not_equal(b1, b2);
    assert_true(
        repr_is(b1, "<bound method A.m of <__main__.A object at 0x", true));
    assert_true(repr_is(m, "<function A.m at 0x", true));
    assert_int_equal(rc_equal(b1, b2), 1);
    int64_t h1 = 0, h2 = 1;
    assert_int_equal(rc_hash(b1, &h1), 0);
    assert_int_equal(rc_hash(b2, &h2), 0);
    assert_true(h1 == h2);
    assert_ptr_equal(K(attr(b1, "__self__")), a);
    assert_ptr_equal(K(attr(b1, "__func__")), m);
    assert_true(repr_is(K(attr(b1, "__name__")), "'A.m'", false));
    assert_null(attr(b1, "nothing"));
    expect_exc(ip->exc.AttributeError,
               "'function' object has no attribute 'nothing'");
    assert_true(rp_setattr(ip, b1, N("y"), ip->none) < 0);
    expect_exc(ip->exc.AttributeError, "'method' object has no attribute 'y'");
    rc_object *seven = I64(7);
    r = rc_call(b1, &seven, 1, NULL);
    assert_int_equal(as_i64(r), 7);
    rc_decref(r);
}

/* An instance holding its own bound method is a cycle the collector
 * frees. */
static void test_bound_method_cycle(void **state) {
    rc_object *m, *A = class_a(&m);
    rc_object *a = rp_call0(ip, A);
    rc_object *bound = attr(a, "m");
    assert_int_equal(rp_setattr(ip, a, N("meth"), bound), 0);
    rc_decref(bound);
    rc_object *w = K(rc_weakref_new(ip->rt, a, NULL, NULL));
    rc_decref(a);
    rc_object *alive = rc_weakref_get(w);
    assert_non_null(alive);
    rc_decref(alive);
    assert_true(rc_gc_collect(ip->rt, 2) >= 2);
    assert_null(rc_weakref_get(w));
}

/* class B(A): def m(self, x): return super().m(x) + 1 */
static void test_zero_argument_super(void **state) {
    rc_object *m, *A = class_a(&m);
    rp_instr code[] = {
        I(RESUME, 0),      I(LOAD_GLOBAL, 1),       I(CALL, 0),
        I(LOAD_METHOD, 1), I(LOAD_FAST, 1),         I(CALL, 1),
        I(LOAD_CONST, 0),  I(BINARY_OP, RC_OP_ADD), I(RETURN_VALUE, 0)};
    const char *l[] = {"self", "x", "__class__", NULL};
    uint8_t k[] = {RP_FAST_LOCAL, RP_FAST_LOCAL, RP_FAST_FREE};
    const char *names[] = {"super", "m", NULL};
    codespec s = {.name = "B.m",
                  CODE(code),
                  .locals = l,
                  .kinds = k,
                  .argcount = 2,
                  .nfree = 1,
                  .names = names,
                  .consts = tuple(1, I64(1))};
    rc_object *bm = mkfunc(&s);
    rc_object *cell = K(rp_cell_new(ip, NULL));
    ((rp_function *)bm)->closure = tuple(1, cell);
    rc_incref(((rp_function *)bm)->closure);
    rc_object *B = make_class("B", tuple(1, A), "m", bm);
    rc_incref(B);
    ((rp_cell *)cell)->ref = B;
    set_global("super", &ip->cls.super_->ob);
    rc_object *b = K(rp_call0(ip, B));
    rc_object *r = rp_call1(ip, K(attr(b, "m")), I64(7));
    assert_int_equal(as_i64(r), 8);
    rc_decref(r);
    /* the accessor itself, outside any frame */
    rc_object *cls, *self;
    assert_true(rp_frame_super_args(ip, &cls, &self) < 0);
    expect_exc(ip->exc.RuntimeError, "super(): no current frame");
}

static void test_function_attributes(void **state) {
    rc_object *fn = K(rp_function_new(ip, sub_code(), globals, NULL));
    assert_true(repr_is(K(attr(fn, "__name__")), "'f'", false));
    assert_true(repr_is(K(attr(fn, "__qualname__")), "'f'", false));
    assert_true(repr_is(K(attr(fn, "__module__")), "'__main__'", false));
    assert_ptr_equal(K(attr(fn, "__defaults__")), ip->none);
    assert_ptr_equal(K(attr(fn, "__closure__")), ip->none);
    assert_ptr_equal(K(attr(fn, "__globals__")), globals);
    assert_true(repr_is(K(attr(fn, "__code__")), "<code object f at", true));
    assert_true(repr_is(K(attr(fn, "__annotations__")), "{}", false));
    assert_int_equal(rp_setattr(ip, fn, N("x"), ip->true_), 0);
    assert_ptr_equal(K(attr(fn, "x")), ip->true_);
    assert_true(repr_is(K(attr(fn, "__dict__")), "{'x': True}", false));
    assert_null(attr(fn, "nothing"));
    expect_exc(ip->exc.AttributeError,
               "'function' object has no attribute 'nothing'");
    assert_true(rp_setattr(ip, fn, N("__name__"), ip->none) < 0);
    expect_exc(ip->exc.TypeError, "__name__ must be set to a string object");
    assert_int_equal(rp_setattr(ip, fn, N("__name__"), S("g")), 0);
    assert_true(repr_is(K(attr(fn, "__name__")), "'g'", false));
    assert_true(rp_setattr(ip, fn, N("__defaults__"), I64(1)) < 0);
    expect_exc(ip->exc.TypeError, "__defaults__ must be set to a tuple object");
    rc_object *cell = K(rp_cell_new(ip, NULL));
    assert_true(repr_is(cell, "<cell at 0x", true));
    assert_null(attr(cell, "cell_contents"));
    expect_exc(ip->exc.ValueError, "Cell is empty");
}

/* ====================================================================== */
/* Generators                                                             */
/* ====================================================================== */

/* def gen(n): i = 0; while i < n: yield i; i += 1; return 'done' */
static rc_object *counter_gen(void) {
    rp_instr code[] = {I(RESUME, 0),
                       I(LOAD_CONST, 0),
                       I(STORE_FAST, 1),
                       I(LOAD_FAST, 1),
                       I(LOAD_FAST, 0),
                       I(COMPARE_OP, RC_LT),
                       I(POP_JUMP_IF_FALSE, 16),
                       I(LOAD_FAST, 1),
                       I(YIELD_VALUE, 0),
                       I(RESUME, 1),
                       I(POP_TOP, 0),
                       I(LOAD_FAST, 1),
                       I(LOAD_CONST, 1),
                       I(BINARY_OP, 16 + RC_OP_ADD),
                       I(STORE_FAST, 1),
                       I(JUMP_BACKWARD, 3),
                       I(LOAD_CONST, 2),
                       I(RETURN_VALUE, 0)};
    const char *l[] = {"n", "i", NULL};
    codespec s = {.name = "gen",
                  CODE(code),
                  .locals = l,
                  .argcount = 1,
                  .flags = RP_CO_GENERATOR,
                  .consts = tuple(3, I64(0), I64(1), S("done"))};
    return mkfunc(&s);
}

static void test_generator_protocol(void **state) {
    rc_object *fn = counter_gen();
    rc_object *g = K(call(fn, 1, I64(5)));
    assert_ptr_equal(g->type, &rp_gen_type);
    assert_true(repr_is(g, "<generator object gen at 0x", true));
    rc_object *l = K(rc_list_new(ip->rt));
    assert_int_equal(rc_list_extend(l, g), 0); /* list(gen) */
    assert_true(repr_is(l, "[0, 1, 2, 3, 4]", false));
    /* send, and the return value */
    rc_object *out = NULL;
    g = K(call(fn, 1, I64(2)));
    assert_true(rp_gen_send(ip, g, I64(2), &out) < 0);
    expect_exc(ip->exc.TypeError,
               "can't send non-None value to a just-started generator");
    assert_int_equal(rp_gen_send(ip, g, NULL, &out), 1);
    assert_int_equal(as_i64(K(out)), 0);
    assert_int_equal(rp_gen_send(ip, g, ip->none, &out), 1);
    assert_int_equal(as_i64(K(out)), 1);
    assert_int_equal(rp_gen_send(ip, g, ip->none, &out), 0);
    assert_true(repr_is(K(out), "'done'", false));
    assert_int_equal(rp_gen_send(ip, g, NULL, &out), 0);
    assert_ptr_equal(K(out), ip->none);
}

static void test_generator_attributes(void **state) {
    rc_object *g = K(call(counter_gen(), 1, I64(3)));
    rc_object *r = rp_call_method(ip, g, ip->s.send, &ip->none, 1);
    assert_int_equal(as_i64(K(r)), 0);
    assert_ptr_equal(K(attr(g, "gi_running")), ip->false_);
    assert_ptr_equal(K(attr(g, "gi_yieldfrom")), ip->none);
    assert_true(repr_is(K(attr(g, "gi_code")), "<code object gen", true));
    assert_true(repr_is(K(attr(g, "__qualname__")), "'gen'", false));
    rc_object *fr = K(attr(g, "gi_frame"));
    assert_true(repr_is(fr, "<frame at 0x", true));
    assert_int_equal(as_i64(K(attr(fr, "f_lineno"))), 9); /* the yield */
    assert_true(repr_is(K(attr(fr, "f_locals")), "{'n': 3, 'i': 0}", false));
    assert_ptr_equal(K(attr(fr, "f_back")), ip->none);
    /* throw: raised at the yield, the generator finishes */
    rc_object *argv[] = {&ip->exc.ValueError->ob};
    assert_null(rp_call_method(ip, g, ip->s.throw, argv, 1));
    assert_int_equal(expect_exc(ip->exc.ValueError, ""), 1);
    assert_ptr_equal(K(attr(g, "gi_frame")), ip->none);
    /* the frame object took the finished frame over */
    assert_true(repr_is(K(attr(fr, "f_code")), "<code object gen", true));
    r = rp_call_method(ip, g, ip->s.close, NULL, 0);
    assert_ptr_equal(K(r), ip->none);
}

/* def g(box): try: yield 1 finally: global done; done = True */
static rc_object *finally_gen(void) {
    rp_instr code[] = {I(RESUME, 0),
                       I(NOP, 0),
                       I(LOAD_CONST, 1),
                       I(YIELD_VALUE, 0),
                       I(RESUME, 1),
                       I(POP_TOP, 0),
                       I(LOAD_CONST, 2),
                       I(STORE_GLOBAL, 0),
                       I(LOAD_CONST, 0),
                       I(RETURN_VALUE, 0),
                       /* 10 */ I(PUSH_EXC_INFO, 0),
                       I(LOAD_CONST, 2),
                       I(STORE_GLOBAL, 0),
                       I(RERAISE, 0),
                       /* 14 */ I(COPY, 3),
                       I(POP_EXCEPT, 0),
                       I(RERAISE, 1)};
    static const rp_exc_entry h[] = {{2, 6, 10, 0, 0}, {10, 14, 14, 1, 1}};
    const char *names[] = {"done", NULL}, *l[] = {"box", NULL};
    codespec s = {.name = "g",
                  CODE(code),
                  .names = names,
                  .handlers = h,
                  .nhandlers = 2,
                  .flags = RP_CO_GENERATOR,
                  .locals = l,
                  .argcount = 1,
                  .consts = tuple(3, ip->none, I64(1), ip->true_)};
    return mkfunc(&s);
}

/* Did the generator's finally block run (since the last call)? */
static bool finally_ran(void) {
    rc_object *v = global("done");
    if (v)
        rc_dict_delitem(globals, N("done"));
    return v != NULL;
}

static void test_generator_close_and_finalize(void **state) {
    rc_object *fn = finally_gen(), *out;
    rc_object *g = call(fn, 1, ip->none);
    assert_int_equal(rp_gen_send(ip, g, NULL, &out), 1);
    rc_decref(out);
    rc_object *r = rp_call_method(ip, g, ip->s.close, NULL, 0);
    assert_ptr_equal(r, ip->none);
    assert_true(finally_ran());
    rc_decref(g);
    /* dying unfinished: closed by its finalizer */
    g = call(fn, 1, ip->none);
    assert_int_equal(rp_gen_send(ip, g, NULL, &out), 1);
    rc_decref(out);
    rc_decref(g);
    assert_true(finally_ran());
    /* in a cycle: closed before the collector frees it (PEP 442) */
    rc_object *box = rc_list_new(ip->rt);
    g = call(fn, 1, box);
    rc_list_append(box, g);
    rc_decref(box);
    assert_int_equal(rp_gen_send(ip, g, NULL, &out), 1);
    rc_decref(out);
    rc_object *w = K(rc_weakref_new(ip->rt, g, NULL, NULL));
    rc_decref(g);
    assert_false(finally_ran());
    assert_true(rc_gc_collect(ip->rt, 2) >= 2);
    assert_true(finally_ran());
    assert_null(rc_weakref_get(w));
}

static void test_yield_from(void **state) {
    set_global("g", finally_gen());
    /* def h(): x = yield from g(None); return x */
    rp_instr code[] = {
        I(RESUME, 0),        I(LOAD_GLOBAL, 1),         I(LOAD_CONST, 0),
        I(CALL, 1),          I(GET_YIELD_FROM_ITER, 0), I(LOAD_CONST, 0),
        I(SEND, 10),         I(YIELD_VALUE, 0),         I(RESUME, 2),
        I(JUMP_BACKWARD, 6), I(STORE_FAST, 0),          I(LOAD_FAST, 0),
        I(RETURN_VALUE, 0)};
    const char *names[] = {"g", NULL}, *l[] = {"x", NULL};
    codespec s = {.name = "h",
                  CODE(code),
                  .names = names,
                  .locals = l,
                  .flags = RP_CO_GENERATOR,
                  .consts = tuple(1, ip->none)};
    rc_object *h = mkfunc(&s), *out;
    rc_object *gen = K(call(h, 0));
    assert_int_equal(rp_gen_send(ip, gen, NULL, &out), 1);
    assert_int_equal(as_i64(K(out)), 1);
    assert_ptr_equal(rp_gen_yieldfrom((rp_gen *)gen)->type, &rp_gen_type);
    assert_int_equal(rp_gen_send(ip, gen, ip->none, &out), 0);
    assert_ptr_equal(K(out), ip->none);
    assert_true(finally_ran());
    /* closing the outer one closes the inner one */
    gen = call(h, 0);
    assert_int_equal(rp_gen_send(ip, gen, NULL, &out), 1);
    rc_decref(out);
    rc_decref(gen);
    assert_true(finally_ran());
}

static void test_generator_errors(void **state) {
    /* def g(): raise StopIteration; yield  — PEP 479 */
    rp_instr code[] = {I(RESUME, 0),        I(LOAD_GLOBAL, 0),
                       I(RAISE_VARARGS, 1), I(LOAD_CONST, 0),
                       I(YIELD_VALUE, 0),   I(RESUME, 1),
                       I(RETURN_VALUE, 0)};
    const char *names[] = {"StopIteration", NULL};
    codespec s = {.name = "g",
                  CODE(code),
                  .names = names,
                  .flags = RP_CO_GENERATOR,
                  .consts = tuple(1, ip->none)};
    set_global("StopIteration", &ip->exc.StopIteration->ob);
    rc_object *out, *gen = K(call(mkfunc(&s), 0));
    assert_true(rp_gen_send(ip, gen, NULL, &out) < 0);
    rc_object *e = rp_err_fetch(ip);
    assert_ptr_equal(rp_type_of(e), ip->exc.RuntimeError);
    assert_ptr_equal(rp_type_of(((rp_exc *)e)->cause), ip->exc.StopIteration);
    assert_true(((rp_exc *)e)->suppress_context);
    rc_decref(e);
    /* a generator that yields again when closed */
    rp_instr code2[] = {I(RESUME, 0),
                        I(NOP, 0),
                        I(LOAD_CONST, 1),
                        I(YIELD_VALUE, 0),
                        I(RESUME, 1),
                        I(POP_TOP, 0),
                        I(LOAD_CONST, 0),
                        I(RETURN_VALUE, 0),
                        /* 8 */ I(PUSH_EXC_INFO, 0),
                        I(POP_TOP, 0),
                        I(LOAD_CONST, 2),
                        I(YIELD_VALUE, 0),
                        I(RESUME, 1),
                        I(POP_TOP, 0),
                        I(POP_EXCEPT, 0),
                        I(LOAD_CONST, 0),
                        I(RETURN_VALUE, 0),
                        /* 17 */ I(COPY, 3),
                        I(POP_EXCEPT, 0),
                        I(RERAISE, 1)};
    static const rp_exc_entry h[] = {{2, 6, 8, 0, 0}, {8, 14, 17, 1, 1}};
    codespec s2 = {.name = "stubborn",
                   CODE(code2),
                   .handlers = h,
                   .nhandlers = 2,
                   .flags = RP_CO_GENERATOR,
                   .consts = tuple(3, ip->none, I64(1), I64(2))};
    gen = K(call(mkfunc(&s2), 0));
    assert_int_equal(rp_gen_send(ip, gen, NULL, &out), 1);
    rc_decref(out);
    assert_null(rp_call_method(ip, gen, ip->s.close, NULL, 0));
    expect_exc(ip->exc.RuntimeError, "generator ignored GeneratorExit");
    /* suspended inside the except block: its handled exception is its own */
    assert_ptr_equal(ip->exc_info, NULL);
    assert_non_null(((rp_gen *)gen)->exc_state);
    /* running: "generator already executing" */
    ((rp_gen *)gen)->state = RP_GEN_RUNNING;
    assert_true(rp_gen_send(ip, gen, NULL, &out) < 0);
    expect_exc(ip->exc.ValueError, "generator already executing");
    ((rp_gen *)gen)->state = RP_GEN_SUSPENDED;
    assert_int_equal(rp_gen_send(ip, gen, NULL, &out), 0);
    rc_decref(out);
}

/* ====================================================================== */
/* From source                                                            */
/* ====================================================================== */

/* Compiles and runs src in the test's globals; 0, or -1 with the
 * exception printed. */
static int run_src(const char *src) {
    rc_object *co = rp_compile(ip, src, strlen(src), N("<test>"), RP_MODE_EXEC);
    rc_object *r = co ? rp_eval_code(ip, co, globals, NULL) : NULL;
    rc_xdecref(co);
    if (!r) {
        rc_object *e = rp_err_fetch(ip);
        rc_object *s = e ? rc_str(e) : NULL;
        fprintf(stderr, "%s: %s\n", e ? rc_type_name(e) : "?",
                s ? rc_str_utf8(s) : "?");
        rc_xdecref(s);
        rc_xdecref(e);
        return -1;
    }
    rc_decref(r);
    return 0;
}

static void expect_global(const char *name, const char *repr) {
    rc_object *v = global(name);
    assert_non_null(v);
    assert_true(repr_is(v, repr, false));
}

static void test_source_functions(void **state) {
    int r = run_src("def f(a, b=2, *args, c, d=4, **kw):\n"
                    "    return (a, b, args, c, d, kw)\n"
                    "r1 = f(1, c=3)\n"
                    "r2 = f(1, 2, 3, 4, c=5, e=6)\n"
                    "r3 = f(*[1, 2], **{'c': 3, 'd': 5})\n"
                    "def counter():\n"
                    "    n = 0\n"
                    "    def inc():\n"
                    "        nonlocal n\n"
                    "        n += 1\n"
                    "        return n\n"
                    "    return inc\n"
                    "c = counter(); c(); r4 = c()\n"
                    "r5 = [x * x for x in range(5) if x % 2 == 0]\n");
    assert_int_equal(r, 0);
    expect_global("r1", "(1, 2, (), 3, 4, {})");
    expect_global("r2", "(1, 2, (3, 4), 5, 4, {'e': 6})");
    expect_global("r3", "(1, 2, (), 3, 5, {})");
    expect_global("r4", "2");
    expect_global("r5", "[0, 4, 16]");
}

static void test_source_exceptions(void **state) {
    int r = run_src("log = []\n"
                    "def f(x):\n"
                    "    try:\n"
                    "        if x: raise KeyError(x)\n"
                    "        return 'no'\n"
                    "    except KeyError as e:\n"
                    "        log.append(('caught', e.args))\n"
                    "        return 'yes'\n"
                    "    finally:\n"
                    "        log.append('finally')\n"
                    "r1 = (f(0), f(1))\n"
                    "def g():\n"
                    "    try:\n"
                    "        1 / 0\n"
                    "    except ZeroDivisionError:\n"
                    "        raise ValueError('v')\n"
                    "try:\n"
                    "    g()\n"
                    "except ValueError as e:\n"
                    "    r2 = type(e.__context__) is ZeroDivisionError\n"
                    "class M:\n"
                    "    def __enter__(self): log.append('enter'); return 5\n"
                    "    def __exit__(self, t, v, tb):\n"
                    "        log.append(t is KeyError); return True\n"
                    "with M() as v:\n"
                    "    raise KeyError\n"
                    "r3 = v\n");
    assert_int_equal(r, 0);
    expect_global("r1", "('no', 'yes')");
    expect_global("log",
                  "['finally', ('caught', (1,)), 'finally', 'enter', True]");
    expect_global("r2", "True");
    expect_global("r3", "5");
}

static void test_source_generators(void **state) {
    int r = run_src("def inner():\n"
                    "    yield 1\n"
                    "    yield 2\n"
                    "    return 'inner done'\n"
                    "def outer():\n"
                    "    x = yield from inner()\n"
                    "    yield x\n"
                    "r1 = list(outer())\n"
                    "def echo():\n"
                    "    got = []\n"
                    "    while True:\n"
                    "        v = yield len(got)\n"
                    "        if v is None: return got\n"
                    "        got.append(v)\n"
                    "e = echo(); next(e); e.send('a'); e.send('b')\n"
                    "try:\n"
                    "    e.send(None)\n"
                    "except StopIteration as s:\n"
                    "    r2 = s.value\n");
    assert_int_equal(r, 0);
    expect_global("r1", "[1, 2, 'inner done']");
    expect_global("r2", "['a', 'b']");
}

/* Class calls whose __init__ the loop runs in its own frame, and the
 * attribute fast paths for plain instances, against what the general
 * paths do (CPython's results). */
static void test_source_instances(void **state) {
    int r = run_src(
        "log = []\n"
        "class A:\n"
        "    def __init__(self, x, y=5):\n"
        "        self.x = x\n"
        "        self.y = y\n"
        "a = A(1); b = A(2, y=7); c = A(3, 4)\n"
        "r1 = (a.x, a.y, b.y, c.x, c.y)\n"
        "class B:\n"
        "    def __init__(self): return 3\n"
        "    def __del__(self): log.append('B freed')\n"
        "try:\n"
        "    B()\n"
        "except TypeError as e:\n"
        "    r2 = e.args[0]\n"
        "class C:\n"
        "    def __init__(self, n):\n"
        "        if n == 0: raise ValueError(n)\n"
        "        C(n - 1)\n"
        "    def __del__(self): log.append('C freed')\n"
        "try:\n"
        "    C(2)\n"
        "except ValueError:\n"
        "    pass\n"
        "class Bad:\n"
        "    def __init__(self, a): pass\n"
        "try:\n"
        "    Bad()\n"
        "except TypeError as e:\n"
        "    r3 = e.args[0]\n"
        "class P:\n"
        "    k = 10\n"
        "    def __init__(self): self._v = 1\n"
        "    @property\n"
        "    def v(self): return self._v * 10\n"
        "    @v.setter\n"
        "    def v(self, x): self._v = x\n"
        "p = P(); p.v = 4; r4 = (p.v, p._v, p.k); p.k = 3\n"
        "r5 = (p.k, P.k)\n"
        "class G:\n"
        "    def __getattr__(self, n): return 'got ' + n\n"
        "    def __setattr__(self, n, v): object.__setattr__(self, n, v * 2)\n"
        "g = G(); g.q = 2\n"
        "r6 = (g.q, g.zz)\n"
        "class N:\n"
        "    def __new__(cls, *a):\n"
        "        o = object.__new__(cls); o.made = True; return o\n"
        "    def __init__(self, z): self.z = z\n"
        "n = N(4); r7 = (n.made, n.z)\n"
        "class Gen:\n"
        "    def __init__(self): yield 1\n"
        "try:\n"
        "    Gen()\n"
        "except TypeError as e:\n"
        "    r8 = e.args[0]\n");
    assert_int_equal(r, 0);
    expect_global("r1", "(1, 5, 7, 3, 4)");
    expect_global("r2", "\"__init__() should return None, not 'int'\"");
    expect_global("log", "['B freed', 'C freed', 'C freed', 'C freed']");
    expect_global("r3",
                  "\"Bad.__init__() missing 1 required positional argument: "
                  "'a'\"");
    expect_global("r4", "(40, 4, 10)");
    expect_global("r5", "(3, 10)");
    expect_global("r6", "(4, 'got zz')");
    expect_global("r7", "(True, 4)");
    expect_global("r8", "\"__init__() should return None, not 'generator'\"");
}

/* Leftovers of the execution part: KeyError carries the key object,
 * function __annotations__ is a settable dict, locals() in a function is
 * one dict refreshed at each call, and gen.throw of a class whose __new__
 * returns no exception raises TypeError. */
static void test_source_leftovers(void **state) {
    int r = run_src(
        "try:\n"
        "    {}[('t', 1)]\n"
        "except KeyError as e:\n"
        "    r1 = e.args\n"
        "d = {1: 2}\n"
        "try:\n"
        "    del d[(3,)]\n"
        "except KeyError as e:\n"
        "    r1 += e.args\n"
        "def f(): pass\n"
        "a0 = f.__annotations__\n"
        "f.__annotations__ = {'x': 1}\n"
        "r2 = (a0, f.__annotations__, f.__annotations__ is f.__annotations__)\n"
        "f.__annotations__ = None\n"
        "r2 += (f.__annotations__,)\n"
        "try:\n"
        "    f.__annotations__ = 3\n"
        "except TypeError as e:\n"
        "    r2 += e.args\n"
        "def g(a):\n"
        "    b = 2\n"
        "    l1 = locals()\n"
        "    del b\n"
        "    c = 3\n"
        "    l2 = locals()\n"
        "    return l1 is l2, sorted(l2)\n"
        "r3 = g(1)\n"
        "class E(Exception):\n"
        "    def __new__(cls, *a): return cls\n"
        "def gen():\n"
        "    yield 1\n"
        "try:\n"
        "    gen().throw(E)\n"
        "except TypeError as e:\n"
        "    r4 = e.args[0]\n");
    assert_int_equal(r, 0);
    expect_global("r1", "(('t', 1), (3,))");
    expect_global("r2", "({}, {'x': 1}, True, {}, '__annotations__ must be "
                        "set to a dict object')");
    expect_global("r3", "(True, ['a', 'c', 'l1'])");
    expect_global("r4",
                  "\"calling <class '__main__.E'> should have returned an "
                  "instance of BaseException, not type\"");
}

int main(void) {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_arithmetic),
        T(test_loop),
        T(test_calls),
        T(test_argument_errors),
        T(test_argument_refcounts),
        T(test_closures),
        T(test_unbound_local),
        T(test_unpack_and_fstring),
        T(test_exception_table),
        T(test_raise_forms),
        T(test_recursion_error),
        T(test_frame_object_cycle),
        T(test_class_body_locals),
        T(test_methods),
        T(test_bound_method_cycle),
        T(test_zero_argument_super),
        T(test_function_attributes),
        T(test_generator_protocol),
        T(test_generator_attributes),
        T(test_generator_close_and_finalize),
        T(test_yield_from),
        T(test_generator_errors),
        T(test_source_functions),
        T(test_source_exceptions),
        T(test_source_generators),
        T(test_source_instances),
        T(test_source_leftovers),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
