/*
 * objmodel.h — what the files of the object model (class.c, class_new.c,
 * instance.c, instance_slots.c, descr.c, property.c, slotwrap.c, super.c,
 * abstract.c)
 * share and nobody else needs: the descriptor kinds' structs, the slot
 * wrapper table, the typemap's extra state and the helpers that run between
 * those files. Other parts use rcpy.h only.
 *
 * Invariant kept by all of them: every class lookup goes through
 * rp_class_lookup, whose cache is valid while ip->class_epoch is unchanged;
 * anything that changes a namespace, an MRO or the set of live classes
 * bumps the epoch (rp_class_modified, class creation and deallocation).
 */
#ifndef RCPY_OBJMODEL_H
#define RCPY_OBJMODEL_H

#include "rcpy.h"

/* rp_class.flags bits 16-31 belong to the object model. */
#define RP_CLS_META_                                                           \
    (1u << 16) /* derives from type: instances are                             \
                  rp_class */
#define RP_CLS_IMMUTABLE_                                                      \
    (1u << 17)                         /* attributes cannot be set (builtin    \
                                          classes, the exception hierarchy) */
#define RP_CLS_WEAKREF_     (1u << 18) /* a __weakref__ getset was added */
#define RP_CLS_OWN_GETATTR_ (1u << 20) /* __getattribute__ is not object's */
#define RP_CLS_HAS_GETATTR_ (1u << 21) /* __getattr__ somewhere in the MRO */
#define RP_CLS_OWN_SETATTR_                                                    \
    (1u << 22) /* __setattr__ or __delattr__ is not                            \
                  object's */
#define RP_CLS_VALUE_                                                          \
    (1u << 19) /* derives from a builtin value class (int,                     \
                  str, list, dict ...): each instance holds                    \
                  a real one in its first __slots__ value */

/* ====================================================================== */
/* State of the object model (class.c)                                    */
/* ====================================================================== */

/* The typemap also carries the objects the model compares against. */
typedef struct rp_objstate {
    rc_object *object_new;  /* object.__new__ (a builtin bound to object) */
    rc_object *object_init; /* object.__init__ (a slot wrapper) */
    rc_object *object_getattribute, *object_setattr, *object_delattr;
    rc_object *type_new; /* type.__new__ */
    rc_object *keep;     /* list: classes made for the interpreter */
    rp_class *getset_cls, *classmethoddescr_cls, *methodwrapper_cls;
    /* interned dunder names of the operators */
    rc_object *cmp_name[6];             /* by rc_cmp */
    rc_object *binop_name[RC_NBINOPS];  /* __add__ ... */
    rc_object *rbinop_name[RC_NBINOPS]; /* __radd__ ... */
    rc_object *ibinop_name[RC_NBINOPS]; /* __iadd__ ...; NULL: none */
    rc_object *unop_name[RC_NUNOPS];    /* __neg__ ... */
    rc_object *abstract_name;           /* "__abstractmethods__" */
} rp_objstate;

rp_objstate *rp_objstate_of(rp_interp *ip);

/* rp_type_of and rp_class_lookup for callers that have ip at hand (the
 * hot paths: they skip finding the interpreter from the object). */
rp_class *rp_typemap_find(rp_interp *ip, const rc_type *t);
static inline rp_class *rp_type_of_ip(rp_interp *ip, const rc_object *o) {
    const rc_type *t = o->type;
    if (t->flags & RC_TYPE_HEAP)
        return (rp_class *)t->owner;
    return rp_typemap_find(ip, t);
}
rc_object *rp_class_lookup_ip(rp_interp *ip, rp_class *cls, rc_object *name);

/* ====================================================================== */
/* Classes (class.c, class_new.c)                                         */
/* ====================================================================== */

extern const rc_type rp_class_type; /* class objects whose metaclass is type */

/* The class as an rp_class when o is one (type or a metaclass instance). */
static inline rp_class *rp_as_class(const rc_object *o) {
    return rp_is_class(o) ? (rp_class *)o : NULL;
}
/* A class object of metaclass meta, zeroed and untracked... made by
 * class.c's allocator and filled by the callers. */
rp_class *rp_class_alloc(rp_interp *ip, rp_class *meta);
/* Registers a builtin rc_type -> cls (a new reference kept). */
int rp_typemap_add(rp_interp *ip, const rc_type *t, rp_class *cls);
/* Puts cls on the interpreter's list of classes kept until shutdown. */
int rp_class_keep(rp_interp *ip, rp_class *cls);
/* Sets cls->name (steals name) and the heap type's name. */
void rp_class_set_name(rp_class *cls, rc_object *name);
/* Adds cls to base's __subclasses__ (weak). */
int rp_class_add_subclass(rp_interp *ip, rp_class *base, rp_class *cls);
/* Recomputes what a heap class derives from its dunders (get/set,
 * finalize) for cls and every subclass. */
void rp_class_update_slots(rp_interp *ip, rp_class *cls);
/* type.__getattribute__ / __setattr__ on class objects. */
rc_object *rp_class_getattr(rp_interp *ip, rp_class *cls, rc_object *name);
int rp_class_setattr(rp_interp *ip, rp_class *cls, rc_object *name,
                     rc_object *value);
/* "A", "__main__.A" as repr and messages print them. */
const char *rp_class_name(const rp_class *cls);
/* cls.__module__ (new reference; "builtins" for builtin classes). */
rc_object *rp_class_module(rp_interp *ip, rp_class *cls);
/* Calling a class: __new__ then __init__. */
rc_object *rp_class_call(rp_interp *ip, rp_class *cls, rc_object *const *args,
                         size_t nargs, rc_object *kwnames);
/* The C3 linearization of cls with bases (a new tuple), or NULL + error. */
rc_object *rp_class_compute_mro(rp_interp *ip, rp_class *cls, rc_object *bases);
/* type.__new__ and object.__new__ as rp_newfunc; object.__init__,
 * type.__init__ checks. */
rc_object *rp_type_new(rp_interp *ip, rp_class *meta, rc_object *const *args,
                       size_t nargs, rc_object *kwnames);
rc_object *rp_object_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                         size_t nargs, rc_object *kwnames);
int rp_object_init_check(rp_interp *ip, rc_object *self, size_t nargs,
                         rc_object *kwnames);
int rp_type_init_check(rp_interp *ip, size_t nargs, rc_object *kwnames);
/* The class's solid base (whose layout its instances have). */
rp_class *rp_class_solid_base(rp_class *cls);
/* Methods and getsets of type and object (class.c, instance.c). */
int rp_init_type_attrs(rp_interp *ip);
int rp_init_object_attrs(rp_interp *ip);
extern const rp_methoddef rp_new_wrapper_def; /* X.__new__(cls, ...) */

/* ====================================================================== */
/* Instances (instance.c, instance_slots.c)                               */
/* ====================================================================== */

extern const rc_type rp_object_itype; /* instances of `object` itself */
extern const rc_type rp_inst_layout;  /* what classes deriving from object
                                         lay their instances out as */
extern const rc_protocol rp_object_protocol; /* object's own slots */

/* Heap types with __slots__ values: the layout's work plus the values. */
int rp_heap_traverse(rc_object *o, rc_visitproc visit, void *arg);
int rp_heap_clear(rc_object *o);
void rp_heap_dealloc(rc_object *o);
void rp_heap_finalize(rc_object *o);
/* The builtin value an instance of a subclass of int, str, list, dict ...
 * wraps (borrowed), or NULL for any other object. */
static inline rc_object *rp_value_of(const rc_object *o) {
    const rc_type *t = o->type;
    if (!(t->flags & RC_TYPE_HEAP))
        return NULL;
    const rp_class *c = (const rp_class *)t->owner;
    if (!(c->flags & RP_CLS_VALUE_))
        return NULL;
    return *(rc_object *const *)((const char *)o + c->slots_offset);
}
/* The other operand of a builtin class's comparison or operator slot: the
 * value a subclass instance wraps (a builtin slot cannot read the
 * instance), except for object's slots, which compare identities. */
static inline rc_object *rp_operand(const rc_protocol *impl, rc_object *o) {
    extern const rc_protocol rp_object_protocol;
    rc_object *inner = impl != &rp_object_protocol ? rp_value_of(o) : NULL;
    return inner ? inner : o;
}
/* What a C method or slot of the builtin class `defining` gets as self:
 * the wrapped value when self is an instance of a subclass of a value
 * class and `defining` is a builtin class other than object; else self. */
rc_object *rp_self_for(const rp_class *defining, rc_object *self);
/* Is cls one of the builtin value classes a class statement may derive
 * from (int, float, str, tuple, list, dict, set, frozenset)? */
bool rp_is_value_class(rp_interp *ip, const rp_class *cls);
/* Does the instance carry attributes (rp_inst layout with a dict)? */
bool rp_has_inst_attrs(const rc_object *o);
/* The __dict__/__weakref__ getsets a class adds for its instances. */
extern const rp_getsetdef rp_inst_dict_getset[];
extern const rp_getsetdef rp_inst_weakref_getset[];

/* The dunder slots' helpers that other files call. */
rc_object *rp_inst_getattr_slot(rc_object *self, rc_object *name);
/* self.__eq__(other) etc. as the class defines them, no reflection. */
rc_object *rp_inst_compare_plain(rp_interp *ip, rc_object *self,
                                 rc_object *other, rc_cmp op);
/* Interns the operator names (class.c's start-up calls it) and the
 * sequence iterator's class (rp_init_descr). */
int rp_init_op_names(rp_interp *ip);
void rp_fini_op_names(rp_interp *ip);
int rp_init_seqiter(rp_interp *ip);

/* ====================================================================== */
/* Descriptors (descr.c, slotwrap.c)                                      */
/* ====================================================================== */

typedef struct rp_getsetdescr {
    rc_object ob;
    const rp_getsetdef *def;
    rp_class *cls; /* strong */
} rp_getsetdescr;

typedef struct rp_memberdescr { /* a __slots__ entry */
    rc_object ob;
    rc_object *name; /* str */
    rp_class *cls;   /* strong */
    size_t offset;   /* byte offset of the value in instances */
} rp_memberdescr;

typedef struct rp_property {
    rp_inst base; /* attributes of instances of subclasses (__doc__ ...) */
    rc_object *fget, *fset, *fdel, *doc; /* NULL: None */
    rc_object *name;                     /* from __set_name__, or NULL */
    bool getter_doc;                     /* doc came from fget.__doc__ */
} rp_property;

typedef struct rp_funcwrap { /* staticmethod, classmethod */
    rc_object ob;
    rc_object *callable;
    rc_object *dict; /* __dict__ (copied __name__, __doc__ ...) or NULL */
} rp_funcwrap;

typedef struct rp_mappingproxy {
    rc_object ob;
    rc_object *mapping;
} rp_mappingproxy;

extern const rc_type rp_getset_type, rp_member_type, rp_property_type,
    rp_staticmethod_type, rp_classmethod_type, rp_mappingproxy_type,
    rp_classmethoddescr_type;

rc_object *rp_getset_new(rp_interp *ip, rp_class *cls, const rp_getsetdef *def);
rc_object *rp_member_new(rp_interp *ip, rp_class *cls, rc_object *name,
                         size_t offset);
rc_object *rp_methoddescr_new(rp_interp *ip, rp_class *cls,
                              const rp_methoddef *def);
rc_object *rp_staticmethod_new(rp_interp *ip, rc_object *callable);
rc_object *rp_classmethod_new(rp_interp *ip, rc_object *callable);
rc_object *rp_mappingproxy_new(rp_interp *ip, rc_object *mapping);
/* The classes of property.c: property, staticmethod, classmethod. */
int rp_init_property(rp_interp *ip);
int rp_init_funcwrap(rp_interp *ip);

/* The slot wrappers: one row per dunder a protocol slot implements. */
typedef struct rp_slotdef rp_slotdef;
typedef rc_object *(*rp_wrapfunc)(rp_interp *ip, const rp_slotdef *sd,
                                  const rc_protocol *impl, rc_object *self,
                                  rc_object *const *args, size_t nargs,
                                  rc_object *kwnames);
struct rp_slotdef {
    const char *name; /* "__add__" */
    rp_wrapfunc wrap; /* unpacks the arguments and calls the slot */
    size_t offset;    /* offsetof(rc_protocol, slot); SIZE_MAX: none */
    int op;           /* rc_cmp / rc_binop / rc_unop for shared wrappers */
    int nargs;        /* positional arguments after self; -1: any, with
                         keywords */
};

typedef struct rp_wrapperdescr {
    rc_object ob;
    const rp_slotdef *sd;
    rp_class *cls;           /* strong: the class whose slot it wraps */
    const rc_protocol *impl; /* that class's slot table */
} rp_wrapperdescr;

typedef struct rp_methodwrapper { /* a slot wrapper bound to an object */
    rc_object ob;
    rc_object *descr; /* rp_wrapperdescr, strong */
    rc_object *self;  /* strong */
} rp_methodwrapper;

extern const rc_type rp_wrapperdescr_type, rp_methodwrapper_type;

/* Adds a wrapper for each slot of impl that base's table lacks or fills
 * differently. */
int rp_add_slot_wrappers(rp_interp *ip, rp_class *cls, const rc_protocol *impl,
                         const rc_protocol *base_impl);
/* A wrapper for one named slot of impl (object's and type's own). */
int rp_add_slot_wrapper(rp_interp *ip, rp_class *cls, const char *name,
                        const rc_protocol *impl);
/* A wrapper of sd (impl may be NULL for the rows that need none). */
int rp_add_wrapper(rp_interp *ip, rp_class *cls, const rp_slotdef *sd,
                   const rc_protocol *impl);
/* object.__init__ and type.__init__: rows of their own. */
extern const rp_slotdef rp_object_init_slot, rp_type_init_slot;
/* Calls wrapper w with self and Python arguments. */
rc_object *rp_wrapper_call(rp_interp *ip, rp_wrapperdescr *w, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames);
/* A method-wrapper for the descriptor hooks of builtin classes
 * (f.__get__ when function's class has a C get). NULL, no error: none. */
/* A builtin class's __get__/__set__/__delete__ made from its descriptor
 * hooks (property.__get__): a new wrapper descriptor, or NULL without an
 * error when c has no such hook. */
rc_object *rp_descr_hook_slot(rp_interp *ip, rp_class *c, rc_object *name);
rc_object *rp_descr_hook_wrapper(rp_interp *ip, rc_object *o, rc_object *name);
int rp_init_slotwrap(rp_interp *ip);

/* ====================================================================== */
/* Calls and errors (abstract.c)                                          */
/* ====================================================================== */

/* The arguments with one more in front (self): a buffer on the caller's
 * stack when small, else rc_malloc. */
typedef struct rp_argbuf {
    rc_object **args;
    size_t n; /* items in args (positional + keyword values + 1) */
    rc_object *small[12];
} rp_argbuf;
int rp_argbuf_prepend(rp_interp *ip, rp_argbuf *b, rc_object *first,
                      rc_object *const *args, size_t nargs, rc_object *kwnames);
void rp_argbuf_free(rp_interp *ip, rp_argbuf *b);

/* o with one more reference: `return rp_new_ref(ip->none);`. */
static inline rc_object *rp_new_ref(rc_object *o) {
    rc_incref(o);
    return o;
}

static inline size_t rp_kwcount(const rc_object *kwnames) {
    return kwnames ? rc_tuple_size(kwnames) : 0;
}

/* AttributeError "'A' object has no attribute 'x'" with name and obj set
 * on the exception (3.11's suggestions read them). Returns -1. */
int rp_raise_no_attr(rp_interp *ip, rc_object *o, rc_object *name);
/* TypeError "attribute name must be string, not 'int'". */
int rp_check_attr_name(rp_interp *ip, rc_object *name);
/* The type name of o for messages ("int", "A"). */
static inline const char *rp_tname(const rc_object *o) {
    return rc_type_name(o);
}
/* Calls descriptor d's get for obj (NULL: class access) when d's class has
 * one; else returns d. New reference. */
rc_object *rp_descr_bind(rp_interp *ip, rc_object *d, rc_object *obj,
                         rp_class *type);
/* type.__instancecheck__ / type.__subclasscheck__ (abstract.c): o's type
 * or o.__class__ derives from cls; for objects that are not classes,
 * through __bases__ (CPython's recursive_isinstance/issubclass). */
int rp_real_isinstance(rp_interp *ip, rc_object *o, rc_object *cls);
int rp_real_issubclass(rp_interp *ip, rc_object *c, rc_object *cls);
/* The first class in cls's MRO whose dict has name, and the value
 * (borrowed); NULL when none. */
rp_class *rp_class_lookup_where(rp_class *cls, rc_object *name,
                                rc_object **value);
/* Calls f (already found on the type) with self prepended, binding as
 * CPython's call_unbound does. */
rc_object *rp_call_unbound(rp_interp *ip, rc_object *f, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames);

/* ====================================================================== */
/* super (super.c)                                                        */
/* ====================================================================== */

int rp_init_super(rp_interp *ip);

#endif /* RCPY_OBJMODEL_H */
