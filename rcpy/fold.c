/*
 * fold.c — constant folding, as CPython 3.11's AST optimizer does it
 * (Python/ast_opt.c), recorded beside the tree instead of in it.
 *
 * The tree belongs to the caller, so a folded node is not rewritten: the
 * fold map records the constant it stands for, and the code generator asks
 * the map before compiling a node. Folding is bottom-up, so a node whose
 * operands fold may fold in turn: -1 ** 2, (1, (2, -3)), 2 ** 10 * 3,
 * "ab" + "c", "abc"[1], __debug__. CPython's size limits apply (ints of at
 * most 128 bits, strings of 4096 characters, 256 items per collection),
 * and an operation that fails (1 / 0) is simply left for run time. A list
 * or set literal that is iterated over or tested with `in` becomes a tuple
 * or frozenset; a list that cannot be a constant is marked to be built as
 * a tuple (map value NULL).
 */
#include "compile.h"

#include <string.h>

#define MAX_INT_SIZE        128  /* bits */
#define MAX_COLLECTION_SIZE 256  /* items */
#define MAX_STR_SIZE        4096 /* characters */
#define MAX_TOTAL_ITEMS     1024 /* nested collections included */

/* ====================================================================== */
/* The map                                                                */
/* ====================================================================== */

static uint32_t ptr_hash(const void *p) {
    uintptr_t v = (uintptr_t)p >> 4;
    return (uint32_t)(v ^ (v >> 17)) * 2654435761u;
}

static struct rp_fold_entry *map_find(const rp_foldmap *m, const rp_expr *e) {
    uint32_t i = ptr_hash(e) & m->mask;
    while (m->slots[i].node && m->slots[i].node != e)
        i = (i + 1) & m->mask;
    return &m->slots[i];
}

int rp_foldmap_get(const rp_foldmap *m, const rp_expr *e, rc_object **value) {
    if (!m->slots)
        return 0;
    struct rp_fold_entry *s = map_find(m, e);
    if (!s->node)
        return 0;
    *value = s->value;
    return 1;
}

static int map_grow(rp_foldmap *m) {
    uint32_t old = m->slots ? m->mask + 1 : 0, size = old ? old * 2 : 64;
    struct rp_fold_entry *slots = rc_malloc(m->rt, size * sizeof *slots);
    if (!slots)
        return -1;
    memset(slots, 0, size * sizeof *slots);
    struct rp_fold_entry *prev = m->slots;
    m->slots = slots;
    m->mask = size - 1;
    for (uint32_t i = 0; i < old; i++)
        if (prev[i].node)
            *map_find(m, prev[i].node) = prev[i];
    rc_free(m->rt, prev, old * sizeof *prev);
    return 0;
}

/* Records that e stands for value (stolen; NULL: list built as tuple). */
static int map_put(rp_foldmap *m, const rp_expr *e, rc_object *value) {
    if ((!m->slots || (m->n + 1) * 2 > m->mask + 1) && map_grow(m) < 0) {
        rc_xdecref(value);
        return -1;
    }
    struct rp_fold_entry *s = map_find(m, e);
    if (s->node) {
        rc_xdecref(s->value);
    } else {
        s->node = e;
        m->n++;
    }
    s->value = value;
    return 0;
}

void rp_foldmap_free(rp_foldmap *m) {
    if (m->slots) {
        for (uint32_t i = 0; i <= m->mask; i++)
            rc_xdecref(m->slots[i].value);
        rc_free(m->rt, m->slots, (m->mask + 1) * sizeof *m->slots);
    }
    m->slots = NULL;
    m->mask = m->n = 0;
}

/* ====================================================================== */
/* Safe operations (CPython's safe_multiply, safe_power ...)              */
/* ====================================================================== */

static rc_object *constant_of(rp_compiler *c, const rp_expr *e) {
    return rp_expr_constant(c, e);
}

static bool is_nonzero_int(rc_object *o) {
    return rc_is_int(o) && rc_int_sign(o) != 0;
}

static ptrdiff_t complexity(rc_object *o, ptrdiff_t limit) {
    if (rc_is_tuple(o)) {
        size_t n = rc_tuple_size(o);
        limit -= (ptrdiff_t)n;
        for (size_t i = 0; limit >= 0 && i < n; i++)
            limit = complexity(rc_tuple_get(o, i), limit);
    } else if (rc_is_frozenset(o)) {
        limit -= (ptrdiff_t)rc_set_size(o);
        size_t pos = 0;
        rc_object *item;
        while (limit >= 0 && rc_set_next(o, &pos, &item))
            limit = complexity(item, limit);
    }
    return limit;
}

/* n * seq stays within the limits? */
static bool repeat_ok(rc_object *n, rc_object *seq) {
    int64_t k;
    if (rc_is_tuple(seq) || rc_is_frozenset(seq)) {
        size_t size = rc_is_tuple(seq) ? rc_tuple_size(seq) : rc_set_size(seq);
        if (!size)
            return true;
        if (rc_int_to_i64(n, &k) < 0 || k < 0 ||
            k > (int64_t)(MAX_COLLECTION_SIZE / size))
            return false;
        return k == 0 || complexity(seq, MAX_TOTAL_ITEMS / k) >= 0;
    }
    size_t len = rc_str_length(seq);
    if (!len)
        return true;
    return rc_int_to_i64(n, &k) == 0 && k >= 0 &&
           k <= (int64_t)(MAX_STR_SIZE / len);
}

static bool multiply_ok(rc_object *v, rc_object *w) {
    if (is_nonzero_int(v) && is_nonzero_int(w))
        return rc_int_bit_length(v) + rc_int_bit_length(w) <= MAX_INT_SIZE;
    if (rc_is_int(v) && (rc_is_tuple(w) || rc_is_frozenset(w) || rc_is_str(w)))
        return repeat_ok(v, w);
    if (rc_is_int(w) && (rc_is_tuple(v) || rc_is_frozenset(v) || rc_is_str(v)))
        return repeat_ok(w, v);
    return true;
}

/* The exponent or shift count as a size, or false when negative/huge. */
static bool as_size(rc_object *w, size_t *out) {
    int64_t k;
    if (rc_int_to_i64(w, &k) < 0) {
        rc_clear_error(rc_runtime_of(w));
        return false;
    }
    if (k < 0)
        return false;
    *out = (size_t)k;
    return true;
}

static bool binop_ok(rc_binop op, rc_object *v, rc_object *w) {
    size_t k;
    switch (op) {
    case RC_OP_MUL:
        return multiply_ok(v, w);
    case RC_OP_POW:
        if (is_nonzero_int(v) && rc_is_int(w) && rc_int_sign(w) > 0)
            return as_size(w, &k) && rc_int_bit_length(v) <= MAX_INT_SIZE / k;
        return true;
    case RC_OP_LSHIFT:
        if (is_nonzero_int(v) && is_nonzero_int(w))
            return as_size(w, &k) && k <= MAX_INT_SIZE &&
                   rc_int_bit_length(v) <= MAX_INT_SIZE - k;
        return true;
    case RC_OP_MOD:
        return !rc_is_str(v);
    case RC_OP_MATMUL:
    case RC_OP_DIVMOD:
        return false;
    default:
        return true;
    }
}

/* A value computed at compile time, or NULL when the operation failed or
 * is refused (the error, if any, is dropped). */
static rc_object *settle(rc_runtime *rt, rc_object *r) {
    if (!r)
        rc_clear_error(rt);
    return r;
}

/* ====================================================================== */
/* Folding nodes                                                          */
/* ====================================================================== */

static int fold_expr(rp_compiler *c, const rp_expr *e);

static int fold_exprs(rp_compiler *c, const rp_expr_seq *seq) {
    for (size_t i = 0; i < seq->n; i++)
        if (seq->items[i] && fold_expr(c, seq->items[i]) < 0)
            return -1;
    return 0;
}

static bool has_starred(const rp_expr_seq *elts) {
    for (size_t i = 0; i < elts->n; i++)
        if (elts->items[i]->kind == RP_E_STARRED)
            return true;
    return false;
}

/* A tuple of the elements' constants, or NULL (none made) when one is not
 * constant. */
static rc_object *const_tuple(rp_compiler *c, const rp_expr_seq *elts,
                              bool *failed) {
    *failed = false;
    for (size_t i = 0; i < elts->n; i++)
        if (!constant_of(c, elts->items[i]))
            return NULL;
    rc_object *t = rc_tuple_new(c->rt, elts->n);
    if (!t) {
        *failed = true;
        return NULL;
    }
    for (size_t i = 0; i < elts->n; i++) {
        rc_object *v = constant_of(c, elts->items[i]);
        rc_incref(v);
        rc_tuple_init_item(t, i, v);
    }
    return t;
}

static int fold_binop(rp_compiler *c, const rp_expr *e) {
    rc_object *v = constant_of(c, e->v.binop.left);
    rc_object *w = constant_of(c, e->v.binop.right);
    if (!v || !w || !binop_ok(e->v.binop.op, v, w))
        return 0;
    rc_object *r = settle(c->rt, rc_number_binop(v, w, e->v.binop.op));
    return r ? map_put(&c->fold, e, r) : 0;
}

static int fold_unaryop(rp_compiler *c, const rp_expr *e) {
    rc_object *v = constant_of(c, e->v.unaryop.operand);
    if (!v)
        return 0;
    rc_object *r;
    switch (e->v.unaryop.op) {
    case RP_NOT: {
        int t = rc_truth(v);
        r = t < 0 ? settle(c->rt, NULL) : rc_bool_from(c->rt, t == 0);
        break;
    }
    case RP_INVERT:
        r = settle(c->rt, rc_number_unop(v, RC_OP_INVERT));
        break;
    case RP_UADD:
        r = settle(c->rt, rc_number_unop(v, RC_OP_POS));
        break;
    default:
        r = settle(c->rt, rc_number_unop(v, RC_OP_NEG));
        break;
    }
    return r ? map_put(&c->fold, e, r) : 0;
}

static int fold_tuple(rp_compiler *c, const rp_expr *e) {
    if (e->v.seq.ctx != RP_LOAD || has_starred(&e->v.seq.elts))
        return 0;
    bool failed;
    rc_object *t = const_tuple(c, &e->v.seq.elts, &failed);
    if (failed)
        return -1;
    return t ? map_put(&c->fold, e, t) : 0;
}

static int fold_subscript(rp_compiler *c, const rp_expr *e) {
    if (e->v.subscript.ctx != RP_LOAD)
        return 0;
    rc_object *v = constant_of(c, e->v.subscript.value);
    rc_object *k = constant_of(c, e->v.subscript.slice);
    if (!v || !k)
        return 0;
    rc_object *r = settle(c->rt, rc_getitem(v, k));
    return r ? map_put(&c->fold, e, r) : 0;
}

/* An iterated list becomes a tuple, an iterated set a frozenset
 * (CPython's fold_iter). */
static int fold_iter(rp_compiler *c, const rp_expr *e) {
    if (e->kind != RP_E_LIST && e->kind != RP_E_SET)
        return 0;
    const rp_expr_seq *elts =
        e->kind == RP_E_LIST ? &e->v.seq.elts : &e->v.set.elts;
    if (has_starred(elts))
        return 0;
    bool failed;
    rc_object *t = const_tuple(c, elts, &failed);
    if (failed)
        return -1;
    if (e->kind == RP_E_LIST)
        return map_put(&c->fold, e, t);
    if (!t)
        return 0;
    rc_object *fs = rc_frozenset_new(c->rt, t);
    rc_decref(t);
    return fs ? map_put(&c->fold, e, fs) : -1;
}

static int fold_compare(rp_compiler *c, const rp_expr *e) {
    if (fold_expr(c, e->v.compare.left) < 0)
        return -1;
    for (size_t i = 0; i < e->v.compare.n; i++)
        if (fold_expr(c, e->v.compare.comparators[i]) < 0)
            return -1;
    size_t last = e->v.compare.n - 1;
    rp_cmpop op = e->v.compare.ops[last];
    if (op == RP_CMP_IN || op == RP_CMP_NOTIN)
        return fold_iter(c, e->v.compare.comparators[last]);
    return 0;
}

static int fold_generators(rp_compiler *c, const rp_comprehension_seq *gens) {
    for (size_t i = 0; i < gens->n; i++) {
        const rp_comprehension *g = gens->items[i];
        if (fold_expr(c, g->target) < 0 || fold_expr(c, g->iter) < 0 ||
            fold_iter(c, g->iter) < 0 || fold_exprs(c, &g->ifs) < 0)
            return -1;
    }
    return 0;
}

static int fold_optional(rp_compiler *c, const rp_expr *a, const rp_expr *b,
                         const rp_expr *d) {
    if (a && fold_expr(c, a) < 0)
        return -1;
    if (b && fold_expr(c, b) < 0)
        return -1;
    return d ? fold_expr(c, d) : 0;
}

static int fold_arguments(rp_compiler *c, const rp_arguments *a) {
    if (fold_exprs(c, &a->defaults) < 0)
        return -1;
    return fold_exprs(c, &a->kw_defaults);
}

static int fold_call(rp_compiler *c, const rp_expr *e) {
    if (fold_expr(c, e->v.call.func) < 0 || fold_exprs(c, &e->v.call.args) < 0)
        return -1;
    for (size_t i = 0; i < e->v.call.keywords.n; i++)
        if (fold_expr(c, e->v.call.keywords.items[i]->value) < 0)
            return -1;
    return 0;
}

static int fold_name(rp_compiler *c, const rp_expr *e) {
    if (e->v.name.ctx == RP_LOAD &&
        strcmp(rc_str_utf8(e->v.name.id), "__debug__") == 0)
        return map_put(&c->fold, e, rc_true(c->rt));
    return 0;
}

static int fold_comprehension(rp_compiler *c, const rp_expr *e) {
    if (e->kind == RP_E_DICTCOMP)
        return fold_optional(c, e->v.dictcomp.key, e->v.dictcomp.value, NULL) <
                       0
                   ? -1
                   : fold_generators(c, &e->v.dictcomp.generators);
    return fold_expr(c, e->v.comp.elt) < 0
               ? -1
               : fold_generators(c, &e->v.comp.generators);
}

static int fold_children(rp_compiler *c, const rp_expr *e) {
    switch (e->kind) {
    case RP_E_BOOLOP:
        return fold_exprs(c, &e->v.boolop.values);
    case RP_E_NAMEDEXPR:
        return fold_expr(c, e->v.namedexpr.value);
    case RP_E_BINOP:
        return fold_optional(c, e->v.binop.left, e->v.binop.right, NULL);
    case RP_E_UNARYOP:
        return fold_expr(c, e->v.unaryop.operand);
    case RP_E_LAMBDA:
        return fold_arguments(c, e->v.lambda.args) < 0
                   ? -1
                   : fold_expr(c, e->v.lambda.body);
    case RP_E_IFEXP:
        return fold_optional(c, e->v.ifexp.test, e->v.ifexp.body,
                             e->v.ifexp.orelse);
    case RP_E_DICT:
        return fold_exprs(c, &e->v.dict.keys) < 0
                   ? -1
                   : fold_exprs(c, &e->v.dict.values);
    case RP_E_SET:
        return fold_exprs(c, &e->v.set.elts);
    case RP_E_LISTCOMP:
    case RP_E_SETCOMP:
    case RP_E_GENERATOREXP:
    case RP_E_DICTCOMP:
        return fold_comprehension(c, e);
    case RP_E_YIELD:
        return fold_optional(c, e->v.yield.value, NULL, NULL);
    case RP_E_YIELDFROM:
        return fold_expr(c, e->v.yieldfrom.value);
    case RP_E_CALL:
        return fold_call(c, e);
    case RP_E_FORMATTEDVALUE:
        return fold_optional(c, e->v.formattedvalue.value,
                             e->v.formattedvalue.format_spec, NULL);
    case RP_E_JOINEDSTR:
        return fold_exprs(c, &e->v.joinedstr.values);
    case RP_E_ATTRIBUTE:
        return fold_expr(c, e->v.attribute.value);
    case RP_E_SUBSCRIPT:
        return fold_optional(c, e->v.subscript.value, e->v.subscript.slice,
                             NULL);
    case RP_E_STARRED:
        return fold_expr(c, e->v.starred.value);
    case RP_E_LIST:
    case RP_E_TUPLE:
        return fold_exprs(c, &e->v.seq.elts);
    case RP_E_SLICE:
        return fold_optional(c, e->v.slice.lower, e->v.slice.upper,
                             e->v.slice.step);
    default: /* constants, names, comparisons (fold_compare) */
        return 0;
    }
}

static int fold_node(rp_compiler *c, const rp_expr *e) {
    switch (e->kind) {
    case RP_E_BINOP:
        return fold_binop(c, e);
    case RP_E_UNARYOP:
        return fold_unaryop(c, e);
    case RP_E_TUPLE:
        return fold_tuple(c, e);
    case RP_E_SUBSCRIPT:
        return fold_subscript(c, e);
    case RP_E_NAME:
        return fold_name(c, e);
    default:
        return 0;
    }
}

static int fold_expr(rp_compiler *c, const rp_expr *e) {
    if (++c->depth > RP_COMPILE_MAX_DEPTH)
        return rp_compiler_too_deep(c);
    int r;
    if (e->kind == RP_E_COMPARE)
        r = fold_compare(c, e);
    else
        r = fold_children(c, e) < 0 ? -1 : fold_node(c, e);
    c->depth--;
    return r;
}

/* ====================================================================== */
/* Statements                                                             */
/* ====================================================================== */

static int fold_stmts(rp_compiler *c, const rp_stmt_seq *seq);

/* A body whose first statement only became a str by folding ("a" + "b")
 * has no docstring: CPython wraps the value in an f-string to keep it
 * from being one, so the statement is evaluated, not a NOP. The map
 * records the statement (under its own address, with no value). */
static int fold_body(rp_compiler *c, const rp_stmt_seq *body) {
    if (fold_stmts(c, body) < 0)
        return -1;
    if (!body->n || body->items[0]->kind != RP_S_EXPR)
        return 0;
    const rp_expr *v = body->items[0]->v.expr.value;
    rc_object *k = v->kind == RP_E_CONSTANT ? NULL : constant_of(c, v);
    if (!k || !rc_is_str(k))
        return 0;
    return map_put(&c->fold, (const rp_expr *)(const void *)body->items[0],
                   NULL);
}

static int fold_defs(rp_compiler *c, const rp_stmt *s) {
    if (s->kind == RP_S_FUNCTIONDEF)
        return fold_exprs(c, &s->v.functiondef.decorator_list) < 0 ||
                       fold_arguments(c, s->v.functiondef.args) < 0
                   ? -1
                   : fold_body(c, &s->v.functiondef.body);
    if (fold_exprs(c, &s->v.classdef.decorator_list) < 0 ||
        fold_exprs(c, &s->v.classdef.bases) < 0)
        return -1;
    for (size_t i = 0; i < s->v.classdef.keywords.n; i++)
        if (fold_expr(c, s->v.classdef.keywords.items[i]->value) < 0)
            return -1;
    return fold_body(c, &s->v.classdef.body);
}

static int fold_try(rp_compiler *c, const rp_stmt *s) {
    if (fold_stmts(c, &s->v.try_.body) < 0)
        return -1;
    for (size_t i = 0; i < s->v.try_.handlers.n; i++) {
        const rp_excepthandler *h = s->v.try_.handlers.items[i];
        if ((h->type && fold_expr(c, h->type) < 0) ||
            fold_stmts(c, &h->body) < 0)
            return -1;
    }
    if (fold_stmts(c, &s->v.try_.orelse) < 0)
        return -1;
    return fold_stmts(c, &s->v.try_.finalbody);
}

static int fold_with(rp_compiler *c, const rp_stmt *s) {
    for (size_t i = 0; i < s->v.with.items.n; i++) {
        const rp_withitem *w = s->v.with.items.items[i];
        if (fold_optional(c, w->context_expr, w->optional_vars, NULL) < 0)
            return -1;
    }
    return fold_stmts(c, &s->v.with.body);
}

static int fold_blocks(rp_compiler *c, const rp_stmt *s) {
    switch (s->kind) {
    case RP_S_FOR:
        if (fold_expr(c, s->v.for_.target) < 0 ||
            fold_expr(c, s->v.for_.iter) < 0 ||
            fold_iter(c, s->v.for_.iter) < 0 ||
            fold_stmts(c, &s->v.for_.body) < 0)
            return -1;
        return fold_stmts(c, &s->v.for_.orelse);
    case RP_S_WHILE:
        if (fold_expr(c, s->v.while_.test) < 0 ||
            fold_stmts(c, &s->v.while_.body) < 0)
            return -1;
        return fold_stmts(c, &s->v.while_.orelse);
    case RP_S_IF:
        if (fold_expr(c, s->v.if_.test) < 0 ||
            fold_stmts(c, &s->v.if_.body) < 0)
            return -1;
        return fold_stmts(c, &s->v.if_.orelse);
    case RP_S_WITH:
        return fold_with(c, s);
    default: /* RP_S_TRY */
        return fold_try(c, s);
    }
}

static int fold_stmt(rp_compiler *c, const rp_stmt *s) {
    switch (s->kind) {
    case RP_S_FUNCTIONDEF:
    case RP_S_CLASSDEF:
        return fold_defs(c, s);
    case RP_S_RETURN:
        return fold_optional(c, s->v.return_.value, NULL, NULL);
    case RP_S_DELETE:
        return fold_exprs(c, &s->v.delete_.targets);
    case RP_S_ASSIGN:
        return fold_exprs(c, &s->v.assign.targets) < 0
                   ? -1
                   : fold_expr(c, s->v.assign.value);
    case RP_S_AUGASSIGN:
        return fold_optional(c, s->v.augassign.target, s->v.augassign.value,
                             NULL);
    case RP_S_ANNASSIGN:
        return fold_optional(c, s->v.annassign.target, s->v.annassign.value,
                             NULL);
    case RP_S_FOR:
    case RP_S_WHILE:
    case RP_S_IF:
    case RP_S_WITH:
    case RP_S_TRY:
        return fold_blocks(c, s);
    case RP_S_RAISE:
        return fold_optional(c, s->v.raise.exc, s->v.raise.cause, NULL);
    case RP_S_ASSERT:
        return fold_optional(c, s->v.assert_.test, s->v.assert_.msg, NULL);
    case RP_S_EXPR:
        return fold_expr(c, s->v.expr.value);
    default:
        return 0;
    }
}

static int fold_stmts(rp_compiler *c, const rp_stmt_seq *seq) {
    for (size_t i = 0; i < seq->n; i++) {
        if (++c->depth > RP_COMPILE_MAX_DEPTH)
            return rp_compiler_too_deep(c);
        int r = fold_stmt(c, seq->items[i]);
        c->depth--;
        if (r < 0)
            return -1;
    }
    return 0;
}

int rp_fold_module(rp_compiler *c, const rp_mod *mod) {
    c->fold.rt = c->rt;
    if (mod->mode == RP_MODE_EVAL)
        return fold_expr(c, mod->expr);
    if (mod->mode == RP_MODE_SINGLE)
        return fold_stmts(c, &mod->body);
    return fold_body(c, &mod->body);
}
