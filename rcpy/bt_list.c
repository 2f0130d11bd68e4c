/*
 * bt_list.c — the class list: list(iterable) (an empty list from __new__,
 * filled by __init__, as CPython does, so subclasses can call
 * super().__init__), and append, extend, insert, remove, pop, clear,
 * index, count, sort (key=, reverse=), reverse, copy, __reversed__.
 *
 * Lists are rcgc's; indexing, slicing, +, *, +=, comparisons and
 * containment are the library's slots, wrapped by the object model.
 * rc_list_sort keeps a list in its original order when a comparison or
 * the key function fails, as CPython does.
 */
#include "btypes.h"

static rc_object *list_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                           size_t nargs, rc_object *kwnames) {
    return rc_list_new(ip->rt);
}

BT_CFUNC(list_init) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "list() takes no keyword arguments");
        return NULL;
    }
    if (rp_check_args(ip, "list", nargs, NULL, 0, 1) < 0)
        return NULL;
    if (rc_list_size(self) && rc_list_clear(self) < 0)
        return NULL;
    if (nargs && rc_list_extend(self, args[0]) < 0)
        return NULL;
    return rp_new_ref(ip->none);
}

/* ====================================================================== */
/* Changing the list                                                      */
/* ====================================================================== */

/* Wraps the int results of rc_list_* into None. */
static rc_object *none_or_null(rp_interp *ip, int status) {
    return status < 0 ? NULL : rp_new_ref(ip->none);
}

BT_CFUNC(list_append) {
    if (rp_check_args(ip, "list.append", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return none_or_null(ip, rc_list_append(self, args[0]));
}

BT_CFUNC(list_extend) {
    if (rp_check_args(ip, "list.extend", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return none_or_null(ip, rc_list_extend(self, args[0]));
}

BT_CFUNC(list_insert) {
    ptrdiff_t i;
    if (rp_check_args(ip, "insert", nargs, kwnames, 2, 2) < 0 ||
        bt_index(ip, args[0], &i) < 0)
        return NULL;
    return none_or_null(ip, rc_list_insert(self, i, args[1]));
}

BT_CFUNC(list_remove) {
    if (rp_check_args(ip, "list.remove", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return none_or_null(ip, rc_list_remove(self, args[0]));
}

BT_CFUNC(list_pop) {
    ptrdiff_t i = -1;
    if (rp_check_args(ip, "pop", nargs, kwnames, 0, 1) < 0 ||
        (nargs && bt_index(ip, args[0], &i) < 0))
        return NULL;
    return rc_list_pop(self, i);
}

BT_CFUNC(list_clear) {
    if (rp_check_args(ip, "list.clear", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return none_or_null(ip, rc_list_clear(self));
}

BT_CFUNC(list_reverse) {
    if (rp_check_args(ip, "list.reverse", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return none_or_null(ip, rc_list_reverse(self));
}

int bt_sort_list(rp_interp *ip, rc_object *list, rc_object *key,
                 rc_object *reverse) {
    ptrdiff_t rev = 0;
    if (reverse && bt_index(ip, reverse, &rev) < 0)
        return -1;
    if (key == ip->none)
        key = NULL;
    return rc_list_sort(list, key ? bt_call_key : NULL, key, rev != 0);
}

BT_CFUNC(list_sort) {
    static const char *const names[] = {"key", "reverse", NULL};
    static const rp_argspec spec = {"sort", names, 0, 0, 0};
    rc_object *a[2];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    return none_or_null(ip, bt_sort_list(ip, self, a[0], a[1]));
}

/* ====================================================================== */
/* Looking at the list                                                    */
/* ====================================================================== */

BT_CFUNC(list_index) {
    return bt_seq_index(ip, self, args, nargs, kwnames);
}

BT_CFUNC(list_count) {
    if (rp_check_args(ip, "list.count", nargs, kwnames, 1, 1) < 0)
        return NULL;
    ptrdiff_t n = bt_seq_count(ip, self, args[0]);
    return n < 0 ? NULL : rc_int_from_i64(ip->rt, n);
}

BT_CFUNC(list_copy) {
    if (rp_check_args(ip, "list.copy", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *all = rc_slice_new(ip->rt, NULL, NULL, NULL);
    rc_object *r = all ? rc_getitem(self, all) : NULL;
    rc_xdecref(all);
    return r;
}

BT_CFUNC(list_reversed) {
    if (rp_check_args(ip, "list.__reversed__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return bt_reversed_new(ip, self);
}

static const rp_methoddef list_methods[] = {
    {"__init__", list_init, 0,
     "Initialize self.  See help(type(self)) for accurate signature."},
    {"append", list_append, 0, "Append object to the end of the list."},
    {"extend", list_extend, 0,
     "Extend list by appending elements from the iterable."},
    {"insert", list_insert, 0, "Insert object before index."},
    {"remove", list_remove, 0, "Remove first occurrence of value."},
    {"pop", list_pop, 0, "Remove and return item at index (default last)."},
    {"clear", list_clear, 0, "Remove all items from list."},
    {"reverse", list_reverse, 0, "Reverse *IN PLACE*."},
    {"sort", list_sort, 0, "Sort the list in ascending order and return None."},
    {"index", list_index, 0, "Return first index of value."},
    {"count", list_count, 0, "Return number of occurrences of value."},
    {"copy", list_copy, 0, "Return a shallow copy of the list."},
    {"__reversed__", list_reversed, 0,
     "Return a reverse iterator over the list."},
    {NULL},
};

int rp_bt_init_list(rp_interp *ip) {
    rc_object *l = rc_list_new(ip->rt);
    if (!l)
        return -1;
    const rc_type *t = l->type;
    rc_decref(l);
    ip->cls.list = rp_class_new_builtin(ip, "list", t, NULL, list_methods,
                                        list_new, RP_CLS_BASETYPE);
    return ip->cls.list ? 0 : -1;
}
