#!/usr/bin/env python3
"""Times bench/py's programs on rcpy and on CPython 3.11 in one run.

Each program runs RUNS times on each interpreter, alternating, with the
same arguments; the table gives the median wall time, the ratio
CPython/rcpy (above 1: rcpy is faster) and the median peak USS (private
memory, sampled from /proc/PID/smaps_rollup while the program runs). Both
interpreters must print the same output, else the row says so. Timings
are printed, never checked: the exit status is 0 unless a program fails.

Usage: run.py [--rcpy EXE] [--python EXE] [--runs N] [--quick] [NAME...]
"""

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def uss_kib(pid):
    """Private memory of pid in KiB, or None once it is gone."""
    total = 0
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith(("Private_Clean:", "Private_Dirty:")):
                    total += int(line.split()[1])
    except OSError:
        return None
    return total


def run_once(argv):
    """(seconds, peak USS in KiB, stdout, exit status) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=HERE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            kib = uss_kib(proc.pid)
            if kib:
                peak[0] = max(peak[0], kib)
            done.wait(0.005)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out = proc.communicate()[0]
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    return elapsed, peak[0], out, proc.returncode


def measure(name, interpreters, runs, scale):
    """Per interpreter: (median seconds, median peak KiB, output, status)."""
    script = os.path.join(HERE, name)
    samples = {label: [] for label, _ in interpreters}
    outputs = {}
    for _ in range(runs):
        for label, exe in interpreters:
            t, kib, out, status = run_once([exe, script, str(scale)])
            samples[label].append((t, kib))
            outputs[label] = (out, status)
    result = {}
    for label, _ in interpreters:
        times = [t for t, _ in samples[label]]
        peaks = [k for _, k in samples[label]]
        result[label] = (statistics.median(times), statistics.median(peaks),
                         outputs[label][0], outputs[label][1])
    return result


def row(name, result, labels):
    cells = ["%-18s" % name[:-3]]
    for label in labels:
        t, kib, _, status = result[label]
        cells.append("%9.3f s %8.1f MiB" % (t, kib / 1024.0) if status == 0
                     else "%9s   %12s" % ("failed", "(status %d)" % status))
    if len(labels) == 2:
        (tc, _, oc, sc), (tr, _, orc, sr) = result[labels[0]], result[labels[1]]
        if sc == 0 and sr == 0:
            cells.append("%6.2fx" % (tc / tr) if tr else "     -")
            if oc != orc:
                cells.append("OUTPUT DIFFERS")
    return "  ".join(cells)


def pin_first_cpu():
    """Runs this process and its children on its first allowed CPU, so both
    interpreters meet the same core (a VM's cores can differ in speed);
    BENCH_NO_PIN=1 leaves the choice to the scheduler. -1: not pinned."""
    if os.environ.get("BENCH_NO_PIN", "0") not in ("", "0"):
        return -1
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
    except (AttributeError, OSError, ValueError):
        return -1
    return cpu


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rcpy", help="the rcpy executable")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true",
                    help="one run each at a tenth of the size")
    ap.add_argument("names", nargs="*")
    opts = ap.parse_args(argv)
    names = opts.names or sorted(n for n in os.listdir(HERE)
                                 if n.endswith(".py") and n != "run.py")
    names = [n if n.endswith(".py") else n + ".py" for n in names]
    runs, scale = (1, 0.1) if opts.quick else (opts.runs, 1.0)
    pinned = pin_first_cpu()
    interpreters = [("CPython", opts.python)]
    if opts.rcpy and os.access(opts.rcpy, os.X_OK):
        interpreters.append(("rcpy", opts.rcpy))
    else:
        print("rcpy missing (%s): timing CPython only" % (opts.rcpy or "no --rcpy"))
    labels = [label for label, _ in interpreters]
    header = "%-18s" % "program" + "".join(
        "  %-22s" % ("%s time / peak USS" % label) for label in labels)
    if len(labels) == 2:
        header += "  CPython/rcpy"
    print("bench/py: median of %d run%s, scale %g, %s" % (
        runs, "s" * (runs != 1), scale,
        "every process on CPU %d" % pinned if pinned >= 0 else "not pinned"))
    print(header)
    failed = False
    for name in names:
        result = measure(name, interpreters, runs, scale)
        failed |= any(result[label][3] != 0 for label in labels)
        print(row(name, result, labels))
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
