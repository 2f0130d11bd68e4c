/*
 * namemap.c — the compiler's maps from names to small ints: symbol flags
 * in the symbol table, slot indices in code generation, and the name sets
 * of scope analysis.
 *
 * Entries stay in insertion order (the order CPython's dicts would give,
 * which fixes the order of co_varnames and of error reports); an
 * open-addressing index on the str hash finds them. Invariant: every
 * entry holds a reference to its name; index slots hold entry number + 1
 * (0 is empty) and are rebuilt after a removal.
 */
#include "compile.h"

#include <string.h>

void rp_namemap_init(rp_namemap *m, rc_runtime *rt) {
    memset(m, 0, sizeof *m);
    m->rt = rt;
}

void rp_namemap_fini(rp_namemap *m) {
    for (uint32_t i = 0; i < m->n; i++)
        rc_decref(m->entries[i].name);
    rc_free(m->rt, m->entries, m->cap * sizeof *m->entries);
    if (m->index)
        rc_free(m->rt, m->index, (m->mask + 1) * sizeof *m->index);
    rc_runtime *rt = m->rt;
    rp_namemap_init(m, rt);
}

static bool same_name(rc_object *a, rc_object *b) {
    if (a == b)
        return true;
    size_t n = rc_str_size(a);
    return n == rc_str_size(b) &&
           memcmp(rc_str_utf8(a), rc_str_utf8(b), n) == 0;
}

static int64_t name_hash(rc_object *name) {
    int64_t h = 0;
    rc_hash(name, &h); /* str hashing cannot fail */
    return h;
}

/* The index slot where name lives, or the empty slot where it would go. */
static uint32_t find_slot(const rp_namemap *m, rc_object *name, int64_t h) {
    uint32_t i = (uint32_t)h & m->mask;
    for (;;) {
        int32_t e = m->index[i];
        if (e == 0)
            return i;
        const struct rp_name_entry *en = &m->entries[e - 1];
        if (en->hash == h && same_name(en->name, name))
            return i;
        i = (i + 1) & m->mask;
    }
}

static int rebuild_index(rp_namemap *m, uint32_t slots) {
    int32_t *index = rc_malloc(m->rt, slots * sizeof *index);
    if (!index)
        return -1;
    memset(index, 0, slots * sizeof *index);
    if (m->index)
        rc_free(m->rt, m->index, (m->mask + 1) * sizeof *m->index);
    m->index = index;
    m->mask = slots - 1;
    for (uint32_t e = 0; e < m->n; e++) {
        uint32_t i = (uint32_t)m->entries[e].hash & m->mask;
        while (m->index[i])
            i = (i + 1) & m->mask;
        m->index[i] = (int32_t)e + 1;
    }
    return 0;
}

int rp_namemap_get(const rp_namemap *m, rc_object *name, int *value) {
    if (!m->index)
        return 0;
    int32_t e = m->index[find_slot(m, name, name_hash(name))];
    if (!e)
        return 0;
    if (value)
        *value = m->entries[e - 1].value;
    return 1;
}

bool rp_namemap_has(const rp_namemap *m, rc_object *name) {
    return rp_namemap_get(m, name, NULL) == 1;
}

static int grow(rp_namemap *m) {
    if (m->n == m->cap) {
        uint32_t cap = m->cap ? m->cap * 2 : 8;
        void *p = rc_realloc(m->rt, m->entries, m->cap * sizeof *m->entries,
                             cap * sizeof *m->entries);
        if (!p)
            return -1;
        m->entries = p;
        m->cap = cap;
    }
    if (!m->index || (m->n + 1) * 2 > m->mask + 1)
        return rebuild_index(m, m->index ? (m->mask + 1) * 2 : 16);
    return 0;
}

int rp_namemap_set(rp_namemap *m, rc_object *name, int value) {
    int64_t h = name_hash(name);
    if (m->index) {
        int32_t e = m->index[find_slot(m, name, h)];
        if (e) {
            m->entries[e - 1].value = value;
            return 0;
        }
    }
    if (grow(m) < 0)
        return -1;
    uint32_t slot = find_slot(m, name, h);
    rc_incref(name);
    m->entries[m->n] = (struct rp_name_entry){name, h, value};
    m->index[slot] = (int32_t)++m->n;
    return 0;
}

void rp_namemap_remove(rp_namemap *m, rc_object *name) {
    if (!m->index)
        return;
    int32_t e = m->index[find_slot(m, name, name_hash(name))];
    if (!e)
        return;
    rc_decref(m->entries[e - 1].name);
    memmove(&m->entries[e - 1], &m->entries[e],
            (m->n - (uint32_t)e) * sizeof *m->entries);
    m->n--;
    /* the index shrinks in place: same size, no allocation */
    memset(m->index, 0, (m->mask + 1) * sizeof *m->index);
    for (uint32_t k = 0; k < m->n; k++) {
        uint32_t i = (uint32_t)m->entries[k].hash & m->mask;
        while (m->index[i])
            i = (i + 1) & m->mask;
        m->index[i] = (int32_t)k + 1;
    }
}

int rp_namemap_update(rp_namemap *m, const rp_namemap *src) {
    for (uint32_t i = 0; i < src->n; i++)
        if (!rp_namemap_has(m, src->entries[i].name) &&
            rp_namemap_set(m, src->entries[i].name, 1) < 0)
            return -1;
    return 0;
}

int rp_namemap_add_index(rp_namemap *m, rc_object *name, int *index) {
    if (rp_namemap_get(m, name, index))
        return 0;
    *index = (int)m->n;
    return rp_namemap_set(m, name, (int)m->n);
}
