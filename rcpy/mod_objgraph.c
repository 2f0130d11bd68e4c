/*
 * mod_objgraph.c — the `_objgraph` module: the library's graph walker
 * (rcgc/graph.h) for Python, under the objgraph module written in Python
 * (lib/objgraph.py), and the rendering of its pictures.
 *
 *   dot(objs, backrefs, max_depth, too_many, ignore, filter, flags, label,
 *       edge_label, attrs)        the DOT text of a neighbourhood and how
 *                                 many objects it draws: (text, n); the
 *                                 callables (or None) decide what objgraph
 *                                 decides: filter(o) -> bool, flags(o) ->
 *                                 RC_GRAPH_NODE_* bits, label(o, refs) ->
 *                                 str, edge_label(src, dst) -> None or
 *                                 (label, weight), attrs(o) -> str
 *   render(dot_path, out_path)    the picture in out_path's format (png,
 *                                 svg, pdf, ...): Graphviz's gvc library
 *                                 when the build found it, else the `dot`
 *                                 command; False when neither exists
 *   renderer()                    "gvc", "dot" or None
 *   mkstemp()                     a new empty /tmp/objgraph-XXXXXX.dot
 *   find_chain(obj, predicate, backwards, max_depth, ignore)
 *   why_alive(obj, held)          (chain, external references, garbage)
 *   link_name(src, dst)           the library's name for the link, or None
 *
 * Invariant: a Python exception raised by a callable stops the walk, and
 * the function returns NULL with it pending; nothing is left half-written
 * except output files.
 */
#define _GNU_SOURCE /* mkstemps */
#include "front.h"

#include <rcgc/graph.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef RP_HAVE_GVC
#include <graphviz/gvc.h>
#endif

/* ====================================================================== */
/* Callables behind the walker's callbacks                                */
/* ====================================================================== */

typedef struct bridge {
    rp_interp *ip;
    rc_object *filter, *flags, *label, *edge_label, *attrs; /* or NULL */
} bridge;

/* The status to hand the walker for the pending exception. */
static int failed(rp_interp *ip) {
    int s = rc_last_error(ip->rt);
    return s < 0 ? s : RC_EEXCEPTION;
}

/* A str result copied into buf (cut at a character boundary). */
static int copy_str(rp_interp *ip, rc_object *s, char *buf, size_t cap,
                    const char *what) {
    if (!rc_is_str(s)) {
        rp_raise(ip, ip->exc.TypeError, "%s must return a str, not %s", what,
                 rc_type_name(s));
        return failed(ip);
    }
    size_t n = rc_str_size(s);
    if (n >= cap) {
        n = cap - 1;
        while (n && ((unsigned char)rc_str_utf8(s)[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(buf, rc_str_utf8(s), n);
    buf[n] = '\0';
    return 0;
}

static int cb_filter(rc_object *o, void *arg) {
    bridge *b = arg;
    rc_object *r = rp_call1(b->ip, b->filter, o);
    if (!r)
        return failed(b->ip);
    int t = rp_truth(b->ip, r);
    rc_decref(r);
    return t < 0 ? failed(b->ip) : t;
}

static int cb_flags(rc_object *o, void *arg) {
    bridge *b = arg;
    rc_object *r = rp_call1(b->ip, b->flags, o);
    int64_t v = 0;
    if (!r || rp_index(b->ip, r, &v) < 0) {
        rc_xdecref(r);
        return failed(b->ip);
    }
    rc_decref(r);
    return (int)(v & 0xFF);
}

static int cb_label(rc_object *o, size_t refs, char *buf, size_t cap,
                    void *arg) {
    bridge *b = arg;
    rc_object *n = rc_int_from_u64(b->ip->rt, refs);
    rc_object *r = n ? rp_call2(b->ip, b->label, o, n) : NULL;
    rc_xdecref(n);
    if (!r)
        return failed(b->ip);
    int s = copy_str(b->ip, r, buf, cap, "label");
    rc_decref(r);
    return s;
}

static int cb_edge(rc_object *from, rc_object *to, char *buf, size_t cap,
                   int *weight, void *arg) {
    bridge *b = arg;
    rc_object *r = rp_call2(b->ip, b->edge_label, from, to);
    if (!r)
        return failed(b->ip);
    int s = 0;
    int64_t w = 0;
    if (r == b->ip->none) {
        buf[0] = '\0';
    } else if (!rc_is_tuple(r) || rc_tuple_size(r) != 2) {
        rp_raise(b->ip, b->ip->exc.TypeError,
                 "edge_label must return None or (label, weight)");
        s = failed(b->ip);
    } else if ((s = copy_str(b->ip, rc_tuple_get(r, 0), buf, cap,
                             "edge_label")) == 0 &&
               rp_index(b->ip, rc_tuple_get(r, 1), &w) < 0) {
        s = failed(b->ip);
    }
    *weight = (int)w;
    rc_decref(r);
    return s;
}

static int cb_attrs(rc_object *o, char *buf, size_t cap, void *arg) {
    bridge *b = arg;
    rc_object *r = rp_call1(b->ip, b->attrs, o);
    if (!r)
        return failed(b->ip);
    int s = copy_str(b->ip, r, buf, cap, "attrs");
    rc_decref(r);
    return s;
}

/* ====================================================================== */
/* Arguments                                                              */
/* ====================================================================== */

static rc_object *callable_or_null(rp_interp *ip, rc_object *o) {
    return o && o != ip->none ? o : NULL;
}

/* The items of a list or tuple, copied into malloc'd memory (borrowed
 * references: the walker holds them before any code runs). */
static int seq_items(rp_interp *ip, rc_object *seq, rc_object ***items,
                     size_t *n, const char *what) {
    bool list = rc_is_list(seq);
    if (!list && !rc_is_tuple(seq))
        return rp_raise(ip, ip->exc.TypeError, "%s must be a list or a tuple",
                        what);
    *n = list ? rc_list_size(seq) : rc_tuple_size(seq);
    *items = malloc((*n ? *n : 1) * sizeof **items);
    if (!*items)
        return rp_raise(ip, ip->exc.MemoryError, "out of memory");
    for (size_t i = 0; i < *n; i++)
        (*items)[i] =
            list ? rc_list_get(seq, (ptrdiff_t)i) : rc_tuple_get(seq, i);
    return 0;
}

/* ids (ints) as addresses, into malloc'd memory (*out NULL when none). */
static int ids_of(rp_interp *ip, rc_object *seq, const void ***out, size_t *n) {
    rc_object **items;
    *out = NULL;
    if (seq_items(ip, seq, &items, n, "ignore") < 0)
        return -1;
    const void **ids = (const void **)items; /* converted in place */
    for (size_t i = 0; i < *n; i++) {
        int64_t v;
        if (rp_index(ip, items[i], &v) < 0) {
            free(items);
            return -1;
        }
        ids[i] = (const void *)(uintptr_t)(uint64_t)v;
    }
    *out = ids;
    return 0;
}

/* ====================================================================== */
/* dot()                                                                  */
/* ====================================================================== */

int rp_membuf_sink(const char *data, size_t len, void *arg) {
    rp_membuf *m = arg;
    if (m->len + len + 1 > m->cap) {
        size_t cap = (m->len + len + 1) * 2;
        char *p = realloc(m->data, cap);
        if (!p)
            return RC_ENOMEM;
        m->data = p;
        m->cap = cap;
    }
    memcpy(m->data + m->len, data, len);
    m->len += len;
    return 0;
}

static rc_object *dot_result(rp_interp *ip, rp_membuf *m, ptrdiff_t n) {
    rc_object *text = rc_str_from_utf8(ip->rt, m->data ? m->data : "", m->len);
    rc_object *count = text ? rc_int_from_i64(ip->rt, n) : NULL;
    rc_object *r = count ? rc_tuple_pack(ip->rt, 2, text, count) : NULL;
    rc_xdecref(text);
    rc_xdecref(count);
    return r;
}

static void dot_setup(rp_interp *ip, rc_object **a, bridge *b,
                      rc_graph_dot_options *o, int64_t depth, int64_t many) {
    *b = (bridge){ip,
                  callable_or_null(ip, a[5]),
                  callable_or_null(ip, a[6]),
                  callable_or_null(ip, a[7]),
                  callable_or_null(ip, a[8]),
                  callable_or_null(ip, a[9])};
    *o = rc_graph_dot_defaults();
    o->backrefs = a[1] && rp_truth(ip, a[1]) == 1;
    o->max_depth = (int)depth;
    o->too_many = (int)many;
    o->arg = b;
    o->filter = b->filter ? cb_filter : NULL;
    o->node_flags = b->flags ? cb_flags : NULL;
    o->label = b->label ? cb_label : NULL;
    o->edge_label = b->edge_label ? cb_edge : NULL;
    o->node_attrs = b->attrs ? cb_attrs : NULL;
}

static rc_object *og_dot(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    (void)self;
    static const char *const names[] = {
        "objs",  "backrefs", "max_depth",  "too_many", "ignore", "filter",
        "flags", "label",    "edge_label", "attrs",    NULL};
    static const rp_argspec spec = {"dot", names, 1, 10, 0};
    rc_object *a[10];
    int64_t depth = 3, many = 10;
    rc_object **starts = NULL;
    size_t nstarts, nignore = 0;
    const void **ignore = NULL;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0 ||
        (a[2] && rp_index(ip, a[2], &depth) < 0) ||
        (a[3] && rp_index(ip, a[3], &many) < 0))
        return NULL;
    if (depth < 0 || depth > 1000000 || many < 0 || many > 1000000000) {
        rp_raise(ip, ip->exc.ValueError,
                 "max_depth and too_many must be non-negative");
        return NULL;
    }
    if (seq_items(ip, a[0], &starts, &nstarts, "objs") < 0)
        return NULL;
    if (a[4] && a[4] != ip->none && ids_of(ip, a[4], &ignore, &nignore) < 0) {
        free(starts);
        return NULL;
    }
    bridge b;
    rc_graph_dot_options o;
    dot_setup(ip, a, &b, &o, depth, many);
    o.ignore = ignore;
    o.nignore = nignore;
    rp_membuf m = {0};
    ptrdiff_t n =
        rc_graph_write_dot(ip->rt, starts, nstarts, &o, rp_membuf_sink, &m);
    free(starts);
    free(ignore);
    rc_object *r = n < 0 ? NULL : dot_result(ip, &m, n);
    free(m.data);
    return r;
}

/* ====================================================================== */
/* Rendering                                                              */
/* ====================================================================== */

static bool dot_in_path(void) {
    const char *path = getenv("PATH");
    char buf[4096];
    while (path && *path) {
        const char *end = strchr(path, ':');
        size_t len = end ? (size_t)(end - path) : strlen(path);
        snprintf(buf, sizeof buf, "%.*s/dot", (int)len, path);
        if (access(buf, X_OK) == 0)
            return true;
        path = end ? end + 1 : NULL;
    }
    return false;
}

/* "gvc" (the library, when the build found it), "dot" (the command on
 * PATH) or NULL. RCPY_GRAPHVIZ=dot picks the command, =none neither. */
static const char *renderer(void) {
    const char *want = getenv("RCPY_GRAPHVIZ");
    if (want && strcmp(want, "none") == 0)
        return NULL;
#ifdef RP_HAVE_GVC
    if (!want || strcmp(want, "dot") != 0)
        return "gvc";
#endif
    return dot_in_path() ? "dot" : NULL;
}

/* The format from the file name's extension ("png"); NULL without one. */
static const char *format_of(const char *path) {
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    return dot && (!slash || dot > slash) && dot[1] ? dot + 1 : NULL;
}

/* Waits for a rendering child: 0, or RuntimeError naming how it ended. */
static int wait_renderer(rp_interp *ip, pid_t pid, const char *what,
                         const char *out) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;
    return rp_raise(ip, ip->exc.RuntimeError,
                    "%s failed (exit code %d) while rendering %s", what,
                    WIFEXITED(status) ? WEXITSTATUS(status) : -1, out);
}

#ifdef RP_HAVE_GVC
/* In the child: lay out and render with the gvc library; exit status 0 on
 * success. */
static int gvc_child(const char *in, const char *out, const char *fmt) {
    FILE *f = fopen(in, "r");
    if (!f)
        return 1;
    GVC_t *gvc = gvContext();
    Agraph_t *g = gvc ? agread(f, NULL) : NULL;
    int r = g && gvLayout(gvc, g, "dot") == 0 &&
                    gvRenderFilename(gvc, g, fmt, out) == 0
                ? 0
                : 1;
    fflush(stderr);
    return r;
}

/* Graphviz runs in a child process: its own allocations (it keeps caches
 * for the process's life), global state and any crash stay out of the
 * interpreter. */
static int render_gvc(rp_interp *ip, const char *in, const char *out,
                      const char *fmt) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return rp_raise_oserror(ip, errno, NULL);
    if (pid == 0)
        _exit(gvc_child(in, out, fmt));
    return wait_renderer(ip, pid, "Graphviz", out);
}
#endif

static int render_dot_command(rp_interp *ip, const char *in, const char *out,
                              const char *fmt) {
    char tflag[64], oflag[4200];
    snprintf(tflag, sizeof tflag, "-T%s", fmt);
    snprintf(oflag, sizeof oflag, "-o%s", out);
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return rp_raise_oserror(ip, errno, NULL);
    if (pid == 0) {
        execlp("dot", "dot", tflag, oflag, in, (char *)NULL);
        _exit(127);
    }
    return wait_renderer(ip, pid, "dot", out);
}

/* The output file must be writable: OSError as open() raises it. */
static int check_writable(rp_interp *ip, rc_object *path) {
    FILE *f = fopen(rc_str_utf8(path), "ab");
    if (!f)
        return rp_raise_oserror(ip, errno, path);
    fclose(f);
    return 0;
}

static rc_object *og_render(rp_interp *ip, rc_object *self,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "render", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (!rc_is_str(args[0]) || !rc_is_str(args[1])) {
        rp_raise(ip, ip->exc.TypeError, "render() takes two paths (str)");
        return NULL;
    }
    const char *in = rc_str_utf8(args[0]), *out = rc_str_utf8(args[1]);
    const char *fmt = format_of(out);
    if (!fmt) {
        rp_raise(ip, ip->exc.ValueError,
                 "cannot tell the picture's format: %s has no extension", out);
        return NULL;
    }
    const char *how = renderer();
    if (!how)
        return rp_bool(ip, false);
    if (check_writable(ip, args[1]) < 0)
        return NULL;
#ifdef RP_HAVE_GVC
    if (strcmp(how, "gvc") == 0)
        return render_gvc(ip, in, out, fmt) < 0 ? NULL : rp_bool(ip, true);
#endif
    int r = render_dot_command(ip, in, out, fmt);
    return r < 0 ? NULL : rp_bool(ip, true);
}

static rc_object *og_renderer(rp_interp *ip, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    (void)self, (void)args;
    if (rp_check_args(ip, "renderer", nargs, kwnames, 0, 0) < 0)
        return NULL;
    const char *how = renderer();
    return how ? rp_str(ip, how) : rp_none(ip);
}

static rc_object *og_mkstemp(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    (void)self, (void)args;
    if (rp_check_args(ip, "mkstemp", nargs, kwnames, 0, 0) < 0)
        return NULL;
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/objgraph-XXXXXX.dot",
             dir && *dir ? dir : "/tmp");
    int fd = mkstemps(path, 4);
    if (fd < 0) {
        rp_raise_oserror(ip, errno, NULL);
        return NULL;
    }
    close(fd);
    return rp_str(ip, path);
}

/* ====================================================================== */
/* Chains                                                                 */
/* ====================================================================== */

static rc_object *chain_list(rp_interp *ip, rc_object **objs, size_t n) {
    rc_object *list = rc_list_from_array(ip->rt, objs, n);
    rc_gc_release_objects(ip->rt, objs, n);
    return list;
}

static rc_object *og_find_chain(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    (void)self;
    static const char *const names[] = {"obj",       "predicate", "backwards",
                                        "max_depth", "ignore",    NULL};
    static const rp_argspec spec = {"find_chain", names, 2, 5, 0};
    rc_object *a[5];
    int64_t depth = 20;
    const void **ignore = NULL;
    size_t nignore = 0;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0 ||
        (a[3] && rp_index(ip, a[3], &depth) < 0) ||
        (a[4] && a[4] != ip->none && ids_of(ip, a[4], &ignore, &nignore) < 0))
        return NULL;
    bridge b = {ip, a[1], 0, 0, 0, 0};
    bool backwards = a[2] && rp_truth(ip, a[2]) == 1;
    size_t n = 0;
    rc_object **chain =
        rc_graph_find_chain(ip->rt, a[0], backwards, RC_GRAPH_TRACKED,
                            depth < 0         ? 0
                            : depth > 1000000 ? 1000000
                                              : (int)depth,
                            cb_filter, &b, ignore, nignore, &n);
    free(ignore);
    if (!chain && rp_err_occurred(ip))
        return NULL;
    return chain_list(ip, chain, n);
}

static rc_object *og_why_alive(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "why_alive", nargs, kwnames, 2, 2) < 0)
        return NULL;
    int64_t held;
    if (rp_index(ip, args[1], &held) < 0)
        return NULL;
    rc_graph_chain_info info;
    size_t n = 0;
    /* this call's own argument is one more reference */
    rc_object **chain = rc_graph_why_alive(
        ip->rt, args[0], (size_t)(held < 0 ? 0 : held) + 1, &n, &info);
    if (!chain && rp_err_occurred(ip))
        return NULL;
    rc_object *list = chain_list(ip, chain, n);
    rc_object *ext = list ? rc_int_from_u64(ip->rt, info.external) : NULL;
    rc_object *r =
        ext ? rc_tuple_pack(ip->rt, 3, list, ext, rp_bool(ip, info.garbage))
            : NULL;
    rc_xdecref(ext);
    rc_xdecref(list);
    return r;
}

static rc_object *og_link_name(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "link_name", nargs, kwnames, 2, 2) < 0)
        return NULL;
    char buf[256];
    if (!rc_graph_link_name(args[0], args[1], buf, sizeof buf))
        return rp_none(ip);
    return rp_str(ip, buf);
}

static const rp_methoddef objgraph_functions[] = {
    {"dot", og_dot, 0, "DOT text of a neighbourhood: (text, nodes)."},
    {"render", og_render, 0, "Render a .dot file to a picture."},
    {"renderer", og_renderer, 0, "'gvc', 'dot' or None."},
    {"mkstemp", og_mkstemp, 0, "A new temporary .dot file's path."},
    {"find_chain", og_find_chain, 0, "Shortest chain to a match."},
    {"why_alive", og_why_alive, 0, "(chain from a root, external, garbage)."},
    {"link_name", og_link_name, 0, "How src refers to dst, or None."},
    {NULL, NULL, 0, NULL},
};

int rp_init_objgraph_module(rp_interp *ip, rc_object *module) {
    const struct {
        const char *name;
        int64_t value;
    } consts[] = {
        {"HIGHLIGHT", RC_GRAPH_NODE_HIGHLIGHT},
        {"ROOT", RC_GRAPH_NODE_ROOT},
        {"FINALIZER", RC_GRAPH_NODE_FINALIZER},
        {"STOP", RC_GRAPH_NODE_STOP},
    };
    if (rp_module_add_functions(ip, module, objgraph_functions) < 0)
        return -1;
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (rp_module_add_object(ip, module, consts[i].name,
                                 rc_int_from_i64(ip->rt, consts[i].value)) < 0)
            return -1;
    return 0;
}
