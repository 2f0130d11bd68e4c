/*
 * repl.c — running source: a script, -c code, and the interactive prompt;
 * and what happens to an exception nobody caught.
 *
 * rp_run_source compiles text as a module body and runs it in __main__'s
 * dict. An uncaught exception goes to sys.excepthook (which prints it the
 * way CPython does); SystemExit instead gives the exit status: code None
 * → 0, an int → itself, anything else printed to stderr → 1.
 *
 * The prompt reads one statement at a time: lines are gathered while the
 * parser says the input is incomplete (an open bracket, a compound
 * statement not yet ended by an empty line), as CPython's interactive
 * tokenizer does. Each statement is compiled in
 * "single" mode, so expression values go to sys.displayhook. Invariant:
 * no exception is pending between statements.
 */
#define _POSIX_C_SOURCE 200809L
#include "front.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef RP_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

/* ====================================================================== */
/* Uncaught exceptions                                                    */
/* ====================================================================== */

/* The exit status a SystemExit asks for (pythonrun.c's rule). */
static int system_exit_status(rp_interp *ip, rc_object *exc) {
    rc_object *code = rp_exc_attr(ip, exc, "code");
    if (!code || rc_is_none(code))
        return 0;
    int64_t v;
    if (rc_is_int(code)) {
        if (rc_int_to_i64(code, &v) < 0) {
            rp_err_clear(ip);
            return -1;
        }
        return (int)v;
    }
    rc_object *out = rp_sys_get(ip, "stdout");
    if (out && rp_file_flush(ip, out) < 0)
        rp_err_clear(ip);
    rc_object *s = rc_str(code);
    rc_object *err = rp_sys_get(ip, "stderr");
    if (!s || !err || rc_is_none(err) || rp_file_write(ip, err, s) < 0 ||
        rp_file_write_cstr(ip, err, "\n") < 0) {
        rp_err_clear(ip);
        fprintf(stderr, "%s\n", s ? rc_str_utf8(s) : "");
    }
    rc_xdecref(s);
    return 1;
}

static void set_last(rp_interp *ip, rc_object *exc) {
    rc_object *sysd = ip->sysmod ? ((rp_module *)ip->sysmod)->dict : NULL;
    rc_object *tb = ((rp_exc *)exc)->traceback;
    const struct {
        const char *name;
        rc_object *value;
    } last[] = {{"last_type", &rp_type_of(exc)->ob},
                {"last_value", exc},
                {"last_traceback", tb ? tb : ip->none}};
    for (size_t i = 0; sysd && i < 3; i++) {
        rc_object *k = rp_str(ip, last[i].name);
        if (!k || rc_dict_setitem(sysd, k, last[i].value) < 0)
            rp_err_clear(ip);
        rc_xdecref(k);
    }
}

static void call_excepthook(rp_interp *ip, rc_object *exc) {
    rc_object *hook = rp_sys_get(ip, "excepthook");
    if (!hook || rc_is_none(hook)) {
        rc_object *err = rp_sys_get(ip, "stderr");
        if (!err || rp_file_write_cstr(ip, err, "sys.excepthook is missing\n"))
            rp_err_clear(ip);
        rp_print_exception(ip, exc, NULL);
        return;
    }
    rc_object *tb = ((rp_exc *)exc)->traceback;
    rc_object *argv[3] = {&rp_type_of(exc)->ob, exc, tb ? tb : ip->none};
    rc_incref(hook);
    rc_object *r = rp_call(ip, hook, argv, 3, NULL);
    rc_decref(hook);
    if (r) {
        rc_decref(r);
        return;
    }
    rc_object *exc2 = rp_err_fetch(ip);
    rc_object *err = rp_sys_get(ip, "stderr");
    if (err && rp_file_write_cstr(ip, err, "Error in sys.excepthook:\n") < 0)
        rp_err_clear(ip);
    if (exc2)
        rp_print_exception(ip, exc2, NULL);
    if (err && rp_file_write_cstr(ip, err, "\nOriginal exception was:\n") < 0)
        rp_err_clear(ip);
    rp_print_exception(ip, exc, NULL);
    rc_xdecref(exc2);
}

int rp_handle_uncaught(rp_interp *ip) {
    rc_object *exc = rp_err_fetch(ip);
    if (!exc)
        return 0;
    int r = 0;
    if (rp_is_instance(exc, ip->exc.SystemExit)) {
        ip->exit_code = system_exit_status(ip, exc);
        r = 1;
    } else {
        ip->exit_code =
            rp_is_instance(exc, ip->exc.KeyboardInterrupt) ? 130 : 1;
        set_last(ip, exc);
        call_excepthook(ip, exc);
    }
    rp_err_clear(ip);
    rc_decref(exc);
    return r;
}

/* ====================================================================== */
/* Running source                                                         */
/* ====================================================================== */

static rc_object *main_dict(rp_interp *ip) {
    return ((rp_module *)ip->main)->dict;
}

/* Runs a code object in globals; 0, 1 (SystemExit) or -1 (printed). */
static int run_code(rp_interp *ip, rc_object *code, rc_object *globals) {
    rc_object *r = code ? rp_eval_code(ip, code, globals, globals) : NULL;
    if (r) {
        rc_decref(r);
        return 0;
    }
    return rp_handle_uncaught(ip) ? 1 : -1;
}

int rp_run_source(rp_interp *ip, const char *src, size_t len,
                  const char *filename, rc_object *globals) {
    if (!globals) {
        globals = main_dict(ip);
        if (filename[0] != '<') {
            rc_object *f = rp_str(ip, filename);
            if (!f || rc_dict_setitem(globals, ip->s.file, f) < 0)
                rp_err_clear(ip);
            rc_xdecref(f);
        }
    }
    rc_object *fn = rp_str(ip, filename);
    rc_object *code = fn ? rp_compile(ip, src, len, fn, RP_MODE_EXEC) : NULL;
    rc_xdecref(fn);
    int r = run_code(ip, code, globals);
    rc_xdecref(code);
    return r;
}

/* ====================================================================== */
/* The prompt                                                             */
/* ====================================================================== */

typedef struct linebuf {
    char *p;
    size_t len, cap;
} linebuf;

static bool linebuf_add(linebuf *b, const char *s) {
    size_t n = strlen(s);
    if (b->len + n + 2 > b->cap) {
        size_t cap = (b->len + n + 2) * 2;
        char *p = realloc(b->p, cap);
        if (!p)
            return false;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len++] = '\n';
    b->p[b->len] = '\0';
    return true;
}

/* sys.ps1 / sys.ps2 as text (">>> " / "... " by default). */
static char *prompt_text(rp_interp *ip, bool more) {
    rc_object *p = rp_sys_get(ip, more ? "ps2" : "ps1");
    rc_object *s = p ? rc_str(p) : NULL;
    char *t = strdup(s ? rc_str_utf8(s) : more ? "... " : ">>> ");
    rc_xdecref(s);
    rp_err_clear(ip);
    return t;
}

/* One line without its newline (malloc'd), or NULL at end of input. */
static char *read_line(rp_interp *ip, bool more) {
    rc_object *out = rp_sys_get(ip, "stdout");
    if (out && rp_file_flush(ip, out) < 0)
        rp_err_clear(ip);
    char *prompt = prompt_text(ip, more);
    char *line = NULL;
#ifdef RP_HAVE_LIBEDIT
    if (isatty(0)) {
        line = readline(prompt ? prompt : "");
        if (line && *line)
            add_history(line);
        free(prompt);
        return line;
    }
#endif
    fputs(prompt ? prompt : "", stderr);
    fflush(stderr);
    free(prompt);
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return NULL;
    }
    if (n > 0 && line[n - 1] == '\n')
        line[n - 1] = '\0';
    return line;
}

/* How the parser sees the text so far: 1 a statement, 0 incomplete, -1 a
 * syntax error (compiling reports it). */
static int parse_state(rp_interp *ip, const linebuf *b) {
    rp_arena *arena = rp_arena_new(ip->rt);
    if (!arena) {
        rp_err_clear(ip);
        return -1;
    }
    rp_syntax_error err;
    rp_mod *mod = rp_parse(arena, b->p, b->len, RP_MODE_SINGLE, &err);
    rp_arena_free(arena);
    rp_err_clear(ip);
    return mod ? 1 : err.kind == RP_SYNTAX_INCOMPLETE ? 0 : -1;
}

/* Compiles and runs one interactive statement; 1 when SystemExit asks the
 * prompt to end. At the end of input, text that is still incomplete is
 * compiled as a file would be, for the error a file would give ("'(' was
 * never closed"). The parser applies the prompt's rules: a compound
 * statement is incomplete until an empty line. */
static int run_statement(rp_interp *ip, const linebuf *b, bool eof) {
    rp_mode mode =
        eof && parse_state(ip, b) == 0 ? RP_MODE_EXEC : RP_MODE_SINGLE;
    rc_object *fn = rp_str(ip, "<stdin>");
    rc_object *code = fn ? rp_compile(ip, b->p, b->len, fn, mode) : NULL;
    rc_xdecref(fn);
    int r = run_code(ip, code, main_dict(ip));
    rc_xdecref(code);
    return r == 1;
}

static void keyboard_interrupt(rp_interp *ip) {
    ip->interrupted = 0;
    rp_err_clear(ip);
    rc_object *err = rp_sys_get(ip, "stderr");
    if (!err || rp_file_write_cstr(ip, err, "\nKeyboardInterrupt\n") < 0) {
        rp_err_clear(ip);
        fputs("\nKeyboardInterrupt\n", stderr);
    }
}

static void history_path(char *buf, size_t cap) {
    const char *home = getenv("HOME");
    snprintf(buf, cap, "%s/.rcpy_history", home ? home : ".");
}

static int repl_loop(rp_interp *ip) {
    linebuf b = {0};
    for (;;) {
        char *line = read_line(ip, b.len > 0);
        if (ip->interrupted) {
            free(line);
            b.len = 0;
            keyboard_interrupt(ip);
            continue;
        }
        if (!line) { /* end of input ends a pending statement too */
            fputs("\n", stderr);
            if (b.len == 0)
                break;
        }
        bool eof = !line;
        bool blank = eof || line[strspn(line, " \t")] == '\0';
        if (blank && b.len == 0) {
            free(line);
            continue;
        }
        bool ok = linebuf_add(&b, line ? line : "");
        free(line);
        if (!ok || (!blank && parse_state(ip, &b) == 0))
            continue;
        int stop = run_statement(ip, &b, eof);
        b.len = 0;
        if (ip->interrupted)
            keyboard_interrupt(ip);
        if (stop) {
            free(b.p);
            return ip->exit_code;
        }
    }
    free(b.p);
    return 0;
}

int rp_repl(rp_interp *ip) {
    rc_object *ps1 = rp_str(ip, ">>> "), *ps2 = rp_str(ip, "... ");
    if (ps1 && ps2) {
        rc_incref(ps1);
        rc_incref(ps2);
        if (rp_module_add_object(ip, ip->sysmod, "ps1", ps1) < 0 ||
            rp_module_add_object(ip, ip->sysmod, "ps2", ps2) < 0)
            rp_err_clear(ip);
    }
    rc_xdecref(ps1);
    rc_xdecref(ps2);
    char hist[1024];
    history_path(hist, sizeof hist);
#ifdef RP_HAVE_LIBEDIT
    if (isatty(0))
        read_history(hist);
#endif
    int code = repl_loop(ip);
#ifdef RP_HAVE_LIBEDIT
    if (isatty(0))
        write_history(hist);
#endif
    return code;
}
