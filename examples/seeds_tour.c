/*
 * seeds_tour.c — `make run`: the seed articles' scenarios, step by step, in C.
 *
 * Each section names the seed it follows and prints what the seed prints.
 * Python names are modelled as C variables holding references, Python
 * lists, ints and strs are rcgc's builtin list, int and str, a Python class
 * with an attribute is the small `instance` type below, and `del x` is
 * rc_decref. rc_refcnt() is the count itself: sys.getrefcount() shows one
 * more.
 *
 * Usage: seeds_tour [--small]   (--small: 100,000 instead of 10,000,000)
 */
#include <rcgc.h>
#include <rcgc/objects.h>

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- types */

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

/* [1, 2, 3] */
static rc_object *list123(rc_runtime *rt) {
    rc_object *l = rc_list_new(rt);
    for (int64_t i = 1; i <= 3; i++) {
        rc_object *x = rc_int_from_i64(rt, i);
        rc_list_append(l, x);
        rc_decref(x);
    }
    return l;
}

static void print_bool(const char *step, bool v) {
    printf("  %-34s %s\n", step, v ? "True" : "False");
}

static void identity(rc_runtime *rt) {
    title("seed 001", "identity, the small-int cache and interned strings");
    rc_object *a = rc_int_from_i64(rt, 1), *b = rc_int_from_i64(rt, 1);
    printf("  a = 1; b = 1; id(a), id(b)         %p %p\n", (void *)a,
           (void *)b);
    print_bool("a is b", a == b);
    rc_decref(a);
    rc_decref(b);
    a = rc_int_from_i64(rt, 257);
    b = rc_int_from_i64(rt, 257);
    print_bool("a = 257; b = 257 (made apart); a is b", a == b);
    print_bool("a == b", rc_equal(a, b) == 1);
    rc_decref(a);
    rc_decref(b);
    const char *good = "good", *morning = "very good morning";
    a = rc_str_constant(rt, good, strlen(good));
    b = rc_str_constant(rt, good, strlen(good));
    print_bool("a = \"good\"; b = \"good\"; a is b", a == b);
    rc_decref(a);
    rc_decref(b);
    a = rc_str_constant(rt, morning, strlen(morning));
    b = rc_str_constant(rt, morning, strlen(morning));
    print_bool("a = \"very good morning\"; ... a is b", a == b);
    print_bool("a == b", rc_equal(a, b) == 1);
    rc_decref(a);
    rc_decref(b);
    a = rc_list_new(rt);
    b = rc_list_new(rt);
    print_bool("a = []; b = []; a is b", a == b);
    rc_decref(a);
    rc_decref(b);
}

static void refcount_events(rc_runtime *rt) {
    title("seeds 000, 001 and 003", "what raises and lowers a reference count");
    rc_object *a = list123(rt);
    show_count("a = [1, 2, 3]", a);
    rc_object *b = a;
    rc_incref(b);
    show_count("b = a", a);
    rc_object *c = rc_list_new(rt);
    rc_list_append(c, a);
    rc_list_append(c, a);
    show_count("c = [a, a]", a);
    rc_decref(b);
    show_count("del b", a);
    rc_object *zero = rc_int_from_i64(rt, 0);
    rc_object *first = rc_getitem(c, zero);
    rc_delitem(c, zero);
    rc_decref(first);
    rc_decref(zero);
    show_count("del c[0]", a);
    rc_decref(c);
    show_count("del c (the list drops the other)", a);
    rc_object *r = rc_repr(a);
    printf("  %-34s %s\n", "print(a)", rc_str_utf8(r));
    rc_decref(r);
    rc_decref(a);
    printf("  %-34s count 0: freed at once\n", "del a");
}

static void caches_and_free_lists(rc_runtime *rt) {
    title("seed 002", "the small-int pool and free lists");
    rc_object *x = rc_int_from_i64(rt, 256), *y = rc_int_from_i64(rt, 256);
    print_bool("256 is 256 (cached: -5 to 256)", x == y);
    printf("  %-34s %s\n", "",
           rc_refcnt(x) >= RC_IMMORTAL ? "its count is immortal: never freed"
                                       : "its count is mortal");
    rc_decref(x);
    rc_decref(y);
    rc_object *l = rc_list_new(rt);
    void *where = l;
    rc_decref(l);
    l = rc_list_new(rt);
    print_bool("del l; l = []: same memory block", (void *)l == where);
    rc_decref(l);
    rc_object *f = rc_float_from_double(rt, 1.5);
    where = f;
    rc_decref(f);
    f = rc_float_from_double(rt, 2.5);
    print_bool("del f; f = 2.5: same memory block", (void *)f == where);
    rc_decref(f);
    rc_gc_collect(rt, 2);
    printf("  %-34s (a full collection empties the free lists)\n",
           "gc.collect()");
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

/* [i for i in range(n)] */
static rc_object *range_list(rc_runtime *rt, size_t n) {
    rc_object *a = rc_list_new(rt);
    for (size_t i = 0; a && i < n; i++) {
        rc_object *x = rc_int_from_i64(rt, (int64_t)i);
        if (!x || rc_list_append(a, x) != 0) {
            printf("  out of memory after %zu items\n", i);
            rc_xdecref(x);
            break;
        }
        rc_decref(x);
    }
    return a;
}

static void memory_returns(rc_runtime *rt, size_t n) {
    title("seed 004", "memory goes back down when a big structure is dropped");
    show_memory_info("initial");
    rc_object *a = range_list(rt, n);
    char hint[64];
    snprintf(hint, sizeof hint, "after a created (%zu ints)", rc_list_size(a));
    show_memory_info(hint);
    rc_decref(a);
    show_memory_info("finished (a dropped)");
}

static void reference_cycles(rc_runtime *rt) {
    title("seed 001", "reference cycles keep counts above zero");
    rc_object *a = rc_list_new(rt), *b = rc_list_new(rt);
    rc_list_append(b, a); /* b = [a] */
    rc_list_append(a, b); /* a.append(b) */
    show_count("a = []; b = [a]; a.append(b)", a);
    rc_decref(a);
    rc_decref(b);
    printf("  del a; del b                       both lists keep count %zu: "
           "nothing can reach them, nothing frees them\n",
           rc_refcnt(b));
    printf("  gc.collect()                       -> %td unreachable objects "
           "found and freed\n",
           rc_gc_collect(rt, 2));
    rc_object *c = rc_list_new(rt);
    rc_list_append(c, c);
    show_count("a = []; a.append(a)", c);
    rc_decref(c);
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
        rc_object *kids = rc_list_new(rt);
        rc_list_append(kids, &child->ob);
        set_t(parent, kids); /* parent.children = [child] */
        rc_decref(kids);
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
    rc_object *a = range_list(rt, n), *b = range_list(rt, n);
    show_memory_info("after a, b created");
    rc_list_append(a, b);
    rc_list_append(b, a);
    rc_decref(a);
    rc_decref(b);
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
    identity(rt);
    refcount_events(rt);
    caches_and_free_lists(rt);
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
