/*
 * lexer.c — Python 3.11's tokenizer (see lexer.h for what it promises).
 *
 * The source is one buffer in memory, already in UTF-8 with '\n' line
 * ends (rp_parse translates \r\n and \r and appends the final newline).
 * Bytes are read one at a time with nextc/backup; entering a new physical
 * line counts it, as CPython's underflow does, so that every location and
 * every error message matches CPython's. Errors are recorded in lx->err
 * with CPython's message and position and end the token stream: every
 * later request returns ERRORTOKEN again.
 */
#include "lexer.h"

#include <rcgc/objects.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define EOF_CHAR (-1)
#define TABSIZE  8

/* ====================================================================== */
/* Reading bytes                                                          */
/* ====================================================================== */

void rp_lexer_init(rp_lexer *lx, rc_runtime *rt, const char *src, size_t len,
                   bool interactive, int line_base) {
    memset(lx, 0, sizeof *lx);
    lx->lineno = lx->line_base = line_base;
    lx->rt = rt;
    lx->buf = lx->cur = lx->line_start = lx->line_end = src;
    lx->end = src + len;
    lx->interactive = interactive;
    lx->atbol = true;
}

/* Enters the next physical line; false at the end of the source. */
static bool next_line(rp_lexer *lx) {
    if (lx->cur >= lx->end) {
        lx->done = !lx->interactive  ? RP_LEX_EOF
                   : lx->stop_at_end ? RP_LEX_STOP
                                     : RP_LEX_NEEDMORE;
        return false;
    }
    const char *nl = memchr(lx->cur, '\n', (size_t)(lx->end - lx->cur));
    lx->line_start = lx->cur;
    lx->line_end = nl ? nl + 1 : lx->end;
    lx->lineno++;
    return true;
}

static int nextc(rp_lexer *lx) {
    if (lx->cur == lx->line_end) {
        if (lx->done != RP_LEX_OK || !next_line(lx))
            return EOF_CHAR;
    }
    return (unsigned char)*lx->cur++;
}

static void backup(rp_lexer *lx, int c) {
    if (c != EOF_CHAR)
        lx->cur--;
}

/* Characters (code points) in the first n bytes of s; a sequence cut
 * short counts as one, as CPython's decoding with "replace" does. */
static int count_chars(const char *s, size_t n) {
    int count = 0;
    for (size_t i = 0; i < n && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

int rp_lexer_chars(const char *line, int nbytes) {
    if (nbytes <= 0)
        return nbytes;
    /* CPython decodes the first nbytes of the line as a string of its
     * own (newline included), clamped to its length + 1: the byte past
     * the end counts as one character */
    size_t len = strcspn(line, "\n");
    if (line[len] == '\n')
        len++;
    size_t n = (size_t)nbytes;
    int extra = 0;
    if (n > len) {
        extra = 1;
        n = len;
    }
    return count_chars(line, n) + extra;
}

const char *rp_lexer_line(const rp_lexer *lx, int lineno) {
    const char *s = lx->buf;
    if (lineno <= lx->line_base)
        return NULL;
    for (int l = lx->line_base + 1; l < lineno; l++) {
        const char *nl = memchr(s, '\n', (size_t)(lx->end - s));
        if (!nl)
            return NULL;
        s = nl + 1;
    }
    return s;
}

/* ====================================================================== */
/* Errors                                                                 */
/* ====================================================================== */

/* An error at the current position (or the given 1-based columns):
 * CPython's tokenizer syntaxerror(). Returns ERRORTOKEN. */
static rp_toktype error_range(rp_lexer *lx, int col, int end_col,
                              const char *fmt, va_list ap) {
    vsnprintf(lx->err.msg, sizeof lx->err.msg, fmt, ap);
    if (col < 0)
        col = count_chars(lx->line_start, (size_t)(lx->cur - lx->line_start));
    if (end_col < 0)
        end_col = col;
    lx->err.lineno = lx->err.end_lineno = lx->lineno;
    lx->err.col = col;
    lx->err.end_col = end_col;
    lx->err.indentation = false;
    lx->done = RP_LEX_ERROR;
    return RP_TOK_ERRORTOKEN;
}

static rp_toktype syntax_error(rp_lexer *lx, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    rp_toktype t = error_range(lx, -1, -1, fmt, ap);
    va_end(ap);
    return t;
}

static rp_toktype syntax_error_range(rp_lexer *lx, int col, int end_col,
                                     const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    rp_toktype t = error_range(lx, col, end_col, fmt, ap);
    va_end(ap);
    return t;
}

static rp_toktype fail(rp_lexer *lx, rp_lexdone why) {
    lx->done = why;
    lx->cur = lx->line_end;
    return RP_TOK_ERRORTOKEN;
}

/* ====================================================================== */
/* Characters                                                             */
/* ====================================================================== */

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_id_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c >= 128;
}

static bool is_id_char(int c) {
    return is_id_start(c) || is_digit(c);
}

/* Decodes one UTF-8 sequence at s (< end); 0 and *len 1 when invalid. */
static uint32_t utf8_decode(const unsigned char *s, const unsigned char *end,
                            int *len) {
    static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    unsigned c = s[0];
    int n = c < 0x80   ? 1
            : c < 0xC2 ? 0
            : c < 0xE0 ? 2
            : c < 0xF0 ? 3
            : c < 0xF5 ? 4
                       : 0;
    *len = 1;
    if (n == 0)
        return 0;
    if (n == 1)
        return c;
    if (end - s < n)
        return 0;
    uint32_t cp = c & (0x7Fu >> n);
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *len = n;
    return cp;
}

/* A str of the text, or NULL with lx->done RP_LEX_NOMEM. */
static rc_object *small_str(rp_lexer *lx, const char *utf8, size_t len) {
    rc_object *s = rc_str_from_utf8(lx->rt, utf8, len);
    if (!s) {
        rc_clear_error(lx->rt);
        lx->done = RP_LEX_NOMEM;
    }
    return s;
}

/* Python's str.isprintable() for one code point, from the library's repr
 * (a printable character is its own repr): 1, 0, or -1 out of memory. */
static int is_printable(rp_lexer *lx, const char *utf8, int len) {
    rc_object *s = small_str(lx, utf8, (size_t)len);
    if (!s)
        return -1;
    rc_object *r = rc_repr(s);
    rc_decref(s);
    if (!r) {
        rc_clear_error(lx->rt);
        lx->done = RP_LEX_NOMEM;
        return -1;
    }
    int printable = rc_str_size(r) == (size_t)len + 2;
    rc_decref(r);
    return printable;
}

/* Does the text start an identifier (first) or continue one? 1, 0, or -1
 * out of memory. */
static int id_ok(rp_lexer *lx, const char *utf8, int len, bool first) {
    char tmp[8];
    int n = 0;
    if (!first)
        tmp[n++] = 'a';
    memcpy(tmp + n, utf8, (size_t)len);
    rc_object *s = small_str(lx, tmp, (size_t)(n + len));
    if (!s)
        return -1;
    int ok = rc_str_isidentifier(s);
    rc_decref(s);
    return ok;
}

/* Records the library's UTF-8 decoding message for [s, e) (CPython's
 * codec message, positions relative to s). */
static void decode_error(rp_lexer *lx, const char *s, const char *e) {
    rc_object *o = rc_str_from_utf8(lx->rt, s, (size_t)(e - s));
    rc_xdecref(o);
    lx->done =
        rc_last_error(lx->rt) == RC_ENOMEM ? RP_LEX_NOMEM : RP_LEX_DECODE;
    snprintf(lx->err.msg, sizeof lx->err.msg, "%s",
             o ? "invalid utf-8" : rc_last_error_message(lx->rt));
    rc_clear_error(lx->rt);
}

/* Checks the identifier [start, cur) that holds non-ASCII bytes:
 * CPython's verify_identifier. False with an error recorded. */
static bool verify_identifier(rp_lexer *lx) {
    const unsigned char *s = (const unsigned char *)lx->start;
    const unsigned char *e = (const unsigned char *)lx->cur;
    bool first = true;
    while (s < e) {
        int len;
        uint32_t cp = utf8_decode(s, e, &len);
        if (cp == 0) {
            decode_error(lx, lx->start, lx->cur);
            return false;
        }
        int ok = id_ok(lx, (const char *)s, len, first);
        if (ok < 0)
            return false;
        if (!ok) {
            const unsigned char *after = s + len;
            if (after < e)
                lx->cur = (const char *)after;
            char ch[8];
            memcpy(ch, s, (size_t)len);
            ch[len] = '\0';
            int printable = is_printable(lx, ch, len);
            if (printable < 0)
                return false;
            if (printable)
                syntax_error(lx, "invalid character '%s' (U+%04X)", ch,
                             (unsigned)cp);
            else
                syntax_error(lx, "invalid non-printable character U+%04X",
                             (unsigned)cp);
            return false;
        }
        first = false;
        s += len;
    }
    return true;
}

/* ====================================================================== */
/* Indentation                                                            */
/* ====================================================================== */

/* After a backslash: the next character must end the line. Returns the
 * first character of the next line, or -2 on error. */
static int continuation_line(rp_lexer *lx) {
    int c = nextc(lx);
    if (c != '\n') {
        lx->done = RP_LEX_LINECONT;
        return -2;
    }
    c = nextc(lx);
    if (c == EOF_CHAR) {
        if (lx->done != RP_LEX_NEEDMORE)
            lx->done = RP_LEX_EOF;
        lx->cur = lx->line_end;
        return -2;
    }
    backup(lx, c);
    return c;
}

/* Measures the indentation of a new line and queues INDENT/DEDENT tokens.
 * Returns 1 when the line is blank (to be skipped), 0 otherwise, negative
 * (ERRORTOKEN to return) on error. */
static int read_indentation(rp_lexer *lx) {
    int col = 0, altcol = 0, cont_line_col = 0, c;
    for (;;) {
        c = nextc(lx);
        if (c == ' ') {
            col++, altcol++;
        } else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol++;
        } else if (c == '\014') {
            col = altcol = 0;
        } else if (c == '\\') {
            cont_line_col = cont_line_col ? cont_line_col : col;
            if (continuation_line(lx) == -2)
                return -1;
        } else {
            break;
        }
    }
    backup(lx, c);
    bool blank = false;
    if (c == '#' || c == '\n') {
        if (lx->interactive && col == 0 && c == '\n')
            blank = false; /* an empty line ends a block at the prompt */
        else if (lx->interactive && lx->lineno == 1)
            blank = false, col = altcol = 0;
        else
            blank = true;
    }
    if (blank || lx->level != 0)
        return blank;
    if (cont_line_col)
        col = altcol = cont_line_col;
    if (col == lx->indstack[lx->indent]) {
        if (altcol != lx->altindstack[lx->indent])
            return fail(lx, RP_LEX_TABSPACE), -1;
    } else if (col > lx->indstack[lx->indent]) {
        if (lx->indent + 1 >= RP_MAXINDENT)
            return fail(lx, RP_LEX_TOODEEP), -1;
        if (altcol <= lx->altindstack[lx->indent])
            return fail(lx, RP_LEX_TABSPACE), -1;
        lx->pendin++;
        lx->indstack[++lx->indent] = col;
        lx->altindstack[lx->indent] = altcol;
    } else {
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->pendin--;
            lx->indent--;
        }
        if (col != lx->indstack[lx->indent])
            return fail(lx, RP_LEX_DEDENT), -1;
        if (altcol != lx->altindstack[lx->indent])
            return fail(lx, RP_LEX_TABSPACE), -1;
    }
    return 0;
}

/* ====================================================================== */
/* Numbers                                                                */
/* ====================================================================== */

/* Do the bytes after the one just read spell rest, not followed by a
 * character that continues a name? */
static bool lookahead(const rp_lexer *lx, const char *rest) {
    size_t n = strlen(rest);
    if ((size_t)(lx->end - lx->cur) < n || memcmp(lx->cur, rest, n) != 0)
        return false;
    return !is_id_char((unsigned char)lx->cur[n]);
}

/* Is c (just read) allowed right after a number? CPython's
 * verify_end_of_number: a keyword that may follow a number in valid code
 * ("1if x else 2") is accepted (CPython warns), anything else that could
 * continue a name is an error. */
static bool end_of_number(rp_lexer *lx, int c, const char *kind) {
    bool keyword = false;
    if (c == 'a')
        keyword = lookahead(lx, "nd");
    else if (c == 'e')
        keyword = lookahead(lx, "lse");
    else if (c == 'f')
        keyword = lookahead(lx, "or");
    else if (c == 'o')
        keyword = lookahead(lx, "r");
    else if (c == 'n')
        keyword = lookahead(lx, "ot");
    else if (c == 'i')
        keyword = lx->cur < lx->end &&
                  (*lx->cur == 'f' || *lx->cur == 'n' || *lx->cur == 's');
    /* (a non-ASCII character after a number is left to the parser) */
    if (!keyword && c != EOF_CHAR && c < 128 && is_id_char(c)) {
        backup(lx, c);
        syntax_error(lx, "invalid %s literal", kind);
        return false;
    }
    return true;
}

/* Digits with single underscores between them; returns the character
 * after them, or 0 after an error. */
static int decimal_tail(rp_lexer *lx) {
    int c;
    for (;;) {
        do {
            c = nextc(lx);
        } while (is_digit(c));
        if (c != '_')
            break;
        c = nextc(lx);
        if (!is_digit(c)) {
            backup(lx, c);
            syntax_error(lx, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

/* 0x / 0o / 0b digits after the prefix letter; c is the letter. */
static rp_toktype radix_number(rp_lexer *lx, int letter) {
    int base = (letter | 0x20) == 'x' ? 16 : (letter | 0x20) == 'o' ? 8 : 2;
    const char *name = base == 16  ? "hexadecimal"
                       : base == 8 ? "octal"
                                   : "binary";
    int c = nextc(lx);
    do {
        if (c == '_')
            c = nextc(lx);
        bool ok = base == 16  ? is_xdigit(c)
                  : base == 8 ? (c >= '0' && c < '8')
                              : (c == '0' || c == '1');
        if (!ok) {
            if (base != 16 && is_digit(c))
                return syntax_error(lx, "invalid digit '%c' in %s literal", c,
                                    name);
            backup(lx, c);
            return syntax_error(lx, "invalid %s literal", name);
        }
        do {
            c = nextc(lx);
        } while (base == 16  ? is_xdigit(c)
                 : base == 8 ? (c >= '0' && c < '8')
                             : (c == '0' || c == '1'));
    } while (c == '_');
    if (base != 16 && is_digit(c))
        return syntax_error(lx, "invalid digit '%c' in %s literal", c, name);
    if (!end_of_number(lx, c, name))
        return RP_TOK_ERRORTOKEN;
    backup(lx, c);
    return RP_TOK_NUMBER;
}

/* The fraction, exponent and imaginary parts; c is the character after
 * the integer part (or after the '.'), in_fraction when a '.' was read. */
static rp_toktype number_rest(rp_lexer *lx, int c, bool in_fraction) {
    if (!in_fraction && c == '.') {
        c = nextc(lx);
        in_fraction = true;
    }
    if (in_fraction && is_digit(c)) {
        c = decimal_tail(lx);
        if (c == 0)
            return RP_TOK_ERRORTOKEN;
    }
    if (c == 'e' || c == 'E') {
        int e = c;
        c = nextc(lx);
        if (c == '+' || c == '-') {
            c = nextc(lx);
            if (!is_digit(c)) {
                backup(lx, c);
                return syntax_error(lx, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup(lx, c);
            if (!end_of_number(lx, e, "decimal"))
                return RP_TOK_ERRORTOKEN;
            backup(lx, e);
            return RP_TOK_NUMBER;
        }
        c = decimal_tail(lx);
        if (c == 0)
            return RP_TOK_ERRORTOKEN;
    }
    if (c == 'j' || c == 'J') {
        c = nextc(lx);
        if (!end_of_number(lx, c, "imaginary"))
            return RP_TOK_ERRORTOKEN;
    } else if (!end_of_number(lx, c, "decimal")) {
        return RP_TOK_ERRORTOKEN;
    }
    backup(lx, c);
    return RP_TOK_NUMBER;
}

/* A number starting with '0' (already read). */
static rp_toktype zero_number(rp_lexer *lx) {
    int c = nextc(lx);
    if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B')
        return radix_number(lx, c);
    bool nonzero = false;
    for (;;) {
        if (c == '_') {
            c = nextc(lx);
            if (!is_digit(c)) {
                backup(lx, c);
                return syntax_error(lx, "invalid decimal literal");
            }
        }
        if (c != '0')
            break;
        c = nextc(lx);
    }
    const char *zeros_end = lx->cur;
    if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail(lx);
        if (c == 0)
            return RP_TOK_ERRORTOKEN;
    }
    if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J')
        return number_rest(lx, c, false);
    if (nonzero) {
        backup(lx, c);
        return syntax_error_range(
            lx, (int)(lx->start + 1 - lx->line_start),
            (int)(zeros_end - lx->line_start),
            "leading zeros in decimal integer literals are not permitted; "
            "use an 0o prefix for octal integers");
    }
    if (!end_of_number(lx, c, "decimal"))
        return RP_TOK_ERRORTOKEN;
    backup(lx, c);
    return RP_TOK_NUMBER;
}

static rp_toktype number(rp_lexer *lx, int c) {
    if (c == '0')
        return zero_number(lx);
    c = decimal_tail(lx);
    if (c == 0)
        return RP_TOK_ERRORTOKEN;
    return number_rest(lx, c, false);
}

/* ====================================================================== */
/* Strings                                                                */
/* ====================================================================== */

/* The rest of a string literal after its opening quote. */
static rp_toktype string(rp_lexer *lx, int quote) {
    int quote_size = 1, end_quote_size = 0;
    lx->first_lineno = lx->lineno;
    lx->multi_line_start = lx->line_start;
    int c = nextc(lx);
    if (c == quote) {
        c = nextc(lx);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1; /* the empty string */
    }
    if (c != quote)
        backup(lx, c);
    while (end_quote_size != quote_size) {
        c = nextc(lx);
        if (c == EOF_CHAR || (quote_size == 1 && c == '\n')) {
            if (c == EOF_CHAR && lx->done == RP_LEX_NEEDMORE)
                return RP_TOK_ERRORTOKEN;
            int detected = lx->lineno;
            lx->cur = lx->start + 1;
            lx->line_start = lx->multi_line_start;
            lx->lineno = lx->first_lineno;
            syntax_error(lx,
                         quote_size == 3
                             ? "unterminated triple-quoted string literal "
                               "(detected at line %d)"
                             : "unterminated string literal (detected at "
                               "line %d)",
                         detected);
            return RP_TOK_ERRORTOKEN;
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\')
                nextc(lx);
        }
    }
    return RP_TOK_STRING;
}

/* String prefixes: any of b r u f in the combinations Python allows. */
static bool prefix_continues(int c, int *saw) {
    enum { B = 1, R = 2, U = 4, F = 8 };
    int lc = c | 0x20;
    if (lc == 'b' && !(*saw & (B | U | F)))
        *saw |= B;
    else if (lc == 'u' && !*saw)
        *saw |= U;
    else if (lc == 'r' && !(*saw & (R | U)))
        *saw |= R;
    else if (lc == 'f' && !(*saw & (F | B | U)))
        *saw |= F;
    else
        return false;
    return true;
}

/* ====================================================================== */
/* Operators                                                              */
/* ====================================================================== */

static rp_toktype one_char(int c) {
    switch (c) {
    case '(':
        return RP_TOK_LPAR;
    case ')':
        return RP_TOK_RPAR;
    case '[':
        return RP_TOK_LSQB;
    case ']':
        return RP_TOK_RSQB;
    case ':':
        return RP_TOK_COLON;
    case ',':
        return RP_TOK_COMMA;
    case ';':
        return RP_TOK_SEMI;
    case '+':
        return RP_TOK_PLUS;
    case '-':
        return RP_TOK_MINUS;
    case '*':
        return RP_TOK_STAR;
    case '/':
        return RP_TOK_SLASH;
    case '|':
        return RP_TOK_VBAR;
    case '&':
        return RP_TOK_AMPER;
    case '<':
        return RP_TOK_LESS;
    case '>':
        return RP_TOK_GREATER;
    case '=':
        return RP_TOK_EQUAL;
    case '.':
        return RP_TOK_DOT;
    case '%':
        return RP_TOK_PERCENT;
    case '{':
        return RP_TOK_LBRACE;
    case '}':
        return RP_TOK_RBRACE;
    case '^':
        return RP_TOK_CIRCUMFLEX;
    case '~':
        return RP_TOK_TILDE;
    case '@':
        return RP_TOK_AT;
    default:
        return RP_TOK_OP;
    }
}

static rp_toktype two_chars(int c1, int c2) {
    static const struct {
        char a, b;
        rp_toktype t;
    } ops[] = {
        {'!', '=', RP_TOK_NOTEQUAL},        {'%', '=', RP_TOK_PERCENTEQUAL},
        {'&', '=', RP_TOK_AMPEREQUAL},      {'*', '*', RP_TOK_DOUBLESTAR},
        {'*', '=', RP_TOK_STAREQUAL},       {'+', '=', RP_TOK_PLUSEQUAL},
        {'-', '=', RP_TOK_MINEQUAL},        {'-', '>', RP_TOK_RARROW},
        {'/', '/', RP_TOK_DOUBLESLASH},     {'/', '=', RP_TOK_SLASHEQUAL},
        {':', '=', RP_TOK_COLONEQUAL},      {'<', '<', RP_TOK_LEFTSHIFT},
        {'<', '=', RP_TOK_LESSEQUAL},       {'<', '>', RP_TOK_NOTEQUAL},
        {'=', '=', RP_TOK_EQEQUAL},         {'>', '=', RP_TOK_GREATEREQUAL},
        {'>', '>', RP_TOK_RIGHTSHIFT},      {'@', '=', RP_TOK_ATEQUAL},
        {'^', '=', RP_TOK_CIRCUMFLEXEQUAL}, {'|', '=', RP_TOK_VBAREQUAL},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (ops[i].a == c1 && ops[i].b == c2)
            return ops[i].t;
    return RP_TOK_OP;
}

static rp_toktype three_chars(int c1, int c2, int c3) {
    if (c3 != '=')
        return RP_TOK_OP;
    if (c1 == '*' && c2 == '*')
        return RP_TOK_DOUBLESTAREQUAL;
    if (c1 == '/' && c2 == '/')
        return RP_TOK_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<')
        return RP_TOK_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>')
        return RP_TOK_RIGHTSHIFTEQUAL;
    return RP_TOK_OP;
}

/* Brackets: the nesting stack and its errors. */
static rp_toktype bracket(rp_lexer *lx, int c, rp_toktype t) {
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= RP_MAXLEVEL)
            return syntax_error(lx, "too many nested parentheses");
        lx->parenstack[lx->level] = (char)c;
        lx->parenlineno[lx->level] = lx->lineno;
        lx->parencol[lx->level] = (int)(lx->start - lx->line_start);
        lx->level++;
        return t;
    }
    if (lx->level == 0)
        return syntax_error(lx, "unmatched '%c'", c);
    int open = lx->parenstack[--lx->level];
    if ((open == '(' && c == ')') || (open == '[' && c == ']') ||
        (open == '{' && c == '}'))
        return t;
    if (lx->parenlineno[lx->level] != lx->lineno)
        return syntax_error(lx,
                            "closing parenthesis '%c' does not match opening "
                            "parenthesis '%c' on line %d",
                            c, open, lx->parenlineno[lx->level]);
    return syntax_error(lx,
                        "closing parenthesis '%c' does not match opening "
                        "parenthesis '%c'",
                        c, open);
}

static rp_toktype operator(rp_lexer *lx, int c) {
    int c2 = nextc(lx);
    rp_toktype t = two_chars(c, c2);
    if (t != RP_TOK_OP) {
        int c3 = nextc(lx);
        rp_toktype t3 = three_chars(c, c2, c3);
        if (t3 != RP_TOK_OP)
            return t3;
        backup(lx, c3);
        return t;
    }
    backup(lx, c2);
    t = one_char(c);
    if (c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}')
        return bracket(lx, c, t);
    if (c < ' ' || c == 127)
        return syntax_error(lx, "invalid non-printable character U+%04X", c);
    return t;
}

/* ====================================================================== */
/* Tokens                                                                 */
/* ====================================================================== */

static rp_toktype keyword(const char *s, size_t n) {
    static const struct {
        const char *text;
        rp_toktype t;
    } kws[] = {
#define RP_KW_ENTRY(name, text) {text, RP_KW_##name},
        RP_KEYWORDS(RP_KW_ENTRY)
#undef RP_KW_ENTRY
    };
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        if (strlen(kws[i].text) == n && memcmp(kws[i].text, s, n) == 0)
            return kws[i].t;
    return RP_TOK_NAME;
}

/* A name or a prefixed string; c is its first character. */
static rp_toktype name_or_string(rp_lexer *lx, int c) {
    int saw = 0;
    while (prefix_continues(c, &saw)) {
        c = nextc(lx);
        if (c == '"' || c == '\'')
            return string(lx, c);
    }
    bool nonascii = false;
    while (is_id_char(c)) {
        if (c >= 128)
            nonascii = true;
        c = nextc(lx);
    }
    backup(lx, c);
    if (nonascii && !verify_identifier(lx))
        return RP_TOK_ERRORTOKEN;
    return RP_TOK_NAME;
}

/* Skips a comment; returns the character after it ('\n' or EOF). */
static int skip_comment(rp_lexer *lx) {
    int c;
    do {
        c = nextc(lx);
    } while (c != EOF_CHAR && c != '\n');
    return c;
}

/* The token after the indentation has been dealt with. */
static rp_toktype token(rp_lexer *lx, bool *blankline) {
again:
    lx->start = NULL;
    int c;
    do {
        c = nextc(lx);
    } while (c == ' ' || c == '\t' || c == '\014');
    lx->start = lx->cur - (c == EOF_CHAR ? 0 : 1);
    if (c == '#')
        c = skip_comment(lx);
    if (lx->done == RP_LEX_STOP)
        return RP_TOK_ENDMARKER;
    if (c == EOF_CHAR) {
        if (lx->done == RP_LEX_EOF && lx->level == 0)
            return RP_TOK_ENDMARKER;
        return RP_TOK_ERRORTOKEN;
    }
    if (is_id_start(c))
        return name_or_string(lx, c);
    if (c == '\n') {
        lx->atbol = true;
        if (*blankline || lx->level > 0)
            return RP_TOK_COUNT; /* no token: read the next line */
        return RP_TOK_NEWLINE;
    }
    if (c == '.') {
        int d = nextc(lx);
        if (is_digit(d))
            return number_rest(lx, d, true);
        if (d == '.') {
            int e = nextc(lx);
            if (e == '.')
                return RP_TOK_ELLIPSIS;
            backup(lx, e);
        }
        backup(lx, d);
        return RP_TOK_DOT;
    }
    if (is_digit(c))
        return number(lx, c);
    if (c == '"' || c == '\'')
        return string(lx, c);
    if (c == '\\') {
        if (continuation_line(lx) == -2)
            return RP_TOK_ERRORTOKEN;
        goto again;
    }
    return operator(lx, c);
}

rp_toktype rp_lexer_next(rp_lexer *lx, rp_lextoken *t) {
    rp_toktype type;
    memset(t, 0, sizeof *t);
    if (lx->done != RP_LEX_OK && lx->done != RP_LEX_EOF &&
        lx->done != RP_LEX_STOP) {
        type = RP_TOK_ERRORTOKEN;
        goto out;
    }
    for (;;) {
        bool blankline = false;
        lx->start = NULL;
        if (lx->atbol) {
            lx->atbol = false;
            int r = read_indentation(lx);
            if (r < 0) {
                type = RP_TOK_ERRORTOKEN;
                goto out;
            }
            blankline = r == 1;
        }
        lx->start = lx->cur;
        if (lx->pendin != 0) {
            type = lx->pendin < 0 ? RP_TOK_DEDENT : RP_TOK_INDENT;
            lx->pendin += lx->pendin < 0 ? 1 : -1;
            t->type = type;
            t->lineno = t->end_lineno = lx->lineno;
            t->col = t->end_col = -1;
            t->level = lx->level;
            return type;
        }
        type = token(lx, &blankline);
        if (type != RP_TOK_COUNT)
            break;
    }
    if (type == RP_TOK_NAME)
        type = keyword(lx->start, (size_t)(lx->cur - lx->start));
    if (type != RP_TOK_ERRORTOKEN && type != RP_TOK_ENDMARKER) {
        t->start = lx->start;
        t->end = type == RP_TOK_NEWLINE ? lx->cur - 1 : lx->cur;
    }
out:
    t->type = type;
    {
        bool str = type == RP_TOK_STRING;
        const char *ls = str ? lx->multi_line_start : lx->line_start;
        t->lineno = str ? lx->first_lineno : lx->lineno;
        t->end_lineno = lx->lineno;
        t->col = t->start && t->start >= ls ? (int)(t->start - ls) : -1;
        t->end_col = t->end && t->end >= lx->line_start
                         ? (int)(t->end - lx->line_start)
                         : -1;
    }
    t->level = lx->level;
    return type;
}

/* ====================================================================== */
/* Names of tokens                                                        */
/* ====================================================================== */

const char *rp_token_text(rp_toktype type) {
    switch (type) {
    case RP_TOK_ENDMARKER:
        return "ENDMARKER";
    case RP_TOK_NAME:
        return "NAME";
    case RP_TOK_NUMBER:
        return "NUMBER";
    case RP_TOK_STRING:
        return "STRING";
    case RP_TOK_NEWLINE:
        return "NEWLINE";
    case RP_TOK_INDENT:
        return "INDENT";
    case RP_TOK_DEDENT:
        return "DEDENT";
    case RP_TOK_OP:
        return "OP";
    case RP_TOK_ERRORTOKEN:
        return "ERRORTOKEN";
#define RP_TOK_CASE(name, text)                                                \
    case RP_TOK_##name:                                                        \
        return text;
        RP_OPERATORS(RP_TOK_CASE)
#undef RP_TOK_CASE
#define RP_KW_CASE(name, text)                                                 \
    case RP_KW_##name:                                                         \
        return text;
        RP_KEYWORDS(RP_KW_CASE)
#undef RP_KW_CASE
    default:
        return "?";
    }
}
