"""gc_cpython.py -- the CPython anchor of bench/gc: the same graph shapes as
gc.c, built in Python and timed around gc.collect().

Run by bench/gc (the driver passes every size on the command line); prints
one line per sample, "@ <key> cpython <value>", and notes as "# <text>",
the protocol of bench/common.h. Standard library only.

Shapes (see gc.c and docs/benchmarks.md):
  live/a, live/b    full collection, N live nodes in one ring; ns per object
  garbage           full collection finding and freeing N nodes in rings
  gen0/empty, /old  gc.collect(0) over young rings, without / with old nodes
  pyperf/collect    pyperformance bm_gc_collect (Node with a __dict__)
  pyperf/traverse   pyperformance bm_gc_traversal (nested lists)
  bytes             USS growth per node (a class with __slots__ next, prev)

The collector runs only when asked (gc.disable()), and the interpreter's
own objects are frozen (gc.freeze()) so collections examine only the
benchmark's graph, as rcgc's fresh runtime does.
"""

import argparse
import gc
import os
import platform
import sys
from time import perf_counter_ns


class Node:
    """The two-link node of the ring shapes."""

    __slots__ = ("next", "prev")

    def __init__(self):
        self.next = None
        self.prev = None


class PyperfNode:
    """pyperformance bm_gc_collect's Node: an ordinary class (has __dict__)."""

    def __init__(self):
        self.next = None
        self.prev = None

    def link_next(self, next):
        self.next = next
        self.next.prev = self


def emit(key, value):
    print(f"@ {key} cpython {value:.6g}", flush=True)


def note(text):
    print(f"# {text}", flush=True)


def uss():
    """Private bytes of this process, as psutil's memory_full_info().uss."""
    total = 0
    with open("/proc/self/smaps_rollup") as f:
        for line in f:
            if line.startswith(("Private_Clean:", "Private_Dirty:")):
                total += int(line.split()[1]) * 1024
    return total


def ring(n):
    """A ring of n nodes linked both ways; returns its head."""
    head = last = Node()
    for _ in range(n - 1):
        x = Node()
        last.next = x
        x.prev = last
        last = x
    last.next = head
    head.prev = last
    return head


def timed_collect(generation=2):
    t0 = perf_counter_ns()
    found = gc.collect(generation)
    return perf_counter_ns() - t0, found


def check_found(what, found, expected):
    if found != expected:
        note(f"cpython: {what} found {found} unreachable objects, "
             f"expected {expected}")


# ---------------------------------------------------------------- shapes

def bench_bytes(n):
    before = uss()
    head = ring(n)
    emit("bytes", (uss() - before) / n)
    return head


def bench_live(sizes, reps):
    for key, n in zip(("live/a", "live/b"), sizes):
        head = ring(n)
        gc.collect()
        for _ in range(reps):
            ns, found = timed_collect()
            check_found(key, found, 0)
            emit(key, ns / n)
        del head
        gc.collect()


def bench_garbage(n, length, reps):
    rings = n // length
    for _ in range(reps):
        for _ in range(rings):
            ring(length)
        ns, found = timed_collect()
        check_found("garbage", found, rings * length)
        emit("garbage", ns / (rings * length))


# pyperformance bm_gc_collect: create_cycle / create_gc_cycles
def create_cycle(node, n_links):
    current = node
    for _ in range(n_links):
        next_node = PyperfNode()
        current.link_next(next_node)
        current = next_node
    current.link_next(node)


def create_gc_cycles(n_cycles, n_links):
    cycles = []
    for _ in range(n_cycles):
        node = PyperfNode()
        cycles.append(node)
        create_cycle(node, n_links)
    return cycles


# pyperformance bm_gc_traversal: create_recursive_containers
def create_recursive_containers(n_levels):
    current_list = []
    for n in range(n_levels):
        new_list = [None] * n
        for index in range(n):
            new_list[index] = current_list
        current_list = new_list
    return current_list


def bench_pyperf(cycles, links, levels, reps):
    for _ in range(reps):
        all_cycles = create_gc_cycles(cycles, links)
        del all_cycles
        ns, found = timed_collect()
        check_found("pyperf/collect", found, cycles * (links + 1))
        emit("pyperf/collect", ns / 1e6)
    top = create_recursive_containers(levels)
    gc.collect()
    for _ in range(reps):
        ns, found = timed_collect()
        check_found("pyperf/traverse", found, 0)
        emit("pyperf/traverse", ns / 1e6)
    del top
    gc.collect()


def gen0_once(young_rings, young_len):
    keep = []
    for i in range(young_rings):
        head = ring(young_len)
        if i % 2 == 0:
            keep.append(head)
    del head
    ns, found = timed_collect(0)
    check_found("gen0", found, (young_rings - len(keep)) * young_len)
    del keep
    gc.collect(1)
    return ns


def bench_gen0(old, young_rings, young_len, reps):
    gc.collect()
    for _ in range(reps):
        emit("gen0/empty", gen0_once(young_rings, young_len) / 1e3)
    head = ring(old)
    gc.collect()
    for _ in range(reps):
        emit("gen0/old", gen0_once(young_rings, young_len) / 1e3)
    return head


# ---------------------------------------------------------------- main

def pair(text):
    return [int(x) for x in text.split(",")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=("pyperf", "heap"), default="heap",
                    help="the pyperformance shapes, or the big heaps")
    ap.add_argument("--live", type=pair, default=[100000, 1000000])
    ap.add_argument("--garbage", type=int, default=1000000)
    ap.add_argument("--garbage-len", type=int, default=100)
    ap.add_argument("--old", type=int, default=10000000)
    ap.add_argument("--young", type=pair, default=[100, 5])
    ap.add_argument("--cycles", type=int, default=100)
    ap.add_argument("--links", type=int, default=20)
    ap.add_argument("--levels", type=int, default=1000)
    ap.add_argument("--bytes-nodes", type=int, default=1000000)
    ap.add_argument("--reps", type=pair, default=[7, 5, 31, 31],
                    help="runs of live, garbage, gen0 and pyperf shapes")
    a = ap.parse_args()
    reps_live, reps_garbage, reps_gen0, reps_pyperf = a.reps

    gc.disable()
    gc.collect()
    gc.freeze()

    if a.part == "pyperf":
        note(f"{platform.python_implementation()} "
             f"{platform.python_version()}: gc.collect(); interpreter "
             "objects frozen (gc.freeze)")
        if sys.implementation.name != "cpython":
            note("not CPython: the anchor column is not CPython's")
        bench_pyperf(a.cycles, a.links, a.levels, reps_pyperf)
    else:
        head = bench_bytes(a.bytes_nodes)  # first, while the process is fresh
        del head
        gc.collect()
        bench_live(a.live, reps_live)
        bench_garbage(a.garbage, a.garbage_len, reps_garbage)
        bench_gen0(a.old, a.young[0], a.young[1], reps_gen0)
    # Skip the interpreter's teardown (which would collect the old ring).
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
