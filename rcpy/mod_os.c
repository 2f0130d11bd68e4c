/*
 * mod_os.c — the os module (POSIX): process facts (getpid, getppid,
 * getcwd, chdir, cpu_count), the environment (environ, getenv), files and
 * folders (listdir, remove/unlink, rename/replace, symlink, mkdir,
 * makedirs, rmdir, stat, access, system, fspath, strerror; walk, written
 * in Python as CPython's is), and the path constants (sep, linesep, curdir
 * ...). os.path is the posixpath module (mod_ospath.c), which this module
 * imports and binds, and registers as sys.modules["os.path"].
 *
 * os.environ is a dict made from the process environment at import:
 * reading it works as in CPython; writing it does not change the
 * environment of the process (no putenv). Failures raise the OSError
 * subclass of errno with the path ("[Errno 2] No such file or directory:
 * 'x'").
 */
#define _POSIX_C_SOURCE 200809L
#include "btypes.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

/* The path argument of function fname, a new str, or NULL. */
static rc_object *path_of(rp_interp *ip, rc_object *o, const char *fname) {
    return bt_fspath(ip, o, fname);
}

static rc_object *none_or_error(rp_interp *ip, int r, rc_object *path,
                                rc_object *path2) {
    if (r < 0) {
        bt_raise_oserror(ip, errno, path, path2);
        return NULL;
    }
    return rp_new_ref(ip->none);
}

/* ====================================================================== */
/* The process                                                            */
/* ====================================================================== */

BT_CFUNC(os_getpid) {
    if (rp_check_args(ip, "getpid", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_int_from_i64(ip->rt, getpid());
}

BT_CFUNC(os_getppid) {
    if (rp_check_args(ip, "getppid", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_int_from_i64(ip->rt, getppid());
}

BT_CFUNC(os_getcwd) {
    if (rp_check_args(ip, "getcwd", nargs, kwnames, 0, 0) < 0)
        return NULL;
    char *cwd = getcwd(NULL, 0);
    if (!cwd) {
        bt_raise_oserror(ip, errno, NULL, NULL);
        return NULL;
    }
    rc_object *r = rp_str(ip, cwd);
    free(cwd);
    return r;
}

BT_CFUNC(os_chdir) {
    if (rp_check_args(ip, "chdir", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *p = path_of(ip, args[0], "chdir");
    rc_object *r = p ? none_or_error(ip, chdir(rc_str_utf8(p)), p, NULL) : NULL;
    rc_xdecref(p);
    return r;
}

BT_CFUNC(os_cpu_count) {
    if (rp_check_args(ip, "cpu_count", nargs, kwnames, 0, 0) < 0)
        return NULL;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? rc_int_from_i64(ip->rt, n) : rp_new_ref(ip->none);
}

BT_CFUNC(os_system) {
    if (rp_check_args(ip, "system", nargs, kwnames, 1, 1) < 0 ||
        bt_expect_str(ip, args[0], "system() argument 'command'") < 0)
        return NULL;
    rc_object *out = rp_sys_get(ip, "stdout"), *err = rp_sys_get(ip, "stderr");
    if ((out && rp_file_flush(ip, out) < 0) ||
        (err && rp_file_flush(ip, err) < 0))
        return NULL;
    return rc_int_from_i64(ip->rt, system(rc_str_utf8(bt_value(args[0]))));
}

/* ====================================================================== */
/* The environment                                                        */
/* ====================================================================== */

static rc_object *make_environ(rp_interp *ip) {
    rc_object *d = rc_dict_new(ip->rt);
    for (char **e = environ; d && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        rc_object *k = bt_str_n(ip, *e, (size_t)(eq - *e));
        rc_object *v = k ? rp_str(ip, eq + 1) : NULL;
        int r = v ? rc_dict_setitem(d, k, v) : -1;
        rc_xdecref(k);
        rc_xdecref(v);
        if (r < 0) {
            rp_err_clear(ip); /* not UTF-8: left out */
        }
    }
    return d;
}

BT_CFUNC(os_getenv) {
    static const char *const names[] = {"key", "default", NULL};
    static const rp_argspec spec = {"getenv", names, 1, 2, 0};
    rc_object *a[2];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!rc_is_str(bt_value(a[0]))) {
        rp_raise(ip, ip->exc.TypeError, "str expected, not %s", rp_tname(a[0]));
        return NULL;
    }
    rc_object *env = rp_getattr_cstr(ip, self, "environ");
    if (!env)
        return NULL;
    rc_object *v = rc_getitem(env, bt_value(a[0]));
    rc_decref(env);
    if (v || !rp_err_matches(ip, ip->exc.KeyError))
        return v;
    rp_err_clear(ip);
    return rp_new_ref(a[1] ? a[1] : ip->none);
}

/* ====================================================================== */
/* Files and folders                                                      */
/* ====================================================================== */

BT_CFUNC(os_listdir) {
    if (rp_check_args(ip, "listdir", nargs, kwnames, 0, 1) < 0)
        return NULL;
    rc_object *p = nargs && args[0] != ip->none
                       ? path_of(ip, args[0], "listdir")
                       : rp_str(ip, ".");
    if (!p)
        return NULL;
    DIR *d = opendir(rc_str_utf8(p));
    if (!d) {
        bt_raise_oserror(ip, errno, p, NULL);
        rc_decref(p);
        return NULL;
    }
    rc_object *list = rc_list_new(ip->rt);
    for (struct dirent *e; list && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        rc_object *name = rp_str(ip, e->d_name);
        if (!name || rc_list_append(list, name) < 0) {
            rc_xdecref(name);
            rc_decref(list);
            list = NULL;
            break;
        }
        rc_decref(name);
    }
    closedir(d);
    rc_decref(p);
    return list;
}

/* remove/unlink/rmdir: one path, one C call. */
static rc_object *path_call(rp_interp *ip, rc_object *const *args, size_t nargs,
                            rc_object *kwnames, const char *fname,
                            int (*fn)(const char *)) {
    if (rp_check_args(ip, fname, nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *p = path_of(ip, args[0], fname);
    rc_object *r = p ? none_or_error(ip, fn(rc_str_utf8(p)), p, NULL) : NULL;
    rc_xdecref(p);
    return r;
}

BT_CFUNC(os_remove) {
    return path_call(ip, args, nargs, kwnames, "remove", unlink);
}

BT_CFUNC(os_unlink) {
    return path_call(ip, args, nargs, kwnames, "unlink", unlink);
}

BT_CFUNC(os_rmdir) {
    return path_call(ip, args, nargs, kwnames, "rmdir", rmdir);
}

/* op(a, b) on two paths: rename, replace, symlink (whose third argument,
 * target_is_directory, matters only on Windows). */
static rc_object *two_paths(rp_interp *ip, rc_object *const *args, size_t nargs,
                            rc_object *kwnames, const char *fname,
                            int (*op)(const char *, const char *)) {
    if (rp_check_args(ip, fname, nargs, kwnames, 2, op == symlink ? 3 : 2) < 0)
        return NULL;
    rc_object *a = path_of(ip, args[0], fname);
    rc_object *b = a ? path_of(ip, args[1], fname) : NULL;
    rc_object *r =
        b ? none_or_error(ip, op(rc_str_utf8(a), rc_str_utf8(b)), a, b) : NULL;
    rc_xdecref(a);
    rc_xdecref(b);
    return r;
}

BT_CFUNC(os_rename) {
    return two_paths(ip, args, nargs, kwnames, "rename", rename);
}

BT_CFUNC(os_replace) {
    return two_paths(ip, args, nargs, kwnames, "replace", rename);
}

BT_CFUNC(os_symlink) {
    return two_paths(ip, args, nargs, kwnames, "symlink", symlink);
}

BT_CFUNC(os_mkdir) {
    static const char *const names[] = {"path", "mode", NULL};
    static const rp_argspec spec = {"mkdir", names, 1, 2, 0};
    rc_object *a[2];
    ptrdiff_t mode = 0777;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0 ||
        (a[1] && bt_index(ip, a[1], &mode) < 0))
        return NULL;
    rc_object *p = path_of(ip, a[0], "mkdir");
    rc_object *r =
        p ? none_or_error(ip, mkdir(rc_str_utf8(p), (mode_t)mode), p, NULL)
          : NULL;
    rc_xdecref(p);
    return r;
}

/* mkdir -p: each missing parent, then the folder (EEXIST on the last one
 * is an error unless exist_ok and it is a folder). */
static int make_dirs(rp_interp *ip, rc_object *path, mode_t mode,
                     bool exist_ok) {
    const char *s = rc_str_utf8(path);
    size_t n = rc_str_size(path);
    char *buf = rc_malloc(ip->rt, n + 1);
    if (!buf)
        return -1;
    memcpy(buf, s, n + 1);
    for (size_t i = 1; i < n; i++) {
        if (buf[i] != '/' || buf[i - 1] == '/')
            continue;
        buf[i] = 0;
        if (mkdir(buf, mode) < 0 && errno != EEXIST) {
            rc_object *p = rp_str(ip, buf);
            bt_raise_oserror(ip, errno, p, NULL);
            rc_xdecref(p);
            rc_free(ip->rt, buf, n + 1);
            return -1;
        }
        buf[i] = '/';
    }
    rc_free(ip->rt, buf, n + 1);
    struct stat st;
    if (mkdir(s, mode) == 0 || (errno == EEXIST && exist_ok &&
                                stat(s, &st) == 0 && S_ISDIR(st.st_mode)))
        return 0;
    return bt_raise_oserror(ip, errno, path, NULL);
}

BT_CFUNC(os_makedirs) {
    static const char *const names[] = {"name", "mode", "exist_ok", NULL};
    static const rp_argspec spec = {"makedirs", names, 1, 3, 0};
    rc_object *a[3];
    ptrdiff_t mode = 0777;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0 ||
        (a[1] && bt_index(ip, a[1], &mode) < 0))
        return NULL;
    int ok = a[2] ? rp_truth(ip, a[2]) : 0;
    rc_object *p = ok >= 0 ? path_of(ip, a[0], "makedirs") : NULL;
    if (!p)
        return NULL;
    int r = make_dirs(ip, p, (mode_t)mode, ok > 0);
    rc_decref(p);
    return r < 0 ? NULL : rp_new_ref(ip->none);
}

BT_CFUNC(os_access) {
    static const char *const names[] = {"path", "mode", NULL};
    static const rp_argspec spec = {"access", names, 2, 2, 0};
    rc_object *a[2];
    ptrdiff_t mode;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0 ||
        bt_index(ip, a[1], &mode) < 0)
        return NULL;
    rc_object *p = path_of(ip, a[0], "access");
    if (!p)
        return NULL;
    bool ok = access(rc_str_utf8(p), (int)mode) == 0;
    rc_decref(p);
    return rp_new_ref(rp_bool(ip, ok));
}

/* ====================================================================== */
/* stat                                                                   */
/* ====================================================================== */

/* os.stat_result: the ten classic fields as a tuple of ints, the times
 * also as floats (st_atime ...) and in nanoseconds (st_atime_ns ...). */
static const char stat_result_src[] =
    "class stat_result(tuple):\n"
    "    n_sequence_fields = 10\n"
    "    _fields = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid',\n"
    "               'st_gid', 'st_size', 'st_atime', 'st_mtime', "
    "'st_ctime')\n"
    "    def __new__(cls, seq, times=None):\n"
    "        self = tuple.__new__(cls, seq[:10])\n"
    "        self._times = times or (seq[7], seq[8], seq[9], 0, 0, 0)\n"
    "        return self\n"
    "    def __repr__(self):\n"
    "        return 'os.stat_result(' + ', '.join(\n"
    "            '%s=%r' % (n, v) for n, v in zip(self._fields, self)) + ')'\n"
    "    st_mode = property(lambda self: self[0])\n"
    "    st_ino = property(lambda self: self[1])\n"
    "    st_dev = property(lambda self: self[2])\n"
    "    st_nlink = property(lambda self: self[3])\n"
    "    st_uid = property(lambda self: self[4])\n"
    "    st_gid = property(lambda self: self[5])\n"
    "    st_size = property(lambda self: self[6])\n"
    "    st_atime = property(lambda self: self._times[0])\n"
    "    st_mtime = property(lambda self: self._times[1])\n"
    "    st_ctime = property(lambda self: self._times[2])\n"
    "    st_atime_ns = property(lambda self: self._times[3])\n"
    "    st_mtime_ns = property(lambda self: self._times[4])\n"
    "    st_ctime_ns = property(lambda self: self._times[5])\n"
    "stat_result.__module__ = 'os'\n"
    /* os.walk: CPython's order (the folder's own listing order), pruning
     * through the dirs list a top-down caller edits, onerror for folders
     * that cannot be listed, symlinked folders entered only when asked */
    "def walk(top, topdown=True, onerror=None, followlinks=False):\n"
    "    top = fspath(top)\n"
    "    try:\n"
    "        names = listdir(top)\n"
    "    except OSError as err:\n"
    "        if onerror is not None:\n"
    "            onerror(err)\n"
    "        return\n"
    "    dirs, nondirs = [], []\n"
    "    for name in names:\n"
    "        (dirs if path.isdir(path.join(top, name)) else "
    "nondirs).append(name)\n"
    "    if topdown:\n"
    "        yield top, dirs, nondirs\n"
    "    for name in dirs:\n"
    "        sub = path.join(top, name)\n"
    "        if followlinks or not path.islink(sub):\n"
    "            yield from walk(sub, topdown, onerror, followlinks)\n"
    "    if not topdown:\n"
    "        yield top, dirs, nondirs\n";

static rc_object *ts_float(rp_interp *ip, struct timespec t) {
    return rc_float_from_double(ip->rt, (double)t.tv_sec + t.tv_nsec * 1e-9);
}

static rc_object *ts_ns(rp_interp *ip, struct timespec t) {
    return rc_int_from_i64(ip->rt, (int64_t)t.tv_sec * 1000000000 + t.tv_nsec);
}

static rc_object *stat_tuple(rp_interp *ip, const struct stat *st) {
    rc_object *v[10] = {
        rc_int_from_i64(ip->rt, st->st_mode),
        rc_int_from_u64(ip->rt, st->st_ino),
        rc_int_from_u64(ip->rt, st->st_dev),
        rc_int_from_i64(ip->rt, (int64_t)st->st_nlink),
        rc_int_from_i64(ip->rt, st->st_uid),
        rc_int_from_i64(ip->rt, st->st_gid),
        rc_int_from_i64(ip->rt, st->st_size),
        rc_int_from_i64(ip->rt, st->st_atim.tv_sec),
        rc_int_from_i64(ip->rt, st->st_mtim.tv_sec),
        rc_int_from_i64(ip->rt, st->st_ctim.tv_sec),
    };
    rc_object *t = rc_tuple_new(ip->rt, 10);
    for (size_t i = 0; i < 10; i++) {
        if (t && v[i])
            rc_tuple_init_item(t, i, v[i]);
        else
            rc_xdecref(v[i]);
        if (!v[i] && t) {
            rc_decref(t);
            t = NULL;
        }
    }
    return t;
}

static rc_object *stat_times(rp_interp *ip, const struct stat *st) {
    rc_object *v[6] = {ts_float(ip, st->st_atim), ts_float(ip, st->st_mtim),
                       ts_float(ip, st->st_ctim), ts_ns(ip, st->st_atim),
                       ts_ns(ip, st->st_mtim),    ts_ns(ip, st->st_ctim)};
    rc_object *t = v[0] && v[1] && v[2] && v[3] && v[4] && v[5]
                       ? rc_tuple_from_array(ip->rt, v, 6)
                       : NULL;
    for (size_t i = 0; i < 6; i++)
        rc_xdecref(v[i]);
    return t;
}

BT_CFUNC(os_stat) {
    static const char *const names[] = {"path", "dir_fd", "follow_symlinks",
                                        NULL};
    static const rp_argspec spec = {"stat", names, 1, 1, 0};
    rc_object *a[3];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int follow = a[2] ? rp_truth(ip, a[2]) : 1;
    rc_object *p = follow >= 0 ? path_of(ip, a[0], "stat") : NULL;
    if (!p)
        return NULL;
    struct stat st;
    int r = follow ? stat(rc_str_utf8(p), &st) : lstat(rc_str_utf8(p), &st);
    if (r < 0) {
        bt_raise_oserror(ip, errno, p, NULL);
        rc_decref(p);
        return NULL;
    }
    rc_decref(p);
    rc_object *seq = stat_tuple(ip, &st), *times = stat_times(ip, &st);
    rc_object *cls =
        seq && times ? rp_getattr_cstr(ip, self, "stat_result") : NULL;
    rc_object *argv[2] = {seq, times};
    rc_object *res = cls ? rp_call(ip, cls, argv, 2, NULL) : NULL;
    rc_xdecref(cls), rc_xdecref(seq), rc_xdecref(times);
    return res;
}

/* ====================================================================== */
/* The module                                                             */
/* ====================================================================== */

BT_CFUNC(os_fspath) {
    static const char *const names[] = {"path", NULL};
    static const rp_argspec spec = {"fspath", names, 1, 1, 0};
    rc_object *a[1];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (rc_is_str(a[0])) /* a str subclass comes back as itself */
        return rp_new_ref(a[0]);
    return bt_fspath(ip, a[0], NULL);
}

BT_CFUNC(os_strerror) {
    if (rp_check_args(ip, "strerror", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *i = bt_int_arg(ip, args[0]);
    int64_t code = 0;
    bool fits =
        i && rc_int_to_i64(i, &code) == 0 && code >= INT_MIN && code <= INT_MAX;
    if (i && !fits) {
        rp_err_clear(ip);
        rp_raise(ip, ip->exc.OverflowError,
                 "Python int too large to convert to C int");
    }
    rc_xdecref(i);
    return fits ? rp_str(ip, strerror((int)code)) : NULL;
}

static const rp_methoddef os_functions[] = {
    {"getpid", os_getpid, 0, "Return the current process id."},
    {"getppid", os_getppid, 0, "Return the parent's process id."},
    {"getcwd", os_getcwd, 0,
     "Return a unicode string representing the current working directory."},
    {"chdir", os_chdir, 0,
     "Change the current working directory to the "
     "specified path."},
    {"cpu_count", os_cpu_count, 0,
     "Return the number of CPUs in the "
     "system; return None if indeterminable."},
    {"system", os_system, 0, "Execute the command in a subshell."},
    {"getenv", os_getenv, 0,
     "Get an environment variable, return None if it doesn't exist."},
    {"listdir", os_listdir, 0,
     "Return a list containing the names of the files in the directory."},
    {"remove", os_remove, 0, "Remove a file (same as unlink())."},
    {"unlink", os_unlink, 0, "Remove a file (same as remove())."},
    {"rmdir", os_rmdir, 0, "Remove a directory."},
    {"rename", os_rename, 0, "Rename a file or directory."},
    {"replace", os_replace, 0,
     "Rename a file or directory, overwriting the destination."},
    {"mkdir", os_mkdir, 0, "Create a directory."},
    {"makedirs", os_makedirs, 0,
     "Super-mkdir; create a leaf directory and "
     "all intermediate ones."},
    {"access", os_access, 0,
     "Use the real uid/gid to test for access to a path."},
    {"stat", os_stat, 0, "Perform a stat system call on the given path."},
    {"symlink", os_symlink, 0,
     "Create a symbolic link pointing to src named dst."},
    {"fspath", os_fspath, 0,
     "Return the file system path representation of the object."},
    {"strerror", os_strerror, 0,
     "Translate an error code to a message string."},
    {NULL},
};

static int add_str(rp_interp *ip, rc_object *module, const char *name,
                   const char *value) {
    rc_object *v = rp_str(ip, value);
    return v ? rp_module_add_object(ip, module, name, v) : -1;
}

static int add_constants(rp_interp *ip, rc_object *module) {
    static const char *const strs[][2] = {
        {"name", "posix"}, {"sep", "/"},
        {"extsep", "."},   {"pathsep", ":"},
        {"linesep", "\n"}, {"curdir", "."},
        {"pardir", ".."},  {"devnull", "/dev/null"},
    };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        if (add_str(ip, module, strs[i][0], strs[i][1]) < 0)
            return -1;
    static const struct {
        const char *name;
        int value;
    } ints[] = {{"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK}};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        rc_object *v = rc_int_from_i64(ip->rt, ints[i].value);
        if (!v || rp_module_add_object(ip, module, ints[i].name, v) < 0)
            return -1;
    }
    rc_incref(ip->none);
    return rp_module_add_object(ip, module, "altsep", ip->none);
}

/* os.path is posixpath, also known to sys.modules as "os.path". */
static int add_path(rp_interp *ip, rc_object *module) {
    rc_object *path = rp_import_cstr(ip, "posixpath");
    rc_object *key = path ? rp_str(ip, "os.path") : NULL;
    int r = key ? rc_dict_setitem(ip->modules, key, path) : -1;
    rc_xdecref(key);
    if (r == 0)
        return rp_module_add_object(ip, module, "path", path);
    rc_xdecref(path);
    return -1;
}

int rp_init_os_module(rp_interp *ip, rc_object *module) {
    rc_object *env = make_environ(ip);
    if (!env || rp_module_add_object(ip, module, "environ", env) < 0 ||
        rp_module_add_functions(ip, module, os_functions) < 0 ||
        add_constants(ip, module) < 0)
        return -1;
    if (bt_run_source(ip, module, stat_result_src, "<os>") < 0)
        return -1;
    return add_path(ip, module);
}
