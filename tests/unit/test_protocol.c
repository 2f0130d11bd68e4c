/* test_protocol.c — the object protocol as a language runtime uses it,
 * written only against the public headers: a type of our own ("thing",
 * protocheck.h) with hash, comparison, repr, str, format, operators, calls
 * and attributes, used inside the builtin containers and formatters, and
 * errors that carry an exception object of ours through the library
 * unchanged. Run-time types, the recursion guard and allocation failure
 * are in test_protocol_types.c. */
#define _POSIX_C_SOURCE 200809L
#define PROTOCHECK_FIXTURE
#include "protocheck.h"

/* ====================================================================== */
/* Containers and formatters call the type's slots                         */
/* ====================================================================== */

static void dict_keys_and_set_members(void **state) {
    (void)state;
    rc_object *d = rc_dict_new(rt), *s = rc_set_new(rt, NULL);
    for (int64_t i = 0; i < 50; i++) {
        rc_object *k = TH(i), *v = I(i * 10);
        assert_int_equal(rc_dict_setitem(d, k, v), 0);
        assert_int_equal(rc_set_add(s, k), 0);
        rc_decref(k), rc_decref(v);
    }
    /* equal but distinct keys: found through hash and == */
    for (int64_t i = 0; i < 50; i++) {
        rc_object *k = TH(i);
        rc_object *v = rc_dict_getitem(d, k);
        assert_non_null(v);
        int64_t x;
        assert_int_equal(rc_int_to_i64(v, &x), 0);
        assert_int_equal(x, i * 10);
        assert_int_equal(rc_set_contains(s, k), 1);
        assert_int_equal(rc_contains(d, k), 1);
        rc_decref(k);
    }
    rc_object *k = TH(3), *again = I(-1);
    assert_int_equal(rc_dict_setitem(d, k, again), 0); /* replaces */
    assert_int_equal(rc_dict_size(d), 50);
    assert_int_equal(rc_set_add(s, k), 0);
    assert_int_equal(rc_set_size(s), 50);
    assert_int_equal(rc_dict_delitem(d, k), 0);
    assert_int_equal(rc_set_discard(s, k), 1);
    assert_int_equal(rc_contains(d, k), 0);
    rc_decref(k), rc_decref(again);
    rc_object *missing = TH(1000);
    assert_null(rc_dict_getitem(d, missing));
    assert_int_equal(rc_dict_delitem(d, missing), RC_EKEY);
    assert_error(RC_EKEY, "T(1000)"); /* KeyError shows the key's repr */
    rc_decref(missing), rc_decref(d), rc_decref(s);
}

static void list_search_uses_equality(void **state) {
    (void)state;
    rc_object *l = rc_list_new(rt);
    for (int64_t i = 0; i < 6; i++) { /* [T(0), T(1), T(2), T(0) ...] */
        rc_object *t = TH(i % 3);
        rc_list_append(l, t);
        rc_decref(t);
    }
    rc_object *two = TH(2), *nine = TH(9), *one = I(1);
    assert_int_equal(rc_list_index(l, two), 2);
    assert_int_equal(rc_contains(l, two), 1);
    assert_int_equal(rc_contains(l, one), 1); /* thing == 1 */
    assert_int_equal(rc_list_remove(l, two), 0);
    assert_int_equal(rc_list_index(l, two), 4);
    assert_int_equal(rc_list_size(l), 5);
    assert_int_equal(rc_list_index(l, nine), RC_EVALUE);
    assert_error(RC_EVALUE, "T(9) is not in list");
    assert_int_equal(rc_list_remove(l, nine), RC_EVALUE);
    assert_error(RC_EVALUE, "list.remove(x): x not in list");
    rc_object *t = rc_tuple_pack(rt, 2, one, two), *two2 = TH(2);
    assert_int_equal(rc_contains(t, nine), 0);
    assert_int_equal(rc_contains(t, two2), 1); /* an equal thing */
    rc_decref(t), rc_decref(two), rc_decref(two2), rc_decref(nine);
    rc_decref(one);
    rc_decref(l);
}

static void sorting_by_the_types_less_than(void **state) {
    (void)state;
    enum { N = 300 };
    uint64_t seed = 7;
    rc_object *l = rc_list_new(rt), *orig[N];
    for (int i = 0; i < N; i++) {
        orig[i] = TH((int64_t)rng_below(&seed, 50));
        rc_list_append(l, orig[i]);
    }
    thing_compares = 0;
    assert_int_equal(rc_list_sort(l, NULL, NULL, false), 0);
    assert_true(thing_compares > N);
    for (int i = 1; i < N; i++) {
        rc_object *a = rc_list_get(l, i - 1), *b = rc_list_get(l, i);
        assert_true(V(a) <= V(b));
        if (V(a) == V(b)) { /* stable: equal things keep their order */
            int ia = -1, ib = -1;
            for (int k = 0; k < N; k++) {
                ia = orig[k] == a ? k : ia;
                ib = orig[k] == b ? k : ib;
            }
            assert_true(ia < ib);
        }
    }
    assert_int_equal(rc_list_sort(l, NULL, NULL, true), 0);
    assert_true(V(rc_list_get(l, 0)) >= V(rc_list_get(l, N - 1)));
    for (int i = 0; i < N; i++)
        rc_decref(orig[i]);
    rc_decref(l);
}

static void repr_and_formatting_use_the_slots(void **state) {
    (void)state;
    rc_object *a = TH(1), *b = TH(255), *p = rc_new(rt, &plain_type);
    rc_object *l = rc_list_from_array(rt, (rc_object *[]){a, b}, 2);
    assert_text(rc_repr(l), "[T(1), T(255)]");
    assert_text(rc_str(l), "[T(1), T(255)]"); /* containers show reprs */
    assert_text(rc_str(a), "t1");
    rc_object *d = rc_dict_new(rt);
    rc_dict_setitem(d, a, b);
    assert_text(rc_repr(d), "{T(1): T(255)}");
    rc_object *t = rc_tuple_pack(rt, 1, a);
    assert_text(rc_repr(t), "(T(1),)");
    /* str.format: {} is format(x, ""), !r is repr, a spec goes to the slot */
    rc_object *fmt = S("{0} {0!r} {0:x} {0.v} {1!s:>5}|");
    rc_object *args = rc_tuple_pack(rt, 2, b, a);
    assert_text(rc_str_format(fmt, args, NULL), "t255 T(255) 0xff 255    t1|");
    rc_object *bad = S("{:q}");
    assert_null(rc_str_format(bad, args, NULL));
    assert_error(RC_EVALUE, "bad thing spec 'q'");
    rc_object *pct = S("%s %r %5s|");
    rc_object *three = rc_tuple_pack(rt, 3, a, b, a);
    assert_text(rc_number_remainder(pct, three), "t1 T(255)    t1|");
    assert_text(rc_format_value(b, "x"), "0xff");
    assert_text(rc_format(b, NULL), "t255");
    /* the default format slot: only "" */
    char want[64];
    snprintf(want, sizeof want, "<plain object at %p>", (void *)p);
    assert_text(rc_format_value(p, ""), want);
    assert_text(rc_repr(p), want);
    rc_object *spec = S("x");
    assert_null(rc_format(p, spec));
    assert_error(RC_ETYPE, "unsupported format string passed to "
                           "plain.__format__");
    assert_null(rc_format(a, a));
    assert_error(RC_ETYPE, "Format specifier must be a string, not thing");
    rc_decref(spec), rc_decref(pct), rc_decref(three), rc_decref(bad);
    rc_decref(fmt), rc_decref(args), rc_decref(t), rc_decref(d);
    rc_decref(l), rc_decref(a), rc_decref(b), rc_decref(p);
}

/* ====================================================================== */
/* Comparison and operator dispatch                                        */
/* ====================================================================== */

/* The truth of a new bool (released). */
static int truth_of(rc_object *o) {
    assert_non_null(o);
    int t = rc_truth(o);
    rc_decref(o);
    return t;
}

static void comparison_dispatch(void **state) {
    (void)state;
    rc_object *a = TH(2), *b = TH(3), *one = I(1), *s = S("x");
    rc_object *p = rc_new(rt, &plain_type);
    assert_int_equal(truth_of(rc_richcompare(a, b, RC_LT)), 1);
    assert_int_equal(rc_compare(a, b, RC_GE), 0);
    assert_int_equal(rc_compare(a, one, RC_GT), 1);
    /* int declines, thing answers the reflected operator: 1 < a is a > 1 */
    assert_int_equal(rc_compare(one, a, RC_LT), 1);
    assert_int_equal(rc_compare(one, a, RC_GE), 0);
    /* both decline: identity for == and !=, TypeError for ordering */
    assert_int_equal(rc_equal(a, s), 0);
    assert_int_equal(rc_compare(a, s, RC_NE), 1);
    assert_int_equal(rc_equal(p, p), 1);
    assert_null(rc_richcompare(a, s, RC_LT));
    assert_error(RC_ETYPE,
                 "'<' not supported between instances of 'thing' and 'str'");
    assert_int_equal(rc_compare(s, a, RC_GE), RC_ETYPE);
    assert_error(RC_ETYPE,
                 "'>=' not supported between instances of 'str' and 'thing'");
    assert_int_equal(rc_compare(p, p, RC_LE), RC_ETYPE);
    assert_error(RC_ETYPE,
                 "'<=' not supported between instances of 'plain' and "
                 "'plain'");
    /* NotImplemented itself */
    rc_object *ni = rc_notimplemented(rt);
    assert_true(rc_is_notimplemented(ni));
    assert_false(rc_is_notimplemented(a));
    assert_text(rc_repr(ni), "NotImplemented");
    assert_text(repr_of(rc_richcompare(a, b, RC_EQ)), "False");
    rc_decref(ni);
    /* hash: the slot, identity without one */
    int64_t h;
    assert_int_equal(rc_hash(b, &h), 0);
    assert_int_equal(h, 3);
    assert_int_equal(rc_hash(p, &h), 0);
    assert_int_equal(h, rc_hash_identity(p));
    rc_decref(a), rc_decref(b), rc_decref(one), rc_decref(s), rc_decref(p);
}

static void number_dispatch(void **state) {
    (void)state;
    rc_object *a = TH(2), *b = TH(5), *one = I(1), *l = rc_list_new(rt);
    rc_object *r = rc_number_add(a, b);
    assert_true(is_thing(r) && V(r) == 7);
    rc_decref(r);
    r = rc_number_add(one, a); /* int declines; thing's slot sees it right */
    assert_true(is_thing(r) && V(r) == 3);
    rc_decref(r);
    r = rc_number_binop(b, a, RC_OP_SUB);
    assert_true(is_thing(r) && V(r) == 3);
    rc_decref(r);
    assert_null(rc_number_multiply(a, one));
    assert_error(RC_ETYPE,
                 "unsupported operand type(s) for *: 'thing' and 'int'");
    assert_null(rc_number_binop(a, a, RC_OP_MATMUL));
    assert_error(RC_ETYPE,
                 "unsupported operand type(s) for @: 'thing' and 'thing'");
    assert_null(rc_number_binop(a, one, RC_OP_POW));
    assert_error(RC_ETYPE,
                 "unsupported operand type(s) for ** or pow(): 'thing' and "
                 "'int'");
    /* the sequences' own messages come after the other type declined */
    assert_null(rc_number_add(l, a));
    assert_error(RC_ETYPE, "can only concatenate list (not \"thing\") to list");
    assert_null(rc_number_multiply(l, a));
    assert_error(RC_ETYPE,
                 "can't multiply sequence by non-int of type 'thing'");
    /* in place: the slot changes a itself; others fall back to binop */
    rc_object *a0 = a;
    r = rc_number_inplace(a, b, RC_OP_ADD);
    assert_ptr_equal(r, a0);
    assert_int_equal(V(a), 7);
    rc_decref(r);
    r = rc_number_inplace(a, one, RC_OP_ADD);
    assert_true(r != a && V(r) == 8);
    rc_decref(r);
    assert_null(rc_number_inplace(a, one, RC_OP_MUL));
    assert_error(RC_ETYPE,
                 "unsupported operand type(s) for *=: 'thing' and 'int'");
    /* unary */
    r = rc_number_negative(b);
    assert_true(is_thing(r) && V(r) == -5);
    rc_decref(r);
    assert_null(rc_number_invert(b));
    assert_error(RC_ETYPE, "bad operand type for unary ~: 'thing'");
    rc_object *p = rc_new(rt, &plain_type);
    assert_null(rc_number_unop(p, RC_OP_ABS));
    assert_error(RC_ETYPE, "bad operand type for abs(): 'plain'");
    assert_string_equal(rc_binop_symbol(RC_OP_FLOORDIV), "//");
    assert_string_equal(rc_unop_symbol(RC_OP_POS), "unary +");
    rc_decref(p);
    rc_decref(a), rc_decref(b), rc_decref(one), rc_decref(l);
}

/* list += and *= work in place, as Python's do; so do set and dict |=. */
static void builtin_inplace_operators(void **state) {
    (void)state;
    rc_object *range = rc_range_new(rt, 5, 7, 1), *three = I(3);
    rc_object *l = rc_list_new(rt), *head = rc_range_new(rt, 1, 3, 1);
    assert_int_equal(rc_list_extend(l, head), 0);
    rc_decref(head);
    rc_object *r = rc_number_inplace(l, range, RC_OP_ADD);
    assert_ptr_equal(r, l);
    rc_decref(r);
    assert_text(rc_repr(l), "[1, 2, 5, 6]");
    r = rc_number_inplace(l, three, RC_OP_MUL);
    assert_ptr_equal(r, l);
    rc_decref(r);
    assert_int_equal(rc_list_size(l), 12);
    assert_null(rc_number_inplace(l, three, RC_OP_ADD));
    assert_error(RC_ETYPE, "'int' object is not iterable");
    assert_null(rc_number_inplace(l, range, RC_OP_MUL));
    assert_error(RC_ETYPE, "can't multiply sequence by non-int of type "
                           "'range'");
    /* a type with its own + is asked before the list extends itself */
    rc_object *t = TH(1), *s = rc_tuple_pack(rt, 2, three, three);
    assert_null(rc_number_inplace(l, t, RC_OP_ADD)); /* thing declines */
    assert_error(RC_ETYPE, "'thing' object is not iterable");
    r = rc_number_inplace(l, s, RC_OP_ADD);
    rc_decref(r);
    assert_int_equal(rc_list_size(l), 14);
    rc_object *zero = I(0);
    r = rc_number_inplace(l, zero, RC_OP_MUL);
    rc_decref(r);
    assert_int_equal(rc_list_size(l), 0);
    /* a tuple has no in-place +: a new tuple */
    rc_object *tu = rc_tuple_pack(rt, 1, three);
    r = rc_number_inplace(tu, tu, RC_OP_ADD);
    assert_true(r != tu);
    assert_text(rc_repr(r), "(3, 3)");
    rc_decref(r);
    assert_null(rc_number_inplace(tu, three, RC_OP_ADD));
    assert_error(RC_ETYPE, "can only concatenate tuple (not \"int\") to tuple");
    /* set |= and &=, dict |= */
    rc_object *a = rc_set_new(rt, range), *b = rc_set_new(rt, tu);
    r = rc_number_inplace(a, b, RC_OP_OR);
    assert_ptr_equal(r, a);
    rc_decref(r);
    assert_int_equal(rc_set_size(a), 3);
    r = rc_number_inplace(a, b, RC_OP_AND);
    assert_ptr_equal(r, a);
    rc_decref(r);
    assert_text(rc_repr(a), "{3}");
    rc_object *d = rc_dict_new(rt), *pairs = rc_list_new(rt);
    rc_object *pair = rc_tuple_pack(rt, 2, three, zero);
    rc_list_append(pairs, pair);
    r = rc_number_inplace(d, pairs, RC_OP_OR);
    assert_ptr_equal(r, d);
    rc_decref(r);
    assert_text(rc_repr(d), "{3: 0}");
    rc_decref(pair), rc_decref(pairs), rc_decref(d), rc_decref(a);
    rc_decref(b), rc_decref(tu), rc_decref(zero), rc_decref(t), rc_decref(s);
    rc_decref(l), rc_decref(range), rc_decref(three);
}

/* ====================================================================== */
/* Calls, attributes, the other slots                                      */
/* ====================================================================== */

static void calls_with_keywords(void **state) {
    (void)state;
    rc_object *f = TH(9), *x = I(1), *y = I(2), *z = I(3), *k = S("k");
    rc_object *names = rc_tuple_pack(rt, 1, k);
    rc_object *args[] = {x, y, z};
    assert_true(rc_is_callable(f));
    assert_false(rc_is_callable(x));
    assert_text(repr_of(rc_call(f, args, 2, names)), "(9, 2, ('k',), 1, 2, 3)");
    assert_text(repr_of(rc_call(f, NULL, 0, NULL)), "(9, 0, None)");
    /* the tuple-and-dict form builds the same call */
    rc_object *pos = rc_tuple_pack(rt, 2, x, y), *kw = rc_dict_new(rt);
    rc_dict_setitem(kw, k, z);
    assert_text(repr_of(rc_call_object(f, pos, kw)), "(9, 2, ('k',), 1, 2, 3)");
    assert_text(repr_of(rc_call_object(f, pos, NULL)), "(9, 2, None, 1, 2)");
    assert_null(rc_call(x, args, 1, NULL));
    assert_error(RC_ETYPE, "'int' object is not callable");
    rc_dict_setitem(kw, x, z);
    assert_null(rc_call_object(f, pos, kw));
    assert_error(RC_ETYPE, "keywords must be strings");
    assert_null(rc_call_object(f, kw, NULL));
    assert_error(RC_ETYPE, "argument list must be a tuple");
    rc_decref(pos), rc_decref(kw), rc_decref(names), rc_decref(k);
    rc_decref(f), rc_decref(x), rc_decref(y), rc_decref(z);
}

static void attributes_defaults_and_slots(void **state) {
    (void)state;
    rc_object *t = TH(4), *v = S("v"), *w = S("w"), *ten = I(10);
    rc_object *l = rc_list_new(rt);
    assert_text(repr_of(rc_getattr(t, v)), "4");
    assert_int_equal(rc_setattr(t, v, ten), 0);
    assert_int_equal(V(t), 10);
    assert_text(repr_of(rc_getattr_str(t, "v")), "10");
    assert_null(rc_getattr(t, w));
    assert_error(RC_EATTR, "'thing' object has no attribute 'w'");
    assert_int_equal(rc_delattr(t, v), RC_EATTR);
    assert_error(RC_EATTR, "can't delete attribute 'v'");
    /* types without the slots: AttributeError in Python's words */
    assert_null(rc_getattr_str(l, "append"));
    assert_error(RC_EATTR, "'list' object has no attribute 'append'");
    assert_int_equal(rc_setattr(ten, v, ten), RC_EATTR);
    assert_error(RC_EATTR, "'int' object has no attribute 'v'");
    assert_int_equal(rc_setattr(l, v, NULL), RC_EATTR); /* NULL deletes */
    assert_error(RC_EATTR, "'list' object has no attribute 'v'");
    assert_null(rc_getattr(t, ten));
    assert_error(RC_ETYPE, "attribute name must be string, not 'int'");
    rc_decref(t), rc_decref(v), rc_decref(w), rc_decref(ten), rc_decref(l);
}

/* The language's attributes for the library's types: the hook answers
 * for slotless types only, and the library's callers see it. */
static rc_object *length_attr(rc_object *o, rc_object *name, void *arg) {
    if (strcmp(rc_str_utf8(name), "size") != 0) {
        rc_set_error(rt, RC_EATTR, "no %s here", rc_str_utf8(name));
        return NULL;
    }
    return rc_int_from_i64(rt, rc_len(o) + *(int *)arg);
}

static void getattr_hook(void **state) {
    (void)state;
    int extra = 100;
    rc_object *l = rc_list_new(rt), *t = TH(4), *v = S("v");
    rc_set_getattr_hook(rt, length_attr, &extra);
    assert_text(repr_of(rc_getattr_str(l, "size")), "100");
    assert_null(rc_getattr_str(l, "other"));
    assert_error(RC_EATTR, "no other here");
    assert_text(repr_of(rc_getattr(t, v)), "4"); /* the slot first */
    rc_object *fmt = S("{0.size}"), *args = rc_tuple_pack(rt, 1, l);
    assert_text(repr_of(rc_str_format(fmt, args, NULL)), "'100'");
    rc_set_getattr_hook(rt, NULL, NULL);
    assert_null(rc_getattr_str(l, "size"));
    assert_error(RC_EATTR, "'list' object has no attribute 'size'");
    rc_decref(args), rc_decref(fmt), rc_decref(v), rc_decref(t), rc_decref(l);
}

static void other_slots_and_defaults(void **state) {
    (void)state;
    rc_object *t = TH(3), *z = TH(0), *p = rc_new(rt, &plain_type);
    rc_object *one = I(1);
    assert_int_equal(rc_len(t), 3);
    assert_int_equal(rc_truth(t), 1); /* no truth slot: len */
    assert_int_equal(rc_truth(z), 0);
    assert_int_equal(rc_truth(p), 1);
    assert_int_equal(rc_len(p), RC_ETYPE);
    assert_error(RC_ETYPE, "object of type 'plain' has no len()");
    assert_null(rc_getitem(p, one));
    assert_error(RC_ETYPE, "'plain' object is not subscriptable");
    assert_int_equal(rc_setitem(p, one, one), RC_ETYPE);
    assert_error(RC_ETYPE, "'plain' object does not support item assignment");
    assert_int_equal(rc_delitem(one, one), RC_ETYPE);
    assert_error(RC_ETYPE, "'int' object does not support item deletion");
    assert_null(rc_iter(t));
    assert_error(RC_ETYPE, "'thing' object is not iterable");
    assert_int_equal(rc_contains(t, one), RC_ETYPE);
    assert_error(RC_ETYPE, "argument of type 'thing' is not iterable");
    rc_object *item;
    assert_int_equal(rc_next(t, &item), RC_ETYPE);
    assert_error(RC_ETYPE, "'thing' object is not an iterator");
    size_t size = rc_sizeof(t); /* the block, rounded, plus extra_size */
    assert_true(size >= sizeof(thing) + 100 && size < sizeof(thing) + 116);
    assert_string_equal(rc_type_name(t), "thing");
    assert_null(rc_type_owner(t));
    rc_decref(t), rc_decref(z), rc_decref(p), rc_decref(one);
}

/* A type with the index slot (protocol version 2): an int64 value that
 * stands for an int in subscripts, slices and repeat counts; -1's index
 * slot returns a str instead (a wrong result), -2's declines (the table is
 * shared by objects without __index__). */
typedef struct idx {
    rc_object ob;
    int64_t v;
} idx;

static rc_object *idx_index(rc_object *self) {
    int64_t v = ((idx *)self)->v;
    rc_runtime *r = rc_runtime_of(self);
    if (v == -2)
        return rc_notimplemented(r);
    return v >= 0 ? rc_int_from_i64(r, v) : rc_str_from_cstr(r, "no");
}

static const rc_protocol idx_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .index = idx_index,
};

static const rc_type idx_type = {
    .name = "Idx",
    .basicsize = sizeof(idx),
    .protocol = &idx_protocol,
};

static rc_object *IDX(int64_t v) {
    idx *o = (idx *)rc_new(rt, &idx_type);
    assert_non_null(o);
    o->v = v;
    return &o->ob;
}

static void index_slot(void **state) {
    (void)state;
    rc_object *one = IDX(1), *three = IDX(3), *bad = IDX(-1);
    rc_object *l = rc_list_new(rt),
              *abc = S("a\xce\xa9"
                       "c") /* no cached 1-char strs */,
              *r = rc_range_new(rt, 5, 9, 1);
    for (int64_t i = 0; i < 4; i++) {
        rc_object *x = I(i * 10);
        rc_list_append(l, x);
        rc_decref(x);
    }
    assert_text(repr_of(rc_getitem(l, one)), "10");
    assert_text(rc_getitem(abc, one), "\xce\xa9");
    assert_text(repr_of(rc_getitem(r, three)), "8");
    rc_object *sl = rc_slice_new(rt, one, three, NULL);
    assert_text(repr_of(rc_getitem(l, sl)), "[10, 20]");
    assert_text(rc_getitem(abc, sl), "\xce\xa9"
                                     "c");
    assert_text(repr_of(rc_getitem(r, sl)), "range(6, 8)");
    assert_text(rc_number_multiply(abc, three), "a\xce\xa9"
                                                "ca\xce\xa9"
                                                "ca\xce\xa9"
                                                "c");
    assert_text(repr_of(rc_number_multiply(three, l)),
                "[0, 10, 20, 30, 0, 10, 20, 30, 0, 10, 20, 30]");
    assert_int_equal(rc_setitem(l, one, abc), 0);
    assert_int_equal(rc_delitem(l, three), 0);
    assert_text(rc_repr(l), "[0, 'a\xce\xa9"
                            "c', 20]");
    assert_text(repr_of(rc_number_index(three)), "3");
    assert_null(rc_getitem(l, bad));
    assert_error(RC_ETYPE, "__index__ returned non-int (type str)");
    rc_object *p = rc_new(rt, &plain_type);
    assert_null(rc_number_index(p));
    assert_error(RC_ETYPE,
                 "'plain' object cannot be interpreted as an integer");
    assert_null(rc_getitem(l, p));
    assert_error(RC_ETYPE,
                 "list indices must be integers or slices, not plain");
    rc_object *none = IDX(-2); /* declines: as if it had no __index__ */
    assert_null(rc_getitem(l, none));
    assert_error(RC_ETYPE, "list indices must be integers or slices, not Idx");
    assert_null(rc_getitem(abc, none));
    assert_error(RC_ETYPE, "string indices must be integers, not 'Idx'");
    assert_null(rc_number_multiply(abc, none));
    assert_error(RC_ETYPE, "can't multiply sequence by non-int of type 'Idx'");
    assert_null(rc_number_index(none));
    assert_error(RC_ETYPE, "'Idx' object cannot be interpreted as an integer");
    rc_decref(none);
    rc_decref(p), rc_decref(sl), rc_decref(r), rc_decref(abc), rc_decref(l);
    rc_decref(one), rc_decref(three), rc_decref(bad);
}

/* ====================================================================== */
/* Errors that carry an object                                             */
/* ====================================================================== */

static void error_objects_set_fetch_clear(void **state) {
    (void)state;
    rc_object *e = myerror_new(rt, 1);
    size_t base = rc_refcnt(e);
    assert_int_equal(rc_set_error_object(rt, RC_EEXCEPTION, e, "boom"),
                     RC_EEXCEPTION);
    assert_int_equal(rc_last_error(rt), RC_EEXCEPTION);
    assert_string_equal(rc_last_error_message(rt), "boom");
    assert_ptr_equal(rc_error_object(rt), e);
    assert_int_equal(rc_refcnt(e), base + 1);
    /* a new error drops it; so does clearing */
    rc_set_error(rt, RC_EVALUE, "other");
    assert_null(rc_error_object(rt));
    assert_int_equal(rc_refcnt(e), base);
    rc_set_error_object(rt, RC_ETYPE, e, NULL);
    assert_string_equal(rc_last_error_message(rt), "");
    rc_clear_error(rt);
    assert_int_equal(rc_refcnt(e), base);
    /* fetch hands the runtime's reference over */
    rc_set_error_object(rt, RC_EEXCEPTION, e, "again");
    rc_status st;
    rc_object *got = rc_fetch_error_object(rt, &st);
    assert_ptr_equal(got, e);
    assert_int_equal(st, RC_EEXCEPTION);
    assert_int_equal(rc_last_error(rt), RC_OK);
    assert_int_equal(rc_refcnt(e), base + 1);
    rc_decref(got);
    assert_null(rc_fetch_error_object(rt, &st));
    assert_int_equal(st, RC_OK);
    assert_string_equal(rc_strerror(RC_EEXCEPTION), "exception");
    rc_decref(e);
}

/* A failing __eq__ during an insert: the embedder's error object comes out
 * of rc_dict_setitem (and set.add, list.index, `in`) unchanged, and the
 * container is as it was. */
static void failing_equality_propagates_unchanged(void **state) {
    (void)state;
    rc_object *e = myerror_new(rt, 2), *d = rc_dict_new(rt);
    rc_object *s = rc_set_new(rt, NULL), *l = rc_list_new(rt);
    rc_object *k1 = TH(1), *k8 = TH(8), *v = I(5); /* 1 and 8 collide */
    rc_dict_setitem(d, k1, v);
    rc_set_add(s, k1);
    rc_list_append(l, k1);
    size_t base = rc_refcnt(e);
    thing_raise = e;
    assert_int_equal(rc_dict_setitem(d, k8, v), RC_EEXCEPTION);
    assert_ptr_equal(rc_error_object(rt), e);
    assert_string_equal(rc_last_error_message(rt), "comparison failed");
    assert_int_equal(rc_refcnt(e), base + 1);
    assert_int_equal(rc_dict_size(d), 1);
    assert_text(rc_repr(d), "{T(1): 5}");
    assert_int_equal(rc_set_add(s, k8), RC_EEXCEPTION);
    assert_ptr_equal(rc_error_object(rt), e);
    assert_int_equal(rc_set_size(s), 1);
    assert_int_equal(rc_list_index(l, k8), RC_EEXCEPTION);
    assert_int_equal(rc_contains(l, k8), RC_EEXCEPTION);
    assert_int_equal(rc_list_remove(l, k8), RC_EEXCEPTION);
    assert_ptr_equal(rc_error_object(rt), e);
    assert_int_equal(rc_list_size(l), 1);
    assert_int_equal(rc_refcnt(e), base + 1); /* held once, by the runtime */
    thing_raise = NULL;
    rc_clear_error(rt);
    assert_int_equal(rc_refcnt(e), base);
    rc_decref(k1), rc_decref(k8), rc_decref(v);
    rc_decref(d), rc_decref(s), rc_decref(l), rc_decref(e);
}

/* A list of n things of random values, their pointers in before. */
static rc_object *random_things(uint64_t *seed, rc_object **before, int n) {
    rc_object *l = rc_list_new(rt);
    for (int i = 0; i < n; i++) {
        before[i] = TH((int64_t)rng_below(seed, 1000));
        rc_list_append(l, before[i]);
        rc_decref(before[i]);
    }
    return l;
}

/* A comparison fails at the first comparison, then after two thirds of
 * the comparisons a sort makes (items moved by then): each time the error
 * object comes out of rc_list_sort and the list is in its original order.
 */
static void failing_comparison_in_sort(void **state) {
    (void)state;
    enum { N = 200 };
    uint64_t seed = 11;
    rc_object *before[N], *e = myerror_new(rt, 3);
    size_t base = rc_refcnt(e);
    rc_object *l = random_things(&seed, before, N);
    thing_compares = 0;
    assert_int_equal(rc_list_sort(l, NULL, NULL, false), 0);
    int total = thing_compares;
    rc_decref(l);
    for (int at = 0; at <= total * 2 / 3; at += total * 2 / 3) {
        l = random_things(&seed, before, N);
        thing_compares = 0;
        thing_fail_after = at;
        thing_raise = e;
        assert_int_equal(rc_list_sort(l, NULL, NULL, false), RC_EEXCEPTION);
        thing_raise = NULL;
        assert_ptr_equal(rc_error_object(rt), e);
        assert_int_equal(rc_refcnt(e), base + 1);
        assert_int_equal(rc_list_size(l), N);
        for (int i = 0; i < N; i++)
            assert_ptr_equal(rc_list_get(l, i), before[i]);
        rc_clear_error(rt);
        rc_decref(l);
    }
    thing_fail_after = 0;
    assert_int_equal(rc_refcnt(e), base);
    rc_decref(e);
}

/* A finalizer that raises an error object of its own while the caller's
 * error object is pending: the unraisable hook gets the finalizer's, the
 * caller's comes back afterwards, and every count balances. */
typedef struct raiser {
    rc_object ob;
    rc_object *exc; /* raised by the finalizer (owned) */
} raiser;

static void raiser_finalize(rc_object *self) {
    raiser *r = (raiser *)self;
    rc_set_error_object(rc_runtime_of(self), RC_EEXCEPTION, r->exc,
                        "raised in __del__");
}

static void raiser_dealloc(rc_object *self) {
    rc_xdecref(((raiser *)self)->exc);
}

static const rc_type raiser_type = {.name = "raiser",
                                    .basicsize = sizeof(raiser),
                                    .finalize = raiser_finalize,
                                    .dealloc = raiser_dealloc};

typedef struct seen {
    int calls;
    rc_object *exception;
    rc_status status;
    char message[64];
} seen;

static void record_unraisable(rc_runtime *r, const rc_unraisable *u,
                              void *arg) {
    (void)r;
    seen *s = arg;
    s->calls++;
    s->exception = u->exception;
    s->status = u->status;
    snprintf(s->message, sizeof s->message, "%s", u->message);
}

static void guards_keep_error_objects(void **state) {
    (void)state;
    rc_object *mine = myerror_new(rt, 5), *theirs = myerror_new(rt, 6);
    size_t mine0 = rc_refcnt(mine), theirs0 = rc_refcnt(theirs);
    seen s = {0};
    rc_set_unraisable_hook(rt, record_unraisable, &s);
    raiser *r = (raiser *)rc_new(rt, &raiser_type);
    r->exc = theirs;
    rc_incref(theirs);
    rc_set_error_object(rt, RC_EEXCEPTION, mine, "pending");
    rc_decref(&r->ob); /* finalizer, hook, then the block is freed */
    assert_int_equal(s.calls, 1);
    assert_ptr_equal(s.exception, theirs);
    assert_int_equal(s.status, RC_EEXCEPTION);
    assert_string_equal(s.message, "raised in __del__");
    assert_ptr_equal(rc_error_object(rt), mine);
    assert_string_equal(rc_last_error_message(rt), "pending");
    assert_int_equal(rc_refcnt(theirs), theirs0);
    assert_int_equal(rc_refcnt(mine), mine0 + 1);
    /* a collection keeps it too, with a raising finalizer in a cycle */
    tnode *n = tnode_new(rt);
    r = (raiser *)rc_new(rt, &raiser_type);
    r->exc = theirs;
    rc_incref(theirs);
    rc_object *box = tbox_new(rt, &r->ob);
    tnode_set(n, 0, &n->ob);
    tnode_set(n, 1, box);
    rc_decref(box), rc_decref(&r->ob), rc_decref(&n->ob);
    assert_true(rc_gc_collect(rt, 2) >= 1);
    assert_int_equal(s.calls, 2);
    assert_ptr_equal(rc_error_object(rt), mine);
    assert_int_equal(rc_refcnt(theirs), theirs0);
    rc_set_unraisable_hook(rt, NULL, NULL);
    rc_clear_error(rt);
    assert_int_equal(rc_refcnt(mine), mine0);
    rc_decref(mine), rc_decref(theirs);
}

/* The default printer names the exception's type. */
static void default_unraisable_printer(void **state) {
    (void)state;
    memstream m;
    rc_runtime *r2 = test_runtime_with_stream(&m);
    rc_runtime *saved = rt;
    rt = r2;
    rc_object *exc = myerror_new(rt, 7);
    raiser *r = (raiser *)rc_new(r2, &raiser_type);
    r->exc = exc;
    rc_decref(&r->ob);
    rt = saved;
    rc_runtime_free(r2);
    fflush(m.f);
    assert_non_null(strstr(m.buf, "Exception ignored in: finalizer of "
                                  "<raiser object at 0x"));
    assert_non_null(strstr(m.buf, "MyError: raised in __del__\n"));
    memstream_close(&m);
}

/* An iterator of ours that yields 0, 1, ... n - 1 and then raises its
 * exception object (a generator that fails part-way). */
typedef struct failing_iter {
    rc_object ob;
    int next, n;
    bool raised;
    rc_object *exc; /* owned */
} failing_iter;

static rc_object *fiter_iter(rc_object *self) {
    rc_incref(self);
    return self;
}

static int fiter_next(rc_object *self, rc_object **item) {
    failing_iter *it = (failing_iter *)self;
    rc_runtime *r = rc_runtime_of(self);
    if (it->next == it->n) {
        it->raised = true;
        return rc_set_error_object(r, RC_EEXCEPTION, it->exc, "gave up");
    }
    *item = rc_int_from_i64(r, 1000 + it->next++);
    return *item ? 1 : rc_last_error(r);
}

static void fiter_dealloc(rc_object *self) {
    rc_decref(((failing_iter *)self)->exc);
}

static const rc_protocol fiter_protocol = {
    .version = RC_PROTOCOL_VERSION, .iter = fiter_iter, .next = fiter_next};

static const rc_type fiter_type = {.name = "failing_iter",
                                   .basicsize = sizeof(failing_iter),
                                   .dealloc = fiter_dealloc,
                                   .protocol = &fiter_protocol};

/* list.extend from an iterator that raises: the list is given back its
 * items (and its memory, by a shrink that may itself be refused) and the
 * error that comes out is the iterator's object, or RC_ENOMEM when the
 * list could not grow; never a mix. Every allocation refused in turn. */
static void extend_failure_keeps_the_error_object(void **state) {
    (void)state;
    for (long n = 1, forever = 0; forever < 2; n++) {
        failing_alloc fa = {0};
        rc_config cfg = failing_config(&fa);
        cfg.passthrough = true;
        rt = rc_runtime_new(&cfg);
        rc_object *exc = myerror_new(rt, 9), *l = rc_list_new(rt);
        for (int i = 0; i < 3; i++)
            rc_list_append(l, exc);
        failing_iter *it = (failing_iter *)rc_new(rt, &fiter_type);
        it->n = 200;
        it->exc = exc;
        rc_incref(exc);
        fa.fail_at = fa.calls + n;
        fa.forever = forever;
        int r = rc_list_extend(l, &it->ob);
        long refused = fa.failures;
        fa.fail_at = 0;
        if (it->raised) {
            assert_int_equal(rc_last_error(rt), RC_EEXCEPTION);
            assert_ptr_equal(rc_error_object(rt), exc);
        } else {
            assert_int_equal(rc_last_error(rt), RC_ENOMEM);
        }
        assert_int_equal(r, rc_last_error(rt));
        assert_int_equal(rc_list_size(l), 3);
        rc_clear_error(rt);
        assert_int_equal(rc_refcnt(exc), 5); /* ours, the iterator's, l's */
        rc_decref(&it->ob), rc_decref(l), rc_decref(exc);
        assert_int_equal(rc_heap_check(rt), 0);
        rc_runtime_free(rt);
        rt = NULL;
        assert_int_equal(fa.live_blocks, 0);
        if (!refused)
            n = 0, forever++;
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        T(dict_keys_and_set_members),
        T(list_search_uses_equality),
        T(sorting_by_the_types_less_than),
        T(repr_and_formatting_use_the_slots),
        T(comparison_dispatch),
        T(number_dispatch),
        T(builtin_inplace_operators),
        T(calls_with_keywords),
        T(attributes_defaults_and_slots),
        T(other_slots_and_defaults),
        T(error_objects_set_fetch_clear),
        T(failing_equality_propagates_unchanged),
        T(failing_comparison_in_sort),
        T(guards_keep_error_objects),
        T(default_unraisable_printer),
        cmocka_unit_test(extend_failure_keeps_the_error_object),
        T(index_slot),
        T(getattr_hook),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
