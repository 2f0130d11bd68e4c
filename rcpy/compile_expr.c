/*
 * compile_expr.c — code generation for expressions, in the shapes CPython
 * 3.11's compiler emits (python3 -m dis is the reference).
 *
 * Every expression leaves exactly one value on the stack (stores and
 * deletes leave none). Instructions take the position of the innermost
 * expression being compiled: rp_compile_expr sets it and restores the
 * enclosing one afterwards, so a BINARY_OP carries the whole a + b while
 * its operands carry their own. Calls use 3.11's convention: a NULL (or
 * the method's object) under the callable, KW_NAMES before CALL for
 * keyword arguments, CALL_FUNCTION_EX with a built tuple and dict when
 * there are * or ** arguments.
 */
#include "compile.h"

#include <string.h>

#define STACK_USE_GUIDELINE 30 /* beyond this, build collections stepwise */

rc_object *rp_expr_constant(rp_compiler *c, const rp_expr *e) {
    if (e->kind == RP_E_CONSTANT)
        return e->v.constant.ellipsis ? c->ip->ellipsis : e->v.constant.value;
    rc_object *v;
    if (rp_foldmap_get(&c->fold, e, &v))
        return v;
    return NULL;
}

int rp_compile_exprs(rp_compiler *c, const rp_expr_seq *seq) {
    for (size_t i = 0; i < seq->n; i++)
        if (rp_compile_expr(c, seq->items[i]) < 0)
            return -1;
    return 0;
}

static rp_loc loc_of(rp_compiler *c) {
    rp_pos p = c->u->loc;
    return (rp_loc){p.line, p.col, p.end_line, p.end_col};
}

void rp_attr_location(rp_compiler *c, const rp_expr *e) {
    rp_pos *p = &c->u->loc;
    if (p->line == e->loc.end_lineno)
        return;
    p->line = e->loc.end_lineno;
    int len = (int)rc_str_length(e->v.attribute.attr);
    if (len <= e->loc.end_col_offset) {
        p->col = e->loc.end_col_offset - len;
    } else {
        p->col = p->end_col = -1;
    }
    if (p->end_line < p->line)
        p->end_line = p->line;
    if (p->line == p->end_line && p->end_col < p->col)
        p->end_col = p->col;
}

/* ====================================================================== */
/* Collections                                                            */
/* ====================================================================== */

static bool all_constant(rp_compiler *c, const rp_expr_seq *elts, size_t from,
                         size_t to) {
    for (size_t i = from; i < to; i++)
        if (!elts->items[i] || !rp_expr_constant(c, elts->items[i]))
            return false;
    return true;
}

static rc_object *constants_tuple(rp_compiler *c, const rp_expr_seq *elts,
                                  size_t from, size_t to) {
    rc_object *t = rc_tuple_new(c->rt, to - from);
    for (size_t i = from; t && i < to; i++) {
        rc_object *v = rp_expr_constant(c, elts->items[i]);
        rc_incref(v);
        rc_tuple_init_item(t, i - from, v);
    }
    return t;
}

typedef struct seq_ops {
    int build, add, extend;
    bool tuple; /* build a list, then LIST_TO_TUPLE */
} seq_ops;

static const seq_ops LIST_OPS = {RP_BUILD_LIST, RP_LIST_APPEND, RP_LIST_EXTEND,
                                 false};
static const seq_ops TUPLE_OPS = {RP_BUILD_LIST, RP_LIST_APPEND, RP_LIST_EXTEND,
                                  true};
static const seq_ops SET_OPS = {RP_BUILD_SET, RP_SET_ADD, RP_SET_UPDATE, false};

static int folded_collection(rp_compiler *c, const rp_expr_seq *elts,
                             int pushed, const seq_ops *ops) {
    rc_object *folded = constants_tuple(c, elts, 0, elts->n);
    if (!folded)
        return -1;
    if (ops->tuple && !pushed)
        return rp_emit_const_new(c, folded);
    if (ops->add == RP_SET_ADD) {
        rc_object *fs = rc_frozenset_new(c->rt, folded);
        rc_decref(folded);
        if (!(folded = fs))
            return -1;
    }
    if (rp_emit(c, ops->build, pushed) < 0 ||
        rp_emit_const_new(c, folded) < 0 || rp_emit(c, ops->extend, 1) < 0)
        return -1;
    return ops->tuple ? rp_emit(c, RP_LIST_TO_TUPLE, 0) : 0;
}

/* Builds a list, tuple or set of elts, some maybe starred, after `pushed`
 * values already on the stack (CPython's starunpack_helper). */
static int starunpack(rp_compiler *c, const rp_expr_seq *elts, int pushed,
                      const seq_ops *ops) {
    size_t n = elts->n;
    if (n > 2 && all_constant(c, elts, 0, n))
        return folded_collection(c, elts, pushed, ops);
    bool big = n + (size_t)pushed > STACK_USE_GUIDELINE, star = false;
    for (size_t i = 0; i < n; i++)
        star |= elts->items[i]->kind == RP_E_STARRED;
    if (!star && !big) {
        if (rp_compile_exprs(c, elts) < 0)
            return -1;
        return rp_emit(c, ops->tuple ? RP_BUILD_TUPLE : ops->build,
                       (int)n + pushed);
    }
    bool built = false;
    if (big) {
        if (rp_emit(c, ops->build, pushed) < 0)
            return -1;
        built = true;
    }
    for (size_t i = 0; i < n; i++) {
        const rp_expr *elt = elts->items[i];
        if (elt->kind == RP_E_STARRED) {
            if (!built && rp_emit(c, ops->build, (int)i + pushed) < 0)
                return -1;
            built = true;
            if (rp_compile_expr(c, elt->v.starred.value) < 0 ||
                rp_emit(c, ops->extend, 1) < 0)
                return -1;
        } else {
            if (rp_compile_expr(c, elt) < 0 ||
                (built && rp_emit(c, ops->add, 1) < 0))
                return -1;
        }
    }
    return ops->tuple ? rp_emit(c, RP_LIST_TO_TUPLE, 0) : 0;
}

/* Unpacking into targets (CPython's assignment_helper). */
static int unpack_targets(rp_compiler *c, const rp_expr_seq *elts) {
    size_t n = elts->n;
    bool star = false;
    for (size_t i = 0; i < n; i++) {
        if (elts->items[i]->kind != RP_E_STARRED)
            continue;
        if (star)
            return rp_compiler_error(
                c, loc_of(c), "multiple starred expressions in assignment");
        if (i >= (1 << 8) || n - i - 1 >= (1 << 16))
            return rp_compiler_error(c, loc_of(c),
                                     "too many expressions in star-unpacking "
                                     "assignment");
        if (rp_emit(c, RP_UNPACK_EX, (int)(i + ((n - i - 1) << 8))) < 0)
            return -1;
        star = true;
    }
    if (!star && rp_emit(c, RP_UNPACK_SEQUENCE, (int)n) < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const rp_expr *elt = elts->items[i];
        if (rp_compile_expr(c, elt->kind == RP_E_STARRED ? elt->v.starred.value
                                                         : elt) < 0)
            return -1;
    }
    return 0;
}

static int compile_sequence(rp_compiler *c, const rp_expr *e, bool as_tuple) {
    switch (e->v.seq.ctx) {
    case RP_STORE:
        return unpack_targets(c, &e->v.seq.elts);
    case RP_DEL:
        return rp_compile_exprs(c, &e->v.seq.elts);
    default:
        return starunpack(c, &e->v.seq.elts, 0,
                          as_tuple ? &TUPLE_OPS : &LIST_OPS);
    }
}

/* {k: v ...} for keys[from, to), none of them **. */
static int compile_subdict(rp_compiler *c, const rp_expr *e, size_t from,
                           size_t to) {
    size_t n = to - from;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    const rp_expr_seq *keys = &e->v.dict.keys, *values = &e->v.dict.values;
    if (n > 1 && !big && all_constant(c, keys, from, to)) {
        for (size_t i = from; i < to; i++)
            if (rp_compile_expr(c, values->items[i]) < 0)
                return -1;
        if (rp_emit_const_new(c, constants_tuple(c, keys, from, to)) < 0)
            return -1;
        return rp_emit(c, RP_BUILD_CONST_KEY_MAP, (int)n);
    }
    if (big && rp_emit(c, RP_BUILD_MAP, 0) < 0)
        return -1;
    for (size_t i = from; i < to; i++) {
        if (rp_compile_expr(c, keys->items[i]) < 0 ||
            rp_compile_expr(c, values->items[i]) < 0 ||
            (big && rp_emit(c, RP_MAP_ADD, 1) < 0))
            return -1;
    }
    return big ? 0 : rp_emit(c, RP_BUILD_MAP, (int)n);
}

/* Adds the pending n items as a dict (merged into the one built so far). */
static int flush_subdict(rp_compiler *c, const rp_expr *e, size_t from,
                         size_t to, bool *have_dict) {
    if (compile_subdict(c, e, from, to) < 0)
        return -1;
    if (*have_dict && rp_emit(c, RP_DICT_UPDATE, 1) < 0)
        return -1;
    *have_dict = true;
    return 0;
}

static int compile_dict(rp_compiler *c, const rp_expr *e) {
    size_t n = e->v.dict.values.n, elements = 0;
    bool have_dict = false;
    for (size_t i = 0; i < n; i++) {
        if (e->v.dict.keys.items[i] == NULL) { /* **mapping */
            if (elements &&
                flush_subdict(c, e, i - elements, i, &have_dict) < 0)
                return -1;
            elements = 0;
            if (!have_dict && rp_emit(c, RP_BUILD_MAP, 0) < 0)
                return -1;
            have_dict = true;
            if (rp_compile_expr(c, e->v.dict.values.items[i]) < 0 ||
                rp_emit(c, RP_DICT_UPDATE, 1) < 0)
                return -1;
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            if (flush_subdict(c, e, i - elements, i + 1, &have_dict) < 0)
                return -1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements && flush_subdict(c, e, n - elements, n, &have_dict) < 0)
        return -1;
    return have_dict ? 0 : rp_emit(c, RP_BUILD_MAP, 0);
}

/* ====================================================================== */
/* Operators                                                              */
/* ====================================================================== */

static int compare_op(rp_compiler *c, rp_cmpop op) {
    static const int cmp[] = {
        [RP_CMP_EQ] = RC_EQ,  [RP_CMP_NOTEQ] = RC_NE, [RP_CMP_LT] = RC_LT,
        [RP_CMP_LTE] = RC_LE, [RP_CMP_GT] = RC_GT,    [RP_CMP_GTE] = RC_GE,
    };
    switch (op) {
    case RP_CMP_IS:
        return rp_emit(c, RP_IS_OP, 0);
    case RP_CMP_ISNOT:
        return rp_emit(c, RP_IS_OP, 1);
    case RP_CMP_IN:
        return rp_emit(c, RP_CONTAINS_OP, 0);
    case RP_CMP_NOTIN:
        return rp_emit(c, RP_CONTAINS_OP, 1);
    default:
        return rp_emit(c, RP_COMPARE_OP, cmp[op]);
    }
}

/* `not (a is b)` is compiled as `a is not b` (and in/not in likewise), as
 * CPython's AST optimizer rewrites it; the comparison or NULL. */
static const rp_expr *inverted_compare(const rp_expr *e, rp_cmpop *op) {
    if (e->kind != RP_E_UNARYOP || e->v.unaryop.op != RP_NOT)
        return NULL;
    const rp_expr *cmp = e->v.unaryop.operand;
    if (cmp->kind != RP_E_COMPARE || cmp->v.compare.n != 1)
        return NULL;
    switch (cmp->v.compare.ops[0]) {
    case RP_CMP_IS:
        *op = RP_CMP_ISNOT;
        return cmp;
    case RP_CMP_ISNOT:
        *op = RP_CMP_IS;
        return cmp;
    case RP_CMP_IN:
        *op = RP_CMP_NOTIN;
        return cmp;
    case RP_CMP_NOTIN:
        *op = RP_CMP_IN;
        return cmp;
    default:
        return NULL;
    }
}

rp_loc rp_expr_loc(const rp_expr *e) {
    rp_cmpop op;
    const rp_expr *cmp = inverted_compare(e, &op);
    return cmp ? cmp->loc : e->loc;
}

/* Left operand and the first n-1 comparisons of a chain, each jumping to
 * cleanup with `jump` when false. */
static int compare_chain(rp_compiler *c, const rp_expr *e, int jump,
                         rp_block *cleanup) {
    size_t n = e->v.compare.n - 1;
    if (rp_compile_expr(c, e->v.compare.left) < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (rp_compile_expr(c, e->v.compare.comparators[i]) < 0 ||
            rp_emit(c, RP_SWAP, 2) < 0 || rp_emit(c, RP_COPY, 2) < 0 ||
            compare_op(c, e->v.compare.ops[i]) < 0 ||
            rp_emit_jump(c, jump, cleanup) < 0 || rp_next_block(c) < 0)
            return -1;
    }
    return rp_compile_expr(c, e->v.compare.comparators[n]) < 0
               ? -1
               : compare_op(c, e->v.compare.ops[n]);
}

static int compile_compare(rp_compiler *c, const rp_expr *e) {
    if (e->v.compare.n == 1) {
        if (rp_compile_expr(c, e->v.compare.left) < 0 ||
            rp_compile_expr(c, e->v.compare.comparators[0]) < 0)
            return -1;
        return compare_op(c, e->v.compare.ops[0]);
    }
    rp_block *cleanup = rp_new_block(c), *end = rp_new_block(c);
    if (!cleanup || !end ||
        compare_chain(c, e, RP_JUMP_IF_FALSE_OR_POP, cleanup) < 0 ||
        rp_emit_jump_noline(c, RP_P_JUMP, end) < 0)
        return -1;
    rp_use_next_block(c, cleanup);
    if (rp_emit(c, RP_SWAP, 2) < 0 || rp_emit(c, RP_POP_TOP, 0) < 0)
        return -1;
    rp_use_next_block(c, end);
    return 0;
}

static int compile_unaryop(rp_compiler *c, const rp_expr *e) {
    rp_cmpop op;
    const rp_expr *cmp = inverted_compare(e, &op);
    if (cmp) { /* the comparison takes the place of the `not` */
        if (rp_compile_expr(c, cmp->v.compare.left) < 0 ||
            rp_compile_expr(c, cmp->v.compare.comparators[0]) < 0)
            return -1;
        return compare_op(c, op);
    }
    if (rp_compile_expr(c, e->v.unaryop.operand) < 0)
        return -1;
    switch (e->v.unaryop.op) {
    case RP_NOT:
        return rp_emit(c, RP_UNARY_NOT, 0);
    case RP_INVERT:
        return rp_emit(c, RP_UNARY_OP, RC_OP_INVERT);
    case RP_UADD:
        return rp_emit(c, RP_UNARY_OP, RC_OP_POS);
    default:
        return rp_emit(c, RP_UNARY_OP, RC_OP_NEG);
    }
}

static int compile_boolop(rp_compiler *c, const rp_expr *e) {
    int jump = e->v.boolop.op == RP_AND ? RP_JUMP_IF_FALSE_OR_POP
                                        : RP_JUMP_IF_TRUE_OR_POP;
    rp_block *end = rp_new_block(c);
    if (!end)
        return -1;
    const rp_expr_seq *vals = &e->v.boolop.values;
    for (size_t i = 0; i + 1 < vals->n; i++) {
        if (rp_compile_expr(c, vals->items[i]) < 0 ||
            rp_emit_jump(c, jump, end) < 0 || rp_next_block(c) < 0)
            return -1;
    }
    if (rp_compile_expr(c, vals->items[vals->n - 1]) < 0)
        return -1;
    rp_use_next_block(c, end);
    return 0;
}

static int jump_if_boolop(rp_compiler *c, const rp_expr *e, rp_block *next,
                          bool cond) {
    const rp_expr_seq *s = &e->v.boolop.values;
    bool cond2 = e->v.boolop.op == RP_OR;
    rp_block *next2 = next;
    if (cond2 != cond && !(next2 = rp_new_block(c)))
        return -1;
    for (size_t i = 0; i + 1 < s->n; i++)
        if (rp_compile_jump_if(c, s->items[i], next2, cond2) < 0)
            return -1;
    if (rp_compile_jump_if(c, s->items[s->n - 1], next, cond) < 0)
        return -1;
    if (next2 != next)
        rp_use_next_block(c, next2);
    return 0;
}

static int jump_if_ifexp(rp_compiler *c, const rp_expr *e, rp_block *next,
                         bool cond) {
    rp_block *end = rp_new_block(c), *next2 = rp_new_block(c);
    if (!end || !next2 ||
        rp_compile_jump_if(c, e->v.ifexp.test, next2, 0) < 0 ||
        rp_compile_jump_if(c, e->v.ifexp.body, next, cond) < 0 ||
        rp_emit_jump_noline(c, RP_P_JUMP, end) < 0)
        return -1;
    rp_use_next_block(c, next2);
    if (rp_compile_jump_if(c, e->v.ifexp.orelse, next, cond) < 0)
        return -1;
    rp_use_next_block(c, end);
    return 0;
}

static int jump_if_chain(rp_compiler *c, const rp_expr *e, rp_block *next,
                         bool cond) {
    rp_block *cleanup = rp_new_block(c), *end;
    if (!cleanup || compare_chain(c, e, RP_POP_JUMP_IF_FALSE, cleanup) < 0 ||
        rp_emit_jump(c, cond ? RP_POP_JUMP_IF_TRUE : RP_POP_JUMP_IF_FALSE,
                     next) < 0 ||
        rp_next_block(c) < 0 || !(end = rp_new_block(c)) ||
        rp_emit_jump_noline(c, RP_P_JUMP, end) < 0)
        return -1;
    rp_use_next_block(c, cleanup);
    if (rp_emit(c, RP_POP_TOP, 0) < 0 ||
        (!cond && rp_emit_jump_noline(c, RP_P_JUMP, next) < 0))
        return -1;
    rp_use_next_block(c, end);
    return 0;
}

static int jump_if_kind(rp_compiler *c, const rp_expr *e, rp_block *next,
                        bool cond) {
    rp_cmpop op;
    const rp_expr *cmp = inverted_compare(e, &op);
    if (rp_expr_constant(c, e))
        return 1;
    if (cmp || e->kind == RP_E_COMPARE) {
        /* a comparison's jump takes its position, which stays for what
         * follows in the statement (as in CPython 3.11) */
        rp_set_loc(c, (cmp ? cmp : e)->loc);
        return e->kind == RP_E_COMPARE && e->v.compare.n > 1
                   ? jump_if_chain(c, e, next, cond)
                   : 1;
    }
    switch (e->kind) {
    case RP_E_UNARYOP:
        if (e->v.unaryop.op == RP_NOT)
            return rp_compile_jump_if(c, e->v.unaryop.operand, next, !cond);
        return 1;
    case RP_E_BOOLOP:
        return jump_if_boolop(c, e, next, cond);
    case RP_E_IFEXP:
        return jump_if_ifexp(c, e, next, cond);
    default:
        return 1; /* the general form */
    }
}

int rp_compile_jump_if(rp_compiler *c, const rp_expr *e, rp_block *next,
                       bool cond) {
    /* the jumps keep the enclosing statement's or expression's position */
    int r = jump_if_kind(c, e, next, cond);
    if (r == 1) {
        r = rp_compile_expr(c, e) < 0 ||
                    rp_emit_jump(
                        c, cond ? RP_POP_JUMP_IF_TRUE : RP_POP_JUMP_IF_FALSE,
                        next) < 0 ||
                    rp_next_block(c) < 0
                ? -1
                : 0;
    }
    return r;
}

static int compile_ifexp(rp_compiler *c, const rp_expr *e) {
    rp_block *end = rp_new_block(c), *next = rp_new_block(c);
    if (!end || !next || rp_compile_jump_if(c, e->v.ifexp.test, next, 0) < 0 ||
        rp_compile_expr(c, e->v.ifexp.body) < 0 ||
        rp_emit_jump_noline(c, RP_P_JUMP, end) < 0)
        return -1;
    rp_use_next_block(c, next);
    if (rp_compile_expr(c, e->v.ifexp.orelse) < 0)
        return -1;
    rp_use_next_block(c, end);
    return 0;
}

/* ====================================================================== */
/* Strings                                                                */
/* ====================================================================== */

static int compile_formatted(rp_compiler *c, const rp_expr *e) {
    if (rp_compile_expr(c, e->v.formattedvalue.value) < 0)
        return -1;
    int oparg;
    switch (e->v.formattedvalue.conversion) {
    case 's':
        oparg = 1;
        break;
    case 'r':
        oparg = 2;
        break;
    case 'a':
        oparg = 3;
        break;
    default:
        oparg = 0;
        break;
    }
    if (e->v.formattedvalue.format_spec) {
        if (rp_compile_expr(c, e->v.formattedvalue.format_spec) < 0)
            return -1;
        oparg |= 4;
    }
    return rp_emit(c, RP_FORMAT_VALUE, oparg);
}

static int compile_joined(rp_compiler *c, const rp_expr *e) {
    const rp_expr_seq *vals = &e->v.joinedstr.values;
    if (vals->n > STACK_USE_GUIDELINE) { /* "".join([...]) */
        if (rp_emit_const(c, c->ip->s.empty) < 0)
            return -1;
        rc_object *join = rp_compiler_name(c, "join");
        int r = join ? rp_emit_name(c, RP_LOAD_METHOD, join, false) : -1;
        rc_xdecref(join);
        if (r < 0 || rp_emit(c, RP_BUILD_LIST, 0) < 0)
            return -1;
        for (size_t i = 0; i < vals->n; i++)
            if (rp_compile_expr(c, vals->items[i]) < 0 ||
                rp_emit(c, RP_LIST_APPEND, 1) < 0)
                return -1;
        return rp_emit(c, RP_CALL, 1);
    }
    if (rp_compile_exprs(c, vals) < 0)
        return -1;
    return vals->n == 1 ? 0 : rp_emit(c, RP_BUILD_STRING, (int)vals->n);
}

/* ---- "%s %r" % (a, b) becomes an f-string (CPython's optimize_format) */

#define MAXDIGITS 3

typedef struct fmt_piece {
    size_t start, end; /* literal text [start, end) of the format */
    bool percents;     /* contains %% */
    int spec;          /* 's', 'r', 'a' for a value; 0 for a literal */
    char specbuf[1 + MAXDIGITS + 1 + MAXDIGITS + 1]; /* ">10.3" */
} fmt_piece;

/* Reads [flags][width][.prec]conv after a %; 0 when unsupported. */
static int parse_fmt_unit(const char *s, size_t len, size_t *pos,
                          fmt_piece *p) {
    size_t i = *pos;
    int width = -1, prec = -1, digits;
    bool ljust = false;
    for (; i < len && strchr("-+ #0", s[i]); i++)
        ljust |= s[i] == '-';
    for (digits = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        width = (width < 0 ? 0 : width * 10) + (s[i] - '0');
        if (++digits >= MAXDIGITS)
            return 0;
    }
    if (i < len && s[i] == '.') {
        prec = 0;
        for (i++, digits = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            prec = prec * 10 + (s[i] - '0');
            if (++digits >= MAXDIGITS)
                return 0;
        }
    }
    if (i >= len || (s[i] != 's' && s[i] != 'r' && s[i] != 'a'))
        return 0;
    /* flags other than '-' are accepted and ignored, as CPython does */
    char *b = p->specbuf;
    if (!ljust && width > 0)
        *b++ = '>';
    if (width >= 0)
        b += snprintf(b, MAXDIGITS + 1, "%d", width);
    if (prec >= 0)
        b += snprintf(b, MAXDIGITS + 2, ".%d", prec);
    *b = 0;
    p->spec = s[i];
    *pos = i + 1;
    return 1;
}

/* Splits fmt into literal pieces and one value piece per item; false when
 * the format is not simple or the counts differ. */
static bool split_format(rc_object *fmt, size_t nitems, fmt_piece *pieces,
                         size_t *npieces) {
    const char *s = rc_str_utf8(fmt);
    size_t len = rc_str_size(fmt), pos = 0, cnt = 0, n = 0;
    for (;;) {
        fmt_piece lit = {pos, pos, false, 0, ""};
        while (pos < len) {
            if (s[pos] != '%')
                pos++;
            else if (pos + 1 < len && s[pos + 1] == '%')
                lit.percents = true, pos += 2;
            else
                break;
        }
        lit.end = pos;
        if (lit.end > lit.start)
            pieces[n++] = lit;
        if (pos >= len)
            break;
        if (cnt >= nitems)
            return false;
        pos++;
        if (!parse_fmt_unit(s, len, &pos, &pieces[n]))
            return false;
        n++;
        cnt++;
    }
    *npieces = n;
    return cnt == nitems;
}

static int emit_literal(rp_compiler *c, rc_object *fmt, const fmt_piece *p) {
    const char *s = rc_str_utf8(fmt) + p->start;
    size_t n = p->end - p->start;
    char *buf = rc_malloc(c->rt, n + 1);
    if (!buf)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        buf[k++] = s[i];
        if (p->percents && s[i] == '%')
            i++; /* %% -> % */
    }
    rc_object *str = rc_str_from_utf8(c->rt, buf, k);
    rc_free(c->rt, buf, n + 1);
    rp_unset_loc(c);
    return rp_emit_const_new(c, str);
}

static int emit_format_value(rp_compiler *c, const rp_expr *arg,
                             const fmt_piece *p) {
    if (rp_compile_expr(c, arg) < 0)
        return -1;
    int oparg = p->spec == 's' ? 1 : p->spec == 'r' ? 2 : 3;
    if (p->specbuf[0]) {
        rp_unset_loc(c);
        if (rp_emit_const_new(c, rc_str_from_cstr(c->rt, p->specbuf)) < 0)
            return -1;
        oparg |= 4;
    }
    rp_set_loc(c, rp_expr_loc(arg));
    return rp_emit(c, RP_FORMAT_VALUE, oparg);
}

/* 1 when compiled as a format, 0 when the expression is not a candidate,
 * -1 on error. */
static int try_format(rp_compiler *c, const rp_expr *e) {
    rc_object *fmt = rp_expr_constant(c, e->v.binop.left);
    const rp_expr *rhs = e->v.binop.right;
    if (e->v.binop.op != RC_OP_MOD || !fmt || !rc_is_str(fmt) ||
        rhs->kind != RP_E_TUPLE || rp_expr_constant(c, rhs))
        return 0;
    const rp_expr_seq *elts = &rhs->v.seq.elts;
    for (size_t i = 0; i < elts->n; i++)
        if (elts->items[i]->kind == RP_E_STARRED)
            return 0;
    size_t cap = elts->n * 2 + 1, n;
    fmt_piece *pieces = rc_malloc(c->rt, cap * sizeof *pieces);
    if (!pieces)
        return -1;
    int r = 0;
    if (split_format(fmt, elts->n, pieces, &n)) {
        rp_pos whole = c->u->loc;
        size_t item = 0;
        for (size_t i = 0; i < n && r == 0; i++) {
            r = pieces[i].spec
                    ? emit_format_value(c, elts->items[item++], &pieces[i])
                    : emit_literal(c, fmt, &pieces[i]);
            c->u->loc = whole;
        }
        if (r == 0 && n == 0)
            r = rp_emit_const(c, c->ip->s.empty);
        if (r == 0 && n > 1)
            r = rp_emit(c, RP_BUILD_STRING, (int)n);
        r = r < 0 ? -1 : 1;
    }
    rc_free(c->rt, pieces, cap * sizeof *pieces);
    return r;
}

static int compile_binop(rp_compiler *c, const rp_expr *e) {
    int r = try_format(c, e);
    if (r)
        return r < 0 ? -1 : 0;
    if (rp_compile_expr(c, e->v.binop.left) < 0 ||
        rp_compile_expr(c, e->v.binop.right) < 0)
        return -1;
    return rp_emit(c, RP_BINARY_OP, (int)e->v.binop.op);
}

/* ====================================================================== */
/* Calls                                                                  */
/* ====================================================================== */

static int check_keywords(rp_compiler *c, const rp_keyword_seq *kws) {
    for (size_t i = 0; i < kws->n; i++) {
        rc_object *a = kws->items[i]->arg;
        if (!a)
            continue;
        if (rp_forbidden_name(c, a, RP_STORE) < 0)
            return -1;
        for (size_t j = i + 1; j < kws->n; j++) {
            rc_object *b = kws->items[j]->arg;
            if (b && strcmp(rc_str_utf8(a), rc_str_utf8(b)) == 0)
                return rp_compiler_error(c, kws->items[j]->loc,
                                         "keyword argument repeated: %s",
                                         rc_str_utf8(a));
        }
    }
    return 0;
}

/* Values of keywords[from, to) and KW_NAMES of their names. */
static int simple_keywords(rp_compiler *c, const rp_keyword_seq *kws) {
    for (size_t i = 0; i < kws->n; i++)
        if (rp_compile_expr(c, kws->items[i]->value) < 0)
            return -1;
    rc_object *names = rc_tuple_new(c->rt, kws->n);
    if (!names)
        return -1;
    for (size_t i = 0; i < kws->n; i++) {
        rc_incref(kws->items[i]->arg);
        rc_tuple_init_item(names, i, kws->items[i]->arg);
    }
    int index = rp_add_const(c, names);
    rc_decref(names);
    return index < 0 ? -1 : rp_emit(c, RP_KW_NAMES, index);
}

/* A dict of keywords[from, to) (CPython's compiler_subkwargs). */
static int keywords_dict(rp_compiler *c, const rp_keyword_seq *kws, size_t from,
                         size_t to) {
    size_t n = to - from;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        rc_object *keys = rc_tuple_new(c->rt, n);
        if (!keys)
            return -1;
        for (size_t i = from; i < to; i++) {
            rc_incref(kws->items[i]->arg);
            rc_tuple_init_item(keys, i - from, kws->items[i]->arg);
        }
        for (size_t i = from; i < to; i++)
            if (rp_compile_expr(c, kws->items[i]->value) < 0) {
                rc_decref(keys);
                return -1;
            }
        if (rp_emit_const_new(c, keys) < 0)
            return -1;
        return rp_emit(c, RP_BUILD_CONST_KEY_MAP, (int)n);
    }
    if (big && rp_emit_noline(c, RP_BUILD_MAP, 0) < 0)
        return -1;
    for (size_t i = from; i < to; i++) {
        if (rp_emit_const(c, kws->items[i]->arg) < 0 ||
            rp_compile_expr(c, kws->items[i]->value) < 0 ||
            (big && rp_emit_noline(c, RP_MAP_ADD, 1) < 0))
            return -1;
    }
    return big ? 0 : rp_emit(c, RP_BUILD_MAP, (int)n);
}

static int ex_call_keywords(rp_compiler *c, const rp_keyword_seq *kws) {
    bool have_dict = false;
    size_t seen = 0;
    for (size_t i = 0; i < kws->n; i++) {
        if (kws->items[i]->arg) {
            seen++;
            continue;
        }
        if (seen) {
            if (keywords_dict(c, kws, i - seen, i) < 0 ||
                (have_dict && rp_emit(c, RP_DICT_MERGE, 1) < 0))
                return -1;
            have_dict = true;
            seen = 0;
        }
        if (!have_dict && rp_emit(c, RP_BUILD_MAP, 0) < 0)
            return -1;
        have_dict = true;
        if (rp_compile_expr(c, kws->items[i]->value) < 0 ||
            rp_emit(c, RP_DICT_MERGE, 1) < 0)
            return -1;
    }
    if (seen) {
        if (keywords_dict(c, kws, kws->n - seen, kws->n) < 0 ||
            (have_dict && rp_emit(c, RP_DICT_MERGE, 1) < 0))
            return -1;
    }
    return 0;
}

static bool needs_ex_call(const rp_expr_seq *args, const rp_keyword_seq *kws) {
    if (args->n + kws->n * 2 > STACK_USE_GUIDELINE)
        return true;
    for (size_t i = 0; i < args->n; i++)
        if (args->items[i]->kind == RP_E_STARRED)
            return true;
    for (size_t i = 0; i < kws->n; i++)
        if (!kws->items[i]->arg)
            return true;
    return false;
}

int rp_compile_call_helper(rp_compiler *c, int n, const rp_expr_seq *args,
                           const rp_keyword_seq *kws) {
    if (check_keywords(c, kws) < 0)
        return -1;
    if (!needs_ex_call(args, kws)) {
        if (rp_compile_exprs(c, args) < 0 ||
            (kws->n && simple_keywords(c, kws) < 0))
            return -1;
        return rp_emit(c, RP_CALL, n + (int)(args->n + kws->n));
    }
    if (n == 0 && args->n == 1 && args->items[0]->kind == RP_E_STARRED) {
        if (rp_compile_expr(c, args->items[0]->v.starred.value) < 0)
            return -1;
    } else if (starunpack(c, args, n, &TUPLE_OPS) < 0) {
        return -1;
    }
    if (kws->n && ex_call_keywords(c, kws) < 0)
        return -1;
    return rp_emit(c, RP_CALL_FUNCTION_EX, kws->n > 0);
}

/* A name the module imports (`import math` ... `math.sqrt(x)`): calls on
 * it do not use LOAD_METHOD (CPython 3.11's is_import_originated). */
static bool imported_name(rp_compiler *c, const rp_expr *e) {
    return e->kind == RP_E_NAME &&
           (rp_ste_flags(c->st.top, e->v.name.id) & RP_DEF_IMPORT);
}

/* o.m(args) with LOAD_METHOD; 0 when the call does not qualify. */
static int method_call(rp_compiler *c, const rp_expr *e) {
    const rp_expr *meth = e->v.call.func;
    const rp_expr_seq *args = &e->v.call.args;
    const rp_keyword_seq *kws = &e->v.call.keywords;
    if (meth->kind != RP_E_ATTRIBUTE || meth->v.attribute.ctx != RP_LOAD ||
        imported_name(c, meth->v.attribute.value) ||
        args->n + kws->n + (kws->n != 0) >= STACK_USE_GUIDELINE)
        return 0;
    for (size_t i = 0; i < args->n; i++)
        if (args->items[i]->kind == RP_E_STARRED)
            return 0;
    for (size_t i = 0; i < kws->n; i++)
        if (!kws->items[i]->arg)
            return 0;
    if (rp_compile_expr(c, meth->v.attribute.value) < 0)
        return -1;
    rp_set_loc(c, meth->loc);
    rp_attr_location(c, meth);
    if (rp_emit_name(c, RP_LOAD_METHOD, meth->v.attribute.attr, true) < 0 ||
        rp_compile_exprs(c, args) < 0 ||
        (kws->n && simple_keywords(c, kws) < 0))
        return -1;
    rp_set_loc(c, e->loc);
    rp_attr_location(c, meth);
    return rp_emit(c, RP_CALL, (int)(args->n + kws->n)) < 0 ? -1 : 1;
}

static int compile_call(rp_compiler *c, const rp_expr *e) {
    if (check_keywords(c, &e->v.call.keywords) < 0)
        return -1;
    int r = method_call(c, e);
    if (r)
        return r < 0 ? -1 : 0;
    rp_set_loc(c, rp_expr_loc(e->v.call.func));
    if (rp_emit(c, RP_PUSH_NULL, 0) < 0)
        return -1;
    rp_set_loc(c, e->loc);
    if (rp_compile_expr(c, e->v.call.func) < 0)
        return -1;
    return rp_compile_call_helper(c, 0, &e->v.call.args, &e->v.call.keywords);
}

/* ====================================================================== */
/* Functions: lambda, comprehensions                                      */
/* ====================================================================== */

static int kwonly_defaults(rp_compiler *c, const rp_arguments *a) {
    rc_object *keys = rc_list_new(c->rt);
    if (!keys)
        return -1;
    int r = 0;
    for (size_t i = 0; i < a->kwonlyargs.n && r == 0; i++) {
        const rp_expr *dflt = a->kw_defaults.items[i];
        if (!dflt)
            continue;
        rc_object *m =
            rp_mangle(c->rt, c->u->private_, a->kwonlyargs.items[i]->arg);
        r = !m || rc_list_append(keys, m) < 0 || rp_compile_expr(c, dflt) < 0
                ? -1
                : 0;
        rc_xdecref(m);
    }
    size_t n = rc_list_size(keys);
    if (r == 0 && n) {
        rc_object *t = rc_tuple_new(c->rt, n);
        for (size_t i = 0; t && i < n; i++) {
            rc_object *k = rc_list_get(keys, (ptrdiff_t)i);
            rc_incref(k);
            rc_tuple_init_item(t, i, k);
        }
        r = rp_emit_const_new(c, t) < 0 ||
                    rp_emit(c, RP_BUILD_CONST_KEY_MAP, (int)n) < 0
                ? -1
                : 1;
    }
    rc_decref(keys);
    return r;
}

int rp_compile_defaults(rp_compiler *c, const rp_arguments *a) {
    int flags = 0;
    if (a->defaults.n) {
        if (rp_compile_exprs(c, &a->defaults) < 0 ||
            rp_emit(c, RP_BUILD_TUPLE, (int)a->defaults.n) < 0)
            return -1;
        flags |= 1;
    }
    int r = kwonly_defaults(c, a);
    if (r < 0)
        return -1;
    return r ? flags | 2 : flags;
}

static int check_debug_seq(rp_compiler *c, const rp_arg_seq *args) {
    for (size_t i = 0; i < args->n; i++)
        if (rp_forbidden_name(c, args->items[i]->arg, RP_STORE) < 0)
            return -1;
    return 0;
}

int rp_check_debug_args(rp_compiler *c, const rp_arguments *a) {
    if (check_debug_seq(c, &a->posonlyargs) < 0 ||
        check_debug_seq(c, &a->args) < 0 ||
        (a->vararg && rp_forbidden_name(c, a->vararg->arg, RP_STORE) < 0) ||
        check_debug_seq(c, &a->kwonlyargs) < 0)
        return -1;
    return a->kwarg ? rp_forbidden_name(c, a->kwarg->arg, RP_STORE) : 0;
}

static void set_arg_counts(rp_unit *u, const rp_arguments *a) {
    u->argcount = (uint32_t)(a->posonlyargs.n + a->args.n);
    u->posonlyargcount = (uint32_t)a->posonlyargs.n;
    u->kwonlyargcount = (uint32_t)a->kwonlyargs.n;
}

static int compile_lambda(rp_compiler *c, const rp_expr *e) {
    if (rp_check_debug_args(c, e->v.lambda.args) < 0)
        return -1;
    int flags = rp_compile_defaults(c, e->v.lambda.args);
    if (flags < 0 || rp_enter_scope(c, c->ip->s.lambda, RP_SCOPE_LAMBDA, e,
                                    e->loc.lineno) < 0)
        return -1;
    set_arg_counts(c->u, e->v.lambda.args);
    /* None first: a lambda has no docstring. A generator lambda returns
     * its body's value through the assembler's final RETURN_VALUE. */
    bool generator = c->u->ste->generator;
    int body = rp_add_const(c, rp_none(c->ip)) < 0 ||
                       rp_compile_expr(c, e->v.lambda.body) < 0 ||
                       (!generator && rp_emit(c, RP_RETURN_VALUE, 0) < 0)
                   ? -1
                   : 0;
    rc_object *code = rp_finish_scope(c, body, !generator);
    if (!code)
        return -1;
    int r = rp_make_closure(c, code, flags);
    rc_decref(code);
    return r;
}

typedef enum comp_kind { COMP_GEN, COMP_LIST, COMP_SET, COMP_DICT } comp_kind;

typedef struct comp_info {
    comp_kind kind;
    const rp_comprehension_seq *gens;
    const rp_expr *elt, *val;
} comp_info;

static int comprehension_element(rp_compiler *c, const comp_info *ci,
                                 int depth) {
    switch (ci->kind) {
    case COMP_GEN:
        if (rp_compile_expr(c, ci->elt) < 0 ||
            rp_emit(c, RP_YIELD_VALUE, 0) < 0 || rp_emit(c, RP_RESUME, 1) < 0)
            return -1;
        return rp_emit(c, RP_POP_TOP, 0);
    case COMP_LIST:
        return rp_compile_expr(c, ci->elt) < 0
                   ? -1
                   : rp_emit(c, RP_LIST_APPEND, depth + 1);
    case COMP_SET:
        return rp_compile_expr(c, ci->elt) < 0
                   ? -1
                   : rp_emit(c, RP_SET_ADD, depth + 1);
    default:
        if (rp_compile_expr(c, ci->elt) < 0 || rp_compile_expr(c, ci->val) < 0)
            return -1;
        return rp_emit(c, RP_MAP_ADD, depth + 1);
    }
}

/* The iterable of generator index>0: `for y in [f(x)]` binds without a
 * loop (returns 1), else pushes an iterator (returns 0). */
static int inner_iterable(rp_compiler *c, const rp_expr *iter) {
    if (!rp_expr_constant(c, iter) &&
        (iter->kind == RP_E_LIST || iter->kind == RP_E_TUPLE) &&
        iter->v.seq.elts.n == 1 &&
        iter->v.seq.elts.items[0]->kind != RP_E_STARRED)
        return rp_compile_expr(c, iter->v.seq.elts.items[0]) < 0 ? -1 : 1;
    if (rp_compile_expr(c, iter) < 0 || rp_emit(c, RP_GET_ITER, 0) < 0)
        return -1;
    return 0;
}

static int comprehension_generator(rp_compiler *c, const comp_info *ci,
                                   size_t index, int depth) {
    const rp_comprehension *gen = ci->gens->items[index];
    rp_block *start = rp_new_block(c), *if_cleanup = rp_new_block(c),
             *anchor = rp_new_block(c);
    if (!start || !if_cleanup || !anchor)
        return -1;
    if (index == 0) {
        c->u->argcount = 1; /* the outermost iterator is ".0" */
        if (rp_emit(c, RP_LOAD_FAST, 0) < 0)
            return -1;
    } else {
        int single = inner_iterable(c, gen->iter);
        if (single < 0)
            return -1;
        if (single)
            start = NULL;
    }
    if (start) {
        depth++;
        rp_use_next_block(c, start);
        if (rp_emit_jump(c, RP_FOR_ITER, anchor) < 0 || rp_next_block(c) < 0)
            return -1;
    }
    if (rp_compile_expr(c, gen->target) < 0)
        return -1;
    for (size_t i = 0; i < gen->ifs.n; i++)
        if (rp_compile_jump_if(c, gen->ifs.items[i], if_cleanup, false) < 0)
            return -1;
    if (index + 1 < ci->gens->n) {
        if (comprehension_generator(c, ci, index + 1, depth) < 0)
            return -1;
    } else if (comprehension_element(c, ci, depth) < 0) {
        return -1;
    }
    rp_use_next_block(c, if_cleanup);
    if (start) {
        if (rp_emit_jump(c, RP_P_JUMP, start) < 0)
            return -1;
        rp_use_next_block(c, anchor);
    }
    return 0;
}

static int comprehension_body(rp_compiler *c, const rp_expr *e,
                              const comp_info *ci) {
    rp_set_loc(c, e->loc);
    static const int build[] = {[COMP_LIST] = RP_BUILD_LIST,
                                [COMP_SET] = RP_BUILD_SET,
                                [COMP_DICT] = RP_BUILD_MAP};
    if (ci->kind != COMP_GEN && rp_emit(c, build[ci->kind], 0) < 0)
        return -1;
    if (comprehension_generator(c, ci, 0, 0) < 0)
        return -1;
    return ci->kind != COMP_GEN ? rp_emit(c, RP_RETURN_VALUE, 0) : 0;
}

static int compile_comprehension(rp_compiler *c, const rp_expr *e,
                                 const comp_info *ci) {
    static const char *const names[] = {"<genexpr>", "<listcomp>", "<setcomp>",
                                        "<dictcomp>"};
    rc_object *name = rp_compiler_name(c, names[ci->kind]);
    if (!name)
        return -1;
    int r = rp_enter_scope(c, name, RP_SCOPE_COMPREHENSION, e, e->loc.lineno);
    rc_decref(name);
    if (r < 0)
        return -1;
    rc_object *code = rp_finish_scope(c, comprehension_body(c, e, ci), true);
    if (!code)
        return -1;
    r = rp_make_closure(c, code, 0);
    rc_decref(code);
    if (r < 0 || rp_compile_expr(c, ci->gens->items[0]->iter) < 0 ||
        rp_emit(c, RP_GET_ITER, 0) < 0)
        return -1;
    return rp_emit(c, RP_CALL, 0);
}

/* ====================================================================== */
/* The rest                                                               */
/* ====================================================================== */

static int compile_yield(rp_compiler *c, const rp_expr *e) {
    if (c->u->ste->type != RP_BLOCK_FUNCTION)
        return rp_compiler_error(c, e->loc, "'yield' outside function");
    if (e->kind == RP_E_YIELDFROM) {
        rp_block *start = rp_new_block(c), *exit = rp_new_block(c);
        if (!start || !exit || rp_compile_expr(c, e->v.yieldfrom.value) < 0 ||
            rp_emit(c, RP_GET_YIELD_FROM_ITER, 0) < 0 ||
            rp_emit_const(c, rp_none(c->ip)) < 0)
            return -1;
        rp_use_next_block(c, start);
        if (rp_emit_jump(c, RP_SEND, exit) < 0 || rp_next_block(c) < 0 ||
            rp_emit(c, RP_YIELD_VALUE, 0) < 0 || rp_emit(c, RP_RESUME, 2) < 0 ||
            rp_emit_jump(c, RP_P_JUMP_NO_INTERRUPT, start) < 0)
            return -1;
        rp_use_next_block(c, exit);
        return 0;
    }
    if (e->v.yield.value ? rp_compile_expr(c, e->v.yield.value) < 0
                         : rp_emit_const(c, rp_none(c->ip)) < 0)
        return -1;
    if (rp_emit(c, RP_YIELD_VALUE, 0) < 0)
        return -1;
    return rp_emit(c, RP_RESUME, 1);
}

static int compile_attribute(rp_compiler *c, const rp_expr *e) {
    if (e->v.attribute.ctx == RP_STORE &&
        rp_forbidden_name(c, e->v.attribute.attr, RP_STORE) < 0)
        return -1;
    if (rp_compile_expr(c, e->v.attribute.value) < 0)
        return -1;
    rp_attr_location(c, e);
    static const int ops[] = {[RP_LOAD] = RP_LOAD_ATTR,
                              [RP_STORE] = RP_STORE_ATTR,
                              [RP_DEL] = RP_DELETE_ATTR};
    return rp_emit_name(c, ops[e->v.attribute.ctx], e->v.attribute.attr, true);
}

static int compile_subscript(rp_compiler *c, const rp_expr *e) {
    static const int ops[] = {[RP_LOAD] = RP_BINARY_SUBSCR,
                              [RP_STORE] = RP_STORE_SUBSCR,
                              [RP_DEL] = RP_DELETE_SUBSCR};
    if (rp_compile_expr(c, e->v.subscript.value) < 0 ||
        rp_compile_expr(c, e->v.subscript.slice) < 0)
        return -1;
    return rp_emit(c, ops[e->v.subscript.ctx], 0);
}

static int compile_slice(rp_compiler *c, const rp_expr *e) {
    const rp_expr *parts[] = {e->v.slice.lower, e->v.slice.upper};
    for (size_t i = 0; i < 2; i++) {
        if (parts[i] ? rp_compile_expr(c, parts[i]) < 0
                     : rp_emit_const(c, rp_none(c->ip)) < 0)
            return -1;
    }
    if (e->v.slice.step && rp_compile_expr(c, e->v.slice.step) < 0)
        return -1;
    return rp_emit(c, RP_BUILD_SLICE, e->v.slice.step ? 3 : 2);
}

static int compile_constant(rp_compiler *c, rc_object *v) {
    if (!v)
        return rc_set_error(c->rt, RC_ESTATE, "compiler: Ellipsis is missing");
    return rp_emit_const(c, v);
}

static int compile_comp_kind(rp_compiler *c, const rp_expr *e) {
    comp_info ci = {COMP_GEN, &e->v.comp.generators, e->v.comp.elt, NULL};
    if (e->kind == RP_E_LISTCOMP)
        ci.kind = COMP_LIST;
    else if (e->kind == RP_E_SETCOMP)
        ci.kind = COMP_SET;
    else if (e->kind == RP_E_DICTCOMP)
        ci = (comp_info){COMP_DICT, &e->v.dictcomp.generators,
                         e->v.dictcomp.key, e->v.dictcomp.value};
    return compile_comprehension(c, e, &ci);
}

static int compile_expr_kind(rp_compiler *c, const rp_expr *e) {
    switch (e->kind) {
    case RP_E_BOOLOP:
        return compile_boolop(c, e);
    case RP_E_NAMEDEXPR:
        if (rp_compile_expr(c, e->v.namedexpr.value) < 0 ||
            rp_emit(c, RP_COPY, 1) < 0)
            return -1;
        return rp_compile_expr(c, e->v.namedexpr.target);
    case RP_E_BINOP:
        return compile_binop(c, e);
    case RP_E_UNARYOP:
        return compile_unaryop(c, e);
    case RP_E_LAMBDA:
        return compile_lambda(c, e);
    case RP_E_IFEXP:
        return compile_ifexp(c, e);
    case RP_E_DICT:
        return compile_dict(c, e);
    case RP_E_SET:
        return starunpack(c, &e->v.set.elts, 0, &SET_OPS);
    case RP_E_LISTCOMP:
    case RP_E_SETCOMP:
    case RP_E_DICTCOMP:
    case RP_E_GENERATOREXP:
        return compile_comp_kind(c, e);
    case RP_E_YIELD:
    case RP_E_YIELDFROM:
        return compile_yield(c, e);
    case RP_E_COMPARE:
        return compile_compare(c, e);
    case RP_E_CALL:
        return compile_call(c, e);
    case RP_E_FORMATTEDVALUE:
        return compile_formatted(c, e);
    case RP_E_JOINEDSTR:
        return compile_joined(c, e);
    case RP_E_CONSTANT:
        return compile_constant(c, rp_expr_constant(c, e));
    case RP_E_ATTRIBUTE:
        return compile_attribute(c, e);
    case RP_E_SUBSCRIPT:
        return compile_subscript(c, e);
    case RP_E_STARRED:
        return rp_compiler_error(
            c, e->loc,
            e->v.starred.ctx == RP_STORE
                ? "starred assignment target must be in a list or tuple"
                : "can't use starred expression here");
    case RP_E_NAME:
        return rp_compile_nameop(c, e->v.name.id, e->v.name.ctx);
    case RP_E_LIST:
    case RP_E_TUPLE:
        return compile_sequence(c, e, e->kind == RP_E_TUPLE);
    case RP_E_SLICE:
        return compile_slice(c, e);
    }
    return 0;
}

int rp_compile_expr(rp_compiler *c, const rp_expr *e) {
    if (++c->depth > RP_COMPILE_MAX_DEPTH)
        return rp_compiler_too_deep(c);
    rp_pos saved = c->u->loc;
    rp_set_loc(c, rp_expr_loc(e));
    rc_object *folded;
    int r;
    if (e->kind != RP_E_CONSTANT && rp_foldmap_get(&c->fold, e, &folded))
        r = folded ? rp_emit_const(c, folded) : compile_sequence(c, e, true);
    else
        r = compile_expr_kind(c, e);
    c->u->loc = saved;
    c->depth--;
    return r;
}
