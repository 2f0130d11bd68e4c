#define _POSIX_C_SOURCE 200809L
/* test_weakref.c — weak references (seeds 002 and 003), their clearing by
 * reference counting and by the collector, callbacks and their order, the
 * unraisable hook, allocation failures, and runtime teardown. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A log of callbacks: which weakref, in which order, what get() returned. */
typedef struct cblog {
    rc_object *order[16];
    int n;
    int saw_target; /* callbacks that saw a live target: must stay 0 */
} cblog;

static void log_cb(rc_object *wr, void *arg) {
    cblog *log = arg;
    if (log->n < 16)
        log->order[log->n] = wr;
    log->n++;
    rc_object *t = rc_weakref_get(wr);
    if (t) {
        log->saw_target++;
        rc_decref(t);
    }
}

/* -------------------------------------------------------------- basics */

/* seed 002: a weak reference does not change the count; get() gives the
 * object while it lives and NULL after. */
static void weakref_does_not_change_the_count(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *a = tnode_new(rt);
    rc_object *wr = rc_weakref_new(rt, &a->ob, NULL, NULL);
    assert_non_null(wr);
    assert_true(rc_is_weakref(wr));
    assert_false(rc_is_weakref(&a->ob));
    assert_int_equal(rc_refcnt(&a->ob), 1);
    rc_object *got = rc_weakref_get(wr);
    assert_ptr_equal(got, &a->ob);
    assert_int_equal(rc_refcnt(&a->ob), 2);
    rc_decref(got);
    /* callback-less weakrefs are shared */
    rc_object *wr2 = rc_weakref_new(rt, &a->ob, NULL, NULL);
    assert_ptr_equal(wr2, wr);
    assert_int_equal(rc_weakref_count(&a->ob), 1);
    rc_decref(&a->ob); /* the object dies by reference counting */
    assert_null(rc_weakref_get(wr));
    assert_int_equal(rc_last_error(rt), RC_OK);
    rc_decref(wr2);
    rc_decref(wr);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

static void callbacks_run_newest_first(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    cblog log = {0};
    tnode *a = tnode_new(rt);
    rc_object *basic = rc_weakref_new(rt, &a->ob, NULL, NULL);
    rc_object *w1 = rc_weakref_new(rt, &a->ob, log_cb, &log);
    rc_object *w2 = rc_weakref_new(rt, &a->ob, log_cb, &log);
    rc_object *w3 = rc_weakref_new(rt, &a->ob, log_cb, &log);
    assert_ptr_not_equal(w1, w2);
    assert_int_equal(rc_weakref_count(&a->ob), 4);
    size_t n;
    rc_object **list = rc_weakref_list(rt, &a->ob, &n);
    assert_int_equal(n, 4);
    assert_ptr_equal(list[0], basic); /* the basic ref first */
    rc_gc_release_objects(rt, list, n);
    rc_decref(&a->ob);
    assert_int_equal(log.n, 3);
    assert_ptr_equal(log.order[0], w3);
    assert_ptr_equal(log.order[1], w2);
    assert_ptr_equal(log.order[2], w1);
    assert_int_equal(log.saw_target, 0);
    rc_decref(basic);
    rc_decref(w1);
    rc_decref(w2);
    rc_decref(w3);
    rc_runtime_free(rt);
}

static void a_weakref_dropped_first_detaches(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    cblog log = {0};
    tnode *a = tnode_new(rt);
    rc_object *w = rc_weakref_new(rt, &a->ob, log_cb, &log);
    rc_decref(w);
    assert_int_equal(rc_weakref_count(&a->ob), 0);
    rc_decref(&a->ob);
    assert_int_equal(log.n, 0);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

static void ten_thousand_weakrefs_on_one_object(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    enum { N = 10000 };
    cblog log = {0};
    tnode *a = tnode_new(rt);
    rc_object **w = malloc(N * sizeof *w);
    for (int i = 0; i < N; i++)
        assert_non_null(w[i] = rc_weakref_new(rt, &a->ob, log_cb, &log));
    assert_int_equal(rc_weakref_count(&a->ob), N);
    for (int i = 0; i < N; i += 2) /* half go away first */
        rc_decref(w[i]);
    assert_int_equal(rc_weakref_count(&a->ob), N / 2);
    rc_decref(&a->ob);
    assert_int_equal(log.n, N / 2);
    assert_ptr_equal(log.order[0], w[N - 1]);
    for (int i = 1; i < N; i += 2)
        rc_decref(w[i]);
    free(w);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* seed 003: a tree whose children point at their parent weakly is freed
 * by reference counting alone, with the collector disabled. */
typedef struct treenode {
    tnode node;        /* link[0..3]: children (strong) */
    rc_object *parent; /* a weakref to the parent */
} treenode;

static void treenode_dealloc(rc_object *self) {
    rc_xdecref(((treenode *)self)->parent);
    tnode_type.clear(self);
}

static void tree_with_weak_parent_links(void **state) {
    (void)state;
    rc_type tt = tnode_type;
    tt.name = "treenode";
    tt.basicsize = sizeof(treenode);
    tt.dealloc = treenode_dealloc;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    treenode *root = (treenode *)rc_new(rt, &tt);
    treenode *level[4] = {root};
    for (int depth = 0; depth < 3; depth++) {
        treenode *child = (treenode *)rc_new(rt, &tt);
        child->parent = rc_weakref_new(rt, &level[depth]->node.ob, NULL, NULL);
        tnode_set(&level[depth]->node, 0, &child->node.ob);
        rc_decref(&child->node.ob);
        level[depth + 1] = child;
    }
    rc_object *up = rc_weakref_get(level[3]->parent);
    assert_ptr_equal(up, &level[2]->node.ob);
    rc_decref(up);
    assert_int_equal(rc_refcnt(&root->node.ob), 1); /* weak links don't count */
    rc_decref(&root->node.ob);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_gc_gen_stats st[3];
    rc_gc_get_stats(rt, st);
    assert_int_equal(st[0].collections + st[1].collections + st[2].collections,
                     0);
    rc_runtime_free(rt);
}

/* ----------------------------------------------------------- collection */

static void weakref_to_cyclic_garbage_is_cleared_once(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    cblog log = {0};
    tnode *a = tnode_new(rt), *b = tnode_new(rt);
    tnode_set(a, 0, &b->ob);
    tnode_set(b, 0, &a->ob);
    rc_object *w = rc_weakref_new(rt, &a->ob, log_cb, &log);
    rc_decref(&a->ob);
    rc_decref(&b->ob);
    assert_int_equal(rc_gc_collect(rt, 2), 2);
    assert_int_equal(log.n, 1);
    assert_ptr_equal(log.order[0], w);
    assert_int_equal(log.saw_target, 0);
    assert_null(rc_weakref_get(w));
    rc_gc_collect(rt, 2);
    assert_int_equal(log.n, 1);
    rc_decref(w);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* bpo-38006: a weakref that is itself garbage is cleared without calling
 * its callback. */
static void weakref_owned_by_garbage_gets_no_callback(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    cblog log = {0};
    tnode *a = tnode_new(rt), *b = tnode_new(rt);
    tnode_set(a, 0, &b->ob);
    tnode_set(b, 0, &a->ob);
    rc_object *w = rc_weakref_new(rt, &b->ob, log_cb, &log);
    tnode_set(a, 1, w); /* the cycle owns the weakref to its own member */
    rc_decref(w);
    rc_decref(&a->ob);
    rc_decref(&b->ob);
    assert_int_equal(rc_gc_collect(rt, 2), 3);
    assert_int_equal(log.n, 0);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* A finalizer that looks through a weakref at other garbage sees NULL. The
 * weakref sits in link[1], so it is part of the garbage too. */
typedef struct peeker {
    tnode node;
    int *saw; /* -1: not run; 0: saw NULL; 1: saw an object */
} peeker;

static void peeker_finalize(rc_object *self) {
    peeker *p = (peeker *)self;
    rc_object *t = rc_weakref_get(p->node.link[1]);
    *p->saw = t != NULL;
    rc_xdecref(t);
}

static void finalizer_sees_null_through_weakref(void **state) {
    (void)state;
    rc_type pt = tnode_type;
    pt.name = "peeker";
    pt.basicsize = sizeof(peeker);
    pt.finalize = peeker_finalize;
    rc_runtime *rt = test_runtime_new(NULL);
    int saw = -1;
    peeker *p = (peeker *)rc_new(rt, &pt);
    tnode *other = tnode_new(rt);
    p->saw = &saw;
    rc_object *weak = rc_weakref_new(rt, &other->ob, NULL, NULL);
    tnode_set(&p->node, 1, weak);
    rc_decref(weak);
    tnode_set(&p->node, 0, &other->ob);
    tnode_set(other, 0, &p->node.ob);
    rc_decref(&other->ob);
    rc_decref(&p->node.ob);
    assert_int_equal(rc_gc_collect(rt, 2), 3);
    assert_int_equal(saw, 0);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* A reachable weakref's callback that brings back a neighbour of its
 * target through a reference the collector cannot see (a borrowed C
 * pointer), makes new weakrefs to garbage and runs a collection. */
typedef struct wild {
    rc_object *neighbour; /* borrowed: invisible to the collector */
    rc_object *saved;     /* where the callback resurrects it */
    rc_object *new_weak;  /* a weakref the callback makes to garbage */
    ptrdiff_t nested;     /* what the nested collection returned */
    int calls;
} wild;

static void wild_cb(rc_object *wr, void *arg) {
    (void)wr;
    wild *w = arg;
    w->calls++;
    rc_incref(w->neighbour);
    w->saved = w->neighbour;
    rc_runtime *rt = rc_runtime_of(wr);
    w->new_weak = rc_weakref_new(rt, w->neighbour, NULL, NULL);
    w->nested = rc_gc_collect(rt, 2);
    tnode *fresh = tnode_new(rt); /* allocating in a callback is fine */
    rc_decref(&fresh->ob);
}

static void callback_may_resurrect_and_collect(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *a = tnode_new(rt), *b = tnode_new(rt), *c = tnode_new(rt);
    tnode_set(a, 0, &b->ob);
    tnode_set(b, 0, &a->ob);
    tnode_set(b, 1, &c->ob); /* c: reachable from b only */
    wild w = {.neighbour = &b->ob, .nested = -1};
    rc_object *wr = rc_weakref_new(rt, &a->ob, wild_cb, &w);
    rc_decref(&a->ob);
    rc_decref(&b->ob);
    rc_decref(&c->ob);
    /* b came back, and with it what b reaches, a and c: nothing was
     * collected after all, and (as in CPython) nothing is counted */
    assert_int_equal(rc_gc_collect(rt, 2), 0);
    assert_int_equal(w.calls, 1);
    assert_int_equal(w.nested, 0);
    assert_ptr_equal(w.saved, &b->ob);
    assert_int_equal(rc_heap_check(rt), 0);
    assert_int_equal(blocks_in_use(rt) >= 4, 1);
    rc_object *back = rc_weakref_get(w.new_weak);
    assert_ptr_equal(back, &b->ob);
    rc_decref(back);
    rc_decref(w.saved);
    assert_int_equal(rc_gc_collect(rt, 2), 3);
    assert_null(rc_weakref_get(w.new_weak));
    rc_decref(w.new_weak);
    rc_decref(wr);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

static void weakrefs_to_frozen_objects(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    cblog log = {0};
    tnode *a = tnode_new(rt), *b = tnode_new(rt);
    tnode_set(a, 0, &b->ob);
    tnode_set(b, 0, &a->ob);
    rc_object *w = rc_weakref_new(rt, &a->ob, log_cb, &log);
    rc_gc_freeze(rt);
    rc_decref(&a->ob);
    rc_decref(&b->ob);
    rc_gc_collect(rt, 2); /* frozen garbage is not collected */
    assert_int_equal(log.n, 0);
    rc_object *t = rc_weakref_get(w);
    assert_ptr_equal(t, &a->ob);
    rc_decref(t);
    rc_gc_unfreeze(rt);
    assert_int_equal(rc_gc_collect(rt, 2), 2); /* we still hold the weakref */
    assert_int_equal(log.n, 1);
    rc_decref(w);
    rc_runtime_free(rt);
}

/* -------------------------------------------------------- unraisable */

typedef struct seen {
    int calls;
    rc_status status;
    char context[64];
    char message[64];
    rc_object *object;
} seen;

static void record_unraisable(rc_runtime *rt, const rc_unraisable *u,
                              void *arg) {
    (void)rt;
    seen *s = arg;
    s->calls++;
    s->status = u->status;
    s->object = u->object;
    snprintf(s->context, sizeof s->context, "%s", u->context);
    snprintf(s->message, sizeof s->message, "%s", u->message);
}

static void failing_finalize(rc_object *self) {
    rc_set_error(rc_runtime_of(self), RC_EVALUE, "boom in finalizer");
}

static void failing_cb(rc_object *wr, void *arg) {
    (void)arg;
    rc_set_error(rc_runtime_of(wr), RC_EKEY, "boom in callback");
}

static void failures_go_to_the_unraisable_hook(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    seen s = {0};
    rc_set_unraisable_hook(rt, record_unraisable, &s);
    rc_type ft = tnode_type;
    ft.finalize = failing_finalize;
    rc_set_error(rt, RC_EINDEX, "the caller's own error");
    rc_object *o = rc_new(rt, &ft);
    rc_decref(o);
    assert_int_equal(s.calls, 1);
    assert_int_equal(s.status, RC_EVALUE);
    assert_string_equal(s.context, "finalizer");
    assert_string_equal(s.message, "boom in finalizer");
    assert_ptr_equal(s.object, o);
    /* the caller's error survives */
    assert_int_equal(rc_last_error(rt), RC_EINDEX);
    assert_string_equal(rc_last_error_message(rt), "the caller's own error");
    tnode *a = tnode_new(rt);
    rc_object *w = rc_weakref_new(rt, &a->ob, failing_cb, NULL);
    rc_decref(&a->ob);
    assert_int_equal(s.calls, 2);
    assert_int_equal(s.status, RC_EKEY);
    assert_string_equal(s.context, "weakref callback");
    assert_ptr_equal(s.object, w);
    rc_decref(w);
    rc_runtime_free(rt);
}

static void default_hook_prints(void **state) {
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    rc_config c = rc_config_default();
    c.debug_stream = out;
    rc_runtime *rt = test_runtime_new(&c);
    rc_type ft = tnode_type;
    ft.finalize = failing_finalize;
    rc_decref(rc_new(rt, &ft));
    fflush(out);
    assert_non_null(
        strstr(buf, "Exception ignored in: finalizer of <tnode object at 0x"));
    assert_non_null(strstr(buf, "invalid value: boom in finalizer"));
    rc_runtime_free(rt);
    fclose(out);
    free(buf);
}

/* ---------------------------------------------------- allocation failure */

static void weakref_creation_fails_cleanly(void **state) {
    (void)state;
    for (long n = 1;; n++) {
        failing_alloc fa = {0};
        rc_config c = failing_config(&fa);
        rc_runtime *rt = test_runtime_new(&c);
        assert_non_null(rt);
        tnode *a = tnode_new(rt);
        assert_non_null(a);
        fa.fail_at = fa.calls + n;
        fa.forever = n % 2;
        cblog log = {0};
        rc_object *ws[40];
        int made = 0;
        for (int i = 0; i < 40; i++) {
            rc_object *w =
                rc_weakref_new(rt, &a->ob, i % 3 ? log_cb : NULL, &log);
            if (!w) {
                assert_int_equal(rc_last_error(rt), RC_ENOMEM);
                rc_clear_error(rt);
                continue;
            }
            ws[made++] = w;
        }
        assert_int_equal(rc_heap_check(rt), 0);
        fa.fail_at = 0;
        size_t count = rc_weakref_count(&a->ob);
        assert_true(count <= (size_t)made);
        rc_decref(&a->ob);
        for (int i = 0; i < made; i++) {
            assert_null(rc_weakref_get(ws[i]));
            rc_decref(ws[i]);
        }
        rc_runtime_free(rt);
        assert_int_equal(fa.outstanding, 0);
        if (!fa.failures)
            break;
        assert_true(n < 1000);
    }
}

/* ------------------------------------------------------------ teardown */

typedef struct fin {
    tnode node;
    int *count;
} fin;

static void fin_finalize(rc_object *self) {
    ++*((fin *)self)->count;
}

static void teardown_finalizes_and_frees_everything(void **state) {
    (void)state;
    rc_type ft = tnode_type;
    ft.name = "fin";
    ft.basicsize = sizeof(fin);
    ft.finalize = fin_finalize;
    failing_alloc fa = {0};
    rc_config c = failing_config(&fa);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    c.debug_stream = out;
    c.report_alive_at_exit = true;
    rc_runtime *rt = test_runtime_new(&c);
    int finalized = 0;
    cblog log = {0};
    /* leaked: a cycle still referenced from outside, with finalizers */
    fin *a = (fin *)rc_new(rt, &ft), *b = (fin *)rc_new(rt, &ft);
    a->count = b->count = &finalized;
    tnode_set(&a->node, 0, &b->node.ob);
    tnode_set(&b->node, 0, &a->node.ob);
    rc_decref(&b->node.ob);
    /* leaked: plain objects, one with a weakref */
    for (int i = 0; i < 3; i++)
        rc_new(rt, &tleaf_type);
    rc_object *w = rc_weakref_new(rt, &a->node.ob, log_cb, &log);
    (void)w;
    /* garbage, freed by the final collection, not reported */
    fin *g = (fin *)rc_new(rt, &ft);
    g->count = &finalized;
    tnode_set(&g->node, 0, &g->node.ob);
    rc_decref(&g->node.ob);
    assert_true(fa.outstanding > 0);
    rc_runtime_free(rt);
    assert_int_equal(finalized, 3); /* g by the collection, a and b after */
    assert_int_equal(log.n, 0);     /* weakrefs are cleared without callbacks */
    assert_int_equal(fa.outstanding, 0);
    assert_int_equal(fa.live_blocks, 0);
    fflush(out);
    assert_non_null(strstr(buf, "rcgc: 6 objects alive\n"));
    assert_non_null(strstr(buf, "           3 tleaf\n"));
    assert_non_null(strstr(buf, "           2 fin\n"));
    assert_non_null(strstr(buf, "           1 weakref\n"));
    fclose(out);
    free(buf);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(weakref_does_not_change_the_count),
        cmocka_unit_test(callbacks_run_newest_first),
        cmocka_unit_test(a_weakref_dropped_first_detaches),
        cmocka_unit_test(ten_thousand_weakrefs_on_one_object),
        cmocka_unit_test(tree_with_weak_parent_links),
        cmocka_unit_test(weakref_to_cyclic_garbage_is_cleared_once),
        cmocka_unit_test(weakref_owned_by_garbage_gets_no_callback),
        cmocka_unit_test(finalizer_sees_null_through_weakref),
        cmocka_unit_test(callback_may_resurrect_and_collect),
        cmocka_unit_test(weakrefs_to_frozen_objects),
        cmocka_unit_test(failures_go_to_the_unraisable_hook),
        cmocka_unit_test(default_hook_prints),
        cmocka_unit_test(weakref_creation_fails_cleanly),
        cmocka_unit_test(teardown_finalizes_and_frees_everything),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
