/*
 * types.h — what the builtin types share; never installed.
 *
 * A builtin type is an rc__typeinfo: an rc_type (flag RC__TYPE_BUILTIN)
 * followed by protocol slots. protocol.c dispatches rc_hash, rc_compare,
 * rc_repr, the operators and the rest through them and supplies Python's
 * defaults for objects of other types (identity hash and equality,
 * "<name object at 0x...>" repr).
 *
 * Per-runtime state (caches, interning table, free lists, singletons)
 * lives in struct rc__types, reached by rt->types; each family of types
 * keeps its part in its own header (numstate.h, strstate.h, contstate.h)
 * and provides init / fini / clear_freelists functions called from here.
 */
#ifndef RC_TYPES_H
#define RC_TYPES_H

#include "../internal.h"

#include "rcgc/objects.h"

/* ---------------------------------------------------------------------- */
/* Protocol slots                                                          */
/* ---------------------------------------------------------------------- */

typedef enum rc__binop {
    RC__ADD,
    RC__SUB,
    RC__MUL,
    RC__TRUEDIV,
    RC__FLOORDIV,
    RC__MOD,
    RC__DIVMOD,
    RC__POW,
    RC__LSHIFT,
    RC__RSHIFT,
    RC__AND,
    RC__OR,
    RC__XOR,
    RC__NBINOPS
} rc__binop;

typedef enum rc__unop { RC__NEG, RC__POS, RC__ABS, RC__INVERT } rc__unop;

/* Returned by a binop slot that does not handle these operands, so that
 * the other operand's type is asked (Python's NotImplemented). Never an
 * object anyone holds a reference to. */
extern const rc_object rc__notimplemented;
#define RC__NOTIMPL ((rc_object *)&rc__notimplemented)

/* Returned by a compare slot that does not handle these operands. */
#define RC__CMP_NOTIMPL 2

typedef struct rc__typeinfo {
    rc_type base; /* first: flags include RC__TYPE_BUILTIN */
    /* hash(o); NULL: identity. Unhashable types set rc__unhashable. */
    int (*hash)(rc_object *o, int64_t *out);
    /* a <op> b where a or b has this type: 1, 0, negative error, or
     * RC__CMP_NOTIMPL. NULL: identity equality, no ordering. */
    int (*compare)(rc_object *a, rc_object *b, rc_cmp op);
    rc_object *(*repr)(rc_object *o); /* NULL: <name object at 0x...> */
    rc_object *(*str)(rc_object *o);  /* NULL: repr */
    int (*truth)(rc_object *o);       /* NULL: len != 0 if len, else 1 */
    ptrdiff_t (*len)(rc_object *o);
    /* bytes owned beyond the object's block (item arrays, tables) */
    size_t (*extra_size)(const rc_object *o);
    rc_object *(*iter)(rc_object *o);             /* NULL: not iterable */
    int (*next)(rc_object *it, rc_object **item); /* iterators */
    rc_object *(*getitem)(rc_object *o, rc_object *key);
    /* o[key] = value; value NULL deletes */
    int (*setitem)(rc_object *o, rc_object *key, rc_object *value);
    int (*contains)(rc_object *o, rc_object *item); /* NULL: iterate */
    /* a <op> b where a or b has this type; RC__NOTIMPL if not handled */
    rc_object *(*binop)(rc_object *a, rc_object *b, rc__binop op);
    rc_object *(*unop)(rc_object *a, rc__unop op);
    /* With RC__TYPE_UNTRACKABLE: true when the collector may untrack o
     * (it holds only untracked objects). full: a generation-2 collection. */
    bool (*untrackable)(rc_object *o, bool full);
} rc__typeinfo;

static inline const rc__typeinfo *rc__info(const rc_object *o) {
    return (o->type->flags & RC__TYPE_BUILTIN) ? (const rc__typeinfo *)o->type
                                               : NULL;
}

/* The hash slot of unhashable types: always RC_EHASH. */
int rc__unhashable(rc_object *o, int64_t *out);

/* Python's hash of a pointer-identity object. */
int64_t rc__hash_pointer(const void *p);

/* CPython's numeric hash modulus (2**61 - 1) and the hashes of inf/nan. */
#define RC__HASH_BITS    61
#define RC__HASH_MODULUS (((uint64_t)1 << RC__HASH_BITS) - 1)
#define RC__HASH_INF     314159

/* ---------------------------------------------------------------------- */
/* Errors in Python's words                                                */
/* ---------------------------------------------------------------------- */

/* "unsupported operand type(s) for +: 'int' and 'str'" */
int rc__binop_type_error(rc_runtime *rt, rc__binop op, const rc_object *a,
                         const rc_object *b);
const char *rc__binop_symbol(rc__binop op);

/* ---------------------------------------------------------------------- */
/* Recursion guard (repr, comparison, hashing of nested containers)        */
/* ---------------------------------------------------------------------- */

#define RC__RECURSION_LIMIT 1000

/* 0 to go on, or RC_EOVERFLOW ("maximum recursion depth exceeded ...")
 * when nested too deep; pair every 0 with rc__recursion_leave. */
int rc__recursion_enter(rc_runtime *rt, const char *where);
void rc__recursion_leave(rc_runtime *rt);

/* repr of self-referencing containers: 1 if o's repr is already being
 * built (print "[...]"), 0 if not (o is now marked), negative on error.
 * Pair a 0 with rc__repr_leave. */
int rc__repr_enter(rc_object *o);
void rc__repr_leave(rc_object *o);

/* ---------------------------------------------------------------------- */
/* String builder: UTF-8 text assembled piecewise, then made a str         */
/* ---------------------------------------------------------------------- */

typedef struct rc__sb {
    rc_runtime *rt;
    char *buf;   /* inline_buf or a block from rc_malloc */
    size_t len;  /* bytes written */
    size_t cap;  /* bytes available */
    bool failed; /* an allocation failed; finish returns NULL */
    char inline_buf[128];
} rc__sb;

void rc__sb_init(rc__sb *sb, rc_runtime *rt);
void rc__sb_append(rc__sb *sb, const char *s, size_t n);
void rc__sb_puts(rc__sb *sb, const char *s);
void rc__sb_putc(rc__sb *sb, char c);
/* Makes room for `more` further bytes in one allocation: false (and the
 * builder failed) if refused. */
bool rc__sb_reserve(rc__sb *sb, size_t more);
void rc__sb_printf(rc__sb *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends repr(o) / str(o); false (and the builder failed) on error. */
bool rc__sb_repr(rc__sb *sb, rc_object *o);
bool rc__sb_str(rc__sb *sb, rc_object *o);
/* A new str of the text (the builder is released either way), or NULL. */
rc_object *rc__sb_finish(rc__sb *sb);
void rc__sb_discard(rc__sb *sb);

/* The repr of a non-empty container: `again` when o's repr is already
 * being built (a self-reference), else open, what body appends, close —
 * within the recursion guard. body returns false on error. */
typedef bool (*rc__repr_body)(rc__sb *sb, rc_object *o);
rc_object *rc__container_repr(rc_object *o, const char *open, const char *close,
                              const char *again, rc__repr_body body);

/* ---------------------------------------------------------------------- */
/* Per-runtime state                                                       */
/* ---------------------------------------------------------------------- */

#include "contstate.h"
#include "numstate.h"
#include "strstate.h"

struct rc__types {
    rc_object *none;        /* the None singleton (immortal) */
    unsigned depth;         /* rc__recursion_enter nesting */
    rc_object **repr_stack; /* objects whose repr is being built */
    size_t repr_n, repr_cap;
    rc__num_state num;   /* numstate.h: bool, small ints, float free list */
    rc__str_state str;   /* strstate.h: interning, one-character cache */
    rc__cont_state cont; /* contstate.h: empty tuple, free lists */
};

static inline struct rc__types *rc__types_of(const rc_object *o) {
    return rc__runtime_of(o)->types;
}

/* Each family: 0 or RC_ENOMEM; fini releases what init made. */
int rc__num_init(rc_runtime *rt);
void rc__num_fini(rc_runtime *rt);
void rc__num_clear_freelists(rc_runtime *rt);
int rc__str_init(rc_runtime *rt);
void rc__str_fini(rc_runtime *rt);
int rc__cont_init(rc_runtime *rt);
void rc__cont_fini(rc_runtime *rt);
void rc__cont_clear_freelists(rc_runtime *rt);

#endif /* RC_TYPES_H */
