/*
 * parser.c — rp_parse: the source prepared for the lexer, the two passes
 * of the PEG parser, and the tokens, memos and errors every rule uses.
 *
 * How an error is chosen follows CPython's _PyPegen_run_parser: a first
 * pass without the invalid_* rules; if it fails, a second pass with them,
 * which may record a specialised error; otherwise the error is "invalid
 * syntax" at the furthest token the first pass read (or the lexer's
 * error, an unclosed bracket, an unexpected indent); finally the rest of
 * the source is tokenized, and an error the lexer finds there replaces a
 * parser's error, as CPython's does. Invariant: at most one error is
 * reported, and p->error is set whenever one is recorded.
 */
#include "parser.h"

#include <stdio.h>
#include <string.h>

/* ====================================================================== */
/* Memory                                                                 */
/* ====================================================================== */

void *rp_pnomem(rp_parser *p) {
    p->error = true;
    p->err_set = true;
    memset(p->err, 0, sizeof *p->err);
    p->err->kind = RP_SYNTAX_NOMEM;
    snprintf(p->err->msg, sizeof p->err->msg, "out of memory");
    return NULL;
}

void *rp_palloc(rp_parser *p, size_t size) {
    void *m = rp_arena_alloc(p->arena, size);
    if (!m)
        rp_pnomem(p);
    return m;
}

rc_object *rp_pkeep(rp_parser *p, rc_object *o) {
    if (!o || !rp_arena_keep(p->arena, o))
        return rp_pnomem(p);
    return o;
}

bool rp_vec_push(rp_parser *p, rp_vec *v, void *item) {
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void **items = rp_arena_alloc_raw(p->scratch, cap * sizeof *items);
        if (!items) {
            rp_pnomem(p);
            return false;
        }
        if (v->n)
            memcpy(items, v->items, v->n * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = item;
    return true;
}

bool rp_vec_finish(rp_parser *p, rp_vec *v, void *seq) {
    struct {
        size_t n;
        void **items;
    } *s = seq;
    s->n = v->n;
    s->items = NULL;
    if (!v->n)
        return true;
    s->items = rp_palloc(p, v->n * sizeof *s->items);
    if (!s->items)
        return false;
    memcpy(s->items, v->items, v->n * sizeof *s->items);
    return true;
}

/* ====================================================================== */
/* Errors                                                                 */
/* ====================================================================== */

rp_loc rp_tok_loc(const rp_token *t) {
    rp_loc l = {t->lineno, t->col, t->end_lineno, t->end_col};
    return l;
}

/* The text of line lineno of what this parser reads. */
static const char *error_line(rp_parser *p, int lineno) {
    const char *line = rp_lexer_line(p->lx, lineno);
    return line ? line : "";
}

/* CPython's _PyPegen_raise_error_known_location: columns are 1-based
 * byte offsets here (RP_CURRENT_POS: the lexer's position). */
static void *raise_known(rp_parser *p, rp_syntax_kind kind, int lineno, int col,
                         int end_lineno, int end_col, const char *fmt,
                         va_list ap) {
    rp_syntax_error *e = p->err;
    if (p->err_set && !p->reporting)
        return NULL; /* an action after a failed item: the error stays */
    p->error = true;
    p->err_set = true;
    p->err_from_lexer = false;
    if (end_lineno == RP_CURRENT_POS)
        end_lineno = p->lx->lineno;
    if (end_col == RP_CURRENT_POS)
        end_col = (int)(p->lx->cur - p->lx->line_start);
    if (col == RP_CURRENT_POS)
        col = (int)(p->lx->cur - p->lx->line_start);
    memset(e, 0, sizeof *e);
    e->kind = kind;
    int n = 0;
    if (p->fstring)
        n = snprintf(e->msg, sizeof e->msg, "f-string: ");
    vsnprintf(e->msg + n, sizeof e->msg - (size_t)n, fmt, ap);
    const char *line = error_line(p, lineno);
    if (p->fstring) {
        col -= p->starting_col_offset;
        end_col -= p->starting_col_offset;
        snprintf(e->text, sizeof e->text, "%.*s", (int)strcspn(line, "\n"),
                 line);
    }
    e->lineno = lineno;
    e->end_lineno = end_lineno;
    e->col = rp_lexer_chars(line, col);
    e->end_col = end_col > 0 ? rp_lexer_chars(line, end_col) : end_col;
    return NULL;
}

void *rp_perr_at(rp_parser *p, rp_syntax_kind kind, int lineno, int col,
                 int end_lineno, int end_col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_known(p, kind, lineno, col == RP_CURRENT_POS ? col : col + 1,
                end_lineno, end_col == RP_CURRENT_POS ? end_col : end_col + 1,
                fmt, ap);
    va_end(ap);
    return NULL;
}

void *rp_perr_v(rp_parser *p, rp_syntax_kind kind, const char *fmt,
                va_list ap) {
    if (p->fill == 0)
        return raise_known(p, kind, 0, 0, 0, -1, fmt, ap);
    rp_token *t =
        p->known_err_token ? p->known_err_token : p->tokens[p->fill - 1];
    int col;
    if (t->col == -1)
        col = p->lx->cur == p->lx->buf ? 0
                                       : (int)(p->lx->cur - p->lx->line_start);
    else
        col = t->col + 1;
    int end_col = t->end_col != -1 ? t->end_col + 1 : -1;
    return raise_known(p, kind, t->lineno, col, t->end_lineno, end_col, fmt,
                       ap);
}

void *rp_perr(rp_parser *p, rp_syntax_kind kind, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    rp_perr_v(p, kind, fmt, ap);
    va_end(ap);
    return NULL;
}

void *rp_perr_loc(rp_parser *p, rp_loc a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_known(p, RP_SYNTAX_ERROR, a.lineno, a.col_offset + 1, a.end_lineno,
                a.end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *rp_perr_range(rp_parser *p, rp_loc a, rp_loc b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_known(p, RP_SYNTAX_ERROR, a.lineno, a.col_offset + 1, b.end_lineno,
                b.end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *rp_perr_from(rp_parser *p, rp_loc a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_known(p, RP_SYNTAX_ERROR, a.lineno, a.col_offset + 1, RP_CURRENT_POS,
                RP_CURRENT_POS, fmt, ap);
    va_end(ap);
    return NULL;
}

/* An error the lexer recorded with its own message and position. */
static void lexer_error(rp_parser *p) {
    rp_lexer *lx = p->lx;
    rp_syntax_error *e = p->err;
    memset(e, 0, sizeof *e);
    e->kind = lx->err.indentation ? RP_INDENTATION_ERROR : RP_SYNTAX_ERROR;
    snprintf(e->msg, sizeof e->msg, "%s", lx->err.msg);
    e->lineno = lx->err.lineno;
    e->col = lx->err.col;
    e->end_lineno = lx->err.end_lineno;
    e->end_col = lx->err.end_col;
    if (p->fstring) {
        const char *line = error_line(p, e->lineno);
        snprintf(e->text, sizeof e->text, "%.*s", (int)strcspn(line, "\n"),
                 line);
    }
    p->error = p->err_set = p->err_from_lexer = true;
}

static void raise_unclosed_paren(rp_parser *p) {
    rp_lexer *lx = p->lx;
    int i = lx->level - 1;
    rp_perr_at(p, RP_SYNTAX_ERROR, lx->parenlineno[i], lx->parencol[i],
               lx->parenlineno[i], -1, "'%c' was never closed",
               lx->parenstack[i]);
}

static void incomplete(rp_parser *p) {
    memset(p->err, 0, sizeof *p->err);
    p->err->kind = RP_SYNTAX_INCOMPLETE;
    snprintf(p->err->msg, sizeof p->err->msg, "incomplete input");
    p->error = p->err_set = true;
}

/* The lexer stopped: CPython's tokenizer_error. */
static void tokenizer_error(rp_parser *p) {
    rp_lexer *lx = p->lx;
    int col = 0;
    const char *msg;
    rp_syntax_kind kind = RP_SYNTAX_ERROR;
    switch (lx->done) {
    case RP_LEX_ERROR:
        lexer_error(p);
        return;
    case RP_LEX_DECODE:
        rp_perr(p, RP_SYNTAX_ERROR, "(unicode error) %s", lx->err.msg);
        p->err_from_lexer = true;
        return;
    case RP_LEX_NEEDMORE:
        incomplete(p);
        return;
    case RP_LEX_NOMEM:
        rp_pnomem(p);
        return;
    case RP_LEX_EOF:
        if (lx->level)
            raise_unclosed_paren(p);
        else
            rp_perr(p, RP_SYNTAX_ERROR, "unexpected EOF while parsing");
        return;
    case RP_LEX_DEDENT:
        rp_perr(p, RP_INDENTATION_ERROR,
                "unindent does not match any outer indentation level");
        return;
    case RP_LEX_TABSPACE:
        kind = RP_TAB_ERROR;
        msg = "inconsistent use of tabs and spaces in indentation";
        break;
    case RP_LEX_TOODEEP:
        kind = RP_INDENTATION_ERROR;
        msg = "too many levels of indentation";
        break;
    case RP_LEX_LINECONT:
        col = (int)(lx->cur - lx->line_start) - 1;
        msg = "unexpected character after line continuation character";
        break;
    default:
        msg = "unknown parsing error";
        break;
    }
    rp_perr_at(p, kind, lx->lineno, col >= 0 ? col : 0, lx->lineno, -1, "%s",
               msg);
}

/* ====================================================================== */
/* Tokens                                                                 */
/* ====================================================================== */

/* Reads one more token into p->tokens; false on error. */
static bool fill_token(rp_parser *p) {
    if (p->fill == p->size) {
        int size = p->size ? p->size * 2 : 256;
        rp_token **t = rp_arena_alloc_raw(p->scratch, (size_t)size * sizeof *t);
        if (!t)
            return rp_pnomem(p), false;
        if (p->fill)
            memcpy(t, p->tokens, (size_t)p->fill * sizeof *t);
        p->tokens = t;
        p->size = size;
    }
    rp_token *t = rp_arena_alloc(p->scratch, sizeof *t);
    if (!t)
        return rp_pnomem(p), false;
    rp_lextoken lt;
    rp_toktype type = rp_lexer_next(p->lx, &lt);
    if (p->mode == RP_MODE_SINGLE && type == RP_TOK_ENDMARKER &&
        p->parsing_started) {
        type = RP_TOK_NEWLINE; /* the prompt's statement ends here */
        p->parsing_started = false;
        if (p->lx->indent) {
            p->lx->pendin = -p->lx->indent;
            p->lx->indent = 0;
        }
    } else {
        p->parsing_started = true;
    }
    t->type = type;
    t->start = lt.start;
    t->end = lt.end;
    t->level = lt.level;
    t->lineno = lt.lineno;
    t->end_lineno = lt.end_lineno;
    bool shift = p->fstring && p->lx->lineno == p->starting_lineno;
    t->col = lt.col + (shift && lt.col >= 0 ? p->starting_col_offset : 0);
    t->end_col =
        lt.end_col + (shift && lt.end_col >= 0 ? p->starting_col_offset : 0);
    p->tokens[p->fill++] = t;
    if (type == RP_TOK_ERRORTOKEN) {
        tokenizer_error(p);
        return false;
    }
    return true;
}

rp_token *rp_tok_peek(rp_parser *p) {
    if (p->error)
        return NULL;
    if (p->mark == p->fill && !fill_token(p)) {
        p->error = true;
        return NULL;
    }
    return p->tokens[p->mark];
}

rp_token *rp_tok_expect(rp_parser *p, rp_toktype type) {
    rp_token *t = rp_tok_peek(p);
    if (!t || t->type != type)
        return NULL;
    p->mark++;
    return t;
}

bool rp_tok_at(rp_parser *p, rp_toktype type) {
    rp_token *t = rp_tok_peek(p);
    return t && t->type == type;
}

rp_token *rp_tok_forced(rp_parser *p, rp_toktype type, const char *expected) {
    rp_token *t = rp_tok_peek(p);
    if (!t)
        return NULL;
    if (t->type != type)
        return rp_perr_loc(p, rp_tok_loc(t), "expected '%s'", expected);
    p->mark++;
    return t;
}

/* CPython compares only the token's length of each soft keyword, so any
 * prefix of one ("c", "ma") counts too. */
bool rp_is_soft_keyword(const rp_token *t) {
    static const char *const words[] = {"_", "case", "match"};
    if (t->type != RP_TOK_NAME)
        return false;
    size_t n = (size_t)(t->end - t->start);
    for (size_t i = 0; i < 3; i++)
        if (strncmp(words[i], t->start, n) == 0)
            return true;
    return false;
}

rp_token *rp_tok_soft(rp_parser *p, const char *word) {
    rp_token *t = rp_tok_peek(p);
    if (!t || t->type != RP_TOK_NAME)
        return NULL;
    size_t n = strlen(word);
    if ((size_t)(t->end - t->start) != n || memcmp(t->start, word, n) != 0)
        return NULL;
    p->mark++;
    return t;
}

rp_token *rp_tok_last(rp_parser *p) {
    rp_token *t = NULL;
    for (int m = p->mark - 1; m >= 0; m--) {
        t = p->tokens[m];
        if (t->type != RP_TOK_ENDMARKER && t->type != RP_TOK_NEWLINE &&
            t->type != RP_TOK_INDENT && t->type != RP_TOK_DEDENT)
            break;
    }
    return t;
}

rp_loc rp_p_loc(rp_parser *p, int start) {
    rp_token *a = p->tokens[start], *b = rp_tok_last(p);
    rp_loc l = {a->lineno, a->col, b ? b->end_lineno : a->lineno,
                b ? b->end_col : a->col};
    return l;
}

rc_object *rp_token_ident(rp_parser *p, rp_token *t) {
    if (!t->obj)
        t->obj = rp_p_ident(p, t->start, (size_t)(t->end - t->start));
    return t->obj;
}

rp_expr *rp_p_name(rp_parser *p) {
    rp_token *t = rp_tok_expect(p, RP_TOK_NAME);
    if (!t)
        return NULL;
    rc_object *id = rp_token_ident(p, t);
    if (!id)
        return NULL;
    rp_expr *e = rp_mk_expr(p, RP_E_NAME, rp_tok_loc(t));
    if (e) {
        e->v.name.id = id;
        e->v.name.ctx = RP_LOAD;
    }
    return e;
}

/* ====================================================================== */
/* Rules' bookkeeping                                                     */
/* ====================================================================== */

bool rp_p_enter(rp_parser *p) {
    if (p->error)
        return false;
    if (p->depth_base + p->level++ >= RP_MAXSTACK) {
        p->level--;
        p->error = p->err_set = true;
        memset(p->err, 0, sizeof *p->err);
        p->err->kind = RP_SYNTAX_RECURSION;
        snprintf(p->err->msg, sizeof p->err->msg,
                 "maximum recursion depth exceeded during compilation");
        return false;
    }
    return true;
}

int rp_memo_get(rp_parser *p, int key, void **node) {
    rp_token *t = rp_tok_peek(p);
    if (!t)
        return -1;
    for (rp_memo *m = t->memo; m; m = m->next) {
        if (m->key == key) {
            p->mark = m->mark;
            *node = m->node;
            return 1;
        }
    }
    return 0;
}

void rp_memo_put(rp_parser *p, int mark, int key, void *node) {
    if (p->error)
        return;
    rp_memo *m = rp_arena_alloc_raw(p->scratch, sizeof *m);
    if (!m) {
        rp_pnomem(p);
        return;
    }
    rp_token *t = p->tokens[mark];
    m->key = key;
    m->node = node;
    m->mark = p->mark;
    m->next = t->memo;
    t->memo = m;
}

/* ====================================================================== */
/* The start rules                                                        */
/* ====================================================================== */

/* A module of the given mode with the statements of body. */
static rp_mod *make_module(rp_parser *p, rp_vec *body, rp_mode mode) {
    rp_mod *m = rp_palloc(p, sizeof *m);
    if (!m || !rp_vec_finish(p, body, &m->body))
        return NULL;
    m->mode = mode;
    return m;
}

/* file: [statements] ENDMARKER */
static rp_mod *file_rule(rp_parser *p) {
    rp_vec body = {0};
    int mark = p->mark;
    if (!rp_p_statements(p, &body)) {
        if (p->error)
            return NULL;
        p->mark = mark;
        body.n = 0;
    }
    if (!rp_tok_expect(p, RP_TOK_ENDMARKER))
        return NULL;
    return make_module(p, &body, RP_MODE_EXEC);
}

/* statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE
 * | ENDMARKER (a failure) */
static rp_mod *interactive_rule(rp_parser *p) {
    rp_vec body = {0};
    int mark = p->mark;
    rp_token *t0 = rp_tok_peek(p);
    if (!t0)
        return NULL;
    rp_stmt *s = rp_p_compound_stmt(p);
    if (s && rp_tok_expect(p, RP_TOK_NEWLINE)) {
        if (!rp_vec_push(p, &body, s))
            return NULL;
        goto done;
    }
    p->mark = mark;
    if (rp_p_simple_stmts(p, &body))
        goto done;
    p->mark = mark;
    body.n = 0;
    if (rp_tok_expect(p, RP_TOK_NEWLINE)) {
        rp_stmt *pass = rp_mk_stmt(p, RP_S_PASS, rp_p_loc(p, mark));
        if (!pass || !rp_vec_push(p, &body, pass))
            return NULL;
        goto done;
    }
    /* ENDMARKER: nothing to run (CPython's interactive_exit fails) */
    p->mark = mark;
    return NULL;
done:
    return make_module(p, &body, RP_MODE_SINGLE);
}

/* eval: expressions NEWLINE* ENDMARKER */
static rp_mod *eval_rule(rp_parser *p) {
    rp_expr *e = rp_p_expressions(p);
    if (!e)
        return NULL;
    while (rp_tok_expect(p, RP_TOK_NEWLINE))
        ;
    if (!rp_tok_expect(p, RP_TOK_ENDMARKER))
        return NULL;
    rp_mod *m = rp_palloc(p, sizeof *m);
    if (!m)
        return NULL;
    m->mode = RP_MODE_EVAL;
    m->expr = e;
    return m;
}

static void *start_rule(rp_parser *p) {
    if (p->fstring)
        return rp_p_star_expressions(p);
    switch (p->mode) {
    case RP_MODE_SINGLE:
        return interactive_rule(p);
    case RP_MODE_EVAL:
        return eval_rule(p);
    default:
        return file_rule(p);
    }
}

/* ====================================================================== */
/* The passes and the choice of error                                     */
/* ====================================================================== */

/* Reads the rest of the source for a lexer error that takes precedence
 * over the parser's (CPython's tokenize_full_source_to_check_for_errors). */
static void check_rest_of_source(rp_parser *p) {
    if (p->lx->interactive)
        return;
    rp_token *cur =
        p->known_err_token ? p->known_err_token : p->tokens[p->fill - 1];
    int err_line = cur->lineno;
    for (;;) {
        rp_lextoken t;
        rp_toktype type = rp_lexer_next(p->lx, &t);
        if (type == RP_TOK_ENDMARKER)
            return;
        if (type != RP_TOK_ERRORTOKEN)
            continue;
        rp_lexer *lx = p->lx;
        if (lx->done == RP_LEX_ERROR)
            lexer_error(p);
        else if (lx->done == RP_LEX_DECODE)
            rp_perr(p, RP_SYNTAX_ERROR, "(unicode error) %s", lx->err.msg);
        else if (lx->done == RP_LEX_NOMEM)
            rp_pnomem(p);
        else if (lx->level != 0 && err_line > lx->parenlineno[lx->level - 1])
            raise_unclosed_paren(p);
        return;
    }
}

/* CPython's _PyPegen_set_syntax_error, after the second pass. */
static void set_syntax_error(rp_parser *p, rp_token *last) {
    if (p->err_set) {
        if (p->err->kind == RP_SYNTAX_NOMEM ||
            p->err->kind == RP_SYNTAX_RECURSION ||
            p->err->kind == RP_SYNTAX_INCOMPLETE)
            return;
        if (p->lx->done == RP_LEX_OK)
            check_rest_of_source(p);
        return;
    }
    if (p->fill == 0)
        rp_perr(p, RP_SYNTAX_ERROR, "error at start before reading any input");
    if (last->type == RP_TOK_ERRORTOKEN && p->lx->done == RP_LEX_EOF) {
        if (p->lx->level)
            raise_unclosed_paren(p);
        else
            rp_perr(p, RP_SYNTAX_ERROR, "unexpected EOF while parsing");
        return;
    }
    if (last->type == RP_TOK_INDENT || last->type == RP_TOK_DEDENT) {
        rp_perr(p, RP_INDENTATION_ERROR,
                last->type == RP_TOK_INDENT ? "unexpected indent"
                                            : "unexpected unindent");
        return;
    }
    rp_perr_at(p, RP_SYNTAX_ERROR, last->lineno, last->col, last->end_lineno,
               last->end_col, "invalid syntax");
    check_rest_of_source(p);
}

/* Has anything but blanks and comments followed the statement? */
static bool bad_single_statement(rp_parser *p) {
    const char *s = p->lx->cur;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\014')
            s++;
        if (!*s)
            return false;
        if (*s != '#')
            return true;
        while (*s && *s != '\n')
            s++;
    }
}

static void *run_parser(rp_parser *p) {
    void *res = start_rule(p);
    if (res) {
        if (p->mode == RP_MODE_SINGLE && !p->fstring && bad_single_statement(p))
            return rp_perr(p, RP_SYNTAX_ERROR,
                           "multiple statements found while compiling a "
                           "single statement");
        return res;
    }
    if (p->err_set && (p->err->kind == RP_SYNTAX_NOMEM ||
                       p->err->kind == RP_SYNTAX_RECURSION ||
                       p->err->kind == RP_SYNTAX_INCOMPLETE))
        return NULL;
    if (p->fill == 0)
        return rp_perr(p, RP_SYNTAX_ERROR,
                       "error at start before reading any input");
    rp_token *last = p->tokens[p->fill - 1];
    for (int i = 0; i < p->fill; i++)
        p->tokens[i]->memo = NULL;
    p->mark = 0;
    p->call_invalid_rules = true;
    p->lx->stop_at_end = true;
    start_rule(p);
    if (p->err_set && p->err->kind == RP_SYNTAX_INCOMPLETE)
        return NULL;
    p->reporting = true;
    set_syntax_error(p, last);
    if (!p->err_set)
        rp_perr(p, RP_SYNTAX_ERROR, "invalid syntax");
    return NULL;
}

/* ====================================================================== */
/* Preparing the source                                                   */
/* ====================================================================== */

/* The encoding a PEP 263 comment names on line 1 or 2, normalized, or
 * NULL when there is none. */
static bool coding_spec(const char *s, const char *end, char *name,
                        size_t cap) {
    for (int line = 0; line < 2 && s < end; line++) {
        const char *eol = memchr(s, '\n', (size_t)(end - s));
        if (!eol)
            eol = end;
        const char *q = s;
        while (q < eol && (*q == ' ' || *q == '\t' || *q == '\014'))
            q++;
        if (q == eol) {
            s = eol + 1;
            continue;
        }
        if (*q != '#')
            return false;
        for (const char *c = q; c + 6 < eol; c++) {
            if (memcmp(c, "coding", 6) != 0 || (c[6] != ':' && c[6] != '='))
                continue;
            const char *v = c + 7;
            while (v < eol && (*v == ' ' || *v == '\t'))
                v++;
            size_t n = 0;
            while (v + n < eol && n + 1 < cap &&
                   ((v[n] >= 'a' && v[n] <= 'z') ||
                    (v[n] >= 'A' && v[n] <= 'Z') ||
                    (v[n] >= '0' && v[n] <= '9') || v[n] == '-' ||
                    v[n] == '_' || v[n] == '.'))
                n++;
            if (n == 0)
                continue;
            memcpy(name, v, n);
            name[n] = '\0';
            return true;
        }
        s = eol + 1;
    }
    return false;
}

/* Which encoding a name means: 'u' UTF-8, 'l' Latin-1, 0 another (not
 * read by rcpy). Names are compared as CPython's codec registry does:
 * lower case, '_' and ' ' as '-'. */
static int encoding_kind(const char *name) {
    static const char *const utf8[] = {"utf-8",    "utf8",    "u8",
                                       "utf",      "cp65001", "ascii",
                                       "us-ascii", "646",     NULL};
    static const char *const latin1[] = {
        "latin-1", "latin1", "iso-8859-1", "iso8859-1",  "iso-latin-1", "l1",
        "cp819",   "8859",   "latin",      "iso-ir-100", "csisolatin1", NULL};
    char low[64];
    size_t i = 0;
    for (; name[i] && i + 1 < sizeof low; i++) {
        char c = name[i];
        low[i] = (char)(c >= 'A' && c <= 'Z'   ? c + 32
                        : c == '_' || c == ' ' ? '-'
                                               : c);
    }
    low[i] = '\0';
    if (!strncmp(low, "utf-8-", 6))
        return 'u';
    if (!strncmp(low, "latin-1-", 8) || !strncmp(low, "iso-8859-1-", 11) ||
        !strncmp(low, "iso-latin-1-", 12))
        return 'l';
    for (i = 0; utf8[i]; i++)
        if (!strcmp(low, utf8[i]))
            return 'u';
    for (i = 0; latin1[i]; i++)
        if (!strcmp(low, latin1[i]))
            return 'l';
    return 0;
}

/* The source as the lexer reads it, in scratch memory: UTF-8, '\n' line
 * ends, a final newline when asked (file input and the prompt, as
 * CPython's tokenizer adds one), NUL-terminated. NULL with an error
 * recorded. */
static char *prepare_source(rp_parser *p, const char *src, size_t len,
                            bool final_newline, size_t *outlen) {
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        src += 3, len -= 3;
    char enc[64];
    int kind = 'u';
    if (coding_spec(src, src + len, enc, sizeof enc)) {
        kind = encoding_kind(enc);
        if (!kind) {
            memset(p->err, 0, sizeof *p->err);
            p->err->kind = RP_SYNTAX_ERROR;
            snprintf(p->err->msg, sizeof p->err->msg, "encoding problem: %s",
                     enc);
            p->error = p->err_set = true;
            return NULL;
        }
    }
    const char *nul = memchr(src, '\0', len);
    if (nul) {
        memset(p->err, 0, sizeof *p->err);
        p->err->kind = RP_SYNTAX_ERROR;
        snprintf(p->err->msg, sizeof p->err->msg,
                 "source code cannot contain null bytes");
        p->err->lineno = 1;
        for (const char *c = src; c < nul; c++)
            p->err->lineno += *c == '\n';
        p->error = p->err_set = true;
        return NULL;
    }
    char *out = rp_arena_alloc_raw(p->scratch, len * 2 + 2);
    if (!out)
        return rp_pnomem(p);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c == '\r') {
            out[n++] = '\n';
            if (i + 1 < len && src[i + 1] == '\n')
                i++;
        } else if (kind == 'l' && c >= 0x80) {
            out[n++] = (char)(0xC0 | c >> 6);
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[n++] = (char)c;
        }
    }
    if (final_newline && (n == 0 || out[n - 1] != '\n'))
        out[n++] = '\n';
    out[n] = '\0';
    *outlen = n;
    return out;
}

/* ====================================================================== */
/* Entry points                                                           */
/* ====================================================================== */

static void parser_init(rp_parser *p, rp_arena *arena, rp_arena *scratch,
                        rp_lexer *lx, rp_mode mode, rp_syntax_error *err) {
    memset(p, 0, sizeof *p);
    p->arena = arena;
    p->scratch = scratch;
    p->rt = rp_arena_runtime(arena);
    p->lx = lx;
    p->mode = mode;
    p->err = err;
}

rp_mod *rp_parse_ex(rp_arena *arena, const char *src, size_t len, rp_mode mode,
                    unsigned flags, rp_syntax_error *err) {
    memset(err, 0, sizeof *err);
    rc_runtime *rt = rp_arena_runtime(arena);
    rp_arena *scratch = rp_arena_new(rt);
    if (!scratch) {
        err->kind = RP_SYNTAX_NOMEM;
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    bool prompt = mode == RP_MODE_SINGLE && (flags & RP_PARSE_PROMPT);
    rp_parser p;
    rp_lexer lx;
    parser_init(&p, arena, scratch, &lx, mode, err);
    rp_mod *mod = NULL;
    size_t n;
    char *text =
        prepare_source(&p, src, len, mode == RP_MODE_EXEC || prompt, &n);
    if (text) {
        rp_lexer_init(&lx, rt, text, n, prompt, 0);
        if (prompt && len == 0) {
            mod = rp_palloc(&p, sizeof *mod);
            if (mod)
                mod->mode = RP_MODE_SINGLE;
        } else {
            mod = run_parser(&p);
        }
        if (mod && !rp_check_depth(&p, mod))
            mod = NULL;
    }
    rp_arena_free(scratch);
    if (!mod && !p.err_set)
        rp_pnomem(&p);
    return mod;
}

rp_mod *rp_parse(rp_arena *arena, const char *src, size_t len, rp_mode mode,
                 rp_syntax_error *err) {
    return rp_parse_ex(arena, src, len, mode, RP_PARSE_PROMPT, err);
}

rp_expr *rp_parse_fstring_expr(rp_parser *p, const char *text, size_t len,
                               int lineno, int col, int lines_before) {
    rp_parser sub;
    rp_lexer lx;
    parser_init(&sub, p->arena, p->scratch, &lx, RP_MODE_EXEC, p->err);
    sub.fstring = true;
    sub.parent = p;
    sub.depth_base = p->depth_base + p->level;
    sub.starting_lineno = lineno + lines_before;
    sub.starting_col_offset = col;
    rp_lexer_init(&lx, p->rt, text, len, false, sub.starting_lineno - 1);
    rp_expr *e = run_parser(&sub);
    if (!e)
        p->error = p->err_set = true;
    return e;
}
