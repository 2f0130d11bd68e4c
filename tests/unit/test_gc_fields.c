#define _POSIX_C_SOURCE 200809L
/* test_gc_fields.c — types that declare their references as fields
 * (rc_type.refs_at, nrefs) instead of traverse and clear: get_referents
 * and the heap check read the fields; bad declarations are refused with
 * RC_EINVAL; death by reference count drops what the fields hold (chains
 * deep enough for deferred destruction included); cycles of such objects
 * are collected with the exact count, and their references to the outside
 * (to candidates the mark found reachable too) are dropped during the
 * collection while code that runs then (a dying outside object's dealloc
 * that allocates, queries, collects or drops objects) finds a consistent
 * heap; mixed garbage, weak references and SAVEALL go the ordinary way;
 * large objects, pass-through and debug allocation; whole pools of garbage
 * given back and carved again, pools shared with live or untracked objects
 * freed one object at a time; generations (a young collection respects
 * references from old objects); and random graphs, changed and collected
 * round after round, against a model of every field and count. Objects
 * outside the garbage are "mortals", whose dealloc records its death and
 * may run a hook. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* Types                                                                  */
/* ====================================================================== */

/* Two reference fields, the commonest shape. */
typedef struct fnode {
    rc_object ob;
    rc_object *ref[2];
    long tag;
} fnode;

static const rc_type fnode_type = {
    .name = "fnode",
    .basicsize = sizeof(fnode),
    .flags = RC_TYPE_GC,
    .refs_at = offsetof(fnode, ref),
    .nrefs = 2,
};

/* Three fields after a word of data (the library's loop, not the unrolled
 * one or two). */
typedef struct fnode3 {
    rc_object ob;
    long tag;
    rc_object *ref[3];
} fnode3;

static const rc_type fnode3_type = {
    .name = "fnode3",
    .basicsize = sizeof(fnode3),
    .flags = RC_TYPE_GC,
    .refs_at = offsetof(fnode3, ref),
    .nrefs = 3,
};

/* Larger than RC_SMALL_MAX: the allocator's large path. */
typedef struct fbig {
    rc_object ob;
    rc_object *ref[2];
    char payload[600];
} fbig;

static const rc_type fbig_type = {
    .name = "fbig",
    .basicsize = sizeof(fbig),
    .flags = RC_TYPE_GC,
    .refs_at = offsetof(fbig, ref),
    .nrefs = 2,
};

/* Not a GC type, with fields: never tracked, but its fields are dropped. */
static const rc_type fbox_type = {
    .name = "fbox",
    .basicsize = sizeof(fnode),
    .refs_at = offsetof(fnode, ref),
    .nrefs = 2,
};

/* Declares two fields but has a traverse that visits only the first. */
static int first_only(rc_object *self, rc_visitproc visit, void *arg) {
    rc_object *r = ((fnode *)self)->ref[0];
    return r ? visit(r, arg) : 0;
}

static int first_only_clear(rc_object *self) {
    fnode *f = (fnode *)self;
    rc_object *a = f->ref[0], *b = f->ref[1];
    f->ref[0] = f->ref[1] = NULL;
    rc_xdecref(a);
    rc_xdecref(b);
    return 0;
}

static const rc_type travfields_type = {
    .name = "travfields",
    .basicsize = sizeof(fnode),
    .flags = RC_TYPE_GC,
    .traverse = first_only,
    .clear = first_only_clear,
    .refs_at = offsetof(fnode, ref),
    .nrefs = 2,
};

/* A mortal: not GC; its dealloc counts the death and runs the hook. */
typedef struct mortal {
    rc_object ob;
    fnode *holder; /* borrowed: the object whose field held it, or NULL */
    long tag;
} mortal;

static struct {
    long deaths;
    bool check_holder;       /* look at the holder (not when deferred) */
    long holder_not_cleared; /* deaths that found a field still set */
    void (*hook)(mortal *m);
} ev;

static void mortal_dealloc(rc_object *self) {
    mortal *m = (mortal *)self;
    ev.deaths++;
    if (ev.check_holder && m->holder &&
        (m->holder->ref[0] || m->holder->ref[1]))
        ev.holder_not_cleared++;
    if (ev.hook)
        ev.hook(m);
}

static const rc_type mortal_type = {
    .name = "mortal",
    .basicsize = sizeof(mortal),
    .dealloc = mortal_dealloc,
};

static rc_object *mortal_new(rc_runtime *rt, long tag) {
    mortal *m = (mortal *)rc_new(rt, &mortal_type);
    assert_non_null(m);
    m->tag = tag;
    return &m->ob;
}

static void reset_events(void) {
    memset(&ev, 0, sizeof ev);
}

static fnode *fnode_new(rc_runtime *rt, long tag) {
    fnode *f = (fnode *)rc_new(rt, &fnode_type);
    assert_non_null(f);
    f->tag = tag;
    return f;
}

/* Stores a new reference to to in f.ref[i] (which must be empty). */
static void fset(fnode *f, int i, rc_object *to) {
    assert_null(f->ref[i]);
    rc_xincref(to);
    f->ref[i] = to;
}

/* f.ref[i] := a new mortal that knows f (as its holder). */
static void give_mortal(rc_runtime *rt, fnode *f, int i, long tag) {
    rc_object *m = mortal_new(rt, tag);
    ((mortal *)m)->holder = f;
    fset(f, i, m);
    rc_decref(m);
}

/* Makes the i-th object of a ring: a new reference to an object whose
 * two fields come first, as in fnode (it may make others besides). */
typedef fnode *(*maker)(rc_runtime *rt, size_t i);

static fnode *small_node(rc_runtime *rt, size_t i) {
    return fnode_new(rt, (long)i);
}

static fnode *big_node(rc_runtime *rt, size_t i) {
    (void)i;
    fnode *f = (fnode *)rc_new(rt, &fbig_type);
    assert_non_null(f);
    return f;
}

static fnode *every_third_big(rc_runtime *rt, size_t i) {
    return i % 3 ? small_node(rt, i) : big_node(rt, i);
}

/* A ring of n objects from make (ref[0] to the next), each holding a
 * mortal in ref[1]; nothing else refers to them. Their addresses go to
 * out (n long) if set. */
static void ring_of(rc_runtime *rt, size_t n, fnode **out, maker make) {
    fnode **nodes = out ? out : malloc(n * sizeof *nodes);
    assert_non_null(nodes);
    for (size_t i = 0; i < n; i++) {
        nodes[i] = make(rt, i);
        give_mortal(rt, nodes[i], 1, (long)i);
    }
    for (size_t i = 0; i < n; i++) /* the ring takes our references */
        nodes[i]->ref[0] = &nodes[(i + 1) % n]->ob;
    if (!out)
        free(nodes);
}

static void make_ring(rc_runtime *rt, size_t n, fnode **out) {
    ring_of(rt, n, out, small_node);
}

static size_t tracked_count(rc_runtime *rt, int g) {
    size_t n;
    rc_object **objs = rc_gc_get_objects(rt, g, &n);
    rc_gc_release_objects(rt, objs, n);
    return n;
}

/* ====================================================================== */
/* Walking the fields                                                     */
/* ====================================================================== */

static void referents_are_the_fields_in_order(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_object *a = mortal_new(rt, 1), *b = mortal_new(rt, 2);
    fnode3 *f = (fnode3 *)rc_new(rt, &fnode3_type);
    assert_non_null(f);
    f->ref[0] = b;
    f->ref[2] = a; /* ref[1] stays NULL: skipped */
    rc_object *self = &f->ob;
    size_t n;
    rc_object **refs = rc_gc_get_referents(rt, &self, 1, &n);
    assert_int_equal(n, 2);
    assert_ptr_equal(refs[0], b);
    assert_ptr_equal(refs[1], a);
    rc_gc_release_objects(rt, refs, n);

    fnode *two = fnode_new(rt, 7);
    fset(two, 1, self); /* only the second of two fields */
    rc_object *t = &two->ob;
    refs = rc_gc_get_referents(rt, &t, 1, &n);
    assert_int_equal(n, 1);
    assert_ptr_equal(refs[0], self);
    rc_gc_release_objects(rt, refs, n);

    /* a referrer is found through its fields */
    refs = rc_gc_get_referrers(rt, &self, 1, &n);
    assert_int_equal(n, 1);
    assert_ptr_equal(refs[0], t);
    rc_gc_release_objects(rt, refs, n);

    assert_int_equal(rc_heap_check(rt), 0);
    /* the heap check counts the fields: a field stored without its
     * reference is seen */
    rc_decref(self);    /* two holds the only reference now */
    two->ref[0] = self; /* misuse: no incref */
    assert_int_equal(rc_heap_check(rt), RC_EVALUE);
    two->ref[0] = NULL;
    assert_int_equal(rc_heap_check(rt), 0);
    reset_events();
    rc_decref(t);
    assert_int_equal(ev.deaths, 2); /* both mortals, through two and f */
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

static void traverse_wins_over_fields(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_object *a = mortal_new(rt, 1), *b = mortal_new(rt, 2);
    fnode *f = (fnode *)rc_new(rt, &travfields_type);
    assert_non_null(f);
    f->ref[0] = a;
    f->ref[1] = b;
    rc_object *self = &f->ob;
    size_t n;
    rc_object **refs = rc_gc_get_referents(rt, &self, 1, &n);
    assert_int_equal(n, 1);
    assert_ptr_equal(refs[0], a);
    rc_gc_release_objects(rt, refs, n);
    assert_int_equal(rc_heap_check(rt), 0);
    reset_events();
    rc_decref(self);
    assert_int_equal(ev.deaths, 2); /* its own clear dropped both */

    /* fields that would be refused are ignored when traverse is set */
    rc_type odd = travfields_type;
    odd.refs_at = 3;
    odd.nrefs = 1000;
    rc_object *o = rc_new(rt, &odd);
    assert_non_null(o);
    rc_decref(o);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Declarations that are refused                                          */
/* ====================================================================== */

static void refused(rc_runtime *rt, const rc_type *t) {
    rc_clear_error(rt);
    assert_null(rc_new(rt, t));
    assert_int_equal(rc_last_error(rt), RC_EINVAL);
    assert_non_null(strstr(rc_last_error_message(rt), t->name));
    rc_clear_error(rt);
    assert_null(rc_new_var(rt, t, 3));
    assert_int_equal(rc_last_error(rt), RC_EINVAL);
    rc_clear_error(rt);
    assert_null(rc_new_untracked(rt, t));
    assert_int_equal(rc_last_error(rt), RC_EINVAL);
    assert_true(strlen(rc_last_error_message(rt)) > 0);
    rc_clear_error(rt);
    assert_null(rc_new_var_untracked(rt, t, 1));
    assert_int_equal(rc_last_error(rt), RC_EINVAL);
}

static void bad_declarations_are_refused(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    const rc_type *bases[] = {&fnode_type, &fbox_type};
    for (int k = 0; k < 2; k++) {
        rc_type t = *bases[k];
        t.name = k ? "badbox" : "badnode";
        t.refs_at = 8; /* inside the header */
        refused(rt, &t);
        t.refs_at = 20; /* not pointer-aligned */
        refused(rt, &t);
        t.refs_at = sizeof(rc_object);
        t.nrefs = 4; /* one field past basicsize (40 bytes) */
        refused(rt, &t);
        t.nrefs = UINT32_MAX; /* the size overflows 32 bits */
        refused(rt, &t);
        t.refs_at = UINT32_MAX - 7; /* aligned, far beyond */
        t.nrefs = 1;
        refused(rt, &t);
        /* the last field ending exactly at basicsize is fine */
        t.refs_at = (uint32_t)(sizeof(fnode) - sizeof(rc_object *));
        t.nrefs = 1;
        rc_object *o = rc_new(rt, &t);
        assert_non_null(o);
        rc_decref(o);
        /* no fields: refs_at is not looked at */
        t.refs_at = 3;
        t.nrefs = 0;
        o = rc_new(rt, &t);
        assert_non_null(o);
        rc_decref(o);
    }
    assert_int_equal(blocks_in_use(rt), 0);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Death by reference count                                               */
/* ====================================================================== */

static void refcount_death_drops_the_fields(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    const rc_type *types[] = {&fnode_type, &fbox_type};
    for (int k = 0; k < 2; k++) {
        reset_events();
        ev.check_holder = true;
        fnode *f = (fnode *)rc_new(rt, types[k]);
        assert_non_null(f);
        assert_int_equal(rc_gc_is_tracked(&f->ob), k == 0);
        give_mortal(rt, f, 0, 1);
        give_mortal(rt, f, 1, 2);
        rc_decref(&f->ob);
        assert_int_equal(ev.deaths, 2);
        assert_int_equal(ev.holder_not_cleared, 0); /* NULLed first */
        assert_int_equal(blocks_in_use(rt), 0);
    }
    rc_runtime_free(rt);
}

/* A chain of n objects of type t (ref[0] to the next) ending in a mortal;
 * returns the head (the only reference). */
static rc_object *chain(rc_runtime *rt, const rc_type *t, size_t n) {
    rc_object *next = mortal_new(rt, -1);
    for (size_t i = 0; i < n; i++) {
        fnode *f = (fnode *)rc_new(rt, t);
        assert_non_null(f);
        f->tag = (long)i;
        f->ref[0] = next; /* steals */
        next = &f->ob;
    }
    return next;
}

static void long_chains_die_without_deep_recursion(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    const rc_type *types[] = {&fnode_type, &fbox_type, &fbig_type};
    for (int k = 0; k < 3; k++) {
        reset_events();
        rc_object *head = chain(rt, types[k], 30000);
        assert_int_equal(blocks_in_use(rt), 30001);
        rc_decref(head);
        assert_int_equal(ev.deaths, 1);
        assert_int_equal(blocks_in_use(rt), 0);
        assert_int_equal(rc_heap_check(rt), 0);
    }
    /* an old GC chain that dies inside a young collection, when the
     * garbage that held it lets go */
    reset_events();
    rc_object *old = chain(rt, &fnode_type, 20000);
    assert_int_equal(rc_gc_collect(rt, 2), 0); /* old is in generation 2 */
    fnode *a = fnode_new(rt, 0), *b = fnode_new(rt, 1);
    fset(a, 0, &b->ob);
    fset(b, 0, &a->ob);
    a->ref[1] = old; /* steals */
    rc_decref(&a->ob);
    rc_decref(&b->ob);
    assert_int_equal(rc_gc_collect(rt, 0), 2);
    assert_int_equal(ev.deaths, 1);
    assert_int_equal(blocks_in_use(rt), 0);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Collection: fields garbage and code that runs while it is freed         */
/* ====================================================================== */

static void rings_are_collected_with_exact_counts(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    size_t sizes[] = {1, 2, 3, 64, 1000, 30000};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        reset_events();
        make_ring(rt, sizes[k], NULL);
        assert_int_equal(blocks_in_use(rt), 2 * sizes[k]);
        assert_int_equal(rc_gc_collect(rt, 2), (ptrdiff_t)sizes[k]);
        assert_int_equal(ev.deaths, (long)sizes[k]);
        assert_int_equal(blocks_in_use(rt), 0);
        assert_int_equal(tracked_count(rt, -1), 0);
        assert_int_equal(rc_heap_check(rt), 0);
    }
    /* self-loops and fields that point twice at one outsider */
    reset_events();
    fnode *s = fnode_new(rt, 0);
    rc_object *m = mortal_new(rt, 0);
    fset(s, 0, &s->ob);
    fset(s, 1, m);
    fnode3 *t = (fnode3 *)rc_new(rt, &fnode3_type);
    t->ref[0] = m; /* steals ours */
    rc_incref(m);
    t->ref[1] = m;
    rc_incref(&t->ob);
    t->ref[2] = &t->ob;
    rc_decref(&s->ob);
    rc_decref(&t->ob);
    assert_int_equal(rc_refcnt(m), 3);
    assert_int_equal(rc_gc_collect(rt, 2), 2);
    assert_int_equal(ev.deaths, 1);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* What the hook of a dying mortal does while a collection frees fields
 * garbage: the members' addresses, and objects to make or drop. */
#define MAX_MEMBERS 4096
static struct {
    rc_runtime *rt;
    fnode *members[MAX_MEMBERS];
    size_t nmembers;
    rc_object *made[MAX_MEMBERS]; /* new objects made by hooks */
    size_t nmade;
    rc_object *victims[MAX_MEMBERS]; /* objects hooks drop (owned) */
    size_t nvictims;
    long runs, member_listed, collect_nonzero, check_not_estate;
    long per_hook; /* new fnodes each hook makes */
} hk;

static int by_address(const void *a, const void *b) {
    uintptr_t x = (uintptr_t) * (fnode *const *)a;
    uintptr_t y = (uintptr_t) * (fnode *const *)b;
    return (x > y) - (x < y);
}

/* Sorts hk.members for is_member (their order is not needed after). */
static void members_sorted(void) {
    qsort(hk.members, hk.nmembers, sizeof hk.members[0], by_address);
}

static bool is_member(const rc_object *o) {
    fnode *key = (fnode *)(uintptr_t)o;
    return bsearch(&key, hk.members, hk.nmembers, sizeof hk.members[0],
                   by_address) != NULL;
}

static void query_during_the_phase(rc_runtime *rt);

static void busy_hook(mortal *m) {
    (void)m;
    rc_runtime *rt = hk.rt;
    if (hk.runs++ % 16 == 0)
        query_during_the_phase(rt);
    /* new fields objects of the members' size: some land in their pools */
    for (long i = 0; i < hk.per_hook && hk.nmade < MAX_MEMBERS; i++) {
        fnode *f = fnode_new(rt, 1000000 + (long)hk.nmade);
        hk.made[hk.nmade++] = &f->ob;
    }
    /* drop an object that shares pools with the members */
    if (hk.nvictims)
        rc_decref(hk.victims[--hk.nvictims]);
}

static void query_during_the_phase(rc_runtime *rt) {
    /* the dying members are in no generation */
    size_t n;
    rc_object **objs = rc_gc_get_objects(rt, -1, &n);
    for (size_t i = 0; i < n; i++)
        hk.member_listed += is_member(objs[i]);
    rc_gc_release_objects(rt, objs, n);
    for (int g = 0; g < 3; g++) {
        objs = rc_gc_get_objects(rt, g, &n);
        for (size_t i = 0; i < n; i++)
            hk.member_listed += is_member(objs[i]);
        rc_gc_release_objects(rt, objs, n);
    }
    hk.collect_nonzero += rc_gc_collect(rt, 2) != 0;
    hk.check_not_estate += rc_heap_check(rt) != RC_ESTATE;
    rc_clear_error(rt);
}

static void hook_setup(rc_runtime *rt, long per_hook) {
    memset(&hk, 0, sizeof hk);
    hk.rt = rt;
    hk.per_hook = per_hook;
    reset_events();
    ev.hook = busy_hook;
}

static void hook_teardown(rc_runtime *rt) {
    for (size_t i = 0; i < hk.nmade; i++) {
        fnode *f = (fnode *)hk.made[i];
        assert_int_equal(f->tag, 1000000 + (long)i);
        assert_int_equal(rc_refcnt(&f->ob), 1);
        assert_true(rc_gc_is_tracked(&f->ob));
        rc_decref(&f->ob);
    }
    while (hk.nvictims)
        rc_decref(hk.victims[--hk.nvictims]);
    ev.hook = NULL;
    (void)rt;
}

static void code_run_by_outside_deaths_finds_a_consistent_heap(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    size_t sizes[] = {3, 300, 3000};
    for (size_t k = 0; k < 3; k++) {
        size_t n = sizes[k];
        hook_setup(rt, k == 2 ? 1 : 5);
        /* members and victims interleaved, so that they share pools */
        make_ring(rt, n, hk.members);
        hk.nmembers = n;
        members_sorted();
        for (size_t i = 0; i < n / 3; i++)
            hk.victims[hk.nvictims++] = &fnode_new(rt, -(long)i)->ob;
        /* younger live objects that must not be touched */
        fnode *keep = fnode_new(rt, 42);
        give_mortal(rt, keep, 1, 42);
        assert_int_equal(rc_gc_collect(rt, 2), (ptrdiff_t)n);
        assert_int_equal(hk.runs, (long)n);
        assert_int_equal(ev.deaths, (long)n);
        assert_int_equal(hk.member_listed, 0);
        assert_int_equal(hk.collect_nonzero, 0);
        assert_int_equal(hk.check_not_estate, 0);
        assert_int_equal(rc_heap_check(rt), 0);
        /* everything made during the phase is tracked, in generation 0 */
        assert_int_equal(tracked_count(rt, 0), hk.nmade);
        assert_int_equal(keep->tag, 42);
        assert_int_equal(((mortal *)keep->ref[1])->tag, 42);
        hook_teardown(rt);
        assert_int_equal(tracked_count(rt, -1), 1);
        rc_decref(&keep->ob);
        assert_int_equal(blocks_in_use(rt), 0);
    }
    rc_runtime_free(rt);
}

/* A member, then a live pool-mate for the hook to drop. */
static fnode *member_and_victim(rc_runtime *rt, size_t i) {
    fnode *f = small_node(rt, i);
    hk.victims[hk.nvictims++] = &fnode_new(rt, -1)->ob;
    return f;
}

/* The hook makes the members' pools hold nothing but members (it drops
 * every live pool-mate), so whole pools are freed after code ran. */
static void victims_dropped_during_the_phase(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    hook_setup(rt, 0);
    size_t n = 2000;
    ring_of(rt, n, hk.members, member_and_victim);
    hk.nmembers = n;
    members_sorted();
    assert_int_equal(rc_gc_collect(rt, 2), (ptrdiff_t)n);
    assert_int_equal(hk.nvictims, 0);
    assert_int_equal(ev.deaths, (long)n);
    assert_int_equal(rc_heap_check(rt), 0);
    assert_int_equal(blocks_in_use(rt), 0);
    hook_teardown(rt);
    /* the same size again, carved from the pools given back */
    make_ring(rt, 3 * n, NULL);
    assert_int_equal(rc_heap_check(rt), 0);
    reset_events();
    assert_int_equal(rc_gc_collect(rt, 2), (ptrdiff_t)(3 * n));
    assert_int_equal(ev.deaths, (long)(3 * n));
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* An outsider's death makes more fields garbage, which the next collection
 * takes the same way. */
static void garbage_made_during_the_phase_is_collected_next(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    hook_setup(rt, 2);
    make_ring(rt, 500, hk.members);
    hk.nmembers = 500;
    members_sorted();
    assert_int_equal(rc_gc_collect(rt, 2), 500);
    assert_int_equal(hk.nmade, 1000);
    /* link the new objects into pairs and let them go */
    for (size_t i = 0; i + 1 < hk.nmade; i += 2) {
        fnode *a = (fnode *)hk.made[i], *b = (fnode *)hk.made[i + 1];
        fset(a, 0, &b->ob);
        fset(b, 0, &a->ob);
        rc_decref(&a->ob);
        rc_decref(&b->ob);
    }
    hk.nmade = 0;
    ev.hook = NULL;
    assert_int_equal(rc_gc_collect(rt, 0), 1000);
    assert_int_equal(blocks_in_use(rt), 0);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* The ordinary way: mixed garbage, weak references, SAVEALL              */
/* ====================================================================== */

static long wcalls;
static void on_wref(rc_object *w, void *arg) {
    (void)arg;
    assert_null(rc_weakref_get(w));
    wcalls++;
}

static void mixed_garbage_and_weakrefs_are_collected(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    /* fnode -> tnode -> fnode3 -> fnode, each with a mortal */
    reset_events();
    fnode *a = fnode_new(rt, 1);
    tnode *b = tnode_new(rt);
    fnode3 *c = (fnode3 *)rc_new(rt, &fnode3_type);
    give_mortal(rt, a, 1, 1);
    rc_object *mb = mortal_new(rt, 2), *mc = mortal_new(rt, 3);
    tnode_set(b, 1, mb);
    c->ref[1] = mc; /* steals */
    rc_decref(mb);
    fset(a, 0, &b->ob);
    tnode_set(b, 0, &c->ob);
    rc_incref(&a->ob);
    c->ref[2] = &a->ob;
    rc_decref(&a->ob);
    rc_decref(&b->ob);
    rc_decref(&c->ob);
    assert_int_equal(rc_gc_collect(rt, 2), 3);
    assert_int_equal(ev.deaths, 3);
    assert_int_equal(blocks_in_use(rt), 0);
    assert_int_equal(rc_heap_check(rt), 0);

    /* a weak reference to a member of a fields ring */
    reset_events();
    wcalls = 0;
    fnode *ring[8];
    make_ring(rt, 8, ring);
    rc_object *w = rc_weakref_new(rt, &ring[3]->ob, on_wref, NULL);
    assert_non_null(w);
    assert_int_equal(rc_gc_collect(rt, 2), 8);
    assert_int_equal(wcalls, 1);
    assert_int_equal(ev.deaths, 8);
    assert_null(rc_weakref_get(w));
    rc_decref(w);
    assert_int_equal(blocks_in_use(rt), 0);
    assert_int_equal(rc_heap_check(rt), 0);

    /* weak references without a callback: one held from outside, one
     * inside the ring (a member itself, to another member) */
    reset_events();
    make_ring(rt, 8, ring);
    w = rc_weakref_new(rt, &ring[5]->ob, NULL, NULL);
    assert_non_null(w);
    rc_object *inner = rc_weakref_new(rt, &ring[1]->ob, NULL, NULL);
    assert_non_null(inner);
    rc_object *m = ring[2]->ref[1];
    ring[2]->ref[1] = inner; /* steals; the mortal goes */
    rc_decref(m);
    assert_int_equal(rc_weakref_count(&ring[1]->ob), 1);
    assert_int_equal(rc_gc_collect(rt, 2), 9);
    assert_int_equal(ev.deaths, 8);
    assert_null(rc_weakref_get(w));
    assert_int_equal(rc_heap_check(rt), 0);
    rc_decref(w);
    assert_int_equal(blocks_in_use(rt), 0);
    /* a weakref to an object that the garbage drops */
    reset_events();
    make_ring(rt, 4, ring);
    w = rc_weakref_new(rt, ring[0]->ref[1], on_wref, NULL);
    wcalls = 0;
    assert_int_equal(rc_gc_collect(rt, 2), 4);
    assert_int_equal(ev.deaths, 4);
    assert_int_equal(wcalls, 1);
    assert_null(rc_weakref_get(w));
    rc_decref(w);
    assert_int_equal(blocks_in_use(rt), 0);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
}

static void saveall_keeps_fields_garbage(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    reset_events();
    fnode *ring[5];
    make_ring(rt, 5, ring);
    rc_gc_set_debug(rt, RC_DEBUG_SAVEALL);
    assert_int_equal(rc_gc_collect(rt, 2), 5);
    assert_int_equal(ev.deaths, 0);
    assert_int_equal(rc_gc_garbage_count(rt), 5);
    for (size_t i = 0; i < 5; i++) {
        bool found = false;
        for (size_t j = 0; j < 5; j++)
            found |= rc_gc_garbage_item(rt, i) == &ring[j]->ob;
        assert_true(found);
    }
    for (size_t j = 0; j < 5; j++) {
        assert_int_equal(ring[j]->tag, (long)j);
        assert_non_null(ring[j]->ref[1]);
    }
    assert_int_equal(rc_heap_check(rt), 0);
    rc_gc_set_debug(rt, 0);
    rc_gc_garbage_clear(rt);
    assert_int_equal(rc_gc_collect(rt, 2), 5);
    assert_int_equal(ev.deaths, 5);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Allocator modes                                                        */
/* ====================================================================== */

static void large_passthrough_and_debug_alloc(void **state) {
    (void)state;
    for (int mode = 0; mode < 3; mode++) {
        rc_config cfg = rc_config_default();
        cfg.passthrough = mode == 1;
        cfg.debug_alloc = mode == 2;
        rc_runtime *rt = test_runtime_new(&cfg);
        rc_gc_disable(rt);
        reset_events();
        /* rings of small objects alone, then with large ones */
        make_ring(rt, 700, NULL);
        assert_int_equal(rc_gc_collect(rt, 2), 700);
        assert_int_equal(ev.deaths, 700);
        assert_int_equal(blocks_in_use(rt), 0);
        reset_events();
        ring_of(rt, 300, NULL, every_third_big);
        assert_int_equal(rc_gc_collect(rt, 2), 300);
        assert_int_equal(ev.deaths, 300);
        assert_int_equal(blocks_in_use(rt), 0);
        /* a ring of large objects alone */
        reset_events();
        ring_of(rt, 50, NULL, big_node);
        assert_int_equal(rc_gc_collect(rt, 2), 50);
        assert_int_equal(ev.deaths, 50);
        assert_int_equal(blocks_in_use(rt), 0);
        assert_int_equal(rc_heap_check(rt), 0);
        rc_runtime_free(rt);
    }
}

/* ====================================================================== */
/* Whole pools                                                            */
/* ====================================================================== */

static size_t class_pools(const rc_runtime *rt, size_t size) {
    rc_mem_stats st = {.size = sizeof st};
    assert_int_equal(rc_mem_get_stats(rt, &st), 0);
    return st.classes[(size - 1) / 16].pools;
}

static rc_mem_stats mem_stats(const rc_runtime *rt) {
    rc_mem_stats st = {.size = sizeof st};
    assert_int_equal(rc_mem_get_stats(rt, &st), 0);
    return st;
}

/* n fnodes in pairs (a <-> b), without mortals. */
static void make_pairs(rc_runtime *rt, size_t n) {
    for (size_t i = 0; i < n; i += 2) {
        fnode *a = fnode_new(rt, (long)i), *b = fnode_new(rt, (long)i + 1);
        fset(a, 0, &b->ob);
        b->ref[0] = &a->ob; /* steals */
        rc_decref(&b->ob);
    }
}

static void whole_pools_of_garbage_are_given_back(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    size_t n = 200000; /* about 9.6 MB of 48-byte blocks: 10 arenas */
    make_pairs(rt, n);
    rc_mem_stats before = mem_stats(rt);
    assert_true(class_pools(rt, sizeof(fnode)) > 500);
    assert_int_equal(rc_gc_collect(rt, 2), (ptrdiff_t)n);
    rc_mem_stats after = mem_stats(rt);
    assert_true(class_pools(rt, sizeof(fnode)) <= 1);
    assert_true(after.arenas_current < before.arenas_current);
    assert_true(after.arenas_reclaimed > before.arenas_reclaimed);
    assert_int_equal(blocks_in_use(rt), 0);
    assert_int_equal(rc_heap_check(rt), 0);
    /* the same size again: every object distinct and intact */
    fnode **keep = malloc(n * sizeof *keep);
    assert_non_null(keep);
    for (size_t i = 0; i < n; i++) {
        keep[i] = fnode_new(rt, (long)i);
        keep[i]->ref[1] = mortal_new(rt, (long)i);
    }
    assert_int_equal(blocks_in_use(rt), 2 * n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(keep[i]->tag, (long)i);
        assert_int_equal(((mortal *)keep[i]->ref[1])->tag, (long)i);
        assert_null(keep[i]->ref[0]);
    }
    assert_int_equal(rc_heap_check(rt), 0);
    reset_events();
    for (size_t i = 0; i < n; i++)
        rc_decref(&keep[i]->ob);
    assert_int_equal(ev.deaths, (long)n);
    free(keep);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

#define SHARED 6000
static fnode *live[SHARED]; /* pool-mates of a ring's members */

/* A member, then a live pool-mate made untracked (half of them are
 * tracked then), holding a mortal. */
static fnode *member_and_live(rc_runtime *rt, size_t i) {
    fnode *f = small_node(rt, i);
    live[i] = (fnode *)rc_new_untracked(rt, &fnode_type);
    assert_non_null(live[i]);
    assert_false(rc_gc_is_tracked(&live[i]->ob));
    live[i]->tag = -(long)i;
    live[i]->ref[1] = mortal_new(rt, (long)i);
    if (i % 2)
        rc_gc_track(&live[i]->ob);
    return f;
}

/* Garbage sharing its pools with live objects (tracked, or untracked of a
 * GC type) is freed object by object: the others stay as they were. */
static void pools_shared_with_live_objects(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    size_t n = SHARED;
    ring_of(rt, n, NULL, member_and_live);
    reset_events();
    assert_int_equal(rc_gc_collect(rt, 2), (ptrdiff_t)n);
    assert_int_equal(ev.deaths, (long)n); /* the members' mortals */
    assert_int_equal(blocks_in_use(rt), 2 * n);
    assert_int_equal(rc_heap_check(rt), 0);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(live[i]->tag, -(long)i);
        assert_int_equal(rc_refcnt(&live[i]->ob), 1);
        assert_int_equal(rc_gc_is_tracked(&live[i]->ob), i % 2 == 1);
        assert_int_equal(((mortal *)live[i]->ref[1])->tag, (long)i);
    }
    /* more of the same size fill the holes; all stay distinct */
    make_ring(rt, n, NULL);
    assert_int_equal(rc_gc_collect(rt, 2), (ptrdiff_t)n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(live[i]->tag, -(long)i);
    reset_events();
    for (size_t i = 0; i < n; i++)
        rc_decref(&live[i]->ob);
    assert_int_equal(ev.deaths, (long)n);
    assert_int_equal(blocks_in_use(rt), 0);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Generations                                                            */
/* ====================================================================== */

static void young_garbage_held_by_old_objects_survives(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    fnode *old = fnode_new(rt, -1);
    assert_int_equal(rc_gc_collect(rt, 2), 0); /* old is in generation 2 */
    assert_int_equal(tracked_count(rt, 2), 1);
    reset_events();
    fnode *ring[100];
    make_ring(rt, 100, ring);
    fset(old, 0, &ring[50]->ob);
    assert_int_equal(rc_gc_collect(rt, 0), 0);
    assert_int_equal(rc_gc_collect(rt, 1), 0);
    assert_int_equal(ev.deaths, 0);
    assert_int_equal(tracked_count(rt, 2), 101);
    assert_int_equal(rc_heap_check(rt), 0);
    for (int i = 0; i < 100; i++)
        assert_int_equal(ring[i]->tag, i);
    /* the old object lets go: a full collection frees the ring */
    rc_object *r = old->ref[0];
    old->ref[0] = NULL;
    rc_decref(r);
    assert_int_equal(rc_gc_collect(rt, 2), 100);
    assert_int_equal(ev.deaths, 100);

    /* young garbage that refers to old live objects is garbage: the old
     * ones lose those references and live on */
    reset_events();
    fnode *young[10];
    make_ring(rt, 10, young);
    for (int i = 0; i < 10; i++) {
        rc_object *m = young[i]->ref[1];
        young[i]->ref[1] = &old->ob;
        rc_incref(&old->ob);
        rc_decref(m);
    }
    assert_int_equal(ev.deaths, 10);
    assert_int_equal(rc_refcnt(&old->ob), 11);
    assert_int_equal(rc_gc_collect(rt, 0), 10);
    assert_int_equal(rc_refcnt(&old->ob), 1);
    assert_int_equal(old->tag, -1);
    assert_true(rc_gc_is_tracked(&old->ob));
    assert_int_equal(tracked_count(rt, 2), 1);
    assert_int_equal(tracked_count(rt, 0) + tracked_count(rt, 1), 0);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_decref(&old->ob);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* Garbage that refers only to members when the count runs, one of which
 * the mark then finds reachable (held from outside, or from an object it
 * holds): that reference is to the outside by the time the garbage is
 * freed, and must be dropped. Without and with another member that refers
 * to the outside from the start (a mortal). */
static void garbage_referring_to_a_survivor_drops_it(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    for (int k = 0; k < 6; k++) {
        reset_events();
        fnode *kept = fnode_new(rt, 7);  /* held by us: a root */
        fnode *inner = fnode_new(rt, 8); /* reachable through kept only */
        fset(kept, 0, &inner->ob);
        rc_decref(&inner->ob);
        fnode *a = fnode_new(rt, 1), *b = fnode_new(rt, 2);
        fset(a, 0, &b->ob);
        fset(b, 0, &a->ob);
        fset(b, 1, &kept->ob);
        fset(a, 1, &inner->ob);
        if (k >= 3) {
            fnode *c = fnode_new(rt, 3); /* a third member, with a mortal */
            fset(c, 0, &a->ob);
            give_mortal(rt, c, 1, 3);
            rc_object *x = b->ref[0]; /* b -> c -> a, instead of b -> a */
            b->ref[0] = &c->ob;
            rc_decref(x);
        }
        rc_decref(&a->ob);
        rc_decref(&b->ob);
        assert_int_equal(rc_refcnt(&kept->ob), 2);
        assert_int_equal(rc_refcnt(&inner->ob), 2);
        assert_int_equal(rc_gc_collect(rt, k % 3), k >= 3 ? 3 : 2);
        assert_int_equal(ev.deaths, k >= 3);
        assert_int_equal(rc_refcnt(&kept->ob), 1);
        assert_int_equal(rc_refcnt(&inner->ob), 1);
        assert_int_equal(inner->tag, 8);
        assert_int_equal(rc_heap_check(rt), 0);
        rc_decref(&kept->ob);
        assert_int_equal(blocks_in_use(rt), 0);
    }
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Random graphs against a model                                          */
/* ====================================================================== */

/* Random graphs of fnode3 objects and mortals, changed and collected
 * (generation 0 or 2) round after round, against a model that keeps every
 * object's fields and count: a collection must find exactly the
 * candidates no reference from outside the candidates reaches, and
 * afterwards every object the model keeps alive (by reference counting
 * from there) has its count and fields, each mortal lives or died as the
 * model says, and the allocator holds exactly the live objects. */
#define RG_MAX 6000
static struct {
    rc_object *obj[RG_MAX];
    bool is_mortal[RG_MAX], alive[RG_MAX], died[RG_MAX];
    int field[RG_MAX][3]; /* model of an fnode3's fields: index or -1 */
    size_t count[RG_MAX]; /* model of the reference count */
    bool young[RG_MAX];   /* made since the last collection */
    int n;
    uint64_t rng;
    int stack[RG_MAX];
    char mark[RG_MAX];
} rg;

static void rg_mortal_died(mortal *m) {
    if (m->tag >= 0 && m->tag < RG_MAX)
        rg.died[m->tag] = true;
}

/* One reference fewer to i in the model; deaths cascade as counting does. */
static void rg_model_decref(int i) {
    int sp = 0;
    rg.stack[sp++] = i;
    while (sp) {
        int x = rg.stack[--sp];
        if (--rg.count[x])
            continue;
        rg.alive[x] = false;
        if (rg.is_mortal[x])
            continue;
        for (int k = 0; k < 3; k++)
            if (rg.field[x][k] >= 0)
                rg.stack[sp++] = rg.field[x][k];
    }
}

static int rg_new(rc_runtime *rt, bool mortal_) {
    int i = rg.n++;
    rg.is_mortal[i] = mortal_;
    rg.alive[i] = true;
    rg.young[i] = !mortal_;
    rg.count[i] = 1; /* the caller's */
    rg.field[i][0] = rg.field[i][1] = rg.field[i][2] = -1;
    if (mortal_) {
        rg.obj[i] = mortal_new(rt, i);
    } else {
        rg.obj[i] = rc_new(rt, &fnode3_type);
        assert_non_null(rg.obj[i]);
        ((fnode3 *)rg.obj[i])->tag = i;
    }
    return i;
}

/* A random live object, or -1. */
static int rg_any(void) {
    for (int tries = 0; tries < 20; tries++) {
        int i = (int)rng_below(&rg.rng, (uint64_t)rg.n);
        if (rg.alive[i])
            return i;
    }
    return -1;
}

/* What a new object's field refers to: nothing (30%), any live object
 * (20%) or one of this round's (50%), as an index, or -1. */
static int rg_target(int first) {
    uint64_t r = rng_below(&rg.rng, 10);
    if (r < 3)
        return -1;
    if (r < 5)
        return rg_any();
    return first + (int)rng_below(&rg.rng, (uint64_t)(rg.n - first));
}

/* fnode3 i's field k := t (-1: NULL), in the model and the heap. */
static void rg_set(int i, int k, int t) {
    int old = rg.field[i][k];
    rc_object **f = &((fnode3 *)rg.obj[i])->ref[k];
    rg.field[i][k] = t;
    if (t >= 0) {
        rg.count[t]++;
        rc_incref(rg.obj[t]);
    }
    rc_object *was = *f;
    *f = t >= 0 ? rg.obj[t] : NULL;
    if (old >= 0) {
        rg_model_decref(old);
        rc_decref(was);
    }
}

/* The candidates no reference from outside them reaches. */
static size_t rg_expect_unreachable(bool young_only) {
    size_t *inner = calloc(RG_MAX, sizeof *inner);
    assert_non_null(inner);
    int sp = 0;
    for (int i = 0; i < rg.n; i++) {
        bool cand =
            rg.alive[i] && !rg.is_mortal[i] && (rg.young[i] || !young_only);
        rg.mark[i] = cand ? 1 : 0; /* 1: candidate, 2: reached */
    }
    for (int i = 0; i < rg.n; i++)
        if (rg.mark[i])
            for (int k = 0; k < 3; k++)
                if (rg.field[i][k] >= 0 && rg.mark[rg.field[i][k]])
                    inner[rg.field[i][k]]++;
    for (int i = 0; i < rg.n; i++)
        if (rg.mark[i] == 1 && rg.count[i] > inner[i]) {
            rg.mark[i] = 2;
            rg.stack[sp++] = i;
        }
    while (sp) {
        int x = rg.stack[--sp];
        for (int k = 0; k < 3; k++) {
            int t = rg.field[x][k];
            if (t >= 0 && rg.mark[t] == 1) {
                rg.mark[t] = 2;
                rg.stack[sp++] = t;
            }
        }
    }
    free(inner);
    size_t n = 0;
    for (int i = 0; i < rg.n; i++)
        n += rg.mark[i] == 1;
    return n;
}

/* The model after the collection freed the marked candidates: their
 * references to the others are dropped. */
static void rg_model_free_unreachable(void) {
    for (int i = 0; i < rg.n; i++)
        if (rg.mark[i] == 1)
            rg.alive[i] = false;
    for (int i = 0; i < rg.n; i++)
        if (rg.mark[i] == 1)
            for (int k = 0; k < 3; k++) {
                int t = rg.field[i][k];
                if (t >= 0 && rg.mark[t] != 1)
                    rg_model_decref(t);
            }
    for (int i = 0; i < rg.n; i++)
        rg.young[i] = false;
}

static void rg_check(rc_runtime *rt) {
    size_t alive = 0;
    for (int i = 0; i < rg.n; i++) {
        assert_int_equal(rg.died[i], rg.is_mortal[i] && !rg.alive[i]);
        if (!rg.alive[i])
            continue;
        alive++;
        assert_int_equal(rc_refcnt(rg.obj[i]), rg.count[i]);
        if (!rg.is_mortal[i]) {
            fnode3 *f = (fnode3 *)rg.obj[i];
            assert_int_equal(f->tag, i);
            for (int k = 0; k < 3; k++)
                assert_ptr_equal(f->ref[k], rg.field[i][k] >= 0
                                                ? rg.obj[rg.field[i][k]]
                                                : NULL);
        }
    }
    assert_int_equal(blocks_in_use(rt), alive);
    assert_int_equal(rc_heap_check(rt), 0);
}

static void random_graphs_match_the_model(void **state) {
    (void)state;
    for (int seed = 0; seed < 6 * (int)test_scale(); seed++) {
        rc_runtime *rt = test_runtime_new(NULL);
        rc_gc_disable(rt);
        memset(&rg, 0, sizeof rg);
        rg.rng = (uint64_t)seed * 1000003u + 17;
        reset_events();
        ev.hook = rg_mortal_died;
        bool *held = calloc(RG_MAX, sizeof *held);
        assert_non_null(held);
        while (rg.n < RG_MAX - 400) {
            /* new objects; fields of new and old ones to anything alive */
            int first = rg.n, made = 20 + (int)rng_below(&rg.rng, 200);
            for (int j = 0; j < made; j++)
                held[rg_new(rt, rng_below(&rg.rng, 5) == 0)] = true;
            for (int j = first; j < rg.n; j++) {
                if (rg.is_mortal[j])
                    continue;
                for (int k = 0; k < 3; k++) {
                    int t = rg_target(first);
                    if (t >= 0 && rg.alive[t])
                        rg_set(j, k, t);
                }
            }
            for (int j = 0; j < 30; j++) {
                int i = rg_any();
                if (i >= 0 && !rg.is_mortal[i] && rg.alive[i]) {
                    int t = rg_any();
                    if (t >= 0 && rg.alive[i])
                        rg_set(i, (int)rng_below(&rg.rng, 3), t);
                }
            }
            /* keep a few, let the rest go */
            for (int i = 0; i < rg.n; i++) {
                if (!held[i] || !rg.alive[i] || rng_below(&rg.rng, 8) == 0)
                    continue;
                held[i] = false;
                rg_model_decref(i);
                rc_decref(rg.obj[i]);
            }
            bool young = rng_below(&rg.rng, 3) != 0;
            ptrdiff_t expect = (ptrdiff_t)rg_expect_unreachable(young);
            assert_int_equal(rc_gc_collect(rt, young ? 0 : 2), expect);
            rg_model_free_unreachable();
            rg_check(rt);
        }
        for (int i = 0; i < rg.n; i++)
            if (held[i] && rg.alive[i]) {
                rg_model_decref(i);
                rc_decref(rg.obj[i]);
            }
        rc_gc_collect(rt, 2);
        assert_int_equal(blocks_in_use(rt), 0);
        free(held);
        ev.hook = NULL;
        rc_runtime_free(rt);
    }
}

/* The automatic collector meets fields garbage as the program makes it. */
static void automatic_collections_keep_fields_garbage_bounded(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    reset_events();
    for (int i = 0; i < 20000; i++)
        make_ring(rt, 1 + (size_t)(i % 5), NULL);
    assert_true(blocks_in_use(rt) < 4000);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_gc_collect(rt, 2);
    assert_int_equal(blocks_in_use(rt), 0);
    long rings = 0;
    for (int i = 0; i < 20000; i++)
        rings += 1 + i % 5;
    assert_int_equal(ev.deaths, rings);
    rc_runtime_free(rt);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(referents_are_the_fields_in_order),
        cmocka_unit_test(traverse_wins_over_fields),
        cmocka_unit_test(bad_declarations_are_refused),
        cmocka_unit_test(refcount_death_drops_the_fields),
        cmocka_unit_test(long_chains_die_without_deep_recursion),
        cmocka_unit_test(rings_are_collected_with_exact_counts),
        cmocka_unit_test(code_run_by_outside_deaths_finds_a_consistent_heap),
        cmocka_unit_test(victims_dropped_during_the_phase),
        cmocka_unit_test(garbage_made_during_the_phase_is_collected_next),
        cmocka_unit_test(mixed_garbage_and_weakrefs_are_collected),
        cmocka_unit_test(saveall_keeps_fields_garbage),
        cmocka_unit_test(large_passthrough_and_debug_alloc),
        cmocka_unit_test(whole_pools_of_garbage_are_given_back),
        cmocka_unit_test(pools_shared_with_live_objects),
        cmocka_unit_test(young_garbage_held_by_old_objects_survives),
        cmocka_unit_test(garbage_referring_to_a_survivor_drops_it),
        cmocka_unit_test(random_graphs_match_the_model),
        cmocka_unit_test(automatic_collections_keep_fields_garbage_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
