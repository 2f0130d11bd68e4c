/*
 * instance_slots.c — rp_inst_protocol: the rc_protocol slots of every class
 * made at run time, each finding the class's dunder (__repr__, __eq__,
 * __hash__, __len__, __iter__, __add__/__radd__, __call__, __getattr__
 * ...) and calling it with CPython's semantics and error messages; and the
 * sequence iterator that iter() falls back to for classes with only
 * __getitem__.
 *
 * rcgc dispatches through these slots without knowing about subclasses, so
 * the rules that need them live here: for comparisons and binary operators
 * between two instances of different run-time classes, the slot called for
 * the left operand does the whole of CPython's do_richcompare /
 * binary_op1 (the right operand's reflected method first when its class is
 * a subclass that overrides it) and never answers NotImplemented, so rcgc
 * does not call the right operand's slot a second time.
 *
 * Inherited builtin behaviour (object.__repr__, type.__call__, a wrapper of
 * the exception layout's slots) is found as a slot wrapper and its C slot
 * called directly.
 */
#include "objmodel.h"

#include <string.h>

/* ====================================================================== */
/* Finding and calling dunders                                            */
/* ====================================================================== */

static bool is_heap_obj(const rc_object *o) {
    return o->type->protocol == &rp_inst_protocol;
}

static rc_object *lookup_ip(rp_interp *ip, rc_object *self, rc_object *name) {
    return rp_class_lookup_ip(ip, rp_type_of_ip(ip, self), name);
}

/* The slot table behind f when f is a slot wrapper that applies to self,
 * and in *t the object to call its slot with (self, or the value self
 * wraps). NULL: call f the general way. */
static const rc_protocol *wrapped(rc_object *f, rc_object *self,
                                  rc_object **t) {
    *t = self;
    if (!f || f->type != &rp_wrapperdescr_type)
        return NULL;
    rp_wrapperdescr *w = (rp_wrapperdescr *)f;
    if (!w->impl || (w->cls && !rp_is_instance(self, w->cls)))
        return NULL;
    *t = rp_self_for(w->cls, self); /* object's slots take self itself */
    return w->impl;
}

/* f (found on the class, borrowed) called with self and args. */
static rc_object *call_found(rp_interp *ip, rc_object *f, rc_object *self,
                             rc_object *const *args, size_t nargs) {
    rc_incref(f);
    rc_object *r = rp_call_unbound(ip, f, self, args, nargs, NULL);
    rc_decref(f);
    return r;
}

static int type_error(rp_interp *ip, const char *fmt, rc_object *o) {
    return rp_raise(ip, ip->exc.TypeError, fmt, rp_tname(o));
}

/* ====================================================================== */
/* repr, str, format, hash                                                */
/* ====================================================================== */

static rc_object *check_str(rp_interp *ip, rc_object *r, const char *what) {
    if (r && !rc_is_str(r)) {
        rp_raise(ip, ip->exc.TypeError, "%s returned non-string (type %s)",
                 what, rp_tname(r));
        rc_decref(r);
        return NULL;
    }
    return r;
}

static rc_object *inst_repr(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.repr);
    rc_object *t = self;
    const rc_protocol *p = f ? wrapped(f, self, &t) : &rp_object_protocol;
    if (p && p->repr)
        return p->repr(t);
    return check_str(ip, call_found(ip, f, self, NULL, 0), "__repr__");
}

static rc_object *inst_str(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.str);
    rc_object *t = self;
    const rc_protocol *p = f ? wrapped(f, self, &t) : &rp_object_protocol;
    if (p && p->str)
        return p->str(t);
    return check_str(ip, call_found(ip, f, self, NULL, 0), "__str__");
}

static rc_object *inst_format(rc_object *self, rc_object *spec) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.format);
    rc_object *t = self;
    const rc_protocol *p = f ? wrapped(f, self, &t) : &rp_object_protocol;
    if (p && p->format)
        return p->format(t, spec);
    rc_object *r = call_found(ip, f, self, &spec, 1);
    if (r && !rc_is_str(r)) {
        rp_raise(ip, ip->exc.TypeError, "__format__ must return a str, not %s",
                 rp_tname(r));
        rc_decref(r);
        return NULL;
    }
    return r;
}

static int inst_hash(rc_object *self, int64_t *out) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.hash);
    if (!f || f == ip->none) {
        rp_raise(ip, ip->exc.TypeError, "unhashable type: '%s'",
                 rp_tname(self));
        return RC_EHASH;
    }
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (p && p->hash)
        return p->hash(t, out);
    rc_object *r = call_found(ip, f, self, NULL, 0);
    if (!r)
        return -1;
    int st = 0;
    if (!rc_is_int(r))
        st = rp_raise(ip, ip->exc.TypeError,
                      "__hash__ method should return an integer");
    else if (rc_int_to_i64(r, out) < 0) {
        rc_clear_error(ip->rt);
        st = rc_hash(r, out); /* a big int: hash it as int does */
    }
    rc_decref(r);
    if (st == 0 && *out == -1)
        *out = -2;
    return st < 0 ? st : 0;
}

/* ====================================================================== */
/* Rich comparison                                                        */
/* ====================================================================== */

static const rc_cmp swapped_op[] = {
    [RC_LT] = RC_GT, [RC_LE] = RC_GE, [RC_EQ] = RC_EQ,
    [RC_NE] = RC_NE, [RC_GT] = RC_LT, [RC_GE] = RC_LE,
};

static const char *const cmp_symbol[] = {"<", "<=", "==", "!=", ">", ">="};

rc_object *rp_inst_compare_plain(rp_interp *ip, rc_object *self,
                                 rc_object *other, rc_cmp op) {
    rc_object *f = lookup_ip(ip, self, rp_objstate_of(ip)->cmp_name[op]);
    if (!f)
        return rc_notimplemented(ip->rt);
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (p && p->richcompare)
        return p->richcompare(t, rp_operand(p, other), op);
    return call_found(ip, f, self, &other, 1);
}

/* Both operands are instances of run-time classes: all of CPython's
 * do_richcompare (the reflected method is tried for equal types too),
 * answering for both sides. */
static rc_object *compare_both(rp_interp *ip, rc_object *a, rc_object *b,
                               rc_cmp op) {
    bool reverse_done = false;
    rc_object *r;
    rp_class *ta = rp_type_of(a), *tb = rp_type_of(b);
    if (ta != tb && rp_is_subclass(tb, ta)) {
        r = rp_inst_compare_plain(ip, b, a, swapped_op[op]);
        if (!r || !rc_is_notimplemented(r))
            return r;
        reverse_done = true;
    }
    r = rp_inst_compare_plain(ip, a, b, op);
    if (!r || !rc_is_notimplemented(r))
        return r;
    if (!reverse_done) {
        r = rp_inst_compare_plain(ip, b, a, swapped_op[op]);
        if (!r || !rc_is_notimplemented(r))
            return r;
    }
    if (op == RC_EQ || op == RC_NE)
        return rp_new_ref(rp_bool(ip, (a == b) == (op == RC_EQ)));
    rp_raise(ip, ip->exc.TypeError,
             "'%s' not supported between instances of '%s' and '%s'",
             cmp_symbol[op], rp_tname(a), rp_tname(b));
    return NULL;
}

static rc_object *inst_richcompare(rc_object *self, rc_object *other,
                                   rc_cmp op) {
    rp_interp *ip = rp_interp_of(self);
    if (is_heap_obj(other)) /* the library reflects between types only */
        return compare_both(ip, self, other, op);
    return rp_inst_compare_plain(ip, self, other, op);
}

/* ====================================================================== */
/* bool, len                                                              */
/* ====================================================================== */

/* A __len__ result as a size: CPython's messages. */
static ptrdiff_t len_result(rp_interp *ip, rc_object *r) {
    int64_t n;
    int st = rp_index(ip, r, &n);
    rc_decref(r);
    if (st < 0) {
        if (rp_err_matches(ip, ip->exc.OverflowError)) {
            rp_err_clear(ip);
            rp_raise(ip, ip->exc.OverflowError,
                     "cannot fit 'int' into an index-sized integer");
        }
        return -1;
    }
    if (n < 0)
        return rp_raise(ip, ip->exc.ValueError, "__len__() should return >= 0");
    return (ptrdiff_t)n;
}

static ptrdiff_t len_of(rp_interp *ip, rc_object *self, rc_object *f) {
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (p && p->len)
        return p->len(t);
    rc_object *r = call_found(ip, f, self, NULL, 0);
    return r ? len_result(ip, r) : -1;
}

static ptrdiff_t inst_len(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.len);
    if (!f)
        return type_error(ip, "object of type '%s' has no len()", self);
    return len_of(ip, self, f);
}

static int inst_truth(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.bool_);
    if (f) {
        rc_object *t;
        const rc_protocol *p = wrapped(f, self, &t);
        if (p && p->truth)
            return p->truth(t);
        rc_object *r = call_found(ip, f, self, NULL, 0);
        if (!r)
            return -1;
        int v = r == ip->true_ ? 1 : r == ip->false_ ? 0 : -1;
        if (v < 0)
            rp_raise(ip, ip->exc.TypeError,
                     "__bool__ should return bool, returned %s", rp_tname(r));
        rc_decref(r);
        return v;
    }
    f = lookup_ip(ip, self, ip->s.len);
    if (!f)
        return 1;
    ptrdiff_t n = len_of(ip, self, f);
    return n < 0 ? -1 : n > 0;
}

/* ====================================================================== */
/* Items                                                                  */
/* ====================================================================== */

static rc_object *inst_getitem(rc_object *self, rc_object *key) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.getitem);
    if (!f) {
        type_error(ip, "'%s' object is not subscriptable", self);
        return NULL;
    }
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (!p || !p->getitem)
        return call_found(ip, f, self, &key, 1);
    rc_object *r = p->getitem(t, key);
    if (r || t == self || !rc_is_dict(t))
        return r;
    /* a dict subclass: a missing key goes to __missing__ (CPython's
     * dict_subscript) */
    rc_object *miss = lookup_ip(ip, self, ip->s.missing);
    if (!miss || !rp_err_matches(ip, ip->exc.KeyError))
        return NULL;
    rp_err_clear(ip);
    return call_found(ip, miss, self, &key, 1);
}

static int none_result(rc_object *r) {
    if (!r)
        return -1;
    rc_decref(r);
    return 0;
}

/* __setitem__ or __delitem__ missing: TypeError when the class has
 * neither, AttributeError naming the one missing otherwise (CPython's
 * single assignment slot). */
static int missing_item_method(rp_interp *ip, rc_object *self,
                               rc_object *other_name, rc_object *name,
                               const char *msg) {
    if (lookup_ip(ip, self, other_name))
        return rp_raise(ip, ip->exc.AttributeError, "%s", rc_str_utf8(name));
    return type_error(ip, msg, self);
}

static int inst_setitem(rc_object *self, rc_object *key, rc_object *value) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.setitem);
    if (!f)
        return missing_item_method(ip, self, ip->s.delitem, ip->s.setitem,
                                   "'%s' object does not support item "
                                   "assignment");
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (p && p->setitem)
        return p->setitem(t, key, value);
    rc_object *args[2] = {key, value};
    return none_result(call_found(ip, f, self, args, 2));
}

static int inst_delitem(rc_object *self, rc_object *key) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.delitem);
    if (!f)
        return missing_item_method(ip, self, ip->s.setitem, ip->s.delitem,
                                   "'%s' object doesn't support item "
                                   "deletion");
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (p && p->delitem)
        return p->delitem(t, key);
    return none_result(call_found(ip, f, self, &key, 1));
}

static int contains_by_iteration(rp_interp *ip, rc_object *self,
                                 rc_object *item) {
    rc_object *it = rc_iter(self);
    if (!it)
        return -1;
    rc_object *x;
    int r;
    while ((r = rc_next(it, &x)) > 0) {
        int eq = rc_equal(x, item);
        rc_decref(x);
        if (eq != 0) {
            r = eq;
            break;
        }
    }
    rc_decref(it);
    return r < 0 ? -1 : r;
}

static int inst_contains(rc_object *self, rc_object *item) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.contains);
    if (!f) {
        rc_object *it = lookup_ip(ip, self, ip->s.iter);
        if ((!it || it == ip->none) && !lookup_ip(ip, self, ip->s.getitem))
            return type_error(ip, "argument of type '%s' is not iterable",
                              self);
        return contains_by_iteration(ip, self, item);
    }
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (p && p->contains)
        return p->contains(t, item);
    rc_object *r = call_found(ip, f, self, &item, 1);
    if (!r)
        return -1;
    int v = rp_truth(ip, r);
    rc_decref(r);
    return v;
}

/* ====================================================================== */
/* Iteration                                                              */
/* ====================================================================== */

/* The iterator iter() makes for an object with __getitem__ only: items
 * 0, 1, 2 ... until IndexError or StopIteration. */
typedef struct seqiter {
    rc_object ob;
    rc_object *seq; /* NULL once exhausted */
    int64_t index;
} seqiter;

static const rc_type seqiter_type;

static rc_object *seqiter_new(rp_interp *ip, rc_object *seq) {
    seqiter *it = (seqiter *)rc_new(ip->rt, &seqiter_type);
    if (!it)
        return NULL;
    rc_incref(seq);
    it->seq = seq;
    return &it->ob;
}

static int seqiter_next(rc_object *o, rc_object **item) {
    seqiter *it = (seqiter *)o;
    if (!it->seq)
        return 0;
    rp_interp *ip = rp_interp_of(o);
    rc_object *key = rc_int_from_i64(ip->rt, it->index);
    if (!key)
        return -1;
    rc_object *r = rc_getitem(it->seq, key);
    rc_decref(key);
    if (r) {
        it->index++;
        *item = r;
        return 1;
    }
    if (rp_err_matches(ip, ip->exc.IndexError) ||
        rp_err_matches(ip, ip->exc.StopIteration)) {
        rp_err_clear(ip);
        rc_object *seq = it->seq;
        it->seq = NULL;
        rc_decref(seq);
        return 0;
    }
    return -1;
}

static rc_object *seqiter_iter(rc_object *o) {
    return rp_new_ref(o);
}

static int seqiter_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    seqiter *it = (seqiter *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static int seqiter_clear(rc_object *o) {
    seqiter *it = (seqiter *)o;
    rc_object *seq = it->seq;
    it->seq = NULL;
    rc_xdecref(seq);
    return 0;
}

static const rc_protocol seqiter_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .iter = seqiter_iter,
    .next = seqiter_next,
};

static const rc_type seqiter_type = {
    .name = "iterator",
    .basicsize = sizeof(seqiter),
    .flags = RC_TYPE_GC,
    .traverse = seqiter_traverse,
    .clear = seqiter_clear,
    .protocol = &seqiter_protocol,
};

int rp_init_seqiter(rp_interp *ip) {
    return rp_class_new_builtin(ip, "iterator", &seqiter_type, NULL, NULL, NULL,
                                0)
               ? 0
               : -1;
}

/* Does o's type answer next()? */
static bool is_iterator(rp_interp *ip, rc_object *o) {
    if (is_heap_obj(o))
        return lookup_ip(ip, o, ip->s.next) != NULL;
    const rc_protocol *p = o->type->protocol;
    return p && p->next;
}

static rc_object *inst_iter(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.iter);
    if (f == ip->none || (!f && !lookup_ip(ip, self, ip->s.getitem))) {
        type_error(ip, "'%s' object is not iterable", self);
        return NULL;
    }
    if (!f)
        return seqiter_new(ip, self);
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (p && p->iter)
        return p->iter(t);
    rc_object *r = call_found(ip, f, self, NULL, 0);
    if (r && !is_iterator(ip, r)) {
        type_error(ip, "iter() returned non-iterator of type '%s'", r);
        rc_decref(r);
        return NULL;
    }
    return r;
}

static int inst_next(rc_object *self, rc_object **item) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.next);
    if (!f)
        return type_error(ip, "'%s' object is not an iterator", self);
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (p && p->next)
        return p->next(t, item);
    rc_object *r = call_found(ip, f, self, NULL, 0);
    if (r) {
        *item = r;
        return 1;
    }
    if (rp_err_matches(ip, ip->exc.StopIteration)) {
        rp_err_clear(ip);
        return 0;
    }
    return -1;
}

/* ====================================================================== */
/* Calls and attributes                                                   */
/* ====================================================================== */

static rc_object *inst_call(rc_object *self, rc_object *const *args,
                            size_t nargs, rc_object *kwnames) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.call);
    if (!f) {
        type_error(ip, "'%s' object is not callable", self);
        return NULL;
    }
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (p && p->call)
        return p->call(t, args, nargs, kwnames);
    rc_incref(f);
    rc_object *r = rp_call_unbound(ip, f, self, args, nargs, kwnames);
    rc_decref(f);
    return r;
}

rc_object *rp_inst_getattr_slot(rc_object *self, rc_object *name) {
    rp_interp *ip = rp_interp_of(self);
    uint32_t flags = ((const rp_class *)self->type->owner)->flags;
    if (!(flags & RP_CLS_OWN_GETATTR_)) {
        rc_object *v = rp_generic_getattr(ip, self, name);
        if (v || !(flags & RP_CLS_HAS_GETATTR_))
            return v;
    }
    rc_object *ga = lookup_ip(ip, self, ip->s.getattribute);
    rc_object *r = NULL, *t;
    const rc_protocol *p;
    if (!(flags & RP_CLS_OWN_GETATTR_))
        ; /* the generic lookup failed above: on to __getattr__ */
    else if (!ga || ga == rp_objstate_of(ip)->object_getattribute)
        r = rp_generic_getattr(ip, self, name);
    else if ((p = wrapped(ga, self, &t)) && p->getattr)
        r = p->getattr(self, name);
    else
        r = call_found(ip, ga, self, &name, 1);
    if (r)
        return r;
    rc_object *hook = lookup_ip(ip, self, ip->s.getattr);
    if (!hook || !rp_err_matches(ip, ip->exc.AttributeError))
        return NULL;
    rp_err_clear(ip);
    return call_found(ip, hook, self, &name, 1);
}

static int inst_setattr(rc_object *self, rc_object *name, rc_object *value) {
    rp_interp *ip = rp_interp_of(self);
    if (!(((const rp_class *)self->type->owner)->flags & RP_CLS_OWN_SETATTR_))
        return rp_generic_setattr(ip, self, name, value);
    rc_object *f = lookup_ip(ip, self, ip->s.setattr), *t;
    const rc_protocol *p;
    if (!f || f == rp_objstate_of(ip)->object_setattr)
        return rp_generic_setattr(ip, self, name, value);
    if ((p = wrapped(f, self, &t)) && p->setattr)
        return p->setattr(self, name, value);
    rc_object *args[2] = {name, value};
    return none_result(call_found(ip, f, self, args, 2));
}

static int inst_delattr(rc_object *self, rc_object *name) {
    rp_interp *ip = rp_interp_of(self);
    if (!(((const rp_class *)self->type->owner)->flags & RP_CLS_OWN_SETATTR_))
        return rp_generic_setattr(ip, self, name, NULL);
    rc_object *f = lookup_ip(ip, self, ip->s.delattr), *t;
    const rc_protocol *p;
    if (!f || f == rp_objstate_of(ip)->object_delattr)
        return rp_generic_setattr(ip, self, name, NULL);
    if ((p = wrapped(f, self, &t)) && p->delattr)
        return p->delattr(self, name);
    return none_result(call_found(ip, f, self, &name, 1));
}

/* ====================================================================== */
/* Number operators                                                       */
/* ====================================================================== */

/* self.__op__(other), or self.__rop__(other) when reflected; NotImplemented
 * when the class has no such method. */
static rc_object *call_binop(rp_interp *ip, rc_object *self, rc_object *other,
                             rc_binop op, bool reflected) {
    rp_objstate *st = rp_objstate_of(ip);
    rc_object *f = lookup_ip(
        ip, self, reflected ? st->rbinop_name[op] : st->binop_name[op]);
    if (!f)
        return rc_notimplemented(ip->rt);
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (p && p->binop) {
        rc_object *o = rp_operand(p, other);
        return reflected ? p->binop(o, t, op) : p->binop(t, o, op);
    }
    return call_found(ip, f, self, &other, 1);
}

/* Does b's class define name differently from a's? */
static bool overrides(rp_interp *ip, rc_object *b, rc_object *a,
                      rc_object *name) {
    rc_object *fb = lookup_ip(ip, b, name);
    return fb && fb != lookup_ip(ip, a, name);
}

/* Both operands are instances of different run-time classes: CPython's
 * SLOT1BINFULL for both sides. NotImplemented when nobody handles it. */
static rc_object *binop_both(rp_interp *ip, rc_object *a, rc_object *b,
                             rc_binop op) {
    bool b_done = false;
    rc_object *r;
    if (rp_is_subclass(rp_type_of(b), rp_type_of(a)) &&
        overrides(ip, b, a, rp_objstate_of(ip)->rbinop_name[op])) {
        r = call_binop(ip, b, a, op, true);
        if (!r || !rc_is_notimplemented(r))
            return r;
        b_done = true;
    }
    r = call_binop(ip, a, b, op, false);
    if (!r || !rc_is_notimplemented(r) || b_done)
        return r;
    return call_binop(ip, b, a, op, true);
}

static rc_object *binop_error(rp_interp *ip, rc_object *a, rc_object *b,
                              rc_binop op, bool inplace) {
    const char *sym = rc_binop_symbol(op);
    if (inplace && op == RC_OP_POW)
        sym = "**=";
    rp_raise(ip, ip->exc.TypeError,
             "unsupported operand type(s) for %s%s: '%s' and '%s'", sym,
             inplace && op != RC_OP_POW ? "=" : "", rp_tname(a), rp_tname(b));
    return NULL;
}

static rc_object *inst_binop(rc_object *a, rc_object *b, rc_binop op) {
    bool ha = is_heap_obj(a), hb = is_heap_obj(b);
    rp_interp *ip = rp_interp_of(ha ? a : b);
    if (ha && hb && a->type != b->type) {
        rc_object *r = binop_both(ip, a, b, op);
        if (r && rc_is_notimplemented(r))
            return binop_error(ip, a, b, op, false);
        return r;
    }
    if (ha)
        return call_binop(ip, a, b, op, false);
    return call_binop(ip, b, a, op, true);
}

/* a <op>= b: __iop__, else the binary operator with both operands' slots;
 * never NotImplemented, so the error names the in-place operator. */
static rc_object *inst_inplace(rc_object *self, rc_object *other, rc_binop op) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *name = rp_objstate_of(ip)->ibinop_name[op];
    rc_object *f = name ? lookup_ip(ip, self, name) : NULL;
    rc_object *r;
    if (f) {
        rc_object *t;
        const rc_protocol *p = wrapped(f, self, &t);
        r = p && p->inplace ? p->inplace(t, rp_operand(p, other), op)
                            : call_found(ip, f, self, &other, 1);
        if (r == t && t != self) { /* the wrapped value changed in place */
            rc_decref(r);
            return rp_new_ref(self);
        }
        if (!r || !rc_is_notimplemented(r))
            return r;
    }
    if (is_heap_obj(other) && self->type != other->type) {
        r = binop_both(ip, self, other, op);
    } else {
        r = call_binop(ip, self, other, op, false);
        const rc_protocol *q = other->type->protocol;
        if (r && rc_is_notimplemented(r) && self->type != other->type && q &&
            q->binop)
            r = q->binop(self, other, op);
    }
    if (r && rc_is_notimplemented(r))
        return binop_error(ip, self, other, op, true);
    return r;
}

static rc_object *inst_unop(rc_object *self, rc_unop op) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, rp_objstate_of(ip)->unop_name[op]);
    if (!f) {
        rp_raise(ip, ip->exc.TypeError, "bad operand type for %s: '%s'",
                 rc_unop_symbol(op), rp_tname(self));
        return NULL;
    }
    rc_object *t;
    const rc_protocol *p = wrapped(f, self, &t);
    if (p && p->unop)
        return p->unop(t, op);
    return call_found(ip, f, self, NULL, 0);
}

/* The index slot (__index__). The table is shared by every class, so a
 * class without __index__ declines with NotImplemented and the library
 * reports its own "indices must be integers" error. A Python __index__
 * that itself returns NotImplemented is a wrong result, not a decline. */
static rc_object *inst_index(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *f = lookup_ip(ip, self, ip->s.index);
    if (!f)
        return rc_notimplemented(ip->rt);
    rc_object *r = call_found(ip, f, self, NULL, 0);
    if (r && rc_is_notimplemented(r)) {
        rc_decref(r);
        rp_raise(ip, ip->exc.TypeError,
                 "__index__ returned non-int (type NotImplementedType)");
        return NULL;
    }
    return r;
}

const rc_protocol rp_inst_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = inst_repr,
    .str = inst_str,
    .format = inst_format,
    .hash = inst_hash,
    .richcompare = inst_richcompare,
    .truth = inst_truth,
    .len = inst_len,
    .getitem = inst_getitem,
    .setitem = inst_setitem,
    .delitem = inst_delitem,
    .contains = inst_contains,
    .iter = inst_iter,
    .next = inst_next,
    .call = inst_call,
    .getattr = rp_inst_getattr_slot,
    .setattr = inst_setattr,
    .delattr = inst_delattr,
    .binop = inst_binop,
    .inplace = inst_inplace,
    .unop = inst_unop,
    .index = inst_index,
};

/* ====================================================================== */
/* Operator names                                                         */
/* ====================================================================== */

static const char *const binop_base[RC_NBINOPS] = {
    [RC_OP_ADD] = "add",         [RC_OP_SUB] = "sub",
    [RC_OP_MUL] = "mul",         [RC_OP_MATMUL] = "matmul",
    [RC_OP_TRUEDIV] = "truediv", [RC_OP_FLOORDIV] = "floordiv",
    [RC_OP_MOD] = "mod",         [RC_OP_DIVMOD] = "divmod",
    [RC_OP_POW] = "pow",         [RC_OP_LSHIFT] = "lshift",
    [RC_OP_RSHIFT] = "rshift",   [RC_OP_AND] = "and",
    [RC_OP_OR] = "or",           [RC_OP_XOR] = "xor",
};

static const char *const unop_names[RC_NUNOPS] = {[RC_OP_NEG] = "__neg__",
                                                  [RC_OP_POS] = "__pos__",
                                                  [RC_OP_ABS] = "__abs__",
                                                  [RC_OP_INVERT] =
                                                      "__invert__"};

static const char *const cmp_names[] = {"__lt__", "__le__", "__eq__",
                                        "__ne__", "__gt__", "__ge__"};

static int intern_fmt(rp_interp *ip, rc_object **out, const char *fmt,
                      const char *base) {
    char buf[32];
    snprintf(buf, sizeof buf, fmt, base);
    *out = rc_str_intern(ip->rt, buf);
    return *out ? 0 : -1;
}

int rp_init_op_names(rp_interp *ip) {
    rp_objstate *st = rp_objstate_of(ip);
    if (intern_fmt(ip, &st->abstract_name, "%s", "__abstractmethods__") < 0)
        return -1;
    for (int i = 0; i < 6; i++)
        if (intern_fmt(ip, &st->cmp_name[i], "%s", cmp_names[i]) < 0)
            return -1;
    for (int i = 0; i < RC_NUNOPS; i++)
        if (intern_fmt(ip, &st->unop_name[i], "%s", unop_names[i]) < 0)
            return -1;
    for (int i = 0; i < RC_NBINOPS; i++) {
        if (intern_fmt(ip, &st->binop_name[i], "__%s__", binop_base[i]) < 0 ||
            intern_fmt(ip, &st->rbinop_name[i], "__r%s__", binop_base[i]) < 0)
            return -1;
        if (i != RC_OP_DIVMOD &&
            intern_fmt(ip, &st->ibinop_name[i], "__i%s__", binop_base[i]) < 0)
            return -1;
    }
    return 0;
}

void rp_fini_op_names(rp_interp *ip) {
    rp_objstate *st = rp_objstate_of(ip);
    rc_object **all[] = {st->cmp_name, st->unop_name, st->binop_name,
                         st->rbinop_name, st->ibinop_name};
    size_t counts[] = {6, RC_NUNOPS, RC_NBINOPS, RC_NBINOPS, RC_NBINOPS};
    for (size_t k = 0; k < 5; k++)
        for (size_t i = 0; i < counts[k]; i++) {
            rc_xdecref(all[k][i]);
            all[k][i] = NULL;
        }
    rc_xdecref(st->abstract_name);
    st->abstract_name = NULL;
}
