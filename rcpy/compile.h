/*
 * compile.h — what the compiler's files share (never included outside the
 * compiler part): name maps, the symbol table, the folded-constant table,
 * the control-flow graph the code generator builds and the assembler turns
 * into code objects.
 *
 * The pipeline follows CPython 3.11's: constant folding (fold.c) records
 * folded values in a side table instead of rewriting the caller's tree;
 * the symbol table (symtable.c) decides every name's scope; the code
 * generator (compile.c, compile_expr.c, compile_stmt.c) emits instructions
 * into basic blocks, with pseudo-instructions for exception-handler set-up
 * and direction-free jumps; the assembler (assemble.c) optimizes the graph,
 * computes stack depths, exception-table entries and line numbers, and
 * makes the code object (code.c).
 *
 * Error convention inside the compiler: functions return 0 on success and
 * -1 on failure. A failure is either a SyntaxError described in
 * rp_compiler.err (err.msg[0] != 0), or an error recorded on the runtime
 * (memory, mostly).
 */
#ifndef RCPY_COMPILE_H
#define RCPY_COMPILE_H

#include "rcpy.h"

/* ====================================================================== */
/* Name maps: str -> int, insertion-ordered                               */
/* ====================================================================== */

/* Keys are str objects (a reference is held), compared by value; values
 * are ints (symbol flags, slot indices). */
typedef struct rp_namemap {
    struct rp_name_entry {
        rc_object *name;
        int64_t hash;
        int value;
    } * entries;     /* insertion order (rc_malloc) */
    uint32_t n, cap; /* entries used / allocated */
    int32_t *index;  /* open addressing: entry index + 1, 0 empty */
    uint32_t mask;   /* index slots - 1 (0 while index is NULL) */
    rc_runtime *rt;
} rp_namemap;

void rp_namemap_init(rp_namemap *m, rc_runtime *rt);
void rp_namemap_fini(rp_namemap *m);
/* 1 and *value when present, else 0. */
int rp_namemap_get(const rp_namemap *m, rc_object *name, int *value);
/* Sets (adds or replaces); 0 or -1 (memory). */
int rp_namemap_set(rp_namemap *m, rc_object *name, int value);
bool rp_namemap_has(const rp_namemap *m, rc_object *name);
/* Removes name if present (keeps the order of the others). */
void rp_namemap_remove(rp_namemap *m, rc_object *name);
/* Adds every name of src (value 1) that m lacks. */
int rp_namemap_update(rp_namemap *m, const rp_namemap *src);
/* The index a name gets when appended: its value if present, else n. */
int rp_namemap_add_index(rp_namemap *m, rc_object *name, int *index);

/* ====================================================================== */
/* Symbol tables (symtable.c)                                             */
/* ====================================================================== */

/* Symbol flags (CPython's DEF_* values). */
#define RP_DEF_GLOBAL     1
#define RP_DEF_LOCAL      2
#define RP_DEF_PARAM      4
#define RP_DEF_NONLOCAL   8
#define RP_USE            16
#define RP_DEF_FREE       32
#define RP_DEF_FREE_CLASS 64
#define RP_DEF_IMPORT     128
#define RP_DEF_ANNOT      256
#define RP_DEF_COMP_ITER  512
#define RP_DEF_BOUND      (RP_DEF_LOCAL | RP_DEF_PARAM | RP_DEF_IMPORT)

/* Scopes, stored in flags >> RP_SCOPE_OFFSET. */
#define RP_SCOPE_OFFSET 11
#define RP_SCOPE_MASK   7
enum {
    RP_SCOPE_NONE = 0,
    RP_LOCAL = 1,
    RP_GLOBAL_EXPLICIT,
    RP_GLOBAL_IMPLICIT,
    RP_FREE,
    RP_CELL
};

typedef enum rp_block_kind {
    RP_BLOCK_FUNCTION,
    RP_BLOCK_CLASS,
    RP_BLOCK_MODULE
} rp_block_kind;

/* rp_ste.comprehension */
enum { RP_COMP_NONE, RP_COMP_LIST, RP_COMP_SET, RP_COMP_DICT, RP_COMP_GEN };

typedef struct rp_directive { /* a global / nonlocal declaration */
    rc_object *name;          /* mangled (held) */
    rp_loc loc;
} rp_directive;

typedef struct rp_ste rp_ste;
struct rp_ste {
    rp_block_kind type;
    rc_object *name; /* "top", "f", "<lambda>", "<listcomp>" (held) */
    const void *key; /* the tree node that opened the block */
    rp_loc loc;
    rp_namemap symbols;  /* name -> flags | scope << RP_SCOPE_OFFSET */
    rp_namemap varnames; /* parameters in order (value: position) */
    rp_directive *directives;
    uint32_t ndirectives, capdirectives;
    rp_ste **children; /* in the order the blocks were opened */
    uint32_t nchildren, capchildren, cursor;
    unsigned nested : 1;    /* inside a function */
    unsigned generator : 1; /* contains yield */
    unsigned varargs : 1, varkeywords : 1;
    unsigned comprehension : 3;       /* RP_COMP_*: which comprehension it is */
    unsigned free : 1;                /* has free variables */
    unsigned child_free : 1;          /* some child block has free variables */
    unsigned needs_class_closure : 1; /* a method uses __class__/super */
    unsigned comp_iter_target : 1;    /* visiting a comprehension target */
    int comp_iter_expr; /* depth inside a comprehension's iterable */
};

typedef struct rp_symtable {
    rc_runtime *rt;
    rp_ste *top;    /* the module block */
    rp_ste *cur;    /* while building */
    rp_ste **stack; /* blocks being built, outermost first */
    uint32_t nstack, capstack;
    rc_object *private_; /* class name for mangling while building, borrowed */
    int depth;           /* nesting of the visit (RecursionError) */
    struct rp_compiler *c; /* errors go to c->err */
} rp_symtable;

/* Builds and analyzes the symbol table of mod; 0 or -1 (c->err or a
 * runtime error). */
int rp_symtable_build(struct rp_compiler *c, const rp_mod *mod);
void rp_symtable_free(rp_symtable *st);
/* The child block of ste opened for tree node key (NULL if none). */
rp_ste *rp_ste_child(rp_ste *ste, const void *key);
/* The scope of name in ste (RP_LOCAL ... or 0 when unknown). */
int rp_ste_scope(const rp_ste *ste, rc_object *name);
int rp_ste_flags(const rp_ste *ste, rc_object *name);
/* Python's private name mangling: __x inside class C is _C__x. New
 * reference (name itself, incref'd, when not mangled); NULL on memory. */
rc_object *rp_mangle(rc_runtime *rt, rc_object *private_, rc_object *name);

/* ====================================================================== */
/* Constant folding (fold.c)                                              */
/* ====================================================================== */

/* Folded values by tree node. A node maps to a constant (owned) or, with
 * a NULL value, to "a list literal iterated over: build a tuple". A
 * statement (its address used as a key) maps to NULL when it is the first
 * of a body and only folding made it a str: it is not a docstring. */
typedef struct rp_foldmap {
    struct rp_fold_entry {
        const rp_expr *node;
        rc_object *value;
    } * slots;
    uint32_t mask, n; /* slots - 1 (0: none allocated), entries used */
    rc_runtime *rt;
} rp_foldmap;

int rp_fold_module(struct rp_compiler *c, const rp_mod *mod);
void rp_foldmap_free(rp_foldmap *m);
/* 1 with *value (borrowed; NULL for list-as-tuple) if e was folded. */
int rp_foldmap_get(const rp_foldmap *m, const rp_expr *e, rc_object **value);

/* ====================================================================== */
/* The control-flow graph                                                 */
/* ====================================================================== */

/* Whether an opcode's argument means something (opcode.h's table). */
int rp_opcode_has_arg(unsigned op);

/* Pseudo-instructions, never in a finished code object. */
enum {
    RP_P_JUMP = 256, /* JUMP_FORWARD or JUMP_BACKWARD */
    RP_P_JUMP_NO_INTERRUPT,
    RP_P_SETUP_FINALLY, /* handler pushes the exception */
    RP_P_SETUP_CLEANUP, /* handler pushes lasti and the exception */
    RP_P_SETUP_WITH,    /* as SETUP_CLEANUP, one value less on the stack */
    RP_P_POP_BLOCK,     /* ends the innermost SETUP_* */
};

typedef struct rp_block rp_block;

typedef struct rp_cinstr {
    int opcode; /* rp_opcode or RP_P_* */
    int oparg;
    rp_block *target; /* jumps and SETUP_* */
    rp_block *except; /* handler in effect (assembler) */
    rp_pos pos;       /* line -1: none yet */
} rp_cinstr;

struct rp_block {
    rp_block *alloc_next; /* every block of the unit, for freeing */
    rp_block *next;       /* the block laid out after this one */
    rp_cinstr *instrs;
    uint32_t n, cap;
    int offset;     /* index of its first instruction (assembler) */
    int startdepth; /* stack depth on entry; -1 not yet seen */
    int predecessors;
    struct rp_exc_stack *exc_stack; /* assembler: handlers on entry */
    unsigned visited : 1, exit : 1, nofallthrough : 1;
    unsigned preserve_lasti : 1; /* a SETUP_CLEANUP/SETUP_WITH target */
};

/* ====================================================================== */
/* Compilation units and the compiler                                     */
/* ====================================================================== */

typedef enum rp_scope_kind {
    RP_SCOPE_MODULE,
    RP_SCOPE_CLASS,
    RP_SCOPE_FUNCTION,
    RP_SCOPE_LAMBDA,
    RP_SCOPE_COMPREHENSION
} rp_scope_kind;

/* What a statement nests inside, for break/continue/return unwinding
 * (CPython's fblock kinds). */
typedef enum rp_fblock_kind {
    RP_FB_WHILE_LOOP,
    RP_FB_FOR_LOOP,
    RP_FB_TRY_EXCEPT,
    RP_FB_FINALLY_TRY,
    RP_FB_FINALLY_END,
    RP_FB_WITH,
    RP_FB_HANDLER_CLEANUP,
    RP_FB_POP_VALUE,
    RP_FB_EXCEPTION_HANDLER
} rp_fblock_kind;

typedef struct rp_fblock {
    rp_fblock_kind kind;
    rp_block *block;   /* loops: where continue goes */
    rp_block *exit;    /* loops: where break goes */
    const void *datum; /* finally body (rp_stmt_seq *), with statement,
                          or the handler's name (rc_object *) */
} rp_fblock;

#define RP_MAX_FBLOCKS 20 /* "too many statically nested blocks" */

typedef struct rp_unit rp_unit;
struct rp_unit {
    rp_unit *parent;
    rp_ste *ste;
    rp_scope_kind scope;
    rc_object *name;        /* held */
    rc_object *qualname;    /* held */
    rc_object *private_;    /* class name for mangling, held, or NULL */
    rc_object *consts;      /* list */
    rc_object *const_index; /* dict: constant key -> index */
    rp_namemap names;       /* co_names */
    rp_namemap varnames;    /* fast locals */
    rp_namemap cellvars;    /* sorted, index from 0 */
    rp_namemap freevars;    /* sorted, index from ncellvars */
    uint32_t argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    rp_block *blocks; /* allocation list */
    rp_block *entry, *cur;
    rp_pos loc; /* position given to new instructions */
    rp_fblock fblocks[RP_MAX_FBLOCKS];
    int nfblocks;
};

/* A SyntaxError found while compiling. */
typedef struct rp_cerror {
    char msg[200];
    rp_loc loc; /* columns 0-based bytes; offsets are +1 when raised */
} rp_cerror;

typedef struct rp_compiler {
    rp_interp *ip;
    rc_runtime *rt;
    rc_object *filename;
    const char *src; /* the source text when known, for messages */
    size_t srclen;
    rp_mode mode;
    rp_symtable st;
    rp_foldmap fold;
    rc_object *const_cache; /* dict: constant key -> the one object */
    rp_unit *u;
    int nestlevel;     /* units entered; the module is 1 */
    int depth;         /* nesting of the tree walk (RecursionError) */
    int future_lineno; /* line of the last `from __future__` allowed */
    rp_cerror err;
} rp_compiler;

/* Compiles a parsed tree: a new code object, or NULL with c->err filled
 * (a SyntaxError to raise) or an error recorded on the runtime. src may be
 * NULL. */
rc_object *rp_compiler_run(rp_interp *ip, const rp_mod *mod,
                           rc_object *filename, const char *src, size_t srclen,
                           rp_cerror *err);

/* How deeply the compiler's passes may nest while walking a tree. */
#define RP_COMPILE_MAX_DEPTH 3000
/* Records RecursionError ("maximum recursion depth exceeded during
 * compilation"); returns -1. */
int rp_compiler_too_deep(rp_compiler *c);

/* Records a SyntaxError at loc (printf-style); returns -1. */
int rp_compiler_error(rp_compiler *c, rp_loc loc, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* ---- emitting (compile.c) ---- */

/* Sets the position of the instructions emitted next. */
void rp_set_loc(rp_compiler *c, rp_loc loc);
void rp_unset_loc(rp_compiler *c);
rp_block *rp_new_block(rp_compiler *c);
/* Adds a copy of *in at the end of b. */
int rp_block_append(rp_compiler *c, rp_block *b, const rp_cinstr *in);
/* Makes b the current block, after the current one in layout order. */
void rp_use_next_block(rp_compiler *c, rp_block *b);
/* Starts a new block after the current one (after a jump). */
int rp_next_block(rp_compiler *c);
int rp_emit(rp_compiler *c, int opcode, int oparg);
int rp_emit_noline(rp_compiler *c, int opcode, int oparg);
int rp_emit_jump(rp_compiler *c, int opcode, rp_block *target);
int rp_emit_jump_noline(rp_compiler *c, int opcode, rp_block *target);
/* LOAD_CONST of o (borrowed): the constant is merged compilation-wide. */
int rp_emit_const(rp_compiler *c, rc_object *o);
/* The same, stealing o (which may be NULL after a failed allocation). */
int rp_emit_const_new(rp_compiler *c, rc_object *o);
/* opcode with the index of name (mangled when mangle) in co_names. */
int rp_emit_name(rp_compiler *c, int opcode, rc_object *name, bool mangle);
/* A store or delete of __debug__ is a SyntaxError ("cannot assign to
 * __debug__") at the current position; 0 or -1. */
int rp_forbidden_name(rp_compiler *c, rc_object *name, rp_ctx ctx);
/* The same for every parameter of a def or lambda. */
int rp_check_debug_args(rp_compiler *c, const rp_arguments *a);
/* Loads, stores or deletes a variable as its scope requires. */
int rp_compile_nameop(rp_compiler *c, rc_object *name, rp_ctx ctx);
/* The index of constant o in the current unit (merged); -1 on failure. */
int rp_add_const(rp_compiler *c, rc_object *o);

/* ---- units (compile.c) ---- */

int rp_enter_scope(rp_compiler *c, rc_object *name, rp_scope_kind kind,
                   const void *key, int firstlineno);
/* Assembles the current unit into a code object (new reference) and
 * leaves it; NULL on failure (the unit is left anyway). */
rc_object *rp_leave_scope(rp_compiler *c, bool add_none);
void rp_abandon_scope(rp_compiler *c);
/* After compiling a unit's body (body: 0, or -1 when it failed): its code
 * object (new reference), or NULL, the unit left either way. */
rc_object *rp_finish_scope(rp_compiler *c, int body, bool add_none);
/* MAKE_FUNCTION for code (borrowed) with its closure tuple. */
int rp_make_closure(rp_compiler *c, rc_object *code, int flags);

/* ---- expressions (compile_expr.c) ---- */

int rp_compile_expr(rp_compiler *c, const rp_expr *e);
int rp_compile_exprs(rp_compiler *c, const rp_expr_seq *seq);
/* Jumps to next when bool(e) == cond (CPython's compiler_jump_if). */
int rp_compile_jump_if(rp_compiler *c, const rp_expr *e, rp_block *next,
                       bool cond);
/* The constant e stands for (borrowed): a Constant node or a folded one;
 * NULL otherwise. */
rc_object *rp_expr_constant(rp_compiler *c, const rp_expr *e);
/* A call with n values already pushed (class bases follow the name). */
int rp_compile_call_helper(rp_compiler *c, int n, const rp_expr_seq *args,
                           const rp_keyword_seq *keywords);
/* Defaults and keyword-only defaults of a def/lambda: MAKE_FUNCTION flags,
 * or -1. */
int rp_compile_defaults(rp_compiler *c, const rp_arguments *args);
/* Where CPython 3.11 places e's instructions: its own position, or for
 * `not a in b` / `not a is b` (rewritten as one comparison) the
 * comparison's. */
rp_loc rp_expr_loc(const rp_expr *e);
/* Attribute instructions start at the attribute's name when it is on
 * another line than the object (CPython's
 * update_start_location_to_match_attr); e is an Attribute. */
void rp_attr_location(rp_compiler *c, const rp_expr *e);
/* __class__, comprehensions' ".0" ... (interned). */
rc_object *rp_compiler_name(rp_compiler *c, const char *text);

/* ---- statements (compile_stmt.c) ---- */

int rp_compile_stmt(rp_compiler *c, const rp_stmt *s);
int rp_compile_stmts(rp_compiler *c, const rp_stmt_seq *seq);
/* A module or class body: the docstring becomes __doc__. */
int rp_compile_body(rp_compiler *c, const rp_stmt_seq *body);
/* The docstring of a body (borrowed str), or NULL. */
rc_object *rp_docstring(const rp_stmt_seq *body);
/* Unwinding for return/break/continue. */
int rp_unwind_fblock_stack(rp_compiler *c, bool preserve_tos, rp_fblock **loop);
int rp_push_fblock(rp_compiler *c, rp_fblock_kind kind, rp_block *block,
                   rp_block *exit, const void *datum);
void rp_pop_fblock(rp_compiler *c);

/* ---- the assembler (assemble.c) ---- */

/* Optimizes and lays out the unit's blocks and makes its code object
 * (new reference), or NULL. */
rc_object *rp_assemble(rp_compiler *c, bool add_none);
/* Stack effect of an instruction, falling through (jump false) or jumping
 * (jump true); INT_MIN for an unknown opcode. */
int rp_stack_effect(int opcode, int oparg, bool jump);
void rp_unit_free_blocks(rp_compiler *c, rp_unit *u);

/* ---- code objects (code.c) ---- */

/* Everything a code object is made of. rp_code_new takes over the arrays
 * (rc_malloc'd at exactly their counts, NULL when empty) and the
 * references to localsplusnames, consts and names, releasing them on
 * failure too; it takes new references to name, qualname and filename. */
typedef struct rp_code_parts {
    uint32_t argcount, posonlyargcount, kwonlyargcount, flags, stacksize;
    uint32_t firstlineno, nlocalsplus, ncellvars, nfreevars;
    rc_object *localsplusnames, *consts, *names, *name, *qualname, *filename;
    uint8_t *localspluskinds;
    rp_instr *instrs;
    rp_pos *positions;
    uint32_t ninstrs, nhandlers;
    rp_exc_entry *handlers;
} rp_code_parts;

rc_object *rp_code_new(rc_runtime *rt, rp_code_parts *p);
/* Equal code objects of one compilation (the same source compiled twice,
 * as a finally body is): every field, the positions included. */
bool rp_code_equal(const rp_code *a, const rp_code *b);

#endif /* RCPY_COMPILE_H */
