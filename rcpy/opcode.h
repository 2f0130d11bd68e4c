/*
 * opcode.h — rcpy's bytecode: what the compiler emits and the VM runs.
 *
 * An instruction is one 32-bit word: the opcode in the low 8 bits, its
 * argument in the high 24 (so there is no EXTENDED_ARG). Jump arguments
 * are absolute instruction indices. The set follows CPython 3.11's
 * (Include/opcode.h, Python/ceval.c), simplified where 3.11 is specialised
 * for speed; where an instruction here has 3.11's name it has 3.11's
 * meaning, so CPython's compiler output (python3 -m dis) is the model for
 * what the compiler emits.
 *
 * Stack notation: ( before -- after ), top of stack rightmost. "NULL" is a
 * C NULL on the value stack (calls use it to mark "no self").
 *
 * Exceptions use 3.11's exception table (code.h), not a block stack: when
 * an instruction fails, the VM looks up the innermost entry covering it,
 * pops the value stack down to the entry's depth, pushes the index of the
 * failing instruction (as an int) if the entry says lasti, pushes the
 * exception object and jumps to the entry's target.
 */
#ifndef RCPY_OPCODE_H
#define RCPY_OPCODE_H

#include <stdint.h>

typedef uint32_t rp_instr;

#define RP_OPCODE(i) ((unsigned)((i)&0xFFu))
#define RP_OPARG(i)  ((uint32_t)((i) >> 8))
#define RP_INSTR(op, arg) ((rp_instr)(((uint32_t)(arg) << 8) | (uint32_t)(op)))
#define RP_OPARG_MAX 0xFFFFFFu

/* X(name, has_arg, is_jump): the opcode table, in opcode order. */
#define RP_OPCODES(X)                                                          \
    /* ---- stack and constants ---- */                                        \
    X(NOP, 0, 0)        /* ( -- ) */                                           \
    X(RESUME, 1, 0)     /* ( -- ) a safe point (collection, KeyboardInterrupt) \
                           where a frame starts (arg 0) or resumes after       \
                           YIELD_VALUE (1) or after yield from's (2) */        \
    X(POP_TOP, 0, 0)    /* ( a -- ) */                                         \
    X(PUSH_NULL, 0, 0)  /* ( -- NULL ) */                                      \
    X(COPY, 1, 0)       /* ( x ... -- x ... x ): copy of the n-th item from    \
                           the top, 1 being the top */                         \
    X(SWAP, 1, 0)       /* swap the top with the n-th item, n >= 2 */          \
    X(LOAD_CONST, 1, 0) /* ( -- consts[i] ) */                                 \
    /* ---- names ---- */                                                      \
    X(LOAD_FAST, 1, 0)  /* ( -- localsplus[i] ); unbound: UnboundLocalError    \
                           "cannot access local variable 'x' where it is not   \
                           associated with a value" */                         \
    X(STORE_FAST, 1, 0)  /* ( v -- ) */                                        \
    X(DELETE_FAST, 1, 0) /* unbound: UnboundLocalError as LOAD_FAST */         \
    X(LOAD_DEREF, 1, 0)  /* ( -- contents of the cell in localsplus[i] );      \
                            empty: for a cell variable UnboundLocalError as    \
                            LOAD_FAST, for a free one NameError "cannot access \
                            free variable 'x' where it is not associated with  \
                            a value in enclosing scope" */                     \
    X(STORE_DEREF, 1, 0)     /* ( v -- ) */                                    \
    X(DELETE_DEREF, 1, 0)    /* empty cell: as LOAD_DEREF */                   \
    X(LOAD_CLOSURE, 1, 0)    /* ( -- the cell object localsplus[i] ) */        \
    X(LOAD_CLASSDEREF, 1, 0) /* class bodies: the frame's locals dict under    \
                                the slot's name, else as LOAD_DEREF */         \
    X(LOAD_NAME, 1, 0)  /* ( -- v ): names[i] in locals, globals, builtins;    \
                           NameError "name 'x' is not defined" */              \
    X(STORE_NAME, 1, 0) /* ( v -- ) into the locals dict */                    \
    X(DELETE_NAME, 1, 0)                                                       \
    X(LOAD_GLOBAL, 1, 0) /* arg = namei << 1 | push_null: ( -- [NULL] v )      \
                            globals, then builtins */                          \
    X(STORE_GLOBAL, 1, 0)                                                      \
    X(DELETE_GLOBAL, 1, 0)                                                     \
    /* ---- attributes and items ---- */                                       \
    X(LOAD_ATTR, 1, 0)   /* ( o -- o.names[i] ) */                             \
    X(LOAD_METHOD, 1, 0) /* ( o -- meth o ) when names[i] is a plain function  \
                            or method descriptor found on the type and not     \
                            shadowed, else ( o -- NULL o.names[i] ) */         \
    X(STORE_ATTR, 1, 0)  /* ( v o -- ): o.names[i] = v */                      \
    X(DELETE_ATTR, 1, 0) /* ( o -- ) */                                        \
    X(BINARY_SUBSCR, 0, 0) /* ( c k -- c[k] ) */                               \
    X(STORE_SUBSCR, 0, 0)  /* ( v c k -- ): c[k] = v */                        \
    X(DELETE_SUBSCR, 0, 0) /* ( c k -- ) */                                    \
    X(BUILD_SLICE, 1, 0)   /* ( start stop [step] -- slice ), arg 2 or 3 */    \
    /* ---- operators ---- */                                                  \
    X(BINARY_OP, 1, 0)   /* ( a b -- r ): arg < 16: rc_binop; arg >= 16: the   \
                            in-place form of rc_binop arg - 16 (a op= b) */    \
    X(UNARY_OP, 1, 0)    /* ( a -- r ): arg is rc_unop NEG, POS or INVERT */   \
    X(UNARY_NOT, 0, 0)   /* ( a -- not a ) */                                  \
    X(COMPARE_OP, 1, 0)  /* ( a b -- r ): arg is rc_cmp; r is whatever the     \
                            comparison returns */                              \
    X(IS_OP, 1, 0)       /* ( a b -- bool ): arg 1 for "is not" */             \
    X(CONTAINS_OP, 1, 0) /* ( a b -- bool ): a in b; arg 1 for "not in" */     \
    /* ---- building ---- */                                                   \
    X(BUILD_TUPLE, 1, 0)         /* ( v1 .. vn -- tuple ) */                   \
    X(BUILD_LIST, 1, 0)          /* ( v1 .. vn -- list ) */                    \
    X(BUILD_SET, 1, 0)           /* ( v1 .. vn -- set ) */                     \
    X(BUILD_MAP, 1, 0)           /* ( k1 v1 .. kn vn -- dict ) */              \
    X(BUILD_CONST_KEY_MAP, 1, 0) /* ( v1 .. vn keys -- dict ), keys a tuple */ \
    X(BUILD_STRING, 1, 0)        /* ( s1 .. sn -- s1 + .. + sn ) */            \
    X(LIST_APPEND, 1, 0) /* ( list x1..x(i-1) v -- list x1..x(i-1) ):          \
                            list.append(v), the list i items below v */        \
    X(SET_ADD, 1, 0)     /* likewise set.add(v) */                             \
    X(MAP_ADD, 1, 0)     /* ( dict .. k v -- dict .. ): dict i items below k */ \
    X(LIST_EXTEND, 1, 0) /* ( list .. it -- list .. ): list.extend(it) */      \
    X(SET_UPDATE, 1, 0)  /* ( set .. it -- set .. ) */                         \
    X(DICT_UPDATE, 1, 0) /* ( dict .. m -- dict .. ): TypeError "'int' object  \
                            is not a mapping" */                               \
    X(DICT_MERGE, 1, 0)  /* as DICT_UPDATE for f(**m): a repeated key is       \
                            TypeError "f() got multiple values for keyword     \
                            argument 'x'", f being the callable two items      \
                            below the dict */                                  \
    X(LIST_TO_TUPLE, 0, 0) /* ( list -- tuple ) */                             \
    X(FORMAT_VALUE, 1, 0)  /* ( v [spec] -- str ): arg & 3: 0 none, 1 str(),   \
                              2 repr(), 3 ascii(); arg & 4: spec on the stack  \
                              (the f-string {v!r:spec}) */                     \
    X(UNPACK_SEQUENCE, 1, 0) /* ( seq -- vn .. v1 ): v1 on top */              \
    X(UNPACK_EX, 1, 0)       /* ( seq -- ... ): arg = before | after << 8;     \
                                pushes after items, a list, before items, the  \
                                first item on top */                           \
    /* ---- iteration and jumps ---- */                                        \
    X(GET_ITER, 0, 0)             /* ( iterable -- iterator ) */               \
    X(FOR_ITER, 1, 1)             /* ( it -- it v ), or when exhausted pop it  \
                                     and jump to arg */                        \
    X(JUMP_FORWARD, 1, 1)         /* to arg (a later instruction) */           \
    X(JUMP_BACKWARD, 1, 1)        /* to arg (an earlier one): a safe point */  \
    X(POP_JUMP_IF_FALSE, 1, 1)    /* ( v -- ) jump when not v */               \
    X(POP_JUMP_IF_TRUE, 1, 1)     /* ( v -- ) */                               \
    X(POP_JUMP_IF_NONE, 1, 1)     /* ( v -- ) */                               \
    X(POP_JUMP_IF_NOT_NONE, 1, 1) /* ( v -- ) */                               \
    X(JUMP_IF_FALSE_OR_POP, 1, 1) /* ( v -- v ) jump if false, else pop */     \
    X(JUMP_IF_TRUE_OR_POP, 1, 1)  /* ( v -- v ) jump if true, else pop */      \
    /* ---- calls and functions ---- */                                        \
    X(KW_NAMES, 1, 0) /* the next CALL's keyword names: consts[i], a tuple */  \
    X(CALL, 1, 0)     /* ( X Y a1 .. an -- r ): X NULL: Y(a1 .. an); else     \
                         X(Y, a1 .. an). With KW_NAMES, the last len(names)    \
                         arguments are keyword values. Arguments move into a   \
                         Python callee's frame (no count change); C callees    \
                         borrow them from the stack */                         \
    X(CALL_FUNCTION_EX, 1, 0) /* ( NULL f args [kwargs] -- r ): args a tuple,  \
                                 kwargs (arg & 1) a dict */                    \
    X(MAKE_FUNCTION, 1, 0) /* ( [defaults] [kwdefaults] [closure] code -- f ): \
                              arg 1 defaults tuple, 2 kwdefaults dict, 8       \
                              closure tuple of cells */                        \
    X(RETURN_VALUE, 0, 0)  /* ( v -- ) */                                      \
    X(LOAD_BUILD_CLASS, 0, 0) /* ( -- builtins.__build_class__ ) */            \
    /* ---- generators ---- */                                                 \
    X(YIELD_VALUE, 0, 0)  /* ( v -- sent ): suspends the generator; resumes    \
                             with the sent value (None for next()) */          \
    X(SEND, 1, 1)         /* ( r v -- r y ): sends v into r (next() for None   \
                             unless r is a generator); when r returns x: ( r v \
                             -- x ) and jump to arg */                         \
    X(GET_YIELD_FROM_ITER, 0, 0) /* ( iterable -- iterator ) */                \
    /* ---- exceptions ---- */                                                 \
    X(RAISE_VARARGS, 1, 0) /* ( [exc [cause]] -- ): arg 0 re-raises the        \
                              handled exception (RuntimeError "No active       \
                              exception to reraise") */                        \
    X(RERAISE, 1, 0)       /* ( [lasti] exc -- ): raises exc again, adding no  \
                              traceback entry; arg 1: the item below exc is    \
                              the lasti to report */                           \
    X(PUSH_EXC_INFO, 0, 0) /* ( exc -- prev exc ): exc becomes the handled     \
                              exception (sys.exc_info()) */                    \
    X(POP_EXCEPT, 0, 0)    /* ( prev -- ): the handled exception is prev again \
                            */                                                 \
    X(CHECK_EXC_MATCH, 0, 0) /* ( exc T -- exc bool ): isinstance(exc, T); T   \
                                a class or tuple of them, else TypeError       \
                                "catching classes that do not inherit from     \
                                BaseException is not allowed" */               \
    X(LOAD_ASSERTION_ERROR, 0, 0) /* ( -- AssertionError ) */                  \
    X(BEFORE_WITH, 0, 0) /* ( mgr -- exit enter_result ): exit is mgr.__exit__ \
                            bound; TypeError "'A' object does not support the  \
                            context manager protocol" */                       \
    X(WITH_EXCEPT_START, 0, 0) /* ( exit lasti prev exc -- exit lasti prev exc \
                                  r ): r = exit(type(exc), exc, tb) */         \
    /* ---- modules ---- */                                                    \
    X(IMPORT_NAME, 1, 0) /* ( level fromlist -- module ): import names[i] */   \
    X(IMPORT_FROM, 1, 0) /* ( m -- m m.names[i] ): ImportError "cannot import  \
                            name 'x' from 'm' (path)" */                       \
    X(IMPORT_STAR, 0, 0) /* ( m -- ): into the locals dict */                  \
    X(PRINT_EXPR, 0, 0)  /* ( v -- ): interactive echo through                 \
                            sys.displayhook */

typedef enum rp_opcode {
#define RP_OPCODE_ENUM(name, has_arg, is_jump) RP_##name,
    RP_OPCODES(RP_OPCODE_ENUM)
#undef RP_OPCODE_ENUM
        RP_NOPCODES
} rp_opcode;

/* "LOAD_FAST", ... for disassembly and errors. */
const char *rp_opcode_name(unsigned op);
/* Whether the opcode's argument is a jump target. */
int rp_opcode_is_jump(unsigned op);

#endif /* RCPY_OPCODE_H */
