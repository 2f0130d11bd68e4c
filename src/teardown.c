/*
 * teardown.c — what rc_runtime_free does before the memory goes back, and
 * the census of live objects (rc_report_alive).
 *
 * Order (CPython leaves memory behind at exit; we do not):
 *   1. a full collection frees cyclic garbage the ordinary way;
 *   2. if asked, what is still alive is reported, by type;
 *   3. gc.garbage lets go of its objects;
 *   4. every live object with a finalizer that has not run is finalized,
 *      in rounds: objects finalizers create are finalized in later rounds
 *      (at most FINALIZE_ROUNDS);
 *   5. every weak reference is cleared, without callbacks;
 *   6. every tracked object is cleared (held while its clear runs), so what
 *      only they hold is deallocated by reference counting;
 *   7. the caller then returns every arena and block to the allocator.
 * From step 4 on, rt->tearing_down stops automatic and emergency
 * collections and keeps empty pools in place, so the walks below stay valid
 * while finalizers and clear functions free and allocate.
 */
#include "gcspace.h"

#include <stdlib.h>

#define FINALIZE_ROUNDS 8
#define CENSUS_TYPES    64

/* ====================================================================== */
/* Census                                                                  */
/* ====================================================================== */

typedef struct tally {
    const rc_type *type;
    size_t n;
} tally;

typedef struct census {
    tally types[CENSUS_TYPES];
    size_t ntypes;
    size_t total;
    size_t other; /* objects of types beyond CENSUS_TYPES */
} census;

static bool is_alive(const rc_object *o) {
    return o->refcnt != 0 && !(o->refcnt & RC_IMMORTAL);
}

static int count_object(rc_object *o, void *arg) {
    census *c = arg;
    if (!is_alive(o))
        return 0;
    c->total++;
    for (size_t i = 0; i < c->ntypes; i++) {
        if (c->types[i].type == o->type) {
            c->types[i].n++;
            return 0;
        }
    }
    if (c->ntypes < CENSUS_TYPES)
        c->types[c->ntypes++] = (tally){o->type, 1};
    else
        c->other++;
    return 0;
}

static int by_count(const void *a, const void *b) {
    const tally *x = a, *y = b;
    return x->n < y->n ? 1 : x->n > y->n ? -1 : 0;
}

size_t rc_report_alive(rc_runtime *rt, FILE *out) {
    census c;
    memset(&c, 0, sizeof c);
    rc__heap_foreach_object(rt, count_object, &c);
    qsort(c.types, c.ntypes, sizeof c.types[0], by_count);
    if (!out)
        out = rc__stream(rt);
    fprintf(out, "rcgc: %zu object%s alive\n", c.total,
            c.total == 1 ? "" : "s");
    for (size_t i = 0; i < c.ntypes; i++)
        fprintf(out, "%12zu %s\n", c.types[i].n, c.types[i].type->name);
    if (c.other)
        fprintf(out, "%12zu (objects of other types)\n", c.other);
    return c.total;
}

/* ====================================================================== */
/* Finalizing what is alive                                                */
/* ====================================================================== */

/* RC__F_REACHED marks the objects of the current round (no collection
 * runs during teardown). */
static int mark_unfinalized(rc_object *o, void *arg) {
    if (o->refcnt && o->type->finalize && !(o->flags & RC__F_FINALIZED)) {
        o->flags |= RC__F_REACHED;
        ++*(size_t *)arg;
    }
    return 0;
}

static void finalize_marked(rc_runtime *rt, rc_object *o) {
    if (!(o->flags & RC__F_REACHED))
        return;
    o->flags = (o->flags & ~RC__F_REACHED) | RC__F_FINALIZED;
    rc_incref(o);
    rc__call_finalizer(rt, o);
    rc_decref(o);
}

/* Pools are never released while tearing down, so walking them by index
 * and offset stays valid whatever the finalizers do. */
static void finalize_in_pool(rc_runtime *rt, rc__pool *p) {
    if (p->szidx >= RC_SIZE_CLASSES || p->kind == RC__KIND_RAW)
        return;
    uint32_t hdr = p->kind == RC__KIND_GC ? RC__GCPOOL_HDR : RC__POOL_HDR;
    for (uint32_t off = hdr; off < p->nextoffset; off += p->blocksize) {
        rc_object *o = (rc_object *)((char *)p + off);
        if (rc__block_in_use(p, o))
            finalize_marked(rt, o);
    }
}

/* Each element is moved to a private list before its finalizer runs, so
 * that elements freed or moved meanwhile cannot break the walk. */
static void finalize_in_list(rc_runtime *rt, rc__large *head) {
    rc__large done;
    rc__list_init(&done);
    while (head->next != head) {
        rc__large *h = head->next;
        rc__list_unlink(h);
        rc__list_append(&done, h);
        finalize_marked(rt, (rc_object *)(h + 1));
    }
    while (done.next != &done) {
        rc__large *h = done.next;
        rc__list_unlink(h);
        rc__list_append(head, h);
    }
}

static void finalize_round(rc_runtime *rt) {
    for (rc__arena *a = rt->heap.arenas; a; a = a->anext)
        for (uint32_t i = 0; i < a->ncarved; i++)
            finalize_in_pool(rt, rc__arena_pool(a, i));
    finalize_in_list(rt, &rt->heap.large[RC__KIND_OBJ]);
    finalize_in_list(rt, &rt->heap.large[RC__KIND_GC]);
    for (int g = 0; g < RC__NGENS; g++)
        finalize_in_list(rt, &rt->gc.glarge[g]);
}

static void finalize_everything(rc_runtime *rt) {
    for (int round = 0; round < FINALIZE_ROUNDS; round++) {
        size_t n = 0;
        rc__heap_foreach_object(rt, mark_unfinalized, &n);
        if (!n)
            return;
        finalize_round(rt);
    }
}

/* ====================================================================== */
/* Clearing what is tracked                                                */
/* ====================================================================== */

static void clear_tracked(rc_runtime *rt) {
    rc__gcs_move_all(rt, RC__PERMANENT, RC__OLDEST);
    rt->gc.collecting = true;
    rc__gcs_set_begin(rt, 2, RC__OLDEST);
    rc__cursor cur;
    rc__cursor_start(rt, &cur);
    for (rc_object *o; (o = rc__cursor_next(&cur));) {
        rc_incref(o);
        rc__clear(o);
        rc_decref(o);
        if (rc__cursor_current_member(&cur))
            rc__gcs_set_remove(rt, o, RC__OLDEST);
    }
    rc__gcs_set_end(rt);
    rt->gc.collecting = false;
}

void rc__teardown(rc_runtime *rt) {
    if (!rt->gc.collecting)
        rc_gc_collect(rt, 2);
    if (rt->report_alive_at_exit)
        rc_report_alive(rt, NULL);
    rc_gc_garbage_clear(rt);
    rt->tearing_down = true;
    finalize_everything(rt);
    rc__weakref_clear_all(rt);
    clear_tracked(rt);
}
