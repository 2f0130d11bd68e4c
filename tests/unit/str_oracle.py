#!/usr/bin/env python3
"""CPython as the oracle for test_str.c and test_strformat.c.

Usage: str_oracle.py INPUT OUTPUT

Each input line is one case, "OP TOKEN...", and the matching output line is
the result as one token. Tokens (strcheck.h builds and reads the same):
  x<hex>         a str (hex of its UTF-8; "x" alone is "")
  h<hex>         bytes (arguments only: "decode" makes a str of them)
  i<decimal>     an int (any size, optional '-')
  f<16 hex>      a float, the hex digits of its IEEE bits
  b0 / b1        False / True
  n              None
  l[tok,tok,...] a list      t[tok,...] a tuple
  d[k=v,...]     a dict, keys and values tokens
  c<six T/F>     comparisons < <= == != > >= (results only)
  E<Name>:<hex>  an exception and its message (results only)

An OP ending in "@32" answers "n" when its first argument holds a code
point that Unicode 3.2 left unassigned (so that checks of character data
do not depend on the Unicode version of the python3 at hand).
"""

import struct
import sys
import unicodedata

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


def split_top(s):
    """Splits s at commas that are not inside nested l/t/d tokens."""
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        cur += ch
    if cur:
        out.append(cur)
    return out


def dec(tok):
    kind, body = tok[0], tok[1:]
    if kind == "x":
        return bytes.fromhex(body).decode("utf-8")
    if kind == "h":
        return bytes.fromhex(body)
    if kind == "i":
        return int(body)
    if kind == "f":
        return struct.unpack("<d", struct.pack("<Q", int(body, 16)))[0]
    if kind == "b":
        return body == "1"
    if kind == "n":
        return None
    if kind in "lt":
        items = [dec(t) for t in split_top(body[1:-1])]
        return items if kind == "l" else tuple(items)
    if kind == "d":
        d = {}
        for kv in split_top(body[1:-1]):
            k, v = kv.split("=", 1)
            d[dec(k)] = dec(v)
        return d
    raise ValueError("bad token " + tok)


def enc(v):
    if isinstance(v, bool):
        return "b1" if v else "b0"
    if isinstance(v, str):
        return "x" + v.encode("utf-8").hex()
    if isinstance(v, int):
        return "i%d" % v
    if isinstance(v, float):
        return "f%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]
    if v is None:
        return "n"
    if isinstance(v, list):
        return "l[" + ",".join(enc(x) for x in v) + "]"
    if isinstance(v, tuple):
        return "t[" + ",".join(enc(x) for x in v) + "]"
    raise TypeError(type(v))


def cmp6(a, b):
    return "c" + "".join(
        "T" if r else "F" for r in (a < b, a <= b, a == b, a != b, a > b, a >= b)
    )


def sformat(fmt, args, kwargs):
    return fmt.format(*args, **kwargs)


OPS = {
    "len": len,
    "getitem": lambda s, i: s[i],
    "slice": lambda s, a, b, c: s[a:b:c],
    "concat": lambda s, t: s + t,
    "repeat": lambda s, n: s * n,
    "rrepeat": lambda n, s: n * s,
    "contains": lambda s, t: t in s,
    "find": lambda s, t, a, b: s.find(t, a, b),
    "rfind": lambda s, t, a, b: s.rfind(t, a, b),
    "count": lambda s, t: s.count(t),
    "split": lambda s, t, k: s.split(t, k),
    "rsplit": lambda s, t, k: s.rsplit(t, k),
    "splitlines": lambda s, k: s.splitlines(k),
    "join": lambda s, l: s.join(l),
    "strip": lambda s, t: s.strip(t),
    "lstrip": lambda s, t: s.lstrip(t),
    "rstrip": lambda s, t: s.rstrip(t),
    "replace": lambda s, a, b, k: s.replace(a, b, k),
    "startswith": lambda s, t: s.startswith(t),
    "endswith": lambda s, t: s.endswith(t),
    "upper": str.upper,
    "lower": str.lower,
    "title": str.title,
    "capitalize": str.capitalize,
    "swapcase": str.swapcase,
    "casefold": str.casefold,
    "isupper": str.isupper,
    "islower": str.islower,
    "istitle": str.istitle,
    "isdigit": str.isdigit,
    "isalpha": str.isalpha,
    "isspace": str.isspace,
    "isidentifier": str.isidentifier,
    "repr": repr,
    "ascii": ascii,
    "cmp": cmp6,
    "iter": lambda s: list(iter(s)),
    "mod": lambda s, a: s % a,
    "format": format,
    "sformat": sformat,
    "add": lambda a, b: a + b,
    "decode": lambda b: b.decode("utf-8"),
}


def run(line):
    parts = line.split()
    op, args = parts[0], [dec(t) for t in parts[1:]]
    if op.endswith("@32"):  # only characters Unicode 3.2 already assigned
        op = op[:-3]
        if any(unicodedata.ucd_3_2_0.category(ch) == "Cn" for ch in args[0]):
            return "n"
    try:
        r = OPS[op](*args)
        return r if op == "cmp" else enc(r)
    except Exception as e:  # the exception is the answer
        msg = str(e)
        if isinstance(e, KeyError):
            msg = repr(e.args[0]) if e.args else ""
        name = type(e).__name__
        if isinstance(e, UnicodeDecodeError):  # rcgc reports ValueError
            name = "ValueError"
        return "E%s:%s" % (name, msg.encode("utf-8").hex())


def main():
    with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
        for line in f:
            out.write(run(line.rstrip("\n")) + "\n")


if __name__ == "__main__":
    main()
