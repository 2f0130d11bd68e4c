/*
 * gc_ops.c — libFuzzer target for the cycle collector. The input is a
 * gcops program (tests/unit/gcops.h): a header byte, then four-byte
 * operations (create, link, unlink, drop, collect, finalizer behaviours,
 * tracking, thresholds...) run on a fresh runtime. After every operation
 * the reachability model checks the heap: nothing reachable finalized,
 * cleared or freed, every count exact, finalizers once, full collections
 * exact, rc_heap_check clean; any disagreement aborts.
 *
 * Header bit 4 adds allocation failures: the runtime's allocator refuses
 * its Nth request (N = 1 + the byte after the header), once, or from then
 * on when bit 5 is set too. The checks that allocation failures may
 * legitimately relax are relaxed until the end of the program; then
 * allocation works again and the teardown's full collections must be
 * exact and leave nothing alive.
 */
#include "gcops.h"

#include <stdio.h>
#include <stdlib.h>

#define MAX_OPS 4096 /* longer inputs are cut: time per input stays small */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct faults {
    long calls, fail_at; /* requests so far; the one to refuse (0: none) */
    bool forever;
    size_t outstanding; /* bytes handed out, not yet freed */
} faults;

static void *faulty_malloc(size_t n, void *ud) {
    faults *f = ud;
    f->calls++;
    if (f->fail_at &&
        (f->calls == f->fail_at || (f->forever && f->calls > f->fail_at)))
        return NULL;
    void *p = malloc(n);
    if (p)
        f->outstanding += n;
    return p;
}

static void faulty_free(void *p, size_t n, void *ud) {
    ((faults *)ud)->outstanding -= n;
    free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    uint8_t header = data[0];
    bool inject = (header >> 4) & 1;
    size_t skip = inject ? 2 : 1;
    if (size < skip)
        return 0;
    faults f = {0};
    rc_config cfg = rc_config_default();
    cfg.allocator.malloc = faulty_malloc;
    cfg.allocator.free = faulty_free;
    cfg.allocator.ud = &f;
    gcops_options o = {.config = &cfg, .label = "fuzz", .max_nodes = 128};
    gcops_header_options(header, &o);
    gcops *m = gcops_new(&o);
    if (!m)
        abort();
    if (inject) {
        f.fail_at = f.calls + 1 + data[1];
        f.forever = (header >> 5) & 1;
        gcops_set_faults(m, true);
    }
    size_t n = size - skip;
    if (n > (size_t)MAX_OPS * GCOPS_OP_SIZE)
        n = (size_t)MAX_OPS * GCOPS_OP_SIZE;
    gcops_run(m, data + skip, n);
    f.fail_at = 0;
    gcops_set_faults(m, false);
    gcops_free(m);
    if (f.outstanding) {
        fprintf(stderr, "gc_ops: %zu bytes leaked\n", f.outstanding);
        abort();
    }
    return 0;
}
