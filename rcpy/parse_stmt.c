/*
 * parse_stmt.c — the statement rules of Python 3.11's grammar: simple
 * statements (assignments, import, del, raise ...), blocks, and the
 * compound statements (def, class, if, while, for, with, try).
 *
 * async statements, except* and match parse far enough to be recognised
 * and are then refused with a clear SyntaxError ("... is not supported by
 * rcpy"). Invariant: a rule that fails leaves the mark where it found it.
 */
#include "parser.h"

#include <string.h>

static rp_stmt *compound_stmt(rp_parser *p);
static rp_stmt *simple_stmt(rp_parser *p);

static bool not_supported(rp_parser *p, rp_token *t, const char *what) {
    rp_perr_loc(p, rp_tok_loc(t), "%s not supported by rcpy", what);
    return false;
}

/* ====================================================================== */
/* Statement lists                                                        */
/* ====================================================================== */

/* statement: compound_stmt | simple_stmts (appended to out) */
static bool statement(rp_parser *p, rp_vec *out) {
    int mark = p->mark;
    rp_stmt *s = compound_stmt(p);
    if (s)
        return rp_vec_push(p, out, s);
    if (p->error)
        return false;
    p->mark = mark;
    size_t n = out->n;
    if (rp_p_simple_stmts(p, out))
        return true;
    out->n = n;
    p->mark = mark;
    return false;
}

/* statements: statement+ */
bool rp_p_statements(rp_parser *p, rp_vec *out) {
    size_t n0 = out->n;
    for (;;) {
        int m = p->mark;
        if (!statement(p, out)) {
            p->mark = m;
            break;
        }
    }
    return !p->error && out->n > n0;
}

/* simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
bool rp_p_simple_stmts(rp_parser *p, rp_vec *out) {
    if (!rp_p_enter(p))
        return false;
    int mark = p->mark;
    size_t n0 = out->n;
    bool ok = false;
    rp_stmt *s = simple_stmt(p);
    if (s && !rp_tok_at(p, RP_TOK_SEMI) && rp_tok_expect(p, RP_TOK_NEWLINE)) {
        ok = rp_vec_push(p, out, s);
        goto done;
    }
    if (p->error)
        goto done;
    p->mark = mark;
    if (!(s = simple_stmt(p)) || !rp_vec_push(p, out, s))
        goto fail;
    for (;;) {
        int m = p->mark;
        if (!rp_tok_expect(p, RP_TOK_SEMI) || !(s = simple_stmt(p))) {
            if (p->error)
                goto done;
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, out, s))
            goto done;
    }
    rp_tok_expect(p, RP_TOK_SEMI);
    if (rp_tok_expect(p, RP_TOK_NEWLINE)) {
        ok = true;
        goto done;
    }
fail:
    out->n = n0;
    p->mark = mark;
done:
    p->level--;
    return ok && !p->error;
}

/* block (memo): NEWLINE INDENT statements DEDENT | simple_stmts
 * | invalid_block */
RP_MEMO_RULE(rp_stmt_seq *, block, RP_M_BLOCK) {
    int mark = p->mark;
    rp_vec v = {0};
    rp_stmt_seq *seq = rp_palloc(p, sizeof *seq);
    if (!seq)
        return NULL;
    if (rp_tok_expect(p, RP_TOK_NEWLINE) && rp_tok_expect(p, RP_TOK_INDENT) &&
        rp_p_statements(p, &v) && rp_tok_expect(p, RP_TOK_DEDENT))
        return rp_vec_finish(p, &v, seq) ? seq : NULL;
    if (p->error)
        return NULL;
    p->mark = mark;
    v.n = 0;
    if (rp_p_simple_stmts(p, &v))
        return rp_vec_finish(p, &v, seq) ? seq : NULL;
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_block(p);
    p->mark = mark;
    return NULL;
}

bool rp_p_block(rp_parser *p, rp_stmt_seq *out) {
    rp_stmt_seq *s = block(p);
    if (s)
        *out = *s;
    return s != NULL;
}

/* ====================================================================== */
/* Assignments                                                            */
/* ====================================================================== */

/* annotated_rhs: yield_expr | star_expressions */
static rp_expr *annotated_rhs(rp_parser *p) {
    int mark = p->mark;
    rp_expr *e = rp_p_yield_expr(p);
    if (e || p->error)
        return e;
    p->mark = mark;
    return rp_p_star_expressions(p);
}

/* ':' expression ['=' annotated_rhs] after an annotation target. */
static rp_stmt *annotation(rp_parser *p, int mark, rp_expr *target,
                           bool simple) {
    rp_expr *ann, *value = NULL;
    if (!target || !rp_tok_expect(p, RP_TOK_COLON) ||
        !(ann = rp_p_expression(p)))
        return NULL;
    int m = p->mark;
    if (!rp_tok_expect(p, RP_TOK_EQUAL) || !(value = annotated_rhs(p))) {
        if (p->error)
            return NULL;
        p->mark = m;
        value = NULL;
    }
    rp_stmt *s = rp_mk_stmt(p, RP_S_ANNASSIGN, rp_p_loc(p, mark));
    if (s) {
        s->v.annassign.target = target;
        s->v.annassign.annotation = ann;
        s->v.annassign.value = value;
        s->v.annassign.simple = simple;
    }
    return s;
}

/* augassign: '+=' | '-=' | ... | '//=' */
static bool augassign(rp_parser *p, rc_binop *op) {
    static const struct {
        rp_toktype t;
        rc_binop op;
    } ops[] = {
        {RP_TOK_PLUSEQUAL, RC_OP_ADD},
        {RP_TOK_MINEQUAL, RC_OP_SUB},
        {RP_TOK_STAREQUAL, RC_OP_MUL},
        {RP_TOK_ATEQUAL, RC_OP_MATMUL},
        {RP_TOK_SLASHEQUAL, RC_OP_TRUEDIV},
        {RP_TOK_PERCENTEQUAL, RC_OP_MOD},
        {RP_TOK_AMPEREQUAL, RC_OP_AND},
        {RP_TOK_VBAREQUAL, RC_OP_OR},
        {RP_TOK_CIRCUMFLEXEQUAL, RC_OP_XOR},
        {RP_TOK_LEFTSHIFTEQUAL, RC_OP_LSHIFT},
        {RP_TOK_RIGHTSHIFTEQUAL, RC_OP_RSHIFT},
        {RP_TOK_DOUBLESTAREQUAL, RC_OP_POW},
        {RP_TOK_DOUBLESLASHEQUAL, RC_OP_FLOORDIV},
    };
    rp_token *t = rp_tok_peek(p);
    if (!t)
        return false;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (t->type == ops[i].t) {
            p->mark++;
            *op = ops[i].op;
            return true;
        }
    }
    return false;
}

bool rp_p_augassign(rp_parser *p, rc_binop *op) {
    return augassign(p, op);
}

/* (yield_expr | star_expressions) */
static rp_expr *yield_or_star_expressions(rp_parser *p) {
    return annotated_rhs(p);
}

/* (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
 * → Assign */
static rp_stmt *plain_assignment(rp_parser *p, int mark) {
    rp_vec targets = {0};
    for (;;) {
        int m = p->mark;
        rp_expr *z = rp_p_star_targets(p);
        if (!z || !rp_tok_expect(p, RP_TOK_EQUAL)) {
            if (p->error)
                return NULL;
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, &targets, z))
            return NULL;
    }
    if (!targets.n)
        return NULL;
    rp_expr *b = yield_or_star_expressions(p);
    if (!b || rp_tok_at(p, RP_TOK_EQUAL))
        return NULL;
    rp_tok_peek(p); /* TYPE_COMMENT? */
    rp_stmt *s = rp_mk_stmt(p, RP_S_ASSIGN, rp_p_loc(p, mark));
    if (!s || !rp_vec_finish(p, &targets, &s->v.assign.targets))
        return NULL;
    s->v.assign.value = b;
    return s;
}

/* assignment: NAME ':' expression ['=' annotated_rhs]
 * | ('(' single_target ')' | single_subscript_attribute_target) ':'
 *   expression ['=' annotated_rhs]
 * | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TC]
 * | single_target augassign ~ (yield_expr | star_expressions)
 * | invalid_assignment */
RP_RULE(rp_stmt *, assignment) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_expr *a = rp_p_name(p);
    rp_stmt *s;
    if (a && (s = annotation(p, mark, rp_set_ctx(p, a, RP_STORE), true)))
        return s;
    if (p->error)
        return NULL;
    p->mark = mark;
    if (rp_tok_expect(p, RP_TOK_LPAR) && (a = rp_p_single_target(p)) &&
        rp_tok_expect(p, RP_TOK_RPAR)) {
        if ((s = annotation(p, mark, a, false)))
            return s;
    } else if (!p->error) {
        p->mark = mark;
        a = rp_p_single_subscript_attribute_target(p);
        if (a && (s = annotation(p, mark, a, false)))
            return s;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    if ((s = plain_assignment(p, mark)))
        return s;
    if (p->error)
        return NULL;
    p->mark = mark;
    rc_binop op;
    if ((a = rp_p_single_target(p)) && augassign(p, &op)) {
        rp_expr *c = yield_or_star_expressions(p);
        if (!c)
            return NULL; /* the cut */
        s = rp_mk_stmt(p, RP_S_AUGASSIGN, rp_p_loc(p, mark));
        if (s) {
            s->v.augassign.target = a;
            s->v.augassign.op = op;
            s->v.augassign.value = c;
        }
        return s;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_assignment(p);
    p->mark = mark;
    return NULL;
}

/* ====================================================================== */
/* Simple statements                                                      */
/* ====================================================================== */

static rp_stmt *stmt_expr(rp_parser *p, rp_stmt_kind kind, int mark,
                          rp_expr *value) {
    rp_stmt *s = rp_mk_stmt(p, kind, rp_p_loc(p, mark));
    if (s)
        s->v.expr.value = value; /* Expr and Return share the layout */
    return s;
}

/* return_stmt: 'return' [star_expressions] */
static rp_stmt *return_stmt(rp_parser *p, int mark) {
    p->mark++;
    int m = p->mark;
    rp_expr *a = rp_p_star_expressions(p);
    if (!a)
        p->mark = m;
    rp_stmt *s = rp_mk_stmt(p, RP_S_RETURN, rp_p_loc(p, mark));
    if (s)
        s->v.return_.value = a;
    return s;
}

/* raise_stmt: 'raise' expression ['from' expression] | 'raise' */
static rp_stmt *raise_stmt(rp_parser *p, int mark) {
    p->mark++;
    int m = p->mark;
    rp_expr *a = rp_p_expression(p), *b = NULL;
    if (a) {
        int m2 = p->mark;
        if (!rp_tok_expect(p, RP_KW_FROM) || !(b = rp_p_expression(p))) {
            if (p->error)
                return NULL;
            p->mark = m2;
            b = NULL;
        }
    } else {
        if (p->error)
            return NULL;
        p->mark = m;
    }
    rp_stmt *s = rp_mk_stmt(p, RP_S_RAISE, rp_p_loc(p, mark));
    if (s) {
        s->v.raise.exc = a;
        s->v.raise.cause = b;
    }
    return s;
}

/* global_stmt / nonlocal_stmt: kw ','.NAME+ */
static rp_stmt *names_stmt(rp_parser *p, int mark, rp_stmt_kind kind) {
    p->mark++;
    rp_vec v = {0};
    if (!rp_p_gather(p, rp_p_name, &v)) {
        p->mark = mark;
        return NULL;
    }
    for (size_t i = 0; i < v.n; i++)
        v.items[i] = ((rp_expr *)v.items[i])->v.name.id;
    rp_stmt *s = rp_mk_stmt(p, kind, rp_p_loc(p, mark));
    if (!s || !rp_vec_finish(p, &v, &s->v.global.names))
        return NULL;
    return s;
}

/* del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt */
static rp_stmt *del_stmt(rp_parser *p, int mark) {
    rp_vec v = {0};
    p->mark++;
    if (rp_p_del_targets(p, &v) &&
        (rp_tok_at(p, RP_TOK_SEMI) || rp_tok_at(p, RP_TOK_NEWLINE))) {
        rp_stmt *s = rp_mk_stmt(p, RP_S_DELETE, rp_p_loc(p, mark));
        if (!s || !rp_vec_finish(p, &v, &s->v.delete_.targets))
            return NULL;
        return s;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_del_stmt(p);
    p->mark = mark;
    return NULL;
}

/* assert_stmt: 'assert' expression [',' expression] */
static rp_stmt *assert_stmt(rp_parser *p, int mark) {
    p->mark++;
    rp_expr *a = rp_p_expression(p), *b = NULL;
    if (!a) {
        p->mark = mark;
        return NULL;
    }
    int m = p->mark;
    if (!rp_tok_expect(p, RP_TOK_COMMA) || !(b = rp_p_expression(p))) {
        if (p->error)
            return NULL;
        p->mark = m;
        b = NULL;
    }
    rp_stmt *s = rp_mk_stmt(p, RP_S_ASSERT, rp_p_loc(p, mark));
    if (s) {
        s->v.assert_.test = a;
        s->v.assert_.msg = b;
    }
    return s;
}

rp_stmt *rp_p_import_stmt(rp_parser *p);

/* simple_stmt (memo): assignment | star_expressions | &'return' return_stmt
 * | &('import' | 'from') import_stmt | &'raise' raise_stmt | 'pass'
 * | &'del' del_stmt | &'yield' yield_stmt | &'assert' assert_stmt
 * | 'break' | 'continue' | &'global' global_stmt
 * | &'nonlocal' nonlocal_stmt */
RP_MEMO_RULE(rp_stmt *, simple_stmt, RP_M_SIMPLE_STMT) {
    int mark = p->mark;
    rp_stmt *s = assignment(p);
    if (s || p->error)
        return s;
    p->mark = mark;
    rp_expr *e = rp_p_star_expressions(p);
    if (e)
        return stmt_expr(p, RP_S_EXPR, mark, e);
    if (p->error)
        return NULL;
    p->mark = mark;
    rp_token *t = rp_tok_peek(p);
    if (!t)
        return NULL;
    switch (t->type) {
    case RP_KW_RETURN:
        return return_stmt(p, mark);
    case RP_KW_IMPORT:
    case RP_KW_FROM:
        return rp_p_import_stmt(p);
    case RP_KW_RAISE:
        return raise_stmt(p, mark);
    case RP_KW_PASS:
    case RP_KW_BREAK:
    case RP_KW_CONTINUE:
        p->mark++;
        return rp_mk_stmt(p,
                          t->type == RP_KW_PASS    ? RP_S_PASS
                          : t->type == RP_KW_BREAK ? RP_S_BREAK
                                                   : RP_S_CONTINUE,
                          rp_tok_loc(t));
    case RP_KW_DEL:
        return del_stmt(p, mark);
    case RP_KW_YIELD:
        if ((e = rp_p_yield_expr(p)))
            return stmt_expr(p, RP_S_EXPR, mark, e);
        return NULL;
    case RP_KW_ASSERT:
        return assert_stmt(p, mark);
    case RP_KW_GLOBAL:
        return names_stmt(p, mark, RP_S_GLOBAL);
    case RP_KW_NONLOCAL:
        return names_stmt(p, mark, RP_S_NONLOCAL);
    default:
        return NULL;
    }
}

/* ====================================================================== */
/* Compound statements                                                    */
/* ====================================================================== */

/* decorators: ('@' named_expression NEWLINE)+ */
static bool decorators(rp_parser *p, rp_vec *out) {
    for (;;) {
        int m = p->mark;
        rp_expr *f;
        if (!rp_tok_expect(p, RP_TOK_AT) || !(f = rp_p_named_expression(p)) ||
            !rp_tok_expect(p, RP_TOK_NEWLINE)) {
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, out, f))
            return false;
    }
    return !p->error && out->n > 0;
}

/* The [TYPE_COMMENT] of a def: NEWLINE TYPE_COMMENT &(NEWLINE INDENT)
 * | TYPE_COMMENT — never present, but reading for it reads tokens. */
static void func_type_comment(rp_parser *p) {
    int m = p->mark;
    if (rp_tok_expect(p, RP_TOK_NEWLINE))
        rp_tok_peek(p);
    p->mark = m;
}

/* function_def_raw: invalid_def_raw | 'def' NAME &&'(' [params] ')'
 * ['->' expression] &&':' [func_type_comment] block | ASYNC 'def' ... */
RP_RULE(rp_stmt *, function_def_raw) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_def_raw(p);
        if (p->error)
            return NULL;
        p->mark = mark;
    }
    rp_token *n;
    if (rp_tok_expect(p, RP_KW_DEF) && (n = rp_tok_expect(p, RP_TOK_NAME)) &&
        rp_tok_forced(p, RP_TOK_LPAR, "(")) {
        int m = p->mark;
        rp_arguments *params = rp_p_params(p);
        if (!params) {
            if (p->error)
                return NULL;
            p->mark = m;
        }
        if (!rp_tok_expect(p, RP_TOK_RPAR))
            goto fail;
        m = p->mark;
        rp_expr *returns = NULL;
        if (!rp_tok_expect(p, RP_TOK_RARROW) ||
            !(returns = rp_p_expression(p))) {
            if (p->error)
                return NULL;
            p->mark = m;
            returns = NULL;
        }
        if (!rp_tok_forced(p, RP_TOK_COLON, ":"))
            return NULL;
        func_type_comment(p);
        rp_stmt_seq *body = block(p);
        if (!body)
            goto fail;
        if (!params && !(params = rp_empty_arguments(p)))
            return NULL;
        rp_stmt *s = rp_mk_stmt(p, RP_S_FUNCTIONDEF, rp_p_loc(p, mark));
        if (!s || !(s->v.functiondef.name = rp_token_ident(p, n)))
            return NULL;
        s->v.functiondef.args = params;
        s->v.functiondef.body = *body;
        s->v.functiondef.returns = returns;
        return s;
    }
fail:
    if (p->error)
        return NULL;
    p->mark = mark;
    rp_token *t = rp_tok_expect(p, RP_KW_ASYNC);
    if (t && rp_tok_expect(p, RP_KW_DEF))
        not_supported(p, t, "async/await is");
    p->mark = mark;
    return NULL;
}

/* class_def_raw: invalid_class_def_raw
 * | 'class' NAME ['(' [arguments] ')'] ':' block */
RP_RULE(rp_stmt *, class_def_raw) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_class_def_raw(p);
        if (p->error)
            return NULL;
        p->mark = mark;
    }
    rp_token *n;
    if (!rp_tok_expect(p, RP_KW_CLASS) || !(n = rp_tok_expect(p, RP_TOK_NAME)))
        goto fail;
    int m = p->mark;
    rp_expr *args = NULL;
    bool parens = false;
    if (rp_tok_expect(p, RP_TOK_LPAR)) {
        int m2 = p->mark;
        if (!(args = rp_p_arguments(p))) {
            if (p->error)
                return NULL;
            p->mark = m2;
        }
        parens = rp_tok_expect(p, RP_TOK_RPAR) != NULL;
    }
    if (!parens) {
        if (p->error)
            return NULL;
        p->mark = m;
        args = NULL;
    }
    rp_stmt_seq *body;
    if (!rp_tok_expect(p, RP_TOK_COLON) || !(body = block(p)))
        goto fail;
    rp_stmt *s = rp_mk_stmt(p, RP_S_CLASSDEF, rp_p_loc(p, mark));
    if (!s || !(s->v.classdef.name = rp_token_ident(p, n)))
        return NULL;
    if (args) {
        s->v.classdef.bases = args->v.call.args;
        s->v.classdef.keywords = args->v.call.keywords;
    }
    s->v.classdef.body = *body;
    return s;
fail:
    p->mark = mark;
    return NULL;
}

/* function_def: decorators function_def_raw | function_def_raw, and
 * class_def likewise */
static rp_stmt *decorated(rp_parser *p, rp_stmt *(*raw)(rp_parser *)) {
    int mark = p->mark;
    rp_vec d = {0};
    rp_stmt *s;
    if (decorators(p, &d) && (s = raw(p))) {
        rp_expr_seq *list = s->kind == RP_S_FUNCTIONDEF
                                ? &s->v.functiondef.decorator_list
                                : &s->v.classdef.decorator_list;
        return rp_vec_finish(p, &d, list) ? s : NULL;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    return raw(p);
}

/* else_block: invalid_else_stmt | 'else' &&':' block */
static bool else_block(rp_parser *p, rp_stmt_seq *out) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_else_stmt(p);
        if (p->error)
            return false;
        p->mark = mark;
    }
    if (rp_tok_expect(p, RP_KW_ELSE) && rp_tok_forced(p, RP_TOK_COLON, ":") &&
        rp_p_block(p, out))
        return true;
    p->mark = mark;
    return false;
}

/* [else_block] */
static bool opt_else(rp_parser *p, rp_stmt_seq *out) {
    int m = p->mark;
    if (!else_block(p, out)) {
        p->mark = m;
        out->n = 0;
    }
    return !p->error;
}

/* if_stmt / elif_stmt: invalid_(el)if_stmt
 * | kw named_expression ':' block elif_stmt
 * | kw named_expression ':' block [else_block] */
static rp_stmt *if_rule(rp_parser *p, rp_toktype kw) {
    if (!rp_p_enter(p))
        return NULL;
    int mark = p->mark;
    rp_stmt *s = NULL;
    if (p->call_invalid_rules) {
        if (kw == RP_KW_IF)
            rp_invalid_if_stmt(p);
        else
            rp_invalid_elif_stmt(p);
        if (p->error)
            goto out;
        p->mark = mark;
    }
    rp_expr *a;
    rp_stmt_seq body;
    if (!rp_tok_expect(p, kw) || !(a = rp_p_named_expression(p)) ||
        !rp_tok_expect(p, RP_TOK_COLON) || !rp_p_block(p, &body)) {
        p->mark = mark;
        goto out;
    }
    int m = p->mark;
    rp_stmt_seq orelse = {0};
    rp_stmt *elif = if_rule(p, RP_KW_ELIF);
    if (elif) {
        orelse.items = rp_palloc(p, sizeof(rp_stmt *));
        if (!orelse.items)
            goto out;
        orelse.n = 1;
        orelse.items[0] = elif;
    } else {
        if (p->error)
            goto out;
        p->mark = m;
        if (!opt_else(p, &orelse))
            goto out;
    }
    s = rp_mk_stmt(p, RP_S_IF, rp_p_loc(p, mark));
    if (s) {
        s->v.if_.test = a;
        s->v.if_.body = body;
        s->v.if_.orelse = orelse;
    }
out:
    p->level--;
    return p->error ? NULL : s;
}

/* while_stmt: invalid_while_stmt
 * | 'while' named_expression ':' block [else_block] */
RP_RULE(rp_stmt *, while_stmt) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_while_stmt(p);
        if (p->error)
            return NULL;
        p->mark = mark;
    }
    rp_expr *a;
    rp_stmt_seq body, orelse;
    if (!rp_tok_expect(p, RP_KW_WHILE) || !(a = rp_p_named_expression(p)) ||
        !rp_tok_expect(p, RP_TOK_COLON) || !rp_p_block(p, &body) ||
        !opt_else(p, &orelse)) {
        p->mark = mark;
        return NULL;
    }
    rp_stmt *s = rp_mk_stmt(p, RP_S_WHILE, rp_p_loc(p, mark));
    if (s) {
        s->v.while_.test = a;
        s->v.while_.body = body;
        s->v.while_.orelse = orelse;
    }
    return s;
}

/* for_stmt: invalid_for_stmt | 'for' star_targets 'in' ~ star_expressions
 * ':' [TYPE_COMMENT] block [else_block] | ASYNC 'for' ...
 * | invalid_for_target */
RP_RULE(rp_stmt *, for_stmt) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_for_stmt(p);
        if (p->error)
            return NULL;
        p->mark = mark;
    }
    rp_expr *t;
    if (rp_tok_expect(p, RP_KW_FOR) && (t = rp_p_star_targets(p)) &&
        rp_tok_expect(p, RP_KW_IN)) {
        rp_expr *ex;
        rp_stmt_seq body, orelse;
        if (!(ex = rp_p_star_expressions(p)) || !rp_tok_expect(p, RP_TOK_COLON))
            return NULL; /* the cut */
        rp_tok_peek(p);  /* TYPE_COMMENT? */
        if (!rp_p_block(p, &body) || !opt_else(p, &orelse))
            return NULL;
        rp_stmt *s = rp_mk_stmt(p, RP_S_FOR, rp_p_loc(p, mark));
        if (s) {
            s->v.for_.target = t;
            s->v.for_.iter = ex;
            s->v.for_.body = body;
            s->v.for_.orelse = orelse;
        }
        return s;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    rp_token *a = rp_tok_expect(p, RP_KW_ASYNC);
    if (a && rp_tok_expect(p, RP_KW_FOR))
        return not_supported(p, a, "async/await is"), NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_for_target(p);
    p->mark = mark;
    return NULL;
}

/* with_item: expression 'as' star_target &(',' | ')' | ':')
 * | invalid_with_item | expression */
static rp_withitem *with_item(rp_parser *p) {
    int mark = p->mark;
    rp_expr *e = rp_p_expression(p), *t = NULL;
    if (e && rp_tok_expect(p, RP_KW_AS) && (t = rp_p_star_target(p))) {
        rp_token *next = rp_tok_peek(p);
        if (!next || (next->type != RP_TOK_COMMA && next->type != RP_TOK_RPAR &&
                      next->type != RP_TOK_COLON))
            t = NULL;
    } else {
        t = NULL;
    }
    if (p->error)
        return NULL;
    if (!t) {
        p->mark = mark;
        if (p->call_invalid_rules) {
            rp_invalid_with_item(p);
            if (p->error)
                return NULL;
            p->mark = mark;
        }
        if (!(e = rp_p_expression(p)))
            return NULL;
    }
    rp_withitem *w = rp_palloc(p, sizeof *w);
    if (w) {
        w->context_expr = e;
        w->optional_vars = t;
    }
    return w;
}

/* ','.with_item+ */
static bool with_items(rp_parser *p, rp_vec *out) {
    rp_withitem *w = with_item(p);
    if (!w || !rp_vec_push(p, out, w))
        return false;
    for (;;) {
        int m = p->mark;
        if (!rp_tok_expect(p, RP_TOK_COMMA) || !(w = with_item(p))) {
            if (p->error)
                return false;
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, out, w))
            return false;
    }
    return true;
}

static rp_stmt *mk_with(rp_parser *p, int mark, rp_vec *items,
                        rp_stmt_seq *body) {
    rp_stmt *s = rp_mk_stmt(p, RP_S_WITH, rp_p_loc(p, mark));
    if (!s || !rp_vec_finish(p, items, &s->v.with.items))
        return NULL;
    s->v.with.body = *body;
    return s;
}

/* with_stmt: invalid_with_stmt_indent
 * | 'with' '(' ','.with_item+ ','? ')' ':' block
 * | 'with' ','.with_item+ ':' [TYPE_COMMENT] block | ASYNC ...
 * | invalid_with_stmt */
RP_RULE(rp_stmt *, with_stmt) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_with_stmt_indent(p);
        if (p->error)
            return NULL;
        p->mark = mark;
    }
    rp_vec items = {0};
    rp_stmt_seq body;
    if (rp_tok_expect(p, RP_KW_WITH) && rp_tok_expect(p, RP_TOK_LPAR) &&
        with_items(p, &items)) {
        rp_tok_expect(p, RP_TOK_COMMA);
        if (rp_tok_expect(p, RP_TOK_RPAR) && rp_tok_expect(p, RP_TOK_COLON) &&
            rp_p_block(p, &body))
            return mk_with(p, mark, &items, &body);
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    items.n = 0;
    if (rp_tok_expect(p, RP_KW_WITH) && with_items(p, &items) &&
        rp_tok_expect(p, RP_TOK_COLON)) {
        rp_tok_peek(p); /* TYPE_COMMENT? */
        if (rp_p_block(p, &body))
            return mk_with(p, mark, &items, &body);
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    rp_token *a = rp_tok_expect(p, RP_KW_ASYNC);
    if (a && rp_tok_expect(p, RP_KW_WITH))
        return not_supported(p, a, "async/await is"), NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_with_stmt(p);
    p->mark = mark;
    return NULL;
}

/* finally_block: invalid_finally_stmt | 'finally' &&':' block */
static bool finally_block(rp_parser *p, rp_stmt_seq *out) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_finally_stmt(p);
        if (p->error)
            return false;
        p->mark = mark;
    }
    if (rp_tok_expect(p, RP_KW_FINALLY) &&
        rp_tok_forced(p, RP_TOK_COLON, ":") && rp_p_block(p, out))
        return true;
    p->mark = mark;
    return false;
}

/* except_block: invalid_except_stmt_indent
 * | 'except' expression ['as' NAME] ':' block | 'except' ':' block
 * | invalid_except_stmt */
RP_RULE(rp_excepthandler *, except_block) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_except_stmt_indent(p);
        if (p->error)
            return NULL;
        p->mark = mark;
    }
    rp_expr *e = NULL;
    rp_token *name = NULL;
    rp_stmt_seq body;
    if (rp_tok_expect(p, RP_KW_EXCEPT) && (e = rp_p_expression(p))) {
        int m = p->mark;
        if (!rp_tok_expect(p, RP_KW_AS) ||
            !(name = rp_tok_expect(p, RP_TOK_NAME))) {
            p->mark = m;
            name = NULL;
        }
        if (rp_tok_expect(p, RP_TOK_COLON) && rp_p_block(p, &body))
            goto make;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    e = NULL;
    name = NULL;
    if (rp_tok_expect(p, RP_KW_EXCEPT) && rp_tok_expect(p, RP_TOK_COLON) &&
        rp_p_block(p, &body))
        goto make;
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_except_stmt(p);
    p->mark = mark;
    return NULL;
make:;
    rp_excepthandler *h = rp_palloc(p, sizeof *h);
    if (!h)
        return NULL;
    h->type = e;
    if (name && !(h->name = rp_token_ident(p, name)))
        return NULL;
    h->body = body;
    h->loc = rp_p_loc(p, mark);
    return h;
}

rp_excepthandler *rp_p_except_block(rp_parser *p) {
    return except_block(p);
}

/* except_star_block: invalid_except_star_stmt_indent
 * | 'except' '*' expression ['as' NAME] ':' block | invalid_except_stmt */
static bool except_star_block(rp_parser *p) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_except_star_stmt_indent(p);
        if (p->error)
            return false;
        p->mark = mark;
    }
    rp_token *t = rp_tok_expect(p, RP_KW_EXCEPT);
    if (t && rp_tok_expect(p, RP_TOK_STAR) && rp_p_expression(p))
        return not_supported(p, t, "exception groups (except*) are");
    if (p->error)
        return false;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_except_stmt(p);
    p->mark = mark;
    return false;
}

/* try_stmt: invalid_try_stmt | 'try' &&':' block finally_block
 * | 'try' &&':' block except_block+ [else_block] [finally_block]
 * | 'try' &&':' block except_star_block+ ... */
RP_RULE(rp_stmt *, try_stmt) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        rp_invalid_try_stmt(p);
        if (p->error)
            return NULL;
        p->mark = mark;
    }
    rp_stmt_seq body, orelse = {0}, finalbody = {0};
    rp_vec handlers = {0};
    if (!rp_tok_expect(p, RP_KW_TRY) || !rp_tok_forced(p, RP_TOK_COLON, ":") ||
        !rp_p_block(p, &body))
        goto fail;
    int m = p->mark;
    if (!finally_block(p, &finalbody)) {
        if (p->error)
            return NULL;
        p->mark = m;
        rp_excepthandler *h;
        while ((h = except_block(p)))
            if (!rp_vec_push(p, &handlers, h))
                return NULL;
        if (p->error)
            return NULL;
        if (!handlers.n) {
            except_star_block(p);
            goto fail;
        }
        if (!opt_else(p, &orelse))
            return NULL;
        int m2 = p->mark;
        if (!finally_block(p, &finalbody)) {
            if (p->error)
                return NULL;
            p->mark = m2;
            finalbody.n = 0;
        }
    }
    rp_stmt *s = rp_mk_stmt(p, RP_S_TRY, rp_p_loc(p, mark));
    if (!s || !rp_vec_finish(p, &handlers, &s->v.try_.handlers))
        return NULL;
    s->v.try_.body = body;
    s->v.try_.orelse = orelse;
    s->v.try_.finalbody = finalbody;
    return s;
fail:
    p->mark = mark;
    return NULL;
}

/* subject_expr: star_named_expression ',' star_named_expressions?
 * | named_expression */
static bool subject_expr(rp_parser *p) {
    int mark = p->mark;
    rp_vec v = {0};
    if (rp_p_star_named_expression(p) && rp_tok_expect(p, RP_TOK_COMMA)) {
        int m = p->mark;
        if (!rp_p_star_named_expressions(p, &v))
            p->mark = m;
        return !p->error;
    }
    if (p->error)
        return false;
    p->mark = mark;
    return rp_p_named_expression(p) != NULL;
}

/* match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
 * | invalid_match_stmt — refused once recognised */
static rp_stmt *match_stmt(rp_parser *p) {
    int mark = p->mark;
    rp_token *t = rp_tok_soft(p, "match");
    if (t && subject_expr(p) && rp_tok_expect(p, RP_TOK_COLON)) {
        not_supported(p, t, "match statements are");
        return NULL;
    }
    if (p->error)
        return NULL;
    p->mark = mark;
    if (p->call_invalid_rules)
        rp_invalid_match_stmt(p);
    p->mark = mark;
    return NULL;
}

/* compound_stmt: &('def' | '@' | ASYNC) function_def | &'if' if_stmt
 * | &('class' | '@') class_def | &('with' | ASYNC) with_stmt
 * | &('for' | ASYNC) for_stmt | &'try' try_stmt | &'while' while_stmt
 * | match_stmt */
RP_RULE(rp_stmt *, compound_stmt) {
    int mark = p->mark;
    rp_token *t = rp_tok_peek(p);
    if (!t)
        return NULL;
    rp_stmt *s = NULL;
    rp_toktype k = t->type;
    if (k == RP_KW_DEF || k == RP_TOK_AT || k == RP_KW_ASYNC) {
        if ((s = decorated(p, function_def_raw)) || p->error)
            return s;
        p->mark = mark;
    }
    if (k == RP_KW_IF)
        return if_rule(p, RP_KW_IF);
    if (k == RP_KW_CLASS || k == RP_TOK_AT) {
        if ((s = decorated(p, class_def_raw)) || p->error)
            return s;
        p->mark = mark;
    }
    if (k == RP_KW_WITH || k == RP_KW_ASYNC) {
        if ((s = with_stmt(p)) || p->error)
            return s;
        p->mark = mark;
    }
    if (k == RP_KW_FOR || k == RP_KW_ASYNC) {
        if ((s = for_stmt(p)) || p->error)
            return s;
        p->mark = mark;
    }
    if (k == RP_KW_TRY)
        return try_stmt(p);
    if (k == RP_KW_WHILE)
        return while_stmt(p);
    return match_stmt(p);
}

rp_stmt *rp_p_compound_stmt(rp_parser *p) {
    return compound_stmt(p);
}

/* ====================================================================== */
/* Imports                                                                */
/* ====================================================================== */

/* dotted_name: dotted_name '.' NAME | NAME — one identifier "a.b.c" */
RP_MEMO_RULE_EXT(rp_expr *, rp_p_dotted_name, RP_M_DOTTED_NAME) {
    int mark = p->mark;
    rp_token *first = rp_tok_expect(p, RP_TOK_NAME), *last = first;
    if (!first)
        return NULL;
    for (;;) {
        int m = p->mark;
        rp_token *n;
        if (!rp_tok_expect(p, RP_TOK_DOT) ||
            !(n = rp_tok_expect(p, RP_TOK_NAME))) {
            p->mark = m;
            break;
        }
        last = n;
    }
    /* the names joined with dots, without what lies between them */
    size_t cap = 0;
    for (int i = mark; i < p->mark; i++)
        cap += (size_t)(p->tokens[i]->end - p->tokens[i]->start);
    char *buf = rp_arena_alloc(p->scratch, cap + 1);
    if (!buf)
        return rp_pnomem(p);
    size_t n = 0;
    for (int i = mark; i < p->mark; i++) {
        rp_token *t = p->tokens[i];
        memcpy(buf + n, t->start, (size_t)(t->end - t->start));
        n += (size_t)(t->end - t->start);
    }
    (void)last;
    rp_expr *e = rp_mk_expr(p, RP_E_NAME, rp_p_loc(p, mark));
    if (e && !(e->v.name.id = rp_p_ident(p, buf, n)))
        return NULL;
    return e;
}

static rp_alias *alias(rp_parser *p, int mark, rc_object *name,
                       rp_token *asname) {
    rp_alias *a = rp_palloc(p, sizeof *a);
    if (!a)
        return NULL;
    a->name = name;
    if (asname && !(a->asname = rp_token_ident(p, asname)))
        return NULL;
    a->loc = rp_p_loc(p, mark);
    return a;
}

/* ['as' NAME] */
static rp_token *opt_as(rp_parser *p) {
    int m = p->mark;
    rp_token *t;
    if (rp_tok_expect(p, RP_KW_AS) && (t = rp_tok_expect(p, RP_TOK_NAME)))
        return t;
    p->mark = m;
    return NULL;
}

/* dotted_as_name: dotted_name ['as' NAME];
 * import_from_as_name: NAME ['as' NAME] */
static rp_alias *as_name(rp_parser *p, bool dotted) {
    int mark = p->mark;
    if (!rp_tok_peek(p))
        return NULL;
    rp_expr *n = dotted ? rp_p_dotted_name(p) : rp_p_name(p);
    if (!n)
        return NULL;
    return alias(p, mark, n->v.name.id, opt_as(p));
}

/* ','.X+ for dotted_as_name or import_from_as_name */
static bool as_names(rp_parser *p, bool dotted, rp_vec *out) {
    rp_alias *a = as_name(p, dotted);
    if (!a || !rp_vec_push(p, out, a))
        return false;
    for (;;) {
        int m = p->mark;
        if (!rp_tok_expect(p, RP_TOK_COMMA) || !(a = as_name(p, dotted))) {
            if (p->error)
                return false;
            p->mark = m;
            break;
        }
        if (!rp_vec_push(p, out, a))
            return false;
    }
    return true;
}

/* import_from_targets: '(' import_from_as_names [','] ')'
 * | import_from_as_names !',' | '*' | invalid_import_from_targets */
static bool import_from_targets(rp_parser *p, rp_vec *out) {
    int mark = p->mark;
    if (rp_tok_expect(p, RP_TOK_LPAR) && as_names(p, false, out)) {
        rp_tok_expect(p, RP_TOK_COMMA);
        if (rp_tok_expect(p, RP_TOK_RPAR))
            return true;
    }
    if (p->error)
        return false;
    p->mark = mark;
    out->n = 0;
    if (as_names(p, false, out) && !rp_tok_at(p, RP_TOK_COMMA))
        return true;
    if (p->error)
        return false;
    p->mark = mark;
    out->n = 0;
    rp_token *star = rp_tok_expect(p, RP_TOK_STAR);
    if (star) {
        rc_object *name = rp_p_ident(p, "*", 1);
        rp_alias *a = name ? alias(p, mark, name, NULL) : NULL;
        return a && rp_vec_push(p, out, a);
    }
    if (p->call_invalid_rules)
        rp_invalid_import_from_targets(p);
    p->mark = mark;
    return false;
}

/* ('.' | '...')* counted; false when min is 1 and there are none */
static int dots(rp_parser *p) {
    int level = 0;
    for (;;) {
        if (rp_tok_expect(p, RP_TOK_DOT))
            level += 1;
        else if (rp_tok_expect(p, RP_TOK_ELLIPSIS))
            level += 3;
        else
            return level;
    }
}

static rp_stmt *mk_import_from(rp_parser *p, int mark, rc_object *module,
                               rp_vec *names, int level) {
    rp_stmt *s = rp_mk_stmt(p, RP_S_IMPORTFROM, rp_p_loc(p, mark));
    if (!s || !rp_vec_finish(p, names, &s->v.importfrom.names))
        return NULL;
    s->v.importfrom.module = module;
    s->v.importfrom.level = level;
    return s;
}

/* import_name: 'import' dotted_as_names;
 * import_from: 'from' ('.' | '...')* dotted_name 'import'
 * import_from_targets | 'from' ('.' | '...')+ 'import' import_from_targets */
RP_RULE_EXT(rp_stmt *, rp_p_import_stmt) {
    int mark = p->mark;
    rp_vec names = {0};
    if (rp_tok_expect(p, RP_KW_IMPORT)) {
        if (!as_names(p, true, &names)) {
            p->mark = mark;
            return NULL;
        }
        rp_stmt *s = rp_mk_stmt(p, RP_S_IMPORT, rp_p_loc(p, mark));
        if (!s || !rp_vec_finish(p, &names, &s->v.import.names))
            return NULL;
        return s;
    }
    if (p->error || !rp_tok_expect(p, RP_KW_FROM))
        return NULL;
    int level = dots(p);
    rp_expr *module;
    if ((module = rp_p_dotted_name(p)) && rp_tok_expect(p, RP_KW_IMPORT) &&
        import_from_targets(p, &names))
        return mk_import_from(p, mark, module->v.name.id, &names, level);
    if (p->error)
        return NULL;
    p->mark = mark + 1;
    names.n = 0;
    level = dots(p);
    if (level > 0 && rp_tok_expect(p, RP_KW_IMPORT) &&
        import_from_targets(p, &names))
        return mk_import_from(p, mark, NULL, &names, level);
    p->mark = mark;
    return NULL;
}
