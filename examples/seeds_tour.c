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

/* A Python class instance with one attribute `t` (seed 000's ClassA). */
typedef struct instance {
    rc_object ob;
    rc_object *t;
} instance;

static int instance_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    rc_object *t = ((instance *)self)->t;
    return t ? visit(t, arg) : 0;
}

static int instance_clear(rc_object *self) {
    instance *i = (instance *)self;
    rc_object *t = i->t;
    i->t = NULL;
    rc_xdecref(t);
    return 0;
}

static const rc_type instance_type = {
    .name = "ClassA",
    .basicsize = sizeof(instance),
    .flags = RC_TYPE_GC,
    .traverse = instance_traverse,
    .clear = instance_clear,
};

/* c.t = value: stores a new reference, dropping the old one. */
static void set_t(instance *c, rc_object *value) {
    rc_object *old = c->t;
    rc_incref(value);
    c->t = value;
    rc_xdecref(old);
}

/* ------------------------------------------------------------- helpers */

static void title(const char *seed, const char *what) {
    printf("\n== %s: %s ==\n", seed, what);
}

static void show_count(const char *step, const rc_object *o) {
    printf("  %-34s count %zu   (sys.getrefcount would print %zu)\n", step,
           rc_refcnt(o), rc_refcnt(o) + 1);
}

static void show_gc_count(const char *step, const rc_runtime *rt) {
    size_t c[3];
    rc_gc_get_count(rt, c);
    printf("  %-34s gc.get_count() = (%zu, %zu, %zu)\n", step, c[0], c[1],
           c[2]);
}

static size_t collections(const rc_runtime *rt) {
    rc_gc_gen_stats st[3];
    rc_gc_get_stats(rt, st);
    return st[0].collections + st[1].collections + st[2].collections;
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

static void reference_cycles(rc_runtime *rt) {
    title("seed 001", "reference cycles keep counts above zero");
    vec *a = vec_new(rt), *b = vec_new(rt);
    vec_append(b, &a->ob); /* b = [a] */
    vec_append(a, &b->ob); /* a.append(b) */
    show_count("a = []; b = [a]; a.append(b)", &a->ob);
    rc_decref(&a->ob);
    rc_decref(&b->ob);
    printf("  del a; del b                       both lists keep count %zu: "
           "nothing can reach them, nothing frees them\n",
           rc_refcnt(&b->ob));
    printf("  gc.collect()                       -> %td unreachable objects "
           "found and freed\n",
           rc_gc_collect(rt, 2));
    vec *c = vec_new(rt);
    vec_append(c, &c->ob);
    show_count("a = []; a.append(a)", &c->ob);
    rc_decref(&c->ob);
    printf("  del a; gc.collect()                -> %td\n",
           rc_gc_collect(rt, 2));
}

/* seed 000's f2(): c1.t = c2; c2.t = c1; del c1; del c2 */
static void f2_once(rc_runtime *rt) {
    instance *c1 = (instance *)rc_new(rt, &instance_type);
    instance *c2 = (instance *)rc_new(rt, &instance_type);
    set_t(c1, &c2->ob);
    set_t(c2, &c1->ob);
    rc_decref(&c1->ob);
    rc_decref(&c2->ob);
}

static void generations_and_counts(rc_runtime *rt, size_t loops) {
    title("seed 000", "gc.get_count(), thresholds and the f2() leak");
    rc_gc_collect(rt, 2);
    show_gc_count("after gc.collect()", rt);
    rc_object *a = rc_new(rt, &instance_type);
    show_gc_count("a = ClassA()", rt);
    rc_decref(a);
    show_gc_count("del a", rt);
    size_t t[3];
    rc_gc_get_threshold(rt, t);
    printf("  gc.get_threshold() = (%zu, %zu, %zu)\n", t[0], t[1], t[2]);
    rc_object *keep[702];
    for (int i = 0; i < 700; i++)
        keep[i] = rc_new(rt, &instance_type);
    show_gc_count("700 objects made", rt);
    keep[700] = rc_new(rt, &instance_type);
    show_gc_count("one more passes 700: collect(0)", rt);
    for (int i = 0; i <= 700; i++)
        rc_decref(keep[i]);

    rc_gc_disable(rt);
    show_memory_info("gc.disable(); before f2()");
    for (size_t i = 0; i < loops; i++)
        f2_once(rt);
    char hint[96];
    snprintf(hint, sizeof hint, "after %zu rounds of f2's loop", loops);
    show_memory_info(hint);
    ptrdiff_t n = rc_gc_collect(rt, 2);
    snprintf(hint, sizeof hint, "gc.collect() found %td; then", n);
    show_memory_info(hint);
    rc_gc_enable(rt);
    size_t before = collections(rt);
    for (size_t i = 0; i < loops; i++)
        f2_once(rt);
    snprintf(hint, sizeof hint,
             "gc.enable(); the same rounds (%zu automatic collections)",
             collections(rt) - before);
    show_memory_info(hint);
    rc_gc_collect(rt, 2);
}

static void debug_and_tuning(rc_runtime *rt) {
    title("seed 002", "gc.set_debug(), thresholds for a game's bullets");
    rc_gc_set_debug(rt, RC_DEBUG_STATS | RC_DEBUG_COLLECTABLE);
    printf("  gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE); f2 once; "
           "gc.collect():\n");
    fflush(stdout);
    f2_once(rt);
    rc_gc_collect(rt, 0);
    rc_gc_set_debug(rt, 0);
    rc_object *bullets[2000];
    for (size_t threshold = 1000; threshold <= 10000; threshold *= 10) {
        rc_gc_collect(rt, 2);
        rc_gc_set_threshold(rt, threshold, 10, 10);
        size_t before = collections(rt);
        for (int i = 0; i < 2000; i++)
            bullets[i] = rc_new(rt, &instance_type);
        for (int i = 0; i < 2000; i++)
            rc_decref(bullets[i]);
        printf("  threshold %5zu: 2000 bullets made and freed by counting, "
               "%zu collections\n",
               threshold, collections(rt) - before);
    }
    rc_gc_set_threshold(rt, 700, 10, 10);
}

static void weak_references(rc_runtime *rt) {
    title("seeds 002 and 003", "a weak reference does not change the count");
    instance *a = (instance *)rc_new(rt, &instance_type);
    show_count("a = Node()", &a->ob);
    rc_object *w = rc_weakref_new(rt, &a->ob, NULL, NULL);
    show_count("a_weakref = weakref.ref(a)", &a->ob);
    rc_object *got = rc_weakref_get(w);
    printf("  a_weakref() is a                   %s\n",
           got == &a->ob ? "True" : "False");
    rc_xdecref(got);
    rc_decref(&a->ob);
    got = rc_weakref_get(w);
    printf("  del a; a_weakref()                 %s\n",
           got ? "<object>" : "None");
    rc_xdecref(got);
    rc_decref(w);

    printf("  a tree whose children refer to their parent weakly:\n");
    rc_gc_disable(rt);
    size_t before = collections(rt);
    instance *root = (instance *)rc_new(rt, &instance_type);
    instance *parent = root;
    for (int depth = 0; depth < 1000; depth++) {
        instance *child = (instance *)rc_new(rt, &instance_type);
        rc_object *up = rc_weakref_new(rt, &parent->ob, NULL, NULL);
        set_t(child, up); /* child.parent = weakref.ref(parent) */
        rc_decref(up);
        vec *kids = vec_new(rt);
        vec_append(kids, &child->ob);
        set_t(parent, &kids->ob); /* parent.children = [child] */
        rc_decref(&kids->ob);
        rc_decref(&child->ob);
        parent = child;
    }
    show_count("root of a 1000-level tree", &root->ob);
    rc_decref(&root->ob);
    FILE *null = fopen("/dev/null", "w");
    size_t alive = null ? rc_report_alive(rt, null) : 0;
    if (null)
        fclose(null);
    printf("  del root                           whole tree freed by counting, "
           "%zu collections, %zu objects alive\n",
           collections(rt) - before, alive);
    rc_gc_enable(rt);
}

static void cycles_hold_memory(rc_runtime *rt, size_t n) {
    title("seed 004",
          "two big lists that refer to each other need gc.collect()");
    show_memory_info("initial");
    vec *a = vec_new(rt), *b = vec_new(rt);
    for (size_t i = 0; i < n; i++) {
        rc_object *x = num_new(rt, (long)i), *y = num_new(rt, (long)i);
        bool ok = x && y && vec_append(a, x) && vec_append(b, y);
        rc_xdecref(x);
        rc_xdecref(y);
        if (!ok)
            break;
    }
    show_memory_info("after a, b created");
    vec_append(a, &b->ob);
    vec_append(b, &a->ob);
    rc_decref(&a->ob);
    rc_decref(&b->ob);
    show_memory_info("a.append(b); b.append(a); func returns");
    ptrdiff_t found = rc_gc_collect(rt, 2);
    char hint[64];
    snprintf(hint, sizeof hint, "gc.collect() found %td;", found);
    show_memory_info(hint);
}

static void at_exit(rc_runtime *rt) {
    title("seed 003",
          "at exit CPython leaves memory behind; rcgc frees it all");
    rc_object *forgotten = rc_new(rt, &instance_type);
    (void)forgotten; /* a reference the program never gives back */
    printf("  rc_report_alive() before rc_runtime_free():\n");
    fflush(stdout);
    rc_report_alive(rt, stdout);
    printf("  rc_runtime_free() finalizes and frees them, and returns every "
           "arena\n");
}

int main(int argc, char **argv) {
    size_t big = 10000000;
    if (argc > 1 && strcmp(argv[1], "--small") == 0)
        big = 100000;
    rc_config cfg = rc_config_default();
    cfg.debug_stream = stdout; /* gc.set_debug() lines inline with the tour */
    rc_runtime *rt = rc_runtime_new(&cfg);
    if (!rt) {
        fprintf(stderr, "seeds_tour: cannot create a runtime\n");
        return 1;
    }
    printf("rcgc seeds tour: the seed articles' examples, run on rcgc\n");
    refcount_events(rt);
    freed_at_zero(rt);
    reference_cycles(rt);
    generations_and_counts(rt, big / 10);
    debug_and_tuning(rt);
    weak_references(rt);
    memory_returns(rt, big);
    cycles_hold_memory(rt, big);
    at_exit(rt);
    rc_runtime_free(rt);
    return 0;
}
