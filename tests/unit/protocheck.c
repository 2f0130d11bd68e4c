/* protocheck.c — the types the protocol tests share (protocheck.h). */
#include "protocheck.h"

/* ====================================================================== */
/* An exception type of our own                                            */
/* ====================================================================== */

const rc_type myerror_type = {.name = "MyError", .basicsize = sizeof(myerror)};

rc_object *myerror_new(rc_runtime *rt, int code) {
    myerror *e = (myerror *)rc_new(rt, &myerror_type);
    assert_non_null(e);
    e->code = code;
    return &e->ob;
}

/* ====================================================================== */
/* thing: a class-like type through the protocol                           */
/* ====================================================================== */

rc_object *thing_raise;
int thing_fail_after;
int thing_compares;

rc_object *thing_new(rc_runtime *rt, int64_t v) {
    thing *t = (thing *)rc_new(rt, &thing_type);
    if (t)
        t->v = v;
    return (rc_object *)t;
}

static rc_object *thing_repr(rc_object *self) {
    return rc_str_from_format(rc_runtime_of(self), "T(%lld)",
                              (long long)V(self));
}

static rc_object *thing_str(rc_object *self) {
    return rc_str_from_format(rc_runtime_of(self), "t%lld", (long long)V(self));
}

/* format(thing, "x"): hex; "": str; anything else fails. */
static rc_object *thing_format(rc_object *self, rc_object *spec) {
    rc_runtime *r = rc_runtime_of(self);
    const char *s = rc_str_utf8(spec);
    if (!*s)
        return rc_str(self);
    if (!strcmp(s, "x"))
        return rc_str_from_format(r, "0x%llx", (long long)V(self));
    rc_set_error(r, RC_EVALUE, "bad thing spec '%s'", s);
    return NULL;
}

/* Collisions on purpose: v and v + 7 hash alike. */
static int thing_hash(rc_object *self, int64_t *out) {
    *out = V(self) % 7;
    return 0;
}

/* Compares with things and ints; declines anything else. */
static rc_object *thing_richcompare(rc_object *self, rc_object *other,
                                    rc_cmp op) {
    rc_runtime *r = rc_runtime_of(self);
    int64_t b;
    if (is_thing(other))
        b = V(other);
    else if (!rc_is_int(other) || rc_int_to_i64(other, &b) != 0)
        return rc_notimplemented(r);
    if (thing_raise && thing_compares >= thing_fail_after) {
        rc_set_error_object(r, RC_EEXCEPTION, thing_raise, "comparison failed");
        return NULL;
    }
    thing_compares++;
    int64_t a = V(self);
    bool res = op == RC_LT   ? a < b
               : op == RC_LE ? a <= b
               : op == RC_EQ ? a == b
               : op == RC_NE ? a != b
               : op == RC_GT ? a > b
                             : a >= b;
    return rc_bool_from(r, res);
}

static ptrdiff_t thing_len(rc_object *self) {
    return V(self) < 0 ? 0 : (ptrdiff_t)V(self);
}

/* thing + thing, thing + int, int + thing (seen on the right: __radd__);
 * thing - thing; everything else declines. */
static rc_object *thing_binop(rc_object *a, rc_object *b, rc_binop op) {
    rc_runtime *r = rc_runtime_of(is_thing(a) ? a : b);
    int64_t x, y;
    if (is_thing(a))
        x = V(a);
    else if (!rc_is_int(a) || rc_int_to_i64(a, &x))
        return rc_notimplemented(r);
    if (is_thing(b))
        y = V(b);
    else if (!rc_is_int(b) || rc_int_to_i64(b, &y))
        return rc_notimplemented(r);
    if (op == RC_OP_ADD)
        return thing_new(r, x + y);
    if (op == RC_OP_SUB && is_thing(a) && is_thing(b))
        return thing_new(r, x - y);
    return rc_notimplemented(r);
}

/* thing += thing changes self; other operands fall back to binop. */
static rc_object *thing_inplace(rc_object *self, rc_object *other,
                                rc_binop op) {
    if (op != RC_OP_ADD || !is_thing(other))
        return rc_notimplemented(rc_runtime_of(self));
    ((thing *)self)->v += V(other);
    rc_incref(self);
    return self;
}

static rc_object *thing_unop(rc_object *self, rc_unop op) {
    rc_runtime *r = rc_runtime_of(self);
    if (op == RC_OP_NEG)
        return thing_new(r, -V(self));
    rc_set_error(r, RC_ETYPE, "bad operand type for %s: 'thing'",
                 rc_unop_symbol(op));
    return NULL;
}

/* thing(*args, **kw): a tuple (v, nargs, kwnames or None, the arguments
 * in order). */
static rc_object *thing_call(rc_object *self, rc_object *const *args,
                             size_t nargs, rc_object *kwnames) {
    rc_runtime *r = rc_runtime_of(self);
    size_t nkw = kwnames ? rc_tuple_size(kwnames) : 0;
    rc_object *t = rc_tuple_new(r, 3 + nargs + nkw);
    if (!t)
        return NULL;
    rc_object *v = rc_int_from_i64(r, V(self));
    rc_object *n = v ? rc_int_from_i64(r, (int64_t)nargs) : NULL;
    if (!n) {
        rc_xdecref(v);
        rc_tuple_init_item(t, 0, rc_none(r));
        rc_tuple_init_item(t, 1, rc_none(r));
        rc_tuple_init_item(t, 2, rc_none(r));
        for (size_t i = 0; i < nargs + nkw; i++)
            rc_tuple_init_item(t, 3 + i, rc_none(r));
        rc_decref(t);
        return NULL;
    }
    rc_tuple_init_item(t, 0, v);
    rc_tuple_init_item(t, 1, n);
    rc_object *names = kwnames ? kwnames : rc_none(r);
    rc_incref(names);
    rc_tuple_init_item(t, 2, names);
    for (size_t i = 0; i < nargs + nkw; i++) {
        rc_incref(args[i]);
        rc_tuple_init_item(t, 3 + i, args[i]);
    }
    return t;
}

static bool name_is(rc_object *name, const char *s) {
    return !strcmp(rc_str_utf8(name), s);
}

static rc_object *thing_getattr(rc_object *self, rc_object *name) {
    rc_runtime *r = rc_runtime_of(self);
    if (name_is(name, "v"))
        return rc_int_from_i64(r, V(self));
    rc_set_error(r, RC_EATTR, "'thing' object has no attribute '%s'",
                 rc_str_utf8(name));
    return NULL;
}

static int thing_setattr(rc_object *self, rc_object *name, rc_object *value) {
    rc_runtime *r = rc_runtime_of(self);
    int64_t v;
    if (!name_is(name, "v"))
        return rc_set_error(r, RC_EATTR, "'thing' object has no attribute '%s'",
                            rc_str_utf8(name));
    if (!rc_is_int(value) || rc_int_to_i64(value, &v))
        return rc_set_error(r, RC_ETYPE, "v must be an int");
    ((thing *)self)->v = v;
    return 0;
}

static int thing_delattr(rc_object *self, rc_object *name) {
    return rc_set_error(rc_runtime_of(self), RC_EATTR,
                        "can't delete attribute '%s'", rc_str_utf8(name));
}

static size_t thing_extra_size(const rc_object *self) {
    (void)self;
    return 100;
}

static const rc_protocol thing_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = thing_repr,
    .str = thing_str,
    .format = thing_format,
    .hash = thing_hash,
    .richcompare = thing_richcompare,
    .len = thing_len,
    .call = thing_call,
    .getattr = thing_getattr,
    .setattr = thing_setattr,
    .delattr = thing_delattr,
    .binop = thing_binop,
    .inplace = thing_inplace,
    .unop = thing_unop,
    .extra_size = thing_extra_size,
};

const rc_type thing_type = {
    .name = "thing",
    .basicsize = sizeof(thing),
    .protocol = &thing_protocol,
};

/* A type with no protocol at all: Python's defaults. */
const rc_type plain_type = {.name = "plain", .basicsize = sizeof(rc_object)};
