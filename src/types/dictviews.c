/*
 * dictviews.c — dict.keys(), .values(), .items() view objects and the dict
 * iterators (dict_keyiterator, dict_valueiterator, dict_itemiterator).
 *
 * A view holds its dict and reflects it live: len, iteration, membership,
 * repr "dict_keys(['a'])". Keys and items views are set-like: they compare
 * with sets and other set-like views by membership and support & | - ^,
 * which return sets.
 *
 * An iterator walks the entries in order. It remembers the dict's size
 * when it was made and how many entries it has still to produce; a size
 * change fails with RC_ESTATE "dictionary changed size during iteration"
 * (for good: the iterator stays failed), and an entry found when none is
 * left to produce with "dictionary keys changed during iteration". An
 * exhausted iterator drops its dict.
 */
#include "cont.h"

typedef struct dictview {
    rc_object ob;
    rc_object *dict; /* owned */
} dictview;

typedef struct dictiter {
    rc_object ob;
    rc_object *dict; /* owned; NULL once exhausted or failed */
    size_t pos;      /* next entry to look at */
    size_t used;     /* the dict's size when iteration began; SIZE_MAX
                        after a size change was reported */
    size_t left;     /* entries still to produce */
    int kind;        /* RC__DICT_KEYS, _VALUES or _ITEMS */
} dictiter;

static int view_kind(const rc_object *o);

/* ====================================================================== */
/* Iterators                                                               */
/* ====================================================================== */

static int iter_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    dictiter *it = (dictiter *)self;
    return it->dict ? visit(it->dict, arg) : 0;
}

static void iter_dealloc(rc_object *self) {
    rc_xdecref(((dictiter *)self)->dict);
}

static void iter_stop(dictiter *it) {
    rc_object *d = it->dict;
    it->dict = NULL;
    rc_decref(d);
}

/* The item for an entry: key, value or a (key, value) tuple (new). */
static int produce(dictiter *it, rc__dentry *e, rc_object **item) {
    rc_object *k = e->key, *v = e->value;
    if (it->kind != RC__DICT_ITEMS) {
        *item = it->kind == RC__DICT_KEYS ? k : v;
        rc_incref(*item);
        return 1;
    }
    rc_incref(k);
    rc_incref(v);
    rc_object *t = rc_tuple_new(rc__runtime_of(&it->ob), 2);
    if (!t) {
        rc_decref(k);
        rc_decref(v);
        return RC_ENOMEM;
    }
    rc_tuple_init_item(t, 0, k);
    rc_tuple_init_item(t, 1, v);
    *item = t;
    return 1;
}

static int iter_next(rc_object *self, rc_object **item) {
    dictiter *it = (dictiter *)self;
    rc__dict *d = (rc__dict *)it->dict;
    if (!d)
        return 0;
    rc_runtime *rt = rc__runtime_of(self);
    if (d->used != it->used) {
        it->used = SIZE_MAX;
        return rc_set_error(rt, RC_ESTATE,
                            "dictionary changed size during iteration");
    }
    rc__dkeys *k = d->keys;
    size_t i = it->pos;
    while (k && i < k->nentries && !rc__dict_entries(k)[i].value)
        i++;
    if (!k || i >= k->nentries) {
        iter_stop(it);
        return 0;
    }
    if (it->left == 0) {
        iter_stop(it);
        return rc_set_error(rt, RC_ESTATE,
                            "dictionary keys changed during iteration");
    }
    it->pos = i + 1;
    it->left--;
    return produce(it, &rc__dict_entries(k)[i], item);
}

static const rc_protocol dictiter_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .iter = rc__iter_self,
    .next = iter_next,
};

#define DICTITER_TYPE(ident, tname)                                            \
    static const rc_type ident = {                                             \
        .name = tname,                                                         \
        .basicsize = sizeof(dictiter),                                         \
        .flags = RC_TYPE_GC,                                                   \
        .traverse = iter_traverse,                                             \
        .dealloc = iter_dealloc,                                               \
        .protocol = &dictiter_protocol,                                        \
    }

DICTITER_TYPE(keyiter_type, "dict_keyiterator");
DICTITER_TYPE(valueiter_type, "dict_valueiterator");
DICTITER_TYPE(itemiter_type, "dict_itemiterator");

rc_object *rc__dict_iter_new(rc_object *dict, int kind) {
    const rc_type *t = kind == RC__DICT_KEYS     ? &keyiter_type
                       : kind == RC__DICT_VALUES ? &valueiter_type
                                                 : &itemiter_type;
    dictiter *it = (dictiter *)rc_new(rc__runtime_of(dict), t);
    if (!it)
        return NULL;
    rc_incref(dict);
    it->dict = dict;
    it->used = it->left = ((rc__dict *)dict)->used;
    it->kind = kind;
    return &it->ob;
}

/* ====================================================================== */
/* Views                                                                   */
/* ====================================================================== */

static int view_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    return visit(((dictview *)self)->dict, arg);
}

static void view_dealloc(rc_object *self) {
    rc_decref(((dictview *)self)->dict);
}

static ptrdiff_t view_len(rc_object *self) {
    return (ptrdiff_t)((rc__dict *)((dictview *)self)->dict)->used;
}

static rc_object *view_iter(rc_object *self) {
    return rc__dict_iter_new(((dictview *)self)->dict, view_kind(self));
}

static int keys_contains(rc_object *self, rc_object *key) {
    return rc_contains(((dictview *)self)->dict, key);
}

/* (key, value) in items: key present with a value equal to value. */
static int items_contains(rc_object *self, rc_object *item) {
    if (!rc__is_tuple(item) || rc_tuple_size(item) != 2)
        return 0;
    rc__dict *d = (rc__dict *)((dictview *)self)->dict;
    rc_object *key = rc_tuple_get(item, 0);
    int64_t h = 0;
    ptrdiff_t ix = -1;
    int r = rc_hash(key, &h);
    if (!r)
        r = rc__dict_lookup_ix(d, key, h, &ix);
    if (r || ix < 0)
        return r;
    rc_object *v = rc__dict_entries(d->keys)[ix].value;
    rc_incref(v);
    r = rc_equal(v, rc_tuple_get(item, 1));
    rc_decref(v);
    return r;
}

static rc_object *view_repr(rc_object *self) {
    rc_runtime *rt = rc__runtime_of(self);
    int r = rc_repr_enter(self);
    if (r)
        return r > 0 ? rc_str_from_utf8(rt, "...", 3) : NULL;
    rc_object *list = rc_list_new(rt), *s = NULL;
    if (list && rc_list_extend(list, self) == 0) {
        rc__sb sb;
        rc__sb_init(&sb, rt);
        rc__sb_puts(&sb, rc_type_name(self));
        rc__sb_putc(&sb, '(');
        rc__sb_repr(&sb, list);
        rc__sb_putc(&sb, ')');
        s = rc__sb_finish(&sb);
    }
    rc_xdecref(list);
    rc_repr_leave(self);
    return s;
}

static bool set_like(const rc_object *o) {
    int k = view_kind(o);
    return rc__is_anyset(o) || k == RC__DICT_KEYS || k == RC__DICT_ITEMS;
}

static rc_object *view_richcompare(rc_object *self, rc_object *other,
                                   rc_cmp op) {
    if (!set_like(other))
        return rc__notimpl_of(self);
    return rc__cmp_object(rc__runtime_of(self),
                          rc__setlike_compare(self, other, op));
}

static bool iterable(const rc_object *o) {
    const rc_protocol *p = o->type->protocol;
    return p && p->iter;
}

/* keys & other, keys | other, ...: a new set. */
static rc_object *view_binop(rc_object *a, rc_object *b, rc_binop op) {
    if ((op != RC_OP_AND && op != RC_OP_OR && op != RC_OP_SUB &&
         op != RC_OP_XOR) ||
        !iterable(a) || !iterable(b))
        return rc__notimpl_of(view_kind(a) >= 0 ? a : b);
    rc_object *left = rc_set_new(rc__runtime_of(a), a);
    if (!left)
        return NULL;
    rc_object *r = op == RC_OP_AND   ? rc_set_intersection(left, b)
                   : op == RC_OP_OR  ? rc_set_union(left, b)
                   : op == RC_OP_SUB ? rc_set_difference(left, b)
                                     : rc_set_symmetric_difference(left, b);
    rc_decref(left);
    return r;
}

static const rc_protocol keys_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = view_repr,
    .hash = rc__unhashable,
    .richcompare = view_richcompare,
    .len = view_len,
    .contains = keys_contains,
    .iter = view_iter,
    .binop = view_binop,
};

static const rc_protocol values_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = view_repr,
    .len = view_len,
    .iter = view_iter,
};

static const rc_protocol items_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = view_repr,
    .hash = rc__unhashable,
    .richcompare = view_richcompare,
    .len = view_len,
    .contains = items_contains,
    .iter = view_iter,
    .binop = view_binop,
};

#define VIEW_TYPE(ident, tname, proto)                                         \
    static const rc_type ident = {                                             \
        .name = tname,                                                         \
        .basicsize = sizeof(dictview),                                         \
        .flags = RC_TYPE_GC,                                                   \
        .traverse = view_traverse,                                             \
        .dealloc = view_dealloc,                                               \
        .protocol = &proto,                                                    \
    }

VIEW_TYPE(keys_type, "dict_keys", keys_protocol);
VIEW_TYPE(values_type, "dict_values", values_protocol);
VIEW_TYPE(items_type, "dict_items", items_protocol);

/* RC__DICT_KEYS/_VALUES/_ITEMS for a view, -1 for anything else. */
static int view_kind(const rc_object *o) {
    if (o->type == &keys_type)
        return RC__DICT_KEYS;
    if (o->type == &values_type)
        return RC__DICT_VALUES;
    if (o->type == &items_type)
        return RC__DICT_ITEMS;
    return -1;
}

static rc_object *view_new(rc_object *dict, const rc_type *t) {
    if (!rc__is_dict(dict)) {
        rc_set_error(rc__runtime_of(dict), RC_ETYPE,
                     "expected a 'dict' object, got '%s'", rc_type_name(dict));
        return NULL;
    }
    dictview *v = (dictview *)rc_new(rc__runtime_of(dict), t);
    if (!v)
        return NULL;
    rc_incref(dict);
    v->dict = dict;
    return &v->ob;
}

rc_object *rc_dict_keys(rc_object *dict) {
    return view_new(dict, &keys_type);
}

rc_object *rc_dict_values(rc_object *dict) {
    return view_new(dict, &values_type);
}

rc_object *rc_dict_items(rc_object *dict) {
    return view_new(dict, &items_type);
}
