#!/usr/bin/env python3
"""Runs tests/py scripts on rcpy and on CPython 3.11 and checks both against
the expected files stored beside each script.

For a script X.py the expected results are X.out (stdout, always present),
X.err (stderr; absent means stderr must be empty) and X.status (the exit
status; absent means 0). Both interpreters run the script the same way: in
the script's folder, with a fixed environment, stdin from /dev/null unless
the script names a file, and a timeout. Outputs are normalised only where
they cannot be equal from run to run: unittest's elapsed time, memory
addresses, the script folder's absolute path, the interpreter's name in a
version line, and what a script's own `# sub:` lines replace.

Header comments (the leading comment lines of a script) configure a run:
    # rcpy-only: WHY       CPython is not run (rcpy's extensions, or output
                           that depends on CPython's internals)
    # args: A B ...        command-line arguments (shell-quoted)
    # stdin: FILE          stdin from FILE, relative to the script
    # rcpy-args: OPTS      interpreter options given to rcpy only
    # timeout: SECONDS     instead of the default
    # command: ARGS        the interpreter's arguments instead of the script
                           and its args (front-door tests: -c, -m, -i, -,
                           --version); the script only holds the header
    # sub: REGEX => TEXT   a normalisation of this script's outputs
    # not-sanitized: WHY   rcpy is not run when built with sanitizers
                           (--sanitized), e.g. memory given back to the
                           system, which ASan's quarantine keeps

Usage: run_test.py [--rcpy EXE] [--python EXE] [--no-python] PATH...
A PATH is a script or a folder (its tests, recursively). Exit status: 0 all
passed, 1 a failure, 77 nothing failed but rcpy was missing (so only CPython
was checked; ctest reports the test as skipped).
"""

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys

DEFAULT_TIMEOUT = 60
SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
HEADER_RE = re.compile(r"#\s*([a-z-]+):\s?(.*)$")
KEYS = {"rcpy-only", "args", "stdin", "rcpy-args", "timeout", "sub",
        "command", "not-sanitized"}


# --- the script's header ---------------------------------------------------

class Script:
    """A test script and what its header asks for."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.dir = os.path.dirname(self.path)
        self.name = os.path.basename(self.path)
        self.stem = self.path[:-3]
        self.rcpy_only = None
        self.args = []
        self.stdin = None
        self.rcpy_args = []
        self.timeout = DEFAULT_TIMEOUT
        self.subs = []
        self.command = None
        self.not_sanitized = None
        self._read_header()

    def _read_header(self):
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line.startswith("#"):
                    break
                m = HEADER_RE.match(line)
                if m and m.group(1) in KEYS:
                    self._directive(m.group(1), m.group(2).strip())

    def _directive(self, key, value):
        if key == "rcpy-only":
            self.rcpy_only = value or "rcpy-specific"
        elif key == "args":
            self.args = shlex.split(value)
        elif key == "stdin":
            self.stdin = os.path.join(self.dir, value)
        elif key == "rcpy-args":
            self.rcpy_args = shlex.split(value)
        elif key == "timeout":
            self.timeout = float(value)
        elif key == "not-sanitized":
            self.not_sanitized = value or "not under sanitizers"
        elif key == "command":
            self.command = shlex.split(value)
        elif key == "sub":
            pattern, _, repl = value.partition(" => ")
            self.subs.append((re.compile(pattern, re.M), repl))

    def expected(self):
        """(stdout, stderr, status) as stored beside the script."""
        return (read_text(self.stem + ".out"), read_text(self.stem + ".err"),
                int(read_text(self.stem + ".status") or "0"))


def read_text(path):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except FileNotFoundError:
        return ""


# --- running and normalising ----------------------------------------------

def environment(pythonpath=None):
    """The fixed environment both interpreters run in (pythonpath: folders
    put before CPython's standard library, to try rcpy/lib's modules on
    CPython)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    for name in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS", "PYENV_ROOT",
                 "PYENV_VERSION"):
        if name in os.environ:
            env[name] = os.environ[name]
    if pythonpath:
        # _libcheck/sitecustomize.py also replaces the modules compiled
        # into CPython that pythonpath has (PYTHONPATH cannot shadow them).
        env["PYTHONPATH"] = pythonpath + os.pathsep + os.path.join(
            HERE, "_libcheck")
        env["RCPY_LIB_SHADOW"] = pythonpath
    return env


def run(argv, script, pythonpath=None):
    """Runs argv in the script's folder: (stdout, stderr, status)."""
    stdin = open(script.stdin, "rb") if script.stdin else subprocess.DEVNULL
    try:
        p = subprocess.run(argv, cwd=script.dir, stdin=stdin,
                           capture_output=True, env=environment(pythonpath),
                           timeout=script.timeout)
    except subprocess.TimeoutExpired as e:
        return (decode(e.stdout), decode(e.stderr) +
                "\n[run_test: timed out after %gs]\n" % script.timeout, -9)
    finally:
        if script.stdin:
            stdin.close()
    return decode(p.stdout), decode(p.stderr), p.returncode


def decode(data):
    return (data or b"").decode("utf-8", errors="backslashreplace")


def normalise(text, script):
    """What may differ from run to run, replaced by fixed text."""
    for folder in {script.dir, os.path.realpath(script.dir)}:
        text = text.replace(folder + os.sep, "$DIR" + os.sep)
    text = re.sub(r"^(Ran \d+ tests?) in \d+\.\d+s$", r"\1 in 0.000s", text,
                  flags=re.M)
    text = re.sub(r"\b0x[0-9a-fA-F]{6,}\b", "0x...", text)
    text = re.sub(r"^(?:rcpy \d+\.\d+\.\d+ \(Python 3\.11\)|Python 3\.11\.\d+)$",
                  "Python 3.11", text, flags=re.M)
    text = re.sub(r"^\S*(?:rcpy|python3[.\d]*): can't open file",
                  "PYTHON: can't open file", text, flags=re.M)
    for pattern, repl in script.subs:
        text = pattern.sub(repl, text)
    return text


def run_normalised(argv, script, pythonpath=None):
    out, err, status = run(argv, script, pythonpath)
    return normalise(out, script), normalise(err, script), status


def python_argv(python, script):
    if script.command is not None:
        return [python, "-B", "-s"] + script.command
    return [python, "-B", "-s", script.name] + script.args


def rcpy_argv(rcpy, script):
    if script.command is not None:
        return [rcpy] + script.rcpy_args + script.command
    return [rcpy] + script.rcpy_args + [script.name] + script.args


# --- comparing ------------------------------------------------------------

def differences(who, script, got):
    """Readable differences between got and the expected files ('' if none)."""
    want = script.expected()
    report = []
    for label, suffix, w, g in (("stdout", ".out", want[0], got[0]),
                                ("stderr", ".err", want[1], got[1])):
        if w != g:
            rel = os.path.relpath(script.stem + suffix, HERE)
            diff = difflib.unified_diff(
                w.splitlines(True), g.splitlines(True),
                "expected " + rel, "%s %s" % (who, label))
            report.append("".join(line if line.endswith("\n") else line + "\n"
                                  for line in diff))
    if want[2] != got[2]:
        report.append("exit status: expected %d, %s gave %d\n"
                      % (want[2], who, got[2]))
    return "".join(report)


def check(script, rcpy, python, use_python, pythonpath=None,
          sanitized=False):
    """Runs one script; returns (failure text or '', whether rcpy ran)."""
    report = []
    if use_python and not script.rcpy_only:
        diff = differences("CPython", script,
                           run_normalised(python_argv(python, script), script,
                                          pythonpath))
        if diff:
            report.append("CPython differs from the expected files "
                          "(are they stale? tests/py/regen.py):\n" + diff)
    ran = bool(rcpy and os.access(rcpy, os.X_OK))
    if ran and sanitized and script.not_sanitized:
        print("rcpy not run under sanitizers: " + script.not_sanitized)
        ran = False
    if ran:
        diff = differences("rcpy", script,
                           run_normalised(rcpy_argv(rcpy, script), script))
        if diff:
            report.append("rcpy differs from the expected files:\n" + diff)
    return "".join(report), ran


# --- finding scripts ------------------------------------------------------

def tests_in(folder):
    """The tests of one group folder: its .py files not starting with _
    (those, and the folders below, are modules the tests import)."""
    return [os.path.join(folder, f) for f in sorted(os.listdir(folder))
            if f.endswith(".py") and not f.startswith("_")]


def collect(paths):
    """The scripts named: files as given, group folders' tests, and for
    tests/py itself every group's."""
    found = []
    for path in paths:
        if not os.path.isdir(path):
            found.append(path)
        elif os.path.samefile(path, HERE):
            for group in sorted(os.listdir(path)):
                folder = os.path.join(path, group)
                if os.path.isdir(folder) and not group.startswith(("_", ".")):
                    found += tests_in(folder)
        else:
            found += tests_in(path)
    return found


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rcpy", help="the rcpy executable")
    ap.add_argument("--python", default=sys.executable,
                    help="CPython 3.11 (default: the one running this)")
    ap.add_argument("--no-python", action="store_true",
                    help="check rcpy only")
    ap.add_argument("--no-rcpy", action="store_true",
                    help="check CPython only (a pass is not a skip)")
    ap.add_argument("--pythonpath",
                    help="folders searched before CPython's standard library "
                         "(e.g. rcpy/lib, to check its modules on CPython)")
    ap.add_argument("--sanitized", action="store_true",
                    help="rcpy is built with sanitizers: skip the scripts "
                         "marked not-sanitized")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="print failures and the summary only")
    ap.add_argument("paths", nargs="+")
    opts = ap.parse_args(argv)
    scripts = collect(opts.paths)
    rcpy = os.path.abspath(opts.rcpy) if opts.rcpy else None
    if opts.no_rcpy:
        rcpy = None
    elif not rcpy or not os.access(rcpy, os.X_OK):
        print("rcpy missing: %s — only CPython is checked"
              % (rcpy or "no --rcpy given"))
    failed, rcpy_ran = [], False
    for path in scripts:
        script = Script(path)
        rel = os.path.relpath(script.path, HERE)
        report, ran = check(script, rcpy, opts.python, not opts.no_python,
                           opts.pythonpath, opts.sanitized)
        rcpy_ran |= ran
        if report:
            failed.append(rel)
            print("FAIL %s\n%s" % (rel, report))
        elif not opts.quiet:
            print("ok   %s" % rel)
    if len(scripts) > 1 or failed:
        print("%d scripts, %d failed" % (len(scripts), len(failed)))
        for rel in failed:
            print("  failed: " + rel)
    if failed:
        return 1
    return 0 if rcpy_ran or opts.no_rcpy else SKIP


if __name__ == "__main__":
    sys.exit(main())
