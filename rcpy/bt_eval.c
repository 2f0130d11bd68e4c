/*
 * bt_eval.c — the builtins that look at or run code and namespaces: exec,
 * eval, compile, globals, locals, vars, dir and __import__.
 *
 * Source text is compiled by rp_compile (filename "<string>" unless
 * compile() names one) and run by rp_eval_code in the given globals and
 * locals, or in the calling frame's (ip->frame: builtins push no frame of
 * their own). As in CPython, globals without "__builtins__" get the
 * current builtins dict before the code runs.
 */
#include "btypes.h"

#include <string.h>

/* The calling Python frame's globals and locals (new references); the
 * __main__ module's dict when no frame runs. */
static int frame_namespaces(rp_interp *ip, rc_object **globals,
                            rc_object **locals) {
    rp_frame *f = ip->frame;
    if (!f) {
        *globals = rp_new_ref(((rp_module *)ip->main)->dict);
        if (locals)
            *locals = rp_new_ref(*globals);
        return 0;
    }
    *globals = rp_new_ref(f->globals);
    if (locals && !(*locals = rp_frame_locals(ip, f))) {
        rc_decref(*globals);
        return -1;
    }
    return 0;
}

BT_CFUNC(bi_globals) {
    if (rp_check_args(ip, "globals", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *g;
    return frame_namespaces(ip, &g, NULL) < 0 ? NULL : g;
}

BT_CFUNC(bi_locals) {
    if (rp_check_args(ip, "locals", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *g, *l;
    if (frame_namespaces(ip, &g, &l) < 0)
        return NULL;
    rc_decref(g);
    return l;
}

BT_CFUNC(bi_vars) {
    if (rp_check_args(ip, "vars", nargs, kwnames, 0, 1) < 0)
        return NULL;
    if (!nargs)
        return bi_locals(ip, self, args, 0, NULL);
    rc_object *d;
    int r = rp_getattr_opt(ip, args[0], ip->s.dict, &d);
    if (r == 0)
        rp_raise(ip, ip->exc.TypeError,
                 "vars() argument must have __dict__ attribute");
    return r > 0 ? d : NULL;
}

/* ====================================================================== */
/* dir                                                                    */
/* ====================================================================== */

BT_CFUNC(bi_dir) {
    if (rp_check_args(ip, "dir", nargs, kwnames, 0, 1) < 0)
        return NULL;
    rc_object *names;
    if (!nargs) {
        rc_object *g, *l;
        if (frame_namespaces(ip, &g, &l) < 0)
            return NULL;
        rc_decref(g);
        names = bt_list_from(ip, l);
        rc_decref(l);
    } else {
        rc_object *name = rc_str_intern(ip->rt, "__dir__");
        bool found = false;
        rc_object *r =
            name ? rp_call_special(ip, args[0], name, NULL, 0, &found) : NULL;
        rc_xdecref(name);
        if (!found && !rp_err_occurred(ip))
            rp_raise(ip, ip->exc.TypeError, "object does not provide __dir__");
        names = r ? bt_list_from(ip, r) : NULL;
        rc_xdecref(r);
    }
    if (names && rc_list_sort(names, NULL, NULL, false) < 0) {
        rc_decref(names);
        return NULL;
    }
    return names;
}

/* ====================================================================== */
/* compile, exec, eval                                                    */
/* ====================================================================== */

/* The text of a source argument (a str), or NULL with TypeError "exec()
 * arg 1 must be a string, bytes or code object". */
static const char *source_text(rp_interp *ip, rc_object *src, const char *fname,
                               size_t *len) {
    rc_object *s = bt_value(src);
    if (!rc_is_str(s)) {
        rp_raise(ip, ip->exc.TypeError,
                 "%s() arg 1 must be a string, bytes or code object", fname);
        return NULL;
    }
    const char *text = rc_str_utf8(s);
    *len = rc_str_size(s);
    if (strlen(text) != *len) {
        rp_raise(ip, ip->exc.SyntaxError,
                 "source code string cannot contain null bytes");
        return NULL;
    }
    return text;
}

static rc_object *compile_text(rp_interp *ip, rc_object *src, const char *fname,
                               rc_object *filename, rp_mode mode) {
    size_t len;
    const char *text = source_text(ip, src, fname, &len);
    if (!text)
        return NULL;
    if (mode == RP_MODE_EVAL) /* eval() ignores leading blanks */
        while (*text == ' ' || *text == '\t')
            text++, len--;
    return rp_compile(ip, text, len, filename, mode);
}

BT_CFUNC(bi_compile) {
    static const char *const names[] = {
        "source",   "filename",         "mode", "flags", "dont_inherit",
        "optimize", "_feature_version", NULL};
    static const rp_argspec spec = {"compile", names, 3, 6, 0};
    rc_object *a[7];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[0]->type == &rp_code_type)
        return rp_new_ref(a[0]);
    rc_object *fn = bt_value(a[1]), *m = bt_value(a[2]);
    if (!rc_is_str(fn)) { /* CPython's filesystem-path converter */
        rp_raise(ip, ip->exc.TypeError,
                 "expected str, bytes or os.PathLike object, not %s",
                 rp_tname(a[1]));
        return NULL;
    }
    if (!rc_is_str(m)) {
        rp_raise(ip, ip->exc.TypeError,
                 "compile() argument 'mode' must be str, not %s",
                 bt_arg_tname(ip, a[2]));
        return NULL;
    }
    const char *ms = rc_str_utf8(m);
    rp_mode mode = strcmp(ms, "exec") == 0     ? RP_MODE_EXEC
                   : strcmp(ms, "eval") == 0   ? RP_MODE_EVAL
                   : strcmp(ms, "single") == 0 ? RP_MODE_SINGLE
                                               : (rp_mode)-1;
    if ((int)mode < 0) {
        rp_raise(ip, ip->exc.ValueError,
                 "compile() mode must be 'exec', 'eval' or 'single'");
        return NULL;
    }
    return compile_text(ip, a[0], "compile", fn, mode);
}

/* The namespaces exec/eval run in: given ones checked as CPython checks
 * them, else the caller's. New references. */
static int run_namespaces(rp_interp *ip, const char *fname, rc_object *g,
                          rc_object *l, rc_object **globals,
                          rc_object **locals) {
    if (g == ip->none)
        g = NULL;
    if (l == ip->none)
        l = NULL;
    if (g && !rc_is_dict(bt_value(g)))
        return rp_raise(ip, ip->exc.TypeError,
                        !strcmp(fname, "exec")
                            ? "exec() globals must be a dict, not %s"
                            : "globals must be a dict",
                        rp_tname(g));
    if (l && !rp_class_lookup(rp_type_of(l), ip->s.getitem))
        return rp_raise(ip, ip->exc.TypeError,
                        !strcmp(fname, "exec")
                            ? "locals must be a mapping or None, not %s"
                            : "locals must be a mapping",
                        rp_tname(l));
    if (!g) {
        rc_object *fl;
        if (frame_namespaces(ip, globals, &fl) < 0)
            return -1;
        *locals = l ? rp_new_ref(l) : fl;
        if (l)
            rc_decref(fl);
        return 0;
    }
    *globals = rp_new_ref(bt_value(g));
    *locals = rp_new_ref(l ? l : *globals);
    if (rc_dict_getitem(*globals, ip->s.builtins))
        return 0;
    if (rc_dict_setitem(*globals, ip->s.builtins, ip->builtins) == 0)
        return 0;
    rc_decref(*globals);
    rc_decref(*locals);
    return -1;
}

static rc_object *run_source(rp_interp *ip, rc_object *const *args,
                             size_t nargs, rc_object *kwnames,
                             const char *fname, rp_mode mode) {
    if (rp_check_args(ip, fname, nargs, kwnames, 1, 3) < 0)
        return NULL;
    rc_object *globals, *locals;
    if (run_namespaces(ip, fname, nargs > 1 ? args[1] : NULL,
                       nargs > 2 ? args[2] : NULL, &globals, &locals) < 0)
        return NULL;
    rc_object *code = NULL;
    if (args[0]->type == &rp_code_type) {
        code = rp_new_ref(args[0]);
    } else {
        rc_object *name = rp_str(ip, "<string>");
        code = name ? compile_text(ip, args[0], fname, name, mode) : NULL;
        rc_xdecref(name);
    }
    rc_object *r = code ? rp_eval_code(ip, code, globals, locals) : NULL;
    rc_xdecref(code);
    rc_decref(globals);
    rc_decref(locals);
    if (r && mode == RP_MODE_EXEC) {
        rc_decref(r);
        return rp_new_ref(ip->none);
    }
    return r;
}

BT_CFUNC(bi_exec) {
    return run_source(ip, args, nargs, kwnames, "exec", RP_MODE_EXEC);
}

BT_CFUNC(bi_eval) {
    return run_source(ip, args, nargs, kwnames, "eval", RP_MODE_EVAL);
}

/* ====================================================================== */
/* __import__                                                             */
/* ====================================================================== */

BT_CFUNC(bi_import) {
    static const char *const names[] = {"name",     "globals", "locals",
                                        "fromlist", "level",   NULL};
    static const rp_argspec spec = {"__import__", names, 1, 5, 0};
    rc_object *a[5];
    ptrdiff_t level = 0;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0 ||
        (a[4] && bt_index(ip, a[4], &level) < 0))
        return NULL;
    rc_object *g = a[1] && a[1] != ip->none ? a[1] : NULL;
    return rp_import(ip, bt_value(a[0]), g, a[3], (int)level);
}

const rp_methoddef rp_bt_eval_builtins[] = {
    {"globals", bi_globals, 0,
     "Return the dictionary containing the current scope's global "
     "variables."},
    {"locals", bi_locals, 0,
     "Return a dictionary containing the current scope's local variables."},
    {"vars", bi_vars, 0,
     "Show vars: without arguments, equivalent to locals()."},
    {"dir", bi_dir, 0,
     "Show attributes of an object: dir([object]) -> list of strings"},
    {"compile", bi_compile, 0,
     "Compile source into a code object that can be executed by exec() or "
     "eval()."},
    {"exec", bi_exec, 0,
     "Execute the given source in the context of globals and locals."},
    {"eval", bi_eval, 0,
     "Evaluate the given source in the context of globals and locals."},
    {"__import__", bi_import, 0, "Import a module."},
    {NULL},
};
