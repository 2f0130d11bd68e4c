/*
 * builtins.c — the builtins module: rp_init_builtins fills its dict
 * (ip->builtins) with the builtin classes, the singletons' names, the
 * functions of this file (print, input, open, len, repr, ascii, id, hash,
 * callable, isinstance, issubclass, the attribute functions, iter, next),
 * those of bt_funcs.c (numbers and iteration) and bt_eval.c (exec, eval,
 * compile, dir, vars, globals, locals, __import__), and the site helpers
 * exit, quit, help, copyright, credits and license.
 *
 * The exception classes are put there by the modules part (module.c).
 * Functions are builtin_function_or_method objects bound to the builtins
 * module, so print.__self__ is the module, as in CPython.
 */
#include "btypes.h"

#include <stdint.h>
#include <string.h>

/* ====================================================================== */
/* print, input, open                                                     */
/* ====================================================================== */

/* sep/end of print: NULL or None gives dflt; else a str. */
static int text_arg(rp_interp *ip, rc_object *o, const char *what,
                    rc_object *dflt, rc_object **out) {
    *out = dflt;
    if (!o || o == ip->none)
        return 0;
    if (!rc_is_str(bt_value(o)))
        return rp_raise(ip, ip->exc.TypeError,
                        "%s must be None or a string, not %s", what,
                        rp_tname(o));
    *out = bt_value(o);
    return 0;
}

/* Writes str(o) to file. */
static int write_str_of(rp_interp *ip, rc_object *file, rc_object *o) {
    rc_object *s = rc_str(o);
    if (!s)
        return -1;
    int r = rp_file_write(ip, file, s);
    rc_decref(s);
    return r;
}

/* print's keyword arguments: sep, end, file, flush (by name only). */
static int print_kwargs(rp_interp *ip, rc_object *const *values,
                        rc_object *kwnames, rc_object **kw) {
    static const char *const names[] = {"sep", "end", "file", "flush", NULL};
    static const rp_argspec spec = {"print", names, 0, 0, 0};
    return rp_parse_args(ip, &spec, values, 0, kwnames, kw);
}

BT_CFUNC(bi_print) {
    rc_object *kw[4], *sep, *end;
    if (print_kwargs(ip, args + nargs, kwnames, kw) < 0 ||
        text_arg(ip, kw[0], "sep", NULL, &sep) < 0 ||
        text_arg(ip, kw[1], "end", NULL, &end) < 0)
        return NULL;
    rc_object *file =
        kw[2] && kw[2] != ip->none ? kw[2] : rp_sys_get(ip, "stdout");
    if (!file || file == ip->none)
        return rp_new_ref(ip->none);
    rc_incref(file); /* a write may rebind sys.stdout */
    int r = 0;
    for (size_t i = 0; r == 0 && i < nargs; i++) {
        if (i > 0)
            r = sep ? rp_file_write(ip, file, sep)
                    : rp_file_write_cstr(ip, file, " ");
        if (r == 0)
            r = write_str_of(ip, file, args[i]);
    }
    if (r == 0)
        r = end ? rp_file_write(ip, file, end)
                : rp_file_write_cstr(ip, file, "\n");
    int flush = r == 0 && kw[3] ? rp_truth(ip, kw[3]) : 0;
    if (flush < 0 || (flush > 0 && rp_file_flush(ip, file) < 0))
        r = -1;
    rc_decref(file);
    return r < 0 ? NULL : rp_new_ref(ip->none);
}

/* The line read, without its newline; EOFError at the end of input. */
static rc_object *read_input_line(rp_interp *ip, rc_object *in) {
    rc_object *line = rp_file_readline(ip, in);
    if (!line)
        return NULL;
    rc_object *s = bt_value(line);
    if (!rc_is_str(s)) {
        rc_decref(line);
        rp_raise(ip, ip->exc.TypeError,
                 "object.readline() returned non-string");
        return NULL;
    }
    size_t n = rc_str_size(s);
    if (n == 0) {
        rc_decref(line);
        rp_raise(ip, ip->exc.EOFError, "EOF when reading a line");
        return NULL;
    }
    const char *p = rc_str_utf8(s);
    rc_object *r = p[n - 1] == '\n' ? bt_str_n(ip, p, n - 1) : rp_new_ref(s);
    rc_decref(line);
    return r;
}

BT_CFUNC(bi_input) {
    if (rp_check_args(ip, "input", nargs, kwnames, 0, 1) < 0)
        return NULL;
    rc_object *in = rp_sys_get(ip, "stdin"), *out = rp_sys_get(ip, "stdout");
    if (!in || in == ip->none) {
        rp_raise(ip, ip->exc.RuntimeError, "input(): lost sys.stdin");
        return NULL;
    }
    if (!out || out == ip->none) {
        rp_raise(ip, ip->exc.RuntimeError, "input(): lost sys.stdout");
        return NULL;
    }
    rc_object *err = rp_sys_get(ip, "stderr");
    if (err && err != ip->none && rp_file_flush(ip, err) < 0)
        return NULL;
    if (nargs &&
        (write_str_of(ip, out, args[0]) < 0 || rp_file_flush(ip, out) < 0))
        return NULL;
    rc_incref(in);
    rc_object *r = read_input_line(ip, in);
    rc_decref(in);
    return r;
}

BT_CFUNC(bi_open) {
    static const char *const names[] = {"file",     "mode",   "buffering",
                                        "encoding", "errors", "newline",
                                        "closefd",  "opener", NULL};
    static const rp_argspec spec = {"open", names, 1, 8, 0};
    rc_object *a[8];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    const char *mode = "r";
    if (a[1]) {
        rc_object *m = bt_value(a[1]);
        if (!rc_is_str(m)) {
            rp_raise(ip, ip->exc.TypeError,
                     "open() argument 'mode' must be str, not %s",
                     bt_arg_tname(ip, a[1]));
            return NULL;
        }
        mode = rc_str_utf8(m);
    }
    return rp_file_open(ip, bt_value(a[0]), mode);
}

/* ====================================================================== */
/* Objects: len, repr, ascii, id, hash, callable, isinstance ...          */
/* ====================================================================== */

BT_CFUNC(bi_len) {
    if (rp_check_args(ip, "len", nargs, kwnames, 1, 1) < 0)
        return NULL;
    ptrdiff_t n = rc_len(args[0]);
    return n < 0 ? NULL : rc_int_from_i64(ip->rt, n);
}

BT_CFUNC(bi_repr) {
    if (rp_check_args(ip, "repr", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return rc_repr(args[0]);
}

BT_CFUNC(bi_ascii) {
    if (rp_check_args(ip, "ascii", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return bt_ascii(ip, args[0]);
}

rc_object *bt_ascii(rp_interp *ip, rc_object *o) {
    rc_object *r = rc_repr(o);
    if (!r)
        return NULL;
    const char *p = rc_str_utf8(r), *end = p + rc_str_size(r);
    if (rc_str_length(r) == rc_str_size(r)) /* all ASCII */
        return r;
    bt_buf b;
    bt_buf_init(&b, ip);
    while (p < end) {
        uint32_t c = bt_u8_next(&p);
        char esc[16];
        if (c < 0x80)
            bt_buf_add_cp(&b, c);
        else {
            snprintf(esc, sizeof esc,
                     c < 0x100     ? "\\x%02x"
                     : c < 0x10000 ? "\\u%04x"
                                   : "\\U%08x",
                     c);
            bt_buf_add_cstr(&b, esc);
        }
    }
    rc_decref(r);
    return bt_buf_finish(&b);
}

BT_CFUNC(bi_id) {
    if (rp_check_args(ip, "id", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return rc_int_from_u64(ip->rt, (uint64_t)(uintptr_t)args[0]);
}

BT_CFUNC(bi_hash) {
    if (rp_check_args(ip, "hash", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int64_t h;
    if (rc_hash(args[0], &h) < 0)
        return NULL;
    return rc_int_from_i64(ip->rt, h);
}

BT_CFUNC(bi_callable) {
    if (rp_check_args(ip, "callable", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return rp_new_ref(rp_bool(ip, rp_callable(ip, args[0])));
}

BT_CFUNC(bi_isinstance) {
    if (rp_check_args(ip, "isinstance", nargs, kwnames, 2, 2) < 0)
        return NULL;
    int r = rp_isinstance(ip, args[0], args[1]);
    return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r));
}

BT_CFUNC(bi_issubclass) {
    if (rp_check_args(ip, "issubclass", nargs, kwnames, 2, 2) < 0)
        return NULL;
    int r = rp_issubclass(ip, args[0], args[1]);
    return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r));
}

/* ====================================================================== */
/* Attributes                                                             */
/* ====================================================================== */

static int name_arg(rp_interp *ip, rc_object *name) {
    if (rc_is_str(bt_value(name)))
        return 0;
    return rp_raise(ip, ip->exc.TypeError,
                    "attribute name must be string, not '%s'", rp_tname(name));
}

BT_CFUNC(bi_getattr) {
    if (rp_check_args(ip, "getattr", nargs, kwnames, 2, 3) < 0 ||
        name_arg(ip, args[1]) < 0)
        return NULL;
    rc_object *name = bt_value(args[1]);
    if (nargs == 2)
        return rp_getattr(ip, args[0], name);
    rc_object *v;
    int r = rp_getattr_opt(ip, args[0], name, &v);
    return r < 0 ? NULL : r ? v : rp_new_ref(args[2]);
}

BT_CFUNC(bi_hasattr) {
    if (rp_check_args(ip, "hasattr", nargs, kwnames, 2, 2) < 0 ||
        name_arg(ip, args[1]) < 0)
        return NULL;
    rc_object *v;
    int r = rp_getattr_opt(ip, args[0], bt_value(args[1]), &v);
    if (r > 0)
        rc_decref(v);
    return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r));
}

BT_CFUNC(bi_setattr) {
    if (rp_check_args(ip, "setattr", nargs, kwnames, 3, 3) < 0 ||
        name_arg(ip, args[1]) < 0)
        return NULL;
    if (rp_setattr(ip, args[0], bt_value(args[1]), args[2]) < 0)
        return NULL;
    return rp_new_ref(ip->none);
}

BT_CFUNC(bi_delattr) {
    if (rp_check_args(ip, "delattr", nargs, kwnames, 2, 2) < 0 ||
        name_arg(ip, args[1]) < 0)
        return NULL;
    if (rp_setattr(ip, args[0], bt_value(args[1]), NULL) < 0)
        return NULL;
    return rp_new_ref(ip->none);
}

/* ====================================================================== */
/* iter, next                                                             */
/* ====================================================================== */

BT_CFUNC(bi_iter) {
    if (rp_check_args(ip, "iter", nargs, kwnames, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return rc_iter(args[0]);
    if (!rp_callable(ip, args[0])) {
        rp_raise(ip, ip->exc.TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return bt_calliter_new(ip, args[0], args[1]);
}

/* Is o an iterator (its class answers next)? */
static bool is_iterator(rp_interp *ip, rc_object *o) {
    if (o->type->flags & RC_TYPE_HEAP)
        return rp_class_lookup(rp_type_of(o), ip->s.next) != NULL;
    return o->type->protocol && o->type->protocol->next;
}

BT_CFUNC(bi_next) {
    if (rp_check_args(ip, "next", nargs, kwnames, 1, 2) < 0)
        return NULL;
    rc_object *it = args[0], *item = NULL;
    int r;
    if (it->type == &rp_gen_type) {
        r = rp_gen_send(ip, it, NULL, &item);
    } else if (!is_iterator(ip, it)) {
        rp_raise(ip, ip->exc.TypeError, "'%s' object is not an iterator",
                 rp_tname(it));
        return NULL;
    } else {
        r = rc_next(it, &item);
    }
    if (r > 0)
        return item;
    if (r < 0) {
        if (nargs < 2 || !rp_err_matches(ip, ip->exc.StopIteration))
            return NULL;
        rp_err_clear(ip);
    }
    if (nargs > 1) {
        rc_xdecref(item);
        return rp_new_ref(args[1]);
    }
    rp_raise_stopiteration(ip, item && item != ip->none ? item : NULL);
    rc_xdecref(item);
    return NULL;
}

/* ====================================================================== */
/* exit, quit and the other site helpers                                  */
/* ====================================================================== */

typedef struct bt_helper {
    rc_object ob;
    const char *name; /* "exit", "help" ... */
    const char *text; /* its repr (exit/quit: made from the name) */
} bt_helper;

static rc_object *helper_repr(rc_object *self) {
    bt_helper *h = (bt_helper *)self;
    rc_runtime *rt = rc_runtime_of(self);
    if (h->text)
        return rc_str_from_cstr(rt, h->text);
    return rc_str_from_format(rt, "Use %s() or Ctrl-D (i.e. EOF) to exit",
                              h->name);
}

/* exit(code) / quit(code): raise SystemExit(code). */
static rc_object *quitter_call(rp_interp *ip, rc_object *const *args,
                               size_t nargs, rc_object *kwnames) {
    if (rp_check_args(ip, "__call__", nargs, kwnames, 0, 1) < 0)
        return NULL;
    rc_object *exc = rp_call(ip, &ip->exc.SystemExit->ob, args, nargs, NULL);
    if (exc) {
        rp_raise_object(ip, exc);
        rc_decref(exc);
    }
    return NULL;
}

/* help(obj): the object's documentation, briefly. */
static rc_object *help_call(rp_interp *ip, rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    if (rp_check_args(ip, "help", nargs, kwnames, 0, 1) < 0)
        return NULL;
    rc_object *out = rp_sys_get(ip, "stdout");
    if (!out)
        return rp_new_ref(ip->none);
    if (!nargs)
        return rp_file_write_cstr(ip, out,
                                  "rcpy has no interactive help; use "
                                  "help(object).\n") < 0
                   ? NULL
                   : rp_new_ref(ip->none);
    rc_object *doc = NULL;
    if (rp_getattr_opt(ip, args[0], ip->s.doc, &doc) < 0)
        return NULL;
    rc_object *r = rc_repr(args[0]);
    int st = r ? 0 : -1;
    if (st == 0)
        st = rp_file_write_cstr(ip, out, "Help on ");
    if (st == 0)
        st = rp_file_write(ip, out, r);
    if (st == 0)
        st = rp_file_write_cstr(ip, out, ":\n\n");
    if (st == 0 && doc && rc_is_str(doc))
        st = rp_file_write(ip, out, doc);
    if (st == 0)
        st = rp_file_write_cstr(ip, out, "\n");
    rc_xdecref(doc);
    rc_xdecref(r);
    return st < 0 ? NULL : rp_new_ref(ip->none);
}

static rc_object *printer_call(rp_interp *ip, rc_object *self,
                               rc_object *kwnames, size_t nargs) {
    if (rp_check_args(ip, "__call__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *out = rp_sys_get(ip, "stdout");
    rc_object *text = helper_repr(self);
    int st = text && out ? rp_file_write(ip, out, text) : 0;
    if (st == 0 && out)
        st = rp_file_write_cstr(ip, out, "\n");
    rc_xdecref(text);
    return st < 0 || !text ? NULL : rp_new_ref(ip->none);
}

static rc_object *helper_call(rc_object *self, rc_object *const *args,
                              size_t nargs, rc_object *kwnames) {
    rp_interp *ip = rp_interp_of(self);
    const char *name = ((bt_helper *)self)->name;
    if (strcmp(name, "exit") == 0 || strcmp(name, "quit") == 0)
        return quitter_call(ip, args, nargs, kwnames);
    if (strcmp(name, "help") == 0)
        return help_call(ip, args, nargs, kwnames);
    return printer_call(ip, self, kwnames, nargs);
}

static const rc_protocol helper_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = helper_repr,
    .call = helper_call,
};

static const rc_type helper_type = {
    .name = "_Helper",
    .basicsize = sizeof(bt_helper),
    .protocol = &helper_protocol,
};

static const struct {
    const char *name, *text;
} helpers[] = {
    {"exit", NULL},
    {"quit", NULL},
    {"help", "Type help() for interactive help, or help(object) for help "
             "about object."},
    {"copyright", "rcpy: a Python 3.11 interpreter on the rcgc library."},
    {"credits", "    Thanks to the authors of CPython, whose behaviour rcpy "
                "follows."},
    {"license", "Type license() to see the full license text"},
};

static int add_helpers(rp_interp *ip, rc_object *module) {
    if (!rp_class_new_builtin(ip, "_Helper", &helper_type, NULL, NULL, NULL, 0))
        return -1;
    for (size_t i = 0; i < sizeof helpers / sizeof helpers[0]; i++) {
        bt_helper *h = (bt_helper *)rc_new(ip->rt, &helper_type);
        if (!h)
            return -1;
        h->name = helpers[i].name;
        h->text = helpers[i].text;
        if (rp_module_add_object(ip, module, helpers[i].name, &h->ob) < 0)
            return -1;
    }
    return 0;
}

/* ====================================================================== */
/* The module                                                             */
/* ====================================================================== */

static const rp_methoddef builtin_functions[] = {
    {"print", bi_print, 0,
     "Prints the values to a stream, or to sys.stdout by default."},
    {"input", bi_input, 0, "Read a string from standard input."},
    {"open", bi_open, 0, "Open file and return a stream."},
    {"len", bi_len, 0, "Return the number of items in a container."},
    {"repr", bi_repr, 0,
     "Return the canonical string representation of the "
     "object."},
    {"ascii", bi_ascii, 0, "Return an ASCII-only representation of an object."},
    {"id", bi_id, 0, "Return the identity of an object."},
    {"hash", bi_hash, 0, "Return the hash value for the given object."},
    {"callable", bi_callable, 0,
     "Return whether the object is callable (i.e., some kind of function)."},
    {"isinstance", bi_isinstance, 0,
     "Return whether an object is an instance of a class or of a subclass "
     "thereof."},
    {"issubclass", bi_issubclass, 0,
     "Return whether 'cls' is derived from another class or is the same "
     "class."},
    {"getattr", bi_getattr, 0, "Get a named attribute from an object."},
    {"hasattr", bi_hasattr, 0,
     "Return whether the object has an attribute with the given name."},
    {"setattr", bi_setattr, 0,
     "Sets the named attribute on the given object to the specified value."},
    {"delattr", bi_delattr, 0,
     "Deletes the named attribute from the given "
     "object."},
    {"iter", bi_iter, 0, "Get an iterator from an object."},
    {"next", bi_next, 0, "Return the next item from the iterator."},
    {NULL},
};

/* Names bound to the builtin classes and singletons. */
static int add_names(rp_interp *ip, rc_object *module) {
    rp_classes *c = &ip->cls;
    const struct {
        const char *name;
        rc_object *value;
    } names[] = {
        {"object", &c->object->ob},
        {"type", &c->type->ob},
        {"int", &c->int_->ob},
        {"bool", &c->bool_->ob},
        {"float", &c->float_->ob},
        {"str", &c->str->ob},
        {"tuple", &c->tuple->ob},
        {"list", &c->list->ob},
        {"dict", &c->dict->ob},
        {"set", &c->set->ob},
        {"frozenset", &c->frozenset->ob},
        {"range", &c->range->ob},
        {"slice", &c->slice->ob},
        {"property", c->property ? &c->property->ob : NULL},
        {"staticmethod", c->staticmethod ? &c->staticmethod->ob : NULL},
        {"classmethod", c->classmethod ? &c->classmethod->ob : NULL},
        {"super", c->super_ ? &c->super_->ob : NULL},
        {"None", ip->none},
        {"True", ip->true_},
        {"False", ip->false_},
        {"Ellipsis", ip->ellipsis},
        {"NotImplemented", ip->notimpl},
        {"__debug__", ip->true_},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!names[i].value)
            continue;
        rc_incref(names[i].value);
        if (rp_module_add_object(ip, module, names[i].name, names[i].value) < 0)
            return -1;
    }
    return 0;
}

int rp_init_builtins(rp_interp *ip) {
    rc_object *key = rp_str(ip, "builtins");
    rc_object *module = key ? rc_dict_getitem(ip->modules, key) : NULL;
    rc_xdecref(key);
    if (!module)
        return rp_raise(ip, ip->exc.SystemError, "no builtins module");
    rc_object *name = rp_str(ip, "__build_class__");
    int r = name ? 0 : -1;
    if (r == 0) {
        rc_object *f = rp_builtin_new(ip, &rp_build_class_def, module);
        r = f ? rc_dict_setitem(ip->builtins, name, f) : -1;
        rc_xdecref(f);
    }
    rc_xdecref(name);
    if (r == 0)
        r = rp_module_add_functions(ip, module, builtin_functions);
    if (r == 0)
        r = rp_module_add_functions(ip, module, rp_bt_func_builtins);
    if (r == 0)
        r = rp_module_add_functions(ip, module, rp_bt_eval_builtins);
    if (r == 0)
        r = add_names(ip, module);
    if (r == 0)
        r = rp_bt_add_iter_classes(ip, module);
    if (r == 0)
        r = add_helpers(ip, module);
    return r;
}
