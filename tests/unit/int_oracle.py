#!/usr/bin/env python3
"""CPython as the oracle for test_int.c and test_float.c.

Usage: int_oracle.py MODE INPUT OUTPUT

Each input line is a case; the matching output line holds the results of a
fixed list of operations, space-separated tokens in an order the C test
repeats. Ints travel as signed hexadecimal ("-1f"), floats as the 16 hex
digits of their IEEE bits (every nan as "nan"), comparisons as six T/F letters (< <= == != > >=)
and errors as "E:<ExceptionName>".

Modes:
  int    "a b k d": ints a and b (hex), a small count k, a double d (bits)
  float  "x y": two doubles (bits)
  repr   "x": one double (bits)
  parse  "xTEXT" (TEXT: hex-encoded UTF-8): float(text)
  iparse "base xTEXT": int(text, base)
"""

import math
import struct
import sys

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


def bits(x):
    if math.isnan(x):  # sign and payload are invisible in Python
        return "nan"
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def unbits(s):
    return struct.unpack("<d", struct.pack("<Q", int(s, 16)))[0]


def hx(n):
    return format(n, "x")


def cmp6(a, b):
    return "".join("T" if r else "F"
                   for r in (a < b, a <= b, a == b, a != b, a > b, a >= b))


def guard(fn, enc):
    try:
        r = fn()
    except Exception as e:  # the class name is what the C side compares
        return "E:" + type(e).__name__
    if isinstance(r, complex):  # rcgc has no complex: documented ValueError
        return "E:ValueError"
    return enc(r)


def enc_int(r):
    return hx(r)


def enc_float(r):
    return bits(r)


def enc_divmod(r):
    return "%s,%s" % (enc_num(r[0]), enc_num(r[1]))


def enc_num(r):
    return bits(r) if isinstance(r, float) else hx(r)


def int_case(line):
    a_s, b_s, k_s, d_s = line.split()
    a, b, k, d = int(a_s, 16), int(b_s, 16), int(k_s), unbits(d_s)
    e = k % 7
    sh = k % 200
    out = [
        hx(a + b), hx(a - b), hx(a * b),
        guard(lambda: a // b, enc_int),
        guard(lambda: a % b, enc_int),
        guard(lambda: divmod(a, b), enc_divmod),
        guard(lambda: a / b, enc_float),
        cmp6(a, b),
        hx(a & b), hx(a | b), hx(a ^ b),
        hx(a ** e),
        guard(lambda: a ** -(k % 3 + 1), enc_float),
        hx(a << sh), hx(a >> sh), hx(a >> (sh + 1000)),
        hx(-a), hx(abs(a)), hx(~a),
        str(a), format(a, "o"), hash_str(a), str(a.bit_length()),
        "T" if a else "F",
        guard(lambda: float(a), enc_float),
        guard(lambda: a + d, enc_float),
        guard(lambda: d - a, enc_float),
        guard(lambda: a * d, enc_float),
        guard(lambda: a / d, enc_float),
        guard(lambda: d // a, enc_float),
        guard(lambda: a % d, enc_float),
        cmp6(a, d), cmp6(d, a),
        guard(lambda: int(d), enc_int),
        hash_str(d),
    ]
    return " ".join(out)


def hash_str(x):
    if isinstance(x, float) and math.isnan(x):
        return "nan"  # identity hash: not comparable across processes
    return str(hash(x))


def float_case(line):
    x_s, y_s = line.split()
    x, y = unbits(x_s), unbits(y_s)
    out = [
        bits(x + y), bits(x - y), bits(x * y),
        guard(lambda: x / y, enc_float),
        guard(lambda: x // y, enc_float),
        guard(lambda: x % y, enc_float),
        guard(lambda: divmod(x, y), enc_divmod),
        guard(lambda: x ** y, enc_float),
        cmp6(x, y),
        bits(-x), bits(abs(x)),
        hash_str(x),
        guard(lambda: int(x), enc_int),
        "T" if x else "F",
    ]
    return " ".join(out)


def repr_case(line):
    return repr(unbits(line.strip()))


def parse_case(line):
    text = bytes.fromhex(line.strip()[1:]).decode("utf-8")
    return guard(lambda: float(text), enc_float)


def iparse_case(line):
    base_s, text_h = line.split()
    text = bytes.fromhex(text_h[1:]).decode("utf-8")
    return guard(lambda: int(text, int(base_s)), enc_int)


MODES = {"int": int_case, "float": float_case, "repr": repr_case,
         "parse": parse_case, "iparse": iparse_case}


def main():
    mode, src, dst = sys.argv[1:4]
    fn = MODES[mode]
    with open(src) as f, open(dst, "w") as g:
        for line in f:
            g.write(fn(line) + "\n")


if __name__ == "__main__":
    main()
