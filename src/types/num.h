/*
 * num.h — what the number files share (int.c, intops.c, intstr.c,
 * bigint.c, float.c, floatstr.c); never installed.
 *
 * An int is one block in one of two forms (int.c explains the choice):
 *   compact  size == 0, the value in an int64_t: every int in
 *            [INT64_MIN, INT64_MAX], and only those;
 *   big      size == +n or -n: n base-2**32 digits, least significant
 *            first, the top one nonzero, the sign of size the sign of the
 *            value; only values outside the int64_t range.
 * So each value has exactly one form, and a compact int never equals a big
 * one. bool objects have the compact layout.
 *
 * Magnitudes (the rc__mag_* functions of bigint.c) are digit arrays with an
 * explicit length; "normalized" means no leading zero digits (length 0 is
 * zero).
 */
#ifndef RC_NUM_H
#define RC_NUM_H

#include "types.h"

typedef uint32_t rc__digit;
typedef uint64_t rc__twodigits;
#define RC__DIGIT_BITS 32

/* ---------------------------------------------------------------------- */
/* Objects                                                                  */
/* ---------------------------------------------------------------------- */

typedef struct rc__int { /* what both forms start with */
    rc_object ob;
    int64_t size; /* 0: compact; +-n: big with n digits, sign of value */
} rc__int;

typedef struct rc__cint { /* compact form (also bool) */
    rc_object ob;
    int64_t size; /* 0 */
    int64_t v;    /* the value */
} rc__cint;

typedef struct rc__bint { /* big form */
    rc_object ob;
    int64_t size;  /* +-n */
    rc__digit d[]; /* n digits, least significant first; room for >= 2 */
} rc__bint;

typedef struct rc__float {
    rc_object ob;
    union {
        double v;               /* the value, while alive */
        struct rc__float *next; /* the free list, while kept */
    } u;
} rc__float;

extern const rc_type rc__int_type;
extern const rc_type rc__bool_type;
extern const rc_type rc__float_type;

static inline bool rc__int_compact(const rc_object *o) {
    return ((const rc__int *)o)->size == 0;
}

static inline int64_t rc__int_cval(const rc_object *o) {
    return ((const rc__cint *)o)->v;
}

static inline bool rc__num_is_float(const rc_object *o) {
    return o->type == &rc__float_type;
}

static inline double rc__float_val(const rc_object *o) {
    return ((const rc__float *)o)->u.v;
}

/* ---------------------------------------------------------------------- */
/* Magnitude views and construction (int.c)                                 */
/* ---------------------------------------------------------------------- */

/* An int's sign and normalized magnitude. For a compact int the digits
 * live in buf, so a view must not be copied after rc__int_view. */
typedef struct rc__mag {
    const rc__digit *d; /* n digits */
    size_t n;
    bool neg;
    rc__digit buf[2];
} rc__mag;

void rc__int_view(const rc_object *o, rc__mag *m);
void rc__mag_of_u64(rc__mag *m, uint64_t u, bool neg);

/* A big-form int object with room for max(ndigits, 2) zeroed digits, to be
 * filled and handed to rc__int_finish. NULL + RC_ENOMEM/RC_EOVERFLOW. */
rc__bint *rc__bint_new(rc_runtime *rt, size_t ndigits);
/* Makes b's first n digits (not necessarily normalized) with sign neg a
 * proper int: the cached small int, the compact form (in place) or the big
 * form. Steals b, returns a new reference, never fails. */
rc_object *rc__int_finish(rc__bint *b, size_t n, bool neg);
/* A new int of magnitude d[0..n) and sign neg. */
rc_object *rc__int_from_mag(rc_runtime *rt, const rc__digit *d, size_t n,
                            bool neg);

/* ---------------------------------------------------------------------- */
/* Magnitude arithmetic (bigint.c): pure functions, no objects              */
/* ---------------------------------------------------------------------- */

size_t rc__mag_trim(const rc__digit *d, size_t n);
int rc__mag_cmp(const rc__digit *a, size_t na, const rc__digit *b, size_t nb);
/* r = a + b; r has room for max(na, nb) + 1 digits and may alias a or b.
 * Returns the normalized length. */
size_t rc__mag_add(rc__digit *r, const rc__digit *a, size_t na,
                   const rc__digit *b, size_t nb);
/* r = a - b for a >= b; r has room for na digits, may alias a or b.
 * Returns the normalized length. */
size_t rc__mag_sub(rc__digit *r, const rc__digit *a, size_t na,
                   const rc__digit *b, size_t nb);
/* a = a * m + c in place; returns the digit carried out. */
rc__digit rc__mag_muladd1(rc__digit *a, size_t n, rc__digit m, rc__digit c);
/* q = a / d (q may alias a); returns a % d. d != 0. */
rc__digit rc__mag_divrem1(rc__digit *q, const rc__digit *a, size_t n,
                          rc__digit d);
/* r = a << bits for bits < 32, n digits; returns the bits shifted out of
 * the top. r may alias a. */
rc__digit rc__mag_lshift(rc__digit *r, const rc__digit *a, size_t n,
                         unsigned bits);
/* r = a >> bits for bits < 32, n digits; returns the bits shifted out of
 * the bottom (nonzero iff any were set). r may alias a. */
rc__digit rc__mag_rshift(rc__digit *r, const rc__digit *a, size_t n,
                         unsigned bits);
/* r = a * b, na + nb digits written; r must not overlap a or b.
 * Schoolbook below a threshold, Karatsuba above (scratch from rt).
 * 0 or RC_ENOMEM (r then holds garbage). */
int rc__mag_mul(rc_runtime *rt, rc__digit *r, const rc__digit *a, size_t na,
                const rc__digit *b, size_t nb);
/* q = a / b, r = a % b for normalized a, b with na >= nb >= 2 (Knuth's
 * algorithm D); q gets na - nb + 1 digits, r gets nb. Neither may overlap
 * a or b. 0 or RC_ENOMEM (scratch from rt). */
int rc__mag_divrem(rc_runtime *rt, rc__digit *q, rc__digit *r,
                   const rc__digit *a, size_t na, const rc__digit *b,
                   size_t nb);
/* Bits in the normalized magnitude (0 for zero). */
size_t rc__mag_bit_length(const rc__digit *d, size_t n);
/* The 64 bits of a starting at bit `shift`; unless sticky is NULL, *sticky
 * is set if any bit below `shift` is set (left unchanged otherwise). */
uint64_t rc__mag_bits64(const rc__digit *d, size_t n, size_t shift,
                        bool *sticky);

/* ---------------------------------------------------------------------- */
/* What int and float ask of each other                                     */
/* ---------------------------------------------------------------------- */

/* int.c */
/* a <op> b for two ints (bools included): 1 or 0. */
int rc__int_compare(const rc_object *a, const rc_object *b, rc_cmp op);
/* Sign of (a - f) for an int a and a finite double f, exactly. */
int rc__int_cmp_double(const rc_object *a, double f);
/* a / b correctly rounded: 0, RC_EZERODIV, RC_ENOMEM or RC_EOVERFLOW (or,
 * with inf_on_overflow, 0 and an infinity). */
int rc__int_truediv_double(const rc_object *a, const rc_object *b, double *out,
                           bool inf_on_overflow);
/* The double nearest an int (ties to even); +-inf when out of range. */
double rc__int_as_double(const rc_object *o);

/* intops.c */
rc_object *rc__int_binop(rc_object *a, rc_object *b, rc_binop op);
rc_object *rc__int_unop(rc_object *a, rc_unop op);

/* intstr.c */
rc_object *rc__int_repr(rc_object *o);
/* The int of n decimal digits ('0'-'9' only, n > 0). */
rc_object *rc__int_from_decimal(rc_runtime *rt, const char *digits, size_t n);
rc_object *rc__bool_repr(rc_object *o);
/* Python's repr of the C string s ('...' quoted, escaped), cut short to
 * fit cap bytes (NUL included) as CPython cuts long literals in
 * messages. */
void rc__num_quote(char *out, size_t cap, const char *s);

/* float.c */
/* a <op> b for two floats: 1 or 0 (nan compares unequal to everything). */
int rc__float_compare(const rc_object *a, const rc_object *b, rc_cmp op);
/* a ** b as Python's float.__pow__: a new float or NULL (RC_EZERODIV,
 * RC_EVALUE, RC_EOVERFLOW). */
rc_object *rc__float_pow(rc_runtime *rt, double a, double b);

/* floatstr.c */
/* The shortest decimal digits that read back as v (finite, > 0): writes
 * them (no NUL) to digits (room for 17) and returns how many; *exp10 is
 * the position of the decimal point: v ~= 0.d1d2... * 10**exp10. */
size_t rc__float_shortest(double v, char *digits, int *exp10);
/* printf("%.*f", prec, v) for v >= 0, finite, computed exactly (rounded
 * half to even, as the C library and Python do): writes it (no NUL) to out
 * (room for 40) and returns its length; 0 when v * 10**prec is 2**64 or
 * more or prec is over 18, where the caller asks the C library. */
size_t rc__float_fixed(double v, int prec, char *out);
rc_object *rc__float_repr(rc_object *o);

#endif
