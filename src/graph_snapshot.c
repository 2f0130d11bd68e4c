/*
 * graph_snapshot.c — snapshots (live objects and bytes by type name) and
 * the difference of two.
 *
 * Taking one is a single walk over the scope that tallies by rc_type in
 * scratch memory, then a merge by name (two run-time types may share a
 * name; a row must outlive its type). The result is one block from
 * rc_malloc holding the header, the rows and copies of the names, so a
 * snapshot refers to nothing in the heap, and one the embedder forgets is
 * still returned to the allocator by rc_runtime_free. A diff is built the
 * same way from two snapshots of one runtime.
 *
 * Invariant: between the walk and the copy of the names no code but the
 * walker's runs (scratch memory comes from the hook), so the types tallied
 * are all alive while their names are read.
 */
#include "graph_int.h"

#include <stdio.h>
#include <stdlib.h>

struct rc_snapshot {
    rc_runtime *rt;
    size_t block; /* bytes of this block, for rc_free */
    rc_graph_scope scope;
    size_t nrows;
    size_t total_count, total_bytes;
    rc_snapshot_row rows[]; /* then the names, NUL-terminated */
};

struct rc_snapshot_diff {
    rc_runtime *rt;
    size_t block;
    size_t nrows;
    rc_snapshot_delta rows[]; /* then the names */
};

/* ====================================================================== */
/* Tallies by type                                                        */
/* ====================================================================== */

typedef struct tally {
    const char *name; /* borrowed: from the type, or from a snapshot */
    size_t count, bytes;
    size_t count2, bytes2; /* diff: the second snapshot's */
} tally;

typedef struct tallies {
    rc_runtime *rt;
    rc__gmap index; /* rc_type * -> position in t */
    tally *t;
    size_t n, cap;
} tallies;

static int tallies_add(tallies *ts, const char *name, uint32_t *at) {
    if (ts->n == ts->cap &&
        rc__graph_grow(ts->rt, (void **)&ts->t, &ts->cap, sizeof *ts->t) < 0)
        return RC_ENOMEM;
    ts->t[ts->n] = (tally){.name = name};
    *at = (uint32_t)ts->n++;
    return 0;
}

static void tallies_free(tallies *ts) {
    rc__gmap_free(&ts->index);
    if (ts->t)
        rc__hook_free(ts->rt, ts->t, ts->cap * sizeof *ts->t);
    ts->t = NULL;
    ts->n = ts->cap = 0;
}

static int tally_object(rc_object *o, void *arg) {
    tallies *ts = arg;
    if (o->refcnt & RC_IMMORTAL)
        return 0;
    uint32_t at;
    if (!rc__gmap_get(&ts->index, o->type, &at)) {
        int r = tallies_add(ts, o->type->name, &at);
        if (r < 0 || (r = rc__gmap_put(&ts->index, o->type, at)) < 0)
            return r;
    }
    ts->t[at].count++;
    ts->t[at].bytes += rc_sizeof(o);
    return 0;
}

static int by_name(const void *a, const void *b) {
    return strcmp(((const tally *)a)->name, ((const tally *)b)->name);
}

/* Sorts by name and folds rows of one name together. */
static void merge_names(tallies *ts) {
    if (!ts->n)
        return;
    qsort(ts->t, ts->n, sizeof *ts->t, by_name);
    size_t k = 0;
    for (size_t i = 1; i < ts->n; i++) {
        if (strcmp(ts->t[i].name, ts->t[k].name) == 0) {
            ts->t[k].count += ts->t[i].count;
            ts->t[k].bytes += ts->t[i].bytes;
            ts->t[k].count2 += ts->t[i].count2;
            ts->t[k].bytes2 += ts->t[i].bytes2;
        } else {
            ts->t[++k] = ts->t[i];
        }
    }
    ts->n = k + 1;
}

static size_t names_size(const tallies *ts) {
    size_t n = 0;
    for (size_t i = 0; i < ts->n; i++)
        n += strlen(ts->t[i].name) + 1;
    return n;
}

/* ====================================================================== */
/* Snapshots                                                              */
/* ====================================================================== */

static int by_count(const void *a, const void *b) {
    const rc_snapshot_row *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    if (x->bytes != y->bytes)
        return x->bytes < y->bytes ? 1 : -1;
    return strcmp(x->type_name, y->type_name);
}

/* Lays the tallies out in one block of scratch memory; the caller moves
 * it to rc_malloc memory (which may collect) once no type is needed. */
static rc_snapshot *snapshot_layout(const tallies *ts, rc_runtime *rt,
                                    rc_graph_scope scope, size_t *size) {
    *size =
        sizeof(rc_snapshot) + ts->n * sizeof(rc_snapshot_row) + names_size(ts);
    rc_snapshot *s = rc__hook_alloc(rt, *size);
    if (!s)
        return NULL;
    *s = (rc_snapshot){.rt = rt, .block = *size, .scope = scope};
    char *names = (char *)&s->rows[ts->n];
    for (size_t i = 0; i < ts->n; i++) {
        size_t len = strlen(ts->t[i].name) + 1;
        memcpy(names, ts->t[i].name, len);
        s->rows[i] = (rc_snapshot_row){names, ts->t[i].count, ts->t[i].bytes};
        s->total_count += ts->t[i].count;
        s->total_bytes += ts->t[i].bytes;
        names += len;
    }
    s->nrows = ts->n;
    qsort(s->rows, s->nrows, sizeof s->rows[0], by_count);
    return s;
}

/* Moves a block laid out in scratch memory into rc_malloc memory (which
 * may collect: no type is needed any more), pointing the names of its rows
 * (the first field of each row) into the new block. */
static void *to_heap(rc_runtime *rt, void *block, size_t size, size_t rows_at,
                     size_t nrows, size_t stride) {
    char *p = rc_malloc(rt, size);
    if (p) {
        memcpy(p, block, size);
        for (size_t i = 0; i < nrows; i++) {
            const char **name = (const char **)(p + rows_at + i * stride);
            *name = p + (*name - (const char *)block);
        }
    }
    rc__hook_free(rt, block, size);
    return p;
}

rc_snapshot *rc_snapshot_take(rc_runtime *rt, rc_graph_scope scope) {
    if (rc__graph_enter(rt) < 0)
        return NULL;
    if (scope != RC_GRAPH_TRACKED && scope != RC_GRAPH_ALL) {
        rc_set_error(rt, RC_EINVAL, "invalid graph scope %d", (int)scope);
        return NULL;
    }
    tallies ts = {.rt = rt, .index = {.rt = rt}};
    rc_snapshot *s = NULL;
    size_t size = 0;
    if (rc__graph_foreach(rt, scope, tally_object, &ts) >= 0) {
        merge_names(&ts);
        s = snapshot_layout(&ts, rt, scope, &size);
    }
    tallies_free(&ts);
    return s ? to_heap(rt, s, size, offsetof(rc_snapshot, rows), s->nrows,
                       sizeof(rc_snapshot_row))
             : NULL;
}

void rc_snapshot_free(rc_snapshot *s) {
    if (s)
        rc_free(s->rt, s, s->block);
}

rc_runtime *rc_snapshot_runtime(const rc_snapshot *s) {
    return s->rt;
}

rc_graph_scope rc_snapshot_scope(const rc_snapshot *s) {
    return s->scope;
}

size_t rc_snapshot_rows(const rc_snapshot *s) {
    return s->nrows;
}

const rc_snapshot_row *rc_snapshot_get(const rc_snapshot *s, size_t i) {
    return i < s->nrows ? &s->rows[i] : NULL;
}

const rc_snapshot_row *rc_snapshot_find(const rc_snapshot *s,
                                        const char *type_name) {
    for (size_t i = 0; i < s->nrows; i++)
        if (strcmp(s->rows[i].type_name, type_name) == 0)
            return &s->rows[i];
    return NULL;
}

void rc_snapshot_totals(const rc_snapshot *s, size_t *count, size_t *bytes) {
    if (count)
        *count = s->total_count;
    if (bytes)
        *bytes = s->total_bytes;
}

/* ====================================================================== */
/* Differences                                                            */
/* ====================================================================== */

static int by_growth(const void *a, const void *b) {
    const rc_snapshot_delta *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    if (x->bytes != y->bytes)
        return x->bytes < y->bytes ? 1 : -1;
    return strcmp(x->type_name, y->type_name);
}

static int diff_tallies(tallies *ts, const rc_snapshot *a,
                        const rc_snapshot *b) {
    uint32_t at;
    for (size_t i = 0; i < a->nrows; i++) {
        if (tallies_add(ts, a->rows[i].type_name, &at) < 0)
            return RC_ENOMEM;
        ts->t[at].count = a->rows[i].count;
        ts->t[at].bytes = a->rows[i].bytes;
    }
    for (size_t i = 0; i < b->nrows; i++) {
        if (tallies_add(ts, b->rows[i].type_name, &at) < 0)
            return RC_ENOMEM;
        ts->t[at].count2 = b->rows[i].count;
        ts->t[at].bytes2 = b->rows[i].bytes;
    }
    merge_names(ts);
    size_t k = 0; /* keep the rows that changed */
    for (size_t i = 0; i < ts->n; i++)
        if (ts->t[i].count != ts->t[i].count2 ||
            ts->t[i].bytes != ts->t[i].bytes2)
            ts->t[k++] = ts->t[i];
    ts->n = k;
    return 0;
}

static rc_snapshot_diff *diff_layout(const tallies *ts, rc_runtime *rt,
                                     size_t *size) {
    *size = sizeof(rc_snapshot_diff) + ts->n * sizeof(rc_snapshot_delta) +
            names_size(ts);
    rc_snapshot_diff *d = rc__hook_alloc(rt, *size);
    if (!d)
        return NULL;
    *d = (rc_snapshot_diff){.rt = rt, .block = *size, .nrows = ts->n};
    char *names = (char *)&d->rows[ts->n];
    for (size_t i = 0; i < ts->n; i++) {
        const tally *t = &ts->t[i];
        size_t len = strlen(t->name) + 1;
        memcpy(names, t->name, len);
        d->rows[i] = (rc_snapshot_delta){
            .type_name = names,
            .count_before = t->count,
            .count_after = t->count2,
            .bytes_before = t->bytes,
            .bytes_after = t->bytes2,
            .count = (ptrdiff_t)t->count2 - (ptrdiff_t)t->count,
            .bytes = (ptrdiff_t)t->bytes2 - (ptrdiff_t)t->bytes};
        names += len;
    }
    qsort(d->rows, d->nrows, sizeof d->rows[0], by_growth);
    return d;
}

rc_snapshot_diff *rc_snapshot_diff_new(const rc_snapshot *before,
                                       const rc_snapshot *after) {
    rc_runtime *rt = after->rt;
    if (before->rt != rt) {
        rc_set_error(rt, RC_EINVAL,
                     "snapshots of different runtimes cannot be compared");
        return NULL;
    }
    if (before->scope != after->scope) {
        rc_set_error(rt, RC_EINVAL,
                     "snapshots of different scopes cannot be compared");
        return NULL;
    }
    tallies ts = {.rt = rt, .index = {.rt = rt}};
    rc_snapshot_diff *d = NULL;
    size_t size = 0;
    if (diff_tallies(&ts, before, after) == 0)
        d = diff_layout(&ts, rt, &size);
    tallies_free(&ts);
    return d ? to_heap(rt, d, size, offsetof(rc_snapshot_diff, rows), d->nrows,
                       sizeof(rc_snapshot_delta))
             : NULL;
}

void rc_snapshot_diff_free(rc_snapshot_diff *d) {
    if (d)
        rc_free(d->rt, d, d->block);
}

size_t rc_snapshot_diff_rows(const rc_snapshot_diff *d) {
    return d->nrows;
}

const rc_snapshot_delta *rc_snapshot_diff_get(const rc_snapshot_diff *d,
                                              size_t i) {
    return i < d->nrows ? &d->rows[i] : NULL;
}

/* ====================================================================== */
/* Tables                                                                 */
/* ====================================================================== */

/* Width of the type column: the longest name shown, 5 ("total") to 60. */
static int name_width(size_t n, const char *(*name)(const void *, size_t),
                      const void *rows) {
    size_t w = 5;
    for (size_t i = 0; i < n; i++)
        if (strlen(name(rows, i)) > w)
            w = strlen(name(rows, i));
    return (int)(w > 60 ? 60 : w);
}

static const char *row_name(const void *rows, size_t i) {
    return ((const rc_snapshot_row *)rows)[i].type_name;
}

static const char *delta_name(const void *rows, size_t i) {
    return ((const rc_snapshot_delta *)rows)[i].type_name;
}

int rc_snapshot_print(const rc_snapshot *s, size_t limit, rc_graph_sink sink,
                      void *arg) {
    size_t n = limit && limit < s->nrows ? limit : s->nrows;
    int width = name_width(n, row_name, s->rows);
    rc__gtext t;
    rc__gtext_init(&t, s->rt, sink, arg);
    rc__gtext_printf(&t, "%-*s %10s %12s\n", width, "type", "objects", "bytes");
    for (size_t i = 0; i < n; i++)
        rc__gtext_printf(&t, "%-*.*s %10zu %12zu\n", width, width,
                         s->rows[i].type_name, s->rows[i].count,
                         s->rows[i].bytes);
    rc__gtext_printf(&t, "%-*s %10zu %12zu\n", width, "total", s->total_count,
                     s->total_bytes);
    return rc__gtext_finish(&t);
}

int rc_snapshot_diff_print(const rc_snapshot_diff *d, size_t limit,
                           rc_graph_sink sink, void *arg) {
    size_t n = limit && limit < d->nrows ? limit : d->nrows;
    int width = name_width(n, delta_name, d->rows);
    ptrdiff_t dc = 0, db = 0;
    for (size_t i = 0; i < d->nrows; i++)
        dc += d->rows[i].count, db += d->rows[i].bytes;
    rc__gtext t;
    rc__gtext_init(&t, d->rt, sink, arg);
    rc__gtext_printf(&t, "%-*s %10s %8s %12s %10s\n", width, "type", "objects",
                     "change", "bytes", "change");
    for (size_t i = 0; i < n; i++) {
        const rc_snapshot_delta *r = &d->rows[i];
        rc__gtext_printf(&t, "%-*.*s %10zu %+8td %12zu %+10td\n", width, width,
                         r->type_name, r->count_after, r->count, r->bytes_after,
                         r->bytes);
    }
    rc__gtext_printf(&t, "%-*s %10s %+8td %12s %+10td\n", width, "total", "",
                     dc, "", db);
    return rc__gtext_finish(&t);
}
