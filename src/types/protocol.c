/*
 * protocol.c — the object protocol (hash, compare, repr, len, items,
 * iteration, operators) dispatched through the builtin types' slots, with
 * Python's defaults for every other object; None; the string builder; the
 * recursion guard; and the per-runtime state of the builtin types.
 */
#include "types.h"

#include <stdio.h>

/* ====================================================================== */
/* None and NotImplemented                                                 */
/* ====================================================================== */

static int none_hash(rc_object *o, int64_t *out) {
    (void)o;
    *out = 0xFCA86420; /* any constant; CPython 3.12 uses one too */
    return 0;
}

static rc_object *none_repr(rc_object *o) {
    return rc_str_from_utf8(rc__runtime_of(o), "None", 4);
}

static int none_truth(rc_object *o) {
    (void)o;
    return 0;
}

static const rc__typeinfo none_type = {
    .base = {.name = "NoneType",
             .basicsize = sizeof(rc_object),
             .flags = RC__TYPE_BUILTIN},
    .hash = none_hash,
    .repr = none_repr,
    .truth = none_truth,
};

const rc_object rc__notimplemented = {.refcnt = RC_IMMORTAL,
                                      .type = &none_type.base};

rc_object *rc_none(rc_runtime *rt) {
    return rt->types->none;
}

bool rc_is_none(const rc_object *o) {
    return o->type == &none_type.base;
}

/* ====================================================================== */
/* Errors                                                                  */
/* ====================================================================== */

static const char *const binop_symbols[RC__NBINOPS] = {
    [RC__ADD] = "+",           [RC__SUB] = "-",           [RC__MUL] = "*",
    [RC__TRUEDIV] = "/",       [RC__FLOORDIV] = "//",     [RC__MOD] = "%",
    [RC__DIVMOD] = "divmod()", [RC__POW] = "** or pow()", [RC__LSHIFT] = "<<",
    [RC__RSHIFT] = ">>",       [RC__AND] = "&",           [RC__OR] = "|",
    [RC__XOR] = "^",
};

const char *rc__binop_symbol(rc__binop op) {
    return binop_symbols[op];
}

int rc__binop_type_error(rc_runtime *rt, rc__binop op, const rc_object *a,
                         const rc_object *b) {
    return rc_set_error(rt, RC_ETYPE,
                        "unsupported operand type(s) for %s: '%s' and '%s'",
                        binop_symbols[op], rc_type_name(a), rc_type_name(b));
}

int rc__unhashable(rc_object *o, int64_t *out) {
    (void)out;
    return rc_set_error(rc__runtime_of(o), RC_EHASH, "unhashable type: '%s'",
                        rc_type_name(o));
}

/* ====================================================================== */
/* Recursion guard and the repr stack                                      */
/* ====================================================================== */

int rc__recursion_enter(rc_runtime *rt, const char *where) {
    if (rt->types->depth >= RC__RECURSION_LIMIT)
        return rc_set_error(rt, RC_EOVERFLOW,
                            "maximum recursion depth exceeded%s%s",
                            where ? " " : "", where ? where : "");
    rt->types->depth++;
    return 0;
}

void rc__recursion_leave(rc_runtime *rt) {
    rt->types->depth--;
}

int rc__repr_enter(rc_object *o) {
    struct rc__types *t = rc__types_of(o);
    rc_runtime *rt = rc__runtime_of(o);
    for (size_t i = 0; i < t->repr_n; i++)
        if (t->repr_stack[i] == o)
            return 1;
    if (t->repr_n == t->repr_cap) {
        size_t cap = t->repr_cap ? t->repr_cap * 2 : 16;
        rc_object **s = rc_realloc(rt, t->repr_stack, t->repr_cap * sizeof *s,
                                   cap * sizeof *s);
        if (!s)
            return RC_ENOMEM;
        t->repr_stack = s;
        t->repr_cap = cap;
    }
    t->repr_stack[t->repr_n++] = o;
    return 0;
}

void rc__repr_leave(rc_object *o) {
    struct rc__types *t = rc__types_of(o);
    for (size_t i = t->repr_n; i-- > 0;) {
        if (t->repr_stack[i] == o) {
            t->repr_stack[i] = t->repr_stack[--t->repr_n];
            return;
        }
    }
}

/* ====================================================================== */
/* Identity, hashing, comparison, truth                                    */
/* ====================================================================== */

const char *rc_type_name(const rc_object *o) {
    return o->type->name;
}

int64_t rc__hash_pointer(const void *p) {
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4)); /* low bits are alignment */
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

int rc_hash(rc_object *o, int64_t *hash) {
    const rc__typeinfo *ti = rc__info(o);
    if (ti && ti->hash)
        return ti->hash(o, hash);
    *hash = rc__hash_pointer(o);
    return 0;
}

static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

static int compare_slot(const rc_object *o, rc_object *a, rc_object *b,
                        rc_cmp op) {
    const rc__typeinfo *ti = rc__info(o);
    return ti && ti->compare ? ti->compare(a, b, op) : RC__CMP_NOTIMPL;
}

int rc_compare(rc_object *a, rc_object *b, rc_cmp op) {
    int r = compare_slot(a, a, b, op);
    if (r == RC__CMP_NOTIMPL && b->type != a->type)
        r = compare_slot(b, a, b, op);
    if (r != RC__CMP_NOTIMPL)
        return r;
    if (op == RC_EQ)
        return a == b;
    if (op == RC_NE)
        return a != b;
    return rc_set_error(rc__runtime_of(a), RC_ETYPE,
                        "'%s' not supported between instances of '%s' and '%s'",
                        cmp_symbols[op], rc_type_name(a), rc_type_name(b));
}

int rc_equal(rc_object *a, rc_object *b) {
    return a == b ? 1 : rc_compare(a, b, RC_EQ);
}

int rc_truth(rc_object *o) {
    const rc__typeinfo *ti = rc__info(o);
    if (ti && ti->truth)
        return ti->truth(o);
    if (ti && ti->len) {
        ptrdiff_t n = ti->len(o);
        return n < 0 ? (int)n : n != 0;
    }
    return 1;
}

/* ====================================================================== */
/* repr, str, sizeof, len                                                  */
/* ====================================================================== */

rc_object *rc_repr(rc_object *o) {
    const rc__typeinfo *ti = rc__info(o);
    if (ti && ti->repr)
        return ti->repr(o);
    return rc_str_from_format(rc__runtime_of(o), "<%s object at %p>",
                              rc_type_name(o), (void *)o);
}

rc_object *rc_str(rc_object *o) {
    const rc__typeinfo *ti = rc__info(o);
    if (ti && ti->str)
        return ti->str(o);
    return rc_repr(o);
}

size_t rc_sizeof(const rc_object *o) {
    const rc__typeinfo *ti = rc__info(o);
    size_t extra = ti && ti->extra_size ? ti->extra_size(o) : 0;
    return rc__obj_block_size(o) + extra;
}

ptrdiff_t rc_len(rc_object *o) {
    const rc__typeinfo *ti = rc__info(o);
    if (ti && ti->len)
        return ti->len(o);
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "object of type '%s' has no len()", rc_type_name(o));
}

/* ====================================================================== */
/* Items and iteration                                                     */
/* ====================================================================== */

rc_object *rc_getitem(rc_object *o, rc_object *key) {
    const rc__typeinfo *ti = rc__info(o);
    if (ti && ti->getitem)
        return ti->getitem(o, key);
    rc_set_error(rc__runtime_of(o), RC_ETYPE,
                 "'%s' object is not subscriptable", rc_type_name(o));
    return NULL;
}

int rc_setitem(rc_object *o, rc_object *key, rc_object *value) {
    const rc__typeinfo *ti = rc__info(o);
    if (ti && ti->setitem)
        return ti->setitem(o, key, value);
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "'%s' object does not support item assignment",
                        rc_type_name(o));
}

int rc_delitem(rc_object *o, rc_object *key) {
    const rc__typeinfo *ti = rc__info(o);
    if (ti && ti->setitem)
        return ti->setitem(o, key, NULL);
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "'%s' object doesn't support item deletion",
                        rc_type_name(o));
}

rc_object *rc_iter(rc_object *o) {
    const rc__typeinfo *ti = rc__info(o);
    if (ti && ti->iter)
        return ti->iter(o);
    rc_set_error(rc__runtime_of(o), RC_ETYPE, "'%s' object is not iterable",
                 rc_type_name(o));
    return NULL;
}

int rc_next(rc_object *it, rc_object **item) {
    const rc__typeinfo *ti = rc__info(it);
    *item = NULL;
    if (ti && ti->next)
        return ti->next(it, item);
    return rc_set_error(rc__runtime_of(it), RC_ETYPE,
                        "'%s' object is not an iterator", rc_type_name(it));
}

/* item in container, by iteration and equality. */
static int contains_by_iteration(rc_object *container, rc_object *item) {
    rc_runtime *rt = rc__runtime_of(container);
    const rc__typeinfo *ti = rc__info(container);
    if (!ti || !ti->iter)
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
    const rc__typeinfo *ti = rc__info(container);
    if (ti && ti->contains)
        return ti->contains(container, item);
    return contains_by_iteration(container, item);
}

/* ====================================================================== */
/* Operators                                                               */
/* ====================================================================== */

static rc_object *binop_slot(const rc_object *o, rc_object *a, rc_object *b,
                             rc__binop op) {
    const rc__typeinfo *ti = rc__info(o);
    return ti && ti->binop ? ti->binop(a, b, op) : RC__NOTIMPL;
}

static rc_object *binop(rc_object *a, rc_object *b, rc__binop op) {
    rc_object *r = binop_slot(a, a, b, op);
    if (r == RC__NOTIMPL && b->type != a->type)
        r = binop_slot(b, a, b, op);
    if (r == RC__NOTIMPL) {
        rc__binop_type_error(rc__runtime_of(a), op, a, b);
        return NULL;
    }
    return r;
}

rc_object *rc_number_add(rc_object *a, rc_object *b) {
    return binop(a, b, RC__ADD);
}
rc_object *rc_number_subtract(rc_object *a, rc_object *b) {
    return binop(a, b, RC__SUB);
}
rc_object *rc_number_multiply(rc_object *a, rc_object *b) {
    return binop(a, b, RC__MUL);
}
rc_object *rc_number_truediv(rc_object *a, rc_object *b) {
    return binop(a, b, RC__TRUEDIV);
}
rc_object *rc_number_floordiv(rc_object *a, rc_object *b) {
    return binop(a, b, RC__FLOORDIV);
}
rc_object *rc_number_remainder(rc_object *a, rc_object *b) {
    return binop(a, b, RC__MOD);
}
rc_object *rc_number_divmod(rc_object *a, rc_object *b) {
    return binop(a, b, RC__DIVMOD);
}
rc_object *rc_number_power(rc_object *a, rc_object *b) {
    return binop(a, b, RC__POW);
}
rc_object *rc_number_lshift(rc_object *a, rc_object *b) {
    return binop(a, b, RC__LSHIFT);
}
rc_object *rc_number_rshift(rc_object *a, rc_object *b) {
    return binop(a, b, RC__RSHIFT);
}
rc_object *rc_number_and(rc_object *a, rc_object *b) {
    return binop(a, b, RC__AND);
}
rc_object *rc_number_or(rc_object *a, rc_object *b) {
    return binop(a, b, RC__OR);
}
rc_object *rc_number_xor(rc_object *a, rc_object *b) {
    return binop(a, b, RC__XOR);
}

static const char *const unop_names[] = {"unary -", "unary +", "abs()",
                                         "unary ~"};

static rc_object *unop(rc_object *a, rc__unop op) {
    const rc__typeinfo *ti = rc__info(a);
    if (ti && ti->unop)
        return ti->unop(a, op);
    rc_set_error(rc__runtime_of(a), RC_ETYPE, "bad operand type for %s: '%s'",
                 unop_names[op], rc_type_name(a));
    return NULL;
}

rc_object *rc_number_negative(rc_object *a) {
    return unop(a, RC__NEG);
}
rc_object *rc_number_positive(rc_object *a) {
    return unop(a, RC__POS);
}
rc_object *rc_number_absolute(rc_object *a) {
    return unop(a, RC__ABS);
}
rc_object *rc_number_invert(rc_object *a) {
    return unop(a, RC__INVERT);
}

/* ====================================================================== */
/* String builder                                                          */
/* ====================================================================== */

void rc__sb_init(rc__sb *sb, rc_runtime *rt) {
    sb->rt = rt;
    sb->buf = sb->inline_buf;
    sb->len = 0;
    sb->cap = sizeof sb->inline_buf;
    sb->failed = false;
}

static bool sb_reserve(rc__sb *sb, size_t more) {
    if (sb->failed)
        return false;
    if (more <= sb->cap - sb->len)
        return true;
    if (more > SIZE_MAX / 2 - sb->len) {
        rc_set_error(sb->rt, RC_EOVERFLOW, "string too long");
        sb->failed = true;
        return false;
    }
    size_t need = sb->len + more;
    size_t cap = sb->cap * 2 > need ? sb->cap * 2 : need;
    char *buf = rc_malloc(sb->rt, cap);
    if (!buf) {
        sb->failed = true;
        return false;
    }
    memcpy(buf, sb->buf, sb->len);
    if (sb->buf != sb->inline_buf)
        rc_free(sb->rt, sb->buf, sb->cap);
    sb->buf = buf;
    sb->cap = cap;
    return true;
}

void rc__sb_append(rc__sb *sb, const char *s, size_t n) {
    if (sb_reserve(sb, n)) {
        memcpy(sb->buf + sb->len, s, n);
        sb->len += n;
    }
}

void rc__sb_puts(rc__sb *sb, const char *s) {
    rc__sb_append(sb, s, strlen(s));
}

void rc__sb_putc(rc__sb *sb, char c) {
    rc__sb_append(sb, &c, 1);
}

bool rc__sb_reserve(rc__sb *sb, size_t more) {
    return sb_reserve(sb, more);
}

/* Formats once into a stack buffer; only text longer than it is formatted
 * a second time, straight into the builder. */
void rc__sb_printf(rc__sb *sb, const char *fmt, ...) {
    char local[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(local, sizeof local, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof local) {
        rc__sb_append(sb, local, (size_t)n);
        return;
    }
    if (!sb_reserve(sb, (size_t)n + 1))
        return;
    va_start(ap, fmt);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

static bool sb_object(rc__sb *sb, rc_object *o, rc_object *(*fn)(rc_object *)) {
    if (sb->failed)
        return false;
    rc_object *s = fn(o);
    if (!s) {
        sb->failed = true;
        return false;
    }
    rc__sb_append(sb, rc_str_utf8(s), rc_str_size(s));
    rc_decref(s);
    return !sb->failed;
}

bool rc__sb_repr(rc__sb *sb, rc_object *o) {
    return sb_object(sb, o, rc_repr);
}

bool rc__sb_str(rc__sb *sb, rc_object *o) {
    return sb_object(sb, o, rc_str);
}

void rc__sb_discard(rc__sb *sb) {
    if (sb->buf != sb->inline_buf)
        rc_free(sb->rt, sb->buf, sb->cap);
    sb->buf = sb->inline_buf;
    sb->len = 0;
    sb->cap = sizeof sb->inline_buf;
}

rc_object *rc__sb_finish(rc__sb *sb) {
    rc_object *s = NULL;
    if (!sb->failed)
        s = rc_str_from_utf8(sb->rt, sb->buf, sb->len);
    else if (rc_last_error(sb->rt) == RC_OK)
        rc_set_error(sb->rt, RC_ENOMEM, "out of memory building a string");
    rc__sb_discard(sb);
    return s;
}

rc_object *rc__container_repr(rc_object *o, const char *open, const char *close,
                              const char *again, rc__repr_body body) {
    rc_runtime *rt = rc__runtime_of(o);
    int r = rc__repr_enter(o);
    if (r)
        return r > 0 ? rc_str_from_cstr(rt, again) : NULL;
    if (rc__recursion_enter(rt, "while getting the repr of an object")) {
        rc__repr_leave(o);
        return NULL;
    }
    rc__sb sb;
    rc__sb_init(&sb, rt);
    rc__sb_puts(&sb, open);
    if (body(&sb, o))
        rc__sb_puts(&sb, close);
    else
        sb.failed = true;
    rc__recursion_leave(rt);
    rc__repr_leave(o);
    return rc__sb_finish(&sb);
}

/* ====================================================================== */
/* The collector's untracking hook                                         */
/* ====================================================================== */

void rc__maybe_untrack(rc_object *o, bool full) {
    const rc__typeinfo *ti = rc__info(o);
    if (ti && ti->untrackable && ti->untrackable(o, full))
        rc_gc_untrack(o);
}

/* ====================================================================== */
/* Per-runtime state                                                       */
/* ====================================================================== */

int rc__types_init(rc_runtime *rt) {
    struct rc__types *t = rc_malloc(rt, sizeof *t);
    if (!t)
        return RC_ENOMEM;
    memset(t, 0, sizeof *t);
    rt->types = t;
    t->none = rc_new(rt, &none_type.base);
    int r = t->none ? 0 : RC_ENOMEM;
    if (!r) {
        rc_set_immortal(t->none);
        r = rc__str_init(rt);
    }
    if (!r)
        r = rc__num_init(rt);
    if (!r)
        r = rc__cont_init(rt);
    return r; /* on failure the caller frees the whole heap */
}

void rc__types_clear_freelists(rc_runtime *rt) {
    if (!rt->types)
        return;
    rc__num_clear_freelists(rt);
    rc__cont_clear_freelists(rt);
}

void rc__types_fini(rc_runtime *rt) {
    struct rc__types *t = rt->types;
    if (!t)
        return;
    rc__types_clear_freelists(rt);
    rc__cont_fini(rt);
    rc__num_fini(rt);
    rc__str_fini(rt);
    rc_free(rt, t->repr_stack, t->repr_cap * sizeof *t->repr_stack);
    rc_free(rt, t, sizeof *t);
    rt->types = NULL;
}
