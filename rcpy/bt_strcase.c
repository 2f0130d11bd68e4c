/*
 * bt_strcase.c — str's case methods (capitalize, title, swapcase,
 * casefold, upper, lower) and its character-class tests (isupper, islower,
 * istitle, isalnum, isdecimal, isnumeric, isprintable, isascii, and
 * isalpha/isdigit/isspace/isidentifier through rcgc).
 *
 * ASCII is handled directly; another code point is cased through rcgc's
 * full case mappings (rc_str_upper/rc_str_lower of a one-character str),
 * so the scripts rcgc maps (Latin, Greek, Cyrillic, Armenian) behave as in
 * CPython. Numeric and printable classes come from the tables below,
 * derived from Unicode 14.0 data (CPython 3.11's).
 */
#include "btypes.h"

#include <string.h>

typedef struct bt_range {
    uint32_t lo, hi;
} bt_range;

/* isdigit() but not isdecimal(): superscripts, circled digits ... */
static const bt_range digit_not_decimal[] = {
    {0xB2, 0xB3},       {0xB9, 0xB9},       {0x1369, 0x1371},
    {0x19DA, 0x19DA},   {0x2070, 0x2070},   {0x2074, 0x2079},
    {0x2080, 0x2089},   {0x2460, 0x2468},   {0x2474, 0x247C},
    {0x2488, 0x2490},   {0x24EA, 0x24EA},   {0x24F5, 0x24FD},
    {0x24FF, 0x24FF},   {0x2776, 0x277E},   {0x2780, 0x2788},
    {0x278A, 0x2792},   {0x10A40, 0x10A43}, {0x10E60, 0x10E68},
    {0x11052, 0x1105A}, {0x1F100, 0x1F10A},
};

/* isnumeric() but not isdigit(): fractions, Roman numerals, CJK numerals ... */
static const bt_range numeric_not_digit[] = {
    {0xBC, 0xBE},       {0x9F4, 0x9F9},     {0xB72, 0xB77},
    {0xBF0, 0xBF2},     {0xC78, 0xC7E},     {0xD58, 0xD5E},
    {0xD70, 0xD78},     {0xF2A, 0xF33},     {0x1372, 0x137C},
    {0x16EE, 0x16F0},   {0x17F0, 0x17F9},   {0x2150, 0x2182},
    {0x2185, 0x2189},   {0x2469, 0x2473},   {0x247D, 0x2487},
    {0x2491, 0x249B},   {0x24EB, 0x24F4},   {0x24FE, 0x24FE},
    {0x277F, 0x277F},   {0x2789, 0x2789},   {0x2793, 0x2793},
    {0x2CFD, 0x2CFD},   {0x3007, 0x3007},   {0x3021, 0x3029},
    {0x3038, 0x303A},   {0x3192, 0x3195},   {0x3220, 0x3229},
    {0x3248, 0x324F},   {0x3251, 0x325F},   {0x3280, 0x3289},
    {0x32B1, 0x32BF},   {0x3405, 0x3405},   {0x3483, 0x3483},
    {0x382A, 0x382A},   {0x3B4D, 0x3B4D},   {0x4E00, 0x4E00},
    {0x4E03, 0x4E03},   {0x4E07, 0x4E07},   {0x4E09, 0x4E09},
    {0x4E5D, 0x4E5D},   {0x4E8C, 0x4E8C},   {0x4E94, 0x4E94},
    {0x4E96, 0x4E96},   {0x4EBF, 0x4EC0},   {0x4EDF, 0x4EDF},
    {0x4EE8, 0x4EE8},   {0x4F0D, 0x4F0D},   {0x4F70, 0x4F70},
    {0x5104, 0x5104},   {0x5146, 0x5146},   {0x5169, 0x5169},
    {0x516B, 0x516B},   {0x516D, 0x516D},   {0x5341, 0x5341},
    {0x5343, 0x5345},   {0x534C, 0x534C},   {0x53C1, 0x53C4},
    {0x56DB, 0x56DB},   {0x58F1, 0x58F1},   {0x58F9, 0x58F9},
    {0x5E7A, 0x5E7A},   {0x5EFE, 0x5EFF},   {0x5F0C, 0x5F0E},
    {0x5F10, 0x5F10},   {0x62FE, 0x62FE},   {0x634C, 0x634C},
    {0x67D2, 0x67D2},   {0x6F06, 0x6F06},   {0x7396, 0x7396},
    {0x767E, 0x767E},   {0x8086, 0x8086},   {0x842C, 0x842C},
    {0x8CAE, 0x8CAE},   {0x8CB3, 0x8CB3},   {0x8D30, 0x8D30},
    {0x9621, 0x9621},   {0x9646, 0x9646},   {0x964C, 0x964C},
    {0x9678, 0x9678},   {0x96F6, 0x96F6},   {0xA6E6, 0xA6EF},
    {0xA830, 0xA835},   {0xF96B, 0xF96B},   {0xF973, 0xF973},
    {0xF978, 0xF978},   {0xF9B2, 0xF9B2},   {0xF9D1, 0xF9D1},
    {0xF9D3, 0xF9D3},   {0xF9FD, 0xF9FD},   {0x10107, 0x10133},
    {0x10140, 0x10178}, {0x1018A, 0x1018B}, {0x102E1, 0x102FB},
    {0x10320, 0x10323}, {0x10341, 0x10341}, {0x1034A, 0x1034A},
    {0x103D1, 0x103D5}, {0x10858, 0x1085F}, {0x10879, 0x1087F},
    {0x108A7, 0x108AF}, {0x108FB, 0x108FF}, {0x10916, 0x1091B},
    {0x109BC, 0x109BD}, {0x109C0, 0x109CF}, {0x109D2, 0x109FF},
    {0x10A44, 0x10A48}, {0x10A7D, 0x10A7E}, {0x10A9D, 0x10A9F},
    {0x10AEB, 0x10AEF}, {0x10B58, 0x10B5F}, {0x10B78, 0x10B7F},
    {0x10BA9, 0x10BAF}, {0x10CFA, 0x10CFF}, {0x10E69, 0x10E7E},
    {0x10F1D, 0x10F26}, {0x10F51, 0x10F54}, {0x10FC5, 0x10FCB},
    {0x1105B, 0x11065}, {0x111E1, 0x111F4}, {0x1173A, 0x1173B},
    {0x118EA, 0x118F2}, {0x11C5A, 0x11C6C}, {0x11FC0, 0x11FD4},
    {0x12400, 0x1246E}, {0x16B5B, 0x16B61}, {0x16E80, 0x16E96},
    {0x1D2E0, 0x1D2F3}, {0x1D360, 0x1D378}, {0x1E8C7, 0x1E8CF},
    {0x1EC71, 0x1ECAB}, {0x1ECAD, 0x1ECAF}, {0x1ECB1, 0x1ECB4},
    {0x1ED01, 0x1ED2D}, {0x1ED2F, 0x1ED3D}, {0x1F10B, 0x1F10C},
    {0x20001, 0x20001}, {0x20064, 0x20064}, {0x200E2, 0x200E2},
    {0x20121, 0x20121}, {0x2092A, 0x2092A}, {0x20983, 0x20983},
    {0x2098C, 0x2098C}, {0x2099C, 0x2099C}, {0x20AEA, 0x20AEA},
    {0x20AFD, 0x20AFD}, {0x20B19, 0x20B19}, {0x22390, 0x22390},
    {0x22998, 0x22998}, {0x23B1B, 0x23B1B}, {0x2626D, 0x2626D},
    {0x2F890, 0x2F890},
};

/* categories Cc Cf Zs Zl Zp Cs Co above ASCII (unassigned code points count as
 * printable) */
static const bt_range not_printable[] = {
    {0x80, 0xA0},       {0xAD, 0xAD},       {0x600, 0x605},
    {0x61C, 0x61C},     {0x6DD, 0x6DD},     {0x70F, 0x70F},
    {0x890, 0x891},     {0x8E2, 0x8E2},     {0x1680, 0x1680},
    {0x180E, 0x180E},   {0x2000, 0x200F},   {0x2028, 0x202F},
    {0x205F, 0x2064},   {0x2066, 0x206F},   {0x3000, 0x3000},
    {0xD800, 0xF8FF},   {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},
    {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x13438},
    {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
    {0xE0020, 0xE007F}, {0xF0000, 0xFFFFD}, {0x100000, 0x10FFFD},
};

static bool in_ranges(const bt_range *r, size_t n, uint32_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid].lo)
            hi = mid;
        else if (c > r[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

#define IN(table, c) in_ranges(table, sizeof table / sizeof table[0], c)

/* ====================================================================== */
/* One code point                                                         */
/* ====================================================================== */

/* c as a new one-character str. */
static rc_object *char_str(rp_interp *ip, uint32_t c) {
    bt_buf b;
    bt_buf_init(&b, ip);
    bt_buf_add_cp(&b, c);
    return bt_buf_finish(&b);
}

/* c upper- or lower-cased (one code point when the mapping gives one,
 * else c itself: only the classification below uses this). */
static uint32_t map_one(rp_interp *ip, uint32_t c, bool upper) {
    if (c < 0x80) {
        if (upper && c >= 'a' && c <= 'z')
            return c - 32;
        if (!upper && c >= 'A' && c <= 'Z')
            return c + 32;
        return c;
    }
    rc_object *s = char_str(ip, c);
    rc_object *m = s ? (upper ? rc_str_upper(s) : rc_str_lower(s)) : NULL;
    uint32_t r = c;
    if (m && rc_str_length(m) == 1) {
        const char *p = rc_str_utf8(m);
        r = bt_u8_next(&p);
    } else if (m) {
        r = upper ? 0x110000 : c; /* 'ß'.upper() == 'SS': a lower letter */
    }
    rc_xdecref(m);
    rc_xdecref(s);
    rp_err_clear(ip);
    return r;
}

enum { CASE_NONE, CASE_LOWER, CASE_UPPER, CASE_TITLE };

static int case_of(rp_interp *ip, uint32_t c) {
    if (c < 0x80)
        return c >= 'a' && c <= 'z'   ? CASE_LOWER
               : c >= 'A' && c <= 'Z' ? CASE_UPPER
                                      : CASE_NONE;
    bool up = map_one(ip, c, true) != c, low = map_one(ip, c, false) != c;
    return up && low ? CASE_TITLE
           : up      ? CASE_LOWER
           : low     ? CASE_UPPER
                     : CASE_NONE;
}

/* Appends c mapped to upper or lower case (full mapping). */
static void add_cased(bt_buf *b, uint32_t c, bool upper) {
    if (c < 0x80) {
        bt_buf_add_cp(b, map_one(b->ip, c, upper));
        return;
    }
    rc_object *s = char_str(b->ip, c);
    rc_object *m = s ? (upper ? rc_str_upper(s) : rc_str_lower(s)) : NULL;
    if (m)
        bt_buf_add_str(b, m);
    else
        b->failed = true;
    rc_xdecref(m);
    rc_xdecref(s);
}

/* ====================================================================== */
/* Case mappings                                                          */
/* ====================================================================== */

BT_CFUNC(str_upper) {
    if (rp_check_args(ip, "str.upper", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_str_upper(self);
}

BT_CFUNC(str_lower) {
    if (rp_check_args(ip, "str.lower", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_str_lower(self);
}

BT_CFUNC(str_casefold) {
    if (rp_check_args(ip, "str.casefold", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *low = rc_str_lower(self);
    if (!low || !strstr(rc_str_utf8(low), "\xc3\x9f")) /* no 'ß' */
        return low;
    rc_object *sz = rp_str(ip, "\xc3\x9f"), *ss = rp_str(ip, "ss");
    rc_object *r = sz && ss ? rc_str_replace(low, sz, ss, -1) : NULL;
    rc_xdecref(sz);
    rc_xdecref(ss);
    rc_decref(low);
    return r;
}

/* swapcase / title / capitalize: one pass over the code points. */
enum { SWAP, TITLE, CAPITALIZE };

static rc_object *recase(rp_interp *ip, rc_object *self, int how) {
    bt_buf b;
    bt_buf_init(&b, ip);
    const char *p = rc_str_utf8(self), *end = p + rc_str_size(self);
    bool prev_cased = false, first = true;
    while (p < end) {
        uint32_t c = bt_u8_next(&p);
        int k = case_of(ip, c);
        if (how == SWAP)
            k == CASE_LOWER   ? add_cased(&b, c, true)
            : k == CASE_UPPER ? add_cased(&b, c, false)
                              : bt_buf_add_cp(&b, c);
        else if (how == CAPITALIZE)
            add_cased(&b, c, first);
        else
            add_cased(&b, c, !prev_cased);
        prev_cased = k != CASE_NONE;
        first = false;
    }
    return bt_buf_finish(&b);
}

BT_CFUNC(str_swapcase) {
    if (rp_check_args(ip, "str.swapcase", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return recase(ip, self, SWAP);
}

BT_CFUNC(str_title) {
    if (rp_check_args(ip, "str.title", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return recase(ip, self, TITLE);
}

BT_CFUNC(str_capitalize) {
    if (rp_check_args(ip, "str.capitalize", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return recase(ip, self, CAPITALIZE);
}

/* ====================================================================== */
/* Case tests                                                             */
/* ====================================================================== */

/* isupper (want CASE_UPPER) / islower (CASE_LOWER): some cased character
 * and none of the other case (title case counts as other). */
static rc_object *is_case(rp_interp *ip, rc_object *self, int want) {
    const char *p = rc_str_utf8(self), *end = p + rc_str_size(self);
    bool cased = false;
    while (p < end) {
        int k = case_of(ip, bt_u8_next(&p));
        if (k == want)
            cased = true;
        else if (k != CASE_NONE)
            return rp_new_ref(ip->false_);
    }
    return rp_new_ref(rp_bool(ip, cased));
}

BT_CFUNC(str_isupper) {
    if (rp_check_args(ip, "str.isupper", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return is_case(ip, self, CASE_UPPER);
}

BT_CFUNC(str_islower) {
    if (rp_check_args(ip, "str.islower", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return is_case(ip, self, CASE_LOWER);
}

BT_CFUNC(str_istitle) {
    if (rp_check_args(ip, "str.istitle", nargs, kwnames, 0, 0) < 0)
        return NULL;
    const char *p = rc_str_utf8(self), *end = p + rc_str_size(self);
    bool cased = false, prev = false;
    while (p < end) {
        int k = case_of(ip, bt_u8_next(&p));
        if ((k == CASE_UPPER || k == CASE_TITLE) && prev)
            return rp_new_ref(ip->false_);
        if (k == CASE_LOWER && !prev)
            return rp_new_ref(ip->false_);
        prev = k != CASE_NONE;
        cased |= prev;
    }
    return rp_new_ref(rp_bool(ip, cased));
}

/* ====================================================================== */
/* Character classes                                                      */
/* ====================================================================== */

enum { K_DECIMAL, K_DIGIT, K_NUMERIC, K_ALNUM, K_PRINTABLE, K_ASCII };

/* Is c a member of class k? Non-ASCII letters and digits are asked of
 * rcgc through a one-character str. */
static bool char_in_class(rp_interp *ip, uint32_t c, int k) {
    if (k == K_ASCII)
        return c < 0x80;
    if (k == K_PRINTABLE)
        return c < 0x80 ? c >= 0x20 && c < 0x7F : !IN(not_printable, c);
    if (c < 0x80) {
        bool digit = c >= '0' && c <= '9';
        bool alpha = (c | 32) >= 'a' && (c | 32) <= 'z';
        return k == K_ALNUM ? digit || alpha : digit;
    }
    if (k != K_DECIMAL && IN(numeric_not_digit, c))
        return true;
    rc_object *s = char_str(ip, c);
    bool digit = s && rc_str_isdigit(s);
    bool r = k == K_DECIMAL ? digit && !IN(digit_not_decimal, c)
             : k == K_ALNUM ? digit || (s && rc_str_isalpha(s))
                            : digit;
    rc_xdecref(s);
    return r;
}

static rc_object *all_in_class(rp_interp *ip, rc_object *self, int k) {
    const char *p = rc_str_utf8(self), *end = p + rc_str_size(self);
    if (p == end)
        return rp_new_ref(rp_bool(ip, k == K_PRINTABLE || k == K_ASCII));
    while (p < end)
        if (!char_in_class(ip, bt_u8_next(&p), k))
            return rp_new_ref(ip->false_);
    return rp_new_ref(ip->true_);
}

/* c's value as a decimal digit, or -1. Unicode puts decimal digits in
 * runs of ten, 0 to 9, some runs back to back (the mathematical digits
 * U+1D7CE...): the value is c's distance from the start of its span of
 * decimals, modulo ten. */
static int decimal_value(rp_interp *ip, uint32_t c) {
    if (!char_in_class(ip, c, K_DECIMAL))
        return -1;
    uint32_t start = c;
    while (start > 0x80 && c - start < 60 &&
           char_in_class(ip, start - 1, K_DECIMAL))
        start--;
    return (int)((c - start) % 10);
}

rc_object *bt_str_ascii_digits(rp_interp *ip, rc_object *s) {
    const char *p = rc_str_utf8(s), *end = p + rc_str_size(s);
    if (rc_str_size(s) == rc_str_length(s))
        return rp_new_ref(s);
    bt_buf b;
    bt_buf_init(&b, ip);
    while (p < end) {
        uint32_t c = bt_u8_next(&p);
        if (c >= 0x80) {
            rc_object *one = char_str(ip, c);
            if (!one) {
                bt_buf_free(&b);
                return NULL;
            }
            bool space = rc_str_isspace(one);
            rc_decref(one);
            int d = space ? 0 : decimal_value(ip, c);
            if (d < 0) { /* CPython stops at the first other character */
                bt_buf_add_cp(&b, '?');
                break;
            }
            c = space ? ' ' : '0' + (uint32_t)d;
        }
        bt_buf_add_cp(&b, c);
    }
    return bt_buf_finish(&b);
}

#define CLASS_METHOD(fname, pyname, kind)                                      \
    BT_CFUNC(fname) {                                                          \
        if (rp_check_args(ip, "str." pyname, nargs, kwnames, 0, 0) < 0)        \
            return NULL;                                                       \
        return all_in_class(ip, self, kind);                                   \
    }

CLASS_METHOD(str_isdecimal, "isdecimal", K_DECIMAL)
CLASS_METHOD(str_isnumeric, "isnumeric", K_NUMERIC)
CLASS_METHOD(str_isalnum, "isalnum", K_ALNUM)
CLASS_METHOD(str_isprintable, "isprintable", K_PRINTABLE)
CLASS_METHOD(str_isascii, "isascii", K_ASCII)

/* isalpha, isdigit, isspace, isidentifier: rcgc's tests. */
#define RC_TEST_METHOD(fname, pyname, test)                                    \
    BT_CFUNC(fname) {                                                          \
        if (rp_check_args(ip, "str." pyname, nargs, kwnames, 0, 0) < 0)        \
            return NULL;                                                       \
        return rp_new_ref(rp_bool(ip, test(self)));                            \
    }

RC_TEST_METHOD(str_isalpha, "isalpha", rc_str_isalpha)
RC_TEST_METHOD(str_isdigit, "isdigit", rc_str_isdigit)
RC_TEST_METHOD(str_isspace, "isspace", rc_str_isspace)
RC_TEST_METHOD(str_isidentifier, "isidentifier", rc_str_isidentifier)

const rp_methoddef rp_bt_str_case_methods[] = {
    {"upper", str_upper, 0,
     "Return a copy of the string converted to "
     "uppercase."},
    {"lower", str_lower, 0,
     "Return a copy of the string converted to "
     "lowercase."},
    {"casefold", str_casefold, 0,
     "Return a version of the string suitable for caseless comparisons."},
    {"swapcase", str_swapcase, 0,
     "Convert uppercase characters to lowercase and lowercase characters to "
     "uppercase."},
    {"title", str_title, 0,
     "Return a version of the string where each word "
     "is titlecased."},
    {"capitalize", str_capitalize, 0,
     "Return a capitalized version of the string."},
    {"isupper", str_isupper, 0,
     "Return True if the string is an uppercase string, False otherwise."},
    {"islower", str_islower, 0,
     "Return True if the string is a lowercase string, False otherwise."},
    {"istitle", str_istitle, 0,
     "Return True if the string is a title-cased string, False otherwise."},
    {"isdecimal", str_isdecimal, 0,
     "Return True if the string is a decimal string, False otherwise."},
    {"isnumeric", str_isnumeric, 0,
     "Return True if the string is a numeric string, False otherwise."},
    {"isalnum", str_isalnum, 0,
     "Return True if the string is an alpha-numeric string, False "
     "otherwise."},
    {"isprintable", str_isprintable, 0,
     "Return True if the string is printable, False otherwise."},
    {"isascii", str_isascii, 0,
     "Return True if all characters in the string are ASCII, False "
     "otherwise."},
    {"isalpha", str_isalpha, 0,
     "Return True if the string is an alphabetic string, False otherwise."},
    {"isdigit", str_isdigit, 0,
     "Return True if the string is a digit string, False otherwise."},
    {"isspace", str_isspace, 0,
     "Return True if the string is a whitespace string, False otherwise."},
    {"isidentifier", str_isidentifier, 0,
     "Return True if the string is a valid Python identifier, False "
     "otherwise."},
    {NULL},
};
