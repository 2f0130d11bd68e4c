/*
 * str.c — the str object: UTF-8 text with its length in code points and a
 * cached hash; construction and validation, hashing, comparison, repr,
 * interning, concatenation, repetition, indexing, slicing and iteration.
 * The methods are in strmethods.c, formatting in strformat.c.
 *
 * Invariants kept here:
 *   - a str holds valid UTF-8 (no surrogates, no overlong forms), NUL-
 *     terminated, and never changes once sealed (strstate.h);
 *   - RC__STR_ASCII is set exactly when every byte is < 0x80, so that byte
 *     offsets are code-point indices; long non-ASCII strs carry a table of
 *     the byte offset of every 64th code point, so finding code point i
 *     reads at most 63 code points (strings over 4 GiB scan instead);
 *   - the hash is CPython's under PYTHONHASHSEED=0 (SipHash-1-3, zero key,
 *     over the text in CPython's Latin-1/UCS-2/UCS-4 form), so it is the
 *     same in every runtime and every run and sets of strs iterate in
 *     CPython's order; computed once and never -1; equal strs hash equal;
 *   - the interning table holds no references (CPython 3.12's mortal
 *     interning): an interned str dies like any other and its dealloc
 *     removes it from the table. Entries are kept by linear probing with
 *     backward-shift deletion, so the table has no tombstones and its size
 *     follows the number of live interned strs (it shrinks on insertion);
 *   - the one-character strs U+0000..U+00FF are interned, immortal and
 *     made on demand; indexing and iteration return them, as CPython does;
 *   - strs made at run time (rc_str_from_utf8, concatenation, slicing,
 *     methods, formatting) are never interned; only rc_str_intern,
 *     rc_str_intern_object and rc_str_constant intern.
 */
#include "types.h"

#include <stdio.h>

#define STR_BASICSIZE offsetof(rc__str, data)
#define STR_MAX_BYTES ((size_t)PTRDIFF_MAX / 2) /* longest text, in bytes */

/* ====================================================================== */
/* UTF-8 validation                                                        */
/* ====================================================================== */

/* What is wrong at the first bad byte, in the words of Python's decoder. */
typedef enum utf8_error {
    UTF8_OK,
    UTF8_BAD_START,        /* "invalid start byte" */
    UTF8_BAD_CONTINUATION, /* "invalid continuation byte" */
    UTF8_TRUNCATED,        /* "unexpected end of data" */
} utf8_error;

/* Bytes a sequence starting with lead byte b has (0: b cannot start one),
 * and the range its second byte must be in (excludes overlong forms,
 * surrogates and code points above U+10FFFF). */
static size_t lead_info(unsigned char b, unsigned char *lo, unsigned char *hi) {
    *lo = 0x80, *hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0)
            *lo = 0xA0;
        else if (b == 0xED)
            *hi = 0x9F;
        return 3;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0)
            *lo = 0x90;
        else if (b == 0xF4)
            *hi = 0x8F;
        return 4;
    }
    return 0;
}

/* Checks one multi-byte sequence at s[i] (n bytes in all): *seqlen is its
 * length, or on failure the bytes of it that were acceptable so far. */
static utf8_error check_sequence(const unsigned char *s, size_t i, size_t n,
                                 size_t *seqlen) {
    unsigned char lo, hi;
    size_t len = lead_info(s[i], &lo, &hi);
    *seqlen = 1;
    if (!len)
        return UTF8_BAD_START;
    for (size_t k = 1; k < len; k++, (*seqlen)++) {
        if (i + k >= n)
            return UTF8_TRUNCATED;
        unsigned char c = s[i + k];
        if (k == 1 ? (c < lo || c > hi) : (c & 0xC0) != 0x80)
            return UTF8_BAD_CONTINUATION;
    }
    return UTF8_OK;
}

#define ASCII_MASK 0x8080808080808080ull /* high bit of every byte */

/* The outcome of validation: code points, or where the first bad
 * sequence starts and how many of its bytes Python's decoder reports. */
typedef struct utf8_check {
    size_t length; /* code points (valid text) */
    size_t where;  /* offset of the bad sequence */
    size_t span;   /* its bytes up to the fault */
} utf8_check;

/* Validates n bytes into *c. */
static utf8_error validate_utf8(const char *text, size_t n, utf8_check *c) {
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, count = 0;
    while (i < n) {
        uint64_t word;
        if (i + 8 <= n && (memcpy(&word, s + i, 8), !(word & ASCII_MASK))) {
            i += 8, count += 8; /* eight ASCII bytes at once */
            continue;
        }
        if (s[i] < 0x80) {
            i++, count++;
            continue;
        }
        size_t len = 0;
        utf8_error e = check_sequence(s, i, n, &len);
        if (e != UTF8_OK) {
            c->where = i, c->span = len;
            return e;
        }
        i += len, count++;
    }
    c->length = count;
    return UTF8_OK;
}

/* Python's message: "'utf-8' codec can't decode byte 0xc0 in position 0:
 * invalid start byte", or "bytes in position 0-1" for a longer span. */
static int utf8_error_report(rc_runtime *rt, utf8_error e, const char *s,
                             const utf8_check *c) {
    static const char *const why[] = {"", "invalid start byte",
                                      "invalid continuation byte",
                                      "unexpected end of data"};
    if (c->span > 1)
        return rc_set_error(rt, RC_EVALUE,
                            "'utf-8' codec can't decode bytes in position "
                            "%zu-%zu: %s",
                            c->where, c->where + c->span - 1, why[e]);
    return rc_set_error(rt, RC_EVALUE,
                        "'utf-8' codec can't decode byte 0x%02x in position "
                        "%zu: %s",
                        (unsigned char)s[c->where], c->where, why[e]);
}

/* Validates text, recording Python's error when it is not UTF-8: true and
 * *length (code points), or false. */
static bool utf8_valid(rc_runtime *rt, const char *text, size_t n,
                       size_t *length) {
    utf8_check c = {0};
    utf8_error e = validate_utf8(text, n, &c);
    if (e != UTF8_OK) {
        utf8_error_report(rt, e, text, &c);
        return false;
    }
    *length = c.length;
    return true;
}

/* ====================================================================== */
/* Allocation and the checkpoint table                                     */
/* ====================================================================== */

static size_t checkpoints(size_t length) {
    return length > RC__STR_STRIDE ? (length - 1) / RC__STR_STRIDE : 0;
}

/* Offset of the checkpoint table from the object's start. */
static size_t table_offset(size_t size) {
    return (STR_BASICSIZE + size + 1 + 3) & ~(size_t)3;
}

static uint32_t *table_of(const rc_object *s) {
    return (uint32_t *)((char *)s + table_offset(RC__STR(s)->size));
}

rc_object *rc__str_alloc(rc_runtime *rt, size_t size, size_t length) {
    bool ascii = size == length;
    bool indexed = !ascii && checkpoints(length) && size <= UINT32_MAX;
    if (size > STR_MAX_BYTES) {
        rc_set_error(rt, RC_EOVERFLOW, "string is too large");
        return NULL;
    }
    size_t total = indexed ? table_offset(size) + 4 * checkpoints(length)
                           : STR_BASICSIZE + size + 1;
    rc_object *o =
        rc__new_var_unzeroed(rt, &rc__str_type, total - STR_BASICSIZE);
    if (!o)
        return NULL;
    rc__str *s = RC__STR(o);
    s->size = size;
    s->length = length;
    s->hash = -1;
    s->state = (uint8_t)((ascii ? RC__STR_ASCII : 0) |
                         (indexed ? RC__STR_INDEXED : 0));
    return o;
}

rc_object *rc__str_seal(rc_object *o) {
    rc__str *s = RC__STR(o);
    s->data[s->size] = '\0';
    if (!(s->state & RC__STR_INDEXED))
        return o;
    uint32_t *table = table_of(o);
    size_t cp = 0, k = 0;
    for (size_t off = 0; off < s->size; off++) {
        if (((unsigned char)s->data[off] & 0xC0) == 0x80)
            continue;
        if (cp && cp % RC__STR_STRIDE == 0)
            table[k++] = (uint32_t)off;
        cp++;
    }
    RC__ASSERT(cp == s->length && k == checkpoints(s->length));
    return o;
}

/* Advances n code points from byte offset off. */
static size_t skip_forward(const char *data, size_t off, size_t n) {
    while (n--)
        off += rc__utf8_seqlen((unsigned char)data[off]);
    return off;
}

size_t rc__str_offset(const rc_object *o, size_t i) {
    const rc__str *s = RC__STR(o);
    RC__ASSERT(i <= s->length);
    if (s->state & RC__STR_ASCII)
        return i;
    if (i == s->length)
        return s->size;
    if (s->state & RC__STR_INDEXED) {
        size_t k = i / RC__STR_STRIDE;
        size_t base = k ? table_of(o)[k - 1] : 0;
        return skip_forward(s->data, base, i % RC__STR_STRIDE);
    }
    if (i <= s->length / 2)
        return skip_forward(s->data, 0, i);
    size_t off = s->size;
    for (size_t n = s->length - i; n; n--) {
        do
            off--;
        while (((unsigned char)s->data[off] & 0xC0) == 0x80);
    }
    return off;
}

/* Code points that start in data[from, to). */
static size_t count_points(const char *data, size_t from, size_t to) {
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += ((unsigned char)data[i] & 0xC0) != 0x80;
    return n;
}

size_t rc__str_index_of(const rc_object *o, size_t off) {
    const rc__str *s = RC__STR(o);
    if (s->state & RC__STR_ASCII)
        return off;
    if (!(s->state & RC__STR_INDEXED))
        return count_points(s->data, 0, off);
    const uint32_t *table = table_of(o);
    size_t lo = 0, hi = checkpoints(s->length); /* checkpoints <= off: lo */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (table[mid] <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t base = lo ? table[lo - 1] : 0;
    return lo * RC__STR_STRIDE + count_points(s->data, base, off);
}

/* ====================================================================== */
/* Constructors                                                            */
/* ====================================================================== */

static rc_object *str_from_checked(rc_runtime *rt, const char *text,
                                   size_t size, size_t length) {
    rc_object *o = rc__str_alloc(rt, size, length);
    if (!o)
        return NULL;
    if (size)
        memcpy(RC__STR(o)->data, text, size);
    return rc__str_seal(o);
}

rc_object *rc__str_from_valid(rc_runtime *rt, const char *text, size_t size) {
    size_t length = count_points(text, 0, size);
    return str_from_checked(rt, text, size, length);
}

rc_object *rc_str_from_utf8(rc_runtime *rt, const char *text, size_t len) {
    if (!text && len) {
        rc_set_error(rt, RC_EINVAL, "rc_str_from_utf8: NULL text");
        return NULL;
    }
    size_t length = 0;
    if (!utf8_valid(rt, text, len, &length))
        return NULL;
    return str_from_checked(rt, text, len, length);
}

rc_object *rc_str_from_cstr(rc_runtime *rt, const char *text) {
    if (!text) {
        rc_set_error(rt, RC_EINVAL, "rc_str_from_cstr: NULL text");
        return NULL;
    }
    return rc_str_from_utf8(rt, text, strlen(text));
}

rc_object *rc_str_from_format(rc_runtime *rt, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        rc_set_error(rt, RC_EINVAL, "rc_str_from_format: bad format");
        return NULL;
    }
    if ((size_t)n < sizeof small)
        return rc_str_from_utf8(rt, small, (size_t)n);
    char *buf = rc_malloc(rt, (size_t)n + 1);
    if (!buf)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
    rc_object *s = rc_str_from_utf8(rt, buf, (size_t)n);
    rc_free(rt, buf, (size_t)n + 1);
    return s;
}

/* ====================================================================== */
/* Accessors                                                               */
/* ====================================================================== */

bool rc_is_str(const rc_object *o) {
    return o && o->type == &rc__str_type;
}

const char *rc_str_utf8(const rc_object *o) {
    RC__ASSERT_AT(1, rc_is_str(o));
    return RC__STR(o)->data;
}

size_t rc_str_size(const rc_object *o) {
    RC__ASSERT_AT(1, rc_is_str(o));
    return RC__STR(o)->size;
}

size_t rc_str_length(const rc_object *o) {
    RC__ASSERT_AT(1, rc_is_str(o));
    return RC__STR(o)->length;
}

bool rc_str_is_interned(const rc_object *o) {
    return rc_is_str(o) && (RC__STR(o)->state & RC__STR_INTERNED);
}

int rc__str_not_str(const rc_object *o, const char *method) {
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "descriptor '%s' for 'str' objects doesn't apply to "
                        "a '%.100s' object",
                        method, rc_type_name(o));
}

int rc__str_type_error(rc_runtime *rt, const char *what, const rc_object *o) {
    return rc_set_error(rt, RC_ETYPE, "%s, not %.100s", what, rc_type_name(o));
}

/* ====================================================================== */
/* Hashing: CPython's, as it is with PYTHONHASHSEED=0                     */
/* ====================================================================== */

/* SipHash-1-3 under the zero key, over the bytes CPython 3.11 hashes for
 * a str: its code points in the narrowest of Latin-1, UCS-2 and UCS-4
 * that holds them all, little-endian (for ASCII, the UTF-8 bytes). So
 * hash('a'), and the order of a set or dict of strs, are CPython's under
 * PYTHONHASHSEED=0 — the same in every runtime and every run. */

typedef struct sip {
    uint64_t v0, v1, v2, v3;
    uint64_t word; /* bytes not yet compressed, little-endian */
    size_t n;      /* bytes fed so far */
} sip;

static inline uint64_t rotl64(uint64_t x, int b) {
    return (x << b) | (x >> (64 - b));
}

static inline void sip_round(sip *s) {
    s->v0 += s->v1, s->v1 = rotl64(s->v1, 13), s->v1 ^= s->v0;
    s->v0 = rotl64(s->v0, 32);
    s->v2 += s->v3, s->v3 = rotl64(s->v3, 16), s->v3 ^= s->v2;
    s->v0 += s->v3, s->v3 = rotl64(s->v3, 21), s->v3 ^= s->v0;
    s->v2 += s->v1, s->v1 = rotl64(s->v1, 17), s->v1 ^= s->v2;
    s->v2 = rotl64(s->v2, 32);
}

static inline void sip_word(sip *s, uint64_t m) {
    s->v3 ^= m;
    sip_round(s); /* one compression round */
    s->v0 ^= m;
}

static void sip_init(sip *s) {
    *s = (sip){0x736f6d6570736575ull,
               0x646f72616e646f6dull,
               0x6c7967656e657261ull,
               0x7465646279746573ull,
               0,
               0};
}

static inline void sip_byte(sip *s, unsigned char b) {
    s->word |= (uint64_t)b << (8 * (s->n & 7));
    if ((++s->n & 7) == 0) {
        sip_word(s, s->word);
        s->word = 0;
    }
}

static int64_t sip_finish(sip *s) {
    sip_word(s, ((uint64_t)s->n << 56) | s->word);
    s->v2 ^= 0xff;
    for (int r = 0; r < 3; r++) /* three finalization rounds */
        sip_round(s);
    int64_t h = (int64_t)(s->v0 ^ s->v1 ^ s->v2 ^ s->v3);
    return h == -1 ? -2 : h;
}

/* The code point at *p (valid UTF-8), *p moved past it. */
static uint32_t utf8_next(const unsigned char **p) {
    const unsigned char *q = *p;
    uint32_t c = q[0];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    c &= n == 1 ? 0x7F : n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07;
    for (size_t i = 1; i < n; i++)
        c = (c << 6) | (q[i] & 0x3F);
    *p += n;
    return c;
}

static int64_t siphash13(const char *data, size_t n) {
    if (n == 0)
        return 0; /* CPython: hash('') == 0 */
    const unsigned char *p = (const unsigned char *)data, *end = p + n;
    uint32_t max = 0;
    for (const unsigned char *q = p; q < end;) {
        uint32_t c = utf8_next(&q);
        max = c > max ? c : max;
    }
    size_t width = max < 0x80 || max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
    sip s;
    sip_init(&s);
    while (p < end) {
        uint32_t c = max < 0x80 ? *p++ : utf8_next(&p);
        for (size_t i = 0; i < width; i++)
            sip_byte(&s, (unsigned char)(c >> (8 * i)));
    }
    return sip_finish(&s);
}

static int64_t str_hash_value(rc_object *o) {
    rc__str *s = RC__STR(o);
    if (s->hash == -1)
        s->hash = siphash13(s->data, s->size);
    return s->hash;
}

static int str_hash(rc_object *o, int64_t *out) {
    *out = str_hash_value(o);
    return 0;
}

/* ====================================================================== */
/* The interning table                                                     */
/* ====================================================================== */

#define INTERN_MIN_CAP 16

static rc__str_state *str_state(rc_runtime *rt) {
    return &rt->types->str;
}

static rc_object *intern_lookup(rc__str_state *st, const char *text,
                                size_t size, int64_t hash) {
    if (!st->interned_cap)
        return NULL;
    size_t mask = st->interned_cap - 1;
    for (size_t i = (uint64_t)hash & mask;; i = (i + 1) & mask) {
        rc_object *e = st->interned[i];
        if (!e)
            return NULL;
        rc__str *s = RC__STR(e);
        if (s->hash == hash && s->size == size &&
            memcmp(s->data, text, size) == 0)
            return e;
    }
}

static void intern_place(rc_object **table, size_t cap, rc_object *o) {
    size_t mask = cap - 1;
    size_t i = (uint64_t)RC__STR(o)->hash & mask;
    while (table[i])
        i = (i + 1) & mask;
    table[i] = o;
}

/* The capacity for n entries: a quarter full right after a resize. */
static size_t intern_capacity_for(size_t n) {
    size_t cap = INTERN_MIN_CAP;
    while (cap / 4 < n)
        cap *= 2;
    return cap;
}

/* Rebuilds the table with cap slots. The allocation may run a collection
 * that frees interned strs, so the old table is read only afterwards. */
static int intern_resize(rc_runtime *rt, size_t cap) {
    rc_object **table = rc_malloc(rt, cap * sizeof *table);
    if (!table)
        return RC_ENOMEM;
    memset(table, 0, cap * sizeof *table);
    rc__str_state *st = str_state(rt);
    for (size_t i = 0; i < st->interned_cap; i++)
        if (st->interned[i])
            intern_place(table, cap, st->interned[i]);
    rc_free(rt, st->interned, st->interned_cap * sizeof *st->interned);
    st->interned = table;
    st->interned_cap = cap;
    return 0;
}

/* Adds o (whose text is not in the table yet): 0 or RC_ENOMEM. Grows the
 * table past half full and shrinks it when under a sixteenth full. */
static int intern_insert(rc_runtime *rt, rc_object *o) {
    rc__str_state *st = str_state(rt);
    str_hash_value(o);
    size_t n = st->interned_n + 1;
    if (n * 2 > st->interned_cap ||
        (st->interned_cap > INTERN_MIN_CAP && n * 16 < st->interned_cap)) {
        int r = intern_resize(rt, intern_capacity_for(n));
        if (r < 0)
            return r;
    }
    intern_place(st->interned, st->interned_cap, o);
    st->interned_n++;
    RC__STR(o)->state |= RC__STR_INTERNED;
    return 0;
}

/* True when slot home h lies cyclically in (i, j]. */
static bool cyclic_between(size_t i, size_t h, size_t j) {
    return i <= j ? (i < h && h <= j) : (i < h || h <= j);
}

/* Removes a dying interned str; never allocates. */
static void intern_remove(rc__str_state *st, rc_object *o) {
    size_t mask = st->interned_cap - 1;
    size_t i = (uint64_t)RC__STR(o)->hash & mask;
    while (st->interned[i] != o)
        i = (i + 1) & mask;
    for (size_t j = (i + 1) & mask; st->interned[j]; j = (j + 1) & mask) {
        size_t h = (uint64_t)RC__STR(st->interned[j])->hash & mask;
        if (!cyclic_between(i, h, j)) { /* may move back into the hole */
            st->interned[i] = st->interned[j];
            i = j;
        }
    }
    st->interned[i] = NULL;
    st->interned_n--;
}

/* A new reference to the interned str with this (valid) text. */
static rc_object *intern_text(rc_runtime *rt, const char *text, size_t size) {
    rc_object *e =
        intern_lookup(str_state(rt), text, size, siphash13(text, size));
    if (e) {
        rc_incref(e);
        return e;
    }
    rc_object *o = rc__str_from_valid(rt, text, size);
    if (o && intern_insert(rt, o) < 0) {
        rc_decref(o);
        return NULL;
    }
    return o;
}

/* ====================================================================== */
/* Interning API                                                           */
/* ====================================================================== */

rc_object *rc__str_char(rc_runtime *rt, uint32_t cp) {
    char buf[4];
    size_t n = rc__utf8_encode(cp, buf);
    if (cp >= 256)
        return str_from_checked(rt, buf, n, 1);
    rc__str_state *st = str_state(rt);
    if (!st->latin1[cp]) {
        rc_object *o = intern_text(rt, buf, n);
        if (!o)
            return NULL;
        rc_set_immortal(o);
        st->latin1[cp] = o;
    }
    rc_incref(st->latin1[cp]);
    return st->latin1[cp];
}

/* The code point of a one-character Latin-1 text, or -1. */
static int32_t single_latin1(const char *text, size_t size) {
    const unsigned char *u = (const unsigned char *)text;
    if (size == 1)
        return u[0];
    if (size == 2 && (u[0] == 0xC2 || u[0] == 0xC3))
        return (int32_t)(((u[0] & 0x1F) << 6) | (u[1] & 0x3F));
    return -1;
}

static rc_object *intern_valid(rc_runtime *rt, const char *text, size_t size) {
    int32_t c = single_latin1(text, size);
    return c >= 0 ? rc__str_char(rt, (uint32_t)c) : intern_text(rt, text, size);
}

rc_object *rc_str_intern(rc_runtime *rt, const char *text) {
    if (!text) {
        rc_set_error(rt, RC_EINVAL, "rc_str_intern: NULL text");
        return NULL;
    }
    size_t size = strlen(text), length;
    if (!utf8_valid(rt, text, size, &length))
        return NULL;
    return intern_valid(rt, text, size);
}

rc_object *rc_str_intern_object(rc_object *o) {
    rc_runtime *rt = rc__runtime_of(o);
    if (!rc_is_str(o)) {
        rc__str_type_error(rt, "intern() argument must be str", o);
        return NULL;
    }
    rc__str *s = RC__STR(o);
    int32_t c = single_latin1(s->data, s->size);
    if (c >= 0)
        return rc__str_char(rt, (uint32_t)c);
    if (!(s->state & RC__STR_INTERNED)) {
        rc_object *e =
            intern_lookup(str_state(rt), s->data, s->size, str_hash_value(o));
        if (e)
            o = e;
        else if (intern_insert(rt, o) < 0)
            return NULL;
    }
    rc_incref(o);
    return o;
}

static bool identifier_like(const char *text, size_t size) {
    for (size_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)text[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

rc_object *rc_str_constant(rc_runtime *rt, const char *text, size_t size) {
    if (!text && size) {
        rc_set_error(rt, RC_EINVAL, "rc_str_constant: NULL text");
        return NULL;
    }
    size_t length;
    if (!utf8_valid(rt, text, size, &length))
        return NULL;
    if (single_latin1(text, size) >= 0 || identifier_like(text, size))
        return intern_valid(rt, size ? text : "", size);
    return str_from_checked(rt, text, size, length);
}

/* ====================================================================== */
/* Comparison                                                              */
/* ====================================================================== */

static bool str_eq(const rc_object *a, const rc_object *b) {
    const rc__str *x = RC__STR(a), *y = RC__STR(b);
    if (a == b)
        return true;
    if (x->size != y->size)
        return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return false;
    return memcmp(x->data, y->data, x->size) == 0;
}

/* UTF-8 byte order is code-point order. */
static int str_order(const rc_object *a, const rc_object *b) {
    const rc__str *x = RC__STR(a), *y = RC__STR(b);
    size_t n = x->size < y->size ? x->size : y->size;
    int c = memcmp(x->data, y->data, n);
    if (c)
        return c;
    return x->size < y->size ? -1 : x->size > y->size;
}

int rc__str_compare(const rc_object *a, const rc_object *b, rc_cmp op) {
    if (op == RC_EQ)
        return str_eq(a, b);
    if (op == RC_NE)
        return !str_eq(a, b);
    return rc__cmp_result(str_order(a, b), op);
}

static rc_object *str_richcompare(rc_object *self, rc_object *other,
                                  rc_cmp op) {
    if (!rc_is_str(other))
        return rc__notimpl_of(self);
    return rc__bool(rc__runtime_of(self), rc__str_compare(self, other, op));
}

/* ====================================================================== */
/* repr                                                                    */
/* ====================================================================== */

/* The quote Python picks: ' unless the text has ' and no ". */
static char repr_quote(const rc__str *s) {
    bool single = memchr(s->data, '\'', s->size) != NULL;
    bool dbl = memchr(s->data, '"', s->size) != NULL;
    return single && !dbl ? '"' : '\'';
}

static void repr_escape(rc__sb *sb, uint32_t cp) {
    if (cp == '\t')
        rc__sb_puts(sb, "\\t");
    else if (cp == '\n')
        rc__sb_puts(sb, "\\n");
    else if (cp == '\r')
        rc__sb_puts(sb, "\\r");
    else if (cp < 0x100)
        rc__sb_printf(sb, "\\x%02x", (unsigned)cp);
    else if (cp < 0x10000)
        rc__sb_printf(sb, "\\u%04x", (unsigned)cp);
    else
        rc__sb_printf(sb, "\\U%08x", (unsigned)cp);
}

/* Appends the repr of o's text: quotes, escapes for \\, the quote, and
 * characters that are not printable (rc__uni_isprintable). */
static void repr_into(rc__sb *sb, const rc_object *o) {
    const rc__str *s = RC__STR(o);
    char q = repr_quote(s);
    rc__sb_putc(sb, q);
    size_t i = 0;
    while (i < s->size) {
        size_t run = i; /* copy printable ASCII in runs */
        while (run < s->size && (unsigned char)s->data[run] >= 0x20 &&
               (unsigned char)s->data[run] < 0x7F && s->data[run] != q &&
               s->data[run] != '\\')
            run++;
        rc__sb_append(sb, s->data + i, run - i);
        if (run == s->size)
            break;
        uint32_t cp;
        size_t n = rc__utf8_decode(s->data + run, &cp);
        if (cp == (uint32_t)q || cp == '\\') {
            rc__sb_putc(sb, '\\');
            rc__sb_putc(sb, (char)cp);
        } else if (!rc__uni_isprintable(cp)) {
            repr_escape(sb, cp);
        } else {
            rc__sb_append(sb, s->data + run, n);
        }
        i = run + n;
    }
    rc__sb_putc(sb, q);
}

static rc_object *str_repr(rc_object *o) {
    rc__sb sb;
    rc__sb_init(&sb, rc__runtime_of(o));
    repr_into(&sb, o);
    return rc__sb_finish(&sb);
}

static rc_object *str_str(rc_object *o) {
    rc_incref(o);
    return o;
}

/* ====================================================================== */
/* Concatenation and repetition                                            */
/* ====================================================================== */

rc_object *rc_str_concat(rc_object *a, rc_object *b) {
    rc_runtime *rt = rc__runtime_of(a);
    if (!rc_is_str(a) || !rc_is_str(b)) {
        const rc_object *bad = rc_is_str(a) ? b : a;
        rc_set_error(rt, RC_ETYPE,
                     "can only concatenate str (not \"%.100s\") to str",
                     rc_type_name(bad));
        return NULL;
    }
    rc__str *x = RC__STR(a), *y = RC__STR(b);
    if (!y->size || !x->size) { /* immutable: the other operand will do */
        rc_object *r = y->size ? b : a;
        rc_incref(r);
        return r;
    }
    if (x->size > STR_MAX_BYTES - y->size) {
        rc_set_error(rt, RC_EOVERFLOW, "string is too large");
        return NULL;
    }
    rc_object *r = rc__str_alloc(rt, x->size + y->size, x->length + y->length);
    if (!r)
        return NULL;
    memcpy(RC__STR(r)->data, x->data, x->size);
    memcpy(RC__STR(r)->data + x->size, y->data, y->size);
    return rc__str_seal(r);
}

rc_object *rc_str_repeat(rc_object *o, ptrdiff_t n) {
    rc_runtime *rt = rc__runtime_of(o);
    if (!rc_is_str(o)) {
        rc__str_not_str(o, "__mul__");
        return NULL;
    }
    rc__str *s = RC__STR(o);
    if (n == 1 || (n > 0 && !s->size)) {
        rc_incref(o);
        return o;
    }
    if (n <= 0)
        return str_from_checked(rt, "", 0, 0);
    if (s->size > STR_MAX_BYTES / (size_t)n) {
        rc_set_error(rt, RC_EOVERFLOW, "repeated string is too long");
        return NULL;
    }
    size_t total = s->size * (size_t)n;
    rc_object *r = rc__str_alloc(rt, total, s->length * (size_t)n);
    if (!r)
        return NULL;
    char *d = RC__STR(r)->data;
    memcpy(d, s->data, s->size);
    for (size_t done = s->size; done < total;) { /* doubling copies */
        size_t chunk = done < total - done ? done : total - done;
        memcpy(d + done, d, chunk);
        done += chunk;
    }
    return rc__str_seal(r);
}

/* ====================================================================== */
/* Indexing and slicing                                                    */
/* ====================================================================== */

rc_object *rc_str_getitem(rc_object *o, ptrdiff_t i) {
    rc_runtime *rt = rc__runtime_of(o);
    if (!rc_is_str(o)) {
        rc__str_not_str(o, "__getitem__");
        return NULL;
    }
    rc__str *s = RC__STR(o);
    if (i < 0)
        i += (ptrdiff_t)s->length;
    if (i < 0 || (size_t)i >= s->length) {
        rc_set_error(rt, RC_EINDEX, "string index out of range");
        return NULL;
    }
    uint32_t cp;
    rc__utf8_decode(s->data + rc__str_offset(o, (size_t)i), &cp);
    return rc__str_char(rt, cp);
}

/* Code points selected by an adjusted slice (Python's slice length). */
static size_t slice_count(ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step) {
    if (step > 0)
        return start < stop ? (size_t)((stop - start - 1) / step) + 1 : 0;
    return stop < start ? (size_t)((start - stop - 1) / -step) + 1 : 0;
}

/* Bytes that the count code points from index start, step apart, take. */
static size_t stepped_size(const rc_object *o, ptrdiff_t start, ptrdiff_t step,
                           size_t count) {
    const char *data = RC__STR(o)->data;
    size_t bytes = 0;
    for (size_t k = 0; k < count; k++) {
        size_t off = rc__str_offset(o, (size_t)(start + (ptrdiff_t)k * step));
        bytes += rc__utf8_seqlen((unsigned char)data[off]);
    }
    return bytes;
}

static rc_object *slice_stepped(rc_object *o, ptrdiff_t start, ptrdiff_t step,
                                size_t count) {
    rc__str *s = RC__STR(o);
    size_t bytes = stepped_size(o, start, step, count);
    rc_object *r = rc__str_alloc(rc__runtime_of(o), bytes, count);
    if (!r)
        return NULL;
    char *d = RC__STR(r)->data;
    for (size_t k = 0; k < count; k++) {
        size_t off = rc__str_offset(o, (size_t)(start + (ptrdiff_t)k * step));
        size_t n = rc__utf8_seqlen((unsigned char)s->data[off]);
        memcpy(d, s->data + off, n);
        d += n;
    }
    return rc__str_seal(r);
}

/* Clamps an index to what rc_slice_indices can produce for this length. */
static ptrdiff_t clamp_index(ptrdiff_t i, ptrdiff_t lo, ptrdiff_t hi) {
    return i < lo ? lo : i > hi ? hi : i;
}

rc_object *rc_str_slice(rc_object *o, ptrdiff_t start, ptrdiff_t stop,
                        ptrdiff_t step) {
    rc_runtime *rt = rc__runtime_of(o);
    if (!rc_is_str(o)) {
        rc__str_not_str(o, "__getitem__");
        return NULL;
    }
    if (step == 0) {
        rc_set_error(rt, RC_EVALUE, "slice step cannot be zero");
        return NULL;
    }
    rc__str *s = RC__STR(o);
    ptrdiff_t len = (ptrdiff_t)s->length;
    start = clamp_index(start, step > 0 ? 0 : -1, step > 0 ? len : len - 1);
    stop = clamp_index(stop, -1, len);
    size_t count = slice_count(start, stop, step);
    if (step == 1 && count == s->length) {
        rc_incref(o);
        return o;
    }
    if (step != 1 && count > 1)
        return slice_stepped(o, start, step, count);
    if (!count)
        return str_from_checked(rt, "", 0, 0);
    size_t from = rc__str_offset(o, (size_t)start);
    size_t to = s->state & RC__STR_ASCII ? from + count
                                         : skip_forward(s->data, from, count);
    return str_from_checked(rt, s->data + from, to - from, count);
}

/* ====================================================================== */
/* Protocol slots                                                          */
/* ====================================================================== */

static ptrdiff_t str_len(rc_object *o) {
    return (ptrdiff_t)RC__STR(o)->length;
}

static int str_truth(rc_object *o) {
    return RC__STR(o)->length != 0;
}

static rc_object *str_getitem_slot(rc_object *o, rc_object *key) {
    rc_runtime *rt = rc__runtime_of(o);
    rc_object *as_int = NULL;
    int k = rc_is_int(key) || rc_is_slice(key) ? 0 : rc__index_of(key, &as_int);
    if (k != 0) { /* an object with __index__ */
        rc_object *r = k > 0 ? str_getitem_slot(o, as_int) : NULL;
        rc_xdecref(as_int);
        return r;
    }
    if (rc_is_int(key)) {
        int64_t i;
        if (rc_int_to_i64(key, &i) < 0 || i < PTRDIFF_MIN || i > PTRDIFF_MAX) {
            rc_set_error(rt, RC_EINDEX,
                         "cannot fit 'int' into an index-sized integer");
            return NULL;
        }
        return rc_str_getitem(o, (ptrdiff_t)i);
    }
    if (rc_is_slice(key)) {
        ptrdiff_t start, stop, step;
        if (rc_slice_indices(key, RC__STR(o)->length, &start, &stop, &step) < 0)
            return NULL;
        return rc_str_slice(o, start, stop, step);
    }
    rc_set_error(rt, RC_ETYPE, "string indices must be integers, not '%.100s'",
                 rc_type_name(key));
    return NULL;
}

static int str_contains_slot(rc_object *o, rc_object *item) {
    if (!rc_is_str(item))
        return rc__str_type_error(
            rc__runtime_of(o), "'in <string>' requires string as left operand",
            item);
    rc__str *s = RC__STR(o), *sub = RC__STR(item);
    return rc__str_search(s->data, s->size, sub->data, sub->size) >= 0;
}

/* The repeat count of str * n for an int n, or an object with the index
 * slot: 1 and *out, 0 when n has none, negative with the error recorded. */
static int repeat_count(rc_object *seq, rc_object *n, ptrdiff_t *out) {
    rc_object *i = NULL;
    int k = rc__index_of(n, &i);
    if (k <= 0)
        return k;
    int64_t v;
    int st = rc_int_to_i64(i, &v);
    rc_decref(i);
    if (st < 0 || v > PTRDIFF_MAX || v < PTRDIFF_MIN)
        return rc_set_error(rc__runtime_of(seq), RC_EOVERFLOW,
                            "cannot fit 'int' into an index-sized integer");
    *out = (ptrdiff_t)v;
    return 1;
}

/* str + str, str * int, int * str, str % args; anything else declines
 * (the dispatcher then says "can only concatenate str ..."). */
static rc_object *str_binop(rc_object *a, rc_object *b, rc_binop op) {
    ptrdiff_t n = 0;
    rc_object *s = rc_is_str(a) ? a : b, *other = s == a ? b : a;
    if (op == RC_OP_ADD && rc_is_str(a) && rc_is_str(b))
        return rc_str_concat(a, b);
    int k = op == RC_OP_MUL ? repeat_count(s, other, &n) : 0;
    if (k != 0)
        return k < 0 ? NULL : rc_str_repeat(s, n);
    if (op == RC_OP_MOD && s == a)
        return rc_str_format_percent(a, b);
    return rc__notimpl_of(s);
}

static void str_dealloc(rc_object *o) {
    rc_runtime *rt = rc__runtime_of(o);
    if ((RC__STR(o)->state & RC__STR_INTERNED) && rt->types)
        intern_remove(str_state(rt), o);
}

/* ====================================================================== */
/* Iteration                                                               */
/* ====================================================================== */

typedef struct str_iter {
    rc_object ob;
    rc_object *str; /* owned; NULL once exhausted */
    size_t off;     /* byte offset of the next code point */
} str_iter;

static const rc_type str_iter_type;

static rc_object *str_iter_new(rc_object *o) {
    str_iter *it = (str_iter *)rc_new(rc__runtime_of(o), &str_iter_type);
    if (!it)
        return NULL;
    rc_incref(o);
    it->str = o;
    return &it->ob;
}

static int str_iter_next(rc_object *self, rc_object **item) {
    str_iter *it = (str_iter *)self;
    if (!it->str)
        return 0;
    rc__str *s = RC__STR(it->str);
    if (it->off >= s->size) {
        rc_object *done = it->str;
        it->str = NULL;
        rc_decref(done);
        return 0;
    }
    uint32_t cp;
    size_t n = rc__utf8_decode(s->data + it->off, &cp);
    *item = rc__str_char(rc__runtime_of(self), cp);
    if (!*item)
        return RC_ENOMEM;
    it->off += n;
    return 1;
}

static rc_object *iter_self(rc_object *o) {
    rc_incref(o);
    return o;
}

static void str_iter_dealloc(rc_object *self) {
    rc_xdecref(((str_iter *)self)->str);
}

static const rc_protocol str_iter_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .iter = iter_self,
    .next = str_iter_next,
};

/* Not a GC type: it can only refer to a str, which refers to nothing. */
static const rc_type str_iter_type = {
    .name = "str_iterator",
    .basicsize = sizeof(str_iter),
    .flags = RC__TYPE_LEAF,
    .dealloc = str_iter_dealloc,
    .protocol = &str_iter_protocol,
};

/* ====================================================================== */
/* The type and the per-runtime state                                      */
/* ====================================================================== */

static const rc_protocol str_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = str_repr,
    .str = str_str,
    .format = rc__format_slot,
    .hash = str_hash,
    .richcompare = str_richcompare,
    .truth = str_truth,
    .len = str_len,
    .getitem = str_getitem_slot,
    .contains = str_contains_slot,
    .iter = str_iter_new,
    .binop = str_binop,
};

const rc_type rc__str_type = {
    .name = "str",
    .basicsize = STR_BASICSIZE,
    .itemsize = 1,
    .flags = RC__TYPE_LEAF,
    .dealloc = str_dealloc,
    .protocol = &str_protocol,
};

int rc__str_init(rc_runtime *rt) {
    (void)rt; /* the table and the one-character strs are made on demand */
    return 0;
}

/* Frees the table. Strs still alive are freed with the heap (their
 * deallocs do not run, so none looks at the table again). */
void rc__str_fini(rc_runtime *rt) {
    rc__str_state *st = str_state(rt);
    rc_free(rt, st->interned, st->interned_cap * sizeof *st->interned);
    memset(st, 0, sizeof *st);
}
