/*
 * rcgc/number.h — bool, int and float (included by rcgc/objects.h).
 *
 * int has Python semantics: arbitrary precision, never overflowing, with a
 * fast path for values that fit a machine word; [-5, 256] are preallocated
 * and immortal, so two requests for 1 return the same object. bool is a
 * subtype of int (True + 1 == 2, hash(True) == 1). float is an IEEE double
 * whose repr is the shortest string that reads back the same value, as
 * Python prints it; freed floats go to a free list of 100.
 */
#ifndef RCGC_NUMBER_H
#define RCGC_NUMBER_H

#include <rcgc.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- bool */

RC_API rc_object *rc_bool_from(rc_runtime *rt, bool v); /* new: True/False */
RC_API rc_object *rc_true(rc_runtime *rt);              /* new */
RC_API rc_object *rc_false(rc_runtime *rt);             /* new */
RC_API bool rc_is_bool(const rc_object *o);

/* ----------------------------------------------------------------- int */

/* True for int and bool objects (bool is a subtype of int). */
RC_API bool rc_is_int(const rc_object *o);

RC_API rc_object *rc_int_from_i64(rc_runtime *rt,
                                  int64_t v); /* new; [-5,256] cached */
RC_API rc_object *rc_int_from_u64(rc_runtime *rt, uint64_t v);
/* From text, as Python's int(text, base): base 2..36, or 0 to read a 0x /
 * 0o / 0b prefix; optional sign, surrounding whitespace and single
 * underscores between digits. RC_EVALUE ("invalid literal for int() with
 * base 10: 'x'") on bad text. Any size. Only ASCII digits and whitespace
 * are read (Python also accepts other Unicode digits and spaces). */
RC_API rc_object *rc_int_from_string(rc_runtime *rt, const char *digits,
                                     int base);
/* int(x) for a float: truncates; RC_EOVERFLOW for inf, RC_EVALUE for nan. */
RC_API rc_object *rc_int_from_double(rc_runtime *rt, double v);

/* 0 and *out, or RC_EOVERFLOW when the value does not fit (RC_ETYPE when
 * o is not an int). */
RC_API int rc_int_to_i64(const rc_object *o, int64_t *out);
/* float(o), correctly rounded (ties to even): RC_EOVERFLOW ("int too large
 * to convert to float") when too large for a double. */
RC_API int rc_int_to_double(const rc_object *o, double *out);
/* -1, 0 or 1; o must be an int or bool. */
RC_API int rc_int_sign(const rc_object *o);
/* The digits in base 2..36 (lower case, '-' sign, no prefix): a new str;
 * RC_EVALUE for another base. rc_repr gives base 10. */
RC_API rc_object *rc_int_format(const rc_object *o, int base);
/* int.bit_length(); o must be an int or bool. */
RC_API size_t rc_int_bit_length(const rc_object *o);

/* Operators on ints (through rc_number_*, rcgc/objects.h) follow Python:
 * // and % floor, the remainder taking the divisor's sign; / is correctly
 * rounded and a float; ** with a negative exponent is a float; << and >>
 * refuse negative counts (RC_EVALUE "negative shift count"); & | ^ ~ act
 * on the infinite two's-complement form. Division by zero is RC_EZERODIV
 * ("integer division or modulo by zero", "division by zero" for /). */

/* --------------------------------------------------------------- float */

RC_API bool rc_is_float(const rc_object *o);
RC_API rc_object *rc_float_from_double(rc_runtime *rt, double v); /* new */
RC_API double rc_float_value(const rc_object *o); /* o must be a float */
/* float(text) as Python reads it ("1.5", "-inf", "nan", " 1e3 ", "1_000.5"),
 * correctly rounded; RC_EVALUE ("could not convert string to float: 'x'")
 * otherwise. ASCII only, as rc_int_from_string; independent of the C
 * locale (so is repr). */
RC_API rc_object *rc_float_from_string(rc_runtime *rt, const char *text);
/* Float operators follow Python, with its messages ("float division by
 * zero", "float floor division by zero", "float modulo", "float divmod()",
 * "0.0 cannot be raised to a negative power"); an int operand is converted
 * first (RC_EOVERFLOW if too large). Where Python's ** would return a
 * complex (a negative base, a non-integer exponent) rcgc, having no
 * complex, fails with RC_EVALUE "negative number cannot be raised to a
 * fractional power" (RC_EOVERFLOW "complex exponentiation" when Python's
 * complex result would overflow). Comparisons with ints are exact. */
/* The number of a float, int or bool as a double; RC_ETYPE otherwise. */
RC_API int rc_number_as_double(const rc_object *o, double *out);

#ifdef __cplusplus
}
#endif

#endif /* RCGC_NUMBER_H */
