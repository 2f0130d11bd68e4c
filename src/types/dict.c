/*
 * dict.c — dict: CPython's compact, insertion-ordered hash table (views and
 * iterators are in dictviews.c).
 *
 * Layout (cont.h): a sparse index of 2^k slots, 1, 2, 4 or 8 bytes wide by
 * table size, each holding -1 (empty), -2 (dummy: deleted) or the number of
 * an entry in a dense array of (hash, key, value) kept in insertion order.
 * Lookup probes the index with CPython's recurrence i = 5i + 1 + perturb,
 * perturb shifted right by 5 bits each step, so every hash bit takes part.
 * Deleting leaves a dummy slot and an empty entry (key and value NULL);
 * both disappear at the next resize, which compacts the entries.
 *
 * Invariants: at most 2/3 of the index slots are ever used (live or dummy
 * — `usable` counts the entries that may still be appended), so probing
 * always ends at an empty slot; a slot number >= 0 always names a live
 * entry; `used` counts live entries; `version` changes with every change
 * of keys, values or table, to a number the runtime never gave any dict
 * before (rc_dict_version: caches of lookups key on it). Growth picks the
 * smallest table of at least 3 * used slots (minimum 8) as CPython does.
 *
 * Keys are compared by identity, then by hash and rc_equal. An equality
 * test may run code that changes the dict: lookup then starts over, and
 * every operation re-reads the table after calling out. Allocations are
 * made before anything changes, so a failed one leaves the dict as it was;
 * a collection an allocation runs may change the dict too, which the
 * version number reveals (the step is then redone).
 *
 * Tracking (CPython's MAINTAIN_TRACKING): a dict starts untracked and is
 * tracked when a key or value that may be tracked is stored; full
 * collections untrack dicts whose keys and values all cannot be tracked.
 * Freed dicts go to a free list of 80 objects (their tables are freed).
 */
#include "cont.h"

#define D(o)          ((rc__dict *)(o))
#define IX_EMPTY      (-1)
#define IX_DUMMY      (-2)
#define MIN_LOG2      3 /* 8 slots */
#define PERTURB_SHIFT 5
#define RETRY         1 /* a call-out changed the dict: redo the step */

static int not_a_dict(const rc_object *o) {
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "expected a 'dict' object, got '%s'", rc_type_name(o));
}

#define CHECK_DICT(o, ret)                                                     \
    do {                                                                       \
        if (!rc__is_dict(o)) {                                                 \
            not_a_dict(o);                                                     \
            return ret;                                                        \
        }                                                                      \
    } while (0)

/* ====================================================================== */
/* The table                                                               */
/* ====================================================================== */

static size_t usable_for(size_t slots) {
    return (slots << 1) / 3;
}

static int64_t ix_get(const rc__dkeys *k, size_t i) {
    switch (k->log2ix) {
    case 0:
        return ((const int8_t *)(const void *)k->index)[i];
    case 1:
        return ((const int16_t *)(const void *)k->index)[i];
    case 2:
        return ((const int32_t *)(const void *)k->index)[i];
    default:
        return ((const int64_t *)(const void *)k->index)[i];
    }
}

static void ix_set(rc__dkeys *k, size_t i, int64_t v) {
    switch (k->log2ix) {
    case 0:
        ((int8_t *)(void *)k->index)[i] = (int8_t)v;
        break;
    case 1:
        ((int16_t *)(void *)k->index)[i] = (int16_t)v;
        break;
    case 2:
        ((int32_t *)(void *)k->index)[i] = (int32_t)v;
        break;
    default:
        ((int64_t *)(void *)k->index)[i] = v;
    }
}

/* An empty table of 1 << log2size slots, or NULL + RC_ENOMEM. */
static rc__dkeys *keys_new(rc_runtime *rt, unsigned log2size) {
    if (log2size > sizeof(size_t) * 8 - 6) {
        rc_set_error(rt, RC_ENOMEM, "dict too large");
        return NULL;
    }
    size_t slots = (size_t)1 << log2size;
    unsigned log2ix = log2size < 8    ? 0
                      : log2size < 16 ? 1
                      : log2size < 32 ? 2
                                      : 3;
    size_t ixbytes = slots << log2ix, usable = usable_for(slots);
    if (usable > (SIZE_MAX / 2 - ixbytes) / sizeof(rc__dentry)) {
        rc_set_error(rt, RC_ENOMEM, "dict too large");
        return NULL;
    }
    size_t bytes =
        offsetof(rc__dkeys, index) + ixbytes + usable * sizeof(rc__dentry);
    rc__dkeys *k = rc_malloc(rt, bytes);
    if (!k)
        return NULL;
    k->bytes = bytes;
    k->usable = usable;
    k->nentries = 0;
    k->log2size = (uint8_t)log2size;
    k->log2ix = (uint8_t)log2ix;
    k->general = 0;
    memset(k->index, 0xFF, ixbytes); /* every slot IX_EMPTY */
    return k;
}

#define PROBE_START(k, hash, mask, i, perturb)                                 \
    size_t mask = ((size_t)1 << (k)->log2size) - 1;                            \
    size_t perturb = (size_t)(uint64_t)(hash);                                 \
    size_t i = perturb & mask
#define PROBE_NEXT(mask, i, perturb)                                           \
    (perturb >>= PERTURB_SHIFT, i = (i * 5 + perturb + 1) & mask)

/* The first slot on hash's probe path that holds no entry. */
static size_t free_slot(const rc__dkeys *k, int64_t hash) {
    PROBE_START(k, hash, mask, i, perturb);
    while (ix_get(k, i) >= 0)
        PROBE_NEXT(mask, i, perturb);
    return i;
}

/* The slot that names entry ix (whose hash is hash). */
static size_t slot_of(const rc__dkeys *k, int64_t hash, ptrdiff_t ix) {
    PROBE_START(k, hash, mask, i, perturb);
    while (ix_get(k, i) != ix)
        PROBE_NEXT(mask, i, perturb);
    return i;
}

/* One probe sequence for key in table k of d: 0 with *out (entry number or
 * -1), negative error, or RETRY when an equality test changed the dict. */
static int probe(rc__dict *d, rc__dkeys *k, rc_object *key, int64_t hash,
                 ptrdiff_t *out) {
    rc__dentry *ents = rc__dict_entries(k);
    PROBE_START(k, hash, mask, i, perturb);
    for (;; PROBE_NEXT(mask, i, perturb)) {
        int64_t ix = ix_get(k, i);
        if (ix == IX_EMPTY) {
            *out = -1;
            return 0;
        }
        if (ix < 0)
            continue;
        rc__dentry *e = &ents[ix];
        if (e->key == key) {
            *out = (ptrdiff_t)ix;
            return 0;
        }
        if (e->hash != hash)
            continue;
        rc_object *sk = e->key;
        rc_incref(sk);
        int c = rc_equal(sk, key);
        rc_decref(sk);
        if (c < 0)
            return c;
        if (d->keys != k || e->key != sk)
            return RETRY;
        if (c) {
            *out = (ptrdiff_t)ix;
            return 0;
        }
    }
}

int rc__dict_lookup_ix(rc__dict *d, rc_object *key, int64_t hash,
                       ptrdiff_t *ix) {
    for (;;) {
        *ix = -1;
        if (!d->keys)
            return 0;
        int r = probe(d, d->keys, key, hash, ix);
        if (r != RETRY)
            return r;
    }
}

/* A change of d: a version number no dict of the runtime had before. */
static inline void touch(rc__dict *d) {
    d->version = ++rc__cont(rc__runtime_of(&d->ob))->dict_version;
}

/* Rebuilds the table with 1 << log2size slots, live entries compacted in
 * order. 0; RETRY when a collection changed the dict during the
 * allocation (nothing done); RC_ENOMEM with the dict unchanged. */
static int resize(rc__dict *d, unsigned log2size) {
    rc_runtime *rt = rc__runtime_of(&d->ob);
    uint64_t version = d->version;
    rc__dkeys *k = keys_new(rt, log2size);
    if (!k)
        return RC_ENOMEM;
    if (d->version != version) {
        rc_free(rt, k, k->bytes);
        return RETRY;
    }
    rc__dkeys *old = d->keys;
    rc__dentry *ne = rc__dict_entries(k);
    size_t j = 0;
    k->general = old && old->general;
    if (old) {
        rc__dentry *oe = rc__dict_entries(old);
        for (size_t i = 0; i < old->nentries; i++) {
            if (!oe[i].value)
                continue;
            ne[j] = oe[i];
            ix_set(k, free_slot(k, oe[i].hash), (int64_t)j);
            j++;
        }
        rc_free(rt, old, old->bytes);
    }
    k->nentries = j;
    k->usable -= j;
    d->keys = k;
    touch(d);
    return 0;
}

/* Room to append `extra` entries without another allocation: 0, RETRY or
 * RC_ENOMEM (see resize). The new table has at least 3 * used slots and
 * room for used + extra entries. */
static int make_room(rc__dict *d, size_t extra) {
    if (extra == 0 || (d->keys && d->keys->usable >= extra))
        return 0;
    if (extra > SIZE_MAX / 8 - d->used)
        return rc_set_error(rc__runtime_of(&d->ob), RC_ENOMEM,
                            "dict too large");
    size_t need = d->used + extra;
    size_t minsize = d->used * 3;
    if (minsize < (need * 3 + 1) / 2)
        minsize = (need * 3 + 1) / 2;
    unsigned log2 = MIN_LOG2;
    while (((size_t)1 << log2) < minsize ||
           usable_for((size_t)1 << log2) < need)
        log2++;
    return resize(d, log2);
}

/* ====================================================================== */
/* Changing entries (no allocation, no call-out before the dict is         */
/* consistent)                                                             */
/* ====================================================================== */

static void maintain_tracking(rc__dict *d, rc_object *key, rc_object *value) {
    if (!rc_gc_is_tracked(&d->ob) &&
        (rc__may_be_tracked(key) || rc__may_be_tracked(value)))
        rc_gc_track(&d->ob);
}

/* Appends a new entry; the caller made room and knows key is absent. */
static void append_entry(rc__dict *d, rc_object *key, int64_t hash,
                         rc_object *value) {
    rc__dkeys *k = d->keys;
    maintain_tracking(d, key, value);
    rc__dentry *e = &rc__dict_entries(k)[k->nentries];
    k->general |= !rc_is_str(key);
    rc_incref(key);
    rc_incref(value);
    e->hash = hash;
    e->key = key;
    e->value = value;
    ix_set(k, free_slot(k, hash), (int64_t)k->nentries);
    k->nentries++;
    k->usable--;
    d->used++;
    touch(d);
}

static void replace_value(rc__dict *d, ptrdiff_t ix, rc_object *key,
                          rc_object *value) {
    rc__dentry *e = &rc__dict_entries(d->keys)[ix];
    rc_object *old = e->value;
    maintain_tracking(d, key, value);
    rc_incref(value);
    e->value = value;
    touch(d);
    rc_decref(old);
}

/* Removes entry ix; returns its value (the dict's reference) and drops
 * its key. */
static rc_object *take_entry(rc__dict *d, ptrdiff_t ix) {
    rc__dkeys *k = d->keys;
    rc__dentry *e = &rc__dict_entries(k)[ix];
    ix_set(k, slot_of(k, e->hash, ix), IX_DUMMY);
    rc_object *key = e->key, *value = e->value;
    e->key = e->value = NULL;
    d->used--;
    touch(d);
    rc_decref(key);
    return value;
}

/* d[key] = value with key's hash known; new references stored. */
static int insert(rc__dict *d, rc_object *key, int64_t hash, rc_object *value) {
    for (;;) {
        ptrdiff_t ix = -1;
        int r = rc__dict_lookup_ix(d, key, hash, &ix);
        if (r)
            return r;
        if (ix >= 0) {
            replace_value(d, ix, key, value);
            return 0;
        }
        r = make_room(d, 1);
        if (r == RETRY)
            continue;
        if (r)
            return r;
        append_entry(d, key, hash, value);
        return 0;
    }
}

/* Detaches the table (the dict becomes empty), then drops its contents. */
static void clear_all(rc__dict *d) {
    rc__dkeys *k = d->keys;
    if (!k)
        return;
    d->keys = NULL;
    d->used = 0;
    touch(d);
    rc__dentry *e = rc__dict_entries(k);
    for (size_t i = 0; i < k->nentries; i++) {
        if (e[i].key) {
            rc_decref(e[i].key);
            rc_decref(e[i].value);
        }
    }
    rc_free(rc__runtime_of(&d->ob), k, k->bytes);
}

/* KeyError: the message is repr(key). */
static int key_error(rc_object *key) {
    rc_runtime *rt = rc__runtime_of(key);
    rc_object *s = rc_repr(key);
    if (!s)
        return rc_last_error(rt);
    int r = rc_set_error(rt, RC_EKEY, "%s", rc_str_utf8(s));
    rc_decref(s);
    return r;
}

/* ====================================================================== */
/* Construction and the free list                                          */
/* ====================================================================== */

rc_object *rc_dict_new(rc_runtime *rt) {
    rc__cont_state *cs = rc__cont(rt);
    if (cs->dict_nfree) {
        rc_object *o = cs->dict_free[--cs->dict_nfree];
        rc__revive(o);
        D(o)->keys = NULL;
        D(o)->used = 0;
        return o;
    }
    return rc_new_untracked(rt, &rc__dict_type);
}

static void dict_dealloc(rc_object *o) {
    clear_all(D(o));
    rc_runtime *rt = rc__runtime_of(o);
    if (rt->tearing_down || !rt->types)
        return;
    rc__cont_state *cs = rc__cont(rt);
    if (cs->dict_nfree < RC__DICT_FREELIST_MAX) {
        cs->dict_free[cs->dict_nfree++] = o;
        o->flags |= RC__F_KEEP;
    }
}

void rc__dict_clear_freelist(rc_runtime *rt) {
    rc__cont_state *cs = rc__cont(rt);
    while (cs->dict_nfree) {
        rc__gc_free_counted(rt);
        rc__obj_free(rt, cs->dict_free[--cs->dict_nfree]);
    }
}

/* ====================================================================== */
/* The C API                                                               */
/* ====================================================================== */

bool rc_is_dict(const rc_object *o) {
    return rc__is_dict(o);
}

size_t rc_dict_size(const rc_object *dict) {
    return D(dict)->used;
}

uint64_t rc_dict_version(const rc_object *dict) {
    return D(dict)->version;
}

int rc_dict_setitem(rc_object *dict, rc_object *key, rc_object *value) {
    CHECK_DICT(dict, RC_ETYPE);
    int64_t h = 0;
    int r = rc_hash(key, &h);
    return r ? r : insert(D(dict), key, h, value);
}

int rc_dict_lookup(rc_object *dict, rc_object *key, rc_object **value) {
    CHECK_DICT(dict, RC_ETYPE);
    int64_t h = 0;
    ptrdiff_t ix = -1;
    int r = rc_hash(key, &h);
    if (!r)
        r = rc__dict_lookup_ix(D(dict), key, h, &ix);
    if (r)
        return r;
    if (ix < 0)
        return 0;
    *value = rc__dict_entries(D(dict)->keys)[ix].value;
    return 1;
}

rc_object *rc_dict_getitem(rc_object *dict, rc_object *key) {
    rc_object *v = NULL;
    return rc_dict_lookup(dict, key, &v) == 1 ? v : NULL;
}

/* Finds key: 1 with *ix, 0 absent, negative error. */
static int find(rc_object *dict, rc_object *key, ptrdiff_t *ix) {
    CHECK_DICT(dict, RC_ETYPE);
    int64_t h = 0;
    int r = rc_hash(key, &h);
    if (!r)
        r = rc__dict_lookup_ix(D(dict), key, h, ix);
    return r ? r : *ix >= 0;
}

int rc_dict_delitem(rc_object *dict, rc_object *key) {
    ptrdiff_t ix = -1;
    int r = find(dict, key, &ix);
    if (r <= 0)
        return r < 0 ? r : key_error(key);
    rc_decref(take_entry(D(dict), ix));
    return 0;
}

rc_object *rc_dict_pop(rc_object *dict, rc_object *key, rc_object *dflt) {
    ptrdiff_t ix = -1;
    int r = find(dict, key, &ix);
    if (r > 0)
        return take_entry(D(dict), ix);
    if (r == 0 && dflt) {
        rc_incref(dflt);
        return dflt;
    }
    if (r == 0)
        key_error(key);
    return NULL;
}

rc_object *rc_dict_setdefault(rc_object *dict, rc_object *key,
                              rc_object *dflt) {
    CHECK_DICT(dict, NULL);
    rc__dict *d = D(dict);
    int64_t h = 0;
    if (rc_hash(key, &h))
        return NULL;
    if (!dflt)
        dflt = rc_none(rc__runtime_of(dict));
    for (;;) {
        ptrdiff_t ix = -1;
        if (rc__dict_lookup_ix(d, key, h, &ix))
            return NULL;
        if (ix >= 0)
            return rc__dict_entries(d->keys)[ix].value;
        int r = make_room(d, 1);
        if (r == RETRY)
            continue;
        if (r)
            return NULL;
        append_entry(d, key, h, dflt);
        return dflt;
    }
}

rc_object *rc_dict_popitem(rc_object *dict) {
    CHECK_DICT(dict, NULL);
    rc__dict *d = D(dict);
    rc_object *t = rc_tuple_new(rc__runtime_of(dict), 2);
    if (!t)
        return NULL;
    if (d->used == 0) {
        rc_decref(t);
        rc_set_error(rc__runtime_of(dict), RC_EKEY,
                     "'popitem(): dictionary is empty'");
        return NULL;
    }
    rc__dkeys *k = d->keys;
    rc__dentry *e = rc__dict_entries(k);
    size_t i = k->nentries;
    while (!e[i - 1].value)
        i--;
    i--;
    ix_set(k, slot_of(k, e[i].hash, (ptrdiff_t)i), IX_DUMMY);
    rc_tuple_init_item(t, 0, e[i].key);
    rc_tuple_init_item(t, 1, e[i].value);
    e[i].key = e[i].value = NULL;
    k->nentries = i;
    d->used--;
    touch(d);
    return t;
}

int rc_dict_clear(rc_object *dict) {
    CHECK_DICT(dict, RC_ETYPE);
    clear_all(D(dict));
    return 0;
}

int rc_dict_next(rc_object *dict, size_t *pos, rc_object **key,
                 rc_object **value) {
    rc__dkeys *k = D(dict)->keys;
    if (!k)
        return 0;
    rc__dentry *e = rc__dict_entries(k);
    size_t i = *pos;
    while (i < k->nentries && !e[i].value)
        i++;
    *pos = i + 1;
    if (i >= k->nentries) {
        *pos = i;
        return 0;
    }
    if (key)
        *key = e[i].key;
    if (value)
        *value = e[i].value;
    return 1;
}

/* ====================================================================== */
/* update and copy                                                         */
/* ====================================================================== */

/* (hash, key, value) triples gathered before a dict is changed. */
typedef struct pending {
    rc_runtime *rt;
    rc__dentry *e; /* owned references */
    size_t n, cap;
} pending;

static int pending_push(pending *p, int64_t h, rc_object *k, rc_object *v) {
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        rc__dentry *e =
            rc_realloc(p->rt, p->e, p->cap * sizeof *e, cap * sizeof *e);
        if (!e)
            return RC_ENOMEM;
        p->e = e;
        p->cap = cap;
    }
    rc_incref(k);
    rc_incref(v);
    p->e[p->n++] = (rc__dentry){h, k, v};
    return 0;
}

static void pending_free(pending *p) {
    for (size_t i = p->n; i-- > 0;) {
        rc_decref(p->e[i].key);
        rc_decref(p->e[i].value);
    }
    rc_free(p->rt, p->e, p->cap * sizeof *p->e);
}

static int gather_dict(pending *p, rc__dict *src) {
    size_t pos = 0;
    rc_object *k, *v;
    while (rc_dict_next(&src->ob, &pos, &k, &v)) {
        int r =
            pending_push(p, rc__dict_entries(src->keys)[pos - 1].hash, k, v);
        if (r)
            return r;
    }
    return 0;
}

/* One element of an update sequence: a pair (key, value). */
static int gather_pair(pending *p, rc_object *item, size_t n) {
    rc_runtime *rt = p->rt;
    const rc_protocol *ip = item->type->protocol;
    if (!rc__is_tuple(item) && !rc__is_list(item) && !(ip && ip->iter))
        return rc_set_error(rt, RC_ETYPE,
                            "cannot convert dictionary update sequence "
                            "element #%zu to a sequence",
                            n);
    rc_object *t = rc__tuple_from_iterable(rt, item, "");
    if (!t)
        return rc_last_error(rt);
    int r;
    int64_t h = 0;
    if (((rc__tuple *)t)->size != 2)
        r = rc_set_error(rt, RC_EVALUE,
                         "dictionary update sequence element #%zu has length "
                         "%zu; 2 is required",
                         n, ((rc__tuple *)t)->size);
    else if (!(r = rc_hash(rc_tuple_get(t, 0), &h)))
        r = pending_push(p, h, rc_tuple_get(t, 0), rc_tuple_get(t, 1));
    rc_decref(t);
    return r;
}

static int gather_pairs(pending *p, rc_object *iterable) {
    rc_object *it = rc_iter(iterable);
    if (!it)
        return rc_last_error(p->rt);
    rc_object *item;
    int r;
    for (size_t n = 0; (r = rc_next(it, &item)) == 1; n++) {
        r = gather_pair(p, item, n);
        rc_decref(item);
        if (r)
            break;
    }
    rc_decref(it);
    return r < 0 ? r : 0;
}

int rc_dict_update(rc_object *dict, rc_object *other) {
    CHECK_DICT(dict, RC_ETYPE);
    rc__dict *d = D(dict);
    pending p = {.rt = rc__runtime_of(dict)};
    int r = rc__is_dict(other) ? gather_dict(&p, D(other))
                               : gather_pairs(&p, other);
    while (r == 0 && (r = make_room(d, p.n)) == RETRY)
        ;
    for (size_t i = 0; r == 0 && i < p.n; i++)
        r = insert(d, p.e[i].key, p.e[i].hash, p.e[i].value);
    pending_free(&p);
    return r;
}

rc_object *rc_dict_copy(rc_object *dict) {
    CHECK_DICT(dict, NULL);
    rc__dict *src = D(dict);
    rc_object *o = rc_dict_new(rc__runtime_of(dict));
    if (!o)
        return NULL;
    for (;;) { /* a collection during the allocation may change src */
        if (src->used == 0)
            return o;
        uint64_t version = src->version;
        if (make_room(D(o), src->used) < 0) {
            rc_decref(o);
            return NULL;
        }
        if (src->version == version && D(o)->keys &&
            D(o)->keys->usable >= src->used)
            break;
    }
    size_t pos = 0;
    rc_object *k, *v;
    while (rc_dict_next(dict, &pos, &k, &v))
        append_entry(D(o), k, rc__dict_entries(src->keys)[pos - 1].hash, v);
    return o;
}

/* ====================================================================== */
/* The protocol                                                            */
/* ====================================================================== */

/* As CPython's: a table whose keys were only ever strs (which hold no
 * references) visits just the values, so gc.get_referents and the graph
 * walker show what CPython's do. */
static int dict_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rc__dkeys *k = D(o)->keys;
    if (!k)
        return 0;
    rc__dentry *e = rc__dict_entries(k);
    for (size_t i = 0; i < k->nentries; i++) {
        if (!e[i].key)
            continue;
        int r = k->general ? visit(e[i].key, arg) : 0;
        if (!r)
            r = visit(e[i].value, arg);
        if (r)
            return r;
    }
    return 0;
}

static int dict_clear(rc_object *o) {
    clear_all(D(o));
    return 0;
}

bool rc__dict_untrackable(rc_object *o, bool full) {
    if (!full)
        return false;
    rc__dkeys *k = D(o)->keys;
    if (!k)
        return true;
    rc__dentry *e = rc__dict_entries(k);
    for (size_t i = 0; i < k->nentries; i++)
        if (e[i].key &&
            (rc__may_be_tracked(e[i].key) || rc__may_be_tracked(e[i].value)))
            return false;
    return true;
}

/* a == b for two dicts: same size, and each key of a maps in b to an equal
 * value. */
static int dict_equal(rc__dict *a, rc__dict *b) {
    if (a->used != b->used)
        return 0;
    for (size_t i = 0;; i++) {
        rc__dkeys *k = a->keys;
        if (!k || i >= k->nentries)
            return 1;
        rc__dentry *e = &rc__dict_entries(k)[i];
        if (!e->value)
            continue;
        rc_object *key = e->key, *av = e->value;
        rc_incref(key);
        rc_incref(av);
        ptrdiff_t ix = -1;
        int r = rc__dict_lookup_ix(b, key, e->hash, &ix);
        if (r == 0 && ix >= 0) {
            rc_object *bv = rc__dict_entries(b->keys)[ix].value;
            rc_incref(bv);
            r = rc_equal(av, bv);
            rc_decref(bv);
        }
        rc_decref(key);
        rc_decref(av);
        if (r <= 0)
            return r;
    }
}

static rc_object *dict_richcompare(rc_object *self, rc_object *other,
                                   rc_cmp op) {
    if (!rc__is_dict(other) || (op != RC_EQ && op != RC_NE))
        return rc__notimpl_of(self);
    int r = dict_equal(D(self), D(other));
    return rc__cmp_object(rc__runtime_of(self), r < 0 ? r : (op == RC_EQ) == r);
}

/* Appends "key: value" for each entry, re-reading the table each time. */
static bool repr_entries(rc__sb *sb, rc_object *o) {
    size_t pos = 0;
    rc_object *k, *v;
    for (bool first = true; rc_dict_next(o, &pos, &k, &v); first = false) {
        rc_incref(k);
        rc_incref(v);
        if (!first)
            rc__sb_append(sb, ", ", 2);
        bool ok = rc__sb_repr(sb, k);
        rc__sb_append(sb, ": ", 2);
        ok = ok && rc__sb_repr(sb, v);
        rc_decref(k);
        rc_decref(v);
        if (!ok)
            return false;
    }
    return true;
}

static rc_object *dict_repr(rc_object *o) {
    if (D(o)->used == 0)
        return rc_str_from_utf8(rc__runtime_of(o), "{}", 2);
    return rc__container_repr(o, "{", "}", "{...}", repr_entries);
}

static ptrdiff_t dict_len(rc_object *o) {
    return (ptrdiff_t)D(o)->used;
}

static size_t dict_extra_size(const rc_object *o) {
    return D(o)->keys ? D(o)->keys->bytes : 0;
}

static rc_object *dict_getitem(rc_object *o, rc_object *key) {
    ptrdiff_t ix = -1;
    int r = find(o, key, &ix);
    if (r <= 0) {
        if (r == 0)
            key_error(key);
        return NULL;
    }
    rc_object *v = rc__dict_entries(D(o)->keys)[ix].value;
    rc_incref(v);
    return v;
}

static int dict_contains(rc_object *o, rc_object *key) {
    ptrdiff_t ix = -1;
    return find(o, key, &ix);
}

static rc_object *dict_iter(rc_object *o) {
    return rc__dict_iter_new(o, RC__DICT_KEYS);
}

/* dict | dict: a new dict, the right operand's values winning. */
static rc_object *dict_binop(rc_object *a, rc_object *b, rc_binop op) {
    if (op != RC_OP_OR || !rc__is_dict(a) || !rc__is_dict(b))
        return rc__notimpl_of(rc__is_dict(a) ? a : b);
    rc_object *r = rc_dict_copy(a);
    if (r && rc_dict_update(r, b)) {
        rc_decref(r);
        r = NULL;
    }
    return r;
}

/* dict |= other: update in place from a dict or an iterable of pairs. */
static rc_object *dict_inplace(rc_object *self, rc_object *other, rc_binop op) {
    if (op != RC_OP_OR)
        return rc__notimpl_of(self);
    return rc__self_or_null(self, rc_dict_update(self, other));
}

static const rc_protocol dict_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = dict_repr,
    .hash = rc__unhashable,
    .richcompare = dict_richcompare,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = rc_dict_setitem,
    .delitem = rc_dict_delitem,
    .contains = dict_contains,
    .iter = dict_iter,
    .binop = dict_binop,
    .inplace = dict_inplace,
    .extra_size = dict_extra_size,
};

const rc_type rc__dict_type = {
    .name = "dict",
    .basicsize = sizeof(rc__dict),
    .flags = RC_TYPE_GC | RC__TYPE_UNTRACKABLE,
    .traverse = dict_traverse,
    .clear = dict_clear,
    .dealloc = dict_dealloc,
    .protocol = &dict_protocol,
};
