/*
 * mod_ospath.c — the posixpath module, which os binds as os.path: pure
 * path arithmetic (join, split, basename, dirname, splitext, normpath,
 * abspath, relpath, commonprefix, isabs, expanduser, expandvars) done on
 * the UTF-8 text the way CPython's posixpath does it, and the questions
 * asked of the file system (exists, isfile, isdir, islink, getsize,
 * getmtime, getatime, getctime, samefile, realpath).
 *
 * Invariant: every function returns a new str (or bool/number) and never
 * changes its argument; a path argument is a str or has __fspath__.
 */
#define _XOPEN_SOURCE 700 /* realpath, lstat */
#include "btypes.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The one path argument of fname (new str), or NULL. */
static rc_object *one_path(rp_interp *ip, const char *fname,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    if (rp_check_args(ip, fname, nargs, kwnames, 1, 1) < 0)
        return NULL;
    return bt_fspath(ip, args[0], NULL);
}

/* The byte index just past the last '/' of s (0 when none). */
static size_t after_last_slash(const char *s, size_t n) {
    while (n > 0 && s[n - 1] != '/')
        n--;
    return n;
}

/* ====================================================================== */
/* Path arithmetic                                                        */
/* ====================================================================== */

BT_CFUNC(p_join) {
    if (rp_check_args(ip, "join", nargs, kwnames, 1, (size_t)-1) < 0)
        return NULL;
    bt_buf b;
    bt_buf_init(&b, ip);
    for (size_t i = 0; i < nargs; i++) {
        rc_object *v = bt_fspath(ip, args[i], NULL);
        if (!v) {
            if (i > 0 && rp_err_matches(ip, ip->exc.TypeError)) {
                rp_err_clear(ip);
                rp_raise(ip, ip->exc.TypeError,
                         "join() argument must be str, bytes, or os.PathLike "
                         "object, not '%s'",
                         rp_tname(args[i]));
            }
            bt_buf_free(&b);
            return NULL;
        }
        const char *s = rc_str_utf8(v);
        if (s[0] == '/')
            b.len = 0;
        else if (b.len > 0 && b.p[b.len - 1] != '/')
            bt_buf_add(&b, "/", 1);
        bt_buf_add_str(&b, v);
        rc_decref(v);
    }
    return bt_buf_finish(&b);
}

/* head and tail of split(p), as byte lengths: head is s[0, *head), tail
 * s[*tail, n). */
static void split_at(const char *s, size_t n, size_t *head, size_t *tail) {
    size_t i = after_last_slash(s, n), h = i;
    bool all_slashes = true;
    for (size_t k = 0; k < i; k++)
        all_slashes &= s[k] == '/';
    while (!all_slashes && h > 0 && s[h - 1] == '/')
        h--;
    *head = h;
    *tail = i;
}

BT_CFUNC(p_split) {
    rc_object *p = one_path(ip, "split", args, nargs, kwnames);
    if (!p)
        return NULL;
    const char *s = rc_str_utf8(p);
    size_t n = rc_str_size(p), h, t;
    split_at(s, n, &h, &t);
    rc_object *a = bt_str_n(ip, s, h), *b = bt_str_n(ip, s + t, n - t);
    rc_object *r = a && b ? rc_tuple_pack(ip->rt, 2, a, b) : NULL;
    rc_xdecref(a), rc_xdecref(b), rc_decref(p);
    return r;
}

BT_CFUNC(p_dirname) {
    rc_object *p = one_path(ip, "dirname", args, nargs, kwnames);
    if (!p)
        return NULL;
    size_t h, t;
    split_at(rc_str_utf8(p), rc_str_size(p), &h, &t);
    rc_object *r = bt_str_n(ip, rc_str_utf8(p), h);
    rc_decref(p);
    return r;
}

BT_CFUNC(p_basename) {
    rc_object *p = one_path(ip, "basename", args, nargs, kwnames);
    if (!p)
        return NULL;
    size_t n = rc_str_size(p), i = after_last_slash(rc_str_utf8(p), n);
    rc_object *r = bt_str_n(ip, rc_str_utf8(p) + i, n - i);
    rc_decref(p);
    return r;
}

/* The byte index where splitext's extension starts (n when none): the
 * last dot of the last component, unless only dots precede it there. */
static size_t ext_start(const char *s, size_t n) {
    size_t base = after_last_slash(s, n), dot = n;
    for (size_t i = n; i > base; i--)
        if (s[i - 1] == '.') {
            dot = i - 1;
            break;
        }
    if (dot == n)
        return n;
    for (size_t i = base; i < dot; i++)
        if (s[i] != '.')
            return dot;
    return n;
}

BT_CFUNC(p_splitext) {
    rc_object *p = one_path(ip, "splitext", args, nargs, kwnames);
    if (!p)
        return NULL;
    const char *s = rc_str_utf8(p);
    size_t n = rc_str_size(p), e = ext_start(s, n);
    rc_object *a = bt_str_n(ip, s, e), *b = bt_str_n(ip, s + e, n - e);
    rc_object *r = a && b ? rc_tuple_pack(ip->rt, 2, a, b) : NULL;
    rc_xdecref(a), rc_xdecref(b), rc_decref(p);
    return r;
}

BT_CFUNC(p_isabs) {
    rc_object *p = one_path(ip, "isabs", args, nargs, kwnames);
    if (!p)
        return NULL;
    bool abs_ = rc_str_utf8(p)[0] == '/';
    rc_decref(p);
    return rp_new_ref(rp_bool(ip, abs_));
}

/* normpath of s: collapses "//", "." and "a/.." (POSIX keeps exactly two
 * leading slashes). */
static rc_object *normalize(rp_interp *ip, const char *s, size_t n) {
    if (n == 0)
        return rp_str(ip, ".");
    size_t lead = s[0] != '/'                                        ? 0
                  : (n > 1 && s[1] == '/' && (n < 3 || s[2] != '/')) ? 2
                                                                     : 1;
    /* the kept components, as offsets/lengths into s */
    size_t cap = n / 2 + 2, k = 0;
    size_t *off = rc_malloc(ip->rt, cap * 2 * sizeof *off);
    if (!off)
        return NULL;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '/')
            j++;
        size_t len = j - i;
        bool dot = len == 1 && s[i] == '.';
        bool dotdot = len == 2 && s[i] == '.' && s[i + 1] == '.';
        bool last_dotdot = k > 0 && off[2 * k - 1] == 2 &&
                           s[off[2 * k - 2]] == '.' &&
                           s[off[2 * k - 2] + 1] == '.';
        if (len == 0 || dot) {
        } else if (!dotdot || (!lead && k == 0) || last_dotdot) {
            off[2 * k] = i, off[2 * k + 1] = len, k++;
        } else if (k > 0) {
            k--;
        }
        i = j + 1;
    }
    bt_buf b;
    bt_buf_init(&b, ip);
    bt_buf_add(&b, "//", lead);
    for (size_t c = 0; c < k; c++) {
        if (c)
            bt_buf_add(&b, "/", 1);
        bt_buf_add(&b, s + off[2 * c], off[2 * c + 1]);
    }
    if (b.len == 0)
        bt_buf_add(&b, ".", 1);
    rc_free(ip->rt, off, cap * 2 * sizeof *off);
    return bt_buf_finish(&b);
}

BT_CFUNC(p_normpath) {
    rc_object *p = one_path(ip, "normpath", args, nargs, kwnames);
    if (!p)
        return NULL;
    rc_object *r = normalize(ip, rc_str_utf8(p), rc_str_size(p));
    rc_decref(p);
    return r;
}

/* abspath of path (a str): normpath(join(getcwd(), path)). */
static rc_object *absolute(rp_interp *ip, rc_object *path) {
    const char *s = rc_str_utf8(path);
    if (s[0] == '/')
        return normalize(ip, s, rc_str_size(path));
    char *cwd = getcwd(NULL, 0);
    if (!cwd) {
        bt_raise_oserror(ip, errno, NULL, NULL);
        return NULL;
    }
    bt_buf b;
    bt_buf_init(&b, ip);
    bt_buf_add_cstr(&b, cwd);
    free(cwd);
    bt_buf_add(&b, "/", 1);
    bt_buf_add_str(&b, path);
    rc_object *joined = bt_buf_finish(&b);
    rc_object *r =
        joined ? normalize(ip, rc_str_utf8(joined), rc_str_size(joined)) : NULL;
    rc_xdecref(joined);
    return r;
}

BT_CFUNC(p_abspath) {
    rc_object *p = one_path(ip, "abspath", args, nargs, kwnames);
    rc_object *r = p ? absolute(ip, p) : NULL;
    rc_xdecref(p);
    return r;
}

BT_CFUNC(p_realpath) {
    rc_object *p = one_path(ip, "realpath", args, nargs, kwnames);
    if (!p)
        return NULL;
    char *real = realpath(rc_str_utf8(p), NULL);
    rc_object *r = real ? rp_str(ip, real) : absolute(ip, p);
    free(real);
    rc_decref(p);
    return r;
}

/* The components of an absolute, normalized path (a new list). */
static rc_object *components(rp_interp *ip, rc_object *path) {
    rc_object *abs_ = absolute(ip, path);
    rc_object *slash = abs_ ? rp_str(ip, "/") : NULL;
    rc_object *parts = slash ? rc_str_split(abs_, slash, -1) : NULL;
    rc_xdecref(slash);
    rc_xdecref(abs_);
    rc_object *out = parts ? rc_list_new(ip->rt) : NULL;
    for (size_t i = 0; out && i < rc_list_size(parts); i++) {
        rc_object *c = rc_list_get(parts, (ptrdiff_t)i);
        if (rc_str_size(c) && rc_list_append(out, c) < 0) {
            rc_decref(out);
            out = NULL;
        }
    }
    rc_xdecref(parts);
    return out;
}

BT_CFUNC(p_relpath) {
    static const char *const names[] = {"path", "start", NULL};
    static const rp_argspec spec = {"relpath", names, 1, 2, 0};
    rc_object *a[2];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    rc_object *p = bt_fspath(ip, a[0], NULL);
    rc_object *st = p ? (a[1] && a[1] != ip->none ? bt_fspath(ip, a[1], NULL)
                                                  : rp_str(ip, "."))
                      : NULL;
    if (st && rc_str_size(p) == 0)
        rp_raise(ip, ip->exc.ValueError, "no path specified");
    rc_object *pl = st && rc_str_size(p) ? components(ip, p) : NULL;
    rc_object *sl = pl ? components(ip, st) : NULL;
    rc_object *r = NULL;
    if (sl) {
        size_t i = 0, np = rc_list_size(pl), ns = rc_list_size(sl);
        while (i < np && i < ns &&
               rc_equal(rc_list_get(pl, (ptrdiff_t)i),
                        rc_list_get(sl, (ptrdiff_t)i)) > 0)
            i++;
        bt_buf b;
        bt_buf_init(&b, ip);
        for (size_t k = i; k < ns; k++)
            bt_buf_add_cstr(&b, b.len ? "/.." : "..");
        for (size_t k = i; k < np; k++) {
            if (b.len)
                bt_buf_add(&b, "/", 1);
            bt_buf_add_str(&b, rc_list_get(pl, (ptrdiff_t)k));
        }
        if (b.len == 0)
            bt_buf_add(&b, ".", 1);
        r = bt_buf_finish(&b);
    }
    rc_xdecref(p), rc_xdecref(st), rc_xdecref(pl), rc_xdecref(sl);
    return r;
}

BT_CFUNC(p_commonprefix) {
    if (rp_check_args(ip, "commonprefix", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *list = bt_list_from(ip, args[0]);
    if (!list)
        return NULL;
    size_t n = rc_list_size(list);
    rc_object *first = n ? rc_list_get(list, 0) : NULL;
    size_t len = first && rc_is_str(first) ? rc_str_size(first) : 0;
    for (size_t i = 1; first && i < n; i++) {
        rc_object *s = rc_list_get(list, (ptrdiff_t)i);
        if (!rc_is_str(s)) {
            rc_decref(list);
            rp_raise(ip, ip->exc.TypeError,
                     "expected str, bytes or os.PathLike object, not %s",
                     rp_tname(s));
            return NULL;
        }
        size_t k = 0;
        while (k < len && k < rc_str_size(s) &&
               rc_str_utf8(s)[k] == rc_str_utf8(first)[k])
            k++;
        len = k;
    }
    while (len > 0 && first && (rc_str_utf8(first)[len] & 0xC0) == 0x80)
        len--; /* never cut a character in two */
    rc_object *r = first ? bt_str_n(ip, rc_str_utf8(first), len)
                         : rc_str_intern(ip->rt, "");
    rc_decref(list);
    return r;
}

BT_CFUNC(p_expanduser) {
    rc_object *p = one_path(ip, "expanduser", args, nargs, kwnames);
    if (!p)
        return NULL;
    const char *s = rc_str_utf8(p), *home = getenv("HOME");
    if (s[0] != '~' || (s[1] && s[1] != '/') || !home)
        return p;
    bt_buf b;
    bt_buf_init(&b, ip);
    size_t hn = strlen(home);
    while (hn > 1 && home[hn - 1] == '/')
        hn--;
    bt_buf_add(&b, home, hn);
    bt_buf_add_cstr(&b, s + 1);
    rc_decref(p);
    return bt_buf_finish(&b);
}

static bool name_char(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

BT_CFUNC(p_expandvars) {
    rc_object *p = one_path(ip, "expandvars", args, nargs, kwnames);
    if (!p)
        return NULL;
    const char *s = rc_str_utf8(p);
    bt_buf b;
    bt_buf_init(&b, ip);
    for (size_t i = 0; s[i];) {
        bool brace = s[i] == '$' && s[i + 1] == '{';
        size_t start = i + 1 + brace, j = start;
        while (s[i] == '$' && name_char(s[j]))
            j++;
        char name[256];
        size_t len = j - start;
        if (s[i] != '$' || len == 0 || len >= sizeof name ||
            (brace && s[j] != '}')) {
            bt_buf_add(&b, s + i++, 1);
            continue;
        }
        memcpy(name, s + start, len);
        name[len] = 0;
        const char *v = getenv(name);
        size_t end = j + brace;
        if (v)
            bt_buf_add_cstr(&b, v);
        else
            bt_buf_add(&b, s + i, end - i);
        i = end;
    }
    rc_decref(p);
    return bt_buf_finish(&b);
}

/* ====================================================================== */
/* Questions to the file system                                           */
/* ====================================================================== */

/* stat (or lstat) of the argument: 1 and *st, 0 when it does not exist
 * or cannot be reached, negative on a bad argument. */
static int stat_arg(rp_interp *ip, const char *fname, rc_object *const *args,
                    size_t nargs, rc_object *kwnames, bool link,
                    struct stat *st) {
    if (rp_check_args(ip, fname, nargs, kwnames, 1, 1) < 0)
        return -1;
    rc_object *p = bt_fspath(ip, args[0], "stat");
    if (!p)
        return -1;
    int r = link ? lstat(rc_str_utf8(p), st) : stat(rc_str_utf8(p), st);
    rc_decref(p);
    return r == 0;
}

#define STAT_TEST(fname, pyname, link, test)                                   \
    BT_CFUNC(fname) {                                                          \
        struct stat st;                                                        \
        int r = stat_arg(ip, pyname, args, nargs, kwnames, link, &st);         \
        return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r > 0 && (test)));        \
    }

STAT_TEST(p_exists, "exists", false, true)
STAT_TEST(p_lexists, "lexists", true, true)
STAT_TEST(p_isfile, "isfile", false, S_ISREG(st.st_mode))
STAT_TEST(p_isdir, "isdir", false, S_ISDIR(st.st_mode))
STAT_TEST(p_islink, "islink", true, S_ISLNK(st.st_mode))

/* getsize/getmtime ...: OSError when the file cannot be stat'ed. */
static int stat_or_raise(rp_interp *ip, const char *fname,
                         rc_object *const *args, size_t nargs,
                         rc_object *kwnames, struct stat *st) {
    rc_object *p = one_path(ip, fname, args, nargs, kwnames);
    if (!p)
        return -1;
    int r = stat(rc_str_utf8(p), st);
    if (r < 0)
        bt_raise_oserror(ip, errno, p, NULL);
    rc_decref(p);
    return r;
}

BT_CFUNC(p_getsize) {
    struct stat st;
    if (stat_or_raise(ip, "getsize", args, nargs, kwnames, &st) < 0)
        return NULL;
    return rc_int_from_i64(ip->rt, st.st_size);
}

#define STAT_TIME(fname, pyname, field)                                        \
    BT_CFUNC(fname) {                                                          \
        struct stat st;                                                        \
        if (stat_or_raise(ip, pyname, args, nargs, kwnames, &st) < 0)          \
            return NULL;                                                       \
        return rc_float_from_double(ip->rt, (double)st.field.tv_sec +          \
                                                st.field.tv_nsec * 1e-9);      \
    }

STAT_TIME(p_getmtime, "getmtime", st_mtim)
STAT_TIME(p_getatime, "getatime", st_atim)
STAT_TIME(p_getctime, "getctime", st_ctim)

BT_CFUNC(p_samefile) {
    struct stat a, b;
    if (rp_check_args(ip, "samefile", nargs, kwnames, 2, 2) < 0 ||
        stat_or_raise(ip, "samefile", args, 1, NULL, &a) < 0 ||
        stat_or_raise(ip, "samefile", args + 1, 1, NULL, &b) < 0)
        return NULL;
    return rp_new_ref(
        rp_bool(ip, a.st_dev == b.st_dev && a.st_ino == b.st_ino));
}

static const rp_methoddef path_functions[] = {
    {"join", p_join, 0, "Join two or more pathname components."},
    {"split", p_split, 0, "Split a pathname into (head, tail)."},
    {"dirname", p_dirname, 0,
     "Returns the directory component of a "
     "pathname"},
    {"basename", p_basename, 0, "Returns the final component of a pathname"},
    {"splitext", p_splitext, 0, "Split the extension from a pathname."},
    {"isabs", p_isabs, 0, "Test whether a path is absolute"},
    {"normpath", p_normpath, 0,
     "Normalize path, eliminating double slashes, "
     "etc."},
    {"abspath", p_abspath, 0, "Return an absolute path."},
    {"realpath", p_realpath, 0,
     "Return the canonical path of the specified "
     "filename."},
    {"relpath", p_relpath, 0, "Return a relative version of a path"},
    {"commonprefix", p_commonprefix, 0,
     "Given a list of pathnames, returns the longest common leading "
     "component"},
    {"expanduser", p_expanduser, 0, "Expand ~ and ~user constructions."},
    {"expandvars", p_expandvars, 0,
     "Expand shell variables of form $var and ${var}."},
    {"exists", p_exists, 0, "Test whether a path exists."},
    {"lexists", p_lexists, 0,
     "Test whether a path exists (a broken "
     "symbolic link too)."},
    {"isfile", p_isfile, 0, "Test whether a path is a regular file"},
    {"isdir", p_isdir, 0,
     "Return true if the pathname refers to an existing "
     "directory."},
    {"islink", p_islink, 0, "Test whether a path is a symbolic link"},
    {"getsize", p_getsize, 0,
     "Return the size of a file, reported by "
     "os.stat()."},
    {"getmtime", p_getmtime, 0,
     "Return the last modification time of a "
     "file, reported by os.stat()."},
    {"getatime", p_getatime, 0,
     "Return the last access time of a file, "
     "reported by os.stat()."},
    {"getctime", p_getctime, 0,
     "Return the metadata change time of a file, "
     "reported by os.stat()."},
    {"samefile", p_samefile, 0,
     "Test whether two pathnames reference the "
     "same actual file or directory"},
    {NULL},
};

int rp_init_os_path_module(rp_interp *ip, rc_object *module) {
    static const char *const strs[][2] = {
        {"sep", "/"},
        {"extsep", "."},
        {"pathsep", ":"},
        {"curdir", "."},
        {"pardir", ".."},
        {"devnull", "/dev/null"},
        {"defpath", "/bin:/usr/bin"},
    };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        rc_object *v = rp_str(ip, strs[i][1]);
        if (!v || rp_module_add_object(ip, module, strs[i][0], v) < 0)
            return -1;
    }
    rc_incref(ip->none);
    if (rp_module_add_object(ip, module, "altsep", ip->none) < 0)
        return -1;
    return rp_module_add_functions(ip, module, path_functions);
}
