/* test_protocol_types.c — types made at run time (a class object that
 * owns its instances' rc_type, freed after the last of them, by reference
 * counting and by the collector, named as it is called when printed), the
 * recursion guard through slots of our own, and allocation failure at
 * every point of the protocol's entry points. Only public headers
 * (protocheck.h). */
#define _POSIX_C_SOURCE 200809L
#define PROTOCHECK_FIXTURE
#include "protocheck.h"

/* ====================================================================== */
/* Types made at run time                                                  */
/* ====================================================================== */

/* What klass and inst start with: one optional reference of their own. */
typedef struct holder {
    rc_object ob;
    rc_object *ref; /* may be NULL */
} holder;

static int holder_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    rc_object *r = ((holder *)self)->ref;
    return r ? visit(r, arg) : 0;
}

static int holder_clear(rc_object *self) {
    rc_object *r = ((holder *)self)->ref;
    ((holder *)self)->ref = NULL;
    rc_xdecref(r);
    return 0;
}

/* A class: an object that owns the rc_type of its instances. */
typedef struct klass {
    rc_object ob;
    rc_object *attr; /* a class attribute (an instance makes a cycle) */
    rc_type type;    /* its instances' type; owner: this object */
    char name[32];
} klass;

/* An instance: one reference of its own besides the one to its class
 * (which its traverse does not visit: the class is the library's). */
typedef struct inst {
    rc_object ob;
    rc_object *ref;
} inst;

static const rc_type klass_type = {.name = "klass",
                                   .basicsize = sizeof(klass),
                                   .flags = RC_TYPE_GC,
                                   .traverse = holder_traverse,
                                   .clear = holder_clear};

static rc_object *inst_repr(rc_object *self) {
    return rc_str_from_format(rc_runtime_of(self), "<%s instance>",
                              rc_type_name(self));
}

static const rc_protocol inst_protocol = {.version = RC_PROTOCOL_VERSION,
                                          .repr = inst_repr};

static klass *klass_new(rc_runtime *r, const char *name) {
    klass *k = (klass *)rc_new(r, &klass_type);
    if (!k)
        return NULL;
    snprintf(k->name, sizeof k->name, "%s", name);
    k->type = (rc_type){.name = k->name,
                        .basicsize = sizeof(inst),
                        .flags = RC_TYPE_GC | RC_TYPE_HEAP,
                        .traverse = holder_traverse,
                        .clear = holder_clear,
                        .protocol = &inst_protocol,
                        .owner = &k->ob};
    return k;
}

static void set_flag(rc_object *wr, void *arg) {
    (void)wr;
    *(bool *)arg = true;
}

/* Is o among the objects of a query's result (released)? */
static bool holds(rc_object **objs, size_t n, const rc_object *o) {
    bool found = false;
    for (size_t i = 0; i < n; i++)
        found |= objs[i] == o;
    rc_gc_release_objects(rt, objs, n);
    return found;
}

static bool referent(rc_object *of, const rc_object *o) {
    size_t n;
    rc_object **objs = rc_gc_get_referents(rt, &of, 1, &n);
    return holds(objs, n, o);
}

static bool referrer(rc_object *of, const rc_object *o) {
    size_t n;
    rc_object **objs = rc_gc_get_referrers(rt, &of, 1, &n);
    return holds(objs, n, o);
}

/* The class lives exactly as long as its last instance. */
static void run_time_type_outlives_no_instance(void **state) {
    (void)state;
    bool dead = false;
    klass *k = klass_new(rt, "ClassA");
    rc_object *wr = rc_weakref_new(rt, &k->ob, set_flag, &dead);
    rc_object *a = rc_new(rt, &k->type), *b = rc_new(rt, &k->type);
    assert_int_equal(rc_refcnt(&k->ob), 3);
    assert_ptr_equal(rc_type_owner(a), &k->ob);
    assert_string_equal(rc_type_name(a), "ClassA");
    assert_text(rc_repr(a), "<ClassA instance>");
    /* every traversal counts the class as a reference the instance holds */
    assert_true(referent(a, &k->ob));
    assert_true(referrer(&k->ob, a));
    rc_decref(&k->ob);
    assert_int_equal(rc_heap_check(rt), 0);
    assert_int_equal(rc_gc_collect(rt, 2), 0); /* all reachable */
    rc_decref(a);
    assert_false(dead);
    snprintf(k->name, sizeof k->name, "Renamed"); /* __name__ = ... */
    assert_text(rc_repr(b), "<Renamed instance>");
    rc_decref(b); /* the last instance: the class goes right after */
    assert_true(dead);
    rc_decref(wr);
}

/* Instances of a run-time type with no references of their own (no GC,
 * traverse, dealloc or clear): the allocator's plain paths for rc_new and
 * rc_decref must not take them, since each holds its class. */
static void plain_run_time_type_holds_its_owner(void **state) {
    (void)state;
    bool dead = false;
    klass *k = klass_new(rt, "Plain");
    k->type.flags = RC_TYPE_HEAP;
    k->type.traverse = NULL;
    k->type.clear = NULL;
    rc_object *wr = rc_weakref_new(rt, &k->ob, set_flag, &dead);
    rc_object *objs[64];
    for (int i = 0; i < 64; i++)
        objs[i] = rc_new(rt, &k->type);
    assert_int_equal(rc_refcnt(&k->ob), 65);
    assert_false(rc_gc_is_tracked(objs[0]));
    rc_decref(&k->ob);
    for (int i = 0; i < 63; i++)
        rc_decref(objs[i]);
    assert_int_equal(rc_refcnt(&k->ob), 1);
    assert_false(dead);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_decref(objs[63]); /* the last one: the class goes with it */
    assert_true(dead);
    rc_decref(wr);
}

/* A class whose attribute is an instance: the two form a cycle through
 * the instance's hidden reference to its type's owner. The collector finds
 * it, names the type as it is called at that moment, and frees both. */
static void run_time_type_in_a_cycle(void **state) {
    (void)state;
    memstream m;
    rc_runtime *r2 = test_runtime_with_stream(&m);
    bool dead = false;
    klass *k = klass_new(r2, "ClassA");
    rc_object *wr = rc_weakref_new(r2, &k->ob, set_flag, &dead);
    rc_object *i = rc_new(r2, &k->type);
    k->attr = i; /* the class holds the instance, which holds the class */
    rc_decref(&k->ob);
    assert_int_equal(rc_heap_check(r2), 0);
    snprintf(k->name, sizeof k->name, "ClassB");
    rc_gc_set_debug(r2, RC_DEBUG_COLLECTABLE);
    assert_int_equal(rc_gc_collect(r2, 2), 2);
    assert_true(dead);
    fflush(m.f);
    char want[64];
    snprintf(want, sizeof want, "gc: collectable <ClassB %p>\n", (void *)i);
    assert_non_null(strstr(m.buf, want));
    assert_non_null(strstr(m.buf, "gc: collectable <klass 0x"));
    assert_int_equal(rc_heap_check(r2), 0);
    rc_decref(wr);
    rc_gc_collect(r2, 2);
    assert_int_equal(blocks_in_use(r2), 0); /* the type's memory included */
    rc_runtime_free(r2);
    memstream_close(&m);
}

/* A chain of instances deeper than the deallocator's trashcan depth: the
 * class outlives every queued instance and goes after the last. */
static void run_time_type_and_deep_chains(void **state) {
    (void)state;
    bool dead = false;
    klass *k = klass_new(rt, "Link");
    rc_object *wr = rc_weakref_new(rt, &k->ob, set_flag, &dead);
    rc_object *head = NULL;
    for (int i = 0; i < 20000; i++) {
        inst *n = (inst *)rc_new(rt, &k->type);
        n->ref = head;
        head = &n->ob;
    }
    rc_decref(&k->ob);
    assert_int_equal(rc_refcnt(&k->ob), 20000);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_decref(head);
    assert_true(dead);
    rc_decref(wr);
    /* a run-time type needs its owner */
    rc_type orphan = {
        .name = "orphan", .basicsize = sizeof(inst), .flags = RC_TYPE_HEAP};
    assert_null(rc_new(rt, &orphan));
    assert_error(RC_EINVAL, "run-time type orphan has no owner");
}

/* ====================================================================== */
/* Recursion guard                                                         */
/* ====================================================================== */

/* A chain of nests: each slot works through the next one's. */
typedef struct nest {
    rc_object ob;
    rc_object *child; /* NULL at the end */
} nest;

/* "N(" child's text ")", the text made by fn (rc_repr or rc_str). */
static rc_object *nest_text(rc_object *self, rc_object *(*fn)(rc_object *)) {
    rc_object *c = ((nest *)self)->child;
    if (!c)
        return rc_str_from_cstr(rc_runtime_of(self), "N");
    rc_object *s = fn(c);
    rc_object *r =
        s ? rc_str_from_format(rc_runtime_of(self), "N(%s)", rc_str_utf8(s))
          : NULL;
    rc_xdecref(s);
    return r;
}

static rc_object *nest_repr(rc_object *self) {
    return nest_text(self, rc_repr);
}

static rc_object *nest_str(rc_object *self) {
    return nest_text(self, rc_str);
}

static int nest_hash(rc_object *self, int64_t *out) {
    rc_object *c = ((nest *)self)->child;
    int64_t h = 0;
    int r = c ? rc_hash(c, &h) : 0;
    *out = (int64_t)((uint64_t)h * 31 + 1);
    return r;
}

static rc_object *nest_richcompare(rc_object *self, rc_object *other,
                                   rc_cmp op) {
    if (other->type != self->type)
        return rc_notimplemented(rc_runtime_of(self));
    rc_object *a = ((nest *)self)->child;
    rc_object *b = ((const nest *)other)->child;
    if (op != RC_EQ || !a || !b)
        return rc_bool_from(rc_runtime_of(self), !a && !b);
    return rc_richcompare(a, b, op);
}

static rc_object *nest_call(rc_object *self, rc_object *const *args,
                            size_t nargs, rc_object *kwnames) {
    rc_object *c = ((nest *)self)->child;
    return c ? rc_call(c, args, nargs, kwnames) : rc_none(rc_runtime_of(self));
}

static rc_object *nest_format(rc_object *self, rc_object *spec) {
    rc_object *c = ((nest *)self)->child;
    return c ? rc_format(c, spec) : rc_str_from_cstr(rc_runtime_of(self), "");
}

static void nest_dealloc(rc_object *self) {
    rc_xdecref(((nest *)self)->child);
}

static const rc_protocol nest_protocol = {.version = RC_PROTOCOL_VERSION,
                                          .repr = nest_repr,
                                          .str = nest_str,
                                          .format = nest_format,
                                          .hash = nest_hash,
                                          .richcompare = nest_richcompare,
                                          .call = nest_call};

static const rc_type nest_type = {.name = "nest",
                                  .basicsize = sizeof(nest),
                                  .dealloc = nest_dealloc,
                                  .protocol = &nest_protocol};

static rc_object *nest_chain(int n) {
    rc_object *head = NULL;
    for (int i = 0; i < n; i++) {
        nest *x = (nest *)rc_new(rt, &nest_type);
        x->child = head;
        head = &x->ob;
    }
    return head;
}

static void deep_slots_fail_with_recursion_error(void **state) {
    (void)state;
    rc_object *a = nest_chain(5000), *b = nest_chain(5000);
    assert_null(rc_repr(a));
    assert_error(RC_ERECURSION, "maximum recursion depth exceeded while "
                                "getting the repr of an object");
    assert_null(rc_str(a));
    assert_error(RC_ERECURSION, "maximum recursion depth exceeded while "
                                "getting the str of an object");
    assert_null(rc_format(a, NULL));
    assert_error(RC_ERECURSION, "maximum recursion depth exceeded while "
                                "formatting an object");
    int64_t h;
    assert_int_equal(rc_hash(a, &h), RC_ERECURSION);
    assert_error(RC_ERECURSION,
                 "maximum recursion depth exceeded while hashing");
    assert_int_equal(rc_equal(a, b), RC_ERECURSION);
    assert_error(RC_ERECURSION, "maximum recursion depth exceeded in "
                                "comparison");
    assert_null(rc_call(a, NULL, 0, NULL));
    assert_error(RC_ERECURSION, "maximum recursion depth exceeded while "
                                "calling a Python object");
    assert_int_equal(rc_recursion_depth(rt), 0);
    rc_decref(a), rc_decref(b);
    /* within the limit all of it works */
    a = nest_chain(900), b = nest_chain(900);
    assert_int_equal(rc_equal(a, b), 1);
    assert_int_equal(rc_hash(a, &h), 0);
    rc_object *s = rc_repr(a);
    assert_non_null(s);
    assert_int_equal(rc_str_size(s), 900 * 3 - 2);
    rc_decref(s), rc_decref(a), rc_decref(b);
    /* a lower limit is honoured */
    assert_int_equal(rc_set_recursion_limit(rt, 100), 0);
    a = nest_chain(150);
    assert_null(rc_repr(a));
    assert_int_equal(rc_last_error(rt), RC_ERECURSION);
    rc_clear_error(rt);
    assert_int_equal(rc_set_recursion_limit(rt, 1000), 0);
    rc_decref(a);
}

static void recursion_counter(void **state) {
    (void)state;
    assert_int_equal(rc_get_recursion_limit(rt), 1000);
    assert_int_equal(rc_set_recursion_limit(rt, 0), RC_EVALUE);
    assert_error(RC_EVALUE, "recursion limit must be greater or equal than 1");
    assert_int_equal(rc_set_recursion_limit(rt, 2000000), RC_EVALUE);
    rc_clear_error(rt);
    assert_int_equal(rc_set_recursion_limit(rt, 50), 0);
    for (int i = 0; i < 50; i++)
        assert_int_equal(rc_recursion_enter(rt, "in a frame"), 0);
    assert_int_equal(rc_recursion_depth(rt), 50);
    assert_int_equal(rc_recursion_enter(rt, "in a frame"), RC_ERECURSION);
    assert_error(RC_ERECURSION, "maximum recursion depth exceeded in a frame");
    assert_int_equal(rc_recursion_enter(rt, " in __instancecheck__"),
                     RC_ERECURSION);
    assert_error(RC_ERECURSION,
                 "maximum recursion depth exceeded in __instancecheck__");
    assert_int_equal(rc_recursion_enter(rt, NULL), RC_ERECURSION);
    assert_error(RC_ERECURSION, "maximum recursion depth exceeded");
    assert_int_equal(rc_set_recursion_limit(rt, 40), RC_ERECURSION);
    assert_error(RC_ERECURSION, "cannot set the recursion limit to 40 at "
                                "the recursion depth 50: the limit is too "
                                "low");
    for (int i = 0; i < 50; i++)
        rc_recursion_leave(rt);
    assert_int_equal(rc_recursion_depth(rt), 0);
    assert_int_equal(rc_set_recursion_limit(rt, 1000), 0);
}

/* A container printing itself: "[...]" where it appears inside. */
static void self_containing_repr(void **state) {
    (void)state;
    rc_object *l = rc_list_new(rt), *d = rc_dict_new(rt), *k = S("k");
    rc_list_append(l, l);
    assert_text(rc_repr(l), "[[...]]");
    rc_object *outer = rc_list_new(rt);
    rc_list_append(outer, l);
    assert_text(rc_repr(outer), "[[[...]]]");
    rc_dict_setitem(d, k, l);
    rc_list_append(l, d);
    assert_text(rc_repr(d), "{'k': [[...], {...}]}");
    /* rc_repr_enter / _leave for a container of our own */
    assert_int_equal(rc_repr_enter(k), 0);
    assert_int_equal(rc_repr_enter(k), 1);
    rc_repr_leave(k);
    assert_int_equal(rc_repr_enter(k), 0);
    rc_repr_leave(k);
    rc_list_clear(l);
    rc_decref(outer), rc_decref(l), rc_decref(d), rc_decref(k);
}

/* ====================================================================== */
/* Allocation failure at every point                                      */
/* ====================================================================== */

static rc_object *things_list(int n, int64_t first) {
    rc_object *l = rc_list_new(rt);
    for (int i = 0; i < n; i++) {
        rc_object *t = TH((first + i * 7919) % 101);
        rc_list_append(l, t);
        rc_decref(t);
    }
    return l;
}

static int obj_status(rc_object *o, rc_object **out) {
    *out = o;
    return o ? 0 : rc_last_error(rt);
}

static void s_things(rc_runtime *r, rc_object **o) {
    rt = r; /* the helpers use it */
    o[0] = things_list(40, 3);
    o[1] = TH(7);
}

static void s_class(rc_runtime *r, rc_object **o) {
    rt = r; /* the helpers use it */
    o[0] = &klass_new(rt, "C")->ob;
}

static void s_dict5(rc_runtime *r, rc_object **o) {
    rt = r; /* the helpers use it */
    o[0] = rc_dict_new(rt);
    for (int i = 0; i < 5; i++) {
        rc_object *t = TH(i);
        rc_dict_setitem(o[0], t, t);
        rc_decref(t);
    }
    o[1] = TH(50);
}

static void s_call(rc_runtime *r, rc_object **o) {
    rt = r; /* the helpers use it */
    o[0] = TH(1);
    rc_object *items[10];
    for (int i = 0; i < 10; i++)
        items[i] = TH(i);
    o[1] = rc_tuple_from_array(rt, items, 10);
    o[2] = rc_dict_new(rt);
    rc_object *a = S("alpha"), *b = S("beta");
    rc_dict_setitem(o[2], a, items[1]);
    rc_dict_setitem(o[2], b, items[2]);
    rc_decref(a), rc_decref(b);
    for (int i = 0; i < 10; i++)
        rc_decref(items[i]);
}

static void s_inplace(rc_runtime *r, rc_object **o) {
    rt = r; /* the helpers use it */
    o[0] = things_list(4, 1);
    o[1] = rc_range_new(rt, 0, 30, 1);
    o[2] = I(5);
    o[3] = rc_set_new(rt, o[1]);
}

static int op_new_instance(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    klass *k = (klass *)o[0];
    size_t before = rc_refcnt(o[0]);
    rc_object *i = rc_new(rt, &k->type);
    assert_int_equal(rc_refcnt(o[0]), before + (i != NULL));
    return obj_status(i, out);
}

static int op_repr(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    return obj_status(rc_repr(o[0]), out);
}

static int op_format(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    rc_object *fmt = rc_str_from_cstr(rt, "{0} {0!r} {0:x} {0.v} {1}");
    rc_object *args = fmt ? rc_tuple_pack(rt, 2, o[1], o[0]) : NULL;
    rc_object *r = args ? rc_str_format(fmt, args, NULL) : NULL;
    rc_xdecref(fmt), rc_xdecref(args);
    return obj_status(r, out);
}

static int op_percent(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    rc_object *fmt = rc_str_from_cstr(rt, "%s %r %-8s");
    rc_object *args = fmt ? rc_tuple_pack(rt, 3, o[1], o[1], o[0]) : NULL;
    rc_object *r = args ? rc_number_remainder(fmt, args) : NULL;
    rc_xdecref(fmt), rc_xdecref(args);
    return obj_status(r, out);
}

static int op_format_slot(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    rc_object *a = rc_format(o[1], NULL);
    rc_object *b = a ? rc_format_value(o[1], "x") : NULL;
    rc_xdecref(a);
    return obj_status(b, out);
}

static int op_sort(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    *out = NULL;
    return rc_list_sort(o[0], NULL, NULL, false);
}

static int op_dict_insert(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    *out = NULL;
    return rc_dict_setitem(o[0], o[1], o[1]);
}

static int op_call(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    return obj_status(rc_call_object(o[0], o[1], o[2]), out);
}

static int op_getattr(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    return obj_status(rc_getattr_str(o[1], "v"), out);
}

static int op_list_iadd(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    return obj_status(rc_number_inplace(o[0], o[1], RC_OP_ADD), out);
}

static int op_list_imul(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    return obj_status(rc_number_inplace(o[0], o[2], RC_OP_MUL), out);
}

static int op_set_ior(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    rc_object *s = rc_set_new(rt, NULL);
    rc_object *r = s ? rc_number_inplace(s, o[3], RC_OP_OR) : NULL;
    rc_object *r2 = r ? rc_number_inplace(s, o[3], RC_OP_XOR) : NULL;
    rc_xdecref(s), rc_xdecref(r);
    return obj_status(r2, out);
}

static void s_dicts(rc_runtime *r, rc_object **o) {
    rt = r; /* the helpers use it */
    s_dict5(r, o);
    o[2] = rc_dict_new(rt);
    for (int i = 0; i < 20; i++) {
        rc_object *t = TH(100 + i);
        rc_dict_setitem(o[2], t, o[1]);
        rc_decref(t);
    }
}

static int op_dict_ior(rc_runtime *rt_, rc_object **o, rc_object **out) {
    (void)rt_; /* the same as rt, set by the setup */
    return obj_status(rc_number_inplace(o[0], o[2], RC_OP_OR), out);
}

static const oom_scenario scenarios[] = {
    {"instance of a run-time type", s_class, op_new_instance, false},
    {"repr of things", s_things, op_repr, true},
    {"str.format of things", s_things, op_format, true},
    {"% of things", s_things, op_percent, true},
    {"the format slot", s_things, op_format_slot, true},
    {"sort by the type's <", s_things, op_sort, true},
    {"dict insert of things", s_dict5, op_dict_insert, true},
    {"call with keywords", s_call, op_call, false},
    {"getattr by C string", s_things, op_getattr, true},
    {"list +=", s_inplace, op_list_iadd, true},
    {"list *=", s_inplace, op_list_imul, true},
    {"set |= and ^=", s_inplace, op_set_ior, true},
    {"dict |=", s_dicts, op_dict_ior, true},
};

#define NSCENARIOS (sizeof scenarios / sizeof *scenarios)

static void allocation_fails_once(void **state) {
    (void)state;
    oom_every_point(scenarios, NSCENARIOS, false);
    rt = NULL;
}

static void allocation_fails_forever(void **state) {
    (void)state;
    oom_every_point(scenarios, NSCENARIOS, true);
    rt = NULL;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        T(run_time_type_outlives_no_instance),
        T(plain_run_time_type_holds_its_owner),
        T(run_time_type_in_a_cycle),
        T(run_time_type_and_deep_chains),
        T(deep_slots_fail_with_recursion_error),
        T(recursion_counter),
        T(self_containing_repr),
        cmocka_unit_test(allocation_fails_once),
        cmocka_unit_test(allocation_fails_forever),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
