/*
 * assemble.c — from a unit's control-flow graph to a code object, as
 * CPython 3.11's assembler does it.
 *
 * In order: every path ends in RETURN_VALUE; small exit blocks are copied
 * into the blocks that jump to them; cell and free variable operations
 * get their final slots; the graph is optimized (constant conditions,
 * jumps to jumps, tuples of constants, static swaps) and unreachable
 * blocks dropped; exit blocks without a line get their predecessor's;
 * lines propagate to instructions without one; the stack depth is
 * computed over every path (and checked: never negative, the same at
 * every entry to a block); the handler in effect at each instruction is
 * found by following SETUP/POP_BLOCK pseudo-instructions along the paths;
 * pseudo-instructions become NOPs and disappear; jumps become forward or
 * backward with absolute targets; and the exception table is the runs of
 * instructions sharing a handler.
 */
#include "compile.h"

#include <limits.h>
#include <string.h>

#define MAX_COPY_SIZE 4 /* exit blocks at most this long are copied */

/* Handlers in effect at a block's entry (exception-table labelling). */
#define RP_MAX_HANDLERS (2 * RP_MAX_FBLOCKS + 2)

struct rp_exc_stack {
    int depth;
    rp_block *handlers[RP_MAX_HANDLERS + 1]; /* [0] is NULL: none */
};

/* ====================================================================== */
/* Instruction classes                                                    */
/* ====================================================================== */

static bool is_jump(const rp_cinstr *i) {
    return i->opcode == RP_P_JUMP || i->opcode == RP_P_JUMP_NO_INTERRUPT ||
           (i->opcode < RP_NOPCODES && rp_opcode_is_jump((unsigned)i->opcode));
}

static bool is_block_push(const rp_cinstr *i) {
    return i->opcode == RP_P_SETUP_FINALLY || i->opcode == RP_P_SETUP_CLEANUP ||
           i->opcode == RP_P_SETUP_WITH;
}

static bool is_uncond_jump(int op) {
    return op == RP_P_JUMP || op == RP_P_JUMP_NO_INTERRUPT ||
           op == RP_JUMP_FORWARD || op == RP_JUMP_BACKWARD;
}

static bool is_exit_op(int op) {
    return op == RP_RETURN_VALUE || op == RP_RAISE_VARARGS || op == RP_RERAISE;
}

static rp_cinstr *last_instr(rp_block *b) {
    return b->n ? &b->instrs[b->n - 1] : NULL;
}

/* Control can run off the end of b into b->next. */
static bool has_fallthrough(rp_block *b) {
    rp_cinstr *last = last_instr(b);
    return !last || !(is_uncond_jump(last->opcode) || is_exit_op(last->opcode));
}

static bool is_exit_block(rp_block *b) {
    rp_cinstr *last = last_instr(b);
    return last && is_exit_op(last->opcode);
}

static rp_block *skip_empty(rp_block *b) {
    while (b && b->n == 0 && b->next)
        b = b->next;
    return b;
}

/* ====================================================================== */
/* Stack effects                                                          */
/* ====================================================================== */

static int call_effect(int op, int oparg) {
    switch (op) {
    case RP_CALL:
        return -oparg - 1;
    case RP_CALL_FUNCTION_EX:
        return -2 - (oparg & 1);
    default: /* MAKE_FUNCTION: the extras go, the code becomes the function */
        return -((oparg & 1) + ((oparg >> 1) & 1) + ((oparg >> 2) & 1) +
                 ((oparg >> 3) & 1));
    }
}

static int build_effect(int op, int oparg) {
    switch (op) {
    case RP_BUILD_MAP:
        return 1 - 2 * oparg;
    case RP_BUILD_CONST_KEY_MAP:
        return -oparg;
    case RP_BUILD_SLICE:
        return oparg == 3 ? -2 : -1;
    case RP_UNPACK_SEQUENCE:
        return oparg - 1;
    case RP_UNPACK_EX:
        return (oparg & 0xFF) + (oparg >> 8);
    default: /* BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING */
        return 1 - oparg;
    }
}

static int jump_effect(int op, bool jump) {
    switch (op) {
    case RP_FOR_ITER:
        return jump ? -1 : 1;
    case RP_SEND:
        return jump ? -1 : 0;
    case RP_JUMP_IF_FALSE_OR_POP:
    case RP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case RP_POP_JUMP_IF_FALSE:
    case RP_POP_JUMP_IF_TRUE:
    case RP_POP_JUMP_IF_NONE:
    case RP_POP_JUMP_IF_NOT_NONE:
        return -1;
    case RP_P_SETUP_FINALLY:
    case RP_P_SETUP_WITH:
        return jump ? 1 : 0;
    case RP_P_SETUP_CLEANUP:
        return jump ? 2 : 0;
    default: /* JUMP_*, POP_BLOCK */
        return 0;
    }
}

/* Opcodes whose effect does not depend on their argument. */
static const struct {
    bool fixed;
    signed char effect;
} fixed_effects[RP_NOPCODES] = {
    /* clang-format off */
    [RP_NOP] = {1, 0}, [RP_RESUME] = {1, 0}, [RP_SWAP] = {1, 0},
    [RP_DELETE_FAST] = {1, 0}, [RP_DELETE_DEREF] = {1, 0},
    [RP_DELETE_NAME] = {1, 0}, [RP_DELETE_GLOBAL] = {1, 0},
    [RP_LOAD_ATTR] = {1, 0}, [RP_UNARY_OP] = {1, 0}, [RP_UNARY_NOT] = {1, 0},
    [RP_LIST_TO_TUPLE] = {1, 0}, [RP_GET_ITER] = {1, 0},
    [RP_KW_NAMES] = {1, 0}, [RP_YIELD_VALUE] = {1, 0},
    [RP_GET_YIELD_FROM_ITER] = {1, 0}, [RP_CHECK_EXC_MATCH] = {1, 0},
    [RP_PUSH_NULL] = {1, 1}, [RP_COPY] = {1, 1}, [RP_LOAD_CONST] = {1, 1},
    [RP_LOAD_FAST] = {1, 1}, [RP_LOAD_DEREF] = {1, 1},
    [RP_LOAD_CLOSURE] = {1, 1}, [RP_LOAD_CLASSDEREF] = {1, 1},
    [RP_LOAD_NAME] = {1, 1}, [RP_LOAD_METHOD] = {1, 1},
    [RP_LOAD_BUILD_CLASS] = {1, 1}, [RP_PUSH_EXC_INFO] = {1, 1},
    [RP_LOAD_ASSERTION_ERROR] = {1, 1}, [RP_BEFORE_WITH] = {1, 1},
    [RP_WITH_EXCEPT_START] = {1, 1}, [RP_IMPORT_FROM] = {1, 1},
    [RP_POP_TOP] = {1, -1}, [RP_STORE_FAST] = {1, -1},
    [RP_STORE_DEREF] = {1, -1}, [RP_STORE_NAME] = {1, -1},
    [RP_STORE_GLOBAL] = {1, -1}, [RP_DELETE_ATTR] = {1, -1},
    [RP_BINARY_SUBSCR] = {1, -1}, [RP_BINARY_OP] = {1, -1},
    [RP_COMPARE_OP] = {1, -1}, [RP_IS_OP] = {1, -1},
    [RP_CONTAINS_OP] = {1, -1}, [RP_LIST_APPEND] = {1, -1},
    [RP_SET_ADD] = {1, -1}, [RP_LIST_EXTEND] = {1, -1},
    [RP_SET_UPDATE] = {1, -1}, [RP_DICT_UPDATE] = {1, -1},
    [RP_DICT_MERGE] = {1, -1}, [RP_RETURN_VALUE] = {1, -1},
    [RP_RERAISE] = {1, -1}, [RP_POP_EXCEPT] = {1, -1},
    [RP_IMPORT_NAME] = {1, -1}, [RP_IMPORT_STAR] = {1, -1},
    [RP_PRINT_EXPR] = {1, -1}, [RP_STORE_ATTR] = {1, -2},
    [RP_DELETE_SUBSCR] = {1, -2}, [RP_MAP_ADD] = {1, -2},
    [RP_STORE_SUBSCR] = {1, -3},
    /* clang-format on */
};

int rp_stack_effect(int op, int oparg, bool jump) {
    if (op >= 0 && op < RP_NOPCODES && fixed_effects[op].fixed)
        return fixed_effects[op].effect;
    switch (op) {
    case RP_LOAD_GLOBAL:
        return 1 + (oparg & 1);
    case RP_FORMAT_VALUE:
        return (oparg & 4) ? -1 : 0;
    case RP_RAISE_VARARGS:
        return -oparg;
    case RP_CALL:
    case RP_CALL_FUNCTION_EX:
    case RP_MAKE_FUNCTION:
        return call_effect(op, oparg);
    case RP_BUILD_TUPLE:
    case RP_BUILD_LIST:
    case RP_BUILD_SET:
    case RP_BUILD_MAP:
    case RP_BUILD_CONST_KEY_MAP:
    case RP_BUILD_STRING:
    case RP_BUILD_SLICE:
    case RP_UNPACK_SEQUENCE:
    case RP_UNPACK_EX:
        return build_effect(op, oparg);
    default:
        return op >= RP_P_JUMP || rp_opcode_is_jump((unsigned)op)
                   ? jump_effect(op, jump)
                   : INT_MIN;
    }
}

/* ====================================================================== */
/* Blocks                                                                 */
/* ====================================================================== */

void rp_unit_free_blocks(rp_compiler *c, rp_unit *u) {
    for (rp_block *b = u->blocks, *next; b; b = next) {
        next = b->alloc_next;
        rc_free(c->rt, b->instrs, b->cap * sizeof *b->instrs);
        if (b->exc_stack)
            rc_free(c->rt, b->exc_stack, sizeof *b->exc_stack);
        rc_free(c->rt, b, sizeof *b);
    }
    u->blocks = u->entry = u->cur = NULL;
}

/* Jump targets skip empty blocks. */
static void normalize_targets(rp_block *entry) {
    for (rp_block *b = entry; b; b = b->next)
        for (uint32_t i = 0; i < b->n; i++)
            if ((is_jump(&b->instrs[i]) || is_block_push(&b->instrs[i])))
                b->instrs[i].target = skip_empty(b->instrs[i].target);
}

/* A block ending in an unconditional jump to a short exit block gets a
 * copy of that block instead (CPython's extend_block). */
static int extend_block(rp_compiler *c, rp_block *b) {
    rp_cinstr *last = last_instr(b);
    if (!last ||
        !(last->opcode == RP_P_JUMP || last->opcode == RP_JUMP_FORWARD ||
          last->opcode == RP_JUMP_BACKWARD))
        return 0;
    rp_block *t = last->target;
    if (!is_exit_block(t) || t->n > MAX_COPY_SIZE)
        return 0;
    for (uint32_t i = 0; i < t->n; i++) /* only implicit returns */
        if (t->instrs[i].pos.line >= 0)
            return 0;
    last->opcode = RP_NOP;
    last->target = NULL;
    for (uint32_t i = 0; i < t->n; i++) {
        rp_cinstr in = t->instrs[i];
        if (rp_block_append(c, b, &in) < 0)
            return -1;
    }
    return 0;
}

static int extend_blocks(rp_compiler *c) {
    for (rp_block *b = c->u->blocks; b; b = b->alloc_next)
        if (extend_block(c, b) < 0)
            return -1;
    return 0;
}

/* ====================================================================== */
/* Cells                                                                  */
/* ====================================================================== */

/* Deref operations were numbered cells first, then free variables; their
 * slots are after the fast locals, a cell that is also an argument
 * sharing the argument's slot (CPython's fix_cell_offsets). */
static int fix_cell_offsets(rp_compiler *c) {
    rp_unit *u = c->u;
    uint32_t ncells = u->cellvars.n, nfree = u->freevars.n,
             nlocals = u->varnames.n;
    if (ncells + nfree == 0)
        return 0;
    int *map = rc_malloc(c->rt, (ncells + nfree) * sizeof *map);
    if (!map)
        return -1;
    int dropped = 0;
    for (uint32_t i = 0; i < ncells; i++) {
        int argslot;
        rc_object *name = u->cellvars.entries[i].name;
        int ci = u->cellvars.entries[i].value;
        if (rp_namemap_get(&u->varnames, name, &argslot)) {
            map[ci] = argslot;
            dropped++;
        } else {
            map[ci] = (int)nlocals + ci - dropped;
        }
    }
    for (uint32_t i = 0; i < nfree; i++)
        map[ncells + i] = (int)(nlocals + ncells + i) - dropped;
    for (rp_block *b = u->blocks; b; b = b->alloc_next)
        for (uint32_t i = 0; i < b->n; i++) {
            rp_cinstr *in = &b->instrs[i];
            switch (in->opcode) {
            case RP_LOAD_DEREF:
            case RP_STORE_DEREF:
            case RP_DELETE_DEREF:
            case RP_LOAD_CLOSURE:
            case RP_LOAD_CLASSDEREF:
                in->oparg = map[in->oparg];
                break;
            default:
                break;
            }
        }
    rc_free(c->rt, map, (ncells + nfree) * sizeof *map);
    return 0;
}

/* ====================================================================== */
/* Optimizing the graph                                                   */
/* ====================================================================== */

static rc_object *const_at(rp_compiler *c, int index) {
    return rc_list_get(c->u->consts, index);
}

/* LOAD_CONST x followed by a conditional jump (or IS_OP None): decided
 * now. */
static int fold_const_jump(rp_compiler *c, rp_block *b, uint32_t i) {
    rp_cinstr *in = &b->instrs[i], *next = &b->instrs[i + 1];
    rc_object *v = const_at(c, in->oparg);
    if (next->opcode == RP_IS_OP) {
        int jop = i + 2 < b->n ? b->instrs[i + 2].opcode : 0;
        if (rc_is_none(v) &&
            (jop == RP_POP_JUMP_IF_FALSE || jop == RP_POP_JUMP_IF_TRUE)) {
            bool is_not = next->oparg != 0;
            in->opcode = next->opcode = RP_NOP;
            b->instrs[i + 2].opcode = is_not ^ (jop == RP_POP_JUMP_IF_FALSE)
                                          ? RP_POP_JUMP_IF_NOT_NONE
                                          : RP_POP_JUMP_IF_NONE;
        }
        return 0;
    }
    int truth = rc_truth(v);
    if (truth < 0)
        return -1;
    bool pop_jump = next->opcode == RP_POP_JUMP_IF_FALSE ||
                    next->opcode == RP_POP_JUMP_IF_TRUE;
    bool jump_if_true = next->opcode == RP_POP_JUMP_IF_TRUE ||
                        next->opcode == RP_JUMP_IF_TRUE_OR_POP;
    if (pop_jump)
        in->opcode = RP_NOP;
    if ((truth != 0) == jump_if_true) {
        next->opcode = RP_P_JUMP;
    } else {
        in->opcode = RP_NOP;
        next->opcode = RP_NOP;
    }
    return 0;
}

/* n LOAD_CONSTs then BUILD_TUPLE n: one constant tuple. */
static int fold_tuple(rp_compiler *c, rp_block *b, uint32_t i) {
    int n = b->instrs[i].oparg;
    rp_cinstr *first = &b->instrs[i - (uint32_t)n];
    for (int k = 0; k < n; k++)
        if (first[k].opcode != RP_LOAD_CONST)
            return 0;
    rc_object *t = rc_tuple_new(c->rt, (size_t)n);
    if (!t)
        return -1;
    for (int k = 0; k < n; k++) {
        rc_object *v = const_at(c, first[k].oparg);
        rc_incref(v);
        rc_tuple_init_item(t, (size_t)k, v);
    }
    int index = rp_add_const(c, t);
    rc_decref(t);
    if (index < 0)
        return -1;
    for (int k = 0; k < n; k++)
        first[k].opcode = RP_NOP;
    b->instrs[i].opcode = RP_LOAD_CONST;
    b->instrs[i].oparg = index;
    return 0;
}

/* Makes `in` jump where `target` (a jump) goes, as opcode; true when it
 * changed something. */
static bool jump_thread(rp_cinstr *in, const rp_cinstr *target, int opcode) {
    if (in->pos.line == target->pos.line && in->target != target->target) {
        in->target = target->target;
        in->opcode = opcode;
        return true;
    }
    return false;
}

/* x: JUMP_IF_FALSE_OR_POP y, where y tests again (CPython's rules). */
static bool thread_or_pop(rp_cinstr *in, const rp_cinstr *target,
                          bool if_false) {
    int same = if_false ? RP_JUMP_IF_FALSE_OR_POP : RP_JUMP_IF_TRUE_OR_POP;
    int same_pop = if_false ? RP_POP_JUMP_IF_FALSE : RP_POP_JUMP_IF_TRUE;
    int other = if_false ? RP_JUMP_IF_TRUE_OR_POP : RP_JUMP_IF_FALSE_OR_POP;
    int other_pop = if_false ? RP_POP_JUMP_IF_TRUE : RP_POP_JUMP_IF_FALSE;
    if (target->opcode == same_pop)
        return jump_thread(in, target, same_pop);
    if (target->opcode == RP_P_JUMP || target->opcode == same)
        return jump_thread(in, target, same);
    if ((target->opcode == other || target->opcode == other_pop) &&
        in->pos.line == target->pos.line) {
        in->opcode = same_pop;
        in->target = in->target->next;
        return true;
    }
    return false;
}

static bool is_swappable(int op) {
    return op == RP_STORE_FAST || op == RP_POP_TOP;
}

static int stores_to(const rp_cinstr *in) {
    return in->opcode == RP_STORE_FAST ? in->oparg : -1;
}

static int next_swappable(rp_block *b, int i, int line) {
    while (++i < (int)b->n) {
        rp_cinstr *in = &b->instrs[i];
        if (line >= 0 && in->pos.line != line)
            return -1;
        if (in->opcode == RP_NOP)
            continue;
        return is_swappable(in->opcode) ? i : -1;
    }
    return -1;
}

/* SWAP n; STORE_FAST a; ... STORE_FAST b becomes the stores reordered
 * (CPython's apply_static_swaps). */
static void apply_static_swaps(rp_block *b, int i) {
    for (; i >= 0; i--) {
        rp_cinstr *swap = &b->instrs[i];
        if (swap->opcode != RP_SWAP) {
            if (swap->opcode == RP_NOP || is_swappable(swap->opcode))
                continue;
            return;
        }
        int j = next_swappable(b, i, -1), k = j;
        if (j < 0)
            return;
        int line = b->instrs[j].pos.line;
        for (int count = swap->oparg - 1; count > 0; count--)
            if ((k = next_swappable(b, k, line)) < 0)
                return;
        int sj = stores_to(&b->instrs[j]), sk = stores_to(&b->instrs[k]);
        if (sj >= 0 || sk >= 0) {
            if (sj == sk)
                return;
            for (int x = j + 1; x < k; x++) {
                int sx = stores_to(&b->instrs[x]);
                if (sx >= 0 && (sx == sj || sx == sk))
                    return;
            }
        }
        swap->opcode = RP_NOP;
        rp_cinstr tmp = b->instrs[j];
        b->instrs[j] = b->instrs[k];
        b->instrs[k] = tmp;
    }
}

/* One rewrite at instruction i; returns how far to step back (0 or 1) or
 * -1 on error. */
static int optimize_instr(rp_compiler *c, rp_block *b, uint32_t i) {
    rp_cinstr *in = &b->instrs[i];
    int nextop = i + 1 < b->n ? b->instrs[i + 1].opcode : 0;
    const rp_cinstr *target = NULL;
    static const rp_cinstr nop = {RP_NOP, 0, NULL, NULL, {-1, -1, -1, -1}};
    if (is_jump(in) || is_block_push(in)) {
        in->target = skip_empty(in->target);
        target = in->target->n ? &in->target->instrs[0] : &nop;
    } else {
        target = &nop;
    }
    switch (in->opcode) {
    case RP_LOAD_CONST:
        if (nextop == RP_POP_JUMP_IF_FALSE || nextop == RP_POP_JUMP_IF_TRUE ||
            nextop == RP_JUMP_IF_FALSE_OR_POP ||
            nextop == RP_JUMP_IF_TRUE_OR_POP || nextop == RP_IS_OP)
            return fold_const_jump(c, b, i);
        return 0;
    case RP_BUILD_TUPLE:
        if (nextop == RP_UNPACK_SEQUENCE &&
            in->oparg == b->instrs[i + 1].oparg && in->oparg <= 3) {
            in->opcode = RP_NOP;
            b->instrs[i + 1].opcode = in->oparg == 1 ? RP_NOP : RP_SWAP;
            return 0;
        }
        return i >= (uint32_t)in->oparg ? fold_tuple(c, b, i) : 0;
    case RP_JUMP_IF_FALSE_OR_POP:
    case RP_JUMP_IF_TRUE_OR_POP:
        return thread_or_pop(in, target, in->opcode == RP_JUMP_IF_FALSE_OR_POP);
    case RP_POP_JUMP_IF_FALSE:
    case RP_POP_JUMP_IF_TRUE:
    case RP_POP_JUMP_IF_NONE:
    case RP_POP_JUMP_IF_NOT_NONE:
    case RP_P_JUMP:
        return target->opcode == RP_P_JUMP &&
               jump_thread(in, target, in->opcode);
    case RP_SWAP:
        if (in->oparg == 1)
            in->opcode = RP_NOP;
        else
            apply_static_swaps(b, (int)i);
        return 0;
    case RP_PUSH_NULL:
        if (nextop == RP_LOAD_GLOBAL && !(b->instrs[i + 1].oparg & 1)) {
            in->opcode = RP_NOP;
            b->instrs[i + 1].oparg |= 1;
        }
        return 0;
    default:
        return 0;
    }
}

static int optimize_block(rp_compiler *c, rp_block *b) {
    for (uint32_t i = 0; i < b->n; i++) {
        int back = optimize_instr(c, b, i);
        if (back < 0)
            return -1;
        if (back)
            i--; /* look at the rewritten instruction again */
    }
    return 0;
}

/* Removes NOPs that carry no line of their own (CPython's
 * clean_basic_block). */
static void clean_block(rp_block *b) {
    uint32_t dest = 0;
    int prev_line = -1;
    for (uint32_t src = 0; src < b->n; src++) {
        rp_cinstr *in = &b->instrs[src];
        int line = in->pos.line;
        if (in->opcode == RP_NOP) {
            if (line < 0 || prev_line == line)
                continue;
            if (src + 1 < b->n) {
                int next_line = b->instrs[src + 1].pos.line;
                if (next_line == line)
                    continue;
                if (next_line < 0) { /* the next one takes its position */
                    b->instrs[src + 1].pos = in->pos;
                    continue;
                }
            } else {
                rp_block *next = b->next;
                while (next && next->n == 0)
                    next = next->next;
                if (next && next->instrs[0].pos.line == line)
                    continue;
            }
        }
        if (dest != src)
            b->instrs[dest] = *in;
        dest++;
        prev_line = line;
    }
    b->n = dest;
}

static int mark_reachable(rp_compiler *c, rp_block *entry, uint32_t nblocks) {
    rp_block **stack = rc_malloc(c->rt, (nblocks + 1) * sizeof *stack);
    if (!stack)
        return -1;
    uint32_t sp = 0;
    for (rp_block *b = entry; b; b = b->next)
        b->predecessors = 0;
    entry->predecessors = 1;
    stack[sp++] = entry;
    while (sp) {
        rp_block *b = stack[--sp];
        if (b->next && has_fallthrough(b)) {
            if (b->next->predecessors++ == 0)
                stack[sp++] = b->next;
        }
        for (uint32_t i = 0; i < b->n; i++) {
            rp_cinstr *in = &b->instrs[i];
            if ((is_jump(in) || is_block_push(in)) &&
                in->target->predecessors++ == 0)
                stack[sp++] = in->target;
        }
    }
    rc_free(c->rt, stack, (nblocks + 1) * sizeof *stack);
    return 0;
}

static void eliminate_empty_blocks(rp_block *entry) {
    for (rp_block *b = entry; b; b = b->next) {
        rp_block *next = b->next;
        if (next) {
            while (next->n == 0 && next->next)
                next = next->next;
            b->next = next;
        }
    }
    normalize_targets(entry);
}

static uint32_t count_blocks(rp_block *entry) {
    uint32_t n = 0;
    for (rp_block *b = entry; b; b = b->next)
        n++;
    return n;
}

static int optimize_cfg(rp_compiler *c, rp_block *entry) {
    for (rp_block *b = entry; b; b = b->next) {
        if (optimize_block(c, b) < 0)
            return -1;
        clean_block(b);
    }
    if (extend_blocks(c) < 0 || mark_reachable(c, entry, count_blocks(entry)))
        return -1;
    for (rp_block *b = entry; b; b = b->next)
        if (b->predecessors == 0)
            b->n = 0;
    eliminate_empty_blocks(entry);
    for (rp_block *b = entry; b; b = b->next)
        clean_block(b);
    bool maybe_empty = false; /* drop jumps to the next block */
    for (rp_block *b = entry; b; b = b->next) {
        rp_cinstr *last = last_instr(b);
        if (last &&
            (last->opcode == RP_P_JUMP ||
             last->opcode == RP_P_JUMP_NO_INTERRUPT) &&
            last->target == b->next) {
            last->opcode = RP_NOP;
            maybe_empty = true;
        }
    }
    if (maybe_empty)
        eliminate_empty_blocks(entry);
    return 0;
}

/* ====================================================================== */
/* Line numbers                                                           */
/* ====================================================================== */

static bool exit_without_line(rp_block *b) {
    if (!is_exit_block(b))
        return false;
    for (uint32_t i = 0; i < b->n; i++)
        if (b->instrs[i].pos.line >= 0)
            return false;
    return true;
}

static rp_block *copy_block(rp_compiler *c, rp_block *b) {
    rp_block *copy = rp_new_block(c);
    if (!copy)
        return NULL;
    for (uint32_t i = 0; i < b->n; i++)
        if (rp_block_append(c, copy, &b->instrs[i]) < 0)
            return NULL;
    return copy;
}

/* Exit blocks without a line reached by several jumps are copied, so each
 * jump's exit gets the jump's line. */
static int duplicate_exits(rp_compiler *c, rp_block *entry) {
    /* newest blocks first, as CPython walks them: it decides which jump
     * keeps the original and which gets the copy */
    for (rp_block *b = c->u->blocks; b; b = b->alloc_next) {
        rp_cinstr *last = last_instr(b);
        if (!last || !is_jump(last))
            continue;
        rp_block *t = last->target;
        if (!exit_without_line(t) || t->predecessors <= 1)
            continue;
        rp_block *nt = copy_block(c, t);
        if (!nt)
            return -1;
        nt->instrs[0].pos = last->pos;
        last->target = nt;
        t->predecessors--;
        nt->predecessors = 1;
        nt->next = t->next;
        t->next = nt;
    }
    eliminate_empty_blocks(entry);
    for (rp_block *b = entry; b; b = b->next)
        if (b->n && b->next && has_fallthrough(b) && exit_without_line(b->next))
            b->next->instrs[0].pos = b->instrs[b->n - 1].pos;
    return 0;
}

static void propagate_lines(rp_block *entry) {
    for (rp_block *b = entry; b; b = b->next) {
        if (!b->n)
            continue;
        rp_pos prev = {-1, -1, -1, -1};
        for (uint32_t i = 0; i < b->n; i++) {
            if (b->instrs[i].pos.line < 0)
                b->instrs[i].pos = prev;
            else
                prev = b->instrs[i].pos;
        }
        if (has_fallthrough(b) && b->next && b->next->predecessors == 1 &&
            b->next->n && b->next->instrs[0].pos.line < 0)
            b->next->instrs[0].pos = prev;
        rp_cinstr *last = &b->instrs[b->n - 1];
        if (is_jump(last) && last->target->predecessors == 1 &&
            last->target->n && last->target->instrs[0].pos.line < 0)
            last->target->instrs[0].pos = prev;
    }
}

static void guarantee_exit_lines(rp_block *entry, int firstlineno) {
    int line = firstlineno;
    for (rp_block *b = entry; b; b = b->next) {
        rp_cinstr *last = last_instr(b);
        if (!last)
            continue;
        if (last->pos.line < 0) {
            if (last->opcode == RP_RETURN_VALUE)
                for (uint32_t i = 0; i < b->n; i++)
                    b->instrs[i].pos.line = line;
        } else {
            line = last->pos.line;
        }
    }
}

/* ====================================================================== */
/* Stack depth                                                            */
/* ====================================================================== */

static int depth_error(rp_compiler *c, const char *what) {
    return rc_set_error(c->rt, RC_ESTATE, "compiler: %s in '%s'", what,
                        rc_str_utf8(c->u->name));
}

static int push_block(rp_compiler *c, rp_block **stack, uint32_t *sp,
                      rp_block *b, int depth) {
    if (b->startdepth < 0) {
        b->startdepth = depth;
        stack[(*sp)++] = b;
        return 0;
    }
    return b->startdepth == depth ? 0 : depth_error(c, "inconsistent stack");
}

/* The deepest the stack gets on any path (CPython's stackdepth), checking
 * that every path agrees on each block's entry depth. */
static int stack_depth(rp_compiler *c, rp_block *entry, int *maxdepth) {
    uint32_t nblocks = count_blocks(entry);
    rp_block **stack = rc_malloc(c->rt, (nblocks + 1) * sizeof *stack);
    if (!stack)
        return -1;
    for (rp_block *b = entry; b; b = b->next)
        b->startdepth = -1;
    uint32_t sp = 0;
    int max = 0, r = push_block(c, stack, &sp, entry, 0);
    while (sp && r == 0) {
        rp_block *b = stack[--sp];
        int depth = b->startdepth;
        bool falls = true;
        for (uint32_t i = 0; i < b->n && r == 0; i++) {
            rp_cinstr *in = &b->instrs[i];
            int eff = rp_stack_effect(in->opcode, in->oparg, false);
            if (eff == INT_MIN || depth + eff < 0) {
                r = depth_error(c, eff == INT_MIN ? "unknown opcode"
                                                  : "stack underflow");
                break;
            }
            if (depth + eff > max)
                max = depth + eff;
            if (is_jump(in) || is_block_push(in)) {
                int td = depth + rp_stack_effect(in->opcode, in->oparg, true);
                if (td > max)
                    max = td;
                r = push_block(c, stack, &sp, in->target, td);
            }
            depth += eff;
            if (is_uncond_jump(in->opcode) || is_exit_op(in->opcode)) {
                falls = false;
                break;
            }
        }
        if (r == 0 && falls && b->next)
            r = push_block(c, stack, &sp, b->next, depth);
    }
    rc_free(c->rt, stack, (nblocks + 1) * sizeof *stack);
    *maxdepth = max;
    return r;
}

/* ====================================================================== */
/* Exception handlers                                                     */
/* ====================================================================== */

static struct rp_exc_stack *exc_stack_copy(rp_compiler *c,
                                           const struct rp_exc_stack *s) {
    struct rp_exc_stack *copy = rc_malloc(c->rt, sizeof *copy);
    if (copy)
        memcpy(copy, s, sizeof *copy);
    return copy;
}

static void give_stack(rp_compiler *c, rp_block *to, struct rp_exc_stack *s) {
    if (to->exc_stack)
        rc_free(c->rt, to->exc_stack, sizeof *to->exc_stack);
    to->exc_stack = s;
}

/* Queues a block not seen yet with a copy of the handlers in effect. */
static int schedule(rp_compiler *c, rp_block *target,
                    const struct rp_exc_stack *s, rp_block **todo,
                    uint32_t *sp) {
    if (target->visited)
        return 0;
    struct rp_exc_stack *copy = exc_stack_copy(c, s);
    if (!copy)
        return -1;
    give_stack(c, target, copy);
    target->visited = 1;
    todo[(*sp)++] = target;
    return 0;
}

/* Walks one block with the handlers in effect on entry, recording each
 * instruction's handler and handing stacks on to successors. */
static int label_block(rp_compiler *c, rp_block *b, rp_block **todo,
                       uint32_t *sp) {
    struct rp_exc_stack *s = b->exc_stack;
    b->exc_stack = NULL;
    rp_block *handler = s->handlers[s->depth];
    for (uint32_t i = 0; i < b->n; i++) {
        rp_cinstr *in = &b->instrs[i];
        if (is_block_push(in)) {
            if (schedule(c, in->target, s, todo, sp) < 0)
                goto fail;
            if (in->opcode != RP_P_SETUP_FINALLY)
                in->target->preserve_lasti = 1;
            if (s->depth >= RP_MAX_HANDLERS) {
                depth_error(c, "too many nested handlers");
                goto fail;
            }
            handler = s->handlers[++s->depth] = in->target;
        } else if (in->opcode == RP_P_POP_BLOCK) {
            if (s->depth > 0)
                s->depth--;
            handler = s->handlers[s->depth];
        } else {
            in->except = handler;
            if (is_jump(in) && schedule(c, in->target, s, todo, sp) < 0)
                goto fail;
        }
    }
    if (has_fallthrough(b) && b->next && !b->next->visited) {
        give_stack(c, b->next, s);
        b->next->visited = 1;
        todo[(*sp)++] = b->next;
        return 0;
    }
    rc_free(c->rt, s, sizeof *s);
    return 0;
fail:
    rc_free(c->rt, s, sizeof *s);
    return -1;
}

static int label_exception_targets(rp_compiler *c, rp_block *entry) {
    uint32_t nblocks = count_blocks(entry);
    rp_block **todo = rc_malloc(c->rt, (nblocks + 1) * sizeof *todo);
    struct rp_exc_stack *s = rc_malloc(c->rt, sizeof *s);
    if (!todo || !s) {
        rc_free(c->rt, todo, todo ? (nblocks + 1) * sizeof *todo : 0);
        rc_free(c->rt, s, s ? sizeof *s : 0);
        return -1;
    }
    memset(s, 0, sizeof *s);
    for (rp_block *b = entry; b; b = b->next)
        b->visited = 0;
    uint32_t sp = 0;
    give_stack(c, entry, s);
    entry->visited = 1;
    todo[sp++] = entry;
    int r = 0;
    while (sp && r == 0)
        r = label_block(c, todo[--sp], todo, &sp);
    for (rp_block *b = entry; b; b = b->next) /* stacks left on failure */
        give_stack(c, b, NULL);
    rc_free(c->rt, todo, (nblocks + 1) * sizeof *todo);
    return r;
}

/* ====================================================================== */
/* Layout and the code object                                             */
/* ====================================================================== */

static void finish_pseudo(rp_block *entry) {
    for (rp_block *b = entry; b; b = b->next) {
        for (uint32_t i = 0; i < b->n; i++)
            if (is_block_push(&b->instrs[i]) ||
                b->instrs[i].opcode == RP_P_POP_BLOCK)
                b->instrs[i].opcode = RP_NOP;
    }
    for (rp_block *b = entry; b; b = b->next)
        clean_block(b);
}

/* Offsets of the blocks; jumps get their direction. */
static uint32_t layout(rp_block *entry) {
    uint32_t off = 0;
    for (rp_block *b = entry; b; b = b->next) {
        b->offset = (int)off;
        off += b->n;
    }
    for (rp_block *b = entry; b; b = b->next) {
        rp_cinstr *last = last_instr(b);
        if (last && (last->opcode == RP_P_JUMP ||
                     last->opcode == RP_P_JUMP_NO_INTERRUPT))
            last->opcode = last->target->offset <= b->offset + (int)b->n - 1
                               ? RP_JUMP_BACKWARD
                               : RP_JUMP_FORWARD;
    }
    return off;
}

static int handler_depth(const rp_block *h) {
    return h->startdepth - 1 - (h->preserve_lasti ? 1 : 0);
}

static int emit_code(rp_compiler *c, rp_block *entry, rp_code_parts *p) {
    uint32_t n = layout(entry), k = 0, nh = 0;
    p->ninstrs = n; /* n >= 1: code ends in RETURN_VALUE */
    p->instrs = rc_malloc(c->rt, n * sizeof *p->instrs);
    p->positions = rc_malloc(c->rt, n * sizeof *p->positions);
    rp_exc_entry *table = rc_malloc(c->rt, n * sizeof *table);
    if (!p->instrs || !p->positions || !table) {
        rc_free(c->rt, table, table ? n * sizeof *table : 0);
        return -1;
    }
    p->handlers = table;
    p->nhandlers = 0;
    rp_block *handler = NULL;
    for (rp_block *b = entry; b; b = b->next)
        for (uint32_t i = 0; i < b->n; i++, k++) {
            rp_cinstr *in = &b->instrs[i];
            int arg = is_jump(in) ? in->target->offset : in->oparg;
            if (arg < 0 || (uint32_t)arg > RP_OPARG_MAX) {
                rc_free(c->rt, table, n * sizeof *table);
                p->handlers = NULL;
                return rc_set_error(c->rt, RC_EOVERFLOW,
                                    "compiler: argument too large");
            }
            p->instrs[k] = RP_INSTR(in->opcode, arg);
            /* without a line there is no position at all */
            p->positions[k] =
                in->pos.line < 0 ? (rp_pos){-1, -1, -1, -1} : in->pos;
            if (in->except != handler) {
                if (handler)
                    p->handlers[nh - 1].end = k;
                handler = in->except;
                if (handler)
                    p->handlers[nh++] =
                        (rp_exc_entry){k, k, (uint32_t)handler->offset,
                                       (uint32_t)handler_depth(handler),
                                       handler->preserve_lasti};
            }
        }
    if (handler)
        p->handlers[nh - 1].end = k;
    /* the table is kept at its exact size (NULL when empty) */
    p->handlers = NULL;
    if (nh) {
        p->handlers =
            rc_realloc(c->rt, table, n * sizeof *table, nh * sizeof *table);
        if (!p->handlers) {
            rc_free(c->rt, table, n * sizeof *table);
            return -1;
        }
        p->nhandlers = nh;
    } else {
        rc_free(c->rt, table, n * sizeof *table);
    }
    return 0;
}

/* Trailing constants no instruction uses are dropped (the first, the
 * docstring or None, stays). */
static void trim_consts(rp_compiler *c, rp_block *entry) {
    int max = 0;
    for (rp_block *b = entry; b; b = b->next)
        for (uint32_t i = 0; i < b->n; i++)
            if ((b->instrs[i].opcode == RP_LOAD_CONST ||
                 b->instrs[i].opcode == RP_KW_NAMES) &&
                b->instrs[i].oparg > max)
                max = b->instrs[i].oparg;
    rc_object *consts = c->u->consts;
    while (rc_list_size(consts) > (size_t)max + 1) {
        rc_object *v = rc_list_pop(consts, -1);
        rc_xdecref(v);
    }
}

static int code_flags(const rp_unit *u) {
    const rp_ste *ste = u->ste;
    if (ste->type != RP_BLOCK_FUNCTION)
        return 0;
    int flags = RP_CO_OPTIMIZED | RP_CO_NEWLOCALS;
    if (ste->nested)
        flags |= RP_CO_NESTED;
    if (ste->generator)
        flags |= RP_CO_GENERATOR;
    if (ste->varargs)
        flags |= RP_CO_VARARGS;
    if (ste->varkeywords)
        flags |= RP_CO_VARKEYWORDS;
    return flags;
}

static rc_object *names_tuple(rp_compiler *c, const rp_namemap *m) {
    rc_object *t = rc_tuple_new(c->rt, m->n);
    for (uint32_t i = 0; t && i < m->n; i++) {
        rc_object *name = m->entries[i].name;
        rc_incref(name);
        rc_tuple_init_item(t, (size_t)m->entries[i].value, name);
    }
    return t;
}

static int add_slot(rp_code_parts *p, uint32_t *k, rc_object *name,
                    uint8_t kind) {
    rc_incref(name);
    rc_tuple_init_item(p->localsplusnames, *k, name);
    p->localspluskinds[(*k)++] = kind;
    return 0;
}

/* Locals (parameters first), then cells that are not parameters, then
 * free variables. */
static int localsplus(rp_compiler *c, rp_code_parts *p) {
    rp_unit *u = c->u;
    uint32_t nlocals = u->varnames.n, dropped = 0;
    for (uint32_t i = 0; i < u->cellvars.n; i++)
        dropped += rp_namemap_has(&u->varnames, u->cellvars.entries[i].name);
    uint32_t n = nlocals + u->cellvars.n - dropped + u->freevars.n;
    p->nlocalsplus = n;
    p->ncellvars = u->cellvars.n;
    p->nfreevars = u->freevars.n;
    p->localspluskinds = n ? rc_malloc(c->rt, n) : NULL;
    if (n && !p->localspluskinds) {
        p->nlocalsplus = 0;
        return -1;
    }
    p->localsplusnames = rc_tuple_new(c->rt, n);
    if (!p->localsplusnames)
        return -1;
    uint32_t k = 0;
    rc_object *vt = names_tuple(c, &u->varnames);
    if (!vt)
        return -1;
    for (uint32_t i = 0; i < nlocals; i++) {
        rc_object *name = rc_tuple_get(vt, i);
        add_slot(p, &k, name,
                 RP_FAST_LOCAL |
                     (rp_namemap_has(&u->cellvars, name) ? RP_FAST_CELL : 0));
    }
    rc_decref(vt);
    for (uint32_t i = 0; i < u->cellvars.n; i++) /* sorted already */
        if (!rp_namemap_has(&u->varnames, u->cellvars.entries[i].name))
            add_slot(p, &k, u->cellvars.entries[i].name, RP_FAST_CELL);
    for (uint32_t i = 0; i < u->freevars.n; i++)
        add_slot(p, &k, u->freevars.entries[i].name, RP_FAST_FREE);
    return 0;
}

static void parts_free(rc_runtime *rt, rp_code_parts *p) {
    rc_xdecref(p->localsplusnames);
    rc_xdecref(p->consts);
    rc_xdecref(p->names);
    rc_free(rt, p->localspluskinds, p->nlocalsplus);
    rc_free(rt, p->instrs, p->ninstrs * sizeof *p->instrs);
    rc_free(rt, p->positions, p->ninstrs * sizeof *p->positions);
    rc_free(rt, p->handlers, p->nhandlers * sizeof *p->handlers);
}

static rc_object *list_to_tuple(rp_compiler *c, rc_object *list) {
    size_t n = rc_list_size(list);
    rc_object *t = rc_tuple_new(c->rt, n);
    for (size_t i = 0; t && i < n; i++) {
        rc_object *v = rc_list_get(list, (ptrdiff_t)i);
        rc_incref(v);
        rc_tuple_init_item(t, i, v);
    }
    return t;
}

static rc_object *make_code(rp_compiler *c, rp_block *entry, int maxdepth) {
    rp_unit *u = c->u;
    rp_code_parts p;
    memset(&p, 0, sizeof p);
    if (emit_code(c, entry, &p) < 0 || localsplus(c, &p) < 0 ||
        !(p.names = names_tuple(c, &u->names)) ||
        !(p.consts = list_to_tuple(c, u->consts))) {
        parts_free(c->rt, &p);
        return NULL;
    }
    p.argcount = u->argcount;
    p.posonlyargcount = u->posonlyargcount;
    p.kwonlyargcount = u->kwonlyargcount;
    p.flags = (uint32_t)code_flags(u);
    p.stacksize = (uint32_t)maxdepth;
    p.firstlineno = (uint32_t)u->firstlineno;
    p.name = u->name;
    p.qualname = u->qualname ? u->qualname : u->name;
    p.filename = c->filename;
    return rp_code_new(c->rt, &p);
}

/* Every path off the end returns (None when add_none). */
static int add_final_return(rp_compiler *c, bool add_none) {
    rp_cinstr *last = last_instr(c->u->cur);
    if (last && last->opcode == RP_RETURN_VALUE)
        return 0;
    rp_unset_loc(c);
    if (add_none && rp_emit_const(c, rp_none(c->ip)) < 0)
        return -1;
    return rp_emit(c, RP_RETURN_VALUE, 0);
}

static int prepare(rp_compiler *c, rp_block *entry) {
    normalize_targets(entry);
    if (extend_blocks(c) < 0 || fix_cell_offsets(c) < 0 ||
        optimize_cfg(c, entry) < 0 || duplicate_exits(c, entry) < 0)
        return -1;
    trim_consts(c, entry);
    propagate_lines(entry);
    guarantee_exit_lines(entry, c->u->firstlineno);
    return 0;
}

rc_object *rp_assemble(rp_compiler *c, bool add_none) {
    if (add_final_return(c, add_none) < 0)
        return NULL;
    rp_block *entry = c->u->entry;
    int maxdepth;
    if (prepare(c, entry) < 0 || stack_depth(c, entry, &maxdepth) < 0 ||
        label_exception_targets(c, entry) < 0)
        return NULL;
    finish_pseudo(entry);
    return make_code(c, entry, maxdepth);
}
