/*
 * replay.c — runs a fuzz target without libFuzzer: feeds every file named
 * on the command line, and every file in every directory named (in name
 * order), to LLVMFuzzerTestOneInput once. This makes the committed corpus
 * a regression test in every build (ctest fuzz_replay_gc_ops). Exits
 * nonzero if an input cannot be read or nothing was run; a failing input
 * aborts inside the target.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads a whole file; NULL on failure. */
static uint8_t *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    uint8_t *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            uint8_t *b = realloc(buf, cap);
            if (!b)
                break;
            buf = b;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    bool ok = !ferror(f) && buf;
    fclose(f);
    if (!ok) {
        free(buf);
        return NULL;
    }
    *size = n;
    return buf;
}

static int run_file(const char *path) {
    size_t size = 0;
    uint8_t *data = read_file(path, &size);
    if (!data) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        return -1;
    }
    LLVMFuzzerTestOneInput(data, size);
    free(data);
    return 1;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of a directory (hidden ones skipped), sorted by name. */
static bool list_dir(const char *dir, char ***names, size_t *count) {
    DIR *d = opendir(dir);
    if (!d)
        return false;
    size_t n = 0, cap = 0;
    bool ok = true;
    *names = NULL;
    for (struct dirent *e; ok && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **grown = realloc(*names, cap * sizeof **names);
            ok = grown != NULL;
            if (!ok)
                break;
            *names = grown;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        ok = ((*names)[n] = malloc(len)) != NULL;
        if (ok)
            snprintf((*names)[n++], len, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (n)
        qsort(*names, n, sizeof **names, by_name);
    *count = n;
    return ok;
}

/* Runs every regular file of dir: how many, or -1 on a read failure. */
static int run_dir(const char *dir) {
    char **names;
    size_t n;
    if (!list_dir(dir, &names, &n)) {
        fprintf(stderr, "replay: cannot list %s\n", dir);
        return -1;
    }
    int ran = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (ran >= 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            int r = run_file(names[i]);
            ran = r < 0 ? -1 : ran + r;
        }
        free(names[i]);
    }
    free(names);
    return ran;
}

int main(int argc, char **argv) {
    int ran = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "replay: no such file or directory: %s\n", argv[i]);
            return 1;
        }
        int r = S_ISDIR(st.st_mode) ? run_dir(argv[i]) : run_file(argv[i]);
        if (r < 0)
            return 1;
        ran += r;
    }
    printf("replay: %d inputs ran\n", ran);
    return ran > 0 ? 0 : 1;
}
