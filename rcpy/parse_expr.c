/*
 * parse_expr.c — the expression rules of Python 3.11's grammar, from
 * `expressions` down to atoms, displays and comprehensions.
 *
 * Each function is one rule of Grammar/python.gram, its alternatives in
 * the grammar's order (the comment above each gives the rule). An
 * alternative that fails puts the mark back where the rule started;
 * the left-recursive rules (bitwise_or ... term, primary) are loops that
 * read the same tokens as CPython's seed-growing. Invariant: a rule that
 * fails leaves the mark where it found it.
 */
#include "parser.h"

#include <string.h>

bool rp_p_gather(rp_parser *p, rp_expr *(*elem)(rp_parser *), rp_vec *out) {
    rp_expr *e = elem(p);
    if (!e || !rp_vec_push(p, out, e))
        return false;
    for (;;) {
        int m = p->mark;
        if (!rp_tok_expect(p, RP_TOK_COMMA))
            break;
        rp_expr *x = elem(p);
        if (!x) {
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, out, x))
            return false;
    }
    return !p->error;
}

bool rp_p_gather_comma(rp_parser *p, rp_expr *(*elem)(rp_parser *),
                       rp_vec *out) {
    if (!rp_p_gather(p, elem, out))
        return false;
    rp_tok_expect(p, RP_TOK_COMMA);
    return !p->error;
}

/* ====================================================================== */
/* Expressions                                                            */
/* ====================================================================== */

/* a=X (',' X)+ [','] → Tuple | X ',' → Tuple | X, for X expression or
 * star_expression. */
static rp_expr *tuple_of(rp_parser *p, rp_expr *(*elem)(rp_parser *)) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_expr *a = elem(p);
    if (!a)
        return NULL;
    rp_vec v = {0};
    if (!rp_vec_push(p, &v, a))
        return NULL;
    for (;;) {
        int m = p->mark;
        if (!rp_tok_expect(p, RP_TOK_COMMA))
            break;
        rp_expr *c = elem(p);
        if (!c) {
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, &v, c))
            return NULL;
    }
    if (v.n > 1) {
        rp_tok_expect(p, RP_TOK_COMMA);
        return rp_mk_seq(p, RP_E_TUPLE, &v, RP_LOAD, rp_p_loc(p, mark));
    }
    int m = p->mark;
    if (rp_tok_expect(p, RP_TOK_COMMA))
        return rp_mk_tuple1(p, a, rp_p_loc(p, mark));
    p->mark = m;
    return a;
}

/* expressions: expression (',' expression)+ [','] | expression ','
 * | expression */
RP_RULE_EXT(rp_expr *, rp_p_expressions) {
    return tuple_of(p, rp_p_expression);
}

/* expression (memo): invalid_expression | invalid_legacy_expression
 * | disjunction 'if' disjunction 'else' expression | disjunction
 * | lambdef */
RP_MEMO_RULE_EXT(rp_expr *, rp_p_expression, RP_M_EXPRESSION) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        if (rp_invalid_expression(p) || p->error)
            return NULL;
        p->mark = mark;
        if (rp_invalid_legacy_expression(p) || p->error)
            return NULL;
        p->mark = mark;
    }
    rp_expr *a = rp_p_disjunction(p);
    if (a) {
        int m = p->mark;
        rp_expr *b, *c;
        if (rp_tok_expect(p, RP_KW_IF) && (b = rp_p_disjunction(p)) &&
            rp_tok_expect(p, RP_KW_ELSE) && (c = rp_p_expression(p))) {
            rp_expr *e = rp_mk_expr(p, RP_E_IFEXP, rp_p_loc(p, mark));
            if (e) {
                e->v.ifexp.test = b;
                e->v.ifexp.body = a;
                e->v.ifexp.orelse = c;
            }
            return e;
        }
        if (p->error)
            return NULL;
        p->mark = m;
        return a;
    }
    p->mark = mark;
    return rp_p_lambdef(p);
}

/* expression_without_invalid: the same without the invalid rules (used
 * by invalid rules) */
rp_expr *rp_p_expression_without_invalid(rp_parser *p) {
    bool saved = p->call_invalid_rules;
    p->call_invalid_rules = false;
    int mark = p->mark;
    rp_expr *r = NULL;
    if (!rp_tok_peek(p))
        goto out;
    rp_expr *a = rp_p_disjunction(p);
    if (a) {
        int m = p->mark;
        rp_expr *b, *c;
        if (rp_tok_expect(p, RP_KW_IF) && (b = rp_p_disjunction(p)) &&
            rp_tok_expect(p, RP_KW_ELSE) && (c = rp_p_expression(p))) {
            r = rp_mk_expr(p, RP_E_IFEXP, rp_p_loc(p, mark));
            if (r) {
                r->v.ifexp.test = b;
                r->v.ifexp.body = a;
                r->v.ifexp.orelse = c;
            }
            goto out;
        }
        p->mark = m;
        r = a;
        goto out;
    }
    p->mark = mark;
    r = rp_p_lambdef(p);
out:
    p->call_invalid_rules = saved;
    return p->error ? NULL : r;
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
RP_RULE_EXT(rp_expr *, rp_p_yield_expr) {
    int mark = p->mark;
    if (!rp_tok_expect(p, RP_KW_YIELD))
        return NULL;
    int m = p->mark;
    rp_expr *a;
    if (rp_tok_expect(p, RP_KW_FROM) && (a = rp_p_expression(p))) {
        rp_expr *e = rp_mk_expr(p, RP_E_YIELDFROM, rp_p_loc(p, mark));
        if (e)
            e->v.yieldfrom.value = a;
        return e;
    }
    if (p->error)
        return NULL;
    p->mark = m;
    a = rp_p_star_expressions(p);
    if (!a && p->error)
        return NULL;
    if (!a)
        p->mark = m;
    rp_expr *e = rp_mk_expr(p, RP_E_YIELD, rp_p_loc(p, mark));
    if (e)
        e->v.yield.value = a;
    return e;
}

/* star_expressions: star_expression (',' star_expression)+ [',']
 * | star_expression ',' | star_expression */
RP_RULE_EXT(rp_expr *, rp_p_star_expressions) {
    return tuple_of(p, rp_p_star_expression);
}

static rp_expr *starred(rp_parser *p, int mark, rp_expr *value) {
    rp_expr *e = rp_mk_expr(p, RP_E_STARRED, rp_p_loc(p, mark));
    if (e) {
        e->v.starred.value = value;
        e->v.starred.ctx = RP_LOAD;
    }
    return e;
}

/* '*' bitwise_or → Starred | other */
static rp_expr *starred_or(rp_parser *p, rp_expr *(*other)(rp_parser *)) {
    int mark = p->mark;
    rp_expr *a;
    if (rp_tok_expect(p, RP_TOK_STAR) && (a = rp_p_bitwise_or(p)))
        return starred(p, mark, a);
    if (p->error)
        return NULL;
    p->mark = mark;
    return other(p);
}

/* star_expression (memo): '*' bitwise_or | expression */
RP_MEMO_RULE_EXT(rp_expr *, rp_p_star_expression, RP_M_STAR_EXPRESSION) {
    return starred_or(p, rp_p_expression);
}

/* star_named_expressions: ','.star_named_expression+ [','] */
bool rp_p_star_named_expressions(rp_parser *p, rp_vec *out) {
    return rp_p_gather_comma(p, rp_p_star_named_expression, out);
}

/* star_named_expression: '*' bitwise_or | named_expression */
RP_RULE_EXT(rp_expr *, rp_p_star_named_expression) {
    if (!rp_tok_peek(p))
        return NULL;
    return starred_or(p, rp_p_named_expression);
}

/* assignment_expression: NAME ':=' ~ expression */
RP_RULE_EXT(rp_expr *, rp_p_assignment_expression) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_expr *a = rp_p_name(p), *b;
    if (!a || !rp_tok_expect(p, RP_TOK_COLONEQUAL) ||
        !(b = rp_p_expression(p))) {
        p->mark = mark;
        return NULL;
    }
    rp_expr *target = rp_set_ctx(p, a, RP_STORE);
    rp_expr *e = rp_mk_expr(p, RP_E_NAMEDEXPR, rp_p_loc(p, mark));
    if (e && target) {
        e->v.namedexpr.target = target;
        e->v.namedexpr.value = b;
    }
    return e;
}

/* named_expression: assignment_expression | invalid_named_expression
 * | expression !':=' */
RP_RULE_EXT(rp_expr *, rp_p_named_expression) {
    int mark = p->mark;
    rp_expr *a = rp_p_assignment_expression(p);
    if (a || p->error)
        return a;
    p->mark = mark;
    if (p->call_invalid_rules) {
        if (rp_invalid_named_expression(p) || p->error)
            return NULL;
        p->mark = mark;
    }
    a = rp_p_expression(p);
    if (a && !rp_tok_at(p, RP_TOK_COLONEQUAL))
        return a;
    p->mark = mark;
    return NULL;
}

/* A chain of one operator: first (kw first)+ → BoolOp. */
static rp_expr *boolop_chain(rp_parser *p, rp_toktype kw, rp_boolop op,
                             rp_expr *(*sub)(rp_parser *)) {
    int mark = p->mark;
    rp_expr *a = sub(p);
    if (!a)
        return NULL;
    rp_vec v = {0};
    if (!rp_vec_push(p, &v, a))
        return NULL;
    for (;;) {
        int m = p->mark;
        rp_expr *c;
        if (!rp_tok_expect(p, kw) || !(c = sub(p))) {
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, &v, c))
            return NULL;
    }
    if (v.n == 1)
        return a;
    rp_expr *e = rp_mk_expr(p, RP_E_BOOLOP, rp_p_loc(p, mark));
    if (e) {
        e->v.boolop.op = op;
        if (!rp_vec_finish(p, &v, &e->v.boolop.values))
            return NULL;
    }
    return e;
}

static rp_expr *conjunction(rp_parser *p);
static rp_expr *inversion(rp_parser *p);

/* disjunction (memo): conjunction ('or' conjunction)+ | conjunction */
RP_MEMO_RULE_EXT(rp_expr *, rp_p_disjunction, RP_M_DISJUNCTION) {
    if (!rp_tok_peek(p))
        return NULL;
    return boolop_chain(p, RP_KW_OR, RP_OR, conjunction);
}

/* conjunction (memo): inversion ('and' inversion)+ | inversion */
RP_MEMO_RULE(rp_expr *, conjunction, RP_M_CONJUNCTION) {
    if (!rp_tok_peek(p))
        return NULL;
    return boolop_chain(p, RP_KW_AND, RP_AND, inversion);
}

static rp_expr *comparison(rp_parser *p);

static rp_expr *unary(rp_parser *p, int mark, rp_unaryop op, rp_expr *a) {
    rp_expr *e = rp_mk_expr(p, RP_E_UNARYOP, rp_p_loc(p, mark));
    if (e) {
        e->v.unaryop.op = op;
        e->v.unaryop.operand = a;
    }
    return e;
}

/* inversion (memo): 'not' inversion | comparison */
RP_MEMO_RULE(rp_expr *, inversion, RP_M_INVERSION) {
    int mark = p->mark;
    rp_expr *a;
    if (rp_tok_expect(p, RP_KW_NOT) && (a = inversion(p)))
        return unary(p, mark, RP_NOT, a);
    if (p->error)
        return NULL;
    p->mark = mark;
    return comparison(p);
}

/* ====================================================================== */
/* Comparisons                                                            */
/* ====================================================================== */

/* compare_op_bitwise_or_pair: one operator and its right operand, in the
 * grammar's order of alternatives. */
static bool compare_pair(rp_parser *p, rp_cmpop *op, rp_expr **right) {
    static const struct {
        rp_toktype t1, t2; /* t2 RP_TOK_COUNT: one token */
        rp_cmpop op;
    } ops[] = {
        {RP_TOK_EQEQUAL, RP_TOK_COUNT, RP_CMP_EQ},
        {RP_TOK_NOTEQUAL, RP_TOK_COUNT, RP_CMP_NOTEQ},
        {RP_TOK_LESSEQUAL, RP_TOK_COUNT, RP_CMP_LTE},
        {RP_TOK_LESS, RP_TOK_COUNT, RP_CMP_LT},
        {RP_TOK_GREATEREQUAL, RP_TOK_COUNT, RP_CMP_GTE},
        {RP_TOK_GREATER, RP_TOK_COUNT, RP_CMP_GT},
        {RP_KW_NOT, RP_KW_IN, RP_CMP_NOTIN},
        {RP_KW_IN, RP_TOK_COUNT, RP_CMP_IN},
        {RP_KW_IS, RP_KW_NOT, RP_CMP_ISNOT},
        {RP_KW_IS, RP_TOK_COUNT, RP_CMP_IS},
    };
    int mark = p->mark;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        p->mark = mark;
        rp_token *t = rp_tok_expect(p, ops[i].t1);
        if (!t) {
            if (p->error)
                return false;
            continue;
        }
        /* '<>' reads as '!=' only under barry_as_FLUFL */
        if (ops[i].op == RP_CMP_NOTEQ && t->start[0] == '<')
            continue;
        if (ops[i].t2 != RP_TOK_COUNT && !rp_tok_expect(p, ops[i].t2))
            continue;
        if ((*right = rp_p_bitwise_or(p))) {
            *op = ops[i].op;
            return true;
        }
        if (p->error)
            return false;
    }
    p->mark = mark;
    return false;
}

/* comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
RP_RULE(rp_expr *, comparison) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_expr *a = rp_p_bitwise_or(p);
    if (!a)
        return NULL;
    rp_vec ops = {0}, rights = {0};
    rp_cmpop op;
    rp_expr *b;
    while (compare_pair(p, &op, &b)) {
        if (!rp_vec_push(p, &ops, (void *)(uintptr_t)op) ||
            !rp_vec_push(p, &rights, b))
            return NULL;
    }
    if (p->error)
        return NULL;
    if (ops.n == 0)
        return a;
    rp_expr *e = rp_mk_expr(p, RP_E_COMPARE, rp_p_loc(p, mark));
    if (!e)
        return NULL;
    e->v.compare.left = a;
    e->v.compare.n = ops.n;
    e->v.compare.ops = rp_palloc(p, ops.n * sizeof(rp_cmpop));
    e->v.compare.comparators = rp_palloc(p, ops.n * sizeof(rp_expr *));
    if (!e->v.compare.ops || !e->v.compare.comparators)
        return NULL;
    for (size_t i = 0; i < ops.n; i++) {
        e->v.compare.ops[i] = (rp_cmpop)(uintptr_t)ops.items[i];
        e->v.compare.comparators[i] = rights.items[i];
    }
    return e;
}

/* ====================================================================== */
/* Binary operators                                                       */
/* ====================================================================== */

typedef struct binop_level {
    int key;                       /* memo key */
    rp_expr *(*sub)(rp_parser *p); /* the operand rule */
    struct {
        rp_toktype tok;
        rc_binop op;
    } ops[6];
} binop_level;

/* X: X op sub | sub, as a loop. */
static rp_expr *binop_loop(rp_parser *p, const binop_level *lv) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_expr *a = lv->sub(p);
    while (a) {
        int m = p->mark;
        rp_expr *b = NULL;
        size_t i;
        for (i = 0; lv->ops[i].tok; i++) {
            p->mark = m;
            if (rp_tok_expect(p, lv->ops[i].tok) && (b = lv->sub(p)))
                break;
            if (p->error)
                return NULL;
        }
        if (!b) {
            p->mark = m;
            break;
        }
        a = rp_mk_binop(p, a, lv->ops[i].op, b, rp_p_loc(p, mark));
    }
    return a;
}

static rp_expr *bitwise_xor(rp_parser *p);
static rp_expr *bitwise_and(rp_parser *p);
static rp_expr *shift_expr(rp_parser *p);
static rp_expr *sum(rp_parser *p);
static rp_expr *term(rp_parser *p);
static rp_expr *factor(rp_parser *p);

static const binop_level or_level = {
    RP_M_BITWISE_OR, bitwise_xor, {{RP_TOK_VBAR, RC_OP_OR}}};
static const binop_level xor_level = {
    RP_M_BITWISE_XOR, bitwise_and, {{RP_TOK_CIRCUMFLEX, RC_OP_XOR}}};
static const binop_level and_level = {
    RP_M_BITWISE_AND, shift_expr, {{RP_TOK_AMPER, RC_OP_AND}}};
static const binop_level shift_level = {
    RP_M_SHIFT_EXPR,
    sum,
    {{RP_TOK_LEFTSHIFT, RC_OP_LSHIFT}, {RP_TOK_RIGHTSHIFT, RC_OP_RSHIFT}}};
static const binop_level sum_level = {
    RP_M_SUM, term, {{RP_TOK_PLUS, RC_OP_ADD}, {RP_TOK_MINUS, RC_OP_SUB}}};
static const binop_level term_level = {RP_M_TERM,
                                       factor,
                                       {{RP_TOK_STAR, RC_OP_MUL},
                                        {RP_TOK_SLASH, RC_OP_TRUEDIV},
                                        {RP_TOK_DOUBLESLASH, RC_OP_FLOORDIV},
                                        {RP_TOK_PERCENT, RC_OP_MOD},
                                        {RP_TOK_AT, RC_OP_MATMUL}}};

RP_MEMO_RULE_EXT(rp_expr *, rp_p_bitwise_or, RP_M_BITWISE_OR) {
    return binop_loop(p, &or_level);
}
RP_MEMO_RULE(rp_expr *, bitwise_xor, RP_M_BITWISE_XOR) {
    return binop_loop(p, &xor_level);
}
RP_MEMO_RULE(rp_expr *, bitwise_and, RP_M_BITWISE_AND) {
    return binop_loop(p, &and_level);
}
RP_MEMO_RULE(rp_expr *, shift_expr, RP_M_SHIFT_EXPR) {
    return binop_loop(p, &shift_level);
}
RP_MEMO_RULE(rp_expr *, sum, RP_M_SUM) {
    return binop_loop(p, &sum_level);
}
RP_MEMO_RULE(rp_expr *, term, RP_M_TERM) {
    return binop_loop(p, &term_level);
}

static rp_expr *power(rp_parser *p);

/* factor (memo): '+' factor | '-' factor | '~' factor | power */
RP_MEMO_RULE(rp_expr *, factor, RP_M_FACTOR) {
    static const struct {
        rp_toktype t;
        rp_unaryop op;
    } ops[] = {{RP_TOK_PLUS, RP_UADD},
               {RP_TOK_MINUS, RP_USUB},
               {RP_TOK_TILDE, RP_INVERT}};
    int mark = p->mark;
    for (size_t i = 0; i < 3; i++) {
        p->mark = mark;
        rp_expr *a;
        if (rp_tok_expect(p, ops[i].t) && (a = factor(p)))
            return unary(p, mark, ops[i].op, a);
        if (p->error)
            return NULL;
    }
    p->mark = mark;
    return power(p);
}

static rp_expr *await_primary(rp_parser *p);

/* power: await_primary '**' factor | await_primary */
RP_RULE(rp_expr *, power) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_expr *a = await_primary(p), *b;
    if (!a)
        return NULL;
    int m = p->mark;
    if (rp_tok_expect(p, RP_TOK_DOUBLESTAR) && (b = factor(p)))
        return rp_mk_binop(p, a, RC_OP_POW, b, rp_p_loc(p, mark));
    p->mark = m;
    return a;
}

static rp_expr *primary(rp_parser *p);

/* await_primary (memo): AWAIT primary | primary */
RP_MEMO_RULE(rp_expr *, await_primary, RP_M_AWAIT_PRIMARY) {
    int mark = p->mark;
    rp_token *t = rp_tok_expect(p, RP_KW_AWAIT);
    if (t && primary(p))
        return rp_perr_loc(p, rp_tok_loc(t),
                           "async/await is not supported by rcpy");
    if (p->error)
        return NULL;
    p->mark = mark;
    return primary(p);
}

/* ====================================================================== */
/* Primaries                                                              */
/* ====================================================================== */

static rp_expr *attribute(rp_parser *p, int mark, rp_expr *a, rp_token *name,
                          rp_ctx ctx) {
    rc_object *id = rp_token_ident(p, name);
    rp_expr *e = rp_mk_expr(p, RP_E_ATTRIBUTE, rp_p_loc(p, mark));
    if (e && id) {
        e->v.attribute.value = a;
        e->v.attribute.attr = id;
        e->v.attribute.ctx = ctx;
    }
    return e;
}

rp_expr *rp_mk_attribute(rp_parser *p, int mark, rp_expr *a, rp_token *name,
                         rp_ctx ctx) {
    return attribute(p, mark, a, name, ctx);
}

rp_expr *rp_mk_subscript(rp_parser *p, int mark, rp_expr *a, rp_expr *slice,
                         rp_ctx ctx) {
    rp_expr *e = rp_mk_expr(p, RP_E_SUBSCRIPT, rp_p_loc(p, mark));
    if (e) {
        e->v.subscript.value = a;
        e->v.subscript.slice = slice;
        e->v.subscript.ctx = ctx;
    }
    return e;
}

/* A call of a with the arguments of args (a Call without func, from the
 * arguments rule) or none. */
rp_expr *rp_mk_call(rp_parser *p, int mark, rp_expr *a, rp_expr *args) {
    rp_expr *e = rp_mk_expr(p, RP_E_CALL, rp_p_loc(p, mark));
    if (e) {
        e->v.call.func = a;
        if (args) {
            e->v.call.args = args->v.call.args;
            e->v.call.keywords = args->v.call.keywords;
        }
    }
    return e;
}

rp_expr *rp_mk_genexp_call(rp_parser *p, int mark, rp_expr *a, rp_expr *g) {
    rp_expr *e = rp_mk_expr(p, RP_E_CALL, rp_p_loc(p, mark));
    if (!e)
        return NULL;
    e->v.call.func = a;
    e->v.call.args.items = rp_palloc(p, sizeof(rp_expr *));
    if (!e->v.call.args.items)
        return NULL;
    e->v.call.args.n = 1;
    e->v.call.args.items[0] = g;
    return e;
}

/* One trailer of a primary: '.' NAME | genexp | '(' [arguments] ')'
 * | '[' slices ']'; NULL (mark unchanged) when none follows. */
rp_expr *rp_p_trailer(rp_parser *p, int mark, rp_expr *a) {
    int m = p->mark;
    rp_token *name;
    if (rp_tok_expect(p, RP_TOK_DOT) && (name = rp_tok_expect(p, RP_TOK_NAME)))
        return attribute(p, mark, a, name, RP_LOAD);
    if (p->error)
        return NULL;
    p->mark = m;
    rp_expr *b = rp_p_genexp(p);
    if (b)
        return rp_mk_genexp_call(p, mark, a, b);
    if (p->error)
        return NULL;
    p->mark = m;
    if (rp_tok_expect(p, RP_TOK_LPAR)) {
        int m2 = p->mark;
        b = rp_p_arguments(p);
        if (!b) {
            if (p->error)
                return NULL;
            p->mark = m2;
        }
        if (rp_tok_expect(p, RP_TOK_RPAR))
            return rp_mk_call(p, mark, a, b);
    }
    if (p->error)
        return NULL;
    p->mark = m;
    if (rp_tok_expect(p, RP_TOK_LSQB) && (b = rp_p_slices(p)) &&
        rp_tok_expect(p, RP_TOK_RSQB))
        return rp_mk_subscript(p, mark, a, b, RP_LOAD);
    p->mark = m;
    return NULL;
}

/* primary (left-recursive): primary '.' NAME | primary genexp
 * | primary '(' [arguments] ')' | primary '[' slices ']' | atom */
RP_MEMO_RULE(rp_expr *, primary, RP_M_PRIMARY) {
    int mark = p->mark;
    rp_expr *a = rp_p_atom(p);
    while (a) {
        rp_expr *b = rp_p_trailer(p, mark, a);
        if (!b)
            break;
        a = b;
    }
    return a;
}

/* slice: [expression] ':' [expression] [':' [expression]]
 * | named_expression */
RP_RULE(rp_expr *, slice) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_expr *a = rp_p_expression(p);
    if (!a)
        p->mark = mark;
    if (!p->error && rp_tok_expect(p, RP_TOK_COLON)) {
        int m = p->mark;
        rp_expr *b = rp_p_expression(p), *c = NULL;
        if (!b)
            p->mark = m;
        m = p->mark;
        if (!p->error && rp_tok_expect(p, RP_TOK_COLON)) {
            int m2 = p->mark;
            if (!(c = rp_p_expression(p)))
                p->mark = m2;
        } else {
            p->mark = m;
        }
        rp_expr *e = rp_mk_expr(p, RP_E_SLICE, rp_p_loc(p, mark));
        if (e) {
            e->v.slice.lower = a;
            e->v.slice.upper = b;
            e->v.slice.step = c;
        }
        return e;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    return rp_p_named_expression(p);
}

static rp_expr *slice_or_starred(rp_parser *p) {
    int mark = p->mark;
    rp_expr *e = slice(p);
    if (e || p->error)
        return e;
    p->mark = mark;
    return rp_p_starred_expression(p);
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] → Tuple */
RP_RULE_EXT(rp_expr *, rp_p_slices) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_expr *a = slice(p);
    if (a && !rp_tok_at(p, RP_TOK_COMMA))
        return a;
    if (p->error)
        return NULL;
    p->mark = mark;
    rp_vec v = {0};
    if (!rp_p_gather(p, slice_or_starred, &v))
        return NULL;
    rp_tok_expect(p, RP_TOK_COMMA);
    return rp_mk_seq(p, RP_E_TUPLE, &v, RP_LOAD, rp_p_loc(p, mark));
}

/* ====================================================================== */
/* Atoms                                                                  */
/* ====================================================================== */

static rp_expr *keyword_constant(rp_parser *p, rp_token *t) {
    rc_object *v = t->type == RP_KW_TRUE    ? rc_true(p->rt)
                   : t->type == RP_KW_FALSE ? rc_false(p->rt)
                                            : rc_none(p->rt);
    return rp_mk_const(p, v, rp_tok_loc(t));
}

static rp_expr *dict(rp_parser *p);
static rp_expr *set(rp_parser *p);
static rp_expr *dictcomp(rp_parser *p);
static rp_expr *setcomp(rp_parser *p);
static rp_expr *listcomp(rp_parser *p);
static rp_expr *group(rp_parser *p);

/* Tries each rule in turn at the mark. */
static rp_expr *first_of(rp_parser *p, rp_expr *(*const rules[])(rp_parser *),
                         size_t n) {
    int mark = p->mark;
    for (size_t i = 0; i < n; i++) {
        p->mark = mark;
        rp_expr *e = rules[i](p);
        if (e || p->error)
            return e;
    }
    p->mark = mark;
    return NULL;
}

/* atom: NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
 * | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
 * | &'{' (dict | set | dictcomp | setcomp) | '...' */
RP_RULE_EXT(rp_expr *, rp_p_atom) {
    static rp_expr *(*const paren[])(rp_parser *) = {rp_p_tuple, group,
                                                     rp_p_genexp};
    static rp_expr *(*const square[])(rp_parser *) = {rp_p_list, listcomp};
    static rp_expr *(*const brace[])(rp_parser *) = {dict, set, dictcomp,
                                                     setcomp};
    rp_token *t = rp_tok_peek(p);
    if (!t)
        return NULL;
    switch (t->type) {
    case RP_TOK_NAME:
        return rp_p_name(p);
    case RP_KW_TRUE:
    case RP_KW_FALSE:
    case RP_KW_NONE:
        p->mark++;
        return keyword_constant(p, t);
    case RP_TOK_STRING:
        return rp_p_strings(p);
    case RP_TOK_NUMBER:
        return rp_p_number(p);
    case RP_TOK_LPAR:
        return first_of(p, paren, 3);
    case RP_TOK_LSQB:
        return first_of(p, square, 2);
    case RP_TOK_LBRACE:
        return first_of(p, brace, 4);
    case RP_TOK_ELLIPSIS: {
        p->mark++;
        rp_expr *e = rp_mk_expr(p, RP_E_CONSTANT, rp_tok_loc(t));
        if (e)
            e->v.constant.ellipsis = true;
        return e;
    }
    default:
        return NULL;
    }
}

/* group: '(' (yield_expr | named_expression) ')' | invalid_group */
RP_RULE(rp_expr *, group) {
    int mark = p->mark;
    if (rp_tok_expect(p, RP_TOK_LPAR)) {
        int m = p->mark;
        rp_expr *a = rp_p_yield_expr(p);
        if (!a && !p->error) {
            p->mark = m;
            a = rp_p_named_expression(p);
        }
        if (a && rp_tok_expect(p, RP_TOK_RPAR))
            return a;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_group(p);
    p->mark = mark;
    return NULL;
}

/* tuple: '(' [star_named_expression ',' [star_named_expressions]] ')' */
RP_RULE_EXT(rp_expr *, rp_p_tuple) {
    int mark = p->mark;
    if (!rp_tok_expect(p, RP_TOK_LPAR))
        return NULL;
    rp_vec v = {0};
    int m = p->mark;
    rp_expr *y = rp_p_star_named_expression(p);
    if (y && rp_tok_expect(p, RP_TOK_COMMA)) {
        if (!rp_vec_push(p, &v, y))
            return NULL;
        int m2 = p->mark;
        if (!rp_p_star_named_expressions(p, &v)) {
            if (p->error)
                return NULL;
            p->mark = m2;
            v.n = 1;
        }
    } else {
        if (p->error)
            return NULL;
        p->mark = m;
    }
    if (!rp_tok_expect(p, RP_TOK_RPAR)) {
        p->mark = mark;
        return NULL;
    }
    return rp_mk_seq(p, RP_E_TUPLE, &v, RP_LOAD, rp_p_loc(p, mark));
}

/* list: '[' [star_named_expressions] ']' */
RP_RULE_EXT(rp_expr *, rp_p_list) {
    int mark = p->mark;
    if (!rp_tok_expect(p, RP_TOK_LSQB))
        return NULL;
    rp_vec v = {0};
    int m = p->mark;
    if (!rp_p_star_named_expressions(p, &v)) {
        if (p->error)
            return NULL;
        p->mark = m;
        v.n = 0;
    }
    if (!rp_tok_expect(p, RP_TOK_RSQB)) {
        p->mark = mark;
        return NULL;
    }
    return rp_mk_seq(p, RP_E_LIST, &v, RP_LOAD, rp_p_loc(p, mark));
}

/* set: '{' star_named_expressions '}' */
RP_RULE(rp_expr *, set) {
    int mark = p->mark;
    rp_vec v = {0};
    if (rp_tok_expect(p, RP_TOK_LBRACE) && rp_p_star_named_expressions(p, &v) &&
        rp_tok_expect(p, RP_TOK_RBRACE))
        return rp_mk_seq(p, RP_E_SET, &v, RP_LOAD, rp_p_loc(p, mark));
    p->mark = mark;
    return NULL;
}

/* ====================================================================== */
/* Dicts                                                                  */
/* ====================================================================== */

/* kvpair: expression ':' expression */
rp_kvpair *rp_p_kvpair(rp_parser *p) {
    int mark = p->mark;
    rp_expr *a, *b;
    if ((a = rp_p_expression(p)) && rp_tok_expect(p, RP_TOK_COLON) &&
        (b = rp_p_expression(p))) {
        rp_kvpair *kv = rp_arena_alloc(p->scratch, sizeof *kv);
        if (!kv)
            return rp_pnomem(p);
        kv->key = a;
        kv->value = b;
        return kv;
    }
    p->mark = mark;
    return NULL;
}

/* double_starred_kvpair: '**' bitwise_or | kvpair */
rp_kvpair *rp_p_double_starred_kvpair(rp_parser *p) {
    int mark = p->mark;
    rp_expr *a;
    if (rp_tok_expect(p, RP_TOK_DOUBLESTAR) && (a = rp_p_bitwise_or(p))) {
        rp_kvpair *kv = rp_arena_alloc(p->scratch, sizeof *kv);
        if (!kv)
            return rp_pnomem(p);
        kv->key = NULL;
        kv->value = a;
        return kv;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    return rp_p_kvpair(p);
}

/* ','.double_starred_kvpair+ [','] */
static bool double_starred_kvpairs(rp_parser *p, rp_vec *keys, rp_vec *values) {
    rp_kvpair *kv = rp_p_double_starred_kvpair(p);
    if (!kv)
        return false;
    for (;;) {
        if (!rp_vec_push(p, keys, kv->key) ||
            !rp_vec_push(p, values, kv->value))
            return false;
        int m = p->mark;
        if (!rp_tok_expect(p, RP_TOK_COMMA) ||
            !(kv = rp_p_double_starred_kvpair(p))) {
            if (p->error)
                return false;
            p->mark = m;
            break;
        }
    }
    rp_tok_expect(p, RP_TOK_COMMA);
    return !p->error;
}

/* dict: '{' [double_starred_kvpairs] '}'
 * | '{' invalid_double_starred_kvpairs '}' */
RP_RULE(rp_expr *, dict) {
    int mark = p->mark;
    if (!rp_tok_expect(p, RP_TOK_LBRACE))
        return NULL;
    rp_vec keys = {0}, values = {0};
    int m = p->mark;
    if (!double_starred_kvpairs(p, &keys, &values)) {
        if (p->error)
            return NULL;
        p->mark = m;
        keys.n = values.n = 0;
    }
    if (rp_tok_expect(p, RP_TOK_RBRACE)) {
        rp_expr *e = rp_mk_expr(p, RP_E_DICT, rp_p_loc(p, mark));
        if (!e || !rp_vec_finish(p, &keys, &e->v.dict.keys) ||
            !rp_vec_finish(p, &values, &e->v.dict.values))
            return NULL;
        return e;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    /* not a lone invalid rule, so CPython tries it in the first pass too */
    if (rp_tok_expect(p, RP_TOK_LBRACE)) {
        rp_invalid_double_starred_kvpairs(p);
        if (p->error)
            return NULL;
    }
    p->mark = mark;
    return NULL;
}

/* ====================================================================== */
/* Comprehensions                                                         */
/* ====================================================================== */

/* for_if_clause: ASYNC 'for' ... | 'for' star_targets 'in' ~ disjunction
 * ('if' disjunction)* | invalid_for_target */
RP_RULE(rp_comprehension *, for_if_clause) {
    int mark = p->mark;
    rp_token *t = rp_tok_expect(p, RP_KW_ASYNC);
    if (t && rp_tok_expect(p, RP_KW_FOR))
        return rp_perr_loc(p, rp_tok_loc(t),
                           "async/await is not supported by rcpy");
    if (p->error)
        return NULL;
    p->mark = mark;
    rp_expr *a;
    if (rp_tok_expect(p, RP_KW_FOR) && (a = rp_p_star_targets(p)) &&
        rp_tok_expect(p, RP_KW_IN)) {
        rp_expr *b = rp_p_disjunction(p);
        if (!b)
            return NULL; /* the cut: no other alternative */
        rp_vec ifs = {0};
        for (;;) {
            int m = p->mark;
            rp_expr *z;
            if (!rp_tok_expect(p, RP_KW_IF) || !(z = rp_p_disjunction(p))) {
                if (p->error)
                    return NULL;
                p->mark = m;
                break;
            }
            if (!rp_vec_push(p, &ifs, z))
                return NULL;
        }
        rp_comprehension *c = rp_palloc(p, sizeof *c);
        if (!c || !rp_vec_finish(p, &ifs, &c->ifs))
            return NULL;
        c->target = a;
        c->iter = b;
        return c;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_for_target(p);
    p->mark = mark;
    return NULL;
}

/* for_if_clauses: for_if_clause+ */
bool rp_p_for_if_clauses(rp_parser *p, rp_vec *out) {
    rp_comprehension *c;
    size_t n0 = out->n;
    for (;;) {
        int m = p->mark;
        if (!(c = for_if_clause(p))) {
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, out, c))
            return false;
    }
    return !p->error && out->n > n0;
}

static rp_expr *comp(rp_parser *p, int mark, rp_expr_kind kind, rp_expr *elt,
                     rp_vec *gens) {
    rp_expr *e = rp_mk_expr(p, kind, rp_p_loc(p, mark));
    if (!e || !rp_vec_finish(p, gens, &e->v.comp.generators))
        return NULL;
    e->v.comp.elt = elt;
    return e;
}

/* '[' named_expression for_if_clauses ']' and the set form */
static rp_expr *list_or_set_comp(rp_parser *p, rp_toktype open,
                                 rp_toktype close, rp_expr_kind kind) {
    int mark = p->mark;
    rp_expr *a;
    rp_vec gens = {0};
    if (rp_tok_expect(p, open) && (a = rp_p_named_expression(p)) &&
        rp_p_for_if_clauses(p, &gens) && rp_tok_expect(p, close))
        return comp(p, mark, kind, a, &gens);
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_comprehension(p);
    p->mark = mark;
    return NULL;
}

/* listcomp: '[' named_expression for_if_clauses ']'
 * | invalid_comprehension */
RP_RULE(rp_expr *, listcomp) {
    return list_or_set_comp(p, RP_TOK_LSQB, RP_TOK_RSQB, RP_E_LISTCOMP);
}

/* setcomp: '{' named_expression for_if_clauses '}'
 * | invalid_comprehension */
RP_RULE(rp_expr *, setcomp) {
    return list_or_set_comp(p, RP_TOK_LBRACE, RP_TOK_RBRACE, RP_E_SETCOMP);
}

/* genexp: '(' (assignment_expression | expression !':=') for_if_clauses
 * ')' | invalid_comprehension */
RP_RULE_EXT(rp_expr *, rp_p_genexp) {
    int mark = p->mark;
    if (rp_tok_expect(p, RP_TOK_LPAR)) {
        int m = p->mark;
        rp_expr *a = rp_p_assignment_expression(p);
        if (!a && !p->error) {
            p->mark = m;
            a = rp_p_expression(p);
            if (a && rp_tok_at(p, RP_TOK_COLONEQUAL))
                a = NULL;
        }
        rp_vec gens = {0};
        if (a && rp_p_for_if_clauses(p, &gens) && rp_tok_expect(p, RP_TOK_RPAR))
            return comp(p, mark, RP_E_GENERATOREXP, a, &gens);
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_comprehension(p);
    p->mark = mark;
    return NULL;
}

/* dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension */
RP_RULE(rp_expr *, dictcomp) {
    int mark = p->mark;
    rp_kvpair *kv;
    rp_vec gens = {0};
    if (rp_tok_expect(p, RP_TOK_LBRACE) && (kv = rp_p_kvpair(p)) &&
        rp_p_for_if_clauses(p, &gens) && rp_tok_expect(p, RP_TOK_RBRACE)) {
        rp_expr *e = rp_mk_expr(p, RP_E_DICTCOMP, rp_p_loc(p, mark));
        if (!e || !rp_vec_finish(p, &gens, &e->v.dictcomp.generators))
            return NULL;
        e->v.dictcomp.key = kv->key;
        e->v.dictcomp.value = kv->value;
        return e;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_dict_comprehension(p);
    p->mark = mark;
    return NULL;
}

/* starred_expression: '*' expression */
RP_RULE_EXT(rp_expr *, rp_p_starred_expression) {
    int mark = p->mark;
    rp_expr *a;
    if (rp_tok_expect(p, RP_TOK_STAR) && (a = rp_p_expression(p)))
        return starred(p, mark, a);
    p->mark = mark;
    return NULL;
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
RP_RULE_EXT(rp_expr *, rp_p_lambdef) {
    int mark = p->mark;
    if (!rp_tok_expect(p, RP_KW_LAMBDA))
        return NULL;
    int m = p->mark;
    rp_arguments *a = rp_p_lambda_params(p);
    if (!a) {
        if (p->error)
            return NULL;
        p->mark = m;
    }
    rp_expr *b;
    if (!rp_tok_expect(p, RP_TOK_COLON) || !(b = rp_p_expression(p))) {
        p->mark = mark;
        return NULL;
    }
    if (!a && !(a = rp_empty_arguments(p)))
        return NULL;
    rp_expr *e = rp_mk_expr(p, RP_E_LAMBDA, rp_p_loc(p, mark));
    if (e) {
        e->v.lambda.args = a;
        e->v.lambda.body = b;
    }
    return e;
}

/* strings (memo): STRING+ */
RP_MEMO_RULE_EXT(rp_expr *, rp_p_strings, RP_M_STRINGS) {
    rp_vec v = {0};
    rp_token *t;
    while ((t = rp_tok_expect(p, RP_TOK_STRING)))
        if (!rp_vec_push(p, &v, t))
            return NULL;
    if (!v.n || p->error)
        return NULL;
    return rp_concatenate_strings(p, (rp_token **)v.items, v.n);
}
