/*
 * gcspace.c — generation membership and the collection set (gcspace.h has
 * the layout and the contract).
 *
 * Invariants:
 *  - a tracked small object has exactly one genmap bit set, at its first
 *    granule; p->gcount[g] counts the bits of genmap[g], and the pool is on
 *    rt->gc.gpools[g] exactly when gcount[g] > 0;
 *  - a tracked large object is on rt->gc.glarge[g] for the g in its flags,
 *    or on rt->gc.set_large (or a cursor's done list) while in the set;
 *    an untracked large object of a GC type is on heap.large[RC__KIND_GC];
 *  - rt->gc.gsize[g] counts the tracked objects of generation g; set
 *    members count in the target generation;
 *  - while a collection runs, the set's pools are on rt->gc.coll in the
 *    order they were taken, pinned, and cmap marks their members (rc__gcs_scan
 *    clears the bits of members its step took out when it leaves their
 *    word); only members carry RC__F_CAND: large ones from the start,
 *    small ones from when the first pass meets them (rc__gcs_flag);
 *  - RC__F_REACHED and the state bits are zero outside the set (teardown,
 *    when no collection runs, uses RC__F_REACHED for its own marks);
 *  - after rc__gcs_set_hide, the set's members are in no generation (no
 *    genmap bit, not counted) until they leave it, to be freed.
 */
#include "gcspace.h"

static inline rc__gcpool *gcpool_of(const rc_object *o) {
    return (rc__gcpool *)rc__pool_of(o);
}

static inline void map_set(uint64_t *map, uint32_t gi) {
    map[gi >> 6] |= (uint64_t)1 << (gi & 63);
}

static inline void map_clear(uint64_t *map, uint32_t gi) {
    map[gi >> 6] &= ~((uint64_t)1 << (gi & 63));
}

static inline int large_gen(const rc_object *o) {
    return (int)((o->flags & RC__F_GEN_MASK) >> RC__F_GEN_SHIFT);
}

static inline void set_large_gen(rc_object *o, int gen) {
    o->flags =
        (o->flags & ~RC__F_GEN_MASK) | ((uint32_t)gen << RC__F_GEN_SHIFT);
}

/* The set's working bits cleared. */
static inline uint32_t without_set_bits(uint32_t f) {
    return rc__gcs_left(f);
}

void rc__gcs_init(rc_runtime *rt) {
    for (int g = 0; g < RC__NGENS; g++)
        rc__list_init(&rt->gc.glarge[g]);
    rc__list_init(&rt->gc.set_large);
}

/* ====================================================================== */
/* Pools on generation lists                                               */
/* ====================================================================== */

static void glist_link(rc_runtime *rt, rc__gcpool *p, int g) {
    rc__gcpool **head = &rt->gc.gpools[g];
    p->gprev[g] = NULL;
    p->gnext[g] = *head;
    if (*head)
        (*head)->gprev[g] = p;
    *head = p;
}

static void glist_unlink(rc_runtime *rt, rc__gcpool *p, int g) {
    if (p->gprev[g])
        p->gprev[g]->gnext[g] = p->gnext[g];
    else
        rt->gc.gpools[g] = p->gnext[g];
    if (p->gnext[g])
        p->gnext[g]->gprev[g] = p->gprev[g];
    p->gnext[g] = p->gprev[g] = NULL;
}

static void pool_count(rc_runtime *rt, rc__gcpool *p, int g, int32_t delta) {
    if (delta > 0 && p->gcount[g] == 0)
        glist_link(rt, p, g);
    p->gcount[g] += (uint32_t)delta;
    rt->gc.gsize[g] += (size_t)(ptrdiff_t)delta;
    if (delta < 0 && p->gcount[g] == 0)
        glist_unlink(rt, p, g);
}

static int pool_gen(const rc__gcpool *p, uint32_t gi) {
    for (int g = 0; g < RC__NGENS; g++)
        if (rc__map_test(p->genmap[g], gi))
            return g;
    return -1;
}

/* ====================================================================== */
/* Tracking and generations                                                */
/* ====================================================================== */

void rc__gcs_track_slow(rc_runtime *rt, rc_object *o) {
    RC__ASSERT(!(o->flags & RC__F_TRACKED));
    o->flags |= RC__F_TRACKED;
    if (o->flags & RC__F_LARGE) {
        rc__large *h = rc__large_of(o);
        rc__list_unlink(h);
        rc__list_append(&rt->gc.glarge[0], h);
        set_large_gen(o, 0);
        rt->gc.gsize[0]++;
        return;
    }
    rc__gcpool *p = gcpool_of(o);
    map_set(p->genmap[0], rc__granule(p, o));
    pool_count(rt, p, 0, 1);
}

void rc__gcs_untrack_slow(rc_runtime *rt, rc_object *o) {
    uint32_t f = o->flags;
    RC__ASSERT(f & RC__F_TRACKED);
    o->flags = without_set_bits(f) & ~RC__F_TRACKED;
    if (f & RC__F_LARGE) {
        rc__large *h = rc__large_of(o);
        rt->gc.gsize[large_gen(o)]--;
        rc__list_unlink(h);
        rc__list_append(&rt->heap.large[RC__KIND_GC], h);
        return;
    }
    rc__gcpool *p = gcpool_of(o);
    uint32_t gi = rc__granule(p, o);
    /* a member of the set is in the target generation */
    int g = (f & RC__F_CAND) ? rt->gc.target : pool_gen(p, gi);
    RC__ASSERT(g >= 0 && rc__map_test(p->genmap[g], gi));
    map_clear(p->genmap[g], gi);
    pool_count(rt, p, g, -1);
    map_clear(p->cmap, gi); /* zero already unless the pool is pinned */
}

int rc__gcs_generation(const rc_object *o) {
    if (!(o->flags & RC__F_TRACKED))
        return -1;
    if (o->flags & RC__F_LARGE)
        return large_gen(o);
    const rc__gcpool *p = gcpool_of(o);
    return pool_gen(p, rc__granule(p, o));
}

static void move_large(rc_runtime *rt, rc_object *o, int from, int to) {
    rc__large *h = rc__large_of(o);
    rt->gc.gsize[from]--;
    rt->gc.gsize[to]++;
    rc__list_unlink(h);
    rc__list_append(&rt->gc.glarge[to], h);
    set_large_gen(o, to);
}

static void move_small(rc_runtime *rt, rc_object *o, int from, int to) {
    rc__gcpool *p = gcpool_of(o);
    uint32_t gi = rc__granule(p, o);
    map_clear(p->genmap[from], gi);
    pool_count(rt, p, from, -1);
    map_set(p->genmap[to], gi);
    pool_count(rt, p, to, 1);
}

void rc__gcs_move(rc_runtime *rt, rc_object *o, int gen) {
    int from = rc__gcs_generation(o);
    RC__ASSERT(from >= 0);
    if (from == gen)
        return;
    if (o->flags & RC__F_LARGE)
        move_large(rt, o, from, gen);
    else
        move_small(rt, o, from, gen);
}

/* Every object of pool p in generation from moves to generation to. */
static void pool_merge(rc_runtime *rt, rc__gcpool *p, int from, int to) {
    uint32_t n = p->gcount[from];
    if (!n || from == to)
        return;
    for (int w = 0; w < RC__MAP_WORDS; w++) {
        p->genmap[to][w] |= p->genmap[from][w];
        p->genmap[from][w] = 0;
    }
    pool_count(rt, p, from, -(int32_t)n);
    pool_count(rt, p, to, (int32_t)n);
}

void rc__gcs_move_all(rc_runtime *rt, int from, int to) {
    if (from == to)
        return;
    while (rt->gc.gpools[from])
        pool_merge(rt, rt->gc.gpools[from], from, to);
    rc__large *head = &rt->gc.glarge[from];
    while (head->next != head)
        move_large(rt, (rc_object *)(head->next + 1), from, to);
}

static int foreach_in_pool(rc__gcpool *p, int g, rc__objfn fn, void *arg) {
    for (int w = 0; w < RC__MAP_WORDS; w++) {
        for (uint64_t bits = p->genmap[g][w]; bits; bits &= bits - 1) {
            uint32_t gi = (uint32_t)(w * 64 + __builtin_ctzll(bits));
            int r = fn((rc_object *)((char *)p + ((size_t)gi << 4)), arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int foreach_large(rc__large *head, rc__objfn fn, void *arg) {
    for (rc__large *h = head->next; h != head; h = h->next) {
        int r = fn((rc_object *)(h + 1), arg);
        if (r)
            return r;
    }
    return 0;
}

int rc__gcs_foreach(rc_runtime *rt, int gen, rc__objfn fn, void *arg) {
    int lo = gen < 0 ? 0 : gen, hi = gen < 0 ? RC__NGENS - 1 : gen;
    for (int g = lo; g <= hi; g++) {
        for (rc__gcpool *p = rt->gc.gpools[g]; p; p = p->gnext[g]) {
            int r = foreach_in_pool(p, g, fn, arg);
            if (r)
                return r;
        }
        int r = foreach_large(&rt->gc.glarge[g], fn, arg);
        if (!r && rt->gc.collecting && g == rt->gc.target)
            r = foreach_large(&rt->gc.set_large, fn, arg);
        if (r)
            return r;
    }
    return 0;
}

/* ====================================================================== */
/* The set of a running collection                                         */
/* ====================================================================== */

static void pin(rc__gcpool **head, rc__gcpool *p) {
    p->pool.pinned = 1;
    p->cnext = *head;
    *head = p;
}

/* True if pool a was taken before pool b (the counter wraps: half its
 * range apart at most). */
static bool taken_before(const rc__gcpool *a, const rc__gcpool *b) {
    return (int32_t)(a->pool.seq - b->pool.seq) < 0;
}

/* Merges two lists of pools in the order they were taken. */
static rc__gcpool *merge_by_age(rc__gcpool *a, rc__gcpool *b) {
    rc__gcpool *head = NULL, **tail = &head;
    while (a && b) {
        rc__gcpool **least = taken_before(a, b) ? &a : &b;
        *tail = *least;
        tail = &(*least)->cnext;
        *least = (*least)->cnext;
    }
    *tail = a ? a : b;
    return head;
}

/* Cuts the first ascending run off *list; returns it. */
static rc__gcpool *take_run(rc__gcpool **list) {
    rc__gcpool *run = *list, *p = run;
    while (p->cnext && !taken_before(p->cnext, p))
        p = p->cnext;
    *list = p->cnext;
    p->cnext = NULL;
    return run;
}

/* Sorts a list of pools by the order they were taken (a natural merge
 * sort: the generation lists arrive as a few long runs, so it is about
 * linear). The scans of the set then meet objects in about the order
 * they were made, as CPython's generation lists do, so a structure built
 * in one go is scanned from its first object (often its root). */
static rc__gcpool *sort_by_age(rc__gcpool *list) {
    while (list) {
        rc__gcpool *merged = NULL, **tail = &merged;
        bool one_run = true;
        while (list) {
            rc__gcpool *a = take_run(&list);
            if (list)
                one_run = false;
            *tail = list ? merge_by_age(a, take_run(&list)) : a;
            while (*tail)
                tail = &(*tail)->cnext;
        }
        if (one_run)
            return merged;
        list = merged;
    }
    return NULL;
}

/* Gathers generations 0..g into the set; all of them count in target. */
size_t rc__gcs_set_begin(rc_runtime *rt, int g, int target) {
    rc__gcstate *gc = &rt->gc;
    rc__gcpool *head = NULL; /* the generation lists hold the youngest
                                pools first: prepending reverses them */
    for (int gen = 0; gen <= g; gen++)
        for (rc__gcpool *p = gc->gpools[gen]; p; p = p->gnext[gen])
            if (!p->pool.pinned)
                pin(&head, p);
    head = sort_by_age(head);
    gc->coll = head;
    gc->target = target;
    size_t n = 0;
    for (rc__gcpool *p = head; p; p = p->cnext) {
        for (int w = 0; w < RC__MAP_WORDS; w++) {
            uint64_t m = 0;
            for (int gen = 0; gen <= g; gen++)
                m |= p->genmap[gen][w];
            p->cmap[w] = m;
        }
        for (int gen = 0; gen <= g; gen++)
            n += p->gcount[gen];
        for (int gen = 0; gen <= g; gen++)
            pool_merge(rt, p, gen, target);
    }
    for (int gen = 0; gen <= g; gen++) {
        rc__large *from = &gc->glarge[gen];
        while (from->next != from) {
            rc__large *h = from->next;
            rc__list_unlink(h);
            rc__list_append(&gc->set_large, h);
            rc_object *o = (rc_object *)(h + 1);
            o->flags |= RC__F_CAND;
            set_large_gen(o, target);
            gc->gsize[gen]--;
            gc->gsize[target]++;
            n++;
        }
    }
    return n;
}

/* The cases rc__gcs_set_remove leaves out of line: a large member, or a
 * small one that goes to another generation than the target. */
void rc__gcs_set_remove_slow(rc_runtime *rt, rc_object *o, int gen) {
    o->flags = without_set_bits(o->flags);
    int target = rt->gc.target;
    if (o->flags & RC__F_LARGE) {
        rc__large *h = rc__large_of(o);
        rc__list_unlink(h);
        rc__list_append(&rt->gc.glarge[target], h);
        if (gen != target)
            move_large(rt, o, target, gen);
        return;
    }
    rc__gcpool *p = gcpool_of(o);
    map_clear(p->cmap, rc__granule(p, o));
    move_small(rt, o, target, gen);
}

size_t rc__gcs_set_size(const rc_runtime *rt) {
    size_t n = 0;
    for (const rc__gcpool *p = rt->gc.coll; p; p = p->cnext)
        for (int w = 0; w < RC__MAP_WORDS; w++)
            n += (size_t)__builtin_popcountll(p->cmap[w]);
    const rc__large *set = &rt->gc.set_large;
    for (const rc__large *h = set->next; h != set; h = h->next)
        n++;
    return n;
}

void rc__gcs_set_hide(rc_runtime *rt) {
    RC__ASSERT(rt->gc.set_large.next == &rt->gc.set_large);
    int target = rt->gc.target;
    for (rc__gcpool *p = rt->gc.coll; p; p = p->cnext) {
        uint32_t n = 0;
        for (int w = 0; w < RC__MAP_WORDS; w++) {
            RC__ASSERT((p->cmap[w] & ~p->genmap[target][w]) == 0);
            p->genmap[target][w] &= ~p->cmap[w];
            n += (uint32_t)__builtin_popcountll(p->cmap[w]);
        }
        if (n)
            pool_count(rt, p, target, -(int32_t)n);
    }
}

void rc__gcs_free_hidden(rc_runtime *rt) {
    for (rc__gcpool *p = rt->gc.coll; p; p = p->cnext) {
        uint32_t n = 0;
        for (int w = 0; w < RC__MAP_WORDS; w++)
            n += (uint32_t)__builtin_popcountll(p->cmap[w]);
        if (!n)
            continue;
        rt->gc.count[0] -= rt->gc.count[0] < n ? rt->gc.count[0] : n;
        if (n == p->pool.nused && !rt->debug_alloc) {
            memset(p->cmap, 0, sizeof p->cmap);
            rc__pool_free_all(rt, &p->pool);
            continue;
        }
        for (int w = 0; w < RC__MAP_WORDS; w++) {
            for (uint64_t bits = p->cmap[w]; bits; bits &= bits - 1) {
                size_t gi = (size_t)w * 64 + (size_t)__builtin_ctzll(bits);
                rc_object *o = (rc_object *)((char *)p + (gi << 4));
                o->flags = rc__gcs_left(o->flags) & ~RC__F_TRACKED;
                rc__obj_free(rt, o);
            }
            p->cmap[w] = 0;
        }
    }
}

void rc__gcs_set_end(rc_runtime *rt) {
    RC__ASSERT(rt->gc.set_large.next == &rt->gc.set_large);
    rc__gcpool *p = rt->gc.coll;
    rt->gc.coll = NULL;
    while (p) {
        rc__gcpool *next = p->cnext;
        p->cnext = NULL;
        p->pool.pinned = 0;
        rc__pool_release_if_empty(&p->pool);
        p = next;
    }
}

/* ====================================================================== */
/* Cursor, large phase                                                     */
/* ====================================================================== */

/* rc__cursor_ahead for o outside the rest of c's pool: a large member is
 * ahead while the cursor is in its pool phase, a small one if its pool
 * comes later in the scan. */
bool rc__cursor_ahead_slow(const rc__cursor *c, const rc_object *o) {
    if (!c->pool)
        return false;
    if (o->flags & RC__F_LARGE)
        return true;
    const rc__gcpool *p = (const rc__gcpool *)rc__pool_of(o);
    return p != c->pool && (int32_t)(p->pool.seq - c->pool->pool.seq) > 0;
}

void rc__cursor_start(rc_runtime *rt, rc__cursor *c) {
    c->rt = rt;
    c->pool = rt->gc.coll;
    c->at = NULL;
    c->end = 0;
    c->pos = 0;
    c->large = 0;
    c->last = NULL;
    rc__list_init(&c->done);
}

rc_object *rc__cursor_next_large(rc__cursor *c) {
    rc__large *set = &c->rt->gc.set_large;
    if (c->large == 2)
        return NULL;
    c->large = 1;
    c->at = NULL; /* nothing lies further on in a pool now */
    c->end = 1;
    if (set->next == set) {
        while (c->done.next != &c->done) {
            rc__large *h = c->done.next;
            rc__list_unlink(h);
            rc__list_append(set, h);
        }
        c->large = 2;
        c->last = NULL;
        return NULL;
    }
    rc__large *h = set->next;
    rc__list_unlink(h);
    rc__list_append(&c->done, h);
    c->last = h;
    return (rc_object *)(h + 1);
}
