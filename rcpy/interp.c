/*
 * interp.c — making and freeing an interpreter, and the safe point.
 *
 * An interpreter is one rcgc runtime (collections at safe points only) plus
 * the state in rp_interp. Start-up calls each part's init in dependency
 * order: classes first (everything else makes classes), then descriptors,
 * the function kinds, the classes of rcgc's builtin types, exceptions,
 * modules, builtins and sys. Shutdown runs the atexit functions, reports
 * what is alive under -X leaks, and lets rc_runtime_free finalize and free
 * whatever is left.
 */
#include "rcpy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* Start-up                                                               */
/* ====================================================================== */

static int intern_names(rp_interp *ip) {
#define RP_NAME_INTERN(field, text)                                            \
    if (!(ip->s.field = rc_str_intern(ip->rt, text)))                          \
        return RC_ENOMEM;
    RP_NAMES(RP_NAME_INTERN)
#undef RP_NAME_INTERN
    return 0;
}

static void release_names(rp_interp *ip) {
#define RP_NAME_RELEASE(field, text) rc_xdecref(ip->s.field);
    RP_NAMES(RP_NAME_RELEASE)
#undef RP_NAME_RELEASE
    memset(&ip->s, 0, sizeof ip->s);
}

static rc_runtime *make_runtime(const rp_config *cfg, struct rp_gcout *gcout) {
    rc_config rc = rc_config_default();
    rc.heap_limit = cfg->heap_limit;
    rc.debug_stream = rp_gcout_stream(gcout); /* NULL: the C stderr */
    rc.gc_at_safepoints = true;
    return rc_runtime_new(&rc);
}

typedef int (*init_fn)(rp_interp *ip);

static const struct {
    const char *what;
    init_fn init;
} parts[] = {
    {"classes", rp_init_classes},       {"descriptors", rp_init_descr},
    {"functions", rp_init_funcs},       {"builtin types", rp_init_btypes},
    {"exceptions", rp_init_exceptions}, {"modules", rp_init_modules},
    {"builtins", rp_init_builtins},     {"sys", rp_init_sys},
};

static int start(rp_interp *ip) {
    if (intern_names(ip))
        return -1;
    ip->none = rc_none(ip->rt);
    ip->true_ = rc_true(ip->rt);
    ip->false_ = rc_false(ip->rt);
    ip->notimpl = rc_notimplemented(ip->rt);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (parts[i].init(ip) < 0) {
            fprintf(stderr, "rcpy: cannot start (%s): %s\n", parts[i].what,
                    rc_last_error_message(ip->rt));
            return -1;
        }
    }
    return 0;
}

rp_interp *rp_interp_new(const rp_config *cfg) {
    struct rp_gcout *gcout = rp_gcout_open();
    rc_runtime *rt = make_runtime(cfg, gcout);
    if (!rt) {
        fprintf(stderr, "rcpy: cannot make a runtime\n");
        rp_gcout_close(gcout);
        return NULL;
    }
    rp_interp *ip = rc_malloc(rt, sizeof *ip);
    if (!ip) {
        rc_runtime_free(rt);
        rp_gcout_close(gcout);
        return NULL;
    }
    memset(ip, 0, sizeof *ip);
    ip->rt = rt;
    ip->gcout = gcout;
    ip->cfg = *cfg;
    rc_runtime_set_userdata(rt, ip);
    if (start(ip) < 0 || (cfg->leaks && rp_leaks_begin(ip) < 0)) {
        rp_interp_free(ip);
        return NULL;
    }
    return ip;
}

/* ====================================================================== */
/* Shutdown                                                               */
/* ====================================================================== */

static void run_atexit(rp_interp *ip) {
    rc_object *list = ip->atexit;
    if (!list)
        return;
    ip->atexit = NULL;
    /* last registered, first run (CPython's order) */
    for (size_t i = rc_list_size(list); i-- > 0;) {
        rc_object *entry = rc_list_get(list, (ptrdiff_t)i);
        rc_object *r =
            rc_call_object(rc_tuple_get(entry, 0), rc_tuple_get(entry, 1),
                           rc_tuple_get(entry, 2));
        if (r)
            rc_decref(r);
        else
            rp_err_write_unraisable(ip, "atexit callback",
                                    rc_tuple_get(entry, 0));
    }
    rc_decref(list);
}

void rp_interp_free(rp_interp *ip) {
    if (!ip)
        return;
    rc_runtime *rt = ip->rt;
    if (ip->modules)
        run_atexit(ip);
    rc_xdecref(ip->exc_info);
    ip->exc_info = NULL;
    rc_clear_error(rt);
    /* one collection while everything is intact, before the modules go
     * (CPython's Py_FinalizeEx): cyclic garbage's finalizers run first */
    if (rc_gc_isenabled(rt))
        rc_gc_collect(rt, 2);
    rc_clear_error(rt);
    rp_leaks_report(ip); /* -X leaks: what the program left alive */
    rp_fini_front(ip);   /* modules finalized as CPython does (module.c) */
    rc_object *held[] = {ip->main, ip->sysmod, ip->modules, ip->builtins,
                         ip->path};
    ip->main = ip->sysmod = ip->modules = ip->builtins = ip->path = NULL;
    for (size_t i = 0; i < sizeof held / sizeof held[0]; i++)
        rc_xdecref(held[i]);
    rp_fini_vm(ip);
    release_names(ip);
    rp_fini_classes(ip);
    rc_runtime_set_userdata(rt, NULL);
    struct rp_gcout *gcout = ip->gcout;
    rc_free(rt, ip, sizeof *ip);
    rc_runtime_free(rt);
    rp_gcout_close(gcout);
}

/* ====================================================================== */
/* Safe points and small helpers                                          */
/* ====================================================================== */

int rp_safepoint(rp_interp *ip) {
    if (ip->interrupted) {
        ip->interrupted = 0;
        return rp_raise_object(ip, &ip->exc.KeyboardInterrupt->ob);
    }
    if (ip->steps_left) {
        if (ip->steps_left == 1) /* stays exhausted: no loop outlives it */
            return rp_raise(ip, ip->exc.RuntimeError, "step budget exhausted");
        ip->steps_left--;
    }
    rc_gc_safepoint(ip->rt);
    return 0;
}

rc_object *rp_str(rp_interp *ip, const char *text) {
    return rc_str_from_utf8(ip->rt, text, strlen(text));
}
