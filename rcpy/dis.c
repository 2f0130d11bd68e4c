/*
 * dis.c — a listing of a code object in the style of Python's dis module:
 * one line per instruction (line number where a line starts, ">>" at jump
 * targets, index, name, argument and what it means), then the exception
 * table, then the code objects among the constants, recursively. The
 * compiler's tests read it; people debugging the VM read it too.
 */
#include "compile.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct strbuf {
    rc_runtime *rt;
    char *p;
    size_t n, cap;
    bool failed;
} strbuf;

static void put(strbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void put(strbuf *b, const char *fmt, ...) {
    if (b->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(b->p ? b->p + b->n : NULL, b->p ? b->cap - b->n : 0,
                          fmt, ap);
        va_end(ap);
        if (k < 0) {
            b->failed = true;
            return;
        }
        if (b->p && b->n + (size_t)k < b->cap) {
            b->n += (size_t)k;
            return;
        }
        size_t cap = (b->cap ? b->cap : 256) * 2 + (size_t)k;
        char *q = rc_realloc(b->rt, b->p, b->cap, cap);
        if (!q) {
            b->failed = true;
            return;
        }
        b->p = q;
        b->cap = cap;
    }
}

static void put_repr(strbuf *b, rc_object *o) {
    rc_object *r = rc_repr(o);
    if (!r) {
        b->failed = true;
        return;
    }
    put(b, "%s", rc_str_utf8(r));
    rc_decref(r);
}

static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const binop_names[] = {"+",  "-", "*",      "@",  "/",
                                          "//", "%", "divmod", "**", "<<",
                                          ">>", "&", "|",      "^"};
static const char *const unop_names[] = {"-", "+", "abs", "~"};

/* Which table an opcode's argument indexes. */
enum { ARG_PLAIN, ARG_NAME, ARG_GLOBAL, ARG_SLOT, ARG_CONST };

static int arg_table(unsigned op) {
    switch (op) {
    case RP_LOAD_CONST:
    case RP_KW_NAMES:
        return ARG_CONST;
    case RP_LOAD_GLOBAL:
        return ARG_GLOBAL;
    case RP_LOAD_FAST:
    case RP_STORE_FAST:
    case RP_DELETE_FAST:
    case RP_LOAD_DEREF:
    case RP_STORE_DEREF:
    case RP_DELETE_DEREF:
    case RP_LOAD_CLOSURE:
    case RP_LOAD_CLASSDEREF:
        return ARG_SLOT;
    case RP_LOAD_NAME:
    case RP_STORE_NAME:
    case RP_DELETE_NAME:
    case RP_STORE_GLOBAL:
    case RP_DELETE_GLOBAL:
    case RP_LOAD_ATTR:
    case RP_LOAD_METHOD:
    case RP_STORE_ATTR:
    case RP_DELETE_ATTR:
    case RP_IMPORT_NAME:
    case RP_IMPORT_FROM:
        return ARG_NAME;
    default:
        return ARG_PLAIN;
    }
}

static void put_table_arg(strbuf *b, const rp_code *co, int table,
                          uint32_t arg) {
    switch (table) {
    case ARG_CONST:
        put(b, " (");
        put_repr(b, rc_tuple_get(co->consts, arg));
        put(b, ")");
        return;
    case ARG_GLOBAL:
        put(b, " (%s%s)", arg & 1 ? "NULL + " : "",
            rc_str_utf8(rc_tuple_get(co->names, arg >> 1)));
        return;
    case ARG_SLOT:
        if (arg < co->nlocalsplus)
            put(b, " (%s)",
                rc_str_utf8(rc_tuple_get(co->localsplusnames, arg)));
        return;
    default:
        if (arg < rc_tuple_size(co->names))
            put(b, " (%s)", rc_str_utf8(rc_tuple_get(co->names, arg)));
        return;
    }
}

static void put_arg(strbuf *b, const rp_code *co, unsigned op, uint32_t arg) {
    int table = arg_table(op);
    if (table != ARG_PLAIN) {
        put_table_arg(b, co, table, arg);
        return;
    }
    switch (op) {
    case RP_COMPARE_OP:
        put(b, " (%s)", arg < 6 ? cmp_names[arg] : "?");
        return;
    case RP_BINARY_OP:
        put(b, " (%s%s)", binop_names[(arg & 15) % 14], arg >= 16 ? "=" : "");
        return;
    case RP_UNARY_OP:
        put(b, " (%s)", unop_names[arg & 3]);
        return;
    case RP_FORMAT_VALUE: {
        static const char *const conv[] = {"", "str", "repr", "ascii"};
        put(b, " (%s%s%s)", conv[arg & 3], (arg & 3) && (arg & 4) ? ", " : "",
            arg & 4 ? "with format" : "");
        return;
    }
    default:
        if (rp_opcode_is_jump(op))
            put(b, " (to %u)", arg);
        return;
    }
}

static bool is_target(const rp_code *co, uint32_t i) {
    for (uint32_t k = 0; k < co->ninstrs; k++) {
        unsigned op = RP_OPCODE(co->instrs[k]);
        if (rp_opcode_is_jump(op) && RP_OPARG(co->instrs[k]) == i)
            return true;
    }
    for (uint32_t k = 0; k < co->nhandlers; k++)
        if (co->handlers[k].target == i)
            return true;
    return false;
}

static void put_code(strbuf *b, const rp_code *co) {
    int line = -2;
    for (uint32_t i = 0; i < co->ninstrs; i++) {
        unsigned op = RP_OPCODE(co->instrs[i]);
        uint32_t arg = RP_OPARG(co->instrs[i]);
        int l = co->positions[i].line;
        if (l != line && l >= 0) {
            put(b, "%s%4d", i ? "\n" : "", l);
            line = l;
        } else {
            put(b, "    ");
        }
        put(b, "    %s %5u ", is_target(co, i) ? ">>" : "  ", i);
        if (rp_opcode_has_arg(op) || arg) {
            put(b, "%-24s %5u", rp_opcode_name(op), arg);
            put_arg(b, co, op, arg);
        } else {
            put(b, "%s", rp_opcode_name(op));
        }
        put(b, "\n");
    }
    if (co->nhandlers)
        put(b, "ExceptionTable:\n");
    for (uint32_t k = 0; k < co->nhandlers; k++) {
        const rp_exc_entry *h = &co->handlers[k];
        put(b, "  %u to %u -> %u [%u]%s\n", h->start, h->end - 1, h->target,
            (unsigned)h->depth, h->lasti ? " lasti" : "");
    }
}

static void put_nested(strbuf *b, const rp_code *co) {
    put_code(b, co);
    for (size_t i = 0; i < rc_tuple_size(co->consts); i++) {
        rc_object *k = rc_tuple_get(co->consts, i);
        if (k->type != &rp_code_type)
            continue;
        put(b, "\nDisassembly of ");
        put_repr(b, k);
        put(b, ":\n");
        put_nested(b, (const rp_code *)k);
    }
}

rc_object *rp_code_disassemble(rp_interp *ip, const rp_code *co) {
    strbuf b = {ip->rt, NULL, 0, 0, false};
    put_nested(&b, co);
    rc_object *r = b.failed ? NULL : rc_str_from_utf8(ip->rt, b.p, b.n);
    rc_free(ip->rt, b.p, b.cap);
    if (b.failed && rc_last_error(ip->rt) == RC_OK)
        rc_set_error(ip->rt, RC_ENOMEM, "out of memory");
    return r;
}
