/*
 * gcspace.h — the collector's per-object state behind a small interface.
 *
 * What it keeps: which objects are tracked, in which generation (0, 1, 2 or
 * the permanent one), and, while a collection runs, which objects belong to
 * "the set" it examines, with a state per member. gc.c uses only these
 * functions, so the layout can change here and in gcspace.c alone.
 *
 * The layout now: small objects of GC types live in GC pools whose headers
 * carry one bitmap per generation and one for the set (a bit per 16-byte
 * granule, set at the granule where a tracked object starts); per-pool
 * counts keep a pool on the list of each generation it holds objects of, so
 * a young collection looks only at pools with young objects. Large objects
 * (and all objects in pass-through mode) are linked through their
 * rc__large pre-header instead, with the generation in two flag bits.
 *
 * The set: rc__gcs_set_begin moves generations 0..g into it; survivors end
 * up in the target generation (every member is counted there from the
 * start). A member leaves the set by rc__gcs_set_remove, by being untracked
 * or by being freed; pools holding members are pinned, so a cursor over the
 * set stays valid while finalizers and clear functions run arbitrary code.
 * The set's pools are scanned in the order they were taken from their
 * arenas, which is about the order their objects were made.
 *
 * Members in the object header: a member carries RC__F_CAND, so "is this
 * referent a member?" is one test of a word the collector reads anyway.
 * Large members are flagged when the set begins; small ones by the first
 * pass over the set, 64 granules at a time just before it steps through
 * them (rc__gcs_scan_first), or when it finds them referenced before it
 * gets there (rc__gcs_flag): no pass over the set is spent on flagging. The
 * algorithm's state of a member (gc.c decides what it means) is the top
 * half of its flags, RC__F_STATE_MASK, zero when the set begins and again
 * once it leaves. (A dense side array for the states was measured too: it
 * saves the writes to the objects, but each reference followed then costs
 * a pool header and a side-array lookup, and the collection got slower.)
 */
#ifndef RC_GCSPACE_H
#define RC_GCSPACE_H

#include "internal.h"

void rc__gcs_init(rc_runtime *rt);
void rc__gcs_track_slow(rc_runtime *rt, rc_object *o);
void rc__gcs_untrack_slow(rc_runtime *rt, rc_object *o);
int rc__gcs_generation(const rc_object *o); /* -1: untracked */
void rc__gcs_move(rc_runtime *rt, rc_object *o, int gen);
void rc__gcs_move_all(rc_runtime *rt, int from, int to);

/* Calls fn on each tracked object of generation gen (-1: every generation,
 * the permanent one included) until fn returns nonzero, which is returned.
 * fn must not track, untrack, allocate or free. */
int rc__gcs_foreach(rc_runtime *rt, int gen, rc__objfn fn, void *arg);

/* The set of a running collection. */
size_t rc__gcs_set_begin(rc_runtime *rt, int g, int target);
void rc__gcs_set_remove_slow(rc_runtime *rt, rc_object *o, int gen);
void rc__gcs_set_end(rc_runtime *rt);
size_t rc__gcs_set_size(const rc_runtime *rt); /* members left in the set */

/* Every member leaves its generation but stays in the set, where only
 * cursors see it (gc.c frees members no code can reach this way). The set
 * must hold no large member. */
void rc__gcs_set_hide(rc_runtime *rt);

/* Frees every hidden member, without reading them: they must hold no
 * references. A pool whose blocks are all members is freed whole. */
void rc__gcs_free_hidden(rc_runtime *rt);

static inline uint32_t rc__granule(const void *pool, const void *o) {
    return (uint32_t)(((uintptr_t)o - (uintptr_t)pool) >> 4);
}

static inline bool rc__map_test(const uint64_t *map, uint32_t gi) {
    return (map[gi >> 6] >> (gi & 63)) & 1;
}

/* True if o is a member of the set (once the first pass has met it). */
static inline bool rc__gcs_is_member(const rc_object *o) {
    return o->flags & RC__F_CAND;
}

/* For o without RC__F_CAND: true if it is a small member of the set, which
 * is flagged now. Reads o's pool header: the first sight of a member the
 * first pass has not come to yet. */
static inline bool rc__gcs_flag(rc_object *o) {
    uint32_t f = o->flags;
    if ((f & (RC__F_TRACKED | RC__F_LARGE)) != RC__F_TRACKED)
        return false; /* untracked (maybe not in a GC pool), or large */
    const rc__gcpool *p = (const rc__gcpool *)rc__pool_of(o);
    if (!rc__map_test(p->cmap, rc__granule(p, o)))
        return false;
    o->flags = f | RC__F_CAND;
    return true;
}

/* The flags of a member that leaves the set. */
static inline uint32_t rc__gcs_left(uint32_t flags) {
    return flags & ~(RC__F_CAND | RC__F_REACHED | RC__F_OUT | RC__F_STATE_MASK);
}

/* ====================================================================== */
/* Tracking                                                                */
/* ====================================================================== */

/* Tracks o in generation 0. Inline: a small object whose pool holds young
 * objects already (the pool is on the generation-0 list). */
static inline void rc__gcs_track(rc_runtime *rt, rc_object *o) {
    RC__ASSERT(!(o->flags & RC__F_TRACKED));
    if (!(o->flags & RC__F_LARGE)) {
        rc__gcpool *p = (rc__gcpool *)rc__pool_of(o);
        if (RC__LIKELY(p->gcount[0] != 0)) {
            uint32_t gi = rc__granule(p, o);
            o->flags |= RC__F_TRACKED;
            p->genmap[0][gi >> 6] |= (uint64_t)1 << (gi & 63);
            p->gcount[0]++;
            rt->gc.gsize[0]++;
            return;
        }
    }
    rc__gcs_track_slow(rt, o);
}

/* Untracks o. Inline: a small object of generation 0, or a member of the
 * set (in the target generation), that is not the last of its generation
 * in its pool. */
static inline void rc__gcs_untrack(rc_runtime *rt, rc_object *o) {
    uint32_t f = o->flags;
    RC__ASSERT(f & RC__F_TRACKED);
    if (!(f & RC__F_LARGE)) {
        rc__gcpool *p = (rc__gcpool *)rc__pool_of(o);
        uint32_t gi = rc__granule(p, o), w = gi >> 6;
        uint64_t bit = (uint64_t)1 << (gi & 63);
        int g = (f & RC__F_CAND) ? rt->gc.target : 0;
        if (RC__LIKELY((p->genmap[g][w] & bit) && p->gcount[g] > 1)) {
            o->flags = rc__gcs_left(f) & ~RC__F_TRACKED;
            p->genmap[g][w] &= ~bit;
            p->cmap[w] &= ~bit; /* zero already unless the pool is pinned */
            p->gcount[g]--;
            rt->gc.gsize[g]--;
            return;
        }
    }
    rc__gcs_untrack_slow(rt, o);
}

/* ====================================================================== */
/* The set                                                                 */
/* ====================================================================== */

/* Takes a member out of the set, into generation gen. */
static inline void rc__gcs_set_remove(rc_runtime *rt, rc_object *o, int gen) {
    if (RC__UNLIKELY((o->flags & RC__F_LARGE) || gen != rt->gc.target)) {
        rc__gcs_set_remove_slow(rt, o, gen);
        return;
    }
    o->flags = rc__gcs_left(o->flags);
    rc__gcpool *p = (rc__gcpool *)rc__pool_of(o);
    uint32_t gi = rc__granule(p, o);
    p->cmap[gi >> 6] &= ~((uint64_t)1 << (gi & 63));
}

/* ====================================================================== */
/* Cursors over the set                                                    */
/* ====================================================================== */

/* A cursor visits every member of the set once: pool members in scan
 * order, then large members. Members that leave the set before the cursor
 * reaches them are not visited; objects that join nothing are never
 * visited. A cursor must be run until it returns NULL. */
typedef struct rc__cursor {
    rc_runtime *rt;
    rc__gcpool *pool; /* pool phase: current pool (NULL: large phase) */
    rc_object *at;    /* pool phase: the member returned last */
    uintptr_t end;    /* pool phase: where pool ends */
    uint32_t pos;     /* next granule to look at in pool */
    uint32_t large;   /* 1: large phase; 2: finished */
    rc__large *last;  /* large phase: the member last returned */
    rc__large done;   /* large phase: members already visited */
} rc__cursor;

void rc__cursor_start(rc_runtime *rt, rc__cursor *c);
rc_object *rc__cursor_next_large(rc__cursor *c);

static inline rc_object *rc__cursor_next(rc__cursor *c) {
    for (rc__gcpool *p = c->pool; p; p = c->pool = p->cnext, c->pos = 0) {
        for (uint32_t pos = c->pos; pos < RC__GRANULES; pos = (pos | 63) + 1) {
            uint64_t bits = p->cmap[pos >> 6] & (~(uint64_t)0 << (pos & 63));
            if (bits) {
                uint32_t gi = (pos & ~63u) + (uint32_t)__builtin_ctzll(bits);
                c->pos = gi + 1;
                c->end = (uintptr_t)p + rc__pool_span(&p->pool);
                return c->at = (rc_object *)((char *)p + ((size_t)gi << 4));
            }
        }
    }
    return rc__cursor_next_large(c);
}

/* A step of rc__gcs_scan; true if it took the member, a small one, out of
 * the set with rc__gcs_left into the target generation, leaving its set bit
 * to the scan. Others leave with rc__gcs_set_remove. */
typedef bool (*rc__memberfn)(rc_object *o, void *arg);

/* The members of word w of p's set bitmap flagged RC__F_CAND. */
static inline void rc__gcs_flag_word(rc__gcpool *p, uint32_t w, uint64_t bits) {
    for (; bits; bits &= bits - 1) {
        size_t gi = (size_t)w * 64 + (size_t)__builtin_ctzll(bits);
        ((rc_object *)((char *)p + (gi << 4)))->flags |= RC__F_CAND;
    }
}

/* The scans step through a pool's memory in address order, a bitmap word
 * (64 granules: 1 KiB, 16 lines) at a time, and ask for the lines of the
 * word RC__SCAN_AHEAD words on, so that memory is busy while the members
 * at hand are worked on (a full collection of a 1M-node ring, which reads
 * every object in two passes: about 14% less time). */
#define RC__SCAN_AHEAD 2

/* rc__gcs_scan and rc__gcs_scan_first. */
static RC__ALWAYS_INLINE void rc__gcs_scan_(rc_runtime *rt, rc__cursor *c,
                                            rc__memberfn fn, void *arg,
                                            bool first) {
    rc__cursor_start(rt, c);
    for (rc__gcpool *p = c->pool; p; p = p->cnext) {
        c->pool = p;
        c->end = (uintptr_t)p + rc__pool_span(&p->pool);
        if (p->cnext)
            __builtin_prefetch(p->cnext->cmap);
        for (uint32_t w = 0; w < RC__MAP_WORDS; w++) {
            uint64_t left = 0, word = p->cmap[w];
            /* ask for the members RC__SCAN_AHEAD words on */
            if (w + RC__SCAN_AHEAD < RC__MAP_WORDS &&
                p->cmap[w + RC__SCAN_AHEAD])
                for (int k = 0; k < 16; k++)
                    __builtin_prefetch((char *)p +
                                       (size_t)(w + RC__SCAN_AHEAD) * 1024 +
                                       (size_t)k * 64);
            if (first)
                rc__gcs_flag_word(p, w, word);
            for (uint64_t bits = word; bits; bits &= bits - 1) {
                uint32_t gi = w * 64 + (uint32_t)__builtin_ctzll(bits);
                rc_object *o = (rc_object *)((char *)p + ((size_t)gi << 4));
                c->at = o;
                if (fn(o, arg))
                    left |= bits & -bits;
            }
            p->cmap[w] &= ~left;
        }
    }
    c->pool = NULL;
    c->at = NULL; /* the large phase: nothing lies further on in a pool */
    c->end = 1;
    for (rc_object *o; (o = rc__cursor_next_large(c));)
        fn(o, arg);
}

/* Runs fn on every member, with c positioned at it, like a cursor run to
 * the end, but faster: for passes in which fn takes no member ahead of the
 * cursor out of the set (members behind it may leave), so no finalizer,
 * callback or clear function may run. fn is inlined when it is a static
 * function. */
static RC__ALWAYS_INLINE void rc__gcs_scan(rc_runtime *rt, rc__cursor *c,
                                           rc__memberfn fn, void *arg) {
    rc__gcs_scan_(rt, c, fn, arg, false);
}

/* rc__gcs_scan for the first pass over the set: it flags the members of
 * each 64 granules just before it steps through them, so that fn finds
 * the members it comes to, and most of those they refer to, flagged
 * already (rc__gcs_flag is left for the others). */
static RC__ALWAYS_INLINE void rc__gcs_scan_first(rc_runtime *rt, rc__cursor *c,
                                                 rc__memberfn fn, void *arg) {
    rc__gcs_scan_(rt, c, fn, arg, true);
}

/* True if o lies further on in the pool the cursor is in (one compare):
 * the commonest way for a member to be ahead of c. */
static inline bool rc__cursor_ahead_here(const rc__cursor *c,
                                         const rc_object *o) {
    uintptr_t at = (uintptr_t)c->at;
    return (uintptr_t)o - at - 1 < c->end - at - 1;
}

/* rc__cursor_ahead for o not ahead here. */
bool rc__cursor_ahead_slow(const rc__cursor *c, const rc_object *o);

/* True if o, a member not yet taken out, will still be returned by c. */
static inline bool rc__cursor_ahead(const rc__cursor *c, const rc_object *o) {
    return rc__cursor_ahead_here(c, o) || rc__cursor_ahead_slow(c, o);
}

/* True if the object c returned last is still a member (it may have been
 * freed, untracked or taken out by code that ran since). */
static inline bool rc__cursor_current_member(const rc__cursor *c) {
    if (c->pool)
        return rc__map_test(c->pool->cmap, c->pos - 1);
    return c->last && c->done.prev == c->last;
}

#endif /* RC_GCSPACE_H */
