/* test_set.c — set and frozenset: CPython's growth and iteration order,
 * frozenset hashes, messages, set algebra and comparisons, sets as keys,
 * iteration, cycles, and random operation sequences against a model. */
#define CONTCHECK_FIXTURE /* a runtime per test: rt, setup, teardown */
#include "contcheck.h"

static rc_object *set_of(int n, const int64_t *v, bool frozen) {
    rc_object *l = rc_list_new(rt);
    for (int i = 0; i < n; i++) {
        rc_object *x = I(rt, v[i]);
        rc_list_append(l, x);
        rc_decref(x);
    }
    rc_object *s = frozen ? rc_frozenset_new(rt, l) : rc_set_new(rt, l);
    assert_non_null(s);
    rc_decref(l);
    return s;
}

/* ====================================================================== */
/* CPython's layout: growth, order, hashes                                 */
/* ====================================================================== */

static void growth_and_order_follow_cpython(void **state) {
    (void)state;
    /* CPython 3.11: (items added, table slots) where the table grows */
    static const int steps[][2] = {
        {5, 32}, {19, 128}, {77, 512}, {307, 2048}, {1229, 8192}};
    rc_object *s = rc_set_new(rt, NULL), *empty = rc_set_new(rt, NULL);
    size_t base = rc_sizeof(empty), prev = 0;
    int k = 0;
    for (int i = 0; i < 3000; i++) {
        rc_object *x = I(rt, i);
        rc_set_add(s, x);
        rc_decref(x);
        size_t n = (rc_sizeof(s) - base) / 16;
        if (n != prev && i > 0) {
            assert_true(k < 5);
            assert_int_equal(i + 1, steps[k][0]);
            assert_int_equal(n, steps[k][1]);
            k++;
        }
        prev = n;
    }
    assert_int_equal(k, 5);
    rc_decref(s), rc_decref(empty);
    static const int64_t a[] = {100, 5, 13, 8, 1024, -1};
    s = set_of(6, a, false);
    assert_repr(s, "{1024, 100, 5, 8, 13, -1}");
    rc_decref(s);
    rc_object *r = rc_range_new(rt, 20, -20, -3);
    s = rc_set_new(rt, r);
    assert_repr(s, "{2, 5, 8, 11, -19, 14, -16, 17, -13, 20, -10, -7, -4, -1}");
    rc_decref(s), rc_decref(r);
    static const int64_t u[] = {5, 3, 9, 1, 7, 2}, w[] = {100, 4};
    rc_object *su = set_of(6, u, false), *sw = set_of(2, w, false);
    rc_object *un = rc_number_or(su, sw);
    assert_repr(un, "{1, 2, 3, 100, 5, 4, 7, 9}");
    rc_decref(un), rc_decref(su), rc_decref(sw);
}

static int64_t hash_of(rc_object *o) {
    int64_t h;
    assert_int_equal(rc_hash(o, &h), 0);
    return h;
}

static void frozenset_hashes_are_cpythons(void **state) {
    (void)state;
    static const int64_t one[] = {1}, three[] = {1, 2, 3};
    rc_object *e = rc_frozenset_new(rt, NULL), *f1 = set_of(1, one, true);
    rc_object *f3 = set_of(3, three, true);
    assert_true(hash_of(e) == 133146708735736LL);
    assert_true(hash_of(f1) == -558064481276695278LL);
    assert_true(hash_of(f3) == -272375401224217160LL);
    rc_object *big = rc_int_from_string(rt, "1099511627776", 10);
    rc_object *m1 = I(rt, -1), *h = I(rt, 100), *tmp = rc_set_new(rt, NULL);
    rc_set_add(tmp, m1), rc_set_add(tmp, h), rc_set_add(tmp, big);
    rc_object *mix = rc_frozenset_new(rt, tmp);
    assert_true(hash_of(mix) == 1108997052450049339LL);
    /* the hash depends on the contents only, not on the table's history */
    for (int i = 0; i < 200; i++) {
        rc_object *x = I(rt, 1000 + i);
        rc_set_add(tmp, x);
        rc_set_discard(tmp, x);
        rc_decref(x);
    }
    rc_object *mix2 = rc_frozenset_new(rt, tmp);
    assert_true(hash_of(mix2) == hash_of(mix));
    assert_int_equal(rc_equal(mix2, tmp), 1);
    assert_int_equal(rc_equal(tmp, mix2), 1);
    rc_object *same = rc_frozenset_new(rt, f3);
    assert_ptr_equal(same, f3); /* frozenset(frozenset) is itself */
    rc_decref(same), rc_decref(mix2), rc_decref(tmp), rc_decref(mix);
    rc_decref(h), rc_decref(m1), rc_decref(big), rc_decref(f3), rc_decref(f1),
        rc_decref(e);
}

/* ====================================================================== */
/* Messages, keys, operators                                               */
/* ====================================================================== */

static void reprs_and_messages(void **state) {
    (void)state;
    rc_object *s = rc_set_new(rt, NULL), *f = rc_frozenset_new(rt, NULL);
    assert_repr(s, "set()");
    assert_repr(f, "frozenset()");
    rc_object *one = I(rt, 1), *five = I(rt, 5), *l = rc_list_new(rt);
    static const int64_t v[] = {1};
    rc_object *f1 = set_of(1, v, true);
    assert_repr(f1, "frozenset({1})");
    rc_set_add(s, one);
    assert_repr(s, "{1}");
    assert_int_equal(rc_set_remove(s, five), RC_EKEY);
    assert_error(rt, RC_EKEY, "5");
    assert_int_equal(rc_set_discard(s, five), 0);
    assert_int_equal(rc_set_add(s, l), RC_EHASH);
    assert_error(rt, RC_EHASH, "unhashable type: 'list'");
    int64_t h;
    assert_int_equal(rc_hash(s, &h), RC_EHASH);
    assert_error(rt, RC_EHASH, "unhashable type: 'set'");
    assert_int_equal(rc_set_add(f1, five), RC_ETYPE);
    assert_error(rt, RC_ETYPE, "'frozenset' object has no attribute 'add'");
    assert_null(rc_set_pop(f1));
    rc_object *p = rc_set_pop(s);
    assert_ptr_equal(p, one);
    rc_decref(p);
    assert_null(rc_set_pop(s));
    assert_error(rt, RC_EKEY, "'pop from an empty set'");
    rc_decref(l), rc_decref(five), rc_decref(one), rc_decref(f1), rc_decref(f),
        rc_decref(s);
}

static void sets_as_keys(void **state) {
    (void)state;
    static const int64_t v[] = {1, 2};
    rc_object *fs = set_of(2, v, true), *s = set_of(2, v, false);
    rc_object *outer = rc_set_new(rt, NULL);
    assert_int_equal(rc_set_add(outer, fs), 0);
    assert_int_equal(rc_set_add(outer, s), RC_EHASH);
    /* a set is looked up as the equal frozenset */
    assert_int_equal(rc_contains(outer, s), 1);
    assert_int_equal(rc_set_discard(outer, s), 1);
    assert_int_equal(rc_set_size(outer), 0);
    rc_decref(outer), rc_decref(s), rc_decref(fs);
}

static void algebra_and_comparisons(void **state) {
    (void)state;
    static const int64_t a[] = {1, 2, 3}, b[] = {3, 4};
    rc_object *sa = set_of(3, a, false), *fb = set_of(2, b, true);
    rc_object *r = rc_number_xor(sa, fb);
    assert_repr(r, "{1, 2, 4}");
    rc_decref(r);
    r = rc_number_subtract(fb, sa); /* the left operand's type */
    assert_repr(r, "frozenset({4})");
    rc_decref(r);
    r = rc_number_and(sa, fb);
    assert_repr(r, "{3}");
    rc_decref(r);
    r = rc_number_or(fb, sa);
    assert_true(rc_is_frozenset(r));
    assert_int_equal(rc_set_size(r), 4);
    rc_decref(r);
    rc_object *l = rc_list_new(rt);
    assert_null(rc_number_or(sa, l));
    assert_error(rt, RC_ETYPE,
                 "unsupported operand type(s) for |: 'set' and 'list'");
    rc_list_append(l, l); /* the methods take any iterable... of hashables */
    assert_null(rc_set_union(sa, l));
    assert_error(rt, RC_EHASH, "unhashable type: 'list'");
    rc_list_clear(l);
    static const int64_t sub[] = {1, 3};
    rc_object *ss = set_of(2, sub, true);
    assert_int_equal(rc_compare(ss, sa, RC_LT), 1);
    assert_int_equal(rc_compare(ss, sa, RC_LE), 1);
    assert_int_equal(rc_compare(sa, ss, RC_GT), 1);
    assert_int_equal(rc_compare(sa, sa, RC_LT), 0);
    assert_int_equal(rc_compare(sa, sa, RC_GE), 1);
    assert_int_equal(rc_compare(fb, sa, RC_LE), 0);
    assert_int_equal(rc_compare(fb, sa, RC_GE), 0);
    assert_int_equal(rc_compare(sa, l, RC_EQ), 0);
    assert_int_equal(rc_compare(sa, l, RC_LT), RC_ETYPE);
    rc_decref(ss), rc_decref(l), rc_decref(fb), rc_decref(sa);
}

/* Results print in CPython's order (each operation builds its table the
 * way CPython's does). */
static void algebra_orders_like_cpython(void **state) {
    (void)state;
    static const int64_t a[] = {1, 2, 3}, b[] = {3, 4, 100, 9}, c[] = {3, 4, 5};
    static const int64_t d[] = {5, 4, 9};
    rc_object *sa = set_of(3, a, false), *sb = set_of(4, b, false);
    rc_object *sc = set_of(3, c, false), *lb = rc_list_new(rt),
              *ld = rc_list_new(rt);
    for (int i = 0; i < 4; i++) {
        rc_object *x = I(rt, b[i]);
        rc_list_append(lb, x);
        rc_decref(x);
    }
    for (int i = 0; i < 3; i++) {
        rc_object *x = I(rt, d[i]);
        rc_list_append(ld, x);
        rc_decref(x);
    }
    rc_object *r = rc_set_symmetric_difference(sa, lb);
    assert_repr(r, "{1, 2, 100, 4, 9}");
    rc_decref(r);
    r = rc_number_xor(sa, sb);
    assert_repr(r, "{1, 2, 100, 4, 9}");
    rc_decref(r);
    r = rc_set_intersection(sc, ld);
    assert_repr(r, "{4, 5}");
    rc_decref(r);
    rc_object *range = rc_range_new(rt, 1, 21, 1), *big = rc_set_new(rt, range);
    r = rc_set_difference(big, lb);
    assert_repr(r, "{1, 2, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, "
                   "20}");
    rc_decref(r), rc_decref(big), rc_decref(range);
    rc_decref(ld), rc_decref(lb), rc_decref(sc), rc_decref(sb), rc_decref(sa);
}

/* A copy or union of a small set starts from CPython's 8-slot table, not
 * a bigger one, so {8, 1} stays in that order: 8 % 8 comes first. */
static void copies_keep_the_small_table(void **state) {
    (void)state;
    static const int64_t a[] = {8, 1};
    rc_object *s = set_of(2, a, false), *l = rc_list_new(rt);
    rc_object *two = I(rt, 2), *d = rc_dict_new(rt);
    rc_list_append(l, two);
    rc_dict_setitem(d, two, two);
    rc_object *c = rc_set_new(rt, s);
    assert_repr(c, "{8, 1}");
    rc_object *f = rc_frozenset_new(rt, s);
    assert_repr(f, "frozenset({8, 1})");
    rc_object *u = rc_set_union(s, l);
    assert_repr(u, "{8, 1, 2}");
    rc_object *fromd = rc_set_new(rt, d);
    assert_repr(fromd, "{2}");
    rc_decref(fromd), rc_decref(u), rc_decref(f), rc_decref(c);
    rc_decref(d), rc_decref(two), rc_decref(l), rc_decref(s);
}

/* Operation sequences whose results' order CPython 3.11 printed (made by
 * a script from random sequences): a<x> add, d<x> discard, and with a
 * list of ints: U update(list), D difference_update, X
 * symmetric_difference_update, I intersection_update (with a set), S
 * s - set, R s ^ set, and K, V, W: dict.fromkeys(s).keys() ^, -, & set.
 * They cover growth after a colliding add, the last dummy an add reuses,
 * the sweep of dummies after a difference, and the view operators. */
static const struct {
    const char *ops, *want;
} cpython_sequences[] = {
    {"U704,736,289,245,736,67,645,167,298,197,256,325,325,800,965,5,384,145,"
     "480,1157,32 a453 X158 "
     "W133,64,1221,1024,672,203,197,56,97,-36,709,288,103,1024,517,320,64 "
     "S581,5,256,175,69,251,173,1157,1285,157,39,1088,704,965,389,266,832,261,"
     "581,1280 a965 I96,193,0,384,261,320,1029,87,1093,901,1093,704,736,47,256 "
     "a736 "
     "K768,517,1216,1248,768,164,517,-13,5,117,389,384,239,146,189,773,1280,"
     "1280,224 a197 W800,-4,78,-12,1221,292,260,837,640,4,145,261,102",
     "set()"},
    {"I800,768,1285,277,517,1093,544,197,260,261,1152,608,1024 a48 "
     "D147,645,69,133,229,208,184,384,286,965,928,896,144,965,1248,164,773,261,"
     "832 a92 a197",
     "{48, 92, 197}"},
    {"d197 X211,288,512,389,15,233,210,96,992,133,1093,5,150,1029,278,517 "
     "V160,736,2,32,28,50,32,901,127,106,32,197 "
     "I172,1093,1120,279,453,298,325,180,448,96,298 R8,901 "
     "W261,965,189,292,1248,200,182,1285,1093,1285,299,201 a1093 d992",
     "{1093}"},
    {"S1056,88,1093,-25,190,282,-9,288,416,133,49,167,37,736,143,197,832,192,"
     "448 "
     "W205,21,448,800,325,320,242,384,645,256,160,0,704,133,864,59,5,76,288,"
     "234,48,160,261,992 a288 W-9,1024,325 "
     "X172,-20,864,1056,453,261,1184,320,1221,-3,32,453,170,1120,48,453,832,"
     "672,182,22 "
     "S237,232,901,1248,-18,800,1120,245,123,992,58,133,864,773,1221,181 "
     "U197,129,837,274,1029,100,1221,1216,197,517,278,709,64,145,250,73,1285,"
     "32,288,197,192,261,85,325,480 "
     "U195,98,389,278,1029,20,1221,581,837,965,640,709,227,254,1029,1285,261,"
     "133,253,517,168,864,416,709,197,265,896,69 a837 "
     "K453,581,517,197,645,-24,325,76,453,1120,709,1024 "
     "V64,832,1216,227,901,773,709,1285,1093,-34,512,192,40,229,88,1157 "
     "K1024,901,133,709,320,69,581,709",
     "{640, 129, 896, 261, 1029, 645, 389, 265, 901, 145, 274, 20, 22, 278, "
     "32, 1056, 1184, 672, 288, 416, 168, 170, 172, 48, 182, 195, 837, 1221, "
     "965, 581, 73, 709, 76, 85, 480, 864, 98, 1120, 100, -24, -20, -3, 250, "
     "253, 254}"},
    {"K517,453,1120,800,704,1120,160,133,0,645,-7,672,129,1221,448,96,192,512,"
     "93,389,1029,119,140,837,69,965 I965,448,133,325,704,261,64,896 a965 "
     "I325,122,1093,965,197 a672",
     "{672, 965}"},
    {"U253,320,288,52,768,26,120,-15,113,93,581,15,1093,224,118,517,53,453,992,"
     "96,517,23,21,261,-16,1088 V288,64,352 "
     "X261,448,544,69,291,126,234,512,18,1285,116,325,864,51,517,576,94,50,"
     "1285,261,128,645,1248,159,645 K150,160,300,-4,299,704,581 "
     "U197,115,64,773 "
     "I576,33,262,384,125,448,517,864,88,389,101,512,1152,1120,1285,69,197,221,"
     "5,645,389,82,672,97,256,1221,192 "
     "K773,-28,896,16,773,274,150,261,211,-11,247,264,99,69,128,1120,1285,1285,"
     "320,837,864,581,1093,197,232,1093,480 "
     "D480,165,704,284,160,288,1184,-3,261,4,288,325,234,197,672,133,517,645,"
     "1024,581,133,1157,704,199,1029,96 V125,197,44,416,960,453 "
     "V5,325,69,1248,220,901,160 "
     "K71,107,965,581,1285,1184,5,261,-22,165,96,192,12,1093,736,77,544,103,"
     "160,384 "
     "I576,5,133,71,284,113,-26,-15,1285,45,65,864,960,1029,709,210,20,268,64,"
     "837,1093,389,261,389,1157 "
     "D96,256,32,832,832,453,18,117,72,480,1088,672,261,1285",
     "{576, 837, 5, 71}"},
    {"d21 S a91 "
     "I142,1216,544,1029,60,7,576,69,640,120,581,261,736,544,1184,197,928,1157,"
     "581,133,581,120,672,88,901 "
     "K76,517,134,25,100,416,224,128,1184,672,1056,544,1248,108,1157,1056,89,"
     "269,201 U197,-26,29,800,1093,1093,110,517 a-23 d86 "
     "U608,416,283,96,122,124,1157,21,837,576,171,1248,453,480 "
     "S251,75,160,1285,5,965,480,901,768,254,110,645,134,837,19,60,544,131,0,"
     "640,1285,32 a17 U768,901,320,63,1248,832,1221,1056,26,68,128,544,645",
     "{128, 768, 517, 1157, 901, 645, 269, 17, 21, 25, 26, 283, 29, 416, 1184, "
     "672, 1056, 800, 544, 171, 63, 576, 320, 832, 68, 197, 1093, 453, 1221, "
     "201, 76, 89, 224, 1248, 608, 96, 100, -26, -23, 108, 122, 124}"},
    {"R416,672,1093,190,220,32,-7,928,773,1280,231,232 a240 d160 a1280 I a517 "
     "I96,128,1157,143,768,133,5,640,901 K160,133,1152,1029,576,283,128 S640 "
     "a32",
     "{160, 1152, 576, 128, 32, 1029, 133, 283}"},
    {"R197,135,211,1,1285 X197,1093,837,960,416,960,832,576 "
     "D-38,352,576,-40,-18,709,193,128,965,224 "
     "R142,197,256,1221,608,448,837,1152,709,480,224,96,704,224,64,-27,480,224,"
     "320,259,928,581,608,384,128,576,-36,640,576 "
     "V1120,1248,517,1216,236,160,231,192,5,32,773,837,1221,153,896,137,188,0 "
     "X581,1157,231,1157,517,150,261,544,5,608,1216,1221 a389 "
     "D837,32,279,10,1248,193,1157,-28,133,150,608,1157,-8,672,704,95",
     "{256, 1, 259, 517, 1285, 5, 261, 544, 64, 320, 576, 832, 1093, 96, 1152, "
     "384, 128, 640, 389, 135, 142, 928, 416, 448, 960, 1216, 197, 709, 1221, "
     "211, -36, 480, 224, -27, 231}"},
    {"K247,1216,1248,1024,800,709,76,416,1157,160,389,928,160,32,85,352,1280,-"
     "7,512,49,384,26,-40,224,1280,69,18,325,192,1184 S608,207 "
     "S66,448,176,89,389,288,214,1029,108,773,965,247,184,1280,389,581,81 "
     "R261,138,197,768,928,1088,1088,251,137,224,5,384,901,188 d86 "
     "X128,56,69,-20,90,130,5,263,14,901,325,773 "
     "I320,254,283,33,517,200,256,1216,965,-23,27,44,1088,177,288,5,0,288,1056,"
     "736,133,32,800,211 "
     "U1093,231,576,709,174,5,1280,1285,709,69,928,213,608,453,517,928,261,281,"
     "389,43,72,1157,992,163,544 R1285,-28,517,581",
     "{1280, 389, 261, 5, 1157, 281, 32, 800, 928, 163, 544, 43, 174, 1088, "
     "1216, 576, 581, 1093, 709, 69, 453, 72, 213, 608, 992, -28, 231}"},
    {"a133 d69 "
     "S416,581,197,86,480,1221,127,58,224,1056,800,837,773,-22,1157,39,645,453,"
     "645,128,5,965,965,645,901,768,7,704,106 "
     "R164,325,1221,320,453,32,32,150,261,896,-3,25,773,38,278,11,1157 "
     "S517,773,5,96,5,389,96,154,1280 "
     "V133,960,220,148,1056,110,197,640,768,39,965,453,709,901,285,223,195,209,"
     "517,5,245,32,224,709,1152,149,384,269,1024,928 a640",
     "{320, 896, 640, 1221, 325, 261, 1157, 11, 150, 278, 25, 164, 38, -3}"},
    {"X645,581,217,1093,1216,704,292,800,261,416,1248,325,1285,-16,480,325,261,"
     "154 K896,389,128,1024 I1285,231,133,1285,1285,180,832,640,965,6,246 "
     "V1285,1093,896,175,1024,224,224,837,288,37,581,1093,57,544,896,-16,191,"
     "290,-24,180,800,1088,45,129,517,254,453,1120,102,-31 "
     "W1280,133,1029,128,196,608,178,-26,352,118,128,-16,320,517,773,203,1157,"
     "77,645,837,1152,251,1029 a174 V26,149,-4 "
     "W89,233,544,69,773,965,32,65,261,262,50,153,148,197,263,69,230,800,0,30,"
     "288,352,416,5,1024,261,1184,864 "
     "D1093,275,1056,800,1093,123,5,1221,325,261,8,5,223,166,581 "
     "I384,64,275,158,645",
     "set()"},
    {"I95,325,901,1088,81,576,125,736,965,194,448,52,800,129,270,992,173,128,"
     "199,31,167,416,43,197,-38,192,232 "
     "S736,25,517,1120,325,231,95,480,384,1221,1056,191,60,992,896,837,123 "
     "V453,928,1088,160,640,1093,163,1024,115,167,837,704,161,221,201,645,167 "
     "K5,384,389,608,709,96,837,187 a60 X32,13,992,117,1024,517 "
     "U1157,218,1024,645,45,224,645,197,129,901,226,736,127,288,187,64,1157,"
     "1280,-36,246,709,352,1221,608,581,389,1056 "
     "I287,864,275,1024,709,192,-32,197,837,517,189,1285,192,122,69,5,1093,"
     "1056,837,162,133,184,118,1029,736,448,645 d69 "
     "R237,261,62,645,231,773,416,64,272,272,800,1029 a197 a96",
     "{1024, 261, 773, 1029, 5, 517, 272, 416, 800, 1056, 62, 64, 709, 197, "
     "837, 96, 736, 231, 237}"},
    {"D35,1157,800,256,480,119,254,148,65,1157,992,965,137,197,901,645,41,517,"
     "480,1024,901,1280 a69 "
     "S992,256,736,141,223,384,704,672,1056,85,517,480,325,126,1029,-8,1029,"
     "1093,0,965,290,736,512,448,262,389,91,992,576 "
     "X896,581,1152,192,277,288,197,12,389,1093,1157,325,256,128",
     "{896, 288, 1152, 192, 256, 69, 581, 197, 389, 1093, 1157, 325, 128, 12, "
     "277}"},
    {"a201 I704,133,576,453,773,1088,1157,120,901,1024 "
     "S576,69,96,672,453,-11,1221,92,121,184,928,1152,544,453,901,1280,261,288,"
     "416,102,709,864,645 U704,1280,179,224,1120,581,128,864,1029,96 X a285 "
     "R255,645,645,192,64,448,864,1024,773,153,1221,1056,645,901,517,736,64,"
     "389,261,1024,768,837,512,117,174,645 a864",
     "{1024, 512, 768, 192, 64, 645, 773, 901, 517, 389, 261, 1221, 837, 128, "
     "581, 448, 704, 153, 285, 1056, 96, 736, 1120, 224, 864, 1280, 174, 179, "
     "117, 1029, 255}"},
    {"K214,736,480,50,133,261,544,704,125,197,133,258,773,965,1152 "
     "K773,185,198,129,640,512,258 "
     "W837,32,224,416,581,1280,211,261,1029,960,15,544,736,453,1029,192,69,5,"
     "704 U709,544,1248,256,40,773,773,672,672,965,1093,266 "
     "R1285,325,259,645,145 R480,965,453,230,581,517,5,117 d965 a-13 "
     "K82,581,837,265,832,901,189,296,640,5,222,5,581,58,-11,38,1157 "
     "S51,773,512,544,709,837,389,901,-4,576,62,1285,517,224,1093,135,1024,"
     "1157,965,0,242,5,-38,704 d160",
     "{256, 640, 259, 261, 645, 265, 266, 145, 672, 38, 40, 296, 58, 189, 832, "
     "453, 325, 82, 222, 480, 1248, 736, 230, -13, 117, -11}"},
    {"S165,517,20,517,965,290,231,448,69,1248,48,182,1029,133 "
     "X219,-25,1120,645,608,0,246,837,179,111,864,196,1285,512,576,640,134,"
     "1120 X672,241,1221 U992,96,709,1056,1093,773,576,1093,163,19,837,290 a43 "
     "R608,709,-39,145,248,544,901,1029,320,261,96,448,1157,100,512,105,453,64,"
     "453,116,197 V a1120",
     "{0, 640, 1029, 261, 1285, 773, 901, 1157, 645, 134, 145, 19, 544, 1056, "
     "290, 672, 163, 43, 179, 320, 64, 576, 448, 196, 1093, 837, 453, 197, "
     "1221, -39, 219, 864, 1120, 992, 100, -25, 105, 111, 241, 116, 246, 248}"},
    {"S416,57,512,320,325,159,-14,645,709,1093,37,141,133,160,517,709,55,645,"
     "517,261,70,241,90,453,901,1216,26,94,709 X "
     "X992,416,199,1157,960,0,384,453 a254 R453,709,198,198,1093,256 "
     "X197,16,-20,645,320,99,97,54,1157,5,300 "
     "I233,453,453,1280,389,167,211,581,1029,517,864,928,837,279,267 "
     "R74,960,768,118,709,325,1088,128,517,212 U672,133,864,1157,272,260 "
     "X94,285,1056,544,132,960,261,133,448,52,158,645,1157,448,166,1088,288,"
     "965,92,1029,864,-37,1221,896,389,709 d18 d928 a1152 a640",
     "{768, 128, 896, 1152, 260, 517, 645, 1029, 132, 261, 389, 272, 640, 285, "
     "158, 672, 1056, 544, 288, 166, 52, 448, 325, 965, 1221, 74, 212, -37, "
     "92, 94, 118}"},
    {"I608,480,253,93,325,157,115,837,133 V70,837,34,517,288,35,608 "
     "V1248,273,197,201,220,5,69,-2,640,2,69,133,384,453,960,965,640,416,773 "
     "U192,1056,159 a-22",
     "{192, 1056, -22, 159}"},
    {"a252 S773,256,10,1120 a226 "
     "K1024,64,33,261,581,672,832,896,82,69,72,212,101,640,901,768,-25,9 "
     "V773,864,160,192,240,864,98,26,544,237 D160,223,1088,704,576,35,199 a-8 "
     "a1093 W103,236,69,261,79,384 "
     "S45,85,517,102,709,517,256,320,249,298,1221,42,32,448,672,352,709,288,"
     "517,261 "
     "R-22,896,1280,-19,928,965,150,1216,1093,1221,123,965,517,-13,41,453,-5,"
     "163,1024,64,32,581 "
     "V1221,773,416,186,193,287,112,133,199,1221,1,61,965,110,-7,1029,1029,704,"
     "242",
     "{896, 1280, 1024, 1216, 64, 517, 1093, 453, 581, 69, 150, 928, 32, 163, "
     "41, -22, 123, -19, -13, -5}"},
    {"U1024,320,128,544,1216,448,106,137,69,480,288,133,224,389,197,180,36,224,"
     "276,800,576,1285,160,5 d191 a127 a581 D453,453 K109,32",
     "{1024, 128, 320, 1216, 448, 133, 389, 1285, 5, 137, 69, 197, 581, 576, "
     "276, 544, 288, 800, 160, 36, 480, 224, 32, 106, 109, 180, 127}"},
    {"V325,133,36,172,1093,69,480,9,17,544,389,1221,709,137,194,416 "
     "W1093,96,645,1093,288,448,608,258,640,704,1152,1221,448 D800,183,160 "
     "U901,837,901,36 "
     "D1248,5,960,1152,160,773,37,517,896,837,1029,352,325,192,581,1029,32,704,"
     "1029,325,581,992,640,709 "
     "U928,-20,197,276,581,645,32,581,-2,389,283,1029,1216,325,453,69,517,992,"
     "25 a581 D640,-21 K3",
     "{1216, 3, 901, 645, 389, 1029, 517, 197, 581, 325, 453, 69, 276, 25, "
     "283, 928, 32, 992, 36, -20, -2}"},
    {"W672,133,672,48,-34,160,100,1157,109,384,0,39,5,74,512,182 "
     "X1280,1056,121,96,261,992,768,837,1152,197,294,133,198,90,69,273,256,608,"
     "256 V709,325,837,1093,896,256,320,1088,1285,280,1184,261 "
     "I864,1216,384,992,40,-39,285,645,608,517,215,864,320,517,480,128,261,5,"
     "1157,183,320,517,965,517,69,161,-37 "
     "W21,736,125,5,901,261,133,-14,837,83,773,352,581,1088",
     "set()"},
    {"a672 a352 a264 d1216 d837 "
     "D197,1029,736,41,130,0,36,160,416,13,448,325,256,1157,69,1056,832,1152 "
     "X448,837,832,773,-14,197,197,1029,1093,1093,249,709,192,38,901 "
     "S773,1280,-32,-5,581,300,133,128,-23 K "
     "R43,-5,453,1157,517,965,1221,96,581 I1056,1093,1280 a645 "
     "S243,193,1093,581,453,325,205,-11,1157,480 a-13",
     "{-13, 645}"},
};

/* The ints of "1,2,3" at p (up to a space), as a new list. */
static rc_object *ints_at(const char **p) {
    rc_object *l = rc_list_new(rt);
    while (**p && **p != ' ') {
        char *end;
        rc_object *x = I(rt, strtoll(*p, &end, 10));
        rc_list_append(l, x);
        rc_decref(x);
        *p = *end == ',' ? end + 1 : end;
    }
    return l;
}

/* s <op> o through a keys view of dict.fromkeys(s). */
static rc_object *keys_op(rc_object *s, rc_object *o, rc_binop op) {
    rc_object *d = rc_dict_new(rt), *k;
    size_t pos = 0;
    while (rc_set_next(s, &pos, &k))
        rc_dict_setitem(d, k, rc_none(rt));
    rc_object *view = rc_dict_keys(d), *r = rc_number_binop(view, o, op);
    rc_decref(view), rc_decref(d);
    return r;
}

static rc_object *apply_op(rc_object *s, char c, const char **p) {
    rc_object *l = ints_at(p), *o = rc_set_new(rt, l), *r = NULL;
    int st = 0;
    switch (c) {
    case 'a':
    case 'd':
        st = c == 'a' ? rc_set_add(s, rc_list_get(l, 0))
                      : rc_set_discard(s, rc_list_get(l, 0)) < 0;
        break;
    case 'U':
        st = rc_set_update(s, l);
        break;
    case 'D':
        st = rc_set_difference_update(s, o);
        break;
    case 'X':
        st = rc_set_symmetric_difference_update(s, o);
        break;
    case 'I':
        st = rc_set_intersection_update(s, o);
        break;
    case 'S':
        r = rc_set_difference(s, o);
        break;
    case 'R':
        r = rc_set_symmetric_difference(s, o);
        break;
    default:
        r = keys_op(s, o,
                    c == 'K'   ? RC_OP_XOR
                    : c == 'V' ? RC_OP_SUB
                               : RC_OP_AND);
    }
    assert_int_equal(st, 0);
    rc_decref(l), rc_decref(o);
    if (!r)
        return s;
    rc_decref(s);
    return r;
}

static void sequences_order_like_cpython(void **state) {
    (void)state;
    size_t n = sizeof cpython_sequences / sizeof cpython_sequences[0];
    for (size_t i = 0; i < n; i++) {
        rc_object *s = rc_set_new(rt, NULL);
        const char *p = cpython_sequences[i].ops;
        while (*p) {
            char c = *p++;
            s = apply_op(s, c, &p);
            assert_non_null(s);
            while (*p == ' ')
                p++;
        }
        assert_repr(s, cpython_sequences[i].want);
        rc_decref(s);
    }
}

static void iteration_detects_size_change(void **state) {
    (void)state;
    static const int64_t a[] = {1, 2, 3};
    rc_object *s = set_of(3, a, false), *it = rc_iter(s), *x;
    assert_string_equal(rc_type_name(it), "set_iterator");
    assert_int_equal(rc_next(it, &x), 1);
    rc_decref(x);
    rc_object *nine = I(rt, 9);
    rc_set_add(s, nine);
    assert_int_equal(rc_next(it, &x), RC_ESTATE);
    assert_error(rt, RC_ESTATE, "Set changed size during iteration");
    rc_decref(it);
    it = rc_iter(s);
    int n = 0;
    while (rc_next(it, &x) == 1) {
        n++;
        rc_decref(x);
    }
    assert_int_equal(n, 4);
    rc_decref(it), rc_decref(nine), rc_decref(s);
}

static void cycles_are_collected(void **state) {
    (void)state;
    rc_object *s = rc_set_new(rt, NULL), *l = rc_list_new(rt);
    rc_object *t = rc_tuple_pack(rt, 1, l);
    assert_int_equal(rc_set_add(s, t), RC_EHASH); /* (list,) is unhashable */
    /* a tuple holding an object hashed by identity is fine */
    tnode *n = tnode_new(rt);
    rc_object *tn = rc_tuple_pack(rt, 1, (rc_object *)n);
    assert_int_equal(rc_set_add(s, tn), 0);
    tnode_set(n, 0, s); /* s -> (n,) -> n -> s */
    rc_decref(tn), rc_decref((rc_object *)n), rc_decref(s), rc_decref(t),
        rc_decref(l);
    assert_int_equal(rc_gc_collect(rt, 2), 3);
}

/* ====================================================================== */
/* Random operations against a model                                       */
/* ====================================================================== */

#define K 2000
static const int64_t PRIME61 = ((int64_t)1 << 61) - 1;

/* Fresh key objects: plain ints, strs, ints colliding in groups of 4. */
static rc_object *key_for(int id) {
    char buf[32];
    if (id % 3 == 1) {
        snprintf(buf, sizeof buf, "k%d", id);
        return STR(rt, buf);
    }
    if (id % 3 == 0)
        return I(rt, 1000 + id);
    int q = id / 3;
    return I(rt, 300 + q % 200 + (int64_t)(q / 200) * PRIME61);
}

static int id_of(rc_object *key) {
    if (rc_is_str(key))
        return atoi(rc_str_utf8(key) + 1);
    int64_t v = int_of(key);
    if (v >= 1000 && v < 1000 + K)
        return (int)(v - 1000);
    return (int)(((v % PRIME61 - 300) + (v / PRIME61) * 200) * 3 + 2);
}

static void check_members(rc_object *s, const bool *in, int n) {
    static bool seen[K];
    memset(seen, 0, sizeof seen);
    assert_int_equal(rc_set_size(s), n);
    size_t pos = 0;
    rc_object *k;
    int count = 0;
    while (rc_set_next(s, &pos, &k)) {
        int id = id_of(k);
        assert_true(in[id] && !seen[id]);
        seen[id] = true;
        count++;
    }
    assert_int_equal(count, n);
}

/* A random set of the key space and its model. */
static rc_object *random_set(uint64_t *seed, bool *in) {
    rc_object *s = rc_set_new(rt, NULL);
    memset(in, 0, K);
    int n = (int)rng_below(seed, 300);
    for (int i = 0; i < n; i++) {
        int id = (int)rng_below(seed, K);
        rc_object *k = key_for(id);
        rc_set_add(s, k);
        rc_decref(k);
        in[id] = true;
    }
    return s;
}

static void check_algebra(rc_object *s, const bool *in, uint64_t *seed) {
    static bool other[K], expect[K];
    rc_object *o = random_set(seed, other);
    int op = (int)rng_below(seed, 4), n = 0;
    rc_object *r = op == 0   ? rc_set_union(s, o)
                   : op == 1 ? rc_set_intersection(s, o)
                   : op == 2 ? rc_set_difference(s, o)
                             : rc_set_symmetric_difference(s, o);
    for (int i = 0; i < K; i++) {
        expect[i] = op == 0   ? in[i] || other[i]
                    : op == 1 ? in[i] && other[i]
                    : op == 2 ? in[i] && !other[i]
                              : in[i] != other[i];
        n += expect[i];
    }
    check_members(r, expect, n);
    rc_decref(r), rc_decref(o);
}

static void random_operations_against_model(void **state) {
    (void)state;
    static const int targets[] = {3, 50, 600, 1800};
    static bool in[K];
    memset(in, 0, sizeof in);
    int n = 0;
    uint64_t seed = 99;
    rc_object *s = rc_set_new(rt, NULL);
    long ops = 100000 * test_scale();
    for (long k = 0; k < ops; k++) {
        int id = (int)rng_below(&seed, K), op = (int)rng_below(&seed, 100);
        bool grow = n < targets[(k / 4000) % 4];
        rc_object *key = key_for(id);
        if (op < (grow ? 60 : 30)) {
            assert_int_equal(rc_set_add(s, key), 0);
            n += !in[id];
            in[id] = true;
        } else if (op < 70) {
            int r = op % 2 ? rc_set_discard(s, key) : rc_set_remove(s, key);
            assert_int_equal(r, in[id] ? (op % 2 ? 1 : 0)
                                       : (op % 2 ? 0 : RC_EKEY));
            n -= in[id];
            in[id] = false;
        } else if (op < 85) {
            assert_int_equal(rc_contains(s, key), in[id]);
        } else if (op < 93 && n) {
            rc_object *p = rc_set_pop(s);
            int pid = id_of(p);
            assert_true(in[pid]);
            in[pid] = false;
            n--;
            rc_decref(p);
        } else if (op < 98) {
            check_algebra(s, in, &seed);
        } else if (rng_below(&seed, 20) == 0) {
            rc_set_clear(s);
            memset(in, 0, sizeof in);
            n = 0;
        }
        rc_decref(key);
        if (k % 101 == 0)
            check_members(s, in, n);
    }
    check_members(s, in, n);
    rc_object *f = rc_frozenset_new(rt, s);
    assert_int_equal(rc_equal(f, s), 1);
    check_members(f, in, n);
    rc_decref(f), rc_decref(s);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
    const struct CMUnitTest tests[] = {
        T(growth_and_order_follow_cpython),
        T(frozenset_hashes_are_cpythons),
        T(reprs_and_messages),
        T(sets_as_keys),
        T(algebra_and_comparisons),
        T(algebra_orders_like_cpython),
        T(copies_keep_the_small_table),
        T(sequences_order_like_cpython),
        T(iteration_detects_size_change),
        T(cycles_are_collected),
        T(random_operations_against_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
