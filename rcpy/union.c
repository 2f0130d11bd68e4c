/*
 * union.c — types.UnionType, what `int | str` makes (PEP 604): classes,
 * None, generic aliases and unions combine with `|` into a union that
 * prints as "int | str", compares and hashes by its set of members, and
 * stands for a tuple of its members in isinstance/issubclass.
 *
 * Invariant: a union's args is a tuple of at least two distinct members,
 * flattened (no member is itself a union) and with None stored as
 * NoneType, in the order they were first written; `X | X` is X itself.
 */
#include "objmodel.h"

#include <string.h>

typedef struct rp_union {
    rc_object ob;
    rc_object *args; /* tuple */
} rp_union;

#define UNION(o) ((rp_union *)(o))

static int union_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    return UNION(self)->args ? visit(UNION(self)->args, arg) : 0;
}

static int union_clear(rc_object *self) {
    rc_object *a = UNION(self)->args;
    UNION(self)->args = NULL;
    rc_xdecref(a);
    return 0;
}

static const rc_type union_type;

bool rp_is_union(const rc_object *o) {
    return o->type == &union_type;
}

rc_object *rp_union_args(rc_object *u) {
    return UNION(u)->args;
}

/* What may be a member: None, a class, a generic alias (list[int]) or a
 * union. */
static bool unionable(rp_interp *ip, rc_object *o) {
    return o == ip->none || rp_is_class(o) || rp_is_union(o) ||
           strcmp(o->type->name, "types.GenericAlias") == 0;
}

/* Appends o (None as NoneType; a union's members) to items, skipping
 * members already there. */
static int add_member(rp_interp *ip, rc_object *items, rc_object *o) {
    if (rp_is_union(o)) {
        rc_object *args = UNION(o)->args;
        for (size_t i = 0; i < rc_tuple_size(args); i++)
            if (add_member(ip, items, rc_tuple_get(args, i)) < 0)
                return -1;
        return 0;
    }
    if (o == ip->none)
        o = &rp_type_of(ip->none)->ob;
    for (size_t i = 0; i < rc_list_size(items); i++) {
        rc_object *m = rc_list_get(items, (ptrdiff_t)i);
        int eq = m == o ? 1 : rc_equal(m, o);
        if (eq != 0)
            return eq < 0 ? -1 : 0;
    }
    return rc_list_append(items, o) < 0 ? -1 : 0;
}

/* a | b for two unionable objects: a union, or the one member when both
 * sides name the same. New reference. */
static rc_object *union_of(rp_interp *ip, rc_object *a, rc_object *b) {
    rc_object *items = rc_list_new(ip->rt);
    if (!items || add_member(ip, items, a) < 0 ||
        add_member(ip, items, b) < 0) {
        rc_xdecref(items);
        return NULL;
    }
    rc_object *r;
    if (rc_list_size(items) == 1) {
        r = rp_new_ref(rc_list_get(items, 0));
    } else {
        size_t n = rc_list_size(items);
        rc_object *args = rc_tuple_new(ip->rt, n);
        for (size_t i = 0; args && i < n; i++)
            rc_tuple_init_item(args, i,
                               rp_new_ref(rc_list_get(items, (ptrdiff_t)i)));
        rp_union *u = args ? (rp_union *)rc_new(ip->rt, &union_type) : NULL;
        if (u)
            u->args = args;
        else
            rc_xdecref(args);
        if (u && !u->args) {
            rc_decref(&u->ob);
            u = NULL;
        }
        r = u ? &u->ob : NULL;
    }
    rc_decref(items);
    return r;
}

rc_object *rp_union_binop(rp_interp *ip, rc_object *a, rc_object *b) {
    if (!unionable(ip, a) || !unionable(ip, b))
        return rc_notimplemented(ip->rt);
    return union_of(ip, a, b);
}

/* ====================================================================== */
/* repr, comparison, hash, operators                                      */
/* ====================================================================== */

/* One member as CPython prints it: None, a class by its qualname (with
 * its module unless builtins), anything else by repr. */
static rc_object *member_repr(rp_interp *ip, rc_object *m) {
    if (m == &rp_type_of(ip->none)->ob)
        return rp_str(ip, "None");
    if (!rp_is_class(m))
        return rc_repr(m);
    rp_class *cls = (rp_class *)m;
    rc_object *mod = rp_class_module(ip, cls);
    if (!mod)
        return NULL;
    rc_object *qn = cls->qualname ? cls->qualname : cls->name;
    rc_object *r = rc_is_str(mod) && strcmp(rc_str_utf8(mod), "builtins") != 0
                       ? rc_str_from_format(ip->rt, "%s.%s", rc_str_utf8(mod),
                                            rc_str_utf8(qn))
                       : rp_new_ref(qn);
    rc_decref(mod);
    return r;
}

static rc_object *union_repr(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *args = UNION(self)->args;
    rc_object *parts = rc_list_new(ip->rt);
    for (size_t i = 0; parts && i < rc_tuple_size(args); i++) {
        rc_object *s = member_repr(ip, rc_tuple_get(args, i));
        if (!s || rc_list_append(parts, s) < 0) {
            rc_xdecref(s);
            rc_decref(parts);
            return NULL;
        }
        rc_decref(s);
    }
    rc_object *sep = parts ? rp_str(ip, " | ") : NULL;
    rc_object *r = sep ? rc_str_join(sep, parts) : NULL;
    rc_xdecref(sep);
    rc_xdecref(parts);
    return r;
}

static rc_object *union_richcompare(rc_object *self, rc_object *other,
                                    rc_cmp op) {
    rp_interp *ip = rp_interp_of(self);
    if ((op != RC_EQ && op != RC_NE) || !rp_is_union(other))
        return rc_notimplemented(ip->rt);
    rc_object *a = rc_frozenset_new(ip->rt, UNION(self)->args);
    rc_object *b = a ? rc_frozenset_new(ip->rt, UNION(other)->args) : NULL;
    int eq = b ? rc_equal(a, b) : -1;
    rc_xdecref(a);
    rc_xdecref(b);
    if (eq < 0)
        return NULL;
    return rp_new_ref(rp_bool(ip, (eq > 0) == (op == RC_EQ)));
}

static int union_hash(rc_object *self, int64_t *out) {
    rc_object *s = rc_frozenset_new(rp_interp_of(self)->rt, UNION(self)->args);
    int r = s ? rc_hash(s, out) : -1;
    rc_xdecref(s);
    return r;
}

static rc_object *union_binop(rc_object *a, rc_object *b, rc_binop op) {
    rp_interp *ip = rp_interp_of(rp_is_union(a) ? a : b);
    if (op != RC_OP_OR)
        return rc_notimplemented(ip->rt);
    return rp_union_binop(ip, a, b);
}

static const rc_protocol union_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = union_repr,
    .hash = union_hash,
    .richcompare = union_richcompare,
    .binop = union_binop,
};

static const rc_type union_type = {
    .name = "types.UnionType",
    .basicsize = sizeof(rp_union),
    .flags = RC_TYPE_GC,
    .traverse = union_traverse,
    .clear = union_clear,
    .protocol = &union_protocol,
};

static rc_object *get_args(rp_interp *ip, rc_object *self) {
    return rp_new_ref(UNION(self)->args);
}

static rc_object *get_parameters(rp_interp *ip, rc_object *self) {
    return rc_tuple_new(ip->rt, 0);
}

static const rp_getsetdef union_getsets[] = {
    {"__args__", get_args, NULL, NULL},
    {"__parameters__", get_parameters, NULL, NULL},
    {NULL},
};

int rp_init_union(rp_interp *ip) {
    rp_class *c =
        rp_class_new_builtin(ip, "UnionType", &union_type, NULL, NULL, NULL, 0);
    if (!c || rp_class_add_getsets(ip, c, union_getsets) < 0)
        return -1;
    rc_object *mod = rp_str(ip, "types");
    return mod ? rp_class_add_object(ip, c, "__module__", mod) : -1;
}
