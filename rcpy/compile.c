/*
 * compile.c — the compiler's driver: compilation units (one per code
 * object), emitting instructions into basic blocks, constants, and the
 * variable operations that depend on a name's scope.
 *
 * rp_compiler_run folds constants, builds the symbol table, then compiles
 * the module body, entering a new unit for every function, lambda, class
 * body and comprehension; each unit is assembled into its code object
 * (assemble.c) when it is left, and the parent loads that code object as a
 * constant. Invariants: c->u is the innermost unit; every constant of a
 * compilation is one object per (type, value) across all its code objects
 * (c->const_cache), strings made of name characters are interned, and
 * 0.0 / -0.0 / 0 / False stay distinct.
 */
#include "compile.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* Errors                                                                 */
/* ====================================================================== */

int rp_compiler_error(rp_compiler *c, rp_loc loc, const char *fmt, ...) {
    if (c->err.msg[0])
        return -1; /* the first error wins */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err.msg, sizeof c->err.msg, fmt, ap);
    va_end(ap);
    c->err.loc = loc;
    return -1;
}

int rp_compiler_too_deep(rp_compiler *c) {
    return rc_set_error(c->rt, RC_ERECURSION,
                        "maximum recursion depth exceeded during compilation");
}

rc_object *rp_compiler_name(rp_compiler *c, const char *text) {
    return rc_str_intern(c->rt, text);
}

/* ====================================================================== */
/* Blocks and instructions                                                */
/* ====================================================================== */

void rp_set_loc(rp_compiler *c, rp_loc loc) {
    c->u->loc = (rp_pos){loc.lineno, loc.end_lineno, loc.col_offset,
                         loc.end_col_offset};
}

/* Only the line goes (CPython 3.11's UNSET_LOC): an artificial
 * instruction that later inherits a line from a NOP keeps these columns. */
void rp_unset_loc(rp_compiler *c) {
    c->u->loc.line = -1;
}

rp_block *rp_new_block(rp_compiler *c) {
    rp_block *b = rc_malloc(c->rt, sizeof *b);
    if (!b)
        return NULL;
    memset(b, 0, sizeof *b);
    b->startdepth = -1;
    b->alloc_next = c->u->blocks;
    c->u->blocks = b;
    return b;
}

void rp_use_next_block(rp_compiler *c, rp_block *b) {
    c->u->cur->next = b;
    c->u->cur = b;
}

int rp_next_block(rp_compiler *c) {
    rp_block *b = rp_new_block(c);
    if (!b)
        return -1;
    rp_use_next_block(c, b);
    return 0;
}

int rp_block_append(rp_compiler *c, rp_block *b, const rp_cinstr *in) {
    if (b->n == b->cap) {
        uint32_t cap = b->cap ? b->cap * 2 : 8;
        void *p = rc_realloc(c->rt, b->instrs, b->cap * sizeof *b->instrs,
                             cap * sizeof *b->instrs);
        if (!p)
            return -1;
        b->instrs = p;
        b->cap = cap;
    }
    b->instrs[b->n++] = *in;
    return 0;
}

static int add_instr(rp_compiler *c, int opcode, int oparg, rp_block *target,
                     rp_pos pos) {
    rp_cinstr in = {opcode, oparg, target, NULL, pos};
    return rp_block_append(c, c->u->cur, &in);
}

/* An artificial instruction: the current position without its line. */
static rp_pos no_line(rp_compiler *c) {
    rp_pos p = c->u->loc;
    p.line = -1;
    return p;
}

int rp_emit(rp_compiler *c, int opcode, int oparg) {
    return add_instr(c, opcode, oparg, NULL, c->u->loc);
}

int rp_emit_noline(rp_compiler *c, int opcode, int oparg) {
    return add_instr(c, opcode, oparg, NULL, no_line(c));
}

int rp_emit_jump(rp_compiler *c, int opcode, rp_block *target) {
    return add_instr(c, opcode, 0, target, c->u->loc);
}

int rp_emit_jump_noline(rp_compiler *c, int opcode, rp_block *target) {
    return add_instr(c, opcode, 0, target, no_line(c));
}

/* ====================================================================== */
/* Constants                                                              */
/* ====================================================================== */

/* Tags keeping equal values of different types apart in constant keys. */
enum {
    TAG_NONE,
    TAG_BOOL,
    TAG_INT,
    TAG_FLOAT,
    TAG_NEGZERO,
    TAG_STR,
    TAG_TUPLE,
    TAG_FROZENSET,
    TAG_OTHER
};

static bool all_name_chars(rc_object *s) {
    const unsigned char *p = (const unsigned char *)rc_str_utf8(s);
    size_t n = rc_str_size(s);
    for (size_t i = 0; i < n; i++)
        if (!(p[i] == '_' || (p[i] >= '0' && p[i] <= '9') ||
              ((p[i] | 32) >= 'a' && (p[i] | 32) <= 'z')))
            return false;
    return true;
}

static int float_tag(rc_object *o) {
    double d = rc_float_value(o);
    return d == 0.0 && 1.0 / d < 0 ? TAG_NEGZERO : TAG_FLOAT;
}

static rc_object *tagged(rp_compiler *c, int tag, rc_object *o) {
    rc_object *t = rc_int_from_i64(c->rt, tag);
    if (!t)
        return NULL;
    rc_object *k = rc_tuple_pack(c->rt, 2, t, o);
    rc_decref(t);
    return k;
}

static rc_object *const_key(rp_compiler *c, rc_object *o);

/* A tuple of the keys of a tuple's items. */
static rc_object *tuple_key(rp_compiler *c, rc_object *o) {
    size_t n = rc_tuple_size(o);
    rc_object *r = rc_tuple_new(c->rt, n);
    for (size_t i = 0; r && i < n; i++) {
        rc_object *k = const_key(c, rc_tuple_get(o, i));
        if (!k) {
            for (size_t j = i; j < n; j++) /* complete it before freeing */
                rc_tuple_init_item(r, j, rc_none(c->rt));
            rc_decref(r);
            return NULL;
        }
        rc_tuple_init_item(r, i, k);
    }
    return r;
}

/* A frozenset of the keys of a frozenset's items. */
static rc_object *frozenset_key(rp_compiler *c, rc_object *o) {
    rc_object *keys = rc_list_new(c->rt), *item, *r = NULL;
    size_t pos = 0;
    while (keys && rc_set_next(o, &pos, &item)) {
        rc_object *k = const_key(c, item);
        int ok = k && rc_list_append(keys, k) == 0;
        rc_xdecref(k);
        if (!ok)
            goto done;
    }
    if (keys)
        r = rc_frozenset_new(c->rt, keys);
done:
    rc_xdecref(keys);
    return r;
}

/* The key under which o is merged with equal constants: (tag, value),
 * collections keyed by their items' keys (CPython's _PyCode_ConstantKey). */
static rc_object *const_key(rp_compiler *c, rc_object *o) {
    if (rc_is_bool(o))
        return tagged(c, TAG_BOOL, o);
    if (rc_is_int(o))
        return tagged(c, TAG_INT, o);
    if (rc_is_float(o))
        return tagged(c, float_tag(o), o);
    if (rc_is_str(o))
        return tagged(c, TAG_STR, o);
    if (rc_is_none(o) || o == c->ip->ellipsis)
        return tagged(c, TAG_NONE, o);
    if (rc_is_tuple(o) || rc_is_frozenset(o)) {
        rc_object *items =
            rc_is_tuple(o) ? tuple_key(c, o) : frozenset_key(c, o);
        if (!items)
            return NULL;
        rc_object *k =
            tagged(c, rc_is_tuple(o) ? TAG_TUPLE : TAG_FROZENSET, items);
        rc_decref(items);
        return k;
    }
    rc_object *id = rc_int_from_u64(c->rt, (uint64_t)(uintptr_t)o);
    if (!id)
        return NULL;
    rc_object *k = tagged(c, TAG_OTHER, id);
    rc_decref(id);
    return k;
}

static rc_object *merge_const(rp_compiler *c, rc_object *o, rc_object **key);

/* A tuple whose items are the merged constants (new reference). */
static rc_object *merge_tuple_items(rp_compiler *c, rc_object *t) {
    size_t n = rc_tuple_size(t);
    rc_object *r = rc_tuple_new(c->rt, n);
    if (!r)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        rc_object *k, *item = merge_const(c, rc_tuple_get(t, i), &k);
        if (!item) {
            for (size_t j = i; j < n; j++) /* complete it before freeing */
                rc_tuple_init_item(r, j, rc_none(c->rt));
            rc_decref(r);
            return NULL;
        }
        rc_decref(k);
        rc_tuple_init_item(r, i, item);
    }
    return r;
}

/* The one object of this compilation equal to o (new reference) and its
 * key (new reference in *key); NULL on failure. */
static rc_object *merge_const(rp_compiler *c, rc_object *o, rc_object **key) {
    rc_object *v;
    if (rc_is_str(o) && !rc_str_is_interned(o) &&
        (all_name_chars(o) || rc_str_length(o) == 1))
        v = rc_str_constant(c->rt, rc_str_utf8(o), rc_str_size(o));
    else if (rc_is_tuple(o) && rc_tuple_size(o) > 0)
        v = merge_tuple_items(c, o);
    else {
        v = o;
        rc_incref(v);
    }
    if (!v)
        return NULL;
    *key = const_key(c, v);
    if (!*key) {
        rc_decref(v);
        return NULL;
    }
    rc_object *found = rc_dict_getitem(c->const_cache, *key);
    if (found) {
        rc_decref(v);
        rc_incref(found);
        return found;
    }
    if (rc_dict_setitem(c->const_cache, *key, v) < 0) {
        rc_decref(*key);
        rc_decref(v);
        return NULL;
    }
    return v;
}

int rp_add_const(rp_compiler *c, rc_object *o) {
    rp_unit *u = c->u;
    if (o->type == &rp_code_type) { /* nested code: one per equal code */
        size_t n = rc_list_size(u->consts);
        for (size_t i = 0; i < n; i++) {
            rc_object *k = rc_list_get(u->consts, (ptrdiff_t)i);
            if (k->type == &rp_code_type &&
                rp_code_equal((const rp_code *)k, (const rp_code *)o))
                return (int)i;
        }
        return rc_list_append(u->consts, o) < 0 ? -1 : (int)n;
    }
    rc_object *key, *v = merge_const(c, o, &key);
    if (!v)
        return -1;
    int index = -1;
    rc_object *found = rc_dict_getitem(u->const_index, key);
    if (found) {
        int64_t i = 0;
        rc_int_to_i64(found, &i);
        index = (int)i;
    } else {
        size_t n = rc_list_size(u->consts);
        rc_object *i = rc_int_from_i64(c->rt, (int64_t)n);
        if (i && rc_dict_setitem(u->const_index, key, i) == 0 &&
            rc_list_append(u->consts, v) == 0)
            index = (int)n;
        rc_xdecref(i);
    }
    rc_decref(key);
    rc_decref(v);
    return index;
}

int rp_emit_const(rp_compiler *c, rc_object *o) {
    int i = rp_add_const(c, o);
    return i < 0 ? -1 : rp_emit(c, RP_LOAD_CONST, i);
}

int rp_emit_const_new(rp_compiler *c, rc_object *o) {
    if (!o)
        return -1;
    int r = rp_emit_const(c, o);
    rc_decref(o);
    return r;
}

/* ====================================================================== */
/* Names                                                                  */
/* ====================================================================== */

int rp_emit_name(rp_compiler *c, int opcode, rc_object *name, bool mangle) {
    rc_object *n = mangle ? rp_mangle(c->rt, c->u->private_, name) : name;
    if (!n)
        return -1;
    int index, r = rp_namemap_add_index(&c->u->names, n, &index);
    if (mangle)
        rc_decref(n);
    return r < 0 ? -1 : rp_emit(c, opcode, index);
}

enum { OP_NAME, OP_FAST, OP_GLOBAL, OP_DEREF };

static const int name_ops[4][3] = {
    [OP_NAME] = {RP_LOAD_NAME, RP_STORE_NAME, RP_DELETE_NAME},
    [OP_FAST] = {RP_LOAD_FAST, RP_STORE_FAST, RP_DELETE_FAST},
    [OP_GLOBAL] = {RP_LOAD_GLOBAL, RP_STORE_GLOBAL, RP_DELETE_GLOBAL},
    [OP_DEREF] = {RP_LOAD_DEREF, RP_STORE_DEREF, RP_DELETE_DEREF},
};

int rp_forbidden_name(rp_compiler *c, rc_object *name, rp_ctx ctx) {
    if (ctx == RP_LOAD || strcmp(rc_str_utf8(name), "__debug__") != 0)
        return 0;
    return rp_compiler_error(c,
                             (rp_loc){c->u->loc.line, c->u->loc.col,
                                      c->u->loc.end_line, c->u->loc.end_col},
                             ctx == RP_STORE ? "cannot assign to __debug__"
                                             : "cannot delete __debug__");
}

static int deref_index(rp_unit *u, rc_object *name, int scope) {
    int index = -1;
    rp_namemap_get(scope == RP_CELL ? &u->cellvars : &u->freevars, name,
                   &index);
    return index;
}

static int nameop_emit(rp_compiler *c, rc_object *mangled, int optype,
                       rp_ctx ctx, int scope) {
    rp_unit *u = c->u;
    int op = name_ops[optype][ctx], index;
    switch (optype) {
    case OP_DEREF:
        index = deref_index(u, mangled, scope);
        if (index < 0)
            return rc_set_error(c->rt, RC_ESTATE,
                                "compiler: no cell for name '%s'",
                                rc_str_utf8(mangled));
        if (ctx == RP_LOAD && u->ste->type == RP_BLOCK_CLASS)
            op = RP_LOAD_CLASSDEREF;
        return rp_emit(c, op, index);
    case OP_FAST:
        if (rp_namemap_add_index(&u->varnames, mangled, &index) < 0)
            return -1;
        return rp_emit(c, op, index);
    default:
        if (rp_namemap_add_index(&u->names, mangled, &index) < 0)
            return -1;
        return rp_emit(c, op, op == RP_LOAD_GLOBAL ? index << 1 : index);
    }
}

int rp_compile_nameop(rp_compiler *c, rc_object *name, rp_ctx ctx) {
    if (rp_forbidden_name(c, name, ctx) < 0)
        return -1;
    rp_unit *u = c->u;
    rc_object *mangled = rp_mangle(c->rt, u->private_, name);
    if (!mangled)
        return -1;
    int scope = rp_ste_scope(u->ste, mangled), optype = OP_NAME;
    bool function = u->ste->type == RP_BLOCK_FUNCTION;
    switch (scope) {
    case RP_FREE:
    case RP_CELL:
        optype = OP_DEREF;
        break;
    case RP_LOCAL:
        optype = function ? OP_FAST : OP_NAME;
        break;
    case RP_GLOBAL_IMPLICIT:
        optype = function ? OP_GLOBAL : OP_NAME;
        break;
    case RP_GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }
    int r = nameop_emit(c, mangled, optype, ctx, scope);
    rc_decref(mangled);
    return r;
}

/* ====================================================================== */
/* Units                                                                  */
/* ====================================================================== */

static int cmp_names(const void *a, const void *b) {
    return strcmp(rc_str_utf8(*(rc_object *const *)a),
                  rc_str_utf8(*(rc_object *const *)b));
}

/* Fills map with the names of ste whose scope is `scope` or whose flags
 * have `flag`, sorted, numbered from offset (CPython's dictbytype). */
static int names_by_scope(rp_compiler *c, rp_namemap *map, const rp_ste *ste,
                          int scope, int flag, int offset) {
    uint32_t n = ste->symbols.n, k = 0;
    if (!n)
        return 0;
    rc_object **sel = rc_malloc(c->rt, n * sizeof *sel);
    if (!sel)
        return -1;
    for (uint32_t i = 0; i < n; i++) {
        int v = ste->symbols.entries[i].value;
        if (((v >> RP_SCOPE_OFFSET) & RP_SCOPE_MASK) == scope || (v & flag))
            sel[k++] = ste->symbols.entries[i].name;
    }
    qsort(sel, k, sizeof *sel, cmp_names);
    int r = 0;
    for (uint32_t i = 0; i < k && r == 0; i++)
        r = rp_namemap_set(map, sel[i], offset + (int)i);
    rc_free(c->rt, sel, n * sizeof *sel);
    return r;
}

static int unit_variables(rp_compiler *c, rp_unit *u) {
    const rp_ste *ste = u->ste;
    for (uint32_t i = 0; i < ste->varnames.n; i++)
        if (rp_namemap_set(&u->varnames, ste->varnames.entries[i].name,
                           (int)i) < 0)
            return -1;
    if (names_by_scope(c, &u->cellvars, ste, RP_CELL, 0, 0) < 0)
        return -1;
    if (ste->needs_class_closure &&
        rp_namemap_set(&u->cellvars, c->ip->s.class_, 0) < 0)
        return -1;
    return names_by_scope(c, &u->freevars, ste, RP_FREE, RP_DEF_FREE_CLASS,
                          (int)u->cellvars.n);
}

/* The qualified name of a new unit (CPython's compiler_set_qualname). */
static rc_object *unit_qualname(rp_compiler *c, rp_unit *u) {
    rp_unit *parent = u->parent;
    if (!parent || parent->scope == RP_SCOPE_MODULE) {
        rc_incref(u->name);
        return u->name;
    }
    if (u->scope == RP_SCOPE_FUNCTION || u->scope == RP_SCOPE_CLASS) {
        rc_object *m = rp_mangle(c->rt, parent->private_, u->name);
        if (!m)
            return NULL;
        int scope = rp_ste_scope(parent->ste, m);
        rc_decref(m);
        if (scope == RP_GLOBAL_EXPLICIT) {
            rc_incref(u->name);
            return u->name;
        }
    }
    bool locals =
        parent->scope == RP_SCOPE_FUNCTION || parent->scope == RP_SCOPE_LAMBDA;
    return rc_str_from_format(c->rt, "%s%s.%s", rc_str_utf8(parent->qualname),
                              locals ? ".<locals>" : "", rc_str_utf8(u->name));
}

static void unit_free(rp_compiler *c, rp_unit *u) {
    rp_unit_free_blocks(c, u);
    rc_xdecref(u->name);
    rc_xdecref(u->qualname);
    rc_xdecref(u->private_);
    rc_xdecref(u->consts);
    rc_xdecref(u->const_index);
    rp_namemap_fini(&u->names);
    rp_namemap_fini(&u->varnames);
    rp_namemap_fini(&u->cellvars);
    rp_namemap_fini(&u->freevars);
    rc_free(c->rt, u, sizeof *u);
}

static rp_unit *unit_new(rp_compiler *c, rc_object *name, rp_scope_kind kind,
                         const void *key) {
    rp_unit *u = rc_malloc(c->rt, sizeof *u);
    if (!u)
        return NULL;
    memset(u, 0, sizeof *u);
    rp_namemap *maps[] = {&u->names, &u->varnames, &u->cellvars, &u->freevars};
    for (size_t i = 0; i < 4; i++)
        rp_namemap_init(maps[i], c->rt);
    u->parent = c->u;
    u->scope = kind;
    u->name = name;
    rc_incref(name);
    u->ste = c->u ? rp_ste_child(c->u->ste, key) : c->st.top;
    if (!u->ste) {
        rc_set_error(c->rt, RC_ESTATE, "compiler: no symbol table for '%s'",
                     rc_str_utf8(name));
        unit_free(c, u);
        return NULL;
    }
    if (c->u && c->u->private_) {
        u->private_ = c->u->private_;
        rc_incref(u->private_);
    }
    return u;
}

int rp_enter_scope(rp_compiler *c, rc_object *name, rp_scope_kind kind,
                   const void *key, int firstlineno) {
    rp_unit *u = unit_new(c, name, kind, key);
    if (!u)
        return -1;
    u->firstlineno = firstlineno;
    if (!(u->consts = rc_list_new(c->rt)) ||
        !(u->const_index = rc_dict_new(c->rt)) || unit_variables(c, u) < 0 ||
        (kind != RP_SCOPE_MODULE && !(u->qualname = unit_qualname(c, u)))) {
        unit_free(c, u);
        return -1;
    }
    c->u = u;
    c->nestlevel++;
    if (!(u->entry = u->cur = rp_new_block(c))) {
        rp_abandon_scope(c);
        return -1;
    }
    /* RESUME's position: the first line (line 0 for a module) */
    u->loc =
        (rp_pos){kind == RP_SCOPE_MODULE ? 0 : firstlineno, firstlineno, 0, 0};
    if (rp_emit(c, RP_RESUME, 0) < 0) {
        rp_abandon_scope(c);
        return -1;
    }
    if (kind == RP_SCOPE_MODULE)
        rp_unset_loc(c);
    return 0;
}

void rp_abandon_scope(rp_compiler *c) {
    rp_unit *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    unit_free(c, u);
}

rc_object *rp_leave_scope(rp_compiler *c, bool add_none) {
    rc_object *code = rp_assemble(c, add_none);
    rp_abandon_scope(c);
    return code;
}

rc_object *rp_finish_scope(rp_compiler *c, int body, bool add_none) {
    if (body < 0) {
        rp_abandon_scope(c);
        return NULL;
    }
    return rp_leave_scope(c, add_none);
}

/* Which slot of the current unit holds the cell for a name the new code
 * object uses free (CPython's get_ref_type + compiler_lookup_arg). */
static int closure_index(rp_compiler *c, rc_object *name) {
    rp_unit *u = c->u;
    bool cell = (u->scope == RP_SCOPE_CLASS &&
                 strcmp(rc_str_utf8(name), "__class__") == 0) ||
                rp_ste_scope(u->ste, name) == RP_CELL;
    int index = -1;
    rp_namemap_get(cell ? &u->cellvars : &u->freevars, name, &index);
    return index;
}

int rp_make_closure(rp_compiler *c, rc_object *code, int flags) {
    const rp_code *co = (const rp_code *)code;
    if (co->nfreevars) {
        for (uint32_t i = co->nlocalsplus - co->nfreevars; i < co->nlocalsplus;
             i++) {
            rc_object *name = rc_tuple_get(co->localsplusnames, i);
            int index = closure_index(c, name);
            if (index < 0)
                return rc_set_error(c->rt, RC_ESTATE,
                                    "compiler: lookup of free variable '%s' "
                                    "failed",
                                    rc_str_utf8(name));
            if (rp_emit(c, RP_LOAD_CLOSURE, index) < 0)
                return -1;
        }
        flags |= 8;
        if (rp_emit(c, RP_BUILD_TUPLE, (int)co->nfreevars) < 0)
            return -1;
    }
    if (rp_emit_const(c, code) < 0)
        return -1;
    return rp_emit(c, RP_MAKE_FUNCTION, flags);
}

/* ====================================================================== */
/* The module                                                             */
/* ====================================================================== */

static const char *const future_features[] = {"nested_scopes",
                                              "generators",
                                              "division",
                                              "absolute_import",
                                              "with_statement",
                                              "print_function",
                                              "unicode_literals",
                                              "barry_as_FLUFL",
                                              "generator_stop",
                                              "annotations",
                                              NULL};

static int check_future_names(rp_compiler *c, const rp_stmt *s) {
    const rp_alias_seq *names = &s->v.importfrom.names;
    rp_loc at = {s->loc.lineno, s->loc.col_offset, s->loc.lineno, -1};
    for (size_t i = 0; i < names->n; i++) {
        const char *name = rc_str_utf8(names->items[i]->name);
        size_t k = 0;
        while (future_features[k] && strcmp(future_features[k], name) != 0)
            k++;
        if (future_features[k])
            continue;
        if (strcmp(name, "braces") == 0)
            return rp_compiler_error(c, at, "not a chance");
        return rp_compiler_error(c, at, "future feature %s is not defined",
                                 name);
    }
    return 0;
}

static bool is_future_import(const rp_stmt *s) {
    return s->kind == RP_S_IMPORTFROM && s->v.importfrom.module &&
           strcmp(rc_str_utf8(s->v.importfrom.module), "__future__") == 0;
}

/* `from __future__ import x` is allowed only at the start of a module,
 * after the docstring, and only for the features Python knows (CPython's
 * future.c, which runs before the symbol table). */
static int check_future(rp_compiler *c, const rp_mod *mod) {
    if (mod->mode == RP_MODE_EVAL)
        return 0;
    const rp_stmt_seq *body = &mod->body;
    size_t i = rp_docstring(body) ? 1 : 0;
    int prev_line = 0;
    bool done = false;
    for (; i < body->n; i++) {
        const rp_stmt *s = body->items[i];
        if (done && s->loc.lineno > prev_line)
            return 0;
        prev_line = s->loc.lineno;
        if (!is_future_import(s)) {
            done = true;
            continue;
        }
        if (done) {
            rp_loc at = {s->loc.lineno, s->loc.col_offset - 1, s->loc.lineno,
                         -1};
            return rp_compiler_error(c, at,
                                     "from __future__ imports must occur at "
                                     "the beginning of the file");
        }
        if (check_future_names(c, s) < 0)
            return -1;
        c->future_lineno = s->loc.lineno;
    }
    return 0;
}

static rc_object *compile_module(rp_compiler *c, const rp_mod *mod) {
    rc_object *name = c->ip->s.module_name;
    if (rp_enter_scope(c, name, RP_SCOPE_MODULE, mod, 1) < 0)
        return NULL;
    int r;
    bool add_none = true;
    switch (mod->mode) {
    case RP_MODE_EVAL:
        r = rp_compile_expr(c, mod->expr);
        add_none = false;
        break;
    case RP_MODE_SINGLE:
        r = rp_compile_stmts(c, &mod->body);
        break;
    default:
        r = rp_compile_body(c, &mod->body);
        break;
    }
    if (r < 0) {
        rp_abandon_scope(c);
        return NULL;
    }
    return rp_leave_scope(c, add_none);
}

rc_object *rp_compiler_run(rp_interp *ip, const rp_mod *mod,
                           rc_object *filename, const char *src, size_t srclen,
                           rp_cerror *err) {
    rp_compiler c;
    memset(&c, 0, sizeof c);
    c.ip = ip;
    c.rt = ip->rt;
    c.filename = filename;
    c.src = src;
    c.srclen = srclen;
    c.mode = mod->mode;
    c.fold.rt = ip->rt;
    rc_object *code = NULL;
    c.const_cache = rc_dict_new(ip->rt);
    if (c.const_cache && check_future(&c, mod) == 0 &&
        rp_fold_module(&c, mod) == 0 && rp_symtable_build(&c, mod) == 0)
        code = compile_module(&c, mod);
    while (c.u)
        rp_abandon_scope(&c);
    rp_symtable_free(&c.st);
    rp_foldmap_free(&c.fold);
    rc_xdecref(c.const_cache);
    if (err)
        *err = c.err;
    return code;
}
