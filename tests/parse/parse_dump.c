/*
 * parse_dump.c — the parser as a command, for the oracle tests: parses a
 * file and prints its tree as ast.dump() does, or the error as
 * "Kind: msg @ lineno offset end_lineno end_offset".
 *
 *   parse_dump [-a] [-m exec|single|eval|compile-single] FILE...
 *
 * -a adds include_attributes=True; single is the prompt's rules,
 * compile-single those of compile(src, name, 'single'). Several files are
 * separated by a line
 * "---". The runtime is checked for leaks and reference-count mistakes
 * after each file (rc_heap_check), and the process exits 2 if any.
 */
#include "ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

static const char *kind_name(rp_syntax_kind k) {
    switch (k) {
    case RP_SYNTAX_ERROR:
        return "SyntaxError";
    case RP_INDENTATION_ERROR:
        return "IndentationError";
    case RP_TAB_ERROR:
        return "TabError";
    case RP_SYNTAX_NOMEM:
        return "MemoryError";
    case RP_SYNTAX_INCOMPLETE:
        return "Incomplete";
    case RP_SYNTAX_RECURSION:
        return "RecursionError";
    }
    return "?";
}

/* 0 parsed, 1 error reported, 2 internal failure */
static int parse_one(rc_runtime *rt, const char *src, size_t len, rp_mode mode,
                     unsigned flags, bool attrs) {
    rp_arena *arena = rp_arena_new(rt);
    if (!arena)
        return 2;
    rp_syntax_error err;
    rp_mod *mod = rp_parse_ex(arena, src, len, mode, flags, &err);
    int status = 0;
    if (mod) {
        rc_object *d = rp_ast_dump_ex(rt, mod, attrs);
        if (d) {
            printf("%s\n", rc_str_utf8(d));
            rc_decref(d);
        } else {
            printf("dump failed: %s\n", rc_last_error_message(rt));
            status = 2;
        }
    } else {
        printf("%s: %s @ %d %d %d %d", kind_name(err.kind), err.msg, err.lineno,
               err.col, err.end_lineno, err.end_col);
        if (err.text[0])
            printf(" text=%s", err.text);
        printf("\n");
        status = 1;
    }
    rp_arena_free(arena);
    return status;
}

int main(int argc, char **argv) {
    bool attrs = false;
    rp_mode mode = RP_MODE_EXEC;
    unsigned flags = RP_PARSE_PROMPT;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-a")) {
            attrs = true;
        } else if (!strcmp(argv[i], "-m") && i + 1 < argc) {
            const char *m = argv[++i];
            mode = !strcmp(m, "eval")     ? RP_MODE_EVAL
                   : !strcmp(m, "single") ? RP_MODE_SINGLE
                                          : RP_MODE_EXEC;
            if (!strcmp(m, "compile-single")) {
                mode = RP_MODE_SINGLE;
                flags = 0;
            }
        }
    }
    rc_runtime *rt = rc_runtime_new(NULL);
    if (!rt)
        return 2;
    int bad = 0;
    for (int first = i; i < argc; i++) {
        size_t len;
        char *src = read_file(argv[i], &len);
        if (!src) {
            fprintf(stderr, "cannot read %s\n", argv[i]);
            bad = 1;
            continue;
        }
        if (i > first)
            printf("---\n");
        if (parse_one(rt, src, len, mode, flags, attrs) == 2)
            bad = 1;
        free(src);
        if (rc_heap_check(rt) != 0) {
            fprintf(stderr, "heap check failed after %s: %s\n", argv[i],
                    rc_last_error_message(rt));
            bad = 1;
        }
    }
    fflush(stdout);
    rc_runtime_free(rt);
    return bad ? 2 : 0;
}
