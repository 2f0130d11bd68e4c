#define _POSIX_C_SOURCE 200809L
/* test_obmalloc.c — the small-object allocator: size classes, LIFO reuse,
 * statistics, arenas returned to the OS (a reserve kept, the rest in one
 * batch at the end of a deallocation run), fullest arena first, the heap
 * limit, pass-through and debug modes. */
#include "support.h"

#include "internal.h" /* rc__pool_of: which pool and arena a block is in */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static rc_mem_stats stats(const rc_runtime *rt) {
    rc_mem_stats st = {.size = sizeof st};
    assert_int_equal(rc_mem_get_stats(rt, &st), 0);
    assert_int_equal(st.version, RC_MEM_STATS_VERSION);
    return st;
}

static size_t in_use(const rc_mem_stats *st) {
    size_t n = 0;
    for (int c = 0; c < RC_SIZE_CLASSES; c++)
        n += st->classes[c].blocks_in_use;
    return n;
}

static void every_size_round_trips(void **state) {
    (void)state;
    rc_runtime *rt = rc_runtime_new(NULL);
    rc_mem_stats before = stats(rt); /* the runtime's own objects */
    unsigned char *p[700];
    for (size_t n = 0; n < 700; n++) {
        p[n] = rc_malloc(rt, n);
        assert_non_null(p[n]);
        assert_int_equal((uintptr_t)p[n] % 16, 0);
        memset(p[n], (int)(n & 0xFF), n);
    }
    for (size_t n = 0; n < 700; n++) {
        for (size_t i = 0; i < n; i++)
            assert_int_equal(p[n][i], n & 0xFF);
        rc_free(rt, p[n], n);
    }
    rc_mem_stats st = stats(rt);
    assert_int_equal(in_use(&st), in_use(&before));
    assert_int_equal(st.large_blocks, before.large_blocks);
    rc_runtime_free(rt);
}

static void freed_blocks_are_reused_lifo(void **state) {
    (void)state;
    rc_runtime *rt = rc_runtime_new(NULL);
    void *a = rc_malloc(rt, 40), *b = rc_malloc(rt, 40), *c = rc_malloc(rt, 40);
    rc_free(rt, a, 40);
    rc_free(rt, c, 40);
    assert_ptr_equal(rc_malloc(rt, 33), c); /* same class, last freed first */
    assert_ptr_equal(rc_malloc(rt, 48), a);
    rc_object *o = rc_new(rt, &tleaf_type);
    rc_decref(o);
    rc_object *o2 = rc_new(rt, &tleaf_type);
    assert_ptr_equal(o, o2);
    rc_decref(o2);
    rc_free(rt, a, 48);
    rc_free(rt, b, 40);
    rc_free(rt, c, 33);
    rc_runtime_free(rt);
}

/* rc_new's fast path zeroes an object whatever its block held before: for
 * every size up to past the pools' loop-free limit, objects are made,
 * dirtied, dropped in a scrambled order (so pools fill, empty, go back to
 * their arena and are taken again) and made again. */
static void new_objects_are_zeroed_in_reused_blocks(void **state) {
    (void)state;
    enum { N = 700 }; /* more than a pool of 16- or 32-byte blocks holds */
    rc_runtime *rt = rc_runtime_new(NULL);
    rc_mem_stats before = stats(rt); /* the runtime's own objects */
    static rc_object *objs[N];
    for (size_t size = 16; size <= 112; size += 8) {
        rc_type t = {.name = "plain", .basicsize = size};
        for (int round = 0; round < 3; round++) {
            for (size_t i = 0; i < N; i++) {
                rc_object *o = rc_new(rt, &t);
                assert_non_null(o);
                assert_int_equal(rc_refcnt(o), 1);
                assert_ptr_equal(o->type, &t);
                const unsigned char *body = (const unsigned char *)(o + 1);
                for (size_t k = 0; k < size - sizeof *o; k++)
                    assert_int_equal(body[k], 0);
                memset(o + 1, 0xAB, size - sizeof *o);
                objs[i] = o;
            }
            for (size_t i = 0; i < N; i++) /* a scrambled order */
                rc_decref(objs[(i * 389) % N]);
        }
    }
    rc_mem_stats after = stats(rt);
    assert_int_equal(in_use(&after), in_use(&before)); /* all freed */
    rc_runtime_free(rt);
}

/* A full pool leaves its class's ring; a block freed into it puts it back
 * at the head, so the next allocation of the class gets that block. */
static void a_full_pool_rejoins_its_ring(void **state) {
    (void)state;
    enum { N = 600 }; /* more than a pool of 64-byte blocks holds */
    rc_runtime *rt = rc_runtime_new(NULL);
    rc_mem_stats before = stats(rt);
    static void *p[N];
    for (size_t i = 0; i < N; i++)
        assert_non_null(p[i] = rc_malloc(rt, 64));
    assert_ptr_not_equal(rc__pool_of(p[0]), rc__pool_of(p[N - 1]));
    rc_free(rt, p[3], 64); /* into the first pool, full until now */
    assert_ptr_equal(rc_malloc(rt, 64), p[3]);
    for (size_t i = 0; i < N; i++)
        rc_free(rt, p[i], 64);
    rc_mem_stats after = stats(rt);
    assert_int_equal(in_use(&after), in_use(&before));
    rc_runtime_free(rt);
}

static void statistics_count_blocks_and_pools(void **state) {
    (void)state;
    rc_runtime *rt = rc_runtime_new(NULL);
    rc_mem_stats before = stats(rt);
    enum { N = 1000 };
    void *p[N];
    for (int i = 0; i < N; i++)
        p[i] = rc_malloc(rt, 100); /* class 6: 112-byte blocks */
    rc_mem_stats st = stats(rt);
    assert_int_equal(st.classes[6].block_size, 112);
    assert_int_equal(st.classes[6].blocks_in_use, N);
    /* a pool's header sits 0 to 3 cache lines in (its colour) */
    size_t most = (RC_POOL_SIZE - 64) / 112, least = (RC_POOL_SIZE - 256) / 112;
    size_t pools = st.classes[6].pools;
    assert_true(pools >= (N + most - 1) / most);
    assert_true(pools <= (N + least - 1) / least);
    size_t capacity = st.classes[6].blocks_in_use + st.classes[6].blocks_free;
    assert_true(capacity >= pools * least && capacity <= pools * most);
    assert_int_equal(st.arenas_current, 1);
    assert_int_equal(st.arenas_allocated, 1);
    assert_int_equal(st.bytes_in_use - before.bytes_in_use, N * 112);
    for (int i = 0; i < N; i++)
        rc_free(rt, p[i], 100);
    st = stats(rt);
    assert_int_equal(st.classes[6].blocks_in_use, 0);
    assert_true(st.classes[6].pools <= 1); /* at most one spare empty pool */

    char buf[8192];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    rc_mem_print_stats(rt, f);
    fclose(f);
    assert_non_null(strstr(buf, "# arenas allocated total"));
    assert_non_null(strstr(buf, "# bytes lost to pool headers"));
    rc_runtime_free(rt);
}

/* Frees n blocks of 512 bytes, p[0..n). */
static void free_all(rc_runtime *rt, void **p, int n) {
    for (int i = 0; i < n; i++)
        rc_free(rt, p[i], 512);
}

/* An arena hook that counts the arenas given back (its ud: a long). */
static void *counting_arena_alloc(size_t size, void *ud) {
    (void)ud;
    return aligned_alloc(RC_POOL_SIZE, size);
}

static void counting_arena_free(void *p, size_t size, void *ud) {
    (void)size;
    ++*(long *)ud;
    free(p);
}

/* A box whose dealloc drops its raw blocks one at a time, noting the most
 * arenas the hook above had been given back after any of them. */
typedef struct dropper {
    rc_object ob;
    void **blocks;
    size_t n;
    const long *arena_frees; /* the hook's count, or NULL */
    long *seen;              /* its most during dealloc, noted here */
} dropper;

static void dropper_dealloc(rc_object *o) {
    dropper *d = (dropper *)o;
    rc_runtime *rt = rc_runtime_of(o);
    for (size_t i = 0; i < d->n; i++) {
        rc_free(rt, d->blocks[i], 512);
        if (d->arena_frees && *d->arena_frees > *d->seen)
            *d->seen = *d->arena_frees;
    }
}

static const rc_type dropper_type = {
    .name = "dropper",
    .basicsize = sizeof(dropper),
    .dealloc = dropper_dealloc,
};

/* A dropper holding n fresh 512-byte blocks. */
static dropper *dropper_new(rc_runtime *rt, size_t n) {
    dropper *d = (dropper *)rc_new(rt, &dropper_type);
    assert_non_null(d);
    d->blocks = malloc(n * sizeof *d->blocks);
    d->n = n;
    for (size_t i = 0; i < n; i++)
        assert_non_null(d->blocks[i] = rc_malloc(rt, 512));
    return d;
}

/* Empty arenas are kept as a reserve of an eighth of the most arenas in
 * use since the last trim, at least one and at most 4 MiB: after a
 * deallocation run frees 40 MiB, four 1 MiB arenas stay, and they are
 * what the next allocations take. Blocks freed one rc_free at a time
 * trim after each free, as the heap shrinks, down to the one. */
static void empty_arenas_kept_as_a_reserve(void **state) {
    (void)state;
    rc_runtime *rt = rc_runtime_new(NULL);
    rc_mem_stats before = stats(rt);
    enum { N = 80000 }; /* 512-byte blocks: about 40 MiB */
    dropper *d = dropper_new(rt, N);
    void **blocks = d->blocks;
    size_t high = stats(rt).arenas_current;
    assert_true(high - before.arenas_current >= 32);
    rc_decref(&d->ob);
    free(blocks);
    rc_mem_stats st = stats(rt);
    assert_int_equal(st.arenas_current, before.arenas_current + 4);
    assert_int_equal(st.arenas_reclaimed, high - st.arenas_current);
    void *p[4000];
    for (int i = 0; i < 4000; i++) /* 2 MiB: from the reserve */
        assert_non_null(p[i] = rc_malloc(rt, 512));
    assert_int_equal(stats(rt).arenas_allocated, st.arenas_allocated);
    free_all(rt, p, 4000);
    d = dropper_new(rt, N);
    for (size_t i = 0; i < d->n; i++)
        rc_free(rt, d->blocks[i], 512);
    d->n = 0;
    free(d->blocks);
    rc_decref(&d->ob);
    assert_int_equal(stats(rt).arenas_current, before.arenas_current + 1);
    rc_runtime_free(rt);
}

/* Arenas emptied while an object is destroyed go back after its
 * destruction, in one batch, not one by one inside it. */
static void arenas_go_back_after_the_deallocation_run(void **state) {
    (void)state;
    long arena_frees = 0, seen = 0;
    rc_config cfg = rc_config_default();
    cfg.allocator.arena_alloc = counting_arena_alloc;
    cfg.allocator.arena_free = counting_arena_free;
    cfg.allocator.ud = &arena_frees;
    rc_runtime *rt = rc_runtime_new(&cfg);
    assert_non_null(rt);
    dropper *d = dropper_new(rt, 40000); /* about 20 MiB */
    void **blocks = d->blocks;
    d->arena_frees = &arena_frees;
    d->seen = &seen;
    rc_decref(&d->ob);
    assert_int_equal(seen, 0);      /* nothing went back during it */
    assert_true(arena_frees >= 15); /* and most went back after */
    free(blocks);
    rc_runtime_free(rt);
}

static void empty_arenas_go_back_but_one(void **state) {
    (void)state;
    rc_runtime *rt = rc_runtime_new(NULL);
    rc_mem_stats before = stats(rt); /* one arena holds the runtime's own */
    enum { N = 10000 }; /* 512-byte blocks: about 5 MiB, several arenas */
    void **p = malloc(N * sizeof *p);
    for (int i = 0; i < N; i++)
        assert_non_null(p[i] = rc_malloc(rt, 512));
    rc_mem_stats st = stats(rt);
    assert_true(st.arenas_current >= 5);
    size_t high = st.arenas_current;
    for (int i = 0; i < N; i++)
        rc_free(rt, p[i], 512);
    st = stats(rt);
    /* back to the runtime's own arena, plus the one empty arena kept */
    assert_int_equal(st.arenas_current, before.arenas_current + 1);
    assert_int_equal(st.arenas_reclaimed, high - st.arenas_current);
    assert_int_equal(st.arenas_highwater, high);
    assert_int_equal(st.pools_unused,
                     before.pools_unused + RC_ARENA_SIZE / RC_POOL_SIZE);
    free(p);
    rc_runtime_free(rt);
}

/* Two arenas; the second is drained to one pool in use. New pools must come
 * from the fuller arena so the emptier one can go back. */
static void fullest_arena_first(void **state) {
    (void)state;
    rc_runtime *rt = rc_runtime_new(NULL);
    size_t per_pool = (RC_POOL_SIZE - 64) / 512;
    size_t per_arena = per_pool * (RC_ARENA_SIZE / RC_POOL_SIZE);
    size_t n = per_arena + per_arena / 2;
    void **p = malloc(n * sizeof *p);
    for (size_t i = 0; i < n; i++)
        p[i] = rc_malloc(rt, 512);
    rc__arena *first = rc__pool_of(p[0])->arena;
    rc__arena *second = rc__pool_of(p[n - 1])->arena;
    assert_ptr_not_equal(first, second);
    /* free three quarters of the first arena: it now has more free pools */
    size_t drained = per_arena * 3 / 4;
    for (size_t i = 0; i < drained; i++)
        rc_free(rt, p[i], 512);
    /* fill the second arena's free pools first (it is fuller) */
    void *q = rc_malloc(rt, 300);
    assert_ptr_equal(rc__pool_of(q)->arena, second);
    rc_free(rt, q, 300);
    for (size_t i = drained; i < n; i++)
        rc_free(rt, p[i], 512);
    free(p);
    rc_runtime_free(rt);
}

static void heap_limit_refuses_with_enomem(void **state) {
    (void)state;
    rc_config c = rc_config_default();
    c.heap_limit = 4 * RC_ARENA_SIZE;
    rc_runtime *rt = rc_runtime_new(&c);
    size_t cap = 100000, n = 0;
    void **p = malloc(cap * sizeof *p);
    while (n < cap && (p[n] = rc_malloc(rt, 256)))
        n++;
    assert_true(n < cap);
    assert_true(n > 10000);
    assert_int_equal(rc_last_error(rt), RC_ENOMEM);
    assert_non_null(strstr(rc_last_error_message(rt), "heap limit"));
    rc_mem_stats st = stats(rt);
    assert_true(st.bytes_held <= c.heap_limit);
    size_t headroom = c.heap_limit - st.bytes_held;
    assert_null(rc_malloc(rt, headroom + 1));
    assert_int_equal(rc_last_error(rt), RC_ENOMEM);
    for (size_t i = 0; i < n; i++)
        rc_free(rt, p[i], 256);
    /* the arenas went back, so the same request now fits */
    assert_non_null(p[0] = rc_malloc(rt, headroom + 1));
    rc_free(rt, p[0], headroom + 1);
    free(p);
    rc_runtime_free(rt);
}

static void passthrough_sends_every_block_to_the_hook(void **state) {
    (void)state;
    failing_alloc fa = {0};
    rc_config c = failing_config(&fa);
    c.passthrough = true;
    rc_runtime *rt = rc_runtime_new(&c);
    size_t before = fa.live_blocks;
    size_t large_before = stats(rt).large_blocks;
    void *p = rc_malloc(rt, 24);
    rc_object *o = rc_new(rt, &tleaf_type);
    tnode *t = tnode_new(rt);
    assert_int_equal(fa.live_blocks, before + 3);
    rc_mem_stats st = stats(rt);
    assert_int_equal(st.large_blocks, large_before + 3);
    assert_int_equal(st.arenas_current, 0);
    rc_free(rt, p, 24);
    rc_decref(o);
    rc_decref(&t->ob);
    assert_int_equal(fa.live_blocks, before);
    rc_runtime_free(rt);
    assert_int_equal(fa.live_blocks, 0);
    assert_int_equal(fa.outstanding, 0);
}

static void realloc_keeps_contents(void **state) {
    (void)state;
    rc_runtime *rt = rc_runtime_new(NULL);
    char *p = rc_realloc(rt, NULL, 0, 10);
    memcpy(p, "abcdefghij", 10);
    p = rc_realloc(rt, p, 10, 3000);
    assert_memory_equal(p, "abcdefghij", 10);
    p = rc_realloc(rt, p, 3000, 5);
    assert_memory_equal(p, "abcde", 5);
    rc_free(rt, p, 5);
    rc_runtime_free(rt);
}

/* ---------------------------------------------------------- debug mode */

static rc_runtime *debug_runtime(void) {
    rc_config c = rc_config_default();
    c.debug_alloc = true;
    return rc_runtime_new(&c);
}

static void debug_fills_new_blocks(void **state) {
    (void)state;
    rc_runtime *rt = debug_runtime();
    unsigned char *p = rc_malloc(rt, 100);
    for (int i = 0; i < 100; i++)
        assert_int_equal(p[i], 0xCD);
    unsigned char *big = rc_malloc(rt, 5000);
    for (int i = 0; i < 5000; i++)
        assert_int_equal(big[i], 0xCD);
    rc_free(rt, p, 100);
    rc_free(rt, big, 5000);
    tnode *t = tnode_new(rt); /* objects are zeroed as always */
    for (int i = 0; i < NODE_LINKS; i++)
        assert_null(t->link[i]);
    rc_decref(&t->ob);
    rc_runtime_free(rt);
}

static void overrun_raw(void *arg) {
    (void)arg;
    rc_runtime *rt = debug_runtime();
    char *p = rc_malloc(rt, 100);
    p[100] = 'x';
    rc_free(rt, p, 100);
}

typedef struct boxed {
    rc_object ob;
    char text[8];
} boxed;

static const rc_type boxed_type = {.name = "boxed", .basicsize = sizeof(boxed)};

static void overrun_object(void *arg) {
    (void)arg;
    rc_runtime *rt = debug_runtime();
    boxed *b = (boxed *)rc_new(rt, &boxed_type);
    volatile char *text = b->text;
    for (int i = 0; i < 12; i++) /* writes 4 bytes past the end */
        text[i] = 'y';
    rc_decref(&b->ob);
}

static void wrong_free_size(void *arg) {
    (void)arg;
    rc_runtime *rt = debug_runtime();
    char *p = rc_malloc(rt, 100);
    rc_free(rt, p, 90);
}

static void debug_catches_overruns(void **state) {
    (void)state;
    char err[2048];
    assert_true(run_in_child(overrun_raw, NULL, err, sizeof err));
    assert_non_null(strstr(err, "overrun"));
    assert_non_null(strstr(err, "raw block"));
    assert_true(run_in_child(overrun_object, NULL, err, sizeof err));
    assert_non_null(strstr(err, "overrun"));
    assert_non_null(strstr(err, "'boxed'"));
    assert_true(run_in_child(wrong_free_size, NULL, err, sizeof err));
    assert_non_null(strstr(err, "with size 90"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_size_round_trips),
        cmocka_unit_test(freed_blocks_are_reused_lifo),
        cmocka_unit_test(new_objects_are_zeroed_in_reused_blocks),
        cmocka_unit_test(a_full_pool_rejoins_its_ring),
        cmocka_unit_test(statistics_count_blocks_and_pools),
        cmocka_unit_test(empty_arenas_go_back_but_one),
        cmocka_unit_test(empty_arenas_kept_as_a_reserve),
        cmocka_unit_test(arenas_go_back_after_the_deallocation_run),
        cmocka_unit_test(fullest_arena_first),
        cmocka_unit_test(heap_limit_refuses_with_enomem),
        cmocka_unit_test(passthrough_sends_every_block_to_the_hook),
        cmocka_unit_test(realloc_keeps_contents),
        cmocka_unit_test(debug_fills_new_blocks),
        cmocka_unit_test(debug_catches_overruns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
