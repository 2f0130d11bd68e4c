/*
 * bt_str.c — the class str: str(x) and the methods that search, split,
 * join, strip, replace, pad and format text, built on rcgc's str
 * operations (rc_str_split, rc_str_find, rc_str_format ...). Case and
 * character-class methods are in bt_strcase.c, translate/maketrans/
 * expandtabs/partition in bt_strmore.c.
 *
 * Every method takes its arguments as CPython 3.11's str does (mostly
 * positional-only; split, rsplit and splitlines also by keyword) and
 * reports bad ones in its words. Arguments that are instances of str
 * subclasses are unwrapped to their value first (bt_value).
 */
#include "btypes.h"

#include <stdio.h>
#include <string.h>

/* The str an argument holds, or NULL with TypeError "<prefix>must be str,
 * not int". */
static rc_object *str_arg(rp_interp *ip, rc_object *o, const char *prefix) {
    rc_object *v = bt_value(o);
    if (rc_is_str(v))
        return v;
    rp_raise(ip, ip->exc.TypeError, "%smust be str, not %s", prefix,
             prefix[0] ? bt_arg_tname(ip, o) : rp_tname(o));
    return NULL;
}

rc_object *bt_str_arg1(rp_interp *ip, const char *name, rc_object *const *args,
                       size_t nargs, rc_object *kwnames, const char *prefix) {
    char qual[40];
    snprintf(qual, sizeof qual, "str.%s", name);
    if (rp_check_args(ip, qual, nargs, kwnames, 1, 1) < 0)
        return NULL;
    return str_arg(ip, args[0], prefix);
}

/* A str-or-None argument (sep of split): *out NULL for None/absent. */
static int str_or_none(rp_interp *ip, rc_object *o, rc_object **out) {
    *out = NULL;
    if (!o || o == ip->none)
        return 0;
    rc_object *v = bt_value(o);
    if (!rc_is_str(v))
        return rp_raise(ip, ip->exc.TypeError, "must be str or None, not %s",
                        rp_tname(o));
    *out = v;
    return 0;
}

/* ====================================================================== */
/* str(x)                                                                 */
/* ====================================================================== */

static rc_object *str_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                          size_t nargs, rc_object *kwnames) {
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    static const rp_argspec spec = {"str", names, 0, 3, 0};
    rc_object *a[3];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 1; i < 3; i++) /* encoding, errors: strs */
        if (a[i] && !rc_is_str(bt_value(a[i]))) {
            rp_raise(ip, ip->exc.TypeError,
                     "str() argument '%s' must be str, not %s", names[i],
                     bt_arg_tname(ip, a[i]));
            return NULL;
        }
    if (a[1] || a[2]) { /* decoding: rcpy has no bytes */
        if (!a[0])
            return rc_str_intern(ip->rt, "");
        if (rc_is_str(bt_value(a[0])))
            rp_raise(ip, ip->exc.TypeError, "decoding str is not supported");
        else
            rp_raise(ip, ip->exc.TypeError,
                     "decoding to str: need a bytes-like object, %s found",
                     rp_tname(a[0]));
        return NULL;
    }
    if (!a[0])
        return rc_str_intern(ip->rt, "");
    rc_object *r = rc_str(a[0]);
    if (r && !rc_is_str(r)) { /* an instance of a str subclass */
        rc_object *v = rp_new_ref(bt_value(r));
        rc_decref(r);
        r = v;
    }
    return r;
}

/* ====================================================================== */
/* Searching                                                              */
/* ====================================================================== */

/* The arity check of find, count, startswith ... in their own words
 * ("find() takes at least 1 argument (0 given)"). */
static int old_style_args(rp_interp *ip, const char *name, size_t nargs,
                          rc_object *kwnames) {
    if (rp_kwcount(kwnames))
        return rp_raise(ip, ip->exc.TypeError,
                        "%s() takes no keyword arguments", name);
    if (nargs < 1)
        return rp_raise(ip, ip->exc.TypeError,
                        "%s() takes at least 1 argument (0 given)", name);
    if (nargs > 3)
        return rp_raise(ip, ip->exc.TypeError,
                        "%s() takes at most 3 arguments (%zu given)", name,
                        nargs);
    return 0;
}

/* sub, start and end of find/index/count ("find" names the method). */
static int find_args(rp_interp *ip, const char *name, rc_object *const *args,
                     size_t nargs, rc_object *kwnames, rc_object **sub,
                     ptrdiff_t *start, ptrdiff_t *end) {
    if (old_style_args(ip, name, nargs, kwnames) < 0)
        return -1;
    *start = 0;
    *end = PTRDIFF_MAX;
    if (nargs > 1 && bt_slice_arg(ip, args[1], start) < 0)
        return -1;
    if (nargs > 2 && bt_slice_arg(ip, args[2], end) < 0)
        return -1;
    return (*sub = str_arg(ip, args[0], "")) ? 0 : -1; /* CPython's order */
}

static rc_object *find_common(rp_interp *ip, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames, const char *name,
                              bool reverse, bool raise) {
    rc_object *sub;
    ptrdiff_t start, end;
    if (find_args(ip, name, args, nargs, kwnames, &sub, &start, &end) < 0)
        return NULL;
    ptrdiff_t i = reverse ? rc_str_rfind(self, sub, start, end)
                          : rc_str_find(self, sub, start, end);
    if (i < -1)
        return NULL;
    if (i == -1 && raise) {
        rp_raise(ip, ip->exc.ValueError, "substring not found");
        return NULL;
    }
    return rc_int_from_i64(ip->rt, i);
}

BT_CFUNC(str_find) {
    return find_common(ip, self, args, nargs, kwnames, "find", false, false);
}

BT_CFUNC(str_rfind) {
    return find_common(ip, self, args, nargs, kwnames, "rfind", true, false);
}

BT_CFUNC(str_index) {
    return find_common(ip, self, args, nargs, kwnames, "index", false, true);
}

BT_CFUNC(str_rindex) {
    return find_common(ip, self, args, nargs, kwnames, "rindex", true, true);
}

BT_CFUNC(str_count) {
    rc_object *sub;
    ptrdiff_t start, end, len = (ptrdiff_t)rc_str_length(self);
    if (find_args(ip, "count", args, nargs, kwnames, &sub, &start, &end) < 0)
        return NULL;
    bt_adjust_range(len, &start, &end);
    if (start > len)
        return rc_int_from_i64(ip->rt, 0);
    if (end < start)
        end = start;
    rc_object *part = rc_str_slice(self, start, end, 1);
    if (!part)
        return NULL;
    ptrdiff_t n = rc_str_count(part, sub);
    rc_decref(part);
    return n < 0 ? NULL : rc_int_from_i64(ip->rt, n);
}

/* startswith/endswith: prefix a str or a tuple of them, within
 * [start, end). */
static rc_object *affix_common(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames, const char *name,
                               bool suffix) {
    ptrdiff_t start = 0, end = PTRDIFF_MAX,
              len = (ptrdiff_t)rc_str_length(self);
    if (old_style_args(ip, name, nargs, kwnames) < 0 ||
        (nargs > 1 && bt_slice_arg(ip, args[1], &start) < 0) ||
        (nargs > 2 && bt_slice_arg(ip, args[2], &end) < 0))
        return NULL;
    rc_object *what = bt_value(args[0]);
    if (rc_is_tuple(what)) {
        for (size_t i = 0; i < rc_tuple_size(what); i++)
            if (!rc_is_str(bt_value(rc_tuple_get(what, i)))) {
                rp_raise(ip, ip->exc.TypeError,
                         "tuple for %s must only contain str, not %s", name,
                         rp_tname(rc_tuple_get(what, i)));
                return NULL;
            }
    } else if (!rc_is_str(what)) {
        rp_raise(ip, ip->exc.TypeError,
                 "%s first arg must be str or a tuple of str, not %s", name,
                 rp_tname(args[0]));
        return NULL;
    }
    bt_adjust_range(len, &start, &end);
    if (start > len)
        return rp_new_ref(ip->false_);
    rc_object *part = rc_str_slice(self, start, end < start ? start : end, 1);
    if (!part)
        return NULL;
    int r =
        suffix ? rc_str_endswith(part, what) : rc_str_startswith(part, what);
    rc_decref(part);
    return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r));
}

BT_CFUNC(str_startswith) {
    return affix_common(ip, self, args, nargs, kwnames, "startswith", false);
}

BT_CFUNC(str_endswith) {
    return affix_common(ip, self, args, nargs, kwnames, "endswith", true);
}

/* ====================================================================== */
/* Splitting and joining                                                  */
/* ====================================================================== */

static rc_object *split_common(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames, bool reverse) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    static const rp_argspec spec = {"split", names, 0, 2, 0};
    static const rp_argspec rspec = {"rsplit", names, 0, 2, 0};
    rc_object *a[2], *sep;
    ptrdiff_t max = -1;
    if (rp_parse_args(ip, reverse ? &rspec : &spec, args, nargs, kwnames, a) <
            0 ||
        (a[1] && bt_index(ip, a[1], &max) < 0) ||
        str_or_none(ip, a[0], &sep) < 0)
        return NULL;
    return reverse ? rc_str_rsplit(self, sep, max)
                   : rc_str_split(self, sep, max);
}

BT_CFUNC(str_split) {
    return split_common(ip, self, args, nargs, kwnames, false);
}

BT_CFUNC(str_rsplit) {
    return split_common(ip, self, args, nargs, kwnames, true);
}

BT_CFUNC(str_splitlines) {
    static const char *const names[] = {"keepends", NULL};
    static const rp_argspec spec = {"splitlines", names, 0, 1, 0};
    rc_object *a[1];
    ptrdiff_t keep = 0;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0 ||
        (a[0] && bt_index(ip, a[0], &keep) < 0))
        return NULL;
    return rc_str_splitlines(self, keep != 0);
}

static int unwrap_item(rp_interp *ip, rc_object *item, void *arg) {
    return rc_list_append(arg, bt_value(item));
}

/* Does a list or tuple hold an instance of a str subclass? */
static bool holds_wrapped(rc_object *seq) {
    bool list = rc_is_list(seq);
    size_t n = list ? rc_list_size(seq) : rc_tuple_size(seq);
    for (size_t i = 0; i < n; i++) {
        rc_object *o =
            list ? rc_list_get(seq, (ptrdiff_t)i) : rc_tuple_get(seq, i);
        if (rp_value_of(o))
            return true;
    }
    return false;
}

BT_CFUNC(str_join) {
    if (rp_check_args(ip, "str.join", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *it = bt_value(args[0]);
    if ((rc_is_list(it) || rc_is_tuple(it)) && !holds_wrapped(it))
        return rc_str_join(self, it);
    if (!rc_is_list(it) && !rc_is_tuple(it) && !rc_is_str(it)) {
        rc_object *probe = rc_iter(it);
        if (!probe) {
            rp_err_clear(ip);
            rp_raise(ip, ip->exc.TypeError, "can only join an iterable");
            return NULL;
        }
        rc_decref(probe);
    }
    rc_object *items = rc_list_new(ip->rt);
    if (!items || bt_foreach(ip, it, unwrap_item, items) < 0) {
        rc_xdecref(items);
        return NULL;
    }
    rc_object *r = rc_str_join(self, items);
    rc_decref(items);
    return r;
}

/* ====================================================================== */
/* Stripping and replacing                                                */
/* ====================================================================== */

static rc_object *strip_common(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames, const char *name, int side) {
    if (rp_check_args(ip, name, nargs, kwnames, 0, 1) < 0)
        return NULL;
    rc_object *chars = NULL;
    if (nargs && args[0] != ip->none) {
        chars = bt_value(args[0]);
        if (!rc_is_str(chars)) {
            rp_raise(ip, ip->exc.TypeError, "%s arg must be None or str", name);
            return NULL;
        }
    }
    return side < 0   ? rc_str_lstrip(self, chars)
           : side > 0 ? rc_str_rstrip(self, chars)
                      : rc_str_strip(self, chars);
}

BT_CFUNC(str_strip) {
    return strip_common(ip, self, args, nargs, kwnames, "strip", 0);
}

BT_CFUNC(str_lstrip) {
    return strip_common(ip, self, args, nargs, kwnames, "lstrip", -1);
}

BT_CFUNC(str_rstrip) {
    return strip_common(ip, self, args, nargs, kwnames, "rstrip", 1);
}

BT_CFUNC(str_replace) {
    if (rp_check_args(ip, "replace", nargs, kwnames, 2, 3) < 0)
        return NULL;
    rc_object *old = str_arg(ip, args[0], "replace() argument 1 ");
    rc_object *new_ =
        old ? str_arg(ip, args[1], "replace() argument 2 ") : NULL;
    ptrdiff_t count = -1;
    if (!new_ || (nargs > 2 && bt_index(ip, args[2], &count) < 0))
        return NULL;
    return rc_str_replace(self, old, new_, count);
}

static rc_object *remove_affix(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames, const char *name,
                               bool suffix) {
    char prefix[40];
    snprintf(prefix, sizeof prefix, "%s() argument ", name);
    rc_object *a = bt_str_arg1(ip, name, args, nargs, kwnames, prefix);
    if (!a)
        return NULL;
    int has = suffix ? rc_str_endswith(self, a) : rc_str_startswith(self, a);
    if (has < 0)
        return NULL;
    if (!has || rc_str_length(a) == 0)
        return rp_new_ref(self);
    ptrdiff_t n = (ptrdiff_t)rc_str_length(self),
              k = (ptrdiff_t)rc_str_length(a);
    return suffix ? rc_str_slice(self, 0, n - k, 1)
                  : rc_str_slice(self, k, n, 1);
}

BT_CFUNC(str_removeprefix) {
    return remove_affix(ip, self, args, nargs, kwnames, "removeprefix", false);
}

BT_CFUNC(str_removesuffix) {
    return remove_affix(ip, self, args, nargs, kwnames, "removesuffix", true);
}

/* ====================================================================== */
/* Padding                                                                */
/* ====================================================================== */

/* width and fill character of center/ljust/rjust. */
static int pad_args(rp_interp *ip, const char *name, rc_object *const *args,
                    size_t nargs, rc_object *kwnames, ptrdiff_t *width,
                    const char **fill, size_t *fill_len) {
    if (rp_check_args(ip, name, nargs, kwnames, 1, 2) < 0 ||
        bt_index(ip, args[0], width) < 0)
        return -1;
    *fill = " ";
    *fill_len = 1;
    if (nargs < 2)
        return 0;
    rc_object *f = bt_value(args[1]);
    if (!rc_is_str(f))
        return rp_raise(ip, ip->exc.TypeError,
                        "The fill character must be a unicode character, "
                        "not %s",
                        rp_tname(args[1]));
    if (rc_str_length(f) != 1)
        return rp_raise(ip, ip->exc.TypeError,
                        "The fill character must be exactly one character "
                        "long");
    *fill = rc_str_utf8(f);
    *fill_len = rc_str_size(f);
    return 0;
}

static rc_object *pad(rp_interp *ip, rc_object *self, ptrdiff_t left,
                      ptrdiff_t right, const char *fill, size_t fill_len) {
    if (left <= 0 && right <= 0)
        return rp_new_ref(self);
    bt_buf b;
    bt_buf_init(&b, ip);
    for (ptrdiff_t i = 0; i < left; i++)
        bt_buf_add(&b, fill, fill_len);
    bt_buf_add_str(&b, self);
    for (ptrdiff_t i = 0; i < right; i++)
        bt_buf_add(&b, fill, fill_len);
    return bt_buf_finish(&b);
}

static rc_object *justify(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames, const char *name, int how) {
    ptrdiff_t width;
    const char *fill;
    size_t fill_len;
    if (pad_args(ip, name, args, nargs, kwnames, &width, &fill, &fill_len) < 0)
        return NULL;
    ptrdiff_t extra = width - (ptrdiff_t)rc_str_length(self);
    if (extra <= 0)
        return rp_new_ref(self);
    ptrdiff_t left = how < 0   ? 0
                     : how > 0 ? extra
                               : extra / 2 + (extra & width & 1);
    return pad(ip, self, left, extra - left, fill, fill_len);
}

BT_CFUNC(str_center) {
    return justify(ip, self, args, nargs, kwnames, "center", 0);
}

BT_CFUNC(str_ljust) {
    return justify(ip, self, args, nargs, kwnames, "ljust", -1);
}

BT_CFUNC(str_rjust) {
    return justify(ip, self, args, nargs, kwnames, "rjust", 1);
}

BT_CFUNC(str_zfill) {
    ptrdiff_t width;
    if (rp_check_args(ip, "str.zfill", nargs, kwnames, 1, 1) < 0 ||
        bt_index(ip, args[0], &width) < 0)
        return NULL;
    ptrdiff_t extra = width - (ptrdiff_t)rc_str_length(self);
    if (extra <= 0)
        return rp_new_ref(self);
    const char *s = rc_str_utf8(self);
    bt_buf b;
    bt_buf_init(&b, ip);
    size_t sign = (*s == '+' || *s == '-') ? 1 : 0;
    bt_buf_add(&b, s, sign);
    for (ptrdiff_t i = 0; i < extra; i++)
        bt_buf_add(&b, "0", 1);
    bt_buf_add(&b, s + sign, rc_str_size(self) - sign);
    return bt_buf_finish(&b);
}

/* ====================================================================== */
/* Formatting                                                             */
/* ====================================================================== */

/* The keyword arguments of a call as a new dict (empty when none). */
static rc_object *kwargs_dict(rp_interp *ip, rc_object *const *args,
                              size_t nargs, rc_object *kwnames) {
    rc_object *d = rc_dict_new(ip->rt);
    for (size_t i = 0; d && i < rp_kwcount(kwnames); i++)
        if (rc_dict_setitem(d, rc_tuple_get(kwnames, i), args[nargs + i]) < 0) {
            rc_decref(d);
            return NULL;
        }
    return d;
}

BT_CFUNC(str_format) {
    rc_object *pos = rc_tuple_from_array(ip->rt, args, nargs);
    rc_object *kw = pos ? kwargs_dict(ip, args, nargs, kwnames) : NULL;
    rc_object *r = kw ? rc_str_format(self, pos, kw) : NULL;
    rc_xdecref(pos);
    rc_xdecref(kw);
    return r;
}

/* The names the replacement fields of fmt start with ("{name.x[0]:>5}"
 * gives name), each looked up in mapping with its own __getitem__ (so a
 * dict subclass's __missing__ answers), gathered into a new dict. */
static rc_object *fields_of(rp_interp *ip, rc_object *fmt, rc_object *mapping) {
    rc_object *d = rc_dict_new(ip->rt);
    const char *s = rc_str_utf8(fmt);
    for (size_t i = 0; d && s[i]; i++) {
        if (s[i] != '{')
            continue;
        if (s[i + 1] == '{') {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (s[j] && !strchr(".[!:}{", s[j]))
            j++;
        if (s[j] && (j == i + 1 || (s[i + 1] >= '0' && s[i + 1] <= '9'))) {
            rc_decref(d);
            rp_raise(ip, ip->exc.ValueError,
                     "Format string contains positional fields");
            return NULL;
        }
        rc_object *name = j > i + 1 ? bt_str_n(ip, s + i + 1, j - i - 1) : NULL;
        rc_object *v = name ? rc_getitem(mapping, name) : NULL;
        int st = !name || (v && rc_dict_setitem(d, name, v) == 0) ? 0 : -1;
        rc_xdecref(v);
        rc_xdecref(name);
        if (st < 0 || (j > i + 1 && !name)) {
            rc_decref(d);
            return NULL;
        }
    }
    return d;
}

BT_CFUNC(str_format_map) {
    if (rp_check_args(ip, "str.format_map", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *d = fields_of(ip, self, args[0]);
    rc_object *r = d ? rc_str_format(self, NULL, d) : NULL;
    rc_xdecref(d);
    return r;
}

/* rcpy has no bytes type: encode() exists (code may test for it) but
 * says so when called. */
BT_CFUNC(str_encode) {
    static const char *const names[] = {"encoding", "errors", NULL};
    static const rp_argspec spec = {"encode", names, 0, 2, 0};
    rc_object *a[2];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    rp_raise(ip, ip->exc.NotImplementedError,
             "str.encode(): rcpy has no bytes type");
    return NULL;
}

BT_CFUNC(str_getnewargs) {
    if (rp_check_args(ip, "str.__getnewargs__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_tuple_pack(ip->rt, 1, self);
}

/* ====================================================================== */
/* The class                                                              */
/* ====================================================================== */

static const rp_methoddef str_methods[] = {
    {"find", str_find, 0,
     "Return the lowest index in S where substring sub is found."},
    {"rfind", str_rfind, 0,
     "Return the highest index in S where substring sub is found."},
    {"index", str_index, 0,
     "Return the lowest index in S where substring sub is found."},
    {"rindex", str_rindex, 0,
     "Return the highest index in S where substring sub is found."},
    {"count", str_count, 0,
     "Return the number of non-overlapping occurrences of substring sub."},
    {"startswith", str_startswith, 0,
     "Return True if S starts with the specified prefix, False otherwise."},
    {"endswith", str_endswith, 0,
     "Return True if S ends with the specified suffix, False otherwise."},
    {"split", str_split, 0,
     "Return a list of the substrings in the string, using sep as the "
     "separator string."},
    {"rsplit", str_rsplit, 0,
     "Return a list of the substrings in the string, using sep as the "
     "separator string."},
    {"splitlines", str_splitlines, 0,
     "Return a list of the lines in the string, breaking at line "
     "boundaries."},
    {"join", str_join, 0, "Concatenate any number of strings."},
    {"strip", str_strip, 0,
     "Return a copy of the string with leading and trailing whitespace "
     "removed."},
    {"lstrip", str_lstrip, 0,
     "Return a copy of the string with leading whitespace removed."},
    {"rstrip", str_rstrip, 0,
     "Return a copy of the string with trailing whitespace removed."},
    {"replace", str_replace, 0,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"removeprefix", str_removeprefix, 0,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_removesuffix, 0,
     "Return a str with the given suffix string removed if present."},
    {"center", str_center, 0, "Return a centered string of length width."},
    {"ljust", str_ljust, 0, "Return a left-justified string of length width."},
    {"rjust", str_rjust, 0, "Return a right-justified string of length width."},
    {"zfill", str_zfill, 0,
     "Pad a numeric string with zeros on the left, to fill a field of the "
     "given width."},
    {"format", str_format, 0,
     "Return a formatted version of S, using substitutions from args and "
     "kwargs."},
    {"format_map", str_format_map, 0,
     "Return a formatted version of S, using substitutions from mapping."},
    {"__getnewargs__", str_getnewargs, 0, NULL},
    {"encode", str_encode, 0,
     "Encode the string (not available: rcpy has no bytes type)."},
    {NULL},
};

int rp_bt_init_str(rp_interp *ip) {
    const rc_type *t = ip->s.empty->type;
    ip->cls.str = rp_class_new_builtin(ip, "str", t, NULL, str_methods, str_new,
                                       RP_CLS_BASETYPE);
    if (!ip->cls.str ||
        rp_class_add_methods(ip, ip->cls.str, rp_bt_str_case_methods) < 0)
        return -1;
    return rp_class_add_methods(ip, ip->cls.str, rp_bt_str_more_methods);
}
