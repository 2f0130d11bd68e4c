/*
 * numstate.h — per-runtime state of bool, int and float (types.h includes
 * it into struct rc__types). Owned by int.c and float.c.
 *
 * Invariants: small_ints[i] is the immortal int of value
 * RC__SMALL_INT_MIN + i, and every int result in that range is that object;
 * true_ and false_ are the only bool objects; float_free links at most
 * RC__FLOAT_FREELIST_MAX kept float blocks (count 0, untracked, RC__F_KEEP
 * already cleared by the library) through their value field.
 */
#ifndef RC_NUMSTATE_H
#define RC_NUMSTATE_H

#define RC__SMALL_INT_MIN      (-5)
#define RC__SMALL_INT_MAX      256
#define RC__SMALL_INT_COUNT    (RC__SMALL_INT_MAX - RC__SMALL_INT_MIN + 1)
#define RC__FLOAT_FREELIST_MAX 100

typedef struct rc__num_state {
    rc_object *small_ints[RC__SMALL_INT_COUNT]; /* immortal, [-5, 256] */
    rc_object *true_, *false_;                  /* immortal */
    rc_object *float_free;                      /* kept floats, linked */
    size_t float_nfree;                         /* length of that list */
} rc__num_state;

#endif
