/*
 * mod_gc.c — the gc module: CPython 3.11's gc functions on rcgc's
 * collector, plus gc.garbage, gc.callbacks and -X gcstats.
 *
 * One collector callback, registered at start-up (rp_gc_start), keeps the
 * Python-visible state right whether or not the program has imported gc:
 * at the end of every collection it moves what rcgc put on its garbage
 * list into gc.garbage (a real list the program may clear), then calls
 * each callable of gc.callbacks with ("start"|"stop", info), and prints a
 * line under -X gcstats. Invariant: rcgc's own garbage list is empty
 * between collections; gc.garbage holds the references.
 */
#include "front.h"

#include <string.h>

/* ====================================================================== */
/* The collector callback                                                 */
/* ====================================================================== */

static void move_garbage(rp_interp *ip) {
    rc_runtime *rt = ip->rt;
    size_t n = rc_gc_garbage_count(rt);
    if (!n || !ip->front->gc_garbage)
        return;
    for (size_t i = 0; i < n; i++)
        if (rc_list_append(ip->front->gc_garbage, rc_gc_garbage_item(rt, i)) <
            0) {
            rp_err_clear(ip);
            return; /* keep them in rcgc's list rather than lose them */
        }
    rc_gc_garbage_clear(rt);
}

static rc_object *info_dict(rp_interp *ip, const rc_gc_info *info) {
    const struct {
        const char *key;
        int64_t value;
    } items[] = {{"generation", info->generation},
                 {"collected", (int64_t)info->collected},
                 {"uncollectable", (int64_t)info->uncollectable}};
    rc_object *d = rc_dict_new(ip->rt);
    for (size_t i = 0; d && i < 3; i++) {
        rc_object *k = rp_str(ip, items[i].key);
        rc_object *v = rc_int_from_i64(ip->rt, items[i].value);
        int r = k && v ? rc_dict_setitem(d, k, v) : -1;
        rc_xdecref(k);
        rc_xdecref(v);
        if (r < 0) {
            rc_decref(d);
            d = NULL;
        }
    }
    return d;
}

/* Calls every gc.callbacks entry; an error is reported as unraisable. */
static void run_callbacks(rp_interp *ip, rc_gc_phase phase,
                          const rc_gc_info *info) {
    rc_object *cbs = ip->front->gc_callbacks;
    if (!cbs || rc_list_size(cbs) == 0 || ip->front->in_callbacks)
        return;
    ip->front->in_callbacks = true;
    rc_object *ph = rp_str(ip, phase == RC_GC_START ? "start" : "stop");
    rc_object *d = ph ? info_dict(ip, info) : NULL;
    rc_object *copy = d ? rc_list_from_array(ip->rt, NULL, 0) : NULL;
    if (copy && rc_list_extend(copy, cbs) == 0)
        for (size_t i = 0; i < rc_list_size(copy); i++) {
            rc_object *cb = rc_list_get(copy, (ptrdiff_t)i);
            rc_object *r = rp_call2(ip, cb, ph, d);
            if (r)
                rc_decref(r);
            else
                rp_err_write_unraisable(ip, NULL, cb);
        }
    rp_err_clear(ip);
    rc_xdecref(copy);
    rc_xdecref(d);
    rc_xdecref(ph);
    ip->front->in_callbacks = false;
}

static void print_stats(rp_interp *ip, const rc_gc_info *info) {
    rc_object *out = rp_sys_get(ip, "stdout");
    if (out && rp_file_flush(ip, out) < 0)
        rp_err_clear(ip);
    fprintf(stderr,
            "rcpy gc: generation %d: %zu collected, %zu uncollectable, "
            "%zu examined, %.6fs elapsed\n",
            info->generation, info->collected, info->uncollectable,
            info->candidates, info->duration);
}

static void on_collection(rc_runtime *rt, rc_gc_phase phase,
                          const rc_gc_info *info, void *arg) {
    rp_interp *ip = arg;
    (void)rt;
    if (phase == RC_GC_START)
        rp_gcout_hold(ip);
    else
        rp_gcout_flush(ip); /* gc.set_debug's lines, to sys.stderr */
    if (!ip->front)
        return;
    if (phase == RC_GC_STOP) {
        move_garbage(ip);
        if (ip->cfg.gcstats)
            print_stats(ip, info);
    }
    if (!ip->front->finalizing) /* CPython calls no callbacks at exit */
        run_callbacks(ip, phase, info);
}

int rp_gc_start(rp_interp *ip) {
    struct rp_front *fr = ip->front;
    fr->gc_garbage = rc_list_new(ip->rt);
    fr->gc_callbacks = rc_list_new(ip->rt);
    if (!fr->gc_garbage || !fr->gc_callbacks)
        return -1;
    return rc_gc_callback_add(ip->rt, on_collection, ip);
}

void rp_gc_stop(rp_interp *ip) {
    if (rc_gc_callback_remove(ip->rt, on_collection, ip) < 0)
        rp_err_clear(ip); /* never registered: start-up failed first */
}

/* ====================================================================== */
/* Arguments                                                              */
/* ====================================================================== */

/* An int argument (bools too, never floats) as CPython's "i" format. */
static int int_arg(rp_interp *ip, rc_object *o, int64_t *out) {
    if (rc_is_float(o))
        return rp_raise(ip, ip->exc.TypeError,
                        "'float' object cannot be interpreted as an integer");
    return rp_index(ip, o, out);
}

static rc_object *no_args(rp_interp *ip, const char *name, size_t nargs,
                          rc_object *kwnames) {
    return rp_check_args(ip, name, nargs, kwnames, 0, 0) < 0 ? NULL : ip->none;
}

static rc_object *objects_list(rp_interp *ip, rc_object **objs, size_t n) {
    if (!objs && rp_err_occurred(ip))
        return NULL;
    rc_object *list = rc_list_from_array(ip->rt, objs, n);
    rc_gc_release_objects(ip->rt, objs, n);
    return list;
}

/* ====================================================================== */
/* Functions                                                              */
/* ====================================================================== */

static rc_object *gc_enable(rp_interp *ip, rc_object *self,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    (void)self, (void)args;
    if (!no_args(ip, "enable", nargs, kwnames))
        return NULL;
    rc_gc_enable(ip->rt);
    return rp_none(ip);
}

static rc_object *gc_disable(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    (void)self, (void)args;
    if (!no_args(ip, "disable", nargs, kwnames))
        return NULL;
    rc_gc_disable(ip->rt);
    return rp_none(ip);
}

static rc_object *gc_isenabled(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    (void)self, (void)args;
    if (!no_args(ip, "isenabled", nargs, kwnames))
        return NULL;
    return rp_bool(ip, rc_gc_isenabled(ip->rt));
}

static rc_object *gc_collect(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    (void)self;
    static const char *const names[] = {"generation", NULL};
    static const rp_argspec spec = {"collect", names, 0, 1, 0};
    rc_object *a[1];
    int64_t g = 2;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0 ||
        (a[0] && int_arg(ip, a[0], &g) < 0))
        return NULL;
    if (g < 0 || g > 2) {
        rp_raise(ip, ip->exc.ValueError, "invalid generation");
        return NULL;
    }
    ptrdiff_t n = rc_gc_collect(ip->rt, (int)g);
    if (n < 0)
        return NULL;
    return rc_int_from_i64(ip->rt, n);
}

static rc_object *triple(rp_interp *ip, const size_t v[3]) {
    rc_object *a = rc_int_from_u64(ip->rt, v[0]);
    rc_object *b = rc_int_from_u64(ip->rt, v[1]);
    rc_object *c = rc_int_from_u64(ip->rt, v[2]);
    rc_object *t = a && b && c ? rc_tuple_pack(ip->rt, 3, a, b, c) : NULL;
    rc_xdecref(a);
    rc_xdecref(b);
    rc_xdecref(c);
    return t;
}

static rc_object *gc_get_count(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    (void)self, (void)args;
    if (!no_args(ip, "get_count", nargs, kwnames))
        return NULL;
    size_t c[3];
    rc_gc_get_count(ip->rt, c);
    return triple(ip, c);
}

static rc_object *gc_get_threshold(rp_interp *ip, rc_object *self,
                                   rc_object *const *args, size_t nargs,
                                   rc_object *kwnames) {
    (void)self, (void)args;
    if (!no_args(ip, "get_threshold", nargs, kwnames))
        return NULL;
    size_t t[3];
    rc_gc_get_threshold(ip->rt, t);
    return triple(ip, t);
}

/* set_threshold(threshold0[, threshold1[, threshold2]]) */
static rc_object *gc_set_threshold(rp_interp *ip, rc_object *self,
                                   rc_object *const *args, size_t nargs,
                                   rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "set_threshold", nargs, kwnames, 0, (size_t)-1) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3) {
        rp_raise(ip, ip->exc.TypeError,
                 "set_threshold() takes %s %s (%zu given)",
                 nargs < 1 ? "at least 1" : "at most 3",
                 nargs < 1 ? "argument" : "arguments", nargs);
        return NULL;
    }
    size_t t[3];
    rc_gc_get_threshold(ip->rt, t);
    for (size_t i = 0; i < nargs; i++) {
        int64_t v;
        if (int_arg(ip, args[i], &v) < 0)
            return NULL;
        t[i] = v < 0 ? 0 : (size_t)v;
    }
    rc_gc_set_threshold(ip->rt, t[0], t[1], t[2]);
    return rp_none(ip);
}

static rc_object *gc_get_debug(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    (void)self, (void)args;
    if (!no_args(ip, "get_debug", nargs, kwnames))
        return NULL;
    return rc_int_from_i64(ip->rt, rc_gc_get_debug(ip->rt));
}

static rc_object *gc_set_debug(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    (void)self;
    int64_t flags;
    if (rp_check_args(ip, "gc.set_debug", nargs, kwnames, 1, 1) < 0 ||
        int_arg(ip, args[0], &flags) < 0)
        return NULL;
    rc_gc_set_debug(ip->rt, (unsigned)flags);
    return rp_none(ip);
}

static rc_object *gc_get_stats(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    (void)self, (void)args;
    if (!no_args(ip, "get_stats", nargs, kwnames))
        return NULL;
    rc_gc_gen_stats st[3];
    rc_gc_get_stats(ip->rt, st);
    rc_object *list = rc_list_new(ip->rt);
    for (int g = 0; list && g < 3; g++) {
        const char *keys[] = {"collections", "collected", "uncollectable"};
        size_t vals[] = {st[g].collections, st[g].collected,
                         st[g].uncollectable};
        rc_object *d = rc_dict_new(ip->rt);
        for (size_t i = 0; d && i < 3; i++) {
            rc_object *k = rp_str(ip, keys[i]);
            rc_object *v = rc_int_from_u64(ip->rt, vals[i]);
            if (!k || !v || rc_dict_setitem(d, k, v) < 0) {
                rc_decref(d);
                d = NULL;
            }
            rc_xdecref(k);
            rc_xdecref(v);
        }
        if (!d || rc_list_append(list, d) < 0) {
            rc_xdecref(d);
            rc_decref(list);
            return NULL;
        }
        rc_decref(d);
    }
    return list;
}

static rc_object *gc_get_objects(rp_interp *ip, rc_object *self,
                                 rc_object *const *args, size_t nargs,
                                 rc_object *kwnames) {
    (void)self;
    static const char *const names[] = {"generation", NULL};
    static const rp_argspec spec = {"get_objects", names, 0, 1, 0};
    rc_object *a[1];
    int64_t g = -1;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[0] && !rc_is_none(a[0])) {
        if (!rc_is_int(a[0])) {
            rp_raise(ip, ip->exc.TypeError,
                     "argument should be integer or None, not '%s'",
                     rc_type_name(a[0]));
            return NULL;
        }
        if (rp_index(ip, a[0], &g) < 0)
            return NULL;
        if (g >= 3) {
            rp_raise(ip, ip->exc.ValueError,
                     "generation parameter must be less than the number of "
                     "available generations (3)");
            return NULL;
        }
        if (g < -1) { /* -1, like None, means every generation */
            rp_raise(ip, ip->exc.ValueError,
                     "generation parameter cannot be negative");
            return NULL;
        }
    }
    size_t n = 0;
    rc_object **objs = rc_gc_get_objects(ip->rt, (int)g, &n);
    return objects_list(ip, objs, n);
}

static rc_object *gc_get_referrers(rp_interp *ip, rc_object *self,
                                   rc_object *const *args, size_t nargs,
                                   rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "get_referrers", nargs, kwnames, 0, (size_t)-1) < 0)
        return NULL;
    size_t n = 0;
    rc_object **objs = rc_gc_get_referrers(ip->rt, args, nargs, &n);
    return objects_list(ip, objs, n);
}

static rc_object *gc_get_referents(rp_interp *ip, rc_object *self,
                                   rc_object *const *args, size_t nargs,
                                   rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "get_referents", nargs, kwnames, 0, (size_t)-1) < 0)
        return NULL;
    size_t n = 0;
    rc_object **objs = rc_gc_get_referents(ip->rt, args, nargs, &n);
    return objects_list(ip, objs, n);
}

static rc_object *gc_is_tracked(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "is_tracked", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return rp_bool(ip, rc_gc_is_tracked(args[0]));
}

static rc_object *gc_is_finalized(rp_interp *ip, rc_object *self,
                                  rc_object *const *args, size_t nargs,
                                  rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "is_finalized", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return rp_bool(ip, rc_gc_is_finalized(args[0]));
}

static rc_object *gc_freeze(rp_interp *ip, rc_object *self,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    (void)self, (void)args;
    if (!no_args(ip, "freeze", nargs, kwnames))
        return NULL;
    rc_gc_freeze(ip->rt);
    return rp_err_occurred(ip) ? NULL : rp_none(ip);
}

static rc_object *gc_unfreeze(rp_interp *ip, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    (void)self, (void)args;
    if (!no_args(ip, "unfreeze", nargs, kwnames))
        return NULL;
    rc_gc_unfreeze(ip->rt);
    return rp_err_occurred(ip) ? NULL : rp_none(ip);
}

static rc_object *gc_get_freeze_count(rp_interp *ip, rc_object *self,
                                      rc_object *const *args, size_t nargs,
                                      rc_object *kwnames) {
    (void)self, (void)args;
    if (!no_args(ip, "get_freeze_count", nargs, kwnames))
        return NULL;
    return rc_int_from_u64(ip->rt, rc_gc_get_freeze_count(ip->rt));
}

static const rp_methoddef gc_functions[] = {
    {"enable", gc_enable, 0, "Enable automatic garbage collection."},
    {"disable", gc_disable, 0, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, 0,
     "Returns true if automatic garbage "
     "collection is enabled."},
    {"collect", gc_collect, 0, "Run the garbage collector."},
    {"get_count", gc_get_count, 0, NULL},
    {"get_threshold", gc_get_threshold, 0, NULL},
    {"set_threshold", gc_set_threshold, 0, NULL},
    {"get_debug", gc_get_debug, 0, NULL},
    {"set_debug", gc_set_debug, 0, NULL},
    {"get_stats", gc_get_stats, 0, NULL},
    {"get_objects", gc_get_objects, 0, NULL},
    {"get_referrers", gc_get_referrers, 0, NULL},
    {"get_referents", gc_get_referents, 0, NULL},
    {"is_tracked", gc_is_tracked, 0, NULL},
    {"is_finalized", gc_is_finalized, 0, NULL},
    {"freeze", gc_freeze, 0, NULL},
    {"unfreeze", gc_unfreeze, 0, NULL},
    {"get_freeze_count", gc_get_freeze_count, 0, NULL},
    {"snapshot", rp_gc_snapshot, 0,
     "Objects and bytes alive by type (rcpy; gc_snapshot.c)."},
    {NULL, NULL, 0, NULL},
};

int rp_init_gc_module(rp_interp *ip, rc_object *module) {
    const struct {
        const char *name;
        int64_t value;
    } consts[] = {
        {"DEBUG_STATS", RC_DEBUG_STATS},
        {"DEBUG_COLLECTABLE", RC_DEBUG_COLLECTABLE},
        {"DEBUG_UNCOLLECTABLE", RC_DEBUG_UNCOLLECTABLE},
        {"DEBUG_SAVEALL", RC_DEBUG_SAVEALL},
        {"DEBUG_LEAK", RC_DEBUG_LEAK},
    };
    if (rp_module_add_functions(ip, module, gc_functions) < 0 ||
        rp_init_gc_snapshot(ip, module) < 0)
        return -1;
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (rp_module_add_object(ip, module, consts[i].name,
                                 rc_int_from_i64(ip->rt, consts[i].value)) < 0)
            return -1;
    rc_incref(ip->front->gc_garbage);
    rc_incref(ip->front->gc_callbacks);
    if (rp_module_add_object(ip, module, "garbage", ip->front->gc_garbage) <
            0 ||
        rp_module_add_object(ip, module, "callbacks", ip->front->gc_callbacks) <
            0)
        return -1;
    return 0;
}
