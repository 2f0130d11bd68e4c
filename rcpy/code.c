/*
 * code.c — code objects: the compiled form of a module, class body,
 * function, lambda or comprehension, run by the VM.
 *
 * A code object is immutable once made and owns its instruction,
 * position, exception-table and slot-kind arrays (memory from the
 * runtime's allocator) and references to its tuples (constants, names,
 * slot names) and strings. Like CPython's, it is not tracked by the cycle
 * collector: it can only refer to constants and other code objects, so it
 * can never be part of a cycle (its traverse exists for the graph tools).
 */
#include "compile.h"

#include <string.h>

static void code_free_arrays(rc_runtime *rt, rp_code *co) {
    rc_free(rt, co->localspluskinds, co->nlocalsplus);
    rc_free(rt, co->instrs, co->ninstrs * sizeof *co->instrs);
    rc_free(rt, co->positions, co->ninstrs * sizeof *co->positions);
    rc_free(rt, co->handlers, co->nhandlers * sizeof *co->handlers);
    co->localspluskinds = NULL;
    co->instrs = NULL;
    co->positions = NULL;
    co->handlers = NULL;
}

static int code_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    rp_code *co = (rp_code *)self;
    rc_object *refs[] = {co->localsplusnames, co->consts,  co->names, co->name,
                         co->qualname,        co->filename};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static void code_dealloc(rc_object *self) {
    rp_code *co = (rp_code *)self;
    code_free_arrays(rc_runtime_of(self), co);
    rc_object **refs[] = {&co->localsplusnames, &co->consts,
                          &co->names,           &co->name,
                          &co->qualname,        &co->filename};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        rc_xdecref(*refs[i]);
        *refs[i] = NULL;
    }
}

static rc_object *code_repr(rc_object *self) {
    rp_code *co = (rp_code *)self;
    return rc_str_from_format(rc_runtime_of(self),
                              "<code object %s at %p, file \"%s\", line %u>",
                              rc_str_utf8(co->name), (void *)self,
                              rc_str_utf8(co->filename), co->firstlineno);
}

static const rc_protocol code_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = code_repr,
};

const rc_type rp_code_type = {
    .name = "code",
    .basicsize = sizeof(rp_code),
    .flags = 0, /* never part of a cycle: not tracked */
    .traverse = code_traverse,
    .dealloc = code_dealloc,
    .protocol = &code_protocol,
};

rc_object *rp_code_new(rc_runtime *rt, rp_code_parts *p) {
    rp_code *co = (rp_code *)rc_new(rt, &rp_code_type);
    if (!co) {
        rp_code tmp = {.localspluskinds = p->localspluskinds,
                       .nlocalsplus = p->nlocalsplus,
                       .instrs = p->instrs,
                       .positions = p->positions,
                       .ninstrs = p->ninstrs,
                       .handlers = p->handlers,
                       .nhandlers = p->nhandlers};
        code_free_arrays(rt, &tmp);
        rc_xdecref(p->localsplusnames);
        rc_xdecref(p->consts);
        rc_xdecref(p->names);
        return NULL;
    }
    co->argcount = p->argcount;
    co->posonlyargcount = p->posonlyargcount;
    co->kwonlyargcount = p->kwonlyargcount;
    co->flags = p->flags;
    co->stacksize = p->stacksize;
    co->firstlineno = p->firstlineno;
    co->nlocalsplus = p->nlocalsplus;
    co->ncellvars = p->ncellvars;
    co->nfreevars = p->nfreevars;
    co->localsplusnames = p->localsplusnames;
    co->localspluskinds = p->localspluskinds;
    co->consts = p->consts;
    co->names = p->names;
    co->name = p->name;
    co->qualname = p->qualname;
    co->filename = p->filename;
    rc_incref(co->name);
    rc_incref(co->qualname);
    rc_incref(co->filename);
    co->ninstrs = p->ninstrs;
    co->instrs = p->instrs;
    co->positions = p->positions;
    co->nhandlers = p->nhandlers;
    co->handlers = p->handlers;
    return &co->ob;
}

static bool same_str(rc_object *a, rc_object *b) {
    return a == b ||
           (rc_str_size(a) == rc_str_size(b) &&
            memcmp(rc_str_utf8(a), rc_str_utf8(b), rc_str_size(a)) == 0);
}

static bool same_strs(rc_object *a, rc_object *b) {
    if (rc_tuple_size(a) != rc_tuple_size(b))
        return false;
    for (size_t i = 0; i < rc_tuple_size(a); i++)
        if (!same_str(rc_tuple_get(a, i), rc_tuple_get(b, i)))
            return false;
    return true;
}

/* Constants of one compilation are merged, so equal ones are the same
 * object; nested code objects are compared in turn. */
static bool same_consts(rc_object *a, rc_object *b) {
    if (rc_tuple_size(a) != rc_tuple_size(b))
        return false;
    for (size_t i = 0; i < rc_tuple_size(a); i++) {
        rc_object *x = rc_tuple_get(a, i), *y = rc_tuple_get(b, i);
        if (x != y && !(x->type == &rp_code_type && y->type == &rp_code_type &&
                        rp_code_equal((rp_code *)x, (rp_code *)y)))
            return false;
    }
    return true;
}

#define SAME_ARRAY(a, b, field, n)                                             \
    ((n) == 0 || memcmp((a)->field, (b)->field, (n) * sizeof *(a)->field) == 0)

bool rp_code_equal(const rp_code *a, const rp_code *b) {
    if (a->argcount != b->argcount ||
        a->posonlyargcount != b->posonlyargcount ||
        a->kwonlyargcount != b->kwonlyargcount || a->flags != b->flags ||
        a->firstlineno != b->firstlineno || a->ninstrs != b->ninstrs ||
        a->nlocalsplus != b->nlocalsplus || a->ncellvars != b->ncellvars ||
        a->nfreevars != b->nfreevars || a->nhandlers != b->nhandlers)
        return false;
    return SAME_ARRAY(a, b, instrs, a->ninstrs) &&
           SAME_ARRAY(a, b, positions, a->ninstrs) &&
           SAME_ARRAY(a, b, handlers, a->nhandlers) &&
           SAME_ARRAY(a, b, localspluskinds, a->nlocalsplus) &&
           same_str(a->name, b->name) && same_str(a->qualname, b->qualname) &&
           same_strs(a->names, b->names) &&
           same_strs(a->localsplusnames, b->localsplusnames) &&
           same_consts(a->consts, b->consts);
}

int rp_code_line(const rp_code *co, uint32_t i) {
    if (i >= co->ninstrs)
        i = co->ninstrs ? co->ninstrs - 1 : 0;
    for (uint32_t k = i + 1; k-- > 0;)
        if (co->positions && co->positions[k].line >= 0)
            return co->positions[k].line;
    return (int)co->firstlineno;
}
