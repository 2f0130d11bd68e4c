/*
 * symtable.c — the symbol table: which names each block (module, class,
 * function, lambda, comprehension) binds, uses and declares, and then the
 * scope of every name, with CPython 3.11's rules.
 *
 * Two passes, as CPython's symtable.c. The first walks the tree and
 * records, per block, each name's flags (assigned, parameter, used,
 * declared global/nonlocal, imported ...); it also reports the errors that
 * depend only on order within a block ("name 'x' is used prior to global
 * declaration", duplicate arguments, walrus misuse in comprehensions). The
 * second walks the blocks top-down with the sets of names bound by
 * enclosing functions and declared global, and resolves each name to
 * LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL: a name bound in
 * a function and used free in a nested one becomes a CELL there; class
 * scopes are invisible to the functions inside them, except that a method
 * using super or __class__ makes the class body create a __class__ cell.
 *
 * Comprehensions and generator expressions are function blocks of their
 * own whose first iterable is evaluated in the enclosing block and passed
 * in as the parameter ".0"; a walrus inside one binds in the nearest
 * enclosing function (or module).
 */
#include "compile.h"

#include <string.h>

/* ====================================================================== */
/* Blocks                                                                 */
/* ====================================================================== */

static rp_ste *ste_new(rp_symtable *st, rc_object *name, rp_block_kind type,
                       const void *key, rp_loc loc) {
    rp_ste *ste = rc_malloc(st->rt, sizeof *ste);
    if (!ste)
        return NULL;
    memset(ste, 0, sizeof *ste);
    ste->type = type;
    ste->name = name;
    rc_incref(name);
    ste->key = key;
    ste->loc = loc;
    rp_namemap_init(&ste->symbols, st->rt);
    rp_namemap_init(&ste->varnames, st->rt);
    return ste;
}

static void ste_free(rc_runtime *rt, rp_ste *ste) {
    for (uint32_t i = 0; i < ste->nchildren; i++)
        ste_free(rt, ste->children[i]);
    rc_free(rt, ste->children, ste->capchildren * sizeof *ste->children);
    for (uint32_t i = 0; i < ste->ndirectives; i++)
        rc_decref(ste->directives[i].name);
    rc_free(rt, ste->directives, ste->capdirectives * sizeof *ste->directives);
    rp_namemap_fini(&ste->symbols);
    rp_namemap_fini(&ste->varnames);
    rc_decref(ste->name);
    rc_free(rt, ste, sizeof *ste);
}

void rp_symtable_free(rp_symtable *st) {
    if (!st->rt)
        return;
    if (st->top)
        ste_free(st->rt, st->top);
    rc_free(st->rt, st->stack, st->capstack * sizeof *st->stack);
    st->top = st->cur = NULL;
    st->stack = NULL;
    st->nstack = st->capstack = 0;
}

/* Grows an array of `size`-byte items to hold one more. */
static int reserve(rc_runtime *rt, void **arr, uint32_t n, uint32_t *cap,
                   size_t size) {
    if (n < *cap)
        return 0;
    uint32_t ncap = *cap ? *cap * 2 : 4;
    void *p = rc_realloc(rt, *arr, *cap * size, ncap * size);
    if (!p)
        return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

static int enter_block(rp_symtable *st, rc_object *name, rp_block_kind type,
                       const void *key, rp_loc loc) {
    rp_ste *ste = ste_new(st, name, type, key, loc);
    if (!ste)
        return -1;
    rp_ste *parent = st->cur;
    if (parent && (parent->nested || parent->type == RP_BLOCK_FUNCTION))
        ste->nested = 1;
    /* a block opened inside a comprehension's iterable is inside it too
     * (no walrus there, however deep) */
    if (parent)
        ste->comp_iter_expr = parent->comp_iter_expr;
    if (reserve(st->rt, (void **)&st->stack, st->nstack, &st->capstack,
                sizeof *st->stack) < 0 ||
        (parent &&
         reserve(st->rt, (void **)&parent->children, parent->nchildren,
                 &parent->capchildren, sizeof *parent->children) < 0)) {
        ste_free(st->rt, ste);
        return -1;
    }
    if (parent)
        parent->children[parent->nchildren++] = ste;
    else
        st->top = ste;
    st->stack[st->nstack++] = ste;
    st->cur = ste;
    return 0;
}

static void exit_block(rp_symtable *st) {
    st->nstack--;
    st->cur = st->nstack ? st->stack[st->nstack - 1] : NULL;
}

rp_ste *rp_ste_child(rp_ste *ste, const void *key) {
    /* children are usually asked for in the order they were made */
    for (uint32_t k = 0; k < ste->nchildren; k++) {
        uint32_t i = (ste->cursor + k) % ste->nchildren;
        if (ste->children[i]->key == key) {
            ste->cursor = i + 1;
            return ste->children[i];
        }
    }
    return NULL;
}

int rp_ste_flags(const rp_ste *ste, rc_object *name) {
    int v = 0;
    rp_namemap_get(&ste->symbols, name, &v);
    return v;
}

int rp_ste_scope(const rp_ste *ste, rc_object *name) {
    return (rp_ste_flags(ste, name) >> RP_SCOPE_OFFSET) & RP_SCOPE_MASK;
}

/* ====================================================================== */
/* Names                                                                  */
/* ====================================================================== */

rc_object *rp_mangle(rc_runtime *rt, rc_object *private_, rc_object *name) {
    const char *s = rc_str_utf8(name);
    size_t n = rc_str_size(name);
    /* only __x, not __x__ or dotted names, and only inside a class */
    if (!private_ || n < 2 || s[0] != '_' || s[1] != '_' ||
        (n >= 4 && s[n - 1] == '_' && s[n - 2] == '_') || memchr(s, '.', n)) {
        rc_incref(name);
        return name;
    }
    const char *p = rc_str_utf8(private_);
    while (*p == '_')
        p++;
    if (!*p) { /* the class name is all underscores */
        rc_incref(name);
        return name;
    }
    size_t plen = strlen(p), total = 1 + plen + n;
    char small[256];
    char *buf = total < sizeof small ? small : rc_malloc(rt, total + 1);
    if (!buf)
        return NULL;
    buf[0] = '_';
    memcpy(buf + 1, p, plen);
    memcpy(buf + 1 + plen, s, n);
    buf[total] = 0;
    rc_object *r = rc_str_intern(rt, buf);
    if (buf != small)
        rc_free(rt, buf, total + 1);
    return r;
}

static int st_error(rp_symtable *st, rp_loc loc, const char *fmt,
                    rc_object *name) {
    return rp_compiler_error(st->c, loc, fmt, name ? rc_str_utf8(name) : "");
}

static int add_def_in(rp_symtable *st, rc_object *name, int flag, rp_ste *ste,
                      rp_loc loc) {
    rc_object *mangled = rp_mangle(st->rt, st->private_, name);
    if (!mangled)
        return -1;
    int val = 0, r = -1;
    if (rp_namemap_get(&ste->symbols, mangled, &val) && (flag & RP_DEF_PARAM) &&
        (val & RP_DEF_PARAM)) {
        st_error(st, loc, "duplicate argument '%s' in function definition",
                 name);
        goto done;
    }
    val |= flag;
    if (ste->comp_iter_target) {
        if (val & (RP_DEF_GLOBAL | RP_DEF_NONLOCAL)) {
            st_error(st, loc,
                     "comprehension inner loop cannot rebind assignment "
                     "expression target '%s'",
                     name);
            goto done;
        }
        val |= RP_DEF_COMP_ITER;
    }
    if (rp_namemap_set(&ste->symbols, mangled, val) < 0)
        goto done;
    if (flag & RP_DEF_PARAM) {
        if (rp_namemap_set(&ste->varnames, mangled, (int)ste->varnames.n) < 0)
            goto done;
    } else if (flag & RP_DEF_GLOBAL) {
        int g = flag, old = 0;
        if (rp_namemap_get(&st->top->symbols, mangled, &old))
            g |= old;
        if (rp_namemap_set(&st->top->symbols, mangled, g) < 0)
            goto done;
    }
    r = 0;
done:
    rc_decref(mangled);
    return r;
}

static int add_def(rp_symtable *st, rc_object *name, int flag, rp_loc loc) {
    return add_def_in(st, name, flag, st->cur, loc);
}

static int lookup(rp_symtable *st, rc_object *name, int *flags) {
    rc_object *mangled = rp_mangle(st->rt, st->private_, name);
    if (!mangled)
        return -1;
    *flags = rp_ste_flags(st->cur, mangled);
    rc_decref(mangled);
    return 0;
}

static int record_directive(rp_symtable *st, rc_object *name, rp_loc loc) {
    rp_ste *ste = st->cur;
    if (reserve(st->rt, (void **)&ste->directives, ste->ndirectives,
                &ste->capdirectives, sizeof *ste->directives) < 0)
        return -1;
    rc_object *mangled = rp_mangle(st->rt, st->private_, name);
    if (!mangled)
        return -1;
    ste->directives[ste->ndirectives++] = (rp_directive){mangled, loc};
    return 0;
}

/* ====================================================================== */
/* The first pass: statements                                             */
/* ====================================================================== */

static int visit_expr(rp_symtable *st, const rp_expr *e);
static int visit_stmts(rp_symtable *st, const rp_stmt_seq *seq);

static int visit_exprs(rp_symtable *st, const rp_expr_seq *seq) {
    for (size_t i = 0; i < seq->n; i++)
        if (seq->items[i] && visit_expr(st, seq->items[i]) < 0)
            return -1;
    return 0;
}

static int visit_params(rp_symtable *st, const rp_arg_seq *args) {
    for (size_t i = 0; i < args->n; i++)
        if (add_def(st, args->items[i]->arg, RP_DEF_PARAM,
                    args->items[i]->loc) < 0)
            return -1;
    return 0;
}

static int visit_arguments(rp_symtable *st, const rp_arguments *a) {
    if (visit_params(st, &a->posonlyargs) < 0 ||
        visit_params(st, &a->args) < 0 || visit_params(st, &a->kwonlyargs) < 0)
        return -1;
    if (a->vararg) {
        if (add_def(st, a->vararg->arg, RP_DEF_PARAM, a->vararg->loc) < 0)
            return -1;
        st->cur->varargs = 1;
    }
    if (a->kwarg) {
        if (add_def(st, a->kwarg->arg, RP_DEF_PARAM, a->kwarg->loc) < 0)
            return -1;
        st->cur->varkeywords = 1;
    }
    return 0;
}

/* Defaults are evaluated where the def or lambda is (annotations are
 * never evaluated by rcpy, so they are not visited). */
static int visit_defaults(rp_symtable *st, const rp_arguments *a) {
    if (visit_exprs(st, &a->defaults) < 0)
        return -1;
    return visit_exprs(st, &a->kw_defaults);
}

static int visit_functiondef(rp_symtable *st, const rp_stmt *s) {
    if (add_def(st, s->v.functiondef.name, RP_DEF_LOCAL, s->loc) < 0 ||
        visit_defaults(st, s->v.functiondef.args) < 0 ||
        visit_exprs(st, &s->v.functiondef.decorator_list) < 0 ||
        enter_block(st, s->v.functiondef.name, RP_BLOCK_FUNCTION, s, s->loc) <
            0)
        return -1;
    if (visit_arguments(st, s->v.functiondef.args) < 0 ||
        visit_stmts(st, &s->v.functiondef.body) < 0)
        return -1;
    exit_block(st);
    return 0;
}

static int visit_classdef(rp_symtable *st, const rp_stmt *s) {
    if (add_def(st, s->v.classdef.name, RP_DEF_LOCAL, s->loc) < 0 ||
        visit_exprs(st, &s->v.classdef.bases) < 0)
        return -1;
    for (size_t i = 0; i < s->v.classdef.keywords.n; i++)
        if (visit_expr(st, s->v.classdef.keywords.items[i]->value) < 0)
            return -1;
    if (visit_exprs(st, &s->v.classdef.decorator_list) < 0 ||
        enter_block(st, s->v.classdef.name, RP_BLOCK_CLASS, s, s->loc) < 0)
        return -1;
    rc_object *saved = st->private_;
    st->private_ = s->v.classdef.name;
    int r = visit_stmts(st, &s->v.classdef.body);
    st->private_ = saved;
    if (r < 0)
        return -1;
    exit_block(st);
    return 0;
}

static int visit_annassign(rp_symtable *st, const rp_stmt *s) {
    const rp_expr *target = s->v.annassign.target;
    if (target->kind != RP_E_NAME)
        return visit_expr(st, target) < 0 ||
                       (s->v.annassign.value &&
                        visit_expr(st, s->v.annassign.value) < 0)
                   ? -1
                   : 0;
    rc_object *name = target->v.name.id;
    int cur;
    if (lookup(st, name, &cur) < 0)
        return -1;
    if ((cur & (RP_DEF_GLOBAL | RP_DEF_NONLOCAL)) && st->cur != st->top &&
        s->v.annassign.simple)
        return st_error(st, s->loc,
                        cur & RP_DEF_GLOBAL
                            ? "annotated name '%s' can't be global"
                            : "annotated name '%s' can't be nonlocal",
                        name);
    if (s->v.annassign.simple) {
        if (add_def(st, name, RP_DEF_ANNOT | RP_DEF_LOCAL, target->loc) < 0)
            return -1;
    } else if (s->v.annassign.value &&
               add_def(st, name, RP_DEF_LOCAL, target->loc) < 0) {
        return -1;
    }
    return s->v.annassign.value ? visit_expr(st, s->v.annassign.value) : 0;
}

static int visit_declaration(rp_symtable *st, const rp_stmt *s, bool global) {
    const rp_ident_seq *names =
        global ? &s->v.global.names : &s->v.nonlocal.names;
    for (size_t i = 0; i < names->n; i++) {
        rc_object *name = names->items[i];
        int cur;
        if (lookup(st, name, &cur) < 0)
            return -1;
        if (cur & (RP_DEF_PARAM | RP_DEF_LOCAL | RP_USE | RP_DEF_ANNOT)) {
            const char *msg;
            if (cur & RP_DEF_PARAM)
                msg = global ? "name '%s' is parameter and global"
                             : "name '%s' is parameter and nonlocal";
            else if (cur & RP_USE)
                msg = global ? "name '%s' is used prior to global declaration"
                             : "name '%s' is used prior to nonlocal "
                               "declaration";
            else if (cur & RP_DEF_ANNOT)
                msg = global ? "annotated name '%s' can't be global"
                             : "annotated name '%s' can't be nonlocal";
            else
                msg = global ? "name '%s' is assigned to before global "
                               "declaration"
                             : "name '%s' is assigned to before nonlocal "
                               "declaration";
            return st_error(st, s->loc, msg, name);
        }
        if (add_def(st, name, global ? RP_DEF_GLOBAL : RP_DEF_NONLOCAL,
                    s->loc) < 0 ||
            record_directive(st, name, s->loc) < 0)
            return -1;
    }
    return 0;
}

/* The name an import binds: the asname, or the first component. */
static rc_object *import_store_name(rc_runtime *rt, const rp_alias *a) {
    rc_object *name = a->asname ? a->asname : a->name;
    const char *s = rc_str_utf8(name);
    const char *dot = strchr(s, '.');
    if (!dot) {
        rc_incref(name);
        return name;
    }
    rc_object *head = rc_str_from_utf8(rt, s, (size_t)(dot - s));
    if (!head)
        return NULL;
    rc_object *r = rc_str_intern_object(head);
    rc_decref(head);
    return r;
}

static int visit_aliases(rp_symtable *st, const rp_alias_seq *names) {
    for (size_t i = 0; i < names->n; i++) {
        const rp_alias *a = names->items[i];
        if (!a->asname && strcmp(rc_str_utf8(a->name), "*") == 0) {
            if (st->cur->type != RP_BLOCK_MODULE)
                return st_error(st, a->loc,
                                "import * only allowed at module level", NULL);
            continue;
        }
        rc_object *store = import_store_name(st->rt, a);
        if (!store)
            return -1;
        int r = add_def(st, store, RP_DEF_IMPORT, a->loc);
        rc_decref(store);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int visit_try(rp_symtable *st, const rp_stmt *s) {
    if (visit_stmts(st, &s->v.try_.body) < 0 ||
        visit_stmts(st, &s->v.try_.orelse) < 0)
        return -1;
    for (size_t i = 0; i < s->v.try_.handlers.n; i++) {
        const rp_excepthandler *h = s->v.try_.handlers.items[i];
        if (h->type && visit_expr(st, h->type) < 0)
            return -1;
        if (h->name && add_def(st, h->name, RP_DEF_LOCAL, h->loc) < 0)
            return -1;
        if (visit_stmts(st, &h->body) < 0)
            return -1;
    }
    return visit_stmts(st, &s->v.try_.finalbody);
}

static int visit_with(rp_symtable *st, const rp_stmt *s) {
    for (size_t i = 0; i < s->v.with.items.n; i++) {
        const rp_withitem *w = s->v.with.items.items[i];
        if (visit_expr(st, w->context_expr) < 0 ||
            (w->optional_vars && visit_expr(st, w->optional_vars) < 0))
            return -1;
    }
    return visit_stmts(st, &s->v.with.body);
}

static int visit_loop_or_if(rp_symtable *st, const rp_stmt *s) {
    switch (s->kind) {
    case RP_S_FOR:
        if (visit_expr(st, s->v.for_.target) < 0 ||
            visit_expr(st, s->v.for_.iter) < 0 ||
            visit_stmts(st, &s->v.for_.body) < 0)
            return -1;
        return visit_stmts(st, &s->v.for_.orelse);
    case RP_S_WHILE:
        if (visit_expr(st, s->v.while_.test) < 0 ||
            visit_stmts(st, &s->v.while_.body) < 0)
            return -1;
        return visit_stmts(st, &s->v.while_.orelse);
    default: /* RP_S_IF */
        if (visit_expr(st, s->v.if_.test) < 0 ||
            visit_stmts(st, &s->v.if_.body) < 0)
            return -1;
        return visit_stmts(st, &s->v.if_.orelse);
    }
}

static int visit_stmt_kind(rp_symtable *st, const rp_stmt *s) {
    switch (s->kind) {
    case RP_S_FUNCTIONDEF:
        return visit_functiondef(st, s);
    case RP_S_CLASSDEF:
        return visit_classdef(st, s);
    case RP_S_RETURN:
        return s->v.return_.value ? visit_expr(st, s->v.return_.value) : 0;
    case RP_S_DELETE:
        return visit_exprs(st, &s->v.delete_.targets);
    case RP_S_ASSIGN:
        if (visit_exprs(st, &s->v.assign.targets) < 0)
            return -1;
        return visit_expr(st, s->v.assign.value);
    case RP_S_AUGASSIGN:
        if (visit_expr(st, s->v.augassign.target) < 0)
            return -1;
        return visit_expr(st, s->v.augassign.value);
    case RP_S_ANNASSIGN:
        return visit_annassign(st, s);
    case RP_S_FOR:
    case RP_S_WHILE:
    case RP_S_IF:
        return visit_loop_or_if(st, s);
    case RP_S_WITH:
        return visit_with(st, s);
    case RP_S_RAISE:
        if (s->v.raise.exc && visit_expr(st, s->v.raise.exc) < 0)
            return -1;
        return s->v.raise.cause ? visit_expr(st, s->v.raise.cause) : 0;
    case RP_S_TRY:
        return visit_try(st, s);
    case RP_S_ASSERT:
        if (visit_expr(st, s->v.assert_.test) < 0)
            return -1;
        return s->v.assert_.msg ? visit_expr(st, s->v.assert_.msg) : 0;
    case RP_S_IMPORT:
        return visit_aliases(st, &s->v.import.names);
    case RP_S_IMPORTFROM:
        return visit_aliases(st, &s->v.importfrom.names);
    case RP_S_GLOBAL:
        return visit_declaration(st, s, true);
    case RP_S_NONLOCAL:
        return visit_declaration(st, s, false);
    case RP_S_EXPR:
        return visit_expr(st, s->v.expr.value);
    case RP_S_PASS:
    case RP_S_BREAK:
    case RP_S_CONTINUE:
        return 0;
    }
    return 0;
}

static int visit_stmt(rp_symtable *st, const rp_stmt *s) {
    if (++st->depth > RP_COMPILE_MAX_DEPTH)
        return rp_compiler_too_deep(st->c);
    int r = visit_stmt_kind(st, s);
    st->depth--;
    return r;
}

static int visit_stmts(rp_symtable *st, const rp_stmt_seq *seq) {
    for (size_t i = 0; i < seq->n; i++)
        if (visit_stmt(st, seq->items[i]) < 0)
            return -1;
    return 0;
}

/* ====================================================================== */
/* The first pass: expressions                                            */
/* ====================================================================== */

/* A walrus inside a comprehension binds in the nearest enclosing function
 * or module block (CPython's symtable_extend_namedexpr_scope). */
static int extend_namedexpr_scope(rp_symtable *st, const rp_expr *target) {
    rc_object *name = target->v.name.id;
    for (uint32_t i = st->nstack; i-- > 0;) {
        rp_ste *ste = st->stack[i];
        if (ste->comprehension) {
            if (rp_ste_flags(ste, name) & RP_DEF_COMP_ITER)
                return st_error(st, target->loc,
                                "assignment expression cannot rebind "
                                "comprehension iteration variable '%s'",
                                name);
            continue;
        }
        if (ste->type == RP_BLOCK_FUNCTION) {
            int decl = (rp_ste_flags(ste, name) & RP_DEF_GLOBAL)
                           ? RP_DEF_GLOBAL
                           : RP_DEF_NONLOCAL;
            if (add_def(st, name, decl, target->loc) < 0 ||
                record_directive(st, name, target->loc) < 0)
                return -1;
            return add_def_in(st, name, RP_DEF_LOCAL, ste, target->loc);
        }
        if (ste->type == RP_BLOCK_MODULE) {
            if (add_def(st, name, RP_DEF_GLOBAL, target->loc) < 0 ||
                record_directive(st, name, target->loc) < 0)
                return -1;
            return add_def_in(st, name, RP_DEF_GLOBAL, ste, target->loc);
        }
        return st_error(st, target->loc,
                        "assignment expression within a comprehension "
                        "cannot be used in a class body",
                        NULL);
    }
    return 0;
}

static int visit_namedexpr(rp_symtable *st, const rp_expr *e) {
    if (st->cur->comp_iter_expr > 0)
        return st_error(st, e->loc,
                        "assignment expression cannot be used in a "
                        "comprehension iterable expression",
                        NULL);
    if (st->cur->comprehension &&
        extend_namedexpr_scope(st, e->v.namedexpr.target) < 0)
        return -1;
    if (visit_expr(st, e->v.namedexpr.value) < 0)
        return -1;
    return visit_expr(st, e->v.namedexpr.target);
}

static int visit_generators_tail(rp_symtable *st,
                                 const rp_comprehension_seq *gens) {
    for (size_t i = 1; i < gens->n; i++) {
        const rp_comprehension *g = gens->items[i];
        st->cur->comp_iter_target = 1;
        int r = visit_expr(st, g->target);
        st->cur->comp_iter_target = 0;
        if (r < 0)
            return -1;
        st->cur->comp_iter_expr++;
        r = visit_expr(st, g->iter);
        st->cur->comp_iter_expr--;
        if (r < 0 || visit_exprs(st, &g->ifs) < 0)
            return -1;
    }
    return 0;
}

static const char *const comp_names[] = {
    [RP_COMP_LIST] = "<listcomp>",
    [RP_COMP_SET] = "<setcomp>",
    [RP_COMP_DICT] = "<dictcomp>",
    [RP_COMP_GEN] = "<genexpr>",
};

static int visit_comprehension(rp_symtable *st, const rp_expr *e, int kind,
                               const rp_comprehension_seq *gens,
                               const rp_expr *elt, const rp_expr *value) {
    const rp_comprehension *outer = gens->items[0];
    st->cur->comp_iter_expr++;
    int r = visit_expr(st, outer->iter);
    st->cur->comp_iter_expr--;
    if (r < 0)
        return -1;
    rc_object *name = rc_str_intern(st->rt, comp_names[kind]);
    if (!name)
        return -1;
    r = enter_block(st, name, RP_BLOCK_FUNCTION, e, e->loc);
    rc_decref(name);
    if (r < 0)
        return -1;
    st->cur->comprehension = (unsigned)kind;
    rc_object *dot0 = rc_str_intern(st->rt, ".0");
    if (!dot0)
        return -1;
    r = add_def(st, dot0, RP_DEF_PARAM, e->loc);
    rc_decref(dot0);
    if (r < 0)
        return -1;
    st->cur->comp_iter_target = 1;
    r = visit_expr(st, outer->target);
    st->cur->comp_iter_target = 0;
    if (r < 0 || visit_exprs(st, &outer->ifs) < 0 ||
        visit_generators_tail(st, gens) < 0 ||
        (value && visit_expr(st, value) < 0) || visit_expr(st, elt) < 0)
        return -1;
    st->cur->generator = kind == RP_COMP_GEN;
    exit_block(st);
    return 0;
}

static int visit_yield(rp_symtable *st, const rp_expr *e) {
    const rp_expr *value =
        e->kind == RP_E_YIELD ? e->v.yield.value : e->v.yieldfrom.value;
    if (value && visit_expr(st, value) < 0)
        return -1;
    st->cur->generator = 1;
    switch (st->cur->comprehension) {
    case RP_COMP_NONE:
        return 0;
    case RP_COMP_LIST:
        return st_error(st, e->loc, "'yield' inside list comprehension", NULL);
    case RP_COMP_SET:
        return st_error(st, e->loc, "'yield' inside set comprehension", NULL);
    case RP_COMP_DICT:
        return st_error(st, e->loc, "'yield' inside dict comprehension", NULL);
    default:
        return st_error(st, e->loc, "'yield' inside generator expression",
                        NULL);
    }
}

static int visit_lambda(rp_symtable *st, const rp_expr *e) {
    rp_interp *ip = st->c->ip;
    if (visit_defaults(st, e->v.lambda.args) < 0 ||
        enter_block(st, ip->s.lambda, RP_BLOCK_FUNCTION, e, e->loc) < 0 ||
        visit_arguments(st, e->v.lambda.args) < 0 ||
        visit_expr(st, e->v.lambda.body) < 0)
        return -1;
    exit_block(st);
    return 0;
}

static int visit_name(rp_symtable *st, const rp_expr *e) {
    bool load = e->v.name.ctx == RP_LOAD;
    if (add_def(st, e->v.name.id, load ? RP_USE : RP_DEF_LOCAL, e->loc) < 0)
        return -1;
    /* super() needs the __class__ cell */
    if (load && st->cur->type == RP_BLOCK_FUNCTION &&
        strcmp(rc_str_utf8(e->v.name.id), "super") == 0)
        return add_def(st, st->c->ip->s.class_, RP_USE, e->loc);
    return 0;
}

static int visit_call(rp_symtable *st, const rp_expr *e) {
    if (visit_expr(st, e->v.call.func) < 0 ||
        visit_exprs(st, &e->v.call.args) < 0)
        return -1;
    for (size_t i = 0; i < e->v.call.keywords.n; i++)
        if (visit_expr(st, e->v.call.keywords.items[i]->value) < 0)
            return -1;
    return 0;
}

static int visit_two(rp_symtable *st, const rp_expr *a, const rp_expr *b) {
    if (a && visit_expr(st, a) < 0)
        return -1;
    return b ? visit_expr(st, b) : 0;
}

static int visit_comp_kind(rp_symtable *st, const rp_expr *e) {
    if (e->kind == RP_E_DICTCOMP)
        return visit_comprehension(st, e, RP_COMP_DICT,
                                   &e->v.dictcomp.generators, e->v.dictcomp.key,
                                   e->v.dictcomp.value);
    int kind = e->kind == RP_E_LISTCOMP  ? RP_COMP_LIST
               : e->kind == RP_E_SETCOMP ? RP_COMP_SET
                                         : RP_COMP_GEN;
    return visit_comprehension(st, e, kind, &e->v.comp.generators,
                               e->v.comp.elt, NULL);
}

static int visit_expr_kind(rp_symtable *st, const rp_expr *e) {
    switch (e->kind) {
    case RP_E_BOOLOP:
        return visit_exprs(st, &e->v.boolop.values);
    case RP_E_NAMEDEXPR:
        return visit_namedexpr(st, e);
    case RP_E_BINOP:
        return visit_two(st, e->v.binop.left, e->v.binop.right);
    case RP_E_UNARYOP:
        return visit_expr(st, e->v.unaryop.operand);
    case RP_E_LAMBDA:
        return visit_lambda(st, e);
    case RP_E_IFEXP:
        return visit_two(st, e->v.ifexp.test, e->v.ifexp.body) < 0
                   ? -1
                   : visit_expr(st, e->v.ifexp.orelse);
    case RP_E_DICT:
        if (visit_exprs(st, &e->v.dict.keys) < 0)
            return -1;
        return visit_exprs(st, &e->v.dict.values);
    case RP_E_SET:
        return visit_exprs(st, &e->v.set.elts);
    case RP_E_LISTCOMP:
    case RP_E_SETCOMP:
    case RP_E_GENERATOREXP:
    case RP_E_DICTCOMP:
        return visit_comp_kind(st, e);
    case RP_E_YIELD:
    case RP_E_YIELDFROM:
        return visit_yield(st, e);
    case RP_E_COMPARE:
        if (visit_expr(st, e->v.compare.left) < 0)
            return -1;
        for (size_t i = 0; i < e->v.compare.n; i++)
            if (visit_expr(st, e->v.compare.comparators[i]) < 0)
                return -1;
        return 0;
    case RP_E_CALL:
        return visit_call(st, e);
    case RP_E_FORMATTEDVALUE:
        return visit_two(st, e->v.formattedvalue.value,
                         e->v.formattedvalue.format_spec);
    case RP_E_JOINEDSTR:
        return visit_exprs(st, &e->v.joinedstr.values);
    case RP_E_CONSTANT:
        return 0;
    case RP_E_ATTRIBUTE:
        return visit_expr(st, e->v.attribute.value);
    case RP_E_SUBSCRIPT:
        return visit_two(st, e->v.subscript.value, e->v.subscript.slice);
    case RP_E_STARRED:
        return visit_expr(st, e->v.starred.value);
    case RP_E_NAME:
        return visit_name(st, e);
    case RP_E_LIST:
    case RP_E_TUPLE:
        return visit_exprs(st, &e->v.seq.elts);
    case RP_E_SLICE:
        return visit_two(st, e->v.slice.lower, e->v.slice.upper) < 0
                   ? -1
                   : visit_two(st, e->v.slice.step, NULL);
    }
    return 0;
}

static int visit_expr(rp_symtable *st, const rp_expr *e) {
    if (++st->depth > RP_COMPILE_MAX_DEPTH)
        return rp_compiler_too_deep(st->c);
    int r = visit_expr_kind(st, e);
    st->depth--;
    return r;
}

/* ====================================================================== */
/* The second pass: scopes                                                */
/* ====================================================================== */

typedef rp_namemap nameset; /* values unused */

static int error_at_directive(rp_symtable *st, rp_ste *ste, rc_object *name,
                              const char *fmt) {
    for (uint32_t i = 0; i < ste->ndirectives; i++) {
        rp_directive *d = &ste->directives[i];
        if (rc_str_size(d->name) == rc_str_size(name) &&
            strcmp(rc_str_utf8(d->name), rc_str_utf8(name)) == 0)
            return st_error(st, d->loc, fmt, name);
    }
    return st_error(st, ste->loc, fmt, name);
}

static int set_scope(nameset *scopes, rc_object *name, int scope) {
    return rp_namemap_set(scopes, name, scope);
}

/* Decides one name's scope in ste (CPython's analyze_name). */
static int analyze_name(rp_symtable *st, rp_ste *ste, nameset *scopes,
                        rc_object *name, int flags, nameset *bound,
                        nameset *local, nameset *free, nameset *global) {
    if (flags & RP_DEF_GLOBAL) {
        if (flags & RP_DEF_NONLOCAL)
            return error_at_directive(st, ste, name,
                                      "name '%s' is nonlocal and global");
        if (set_scope(scopes, name, RP_GLOBAL_EXPLICIT) < 0 ||
            rp_namemap_set(global, name, 1) < 0)
            return -1;
        if (bound)
            rp_namemap_remove(bound, name);
        return 0;
    }
    if (flags & RP_DEF_NONLOCAL) {
        if (!bound)
            return error_at_directive(
                st, ste, name,
                "nonlocal declaration not allowed at module level");
        if (!rp_namemap_has(bound, name))
            return error_at_directive(st, ste, name,
                                      "no binding for nonlocal '%s' found");
        ste->free = 1;
        if (set_scope(scopes, name, RP_FREE) < 0)
            return -1;
        return rp_namemap_set(free, name, 1);
    }
    if (flags & RP_DEF_BOUND) {
        if (set_scope(scopes, name, RP_LOCAL) < 0 ||
            rp_namemap_set(local, name, 1) < 0)
            return -1;
        rp_namemap_remove(global, name);
        return 0;
    }
    if (bound && rp_namemap_has(bound, name)) {
        ste->free = 1;
        if (set_scope(scopes, name, RP_FREE) < 0)
            return -1;
        return rp_namemap_set(free, name, 1);
    }
    if (!(global && rp_namemap_has(global, name)) && ste->nested)
        ste->free = 1;
    return set_scope(scopes, name, RP_GLOBAL_IMPLICIT);
}

/* Locals of a function used free by an inner block become cells. */
static int analyze_cells(nameset *scopes, nameset *free) {
    for (uint32_t i = 0; i < scopes->n; i++) {
        struct rp_name_entry *e = &scopes->entries[i];
        if (e->value != RP_LOCAL || !rp_namemap_has(free, e->name))
            continue;
        e->value = RP_CELL;
        rp_namemap_remove(free, e->name);
    }
    return 0;
}

/* Writes the scopes into the symbols, then adds the names children use
 * free that this block does not know (CPython's update_symbols). */
static int update_symbols(rp_ste *ste, nameset *scopes, nameset *bound,
                          nameset *free, bool is_class) {
    for (uint32_t i = 0; i < ste->symbols.n; i++) {
        struct rp_name_entry *e = &ste->symbols.entries[i];
        int scope = 0;
        rp_namemap_get(scopes, e->name, &scope);
        e->value |= scope << RP_SCOPE_OFFSET;
    }
    for (uint32_t i = 0; i < free->n; i++) {
        rc_object *name = free->entries[i].name;
        int flags;
        if (rp_namemap_get(&ste->symbols, name, &flags)) {
            if (is_class && (flags & (RP_DEF_BOUND | RP_DEF_GLOBAL)) &&
                rp_namemap_set(&ste->symbols, name, flags | RP_DEF_FREE_CLASS) <
                    0)
                return -1;
            continue;
        }
        if (bound && !rp_namemap_has(bound, name))
            continue; /* a global */
        if (rp_namemap_set(&ste->symbols, name, RP_FREE << RP_SCOPE_OFFSET) < 0)
            return -1;
    }
    return 0;
}

static int analyze_block(rp_symtable *st, rp_ste *ste, nameset *bound,
                         nameset *free, nameset *global);

static int copy_set(nameset *dst, const nameset *src) {
    return src ? rp_namemap_update(dst, src) : 0;
}

static int analyze_child(rp_symtable *st, rp_ste *child, nameset *bound,
                         nameset *free, nameset *global, nameset *allfree) {
    nameset b, f, g;
    rp_namemap_init(&b, st->rt);
    rp_namemap_init(&f, st->rt);
    rp_namemap_init(&g, st->rt);
    int r = -1;
    if (copy_set(&b, bound) == 0 && copy_set(&f, free) == 0 &&
        copy_set(&g, global) == 0 && analyze_block(st, child, &b, &f, &g) == 0)
        r = rp_namemap_update(allfree, &f);
    rp_namemap_fini(&b);
    rp_namemap_fini(&f);
    rp_namemap_fini(&g);
    return r;
}

typedef struct analysis {
    nameset local, scopes, newglobal, newfree, newbound, allfree;
} analysis;

/* The block's own names; those it uses free go straight into `free`, the
 * set its parent sees (newfree collects the children's). */
static int analyze_names(rp_symtable *st, rp_ste *ste, analysis *a,
                         nameset *bound, nameset *free, nameset *global) {
    bool is_class = ste->type == RP_BLOCK_CLASS;
    if (is_class && (copy_set(&a->newglobal, global) < 0 ||
                     copy_set(&a->newbound, bound) < 0))
        return -1;
    for (uint32_t i = 0; i < ste->symbols.n; i++)
        if (analyze_name(st, ste, &a->scopes, ste->symbols.entries[i].name,
                         ste->symbols.entries[i].value, bound, &a->local, free,
                         global) < 0)
            return -1;
    if (is_class) /* methods see __class__ as bound */
        return rp_namemap_set(&a->newbound, st->c->ip->s.class_, 1);
    if (ste->type == RP_BLOCK_FUNCTION && copy_set(&a->newbound, &a->local))
        return -1;
    if (copy_set(&a->newbound, bound) < 0)
        return -1;
    return copy_set(&a->newglobal, global);
}

static int analyze_children(rp_symtable *st, rp_ste *ste, analysis *a) {
    for (uint32_t i = 0; i < ste->nchildren; i++) {
        rp_ste *child = ste->children[i];
        if (analyze_child(st, child, &a->newbound, &a->newfree, &a->newglobal,
                          &a->allfree) < 0)
            return -1;
        if (child->free || child->child_free)
            ste->child_free = 1;
    }
    if (rp_namemap_update(&a->newfree, &a->allfree) < 0)
        return -1;
    if (ste->type == RP_BLOCK_FUNCTION)
        return analyze_cells(&a->scopes, &a->newfree);
    if (ste->type == RP_BLOCK_CLASS &&
        rp_namemap_has(&a->newfree, st->c->ip->s.class_)) {
        rp_namemap_remove(&a->newfree, st->c->ip->s.class_);
        ste->needs_class_closure = 1;
    }
    return 0;
}

static int analyze_block(rp_symtable *st, rp_ste *ste, nameset *bound,
                         nameset *free, nameset *global) {
    analysis a;
    nameset *sets[] = {&a.local,   &a.scopes,   &a.newglobal,
                       &a.newfree, &a.newbound, &a.allfree};
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
        rp_namemap_init(sets[i], st->rt);
    int r = -1;
    if (analyze_names(st, ste, &a, bound, free, global) == 0 &&
        analyze_children(st, ste, &a) == 0 &&
        update_symbols(ste, &a.scopes, bound, &a.newfree,
                       ste->type == RP_BLOCK_CLASS) == 0)
        r = rp_namemap_update(free, &a.newfree);
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
        rp_namemap_fini(sets[i]);
    return r;
}

/* ====================================================================== */
/* Entry                                                                  */
/* ====================================================================== */

static int visit_module(rp_symtable *st, const rp_mod *mod) {
    if (mod->mode == RP_MODE_EVAL)
        return visit_expr(st, mod->expr);
    return visit_stmts(st, &mod->body);
}

int rp_symtable_build(rp_compiler *c, const rp_mod *mod) {
    rp_symtable *st = &c->st;
    memset(st, 0, sizeof *st);
    st->rt = c->rt;
    st->c = c;
    rc_object *top = rc_str_intern(c->rt, "top");
    if (!top)
        return -1;
    rp_loc loc = {1, 0, 1, 0};
    int r = enter_block(st, top, RP_BLOCK_MODULE, mod, loc);
    rc_decref(top);
    if (r < 0 || visit_module(st, mod) < 0)
        return -1;
    exit_block(st);
    nameset free, global;
    rp_namemap_init(&free, st->rt);
    rp_namemap_init(&global, st->rt);
    r = analyze_block(st, st->top, NULL, &free, &global);
    rp_namemap_fini(&free);
    rp_namemap_fini(&global);
    return r;
}
