/*
 * debug.c — the heap verifier (rc_heap_check).
 *
 * It checks what the rest of the library promises: every GC pool's bitmaps
 * agree with its counts and with the generation lists; each bit marks a
 * live, tracked object; large tracked objects sit on the list of their
 * generation; no untracked object claims to be tracked; and no tracked
 * object is referenced by tracked objects more often than its count says
 * (the refcount check CPython's gc makes as an assertion).
 */
#include "gcspace.h"

typedef struct check {
    rc_runtime *rt;
    int status;               /* first failure, or 0 */
    size_t seen[RC__NGENS];   /* tracked objects found per generation */
    size_t listed[RC__NGENS]; /* pools found with objects of each gen */
} check;

static bool fail(check *k, const char *fmt, const rc_object *o) {
    if (!k->status)
        k->status = rc_set_error(k->rt, RC_EVALUE, fmt,
                                 o && o->type ? o->type->name : "?", (void *)o);
    return false;
}

static unsigned popcount_map(const uint64_t *map) {
    unsigned n = 0;
    for (int w = 0; w < RC__MAP_WORDS; w++)
        n += (unsigned)__builtin_popcountll(map[w]);
    return n;
}

static void check_gc_pool_bits(check *k, rc__gcpool *gp) {
    for (int w = 0; w < RC__MAP_WORDS; w++) {
        uint64_t all = 0;
        for (int g = 0; g < RC__NGENS; g++) {
            if (all & gp->genmap[g][w])
                fail(k, "heap check: object '%s' at %p is in two generations",
                     (rc_object *)((char *)gp + (size_t)w * 64 * 16));
            all |= gp->genmap[g][w];
        }
        for (uint64_t bits = all; bits; bits &= bits - 1) {
            rc_object *o =
                (rc_object *)((char *)gp +
                              ((size_t)(w * 64 + __builtin_ctzll(bits)) << 4));
            if (!rc__block_in_use(&gp->pool, o))
                fail(k,
                     "heap check: a generation bit marks a free block ('%s' at "
                     "%p)",
                     o);
            else if (!(o->flags & RC__F_TRACKED) || (o->flags & RC__F_LARGE))
                fail(k,
                     "heap check: object '%s' at %p is in a generation but not "
                     "flagged tracked",
                     o);
        }
        if (gp->cmap[w])
            fail(k, "heap check: collection bits left set (pool of '%s' at %p)",
                 NULL);
    }
}

static void check_pool(rc__pool *p, void *arg) {
    check *k = arg;
    if (p->kind != RC__KIND_GC)
        return;
    rc__gcpool *gp = (rc__gcpool *)p;
    if (p->pinned)
        fail(k, "heap check: a pool is still pinned ('%s' at %p)", NULL);
    for (int g = 0; g < RC__NGENS; g++) {
        if (popcount_map(gp->genmap[g]) != gp->gcount[g])
            fail(
                k,
                "heap check: pool count disagrees with its bitmap ('%s' at %p)",
                NULL);
        k->seen[g] += gp->gcount[g];
        k->listed[g] += gp->gcount[g] > 0;
    }
    check_gc_pool_bits(k, gp);
}

static void check_lists(check *k) {
    rc__gcstate *gc = &k->rt->gc;
    for (int g = 0; g < RC__NGENS; g++) {
        size_t pools = 0;
        for (rc__gcpool *p = gc->gpools[g]; p; p = p->gnext[g], pools++)
            if (!p->gcount[g])
                fail(k,
                     "heap check: an empty pool is on a generation list ('%s' "
                     "at %p)",
                     NULL);
        if (pools != k->listed[g])
            fail(k,
                 "heap check: generation pool list is incomplete ('%s' at %p)",
                 NULL);
        rc__large *head = &gc->glarge[g];
        for (rc__large *h = head->next; h != head; h = h->next) {
            rc_object *o = (rc_object *)(h + 1);
            if (!(o->flags & RC__F_TRACKED) || rc__gcs_generation(o) != g)
                fail(k,
                     "heap check: large object '%s' at %p is on the wrong list",
                     o);
            k->seen[g]++;
        }
        if (k->seen[g] != gc->gsize[g])
            fail(k,
                 "heap check: generation size disagrees with its objects ('%s' "
                 "at %p)",
                 NULL);
    }
}

static int check_untracked(rc_object *o, void *arg) {
    check *k = arg;
    if (!(o->type->flags & RC_TYPE_GC) && (o->flags & RC__F_TRACKED))
        fail(
            k,
            "heap check: object '%s' at %p of a non-GC type is flagged tracked",
            o);
    if ((o->flags & RC__F_TRACKED) && rc__gcs_generation(o) < 0)
        fail(k,
             "heap check: object '%s' at %p is flagged tracked but in no "
             "generation",
             o);
    if (o->flags & (RC__F_CAND | RC__F_REACHED | RC__F_OUT | RC__F_STATE_MASK))
        fail(k, "heap check: object '%s' at %p has collection flags left", o);
    return 0;
}

/* The refcount check: gc_refs := refcnt, minus references from tracked
 * objects, must stay >= 0. Uses the collection bits, then clears them. */
static int refs_set(rc_object *o, void *arg) {
    (void)arg;
    uint32_t r = o->refcnt < RC__F_REFS_MAX ? o->refcnt : RC__F_REFS_MAX;
    o->flags = (o->flags & RC__F_LOW) | RC__F_CAND | (r << RC__F_REFS_SHIFT);
    return 0;
}

static int refs_visit(rc_object *child, void *arg) {
    if (!child || !(child->flags & RC__F_CAND))
        return 0;
    uint32_t r = child->flags >> RC__F_REFS_SHIFT;
    if (r == 0)
        fail(arg,
             "heap check: object '%s' at %p is referenced by tracked "
             "objects more often than its count says",
             child);
    else if (r != RC__F_REFS_MAX)
        child->flags -= 1u << RC__F_REFS_SHIFT;
    return 0;
}

static int refs_subtract(rc_object *o, void *arg) {
    check *k = arg;
    rc__traverse(k->rt, o, refs_visit, arg);
    return 0;
}

static int refs_clear(rc_object *o, void *arg) {
    (void)arg;
    o->flags &= RC__F_LOW & ~(RC__F_CAND | RC__F_REACHED);
    return 0;
}

int rc_heap_check(rc_runtime *rt) {
    if (rt->gc.collecting)
        return rc_set_error(rt, RC_ESTATE, "heap check during a collection");
    check k = {.rt = rt};
    rc__heap_foreach_pool(rt, check_pool, &k);
    check_lists(&k);
    rc__heap_foreach_object(rt, check_untracked, &k);
    if (k.status)
        return k.status;
    rc__gcs_foreach(rt, -1, refs_set, &k);
    rc__gcs_foreach(rt, -1, refs_subtract, &k);
    rc__gcs_foreach(rt, -1, refs_clear, &k);
    return k.status;
}
