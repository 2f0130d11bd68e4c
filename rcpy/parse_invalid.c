/*
 * parse_invalid.c — the invalid_* rules of Python 3.11's grammar, tried
 * only in the second pass, which turn common mistakes into CPython's
 * specialised messages ("expected ':'", "cannot assign to literal",
 * "Generator expression must be parenthesized" ...).
 *
 * Each returns NULL. When one of its alternatives matches, its action
 * runs (usually recording an error) and the rule ends there, even if the
 * action decided not to complain: that is how CPython's generated parser
 * treats an action that yields nothing. The caller puts the mark back.
 */
#include "parser.h"

#include <string.h>

/* The location of the last comprehension's last part (its last if, or
 * its iterable). */
static rp_loc last_comprehension_item(rp_vec *gens) {
    rp_comprehension *c = gens->items[gens->n - 1];
    if (c->ifs.n)
        return c->ifs.items[c->ifs.n - 1]->loc;
    return c->iter->loc;
}

/* Is the expression the name print or exec (Python 2 statements)? */
static bool legacy_stmt(const rp_expr *e) {
    if (e->kind != RP_E_NAME)
        return false;
    const char *s = rc_str_utf8(e->v.name.id);
    return strcmp(s, "print") == 0 || strcmp(s, "exec") == 0;
}

/* ['as' NAME] */
static void opt_as(rp_parser *p) {
    int m = p->mark;
    if (!rp_tok_expect(p, RP_KW_AS) || !rp_tok_expect(p, RP_TOK_NAME))
        p->mark = m;
}

/* NEWLINE !INDENT */
static bool newline_no_indent(rp_parser *p) {
    return rp_tok_expect(p, RP_TOK_NEWLINE) && !rp_tok_at(p, RP_TOK_INDENT) &&
           !p->error;
}

static void *indent_error(rp_parser *p, const char *what, int lineno) {
    return rp_perr(p, RP_INDENTATION_ERROR,
                   "expected an indented block after %s on line %d", what,
                   lineno);
}

/* ====================================================================== */
/* Calls                                                                  */
/* ====================================================================== */

/* ((','.positional_arg+ ',' kwargs) | kwargs) ',' '*' */
static bool kwargs_then_star(rp_parser *p, rp_token **star) {
    int mark = p->mark;
    rp_vec v = {0}, kw = {0};
    if (!rp_p_positional_args(p, &v) || !rp_tok_expect(p, RP_TOK_COMMA) ||
        !rp_p_kwargs(p, &kw)) {
        if (p->error)
            return false;
        p->mark = mark;
        kw.n = 0;
        if (!rp_p_kwargs(p, &kw))
            return false;
    }
    return rp_tok_expect(p, RP_TOK_COMMA) &&
           (*star = rp_tok_expect(p, RP_TOK_STAR)) != NULL;
}

/* The generator expressions that should have been parenthesized: 1 when
 * one of the alternatives matched (an error is then recorded, unless
 * CPython's action declines), 0 when none did. */
static int genexp_errors(rp_parser *p, int mark) {
    rp_expr *a;
    rp_token *t, *eq;
    rp_vec gens = {0};
    /* expression for_if_clauses ',' [args | expression for_if_clauses] */
    if ((a = rp_p_expression(p)) && rp_p_for_if_clauses(p, &gens) &&
        rp_tok_expect(p, RP_TOK_COMMA)) {
        int m = p->mark;
        if (!rp_p_args(p)) {
            p->mark = m;
            rp_vec g2 = {0};
            if (!rp_p_expression(p) || !rp_p_for_if_clauses(p, &g2))
                p->mark = m;
        }
        rp_perr_range(p, a->loc, last_comprehension_item(&gens),
                      "Generator expression must be parenthesized");
        return 1;
    }
    p->mark = mark;
    gens.n = 0;
    /* NAME '=' expression for_if_clauses */
    if ((t = rp_tok_expect(p, RP_TOK_NAME)) &&
        (eq = rp_tok_expect(p, RP_TOK_EQUAL)) && rp_p_expression(p) &&
        rp_p_for_if_clauses(p, &gens)) {
        rp_perr_range(p, rp_tok_loc(t), rp_tok_loc(eq),
                      "invalid syntax. Maybe you meant '==' or ':=' instead "
                      "of '='?");
        return 1;
    }
    p->mark = mark;
    gens.n = 0;
    /* args for_if_clauses: only with two or more arguments */
    if ((a = rp_p_args(p)) && rp_p_for_if_clauses(p, &gens)) {
        size_t n = a->v.call.args.n;
        if (n > 1)
            rp_perr_range(p, a->v.call.args.items[n - 1]->loc,
                          last_comprehension_item(&gens),
                          "Generator expression must be parenthesized");
        return 1;
    }
    p->mark = mark;
    gens.n = 0;
    /* args ',' expression for_if_clauses */
    if (rp_p_args(p) && rp_tok_expect(p, RP_TOK_COMMA) &&
        (a = rp_p_expression(p)) && rp_p_for_if_clauses(p, &gens)) {
        rp_perr_range(p, a->loc, last_comprehension_item(&gens),
                      "Generator expression must be parenthesized");
        return 1;
    }
    return 0;
}

/* The errors of argument order and generator expressions in calls. */
void *rp_invalid_arguments(rp_parser *p) {
    int mark = p->mark;
    rp_expr *a;
    rp_token *t;
    /* (positional ',' kwargs | kwargs) ',' '*': CPython 3.11.7 points at
     * the '*' */
    if (kwargs_then_star(p, &t))
        return rp_perr_loc(p, rp_tok_loc(t),
                           "iterable argument unpacking follows keyword "
                           "argument unpacking");
    p->mark = mark;
    if (genexp_errors(p, mark) || p->error)
        return NULL;
    p->mark = mark;
    /* args ',' args */
    if ((a = rp_p_args(p)) && rp_tok_expect(p, RP_TOK_COMMA) && rp_p_args(p)) {
        bool unpacking = false;
        for (size_t i = 0; i < a->v.call.keywords.n; i++)
            if (!a->v.call.keywords.items[i]->arg)
                unpacking = true;
        return rp_perr(p, RP_SYNTAX_ERROR,
                       unpacking ? "positional argument follows keyword "
                                   "argument unpacking"
                                 : "positional argument follows keyword "
                                   "argument");
    }
    return NULL;
}

/* invalid_kwarg: ('True'|'False'|'None') '=' | NAME '=' expression
 * for_if_clauses | !(NAME '=') expression '=' */
void *rp_invalid_kwarg(rp_parser *p) {
    int mark = p->mark;
    rp_token *t = rp_tok_peek(p), *eq;
    if (!t)
        return NULL;
    if ((t->type == RP_KW_TRUE || t->type == RP_KW_FALSE ||
         t->type == RP_KW_NONE)) {
        p->mark++;
        if ((eq = rp_tok_expect(p, RP_TOK_EQUAL)))
            return rp_perr_range(p, rp_tok_loc(t), rp_tok_loc(eq),
                                 "cannot assign to %.*s",
                                 (int)(t->end - t->start), t->start);
    }
    p->mark = mark;
    rp_vec gens = {0};
    if ((t = rp_tok_expect(p, RP_TOK_NAME)) &&
        (eq = rp_tok_expect(p, RP_TOK_EQUAL)) && rp_p_expression(p) &&
        rp_p_for_if_clauses(p, &gens))
        return rp_perr_range(p, rp_tok_loc(t), rp_tok_loc(eq),
                             "invalid syntax. Maybe you meant '==' or ':=' "
                             "instead of '='?");
    p->mark = mark;
    if (rp_tok_expect(p, RP_TOK_NAME) && rp_tok_at(p, RP_TOK_EQUAL))
        return NULL;
    p->mark = mark;
    rp_expr *a;
    if ((a = rp_p_expression(p)) && (eq = rp_tok_expect(p, RP_TOK_EQUAL)))
        return rp_perr_range(p, a->loc, rp_tok_loc(eq),
                             "expression cannot contain assignment, perhaps "
                             "you meant \"==\"?");
    return NULL;
}

/* ====================================================================== */
/* Expressions                                                            */
/* ====================================================================== */

/* invalid_legacy_expression: NAME !'(' star_expressions */
void *rp_invalid_legacy_expression(rp_parser *p) {
    rp_expr *a = rp_p_name(p), *b;
    if (!a || rp_tok_at(p, RP_TOK_LPAR) || !(b = rp_p_star_expressions(p)))
        return NULL;
    if (!legacy_stmt(a))
        return NULL;
    const char *name = rc_str_utf8(a->v.name.id);
    return rp_perr_range(p, a->loc, b->loc,
                         "Missing parentheses in call to '%s'. Did you mean "
                         "%s(...)?",
                         name, name);
}

/* invalid_expression: !(NAME STRING | SOFT_KEYWORD) disjunction
 * expression_without_invalid | disjunction 'if' disjunction
 * !('else'|':') */
void *rp_invalid_expression(rp_parser *p) {
    int mark = p->mark;
    rp_token *t = rp_tok_peek(p);
    if (!t)
        return NULL;
    bool blocked = rp_is_soft_keyword(t);
    if (!blocked && t->type == RP_TOK_NAME) {
        p->mark++;
        blocked = rp_tok_at(p, RP_TOK_STRING);
        p->mark = mark;
    }
    rp_expr *a, *b;
    if (!blocked && (a = rp_p_disjunction(p)) &&
        (b = rp_p_expression_without_invalid(p))) {
        if (legacy_stmt(a) || p->tokens[p->mark - 1]->level == 0)
            return NULL;
        return rp_perr_range(p, a->loc, b->loc,
                             "invalid syntax. Perhaps you forgot a comma?");
    }
    p->mark = mark;
    if ((a = rp_p_disjunction(p)) && rp_tok_expect(p, RP_KW_IF) &&
        (b = rp_p_disjunction(p)) && !rp_tok_at(p, RP_KW_ELSE) &&
        !rp_tok_at(p, RP_TOK_COLON) && !p->error)
        return rp_perr_range(p, a->loc, b->loc,
                             "expected 'else' after 'if' expression");
    return NULL;
}

/* bitwise_or !('='|':=') */
static bool no_assign_follows(rp_parser *p) {
    return !rp_tok_at(p, RP_TOK_EQUAL) && !rp_tok_at(p, RP_TOK_COLONEQUAL) &&
           !p->error;
}

/* invalid_named_expression (memo): expression ':=' expression
 * | NAME '=' bitwise_or !('='|':=')
 * | !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or
 *   !('='|':=') */
static void *invalid_named_expression_(rp_parser *p) {
    int mark = p->mark;
    rp_expr *a, *b;
    rp_token *t;
    if ((a = rp_p_expression(p)) && rp_tok_expect(p, RP_TOK_COLONEQUAL) &&
        rp_p_expression(p))
        return rp_perr_loc(p, a->loc,
                           "cannot use assignment expressions with %s",
                           rp_expr_name(a));
    p->mark = mark;
    if ((t = rp_tok_expect(p, RP_TOK_NAME)) && rp_tok_expect(p, RP_TOK_EQUAL) &&
        (b = rp_p_bitwise_or(p)) && no_assign_follows(p))
        return rp_perr_range(p, rp_tok_loc(t), b->loc,
                             "invalid syntax. Maybe you meant '==' or ':=' "
                             "instead of '='?");
    p->mark = mark;
    bool excluded = false;
    if (rp_p_list(p) || rp_p_tuple(p) || rp_p_genexp(p))
        excluded = true;
    p->mark = mark;
    t = rp_tok_peek(p);
    if (!t || p->error)
        return NULL;
    if (t->type == RP_KW_TRUE || t->type == RP_KW_NONE ||
        t->type == RP_KW_FALSE)
        excluded = true;
    if (!excluded && (a = rp_p_bitwise_or(p)) &&
        rp_tok_expect(p, RP_TOK_EQUAL) && rp_p_bitwise_or(p) &&
        no_assign_follows(p))
        return rp_perr_loc(p, a->loc,
                           "cannot assign to %s here. Maybe you meant '==' "
                           "instead of '='?",
                           rp_expr_name(a));
    return NULL;
}

void *rp_invalid_named_expression(rp_parser *p) {
    if (!rp_p_enter(p))
        return NULL;
    int start = p->mark;
    void *memo;
    int m = rp_memo_get(p, RP_M_INVALID_NAMED_EXPRESSION, &memo);
    if (m == 0) {
        invalid_named_expression_(p);
        rp_memo_put(p, start, RP_M_INVALID_NAMED_EXPRESSION, NULL);
    }
    p->level--;
    return NULL;
}

/* invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target
 * ')' */
static rp_expr *invalid_ann_assign_target(rp_parser *p) {
    if (!rp_p_enter(p))
        return NULL;
    int mark = p->mark;
    rp_expr *a = rp_p_list(p);
    if (!a && !p->error) {
        p->mark = mark;
        a = rp_p_tuple(p);
    }
    if (!a && !p->error) {
        p->mark = mark;
        if (!rp_tok_expect(p, RP_TOK_LPAR) ||
            !(a = invalid_ann_assign_target(p)) ||
            !rp_tok_expect(p, RP_TOK_RPAR))
            a = NULL;
    }
    if (!a)
        p->mark = mark;
    p->level--;
    return p->error ? NULL : a;
}

/* (star_targets '=')* */
static void star_targets_assigns(rp_parser *p) {
    for (;;) {
        int m = p->mark;
        if (!rp_p_star_targets(p) || !rp_tok_expect(p, RP_TOK_EQUAL)) {
            p->mark = m;
            return;
        }
    }
}

/* invalid_assignment: the six mistakes of assignment statements */
void *rp_invalid_assignment(rp_parser *p) {
    int mark = p->mark;
    rp_expr *a;
    if ((a = invalid_ann_assign_target(p)) && rp_tok_expect(p, RP_TOK_COLON) &&
        rp_p_expression(p))
        return rp_perr_loc(p, a->loc,
                           "only single target (not %s) can be annotated",
                           rp_expr_name(a));
    p->mark = mark;
    if ((a = rp_p_star_named_expression(p)) && rp_tok_expect(p, RP_TOK_COMMA)) {
        for (;;) {
            int m = p->mark;
            rp_vec v = {0};
            if (!rp_p_star_named_expressions(p, &v)) {
                p->mark = m;
                break;
            }
        }
        if (rp_tok_expect(p, RP_TOK_COLON) && rp_p_expression(p))
            return rp_perr_loc(p, a->loc,
                               "only single target (not tuple) can be "
                               "annotated");
    }
    p->mark = mark;
    if ((a = rp_p_expression(p)) && rp_tok_expect(p, RP_TOK_COLON) &&
        rp_p_expression(p))
        return rp_perr_loc(p, a->loc, "illegal target for annotation");
    p->mark = mark;
    star_targets_assigns(p);
    if ((a = rp_p_star_expressions(p)) && rp_tok_expect(p, RP_TOK_EQUAL))
        return rp_perr_invalid_target(p, RP_STAR_TARGETS, a);
    p->mark = mark;
    star_targets_assigns(p);
    if ((a = rp_p_yield_expr(p)) && rp_tok_expect(p, RP_TOK_EQUAL))
        return rp_perr_loc(p, a->loc,
                           "assignment to yield expression not possible");
    p->mark = mark;
    rc_binop op;
    if ((a = rp_p_star_expressions(p)) && rp_p_augassign(p, &op)) {
        int m = p->mark;
        if (!rp_p_yield_expr(p)) {
            p->mark = m;
            if (!rp_p_star_expressions(p))
                return NULL;
        }
        return rp_perr_loc(p, a->loc,
                           "'%s' is an illegal expression for augmented "
                           "assignment",
                           rp_expr_name(a));
    }
    return NULL;
}

/* invalid_del_stmt: 'del' star_expressions */
void *rp_invalid_del_stmt(rp_parser *p) {
    rp_expr *a;
    if (rp_tok_expect(p, RP_KW_DEL) && (a = rp_p_star_expressions(p)))
        return rp_perr_invalid_target(p, RP_DEL_TARGETS, a);
    return NULL;
}

/* invalid_block: NEWLINE !INDENT */
void *rp_invalid_block(rp_parser *p) {
    if (newline_no_indent(p))
        return rp_perr(p, RP_INDENTATION_ERROR, "expected an indented block");
    return NULL;
}

/* invalid_comprehension: ('[' | '(' | '{') starred_expression
 * for_if_clauses | ('[' | '{') star_named_expression ','
 * star_named_expressions for_if_clauses | ('[' | '{')
 * star_named_expression ',' for_if_clauses */
void *rp_invalid_comprehension(rp_parser *p) {
    int mark = p->mark;
    rp_token *t = rp_tok_peek(p), *comma;
    if (!t)
        return NULL;
    rp_toktype k = t->type;
    rp_expr *a;
    rp_vec gens = {0}, b = {0};
    if (k != RP_TOK_LSQB && k != RP_TOK_LPAR && k != RP_TOK_LBRACE)
        return NULL;
    p->mark++;
    if ((a = rp_p_starred_expression(p)) && rp_p_for_if_clauses(p, &gens))
        return rp_perr_loc(p, a->loc,
                           "iterable unpacking cannot be used in "
                           "comprehension");
    if (k == RP_TOK_LPAR || p->error)
        return NULL;
    p->mark = mark + 1;
    gens.n = 0;
    if ((a = rp_p_star_named_expression(p)) && rp_tok_expect(p, RP_TOK_COMMA) &&
        rp_p_star_named_expressions(p, &b) && rp_p_for_if_clauses(p, &gens))
        return rp_perr_range(p, a->loc, ((rp_expr *)b.items[b.n - 1])->loc,
                             "did you forget parentheses around the "
                             "comprehension target?");
    p->mark = mark + 1;
    gens.n = 0;
    if ((a = rp_p_star_named_expression(p)) &&
        (comma = rp_tok_expect(p, RP_TOK_COMMA)) &&
        rp_p_for_if_clauses(p, &gens))
        return rp_perr_range(p, a->loc, rp_tok_loc(comma),
                             "did you forget parentheses around the "
                             "comprehension target?");
    return NULL;
}

/* invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}' */
void *rp_invalid_dict_comprehension(rp_parser *p) {
    rp_token *a;
    rp_vec gens = {0};
    if (rp_tok_expect(p, RP_TOK_LBRACE) &&
        (a = rp_tok_expect(p, RP_TOK_DOUBLESTAR)) && rp_p_bitwise_or(p) &&
        rp_p_for_if_clauses(p, &gens) && rp_tok_expect(p, RP_TOK_RBRACE))
        return rp_perr_loc(p, rp_tok_loc(a),
                           "dict unpacking cannot be used in dict "
                           "comprehension");
    return NULL;
}

/* invalid_group: '(' starred_expression ')' | '(' '**' expression ')' */
void *rp_invalid_group(rp_parser *p) {
    int mark = p->mark;
    rp_expr *a;
    rp_token *t;
    if (rp_tok_expect(p, RP_TOK_LPAR) && (a = rp_p_starred_expression(p)) &&
        rp_tok_expect(p, RP_TOK_RPAR))
        return rp_perr_loc(p, a->loc, "cannot use starred expression here");
    p->mark = mark;
    if (rp_tok_expect(p, RP_TOK_LPAR) &&
        (t = rp_tok_expect(p, RP_TOK_DOUBLESTAR)) && rp_p_expression(p) &&
        rp_tok_expect(p, RP_TOK_RPAR))
        return rp_perr_loc(p, rp_tok_loc(t),
                           "cannot use double starred expression here");
    return NULL;
}

/* invalid_double_starred_kvpairs / invalid_kvpair: the dict display
 * mistakes */
static void *kvpair_value_errors(rp_parser *p) {
    int mark = p->mark;
    rp_token *t;
    if (rp_p_expression(p) && rp_tok_expect(p, RP_TOK_COLON) &&
        (t = rp_tok_expect(p, RP_TOK_STAR)) && rp_p_bitwise_or(p))
        return rp_perr_from(p, rp_tok_loc(t),
                            "cannot use a starred expression in a "
                            "dictionary value");
    p->mark = mark;
    if (rp_p_expression(p) && (t = rp_tok_expect(p, RP_TOK_COLON)) &&
        (rp_tok_at(p, RP_TOK_RBRACE) || rp_tok_at(p, RP_TOK_COMMA)))
        return rp_perr_loc(p, rp_tok_loc(t),
                           "expression expected after dictionary key and "
                           "':'");
    return NULL;
}

void *rp_invalid_kvpair(rp_parser *p) {
    int mark = p->mark;
    rp_expr *a = rp_p_expression(p);
    if (a && !rp_tok_at(p, RP_TOK_COLON) && !p->error)
        return rp_perr_at(p, RP_SYNTAX_ERROR, a->loc.lineno,
                          a->loc.end_col_offset - 1, a->loc.end_lineno, -1,
                          "':' expected after dictionary key");
    p->mark = mark;
    return kvpair_value_errors(p);
}

void *rp_invalid_double_starred_kvpairs(rp_parser *p) {
    int mark = p->mark;
    rp_kvpair *kv = rp_p_double_starred_kvpair(p);
    if (kv) {
        for (;;) {
            int m = p->mark;
            if (!rp_tok_expect(p, RP_TOK_COMMA) ||
                !rp_p_double_starred_kvpair(p)) {
                p->mark = m;
                break;
            }
        }
        if (rp_tok_expect(p, RP_TOK_COMMA)) {
            rp_invalid_kvpair(p);
            if (p->error)
                return NULL;
        }
    }
    p->mark = mark;
    return kvpair_value_errors(p);
}

/* ====================================================================== */
/* Parameters                                                             */
/* ====================================================================== */

/* invalid_parameters_helper: slash_with_default | param_with_default+ */
static bool parameters_helper(rp_parser *p, bool lambda) {
    int mark = p->mark;
    if (rp_p_slash_with_default(p, lambda))
        return true;
    p->mark = mark;
    rp_vec v = {0};
    return rp_p_params_loop(p, rp_p_param_with_default, lambda, 1, &v);
}

/* (slash_no_default | slash_with_default) */
static bool any_slash(rp_parser *p, bool lambda) {
    int mark = p->mark;
    if (rp_p_slash_no_default(p, lambda))
        return true;
    p->mark = mark;
    return rp_p_slash_with_default(p, lambda) != NULL;
}

static void maybe_defaults(rp_parser *p, bool lambda) {
    rp_vec v = {0};
    rp_p_params_loop(p, rp_p_param_maybe_default, lambda, 0, &v);
}

static void no_defaults(rp_parser *p, bool lambda) {
    rp_vec v = {0};
    rp_p_params_loop(p, rp_p_param_no_default, lambda, 0, &v);
}

/* (',' | param_no_default) */
static bool comma_or_param(rp_parser *p, bool lambda) {
    if (rp_tok_expect(p, RP_TOK_COMMA))
        return true;
    return rp_p_param_no_default(p, lambda) != NULL;
}

/* param_no_default+ (def) or ','.lambda_param+ (lambda) */
static bool parenthesized_params(rp_parser *p, bool lambda) {
    rp_vec v = {0};
    if (!lambda)
        return rp_p_params_loop(p, rp_p_param_no_default, false, 1, &v);
    if (!rp_p_param(p, true))
        return false;
    for (;;) {
        int m = p->mark;
        if (!rp_tok_expect(p, RP_TOK_COMMA) || !rp_p_param(p, true)) {
            p->mark = m;
            return !p->error;
        }
    }
}

/* invalid_parameters and invalid_lambda_parameters */
void *rp_invalid_parameters(rp_parser *p, bool lambda) {
    int mark = p->mark;
    rp_arg *a;
    rp_token *t, *b;
    no_defaults(p, lambda);
    if (parameters_helper(p, lambda) && (a = rp_p_param_no_default(p, lambda)))
        return rp_perr_loc(p, a->loc,
                           "non-default argument follows default argument");
    p->mark = mark;
    no_defaults(p, lambda);
    if ((t = rp_tok_expect(p, RP_TOK_LPAR)) &&
        parenthesized_params(p, lambda)) {
        rp_tok_expect(p, RP_TOK_COMMA);
        if ((b = rp_tok_expect(p, RP_TOK_RPAR)))
            return rp_perr_range(p, rp_tok_loc(t), rp_tok_loc(b),
                                 lambda ? "Lambda expression parameters "
                                          "cannot be parenthesized"
                                        : "Function parameters cannot be "
                                          "parenthesized");
    }
    p->mark = mark;
    if ((t = rp_tok_expect(p, RP_TOK_SLASH)) && rp_tok_expect(p, RP_TOK_COMMA))
        return rp_perr_loc(p, rp_tok_loc(t),
                           "at least one argument must precede /");
    p->mark = mark;
    if (any_slash(p, lambda)) {
        maybe_defaults(p, lambda);
        if ((t = rp_tok_expect(p, RP_TOK_SLASH)))
            return rp_perr_loc(p, rp_tok_loc(t), "/ may appear only once");
    }
    p->mark = mark;
    if (!any_slash(p, lambda))
        p->mark = mark;
    maybe_defaults(p, lambda);
    if (rp_tok_expect(p, RP_TOK_STAR) && comma_or_param(p, lambda)) {
        maybe_defaults(p, lambda);
        if ((t = rp_tok_expect(p, RP_TOK_SLASH)))
            return rp_perr_loc(p, rp_tok_loc(t), "/ must be ahead of *");
    }
    p->mark = mark;
    rp_vec v = {0};
    if (rp_p_params_loop(p, rp_p_param_maybe_default, lambda, 1, &v) &&
        rp_tok_expect(p, RP_TOK_SLASH) && (t = rp_tok_expect(p, RP_TOK_STAR)))
        return rp_perr_loc(p, rp_tok_loc(t), "expected comma between / and *");
    return NULL;
}

/* invalid_default: '=' &(')'|',') */
void *rp_invalid_default(rp_parser *p) {
    rp_token *a = rp_tok_expect(p, RP_TOK_EQUAL);
    if (a && (rp_tok_at(p, RP_TOK_RPAR) || rp_tok_at(p, RP_TOK_COMMA)))
        return rp_perr_loc(p, rp_tok_loc(a),
                           "expected default value expression");
    return NULL;
}

/* invalid_star_etc and invalid_lambda_star_etc */
void *rp_invalid_star_etc(rp_parser *p, bool lambda) {
    int mark = p->mark;
    rp_toktype close = lambda ? RP_TOK_COLON : RP_TOK_RPAR;
    rp_token *a = rp_tok_expect(p, RP_TOK_STAR), *t;
    if (a) {
        int m = p->mark;
        bool bare = rp_tok_expect(p, close) != NULL;
        if (!bare) {
            p->mark = m;
            bare = rp_tok_expect(p, RP_TOK_COMMA) &&
                   (rp_tok_expect(p, close) ||
                    rp_tok_expect(p, RP_TOK_DOUBLESTAR));
        }
        if (bare) {
            if (lambda)
                return rp_perr(p, RP_SYNTAX_ERROR,
                               "named arguments must follow bare *");
            return rp_perr_loc(p, rp_tok_loc(a),
                               "named arguments must follow bare *");
        }
    }
    p->mark = mark;
    if (rp_tok_expect(p, RP_TOK_STAR) && rp_p_param(p, lambda) &&
        (t = rp_tok_expect(p, RP_TOK_EQUAL)))
        return rp_perr_loc(p, rp_tok_loc(t),
                           "var-positional argument cannot have default "
                           "value");
    p->mark = mark;
    if (rp_tok_expect(p, RP_TOK_STAR) && comma_or_param(p, lambda)) {
        maybe_defaults(p, lambda);
        if ((t = rp_tok_expect(p, RP_TOK_STAR)) && comma_or_param(p, lambda))
            return rp_perr_loc(p, rp_tok_loc(t),
                               "* argument may appear only once");
    }
    return NULL;
}

/* invalid_kwds and invalid_lambda_kwds */
void *rp_invalid_kwds(rp_parser *p, bool lambda) {
    int mark = p->mark;
    rp_token *t;
    rp_arg *a;
    if (rp_tok_expect(p, RP_TOK_DOUBLESTAR) && rp_p_param(p, lambda) &&
        (t = rp_tok_expect(p, RP_TOK_EQUAL)))
        return rp_perr_loc(p, rp_tok_loc(t),
                           "var-keyword argument cannot have default value");
    p->mark = mark;
    if (rp_tok_expect(p, RP_TOK_DOUBLESTAR) && rp_p_param(p, lambda) &&
        rp_tok_expect(p, RP_TOK_COMMA) && (a = rp_p_param(p, lambda)))
        return rp_perr_loc(p, a->loc,
                           "arguments cannot follow var-keyword argument");
    p->mark = mark;
    if (rp_tok_expect(p, RP_TOK_DOUBLESTAR) && rp_p_param(p, lambda) &&
        rp_tok_expect(p, RP_TOK_COMMA) &&
        ((t = rp_tok_expect(p, RP_TOK_STAR)) ||
         (t = rp_tok_expect(p, RP_TOK_DOUBLESTAR)) ||
         (t = rp_tok_expect(p, RP_TOK_SLASH))))
        return rp_perr_loc(p, rp_tok_loc(t),
                           "arguments cannot follow var-keyword argument");
    return NULL;
}

/* ====================================================================== */
/* Statements                                                             */
/* ====================================================================== */

/* invalid_with_item: expression 'as' expression &(',' | ')' | ':') */
void *rp_invalid_with_item(rp_parser *p) {
    rp_expr *a;
    if (rp_p_expression(p) && rp_tok_expect(p, RP_KW_AS) &&
        (a = rp_p_expression(p)) &&
        (rp_tok_at(p, RP_TOK_COMMA) || rp_tok_at(p, RP_TOK_RPAR) ||
         rp_tok_at(p, RP_TOK_COLON)))
        return rp_perr_invalid_target(p, RP_STAR_TARGETS, a);
    return NULL;
}

/* invalid_for_target: ASYNC? 'for' star_expressions */
void *rp_invalid_for_target(rp_parser *p) {
    rp_expr *a;
    rp_tok_expect(p, RP_KW_ASYNC);
    if (rp_tok_expect(p, RP_KW_FOR) && (a = rp_p_star_expressions(p)))
        return rp_perr_invalid_target(p, RP_FOR_TARGETS, a);
    return NULL;
}

/* invalid_import_from_targets: import_from_as_names ',' NEWLINE */
void *rp_invalid_import_from_targets(rp_parser *p) {
    for (;;) {
        if (!rp_tok_expect(p, RP_TOK_NAME))
            return NULL;
        int m = p->mark;
        if (!rp_tok_expect(p, RP_KW_AS) || !rp_tok_expect(p, RP_TOK_NAME))
            p->mark = m;
        m = p->mark;
        if (!rp_tok_expect(p, RP_TOK_COMMA))
            return NULL;
        if (rp_tok_at(p, RP_TOK_NAME))
            continue;
        if (rp_tok_expect(p, RP_TOK_NEWLINE))
            return rp_perr(p, RP_SYNTAX_ERROR,
                           "trailing comma not allowed without surrounding "
                           "parentheses");
        return NULL;
    }
}

/* ','.(expression ['as' star_target])+ (or expressions, in parens) */
static bool with_targets(rp_parser *p, bool parens) {
    bool any = false;
    for (;;) {
        int m = p->mark;
        if (any && !rp_tok_expect(p, RP_TOK_COMMA))
            return true;
        if (!(parens ? rp_p_expressions(p) : rp_p_expression(p))) {
            p->mark = m;
            return any && !p->error;
        }
        int m2 = p->mark;
        if (!rp_tok_expect(p, RP_KW_AS) || !rp_p_star_target(p))
            p->mark = m2;
        any = true;
    }
}

/* [ASYNC] 'with' targets (or '(' targets ','? ')'), up to what follows */
static rp_token *with_header(rp_parser *p, bool parens) {
    rp_tok_expect(p, RP_KW_ASYNC);
    rp_token *a = rp_tok_expect(p, RP_KW_WITH);
    if (!a)
        return NULL;
    if (parens) {
        if (!rp_tok_expect(p, RP_TOK_LPAR) || !with_targets(p, true))
            return NULL;
        rp_tok_expect(p, RP_TOK_COMMA);
        return rp_tok_expect(p, RP_TOK_RPAR) ? a : NULL;
    }
    return with_targets(p, false) ? a : NULL;
}

void *rp_invalid_with_stmt(rp_parser *p) {
    int mark = p->mark;
    for (int parens = 0; parens < 2; parens++) {
        p->mark = mark;
        if (with_header(p, parens) && rp_tok_expect(p, RP_TOK_NEWLINE))
            return rp_perr(p, RP_SYNTAX_ERROR, "expected ':'");
        if (p->error)
            return NULL;
    }
    return NULL;
}

void *rp_invalid_with_stmt_indent(rp_parser *p) {
    int mark = p->mark;
    for (int parens = 0; parens < 2; parens++) {
        p->mark = mark;
        rp_token *a = with_header(p, parens);
        if (a && rp_tok_expect(p, RP_TOK_COLON) && newline_no_indent(p))
            return indent_error(p, "'with' statement", a->lineno);
        if (p->error)
            return NULL;
    }
    return NULL;
}

/* invalid_try_stmt */
void *rp_invalid_try_stmt(rp_parser *p) {
    int mark = p->mark;
    rp_token *a = rp_tok_expect(p, RP_KW_TRY), *b;
    if (a && rp_tok_expect(p, RP_TOK_COLON) && newline_no_indent(p))
        return indent_error(p, "'try' statement", a->lineno);
    p->mark = mark;
    rp_stmt_seq body;
    if (rp_tok_expect(p, RP_KW_TRY) && rp_tok_expect(p, RP_TOK_COLON) &&
        rp_p_block(p, &body) && !rp_tok_at(p, RP_KW_EXCEPT) &&
        !rp_tok_at(p, RP_KW_FINALLY) && !p->error)
        return rp_perr(p, RP_SYNTAX_ERROR,
                       "expected 'except' or 'finally' block");
    p->mark = mark;
    if (rp_tok_expect(p, RP_KW_TRY) && rp_tok_expect(p, RP_TOK_COLON)) {
        int after = p->mark;
        while (rp_p_block(p, &body))
            ;
        int m = p->mark;
        int n = 0;
        while (rp_p_except_block(p))
            n++;
        if (n && (a = rp_tok_expect(p, RP_KW_EXCEPT)) &&
            (b = rp_tok_expect(p, RP_TOK_STAR)) && rp_p_expression(p)) {
            opt_as(p);
            if (rp_tok_expect(p, RP_TOK_COLON))
                return rp_perr_range(p, rp_tok_loc(a), rp_tok_loc(b),
                                     "cannot have both 'except' and "
                                     "'except*' on the same 'try'");
        }
        (void)after;
        (void)m;
    }
    return NULL;
}

/* invalid_except_stmt */
void *rp_invalid_except_stmt(rp_parser *p) {
    int mark = p->mark;
    rp_expr *a;
    if (rp_tok_expect(p, RP_KW_EXCEPT)) {
        rp_tok_expect(p, RP_TOK_STAR);
        if ((a = rp_p_expression(p)) && rp_tok_expect(p, RP_TOK_COMMA) &&
            rp_p_expressions(p)) {
            opt_as(p);
            if (rp_tok_expect(p, RP_TOK_COLON))
                return rp_perr_from(p, a->loc,
                                    "multiple exception types must be "
                                    "parenthesized");
        }
    }
    p->mark = mark;
    if (rp_tok_expect(p, RP_KW_EXCEPT)) {
        rp_tok_expect(p, RP_TOK_STAR);
        if (rp_p_expression(p)) {
            opt_as(p);
            if (rp_tok_expect(p, RP_TOK_NEWLINE))
                return rp_perr(p, RP_SYNTAX_ERROR, "expected ':'");
        }
    }
    p->mark = mark;
    if (rp_tok_expect(p, RP_KW_EXCEPT) && rp_tok_expect(p, RP_TOK_NEWLINE))
        return rp_perr(p, RP_SYNTAX_ERROR, "expected ':'");
    p->mark = mark;
    if (rp_tok_expect(p, RP_KW_EXCEPT) && rp_tok_expect(p, RP_TOK_STAR) &&
        (rp_tok_expect(p, RP_TOK_NEWLINE) || rp_tok_expect(p, RP_TOK_COLON)))
        return rp_perr(p, RP_SYNTAX_ERROR,
                       "expected one or more exception types");
    return NULL;
}

/* invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT */
void *rp_invalid_finally_stmt(rp_parser *p) {
    rp_token *a = rp_tok_expect(p, RP_KW_FINALLY);
    if (a && rp_tok_expect(p, RP_TOK_COLON) && newline_no_indent(p))
        return indent_error(p, "'finally' statement", a->lineno);
    return NULL;
}

/* invalid_except_stmt_indent */
void *rp_invalid_except_stmt_indent(rp_parser *p) {
    int mark = p->mark;
    rp_token *a = rp_tok_expect(p, RP_KW_EXCEPT);
    if (a && rp_p_expression(p)) {
        opt_as(p);
        if (rp_tok_expect(p, RP_TOK_COLON) && newline_no_indent(p))
            return indent_error(p, "'except' statement", a->lineno);
    }
    p->mark = mark;
    a = rp_tok_expect(p, RP_KW_EXCEPT);
    if (a && rp_tok_expect(p, RP_TOK_COLON) && newline_no_indent(p))
        return indent_error(p, "'except' statement", a->lineno);
    return NULL;
}

/* invalid_except_star_stmt_indent */
void *rp_invalid_except_star_stmt_indent(rp_parser *p) {
    rp_token *a = rp_tok_expect(p, RP_KW_EXCEPT);
    if (a && rp_tok_expect(p, RP_TOK_STAR) && rp_p_expression(p)) {
        opt_as(p);
        if (rp_tok_expect(p, RP_TOK_COLON) && newline_no_indent(p))
            return indent_error(p, "'except*' statement", a->lineno);
    }
    return NULL;
}

/* invalid_match_stmt: "match" subject_expr NEWLINE */
void *rp_invalid_match_stmt(rp_parser *p) {
    int mark = p->mark;
    if (!rp_tok_soft(p, "match"))
        return NULL;
    rp_vec v = {0};
    bool subject = false;
    if (rp_p_star_named_expression(p) && rp_tok_expect(p, RP_TOK_COMMA)) {
        int m = p->mark;
        if (!rp_p_star_named_expressions(p, &v))
            p->mark = m;
        subject = true;
    } else {
        p->mark = mark + 1;
        subject = rp_p_named_expression(p) != NULL;
    }
    if (subject && rp_tok_expect(p, RP_TOK_NEWLINE))
        return rp_perr(p, RP_SYNTAX_ERROR, "expected ':'");
    return NULL;
}

/* kw named_expression NEWLINE → "expected ':'";
 * kw named_expression ':' NEWLINE !INDENT → IndentationError (the line is
 * the expression's for if, the keyword's otherwise). */
static void *header_errors(rp_parser *p, rp_toktype kw, const char *what,
                           bool expr_line) {
    int mark = p->mark;
    rp_token *t;
    if (rp_tok_expect(p, kw) && rp_p_named_expression(p) &&
        rp_tok_expect(p, RP_TOK_NEWLINE))
        return rp_perr(p, RP_SYNTAX_ERROR, "expected ':'");
    p->mark = mark;
    rp_expr *a;
    if ((t = rp_tok_expect(p, kw)) && (a = rp_p_named_expression(p)) &&
        rp_tok_expect(p, RP_TOK_COLON) && newline_no_indent(p))
        return indent_error(p, what, expr_line ? a->loc.lineno : t->lineno);
    return NULL;
}

void *rp_invalid_if_stmt(rp_parser *p) {
    return header_errors(p, RP_KW_IF, "'if' statement", true);
}

void *rp_invalid_elif_stmt(rp_parser *p) {
    return header_errors(p, RP_KW_ELIF, "'elif' statement", false);
}

void *rp_invalid_while_stmt(rp_parser *p) {
    return header_errors(p, RP_KW_WHILE, "'while' statement", false);
}

/* invalid_else_stmt: 'else' ':' NEWLINE !INDENT */
void *rp_invalid_else_stmt(rp_parser *p) {
    rp_token *a = rp_tok_expect(p, RP_KW_ELSE);
    if (a && rp_tok_expect(p, RP_TOK_COLON) && newline_no_indent(p))
        return indent_error(p, "'else' statement", a->lineno);
    return NULL;
}

/* invalid_for_stmt: [ASYNC] 'for' star_targets 'in' star_expressions
 * NEWLINE | ... ':' NEWLINE !INDENT */
void *rp_invalid_for_stmt(rp_parser *p) {
    int mark = p->mark;
    for (int k = 0; k < 2; k++) {
        p->mark = mark;
        rp_tok_expect(p, RP_KW_ASYNC);
        rp_token *a = rp_tok_expect(p, RP_KW_FOR);
        if (!a || !rp_p_star_targets(p) || !rp_tok_expect(p, RP_KW_IN) ||
            !rp_p_star_expressions(p))
            continue;
        if (k == 0 && rp_tok_expect(p, RP_TOK_NEWLINE))
            return rp_perr(p, RP_SYNTAX_ERROR, "expected ':'");
        if (k == 1 && rp_tok_expect(p, RP_TOK_COLON) && newline_no_indent(p))
            return indent_error(p, "'for' statement", a->lineno);
    }
    return NULL;
}

/* invalid_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression]
 * ':' NEWLINE !INDENT */
void *rp_invalid_def_raw(rp_parser *p) {
    rp_tok_expect(p, RP_KW_ASYNC);
    rp_token *a = rp_tok_expect(p, RP_KW_DEF);
    if (!a || !rp_tok_expect(p, RP_TOK_NAME) || !rp_tok_expect(p, RP_TOK_LPAR))
        return NULL;
    int m = p->mark;
    if (!rp_p_params(p))
        p->mark = m;
    if (!rp_tok_expect(p, RP_TOK_RPAR))
        return NULL;
    m = p->mark;
    if (!rp_tok_expect(p, RP_TOK_RARROW) || !rp_p_expression(p))
        p->mark = m;
    if (rp_tok_expect(p, RP_TOK_COLON) && newline_no_indent(p))
        return indent_error(p, "function definition", a->lineno);
    return NULL;
}

/* invalid_class_def_raw: 'class' NAME ['(' [arguments] ')'] NEWLINE
 * | ... ':' NEWLINE !INDENT */
void *rp_invalid_class_def_raw(rp_parser *p) {
    int mark = p->mark;
    for (int k = 0; k < 2; k++) {
        p->mark = mark;
        rp_token *a = rp_tok_expect(p, RP_KW_CLASS);
        if (!a || !rp_tok_expect(p, RP_TOK_NAME))
            return NULL;
        int m = p->mark;
        if (rp_tok_expect(p, RP_TOK_LPAR)) {
            int m2 = p->mark;
            if (!rp_p_arguments(p))
                p->mark = m2;
            if (!rp_tok_expect(p, RP_TOK_RPAR))
                p->mark = m;
        }
        if (k == 0 && rp_tok_expect(p, RP_TOK_NEWLINE))
            return rp_perr(p, RP_SYNTAX_ERROR, "expected ':'");
        if (k == 1 && rp_tok_expect(p, RP_TOK_COLON) && newline_no_indent(p))
            return indent_error(p, "class definition", a->lineno);
        if (p->error)
            return NULL;
    }
    return NULL;
}
