/*
 * num_oracle.h — CPython as the oracle of the number tests (test_int.c,
 * test_float.c): cases are written to a temporary file, int_oracle.py (next
 * to this header) computes every operation with python3, and the test
 * compares rcgc's results token by token. Also the encoding of rcgc's
 * results in the oracle's tokens (see int_oracle.py).
 */
#ifndef RC_TEST_NUM_ORACLE_H
#define RC_TEST_NUM_ORACLE_H

#define _GNU_SOURCE
#include "support.h"

#include <rcgc/objects.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct oracle {
    char in_path[512], out_path[512];
    FILE *in;   /* cases, written by the test */
    FILE *out;  /* results, read after oracle_run */
    char *line; /* the current result line */
    size_t cap;
    char *pos;   /* tokenizer position in line */
    long lineno; /* 1-based */
    long checks; /* tokens compared */
} oracle;

static inline void oracle_open(oracle *o) {
    memset(o, 0, sizeof *o);
    const char *tmp = getenv("TMPDIR");
    tmp = tmp && *tmp && strlen(tmp) < 400 ? tmp : "/tmp";
    snprintf(o->in_path, sizeof o->in_path, "%s/rcgc_oracle_in_XXXXXX", tmp);
    snprintf(o->out_path, sizeof o->out_path, "%s/rcgc_oracle_out_XXXXXX", tmp);
    int fi = mkstemp(o->in_path), fo = mkstemp(o->out_path);
    assert_true(fi >= 0 && fo >= 0);
    close(fo);
    o->in = fdopen(fi, "w");
    assert_non_null(o->in);
}

/* The directory of this header, where int_oracle.py lives. */
static inline void oracle_script(char *buf, size_t cap) {
    const char *f = __FILE__, *slash = strrchr(f, '/');
    size_t n = slash ? (size_t)(slash - f) : 1;
    snprintf(buf, cap, "%.*s/int_oracle.py", (int)n, slash ? f : ".");
}

static inline void oracle_run(oracle *o, const char *mode) {
    assert_int_equal(fclose(o->in), 0);
    o->in = NULL;
    if (system("python3 -c pass >/dev/null 2>&1") != 0)
        fail_msg("python3 not found: the number tests compare against "
                 "CPython (`make deps` installs python3)");
    char script[1024], cmd[3200];
    oracle_script(script, sizeof script);
    snprintf(cmd, sizeof cmd, "python3 '%s' %s '%s' '%s'", script, mode,
             o->in_path, o->out_path);
    if (system(cmd) != 0)
        fail_msg("the oracle failed: %s", cmd);
    o->out = fopen(o->out_path, "r");
    assert_non_null(o->out);
}

static inline bool oracle_next(oracle *o) {
    ssize_t n = getline(&o->line, &o->cap, o->out);
    if (n < 0)
        return false;
    if (n && o->line[n - 1] == '\n')
        o->line[n - 1] = '\0';
    o->pos = o->line;
    o->lineno++;
    return true;
}

/* The next space-separated token of the current line. */
static inline const char *oracle_tok(oracle *o) {
    char *p = o->pos;
    if (!p || !*p)
        fail_msg("oracle line %ld ends early", o->lineno);
    char *sp = strchr(p, ' ');
    if (sp) {
        *sp = '\0';
        o->pos = sp + 1;
    } else {
        o->pos = p + strlen(p);
    }
    return p;
}

static inline void oracle_close(oracle *o) {
    if (o->in)
        fclose(o->in);
    if (o->out)
        fclose(o->out);
    free(o->line);
    unlink(o->in_path);
    unlink(o->out_path);
}

/* Compares rcgc's token with the oracle's; `what` names the operation and
 * `ctx` the case, printed on a mismatch. Frees got. */
static inline void oracle_expect(oracle *o, char *got, const char *what,
                                 const char *ctx) {
    const char *want = oracle_tok(o);
    o->checks++;
    bool same = strcmp(got, want) == 0;
    if (!same)
        print_error("case %ld (%s): %s\n  rcgc:    %.300s%s\n"
                    "  CPython: %.300s%s\n",
                    o->lineno, ctx, what, got, strlen(got) > 300 ? "..." : "",
                    want, strlen(want) > 300 ? "..." : "");
    free(got);
    if (!same)
        fail();
}

/* ---------------------------------------------------------------------- */
/* rcgc's results as tokens                                                 */
/* ---------------------------------------------------------------------- */

static inline char *tok_dup(const char *s) {
    char *d = strdup(s);
    assert_non_null(d);
    return d;
}

static inline const char *exception_name(rc_status st) {
    switch (st) {
    case RC_EZERODIV:
        return "ZeroDivisionError";
    case RC_EOVERFLOW:
        return "OverflowError";
    case RC_EVALUE:
        return "ValueError";
    case RC_ETYPE:
        return "TypeError";
    case RC_ENOMEM:
        return "MemoryError";
    default:
        return "UnknownError";
    }
}

static inline char *tok_error(rc_runtime *rt) {
    char buf[64];
    snprintf(buf, sizeof buf, "E:%s", exception_name(rc_last_error(rt)));
    rc_clear_error(rt);
    return tok_dup(buf);
}

static inline uint64_t bits_of(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

/* A double's bits; every nan is "nan" (Python never shows a nan's sign
 * or payload, and they depend on the C library). */
static inline char *tok_bits(double d) {
    if (d != d)
        return tok_dup("nan");
    char buf[24];
    snprintf(buf, sizeof buf, "%016llx", (unsigned long long)bits_of(d));
    return tok_dup(buf);
}

/* What a user sees of an int result's canonical form: an int that fits
 * an int64_t converts to one, and one in [-5, 256] is the cached object. */
static inline void check_canonical(rc_runtime *rt, rc_object *r) {
    int64_t v;
    size_t bits = rc_int_bit_length(r);
    if (rc_is_bool(r) || bits > 64)
        return;
    if (bits == 64) { /* only -2**63 fits */
        rc_object *m = rc_int_from_i64(rt, INT64_MIN);
        assert_non_null(m);
        if (rc_equal(r, m) == 1)
            assert_int_equal(rc_int_to_i64(r, &v), 0);
        rc_decref(m);
        return;
    }
    assert_int_equal(rc_int_to_i64(r, &v), 0);
    if (v >= -5 && v <= 256)
        assert_ptr_equal(r, rc_int_from_i64(rt, v));
}

static inline double from_bits(uint64_t u) {
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

/* An int or float result as a token; a tuple as "x,y". Consumes r. */
static inline char *tok_obj(rc_runtime *rt, rc_object *r) {
    if (!r)
        return tok_error(rt);
    char *t;
    if (rc_is_float(r)) {
        t = tok_bits(rc_float_value(r));
    } else if (rc_is_tuple(r)) {
        assert_int_equal(rc_tuple_size(r), 2);
        rc_object *x0 = rc_tuple_get(r, 0), *y0 = rc_tuple_get(r, 1);
        rc_incref(x0); /* tok_obj consumes a reference */
        rc_incref(y0);
        char *x = tok_obj(rt, x0), *y = tok_obj(rt, y0);
        size_t n = strlen(x) + strlen(y) + 2;
        t = malloc(n);
        assert_non_null(t);
        snprintf(t, n, "%s,%s", x, y);
        free(x);
        free(y);
    } else {
        assert_true(rc_is_int(r));
        check_canonical(rt, r);
        rc_object *s = rc_int_format(r, 16);
        assert_non_null(s);
        t = tok_dup(rc_str_utf8(s));
        rc_decref(s);
    }
    rc_decref(r);
    return t;
}

/* a < b, a <= b, ... as six letters. */
static inline char *tok_cmp6(rc_runtime *rt, rc_object *a, rc_object *b) {
    static const rc_cmp ops[] = {RC_LT, RC_LE, RC_EQ, RC_NE, RC_GT, RC_GE};
    char buf[8];
    for (int i = 0; i < 6; i++) {
        int r = rc_compare(a, b, ops[i]);
        if (r < 0)
            return tok_error(rt);
        buf[i] = r ? 'T' : 'F';
    }
    buf[6] = '\0';
    return tok_dup(buf);
}

static inline char *tok_hash(rc_object *o) {
    int64_t h;
    assert_int_equal(rc_hash(o, &h), 0);
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)h);
    return tok_dup(buf);
}

static inline char *tok_str(rc_object *s) {
    assert_non_null(s);
    char *t = tok_dup(rc_str_utf8(s));
    rc_decref(s);
    return t;
}

/* Text as the oracle's "x" + hex of its bytes. */
static inline void oracle_put_text(FILE *f, const char *s) {
    fputc('x', f);
    for (; *s; s++)
        fprintf(f, "%02x", (unsigned char)*s);
}

/* r must be NULL with status st and message msg recorded (then cleared). */
static inline void assert_error(rc_runtime *rt, rc_object *r, rc_status st,
                                const char *msg) {
    assert_null(r);
    assert_int_equal(rc_last_error(rt), st);
    assert_string_equal(rc_last_error_message(rt), msg);
    rc_clear_error(rt);
}

/* repr(o) must be want. */
static inline void assert_repr(rc_object *o, const char *want) {
    rc_object *r = rc_repr(o);
    assert_non_null(r);
    assert_string_equal(rc_str_utf8(r), want);
    rc_decref(r);
}

#endif
