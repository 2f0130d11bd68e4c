/*
 * graph.c — the graph walker's ground floor: scratch arrays, maps and text
 * (graph_int.h), the walk over a scope, and the public queries for one
 * object's neighbours, objects by type and short descriptions.
 *
 * Invariant: the functions here that walk the heap only read it and take
 * scratch memory from the allocator hook; an array of results is increfed
 * before anything that may run code (rc__gvec_result), so what a caller
 * gets back is alive, and the heap and the collector are as they were.
 */
#include "graph_int.h"

#include <inttypes.h>
#include <stdio.h>

/* ====================================================================== */
/* Object vectors                                                         */
/* ====================================================================== */

int rc__graph_grow(rc_runtime *rt, void **array, size_t *cap, size_t elem) {
    size_t n = *cap ? *cap * 2 : 64;
    if (n > SIZE_MAX / elem / 2)
        return rc_set_error(rt, RC_ENOMEM, "graph walker array too large");
    void *p = rc__hook_alloc(rt, n * elem);
    if (!p)
        return RC_ENOMEM;
    if (*cap) {
        memcpy(p, *array, *cap * elem);
        rc__hook_free(rt, *array, *cap * elem);
    }
    *array = p;
    *cap = n;
    return 0;
}

int rc__gvec_push(rc__gvec *v, rc_object *o) {
    if (v->n == v->cap && rc__graph_grow(v->rt, (void **)&v->items, &v->cap,
                                         sizeof *v->items) < 0)
        return RC_ENOMEM;
    if (v->held)
        rc_incref(o);
    v->items[v->n++] = o;
    return 0;
}

void rc__gvec_hold(rc__gvec *v) {
    if (v->held)
        return;
    for (size_t i = 0; i < v->n; i++)
        rc_incref(v->items[i]);
    v->held = true;
}

void rc__gvec_free(rc__gvec *v) {
    rc_object **items = v->items;
    size_t n = v->n, cap = v->cap;
    bool held = v->held;
    v->items = NULL;
    v->n = v->cap = 0;
    v->held = false;
    if (held) /* a decref may run code that reaches this vector: it is
                 empty by now */
        for (size_t i = 0; i < n; i++)
            rc_decref(items[i]);
    if (items)
        rc__hook_free(v->rt, items, cap * sizeof *items);
}

rc_object **rc__gvec_result(rc__gvec *v, size_t *count) {
    *count = 0;
    if (!v->n) {
        rc__gvec_free(v);
        return NULL;
    }
    rc__gvec_hold(v); /* before rc_malloc, which may collect */
    rc_object **out = rc__result_alloc(v->rt, v->n);
    if (out) {
        memcpy(out, v->items, v->n * sizeof *out);
        *count = v->n;
        v->held = false; /* the references moved into out */
    }
    rc__gvec_free(v);
    return out;
}

/* ====================================================================== */
/* Address maps                                                           */
/* ====================================================================== */

static size_t slot_of(const void *key, size_t cap) {
    uint64_t h = (uint64_t)(uintptr_t)key >> 4;
    h *= 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20) & (cap - 1);
}

static void gmap_insert(const void **keys, uint32_t *vals, size_t cap,
                        const void *key, uint32_t val) {
    size_t i = slot_of(key, cap);
    while (keys[i])
        i = (i + 1) & (cap - 1);
    keys[i] = key;
    vals[i] = val;
}

static int gmap_grow(rc__gmap *m) {
    size_t cap = m->cap ? m->cap * 2 : 256;
    const void **keys = rc__hook_alloc(m->rt, cap * sizeof *keys);
    uint32_t *vals = keys ? rc__hook_alloc(m->rt, cap * sizeof *vals) : NULL;
    if (!vals) {
        if (keys)
            rc__hook_free(m->rt, (void *)keys, cap * sizeof *keys);
        return RC_ENOMEM;
    }
    memset((void *)keys, 0, cap * sizeof *keys);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            gmap_insert(keys, vals, cap, m->keys[i], m->vals[i]);
    rc__gmap_free(m);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return 0;
}

int rc__gmap_put(rc__gmap *m, const void *key, uint32_t val) {
    if (m->cap) {
        for (size_t i = slot_of(key, m->cap); m->keys[i];
             i = (i + 1) & (m->cap - 1))
            if (m->keys[i] == key)
                return 0;
    }
    if ((m->n + 1) * 2 > m->cap) {
        size_t n = m->n;
        if (gmap_grow(m) < 0)
            return RC_ENOMEM;
        m->n = n;
    }
    gmap_insert(m->keys, m->vals, m->cap, key, val);
    m->n++;
    return 1;
}

bool rc__gmap_get(const rc__gmap *m, const void *key, uint32_t *val) {
    if (!m->cap)
        return false;
    for (size_t i = slot_of(key, m->cap); m->keys[i];
         i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] == key) {
            if (val)
                *val = m->vals[i];
            return true;
        }
    }
    return false;
}

void rc__gmap_free(rc__gmap *m) {
    if (m->keys) {
        rc__hook_free(m->rt, (void *)m->keys, m->cap * sizeof *m->keys);
        rc__hook_free(m->rt, m->vals, m->cap * sizeof *m->vals);
    }
    m->keys = NULL;
    m->vals = NULL;
    m->n = m->cap = 0;
}

/* ====================================================================== */
/* Text for sinks                                                         */
/* ====================================================================== */

void rc__gtext_init(rc__gtext *t, rc_runtime *rt, rc_graph_sink sink,
                    void *arg) {
    t->rt = rt;
    t->sink = sink;
    t->arg = arg;
    t->status = 0;
    t->len = 0;
}

static void gtext_flush(rc__gtext *t) {
    if (!t->status && t->len) {
        int r = t->sink(t->buf, t->len, t->arg);
        if (r < 0) {
            if (rc_last_error(t->rt) == RC_OK)
                rc_set_error(t->rt, RC_EINVAL, "cannot write the output");
            t->status = r;
        }
    }
    t->len = 0;
}

void rc__gtext_put(rc__gtext *t, const char *s, size_t len) {
    while (len && !t->status) {
        if (t->len == sizeof t->buf)
            gtext_flush(t);
        size_t room = sizeof t->buf - t->len;
        size_t n = len < room ? len : room;
        memcpy(t->buf + t->len, s, n);
        t->len += n;
        s += n;
        len -= n;
    }
}

void rc__gtext_puts(rc__gtext *t, const char *s) {
    rc__gtext_put(t, s, strlen(s));
}

void rc__gtext_printf(rc__gtext *t, const char *fmt, ...) {
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n > 0)
        rc__gtext_put(t, line,
                      (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

int rc__gtext_finish(rc__gtext *t) {
    gtext_flush(t);
    return t->status;
}

int rc_graph_sink_file(const char *data, size_t len, void *arg) {
    return fwrite(data, 1, len, arg) == len ? 0 : RC_EINVAL;
}

/* ====================================================================== */
/* Walking a scope                                                        */
/* ====================================================================== */

int rc__graph_enter(rc_runtime *rt) {
    if (rt->gc.collecting)
        return rc_set_error(rt, RC_ESTATE,
                            "the graph walker cannot run during a collection");
    return 0;
}

bool rc__graph_traversable(const rc_object *o) {
    const rc_type *t = o->type;
    return (t->flags & RC_TYPE_HEAP) ||
           ((t->flags & RC_TYPE_GC) && rc__has_referents(t));
}

typedef struct live_walk {
    rc__objfn fn;
    void *arg;
} live_walk;

static int visit_live(rc_object *o, void *arg) {
    live_walk *w = arg;
    return o->refcnt ? w->fn(o, w->arg) : 0; /* 0: a kept (free-list) block */
}

int rc__graph_foreach(rc_runtime *rt, rc_graph_scope scope, rc__objfn fn,
                      void *arg) {
    if (scope == RC_GRAPH_ALL) {
        live_walk w = {fn, arg};
        return rc__heap_foreach_object(rt, visit_live, &w);
    }
    for (int g = 0; g <= RC__OLDEST; g++) {
        int r = rc__gcs_foreach(rt, g, fn, arg);
        if (r)
            return r;
    }
    return 0;
}

/* ====================================================================== */
/* Referents and referrers                                                */
/* ====================================================================== */

static int push_child(rc_object *child, void *arg) {
    return child ? rc__gvec_push(arg, child) : 0;
}

int rc__graph_referents_into(rc_runtime *rt, rc_object *o, rc__gvec *v) {
    if (!rc__graph_traversable(o))
        return 0;
    return rc__traverse(rt, o, push_child, v);
}

typedef struct referrer_walk {
    rc_runtime *rt;
    rc_object *target;
    rc__gvec *out;
} referrer_walk;

static int visit_is_target(rc_object *child, void *arg) {
    return child == arg;
}

static int push_if_referrer(rc_object *o, void *arg) {
    referrer_walk *w = arg;
    if (!rc__graph_traversable(o) ||
        !rc__traverse(w->rt, o, visit_is_target, w->target))
        return 0;
    return rc__gvec_push(w->out, o);
}

int rc__graph_referrers_into(rc_runtime *rt, rc_object *o, rc_graph_scope scope,
                             rc__gvec *v) {
    referrer_walk w = {rt, o, v};
    return rc__graph_foreach(rt, scope, push_if_referrer, &w);
}

static bool bad_scope(rc_runtime *rt, rc_graph_scope scope) {
    if (scope == RC_GRAPH_TRACKED || scope == RC_GRAPH_ALL)
        return false;
    rc_set_error(rt, RC_EINVAL, "invalid graph scope %d", (int)scope);
    return true;
}

rc_object **rc_graph_referents(rc_runtime *rt, rc_object *o, size_t *count) {
    *count = 0;
    if (rc__graph_enter(rt) < 0)
        return NULL;
    rc__gvec v = {.rt = rt};
    if (rc__graph_referents_into(rt, o, &v) < 0) {
        rc__gvec_free(&v);
        return NULL;
    }
    return rc__gvec_result(&v, count);
}

rc_object **rc_graph_referrers(rc_runtime *rt, rc_object *o,
                               rc_graph_scope scope, size_t *count) {
    *count = 0;
    if (rc__graph_enter(rt) < 0 || bad_scope(rt, scope))
        return NULL;
    rc__gvec v = {.rt = rt};
    if (rc__graph_referrers_into(rt, o, scope, &v) < 0) {
        rc__gvec_free(&v);
        return NULL;
    }
    return rc__gvec_result(&v, count);
}

/* ====================================================================== */
/* Objects by type                                                        */
/* ====================================================================== */

typedef struct type_walk {
    const char *name; /* NULL: every type */
    rc__gvec *out;
} type_walk;

static int push_if_named(rc_object *o, void *arg) {
    type_walk *w = arg;
    if (o->refcnt & RC_IMMORTAL)
        return 0;
    if (w->name && strcmp(o->type->name, w->name) != 0)
        return 0;
    return rc__gvec_push(w->out, o);
}

rc_object **rc_graph_objects(rc_runtime *rt, rc_graph_scope scope,
                             const char *type_name, size_t *count) {
    *count = 0;
    if (rc__graph_enter(rt) < 0 || bad_scope(rt, scope))
        return NULL;
    rc__gvec v = {.rt = rt};
    type_walk w = {type_name, &v};
    if (rc__graph_foreach(rt, scope, push_if_named, &w) < 0) {
        rc__gvec_free(&v);
        return NULL;
    }
    return rc__gvec_result(&v, count);
}

/* ====================================================================== */
/* Short descriptions                                                     */
/* ====================================================================== */

/* Copies s into buf, cut to fit at a UTF-8 boundary with "..." marking a
 * cut. Returns the length written. */
static size_t copy_cut(char *buf, size_t cap, const char *s, size_t len) {
    if (len < cap) {
        memcpy(buf, s, len);
        buf[len] = '\0';
        return len;
    }
    if (cap < 4) {
        buf[0] = '\0';
        return 0;
    }
    size_t n = cap - 4;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--; /* do not split a character */
    memcpy(buf, s, n);
    memcpy(buf + n, "...", 4);
    return n + 3;
}

size_t rc_graph_short_repr(rc_object *o, char *buf, size_t cap) {
    if (!cap)
        return 0;
    rc_runtime *rt = rc__runtime_of(o);
    rc__guard saved;
    rc__guard_enter(rt, &saved);
    rc_object *s = rc_repr(o);
    size_t n;
    if (s && rc_is_str(s)) {
        n = copy_cut(buf, cap, rc_str_utf8(s), rc_str_size(s));
    } else {
        char fallback[160];
        snprintf(fallback, sizeof fallback, "<%s object at %p>", o->type->name,
                 (void *)o);
        n = copy_cut(buf, cap, fallback, strlen(fallback));
    }
    rc_xdecref(s);
    rc__guard_restore(rt, &saved);
    return n;
}
