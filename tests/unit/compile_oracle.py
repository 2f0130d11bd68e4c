#!/usr/bin/env python3
"""CPython 3.11 as the oracle for test_rcpy_compile.c.

Usage: compile_oracle.py INPUT OUTPUT
       compile_oracle.py --tree DIR OUTPUT

Each input line is a case: a mode letter (e exec, s single, v eval), a
space, then the source as hex-encoded UTF-8. With --tree, the cases are
the .py files below DIR (sorted), each block starting with a line
"file <path>". For each case the output holds a block ending with a line
"=====": either one line

    SyntaxError <msg>|<lineno>|<offset>|<end_lineno>|<end_offset>

or, for every code object (the module's first, then the code objects among
its constants, depth first), the listing test_rcpy_compile.c also prints
for rcpy's code object:

    code <qualname> <name> args=<argc>/<posonly>/<kwonly> flags=<flags>
        first=<firstlineno> stack=<stacksize>
    varnames: ...   cellvars: ...   freevars: ...   names: ...
    consts: <repr> | <repr> ...        (code objects as "code:<qualname>")
    <index> <OPNAME> [<arg>]            (one per instruction)
    exc <start> <end> <target> <depth> <lasti>
    pos <index> <line> <end_line> <col> <end_col>

CPython's listing is translated into rcpy's instruction set (opcode.h):
indices count instructions, not bytes; PRECALL, CACHE, EXTENDED_ARG,
MAKE_CELL, COPY_FREE_VARS and a generator's RETURN_GENERATOR + POP_TOP are
not instructions of rcpy; jump targets are absolute indices; the forward
and backward forms of a jump are one instruction; BINARY_OP and UNARY_OP
take rcgc's operator numbers.

rcpy never evaluates annotations (docs/rcpy.md): when the source
compiles, annotations are taken out of the tree before CPython compiles it
again for the listing (a
parameter's or a return annotation goes, `x: T = v` becomes `x = v` and
`x: T` a statement that compiles to nothing).
"""

import ast
import dis
import os
import sys
import warnings

# CPython's NB_* order -> rcgc's rc_binop
BINOP = [0, 11, 5, 9, 3, 2, 6, 12, 8, 10, 1, 4, 13]
UNARY = {"UNARY_NEGATIVE": 0, "UNARY_POSITIVE": 1, "UNARY_INVERT": 3}
DROP = {"PRECALL", "CACHE", "EXTENDED_ARG", "MAKE_CELL", "COPY_FREE_VARS",
        "RETURN_GENERATOR"}
RENAME = {
    "POP_JUMP_FORWARD_IF_FALSE": "POP_JUMP_IF_FALSE",
    "POP_JUMP_BACKWARD_IF_FALSE": "POP_JUMP_IF_FALSE",
    "POP_JUMP_FORWARD_IF_TRUE": "POP_JUMP_IF_TRUE",
    "POP_JUMP_BACKWARD_IF_TRUE": "POP_JUMP_IF_TRUE",
    "POP_JUMP_FORWARD_IF_NONE": "POP_JUMP_IF_NONE",
    "POP_JUMP_BACKWARD_IF_NONE": "POP_JUMP_IF_NONE",
    "POP_JUMP_FORWARD_IF_NOT_NONE": "POP_JUMP_IF_NOT_NONE",
    "POP_JUMP_BACKWARD_IF_NOT_NONE": "POP_JUMP_IF_NOT_NONE",
    "JUMP_BACKWARD_NO_INTERRUPT": "JUMP_BACKWARD",
}
NO_ARG = {"NOP", "POP_TOP", "PUSH_NULL", "BINARY_SUBSCR", "STORE_SUBSCR",
          "DELETE_SUBSCR", "UNARY_NOT", "LIST_TO_TUPLE", "GET_ITER",
          "RETURN_VALUE", "LOAD_BUILD_CLASS", "YIELD_VALUE",
          "GET_YIELD_FROM_ITER", "PUSH_EXC_INFO", "POP_EXCEPT",
          "CHECK_EXC_MATCH", "LOAD_ASSERTION_ERROR", "BEFORE_WITH",
          "WITH_EXCEPT_START", "IMPORT_STAR", "PRINT_EXPR"}


def kept(co):
    """(offset, name, arg) of rcpy's instructions, and offset -> index."""
    out = []
    ins = list(dis.get_instructions(co))
    skip_pop = False
    for i in ins:
        if i.opname == "RETURN_GENERATOR":
            skip_pop = True
            continue
        if skip_pop and i.opname == "POP_TOP":
            skip_pop = False
            continue
        if i.opname in DROP:
            continue
        out.append(i)
    index = {}
    k = 0
    for off in range(0, len(co.co_code), 2):
        while k < len(out) and out[k].offset < off:
            k += 1
        index[off] = k
    index[len(co.co_code)] = len(out)
    return out, index


def const_repr(c):
    if hasattr(c, "co_code"):
        return "code:" + c.co_qualname
    if isinstance(c, frozenset):  # str hashes, and so orders, differ
        return "frozenset(%s)" % ", ".join(sorted(repr(x) for x in c))
    return repr(c)


def translate(i, index):
    name = RENAME.get(i.opname, i.opname)
    arg = i.arg
    if name in UNARY:
        return "UNARY_OP", UNARY[name]
    if name == "BINARY_OP":
        arg = BINOP[arg] if arg < 13 else 16 + BINOP[arg - 13]
    elif i.opcode in dis.hasjrel or i.opcode in dis.hasjabs:
        arg = index[i.argval]
    if name == "JUMP_FORWARD" or name == "JUMP_BACKWARD":
        name = "JUMP_FORWARD" if arg > index[i.offset] else "JUMP_BACKWARD"
    if name in NO_ARG:
        arg = None
    return name, arg


def exc_entries(co, index):
    merged = []
    for e in dis._parse_exception_table(co):
        entry = [index[e.start], index[e.end], index[e.target], e.depth,
                 int(e.lasti)]
        if entry[0] == entry[1]:
            continue
        if merged and merged[-1][1] == entry[0] and merged[-1][2:] == entry[2:]:
            merged[-1][1] = entry[1]
        else:
            merged.append(entry)
    return merged


def dump(co, lines):
    ins, index = kept(co)
    lines.append("code %s %s args=%d/%d/%d flags=%d first=%d stack=%d" % (
        co.co_qualname, co.co_name, co.co_argcount, co.co_posonlyargcount,
        co.co_kwonlyargcount, co.co_flags & 0x3F, co.co_firstlineno,
        co.co_stacksize))
    lines.append("varnames: " + " ".join(co.co_varnames))
    lines.append("cellvars: " + " ".join(co.co_cellvars))
    lines.append("freevars: " + " ".join(co.co_freevars))
    lines.append("names: " + " ".join(co.co_names))
    lines.append("consts: " + " | ".join(const_repr(c) for c in co.co_consts))
    positions = list(co.co_positions())
    for k, i in enumerate(ins):
        name, arg = translate(i, index)
        lines.append("%d %s%s" % (k, name, "" if arg is None else " %d" % arg))
    for e in exc_entries(co, index):
        lines.append("exc %d %d %d %d %d" % tuple(e))
    for k, i in enumerate(ins):
        p = positions[i.offset // 2]
        lines.append("pos %d %s" % (k, " ".join(
            "-1" if v is None else str(v) for v in p)))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            dump(c, lines)


class StripAnnotations(ast.NodeTransformer):
    """What rcpy compiles: the program without its annotations."""

    def __init__(self):
        self.in_function = False

    def visit_arg(self, node):
        node.annotation = None
        return node

    def visit_FunctionDef(self, node):
        node.returns = None
        outer, self.in_function = self.in_function, True
        self.generic_visit(node)
        self.in_function = outer
        return node

    def visit_Lambda(self, node):
        outer, self.in_function = self.in_function, True
        self.generic_visit(node)
        self.in_function = outer
        return node

    def visit_ClassDef(self, node):
        outer, self.in_function = self.in_function, False
        self.generic_visit(node)
        self.in_function = outer
        return node

    def visit_AnnAssign(self, node):
        if node.value is not None:
            if isinstance(node.target, ast.Name):
                new = ast.Assign(targets=[node.target], value=node.value)
                return ast.copy_location(new, node)
            return node  # rcpy evaluates the parts as CPython does
        if isinstance(node.target, ast.Name) and not self.in_function:
            # rcpy keeps the line with a NOP, where CPython stores the
            # annotation
            return ast.copy_location(ast.Pass(), node)
        return node


def listing(src, mode, strip):
    lines = []
    try:
        code = compile(src, "t.py", mode)  # errors as the source has them
        if strip:
            tree = StripAnnotations().visit(ast.parse(src, "t.py", mode))
            code = compile(tree, "t.py", mode)
        dump(code, lines)
    except SyntaxError as e:
        lines = ["SyntaxError %s|%s|%s|%s|%s" % (
            e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)]
    except (ValueError, RecursionError) as e:
        lines = ["%s %s" % (type(e).__name__, e)]
    return "\n".join(lines) + "\n=====\n"


def tree(top, outpath):
    paths = []
    for d, _, files in os.walk(top):
        paths += [os.path.join(d, f) for f in files if f.endswith(".py")]
    with open(outpath, "w") as out:
        for path in sorted(paths):
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                src = f.read()
            out.write("file %s\n" % path + listing(src, "exec", True))


def main():
    warnings.simplefilter("ignore")
    if sys.argv[1] == "--tree":
        tree(sys.argv[2], sys.argv[3])
        return
    mode_of = {"e": "exec", "s": "single", "v": "eval"}
    with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
        for line in f:
            mode, _, text = line.strip().partition(" ")
            src = bytes.fromhex(text).decode()
            out.write(listing(src, mode_of[mode], True))


main()
