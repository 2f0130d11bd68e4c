/*
 * obmalloc.c — the small-object allocator: pymalloc's design, per runtime.
 *
 * Requests of up to RC_SMALL_MAX bytes are rounded up to one of 32 size
 * classes (16, 32, ... 512). A pool is 16 KiB of blocks of one class and one
 * kind (raw buffers, non-GC objects, GC objects); pools are carved from
 * 1 MiB arenas. Larger requests, and every request in pass-through mode, go
 * to the allocator hook behind an rc__large pre-header.
 *
 * Invariants:
 *  - a pool with a free or never-used block is in the usable ring of its
 *    kind and class (heap.used, rc__ring); a full pool is in no ring; an
 *    empty pool stays in its ring until it is released to its arena;
 *  - a pool in a ring has a block on its free list: the allocation that
 *    takes the last one refills the list from the never-used blocks or,
 *    when there are none, takes the full pool out of its ring; so a pool
 *    outside the rings with an empty list is full;
 *  - a pinned pool (held by a running collection) is never released;
 *  - a free block holds RC_FREED_ in its first word and the pool offset of
 *    the next free block in its second (an object's type pointer survives,
 *    so a use after free can still name the type); free lists are LIFO;
 *  - heap.usable lists arenas with free pools, fewest free pools first, so
 *    new pools come from the fullest arena and the others can drain;
 *    lastwith[n] is the last usable arena with n free pools;
 *  - arenas with every pool free form the reserve: at most RESERVE_BYTES
 *    of them, or an eighth of the most arenas in use since the last trim
 *    when that is less (but always one). When an arena empties beyond the
 *    reserve, the extra arenas go back to the hook in one batch
 *    (rc__heap_trim) at once, or at the end of the deallocation run or
 *    collection that emptied it, never in its per-object loop.
 */
#include "internal.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define DBG_TAIL  16   /* debug mode: at least 8 guard bytes + the size */
#define DBG_GUARD 0xFD /* guard bytes after a block */
#define DBG_NEW   0xCD /* fill of a new raw block */
#define DBG_DEAD  0xDD /* fill of a freed block */

#define RESERVE_BYTES ((size_t)4 << 20) /* most empty arenas kept, in bytes */
#define HUGE_BLOCK    ((size_t)4 << 20) /* large blocks asked huge pages for */

static inline size_t class_of(size_t n) {
    return (n - 1) >> 4;
}
static inline uint32_t class_size(unsigned c) {
    return (c + 1) << 4;
}

static inline uint32_t pool_header_size(int kind) {
    return kind == RC__KIND_GC ? RC__GCPOOL_HDR : RC__POOL_HDR;
}

static inline uint32_t block_next(const char *b) {
    uint32_t next;
    memcpy(&next, b + 4, 4);
    return next;
}

static inline bool block_is_free(const char *b) {
    uint32_t w;
    memcpy(&w, b, 4);
    return w == RC_FREED_;
}

/* ====================================================================== */
/* Usable arenas, ordered by free pools                                    */
/* ====================================================================== */

/* The head arena has given a pool away. */
static void usable_took(rc__heap *h, rc__arena *a) {
    uint32_t nf = a->nfree;
    RC__ASSERT(h->usable == a && nf > 0);
    if (h->lastwith[nf] == a)
        h->lastwith[nf] = NULL;
    a->nfree = --nf;
    if (nf == 0) {
        h->usable = a->next;
        if (a->next)
            a->next->prev = NULL;
        a->next = a->prev = NULL;
        return;
    }
    if (!h->lastwith[nf])
        h->lastwith[nf] = a;
}

static void usable_unlink(rc__heap *h, rc__arena *a) {
    if (a->prev)
        a->prev->next = a->next;
    else
        h->usable = a->next;
    if (a->next)
        a->next->prev = a->prev;
    a->next = a->prev = NULL;
}

static void usable_insert_after(rc__heap *h, rc__arena *pos, rc__arena *a) {
    a->prev = pos;
    a->next = pos ? pos->next : h->usable;
    if (a->next)
        a->next->prev = a;
    if (pos)
        pos->next = a;
    else
        h->usable = a;
}

/* An arena has got a pool back: move it right past arenas with fewer. */
static void usable_gave(rc__heap *h, rc__arena *a) {
    uint32_t nf = a->nfree++;
    if (nf == 0) {
        usable_insert_after(h, NULL, a);
        if (!h->lastwith[1])
            h->lastwith[1] = a;
        return;
    }
    rc__arena *last = h->lastwith[nf];
    if (last == a)
        h->lastwith[nf] = (a->prev && a->prev->nfree == nf) ? a->prev : NULL;
    if (!h->lastwith[nf + 1])
        h->lastwith[nf + 1] = a;
    if (last == a)
        return;
    usable_unlink(h, a);
    usable_insert_after(h, last, a);
}

/* ====================================================================== */
/* Arenas                                                                  */
/* ====================================================================== */

static rc__arena *arena_new(rc_runtime *rt) {
    rc__heap *h = &rt->heap;
    rc__arena *a = rc__hook_alloc(rt, sizeof *a);
    if (!a)
        return NULL;
    char *base = rc__hook_arena_alloc(rt);
    if (!base) {
        rc__hook_free(rt, a, sizeof *a);
        return NULL;
    }
    memset(a, 0, sizeof *a);
    uintptr_t first =
        ((uintptr_t)base + RC__POOL_SIZE - 1) & ~(uintptr_t)(RC__POOL_SIZE - 1);
    a->base = base;
    a->firstpool = (rc__pool *)first;
    a->npools =
        (uint32_t)(((uintptr_t)base + RC_ARENA_SIZE - first) / RC__POOL_SIZE);
    a->nfree = a->npools;
    a->anext = h->arenas;
    if (h->arenas)
        h->arenas->aprev = a;
    h->arenas = a;
    h->arenas_allocated++;
    if (++h->arenas_current > h->arenas_highwater)
        h->arenas_highwater = h->arenas_current;
    h->nempty++;
    RC__POISON(base, RC_ARENA_SIZE);
    /* only called when no arena has a free pool: it is the whole list */
    usable_insert_after(h, NULL, a);
    h->lastwith[a->npools] = a;
    return a;
}

static void arena_release(rc_runtime *rt, rc__arena *a) {
    rc__heap *h = &rt->heap;
    if (h->lastwith[a->nfree] == a)
        h->lastwith[a->nfree] =
            (a->prev && a->prev->nfree == a->nfree) ? a->prev : NULL;
    usable_unlink(h, a);
    if (a->aprev)
        a->aprev->anext = a->anext;
    else
        h->arenas = a->anext;
    if (a->anext)
        a->anext->aprev = a->aprev;
    h->arenas_reclaimed++;
    h->arenas_current--;
    RC__UNPOISON(a->base, RC_ARENA_SIZE);
    rc__hook_arena_free(rt, a->base);
    rc__hook_free(rt, a, sizeof *a);
}

/* ====================================================================== */
/* The reserve of empty arenas                                             */
/* ====================================================================== */

/* How many empty arenas may be kept: an eighth of the most arenas in use
 * since the last trim, at least one, at most RESERVE_BYTES worth. */
static size_t reserve_limit(const rc__heap *h) {
    size_t n = h->peak_in_use / 8, most = RESERVE_BYTES / RC_ARENA_SIZE;
    return n < 1 ? 1 : n > most ? most : n;
}

/* An empty arena has given a pool away: one more arena in use. */
static void reserve_took(rc__heap *h) {
    h->nempty--;
    size_t in_use = h->arenas_current - h->nempty;
    if (in_use > h->peak_in_use)
        h->peak_in_use = in_use;
}

/* Empty arenas sit at the end of the usable list (most free pools), but
 * arenas from a user hook may hold fewer pools, so the whole list is
 * walked; this runs once per deallocation run or collection that emptied
 * an arena beyond the reserve. */
void rc__heap_trim(rc_runtime *rt) {
    rc__heap *h = &rt->heap;
    h->trim_due = false;
    size_t keep = reserve_limit(h), kept = 0;
    for (rc__arena *a = h->usable, *next; a && h->nempty > keep; a = next) {
        next = a->next;
        if (a->nfree != a->npools)
            continue;
        if (kept < keep) {
            kept++;
            continue;
        }
        h->nempty--;
        arena_release(rt, a);
    }
    rc__os_flush(h->os_halves);
    h->peak_in_use = h->arenas_current - h->nempty;
}

/* ====================================================================== */
/* Pools                                                                   */
/* ====================================================================== */

static void used_push(rc__heap *h, rc__pool *p) {
    rc__pool **head = &h->used[rc__ring(p->kind, p->plain)][p->szidx];
    p->prev = NULL;
    p->next = *head;
    if (*head)
        (*head)->prev = p;
    *head = p;
}

static void used_unlink(rc__heap *h, rc__pool *p) {
    if (p->prev)
        p->prev->next = p->next;
    else
        h->used[rc__ring(p->kind, p->plain)][p->szidx] = p->next;
    if (p->next)
        p->next->prev = p->prev;
}

static void pool_init(rc_runtime *rt, rc__pool *p, rc__arena *a, int kind,
                      unsigned cls) {
    uint32_t hdr = pool_header_size(kind);
    RC__UNPOISON(p, hdr);
    memset(p, 0, hdr);
    p->rt = rt;
    p->arena = a;
    p->kind = (uint8_t)kind;
    p->szidx = (uint8_t)cls;
    p->blocksize = (uint16_t)class_size(cls);
    p->nextoffset = hdr;
    p->maxnextoffset = rc__pool_span(p) - p->blocksize;
    p->capacity = (uint16_t)((rc__pool_span(p) - hdr) / p->blocksize);
    p->plain = rt->plain_alloc;
}

/* True if p, a released pool, was last of this kind and class: its header
 * and its free list (every block it ever handed out) are still good, so
 * that taking it back costs nothing (a program freeing and making the same
 * objects in batches takes back the pools it gave up). Never under ASan,
 * which poisons released pools whole. */
static bool still_laid_out(const rc__pool *p, int kind, unsigned cls) {
#ifdef RC__ASAN
    (void)p, (void)kind, (void)cls;
    return false;
#else
    return p->kind == kind && p->blocksize == class_size(cls);
#endif
}

#define EXTEND_BYTES 4096 /* never-used blocks put on a free list at once */

/* The free list of p is empty and p is not full: the next never-used
 * blocks, up to EXTEND_BYTES of them, become its free list (in address
 * order). So allocation always pops a free list, a branch that stays
 * predictable, and fresh memory is still touched a page at a time. */
static RC__NOINLINE uint32_t pool_extend(rc__pool *p) {
    uint32_t first = p->nextoffset, size = p->blocksize;
    uint32_t span = EXTEND_BYTES > size ? EXTEND_BYTES : size;
    uint32_t n = (span + size - 1) / size;
    uint32_t left = (p->maxnextoffset - first) / size + 1; /* never used */
    uint32_t end = first + (n < left ? n : left) * size;
    char *b = (char *)p + first;
    for (uint32_t next = first + size; next < end; next += size, b += size) {
        RC__UNPOISON(b, sizeof(rc_object));
        rc__mark_free(b, next);
    }
    RC__UNPOISON(b, sizeof(rc_object));
    rc__mark_free(b, 0);
    p->nextoffset = end;
    return p->freeblock = first;
}

/* A fresh pool of (kind, class), from the fullest arena with one. */
static rc__pool *pool_take(rc_runtime *rt, int kind, unsigned cls) {
    rc__heap *h = &rt->heap;
    rc__arena *a = h->usable;
    if (!a && !(a = arena_new(rt)))
        return NULL;
    rc__pool *p;
    bool fits = false;
    if (a->freepools) {
        p = a->freepools;
        RC__UNPOISON(p, sizeof *p);
        a->freepools = p->next;
        fits = still_laid_out(p, kind, cls);
    } else {
        p = rc__arena_pool(a, a->ncarved++);
    }
    if (a->nfree == a->npools)
        reserve_took(h);
    usable_took(h, a);
    if (fits) { /* its blocks are laid out again, in address order */
        p->szidx = (uint8_t)cls;
        p->nextoffset = pool_header_size(kind);
        p->freeblock = 0;
    } else
        pool_init(rt, p, a, kind, cls);
    p->seq = h->pools_taken++;
    used_push(h, p);
    if (!p->freeblock) /* fresh: nothing handed out yet */
        pool_extend(p);
    return p;
}

/* True if p is empty and the only pool in use in its arena: keeping p
 * keeps the arena. */
static bool pins_arena(const rc__pool *p) {
    return p->nused == 0 && p->arena->nfree + 1 == p->arena->npools;
}

/* Gives an empty pool back to its arena; an arena this empties joins the
 * reserve, trimmed now or at the end of the running deallocation run or
 * collection. */
static void pool_release(rc_runtime *rt, rc__pool *p) {
    rc__heap *h = &rt->heap;
    rc__arena *a = p->arena;
    RC__ASSERT(p->nused == 0 && !p->pinned);
    if (h->spare == p)
        h->spare = NULL;
    used_unlink(h, p);
    p->szidx = 0xFF; /* marks a free pool for walkers; the rest stays */
    p->next = a->freepools;
    a->freepools = p;
    RC__POISON((char *)p + sizeof *p, rc__pool_span(p) - sizeof *p);
    usable_gave(h, a);
    if (a->nfree == a->npools && ++h->nempty > reserve_limit(h)) {
        h->trim_due = true;
        if (!rt->dealloc_depth && !rt->gc.collecting)
            rc__heap_trim(rt);
    }
    /* the spare must not keep an arena besides the empty ones kept */
    rc__pool *spare = h->spare;
    if (spare && h->nempty >= 1 && !spare->pinned && pins_arena(spare))
        pool_release(rt, spare);
}

/* A pool has just become empty. The most recently emptied pool stays as
 * a spare in its ring, so a program that frees and allocates one block in
 * a loop does not release and retake a pool each time; the previous spare,
 * if still empty, is released. At most one empty pool is held back, and
 * never one that would keep an arena when an empty arena is kept anyway.
 * Pinned pools wait for the collection's end; nothing is released while
 * the runtime is torn down. */
void rc__pool_emptied(rc_runtime *rt, rc__pool *p) {
    rc__heap *h = &rt->heap;
    if (p->pinned || rt->tearing_down)
        return;
    if (pins_arena(p) && h->nempty >= 1) {
        pool_release(rt, p);
        return;
    }
    rc__pool *old = h->spare;
    h->spare = p;
    if (old && old != p && old->nused == 0 && !old->pinned)
        pool_release(rt, old);
}

void rc__pool_release_if_empty(rc__pool *p) {
    if (p->nused == 0)
        rc__pool_emptied(p->rt, p);
}

void rc__pool_free_all(rc_runtime *rt, rc__pool *p) {
    RC__ASSERT(!rt->debug_alloc);
    if (p->nused == 0)
        return;
    bool was_full = !p->freeblock; /* a full pool is in no ring */
    uint32_t hdr = pool_header_size(p->kind);
    p->nused = 0;
    p->nextoffset = hdr; /* blocks are carved again from the start */
    RC__POISON((char *)p + hdr, rc__pool_span(p) - hdr);
    pool_extend(p); /* a pool in a ring has a free block */
    if (was_full)
        used_push(&rt->heap, p);
    rc__pool_emptied(rt, p);
}

/* An allocation has just taken the last block on p's free list: its next
 * never-used blocks become the list or, when it has none left, it is full
 * and leaves its ring. So a pool in a ring always has a free block, and the
 * fast paths pop without checking for an empty list or a full pool. */
static RC__NOINLINE void pool_exhausted(rc__heap *h, rc__pool *p) {
    if (p->nextoffset <= p->maxnextoffset)
        pool_extend(p);
    else
        used_unlink(h, p);
}

/* A block from the head of a usable ring (rc__ring) of class cls, or NULL
 * when the ring is empty. */
static inline char *pool_pop(rc__heap *h, unsigned ring, size_t cls) {
    rc__pool *p = h->used[ring][cls];
    if (RC__UNLIKELY(!p))
        return NULL;
    char *b = (char *)p + p->freeblock;
    uint32_t next = block_next(b);
    p->freeblock = next;
    p->nused++;
    if (RC__UNLIKELY(!next))
        pool_exhausted(h, p);
    return b;
}

static char *pool_alloc(rc_runtime *rt, int kind, unsigned cls) {
    unsigned ring = rc__ring(kind, rt->plain_alloc);
    char *b = pool_pop(&rt->heap, ring, cls);
    if (b || !pool_take(rt, kind, cls))
        return b;
    return pool_pop(&rt->heap, ring, cls);
}

void rc__pool_refilled(rc_runtime *rt, rc__pool *p, uint32_t used) {
    used_push(&rt->heap, p);
    if (used == 1) /* a pool of one block */
        rc__pool_emptied(rt, p);
}

/* ====================================================================== */
/* Large blocks (from the hook)                                            */
/* ====================================================================== */

static char *large_alloc(rc_runtime *rt, size_t n, int kind) {
    if (n > SIZE_MAX - sizeof(rc__large) - RC__ALIGN) {
        rc_set_error(rt, RC_EOVERFLOW, "allocation of %zu bytes is too large",
                     n);
        return NULL;
    }
    size_t total = sizeof(rc__large) + ((n + RC__ALIGN - 1) & ~(size_t)15);
    rc__large *h = rc__hook_alloc(rt, total);
    if (!h)
        return NULL;
    if (rt->sys_heap && total >= HUGE_BLOCK)
        rc__os_advise_huge(h, total);
    h->rt = rt;
    h->size = total;
    rc__list_append(&rt->heap.large[kind], h);
    rt->heap.large_blocks++;
    rt->heap.large_bytes += total;
    return (char *)(h + 1);
}

static void large_free(rc_runtime *rt, char *b) {
    rc__large *h = (rc__large *)b - 1;
    RC__UNPOISON(h, h->size);
    rc__list_unlink(h);
    rt->heap.large_blocks--;
    rt->heap.large_bytes -= h->size;
    rc__hook_free(rt, h, h->size);
}

/* Resizes a large block through the hook, keeping its place in its list;
 * NULL if the hook cannot. */
static char *large_resize(rc_runtime *rt, char *b, size_t n) {
    rc__large *h = (rc__large *)b - 1;
    size_t old = h->size;
    size_t total = sizeof(rc__large) + ((n + RC__ALIGN - 1) & ~(size_t)15);
    rc__large *prev = h->prev, *next = h->next;
    rc__large *g = rc__hook_realloc(rt, h, old, total);
    if (!g)
        return NULL;
    if (rt->sys_heap && total >= HUGE_BLOCK)
        rc__os_advise_huge(g, total);
    g->size = total;
    g->prev = prev;
    g->next = next;
    prev->next = next->prev = g;
    rt->heap.large_bytes = rt->heap.large_bytes - old + total;
    return (char *)(g + 1);
}

static inline size_t large_capacity(const char *b) {
    return ((const rc__large *)b - 1)->size - sizeof(rc__large);
}

/* ====================================================================== */
/* Debug mode: fills and guard bytes                                       */
/* ====================================================================== */

/* A block of capacity cap holding n requested bytes: guard bytes fill
 * [n, cap - 8) and the last 8 bytes keep n. */
static void debug_arm(char *b, size_t n, size_t cap, bool fill_new) {
    if (fill_new)
        memset(b, DBG_NEW, n);
    memset(b + n, DBG_GUARD, cap - 8 - n);
    uint64_t n64 = n;
    memcpy(b + cap - 8, &n64, 8);
}

static RC__NORETURN void debug_overrun(const rc_runtime *rt, const char *what,
                                       size_t n, size_t at, unsigned byte) {
    rc__fatal(rt,
              "rcgc: memory overrun past the end of %s (%zu bytes): byte %zu "
              "after it is 0x%02X, not the guard 0x%02X",
              what, n, at, byte, DBG_GUARD);
}

/* Checks the guards of a block; returns the requested size it recorded. */
static size_t debug_check(const rc_runtime *rt, const char *b, size_t cap,
                          const char *what) {
    uint64_t n;
    memcpy(&n, b + cap - 8, 8);
    if (n > cap - DBG_TAIL)
        debug_overrun(rt, what, cap - DBG_TAIL, cap - 8,
                      (unsigned char)b[cap - 8]);
    for (size_t i = n; i < cap - 8; i++)
        if ((unsigned char)b[i] != DBG_GUARD)
            debug_overrun(rt, what, n, i - n, (unsigned char)b[i]);
    return (size_t)n;
}

/* ====================================================================== */
/* Raw memory and object memory                                            */
/* ====================================================================== */

static inline size_t request_size(const rc_runtime *rt, size_t n) {
    return rt->debug_alloc ? n + DBG_TAIL : n;
}

static inline bool is_small(const rc_runtime *rt, size_t need) {
    return need <= RC_SMALL_MAX && !rt->passthrough;
}

static void *mem_alloc_once(rc_runtime *rt, size_t n, int kind) {
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX - DBG_TAIL) {
        rc_set_error(rt, RC_EOVERFLOW, "allocation of %zu bytes is too large",
                     n);
        return NULL;
    }
    size_t need = request_size(rt, n);
    char *b;
    size_t cap;
    if (is_small(rt, need)) {
        b = pool_alloc(rt, kind, class_of(need));
        cap = class_size(class_of(need));
    } else {
        b = large_alloc(rt, need, kind);
        cap = b ? large_capacity(b) : 0;
    }
    if (!b)
        return NULL;
    RC__POISON(b, cap);
    RC__UNPOISON(b, rt->debug_alloc ? cap : n);
    if (rt->debug_alloc)
        debug_arm(b, n, cap, kind == RC__KIND_RAW);
    return b;
}

/* When memory is refused, a full collection may free some (Lua's emergency
 * collection), and the allocation is tried once more. */
static RC__NOINLINE void *mem_alloc_slow(rc_runtime *rt, size_t n, int kind) {
    rc__guard saved;
    rc__guard_enter(rt, &saved);
    void *p = mem_alloc_once(rt, n, kind);
    if (!p && rc_last_error(rt) == RC_ENOMEM && rc__gc_emergency_collect(rt))
        p = mem_alloc_once(rt, n, kind);
    if (p) /* a failure recovered from is not the caller's error */
        rc__guard_restore(rt, &saved);
    else
        rc__guard_release(rt, &saved);
    return p;
}

/* The fast path: a small block from a pool that has one, in a runtime
 * without debug or pass-through allocation (whose rings are elsewhere or
 * empty: rc__ring). */
static inline void *mem_alloc(rc_runtime *rt, size_t n, int kind) {
    if (RC__LIKELY(n - 1 < RC_SMALL_MAX)) {
        char *b = pool_pop(&rt->heap, kind, class_of(n));
        if (RC__LIKELY(b)) {
            RC__POISON(b, class_size(class_of(n)));
            RC__UNPOISON(b, n);
            return b;
        }
    }
    return mem_alloc_slow(rt, n, kind);
}

void *rc__mem_alloc(rc_runtime *rt, size_t n, int kind) {
    return mem_alloc(rt, n, kind);
}

static RC__NOINLINE void mem_free_slow(rc_runtime *rt, char *b, size_t n) {
    if (n == 0)
        n = 1;
    size_t need = request_size(rt, n);
    bool small = is_small(rt, need);
    if (rt->debug_alloc) {
        size_t cap = small ? rc__pool_of(b)->blocksize : large_capacity(b);
        size_t was = debug_check(rt, b, cap, "a raw block");
        if (was != n)
            rc__fatal(rt, "rcgc: rc_free of a %zu-byte block with size %zu",
                      was, n);
        memset(b, DBG_DEAD, cap);
    }
    if (small)
        rc__pool_free(rt, rc__pool_of(b), b);
    else
        large_free(rt, b);
}

static inline void mem_free(rc_runtime *rt, void *p, size_t n) {
    if (RC__LIKELY(rt->plain_alloc && n - 1 < RC_SMALL_MAX))
        rc__pool_free(rt, rc__pool_of(p), p);
    else
        mem_free_slow(rt, p, n);
}

void rc__mem_free(rc_runtime *rt, void *p, size_t n, int kind) {
    (void)kind; /* the block's pool knows */
    mem_free(rt, p, n);
}

void *rc__mem_resize(rc_runtime *rt, void *p, size_t old, size_t n) {
    if (!rt->plain_alloc || !old || !n)
        return NULL;
    bool was_small = old <= RC_SMALL_MAX, small = n <= RC_SMALL_MAX;
    if (was_small && small && class_of(old) == class_of(n)) {
        RC__UNPOISON(p, n);
        return p;
    }
    if (!was_small && !small)
        return large_resize(rt, p, n);
    return NULL;
}

void *rc_malloc(rc_runtime *rt, size_t size) {
    return mem_alloc(rt, size, RC__KIND_RAW);
}

void rc_free(rc_runtime *rt, void *p, size_t size) {
    if (p)
        mem_free(rt, p, size);
}

/* Zeroes the first n bytes of a pool block whose size is at least n rounded
 * up to 16: a few inline stores rather than a call for a small object. Up
 * to 64 bytes it is four possibly overlapping 16-byte stores and no branch
 * that depends on n, so that objects of mixed small sizes cost no
 * mispredicted loop exits. */
static inline void zero_small(char *b, size_t n) {
#ifdef RC__ASAN
    memset(b, 0, n); /* the bytes past n are poisoned */
#else
    if (RC__LIKELY(n - 1 < 64)) {
        size_t last = ((n + 15) & ~(size_t)15) - 16; /* 0, 16, 32 or 48 */
        memset(b, 0, 16);
        memset(b + last, 0, 16);
        memset(b + (last < 16 ? last : 16), 0, 16);
        memset(b + (last > 16 ? last - 16 : 0), 0, 16);
        return;
    }
    for (size_t i = 0; i < n; i += 16)
        memset(b + i, 0, 16);
#endif
}

static RC__NOINLINE rc_object *obj_alloc_slow(rc_runtime *rt, size_t size,
                                              size_t zeroed, int kind) {
    rc_object *o = mem_alloc_slow(rt, size, kind);
    if (!o)
        return NULL;
    memset(o, 0, zeroed);
    if (!is_small(rt, request_size(rt, size)))
        o->flags = RC__F_LARGE;
    return o;
}

rc_object *rc__obj_alloc(rc_runtime *rt, size_t size, size_t zeroed, int kind) {
    if (RC__LIKELY(size - 1 < RC_SMALL_MAX)) { /* rings: see mem_alloc */
        char *b = pool_pop(&rt->heap, kind, class_of(size));
        if (RC__LIKELY(b != NULL)) {
            RC__POISON(b, class_size(class_of(size)));
            RC__UNPOISON(b, size);
            zero_small(b, zeroed);
            return (rc_object *)b;
        }
    }
    return obj_alloc_slow(rt, size, zeroed, kind);
}

#define ZERO_AT_MAX 64 /* largest object object_in zeroes without a loop */

/* Where object_in's three 16-byte stores go in an object of size class c
 * (up to ZERO_AT_MAX bytes): together they cover every granule past the
 * header, and a store that has nothing left to cover falls on the header,
 * which is written after them. So objects of mixed sizes cost no branch. */
#ifndef RC__ASAN /* (which zeroes exactly the object) */
static const uint8_t zero_at[4][3] = {
    {0, 0, 0}, {16, 16, 16}, {16, 32, 32}, {16, 32, 48}};
#endif

/* A new object of type in block b: count 1, flags clear, zeroed. The
 * compiler drops the loop where size is known to be at most ZERO_AT_MAX. */
static RC__ALWAYS_INLINE rc_object *object_in(char *b, const rc_type *type,
                                              size_t size) {
    RC__POISON(b, class_size(class_of(size)));
    RC__UNPOISON(b, size);
#ifdef RC__ASAN
    memset(b, 0, size); /* the bytes past size are poisoned */
#else
    if (RC__LIKELY(size <= ZERO_AT_MAX)) {
        const uint8_t *at = zero_at[class_of(size)];
        memset(b + at[0], 0, 16);
        memset(b + at[1], 0, 16);
        memset(b + at[2], 0, 16);
    } else {
        for (size_t i = sizeof(rc_object); i < size; i += 16)
            memset(b + i, 0, 16);
    }
#endif
    /* count 1, flags clear and the type: one 16-byte store */
#ifdef __SSE2__
    _mm_storeu_si128((__m128i *)b,
                     _mm_set_epi64x((long long)(uintptr_t)type, 1));
#else
    rc_object head = {.refcnt = 1, .flags = 0, .type = type};
    memcpy(b, &head, sizeof head);
#endif
    return (rc_object *)b;
}

/* rc__obj_new_plain's pop from the head pool p of the class of size: the
 * block's object, or obj_new_refill when it was the last on p's list. */
static RC__NOINLINE rc_object *obj_new_refill(rc_runtime *rt, rc__pool *p,
                                              char *b, const rc_type *type);

static RC__ALWAYS_INLINE rc_object *obj_pop(rc_runtime *rt, rc__pool *p,
                                            const rc_type *type, size_t size) {
    char *b = (char *)p + p->freeblock;
    uint32_t next = block_next(b);
    p->freeblock = next;
    p->nused++;
    if (RC__UNLIKELY(!next))
        return obj_new_refill(rt, p, b, type);
    return object_in(b, type, size);
}

static RC__NOINLINE rc_object *obj_new_refill(rc_runtime *rt, rc__pool *p,
                                              char *b, const rc_type *type) {
    pool_exhausted(&rt->heap, p);
    return object_in(b, type, type->basicsize);
}

/* rc__obj_new_plain for objects of more than ZERO_AT_MAX bytes. */
static RC__NOINLINE rc_object *obj_new_plain_big(rc_runtime *rt,
                                                 const rc_type *type) {
    size_t size = type->basicsize;
    rc__pool *p;
    if (size <= RC_SMALL_MAX &&
        (p = rt->heap.used[RC__KIND_OBJ][class_of(size)]))
        return obj_pop(rt, p, type, size);
    return rc__new_slow(rt, type);
}

rc_object *rc__obj_new_plain(rc_runtime *rt, const rc_type *type) {
    /* (a type with reference fields has them checked on the slow path) */
    if (RC__LIKELY(type && !(type->flags & (RC_TYPE_GC | RC_TYPE_HEAP)) &&
                   !type->nrefs)) {
        size_t size = type->basicsize;
        rc__pool *p;
        /* a debug or pass-through runtime has no pool in this ring */
        if (RC__LIKELY(size - sizeof(rc_object) <=
                           ZERO_AT_MAX - sizeof(rc_object) &&
                       (p = rt->heap.used[RC__KIND_OBJ][class_of(size)])))
            return obj_pop(rt, p, type, size);
        if (size > ZERO_AT_MAX)
            return obj_new_plain_big(rt, type);
    }
    return rc__new_slow(rt, type);
}

size_t rc__obj_block_size(const rc_object *o) {
    if (o->flags & RC__F_LARGE)
        return rc__large_of(o)->size;
    return rc__pool_of(o)->blocksize;
}

static RC__NOINLINE void obj_free_slow(rc_runtime *rt, rc_object *o) {
    char *b = (char *)o;
    bool large = o->flags & RC__F_LARGE;
    if (rt->debug_alloc) {
        size_t cap = large ? large_capacity(b) : rc__pool_of(b)->blocksize;
        char what[96];
        snprintf(what, sizeof what, "a '%s' object", o->type->name);
        debug_check(rt, b, cap, what);
        memset(b + sizeof(rc_object), DBG_DEAD, cap - sizeof(rc_object));
    }
    if (large)
        large_free(rt, b);
    else
        rc__pool_free(rt, rc__pool_of(b), b);
}

void rc__obj_free(rc_runtime *rt, rc_object *o) {
    if (RC__LIKELY(!rt->debug_alloc && !(o->flags & RC__F_LARGE)))
        rc__pool_free(rt, rc__pool_of(o), (char *)o);
    else
        obj_free_slow(rt, o);
}

/* ====================================================================== */
/* Walking the heap                                                        */
/* ====================================================================== */

static bool pool_in_use(const rc__pool *p) {
    return p->szidx < RC_SIZE_CLASSES;
}

bool rc__block_in_use(const rc__pool *p, const void *b) {
    uint32_t off = (uint32_t)((const char *)b - (const char *)p);
    uint32_t hdr = pool_header_size(p->kind);
    return off >= hdr && off < p->nextoffset &&
           (off - hdr) % p->blocksize == 0 && !block_is_free(b);
}

void rc__heap_foreach_pool(const rc_runtime *rt, rc__poolfn fn, void *arg) {
    for (rc__arena *a = rt->heap.arenas; a; a = a->anext) {
        for (uint32_t i = 0; i < a->ncarved; i++) {
            rc__pool *p = rc__arena_pool(a, i);
            if (pool_in_use(p))
                fn(p, arg);
        }
    }
}

typedef struct objwalk {
    rc__objfn fn;
    void *arg;
    int stop;
} objwalk;

static void walk_pool_objects(rc__pool *p, void *arg) {
    objwalk *w = arg;
    if (p->kind == RC__KIND_RAW || w->stop)
        return;
    for (uint32_t off = pool_header_size(p->kind); off < p->nextoffset;
         off += p->blocksize) {
        char *b = (char *)p + off;
        if (!block_is_free(b) && (w->stop = w->fn((rc_object *)b, w->arg)))
            return;
    }
}

static int walk_large(rc__large *head, objwalk *w) {
    for (rc__large *h = head->next; h != head && !w->stop; h = h->next)
        w->stop = w->fn((rc_object *)(h + 1), w->arg);
    return w->stop;
}

/* Calls fn on every live object (not raw blocks); fn must not allocate or
 * free. Stops at, and returns, the first nonzero result. */
int rc__heap_foreach_object(rc_runtime *rt, rc__objfn fn, void *arg) {
    objwalk w = {fn, arg, 0};
    rc__heap_foreach_pool(rt, walk_pool_objects, &w);
    if (walk_large(&rt->heap.large[RC__KIND_OBJ], &w) ||
        walk_large(&rt->heap.large[RC__KIND_GC], &w))
        return w.stop;
    for (int g = 0; g < RC__NGENS && !w.stop; g++)
        walk_large(&rt->gc.glarge[g], &w);
    if (!w.stop && rt->gc.collecting)
        walk_large(&rt->gc.set_large, &w);
    return w.stop;
}

/* ====================================================================== */
/* Heap setup and teardown                                                 */
/* ====================================================================== */

void rc__heap_init(rc_runtime *rt) {
    memset(&rt->heap, 0, sizeof rt->heap);
    for (int k = 0; k < RC__NKINDS; k++)
        rc__list_init(&rt->heap.large[k]);
}

static void free_large_list(rc_runtime *rt, rc__large *head) {
    while (head->next != head) {
        rc__large *h = head->next;
        rc__list_unlink(h);
        rc__hook_free(rt, h, h->size);
    }
}

/* Returns every arena and large block to the hook, whatever they hold. */
void rc__heap_free_all(rc_runtime *rt) {
    rc__heap *h = &rt->heap;
    for (int k = 0; k < RC__NKINDS; k++)
        free_large_list(rt, &h->large[k]);
    for (int g = 0; g < RC__NGENS; g++)
        free_large_list(rt, &rt->gc.glarge[g]);
    free_large_list(rt, &rt->gc.set_large);
    while (h->arenas) {
        rc__arena *a = h->arenas;
        h->arenas = a->anext;
        RC__UNPOISON(a->base, RC_ARENA_SIZE);
        rc__hook_arena_free(rt, a->base);
        rc__hook_free(rt, a, sizeof *a);
    }
    rc__os_flush(h->os_halves);
    rc__os_spare_free(&h->os_spare);
    rc__heap_init(rt);
}

/* ====================================================================== */
/* Statistics                                                              */
/* ====================================================================== */

static void stat_pool(rc__pool *p, void *arg) {
    rc_mem_stats *st = arg;
    rc_mem_class_stats *c = &st->classes[p->szidx];
    uint32_t span = rc__pool_span(p), hdr = pool_header_size(p->kind);
    uint32_t capacity = (span - hdr) / p->blocksize;
    c->pools++;
    c->blocks_in_use += p->nused;
    c->blocks_free += capacity - p->nused;
    st->bytes_in_use += (size_t)p->nused * p->blocksize;
    st->bytes_free += (size_t)(capacity - p->nused) * p->blocksize;
    st->bytes_pool_headers += RC__POOL_SIZE - span + hdr; /* colour too */
    st->bytes_quantization += span - hdr - (size_t)capacity * p->blocksize;
}

int rc_mem_get_stats(const rc_runtime *rt, rc_mem_stats *out) {
    if (!out || out->size < offsetof(rc_mem_stats, heap_limit) + sizeof(size_t))
        return RC_EINVAL;
    rc_mem_stats st;
    memset(&st, 0, sizeof st);
    st.size = out->size < sizeof st ? out->size : sizeof st;
    st.version = RC_MEM_STATS_VERSION;
    for (unsigned c = 0; c < RC_SIZE_CLASSES; c++)
        st.classes[c].block_size = class_size(c);
    rc__heap_foreach_pool(rt, stat_pool, &st);
    const rc__heap *h = &rt->heap;
    for (const rc__arena *a = h->arenas; a; a = a->anext) {
        st.pools_unused += a->nfree;
        st.bytes_alignment += RC_ARENA_SIZE - (size_t)a->npools * RC__POOL_SIZE;
    }
    st.arenas_allocated = h->arenas_allocated;
    st.arenas_reclaimed = h->arenas_reclaimed;
    st.arenas_highwater = h->arenas_highwater;
    st.arenas_current = h->arenas_current;
    st.large_blocks = h->large_blocks;
    st.large_bytes = h->large_bytes;
    st.bytes_held = rt->held;
    st.heap_limit = rt->heap_limit;
    memcpy(out, &st, st.size);
    return 0;
}

static void print_row(FILE *out, const char *label, size_t value) {
    fprintf(out, "%-40s = %16zu\n", label, value);
}

void rc_mem_print_stats(const rc_runtime *rt, FILE *out) {
    if (!out)
        out = rc__stream(rt);
    rc_mem_stats st = {.size = sizeof st};
    rc_mem_get_stats(rt, &st);
    fprintf(out, "Small block threshold = %d, in %d size classes.\n\n",
            RC_SMALL_MAX, RC_SIZE_CLASSES);
    fprintf(out, "class   size   num pools   blocks in use  avail blocks\n"
                 "-----   ----   ---------   -------------  ------------\n");
    for (unsigned c = 0; c < RC_SIZE_CLASSES; c++) {
        const rc_mem_class_stats *k = &st.classes[c];
        if (k->pools)
            fprintf(out, "%5u %6zu %11zu %15zu %13zu\n", c, k->block_size,
                    k->pools, k->blocks_in_use, k->blocks_free);
    }
    fputc('\n', out);
    print_row(out, "# arenas allocated total", st.arenas_allocated);
    print_row(out, "# arenas reclaimed", st.arenas_reclaimed);
    print_row(out, "# arenas highwater mark", st.arenas_highwater);
    print_row(out, "# arenas allocated current", st.arenas_current);
    char label[64];
    snprintf(label, sizeof label, "%zu arenas * %zu bytes/arena",
             st.arenas_current, (size_t)RC_ARENA_SIZE);
    print_row(out, label, st.arenas_current * RC_ARENA_SIZE);
    fputc('\n', out);
    print_row(out, "# bytes in allocated blocks", st.bytes_in_use);
    print_row(out, "# bytes in available blocks", st.bytes_free);
    snprintf(label, sizeof label, "%zu unused pools * %zu bytes",
             st.pools_unused, (size_t)RC__POOL_SIZE);
    print_row(out, label, st.pools_unused * RC__POOL_SIZE);
    print_row(out, "# bytes lost to pool headers", st.bytes_pool_headers);
    print_row(out, "# bytes lost to quantization", st.bytes_quantization);
    print_row(out, "# bytes lost to arena alignment", st.bytes_alignment);
    print_row(out, "Total", st.arenas_current * RC_ARENA_SIZE);
    fputc('\n', out);
    print_row(out, "# large blocks (from the allocator)", st.large_blocks);
    print_row(out, "# bytes in large blocks", st.large_bytes);
    print_row(out, "# bytes held from the allocator", st.bytes_held);
    print_row(out, "# heap limit (0: none)", st.heap_limit);
}
