/*
 * gcdebug.c — the collector's messages reach sys.stderr, as CPython's do.
 *
 * rcgc writes gc.set_debug's lines ("gc: collectable <Bullet 0x...>", the
 * DEBUG_STATS summaries) to a C stream fixed when the runtime is made.
 * CPython writes them with PySys_WriteStderr, so a program that replaces
 * sys.stderr (a StringIO, contextlib.redirect_stderr, a test capturing its
 * output) receives them. rcpy's stream is a cookie stream: during a
 * collection its text is held in a buffer and handed to sys.stderr.write
 * when the collection ends (no Python code may run in the middle of one);
 * outside collections (the library's other messages, which may precede an
 * abort) it goes straight to the C stderr.
 */
#define _GNU_SOURCE
#include "rcpy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rp_gcout {
    FILE *stream;
    char *text; /* NUL-terminated; len bytes waiting */
    size_t len, cap;
    bool holding; /* inside a collection: keep the text for sys.stderr */
};

static ssize_t gcout_write(void *cookie, const char *buf, size_t n) {
    struct rp_gcout *g = cookie;
    if (!g->holding)
        return (ssize_t)fwrite(buf, 1, n, stderr);
    if (g->len + n + 1 > g->cap) {
        size_t cap = g->cap ? g->cap : 256;
        while (cap < g->len + n + 1)
            cap *= 2;
        char *text = realloc(g->text, cap);
        if (!text)
            return -1; /* the line is lost, as on a full disk */
        g->text = text;
        g->cap = cap;
    }
    memcpy(g->text + g->len, buf, n);
    g->len += n;
    g->text[g->len] = '\0';
    return (ssize_t)n;
}

struct rp_gcout *rp_gcout_open(void) {
    struct rp_gcout *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    cookie_io_functions_t io = {.write = gcout_write};
    g->stream = fopencookie(g, "w", io);
    if (!g->stream) {
        free(g);
        return NULL;
    }
    setvbuf(g->stream, NULL, _IONBF, 0); /* every line reaches the buffer */
    return g;
}

FILE *rp_gcout_stream(struct rp_gcout *g) {
    return g ? g->stream : NULL;
}

void rp_gcout_hold(rp_interp *ip) {
    if (ip->gcout)
        ip->gcout->holding = true;
}

void rp_gcout_flush(rp_interp *ip) {
    struct rp_gcout *g = ip->gcout;
    if (!g)
        return;
    g->holding = false;
    if (!g->len)
        return;
    char *text = g->text; /* taken first: writing may collect again */
    g->text = NULL;
    g->len = g->cap = 0;
    rc_object *f = ip->sysmod ? rp_sys_get(ip, "stderr") : NULL;
    if (!f || rc_is_none(f) || rp_file_write_cstr(ip, f, text) < 0) {
        rp_err_clear(ip);
        fputs(text, stderr);
    }
    free(text);
}

void rp_gcout_close(struct rp_gcout *g) {
    if (!g)
        return;
    fclose(g->stream);
    if (g->len)
        fputs(g->text, stderr);
    free(g->text);
    free(g);
}
