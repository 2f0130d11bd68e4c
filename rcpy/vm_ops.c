/*
 * vm_ops.c — the longer operations of the dispatch loop, kept out of it:
 * unpacking, f-string formatting, the building of displays with
 * starred and double-starred items, calls with *args and **kwargs, `with`,
 * `except` matching, exception contexts, the interactive echo, the
 * errors for unbound names, and LOAD_GLOBAL's cache (vm_internal.h says
 * why its entries stay valid).
 *
 * Each borrows its operands from the loop's value stack and returns a new
 * reference (or 0) on success, NULL (or negative) with an exception
 * pending on failure, never changing the stack itself: the loop pops what
 * an instruction consumed only once it succeeded.
 */
#include "vm_internal.h"

#include <string.h>

/* ====================================================================== */
/* Unpacking                                                              */
/* ====================================================================== */

/* Replaces a pending TypeError from rc_iter with msg (a format taking the
 * type name of o), as CPython words it for each context. */
static void retype_not_iterable(rp_interp *ip, rc_object *o, const char *msg) {
    if (!rp_err_matches(ip, ip->exc.TypeError))
        return;
    rp_err_clear(ip);
    rp_raise(ip, ip->exc.TypeError, msg, rc_type_name(o));
}

/* Every item of an iterable as a new list (new reference or NULL). */
static rc_object *items_of(rp_interp *ip, rc_object *seq, const char *msg) {
    rc_object *it = rc_iter(seq);
    if (!it) {
        retype_not_iterable(ip, seq, msg);
        return NULL;
    }
    rc_object *list = rc_list_new(ip->rt);
    if (list && rc_list_extend(list, it) < 0) {
        rc_decref(list);
        list = NULL;
    }
    rc_decref(it);
    return list;
}

int rp_vm_unpack(rp_interp *ip, rc_object *seq, size_t before, size_t after,
                 bool starred, rc_object **out) {
    rc_object *list = items_of(ip, seq, "cannot unpack non-iterable %s object");
    if (!list)
        return -1;
    size_t n = rc_list_size(list), want = before + after;
    if (!starred && n != want) {
        if (n < want)
            rp_raise(ip, ip->exc.ValueError,
                     "not enough values to unpack (expected %zu, got %zu)",
                     want, n);
        else
            rp_raise(ip, ip->exc.ValueError,
                     "too many values to unpack (expected %zu)", want);
        rc_decref(list);
        return -1;
    }
    if (starred && n < want) {
        rp_raise(ip, ip->exc.ValueError,
                 "not enough values to unpack (expected at least %zu, got "
                 "%zu)",
                 want, n);
        rc_decref(list);
        return -1;
    }
    size_t total = starred ? want + 1 : want, t = 0;
    rc_object *middle = NULL;
    if (starred) {
        middle = rc_list_new(ip->rt);
        for (size_t i = before; middle && i < n - after; i++)
            if (rc_list_append(middle, rc_list_get(list, (ptrdiff_t)i)) < 0) {
                rc_decref(middle);
                middle = NULL;
            }
        if (!middle) {
            rc_decref(list);
            return -1;
        }
    }
    /* targets in order — the items before the star, the starred list, the
     * items after it — with the first target on top of the stack */
    for (size_t i = 0; i < n; i++) {
        if (starred && i == before) {
            out[total - 1 - t++] = middle;
            i = n - after;
            if (i == n)
                break;
        }
        rc_object *v = rc_list_get(list, (ptrdiff_t)i);
        rc_incref(v);
        out[total - 1 - t++] = v;
    }
    if (starred && before == n) /* nothing after the star */
        out[total - 1 - t++] = middle;
    rc_decref(list);
    return 0;
}

/* ====================================================================== */
/* f-strings                                                              */
/* ====================================================================== */

/* Decodes one UTF-8 sequence (the text is valid, rcgc checks it). */
static uint32_t next_cp(const unsigned char **p) {
    const unsigned char *s = *p;
    uint32_t c = s[0];
    int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    c &= n == 0 ? 0x7F : n == 1 ? 0x1F : n == 2 ? 0x0F : 0x07;
    for (int i = 1; i <= n; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *p = s + n + 1;
    return c;
}

/* ascii(o): repr with non-ASCII characters escaped. */
static rc_object *ascii_of(rp_interp *ip, rc_object *o) {
    rc_object *r = rc_repr(o);
    if (!r)
        return NULL;
    const unsigned char *p = (const unsigned char *)rc_str_utf8(r);
    size_t len = rc_str_size(r), cap = len * 10 + 1, n = 0;
    char *buf = rc_malloc(ip->rt, cap);
    if (!buf) {
        rc_decref(r);
        return NULL;
    }
    const unsigned char *end = p + len;
    while (p < end) {
        uint32_t c = next_cp(&p);
        if (c < 0x80)
            buf[n++] = (char)c;
        else
            n += (size_t)snprintf(buf + n, cap - n,
                                  c <= 0xFF     ? "\\x%02x"
                                  : c <= 0xFFFF ? "\\u%04x"
                                                : "\\U%08x",
                                  (unsigned)c);
    }
    rc_object *s = rc_str_from_utf8(ip->rt, buf, n);
    rc_free(ip->rt, buf, cap);
    rc_decref(r);
    return s;
}

rc_object *rp_vm_format(rp_interp *ip, rc_object *value, unsigned conv,
                        rc_object *spec) {
    rc_object *v;
    switch (conv) {
    case 1:
        v = rc_str(value);
        break;
    case 2:
        v = rc_repr(value);
        break;
    case 3:
        v = ascii_of(ip, value);
        break;
    default:
        rc_incref(value);
        v = value;
    }
    if (!v)
        return NULL;
    if (rc_is_str(v) && (!spec || rc_str_size(spec) == 0))
        return v; /* str of a str is itself */
    rc_object *r = rc_format(v, spec);
    rc_decref(v);
    return r;
}

rc_object *rp_vm_build_string(rp_interp *ip, rc_object *const *parts,
                              size_t n) {
    if (n == 1) {
        rc_incref(parts[0]);
        return parts[0];
    }
    rc_object *t = rc_tuple_from_array(ip->rt, parts, n);
    if (!t)
        return NULL;
    rc_object *s = rc_str_join(ip->s.empty, t);
    rc_decref(t);
    return s;
}

/* ====================================================================== */
/* Displays and calls with starred items                                  */
/* ====================================================================== */

int rp_vm_list_extend(rp_interp *ip, rc_object *list, rc_object *iterable) {
    if (rc_is_list(iterable) || rc_is_tuple(iterable))
        return rc_list_extend(list, iterable);
    rc_object *it = rc_iter(iterable);
    if (!it) {
        retype_not_iterable(ip, iterable,
                            "Value after * must be an iterable, not %s");
        return -1;
    }
    int r = rc_list_extend(list, it);
    rc_decref(it);
    return r < 0 ? -1 : 0;
}

int rp_vm_set_update(rp_interp *ip, rc_object *set, rc_object *iterable) {
    rc_object *it = rc_iter(iterable), *v = NULL;
    if (!it)
        return -1;
    int r;
    while ((r = rc_next(it, &v)) > 0) {
        r = rc_set_add(set, v);
        rc_decref(v);
        if (r < 0)
            break;
    }
    rc_decref(it);
    return r < 0 ? -1 : 0;
}

/* 1 when o is a mapping we can merge (a dict, or anything with keys()). */
static int is_mapping(rp_interp *ip, rc_object *o) {
    if (rc_is_dict(o))
        return 1;
    rc_object *keys = NULL;
    int r = rp_getattr_opt(ip, o, ip->s.keys, &keys);
    rc_xdecref(keys);
    return r;
}

/* Adds key/value to dict; with fname (DICT_MERGE), a key already there is
 * f()'s "multiple values" error. */
static int merge_item(rp_interp *ip, rc_object *dict, rc_object *k,
                      rc_object *v, rc_object *fname) {
    rc_object *old = NULL;
    int r = fname ? rc_dict_lookup(dict, k, &old) : 0;
    if (r < 0)
        return -1;
    if (r > 0) {
        if (rc_is_str(k))
            return rp_raise(ip, ip->exc.TypeError,
                            "%s got multiple values for keyword argument '%s'",
                            rc_str_utf8(fname), rc_str_utf8(k));
        return rp_raise_keyerror(ip, k);
    }
    return rc_dict_setitem(dict, k, v);
}

/* dict[k] = src[k] for each key of src (a dict, or a mapping with
 * keys()). */
static int merge_mapping(rp_interp *ip, rc_object *dict, rc_object *src,
                         rc_object *fname) {
    if (rc_is_dict(src)) {
        size_t pos = 0;
        rc_object *k, *v;
        while (rc_dict_next(src, &pos, &k, &v))
            if (merge_item(ip, dict, k, v, fname) < 0)
                return -1;
        return 0;
    }
    rc_object *keys = rp_call_method(ip, src, ip->s.keys, NULL, 0);
    rc_object *list =
        keys ? items_of(ip, keys, "'%s' object is not iterable") : NULL;
    rc_xdecref(keys);
    if (!list)
        return -1;
    int r = 0;
    for (size_t i = 0; r == 0 && i < rc_list_size(list); i++) {
        rc_object *k = rc_list_get(list, (ptrdiff_t)i);
        rc_object *v = rc_getitem(src, k);
        r = v ? merge_item(ip, dict, k, v, fname) : -1;
        rc_xdecref(v);
    }
    rc_decref(list);
    return r < 0 ? -1 : 0;
}

int rp_vm_dict_update(rp_interp *ip, rc_object *dict, rc_object *src,
                      rc_object *callable) {
    int m = is_mapping(ip, src);
    if (m < 0)
        return -1;
    rc_object *fname = callable ? rp_function_str(ip, callable) : NULL;
    if (callable && !fname)
        return -1;
    int r;
    if (!m) {
        if (fname)
            r = rp_raise(ip, ip->exc.TypeError,
                         "%s argument after ** must be a mapping, not %s",
                         rc_str_utf8(fname), rc_type_name(src));
        else
            r = rp_raise(ip, ip->exc.TypeError, "'%s' object is not a mapping",
                         rc_type_name(src));
    } else if (rc_is_dict(src) && !fname) {
        r = rc_dict_update(dict, src);
    } else {
        r = merge_mapping(ip, dict, src, fname);
    }
    rc_xdecref(fname);
    return r < 0 ? -1 : 0;
}

/* The positional arguments of f(*args) as a tuple (new reference). */
static rc_object *star_args(rp_interp *ip, rc_object *callable,
                            rc_object *args) {
    if (rc_is_tuple(args)) {
        rc_incref(args);
        return args;
    }
    rc_object *it = rc_iter(args);
    if (!it) {
        if (rp_err_matches(ip, ip->exc.TypeError)) {
            rc_object *fname = rp_function_str(ip, callable);
            rp_err_clear(ip);
            if (fname)
                rp_raise(ip, ip->exc.TypeError,
                         "%s argument after * must be an iterable, not %s",
                         rc_str_utf8(fname), rc_type_name(args));
            rc_xdecref(fname);
        }
        return NULL;
    }
    rc_object *list = rc_list_new(ip->rt), *t = NULL;
    if (list && rc_list_extend(list, it) == 0) {
        size_t n = rc_list_size(list);
        if ((t = rc_tuple_new(ip->rt, n)))
            for (size_t i = 0; i < n; i++) {
                rc_object *v = rc_list_get(list, (ptrdiff_t)i);
                rc_incref(v);
                rc_tuple_init_item(t, i, v);
            }
    }
    rc_xdecref(list);
    rc_decref(it);
    return t;
}

/* Calls callable with the items of the tuple args, then the keyword
 * arguments of kwargs (a dict, may be NULL), in the vectorcall form. */
static rc_object *call_flat(rp_interp *ip, rc_object *callable, rc_object *args,
                            rc_object *kwargs) {
    size_t npos = rc_tuple_size(args);
    size_t nkw = kwargs ? rc_dict_size(kwargs) : 0, n = npos + nkw;
    size_t bytes = (n ? n : 1) * sizeof(rc_object *);
    rc_object **argv = rc_malloc(ip->rt, bytes), *kwnames = NULL, *r = NULL;
    if (!argv)
        return NULL;
    for (size_t i = 0; i < npos; i++)
        argv[i] = rc_tuple_get(args, i);
    if (nkw && !(kwnames = rc_tuple_new(ip->rt, nkw)))
        goto done;
    size_t pos = 0, k = 0;
    rc_object *key, *value;
    while (nkw && rc_dict_next(kwargs, &pos, &key, &value)) {
        if (!rc_is_str(key)) {
            rp_raise(ip, ip->exc.TypeError, "keywords must be strings");
            goto done;
        }
        rc_incref(key);
        rc_tuple_init_item(kwnames, k, key);
        argv[npos + k++] = value;
    }
    r = callable->type == &rp_function_type
            ? rp_function_call(ip, callable, argv, npos, kwnames)
            : rp_call(ip, callable, argv, npos, kwnames);
done:
    if (kwnames) {
        for (; k < nkw; k++) /* unset items of a tuple cut short */
            rc_tuple_init_item(kwnames, k, rp_none(ip));
        rc_decref(kwnames);
    }
    rc_free(ip->rt, argv, bytes);
    return r;
}

rc_object *rp_vm_call_ex(rp_interp *ip, rc_object *callable, rc_object *args,
                         rc_object *kwargs) {
    if (kwargs && !rc_is_dict(kwargs)) {
        rc_object *d = rc_dict_new(ip->rt);
        if (!d || rp_vm_dict_update(ip, d, kwargs, callable) < 0) {
            rc_xdecref(d);
            return NULL;
        }
        rc_object *r = rp_vm_call_ex(ip, callable, args, d);
        rc_decref(d);
        return r;
    }
    rc_object *t = star_args(ip, callable, args);
    if (!t)
        return NULL;
    rc_object *r = call_flat(ip, callable, t, kwargs);
    rc_decref(t);
    return r;
}

/* ====================================================================== */
/* with, except, raise                                                    */
/* ====================================================================== */

int rp_vm_before_with(rp_interp *ip, rc_object *mgr, rc_object **exit,
                      rc_object **entered) {
    rc_object *enter = rp_lookup_special(ip, mgr, ip->s.enter);
    if (!enter) {
        if (!rp_err_occurred(ip))
            rp_raise(ip, ip->exc.TypeError,
                     "'%s' object does not support the context manager "
                     "protocol",
                     rc_type_name(mgr));
        return -1;
    }
    *exit = rp_lookup_special(ip, mgr, ip->s.exit);
    if (!*exit) {
        if (!rp_err_occurred(ip))
            rp_raise(ip, ip->exc.TypeError,
                     "'%s' object does not support the context manager "
                     "protocol (missed __exit__ method)",
                     rc_type_name(mgr));
        rc_decref(enter);
        return -1;
    }
    *entered = rp_call0(ip, enter);
    rc_decref(enter);
    if (!*entered) {
        rc_decref(*exit);
        return -1;
    }
    return 0;
}

static bool is_exc_class(rp_interp *ip, rc_object *o) {
    return rp_is_class(o) &&
           rp_is_subclass((rp_class *)o, ip->exc.BaseException);
}

int rp_vm_check_except_type(rp_interp *ip, rc_object *spec) {
    bool ok = is_exc_class(ip, spec);
    if (!ok && rc_is_tuple(spec)) {
        ok = true;
        for (size_t i = 0; ok && i < rc_tuple_size(spec); i++)
            ok = is_exc_class(ip, rc_tuple_get(spec, i));
    }
    if (ok)
        return 0;
    return rp_raise(ip, ip->exc.TypeError,
                    "catching classes that do not inherit from BaseException "
                    "is not allowed");
}

bool rp_vm_exc_matches(rp_interp *ip, rc_object *exc, rc_object *spec) {
    if (rc_is_tuple(spec)) {
        for (size_t i = 0; i < rc_tuple_size(spec); i++)
            if (rp_vm_exc_matches(ip, exc, rc_tuple_get(spec, i)))
                return true;
        return false;
    }
    return rp_is_instance(exc, (rp_class *)spec);
}

static bool is_exc(rp_interp *ip, rc_object *o) {
    return o && rp_is_instance(o, ip->exc.BaseException);
}

void rp_vm_set_context(rc_object *exc, rc_object *handled) {
    rp_interp *ip = rp_interp_of(exc);
    if (!is_exc(ip, exc) || !is_exc(ip, handled) || exc == handled)
        return;
    /* cut the chain where it would come back to exc (CPython's rule);
     * the walk is bounded in case the chain already has a cycle */
    rp_exc *o = (rp_exc *)handled;
    for (size_t steps = 0; o->context && steps < 10000; steps++) {
        if (o->context == exc) {
            o->context = NULL;
            rc_decref(exc);
            break;
        }
        if (!is_exc(ip, o->context))
            break;
        o = (rp_exc *)o->context;
    }
    rp_exc *e = (rp_exc *)exc;
    rc_object *old = e->context;
    rc_incref(handled);
    e->context = handled;
    rc_xdecref(old);
}

/* ====================================================================== */
/* The prompt's echo and unbound names                                    */
/* ====================================================================== */

int rp_vm_print_expr(rp_interp *ip, rc_object *value) {
    rc_object *hook = rp_sys_get(ip, "displayhook");
    if (!hook)
        return rp_raise(ip, ip->exc.RuntimeError, "lost sys.displayhook");
    rc_object *r = rp_call1(ip, hook, value);
    if (!r)
        return -1;
    rc_decref(r);
    return 0;
}

int rp_vm_unbound_error(rp_interp *ip, rp_frame *f, uint32_t slot) {
    const char *name =
        rc_str_utf8(rc_tuple_get(f->code->localsplusnames, slot));
    if (f->code->localspluskinds[slot] & RP_FAST_FREE)
        return rp_raise(ip, ip->exc.NameError,
                        "cannot access free variable '%s' where it is not "
                        "associated with a value in enclosing scope",
                        name);
    return rp_raise(ip, ip->exc.UnboundLocalError,
                    "cannot access local variable '%s' where it is not "
                    "associated with a value",
                    name);
}

/* ====================================================================== */
/* LOAD_GLOBAL's cache                                                    */
/* ====================================================================== */

void rp_global_remember(rp_interp *ip, rc_object *globals, rc_object *builtins,
                        rc_object *name, rc_object *value) {
    struct rp_vm_cache *c = ip->vmcache;
    if (!c) {
        c = rc_malloc(ip->rt, sizeof *c);
        if (!c) {
            rc_clear_error(ip->rt); /* no cache: the lookups still work */
            return;
        }
        memset(c, 0, sizeof *c);
        ip->vmcache = c;
    }
    rp_global_entry *e = rp_global_slot(c, globals, name);
    if (e->name != name) {
        rc_incref(name);
        rc_xdecref(e->name); /* a str: releasing it runs no code */
        e->name = name;
    }
    e->globals = globals;
    e->builtins = builtins;
    e->gver = rc_dict_version(globals);
    e->bver = builtins ? rc_dict_version(builtins) : 0;
    e->value = value;
}

void rp_fini_vm(rp_interp *ip) {
    struct rp_vm_cache *c = ip->vmcache;
    if (!c)
        return;
    ip->vmcache = NULL;
    for (size_t i = 0; i < RP_GLOBAL_CACHE; i++)
        rc_xdecref(c->g[i].name);
    rc_free(ip->rt, c, sizeof *c);
}
