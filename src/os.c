/*
 * os.c — the one file that calls the operating system's memory functions.
 *
 * Arenas are mapped with mmap and aligned to the pool size, so that every
 * arena holds a whole number of pools and nothing is lost to alignment.
 * The process-memory probe reads /proc/self/smaps_rollup (Linux).
 */
#define _GNU_SOURCE
#include "internal.h"

#include <stdlib.h>
#include <sys/mman.h>

void *rc__os_arena_alloc(size_t size) {
    size_t span = size + RC__POOL_SIZE;
    char *raw = mmap(NULL, span, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    uintptr_t start =
        ((uintptr_t)raw + RC__POOL_SIZE - 1) & ~(uintptr_t)(RC__POOL_SIZE - 1);
    size_t head = start - (uintptr_t)raw;
    size_t tail = span - head - size;
    if (head)
        munmap(raw, head);
    if (tail)
        munmap((char *)start + size, tail);
    return (void *)start;
}

void rc__os_arena_free(void *p, size_t size) {
    munmap(p, size);
}

/* Sums the "kB" values of the fields named in want from smaps_rollup. */
static size_t smaps_sum(const char *const *want, size_t nwant) {
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    if (!f)
        return 0;
    char line[256];
    size_t kb = 0;
    while (fgets(line, sizeof line, f)) {
        for (size_t i = 0; i < nwant; i++) {
            size_t n = strlen(want[i]);
            if (strncmp(line, want[i], n) == 0)
                kb += strtoull(line + n, NULL, 10);
        }
    }
    fclose(f);
    return kb * 1024;
}

size_t rc_process_uss(void) {
    static const char *const fields[] = {"Private_Clean:", "Private_Dirty:"};
    return smaps_sum(fields, 2);
}

size_t rc_process_rss(void) {
    static const char *const fields[] = {"Rss:"};
    return smaps_sum(fields, 1);
}
