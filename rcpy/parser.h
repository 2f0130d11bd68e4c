/*
 * parser.h — what the files of the parser share (parser.c, parse_*.c):
 * the parser state, the tokens it has read, memoization, errors, and the
 * rules one file calls in another.
 *
 * The parser is a hand-written copy of CPython 3.11's PEG parser
 * (Grammar/python.gram): one C function per rule, trying the rule's
 * alternatives in order over a buffer of tokens read on demand, with
 * CPython's memoized rules memoized, left-recursive rules written as
 * loops, and CPython's two passes — a fast one without the invalid_*
 * rules and, when it fails, a second one with them, which finds the
 * specialised error messages. Because it asks for tokens exactly when
 * CPython's parser does, errors come out with CPython's message and
 * position. Invariant: once p->error is set every rule returns NULL
 * without reading further.
 */
#ifndef RCPY_PARSER_H
#define RCPY_PARSER_H

#include "ast.h"
#include "lexer.h"

#include <stdarg.h>

/* ====================================================================== */
/* Tokens and memos                                                       */
/* ====================================================================== */

typedef struct rp_memo {
    int key;    /* rp_memo_key */
    void *node; /* the rule's result (NULL: it failed) */
    int mark;   /* where it ended */
    struct rp_memo *next;
} rp_memo;

typedef struct rp_token {
    rp_toktype type;
    const char *start, *end;              /* the text */
    int lineno, col, end_lineno, end_col; /* col -1: no text */
    int level;                            /* brackets open after it */
    rc_object *obj; /* a NAME's identifier, made once (owned by the arena) */
    rp_memo *memo;
} rp_token;

/* The rules whose results are memoized (CPython's (memo) rules and the
 * left-recursive ones). */
typedef enum rp_memo_key {
    RP_M_SIMPLE_STMT,
    RP_M_BLOCK,
    RP_M_EXPRESSION,
    RP_M_STAR_EXPRESSION,
    RP_M_DISJUNCTION,
    RP_M_CONJUNCTION,
    RP_M_INVERSION,
    RP_M_BITWISE_OR,
    RP_M_BITWISE_XOR,
    RP_M_BITWISE_AND,
    RP_M_SHIFT_EXPR,
    RP_M_SUM,
    RP_M_TERM,
    RP_M_FACTOR,
    RP_M_PRIMARY,
    RP_M_AWAIT_PRIMARY,
    RP_M_T_PRIMARY,
    RP_M_STRINGS,
    RP_M_ARGUMENTS,
    RP_M_STAR_TARGET,
    RP_M_TARGET_WITH_STAR_ATOM,
    RP_M_DEL_TARGET,
    RP_M_DOTTED_NAME,
    RP_M_INVALID_NAMED_EXPRESSION,
    RP_M_COUNT
} rp_memo_key;

/* ====================================================================== */
/* The parser                                                             */
/* ====================================================================== */

typedef struct rp_parser rp_parser;
struct rp_parser {
    rp_arena *arena;   /* the tree */
    rp_arena *scratch; /* tokens, memos, sequences being built */
    rc_runtime *rt;
    rp_lexer *lx;
    rp_mode mode;
    rp_token **tokens; /* read so far */
    int fill, size;
    int mark;                /* the next token */
    int level;               /* depth of rule calls */
    bool call_invalid_rules; /* second pass */
    bool error;              /* stop: an error is recorded, or memory ran
                                out */
    bool err_set;            /* *err holds an error (PyErr_Occurred) */
    bool err_from_lexer;     /* ... found by the lexer itself */
    rp_syntax_error *err;
    rp_token *known_err_token;
    bool parsing_started;
    bool reporting; /* choosing the final error: a new one may replace
                       the one recorded (otherwise the first stays) */
    /* an f-string's expression: a parser of its own over "(expr)" */
    bool fstring;
    int starting_lineno, starting_col_offset;
    rp_parser *parent;
    int depth_base; /* rule depth of the parent parser */
};

/* Rule calls deeper than this fail: CPython's parser stack limit. */
#define RP_MAXSTACK 6000

/* Enters a rule: false when an error stops parsing or the nesting is too
 * deep (an error is then recorded). */
bool rp_p_enter(rp_parser *p);

/* A rule function with the bookkeeping every rule needs. */
#define RP_RULE(T, name)                                                       \
    static T name##_(rp_parser *p);                                            \
    static T name(rp_parser *p) {                                              \
        if (!rp_p_enter(p))                                                    \
            return NULL;                                                       \
        T r_ = name##_(p);                                                     \
        p->level--;                                                            \
        return p->error ? NULL : r_;                                           \
    }                                                                          \
    static T name##_(rp_parser *p)

/* The same for a memoized rule; RP_MEMO_RULE_EXT gives it external
 * linkage (for rules other files call). */
#define RP_MEMO_BODY(T, name, key)                                             \
    {                                                                          \
        if (!rp_p_enter(p))                                                    \
            return NULL;                                                       \
        int start_ = p->mark;                                                  \
        void *memo_;                                                           \
        int m_ = rp_memo_get(p, key, &memo_);                                  \
        if (m_) {                                                              \
            p->level--;                                                        \
            return m_ < 0 ? NULL : (T)memo_;                                   \
        }                                                                      \
        T r_ = name##_(p);                                                     \
        rp_memo_put(p, start_, key, r_);                                       \
        p->level--;                                                            \
        return p->error ? NULL : r_;                                           \
    }
#define RP_MEMO_RULE(T, name, key)                                             \
    static T name##_(rp_parser *p);                                            \
    static T name(rp_parser *p)                                                \
        RP_MEMO_BODY(T, name, key) static T name##_(rp_parser *p)
#define RP_MEMO_RULE_EXT(T, name, key)                                         \
    static T name##_(rp_parser *p);                                            \
    T name(rp_parser *p)                                                       \
        RP_MEMO_BODY(T, name, key) static T name##_(rp_parser *p)
#define RP_RULE_EXT(T, name)                                                   \
    static T name##_(rp_parser *p);                                            \
    T name(rp_parser *p) {                                                     \
        if (!rp_p_enter(p))                                                    \
            return NULL;                                                       \
        T r_ = name##_(p);                                                     \
        p->level--;                                                            \
        return p->error ? NULL : r_;                                           \
    }                                                                          \
    static T name##_(rp_parser *p)

/* 1 found (*node, mark moved), 0 not memoized, -1 error. Reads the token
 * at the mark, as CPython's is_memoized does. */
int rp_memo_get(rp_parser *p, int key, void **node);
void rp_memo_put(rp_parser *p, int mark, int key, void *node);

/* ====================================================================== */
/* Tokens                                                                 */
/* ====================================================================== */

/* The token at the mark, read if needed (NULL on error). */
rp_token *rp_tok_peek(rp_parser *p);
/* The token at the mark if it has this type (the mark moves past it). */
rp_token *rp_tok_expect(rp_parser *p, rp_toktype type);
/* As rp_tok_expect, but a mismatch is an error: "expected ':'". */
rp_token *rp_tok_forced(rp_parser *p, rp_toktype type, const char *expected);
/* Does the token at the mark have this type? (Reads it; mark unchanged.) */
bool rp_tok_at(rp_parser *p, rp_toktype type);
/* A NAME that is this soft keyword ("match", "case", "_"). */
rp_token *rp_tok_soft(rp_parser *p, const char *word);
/* Is the NAME token t a soft keyword? */
bool rp_is_soft_keyword(const rp_token *t);
/* The last token before the mark that is not NEWLINE/INDENT/DEDENT. */
rp_token *rp_tok_last(rp_parser *p);
/* The location from the token at `start` to the last token read. */
rp_loc rp_p_loc(rp_parser *p, int start);
/* NAME as a Name node (Load), or NULL. */
rp_expr *rp_p_name(rp_parser *p);
/* The identifier of a NAME token (interned str), or NULL + error. */
rc_object *rp_token_ident(rp_parser *p, rp_token *t);

/* ====================================================================== */
/* Errors                                                                 */
/* ====================================================================== */

/* Records an error at byte columns (0-based) of the given lines, as
 * CPython's RAISE_ERROR_KNOWN_LOCATION: columns become 1-based character
 * offsets; col or end_col RP_CURRENT_POS: the lexer's position; end_col
 * -1: none. Always returns NULL. */
#define RP_CURRENT_POS (-5)
void *rp_perr_at(rp_parser *p, rp_syntax_kind kind, int lineno, int col,
                 int end_lineno, int end_col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
/* At the last token read (CPython's RAISE_SYNTAX_ERROR). */
void *rp_perr(rp_parser *p, rp_syntax_kind kind, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void *rp_perr_v(rp_parser *p, rp_syntax_kind kind, const char *fmt, va_list ap);
/* Over a node's or token's location (KNOWN_LOCATION / KNOWN_RANGE /
 * STARTING_FROM). */
void *rp_perr_loc(rp_parser *p, rp_loc a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void *rp_perr_range(rp_parser *p, rp_loc a, rp_loc b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
void *rp_perr_from(rp_parser *p, rp_loc a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Memory ran out: stop with RP_SYNTAX_NOMEM. Returns NULL. */
void *rp_pnomem(rp_parser *p);
/* A token's location as an rp_loc. */
rp_loc rp_tok_loc(const rp_token *t);

/* ====================================================================== */
/* Sequences being built                                                  */
/* ====================================================================== */

typedef struct rp_vec {
    void **items;
    size_t n, cap;
} rp_vec;

/* Appends (in scratch memory); false after recording a memory error. */
bool rp_vec_push(rp_parser *p, rp_vec *v, void *item);
/* The items copied into the tree's arena (NULL for none); false on
 * error. */
bool rp_vec_finish(rp_parser *p, rp_vec *v, void *seq);
/* As rp_arena_alloc, without zeroing: for memory the caller fills. */
void *rp_arena_alloc_raw(rp_arena *a, size_t size);
/* The runtime an arena draws from (ast.c). */
rc_runtime *rp_arena_runtime(const rp_arena *a);
/* Allocates zeroed memory in the tree's arena, or records the error. */
void *rp_palloc(rp_parser *p, size_t size);
/* Keeps o (stolen) in the tree's arena; NULL + error when o is NULL. */
rc_object *rp_pkeep(rp_parser *p, rc_object *o);

/* ====================================================================== */
/* Node constructors (parse_nodes.c)                                      */
/* ====================================================================== */

rp_expr *rp_mk_expr(rp_parser *p, rp_expr_kind kind, rp_loc loc);
rp_stmt *rp_mk_stmt(rp_parser *p, rp_stmt_kind kind, rp_loc loc);
rp_expr *rp_mk_const(rp_parser *p, rc_object *value, rp_loc loc);
rp_expr *rp_mk_binop(rp_parser *p, rp_expr *a, rc_binop op, rp_expr *b,
                     rp_loc loc);
rp_expr *rp_mk_seq(rp_parser *p, rp_expr_kind kind, rp_vec *elts, rp_ctx ctx,
                   rp_loc loc);
rp_expr *rp_mk_tuple1(rp_parser *p, rp_expr *elt, rp_loc loc);
/* A copy of e with context ctx, elements of tuples and lists and starred
 * values included (CPython's _PyPegen_set_expr_context). */
rp_expr *rp_set_ctx(rp_parser *p, rp_expr *e, rp_ctx ctx);
/* CPython's _PyPegen_get_expr_name: "function call", "literal" ... */
const char *rp_expr_name(const rp_expr *e);
/* The first expression that cannot be a target (CPython's
 * _PyPegen_get_invalid_target), or NULL. */
typedef enum rp_targets {
    RP_STAR_TARGETS,
    RP_DEL_TARGETS,
    RP_FOR_TARGETS
} rp_targets;
rp_expr *rp_invalid_target(rp_expr *e, rp_targets type);
/* RAISE_SYNTAX_ERROR_INVALID_TARGET: NULL, and an error when e holds an
 * invalid target. */
void *rp_perr_invalid_target(rp_parser *p, rp_targets type, rp_expr *e);
/* Checks that the tree is not nested deeper than the compiler and CPython
 * accept (RecursionError otherwise); false with the error recorded. */
bool rp_check_depth(rp_parser *p, const rp_mod *mod);
/* An identifier from C text, kept in the arena. */
rc_object *rp_p_ident(rp_parser *p, const char *text, size_t len);
/* The empty argument list. */
rp_arguments *rp_empty_arguments(rp_parser *p);

/* ','.elem+ : elements separated by commas (no trailing comma). */
bool rp_p_gather(rp_parser *p, rp_expr *(*elem)(rp_parser *), rp_vec *out);
/* ','.elem+ [','] */
bool rp_p_gather_comma(rp_parser *p, rp_expr *(*elem)(rp_parser *),
                       rp_vec *out);
/* Nodes for primaries and targets; loc from the token at mark to the
 * last token read. */
rp_expr *rp_mk_attribute(rp_parser *p, int mark, rp_expr *a, rp_token *name,
                         rp_ctx ctx);
rp_expr *rp_mk_subscript(rp_parser *p, int mark, rp_expr *a, rp_expr *slice,
                         rp_ctx ctx);
rp_expr *rp_mk_call(rp_parser *p, int mark, rp_expr *a, rp_expr *args);
rp_expr *rp_mk_genexp_call(rp_parser *p, int mark, rp_expr *a, rp_expr *g);

/* ====================================================================== */
/* Rules shared between files                                             */
/* ====================================================================== */

/* parse_expr.c */
rp_expr *rp_p_expression(rp_parser *p);
rp_expr *rp_p_expression_without_invalid(rp_parser *p);
rp_expr *rp_p_expressions(rp_parser *p);
rp_expr *rp_p_star_expressions(rp_parser *p);
rp_expr *rp_p_star_expression(rp_parser *p);
rp_expr *rp_p_named_expression(rp_parser *p);
rp_expr *rp_p_assignment_expression(rp_parser *p);
rp_expr *rp_p_star_named_expression(rp_parser *p);
bool rp_p_star_named_expressions(rp_parser *p, rp_vec *out);
rp_expr *rp_p_disjunction(rp_parser *p);
rp_expr *rp_p_bitwise_or(rp_parser *p);
rp_expr *rp_p_yield_expr(rp_parser *p);
rp_expr *rp_p_atom(rp_parser *p);
/* One trailer of a primary ('.' NAME, genexp, call, subscript) applied to
 * a, which started at mark; NULL with the mark unchanged when none. */
rp_expr *rp_p_trailer(rp_parser *p, int mark, rp_expr *a);
rp_expr *rp_p_slices(rp_parser *p);
rp_expr *rp_p_genexp(rp_parser *p);
rp_expr *rp_p_list(rp_parser *p);
rp_expr *rp_p_tuple(rp_parser *p);
rp_expr *rp_p_starred_expression(rp_parser *p);
rp_expr *rp_p_lambdef(rp_parser *p);
bool rp_p_for_if_clauses(rp_parser *p, rp_vec *out);
rp_expr *rp_p_strings(rp_parser *p);
rp_expr *rp_p_number(rp_parser *p);
/* A kvpair or **mapping: key NULL for the latter. */
typedef struct rp_kvpair {
    rp_expr *key, *value;
} rp_kvpair;
rp_kvpair *rp_p_kvpair(rp_parser *p);
rp_kvpair *rp_p_double_starred_kvpair(rp_parser *p);

/* parse_args.c: calls, parameters, lambda parameters */
typedef struct rp_namedefault { /* a parameter and its default (or NULL) */
    rp_arg *arg;
    rp_expr *value;
} rp_namedefault;
typedef struct rp_slashdefault { /* parameters before '/' */
    rp_vec plain;                /* rp_arg* without defaults */
    rp_vec with;                 /* rp_namedefault* */
} rp_slashdefault;
/* item* (min 0) or item+ (min 1) of a parameter rule, into out. */
bool rp_p_params_loop(rp_parser *p, void *(*item)(rp_parser *, bool),
                      bool lambda, size_t min, rp_vec *out);
rp_expr *rp_p_arguments(rp_parser *p); /* a Call without func */
rp_expr *rp_p_args(rp_parser *p);
rp_arguments *rp_p_params(rp_parser *p);
rp_arguments *rp_p_lambda_params(rp_parser *p);
rp_arg *rp_p_param(rp_parser *p, bool lambda);
void *rp_p_param_no_default(rp_parser *p, bool lambda);
void *rp_p_param_with_default(rp_parser *p, bool lambda);
void *rp_p_param_maybe_default(rp_parser *p, bool lambda);
void *rp_p_slash_no_default(rp_parser *p, bool lambda);
void *rp_p_slash_with_default(rp_parser *p, bool lambda);
bool rp_p_kwargs(rp_parser *p, rp_vec *out);
bool rp_p_positional_args(rp_parser *p, rp_vec *out);

/* parse_target.c */
rp_expr *rp_p_star_targets(rp_parser *p);
rp_expr *rp_p_star_target(rp_parser *p);
rp_expr *rp_p_single_target(rp_parser *p);
rp_expr *rp_p_single_subscript_attribute_target(rp_parser *p);
rp_expr *rp_p_t_primary(rp_parser *p);
bool rp_p_del_targets(rp_parser *p, rp_vec *out);

/* parse_stmt.c */
bool rp_p_statements(rp_parser *p, rp_vec *out);
bool rp_p_simple_stmts(rp_parser *p, rp_vec *out);
bool rp_p_block(rp_parser *p, rp_stmt_seq *out);
rp_expr *rp_p_dotted_name(rp_parser *p);
rp_stmt *rp_p_compound_stmt(rp_parser *p);
rp_excepthandler *rp_p_except_block(rp_parser *p);
/* augassign: '+=' ... '//=' (the operator in *op) */
bool rp_p_augassign(rp_parser *p, rc_binop *op);

/* parse_invalid.c: the invalid_* rules (second pass only) */
void *rp_invalid_arguments(rp_parser *p);
void *rp_invalid_kwarg(rp_parser *p);
void *rp_invalid_legacy_expression(rp_parser *p);
void *rp_invalid_expression(rp_parser *p);
void *rp_invalid_named_expression(rp_parser *p);
void *rp_invalid_assignment(rp_parser *p);
void *rp_invalid_del_stmt(rp_parser *p);
void *rp_invalid_block(rp_parser *p);
void *rp_invalid_comprehension(rp_parser *p);
void *rp_invalid_dict_comprehension(rp_parser *p);
void *rp_invalid_parameters(rp_parser *p, bool lambda);
void *rp_invalid_default(rp_parser *p);
void *rp_invalid_star_etc(rp_parser *p, bool lambda);
void *rp_invalid_kwds(rp_parser *p, bool lambda);
void *rp_invalid_with_item(rp_parser *p);
void *rp_invalid_for_target(rp_parser *p);
void *rp_invalid_group(rp_parser *p);
void *rp_invalid_import_from_targets(rp_parser *p);
void *rp_invalid_with_stmt(rp_parser *p);
void *rp_invalid_with_stmt_indent(rp_parser *p);
void *rp_invalid_try_stmt(rp_parser *p);
void *rp_invalid_except_stmt(rp_parser *p);
void *rp_invalid_finally_stmt(rp_parser *p);
void *rp_invalid_except_stmt_indent(rp_parser *p);
void *rp_invalid_except_star_stmt_indent(rp_parser *p);
void *rp_invalid_match_stmt(rp_parser *p);
void *rp_invalid_if_stmt(rp_parser *p);
void *rp_invalid_elif_stmt(rp_parser *p);
void *rp_invalid_else_stmt(rp_parser *p);
void *rp_invalid_while_stmt(rp_parser *p);
void *rp_invalid_for_stmt(rp_parser *p);
void *rp_invalid_def_raw(rp_parser *p);
void *rp_invalid_class_def_raw(rp_parser *p);
void *rp_invalid_double_starred_kvpairs(rp_parser *p);
void *rp_invalid_kvpair(rp_parser *p);

/* parse_string.c: STRING+ as a Constant or JoinedStr */
rp_expr *rp_concatenate_strings(rp_parser *p, rp_token **toks, size_t n);

/* parser.c: a parser for an f-string's expression, run over the text
 * "(expr)" whose first byte stands at (lineno, col) of the source. */
rp_expr *rp_parse_fstring_expr(rp_parser *p, const char *text, size_t len,
                               int lineno, int col, int lines_before);

#endif /* RCPY_PARSER_H */
