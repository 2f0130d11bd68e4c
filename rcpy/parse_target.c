/*
 * parse_target.c — assignment and deletion targets (Grammar/python.gram's
 * star_targets ... del_t_atom): names, attributes, subscripts, starred
 * targets and tuples or lists of them, with Store or Del context.
 *
 * t_primary is the primary a target's last attribute or subscript hangs
 * from: it must be followed by '.', '(' or '[' (t_lookahead), so that
 * `a.b.c = 1` reads a.b as a Load and c as the Store. Invariant: a rule
 * that fails leaves the mark where it found it.
 */
#include "parser.h"

/* t_lookahead: '(' | '[' | '.' */
static bool t_lookahead(rp_parser *p) {
    rp_token *t = rp_tok_peek(p);
    return t && (t->type == RP_TOK_LPAR || t->type == RP_TOK_LSQB ||
                 t->type == RP_TOK_DOT);
}

/* One t_primary trailer ('.' NAME | '[' slices ']' | genexp
 * | '(' [arguments] ')', each followed by t_lookahead), or NULL. */
static rp_expr *t_trailer(rp_parser *p, int mark, rp_expr *a) {
    int m = p->mark;
    rp_token *name;
    rp_expr *b;
    if (rp_tok_expect(p, RP_TOK_DOT) &&
        (name = rp_tok_expect(p, RP_TOK_NAME)) && t_lookahead(p))
        return rp_mk_attribute(p, mark, a, name, RP_LOAD);
    if (p->error)
        return NULL;
    p->mark = m;
    if (rp_tok_expect(p, RP_TOK_LSQB) && (b = rp_p_slices(p)) &&
        rp_tok_expect(p, RP_TOK_RSQB) && t_lookahead(p))
        return rp_mk_subscript(p, mark, a, b, RP_LOAD);
    if (p->error)
        return NULL;
    p->mark = m;
    if ((b = rp_p_genexp(p)) && t_lookahead(p))
        return rp_mk_genexp_call(p, mark, a, b);
    if (p->error)
        return NULL;
    p->mark = m;
    if (rp_tok_expect(p, RP_TOK_LPAR)) {
        int m2 = p->mark;
        if (!(b = rp_p_arguments(p))) {
            if (p->error)
                return NULL;
            p->mark = m2;
        }
        if (rp_tok_expect(p, RP_TOK_RPAR) && t_lookahead(p))
            return rp_mk_call(p, mark, a, b);
    }
    p->mark = m;
    return NULL;
}

/* t_primary (left-recursive): t_primary '.' NAME &t_lookahead
 * | t_primary '[' slices ']' &t_lookahead | t_primary genexp &t_lookahead
 * | t_primary '(' [arguments] ')' &t_lookahead | atom &t_lookahead */
RP_MEMO_RULE_EXT(rp_expr *, rp_p_t_primary, RP_M_T_PRIMARY) {
    int mark = p->mark;
    rp_expr *a = rp_p_atom(p);
    if (!a || !t_lookahead(p)) {
        p->mark = mark;
        return NULL;
    }
    for (;;) {
        rp_expr *b = t_trailer(p, mark, a);
        if (!b)
            break;
        a = b;
    }
    return a;
}

/* t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead
 * with context ctx; NULL when neither. */
static rp_expr *attr_or_subscript(rp_parser *p, rp_ctx ctx) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_expr *a = rp_p_t_primary(p), *b;
    rp_token *name;
    if (a) {
        int m = p->mark;
        if (rp_tok_expect(p, RP_TOK_DOT) &&
            (name = rp_tok_expect(p, RP_TOK_NAME)) && !t_lookahead(p))
            return rp_mk_attribute(p, mark, a, name, ctx);
        if (p->error)
            return NULL;
        p->mark = m;
    }
    p->mark = mark;
    a = rp_p_t_primary(p);
    if (a && rp_tok_expect(p, RP_TOK_LSQB) && (b = rp_p_slices(p)) &&
        rp_tok_expect(p, RP_TOK_RSQB) && !t_lookahead(p))
        return rp_mk_subscript(p, mark, a, b, ctx);
    p->mark = mark;
    return NULL;
}

static rp_expr *target_with_star_atom(rp_parser *p);

/* star_targets_tuple_seq: star_target (',' star_target)+ [',']
 * | star_target ',' */
static bool star_targets_tuple_seq(rp_parser *p, rp_vec *out) {
    int mark = p->mark;
    if (!rp_p_gather(p, rp_p_star_target, out))
        return false;
    if (out->n > 1) {
        rp_tok_expect(p, RP_TOK_COMMA);
        return !p->error;
    }
    if (rp_tok_expect(p, RP_TOK_COMMA))
        return true;
    p->mark = mark;
    out->n = 0;
    return false;
}

/* star_atom: NAME | '(' target_with_star_atom ')'
 * | '(' [star_targets_tuple_seq] ')' | '[' [star_targets_list_seq] ']' */
RP_RULE(rp_expr *, star_atom) {
    int mark = p->mark;
    rp_expr *a = rp_p_name(p);
    if (a)
        return rp_set_ctx(p, a, RP_STORE);
    if (p->error)
        return NULL;
    if (rp_tok_expect(p, RP_TOK_LPAR) && (a = target_with_star_atom(p)) &&
        rp_tok_expect(p, RP_TOK_RPAR))
        return rp_set_ctx(p, a, RP_STORE);
    if (p->error)
        return NULL;
    p->mark = mark;
    rp_vec v = {0};
    if (rp_tok_expect(p, RP_TOK_LPAR)) {
        int m = p->mark;
        if (!star_targets_tuple_seq(p, &v))
            p->mark = m;
        if (!p->error && rp_tok_expect(p, RP_TOK_RPAR))
            return rp_mk_seq(p, RP_E_TUPLE, &v, RP_STORE, rp_p_loc(p, mark));
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    v.n = 0;
    if (rp_tok_expect(p, RP_TOK_LSQB)) {
        int m = p->mark;
        if (!rp_p_gather_comma(p, rp_p_star_target, &v))
            p->mark = m;
        if (!p->error && rp_tok_expect(p, RP_TOK_RSQB))
            return rp_mk_seq(p, RP_E_LIST, &v, RP_STORE, rp_p_loc(p, mark));
    }
    p->mark = mark;
    return NULL;
}

/* target_with_star_atom (memo): t_primary '.' NAME !t_lookahead
 * | t_primary '[' slices ']' !t_lookahead | star_atom */
RP_MEMO_RULE(rp_expr *, target_with_star_atom, RP_M_TARGET_WITH_STAR_ATOM) {
    int mark = p->mark;
    rp_expr *a = attr_or_subscript(p, RP_STORE);
    if (a || p->error)
        return a;
    p->mark = mark;
    return star_atom(p);
}

/* star_target (memo): '*' (!'*' star_target) | target_with_star_atom */
RP_MEMO_RULE_EXT(rp_expr *, rp_p_star_target, RP_M_STAR_TARGET) {
    int mark = p->mark;
    if (rp_tok_expect(p, RP_TOK_STAR) && !rp_tok_at(p, RP_TOK_STAR)) {
        rp_expr *a = rp_p_star_target(p);
        if (a) {
            rp_expr *inner = rp_set_ctx(p, a, RP_STORE);
            rp_expr *e = rp_mk_expr(p, RP_E_STARRED, rp_p_loc(p, mark));
            if (e && inner) {
                e->v.starred.value = inner;
                e->v.starred.ctx = RP_STORE;
            }
            return e;
        }
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    return target_with_star_atom(p);
}

/* star_targets: star_target !',' | star_target (',' star_target)* [',']
 * → Tuple */
RP_RULE_EXT(rp_expr *, rp_p_star_targets) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_expr *a = rp_p_star_target(p);
    if (!a)
        return NULL;
    if (!rp_tok_at(p, RP_TOK_COMMA))
        return a;
    rp_vec v = {0};
    if (!rp_vec_push(p, &v, a))
        return NULL;
    for (;;) {
        int m = p->mark;
        rp_expr *c;
        if (!rp_tok_expect(p, RP_TOK_COMMA) || !(c = rp_p_star_target(p))) {
            if (p->error)
                return NULL;
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, &v, c))
            return NULL;
    }
    rp_tok_expect(p, RP_TOK_COMMA);
    return rp_mk_seq(p, RP_E_TUPLE, &v, RP_STORE, rp_p_loc(p, mark));
}

/* single_subscript_attribute_target: t_primary '.' NAME !t_lookahead
 * | t_primary '[' slices ']' !t_lookahead */
RP_RULE_EXT(rp_expr *, rp_p_single_subscript_attribute_target) {
    return attr_or_subscript(p, RP_STORE);
}

/* single_target: single_subscript_attribute_target | NAME
 * | '(' single_target ')' */
RP_RULE_EXT(rp_expr *, rp_p_single_target) {
    int mark = p->mark;
    rp_expr *a = rp_p_single_subscript_attribute_target(p);
    if (a || p->error)
        return a;
    p->mark = mark;
    if ((a = rp_p_name(p)))
        return rp_set_ctx(p, a, RP_STORE);
    if (p->error)
        return NULL;
    if (rp_tok_expect(p, RP_TOK_LPAR) && (a = rp_p_single_target(p)) &&
        rp_tok_expect(p, RP_TOK_RPAR))
        return a;
    p->mark = mark;
    return NULL;
}

static rp_expr *del_target(rp_parser *p);

/* del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')'
 * | '[' [del_targets] ']' */
RP_RULE(rp_expr *, del_t_atom) {
    int mark = p->mark;
    rp_expr *a = rp_p_name(p);
    if (a)
        return rp_set_ctx(p, a, RP_DEL);
    if (p->error)
        return NULL;
    if (rp_tok_expect(p, RP_TOK_LPAR) && (a = del_target(p)) &&
        rp_tok_expect(p, RP_TOK_RPAR))
        return rp_set_ctx(p, a, RP_DEL);
    if (p->error)
        return NULL;
    static const rp_toktype open[] = {RP_TOK_LPAR, RP_TOK_LSQB};
    static const rp_toktype close[] = {RP_TOK_RPAR, RP_TOK_RSQB};
    for (int k = 0; k < 2; k++) {
        p->mark = mark;
        rp_vec v = {0};
        if (!rp_tok_expect(p, open[k]))
            continue;
        int m = p->mark;
        if (!rp_p_del_targets(p, &v)) {
            if (p->error)
                return NULL;
            p->mark = m;
            v.n = 0;
        }
        if (rp_tok_expect(p, close[k]))
            return rp_mk_seq(p, k ? RP_E_LIST : RP_E_TUPLE, &v, RP_DEL,
                             rp_p_loc(p, mark));
        if (p->error)
            return NULL;
    }
    p->mark = mark;
    return NULL;
}

/* del_target (memo): t_primary '.' NAME !t_lookahead
 * | t_primary '[' slices ']' !t_lookahead | del_t_atom */
RP_MEMO_RULE(rp_expr *, del_target, RP_M_DEL_TARGET) {
    int mark = p->mark;
    rp_expr *a = attr_or_subscript(p, RP_DEL);
    if (a || p->error)
        return a;
    p->mark = mark;
    return del_t_atom(p);
}

/* del_targets: ','.del_target+ [','] */
bool rp_p_del_targets(rp_parser *p, rp_vec *out) {
    return rp_p_gather_comma(p, del_target, out);
}
