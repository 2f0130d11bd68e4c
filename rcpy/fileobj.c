/*
 * fileobj.c — text files: sys.stdin, sys.stdout, sys.stderr and open().
 *
 * A file object is a C stream read and written as UTF-8 text with
 * CPython's text-mode newline handling (universal newlines on input:
 * "\r\n" and "\r" read as "\n"; "\n" written as is). Buffering is the C
 * library's, which is what CPython does too: stdout is line-buffered on a
 * terminal and block-buffered otherwise, stderr unbuffered; sys.stdout is
 * flushed before a traceback is printed, before stdin is read and at exit.
 * Invariant: fp is NULL exactly when the file is closed; the standard
 * streams are never fclose'd (closing them only marks them closed).
 */
#define _POSIX_C_SOURCE 200809L /* fileno, fdopen */
#include "front.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct rp_file {
    rc_object ob;
    FILE *fp;        /* NULL once closed */
    rc_object *name; /* str (or int for a file opened from an fd) */
    char mode[8];    /* as given to open(): "r", "w", "a+", ... */
    bool readable, writable;
    bool own; /* fclose at close (false for the standard streams) */
} rp_file;

#define FILE_(o) ((rp_file *)(o))

static void file_dealloc(rc_object *self) {
    rp_file *f = FILE_(self);
    if (f->fp && f->own)
        fclose(f->fp);
    else if (f->fp)
        fflush(f->fp);
    f->fp = NULL;
    rc_xdecref(f->name);
    f->name = NULL;
}

static rc_object *file_repr(rc_object *self) {
    rp_file *f = FILE_(self);
    rc_object *n = f->name ? rc_repr(f->name) : NULL;
    if (!n)
        return NULL;
    rc_object *r =
        rc_str_from_format(rc_runtime_of(self),
                           "<_io.TextIOWrapper name=%s mode='%s' "
                           "encoding='%s'>",
                           rc_str_utf8(n), f->mode, f->own ? "UTF-8" : "utf-8");
    rc_decref(n);
    return r;
}

static int file_next(rc_object *self, rc_object **item);

static rc_object *file_iter(rc_object *self) {
    rc_incref(self);
    return self;
}

static const rc_protocol file_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = file_repr,
    .iter = file_iter,
    .next = file_next,
};

static const rc_type rp_file_type = {
    .name = "TextIOWrapper",
    .basicsize = sizeof(rp_file),
    .dealloc = file_dealloc,
    .protocol = &file_protocol,
};

static bool is_file(const rc_object *o) {
    return o && o->type == &rp_file_type;
}

/* ====================================================================== */
/* Checks                                                                 */
/* ====================================================================== */

static int check_open(rp_interp *ip, rp_file *f) {
    if (!f->fp)
        return rp_raise(ip, ip->exc.ValueError,
                        "I/O operation on closed file.");
    return 0;
}

/* io.UnsupportedOperation (a subclass of OSError and ValueError), made on
 * first use. */
static rp_class *unsupported_class(rp_interp *ip) {
    if (ip->front->unsupported)
        return (rp_class *)ip->front->unsupported;
    rc_object *name = rp_str(ip, "UnsupportedOperation");
    rc_object *bases = name ? rc_tuple_pack(ip->rt, 2, &ip->exc.OSError->ob,
                                            &ip->exc.ValueError->ob)
                            : NULL;
    rc_object *ns = bases ? rc_dict_new(ip->rt) : NULL;
    rc_object *mod = ns ? rp_str(ip, "io") : NULL;
    rc_object *cls = NULL;
    if (mod && rc_dict_setitem(ns, ip->s.module, mod) == 0)
        cls = rp_class_new(ip, name, bases, ns);
    rc_xdecref(name);
    rc_xdecref(bases);
    rc_xdecref(ns);
    rc_xdecref(mod);
    ip->front->unsupported = cls;
    return (rp_class *)cls;
}

static int unsupported(rp_interp *ip, const char *what) {
    rp_class *cls = unsupported_class(ip);
    if (!cls)
        return -1;
    return rp_raise(ip, cls, "%s", what);
}

static int check_readable(rp_interp *ip, rp_file *f) {
    if (check_open(ip, f) < 0)
        return -1;
    if (!f->readable)
        return unsupported(ip, "not readable");
    if (f->fp == stdin) {
        rc_object *out = rp_sys_get(ip, "stdout");
        if (out && rp_file_flush(ip, out) < 0)
            rp_err_clear(ip);
    }
    return 0;
}

static int check_writable(rp_interp *ip, rp_file *f) {
    if (check_open(ip, f) < 0)
        return -1;
    return f->writable ? 0 : unsupported(ip, "not writable");
}

/* ====================================================================== */
/* Reading with universal newlines                                        */
/* ====================================================================== */

/* The next byte with "\r\n" and "\r" read as "\n"; EOF at the end. */
static int get_byte(FILE *fp) {
    int c = getc(fp);
    if (c == '\r') {
        int d = getc(fp);
        if (d != '\n' && d != EOF)
            ungetc(d, fp);
        return '\n';
    }
    return c;
}

typedef struct bytes {
    char *p;
    size_t len, cap;
} bytes;

static int bytes_add(rp_interp *ip, bytes *b, char c) {
    if (b->len + 1 >= b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 128;
        char *p = rc_realloc(ip->rt, b->p, b->cap, cap);
        if (!p)
            return -1;
        b->p = p;
        b->cap = cap;
    }
    b->p[b->len++] = c;
    return 0;
}

/* Reads up to `chars` code points (negative: all), stopping after a
 * newline when `line`. A new str. */
static rc_object *read_text(rp_interp *ip, rp_file *f, ptrdiff_t chars,
                            bool line) {
    bytes b = {0};
    ptrdiff_t n = 0;
    int c;
    while ((c = get_byte(f->fp)) != EOF) {
        bool lead = ((unsigned)c & 0xC0) != 0x80;
        if (lead && chars >= 0 && n == chars) {
            ungetc(c, f->fp);
            break;
        }
        n += lead;
        if (bytes_add(ip, &b, (char)c) < 0)
            break;
        if (line && c == '\n')
            break;
    }
    rc_object *s = NULL;
    if (ferror(f->fp)) {
        int err = errno;
        clearerr(f->fp);
        rp_raise_oserror(ip, err ? err : EIO, NULL);
    } else if (!rp_err_occurred(ip))
        s = rc_str_from_utf8(ip->rt, b.p ? b.p : "", b.len);
    rc_free(ip->rt, b.p, b.cap);
    return s;
}

static int file_next(rc_object *self, rc_object **item) {
    rp_interp *ip = rp_interp_of(self);
    rp_file *f = FILE_(self);
    if (check_readable(ip, f) < 0)
        return -1;
    rc_object *s = read_text(ip, f, -1, true);
    if (!s)
        return -1;
    if (rc_str_size(s) == 0) {
        rc_decref(s);
        return 0;
    }
    *item = s;
    return 1;
}

/* ====================================================================== */
/* Methods                                                                */
/* ====================================================================== */

/* An optional size argument: -1 (all) when absent or None. */
static int size_arg(rp_interp *ip, const char *fname, rc_object *const *args,
                    size_t nargs, rc_object *kwnames, int64_t *size) {
    if (rp_check_args(ip, fname, nargs, kwnames, 0, 1) < 0)
        return -1;
    *size = -1;
    if (nargs == 0 || rc_is_none(args[0]))
        return 0;
    return rp_index(ip, args[0], size);
}

static rc_object *m_read(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    int64_t size;
    if (size_arg(ip, "read", args, nargs, kwnames, &size) < 0 ||
        check_readable(ip, FILE_(self)) < 0)
        return NULL;
    return read_text(ip, FILE_(self), size < 0 ? -1 : (ptrdiff_t)size, false);
}

static rc_object *m_readline(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    int64_t size;
    if (size_arg(ip, "readline", args, nargs, kwnames, &size) < 0 ||
        check_readable(ip, FILE_(self)) < 0)
        return NULL;
    return read_text(ip, FILE_(self), size < 0 ? -1 : (ptrdiff_t)size, true);
}

static rc_object *m_readlines(rp_interp *ip, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "readlines", nargs, kwnames, 0, 1) < 0 ||
        check_readable(ip, FILE_(self)) < 0)
        return NULL;
    rc_object *list = rc_list_new(ip->rt);
    rc_object *line;
    int r = 0;
    while (list && (r = file_next(self, &line)) > 0) {
        r = rc_list_append(list, line);
        rc_decref(line);
        if (r < 0)
            break;
    }
    if (r < 0) {
        rc_xdecref(list);
        return NULL;
    }
    return list;
}

static int write_str(rp_interp *ip, rp_file *f, rc_object *s) {
    if (check_writable(ip, f) < 0)
        return -1;
    size_t n = rc_str_size(s);
    if (fwrite(rc_str_utf8(s), 1, n, f->fp) != n)
        return rp_raise_oserror(ip, errno ? errno : EIO, NULL);
    if (f->fp == stderr)
        fflush(f->fp);
    return 0;
}

static rc_object *m_write(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    if (rp_check_args(ip, "write", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!rc_is_str(args[0])) {
        rp_raise(ip, ip->exc.TypeError, "write() argument must be str, not %s",
                 rc_type_name(args[0]));
        return NULL;
    }
    if (write_str(ip, FILE_(self), args[0]) < 0)
        return NULL;
    return rc_int_from_i64(ip->rt, (int64_t)rc_str_length(args[0]));
}

static rc_object *m_writelines(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    if (rp_check_args(ip, "writelines", nargs, kwnames, 1, 1) < 0 ||
        check_writable(ip, FILE_(self)) < 0)
        return NULL;
    rc_object *it = rc_iter(args[0]);
    if (!it)
        return NULL;
    rc_object *item;
    int r;
    while ((r = rc_next(it, &item)) > 0) {
        if (!rc_is_str(item))
            r = rp_raise(ip, ip->exc.TypeError,
                         "write() argument must be str, not %s",
                         rc_type_name(item));
        else
            r = write_str(ip, FILE_(self), item);
        rc_decref(item);
        if (r < 0)
            break;
    }
    rc_decref(it);
    return r < 0 ? NULL : rp_none(ip);
}

static int flush_file(rp_interp *ip, rp_file *f) {
    if (check_open(ip, f) < 0)
        return -1;
    if (f->writable && fflush(f->fp) != 0)
        return rp_raise_oserror(ip, errno ? errno : EIO, NULL);
    return 0;
}

static rc_object *m_flush(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "flush", nargs, kwnames, 0, 0) < 0 ||
        flush_file(ip, FILE_(self)) < 0)
        return NULL;
    return rp_none(ip);
}

static int close_file(rp_interp *ip, rp_file *f) {
    if (!f->fp)
        return 0;
    FILE *fp = f->fp;
    f->fp = NULL;
    int r = f->own ? fclose(fp) : fflush(fp);
    return r != 0 ? rp_raise_oserror(ip, errno ? errno : EIO, NULL) : 0;
}

static rc_object *m_close(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "close", nargs, kwnames, 0, 0) < 0 ||
        close_file(ip, FILE_(self)) < 0)
        return NULL;
    return rp_none(ip);
}

static rc_object *m_fileno(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "fileno", nargs, kwnames, 0, 0) < 0 ||
        check_open(ip, FILE_(self)) < 0)
        return NULL;
    return rc_int_from_i64(ip->rt, fileno(FILE_(self)->fp));
}

static rc_object *m_isatty(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "isatty", nargs, kwnames, 0, 0) < 0 ||
        check_open(ip, FILE_(self)) < 0)
        return NULL;
    return rp_bool(ip, isatty(fileno(FILE_(self)->fp)));
}

static rc_object *m_readable(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "readable", nargs, kwnames, 0, 0) < 0 ||
        check_open(ip, FILE_(self)) < 0)
        return NULL;
    return rp_bool(ip, FILE_(self)->readable);
}

static rc_object *m_writable(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "writable", nargs, kwnames, 0, 0) < 0 ||
        check_open(ip, FILE_(self)) < 0)
        return NULL;
    return rp_bool(ip, FILE_(self)->writable);
}

static rc_object *m_enter(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "__enter__", nargs, kwnames, 0, 0) < 0 ||
        check_open(ip, FILE_(self)) < 0)
        return NULL;
    rc_incref(self);
    return self;
}

static rc_object *m_exit(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    if (close_file(ip, FILE_(self)) < 0)
        return NULL;
    return rp_none(ip);
}

static rc_object *m_iter(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "__iter__", nargs, kwnames, 0, 0) < 0 ||
        check_open(ip, FILE_(self)) < 0)
        return NULL;
    return file_iter(self);
}

static rc_object *m_next(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "__next__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *line = NULL;
    int r = file_next(self, &line);
    if (r == 0)
        rp_raise_stopiteration(ip, NULL);
    return r > 0 ? line : NULL;
}

static rc_object *m_tell(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "tell", nargs, kwnames, 0, 0) < 0 ||
        check_open(ip, FILE_(self)) < 0)
        return NULL;
    long pos = ftell(FILE_(self)->fp);
    if (pos < 0) {
        rp_raise_oserror(ip, errno, NULL);
        return NULL;
    }
    return rc_int_from_i64(ip->rt, pos);
}

/* seek(cookie, whence=0): as text files allow, an offset tell() gave or 0
 * from the start, or 0 from the end. */
static rc_object *m_seek(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    int64_t off, whence = 0;
    if (rp_check_args(ip, "seek", nargs, kwnames, 1, 2) < 0 ||
        check_open(ip, FILE_(self)) < 0 || rp_index(ip, args[0], &off) < 0 ||
        (nargs > 1 && rp_index(ip, args[1], &whence) < 0))
        return NULL;
    if (whence < 0 || whence > 2) {
        rp_raise(ip, ip->exc.ValueError,
                 "invalid whence (%lld, should be 0, 1 or 2)",
                 (long long)whence);
        return NULL;
    }
    if (whence != 0 && off != 0) {
        unsupported(ip, whence == 1 ? "can't do nonzero cur-relative seeks"
                                    : "can't do nonzero end-relative seeks");
        return NULL;
    }
    int w = whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END;
    if (fseek(FILE_(self)->fp, (long)off, w) != 0) {
        rp_raise_oserror(ip, errno, NULL);
        return NULL;
    }
    return rc_int_from_i64(ip->rt, ftell(FILE_(self)->fp));
}

static const rp_methoddef file_methods[] = {
    {"tell", m_tell, 0, NULL},
    {"seek", m_seek, 0, NULL},
    {"read", m_read, 0, NULL},
    {"readline", m_readline, 0, NULL},
    {"readlines", m_readlines, 0, NULL},
    {"write", m_write, 0, NULL},
    {"writelines", m_writelines, 0, NULL},
    {"flush", m_flush, 0, NULL},
    {"close", m_close, 0, NULL},
    {"fileno", m_fileno, 0, NULL},
    {"isatty", m_isatty, 0, NULL},
    {"readable", m_readable, 0, NULL},
    {"writable", m_writable, 0, NULL},
    {"__enter__", m_enter, 0, NULL},
    {"__exit__", m_exit, 0, NULL},
    {"__iter__", m_iter, 0, NULL},
    {"__next__", m_next, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---------------------------------------------------------- attributes */

static rc_object *g_closed(rp_interp *ip, rc_object *self) {
    return rp_bool(ip, FILE_(self)->fp == NULL);
}
static rc_object *g_name(rp_interp *ip, rc_object *self) {
    (void)ip;
    rc_incref(FILE_(self)->name);
    return FILE_(self)->name;
}
static rc_object *g_mode(rp_interp *ip, rc_object *self) {
    return rp_str(ip, FILE_(self)->mode);
}
static rc_object *g_encoding(rp_interp *ip, rc_object *self) {
    return rp_str(ip, FILE_(self)->own ? "UTF-8" : "utf-8");
}
static rc_object *g_errors(rp_interp *ip, rc_object *self) {
    (void)self;
    return rp_str(ip, "strict");
}
static rc_object *g_line_buffering(rp_interp *ip, rc_object *self) {
    FILE *fp = FILE_(self)->fp;
    return rp_bool(ip, fp == stdout && isatty(fileno(fp)));
}
static rc_object *g_newlines(rp_interp *ip, rc_object *self) {
    (void)self;
    return rp_none(ip);
}

static const rp_getsetdef file_getsets[] = {
    {"closed", g_closed, NULL, NULL},
    {"name", g_name, NULL, NULL},
    {"mode", g_mode, NULL, NULL},
    {"encoding", g_encoding, NULL, NULL},
    {"errors", g_errors, NULL, NULL},
    {"line_buffering", g_line_buffering, NULL, NULL},
    {"newlines", g_newlines, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ====================================================================== */
/* Making file objects                                                    */
/* ====================================================================== */

static rc_object *file_new(rp_interp *ip, FILE *fp, rc_object *name,
                           const char *mode, bool own) {
    rc_object *o = rc_new(ip->rt, &rp_file_type);
    if (!o)
        return NULL;
    rp_file *f = FILE_(o);
    f->fp = fp;
    rc_incref(name);
    f->name = name;
    snprintf(f->mode, sizeof f->mode, "%s", mode);
    f->readable = strchr(mode, 'r') || strchr(mode, '+');
    f->writable = strpbrk(mode, "wax+") != NULL;
    f->own = own;
    return o;
}

rc_object *rp_file_from_stream(rp_interp *ip, FILE *fp, const char *name,
                               const char *mode, bool own) {
    rc_object *n = rp_str(ip, name);
    if (!n)
        return NULL;
    rc_object *o = file_new(ip, fp, n, mode, own);
    rc_decref(n);
    return o;
}

/* The C mode for a Python mode ("r", "w+", "at", "x" ...), or NULL. */
static const char *c_mode(const char *mode) {
    int kind = 0, plus = 0, t = 0;
    for (const char *p = mode; *p; p++) {
        if (strchr("rwax", *p) && !kind)
            kind = *p;
        else if (*p == '+' && !plus)
            plus = 1;
        else if (*p == 't' && !t)
            t = 1;
        else
            return NULL;
    }
    static const char *const modes[][2] = {
        {"r", "r+"}, {"w", "w+"}, {"a", "a+"}, {"wx", "w+x"}};
    switch (kind) {
    case 'r':
        return modes[0][plus];
    case 'w':
        return modes[1][plus];
    case 'a':
        return modes[2][plus];
    case 'x':
        return modes[3][plus];
    default:
        return NULL;
    }
}

rc_object *rp_file_open(rp_interp *ip, rc_object *path, const char *mode) {
    if (strchr(mode, 'b')) {
        rp_raise(ip, ip->exc.ValueError,
                 "binary mode is not supported by rcpy (no bytes type)");
        return NULL;
    }
    const char *cm = c_mode(mode);
    if (!cm) {
        rp_raise(ip, ip->exc.ValueError, "invalid mode: '%s'", mode);
        return NULL;
    }
    int64_t fd = -1;
    if (!rc_is_str(path) &&
        !(rc_is_int(path) && rp_index(ip, path, &fd) == 0)) {
        rp_raise(ip, ip->exc.TypeError,
                 "expected str, bytes or os.PathLike object, not %s",
                 rc_type_name(path));
        return NULL;
    }
    FILE *fp = fd >= 0 ? fdopen((int)fd, cm) : fopen(rc_str_utf8(path), cm);
    if (!fp) {
        rp_raise_oserror(ip, errno, rc_is_str(path) ? path : NULL);
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        rp_raise_oserror(ip, EISDIR, path);
        return NULL;
    }
    rc_object *o = file_new(ip, fp, path, mode, true);
    if (!o)
        fclose(fp);
    return o;
}

/* ====================================================================== */
/* Writing to any file-like object                                        */
/* ====================================================================== */

int rp_file_write(rp_interp *ip, rc_object *file, rc_object *text) {
    if (is_file(file))
        return write_str(ip, FILE_(file), text);
    rc_object *r = rp_call_method(ip, file, ip->s.write, &text, 1);
    if (!r)
        return -1;
    rc_decref(r);
    return 0;
}

int rp_file_write_cstr(rp_interp *ip, rc_object *file, const char *text) {
    if (is_file(file)) {
        rp_file *f = FILE_(file);
        if (check_writable(ip, f) < 0)
            return -1;
        fputs(text, f->fp);
        if (f->fp == stderr)
            fflush(f->fp);
        return 0;
    }
    rc_object *s = rp_str(ip, text);
    if (!s)
        return -1;
    int r = rp_file_write(ip, file, s);
    rc_decref(s);
    return r;
}

int rp_file_flush(rp_interp *ip, rc_object *file) {
    if (is_file(file))
        return FILE_(file)->fp ? flush_file(ip, FILE_(file)) : 0;
    rc_object *flush = NULL;
    int r = rp_getattr_opt(ip, file, ip->s.flush, &flush);
    if (r <= 0)
        return r;
    rc_object *res = rp_call0(ip, flush);
    rc_decref(flush);
    if (!res)
        return -1;
    rc_decref(res);
    return 0;
}

rc_object *rp_file_readline(rp_interp *ip, rc_object *file) {
    if (is_file(file)) {
        if (check_readable(ip, FILE_(file)) < 0)
            return NULL;
        return read_text(ip, FILE_(file), -1, true);
    }
    return rp_call_method(ip, file, ip->s.readline, NULL, 0);
}

int rp_init_files(rp_interp *ip) {
    if (ip->cls.file)
        return 0;
    ip->cls.file = rp_class_new_builtin(ip, "TextIOWrapper", &rp_file_type,
                                        ip->cls.object, file_methods, NULL, 0);
    if (!ip->cls.file)
        return -1;
    rc_object *mod = rp_str(ip, "_io");
    if (!mod || rp_class_add_object(ip, ip->cls.file, "__module__", mod) < 0)
        return -1;
    return rp_class_add_getsets(ip, ip->cls.file, file_getsets);
}
