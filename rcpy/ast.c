/*
 * ast.c — the arena that holds a parse's tree.
 *
 * Memory comes in chunks from the runtime's allocator (rc_malloc), handed
 * out by bumping a pointer; nothing is freed until the whole arena is.
 * The arena also owns references to the objects in the tree (identifiers,
 * constants) and releases them when freed. Invariant: every chunk and the
 * object list are freed exactly once, by rp_arena_free.
 */
#include "parser.h"

#include <string.h>

#define ALIGN       16
#define FIRST_CHUNK 4096
#define MAX_CHUNK   (64 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t size; /* bytes of the whole block */
    max_align_t data[];
} chunk;

struct rp_arena {
    rc_runtime *rt;
    chunk *chunks;     /* newest first */
    char *cur, *limit; /* free space in the newest chunk */
    size_t next_size;  /* size of the next ordinary chunk */
    rc_object **objs;  /* references owned */
    size_t nobjs, capobjs;
};

rp_arena *rp_arena_new(rc_runtime *rt) {
    rp_arena *a = rc_malloc(rt, sizeof *a);
    if (!a)
        return NULL;
    memset(a, 0, sizeof *a);
    a->rt = rt;
    a->next_size = FIRST_CHUNK;
    return a;
}

rc_runtime *rp_arena_runtime(const rp_arena *a) {
    return a->rt;
}

void rp_arena_free(rp_arena *a) {
    if (!a)
        return;
    rc_runtime *rt = a->rt;
    for (size_t i = 0; i < a->nobjs; i++)
        rc_decref(a->objs[i]);
    if (a->objs)
        rc_free(rt, a->objs, a->capobjs * sizeof *a->objs);
    for (chunk *c = a->chunks, *next; c; c = next) {
        next = c->next;
        rc_free(rt, c, c->size);
    }
    rc_free(rt, a, sizeof *a);
}

/* A new chunk with room for at least need bytes. */
static bool grow(rp_arena *a, size_t need) {
    size_t size = a->next_size;
    if (size < need + sizeof(chunk))
        size = need + sizeof(chunk);
    chunk *c = rc_malloc(a->rt, size);
    if (!c)
        return false;
    c->size = size;
    c->next = a->chunks;
    a->chunks = c;
    a->cur = (char *)c->data;
    a->limit = (char *)c + size;
    if (a->next_size < MAX_CHUNK)
        a->next_size *= 2;
    return true;
}

void *rp_arena_alloc_raw(rp_arena *a, size_t size) {
    size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (size == 0)
        size = ALIGN;
    if ((size_t)(a->limit - a->cur) < size && !grow(a, size))
        return NULL;
    void *m = a->cur;
    a->cur += size;
    return m;
}

void *rp_arena_alloc(rp_arena *a, size_t size) {
    void *m = rp_arena_alloc_raw(a, size);
    if (m)
        memset(m, 0, size);
    return m;
}

rc_object *rp_arena_keep(rp_arena *a, rc_object *o) {
    if (!o)
        return NULL;
    if (a->nobjs == a->capobjs) {
        size_t cap = a->capobjs ? a->capobjs * 2 : 32;
        rc_object **objs = rc_realloc(a->rt, a->objs, a->capobjs * sizeof *objs,
                                      cap * sizeof *objs);
        if (!objs) {
            rc_decref(o);
            return NULL;
        }
        a->objs = objs;
        a->capobjs = cap;
    }
    a->objs[a->nobjs++] = o;
    return o;
}
