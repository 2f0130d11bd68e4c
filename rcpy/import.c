/*
 * import.c — the import system: `import a.b.c`, `from . import x`,
 * `from m import *`, with CPython's semantics for what programs use.
 *
 * A dotted name is imported one component at a time (a, a.b, a.b.c), each
 * found in order in sys.modules, among the builtin modules written in C
 * (rp_builtin_modules: adding one is one line), in the folders of
 * sys.path (or of the parent package's __path__): name/__init__.py (a
 * package), then name.py, and among the modules written in Python that
 * the build embeds (rcpy/lib). A module is put in sys.modules before its
 * code runs (a circular import sees it partially initialised) and taken
 * out again if its code fails. Invariant: while a module's code runs, its
 * name is in ip->front->importing, which IMPORT_FROM's error message reads.
 */
#define _POSIX_C_SOURCE 200809L /* realpath, getcwd */
#include "front.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MOD(o) ((rp_module *)(o))

/* The builtin modules written in C: one line each. */
const rp_builtin_module rp_builtin_modules[] = {
    {"sys", rp_init_sys_module},
    {"gc", rp_init_gc_module},
    {"math", rp_init_math_module},
    {"time", rp_init_time_module},
    {"os", rp_init_os_module},
    {"posixpath", rp_init_os_path_module},
    {"_weakref", rp_init_weakref_module},
    {"_psutil", rp_init_psutil_module},
    {"atexit", rp_init_atexit_module},
    {"_objgraph", rp_init_objgraph_module},
    {NULL, NULL},
};

/* ====================================================================== */
/* Running a module's code                                                */
/* ====================================================================== */

char *rp_read_stream(FILE *fp, size_t *len) {
    size_t cap = 1 << 14, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n - 1, fp)) > 0;) {
        n += got;
        if (n + 1 == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

static char *read_all(const char *path, size_t *len) {
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *buf = rp_read_stream(fp, len);
    fclose(fp);
    return buf;
}

static int importing_mark(rp_interp *ip, rc_object *name, bool on) {
    struct rp_front *fr = ip->front;
    if (!fr->importing && !(fr->importing = rc_set_new(ip->rt, NULL)))
        return -1;
    if (on)
        return rc_set_add(fr->importing, name);
    return rc_set_discard(fr->importing, name) < 0 ? -1 : 0;
}

static bool is_importing(rp_interp *ip, rc_object *name) {
    rc_object *set = ip->front ? ip->front->importing : NULL;
    return set && rc_set_contains(set, name) == 1;
}

rc_object *rp_exec_module_source(rp_interp *ip, rc_object *m, const char *src,
                                 size_t len, const char *path) {
    char label[256];
    if (!path)
        snprintf(label, sizeof label, "<frozen %s>", rp_module_name(m));
    rc_object *fn = rp_str(ip, path ? path : label);
    rc_object *code = fn ? rp_compile(ip, src, len, fn, RP_MODE_EXEC) : NULL;
    rc_xdecref(fn);
    if (!code)
        return NULL;
    rc_object *dict = MOD(m)->dict;
    rc_object *r = rp_eval_code(ip, code, dict, dict);
    rc_decref(code);
    if (!r)
        return NULL;
    rc_decref(r);
    rc_incref(m);
    return m;
}

/* Puts m in sys.modules, runs its code, and returns sys.modules[name]
 * (the module may have replaced itself there); on failure the name is
 * taken out of sys.modules again. */
static rc_object *load(rp_interp *ip, rc_object *m, const char *src, size_t len,
                       const char *path) {
    rc_object *name = MOD(m)->name;
    if (rc_dict_setitem(ip->modules, name, m) < 0 ||
        importing_mark(ip, name, true) < 0)
        return NULL;
    rc_object *r = rp_exec_module_source(ip, m, src, len, path);
    rc_object *exc = rp_err_fetch(ip);
    importing_mark(ip, name, false);
    rp_err_clear(ip);
    if (!r) {
        rc_object *there;
        if (rc_dict_lookup(ip->modules, name, &there) == 1)
            rc_dict_delitem(ip->modules, name);
        rp_err_clear(ip);
        rp_err_restore(ip, exc);
        return NULL;
    }
    rc_xdecref(exc);
    rc_decref(r);
    r = rc_dict_getitem(ip->modules, name);
    if (!r) {
        rp_raise(ip, ip->exc.ImportError,
                 "Loaded module %s not found in sys.modules",
                 rc_str_utf8(name));
        return NULL;
    }
    rc_incref(r);
    return r;
}

/* ====================================================================== */
/* Finding modules                                                        */
/* ====================================================================== */

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A folder of sys.path as an absolute path ("" is the current one). */
static bool abs_dir(const char *dir, char *out, size_t cap) {
    char cwd[PATH_MAX];
    if (dir[0] == '/')
        return (size_t)snprintf(out, cap, "%s", dir) < cap;
    if (!getcwd(cwd, sizeof cwd))
        return false;
    if (!dir[0] || strcmp(dir, ".") == 0)
        return (size_t)snprintf(out, cap, "%s", cwd) < cap;
    return (size_t)snprintf(out, cap, "%s/%s", cwd, dir) < cap;
}

static int set_item(rp_interp *ip, rc_object *m, rc_object *key,
                    rc_object *value) {
    if (!value)
        return -1;
    int r = rc_dict_setitem(MOD(m)->dict, key, value);
    rc_decref(value);
    return r;
}

/* The attributes CPython sets on a module loaded from a file. */
static int set_file_attrs(rp_interp *ip, rc_object *m, const char *file,
                          const char *pkgdir, const char *package) {
    int r = set_item(ip, m, ip->s.file, rp_str(ip, file));
    if (r == 0)
        r = set_item(ip, m, ip->s.package, rp_str(ip, package));
    if (r == 0) {
        rc_incref(ip->builtins);
        r = set_item(ip, m, ip->s.builtins, ip->builtins);
    }
    if (r == 0 && pkgdir) {
        rc_object *s = rp_str(ip, pkgdir);
        rc_object *list = s ? rc_list_from_array(ip->rt, &s, 1) : NULL;
        rc_xdecref(s);
        r = set_item(ip, m, ip->s.path, list);
    }
    return r;
}

/* The package a module belongs to: its own name for a package, else the
 * name up to its last dot. */
static void parent_name(const char *full, bool is_pkg, char *out, size_t cap) {
    snprintf(out, cap, "%s", full);
    if (is_pkg)
        return;
    char *dot = strrchr(out, '.');
    if (dot)
        *dot = '\0';
    else
        out[0] = '\0';
}

static rc_object *load_file(rp_interp *ip, rc_object *fullname,
                            const char *file, const char *pkgdir) {
    size_t len;
    char *src = read_all(file, &len);
    if (!src) {
        rp_raise_oserror(ip, errno, NULL);
        return NULL;
    }
    char package[512];
    parent_name(rc_str_utf8(fullname), pkgdir != NULL, package, sizeof package);
    rc_object *m = rp_module_new(ip, rc_str_utf8(fullname));
    rc_object *r = NULL;
    if (m && set_file_attrs(ip, m, file, pkgdir, package) == 0)
        r = load(ip, m, src, len, file);
    rc_xdecref(m);
    free(src);
    return r;
}

/* A namespace package (PEP 420): the first folder named `last` along
 * dirs that search found no module or package for; 1 with *pkgdir set and
 * file empty, else 0. (CPython joins every such folder into __path__;
 * here the first is used.) */
static int search_namespace(rp_interp *ip, rc_object *dirs, const char *last,
                            char *file, char *pkgdir, size_t pcap) {
    (void)ip;
    for (size_t i = 0; i < rc_list_size(dirs); i++) {
        rc_object *d = rc_list_get(dirs, (ptrdiff_t)i);
        char dir[PATH_MAX];
        if (!d || !rc_is_str(d) || !abs_dir(rc_str_utf8(d), dir, sizeof dir))
            continue;
        if ((size_t)snprintf(pkgdir, pcap, "%s/%s", dir, last) < pcap &&
            is_dir(pkgdir)) {
            file[0] = '\0';
            return 1;
        }
    }
    return 0;
}

/* Looks for `last` in the folders of `dirs` (a list of str): 1 found
 * (*file and *pkgdir filled; *pkgdir empty for a plain module), 0 not. */
static int search(rp_interp *ip, rc_object *dirs, const char *last, char *file,
                  size_t fcap, char *pkgdir, size_t pcap) {
    if (!dirs || !rc_is_list(dirs))
        return 0;
    for (size_t i = 0; i < rc_list_size(dirs); i++) {
        rc_object *d = rc_list_get(dirs, (ptrdiff_t)i);
        char dir[PATH_MAX];
        if (!d || !rc_is_str(d) || !abs_dir(rc_str_utf8(d), dir, sizeof dir))
            continue;
        if ((size_t)snprintf(pkgdir, pcap, "%s/%s", dir, last) >= pcap)
            continue;
        snprintf(file, fcap, "%s/__init__.py", pkgdir);
        if (is_dir(pkgdir) && is_file(file))
            return 1;
        snprintf(file, fcap, "%s/%s.py", dir, last);
        if (is_file(file)) {
            pkgdir[0] = '\0';
            return 1;
        }
    }
    return search_namespace(ip, dirs, last, file, pkgdir, pcap);
}

/* A namespace package: __path__ and __package__, no __file__, no code. */
static rc_object *load_namespace(rp_interp *ip, rc_object *fullname,
                                 const char *pkgdir) {
    rc_object *m = rp_module_new(ip, rc_str_utf8(fullname));
    if (!m)
        return NULL;
    rc_object *s = rp_str(ip, pkgdir);
    rc_object *list = s ? rc_list_from_array(ip->rt, &s, 1) : NULL;
    rc_xdecref(s);
    rc_incref(fullname);
    rc_incref(ip->none);
    if (set_item(ip, m, ip->s.path, list) < 0 ||
        set_item(ip, m, ip->s.package, fullname) < 0 ||
        set_item(ip, m, ip->s.file, ip->none) < 0 ||
        rc_dict_setitem(ip->modules, fullname, m) < 0) {
        rc_decref(m);
        return NULL;
    }
    return m;
}

static rc_object *load_builtin(rp_interp *ip, rc_object *fullname,
                               const rp_builtin_module *b) {
    rc_object *m = rp_module_new(ip, b->name);
    if (!m)
        return NULL;
    if (rc_dict_setitem(ip->modules, fullname, m) < 0 || b->init(ip, m) < 0) {
        rc_object *exc = rp_err_fetch(ip);
        rc_dict_delitem(ip->modules, fullname);
        rp_err_clear(ip);
        rp_err_restore(ip, exc);
        rc_decref(m);
        return NULL;
    }
    return m;
}

static rc_object *load_embedded(rp_interp *ip, rc_object *fullname,
                                const char *src, size_t len) {
    rc_object *m = rp_module_new(ip, rc_str_utf8(fullname));
    if (!m)
        return NULL;
    rc_incref(ip->builtins);
    rc_object *r = NULL;
    if (set_item(ip, m, ip->s.builtins, ip->builtins) == 0)
        r = load(ip, m, src, len, NULL);
    rc_decref(m);
    return r;
}

static int not_found(rp_interp *ip, rc_object *fullname, const char *why) {
    char msg[600];
    snprintf(msg, sizeof msg, "No module named '%s'%s", rc_str_utf8(fullname),
             why);
    rc_object *text = rp_str(ip, msg);
    if (!text)
        return -1;
    rc_object *kw = rc_str_intern(ip->rt, "name");
    rc_object *names = kw ? rc_tuple_pack(ip->rt, 1, kw) : NULL;
    rc_xdecref(kw);
    rc_object *argv[2] = {text, fullname};
    rc_object *exc =
        names ? rp_call(ip, &ip->exc.ModuleNotFoundError->ob, argv, 1, names)
              : NULL;
    rc_xdecref(names);
    rc_decref(text);
    if (!exc)
        return -1;
    int st = rp_err_set(ip, exc);
    rc_decref(exc);
    return st;
}

/* Imports one module, fullname, whose parent package (already imported)
 * is parent or NULL. New reference. */
static rc_object *import_one(rp_interp *ip, rc_object *fullname,
                             rc_object *parent) {
    rc_object *m = NULL;
    int found = rc_dict_lookup(ip->modules, fullname, &m);
    if (found < 0)
        return NULL;
    if (found) {
        if (rc_is_none(m)) {
            rp_raise(ip, ip->exc.ModuleNotFoundError,
                     "import of %s halted; None in sys.modules",
                     rc_str_utf8(fullname));
            return NULL;
        }
        rc_incref(m);
        return m;
    }
    const char *full = rc_str_utf8(fullname);
    const char *last = strrchr(full, '.') ? strrchr(full, '.') + 1 : full;
    if (!parent)
        for (const rp_builtin_module *b = rp_builtin_modules; b->name; b++)
            if (strcmp(b->name, full) == 0)
                return load_builtin(ip, fullname, b);
    rc_object *dirs = rp_sys_get(ip, "path"); /* programs may rebind it */
    if (!dirs || !rc_is_list(dirs))
        dirs = ip->path;
    if (parent) {
        dirs = rc_dict_getitem(MOD(parent)->dict, ip->s.path);
        if (!dirs) {
            char why[300];
            snprintf(why, sizeof why, "; '%s' is not a package",
                     rp_module_name(parent));
            not_found(ip, fullname, why);
            return NULL;
        }
    }
    char file[2 * PATH_MAX], pkgdir[PATH_MAX];
    if (search(ip, dirs, last, file, sizeof file, pkgdir, sizeof pkgdir))
        return file[0]
                   ? load_file(ip, fullname, file, pkgdir[0] ? pkgdir : NULL)
                   : load_namespace(ip, fullname, pkgdir);
    size_t len;
    const char *src = parent ? NULL : rp_lib_source(full, &len);
    if (src)
        return load_embedded(ip, fullname, src, len);
    not_found(ip, fullname, "");
    return NULL;
}

/* ====================================================================== */
/* import a.b.c and relative imports                                      */
/* ====================================================================== */

/* The package relative imports start from: __package__, else __name__
 * (itself for a package, its parent otherwise). Borrowed, or NULL with
 * ImportError. */
static int resolve_package(rp_interp *ip, rc_object *globals, char *out,
                           size_t cap) {
    rc_object *pkg = globals && rc_is_dict(globals)
                         ? rc_dict_getitem(globals, ip->s.package)
                         : NULL;
    if (pkg && rc_is_str(pkg)) {
        snprintf(out, cap, "%s", rc_str_utf8(pkg));
    } else {
        rc_object *name = globals && rc_is_dict(globals)
                              ? rc_dict_getitem(globals, ip->s.name)
                              : NULL;
        if (!name || !rc_is_str(name))
            out[0] = '\0';
        else
            parent_name(rc_str_utf8(name),
                        rc_dict_getitem(globals, ip->s.path) != NULL, out, cap);
    }
    if (!out[0])
        return rp_raise(ip, ip->exc.ImportError,
                        "attempted relative import with no known parent "
                        "package");
    return 0;
}

/* The absolute name for (name, level) seen from globals. */
static rc_object *absolute_name(rp_interp *ip, rc_object *name,
                                rc_object *globals, int level) {
    if (level == 0) {
        if (rc_str_size(name) == 0) {
            rp_raise(ip, ip->exc.ValueError, "Empty module name");
            return NULL;
        }
        rc_incref(name);
        return name;
    }
    char base[512];
    if (resolve_package(ip, globals, base, sizeof base) < 0)
        return NULL;
    for (int i = 1; i < level; i++) {
        char *dot = strrchr(base, '.');
        if (!dot) {
            rp_raise(ip, ip->exc.ImportError,
                     "attempted relative import beyond top-level package");
            return NULL;
        }
        *dot = '\0';
    }
    if (rc_str_size(name) == 0)
        return rp_str(ip, base);
    return rc_str_from_format(ip->rt, "%s.%s", base, rc_str_utf8(name));
}

/* Imports every prefix of fullname; returns the last module (new) and
 * sets *top to the first (new, may be NULL when not asked). */
static rc_object *import_chain(rp_interp *ip, rc_object *fullname,
                               rc_object **top) {
    const char *full = rc_str_utf8(fullname);
    rc_object *parent = NULL;
    if (top)
        *top = NULL;
    for (const char *p = full;;) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - full) : strlen(full);
        rc_object *prefix = rc_str_from_utf8(ip->rt, full, n);
        rc_object *m = prefix ? import_one(ip, prefix, parent) : NULL;
        if (m && parent) { /* a submodule is an attribute of its package */
            rc_object *last =
                rc_str_from_utf8(ip->rt, p, (size_t)(full + n - p));
            if (!last || rp_setattr(ip, parent, last, m) < 0)
                rp_err_clear(ip);
            rc_xdecref(last);
        }
        rc_xdecref(prefix);
        if (top && !*top && m) {
            rc_incref(m);
            *top = m;
        }
        rc_xdecref(parent);
        if (!m || !dot) {
            if (!m && top) {
                rc_xdecref(*top);
                *top = NULL;
            }
            return m;
        }
        parent = m;
        p = dot + 1;
    }
}

/* from package import x: imports package.x for each name of fromlist that
 * the package lacks (a missing submodule is not an error here: IMPORT_FROM
 * reports it). */
static int handle_fromlist(rp_interp *ip, rc_object *m, rc_object *fromlist) {
    if (!rc_dict_getitem(MOD(m)->dict, ip->s.path))
        return 0;
    size_t n = rc_is_tuple(fromlist) ? rc_tuple_size(fromlist) : 0;
    for (size_t i = 0; i < n; i++) {
        rc_object *item = rc_tuple_get(fromlist, i);
        if (!rc_is_str(item) || strcmp(rc_str_utf8(item), "*") == 0 ||
            rc_dict_getitem(MOD(m)->dict, item))
            continue;
        rc_object *full = rc_str_from_format(ip->rt, "%s.%s", rp_module_name(m),
                                             rc_str_utf8(item));
        rc_object *sub = full ? import_chain(ip, full, NULL) : NULL;
        if (!sub) {
            bool missing = rp_err_matches(ip, ip->exc.ModuleNotFoundError);
            if (!missing) {
                rc_xdecref(full);
                return -1;
            }
            rp_err_clear(ip);
        }
        rc_xdecref(sub);
        rc_xdecref(full);
    }
    return 0;
}

static bool fromlist_empty(rc_object *fromlist) {
    return !fromlist || rc_is_none(fromlist) ||
           (rc_is_tuple(fromlist) && rc_tuple_size(fromlist) == 0) ||
           (rc_is_list(fromlist) && rc_list_size(fromlist) == 0);
}

rc_object *rp_import(rp_interp *ip, rc_object *name, rc_object *globals,
                     rc_object *fromlist, int level) {
    if (!rc_is_str(name)) {
        rp_raise(ip, ip->exc.TypeError, "module name must be str, not %s",
                 rc_type_name(name));
        return NULL;
    }
    if (level < 0) {
        rp_raise(ip, ip->exc.ValueError, "level must be >= 0");
        return NULL;
    }
    rc_object *full = absolute_name(ip, name, globals, level);
    if (!full)
        return NULL;
    bool want_top = fromlist_empty(fromlist) && level == 0;
    rc_object *top = NULL;
    rc_object *m = import_chain(ip, full, want_top ? &top : NULL);
    rc_decref(full);
    if (!m)
        return NULL;
    if (want_top) {
        rc_decref(m);
        return top;
    }
    if (!fromlist_empty(fromlist) && handle_fromlist(ip, m, fromlist) < 0) {
        rc_decref(m);
        return NULL;
    }
    return m;
}

rc_object *rp_import_cstr(rp_interp *ip, const char *name) {
    rc_object *n = rp_str(ip, name);
    if (!n)
        return NULL;
    rc_object *m = import_chain(ip, n, NULL);
    rc_decref(n);
    return m;
}

/* ====================================================================== */
/* from m import x, from m import *                                       */
/* ====================================================================== */

static int cannot_import(rp_interp *ip, rc_object *module, rc_object *name) {
    rc_object *modname = rp_getattr(ip, module, ip->s.name);
    if (!modname || !rc_is_str(modname)) {
        rc_xdecref(modname);
        rp_err_clear(ip);
        return rp_raise(ip, ip->exc.ImportError, "cannot import name '%s'",
                        rc_str_utf8(name));
    }
    rc_object *file = NULL;
    if (rp_getattr_opt(ip, module, ip->s.file, &file) < 0)
        rp_err_clear(ip);
    char where[600];
    if (file && rc_is_str(file))
        snprintf(where, sizeof where, "%s", rc_str_utf8(file));
    else
        snprintf(where, sizeof where, "unknown location");
    const char *mn = rc_str_utf8(modname);
    int st = is_importing(ip, modname)
                 ? rp_raise(ip, ip->exc.ImportError,
                            "cannot import name '%s' from partially "
                            "initialized module '%s' (most likely due to a "
                            "circular import) (%s)",
                            rc_str_utf8(name), mn, where)
                 : rp_raise(ip, ip->exc.ImportError,
                            "cannot import name '%s' from '%s' (%s)",
                            rc_str_utf8(name), mn, where);
    rc_object *exc = rp_err_fetch(ip);
    if (exc) {
        rc_object *n = rc_str_intern(ip->rt, "name");
        rc_object *p = rc_str_intern(ip->rt, "path");
        if (n && p) {
            rp_inst_attr_set(ip, exc, n, modname);
            rp_inst_attr_set(ip, exc, p, file ? file : ip->none);
        }
        rc_xdecref(n);
        rc_xdecref(p);
        rp_err_clear(ip);
        rp_err_restore(ip, exc);
    }
    rc_xdecref(file);
    rc_decref(modname);
    return st;
}

rc_object *rp_import_from(rp_interp *ip, rc_object *module, rc_object *name) {
    rc_object *v = NULL;
    int r = rp_getattr_opt(ip, module, name, &v);
    if (r != 0)
        return r > 0 ? v : NULL;
    rc_object *modname = NULL;
    if (rp_getattr_opt(ip, module, ip->s.name, &modname) < 0)
        rp_err_clear(ip);
    if (modname && rc_is_str(modname)) {
        rc_object *full = rc_str_from_format(
            ip->rt, "%s.%s", rc_str_utf8(modname), rc_str_utf8(name));
        v = full ? rc_dict_getitem(ip->modules, full) : NULL;
        rc_xdecref(full);
        if (v) {
            rc_decref(modname);
            rc_incref(v);
            return v;
        }
    }
    rc_xdecref(modname);
    rp_err_clear(ip);
    cannot_import(ip, module, name);
    return NULL;
}

static int store_name(rp_interp *ip, rc_object *module, rc_object *name,
                      rc_object *locals) {
    rc_object *v = rp_getattr(ip, module, name);
    if (!v)
        return -1;
    int r = rc_setitem(locals, name, v);
    rc_decref(v);
    return r;
}

int rp_import_star(rp_interp *ip, rc_object *module, rc_object *locals) {
    rc_object *all = NULL;
    if (rp_getattr_opt(ip, module, ip->s.all, &all) < 0)
        return -1;
    if (all) {
        rc_object *it = rc_iter(all);
        rc_decref(all);
        if (!it)
            return -1;
        rc_object *name;
        int r;
        while ((r = rc_next(it, &name)) > 0) {
            r = store_name(ip, module, name, locals);
            rc_decref(name);
            if (r < 0)
                break;
        }
        rc_decref(it);
        return r;
    }
    rc_object *dict = rp_getattr(ip, module, ip->s.dict);
    rc_object *keys = dict ? rc_list_new(ip->rt) : NULL;
    rc_object *k, *v;
    for (size_t pos = 0; keys && rc_dict_next(dict, &pos, &k, &v);)
        if (rc_is_str(k) && rc_str_utf8(k)[0] != '_' &&
            rc_list_append(keys, k) < 0)
            break;
    rc_xdecref(dict);
    if (!keys)
        return -1;
    int r = 0;
    for (size_t i = 0; r == 0 && i < rc_list_size(keys); i++)
        r = store_name(ip, module, rc_list_get(keys, (ptrdiff_t)i), locals);
    rc_decref(keys);
    return r < 0 ? -1 : 0;
}

/* ====================================================================== */
/* rcpy -m module                                                         */
/* ====================================================================== */

/* Where `-m name` finds its code: *file filled (a module file, or a
 * package's __main__.py), or *src for an embedded module. 1 found, 0 not,
 * negative when importing the parent package failed. */
static int find_main(rp_interp *ip, const char *name, char *file, size_t cap,
                     const char **src, size_t *len) {
    const char *dot = strrchr(name, '.');
    rc_object *dirs = ip->path, *parent = NULL;
    if (dot) {
        char pkg[512];
        snprintf(pkg, sizeof pkg, "%.*s", (int)(dot - name), name);
        parent = rp_import_cstr(ip, pkg);
        if (!parent)
            return -1;
        dirs = rc_dict_getitem(MOD(parent)->dict, ip->s.path);
    }
    char pkgdir[PATH_MAX];
    int found = search(ip, dirs, dot ? dot + 1 : name, file, cap, pkgdir,
                       sizeof pkgdir);
    rc_xdecref(parent);
    if (found && pkgdir[0]) {
        snprintf(file, cap, "%s/__main__.py", pkgdir);
        return is_file(file);
    }
    if (found || dot)
        return found;
    *src = rp_lib_source(name, len);
    return *src != NULL;
}

int rp_run_module(rp_interp *ip, const char *name) {
    char file[2 * PATH_MAX];
    const char *src = NULL;
    size_t len = 0;
    int found = find_main(ip, name, file, sizeof file, &src, &len);
    if (found < 0)
        return rp_handle_uncaught(ip) ? 1 : -1;
    if (!found) {
        fprintf(stderr, "rcpy: No module named %s\n", name);
        ip->exit_code = 1;
        return -1;
    }
    if (src)
        return rp_run_source(ip, src, len, "<frozen>", NULL);
    char *text = read_all(file, &len);
    if (!text) {
        fprintf(stderr, "rcpy: can't open file '%s'\n", file);
        ip->exit_code = 2;
        return -1;
    }
    rc_object *argv = rp_sys_get(ip, "argv");
    rc_object *path = rp_str(ip, file);
    if (!path || !argv || !rc_is_list(argv) || rc_list_size(argv) == 0 ||
        rc_list_set(argv, 0, path) < 0)
        rp_err_clear(ip);
    rc_xdecref(path);
    int r = rp_run_source(ip, text, len, file, NULL);
    free(text);
    return r;
}
