/*
 * support.h — what the unit tests share: small object types, an allocator
 * hook that fails on demand and counts what is outstanding, threads with a
 * chosen stack size, and running code in a child process to observe a
 * fatal report.
 */
#ifndef RC_TEST_SUPPORT_H
#define RC_TEST_SUPPORT_H

#include <rcgc.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

/* A tracked object with NODE_LINKS strong references (NULL allowed). */
#define NODE_LINKS 4
typedef struct tnode {
    rc_object ob;
    rc_object *link[NODE_LINKS];
    long id;
} tnode;

extern const rc_type tnode_type; /* RC_TYPE_GC, traverse and clear */
extern const rc_type tleaf_type; /* not GC, holds nothing */
extern const rc_type tbox_type;  /* not GC, holds one reference */

tnode *tnode_new(rc_runtime *rt);
/* Stores a new reference to `to` (may be NULL) in slot, dropping the old. */
void tnode_set(tnode *from, int slot, rc_object *to);
/* A tbox holding a new reference to inner (may be NULL). */
rc_object *tbox_new(rc_runtime *rt, rc_object *inner);

/* An allocator hook that fails the fail_at-th call (1-based; 0: never),
 * and every later one when forever is set; counts outstanding bytes. */
typedef struct failing_alloc {
    long calls; /* malloc and arena requests so far */
    long fail_at;
    bool forever;
    long failures;      /* requests refused */
    size_t outstanding; /* bytes handed out and not yet freed */
    size_t live_blocks; /* blocks handed out and not yet freed */
} failing_alloc;

rc_config failing_config(failing_alloc *fa);

/* Runs fn(arg) in a new thread with a stack of `stack` bytes and waits. */
void run_with_stack(size_t stack, void (*fn)(void *), void *arg);

/* Runs fn(arg) in a child process with stderr captured into err. Returns
 * true if the child died by a signal or exited nonzero. */
bool run_in_child(void (*fn)(void *), void *arg, char *err, size_t errcap);

/* rc_runtime_new, remembering how many blocks the fresh runtime holds (its
 * own None, small ints, empty tuple ...). */
rc_runtime *test_runtime_new(const rc_config *cfg);

/* Blocks handed out by the runtime's allocator (pools and large blocks),
 * beyond those a runtime from test_runtime_new held when it was made: the
 * objects and raw buffers a test has made and not yet freed. */
size_t blocks_in_use(const rc_runtime *rt);

/* A runtime whose debug stream writes into memory (open_memstream): m->buf
 * holds the text once the stream is flushed; memstream_close closes it
 * and frees the text (after rc_runtime_free). */
typedef struct memstream {
    FILE *f;
    char *buf;
    size_t len;
} memstream;
rc_runtime *test_runtime_with_stream(memstream *m);
void memstream_close(memstream *m);

/* Allocation failure at every point of an operation (SQLite's method):
 * each scenario builds its inputs in a runtime whose every block comes from
 * a failing hook (pass-through mode), then runs the operation with the Nth
 * request refused (once, or from then on), for N = 1, 2, ... until the
 * operation needs fewer requests. A failed operation must return
 * RC_ENOMEM, leave objs[0] as it was (same repr and count, for a
 * container) and leak nothing (after a full collection the hook holds
 * exactly the blocks it held before); the heap must check out and
 * everything must be returned by rc_runtime_free. */
/* repr(o) into buf (truncated); false when repr failed. */
bool repr_into(rc_object *o, char *buf, size_t cap);

#define OOM_OBJS 4
typedef struct oom_scenario {
    const char *name;
    /* fills objs (inputs; objs[0] is the container, if any) */
    void (*setup)(rc_runtime *rt, rc_object **objs);
    /* the operation: 0 (with *out a new reference or NULL) or negative */
    int (*op)(rc_runtime *rt, rc_object **objs, rc_object **out);
    bool container; /* objs[0] must be unchanged on failure */
} oom_scenario;

void oom_every_point(const oom_scenario *scenarios, size_t n, bool forever);

/* Multiplier for randomized test lengths (RCGC_TEST_SCALE, make check-deep). */
long test_scale(void);

/* Deterministic pseudo-random numbers (splitmix64). */
uint64_t rng_next(uint64_t *state);
uint64_t rng_below(uint64_t *state, uint64_t n);

#endif
