/*
 * compile_api.c — rp_compile and rp_compile_ast: source text or a parsed
 * tree in, a code object or a raised exception out.
 *
 * Parse errors become SyntaxError / IndentationError / TabError with the
 * parser's position (columns in characters) and the offending line as
 * `text`; errors found by the symbol table or the code generator become
 * SyntaxError with CPython's byte-based offsets, and `text` only when the
 * code came from a real file (CPython reads it back from the file; for
 * "<string>" and the like it has none). Kept apart from the compiler's
 * core so that the core can be tested without the exception classes.
 */
#include "compile.h"

#include <string.h>

/* Line `lineno` (1-based) of src, newline included, as a new C string
 * from the runtime's allocator (*size set for freeing); NULL if absent. */
static char *source_line(rc_runtime *rt, const char *src, size_t len,
                         int lineno, size_t *size) {
    if (!src || lineno < 1)
        return NULL;
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    if (p >= end)
        return NULL;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
    char *line = rc_malloc(rt, n + 1);
    if (!line)
        return NULL;
    memcpy(line, p, n);
    line[n] = 0;
    *size = n + 1;
    return line;
}

static rp_class *parse_error_class(rp_interp *ip, rp_syntax_kind kind) {
    switch (kind) {
    case RP_INDENTATION_ERROR:
        return ip->exc.IndentationError;
    case RP_TAB_ERROR:
        return ip->exc.TabError;
    default:
        return ip->exc.SyntaxError;
    }
}

static void raise_parse_error(rp_interp *ip, const rp_syntax_error *err,
                              rc_object *filename, const char *src,
                              size_t len) {
    if (err->kind == RP_SYNTAX_NOMEM) {
        if (rc_last_error(ip->rt) == RC_OK)
            rc_set_error(ip->rt, RC_ENOMEM, "out of memory");
        return;
    }
    if (err->kind == RP_SYNTAX_RECURSION) {
        rp_raise(ip, ip->exc.RecursionError,
                 "maximum recursion depth exceeded during compilation");
        return;
    }
    size_t size = 0;
    char *line =
        err->text[0] ? NULL : source_line(ip->rt, src, len, err->lineno, &size);
    rp_raise_syntax_error(ip, parse_error_class(ip, err->kind), err->msg,
                          filename, err->lineno, err->col, err->end_lineno,
                          err->end_col, err->text[0] ? err->text : line);
    rc_free(ip->rt, line, size);
}

static void raise_compile_error(rp_interp *ip, const rp_cerror *err,
                                rc_object *filename, const char *src,
                                size_t len) {
    bool real_file = rc_str_utf8(filename)[0] != '<';
    size_t size = 0;
    char *line = real_file
                     ? source_line(ip->rt, src, len, err->loc.lineno, &size)
                     : NULL;
    rp_raise_syntax_error(ip, ip->exc.SyntaxError, err->msg, filename,
                          err->loc.lineno, err->loc.col_offset + 1,
                          err->loc.end_lineno, err->loc.end_col_offset + 1,
                          line);
    rc_free(ip->rt, line, size);
}

static rc_object *compile_tree(rp_interp *ip, rp_mod *mod, rc_object *filename,
                               const char *src, size_t len) {
    rp_cerror err;
    rc_object *code = rp_compiler_run(ip, mod, filename, src, len, &err);
    if (!code && err.msg[0])
        raise_compile_error(ip, &err, filename, src, len);
    return code;
}

rc_object *rp_compile(rp_interp *ip, const char *src, size_t len,
                      rc_object *filename, rp_mode mode) {
    rp_arena *arena = rp_arena_new(ip->rt);
    if (!arena)
        return NULL;
    rp_syntax_error err;
    memset(&err, 0, sizeof err);
    /* compile()'s rules: the end of the text ends a single statement (the
     * prompt decides completeness itself before it compiles) */
    rp_mod *mod = rp_parse_ex(arena, src, len, mode, 0, &err);
    rc_object *code = NULL;
    if (mod)
        code = compile_tree(ip, mod, filename, src, len);
    else
        raise_parse_error(ip, &err, filename, src, len);
    rp_arena_free(arena);
    return code;
}

rc_object *rp_compile_ast(rp_interp *ip, rp_mod *mod, rc_object *filename) {
    return compile_tree(ip, mod, filename, NULL, 0);
}
