/*
 * mod_time.c — the time module: clocks (time, time_ns, perf_counter,
 * monotonic, process_time and their _ns forms), sleep, and calendar time
 * (localtime, gmtime, mktime, strftime, asctime, ctime) with struct_time.
 *
 * struct_time is a small class deriving from tuple, defined by Python
 * source run in the module's namespace at import (named fields, CPython's
 * repr; tm_zone and tm_gmtoff by name only); the C functions make its
 * instances from 11 items and read them as 9-item tuples.
 * Clocks are POSIX clock_gettime: CLOCK_REALTIME, CLOCK_MONOTONIC and
 * CLOCK_PROCESS_CPUTIME_ID. sleep() is interrupted by SIGINT at the next
 * safe point (KeyboardInterrupt), as CPython's is.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, nanosleep, localtime_r */
#define _DEFAULT_SOURCE         /* struct tm's tm_zone and tm_gmtoff */
#include "btypes.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>

/* ====================================================================== */
/* Clocks                                                                 */
/* ====================================================================== */

static int64_t clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static rc_object *clock_value(rp_interp *ip, size_t nargs, rc_object *kwnames,
                              const char *name, clockid_t id, bool ns) {
    if (rp_check_args(ip, name, nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (ns)
        return rc_int_from_i64(ip->rt, clock_ns(id));
    struct timespec ts;
    clock_gettime(id, &ts);
    return rc_float_from_double(ip->rt, (double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

#define CLOCK_FUNC(fname, pyname, id, ns)                                      \
    BT_CFUNC(fname) {                                                          \
        return clock_value(ip, nargs, kwnames, pyname, id, ns);                \
    }

CLOCK_FUNC(t_time, "time", CLOCK_REALTIME, false)
CLOCK_FUNC(t_time_ns, "time_ns", CLOCK_REALTIME, true)
CLOCK_FUNC(t_perf_counter, "perf_counter", CLOCK_MONOTONIC, false)
CLOCK_FUNC(t_perf_counter_ns, "perf_counter_ns", CLOCK_MONOTONIC, true)
CLOCK_FUNC(t_monotonic, "monotonic", CLOCK_MONOTONIC, false)
CLOCK_FUNC(t_monotonic_ns, "monotonic_ns", CLOCK_MONOTONIC, true)
CLOCK_FUNC(t_process_time, "process_time", CLOCK_PROCESS_CPUTIME_ID, false)
CLOCK_FUNC(t_process_time_ns, "process_time_ns", CLOCK_PROCESS_CPUTIME_ID, true)

BT_CFUNC(t_sleep) {
    double secs;
    if (rp_check_args(ip, "sleep", nargs, kwnames, 1, 1) < 0 ||
        rp_float(ip, args[0], &secs) < 0)
        return NULL;
    if (secs < 0 || isnan(secs)) {
        rp_raise(ip, ip->exc.ValueError, "sleep length must be non-negative");
        return NULL;
    }
    struct timespec req = {(time_t)secs, (long)((secs - floor(secs)) * 1e9)},
                    rem;
    while (nanosleep(&req, &rem) < 0 && errno == EINTR) {
        if (rp_safepoint(ip) < 0)
            return NULL;
        req = rem;
    }
    return rp_new_ref(ip->none);
}

/* ====================================================================== */
/* Calendar time                                                          */
/* ====================================================================== */

/* struct_time(tm): a new instance of the module's struct_time class, with
 * the zone's name and offset as CPython's (tm_zone, tm_gmtoff). */
static rc_object *make_struct_time(rp_interp *ip, rc_object *module,
                                   const struct tm *tm) {
    int64_t v[10] = {tm->tm_year + 1900,    tm->tm_mon + 1,  tm->tm_mday,
                     tm->tm_hour,           tm->tm_min,      tm->tm_sec,
                     (tm->tm_wday + 6) % 7, tm->tm_yday + 1, tm->tm_isdst,
                     tm->tm_gmtoff};
    rc_object *t = rc_tuple_new(ip->rt, 11);
    for (size_t i = 0; t && i < 11; i++) {
        rc_object *x = i == 9    ? rp_str(ip, tm->tm_zone ? tm->tm_zone : "")
                       : i == 10 ? rc_int_from_i64(ip->rt, v[9])
                                 : rc_int_from_i64(ip->rt, v[i]);
        if (!x) {
            rc_decref(t);
            return NULL;
        }
        rc_tuple_init_item(t, i, x);
    }
    rc_object *cls = t ? rp_getattr_cstr(ip, module, "struct_time") : NULL;
    rc_object *r = cls ? rp_call1(ip, cls, t) : NULL;
    rc_xdecref(cls);
    rc_xdecref(t);
    return r;
}

/* A struct_time or 9-tuple argument as struct tm. */
static int read_tm(rp_interp *ip, rc_object *o, const char *fname,
                   struct tm *tm) {
    rc_object *t = bt_tuple_from(ip, o);
    if (!t)
        return -1;
    int st = 0;
    if (rc_tuple_size(t) != 9)
        st = rp_raise(ip, ip->exc.TypeError,
                      "%s(): illegal time tuple argument", fname);
    ptrdiff_t v[9] = {0};
    for (size_t i = 0; st == 0 && i < 9; i++)
        st = bt_index(ip, rc_tuple_get(t, i), &v[i]);
    rc_decref(t);
    if (st < 0)
        return -1;
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)v[0] - 1900, tm->tm_mon = (int)v[1] - 1;
    tm->tm_mday = (int)v[2], tm->tm_hour = (int)v[3];
    tm->tm_min = (int)v[4], tm->tm_sec = (int)v[5];
    tm->tm_wday = (int)(v[6] + 1) % 7, tm->tm_yday = (int)v[7] - 1;
    tm->tm_isdst = (int)v[8];
    return 0;
}

/* The seconds argument of localtime/gmtime/ctime (None: now). */
static int secs_arg(rp_interp *ip, rc_object *const *args, size_t nargs,
                    time_t *out) {
    if (!nargs || args[0] == ip->none) {
        *out = time(NULL);
        return 0;
    }
    double d;
    if (rp_float(ip, args[0], &d) < 0)
        return -1;
    if (!isfinite(d))
        return rp_raise(ip, ip->exc.ValueError, "Invalid value %s",
                        isnan(d) ? "NaN (not a number)" : "infinity");
    *out = (time_t)floor(d);
    return 0;
}

static rc_object *broken_down(rp_interp *ip, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames, const char *name, bool utc) {
    time_t t;
    struct tm tm;
    if (rp_check_args(ip, name, nargs, kwnames, 0, 1) < 0 ||
        secs_arg(ip, args, nargs, &t) < 0)
        return NULL;
    if (!(utc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm))) {
        rp_raise(ip, ip->exc.OverflowError,
                 "timestamp out of range for "
                 "platform time_t");
        return NULL;
    }
    return make_struct_time(ip, self, &tm);
}

BT_CFUNC(t_localtime) {
    return broken_down(ip, self, args, nargs, kwnames, "localtime", false);
}

BT_CFUNC(t_gmtime) {
    return broken_down(ip, self, args, nargs, kwnames, "gmtime", true);
}

BT_CFUNC(t_mktime) {
    struct tm tm;
    if (rp_check_args(ip, "mktime", nargs, kwnames, 1, 1) < 0 ||
        read_tm(ip, args[0], "mktime", &tm) < 0)
        return NULL;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        rp_raise(ip, ip->exc.OverflowError, "mktime argument out of range");
        return NULL;
    }
    return rc_float_from_double(ip->rt, (double)t);
}

/* The struct tm of an optional time-tuple argument (absent: now). */
static int tm_arg(rp_interp *ip, rc_object *const *args, size_t nargs, size_t i,
                  const char *fname, struct tm *tm) {
    if (nargs > i && args[i] != ip->none)
        return read_tm(ip, args[i], fname, tm);
    time_t now = time(NULL);
    localtime_r(&now, tm);
    return 0;
}

BT_CFUNC(t_strftime) {
    struct tm tm;
    if (rp_check_args(ip, "strftime", nargs, kwnames, 1, 2) < 0 ||
        bt_expect_str(ip, args[0], "strftime() argument 1") < 0 ||
        tm_arg(ip, args, nargs, 1, "strftime", &tm) < 0)
        return NULL;
    const char *fmt = rc_str_utf8(bt_value(args[0]));
    if (!*fmt)
        return rc_str_intern(ip->rt, "");
    for (size_t cap = 256; cap <= 1 << 20; cap *= 4) {
        char *buf = rc_malloc(ip->rt, cap);
        if (!buf)
            return NULL;
        size_t n = strftime(buf, cap, fmt, &tm);
        rc_object *r = n ? bt_str_n(ip, buf, n) : NULL;
        rc_free(ip->rt, buf, cap);
        if (n)
            return r;
    }
    return rc_str_intern(ip->rt, "");
}

static rc_object *asctime_of(rp_interp *ip, const struct tm *tm) {
    static const char days[] = "SunMonTueWedThuFriSat";
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    int wd = tm->tm_wday % 7, mo = tm->tm_mon % 12;
    return rc_str_from_format(
        ip->rt, "%.3s %.3s%3d %.2d:%.2d:%.2d %d", days + 3 * (wd < 0 ? 0 : wd),
        months + 3 * (mo < 0 ? 0 : mo), tm->tm_mday, tm->tm_hour, tm->tm_min,
        tm->tm_sec, tm->tm_year + 1900);
}

BT_CFUNC(t_asctime) {
    struct tm tm;
    if (rp_check_args(ip, "asctime", nargs, kwnames, 0, 1) < 0 ||
        tm_arg(ip, args, nargs, 0, "asctime", &tm) < 0)
        return NULL;
    return asctime_of(ip, &tm);
}

BT_CFUNC(t_ctime) {
    time_t t;
    struct tm tm;
    if (rp_check_args(ip, "ctime", nargs, kwnames, 0, 1) < 0 ||
        secs_arg(ip, args, nargs, &t) < 0)
        return NULL;
    localtime_r(&t, &tm);
    return asctime_of(ip, &tm);
}

/* ====================================================================== */
/* The module                                                             */
/* ====================================================================== */

/* struct_time: a tuple of 9 with named fields (CPython's struct sequence),
 * and tm_zone and tm_gmtoff beyond them, by name only. */
static const char struct_time_src[] =
    "class struct_time(tuple):\n"
    "    n_sequence_fields = 9\n"
    "    n_fields = 11\n"
    "    n_unnamed_fields = 0\n"
    "    _fields = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min',\n"
    "               'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')\n"
    "    def __new__(cls, seq, dict=None):\n"
    "        seq = tuple(seq)\n"
    "        n = len(seq)\n"
    "        if n < 9:\n"
    "            raise TypeError('time.struct_time() takes an at least "
    "9-sequence (%d-sequence given)' % n)\n"
    "        if n > 11:\n"
    "            raise TypeError('time.struct_time() takes an at most "
    "11-sequence (%d-sequence given)' % n)\n"
    "        self = tuple.__new__(cls, seq[:9])\n"
    "        extra = list(seq[9:]) + [None] * (11 - n)\n"
    "        if dict is not None:\n"
    "            for i, name in enumerate(('tm_zone', 'tm_gmtoff')):\n"
    "                if 9 + i >= n:\n"
    "                    extra[i] = dict.get(name)\n"
    "        self._extra = tuple(extra)\n"
    "        return self\n"
    "    def __repr__(self):\n"
    "        return 'time.struct_time(' + ', '.join(\n"
    "            '%s=%r' % (n, v) for n, v in zip(self._fields, self)) + ')'\n"
    "    def __reduce__(self):\n"
    "        return (struct_time, (tuple(self), {'tm_zone': self._extra[0],\n"
    "                                            'tm_gmtoff': "
    "self._extra[1]}))\n"
    "    tm_zone = property(lambda self: self._extra[0])\n"
    "    tm_gmtoff = property(lambda self: self._extra[1])\n"
    "for _i, _n in enumerate(struct_time._fields):\n"
    "    setattr(struct_time, _n, property(lambda self, _i=_i: self[_i]))\n"
    "struct_time.__module__ = 'time'\n"
    "del _i, _n\n";

static const rp_methoddef time_functions[] = {
    {"time", t_time, 0, "Return the current time in seconds since the Epoch."},
    {"time_ns", t_time_ns, 0,
     "Return the current time in nanoseconds since the Epoch."},
    {"perf_counter", t_perf_counter, 0,
     "Performance counter for benchmarking."},
    {"perf_counter_ns", t_perf_counter_ns, 0,
     "Performance counter for benchmarking as nanoseconds."},
    {"monotonic", t_monotonic, 0, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", t_monotonic_ns, 0,
     "Monotonic clock, cannot go backward, as nanoseconds."},
    {"process_time", t_process_time, 0,
     "Process time for profiling: sum of the kernel and user-space CPU "
     "time."},
    {"process_time_ns", t_process_time_ns, 0,
     "Process time for profiling as nanoseconds."},
    {"sleep", t_sleep, 0, "Delay execution for a given number of seconds."},
    {"localtime", t_localtime, 0,
     "Convert seconds since the Epoch to a time tuple expressing local "
     "time."},
    {"gmtime", t_gmtime, 0,
     "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"mktime", t_mktime, 0,
     "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", t_strftime, 0,
     "Convert a time tuple to a string according to a format "
     "specification."},
    {"asctime", t_asctime, 0,
     "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", t_ctime, 0,
     "Convert a time in seconds since the Epoch to a "
     "string in local time."},
    {NULL},
};

int rp_init_time_module(rp_interp *ip, rc_object *module) {
    if (rp_module_add_functions(ip, module, time_functions) < 0)
        return -1;
    return bt_run_source(ip, module, struct_time_src, "<time>");
}
