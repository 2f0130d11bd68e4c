#!/usr/bin/env python3
"""Checks run_test.py and regen.py themselves (ctest py_runner_selftest):
in a scratch folder, scripts whose expected files match, differ in
stdout, stderr or exit status, use header comments, and meet a missing
rcpy, must give the verdicts and exit statuses the runner promises.
Uses CPython only, as the interpreter under test and as the oracle.
"""

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RUN_TEST = os.path.join(HERE, "run_test.py")
REGEN = os.path.join(HERE, "regen.py")


def write(folder, name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)


def runner(*args):
    p = subprocess.run([sys.executable, RUN_TEST] + list(args),
                       capture_output=True, text=True)
    return p.returncode, p.stdout


def expect(label, got, want_status, want_text=()):
    status, out = got
    ok = status == want_status and all(t in out for t in want_text)
    print("%s %s" % ("ok  " if ok else "FAIL", label))
    if not ok:
        print("  status %d (wanted %d), output:\n%s" % (status, want_status,
                                                        out))
    return ok


def cases(group):
    """(label, run result, wanted status, wanted texts) for each case."""
    py = sys.executable
    write(group, "good.py", "import sys\nprint('out')\n"
          "print('err', file=sys.stderr)\nsys.exit(3)\n")
    write(group, "good.out", "out\n")
    write(group, "good.err", "err\n")
    write(group, "good.status", "3\n")
    write(group, "wrong_out.py", "print('actual')\n")
    write(group, "wrong_out.out", "expected\n")
    write(group, "wrong_err.py", "raise ValueError('x')\n")
    write(group, "wrong_err.out", "")
    write(group, "wrong_err.status", "1\n")
    write(group, "wrong_status.py", "import sys\nsys.exit(2)\n")
    write(group, "wrong_status.out", "")
    write(group, "normalised.py", "print(object())\nprint(__file__)\n")
    write(group, "normalised.out", "<object object at 0x...>\n$DIR/normalised.py\n")
    write(group, "headers.py", "# args: one 'two words'\n# sub: \\d+ => N\n"
          "import sys\nprint(sys.argv[1:], 12345)\n")
    write(group, "headers.out", "['one', 'two words'] N\n")
    write(group, "command.py", "# command: -c \"print(6 * 7)\"\n")
    write(group, "command.out", "42\n")
    write(group, "only.py", "# rcpy-only: not for CPython\nprint(1)\n")
    write(group, "only.out", "something else\n")
    g = lambda name: os.path.join(group, name)
    return [
        ("matching stdout, stderr and status", runner("--no-rcpy", g("good.py")), 0, ()),
        ("a stdout difference fails with a diff",
         runner("--no-rcpy", g("wrong_out.py")), 1, ("-expected", "+actual")),
        ("an unexpected stderr fails", runner("--no-rcpy", g("wrong_err.py")),
         1, ("+ValueError: x",)),
        ("an exit status difference fails",
         runner("--no-rcpy", g("wrong_status.py")), 1, ("exit status: expected 0",)),
        ("addresses and the folder are normalised",
         runner("--no-rcpy", g("normalised.py")), 0, ()),
        ("args and sub headers", runner("--no-rcpy", g("headers.py")), 0, ()),
        ("command header", runner("--no-rcpy", g("command.py")), 0, ()),
        ("rcpy-only scripts are not run on CPython",
         runner("--no-rcpy", g("only.py")), 0, ()),
        ("a missing rcpy is reported and skipped",
         runner("--rcpy", g("no-such-rcpy"), g("good.py")), 77, ("rcpy missing",)),
        ("a stand-in rcpy (CPython) is checked too",
         runner("--rcpy", py, "--no-python", g("wrong_out.py")), 1,
         ("rcpy differs",)),
    ]


def regen_case(group):
    write(group, "fresh.py", "import sys\nprint('a')\nsys.exit(4)\n")
    write(group, "fresh.err", "stale\n")
    p = subprocess.run([sys.executable, REGEN, os.path.join(group, "fresh.py")],
                       capture_output=True, text=True)
    files = sorted(f for f in os.listdir(group) if f.startswith("fresh."))
    ok = p.returncode == 0 and files == ["fresh.out", "fresh.py", "fresh.status"]
    with open(os.path.join(group, "fresh.status")) as f:
        ok = ok and f.read() == "4\n"
    print("%s regen writes .out/.status and removes a stale .err" %
          ("ok  " if ok else "FAIL"))
    return ok


def main():
    scratch = tempfile.mkdtemp(prefix="rcpy_selftest_")
    try:
        group = os.path.join(scratch, "group")
        os.mkdir(group)
        results = [expect(*case) for case in cases(group)]
        results.append(regen_case(group))
    finally:
        shutil.rmtree(scratch)
    failed = results.count(False)
    print("%d checks, %d failed" % (len(results), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
