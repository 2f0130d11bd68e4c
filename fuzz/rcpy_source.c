/*
 * rcpy_source.c — libFuzzer target for the whole interpreter: the input is
 * Python source, compiled and run as __main__ of a fresh interpreter.
 * Whatever the bytes, rcpy must answer with a result or an exception —
 * never a crash, a hang, a leak or a reference-count mistake.
 *
 * Bounds, so that every input ends quickly: a step budget
 * (ip->steps_left: every safe point, i.e. function entry and backward
 * jump, spends one; once spent, every safe point raises RuntimeError) and
 * a heap limit (MemoryError beyond it). The program runs in a small
 * sandbox set up by a prelude before the budget starts: sys.stdout,
 * sys.stderr and sys.stdin are file objects over /dev/null (printing does
 * not flood the fuzzer's output and input() sees the end of input),
 * open() and input() are gone, os loses what changes the file system or
 * starts processes, time.sleep returns at once, objgraph (which writes
 * files and runs Graphviz) cannot be imported, the recursion limit
 * cannot be raised past the default (deep C recursion overflows the
 * machine stack, in CPython as here), and gc.set_debug keeps only
 * DEBUG_SAVEALL (the collector's own messages go to the process's stderr).
 *
 * After the run the heap is checked (rc_heap_check; a disagreement
 * aborts) and the interpreter freed, so LeakSanitizer sees anything left.
 * ctest replays fuzz/corpus/rcpy_source through fuzz/replay.c
 * (fuzz_replay_rcpy_source). With libFuzzer (cmake --preset fuzz):
 *   build/fuzz/fuzz/fuzz_rcpy_source -max_total_time=600 -timeout=20 \
 *     -rss_limit_mb=4096 fuzz/corpus/rcpy_source
 */
#include "rcpy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define STEP_BUDGET 20000       /* safe points per input */
#define HEAP_LIMIT  (32u << 20) /* bytes of rcgc heap per input */
#define MAX_SOURCE  (64u << 10) /* longer inputs are cut */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char prelude[] =
    "import sys, builtins\n"
    "sys.stdout = sys.stderr = sys.__stdout__ = sys.__stderr__ = "
    "open('/dev/null', 'w')\n"
    "sys.stdin = sys.__stdin__ = open('/dev/null')\n"
    "del builtins.open, builtins.input\n"
    "for _name in ('objgraph', '_objgraph'):\n"
    "    sys.modules[_name] = None\n"
    "def _setrecursionlimit(n, _set=sys.setrecursionlimit):\n"
    "    _set(min(n, 1000))\n"
    "sys.setrecursionlimit = _setrecursionlimit\n"
    "try:\n"
    "    import os\n"
    "except ImportError:\n"
    "    pass\n"
    "else:\n"
    "    for _name in ('system', 'remove', 'unlink', 'rmdir', 'rename',\n"
    "                  'replace', 'mkdir', 'makedirs', 'chdir', '_exit',\n"
    "                  'kill', 'fork', 'execv', 'putenv', 'unsetenv'):\n"
    "        if hasattr(os, _name):\n"
    "            delattr(os, _name)\n"
    "    os.environ = {}\n"
    "    del os\n"
    "try:\n"
    "    import time\n"
    "except ImportError:\n"
    "    pass\n"
    "else:\n"
    "    time.sleep = lambda seconds: None\n"
    "    del time\n"
    "import gc\n"
    "def _set_debug(flags, _set=gc.set_debug):\n"
    "    _set(flags & gc.DEBUG_SAVEALL)\n"
    "gc.set_debug = _set_debug\n"
    "del sys, builtins, gc, _name, _setrecursionlimit, _set_debug\n";

/* A fresh interpreter with the sandbox in place; aborts when that fails
 * (it never should: nothing of the input has run yet). */
static rp_interp *sandbox(void) {
    static char arg0[] = "fuzz";
    static char *argv[] = {arg0, NULL};
    rp_config cfg = {
        .heap_limit = HEAP_LIMIT, .argc = 1, .argv = argv, .path0 = ""};
    rp_interp *ip = rp_interp_new(&cfg);
    if (!ip ||
        rp_run_source(ip, prelude, strlen(prelude), "<prelude>", NULL) != 0)
        abort();
    return ip;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > MAX_SOURCE)
        size = MAX_SOURCE;
    char *src = malloc(size + 1);
    if (!src)
        return 0;
    memcpy(src, data, size);
    src[size] = '\0';
    rp_interp *ip = sandbox();
    ip->steps_left = STEP_BUDGET;
    rp_run_source(ip, src, size, "<fuzz>", NULL);
    free(src);
    rp_err_clear(ip);
    if (rc_heap_check(ip->rt) != 0)
        abort();
    rp_interp_free(ip);
    return 0;
}
