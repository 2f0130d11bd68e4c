/*
 * abstract.c — the object protocol's dispatching functions, CPython's
 * abstract object layer: each finds the slot in the object's type's
 * rc_protocol, calls it, checks what it gave back, and supplies Python's
 * default (and Python's message) when the type has no such slot. The
 * builtin types go through here like any other type; the number operators
 * are in number.c.
 *
 * Recursion. repr, str, format, hash, richcompare and call may nest
 * through objects' slots without bound (a list inside a list ..., a slot
 * that calls rc_call ...), so they hold the runtime's recursion counter
 * while the slot runs, except for RC__TYPE_LEAF types, whose slots never
 * call out: most calls (ints, strs) pay nothing for it.
 *
 * Speed. Containers compare their items with rc_compare and rc_equal; for
 * two ints, two floats or two strs those answer directly (compare_fast),
 * as the types' own richcompare slots would, without making the slot's
 * True/False object or entering the counter: dict lookups and sorting go
 * no slower through the public protocol than through private slots.
 */
#include "num.h"

#include <stdio.h>

static inline const rc_protocol *proto(const rc_object *o) {
    return o->type->protocol;
}

/* The slot `name` of o's type, or NULL. */
#define SLOT(o, name) (proto(o) ? proto(o)->name : NULL)

static inline bool is_leaf(const rc_object *o) {
    return o->type->flags & RC__TYPE_LEAF;
}

/* Drops r (when the caller's check found it wrong) and records the
 * error; NULL. */
static rc_object *wrong_result(rc_object *r, const char *fmt) {
    rc_runtime *rt = rc__runtime_of(r);
    const char *name = rc_type_name(r);
    char msg[160];
    snprintf(msg, sizeof msg, fmt, name);
    rc_decref(r);
    rc_set_error(rt, RC_ETYPE, "%s", msg);
    return NULL;
}

/* r when it is NULL or a str; else the error fmt names its type in. */
static rc_object *str_result(rc_object *r, const char *fmt) {
    return !r || rc_is_str(r) ? r : wrong_result(r, fmt);
}

/* ====================================================================== */
/* repr, str, format                                                       */
/* ====================================================================== */

typedef rc_object *(*unaryfn)(rc_object *o);

/* fn(o) within the recursion guard (skipped for leaf types). */
static rc_object *guarded(unaryfn fn, rc_object *o, const char *where) {
    if (is_leaf(o))
        return fn(o);
    rc_runtime *rt = rc__runtime_of(o);
    if (rc__recursion_enter(rt, where))
        return NULL;
    rc_object *r = fn(o);
    rc__recursion_leave(rt);
    return r;
}

rc_object *rc_repr(rc_object *o) {
    unaryfn fn = SLOT(o, repr);
    if (!fn)
        return rc_str_from_format(rc__runtime_of(o), "<%s object at %p>",
                                  rc_type_name(o), (void *)o);
    return str_result(guarded(fn, o, "while getting the repr of an object"),
                      "__repr__ returned non-string (type %s)");
}

rc_object *rc_str(rc_object *o) {
    unaryfn fn = SLOT(o, str);
    if (!fn)
        return rc_repr(o);
    return str_result(guarded(fn, o, "while getting the str of an object"),
                      "__str__ returned non-string (type %s)");
}

/* The format slot's call, spec a str. */
static rc_object *call_format(rc_object *o, rc_object *spec) {
    rc_object *(*fn)(rc_object *, rc_object *) = SLOT(o, format);
    if (is_leaf(o))
        return fn(o, spec);
    rc_runtime *rt = rc__runtime_of(o);
    if (rc__recursion_enter(rt, "while formatting an object"))
        return NULL;
    rc_object *r = fn(o, spec);
    rc__recursion_leave(rt);
    return r;
}

rc_object *rc_format(rc_object *o, rc_object *spec) {
    rc_runtime *rt = rc__runtime_of(o);
    if (spec && !rc_is_str(spec)) {
        rc_set_error(rt, RC_ETYPE, "Format specifier must be a string, not %s",
                     rc_type_name(spec));
        return NULL;
    }
    if (!SLOT(o, format)) {
        if (!spec || rc_str_size(spec) == 0)
            return rc_str(o);
        rc_set_error(rt, RC_ETYPE,
                     "unsupported format string passed to %.200s.__format__",
                     rc_type_name(o));
        return NULL;
    }
    rc_object *empty = spec ? NULL : rc_str_from_utf8(rt, "", 0);
    if (!spec && !empty)
        return NULL;
    rc_object *r = call_format(o, spec ? spec : empty);
    rc_xdecref(empty);
    return str_result(r, "__format__ must return a str, not %s");
}

/* ====================================================================== */
/* Hashing                                                                 */
/* ====================================================================== */

int64_t rc_hash_identity(const rc_object *o) {
    uintptr_t y = (uintptr_t)o;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4)); /* low bits are alignment */
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

int rc__unhashable(rc_object *o, int64_t *out) {
    (void)out;
    return rc_set_error(rc__runtime_of(o), RC_EHASH, "unhashable type: '%s'",
                        rc_type_name(o));
}

/* rc_hash for the types that hold the recursion guard, or have no slot. */
static RC__NOINLINE int hash_guarded(rc_object *o, int64_t *hash) {
    int (*fn)(rc_object *, int64_t *) = SLOT(o, hash);
    if (!fn) {
        *hash = rc_hash_identity(o);
        return 0;
    }
    rc_runtime *rt = rc__runtime_of(o);
    int r = rc__recursion_enter(rt, "while hashing");
    if (r)
        return r;
    r = fn(o, hash);
    rc__recursion_leave(rt);
    if (r == 0 && *hash == -1) /* Python reserves -1 */
        *hash = -2;
    return r;
}

int rc_hash(rc_object *o, int64_t *hash) {
    const rc_protocol *p = proto(o);
    if (RC__LIKELY(p && p->hash && is_leaf(o)))
        return p->hash(o, hash);
    return hash_guarded(o, hash);
}

/* ====================================================================== */
/* Comparison                                                              */
/* ====================================================================== */

typedef rc_object *(*richfn)(rc_object *self, rc_object *other, rc_cmp op);

static const rc_cmp swapped[] = {RC_GT, RC_GE, RC_EQ, RC_NE, RC_LT, RC_LE};
static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

rc_object *rc__cmp_object(rc_runtime *rt, int r) {
    return r < 0 ? NULL : rc__bool(rt, r);
}

/* a's slot, then b's with the reflected operator, then identity for ==
 * and != (CPython's do_richcompare, without its subclass rule). */
static rc_object *do_richcompare(rc_object *a, rc_object *b, rc_cmp op) {
    richfn fa = SLOT(a, richcompare);
    richfn fb = b->type != a->type ? SLOT(b, richcompare) : NULL;
    rc_object *r;
    if (fa && (!(r = fa(a, b, op)) || !rc__is_notimpl(r)))
        return r;
    if (fb && (!(r = fb(b, a, swapped[op])) || !rc__is_notimpl(r)))
        return r;
    rc_runtime *rt = rc__runtime_of(a);
    if (op == RC_EQ || op == RC_NE)
        return rc__bool(rt, (a == b) == (op == RC_EQ));
    rc_set_error(rt, RC_ETYPE,
                 "'%s' not supported between instances of '%.100s' and "
                 "'%.100s'",
                 cmp_symbols[op], rc_type_name(a), rc_type_name(b));
    return NULL;
}

rc_object *rc_richcompare(rc_object *a, rc_object *b, rc_cmp op) {
    rc_runtime *rt = rc__runtime_of(a);
    if ((unsigned)op > RC_GE) {
        rc_set_error(rt, RC_EINVAL, "invalid comparison operator %d", (int)op);
        return NULL;
    }
    if (is_leaf(a) && is_leaf(b))
        return do_richcompare(a, b, op);
    if (rc__recursion_enter(rt, "in comparison"))
        return NULL;
    rc_object *r = do_richcompare(a, b, op);
    rc__recursion_leave(rt);
    return r;
}

/* Two ints, floats or strs, answered as their slots would: 1 or 0; SLOW
 * for anything else. */
#define SLOW 2

static inline int compare_fast(rc_object *a, rc_object *b, rc_cmp op) {
    const rc_type *t = a->type;
    if (t != b->type || (unsigned)op > RC_GE)
        return SLOW;
    if (t == &rc__int_type) {
        if (rc__int_compact(a) && rc__int_compact(b)) {
            int64_t x = rc__int_cval(a), y = rc__int_cval(b);
            return rc__cmp_result((x > y) - (x < y), op);
        }
        return rc__int_compare(a, b, op);
    }
    if (t == &rc__str_type)
        return rc__str_compare(a, b, op);
    if (t == &rc__float_type)
        return rc__float_compare(a, b, op);
    return SLOW;
}

/* The truth of a comparison's result (released): 1, 0 or negative. */
static int result_truth(rc_runtime *rt, rc_object *r) {
    if (!r)
        return rc_last_error(rt);
    if (rc_is_bool(r))
        return rc__int_cval(r) != 0;
    int t = rc_truth(r);
    rc_decref(r);
    return t;
}

int rc_compare(rc_object *a, rc_object *b, rc_cmp op) {
    int r = compare_fast(a, b, op);
    if (r != SLOW)
        return r;
    rc_object *res = rc_richcompare(a, b, op);
    return result_truth(rc__runtime_of(a), res);
}

int rc_equal(rc_object *a, rc_object *b) {
    return a == b ? 1 : rc_compare(a, b, RC_EQ);
}

/* ====================================================================== */
/* Truth and size                                                          */
/* ====================================================================== */

int rc_truth(rc_object *o) {
    const rc_protocol *p = proto(o);
    if (p && p->truth)
        return p->truth(o);
    if (p && p->len) {
        ptrdiff_t n = p->len(o);
        return n < 0 ? (int)n : n != 0;
    }
    return 1;
}

ptrdiff_t rc_len(rc_object *o) {
    ptrdiff_t (*fn)(rc_object *) = SLOT(o, len);
    if (fn)
        return fn(o);
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "object of type '%s' has no len()", rc_type_name(o));
}

size_t rc_sizeof(const rc_object *o) {
    size_t (*fn)(const rc_object *) = SLOT(o, extra_size);
    return rc__obj_block_size(o) + (fn ? fn(o) : 0);
}

const char *rc_type_name(const rc_object *o) {
    return o->type->name;
}

rc_object *rc_type_owner(const rc_object *o) {
    return (o->type->flags & RC_TYPE_HEAP) ? o->type->owner : NULL;
}

/* ====================================================================== */
/* Items                                                                   */
/* ====================================================================== */

rc_object *rc_getitem(rc_object *o, rc_object *key) {
    rc_object *(*fn)(rc_object *, rc_object *) = SLOT(o, getitem);
    if (fn)
        return fn(o, key);
    rc_set_error(rc__runtime_of(o), RC_ETYPE,
                 "'%s' object is not subscriptable", rc_type_name(o));
    return NULL;
}

int rc_setitem(rc_object *o, rc_object *key, rc_object *value) {
    if (!value)
        return rc_delitem(o, key);
    int (*fn)(rc_object *, rc_object *, rc_object *) = SLOT(o, setitem);
    if (fn)
        return fn(o, key, value);
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "'%s' object does not support item assignment",
                        rc_type_name(o));
}

int rc_delitem(rc_object *o, rc_object *key) {
    int (*fn)(rc_object *, rc_object *) = SLOT(o, delitem);
    if (fn)
        return fn(o, key);
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "'%s' object does not support item deletion",
                        rc_type_name(o));
}

/* ====================================================================== */
/* Iteration and membership                                                */
/* ====================================================================== */

rc_object *rc_iter(rc_object *o) {
    rc_object *(*fn)(rc_object *) = SLOT(o, iter);
    rc_runtime *rt = rc__runtime_of(o);
    if (!fn) {
        rc_set_error(rt, RC_ETYPE, "'%s' object is not iterable",
                     rc_type_name(o));
        return NULL;
    }
    rc_object *it = fn(o);
    if (it && !SLOT(it, next))
        return wrong_result(it, "iter() returned non-iterator of type '%s'");
    return it;
}

int rc_next(rc_object *it, rc_object **item) {
    int (*fn)(rc_object *, rc_object **) = SLOT(it, next);
    *item = NULL;
    if (fn)
        return fn(it, item);
    return rc_set_error(rc__runtime_of(it), RC_ETYPE,
                        "'%s' object is not an iterator", rc_type_name(it));
}

/* item in container, by iteration and equality (CPython's
 * _PySequence_IterSearch). */
static int contains_by_iteration(rc_object *container, rc_object *item) {
    rc_runtime *rt = rc__runtime_of(container);
    if (!SLOT(container, iter))
        return rc_set_error(rt, RC_ETYPE,
                            "argument of type '%s' is not iterable",
                            rc_type_name(container));
    rc_object *it = rc_iter(container);
    if (!it)
        return rc_last_error(rt);
    int found = 0, r;
    rc_object *x;
    while (!found && (r = rc_next(it, &x)) == 1) {
        found = rc_equal(x, item);
        rc_decref(x);
    }
    rc_decref(it);
    if (found < 0)
        return found;
    return found ? 1 : (r < 0 ? r : 0);
}

int rc_contains(rc_object *container, rc_object *item) {
    int (*fn)(rc_object *, rc_object *) = SLOT(container, contains);
    if (fn)
        return fn(container, item);
    return contains_by_iteration(container, item);
}

/* ====================================================================== */
/* Calls                                                                   */
/* ====================================================================== */

typedef rc_object *(*callfn)(rc_object *self, rc_object *const *args,
                             size_t nargs, rc_object *kwnames);

rc_object *rc_call(rc_object *callable, rc_object *const *args, size_t nargs,
                   rc_object *kwnames) {
    callfn fn = SLOT(callable, call);
    rc_runtime *rt = rc__runtime_of(callable);
    if (!fn) {
        rc_set_error(rt, RC_ETYPE, "'%s' object is not callable",
                     rc_type_name(callable));
        return NULL;
    }
    if (kwnames && !rc_is_tuple(kwnames)) {
        rc_set_error(rt, RC_ETYPE, "keyword names must be a tuple, not %s",
                     rc_type_name(kwnames));
        return NULL;
    }
    if (rc__recursion_enter(rt, "while calling a Python object"))
        return NULL;
    rc_object *r = fn(callable, args, nargs, kwnames);
    rc__recursion_leave(rt);
    return r;
}

bool rc_is_callable(const rc_object *o) {
    return SLOT(o, call) != NULL;
}

/* The arguments of rc_call_object in the vectorcall layout: new
 * references to the positional ones, then to the keyword values; the
 * keywords' names in a tuple. */
typedef struct callargs {
    rc_object **v;       /* n new references; room for cap */
    size_t n, npos, cap; /* arguments held; positional ones; room */
    rc_object *names;    /* tuple of the keywords (new), or NULL */
    rc_object *inline_v[8];
} callargs;

static void callargs_free(rc_runtime *rt, callargs *c) {
    for (size_t i = 0; i < c->n; i++)
        rc_decref(c->v[i]);
    if (c->v != c->inline_v)
        rc_free(rt, c->v, c->cap * sizeof *c->v);
    rc_xdecref(c->names);
}

/* The keyword arguments of kwargs after the positional ones: 0 or an
 * error (c keeps what it took, for callargs_free). */
static int take_keywords(rc_runtime *rt, callargs *c, rc_object *kwargs) {
    size_t pos = 0, k = 0;
    rc_object *key, *value;
    size_t nkw = rc_tuple_size(c->names);
    while (rc_dict_next(kwargs, &pos, &key, &value)) {
        if (!rc_is_str(key))
            return rc_set_error(rt, RC_ETYPE, "keywords must be strings");
        if (k == nkw)
            break;
        rc_incref(key);
        rc_tuple_init_item(c->names, k++, key);
        rc_incref(value);
        c->v[c->n++] = value;
    }
    if (k != nkw || rc_dict_size(kwargs) != nkw) /* changed by a collection
                                                    the allocations ran */
        return rc_set_error(rt, RC_ESTATE,
                            "dictionary changed size during iteration");
    return 0;
}

static int callargs_make(rc_runtime *rt, callargs *c, rc_object *args,
                         rc_object *kwargs) {
    size_t npos = args ? rc_tuple_size(args) : 0;
    size_t nkw = kwargs ? rc_dict_size(kwargs) : 0;
    *c = (callargs){.v = c->inline_v, .npos = npos, .cap = npos + nkw};
    if (c->cap > 8 && !(c->v = rc_malloc(rt, c->cap * sizeof *c->v))) {
        c->v = c->inline_v;
        return RC_ENOMEM;
    }
    if (nkw && !(c->names = rc_tuple_new(rt, nkw)))
        return RC_ENOMEM;
    for (; c->n < npos; c->n++)
        rc_incref(c->v[c->n] = rc_tuple_get(args, c->n));
    return nkw ? take_keywords(rt, c, kwargs) : 0;
}

rc_object *rc_call_object(rc_object *callable, rc_object *args,
                          rc_object *kwargs) {
    rc_runtime *rt = rc__runtime_of(callable);
    if (args && !rc_is_tuple(args)) {
        rc_set_error(rt, RC_ETYPE, "argument list must be a tuple");
        return NULL;
    }
    if (kwargs && !rc_is_dict(kwargs)) {
        rc_set_error(rt, RC_ETYPE, "keyword list must be a dictionary");
        return NULL;
    }
    callargs c;
    rc_object *r = NULL;
    if (callargs_make(rt, &c, args, kwargs) == 0)
        r = rc_call(callable, c.v, c.npos, c.names);
    callargs_free(rt, &c);
    return r;
}

/* ====================================================================== */
/* Attributes                                                              */
/* ====================================================================== */

static bool attr_name_ok(rc_object *o, rc_object *name) {
    if (rc_is_str(name))
        return true;
    rc_set_error(rc__runtime_of(o), RC_ETYPE,
                 "attribute name must be string, not '%.200s'",
                 rc_type_name(name));
    return false;
}

static int no_attribute(rc_object *o, rc_object *name) {
    return rc_set_error(rc__runtime_of(o), RC_EATTR,
                        "'%.100s' object has no attribute '%.200s'",
                        rc_type_name(o), rc_str_utf8(name));
}

rc_object *rc_getattr(rc_object *o, rc_object *name) {
    if (!attr_name_ok(o, name))
        return NULL;
    rc_object *(*fn)(rc_object *, rc_object *) = SLOT(o, getattr);
    if (fn)
        return fn(o, name);
    rc_runtime *rt = rc__runtime_of(o);
    if (rt->getattr_hook)
        return rt->getattr_hook(o, name, rt->getattr_arg);
    no_attribute(o, name);
    return NULL;
}

void rc_set_getattr_hook(rc_runtime *rt, rc_getattr_hook hook, void *arg) {
    rt->getattr_hook = hook;
    rt->getattr_arg = hook ? arg : NULL;
}

rc_object *rc_getattr_str(rc_object *o, const char *name) {
    rc_object *s = rc_str_from_cstr(rc__runtime_of(o), name);
    if (!s)
        return NULL;
    rc_object *r = rc_getattr(o, s);
    rc_decref(s);
    return r;
}

int rc_setattr(rc_object *o, rc_object *name, rc_object *value) {
    if (!value)
        return rc_delattr(o, name);
    if (!attr_name_ok(o, name))
        return RC_ETYPE;
    int (*fn)(rc_object *, rc_object *, rc_object *) = SLOT(o, setattr);
    return fn ? fn(o, name, value) : no_attribute(o, name);
}

int rc_delattr(rc_object *o, rc_object *name) {
    if (!attr_name_ok(o, name))
        return RC_ETYPE;
    int (*fn)(rc_object *, rc_object *) = SLOT(o, delattr);
    return fn ? fn(o, name) : no_attribute(o, name);
}

/* ====================================================================== */
/* index                                                                   */
/* ====================================================================== */

int rc__index_of(rc_object *o, rc_object **out) {
    if (rc_is_int(o)) {
        rc_incref(o);
        *out = o;
        return 1;
    }
    const rc_protocol *p = proto(o);
    if (!p || p->version < 2 || !p->index)
        return 0;
    rc_object *r = p->index(o);
    if (r && rc__is_notimpl(r)) /* declined: no __index__ */
        return 0;
    if (r && !rc_is_int(r))
        r = wrong_result(r, "__index__ returned non-int (type %.200s)");
    if (!r)
        return rc_last_error(rc__runtime_of(o));
    *out = r;
    return 1;
}

rc_object *rc_number_index(rc_object *o) {
    rc_object *i = NULL;
    int r = rc__index_of(o, &i);
    if (r == 0)
        rc_set_error(rc__runtime_of(o), RC_ETYPE,
                     "'%.200s' object cannot be interpreted as an integer",
                     rc_type_name(o));
    return r > 0 ? i : NULL;
}
