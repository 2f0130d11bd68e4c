/*
 * os.c — the one file that calls the operating system's memory functions.
 *
 * Arenas are mapped two at a time: one region of two arenas, aligned to
 * its own size (2 MiB, an x86-64 huge page) and marked MADV_HUGEPAGE, so
 * that the kernel can back it with a huge page. A first touch then costs
 * one fault per 2 MiB instead of one per 4 KiB page, which on a virtual
 * machine is the difference between a quarter and ten microseconds per
 * 4 KiB. The first arena of a pair is handed out at once and the second is
 * kept in the runtime's spare slot for the next request, so it costs
 * nothing to keep the mapping unless it is asked for. A freed arena waits
 * (in the heap's halves[], a batch of releases long) for the other half of
 * its pair: when that is freed too, or is the unused spare, the two are
 * unmapped in one call and the huge page goes back whole; otherwise each
 * is unmapped on its own at the end of the batch (and the kernel splits
 * the huge page whose other half stays). Where huge pages are not enabled (or
 * not for madvised regions), the pair is ordinary memory; where a 2 MiB region
 * cannot be had, a single arena aligned to the pool size is mapped as before.
 *
 * Large blocks of 4 MiB and more from the C library's malloc are marked
 * MADV_HUGEPAGE too (rc__os_advise_huge), for the same reason.
 *
 * The process-memory probe reads /proc/self/smaps_rollup (Linux).
 */
#define _GNU_SOURCE
#include "internal.h"

#include <stdlib.h>
#include <sys/mman.h>

#define PAIR_SIZE (2 * RC_ARENA_SIZE)

/* size bytes of fresh memory aligned to align (a power of two), or NULL. */
static char *map_aligned(size_t size, size_t align) {
    size_t span = size + align;
    char *raw = mmap(NULL, span, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    uintptr_t start = ((uintptr_t)raw + align - 1) & ~(uintptr_t)(align - 1);
    size_t head = start - (uintptr_t)raw;
    size_t tail = span - head - size;
    if (head)
        munmap(raw, head);
    if (tail)
        munmap((char *)start + size, tail);
    return (char *)start;
}

void *rc__os_arena_alloc(void **spare, size_t size) {
    if (*spare) {
        void *p = *spare;
        *spare = NULL;
        return p;
    }
    if (size != RC_ARENA_SIZE)
        return map_aligned(size, RC__POOL_SIZE);
    char *pair = map_aligned(PAIR_SIZE, PAIR_SIZE);
    if (!pair)
        return map_aligned(size, RC__POOL_SIZE);
#ifdef MADV_HUGEPAGE
    madvise(pair, PAIR_SIZE, MADV_HUGEPAGE); /* a hint: failure is fine */
#endif
    *spare = pair + RC_ARENA_SIZE;
    return pair;
}

/* The address of the other arena of p's 2 MiB-aligned pair, or 0 if p
 * is not where a pair's arena would start. */
static uintptr_t partner_of(const void *p) {
    uintptr_t a = (uintptr_t)p;
    return a % RC_ARENA_SIZE ? 0 : a ^ RC_ARENA_SIZE;
}

void rc__os_arena_free(void **spare, void **halves, void *p) {
    uintptr_t other = partner_of(p);
    if (other && *spare && (uintptr_t)*spare == other) {
        *spare = NULL;
        munmap((void *)(other < (uintptr_t)p ? other : (uintptr_t)p),
               PAIR_SIZE);
        return;
    }
    for (int i = 0; other && i < RC__OS_HALVES; i++) {
        if ((uintptr_t)halves[i] == other) { /* both halves free: one call */
            halves[i] = NULL;
            munmap((void *)(other < (uintptr_t)p ? other : (uintptr_t)p),
                   PAIR_SIZE);
            return;
        }
    }
    for (int i = 0; other && i < RC__OS_HALVES; i++) {
        if (!halves[i]) {
            halves[i] = p;
            return;
        }
    }
    munmap(p, RC_ARENA_SIZE);
}

void rc__os_flush(void **halves) {
    for (int i = 0; i < RC__OS_HALVES; i++) {
        if (halves[i])
            munmap(halves[i], RC_ARENA_SIZE);
        halves[i] = NULL;
    }
}

void rc__os_spare_free(void **spare) {
    if (*spare)
        munmap(*spare, RC_ARENA_SIZE);
    *spare = NULL;
}

void rc__os_advise_huge(void *p, size_t size) {
#ifdef MADV_HUGEPAGE
    uintptr_t start =
        ((uintptr_t)p + PAIR_SIZE - 1) & ~(uintptr_t)(PAIR_SIZE - 1);
    uintptr_t end = ((uintptr_t)p + size) & ~(uintptr_t)(PAIR_SIZE - 1);
    if (end > start)
        madvise((void *)start, end - start, MADV_HUGEPAGE); /* a hint */
#else
    (void)p, (void)size;
#endif
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
