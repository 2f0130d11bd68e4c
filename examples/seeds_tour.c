/*
 * seeds_tour.c — `make run`: the seed articles' scenarios, step by step, in C.
 *
 * Each section names the seed it follows and prints what the seed prints.
 * Python names are modelled as C variables holding references; a Python
 * list is the small `vec` container below; `del x` is rc_decref.
 * rc_refcnt() is the count itself: sys.getrefcount() shows one more.
 *
 * Usage: seeds_tour [--small]   (--small: 100,000 instead of 10,000,000)
 */
#include <rcgc.h>

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- types */

/* A Python-like list: a GC container of owned references. */
typedef struct vec {
    rc_object ob;
    rc_object **items;
    size_t n, cap;
} vec;

static int vec_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    vec *v = (vec *)self;
    for (size_t i = 0; i < v->n; i++) {
        int r = visit(v->items[i], arg);
        if (r)
            return r;
    }
    return 0;
}

static int vec_clear(rc_object *self) {
    vec *v = (vec *)self;
    rc_runtime *rt = rc_runtime_of(self);
    rc_object **items = v->items;
    size_t n = v->n, cap = v->cap;
    v->items = NULL;
    v->n = v->cap = 0;
    for (size_t i = 0; i < n; i++)
        rc_decref(items[i]);
    rc_free(rt, items, cap * sizeof *items);
    return 0;
}

static const rc_type vec_type = {
    .name = "list",
    .basicsize = sizeof(vec),
    .flags = RC_TYPE_GC,
    .traverse = vec_traverse,
    .clear = vec_clear,
};

static vec *vec_new(rc_runtime *rt) {
    return (vec *)rc_new(rt, &vec_type);
}

/* Appends a new reference to item; false when memory is refused. */
static bool vec_append(vec *v, rc_object *item) {
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4;
        rc_object **items =
            rc_realloc(rc_runtime_of(&v->ob), v->items, v->cap * sizeof *items,
                       cap * sizeof *items);
        if (!items)
            return false;
        v->items = items;
        v->cap = cap;
    }
    rc_incref(item);
    v->items[v->n++] = item;
    return true;
}

/* A Python-like int: not a container, so never tracked. */
typedef struct num {
    rc_object ob;
    long value;
} num;

static const rc_type num_type = {.name = "int", .basicsize = sizeof(num)};

static rc_object *num_new(rc_runtime *rt, long value) {
    num *n = (num *)rc_new(rt, &num_type);
    if (n)
        n->value = value;
    return (rc_object *)n;
}

/* An object whose finalizer reports its death, like a class with __del__. */
static void noisy_finalize(rc_object *self) {
    printf("    __del__ called: object %p is being freed\n", (void *)self);
}

static const rc_type noisy_type = {
    .name = "ClassA",
    .basicsize = sizeof(rc_object),
    .finalize = noisy_finalize,
};

/* ------------------------------------------------------------- helpers */

static void title(const char *seed, const char *what) {
    printf("\n== %s: %s ==\n", seed, what);
}

static void show_count(const char *step, const rc_object *o) {
    printf("  %-34s count %zu   (sys.getrefcount would print %zu)\n", step,
           rc_refcnt(o), rc_refcnt(o) + 1);
}

static void show_memory_info(const char *hint) {
    printf("  %s memory used: %.2f MB\n", hint,
           (double)rc_process_uss() / 1024.0 / 1024.0);
}

/* ------------------------------------------------------------ sections */

static void refcount_events(rc_runtime *rt) {
    title("seeds 000 and 003", "what raises and lowers a reference count");
    rc_object *a = (rc_object *)vec_new(rt);
    show_count("a = []", a);
    rc_object *b = a;
    rc_incref(b);
    show_count("b = a", a);
    vec *c = vec_new(rt);
    vec_append(c, a);
    vec_append(c, a);
    show_count("c = [a, a]", a);
    rc_decref(b);
    show_count("del b", a);
    rc_decref(&c->ob);
    show_count("del c (the list drops both)", a);
    rc_decref(a);
    printf("  %-34s count 0: freed at once\n", "del a");
}

static void freed_at_zero(rc_runtime *rt) {
    title("seed 001", "an object is freed the moment its count reaches zero");
    rc_object *a = rc_new(rt, &noisy_type);
    show_count("a = ClassA()", a);
    rc_object *b = a;
    rc_incref(b);
    show_count("b = a", a);
    rc_decref(a);
    show_count("del a", b);
    printf("  del b\n");
    rc_decref(b);
    printf("  (the finalizer ran inside `del b`, before it returned)\n");
}

static void memory_returns(rc_runtime *rt, size_t n) {
    title("seed 004", "memory goes back down when a big structure is dropped");
    show_memory_info("initial");
    vec *a = vec_new(rt);
    for (size_t i = 0; i < n; i++) {
        rc_object *x = num_new(rt, (long)i);
        if (!x || !vec_append(a, x)) {
            printf("  out of memory after %zu items\n", i);
            rc_xdecref(x);
            break;
        }
        rc_decref(x);
    }
    char hint[64];
    snprintf(hint, sizeof hint, "after a created (%zu objects)", a->n);
    show_memory_info(hint);
    rc_decref(&a->ob);
    show_memory_info("finished (a dropped)");
}

int main(int argc, char **argv) {
    size_t big = 10000000;
    if (argc > 1 && strcmp(argv[1], "--small") == 0)
        big = 100000;
    rc_runtime *rt = rc_runtime_new(NULL);
    if (!rt) {
        fprintf(stderr, "seeds_tour: cannot create a runtime\n");
        return 1;
    }
    printf("rcgc seeds tour: the seed articles' examples, run on rcgc\n");
    refcount_events(rt);
    freed_at_zero(rt);
    memory_returns(rt, big);
    rc_runtime_free(rt);
    return 0;
}
