/*
 * strbuild.c — building text: the string builder the types' repr, str and
 * formatting functions write into (UTF-8 appended piecewise, in a buffer on
 * the stack until it outgrows it, then made a str at the end), and the
 * repr of containers that may contain themselves.
 *
 * The repr stack (rc_repr_enter / rc_repr_leave) lists the objects whose
 * repr is being built, so that a list inside itself prints "[...]" there
 * instead of recursing; the recursion guard against deep nesting is
 * rc_repr's (abstract.c).
 */
#include "types.h"

#include <stdio.h>

/* ====================================================================== */
/* String builder                                                          */
/* ====================================================================== */

void rc__sb_init(rc__sb *sb, rc_runtime *rt) {
    sb->rt = rt;
    sb->buf = sb->inline_buf;
    sb->len = 0;
    sb->cap = sizeof sb->inline_buf;
    sb->failed = false;
}

static bool sb_reserve(rc__sb *sb, size_t more) {
    if (sb->failed)
        return false;
    if (more <= sb->cap - sb->len)
        return true;
    if (more > SIZE_MAX / 2 - sb->len) {
        rc_set_error(sb->rt, RC_EOVERFLOW, "string too long");
        sb->failed = true;
        return false;
    }
    size_t need = sb->len + more;
    size_t cap = sb->cap * 2 > need ? sb->cap * 2 : need;
    char *buf = rc_malloc(sb->rt, cap);
    if (!buf) {
        sb->failed = true;
        return false;
    }
    memcpy(buf, sb->buf, sb->len);
    if (sb->buf != sb->inline_buf)
        rc_free(sb->rt, sb->buf, sb->cap);
    sb->buf = buf;
    sb->cap = cap;
    return true;
}

void rc__sb_append(rc__sb *sb, const char *s, size_t n) {
    if (sb_reserve(sb, n)) {
        memcpy(sb->buf + sb->len, s, n);
        sb->len += n;
    }
}

void rc__sb_puts(rc__sb *sb, const char *s) {
    rc__sb_append(sb, s, strlen(s));
}

void rc__sb_putc(rc__sb *sb, char c) {
    rc__sb_append(sb, &c, 1);
}

bool rc__sb_reserve(rc__sb *sb, size_t more) {
    return sb_reserve(sb, more);
}

/* Formats once into a stack buffer; only text longer than it is formatted
 * a second time, straight into the builder. */
void rc__sb_printf(rc__sb *sb, const char *fmt, ...) {
    char local[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(local, sizeof local, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof local) {
        rc__sb_append(sb, local, (size_t)n);
        return;
    }
    if (!sb_reserve(sb, (size_t)n + 1))
        return;
    va_start(ap, fmt);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

static bool sb_object(rc__sb *sb, rc_object *o, rc_object *(*fn)(rc_object *)) {
    if (sb->failed)
        return false;
    rc_object *s = fn(o);
    if (!s) {
        sb->failed = true;
        return false;
    }
    rc__sb_append(sb, rc_str_utf8(s), rc_str_size(s));
    rc_decref(s);
    return !sb->failed;
}

bool rc__sb_repr(rc__sb *sb, rc_object *o) {
    return sb_object(sb, o, rc_repr);
}

bool rc__sb_str(rc__sb *sb, rc_object *o) {
    return sb_object(sb, o, rc_str);
}

void rc__sb_discard(rc__sb *sb) {
    if (sb->buf != sb->inline_buf)
        rc_free(sb->rt, sb->buf, sb->cap);
    sb->buf = sb->inline_buf;
    sb->len = 0;
    sb->cap = sizeof sb->inline_buf;
}

rc_object *rc__sb_finish(rc__sb *sb) {
    rc_object *s = NULL;
    if (!sb->failed)
        s = rc_str_from_utf8(sb->rt, sb->buf, sb->len);
    else if (rc_last_error(sb->rt) == RC_OK)
        rc_set_error(sb->rt, RC_ENOMEM, "out of memory building a string");
    rc__sb_discard(sb);
    return s;
}

rc_object *rc__container_repr(rc_object *o, const char *open, const char *close,
                              const char *again, rc__repr_body body) {
    rc_runtime *rt = rc__runtime_of(o);
    int r = rc_repr_enter(o);
    if (r)
        return r > 0 ? rc_str_from_cstr(rt, again) : NULL;
    rc__sb sb;
    rc__sb_init(&sb, rt);
    rc__sb_puts(&sb, open);
    if (body(&sb, o))
        rc__sb_puts(&sb, close);
    else
        sb.failed = true;
    rc_repr_leave(o);
    return rc__sb_finish(&sb);
}

/* ====================================================================== */
/* The repr stack                                                          */
/* ====================================================================== */

int rc_repr_enter(rc_object *o) {
    struct rc__types *t = rc__types_of(o);
    rc_runtime *rt = rc__runtime_of(o);
    for (size_t i = 0; i < t->repr_n; i++)
        if (t->repr_stack[i] == o)
            return 1;
    if (t->repr_n == t->repr_cap) {
        size_t cap = t->repr_cap ? t->repr_cap * 2 : 16;
        rc_object **s = rc_realloc(rt, t->repr_stack, t->repr_cap * sizeof *s,
                                   cap * sizeof *s);
        if (!s)
            return RC_ENOMEM;
        t->repr_stack = s;
        t->repr_cap = cap;
    }
    t->repr_stack[t->repr_n++] = o;
    return 0;
}

void rc_repr_leave(rc_object *o) {
    struct rc__types *t = rc__types_of(o);
    for (size_t i = t->repr_n; i-- > 0;) {
        if (t->repr_stack[i] == o) {
            t->repr_stack[i] = t->repr_stack[--t->repr_n];
            return;
        }
    }
}
