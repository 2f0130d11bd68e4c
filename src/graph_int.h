/*
 * graph_int.h — what the graph walker's files (graph*.c) share: growable
 * arrays of objects, a pointer-keyed hash map, buffered text for sinks, and
 * the walk over a scope's objects.
 *
 * The walker sits above the core and the builtin types: it walks the heap
 * through the core's iterators and reaches objects only through the public
 * API (rc_repr, rc_sizeof, the containers' getters); nothing in the core
 * calls it.
 *
 * Memory rule. The walker's scratch memory comes straight from the
 * allocator hook (rc__hook_alloc), which never runs a collection: while it
 * holds raw pointers to objects it has not increfed (a heap walk, the root
 * computation), no code of anyone else's can run and no object can die.
 * Before it calls anything that may run code (repr, a callback, rc_malloc,
 * which may collect in an emergency) it holds a reference to every object
 * it still needs (rc__gvec_hold).
 */
#ifndef RC_GRAPH_INT_H
#define RC_GRAPH_INT_H

#include "gcspace.h"

#include <rcgc/graph.h>
#include <rcgc/objects.h>

/* Doubles a scratch array of *cap elements of elem bytes (64 at first),
 * keeping its contents. 0 or RC_ENOMEM (the array unchanged). */
int rc__graph_grow(rc_runtime *rt, void **array, size_t *cap, size_t elem);

/* A growable array of objects. While `held` it owns a reference to each. */
typedef struct rc__gvec {
    rc_runtime *rt;
    rc_object **items; /* hook memory, cap items */
    size_t n, cap;
    bool held; /* items are new references */
} rc__gvec;

/* Appends o (increfed when the vector is held). 0 or RC_ENOMEM. */
int rc__gvec_push(rc__gvec *v, rc_object *o);
/* Takes a reference to every item not yet held. */
void rc__gvec_hold(rc__gvec *v);
/* Drops the references (if held) and the memory; the vector is empty. */
void rc__gvec_free(rc__gvec *v);
/* The items as an array of new references for rc_gc_release_objects (NULL
 * when empty); the vector is left empty. NULL + RC_ENOMEM on failure. */
rc_object **rc__gvec_result(rc__gvec *v, size_t *count);

/* A map from addresses to 32-bit values (open addressing). */
typedef struct rc__gmap {
    rc_runtime *rt;
    const void **keys; /* NULL: empty slot */
    uint32_t *vals;
    size_t n, cap; /* entries; slots (a power of two, or 0) */
} rc__gmap;

/* 1 if key was added with val, 0 if it was there (its value unchanged),
 * RC_ENOMEM. */
int rc__gmap_put(rc__gmap *m, const void *key, uint32_t val);
bool rc__gmap_get(const rc__gmap *m, const void *key, uint32_t *val);
void rc__gmap_free(rc__gmap *m);

/* Text for a sink, buffered in place (no allocation). The first failure
 * (the sink's status) is kept in status and stops further output. */
typedef struct rc__gtext {
    rc_runtime *rt;
    rc_graph_sink sink;
    void *arg;
    int status;
    size_t len;
    char buf[4096];
} rc__gtext;

void rc__gtext_init(rc__gtext *t, rc_runtime *rt, rc_graph_sink sink,
                    void *arg);
void rc__gtext_put(rc__gtext *t, const char *s, size_t len);
void rc__gtext_puts(rc__gtext *t, const char *s);
void rc__gtext_printf(rc__gtext *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Flushes; returns 0 or the first failure (with an error recorded). */
int rc__gtext_finish(rc__gtext *t);

/* RC_ESTATE (recorded) while a collection runs, else 0. */
int rc__graph_enter(rc_runtime *rt);
/* Does the walker see what o refers to (GC types and run-time types)? */
bool rc__graph_traversable(const rc_object *o);
/* Calls fn on each live object of scope until it returns nonzero (which is
 * returned). fn must not allocate from the heap or free objects. */
int rc__graph_foreach(rc_runtime *rt, rc_graph_scope scope, rc__objfn fn,
                      void *arg);
/* Pushes (raw) onto v the objects of scope that refer to o, each once. */
int rc__graph_referrers_into(rc_runtime *rt, rc_object *o, rc_graph_scope scope,
                             rc__gvec *v);
/* Pushes (raw) onto v what o refers to, repeats included. */
int rc__graph_referents_into(rc_runtime *rt, rc_object *o, rc__gvec *v);

#endif /* RC_GRAPH_INT_H */
