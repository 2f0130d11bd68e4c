/*
 * errors.c — the runtime's last error, the errors nobody can receive, the
 * guards around code that runs on the library's behalf, and the recursion
 * counter.
 *
 * The last error is a status, a message and, when an embedding language
 * raised one of its own exceptions (rc_set_error_object), an object the
 * runtime owns. Invariant: rt->errobj is NULL whenever rt->err is RC_OK;
 * every function that replaces or clears the error takes the old object
 * out of the runtime before it releases it, because releasing it may run a
 * finalizer, which must find the runtime consistent (and, guarded, leaves
 * it as it found it).
 *
 * A guard (rc__guard) moves the error and its object aside while a
 * finalizer, a weakref callback, a gc callback, a collection or a retried
 * allocation runs, and puts them back afterwards: the object moves with
 * them, so it is never released twice and never lost.
 */
#include "internal.h"

#include <rcgc/protocol.h>

#include <stdio.h>
#include <stdlib.h>

/* ====================================================================== */
/* Status codes                                                            */
/* ====================================================================== */

static const char *const status_names[] = {
    [0] = "success",
    [-RC_ENOMEM] = "out of memory",
    [-RC_EINVAL] = "invalid argument",
    [-RC_ETYPE] = "wrong type",
    [-RC_EINDEX] = "index out of range",
    [-RC_EKEY] = "key not found",
    [-RC_EVALUE] = "invalid value",
    [-RC_EZERODIV] = "division by zero",
    [-RC_EOVERFLOW] = "overflow",
    [-RC_EHASH] = "unhashable object",
    [-RC_ESTATE] = "not allowed in the current state",
    [-RC_EATTR] = "no such attribute",
    [-RC_ERECURSION] = "maximum recursion depth exceeded",
    [-RC_EEXCEPTION] = "exception",
};

const char *rc_strerror(int status) {
    size_t n = sizeof status_names / sizeof status_names[0];
    if (status > 0 || (size_t)-status >= n)
        return "unknown status";
    return status_names[-status];
}

/* ====================================================================== */
/* The last error                                                          */
/* ====================================================================== */

/* Takes the error's object out of the runtime (the caller owns it). */
static rc_object *take_object(rc_runtime *rt) {
    rc_object *o = rt->errobj;
    rt->errobj = NULL;
    return o;
}

/* Records status and message (NULL: ""), with obj (owned) or none, and
 * releases the object of the error it replaces. */
static int record(rc_runtime *rt, rc_status status, const char *message,
                  rc_object *obj) {
    rc_object *old = take_object(rt);
    rt->err = status;
    rt->errobj = obj;
    snprintf(rt->errmsg, sizeof rt->errmsg, "%s", message ? message : "");
    rc_xdecref(old);
    return status;
}

int rc_set_error(rc_runtime *rt, rc_status status, const char *fmt, ...) {
    char msg[sizeof rt->errmsg]; /* the arguments may point at errmsg */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return record(rt, status, msg, NULL);
}

int rc_set_error_object(rc_runtime *rt, rc_status status, rc_object *exc,
                        const char *message) {
    if (status >= 0)
        status = RC_EEXCEPTION;
    rc_xincref(exc);
    char msg[sizeof rt->errmsg];
    snprintf(msg, sizeof msg, "%s", message ? message : "");
    return record(rt, status, msg, exc);
}

rc_object *rc_error_object(const rc_runtime *rt) {
    return rt->errobj;
}

rc_object *rc_fetch_error_object(rc_runtime *rt, rc_status *status) {
    if (status)
        *status = rt->err;
    rc_object *o = take_object(rt);
    rt->err = RC_OK;
    rt->errmsg[0] = '\0';
    return o;
}

rc_status rc_last_error(const rc_runtime *rt) {
    return rt->err;
}

const char *rc_last_error_message(const rc_runtime *rt) {
    return rt->errmsg;
}

void rc_clear_error(rc_runtime *rt) {
    rc_xdecref(rc_fetch_error_object(rt, NULL));
}

/* ====================================================================== */
/* Errors nobody can receive                                               */
/* ====================================================================== */

/* Names are read from the objects' types now: a run-time type may have
 * been renamed since the object was made. */
static void print_unraisable(rc_runtime *rt, const rc_unraisable *u) {
    FILE *out = rc__stream(rt);
    if (u->object)
        fprintf(out, "Exception ignored in: %s of <%s object at %p>\n",
                u->context, u->object->type->name, (void *)u->object);
    else
        fprintf(out, "Exception ignored in: %s\n", u->context);
    if (u->exception)
        fprintf(out, "%s: %s\n", u->exception->type->name, u->message);
    else
        fprintf(out, "rcgc: %s: %s\n", rc_strerror(u->status), u->message);
}

void rc_set_unraisable_hook(rc_runtime *rt, rc_unraisable_hook hook,
                            void *arg) {
    rt->unraisable = hook;
    rt->unraisable_arg = arg;
}

static void report(rc_runtime *rt, const rc_unraisable *u) {
    if (rt->unraisable)
        rt->unraisable(rt, u, rt->unraisable_arg);
    else
        print_unraisable(rt, u);
}

void rc_write_unraisable(rc_runtime *rt, rc_status status, const char *context,
                         rc_object *object, const char *message) {
    rc_unraisable u = {status, message ? message : "", context ? context : "?",
                       object, NULL};
    report(rt, &u);
}

/* ====================================================================== */
/* Guards                                                                  */
/* ====================================================================== */

void rc__guard_enter(rc_runtime *rt, rc__guard *g) {
    g->err = rt->err;
    g->obj = NULL;
    if (g->err == RC_OK)
        return;
    g->obj = take_object(rt);
    memcpy(g->msg, rt->errmsg, sizeof g->msg);
    rt->err = RC_OK;
    rt->errmsg[0] = '\0';
}

void rc__guard_leave(rc_runtime *rt, rc__guard *g, const char *context,
                     rc_object *o) {
    if (rt->err != RC_OK) {
        rc__guard left;
        rc__guard_enter(rt, &left);
        rc_unraisable u = {left.err, left.msg, context ? context : "?", o,
                           left.obj};
        report(rt, &u);
        rc__guard_release(rt, &left);
    }
    rc__guard_restore(rt, g);
}

void rc__guard_restore(rc_runtime *rt, rc__guard *g) {
    if (g->err == RC_OK && rt->err == RC_OK)
        return; /* nothing was saved, nothing recorded since */
    rc_object *since = take_object(rt);
    rt->err = g->err;
    rt->errobj = g->obj;
    g->obj = NULL;
    if (g->err != RC_OK)
        memcpy(rt->errmsg, g->msg, sizeof g->msg);
    else
        rt->errmsg[0] = '\0';
    rc_xdecref(since);
}

void rc__guard_release(rc_runtime *rt, rc__guard *g) {
    (void)rt;
    rc_object *o = g->obj;
    g->obj = NULL;
    rc_xdecref(o);
}

void rc__call_finalizer(rc_runtime *rt, rc_object *o) {
    rc__guard g;
    rc__guard_enter(rt, &g);
    o->type->finalize(o);
    rc__guard_leave(rt, &g, "finalizer", o);
}

/* ====================================================================== */
/* Recursion                                                               */
/* ====================================================================== */

#define RECURSION_LIMIT_MAX 1000000u

/* where follows after a space; one that starts with its own space (as
 * CPython's " in comparison" does) keeps just that one. */
int rc__recursion_exceeded(rc_runtime *rt, const char *where) {
    const char *gap = where && where[0] != ' ' ? " " : "";
    return rc_set_error(rt, RC_ERECURSION,
                        "maximum recursion depth exceeded%s%s", gap,
                        where ? where : "");
}

int rc_recursion_enter(rc_runtime *rt, const char *where) {
    return rc__recursion_enter(rt, where);
}

void rc_recursion_leave(rc_runtime *rt) {
    rc__recursion_leave(rt);
}

unsigned rc_recursion_depth(const rc_runtime *rt) {
    return rt->depth;
}

unsigned rc_get_recursion_limit(const rc_runtime *rt) {
    return rt->recursion_limit;
}

int rc_set_recursion_limit(rc_runtime *rt, unsigned limit) {
    if (limit < 1)
        return rc_set_error(rt, RC_EVALUE,
                            "recursion limit must be greater or equal than 1");
    if (limit > RECURSION_LIMIT_MAX)
        return rc_set_error(rt, RC_EVALUE, "recursion limit must be at most %u",
                            RECURSION_LIMIT_MAX);
    if (rt->depth >= limit)
        return rc_set_error(rt, RC_ERECURSION,
                            "cannot set the recursion limit to %u at the "
                            "recursion depth %u: the limit is too low",
                            limit, rt->depth);
    rt->recursion_limit = limit;
    return 0;
}
