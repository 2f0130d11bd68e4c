#define _POSIX_C_SOURCE 200809L
/* test_graph.c — the graph walker (rcgc/graph.h): referents and referrers in
 * both scopes, objects by type, short reprs and link names, snapshots and
 * their differences (and the refusal across runtimes), why-alive chains
 * from roots, chains to a predicate, the DOT writer with each of
 * objgraph's options, the JSON export, refusal during a collection, code
 * that frees objects from a callback, and allocation failure at every
 * point of every operation. */
#include "support.h"

#include <rcgc/graph.h>
#include <rcgc/objects.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------- helpers */

static bool has(rc_object **objs, size_t n, const rc_object *o) {
    for (size_t i = 0; i < n; i++)
        if (objs[i] == o)
            return true;
    return false;
}

/* a -> b -> c -> d, a chain of tnodes; the caller owns only a. */
static tnode *chain4(rc_runtime *rt, tnode **b, tnode **c, tnode **d) {
    tnode *a = tnode_new(rt);
    *b = tnode_new(rt), *c = tnode_new(rt), *d = tnode_new(rt);
    tnode_set(a, 0, &(*b)->ob);
    tnode_set(*b, 0, &(*c)->ob);
    tnode_set(*c, 0, &(*d)->ob);
    rc_decref(&(*b)->ob), rc_decref(&(*c)->ob), rc_decref(&(*d)->ob);
    return a;
}

/* A type whose repr fails, one whose repr is "<tag>", one with a
 * finalizer. */
static rc_object *failing_repr(rc_object *self) {
    rc_set_error(rc_runtime_of(self), RC_EVALUE, "no repr for you");
    return NULL;
}

static rc_object *tag_repr(rc_object *self) {
    return rc_str_from_cstr(rc_runtime_of(self), "<tag>");
}

static const rc_protocol failing_protocol = {.version = RC_PROTOCOL_VERSION,
                                             .repr = failing_repr};
static const rc_protocol tag_protocol = {.version = RC_PROTOCOL_VERSION,
                                         .repr = tag_repr};
static const rc_type tfail_type = {.name = "tfail",
                                   .basicsize = sizeof(rc_object),
                                   .protocol = &failing_protocol};
static const rc_type ttag_type = {
    .name = "ttag", .basicsize = sizeof(rc_object), .protocol = &tag_protocol};

static int finalized;
static void count_finalize(rc_object *self) {
    (void)self;
    finalized++;
}

static int fnode_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    return tnode_type.traverse(self, visit, arg);
}

static const rc_type tfin_type = {.name = "tfin",
                                  .basicsize = sizeof(tnode),
                                  .flags = RC_TYPE_GC,
                                  .traverse = fnode_traverse,
                                  .clear = NULL,
                                  .finalize = count_finalize};

/* Output of a writer, collected in memory. */
typedef struct text {
    char *buf;
    size_t len;
    FILE *f;
} text;

static void text_open(text *t) {
    t->buf = NULL;
    t->len = 0;
    t->f = open_memstream(&t->buf, &t->len);
    assert_non_null(t->f);
}

static const char *text_done(text *t) {
    fflush(t->f);
    return t->buf;
}

static void text_close(text *t) {
    fclose(t->f);
    free(t->buf);
}

static size_t occurrences(const char *s, const char *what) {
    size_t n = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

/* "oADDR" as the DOT writer names a node. */
static void dot_id(const rc_object *o, char *buf, size_t cap) {
    snprintf(buf, cap, "o%lu", (unsigned long)(uintptr_t)o);
}

static bool has_edge(const char *dot, const rc_object *from,
                     const rc_object *to) {
    char a[40], b[40], line[100];
    dot_id(from, a, sizeof a);
    dot_id(to, b, sizeof b);
    snprintf(line, sizeof line, "  %s -> %s", a, b);
    return strstr(dot, line) != NULL;
}

static bool has_node(const char *dot, const rc_object *o) {
    char a[40], line[60];
    dot_id(o, a, sizeof a);
    snprintf(line, sizeof line, "  %s[label=", a);
    return strstr(dot, line) != NULL;
}

/* ------------------------------------------------ referents, referrers */

static void referents_in_traverse_order(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *a = tnode_new(rt), *b = tnode_new(rt), *c = tnode_new(rt);
    tnode_set(a, 0, &b->ob);
    tnode_set(a, 1, &b->ob);
    tnode_set(a, 3, &c->ob);
    size_t n;
    rc_object **refs = rc_graph_referents(rt, &a->ob, &n);
    assert_int_equal(n, 3);
    assert_ptr_equal(refs[0], &b->ob);
    assert_ptr_equal(refs[1], &b->ob);
    assert_ptr_equal(refs[2], &c->ob);
    assert_int_equal(rc_refcnt(&b->ob), 1 + 2 + 2); /* owner, a twice, refs */
    rc_gc_release_objects(rt, refs, n);
    assert_int_equal(rc_refcnt(&b->ob), 3);
    /* a leaf refers to nothing: NULL without an error */
    assert_null(rc_graph_referents(rt, &c->ob, &n));
    assert_int_equal(n, 0);
    assert_int_equal(rc_last_error(rt), RC_OK);
    /* a run-time type's owner comes first */
    rc_type heap_type = tnode_type;
    heap_type.name = "hnode";
    heap_type.flags |= RC_TYPE_HEAP;
    heap_type.owner = &c->ob;
    tnode *h = (tnode *)rc_new(rt, &heap_type);
    tnode_set(h, 2, &b->ob);
    refs = rc_graph_referents(rt, &h->ob, &n);
    assert_int_equal(n, 2);
    assert_ptr_equal(refs[0], &c->ob);
    assert_ptr_equal(refs[1], &b->ob);
    rc_gc_release_objects(rt, refs, n);
    char name[32];
    assert_int_equal(rc_graph_link_name(&h->ob, &c->ob, name, sizeof name), 1);
    assert_string_equal(name, "type");
    rc_decref(&h->ob);
    rc_decref(&a->ob), rc_decref(&b->ob), rc_decref(&c->ob);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
}

static void referrers_by_scope(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *c = tnode_new(rt), *a = tnode_new(rt);
    tnode *u = (tnode *)rc_new_untracked(rt, &tnode_type);
    rc_object *box = tbox_new(rt, &c->ob);
    tnode_set(a, 0, &c->ob);
    tnode_set(a, 1, &c->ob); /* twice: listed once */
    tnode_set(u, 0, &c->ob);
    size_t n;
    rc_object **refs = rc_graph_referrers(rt, &c->ob, RC_GRAPH_TRACKED, &n);
    assert_int_equal(n, 1);
    assert_ptr_equal(refs[0], &a->ob);
    rc_gc_release_objects(rt, refs, n);
    refs = rc_graph_referrers(rt, &c->ob, RC_GRAPH_ALL, &n);
    assert_int_equal(n, 2); /* the box's reference is invisible */
    assert_true(has(refs, n, &a->ob));
    assert_true(has(refs, n, &u->ob));
    assert_false(has(refs, n, box));
    rc_gc_release_objects(rt, refs, n);
    assert_null(rc_graph_referrers(rt, &c->ob, (rc_graph_scope)7, &n));
    assert_int_equal(rc_last_error(rt), RC_EINVAL);
    rc_clear_error(rt);
    rc_decref(box), rc_decref(&u->ob), rc_decref(&a->ob), rc_decref(&c->ob);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

static void objects_by_type(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *a = tnode_new(rt), *b = tnode_new(rt);
    tnode *u = (tnode *)rc_new_untracked(rt, &tnode_type);
    size_t n;
    rc_object **objs = rc_graph_objects(rt, RC_GRAPH_ALL, "tnode", &n);
    assert_int_equal(n, 3);
    assert_true(has(objs, n, &u->ob));
    rc_gc_release_objects(rt, objs, n);
    objs = rc_graph_objects(rt, RC_GRAPH_TRACKED, "tnode", &n);
    assert_int_equal(n, 2);
    assert_false(has(objs, n, &u->ob));
    rc_gc_release_objects(rt, objs, n);
    /* immortal objects are left out */
    assert_null(rc_graph_objects(rt, RC_GRAPH_ALL, "NoneType", &n));
    assert_int_equal(rc_last_error(rt), RC_OK);
    objs = rc_graph_objects(rt, RC_GRAPH_ALL, NULL, &n);
    assert_true(n >= 3);
    for (size_t i = 0; i < n; i++)
        assert_false(rc_refcnt(objs[i]) & RC_IMMORTAL);
    rc_gc_release_objects(rt, objs, n);
    rc_decref(&a->ob), rc_decref(&b->ob), rc_decref(&u->ob);
    rc_runtime_free(rt);
}

/* ------------------------------------------------ descriptions, links */

static void short_repr_cuts_and_falls_back(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_object *l = rc_list_new(rt);
    for (int i = 1; i <= 3; i++) {
        rc_object *x = rc_int_from_i64(rt, i);
        rc_list_append(l, x);
        rc_decref(x);
    }
    char buf[64];
    assert_int_equal(rc_graph_short_repr(l, buf, sizeof buf), 9);
    assert_string_equal(buf, "[1, 2, 3]");
    assert_int_equal(rc_graph_short_repr(l, buf, 8), 7);
    assert_string_equal(buf, "[1, ...");
    rc_object *s = rc_str_from_cstr(rt, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9");
    rc_graph_short_repr(s, buf, 9); /* 'éééé' is 10 bytes */
    assert_string_equal(buf, "'\xc3\xa9\xc3\xa9...");
    rc_object *f = rc_new(rt, &tfail_type);
    rc_set_error(rt, RC_EKEY, "kept");
    rc_graph_short_repr(f, buf, sizeof buf);
    assert_true(strncmp(buf, "<tfail object at 0x", 19) == 0);
    assert_int_equal(rc_last_error(rt), RC_EKEY); /* the caller's error */
    assert_string_equal(rc_last_error_message(rt), "kept");
    rc_clear_error(rt);
    rc_decref(f), rc_decref(s), rc_decref(l);
    rc_runtime_free(rt);
}

static void link_names(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_object *x = rc_list_new(rt), *k = rc_str_from_cstr(rt, "key1");
    rc_object *l = rc_list_new(rt), *d = rc_dict_new(rt);
    rc_list_append(l, k);
    rc_list_append(l, x);
    rc_dict_setitem(d, k, x);
    rc_object *t = rc_tuple_pack(rt, 2, d, x), *set = rc_set_new(rt, NULL);
    rc_set_add(set, k);
    char buf[64];
    assert_int_equal(rc_graph_link_name(l, x, buf, sizeof buf), 1);
    assert_string_equal(buf, "[1]");
    assert_int_equal(rc_graph_link_name(t, x, buf, sizeof buf), 1);
    assert_string_equal(buf, "[1]");
    assert_int_equal(rc_graph_link_name(d, x, buf, sizeof buf), 1);
    assert_string_equal(buf, "['key1']");
    assert_int_equal(rc_graph_link_name(d, k, buf, sizeof buf), 1);
    assert_string_equal(buf, "key 'key1'");
    assert_int_equal(rc_graph_link_name(set, k, buf, sizeof buf), 1);
    assert_string_equal(buf, "member");
    assert_int_equal(rc_graph_link_name(l, d, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    assert_int_equal(rc_graph_link_name(k, x, buf, sizeof buf), 0);
    rc_decref(set), rc_decref(t), rc_decref(d), rc_decref(l), rc_decref(k);
    rc_decref(x);
    rc_runtime_free(rt);
}

/* -------------------------------------------------------- snapshots */

static void snapshot_and_diff(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_snapshot *s1 = rc_snapshot_take(rt, RC_GRAPH_ALL);
    assert_non_null(s1);
    assert_null(rc_snapshot_find(s1, "tnode"));
    tnode *nodes[10];
    for (int i = 0; i < 10; i++)
        nodes[i] = tnode_new(rt);
    rc_object *l = rc_list_new(rt);
    rc_list_append(l, &nodes[0]->ob);
    rc_snapshot *s2 = rc_snapshot_take(rt, RC_GRAPH_ALL);
    const rc_snapshot_row *row = rc_snapshot_find(s2, "tnode");
    assert_non_null(row);
    assert_int_equal(row->count, 10);
    assert_int_equal(row->bytes, 10 * rc_sizeof(&nodes[0]->ob));
    for (size_t i = 1; i < rc_snapshot_rows(s2); i++) /* most first */
        assert_true(rc_snapshot_get(s2, i - 1)->count >=
                    rc_snapshot_get(s2, i)->count);
    assert_null(rc_snapshot_get(s2, rc_snapshot_rows(s2)));
    size_t c1, b1, c2, b2;
    rc_snapshot_totals(s1, &c1, &b1);
    rc_snapshot_totals(s2, &c2, &b2);
    assert_true(c2 >= c1 + 11);
    assert_int_equal(rc_snapshot_runtime(s2), rt);

    rc_snapshot_diff *d = rc_snapshot_diff_new(s1, s2);
    assert_non_null(d);
    const rc_snapshot_delta *top = rc_snapshot_diff_get(d, 0);
    assert_string_equal(top->type_name, "tnode");
    assert_int_equal(top->count, 10);
    assert_int_equal(top->count_before, 0);
    assert_int_equal(top->bytes, (ptrdiff_t)row->bytes);
    bool list_grew = false;
    for (size_t i = 0; i < rc_snapshot_diff_rows(d); i++) {
        const rc_snapshot_delta *r = rc_snapshot_diff_get(d, i);
        assert_true(r->count != 0 || r->bytes != 0);
        if (strcmp(r->type_name, "list") == 0)
            list_grew = r->count == 1 && r->bytes == (ptrdiff_t)rc_sizeof(l);
    }
    assert_true(list_grew);
    text t;
    text_open(&t);
    assert_int_equal(rc_snapshot_diff_print(d, 1, rc_graph_sink_file, t.f), 0);
    const char *out = text_done(&t);
    assert_non_null(strstr(out, "tnode"));
    assert_non_null(strstr(out, "+10"));
    assert_null(strstr(out, "list")); /* limit 1 */
    assert_non_null(strstr(out, "total"));
    text_close(&t);
    text_open(&t);
    assert_int_equal(rc_snapshot_print(s2, 0, rc_graph_sink_file, t.f), 0);
    assert_non_null(strstr(text_done(&t), "tnode"));
    text_close(&t);
    rc_snapshot_diff_free(d);

    for (int i = 0; i < 10; i++)
        rc_decref(&nodes[i]->ob);
    rc_decref(l);
    rc_snapshot *s3 = rc_snapshot_take(rt, RC_GRAPH_ALL);
    d = rc_snapshot_diff_new(s2, s3);
    rc_snapshot_free(s2); /* a diff does not need its snapshots */
    size_t last = rc_snapshot_diff_rows(d) - 1;
    assert_true(rc_snapshot_diff_get(d, last)->count < 0);
    bool shrank = false;
    for (size_t i = 0; i <= last; i++) {
        const rc_snapshot_delta *r = rc_snapshot_diff_get(d, i);
        if (strcmp(r->type_name, "tnode") == 0)
            shrank = r->count == -10 && r->count_after == 0;
    }
    assert_true(shrank);
    rc_snapshot_diff_free(d);
    rc_snapshot_free(s3);
    rc_snapshot_free(s1);
    rc_snapshot_free(NULL);
    rc_snapshot_diff_free(NULL);
    rc_runtime_free(rt);
}

static void tracked_snapshot_sees_tracked_objects(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *a = tnode_new(rt);
    tnode *u = (tnode *)rc_new_untracked(rt, &tnode_type);
    rc_object *leaf = rc_new(rt, &tleaf_type);
    rc_snapshot *s = rc_snapshot_take(rt, RC_GRAPH_TRACKED);
    assert_int_equal(rc_snapshot_find(s, "tnode")->count, 1);
    assert_null(rc_snapshot_find(s, "tleaf"));
    assert_int_equal(rc_snapshot_scope(s), RC_GRAPH_TRACKED);
    rc_snapshot *all = rc_snapshot_take(rt, RC_GRAPH_ALL);
    assert_int_equal(rc_snapshot_find(all, "tnode")->count, 2);
    assert_int_equal(rc_snapshot_find(all, "tleaf")->count, 1);
    assert_null(rc_snapshot_diff_new(s, all));
    assert_int_equal(rc_last_error(rt), RC_EINVAL);
    assert_non_null(strstr(rc_last_error_message(rt), "different scopes"));
    rc_clear_error(rt);
    rc_snapshot_free(all);
    rc_snapshot_free(s);
    rc_decref(leaf), rc_decref(&u->ob), rc_decref(&a->ob);
    rc_runtime_free(rt);
}

static void diff_across_runtimes_is_refused(void **state) {
    (void)state;
    rc_runtime *rt1 = test_runtime_new(NULL), *rt2 = test_runtime_new(NULL);
    rc_snapshot *a = rc_snapshot_take(rt1, RC_GRAPH_ALL);
    rc_snapshot *b = rc_snapshot_take(rt2, RC_GRAPH_ALL);
    assert_null(rc_snapshot_diff_new(a, b));
    assert_int_equal(rc_last_error(rt2), RC_EINVAL);
    assert_string_equal(rc_last_error_message(rt2),
                        "snapshots of different runtimes cannot be compared");
    assert_int_equal(rc_last_error(rt1), RC_OK);
    rc_snapshot_free(a);
    rc_snapshot_free(b);
    rc_runtime_free(rt1);
    rc_runtime_free(rt2);
}

/* ----------------------------------------------------------- chains */

static void why_alive_walks_back_to_a_root(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *b, *c, *d;
    tnode *a = chain4(rt, &b, &c, &d); /* the test holds a: the root */
    size_t n;
    rc_graph_chain_info info;
    rc_object **ch = rc_graph_why_alive(rt, &c->ob, 0, &n, &info);
    assert_int_equal(n, 3);
    assert_ptr_equal(ch[0], &a->ob);
    assert_ptr_equal(ch[1], &b->ob);
    assert_ptr_equal(ch[2], &c->ob);
    assert_int_equal(info.external, 1);
    assert_false(info.garbage);
    rc_gc_release_objects(rt, ch, n);
    /* holding c too makes c its own root, unless the call discounts it */
    rc_incref(&c->ob);
    ch = rc_graph_why_alive(rt, &c->ob, 0, &n, &info);
    assert_int_equal(n, 1);
    assert_ptr_equal(ch[0], &c->ob);
    assert_int_equal(info.external, 1);
    rc_gc_release_objects(rt, ch, n);
    ch = rc_graph_why_alive(rt, &c->ob, 1, &n, NULL);
    assert_int_equal(n, 3);
    rc_gc_release_objects(rt, ch, n);
    /* a shorter way from another root wins */
    tnode *e = tnode_new(rt);
    tnode_set(e, 0, &c->ob);
    ch = rc_graph_why_alive(rt, &c->ob, 1, &n, NULL);
    assert_int_equal(n, 2);
    assert_ptr_equal(ch[0], &e->ob);
    rc_gc_release_objects(rt, ch, n);
    rc_decref(&e->ob);
    rc_decref(&c->ob);
    /* garbage: only a cycle holds x */
    tnode *x = tnode_new(rt), *y = tnode_new(rt);
    tnode_set(x, 0, &y->ob);
    tnode_set(y, 0, &x->ob);
    rc_decref(&y->ob);
    ch = rc_graph_why_alive(rt, &x->ob, 1, &n, &info);
    assert_null(ch);
    assert_int_equal(n, 0);
    assert_true(info.garbage);
    assert_int_equal(rc_last_error(rt), RC_OK);
    rc_decref(&x->ob);
    assert_int_equal(rc_gc_collect(rt, 2), 2);
    rc_decref(&a->ob);
    assert_int_equal(rc_heap_check(rt), 0);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

static int is_arg(rc_object *o, void *arg) {
    return o == arg;
}

static int fails(rc_object *o, void *arg) {
    (void)arg;
    return rc_set_error(rc_runtime_of(o), RC_EVALUE, "predicate failed");
}

static void find_chain_both_ways(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *b, *c, *d;
    tnode *a = chain4(rt, &b, &c, &d);
    size_t n;
    rc_object **ch = rc_graph_find_chain(rt, &a->ob, false, RC_GRAPH_TRACKED,
                                         20, is_arg, &c->ob, NULL, 0, &n);
    assert_int_equal(n, 3);
    assert_ptr_equal(ch[0], &a->ob);
    assert_ptr_equal(ch[2], &c->ob);
    rc_gc_release_objects(rt, ch, n);
    ch = rc_graph_find_chain(rt, &d->ob, true, RC_GRAPH_TRACKED, 20, is_arg,
                             &a->ob, NULL, 0, &n);
    assert_int_equal(n, 4); /* [a, b, c, d]: each refers to the next */
    assert_ptr_equal(ch[0], &a->ob);
    assert_ptr_equal(ch[1], &b->ob);
    assert_ptr_equal(ch[3], &d->ob);
    rc_gc_release_objects(rt, ch, n);
    /* too deep, or the way ignored: nothing, and no error */
    assert_null(rc_graph_find_chain(rt, &a->ob, false, RC_GRAPH_TRACKED, 1,
                                    is_arg, &c->ob, NULL, 0, &n));
    const void *ignore[] = {b};
    assert_null(rc_graph_find_chain(rt, &a->ob, false, RC_GRAPH_TRACKED, 20,
                                    is_arg, &c->ob, ignore, 1, &n));
    assert_int_equal(rc_last_error(rt), RC_OK);
    /* the start itself may match */
    ch = rc_graph_find_chain(rt, &a->ob, false, RC_GRAPH_TRACKED, 0, is_arg,
                             &a->ob, NULL, 0, &n);
    assert_int_equal(n, 1);
    rc_gc_release_objects(rt, ch, n);
    /* a predicate's error stops the search */
    assert_null(rc_graph_find_chain(rt, &a->ob, false, RC_GRAPH_TRACKED, 20,
                                    fails, NULL, NULL, 0, &n));
    assert_int_equal(rc_last_error(rt), RC_EVALUE);
    rc_clear_error(rt);
    rc_decref(&a->ob);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* ------------------------------------------------------------- DOT */

static ptrdiff_t dot_of(rc_runtime *rt, rc_object *start,
                        const rc_graph_dot_options *o, text *t) {
    text_open(t);
    ptrdiff_t n =
        rc_graph_write_dot(rt, &start, 1, o, rc_graph_sink_file, t->f);
    text_done(t);
    return n;
}

static void dot_depth_and_defaults(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *b, *c, *d;
    tnode *a = chain4(rt, &b, &c, &d);
    rc_graph_dot_options o = rc_graph_dot_defaults();
    o.max_depth = 2;
    text t;
    assert_int_equal(dot_of(rt, &a->ob, &o, &t), 3);
    assert_true(strncmp(t.buf, "digraph ObjectGraph {\n", 22) == 0);
    char id[40], red[60];
    dot_id(&a->ob, id, sizeof id);
    snprintf(red, sizeof red, "  %s[fontcolor=red];", id);
    assert_non_null(strstr(t.buf, red));
    assert_true(has_node(t.buf, &c->ob));
    assert_false(has_node(t.buf, &d->ob));
    assert_true(has_edge(t.buf, &a->ob, &b->ob));
    assert_true(has_edge(t.buf, &b->ob, &c->ob));
    assert_false(has_edge(t.buf, &c->ob, &d->ob));
    assert_non_null(strstr(t.buf, "tnode\\n<tnode object at 0x"));
    assert_non_null(strstr(t.buf, "fillcolor=\"0,0,1\""));   /* depth 0 */
    assert_non_null(strstr(t.buf, "fillcolor=\"0,0,0.3\"")); /* depth 2 */
    assert_non_null(strstr(t.buf, "[fontcolor=white]"));
    assert_true(strcmp(t.buf + strlen(t.buf) - 2, "}\n") == 0);
    text_close(&t);
    o.max_depth = 0;
    assert_int_equal(dot_of(rt, &a->ob, &o, &t), 1);
    text_close(&t);
    /* refcounts in the default label: a is held by the test only */
    o.refcounts = true;
    assert_int_equal(dot_of(rt, &a->ob, &o, &t), 1);
    assert_non_null(strstr(t.buf, "tnode [1]\\n"));
    text_close(&t);
    rc_decref(&a->ob);
    rc_runtime_free(rt);
}

static int reject_arg(rc_object *o, void *arg) {
    return o != arg;
}

static int flags_for(rc_object *o, void *arg) {
    tnode **which = arg;
    return o == &which[0]->ob   ? (int)RC_GRAPH_NODE_HIGHLIGHT
           : o == &which[1]->ob ? (int)(RC_GRAPH_NODE_STOP | RC_GRAPH_NODE_ROOT)
                                : 0;
}

static void dot_too_many_filter_ignore(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *hub = tnode_new(rt), *kids[4];
    for (int i = 0; i < 4; i++) {
        kids[i] = tnode_new(rt);
        tnode_set(hub, i, &kids[i]->ob);
        rc_decref(&kids[i]->ob);
    }
    rc_graph_dot_options o = rc_graph_dot_defaults();
    o.too_many = 2;
    text t;
    assert_int_equal(dot_of(rt, &hub->ob, &o, &t), 3);
    assert_non_null(strstr(t.buf, "[label=\"2 more references\""));
    assert_int_equal(occurrences(t.buf, " -> "), 2);
    text_close(&t);
    o.too_many = 10;
    o.filter = reject_arg;
    o.arg = kids[1];
    const void *ignore[] = {kids[2]};
    o.ignore = ignore;
    o.nignore = 1;
    assert_int_equal(dot_of(rt, &hub->ob, &o, &t), 3);
    assert_true(has_node(t.buf, &kids[0]->ob));
    assert_false(has_node(t.buf, &kids[1]->ob));
    assert_false(has_node(t.buf, &kids[2]->ob));
    assert_true(has_edge(t.buf, &hub->ob, &kids[3]->ob));
    text_close(&t);
    /* highlight and stop */
    tnode_set(kids[3], 0, &kids[0]->ob);
    tnode *which[2] = {kids[0], kids[3]};
    o = rc_graph_dot_defaults();
    o.node_flags = flags_for;
    o.arg = which;
    assert_int_equal(dot_of(rt, &hub->ob, &o, &t), 5);
    assert_non_null(strstr(t.buf, "fillcolor=\"0.6,0.6,"));
    assert_non_null(strstr(t.buf, "fillcolor=\"0.3,1,"));
    assert_false(has_edge(t.buf, &kids[3]->ob, &kids[0]->ob));
    text_close(&t);
    rc_decref(&hub->ob);
    rc_runtime_free(rt);
}

static int my_label(rc_object *o, size_t refs, char *buf, size_t cap,
                    void *arg) {
    (void)arg;
    snprintf(buf, cap, "N \"%s\"\n%zu", o->type->name, refs);
    return 0;
}

static int my_edge(rc_object *from, rc_object *to, char *buf, size_t cap,
                   int *weight, void *arg) {
    (void)from, (void)to, (void)arg;
    snprintf(buf, cap, "via");
    *weight = 10;
    return 0;
}

static int my_attrs(rc_object *o, char *buf, size_t cap, void *arg) {
    (void)o, (void)arg;
    snprintf(buf, cap, ", URL=\"u\"");
    return 0;
}

static int failing_filter(rc_object *o, void *arg) {
    (void)arg;
    return rc_set_error(rc_runtime_of(o), RC_EVALUE, "filter failed");
}

static void dot_backrefs_and_callbacks(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *b, *c, *d;
    tnode *a = chain4(rt, &b, &c, &d);
    rc_graph_dot_options o = rc_graph_dot_defaults();
    o.backrefs = true;
    text t;
    assert_int_equal(dot_of(rt, &d->ob, &o, &t), 4);
    assert_true(has_edge(t.buf, &c->ob, &d->ob));
    assert_true(has_edge(t.buf, &a->ob, &b->ob));
    text_close(&t);
    o.label = my_label;
    o.edge_label = my_edge;
    o.node_attrs = my_attrs;
    assert_int_equal(dot_of(rt, &d->ob, &o, &t), 4);
    assert_non_null(
        strstr(t.buf, "[label=\"N \\\"tnode\\\"\\n1\", URL=\"u\"]"));
    assert_non_null(strstr(t.buf, " [label=\"via\",weight=10];"));
    text_close(&t);
    o.filter = failing_filter;
    assert_int_equal(dot_of(rt, &d->ob, &o, &t), RC_EVALUE);
    text_close(&t);
    rc_clear_error(rt);
    /* default edge names from rc_graph_link_name; a finalizer's mark */
    rc_object *l = rc_list_new(rt);
    tnode *f = (tnode *)rc_new(rt, &tfin_type);
    rc_list_append(l, &f->ob);
    o = rc_graph_dot_defaults();
    assert_int_equal(dot_of(rt, l, &o, &t), 2);
    assert_non_null(strstr(t.buf, " [label=\"[0]\"];"));
    assert_non_null(strstr(t.buf, "_has_a_del[label=\"__del__\""));
    text_close(&t);
    /* options of another size */
    o.size = 8;
    assert_int_equal(dot_of(rt, l, &o, &t), RC_EINVAL);
    text_close(&t);
    rc_clear_error(rt);
    rc_decref(&f->ob), rc_decref(l), rc_decref(&a->ob);
    rc_runtime_free(rt);
}

/* A filter that cuts the link hub -> kids[1] while the hub is expanded: the
 * kid loses its last owner but the walker holds it. */
static int cutting_filter(rc_object *o, void *arg) {
    tnode *hub = arg;
    (void)o;
    tnode_set(hub, 1, NULL);
    return 1;
}

static void callbacks_may_free_objects(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *hub = tnode_new(rt);
    for (int i = 0; i < 3; i++) {
        rc_object *k = rc_new(rt, &ttag_type);
        tnode_set(hub, i, k);
        rc_decref(k);
    }
    rc_graph_dot_options o = rc_graph_dot_defaults();
    o.filter = cutting_filter;
    o.arg = hub;
    text t;
    assert_int_equal(dot_of(rt, &hub->ob, &o, &t), 4);
    assert_non_null(strstr(t.buf, "ttag\\n<tag>"));
    text_close(&t);
    assert_int_equal(blocks_in_use(rt), 3); /* the cut kid is gone now */
    rc_decref(&hub->ob);
    rc_runtime_free(rt);
}

/* ------------------------------------------------------------ JSON */

static void json_export_has_nodes_and_edges(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *a = tnode_new(rt), *b = tnode_new(rt);
    tnode_set(a, 0, &b->ob);
    rc_object *s = rc_str_from_cstr(rt, "say \"hi\"\n");
    tnode_set(b, 0, s);
    text t;
    text_open(&t);
    ptrdiff_t n = rc_graph_write_json(rt, RC_GRAPH_TRACKED, RC_GRAPH_JSON_REPR,
                                      rc_graph_sink_file, t.f);
    const char *out = text_done(&t);
    assert_int_equal(n, 2); /* a and b: the str is not tracked */
    char ida[40], idb[40];
    snprintf(ida, sizeof ida, "\"id\": \"%p\"", (void *)a);
    snprintf(idb, sizeof idb, "\"id\": \"%p\"", (void *)b);
    const char *pa = strstr(out, ida), *pb = strstr(out, idb);
    assert_non_null(pa);
    assert_non_null(pb);
    int ia = pa < pb ? 0 : 1, ib = 1 - ia;
    char edge[20];
    snprintf(edge, sizeof edge, "[%d, %d]", ia, ib);
    assert_non_null(strstr(out, edge));
    assert_non_null(strstr(out, "\"refcnt\": 1"));
    assert_non_null(strstr(out, "\"repr\": \"<tnode object at"));
    text_close(&t);
    /* the whole heap: the str is a node, its repr escaped */
    text_open(&t);
    n = rc_graph_write_json(rt, RC_GRAPH_ALL, RC_GRAPH_JSON_REPR,
                            rc_graph_sink_file, t.f);
    out = text_done(&t);
    assert_true(n > 3);
    assert_non_null(strstr(out, "\"repr\": \"'say \\\"hi\\\"\\\\n'\""));
    assert_null(
        strstr(t.buf, "\"type\": \"NoneType\", \"size\": 16, \"refcnt"));
    text_close(&t);
    rc_decref(s), rc_decref(&b->ob), rc_decref(&a->ob);
    rc_runtime_free(rt);
}

/* ------------------------------------------- refusal, failing sinks */

static int estate_seen;
static void walk_in_finalizer(rc_object *self) {
    size_t n;
    rc_runtime *rt = rc_runtime_of(self);
    rc_object **r = rc_graph_referents(rt, self, &n);
    rc_gc_release_objects(rt, r, n);
    if (!r && rc_last_error(rt) == RC_ESTATE)
        estate_seen++;
    rc_clear_error(rt);
    rc_snapshot *s = rc_snapshot_take(rt, RC_GRAPH_ALL);
    if (!s && rc_last_error(rt) == RC_ESTATE)
        estate_seen++;
    rc_snapshot_free(s);
    rc_clear_error(rt);
}

static const rc_type twalker_type = {.name = "twalker",
                                     .basicsize = sizeof(tnode),
                                     .flags = RC_TYPE_GC,
                                     .traverse = fnode_traverse,
                                     .finalize = walk_in_finalizer};

static int failing_sink(const char *data, size_t len, void *arg) {
    (void)data, (void)len, (void)arg;
    return RC_EINVAL;
}

static void refused_during_collection_and_failing_sinks(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *w = (tnode *)rc_new(rt, &twalker_type);
    tnode_set(w, 0, &w->ob);
    rc_decref(&w->ob);
    estate_seen = 0;
    rc_gc_collect(rt, 2);
    assert_int_equal(estate_seen, 2);
    /* a sink that fails: its status, and a message */
    rc_object *l = rc_list_new(rt);
    rc_graph_dot_options o = rc_graph_dot_defaults();
    assert_int_equal(rc_graph_write_dot(rt, &l, 1, &o, failing_sink, NULL),
                     RC_EINVAL);
    assert_string_equal(rc_last_error_message(rt), "cannot write the output");
    rc_clear_error(rt);
    assert_int_equal(
        rc_graph_write_json(rt, RC_GRAPH_ALL, 0, failing_sink, NULL),
        RC_EINVAL);
    rc_clear_error(rt);
    rc_decref(l);
    rc_runtime_free(rt);
}

/* ----------------------------------------------- allocation failure */

static void s_graph(rc_runtime *rt, rc_object **o) {
    tnode *b, *c, *d;
    tnode *a = chain4(rt, &b, &c, &d);
    o[0] = rc_list_new(rt);
    rc_list_append(o[0], &a->ob);
    for (int i = 0; i < 40; i++) { /* enough objects to grow the arrays */
        rc_object *x = rc_int_from_i64(rt, 1000 + i);
        rc_object *t = rc_tuple_pack(rt, 2, x, &c->ob);
        rc_list_append(o[0], t);
        rc_decref(t), rc_decref(x);
    }
    o[1] = &a->ob;
    o[2] = &d->ob;
    rc_incref(o[2]);
}

static int array_status(rc_runtime *rt, rc_object **arr, size_t n) {
    if (!arr && rc_last_error(rt) != RC_OK)
        return rc_last_error(rt);
    rc_gc_release_objects(rt, arr, n);
    return 0;
}

static int op_referrers(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)out;
    size_t n;
    rc_object **r = rc_graph_referrers(rt, o[2], RC_GRAPH_ALL, &n);
    return array_status(rt, r, n);
}

static int op_objects(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)out, (void)o;
    size_t n;
    rc_object **r = rc_graph_objects(rt, RC_GRAPH_ALL, NULL, &n);
    return array_status(rt, r, n);
}

static int op_referents(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)out;
    size_t n;
    rc_object **r = rc_graph_referents(rt, o[0], &n);
    return array_status(rt, r, n);
}

static int op_snapshot_diff(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)out, (void)o;
    rc_snapshot *a = rc_snapshot_take(rt, RC_GRAPH_ALL);
    if (!a)
        return rc_last_error(rt);
    rc_snapshot *b = rc_snapshot_take(rt, RC_GRAPH_TRACKED);
    rc_snapshot *c = b ? rc_snapshot_take(rt, RC_GRAPH_TRACKED) : NULL;
    rc_snapshot_diff *d = c ? rc_snapshot_diff_new(b, c) : NULL;
    int r = d ? 0 : rc_last_error(rt);
    rc_snapshot_diff_free(d);
    rc_snapshot_free(c);
    rc_snapshot_free(b);
    rc_snapshot_free(a);
    return r;
}

static int op_why_alive(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)out;
    size_t n;
    rc_object **r = rc_graph_why_alive(rt, o[2], 1, &n, NULL);
    return array_status(rt, r, n);
}

static int op_find_chain(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)out;
    size_t n;
    rc_object **ch = rc_graph_find_chain(rt, o[2], true, RC_GRAPH_ALL, 20,
                                         is_arg, o[0], NULL, 0, &n);
    return array_status(rt, ch, n);
}

static int null_sink(const char *data, size_t len, void *arg) {
    (void)data, (void)len, (void)arg;
    return 0;
}

static int op_dot(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)out;
    rc_graph_dot_options opt = rc_graph_dot_defaults();
    opt.max_depth = 4;
    opt.too_many = 100;
    ptrdiff_t n = rc_graph_write_dot(rt, &o[0], 1, &opt, null_sink, NULL);
    if (n < 0)
        return (int)n;
    opt.backrefs = true;
    n = rc_graph_write_dot(rt, &o[2], 1, &opt, null_sink, NULL);
    return n < 0 ? (int)n : 0;
}

static int op_json(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)out, (void)o;
    ptrdiff_t n = rc_graph_write_json(rt, RC_GRAPH_ALL, RC_GRAPH_JSON_REPR,
                                      null_sink, NULL);
    return n < 0 ? (int)n : 0;
}

static const oom_scenario graph_scenarios[] = {
    {"referents", s_graph, op_referents, false},
    {"referrers", s_graph, op_referrers, false},
    {"objects", s_graph, op_objects, false},
    {"snapshot and diff", s_graph, op_snapshot_diff, false},
    {"why alive", s_graph, op_why_alive, false},
    {"find chain", s_graph, op_find_chain, false},
    {"dot", s_graph, op_dot, false},
    {"json", s_graph, op_json, false},
};

static void allocation_failure_once(void **state) {
    (void)state;
    oom_every_point(graph_scenarios,
                    sizeof graph_scenarios / sizeof graph_scenarios[0], false);
}

static void allocation_failure_forever(void **state) {
    (void)state;
    oom_every_point(graph_scenarios,
                    sizeof graph_scenarios / sizeof graph_scenarios[0], true);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(referents_in_traverse_order),
        cmocka_unit_test(referrers_by_scope),
        cmocka_unit_test(objects_by_type),
        cmocka_unit_test(short_repr_cuts_and_falls_back),
        cmocka_unit_test(link_names),
        cmocka_unit_test(snapshot_and_diff),
        cmocka_unit_test(tracked_snapshot_sees_tracked_objects),
        cmocka_unit_test(diff_across_runtimes_is_refused),
        cmocka_unit_test(why_alive_walks_back_to_a_root),
        cmocka_unit_test(find_chain_both_ways),
        cmocka_unit_test(dot_depth_and_defaults),
        cmocka_unit_test(dot_too_many_filter_ignore),
        cmocka_unit_test(dot_backrefs_and_callbacks),
        cmocka_unit_test(callbacks_may_free_objects),
        cmocka_unit_test(json_export_has_nodes_and_edges),
        cmocka_unit_test(refused_during_collection_and_failing_sinks),
        cmocka_unit_test(allocation_failure_once),
        cmocka_unit_test(allocation_failure_forever),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
