/*
 * bt_set.c — the classes set and frozenset: set(iterable) (an empty set
 * from __new__, filled by __init__), frozenset(iterable), and add, remove,
 * discard, pop, clear, copy, update, union, intersection, difference,
 * symmetric_difference (and the _update forms), issubset, issuperset,
 * isdisjoint.
 *
 * Sets are rcgc's; | & - ^ (and their in-place forms), comparisons and
 * `in` come from the library's slots. Methods taking "*others" accept any
 * iterables, as CPython's do; the results have the receiver's type (set
 * or frozenset), computed by rcgc's rc_set_union and friends.
 */
#include "btypes.h"

/* ====================================================================== */
/* Making sets                                                            */
/* ====================================================================== */

static rc_object *set_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                          size_t nargs, rc_object *kwnames) {
    return rc_set_new(ip->rt, NULL);
}

static int add_item(rp_interp *ip, rc_object *item, void *set) {
    return rc_set_add(set, item);
}

static int discard_item(rp_interp *ip, rc_object *item, void *set) {
    return rc_set_discard(set, item) < 0 ? -1 : 0;
}

BT_CFUNC(set_init) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "set() takes no keyword arguments");
        return NULL;
    }
    if (rp_check_args(ip, "set", nargs, NULL, 0, 1) < 0)
        return NULL;
    if (rc_set_size(self) && rc_set_clear(self) < 0)
        return NULL;
    if (nargs && bt_foreach(ip, args[0], add_item, self) < 0)
        return NULL;
    return rp_new_ref(ip->none);
}

static rc_object *frozenset_new(rp_interp *ip, rp_class *cls,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError,
                 "frozenset() takes no keyword arguments");
        return NULL;
    }
    if (rp_check_args(ip, "frozenset", nargs, NULL, 0, 1) < 0)
        return NULL;
    return rc_frozenset_new(ip->rt, nargs ? args[0] : NULL);
}

/* ====================================================================== */
/* Changing a set                                                         */
/* ====================================================================== */

BT_CFUNC(set_add) {
    if (rp_check_args(ip, "set.add", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return rc_set_add(self, args[0]) < 0 ? NULL : rp_new_ref(ip->none);
}

BT_CFUNC(set_discard) {
    if (rp_check_args(ip, "set.discard", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return rc_set_discard(self, args[0]) < 0 ? NULL : rp_new_ref(ip->none);
}

BT_CFUNC(set_remove) {
    if (rp_check_args(ip, "set.remove", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int r = rc_set_discard(self, args[0]);
    if (r == 0)
        rp_raise_keyerror(ip, args[0]);
    return r <= 0 ? NULL : rp_new_ref(ip->none);
}

BT_CFUNC(set_pop) {
    if (rp_check_args(ip, "set.pop", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (rc_set_size(self) == 0) {
        rc_object *msg = rp_str(ip, "pop from an empty set");
        if (msg)
            rp_raise_keyerror(ip, msg);
        rc_xdecref(msg);
        return NULL;
    }
    return rc_set_pop(self);
}

BT_CFUNC(set_clear) {
    if (rp_check_args(ip, "set.clear", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_set_clear(self) < 0 ? NULL : rp_new_ref(ip->none);
}

BT_CFUNC(set_copy) {
    if (rp_check_args(ip, "set.copy", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (rc_is_frozenset(self))
        return rp_new_ref(self);
    return rc_set_new(ip->rt, self);
}

BT_CFUNC(set_update) {
    if (rp_check_args(ip, "set.update", nargs, kwnames, 0, (size_t)-1) < 0)
        return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (bt_foreach(ip, args[i], add_item, self) < 0)
            return NULL;
    return rp_new_ref(ip->none);
}

/* ====================================================================== */
/* Set algebra                                                            */
/* ====================================================================== */

typedef rc_object *(*set_op)(rc_object *a, rc_object *b);

/* union and difference change their result in place after the first
 * operation, as CPython's do, so the result iterates in CPython's order;
 * intersection makes a new set at each step, as CPython's does. */
static bt_item_fn in_place_step(set_op op) {
    return op == rc_set_union        ? add_item
           : op == rc_set_difference ? discard_item
                                     : NULL;
}

/* self op others[0] op others[1] ...: a new set of self's type (a
 * frozenset with no others is itself, as CPython's copy). */
static rc_object *fold(rp_interp *ip, rc_object *self, rc_object *const *others,
                       size_t n, set_op op) {
    if (n == 0)
        return rc_is_frozenset(self) ? rp_new_ref(self)
                                     : rc_set_new(ip->rt, self);
    rc_object *r = op(self, others[0]);
    bt_item_fn step = in_place_step(op);
    for (size_t i = 1; r && i < n; i++) {
        if (step && !rc_is_frozenset(r)) {
            if (bt_foreach(ip, others[i], step, r) == 0)
                continue;
            rc_decref(r);
            return NULL;
        }
        rc_object *next = op(r, others[i]);
        rc_decref(r);
        r = next;
    }
    return r;
}

/* Makes self's content equal to r's (stolen). */
static rc_object *replace_content(rp_interp *ip, rc_object *self,
                                  rc_object *r) {
    if (!r)
        return NULL;
    int st = rc_set_clear(self);
    if (st == 0)
        st = bt_foreach(ip, r, add_item, self);
    rc_decref(r);
    return st < 0 ? NULL : rp_new_ref(ip->none);
}

#define FOLD_METHOD(fname, pyname, op)                                         \
    BT_CFUNC(fname) {                                                          \
        if (rp_check_args(ip, pyname, nargs, kwnames, 0, (size_t)-1) < 0)      \
            return NULL;                                                       \
        return fold(ip, self, args, nargs, op);                                \
    }

#define UPDATE_METHOD(fname, pyname, op)                                       \
    BT_CFUNC(fname) {                                                          \
        if (rp_check_args(ip, pyname, nargs, kwnames, 0, (size_t)-1) < 0)      \
            return NULL;                                                       \
        return replace_content(ip, self, fold(ip, self, args, nargs, op));     \
    }

FOLD_METHOD(set_union, "set.union", rc_set_union)
FOLD_METHOD(set_intersection, "set.intersection", rc_set_intersection)
FOLD_METHOD(set_difference, "set.difference", rc_set_difference)
UPDATE_METHOD(set_intersection_update, "set.intersection_update",
              rc_set_intersection)

BT_CFUNC(set_symmetric_difference) {
    if (rp_check_args(ip, "set.symmetric_difference", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return rc_set_symmetric_difference(self, args[0]);
}

/* difference_update and symmetric_difference_update change the set in
 * place, key by key, as CPython does (so its table, and the order it
 * iterates in, end up as CPython's). */
BT_CFUNC(set_difference_update) {
    if (rp_check_args(ip, "set.difference_update", nargs, kwnames, 0,
                      (size_t)-1) < 0)
        return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (bt_foreach(ip, args[i], discard_item, self) < 0)
            return NULL;
    return rp_new_ref(ip->none);
}

static int toggle_item(rp_interp *ip, rc_object *item, void *set) {
    int r = rc_set_discard(set, item);
    return r < 0 ? -1 : r == 0 ? rc_set_add(set, item) : 0;
}

BT_CFUNC(set_symmetric_difference_update) {
    if (rp_check_args(ip, "set.symmetric_difference_update", nargs, kwnames, 1,
                      1) < 0)
        return NULL;
    rc_object *v = bt_value(args[0]);
    rc_object *other =
        rc_is_set(v) && v != self ? rp_new_ref(v) : rc_set_new(ip->rt, args[0]);
    if (!other)
        return NULL;
    int r = bt_foreach(ip, other, toggle_item, self);
    rc_decref(other);
    return r < 0 ? NULL : rp_new_ref(ip->none);
}

/* ====================================================================== */
/* Comparisons                                                            */
/* ====================================================================== */

/* self <op> set(other), other any iterable. */
static rc_object *compare_with(rp_interp *ip, rc_object *self, rc_object *other,
                               rc_cmp op) {
    rc_object *v = bt_value(other);
    rc_object *s = rc_is_set(v) ? rp_new_ref(v) : rc_set_new(ip->rt, other);
    if (!s)
        return NULL;
    int r = rc_compare(self, s, op);
    rc_decref(s);
    return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r));
}

BT_CFUNC(set_issubset) {
    if (rp_check_args(ip, "set.issubset", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return compare_with(ip, self, args[0], RC_LE);
}

BT_CFUNC(set_issuperset) {
    if (rp_check_args(ip, "set.issuperset", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return compare_with(ip, self, args[0], RC_GE);
}

static int in_set(rp_interp *ip, rc_object *item, void *set) {
    return rc_set_contains(set, item); /* 1 stops: not disjoint */
}

BT_CFUNC(set_isdisjoint) {
    if (rp_check_args(ip, "set.isdisjoint", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int r = bt_foreach(ip, args[0], in_set, self);
    return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r == 0));
}

/* ====================================================================== */
/* The classes                                                            */
/* ====================================================================== */

#define COMMON_METHODS                                                         \
    {"copy", set_copy, 0, "Return a shallow copy of a set."},                  \
        {"union", set_union, 0, "Return the union of sets as a new set."},     \
        {"intersection", set_intersection, 0,                                  \
         "Return the intersection of two sets as a new set."},                 \
        {"difference", set_difference, 0,                                      \
         "Return the difference of two or more sets as a new set."},           \
        {"symmetric_difference", set_symmetric_difference, 0,                  \
         "Return the symmetric difference of two sets as a new set."},         \
        {"issubset", set_issubset, 0,                                          \
         "Report whether another set contains this set."},                     \
        {"issuperset", set_issuperset, 0,                                      \
         "Report whether this set contains another set."},                     \
    {                                                                          \
        "isdisjoint", set_isdisjoint, 0,                                       \
            "Return True if two sets have a null intersection."                \
    }

static const rp_methoddef set_methods[] = {
    COMMON_METHODS,
    {"__init__", set_init, 0,
     "Initialize self.  See help(type(self)) for accurate signature."},
    {"add", set_add, 0, "Add an element to a set."},
    {"remove", set_remove, 0,
     "Remove an element from a set; it must be a member."},
    {"discard", set_discard, 0,
     "Remove an element from a set if it is a member."},
    {"pop", set_pop, 0, "Remove and return an arbitrary set element."},
    {"clear", set_clear, 0, "Remove all elements from this set."},
    {"update", set_update, 0,
     "Update a set with the union of itself and others."},
    {"intersection_update", set_intersection_update, 0,
     "Update a set with the intersection of itself and another."},
    {"difference_update", set_difference_update, 0,
     "Remove all elements of another set from this set."},
    {"symmetric_difference_update", set_symmetric_difference_update, 0,
     "Update a set with the symmetric difference of itself and another."},
    {NULL},
};

static const rp_methoddef frozenset_methods[] = {
    COMMON_METHODS,
    {NULL},
};

int rp_bt_init_set(rp_interp *ip) {
    rc_object *s = rc_set_new(ip->rt, NULL);
    rc_object *f = s ? rc_frozenset_new(ip->rt, NULL) : NULL;
    if (f) {
        ip->cls.set = rp_class_new_builtin(
            ip, "set", s->type, NULL, set_methods, set_new, RP_CLS_BASETYPE);
        ip->cls.frozenset = rp_class_new_builtin(
            ip, "frozenset", f->type, NULL, frozenset_methods, frozenset_new,
            RP_CLS_BASETYPE);
    }
    rc_xdecref(s);
    rc_xdecref(f);
    return ip->cls.set && ip->cls.frozenset ? 0 : -1;
}
