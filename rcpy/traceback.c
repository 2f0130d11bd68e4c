/*
 * traceback.c — traceback objects, and printing an exception the way
 * CPython 3.11's default sys.excepthook prints it.
 *
 * A traceback is a chain of entries (tb_next), one per frame an exception
 * passed through, outermost first: rp_traceback_here prepends an entry
 * each time the exception leaves a frame, as CPython's PyTraceBack_Here.
 * Each entry holds the frame object and the instruction that failed, so
 * the printer can find the file, the line and 3.11's column carets from
 * the code object's positions.
 *
 * Printing builds the text in a C buffer (malloc'd, so it works when the
 * runtime's heap is exhausted by a MemoryError) and writes it to the file
 * object at the end. The layout follows Python/traceback.c and
 * Python/pythonrun.c of 3.11: "Traceback (most recent call last):",
 * `  File "x.py", line 3, in f`, the source line stripped of its
 * indentation, a caret line unless the failing span is the whole line
 * (binary operators and subscripts get ~~~^^^ anchors found by parsing
 * the span), "[Previous line repeated N more times]" after three equal
 * entries, SyntaxError's own location display, causes and contexts first.
 */
#define _POSIX_C_SOURCE 200809L /* getline */
#include "front.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define EXC(o)           ((rp_exc *)(o))
#define TB(o)            ((rp_traceback *)(o))
#define RECURSIVE_CUTOFF 3

/* ====================================================================== */
/* The traceback kind                                                     */
/* ====================================================================== */

static int tb_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    if (TB(self)->next) {
        int r = visit(TB(self)->next, arg);
        if (r)
            return r;
    }
    return TB(self)->frame ? visit(TB(self)->frame, arg) : 0;
}

static int tb_clear(rc_object *self) {
    rc_object *next = TB(self)->next, *frame = TB(self)->frame;
    TB(self)->next = TB(self)->frame = NULL;
    rc_xdecref(next);
    rc_xdecref(frame);
    return 0;
}

const rc_type rp_traceback_type = {
    .name = "traceback",
    .basicsize = sizeof(rp_traceback),
    .flags = RC_TYPE_GC,
    .traverse = tb_traverse,
    .clear = tb_clear,
};

static rc_object *tb_new(rp_interp *ip, rc_object *next, rc_object *frame,
                         uint32_t lasti, int lineno) {
    rc_object *tb = rc_new_untracked(ip->rt, &rp_traceback_type);
    if (!tb)
        return NULL;
    rc_xincref(next);
    rc_incref(frame);
    TB(tb)->next = next;
    TB(tb)->frame = frame;
    TB(tb)->lasti = lasti;
    TB(tb)->lineno = lineno;
    rc_gc_track(tb);
    return tb;
}

int rp_traceback_here(rp_interp *ip, rp_frame *f) {
    rc_object *exc = rp_err_fetch(ip);
    if (!exc)
        return 0;
    rc_object *frame = rp_frame_object(ip, f);
    rc_object *tb = frame ? tb_new(ip, EXC(exc)->traceback, frame, f->lasti,
                                   rp_code_line(f->code, f->lasti))
                          : NULL;
    rc_xdecref(frame);
    if (!tb) {
        rc_decref(exc); /* the MemoryError that stopped us wins */
        return -1;
    }
    rc_object *old = EXC(exc)->traceback;
    EXC(exc)->traceback = tb;
    rc_xdecref(old);
    rp_err_restore(ip, exc);
    return 0;
}

static rc_object *tb_get_next(rp_interp *ip, rc_object *self) {
    rc_object *n = TB(self)->next ? TB(self)->next : ip->none;
    rc_incref(n);
    return n;
}

/* tb.tb_next = x: a traceback or None, never making a loop. */
static int tb_set_next(rp_interp *ip, rc_object *self, rc_object *v) {
    if (!v)
        return rp_raise(ip, ip->exc.TypeError,
                        "can't delete tb_next attribute");
    if (!rc_is_none(v) && v->type != &rp_traceback_type)
        return rp_raise(ip, ip->exc.TypeError,
                        "expected traceback object or None, got '%s'",
                        rc_type_name(v));
    for (rc_object *c = v; c && !rc_is_none(c); c = TB(c)->next)
        if (c == self)
            return rp_raise(ip, ip->exc.ValueError, "traceback loop detected");
    rc_object *old = TB(self)->next;
    TB(self)->next = rc_is_none(v) ? NULL : (rc_incref(v), v);
    rc_xdecref(old);
    return 0;
}

static rc_object *tb_get_frame(rp_interp *ip, rc_object *self) {
    (void)ip;
    rc_incref(TB(self)->frame);
    return TB(self)->frame;
}

static rc_object *tb_get_lasti(rp_interp *ip, rc_object *self) {
    return rc_int_from_i64(ip->rt, (int64_t)TB(self)->lasti * 2);
}

static rc_object *tb_get_lineno(rp_interp *ip, rc_object *self) {
    return rc_int_from_i64(ip->rt, TB(self)->lineno);
}

static const rp_getsetdef tb_getsets[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

int rp_traceback_init(rp_interp *ip);
int rp_traceback_init(rp_interp *ip) {
    ip->cls.traceback = rp_class_new_builtin(
        ip, "traceback", &rp_traceback_type, ip->cls.object, NULL, NULL, 0);
    if (!ip->cls.traceback)
        return -1;
    return rp_class_add_getsets(ip, ip->cls.traceback, tb_getsets);
}

/* ====================================================================== */
/* A text buffer                                                          */
/* ====================================================================== */

typedef struct sbuf {
    char *p;
    size_t len, cap;
    bool failed; /* memory ran out: the text is cut */
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n) {
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s) {
    sb_add(b, s, strlen(s));
}

static void sb_printf(sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void sb_printf(sbuf *b, const char *fmt, ...) {
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    char *text = rp_vformat(small, sizeof small, fmt, ap);
    va_end(ap);
    if (!text) {
        b->failed = true;
        return;
    }
    sb_puts(b, text);
    if (text != small)
        free(text);
}

static void sb_repeat(sbuf *b, char c, ptrdiff_t n) {
    for (; n > 0; n--)
        sb_add(b, &c, 1);
}

/* ====================================================================== */
/* Source lines and columns                                               */
/* ====================================================================== */

/* Line `lineno` of the file, without its newline, malloc'd; NULL when the
 * file or the line cannot be read. */
static char *read_line(const char *filename, int lineno) {
    if (!filename || filename[0] == '<' || lineno < 1)
        return NULL;
    FILE *fp = fopen(filename, "r");
    if (!fp)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = -1;
    for (int i = 0; i < lineno; i++)
        if ((n = getline(&line, &cap, fp)) < 0)
            break;
    fclose(fp);
    if (n < 0) {
        free(line);
        return NULL;
    }
    if (n > 0 && line[n - 1] == '\n')
        line[--n] = '\0';
    if (n > 0 && line[n - 1] == '\r')
        line[--n] = '\0';
    return line;
}

bool rp_source_line(const char *filename, int lineno, char *buf, size_t cap) {
    char *line = read_line(filename, lineno);
    if (!line)
        return false;
    const char *s = line;
    while (*s == ' ' || *s == '\t' || *s == '\f')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    free(line);
    return true;
}

/* Characters (code points) in the first `bytes` bytes of UTF-8 text. */
static ptrdiff_t chars_in(const char *s, ptrdiff_t bytes) {
    ptrdiff_t n = 0;
    for (ptrdiff_t i = 0; i < bytes && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* The columns a terminal gives the code point at *p (2 for East Asian
 * wide and fullwidth characters and emoji, as 3.11's traceback counts
 * them, else 1); *p moves past it. At the end of the text: 1. */
static int next_width(const char **p) {
    const unsigned char *s = (const unsigned char *)*p;
    if (!*s)
        return 1;
    uint32_t c = *s++;
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    c &= more == 3 ? 0x07 : more == 2 ? 0x0F : more == 1 ? 0x1F : 0x7F;
    for (; more && (*s & 0xC0) == 0x80; more--)
        c = c << 6 | (*s++ & 0x3F);
    *p = (const char *)s;
    static const uint32_t wide[][2] = {
        {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
        {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
        {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},
        {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
        {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (wide[i][0] <= c && c <= wide[i][1])
            return 2;
    return 1;
}

static bool is_ws(char c) {
    return c == ' ' || c == '\t' || c == '\f';
}

/* ====================================================================== */
/* 3.11's anchors: ~~~^^^ under binary operators and subscripts           */
/* ====================================================================== */

typedef struct anchors {
    ptrdiff_t left, right; /* byte offsets in the segment: the secondary
                              (^) range is [left, right) */
} anchors;

static bool binop_anchors(const char *seg, size_t len, const rp_expr *e,
                          anchors *out) {
    ptrdiff_t i = e->v.binop.left->loc.end_col_offset;
    ptrdiff_t stop = e->v.binop.right->loc.col_offset;
    while (i < stop && is_ws(seg[i]))
        i++;
    ptrdiff_t right = i + 1;
    if (i + 1 < stop && !is_ws(seg[i + 1]))
        right++;
    /* a closing parenthesis of the left operand is not the operator */
    while ((size_t)i < len &&
           (is_ws(seg[i]) || seg[i] == ')' || seg[i] == '#')) {
        i++;
        right++;
    }
    out->left = i;
    out->right = right;
    return true;
}

static bool subscript_anchors(const char *seg, size_t len, const rp_expr *e,
                              anchors *out) {
    ptrdiff_t left = e->v.subscript.value->loc.end_col_offset;
    ptrdiff_t right = e->v.subscript.slice->loc.end_col_offset + 1;
    while ((size_t)left < len && seg[left] != '[')
        left++;
    while ((size_t)right < len && seg[right] != ']')
        right++;
    if ((size_t)right < len)
        right++;
    out->left = left;
    out->right = right;
    return true;
}

/* Parses the failing span as a statement of its own; a lone binary
 * operation or subscript gives anchors (as CPython's traceback.c). */
static bool find_anchors(rp_interp *ip, const char *seg, size_t len,
                         anchors *out) {
    rp_arena *arena = rp_arena_new(ip->rt);
    if (!arena) {
        rp_err_clear(ip);
        return false;
    }
    rp_syntax_error err;
    rp_mod *mod = rp_parse(arena, seg, len, RP_MODE_EXEC, &err);
    bool found = false;
    if (mod && mod->body.n == 1 && mod->body.items[0]->kind == RP_S_EXPR) {
        const rp_expr *e = mod->body.items[0]->v.expr.value;
        if (e->kind == RP_E_BINOP)
            found = binop_anchors(seg, len, e, out);
        else if (e->kind == RP_E_SUBSCRIPT)
            found = subscript_anchors(seg, len, e, out);
    }
    rp_arena_free(arena);
    rp_err_clear(ip);
    return found;
}

/* The caret line under `line` (the whole source line, indentation
 * included) for the span pos; nothing when the span is the whole
 * stripped line and has no anchors. */
static void print_carets(rp_interp *ip, sbuf *b, const char *line,
                         const rp_pos *pos) {
    if (pos->line < 0 || pos->end_line < 0 || pos->col < 0 || pos->end_col < 0)
        return;
    ptrdiff_t linelen = (ptrdiff_t)strlen(line);
    if (pos->col > linelen)
        return;
    ptrdiff_t start = chars_in(line, pos->col);
    ptrdiff_t end;
    bool have = false;
    anchors a = {-1, -1};
    if (pos->line == pos->end_line) {
        ptrdiff_t eb = pos->end_col < linelen ? pos->end_col : linelen;
        end = chars_in(line, eb);
        if (eb > pos->col)
            have =
                find_anchors(ip, line + pos->col, (size_t)(eb - pos->col), &a);
        if (have) { /* to characters of the whole line */
            a.left = start + chars_in(line + pos->col, a.left);
            a.right = start + chars_in(line + pos->col, a.right);
        }
    } else {
        ptrdiff_t i = linelen;
        while (--i >= 0 && is_ws(line[i]))
            ;
        end = chars_in(line, i + 1);
    }
    ptrdiff_t indent = 0;
    while (is_ws(line[indent]))
        indent++;
    ptrdiff_t stripped = chars_in(line, linelen) - indent;
    if (end - start == stripped && !have)
        return;
    sb_puts(b, "    ");
    const char *p = line + indent;
    for (ptrdiff_t k = indent; k < start; k++)
        sb_repeat(b, ' ', next_width(&p));
    for (ptrdiff_t k = start; k < end; k++)
        sb_repeat(b,
                  have && a.left <= k && k < a.right ? '^'
                  : have                             ? '~'
                                                     : '^',
                  next_width(&p));
    sb_puts(b, "\n");
}

/* ====================================================================== */
/* Entries                                                                */
/* ====================================================================== */

typedef struct entry {
    rp_code *code; /* borrowed from the frame object */
    int lineno;
    uint32_t lasti;
} entry;

/* The code object of a traceback entry's frame (new reference), or NULL. */
static rp_code *entry_code(rp_interp *ip, rc_object *tb) {
    rc_object *co = rp_getattr_cstr(ip, TB(tb)->frame, "f_code");
    if (!co || co->type != &rp_code_type) {
        rc_xdecref(co);
        rp_err_clear(ip);
        return NULL;
    }
    return (rp_code *)co;
}

static void print_entry(rp_interp *ip, sbuf *b, const entry *e) {
    const char *file = rc_str_utf8(e->code->filename);
    sb_printf(b, "  File \"%s\", line %d, in %s\n", file, e->lineno,
              rc_str_utf8(e->code->name));
    bool shutdown = !ip->front || ip->front->finalizing;
    char *line = shutdown ? NULL : read_line(file, e->lineno);
    if (!line)
        return;
    const char *s = line;
    while (is_ws(*s))
        s++;
    sb_printf(b, "    %s\n", s);
    if (e->lasti < e->code->ninstrs && e->code->positions)
        print_carets(ip, b, line, &e->code->positions[e->lasti]);
    free(line);
}

static void print_repeated(sbuf *b, long count) {
    count -= RECURSIVE_CUTOFF;
    sb_printf(b, "  [Previous line repeated %ld more time%s]\n", count,
              count > 1 ? "s" : "");
}

static void print_tb(rp_interp *ip, sbuf *b, rc_object *tb) {
    sb_puts(b, "Traceback (most recent call last):\n");
    rp_code *last_code = NULL;
    int last_line = -1;
    long count = 0;
    for (; tb; tb = TB(tb)->next) {
        rp_code *co = entry_code(ip, tb);
        if (!co)
            continue;
        bool same = last_code && co->filename == last_code->filename &&
                    TB(tb)->lineno == last_line && co->name == last_code->name;
        if (!same) {
            if (count > RECURSIVE_CUTOFF)
                print_repeated(b, count);
            if (last_code)
                rc_decref(&last_code->ob);
            last_code = co;
            rc_incref(&co->ob);
            last_line = TB(tb)->lineno;
            count = 0;
        }
        if (++count <= RECURSIVE_CUTOFF) {
            entry e = {co, TB(tb)->lineno, TB(tb)->lasti};
            print_entry(ip, b, &e);
        }
        rc_decref(&co->ob);
    }
    if (count > RECURSIVE_CUTOFF)
        print_repeated(b, count);
    if (last_code)
        rc_decref(&last_code->ob);
}

/* ====================================================================== */
/* The exception line and SyntaxError's location                          */
/* ====================================================================== */

/* 1: an int read into *out; 0: None or absent (*out = dflt); -1: another
 * kind of value. */
static int attr_int(rp_interp *ip, rc_object *exc, const char *name,
                    int64_t *out, int64_t dflt) {
    rc_object *v = rp_exc_attr(ip, exc, name);
    *out = dflt;
    if (!v || rc_is_none(v))
        return 0;
    return rc_is_int(v) && rc_int_to_i64(v, out) == 0 ? 1 : -1;
}

/* A 1-based character offset into UTF-8 text as a 1-based byte offset
 * (offsets past the text keep their distance from its end; 0 and
 * negative ones are left alone). */
static int64_t byte_offset(const char *text, int64_t off) {
    if (off <= 0)
        return off;
    int64_t i = 0, chars = 0;
    while (text[i] && chars < off - 1) {
        i++; /* past a lead byte and its continuation bytes */
        while (((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
        chars++;
    }
    return i + 1 + (off - 1 - chars);
}

/* The source line and carets of a SyntaxError (pythonrun.c's
 * print_error_text). offset and end_offset are 1-based. */
static void print_error_text(sbuf *b, int64_t offset, int64_t end_offset,
                             const char *text) {
    int64_t reps =
        end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
    offset--;
    while (is_ws(*text)) {
        text++;
        offset--;
    }
    int64_t len = (int64_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n')
        len--;
    if (offset > len)
        offset = len;
    for (const char *nl; (nl = strchr(text, '\n'));) {
        int64_t inl = nl - text;
        if (inl >= offset)
            break;
        inl++;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    sb_puts(b, "    ");
    sb_puts(b, text);
    if (text[len] != '\n')
        sb_puts(b, "\n");
    if (offset < 0)
        return;
    sb_puts(b, "    ");
    sb_repeat(b, ' ', offset);
    sb_repeat(b, '^', reps);
    sb_puts(b, "\n");
}

/* `  File "x.py", line 1`, the text and the carets; the message to print
 * after the class name (new reference) is exc.msg, or NULL when exc does
 * not have SyntaxError's attributes. */
static rc_object *print_syntax_location(rp_interp *ip, sbuf *b,
                                        rc_object *exc) {
    if (!rp_exc_attr(ip, exc, "print_file_and_line"))
        return NULL;
    rc_object *msg = rp_exc_attr(ip, exc, "msg");
    rc_object *fn = rp_exc_attr(ip, exc, "filename");
    rc_object *text = rp_exc_attr(ip, exc, "text");
    int64_t lineno, offset, end_lineno, end_offset;
    if (!msg || attr_int(ip, exc, "lineno", &lineno, 0) != 1 ||
        attr_int(ip, exc, "offset", &offset, -1) < 0)
        return NULL;
    bool exact = rp_type_of(exc) == ip->exc.SyntaxError;
    if (!exact || attr_int(ip, exc, "end_lineno", &end_lineno, lineno) < 0)
        end_lineno = lineno;
    if (!exact || attr_int(ip, exc, "end_offset", &end_offset, -1) < 0)
        end_offset = -1;
    rc_object *fs = fn && !rc_is_none(fn) ? rc_str(fn) : rp_str(ip, "<string>");
    if (!fs) {
        rp_err_clear(ip);
        return NULL;
    }
    sb_printf(b, "  File \"%s\", line %lld\n", rc_str_utf8(fs),
              (long long)lineno);
    rc_decref(fs);
    if (text && rc_is_str(text)) {
        /* the offsets count characters; the text is printed as UTF-8 and
         * CPython 3.11 places the carets by byte */
        offset = byte_offset(rc_str_utf8(text), offset);
        end_offset = byte_offset(rc_str_utf8(text), end_offset);
        int64_t size = (int64_t)rc_str_size(text);
        if (end_lineno > lineno)
            end_offset = size;
        if (end_offset > size + 1)
            end_offset = size + 1;
        print_error_text(b, offset, end_offset, rc_str_utf8(text));
    }
    rc_incref(msg);
    return msg;
}

/* ====================================================================== */
/* "Did you mean: 'print'?" (3.11's suggestions for NameError and         */
/* AttributeError)                                                        */
/* ====================================================================== */

#define MAX_CANDIDATES 750
#define MAX_NAME       40
#define MOVE_COST      2
#define CASE_COST      1

/* 0 for equal bytes, CASE_COST for a letter of the other case. */
static size_t subst_cost(char a, char b) {
    if (a == b)
        return 0;
    char la = (char)('A' <= a && a <= 'Z' ? a + 32 : a);
    char lb = (char)('A' <= b && b <= 'Z' ? b + 32 : b);
    return la == lb ? CASE_COST : MOVE_COST;
}

/* Edit distance between a and b with those costs; anything above max is
 * reported as max + 1. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb,
                            size_t max) {
    while (na && nb && *a == *b)
        a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (!na || !nb)
        return (na + nb) * MOVE_COST;
    if (na > MAX_NAME || nb > MAX_NAME)
        return max + 1;
    if (nb < na) { /* the shorter one indexes the row */
        const char *t = a;
        a = b, b = t;
        size_t tn = na;
        na = nb, nb = tn;
    }
    if ((nb - na) * MOVE_COST > max)
        return max + 1;
    size_t row[MAX_NAME];
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t diag = j * MOVE_COST; /* cost(b[:j], a[:0]) */
        result = (j + 1) * MOVE_COST;
        size_t best = result;
        for (size_t i = 0; i < na; i++) {
            size_t sub = diag + subst_cost(b[j], a[i]);
            diag = row[i];
            size_t ins = (result < diag ? result : diag) + MOVE_COST;
            result = ins < sub ? ins : sub;
            row[i] = result;
            if (result < best)
                best = result;
        }
        if (best > max)
            return max + 1;
    }
    return result;
}

typedef struct suggest {
    const char *name; /* what was asked for */
    size_t len;
    rc_object *best; /* borrowed candidate, or NULL */
    size_t distance;
} suggest;

static void consider(suggest *sg, rc_object *cand) {
    if (!rc_is_str(cand))
        return;
    const char *c = rc_str_utf8(cand);
    size_t n = rc_str_size(cand);
    if (n == sg->len && memcmp(c, sg->name, n) == 0)
        return;
    size_t max = (sg->len + n + 3) * MOVE_COST / 6;
    if (sg->best && sg->distance > 0 && sg->distance - 1 < max)
        max = sg->distance - 1;
    size_t d = edit_distance(sg->name, sg->len, c, n, max);
    if (d <= max && (!sg->best || d < sg->distance)) {
        sg->best = cand;
        sg->distance = d;
    }
}

/* The keys of a dict, or the items of a list, as candidates; false when
 * there are too many (CPython then suggests nothing from them). */
static bool consider_all(suggest *sg, rc_object *names) {
    if (names && rc_is_dict(names)) {
        if (rc_dict_size(names) >= MAX_CANDIDATES)
            return false;
        rc_object *k, *v;
        for (size_t pos = 0; rc_dict_next(names, &pos, &k, &v);)
            consider(sg, k);
    } else if (names && rc_is_list(names)) {
        if (rc_list_size(names) >= MAX_CANDIDATES)
            return false;
        for (size_t i = 0; i < rc_list_size(names); i++)
            consider(sg, rc_list_get(names, (ptrdiff_t)i));
    }
    return true;
}

/* The name a NameError is about: its name attribute, else the one its
 * message quotes ("name 'x' is not defined"). New str, or NULL. */
static rc_object *name_error_name(rp_interp *ip, rc_object *exc) {
    rc_object *n = rp_exc_attr(ip, exc, "name");
    if (n && rc_is_str(n)) {
        rc_incref(n);
        return n;
    }
    rc_object *args = ((rp_exc *)exc)->args;
    if (!args || rc_tuple_size(args) != 1 || !rc_is_str(rc_tuple_get(args, 0)))
        return NULL;
    const char *m = rc_str_utf8(rc_tuple_get(args, 0));
    const char *end = strstr(m, "' is not defined");
    if (strncmp(m, "name '", 6) != 0 || !end || end < m + 6)
        return NULL;
    return rc_str_from_utf8(ip->rt, m + 6, (size_t)(end - m - 6));
}

/* Local names of the innermost frame, then its globals, then builtins. */
static void suggest_name(rp_interp *ip, rc_object *exc, suggest *sg) {
    rc_object *tb = ((rp_exc *)exc)->traceback;
    if (!tb)
        return;
    while (TB(tb)->next)
        tb = TB(tb)->next;
    rp_code *co = entry_code(ip, tb);
    if (co) {
        size_t n = rc_tuple_size(co->localsplusnames);
        if (n < MAX_CANDIDATES)
            for (size_t i = 0; i < n; i++)
                if (co->localspluskinds[i] & RP_FAST_LOCAL)
                    consider(sg, rc_tuple_get(co->localsplusnames, i));
        rc_decref(&co->ob);
    }
    const char *scopes[] = {"f_globals", "f_builtins"};
    for (size_t i = 0; i < 2 && !sg->best; i++) {
        rc_object *d = rp_getattr_cstr(ip, TB(tb)->frame, scopes[i]);
        consider_all(sg, d);
        rc_xdecref(d);
        rp_err_clear(ip);
    }
}

/* dir(obj) for an AttributeError that knows its object. */
static void suggest_attribute(rp_interp *ip, rc_object *exc, suggest *sg) {
    rc_object *obj = rp_exc_attr(ip, exc, "obj");
    rc_object *key = rc_str_intern(ip->rt, "dir");
    rc_object *dir =
        key && ip->builtins ? rc_dict_getitem(ip->builtins, key) : NULL;
    rc_xdecref(key);
    if (!obj || rc_is_none(obj) || !dir)
        return;
    rc_object *names = rp_call1(ip, dir, obj);
    consider_all(sg, names);
    rc_xdecref(names);
    rp_err_clear(ip);
}

/* ". Did you mean: 'x'?" for NameError and AttributeError (the classes
 * themselves, as 3.11), else nothing. */
static void print_suggestion(rp_interp *ip, sbuf *b, rc_object *exc) {
    rp_class *cls = rp_type_of(exc);
    bool name_error = cls == ip->exc.NameError;
    if (!name_error && cls != ip->exc.AttributeError)
        return;
    rc_object *name =
        name_error ? name_error_name(ip, exc) : rp_exc_attr(ip, exc, "name");
    if (!name || !rc_is_str(name)) {
        if (name_error)
            rc_xdecref(name);
        return;
    }
    if (!name_error)
        rc_incref(name);
    suggest sg = {rc_str_utf8(name), rc_str_size(name), NULL, 0};
    if (name_error)
        suggest_name(ip, exc, &sg);
    else
        suggest_attribute(ip, exc, &sg);
    if (sg.best)
        sb_printf(b, ". Did you mean: '%s'?", rc_str_utf8(sg.best));
    rc_decref(name);
    rp_err_clear(ip);
}

/* "ValueError: x", "KeyboardInterrupt", "mod.MyError: x", then notes. */
static void print_last_line(rp_interp *ip, sbuf *b, rc_object *exc,
                            rc_object *value) {
    rc_object *name = rp_exc_type_name(ip, exc);
    sb_puts(b, name ? rc_str_utf8(name) : "<unknown>");
    rc_xdecref(name);
    rc_object *s = rc_is_none(value) ? NULL : rc_str(value);
    if (!rc_is_none(value) && !s)
        sb_puts(b, ": <exception str() failed>");
    else if (s && rc_str_size(s) > 0) {
        sb_puts(b, ": ");
        sb_puts(b, rc_str_utf8(s));
    }
    rc_xdecref(s);
    rp_err_clear(ip);
    print_suggestion(ip, b, exc);
    sb_puts(b, "\n");
    rc_object *notes = rp_exc_attr(ip, exc, "__notes__");
    if (!notes)
        return;
    if (!rc_is_list(notes) && !rc_is_tuple(notes)) {
        rc_object *r = rc_repr(notes);
        sb_printf(b, "%s\n", r ? rc_str_utf8(r) : "<__notes__ repr() failed>");
        rc_xdecref(r);
        rp_err_clear(ip);
        return;
    }
    size_t n = rc_is_list(notes) ? rc_list_size(notes) : rc_tuple_size(notes);
    for (size_t i = 0; i < n; i++) {
        rc_object *note = rc_is_list(notes) ? rc_list_get(notes, (ptrdiff_t)i)
                                            : rc_tuple_get(notes, i);
        rc_object *ns = note ? rc_str(note) : NULL;
        sb_printf(b, "%s\n", ns ? rc_str_utf8(ns) : "<note str() failed>");
        rc_xdecref(ns);
        rp_err_clear(ip);
    }
}

static void print_one(rp_interp *ip, sbuf *b, rc_object *exc) {
    if (EXC(exc)->traceback)
        print_tb(ip, b, EXC(exc)->traceback);
    rc_object *msg = print_syntax_location(ip, b, exc);
    rp_err_clear(ip);
    print_last_line(ip, b, exc, msg ? msg : exc);
    rc_xdecref(msg);
}

/* ====================================================================== */
/* Chains                                                                 */
/* ====================================================================== */

#define SEEN_MAX 64

typedef struct seen {
    rc_object *items[SEEN_MAX];
    size_t n;
} seen;

static bool seen_has(const seen *s, const rc_object *o) {
    for (size_t i = 0; i < s->n; i++)
        if (s->items[i] == o)
            return true;
    return false;
}

static void print_recursive(rp_interp *ip, sbuf *b, rc_object *exc, seen *s) {
    if (s->n < SEEN_MAX)
        s->items[s->n++] = exc;
    rc_object *cause = EXC(exc)->cause, *ctx = EXC(exc)->context;
    if (cause) {
        if (!seen_has(s, cause) && s->n < SEEN_MAX) {
            print_recursive(ip, b, cause, s);
            sb_puts(b, "\nThe above exception was the direct cause of the "
                       "following exception:\n\n");
        }
    } else if (ctx && !EXC(exc)->suppress_context) {
        if (!seen_has(s, ctx) && s->n < SEEN_MAX) {
            print_recursive(ip, b, ctx, s);
            sb_puts(b, "\nDuring handling of the above exception, another "
                       "exception occurred:\n\n");
        }
    }
    print_one(ip, b, exc);
}

void rp_print_exception(rp_interp *ip, rc_object *exc, rc_object *file) {
    rc_object *out = rp_sys_get(ip, "stdout");
    if (out && !rc_is_none(out) && rp_file_flush(ip, out) < 0)
        rp_err_clear(ip);
    sbuf b = {0};
    if (!rp_is_exc(ip, exc))
        sb_printf(&b,
                  "TypeError: print_exception(): Exception expected for "
                  "value, %s found\n",
                  rc_type_name(exc));
    else {
        seen s = {.n = 0};
        print_recursive(ip, &b, exc, &s);
    }
    if (b.failed)
        sb_puts(&b, "\n");
    if (!file)
        file = rp_sys_get(ip, "stderr");
    if (!b.p)
        return;
    if (!file || rc_is_none(file) || rp_file_write_cstr(ip, file, b.p) < 0) {
        rp_err_clear(ip);
        fputs(b.p, stderr);
    }
    free(b.p);
}
