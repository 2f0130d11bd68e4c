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

int rp_code_line(const rp_code *co, uint32_t i) {
    if (i >= co->ninstrs)
        i = co->ninstrs ? co->ninstrs - 1 : 0;
    for (uint32_t k = i + 1; k-- > 0;)
        if (co->positions && co->positions[k].line >= 0)
            return co->positions[k].line;
    return (int)co->firstlineno;
}
