/*
 * rcgc/graph.h — the graph walker: looking at the heap as a graph of
 * references, to find out what holds what and why an object is alive.
 *
 * It answers the questions a leak hunt asks:
 *   - what does this object refer to, and what refers to it?
 *     (rc_graph_referents, rc_graph_referrers)
 *   - which objects of a type are alive? (rc_graph_objects)
 *   - how many objects of each type, and how many bytes, are alive now, and
 *     what grew since then? (rc_snapshot_take, rc_snapshot_diff)
 *   - why is this object still alive: which chain of references leads to it
 *     from something held outside the heap? (rc_graph_why_alive)
 *   - what does the neighbourhood of these objects look like? (a DOT
 *     picture with objgraph's options: rc_graph_write_dot), or the whole
 *     heap? (JSON: rc_graph_write_json)
 *
 * Ownership follows rcgc.h. Arrays of objects hold new references and are
 * released with rc_gc_release_objects; NULL with *count 0 means "nothing"
 * when rc_last_error(rt) is RC_OK, and a failure otherwise. Every function
 * fails with RC_ESTATE while a collection runs (from a finalizer, a weakref
 * callback or a gc callback) and with RC_ENOMEM when memory is refused; a
 * failed call changes nothing. The walker never runs a collection itself
 * and leaves the collector's state as it found it.
 *
 * Callbacks (filters, labels, predicates) and repr may run code of the
 * embedding language. While they run, the walker holds a reference to every
 * object it has reached, so the code may allocate, collect or drop its own
 * references safely; an error a callback reports (a negative result, with
 * the error recorded on the runtime) stops the walk and is returned as is.
 *
 * Output goes through a sink the caller chooses (rc_graph_sink):
 * rc_graph_sink_file writes to a FILE *.
 */
#ifndef RCGC_GRAPH_H
#define RCGC_GRAPH_H

#include <rcgc.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ====================================================================== */
/* Scope and output                                                       */
/* ====================================================================== */

/* Which objects a walk considers. */
typedef enum rc_graph_scope {
    RC_GRAPH_TRACKED = 0, /* the objects the collector tracks in generations
                             0-2: what Python's gc.get_objects() and
                             gc.get_referrers() see (objgraph's view) */
    RC_GRAPH_ALL = 1      /* every live object of the runtime: tracked,
                             untracked, frozen and immortal ones */
} rc_graph_scope;

/* Receives output text (not NUL-terminated): 0 to go on, or a negative
 * status (with an error recorded) to stop the writer, which returns it. */
typedef int (*rc_graph_sink)(const char *data, size_t len, void *arg);

/* A sink writing to arg, a FILE *: RC_EINVAL ("write error") when fwrite
 * fails. It records the error on no runtime; the writer then records
 * RC_EINVAL "cannot write the output" on its own. */
RC_API int rc_graph_sink_file(const char *data, size_t len, void *arg);

/* ====================================================================== */
/* Neighbours and objects by type                                         */
/* ====================================================================== */

/* What o refers to, in the order its type's traverse visits them, with
 * repeats (a list holding x twice gives x twice): the owner of a run-time
 * type first (RC_TYPE_HEAP), then the children of an object of a GC type.
 * Objects of other types refer to nothing the library can see. Python's
 * gc.get_referents(o). */
RC_API rc_object **rc_graph_referents(rc_runtime *rt, rc_object *o,
                                      size_t *count);

/* The objects of scope that refer to o, each once, youngest generation
 * first for RC_GRAPH_TRACKED (Python's gc.get_referrers(o)); in heap order
 * for RC_GRAPH_ALL, which also finds untracked containers. */
RC_API rc_object **rc_graph_referrers(rc_runtime *rt, rc_object *o,
                                      rc_graph_scope scope, size_t *count);

/* The live objects of scope whose type is named type_name (NULL: of every
 * type), in heap order. Immortal objects are left out. */
RC_API rc_object **rc_graph_objects(rc_runtime *rt, rc_graph_scope scope,
                                    const char *type_name, size_t *count);

/* A short description of o for a label: repr(o) cut to cap - 1 bytes (at a
 * UTF-8 character boundary, "..." marking the cut), or "<NAME object at
 * 0x...>" when repr fails (the error repr recorded is dropped, and an error
 * recorded before the call is kept). Always NUL-terminates buf (cap > 0).
 * Returns the length written. repr may run code of the embedding
 * language. */
RC_API size_t rc_graph_short_repr(rc_object *o, char *buf, size_t cap);

/* How from refers to to, for a builtin container: "[3]" (list or tuple
 * index), "['key']" (the value of a dict key, by the key's repr), "key
 * 'k'" (a dict key itself), "member" (of a set or frozenset), "type" (the
 * owner of from's run-time type). Writes at most cap bytes (NUL included)
 * to buf and returns 1; 0 (buf "") when from is of another type or does not
 * refer to to directly. repr of a key may run code of the embedding
 * language (its failure is dropped: "[<key>]"). */
RC_API int rc_graph_link_name(rc_object *from, rc_object *to, char *buf,
                              size_t cap);

/* ====================================================================== */
/* Snapshots: objects and bytes by type                                   */
/* ====================================================================== */

typedef struct rc_snapshot rc_snapshot; /* opaque */

typedef struct rc_snapshot_row {
    const char *type_name; /* borrowed from the snapshot */
    size_t count;          /* live objects of the type */
    size_t bytes;          /* their sizes (rc_sizeof) added up */
} rc_snapshot_row;

/* Counts the live objects of scope by type name (immortal objects left
 * out), with their bytes as rc_sizeof reports them. Types are told apart
 * by name, so two run-time types of one name share a row, and a row
 * outlives its type. The snapshot belongs to rt: free it (rc_snapshot_free)
 * before the runtime. NULL on failure (RC_ENOMEM, RC_ESTATE). */
RC_API rc_snapshot *rc_snapshot_take(rc_runtime *rt, rc_graph_scope scope);

/* NULL is a no-op. */
RC_API void rc_snapshot_free(rc_snapshot *s);

RC_API rc_runtime *rc_snapshot_runtime(const rc_snapshot *s);
RC_API rc_graph_scope rc_snapshot_scope(const rc_snapshot *s);

/* Rows, most objects first (ties: more bytes first, then by name); row i
 * for i < rc_snapshot_rows(s), else NULL. Borrowed from the snapshot. */
RC_API size_t rc_snapshot_rows(const rc_snapshot *s);
RC_API const rc_snapshot_row *rc_snapshot_get(const rc_snapshot *s, size_t i);
/* The row of a type name, or NULL when no such object was alive. */
RC_API const rc_snapshot_row *rc_snapshot_find(const rc_snapshot *s,
                                               const char *type_name);
/* Objects and bytes over every row. */
RC_API void rc_snapshot_totals(const rc_snapshot *s, size_t *count,
                               size_t *bytes);

/* What changed for one type between two snapshots. */
typedef struct rc_snapshot_delta {
    const char *type_name; /* borrowed from the diff */
    size_t count_before, count_after;
    size_t bytes_before, bytes_after;
    ptrdiff_t count; /* count_after - count_before */
    ptrdiff_t bytes; /* bytes_after - bytes_before */
} rc_snapshot_delta;

typedef struct rc_snapshot_diff rc_snapshot_diff; /* opaque */

/* The types whose count or bytes changed from before to after: most grown
 * first (by count, then bytes, then name), shrunk ones last. Independent of
 * the two snapshots once made (they may be freed). NULL on failure:
 * RC_EINVAL "snapshots of different runtimes cannot be compared" (recorded
 * on after's runtime) or "... of different scopes ...", RC_ENOMEM. */
RC_API rc_snapshot_diff *rc_snapshot_diff_new(const rc_snapshot *before,
                                              const rc_snapshot *after);
RC_API void rc_snapshot_diff_free(rc_snapshot_diff *d); /* NULL: no-op */
RC_API size_t rc_snapshot_diff_rows(const rc_snapshot_diff *d);
RC_API const rc_snapshot_delta *
rc_snapshot_diff_get(const rc_snapshot_diff *d, size_t i); /* NULL past end */

/* Tables for people, through sink: "type  count  bytes" per row, and for a
 * diff "type  count (+delta)  bytes (+delta)"; limit rows at most (0: all),
 * then a "total" line. 0, or the sink's status. */
RC_API int rc_snapshot_print(const rc_snapshot *s, size_t limit,
                             rc_graph_sink sink, void *arg);
RC_API int rc_snapshot_diff_print(const rc_snapshot_diff *d, size_t limit,
                                  rc_graph_sink sink, void *arg);

/* ====================================================================== */
/* Chains: why is an object alive?                                        */
/* ====================================================================== */

/*
 * A root is an object referenced from outside the heap's objects: from a C
 * variable, an interpreter's stack or state, an immortal count. The walker
 * finds them as the collector does (CPython's gc_refs subtraction), over
 * every live object: a root's count is larger than the number of
 * references the heap's objects hold to it.
 */
typedef struct rc_graph_chain_info {
    size_t external; /* references to the chain's first object from outside
                        the heap (for the target itself: beyond `held`) */
    bool garbage;    /* no root reaches the target: it is only reachable
                        from cyclic garbage that a collection would free */
} rc_graph_chain_info;

/* A shortest chain of references [root, ..., target]: each object refers
 * to the next, the first is a root. held is how many references to target
 * the caller holds for the call (an argument on an interpreter's stack), so
 * that they do not make target a root by themselves; target is its own
 * chain (count 1) when other outside references remain. When no root
 * reaches target, NULL with *count 0, no error, and info->garbage set.
 * info may be NULL. */
RC_API rc_object **rc_graph_why_alive(rc_runtime *rt, rc_object *target,
                                      size_t held, size_t *count,
                                      rc_graph_chain_info *info);

/* 1: o matches, 0: it does not, negative: an error (recorded) that stops
 * the search. */
typedef int (*rc_graph_predicate)(rc_object *o, void *arg);

/* A shortest chain between start and an object matching pred, breadth
 * first, at most max_depth references long: forward (backwards false) it
 * follows referents and returns [start, ..., match]; backwards it follows
 * referrers of scope and returns [match, ..., start]; either way each
 * object refers to the next. start itself may match. Objects whose address
 * is among ignore[0, nignore) are not entered. NULL with *count 0 and no
 * error when nothing matches (objgraph's find_ref_chain and
 * find_backref_chain then return [start]). */
RC_API rc_object **rc_graph_find_chain(rc_runtime *rt, rc_object *start,
                                       bool backwards, rc_graph_scope scope,
                                       int max_depth, rc_graph_predicate pred,
                                       void *arg, const void *const *ignore,
                                       size_t nignore, size_t *count);

/* ====================================================================== */
/* Pictures: DOT for a neighbourhood, JSON for the whole heap             */
/* ====================================================================== */

/* rc_graph_dot_options.node_flags results (or'ed). */
#define RC_GRAPH_NODE_HIGHLIGHT 1u /* drawn blue (objgraph's highlight) */
#define RC_GRAPH_NODE_ROOT      2u /* drawn green (objgraph's modules) */
#define RC_GRAPH_NODE_FINALIZER 4u /* marked "__del__": has a finalizer */
#define RC_GRAPH_NODE_STOP                                                     \
    8u /* drawn, but its neighbours are not                                    \
          followed (objgraph stops at modules                                  \
          when drawing back-references) */

#define RC_GRAPH_LABEL_MAX 1024 /* bytes given to a label callback */

/*
 * How rc_graph_write_dot draws. Start from rc_graph_dot_defaults() (size
 * and objgraph's defaults filled in); every callback may be NULL and gets
 * arg. Callbacks return 0 / 1 as described, or a negative status with an
 * error recorded, which stops the writer.
 *
 * The walk is objgraph's: breadth first from the starting objects (depth
 * 0, written in red), each node is drawn with a label and a fill colour
 * that darkens with depth; nodes at max_depth, and STOP nodes, are not
 * expanded. Expanding a node lists its neighbours (referents, or referrers
 * of scope when backrefs), skips those in ignore or refused by filter, and
 * draws an edge to each of the first too_many (repeats included); the rest
 * become one "N more references" node. A neighbour seen for the first time
 * is queued at depth + 1.
 */
typedef struct rc_graph_dot_options {
    size_t size;               /* sizeof(rc_graph_dot_options) */
    int max_depth;             /* 3 */
    int too_many;              /* 10 */
    bool backrefs;             /* false: follow references (objgraph show_refs);
                                  true: follow referrers (show_backrefs) */
    rc_graph_scope scope;      /* where referrers are looked for: TRACKED */
    bool refcounts;            /* show each node's count in the default label */
    const void *const *ignore; /* addresses never drawn (objgraph's
                                  extra_ignore: ids) */
    size_t nignore;
    void *arg;
    /* 1: draw neighbour o, 0: leave it out (objgraph's filter) */
    int (*filter)(rc_object *o, void *arg);
    /* RC_GRAPH_NODE_* for o; NULL: FINALIZER when its type has one */
    int (*node_flags)(rc_object *o, void *arg);
    /* o's label into buf (NUL-terminated, cap RC_GRAPH_LABEL_MAX; lines
     * separated by '\n'; the writer quotes it); refs is o's count less the
     * walker's own reference. NULL: the type's name, then " [refs]" when
     * refcounts, then the short repr and the size in bytes. */
    int (*label)(rc_object *o, size_t refs, char *buf, size_t cap, void *arg);
    /* the label of the edge from -> to into buf ("" for none), and its
     * weight in *weight (0: none written). NULL: rc_graph_link_name. */
    int (*edge_label)(rc_object *from, rc_object *to, char *buf, size_t cap,
                      int *weight, void *arg);
    /* extra attributes of o's node, written verbatim after its label
     * (", URL=\"x\""), or "". NULL: none. */
    int (*node_attrs)(rc_object *o, char *buf, size_t cap, void *arg);
} rc_graph_dot_options;

RC_API rc_graph_dot_options rc_graph_dot_defaults(void);

/* Writes "digraph ObjectGraph { ... }" for the neighbourhood of
 * starts[0, nstarts) through sink. Nodes are named "o" followed by the
 * object's address in decimal (objgraph's "o" + id). Returns the number of
 * objects drawn, or a negative status (RC_EINVAL for options of an unknown
 * size or a negative depth; RC_ENOMEM; a callback's or the sink's). */
RC_API ptrdiff_t rc_graph_write_dot(rc_runtime *rt, rc_object *const *starts,
                                    size_t nstarts,
                                    const rc_graph_dot_options *opt,
                                    rc_graph_sink sink, void *arg);

/* rc_graph_write_json flags */
#define RC_GRAPH_JSON_REPR                                                     \
    1u /* give each node a "repr" (runs repr on every                          \
          object: slow on a big heap) */

/*
 * The whole graph of scope as one JSON object:
 *   {"nodes": [{"id": "0x...", "type": "list", "size": 88, "refcnt": 2,
 *               "repr": "[1, 2, 3]"}, ...],
 *    "edges": [[0, 1], ...]}
 * An edge [i, j] says node i refers to node j (indices into "nodes"; a
 * reference repeated is one edge per reference); references to objects
 * outside the scope are left out. "refcnt" is absent for immortal objects;
 * "repr" only with RC_GRAPH_JSON_REPR (short, as rc_graph_short_repr).
 * Returns the number of nodes, or a negative status.
 */
RC_API ptrdiff_t rc_graph_write_json(rc_runtime *rt, rc_graph_scope scope,
                                     unsigned flags, rc_graph_sink sink,
                                     void *arg);

#ifdef __cplusplus
}
#endif

#endif /* RCGC_GRAPH_H */
