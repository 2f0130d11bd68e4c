/*
 * rcgc.h — reference counting, a generational cycle collector and a pool
 * allocator for C programs: CPython's memory management as a library.
 *
 * This header is the manual. Every function says what it does with
 * references:
 *   new       the caller owns the returned reference and must rc_decref it;
 *   borrowed  the caller must not decref it, and it lives only as long as
 *             something else holds it;
 *   steals    the function takes over the caller's reference to an argument.
 * Functions that can fail return NULL or a negative rc_status and record the
 * error on the runtime (rc_last_error); a failed call changes nothing.
 *
 * Threads: a runtime is used by one thread at a time; several runtimes may
 * run in parallel threads. Objects never cross runtimes. The library has no
 * mutable global state.
 */
#ifndef RCGC_H
#define RCGC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RCGC_VERSION_MAJOR 0
#define RCGC_VERSION_MINOR 1
#define RCGC_VERSION_PATCH 0

/* Symbols of the API are exported; everything else in the library is hidden. */
#if defined(_WIN32) && defined(RCGC_SHARED_BUILD)
#define RC_API __declspec(dllexport)
#elif defined(__GNUC__)
#define RC_API __attribute__((visibility("default")))
#else
#define RC_API
#endif

/* Compile with RC_DEBUG=1 (or higher) to make the inline reference-count
 * functions below catch underflow and use of freed objects. */
#ifndef RC_DEBUG
#define RC_DEBUG 0
#endif

/* ====================================================================== */
/* Status codes                                                           */
/* ====================================================================== */

typedef enum rc_status {
    RC_OK = 0,
    RC_ENOMEM = -1,      /* out of memory, or the heap limit was reached */
    RC_EINVAL = -2,      /* invalid argument */
    RC_ETYPE = -3,       /* wrong type of object */
    RC_EINDEX = -4,      /* index out of range */
    RC_EKEY = -5,        /* key not found */
    RC_EVALUE = -6,      /* right type, unacceptable value */
    RC_EZERODIV = -7,    /* division or modulo by zero */
    RC_EOVERFLOW = -8,   /* a result or a size too large to represent */
    RC_EHASH = -9,       /* object is not hashable */
    RC_ESTATE = -10,     /* not allowed in the runtime's current state */
    RC_EATTR = -11,      /* no such attribute */
    RC_ERECURSION = -12, /* nesting too deep (rc_recursion_enter) */
    RC_EEXCEPTION = -13, /* an exception object of the embedding language
                            (rcgc/protocol.h: rc_error_object) */
} rc_status;

/* A short English description of a status code; never NULL. */
RC_API const char *rc_strerror(int status);

/* ====================================================================== */
/* Runtime and configuration                                              */
/* ====================================================================== */

typedef struct rc_runtime rc_runtime; /* opaque */
typedef struct rc_config rc_config;
typedef struct rc_object rc_object;
typedef struct rc_type rc_type;

/*
 * Where a runtime gets its memory. Lua's lua_Alloc contract: the size is
 * given back on free, so the runtime keeps exact accounts.
 *   malloc(size, ud)      size bytes aligned to 16, or NULL;
 *   free(ptr, size, ud)   ptr from malloc, size as requested;
 *   realloc(ptr, old_size, new_size, ud)  optional: resizes a block from
 *                         malloc (16-byte aligned), or returns NULL and
 *                         leaves it alone; when NULL, blocks are resized by
 *                         malloc, copy and free;
 *   arena_alloc(size, ud) optional: memory for allocator arenas
 *                         (RC_ARENA_SIZE bytes, any alignment); when NULL,
 *                         arenas come from malloc, or from mmap when malloc
 *                         is NULL too;
 *   arena_free(ptr, size, ud) its counterpart.
 * All NULL selects the C library and mmap.
 */
typedef struct rc_allocator {
    void *(*malloc)(size_t size, void *ud);
    void (*free)(void *ptr, size_t size, void *ud);
    void *(*realloc)(void *ptr, size_t old_size, size_t new_size, void *ud);
    void *(*arena_alloc)(size_t size, void *ud);
    void (*arena_free)(void *ptr, size_t size, void *ud);
    void *ud; /* passed to every call */
} rc_allocator;

#define RC_ARENA_SIZE   ((size_t)1 << 20) /* bytes per allocator arena */
#define RC_POOL_SIZE    ((size_t)1 << 14) /* bytes per pool of equal blocks */
#define RC_SMALL_MAX    512 /* larger requests go to allocator.malloc */
#define RC_SIZE_CLASSES 32  /* 16-byte classes: 16, 32, ... 512 */

struct rc_config {
    size_t size;            /* sizeof(rc_config); set by rc_config_default() */
    rc_allocator allocator; /* all NULL: C library malloc/free and mmap */
    size_t heap_limit;      /* most bytes the runtime may hold from its
                               allocator (arenas count whole); 0: no limit */
    bool passthrough;       /* every block straight from allocator.malloc, so
                               ASan and valgrind see each object */
    bool debug_alloc;       /* fill new blocks with 0xCD, freed ones with 0xDD,
                               guard bytes after each block, checked on free */
    bool gc_at_safepoints;  /* an allocation only marks a collection as due;
                               rc_gc_safepoint() runs it */
    FILE *debug_stream;     /* collector messages and reports; NULL: stderr */
    bool report_alive_at_exit; /* rc_runtime_free reports what is alive */
};

/* The defaults: C library memory, no limit, pools, collection on allocation. */
RC_API rc_config rc_config_default(void);

/* A new runtime, configured by cfg (NULL: the defaults; cfg is copied and may
 * be discarded). NULL when memory for the runtime itself is refused. */
RC_API rc_runtime *rc_runtime_new(const rc_config *cfg);

/* Frees the runtime and every object still in it. In order: cyclic garbage
 * is collected; what is still alive is reported if the configuration asks;
 * every object alive that has a finalizer is finalized (once); weak
 * references are cleared (without callbacks); tracked objects are cleared
 * so that what they alone hold is deallocated; then every arena and block
 * goes back to the allocator. NULL is a no-op. Must not be called from a
 * finalizer or callback of the same runtime. */
RC_API void rc_runtime_free(rc_runtime *rt);

/* The runtime an object lives in. */
RC_API rc_runtime *rc_runtime_of(const rc_object *o);

/* A pointer of the embedder's, kept on the runtime (an interpreter finds
 * its own state from any object: rc_runtime_userdata(rc_runtime_of(o))).
 * NULL until set. */
RC_API void rc_runtime_set_userdata(rc_runtime *rt, void *userdata);
RC_API void *rc_runtime_userdata(const rc_runtime *rt);

/* The last error recorded on rt (RC_OK if none) and its message ("" if none).
 * The message is borrowed and valid until the next error. */
RC_API rc_status rc_last_error(const rc_runtime *rt);
RC_API const char *rc_last_error_message(const rc_runtime *rt);
RC_API void rc_clear_error(rc_runtime *rt);

/* Records an error (printf-style message) and returns status, so that a
 * failing function can `return rc_set_error(rt, RC_EINVAL, "...")`. */
RC_API int rc_set_error(rc_runtime *rt, rc_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* ====================================================================== */
/* Objects and types                                                      */
/* ====================================================================== */

/* Every object starts with this header: struct node { rc_object ob; ... }. */
struct rc_object {
    uint32_t refcnt; /* references; saturates at RC_IMMORTAL */
    uint32_t flags;  /* owned by the library; do not touch */
    const struct rc_type *type;
};

/* Called for each strong reference an object holds; nonzero stops the
 * traversal and is returned by traverse. */
typedef int (*rc_visitproc)(rc_object *child, void *arg);

/* rc_type.flags: bits 0-15 are for these; bits 16-31 are reserved for the
 * library's own types. */
#define RC_TYPE_GC (1u << 0) /* may reference objects; tracked */
#define RC_TYPE_LEGACY_FINALIZER                                               \
    (1u << 1) /* cyclic garbage holding one is                                 \
                 uncollectable (gc.garbage) */
#define RC_TYPE_HEAP                                                           \
    (1u << 2) /* made at run time and owned by rc_type.owner; every object     \
                 of the type holds a reference to the owner (protocol.h) */

struct rc_protocol; /* rcgc/protocol.h */

/*
 * A type: usually static, constant and shared by every runtime; a type made
 * at run time (RC_TYPE_HEAP, rcgc/protocol.h) belongs to one runtime and is
 * owned by an object. Slots may be NULL.
 *   traverse  visit every strong reference (NULL children are skipped by the
 *             caller of visit, so a type may pass them); a GC type gives
 *             either traverse or its reference fields (refs_at, nrefs);
 *   clear     drop the references that may form cycles, leaving the object
 *             valid (its other methods must cope with the cleared state);
 *   finalize  Python's __del__: called at most once, before the object is
 *             freed or cleared, with the object intact; may resurrect it by
 *             storing a new reference somewhere;
 *   dealloc   drop every reference and owned resource; the library frees the
 *             object's memory afterwards. NULL: clear is called instead.
 *
 * Reference fields instead of functions: when an object's references are a
 * run of nrefs `rc_object *` fields starting at byte refs_at (each may be
 * NULL), a type may say so and leave traverse NULL. The library then visits
 * those fields itself, and the collector reads them in its own loops, with
 * no call per object: the fastest kind of GC type. If clear is NULL too,
 * clearing stores NULL in each field and then drops the references (so a
 * type with nothing else to release needs no function at all):
 *     struct node { rc_object ob; rc_object *next, *prev; };
 *     static const rc_type node_type = {
 *         .name = "node", .basicsize = sizeof(struct node),
 *         .flags = RC_TYPE_GC,
 *         .refs_at = offsetof(struct node, next), .nrefs = 2,
 *     };
 * The fields are ignored when traverse is set. A dealloc, if the type has
 * one, drops the fields' references itself, as it drops everything else.
 * rc_new fails with RC_EINVAL when they do not lie within basicsize or are
 * not pointer-aligned.
 */
struct rc_type {
    const char *name;
    size_t basicsize; /* sizeof the struct, header included */
    size_t itemsize;  /* bytes per item of a variable-size object, else 0 */
    uint32_t flags;   /* RC_TYPE_* */
    int (*traverse)(rc_object *self, rc_visitproc visit, void *arg);
    int (*clear)(rc_object *self);
    void (*finalize)(rc_object *self);
    void (*dealloc)(rc_object *self);
    /* appended after the pinned fields above: */
    const struct rc_protocol *protocol; /* behaviour (hash, repr, compare,
                                           operators ...); NULL: Python's
                                           defaults (rcgc/protocol.h) */
    rc_object *owner; /* RC_TYPE_HEAP: the object that owns the type */
    uint32_t refs_at; /* traverse NULL: byte offset of the reference fields */
    uint32_t nrefs;   /* traverse NULL: how many there are (see above) */
};

/* A new reference to a new zeroed object of type (refcnt 1); tracked by the
 * collector when the type has RC_TYPE_GC. NULL + RC_ENOMEM on failure,
 * RC_EINVAL if basicsize is smaller than the header. */
RC_API rc_object *rc_new(rc_runtime *rt, const rc_type *type);

/* Same with room for nitems items of itemsize bytes after basicsize. The
 * type keeps the count itself. RC_EOVERFLOW when the size overflows. */
RC_API rc_object *rc_new_var(rc_runtime *rt, const rc_type *type,
                             size_t nitems);

/* As rc_new / rc_new_var but never tracked: a GC type initialises the object
 * and then calls rc_gc_track() so the collector never sees it half-built. */
RC_API rc_object *rc_new_untracked(rc_runtime *rt, const rc_type *type);
RC_API rc_object *rc_new_var_untracked(rc_runtime *rt, const rc_type *type,
                                       size_t nitems);

/* ====================================================================== */
/* Reference counting                                                     */
/* ====================================================================== */

/* A count at or above this is immortal: increments and decrements no longer
 * change it and the object is never freed. Counts saturate here. */
#define RC_IMMORTAL 0x80000000u
/* Written over the count of a freed block; treated like an immortal count,
 * so a stray decref of freed memory cannot free it twice. */
#define RC_FREED_   0xDDDDDDDDu

/* Out-of-line halves of the inline functions below; not for direct use. */
RC_API void rc_dealloc_(rc_object *o);
RC_API void rc_refcnt_fault_(const rc_object *o, const char *what);

/* One more reference to o. */
static inline void rc_incref(rc_object *o) {
#if RC_DEBUG
    if (o->refcnt == 0 || o->refcnt == RC_FREED_)
        rc_refcnt_fault_(o, "incref");
#endif
    if (!(o->refcnt & RC_IMMORTAL))
        o->refcnt++;
}

/* One reference fewer; at zero the object is finalized and freed at once. */
static inline void rc_decref(rc_object *o) {
    uint32_t n = o->refcnt;
#if RC_DEBUG
    if (n == 0 || n == RC_FREED_) {
        rc_refcnt_fault_(o, "decref");
        return;
    }
#endif
    if (n & RC_IMMORTAL)
        return;
    if (n == 1)
        rc_dealloc_(o);
    else
        o->refcnt = n - 1;
}

static inline void rc_xincref(rc_object *o) {
    if (o)
        rc_incref(o);
}

static inline void rc_xdecref(rc_object *o) {
    if (o)
        rc_decref(o);
}

/* The count itself: Python's sys.getrefcount(o) shows one more, for its
 * own argument. */
static inline size_t rc_refcnt(const rc_object *o) {
    return o->refcnt;
}

/* Makes o immortal: never freed, count frozen. */
static inline void rc_set_immortal(rc_object *o) {
    o->refcnt = RC_IMMORTAL;
}

/* ====================================================================== */
/* The cycle collector: one function per function of Python's gc module  */
/* ====================================================================== */

/*
 * Objects of RC_TYPE_GC types are tracked in three generations. Any call
 * that allocates may run a collection (when enabled, and unless the runtime
 * collects at safe points only), so a type's objects must be traversable
 * whenever it calls into the library. A collection calls traverse, clear,
 * finalize and weak-reference callbacks; see DESIGN §6 and docs/gc.md.
 */

#define RC_DEBUG_STATS         1u
#define RC_DEBUG_COLLECTABLE   2u
#define RC_DEBUG_UNCOLLECTABLE 4u
#define RC_DEBUG_SAVEALL       32u
#define RC_DEBUG_LEAK                                                          \
    (RC_DEBUG_COLLECTABLE | RC_DEBUG_UNCOLLECTABLE | RC_DEBUG_SAVEALL)

/* Collects generation 0, 1 or 2 (and all younger ones). Returns the number
 * of unreachable objects found (collected plus uncollectable; objects a
 * finalizer resurrected are not counted, as in CPython); 0 when a
 * collection is already running; RC_EINVAL for another generation. */
RC_API ptrdiff_t rc_gc_collect(rc_runtime *rt, int generation);

/* Automatic collection on allocation (and emergency collection when memory
 * is refused) happens only while enabled; explicit rc_gc_collect always
 * works. Enabled by default. */
RC_API void rc_gc_enable(rc_runtime *rt);
RC_API void rc_gc_disable(rc_runtime *rt);
RC_API bool rc_gc_isenabled(const rc_runtime *rt);

/* In safe-point mode (rc_config.gc_at_safepoints) an allocation that passes
 * the threshold only marks a collection as due; this runs it, if due. In
 * the default mode it does nothing unless a collection is due. */
RC_API void rc_gc_safepoint(rc_runtime *rt);

/* count[0]: allocations of GC objects minus their deallocations since the
 * last collection of generation 0; count[1]: collections of generation 0
 * since the last of generation 1; count[2]: likewise for generation 1. */
RC_API void rc_gc_get_count(const rc_runtime *rt, size_t count[3]);

/* Defaults (700, 10, 10). A collection of the oldest generation g whose
 * count exceeds its threshold starts when count[0] exceeds threshold[0];
 * t0 == 0 disables automatic collection. Generation 2 is collected only
 * when the objects moved into it since the last full collection are at
 * least 25% of those it held after it. */
RC_API void rc_gc_get_threshold(const rc_runtime *rt, size_t threshold[3]);
RC_API void rc_gc_set_threshold(rc_runtime *rt, size_t t0, size_t t1,
                                size_t t2);

/* RC_DEBUG_* flags; messages go to the runtime's debug stream in CPython's
 * words ("gc: collecting generation 2...", "gc: collectable <node 0x...>",
 * "gc: done, 2 unreachable, 0 uncollectable, 0.0001s elapsed"). */
RC_API void rc_gc_set_debug(rc_runtime *rt, unsigned flags);
RC_API unsigned rc_gc_get_debug(const rc_runtime *rt);

/* Tracking. rc_new tracks objects of GC types; rc_new_untracked does not.
 * track/untrack are no-ops when there is nothing to do (untracked already,
 * not a GC type). */
RC_API bool rc_gc_is_tracked(const rc_object *o);
RC_API void rc_gc_track(rc_object *o);
RC_API void rc_gc_untrack(rc_object *o);
RC_API bool rc_gc_is_finalized(const rc_object *o); /* finalize has run */

/* The permanent generation: frozen objects are never collected. freeze
 * moves every tracked object there, unfreeze moves them all to generation
 * 2. Both do nothing while a collection runs (RC_ESTATE is recorded). */
RC_API void rc_gc_freeze(rc_runtime *rt);
RC_API void rc_gc_unfreeze(rc_runtime *rt);
RC_API size_t rc_gc_get_freeze_count(const rc_runtime *rt);

/* gc.garbage: uncollectable objects (cyclic garbage that holds an object of
 * an RC_TYPE_LEGACY_FINALIZER type, and all it reaches), or every
 * unreachable object under RC_DEBUG_SAVEALL. The list holds a reference to
 * each; clearing it drops them. Items are borrowed. */
RC_API size_t rc_gc_garbage_count(const rc_runtime *rt);
RC_API rc_object *rc_gc_garbage_item(const rc_runtime *rt, size_t i);
RC_API void rc_gc_garbage_clear(rc_runtime *rt);

/* gc.callbacks: called at the start and the end of every collection. */
typedef enum rc_gc_phase { RC_GC_START, RC_GC_STOP } rc_gc_phase;

typedef struct rc_gc_info {
    int generation;       /* the generation being collected */
    size_t collected;     /* unreachable objects freed (0 at start) */
    size_t uncollectable; /* unreachable objects kept (0 at start) */
    size_t candidates;    /* objects examined (0 at start) */
    double duration;      /* seconds (0 at start) */
} rc_gc_info;

typedef void (*rc_gc_callback)(rc_runtime *rt, rc_gc_phase phase,
                               const rc_gc_info *info, void *arg);

/* 0, or RC_ENOMEM. The same (cb, arg) may be added more than once. */
RC_API int rc_gc_callback_add(rc_runtime *rt, rc_gc_callback cb, void *arg);
/* Removes the first (cb, arg); RC_EINVAL if there is none. */
RC_API int rc_gc_callback_remove(rc_runtime *rt, rc_gc_callback cb, void *arg);

/* gc.get_stats(): per generation, since the runtime started. */
typedef struct rc_gc_gen_stats {
    size_t collections;   /* collections of this generation */
    size_t collected;     /* unreachable objects they freed */
    size_t uncollectable; /* unreachable objects they could not free */
} rc_gc_gen_stats;

RC_API void rc_gc_get_stats(const rc_runtime *rt, rc_gc_gen_stats stats[3]);

/* Object queries. Each returns an array of new references, *count items
 * long, to be released with rc_gc_release_objects; NULL with *count 0 when
 * there is nothing (not an error) or on failure (RC_ENOMEM / RC_EINVAL
 * recorded; rc_last_error tells). */

/* gc.get_objects(generation): tracked objects of generation 0..2, or of all
 * three when generation is -1. */
RC_API rc_object **rc_gc_get_objects(rc_runtime *rt, int generation,
                                     size_t *count);
/* gc.get_referrers(*targets): tracked objects that refer to any target. */
RC_API rc_object **rc_gc_get_referrers(rc_runtime *rt,
                                       rc_object *const *targets,
                                       size_t ntargets, size_t *count);
/* gc.get_referents(*objs): what objects of GC types among objs refer to. */
RC_API rc_object **rc_gc_get_referents(rc_runtime *rt, rc_object *const *objs,
                                       size_t nobjs, size_t *count);
RC_API void rc_gc_release_objects(rc_runtime *rt, rc_object **objs,
                                  size_t count);

/* Checks the heap's invariants: pool and generation lists, counts, tracked
 * flags, and that no tracked object has a count below the references other
 * tracked objects hold to it. 0, or RC_EVALUE with a message describing
 * the first problem (rc_last_error_message); RC_ESTATE during a collection.
 */
RC_API int rc_heap_check(rc_runtime *rt);

/* ====================================================================== */
/* Weak references (Python's weakref module)                              */
/* ====================================================================== */

/*
 * A weak reference does not own its target: the target's count is not
 * raised, and when the target dies the weak reference is cleared (it then
 * yields NULL) and its callback runs with the weakref as argument. Objects
 * that never get a weak reference pay nothing: the runtime keeps weak
 * references in a side table, flagged in the target's header.
 *
 * When a target dies by reference counting its weakrefs are cleared, then
 * the callbacks run, newest first. In a collection every weakref to an
 * unreachable object is cleared before any finalizer runs; a weakref that
 * is itself unreachable is cleared without calling its callback; callbacks
 * of reachable weakrefs run after all the clearing. A callback may allocate,
 * drop references, create weakrefs and call rc_gc_collect (which returns 0
 * while the collection runs). Weakref objects are tracked by the collector.
 */
typedef void (*rc_weakref_callback)(rc_object *weakref, void *arg);

/* A new reference to a weak reference to target, calling cb(weakref, arg)
 * when target dies (cb NULL: no callback). Weakrefs without a callback to
 * one target are shared: asking twice returns the same object. NULL with
 * RC_ENOMEM, or RC_EINVAL when target is in another runtime. */
RC_API rc_object *rc_weakref_new(rc_runtime *rt, rc_object *target,
                                 rc_weakref_callback cb, void *arg);

/* Like rc_weakref_new, with an object as the callback's argument: the
 * weakref holds a reference to cbarg (so the collector sees it) and passes
 * it as cb's arg; Python's weakref.ref(target, callback) is this. */
RC_API rc_object *rc_weakref_new_with_object(rc_runtime *rt, rc_object *target,
                                             rc_weakref_callback cb,
                                             rc_object *cbarg);

/* A new reference to the target, or NULL once it is gone. */
RC_API rc_object *rc_weakref_get(rc_object *weakref);

RC_API bool rc_is_weakref(const rc_object *o);

/* The object passed to rc_weakref_new_with_object (borrowed), else NULL. */
RC_API rc_object *rc_weakref_callback_object(const rc_object *weakref);

/* weakref.getweakrefcount(target). */
RC_API size_t rc_weakref_count(const rc_object *target);

/* weakref.getweakrefs(target): an array of new references, *count long,
 * released with rc_gc_release_objects; NULL when there are none. */
RC_API rc_object **rc_weakref_list(rc_runtime *rt, const rc_object *target,
                                   size_t *count);

/* ====================================================================== */
/* Errors nobody can receive (Python's sys.unraisablehook)                */
/* ====================================================================== */

/*
 * A finalizer or a weakref callback has no caller to return an error to.
 * If one leaves an error recorded on the runtime (rc_set_error), the
 * runtime passes it to the unraisable hook, clears it and goes on; the
 * error the code before it had recorded is restored (its object too:
 * rcgc/protocol.h). The default hook prints "Exception ignored in: ..."
 * and the error to the debug stream: "ValueError: message" with the
 * exception object's type name when there is one.
 */
typedef struct rc_unraisable {
    rc_status status;     /* the error left behind */
    const char *message;  /* its message */
    const char *context;  /* "finalizer", "weakref callback", ... */
    rc_object *object;    /* the object finalized, or the weakref (borrowed) */
    rc_object *exception; /* the error's object when the code raised one
                             (rc_set_error_object), borrowed; else NULL */
} rc_unraisable;

typedef void (*rc_unraisable_hook)(rc_runtime *rt, const rc_unraisable *u,
                                   void *arg);

/* hook NULL restores the default printer. */
RC_API void rc_set_unraisable_hook(rc_runtime *rt, rc_unraisable_hook hook,
                                   void *arg);

/* Reports an error through the hook, as the runtime does for finalizers
 * (clients such as interpreters call it for errors of their own). */
RC_API void rc_write_unraisable(rc_runtime *rt, rc_status status,
                                const char *context, rc_object *object,
                                const char *message);

/* ====================================================================== */
/* What is alive                                                          */
/* ====================================================================== */

/* Prints, to out (NULL: the debug stream), how many objects are alive,
 * by type, most numerous first; immortal objects are not counted. Returns
 * the number of objects alive. rc_config.report_alive_at_exit prints the
 * same from rc_runtime_free, after it has collected cyclic garbage. */
RC_API size_t rc_report_alive(rc_runtime *rt, FILE *out);

/* ====================================================================== */
/* Raw memory from a runtime's allocator                                  */
/* ====================================================================== */

/* size bytes, 16-byte aligned, from the pools (<= RC_SMALL_MAX) or the
 * allocator hook, counted against the heap limit. NULL + RC_ENOMEM. */
RC_API void *rc_malloc(rc_runtime *rt, size_t size);

/* Resizes a block from rc_malloc; old_size must be the size it was asked
 * with. On failure returns NULL and leaves p untouched. p NULL: rc_malloc. */
RC_API void *rc_realloc(rc_runtime *rt, void *p, size_t old_size,
                        size_t new_size);

/* Frees a block from rc_malloc; size must be the size it was asked with.
 * NULL is a no-op. */
RC_API void rc_free(rc_runtime *rt, void *p, size_t size);

/* ====================================================================== */
/* Allocator statistics (CPython's sys._debugmallocstats)                 */
/* ====================================================================== */

typedef struct rc_mem_class_stats {
    size_t block_size;    /* bytes per block of this class */
    size_t pools;         /* pools serving the class */
    size_t blocks_in_use; /* blocks handed out */
    size_t blocks_free;   /* blocks carved or carvable in those pools, unused */
} rc_mem_class_stats;

#define RC_MEM_STATS_VERSION 1

typedef struct rc_mem_stats {
    size_t size;      /* set by the caller: sizeof(rc_mem_stats) */
    unsigned version; /* set by the library: RC_MEM_STATS_VERSION */
    rc_mem_class_stats classes[RC_SIZE_CLASSES];
    size_t arenas_allocated;   /* arenas taken since the runtime started */
    size_t arenas_reclaimed;   /* arenas given back */
    size_t arenas_highwater;   /* most arenas held at once */
    size_t arenas_current;     /* arenas held now */
    size_t pools_unused;       /* whole pools free inside current arenas */
    size_t bytes_in_use;       /* bytes of blocks handed out (pools) */
    size_t bytes_free;         /* bytes of free blocks inside used pools */
    size_t bytes_pool_headers; /* bytes lost to pool headers */
    size_t bytes_quantization; /* bytes at pool ends too small for a block */
    size_t bytes_alignment;    /* bytes lost aligning pools inside arenas */
    size_t large_blocks;       /* blocks taken from allocator.malloc */
    size_t large_bytes;        /* their bytes */
    size_t bytes_held;         /* all bytes held from the allocator */
    size_t heap_limit;         /* the configured limit (0: none) */
} rc_mem_stats;

/* Fills *st (its size field must be set; fields past it are not written).
 * Returns 0, or RC_EINVAL when st->size is too small for the version 1
 * fields. */
RC_API int rc_mem_get_stats(const rc_runtime *rt, rc_mem_stats *st);

/* Prints the statistics as a table in the style of CPython's
 * sys._debugmallocstats() to out (NULL: the runtime's debug stream). */
RC_API void rc_mem_print_stats(const rc_runtime *rt, FILE *out);

/* ====================================================================== */
/* Process memory (Linux /proc/self/smaps_rollup; 0 elsewhere)            */
/* ====================================================================== */

/* Unique set size: private pages of this process, in bytes (what psutil's
 * memory_full_info().uss reports). */
RC_API size_t rc_process_uss(void);
/* Resident set size in bytes. */
RC_API size_t rc_process_rss(void);

#ifdef __cplusplus
}
#endif

#endif /* RCGC_H */
