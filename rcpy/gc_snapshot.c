/*
 * gc_snapshot.c — gc.snapshot(): how many objects of each type are alive
 * and how many bytes they take, and what changed between two snapshots
 * (rcpy's own, beyond CPython's gc module; rcgc/graph.h does the counting).
 *
 *   s = gc.snapshot(tracked_only=False)   every live object, by type name
 *   s.rows        [(type, count, bytes)], most numerous first
 *   s.count, s.bytes, len(s), s['list'] -> (count, bytes), print(s)
 *   later.diff(earlier)                   a SnapshotDiff: what grew and
 *                                         shrank since `earlier`
 *   d.rows        [(type, count change, bytes change, count, bytes)],
 *                 most grown first; len(d), d['list'], print(d)
 *
 * Invariant: a Snapshot or SnapshotDiff object owns its rcgc snapshot and
 * frees it when it dies; neither refers to any other object, so neither is
 * tracked by the collector.
 */
#include "front.h"

#include <rcgc/graph.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct snap_obj {
    rc_object ob;
    rc_snapshot *snap;
} snap_obj;

typedef struct diff_obj {
    rc_object ob;
    rc_snapshot_diff *diff;
} diff_obj;

static void snap_dealloc(rc_object *self) {
    rc_snapshot_free(((snap_obj *)self)->snap);
}

static void diff_dealloc(rc_object *self) {
    rc_snapshot_diff_free(((diff_obj *)self)->diff);
}

/* ====================================================================== */
/* Text                                                                   */
/* ====================================================================== */

/* The table a print function writes, as a str without its last newline. */
static rc_object *table_str(rc_runtime *rt, int r, rp_membuf *m) {
    rc_object *s = NULL;
    if (r == 0) {
        size_t n = m->len && m->data[m->len - 1] == '\n' ? m->len - 1 : m->len;
        s = rc_str_from_utf8(rt, m->data ? m->data : "", n);
    }
    free(m->data);
    return s;
}

static rc_object *snap_str(rc_object *self) {
    rp_membuf m = {0};
    int r = rc_snapshot_print(((snap_obj *)self)->snap, 0, rp_membuf_sink, &m);
    return table_str(rc_runtime_of(self), r, &m);
}

static rc_object *diff_str(rc_object *self) {
    rp_membuf m = {0};
    int r =
        rc_snapshot_diff_print(((diff_obj *)self)->diff, 0, rp_membuf_sink, &m);
    return table_str(rc_runtime_of(self), r, &m);
}

static rc_object *snap_repr(rc_object *self) {
    const rc_snapshot *s = ((snap_obj *)self)->snap;
    size_t count, bytes;
    rc_snapshot_totals(s, &count, &bytes);
    return rc_str_from_format(
        rc_runtime_of(self), "<gc.Snapshot: %zu objects, %zu bytes, %zu types>",
        count, bytes, rc_snapshot_rows(s));
}

static rc_object *diff_repr(rc_object *self) {
    const rc_snapshot_diff *d = ((diff_obj *)self)->diff;
    ptrdiff_t count = 0, bytes = 0;
    for (size_t i = 0; i < rc_snapshot_diff_rows(d); i++) {
        count += rc_snapshot_diff_get(d, i)->count;
        bytes += rc_snapshot_diff_get(d, i)->bytes;
    }
    return rc_str_from_format(
        rc_runtime_of(self),
        "<gc.SnapshotDiff: %+td objects, %+td bytes, %zu types changed>", count,
        bytes, rc_snapshot_diff_rows(d));
}

/* ====================================================================== */
/* Rows                                                                   */
/* ====================================================================== */

static rc_object *snap_row(rp_interp *ip, const rc_snapshot_row *r, bool name) {
    rc_object *t = rp_str(ip, r->type_name);
    rc_object *c = t ? rc_int_from_u64(ip->rt, r->count) : NULL;
    rc_object *b = c ? rc_int_from_u64(ip->rt, r->bytes) : NULL;
    rc_object *row = !b     ? NULL
                     : name ? rc_tuple_pack(ip->rt, 3, t, c, b)
                            : rc_tuple_pack(ip->rt, 2, c, b);
    rc_xdecref(t), rc_xdecref(c), rc_xdecref(b);
    return row;
}

static rc_object *diff_row(rp_interp *ip, const rc_snapshot_delta *r,
                           bool name) {
    rc_object *v[5] = {rp_str(ip, r->type_name),
                       rc_int_from_i64(ip->rt, r->count),
                       rc_int_from_i64(ip->rt, r->bytes),
                       rc_int_from_u64(ip->rt, r->count_after),
                       rc_int_from_u64(ip->rt, r->bytes_after)};
    rc_object *row = NULL;
    if (v[0] && v[1] && v[2] && v[3] && v[4])
        row = rc_tuple_from_array(ip->rt, name ? v : v + 1, name ? 5 : 4);
    for (int i = 0; i < 5; i++)
        rc_xdecref(v[i]);
    return row;
}

static rc_object *snap_rows(rp_interp *ip, rc_object *self) {
    const rc_snapshot *s = ((snap_obj *)self)->snap;
    rc_object *list = rc_list_new(ip->rt);
    for (size_t i = 0; list && i < rc_snapshot_rows(s); i++) {
        rc_object *row = snap_row(ip, rc_snapshot_get(s, i), true);
        int r = row ? rc_list_append(list, row) : -1;
        rc_xdecref(row);
        if (r < 0) {
            rc_decref(list);
            return NULL;
        }
    }
    return list;
}

static rc_object *diff_rows(rp_interp *ip, rc_object *self) {
    const rc_snapshot_diff *d = ((diff_obj *)self)->diff;
    rc_object *list = rc_list_new(ip->rt);
    for (size_t i = 0; list && i < rc_snapshot_diff_rows(d); i++) {
        rc_object *row = diff_row(ip, rc_snapshot_diff_get(d, i), true);
        int r = row ? rc_list_append(list, row) : -1;
        rc_xdecref(row);
        if (r < 0) {
            rc_decref(list);
            return NULL;
        }
    }
    return list;
}

static rc_object *snap_total(rp_interp *ip, rc_object *self, bool bytes) {
    size_t count, size;
    rc_snapshot_totals(((snap_obj *)self)->snap, &count, &size);
    return rc_int_from_u64(ip->rt, bytes ? size : count);
}

static rc_object *snap_count(rp_interp *ip, rc_object *self) {
    return snap_total(ip, self, false);
}

static rc_object *snap_bytes(rp_interp *ip, rc_object *self) {
    return snap_total(ip, self, true);
}

static ptrdiff_t snap_len(rc_object *self) {
    return (ptrdiff_t)rc_snapshot_rows(((snap_obj *)self)->snap);
}

static ptrdiff_t diff_len(rc_object *self) {
    return (ptrdiff_t)rc_snapshot_diff_rows(((diff_obj *)self)->diff);
}

static rc_object *snap_getitem(rc_object *self, rc_object *key) {
    rp_interp *ip = rp_interp_of(self);
    const rc_snapshot_row *r =
        rc_is_str(key)
            ? rc_snapshot_find(((snap_obj *)self)->snap, rc_str_utf8(key))
            : NULL;
    if (!r) {
        rp_raise_keyerror(ip, key);
        return NULL;
    }
    return snap_row(ip, r, false);
}

static rc_object *diff_getitem(rc_object *self, rc_object *key) {
    rp_interp *ip = rp_interp_of(self);
    const rc_snapshot_diff *d = ((diff_obj *)self)->diff;
    for (size_t i = 0; rc_is_str(key) && i < rc_snapshot_diff_rows(d); i++)
        if (strcmp(rc_snapshot_diff_get(d, i)->type_name, rc_str_utf8(key)) ==
            0)
            return diff_row(ip, rc_snapshot_diff_get(d, i), false);
    rp_raise_keyerror(ip, key);
    return NULL;
}

/* ====================================================================== */
/* Types and classes                                                      */
/* ====================================================================== */

static const rc_protocol snap_protocol = {.version = RC_PROTOCOL_VERSION,
                                          .repr = snap_repr,
                                          .str = snap_str,
                                          .len = snap_len,
                                          .getitem = snap_getitem};

static const rc_protocol diff_protocol = {.version = RC_PROTOCOL_VERSION,
                                          .repr = diff_repr,
                                          .str = diff_str,
                                          .len = diff_len,
                                          .getitem = diff_getitem};

static const rc_type snap_type = {.name = "Snapshot",
                                  .basicsize = sizeof(snap_obj),
                                  .dealloc = snap_dealloc,
                                  .protocol = &snap_protocol};

static const rc_type diff_type = {.name = "SnapshotDiff",
                                  .basicsize = sizeof(diff_obj),
                                  .dealloc = diff_dealloc,
                                  .protocol = &diff_protocol};

static rc_object *snap_diff(rp_interp *ip, rc_object *self,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    if (rp_check_args(ip, "diff", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (args[0]->type != &snap_type) {
        rp_raise(ip, ip->exc.TypeError,
                 "diff() needs an earlier gc.Snapshot, not %s",
                 rc_type_name(args[0]));
        return NULL;
    }
    /* later.diff(earlier), as tracemalloc's compare_to */
    rc_snapshot_diff *d = rc_snapshot_diff_new(((snap_obj *)args[0])->snap,
                                               ((snap_obj *)self)->snap);
    if (!d)
        return NULL;
    diff_obj *o = (diff_obj *)rc_new(ip->rt, &diff_type);
    if (!o) {
        rc_snapshot_diff_free(d);
        return NULL;
    }
    o->diff = d;
    return &o->ob;
}

static const rp_methoddef snap_methods[] = {
    {"diff", snap_diff, 0,
     "later.diff(earlier): what grew and shrank since earlier."},
    {NULL, NULL, 0, NULL},
};

static const rp_getsetdef snap_getsets[] = {
    {"rows", snap_rows, NULL, "[(type, count, bytes)], most numerous first"},
    {"count", snap_count, NULL, "objects alive"},
    {"bytes", snap_bytes, NULL, "their bytes"},
    {NULL, NULL, NULL, NULL},
};

static const rp_getsetdef diff_getsets[] = {
    {"rows", diff_rows, NULL,
     "[(type, count change, bytes change, count, bytes)], most grown first"},
    {NULL, NULL, NULL, NULL},
};

rc_object *rp_gc_snapshot(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    (void)self;
    static const char *const names[] = {"tracked_only", NULL};
    static const rp_argspec spec = {"snapshot", names, 0, 1, 0};
    rc_object *a[1];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int tracked = a[0] ? rp_truth(ip, a[0]) : 0;
    if (tracked < 0)
        return NULL;
    /* taken before its object exists, so it does not count itself */
    rc_snapshot *snap =
        rc_snapshot_take(ip->rt, tracked ? RC_GRAPH_TRACKED : RC_GRAPH_ALL);
    snap_obj *o = snap ? (snap_obj *)rc_new(ip->rt, &snap_type) : NULL;
    if (!o) {
        rc_snapshot_free(snap);
        return NULL;
    }
    o->snap = snap;
    return &o->ob;
}

static int add_class(rp_interp *ip, rc_object *module, const char *name,
                     const rc_type *itype, const rp_methoddef *methods,
                     const rp_getsetdef *getsets) {
    rp_class *cls =
        rp_class_new_builtin(ip, name, itype, ip->cls.object, methods, NULL, 0);
    if (!cls || rp_class_add_getsets(ip, cls, getsets) < 0)
        return -1;
    rc_object *mod = rp_str(ip, "gc");
    if (!mod || rp_class_add_object(ip, cls, "__module__", mod) < 0)
        return -1;
    rc_incref(&cls->ob);
    return rp_module_add_object(ip, module, name, &cls->ob);
}

int rp_init_gc_snapshot(rp_interp *ip, rc_object *module) {
    if (add_class(ip, module, "Snapshot", &snap_type, snap_methods,
                  snap_getsets) < 0 ||
        add_class(ip, module, "SnapshotDiff", &diff_type, NULL, diff_getsets) <
            0)
        return -1;
    return 0;
}
