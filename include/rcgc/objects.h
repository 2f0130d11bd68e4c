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
 * interpreter can raise the matching exception:
 *   RC_ETYPE TypeError, RC_EVALUE ValueError, RC_EINDEX IndexError,
 *   RC_EKEY KeyError, RC_EZERODIV ZeroDivisionError, RC_EOVERFLOW
 *   OverflowError (and RecursionError for too deep nesting), RC_EHASH
 *   TypeError (unhashable), RC_ENOMEM MemoryError.
 */
#ifndef RCGC_OBJECTS_H
#define RCGC_OBJECTS_H

#include <rcgc.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ====================================================================== */
/* The protocol every object supports                                     */
/* ====================================================================== */

/* Rich comparison operators. */
typedef enum rc_cmp { RC_LT, RC_LE, RC_EQ, RC_NE, RC_GT, RC_GE } rc_cmp;

/* The type's name ("int", "list", or an rc_type's name); borrowed. */
RC_API const char *rc_type_name(const rc_object *o);

/* hash(o): 0 and *hash set, or RC_EHASH for unhashable objects. Equal
 * objects hash equal across types (hash(1) == hash(1.0) == hash(True));
 * ints and floats hash as in CPython; other objects hash by identity. */
RC_API int rc_hash(rc_object *o, int64_t *hash);

/* a <op> b: 1 true, 0 false, negative on error (RC_ETYPE when the types
 * cannot be ordered). Objects of other types compare by identity for
 * RC_EQ/RC_NE. */
RC_API int rc_compare(rc_object *a, rc_object *b, rc_cmp op);

/* a == b (identity first, as Python's containers do): 1, 0, or negative. */
RC_API int rc_equal(rc_object *a, rc_object *b);

/* bool(o): 1, 0, or negative. */
RC_API int rc_truth(rc_object *o);

/* repr(o) and str(o): a new str. Self-containing containers print "[...]";
 * nesting deeper than 1000 levels fails with RC_EOVERFLOW. */
RC_API rc_object *rc_repr(rc_object *o);
RC_API rc_object *rc_str(rc_object *o);

/* sys.getsizeof(o): bytes the object occupies in this runtime — its block
 * (rounded to the allocator's size class) plus buffers it owns. */
RC_API size_t rc_sizeof(const rc_object *o);

/* len(o), or negative (RC_ETYPE: "object of type 'int' has no len()"). */
RC_API ptrdiff_t rc_len(rc_object *o);

/* o[key], o[key] = value, del o[key]. Sequences take ints and slices. */
RC_API rc_object *rc_getitem(rc_object *o, rc_object *key); /* new */
RC_API int rc_setitem(rc_object *o, rc_object *key, rc_object *value);
RC_API int rc_delitem(rc_object *o, rc_object *key);

/* item in container: 1, 0, or negative. */
RC_API int rc_contains(rc_object *container, rc_object *item);

/* iter(o): a new iterator. rc_next: 1 with *item a new reference, 0 when
 * exhausted, negative on error. */
RC_API rc_object *rc_iter(rc_object *o);
RC_API int rc_next(rc_object *iterator, rc_object **item);

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
