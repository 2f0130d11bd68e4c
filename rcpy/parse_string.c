/*
 * parse_string.c — literals: numbers, string literals with their escapes,
 * implicit concatenation and f-strings, as CPython 3.11's string_parser.c
 * turns them into Constant and JoinedStr/FormattedValue nodes.
 *
 * An f-string's expressions are cut out of the literal's text and parsed
 * by a parser of their own over "(expr)", placed where the expression
 * stands in the source (CPython's fstring_find_expr_location, quirks
 * included), so their nodes carry the same positions as in CPython. The
 * Constant and FormattedValue parts carry the whole literal's position.
 * Invariant: the text being accumulated (a literal run) is valid UTF-8.
 */
#include "parser.h"

#include <stdio.h>
#include <string.h>

/* ====================================================================== */
/* Numbers                                                                */
/* ====================================================================== */

/* CPython's default limit on decimal digits converted to an int
 * (sys.get_int_max_str_digits()); longer literals are a SyntaxError. */
#define RP_INT_MAX_STR_DIGITS 4300

/* NUMBER → Constant int or float; imaginary literals are refused. */
rp_expr *rp_p_number(rp_parser *p) {
    rp_token *t = rp_tok_expect(p, RP_TOK_NUMBER);
    if (!t)
        return NULL;
    size_t len = (size_t)(t->end - t->start);
    char *buf = rp_arena_alloc(p->scratch, len + 1);
    if (!buf)
        return rp_pnomem(p);
    size_t n = 0;
    bool is_float = false;
    for (size_t i = 0; i < len; i++) {
        char c = t->start[i];
        if (c != '_')
            buf[n++] = c;
    }
    buf[n] = '\0';
    char last = buf[n - 1];
    if (last == 'j' || last == 'J')
        return rp_perr_loc(p, rp_tok_loc(t),
                           "complex numbers are not supported by rcpy");
    int base = 10;
    const char *digits = buf;
    if (n > 1 && buf[0] == '0' && strchr("xXoObB", buf[1])) {
        base = (buf[1] | 0x20) == 'x' ? 16 : (buf[1] | 0x20) == 'o' ? 8 : 2;
        digits = buf + 2;
    } else {
        is_float = strpbrk(buf, ".eE") != NULL;
    }
    size_t ndigits = strlen(digits);
    if (!is_float && base == 10 && ndigits > RP_INT_MAX_STR_DIGITS)
        return rp_perr_at(p, RP_SYNTAX_ERROR, t->lineno, -1, t->end_lineno, -1,
                          "Exceeds the limit (%d digits) for integer string "
                          "conversion: value has %zu digits; use "
                          "sys.set_int_max_str_digits() to increase the "
                          "limit - Consider hexadecimal for huge integer "
                          "literals to avoid decimal conversion limits.",
                          RP_INT_MAX_STR_DIGITS, ndigits);
    rc_object *v = is_float ? rc_float_from_string(p->rt, buf)
                            : rc_int_from_string(p->rt, digits, base);
    if (!v) {
        rc_status st = rc_last_error(p->rt);
        rc_clear_error(p->rt);
        if (st == RC_ENOMEM)
            return rp_pnomem(p);
        return rp_perr_loc(p, rp_tok_loc(t), "invalid number literal");
    }
    return rp_mk_const(p, v, rp_tok_loc(t));
}

/* ====================================================================== */
/* Text being built                                                       */
/* ====================================================================== */

typedef struct text {
    char *buf;
    size_t n, cap;
} text;

static bool text_add(rp_parser *p, text *t, const char *s, size_t n) {
    if (t->n + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        while (cap < t->n + n + 1)
            cap *= 2;
        char *b = rp_arena_alloc_raw(p->scratch, cap);
        if (!b)
            return rp_pnomem(p), false;
        if (t->n)
            memcpy(b, t->buf, t->n);
        t->buf = b;
        t->cap = cap;
    }
    memcpy(t->buf + t->n, s, n);
    t->n += n;
    t->buf[t->n] = '\0';
    return true;
}

static bool text_add_cp(rp_parser *p, text *t, uint32_t cp) {
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | cp >> 12);
        b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | cp >> 18);
        b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return text_add(p, t, b, n);
}

/* Records CPython's "(unicode error) ..." for an escape at positions
 * [a, b] of the literal, at the last token read. */
static bool unicode_error(rp_parser *p, long a, long b, const char *what) {
    rp_perr(p, RP_SYNTAX_ERROR,
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position %ld-%ld: %s",
            a, b, what);
    return false;
}

/* Checks UTF-8 text (the library's message on failure). */
static bool utf8_ok(rp_parser *p, const char *s, size_t n) {
    rc_object *o = rc_str_from_utf8(p->rt, s, n);
    if (o) {
        rc_decref(o);
        return true;
    }
    if (rc_last_error(p->rt) == RC_ENOMEM) {
        rc_clear_error(p->rt);
        return rp_pnomem(p), false;
    }
    rp_perr(p, RP_SYNTAX_ERROR, "(unicode error) %s",
            rc_last_error_message(p->rt));
    rc_clear_error(p->rt);
    return false;
}

/* ====================================================================== */
/* Escapes                                                                */
/* ====================================================================== */

static int hexval(int c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Positions in error messages count as CPython's escape decoder sees the
 * text: a non-ASCII character is 10 bytes ("\U000000e9"), a backslash
 * before one (or at the end) 6 ("\u005c"). */
typedef struct escapes {
    const char *s, *end;
    long pos;
} escapes;

/* \x \u \U: count hex digits; false after an error. */
static bool hex_escape(rp_parser *p, escapes *e, text *out, int count,
                       long start, const char *what) {
    uint32_t cp = 0;
    for (; count; count--) {
        if (e->s >= e->end || hexval((unsigned char)*e->s) < 0)
            return unicode_error(p, start, e->pos - 1, what);
        cp = cp << 4 | (uint32_t)hexval((unsigned char)*e->s);
        e->s++, e->pos++;
    }
    if (cp > 0x10FFFF)
        return unicode_error(p, start, e->pos - 1, "illegal Unicode character");
    if (cp >= 0xD800 && cp <= 0xDFFF) {
        rp_perr(p, RP_SYNTAX_ERROR,
                "(unicode error) lone surrogates are not supported by rcpy");
        return false;
    }
    return text_add_cp(p, out, cp);
}

/* The escape after a backslash (e->s is past it). */
static bool escape(rp_parser *p, escapes *e, text *out, long start) {
    char c = *e->s++;
    e->pos++;
    static const char simple[] = "\\\\''\"\"b\bf\ft\tn\nr\rv\va\a";
    for (size_t i = 0; simple[i]; i += 2)
        if (c == simple[i])
            return text_add(p, out, &simple[i + 1], 1);
    if (c == '\n')
        return true;
    if (c >= '0' && c <= '7') {
        uint32_t v = (uint32_t)(c - '0');
        for (int k = 0; k < 2 && e->s < e->end && *e->s >= '0' && *e->s <= '7';
             k++, e->s++, e->pos++)
            v = v * 8 + (uint32_t)(*e->s - '0');
        return text_add_cp(p, out, v);
    }
    if (c == 'x')
        return hex_escape(p, e, out, 2, start, "truncated \\xXX escape");
    if (c == 'u')
        return hex_escape(p, e, out, 4, start, "truncated \\uXXXX escape");
    if (c == 'U')
        return hex_escape(p, e, out, 8, start, "truncated \\UXXXXXXXX escape");
    if (c == 'N') {
        rp_perr(p, RP_SYNTAX_ERROR,
                "\\N{...} escapes are not supported by rcpy");
        return false;
    }
    /* an unknown escape keeps its backslash (CPython warns) */
    e->s--, e->pos--;
    return text_add(p, out, "\\", 1);
}

/* Decodes [s, s+n) with escapes into out (CPython's
 * decode_unicode_with_escapes); false after an error. */
static bool decode_escapes(rp_parser *p, const char *s, size_t n, text *out) {
    escapes e = {s, s + n, 0};
    while (e.s < e.end) {
        unsigned char c = (unsigned char)*e.s;
        if (c == '\\') {
            long start = e.pos;
            e.s++;
            if (e.s >= e.end || (*e.s & 0x80)) {
                e.pos += 6;
                if (!text_add(p, out, "\\", 1))
                    return false;
                continue;
            }
            e.pos++;
            if (!escape(p, &e, out, start))
                return false;
        } else if (c & 0x80) {
            const char *run = e.s;
            while (e.s < e.end && (*e.s & 0x80))
                e.s++;
            if (!utf8_ok(p, run, (size_t)(e.s - run)) ||
                !text_add(p, out, run, (size_t)(e.s - run)))
                return false;
            for (const char *q = run; q < e.s; q++)
                if ((*q & 0xC0) != 0x80)
                    e.pos += 10;
        } else {
            if (!text_add(p, out, (const char *)e.s, 1))
                return false;
            e.s++, e.pos++;
        }
    }
    return true;
}

/* A literal run: raw (only checked) or with escapes. */
static bool decode_literal(rp_parser *p, const char *s, size_t n, bool raw,
                           text *out) {
    if (raw || !memchr(s, '\\', n)) {
        return utf8_ok(p, s, n) && text_add(p, out, s, n);
    }
    return decode_escapes(p, s, n, out);
}

/* ====================================================================== */
/* f-strings                                                              */
/* ====================================================================== */

typedef struct fstate {
    text last; /* the literal text not yet made into a Constant */
    bool has_last;
    rp_vec exprs; /* Constant and FormattedValue nodes */
    bool fmode;   /* an f-string was seen */
} fstate;

typedef struct fctx {
    rp_token *first, *last; /* the whole concatenation */
    rp_token *t;            /* the literal being read */
    bool raw;
} fctx;

static rp_loc span(const rp_token *a, const rp_token *b) {
    rp_loc l = {a->lineno, a->col, b->end_lineno, b->end_col};
    return l;
}

static bool add_text(rp_parser *p, fstate *st, text *t) {
    if (!t->n)
        return true;
    st->has_last = true;
    return text_add(p, &st->last, t->buf, t->n);
}

/* The accumulated literal as a Constant over first..last. */
static rp_expr *make_str(rp_parser *p, fstate *st, rp_token *first,
                         rp_token *last) {
    rc_object *s = rc_str_constant(p->rt, st->has_last ? st->last.buf : "",
                                   st->has_last ? st->last.n : 0);
    rp_expr *e = rp_mk_const(p, s, span(first, last));
    if (e)
        e->v.constant.kind_u = first->start[0] == 'u';
    st->last.n = 0;
    st->has_last = false;
    return e;
}

static rp_expr *fstring_parse(rp_parser *p, const char **str, const char *end,
                              int level, fctx *c);

/* Where the expression starting after the '{' at brace sits in the
 * source: lines and columns to shift its nodes by (CPython's
 * fstring_find_expr_location). */
static void expr_location(const rp_token *t, const char *brace, int *lines,
                          int *cols) {
    *lines = *cols = 0;
    bool newline_after_brace = true;
    for (const char *s = brace + 1; *s != '}' && *s != '\n'; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\014') {
            newline_after_brace = false;
            break;
        }
    }
    if (!newline_after_brace) {
        const char *s = brace;
        while (s > t->start && *s != '\n')
            s--;
        *cols = (int)(brace - s) - (*s == '\n');
    }
    for (const char *s = t->start; s < brace; s++)
        *lines += *s == '\n';
}

/* Parses the expression text [a, b) (a follows a '{'). */
static rp_expr *compile_expr(rp_parser *p, const char *a, const char *b,
                             fctx *c) {
    const char *s = a;
    while (s < b && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\014'))
        s++;
    if (s == b) {
        if (*b == '!' || *b == ':' || *b == '=')
            return rp_perr(p, RP_SYNTAX_ERROR,
                           "f-string: expression required before '%c'", *b);
        return rp_perr(p, RP_SYNTAX_ERROR,
                       "f-string: empty expression not allowed");
    }
    size_t len = (size_t)(b - a);
    char *src = rp_arena_alloc_raw(p->scratch, len + 4);
    if (!src)
        return rp_pnomem(p);
    src[0] = '(';
    memcpy(src + 1, a, len);
    src[len + 1] = ')';
    src[len + 2] = '\n';
    src[len + 3] = '\0';
    int lines, cols;
    expr_location(c->t, a - 1, &lines, &cols);
    /* the token's column counts only when the expression is on its
     * first line */
    return rp_parse_fstring_expr(p, src, len + 3, c->t->lineno,
                                 lines ? cols : c->t->col + cols, lines);
}

/* Inside a string of the expression: moves past its end when this
 * character closes it (CPython mirrors its tokenizer's rule here). */
static void string_char(const char **str, const char *end, char *quote,
                        int *string_type) {
    char ch = **str;
    if (ch != *quote)
        return;
    if (*string_type == 3) {
        if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch)
            *str += 2, *quote = 0, *string_type = 0;
    } else {
        *quote = 0, *string_type = 0;
    }
}

/* A closing bracket of the expression: checked against the opener. */
static bool close_bracket(rp_parser *p, char ch, const char *stack,
                          int *depth) {
    if (!*depth)
        return rp_perr(p, RP_SYNTAX_ERROR, "f-string: unmatched '%c'", ch),
               false;
    char open = stack[--*depth];
    if ((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
        (open == '{' && ch == '}'))
        return true;
    rp_perr(p, RP_SYNTAX_ERROR,
            "f-string: closing parenthesis '%c' does not match opening "
            "parenthesis '%c'",
            ch, open);
    return false;
}

/* Scans an expression's text up to its end (':' '!' '=' '}' outside
 * brackets and strings); false after an error. */
static bool scan_expr(rp_parser *p, const char **str, const char *end) {
    char quote = 0, stack[RP_MAXLEVEL];
    int string_type = 0, depth = 0;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\')
            return rp_perr(p, RP_SYNTAX_ERROR,
                           "f-string expression part cannot include a "
                           "backslash"),
                   false;
        if (quote) {
            string_char(str, end, &quote, &string_type);
        } else if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch)
                string_type = 3, *str += 2;
            else
                string_type = 1;
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= RP_MAXLEVEL)
                return rp_perr(p, RP_SYNTAX_ERROR,
                               "f-string: too many nested parenthesis"),
                       false;
            stack[depth++] = ch;
        } else if (ch == '#') {
            return rp_perr(p, RP_SYNTAX_ERROR,
                           "f-string expression part cannot include '#'"),
                   false;
        } else if (depth == 0 && ch && strchr("!:}=<>", ch)) {
            char next = *str + 1 < end ? (*str)[1] : 0;
            if (next == '=' && strchr("!=<>", ch)) {
                (*str)++;
                continue;
            }
            if (ch != '<' && ch != '>')
                break;
        } else if ((ch == ']' || ch == '}' || ch == ')') &&
                   !close_bracket(p, ch, stack, &depth)) {
            return false;
        }
    }
    if (quote)
        return rp_perr(p, RP_SYNTAX_ERROR, "f-string: unterminated string"),
               false;
    if (depth)
        return rp_perr(p, RP_SYNTAX_ERROR, "f-string: unmatched '%c'",
                       stack[depth - 1]),
               false;
    return true;
}

static void *unexpected_end(rp_parser *p) {
    return rp_perr(p, RP_SYNTAX_ERROR, "f-string: expecting '}'");
}

/* One replacement field from its '{': the FormattedValue, and the
 * expression's text when it ends in '=' (*doc). */
static rp_expr *find_expr(rp_parser *p, const char **str, const char *end,
                          int level, fctx *c, text *doc) {
    if (level >= 2)
        return rp_perr(p, RP_SYNTAX_ERROR,
                       "f-string: expressions nested too deeply");
    (*str)++;
    const char *expr_start = *str;
    if (!scan_expr(p, str, end))
        return NULL;
    if (*str >= end)
        return unexpected_end(p);
    rp_expr *value = compile_expr(p, expr_start, *str, c);
    if (!value)
        return NULL;
    int conversion = -1;
    rp_expr *spec = NULL;
    if (**str == '=') {
        (*str)++;
        while (*str < end &&
               (**str == ' ' || **str == '\t' || **str == '\n' ||
                **str == '\r' || **str == '\014' || **str == '\v'))
            (*str)++;
        if (*str >= end)
            return unexpected_end(p);
        if (!text_add(p, doc, expr_start, (size_t)(*str - expr_start)))
            return NULL;
    }
    if (**str == '!') {
        if (++*str >= end)
            return unexpected_end(p);
        conversion = (unsigned char)*(*str)++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a')
            return rp_perr(p, RP_SYNTAX_ERROR,
                           "f-string: invalid conversion character: "
                           "expected 's', 'r', or 'a'");
    }
    if (*str < end && **str == ':') {
        if (++*str >= end)
            return unexpected_end(p);
        if (!(spec = fstring_parse(p, str, end, level + 1, c)))
            return NULL;
    }
    if (*str >= end || **str != '}')
        return unexpected_end(p);
    (*str)++;
    if (doc->n && !spec && conversion == -1)
        conversion = 'r';
    rp_expr *e = rp_mk_expr(p, RP_E_FORMATTEDVALUE, span(c->first, c->last));
    if (e) {
        e->v.formattedvalue.value = value;
        e->v.formattedvalue.conversion = conversion;
        e->v.formattedvalue.format_spec = spec;
    }
    return e;
}

/* The literal text up to the next '{' (or '}' in a format spec): 1 when
 * it stopped at a doubled brace (go on reading), 0 otherwise, -1 on
 * error. */
static int find_literal(rp_parser *p, const char **str, const char *end,
                        int level, fctx *c, text *lit) {
    const char *s = *str, *start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!c->raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{')
                    while (s < end && *s++ != '}')
                        ;
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (level == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    rp_perr(p, RP_SYNTAX_ERROR,
                            "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (s != start &&
        !decode_literal(p, start, (size_t)(s - start), c->raw, lit))
        return -1;
    return result;
}

/* Reads an f-string's text (or a format spec, level > 0) into st. */
static bool concat_fstring(rp_parser *p, fstate *st, const char **str,
                           const char *end, int level, fctx *c) {
    st->fmode = true;
    for (;;) {
        text lit = {0}, doc = {0};
        int r = find_literal(p, str, end, level, c, &lit);
        if (r < 0 || !add_text(p, st, &lit))
            return false;
        if (r == 1)
            continue;
        if (*str >= end || **str == '}')
            break;
        rp_expr *e = find_expr(p, str, end, level, c, &doc);
        if (!e || !add_text(p, st, &doc))
            return false;
        if (st->has_last) {
            rp_expr *k = make_str(p, st, c->first, c->last);
            if (!k || !rp_vec_push(p, &st->exprs, k))
                return false;
        }
        if (!rp_vec_push(p, &st->exprs, e))
            return false;
    }
    if (level == 0 && *str < end - 1)
        return rp_perr(p, RP_SYNTAX_ERROR,
                       "f-string: unexpected end of string"),
               false;
    if (level != 0 && **str != '}')
        return unexpected_end(p), false;
    return true;
}

/* The JoinedStr (or Constant, without f-strings) for st, over a..b. */
static rp_expr *finish(rp_parser *p, fstate *st, rp_token *a, rp_token *b) {
    if (!st->fmode)
        return make_str(p, st, a, b);
    if (st->has_last) {
        rp_expr *k = make_str(p, st, a, b);
        if (!k || !rp_vec_push(p, &st->exprs, k))
            return NULL;
    }
    rp_expr *e = rp_mk_expr(p, RP_E_JOINEDSTR, span(a, b));
    if (!e || !rp_vec_finish(p, &st->exprs, &e->v.joinedstr.values))
        return NULL;
    return e;
}

/* A format spec: a JoinedStr over the literal being read. */
static rp_expr *fstring_parse(rp_parser *p, const char **str, const char *end,
                              int level, fctx *c) {
    fstate st = {0};
    if (!concat_fstring(p, &st, str, end, level, c))
        return NULL;
    return finish(p, &st, c->t, c->t);
}

/* ====================================================================== */
/* Concatenation                                                          */
/* ====================================================================== */

/* The prefix flags and the body of a literal (CPython's parsestr). */
static void literal_body(const rp_token *t, bool *bytes, bool *raw, bool *f,
                         const char **body, size_t *len) {
    const char *s = t->start;
    *bytes = *raw = *f = false;
    for (;; s++) {
        char c = (char)(*s | 0x20);
        if (c == 'b')
            *bytes = true;
        else if (c == 'r')
            *raw = true;
        else if (c == 'f')
            *f = true;
        else if (c != 'u')
            break;
    }
    char quote = *s;
    size_t n = (size_t)(t->end - s);
    size_t q = n >= 6 && s[1] == quote && s[2] == quote ? 3 : 1;
    *body = s + q;
    *len = n - 2 * q;
}

rp_expr *rp_concatenate_strings(rp_parser *p, rp_token **toks, size_t n) {
    fstate st = {0};
    for (size_t i = 0; i < n; i++) {
        bool bytes, raw, f;
        const char *body;
        size_t len;
        literal_body(toks[i], &bytes, &raw, &f, &body, &len);
        if (bytes)
            return rp_perr_loc(p, rp_tok_loc(toks[i]),
                               "bytes literals are not supported by rcpy");
        if (f) {
            fctx c = {toks[0], toks[n - 1], toks[i], raw};
            const char *s = body;
            if (!concat_fstring(p, &st, &s, body + len, 0, &c))
                return NULL;
            continue;
        }
        text lit = {0};
        if (!decode_literal(p, body, len, raw, &lit) || !add_text(p, &st, &lit))
            return NULL;
    }
    return finish(p, &st, toks[0], toks[n - 1]);
}
