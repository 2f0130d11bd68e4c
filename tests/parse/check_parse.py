#!/usr/bin/env python3
"""The parser of rcpy against CPython's (this python3 is the oracle).

    check_parse.py PARSE_DUMP TESTS_DIR [FILES...]

Valid sources -- tests/parse/valid/*.py, every tests/py/**/*.py, and any
FILES given -- must give the same ast.dump() as CPython, without and with
include_attributes=True. Invalid snippets -- tests/parse/invalid/*.txt,
cases separated by lines of '=====' -- must give the same exception type,
msg, lineno, offset, end_lineno and end_offset as CPython's parser
(compile() of the text to an AST; offsets in characters, as for a script
file), and SyntaxError.text when
it is not the source line (errors in f-string expressions). A case whose
last line starts with '#rcpy: ' expects that rcpy output instead: what
rcpy refuses (async, match, except*, complex and bytes literals, \\N
escapes). Valid
sources using what rcpy refuses are skipped. Prints each difference;
exits 1 if there is any.
"""
import ast
import os
import subprocess
import sys
import tempfile
import tokenize

UNSUPPORTED = (ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith, ast.Await,
               ast.Match, ast.TryStar)


def supported(data, source, tree):
    if '\\N{' in source:
        return False
    encoding = tokenize.detect_encoding(iter(data.splitlines(True)).__next__)
    if encoding[0] not in ('utf-8', 'utf-8-sig', 'iso-8859-1'):
        return False
    for node in ast.walk(tree):
        if isinstance(node, UNSUPPORTED):
            return False
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, (complex, bytes)):
                return False
            if isinstance(v, str) and any(0xD800 <= ord(c) <= 0xDFFF
                                          for c in v):
                return False
    return True


def run_dump(exe, files, attrs):
    args = [exe] + (['-a'] if attrs else []) + files
    r = subprocess.run(args, capture_output=True)
    out = r.stdout.decode('utf-8', 'replace')
    if r.returncode == 2:
        print('parse_dump failed:', r.stderr.decode('utf-8', 'replace'))
    return out.split('\n---\n'), r.returncode


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def valid_files(tests_dir, extra):
    files = []
    vdir = os.path.join(tests_dir, 'parse', 'valid')
    if os.path.isdir(vdir):
        files += sorted(os.path.join(vdir, f) for f in os.listdir(vdir)
                        if f.endswith('.py'))
    pydir = os.path.join(tests_dir, 'py')
    for root, _, names in os.walk(pydir):
        files += sorted(os.path.join(root, n) for n in names
                        if n.endswith('.py'))
    return files + list(extra)


def check_valid(exe, files):
    expected, chosen = [], []
    for path in files:
        try:
            data = read(path)
            source = data.decode('utf-8', 'replace')
            tree = ast.parse(data, path)
        except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError,
                MemoryError):
            continue
        if not supported(data, source, tree):
            continue
        chosen.append(path)
        expected.append((ast.dump(tree), ast.dump(tree,
                                                  include_attributes=True)))
    failures = 0
    for attrs in (False, True):
        for start in range(0, len(chosen), 200):
            batch = chosen[start:start + 200]
            outs, _ = run_dump(exe, batch, attrs)
            for i, path in enumerate(batch):
                got = outs[i].strip() if i < len(outs) else '<missing>'
                want = expected[start + i][attrs]
                if got != want:
                    failures += 1
                    print('DIFF%s %s' % (' (attributes)' if attrs else '',
                                         path))
                    show_diff(want, got)
    print('valid: %d files compared, %d differences' % (len(chosen),
                                                       failures))
    return failures


def show_diff(want, got):
    i = 0
    while i < min(len(want), len(got)) and want[i] == got[i]:
        i += 1
    lo = max(0, i - 60)
    print('   python: ...%s' % want[lo:i + 80])
    print('   rcpy:   ...%s' % got[lo:i + 80])


def python_error(source):
    with tempfile.NamedTemporaryFile('wb', suffix='.py', delete=False) as f:
        f.write(source)
        path = f.name
    try:
        text = source.decode('utf-8')
    except UnicodeDecodeError:
        text = source
    try:
        compile(text, path, 'exec', ast.PyCF_ONLY_AST)
        return 'OK'
    except SyntaxError as e:
        def n(v):
            return 0 if v is None else v
        r = '%s: %s @ %d %d %d %d' % (type(e).__name__, e.msg, n(e.lineno),
                                     n(e.offset), n(e.end_lineno),
                                     n(e.end_offset))
        lines = source.decode('utf-8', 'replace').split('\n')
        line = lines[e.lineno - 1] if e.lineno and e.lineno <= len(lines) \
            else None
        if e.text is not None and e.text.rstrip('\n') != line:
            r += ' text=%s' % e.text.rstrip('\n')
        return r
    except (ValueError, RecursionError, MemoryError) as e:
        return '%s: %s' % (type(e).__name__, e)
    finally:
        os.unlink(path)


def drop_source_text(got, src):
    """rcpy gives text= for every f-string expression error; CPython's text
    is left out of the comparison when it is the source line itself."""
    head, sep, text = got.partition(' text=')
    if not sep:
        return got
    try:
        lineno = int(head.split(' @ ')[1].split()[0])
    except (IndexError, ValueError):
        return got
    lines = src.decode('utf-8', 'replace').split('\n')
    if 0 < lineno <= len(lines) and lines[lineno - 1] == text:
        return head
    return got


def invalid_cases(tests_dir):
    idir = os.path.join(tests_dir, 'parse', 'invalid')
    if not os.path.isdir(idir):
        return []
    cases = []
    for name in sorted(os.listdir(idir)):
        if not name.endswith('.txt'):
            continue
        chunks = read(os.path.join(idir, name)).split(b'\n=====\n')
        cases += [(name, c if c.endswith(b'\n') else c + b'\n')
                  for c in chunks if c.strip()]
    return cases


def check_invalid(exe, tests_dir):
    cases = invalid_cases(tests_dir)
    tmp = tempfile.mkdtemp()
    paths = []
    for i, (_, src) in enumerate(cases):
        path = os.path.join(tmp, 'case%d.py' % i)
        with open(path, 'wb') as f:
            f.write(src)
        paths.append(path)
    failures = 0
    outs = []
    for start in range(0, len(paths), 200):
        outs += run_dump(exe, paths[start:start + 200], False)[0]
    for i, (name, src) in enumerate(cases):
        last = src.rstrip(b'\n').split(b'\n')[-1]
        if last.startswith(b'#rcpy: '):
            want = last[7:].decode('utf-8')
        else:
            want = python_error(src)
        got = outs[i].strip() if i < len(outs) else '<missing>'
        if want == 'OK':
            want = 'a dump' if got.startswith('Module(') else want
        if got.startswith('Module('):
            got = 'a dump'
        got = drop_source_text(got, src)
        if got != want:
            failures += 1
            print('DIFF %s case %d: %r' % (name, i, src.decode('utf-8',
                                                               'replace')))
            print('   python: %s' % want)
            print('   rcpy:   %s' % got)
        os.unlink(paths[i])
    os.rmdir(tmp)
    print('invalid: %d cases compared, %d differences' % (len(cases),
                                                         failures))
    return failures


def main():
    exe, tests_dir = sys.argv[1], sys.argv[2]
    failures = check_valid(exe, valid_files(tests_dir, sys.argv[3:]))
    failures += check_invalid(exe, tests_dir)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
