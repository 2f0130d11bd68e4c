/*
 * bt_misc.c — the builtin types' start-up (rp_init_btypes), the classes of
 * None, Ellipsis and rcgc's iterator types, and the small helpers every
 * bt_*.c file uses for arguments and iteration.
 *
 * Ellipsis is rcpy's own object (rcgc has none): one immortal object per
 * interpreter, ip->ellipsis, made here before the compiler can need it.
 * The iterator types of the library (list_iterator, dict_keyiterator ...)
 * are static rc_types the library does not export by name: their classes
 * are registered from an iterator made for the purpose, so that
 * type(iter([])) prints <class 'list_iterator'> as in CPython.
 */
#include "btypes.h"

#include <string.h>

/* ====================================================================== */
/* Helpers for arguments                                                  */
/* ====================================================================== */

int bt_index(rp_interp *ip, rc_object *o, ptrdiff_t *out) {
    rc_object *i = bt_int_arg(ip, o);
    if (!i)
        return -1;
    int64_t v;
    int st = rc_int_to_i64(i, &v);
    rc_decref(i);
    if (st < 0) {
        rp_err_clear(ip);
        return rp_raise(ip, ip->exc.OverflowError,
                        "Python int too large to convert to C ssize_t");
    }
    *out = (ptrdiff_t)v;
    return 0;
}

int bt_clamped_index(rp_interp *ip, rc_object *o, ptrdiff_t *out,
                     const char *msg) {
    rc_object *v = bt_value(o);
    if (rc_is_int(v)) {
        int64_t x;
        if (rc_int_to_i64(v, &x) < 0) { /* huge: clamp as CPython does */
            rp_err_clear(ip);
            x = rc_int_sign(v) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        }
        *out = (ptrdiff_t)x;
        return 0;
    }
    if (!rp_class_lookup(rp_type_of(o), ip->s.index))
        return rp_raise(ip, ip->exc.TypeError, "%s", msg);
    return bt_index(ip, o, out);
}

int bt_slice_arg(rp_interp *ip, rc_object *o, ptrdiff_t *out) {
    if (!o || o == ip->none)
        return 0;
    return bt_clamped_index(ip, o, out,
                            "slice indices must be integers or None or have "
                            "an __index__ method");
}

void bt_adjust_range(ptrdiff_t len, ptrdiff_t *start, ptrdiff_t *end) {
    if (*start < 0 && (*start += len) < 0)
        *start = 0;
    if (*end < 0 && (*end += len) < 0)
        *end = 0;
    if (*end > len)
        *end = len;
}

int bt_expect_str(rp_interp *ip, rc_object *o, const char *what) {
    if (rc_is_str(bt_value(o)))
        return 0;
    return rp_raise(ip, ip->exc.TypeError, "%s must be str, not %s", what,
                    rp_tname(o));
}

rc_object *bt_str_n(rp_interp *ip, const char *s, size_t len) {
    return rc_str_from_utf8(ip->rt, s, len);
}

/* ====================================================================== */
/* Helpers for iteration                                                  */
/* ====================================================================== */

int bt_foreach(rp_interp *ip, rc_object *iterable, bt_item_fn fn, void *arg) {
    rc_object *it = rc_iter(iterable);
    if (!it)
        return -1;
    int r;
    rc_object *item;
    while ((r = rc_next(it, &item)) > 0) {
        r = fn(ip, item, arg);
        rc_decref(item);
        if (r != 0)
            break;
    }
    rc_decref(it);
    return r;
}

rc_object *bt_list_from(rp_interp *ip, rc_object *iterable) {
    rc_object *list = rc_list_new(ip->rt);
    if (list && rc_list_extend(list, iterable) < 0) {
        rc_decref(list);
        return NULL;
    }
    return list;
}

rc_object *bt_tuple_from(rp_interp *ip, rc_object *iterable) {
    if (rc_is_tuple(iterable))
        return rp_new_ref(iterable);
    rc_object *list = bt_list_from(ip, iterable);
    if (!list)
        return NULL;
    size_t n = rc_list_size(list);
    rc_object *t = rc_tuple_new(ip->rt, n);
    for (size_t i = 0; t && i < n; i++) {
        rc_object *item = rc_list_get(list, (ptrdiff_t)i);
        rc_incref(item);
        rc_tuple_init_item(t, i, item);
    }
    rc_decref(list);
    return t;
}

rc_object *bt_call_key(rc_object *item, void *arg) {
    rc_object *key = arg;
    return rp_call1(rp_interp_of(key), key, item);
}

/* ====================================================================== */
/* None and Ellipsis                                                      */
/* ====================================================================== */

static rc_object *none_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                           size_t nargs, rc_object *kwnames) {
    (void)args;
    if (nargs || rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "%s takes no arguments",
                 rp_class_name(cls));
        return NULL;
    }
    return rp_new_ref(cls == ip->cls.none ? ip->none : ip->ellipsis);
}

static rc_object *ellipsis_repr(rc_object *self) {
    return rc_str_intern(rc_runtime_of(self), "Ellipsis");
}

static const rc_protocol ellipsis_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = ellipsis_repr,
};

static const rc_type ellipsis_type = {
    .name = "ellipsis",
    .basicsize = sizeof(rc_object),
    .protocol = &ellipsis_protocol,
};

static int init_none_ellipsis(rp_interp *ip) {
    ip->cls.none = rp_class_new_builtin(ip, "NoneType", ip->none->type, NULL,
                                        NULL, none_new, 0);
    if (!ip->cls.none)
        return -1;
    ip->ellipsis = rc_new(ip->rt, &ellipsis_type);
    if (!ip->ellipsis)
        return -1;
    rc_set_immortal(ip->ellipsis);
    ip->cls.ellipsis = rp_class_new_builtin(ip, "ellipsis", &ellipsis_type,
                                            NULL, NULL, none_new, 0);
    return ip->cls.ellipsis ? 0 : -1;
}

/* ====================================================================== */
/* The library's iterator types                                           */
/* ====================================================================== */

static int add_iter_class(rp_interp *ip, rc_object *iterable,
                          const char *name) {
    if (!iterable)
        return -1;
    rc_object *it = rc_iter(iterable);
    rc_decref(iterable);
    if (!it)
        return -1;
    const rc_type *t = it->type;
    rc_decref(it);
    return rp_class_new_builtin(ip, name ? name : t->name, t, NULL, NULL, NULL,
                                0)
               ? 0
               : -1;
}

/* Iterators of list, tuple, str (ASCII text and other text share one
 * type in rcgc), range, set and the dict views. */
static int init_library_iters(rp_interp *ip) {
    rc_runtime *rt = ip->rt;
    rc_object *d = rc_dict_new(rt);
    if (!d)
        return -1;
    int r = add_iter_class(ip, rc_list_new(rt), NULL);
    if (r == 0)
        r = add_iter_class(ip, rc_tuple_pack(rt, 1, ip->none), NULL);
    if (r == 0)
        r = add_iter_class(ip, rc_str_from_cstr(rt, "ab"), NULL);
    if (r == 0)
        r = add_iter_class(ip, rc_range_new(rt, 0, 1, 1), NULL);
    if (r == 0)
        r = add_iter_class(ip, rc_set_new(rt, NULL), NULL);
    if (r == 0)
        r = add_iter_class(ip, rc_dict_keys(d), NULL);
    if (r == 0)
        r = add_iter_class(ip, rc_dict_values(d), NULL);
    if (r == 0)
        r = add_iter_class(ip, rc_dict_items(d), NULL);
    rc_decref(d);
    return r;
}

/* ====================================================================== */
/* Start-up                                                               */
/* ====================================================================== */

int rp_bt_init_misc(rp_interp *ip) {
    if (init_none_ellipsis(ip) < 0)
        return -1;
    return init_library_iters(ip);
}

/* The library's rc_getattr on an int, str, list ... (str.format's
 * "{0.real}", "{x.__class__.__name__}") asks rcpy's classes. After the
 * interpreter is gone (its userdata cleared) nothing answers. */
static rc_object *builtin_attr(rc_object *o, rc_object *name, void *arg) {
    (void)arg;
    rc_runtime *rt = rc_runtime_of(o);
    rp_interp *ip = rc_runtime_userdata(rt);
    if (!ip) {
        rc_set_error(rt, RC_EATTR, "'%s' object has no attribute '%s'",
                     rc_type_name(o), rc_str_utf8(name));
        return NULL;
    }
    return rp_getattr(ip, o, name);
}

int rp_init_btypes(rp_interp *ip) {
    int (*const inits[])(rp_interp *) = {
        rp_bt_init_misc,  rp_bt_init_int,   rp_bt_init_float, rp_bt_init_str,
        rp_bt_init_tuple, rp_bt_init_list,  rp_bt_init_dict,  rp_bt_init_set,
        rp_bt_init_range, rp_bt_init_iters, rp_bt_init_alias,
    };
    for (size_t i = 0; i < sizeof inits / sizeof inits[0]; i++)
        if (inits[i](ip) < 0)
            return -1;
    rc_set_getattr_hook(ip->rt, builtin_attr, NULL);
    return 0;
}

/* ====================================================================== */
/* Building text                                                          */
/* ====================================================================== */

void bt_buf_init(bt_buf *b, rp_interp *ip) {
    b->ip = ip;
    b->p = b->small;
    b->len = 0;
    b->cap = sizeof b->small;
    b->failed = false;
}

static bool buf_reserve(bt_buf *b, size_t more) {
    if (b->failed)
        return false;
    if (b->len + more <= b->cap)
        return true;
    size_t cap = b->cap * 2;
    while (cap < b->len + more)
        cap *= 2;
    char *p = rc_malloc(b->ip->rt, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    memcpy(p, b->p, b->len);
    if (b->p != b->small)
        rc_free(b->ip->rt, b->p, b->cap);
    b->p = p;
    b->cap = cap;
    return true;
}

void bt_buf_add(bt_buf *b, const char *s, size_t n) {
    if (buf_reserve(b, n)) {
        memcpy(b->p + b->len, s, n);
        b->len += n;
    }
}

void bt_buf_add_cstr(bt_buf *b, const char *s) {
    bt_buf_add(b, s, strlen(s));
}

void bt_buf_add_cp(bt_buf *b, uint32_t c) {
    char u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    bt_buf_add(b, u, n);
}

void bt_buf_add_str(bt_buf *b, rc_object *str) {
    bt_buf_add(b, rc_str_utf8(str), rc_str_size(str));
}

void bt_buf_free(bt_buf *b) {
    if (b->p != b->small)
        rc_free(b->ip->rt, b->p, b->cap);
    b->p = b->small;
}

rc_object *bt_buf_finish(bt_buf *b) {
    rc_object *s = NULL;
    if (!b->failed)
        s = rc_str_from_utf8(b->ip->rt, b->p, b->len);
    else
        rc_set_error(b->ip->rt, RC_ENOMEM, "out of memory");
    bt_buf_free(b);
    return s;
}

/* ====================================================================== */
/* For the modules                                                        */
/* ====================================================================== */

int bt_run_source(rp_interp *ip, rc_object *module, const char *src,
                  const char *filename) {
    rc_object *name = rp_str(ip, filename);
    rc_object *code =
        name ? rp_compile(ip, src, strlen(src), name, RP_MODE_EXEC) : NULL;
    rc_object *dict = ((rp_module *)module)->dict;
    rc_object *r = code ? rp_eval_code(ip, code, dict, dict) : NULL;
    rc_xdecref(r);
    rc_xdecref(code);
    rc_xdecref(name);
    return r ? 0 : -1;
}

rc_object *bt_fspath(rp_interp *ip, rc_object *o, const char *fname) {
    rc_object *v = bt_value(o);
    if (rc_is_str(v))
        return rp_new_ref(v);
    rc_object *name = rc_str_intern(ip->rt, "__fspath__");
    bool found = false;
    rc_object *r = name ? rp_call_special(ip, o, name, NULL, 0, &found) : NULL;
    rc_xdecref(name);
    if (!found && name) {
        if (fname)
            rp_raise(ip, ip->exc.TypeError,
                     "%s: path should be string, bytes or os.PathLike, not %s",
                     fname, rp_tname(o));
        else
            rp_raise(ip, ip->exc.TypeError,
                     "expected str, bytes or os.PathLike object, not %s",
                     rp_tname(o));
        return NULL;
    }
    if (r && !rc_is_str(bt_value(r))) {
        rp_raise(ip, ip->exc.TypeError,
                 "expected %s.__fspath__() to return str or bytes, not %s",
                 rp_tname(o), rp_tname(r));
        rc_decref(r);
        return NULL;
    }
    return r;
}

int bt_raise_oserror(rp_interp *ip, int err, rc_object *path,
                     rc_object *path2) {
    rc_object *no = rc_int_from_i64(ip->rt, err);
    rc_object *msg = rp_str(ip, strerror(err));
    rc_object *argv[5] = {no, msg, path, ip->none, path2};
    rc_object *exc = no && msg ? rp_call(ip, &ip->exc.OSError->ob, argv,
                                         path2  ? 5
                                         : path ? 3
                                                : 2,
                                         NULL)
                               : NULL;
    rc_xdecref(no);
    rc_xdecref(msg);
    if (!exc)
        return -1;
    int st = rp_raise_object(ip, exc);
    rc_decref(exc);
    return st;
}
