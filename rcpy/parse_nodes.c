/*
 * parse_nodes.c — making tree nodes, and what the parser asks of them:
 * the context of targets, the names CPython's messages use for kinds of
 * expressions, the first invalid target of an assignment or deletion, and
 * the depth check that keeps the compiler's recursion bounded.
 *
 * Nodes are never changed once another rule may hold them (memoized
 * results are shared between alternatives): rp_set_ctx copies.
 */
#include "parser.h"

#include <string.h>

/* ====================================================================== */
/* Constructors                                                           */
/* ====================================================================== */

rp_expr *rp_mk_expr(rp_parser *p, rp_expr_kind kind, rp_loc loc) {
    rp_expr *e = rp_palloc(p, sizeof *e);
    if (e) {
        e->kind = kind;
        e->loc = loc;
    }
    return e;
}

rp_stmt *rp_mk_stmt(rp_parser *p, rp_stmt_kind kind, rp_loc loc) {
    rp_stmt *s = rp_palloc(p, sizeof *s);
    if (s) {
        s->kind = kind;
        s->loc = loc;
    }
    return s;
}

rp_expr *rp_mk_const(rp_parser *p, rc_object *value, rp_loc loc) {
    if (!rp_pkeep(p, value))
        return NULL;
    rp_expr *e = rp_mk_expr(p, RP_E_CONSTANT, loc);
    if (e)
        e->v.constant.value = value;
    return e;
}

rp_expr *rp_mk_binop(rp_parser *p, rp_expr *a, rc_binop op, rp_expr *b,
                     rp_loc loc) {
    rp_expr *e = rp_mk_expr(p, RP_E_BINOP, loc);
    if (e) {
        e->v.binop.left = a;
        e->v.binop.op = op;
        e->v.binop.right = b;
    }
    return e;
}

rp_expr *rp_mk_seq(rp_parser *p, rp_expr_kind kind, rp_vec *elts, rp_ctx ctx,
                   rp_loc loc) {
    rp_expr *e = rp_mk_expr(p, kind, loc);
    if (!e)
        return NULL;
    if (kind == RP_E_SET) {
        if (!rp_vec_finish(p, elts, &e->v.set.elts))
            return NULL;
        return e;
    }
    e->v.seq.ctx = ctx;
    if (elts && !rp_vec_finish(p, elts, &e->v.seq.elts))
        return NULL;
    return e;
}

rp_expr *rp_mk_tuple1(rp_parser *p, rp_expr *elt, rp_loc loc) {
    rp_vec v = {0};
    if (!rp_vec_push(p, &v, elt))
        return NULL;
    return rp_mk_seq(p, RP_E_TUPLE, &v, RP_LOAD, loc);
}

/* ====================================================================== */
/* Identifiers                                                            */
/* ====================================================================== */

/* The ASCII text NFKC gives for a compatibility character that may stand
 * in an identifier, or NULL: the common cases only (micro sign, ordinal
 * indicators, long s, ligatures, letterlike and mathematical letters and
 * digits, fullwidth forms). Python normalizes identifiers with the whole
 * of NFKC; rcpy has no Unicode database. */
static const char *nfkc_ascii(uint32_t cp, char one[2]) {
    static const struct {
        uint32_t cp;
        const char *to;
    } table[] = {
        {0xAA, "a"},    {0xBA, "o"},    {0x17F, "s"},    {0xFB00, "ff"},
        {0xFB01, "fi"}, {0xFB02, "fl"}, {0xFB03, "ffi"}, {0xFB04, "ffl"},
        {0xFB05, "st"}, {0xFB06, "st"}, {0x2102, "C"},   {0x210A, "g"},
        {0x210B, "H"},  {0x210C, "H"},  {0x210D, "H"},   {0x210E, "h"},
        {0x2110, "I"},  {0x2111, "I"},  {0x2112, "L"},   {0x2113, "l"},
        {0x2115, "N"},  {0x2119, "P"},  {0x211A, "Q"},   {0x211B, "R"},
        {0x211C, "R"},  {0x211D, "R"},  {0x2124, "Z"},   {0x2128, "Z"},
        {0x212C, "B"},  {0x212D, "C"},  {0x212F, "e"},   {0x2130, "E"},
        {0x2131, "F"},  {0x2133, "M"},  {0x2134, "o"},   {0x2139, "i"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].cp == cp)
            return table[i].to;
    one[1] = '\0';
    if (cp >= 0x1D400 && cp <= 0x1D6A3) { /* mathematical Latin letters */
        uint32_t k = (cp - 0x1D400) % 52;
        one[0] = (char)(k < 26 ? 'A' + k : 'a' + k - 26);
        return one;
    }
    if (cp >= 0x1D7CE && cp <= 0x1D7FF) { /* mathematical digits */
        one[0] = (char)('0' + (cp - 0x1D7CE) % 10);
        return one;
    }
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A) || cp == 0xFF3F) { /* fullwidth */
        one[0] = (char)(cp - 0xFF00 + 0x20);
        return one;
    }
    return NULL;
}

/* Decodes one UTF-8 character of valid text; its length in *n. */
static uint32_t utf8_char(const unsigned char *s, size_t *n) {
    if (s[0] < 0x80)
        return *n = 1, s[0];
    if (s[0] < 0xE0)
        return *n = 2, (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    if (s[0] < 0xF0)
        return *n = 3, (uint32_t)(s[0] & 0x0F) << 12 |
                           (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    return *n = 4, (uint32_t)(s[0] & 0x07) << 18 |
                       (uint32_t)(s[1] & 0x3F) << 12 |
                       (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}

/* Copies the identifier into buf (len * 3 + 1 bytes), normalized. */
static size_t normalize(const char *text, size_t len, char *buf) {
    size_t out = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        char one[2];
        uint32_t cp = utf8_char((const unsigned char *)text + i, &n);
        const char *to = cp == 0xB5 ? "\xce\xbc" : nfkc_ascii(cp, one);
        if (to) {
            size_t tl = strlen(to);
            memcpy(buf + out, to, tl);
            out += tl;
        } else {
            memcpy(buf + out, text + i, n);
            out += n;
        }
        i += n;
    }
    buf[out] = '\0';
    return out;
}

rc_object *rp_p_ident(rp_parser *p, const char *text, size_t len) {
    char small[64];
    char *buf = small;
    if (len * 3 + 1 > sizeof small) {
        buf = rp_arena_alloc(p->scratch, len * 3 + 1);
        if (!buf)
            return rp_pnomem(p);
    }
    normalize(text, len, buf);
    return rp_pkeep(p, rc_str_intern(p->rt, buf));
}

rp_arguments *rp_empty_arguments(rp_parser *p) {
    return rp_palloc(p, sizeof(rp_arguments));
}

/* ====================================================================== */
/* Context                                                                */
/* ====================================================================== */

static rp_expr *copy(rp_parser *p, const rp_expr *e) {
    rp_expr *c = rp_palloc(p, sizeof *c);
    if (c)
        *c = *e;
    return c;
}

/* A copy of the elements with context ctx. */
static bool set_ctx_elts(rp_parser *p, rp_expr_seq *elts, rp_ctx ctx) {
    rp_expr **items = NULL;
    if (elts->n) {
        items = rp_palloc(p, elts->n * sizeof *items);
        if (!items)
            return false;
    }
    for (size_t i = 0; i < elts->n; i++)
        if (!(items[i] = rp_set_ctx(p, elts->items[i], ctx)))
            return false;
    elts->items = items;
    return true;
}

rp_expr *rp_set_ctx(rp_parser *p, rp_expr *e, rp_ctx ctx) {
    rp_expr *c = copy(p, e);
    if (!c)
        return NULL;
    switch (e->kind) {
    case RP_E_NAME:
        c->v.name.ctx = ctx;
        break;
    case RP_E_ATTRIBUTE:
        c->v.attribute.ctx = ctx;
        break;
    case RP_E_SUBSCRIPT:
        c->v.subscript.ctx = ctx;
        break;
    case RP_E_STARRED:
        c->v.starred.ctx = ctx;
        if (!(c->v.starred.value = rp_set_ctx(p, e->v.starred.value, ctx)))
            return NULL;
        break;
    case RP_E_TUPLE:
    case RP_E_LIST:
        c->v.seq.ctx = ctx;
        if (!set_ctx_elts(p, &c->v.seq.elts, ctx))
            return NULL;
        break;
    default:
        break;
    }
    return c;
}

/* ====================================================================== */
/* Names for messages                                                     */
/* ====================================================================== */

static const char *constant_name(const rp_expr *e) {
    rc_object *v = e->v.constant.value;
    if (e->v.constant.ellipsis)
        return "ellipsis";
    if (rc_is_none(v))
        return "None";
    if (rc_is_bool(v))
        return rc_int_sign(v) ? "True" : "False";
    return "literal";
}

const char *rp_expr_name(const rp_expr *e) {
    switch (e->kind) {
    case RP_E_ATTRIBUTE:
        return "attribute";
    case RP_E_SUBSCRIPT:
        return "subscript";
    case RP_E_STARRED:
        return "starred";
    case RP_E_NAME:
        return "name";
    case RP_E_LIST:
        return "list";
    case RP_E_TUPLE:
        return "tuple";
    case RP_E_LAMBDA:
        return "lambda";
    case RP_E_CALL:
        return "function call";
    case RP_E_BOOLOP:
    case RP_E_BINOP:
    case RP_E_UNARYOP:
        return "expression";
    case RP_E_GENERATOREXP:
        return "generator expression";
    case RP_E_YIELD:
    case RP_E_YIELDFROM:
        return "yield expression";
    case RP_E_LISTCOMP:
        return "list comprehension";
    case RP_E_SETCOMP:
        return "set comprehension";
    case RP_E_DICTCOMP:
        return "dict comprehension";
    case RP_E_DICT:
        return "dict literal";
    case RP_E_SET:
        return "set display";
    case RP_E_JOINEDSTR:
    case RP_E_FORMATTEDVALUE:
        return "f-string expression";
    case RP_E_CONSTANT:
        return constant_name(e);
    case RP_E_COMPARE:
        return "comparison";
    case RP_E_IFEXP:
        return "conditional expression";
    case RP_E_NAMEDEXPR:
        return "named expression";
    default:
        return "expression";
    }
}

rp_expr *rp_invalid_target(rp_expr *e, rp_targets type) {
    if (!e)
        return NULL;
    switch (e->kind) {
    case RP_E_LIST:
    case RP_E_TUPLE:
        for (size_t i = 0; i < e->v.seq.elts.n; i++) {
            rp_expr *bad = rp_invalid_target(e->v.seq.elts.items[i], type);
            if (bad)
                return bad;
        }
        return NULL;
    case RP_E_STARRED:
        if (type == RP_DEL_TARGETS)
            return e;
        return rp_invalid_target(e->v.starred.value, type);
    case RP_E_COMPARE:
        /* `for a in b`: the target was read as the comparison `a in b` */
        if (type == RP_FOR_TARGETS) {
            if (e->v.compare.ops[0] == RP_CMP_IN)
                return rp_invalid_target(e->v.compare.left, type);
            return NULL;
        }
        return e;
    case RP_E_NAME:
    case RP_E_SUBSCRIPT:
    case RP_E_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

void *rp_perr_invalid_target(rp_parser *p, rp_targets type, rp_expr *e) {
    rp_expr *bad = rp_invalid_target(e, type);
    if (!bad)
        return NULL;
    return rp_perr_loc(p, bad->loc,
                       type == RP_DEL_TARGETS ? "cannot delete %s"
                                              : "cannot assign to %s",
                       rp_expr_name(bad));
}

/* ====================================================================== */
/* Depth                                                                  */
/* ====================================================================== */

/* The deepest tree CPython 3.11 compiles: module, statement and 2992
 * nested operators around a name. */
#define MAX_DEPTH 2995

typedef struct depth_walk {
    bool too_deep;
} depth_walk;

static void walk_expr(depth_walk *w, const rp_expr *e, int d);
static void walk_stmts(depth_walk *w, const rp_stmt_seq *s, int d);

static void walk_exprs(depth_walk *w, const rp_expr_seq *s, int d) {
    for (size_t i = 0; i < s->n && !w->too_deep; i++)
        walk_expr(w, s->items[i], d);
}

static void walk_args(depth_walk *w, const rp_arguments *a, int d) {
    const rp_arg_seq *seqs[] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < seqs[k]->n; i++)
            walk_expr(w, seqs[k]->items[i]->annotation, d);
    if (a->vararg)
        walk_expr(w, a->vararg->annotation, d);
    if (a->kwarg)
        walk_expr(w, a->kwarg->annotation, d);
    walk_exprs(w, &a->kw_defaults, d);
    walk_exprs(w, &a->defaults, d);
}

static void walk_comps(depth_walk *w, const rp_comprehension_seq *g, int d) {
    for (size_t i = 0; i < g->n; i++) {
        walk_expr(w, g->items[i]->target, d);
        walk_expr(w, g->items[i]->iter, d);
        walk_exprs(w, &g->items[i]->ifs, d);
    }
}

static void walk_keywords(depth_walk *w, const rp_keyword_seq *k, int d) {
    for (size_t i = 0; i < k->n; i++)
        walk_expr(w, k->items[i]->value, d);
}

/* The sub-expressions e holds in single fields (up to three). */
static void single_children(const rp_expr *e, const rp_expr *one[3]) {
    switch (e->kind) {
    case RP_E_NAMEDEXPR:
        one[0] = e->v.namedexpr.target, one[1] = e->v.namedexpr.value;
        break;
    case RP_E_BINOP:
        one[0] = e->v.binop.left, one[1] = e->v.binop.right;
        break;
    case RP_E_UNARYOP:
        one[0] = e->v.unaryop.operand;
        break;
    case RP_E_LAMBDA:
        one[0] = e->v.lambda.body;
        break;
    case RP_E_IFEXP:
        one[0] = e->v.ifexp.test, one[1] = e->v.ifexp.body;
        one[2] = e->v.ifexp.orelse;
        break;
    case RP_E_LISTCOMP:
    case RP_E_SETCOMP:
    case RP_E_GENERATOREXP:
        one[0] = e->v.comp.elt;
        break;
    case RP_E_DICTCOMP:
        one[0] = e->v.dictcomp.key, one[1] = e->v.dictcomp.value;
        break;
    case RP_E_YIELD:
        one[0] = e->v.yield.value;
        break;
    case RP_E_YIELDFROM:
        one[0] = e->v.yieldfrom.value;
        break;
    case RP_E_COMPARE:
        one[0] = e->v.compare.left;
        break;
    case RP_E_CALL:
        one[0] = e->v.call.func;
        break;
    case RP_E_FORMATTEDVALUE:
        one[0] = e->v.formattedvalue.value;
        one[1] = e->v.formattedvalue.format_spec;
        break;
    case RP_E_ATTRIBUTE:
        one[0] = e->v.attribute.value;
        break;
    case RP_E_SUBSCRIPT:
        one[0] = e->v.subscript.value, one[1] = e->v.subscript.slice;
        break;
    case RP_E_STARRED:
        one[0] = e->v.starred.value;
        break;
    case RP_E_SLICE:
        one[0] = e->v.slice.lower, one[1] = e->v.slice.upper;
        one[2] = e->v.slice.step;
        break;
    default:
        break;
    }
}

/* The sequences and helper nodes e holds. */
static void walk_expr_parts(depth_walk *w, const rp_expr *e, int d) {
    switch (e->kind) {
    case RP_E_BOOLOP:
        walk_exprs(w, &e->v.boolop.values, d);
        break;
    case RP_E_LAMBDA:
        walk_args(w, e->v.lambda.args, d);
        break;
    case RP_E_DICT:
        walk_exprs(w, &e->v.dict.keys, d);
        walk_exprs(w, &e->v.dict.values, d);
        break;
    case RP_E_SET:
        walk_exprs(w, &e->v.set.elts, d);
        break;
    case RP_E_LISTCOMP:
    case RP_E_SETCOMP:
    case RP_E_GENERATOREXP:
        walk_comps(w, &e->v.comp.generators, d);
        break;
    case RP_E_DICTCOMP:
        walk_comps(w, &e->v.dictcomp.generators, d);
        break;
    case RP_E_COMPARE:
        for (size_t i = 0; i < e->v.compare.n; i++)
            walk_expr(w, e->v.compare.comparators[i], d);
        break;
    case RP_E_CALL:
        walk_exprs(w, &e->v.call.args, d);
        walk_keywords(w, &e->v.call.keywords, d);
        break;
    case RP_E_JOINEDSTR:
        walk_exprs(w, &e->v.joinedstr.values, d);
        break;
    case RP_E_LIST:
    case RP_E_TUPLE:
        walk_exprs(w, &e->v.seq.elts, d);
        break;
    default:
        break;
    }
}

static void walk_expr(depth_walk *w, const rp_expr *e, int d) {
    if (!e || w->too_deep)
        return;
    if (++d > MAX_DEPTH) {
        w->too_deep = true;
        return;
    }
    const rp_expr *one[3] = {NULL, NULL, NULL};
    walk_expr_parts(w, e, d);
    single_children(e, one);
    for (int i = 0; i < 3; i++)
        walk_expr(w, one[i], d);
}

/* The parts of def, class, for, while, if, with and try. */
static void walk_compound(depth_walk *w, const rp_stmt *s, int d) {
    switch (s->kind) {
    case RP_S_FUNCTIONDEF:
        walk_exprs(w, &s->v.functiondef.decorator_list, d);
        walk_args(w, s->v.functiondef.args, d);
        walk_expr(w, s->v.functiondef.returns, d);
        walk_stmts(w, &s->v.functiondef.body, d);
        break;
    case RP_S_CLASSDEF:
        walk_exprs(w, &s->v.classdef.decorator_list, d);
        walk_exprs(w, &s->v.classdef.bases, d);
        walk_keywords(w, &s->v.classdef.keywords, d);
        walk_stmts(w, &s->v.classdef.body, d);
        break;
    case RP_S_FOR:
        walk_expr(w, s->v.for_.target, d);
        walk_expr(w, s->v.for_.iter, d);
        walk_stmts(w, &s->v.for_.body, d);
        walk_stmts(w, &s->v.for_.orelse, d);
        break;
    case RP_S_WHILE:
    case RP_S_IF:
        walk_expr(w, s->v.if_.test, d);
        walk_stmts(w, &s->v.if_.body, d);
        walk_stmts(w, &s->v.if_.orelse, d);
        break;
    case RP_S_WITH:
        for (size_t i = 0; i < s->v.with.items.n; i++) {
            walk_expr(w, s->v.with.items.items[i]->context_expr, d);
            walk_expr(w, s->v.with.items.items[i]->optional_vars, d);
        }
        walk_stmts(w, &s->v.with.body, d);
        break;
    case RP_S_TRY:
        walk_stmts(w, &s->v.try_.body, d);
        for (size_t i = 0; i < s->v.try_.handlers.n; i++) {
            walk_expr(w, s->v.try_.handlers.items[i]->type, d);
            walk_stmts(w, &s->v.try_.handlers.items[i]->body, d + 1);
        }
        walk_stmts(w, &s->v.try_.orelse, d);
        walk_stmts(w, &s->v.try_.finalbody, d);
        break;
    default:
        break;
    }
}

/* The expressions of the simple statements. */
static void walk_simple(depth_walk *w, const rp_stmt *s, int d) {
    const rp_expr *one[3] = {NULL, NULL, NULL};
    switch (s->kind) {
    case RP_S_RETURN:
        one[0] = s->v.return_.value;
        break;
    case RP_S_DELETE:
        walk_exprs(w, &s->v.delete_.targets, d);
        break;
    case RP_S_ASSIGN:
        walk_exprs(w, &s->v.assign.targets, d);
        one[0] = s->v.assign.value;
        break;
    case RP_S_AUGASSIGN:
        one[0] = s->v.augassign.target, one[1] = s->v.augassign.value;
        break;
    case RP_S_ANNASSIGN:
        one[0] = s->v.annassign.target, one[1] = s->v.annassign.annotation;
        one[2] = s->v.annassign.value;
        break;
    case RP_S_RAISE:
        one[0] = s->v.raise.exc, one[1] = s->v.raise.cause;
        break;
    case RP_S_ASSERT:
        one[0] = s->v.assert_.test, one[1] = s->v.assert_.msg;
        break;
    case RP_S_EXPR:
        one[0] = s->v.expr.value;
        break;
    default:
        break;
    }
    for (int i = 0; i < 3; i++)
        walk_expr(w, one[i], d);
}

static void walk_stmt(depth_walk *w, const rp_stmt *s, int d) {
    if (w->too_deep)
        return;
    if (++d > MAX_DEPTH) {
        w->too_deep = true;
        return;
    }
    walk_compound(w, s, d);
    walk_simple(w, s, d);
}

static void walk_stmts(depth_walk *w, const rp_stmt_seq *s, int d) {
    for (size_t i = 0; i < s->n && !w->too_deep; i++)
        walk_stmt(w, s->items[i], d);
}

bool rp_check_depth(rp_parser *p, const rp_mod *mod) {
    depth_walk w = {false};
    if (mod->mode == RP_MODE_EVAL)
        walk_expr(&w, mod->expr, 1);
    else
        walk_stmts(&w, &mod->body, 1);
    if (!w.too_deep)
        return true;
    memset(p->err, 0, sizeof *p->err);
    p->err->kind = RP_SYNTAX_RECURSION;
    snprintf(p->err->msg, sizeof p->err->msg,
             "maximum recursion depth exceeded during compilation");
    p->error = p->err_set = true;
    return false;
}
