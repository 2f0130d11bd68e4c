#!/usr/bin/env python3
"""Writes the expected files of tests/py scripts from CPython 3.11's own
results, so that they are never edited by hand.

For each script named (or each test under a folder named) that is not
rcpy-only, CPython runs it twice as run_test.py runs it; if both runs agree
after normalisation, X.out is written, X.err only when stderr is not empty
and X.status only when the exit status is not 0 (stale ones are removed).
Scripts whose output differs between two runs are reported and left alone:
such a script is a bad test until it is made deterministic.

Usage: regen.py [--python EXE] PATH...
"""

import argparse
import os
import sys

import run_test


def write_or_remove(path, text, keep):
    if keep:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    elif os.path.exists(path):
        os.remove(path)


def regen(script, python):
    """Regenerates one script's files; returns an error text or ''."""
    argv = run_test.python_argv(python, script)
    first = run_test.run_normalised(argv, script)
    second = run_test.run_normalised(argv, script)
    if first != second:
        return "output differs between two CPython runs"
    out, err, status = first
    if status < 0:
        return "CPython died or timed out: %d\n%s" % (status, err)
    write_or_remove(script.stem + ".out", out, True)
    write_or_remove(script.stem + ".err", err, bool(err))
    write_or_remove(script.stem + ".status", "%d\n" % status, status != 0)
    return ""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("paths", nargs="+")
    opts = ap.parse_args(argv)
    bad = 0
    for path in run_test.collect(opts.paths):
        script = run_test.Script(path)
        rel = os.path.relpath(script.path, run_test.HERE)
        if script.rcpy_only:
            print("skip %s (rcpy-only: %s)" % (rel, script.rcpy_only))
            continue
        error = regen(script, opts.python)
        if error:
            bad += 1
            print("BAD  %s: %s" % (rel, error))
        else:
            print("wrote %s" % rel)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
