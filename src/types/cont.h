/*
 * cont.h — what the container files share (tuple.c, list.c, listsort.c,
 * dict.c, dictviews.c, set.c, range.c); never installed.
 *
 * Layouts of tuple, list and dict, the type objects, and helpers used by
 * more than one container: the "may be tracked" rule of the collector's
 * untracking, index conversion, lexicographic comparison and repr of
 * sequences, and the sequence iterator shared by tuple and list.
 *
 * Rule for every container: code that calls out (equality, hashing, repr,
 * a decref that may run a finalizer, or any allocation, which may run a
 * collection) re-reads the container's size and item pointers afterwards;
 * nothing is cached across a call-out.
 */
#ifndef RC_CONT_H
#define RC_CONT_H

#include "types.h"

/* ---------------------------------------------------------------------- */
/* Layouts                                                                 */
/* ---------------------------------------------------------------------- */

typedef struct rc__tuple {
    rc_object ob;
    size_t size;        /* items; fixed at creation */
    rc_object *items[]; /* owned; NULL only while the tuple is being built */
} rc__tuple;

typedef struct rc__list {
    rc_object ob;
    size_t size;       /* items in use: items[0, size) are owned references */
    size_t cap;        /* slots allocated at items (0: items is NULL) */
    rc_object **items; /* from rc_malloc, cap slots */
    size_t epoch;      /* bumped whenever items is replaced or detached */
} rc__list;

/* A dict entry: deleted entries have key and value NULL. */
typedef struct rc__dentry {
    int64_t hash;
    rc_object *key;   /* owned */
    rc_object *value; /* owned */
} rc__dentry;

/* A dict's table: an index of 1 << log2size slots, each 1 << log2ix bytes
 * wide, holding -1 (empty), -2 (dummy: deleted) or an entry number; then
 * the entries in insertion order. One block from rc_malloc. */
typedef struct rc__dkeys {
    size_t bytes;    /* size of this block */
    size_t usable;   /* entries that may still be appended */
    size_t nentries; /* entries appended, deleted ones included */
    uint8_t log2size;
    uint8_t log2ix;
    uint8_t general; /* a key other than an exact str was stored: traverse
                        visits keys too (CPython's non-unicode tables) */
    uint8_t pad_[5];
    char index[]; /* then the entries, 8-aligned */
} rc__dkeys;

typedef struct rc__dict {
    rc_object ob;
    size_t used;      /* live entries */
    rc__dkeys *keys;  /* NULL while the dict has never held anything */
    uint64_t version; /* bumped by every change of keys or values */
} rc__dict;

static inline rc__dentry *rc__dict_entries(const rc__dkeys *k) {
    return (rc__dentry *)(void *)(k->index +
                                  ((size_t)1 << k->log2size << k->log2ix));
}

/* ---------------------------------------------------------------------- */
/* Types                                                                   */
/* ---------------------------------------------------------------------- */

extern const rc_type rc__tuple_type;
extern const rc_type rc__list_type;
extern const rc_type rc__dict_type;
extern const rc_type rc__set_type;
extern const rc_type rc__frozenset_type;
extern const rc_type rc__range_type;
extern const rc_type rc__slice_type;
extern const rc_type rc__tuple_iter_type;
extern const rc_type rc__list_iter_type;

static inline bool rc__is_tuple(const rc_object *o) {
    return o->type == &rc__tuple_type;
}
static inline bool rc__is_list(const rc_object *o) {
    return o->type == &rc__list_type;
}
static inline bool rc__is_dict(const rc_object *o) {
    return o->type == &rc__dict_type;
}
static inline bool rc__is_anyset(const rc_object *o) {
    return o->type == &rc__set_type || o->type == &rc__frozenset_type;
}

static inline rc__cont_state *rc__cont(rc_runtime *rt) {
    return &rt->types->cont;
}

/* ---------------------------------------------------------------------- */
/* Shared helpers                                                          */
/* ---------------------------------------------------------------------- */

/* CPython's _PyObject_GC_MAY_BE_TRACKED: o is of a GC type and is not a
 * tuple, or is a tracked tuple. A container holding only objects for which
 * this is false may be untracked. */
bool rc__may_be_tracked(const rc_object *o);

/* The items and size of a tuple or list (borrowed; re-read after any
 * call-out, a list may change). */
static inline rc_object **rc__seq_items(rc_object *o, size_t *n) {
    if (rc__is_tuple(o)) {
        *n = ((rc__tuple *)o)->size;
        return ((rc__tuple *)o)->items;
    }
    *n = ((rc__list *)o)->size;
    return ((rc__list *)o)->items;
}

/* key as an index (bool counts as int; objects with the index slot too):
 * 0 and *out; RC_ETYPE "<what> indices must be integers or slices, not
 * <type>"; RC_EINDEX "cannot fit 'int' into an index-sized integer" when
 * it does not fit. */
int rc__seq_index(rc_object *key, const char *what, ptrdiff_t *out);

/* A repetition count for seq * n: 0 and *out (negative counts are 0);
 * RC_ETYPE "can't multiply sequence by non-int of type ..." when n is not
 * an int and has no index; RC_EOVERFLOW when it does not fit. The _opt
 * form returns 1 with the count, 0 when n has no index (a binop slot then
 * declines), negative on error. */
int rc__repeat_count(rc_object *n, ptrdiff_t *out);
int rc__repeat_count_opt(rc_object *n, ptrdiff_t *out);

/* Lexicographic a <op> b for two tuples or two lists (Python's rule: the
 * first differing items decide, else the lengths). 1, 0 or negative. */
int rc__seq_compare(rc_object *a, rc_object *b, rc_cmp op);

/* repr of a tuple or list: open items close, "..." inside when o's repr is
 * already being built; a 1-tuple gets its trailing comma. New str or NULL.
 */
rc_object *rc__seq_repr(rc_object *o, const char *open, const char *close);

/* The iter slot of iterators: a new reference to self. */
rc_object *rc__iter_self(rc_object *self);

/* iter() of a tuple or a list: a new "tuple_iterator"/"list_iterator". */
rc_object *rc__seq_iter(rc_object *seq);

/* A new tuple holding the items of any iterable (the tuple itself, with a
 * new reference, when it is one). NULL + RC_ETYPE errmsg when not
 * iterable. */
rc_object *rc__tuple_from_iterable(rc_runtime *rt, rc_object *iterable,
                                   const char *errmsg);

/* The runtime's hooks for the collector (boot.c registers them): the item
 * array of a tuple or list, and untracking of tuples and dicts that hold
 * only untracked objects. */
rc_object *const *rc__seq_gc_items(const rc_object *o, size_t *n);
void rc__cont_maybe_untrack(rc_object *o, bool full);
/* dict.c for it: a dict the collector may untrack (only at full ones). */
bool rc__dict_untrackable(rc_object *o, bool full);

/* Free each kept block of a free list (rc__cont_clear_freelists). */
void rc__tuple_clear_freelist(rc_runtime *rt);
void rc__list_clear_freelist(rc_runtime *rt);
void rc__dict_clear_freelist(rc_runtime *rt);

/* dictviews.c for dict.c: a new iterator over a dict's keys, values or
 * items ("dict_keyiterator", ...). */
enum { RC__DICT_KEYS, RC__DICT_VALUES, RC__DICT_ITEMS };
rc_object *rc__dict_iter_new(rc_object *dict, int kind);

/* dict.c for dictviews.c: entry lookup. 0 with *ix the entry number or -1
 * when absent, or a negative error. */
int rc__dict_lookup_ix(rc__dict *d, rc_object *key, int64_t hash,
                       ptrdiff_t *ix);

/* set.c for dictviews.c: a <op> b for set-like a and b by membership
 * (len and rc_contains), as Python compares dict views with sets. */
int rc__setlike_compare(rc_object *a, rc_object *b, rc_cmp op);

#endif
