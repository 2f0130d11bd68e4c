/*
 * test_rcpy_weakref.c — rcpy's weak references from C, where the Python
 * corpus (tests/py/weakref) cannot look: that making and dropping weak
 * references, proxies, weak dictionaries, weak sets and finalizers leaves
 * no object behind (the library's weakref each Python one wraps, its link,
 * the callbacks), that the heap stays consistent (rc_heap_check) through
 * callbacks that run in collections and callbacks that drop other weak
 * references of the same dying object, and that running out of memory at
 * any point of making a weak reference is a MemoryError, never a crash or
 * a leak (LeakSanitizer, asan preset).
 *
 * One interpreter per test; programs run as __main__ (rp_run_source).
 */
#define _POSIX_C_SOURCE 200809L
#include "rcpy.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

/* ====================================================================== */
/* Fixture and helpers                                                    */
/* ====================================================================== */

static int setup(void **state) {
    static char *argv[] = {"prog.py"};
    rp_config cfg = {.argc = 1, .argv = argv, .path0 = ""};
    *state = rp_interp_new(&cfg);
    return *state ? 0 : -1;
}

static int teardown(void **state) {
    rp_interp *ip = *state;
    rp_err_clear(ip);
    int check = rc_heap_check(ip->rt);
    if (check != 0)
        fprintf(stderr, "heap check: %s\n", rc_last_error_message(ip->rt));
    rp_interp_free(ip);
    return check == 0 ? 0 : -1;
}

/* Runs a program in __main__; 0, or -1 with its exception printed. */
static int run(rp_interp *ip, const char *src) {
    return rp_run_source(ip, src, strlen(src), "<test>", NULL);
}

/* An int global of __main__. */
static int64_t global_int(rp_interp *ip, const char *name) {
    rc_object *dict = ((rp_module *)ip->main)->dict;
    rc_object *key = rc_str_from_cstr(ip->rt, name);
    assert_non_null(key);
    rc_object *v = rc_dict_getitem(dict, key);
    rc_decref(key);
    assert_non_null(v);
    int64_t out = 0;
    assert_int_equal(rc_int_to_i64(v, &out), 0);
    return out;
}

/* Objects alive after a full collection. */
static size_t alive(rp_interp *ip) {
    rc_gc_collect(ip->rt, 2);
    FILE *sink = fopen("/dev/null", "w");
    assert_non_null(sink);
    size_t n = rc_report_alive(ip->rt, sink);
    fclose(sink);
    return n;
}

/* Makes and drops every kind of weak reference the weakref module has;
 * callbacks count into `fired`. (The classes are made once: a class made
 * at run time leaves a dead weakref in its base's __subclasses__ list.) */
static const char churn[] =
    "class O:\n"
    "    def m(self): return 1\n"
    "class R(weakref.ref):\n"
    "    __slots__ = ('tag',)\n"
    "def cb(r):\n"
    "    global fired\n"
    "    fired += 1\n"
    "def churn():\n"
    "    for i in range(50):\n"
    "        o, p = O(), O()\n"
    "        refs = [weakref.ref(o), weakref.ref(o, cb), weakref.proxy(o),\n"
    "                weakref.proxy(o, cb), R(o, cb), weakref.ref(O.m),\n"
    "                weakref.WeakMethod(o.m, cb)]\n"
    "        o.cycle = (o, refs[1])\n"
    "        wv = weakref.WeakValueDictionary(a=o, b=p)\n"
    "        wk = weakref.WeakKeyDictionary({o: 1, p: 2})\n"
    "        ws = weakref.WeakSet([o, p])\n"
    "        fin = weakref.finalize(p, cb, None)\n"
    "        for k in wv.keys():\n"
    "            del p\n"
    "            break\n"
    "        del o\n"
    "        if i % 2:\n"
    "            del refs\n"
    "        gc.collect()\n"
    "        assert len(wv) == 0 and len(wk) == 0 and len(ws) == 0, i\n"
    "        assert not fin.alive\n";

/* ====================================================================== */
/* Tests                                                                  */
/* ====================================================================== */

/* After a first round (which makes what is made once: the module, its
 * classes, cached names), another round leaves exactly as many objects
 * alive as there were before it, and exactly the callbacks CPython calls
 * ran. */
static void test_nothing_left_behind(void **state) {
    rp_interp *ip = *state;
    /* fired starts above the cached small ints: its value is one object
     * alive in every round */
    assert_int_equal(run(ip, "import gc, weakref\nfired = 1000\n"), 0);
    assert_int_equal(run(ip, churn), 0);
    assert_int_equal(run(ip, "churn()\n"), 0);
    size_t before = alive(ip);
    int64_t fired = global_int(ip, "fired");
    assert_int_equal(run(ip, "churn()\n"), 0);
    assert_int_equal(alive(ip), before);
    /* CPython's count for a round: the finalizer of p every time; in the
     * 25 iterations that keep `refs`, the four callbacks of o's refs (in
     * the others they die before o, and the one o's cycle holds is
     * garbage with o) */
    assert_int_equal(global_int(ip, "fired") - fired, 50 + 25 * 4);
    assert_int_equal(rc_heap_check(ip->rt), 0);
}

/* A callback that drops another weak reference to the same dying object
 * before the library reaches it: nothing is used after being freed (ASan)
 * and the heap is consistent. (CPython holds every weak reference of the
 * dying object until all callbacks ran, so it calls `second` too; in rcpy
 * the dropped Python weak reference is gone, and its callback with it:
 * n is 1 here, 2 on CPython.) */
static void test_callback_drops_a_later_ref(void **state) {
    rp_interp *ip = *state;
    assert_int_equal(run(ip, "import weakref\n"
                             "class O: pass\n"
                             "log = []\n"
                             "holder = {}\n"
                             "def first(r):\n"
                             "    log.append('first')\n"
                             "    holder.clear()\n"
                             "def second(r):\n"
                             "    log.append('second')\n"
                             "o = O()\n"
                             "holder['r2'] = weakref.ref(o, second)\n"
                             "r1 = weakref.ref(o, first)\n"
                             "del o\n"
                             "n = len(log)\n"
                             "first_ran = log[0] == 'first'\n"),
                     0);
    assert_int_equal(global_int(ip, "first_ran"), 1);
    int64_t n = global_int(ip, "n");
    assert_true(n == 1 || n == 2);
    assert_int_equal(rc_heap_check(ip->rt), 0);
}

/* Weak references in garbage cycles with their referents, callbacks that
 * are garbage, a callback making new weak references during a
 * collection: the heap checker agrees with every count afterwards. */
static void test_collections_keep_heap_consistent(void **state) {
    rp_interp *ip = *state;
    assert_int_equal(run(ip, "import gc, weakref\n"
                             "class N: pass\n"
                             "keep = []\n"
                             "def cb(r):\n"
                             "    keep.append(weakref.ref(cb))\n"
                             "    keep.append(weakref.proxy(cb))\n"
                             "for i in range(30):\n"
                             "    a, b = N(), N()\n"
                             "    a.b, b.a = b, a\n"
                             "    a.r = weakref.ref(b, cb)\n"
                             "    b.r = weakref.ref(a, lambda r, a=a: None)\n"
                             "    outside = weakref.ref(a, cb)\n"
                             "    p = weakref.proxy(b, cb)\n"
                             "    del a, b\n"
                             "    gc.collect()\n"
                             "    assert outside() is None\n"
                             "ok = len(keep) >= 30\n"),
                     0);
    assert_int_equal(global_int(ip, "ok"), 1);
    assert_int_equal(rc_heap_check(ip->rt), 0);
}

/* Getting weak references while memory runs out, with the heap limit
 * moved in small steps so that the failure falls on each allocation of
 * making one (the wrapper, the link, the library's weakref and its side
 * table) in some run: always MemoryError, then a consistent heap. */
static void test_out_of_memory(void **state) {
    (void)state;
    static char *argv[] = {"prog.py"};
    int ran = 0, refused = 0;
    for (size_t limit = 6u << 20; limit < (9u << 20); limit += 24u << 10) {
        rp_config cfg = {
            .argc = 1, .argv = argv, .path0 = "", .heap_limit = limit};
        rp_interp *ip = rp_interp_new(&cfg);
        if (!ip)
            continue;
        if (run(ip, "import weakref\n"
                    "class O: pass\n"
                    "def cb(r): pass\n"
                    "objs, refs = [], []\n") == 0) {
            ran++;
            run(ip, "try:\n"
                    "    while True:\n"
                    "        o = O()\n"
                    "        objs.append(o)\n"
                    "        refs.append(weakref.ref(o, cb))\n"
                    "        refs.append(weakref.proxy(o))\n"
                    "        refs.append(weakref.ref(o))\n"
                    "except MemoryError:\n"
                    "    refused = 1\n");
            rp_err_clear(ip);
            rc_object *dict = ((rp_module *)ip->main)->dict;
            rc_object *key = rc_str_from_cstr(ip->rt, "refused");
            refused += key && rc_dict_getitem(dict, key) != NULL;
            rc_xdecref(key);
            run(ip, "del objs, refs\n");
            rp_err_clear(ip);
        }
        rc_gc_collect(ip->rt, 2);
        assert_int_equal(rc_heap_check(ip->rt), 0);
        rp_interp_free(ip);
    }
    assert_true(ran > 0);
    assert_true(refused > 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_nothing_left_behind),
        T(test_callback_drops_a_later_ref),
        T(test_collections_keep_heap_consistent),
#undef T
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
