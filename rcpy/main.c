/*
 * main.c — the rcpy command: `rcpy FILE.py [args]`.
 *
 * A first front door, enough to run a script; the full command line of
 * DESIGN §11 (-c, -m, -i, -, -X options, --version, the prompt) grows here.
 */
#include "rcpy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: rcpy FILE.py [args]\n");
        return 2;
    }
    size_t len;
    char *src = read_file(argv[1], &len);
    if (!src) {
        fprintf(stderr, "rcpy: can't open file '%s'\n", argv[1]);
        return 2;
    }
    rp_config cfg = {.argc = argc - 1, .argv = argv + 1, .path0 = ""};
    rp_interp *ip = rp_interp_new(&cfg);
    if (!ip) {
        free(src);
        return 1;
    }
    int r = rp_run_source(ip, src, len, argv[1], NULL);
    int code = r == 0 ? 0 : (r > 0 ? ip->exit_code : 1);
    free(src);
    rp_interp_free(ip);
    return code;
}
