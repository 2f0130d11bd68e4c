/*
 * rcgc/protocol.h — the object protocol: how objects of any type, the
 * library's own and those of a language runtime built on it, hash, compare,
 * print, hold items, iterate, call, carry attributes and do arithmetic.
 *
 * A type describes its behaviour with an optional table of slots hung from
 * rc_type.protocol; the functions below dispatch through it, the way
 * CPython's abstract object layer dispatches through a type's slots. A NULL
 * table, or a NULL slot, means Python's default: identity hashing and
 * equality, "<name object at 0x...>" as repr, no ordering, no operators,
 * true in a boolean context. The library's builtin types (rcgc/objects.h)
 * fill the same slots, so a dict keyed by objects of your type calls your
 * hash and equality, list.sort calls your "<", and repr of a list calls your
 * repr.
 *
 * Ownership follows rcgc.h. Every slot and every function returning an
 * object returns a new reference; NULL (or a negative status) means an
 * error recorded on the runtime. A slot that fails records the error itself
 * (rc_set_error, or rc_set_error_object to carry an exception object of the
 * language's own), and the library passes it to its caller unchanged.
 *
 * Status codes map to Python's exceptions: RC_ETYPE and RC_EHASH TypeError,
 * RC_EVALUE ValueError, RC_EINDEX IndexError, RC_EKEY KeyError, RC_EATTR
 * AttributeError, RC_EZERODIV ZeroDivisionError, RC_EOVERFLOW
 * OverflowError, RC_ERECURSION RecursionError, RC_ESTATE RuntimeError
 * ("dictionary changed size during iteration"), RC_ENOMEM MemoryError;
 * RC_EEXCEPTION is an exception object of the embedding language, found
 * with rc_error_object.
 */
#ifndef RCGC_PROTOCOL_H
#define RCGC_PROTOCOL_H

#include <rcgc.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ====================================================================== */
/* Operators                                                              */
/* ====================================================================== */

/* Rich comparison operators. */
typedef enum rc_cmp { RC_LT, RC_LE, RC_EQ, RC_NE, RC_GT, RC_GE } rc_cmp;

/* Binary number operators (Python's __add__ ... __xor__ and reflected and
 * in-place forms). */
typedef enum rc_binop {
    RC_OP_ADD,      /* +  */
    RC_OP_SUB,      /* -  */
    RC_OP_MUL,      /* *  */
    RC_OP_MATMUL,   /* @ (no builtin type implements it) */
    RC_OP_TRUEDIV,  /* /  */
    RC_OP_FLOORDIV, /* // */
    RC_OP_MOD,      /* %  */
    RC_OP_DIVMOD,   /* divmod(a, b) */
    RC_OP_POW,      /* ** */
    RC_OP_LSHIFT,   /* << */
    RC_OP_RSHIFT,   /* >> */
    RC_OP_AND,      /* &  */
    RC_OP_OR,       /* |  */
    RC_OP_XOR,      /* ^  */
    RC_NBINOPS
} rc_binop;

/* Unary number operators. */
typedef enum rc_unop {
    RC_OP_NEG,    /* -a */
    RC_OP_POS,    /* +a */
    RC_OP_ABS,    /* abs(a) */
    RC_OP_INVERT, /* ~a */
    RC_NUNOPS
} rc_unop;

/* Python's spelling of an operator in messages: "+", "//", "divmod()",
 * "** or pow()"; "unary -", "abs()". */
RC_API const char *rc_binop_symbol(rc_binop op);
RC_API const char *rc_unop_symbol(rc_unop op);

/* NotImplemented: what a comparison or number slot returns for operands it
 * does not handle, so that the other operand's slot is tried. One immortal
 * object per runtime (a new reference, decref is a no-op); a language can
 * hand it to its programs as Python's NotImplemented. */
RC_API rc_object *rc_notimplemented(rc_runtime *rt);
RC_API bool rc_is_notimplemented(const rc_object *o);

/* ====================================================================== */
/* The slot table                                                         */
/* ====================================================================== */

/* The table only ever grows at its end; a slot added later is read only
 * from tables whose version says they have it. Write tables with
 * designated initializers, .version = RC_PROTOCOL_VERSION first. */
#define RC_PROTOCOL_VERSION 2 /* 2 added index */

/*
 * Slots a type may fill (any may be NULL). `self` is always an object of
 * the type that owns the table, except in binop, which sees the operands in
 * their written order (either may be the one of this type).
 *
 *   repr, str      a new str (anything else is a TypeError: "__repr__
 *                  returned non-string (type int)"); str NULL: repr.
 *   format         format(self, spec): spec is a str; NULL: str(self) when
 *                  spec is empty, else TypeError ("unsupported format
 *                  string passed to NAME.__format__").
 *   hash           0 and *out, or a negative status (RC_EHASH for an
 *                  unhashable object). Objects that compare equal must hash
 *                  equal; -1 is taken as -2, as Python does. NULL:
 *                  identity (rc_hash_identity).
 *   richcompare    self <op> other: a new reference to any object (usually
 *                  True or False), rc_notimplemented() when the operands are
 *                  not handled, or NULL on error. When both decline, == and
 *                  != fall back to identity, the others fail with RC_ETYPE.
 *   truth          1, 0, or negative. NULL: len(self) != 0 if len is set,
 *                  else true.
 *   len            >= 0, or negative.
 *   getitem        self[key]: new reference or NULL (RC_EINDEX, RC_EKEY...).
 *   setitem        self[key] = value: 0 or negative.
 *   delitem        del self[key]: 0 or negative.
 *   contains       item in self: 1, 0 or negative. NULL: iterate and
 *                  compare with ==.
 *   iter           iter(self): a new iterator (an object whose type has
 *                  next; anything else is a TypeError).
 *   next           for iterators: 1 with *item a new reference, 0 when
 *                  exhausted, negative on error.
 *   call           self(*args, **kwargs): args[0, nargs) are the positional
 *                  arguments; when kwnames (a tuple of str) is not NULL, the
 *                  keyword arguments' values follow them in args, one per
 *                  name (CPython's vectorcall convention). Returns a new
 *                  reference, or NULL.
 *   getattr        self.name (name is a str): new reference, or NULL
 *                  (RC_EATTR when there is no such attribute).
 *   setattr        self.name = value: 0 or negative.
 *   delattr        del self.name: 0 or negative.
 *   binop          a <op> b: a new reference, rc_notimplemented(), or NULL.
 *                  Called for a's type first, then for b's type (when it is
 *                  another type), so a slot that sees its object on the
 *                  right answers for the reflected operator (__radd__). A
 *                  function that both types' tables share is called once:
 *                  it answers for both sides (a language runtime giving
 *                  all its classes one binop function does the __add__,
 *                  __radd__ dance inside it, as CPython's slots do).
 *   inplace        a <op>= b with a of this type: the result (often a
 *                  itself, with a new reference), rc_notimplemented() to
 *                  fall back to binop, or NULL. list has one (+= extends,
 *                  *= repeats), set and dict too (|= ...).
 *   unop           <op> self: a new reference, or NULL.
 *   extra_size     bytes the object owns beyond its own block (item arrays,
 *                  tables), for sys.getsizeof; NULL: none.
 *   index          (version 2) self as an int, Python's __index__: a new
 *                  int (anything else is a TypeError: "__index__ returned
 *                  non-int (type str)"), rc_notimplemented() when this
 *                  object has none (a table shared by many classes), or
 *                  NULL. With it an object stands for an int as a sequence
 *                  index, a slice bound and the count of seq * n (lst[obj],
 *                  lst[obj:], "ab" * obj).
 */
typedef struct rc_protocol {
    uint32_t version;   /* RC_PROTOCOL_VERSION the table was written for */
    uint32_t reserved_; /* zero */
    rc_object *(*repr)(rc_object *self);
    rc_object *(*str)(rc_object *self);
    rc_object *(*format)(rc_object *self, rc_object *spec);
    int (*hash)(rc_object *self, int64_t *out);
    rc_object *(*richcompare)(rc_object *self, rc_object *other, rc_cmp op);
    int (*truth)(rc_object *self);
    ptrdiff_t (*len)(rc_object *self);
    rc_object *(*getitem)(rc_object *self, rc_object *key);
    int (*setitem)(rc_object *self, rc_object *key, rc_object *value);
    int (*delitem)(rc_object *self, rc_object *key);
    int (*contains)(rc_object *self, rc_object *item);
    rc_object *(*iter)(rc_object *self);
    int (*next)(rc_object *self, rc_object **item);
    rc_object *(*call)(rc_object *self, rc_object *const *args, size_t nargs,
                       rc_object *kwnames);
    rc_object *(*getattr)(rc_object *self, rc_object *name);
    int (*setattr)(rc_object *self, rc_object *name, rc_object *value);
    int (*delattr)(rc_object *self, rc_object *name);
    rc_object *(*binop)(rc_object *a, rc_object *b, rc_binop op);
    rc_object *(*inplace)(rc_object *self, rc_object *other, rc_binop op);
    rc_object *(*unop)(rc_object *self, rc_unop op);
    size_t (*extra_size)(const rc_object *self);
    /* version 2: */
    rc_object *(*index)(rc_object *self);
} rc_protocol;

/* ====================================================================== */
/* Types made at run time                                                 */
/* ====================================================================== */

/*
 * A type may be made while the program runs (a class statement makes one):
 * allocate the rc_type inside an object of your own (the class object),
 * set RC_TYPE_HEAP in its flags and `owner` to that object. Then:
 *   - rc_new of the type takes a reference to the owner for the new object,
 *     and the library drops it after the object's memory has been freed, so
 *     the rc_type outlives every object of its type and is freed with its
 *     owner after the last of them;
 *   - the collector counts that reference as one the object holds: the
 *     type's traverse must not visit the owner itself, and clear must not
 *     drop it;
 *   - the type belongs to the owner's runtime and must not be used in
 *     another one. Its name may change (a class's __name__ is assigned):
 *     every message and report reads rc_type.name when it prints.
 * rc_new fails with RC_EINVAL ("run-time type NAME has no owner") when
 * RC_TYPE_HEAP is set and owner is NULL.
 */

/* The object that owns o's type, borrowed: type->owner for RC_TYPE_HEAP
 * types, else NULL. */
RC_API rc_object *rc_type_owner(const rc_object *o);

/* The type's name ("int", "list", or a run-time type's name); borrowed. */
RC_API const char *rc_type_name(const rc_object *o);

/* ====================================================================== */
/* Errors that carry an object                                            */
/* ====================================================================== */

/* Records an error carrying exc, an exception object of the embedding
 * language: the runtime stores a new reference to it, status is what C
 * callers see (RC_EEXCEPTION, or the closest code: RC_ETYPE for a
 * TypeError...; a status that is not negative is taken as RC_EEXCEPTION),
 * message what rc_last_error_message returns (NULL: ""). exc may be NULL
 * (an error without an object). Any error recorded before is dropped (its
 * object released). Returns status.
 *
 * The library passes such an error on unchanged: a dict whose key's
 * comparison fails returns it from rc_dict_setitem, a failing comparison
 * stops rc_list_sort with it, and the guards around finalizers, weakref
 * callbacks and collections set the caller's error (object included)
 * aside and put it back afterwards. An error a finalizer or callback
 * leaves goes to the unraisable hook with its object (rc_unraisable.
 * exception). rc_runtime_free releases the object of a pending error. */
RC_API int rc_set_error_object(rc_runtime *rt, rc_status status, rc_object *exc,
                               const char *message);

/* The object of the last error (borrowed), or NULL when the last error has
 * none. rc_clear_error and every new error release it. */
RC_API rc_object *rc_error_object(const rc_runtime *rt);

/* Takes the last error away: returns its object (a new reference, the one
 * the runtime held) or NULL, and sets *status (may be NULL) to its status.
 * The runtime is left without an error. */
RC_API rc_object *rc_fetch_error_object(rc_runtime *rt, rc_status *status);

/* ====================================================================== */
/* Recursion guards                                                       */
/* ====================================================================== */

/* One counter per runtime bounds how deeply code may nest through the
 * protocol (repr of a list inside a list ..., a slot that calls rc_call ...)
 * so that deep nesting fails with RC_ERECURSION ("maximum recursion depth
 * exceeded while getting the repr of an object") instead of overflowing the
 * C stack. The dispatchers below that may recurse (repr, str, format, hash,
 * richcompare, call) enter it themselves; an interpreter enters it once per
 * frame of its own. The limit defaults to 1000 (Python's).
 *
 * rc_recursion_enter: 0 (the depth is one more: pair it with
 * rc_recursion_leave), or RC_ERECURSION "maximum recursion depth exceeded"
 * followed by a space and where, when where is not NULL ("while calling a
 * Python object"; CPython's " in comparison", with its own leading space,
 * gets no second one). Types whose slots call nothing else (int, float,
 * str) are not counted. */
RC_API int rc_recursion_enter(rc_runtime *rt, const char *where);
RC_API void rc_recursion_leave(rc_runtime *rt);
RC_API unsigned rc_recursion_depth(const rc_runtime *rt);
RC_API unsigned rc_get_recursion_limit(const rc_runtime *rt);
/* RC_EVALUE for a limit below 1 or above 1,000,000; RC_ERECURSION ("cannot
 * set the recursion limit to 40 at the recursion depth 50: the limit is too
 * low") for one not above the current depth. */
RC_API int rc_set_recursion_limit(rc_runtime *rt, unsigned limit);

/* A container's repr that prints itself: 1 when o's repr is being built
 * already (print "[...]" and do not enter), 0 when it was not (o is now
 * marked; pair with rc_repr_leave), negative on error. */
RC_API int rc_repr_enter(rc_object *o);
RC_API void rc_repr_leave(rc_object *o);

/* ====================================================================== */
/* The dispatching functions (CPython's abstract object layer)            */
/* ====================================================================== */

/* repr(o), str(o): a new str. Self-containing builtin containers print
 * "[...]". */
RC_API rc_object *rc_repr(rc_object *o);
RC_API rc_object *rc_str(rc_object *o);

/* format(o, spec): spec a str (NULL: ""; else RC_ETYPE "Format specifier
 * must be a string, not int"). A new str. */
RC_API rc_object *rc_format(rc_object *o, rc_object *spec);

/* hash(o): 0 and *hash, or negative (RC_EHASH "unhashable type: 'list'").
 * Equal builtin numbers hash equal across types (hash(1) == hash(1.0)). */
RC_API int rc_hash(rc_object *o, int64_t *hash);

/* Python's hash of an object compared by identity (object.__hash__). */
RC_API int64_t rc_hash_identity(const rc_object *o);

/* a <op> b as Python evaluates it: a's richcompare(a, b, op), then, when
 * it declines and b's type is another one, b's richcompare(b, a, op
 * reflected: < and >, <= and >= swap). If both decline, == and != fall back
 * to identity and the other operators fail with RC_ETYPE ("'<' not
 * supported between instances of 'A' and 'B'"). A new reference, or NULL.
 * (Python tries b first when b's type is a subclass of a's; the library
 * knows nothing of subclasses, so a slot that does handles that itself.) */
RC_API rc_object *rc_richcompare(rc_object *a, rc_object *b, rc_cmp op);

/* The same as a truth value: 1, 0 or negative. */
RC_API int rc_compare(rc_object *a, rc_object *b, rc_cmp op);

/* a == b as containers test it (identity first): 1, 0 or negative. */
RC_API int rc_equal(rc_object *a, rc_object *b);

/* bool(o): 1, 0 or negative. */
RC_API int rc_truth(rc_object *o);

/* len(o), or negative (RC_ETYPE "object of type 'int' has no len()"). */
RC_API ptrdiff_t rc_len(rc_object *o);

/* o[key], o[key] = value (value NULL: del), del o[key]. Builtin
 * sequences take ints and slices. RC_ETYPE "'int' object is not
 * subscriptable" / "does not support item assignment" / "does not support
 * item deletion" without the slot. */
RC_API rc_object *rc_getitem(rc_object *o, rc_object *key); /* new */
RC_API int rc_setitem(rc_object *o, rc_object *key, rc_object *value);
RC_API int rc_delitem(rc_object *o, rc_object *key);

/* item in container: 1, 0, or negative. Without a contains slot, by
 * iteration and rc_equal (RC_ETYPE "argument of type 'int' is not
 * iterable"). */
RC_API int rc_contains(rc_object *container, rc_object *item);

/* iter(o): a new iterator (RC_ETYPE "'int' object is not iterable").
 * rc_next: 1 with *item a new reference, 0 when exhausted, negative on
 * error. */
RC_API rc_object *rc_iter(rc_object *o);
RC_API int rc_next(rc_object *iterator, rc_object **item);

/* callable(*args, **kwargs) in the vectorcall convention of the call slot
 * (kwnames NULL: positional only, else a tuple). RC_ETYPE "'int' object is
 * not callable". Holds the recursion guard during the call. */
RC_API rc_object *rc_call(rc_object *callable, rc_object *const *args,
                          size_t nargs, rc_object *kwnames);
/* The same with a tuple of positional arguments (NULL: none) and a dict of
 * keyword arguments (NULL: none): RC_ETYPE "keywords must be strings";
 * RC_ENOMEM when the argument array (more than 8 arguments) or the names
 * cannot be made. */
RC_API rc_object *rc_call_object(rc_object *callable, rc_object *args,
                                 rc_object *kwargs);
/* Is o callable (has a call slot)? */
RC_API bool rc_is_callable(const rc_object *o);

/* o.name: name is a str (else RC_ETYPE "attribute name must be string,
 * not 'int'"). RC_EATTR "'list' object has no attribute 'x'" when the type
 * has no getattr slot or the slot finds nothing. rc_getattr_str makes the
 * name (RC_ENOMEM). rc_setattr with value NULL deletes; without the slot
 * both fail with the same RC_EATTR message. */
RC_API rc_object *rc_getattr(rc_object *o, rc_object *name);
RC_API rc_object *rc_getattr_str(rc_object *o, const char *name);

/* The attributes of the library's own types (Python's int.real,
 * str.upper, list.__class__ ...) belong to the language built on rcgc:
 * once a hook is set, rc_getattr on an object whose type has no getattr
 * slot asks hook(o, name, arg) — a new reference, or NULL with an error
 * recorded — so the library's own callers (str.format's "{0.real}")
 * see them. hook NULL: none (RC_EATTR as above). */
typedef rc_object *(*rc_getattr_hook)(rc_object *o, rc_object *name, void *arg);
RC_API void rc_set_getattr_hook(rc_runtime *rt, rc_getattr_hook hook,
                                void *arg);
RC_API int rc_setattr(rc_object *o, rc_object *name, rc_object *value);
RC_API int rc_delattr(rc_object *o, rc_object *name);

/* Number operators: a <op> b, a <op>= b (a's inplace slot, else binop),
 * <op> a. A new reference, or NULL (RC_ETYPE "unsupported operand type(s)
 * for +: 'int' and 'str'", "... for +=: ...", RC_EZERODIV ...; when every
 * slot declined and a is a list, tuple or str, Python's sequence messages:
 * "can only concatenate list (not \"int\") to list", "can't multiply
 * sequence by non-int of type 'float'"). The named forms (rc_number_add
 * ...) are in rcgc/objects.h. */
RC_API rc_object *rc_number_binop(rc_object *a, rc_object *b, rc_binop op);
RC_API rc_object *rc_number_inplace(rc_object *a, rc_object *b, rc_binop op);
RC_API rc_object *rc_number_unop(rc_object *a, rc_unop op);

/* operator.index(o): o itself for an int (new reference), else its
 * type's index slot's result; RC_ETYPE "'float' object cannot be
 * interpreted as an integer" when it has none. */
RC_API rc_object *rc_number_index(rc_object *o);

/* sys.getsizeof(o): the object's block (rounded to the allocator's size
 * class) plus its type's extra_size. */
RC_API size_t rc_sizeof(const rc_object *o);

#ifdef __cplusplus
}
#endif

#endif /* RCGC_PROTOCOL_H */
