/*
 * protocol_class.c — a class-like type through the object protocol: a
 * Point with repr, ==, hash, < and +, written the way a language runtime
 * writes its classes, then used where the builtin types use their own:
 * as dict keys, sorted in a list, printed inside containers and by
 * str.format. Prints what Python would for the same program:
 *
 *   d = {Point(1, 2): "a", Point(3, 4): "b"}
 *   d[Point(1, 2)]                  # found by hash and ==, not identity
 *   ps = [Point(3, 1), Point(1, 2), Point(2, 0)]; ps.sort()
 *   Point(1, 2) + Point(3, 4)
 *   Point(1, 2) < "x"               # TypeError
 */
#include <rcgc.h>
#include <rcgc/objects.h>

#include <stdio.h>
#include <string.h>

typedef struct point {
    rc_object ob; /* the header comes first */
    long x, y;
} point;

static const rc_type point_type;

static rc_object *point_new(rc_runtime *rt, long x, long y) {
    point *p = (point *)rc_new(rt, &point_type);
    if (p) {
        p->x = x;
        p->y = y;
    }
    return (rc_object *)p;
}

static point *P(rc_object *o) {
    return (point *)o;
}

/* repr(p): a new str. */
static rc_object *point_repr(rc_object *self) {
    return rc_str_from_format(rc_runtime_of(self), "Point(%ld, %ld)",
                              P(self)->x, P(self)->y);
}

/* hash(p): equal points hash alike (Python's hash((x, y)) would do too). */
static int point_hash(rc_object *self, int64_t *out) {
    *out = P(self)->x * 1000003 ^ P(self)->y;
    return 0;
}

/* ==, !=, <, ... by (x, y); NotImplemented for other types, so that the
 * other operand is asked and, failing that, Python's TypeError results. */
static rc_object *point_richcompare(rc_object *self, rc_object *other,
                                    rc_cmp op) {
    rc_runtime *rt = rc_runtime_of(self);
    if (other->type != &point_type)
        return rc_notimplemented(rt);
    point *a = P(self), *b = P(other);
    int c = a->x != b->x ? (a->x > b->x) - (a->x < b->x)
                         : (a->y > b->y) - (a->y < b->y);
    bool r = op == RC_LT   ? c < 0
             : op == RC_LE ? c <= 0
             : op == RC_EQ ? c == 0
             : op == RC_NE ? c != 0
             : op == RC_GT ? c > 0
                           : c >= 0;
    return rc_bool_from(rt, r);
}

/* p + q for two points. */
static rc_object *point_binop(rc_object *a, rc_object *b, rc_binop op) {
    rc_runtime *rt = rc_runtime_of(a);
    if (op != RC_OP_ADD || a->type != &point_type || b->type != &point_type)
        return rc_notimplemented(rt);
    return point_new(rt, P(a)->x + P(b)->x, P(a)->y + P(b)->y);
}

static const rc_protocol point_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = point_repr,
    .hash = point_hash,
    .richcompare = point_richcompare,
    .binop = point_binop,
};

static const rc_type point_type = {
    .name = "Point",
    .basicsize = sizeof(point),
    .protocol = &point_protocol, /* holds no references: not a GC type */
};

/* Prints repr(o) after a label; false if that failed. */
static bool show(const char *label, rc_object *o) {
    rc_object *s = o ? rc_repr(o) : NULL;
    if (!s)
        return false;
    printf("%s%s\n", label, rc_str_utf8(s));
    rc_decref(s);
    return true;
}

static bool expect(bool ok, const char *what) {
    if (!ok)
        fprintf(stderr, "protocol_class: %s\n", what);
    return ok;
}

int main(void) {
    rc_runtime *rt = rc_runtime_new(NULL);
    bool ok = true;

    /* d = {Point(1, 2): "a", Point(3, 4): "b"}; d[Point(1, 2)] */
    rc_object *d = rc_dict_new(rt);
    rc_object *p12 = point_new(rt, 1, 2), *p34 = point_new(rt, 3, 4);
    rc_object *a = rc_str_from_cstr(rt, "a"), *b = rc_str_from_cstr(rt, "b");
    rc_dict_setitem(d, p12, a);
    rc_dict_setitem(d, p34, b);
    ok &= show("d = ", d);
    rc_object *again = point_new(rt, 1, 2); /* another object, equal */
    rc_object *v = rc_dict_getitem(d, again);
    ok &= expect(v == a, "d[Point(1, 2)] not found by equality");
    ok &= show("d[Point(1, 2)] = ", v);

    /* ps = [Point(3, 1), Point(1, 2), Point(2, 0)]; ps.sort() */
    rc_object *ps = rc_list_new(rt);
    long coords[][2] = {{3, 1}, {1, 2}, {2, 0}};
    for (int i = 0; i < 3; i++) {
        rc_object *p = point_new(rt, coords[i][0], coords[i][1]);
        rc_list_append(ps, p);
        rc_decref(p);
    }
    ok &= expect(rc_list_sort(ps, NULL, NULL, false) == 0, "sort failed");
    ok &= show("sorted: ", ps);
    for (int i = 0; i < 3; i++)
        ok &= expect(P(rc_list_get(ps, i))->x == i + 1, "sorted wrongly");
    ok &= expect(rc_list_index(ps, again) == 0, "index by equality");

    /* Point(1, 2) + Point(3, 4), and str.format of a point */
    rc_object *sum = rc_number_add(p12, p34);
    ok &= show("sum = ", sum);
    rc_object *fmt = rc_str_from_cstr(rt, "{} and {!r}");
    rc_object *args = rc_tuple_pack(rt, 2, p12, p34);
    rc_object *text = rc_str_format(fmt, args, NULL);
    ok &= show("format: ", text);

    /* Point(1, 2) < "x": both types decline, Python's TypeError */
    ok &= expect(rc_compare(p12, a, RC_LT) == RC_ETYPE, "no TypeError");
    printf("TypeError: %s\n", rc_last_error_message(rt));
    ok &= expect(strcmp(rc_last_error_message(rt),
                        "'<' not supported between instances of 'Point' and "
                        "'str'") == 0,
                 "wrong message");

    rc_object *objs[] = {d, p12, p34, a, b, again, ps, sum, fmt, args, text};
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++)
        rc_xdecref(objs[i]);
    rc_runtime_free(rt);
    return ok ? 0 : 1;
}
