/*
 * rcgc/str.h — str: immutable Unicode text (included by rcgc/objects.h).
 *
 * Stored as UTF-8 with a terminating NUL, its length in code points and a
 * cached hash (CPython's with PYTHONHASHSEED=0: SipHash-1-3 under the zero
 * key of the text as Latin-1, UCS-2 or UCS-4; the same in every runtime and
 * every run; never -1). Indexing is O(1) for ASCII text;
 * for other text a table of every 64th code point's offset, kept in the
 * object, bounds the scan to 63 code points. Comparison is code-point
 * order (which is the byte order of UTF-8).
 *
 * Interning: rc_str_intern and rc_str_constant return the one canonical
 * object for a text; the interning table does not keep strings alive (a
 * string leaves the table when it dies, CPython 3.12's mortal interning).
 * A compiler interns identifier-like constants and one-character Latin-1
 * strings through rc_str_constant; strings built at run time are never
 * interned unless asked (sys.intern). The 256 one-character strings
 * U+0000..U+00FF are interned and immortal once made; indexing and
 * iteration return them, as CPython does ('abc'[0] is 'a').
 *
 * Indices and lengths are in code points; negative indices count from the
 * end as in Python. Functions taking a str assume one unless they say
 * otherwise (debug builds check). Errors are recorded on the runtime in
 * Python's words (see rcgc/objects.h for the status-to-exception map).
 */
#ifndef RCGC_STR_H
#define RCGC_STR_H

#include <rcgc.h>

#ifdef __cplusplus
extern "C" {
#endif

RC_API bool rc_is_str(const rc_object *o);

/* A new str from len bytes of UTF-8 (need not be NUL-terminated); never
 * interned. RC_EVALUE on invalid UTF-8 (overlong forms, surrogates, code
 * points above U+10FFFF, truncated sequences), with Python's message
 * "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"
 * ("bytes in position 0-1" when a sequence fails after its first byte).
 */
RC_API rc_object *rc_str_from_utf8(rc_runtime *rt, const char *s, size_t len);
RC_API rc_object *rc_str_from_cstr(rc_runtime *rt, const char *s); /* new */
/* printf-style formatting into a new str (the result must be UTF-8). */
RC_API rc_object *rc_str_from_format(rc_runtime *rt, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A new reference to the interned str with this text (NUL-terminated,
 * UTF-8). */
RC_API rc_object *rc_str_intern(rc_runtime *rt, const char *s);
/* sys.intern(s): the interned str equal to s (s itself if it becomes the
 * canonical one; the cached object for one Latin-1 character); new
 * reference. RC_ETYPE if s is not a str. */
RC_API rc_object *rc_str_intern_object(rc_object *s);
/* The constant a compiler makes for a literal: interned when the text is
 * identifier-like ([A-Za-z0-9_]*, the empty text included) or one Latin-1
 * character, else a new, uninterned str (so two "very good morning"
 * constants are equal but not identical, as in seed 001). New reference. */
RC_API rc_object *rc_str_constant(rc_runtime *rt, const char *s, size_t len);
RC_API bool rc_str_is_interned(const rc_object *s);

/* clang-format off */
RC_API const char *rc_str_utf8(const rc_object *str); /* borrowed, NUL-terminated */
RC_API size_t rc_str_size(const rc_object *str);      /* bytes of UTF-8 */
RC_API size_t rc_str_length(const rc_object *str);    /* code points */
/* clang-format on */

/* Operations; each returns a new reference or NULL with an error. When the
 * result equals an operand (s + "", s * 1, s[:], nothing stripped, split
 * or replaced) that operand itself may be returned, as in CPython. */
RC_API rc_object *rc_str_concat(rc_object *a, rc_object *b);
/* s * n; n <= 0 gives "". RC_EOVERFLOW "repeated string is too long". */
RC_API rc_object *rc_str_repeat(rc_object *s, ptrdiff_t n);
/* s[i]; RC_EINDEX "string index out of range". */
RC_API rc_object *rc_str_getitem(rc_object *s, ptrdiff_t i);
/* s[start:stop:step] with start, stop, step already adjusted to the
 * string's length by rc_slice_indices (rcgc/containers.h); values outside
 * what it can produce are clamped. RC_EVALUE for step 0. */
RC_API rc_object *rc_str_slice(rc_object *s, ptrdiff_t start, ptrdiff_t stop,
                               ptrdiff_t step);
/* s.find(sub, start, end): index or -1; start/end as Python (use
 * PTRDIFF_MAX for "to the end"). rc_str_count: occurrences, as
 * s.count(sub). Both return RC_ETYPE (below -1) if sub is not a str. */
RC_API ptrdiff_t rc_str_find(rc_object *s, rc_object *sub, ptrdiff_t start,
                             ptrdiff_t end);
RC_API ptrdiff_t rc_str_rfind(rc_object *s, rc_object *sub, ptrdiff_t start,
                              ptrdiff_t end);
RC_API ptrdiff_t rc_str_count(rc_object *s, rc_object *sub);
/* s.split(sep, maxsplit): sep NULL splits on runs of whitespace; maxsplit
 * -1: no limit. A new list. RC_EVALUE "empty separator". */
RC_API rc_object *rc_str_split(rc_object *s, rc_object *sep,
                               ptrdiff_t maxsplit);
RC_API rc_object *rc_str_rsplit(rc_object *s, rc_object *sep,
                                ptrdiff_t maxsplit);
/* Splits at \n \r \r\n \v \f \x1c \x1d \x1e \x85 U+2028 U+2029. */
RC_API rc_object *rc_str_splitlines(rc_object *s, bool keepends);
/* sep.join(iterable of str); RC_ETYPE "sequence item 1: expected str
 * instance, int found", "can only join an iterable". */
RC_API rc_object *rc_str_join(rc_object *sep, rc_object *iterable);
/* strip/lstrip/rstrip: chars NULL strips whitespace. */
RC_API rc_object *rc_str_strip(rc_object *s, rc_object *chars);
RC_API rc_object *rc_str_lstrip(rc_object *s, rc_object *chars);
RC_API rc_object *rc_str_rstrip(rc_object *s, rc_object *chars);
/* s.replace(old, new, count): count -1 replaces all. */
RC_API rc_object *rc_str_replace(rc_object *s, rc_object *old, rc_object *new_,
                                 ptrdiff_t count);
/* prefix/suffix: a str or a tuple of strs. 1/0/negative. */
RC_API int rc_str_startswith(rc_object *s, rc_object *prefix);
RC_API int rc_str_endswith(rc_object *s, rc_object *suffix);
/* Python's full case mappings for Latin (U+0000-U+024F, U+1E00-U+1EFF,
 * fullwidth), IPA, Greek (with final sigma), Cyrillic and Armenian, e.g.
 * 'ß'.upper() == 'SS'; other scripts are left as they are. */
RC_API rc_object *rc_str_upper(rc_object *s);
RC_API rc_object *rc_str_lower(rc_object *s);
/* Character classes over the whole string (Python's str.isdigit etc.;
 * false for "" and for non-strs). Unicode 14.0 data: isalpha, isdigit and
 * isspace are exact for assigned code points; isidentifier approximates
 * XID_Start / XID_Continue (letters, '_', letter numbers; then decimal
 * digits, connector punctuation and the common combining marks). */
RC_API bool rc_str_isdigit(rc_object *s);
RC_API bool rc_str_isalpha(rc_object *s);
RC_API bool rc_str_isspace(rc_object *s);
RC_API bool rc_str_isidentifier(rc_object *s);

/* fmt % args (args a tuple, a single object, or a mapping for %(name)s):
 * %s %r %a %d %i %u %x %X %o %e %E %f %F %g %G %c %% with flags - + space
 * # 0, width, precision and '*'. Errors as Python's: "not enough arguments
 * for format string", "not all arguments converted during string
 * formatting", "%d format: a real number is required, not str", ... */
RC_API rc_object *rc_str_format_percent(rc_object *fmt, rc_object *args);
/* fmt.format(*args, **kwargs): {} {0} {name} {0[1]} {name[key]} {0.attr}
 * {:.2f} {:>10} {:,} {!r} {!s} {!a}, nested {:{width}}, {{ }} escapes.
 * args a tuple (may be NULL), kwargs a dict (may be NULL). Fields are
 * formatted through rc_format, attributes read with rc_getattr (the
 * builtin types have none: RC_EATTR). */
RC_API rc_object *rc_str_format(rc_object *fmt, rc_object *args,
                                rc_object *kwargs);
/* format(value, spec): the format-spec mini-language
 * [[fill]align][sign][z][#][0][width][grouping][.precision][type] for int
 * and bool (b c d o x X n, and e f g % through float), float (e E f F g G
 * n % and the default) and str (s); other objects are formatted by their
 * type's format slot (rc_format), and without one accept only "" (str(o)).
 */
RC_API rc_object *rc_format_value(rc_object *value, const char *spec);

#ifdef __cplusplus
}
#endif

#endif /* RCGC_STR_H */
