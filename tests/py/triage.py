#!/usr/bin/env python3
"""Runs the corpus on rcpy and sorts the failures by the part of rcpy
that most likely owns them, for the summary posted on /work/board.md.

The guess is a heuristic, printed with its reason so that an owner can
disagree: a crash or sanitizer report goes to the owner of the first
rcpy/*.c (or src/) frame in its stack (the file table of docs/rcpy.md);
an unexpected SyntaxError to parse; a missing builtin name, method or
module to btypes or front; the rest to the part the script's folder
mostly exercises. Expected files are never consulted for the guess, only
rcpy's own output.

Usage: triage.py --rcpy EXE [PATH...]      (default: the whole corpus)
"""

import argparse
import os
import re
import sys

import run_test

# docs/rcpy.md's ownership table, by file name.
OWNERS = {
    "parse": ["lexer", "parser", "parse_", "ast"],
    "compile": ["symtable", "compile", "assemble", "code", "opcode", "dis",
                "fold", "namemap"],
    "vm": ["vm", "frame", "func", "gen"],
    "objects": ["class", "instance", "descr", "super", "abstract", "property",
                "slotwrap"],
    "btypes": ["bt_", "builtins", "mod_math", "mod_time", "mod_os"],
    "front": ["errors", "exc", "traceback", "module", "import", "main",
              "repl", "mod_", "fileobj", "interp"],
}
BUILTIN_TYPES = ("int", "float", "str", "list", "dict", "tuple", "set",
                 "frozenset", "range", "slice", "bool", "NoneType")
FRONT_MODULES = ("sys", "gc", "weakref", "psutil", "objgraph")
BTYPES_MODULES = ("math", "time", "os")
GROUP_DEFAULT = {
    "lang": "compile/vm", "builtins": "btypes", "refcount": "vm",
    "gc": "front (gc module) / library", "weakref": "front (weakref)",
    "errors": "front", "front": "front", "unittest": "tests (lib)",
    "stdlib": "tests (lib)", "suite": "front/objects", "seeds": "vm/front",
    "programs": "compile/vm",
}


def owner_of_file(name):
    base = os.path.basename(name)
    for part, prefixes in OWNERS.items():
        for prefix in prefixes:
            if base.startswith(prefix):
                return part
    return None


def crash_owner(err):
    """The owner of the first rcpy or library frame of a sanitizer report
    or crash, or None when err holds none."""
    if not re.search(r"AddressSanitizer|LeakSanitizer|runtime error:|"
                     r"Segmentation fault|Assertion .* failed", err):
        return None
    for m in re.finditer(r"(?:/rcpy/|/src/)([\w/]+\.c):\d+", err):
        path = m.group(0)
        if "/src/" in path:
            return "library (src/%s)" % m.group(1)
        part = owner_of_file(m.group(1))
        if part:
            return "%s (%s)" % (part, m.group(1))
    return "unknown (crash without an rcpy frame)"


def last_error(err):
    lines = [l for l in err.strip().splitlines() if l and not l[0].isspace()]
    return lines[-1] if lines else ""


def guess(script, out, err, status, want_err):
    """(part, reason) for a failing run."""
    owner = crash_owner(err)
    if owner or status < 0:
        return owner or "unknown", "crash (status %d)" % status
    last = last_error(err)
    if last == last_error(want_err):
        return guess_by_folder(script), "output differs"
    m = re.match(r"(SyntaxError|IndentationError): (.*)", last)
    if m:
        return "parse/compile", last
    m = re.match(r"NameError: name '(\w+)' is not defined", last)
    if m and m.group(1) in dir(__builtins__):
        return "btypes", last
    m = re.match(r"AttributeError: '(\w+)' object has no attribute", last)
    if m and m.group(1) in BUILTIN_TYPES:
        return "btypes", last
    m = re.match(r"ModuleNotFoundError: No module named '(\w+)'", last)
    if m:
        name = m.group(1)
        if name in BTYPES_MODULES:
            return "btypes", last
        if name in FRONT_MODULES:
            return "front", last
        if os.path.exists(os.path.join(run_test.HERE, "..", "..", "rcpy",
                                       "lib", name + ".py")):
            return "tests (lib) / front (import)", last
        return "front (import)", last
    return guess_by_folder(script), last or "output differs"


def guess_by_folder(script):
    group = os.path.basename(script.dir)
    return GROUP_DEFAULT.get(group, "unknown")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rcpy", required=True)
    ap.add_argument("paths", nargs="*", default=[run_test.HERE])
    opts = ap.parse_args(argv)
    rcpy = os.path.abspath(opts.rcpy)
    if not os.access(rcpy, os.X_OK):
        print("rcpy missing: %s" % rcpy)
        return 77
    by_part = {}
    scripts = run_test.collect(opts.paths)
    for path in scripts:
        script = run_test.Script(path)
        got = run_test.run_normalised(run_test.rcpy_argv(rcpy, script), script)
        if not run_test.differences("rcpy", script, got):
            continue
        part, reason = guess(script, got[0], got[1], got[2],
                             script.expected()[1])
        rel = os.path.relpath(script.path, run_test.HERE)
        by_part.setdefault(part, []).append((rel, reason))
    failed = sum(len(v) for v in by_part.values())
    print("%d of %d scripts fail on rcpy" % (failed, len(scripts)))
    for part in sorted(by_part, key=lambda p: -len(by_part[p])):
        print("\n%s: %d" % (part, len(by_part[part])))
        for rel, reason in by_part[part]:
            print("  %-45s %s" % (rel, reason[:110]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
