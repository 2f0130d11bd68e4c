/*
 * mod_psutil.c — `_psutil`, the part of rcpy's psutil that reads the
 * operating system (Linux's /proc), as psutil 5.9's _psutil_linux and
 * _pslinux do; rcpy/lib/psutil.py builds psutil's API on it (Process,
 * named-tuple results, the exception classes).
 *
 * Every function reads its /proc file afresh (no caching) and returns
 * plain values: numbers in bytes, fields in psutil's order. A file that
 * cannot be read raises FileNotFoundError (no such process: ENOENT, ESRCH),
 * PermissionError (EACCES, EPERM) or OSError, which psutil.py turns into
 * NoSuchProcess / AccessDenied.
 */
#define _POSIX_C_SOURCE 200809L /* kill */
#include "rcpy.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ====================================================================== */
/* Reading /proc                                                          */
/* ====================================================================== */

static int raise_errno(rp_interp *ip, int err, const char *path) {
    rp_class *cls = ip->exc.OSError;
    if (err == ENOENT || err == ESRCH)
        cls = ip->exc.FileNotFoundError;
    else if (err == EACCES || err == EPERM)
        cls = ip->exc.PermissionError;
    return rp_raise(ip, cls, "[Errno %d] %s: '%s'", err, strerror(err), path);
}

/* The whole file (malloc'd, NUL-terminated, *len bytes before the NUL), or
 * NULL with the error raised. /proc files report no size: read to EOF. */
static char *read_file(rp_interp *ip, const char *path, size_t *len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        raise_errno(ip, errno, path);
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    ssize_t got = 0;
    while (buf && (got = read(fd, buf + n, cap - n - 1)) > 0) {
        n += (size_t)got;
        if (n + 1 == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    int err = got < 0 ? errno : 0;
    close(fd);
    if (!buf || err) {
        free(buf);
        if (err)
            raise_errno(ip, err, path);
        else
            rp_raise(ip, ip->exc.MemoryError, "reading %s", path);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* /proc/<pid>/<what> (pid < 0: /proc/<what>). */
static char *read_proc(rp_interp *ip, int64_t pid, const char *what,
                       size_t *len) {
    char path[64];
    if (pid < 0)
        snprintf(path, sizeof path, "/proc/%s", what);
    else
        snprintf(path, sizeof path, "/proc/%lld/%s", (long long)pid, what);
    return read_file(ip, path, len);
}

/* The line at *cursor (its newline replaced by NUL), moving *cursor to
 * the next one; NULL at the end of the text. */
static char *next_line(char **cursor) {
    char *line = *cursor;
    if (!line || !*line)
        return NULL;
    char *nl = strchr(line, '\n');
    if (nl)
        *nl++ = '\0';
    *cursor = nl;
    return line;
}

/* The pid argument: an int (TypeError otherwise). */
static int pid_arg(rp_interp *ip, const char *fname, rc_object *const *args,
                   size_t nargs, rc_object *kwnames, int64_t *pid) {
    if (rp_check_args(ip, fname, nargs, kwnames, 1, 1) < 0)
        return -1;
    if (!rc_is_int(args[0]) || rc_int_to_i64(args[0], pid) < 0) {
        rp_err_clear(ip);
        return rp_raise(ip, ip->exc.TypeError, "pid must be an integer");
    }
    return 0;
}

/* A tuple of n ints. */
static rc_object *int_tuple(rp_interp *ip, const int64_t *v, size_t n) {
    rc_object *t = rc_tuple_new(ip->rt, n);
    for (size_t i = 0; t && i < n; i++) {
        rc_object *x = rc_int_from_i64(ip->rt, v[i]);
        if (!x) {
            rc_decref(t);
            return NULL;
        }
        rc_tuple_init_item(t, i, x);
    }
    return t;
}

/* ====================================================================== */
/* One process                                                            */
/* ====================================================================== */

/* memory_info(): statm's size resident shared text lib data dt, in pages,
 * as psutil's (rss, vms, shared, text, lib, data, dirty) in bytes. */
static rc_object *ps_statm(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    (void)self;
    int64_t pid;
    if (pid_arg(ip, "proc_statm", args, nargs, kwnames, &pid) < 0)
        return NULL;
    size_t len;
    char *text = read_proc(ip, pid, "statm", &len);
    if (!text)
        return NULL;
    long long f[7] = {0};
    int got = sscanf(text, "%lld %lld %lld %lld %lld %lld %lld", &f[0], &f[1],
                     &f[2], &f[3], &f[4], &f[5], &f[6]);
    free(text);
    if (got != 7) {
        rp_raise(ip, ip->exc.OSError, "malformed statm");
        return NULL;
    }
    int64_t page = sysconf(_SC_PAGESIZE);
    int64_t v[7] = {f[1] * page, f[0] * page, f[2] * page, f[3] * page,
                    f[4] * page, f[5] * page, f[6] * page};
    return int_tuple(ip, v, 7);
}

/* The number of a "Name:   123 kB" line, in bytes when its unit is kB. */
static int64_t line_value(const char *line) {
    const char *colon = strchr(line, ':');
    if (!colon)
        return 0;
    char *end;
    int64_t v = strtoll(colon + 1, &end, 10);
    return strstr(end, "kB") ? v * 1024 : v;
}

/* memory_full_info()'s extra fields from smaps_rollup: uss (every
 * Private_* line), pss, swap. */
static rc_object *ps_smaps(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    (void)self;
    int64_t pid;
    if (pid_arg(ip, "proc_smaps", args, nargs, kwnames, &pid) < 0)
        return NULL;
    size_t len;
    char *text = read_proc(ip, pid, "smaps_rollup", &len);
    if (!text)
        return NULL;
    int64_t v[3] = {0, 0, 0}; /* uss pss swap */
    char *cursor = text;
    for (char *line; (line = next_line(&cursor));) {
        if (strncmp(line, "Private_", 8) == 0)
            v[0] += line_value(line);
        else if (strncmp(line, "Pss:", 4) == 0)
            v[1] = line_value(line);
        else if (strncmp(line, "Swap:", 5) == 0)
            v[2] = line_value(line);
    }
    free(text);
    return int_tuple(ip, v, 3);
}

/* /proc/<pid>/stat: (name, state letter, ppid, start time in clock ticks
 * since boot). The name is between the first '(' and the last ')'. */
static rc_object *ps_stat(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    (void)self;
    int64_t pid;
    if (pid_arg(ip, "proc_stat", args, nargs, kwnames, &pid) < 0)
        return NULL;
    size_t len;
    char *text = read_proc(ip, pid, "stat", &len);
    if (!text)
        return NULL;
    char *open = strchr(text, '('), *close = strrchr(text, ')');
    char state[2] = "?";
    long long ppid = 0, start = 0;
    bool ok = open && close && close > open &&
              sscanf(close + 1, " %c %lld", &state[0], &ppid) == 2;
    /* start time is field 22; the state is field 3 */
    char *p = ok ? close + 2 : NULL;
    for (int field = 3; p && field < 22; field++) {
        p = strchr(p, ' ');
        p = p ? p + 1 : NULL;
    }
    if (p)
        start = strtoll(p, NULL, 10);
    rc_object *r = NULL;
    if (ok) {
        *close = '\0';
        rc_object *name = rc_str_from_cstr(ip->rt, open + 1);
        rc_object *st = name ? rc_str_from_cstr(ip->rt, state) : NULL;
        rc_object *pp = st ? rc_int_from_i64(ip->rt, ppid) : NULL;
        rc_object *sb = pp ? rc_int_from_i64(ip->rt, start) : NULL;
        r = sb ? rc_tuple_pack(ip->rt, 4, name, st, pp, sb) : NULL;
        rc_xdecref(name);
        rc_xdecref(st);
        rc_xdecref(pp);
        rc_xdecref(sb);
    } else {
        rp_raise(ip, ip->exc.OSError, "malformed stat");
    }
    free(text);
    return r;
}

/* /proc/<pid>/cmdline: the arguments (NUL-separated) as a list of str. */
static rc_object *ps_cmdline(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    (void)self;
    int64_t pid;
    if (pid_arg(ip, "proc_cmdline", args, nargs, kwnames, &pid) < 0)
        return NULL;
    size_t len;
    char *text = read_proc(ip, pid, "cmdline", &len);
    if (!text)
        return NULL;
    rc_object *list = rc_list_new(ip->rt);
    for (size_t i = 0; list && i < len; i += strlen(text + i) + 1) {
        rc_object *s = rc_str_from_cstr(ip->rt, text + i);
        if (!s || rc_list_append(list, s) < 0) {
            rc_decref(list);
            list = NULL;
        }
        rc_xdecref(s);
    }
    free(text);
    return list;
}

/* ====================================================================== */
/* The system                                                             */
/* ====================================================================== */

/* /proc/meminfo as {"MemTotal": bytes, ...} (the kB lines; others as
 * their number). */
static rc_object *ps_meminfo(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    (void)self;
    (void)args;
    if (rp_check_args(ip, "meminfo", nargs, kwnames, 0, 0) < 0)
        return NULL;
    size_t len;
    char *text = read_proc(ip, -1, "meminfo", &len);
    if (!text)
        return NULL;
    rc_object *d = rc_dict_new(ip->rt);
    char *cursor = text;
    for (char *line; d && (line = next_line(&cursor));) {
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        int64_t v = line_value(line);
        *colon = '\0';
        rc_object *k = rc_str_from_cstr(ip->rt, line);
        rc_object *n = k ? rc_int_from_i64(ip->rt, v) : NULL;
        if (!n || rc_dict_setitem(d, k, n) < 0) {
            rc_decref(d);
            d = NULL;
        }
        rc_xdecref(k);
        rc_xdecref(n);
    }
    free(text);
    return d;
}

/* (boot time in seconds since the epoch, clock ticks per second) */
static rc_object *ps_clock(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    (void)self;
    (void)args;
    if (rp_check_args(ip, "clock", nargs, kwnames, 0, 0) < 0)
        return NULL;
    size_t len;
    char *text = read_proc(ip, -1, "stat", &len);
    if (!text)
        return NULL;
    char *b = strstr(text, "\nbtime ");
    int64_t v[2] = {b ? strtoll(b + 7, NULL, 10) : 0, sysconf(_SC_CLK_TCK)};
    free(text);
    return int_tuple(ip, v, 2);
}

/* pid_exists: kill(pid, 0) succeeds or is refused (EPERM: it exists). */
static rc_object *ps_pid_exists(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    (void)self;
    int64_t pid;
    if (pid_arg(ip, "pid_exists", args, nargs, kwnames, &pid) < 0)
        return NULL;
    bool exists;
    if (pid < 0 || pid > INT32_MAX)
        exists = false;
    else if (pid == 0)
        exists = true; /* psutil: pid 0 exists on Linux (the scheduler) */
    else
        exists = kill((pid_t)pid, 0) == 0 || errno == EPERM;
    return rp_bool(ip, exists);
}

static const rp_methoddef psutil_functions[] = {
    {"proc_statm", ps_statm, 0, NULL},
    {"proc_smaps", ps_smaps, 0, NULL},
    {"proc_stat", ps_stat, 0, NULL},
    {"proc_cmdline", ps_cmdline, 0, NULL},
    {"meminfo", ps_meminfo, 0, NULL},
    {"clock", ps_clock, 0, NULL},
    {"pid_exists", ps_pid_exists, 0, NULL},
    {NULL},
};

int rp_init_psutil_module(rp_interp *ip, rc_object *module) {
    return rp_module_add_functions(ip, module, psutil_functions);
}
