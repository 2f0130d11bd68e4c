/*
 * rcgc/objects.h — the builtin object types: None, bool, int, float, str,
 * tuple, list, dict, set/frozenset, range, slice and their iterators, with
 * CPython's semantics, caches (small ints, interned strings) and free lists.
 *
 * Ownership follows rcgc.h: "new" references are the caller's to release,
 * "borrowed" ones are not, "steals" takes over the caller's reference.
 * Every constructor returns a new reference, the immortal singletons
 * (None, True, False, small ints) included: decref is a no-op on them but
 * keeps code uniform. Failures return NULL or a negative rc_status and
 * record an error on the runtime with a message in Python's words
 * ("list index out of range", "unhashable type: 'list'", ...), so an
 * interpreter can raise the matching exception (the map of status codes to
 * Python's exceptions is in rcgc/protocol.h). The types behave through the
 * object protocol of rcgc/protocol.h, whose dispatching functions (rc_repr,
 * rc_hash, rc_richcompare, rc_getitem, rc_iter ...) work on them and on
 * objects of any other type alike.
 */
#ifndef RCGC_OBJECTS_H
#define RCGC_OBJECTS_H

#include <rcgc.h>
#include <rcgc/protocol.h> /* rc_repr, rc_hash, rc_richcompare, rc_call ... */

#ifdef __cplusplus
extern "C" {
#endif

/* ====================================================================== */
/* Numbers and operators (int, bool, float; + - * also for sequences)     */
/* ====================================================================== */

/* Each returns a new reference, or NULL with RC_ETYPE ("unsupported operand
 * type(s) for +: 'int' and 'str'"), RC_EZERODIV, RC_EOVERFLOW, ... The
 * sequence forms follow Python: str + str, list * int, tuple + tuple. */
RC_API rc_object *rc_number_add(rc_object *a, rc_object *b);
RC_API rc_object *rc_number_subtract(rc_object *a, rc_object *b);
RC_API rc_object *rc_number_multiply(rc_object *a, rc_object *b);
RC_API rc_object *rc_number_truediv(rc_object *a, rc_object *b);   /* a / b */
RC_API rc_object *rc_number_floordiv(rc_object *a, rc_object *b);  /* a // b */
RC_API rc_object *rc_number_remainder(rc_object *a, rc_object *b); /* a % b;
                                                str % args formats */
RC_API rc_object *rc_number_divmod(rc_object *a, rc_object *b);    /* a tuple */
RC_API rc_object *rc_number_power(rc_object *a, rc_object *b);     /* a ** b */
RC_API rc_object *rc_number_lshift(rc_object *a, rc_object *b);
RC_API rc_object *rc_number_rshift(rc_object *a, rc_object *b);
RC_API rc_object *rc_number_and(rc_object *a, rc_object *b);
RC_API rc_object *rc_number_or(rc_object *a, rc_object *b);
RC_API rc_object *rc_number_xor(rc_object *a, rc_object *b);
RC_API rc_object *rc_number_negative(rc_object *a); /* -a */
RC_API rc_object *rc_number_positive(rc_object *a); /* +a */
RC_API rc_object *rc_number_absolute(rc_object *a); /* abs(a) */
RC_API rc_object *rc_number_invert(rc_object *a);   /* ~a */

/* ====================================================================== */
/* None                                                                   */
/* ====================================================================== */

RC_API rc_object *rc_none(rc_runtime *rt); /* new reference to None */
RC_API bool rc_is_none(const rc_object *o);

#ifdef __cplusplus
}
#endif

#include <rcgc/number.h>     /* bool, int, float */
#include <rcgc/str.h>        /* str */
#include <rcgc/containers.h> /* tuple, list, dict, set, frozenset, range,
                                slice */

#endif /* RCGC_OBJECTS_H */
