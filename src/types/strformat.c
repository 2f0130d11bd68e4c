/*
 * strformat.c — text formatting: the format-spec mini-language behind
 * format(value, spec) (rc_format_value) for int, bool, float and str;
 * str.format (rc_str_format); and printf-style fmt % args
 * (rc_str_format_percent).
 *
 * Everything is written into a string builder (types.h) and becomes a new
 * str at the end; on any error the builder is discarded, the error is
 * recorded in Python's words and NULL is returned, so a failed call leaves
 * nothing behind. Widths and precisions count code points, as Python's do.
 *
 * Float digits come from the C library's correctly rounded printf
 * conversions %e and %f (Python's 'g' rules are applied here) and, for
 * the default presentation without a precision, from the float's repr
 * (the shortest round-tripping digits); the exponent, padding, grouping
 * and sign rules follow Python's.
 */
#include "num.h"
#include "types.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ====================================================================== */
/* Small text helpers                                                      */
/* ====================================================================== */

static size_t count_cp(const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Bytes of the first `points` code points of s (or all n bytes). */
static size_t prefix_bytes(const char *s, size_t n, size_t points) {
    size_t i = 0;
    while (i < n && points--)
        i += rc__utf8_seqlen((unsigned char)s[i]);
    return i;
}

/* Most bytes a formatted text may take; past it a request fails at once
 * with RC_ENOMEM, as an allocation of that size would. */
#define TEXT_MAX ((size_t)PTRDIFF_MAX / 4)

/* Room for `more` bytes, taken in one allocation so that an absurd width
 * fails fast instead of growing the text step by step. */
static bool reserve(rc__sb *sb, size_t more) {
    if (sb->failed)
        return false;
    if (more > TEXT_MAX - sb->len) {
        rc_set_error(sb->rt, RC_ENOMEM, "out of memory formatting %zu bytes",
                     more);
        sb->failed = true;
        return false;
    }
    return rc__sb_reserve(sb, more);
}

static void put_repeat(rc__sb *sb, uint32_t cp, size_t count) {
    char buf[4];
    size_t n = rc__utf8_encode(cp, buf);
    if (!count || !reserve(sb, count > TEXT_MAX / 4 ? TEXT_MAX : count * n))
        return;
    while (count--)
        rc__sb_append(sb, buf, n);
}

/* Python's ascii(): text with every non-ASCII code point escaped. */
static void put_ascii(rc__sb *sb, const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = rc__utf8_decode(s + i, &cp);
        if (cp < 0x80)
            rc__sb_putc(sb, (char)cp);
        else if (cp < 0x100)
            rc__sb_printf(sb, "\\x%02x", (unsigned)cp);
        else if (cp < 0x10000)
            rc__sb_printf(sb, "\\u%04x", (unsigned)cp);
        else
            rc__sb_printf(sb, "\\U%08x", (unsigned)cp);
        i += k;
    }
}

/* Appends str(o), repr(o) or ascii(o) (conv 's', 'r', 'a'). */
static bool put_converted(rc__sb *sb, rc_object *o, char conv) {
    if (conv == 's')
        return rc__sb_str(sb, o);
    if (conv == 'r')
        return rc__sb_repr(sb, o);
    rc_object *r = rc_repr(o);
    if (!r) {
        sb->failed = true;
        return false;
    }
    put_ascii(sb, rc_str_utf8(r), rc_str_size(r));
    rc_decref(r);
    return !sb->failed;
}

/* A new str of str(o) / repr(o) / ascii(o). */
static rc_object *converted(rc_object *o, char conv) {
    if (conv == 's')
        return rc_str(o);
    if (conv == 'r')
        return rc_repr(o);
    rc__sb sb;
    rc__sb_init(&sb, rc__runtime_of(o));
    put_converted(&sb, o, conv);
    return rc__sb_finish(&sb);
}

/* Marks the builder failed (the caller has recorded the error); false,
 * so that callers can `return fail(sb)`. */
static bool fail(rc__sb *sb) {
    sb->failed = true;
    return false;
}

/* ====================================================================== */
/* The format-spec mini-language                                           */
/* ====================================================================== */

/* [[fill]align][sign][z][#][0][width][grouping][.precision][type] */
typedef struct fspec {
    uint32_t fill;       /* code point; ' ' unless given */
    char align;          /* '<' '>' '^' '=' or 0 (the type's default) */
    char sign;           /* '+' '-' ' ' or 0 */
    bool z;              /* coerce negative zero to zero */
    bool alt;            /* '#' */
    bool fill_given;     /* fill or the '0' flag set the fill */
    ptrdiff_t width;     /* -1: none */
    char grouping;       /* ',' '_' or 0 */
    ptrdiff_t precision; /* -1: none */
    char type;           /* 0: none */
} fspec;

static bool is_align(char c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Reads decimal digits at s[*i]: -1 when there are none. */
static int read_number(rc_runtime *rt, const char *s, size_t n, size_t *i,
                       ptrdiff_t *out) {
    ptrdiff_t v = -1;
    for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
        int d = s[*i] - '0';
        if (v < 0)
            v = 0;
        if (v > (PTRDIFF_MAX / 4 - d) / 10)
            return rc_set_error(rt, RC_EVALUE,
                                "Too many decimal digits in format string");
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

static int spec_grouping(rc_runtime *rt, const char *s, size_t n, size_t *i,
                         fspec *f) {
    if (*i < n && (s[*i] == ',' || s[*i] == '_')) {
        f->grouping = s[(*i)++];
        if (*i < n && (s[*i] == ',' || s[*i] == '_')) {
            if (s[*i] == f->grouping)
                return rc_set_error(rt, RC_EVALUE,
                                    "Cannot specify '%c' with '%c'.", s[*i],
                                    s[*i]);
            return rc_set_error(rt, RC_EVALUE,
                                "Cannot specify both ',' and '_'.");
        }
    }
    return 0;
}

static void spec_align(const char *s, size_t n, size_t *i, fspec *f) {
    uint32_t cp;
    size_t k = n ? rc__utf8_decode(s, &cp) : 0;
    if (k && k < n && is_align(s[k])) {
        f->fill = cp, f->fill_given = true;
        f->align = s[k];
        *i = k + 1;
    } else if (n && is_align(s[0])) {
        f->align = s[0];
        *i = 1;
    }
}

/* Sign, 'z', '#', and '0' (a '0' fill, and '=' alignment for numbers,
 * unless given already). */
static void spec_flags(const char *s, size_t n, size_t *i, fspec *f,
                       char default_align) {
    if (*i < n && (s[*i] == '+' || s[*i] == '-' || s[*i] == ' '))
        f->sign = s[(*i)++];
    if (*i < n && s[*i] == 'z')
        f->z = true, (*i)++;
    if (*i < n && s[*i] == '#')
        f->alt = true, (*i)++;
    if (*i < n && s[*i] == '0' && !f->fill_given) {
        f->fill = '0', f->fill_given = true;
        if (!f->align && default_align == '>')
            f->align = '=';
        (*i)++;
    }
}

/* Whether the grouping separator suits the presentation type. */
static int check_grouping(rc_runtime *rt, const fspec *f) {
    if (!f->grouping || !f->type || strchr("deEfFgG%", f->type) ||
        (f->grouping == '_' && strchr("boxX", f->type)))
        return 0;
    if ((unsigned char)f->type >= 0x20 && (unsigned char)f->type < 0x7F)
        return rc_set_error(rt, RC_EVALUE, "Cannot specify '%c' with '%c'.",
                            f->grouping, f->type);
    return rc_set_error(rt, RC_EVALUE, "Cannot specify '%c' with '\\x%x'.",
                        f->grouping, (unsigned char)f->type);
}

/* Parses spec s[0, n) for a value of type `tname` whose default alignment
 * and presentation type are dflt[0] and dflt[1]: 0 or negative. */
static int parse_spec(rc_runtime *rt, const char *s, size_t n,
                      const char *tname, const char dflt[2], fspec *f) {
    char default_align = dflt[0];
    *f = (fspec){.fill = ' ', .width = -1, .precision = -1};
    size_t i = 0;
    spec_align(s, n, &i, f);
    spec_flags(s, n, &i, f, default_align);
    if (read_number(rt, s, n, &i, &f->width) < 0 ||
        spec_grouping(rt, s, n, &i, f) < 0)
        return rc_last_error(rt);
    if (i < n && s[i] == '.') {
        i++;
        if (read_number(rt, s, n, &i, &f->precision) < 0)
            return rc_last_error(rt);
        if (f->precision < 0)
            return rc_set_error(rt, RC_EVALUE,
                                "Format specifier missing precision");
    }
    if (n - i > 1)
        return rc_set_error(rt, RC_EVALUE,
                            "Invalid format specifier '%.*s' for object of "
                            "type '%s'",
                            (int)n, s, tname);
    f->type = i < n ? s[i] : dflt[1];
    return check_grouping(rt, f);
}

static int unknown_code(rc_runtime *rt, char type, const char *tname) {
    if ((unsigned char)type >= 0x20 && (unsigned char)type < 0x7F)
        return rc_set_error(rt, RC_EVALUE,
                            "Unknown format code '%c' for object of type "
                            "'%s'",
                            type, tname);
    return rc_set_error(rt, RC_EVALUE,
                        "Unknown format code '\\x%x' for object of type '%s'",
                        (unsigned char)type, tname);
}

/* Pads text (points code points) to the spec's width. */
static void put_padded(rc__sb *sb, const fspec *f, char dflt, const char *text,
                       size_t n, size_t points) {
    size_t pad = f->width > (ptrdiff_t)points ? (size_t)f->width - points : 0;
    char align = f->align ? f->align : dflt;
    size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    put_repeat(sb, f->fill, left);
    rc__sb_append(sb, text, n);
    put_repeat(sb, f->fill, pad - left);
}

/* ---------------------------------------------------------------- str */

static int check_str_spec(rc_runtime *rt, const fspec *f) {
    if (f->type && f->type != 's')
        return unknown_code(rt, f->type, "str");
    if (f->sign)
        return rc_set_error(rt, RC_EVALUE,
                            "%s not allowed in string format specifier",
                            f->sign == ' ' ? "Space" : "Sign");
    if (f->z)
        return rc_set_error(rt, RC_EVALUE,
                            "Negative zero coercion (z) not allowed in "
                            "string format specifier");
    if (f->alt)
        return rc_set_error(rt, RC_EVALUE,
                            "Alternate form (#) not allowed in "
                            "string format specifier");
    if (f->align == '=')
        return rc_set_error(rt, RC_EVALUE,
                            "'=' alignment not allowed in "
                            "string format specifier");
    return 0;
}

static bool format_str(rc__sb *sb, rc_object *s, fspec *f) {
    if (check_str_spec(sb->rt, f) < 0)
        return fail(sb);
    const char *text = rc_str_utf8(s);
    size_t n = rc_str_size(s), points = rc_str_length(s);
    if (f->precision >= 0 && (size_t)f->precision < points) {
        n = prefix_bytes(text, n, (size_t)f->precision);
        points = (size_t)f->precision;
    }
    put_padded(sb, f, '<', text, n, points);
    return !sb->failed;
}

/* ---------------------------------------------------- number assembly */

/* A formatted number: sign, prefix, integer digits (grouped on output),
 * and the rest (fraction, exponent, '%'). All ASCII. */
typedef struct numtext {
    char sign;          /* 0, '-', '+' or ' ' */
    const char *prefix; /* "", "0x", ... */
    const char *digits; /* integer digits */
    size_t ndigits;
    const char *rest;
    size_t nrest;
    char sep;     /* grouping separator or 0 */
    size_t group; /* digits per group */
} numtext;

static size_t grouped_len(size_t d, size_t group) {
    return d ? d + (d - 1) / group : 0;
}

/* Digits zero-extended to fill at least min_width with separators. */
static void put_grouped(rc__sb *sb, const numtext *t, size_t zeros) {
    size_t total = t->ndigits + zeros;
    for (size_t i = 0; i < total; i++) {
        if (t->sep && i && (total - i) % t->group == 0)
            rc__sb_putc(sb, t->sep);
        rc__sb_putc(sb, i < zeros ? '0' : t->digits[i - zeros]);
    }
}

/* Zeros to put before the digits so that they (with separators) take
 * at least want characters. */
static size_t zeros_for(const numtext *t, size_t want) {
    if (!t->sep)
        return want > t->ndigits ? want - t->ndigits : 0;
    size_t d = want / (t->group + 1) * t->group; /* close below the answer */
    d = d > 2 ? d - 2 : 0;
    if (d < t->ndigits)
        d = t->ndigits;
    while (grouped_len(d, t->group) < want)
        d++;
    return d - t->ndigits;
}

static void put_number(rc__sb *sb, const fspec *f, const numtext *t) {
    size_t head = (t->sign != 0) + strlen(t->prefix);
    size_t body = t->sep ? grouped_len(t->ndigits, t->group) : t->ndigits;
    size_t len = head + body + t->nrest;
    size_t width = f->width > 0 ? (size_t)f->width : 0;
    char align = f->align ? f->align : '>';
    size_t zeros = 0, pad = width > len ? width - len : 0;
    if (align == '=' && f->fill == '0' && pad) { /* grouped zero padding */
        zeros = zeros_for(t, width - head - t->nrest);
        pad = 0;
    }
    if (!reserve(sb, len + 2 * zeros + 4 * pad))
        return;
    size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    if (align != '=')
        put_repeat(sb, f->fill, left);
    if (t->sign)
        rc__sb_putc(sb, t->sign);
    rc__sb_puts(sb, t->prefix);
    if (align == '=')
        put_repeat(sb, f->fill, pad);
    put_grouped(sb, t, zeros);
    rc__sb_append(sb, t->rest, t->nrest);
    if (align != '=')
        put_repeat(sb, f->fill, pad - left);
}

static char sign_char(const fspec *f, bool negative) {
    if (negative)
        return '-';
    return f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
}

/* ---------------------------------------------------------------- float */

/* Python's exponent of v rounded to p significant digits. */
static int decimal_exponent(double v, int p) {
    char buf[96];
    snprintf(buf, sizeof buf, "%.*e", p - 1 < 40 ? p - 1 : 40, v);
    const char *e = strchr(buf, 'e');
    return e ? atoi(e + 1) : 0;
}

/* Removes trailing zeros of the fraction in the builder's text (and a
 * bare '.'), keeping any exponent. */
static void strip_zeros(rc__sb *t) {
    char *text = t->buf, *dot = memchr(text, '.', t->len);
    if (!dot)
        return;
    char *e = memchr(text, 'e', t->len);
    size_t end = e ? (size_t)(e - text) : t->len, cut = end;
    size_t first = (size_t)(dot - text) + 1;
    while (cut > first && text[cut - 1] == '0')
        cut--;
    if (cut == first)
        cut--;
    memmove(text + cut, text + end, t->len - end);
    t->len -= end - cut;
}

/* The printf conversion and its precision for spec f and |v| (finite).
 * Python's 'g' (and the default type with a precision, which switches to
 * scientific notation one exponent earlier) picks fixed or scientific
 * notation from the exponent after rounding to p digits; printf's %g is
 * not used because C libraries get '#' wrong when rounding carries. */
static const char *c_format(const fspec *f, double v, int *prec,
                            bool *general) {
    int p = f->precision < 0 ? 6 : (int)f->precision;
    *prec = p;
    *general = false;
    switch (f->type) {
    case 'e':
    case 'E':
        return f->alt ? "%#.*e" : "%.*e";
    case 'f':
    case 'F':
    case '%':
        return f->alt ? "%#.*f" : "%.*f";
    default: {
        *general = true;
        p = p ? p : 1;
        int exp = decimal_exponent(v, p);
        int hi = f->type ? p : p - 1;
        if (exp >= -4 && exp < hi) {
            *prec = p - 1 - exp;
            return f->alt ? "%#.*f" : "%.*f";
        }
        *prec = p - 1;
        return f->alt ? "%#.*e" : "%.*e";
    }
    }
}

/* Appends the digits of |v| (finite) for spec f to t. */
static void float_digits(rc__sb *t, const fspec *f, double v) {
    int prec;
    bool general;
    const char *cf = c_format(f, v, &prec, &general);
    double x = f->type == '%' ? v * 100 : v;
    char fixed[40];
    size_t n = cf[strlen(cf) - 1] == 'f' ? rc__float_fixed(x, prec, fixed) : 0;
    if (n) { /* '#' only adds a point where there are no decimals */
        rc__sb_append(t, fixed, n);
        if (f->alt && !prec)
            rc__sb_putc(t, '.');
    } else {
        rc__sb_printf(t, cf, prec, x);
    }
    if (!general || t->failed)
        return;
    if (!f->alt)
        strip_zeros(t);
    if (!f->type && !memchr(t->buf, '.', t->len) &&
        !memchr(t->buf, 'e', t->len))
        rc__sb_puts(t, ".0");
}

/* Appends the digits of repr(value) without its sign (the default
 * presentation without a precision); false if repr failed. */
static bool repr_digits(rc__sb *t, rc_object *value, bool alt) {
    rc_object *r = rc_repr(value);
    if (!r)
        return false;
    const char *s = rc_str_utf8(r);
    size_t len = rc_str_size(r);
    if (*s == '-')
        s++, len--;
    const char *e = memchr(s, 'e', len);
    if (alt && e && !memchr(s, '.', len)) { /* '1e+16' -> '1.e+16' */
        rc__sb_append(t, s, (size_t)(e - s));
        rc__sb_putc(t, '.');
        rc__sb_append(t, e, len - (size_t)(e - s));
    } else {
        rc__sb_append(t, s, len);
    }
    rc_decref(r);
    return true;
}

static bool all_zero_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n && s[i] != 'e' && s[i] != 'E'; i++)
        if (s[i] >= '1' && s[i] <= '9')
            return false;
    return true;
}

static void upcase(char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            s[i] = (char)(s[i] - 32);
}

static void put_float_text(rc__sb *sb, const fspec *f, char *text, size_t n,
                           bool negative) {
    if (f->type == 'E' || f->type == 'F' || f->type == 'G')
        upcase(text, n);
    numtext t = {.sign = sign_char(f, negative), .prefix = "", .digits = text};
    while (t.ndigits < n && text[t.ndigits] >= '0' && text[t.ndigits] <= '9')
        t.ndigits++;
    t.rest = text + t.ndigits;
    t.nrest = n - t.ndigits;
    if (f->grouping && t.ndigits)
        t.sep = f->grouping, t.group = 3;
    put_number(sb, f, &t);
}

static int check_float_spec(rc_runtime *rt, const fspec *f, const char *tn) {
    if (f->type && !strchr("eEfFgGn%", f->type))
        return unknown_code(rt, f->type, tn);
    if (f->precision > INT32_MAX / 2)
        return rc_set_error(rt, RC_EVALUE, "precision too big");
    return 0;
}

/* v formatted by spec f; value is the float object when f has no type
 * and no precision (its repr gives the digits), else NULL. */
static bool format_float(rc__sb *sb, double v, rc_object *value, fspec *f,
                         const char *tname) {
    if (check_float_spec(sb->rt, f, tname) < 0)
        return fail(sb);
    rc__sb t;
    rc__sb_init(&t, sb->rt);
    bool negative = signbit(v) && !isnan(v), ok = true;
    if (!isfinite(v))
        rc__sb_puts(&t, isnan(v) ? "nan" : "inf");
    else if (!f->type && f->precision < 0 && value)
        ok = repr_digits(&t, value, f->alt);
    else
        float_digits(&t, f, fabs(v));
    if (f->type == '%')
        rc__sb_putc(&t, '%');
    ok = ok && !t.failed;
    if (ok) {
        if (f->z && negative && isfinite(v) && all_zero_digits(t.buf, t.len))
            negative = false;
        put_float_text(sb, f, t.buf, t.len, negative);
    }
    rc__sb_discard(&t);
    return ok ? !sb->failed : fail(sb);
}

/* ---------------------------------------------------------------- int */

static int check_int_spec(rc_runtime *rt, const fspec *f) {
    char t = f->type;
    if (f->precision >= 0)
        return rc_set_error(rt, RC_EVALUE,
                            "Precision not allowed in integer "
                            "format specifier");
    if (f->z)
        return rc_set_error(rt, RC_EVALUE,
                            "Negative zero coercion (z) not allowed in "
                            "integer format specifier");
    if (t == 'c' && f->sign)
        return rc_set_error(rt, RC_EVALUE,
                            "Sign not allowed with integer "
                            "format specifier 'c'");
    if (t == 'c' && f->alt)
        return rc_set_error(rt, RC_EVALUE,
                            "Alternate form (#) not allowed "
                            "with integer format specifier "
                            "'c'");
    return 0;
}

/* format(i, 'c'): the character. */
static bool format_int_char(rc__sb *sb, rc_object *value, fspec *f) {
    int64_t v;
    if (rc_int_to_i64(value, &v) < 0) {
        rc_set_error(sb->rt, RC_EOVERFLOW,
                     "Python int too large to convert to C long");
        return fail(sb);
    }
    if (v < 0 || v > 0x10FFFF) {
        rc_set_error(sb->rt, RC_EOVERFLOW, "%%c arg not in range(0x110000)");
        return fail(sb);
    }
    if (v >= 0xD800 && v < 0xE000) {
        rc_set_error(sb->rt, RC_EVALUE, "surrogates are not supported");
        return fail(sb);
    }
    char buf[4];
    size_t n = rc__utf8_encode((uint32_t)v, buf);
    if (f->align == '=') /* no sign: the same as right alignment */
        f->align = '>';
    put_padded(sb, f, '>', buf, n, 1);
    return !sb->failed;
}

static int int_base(char type) {
    return type == 'b'                  ? 2
           : type == 'o'                ? 8
           : type == 'x' || type == 'X' ? 16
                                        : 10;
}

static const char *int_prefix(char type) {
    switch (type) {
    case 'b':
        return "0b";
    case 'o':
        return "0o";
    case 'x':
        return "0x";
    case 'X':
        return "0X";
    default:
        return "";
    }
}

static bool format_int(rc__sb *sb, rc_object *value, fspec *f) {
    rc_runtime *rt = sb->rt;
    if (f->type && strchr("eEfFgG%", f->type)) {
        double d;
        if (rc_number_as_double(value, &d) < 0)
            return fail(sb);
        return format_float(sb, d, NULL, f, rc_type_name(value));
    }
    if (f->type && !strchr("bcdoxXn", f->type)) {
        unknown_code(rt, f->type, rc_type_name(value));
        return fail(sb);
    }
    if (check_int_spec(rt, f) < 0)
        return fail(sb);
    if (f->type == 'c')
        return format_int_char(sb, value, f);
    rc_object *digits = rc_int_format(value, int_base(f->type));
    if (!digits)
        return fail(sb);
    const char *text = rc_str_utf8(digits);
    bool negative = text[0] == '-';
    numtext t = {.sign = sign_char(f, negative),
                 .prefix = f->alt ? int_prefix(f->type) : "",
                 .digits = text + negative,
                 .ndigits = rc_str_size(digits) - negative,
                 .rest = "",
                 .sep = f->grouping,
                 .group = int_base(f->type) == 10 ? 3 : 4};
    if (f->type == 'X') { /* rc_int_format gives lower case: copy */
        rc__sb tmp;
        rc__sb_init(&tmp, rt);
        rc__sb_append(&tmp, t.digits, t.ndigits);
        upcase(tmp.buf, tmp.len);
        t.digits = tmp.buf;
        if (!tmp.failed)
            put_number(sb, f, &t);
        sb->failed |= tmp.failed;
        rc__sb_discard(&tmp);
    } else {
        put_number(sb, f, &t);
    }
    rc_decref(digits);
    return !sb->failed;
}

/* ----------------------------------------------------------- dispatch */

/* Appends format(value, spec[0, n)) for an int, bool, float or str. */
static bool format_builtin(rc__sb *sb, rc_object *value, const char *spec,
                           size_t n) {
    if (!n)
        return rc__sb_str(sb, value);
    fspec f;
    /* Python's defaults: str '<' and 's', int '>' and 'd', float '>' */
    const char *dflt = rc_is_str(value) ? "<s" : rc_is_int(value) ? ">d" : ">";
    if (parse_spec(sb->rt, spec, n, rc_type_name(value), dflt, &f) < 0)
        return fail(sb);
    if (rc_is_str(value))
        return format_str(sb, value, &f);
    if (rc_is_int(value))
        return format_int(sb, value, &f);
    return format_float(sb, rc_float_value(value), value, &f, "float");
}

static bool is_builtin_formattable(const rc_object *o) {
    return rc_is_str(o) || rc_is_int(o) || rc_is_float(o);
}

/* Appends format(value, spec[0, n)): the mini-language for the builtin
 * types, the value's own format slot (rc_format) for the others. */
static bool format_into(rc__sb *sb, rc_object *value, const char *spec,
                        size_t n) {
    if (is_builtin_formattable(value))
        return format_builtin(sb, value, spec, n);
    rc_object *s = rc_str_from_utf8(sb->rt, spec, n);
    rc_object *t = s ? rc_format(value, s) : NULL;
    rc_xdecref(s);
    if (!t)
        return fail(sb);
    rc__sb_append(sb, rc_str_utf8(t), rc_str_size(t));
    rc_decref(t);
    return !sb->failed;
}

/* The builder's text as a str, or NULL with the recorded error. */
static rc_object *finish(rc__sb *sb, bool ok) {
    if (!ok) {
        if (rc_last_error(sb->rt) == RC_OK)
            rc_set_error(sb->rt, RC_ENOMEM, "out of memory formatting");
        rc__sb_discard(sb);
        return NULL;
    }
    return rc__sb_finish(sb);
}

rc_object *rc__format_slot(rc_object *self, rc_object *spec) {
    rc__sb sb;
    rc__sb_init(&sb, rc__runtime_of(self));
    bool ok = format_builtin(&sb, self, rc_str_utf8(spec), rc_str_size(spec));
    return finish(&sb, ok && !sb.failed);
}

rc_object *rc_format_value(rc_object *value, const char *spec) {
    rc__sb sb;
    rc__sb_init(&sb, rc__runtime_of(value));
    bool ok =
        format_into(&sb, value, spec ? spec : "", spec ? strlen(spec) : 0);
    return finish(&sb, ok && !sb.failed);
}

/* ====================================================================== */
/* str.format                                                              */
/* ====================================================================== */

typedef struct fmtctx {
    rc__sb *sb;
    rc_runtime *rt;
    rc_object *args;     /* tuple or NULL */
    rc_object *kwargs;   /* dict or NULL */
    ptrdiff_t auto_next; /* next automatic index ({} fields used so far) */
    bool manual;         /* a numbered field ({0}) was used */
} fmtctx;

static bool ctx_error(fmtctx *c, rc_status st, const char *msg) {
    rc_set_error(c->rt, st, "%s", msg);
    return fail(c->sb);
}

/* Positional argument i (borrowed), or NULL with IndexError. */
static rc_object *positional(fmtctx *c, ptrdiff_t i) {
    size_t n = c->args ? rc_tuple_size(c->args) : 0;
    if (i < 0 || (size_t)i >= n) {
        rc_set_error(c->rt, RC_EINDEX,
                     "Replacement index %td out of range for positional args "
                     "tuple",
                     i);
        return NULL;
    }
    return rc_tuple_get(c->args, (size_t)i);
}

/* The keyword argument named name[0, n) (borrowed), or NULL + KeyError. */
static rc_object *keyword(fmtctx *c, const char *name, size_t n) {
    rc_object *key = rc_str_from_utf8(c->rt, name, n), *v = NULL;
    if (!key)
        return NULL;
    int r = c->kwargs ? rc_dict_lookup(c->kwargs, key, &v) : 0;
    if (r == 0)
        rc_set_error(c->rt, RC_EKEY, "'%.*s'", (int)n, name);
    rc_decref(key);
    return r == 1 ? v : NULL;
}

static bool all_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n > 0;
}

static ptrdiff_t parse_index(const char *s, size_t n) {
    ptrdiff_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v > PTRDIFF_MAX / 10 - 10 ? PTRDIFF_MAX : v * 10 + (s[i] - '0');
    return v;
}

/* The object the first part of a field name names (borrowed). */
static rc_object *field_base(fmtctx *c, const char *s, size_t n) {
    if (!n) {
        if (c->manual) {
            ctx_error(c, RC_EVALUE,
                      "cannot switch from manual field specification to "
                      "automatic field numbering");
            return NULL;
        }
        return positional(c, c->auto_next++);
    }
    if (!all_digits(s, n))
        return keyword(c, s, n);
    if (c->auto_next > 0) {
        ctx_error(c, RC_EVALUE,
                  "cannot switch from automatic field numbering to manual "
                  "field specification");
        return NULL;
    }
    c->manual = true;
    return positional(c, parse_index(s, n));
}

/* obj[key] for a field's "[key]" (digits: an int). New reference. */
static rc_object *field_item(fmtctx *c, rc_object *obj, const char *k,
                             size_t n) {
    rc_object *key = all_digits(k, n)
                         ? rc_int_from_i64(c->rt, parse_index(k, n))
                         : rc_str_from_utf8(c->rt, k, n);
    if (!key)
        return NULL;
    rc_object *v = rc_getitem(obj, key);
    rc_decref(key);
    return v;
}

/* obj.name for a field's ".name" (rc_getattr). New reference. */
static rc_object *field_attr(fmtctx *c, rc_object *obj, const char *name,
                             size_t n) {
    if (!n) {
        ctx_error(c, RC_EVALUE, "Empty attribute in format string");
        return NULL;
    }
    rc_object *key = rc_str_from_utf8(c->rt, name, n);
    rc_object *v = key ? rc_getattr(obj, key) : NULL;
    rc_xdecref(key);
    return v;
}

/* Resolves "name[.attr|[key]]..." to a new reference, or NULL. */
static rc_object *field_object(fmtctx *c, const char *s, size_t n) {
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[')
        i++;
    rc_object *obj = field_base(c, s, i);
    if (!obj)
        return NULL;
    rc_incref(obj);
    while (obj && i < n) {
        rc_object *next;
        if (s[i] == '.') {
            size_t j = ++i;
            while (j < n && s[j] != '.' && s[j] != '[')
                j++;
            next = field_attr(c, obj, s + i, j - i);
            i = j;
        } else {
            const char *close = memchr(s + i, ']', n - i);
            if (!close) {
                rc_decref(obj);
                ctx_error(c, RC_EVALUE, "Missing ']' in format string");
                return NULL;
            }
            next = field_item(c, obj, s + i + 1, (size_t)(close - s) - i - 1);
            i = (size_t)(close - s) + 1;
        }
        rc_decref(obj);
        obj = next;
    }
    return obj;
}

static bool format_text(fmtctx *c, const char *s, size_t n, int depth);

/* Expands nested fields of a spec into a new builder, then formats. */
static bool format_field_value(fmtctx *c, rc_object *obj, const char *spec,
                               size_t n, int depth) {
    if (!memchr(spec, '{', n))
        return format_into(c->sb, obj, spec, n);
    rc__sb inner;
    rc__sb_init(&inner, c->rt);
    rc__sb *outer = c->sb;
    c->sb = &inner;
    bool ok = format_text(c, spec, n, depth + 1);
    c->sb = outer;
    if (ok)
        ok = format_into(outer, obj, inner.buf, inner.len);
    else
        outer->failed = true;
    rc__sb_discard(&inner);
    return ok;
}

/* A replacement field as parsed: name, conversion and spec (offsets into
 * the template). */
typedef struct field {
    size_t name, name_n;
    char conv; /* 0, or the character after '!' */
    size_t spec, spec_n;
} field;

/* The spec after ':' up to the '}' that closes the field (nested braces
 * counted); *i is left after that '}'. */
static bool parse_spec_part(fmtctx *c, const char *s, size_t n, size_t *i,
                            field *fd) {
    size_t depth = 1;
    fd->spec = *i;
    for (; *i < n; (*i)++) {
        if (s[*i] == '{')
            depth++;
        else if (s[*i] == '}' && --depth == 0) {
            fd->spec_n = *i - fd->spec;
            (*i)++;
            return true;
        }
    }
    return ctx_error(c, RC_EVALUE, "unmatched '{' in format spec");
}

/* Python's parse_field: from just after '{', the name (brackets may hold
 * anything but '{'), '!' and a conversion, ':' and a spec, then '}'. */
static bool parse_field(fmtctx *c, const char *s, size_t n, size_t *i,
                        field *fd) {
    *fd = (field){.name = *i};
    char ch = 0;
    while (*i < n) {
        ch = s[(*i)++];
        if (ch == '{')
            return ctx_error(c, RC_EVALUE, "unexpected '{' in field name");
        if (ch == '[') {
            while (*i < n && s[*i] != ']')
                (*i)++;
            continue;
        }
        if (ch == '}' || ch == ':' || ch == '!')
            break;
    }
    fd->name_n = *i - fd->name - (ch == '}' || ch == ':' || ch == '!');
    if (ch == '!') {
        if (*i >= n)
            return ctx_error(c, RC_EVALUE,
                             "end of string while looking for "
                             "conversion specifier");
        fd->conv = s[(*i)++];
        if (*i < n) {
            ch = s[(*i)++];
            if (ch == '}')
                return true;
            if (ch != ':')
                return ctx_error(c, RC_EVALUE,
                                 "expected ':' after conversion specifier");
        }
        return parse_spec_part(c, s, n, i, fd);
    }
    if (ch == ':')
        return parse_spec_part(c, s, n, i, fd);
    if (ch != '}')
        return ctx_error(c, RC_EVALUE, "expected '}' before end of string");
    return true;
}

/* Renders a parsed field: look the object up, convert, format. */
static bool render_field(fmtctx *c, const char *s, const field *fd, int depth) {
    rc_object *obj = field_object(c, s + fd->name, fd->name_n);
    if (!obj)
        return fail(c->sb);
    if (fd->conv && fd->conv != 'r' && fd->conv != 's' && fd->conv != 'a') {
        rc_decref(obj);
        if (fd->conv >= 0x20 && fd->conv < 0x7F)
            rc_set_error(c->rt, RC_EVALUE, "Unknown conversion specifier %c",
                         fd->conv);
        else
            rc_set_error(c->rt, RC_EVALUE, "Unknown conversion specifier \\x%x",
                         (unsigned char)fd->conv);
        return fail(c->sb);
    }
    if (fd->conv) {
        rc_object *t = converted(obj, fd->conv);
        rc_decref(obj);
        if (!t)
            return fail(c->sb);
        obj = t;
    }
    bool ok = format_field_value(c, obj, s + fd->spec, fd->spec_n, depth);
    rc_decref(obj);
    return ok;
}

/* Python's MarkupIterator: literal text, {{ and }}, and fields. */
static bool format_text(fmtctx *c, const char *s, size_t n, int depth) {
    if (depth > 1)
        return ctx_error(c, RC_EVALUE, "Max string recursion exceeded");
    size_t i = 0;
    while (i < n && !c->sb->failed) {
        size_t j = i;
        while (j < n && s[j] != '{' && s[j] != '}')
            j++;
        rc__sb_append(c->sb, s + i, j - i);
        if (j == n)
            break;
        bool at_end = j + 1 == n;
        if (s[j] == '}' && (at_end || s[j + 1] != '}'))
            return ctx_error(c, RC_EVALUE,
                             "Single '}' encountered in format string");
        if (at_end)
            return ctx_error(c, RC_EVALUE,
                             "Single '{' encountered in format string");
        if (s[j + 1] == s[j]) { /* {{ or }} */
            rc__sb_putc(c->sb, s[j]);
            i = j + 2;
            continue;
        }
        field fd;
        i = j + 1;
        if (!parse_field(c, s, n, &i, &fd) || !render_field(c, s, &fd, depth))
            return false;
    }
    return !c->sb->failed;
}

rc_object *rc_str_format(rc_object *fmt, rc_object *args, rc_object *kwargs) {
    rc_runtime *rt = rc__runtime_of(fmt);
    if (!rc_is_str(fmt)) {
        rc__str_not_str(fmt, "format");
        return NULL;
    }
    if ((args && !rc_is_tuple(args)) || (kwargs && !rc_is_dict(kwargs))) {
        rc_set_error(rt, RC_ETYPE, "format() takes a tuple and a dict");
        return NULL;
    }
    rc__sb sb;
    rc__sb_init(&sb, rt);
    fmtctx c = {.sb = &sb, .rt = rt, .args = args, .kwargs = kwargs};
    bool ok = format_text(&c, rc_str_utf8(fmt), rc_str_size(fmt), 0);
    return finish(&sb, ok);
}

/* ====================================================================== */
/* printf-style formatting: fmt % args                                     */
/* ====================================================================== */

typedef struct pctx {
    rc__sb *sb;
    rc_runtime *rt;
    const char *fmt;
    size_t n;
    rc_object *args;  /* the current argument source (tuple or single) */
    ptrdiff_t arglen; /* tuple size, or -1 for a single object */
    ptrdiff_t argidx; /* next tuple index; -2 / -1 for a single object */
    rc_object *dict;  /* mapping for %(key)s, or NULL */
    rc_object *keyed; /* value looked up by the last %(key), owned */
} pctx;

/* One conversion: %[(key)][flags][width][.precision][length]type */
typedef struct pspec {
    bool left, plus, space, alt, zero;
    ptrdiff_t width;     /* -1: none */
    ptrdiff_t precision; /* -1: none */
    char type;
    size_t at; /* byte offset of the type character in the format */
} pspec;

static bool pct_error(pctx *c, rc_status st, const char *msg) {
    rc_set_error(c->rt, st, "%s", msg);
    return fail(c->sb);
}

/* The next argument (borrowed), or NULL + TypeError. */
static rc_object *next_arg(pctx *c) {
    ptrdiff_t i = c->argidx;
    if (i < c->arglen) {
        c->argidx++;
        return c->arglen < 0 ? c->args : rc_tuple_get(c->args, (size_t)i);
    }
    pct_error(c, RC_ETYPE, "not enough arguments for format string");
    return NULL;
}

/* %(key): looks the key up in the mapping; later arguments come from it. */
static bool read_key(pctx *c, size_t *i) {
    size_t start = ++*i, nest = 1;
    while (*i < c->n && nest) {
        nest += c->fmt[*i] == '(';
        nest -= c->fmt[*i] == ')';
        (*i)++;
    }
    if (nest)
        return pct_error(c, RC_EVALUE, "incomplete format key");
    if (!c->dict)
        return pct_error(c, RC_ETYPE, "format requires a mapping");
    rc_object *key = rc_str_from_utf8(c->rt, c->fmt + start, *i - start - 1);
    if (!key)
        return fail(c->sb);
    rc_object *v = rc_getitem(c->dict, key);
    rc_decref(key);
    if (!v)
        return fail(c->sb);
    rc_xdecref(c->keyed);
    c->keyed = v;
    c->args = v, c->arglen = -1, c->argidx = -2;
    return true;
}

/* A '*' width or precision: the next argument, an int. */
static bool star_arg(pctx *c, ptrdiff_t *out) {
    rc_object *a = next_arg(c);
    if (!a)
        return false;
    int64_t v;
    if (!rc_is_int(a))
        return pct_error(c, RC_ETYPE, "* wants int");
    if (rc_int_to_i64(a, &v) < 0 || v > PTRDIFF_MAX / 4 ||
        v < -(PTRDIFF_MAX / 4))
        return pct_error(c, RC_EOVERFLOW,
                         "Python int too large to convert to C ssize_t");
    *out = (ptrdiff_t)v;
    return true;
}

static bool read_count(pctx *c, size_t *i, ptrdiff_t *out, const char *what) {
    if (*i < c->n && c->fmt[*i] == '*') {
        (*i)++;
        return star_arg(c, out);
    }
    ptrdiff_t v = 0;
    for (; *i < c->n && c->fmt[*i] >= '0' && c->fmt[*i] <= '9'; (*i)++) {
        if (v > (INT32_MAX - 9) / 10) {
            rc_set_error(c->rt, RC_EVALUE, "%s too big", what);
            return fail(c->sb);
        }
        v = v * 10 + (c->fmt[*i] - '0');
    }
    *out = v;
    return true;
}

static void read_flags(pctx *c, size_t *i, pspec *p) {
    for (; *i < c->n; (*i)++) {
        char ch = c->fmt[*i];
        if (ch == '-')
            p->left = true;
        else if (ch == '+')
            p->plus = true;
        else if (ch == ' ')
            p->space = true;
        else if (ch == '#')
            p->alt = true;
        else if (ch == '0')
            p->zero = true;
        else
            break;
    }
}

/* Parses from just after '%' up to and including the type character. */
static bool read_pspec(pctx *c, size_t *i, pspec *p) {
    *p = (pspec){.width = -1, .precision = -1};
    if (*i < c->n && c->fmt[*i] == '(' && !read_key(c, i))
        return false;
    read_flags(c, i, p);
    if (*i < c->n &&
        (c->fmt[*i] == '*' || (c->fmt[*i] >= '0' && c->fmt[*i] <= '9'))) {
        if (!read_count(c, i, &p->width, "width"))
            return false;
        if (p->width < 0)
            p->left = true, p->width = -p->width;
    }
    if (*i < c->n && c->fmt[*i] == '.') {
        (*i)++;
        if (!read_count(c, i, &p->precision, "precision"))
            return false;
        if (p->precision < 0)
            p->precision = 0;
    }
    while (*i < c->n && c->fmt[*i] && strchr("hlL", c->fmt[*i]))
        (*i)++;
    if (*i >= c->n)
        return pct_error(c, RC_EVALUE, "incomplete format");
    p->at = *i; /* counted in code points only for an error message */
    p->type = c->fmt[(*i)++];
    return true;
}

/* Width padding around text (points code points); zeros go after the
 * sign and prefix (head bytes of text) when the spec asks for them. */
static void put_pct_padded(pctx *c, const pspec *p, const char *text, size_t n,
                           size_t points, size_t head, bool numeric) {
    size_t pad = p->width > (ptrdiff_t)points ? (size_t)p->width - points : 0;
    if (p->left) {
        rc__sb_append(c->sb, text, n);
        put_repeat(c->sb, ' ', pad);
    } else if (p->zero && numeric) {
        rc__sb_append(c->sb, text, head);
        put_repeat(c->sb, '0', pad);
        rc__sb_append(c->sb, text + head, n - head);
    } else {
        put_repeat(c->sb, ' ', pad);
        rc__sb_append(c->sb, text, n);
    }
}

static bool pct_text(pctx *c, const pspec *p, rc_object *arg) {
    rc_object *t = converted(arg, p->type == 'a'   ? 'a'
                                  : p->type == 'r' ? 'r'
                                                   : 's');
    if (!t)
        return fail(c->sb);
    const char *s = rc_str_utf8(t);
    size_t n = rc_str_size(t), points = rc_str_length(t);
    if (p->precision >= 0 && (size_t)p->precision < points) {
        n = prefix_bytes(s, n, (size_t)p->precision);
        points = (size_t)p->precision;
    }
    put_pct_padded(c, p, s, n, points, 0, false);
    rc_decref(t);
    return !c->sb->failed;
}

static bool pct_char(pctx *c, const pspec *p, rc_object *arg) {
    uint32_t cp;
    if (rc_is_str(arg) && rc_str_length(arg) == 1) {
        rc__utf8_decode(rc_str_utf8(arg), &cp);
    } else if (rc_is_int(arg)) {
        int64_t v;
        if (rc_int_to_i64(arg, &v) < 0 || v < 0 || v > 0x10FFFF)
            return pct_error(c, RC_EOVERFLOW, "%c arg not in range(0x110000)");
        if (v >= 0xD800 && v < 0xE000)
            return pct_error(c, RC_EVALUE, "surrogates are not supported");
        cp = (uint32_t)v;
    } else {
        return pct_error(c, RC_ETYPE, "%c requires int or char");
    }
    char buf[4];
    size_t n = rc__utf8_encode(cp, buf);
    put_pct_padded(c, p, buf, n, 1, 0, false);
    return !c->sb->failed;
}

/* A new reference to the int an integer conversion formats, or NULL. */
static rc_object *pct_int_value(pctx *c, const pspec *p, rc_object *arg) {
    bool decimal = p->type == 'd' || p->type == 'i' || p->type == 'u';
    if (rc_is_int(arg)) {
        rc_incref(arg);
        return arg;
    }
    if (decimal && rc_is_float(arg))
        return rc_int_from_double(c->rt, rc_float_value(arg));
    rc_set_error(c->rt, RC_ETYPE, "%%%c format: %s is required, not %.100s",
                 p->type, decimal ? "a real number" : "an integer",
                 rc_type_name(arg));
    return NULL;
}

/* Writes sign, prefix and zero-extended digits of an integer conversion;
 * returns the bytes of sign and prefix. */
static size_t pct_int_text(rc__sb *t, const pspec *p, const char *d, size_t n) {
    bool negative = d[0] == '-';
    d += negative, n -= negative;
    if (negative || p->plus || p->space)
        rc__sb_putc(t, negative ? '-' : p->plus ? '+' : ' ');
    if (p->alt && p->type != 'd' && p->type != 'i' && p->type != 'u')
        rc__sb_puts(t, p->type == 'x' ? "0x" : p->type == 'X' ? "0X" : "0o");
    size_t head = t->len;
    if (p->precision > (ptrdiff_t)n)
        put_repeat(t, '0', (size_t)p->precision - n);
    size_t at = t->len;
    rc__sb_append(t, d, n);
    if (p->type == 'X' && !t->failed)
        upcase(t->buf + at, n);
    return head;
}

static bool pct_int(pctx *c, const pspec *p, rc_object *arg) {
    rc_object *v = pct_int_value(c, p, arg);
    if (!v)
        return fail(c->sb);
    int base = p->type == 'o'                       ? 8
               : (p->type == 'x' || p->type == 'X') ? 16
                                                    : 10;
    rc_object *digits = rc_int_format(v, base);
    rc_decref(v);
    if (!digits)
        return fail(c->sb);
    rc__sb t;
    rc__sb_init(&t, c->rt);
    size_t head = pct_int_text(&t, p, rc_str_utf8(digits), rc_str_size(digits));
    rc_decref(digits);
    if (!t.failed)
        put_pct_padded(c, p, t.buf, t.len, t.len, head, true);
    c->sb->failed |= t.failed;
    rc__sb_discard(&t);
    return !c->sb->failed;
}

static bool pct_float(pctx *c, const pspec *p, rc_object *arg) {
    double v;
    if (!rc_is_int(arg) && !rc_is_float(arg)) {
        rc_set_error(c->rt, RC_ETYPE, "must be real number, not %.100s",
                     rc_type_name(arg));
        return fail(c->sb);
    }
    if (rc_number_as_double(arg, &v) < 0)
        return fail(c->sb);
    fspec f = {.fill = ' ',
               .sign = p->plus    ? '+'
                       : p->space ? ' '
                                  : 0,
               .alt = p->alt,
               .width = -1,
               .precision = p->precision < 0 ? 6 : p->precision,
               .type = p->type};
    rc__sb t;
    rc__sb_init(&t, c->rt);
    bool ok = format_float(&t, v, NULL, &f, rc_type_name(arg));
    if (ok) {
        size_t head = t.len && strchr("+- ", t.buf[0]);
        put_pct_padded(c, p, t.buf, t.len, t.len, head, true);
    }
    c->sb->failed |= !ok;
    rc__sb_discard(&t);
    return !c->sb->failed;
}

static bool pct_convert(pctx *c, const pspec *p) {
    rc_object *arg = next_arg(c);
    if (!arg)
        return false;
    switch (p->type) {
    case 's':
    case 'r':
    case 'a':
        return pct_text(c, p, arg);
    case 'c':
        return pct_char(c, p, arg);
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        return pct_int(c, p, arg);
    default:
        return pct_float(c, p, arg);
    }
}

/* One conversion starting just after its '%'. */
static bool pct_one(pctx *c, size_t *i) {
    if (*i < c->n && c->fmt[*i] == '%') {
        rc__sb_putc(c->sb, '%');
        (*i)++;
        return true;
    }
    pspec p;
    if (!read_pspec(c, i, &p))
        return false;
    if (!p.type || !strchr("sracdiuoxXeEfFgG", p.type)) {
        uint32_t cp;
        rc__utf8_decode(c->fmt + *i - 1, &cp);
        rc_set_error(c->rt, RC_EVALUE,
                     "unsupported format character '%c' (0x%x) at index %zu",
                     cp >= 0x20 && cp < 0x7F ? (char)cp : '?', (unsigned)cp,
                     count_cp(c->fmt, p.at));
        return fail(c->sb);
    }
    return pct_convert(c, &p);
}

/* Python's PyMapping_Check for the right operand: subscriptable and not a
 * tuple or str. */
static bool is_mapping(const rc_object *o) {
    const rc_protocol *p = o->type->protocol;
    return p && p->getitem && !rc_is_tuple(o) && !rc_is_str(o);
}

static bool pct_run(pctx *c) {
    size_t i = 0;
    while (i < c->n && !c->sb->failed) {
        const char *pct = memchr(c->fmt + i, '%', c->n - i);
        size_t j = pct ? (size_t)(pct - c->fmt) : c->n;
        rc__sb_append(c->sb, c->fmt + i, j - i);
        if (j == c->n)
            break;
        i = j + 1;
        if (!pct_one(c, &i))
            return false;
    }
    if (c->argidx < c->arglen && !c->dict)
        return pct_error(c, RC_ETYPE,
                         "not all arguments converted during "
                         "string formatting");
    return !c->sb->failed;
}

rc_object *rc_str_format_percent(rc_object *fmt, rc_object *args) {
    rc_runtime *rt = rc__runtime_of(fmt);
    if (!rc_is_str(fmt)) {
        rc__str_not_str(fmt, "__mod__");
        return NULL;
    }
    rc__sb sb;
    rc__sb_init(&sb, rt);
    bool tuple = !args || rc_is_tuple(args); /* NULL: no arguments */
    pctx c = {.sb = &sb,
              .rt = rt,
              .fmt = rc_str_utf8(fmt),
              .n = rc_str_size(fmt),
              .args = args,
              .arglen = !args   ? 0
                        : tuple ? (ptrdiff_t)rc_tuple_size(args)
                                : -1,
              .argidx = tuple ? 0 : -2,
              .dict = args && is_mapping(args) ? args : NULL};
    bool ok = pct_run(&c);
    rc_xdecref(c.keyed);
    return finish(&sb, ok);
}
