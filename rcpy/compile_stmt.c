/*
 * compile_stmt.c — code generation for statements, in CPython 3.11's
 * shapes: function and class definitions, assignments, loops, try /
 * except / else / finally and with in the exception-table style
 * (SETUP_* pseudo-instructions that the assembler turns into table
 * entries), imports, and the unwinding that return, break and continue do
 * through enclosing loops, finally blocks, with blocks and handlers.
 *
 * Invariant: c->u->fblocks mirrors the statements being compiled that
 * need cleanup when left early; each push is matched by a pop on every
 * path that completes normally.
 */
#include "compile.h"

#include <string.h>

/* ====================================================================== */
/* Frame blocks and unwinding                                             */
/* ====================================================================== */

int rp_push_fblock(rp_compiler *c, rp_fblock_kind kind, rp_block *block,
                   rp_block *exit, const void *datum) {
    rp_unit *u = c->u;
    if (u->nfblocks >= RP_MAX_FBLOCKS) {
        rp_pos p = u->loc;
        return rp_compiler_error(c,
                                 (rp_loc){p.line, p.col, p.end_line, p.end_col},
                                 "too many statically nested blocks");
    }
    u->fblocks[u->nfblocks++] = (rp_fblock){kind, block, exit, datum};
    return 0;
}

void rp_pop_fblock(rp_compiler *c) {
    c->u->nfblocks--;
}

static int call_exit_with_nones(rp_compiler *c) {
    for (int i = 0; i < 3; i++)
        if (rp_emit_const(c, rp_none(c->ip)) < 0)
            return -1;
    return rp_emit(c, RP_CALL, 2);
}

static int swap_if(rp_compiler *c, bool preserve_tos) {
    return preserve_tos ? rp_emit(c, RP_SWAP, 2) : 0;
}

/* name = None; del name (the end of `except E as name`). */
static int clear_handler_name(rp_compiler *c, rc_object *name) {
    if (rp_emit_const(c, rp_none(c->ip)) < 0 ||
        rp_compile_nameop(c, name, RP_STORE) < 0)
        return -1;
    return rp_compile_nameop(c, name, RP_DEL);
}

static int unwind_finally(rp_compiler *c, const rp_fblock *fb,
                          bool preserve_tos) {
    if (rp_emit(c, RP_P_POP_BLOCK, 0) < 0)
        return -1;
    if (preserve_tos &&
        rp_push_fblock(c, RP_FB_POP_VALUE, NULL, NULL, NULL) < 0)
        return -1;
    if (rp_compile_stmts(c, fb->datum) < 0)
        return -1;
    if (preserve_tos)
        rp_pop_fblock(c);
    /* the finally body runs "after" the statement that left */
    rp_unset_loc(c);
    return 0;
}

static int unwind_with(rp_compiler *c, const rp_fblock *fb, bool preserve_tos) {
    rp_set_loc(c, ((const rp_stmt *)fb->datum)->loc);
    if (rp_emit(c, RP_P_POP_BLOCK, 0) < 0 || swap_if(c, preserve_tos) < 0 ||
        call_exit_with_nones(c) < 0 || rp_emit(c, RP_POP_TOP, 0) < 0)
        return -1;
    rp_unset_loc(c);
    return 0;
}

static int unwind_handler(rp_compiler *c, const rp_fblock *fb,
                          bool preserve_tos) {
    rc_object *name = (rc_object *)fb->datum;
    if ((name && rp_emit(c, RP_P_POP_BLOCK, 0) < 0) ||
        swap_if(c, preserve_tos) < 0 || rp_emit(c, RP_P_POP_BLOCK, 0) < 0 ||
        rp_emit(c, RP_POP_EXCEPT, 0) < 0)
        return -1;
    return name ? clear_handler_name(c, name) : 0;
}

/* What leaving fb early requires (CPython's compiler_unwind_fblock). */
static int unwind_fblock(rp_compiler *c, const rp_fblock *fb,
                         bool preserve_tos) {
    switch (fb->kind) {
    case RP_FB_WHILE_LOOP:
    case RP_FB_EXCEPTION_HANDLER:
        return 0;
    case RP_FB_FOR_LOOP: /* pop the iterator */
    case RP_FB_POP_VALUE:
        return swap_if(c, preserve_tos) < 0 ? -1 : rp_emit(c, RP_POP_TOP, 0);
    case RP_FB_TRY_EXCEPT:
        return rp_emit(c, RP_P_POP_BLOCK, 0);
    case RP_FB_FINALLY_TRY:
        return unwind_finally(c, fb, preserve_tos);
    case RP_FB_FINALLY_END:
        if (swap_if(c, preserve_tos) < 0 || rp_emit(c, RP_POP_TOP, 0) < 0 ||
            swap_if(c, preserve_tos) < 0 || rp_emit(c, RP_P_POP_BLOCK, 0) < 0)
            return -1;
        return rp_emit(c, RP_POP_EXCEPT, 0);
    case RP_FB_WITH:
        return unwind_with(c, fb, preserve_tos);
    case RP_FB_HANDLER_CLEANUP:
        return unwind_handler(c, fb, preserve_tos);
    }
    return 0;
}

int rp_unwind_fblock_stack(rp_compiler *c, bool preserve_tos,
                           rp_fblock **loop) {
    rp_unit *u = c->u;
    if (u->nfblocks == 0)
        return 0;
    rp_fblock *top = &u->fblocks[u->nfblocks - 1];
    if (loop &&
        (top->kind == RP_FB_WHILE_LOOP || top->kind == RP_FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    rp_fblock copy = *top;
    u->nfblocks--;
    if (unwind_fblock(c, &copy, preserve_tos) < 0 ||
        rp_unwind_fblock_stack(c, preserve_tos, loop) < 0)
        return -1;
    u->fblocks[u->nfblocks++] = copy;
    return 0;
}

/* ====================================================================== */
/* return, break, continue                                                */
/* ====================================================================== */

static int compile_return(rp_compiler *c, const rp_stmt *s) {
    const rp_expr *v = s->v.return_.value;
    if (c->u->ste->type != RP_BLOCK_FUNCTION)
        return rp_compiler_error(c, s->loc, "'return' outside function");
    bool preserve_tos = v && !rp_expr_constant(c, v);
    if (preserve_tos) {
        if (rp_compile_expr(c, v) < 0)
            return -1;
    } else if (v) {
        rp_set_loc(c, v->loc);
        if (rp_emit(c, RP_NOP, 0) < 0)
            return -1;
    }
    if (!v || v->loc.lineno != s->loc.lineno) {
        rp_set_loc(c, s->loc);
        if (rp_emit(c, RP_NOP, 0) < 0)
            return -1;
    }
    if (rp_unwind_fblock_stack(c, preserve_tos, NULL) < 0)
        return -1;
    if (!v) {
        if (rp_emit_const(c, rp_none(c->ip)) < 0)
            return -1;
    } else if (!preserve_tos && rp_emit_const(c, rp_expr_constant(c, v)) < 0) {
        return -1;
    }
    if (rp_emit(c, RP_RETURN_VALUE, 0) < 0)
        return -1;
    return rp_next_block(c);
}

static int compile_break_continue(rp_compiler *c, const rp_stmt *s) {
    rp_fblock *loop = NULL;
    bool brk = s->kind == RP_S_BREAK;
    if (rp_emit(c, RP_NOP, 0) < 0 ||
        rp_unwind_fblock_stack(c, false, &loop) < 0)
        return -1;
    if (!loop)
        return rp_compiler_error(c, s->loc,
                                 brk ? "'break' outside loop"
                                     : "'continue' not properly in loop");
    if (brk && unwind_fblock(c, loop, false) < 0)
        return -1;
    if (rp_emit_jump(c, RP_P_JUMP, brk ? loop->exit : loop->block) < 0)
        return -1;
    return rp_next_block(c);
}

/* ====================================================================== */
/* Definitions                                                            */
/* ====================================================================== */

rc_object *rp_docstring(const rp_stmt_seq *body) {
    if (!body->n || body->items[0]->kind != RP_S_EXPR)
        return NULL;
    const rp_expr *e = body->items[0]->v.expr.value;
    if (e->kind != RP_E_CONSTANT || e->v.constant.ellipsis ||
        !rc_is_str(e->v.constant.value))
        return NULL;
    return e->v.constant.value;
}

static int apply_decorators(rp_compiler *c, const rp_expr_seq *decos) {
    for (size_t i = decos->n; i-- > 0;) {
        rp_set_loc(c, rp_expr_loc(decos->items[i]));
        if (rp_emit(c, RP_CALL, 0) < 0)
            return -1;
    }
    return 0;
}

static int first_line(const rp_stmt *s, const rp_expr_seq *decos) {
    return decos->n ? decos->items[0]->loc.lineno : s->loc.lineno;
}

static int function_body(rp_compiler *c, const rp_stmt *s) {
    const rp_stmt_seq *body = &s->v.functiondef.body;
    rc_object *doc = rp_docstring(body);
    if (rp_add_const(c, doc ? doc : rp_none(c->ip)) < 0)
        return -1;
    const rp_arguments *a = s->v.functiondef.args;
    c->u->argcount = (uint32_t)(a->posonlyargs.n + a->args.n);
    c->u->posonlyargcount = (uint32_t)a->posonlyargs.n;
    c->u->kwonlyargcount = (uint32_t)a->kwonlyargs.n;
    for (size_t i = doc ? 1 : 0; i < body->n; i++)
        if (rp_compile_stmt(c, body->items[i]) < 0)
            return -1;
    return 0;
}

static int compile_function(rp_compiler *c, const rp_stmt *s) {
    const rp_expr_seq *decos = &s->v.functiondef.decorator_list;
    if (rp_check_debug_args(c, s->v.functiondef.args) < 0 ||
        rp_compile_exprs(c, decos) < 0)
        return -1;
    int flags = rp_compile_defaults(c, s->v.functiondef.args);
    if (flags < 0 || rp_enter_scope(c, s->v.functiondef.name, RP_SCOPE_FUNCTION,
                                    s, first_line(s, decos)) < 0)
        return -1;
    rc_object *code = rp_finish_scope(c, function_body(c, s), true);
    if (!code)
        return -1;
    int r = rp_make_closure(c, code, flags);
    rc_decref(code);
    if (r < 0 || apply_decorators(c, decos) < 0)
        return -1;
    rp_set_loc(c, s->loc);
    return rp_compile_nameop(c, s->v.functiondef.name, RP_STORE);
}

/* The class body's own statements, then its return value: the __class__
 * cell (stored as __classcell__ too) or None. */
static int class_body(rp_compiler *c, const rp_stmt *s) {
    rp_unit *u = c->u;
    u->private_ = s->v.classdef.name;
    rc_incref(u->private_);
    rp_interp *ip = c->ip;
    if (rp_compile_nameop(c, ip->s.name, RP_LOAD) < 0 ||
        rp_compile_nameop(c, ip->s.module, RP_STORE) < 0 ||
        rp_emit_const(c, u->qualname) < 0 ||
        rp_compile_nameop(c, ip->s.qualname, RP_STORE) < 0 ||
        rp_compile_body(c, &s->v.classdef.body) < 0)
        return -1;
    rp_unset_loc(c);
    if (u->ste->needs_class_closure) {
        if (rp_emit(c, RP_LOAD_CLOSURE, 0) < 0 || rp_emit(c, RP_COPY, 1) < 0 ||
            rp_compile_nameop(c, ip->s.classcell, RP_STORE) < 0)
            return -1;
    } else if (rp_emit_const(c, rp_none(ip)) < 0) {
        return -1;
    }
    return rp_emit(c, RP_RETURN_VALUE, 0);
}

static int compile_class(rp_compiler *c, const rp_stmt *s) {
    const rp_expr_seq *decos = &s->v.classdef.decorator_list;
    if (rp_compile_exprs(c, decos) < 0 ||
        rp_enter_scope(c, s->v.classdef.name, RP_SCOPE_CLASS, s,
                       first_line(s, decos)) < 0)
        return -1;
    rc_object *code = rp_finish_scope(c, class_body(c, s), true);
    if (!code)
        return -1;
    int r = rp_emit(c, RP_PUSH_NULL, 0) < 0 ||
                    rp_emit(c, RP_LOAD_BUILD_CLASS, 0) < 0 ||
                    rp_make_closure(c, code, 0) < 0
                ? -1
                : 0;
    rc_decref(code);
    if (r < 0 || rp_emit_const(c, s->v.classdef.name) < 0 ||
        rp_compile_call_helper(c, 2, &s->v.classdef.bases,
                               &s->v.classdef.keywords) < 0 ||
        apply_decorators(c, decos) < 0)
        return -1;
    rp_set_loc(c, s->loc);
    return rp_compile_nameop(c, s->v.classdef.name, RP_STORE);
}

/* ====================================================================== */
/* Assignments                                                            */
/* ====================================================================== */

static int compile_assign(rp_compiler *c, const rp_stmt *s) {
    const rp_expr_seq *targets = &s->v.assign.targets;
    if (rp_compile_expr(c, s->v.assign.value) < 0)
        return -1;
    for (size_t i = 0; i < targets->n; i++) {
        if (i + 1 < targets->n && rp_emit(c, RP_COPY, 1) < 0)
            return -1;
        if (rp_compile_expr(c, targets->items[i]) < 0)
            return -1;
    }
    return 0;
}

/* The target's current value, leaving what the store needs below it. */
static int augassign_load(rp_compiler *c, const rp_expr *e) {
    switch (e->kind) {
    case RP_E_ATTRIBUTE:
        if (rp_compile_expr(c, e->v.attribute.value) < 0 ||
            rp_emit(c, RP_COPY, 1) < 0)
            return -1;
        rp_attr_location(c, e);
        return rp_emit_name(c, RP_LOAD_ATTR, e->v.attribute.attr, true);
    case RP_E_SUBSCRIPT:
        if (rp_compile_expr(c, e->v.subscript.value) < 0 ||
            rp_compile_expr(c, e->v.subscript.slice) < 0 ||
            rp_emit(c, RP_COPY, 2) < 0 || rp_emit(c, RP_COPY, 2) < 0)
            return -1;
        return rp_emit(c, RP_BINARY_SUBSCR, 0);
    default:
        return rp_compile_nameop(c, e->v.name.id, RP_LOAD);
    }
}

static int augassign_store(rp_compiler *c, const rp_expr *e) {
    switch (e->kind) {
    case RP_E_ATTRIBUTE:
        rp_attr_location(c, e);
        if (rp_emit(c, RP_SWAP, 2) < 0)
            return -1;
        return rp_emit_name(c, RP_STORE_ATTR, e->v.attribute.attr, true);
    case RP_E_SUBSCRIPT:
        if (rp_emit(c, RP_SWAP, 3) < 0 || rp_emit(c, RP_SWAP, 2) < 0)
            return -1;
        return rp_emit(c, RP_STORE_SUBSCR, 0);
    default:
        return rp_compile_nameop(c, e->v.name.id, RP_STORE);
    }
}

static int compile_augassign(rp_compiler *c, const rp_stmt *s) {
    const rp_expr *e = s->v.augassign.target;
    rp_pos saved = c->u->loc;
    rp_set_loc(c, e->loc);
    if (augassign_load(c, e) < 0)
        return -1;
    c->u->loc = saved;
    if (rp_compile_expr(c, s->v.augassign.value) < 0 ||
        rp_emit(c, RP_BINARY_OP, 16 + (int)s->v.augassign.op) < 0)
        return -1;
    rp_set_loc(c, e->loc);
    return augassign_store(c, e);
}

/* Evaluates an annotation target's parts for their effects (the
 * annotation itself is never evaluated by rcpy). */
static int check_ann_expr(rp_compiler *c, const rp_expr *e) {
    if (rp_compile_expr(c, e) < 0)
        return -1;
    return rp_emit(c, RP_POP_TOP, 0);
}

static int check_ann_subscript(rp_compiler *c, const rp_expr *e) {
    if (e->kind == RP_E_SLICE) {
        const rp_expr *parts[] = {e->v.slice.lower, e->v.slice.upper,
                                  e->v.slice.step};
        for (size_t i = 0; i < 3; i++)
            if (parts[i] && check_ann_expr(c, parts[i]) < 0)
                return -1;
        return 0;
    }
    if (e->kind == RP_E_TUPLE) {
        for (size_t i = 0; i < e->v.seq.elts.n; i++)
            if (check_ann_subscript(c, e->v.seq.elts.items[i]) < 0)
                return -1;
        return 0;
    }
    return check_ann_expr(c, e);
}

static int compile_annassign(rp_compiler *c, const rp_stmt *s) {
    const rp_expr *t = s->v.annassign.target;
    if (s->v.annassign.value) {
        if (rp_compile_expr(c, s->v.annassign.value) < 0 ||
            rp_compile_expr(c, t) < 0)
            return -1;
        return 0;
    }
    /* `x: int` in a module or class: CPython stores the annotation; the
     * line keeps an instruction here too */
    if (t->kind == RP_E_NAME && c->u->ste->type != RP_BLOCK_FUNCTION)
        return rp_emit(c, RP_NOP, 0);
    if (t->kind == RP_E_ATTRIBUTE)
        return check_ann_expr(c, t->v.attribute.value);
    if (t->kind == RP_E_SUBSCRIPT)
        return check_ann_expr(c, t->v.subscript.value) < 0
                   ? -1
                   : check_ann_subscript(c, t->v.subscript.slice);
    return 0;
}

/* ====================================================================== */
/* Control flow                                                           */
/* ====================================================================== */

/* Continues in block b with seq (an else part), then in block end. */
static int else_part(rp_compiler *c, rp_block *b, const rp_stmt_seq *seq,
                     rp_block *end) {
    rp_use_next_block(c, b);
    if (rp_compile_stmts(c, seq) < 0)
        return -1;
    rp_use_next_block(c, end);
    return 0;
}

static int compile_if(rp_compiler *c, const rp_stmt *s) {
    rp_block *end = rp_new_block(c), *next = end;
    if (!end || (s->v.if_.orelse.n && !(next = rp_new_block(c))))
        return -1;
    if (rp_compile_jump_if(c, s->v.if_.test, next, false) < 0 ||
        rp_compile_stmts(c, &s->v.if_.body) < 0)
        return -1;
    if (!s->v.if_.orelse.n) {
        rp_use_next_block(c, end);
        return 0;
    }
    if (rp_emit_jump_noline(c, RP_P_JUMP, end) < 0)
        return -1;
    return else_part(c, next, &s->v.if_.orelse, end);
}

static int compile_while(rp_compiler *c, const rp_stmt *s) {
    rp_block *loop = rp_new_block(c), *body = rp_new_block(c),
             *anchor = rp_new_block(c), *end = rp_new_block(c);
    if (!loop || !body || !anchor || !end)
        return -1;
    rp_use_next_block(c, loop);
    if (rp_push_fblock(c, RP_FB_WHILE_LOOP, loop, end, NULL) < 0 ||
        rp_compile_jump_if(c, s->v.while_.test, anchor, false) < 0)
        return -1;
    rp_use_next_block(c, body);
    if (rp_compile_stmts(c, &s->v.while_.body) < 0)
        return -1;
    rp_set_loc(c, s->loc);
    if (rp_compile_jump_if(c, s->v.while_.test, body, true) < 0)
        return -1;
    rp_pop_fblock(c);
    return else_part(c, anchor, &s->v.while_.orelse, end);
}

static int compile_for(rp_compiler *c, const rp_stmt *s) {
    rp_block *start = rp_new_block(c), *body = rp_new_block(c),
             *cleanup = rp_new_block(c), *end = rp_new_block(c);
    if (!start || !body || !cleanup || !end ||
        rp_push_fblock(c, RP_FB_FOR_LOOP, start, end, NULL) < 0 ||
        rp_compile_expr(c, s->v.for_.iter) < 0 ||
        rp_emit(c, RP_GET_ITER, 0) < 0)
        return -1;
    rp_use_next_block(c, start);
    if (rp_emit_jump(c, RP_FOR_ITER, cleanup) < 0)
        return -1;
    rp_use_next_block(c, body);
    if (rp_compile_expr(c, s->v.for_.target) < 0 ||
        rp_compile_stmts(c, &s->v.for_.body) < 0)
        return -1;
    rp_unset_loc(c);
    if (rp_emit_jump(c, RP_P_JUMP, start) < 0)
        return -1;
    rp_pop_fblock(c);
    return else_part(c, cleanup, &s->v.for_.orelse, end);
}

static int compile_raise(rp_compiler *c, const rp_stmt *s) {
    int n = 0;
    if (s->v.raise.exc) {
        if (rp_compile_expr(c, s->v.raise.exc) < 0)
            return -1;
        n++;
        if (s->v.raise.cause) {
            if (rp_compile_expr(c, s->v.raise.cause) < 0)
                return -1;
            n++;
        }
    }
    if (rp_emit(c, RP_RAISE_VARARGS, n) < 0)
        return -1;
    return rp_next_block(c);
}

static int compile_assert(rp_compiler *c, const rp_stmt *s) {
    rp_block *end = rp_new_block(c);
    if (!end || rp_compile_jump_if(c, s->v.assert_.test, end, true) < 0 ||
        rp_emit(c, RP_LOAD_ASSERTION_ERROR, 0) < 0)
        return -1;
    if (s->v.assert_.msg && (rp_compile_expr(c, s->v.assert_.msg) < 0 ||
                             rp_emit(c, RP_CALL, 0) < 0))
        return -1;
    if (rp_emit(c, RP_RAISE_VARARGS, 1) < 0)
        return -1;
    rp_use_next_block(c, end);
    return 0;
}

/* ====================================================================== */
/* try / except / finally                                                 */
/* ====================================================================== */

/* COPY 3; POP_EXCEPT; RERAISE 1: a handler's own exception handler. */
static int pop_except_and_reraise(rp_compiler *c) {
    if (rp_emit(c, RP_COPY, 3) < 0 || rp_emit(c, RP_POP_EXCEPT, 0) < 0)
        return -1;
    return rp_emit(c, RP_RERAISE, 1);
}

/* The body of `except ... as name`, inside its own try/finally that
 * clears the name. */
static int named_handler(rp_compiler *c, const rp_excepthandler *h,
                         rp_block *end) {
    rp_block *cleanup_end = rp_new_block(c), *cleanup_body = rp_new_block(c);
    if (!cleanup_end || !cleanup_body ||
        rp_compile_nameop(c, h->name, RP_STORE) < 0 ||
        rp_emit_jump(c, RP_P_SETUP_CLEANUP, cleanup_end) < 0)
        return -1;
    rp_use_next_block(c, cleanup_body);
    if (rp_push_fblock(c, RP_FB_HANDLER_CLEANUP, cleanup_body, NULL, h->name) <
            0 ||
        rp_compile_stmts(c, &h->body) < 0)
        return -1;
    rp_pop_fblock(c);
    rp_unset_loc(c);
    if (rp_emit(c, RP_P_POP_BLOCK, 0) < 0 ||
        rp_emit(c, RP_P_POP_BLOCK, 0) < 0 || rp_emit(c, RP_POP_EXCEPT, 0) < 0 ||
        clear_handler_name(c, h->name) < 0 ||
        rp_emit_jump(c, RP_P_JUMP, end) < 0)
        return -1;
    rp_use_next_block(c, cleanup_end);
    rp_unset_loc(c);
    if (clear_handler_name(c, h->name) < 0)
        return -1;
    return rp_emit(c, RP_RERAISE, 1);
}

static int plain_handler(rp_compiler *c, const rp_excepthandler *h,
                         rp_block *end) {
    rp_block *cleanup_body = rp_new_block(c);
    if (!cleanup_body || rp_emit(c, RP_POP_TOP, 0) < 0)
        return -1;
    rp_use_next_block(c, cleanup_body);
    if (rp_push_fblock(c, RP_FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL) <
            0 ||
        rp_compile_stmts(c, &h->body) < 0)
        return -1;
    rp_pop_fblock(c);
    rp_unset_loc(c);
    if (rp_emit(c, RP_P_POP_BLOCK, 0) < 0 || rp_emit(c, RP_POP_EXCEPT, 0) < 0)
        return -1;
    return rp_emit_jump(c, RP_P_JUMP, end);
}

static int handlers(rp_compiler *c, const rp_stmt *s, rp_block *end) {
    const rp_excepthandler_seq *hs = &s->v.try_.handlers;
    for (size_t i = 0; i < hs->n; i++) {
        const rp_excepthandler *h = hs->items[i];
        rp_set_loc(c, h->loc);
        if (!h->type && i + 1 < hs->n)
            return rp_compiler_error(c, h->loc,
                                     "default 'except:' must be last");
        rp_block *next = rp_new_block(c);
        if (!next)
            return -1;
        if (h->type && (rp_compile_expr(c, h->type) < 0 ||
                        rp_emit(c, RP_CHECK_EXC_MATCH, 0) < 0 ||
                        rp_emit_jump(c, RP_POP_JUMP_IF_FALSE, next) < 0 ||
                        rp_next_block(c) < 0))
            return -1;
        if ((h->name ? named_handler(c, h, end) : plain_handler(c, h, end)) < 0)
            return -1;
        rp_use_next_block(c, next);
    }
    return 0;
}

static int try_except(rp_compiler *c, const rp_stmt *s) {
    rp_block *body = rp_new_block(c), *except = rp_new_block(c),
             *end = rp_new_block(c), *cleanup = rp_new_block(c);
    if (!body || !except || !end || !cleanup ||
        rp_emit_jump(c, RP_P_SETUP_FINALLY, except) < 0)
        return -1;
    rp_use_next_block(c, body);
    if (rp_push_fblock(c, RP_FB_TRY_EXCEPT, body, NULL, NULL) < 0 ||
        rp_compile_stmts(c, &s->v.try_.body) < 0)
        return -1;
    rp_pop_fblock(c);
    if (rp_emit_noline(c, RP_P_POP_BLOCK, 0) < 0 ||
        rp_compile_stmts(c, &s->v.try_.orelse) < 0 ||
        rp_emit_jump_noline(c, RP_P_JUMP, end) < 0)
        return -1;
    rp_use_next_block(c, except);
    rp_unset_loc(c);
    if (rp_emit_jump(c, RP_P_SETUP_CLEANUP, cleanup) < 0 ||
        rp_emit(c, RP_PUSH_EXC_INFO, 0) < 0 ||
        rp_push_fblock(c, RP_FB_EXCEPTION_HANDLER, NULL, NULL, NULL) < 0 ||
        handlers(c, s, end) < 0)
        return -1;
    rp_unset_loc(c);
    rp_pop_fblock(c);
    if (rp_emit(c, RP_RERAISE, 0) < 0)
        return -1;
    rp_use_next_block(c, cleanup);
    if (pop_except_and_reraise(c) < 0)
        return -1;
    rp_use_next_block(c, end);
    return 0;
}

static int try_finally(rp_compiler *c, const rp_stmt *s) {
    rp_block *body = rp_new_block(c), *end = rp_new_block(c),
             *exit = rp_new_block(c), *cleanup = rp_new_block(c);
    const rp_stmt_seq *fin = &s->v.try_.finalbody;
    if (!body || !end || !exit || !cleanup ||
        rp_emit_jump(c, RP_P_SETUP_FINALLY, end) < 0)
        return -1;
    rp_use_next_block(c, body);
    if (rp_push_fblock(c, RP_FB_FINALLY_TRY, body, end, fin) < 0 ||
        (s->v.try_.handlers.n ? try_except(c, s)
                              : rp_compile_stmts(c, &s->v.try_.body)) < 0 ||
        rp_emit_noline(c, RP_P_POP_BLOCK, 0) < 0)
        return -1;
    rp_pop_fblock(c);
    if (rp_compile_stmts(c, fin) < 0 ||
        rp_emit_jump_noline(c, RP_P_JUMP, exit) < 0)
        return -1;
    rp_use_next_block(c, end);
    rp_unset_loc(c);
    if (rp_emit_jump(c, RP_P_SETUP_CLEANUP, cleanup) < 0 ||
        rp_emit(c, RP_PUSH_EXC_INFO, 0) < 0 ||
        rp_push_fblock(c, RP_FB_FINALLY_END, end, NULL, NULL) < 0 ||
        rp_compile_stmts(c, fin) < 0)
        return -1;
    rp_pop_fblock(c);
    if (rp_emit(c, RP_RERAISE, 0) < 0)
        return -1;
    rp_use_next_block(c, cleanup);
    if (pop_except_and_reraise(c) < 0)
        return -1;
    rp_use_next_block(c, exit);
    return 0;
}

/* ====================================================================== */
/* with                                                                   */
/* ====================================================================== */

/* After WITH_EXCEPT_START: swallow the exception when __exit__ returned
 * true, else re-raise it. */
static int with_except_finish(rp_compiler *c, rp_block *cleanup) {
    rp_unset_loc(c);
    rp_block *exit = rp_new_block(c);
    if (!exit || rp_emit_jump(c, RP_POP_JUMP_IF_TRUE, exit) < 0 ||
        rp_next_block(c) < 0 || rp_emit(c, RP_RERAISE, 2) < 0)
        return -1;
    rp_use_next_block(c, cleanup);
    if (pop_except_and_reraise(c) < 0)
        return -1;
    rp_use_next_block(c, exit);
    static const int tail[] = {RP_POP_TOP, RP_P_POP_BLOCK, RP_POP_EXCEPT,
                               RP_POP_TOP, RP_POP_TOP};
    for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++)
        if (rp_emit(c, tail[i], 0) < 0)
            return -1;
    return 0;
}

static int compile_with(rp_compiler *c, const rp_stmt *s, size_t pos) {
    const rp_withitem *item = s->v.with.items.items[pos];
    rp_block *block = rp_new_block(c), *final = rp_new_block(c),
             *exit = rp_new_block(c), *cleanup = rp_new_block(c);
    if (!block || !final || !exit || !cleanup ||
        rp_compile_expr(c, item->context_expr) < 0 ||
        rp_emit(c, RP_BEFORE_WITH, 0) < 0 ||
        rp_emit_jump(c, RP_P_SETUP_WITH, final) < 0)
        return -1;
    rp_use_next_block(c, block);
    if (rp_push_fblock(c, RP_FB_WITH, block, final, s) < 0 ||
        (item->optional_vars ? rp_compile_expr(c, item->optional_vars)
                             : rp_emit(c, RP_POP_TOP, 0)) < 0)
        return -1;
    if ((pos + 1 == s->v.with.items.n ? rp_compile_stmts(c, &s->v.with.body)
                                      : compile_with(c, s, pos + 1)) < 0)
        return -1;
    rp_unset_loc(c);
    if (rp_emit(c, RP_P_POP_BLOCK, 0) < 0)
        return -1;
    rp_pop_fblock(c);
    rp_set_loc(c, s->loc);
    if (call_exit_with_nones(c) < 0 || rp_emit(c, RP_POP_TOP, 0) < 0 ||
        rp_emit_jump(c, RP_P_JUMP, exit) < 0)
        return -1;
    rp_use_next_block(c, final);
    if (rp_emit_jump(c, RP_P_SETUP_CLEANUP, cleanup) < 0 ||
        rp_emit(c, RP_PUSH_EXC_INFO, 0) < 0 ||
        rp_emit(c, RP_WITH_EXCEPT_START, 0) < 0 ||
        with_except_finish(c, cleanup) < 0)
        return -1;
    rp_use_next_block(c, exit);
    return 0;
}

/* ====================================================================== */
/* Imports                                                                */
/* ====================================================================== */

static rc_object *substring(rp_compiler *c, const char *s, size_t n) {
    rc_object *str = rc_str_from_utf8(c->rt, s, n);
    if (!str)
        return NULL;
    rc_object *r = rc_str_intern_object(str);
    rc_decref(str);
    return r;
}

/* import a.b.c as d: IMPORT_FROM b, then c, then store d. */
static int import_as(rp_compiler *c, rc_object *name, rc_object *asname) {
    const char *s = rc_str_utf8(name), *dot = strchr(s, '.');
    if (!dot)
        return rp_compile_nameop(c, asname, RP_STORE);
    for (;;) {
        const char *start = dot + 1;
        dot = strchr(start, '.');
        size_t n = dot ? (size_t)(dot - start) : strlen(start);
        rc_object *attr = substring(c, start, n);
        int r = attr ? rp_emit_name(c, RP_IMPORT_FROM, attr, false) : -1;
        rc_xdecref(attr);
        if (r < 0)
            return -1;
        if (!dot)
            break;
        if (rp_emit(c, RP_SWAP, 2) < 0 || rp_emit(c, RP_POP_TOP, 0) < 0)
            return -1;
    }
    if (rp_compile_nameop(c, asname, RP_STORE) < 0)
        return -1;
    return rp_emit(c, RP_POP_TOP, 0);
}

static int compile_import(rp_compiler *c, const rp_stmt *s) {
    for (size_t i = 0; i < s->v.import.names.n; i++) {
        const rp_alias *a = s->v.import.names.items[i];
        if (rp_emit_const_new(c, rc_int_from_i64(c->rt, 0)) < 0 ||
            rp_emit_const(c, rp_none(c->ip)) < 0 ||
            rp_emit_name(c, RP_IMPORT_NAME, a->name, true) < 0)
            return -1;
        if (a->asname) {
            if (import_as(c, a->name, a->asname) < 0)
                return -1;
            continue;
        }
        const char *n = rc_str_utf8(a->name), *dot = strchr(n, '.');
        rc_object *store = dot ? substring(c, n, (size_t)(dot - n)) : a->name;
        int r = store ? rp_compile_nameop(c, store, RP_STORE) : -1;
        if (dot)
            rc_xdecref(store);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int compile_importfrom(rp_compiler *c, const rp_stmt *s) {
    const rp_alias_seq *names = &s->v.importfrom.names;
    rc_object *module = s->v.importfrom.module;
    if (module && s->loc.lineno > c->future_lineno &&
        strcmp(rc_str_utf8(module), "__future__") == 0)
        return rp_compiler_error(c, s->loc,
                                 "from __future__ imports must occur at the "
                                 "beginning of the file");
    rc_object *fromlist = rc_tuple_new(c->rt, names->n);
    if (!fromlist)
        return -1;
    for (size_t i = 0; i < names->n; i++) {
        rc_incref(names->items[i]->name);
        rc_tuple_init_item(fromlist, i, names->items[i]->name);
    }
    if (rp_emit_const_new(c, rc_int_from_i64(c->rt, s->v.importfrom.level)) <
            0 ||
        rp_emit_const_new(c, fromlist) < 0 ||
        rp_emit_name(c, RP_IMPORT_NAME, module ? module : c->ip->s.empty,
                     true) < 0)
        return -1;
    for (size_t i = 0; i < names->n; i++) {
        const rp_alias *a = names->items[i];
        if (i == 0 && rc_str_utf8(a->name)[0] == '*')
            return rp_emit(c, RP_IMPORT_STAR, 0);
        if (rp_emit_name(c, RP_IMPORT_FROM, a->name, true) < 0 ||
            rp_compile_nameop(c, a->asname ? a->asname : a->name, RP_STORE) < 0)
            return -1;
    }
    return rp_emit(c, RP_POP_TOP, 0);
}

/* ====================================================================== */
/* Statements                                                             */
/* ====================================================================== */

static int compile_expr_stmt(rp_compiler *c, const rp_stmt *s) {
    const rp_expr *v = s->v.expr.value;
    if (c->mode == RP_MODE_SINGLE && c->nestlevel <= 1) {
        if (rp_compile_expr(c, v) < 0)
            return -1;
        return rp_emit(c, RP_PRINT_EXPR, 0);
    }
    rc_object *folded;
    if (rp_expr_constant(c, v) &&
        !rp_foldmap_get(&c->fold, (const rp_expr *)(const void *)s, &folded))
        return rp_emit(c, RP_NOP, 0); /* a constant statement does nothing */
    if (rp_compile_expr(c, v) < 0)
        return -1;
    rp_unset_loc(c);
    return rp_emit(c, RP_POP_TOP, 0);
}

static int compile_try(rp_compiler *c, const rp_stmt *s) {
    return s->v.try_.finalbody.n ? try_finally(c, s) : try_except(c, s);
}

static int compile_stmt_kind(rp_compiler *c, const rp_stmt *s) {
    switch (s->kind) {
    case RP_S_FUNCTIONDEF:
        return compile_function(c, s);
    case RP_S_CLASSDEF:
        return compile_class(c, s);
    case RP_S_RETURN:
        return compile_return(c, s);
    case RP_S_DELETE:
        return rp_compile_exprs(c, &s->v.delete_.targets);
    case RP_S_ASSIGN:
        return compile_assign(c, s);
    case RP_S_AUGASSIGN:
        return compile_augassign(c, s);
    case RP_S_ANNASSIGN:
        return compile_annassign(c, s);
    case RP_S_FOR:
        return compile_for(c, s);
    case RP_S_WHILE:
        return compile_while(c, s);
    case RP_S_IF:
        return compile_if(c, s);
    case RP_S_WITH:
        return compile_with(c, s, 0);
    case RP_S_RAISE:
        return compile_raise(c, s);
    case RP_S_TRY:
        return compile_try(c, s);
    case RP_S_ASSERT:
        return compile_assert(c, s);
    case RP_S_IMPORT:
        return compile_import(c, s);
    case RP_S_IMPORTFROM:
        return compile_importfrom(c, s);
    case RP_S_GLOBAL:
    case RP_S_NONLOCAL:
        return 0;
    case RP_S_EXPR:
        return compile_expr_stmt(c, s);
    case RP_S_PASS:
        return rp_emit(c, RP_NOP, 0);
    case RP_S_BREAK:
    case RP_S_CONTINUE:
        return compile_break_continue(c, s);
    }
    return 0;
}

int rp_compile_stmt(rp_compiler *c, const rp_stmt *s) {
    if (++c->depth > RP_COMPILE_MAX_DEPTH)
        return rp_compiler_too_deep(c);
    rp_set_loc(c, s->loc);
    int r = compile_stmt_kind(c, s);
    c->depth--;
    return r;
}

int rp_compile_stmts(rp_compiler *c, const rp_stmt_seq *seq) {
    for (size_t i = 0; i < seq->n; i++)
        if (rp_compile_stmt(c, seq->items[i]) < 0)
            return -1;
    return 0;
}

int rp_compile_body(rp_compiler *c, const rp_stmt_seq *body) {
    if (c->u->scope == RP_SCOPE_MODULE && body->n)
        rp_set_loc(c, body->items[0]->loc);
    if (!body->n)
        return 0;
    size_t i = 0;
    rc_object *doc = rp_docstring(body);
    if (doc) {
        i = 1;
        if (rp_compile_expr(c, body->items[0]->v.expr.value) < 0)
            return -1;
        rp_unset_loc(c);
        if (rp_compile_nameop(c, c->ip->s.doc, RP_STORE) < 0)
            return -1;
    }
    for (; i < body->n; i++)
        if (rp_compile_stmt(c, body->items[i]) < 0)
            return -1;
    return 0;
}
