/* support.c — see support.h. */
#define _GNU_SOURCE
#include "support.h"

#include <rcgc/objects.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---------------------------------------------------------------- types */

static int tnode_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    tnode *n = (tnode *)self;
    for (int i = 0; i < NODE_LINKS; i++) {
        if (n->link[i]) {
            int r = visit(n->link[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int tnode_clear(rc_object *self) {
    tnode *n = (tnode *)self;
    for (int i = 0; i < NODE_LINKS; i++) {
        rc_object *o = n->link[i];
        n->link[i] = NULL;
        rc_xdecref(o);
    }
    return 0;
}

const rc_type tnode_type = {
    .name = "tnode",
    .basicsize = sizeof(tnode),
    .flags = RC_TYPE_GC,
    .traverse = tnode_traverse,
    .clear = tnode_clear,
};

const rc_type tleaf_type = {
    .name = "tleaf",
    .basicsize = sizeof(rc_object) + 16,
};

typedef struct tbox {
    rc_object ob;
    rc_object *inner;
} tbox;

static void tbox_dealloc(rc_object *self) {
    rc_xdecref(((tbox *)self)->inner);
}

const rc_type tbox_type = {
    .name = "tbox",
    .basicsize = sizeof(tbox),
    .dealloc = tbox_dealloc,
};

tnode *tnode_new(rc_runtime *rt) {
    return (tnode *)rc_new(rt, &tnode_type);
}

void tnode_set(tnode *from, int slot, rc_object *to) {
    rc_object *old = from->link[slot];
    rc_xincref(to);
    from->link[slot] = to;
    rc_xdecref(old);
}

rc_object *tbox_new(rc_runtime *rt, rc_object *inner) {
    tbox *b = (tbox *)rc_new(rt, &tbox_type);
    if (b) {
        rc_xincref(inner);
        b->inner = inner;
    }
    return (rc_object *)b;
}

/* ---------------------------------------------------------- allocator */

static bool refuse(failing_alloc *fa) {
    fa->calls++;
    if (fa->fail_at && (fa->calls == fa->fail_at ||
                        (fa->forever && fa->calls > fa->fail_at))) {
        fa->failures++;
        return true;
    }
    return false;
}

static void *fa_malloc(size_t n, void *ud) {
    failing_alloc *fa = ud;
    if (refuse(fa))
        return NULL;
    void *p = malloc(n);
    if (p) {
        fa->outstanding += n;
        fa->live_blocks++;
    }
    return p;
}

static void fa_free(void *p, size_t n, void *ud) {
    failing_alloc *fa = ud;
    fa->outstanding -= n;
    fa->live_blocks--;
    free(p);
}

rc_config failing_config(failing_alloc *fa) {
    rc_config c = rc_config_default();
    c.allocator.malloc = fa_malloc;
    c.allocator.free = fa_free;
    c.allocator.ud = fa;
    return c;
}

/* ------------------------------------------------------------ threads */

typedef struct thunk {
    void (*fn)(void *);
    void *arg;
} thunk;

static void *thread_main(void *p) {
    thunk *t = p;
    t->fn(t->arg);
    return NULL;
}

void run_with_stack(size_t stack, void (*fn)(void *), void *arg) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    assert_int_equal(pthread_attr_setstacksize(&attr, stack), 0);
    thunk t = {fn, arg};
    pthread_t th;
    assert_int_equal(pthread_create(&th, &attr, thread_main, &t), 0);
    pthread_join(th, NULL);
    pthread_attr_destroy(&attr);
}

/* ------------------------------------------------------- child process */

bool run_in_child(void (*fn)(void *), void *arg, char *err, size_t errcap) {
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 2);
        fn(arg);
        _exit(0);
    }
    close(fds[1]);
    size_t n = 0;
    ssize_t r;
    while (n + 1 < errcap && (r = read(fds[0], err + n, errcap - 1 - n)) > 0)
        n += (size_t)r;
    err[n] = '\0';
    char sink[256];
    while (read(fds[0], sink, sizeof sink) > 0)
        ;
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status));
}

static size_t all_blocks(const rc_runtime *rt) {
    rc_mem_stats st = {.size = sizeof st};
    rc_mem_get_stats(rt, &st);
    size_t n = st.large_blocks;
    for (int c = 0; c < RC_SIZE_CLASSES; c++)
        n += st.classes[c].blocks_in_use;
    return n;
}

/* Baselines of runtimes made by test_runtime_new (threads may make them). */
#define BASELINES 64
static struct {
    const rc_runtime *rt;
    size_t blocks;
} baselines[BASELINES];
static pthread_mutex_t baselines_lock = PTHREAD_MUTEX_INITIALIZER;

rc_runtime *test_runtime_new(const rc_config *cfg) {
    rc_runtime *rt = rc_runtime_new(cfg);
    if (!rt)
        return NULL;
    size_t blocks = all_blocks(rt);
    pthread_mutex_lock(&baselines_lock);
    int slot = 0;
    for (int i = 0; i < BASELINES; i++) {
        if (baselines[i].rt == rt) {
            slot = i;
            break;
        }
        if (!baselines[i].rt)
            slot = i;
    }
    baselines[slot].rt = rt;
    baselines[slot].blocks = blocks;
    pthread_mutex_unlock(&baselines_lock);
    return rt;
}

size_t blocks_in_use(const rc_runtime *rt) {
    size_t base = 0;
    pthread_mutex_lock(&baselines_lock);
    for (int i = 0; i < BASELINES; i++)
        if (baselines[i].rt == rt)
            base = baselines[i].blocks;
    pthread_mutex_unlock(&baselines_lock);
    return all_blocks(rt) - base;
}

long test_scale(void) {
    const char *env = getenv("RCGC_TEST_SCALE");
    long s = env ? atol(env) : RCGC_TEST_SCALE;
    return s > 0 ? s : 1;
}

uint64_t rng_next(uint64_t *state) {
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint64_t rng_below(uint64_t *state, uint64_t n) {
    return rng_next(state) % n;
}

/* --------------------------------------------------------- debug text */

rc_runtime *test_runtime_with_stream(memstream *m) {
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    assert_non_null(m->f);
    rc_config c = rc_config_default();
    c.debug_stream = m->f;
    return test_runtime_new(&c);
}

void memstream_close(memstream *m) {
    fclose(m->f);
    free(m->buf);
    m->f = NULL;
    m->buf = NULL;
}

/* --------------------------------------------------- allocation failure */

bool repr_into(rc_object *o, char *buf, size_t cap) {
    rc_object *s = rc_repr(o);
    if (!s)
        return false;
    snprintf(buf, cap, "%s", rc_str_utf8(s));
    rc_decref(s);
    return true;
}

/* What a failed step must leave: its error, the container, no leaks. */
static void check_failure(const oom_scenario *sc, long n, rc_runtime *rt,
                          failing_alloc *fa, rc_object **objs, size_t base,
                          const char *before, size_t refs) {
    char after[8192] = "";
    if (rc_last_error(rt) != RC_ENOMEM)
        fail_msg("%s: step %ld: error %d (%s) instead of RC_ENOMEM", sc->name,
                 n, rc_last_error(rt), rc_last_error_message(rt));
    if (sc->container) {
        assert_true(repr_into(objs[0], after, sizeof after));
        if (strcmp(before, after) != 0)
            fail_msg("%s: step %ld changed the container:\n%s\n%s", sc->name, n,
                     before, after);
        assert_int_equal(rc_refcnt(objs[0]), refs);
    }
    rc_clear_error(rt);
    rc_gc_collect(rt, 2);
    if (fa->live_blocks != base)
        fail_msg("%s: step %ld leaked %ld blocks", sc->name, n,
                 (long)fa->live_blocks - (long)base);
}

/* One step: the operation with the Nth request refused. Returns how many
 * requests were refused. */
static long oom_step(const oom_scenario *sc, long n, bool forever) {
    failing_alloc fa = {0};
    rc_config cfg = failing_config(&fa);
    cfg.passthrough = true;
    rc_runtime *rt = rc_runtime_new(&cfg);
    assert_non_null(rt);
    rc_object *objs[OOM_OBJS] = {NULL}, *out = NULL;
    sc->setup(rt, objs);
    char before[8192] = "", warmed[16];
    if (sc->container)
        assert_true(repr_into(objs[0], before, sizeof before));
    rc_object *none = rc_none(rt), *warm = rc_tuple_pack(rt, 1, none);
    assert_true(repr_into(warm, warmed, sizeof warmed)); /* the repr stack */
    rc_decref(warm), rc_decref(none);
    rc_gc_collect(rt, 2); /* empties the free lists: a clean baseline */
    size_t base = fa.live_blocks, refs = objs[0] ? rc_refcnt(objs[0]) : 0;
    fa.fail_at = fa.calls + n;
    fa.forever = forever;
    int r = sc->op(rt, objs, &out);
    long refused = fa.failures;
    fa.fail_at = 0;
    if (r < 0) {
        assert_null(out);
        check_failure(sc, n, rt, &fa, objs, base, before, refs);
    } else {
        assert_int_equal(r, 0);
    }
    rc_xdecref(out);
    assert_int_equal(rc_heap_check(rt), 0);
    for (int i = 0; i < OOM_OBJS; i++)
        rc_xdecref(objs[i]);
    rc_runtime_free(rt);
    assert_int_equal(fa.outstanding, 0);
    assert_int_equal(fa.live_blocks, 0);
    return refused;
}

void oom_every_point(const oom_scenario *scenarios, size_t n, bool forever) {
    for (size_t s = 0; s < n; s++) {
        long step = 1;
        while (oom_step(&scenarios[s], step, forever))
            step++;
        if (step == 1)
            fail_msg("%s: the operation never allocates", scenarios[s].name);
    }
}
