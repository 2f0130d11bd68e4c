/*
 * weakref.c — weak references, and clearing them when their target dies.
 *
 * An object with weak references carries RC__F_WEAKREFD; the runtime's
 * side table (rt->weakrefs) maps it to the list of its weakref objects, so
 * objects that never have one pay nothing. The list keeps the shared
 * callback-less ("basic") weakref first, then weakrefs with callbacks,
 * newest first: clearing walks it in that order, which is the order the
 * callbacks run in (CPython's).
 *
 * Invariants:
 *  - wr->target != NULL  <=>  wr is on the list of wr->target  <=>  the
 *    target is alive and flagged RC__F_WEAKREFD with a table entry;
 *  - a weakref on a list has a count above zero (a dying weakref leaves its
 *    list before anything else can run: rc_dealloc_ detaches it first);
 *  - wr->pending is non-NULL only while a clearing pass holds wr to call
 *    its callback.
 */
#include "gcspace.h"

struct rc__weakref {
    rc_object ob;
    rc_object *target;        /* borrowed; NULL once cleared */
    rc__weakref *prev, *next; /* the target's list */
    rc_weakref_callback cb;   /* NULL: none */
    void *arg;                /* cb's argument */
    rc_object *owned;         /* rc_weakref_new_with_object: owned arg */
    rc__weakref *pending;     /* clearing pass: next callback to call */
};

static void weakref_dealloc(rc_object *self);
static int weakref_traverse(rc_object *self, rc_visitproc visit, void *arg);
static int weakref_clear(rc_object *self);

const rc_type rc__weakref_type = {
    .name = "weakref",
    .basicsize = sizeof(rc__weakref),
    .flags = RC_TYPE_GC,
    .traverse = weakref_traverse,
    .clear = weakref_clear,
    .dealloc = weakref_dealloc,
};

static inline rc__weakref *as_weakref(rc_object *o) {
    return (rc__weakref *)o;
}

static inline bool is_basic(const rc__weakref *wr) {
    return !wr->cb && !wr->owned;
}

/* ====================================================================== */
/* The side table: target -> list                                          */
/* ====================================================================== */

static size_t home(const rc__wrtable *t, const rc_object *o) {
    uint64_t h = (uint64_t)(uintptr_t)o >> 4;
    h *= 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20) & (t->cap - 1);
}

static rc__wrslot *table_find(const rc__wrtable *t, const rc_object *o) {
    if (!t->cap)
        return NULL;
    for (size_t i = home(t, o);; i = (i + 1) & (t->cap - 1)) {
        if (t->slots[i].target == o)
            return &t->slots[i];
        if (!t->slots[i].target)
            return NULL;
    }
}

/* Makes room for one more entry. The allocation may run a collection,
 * which may remove entries, so the old table is read only afterwards. */
static bool table_reserve(rc_runtime *rt) {
    rc__wrtable *t = &rt->weakrefs;
    if ((t->n + 1) * 2 <= t->cap)
        return true;
    size_t cap = t->cap ? t->cap * 2 : 16;
    rc__wrslot *slots = rc_malloc(rt, cap * sizeof *slots);
    if (!slots)
        return false;
    memset(slots, 0, cap * sizeof *slots);
    rc__wrtable old = *t;
    t->slots = slots;
    t->cap = cap;
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.slots[i].target)
            continue;
        size_t j = home(t, old.slots[i].target);
        while (slots[j].target)
            j = (j + 1) & (cap - 1);
        slots[j] = old.slots[i];
    }
    rc_free(rt, old.slots, old.cap * sizeof *old.slots);
    return true;
}

/* The slot of o, made (empty list) if absent; room must be reserved. */
static rc__wrslot *table_insert(rc__wrtable *t, rc_object *o) {
    size_t i = home(t, o);
    while (t->slots[i].target && t->slots[i].target != o)
        i = (i + 1) & (t->cap - 1);
    if (!t->slots[i].target) {
        t->slots[i] = (rc__wrslot){o, NULL};
        t->n++;
        o->flags |= RC__F_WEAKREFD;
    }
    return &t->slots[i];
}

/* Removes a slot, shifting later entries of its cluster back; the table's
 * memory goes back when its last entry leaves. */
static void table_remove(rc_runtime *rt, rc__wrslot *slot) {
    rc__wrtable *t = &rt->weakrefs;
    slot->target->flags &= ~RC__F_WEAKREFD;
    size_t i = (size_t)(slot - t->slots), mask = t->cap - 1;
    for (size_t j = (i + 1) & mask; t->slots[j].target; j = (j + 1) & mask) {
        size_t h = home(t, t->slots[j].target);
        if (((j - h) & mask) >= ((j - i) & mask)) {
            t->slots[i] = t->slots[j];
            i = j;
        }
    }
    t->slots[i] = (rc__wrslot){NULL, NULL};
    if (--t->n == 0) {
        rc_free(rt, t->slots, t->cap * sizeof *t->slots);
        *t = (rc__wrtable){0};
    }
}

/* Takes o's whole list out of the table. */
static rc__weakref *take_list(rc_runtime *rt, rc_object *o) {
    rc__wrslot *slot = table_find(&rt->weakrefs, o);
    if (!slot) {
        o->flags &= ~RC__F_WEAKREFD;
        return NULL;
    }
    rc__weakref *head = slot->head;
    table_remove(rt, slot);
    return head;
}

/* ====================================================================== */
/* Lists                                                                   */
/* ====================================================================== */

static void list_link(rc__wrslot *slot, rc__weakref *wr) {
    rc__weakref *after = NULL;
    if (!is_basic(wr) && slot->head && is_basic(slot->head))
        after = slot->head; /* callbacks go right after the basic ref */
    wr->prev = after;
    wr->next = after ? after->next : slot->head;
    if (wr->next)
        wr->next->prev = wr;
    if (after)
        after->next = wr;
    else
        slot->head = wr;
}

/* Takes wr off its target's list (a no-op once cleared). */
static void detach(rc_runtime *rt, rc__weakref *wr) {
    rc_object *target = wr->target;
    if (!target)
        return;
    rc__wrslot *slot = table_find(&rt->weakrefs, target);
    RC__ASSERT(slot);
    if (wr->prev)
        wr->prev->next = wr->next;
    else
        slot->head = wr->next;
    if (wr->next)
        wr->next->prev = wr->prev;
    wr->prev = wr->next = NULL;
    wr->target = NULL;
    if (!slot->head)
        table_remove(rt, slot);
}

void rc__weakref_detach(rc_object *weakref) {
    detach(rc__runtime_of(weakref), as_weakref(weakref));
}

/* Clears every weakref of a list taken out of the table. Those whose
 * callback should run are held and appended to the chain ending at *tail;
 * returns the chain's new tail. skip_members: in a collection, weakrefs
 * that are themselves unreachable (members of the set) get no callback. */
static rc__weakref **clear_list(rc__weakref *wr, rc__weakref **tail,
                                bool skip_members) {
    while (wr) {
        rc__weakref *next = wr->next;
        wr->prev = wr->next = NULL;
        wr->target = NULL;
        bool member = skip_members && rc__gcs_is_member(&wr->ob);
        if (wr->cb && !member) {
            rc_incref(&wr->ob);
            *tail = wr;
            tail = &wr->pending;
        }
        wr = next;
    }
    return tail;
}

/* Runs and releases the chain; true if it ran any callback. */
static bool run_callbacks(rc_runtime *rt, rc__weakref *wr) {
    bool ran = wr != NULL;
    while (wr) {
        rc__weakref *next = wr->pending;
        wr->pending = NULL;
        rc__guard g;
        rc__guard_enter(rt, &g);
        wr->cb(&wr->ob, wr->arg);
        rc__guard_leave(rt, &g, "weakref callback", &wr->ob);
        rc_decref(&wr->ob);
        wr = next;
    }
    return ran;
}

/* ====================================================================== */
/* Deaths                                                                  */
/* ====================================================================== */

void rc__weakref_object_died(rc_runtime *rt, rc_object *o) {
    rc__weakref *chain = NULL;
    clear_list(take_list(rt, o), &chain, false);
    run_callbacks(rt, chain);
}

/* Step 7 of a collection: clear every weakref to a member of the set and
 * every weakref that is a member, then run the callbacks of the reachable
 * weakrefs among them. True if a callback ran (it may have resurrected
 * members through references the collector cannot see). */
bool rc__weakref_handle_garbage(rc_runtime *rt) {
    rc__weakref *chain = NULL, **tail = &chain;
    rc__cursor cur;
    rc__cursor_start(rt, &cur);
    for (rc_object *o; (o = rc__cursor_next(&cur));) {
        if (o->type == &rc__weakref_type)
            detach(rt, as_weakref(o));
        if (o->flags & RC__F_WEAKREFD)
            tail = clear_list(take_list(rt, o), tail, true);
    }
    return run_callbacks(rt, chain);
}

/* Teardown: every weakref is cleared, no callback runs. */
void rc__weakref_clear_all(rc_runtime *rt) {
    rc__wrtable *t = &rt->weakrefs;
    for (size_t i = 0; i < t->cap; i++) {
        rc__wrslot *s = &t->slots[i];
        if (!s->target)
            continue;
        s->target->flags &= ~RC__F_WEAKREFD;
        for (rc__weakref *wr = s->head, *next; wr; wr = next) {
            next = wr->next;
            wr->prev = wr->next = NULL;
            wr->target = NULL;
        }
    }
    rc_free(rt, t->slots, t->cap * sizeof *t->slots);
    *t = (rc__wrtable){0};
}

/* ====================================================================== */
/* The weakref type                                                        */
/* ====================================================================== */

static int weakref_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    rc_object *owned = as_weakref(self)->owned;
    return owned ? visit(owned, arg) : 0;
}

/* Breaking a cycle through a weakref: drop the callback and its object. */
static int weakref_clear(rc_object *self) {
    rc__weakref *wr = as_weakref(self);
    detach(rc__runtime_of(self), wr);
    rc_object *owned = wr->owned;
    wr->owned = NULL;
    wr->cb = NULL;
    rc_xdecref(owned);
    return 0;
}

static void weakref_dealloc(rc_object *self) {
    weakref_clear(self);
}

static bool is_weakref(const rc_object *o) {
    return o->type == &rc__weakref_type;
}

bool rc_is_weakref(const rc_object *o) {
    return is_weakref(o);
}

/* ====================================================================== */
/* API                                                                     */
/* ====================================================================== */

static rc__weakref *basic_ref(rc_runtime *rt, const rc_object *target) {
    if (!(target->flags & RC__F_WEAKREFD))
        return NULL;
    const rc__wrslot *slot = table_find(&rt->weakrefs, target);
    return slot && slot->head && is_basic(slot->head) ? slot->head : NULL;
}

static rc_object *make(rc_runtime *rt, rc_object *target,
                       rc_weakref_callback cb, void *arg, rc_object *owned) {
    if (rc__runtime_of(target) != rt) {
        rc_set_error(rt, RC_EINVAL,
                     "weak reference to an object of another runtime");
        return NULL;
    }
    rc__weakref *basic = cb || owned ? NULL : basic_ref(rt, target);
    if (basic) {
        rc_incref(&basic->ob);
        return &basic->ob;
    }
    rc__weakref *wr = (rc__weakref *)rc_new_untracked(rt, &rc__weakref_type);
    if (!wr)
        return NULL;
    if (!table_reserve(rt)) {
        rc_decref(&wr->ob);
        return NULL;
    }
    wr->target = target;
    wr->cb = cb;
    wr->arg = owned ? (void *)owned : arg;
    wr->owned = owned;
    rc_xincref(owned);
    list_link(table_insert(&rt->weakrefs, target), wr);
    rc_gc_track(&wr->ob);
    return &wr->ob;
}

rc_object *rc_weakref_new(rc_runtime *rt, rc_object *target,
                          rc_weakref_callback cb, void *arg) {
    return make(rt, target, cb, arg, NULL);
}

rc_object *rc_weakref_new_with_object(rc_runtime *rt, rc_object *target,
                                      rc_weakref_callback cb,
                                      rc_object *cbarg) {
    return make(rt, target, cb, NULL, cbarg);
}

rc_object *rc_weakref_get(rc_object *weakref) {
    if (!is_weakref(weakref)) {
        rc_set_error(rc__runtime_of(weakref), RC_ETYPE,
                     "not a weak reference: '%s'", weakref->type->name);
        return NULL;
    }
    rc_object *target = as_weakref(weakref)->target;
    rc_xincref(target);
    return target;
}

rc_object *rc_weakref_callback_object(const rc_object *weakref) {
    return is_weakref(weakref) ? ((const rc__weakref *)weakref)->owned : NULL;
}

size_t rc_weakref_count(const rc_object *target) {
    if (!(target->flags & RC__F_WEAKREFD))
        return 0;
    const rc__wrslot *slot =
        table_find(&rc__runtime_of(target)->weakrefs, target);
    size_t n = 0;
    for (const rc__weakref *wr = slot ? slot->head : NULL; wr; wr = wr->next)
        n++;
    return n;
}

rc_object **rc_weakref_list(rc_runtime *rt, const rc_object *target,
                            size_t *count) {
    *count = 0;
    size_t n = rc_weakref_count(target);
    if (!n)
        return NULL;
    rc_object **out = rc__result_alloc(rt, n);
    if (!out)
        return NULL;
    /* the allocation may have run a collection: walk the list afresh */
    const rc__wrslot *slot = table_find(&rt->weakrefs, target);
    for (rc__weakref *wr = slot ? slot->head : NULL; wr && *count < n;
         wr = wr->next) {
        rc_incref(&wr->ob);
        out[(*count)++] = &wr->ob;
    }
    return out;
}
