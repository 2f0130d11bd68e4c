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

/* Multiplier for randomized test lengths (RCGC_TEST_SCALE, make check-deep). */
long test_scale(void);

/* Deterministic pseudo-random numbers (splitmix64). */
uint64_t rng_next(uint64_t *state);
uint64_t rng_below(uint64_t *state, uint64_t n);

#endif
