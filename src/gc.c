/*
 * gc.c — the cycle collector: CPython's algorithm (DESIGN §6) over the set
 * that gcspace.c gathers, the generation triggers, and emergency collection.
 *
 * A collection of generation g:
 *   1. gather generations 0..g into the set (gcspace); every member counts
 *      in the target generation min(g + 1, 2) from now on;
 *   2. update_refs and
 *   3. subtract_refs, in one pass (count_refs): for each member, the
 *      references other members hold to it are counted; gc_refs is its
 *      refcnt minus that count;
 *   4. mark: members with gc_refs > 0 are roots; they and everything they
 *      reach leave the set (they survive, in the target generation). What
 *      stays in the set is unreachable;
 *   5. (builtin types, through the runtime's hooks) tuples/dicts that
 *      hold only untracked items are untracked;
 *   6. members of legacy-finalizer types and what they reach leave the set
 *      as uncollectable: into gc.garbage and the target generation;
 *   7. weak references to members, and weakrefs that are members, are
 *      cleared; callbacks of reachable weakrefs run (weakref.c);
 *   8. finalize runs once on each member that has not been finalized;
 *   9. if any finalizer or callback ran: 2-4 again on the set; what is
 *      referenced from outside now was resurrected and leaves the set into
 *      the oldest generation;
 *  10. each remaining member is cleared while held; reference counting
 *      frees members as their counts reach zero; members still alive once
 *      all were cleared leave into the oldest generation.
 *
 * Each member's state (the top half of its flags, gcspace.h) counts, from
 * the start of a pass over the set until its mark, the references members
 * hold to it: count_refs adds them up from zero, and counts too large for
 * the field go to a side table (ovf_*). gc_refs is refcnt minus that
 * count, computed when the mark comes to the member. A member is one test
 * of the flags away (RC__F_CAND), so following a reference reads nothing
 * but the referent's header.
 *
 * The mark phase is iterative: an explicit stack of members still to scan,
 * which is small in practice because a reached member that the linear scan
 * has yet to visit is only flagged, not pushed. If the stack cannot grow,
 * reached members stay flagged and the scan repeats until no flagged member
 * is left.
 */
#define _POSIX_C_SOURCE 200809L
#include "gcspace.h"

#include <time.h>

#define STACK_INLINE 256

/* The state field: counts below COUNT_IN_TABLE are exact; at
 * COUNT_IN_TABLE the exact count is in the ovf table. */
#define COUNT_IN_TABLE 0xFFFFu

static inline uint32_t count_of(uint32_t flags) {
    return flags >> RC__F_STATE_SHIFT;
}

typedef struct ovf_entry {
    rc_object *o;
    size_t refs;
} ovf_entry;

typedef struct collection {
    rc_runtime *rt;
    int generation;
    int target;
    ovf_entry *ovf; /* open addressing; NULL when empty */
    size_t ovf_cap, ovf_n;
    bool out;            /* counting: the member being counted refers to
                            something outside the set */
    size_t nout;         /* members flagged RC__F_OUT by the count */
    size_t garbage_mark; /* gc.garbage length before this collection */
} collection;

/* ====================================================================== */
/* Counts too large for the state field                                  */
/* ====================================================================== */

static size_t ovf_slot(const collection *c, const rc_object *o) {
    uintptr_t h = (uintptr_t)o >> 4;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 7) & (c->ovf_cap - 1);
}

static ovf_entry *ovf_find(const collection *c, const rc_object *o) {
    if (!c->ovf)
        return NULL;
    for (size_t i = ovf_slot(c, o);; i = (i + 1) & (c->ovf_cap - 1)) {
        if (c->ovf[i].o == o)
            return &c->ovf[i];
        if (!c->ovf[i].o)
            return NULL;
    }
}

static bool ovf_grow(collection *c) {
    size_t cap = c->ovf_cap ? c->ovf_cap * 2 : 16;
    ovf_entry *slots = rc_malloc(c->rt, cap * sizeof *slots);
    if (!slots)
        return false;
    memset(slots, 0, cap * sizeof *slots);
    ovf_entry *old = c->ovf;
    size_t oldcap = c->ovf_cap;
    c->ovf = slots;
    c->ovf_cap = cap;
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i].o)
            continue;
        size_t j = ovf_slot(c, old[i].o);
        while (slots[j].o)
            j = (j + 1) & (cap - 1);
        slots[j] = old[i];
    }
    rc_free(c->rt, old, oldcap * sizeof *old);
    return true;
}

/* Records an exact count; if the table cannot grow the member keeps no
 * count and is treated as a root (it is kept: safe, if conservative). */
static void ovf_put(collection *c, rc_object *o, size_t refs) {
    ovf_entry *e = ovf_find(c, o);
    if (!e) {
        if ((c->ovf_n + 1) * 2 > c->ovf_cap && !ovf_grow(c))
            return;
        size_t i = ovf_slot(c, o);
        while (c->ovf[i].o)
            i = (i + 1) & (c->ovf_cap - 1);
        e = &c->ovf[i];
        e->o = o;
        c->ovf_n++;
    }
    e->refs = refs;
}

static void ovf_free(collection *c) {
    rc_free(c->rt, c->ovf, c->ovf_cap * sizeof *c->ovf);
    c->ovf = NULL;
    c->ovf_cap = c->ovf_n = 0;
}

/* One more reference from a member to o, whose count field is full or
 * about to be: the count moves to (or on in) the table. */
static RC__NOINLINE void count_overflow(collection *c, rc_object *o) {
    if (count_of(o->flags) == COUNT_IN_TABLE - 1) {
        o->flags |= RC__F_STATE_MASK;
        ovf_put(c, o, COUNT_IN_TABLE);
        return;
    }
    ovf_entry *e = ovf_find(c, o);
    if (e)
        e->refs++;
}

static RC__NOINLINE void refs_underflow(const rc_object *o) {
    rc__fatal(rc__runtime_of(o),
              "rcgc: object of type '%s' at %p is referenced by tracked "
              "objects more often than its count (%u) says: a traverse "
              "function visits a reference its object does not own, or a "
              "reference was not counted",
              o->type->name, (const void *)o, (unsigned)o->refcnt);
}

/* gc_refs > 0: member o is referenced from outside the set. */
static inline bool refs_positive(const collection *c, const rc_object *o) {
    size_t refs = count_of(o->flags);
    if (RC__UNLIKELY(refs == COUNT_IN_TABLE)) {
        const ovf_entry *e = ovf_find(c, o);
        if (!e) /* the table could not grow: keep it */
            return true;
        refs = e->refs;
    }
    if (RC_DEBUG && refs > o->refcnt)
        refs_underflow(o);
    return o->refcnt > refs;
}

/* Calls visit on each reference o holds (rc__traverse: the item arrays of
 * tuples and lists are read directly, so the static, inlined visit
 * function runs in a plain loop; the owner of a run-time type counts). */
static RC__ALWAYS_INLINE void each_child(const collection *c, rc_object *o,
                                         rc_visitproc visit, void *arg) {
    rc__traverse(c->rt, o, visit, arg);
}

/* ====================================================================== */
/* Counting references between members                                     */
/* ====================================================================== */

/* CPython's update_refs and subtract_refs in one pass: every member's
 * count starts at zero and counts the references other members hold to
 * it; refcnt is read only when the mark needs gc_refs. */
static RC__ALWAYS_INLINE int visit_count(rc_object *child, void *arg) {
    if (!child)
        return 0;
    uint32_t f = child->flags;
    if (!(f & RC__F_CAND)) { /* not a member, or one met for the first time */
        if (!rc__gcs_flag(child)) {
            ((collection *)arg)->out = true;
            return 0;
        }
        f = child->flags;
    }
    if (RC__LIKELY(count_of(f) < COUNT_IN_TABLE - 1))
        child->flags = f + RC__F_STATE_ONE;
    else
        count_overflow(arg, child);
    return 0;
}

/* k references from members to child at once. */
static RC__ALWAYS_INLINE void count_run(collection *c, rc_object *child,
                                        size_t k) {
    uint32_t f = child->flags;
    if (!(f & RC__F_CAND)) {
        if (!rc__gcs_flag(child)) {
            c->out = true;
            return;
        }
        f = child->flags;
    }
    if (RC__LIKELY(count_of(f) + k < COUNT_IN_TABLE - 1))
        child->flags = f + (uint32_t)k * RC__F_STATE_ONE;
    else
        for (; k; k--)
            visit_count(child, c);
}

/* The items of a tuple or list, runs of one object counted at once: a
 * container that holds one object many times (pyperformance's
 * gc_traversal builds such lists) would otherwise add to one count in a
 * chain of dependent writes. */
static RC__ALWAYS_INLINE void count_items(collection *c, rc_object *o) {
    size_t n;
    rc_object *const *items = c->rt->hooks.items(o, &n);
    rc_object *run = NULL;
    size_t k = 0;
    for (size_t i = n; i-- > 0;) { /* last first, as traverse does */
        rc_object *x = items[i];
        if (x == run) {
            k++;
            continue;
        }
        if (run)
            count_run(c, run, k);
        run = x;
        k = 1;
    }
    if (run)
        count_run(c, run, k);
}

/* Counts what o refers to, and flags o RC__F_OUT if it refers to
 * something outside the set. */
static RC__ALWAYS_INLINE bool count_member(rc_object *o, void *arg) {
    collection *c = arg;
    if ((o->type->flags & (RC__TYPE_ITEMS | RC_TYPE_HEAP)) == RC__TYPE_ITEMS)
        count_items(c, o);
    else
        each_child(c, o, visit_count, c);
    if (c->out) {
        c->out = false;
        o->flags |= RC__F_OUT;
        c->nout++;
    }
    return false;
}

static void count_refs(collection *c) {
    rc__cursor cur;
    rc__gcs_scan_first(c->rt, &cur, count_member, c);
}

/* For a later pass (after finalizers ran): every count back to zero. */
static RC__ALWAYS_INLINE bool reset_member(rc_object *o, void *arg) {
    (void)arg;
    o->flags &= ~(RC__F_STATE_MASK | RC__F_OUT);
    return false;
}

static void recount_refs(collection *c) {
    rc__cursor cur;
    c->ovf_n = 0;
    c->nout = 0;
    if (c->ovf)
        memset(c->ovf, 0, c->ovf_cap * sizeof *c->ovf);
    rc__gcs_scan(c->rt, &cur, reset_member, c);
    count_refs(c);
}

/* ====================================================================== */
/* Mark: take reachable members out of the set                             */
/* ====================================================================== */

/* What the unreachable set may hold that needs the later steps; gathered
 * by the first mark from the members it leaves in the set. Over-estimates
 * only cost a pass: members the mark takes later, and types with a
 * finalizer whose objects have all been finalized. */
typedef struct survey {
    bool legacy;   /* objects of legacy-finalizer types */
    bool weakrefs; /* weakrefs, or objects that have weakrefs */
    bool finalize; /* objects whose finalizer may not have run */
    bool clears;   /* objects other than small plain-field ones (below) */
} survey;

/* A type whose objects hold nothing but their reference fields (rcgc.h:
 * refs_at, nrefs) and run no code of their own as they die: garbage made
 * of such objects alone is freed without clearing (free_field_garbage). */
static inline bool plain_fields(const rc_type *t) {
    return !t->traverse && !t->clear && !t->dealloc && !t->finalize &&
           !(t->flags &
             (RC_TYPE_HEAP | RC_TYPE_LEGACY_FINALIZER | RC__TYPE_ITEMS));
}

/* The survey while the mark gathers it: the types of runs of members with
 * one type are looked at once, the members' flags OR-ed together. */
typedef struct surveying {
    const rc_type *last; /* type of the member seen last */
    uint32_t flags;      /* the members' flags, OR-ed */
    survey s;
} surveying;

static inline void survey_add(surveying *v, const rc_object *o) {
    const rc_type *t = o->type;
    v->flags |= o->flags;
    if (RC__LIKELY(t == v->last))
        return;
    v->last = t;
    v->s.legacy |= (t->flags & RC_TYPE_LEGACY_FINALIZER) != 0;
    v->s.weakrefs |= t == &rc__weakref_type;
    v->s.finalize |= t->finalize != NULL;
    v->s.clears |= !plain_fields(t);
}

static survey survey_done(const surveying *v) {
    survey s = v->s;
    s.weakrefs |= (v->flags & RC__F_WEAKREFD) != 0;
    s.clears |= (v->flags & RC__F_LARGE) != 0;
    return s;
}

/* What a mark takes out of the set, and where it goes. */
typedef enum mark_kind {
    MARK_REACHABLE,     /* step 4: roots by gc_refs; survive in target */
    MARK_UNCOLLECTABLE, /* step 6: legacy finalizers; gc.garbage, target */
    MARK_RESURRECTED,   /* step 9: roots by gc_refs; the oldest generation */
} mark_kind;

typedef struct marker {
    collection *c;
    rc__cursor cur;
    rc_object **stack; /* members reached and not yet scanned */
    size_t sp, cap;
    bool overflow;  /* a reached member could not be pushed */
    surveying left; /* first mark: what the members not taken hold */
    rc_object *inline_stack[STACK_INLINE];
} marker;

static RC__NOINLINE void push_slow(marker *m, rc_object *o) {
    size_t cap = m->cap * 2;
    rc_object **s = rc_malloc(m->c->rt, cap * sizeof *s);
    if (!s) {
        m->overflow = true;
        return;
    }
    memcpy(s, m->stack, m->sp * sizeof *s);
    if (m->stack != m->inline_stack)
        rc_free(m->c->rt, m->stack, m->cap * sizeof *s);
    m->stack = s;
    m->cap = cap;
    m->stack[m->sp++] = o;
}

static inline void push(marker *m, rc_object *o) {
    if (RC__UNLIKELY(m->sp == m->cap))
        push_slow(m, o);
    else
        m->stack[m->sp++] = o;
}

/* A reference from a member being taken to child: a member not yet
 * reached is flagged, and pushed unless the scan is still to come to it. */
static RC__NOINLINE int reach_elsewhere(marker *m, rc_object *child) {
    if (!rc__cursor_ahead_slow(&m->cur, child))
        push(m, child);
    return 0;
}

static RC__ALWAYS_INLINE int visit_reach(rc_object *child, void *arg) {
    marker *m = arg;
    if (!child)
        return 0;
    uint32_t f = child->flags;
    if ((f & (RC__F_CAND | RC__F_REACHED)) != RC__F_CAND)
        return 0; /* not a member, taken out already, or reached */
    child->flags = f | RC__F_REACHED;
    if (rc__cursor_ahead_here(&m->cur, child))
        return 0;
    return reach_elsewhere(m, child);
}

/* Reaches the children of o, a member just taken out of the set. */
static RC__ALWAYS_INLINE void taken(marker *m, rc_object *o, mark_kind kind) {
    collection *c = m->c;
    if (kind == MARK_UNCOLLECTABLE)
        rc__gc_garbage_append(c->rt, o);
    uint32_t tflags = o->type->flags;
    each_child(c, o, visit_reach, m);
    if (kind == MARK_REACHABLE && (tflags & RC__TYPE_UNTRACKABLE))
        c->rt->hooks.maybe_untrack(o, c->generation == 2);
}

static inline int destination(const collection *c, mark_kind kind) {
    return kind == MARK_RESURRECTED ? RC__OLDEST : c->target;
}

/* Takes the members on the stack, and those they reach in turn. */
static RC__NOINLINE void drain(marker *m, mark_kind kind) {
    collection *c = m->c;
    while (m->sp) {
        rc_object *o = m->stack[--m->sp];
        rc__gcs_set_remove(c->rt, o, destination(c, kind));
        if (kind == MARK_REACHABLE)
            taken(m, o, MARK_REACHABLE);
        else
            taken(m, o, kind);
    }
}

static RC__ALWAYS_INLINE bool is_root(const marker *m, const rc_object *o,
                                      mark_kind kind) {
    if (kind == MARK_UNCOLLECTABLE)
        return o->type->flags & RC_TYPE_LEGACY_FINALIZER;
    return refs_positive(m->c, o);
}

/* The scan's step: a member already reached, or a root, is taken out with
 * what it reaches (true: its set bit is left to the scan); the first mark
 * surveys the others. */
static RC__ALWAYS_INLINE bool mark_member(marker *m, rc_object *o,
                                          mark_kind kind) {
    uint32_t f = o->flags;
    if ((f & RC__F_REACHED) || is_root(m, o, kind)) {
        bool by_scan =
            !(f & RC__F_LARGE) && destination(m->c, kind) == m->c->target;
        if (by_scan)
            o->flags = rc__gcs_left(f);
        else
            rc__gcs_set_remove(m->c->rt, o, destination(m->c, kind));
        taken(m, o, kind);
        if (m->sp)
            drain(m, kind);
        return by_scan;
    }
    if (kind == MARK_REACHABLE)
        survey_add(&m->left, o);
    return false;
}

static RC__ALWAYS_INLINE bool mark_reachable(rc_object *o, void *arg) {
    return mark_member(arg, o, MARK_REACHABLE);
}

static RC__ALWAYS_INLINE bool mark_uncollectable(rc_object *o, void *arg) {
    return mark_member(arg, o, MARK_UNCOLLECTABLE);
}

static RC__ALWAYS_INLINE bool mark_resurrected(rc_object *o, void *arg) {
    return mark_member(arg, o, MARK_RESURRECTED);
}

/* Takes every root and every member the roots reach out of the set, of
 * members members; returns how many were taken (members that leave the set
 * by being untracked on the way count). The first mark (kind
 * MARK_REACHABLE) also says in *left what the members it leaves may
 * need. */
static size_t mark(collection *c, size_t members, mark_kind kind,
                   survey *left) {
    marker m = {.c = c, .cap = STACK_INLINE};
    m.stack = m.inline_stack;
    do {
        m.overflow = false;
        if (kind == MARK_REACHABLE)
            rc__gcs_scan(c->rt, &m.cur, mark_reachable, &m);
        else if (kind == MARK_UNCOLLECTABLE)
            rc__gcs_scan(c->rt, &m.cur, mark_uncollectable, &m);
        else
            rc__gcs_scan(c->rt, &m.cur, mark_resurrected, &m);
    } while (m.overflow);
    if (m.stack != m.inline_stack)
        rc_free(c->rt, m.stack, m.cap * sizeof *m.stack);
    if (left)
        *left = survey_done(&m.left);
    return members - rc__gcs_set_size(c->rt);
}

/* ====================================================================== */
/* Unreachable members: report, finalize, clear                            */
/* ====================================================================== */

static void debug_each_member(collection *c, const char *what) {
    FILE *out = rc__stream(c->rt);
    rc__cursor cur;
    rc__cursor_start(c->rt, &cur);
    for (rc_object *o; (o = rc__cursor_next(&cur));)
        fprintf(out, "gc: %s <%s %p>\n", what, o->type->name, (void *)o);
}

static bool finalize_members(collection *c) {
    bool ran = false;
    rc__cursor cur;
    rc__cursor_start(c->rt, &cur);
    for (rc_object *o; (o = rc__cursor_next(&cur));) {
        if (!o->type->finalize || (o->flags & RC__F_FINALIZED))
            continue;
        o->flags |= RC__F_FINALIZED;
        rc_incref(o);
        rc__call_finalizer(c->rt, o);
        rc_decref(o);
        ran = true;
    }
    return ran;
}

/* Members still in the set after every clear ran survived: into the
 * oldest generation (they may die later). */
static void take_survivors(collection *c) {
    rc__cursor cur;
    rc__cursor_start(c->rt, &cur);
    for (rc_object *o; (o = rc__cursor_next(&cur));)
        rc__gcs_set_remove(c->rt, o, RC__OLDEST);
}

/* Step 10. A member usually survives its own clear (another member still
 * refers to it) and dies at a later one, when it leaves the set by being
 * untracked; so members are not taken out one by one here, and what is left
 * at the end is taken out in one pass over the (by then sparse) set. */
static void delete_garbage(collection *c) {
    rc_runtime *rt = c->rt;
    bool saveall = rt->gc.debug & RC_DEBUG_SAVEALL;
    rc__cursor cur;
    rc__cursor_start(rt, &cur);
    for (rc_object *o; (o = rc__cursor_next(&cur));) {
        if (saveall) {
            rc__gc_garbage_append(rt, o);
            rc__gcs_set_remove(rt, o, c->target);
            continue;
        }
        rc_incref(o);
        rc__clear(o);
        rc_decref(o);
    }
    if (!saveall)
        take_survivors(c);
}

/* A member's references to objects outside the set, dropped. */
static void drop_outside_links(rc_object *o) {
    const rc_type *t = o->type;
    rc_object **f = (rc_object **)(void *)((char *)o + t->refs_at);
    for (rc_object **end = f + t->nrefs; f < end; f++) {
        rc_object *x = *f;
        if (x && !(x->flags & RC__F_CAND)) { /* outside the set */
            *f = NULL;
            rc_decref(x);
        }
    }
}

/* Step 10 for a set of small plain-field objects (plain_fields) with no
 * weak references: no finalizer ran, and none will. The members leave
 * their generation, so that no code can reach them (they are unreachable
 * and now in none); their references to objects outside the set are
 * dropped, which may run code (deaths outside). When every candidate is
 * in the set (none survived), only members the count flagged RC__F_OUT
 * hold such references, and when it flagged none the members are not
 * read at all; when some survived, a member may refer to one of them,
 * which was in the set when the count ran (not flagged), so every member
 * is read (survivors). Then the members, which only refer to each other,
 * are freed together without reading them, so whole pools of garbage are
 * freed without touching their blocks. */
static void free_field_garbage(collection *c, bool survivors) {
    rc_runtime *rt = c->rt;
    rc__gcs_set_hide(rt);
    if (c->nout || survivors) {
        rc__cursor cur;
        rc__cursor_start(rt, &cur);
        for (rc_object *o; (o = rc__cursor_next(&cur));)
            if (survivors || (o->flags & RC__F_OUT))
                drop_outside_links(o);
    }
    rc__gcs_free_hidden(rt);
}

/* Steps 6-10 on the unreachable set; fills the counts of *info and
 * returns how many members a finalizer resurrected (they were not
 * collected after all, and CPython does not count them). */
static size_t handle_unreachable(collection *c, size_t unreachable, survey s,
                                 rc_gc_info *info) {
    rc_runtime *rt = c->rt;
    size_t uncollectable = 0;
    if (s.legacy)
        uncollectable = mark(c, unreachable, MARK_UNCOLLECTABLE, NULL);
    if (rt->gc.debug & RC_DEBUG_COLLECTABLE)
        debug_each_member(c, "collectable");
    bool ran = s.weakrefs && rc__weakref_handle_garbage(rt);
    if (s.finalize)
        ran |= finalize_members(c);
    size_t resurrected = 0;
    if (ran) {
        recount_refs(c);
        resurrected = mark(c, rc__gcs_set_size(rt), MARK_RESURRECTED, NULL);
    }
    if (!ran && !s.legacy && !s.weakrefs && !s.clears &&
        !(rt->gc.debug & RC_DEBUG_SAVEALL))
        free_field_garbage(c, unreachable < info->candidates);
    else
        delete_garbage(c);
    if (rt->gc.debug & RC_DEBUG_UNCOLLECTABLE) {
        FILE *out = rc__stream(rt);
        for (size_t i = c->garbage_mark;
             i < c->garbage_mark + uncollectable && i < rc_gc_garbage_count(rt);
             i++) {
            rc_object *o = rc_gc_garbage_item(rt, i);
            fprintf(out, "gc: uncollectable <%s %p>\n", o->type->name,
                    (void *)o);
        }
    }
    info->uncollectable = uncollectable;
    info->collected = unreachable - uncollectable - resurrected;
    return resurrected;
}

/* ====================================================================== */
/* A whole collection                                                      */
/* ====================================================================== */

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void debug_start(rc_runtime *rt, int g) {
    FILE *out = rc__stream(rt);
    const size_t *n = rt->gc.gsize;
    fprintf(out,
            "gc: collecting generation %d...\n"
            "gc: objects in each generation: %zu %zu %zu\n"
            "gc: objects in permanent generation: %zu\n",
            g, n[0], n[1], n[2], n[RC__PERMANENT]);
}

static void advance_counts(rc__gcstate *gc, int g) {
    if (g + 1 < 3)
        gc->count[g + 1]++;
    for (int i = 0; i <= g; i++)
        gc->count[i] = 0;
}

static void long_lived_accounting(rc__gcstate *gc, int g, size_t survivors) {
    if (g == 1)
        gc->long_lived_pending += survivors;
    if (g == 2) {
        gc->long_lived_pending = 0;
        gc->long_lived_total = survivors;
    }
}

static void release_collection(collection *c) {
    ovf_free(c);
}

/* One collection of generation g, with debug output, statistics and
 * callbacks; the caller has checked that none is running. */
static ptrdiff_t collect(rc_runtime *rt, int g) {
    rc__gcstate *gc = &rt->gc;
    rc__guard saved; /* the collector recovers from its own failures */
    rc__guard_enter(rt, &saved);
    gc->collecting = true;
    gc->due = false;
    rc_gc_info info = {.generation = g};
    rc__gc_callbacks_run(rt, RC_GC_START, &info);
    if (gc->debug & RC_DEBUG_STATS)
        debug_start(rt, g);
    double t0 = now_seconds();
    advance_counts(gc, g);

    collection c = {.rt = rt, .generation = g, .target = g < 2 ? g + 1 : 2};
    c.garbage_mark = rc_gc_garbage_count(rt);
    info.candidates = rc__gcs_set_begin(rt, g, c.target);
    count_refs(&c);
    survey left;
    size_t survivors = mark(&c, info.candidates, MARK_REACHABLE, &left);
    long_lived_accounting(gc, g, survivors);
    size_t unreachable = info.candidates - survivors;
    if (unreachable)
        unreachable -= handle_unreachable(&c, unreachable, left, &info);
    rc__gcs_set_end(rt);
    release_collection(&c);
    if (g == 2)
        rt->hooks.clear_freelists(rt);
    if (rt->heap.trim_due) /* arenas the collection emptied, in one batch */
        rc__heap_trim(rt);

    info.duration = now_seconds() - t0;
    if (gc->debug & RC_DEBUG_STATS)
        fprintf(rc__stream(rt),
                "gc: done, %zu unreachable, %zu uncollectable, %.4fs elapsed\n",
                unreachable, info.uncollectable, info.duration);
    gc->stats[g].collections++;
    gc->stats[g].collected += info.collected;
    gc->stats[g].uncollectable += info.uncollectable;
    rc__gc_callbacks_run(rt, RC_GC_STOP, &info);
    gc->collecting = false;
    rc__guard_restore(rt, &saved);
    return (ptrdiff_t)unreachable;
}

/* The oldest generation whose count passed its threshold (CPython's
 * gc_collect_generations, with the long-lived rule for generation 2). */
static void collect_generations(rc_runtime *rt) {
    rc__gcstate *gc = &rt->gc;
    for (int i = 2; i >= 0; i--) {
        if (gc->count[i] <= gc->threshold[i])
            continue;
        if (i == 2 && gc->long_lived_pending < gc->long_lived_total / 4)
            continue;
        collect(rt, i);
        return;
    }
}

/* ====================================================================== */
/* Entry points                                                            */
/* ====================================================================== */

void rc__gc_init(rc_runtime *rt) {
    rc__gcstate *gc = &rt->gc;
    gc->threshold[0] = 700;
    gc->threshold[1] = 10;
    gc->threshold[2] = 10;
    gc->enabled = true;
}

void rc__gc_alloc_counted(rc_runtime *rt) {
    rc__gcstate *gc = &rt->gc;
    gc->count[0]++;
    if (gc->count[0] > gc->threshold[0] && gc->threshold[0] && gc->enabled &&
        !gc->collecting && !rt->tearing_down) {
        if (rt->gc_at_safepoints)
            gc->due = true;
        else
            collect_generations(rt);
    }
}

bool rc__gc_emergency_collect(rc_runtime *rt) {
    rc__gcstate *gc = &rt->gc;
    if (gc->collecting || !gc->enabled || rt->tearing_down)
        return false;
    if (rt->gc_at_safepoints) {
        gc->due = true;
        return false;
    }
    collect(rt, 2);
    return true;
}

ptrdiff_t rc_gc_collect(rc_runtime *rt, int generation) {
    if (generation < 0 || generation > 2)
        return rc_set_error(rt, RC_EINVAL, "invalid generation %d", generation);
    if (rt->gc.collecting || rt->tearing_down)
        return 0;
    return collect(rt, generation);
}

void rc_gc_safepoint(rc_runtime *rt) {
    rc__gcstate *gc = &rt->gc;
    if (gc->due && gc->enabled && !gc->collecting && !rt->tearing_down)
        collect_generations(rt);
    gc->due = false;
}
