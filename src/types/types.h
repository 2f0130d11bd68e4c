/*
 * types.h — what the builtin types share; never installed.
 *
 * A builtin type is a plain rc_type whose behaviour is an rc_protocol
 * (rcgc/protocol.h), exactly as a language runtime's types are: the
 * dispatchers (abstract.c, number.c) treat every type alike. What the
 * types share beyond the public protocol is here: a flag that spares the
 * dispatchers' recursion guard, the True/False/NotImplemented results of
 * comparisons, the string builder, and the per-runtime state.
 *
 * The layer uses the core only through internal.h and the public headers;
 * the core reaches it only through the hooks boot.c registers when it
 * makes a runtime (rc__hooks).
 *
 * Per-runtime state (caches, interning table, free lists, singletons)
 * lives in struct rc__types, reached by rt->types; each family of types
 * keeps its part in its own header (numstate.h, strstate.h, contstate.h)
 * and provides init / fini / clear_freelists functions called by boot.c.
 */
#ifndef RC_TYPES_H
#define RC_TYPES_H

#include "../internal.h"

#include "rcgc/objects.h"

/* ---------------------------------------------------------------------- */
/* Slots                                                                   */
/* ---------------------------------------------------------------------- */

/* rc_type.flags bit of this layer (bits 20-31 are ours, internal.h):
 * LEAF  the type's slots never call another object's slots (int, float,
 *       str, None ...), so no recursion can pass through them and the
 *       dispatchers skip the recursion guard. */
#define RC__TYPE_LEAF (1u << 20)

/* A comparison slot's answer for r, the truth of a comparison: True,
 * False, or NULL when r is negative (the error is recorded). */
rc_object *rc__cmp_object(rc_runtime *rt, int r);

/* The format slot of int, bool, float and str: the format-spec
 * mini-language (strformat.c). */
rc_object *rc__format_slot(rc_object *self, rc_object *spec);

/* What an in-place slot returns once it changed self with status st: a
 * new reference to self, or NULL when st is an error. */
static inline rc_object *rc__self_or_null(rc_object *self, int st) {
    if (st)
        return NULL;
    rc_incref(self);
    return self;
}

/* o as an int where Python takes __index__ (sequence indices, slice
 * bounds, repeat counts): 1 with *out a new int (o itself when it is one,
 * else its type's index slot's result), 0 when o has no index (no slot,
 * or the slot declined with NotImplemented), negative on error
 * (abstract.c). */
int rc__index_of(rc_object *o, rc_object **out);

/* The hash slot of unhashable types: always RC_EHASH. */
int rc__unhashable(rc_object *o, int64_t *out);

/* CPython's numeric hash modulus (2**61 - 1) and the hashes of inf/nan. */
#define RC__HASH_BITS    61
#define RC__HASH_MODULUS (((uint64_t)1 << RC__HASH_BITS) - 1)
#define RC__HASH_INF     314159

/* The result of a three-way comparison c (<0, 0, >0) under op. */
static inline int rc__cmp_result(int c, rc_cmp op) {
    switch (op) {
    case RC_LT:
        return c < 0;
    case RC_LE:
        return c <= 0;
    case RC_EQ:
        return c == 0;
    case RC_NE:
        return c != 0;
    case RC_GT:
        return c > 0;
    default:
        return c >= 0;
    }
}

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
 * being built (a self-reference, rc_repr_enter), else open, what body
 * appends, close. body returns false on error. (rc_repr, which calls the
 * container's repr slot, holds the recursion guard.) */
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
    rc_object *notimpl;     /* NotImplemented (immortal) */
    rc_object **repr_stack; /* objects whose repr is being built */
    size_t repr_n, repr_cap;
    rc__num_state num;   /* numstate.h: bool, small ints, float free list */
    rc__str_state str;   /* strstate.h: interning, one-character cache */
    rc__cont_state cont; /* contstate.h: empty tuple, free lists */
};

static inline struct rc__types *rc__types_of(const rc_object *o) {
    return rc__runtime_of(o)->types;
}

/* True or False of runtime rt (immortal). */
static inline rc_object *rc__bool(rc_runtime *rt, bool v) {
    return v ? rt->types->num.true_ : rt->types->num.false_;
}

/* NotImplemented, what a slot returns when it declines the operands o (of
 * its type) came with; immortal, so there is no reference to count. */
static inline rc_object *rc__notimpl_of(const rc_object *o) {
    return rc__types_of(o)->notimpl;
}

/* none.c: None and NotImplemented. */
int rc__singletons_init(rc_runtime *rt);
extern const rc_type rc__notimpl_type;

/* rc_is_notimplemented, inline for the dispatchers. */
static inline bool rc__is_notimpl(const rc_object *o) {
    return o->type == &rc__notimpl_type;
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
