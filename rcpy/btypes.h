/*
 * btypes.h — what the files of the builtin types' part (bt_*.c,
 * builtins.c, mod_math.c, mod_time.c, mod_os.c) share and nobody else
 * needs: each file's start-up, the helpers for arguments and iteration
 * they all use, and the rc_types of the iterator kinds rcpy adds
 * (enumerate, zip, map, filter, reversed, callable_iterator).
 *
 * The values are rcgc's objects; these files give each rcgc type its rcpy
 * class (ip->cls.int_ ...) with CPython 3.11's methods, built on the
 * library's operations. Invariant: a method registered on a builtin class
 * receives the real value as self (the object model unwraps instances of
 * subclasses, objmodel.h rp_self_for); arguments may still be such
 * instances, so C code that needs an rcgc value from an argument unwraps it
 * with bt_value.
 */
#ifndef RCPY_BTYPES_H
#define RCPY_BTYPES_H

#include "objmodel.h" /* rp_value_of, rp_new_ref, rp_kwcount, rp_tname */

/* ====================================================================== */
/* Start-up of each file (rp_init_btypes calls them in this order)        */
/* ====================================================================== */

int rp_bt_init_misc(rp_interp *ip);     /* bt_misc.c: NoneType, ellipsis,
                                           iterator classes */
int rp_bt_init_int(rp_interp *ip);      /* bt_int.c: int, bool */
int rp_bt_init_float(rp_interp *ip);    /* bt_float.c */
int rp_bt_init_str(rp_interp *ip);      /* bt_str.c, bt_strcase.c */
int rp_bt_init_tuple(rp_interp *ip);    /* bt_tuple.c */
int rp_bt_init_list(rp_interp *ip);     /* bt_list.c */
int rp_bt_init_dict(rp_interp *ip);     /* bt_dict.c: dict and its views */
int rp_bt_init_set(rp_interp *ip);      /* bt_set.c: set, frozenset */
int rp_bt_init_range(rp_interp *ip);    /* bt_range.c: range, slice */
int rp_bt_init_bigrange(rp_interp *ip); /* bt_bigrange.c (rp_bt_init_range
                                           calls it) */
int rp_bt_init_iters(rp_interp *ip);    /* bt_iter.c: enumerate, zip ... */
int rp_bt_init_alias(rp_interp *ip);    /* bt_alias.c: list[int] ... */

/* Puts enumerate, zip, map, filter and reversed into the builtins module
 * (bt_iter.c; rp_init_builtins calls it). */
int rp_bt_add_iter_classes(rp_interp *ip, rc_object *module);
/* The builtin functions of bt_funcs.c and bt_eval.c. */
extern const rp_methoddef rp_bt_func_builtins[];
extern const rp_methoddef rp_bt_eval_builtins[];

/* The methods of str that bt_strcase.c and bt_strmore.c define (bt_str.c
 * adds them to the class). */
extern const rp_methoddef rp_bt_str_case_methods[];
extern const rp_methoddef rp_bt_str_more_methods[];

/* math's functions on integers (mod_math_int.c). */
extern const rp_methoddef rp_math_int_functions[];

/* The shape of every C function of these files (rp_cfunc). */
#define BT_CFUNC(fname)                                                        \
    static rc_object *fname(rp_interp *ip, rc_object *self,                    \
                            rc_object *const *args, size_t nargs,              \
                            rc_object *kwnames)

/* ====================================================================== */
/* Arguments                                                              */
/* ====================================================================== */

/* The builtin value an argument stands for: the value wrapped by an
 * instance of a subclass of int, str, list ..., else o itself (borrowed). */
static inline rc_object *bt_value(rc_object *o) {
    rc_object *v = rp_value_of(o);
    return v ? v : o;
}

/* An integer argument as a ptrdiff_t through __index__ (TypeError "'float'
 * object cannot be interpreted as an integer"). */
int bt_index(rp_interp *ip, rc_object *o, ptrdiff_t *out);
/* A start/end argument of str.find, list.index ...: None or absent (NULL)
 * leaves *out alone; else an integer through __index__ (TypeError "slice
 * indices must be integers or None or have an __index__ method"). */
int bt_slice_arg(rp_interp *ip, rc_object *o, ptrdiff_t *out);
/* An int (huge ones clamped to +-2**62) or an object with __index__;
 * TypeError msg otherwise. */
int bt_clamped_index(rp_interp *ip, rc_object *o, ptrdiff_t *out,
                     const char *msg);
/* Python's normalisation of [start, end) against a length (negative values
 * count from the end, then clamp to [0, len]). */
void bt_adjust_range(ptrdiff_t len, ptrdiff_t *start, ptrdiff_t *end);
/* TypeError "descriptor 'x' for 'str' objects doesn't apply to a 'int'
 * object"-style check that o is a str: "%s() argument must be str, not
 * int". 0 when it is. */
int bt_expect_str(rp_interp *ip, rc_object *o, const char *what);

/* The one argument of str.<name>(x) (arity checked as "str.name"), a str,
 * or NULL with TypeError "<prefix>must be str, not int" (bt_str.c). */
rc_object *bt_str_arg1(rp_interp *ip, const char *name, rc_object *const *args,
                       size_t nargs, rc_object *kwnames, const char *prefix);

/* The type name CPython's argument-clinic messages give o ("argument 2
 * must be str, not None": None by name, else the type's name). */
static inline const char *bt_arg_tname(rp_interp *ip, const rc_object *o) {
    return o == ip->none ? "None" : rp_tname(o);
}

/* The ASCII text CPython's int() and float() parse for the str s (its
 * _PyUnicode_TransformDecimalAndSpaceToASCII): non-ASCII decimal digits
 * become '0'..'9', non-ASCII spaces ' ', and the first other non-ASCII
 * character '?', where the text ends. A new reference (s itself when all
 * ASCII), or NULL + MemoryError. */
rc_object *bt_str_ascii_digits(rp_interp *ip, rc_object *s);

/* int(text, base) (base >= 0) or float(text) (base < 0) for the str text,
 * through its ASCII form, with CPython's ValueError quoting text itself. */
rc_object *bt_number_from_text(rp_interp *ip, rc_object *text, int base);

/* A new reference to a new str of len bytes (UTF-8), NULL + MemoryError. */
rc_object *bt_str_n(rp_interp *ip, const char *s, size_t len);

/* ====================================================================== */
/* UTF-8 text                                                             */
/* ====================================================================== */

/* The code point at *p (valid UTF-8, as every str holds), *p moved past
 * it. */
static inline uint32_t bt_u8_next(const char **p) {
    const unsigned char *s = (const unsigned char *)*p;
    uint32_t c = s[0];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n == 2)
        c &= 0x1F;
    else if (n == 3)
        c &= 0x0F;
    else if (n == 4)
        c &= 0x07;
    for (size_t i = 1; i < n; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *p += n;
    return c;
}

/* A growing byte buffer for building a str (memory from rc_malloc). */
typedef struct bt_buf {
    rp_interp *ip;
    char *p;     /* the bytes; small until it grows */
    size_t len;  /* bytes used */
    size_t cap;  /* bytes allocated */
    bool failed; /* a growth failed: the result will be NULL */
    char small[200];
} bt_buf;

void bt_buf_init(bt_buf *b, rp_interp *ip);
void bt_buf_add(bt_buf *b, const char *s, size_t n);
void bt_buf_add_cstr(bt_buf *b, const char *s);
void bt_buf_add_cp(bt_buf *b, uint32_t cp); /* one code point as UTF-8 */
void bt_buf_add_str(bt_buf *b, rc_object *str);
/* The text as a new str (NULL + MemoryError when memory ran out); frees
 * the buffer. bt_buf_free drops it without making a str. */
rc_object *bt_buf_finish(bt_buf *b);
void bt_buf_free(bt_buf *b);

/* ====================================================================== */
/* Iteration                                                              */
/* ====================================================================== */

/* Calls fn for each item of iterable (borrowed for the call): fn returns 0
 * to go on, > 0 to stop (bt_foreach returns that value), < 0 on error.
 * Returns 0 at the end of the items, negative on error. */
typedef int (*bt_item_fn)(rp_interp *ip, rc_object *item, void *arg);
int bt_foreach(rp_interp *ip, rc_object *iterable, bt_item_fn fn, void *arg);
/* list(iterable): a new list. */
rc_object *bt_list_from(rp_interp *ip, rc_object *iterable);
/* tuple(iterable): a new tuple (iterable itself when it is a tuple). */
rc_object *bt_tuple_from(rp_interp *ip, rc_object *iterable);
/* next(it): 1 with *item new, 0 at the end, negative on error;
 * generators go through rp_gen_send so their return value ends them. */
int bt_next(rp_interp *ip, rc_object *it, rc_object **item);

/* The key function of sorted/min/max/list.sort (rp_call of key on the
 * item), in rc_list_sort's shape: arg is the callable. */
rc_object *bt_call_key(rc_object *item, void *arg);

/* ====================================================================== */
/* Sequences (bt_tuple.c)                                                 */
/* ====================================================================== */

/* The length and item i (borrowed) of a list or tuple. */
size_t bt_seq_size(const rc_object *seq);
rc_object *bt_seq_item(const rc_object *seq, size_t i);
/* A start/stop of list.index and tuple.index: an integer through
 * __index__ (TypeError "slice indices must be integers or have an
 * __index__ method"); huge values clamp. */
int bt_seq_bound(rp_interp *ip, rc_object *o, ptrdiff_t *out);
/* The first i in [start, stop) (Python's adjustment of negative values)
 * with seq[i] == v: >= 0, -1 when none, below -1 on error. The sequence
 * may change while == runs Python code. */
ptrdiff_t bt_seq_find(rp_interp *ip, rc_object *seq, rc_object *v,
                      ptrdiff_t start, ptrdiff_t stop);
/* How many items equal v: >= 0, or negative on error. */
ptrdiff_t bt_seq_count(rp_interp *ip, rc_object *seq, rc_object *v);
/* list.index / tuple.index(value, start, stop) with their messages. */
rc_object *bt_seq_index(rp_interp *ip, rc_object *seq, rc_object *const *args,
                        size_t nargs, rc_object *kwnames);
/* ValueError "3 is not in list" (kind "list", "range"). */
int bt_raise_not_in(rp_interp *ip, rc_object *v, const char *kind);

/* ====================================================================== */
/* Ranges of any size (bt_range.c, bt_bigrange.c)                         */
/* ====================================================================== */

/* An integer argument of any size through __index__: a new int, or NULL
 * with TypeError "'float' object cannot be interpreted as an integer". */
rc_object *bt_int_arg(rp_interp *ip, rc_object *o);
/* range(start, stop, step) of ints (step != 0 checked): rcgc's range when
 * the bounds fit int64, else bt_bigrange.c's. New reference. */
rc_object *bt_range_make(rp_interp *ip, rc_object *start, rc_object *stop,
                         rc_object *step);
/* start, stop and step of either kind of range, as new ints. */
int bt_range_parts(rp_interp *ip, rc_object *range, rc_object **start,
                   rc_object **stop, rc_object **step);

/* ====================================================================== */
/* Shared by builtins.c and the classes                                   */
/* ====================================================================== */

/* reversed(seq) for a list (list_reverseiterator) or any sequence with
 * __len__ and __getitem__ (reversed): a new iterator (bt_iter.c). */
rc_object *bt_reversed_new(rp_interp *ip, rc_object *seq);
/* iter(func, sentinel): a new callable_iterator (bt_iter.c). */
rc_object *bt_calliter_new(rp_interp *ip, rc_object *func, rc_object *sentinel);

/* sorted(iterable, key=, reverse=) into list (filled already): sorts in
 * place with list.sort's arguments. */
int bt_sort_list(rp_interp *ip, rc_object *list, rc_object *key,
                 rc_object *reverse);
/* repr(o) as C text into a new str through the class's __repr__ (rc_repr
 * already dispatches): ascii() escaping of a str. New str. */
rc_object *bt_ascii(rp_interp *ip, rc_object *o);
/* int(x) and int(x, base) (bt_int.c), float(x) (bt_float.c), str(x)
 * (bt_str.c): the conversions builtins and the classes share. */
rc_object *bt_int_from(rp_interp *ip, rc_object *x);
rc_object *bt_float_from(rp_interp *ip, rc_object *x);
/* round(x, ndigits) for floats (bt_float.c); nd NULL: to an int. */
rc_object *bt_float_round(rp_interp *ip, double x, rc_object *nd);
/* round(i, ndigits) for ints (bt_int.c). */
rc_object *bt_int_round(rp_interp *ip, rc_object *i, rc_object *nd);
/* pow(b, e, m) for ints (m != 0 checked: ValueError "pow() 3rd argument
 * cannot be 0"; a negative e takes b's inverse modulo m). */
rc_object *bt_int_pow_mod(rp_interp *ip, rc_object *b, rc_object *e,
                          rc_object *m);
/* i rounded to a multiple of 10**k (k > 0), half to even; sticky: i stands
 * for a value a little above it (a float's dropped fraction). */
rc_object *bt_int_round_to(rp_interp *ip, rc_object *i, ptrdiff_t k,
                           bool sticky);

/* ====================================================================== */
/* For the modules (bt_misc.c)                                            */
/* ====================================================================== */

/* Runs Python source in module's namespace (classes the C modules define
 * in Python: time.struct_time, os.stat_result): 0, or -1 with the
 * exception pending. */
int bt_run_source(rp_interp *ip, rc_object *module, const char *src,
                  const char *filename);
/* A path argument as a str (new reference): a str or an object with
 * __fspath__; TypeError "fname: path should be string, bytes or
 * os.PathLike, not int" (fname NULL: "expected str, bytes or os.PathLike
 * object, not int"). */
rc_object *bt_fspath(rp_interp *ip, rc_object *o, const char *fname);
/* OSError(err, strerror(err), path[, None, path2]): the subclass for err
 * (FileNotFoundError ...), "[Errno 2] No such file or directory: 'x'". */
int bt_raise_oserror(rp_interp *ip, int err, rc_object *path, rc_object *path2);

#endif /* RCPY_BTYPES_H */
