/*
 * bt_dict.c — the class dict and the classes of its views: dict(mapping
 * or pairs, **kw) (an empty dict from __new__, filled by __init__), keys,
 * values, items, get, setdefault, pop, popitem, update, clear, copy,
 * fromkeys, __reversed__; the views' isdisjoint and __reversed__.
 *
 * Dicts are rcgc's (insertion-ordered, CPython's tracking rules);
 * d[k], del d[k], in, ==, | and |= come from the library's slots, the
 * views' set operations too. A missing key raises KeyError carrying the
 * key itself (rp_raise_keyerror), so its str is repr(key) for any key.
 */
#include "btypes.h"

#include <stdio.h>

/* ====================================================================== */
/* Filling a dict: dict(x, **kw), d.update(x, **kw)                       */
/* ====================================================================== */

typedef struct pairs_state {
    rc_object *dict;
    size_t n; /* the element's number, for messages */
} pairs_state;

/* One element of an iterable of pairs: any iterable of two items. */
static int add_pair(rp_interp *ip, rc_object *item, void *arg) {
    pairs_state *st = arg;
    rc_object *it = rc_iter(item);
    if (!it) {
        rp_err_clear(ip);
        return rp_raise(ip, ip->exc.TypeError,
                        "cannot convert dictionary update sequence element "
                        "#%zu to a sequence",
                        st->n);
    }
    rc_decref(it);
    rc_object *kv = bt_list_from(ip, item);
    if (!kv)
        return -1;
    int r = 0;
    if (rc_list_size(kv) != 2)
        r = rp_raise(ip, ip->exc.ValueError,
                     "dictionary update sequence element #%zu has length %zu; "
                     "2 is required",
                     st->n, rc_list_size(kv));
    else
        r = rc_dict_setitem(st->dict, rc_list_get(kv, 0), rc_list_get(kv, 1));
    rc_decref(kv);
    st->n++;
    return r;
}

/* d[k] = m[k] for each k of m.keys(). */
static int add_from_mapping(rp_interp *ip, rc_object *dict, rc_object *m,
                            rc_object *keys_meth) {
    rc_object *keys = rp_call0(ip, keys_meth);
    if (!keys)
        return -1;
    rc_object *list = bt_list_from(ip, keys);
    rc_decref(keys);
    int r = list ? 0 : -1;
    for (size_t i = 0; r == 0 && i < rc_list_size(list); i++) {
        rc_object *k = rc_list_get(list, (ptrdiff_t)i);
        rc_object *v = rc_getitem(m, k);
        r = v ? rc_dict_setitem(dict, k, v) : -1;
        rc_xdecref(v);
    }
    rc_xdecref(list);
    return r;
}

static int update_from(rp_interp *ip, rc_object *dict, rc_object *arg) {
    rc_object *v = bt_value(arg);
    if (rc_is_dict(v))
        return rc_dict_update(dict, v);
    rc_object *keys = NULL;
    int has = rp_getattr_opt(ip, arg, ip->s.keys, &keys);
    if (has < 0)
        return -1;
    if (has) {
        int r = add_from_mapping(ip, dict, arg, keys);
        rc_decref(keys);
        return r;
    }
    pairs_state st = {dict, 0};
    return bt_foreach(ip, arg, add_pair, &st);
}

static int update_kwargs(rc_object *dict, rc_object *const *values,
                         rc_object *kwnames) {
    for (size_t i = 0; i < rp_kwcount(kwnames); i++) {
        int r = rc_dict_setitem(dict, rc_tuple_get(kwnames, i), values[i]);
        if (r < 0)
            return r;
    }
    return 0;
}

static rc_object *fill(rp_interp *ip, rc_object *self, const char *name,
                       rc_object *const *args, size_t nargs,
                       rc_object *kwnames) {
    if (rp_check_args(ip, name, nargs, NULL, 0, 1) < 0)
        return NULL;
    if (nargs && update_from(ip, self, args[0]) < 0)
        return NULL;
    if (update_kwargs(self, args + nargs, kwnames) < 0)
        return NULL;
    return rp_new_ref(ip->none);
}

static rc_object *dict_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                           size_t nargs, rc_object *kwnames) {
    return rc_dict_new(ip->rt);
}

BT_CFUNC(dict_init) {
    return fill(ip, self, "dict", args, nargs, kwnames);
}

BT_CFUNC(dict_update) {
    return fill(ip, self, "update", args, nargs, kwnames);
}

/* ====================================================================== */
/* Reading and removing                                                   */
/* ====================================================================== */

BT_CFUNC(dict_get) {
    if (rp_check_args(ip, "get", nargs, kwnames, 1, 2) < 0)
        return NULL;
    rc_object *v;
    int r = rc_dict_lookup(self, args[0], &v);
    if (r < 0)
        return NULL;
    return rp_new_ref(r ? v : nargs > 1 ? args[1] : ip->none);
}

BT_CFUNC(dict_setdefault) {
    if (rp_check_args(ip, "setdefault", nargs, kwnames, 1, 2) < 0)
        return NULL;
    rc_object *v =
        rc_dict_setdefault(self, args[0], nargs > 1 ? args[1] : NULL);
    return v ? rp_new_ref(v) : NULL;
}

BT_CFUNC(dict_pop) {
    if (rp_check_args(ip, "pop", nargs, kwnames, 1, 2) < 0)
        return NULL;
    rc_object *v;
    int r = rc_dict_lookup(self, args[0], &v);
    if (r < 0)
        return NULL;
    if (r == 0) {
        if (nargs > 1)
            return rp_new_ref(args[1]);
        rp_raise_keyerror(ip, args[0]);
        return NULL;
    }
    return rc_dict_pop(self, args[0], NULL);
}

BT_CFUNC(dict_popitem) {
    if (rp_check_args(ip, "dict.popitem", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (rc_dict_size(self) == 0) {
        rc_object *msg = rp_str(ip, "popitem(): dictionary is empty");
        if (msg)
            rp_raise_keyerror(ip, msg);
        rc_xdecref(msg);
        return NULL;
    }
    return rc_dict_popitem(self);
}

BT_CFUNC(dict_clear) {
    if (rp_check_args(ip, "dict.clear", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_dict_clear(self) < 0 ? NULL : rp_new_ref(ip->none);
}

BT_CFUNC(dict_copy) {
    if (rp_check_args(ip, "dict.copy", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_dict_copy(self);
}

#define VIEW_METHOD(fname, pyname, make)                                       \
    BT_CFUNC(fname) {                                                          \
        if (rp_check_args(ip, pyname, nargs, kwnames, 0, 0) < 0)               \
            return NULL;                                                       \
        return make(self);                                                     \
    }

VIEW_METHOD(dict_keys, "dict.keys", rc_dict_keys)
VIEW_METHOD(dict_values, "dict.values", rc_dict_values)
VIEW_METHOD(dict_items, "dict.items", rc_dict_items)

/* A reverse iterator over a snapshot of what it yields (keys, values or
 * items of the dict). */
static rc_object *reversed_of(rp_interp *ip, rc_object *iterable) {
    rc_object *list = bt_list_from(ip, iterable);
    if (!list)
        return NULL;
    rc_object *r = bt_reversed_new(ip, list);
    rc_decref(list);
    return r;
}

BT_CFUNC(dict_reversed) {
    if (rp_check_args(ip, "dict.__reversed__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return reversed_of(ip, self);
}

/* dict.fromkeys(iterable, value=None); a subclass gets cls() filled with
 * its own __setitem__. */
BT_CFUNC(dict_fromkeys) {
    if (rp_check_args(ip, "fromkeys", nargs, kwnames, 1, 2) < 0)
        return NULL;
    rc_object *value = nargs > 1 ? args[1] : ip->none;
    rc_object *d =
        self == &ip->cls.dict->ob ? rc_dict_new(ip->rt) : rp_call0(ip, self);
    rc_object *list = d ? bt_list_from(ip, args[0]) : NULL;
    int r = list ? 0 : -1;
    for (size_t i = 0; r == 0 && i < rc_list_size(list); i++)
        r = rc_setitem(d, rc_list_get(list, (ptrdiff_t)i), value);
    rc_xdecref(list);
    if (r < 0) {
        rc_xdecref(d);
        return NULL;
    }
    return d;
}

static const rp_methoddef dict_methods[] = {
    {"__init__", dict_init, 0,
     "Initialize self.  See help(type(self)) for accurate signature."},
    {"keys", dict_keys, 0,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", dict_values, 0,
     "D.values() -> an object providing a view on D's values"},
    {"items", dict_items, 0,
     "D.items() -> a set-like object providing a view on D's items"},
    {"get", dict_get, 0,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault, 0,
     "Insert key with a value of default if key is not in the dictionary."},
    {"pop", dict_pop, 0,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding "
     "value."},
    {"popitem", dict_popitem, 0,
     "Remove and return a (key, value) pair as a 2-tuple."},
    {"update", dict_update, 0,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"clear", dict_clear, 0, "D.clear() -> None.  Remove all items from D."},
    {"copy", dict_copy, 0, "D.copy() -> a shallow copy of D"},
    {"fromkeys", dict_fromkeys, RP_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to "
     "value."},
    {"__reversed__", dict_reversed, 0,
     "Return a reverse iterator over the dict keys."},
    {NULL},
};

/* ====================================================================== */
/* Views                                                                  */
/* ====================================================================== */

static int in_view(rp_interp *ip, rc_object *item, void *view) {
    int r = rc_contains(view, item);
    return r < 0 ? -1 : r; /* 1 stops: not disjoint */
}

BT_CFUNC(view_isdisjoint) {
    if (rp_check_args(ip, "isdisjoint", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int r = bt_foreach(ip, args[0], in_view, self);
    return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r == 0));
}

BT_CFUNC(view_reversed) {
    if (rp_check_args(ip, "__reversed__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return reversed_of(ip, self);
}

static const rp_methoddef view_methods[] = {
    {"isdisjoint", view_isdisjoint, 0,
     "Return True if the view and the given iterable have a null "
     "intersection."},
    {"__reversed__", view_reversed, 0,
     "Return a reverse iterator over the dict keys."},
    {NULL},
};

static const rp_methoddef values_methods[] = {
    {"__reversed__", view_reversed, 0,
     "Return a reverse iterator over the dict values."},
    {NULL},
};

static rp_class *view_class(rp_interp *ip, rc_object *view, const char *name,
                            const rp_methoddef *methods) {
    if (!view)
        return NULL;
    const rc_type *t = view->type;
    rc_decref(view);
    return rp_class_new_builtin(ip, name, t, NULL, methods, NULL, 0);
}

int rp_bt_init_dict(rp_interp *ip) {
    rc_object *d = rc_dict_new(ip->rt);
    if (!d)
        return -1;
    ip->cls.dict = rp_class_new_builtin(ip, "dict", d->type, NULL, dict_methods,
                                        dict_new, RP_CLS_BASETYPE);
    if (ip->cls.dict) {
        ip->cls.dict_keys =
            view_class(ip, rc_dict_keys(d), "dict_keys", view_methods);
        ip->cls.dict_values =
            view_class(ip, rc_dict_values(d), "dict_values", values_methods);
        ip->cls.dict_items =
            view_class(ip, rc_dict_items(d), "dict_items", view_methods);
    }
    rc_decref(d);
    return ip->cls.dict && ip->cls.dict_keys && ip->cls.dict_values &&
                   ip->cls.dict_items
               ? 0
               : -1;
}
