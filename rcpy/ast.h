/*
 * ast.h — the abstract syntax tree the parser builds and the compiler reads.
 *
 * The shapes are CPython 3.11's (Parser/Python.asdl) without async, await
 * and match, which rcpy does not support. Every node lives in the arena of
 * one parse and dies with it; sequences are arrays with a count. Objects in
 * the tree (identifiers, constants) are rcgc objects owned by the arena,
 * released when it is freed, so the compiler borrows them and increfs what
 * it keeps.
 *
 * Locations follow CPython: lines are 1-based, columns are 0-based byte
 * offsets into the UTF-8 line, end positions are exclusive.
 */
#ifndef RCPY_AST_H
#define RCPY_AST_H

#include <rcgc/objects.h>

/* ====================================================================== */
/* The arena                                                              */
/* ====================================================================== */

typedef struct rp_arena rp_arena;

/* A new arena drawing memory from rt's allocator; NULL on failure. */
rp_arena *rp_arena_new(rc_runtime *rt);
/* Frees every node and releases every object the arena holds. */
void rp_arena_free(rp_arena *a);
/* size zeroed bytes, 16-byte aligned, living as long as the arena; NULL
 * (RC_ENOMEM recorded) on failure. */
void *rp_arena_alloc(rp_arena *a, size_t size);
/* The arena takes over the reference to o (steals it), releasing it when
 * freed; returns o, or NULL when o is NULL or memory fails (o is then
 * released at once). */
rc_object *rp_arena_keep(rp_arena *a, rc_object *o);

/* ====================================================================== */
/* Locations and sequences                                                */
/* ====================================================================== */

typedef struct rp_loc {
    int lineno, col_offset;         /* start: 1-based line, 0-based byte */
    int end_lineno, end_col_offset; /* end, exclusive */
} rp_loc;

typedef struct rp_expr rp_expr;
typedef struct rp_stmt rp_stmt;

#define RP_SEQ(T)                                                              \
    struct {                                                                   \
        size_t n;                                                              \
        T *items;                                                              \
    }

typedef RP_SEQ(rp_expr *) rp_expr_seq;
typedef RP_SEQ(rp_stmt *) rp_stmt_seq;
typedef RP_SEQ(rc_object *) rp_ident_seq; /* interned str objects */

/* ====================================================================== */
/* Small enums                                                            */
/* ====================================================================== */

typedef enum rp_ctx { RP_LOAD, RP_STORE, RP_DEL } rp_ctx;

typedef enum rp_boolop { RP_AND, RP_OR } rp_boolop;

/* Binary operators are rcgc's rc_binop (RC_OP_ADD ... RC_OP_XOR; never
 * RC_OP_DIVMOD). */

typedef enum rp_unaryop {
    RP_INVERT, /* ~ */
    RP_NOT,    /* not */
    RP_UADD,   /* + */
    RP_USUB    /* - */
} rp_unaryop;

typedef enum rp_cmpop {
    RP_CMP_EQ,
    RP_CMP_NOTEQ,
    RP_CMP_LT,
    RP_CMP_LTE,
    RP_CMP_GT,
    RP_CMP_GTE,
    RP_CMP_IS,
    RP_CMP_ISNOT,
    RP_CMP_IN,
    RP_CMP_NOTIN
} rp_cmpop;

/* ====================================================================== */
/* Helper nodes                                                           */
/* ====================================================================== */

typedef struct rp_arg {
    rc_object *arg;        /* the parameter's name */
    rp_expr *annotation;   /* may be NULL; parsed and ignored */
    rp_loc loc;
} rp_arg;

typedef RP_SEQ(rp_arg *) rp_arg_seq;

typedef struct rp_arguments {
    rp_arg_seq posonlyargs; /* before "/" */
    rp_arg_seq args;        /* ordinary parameters */
    rp_arg *vararg;         /* *args, or NULL */
    rp_arg_seq kwonlyargs;  /* after * or *args */
    rp_expr_seq kw_defaults; /* one per kwonlyarg; NULL entry: required */
    rp_arg *kwarg;          /* **kwargs, or NULL */
    rp_expr_seq defaults;   /* for the last defaults.n of posonlyargs+args */
} rp_arguments;

typedef struct rp_keyword {
    rc_object *arg; /* NULL for **mapping */
    rp_expr *value;
    rp_loc loc;
} rp_keyword;

typedef RP_SEQ(rp_keyword *) rp_keyword_seq;

typedef struct rp_alias {
    rc_object *name;   /* "os.path", or "*" */
    rc_object *asname; /* NULL when absent */
    rp_loc loc;
} rp_alias;

typedef RP_SEQ(rp_alias *) rp_alias_seq;

typedef struct rp_withitem {
    rp_expr *context_expr;
    rp_expr *optional_vars; /* NULL when there is no "as" */
} rp_withitem;

typedef RP_SEQ(rp_withitem *) rp_withitem_seq;

typedef struct rp_comprehension {
    rp_expr *target;
    rp_expr *iter;
    rp_expr_seq ifs;
} rp_comprehension;

typedef RP_SEQ(rp_comprehension *) rp_comprehension_seq;

typedef struct rp_excepthandler {
    rp_expr *type;   /* NULL for a bare except */
    rc_object *name; /* "as" name, or NULL */
    rp_stmt_seq body;
    rp_loc loc;
} rp_excepthandler;

typedef RP_SEQ(rp_excepthandler *) rp_excepthandler_seq;

/* ====================================================================== */
/* Expressions                                                            */
/* ====================================================================== */

typedef enum rp_expr_kind {
    RP_E_BOOLOP,
    RP_E_NAMEDEXPR,
    RP_E_BINOP,
    RP_E_UNARYOP,
    RP_E_LAMBDA,
    RP_E_IFEXP,
    RP_E_DICT,
    RP_E_SET,
    RP_E_LISTCOMP,
    RP_E_SETCOMP,
    RP_E_DICTCOMP,
    RP_E_GENERATOREXP,
    RP_E_YIELD,
    RP_E_YIELDFROM,
    RP_E_COMPARE,
    RP_E_CALL,
    RP_E_FORMATTEDVALUE,
    RP_E_JOINEDSTR,
    RP_E_CONSTANT,
    RP_E_ATTRIBUTE,
    RP_E_SUBSCRIPT,
    RP_E_STARRED,
    RP_E_NAME,
    RP_E_LIST,
    RP_E_TUPLE,
    RP_E_SLICE
} rp_expr_kind;

struct rp_expr {
    rp_expr_kind kind;
    rp_loc loc;
    union {
        struct {
            rp_boolop op;
            rp_expr_seq values; /* two or more */
        } boolop;
        struct {
            rp_expr *target; /* a Name */
            rp_expr *value;
        } namedexpr;
        struct {
            rp_expr *left;
            rc_binop op;
            rp_expr *right;
        } binop;
        struct {
            rp_unaryop op;
            rp_expr *operand;
        } unaryop;
        struct {
            rp_arguments *args;
            rp_expr *body;
        } lambda;
        struct {
            rp_expr *test, *body, *orelse;
        } ifexp;
        struct {
            rp_expr_seq keys; /* a NULL key: the value is a **mapping */
            rp_expr_seq values;
        } dict;
        struct {
            rp_expr_seq elts;
        } set;
        struct { /* listcomp, setcomp, generatorexp */
            rp_expr *elt;
            rp_comprehension_seq generators;
        } comp;
        struct {
            rp_expr *key, *value;
            rp_comprehension_seq generators;
        } dictcomp;
        struct {
            rp_expr *value; /* NULL for a bare yield */
        } yield;
        struct {
            rp_expr *value;
        } yieldfrom;
        struct {
            rp_expr *left;
            size_t n;           /* operators and comparators */
            rp_cmpop *ops;
            rp_expr **comparators;
        } compare;
        struct {
            rp_expr *func;
            rp_expr_seq args;       /* may contain Starred */
            rp_keyword_seq keywords;
        } call;
        struct {
            rp_expr *value;
            int conversion;        /* -1 none, 's', 'r', 'a' */
            rp_expr *format_spec;  /* a JoinedStr, or NULL */
        } formattedvalue;
        struct {
            rp_expr_seq values; /* Constant str and FormattedValue */
        } joinedstr;
        struct {
            /* None, True, False, an int, float or str, or the Ellipsis
             * marker (rp_constant_is_ellipsis); owned by the arena */
            rc_object *value;
            bool ellipsis; /* value is NULL and the constant is `...` */
            bool kind_u;   /* a str written u"...": ast's kind='u' */
        } constant;
        struct {
            rp_expr *value;
            rc_object *attr;
            rp_ctx ctx;
        } attribute;
        struct {
            rp_expr *value;
            rp_expr *slice; /* an expression, a Slice, or a Tuple of them */
            rp_ctx ctx;
        } subscript;
        struct {
            rp_expr *value;
            rp_ctx ctx;
        } starred;
        struct {
            rc_object *id;
            rp_ctx ctx;
        } name;
        struct { /* list and tuple */
            rp_expr_seq elts;
            rp_ctx ctx;
        } seq;
        struct {
            rp_expr *lower, *upper, *step; /* each may be NULL */
        } slice;
    } v;
};

/* ====================================================================== */
/* Statements                                                             */
/* ====================================================================== */

typedef enum rp_stmt_kind {
    RP_S_FUNCTIONDEF,
    RP_S_CLASSDEF,
    RP_S_RETURN,
    RP_S_DELETE,
    RP_S_ASSIGN,
    RP_S_AUGASSIGN,
    RP_S_ANNASSIGN,
    RP_S_FOR,
    RP_S_WHILE,
    RP_S_IF,
    RP_S_WITH,
    RP_S_RAISE,
    RP_S_TRY,
    RP_S_ASSERT,
    RP_S_IMPORT,
    RP_S_IMPORTFROM,
    RP_S_GLOBAL,
    RP_S_NONLOCAL,
    RP_S_EXPR,
    RP_S_PASS,
    RP_S_BREAK,
    RP_S_CONTINUE
} rp_stmt_kind;

struct rp_stmt {
    rp_stmt_kind kind;
    rp_loc loc;
    union {
        struct {
            rc_object *name;
            rp_arguments *args;
            rp_stmt_seq body;
            rp_expr_seq decorator_list;
            rp_expr *returns; /* annotation, ignored; may be NULL */
        } functiondef;
        struct {
            rc_object *name;
            rp_expr_seq bases;
            rp_keyword_seq keywords; /* metaclass=..., others */
            rp_stmt_seq body;
            rp_expr_seq decorator_list;
        } classdef;
        struct {
            rp_expr *value; /* may be NULL */
        } return_;
        struct {
            rp_expr_seq targets;
        } delete_;
        struct {
            rp_expr_seq targets; /* a = b = value: two targets */
            rp_expr *value;
        } assign;
        struct {
            rp_expr *target;
            rc_binop op;
            rp_expr *value;
        } augassign;
        struct {
            rp_expr *target;
            rp_expr *annotation;
            rp_expr *value; /* may be NULL */
            bool simple;    /* target is a plain name, not in parentheses */
        } annassign;
        struct {
            rp_expr *target, *iter;
            rp_stmt_seq body, orelse;
        } for_;
        struct {
            rp_expr *test;
            rp_stmt_seq body, orelse;
        } while_;
        struct {
            rp_expr *test;
            rp_stmt_seq body, orelse; /* elif is an If in orelse */
        } if_;
        struct {
            rp_withitem_seq items;
            rp_stmt_seq body;
        } with;
        struct {
            rp_expr *exc, *cause; /* each may be NULL */
        } raise;
        struct {
            rp_stmt_seq body;
            rp_excepthandler_seq handlers;
            rp_stmt_seq orelse, finalbody;
        } try_;
        struct {
            rp_expr *test, *msg; /* msg may be NULL */
        } assert_;
        struct {
            rp_alias_seq names;
        } import;
        struct {
            rc_object *module; /* NULL for "from . import x" */
            rp_alias_seq names;
            int level; /* leading dots */
        } importfrom;
        struct {
            rp_ident_seq names;
        } global, nonlocal;
        struct {
            rp_expr *value;
        } expr;
    } v;
};

/* ====================================================================== */
/* Modules                                                                */
/* ====================================================================== */

typedef enum rp_mode {
    RP_MODE_EXEC,   /* a file or exec(): a sequence of statements */
    RP_MODE_SINGLE, /* one interactive statement: expression values echoed */
    RP_MODE_EVAL    /* eval(): one expression */
} rp_mode;

typedef struct rp_mod {
    rp_mode mode;
    rp_stmt_seq body; /* EXEC and SINGLE */
    rp_expr *expr;    /* EVAL */
} rp_mod;

/* ====================================================================== */
/* Parsing (lexer.c, parser.c)                                            */
/* ====================================================================== */

/* What went wrong, for the SyntaxError the caller raises. */
typedef enum rp_syntax_kind {
    RP_SYNTAX_ERROR,      /* SyntaxError */
    RP_INDENTATION_ERROR, /* IndentationError */
    RP_TAB_ERROR,         /* TabError */
    RP_SYNTAX_NOMEM,      /* not a syntax error: memory ran out */
    RP_SYNTAX_INCOMPLETE, /* the input ends inside a statement: the prompt
                             asks for more lines instead of failing */
    RP_SYNTAX_RECURSION   /* not a syntax error: nesting too deep for the
                             parser or the tree (CPython's RecursionError
                             "maximum recursion depth exceeded during
                             compilation") */
} rp_syntax_kind;

typedef struct rp_syntax_error {
    rp_syntax_kind kind;
    char msg[256];   /* CPython's message: "invalid syntax", "'(' was never
                        closed", "expected ':'", "unindent does not match
                        any outer indentation level" ... */
    int lineno, col; /* 1-based line, 1-based column in characters (as
                        SyntaxError.offset) */
    int end_lineno, end_col; /* as SyntaxError.end_lineno/end_offset; 0 if
                                unknown */
    char text[160]; /* SyntaxError.text when it is not line `lineno` of the
                       source (an f-string's expression, "(a b)"); "" means
                       that line */
} rp_syntax_error;

/* Parses len bytes of UTF-8 source (need not be NUL-terminated). Returns
 * the tree, allocated in arena, or NULL with *err filled in. A leading
 * UTF-8 BOM and a "# -*- coding: utf-8 -*-" line are accepted (latin-1 is
 * read too; another declared encoding is "encoding problem: x").
 *
 * RP_MODE_SINGLE reads the lines typed at the prompt so far (a final
 * newline is implied) with the prompt's rules: it returns
 * RP_SYNTAX_INCOMPLETE when the statement needs more lines — inside a
 * bracket, a triple-quoted string or after a backslash, after a line
 * ending in ':', and in a compound statement until an empty line ends it
 * ("if x:\n    pass\n" is incomplete, "if x:\n    pass\n\n" is not).
 * compile(src, name, 'single') is codeop's: parse src, and when that is
 * incomplete, src + "\n"; still incomplete is a SyntaxError. Several
 * statements are "multiple statements found while compiling a single
 * statement". Empty source parses to an empty body. */
rp_mod *rp_parse(rp_arena *arena, const char *src, size_t len, rp_mode mode,
                 rp_syntax_error *err);
/* rp_parse with flags: without RP_PARSE_PROMPT, RP_MODE_SINGLE parses
 * as compile(src, name, 'single') does (the end of the text ends the
 * statement; no final newline implied), never RP_SYNTAX_INCOMPLETE.
 * rp_parse(SINGLE) is rp_parse_ex(SINGLE, RP_PARSE_PROMPT). */
#define RP_PARSE_PROMPT 1u
rp_mod *rp_parse_ex(rp_arena *arena, const char *src, size_t len,
                    rp_mode mode, unsigned flags, rp_syntax_error *err);

/* Debugging and tests: the tree in CPython's ast.dump() format (without
 * attributes), as a new str, or NULL. */
rc_object *rp_ast_dump(rc_runtime *rt, const rp_mod *mod);
/* The same with include_attributes=True when attrs is set: each node's
 * lineno, col_offset, end_lineno, end_col_offset as CPython prints them. */
rc_object *rp_ast_dump_ex(rc_runtime *rt, const rp_mod *mod, bool attrs);

#endif /* RCPY_AST_H */
