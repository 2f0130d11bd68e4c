/*
 * bt_alias.c — types.GenericAlias, what list[int] and dict[str, int] make
 * (PEP 585): the builtin container classes get a __class_getitem__ that
 * returns one. An alias remembers its origin class and its arguments,
 * prints as CPython prints it ("dict[str, list[int]]", "tuple[int, ...]"),
 * compares and hashes by (origin, args), and calling it calls the origin
 * (list[int]() is []). Type aliases in teaching code (Vector = list[float])
 * need no more.
 *
 * Invariant: origin and args are set once at creation (args a tuple) and
 * owned; the alias is a GC object, since its arguments may be anything.
 */
#include "btypes.h"

#include <string.h>

typedef struct bt_alias {
    rc_object ob;
    rc_object *origin; /* the class subscripted */
    rc_object *args;   /* tuple of the subscript's items */
} bt_alias;

#define ALIAS(o) ((bt_alias *)(o))

static int alias_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    int r = ALIAS(self)->origin ? visit(ALIAS(self)->origin, arg) : 0;
    return r ? r : ALIAS(self)->args ? visit(ALIAS(self)->args, arg) : 0;
}

static int alias_clear(rc_object *self) {
    rc_object *o = ALIAS(self)->origin, *a = ALIAS(self)->args;
    ALIAS(self)->origin = ALIAS(self)->args = NULL;
    rc_xdecref(o);
    rc_xdecref(a);
    return 0;
}

/* ====================================================================== */
/* repr                                                                   */
/* ====================================================================== */

/* One item as CPython's GenericAlias prints it: "..." for Ellipsis, a
 * class by its (module-qualified unless builtin) qualname, an alias by
 * its repr, anything else by repr. */
static void add_item(rp_interp *ip, bt_buf *b, rc_object *item) {
    if (item == ip->ellipsis) {
        bt_buf_add_cstr(b, "...");
        return;
    }
    rc_object *s = NULL;
    if (rp_is_class(item)) {
        rp_class *cls = (rp_class *)item;
        rc_object *mod = rp_class_module(ip, cls);
        if (mod && rc_is_str(mod) && strcmp(rc_str_utf8(mod), "builtins"))
            s = rc_str_from_format(ip->rt, "%s.%s", rc_str_utf8(mod),
                                   rc_str_utf8(cls->qualname));
        else if (mod)
            s = rp_new_ref(cls->qualname);
        rc_xdecref(mod);
    } else {
        s = rc_repr(item);
    }
    if (s)
        bt_buf_add_str(b, s);
    else
        b->failed = true;
    rc_xdecref(s);
}

static rc_object *alias_repr(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    bt_alias *a = ALIAS(self);
    bt_buf b;
    bt_buf_init(&b, ip);
    add_item(ip, &b, a->origin);
    bt_buf_add(&b, "[", 1);
    size_t n = rc_tuple_size(a->args);
    for (size_t i = 0; i < n; i++) {
        if (i)
            bt_buf_add(&b, ", ", 2);
        add_item(ip, &b, rc_tuple_get(a->args, i));
    }
    if (n == 0)
        bt_buf_add(&b, "()", 2);
    bt_buf_add(&b, "]", 1);
    if (b.failed && rp_err_occurred(ip)) {
        bt_buf_free(&b);
        return NULL;
    }
    return bt_buf_finish(&b);
}

/* ====================================================================== */
/* Comparison, hash, call                                                 */
/* ====================================================================== */

static rc_object *alias_richcompare(rc_object *self, rc_object *other,
                                    rc_cmp op) {
    rp_interp *ip = rp_interp_of(self);
    if ((op != RC_EQ && op != RC_NE) || other->type != self->type)
        return rc_notimplemented(ip->rt);
    int eq = ALIAS(self)->origin == ALIAS(other)->origin
                 ? rc_equal(ALIAS(self)->args, ALIAS(other)->args)
                 : 0;
    if (eq < 0)
        return NULL;
    return rp_new_ref(rp_bool(ip, (eq > 0) == (op == RC_EQ)));
}

static int alias_hash(rc_object *self, int64_t *out) {
    int64_t h;
    if (rc_hash(ALIAS(self)->args, &h) < 0)
        return -1;
    *out = h ^ rc_hash_identity(ALIAS(self)->origin);
    if (*out == -1)
        *out = -2;
    return 0;
}

static rc_object *alias_call(rc_object *self, rc_object *const *args,
                             size_t nargs, rc_object *kwnames) {
    return rp_call(rp_interp_of(self), ALIAS(self)->origin, args, nargs,
                   kwnames);
}

static const rc_protocol alias_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = alias_repr,
    .hash = alias_hash,
    .richcompare = alias_richcompare,
    .call = alias_call,
};

static const rc_type alias_type = {
    .name = "types.GenericAlias",
    .basicsize = sizeof(bt_alias),
    .flags = RC_TYPE_GC,
    .traverse = alias_traverse,
    .clear = alias_clear,
    .protocol = &alias_protocol,
};

/* ====================================================================== */
/* Attributes and the classes' __class_getitem__                          */
/* ====================================================================== */

static rc_object *get_origin(rp_interp *ip, rc_object *self) {
    return rp_new_ref(ALIAS(self)->origin);
}

static rc_object *get_args(rp_interp *ip, rc_object *self) {
    return rp_new_ref(ALIAS(self)->args);
}

static rc_object *get_parameters(rp_interp *ip, rc_object *self) {
    return rc_tuple_new(ip->rt, 0);
}

static const rp_getsetdef alias_getsets[] = {
    {"__origin__", get_origin, NULL, NULL},
    {"__args__", get_args, NULL, NULL},
    {"__parameters__", get_parameters, NULL, NULL},
    {NULL},
};

/* cls[item]: an alias of cls with item (a tuple: its items) as args. */
BT_CFUNC(class_getitem) {
    if (rp_check_args(ip, "__class_getitem__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *items = rc_is_tuple(args[0]) ? rp_new_ref(args[0])
                                            : rc_tuple_pack(ip->rt, 1, args[0]);
    bt_alias *a = items ? (bt_alias *)rc_new(ip->rt, &alias_type) : NULL;
    if (!a) {
        rc_xdecref(items);
        return NULL;
    }
    a->origin = rp_new_ref(self);
    a->args = items;
    return &a->ob;
}

static const rp_methoddef class_getitem_def[] = {
    {"__class_getitem__", class_getitem, RP_METH_CLASS, "See PEP 585"},
    {NULL},
};

int rp_bt_init_alias(rp_interp *ip) {
    rp_class *alias = rp_class_new_builtin(ip, "GenericAlias", &alias_type,
                                           NULL, NULL, NULL, 0);
    if (!alias || rp_class_add_getsets(ip, alias, alias_getsets) < 0)
        return -1;
    rc_object *mod = rp_str(ip, "types");
    if (!mod || rp_class_add_object(ip, alias, "__module__", mod) < 0)
        return -1;
    rp_class *generic[] = {ip->cls.list, ip->cls.dict, ip->cls.tuple,
                           ip->cls.set, ip->cls.frozenset};
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        if (rp_class_add_methods(ip, generic[i], class_getitem_def) < 0)
            return -1;
    return 0;
}
