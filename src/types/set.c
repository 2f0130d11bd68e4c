/*
 * set.c — set and frozenset: open-addressing hash tables of keys, with
 * CPython's probing (runs of up to 9 adjacent slots, then the 5i + 1 +
 * perturb jump), growth (when 3/5 of the slots are used or dummy, to the
 * smallest power of two above 4 * used, or 2 * used past 50,000) and the
 * iteration order that follows from them, so small sets print as CPython
 * prints them. Also the set-like comparison that dict views use.
 *
 * Invariants: table is NULL (an empty set that never grew) or has mask + 1
 * slots, a power of two >= 8; a slot is unused (key NULL, hash 0), dummy
 * (key DUMMY, hash -1: a deleted key, keeping probe chains intact) or
 * active; fill counts active + dummy slots, used the active ones, and fill
 * stays below 3/5 of the slots, so every probe sequence reaches an unused
 * slot. A frozenset is never changed once built; its hash (CPython's
 * algorithm: xor of shuffled entry hashes, then dispersion) is cached.
 *
 * Equality tests may run code that changes the set; a probe that sees the
 * table or the entry change starts over, and loops over a table re-read it
 * after each call-out. Resizing allocates before anything changes, so a
 * failed add leaves the set as it was. Sets are always tracked.
 */
#include "cont.h"

typedef struct sentry {
    rc_object *key; /* owned; NULL unused; DUMMY deleted */
    int64_t hash;
} sentry;

typedef struct rc__set {
    rc_object ob;
    size_t fill;      /* active + dummy slots */
    size_t used;      /* active slots */
    size_t mask;      /* slots - 1; 0 while table is NULL */
    sentry *table;    /* rc_malloc'd, or NULL */
    size_t finger;    /* where pop() looks next */
    int64_t hash;     /* frozenset: cached hash, -1 until computed */
    uint64_t version; /* bumped by every change of the table */
} rc__set;

#define S(o)          ((rc__set *)(o))
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define MIN_SLOTS     8
#define RETRY         1
#define BIG_SET       50000

static const rc_object dummy_key = {.refcnt = RC_IMMORTAL};
#define DUMMY ((rc_object *)&dummy_key)

static bool is_frozen(const rc_object *o) {
    return o->type == &rc__frozenset_type;
}

/* Methods that change a set refuse frozensets and other objects. */
static int not_a_set(rc_object *o, const char *method) {
    if (is_frozen(o))
        return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                            "'frozenset' object has no attribute '%s'", method);
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "descriptor '%s' for 'set' objects doesn't apply to "
                        "a '%s' object",
                        method, rc_type_name(o));
}

/* ====================================================================== */
/* The table                                                               */
/* ====================================================================== */

/* Puts a key known to be absent into a table with no dummies. */
static void insert_clean(sentry *table, size_t mask, rc_object *key,
                         int64_t hash) {
    size_t perturb = (size_t)(uint64_t)hash, i = perturb & mask;
    for (;;) {
        sentry *e = &table[i];
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (;; e++) {
            if (!e->key) {
                e->key = key;
                e->hash = hash;
                return;
            }
            if (probes-- == 0)
                break;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Moves the active keys into a table of the smallest power-of-two size
 * above minused (at least 8). 0; RETRY when a collection changed the set
 * during the allocation (nothing done); RC_ENOMEM with the set unchanged.
 */
static int resize(rc__set *s, size_t minused) {
    rc_runtime *rt = rc__runtime_of(&s->ob);
    size_t slots = MIN_SLOTS;
    while (slots <= minused && slots < SIZE_MAX / 4 / sizeof(sentry))
        slots <<= 1;
    if (slots <= minused)
        return rc_set_error(rt, RC_ENOMEM, "set too large");
    uint64_t version = s->version;
    sentry *table = rc_malloc(rt, slots * sizeof *table);
    if (!table)
        return RC_ENOMEM;
    if (s->version != version) {
        rc_free(rt, table, slots * sizeof *table);
        return RETRY;
    }
    memset(table, 0, slots * sizeof *table);
    sentry *old = s->table;
    for (size_t i = 0; old && i <= s->mask; i++)
        if (old[i].key && old[i].key != DUMMY)
            insert_clean(table, slots - 1, old[i].key, old[i].hash);
    if (old)
        rc_free(rt, old, (s->mask + 1) * sizeof *old);
    s->table = table;
    s->mask = slots - 1;
    s->fill = s->used;
    s->version++;
    return 0;
}

/* The probe for key: 0 with *found and *slot (key's entry, or where key
 * would go: the first dummy on the way, else the unused slot ending it);
 * RETRY when an equality test changed the set; or an error. */
static int probe(rc__set *s, rc_object *key, int64_t hash, sentry **slot,
                 bool *found) {
    sentry *table = s->table, *freeslot = NULL;
    size_t mask = s->mask, perturb = (size_t)(uint64_t)hash, i = perturb & mask;
    for (;;) {
        sentry *e = &table[i];
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (;; e++) {
            if (!e->key) {
                *found = false;
                *slot = freeslot ? freeslot : e;
                return 0;
            }
            if (e->key == DUMMY) {
                if (!freeslot)
                    freeslot = e;
            } else if (e->key == key) {
                *found = true;
                *slot = e;
                return 0;
            } else if (e->hash == hash) {
                rc_object *sk = e->key;
                rc_incref(sk);
                int c = rc_equal(sk, key);
                rc_decref(sk);
                if (c < 0)
                    return c;
                if (s->table != table || e->key != sk)
                    return RETRY;
                if (c) {
                    *found = true;
                    *slot = e;
                    return 0;
                }
            }
            if (probes-- == 0)
                break;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Finds key: 1 with *slot, 0 absent, negative error. */
static int find(rc__set *s, rc_object *key, int64_t hash, sentry **slot) {
    for (;;) {
        if (!s->table)
            return 0;
        bool found;
        int r = probe(s, key, hash, slot, &found);
        if (r != RETRY)
            return r < 0 ? r : found;
    }
}

/* Adds key (hash known): 0 (added or present) or negative, the set
 * unchanged. */
static int add_entry(rc__set *s, rc_object *key, int64_t hash) {
    for (;;) {
        int r = s->table ? 0 : resize(s, 0);
        bool found = false;
        sentry *e = NULL;
        if (r == 0)
            r = probe(s, key, hash, &e, &found);
        if (r == RETRY)
            continue;
        if (r || found)
            return r;
        rc_incref(key);
        if (e->key || (s->fill + 1) * 5 < s->mask * 3) {
            s->fill += !e->key;
        } else { /* the insertion would pass 3/5: grow first */
            size_t n = s->used + 1;
            r = resize(s, n > BIG_SET ? n * 2 : n * 4);
            if (r) {
                rc_decref(key);
                if (r == RETRY)
                    continue;
                return r;
            }
            insert_clean(s->table, s->mask, key, hash);
            s->fill++;
            s->used++;
            s->version++;
            return 0;
        }
        e->key = key;
        e->hash = hash;
        s->used++;
        s->version++;
        return 0;
    }
}

/* Removes the key at e; returns the set's reference to it. */
static rc_object *take(rc__set *s, sentry *e) {
    rc_object *key = e->key;
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    s->version++;
    return key;
}

/* Detaches the table (the set becomes empty), then drops its keys. */
static void clear_table(rc__set *s) {
    sentry *t = s->table;
    size_t slots = s->mask + 1;
    if (!t)
        return;
    s->table = NULL;
    s->mask = s->fill = s->used = 0;
    s->version++;
    for (size_t i = 0; i < slots; i++)
        if (t[i].key && t[i].key != DUMMY)
            rc_decref(t[i].key);
    rc_free(rc__runtime_of(&s->ob), t, slots * sizeof *t);
}

/* The next active entry at or after *pos (re-reading the table): its key
 * and hash, *pos past it; false at the end. */
static bool next_entry(rc__set *s, size_t *pos, rc_object **key,
                       int64_t *hash) {
    for (size_t i = *pos; s->table && i <= s->mask; i++) {
        sentry *e = &s->table[i];
        if (e->key && e->key != DUMMY) {
            *key = e->key;
            *hash = e->hash;
            *pos = i + 1;
            return true;
        }
    }
    return false;
}

/* ====================================================================== */
/* Keys that are sets: looked up as frozensets (Python's rule)            */
/* ====================================================================== */

static rc_object *new_set(rc_runtime *rt, const rc_type *t) {
    rc__set *s = (rc__set *)rc_new(rt, t);
    if (s)
        s->hash = -1;
    return (rc_object *)s;
}

static int copy_into(rc__set *dst, rc__set *src);

/* key's hash; for an unhashable set, a frozenset copy in *tmp and its
 * hash. */
static int hash_key(rc_object **key, rc_object **tmp, int64_t *hash) {
    *tmp = NULL;
    int r = rc_hash(*key, hash);
    if (r != RC_EHASH || (*key)->type != &rc__set_type)
        return r;
    rc_runtime *rt = rc__runtime_of(*key);
    rc_clear_error(rt);
    *tmp = new_set(rt, &rc__frozenset_type);
    if (!*tmp)
        return RC_ENOMEM;
    r = copy_into(S(*tmp), S(*key));
    if (!r)
        r = rc_hash(*tmp, hash);
    if (r) {
        rc_decref(*tmp);
        *tmp = NULL;
        return r;
    }
    *key = *tmp;
    return 0;
}

/* key in s, for a key of any type: 1, 0 or negative. With take_it, the
 * key is also removed. */
static int lookup_any(rc__set *s, rc_object *key, bool take_it) {
    rc_object *tmp;
    int64_t h = 0;
    int r = hash_key(&key, &tmp, &h);
    sentry *e;
    if (!r)
        r = find(s, key, h, &e);
    if (r > 0 && take_it)
        rc_decref(take(s, e));
    rc_xdecref(tmp);
    return r;
}

/* ====================================================================== */
/* Bulk operations                                                         */
/* ====================================================================== */

/* Grows s before n keys are added, as CPython's set_merge and
 * set_update_internal do: once, to twice the final count, when the keys
 * would fill 3/5 of the table. A set whose table is still NULL counts as
 * CPython's 8-slot small table (and gets one), so a copy or union lays
 * its keys out, and iterates, in CPython's order. */
static int make_room(rc__set *s, size_t n) {
    size_t mask = s->table ? s->mask : MIN_SLOTS - 1;
    bool grow = (s->fill + n) * 5 >= mask * 3;
    if (s->table && !grow)
        return 0;
    int r;
    while ((r = resize(s, grow ? (s->used + n) * 2 : 0)) == RETRY)
        ;
    return r;
}

/* Adds every key of src (CPython's set_merge: grow once, copy the table
 * as it is when dst is empty and alike, insert cleanly when dst is
 * empty). */
static int merge(rc__set *dst, rc__set *src) {
    if (src == dst || src->used == 0)
        return 0;
    int r = make_room(dst, src->used);
    if (r)
        return r;
    if (dst->fill == 0) {
        bool same = dst->mask == src->mask && src->fill == src->used;
        for (size_t i = 0; i <= src->mask; i++) {
            sentry *e = &src->table[i];
            if (!e->key || e->key == DUMMY)
                continue;
            rc_incref(e->key);
            if (same)
                dst->table[i] = *e;
            else
                insert_clean(dst->table, dst->mask, e->key, e->hash);
            dst->fill++;
            dst->used++;
        }
        dst->version++;
        return 0;
    }
    size_t pos = 0;
    rc_object *key;
    int64_t h = 0;
    while (next_entry(src, &pos, &key, &h))
        if ((r = add_entry(dst, key, h)) != 0)
            return r;
    return 0;
}

static int copy_into(rc__set *dst, rc__set *src) {
    return merge(dst, src);
}

static int update_from_dict(rc__set *s, rc_object *dict) {
    rc__dict *d = (rc__dict *)dict;
    int r = make_room(s, d->used);
    if (r)
        return r;
    size_t pos = 0;
    rc_object *key;
    while (rc_dict_next(dict, &pos, &key, NULL)) {
        r = add_entry(s, key, rc__dict_entries(d->keys)[pos - 1].hash);
        if (r)
            return r;
    }
    return 0;
}

static int update_from_iter(rc__set *s, rc_object *iterable) {
    rc_runtime *rt = rc__runtime_of(&s->ob);
    rc_object *it = rc_iter(iterable);
    if (!it)
        return rc_last_error(rt);
    rc_object *key;
    int r;
    while ((r = rc_next(it, &key)) == 1) {
        int64_t h = 0;
        r = rc_hash(key, &h);
        if (!r)
            r = add_entry(s, key, h);
        rc_decref(key);
        if (r)
            break;
    }
    rc_decref(it);
    return r < 0 ? r : 0;
}

static int set_update(rc_object *set, rc_object *iterable) {
    if (rc__is_anyset(iterable))
        return merge(S(set), S(iterable));
    if (rc__is_dict(iterable))
        return update_from_dict(S(set), iterable);
    return update_from_iter(S(set), iterable);
}

/* ====================================================================== */
/* Construction and the C API                                              */
/* ====================================================================== */

static rc_object *make(rc_runtime *rt, const rc_type *t, rc_object *iterable) {
    rc_object *s = new_set(rt, t);
    if (s && iterable && set_update(s, iterable)) {
        rc_decref(s);
        return NULL;
    }
    return s;
}

rc_object *rc_set_new(rc_runtime *rt, rc_object *iterable) {
    return make(rt, &rc__set_type, iterable);
}

rc_object *rc_frozenset_new(rc_runtime *rt, rc_object *iterable) {
    if (iterable && is_frozen(iterable)) {
        rc_incref(iterable);
        return iterable;
    }
    return make(rt, &rc__frozenset_type, iterable);
}

bool rc_is_set(const rc_object *o) {
    return rc__is_anyset(o);
}

bool rc_is_frozenset(const rc_object *o) {
    return is_frozen(o);
}

size_t rc_set_size(const rc_object *set) {
    return S(set)->used;
}

int rc_set_add(rc_object *set, rc_object *key) {
    if (set->type != &rc__set_type)
        return not_a_set(set, "add");
    int64_t h = 0;
    int r = rc_hash(key, &h);
    return r ? r : add_entry(S(set), key, h);
}

int rc_set_discard(rc_object *set, rc_object *key) {
    if (set->type != &rc__set_type)
        return not_a_set(set, "discard");
    return lookup_any(S(set), key, true);
}

int rc_set_remove(rc_object *set, rc_object *key) {
    if (set->type != &rc__set_type)
        return not_a_set(set, "remove");
    int r = lookup_any(S(set), key, true);
    if (r != 0)
        return r < 0 ? r : 0;
    rc_runtime *rt = rc__runtime_of(set);
    rc_object *s = rc_repr(key);
    if (!s)
        return rc_last_error(rt);
    r = rc_set_error(rt, RC_EKEY, "%s", rc_str_utf8(s));
    rc_decref(s);
    return r;
}

int rc_set_contains(rc_object *set, rc_object *key) {
    if (!rc__is_anyset(set))
        return rc_set_error(rc__runtime_of(set), RC_ETYPE,
                            "expected a set, got '%s'", rc_type_name(set));
    return lookup_any(S(set), key, false);
}

rc_object *rc_set_pop(rc_object *set) {
    if (set->type != &rc__set_type) {
        not_a_set(set, "pop");
        return NULL;
    }
    rc__set *s = S(set);
    if (s->used == 0) {
        rc_set_error(rc__runtime_of(set), RC_EKEY, "'pop from an empty set'");
        return NULL;
    }
    size_t i = s->finger & s->mask;
    while (!s->table[i].key || s->table[i].key == DUMMY)
        i = (i + 1) & s->mask;
    s->finger = i + 1;
    return take(s, &s->table[i]);
}

int rc_set_clear(rc_object *set) {
    if (set->type != &rc__set_type)
        return not_a_set(set, "clear");
    clear_table(S(set));
    return 0;
}

int rc_set_next(rc_object *set, size_t *pos, rc_object **key) {
    int64_t h = 0;
    rc_object *k;
    if (!next_entry(S(set), pos, &k, &h))
        return 0;
    if (key)
        *key = k;
    return 1;
}

/* ====================================================================== */
/* Set algebra                                                             */
/* ====================================================================== */

static const rc_type *type_of(const rc_object *o) {
    return is_frozen(o) ? &rc__frozenset_type : &rc__set_type;
}

static bool check_operand(rc_object *a) {
    if (rc__is_anyset(a))
        return true;
    rc_set_error(rc__runtime_of(a), RC_ETYPE, "expected a set, got '%s'",
                 rc_type_name(a));
    return false;
}

rc_object *rc_set_union(rc_object *a, rc_object *b) {
    if (!check_operand(a))
        return NULL;
    rc_object *r = make(rc__runtime_of(a), type_of(a), a);
    if (r && set_update(r, b)) {
        rc_decref(r);
        return NULL;
    }
    return r;
}

/* Adds to r each key of src (a set) for which membership in other is
 * `want`. */
static int filter_into(rc__set *r, rc__set *src, rc_object *other, bool want) {
    size_t pos = 0;
    rc_object *key;
    int64_t h = 0;
    while (next_entry(src, &pos, &key, &h)) {
        rc_incref(key);
        int c = rc_contains(other, key);
        if (c >= 0 && (c > 0) == want)
            c = add_entry(r, key, h);
        rc_decref(key);
        if (c < 0)
            return c;
    }
    return 0;
}

/* Adds to r each item of iterable that is in a. */
static int common_items(rc__set *r, rc__set *a, rc_object *iterable) {
    rc_object *it = rc_iter(iterable), *key;
    if (!it)
        return rc_last_error(rc__runtime_of(iterable));
    int st;
    while ((st = rc_next(it, &key)) == 1) {
        int64_t h = 0;
        sentry *e;
        st = rc_hash(key, &h);
        if (!st)
            st = find(a, key, h, &e);
        if (st > 0)
            st = add_entry(r, key, h);
        rc_decref(key);
        if (st < 0)
            break;
    }
    rc_decref(it);
    return st < 0 ? st : 0;
}

/* Removes from r each key of iterable (set.difference_update). */
static int discard_all(rc__set *r, rc_object *iterable) {
    if (rc__is_anyset(iterable)) {
        size_t pos = 0;
        rc_object *key;
        int64_t h = 0;
        while (next_entry(S(iterable), &pos, &key, &h)) {
            sentry *e;
            rc_incref(key);
            int c = find(r, key, h, &e);
            if (c > 0)
                rc_decref(take(r, e));
            rc_decref(key);
            if (c < 0)
                return c;
        }
        return 0;
    }
    rc_object *it = rc_iter(iterable), *key;
    if (!it)
        return rc_last_error(rc__runtime_of(iterable));
    int st;
    while ((st = rc_next(it, &key)) == 1) {
        int64_t h = 0;
        sentry *e;
        st = rc_hash(key, &h);
        if (!st && (st = find(r, key, h, &e)) > 0)
            rc_decref(take(r, e));
        rc_decref(key);
        if (st < 0)
            break;
    }
    rc_decref(it);
    return st < 0 ? st : 0;
}

/* Drops r and returns NULL when st is an error; else returns r. */
static rc_object *result_or_null(rc_object *r, int st) {
    if (st < 0) {
        rc_decref(r);
        return NULL;
    }
    return r;
}

/* CPython's strategy: with a set, loop over the smaller one; otherwise
 * over the iterable's items in order. */
rc_object *rc_set_intersection(rc_object *a, rc_object *b) {
    if (!check_operand(a))
        return NULL;
    rc_object *r = new_set(rc__runtime_of(a), type_of(a));
    if (!r)
        return NULL;
    if (!rc__is_anyset(b))
        return result_or_null(r, common_items(S(r), S(a), b));
    bool swap = S(b)->used > S(a)->used;
    rc_object *small = swap ? a : b, *large = swap ? b : a;
    return result_or_null(r, filter_into(S(r), S(small), large, true));
}

/* CPython's strategy: copy a and remove b's items when b is no set or
 * dict, or when a is over four times larger; else keep a's keys not in b.
 */
rc_object *rc_set_difference(rc_object *a, rc_object *b) {
    if (!check_operand(a))
        return NULL;
    rc_runtime *rt = rc__runtime_of(a);
    bool sized = rc__is_anyset(b) || rc__is_dict(b);
    size_t nb = !sized ? 0 : rc__is_dict(b) ? rc_dict_size(b) : S(b)->used;
    if (!sized || (S(a)->used >> 2) > nb) {
        rc_object *r = make(rt, type_of(a), a);
        return r ? result_or_null(r, discard_all(S(r), b)) : NULL;
    }
    rc_object *r = new_set(rt, type_of(a));
    return r ? result_or_null(r, filter_into(S(r), S(a), b, false)) : NULL;
}

/* CPython's strategy: a copy of b, then each key of a toggled in it. */
rc_object *rc_set_symmetric_difference(rc_object *a, rc_object *b) {
    if (!check_operand(a))
        return NULL;
    rc_object *r = make(rc__runtime_of(a), type_of(a), b);
    size_t pos = 0;
    rc_object *key;
    int64_t h = 0;
    int st = 0;
    while (r && st >= 0 && next_entry(S(a), &pos, &key, &h)) {
        sentry *e;
        rc_incref(key);
        st = find(S(r), key, h, &e);
        if (st > 0)
            rc_decref(take(S(r), e));
        else if (st == 0)
            st = add_entry(S(r), key, h);
        rc_decref(key);
    }
    return r ? result_or_null(r, st) : NULL;
}

/* ====================================================================== */
/* Comparison                                                              */
/* ====================================================================== */

/* Every key of a is in b: 1, 0 or negative. */
static int subset(rc__set *a, rc__set *b) {
    if (a->used > b->used)
        return 0;
    size_t pos = 0;
    rc_object *key;
    int64_t h = 0;
    while (next_entry(a, &pos, &key, &h)) {
        sentry *e;
        rc_incref(key);
        int c = find(b, key, h, &e);
        rc_decref(key);
        if (c <= 0)
            return c;
    }
    return 1;
}

/* a <op> b for two sets or frozensets: subset and superset tests. */
static int set_compare(rc_object *a, rc_object *b, rc_cmp op) {
    size_t na = S(a)->used, nb = S(b)->used;
    int r;
    switch (op) {
    case RC_EQ:
    case RC_NE:
        r = na == nb ? subset(S(a), S(b)) : 0;
        return r < 0 ? r : (op == RC_EQ) == (r == 1);
    case RC_LE:
        return subset(S(a), S(b));
    case RC_LT:
        return na < nb ? subset(S(a), S(b)) : 0;
    case RC_GE:
        return subset(S(b), S(a));
    default:
        return nb < na ? subset(S(b), S(a)) : 0;
    }
}

static rc_object *set_richcompare(rc_object *self, rc_object *other,
                                  rc_cmp op) {
    if (!rc__is_anyset(other))
        return rc__notimpl_of(self);
    return rc__cmp_object(rc__runtime_of(self), set_compare(self, other, op));
}

/* Every item of x is in y: 1, 0 or negative. */
static int all_in(rc_object *x, rc_object *y) {
    rc_object *it = rc_iter(x), *item;
    if (!it)
        return rc_last_error(rc__runtime_of(x));
    int r, c = 1;
    while (c == 1 && (r = rc_next(it, &item)) == 1) {
        c = rc_contains(y, item);
        rc_decref(item);
    }
    rc_decref(it);
    if (c != 1)
        return c;
    return r < 0 ? r : 1;
}

int rc__setlike_compare(rc_object *a, rc_object *b, rc_cmp op) {
    ptrdiff_t na = rc_len(a), nb = rc_len(b);
    if (na < 0 || nb < 0)
        return (int)(na < 0 ? na : nb);
    int r;
    switch (op) {
    case RC_EQ:
    case RC_NE:
        r = na == nb ? all_in(a, b) : 0;
        return r < 0 ? r : (op == RC_EQ) == (r == 1);
    case RC_LE:
        return na <= nb ? all_in(a, b) : 0;
    case RC_LT:
        return na < nb ? all_in(a, b) : 0;
    case RC_GE:
        return nb <= na ? all_in(b, a) : 0;
    default:
        return nb < na ? all_in(b, a) : 0;
    }
}

/* ====================================================================== */
/* The protocol                                                            */
/* ====================================================================== */

static int set_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rc__set *s = S(o);
    for (size_t i = 0; s->table && i <= s->mask; i++) {
        rc_object *k = s->table[i].key;
        if (k && k != DUMMY) {
            int r = visit(k, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int set_clear(rc_object *o) {
    clear_table(S(o));
    return 0;
}

static void set_dealloc(rc_object *o) {
    clear_table(S(o));
}

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull;
}

static int frozenset_hash(rc_object *o, int64_t *out) {
    rc__set *s = S(o);
    if (s->hash == -1) {
        uint64_t h = 0;
        for (size_t i = 0; s->table && i <= s->mask; i++)
            if (s->table[i].key && s->table[i].key != DUMMY)
                h ^= shuffle_bits((uint64_t)s->table[i].hash);
        h ^= ((uint64_t)s->used + 1) * 1927868237ull;
        h ^= (h >> 11) ^ (h >> 25);
        h = h * 69069u + 907133923ull;
        s->hash = h == (uint64_t)-1 ? 590923713 : (int64_t)h;
    }
    *out = s->hash;
    return 0;
}

static bool repr_keys(rc__sb *sb, rc__set *s) {
    size_t pos = 0;
    rc_object *key;
    int64_t h = 0;
    for (bool first = true; next_entry(s, &pos, &key, &h); first = false) {
        if (!first)
            rc__sb_append(sb, ", ", 2);
        rc_incref(key);
        bool ok = rc__sb_repr(sb, key);
        rc_decref(key);
        if (!ok)
            return false;
    }
    return true;
}

static bool repr_set_keys(rc__sb *sb, rc_object *o) {
    return repr_keys(sb, S(o));
}

static rc_object *set_repr(rc_object *o) {
    rc_runtime *rt = rc__runtime_of(o);
    const char *name = rc_type_name(o);
    if (S(o)->used == 0)
        return rc_str_from_format(rt, "%s()", name);
    bool frozen = is_frozen(o);
    return rc__container_repr(
        o, frozen ? "frozenset({" : "{", frozen ? "})" : "}",
        frozen ? "frozenset(...)" : "set(...)", repr_set_keys);
}

static ptrdiff_t set_len(rc_object *o) {
    return (ptrdiff_t)S(o)->used;
}

static size_t set_extra_size(const rc_object *o) {
    return S(o)->table ? (S(o)->mask + 1) * sizeof(sentry) : 0;
}

static int set_contains(rc_object *o, rc_object *key) {
    return lookup_any(S(o), key, false);
}

static rc_object *set_binop(rc_object *a, rc_object *b, rc_binop op) {
    if (!rc__is_anyset(a) || !rc__is_anyset(b))
        return rc__notimpl_of(rc__is_anyset(a) ? a : b);
    switch (op) {
    case RC_OP_OR:
        return rc_set_union(a, b);
    case RC_OP_AND:
        return rc_set_intersection(a, b);
    case RC_OP_SUB:
        return rc_set_difference(a, b);
    case RC_OP_XOR:
        return rc_set_symmetric_difference(a, b);
    default:
        return rc__notimpl_of(a);
    }
}

/* Gives a the contents of r and r those of a (CPython's set_swap_bodies),
 * so that an in-place operation computed into a new set replaces a's keys
 * in one step. Both are sets (not frozensets: no cached hash). */
static void swap_bodies(rc__set *a, rc__set *r) {
    rc__set t = *a;
    a->fill = r->fill, a->used = r->used, a->mask = r->mask;
    a->table = r->table, a->finger = r->finger;
    r->fill = t.fill, r->used = t.used, r->mask = t.mask;
    r->table = t.table, r->finger = t.finger;
    a->version++;
    r->version++;
}

/* set |= set, &=, -=, ^=: a changed in place (frozensets have no in-place
 * operators: their binop makes a new one). */
static rc_object *set_inplace(rc_object *self, rc_object *other, rc_binop op) {
    if (is_frozen(self) || !rc__is_anyset(other))
        return rc__notimpl_of(self);
    int r = 0;
    if (op == RC_OP_OR) {
        r = set_update(self, other);
    } else if (op == RC_OP_SUB) {
        r = discard_all(S(self), other);
    } else if (op == RC_OP_AND || op == RC_OP_XOR) {
        rc_object *n = op == RC_OP_AND
                           ? rc_set_intersection(self, other)
                           : rc_set_symmetric_difference(self, other);
        if (!n)
            return NULL;
        swap_bodies(S(self), S(n));
        rc_decref(n);
    } else {
        return rc__notimpl_of(self);
    }
    return rc__self_or_null(self, r);
}

/* ---------------------------------------------------------- iterator */

typedef struct setiter {
    rc_object ob;
    rc_object *set; /* owned; NULL once exhausted */
    size_t pos;     /* next slot */
    size_t used;    /* the set's size at the start; SIZE_MAX after a
                       reported change */
} setiter;

static int setiter_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    setiter *it = (setiter *)o;
    return it->set ? visit(it->set, arg) : 0;
}

static void setiter_dealloc(rc_object *o) {
    rc_xdecref(((setiter *)o)->set);
}

static int setiter_next(rc_object *o, rc_object **item) {
    setiter *it = (setiter *)o;
    if (!it->set)
        return 0;
    if (S(it->set)->used != it->used) {
        it->used = SIZE_MAX;
        return rc_set_error(rc__runtime_of(o), RC_ESTATE,
                            "Set changed size during iteration");
    }
    int64_t h = 0;
    if (next_entry(S(it->set), &it->pos, item, &h)) {
        rc_incref(*item);
        return 1;
    }
    rc_object *s = it->set;
    it->set = NULL;
    rc_decref(s);
    return 0;
}

static const rc_protocol setiter_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .iter = rc__iter_self,
    .next = setiter_next,
};

static const rc_type setiter_type = {
    .name = "set_iterator",
    .basicsize = sizeof(setiter),
    .flags = RC_TYPE_GC,
    .traverse = setiter_traverse,
    .dealloc = setiter_dealloc,
    .protocol = &setiter_protocol,
};

static rc_object *set_iter(rc_object *o) {
    setiter *it = (setiter *)rc_new(rc__runtime_of(o), &setiter_type);
    if (!it)
        return NULL;
    rc_incref(o);
    it->set = o;
    it->used = S(o)->used;
    return &it->ob;
}

static const rc_protocol set_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = set_repr,
    .hash = rc__unhashable,
    .richcompare = set_richcompare,
    .len = set_len,
    .contains = set_contains,
    .iter = set_iter,
    .binop = set_binop,
    .inplace = set_inplace,
    .extra_size = set_extra_size,
};

static const rc_protocol frozenset_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .len = set_len,
    .contains = set_contains,
    .iter = set_iter,
    .binop = set_binop,
    .extra_size = set_extra_size,
};

#define SET_TYPE(ident, tname, proto)                                          \
    const rc_type ident = {                                                    \
        .name = tname,                                                         \
        .basicsize = sizeof(rc__set),                                          \
        .flags = RC_TYPE_GC,                                                   \
        .traverse = set_traverse,                                              \
        .clear = set_clear,                                                    \
        .dealloc = set_dealloc,                                                \
        .protocol = &proto,                                                    \
    }

SET_TYPE(rc__set_type, "set", set_protocol);
SET_TYPE(rc__frozenset_type, "frozenset", frozenset_protocol);
