/*
 * types.c — the builtin types: the same operations through rcgc's C API
 * (this file) and in CPython (types_cpython.py, run with python3), each in
 * a fresh process of its own; nanoseconds per item, iteration or call.
 *
 *   list/append, /drop     l.append(i) for i in range(1M) (each i a new
 *                          int), then the list dropped (1M ints freed);
 *   dict/int/set,/get,/drop  d[i] = i for 1M int keys, d[i] for each
 *                          (with a new int for the key), then dropped;
 *   dict/str/set,/get,/drop  d[k] = i for 1M fresh str keys "key<i>" (made
 *                          untimed; hashed by the insertion), d[k] for
 *                          each, then dropped (keys freed with it);
 *   str/join               ",".join() of those 1M keys, in a list;
 *   int/word               s = (s + i * i) % 1000000007: three operations
 *                          on 64-bit values outside the small-int cache;
 *   int/big                s = (s * s + i) % (2**89 - 1): the same on big
 *                          ints (s below 2**89, s * s up to 178 bits);
 *   str/concat             s += w over 100 short words, from "" each time
 *                          (strings up to 585 bytes);
 *   str/format, /percent   "item {}: {:.3f}".format(i, i * 0.5) and
 *                          "item %d: %.3f" % (i, i * 0.5);
 *   tuple/float            x, y = p; p = (x + 0.5, y * 0.999 + 1.0): float
 *                          and 2-tuple churn (their free lists).
 *
 * What a ratio means. rcgc is called from C with no interpreter around it;
 * CPython runs the same operation inside its bytecode loop, which costs
 * tens of nanoseconds per loop iteration on its own. So CPython/rcgc is not
 * "how much faster rcgc's types are"; these numbers are mainly a guard
 * against regressions in rcgc, read against an anchor run the same day.
 *
 * Both sides check their results outside the timed parts (sums, sizes,
 * lengths, self-computed expected values) and report a digest of each
 * result (a sum or a CRC-32 of the text, mod 999983, so it prints exactly);
 * the driver shows whether rcgc's and CPython's digests agree. Each process
 * runs every workload once untimed first (the checking run), then --reps
 * timed runs. The collector stays enabled on both sides, as a program
 * would run it.
 */
#include "common.h"

#include <rcgc.h>
#include <rcgc/objects.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef BENCH_CPYTHON_SCRIPT
#define BENCH_CPYTHON_SCRIPT "types_cpython.py"
#endif
#ifndef BENCH_BUILD_TYPE
#define BENCH_BUILD_TYPE "?"
#endif
#ifndef BENCH_RC_DEBUG
#define BENCH_RC_DEBUG 0
#endif
#ifndef BENCH_COMPILER
#define BENCH_COMPILER "?"
#endif

/* The sizes and repetitions; --quick makes the sizes ten times smaller (a
 * smoke test, not a result). The driver passes them to types_cpython.py. */
typedef struct plan {
    size_t n;     /* list items, dict entries, join parts, loop iterations */
    size_t words; /* str/concat: words per string ... */
    size_t strs;  /* ... and strings built (words * strs concatenations) */
    size_t fmt;   /* str/format and str/percent calls */
    int reps;     /* timed runs per process (after the checking run) */
    int rounds;   /* processes per system */
} plan;

static plan plan_make(bool quick) {
    plan p = {
        .n = 1000000,
        .words = 100,
        .strs = 10000,
        .fmt = 250000,
        .reps = 2,
        .rounds = 2,
    };
    if (quick) {
        p.n /= 10;
        p.strs /= 10;
        p.fmt /= 10;
        p.reps = 1;
        p.rounds = 1;
    }
    return p;
}

#define WORD_MOD   1000000007 /* int/word's modulus */
#define DIGEST_MOD 999983     /* digests are below 10**6: "%.6g" is exact */

/* ====================================================================== */
/* Checks: what both systems compute the same way                          */
/* ====================================================================== */

/* CRC-32 as zlib.crc32 (IEEE, reflected); chains like zlib.crc32(d, crc). */
static uint32_t crc32_update(uint32_t crc, const char *data, size_t n) {
    const unsigned char *p = (const unsigned char *)data;
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

static uint32_t crc_str(uint32_t crc, rc_object *s) {
    return crc32_update(crc, rc_str_utf8(s), rc_str_size(s));
}

/* A result's digest, for the driver to compare with CPython's. */
static void emit_check(const char *what, uint64_t digest) {
    char key[48];
    snprintf(key, sizeof key, "check/%s", what);
    bench_emit(key, "rcgc", (double)(digest % DIGEST_MOD));
}

/* A wrong result is a library bug (or a benchmark bug): say so next to
 * the numbers, and keep going. */
static void expect(bool ok, const char *what, const char *detail) {
    if (!ok)
        bench_note("rcgc: %s: wrong result (%s): the numbers of this row "
                   "are suspect",
                   what, detail);
}

/* ====================================================================== */
/* rcgc: helpers                                                           */
/* ====================================================================== */

static _Noreturn void fail(rc_runtime *rt, const char *what) {
    fprintf(stderr, "types: %s failed: %s\n", what,
            rt ? rc_last_error_message(rt) : "");
    exit(1);
}

/* o, or the end of the process when a call failed. */
static inline rc_object *need(rc_runtime *rt, rc_object *o, const char *what) {
    if (!o)
        fail(rt, what);
    return o;
}

static inline rc_object *int_new(rc_runtime *rt, int64_t v) {
    return need(rt, rc_int_from_i64(rt, v), "rc_int_from_i64");
}

static int64_t int_value(rc_runtime *rt, const rc_object *o) {
    int64_t v;
    if (!o || rc_int_to_i64(o, &v) < 0)
        fail(rt, "rc_int_to_i64");
    return v;
}

/* Emits the time t0..t1 per item, unless this is the checking run. */
static void emit_time(bool check, const char *key, uint64_t t0, uint64_t t1,
                      size_t items) {
    if (!check)
        bench_emit(key, "rcgc", (double)(t1 - t0) / (double)items);
}

/* ====================================================================== */
/* rcgc: the workloads                                                     */
/* ====================================================================== */

static void rc_list_work(rc_runtime *rt, const plan *p, bool check) {
    size_t n = p->n;
    uint64_t t0 = bench_now_ns();
    rc_object *l = need(rt, rc_list_new(rt), "rc_list_new");
    for (size_t i = 0; i < n; i++) {
        rc_object *o = int_new(rt, (int64_t)i);
        if (rc_list_append(l, o) < 0)
            fail(rt, "rc_list_append");
        rc_decref(o);
    }
    uint64_t t1 = bench_now_ns();
    if (check) {
        int64_t sum = 0;
        for (size_t i = 0; i < rc_list_size(l); i++)
            sum += int_value(rt, rc_list_get(l, (ptrdiff_t)i));
        expect(rc_list_size(l) == n, "list", "size");
        expect(sum == (int64_t)(n * (n - 1) / 2), "list", "sum");
        emit_check("list", (uint64_t)sum);
    }
    uint64_t t2 = bench_now_ns();
    rc_decref(l);
    uint64_t t3 = bench_now_ns();
    emit_time(check, "list/append", t0, t1, n);
    emit_time(check, "list/drop", t2, t3, n);
}

/* The checking pass over a dict built with values 0..n-1: every value
 * where expected; the digest is the sum of values plus the size. */
static void check_dict(rc_runtime *rt, rc_object *d, rc_object *const *keys,
                       size_t n, const char *what) {
    int64_t sum = 0;
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        rc_object *k = keys ? keys[i] : int_new(rt, (int64_t)i);
        int64_t v = int_value(rt, rc_dict_getitem(d, k));
        ok = ok && v == (int64_t)i;
        sum += v;
        if (!keys)
            rc_decref(k);
    }
    expect(ok, what, "d[k]");
    expect(rc_dict_size(d) == n, what, "size");
    emit_check(what, (uint64_t)sum + rc_dict_size(d));
}

static void rc_dict_int_work(rc_runtime *rt, const plan *p, bool check) {
    size_t n = p->n;
    uint64_t t0 = bench_now_ns();
    rc_object *d = need(rt, rc_dict_new(rt), "rc_dict_new");
    for (size_t i = 0; i < n; i++) {
        rc_object *k = int_new(rt, (int64_t)i);
        if (rc_dict_setitem(d, k, k) < 0)
            fail(rt, "rc_dict_setitem");
        rc_decref(k);
    }
    uint64_t t1 = bench_now_ns();
    for (size_t i = 0; i < n; i++) {
        rc_object *k = int_new(rt, (int64_t)i);
        rc_object *v = rc_dict_getitem(d, k);
        if (!v)
            fail(rt, "rc_dict_getitem");
        BENCH_ESCAPE(v);
        rc_decref(k);
    }
    uint64_t t2 = bench_now_ns();
    if (check)
        check_dict(rt, d, NULL, n, "dict/int");
    uint64_t t3 = bench_now_ns();
    rc_decref(d);
    uint64_t t4 = bench_now_ns();
    emit_time(check, "dict/int/set", t0, t1, n);
    emit_time(check, "dict/int/get", t1, t2, n);
    emit_time(check, "dict/int/drop", t3, t4, n);
}

/* ",".join(keys), timed; the keys stay alive. */
static void rc_join_work(rc_runtime *rt, rc_object *const *keys, size_t n,
                         bool check) {
    rc_object *list = need(rt, rc_list_from_array(rt, keys, n), "list");
    rc_object *sep = need(rt, rc_str_from_cstr(rt, ","), "sep");
    uint64_t t0 = bench_now_ns();
    rc_object *j = need(rt, rc_str_join(sep, list), "rc_str_join");
    uint64_t t1 = bench_now_ns();
    if (check) {
        size_t len = n ? n - 1 : 0;
        for (size_t i = 0; i < n; i++)
            len += rc_str_size(keys[i]);
        expect(rc_str_size(j) == len, "str/join", "length");
        emit_check("str/join", crc_str(0, j));
    }
    rc_decref(j);
    rc_decref(sep);
    rc_decref(list);
    emit_time(check, "str/join", t0, t1, n);
}

static void rc_dict_str_work(rc_runtime *rt, const plan *p, bool check) {
    size_t n = p->n;
    rc_object **keys = malloc(n * sizeof *keys);
    if (!keys)
        fail(NULL, "malloc");
    for (size_t i = 0; i < n; i++)
        keys[i] = need(rt, rc_str_from_format(rt, "key%zu", i), "key");
    uint64_t t0 = bench_now_ns();
    rc_object *d = need(rt, rc_dict_new(rt), "rc_dict_new");
    for (size_t i = 0; i < n; i++) {
        rc_object *v = int_new(rt, (int64_t)i);
        if (rc_dict_setitem(d, keys[i], v) < 0)
            fail(rt, "rc_dict_setitem");
        rc_decref(v);
    }
    uint64_t t1 = bench_now_ns();
    for (size_t i = 0; i < n; i++) {
        rc_object *v = rc_dict_getitem(d, keys[i]);
        if (!v)
            fail(rt, "rc_dict_getitem");
        BENCH_ESCAPE(v);
    }
    uint64_t t2 = bench_now_ns();
    if (check)
        check_dict(rt, d, keys, n, "dict/str");
    rc_join_work(rt, keys, n, check);
    for (size_t i = 0; i < n; i++) /* now the dict holds the only refs */
        rc_decref(keys[i]);
    free(keys);
    uint64_t t3 = bench_now_ns();
    rc_decref(d);
    uint64_t t4 = bench_now_ns();
    emit_time(check, "dict/str/set", t0, t1, n);
    emit_time(check, "dict/str/get", t1, t2, n);
    emit_time(check, "dict/str/drop", t3, t4, n);
}

/* s = (s + i * i) % 1000000007 */
static void rc_int_word_work(rc_runtime *rt, const plan *p, bool check) {
    size_t n = p->n;
    rc_object *m = int_new(rt, WORD_MOD);
    uint64_t t0 = bench_now_ns();
    rc_object *s = int_new(rt, 0);
    for (size_t i = 0; i < n; i++) {
        rc_object *io = int_new(rt, (int64_t)i);
        rc_object *sq = need(rt, rc_number_multiply(io, io), "multiply");
        rc_object *t = need(rt, rc_number_add(s, sq), "add");
        rc_object *r = need(rt, rc_number_remainder(t, m), "remainder");
        rc_decref(io);
        rc_decref(sq);
        rc_decref(t);
        rc_decref(s);
        s = r;
    }
    uint64_t t1 = bench_now_ns();
    if (check) {
        uint64_t e = 0;
        for (uint64_t i = 0; i < n; i++)
            e = (e + i * i) % WORD_MOD;
        int64_t got = int_value(rt, s);
        expect(got == (int64_t)e, "int/word", "differs from C arithmetic");
        emit_check("int/word", (uint64_t)got);
    }
    rc_decref(s);
    rc_decref(m);
    emit_time(check, "int/word", t0, t1, n);
}

/* 2**bits + add, computed as Python would. */
static rc_object *pow2_plus(rc_runtime *rt, int bits, int64_t add) {
    rc_object *one = int_new(rt, 1), *b = int_new(rt, bits),
              *a = int_new(rt, add);
    rc_object *p = need(rt, rc_number_lshift(one, b), "lshift");
    rc_object *r = need(rt, rc_number_add(p, a), "add");
    rc_decref(one);
    rc_decref(b);
    rc_decref(a);
    rc_decref(p);
    return r;
}

/* s = (s * s + i) % (2**89 - 1), from s = 2**70 + 12345 */
static void rc_int_big_work(rc_runtime *rt, const plan *p, bool check) {
    size_t n = p->n;
    rc_object *m = pow2_plus(rt, 89, -1);
    uint64_t t0 = bench_now_ns();
    rc_object *s = pow2_plus(rt, 70, 12345);
    for (size_t i = 0; i < n; i++) {
        rc_object *io = int_new(rt, (int64_t)i);
        rc_object *sq = need(rt, rc_number_multiply(s, s), "multiply");
        rc_object *t = need(rt, rc_number_add(sq, io), "add");
        rc_object *r = need(rt, rc_number_remainder(t, m), "remainder");
        rc_decref(io);
        rc_decref(sq);
        rc_decref(t);
        rc_decref(s);
        s = r;
    }
    uint64_t t1 = bench_now_ns();
    if (check) {
        rc_object *text = need(rt, rc_repr(s), "rc_repr");
        expect(rc_int_bit_length(s) > 64, "int/big", "fits 64 bits");
        emit_check("int/big", crc_str(0, text));
        rc_decref(text);
    }
    rc_decref(s);
    rc_decref(m);
    emit_time(check, "int/big", t0, t1, n);
}

/* Word j of str/concat: 1 + j % 7 x's, then j. */
static rc_object *word_new(rc_runtime *rt, size_t j) {
    return need(
        rt, rc_str_from_format(rt, "%.*s%zu", (int)(1 + j % 7), "xxxxxxx", j),
        "word");
}

static void rc_concat_work(rc_runtime *rt, const plan *p, bool check) {
    size_t nw = p->words, len = 0;
    rc_object **w = malloc(nw * sizeof *w);
    if (!w)
        fail(NULL, "malloc");
    for (size_t j = 0; j < nw; j++) {
        w[j] = word_new(rt, j);
        len += rc_str_size(w[j]);
    }
    rc_object *empty = need(rt, rc_str_from_cstr(rt, ""), "empty");
    rc_object *s = NULL;
    uint64_t t0 = bench_now_ns();
    for (size_t k = 0; k < p->strs; k++) {
        rc_xdecref(s);
        s = empty;
        rc_incref(s);
        for (size_t j = 0; j < nw; j++) {
            rc_object *t = need(rt, rc_str_concat(s, w[j]), "rc_str_concat");
            rc_decref(s);
            s = t;
        }
    }
    uint64_t t1 = bench_now_ns();
    if (check && s) {
        expect(rc_str_size(s) == len, "str/concat", "length");
        emit_check("str/concat", crc_str(0, s));
    }
    rc_xdecref(s);
    rc_decref(empty);
    for (size_t j = 0; j < nw; j++)
        rc_decref(w[j]);
    free(w);
    emit_time(check, "str/concat", t0, t1, nw * p->strs);
}

/* fmt.format(i, i * 0.5) or fmt % (i, i * 0.5); the checking run chains
 * a CRC over every result. */
static void rc_format_work(rc_runtime *rt, const plan *p, bool check,
                           bool percent) {
    const char *key = percent ? "str/percent" : "str/format";
    rc_object *fmt = need(
        rt, rc_str_from_cstr(rt, percent ? "item %d: %.3f" : "item {}: {:.3f}"),
        "fmt");
    uint32_t crc = 0;
    rc_object *out = NULL;
    uint64_t t0 = bench_now_ns();
    for (size_t i = 0; i < p->fmt; i++) {
        rc_object *args = need(rt, rc_tuple_new(rt, 2), "rc_tuple_new");
        rc_tuple_init_item(args, 0, int_new(rt, (int64_t)i));
        rc_tuple_init_item(
            args, 1,
            need(rt, rc_float_from_double(rt, (double)i * 0.5), "float"));
        rc_xdecref(out);
        out = percent ? rc_str_format_percent(fmt, args)
                      : rc_str_format(fmt, args, NULL);
        need(rt, out, key);
        rc_decref(args);
        if (check)
            crc = crc_str(crc, out);
    }
    uint64_t t1 = bench_now_ns();
    if (check) {
        char last[64];
        size_t i = p->fmt - 1;
        snprintf(last, sizeof last, "item %zu: %.3f", i, (double)i * 0.5);
        expect(out && !strcmp(rc_str_utf8(out), last), key, "last string");
        emit_check(key, crc);
    }
    rc_xdecref(out);
    rc_decref(fmt);
    emit_time(check, key, t0, t1, p->fmt);
}

/* x, y = p; p = (x + 0.5, y * 0.999 + 1.0) */
static void rc_tuple_work(rc_runtime *rt, const plan *p, bool check) {
    size_t n = p->n;
    rc_object *half = need(rt, rc_float_from_double(rt, 0.5), "float");
    rc_object *k = need(rt, rc_float_from_double(rt, 0.999), "float");
    rc_object *one = need(rt, rc_float_from_double(rt, 1.0), "float");
    uint64_t t0 = bench_now_ns();
    rc_object *pt = need(rt, rc_tuple_pack(rt, 2, half, one), "pack");
    for (size_t i = 0; i < n; i++) {
        rc_object *x = rc_tuple_get(pt, 0), *y = rc_tuple_get(pt, 1);
        rc_object *nx = need(rt, rc_number_add(x, half), "add");
        rc_object *yk = need(rt, rc_number_multiply(y, k), "multiply");
        rc_object *ny = need(rt, rc_number_add(yk, one), "add");
        rc_decref(yk);
        rc_object *np = need(rt, rc_tuple_new(rt, 2), "rc_tuple_new");
        rc_tuple_init_item(np, 0, nx);
        rc_tuple_init_item(np, 1, ny);
        rc_decref(pt);
        pt = np;
    }
    uint64_t t1 = bench_now_ns();
    if (check) {
        double ex = 0.5, ey = 1.0;
        for (size_t i = 0; i < n; i++) {
            ex = ex + 0.5;
            ey = ey * 0.999 + 1.0;
        }
        expect(rc_float_value(rc_tuple_get(pt, 0)) == ex &&
                   rc_float_value(rc_tuple_get(pt, 1)) == ey,
               "tuple/float", "differs from C arithmetic");
        rc_object *text = need(rt, rc_repr(pt), "rc_repr");
        emit_check("tuple/float", crc_str(0, text));
        rc_decref(text);
    }
    rc_decref(pt);
    rc_decref(half);
    rc_decref(k);
    rc_decref(one);
    emit_time(check, "tuple/float", t0, t1, n);
}

static void measure_rcgc(const plan *p) {
    bench_note("rcgc %d.%d.%d, %s build, RC_DEBUG=%d, %s", RCGC_VERSION_MAJOR,
               RCGC_VERSION_MINOR, RCGC_VERSION_PATCH, BENCH_BUILD_TYPE,
               BENCH_RC_DEBUG, BENCH_COMPILER);
    rc_runtime *rt = rc_runtime_new(NULL);
    if (!rt)
        fail(NULL, "rc_runtime_new");
    for (int rep = 0; rep <= p->reps; rep++) {
        bool check = rep == 0;
        rc_list_work(rt, p, check);
        rc_dict_int_work(rt, p, check);
        rc_dict_str_work(rt, p, check);
        rc_int_word_work(rt, p, check);
        rc_int_big_work(rt, p, check);
        rc_concat_work(rt, p, check);
        rc_format_work(rt, p, check, false);
        rc_format_work(rt, p, check, true);
        rc_tuple_work(rt, p, check);
    }
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* The driver: runs both systems, prints the table                         */
/* ====================================================================== */

enum { S_RCGC, S_CPYTHON, S_COUNT };
static const char *const sys_names[S_COUNT] = {"rcgc", "cpython"};

typedef struct row {
    const char *key;   /* samples' key */
    const char *label; /* first column; %s: the size, as "1M" */
    const char *unit;  /* second column */
    const char *check; /* the digest that vouches for the row */
} row;

static const row rows[] = {
    {"list/append", "list: append %s new ints", "ns/item", "list"},
    {"list/drop", "list: drop it (frees the ints)", "ns/item", "list"},
    {"dict/int/set", "dict int->int: d[i] = i, %s", "ns/item", "dict/int"},
    {"dict/int/get", "dict int->int: d[i]", "ns/item", "dict/int"},
    {"dict/int/drop", "dict int->int: drop it", "ns/item", "dict/int"},
    {"dict/str/set", "dict str->int: d[k] = i, %s", "ns/item", "dict/str"},
    {"dict/str/get", "dict str->int: d[k]", "ns/item", "dict/str"},
    {"dict/str/drop", "dict str->int: drop it", "ns/item", "dict/str"},
    {"int/word", "int: s = (s + i*i) %% 1000000007", "ns/iter", "int/word"},
    {"int/big", "int: s = (s*s + i) %% (2**89-1)", "ns/iter", "int/big"},
    {"str/concat", "str: s += w, 100 short words", "ns/op", "str/concat"},
    {"str/join", "str: ','.join(%s strs)", "ns/item", "str/join"},
    {"str/format", "str: 'item {}: {:.3f}'.format", "ns/call", "str/format"},
    {"str/percent", "str: 'item %%d: %%.3f' %% (i, x)", "ns/call",
     "str/percent"},
    {"tuple/float", "tuple+float: p = (x+.5, y*.999+1)", "ns/iter",
     "tuple/float"},
};

/* "ok" when both systems' digests of the row's result agree. */
static const char *check_text(const bench_results *r, const row *w) {
    char key[48];
    snprintf(key, sizeof key, "check/%s", w->check);
    double a, b;
    if (!bench_get(r, key, "rcgc", &a) || !bench_get(r, key, "cpython", &b))
        return "-";
    return a == b ? "ok" : "DIFFERS";
}

/* n as "1M", "100k" or "123". */
static const char *count_text(char *buf, size_t len, size_t n) {
    if (n >= 1000000 && n % 1000000 == 0)
        snprintf(buf, len, "%zuM", n / 1000000);
    else if (n >= 1000 && n % 1000 == 0)
        snprintf(buf, len, "%zuk", n / 1000);
    else
        snprintf(buf, len, "%zu", n);
    return buf;
}

static void print_row(const bench_results *r, const row *w, const plan *p) {
    double v[S_COUNT];
    bool have[S_COUNT];
    char cell[S_COUNT][24], ratio[24], label[64], count[24];
    snprintf(label, sizeof label, w->label,
             count_text(count, sizeof count, p->n));
    for (int s = 0; s < S_COUNT; s++) {
        have[s] = bench_get(r, w->key, sys_names[s], &v[s]);
        if (have[s])
            snprintf(cell[s], sizeof cell[s], "%.1f", v[s]);
        else
            snprintf(cell[s], sizeof cell[s], "-");
    }
    if (have[S_RCGC] && have[S_CPYTHON] && v[S_RCGC] > 0)
        snprintf(ratio, sizeof ratio, "%.2fx", v[S_CPYTHON] / v[S_RCGC]);
    else
        snprintf(ratio, sizeof ratio, "-");
    printf("%-34s %-7s %4zu %9s %9s %8s  %s\n", label, w->unit,
           bench_count(r, w->key, "rcgc"), cell[S_RCGC], cell[S_CPYTHON], ratio,
           check_text(r, w));
}

static void print_table(const bench_results *r, const plan *p) {
    printf("== types: builtin types, rcgc's C API vs the same operations in "
           "CPython; medians of `runs` runs (%d processes x %d); lower is "
           "better\n",
           p->rounds, p->reps);
    printf("   (CPy/rc: CPython's time divided by rcgc's; above 1 means rcgc "
           "took less time. The C calls have\n"
           "   no interpreter around them, while CPython runs each operation "
           "in its bytecode loop: the ratios\n"
           "   are not a fair race, and these numbers are mainly a guard "
           "against regressions.\n"
           "   check: both systems computed the same result.)\n\n");
    printf("%-34s %-7s %4s %9s %9s %8s  %s\n", "operation", "unit", "runs",
           "rcgc", "CPython", "CPy/rc", "check");
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        print_row(r, &rows[i], p);
    printf("\n");
    bench_print_notes(r);
}

static void child_command(char *cmd, size_t len, int s, const plan *p,
                          bool quick, const char *python, const char *script) {
    if (s == S_RCGC)
        snprintf(cmd, len, "'%s' --only rcgc --reps %d%s", bench_self_exe(),
                 p->reps, quick ? " --quick" : "");
    else
        snprintf(cmd, len,
                 "%s '%s' --n %zu --words %zu --strs %zu --fmt %zu --reps %d",
                 python, script, p->n, p->words, p->strs, p->fmt, p->reps);
}

static int drive(const plan *p, bool quick, const char *python,
                 const char *script) {
    bench_results r = {0};
    bench_pin(&r);
    char cmd[8192];
    for (int round = 0; round < p->rounds; round++) {
        for (int i = 0; i < S_COUNT; i++) {
            int s = (i + round) % S_COUNT; /* alternate who goes first */
            child_command(cmd, sizeof cmd, s, p, quick, python, script);
            bench_run(&r, cmd);
        }
    }
    print_table(&r, p);
    int failed = r.failures;
    bench_results_free(&r);
    return failed ? 1 : 0;
}

/* ====================================================================== */
/* Command line                                                            */
/* ====================================================================== */

static _Noreturn void usage(void) {
    fputs("usage: types [--quick] [--reps N] [--rounds N] [--python CMD]\n"
          "             [--script PATH] [--only rcgc]\n"
          "  --quick        a tenth of the sizes (a smoke test, not a result)\n"
          "  --reps N       timed runs per process (default 2)\n"
          "  --rounds N     processes per system (default 2)\n"
          "  --python CMD   the CPython to compare with (default python3)\n"
          "  --script PATH  types_cpython.py (default: the source tree's)\n"
          "  --only rcgc    measure rcgc here and print raw samples\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv) {
    const char *only = NULL, *python = "python3";
    const char *script = BENCH_CPYTHON_SCRIPT;
    bool quick = false;
    int reps = 0, rounds = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick"))
            quick = true;
        else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--python") && i + 1 < argc)
            python = argv[++i];
        else if (!strcmp(argv[i], "--script") && i + 1 < argc)
            script = argv[++i];
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else
            usage();
    }
    plan p = plan_make(quick);
    if (reps)
        p.reps = reps;
    if (rounds)
        p.rounds = rounds;
    if (p.reps < 1 || p.rounds < 1)
        usage();
    if (!only)
        return drive(&p, quick, python, script);
    if (strcmp(only, "rcgc"))
        usage();
    measure_rcgc(&p);
    return 0;
}
