/*
 * strcase.c — str's case methods: upper, lower, capitalize, title,
 * swapcase and casefold, and the isupper/islower/istitle tests, with
 * CPython 3.11's algorithms over the Unicode 14.0 data of unicase.c: full
 * mappings (one code point may become up to three: 'ß'.upper() == 'SS',
 * 'ﬁ'.title() == 'Fi'), Greek final sigma wherever text is lowered, and
 * title case (not upper case) for the first letter of a word in title()
 * and capitalize() ('ǆ'.title() == 'ǅ').
 *
 * unicase.c holds the data (generated from CPython by
 * tools/gen_unicase.py); the lookups are here.
 *
 * Invariant: a conversion walks the text twice from the same starting
 * state — once to measure the result, once to write it into a str of
 * exactly that size.
 */
#include "types.h"
#include "unicase.h"

typedef enum {
    C_UPPER,
    C_LOWER,
    C_CAPITALIZE,
    C_TITLE,
    C_SWAPCASE,
    C_FOLD
} conv_kind;

typedef struct conv {
    const char *d;
    size_t size;
    conv_kind kind;
    bool first;      /* capitalize: at the first code point */
    bool prev_cased; /* title: the code point before was cased */
} conv;

/* ====================================================================== */
/* The data (unicase.c)                                                   */
/* ====================================================================== */

static const rc__uc_run *find_run(uint32_t cp) {
    size_t lo = 0, hi = rc__uc_nruns;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const rc__uc_run *r = &rc__uc_runs[mid];
        if (cp < r->first)
            hi = mid;
        else if (cp > r->last)
            lo = mid + 1;
        else
            return (cp - r->first) % r->stride == 0 ? r : NULL;
    }
    return NULL;
}

static unsigned uc_flags(uint32_t cp) {
    const rc__uc_run *r = find_run(cp);
    return r ? r->flags : 0;
}

static bool has(uint32_t cp, unsigned flag) {
    return (uc_flags(cp) & flag) != 0;
}

/* cp's full mapping of the kind into out (1 to 3 code points); the
 * count. */
static unsigned uc_map(uint32_t cp, rc__uc_kind kind, uint32_t out[3]) {
    const rc__uc_run *r = find_run(cp);
    int32_t d = r ? r->delta[kind] : 0;
    size_t lo = 0, hi = d == RC__UC_SPECIAL ? rc__uc_nspecials : 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const rc__uc_special *s = &rc__uc_specials[mid];
        if (s->cp < cp || (s->cp == cp && s->kind < kind)) {
            lo = mid + 1;
        } else if (s->cp > cp || s->kind > kind) {
            hi = mid;
        } else {
            for (unsigned i = 0; i < s->n; i++)
                out[i] = s->to[i];
            return s->n;
        }
    }
    out[0] = d == RC__UC_SPECIAL ? cp : (uint32_t)((int32_t)cp + d);
    return 1;
}

/* ====================================================================== */
/* Conversions                                                            */
/* ====================================================================== */

/* Is the capital sigma at d[at] word-final? A cased letter precedes it
 * and none follows, case-ignorable characters skipped both ways. */
static bool final_sigma(const char *d, size_t size, size_t at) {
    uint32_t cp = 0;
    size_t i = at;
    bool before = false;
    while (i > 0) {
        i -= rc__utf8_decode_back(d + i, &cp);
        if (!has(cp, RC__UC_IGNORABLE)) {
            before = has(cp, RC__UC_CASED);
            break;
        }
    }
    if (!before)
        return false;
    for (i = at + 2; i < size;) { /* U+03A3 takes two bytes */
        i += rc__utf8_decode(d + i, &cp);
        if (!has(cp, RC__UC_IGNORABLE))
            return !has(cp, RC__UC_CASED);
    }
    return true;
}

/* cp (at d[at]) lowered, with the final-sigma rule. */
static unsigned lower_at(const conv *c, size_t at, uint32_t cp,
                         uint32_t out[3]) {
    if (cp == 0x03A3 && final_sigma(c->d, c->size, at)) {
        out[0] = 0x03C2;
        return 1;
    }
    return uc_map(cp, RC__UC_TO_LOWER, out);
}

/* The mapping of cp, the code point at d[at], for c's kind; c's state
 * moves past it. */
static unsigned step(conv *c, size_t at, uint32_t cp, uint32_t out[3]) {
    unsigned n;
    switch (c->kind) {
    case C_UPPER:
        return uc_map(cp, RC__UC_TO_UPPER, out);
    case C_LOWER:
        return lower_at(c, at, cp, out);
    case C_FOLD:
        return uc_map(cp, RC__UC_TO_FOLD, out);
    case C_CAPITALIZE:
        if (!c->first)
            return lower_at(c, at, cp, out);
        c->first = false;
        return uc_map(cp, RC__UC_TO_TITLE, out);
    case C_TITLE:
        n = c->prev_cased ? lower_at(c, at, cp, out)
                          : uc_map(cp, RC__UC_TO_TITLE, out);
        c->prev_cased = has(cp, RC__UC_CASED);
        return n;
    default: /* C_SWAPCASE */
        if (has(cp, RC__UC_UPPER))
            return lower_at(c, at, cp, out);
        if (has(cp, RC__UC_LOWER))
            return uc_map(cp, RC__UC_TO_UPPER, out);
        out[0] = cp;
        return 1;
    }
}

/* One pass over the text: the result's bytes and code points, written to
 * dst when it is not NULL. */
static size_t pass(conv c, char *dst, size_t *points) {
    size_t bytes = 0;
    *points = 0;
    char buf[4];
    for (size_t i = 0; i < c.size;) {
        uint32_t cp, out[3];
        size_t len = rc__utf8_decode(c.d + i, &cp);
        unsigned n = step(&c, i, cp, out);
        for (unsigned k = 0; k < n; k++) {
            size_t w = rc__utf8_encode(out[k], dst ? dst + bytes : buf);
            bytes += w;
        }
        *points += n;
        i += len;
    }
    return bytes;
}

/* upper/lower of ASCII text: byte by byte. */
static rc_object *case_ascii(rc_object *s, bool upper) {
    const rc__str *src = RC__STR(s);
    rc_object *r = rc__str_alloc(rc__runtime_of(s), src->size, src->length);
    if (!r)
        return NULL;
    char *d = RC__STR(r)->data;
    for (size_t i = 0; i < src->size; i++) {
        char c = src->data[i];
        if (upper && c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        else if (!upper && c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        d[i] = c;
    }
    return rc__str_seal(r);
}

static rc_object *convert(rc_object *s, conv_kind kind, const char *method) {
    if (!rc_is_str(s)) {
        rc__str_not_str(s, method);
        return NULL;
    }
    const rc__str *src = RC__STR(s);
    if ((src->state & RC__STR_ASCII) && (kind == C_UPPER || kind == C_LOWER))
        return case_ascii(s, kind == C_UPPER);
    conv c = {.d = src->data, .size = src->size, .kind = kind, .first = true};
    size_t points, bytes = pass(c, NULL, &points);
    rc_object *r = rc__str_alloc(rc__runtime_of(s), bytes, points);
    if (!r)
        return NULL;
    pass(c, RC__STR(r)->data, &points);
    return rc__str_seal(r);
}

rc_object *rc_str_upper(rc_object *s) {
    return convert(s, C_UPPER, "upper");
}

rc_object *rc_str_lower(rc_object *s) {
    return convert(s, C_LOWER, "lower");
}

rc_object *rc_str_capitalize(rc_object *s) {
    return convert(s, C_CAPITALIZE, "capitalize");
}

rc_object *rc_str_title(rc_object *s) {
    return convert(s, C_TITLE, "title");
}

rc_object *rc_str_swapcase(rc_object *s) {
    return convert(s, C_SWAPCASE, "swapcase");
}

rc_object *rc_str_casefold(rc_object *s) {
    return convert(s, C_FOLD, "casefold");
}

/* ====================================================================== */
/* Case tests                                                             */
/* ====================================================================== */

/* isupper (want RC__UC_UPPER) / islower (RC__UC_LOWER): a cased code point
 * of that case and none of the other case or title case. */
static bool all_of_case(rc_object *s, unsigned want) {
    if (!rc_is_str(s))
        return false;
    const rc__str *x = RC__STR(s);
    unsigned other = (RC__UC_UPPER | RC__UC_LOWER | RC__UC_TITLE) & ~want;
    bool cased = false;
    for (size_t i = 0; i < x->size;) {
        uint32_t cp;
        i += rc__utf8_decode(x->data + i, &cp);
        unsigned f = uc_flags(cp);
        if (f & other)
            return false;
        cased |= (f & want) != 0;
    }
    return cased;
}

bool rc_str_isupper(rc_object *s) {
    return all_of_case(s, RC__UC_UPPER);
}

bool rc_str_islower(rc_object *s) {
    return all_of_case(s, RC__UC_LOWER);
}

/* Upper- or title-case code points only after uncased ones, lower-case
 * ones only after cased ones, and at least one cased. */
bool rc_str_istitle(rc_object *s) {
    if (!rc_is_str(s))
        return false;
    const rc__str *x = RC__STR(s);
    bool cased = false, prev_cased = false;
    for (size_t i = 0; i < x->size;) {
        uint32_t cp;
        i += rc__utf8_decode(x->data + i, &cp);
        unsigned f = uc_flags(cp);
        if (f & (RC__UC_UPPER | RC__UC_TITLE)) {
            if (prev_cased)
                return false;
            prev_cased = cased = true;
        } else if (f & RC__UC_LOWER) {
            if (!prev_cased)
                return false;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return cased;
}
