/*
 * front.h — what the front part's files (errors.c exc.c traceback.c
 * module.c import.c main.c repl.c fileobj.c mod_sys.c mod_gc.c) share and
 * nobody else needs: the front part's state hung from ip->front, and the
 * helpers one of these files offers the others. Everything here is
 * private to those files; the contract with the other parts is rcpy.h.
 */
#ifndef RCPY_FRONT_H
#define RCPY_FRONT_H

#include "rcpy.h"

#include <stdarg.h>
#include <stdio.h>

/* The front part's state: one per interpreter, made by rp_init_exceptions
 * (the first of the front's inits to run) and dropped by rp_fini_front. */
struct rp_front {
    rc_object *memerr;       /* a MemoryError made at start-up, raised when
                                no memory is left for a new one */
    rc_object *gc_garbage;   /* gc.garbage (a list), or NULL before gc */
    rc_object *gc_callbacks; /* gc.callbacks (a list), or NULL before gc */
    bool in_callbacks;       /* gc.callbacks are running */
    bool gcstats;            /* -X gcstats printer registered */
    rc_object *importing;    /* set of module names being imported */
    rc_object *unsupported;  /* io.UnsupportedOperation, made on first use */
    bool finalizing;         /* shutdown has begun: tracebacks show no
                                source lines (CPython cannot read them
                                then either) */
};

/* ---- errors.c ---- */

/* Makes ip->front (the preallocated MemoryError comes later, once the
 * classes exist). */
int rp_front_new(rp_interp *ip);
/* The library's status for an exception class (RC_ETYPE for TypeError and
 * its subclasses ...; RC_EEXCEPTION for the rest). */
rc_status rp_class_status(rp_interp *ip, rp_class *cls);
/* Installs the unraisable hook on ip's runtime. */
void rp_install_unraisable_hook(rp_interp *ip);
/* Makes exc the pending exception, chaining __context__ from the handled
 * exception (CPython's _PyErr_SetObject); does not steal. Returns the
 * status recorded. */
int rp_err_set(rp_interp *ip, rc_object *exc);

/* printf into small (cap bytes) when the text fits, else into a new
 * malloc'd buffer (free it when it is not small); NULL when that fails. */
char *rp_vformat(char *small, size_t cap, const char *fmt, va_list ap);

/* ---- exc.c ---- */

/* Is o an instance of BaseException? */
bool rp_is_exc(rp_interp *ip, const rc_object *o);
/* The name to print for exc's class: "ValueError", "mod.MyError" (module
 * prefix unless builtins or __main__). New str. */
rc_object *rp_exc_type_name(rp_interp *ip, rc_object *exc);
/* An attribute set on an exception instance by its constructor (lineno,
 * filename ...), borrowed, or NULL. */
rc_object *rp_exc_attr(rp_interp *ip, rc_object *exc, const char *name);
/* OSError subclass for an errno value (ENOENT: FileNotFoundError ...),
 * OSError itself for the rest. */
rp_class *rp_oserror_class(rp_interp *ip, int err);
/* Raises the OSError subclass for errno err with strerror(err) and
 * filename (borrowed, may be NULL): "[Errno 2] No such file or directory:
 * 'x'". */
int rp_raise_oserror(rp_interp *ip, int err, rc_object *filename);

/* ---- traceback.c ---- */

/* Writes the source line `lineno` of file `filename` (stripped) into buf;
 * false when it cannot be read. */
bool rp_source_line(const char *filename, int lineno, char *buf, size_t cap);

/* ---- module.c / import.c ---- */

/* The builtin modules written in C, NULL-terminated (import.c). */
extern const rp_builtin_module rp_builtin_modules[];
int rp_init_sys_module(rp_interp *ip, rc_object *module); /* mod_sys.c */
int rp_init_gc_module(rp_interp *ip, rc_object *module);  /* mod_gc.c */
/* gc.snapshot() and its classes gc.Snapshot, gc.SnapshotDiff
 * (gc_snapshot.c): the function, and the classes added to module. */
rc_object *rp_gc_snapshot(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames);
int rp_init_gc_snapshot(rp_interp *ip, rc_object *module);
int rp_init_objgraph_module(rp_interp *ip,
                            rc_object *module); /* mod_objgraph.c */
/* Registers / removes the collector callback behind gc.garbage,
 * gc.callbacks and -X gcstats (mod_gc.c). */
int rp_gc_start(rp_interp *ip);
void rp_gc_stop(rp_interp *ip);
/* Shutdown: the program's modules are released and collected while sys
 * works, then cleared (CPython's finalize_modules; module.c). */
void rp_modules_finalize(rp_interp *ip);
/* A module's name as C text (borrowed). */
const char *rp_module_name(rc_object *module);
/* Runs code text in module m's dict as module `name` from file path
 * (NULL: embedded): compile, then run. New reference to m, or NULL. */
rc_object *rp_exec_module_source(rp_interp *ip, rc_object *m, const char *src,
                                 size_t len, const char *path);

/* The whole content of a stream, malloc'd (*len bytes, NUL after them),
 * or NULL when memory runs out. */
char *rp_read_stream(FILE *fp, size_t *len);

/* `rcpy -m name`: runs the module (or a package's __main__) as __main__;
 * 0, 1 (SystemExit) or -1 (error printed; ip->exit_code set). */
int rp_run_module(rp_interp *ip, const char *name);

/* ---- fileobj.c ---- */

/* A file object over an open C stream (borrowed by the object when
 * `own` is false). mode "r" or "w". New reference. */
rc_object *rp_file_from_stream(rp_interp *ip, FILE *fp, const char *name,
                               const char *mode, bool own);
int rp_init_files(rp_interp *ip);

/* ---- repl.c / main.c ---- */

/* Prints the pending exception through sys.excepthook and clears it;
 * SystemExit sets ip->exit_code and returns 1, others return 0. */
int rp_handle_uncaught(rp_interp *ip);

/* A growing text buffer for the graph walker's writers (rc_graph_write_dot,
 * rc_snapshot_print): rp_membuf_sink appends len bytes and keeps a spare
 * byte for a terminator; the caller frees data (mod_objgraph.c). */
typedef struct rp_membuf {
    char *data;
    size_t len, cap;
} rp_membuf;
int rp_membuf_sink(const char *data, size_t len, void *arg);

#endif /* RCPY_FRONT_H */
