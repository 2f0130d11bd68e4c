/*
 * internal.h — declarations shared by the library's files; never installed.
 *
 * Memory layout in one paragraph. Blocks of up to RC_SMALL_MAX bytes come
 * from 16 KiB pools carved out of 1 MiB arenas; every pool starts with an
 * rc__pool header, so the header of any small block is found by masking its
 * address (pool_of). Pools are of three kinds: raw buffers, objects of non-GC
 * types, and objects of GC types. GC pools carry the collector's per-object
 * state as bitmaps (one bit per 16-byte granule: which blocks hold a tracked
 * object of each generation), so a tracked object needs no pre-header. Larger
 * blocks, and every block in pass-through mode, come from the allocator hook
 * behind an rc__large pre-header that links them into a list.
 */
#ifndef RC_INTERNAL_H
#define RC_INTERNAL_H

#include "rcgc.h"

#include <stdarg.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Assertions graded by RC_DEBUG: 1 cheap, 2 internal, 3 expensive         */
/* ---------------------------------------------------------------------- */

#define RC__ASSERT_AT(level, cond)                                             \
    do {                                                                       \
        if (RC_DEBUG >= (level) && !(cond))                                    \
            rc__assert_fail(#cond, __FILE__, __LINE__);                        \
    } while (0)
#define RC__ASSERT(cond) RC__ASSERT_AT(2, cond)

#if defined(__GNUC__)
#define RC__LIKELY(x)     __builtin_expect(!!(x), 1)
#define RC__UNLIKELY(x)   __builtin_expect(!!(x), 0)
#define RC__NORETURN      __attribute__((noreturn))
#define RC__NOINLINE      __attribute__((noinline))
#define RC__ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define RC__LIKELY(x)   (x)
#define RC__UNLIKELY(x) (x)
#define RC__NORETURN
#define RC__NOINLINE
#define RC__ALWAYS_INLINE inline
#endif

#if defined(__SANITIZE_ADDRESS__)
#define RC__ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RC__ASAN 1
#endif
#endif
#ifdef RC__ASAN
#include <sanitizer/asan_interface.h>
#define RC__POISON(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define RC__UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define RC__POISON(p, n)   ((void)(p), (void)(n))
#define RC__UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* ---------------------------------------------------------------------- */
/* Object flags (rc_object.flags)                                          */
/* ---------------------------------------------------------------------- */

#define RC__F_LARGE     (1u << 0) /* block has an rc__large pre-header */
#define RC__F_TRACKED   (1u << 1) /* in a generation of the collector */
#define RC__F_FINALIZED (1u << 2) /* finalize has run */
#define RC__F_WEAKREFD  (1u << 3) /* has weak references (side table) */
#define RC__F_CAND      (1u << 4) /* collection: a member of the set */
#define RC__F_REACHED                                                          \
    (1u << 5)             /* collection: reached by the mark;                  \
                             teardown: marked for this round */
#define RC__F_GEN_SHIFT 6 /* large objects: generation, 2 bits */
#define RC__F_GEN_MASK  (3u << RC__F_GEN_SHIFT)
#define RC__F_KEEP                                                             \
    (1u << 8)               /* set by a dealloc that kept the block            \
                                (a free list): it is not freed */
#define RC__F_REFS_SHIFT  9 /* heap check: a count, 23 bits (debug.c) */
/* collection: a member that refers to something outside the set (found by
 * the counting pass). Shares its bit with the heap check's count, which
 * never runs during a collection. */
#define RC__F_OUT         (1u << 9)
#define RC__F_REFS_MAX    0x7FFFFFu
#define RC__F_LOW         ((1u << RC__F_REFS_SHIFT) - 1)
/* collection: a member's state (gc.c: a count of references). Zero
 * outside a collection. */
#define RC__F_STATE_SHIFT 16
#define RC__F_STATE_ONE   (1u << RC__F_STATE_SHIFT)
#define RC__F_STATE_MASK  (0xFFFFu << RC__F_STATE_SHIFT)

/* Type flags reserved for the library's own types (rc_type.flags bits
 * 16-31; the public ones are the low bits). The core gives these two a
 * meaning and leaves the work to the hooks a layer above registers
 * (rc__hooks below):
 *   UNTRACKABLE  the collector may untrack an object that holds only
 *                untracked ones: it asks hooks.maybe_untrack;
 *   ITEMS        its references are exactly an array of objects that
 *                hooks.items hands the collector, which reads it directly.
 * Bits 20-31 are the types layer's own (src/types/types.h). */
#define RC__TYPE_UNTRACKABLE (1u << 17)
#define RC__TYPE_ITEMS       (1u << 18)

/* ---------------------------------------------------------------------- */
/* Pools, arenas and large blocks                                          */
/* ---------------------------------------------------------------------- */

#define RC__ALIGN            16
#define RC__POOL_BITS        14
#define RC__POOL_SIZE        ((size_t)1 << RC__POOL_BITS)
#define RC__GRANULES         (RC__POOL_SIZE / RC__ALIGN) /* 1024 per pool */
#define RC__POOL_COLOURS     4  /* header offsets (rc__pool_of) */
#define RC__POOL_COLOUR_STEP 64 /* bytes: a cache line */
#define RC__MAP_WORDS        ((int)(RC__GRANULES / 64)) /* 16 words per bitmap */
#define RC__NGENS            4 /* 0, 1, 2 and permanent */
#define RC__PERMANENT        3
#define RC__OLDEST           2

enum { RC__KIND_RAW, RC__KIND_OBJ, RC__KIND_GC, RC__NKINDS };

typedef struct rc__arena rc__arena;
typedef struct rc__pool rc__pool;

struct rc__pool {
    rc_runtime *rt;         /* owner: rc_runtime_of for small objects */
    rc__arena *arena;       /* arena the pool was carved from */
    rc__pool *next, *prev;  /* usable ring of its class, or arena free list */
    uint32_t freeblock;     /* offset of the first free block; 0: none */
    uint32_t nextoffset;    /* offset of the first never-used block */
    uint32_t maxnextoffset; /* largest offset where a whole block fits */
    uint32_t nused;         /* blocks handed out */
    uint16_t blocksize;     /* bytes per block */
    uint8_t szidx;          /* size class */
    uint8_t kind;           /* RC__KIND_* */
    uint8_t pinned;         /* a collection holds it: never released */
    uint16_t capacity;      /* blocks that fit: full when nused is this */
    uint8_t plain;          /* its runtime's plain_alloc, at hand */
    uint32_t seq;           /* when it was taken for its kind and class
                               (heap.pools_taken): the collector's order */
};

/* A GC pool: the plain header followed by the collector's state. */
typedef struct rc__gcpool {
    rc__pool pool;
    struct rc__gcpool *gnext[RC__NGENS]; /* pools holding objects of gen g */
    struct rc__gcpool *gprev[RC__NGENS];
    uint32_t gcount[RC__NGENS];   /* tracked objects of each generation */
    struct rc__gcpool *cnext;     /* the running collection's pools, in
                                     scan order */
    uint64_t cmap[RC__MAP_WORDS]; /* collection: the set */
    uint64_t genmap[RC__NGENS][RC__MAP_WORDS]; /* tracked, per generation */
} rc__gcpool;

#define RC__POOL_HDR   ((uint32_t)((sizeof(rc__pool) + 15) & ~(size_t)15))
#define RC__GCPOOL_HDR ((uint32_t)((sizeof(rc__gcpool) + 15) & ~(size_t)15))

struct rc__arena {
    char *base;          /* memory from the allocator (RC_ARENA_SIZE) */
    rc__pool *firstpool; /* first pool-aligned address in it (not a header:
                            see rc__arena_pool) */
    uint32_t npools;     /* pools that fit */
    uint32_t ncarved;    /* pools carved so far, in address order */
    uint32_t nfree;      /* pools free: uncarved plus on freepools */
    uint32_t pad_;
    rc__pool *freepools;      /* released pools, linked through next */
    rc__arena *next, *prev;   /* usable arenas, fewest free pools first */
    rc__arena *anext, *aprev; /* every arena */
};

/* Pre-header of a block from the allocator hook (16-byte multiple). */
typedef struct rc__large {
    struct rc__large *next, *prev; /* list of its kind / generation */
    rc_runtime *rt;
    size_t size; /* bytes taken from the hook, this header included */
} rc__large;

#define RC__MAX_POOLS_PER_ARENA (RC_ARENA_SIZE / RC__POOL_SIZE)
#define RC__OS_HALVES           8 /* os.c: freed arenas waiting for their pair */

/* The usable rings of a runtime without plain_alloc (debug_alloc: blocks
 * with guard bytes) sit past those of the kinds, so the fast paths, which
 * index heap.used by kind, find no pool there and need not test the mode. */
#define RC__NRINGS (2 * RC__NKINDS)
static inline unsigned rc__ring(int kind, bool plain) {
    return (unsigned)kind + (plain ? 0 : RC__NKINDS);
}

typedef struct rc__heap {
    rc__pool *used[RC__NRINGS][RC_SIZE_CLASSES]; /* pools with free blocks,
                                                    by ring (rc__ring) */
    rc__arena *usable;                           /* arenas with free pools */
    rc__arena *lastwith[RC__MAX_POOLS_PER_ARENA + 1]; /* last usable arena
                                                         with n free pools */
    rc__arena *arenas;                                /* every arena */
    rc__large large[RC__NKINDS]; /* list heads by kind: raw blocks, objects
                                    of non-GC types, untracked objects of GC
                                    types (tracked large GC objects live in
                                    the collector's lists) */
    size_t arenas_allocated;     /* statistics */
    size_t arenas_reclaimed;
    size_t arenas_current;
    size_t arenas_highwater;
    size_t nempty;        /* arenas with every pool free (the reserve) */
    size_t peak_in_use;   /* most arenas in use since the last trim */
    bool trim_due;        /* the reserve is too big: trim at the end of the
                             deallocation run or collection */
    rc__pool *spare;      /* the last pool to become empty, kept */
    uint32_t pools_taken; /* pools taken from arenas so far (wraps) */
    void *os_spare;       /* os.c: the second arena of a pair, unused */
    void *os_halves[RC__OS_HALVES]; /* os.c: freed arenas not yet unmapped */
    size_t large_blocks, large_bytes;
} rc__heap;

/* ---------------------------------------------------------------------- */
/* The collector's state (see gcspace.c and gc.c)                          */
/* ---------------------------------------------------------------------- */

typedef struct rc__gcstate {
    rc__gcpool *gpools[RC__NGENS]; /* pools holding objects of each gen */
    rc__large glarge[RC__NGENS];   /* large tracked objects of each gen */
    size_t gsize[RC__NGENS];       /* tracked objects in each generation */
    size_t count[3];               /* gc.get_count() */
    size_t threshold[3];           /* gc.get_threshold() */
    size_t long_lived_total;       /* objects in gen 2 after the last full */
    size_t long_lived_pending;     /* moved into gen 2 since then */
    bool enabled;
    bool collecting;
    bool due;       /* safepoint mode: a collection is due */
    unsigned debug; /* RC_DEBUG_* flags */
    /* the running collection */
    rc__gcpool *coll;         /* pools of the set, in scan order */
    rc__large set_large;      /* large objects of the set */
    int target;               /* generation survivors move to */
    rc_gc_gen_stats stats[3]; /* gc.get_stats() */
    rc_object **garbage;      /* gc.garbage: owned references */
    size_t ngarbage, garbage_cap;
    struct rc__gc_callback *callbacks; /* gc.callbacks */
    size_t ncallbacks, callbacks_cap;
} rc__gcstate;

typedef struct rc__gc_callback {
    rc_gc_callback cb;
    void *arg;
} rc__gc_callback;

/* ---------------------------------------------------------------------- */
/* Weak references (weakref.c)                                             */
/* ---------------------------------------------------------------------- */

typedef struct rc__weakref rc__weakref;

/* target -> its weakref list, for objects flagged RC__F_WEAKREFD */
typedef struct rc__wrslot {
    rc_object *target; /* NULL: empty slot */
    rc__weakref *head; /* basic ref first, then callbacks newest first */
} rc__wrslot;

typedef struct rc__wrtable {
    rc__wrslot *slots; /* open addressing, linear probing */
    size_t n, cap;     /* entries; slots (a power of two, or 0) */
} rc__wrtable;

/* ---------------------------------------------------------------------- */
/* The runtime                                                             */
/* ---------------------------------------------------------------------- */

/* ---------------------------------------------------------------------- */
/* Hooks: how the core reaches the layer above it                          */
/* ---------------------------------------------------------------------- */

/* What the builtin types (src/types) register on a runtime when they make
 * it (rc__runtime_set_hooks). The core calls these and never a function of
 * that layer by name, so the arrows run one way: src/types uses the core,
 * the core knows only this table. Until a table is registered the core
 * uses one whose functions do nothing. */
typedef struct rc__hooks {
    void (*fini)(rc_runtime *rt);            /* rc_runtime_free, after the
                                                teardown: release the layer's
                                                state */
    void (*clear_freelists)(rc_runtime *rt); /* after a full collection */
    void (*maybe_untrack)(rc_object *o, bool full); /* RC__TYPE_UNTRACKABLE
                                                       objects the collector
                                                       found reachable; full:
                                                       a generation-2 one */
    rc_object *const *(*items)(const rc_object *o, size_t *n); /* RC__TYPE_
                                                ITEMS objects: their array
                                                of references (NULL entries
                                                skipped) and its length */
} rc__hooks;

struct rc_runtime {
    rc_allocator alloc; /* hook with defaults filled in */
    bool sys_arenas;    /* arenas from the OS layer (mmap) */
    bool sys_heap;      /* large blocks from the C library's malloc */
    bool passthrough;   /* config: every block from the hook */
    bool debug_alloc;   /* config: fills and guard bytes */
    bool plain_alloc;   /* neither: the allocator's fast paths apply */
    bool gc_at_safepoints;
    FILE *debug_stream;
    size_t heap_limit; /* 0: none */
    size_t held;       /* bytes held from the hook, this struct included */
    rc_status err;     /* last error */
    char errmsg[256];
    rc_object *errobj;        /* the last error's object (owned), or NULL */
    unsigned depth;           /* rc_recursion_enter nesting */
    unsigned recursion_limit; /* rc_set_recursion_limit */
    void *userdata;           /* rc_runtime_set_userdata */
    bool report_alive_at_exit;
    rc__heap heap;
    rc__gcstate gc;
    rc__wrtable weakrefs;
    rc_unraisable_hook unraisable; /* NULL: the default printer */
    void *unraisable_arg;
    /* rc_set_getattr_hook (rcgc/protocol.h); NULL: none */
    rc_object *(*getattr_hook)(rc_object *o, rc_object *name, void *arg);
    void *getattr_arg;
    rc__hooks hooks;         /* registered by the types layer */
    struct rc__types *types; /* the types layer's state; the core never
                                looks inside (src/types/types.h) */
    unsigned dealloc_depth;  /* nesting of object destruction */
    rc_object *pending;      /* deferred deallocations (trashcan) */
    bool tearing_down;
};

/* ---------------------------------------------------------------------- */
/* Internal functions                                                      */
/* ---------------------------------------------------------------------- */

/* runtime.c */
/* A runtime with its heap and collector but no objects yet: what
 * rc_runtime_new (src/types/boot.c) builds the types on. NULL when cfg is
 * unusable or memory is refused. */
rc_runtime *rc__runtime_create(const rc_config *cfg);
/* Frees a runtime that never got further than rc__runtime_create (and
 * whatever it allocated since), without teardown. */
void rc__runtime_destroy(rc_runtime *rt);
void rc__runtime_set_hooks(rc_runtime *rt, const rc__hooks *hooks);
#define RC__RECURSION_LIMIT 1000 /* the default, Python's */
RC__NORETURN void rc__assert_fail(const char *cond, const char *file, int line);
RC__NORETURN void rc__fatal(const rc_runtime *rt, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
FILE *rc__stream(const rc_runtime *rt);
void *rc__hook_alloc(rc_runtime *rt, size_t size);
void rc__hook_free(rc_runtime *rt, void *p, size_t size);
void *rc__hook_realloc(rc_runtime *rt, void *p, size_t old, size_t size);
void *rc__hook_arena_alloc(rc_runtime *rt);
void rc__hook_arena_free(rc_runtime *rt, void *p);

/* os.c — the only file that talks to the operating system. Arenas come in
 * pairs; the second of a pair waits in *spare for the next request. A
 * freed arena waits in halves[] (RC__OS_HALVES places) for the other half
 * of its pair, so that the two are unmapped together (a huge page is then
 * dropped whole rather than split); rc__os_flush unmaps what still waits,
 * at the end of each batch of releases. */
void *rc__os_arena_alloc(void **spare, size_t size);
void rc__os_arena_free(void **spare, void **halves, void *p);
void rc__os_flush(void **halves);
void rc__os_spare_free(void **spare);
/* Asks for huge pages under the 2 MiB-aligned part of [p, p + size), a
 * large block from the C library's malloc: first touches then fault
 * 2 MiB at a time. */
void rc__os_advise_huge(void *p, size_t size);

/* obmalloc.c */
void rc__heap_init(rc_runtime *rt);
void rc__heap_free_all(rc_runtime *rt);
void *rc__mem_alloc(rc_runtime *rt, size_t size, int kind);
void rc__mem_free(rc_runtime *rt, void *p, size_t size, int kind);
/* Resizes a raw block where that needs no new block from the pools: the
 * same size class, or a large block the hook can realloc. NULL (nothing
 * changed, no error) otherwise. Never runs a collection, so a container
 * may resize its array without re-checking itself. */
void *rc__mem_resize(rc_runtime *rt, void *p, size_t old, size_t size);
/* An object block of size bytes whose first `zeroed` bytes are zero. */
rc_object *rc__obj_alloc(rc_runtime *rt, size_t size, size_t zeroed, int kind);
/* rc_new: for a small type without RC_TYPE_GC, RC_TYPE_HEAP or reference
 * fields, a block from the head pool of its class when there is one; else
 * rc__new_slow. */
rc_object *rc__obj_new_plain(rc_runtime *rt, const rc_type *type);
void rc__obj_free(rc_runtime *rt, rc_object *o);
/* rc__pool_free's rare ends, for a pool p of rt: p was full and has a
 * free block again (it goes back into its ring; used: its blocks in use
 * before the free); p has become empty. */
void rc__pool_refilled(rc_runtime *rt, rc__pool *p, uint32_t used);
void rc__pool_emptied(rc_runtime *rt, rc__pool *p);
void rc__pool_release_if_empty(rc__pool *p);
/* Every block of p is free from now on, none of them touched (the
 * collector frees a pool of garbage whole). Not with debug_alloc. */
void rc__pool_free_all(rc_runtime *rt, rc__pool *p);
/* Gives the empty arenas beyond the reserve back to the hook. */
void rc__heap_trim(rc_runtime *rt);
size_t rc__obj_block_size(const rc_object *o);
typedef int (*rc__objfn)(rc_object *o, void *arg);
int rc__heap_foreach_object(rc_runtime *rt, rc__objfn fn, void *arg);
typedef void (*rc__poolfn)(rc__pool *p, void *arg);
void rc__heap_foreach_pool(const rc_runtime *rt, rc__poolfn fn, void *arg);
bool rc__block_in_use(const rc__pool *p, const void *b);

/* The header of the pool holding address p. A pool is RC__POOL_SIZE bytes
 * aligned to its size; its header starts one cache line further in for
 * each step of its colour, which cycles through RC__POOL_COLOURS with the
 * pool's address, so that the headers of neighbouring pools (which the
 * allocator's fast paths read on every call) fall in different cache sets
 * instead of all competing for the first. The bytes before the header are
 * unused. */
static inline rc__pool *rc__pool_of(const void *p) {
    _Static_assert(RC__POOL_COLOUR_STEP == 64, "a line: the shift below");
    uintptr_t base = (uintptr_t)p & ~(uintptr_t)(RC__POOL_SIZE - 1);
    uintptr_t colour_bytes = (base >> (RC__POOL_BITS - 6)) &
                             ((uintptr_t)(RC__POOL_COLOURS - 1) << 6);
    return (rc__pool *)(base | colour_bytes);
}

/* Bytes of p's pool from its header to its end. */
static inline uint32_t rc__pool_span(const rc__pool *p) {
    return (uint32_t)(RC__POOL_SIZE -
                      ((uintptr_t)p & (uintptr_t)(RC__POOL_SIZE - 1)));
}

/* The header of the i-th pool of arena a. */
static inline rc__pool *rc__arena_pool(const rc__arena *a, uint32_t i) {
    return rc__pool_of((const char *)a->firstpool + (size_t)i * RC__POOL_SIZE);
}

/* Marks pool block b free, next the offset of the next free block (0:
 * none): RC_FREED_ in its count and next in its flags. Two 4-byte stores:
 * one 8-byte store made rc_malloc/rc_free of one block in a loop slower
 * (the next allocation reads the link back at once). */
static inline void rc__mark_free(char *b, uint32_t next) {
    uint32_t marker = RC_FREED_;
    memcpy(b, &marker, 4);
    memcpy(b + 4, &next, 4);
}

/* Puts small block b back on p's free list (p a pool of rt), first (LIFO):
 * RC_FREED_ in its count and the offset of the next free block in its flags;
 * its type pointer survives. Inline, so that rc_decref of an object that needs
 * nothing but freeing takes no call. */
static RC__ALWAYS_INLINE void rc__pool_free(rc_runtime *rt, rc__pool *p,
                                            char *b) {
    uint32_t used = p->nused, head = p->freeblock;
    RC__UNPOISON(b, sizeof(rc_object));
    rc__mark_free(b, head);
    p->freeblock = (uint32_t)(b - (char *)p);
    RC__POISON(b + sizeof(rc_object), p->blocksize - sizeof(rc_object));
    p->nused = used - 1;
    /* tail calls only: the fast path saves no register */
    if (RC__UNLIKELY(!head)) /* it was full: back into its ring */
        rc__pool_refilled(rt, p, used);
    else if (RC__UNLIKELY(used == 1))
        rc__pool_emptied(rt, p);
}

/* Frees small object o whose count reached zero and which needs nothing
 * else (object.c's just_free): its runtime is found from its pool. */
static RC__ALWAYS_INLINE void rc__obj_free_plain(rc_object *o) {
    rc__pool *p = rc__pool_of(o);
    if (RC__LIKELY(p->plain))
        rc__pool_free(p->rt, p, (char *)o); /* p->rt: rare ends only */
    else
        rc__obj_free(p->rt, o); /* debug_alloc: the guards */
}

static inline rc__large *rc__large_of(const rc_object *o) {
    return (rc__large *)o - 1;
}

/* rc_runtime_of, inline for the library's own hot paths. */
static inline rc_runtime *rc__runtime_of(const rc_object *o) {
    if (o->flags & RC__F_LARGE)
        return rc__large_of(o)->rt;
    return rc__pool_of(o)->rt;
}

static inline void rc__list_init(rc__large *head) {
    head->next = head->prev = head;
}

static inline void rc__list_unlink(rc__large *h) {
    h->prev->next = h->next;
    h->next->prev = h->prev;
    h->next = h->prev = h;
}

static inline void rc__list_append(rc__large *head, rc__large *h) {
    h->prev = head->prev;
    h->next = head;
    head->prev->next = h;
    head->prev = h;
}

/* object.c */
/* rc_new without its fast path (rc__obj_new_plain's fallback). */
rc_object *rc__new_slow(rc_runtime *rt, const rc_type *type);
/* rc_new_var_untracked for a type whose items the caller fills at once:
 * only the basicsize bytes are zeroed. */
rc_object *rc__new_var_unzeroed(rc_runtime *rt, const rc_type *type,
                                size_t nitems);
/* Makes a kept (free-listed) block a live object again: count 1, library
 * flags reset. The type's constructor re-initialises the rest. */
static inline void rc__revive(rc_object *o) {
    o->refcnt = 1;
    o->flags &= RC__F_LARGE;
}

/* The reference fields of an object whose type declares them (rcgc.h:
 * refs_at, nrefs), in field order. One and two fields, the commonest
 * shapes, go without a loop. */
static RC__ALWAYS_INLINE int rc__visit_fields(const rc_type *t, rc_object *o,
                                              rc_visitproc visit, void *arg) {
    rc_object **f = (rc_object **)(void *)((char *)o + t->refs_at);
    uint32_t n = t->nrefs;
    int r = 0;
    if (n <= 2) {
        if (n && f[0])
            r = visit(f[0], arg);
        if (!r && n == 2 && f[1])
            r = visit(f[1], arg);
        return r;
    }
    for (rc_object **end = f + n; f < end && !r; f++)
        if (*f)
            r = visit(*f, arg);
    return r;
}

/* What a type without traverse visits: its fields (none when nrefs is 0). */
static RC__ALWAYS_INLINE int rc__visit_own(const rc_type *t, rc_object *o,
                                           rc_visitproc visit, void *arg) {
    return t->traverse ? t->traverse(o, visit, arg)
                       : rc__visit_fields(t, o, visit, arg);
}

/* Every reference o holds, as the library counts them: the owner of a
 * run-time type (RC_TYPE_HEAP: each object of it holds one), then the item
 * array of an RC__TYPE_ITEMS object, or what the type's traverse visits, or
 * its reference fields (o's type is a GC type, or a run-time one, which may
 * hold none). Every walk over references (the collector's passes,
 * get_referents and get_referrers, the heap check) goes through here, so
 * none forgets the owner. visit may be an inlined static function; nonzero
 * stops the walk and is returned. */
static RC__ALWAYS_INLINE int rc__traverse(const rc_runtime *rt, rc_object *o,
                                          rc_visitproc visit, void *arg) {
    const rc_type *t = o->type;
    if (!(t->flags & (RC__TYPE_ITEMS | RC_TYPE_HEAP)))
        return rc__visit_own(t, o, visit, arg);
    if (t->flags & RC__TYPE_ITEMS) {
        size_t n;
        rc_object *const *items = rt->hooks.items(o, &n);
        for (size_t i = n; i-- > 0;) { /* last first, as traverse does */
            int r = items[i] ? visit(items[i], arg) : 0;
            if (r)
                return r;
        }
        return 0;
    }
    int r = visit(t->owner, arg);
    return r ? r : rc__visit_own(t, o, visit, arg);
}

/* True if objects of t may hold references the library can walk. */
static inline bool rc__has_referents(const rc_type *t) {
    return t->traverse || t->nrefs || (t->flags & RC__TYPE_ITEMS);
}

/* object.c: the library's clear for a type with reference fields and
 * neither traverse nor clear. */
void rc__clear_fields(rc_object *o, const rc_type *t);

/* The type's clear, or for a type with reference fields and neither
 * traverse nor clear, the library's. */
static inline void rc__clear(rc_object *o) {
    const rc_type *t = o->type;
    if (t->clear)
        t->clear(o);
    else if (!t->traverse && t->nrefs)
        rc__clear_fields(o, t);
}

/* gc.c */
void rc__gc_init(rc_runtime *rt);
void rc__gc_alloc_counted(rc_runtime *rt); /* a GC object is being made */

/* A GC object was freed. */
static inline void rc__gc_free_counted(rc_runtime *rt) {
    if (rt->gc.count[0])
        rt->gc.count[0]--;
}
bool rc__gc_emergency_collect(rc_runtime *rt);

/* errors.c: around a call to a finalizer or callback, enter moves the
 * runtime's error (its object included) into the guard and clears it;
 * leave sends an error the call left to the unraisable hook, then puts the
 * saved one back. Every enter is paired with exactly one of leave, restore
 * or release, which own the saved object from then on. */
typedef struct rc__guard {
    rc_status err;  /* the saved error (RC_OK: none) */
    rc_object *obj; /* its object (owned), or NULL */
    char msg[256];  /* its message, when there is an error */
} rc__guard;
void rc__guard_enter(rc_runtime *rt, rc__guard *g);
void rc__guard_leave(rc_runtime *rt, rc__guard *g, const char *context,
                     rc_object *o);
/* Puts back the saved error, dropping whatever was recorded since: for
 * work whose own failures were recovered from (a collection, a retried
 * allocation). */
void rc__guard_restore(rc_runtime *rt, rc__guard *g);
/* Drops the saved error: the error recorded since stands (a retried
 * allocation that failed again). */
void rc__guard_release(rc_runtime *rt, rc__guard *g);
void rc__call_finalizer(rc_runtime *rt, rc_object *o);

/* rc_recursion_enter / _leave, inline for the dispatchers (errors.c has
 * the slow half and the public forms). */
int rc__recursion_exceeded(rc_runtime *rt, const char *where);
static inline int rc__recursion_enter(rc_runtime *rt, const char *where) {
    if (RC__LIKELY(rt->depth < rt->recursion_limit)) {
        rt->depth++;
        return 0;
    }
    return rc__recursion_exceeded(rt, where);
}
static inline void rc__recursion_leave(rc_runtime *rt) {
    rt->depth--;
}

/* weakref.c */
extern const rc_type rc__weakref_type;
void rc__weakref_object_died(rc_runtime *rt, rc_object *o);
void rc__weakref_detach(rc_object *weakref);
bool rc__weakref_handle_garbage(rc_runtime *rt);
void rc__weakref_clear_all(rc_runtime *rt);

/* teardown.c */
void rc__teardown(rc_runtime *rt);

/* gcapi.c */
void rc__gc_garbage_append(rc_runtime *rt, rc_object *o);
void rc__gc_callbacks_run(rc_runtime *rt, rc_gc_phase phase,
                          const rc_gc_info *info);
void rc__gcapi_free(rc_runtime *rt);
/* An array for `cap` new references, released by rc_gc_release_objects. */
rc_object **rc__result_alloc(rc_runtime *rt, size_t cap);

#endif /* RC_INTERNAL_H */
