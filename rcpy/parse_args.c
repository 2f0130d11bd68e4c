/*
 * parse_args.c — the argument lists of calls and the parameter lists of
 * def and lambda (Grammar/python.gram's arguments ... kwarg_or_double_
 * starred, and params ... default with their lambda twins).
 *
 * A lambda's parameters are the same rules without annotations, ending
 * before ':' where a def's end before ')'; one function serves both,
 * told by `lambda`. Invariant as for every rule: failure leaves the mark
 * where it was.
 */
#include "parser.h"

#include <string.h>

/* ====================================================================== */
/* Call arguments                                                         */
/* ====================================================================== */

typedef struct kw_or_starred {
    void *element; /* rp_keyword* or a Starred rp_expr* */
    bool is_keyword;
} kw_or_starred;

static kw_or_starred *kos(rp_parser *p, void *element, bool is_keyword) {
    kw_or_starred *k = rp_arena_alloc(p->scratch, sizeof *k);
    if (!k)
        return rp_pnomem(p);
    k->element = element;
    k->is_keyword = is_keyword;
    return k;
}

static rp_keyword *keyword(rp_parser *p, int mark, rc_object *arg,
                           rp_expr *value) {
    rp_keyword *k = rp_palloc(p, sizeof *k);
    if (k) {
        k->arg = arg;
        k->value = value;
        k->loc = rp_p_loc(p, mark);
    }
    return k;
}

/* NAME '=' expression → keyword */
static kw_or_starred *named_kwarg(rp_parser *p) {
    int mark = p->mark;
    rp_token *t;
    rp_expr *b;
    if ((t = rp_tok_expect(p, RP_TOK_NAME)) && rp_tok_expect(p, RP_TOK_EQUAL) &&
        (b = rp_p_expression(p))) {
        rc_object *id = rp_token_ident(p, t);
        rp_keyword *k = id ? keyword(p, mark, id, b) : NULL;
        return k ? kos(p, k, true) : NULL;
    }
    p->mark = mark;
    return NULL;
}

/* kwarg_or_starred: invalid_kwarg | NAME '=' expression
 * | starred_expression;
 * kwarg_or_double_starred: invalid_kwarg | NAME '=' expression
 * | '**' expression */
static kw_or_starred *kwarg_item(rp_parser *p, bool double_starred) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    if (p->call_invalid_rules) {
        rp_invalid_kwarg(p);
        if (p->error)
            return NULL;
        p->mark = mark;
    }
    kw_or_starred *k = named_kwarg(p);
    if (k || p->error)
        return k;
    if (!double_starred) {
        rp_expr *s = rp_p_starred_expression(p);
        return s ? kos(p, s, false) : NULL;
    }
    rp_expr *a;
    if (rp_tok_expect(p, RP_TOK_DOUBLESTAR) && (a = rp_p_expression(p))) {
        rp_keyword *kw = keyword(p, mark, NULL, a);
        return kw ? kos(p, kw, true) : NULL;
    }
    p->mark = mark;
    return NULL;
}

/* ','.item+ for kwarg_or_starred (double 0) or _double_starred (1) */
static bool kwarg_gather(rp_parser *p, bool double_starred, rp_vec *out) {
    size_t n0 = out->n;
    kw_or_starred *k = kwarg_item(p, double_starred);
    if (!k || !rp_vec_push(p, out, k))
        return false;
    for (;;) {
        int m = p->mark;
        if (!rp_tok_expect(p, RP_TOK_COMMA) ||
            !(k = kwarg_item(p, double_starred))) {
            if (p->error)
                return false;
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, out, k))
            return false;
    }
    return out->n > n0;
}

/* kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
 * | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+ */
bool rp_p_kwargs(rp_parser *p, rp_vec *out) {
    int mark = p->mark;
    if (!rp_p_enter(p))
        return false;
    bool ok = false;
    if (kwarg_gather(p, false, out)) {
        int m = p->mark;
        size_t n = out->n;
        if (rp_tok_expect(p, RP_TOK_COMMA) && kwarg_gather(p, true, out)) {
            ok = true;
            goto done;
        }
        if (p->error)
            goto done;
        p->mark = m;
        out->n = n;
        ok = true;
        goto done;
    }
    if (p->error)
        goto done;
    p->mark = mark;
    out->n = 0;
    ok = kwarg_gather(p, true, out);
    if (!ok)
        p->mark = mark;
done:
    p->level--;
    return ok && !p->error;
}

/* Splits kwargs into the Starred ones (args) and keywords. */
static bool split_kwargs(rp_parser *p, rp_vec *kw, rp_vec *args,
                         rp_vec *keywords) {
    for (size_t i = 0; i < kw->n; i++) {
        kw_or_starred *k = kw->items[i];
        if (!rp_vec_push(p, k->is_keyword ? keywords : args, k->element))
            return false;
    }
    return true;
}

/* starred_expression | (assignment_expression | expression !':=') !'=' */
static rp_expr *positional_arg(rp_parser *p) {
    int mark = p->mark;
    rp_expr *e = rp_p_starred_expression(p);
    if (e || p->error)
        return e;
    p->mark = mark;
    e = rp_p_assignment_expression(p);
    if (!e && !p->error) {
        p->mark = mark;
        e = rp_p_expression(p);
        if (e && rp_tok_at(p, RP_TOK_COLONEQUAL))
            e = NULL;
    }
    if (e && !rp_tok_at(p, RP_TOK_EQUAL))
        return e;
    p->mark = mark;
    return NULL;
}

/* ','.(starred_expression | (assignment_expression | expression !':=')
 * !'=')+ */
bool rp_p_positional_args(rp_parser *p, rp_vec *out) {
    return rp_p_gather(p, positional_arg, out);
}

static rp_expr *call_of(rp_parser *p, int mark, rp_vec *args,
                        rp_vec *keywords) {
    rp_expr *e = rp_mk_expr(p, RP_E_CALL, rp_p_loc(p, mark));
    if (!e || !rp_vec_finish(p, args, &e->v.call.args) ||
        !rp_vec_finish(p, keywords, &e->v.call.keywords))
        return NULL;
    return e;
}

/* args: ','.(starred_expression | (assignment_expression | expression
 * !':=') !'=')+ [',' kwargs] | kwargs — a Call without func */
RP_RULE_EXT(rp_expr *, rp_p_args) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_vec args = {0}, keywords = {0}, kw = {0};
    if (rp_p_gather(p, positional_arg, &args)) {
        int m = p->mark;
        if (!rp_tok_expect(p, RP_TOK_COMMA) || !rp_p_kwargs(p, &kw)) {
            if (p->error)
                return NULL;
            p->mark = m;
            kw.n = 0;
        }
        if (!split_kwargs(p, &kw, &args, &keywords))
            return NULL;
        return call_of(p, mark, &args, &keywords);
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    if (rp_p_kwargs(p, &kw)) {
        if (!split_kwargs(p, &kw, &args, &keywords))
            return NULL;
        return call_of(p, mark, &args, &keywords);
    }
    p->mark = mark;
    return NULL;
}

/* arguments (memo): args [','] &')' | invalid_arguments */
RP_MEMO_RULE_EXT(rp_expr *, rp_p_arguments, RP_M_ARGUMENTS) {
    int mark = p->mark;
    rp_expr *a = rp_p_args(p);
    if (a) {
        rp_tok_expect(p, RP_TOK_COMMA);
        if (rp_tok_at(p, RP_TOK_RPAR))
            return a;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_arguments(p);
    p->mark = mark;
    return NULL;
}

/* ====================================================================== */
/* Parameters                                                             */
/* ====================================================================== */

static rp_arg *mk_arg(rp_parser *p, int mark, rp_token *name, rp_expr *ann) {
    rc_object *id = rp_token_ident(p, name);
    rp_arg *a = id ? rp_palloc(p, sizeof *a) : NULL;
    if (a) {
        a->arg = id;
        a->annotation = ann;
        a->loc = rp_p_loc(p, mark);
    }
    return a;
}

/* param: NAME annotation? (annotation: ':' expression);
 * lambda_param: NAME */
rp_arg *rp_p_param(rp_parser *p, bool lambda) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_token *t = rp_tok_expect(p, RP_TOK_NAME);
    if (!t)
        return NULL;
    rp_expr *ann = NULL;
    if (!lambda) {
        int m = p->mark;
        if (!rp_tok_expect(p, RP_TOK_COLON) || !(ann = rp_p_expression(p))) {
            if (p->error)
                return NULL;
            p->mark = m;
        }
    }
    return mk_arg(p, mark, t, ann);
}

/* param_star_annotation: NAME ':' star_expression */
static rp_arg *param_star_annotation(rp_parser *p) {
    int mark = p->mark;
    rp_token *t;
    rp_expr *ann;
    if ((t = rp_tok_expect(p, RP_TOK_NAME)) && rp_tok_expect(p, RP_TOK_COLON) &&
        (ann = rp_p_star_expression(p)))
        return mk_arg(p, mark, t, ann);
    p->mark = mark;
    return NULL;
}

/* After a parameter: ',' (and a peek for a type comment), or a lookahead
 * for the list's end: ')' (def) or ':' (lambda). */
static bool param_end(rp_parser *p, bool lambda) {
    if (rp_tok_expect(p, RP_TOK_COMMA)) {
        if (!lambda)
            rp_tok_peek(p); /* TYPE_COMMENT? */
        return !p->error;
    }
    if (!lambda)
        rp_tok_peek(p);
    return rp_tok_at(p, lambda ? RP_TOK_COLON : RP_TOK_RPAR);
}

/* default: '=' expression | invalid_default */
static rp_expr *default_value(rp_parser *p) {
    int mark = p->mark;
    rp_expr *e;
    if (rp_tok_expect(p, RP_TOK_EQUAL) && (e = rp_p_expression(p)))
        return e;
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_default(p);
    p->mark = mark;
    return NULL;
}

/* param_no_default: param ',' | param &')' */
void *rp_p_param_no_default(rp_parser *p, bool lambda) {
    int mark = p->mark;
    rp_arg *a = rp_p_param(p, lambda);
    if (a && param_end(p, lambda))
        return a;
    p->mark = mark;
    return NULL;
}

static rp_namedefault *name_default(rp_parser *p, rp_arg *a, rp_expr *v) {
    rp_namedefault *nd = rp_arena_alloc(p->scratch, sizeof *nd);
    if (!nd)
        return rp_pnomem(p);
    nd->arg = a;
    nd->value = v;
    return nd;
}

/* param_with_default: param default ',' | param default &')';
 * param_maybe_default: the same with default? */
static void *param_default(rp_parser *p, bool lambda, bool required) {
    int mark = p->mark;
    rp_arg *a = rp_p_param(p, lambda);
    if (!a)
        return NULL;
    int m = p->mark;
    rp_expr *v = default_value(p);
    if (!v) {
        if (p->error || required) {
            p->mark = mark;
            return NULL;
        }
        p->mark = m;
    }
    if (param_end(p, lambda))
        return name_default(p, a, v);
    p->mark = mark;
    return NULL;
}

void *rp_p_param_with_default(rp_parser *p, bool lambda) {
    return param_default(p, lambda, true);
}

void *rp_p_param_maybe_default(rp_parser *p, bool lambda) {
    return param_default(p, lambda, false);
}

/* item* or item+ (min 1) of one of the parameter rules */
bool rp_p_params_loop(rp_parser *p, void *(*item)(rp_parser *, bool),
                      bool lambda, size_t min, rp_vec *out) {
    size_t n0 = out->n;
    for (;;) {
        int m = p->mark;
        void *x = item(p, lambda);
        if (!x) {
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, out, x))
            return false;
    }
    return !p->error && out->n - n0 >= min;
}

/* '/' followed by ',' or the end of the list */
static bool slash_end(rp_parser *p, bool lambda) {
    if (!rp_tok_expect(p, RP_TOK_SLASH))
        return false;
    int m = p->mark;
    if (rp_tok_expect(p, RP_TOK_COMMA))
        return true;
    p->mark = m;
    return rp_tok_at(p, lambda ? RP_TOK_COLON : RP_TOK_RPAR);
}

/* slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/'
 * &')' */
void *rp_p_slash_no_default(rp_parser *p, bool lambda) {
    int mark = p->mark;
    rp_vec *v = rp_arena_alloc(p->scratch, sizeof *v);
    if (!v)
        return rp_pnomem(p);
    if (rp_p_params_loop(p, rp_p_param_no_default, lambda, 1, v) &&
        slash_end(p, lambda))
        return v;
    p->mark = mark;
    return NULL;
}

/* slash_with_default: param_no_default* param_with_default+ '/' ','
 * | ... '/' &')' */
void *rp_p_slash_with_default(rp_parser *p, bool lambda) {
    int mark = p->mark;
    rp_slashdefault *s = rp_arena_alloc(p->scratch, sizeof *s);
    if (!s)
        return rp_pnomem(p);
    if (rp_p_params_loop(p, rp_p_param_no_default, lambda, 0, &s->plain) &&
        rp_p_params_loop(p, rp_p_param_with_default, lambda, 1, &s->with) &&
        slash_end(p, lambda))
        return s;
    p->mark = mark;
    return NULL;
}

typedef struct star_etc {
    rp_arg *vararg;
    rp_vec kwonly; /* rp_namedefault* */
    rp_arg *kwarg;
} star_etc;

/* kwds: invalid_kwds | '**' param_no_default */
static rp_arg *kwds(rp_parser *p, bool lambda) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_kwds(p, lambda);
        if (p->error)
            return NULL;
        p->mark = mark;
    }
    rp_arg *a;
    if (rp_tok_expect(p, RP_TOK_DOUBLESTAR) &&
        (a = rp_p_param_no_default(p, lambda)))
        return a;
    p->mark = mark;
    return NULL;
}

/* The tail after '*' NAME or '*' ',': param_maybe_default* [kwds] (at
 * least one of the former when plus). */
static star_etc *star_tail(rp_parser *p, bool lambda, rp_arg *vararg,
                           size_t min) {
    star_etc *s = rp_arena_alloc(p->scratch, sizeof *s);
    if (!s)
        return rp_pnomem(p);
    s->vararg = vararg;
    if (!rp_p_params_loop(p, rp_p_param_maybe_default, lambda, min, &s->kwonly))
        return NULL;
    int m = p->mark;
    if (!(s->kwarg = kwds(p, lambda))) {
        if (p->error)
            return NULL;
        p->mark = m;
    }
    return s;
}

/* star_etc: invalid_star_etc | '*' param_no_default param_maybe_default*
 * [kwds] | '*' param_no_default_star_annotation param_maybe_default*
 * [kwds] | '*' ',' param_maybe_default+ [kwds] | kwds */
static star_etc *star_etc_rule(rp_parser *p, bool lambda) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_star_etc(p, lambda);
        if (p->error)
            return NULL;
        p->mark = mark;
    }
    rp_arg *a;
    star_etc *s;
    if (rp_tok_expect(p, RP_TOK_STAR) &&
        (a = rp_p_param_no_default(p, lambda)) &&
        (s = star_tail(p, lambda, a, 0)))
        return s;
    if (p->error)
        return NULL;
    p->mark = mark;
    if (!lambda && rp_tok_expect(p, RP_TOK_STAR) &&
        (a = param_star_annotation(p)) && param_end(p, false) &&
        (s = star_tail(p, lambda, a, 0)))
        return s;
    if (p->error)
        return NULL;
    p->mark = mark;
    if (rp_tok_expect(p, RP_TOK_STAR) && rp_tok_expect(p, RP_TOK_COMMA) &&
        (s = star_tail(p, lambda, NULL, 1)))
        return s;
    if (p->error)
        return NULL;
    p->mark = mark;
    if ((a = kwds(p, lambda))) {
        s = rp_arena_alloc(p->scratch, sizeof *s);
        if (!s)
            return rp_pnomem(p);
        s->kwarg = a;
        return s;
    }
    p->mark = mark;
    return NULL;
}

/* The argument list from the parts the alternatives of `parameters`
 * found (CPython's _PyPegen_make_arguments). */
static rp_arguments *make_arguments(rp_parser *p, rp_vec *slash_plain,
                                    rp_slashdefault *slash_with, rp_vec *plain,
                                    rp_vec *with, star_etc *star) {
    rp_arguments *a = rp_palloc(p, sizeof *a);
    rp_vec posonly = {0}, args = {0}, defaults = {0}, kwonly = {0},
           kwdefaults = {0};
    if (!a)
        return NULL;
    bool ok = true;
    if (slash_plain)
        for (size_t i = 0; ok && i < slash_plain->n; i++)
            ok = rp_vec_push(p, &posonly, slash_plain->items[i]);
    if (slash_with) {
        for (size_t i = 0; ok && i < slash_with->plain.n; i++)
            ok = rp_vec_push(p, &posonly, slash_with->plain.items[i]);
        for (size_t i = 0; ok && i < slash_with->with.n; i++) {
            rp_namedefault *nd = slash_with->with.items[i];
            ok = rp_vec_push(p, &posonly, nd->arg) &&
                 rp_vec_push(p, &defaults, nd->value);
        }
    }
    if (plain)
        for (size_t i = 0; ok && i < plain->n; i++)
            ok = rp_vec_push(p, &args, plain->items[i]);
    if (with)
        for (size_t i = 0; ok && i < with->n; i++) {
            rp_namedefault *nd = with->items[i];
            ok = rp_vec_push(p, &args, nd->arg) &&
                 rp_vec_push(p, &defaults, nd->value);
        }
    if (star) {
        a->vararg = star->vararg;
        a->kwarg = star->kwarg;
        for (size_t i = 0; ok && i < star->kwonly.n; i++) {
            rp_namedefault *nd = star->kwonly.items[i];
            ok = rp_vec_push(p, &kwonly, nd->arg) &&
                 rp_vec_push(p, &kwdefaults, nd->value);
        }
    }
    if (!ok || !rp_vec_finish(p, &posonly, &a->posonlyargs) ||
        !rp_vec_finish(p, &args, &a->args) ||
        !rp_vec_finish(p, &defaults, &a->defaults) ||
        !rp_vec_finish(p, &kwonly, &a->kwonlyargs) ||
        !rp_vec_finish(p, &kwdefaults, &a->kw_defaults))
        return NULL;
    return a;
}

/* [star_etc] */
static bool opt_star_etc(rp_parser *p, bool lambda, star_etc **out) {
    int m = p->mark;
    *out = star_etc_rule(p, lambda);
    if (!*out)
        p->mark = m;
    return !p->error;
}

/* parameters: slash_no_default param_no_default* param_with_default*
 * [star_etc] | slash_with_default param_with_default* [star_etc]
 * | param_no_default+ param_with_default* [star_etc]
 * | param_with_default+ [star_etc] | star_etc */
static rp_arguments *parameters(rp_parser *p, bool lambda) {
    int mark = p->mark;
    rp_vec plain = {0}, with = {0};
    star_etc *star;
    rp_vec *sn = rp_p_slash_no_default(p, lambda);
    if (sn && rp_p_params_loop(p, rp_p_param_no_default, lambda, 0, &plain) &&
        rp_p_params_loop(p, rp_p_param_with_default, lambda, 0, &with) &&
        opt_star_etc(p, lambda, &star))
        return make_arguments(p, sn, NULL, &plain, &with, star);
    if (p->error)
        return NULL;
    p->mark = mark;
    plain.n = with.n = 0;
    rp_slashdefault *sw = rp_p_slash_with_default(p, lambda);
    if (sw && rp_p_params_loop(p, rp_p_param_with_default, lambda, 0, &with) &&
        opt_star_etc(p, lambda, &star))
        return make_arguments(p, NULL, sw, NULL, &with, star);
    if (p->error)
        return NULL;
    p->mark = mark;
    with.n = 0;
    if (rp_p_params_loop(p, rp_p_param_no_default, lambda, 1, &plain) &&
        rp_p_params_loop(p, rp_p_param_with_default, lambda, 0, &with) &&
        opt_star_etc(p, lambda, &star))
        return make_arguments(p, NULL, NULL, &plain, &with, star);
    if (p->error)
        return NULL;
    p->mark = mark;
    plain.n = with.n = 0;
    if (rp_p_params_loop(p, rp_p_param_with_default, lambda, 1, &with) &&
        opt_star_etc(p, lambda, &star))
        return make_arguments(p, NULL, NULL, NULL, &with, star);
    if (p->error)
        return NULL;
    p->mark = mark;
    if ((star = star_etc_rule(p, lambda)))
        return make_arguments(p, NULL, NULL, NULL, NULL, star);
    p->mark = mark;
    return NULL;
}

/* params: invalid_parameters | parameters (and the lambda twins) */
static rp_arguments *params(rp_parser *p, bool lambda) {
    if (!rp_p_enter(p))
        return NULL;
    int mark = p->mark;
    rp_arguments *a = NULL;
    if (p->call_invalid_rules) {
        rp_invalid_parameters(p, lambda);
        if (p->error)
            goto out;
        p->mark = mark;
    }
    a = parameters(p, lambda);
out:
    p->level--;
    return p->error ? NULL : a;
}

rp_arguments *rp_p_params(rp_parser *p) {
    return params(p, false);
}

rp_arguments *rp_p_lambda_params(rp_parser *p) {
    return params(p, true);
}
