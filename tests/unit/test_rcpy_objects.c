/*
 * test_rcpy_objects.c — rcpy's object model from C: classes made with
 * type(name, bases, ns) whose methods are C functions (rp_methoddef), and
 * what the library and the interpreter do with their instances: dict and
 * set keys through __eq__/__hash__, list.sort through __lt__, repr of a
 * list through __repr__, C3 MROs, property, classmethod, staticmethod,
 * super, __slots__, attribute tables and __dict__, gc.get_count, __del__
 * (by reference counting, in a collected cycle, resurrection), the gc
 * debug line naming the class, a class freed after its last instance,
 * operators with reflection, CPython 3.11's error messages.
 *
 * One interpreter per test; each test ends with rc_heap_check clean, and
 * LeakSanitizer (asan preset) checks that freeing the interpreter frees
 * everything.
 */
#define _POSIX_C_SOURCE 200809L
#include "rcpy.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* ====================================================================== */
/* Fixture and helpers                                                    */
/* ====================================================================== */

/* The names the current test has used (N), kept alive until teardown:
 * interned strs die with their last reference. Tests run one at a time. */
static rc_object *test_names;

static int setup(void **state) {
    static char *argv[] = {"prog.py"};
    rp_config cfg = {.argc = 1, .argv = argv, .path0 = ""};
    rp_interp *ip = rp_interp_new(&cfg);
    *state = ip;
    test_names = ip ? rc_list_new(ip->rt) : NULL;
    return test_names ? 0 : -1;
}

static int teardown(void **state) {
    rp_interp *ip = *state;
    rp_err_clear(ip);
    rc_decref(test_names);
    test_names = NULL;
    int check = rc_heap_check(ip->rt);
    if (check != 0)
        fprintf(stderr, "heap check: %s\n", rc_last_error_message(ip->rt));
    rp_interp_free(ip);
    return check == 0 ? 0 : -1;
}

/* An interned name, borrowed: alive until the test ends. */
static rc_object *N(rp_interp *ip, const char *s) {
    rc_object *n = rc_str_intern(ip->rt, s);
    assert_non_null(n);
    assert_int_equal(rc_list_append(test_names, n), 0);
    rc_decref(n);
    return n;
}

static rc_object *I(rp_interp *ip, int64_t v) {
    rc_object *o = rc_int_from_i64(ip->rt, v);
    assert_non_null(o);
    return o;
}

/* The pending exception is an instance of cls whose str is msg. */
static void expect_error(rp_interp *ip, rp_class *cls, const char *msg) {
    assert_true(rp_err_occurred(ip));
    assert_true(rp_err_matches(ip, cls));
    rc_object *exc = rp_err_fetch(ip);
    assert_non_null(exc);
    rc_object *s = rc_str(exc);
    assert_non_null(s);
    if (strcmp(rc_str_utf8(s), msg) != 0)
        fprintf(stderr, "got: %s\nwant: %s\n", rc_str_utf8(s), msg);
    assert_string_equal(rc_str_utf8(s), msg);
    rc_decref(s);
    rc_decref(exc);
}

static void expect_str(rc_object *o, const char *want) {
    assert_non_null(o);
    assert_true(rc_is_str(o));
    if (strcmp(rc_str_utf8(o), want) != 0)
        fprintf(stderr, "got: %s\nwant: %s\n", rc_str_utf8(o), want);
    assert_string_equal(rc_str_utf8(o), want);
    rc_decref(o);
}

/* type(name, bases, ns) with ns {"__module__": "__main__"} plus the
 * (name, object) pairs in extra (stolen), then the C methods defs. */
static rp_class *make_class(rp_interp *ip, const char *name, rc_object *bases,
                            const rp_methoddef *defs, ...) {
    rc_object *ns = rc_dict_new(ip->rt);
    rc_object *mod = rc_str_from_cstr(ip->rt, "__main__");
    assert_int_equal(rc_dict_setitem(ns, ip->s.module, mod), 0);
    rc_decref(mod);
    va_list ap;
    va_start(ap, defs);
    for (const char *k; (k = va_arg(ap, const char *));) {
        rc_object *v = va_arg(ap, rc_object *);
        assert_non_null(v);
        assert_int_equal(rc_dict_setitem(ns, N(ip, k), v), 0);
        rc_decref(v);
    }
    va_end(ap);
    rc_object *n = rc_str_from_cstr(ip->rt, name);
    rc_object *b = bases ? bases : rc_tuple_new(ip->rt, 0);
    rc_object *cls = rp_class_new(ip, n, b, ns);
    rc_decref(n);
    rc_decref(b);
    rc_decref(ns);
    if (!cls)
        return NULL;
    if (defs)
        assert_int_equal(rp_class_add_methods(ip, (rp_class *)cls, defs), 0);
    return (rp_class *)cls;
}

static rc_object *bases1(rp_interp *ip, rp_class *a) {
    return rc_tuple_pack(ip->rt, 1, &a->ob);
}

static rc_object *bases2(rp_interp *ip, rp_class *a, rp_class *b) {
    return rc_tuple_pack(ip->rt, 2, &a->ob, &b->ob);
}

static rc_object *call(rp_interp *ip, rp_class *cls, size_t n, ...) {
    rc_object *args[4];
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        args[i] = va_arg(ap, rc_object *);
    va_end(ap);
    return rp_call(ip, &cls->ob, args, n, NULL);
}

static rc_object *getattr(rp_interp *ip, rc_object *o, const char *name) {
    return rp_getattr(ip, o, N(ip, name));
}

static int setattr(rp_interp *ip, rc_object *o, const char *name,
                   rc_object *v) {
    return rp_setattr(ip, o, N(ip, name), v);
}

static rc_object *ref(rc_object *o) {
    rc_incref(o);
    return o;
}

static int64_t int_of(rc_object *o) {
    int64_t v = -999;
    assert_non_null(o);
    assert_int_equal(rc_int_to_i64(o, &v), 0);
    rc_decref(o);
    return v;
}

static size_t gc_count0(rp_interp *ip) {
    size_t c[3];
    rc_gc_get_count(ip->rt, c);
    return c[0];
}

/* ====================================================================== */
/* C methods for the test classes                                         */
/* ====================================================================== */

/* __init__(self, v): self.v = v */
static rc_object *m_init(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    if (rp_check_args(ip, "__init__", nargs, kwnames, 1, 1) < 0 ||
        rp_setattr(ip, self, N(ip, "v"), args[0]) < 0)
        return NULL;
    return ref(ip->none);
}

static rc_object *value_of(rp_interp *ip, rc_object *o) {
    return rp_getattr(ip, o, N(ip, "v"));
}

/* Counts calls in the class attribute `calls` (an int). */
static void count_call(rp_interp *ip, rc_object *self, const char *what) {
    rc_object *cls = &rp_type_of(self)->ob;
    rc_object *key = N(ip, what);
    rc_object *old = NULL;
    int64_t n = 0;
    if (rp_getattr_opt(ip, cls, key, &old) > 0)
        n = int_of(old);
    rc_object *v = rc_int_from_i64(ip->rt, n + 1);
    rp_setattr(ip, cls, key, v);
    rc_decref(v);
}

static rc_object *m_eq(rp_interp *ip, rc_object *self, rc_object *const *args,
                       size_t nargs, rc_object *kwnames) {
    count_call(ip, self, "eq_calls");
    if (rp_type_of(args[0]) != rp_type_of(self))
        return rc_notimplemented(ip->rt);
    rc_object *a = value_of(ip, self), *b = value_of(ip, args[0]);
    rc_object *r = a && b ? rc_richcompare(a, b, RC_EQ) : NULL;
    rc_xdecref(a);
    rc_xdecref(b);
    return r;
}

static rc_object *m_hash(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    rc_object *v = value_of(ip, self);
    int64_t h;
    int r = v ? rc_hash(v, &h) : -1;
    rc_xdecref(v);
    return r < 0 ? NULL : rc_int_from_i64(ip->rt, h);
}

static rc_object *m_lt(rp_interp *ip, rc_object *self, rc_object *const *args,
                       size_t nargs, rc_object *kwnames) {
    rc_object *a = value_of(ip, self), *b = value_of(ip, args[0]);
    rc_object *r = a && b ? rc_richcompare(a, b, RC_LT) : NULL;
    rc_xdecref(a);
    rc_xdecref(b);
    return r;
}

static rc_object *m_repr(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    rc_object *v = value_of(ip, self);
    rc_object *s = v ? rc_repr(v) : NULL;
    rc_object *r =
        s ? rc_str_from_format(ip->rt, "P(%s)", rc_str_utf8(s)) : NULL;
    rc_xdecref(v);
    rc_xdecref(s);
    return r;
}

static const rp_methoddef point_methods[] = {
    {"__init__", m_init, 0, NULL}, {"__eq__", m_eq, 0, NULL},
    {"__hash__", m_hash, 0, NULL}, {"__lt__", m_lt, 0, NULL},
    {"__repr__", m_repr, 0, NULL}, {NULL},
};

/* ====================================================================== */
/* Instances: attribute tables, __dict__, gc.get_count                    */
/* ====================================================================== */

static void test_instance_attributes(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "A", NULL, NULL, NULL);
    assert_non_null(A);
    rc_object *a = call(ip, A, 0);
    assert_non_null(a);
    assert_int_equal(setattr(ip, a, "x", I(ip, 1)), 0);
    assert_int_equal(setattr(ip, a, "y", I(ip, 2)), 0);
    assert_int_equal(setattr(ip, a, "x", I(ip, 3)), 0);
    assert_int_equal(int_of(getattr(ip, a, "x")), 3);
    assert_int_equal(int_of(getattr(ip, a, "y")), 2);
    assert_null(getattr(ip, a, "z"));
    expect_error(ip, ip->exc.AttributeError, "'A' object has no attribute 'z'");
    assert_int_equal(rp_setattr(ip, a, N(ip, "y"), NULL), 0);
    assert_true(rp_setattr(ip, a, N(ip, "y"), NULL) < 0);
    expect_error(ip, ip->exc.AttributeError, "'A' object has no attribute 'y'");

    /* __dict__ takes the attributes over and stays the storage */
    rc_object *d = getattr(ip, a, "__dict__");
    assert_non_null(d);
    assert_true(rc_is_dict(d));
    assert_int_equal(rc_dict_size(d), 1);
    assert_int_equal(int_of(ref(rc_dict_getitem(d, N(ip, "x")))), 3);
    assert_int_equal(rc_dict_setitem(d, N(ip, "w"), I(ip, 7)), 0);
    assert_int_equal(int_of(getattr(ip, a, "w")), 7);
    assert_int_equal(setattr(ip, a, "q", I(ip, 8)), 0);
    assert_int_equal(rc_dict_size(d), 3);
    rc_decref(d);
    expect_str(rc_repr(&A->ob), "<class '__main__.A'>");
    rc_decref(a);
    rc_decref(&A->ob);
}

static void test_gc_count_moves_by_one(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "ClassA", NULL, NULL, NULL);
    rc_gc_collect(ip->rt, 2);
    size_t before = gc_count0(ip);
    rc_object *a = call(ip, A, 0);
    assert_int_equal(gc_count0(ip), before + 1);
    assert_int_equal(setattr(ip, a, "x", I(ip, 10)), 0);
    rc_object *s = rc_str_from_cstr(ip->rt, "n");
    assert_int_equal(setattr(ip, a, "name", s), 0);
    rc_decref(s);
    assert_int_equal(gc_count0(ip), before + 1);
    rc_decref(a);
    assert_int_equal(gc_count0(ip), before);
    rc_decref(&A->ob);
}

/* ====================================================================== */
/* The library calls the dunders                                          */
/* ====================================================================== */

static void test_dict_and_set_keys_use_dunders(void **state) {
    rp_interp *ip = *state;
    rp_class *P = make_class(ip, "P", NULL, point_methods, NULL);
    rc_object *p1 = call(ip, P, 1, I(ip, 5)), *p2 = call(ip, P, 1, I(ip, 5));
    rc_object *p3 = call(ip, P, 1, I(ip, 6));
    assert_non_null(p1);
    assert_non_null(p3);
    rc_object *d = rc_dict_new(ip->rt);
    assert_int_equal(rc_dict_setitem(d, p1, I(ip, 1)), 0);
    assert_int_equal(rc_dict_setitem(d, p2, I(ip, 2)), 0);
    assert_int_equal(rc_dict_setitem(d, p3, I(ip, 3)), 0);
    assert_int_equal(rc_dict_size(d), 2);
    assert_int_equal(int_of(ref(rc_dict_getitem(d, p1))), 2);
    assert_true(int_of(getattr(ip, &P->ob, "eq_calls")) >= 1);
    rc_object *s = rc_set_new(ip->rt, NULL);
    assert_int_equal(rc_set_add(s, p1), 0);
    assert_int_equal(rc_set_add(s, p2), 0);
    assert_int_equal(rc_set_size(s), 1);
    assert_int_equal(rc_set_contains(s, p2), 1);
    assert_int_equal(rc_set_contains(s, p3), 0);
    rc_object *objs[] = {s, d, p1, p2, p3, &P->ob};
    for (size_t i = 0; i < 6; i++)
        rc_decref(objs[i]);
}

static void test_sort_and_repr_use_dunders(void **state) {
    rp_interp *ip = *state;
    rp_class *P = make_class(ip, "P", NULL, point_methods, NULL);
    rc_object *l = rc_list_new(ip->rt);
    int64_t vals[] = {3, 1, 2};
    for (size_t i = 0; i < 3; i++) {
        rc_object *p = call(ip, P, 1, I(ip, vals[i]));
        assert_int_equal(rc_list_append(l, p), 0);
        rc_decref(p);
    }
    assert_int_equal(rc_list_sort(l, NULL, NULL, false), 0);
    expect_str(rc_repr(l), "[P(1), P(2), P(3)]");
    rc_decref(l);
    rc_decref(&P->ob);
}

/* ====================================================================== */
/* MRO                                                                    */
/* ====================================================================== */

static void expect_mro(rp_interp *ip, rp_class *c, const char *want) {
    char got[256] = "";
    for (size_t i = 0; i < rc_tuple_size(c->mro); i++) {
        rp_class *k = (rp_class *)rc_tuple_get(c->mro, i);
        strcat(got, i ? " " : "");
        strcat(got, rc_str_utf8(k->name));
    }
    assert_string_equal(got, want);
}

static void test_mro_diamond_and_conflict(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "A", NULL, NULL, NULL);
    rp_class *B = make_class(ip, "B", bases1(ip, A), NULL, NULL);
    rp_class *C = make_class(ip, "C", bases1(ip, A), NULL, NULL);
    rp_class *D = make_class(ip, "D", bases2(ip, B, C), NULL, NULL);
    assert_non_null(D);
    expect_mro(ip, D, "D B C A object");
    assert_true(rp_is_subclass(D, A));
    assert_false(rp_is_subclass(A, D));
    assert_null(make_class(ip, "X", bases2(ip, A, B), NULL, NULL));
    expect_error(ip, ip->exc.TypeError,
                 "Cannot create a consistent method resolution\norder (MRO) "
                 "for bases A, B");
    assert_null(make_class(ip, "Y", bases2(ip, A, A), NULL, NULL));
    expect_error(ip, ip->exc.TypeError, "duplicate base class A");
    rc_object *mro = rp_call_method(ip, &D->ob, N(ip, "mro"), NULL, 0);
    assert_non_null(mro);
    assert_true(rc_is_list(mro));
    assert_int_equal(rc_list_size(mro), 5);
    rc_decref(mro);
    rc_object *cs[] = {&D->ob, &C->ob, &B->ob, &A->ob};
    for (size_t i = 0; i < 4; i++)
        rc_decref(cs[i]);
}

/* ====================================================================== */
/* Descriptors: property, classmethod, staticmethod, super                */
/* ====================================================================== */

/* fget(obj): obj.v * 10 */
static rc_object *f_get(rp_interp *ip, rc_object *self, rc_object *const *args,
                        size_t nargs, rc_object *kwnames) {
    rc_object *v = value_of(ip, args[0]);
    rc_object *ten = rc_int_from_i64(ip->rt, 10);
    rc_object *r = v ? rc_number_multiply(v, ten) : NULL;
    rc_xdecref(v);
    rc_decref(ten);
    return r;
}

/* classmethod / staticmethod bodies: say what they were given */
static rc_object *f_which(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    if (nargs == 0)
        return rc_str_from_cstr(ip->rt, "no args");
    rc_object *r = rc_repr(args[0]);
    rc_object *s =
        r ? rc_str_from_format(ip->rt, "%zu: %s", nargs, rc_str_utf8(r)) : NULL;
    rc_xdecref(r);
    return s;
}

static const rp_methoddef fget_def = {"x_getter", f_get, 0, NULL};
static const rp_methoddef which_def = {"which", f_which, 0, NULL};

static rc_object *wrap_in(rp_interp *ip, rp_class *kind,
                          const rp_methoddef *def) {
    rc_object *f = rp_builtin_new(ip, def, NULL);
    rc_object *w = rp_call1(ip, &kind->ob, f);
    rc_decref(f);
    return w;
}

static void test_property(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "A", NULL, point_methods, "x",
                             wrap_in(ip, ip->cls.property, &fget_def), NULL);
    rc_object *a = call(ip, A, 1, I(ip, 4));
    assert_int_equal(int_of(getattr(ip, a, "x")), 40);
    assert_true(setattr(ip, a, "x", I(ip, 1)) < 0);
    expect_error(ip, ip->exc.AttributeError,
                 "property 'x' of 'A' object has no setter");
    assert_true(rp_setattr(ip, a, N(ip, "x"), NULL) < 0);
    expect_error(ip, ip->exc.AttributeError,
                 "property 'x' of 'A' object has no deleter");
    rc_object *p = getattr(ip, &A->ob, "x"); /* the property itself */
    assert_ptr_equal(rp_type_of(p), ip->cls.property);
    rc_decref(p);
    rc_decref(a);
    rc_decref(&A->ob);
}

/* abc subclasses property, staticmethod and classmethod. */
static void test_descriptor_subclasses(void **state) {
    rp_interp *ip = *state;
    rp_class *MyProp =
        make_class(ip, "MyProp", bases1(ip, ip->cls.property), NULL, NULL);
    assert_non_null(MyProp);
    rp_class *A = make_class(ip, "A", NULL, point_methods, "x",
                             wrap_in(ip, MyProp, &fget_def), NULL);
    rc_object *a = call(ip, A, 1, I(ip, 4));
    assert_int_equal(int_of(getattr(ip, a, "x")), 40);
    rc_object *p = getattr(ip, &A->ob, "x");
    assert_ptr_equal(rp_type_of(p), MyProp);
    rc_object *f = rp_builtin_new(ip, &fget_def, NULL);
    rc_object *q = rp_call_method(ip, p, N(ip, "setter"), &f, 1);
    assert_non_null(q);
    assert_ptr_equal(rp_type_of(q), MyProp); /* copies keep the class */
    assert_true(setattr(ip, p, "tag", I(ip, 1)) < 0); /* no __dict__ */
    rp_err_clear(ip);
    rp_class *S =
        make_class(ip, "Abs", bases1(ip, ip->cls.staticmethod), NULL, NULL);
    rc_object *s = wrap_in(ip, S, &which_def);
    expect_str(rc_repr(s), "<staticmethod(<built-in function which>)>");
    expect_str(rp_call(ip, s, NULL, 0, NULL), "no args");
    rc_object *objs[] = {s, &S->ob, q, f, p, a, &A->ob, &MyProp->ob};
    for (size_t i = 0; i < 8; i++)
        rc_decref(objs[i]);
}

static void test_classmethod_and_staticmethod(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(
        ip, "A", NULL, NULL, "c", wrap_in(ip, ip->cls.classmethod, &which_def),
        "s", wrap_in(ip, ip->cls.staticmethod, &which_def), NULL);
    rp_class *B = make_class(ip, "B", bases1(ip, A), NULL, NULL);
    rc_object *b = call(ip, B, 0);
    expect_str(rp_call_method(ip, &A->ob, N(ip, "c"), NULL, 0),
               "1: <class '__main__.A'>");
    expect_str(rp_call_method(ip, b, N(ip, "c"), NULL, 0),
               "1: <class '__main__.B'>");
    expect_str(rp_call_method(ip, b, N(ip, "s"), NULL, 0), "no args");
    expect_str(rp_call_method(ip, &B->ob, N(ip, "s"), NULL, 0), "no args");
    rc_decref(b);
    rc_decref(&B->ob);
    rc_decref(&A->ob);
}

/* A.f(self) -> "A"; B.f(self) -> "B" + super(B, self).f() */
static rc_object *a_f(rp_interp *ip, rc_object *self, rc_object *const *args,
                      size_t nargs, rc_object *kwnames) {
    return rc_str_from_cstr(ip->rt, "A");
}

static rc_object *b_f(rp_interp *ip, rc_object *self, rc_object *const *args,
                      size_t nargs, rc_object *kwnames) {
    rc_object *B = getattr(ip, self, "B_class");
    rc_object *sup = B ? rp_call2(ip, &ip->cls.super_->ob, B, self) : NULL;
    rc_object *r = sup ? rp_call_method(ip, sup, N(ip, "f"), NULL, 0) : NULL;
    rc_object *out =
        r ? rc_str_from_format(ip->rt, "B%s", rc_str_utf8(r)) : NULL;
    rc_xdecref(B);
    rc_xdecref(sup);
    rc_xdecref(r);
    return out;
}

static const rp_methoddef a_methods[] = {{"f", a_f, 0, NULL}, {NULL}};
static const rp_methoddef b_methods[] = {{"f", b_f, 0, NULL}, {NULL}};

static void test_super(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "A", NULL, a_methods, NULL);
    rp_class *B = make_class(ip, "B", bases1(ip, A), b_methods, NULL);
    assert_int_equal(setattr(ip, &B->ob, "B_class", &B->ob), 0);
    rc_decref(&B->ob); /* the class holds itself now, as classes do */
    rc_object *b = call(ip, B, 0);
    expect_str(rp_call_method(ip, b, N(ip, "f"), NULL, 0), "BA");
    rc_object *sup = rp_call2(ip, &ip->cls.super_->ob, &B->ob, b);
    expect_str(rc_repr(sup), "<super: <class 'B'>, <B object>>");
    rc_decref(sup);
    rc_object *i = I(ip, 1);
    assert_null(rp_call2(ip, &ip->cls.super_->ob, &B->ob, i));
    expect_error(ip, ip->exc.TypeError,
                 "super(type, obj): obj must be an instance or subtype of "
                 "type");
    rc_decref(b);
    rc_decref(&A->ob);
    rc_gc_collect(ip->rt, 2);
}

/* ====================================================================== */
/* __slots__                                                              */
/* ====================================================================== */

static void test_slots(void **state) {
    rp_interp *ip = *state;
    rc_object *slots = rc_tuple_pack(ip->rt, 2, N(ip, "y"), N(ip, "x"));
    rp_class *S = make_class(ip, "S", NULL, NULL, "__slots__", slots, NULL);
    assert_non_null(S);
    assert_int_equal(S->nslots, 2);
    assert_int_equal(S->type_storage.basicsize,
                     sizeof(rp_inst) + 2 * sizeof(rc_object *));
    rc_object *s = call(ip, S, 0);
    assert_int_equal(setattr(ip, s, "x", I(ip, 1)), 0);
    assert_int_equal(int_of(getattr(ip, s, "x")), 1);
    assert_null(getattr(ip, s, "y"));
    expect_error(ip, ip->exc.AttributeError, "'S' object has no attribute 'y'");
    assert_true(setattr(ip, s, "z", I(ip, 1)) < 0);
    expect_error(ip, ip->exc.AttributeError, "'S' object has no attribute 'z'");
    assert_null(getattr(ip, s, "__dict__"));
    rp_err_clear(ip);
    expect_str(rc_repr(rc_dict_getitem(S->dict, N(ip, "x"))),
               "<member 'x' of 'S' objects>");
    /* a slot closing a cycle is traversed: the collector frees it */
    assert_int_equal(setattr(ip, s, "y", s), 0);
    rc_object *w = rc_weakref_new(ip->rt, s, NULL, NULL);
    rc_decref(s);
    assert_true(rc_gc_collect(ip->rt, 2) >= 1);
    assert_null(rc_weakref_get(w));
    rc_decref(w);
    /* a subclass without __slots__ gets a __dict__ */
    rp_class *T = make_class(ip, "T", bases1(ip, S), NULL, NULL);
    rc_object *t = call(ip, T, 0);
    assert_int_equal(setattr(ip, t, "z", I(ip, 5)), 0);
    assert_int_equal(setattr(ip, t, "x", I(ip, 6)), 0);
    assert_int_equal(int_of(getattr(ip, t, "z")), 5);
    rc_decref(t);
    rc_decref(&T->ob);
    /* slots in two unrelated bases cannot be combined */
    slots = rc_tuple_pack(ip->rt, 1, N(ip, "q"));
    rp_class *U = make_class(ip, "U", NULL, NULL, "__slots__", slots, NULL);
    assert_null(make_class(ip, "V", bases2(ip, S, U), NULL, NULL));
    expect_error(ip, ip->exc.TypeError,
                 "multiple bases have instance lay-out conflict");
    slots = rc_tuple_pack(ip->rt, 1, N(ip, "a"));
    assert_null(make_class(ip, "W", NULL, NULL, "__slots__", slots, "a",
                           I(ip, 1), NULL));
    expect_error(ip, ip->exc.ValueError,
                 "'a' in __slots__ conflicts with class variable");
    rc_decref(&U->ob);
    rc_decref(&S->ob);
}

/* ====================================================================== */
/* __del__                                                                */
/* ====================================================================== */

/* __del__: counts its calls; with a class attribute `keep` (a list),
 * resurrects self into it. */
static rc_object *m_del(rp_interp *ip, rc_object *self, rc_object *const *args,
                        size_t nargs, rc_object *kwnames) {
    count_call(ip, self, "del_calls");
    rc_object *keep = NULL;
    if (rp_getattr_opt(ip, self, N(ip, "keep"), &keep) > 0) {
        rc_list_append(keep, self);
        rc_decref(keep);
    }
    return ref(ip->none);
}

static const rp_methoddef del_methods[] = {{"__del__", m_del, 0, NULL}, {NULL}};

static int64_t del_calls(rp_interp *ip, rp_class *c) {
    rc_object *v = NULL;
    return rp_getattr_opt(ip, &c->ob, N(ip, "del_calls"), &v) > 0 ? int_of(v)
                                                                  : 0;
}

static void test_del_by_refcount_and_in_cycle(void **state) {
    rp_interp *ip = *state;
    rp_class *D = make_class(ip, "D", NULL, del_methods, NULL);
    assert_true(D->flags & RP_CLS_HAS_DEL);
    assert_non_null(D->type_storage.finalize);
    rc_object *d = call(ip, D, 0);
    rc_decref(d);
    assert_int_equal(del_calls(ip, D), 1);
    /* a cycle: only the collector finds it, and runs __del__ once */
    d = call(ip, D, 0);
    assert_int_equal(setattr(ip, d, "me", d), 0);
    rc_decref(d);
    assert_int_equal(del_calls(ip, D), 1);
    assert_true(rc_gc_collect(ip->rt, 2) >= 1);
    assert_int_equal(del_calls(ip, D), 2);
    rc_decref(&D->ob);
}

static void test_del_resurrects_once(void **state) {
    rp_interp *ip = *state;
    rp_class *D = make_class(ip, "D", NULL, del_methods, "keep",
                             rc_list_new(ip->rt), NULL);
    rc_object *d = call(ip, D, 0);
    assert_int_equal(setattr(ip, d, "me", d), 0);
    rc_decref(d);
    rc_gc_collect(ip->rt, 2);
    assert_int_equal(del_calls(ip, D), 1);
    rc_object *keep = getattr(ip, &D->ob, "keep");
    assert_int_equal(rc_list_size(keep), 1); /* alive again */
    d = rc_list_get(keep, 0);
    assert_true(rc_gc_is_finalized(d));
    assert_int_equal(rc_list_clear(keep), 0);
    rc_gc_collect(ip->rt, 2);
    assert_int_equal(del_calls(ip, D), 1); /* PEP 442: not twice */
    rc_decref(keep);
    rc_decref(&D->ob);
}

static void test_del_added_later(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "A", NULL, NULL, NULL);
    assert_null(A->type_storage.finalize);
    assert_int_equal(rp_class_add_methods(ip, A, del_methods), 0);
    assert_non_null(A->type_storage.finalize);
    rc_object *a = call(ip, A, 0);
    rc_decref(a);
    assert_int_equal(del_calls(ip, A), 1);
    assert_int_equal(rp_setattr(ip, &A->ob, N(ip, "__del__"), NULL), 0);
    assert_null(A->type_storage.finalize);
    rc_decref(&A->ob);
}

/* __getattr__(self, name): "<name>!" */
static rc_object *m_getattr(rp_interp *ip, rc_object *self,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    return rc_str_from_format(ip->rt, "%s!", rc_str_utf8(args[0]));
}

static const rp_methoddef getattr_methods[] = {
    {"__getattr__", m_getattr, 0, NULL}, {NULL}};

/* A hook added to a class after a subclass and an instance exist, and
 * taken away again: lookups see it (the classes' cached state follows). */
static void test_getattr_hook_added_later(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "A", NULL, NULL, NULL);
    rp_class *B = make_class(ip, "B", bases1(ip, A), NULL, NULL);
    rc_object *b = call(ip, B, 0);
    assert_null(getattr(ip, b, "zz"));
    expect_error(ip, ip->exc.AttributeError,
                 "'B' object has no attribute 'zz'");
    assert_int_equal(rp_class_add_methods(ip, A, getattr_methods), 0);
    expect_str(getattr(ip, b, "zz"), "zz!");
    assert_int_equal(setattr(ip, b, "zz", I(ip, 1)), 0);
    assert_int_equal(int_of(getattr(ip, b, "zz")), 1); /* found first */
    assert_int_equal(rp_setattr(ip, &A->ob, N(ip, "__getattr__"), NULL), 0);
    assert_null(getattr(ip, b, "yy"));
    expect_error(ip, ip->exc.AttributeError,
                 "'B' object has no attribute 'yy'");
    rc_decref(b);
    rc_decref(&B->ob);
    rc_decref(&A->ob);
}

/* ====================================================================== */
/* The collector's view: debug line, class lifetime                       */
/* ====================================================================== */

static void test_gc_debug_line_names_class(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "ClassA", NULL, NULL, NULL);
    rc_object *a = call(ip, A, 0);
    assert_int_equal(setattr(ip, a, "me", a), 0);
    rc_decref(a);
    fflush(stderr);
    FILE *tmp = tmpfile();
    int saved = dup(2);
    dup2(fileno(tmp), 2);
    rc_gc_set_debug(ip->rt, RC_DEBUG_COLLECTABLE);
    rc_gc_collect(ip->rt, 2);
    rc_gc_set_debug(ip->rt, 0);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    char buf[4096] = "";
    rewind(tmp);
    size_t n = fread(buf, 1, sizeof buf - 1, tmp);
    buf[n] = 0;
    fclose(tmp);
    assert_non_null(strstr(buf, "gc: collectable <ClassA 0x"));
    rc_decref(&A->ob);
}

static void test_class_freed_after_last_instance(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "A", NULL, point_methods, NULL);
    rc_object *wr = rc_weakref_new(ip->rt, &A->ob, NULL, NULL);
    rc_object *a = call(ip, A, 1, I(ip, 1));
    rc_decref(&A->ob);
    rc_gc_collect(ip->rt, 2);
    rc_object *alive = rc_weakref_get(wr);
    assert_non_null(alive); /* the instance keeps its class */
    rc_decref(alive);
    rc_decref(a);
    rc_gc_collect(ip->rt, 2);
    assert_null(rc_weakref_get(wr));
    rc_decref(wr);
}

/* ====================================================================== */
/* Operators                                                              */
/* ====================================================================== */

/* __add__ handles its own class only; __radd__ says who was called. */
static rc_object *v_add(rp_interp *ip, rc_object *self, rc_object *const *args,
                        size_t nargs, rc_object *kwnames) {
    if (!rp_is_instance(args[0], rp_type_of(self)) &&
        !rp_is_instance(self, rp_type_of(args[0])))
        return rc_notimplemented(ip->rt);
    return rc_str_from_format(ip->rt, "%s.__add__",
                              rp_type_of(self)->type_storage.name);
}

static rc_object *v_radd(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    return rc_str_from_format(ip->rt, "%s.__radd__",
                              rp_type_of(self)->type_storage.name);
}

static const rp_methoddef add_methods[] = {
    {"__add__", v_add, 0, NULL}, {"__radd__", v_radd, 0, NULL}, {NULL}};
static const rp_methoddef radd_methods[] = {{"__radd__", v_radd, 0, NULL},
                                            {NULL}};

static void test_binary_operators_reflect(void **state) {
    rp_interp *ip = *state;
    rp_class *V = make_class(ip, "V", NULL, add_methods, NULL);
    rp_class *W = make_class(ip, "W", bases1(ip, V), radd_methods, NULL);
    rp_class *Z = make_class(ip, "Z", NULL, NULL, NULL);
    rc_object *v = call(ip, V, 0), *w = call(ip, W, 0), *z = call(ip, Z, 0);
    rc_object *one = I(ip, 1);
    expect_str(rc_number_add(v, v), "V.__add__");
    expect_str(rc_number_add(one, v), "V.__radd__");
    /* the right operand's class is a subclass overriding __radd__ */
    expect_str(rc_number_add(v, w), "W.__radd__");
    expect_str(rc_number_add(w, v), "W.__add__");
    assert_null(rc_number_add(z, one));
    expect_error(ip, ip->exc.TypeError,
                 "unsupported operand type(s) for +: 'Z' and 'int'");
    expect_str(rc_number_inplace(z, v, RC_OP_ADD), "V.__radd__");
    rc_object *r = rc_number_inplace(z, one, RC_OP_SUB);
    assert_null(r);
    expect_error(ip, ip->exc.TypeError,
                 "unsupported operand type(s) for -=: 'Z' and 'int'");
    assert_null(rc_number_unop(z, RC_OP_NEG));
    expect_error(ip, ip->exc.TypeError, "bad operand type for unary -: 'Z'");
    rc_object *objs[] = {v, w, z, &V->ob, &W->ob, &Z->ob};
    for (size_t i = 0; i < 6; i++)
        rc_decref(objs[i]);
}

static void test_comparisons(void **state) {
    rp_interp *ip = *state;
    rp_class *P = make_class(ip, "P", NULL, point_methods, NULL);
    rp_class *A = make_class(ip, "A", NULL, NULL, NULL);
    rc_object *p = call(ip, P, 1, I(ip, 1)), *q = call(ip, P, 1, I(ip, 1));
    rc_object *a = call(ip, A, 0), *b = call(ip, A, 0);
    assert_int_equal(rc_compare(p, q, RC_EQ), 1);
    assert_int_equal(rc_compare(p, q, RC_NE), 0); /* __ne__ inverts __eq__ */
    /* P has only __lt__: q > p is answered by p.__lt__(q), as CPython
     * reflects between objects of one class too (max() relies on it) */
    rc_object *p2 = call(ip, P, 1, I(ip, 2));
    assert_int_equal(rc_compare(p2, p, RC_GT), 1);
    assert_int_equal(rc_compare(p, p2, RC_GT), 0);
    rc_decref(p2);
    assert_int_equal(rc_compare(a, b, RC_EQ), 0);
    assert_int_equal(rc_compare(a, a, RC_EQ), 1);
    assert_int_equal(rc_compare(a, b, RC_NE), 1);
    assert_true(rc_compare(a, b, RC_LT) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "'<' not supported between instances of 'A' and 'A'");
    assert_true(rc_compare(a, p, RC_LT) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "'<' not supported between instances of 'A' and 'P'");
    int64_t h;
    assert_int_equal(rc_hash(a, &h), 0);
    assert_int_equal(h, rc_hash_identity(a));
    rc_object *objs[] = {p, q, a, b, &P->ob, &A->ob};
    for (size_t i = 0; i < 6; i++)
        rc_decref(objs[i]);
}

/* ====================================================================== */
/* Errors CPython 3.11 gives                                              */
/* ====================================================================== */

static rc_object *m_init_returns_int(rp_interp *ip, rc_object *self,
                                     rc_object *const *args, size_t nargs,
                                     rc_object *kwnames) {
    return rc_int_from_i64(ip->rt, 1);
}

static rc_object *m_len_neg(rp_interp *ip, rc_object *self,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    return rc_int_from_i64(ip->rt, -1);
}

static const rp_methoddef bad_methods[] = {
    {"__init__", m_init_returns_int, 0, NULL},
    {"__len__", m_len_neg, 0, NULL},
    {NULL}};

static void test_error_messages(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "A", NULL, NULL, NULL);
    rc_object *one = I(ip, 1);
    assert_null(call(ip, A, 1, one));
    expect_error(ip, ip->exc.TypeError, "A() takes no arguments");
    assert_null(getattr(ip, &A->ob, "nope"));
    expect_error(ip, ip->exc.AttributeError,
                 "type object 'A' has no attribute 'nope'");
    rp_class *B = make_class(ip, "B", NULL, bad_methods, NULL);
    assert_null(call(ip, B, 0));
    expect_error(ip, ip->exc.TypeError,
                 "__init__() should return None, not 'int'");
    rp_class *E = make_class(ip, "E", NULL, NULL, "__eq__",
                             rp_builtin_new(ip, &which_def, NULL), NULL);
    rc_object *e = call(ip, E, 0);
    int64_t h;
    assert_true(rc_hash(e, &h) < 0);
    expect_error(ip, ip->exc.TypeError, "unhashable type: 'E'");
    rc_object *a = call(ip, A, 0);
    assert_true(rc_len(a) < 0);
    expect_error(ip, ip->exc.TypeError, "object of type 'A' has no len()");
    assert_null(rc_getitem(a, one));
    expect_error(ip, ip->exc.TypeError, "'A' object is not subscriptable");
    assert_null(rc_iter(a));
    expect_error(ip, ip->exc.TypeError, "'A' object is not iterable");
    assert_null(rc_call(a, NULL, 0, NULL));
    expect_error(ip, ip->exc.TypeError, "'A' object is not callable");
    assert_true(rc_contains(a, one) < 0);
    expect_error(ip, ip->exc.TypeError, "argument of type 'A' is not iterable");
    assert_null(rc_format(a, N(ip, "x")));
    expect_error(ip, ip->exc.TypeError,
                 "unsupported format string passed to A.__format__");
    assert_true(setattr(ip, &ip->cls.object->ob, "x", one) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "cannot set 'x' attribute of immutable type 'object'");
    rc_object *objs[] = {a, e, &E->ob, &B->ob, &A->ob};
    for (size_t i = 0; i < 5; i++)
        rc_decref(objs[i]);
}

static void test_default_repr_and_wrappers(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "A", NULL, NULL, NULL);
    rc_object *a = call(ip, A, 0);
    rc_object *r = rc_repr(a);
    char want[64];
    snprintf(want, sizeof want, "<__main__.A object at %p>", (void *)a);
    expect_str(r, want);
    expect_str(rc_str(a), want);
    rc_object *init = getattr(ip, &ip->cls.object->ob, "__init__");
    expect_str(rc_repr(init), "<slot wrapper '__init__' of 'object' objects>");
    rc_decref(init);
    rc_object *f = rp_builtin_new(ip, &which_def, NULL);
    expect_str(rc_repr(f), "<built-in function which>");
    rc_decref(f);
    rc_object *d = getattr(ip, &A->ob, "__dict__");
    assert_ptr_equal(rp_type_of(d), ip->cls.mappingproxy);
    rc_decref(d);
    rc_object *cls = getattr(ip, a, "__class__");
    assert_ptr_equal(cls, &A->ob);
    rc_decref(cls);
    assert_ptr_equal(rp_type_of(&A->ob), ip->cls.type);
    assert_ptr_equal(rp_type_of(&ip->cls.type->ob), ip->cls.type);
    rc_decref(a);
    rc_decref(&A->ob);
}

static const rp_methoddef call_methods[] = {{"__call__", f_which, 0, NULL},
                                            {NULL}};

static void test_callable_and_abstract(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "A", NULL, call_methods, NULL);
    rp_class *B = make_class(ip, "B", NULL, NULL, NULL);
    rc_object *a = call(ip, A, 0), *b = call(ip, B, 0);
    assert_true(rp_callable(ip, a));
    assert_false(rp_callable(ip, b));
    assert_true(rp_callable(ip, &B->ob));
    expect_str(rp_call(ip, a, NULL, 0, NULL), "no args");
    rc_object *names = rc_list_new(ip->rt);
    assert_int_equal(rc_list_append(names, N(ip, "g")), 0);
    assert_int_equal(rc_list_append(names, N(ip, "f")), 0);
    rc_object *fs = rc_frozenset_new(ip->rt, names);
    assert_int_equal(setattr(ip, &B->ob, "__abstractmethods__", fs), 0);
    assert_null(call(ip, B, 0));
    expect_error(ip, ip->exc.TypeError,
                 "Can't instantiate abstract class B with abstract methods f, "
                 "g");
    rc_object *empty = rc_frozenset_new(ip->rt, NULL);
    assert_int_equal(setattr(ip, &B->ob, "__abstractmethods__", empty), 0);
    rc_object *b2 = call(ip, B, 0);
    assert_non_null(b2);
    rc_object *objs[] = {b2, empty, fs, names, a, b, &A->ob, &B->ob};
    for (size_t i = 0; i < 8; i++)
        rc_decref(objs[i]);
}

/* ====================================================================== */
/* Subclasses of builtin value classes                                    */
/* ====================================================================== */

/* total(self): the sum of the items, by iteration (self may wrap a list) */
static rc_object *m_total(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    rc_object *it = rc_iter(self), *x, *sum = rc_int_from_i64(ip->rt, 0);
    while (it && sum && rc_next(it, &x) > 0) {
        rc_object *s2 = rc_number_add(sum, x);
        rc_decref(x);
        rc_decref(sum);
        sum = s2;
    }
    rc_xdecref(it);
    return sum;
}

static const rp_methoddef total_methods[] = {{"total", m_total, 0, NULL},
                                             {NULL}};

static void test_list_subclass(void **state) {
    rp_interp *ip = *state;
    if (!ip->cls.list)
        skip();
    rp_class *L =
        make_class(ip, "MyList", bases1(ip, ip->cls.list), total_methods, NULL);
    assert_non_null(L);
    rc_object *items = rc_list_new(ip->rt);
    for (int64_t i = 1; i <= 3; i++)
        assert_int_equal(rc_list_append(items, I(ip, i)), 0);
    rc_object *m = call(ip, L, 1, items);
    assert_non_null(m);
    assert_ptr_equal(rp_type_of(m), L);
    assert_int_equal(rp_isinstance(ip, m, &ip->cls.list->ob), 1);
    rc_object *four = I(ip, 4);
    rc_object *r = rp_call_method(ip, m, N(ip, "append"), &four, 1);
    assert_ptr_equal(r, ip->none);
    assert_int_equal(rc_len(m), 4);
    assert_int_equal(int_of(rp_call_method(ip, m, N(ip, "total"), NULL, 0)),
                     10);
    expect_str(rc_repr(m), "[1, 2, 3, 4]");
    expect_str(rc_str(m), "[1, 2, 3, 4]");
    rc_object *same = rc_list_new(ip->rt);
    assert_int_equal(rc_list_extend(same, m), 0);
    assert_int_equal(rc_compare(m, same, RC_EQ), 1);
    assert_int_equal(rc_compare(same, m, RC_EQ), 1);
    rc_object *sum = rc_number_add(m, items);
    assert_non_null(sum);
    assert_true(rc_is_list(sum)); /* list + list is a list, as in CPython */
    assert_int_equal(rc_list_size(sum), 7);
    rc_object *again = rc_number_inplace(m, items, RC_OP_ADD);
    assert_ptr_equal(again, m); /* += changes the object in place */
    assert_int_equal(rc_len(m), 7);
    assert_int_equal(setattr(ip, m, "tag", four), 0);
    assert_int_equal(int_of(getattr(ip, m, "tag")), 4);
    /* a subclass of a subclass keeps the value */
    rp_class *L2 = make_class(ip, "Sub", bases1(ip, L), NULL, NULL);
    rc_object *m2 = call(ip, L2, 1, items);
    assert_int_equal(rc_len(m2), 3);
    assert_int_equal(int_of(rp_call_method(ip, m2, N(ip, "total"), NULL, 0)),
                     6);
    rc_object *objs[] = {m2, &L2->ob, again, sum, same, items, m, &L->ob};
    for (size_t i = 0; i < 8; i++)
        rc_decref(objs[i]);
    rc_decref(r);
}

/* ====================================================================== */
/* isinstance, argument parsing                                           */
/* ====================================================================== */

static void test_isinstance(void **state) {
    rp_interp *ip = *state;
    rp_class *A = make_class(ip, "A", NULL, NULL, NULL);
    rp_class *B = make_class(ip, "B", bases1(ip, A), NULL, NULL);
    rc_object *b = call(ip, B, 0);
    assert_int_equal(rp_isinstance(ip, b, &A->ob), 1);
    assert_int_equal(rp_isinstance(ip, b, &ip->cls.object->ob), 1);
    rc_object *t = rc_tuple_pack(ip->rt, 2, &ip->cls.type->ob, &B->ob);
    assert_int_equal(rp_isinstance(ip, b, t), 1);
    assert_int_equal(rp_isinstance(ip, &A->ob, t), 1);
    assert_int_equal(rp_issubclass(ip, &B->ob, &A->ob), 1);
    assert_int_equal(rp_issubclass(ip, &A->ob, &B->ob), 0);
    rc_object *one = I(ip, 1);
    assert_true(rp_isinstance(ip, b, one) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "isinstance() arg 2 must be a type, a tuple of types, or a "
                 "union");
    assert_true(rp_issubclass(ip, one, &A->ob) < 0);
    expect_error(ip, ip->exc.TypeError, "issubclass() arg 1 must be a class");
    rc_object *objs[] = {t, b, &B->ob, &A->ob};
    for (size_t i = 0; i < 4; i++)
        rc_decref(objs[i]);
}

static void test_argument_parsing(void **state) {
    rp_interp *ip = *state;
    static const char *const names[] = {"key", "reverse", NULL};
    static const rp_argspec sort = {"sort", names, 0, 0, 0};
    rc_object *out[2];
    rc_object *one = I(ip, 1);
    assert_true(rp_parse_args(ip, &sort, &one, 1, NULL, out) < 0);
    expect_error(ip, ip->exc.TypeError, "sort() takes no positional arguments");
    rc_object *kw = rc_tuple_pack(ip->rt, 1, N(ip, "foo"));
    assert_true(rp_parse_args(ip, &sort, &one, 0, kw, out) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "'foo' is an invalid keyword argument for sort()");
    rc_decref(kw);
    kw = rc_tuple_pack(ip->rt, 1, N(ip, "reverse"));
    assert_int_equal(rp_parse_args(ip, &sort, &one, 0, kw, out), 0);
    assert_null(out[0]);
    assert_ptr_equal(out[1], one);
    rc_decref(kw);
    static const char *const pnames[] = {"a", "b", NULL};
    static const rp_argspec two = {"f", pnames, 1, 2, 0};
    assert_true(rp_parse_args(ip, &two, NULL, 0, NULL, out) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "f() missing required argument 'a' (pos 1)");
    rc_object *three[3] = {one, one, one};
    assert_true(rp_parse_args(ip, &two, three, 3, NULL, out) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "f() takes at most 2 arguments (3 given)");
    kw = rc_tuple_pack(ip->rt, 3, N(ip, "key"), N(ip, "reverse"), N(ip, "x"));
    assert_true(rp_parse_args(ip, &sort, three, 0, kw, out) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "sort() takes at most 2 keyword arguments (3 given)");
    rc_decref(kw);
    /* CPython's argument clinic: "positional" only when keyword-only
     * parameters exist; a missing positional-only one is counted */
    static const char *const gnames[] = {"a", "b", "c", NULL};
    static const rp_argspec g = {"g", gnames, 1, 2, 0};
    rc_object *gout[3];
    assert_true(rp_parse_args(ip, &g, three, 3, NULL, gout) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "g() takes at most 2 positional arguments (3 given)");
    static const rp_argspec sum = {"sum", pnames, 1, 2, 1};
    kw = rc_tuple_pack(ip->rt, 1, N(ip, "b"));
    assert_true(rp_parse_args(ip, &sum, three, 0, kw, out) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "sum() takes at least 1 positional argument (0 given)");
    rc_decref(kw);
    assert_true(rp_check_args(ip, "len", 2, NULL, 1, 1) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "len() takes exactly one argument (2 given)");
    assert_true(rp_check_args(ip, "getattr", 0, NULL, 2, 3) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "getattr expected at least 2 arguments, got 0");
    assert_true(rp_check_args(ip, "pop", 2, NULL, 0, 1) < 0);
    expect_error(ip, ip->exc.TypeError,
                 "pop expected at most 1 argument, got 2");
}

/* ====================================================================== */
/* Out of memory                                                          */
/* ====================================================================== */

static rc_object *m_del_quiet(rp_interp *ip, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    return ref(ip->none);
}

static const rp_methoddef quiet_del_methods[] = {
    {"__del__", m_del_quiet, 0, NULL}, {NULL}};

/* Makes classes (with __slots__ and a __del__) and instances, keeping
 * them, until the heap limit refuses: 1 when it did (an error pending). */
static int fill_until_refused(rp_interp *ip) {
    rc_object *keep = rc_list_new(ip->rt);
    if (!keep)
        return 1;
    int refused = 0;
    for (int i = 0; i < 100000 && !refused; i++) {
        rc_object *ns = rc_dict_new(ip->rt);
        rc_object *n = rc_str_from_cstr(ip->rt, "Filler");
        rc_object *b = rc_tuple_new(ip->rt, 0);
        rc_object *slots = n ? rc_tuple_pack(ip->rt, 1, n) : NULL;
        rc_object *cls = NULL, *inst = NULL, *r = NULL;
        if (ns && slots && rc_dict_setitem(ns, ip->s.slots, slots) == 0)
            cls = rp_class_new(ip, n, b, ns);
        if (cls &&
            rp_class_add_methods(ip, (rp_class *)cls, quiet_del_methods) == 0)
            inst = rp_call(ip, cls, NULL, 0, NULL);
        if (inst && rp_setattr(ip, inst, n, inst) == 0 &&
            rc_list_append(keep, inst) == 0)
            r = rc_repr(inst);
        rc_object *objs[] = {r, inst, cls, slots, b, n, ns};
        for (size_t k = 0; k < 7; k++)
            rc_xdecref(objs[k]);
        if (!r) {
            assert_true(rp_err_occurred(ip));
            refused = 1;
        }
    }
    rp_err_clear(ip);
    rc_decref(keep);
    return refused;
}

/* A heap limit makes the interpreter's start or the classes fail at every
 * point in turn: always with an error, never a crash, a leak (LSan) or a
 * heap the checker rejects. */
static void test_heap_limit(void **state) {
    (void)state;
    static char *argv[] = {"prog.py"};
    int started = 0, refused = 0;
    for (size_t limit = 1u << 20; limit < (6u << 20); limit += 1u << 17) {
        rp_config cfg = {
            .argc = 1, .argv = argv, .path0 = "", .heap_limit = limit};
        rp_interp *ip = rp_interp_new(&cfg);
        if (!ip)
            continue;
        started++;
        refused += fill_until_refused(ip);
        rp_err_clear(ip);
        rc_gc_collect(ip->rt, 2);
        assert_int_equal(rc_heap_check(ip->rt), 0);
        rp_interp_free(ip);
    }
    assert_true(started > 0);
    assert_true(refused > 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_instance_attributes),
        T(test_gc_count_moves_by_one),
        T(test_dict_and_set_keys_use_dunders),
        T(test_sort_and_repr_use_dunders),
        T(test_mro_diamond_and_conflict),
        T(test_property),
        T(test_classmethod_and_staticmethod),
        T(test_descriptor_subclasses),
        T(test_super),
        T(test_slots),
        T(test_del_by_refcount_and_in_cycle),
        T(test_del_resurrects_once),
        T(test_del_added_later),
        T(test_getattr_hook_added_later),
        T(test_gc_debug_line_names_class),
        T(test_class_freed_after_last_instance),
        T(test_binary_operators_reflect),
        T(test_comparisons),
        T(test_error_messages),
        T(test_default_repr_and_wrappers),
        T(test_callable_and_abstract),
        T(test_list_subclass),
        T(test_isinstance),
        T(test_argument_parsing),
#undef T
        cmocka_unit_test(test_heap_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
