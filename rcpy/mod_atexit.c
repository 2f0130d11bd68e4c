/*
 * mod_atexit.c — the atexit module: register(func, *args, **kwargs) and
 * unregister(func) on the interpreter's exit list, ip->atexit, which
 * rp_interp_free runs last-registered first before modules are torn down
 * (weakref.finalize registers its exit function here).
 *
 * Invariant: ip->atexit is NULL or a list of (func, args tuple, kwargs
 * dict) tuples.
 */
#include "rcpy.h"

/* The exit list, made on first use; borrowed. */
static rc_object *exit_list(rp_interp *ip) {
    if (!ip->atexit)
        ip->atexit = rc_list_new(ip->rt);
    return ip->atexit;
}

/* A dict of the keyword arguments of a vectorcall (values after the
 * positional ones); new reference. */
static rc_object *kwargs_dict(rp_interp *ip, rc_object *const *args,
                              size_t nargs, rc_object *kwnames) {
    rc_object *d = rc_dict_new(ip->rt);
    size_t nkw = kwnames ? rc_tuple_size(kwnames) : 0;
    for (size_t i = 0; d && i < nkw; i++)
        if (rc_dict_setitem(d, rc_tuple_get(kwnames, i), args[nargs + i]) < 0) {
            rc_decref(d);
            d = NULL;
        }
    return d;
}

static rc_object *ae_register(rp_interp *ip, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    (void)self;
    if (nargs == 0) {
        rp_raise(ip, ip->exc.TypeError,
                 "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    if (!rp_callable(ip, args[0])) {
        rp_raise(ip, ip->exc.TypeError, "the first argument must be callable");
        return NULL;
    }
    rc_object *list = exit_list(ip);
    rc_object *rest =
        list ? rc_tuple_from_array(ip->rt, args + 1, nargs - 1) : NULL;
    rc_object *kw = rest ? kwargs_dict(ip, args, nargs, kwnames) : NULL;
    rc_object *entry = kw ? rc_tuple_pack(ip->rt, 3, args[0], rest, kw) : NULL;
    int r = entry ? rc_list_append(list, entry) : -1;
    rc_xdecref(rest);
    rc_xdecref(kw);
    rc_xdecref(entry);
    if (r < 0)
        return NULL;
    rc_incref(args[0]);
    return args[0];
}

/* Removes every registration of func (compared with ==). */
static rc_object *ae_unregister(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "atexit.unregister", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *list = ip->atexit;
    for (size_t i = list ? rc_list_size(list) : 0; i-- > 0;) {
        if (i >= rc_list_size(list))
            continue; /* an __eq__ shortened the list */
        rc_object *entry = rc_list_get(list, (ptrdiff_t)i);
        rc_incref(entry);
        int eq = rc_equal(rc_tuple_get(entry, 0), args[0]);
        rc_decref(entry);
        if (eq < 0)
            return NULL;
        rc_object *gone = eq ? rc_list_pop(list, (ptrdiff_t)i) : NULL;
        rc_xdecref(gone);
    }
    return ip->none;
}

static rc_object *ae_ncallbacks(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    (void)self;
    (void)args;
    if (rp_check_args(ip, "_ncallbacks", nargs, kwnames, 0, 0) < 0)
        return NULL;
    size_t n = ip->atexit ? rc_list_size(ip->atexit) : 0;
    return rc_int_from_i64(ip->rt, (int64_t)n);
}

static rc_object *ae_clear(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    (void)self;
    (void)args;
    if (rp_check_args(ip, "_clear", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *list = ip->atexit;
    ip->atexit = NULL;
    rc_xdecref(list);
    return ip->none;
}

static const rp_methoddef atexit_functions[] = {
    {"register", ae_register, 0,
     "Register a function to be executed upon normal program termination."},
    {"unregister", ae_unregister, 0,
     "Unregister an exit function which was previously registered."},
    {"_ncallbacks", ae_ncallbacks, 0,
     "Return the number of registered exit functions."},
    {"_clear", ae_clear, 0,
     "Clear the list of previously registered exit "
     "functions."},
    {NULL},
};

int rp_init_atexit_module(rp_interp *ip, rc_object *module) {
    return rp_module_add_functions(ip, module, atexit_functions);
}
