/*
 * rcpy.h — what the parts of rcpy share: the interpreter state, the object
 * kinds of the language (classes, instances, functions, code, frames,
 * generators, exceptions, modules), the error convention, calls, attribute
 * access and the registration of builtin classes and modules.
 *
 * rcpy is a client of rcgc's public API only (include/): every value is an
 * rc_object; ints, floats, strs, tuples, lists, dicts, sets, ranges and
 * slices are rcgc's builtin types, used as they are; the kinds below are
 * rcgc objects of rcpy's types, with traverse and clear so that the
 * collector finds every cycle CPython's would. docs/rcpy.md explains the
 * layers; this header is their contract.
 *
 * Conventions (CPython's):
 *  - Ownership as in rcgc.h: "new" references are the caller's, "borrowed"
 *    ones are not, "steals" takes the caller's reference.
 *  - Errors: a function returning an object returns NULL, one returning int
 *    returns a negative value, with a Python exception pending. An
 *    exception is pending exactly when the runtime has an error recorded
 *    (rc_last_error(rt) != RC_OK): rcpy raises with rc_set_error_object
 *    (rp_raise and friends), and an error rcgc recorded with a status and a
 *    message only (a library call that failed) becomes an exception object
 *    of the matching class the moment rcpy needs the object (rp_err_fetch).
 *  - rp_interp is found from any object: rp_interp_of(o).
 */
#ifndef RCPY_H
#define RCPY_H

#include <rcgc.h>
#include <rcgc/objects.h>

#include <signal.h>

#include "ast.h"
#include "opcode.h"

#define RP_VERSION  "0.1.0"
/* What sys.version_info and `rcpy --version` claim to implement. */
#define RP_PY_MAJOR 3
#define RP_PY_MINOR 11

typedef struct rp_interp rp_interp;
typedef struct rp_class rp_class;
typedef struct rp_code rp_code;
typedef struct rp_frame rp_frame;

/* ====================================================================== */
/* Builtin functions and methods: the C calling convention                */
/* ====================================================================== */

/*
 * Every C function callable from Python has this shape (CPython's
 * vectorcall): self is the bound object (the instance for a method, the
 * module for a module function, the class for a class method, NULL for a
 * static one); args[0, nargs) are the positional arguments, followed by one
 * value per name in kwnames (a tuple of str, or NULL). Arguments are
 * borrowed. Returns a new reference, or NULL with an exception pending.
 */
typedef rc_object *(*rp_cfunc)(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames);

#define RP_METH_STATIC 1u /* a staticmethod in a class: self is NULL */
#define RP_METH_CLASS  2u /* a classmethod: self is the class */

typedef struct rp_methoddef {
    const char *name;
    rp_cfunc fn;
    unsigned flags; /* RP_METH_* */
    const char *doc;
} rp_methoddef; /* arrays of them end with {NULL} */

/* Argument parsing for C functions: CPython's messages ("sorted expected 1
 * argument, got 0", "f() got an unexpected keyword argument 'x'", "f()
 * missing required argument 'x' (pos 1)", "f() takes at most 2 arguments
 * (3 given)"). */
typedef struct rp_argspec {
    const char *fname;        /* "sorted", "list.sort" ... */
    const char *const *names; /* parameter names, NULL-terminated */
    unsigned min;             /* the first `min` are required */
    unsigned max_positional;  /* how many may be passed by position */
    unsigned posonly;         /* the first `posonly` are positional-only */
} rp_argspec;

/* Fills out[i] (borrowed, NULL when not given) for each name of spec. */
int rp_parse_args(rp_interp *ip, const rp_argspec *spec, rc_object *const *args,
                  size_t nargs, rc_object *kwnames, rc_object **out);
/* Shorthands for functions without keyword arguments: TypeError "len()
 * takes exactly one argument (2 given)", "f() takes no keyword arguments".
 * max (size_t)-1: no upper bound. */
int rp_check_args(rp_interp *ip, const char *fname, size_t nargs,
                  rc_object *kwnames, size_t min, size_t max);

/* ====================================================================== */
/* Classes                                                                */
/* ====================================================================== */

/*
 * A class is an rp_class object. Classes made at run time (class
 * statements, type(name, bases, dict), the exception hierarchy) own the
 * rc_type their instances use (`type_storage`, flagged RC_TYPE_HEAP, named
 * after the class, rcgc/protocol.h): each instance keeps its class alive
 * and the collector's debug lines name the class. Builtin classes (int,
 * list, function, ...) wrap a static rc_type: `itype` points at it and
 * rp_type_of maps such objects back to their class through a table.
 *
 * Instances of classes made at run time extend the layout of their solid
 * base: `object` gives rp_inst (attributes, then __slots__ values),
 * BaseException gives rp_exc, `type` gives rp_class (metaclasses). A
 * class deriving from a builtin value class (int, float, str, tuple, list,
 * dict, set, frozenset) gives rp_inst whose first __slots__ value is a
 * real object of that class: its C methods and slots are called with that
 * object as self (objmodel.h: rp_value_of).
 *
 * Attribute lookup follows CPython: type attributes along the MRO (C3),
 * data descriptors, then the instance's attributes, then non-data
 * descriptors and plain class attributes, then __getattr__. A per-interp
 * cache of MRO lookups is invalidated whenever any class namespace
 * changes (ip->class_epoch).
 */

/* How a class's instances are read and written by the generic machinery
 * (descriptors of builtin descriptor classes, fast paths). */
typedef rc_object *(*rp_descr_get)(rp_interp *ip, rc_object *descr,
                                   rc_object *obj, rp_class *type);
typedef int (*rp_descr_set)(rp_interp *ip, rc_object *descr, rc_object *obj,
                            rc_object *value); /* value NULL: delete */
/* Makes an instance of cls from call arguments (int("3"), list(x),
 * BaseException's new). */
typedef rc_object *(*rp_newfunc)(rp_interp *ip, rp_class *cls,
                                 rc_object *const *args, size_t nargs,
                                 rc_object *kwnames);

#define RP_CLS_HEAP      (1u << 0) /* made at run time; owns type_storage */
#define RP_CLS_BASETYPE  (1u << 1) /* may be subclassed */
#define RP_CLS_EXCEPTION (1u << 2) /* instances are rp_exc */
#define RP_CLS_HAS_DICT  (1u << 3) /* instances carry attributes */
#define RP_CLS_HAS_DEL   (1u << 4) /* __del__ somewhere in the MRO */
#define RP_CLS_ABSTRACT  (1u << 5) /* cannot be instantiated directly */
/* a builtin whose layout starts with rp_inst: its subclasses may carry
 * attributes (property, weakref.ref) */
#define RP_CLS_INST_LAYOUT (1u << 6)

struct rp_class {
    rc_object ob;
    rc_type type_storage;  /* RP_CLS_HEAP: the rc_type of its instances */
    const rc_type *itype;  /* the rc_type of its direct instances */
    const rc_type *layout; /* what instances of classes made at run time
                              that derive from this one are made of: its
                              basicsize (before __slots__), traverse,
                              clear and dealloc are copied into their
                              rc_type; NULL: not an acceptable base */
    rc_object *name;       /* str; type_storage.name points into it */
    rc_object *qualname;   /* str */
    rc_object *bases;      /* tuple of classes */
    rc_object *mro;        /* tuple of classes, this one first */
    rc_object *dict;       /* the namespace (a dict) */
    rp_class *base;        /* solid base whose layout instances extend;
                              NULL for object */
    uint32_t flags;        /* RP_CLS_* */
    uint32_t nslots;       /* __slots__ values stored in instances */
    size_t slots_offset;   /* byte offset of the first one */
    rp_newfunc new_;       /* makes instances (inherited from the base) */
    rp_descr_get get;      /* instances are descriptors (C fast path) */
    rp_descr_set set;      /* instances are data descriptors */
    rc_object *subclasses; /* list of weakrefs to subclasses, or NULL */
};

/* The class of o (borrowed): type(o). */
rp_class *rp_type_of(const rc_object *o);
bool rp_is_class(const rc_object *o);
/* issubclass(a, b) for classes; isinstance(o, cls). */
bool rp_is_subclass(const rp_class *a, const rp_class *b);
bool rp_is_instance(const rc_object *o, const rp_class *cls);
/* isinstance(o, spec)/issubclass(c, spec) with spec a class or a tuple of
 * them (also __instancecheck__-free): 1, 0 or negative. */
int rp_isinstance(rp_interp *ip, rc_object *o, rc_object *spec);
int rp_issubclass(rp_interp *ip, rc_object *c, rc_object *spec);

/* The attribute name on cls or its bases (the MRO), borrowed, or NULL
 * (no error). Cached. */
rc_object *rp_class_lookup(rp_class *cls, rc_object *name);

/* A builtin class wrapping the static type itype (NULL for abstract ones
 * such as `object`'s helpers), registered so that rp_type_of finds it:
 * name as Python prints it, base NULL for `object`, methods (may be NULL)
 * become method descriptors in its dict, new_ NULL inherits the base's.
 * The class is stored in ip's table and a borrowed pointer returned (NULL
 * + exception on failure). */
rp_class *rp_class_new_builtin(rp_interp *ip, const char *name,
                               const rc_type *itype, rp_class *base,
                               const rp_methoddef *methods, rp_newfunc new_,
                               uint32_t flags);
/* A class whose instances have the layout of `layout` (basicsize,
 * traverse, clear, dealloc) but an rc_type of its own, named after it
 * (RP_CLS_HEAP): the exception hierarchy is made this way, BaseException
 * with exc.c's layout for rp_exc and every other exception class deriving
 * from it. New classes deriving from it inherit the layout. */
rp_class *rp_class_new_with_layout(rp_interp *ip, const char *name,
                                   rp_class *base, const rc_type *layout,
                                   const rp_methoddef *methods, rp_newfunc new_,
                                   uint32_t flags);
/* A class made at run time: type(name, bases, ns) without metaclass
 * lookup; ns is copied. New reference. */
rc_object *rp_class_new(rp_interp *ip, rc_object *name, rc_object *bases,
                        rc_object *ns);
/* Adds methods / an object (stolen) to a class's namespace. */
int rp_class_add_methods(rp_interp *ip, rp_class *cls,
                         const rp_methoddef *defs);
int rp_class_add_object(rp_interp *ip, rp_class *cls, const char *name,
                        rc_object *value);
/* Attributes of builtin kinds computed in C (f.__name__, co.co_name,
 * frame.f_lineno, gen.gi_frame, tb.tb_next ...): getset descriptors. */
typedef rc_object *(*rp_getter)(rp_interp *ip, rc_object *self);
typedef int (*rp_setter)(rp_interp *ip, rc_object *self, rc_object *value);
typedef struct rp_getsetdef {
    const char *name;
    rp_getter get; /* new reference, or NULL + exception */
    rp_setter set; /* NULL: read-only (AttributeError "readonly
                      attribute"); value NULL: delete */
    const char *doc;
} rp_getsetdef; /* arrays end with {NULL} */
int rp_class_add_getsets(rp_interp *ip, rp_class *cls,
                         const rp_getsetdef *defs);

/* Something in a class namespace changed: drop cached lookups. */
void rp_class_modified(rp_interp *ip, rp_class *cls);

/* builtins.__build_class__ (class_new.c), for builtins.c to register: runs
 * a class body (rp_eval_function_in_locals) in the metaclass's
 * __prepare__ namespace and calls the metaclass. */
extern const rp_methoddef rp_build_class_def;

/* ====================================================================== */
/* Instances of classes made at run time                                  */
/* ====================================================================== */

/* Attributes of an instance without a dict object: name/value pairs in
 * memory from rc_malloc (not an object, so making an instance moves
 * gc.get_count() by exactly one, as in CPython 3.11). Asking for __dict__
 * moves them into a real dict, which the instance uses from then on. */
typedef struct rp_attrs rp_attrs;

typedef struct rp_inst {
    rc_object ob;
    rp_attrs *attrs; /* attributes until a dict is made; may be NULL */
    rc_object *dict; /* the __dict__ once asked for, or NULL */
    /* __slots__ values follow at the class's slots_offset */
} rp_inst;

/* The protocol slots of instances of classes made at run time: each finds
 * the dunder on the class (__repr__, __eq__, __hash__, __len__, __iter__,
 * __add__/__radd__, __call__, __getattr__ ...) and calls it. */
extern const rc_protocol rp_inst_protocol;

/* Attribute storage of an instance (rp_inst or any layout extending it):
 * get returns borrowed or NULL (no error); set stores a new reference
 * (value NULL deletes: 1 deleted, 0 absent); the dict is made on demand. */
rc_object *rp_inst_attr_get(rc_object *inst, rc_object *name);
int rp_inst_attr_set(rp_interp *ip, rc_object *inst, rc_object *name,
                     rc_object *value);
rc_object *rp_inst_dict(rp_interp *ip, rc_object *inst); /* borrowed */
/* The rp_inst layout's functions (instance.c): the attribute table, the
 * dict and __slots__ values. Layouts that extend rp_inst (exc.c's rp_exc)
 * call them for their rp_inst part. */
int rp_inst_traverse(rc_object *self, rc_visitproc visit, void *arg);
int rp_inst_clear(rc_object *self);
void rp_inst_dealloc(rc_object *self);

/* ====================================================================== */
/* Functions, cells, methods                                              */
/* ====================================================================== */

typedef struct rp_function {
    rc_object ob;
    rp_code *code;
    rc_object *globals;    /* dict */
    rc_object *builtins;   /* dict */
    rc_object *name;       /* str */
    rc_object *qualname;   /* str */
    rc_object *module;     /* __module__, or NULL */
    rc_object *defaults;   /* tuple, or NULL */
    rc_object *kwdefaults; /* dict, or NULL */
    rc_object *closure;    /* tuple of cells, or NULL */
    rc_object *doc;        /* or NULL */
    rc_object *dict;       /* function attributes, or NULL */
    rc_object *annotations; /* __annotations__ (a dict), or NULL: an empty
                               dict is made on first read */
} rp_function;

typedef struct rp_cell {
    rc_object ob;
    rc_object *ref; /* NULL: empty */
} rp_cell;

typedef struct rp_method { /* a bound method */
    rc_object ob;
    rc_object *func;
    rc_object *self;
} rp_method;

typedef struct rp_builtin { /* builtin_function_or_method */
    rc_object ob;
    const rp_methoddef *def;
    rc_object *self; /* bound object, module, or NULL */
} rp_builtin;

typedef struct rp_methoddescr { /* method_descriptor in a builtin class */
    rc_object ob;
    const rp_methoddef *def;
    rp_class *cls;
} rp_methoddescr;

extern const rc_type rp_function_type, rp_cell_type, rp_method_type,
    rp_builtin_type, rp_methoddescr_type;

rc_object *rp_function_new(rp_interp *ip, rc_object *code, rc_object *globals,
                           rc_object *qualname);
rc_object *rp_cell_new(rp_interp *ip, rc_object *ref);
rc_object *rp_method_new(rp_interp *ip, rc_object *func, rc_object *self);
rc_object *rp_builtin_new(rp_interp *ip, const rp_methoddef *def,
                          rc_object *self);

/* ====================================================================== */
/* Code objects (compile.c makes them, the VM runs them)                  */
/* ====================================================================== */

/* Source position of one instruction (CPython's co_positions): 1-based
 * lines, 0-based byte columns, end exclusive; -1 when unknown. */
typedef struct rp_pos {
    int32_t line, end_line;
    int32_t col, end_col;
} rp_pos;

/* Exception table entry (CPython 3.11's): an exception raised by an
 * instruction in [start, end) pops the stack to `depth` items, pushes the
 * failing instruction's index if `lasti`, pushes the exception and jumps to
 * `target`. Entries do not overlap; the compiler splits nested ranges. */
typedef struct rp_exc_entry {
    uint32_t start, end, target;
    uint32_t depth : 31;
    uint32_t lasti : 1;
} rp_exc_entry;

/* rp_code.flags: CPython's values */
#define RP_CO_OPTIMIZED   0x0001 /* locals in fast slots */
#define RP_CO_NEWLOCALS   0x0002
#define RP_CO_VARARGS     0x0004
#define RP_CO_VARKEYWORDS 0x0008
#define RP_CO_NESTED      0x0010
#define RP_CO_GENERATOR   0x0020

/* What a localsplus slot is (CPython's CO_FAST_*); an argument that is
 * also a cell has LOCAL | CELL and is wrapped in a cell when the frame
 * starts; FREE slots are the last nfreevars, filled from the closure. */
#define RP_FAST_LOCAL 0x20
#define RP_FAST_CELL  0x40
#define RP_FAST_FREE  0x80

struct rp_code {
    rc_object ob;
    uint32_t argcount; /* positional parameters, posonly included */
    uint32_t posonlyargcount;
    uint32_t kwonlyargcount;
    uint32_t flags;     /* RP_CO_* */
    uint32_t stacksize; /* deepest value stack */
    uint32_t firstlineno;
    uint32_t nlocalsplus; /* locals, then cells, then free vars */
    uint32_t ncellvars, nfreevars;
    rc_object *localsplusnames; /* tuple of str, nlocalsplus long: the
                                   parameters first (positional, keyword-
                                   only, *args, **kwargs), then the rest */
    uint8_t *localspluskinds;   /* RP_FAST_* per slot (rc_malloc) */
    rc_object *consts;          /* tuple: constants, nested code objects */
    rc_object *names;    /* tuple of str: global/attribute/import names */
    rc_object *name;     /* "f", "<module>", "<listcomp>", "<lambda>" */
    rc_object *qualname; /* "A.f", "f.<locals>.g" */
    rc_object *filename; /* "x.py", "<stdin>", "<string>" */
    uint32_t ninstrs;
    rp_instr *instrs;  /* rc_malloc */
    rp_pos *positions; /* one per instruction (rc_malloc) */
    uint32_t nhandlers;
    rp_exc_entry *handlers; /* sorted by start (rc_malloc) */
};

extern const rc_type rp_code_type;

/* Compiles source (len bytes of UTF-8) into a new code object for the
 * module body (mode EXEC), one interactive statement (SINGLE: expression
 * statements end in PRINT_EXPR) or one expression (EVAL). NULL with a
 * SyntaxError/IndentationError pending (filename, lineno, offset, text,
 * end_lineno, end_offset set as CPython sets them). */
rc_object *rp_compile(rp_interp *ip, const char *src, size_t len,
                      rc_object *filename, rp_mode mode);
/* Compiles an already parsed tree (the arena stays the caller's). */
rc_object *rp_compile_ast(rp_interp *ip, rp_mod *mod, rc_object *filename);

/* The line of instruction i (positions[i].line; the previous known one
 * when unknown). */
int rp_code_line(const rp_code *co, uint32_t i);
/* dis-like listing, for debugging and the compiler's tests. */
rc_object *rp_code_disassemble(rp_interp *ip, const rp_code *co);

/* ====================================================================== */
/* Frames                                                                 */
/* ====================================================================== */

/*
 * As in CPython 3.11, a call does not allocate an object for its frame:
 * frames live on the interpreter's frame stack (chunks of memory from
 * rc_malloc, LIFO). A frame *object* (sys._getframe(), a traceback) is made
 * only when asked for; when its frame returns while the object lives, the
 * object takes the frame's contents over, so the locals live on with it
 * (and a frame that refers to itself through a local is a cycle the
 * collector finds). A generator's frame lives inside the generator. The
 * references a frame holds are owned by the frame; frames on the stack are
 * roots for the collector (nobody traverses them).
 */

enum rp_frame_owner {
    RP_FRAME_OWNED_BY_THREAD,
    RP_FRAME_OWNED_BY_GENERATOR,
    RP_FRAME_OWNED_BY_FRAME_OBJECT
};

struct rp_frame {
    rp_code *code;           /* strong */
    rc_object *func;         /* strong; NULL for module code and exec */
    rc_object *globals;      /* strong */
    rc_object *builtins;     /* strong */
    rc_object *locals;       /* strong dict (module and class bodies, exec,
                                eval), else NULL */
    rp_frame *previous;      /* the caller while this frame runs */
    rc_object *frame_obj;    /* its frame object, or NULL (borrowed: the
                                object clears this when it dies) */
    uint32_t lasti;          /* instruction running or last run */
    uint32_t stacktop;       /* values on the stack */
    uint8_t owner;           /* enum rp_frame_owner */
    uint8_t is_entry;        /* the C caller's rp_eval returns at its end */
    uint8_t is_init;         /* an __init__ a class call runs in the loop:
                                it must return None, and the new instance
                                waits on the caller's stack (vm.c) */
    rc_object *localsplus[]; /* code->nlocalsplus slots, then the stack */
};

/* The frame object of f (materialized on first use); new reference. */
rc_object *rp_frame_object(rp_interp *ip, rp_frame *f);
/* f.f_lineno */
int rp_frame_line(const rp_frame *f);
/* locals() of a frame: the locals dict, or a new dict snapshot of the fast
 * locals (new reference). */
rc_object *rp_frame_locals(rp_interp *ip, rp_frame *f);

extern const rc_type rp_frameobj_type;

/* For zero-argument super() (super.c): the running Python frame
 * (ip->frame: super is a C callable, so no frame of its own is pushed)
 * gives its first argument (the content of its cell when the argument is
 * also a cell variable) and its `__class__` free variable. Both borrowed.
 * 0 on success; negative with RuntimeError in CPython's words otherwise
 * ("super(): no current frame", "super(): no arguments", "super(): arg[0]
 * deleted", "super(): __class__ cell not found", "super(): empty __class__
 * cell", "super(): __class__ is not a type (int)"). */
int rp_frame_super_args(rp_interp *ip, rc_object **cls, rc_object **self);

/* ====================================================================== */
/* Running code (vm.c)                                                    */
/* ====================================================================== */

/* Runs a module-level code object with the given globals and locals dict
 * (locals may be globals). New reference to the result, or NULL. */
rc_object *rp_eval_code(rp_interp *ip, rc_object *code, rc_object *globals,
                        rc_object *locals);
/* Calls a Python function object: arguments are bound to parameters
 * (defaults, *args, **kwargs, keyword-only; CPython's TypeErrors: "f()
 * missing 1 required positional argument: 'x'", "f() takes 2 positional
 * arguments but 3 were given", "f() got an unexpected keyword argument
 * 'z'", "f() got multiple values for argument 'x'"), then the body runs,
 * or a generator is returned for generator functions. args borrowed. */
rc_object *rp_function_call(rp_interp *ip, rc_object *func,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames);
/* Runs the body of a function taking no arguments (a class body made by
 * the class statement) with `locals` (a dict, or any mapping) as its
 * locals, the way __build_class__ runs a class body: the function's
 * globals, builtins and closure are used, its cell variables (__class__)
 * are made fresh. New reference to what the body returns (the __class__
 * cell or None), or NULL. */
rc_object *rp_eval_function_in_locals(rp_interp *ip, rc_object *func,
                                      rc_object *locals);

/* ====================================================================== */
/* Generators                                                             */
/* ====================================================================== */

extern const rc_type rp_gen_type;
/* gen.send(v) / next(gen): 1 yielded (*out new), 0 returned (*out the
 * return value, new, None by default), negative on error. */
int rp_gen_send(rp_interp *ip, rc_object *gen, rc_object *value,
                rc_object **out);

/* ====================================================================== */
/* Calls and attributes (abstract.c)                                      */
/* ====================================================================== */

/* callable(*args, **kw) with fast paths for Python functions, bound
 * methods, builtins and classes; anything else through rc_call. */
rc_object *rp_call(rp_interp *ip, rc_object *callable, rc_object *const *args,
                   size_t nargs, rc_object *kwnames);
rc_object *rp_call0(rp_interp *ip, rc_object *callable);
rc_object *rp_call1(rp_interp *ip, rc_object *callable, rc_object *a);
rc_object *rp_call2(rp_interp *ip, rc_object *callable, rc_object *a,
                    rc_object *b);
/* callable(o): every instance of a class made at run time has a call slot
 * (rc_is_callable says true); this asks whether its class has __call__. */
bool rp_callable(rp_interp *ip, rc_object *o);
/* o.name(*args): the method found as LOAD_METHOD finds it. */
rc_object *rp_call_method(rp_interp *ip, rc_object *o, rc_object *name,
                          rc_object *const *args, size_t nargs);
/* LOAD_METHOD's question: the callable to call with o as first argument
 * instead of binding o.name (borrowed: a function, method descriptor or
 * slot wrapper found on type(o) through the generic attribute lookup, not
 * shadowed by an instance attribute), or NULL, without an error, when the
 * general path (rp_getattr, then call) must be taken. */
rc_object *rp_lookup_method(rp_interp *ip, rc_object *o, rc_object *name);

/* A special method looked up on type(o) only (never the instance), as
 * Python looks up __len__, __enter__ ...: the attribute, bound to o when
 * it is a descriptor (new reference), or NULL without an error when the
 * class has none. */
rc_object *rp_lookup_special(rp_interp *ip, rc_object *o, rc_object *name);
/* Calls type(o).name(o, *args): *found says whether the class had it. */
rc_object *rp_call_special(rp_interp *ip, rc_object *o, rc_object *name,
                           rc_object *const *args, size_t nargs, bool *found);

/* getattr(o, name): new reference, or NULL with AttributeError ("'A'
 * object has no attribute 'x'", "type object 'A' has no attribute 'x'",
 * "module 'm' has no attribute 'x'"). */
rc_object *rp_getattr(rp_interp *ip, rc_object *o, rc_object *name);
rc_object *rp_getattr_cstr(rp_interp *ip, rc_object *o, const char *name);
/* 1 found (*out new), 0 absent (AttributeError swallowed), negative on any
 * other error: hasattr and getattr(o, name, default). */
int rp_getattr_opt(rp_interp *ip, rc_object *o, rc_object *name,
                   rc_object **out);
/* setattr / delattr (value NULL). */
int rp_setattr(rp_interp *ip, rc_object *o, rc_object *name, rc_object *value);
/* object.__getattribute__ / __setattr__: descriptors, instance attributes
 * and the class, without __getattr__ (the generic path every class uses
 * unless it overrides them). */
rc_object *rp_generic_getattr(rp_interp *ip, rc_object *o, rc_object *name);
int rp_generic_setattr(rp_interp *ip, rc_object *o, rc_object *name,
                       rc_object *value);

/* Conversions with Python's errors: __index__ ("'float' object cannot be
 * interpreted as an integer"), __float__, str()/repr() as C text. */
int rp_index(rp_interp *ip, rc_object *o, int64_t *out);
int rp_float(rp_interp *ip, rc_object *o, double *out);
/* bool(o) with __bool__/__len__: 1, 0, negative. */
int rp_truth(rp_interp *ip, rc_object *o);

/* ====================================================================== */
/* Exceptions (exc.c, errors.c, traceback.c)                              */
/* ====================================================================== */

/* Instances of BaseException and its subclasses. Other attributes
 * (StopIteration.value, SystemExit.code, SyntaxError.lineno ...) are
 * instance attributes, set by the constructors as CPython sets them. */
typedef struct rp_exc {
    rp_inst base;
    rc_object *args;      /* tuple */
    rc_object *traceback; /* __traceback__, or NULL */
    rc_object *cause;     /* __cause__, or NULL */
    rc_object *context;   /* __context__, or NULL */
    bool suppress_context;
} rp_exc;

typedef struct rp_traceback {
    rc_object ob;
    rc_object *next;  /* tb_next, or NULL */
    rc_object *frame; /* tb_frame: a frame object */
    uint32_t lasti;   /* tb_lasti */
    int lineno;       /* tb_lineno */
} rp_traceback;

extern const rc_type rp_traceback_type;

/* Raises a new instance of cls with the formatted message as its only
 * argument. Returns a negative status (the one rc_last_error reports:
 * RC_ETYPE for TypeError, RC_EVALUE for ValueError ..., RC_EEXCEPTION for
 * classes without a status), so `return rp_raise(...)` works in int
 * functions. */
int rp_raise(rp_interp *ip, rp_class *cls, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* `raise x`: x an exception instance or class (instantiated without
 * arguments); TypeError "exceptions must derive from BaseException"
 * otherwise. Does not steal. */
int rp_raise_object(rp_interp *ip, rc_object *x);
/* KeyError(key) (its str is repr(key)), StopIteration(value), and the
 * pending exception's context chaining are handled here. */
int rp_raise_keyerror(rp_interp *ip, rc_object *key);
/* After a library call on a mapping failed with the library's KeyError (a
 * status whose message is repr(key), no object): raises KeyError(key)
 * instead, so the exception holds the key as CPython's does (str(e) and
 * the traceback show repr(key) once, e.args[0] is key). Any other error is
 * left as it is. Returns the pending status. */
int rp_err_key(rp_interp *ip, rc_object *key);
/* AttributeError with the formatted message and its name and obj
 * attributes set, as CPython 3.11 sets them ("'A' object has no attribute
 * 'x'"); the traceback printer's "Did you mean: 'y'?" reads them. */
int rp_raise_attribute_error(rp_interp *ip, rc_object *obj, rc_object *name,
                             const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
int rp_raise_stopiteration(rp_interp *ip, rc_object *value);
/* `raise exc from cause` (RAISE_VARARGS 2): cause an exception instance or
 * class (instantiated), or None (sets __suppress_context__ only); TypeError
 * "exception causes must derive from BaseException" otherwise. Sets
 * __cause__ and __suppress_context__ before raising as rp_raise_object
 * does, which sets __context__ to the exception being handled
 * (ip->exc_info), avoiding cycles in the context chain as CPython does.
 * Steals nothing. */
int rp_raise_from(rp_interp *ip, rc_object *exc, rc_object *cause);
/* SyntaxError / IndentationError / TabError (cls) with CPython's
 * attributes: msg, filename (a str, borrowed; "<string>" when NULL),
 * lineno, offset (1-based column, characters), end_lineno, end_offset
 * (0: unknown, stored as None) and text, the source line
 * (UTF-8, NUL-terminated, with its newline; NULL: None). Returns the
 * status of rp_raise. */
int rp_raise_syntax_error(rp_interp *ip, rp_class *cls, const char *msg,
                          rc_object *filename, int lineno, int offset,
                          int end_lineno, int end_offset, const char *text);

bool rp_err_occurred(const rp_interp *ip);
/* The pending exception as an object (made from the library's status and
 * message when it has none), taken away: new reference, or NULL if none. */
rc_object *rp_err_fetch(rp_interp *ip);
/* Makes exc (an exception instance, stolen) the pending exception. */
void rp_err_restore(rp_interp *ip, rc_object *exc);
/* Is the pending exception an instance of cls? (Makes its object.) */
bool rp_err_matches(rp_interp *ip, rp_class *cls);
void rp_err_clear(rp_interp *ip);
/* The exception class for a library status (RC_ETYPE TypeError ...). */
rp_class *rp_status_class(rp_interp *ip, rc_status status);
/* Prints "Exception ignored in: <obj>" and the pending exception's
 * traceback to stderr and clears it (sys.unraisablehook's default). */
void rp_err_write_unraisable(rp_interp *ip, const char *context,
                             rc_object *obj);

/* A new exception instance of cls with args (a tuple, borrowed). */
rc_object *rp_exc_new(rp_interp *ip, rp_class *cls, rc_object *args);
/* Adds a traceback entry for frame f at its current instruction to the
 * pending exception (CPython's PyTraceBack_Here). */
int rp_traceback_here(rp_interp *ip, rp_frame *f);
/* Prints exc with its traceback, causes and contexts as CPython 3.11 does
 * ("Traceback (most recent call last):", File/line/source lines with the
 * 3.11 carets, "During handling of the above exception, another exception
 * occurred:") to the file object `file` (sys.stderr when NULL). */
void rp_print_exception(rp_interp *ip, rc_object *exc, rc_object *file);

/* ====================================================================== */
/* Modules and import (module.c, import.c)                                */
/* ====================================================================== */

typedef struct rp_module {
    rc_object ob;
    rc_object *dict; /* the globals of its code */
    rc_object *name; /* str */
} rp_module;

extern const rc_type rp_module_type;

/* A builtin module written in C: init fills the new module's dict. */
typedef int (*rp_module_init)(rp_interp *ip, rc_object *module);
typedef struct rp_builtin_module {
    const char *name;
    rp_module_init init;
} rp_builtin_module;

/* The builtin modules of the btypes part (mod_math.c, mod_time.c,
 * mod_os.c, mod_ospath.c), for import.c's table; posixpath is os.path. */
int rp_init_math_module(rp_interp *ip, rc_object *module);
int rp_init_time_module(rp_interp *ip, rc_object *module);
int rp_init_os_module(rp_interp *ip, rc_object *module);
int rp_init_os_path_module(rp_interp *ip, rc_object *module);
/* The weakref part's builtin modules: _weakref (mod_weakref.c, under
 * rcpy/lib/weakref.py), _psutil (mod_psutil.c, under rcpy/lib/psutil.py),
 * atexit (mod_atexit.c: register/unregister on ip->atexit). */
int rp_init_weakref_module(rp_interp *ip, rc_object *module);
int rp_init_psutil_module(rp_interp *ip, rc_object *module);
int rp_init_atexit_module(rp_interp *ip, rc_object *module);
/* o.__weakref__: the first of o's Python weak references in CPython's
 * order (its shared ref first), or None; new reference. The library's own
 * weakrefs (rc_weakref_list) are not Python objects: only this function
 * knows which Python weak reference wraps which (mod_weakref.c). */
rc_object *rp_weakref_head(rp_interp *ip, rc_object *o);

rc_object *rp_module_new(rp_interp *ip, const char *name); /* new */
/* Adds builtin functions bound to the module / an object (stolen). */
int rp_module_add_functions(rp_interp *ip, rc_object *module,
                            const rp_methoddef *defs);
int rp_module_add_object(rp_interp *ip, rc_object *module, const char *name,
                         rc_object *value);
/* import name (dotted), as the IMPORT_NAME instruction does: sys.modules,
 * then builtin modules, then modules written in Python embedded in the
 * binary (rcpy/lib/), then name.py / name/__init__.py along sys.path. */
rc_object *rp_import(rp_interp *ip, rc_object *name, rc_object *globals,
                     rc_object *fromlist, int level);
rc_object *rp_import_cstr(rp_interp *ip, const char *name);
/* IMPORT_FROM: module.name, falling back to sys.modules["module.name"]
 * (a submodule imported meanwhile); ImportError "cannot import name 'x'
 * from 'm' (/path/m.py)" otherwise ("(unknown location)" without
 * __file__; "partially initialized module ..." during a circular
 * import). New reference. */
rc_object *rp_import_from(rp_interp *ip, rc_object *module, rc_object *name);
/* IMPORT_STAR: the module's public names (__all__, else names without a
 * leading underscore) stored into locals (a dict). */
int rp_import_star(rp_interp *ip, rc_object *module, rc_object *locals);

/* The modules written in Python that the build embeds (the .py files of
 * rcpy/lib): source text by module name, or NULL. */
const char *rp_lib_source(const char *name, size_t *len);

/* ====================================================================== */
/* Interned names                                                         */
/* ====================================================================== */

/* X(field, "text"): identifiers the interpreter looks up often, interned
 * once per interpreter (ip->s.field). */
#define RP_NAMES(X)                                                                                   \
    X(init, "__init__")                                                                               \
    X(new_, "__new__") X(del, "__del__") X(repr, "__repr__") X(                                       \
        str,                                                                                          \
        "__str__") X(format,                                                                          \
                     "__format__") X(hash,                                                            \
                                     "__hash__") X(bool_,                                             \
                                                   "__bool__") X(len,                                 \
                                                                 "__len__")                           \
        X(eq, "__eq__") X(ne, "__ne__") X(lt, "__lt__") X(le, "__le__") X(                            \
            gt, "__gt__") X(ge, "__ge__") X(getitem,                                                  \
                                            "__getitem__") X(setitem,                                 \
                                                             "__setitem__")                           \
            X(delitem, "__delitem__") X(contains, "__contains__") X(                                  \
                iter, "__iter__") X(next,                                                             \
                                    "__next__") X(call,                                               \
                                                  "__call__") X(getattr,                              \
                                                                "__getattr__")                        \
                X(getattribute, "__getattribute__") X(                                                \
                    setattr,                                                                          \
                    "__setattr__") X(delattr,                                                         \
                                     "__delattr__") X(get,                                            \
                                                      "__get__") X(set,                               \
                                                                   "__set__")                         \
                    X(delete, "__delete__") X(enter, "__enter__") X(                                  \
                        exit,                                                                         \
                        "__exit__") X(index,                                                          \
                                      "__index__") X(int_,                                            \
                                                     "__int__") X(float_,                             \
                                                                  "__float__")                        \
                        X(neg, "__neg__") X(pos, "__pos__") X(                                        \
                            abs, "__abs__") X(invert,                                                 \
                                              "__invert__") X(name,                                   \
                                                              "__name__")                             \
                            X(qualname, "__qualname__") X(module, "__module_"                         \
                                                                  "_") X(                             \
                                doc, "__doc__") X(dict,                                               \
                                                  "__dict__") X(class_,                               \
                                                                "__class__")                          \
                                X(classcell, "__classcell__") X(                                      \
                                    slots,                                                            \
                                    "__slots__") X(builtins,                                          \
                                                   "__builtins__") X(main, "_"                        \
                                                                           "_"                        \
                                                                           "m"                        \
                                                                           "a"                        \
                                                                           "i"                        \
                                                                           "n"                        \
                                                                           "_"                        \
                                                                           "_") X(file,               \
                                                                                  "__file__")         \
                                    X(all, "__all__") X(path, "__path__") X(                          \
                                        package,                                                      \
                                        "__package__") X(spec,                                        \
                                                         "__spec__") X(loader, "__loader__")          \
                                        X(mro, "__mro__") X(                                          \
                                            bases,                                                    \
                                            "__bases__") X(missing,                                   \
                                                           "__missing__")                             \
                                            X(init_subclass, "__init_"                                \
                                                             "subclass__") X(                         \
                                                set_name,                                             \
                                                "__set_name__") X(instancecheck, "__instancecheck__") \
                                                X(subclasscheck, "__"                                 \
                                                                 "subclassche"                        \
                                                                 "ck__") X(                           \
                                                    reversed,                                         \
                                                    "__reversed__") X(round, "__round__")             \
                                                    X(traceback, "__"                                 \
                                                                 "traceback_"                         \
                                                                 "_") X(self, "self") X(              \
                                                        args,                                         \
                                                        "args") X(write, "wri"                        \
                                                                         "te")                        \
                                                        X(flush, "flush") X(readline, "readline") X(  \
                                                            keys,                                     \
                                                            "keys") X(items, "items")                 \
                                                            X(values, "value"                         \
                                                                      "s") X(                         \
                                                                send,                                 \
                                                                "send") X(throw, "throw")             \
                                                                X(close, "clo"                        \
                                                                         "se") X(                     \
                                                                    displayhook,                      \
                                                                    "displayh"                        \
                                                                    "ook") X(excepthook,              \
                                                                             "excepthook")            \
                                                                    X(stdout,                         \
                                                                      "stdou"                         \
                                                                      "t") X(stderr,                  \
                                                                             "stderr")                \
                                                                        X(stdin,                      \
                                                                          "st"                        \
                                                                          "di"                        \
                                                                          "n") X(empty,               \
                                                                                 "")                  \
                                                                            X(lambda,                 \
                                                                              "<lambda>")             \
                                                                                X(module_name,        \
                                                                                  "<module>")

typedef struct rp_names {
#define RP_NAME_FIELD(field, text) rc_object *field;
    RP_NAMES(RP_NAME_FIELD)
#undef RP_NAME_FIELD
} rp_names;

/* ====================================================================== */
/* The interpreter                                                        */
/* ====================================================================== */

typedef struct rp_config {
    size_t heap_limit; /* bytes; 0: none (-X heap-limit=...) */
    bool gcstats;      /* -X gcstats: a line per collection */
    bool leaks;        /* -X leaks: report what is alive at exit */
    bool interactive;  /* -i, or the prompt */
    int argc;          /* sys.argv */
    char **argv;
    const char *path0; /* sys.path[0]: the script's folder, or "" */
} rp_config;

/* X(field, "Name", base field): the builtin exception hierarchy, parents
 * before children. */
#define RP_EXCEPTIONS(X)                                                       \
    X(BaseException, "BaseException", BaseException)                           \
    X(SystemExit, "SystemExit", BaseException)                                 \
    X(KeyboardInterrupt, "KeyboardInterrupt", BaseException)                   \
    X(GeneratorExit, "GeneratorExit", BaseException)                           \
    X(Exception, "Exception", BaseException)                                   \
    X(StopIteration, "StopIteration", Exception)                               \
    X(StopAsyncIteration, "StopAsyncIteration", Exception)                     \
    X(ArithmeticError, "ArithmeticError", Exception)                           \
    X(FloatingPointError, "FloatingPointError", ArithmeticError)               \
    X(OverflowError, "OverflowError", ArithmeticError)                         \
    X(ZeroDivisionError, "ZeroDivisionError", ArithmeticError)                 \
    X(AssertionError, "AssertionError", Exception)                             \
    X(AttributeError, "AttributeError", Exception)                             \
    X(BufferError, "BufferError", Exception)                                   \
    X(EOFError, "EOFError", Exception)                                         \
    X(ImportError, "ImportError", Exception)                                   \
    X(ModuleNotFoundError, "ModuleNotFoundError", ImportError)                 \
    X(LookupError, "LookupError", Exception)                                   \
    X(IndexError, "IndexError", LookupError)                                   \
    X(KeyError, "KeyError", LookupError)                                       \
    X(MemoryError, "MemoryError", Exception)                                   \
    X(NameError, "NameError", Exception)                                       \
    X(UnboundLocalError, "UnboundLocalError", NameError)                       \
    X(OSError, "OSError", Exception)                                           \
    X(FileNotFoundError, "FileNotFoundError", OSError)                         \
    X(FileExistsError, "FileExistsError", OSError)                             \
    X(PermissionError, "PermissionError", OSError)                             \
    X(IsADirectoryError, "IsADirectoryError", OSError)                         \
    X(NotADirectoryError, "NotADirectoryError", OSError)                       \
    X(BlockingIOError, "BlockingIOError", OSError)                             \
    X(ChildProcessError, "ChildProcessError", OSError)                         \
    X(ConnectionError, "ConnectionError", OSError)                             \
    X(BrokenPipeError, "BrokenPipeError", ConnectionError)                     \
    X(ConnectionAbortedError, "ConnectionAbortedError", ConnectionError)       \
    X(ConnectionRefusedError, "ConnectionRefusedError", ConnectionError)       \
    X(ConnectionResetError, "ConnectionResetError", ConnectionError)           \
    X(InterruptedError, "InterruptedError", OSError)                           \
    X(ProcessLookupError, "ProcessLookupError", OSError)                       \
    X(TimeoutError, "TimeoutError", OSError)                                   \
    X(ReferenceError, "ReferenceError", Exception)                             \
    X(RuntimeError, "RuntimeError", Exception)                                 \
    X(NotImplementedError, "NotImplementedError", RuntimeError)                \
    X(RecursionError, "RecursionError", RuntimeError)                          \
    X(SyntaxError, "SyntaxError", Exception)                                   \
    X(IndentationError, "IndentationError", SyntaxError)                       \
    X(TabError, "TabError", IndentationError)                                  \
    X(SystemError, "SystemError", Exception)                                   \
    X(TypeError, "TypeError", Exception)                                       \
    X(ValueError, "ValueError", Exception)                                     \
    X(UnicodeError, "UnicodeError", ValueError)                                \
    X(UnicodeDecodeError, "UnicodeDecodeError", UnicodeError)                  \
    X(UnicodeEncodeError, "UnicodeEncodeError", UnicodeError)                  \
    X(Warning, "Warning", Exception)                                           \
    X(UserWarning, "UserWarning", Warning)                                     \
    X(DeprecationWarning, "DeprecationWarning", Warning)                       \
    X(RuntimeWarning, "RuntimeWarning", Warning)                               \
    X(ResourceWarning, "ResourceWarning", Warning)                             \
    X(PendingDeprecationWarning, "PendingDeprecationWarning", Warning)         \
    X(SyntaxWarning, "SyntaxWarning", Warning)                                 \
    X(FutureWarning, "FutureWarning", Warning)                                 \
    X(ImportWarning, "ImportWarning", Warning)                                 \
    X(UnicodeWarning, "UnicodeWarning", Warning)                               \
    X(BytesWarning, "BytesWarning", Warning)                                   \
    X(EncodingWarning, "EncodingWarning", Warning)

/* The builtin classes, each set by the file that defines the kind. */
typedef struct rp_classes {
    rp_class *object, *type; /* class.c */
    rp_class *int_, *bool_, *float_, *str, *tuple, *list, *dict, *set,
        *frozenset, *range, *slice, *none, *notimpl, *ellipsis, *dict_keys,
        *dict_values, *dict_items, *iterator; /* bt_*.c */
    rp_class *function, *cell, *method, *builtin, *methoddescr, *code, *frame,
        *generator; /* func.c, code.c,
                       frame.c, gen.c */
    rp_class *property, *staticmethod, *classmethod, *super_, *mappingproxy,
        *wrapper, *member;                         /* descr.c, super.c */
    rp_class *weakproxy, *weakcallableproxy; /* mod_weakref.c (weakref is
                                                ReferenceType) */
    rp_class *module, *traceback, *file, *weakref; /* module.c,
                                                      traceback.c ... */
} rp_classes;

typedef struct rp_exceptions {
#define RP_EXC_FIELD(field, name, base) rp_class *field;
    RP_EXCEPTIONS(RP_EXC_FIELD)
#undef RP_EXC_FIELD
} rp_exceptions;

typedef struct rp_typemap rp_typemap; /* static rc_type -> its class */
typedef struct rp_lookup_cache rp_lookup_cache;
typedef struct rp_stack_chunk rp_stack_chunk;

struct rp_interp {
    rc_runtime *rt;
    rp_config cfg;
    rp_names s;        /* interned names */
    rp_classes cls;    /* builtin classes */
    rp_exceptions exc; /* builtin exception classes */
    /* singletons (immortal) */
    rc_object *none, *true_, *false_, *notimpl, *ellipsis;
    /* modules */
    rc_object *builtins; /* the builtins module's dict */
    rc_object *modules;  /* sys.modules (a dict) */
    rc_object *sysmod;   /* the sys module */
    rc_object *main;     /* __main__ */
    rc_object *path;     /* sys.path (a list) */
    /* execution */
    rp_frame *frame;       /* the running frame, NULL at top level */
    rc_object *exc_info;   /* the exception being handled (strong), or
                              NULL: sys.exc_info() */
    rp_stack_chunk *stack; /* frame memory (frame.c) */
    rc_object *kwnames;    /* set by KW_NAMES for the next CALL */
    volatile sig_atomic_t interrupted; /* SIGINT seen: raise
                                          KeyboardInterrupt at a safe point */
    uint64_t steps_left;     /* safe points left before every safe point
                                raises RuntimeError (the fuzz harness's
                                step budget); 0: unlimited */
    uint64_t class_epoch;    /* bumped when any class namespace changes */
    rp_typemap *typemap;     /* class.c */
    rp_lookup_cache *lookup; /* class.c: MRO lookup cache */
    struct rp_vm_cache *vmcache; /* vm: LOAD_GLOBAL's cache (vm_ops.c), or
                                    NULL until first used */
    rc_object *atexit;       /* list of (func, args, kwargs) */
    int exit_code;           /* set by SystemExit at top level */
    struct rp_front *front;  /* errors, import, sys, gc, files: the front
                                part's own state (errors.c) */
    struct rp_leaks *leaks;  /* -X leaks: the state at start (leaks.c) */
    struct rp_gcout *gcout;  /* the collector's messages (gcdebug.c) */
};

static inline rp_interp *rp_interp_of(const rc_object *o) {
    return (rp_interp *)rc_runtime_userdata(rc_runtime_of(o));
}

/* Makes an interpreter: a runtime (collections at safe points), the
 * builtin classes, exceptions, builtins, sys and __main__. NULL on
 * failure (a message on stderr). */
rp_interp *rp_interp_new(const rp_config *cfg);
/* Runs atexit functions, reports leaks under -X leaks, frees everything. */
void rp_interp_free(rp_interp *ip);
/* -X leaks (leaks.c): begin records what is alive once the interpreter has
 * started (0, or -1 with a message); report prints, to stderr, what the
 * program left alive since, by type, and why the first few new objects are
 * alive (objgraph.why_alive), then forgets the start. */
int rp_leaks_begin(rp_interp *ip);
void rp_leaks_report(rp_interp *ip);

/* Runs source as __main__ (or in the given globals). 0, or -1 with the
 * exception printed (SystemExit sets ip->exit_code and returns 1). */
int rp_run_source(rp_interp *ip, const char *src, size_t len,
                  const char *filename, rc_object *globals);
/* The interactive prompt (main.c). */
int rp_repl(rp_interp *ip);

/* Safe point: runs a due collection and raises KeyboardInterrupt if SIGINT
 * arrived, or RuntimeError('step budget exhausted') once ip->steps_left has
 * counted down to 1 (and at every safe point after); negative when an
 * exception was raised. */
int rp_safepoint(rp_interp *ip);

/* Each part's start-up, in the order rp_interp_new calls them. */
int rp_init_classes(rp_interp *ip); /* class.c: object, type */
int rp_init_descr(rp_interp *ip);   /* descr.c, super.c */
int rp_init_funcs(rp_interp *ip);   /* func.c, code.c, frame.c, gen.c */
void rp_fini_vm(rp_interp *ip);     /* vm_ops.c: the loop's caches */
int rp_init_code(rp_interp *ip);   /* code_attrs.c: co_* getsets on ip->cls.code
                                      (rp_init_funcs calls it) */
int rp_init_btypes(rp_interp *ip); /* bt_*.c: classes of rcgc's types */
int rp_init_exceptions(rp_interp *ip); /* exc.c, traceback.c */
int rp_init_modules(rp_interp *ip);    /* module.c */
int rp_init_builtins(rp_interp *ip);   /* builtins.c */
int rp_init_sys(rp_interp *ip);        /* mod_sys.c */
void rp_fini_classes(rp_interp *ip);   /* frees class.c's tables */
/* Flushes sys.stdout/stderr and drops the front part's state (gc.garbage,
 * gc.callbacks, files); rp_interp_free calls it before releasing modules. */
void rp_fini_front(rp_interp *ip);

/* ====================================================================== */
/* Small helpers                                                          */
/* ====================================================================== */

/* New references to the singletons and small values. */
static inline rc_object *rp_none(rp_interp *ip) {
    return ip->none;
}
static inline rc_object *rp_bool(rp_interp *ip, bool v) {
    return v ? ip->true_ : ip->false_;
}
/* A new str from C text (NULL + MemoryError on failure). */
rc_object *rp_str(rp_interp *ip, const char *text);
/* Writes text to sys.stdout / a file object (str or C text). */
int rp_file_write(rp_interp *ip, rc_object *file, rc_object *text);
int rp_file_write_cstr(rp_interp *ip, rc_object *file, const char *text);
/* file.flush() (any object with a flush method; nothing to do without
 * one) and file.readline() (a new str, "" at the end; sys.stdin flushes
 * sys.stdout first): print(flush=True) and input() use them. */
int rp_file_flush(rp_interp *ip, rc_object *file);
rc_object *rp_file_readline(rp_interp *ip, rc_object *file);
/* open(path, mode): a new text file object (fileobj.c), or NULL with
 * OSError (FileNotFoundError ...) / ValueError ("invalid mode: 'q'"). */
rc_object *rp_file_open(rp_interp *ip, rc_object *path, const char *mode);
/* sys.stdout, sys.stderr (borrowed, may be NULL). */
rc_object *rp_sys_get(rp_interp *ip, const char *name);

/* gcdebug.c: the runtime's debug stream (gc.set_debug's lines) reaches
 * sys.stderr. rp_gcout_open makes the stream before the runtime exists;
 * between rp_gcout_hold (a collection starts) and rp_gcout_flush (it
 * ends) its text is kept, then written to sys.stderr; otherwise it goes
 * to the C stderr. rp_gcout_close runs after the runtime is freed. */
struct rp_gcout *rp_gcout_open(void);
FILE *rp_gcout_stream(struct rp_gcout *g);
void rp_gcout_hold(rp_interp *ip);
void rp_gcout_flush(rp_interp *ip);
void rp_gcout_close(struct rp_gcout *g);

#endif /* RCPY_H */
