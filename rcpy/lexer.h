/*
 * lexer.h — Python 3.11's tokens, read lazily from UTF-8 source.
 *
 * The lexer follows CPython's tokenizer (Parser/tokenizer.c) closely enough
 * that the parser built on it reports the same errors at the same places:
 * indentation is measured at the start of each logical line (tabs to the
 * next multiple of 8, checked against a second measure with tabs of width
 * 1 to catch inconsistent use), NEWLINE/INDENT/DEDENT are produced only
 * outside brackets, blank and comment-only lines produce nothing, and a
 * token is read only when the parser asks for it, so an error further in
 * the source is found only if the parser gets that far.
 *
 * Invariant: `cur` never passes `end`; `line_start` is the first byte of
 * the physical line `lineno` that holds the last byte read (lines are
 * counted as they are entered, as CPython does).
 */
#ifndef RCPY_LEXER_H
#define RCPY_LEXER_H

#include <rcgc.h>

#include <stdbool.h>
#include <stddef.h>

/* X(name, text): the operators and delimiters, CPython's token names. */
#define RP_OPERATORS(X)                                                        \
    X(LPAR, "(")                                                               \
    X(RPAR, ")")                                                               \
    X(LSQB, "[")                                                               \
    X(RSQB, "]")                                                               \
    X(COLON, ":")                                                              \
    X(COMMA, ",")                                                              \
    X(SEMI, ";")                                                               \
    X(PLUS, "+")                                                               \
    X(MINUS, "-")                                                              \
    X(STAR, "*")                                                               \
    X(SLASH, "/")                                                              \
    X(VBAR, "|")                                                               \
    X(AMPER, "&")                                                              \
    X(LESS, "<")                                                               \
    X(GREATER, ">")                                                            \
    X(EQUAL, "=")                                                              \
    X(DOT, ".")                                                                \
    X(PERCENT, "%")                                                            \
    X(LBRACE, "{")                                                             \
    X(RBRACE, "}")                                                             \
    X(EQEQUAL, "==")                                                           \
    X(NOTEQUAL, "!=")                                                          \
    X(LESSEQUAL, "<=")                                                         \
    X(GREATEREQUAL, ">=")                                                      \
    X(TILDE, "~")                                                              \
    X(CIRCUMFLEX, "^")                                                         \
    X(LEFTSHIFT, "<<")                                                         \
    X(RIGHTSHIFT, ">>")                                                        \
    X(DOUBLESTAR, "**")                                                        \
    X(PLUSEQUAL, "+=")                                                         \
    X(MINEQUAL, "-=")                                                          \
    X(STAREQUAL, "*=")                                                         \
    X(SLASHEQUAL, "/=")                                                        \
    X(PERCENTEQUAL, "%=")                                                      \
    X(AMPEREQUAL, "&=")                                                        \
    X(VBAREQUAL, "|=")                                                         \
    X(CIRCUMFLEXEQUAL, "^=")                                                   \
    X(LEFTSHIFTEQUAL, "<<=")                                                   \
    X(RIGHTSHIFTEQUAL, ">>=")                                                  \
    X(DOUBLESTAREQUAL, "**=")                                                  \
    X(DOUBLESLASH, "//")                                                       \
    X(DOUBLESLASHEQUAL, "//=")                                                 \
    X(AT, "@")                                                                 \
    X(ATEQUAL, "@=")                                                           \
    X(RARROW, "->")                                                            \
    X(ELLIPSIS, "...")                                                         \
    X(COLONEQUAL, ":=")

/* X(name, text): the keywords (async and await are keywords in 3.11). */
#define RP_KEYWORDS(X)                                                         \
    X(FALSE, "False")                                                          \
    X(NONE, "None")                                                            \
    X(TRUE, "True")                                                            \
    X(AND, "and")                                                              \
    X(AS, "as")                                                                \
    X(ASSERT, "assert")                                                        \
    X(ASYNC, "async")                                                          \
    X(AWAIT, "await")                                                          \
    X(BREAK, "break")                                                          \
    X(CLASS, "class")                                                          \
    X(CONTINUE, "continue")                                                    \
    X(DEF, "def")                                                              \
    X(DEL, "del")                                                              \
    X(ELIF, "elif")                                                            \
    X(ELSE, "else")                                                            \
    X(EXCEPT, "except")                                                        \
    X(FINALLY, "finally")                                                      \
    X(FOR, "for")                                                              \
    X(FROM, "from")                                                            \
    X(GLOBAL, "global")                                                        \
    X(IF, "if")                                                                \
    X(IMPORT, "import")                                                        \
    X(IN, "in")                                                                \
    X(IS, "is")                                                                \
    X(LAMBDA, "lambda")                                                        \
    X(NONLOCAL, "nonlocal")                                                    \
    X(NOT, "not")                                                              \
    X(OR, "or")                                                                \
    X(PASS, "pass")                                                            \
    X(RAISE, "raise")                                                          \
    X(RETURN, "return")                                                        \
    X(TRY, "try")                                                              \
    X(WHILE, "while")                                                          \
    X(WITH, "with")                                                            \
    X(YIELD, "yield")

typedef enum rp_toktype {
    RP_TOK_ENDMARKER,
    RP_TOK_NAME,
    RP_TOK_NUMBER,
    RP_TOK_STRING,
    RP_TOK_NEWLINE,
    RP_TOK_INDENT,
    RP_TOK_DEDENT,
    RP_TOK_OP,         /* a character that is no operator: '$', '?', '!' */
    RP_TOK_ERRORTOKEN, /* the lexer failed: see rp_lexer.done */
#define RP_TOK_ENUM(name, text) RP_TOK_##name,
    RP_OPERATORS(RP_TOK_ENUM)
#undef RP_TOK_ENUM
#define RP_KW_ENUM(name, text) RP_KW_##name,
        RP_KEYWORDS(RP_KW_ENUM)
#undef RP_KW_ENUM
            RP_TOK_COUNT
} rp_toktype;

/* Why the lexer stopped (CPython's E_* codes that matter here). */
typedef enum rp_lexdone {
    RP_LEX_OK,
    RP_LEX_EOF,      /* the end of the source was reached */
    RP_LEX_ERROR,    /* an error with a message: rp_lexer.err */
    RP_LEX_DEDENT,   /* unindent does not match any outer level */
    RP_LEX_TABSPACE, /* inconsistent use of tabs and spaces */
    RP_LEX_TOODEEP,  /* too many levels of indentation */
    RP_LEX_LINECONT, /* a character after a line continuation */
    RP_LEX_DECODE,   /* invalid UTF-8 in an identifier: rp_lexer.err */
    RP_LEX_NEEDMORE, /* interactive: input ends inside a statement */
    RP_LEX_STOP,     /* interactive, no more input to ask for: the end
                        reads as ENDMARKER (CPython's E_INTERACT_STOP) */
    RP_LEX_NOMEM     /* memory ran out (checking an identifier) */
} rp_lexdone;

#define RP_MAXINDENT 100 /* indentation levels */
#define RP_MAXLEVEL  200 /* nested brackets */

/* An error found by the lexer itself, located as CPython's tokenizer
 * locates it: 1-based columns in characters. */
typedef struct rp_lexerror {
    char msg[160];
    int lineno, col;         /* col: SyntaxError.offset */
    int end_lineno, end_col; /* -1: none */
    bool indentation;        /* IndentationError rather than SyntaxError */
} rp_lexerror;

typedef struct rp_lexer {
    rc_runtime *rt;         /* for identifier and printability checks */
    const char *buf, *end;  /* the source; *end is a NUL */
    const char *cur;        /* next byte to read */
    const char *line_start; /* first byte of line `lineno` */
    const char *line_end;   /* one past that line's '\n' (or end) */
    const char *start;      /* first byte of the token being read */
    int lineno;
    int line_base;    /* lineno before the first line (0, or more for an
                         f-string's expression) */
    bool interactive; /* RP_MODE_SINGLE: the prompt's rules */
    bool stop_at_end; /* interactive, but no more input may be asked for */
    /* indentation */
    bool atbol; /* at the beginning of a line */
    int pendin; /* pending INDENT (> 0) or DEDENT (< 0) tokens */
    int indent; /* index into indstack */
    int indstack[RP_MAXINDENT];
    int altindstack[RP_MAXINDENT];
    /* brackets */
    int level;
    char parenstack[RP_MAXLEVEL];
    int parenlineno[RP_MAXLEVEL];
    int parencol[RP_MAXLEVEL]; /* byte column of the opener */
    /* the string being read */
    const char *multi_line_start;
    int first_lineno;
    rp_lexdone done;
    rp_lexerror err; /* valid when done is RP_LEX_ERROR or _DECODE */
} rp_lexer;

/* One token as the parser sees it. Columns are 0-based byte offsets; -1
 * when the token has no text (INDENT, DEDENT, ENDMARKER). */
typedef struct rp_lextoken {
    rp_toktype type;
    const char *start, *end; /* its bytes (NULL when none) */
    int lineno, col, end_lineno, end_col;
    int level; /* brackets open after it */
} rp_lextoken;

/* src must stay alive and end with a NUL at src[len]; its first line is
 * line line_base + 1. */
void rp_lexer_init(rp_lexer *lx, rc_runtime *rt, const char *src, size_t len,
                   bool interactive, int line_base);
/* The next token; RP_TOK_ERRORTOKEN when lx->done says why. */
rp_toktype rp_lexer_next(rp_lexer *lx, rp_lextoken *t);

/* Characters in the first nbytes bytes of the line that starts at line
 * (clamped to its length + 1; negative counts unchanged): CPython's
 * byte-to-character offset for error columns. */
int rp_lexer_chars(const char *line, int nbytes);
/* Start of line `lineno` (1-based) of the source, or NULL. */
const char *rp_lexer_line(const rp_lexer *lx, int lineno);
/* A token's text as CPython's tokenizer module names it ("'('" ...), for
 * tests and messages. */
const char *rp_token_text(rp_toktype type);

#endif /* RCPY_LEXER_H */
