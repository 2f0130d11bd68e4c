"""types_cpython.py -- the CPython anchor of bench/types: the operations
types.c makes through rcgc's C API, written as ordinary Python and timed
with time.perf_counter_ns around each loop.

Run by bench/types (the driver passes the sizes on the command line);
prints one line per sample, "@ <key> cpython <value>", and notes as
"# <text>", the protocol of bench/common.h. Standard library only.

Every timing here includes CPython's bytecode loop (dispatch, the range
iterator's int for each i, local variable traffic), which rcgc's C calls do
not have: see the top of types.c and docs/benchmarks.md. The code is
written in functions (fast locals), as the idiomatic form of each
operation; results are checked outside the timed parts and reported as
digests (a sum, or a CRC-32 of the text, mod 999983) for the driver to
compare with rcgc's. The first run of each workload is the checking run and
is not reported. The collector stays enabled, as a program would run it.
"""

import argparse
import os
import platform
import sys
import zlib
from time import perf_counter_ns

WORD_MOD = 1000000007
DIGEST_MOD = 999983


def emit(key, value):
    print(f"@ {key} cpython {value:.6g}", flush=True)


def note(text):
    print(f"# {text}", flush=True)


def emit_check(what, digest):
    emit(f"check/{what}", digest % DIGEST_MOD)


def expect(ok, what, detail):
    if not ok:
        note(f"cpython: {what}: wrong result ({detail})")


def emit_time(check, key, ns, items):
    if not check:
        emit(key, ns / items)


def crc(text, value=0):
    return zlib.crc32(text.encode(), value)


# ---------------------------------------------------------------- workloads

def list_work(n, check):
    t0 = perf_counter_ns()
    l = []
    for i in range(n):
        l.append(i)
    t1 = perf_counter_ns()
    if check:
        total = sum(l)
        expect(len(l) == n, "list", "size")
        expect(total == n * (n - 1) // 2, "list", "sum")
        emit_check("list", total)
    t2 = perf_counter_ns()
    del l
    t3 = perf_counter_ns()
    emit_time(check, "list/append", t1 - t0, n)
    emit_time(check, "list/drop", t3 - t2, n)


def check_dict(d, keys, n, what):
    total = 0
    ok = True
    for i in range(n):
        v = d[keys[i] if keys is not None else i]
        ok = ok and v == i
        total += v
    expect(ok, what, "d[k]")
    expect(len(d) == n, what, "size")
    emit_check(what, total + len(d))


def dict_int_work(n, check):
    t0 = perf_counter_ns()
    d = {}
    for i in range(n):
        d[i] = i
    t1 = perf_counter_ns()
    for i in range(n):
        v = d[i]
    t2 = perf_counter_ns()
    if check:
        check_dict(d, None, n, "dict/int")
    t3 = perf_counter_ns()
    del d
    t4 = perf_counter_ns()
    emit_time(check, "dict/int/set", t1 - t0, n)
    emit_time(check, "dict/int/get", t2 - t1, n)
    emit_time(check, "dict/int/drop", t4 - t3, n)


def join_work(keys, check):
    t0 = perf_counter_ns()
    j = ",".join(keys)
    t1 = perf_counter_ns()
    if check:
        expect(len(j) == sum(map(len, keys)) + len(keys) - 1, "str/join",
               "length")
        emit_check("str/join", crc(j))
    del j
    emit_time(check, "str/join", t1 - t0, len(keys))


def dict_str_work(n, check):
    keys = [f"key{i}" for i in range(n)]
    t0 = perf_counter_ns()
    d = {}
    for i in range(n):
        d[keys[i]] = i
    t1 = perf_counter_ns()
    for k in keys:
        v = d[k]
    t2 = perf_counter_ns()
    if check:
        check_dict(d, keys, n, "dict/str")
    join_work(keys, check)
    del keys, k  # now the dict holds the only references
    t3 = perf_counter_ns()
    del d
    t4 = perf_counter_ns()
    emit_time(check, "dict/str/set", t1 - t0, n)
    emit_time(check, "dict/str/get", t2 - t1, n)
    emit_time(check, "dict/str/drop", t4 - t3, n)


def int_word_work(n, check):
    m = WORD_MOD
    t0 = perf_counter_ns()
    s = 0
    for i in range(n):
        s = (s + i * i) % m
    t1 = perf_counter_ns()
    if check:
        emit_check("int/word", s)
    emit_time(check, "int/word", t1 - t0, n)


def int_big_work(n, check):
    m = (1 << 89) - 1
    t0 = perf_counter_ns()
    s = (1 << 70) + 12345
    for i in range(n):
        s = (s * s + i) % m
    t1 = perf_counter_ns()
    if check:
        expect(s.bit_length() > 64, "int/big", "fits 64 bits")
        emit_check("int/big", crc(repr(s)))
    emit_time(check, "int/big", t1 - t0, n)


def concat_work(nwords, nstrs, check):
    words = ["x" * (1 + j % 7) + str(j) for j in range(nwords)]
    t0 = perf_counter_ns()
    for _ in range(nstrs):
        s = ""
        for w in words:
            s += w
    t1 = perf_counter_ns()
    if check:
        expect(len(s) == sum(map(len, words)), "str/concat", "length")
        emit_check("str/concat", crc(s))
    emit_time(check, "str/concat", t1 - t0, nwords * nstrs)


def format_work(n, check):
    fmt = "item {}: {:.3f}"
    t0 = perf_counter_ns()
    for i in range(n):
        out = fmt.format(i, i * 0.5)
    t1 = perf_counter_ns()
    if check:
        value = 0
        for i in range(n):
            value = crc(fmt.format(i, i * 0.5), value)
        emit_check("str/format", value)
    emit_time(check, "str/format", t1 - t0, n)


def percent_work(n, check):
    fmt = "item %d: %.3f"
    t0 = perf_counter_ns()
    for i in range(n):
        out = fmt % (i, i * 0.5)
    t1 = perf_counter_ns()
    if check:
        value = 0
        for i in range(n):
            value = crc(fmt % (i, i * 0.5), value)
        emit_check("str/percent", value)
    emit_time(check, "str/percent", t1 - t0, n)


def tuple_work(n, check):
    t0 = perf_counter_ns()
    p = (0.5, 1.0)
    for _ in range(n):
        x, y = p
        p = (x + 0.5, y * 0.999 + 1.0)
    t1 = perf_counter_ns()
    if check:
        emit_check("tuple/float", crc(repr(p)))
    emit_time(check, "tuple/float", t1 - t0, n)


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000000,
                    help="list items, dict entries, join parts, iterations")
    ap.add_argument("--words", type=int, default=100,
                    help="str/concat: words per string")
    ap.add_argument("--strs", type=int, default=10000,
                    help="str/concat: strings built")
    ap.add_argument("--fmt", type=int, default=250000,
                    help="str/format and str/percent calls")
    ap.add_argument("--reps", type=int, default=2,
                    help="timed runs (after the checking run)")
    a = ap.parse_args()

    note(f"{platform.python_implementation()} {platform.python_version()}: "
         "the same operations in Python functions, timed with "
         "time.perf_counter_ns (bytecode loop included)")
    if sys.implementation.name != "cpython":
        note("not CPython: the anchor column is not CPython's")
    for rep in range(a.reps + 1):
        check = rep == 0
        list_work(a.n, check)
        dict_int_work(a.n, check)
        dict_str_work(a.n, check)
        int_word_work(a.n, check)
        int_big_work(a.n, check)
        concat_work(a.words, a.strs, check)
        format_work(a.fmt, check)
        percent_work(a.fmt, check)
        tuple_work(a.n, check)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
