/*
 * leaks.c — `rcpy -X leaks`: what the program left alive when it ended.
 *
 * rp_leaks_begin runs right after the interpreter has started, before the
 * program: it imports objgraph (the report's own), then takes a snapshot of
 * every live object by type and remembers which objects exist. rp_leaks_report
 * runs at exit, after the atexit functions and before modules are cleared:
 * after a full collection it takes another snapshot and prints the types that
 * have more objects than at the start (count and bytes), then, for the first
 * few new objects of the program's own classes and of the builtin containers,
 * the chain of references that keeps each alive (objgraph.why_alive). A program
 * that leaves nothing behind gets one line saying so. Everything goes to
 * stderr.
 *
 * An object is "new" when its address was not in use at the start; a new
 * object that reuses a freed address passes for an old one (a heuristic:
 * counts and bytes by type are exact).
 */
#include "front.h"

#include <rcgc/graph.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHAINS_SHOWN 3 /* objects whose chains the report prints */

struct rp_leaks {
    rc_snapshot *start; /* every live object, by type, at the start */
    uintptr_t *seen;    /* addresses of the objects alive then, sorted */
    size_t nseen;
};

static int by_address(const void *a, const void *b) {
    uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
    return x < y ? -1 : x > y;
}

static bool was_alive(const struct rp_leaks *lk, const rc_object *o) {
    uintptr_t key = (uintptr_t)o;
    return bsearch(&key, lk->seen, lk->nseen, sizeof key, by_address) != NULL;
}

int rp_leaks_begin(rp_interp *ip) {
    /* the report's own module (and gc, which it imports) belong to the
     * start, not to what the program leaves */
    rc_object *og = rp_import_cstr(ip, "objgraph");
    if (!og) {
        rp_err_write_unraisable(ip, "-X leaks: import objgraph", NULL);
        return -1;
    }
    rc_decref(og);
    struct rp_leaks *lk = calloc(1, sizeof *lk);
    size_t n = 0;
    rc_object **objs =
        lk ? rc_graph_objects(ip->rt, RC_GRAPH_ALL, NULL, &n) : NULL;
    if (!lk || (!objs && rc_last_error(ip->rt) != RC_OK))
        goto fail;
    lk->seen = malloc((n ? n : 1) * sizeof *lk->seen);
    if (!lk->seen)
        goto fail;
    for (size_t i = 0; i < n; i++)
        lk->seen[i] = (uintptr_t)objs[i];
    lk->nseen = n;
    qsort(lk->seen, n, sizeof *lk->seen, by_address);
    rc_gc_release_objects(ip->rt, objs, n);
    objs = NULL;
    if (!(lk->start = rc_snapshot_take(ip->rt, RC_GRAPH_ALL)))
        goto fail;
    ip->leaks = lk;
    return 0;
fail:
    rc_gc_release_objects(ip->rt, objs, n);
    if (lk)
        free(lk->seen);
    free(lk);
    rc_clear_error(ip->rt);
    fprintf(stderr, "rcpy: -X leaks: no memory for the starting snapshot\n");
    return -1;
}

static void leaks_free(rp_interp *ip) {
    struct rp_leaks *lk = ip->leaks;
    ip->leaks = NULL;
    if (!lk)
        return;
    rc_snapshot_free(lk->start);
    free(lk->seen);
    free(lk);
}

/* ====================================================================== */
/* The table                                                              */
/* ====================================================================== */

/* What every program gets from the interpreter rather than makes: the new
 * objects __main__'s dunder names (__file__ ...) refer to. They are left
 * out of the report. */
typedef struct setup {
    const char *type[8];
    size_t bytes[8];
    size_t n;
} setup;

static void find_setup(rp_interp *ip, setup *su) {
    su->n = 0;
    rc_object *dict = ip->main ? ((rp_module *)ip->main)->dict : NULL;
    size_t pos = 0;
    rc_object *k, *v;
    while (dict && su->n < 8 && rc_dict_next(dict, &pos, &k, &v)) {
        const char *name = rc_is_str(k) ? rc_str_utf8(k) : "";
        if (strncmp(name, "__", 2) == 0 && !was_alive(ip->leaks, v) &&
            !(rc_refcnt(v) & RC_IMMORTAL)) {
            su->type[su->n] = rc_type_name(v);
            su->bytes[su->n++] = rc_sizeof(v);
        }
    }
}

/* A row less the setup objects of its type. */
static void adjust(const setup *su, const rc_snapshot_delta *r,
                   ptrdiff_t *count, ptrdiff_t *bytes) {
    *count = r->count;
    *bytes = r->bytes;
    for (size_t i = 0; i < su->n; i++)
        if (strcmp(su->type[i], r->type_name) == 0) {
            --*count;
            *bytes -= (ptrdiff_t)su->bytes[i];
        }
}

static void print_table(const rc_snapshot_diff *d, const setup *su) {
    fprintf(stderr, "%-20s %10s %8s %12s %10s\n", "type", "objects", "change",
            "bytes", "change");
    ptrdiff_t tc = 0, tb = 0;
    for (size_t i = 0; i < rc_snapshot_diff_rows(d); i++) {
        const rc_snapshot_delta *r = rc_snapshot_diff_get(d, i);
        ptrdiff_t c, b;
        adjust(su, r, &c, &b);
        if (c <= 0)
            continue;
        fprintf(stderr, "%-20s %10zu %+8td %12zu %+10td\n", r->type_name,
                r->count_after, c, r->bytes_after, b);
        tc += c, tb += b;
    }
    fprintf(stderr, "%-20s %10s %+8td %12s %+10td\n", "total", "", tc, "", tb);
}

/* Prints the types that grew; returns how many did. */
static size_t print_growth(rp_interp *ip, const rc_snapshot_diff *d) {
    setup su;
    find_setup(ip, &su);
    size_t grown = 0;
    ptrdiff_t count = 0, bytes = 0;
    for (size_t i = 0; i < rc_snapshot_diff_rows(d); i++) {
        ptrdiff_t c, b;
        adjust(&su, rc_snapshot_diff_get(d, i), &c, &b);
        if (c > 0)
            grown++, count += c, bytes += b;
    }
    if (!grown) {
        fprintf(stderr, "rcpy -X leaks: the program left no objects alive\n");
        return 0;
    }
    fprintf(stderr,
            "rcpy -X leaks: the program left %td object%s alive (%+td bytes) "
            "of %zu type%s:\n",
            count, count == 1 ? "" : "s", bytes, grown, grown == 1 ? "" : "s");
    print_table(d, &su);
    return grown;
}

/* ====================================================================== */
/* Chains                                                                 */
/* ====================================================================== */

/* Instances of classes made at run time first, then lists and sets (dicts
 * and tuples are mostly namespaces and class internals). */
static int interest(const rc_object *o) {
    if (rc_type_owner(o))
        return 2;
    return rc_is_list(o) || rc_is_set(o);
}

/* Calls objgraph.why_alive(o, file=sys.stderr, extra_refs=1): the
 * report holds one reference to o. */
static void print_chain(rp_interp *ip, rc_object *why, rc_object *o) {
    rc_object *err = rp_sys_get(ip, "stderr");
    rc_object *one = rc_int_from_i64(ip->rt, 1);
    rc_object *file = rp_str(ip, "file"), *extra = rp_str(ip, "extra_refs");
    rc_object *names =
        file && extra ? rc_tuple_pack(ip->rt, 2, file, extra) : NULL;
    rc_object *args[3] = {o, err ? err : ip->none, one};
    rc_object *r = names && one ? rp_call(ip, why, args, 1, names) : NULL;
    rc_xdecref(names), rc_xdecref(file), rc_xdecref(extra), rc_xdecref(one);
    if (r)
        rc_decref(r);
    else
        rp_err_write_unraisable(ip, "-X leaks", o);
}

/* The first new object of the given interest not in done[0, ndone), as a
 * new reference, or NULL. The census array is released before any chain is
 * looked for: its references would make every object a root. */
static rc_object *pick(rp_interp *ip, int level, rc_object *const *done,
                       size_t ndone) {
    size_t n = 0;
    rc_object **objs = rc_graph_objects(ip->rt, RC_GRAPH_ALL, NULL, &n);
    rc_object *found = NULL;
    for (size_t i = 0; i < n && !found; i++) {
        bool seen = false;
        for (size_t j = 0; j < ndone; j++)
            seen |= done[j] == objs[i];
        if (!seen && !was_alive(ip->leaks, objs[i]) &&
            interest(objs[i]) == level)
            rc_incref(found = objs[i]);
    }
    rc_gc_release_objects(ip->rt, objs, n);
    return found;
}

/* Chains for up to CHAINS_SHOWN new objects, one at a time (only the one
 * being explained is held). done[] keeps addresses, never dereferenced. */
static void print_chains(rp_interp *ip) {
    rc_object *og = rp_import_cstr(ip, "objgraph");
    rc_object *why = og ? rp_getattr_cstr(ip, og, "why_alive") : NULL;
    if (!why) {
        rp_err_write_unraisable(ip, "-X leaks: objgraph.why_alive", NULL);
        rc_xdecref(og);
        return;
    }
    rc_object *done[CHAINS_SHOWN];
    size_t ndone = 0;
    for (int level = 2; level >= 1 && ndone < CHAINS_SHOWN; level--) {
        rc_object *o;
        while (ndone < CHAINS_SHOWN && (o = pick(ip, level, done, ndone))) {
            if (!ndone)
                fprintf(stderr, "Why the first new objects are alive:\n");
            fflush(stderr);
            print_chain(ip, why, o);
            done[ndone++] = o;
            rc_decref(o);
        }
    }
    rc_decref(why);
    rc_decref(og);
}

void rp_leaks_report(rp_interp *ip) {
    if (!ip->leaks)
        return;
    rc_object *out = rp_sys_get(ip, "stdout");
    if (out && rp_file_flush(ip, out) < 0)
        rp_err_clear(ip);
    rc_gc_collect(ip->rt, 2);
    rc_snapshot *end = rc_snapshot_take(ip->rt, RC_GRAPH_ALL);
    rc_snapshot_diff *d =
        end ? rc_snapshot_diff_new(ip->leaks->start, end) : NULL;
    rc_snapshot_free(end);
    if (!d) {
        rc_clear_error(ip->rt);
        fprintf(stderr, "rcpy: -X leaks: no memory for the report\n");
    } else if (print_growth(ip, d)) {
        print_chains(ip);
    }
    rc_snapshot_diff_free(d);
    leaks_free(ip);
    rp_err_clear(ip);
}
