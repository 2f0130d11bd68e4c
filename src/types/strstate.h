/*
 * strstate.h — str's per-runtime state (types.h includes it into struct
 * rc__types) and what str.c, strmethods.c and strformat.c share: the
 * object layout, UTF-8 helpers and code-point positioning. Owned by str.c.
 *
 * A str is one block: the header below, then `size` bytes of valid UTF-8,
 * a NUL, and for long non-ASCII text a table of byte offsets of every
 * RC__STR_STRIDE-th code point (4-byte aligned from the object's start).
 * A str never changes after rc__str_seal: text, length, flags and the
 * checkpoint table are fixed; only the cached hash and the interned flag
 * are written later.
 */
#ifndef RC_STRSTATE_H
#define RC_STRSTATE_H

typedef struct rc__str_state {
    rc_object **interned;   /* linear probing; weak: holds no references */
    size_t interned_n;      /* live entries */
    size_t interned_cap;    /* slots: a power of two, or 0 */
    rc_object *latin1[256]; /* one-character strs U+0000..U+00FF: interned,
                               immortal, made on demand */
} rc__str_state;

/* ---------------------------------------------------------------------- */
/* The object (shared by the str files; nothing else looks inside)         */
/* ---------------------------------------------------------------------- */

#define RC__STR_ASCII    1u  /* every code point < 0x80: byte = index */
#define RC__STR_INTERNED 2u  /* in the interning table */
#define RC__STR_INDEXED  4u  /* has the checkpoint table */
#define RC__STR_STRIDE   64u /* code points between checkpoints */

typedef struct rc__str {
    rc_object ob;
    size_t size;   /* bytes of UTF-8, NUL excluded */
    size_t length; /* code points */
    int64_t hash;  /* cached hash; -1 until computed */
    uint8_t state; /* RC__STR_* */
    char data[];   /* size bytes of UTF-8, then NUL, then checkpoints */
} rc__str;

#define RC__STR(o) ((rc__str *)(o))

/* The str type (for rc_is_str without a call). */
extern const rc_type rc__str_type;

/* a <op> b for two strs (code-point order): 1 or 0. */
int rc__str_compare(const rc_object *a, const rc_object *b, rc_cmp op);

/* A new str with room for size bytes of text holding length code points
 * (the text is ASCII exactly when size == length). The caller writes
 * exactly size bytes of valid UTF-8 into data and then calls rc__str_seal.
 * NULL + RC_ENOMEM / RC_EOVERFLOW. */
rc_object *rc__str_alloc(rc_runtime *rt, size_t size, size_t length);
/* Writes the NUL and the checkpoint table; returns s. */
rc_object *rc__str_seal(rc_object *s);
/* A new str of text already known to be valid UTF-8. */
rc_object *rc__str_from_valid(rc_runtime *rt, const char *s, size_t size);
/* A new reference to the str of one code point (cached for U+0000..U+00FF),
 * or NULL + RC_ENOMEM. */
rc_object *rc__str_char(rc_runtime *rt, uint32_t cp);

/* Byte offset of code point i (0 <= i <= length). */
size_t rc__str_offset(const rc_object *s, size_t i);
/* Code-point index of byte offset off (a code-point boundary). */
size_t rc__str_index_of(const rc_object *s, size_t off);

/* Decodes the code point at p (valid UTF-8) into *cp; returns its bytes. */
static inline size_t rc__utf8_decode(const char *p, uint32_t *cp) {
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] < 0xE0) {
        *cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
        return 2;
    }
    if (u[0] < 0xF0) {
        *cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
              (u[2] & 0x3F);
        return 3;
    }
    *cp = ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
          ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    return 4;
}

/* Decodes the code point ending just before p (valid UTF-8); returns its
 * bytes. */
static inline size_t rc__utf8_decode_back(const char *p, uint32_t *cp) {
    size_t n = 1;
    while ((((const unsigned char *)p)[-(ptrdiff_t)n] & 0xC0) == 0x80)
        n++;
    rc__utf8_decode(p - n, cp);
    return n;
}

/* Bytes of the code point whose lead byte is b. */
static inline size_t rc__utf8_seqlen(unsigned char b) {
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* Encodes cp (a scalar value) at out; returns the bytes written (1-4). */
static inline size_t rc__utf8_encode(uint32_t cp, char *out) {
    unsigned char *u = (unsigned char *)out;
    if (cp < 0x80) {
        u[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (unsigned char)(0xC0 | (cp >> 6));
        u[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (unsigned char)(0xE0 | (cp >> 12));
        u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    u[0] = (unsigned char)(0xF0 | (cp >> 18));
    u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Character classes (strmethods.c), Python's str.isspace etc. of one code
 * point; see strmethods.c for what is approximate. */
bool rc__uni_isspace(uint32_t cp);
bool rc__uni_isalpha(uint32_t cp);
bool rc__uni_isdigit(uint32_t cp);
bool rc__uni_isdecimal(uint32_t cp);
bool rc__uni_isprintable(uint32_t cp);

/* Offset of the first occurrence of n[0, nn) in h[0, hn), or -1
 * (strmethods.c; linear time). */
ptrdiff_t rc__str_search(const char *h, size_t hn, const char *n, size_t nn);

/* Python's "descriptor 'upper' for 'str' objects doesn't apply to a 'int'
 * object" for a method called on a non-str: records RC_ETYPE, returns it. */
int rc__str_not_str(const rc_object *o, const char *method);

/* Python's "must be str, not int" family: records RC_ETYPE, returns it. */
int rc__str_type_error(rc_runtime *rt, const char *what, const rc_object *o);

#endif
