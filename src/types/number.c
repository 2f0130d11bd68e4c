/*
 * number.c — the number operators' dispatch (CPython's binary_op1,
 * binary_iop1 and the PyNumber_* functions): a <op> b asks a's type's
 * binop slot, then b's (the reflected operator); a <op>= b asks a's
 * inplace slot first; both decline: TypeError in Python's words.
 *
 * A binop function shared by both operands' types is called once: it
 * answers for both sides (as CPython's slot functions do), so int and bool,
 * or every class of a language runtime, do not see the same call twice.
 *
 * Sequences. Python gives `[1] + 2` and `[1] * 2.0` their own messages
 * ("can only concatenate list ...", "can't multiply sequence by non-int
 * ..."), from the sequence fallback that runs after both number slots
 * declined; the builtin sequences' slots decline such operands so that
 * the right operand's type is asked first, and the messages are made here.
 */
#include "types.h"

typedef rc_object *(*binfn)(rc_object *a, rc_object *b, rc_binop op);

static inline binfn binop_slot(const rc_object *o) {
    const rc_protocol *p = o->type->protocol;
    return p ? p->binop : NULL;
}

static const char *const binop_symbols[RC_NBINOPS] = {
    [RC_OP_ADD] = "+",
    [RC_OP_SUB] = "-",
    [RC_OP_MUL] = "*",
    [RC_OP_MATMUL] = "@",
    [RC_OP_TRUEDIV] = "/",
    [RC_OP_FLOORDIV] = "//",
    [RC_OP_MOD] = "%",
    [RC_OP_DIVMOD] = "divmod()",
    [RC_OP_POW] = "** or pow()",
    [RC_OP_LSHIFT] = "<<",
    [RC_OP_RSHIFT] = ">>",
    [RC_OP_AND] = "&",
    [RC_OP_OR] = "|",
    [RC_OP_XOR] = "^",
};

static const char *const inplace_symbols[RC_NBINOPS] = {
    [RC_OP_ADD] = "+=",     [RC_OP_SUB] = "-=",
    [RC_OP_MUL] = "*=",     [RC_OP_MATMUL] = "@=",
    [RC_OP_TRUEDIV] = "/=", [RC_OP_FLOORDIV] = "//=",
    [RC_OP_MOD] = "%=",     [RC_OP_DIVMOD] = "divmod()",
    [RC_OP_POW] = "**=",    [RC_OP_LSHIFT] = "<<=",
    [RC_OP_RSHIFT] = ">>=", [RC_OP_AND] = "&=",
    [RC_OP_OR] = "|=",      [RC_OP_XOR] = "^=",
};

static const char *const unop_symbols[RC_NUNOPS] = {
    [RC_OP_NEG] = "unary -",
    [RC_OP_POS] = "unary +",
    [RC_OP_ABS] = "abs()",
    [RC_OP_INVERT] = "unary ~",
};

const char *rc_binop_symbol(rc_binop op) {
    return (unsigned)op < RC_NBINOPS ? binop_symbols[op] : "?";
}

const char *rc_unop_symbol(rc_unop op) {
    return (unsigned)op < RC_NUNOPS ? unop_symbols[op] : "?";
}

/* ====================================================================== */
/* Dispatch                                                                */
/* ====================================================================== */

/* a's slot, then b's: a result, NULL, or NotImplemented when both
 * declined. */
static inline rc_object *binary_op1(rc_object *a, rc_object *b, rc_binop op) {
    binfn fa = binop_slot(a), fb = NULL;
    if (b->type != a->type && (fb = binop_slot(b)) == fa)
        fb = NULL;
    rc_object *r;
    if (fa && (!(r = fa(a, b, op)) || !rc__is_notimpl(r)))
        return r;
    if (fb && (!(r = fb(a, b, op)) || !rc__is_notimpl(r)))
        return r;
    return rc_notimplemented(rc__runtime_of(a));
}

static bool is_sequence(const rc_object *o) {
    return rc_is_list(o) || rc_is_tuple(o) || rc_is_str(o);
}

/* Python's error once every slot declined a <sym> b. */
static rc_object *binop_failed(rc_object *a, rc_object *b, rc_binop op,
                               const char *sym) {
    rc_runtime *rt = rc__runtime_of(a);
    if (op == RC_OP_ADD && is_sequence(a))
        rc_set_error(rt, RC_ETYPE,
                     "can only concatenate %s (not \"%.200s\") to %s",
                     rc_type_name(a), rc_type_name(b), rc_type_name(a));
    else if (op == RC_OP_MUL && (is_sequence(a) || is_sequence(b)))
        rc_set_error(rt, RC_ETYPE,
                     "can't multiply sequence by non-int of type '%.200s'",
                     rc_type_name(is_sequence(a) ? b : a));
    else
        rc_set_error(rt, RC_ETYPE,
                     "unsupported operand type(s) for %s: '%.100s' and "
                     "'%.100s'",
                     sym, rc_type_name(a), rc_type_name(b));
    return NULL;
}

static bool valid_binop(rc_object *a, rc_binop op) {
    if ((unsigned)op < RC_NBINOPS)
        return true;
    rc_set_error(rc__runtime_of(a), RC_EINVAL, "invalid operator %d", (int)op);
    return false;
}

/* a <op> b for a valid op. */
static inline rc_object *number_binop(rc_object *a, rc_object *b, rc_binop op) {
    rc_object *r = binary_op1(a, b, op);
    if (RC__UNLIKELY(r && rc__is_notimpl(r)))
        return binop_failed(a, b, op, binop_symbols[op]);
    return r;
}

rc_object *rc_number_binop(rc_object *a, rc_object *b, rc_binop op) {
    return valid_binop(a, op) ? number_binop(a, b, op) : NULL;
}

rc_object *rc_number_inplace(rc_object *a, rc_object *b, rc_binop op) {
    if (!valid_binop(a, op))
        return NULL;
    const rc_protocol *p = a->type->protocol;
    rc_object *r;
    if (p && p->inplace && (!(r = p->inplace(a, b, op)) || !rc__is_notimpl(r)))
        return r;
    r = binary_op1(a, b, op);
    if (r && rc__is_notimpl(r))
        return binop_failed(a, b, op, inplace_symbols[op]);
    return r;
}

rc_object *rc_number_unop(rc_object *a, rc_unop op) {
    rc_runtime *rt = rc__runtime_of(a);
    if ((unsigned)op >= RC_NUNOPS) {
        rc_set_error(rt, RC_EINVAL, "invalid operator %d", (int)op);
        return NULL;
    }
    const rc_protocol *p = a->type->protocol;
    if (p && p->unop)
        return p->unop(a, op);
    rc_set_error(rt, RC_ETYPE, "bad operand type for %s: '%.200s'",
                 unop_symbols[op], rc_type_name(a));
    return NULL;
}

/* ====================================================================== */
/* The named forms (rcgc/objects.h)                                        */
/* ====================================================================== */

rc_object *rc_number_add(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_ADD);
}
rc_object *rc_number_subtract(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_SUB);
}
rc_object *rc_number_multiply(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_MUL);
}
rc_object *rc_number_truediv(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_TRUEDIV);
}
rc_object *rc_number_floordiv(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_FLOORDIV);
}
rc_object *rc_number_remainder(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_MOD);
}
rc_object *rc_number_divmod(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_DIVMOD);
}
rc_object *rc_number_power(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_POW);
}
rc_object *rc_number_lshift(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_LSHIFT);
}
rc_object *rc_number_rshift(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_RSHIFT);
}
rc_object *rc_number_and(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_AND);
}
rc_object *rc_number_or(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_OR);
}
rc_object *rc_number_xor(rc_object *a, rc_object *b) {
    return number_binop(a, b, RC_OP_XOR);
}

rc_object *rc_number_negative(rc_object *a) {
    return rc_number_unop(a, RC_OP_NEG);
}
rc_object *rc_number_positive(rc_object *a) {
    return rc_number_unop(a, RC_OP_POS);
}
rc_object *rc_number_absolute(rc_object *a) {
    return rc_number_unop(a, RC_OP_ABS);
}
rc_object *rc_number_invert(rc_object *a) {
    return rc_number_unop(a, RC_OP_INVERT);
}
