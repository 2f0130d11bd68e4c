/*
 * ast_dump.c — the tree as text, exactly as CPython 3.11's ast.dump()
 * writes it (annotate_fields=True, optionally include_attributes=True):
 * `Module(body=[Expr(value=Constant(value=1))], type_ignores=[])`.
 *
 * Fields come in the ASDL order; optional fields that are absent are left
 * out, lists are always written; values are written with the library's
 * repr, as Python's repr writes them. The tree's depth is bounded by the
 * parser (rp_check_depth), so the recursion here is too.
 */
#include "parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct out {
    rc_runtime *rt;
    char *buf;
    size_t n, cap;
    bool attrs; /* include_attributes */
    bool failed;
} out;

static void put(out *o, const char *s, size_t n) {
    if (o->failed)
        return;
    if (o->n + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 256;
        while (cap < o->n + n + 1)
            cap *= 2;
        char *b = rc_realloc(o->rt, o->buf, o->cap, cap);
        if (!b) {
            o->failed = true;
            return;
        }
        o->buf = b;
        o->cap = cap;
    }
    memcpy(o->buf + o->n, s, n);
    o->n += n;
}

static void puts_(out *o, const char *s) {
    put(o, s, strlen(s));
}

static void putf(out *o, const char *fmt, ...) {
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(o, tmp, (size_t)n);
}

/* repr(v) */
static void put_repr(out *o, rc_object *v) {
    rc_object *r = rc_repr(v);
    if (!r) {
        o->failed = true;
        return;
    }
    put(o, rc_str_utf8(r), rc_str_size(r));
    rc_decref(r);
}

/* ====================================================================== */
/* Nodes and fields                                                       */
/* ====================================================================== */

/* Fields are written "name=value" separated by ", "; `first` tracks
 * whether a separator is due. */
typedef struct node {
    out *o;
    bool first;
} node;

static node open_node(out *o, const char *kind) {
    puts_(o, kind);
    puts_(o, "(");
    node n = {o, true};
    return n;
}

static void field(node *n, const char *name) {
    if (!n->first)
        puts_(n->o, ", ");
    n->first = false;
    puts_(n->o, name);
    puts_(n->o, "=");
}

static void close_node(node *n, const rp_loc *loc) {
    if (loc && n->o->attrs) {
        field(n, "lineno");
        putf(n->o, "%d", loc->lineno);
        field(n, "col_offset");
        putf(n->o, "%d", loc->col_offset);
        field(n, "end_lineno");
        putf(n->o, "%d", loc->end_lineno);
        field(n, "end_col_offset");
        putf(n->o, "%d", loc->end_col_offset);
    }
    puts_(n->o, ")");
}

/* A node with no fields: Load(), Add() ... */
static void put_simple(out *o, const char *kind) {
    puts_(o, kind);
    puts_(o, "()");
}

static void dump_expr(out *o, const rp_expr *e);
static void dump_stmt(out *o, const rp_stmt *s);

static void expr_field(node *n, const char *name, const rp_expr *e) {
    if (!e)
        return;
    field(n, name);
    dump_expr(n->o, e);
}

static void ident_field(node *n, const char *name, rc_object *id) {
    if (!id)
        return;
    field(n, name);
    put_repr(n->o, id);
}

static void exprs_field(node *n, const char *name, const rp_expr_seq *s) {
    field(n, name);
    puts_(n->o, "[");
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            puts_(n->o, ", ");
        if (s->items[i])
            dump_expr(n->o, s->items[i]);
        else
            puts_(n->o, "None");
    }
    puts_(n->o, "]");
}

static void stmts_field(node *n, const char *name, const rp_stmt_seq *s) {
    field(n, name);
    puts_(n->o, "[");
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            puts_(n->o, ", ");
        dump_stmt(n->o, s->items[i]);
    }
    puts_(n->o, "]");
}

static void ctx_field(node *n, rp_ctx ctx) {
    field(n, "ctx");
    put_simple(n->o, ctx == RP_LOAD    ? "Load"
                     : ctx == RP_STORE ? "Store"
                                       : "Del");
}

static const char *binop_name(rc_binop op) {
    switch (op) {
    case RC_OP_ADD:
        return "Add";
    case RC_OP_SUB:
        return "Sub";
    case RC_OP_MUL:
        return "Mult";
    case RC_OP_MATMUL:
        return "MatMult";
    case RC_OP_TRUEDIV:
        return "Div";
    case RC_OP_FLOORDIV:
        return "FloorDiv";
    case RC_OP_MOD:
        return "Mod";
    case RC_OP_POW:
        return "Pow";
    case RC_OP_LSHIFT:
        return "LShift";
    case RC_OP_RSHIFT:
        return "RShift";
    case RC_OP_AND:
        return "BitAnd";
    case RC_OP_OR:
        return "BitOr";
    case RC_OP_XOR:
        return "BitXor";
    default:
        return "?";
    }
}

static const char *cmpop_name(rp_cmpop op) {
    static const char *const names[] = {
        "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
    return names[op];
}

static const char *unaryop_name(rp_unaryop op) {
    static const char *const names[] = {"Invert", "Not", "UAdd", "USub"};
    return names[op];
}

/* ====================================================================== */
/* Helper nodes                                                           */
/* ====================================================================== */

static void dump_arg(out *o, const rp_arg *a) {
    node n = open_node(o, "arg");
    ident_field(&n, "arg", a->arg);
    expr_field(&n, "annotation", a->annotation);
    close_node(&n, &a->loc);
}

static void args_field(node *n, const char *name, const rp_arg_seq *s) {
    field(n, name);
    puts_(n->o, "[");
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            puts_(n->o, ", ");
        dump_arg(n->o, s->items[i]);
    }
    puts_(n->o, "]");
}

static void dump_arguments(out *o, const rp_arguments *a) {
    node n = open_node(o, "arguments");
    args_field(&n, "posonlyargs", &a->posonlyargs);
    args_field(&n, "args", &a->args);
    if (a->vararg) {
        field(&n, "vararg");
        dump_arg(o, a->vararg);
    }
    args_field(&n, "kwonlyargs", &a->kwonlyargs);
    exprs_field(&n, "kw_defaults", &a->kw_defaults);
    if (a->kwarg) {
        field(&n, "kwarg");
        dump_arg(o, a->kwarg);
    }
    exprs_field(&n, "defaults", &a->defaults);
    close_node(&n, NULL);
}

static void keywords_field(node *n, const rp_keyword_seq *s) {
    field(n, "keywords");
    puts_(n->o, "[");
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            puts_(n->o, ", ");
        node k = open_node(n->o, "keyword");
        ident_field(&k, "arg", s->items[i]->arg);
        expr_field(&k, "value", s->items[i]->value);
        close_node(&k, &s->items[i]->loc);
    }
    puts_(n->o, "]");
}

static void generators_field(node *n, const rp_comprehension_seq *s) {
    field(n, "generators");
    puts_(n->o, "[");
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            puts_(n->o, ", ");
        node c = open_node(n->o, "comprehension");
        expr_field(&c, "target", s->items[i]->target);
        expr_field(&c, "iter", s->items[i]->iter);
        exprs_field(&c, "ifs", &s->items[i]->ifs);
        field(&c, "is_async");
        puts_(n->o, "0");
        close_node(&c, NULL);
    }
    puts_(n->o, "]");
}

static void aliases_field(node *n, const rp_alias_seq *s) {
    field(n, "names");
    puts_(n->o, "[");
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            puts_(n->o, ", ");
        node a = open_node(n->o, "alias");
        ident_field(&a, "name", s->items[i]->name);
        ident_field(&a, "asname", s->items[i]->asname);
        close_node(&a, &s->items[i]->loc);
    }
    puts_(n->o, "]");
}

/* ====================================================================== */
/* Expressions                                                            */
/* ====================================================================== */

static void dump_constant(out *o, node *n, const rp_expr *e) {
    field(n, "value");
    if (e->v.constant.ellipsis)
        puts_(o, "Ellipsis");
    else
        put_repr(o, e->v.constant.value);
    if (e->v.constant.kind_u) {
        field(n, "kind");
        puts_(o, "'u'");
    }
}

/* The fields of expressions with sub-expressions only. */
static void dump_expr_fields(out *o, node *n, const rp_expr *e) {
    switch (e->kind) {
    case RP_E_BOOLOP:
        field(n, "op");
        put_simple(o, e->v.boolop.op == RP_AND ? "And" : "Or");
        exprs_field(n, "values", &e->v.boolop.values);
        break;
    case RP_E_NAMEDEXPR:
        expr_field(n, "target", e->v.namedexpr.target);
        expr_field(n, "value", e->v.namedexpr.value);
        break;
    case RP_E_BINOP:
        expr_field(n, "left", e->v.binop.left);
        field(n, "op");
        put_simple(o, binop_name(e->v.binop.op));
        expr_field(n, "right", e->v.binop.right);
        break;
    case RP_E_UNARYOP:
        field(n, "op");
        put_simple(o, unaryop_name(e->v.unaryop.op));
        expr_field(n, "operand", e->v.unaryop.operand);
        break;
    case RP_E_LAMBDA:
        field(n, "args");
        dump_arguments(o, e->v.lambda.args);
        expr_field(n, "body", e->v.lambda.body);
        break;
    case RP_E_IFEXP:
        expr_field(n, "test", e->v.ifexp.test);
        expr_field(n, "body", e->v.ifexp.body);
        expr_field(n, "orelse", e->v.ifexp.orelse);
        break;
    case RP_E_DICT:
        exprs_field(n, "keys", &e->v.dict.keys);
        exprs_field(n, "values", &e->v.dict.values);
        break;
    case RP_E_SET:
        exprs_field(n, "elts", &e->v.set.elts);
        break;
    case RP_E_LISTCOMP:
    case RP_E_SETCOMP:
    case RP_E_GENERATOREXP:
        expr_field(n, "elt", e->v.comp.elt);
        generators_field(n, &e->v.comp.generators);
        break;
    case RP_E_DICTCOMP:
        expr_field(n, "key", e->v.dictcomp.key);
        expr_field(n, "value", e->v.dictcomp.value);
        generators_field(n, &e->v.dictcomp.generators);
        break;
    case RP_E_YIELD:
        expr_field(n, "value", e->v.yield.value);
        break;
    case RP_E_YIELDFROM:
        expr_field(n, "value", e->v.yieldfrom.value);
        break;
    default:
        break;
    }
}

static void dump_compare(out *o, node *n, const rp_expr *e) {
    expr_field(n, "left", e->v.compare.left);
    field(n, "ops");
    puts_(o, "[");
    for (size_t i = 0; i < e->v.compare.n; i++) {
        if (i)
            puts_(o, ", ");
        put_simple(o, cmpop_name(e->v.compare.ops[i]));
    }
    puts_(o, "]");
    field(n, "comparators");
    puts_(o, "[");
    for (size_t i = 0; i < e->v.compare.n; i++) {
        if (i)
            puts_(o, ", ");
        dump_expr(o, e->v.compare.comparators[i]);
    }
    puts_(o, "]");
}

static const char *const expr_kinds[] = {
    "BoolOp",    "NamedExpr",      "BinOp",     "UnaryOp",   "Lambda",
    "IfExp",     "Dict",           "Set",       "ListComp",  "SetComp",
    "DictComp",  "GeneratorExp",   "Yield",     "YieldFrom", "Compare",
    "Call",      "FormattedValue", "JoinedStr", "Constant",  "Attribute",
    "Subscript", "Starred",        "Name",      "List",      "Tuple",
    "Slice"};

static void dump_expr(out *o, const rp_expr *e) {
    node n = open_node(o, expr_kinds[e->kind]);
    switch (e->kind) {
    case RP_E_COMPARE:
        dump_compare(o, &n, e);
        break;
    case RP_E_CALL:
        expr_field(&n, "func", e->v.call.func);
        exprs_field(&n, "args", &e->v.call.args);
        keywords_field(&n, &e->v.call.keywords);
        break;
    case RP_E_FORMATTEDVALUE:
        expr_field(&n, "value", e->v.formattedvalue.value);
        field(&n, "conversion");
        putf(o, "%d", e->v.formattedvalue.conversion);
        expr_field(&n, "format_spec", e->v.formattedvalue.format_spec);
        break;
    case RP_E_JOINEDSTR:
        exprs_field(&n, "values", &e->v.joinedstr.values);
        break;
    case RP_E_CONSTANT:
        dump_constant(o, &n, e);
        break;
    case RP_E_ATTRIBUTE:
        expr_field(&n, "value", e->v.attribute.value);
        ident_field(&n, "attr", e->v.attribute.attr);
        ctx_field(&n, e->v.attribute.ctx);
        break;
    case RP_E_SUBSCRIPT:
        expr_field(&n, "value", e->v.subscript.value);
        expr_field(&n, "slice", e->v.subscript.slice);
        ctx_field(&n, e->v.subscript.ctx);
        break;
    case RP_E_STARRED:
        expr_field(&n, "value", e->v.starred.value);
        ctx_field(&n, e->v.starred.ctx);
        break;
    case RP_E_NAME:
        ident_field(&n, "id", e->v.name.id);
        ctx_field(&n, e->v.name.ctx);
        break;
    case RP_E_LIST:
    case RP_E_TUPLE:
        exprs_field(&n, "elts", &e->v.seq.elts);
        ctx_field(&n, e->v.seq.ctx);
        break;
    case RP_E_SLICE:
        expr_field(&n, "lower", e->v.slice.lower);
        expr_field(&n, "upper", e->v.slice.upper);
        expr_field(&n, "step", e->v.slice.step);
        break;
    default:
        dump_expr_fields(o, &n, e);
        break;
    }
    close_node(&n, &e->loc);
}

/* ====================================================================== */
/* Statements                                                             */
/* ====================================================================== */

static void dump_handlers(out *o, node *n, const rp_excepthandler_seq *s) {
    field(n, "handlers");
    puts_(o, "[");
    for (size_t i = 0; i < s->n; i++) {
        const rp_excepthandler *h = s->items[i];
        if (i)
            puts_(o, ", ");
        node hn = open_node(o, "ExceptHandler");
        expr_field(&hn, "type", h->type);
        ident_field(&hn, "name", h->name);
        stmts_field(&hn, "body", &h->body);
        close_node(&hn, &h->loc);
    }
    puts_(o, "]");
}

static void dump_withitems(out *o, node *n, const rp_withitem_seq *s) {
    field(n, "items");
    puts_(o, "[");
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            puts_(o, ", ");
        node w = open_node(o, "withitem");
        expr_field(&w, "context_expr", s->items[i]->context_expr);
        expr_field(&w, "optional_vars", s->items[i]->optional_vars);
        close_node(&w, NULL);
    }
    puts_(o, "]");
}

static void names_field(out *o, node *n, const rp_ident_seq *s) {
    field(n, "names");
    puts_(o, "[");
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            puts_(o, ", ");
        put_repr(o, s->items[i]);
    }
    puts_(o, "]");
}

/* The fields of def and class. */
static void dump_def(out *o, node *n, const rp_stmt *s) {
    if (s->kind == RP_S_FUNCTIONDEF) {
        ident_field(n, "name", s->v.functiondef.name);
        field(n, "args");
        dump_arguments(o, s->v.functiondef.args);
        stmts_field(n, "body", &s->v.functiondef.body);
        exprs_field(n, "decorator_list", &s->v.functiondef.decorator_list);
        expr_field(n, "returns", s->v.functiondef.returns);
        return;
    }
    ident_field(n, "name", s->v.classdef.name);
    exprs_field(n, "bases", &s->v.classdef.bases);
    keywords_field(n, &s->v.classdef.keywords);
    stmts_field(n, "body", &s->v.classdef.body);
    exprs_field(n, "decorator_list", &s->v.classdef.decorator_list);
}

/* The fields of for, while, if, with and try. */
static void dump_compound_fields(out *o, node *n, const rp_stmt *s) {
    switch (s->kind) {
    case RP_S_FOR:
        expr_field(n, "target", s->v.for_.target);
        expr_field(n, "iter", s->v.for_.iter);
        stmts_field(n, "body", &s->v.for_.body);
        stmts_field(n, "orelse", &s->v.for_.orelse);
        break;
    case RP_S_WHILE:
    case RP_S_IF:
        expr_field(n, "test", s->v.if_.test);
        stmts_field(n, "body", &s->v.if_.body);
        stmts_field(n, "orelse", &s->v.if_.orelse);
        break;
    case RP_S_WITH:
        dump_withitems(o, n, &s->v.with.items);
        stmts_field(n, "body", &s->v.with.body);
        break;
    case RP_S_TRY:
        stmts_field(n, "body", &s->v.try_.body);
        dump_handlers(o, n, &s->v.try_.handlers);
        stmts_field(n, "orelse", &s->v.try_.orelse);
        stmts_field(n, "finalbody", &s->v.try_.finalbody);
        break;
    default:
        dump_def(o, n, s);
        break;
    }
}

static void dump_stmt_fields(out *o, node *n, const rp_stmt *s) {
    switch (s->kind) {
    case RP_S_RETURN:
        expr_field(n, "value", s->v.return_.value);
        break;
    case RP_S_DELETE:
        exprs_field(n, "targets", &s->v.delete_.targets);
        break;
    case RP_S_ASSIGN:
        exprs_field(n, "targets", &s->v.assign.targets);
        expr_field(n, "value", s->v.assign.value);
        break;
    case RP_S_AUGASSIGN:
        expr_field(n, "target", s->v.augassign.target);
        field(n, "op");
        put_simple(o, binop_name(s->v.augassign.op));
        expr_field(n, "value", s->v.augassign.value);
        break;
    case RP_S_ANNASSIGN:
        expr_field(n, "target", s->v.annassign.target);
        expr_field(n, "annotation", s->v.annassign.annotation);
        expr_field(n, "value", s->v.annassign.value);
        field(n, "simple");
        putf(o, "%d", s->v.annassign.simple ? 1 : 0);
        break;
    case RP_S_RAISE:
        expr_field(n, "exc", s->v.raise.exc);
        expr_field(n, "cause", s->v.raise.cause);
        break;
    case RP_S_ASSERT:
        expr_field(n, "test", s->v.assert_.test);
        expr_field(n, "msg", s->v.assert_.msg);
        break;
    case RP_S_IMPORT:
        aliases_field(n, &s->v.import.names);
        break;
    case RP_S_IMPORTFROM:
        ident_field(n, "module", s->v.importfrom.module);
        aliases_field(n, &s->v.importfrom.names);
        field(n, "level");
        putf(o, "%d", s->v.importfrom.level);
        break;
    case RP_S_GLOBAL:
    case RP_S_NONLOCAL:
        names_field(o, n, &s->v.global.names);
        break;
    case RP_S_EXPR:
        expr_field(n, "value", s->v.expr.value);
        break;
    case RP_S_PASS:
    case RP_S_BREAK:
    case RP_S_CONTINUE:
        break;
    default:
        dump_compound_fields(o, n, s);
        break;
    }
}

static const char *const stmt_kinds[] = {
    "FunctionDef", "ClassDef", "Return", "Delete",     "Assign", "AugAssign",
    "AnnAssign",   "For",      "While",  "If",         "With",   "Raise",
    "Try",         "Assert",   "Import", "ImportFrom", "Global", "Nonlocal",
    "Expr",        "Pass",     "Break",  "Continue"};

static void dump_stmt(out *o, const rp_stmt *s) {
    node n = open_node(o, stmt_kinds[s->kind]);
    dump_stmt_fields(o, &n, s);
    close_node(&n, &s->loc);
}

/* ====================================================================== */
/* Modules                                                                */
/* ====================================================================== */

rc_object *rp_ast_dump_ex(rc_runtime *rt, const rp_mod *mod, bool attrs) {
    out o = {rt, NULL, 0, 0, attrs, false};
    node n;
    switch (mod->mode) {
    case RP_MODE_EVAL:
        n = open_node(&o, "Expression");
        expr_field(&n, "body", mod->expr);
        break;
    case RP_MODE_SINGLE:
        n = open_node(&o, "Interactive");
        stmts_field(&n, "body", &mod->body);
        break;
    default:
        n = open_node(&o, "Module");
        stmts_field(&n, "body", &mod->body);
        field(&n, "type_ignores");
        puts_(&o, "[]");
        break;
    }
    close_node(&n, NULL);
    rc_object *r = NULL;
    if (!o.failed)
        r = rc_str_from_utf8(rt, o.buf, o.n);
    else if (rc_last_error(rt) == RC_OK)
        rc_set_error(rt, RC_ENOMEM, "out of memory");
    rc_free(rt, o.buf, o.cap);
    return r;
}

rc_object *rp_ast_dump(rc_runtime *rt, const rp_mod *mod) {
    return rp_ast_dump_ex(rt, mod, false);
}
