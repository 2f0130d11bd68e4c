/*
 * class_new.c — making classes at run time and calling classes:
 * type(name, bases, ns) (metaclass winner, best base and layout, C3 MRO,
 * __slots__, the class's own rc_type, __classcell__, __set_name__,
 * __init_subclass__), __build_class__ for class statements, type(x), and
 * calling a class (__new__ then __init__, with object.__new__/__init__'s
 * argument checks).
 *
 * Invariant: a class made here is complete — MRO, dict, rc_type with the
 * layout of its solid base plus its __slots__ values, registered with its
 * bases — before any Python code (__set_name__, __init_subclass__) can see
 * it; its instances' rc_type belongs to it (RC_TYPE_HEAP, owner the class).
 */
#include "objmodel.h"

#include <string.h>

static rc_object *dict_get(rc_object *dict, rc_object *key) {
    return dict ? rc_dict_getitem(dict, key) : NULL;
}

/* A new tuple of a list's items. */
static rc_object *list_to_tuple(rp_interp *ip, rc_object *list) {
    size_t n = rc_list_size(list);
    rc_object *t = rc_tuple_new(ip->rt, n);
    for (size_t i = 0; t && i < n; i++)
        rc_tuple_init_item(t, i, rp_new_ref(rc_list_get(list, (ptrdiff_t)i)));
    return t;
}

/* ====================================================================== */
/* Metaclass, best base, layout                                           */
/* ====================================================================== */

/* The most derived metaclass of meta and the bases' metaclasses. */
static rp_class *winner_metaclass(rp_interp *ip, rp_class *meta,
                                  rc_object *bases) {
    rp_class *winner = meta;
    for (size_t i = 0; i < rc_tuple_size(bases); i++) {
        rp_class *t = rp_type_of(rc_tuple_get(bases, i));
        if (rp_is_subclass(winner, t))
            continue;
        if (rp_is_subclass(t, winner)) {
            winner = t;
            continue;
        }
        rp_raise(ip, ip->exc.TypeError,
                 "metaclass conflict: the metaclass of a derived class must "
                 "be a (non-strict) subclass of the metaclasses of all its "
                 "bases");
        return NULL;
    }
    return winner;
}

rp_class *rp_class_solid_base(rp_class *c) {
    rp_class *b = c->base;
    if (!b || c->layout != b->layout || c->nslots != b->nslots)
        return c;
    return rp_class_solid_base(b);
}

/* The base whose layout instances take (CPython's best_base). */
static rp_class *best_base(rp_interp *ip, rc_object *bases) {
    rp_class *base = NULL, *winner = NULL;
    for (size_t i = 0; i < rc_tuple_size(bases); i++) {
        rc_object *b = rc_tuple_get(bases, i);
        if (!rp_is_class(b)) {
            rp_raise(ip, ip->exc.TypeError, "bases must be types");
            return NULL;
        }
        rp_class *bc = (rp_class *)b;
        if (!((bc->flags & RP_CLS_BASETYPE) && bc->layout) &&
            !rp_is_value_class(ip, bc)) {
            rp_raise(ip, ip->exc.TypeError,
                     "type '%s' is not an acceptable base type",
                     rp_class_name(bc));
            return NULL;
        }
        rp_class *cand = rp_class_solid_base(bc);
        if (!winner || rp_is_subclass(cand, winner)) {
            winner = cand;
            base = bc;
        } else if (!rp_is_subclass(winner, cand)) {
            rp_raise(ip, ip->exc.TypeError,
                     "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* ====================================================================== */
/* The C3 linearization                                                   */
/* ====================================================================== */

typedef struct mro_seq {
    rc_object *items; /* tuple */
    size_t pos;       /* first item not yet merged */
} mro_seq;

static bool in_tail(const mro_seq *seqs, size_t n, rc_object *c) {
    for (size_t i = 0; i < n; i++)
        for (size_t j = seqs[i].pos + 1; j < rc_tuple_size(seqs[i].items); j++)
            if (rc_tuple_get(seqs[i].items, j) == c)
                return true;
    return false;
}

static int mro_error(rp_interp *ip, const mro_seq *seqs, size_t n) {
    rc_object *seen = rc_list_new(ip->rt);
    char msg[512] = "";
    for (size_t i = 0; seen && i < n; i++) {
        if (seqs[i].pos >= rc_tuple_size(seqs[i].items))
            continue;
        rc_object *head = rc_tuple_get(seqs[i].items, seqs[i].pos);
        bool dup = false;
        for (size_t k = 0; k < rc_list_size(seen); k++)
            dup |= rc_list_get(seen, (ptrdiff_t)k) == head;
        if (dup || rc_list_append(seen, head) < 0)
            continue;
        size_t len = strlen(msg);
        snprintf(msg + len, sizeof msg - len, "%s%s", len ? ", " : "",
                 rp_class_name((rp_class *)head));
    }
    rc_xdecref(seen);
    return rp_raise(ip, ip->exc.TypeError,
                    "Cannot create a consistent method resolution\norder "
                    "(MRO) for bases %s",
                    msg);
}

static int check_duplicates(rp_interp *ip, rc_object *bases) {
    size_t n = rc_tuple_size(bases);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (rc_tuple_get(bases, i) == rc_tuple_get(bases, j))
                return rp_raise(
                    ip, ip->exc.TypeError, "duplicate base class %s",
                    rp_class_name((rp_class *)rc_tuple_get(bases, i)));
    return 0;
}

/* Merges seqs into out (a list starting with the class). */
static int c3_merge(rp_interp *ip, mro_seq *seqs, size_t n, rc_object *out) {
    for (;;) {
        bool all_done = true, found = false;
        for (size_t i = 0; i < n && !found; i++) {
            if (seqs[i].pos >= rc_tuple_size(seqs[i].items))
                continue;
            all_done = false;
            rc_object *cand = rc_tuple_get(seqs[i].items, seqs[i].pos);
            if (in_tail(seqs, n, cand))
                continue;
            if (rc_list_append(out, cand) < 0)
                return -1;
            for (size_t j = 0; j < n; j++)
                if (seqs[j].pos < rc_tuple_size(seqs[j].items) &&
                    rc_tuple_get(seqs[j].items, seqs[j].pos) == cand)
                    seqs[j].pos++;
            found = true;
        }
        if (all_done)
            return 0;
        if (!found)
            return mro_error(ip, seqs, n);
    }
}

rc_object *rp_class_compute_mro(rp_interp *ip, rp_class *cls,
                                rc_object *bases) {
    size_t n = rc_tuple_size(bases);
    if (check_duplicates(ip, bases) < 0)
        return NULL;
    mro_seq *seqs = rc_malloc(ip->rt, (n + 1) * sizeof *seqs);
    rc_object *out = rc_list_new(ip->rt);
    int r = seqs && out ? rc_list_append(out, &cls->ob) : -1;
    for (size_t i = 0; r == 0 && i < n; i++) {
        rp_class *b = (rp_class *)rc_tuple_get(bases, i);
        seqs[i].items = b->mro;
        seqs[i].pos = 0;
        if (!b->mro)
            r = rp_raise(ip, ip->exc.TypeError, "base class '%s' has no MRO",
                         rp_class_name(b));
    }
    if (r == 0) {
        seqs[n].items = bases;
        seqs[n].pos = 0;
        r = c3_merge(ip, seqs, n + 1, out);
    }
    if (seqs)
        rc_free(ip->rt, seqs, (n + 1) * sizeof *seqs);
    rc_object *mro = r == 0 ? list_to_tuple(ip, out) : NULL;
    rc_xdecref(out);
    return mro;
}

/* ====================================================================== */
/* __slots__                                                              */
/* ====================================================================== */

typedef struct slot_info {
    rc_object *names; /* list of the new slots' names (mangled, sorted) */
    bool add_dict, add_weak;
} slot_info;

/* _Py_Mangle: __x inside class _A becomes _A__x. */
static rc_object *mangle(rp_interp *ip, rc_object *cls_name, rc_object *n) {
    const char *s = rc_str_utf8(n);
    size_t len = rc_str_size(n);
    if (len < 3 || s[0] != '_' || s[1] != '_' ||
        (s[len - 1] == '_' && s[len - 2] == '_') || strchr(s, '.'))
        return rp_new_ref(n);
    const char *c = rc_str_utf8(cls_name);
    while (*c == '_')
        c++;
    if (!*c)
        return rp_new_ref(n);
    return rc_str_from_format(ip->rt, "_%s%s", c, s);
}

/* Can instances of classes deriving from base carry attributes? Their
 * layout must start with rp_inst: object's, the exceptions', the value
 * subclasses', the builtins marked RP_CLS_INST_LAYOUT (property,
 * weakref.ref); not type's (classes keep theirs in the namespace) nor
 * staticmethod's/classmethod's. */
static bool attrs_possible(const rp_class *base) {
    return !base->layout || base->layout == &rp_inst_layout ||
           (base->flags & (RP_CLS_EXCEPTION | RP_CLS_INST_LAYOUT));
}

static int slot_name(rp_interp *ip, slot_info *si, rc_object *cls_name,
                     rc_object *ns, rp_class *base, rc_object *item) {
    if (!rc_is_str(item))
        return rp_raise(ip, ip->exc.TypeError,
                        "__slots__ items must be strings, not '%s'",
                        rp_tname(item));
    if (!rc_str_isidentifier(item))
        return rp_raise(ip, ip->exc.TypeError, "__slots__ must be identifiers");
    const char *s = rc_str_utf8(item);
    if (strcmp(s, "__dict__") == 0) {
        if (si->add_dict || (base->flags & (RP_CLS_HAS_DICT | RP_CLS_META_)))
            return rp_raise(ip, ip->exc.TypeError,
                            "__dict__ slot disallowed: we already got one");
        if (!attrs_possible(base))
            return rp_raise(ip, ip->exc.TypeError,
                            "__dict__ slot disallowed: rcpy keeps no "
                            "attributes on instances of subclasses of '%s'",
                            rp_class_name(base));
        si->add_dict = true;
        return 0;
    }
    if (strcmp(s, "__weakref__") == 0) {
        if (si->add_weak || (base->flags & (RP_CLS_WEAKREF_ | RP_CLS_META_)))
            return rp_raise(ip, ip->exc.TypeError,
                            "__weakref__ slot disallowed: either we already "
                            "got one, or __itemsize__ != 0");
        si->add_weak = true;
        return 0;
    }
    rc_object *m = mangle(ip, cls_name, item);
    if (!m)
        return -1;
    int r = 0;
    if (dict_get(ns, m))
        r = rp_raise(ip, ip->exc.ValueError,
                     "'%s' in __slots__ conflicts with class variable",
                     rc_str_utf8(m));
    if (r == 0)
        r = rc_list_append(si->names, m);
    rc_decref(m);
    return r < 0 ? -1 : 0;
}

static int read_slots(rp_interp *ip, slot_info *si, rc_object *cls_name,
                      rc_object *ns, rp_class *base) {
    rc_object *slots = dict_get(ns, ip->s.slots);
    bool meta = base->flags & RP_CLS_META_;
    if (!slots) {
        si->add_dict =
            !meta && attrs_possible(base) && !(base->flags & RP_CLS_HAS_DICT);
        si->add_weak = !meta && !(base->flags & RP_CLS_WEAKREF_);
        return 0;
    }
    if (!(si->names = rc_list_new(ip->rt)))
        return -1;
    if (rc_is_str(slots))
        return slot_name(ip, si, cls_name, ns, base, slots);
    rc_object *it = rc_iter(slots);
    if (!it)
        return -1;
    rc_object *item;
    int r;
    while ((r = rc_next(it, &item)) > 0) {
        r = slot_name(ip, si, cls_name, ns, base, item);
        rc_decref(item);
        if (r < 0)
            break;
    }
    rc_decref(it);
    if (r < 0)
        return -1;
    return rc_list_sort(si->names, NULL, NULL, false);
}

/* ====================================================================== */
/* Filling in a new class                                                 */
/* ====================================================================== */

static void setup_heap_type(rp_class *cls) {
    rc_type *t = &cls->type_storage;
    const rc_type *layout = cls->layout;
    t->name = rc_str_utf8(cls->name);
    t->basicsize = cls->slots_offset + cls->nslots * sizeof(rc_object *);
    t->flags = (layout->flags & ~RC_TYPE_HEAP) | RC_TYPE_GC | RC_TYPE_HEAP;
    bool slots = cls->nslots > 0;
    t->traverse = slots ? rp_heap_traverse : layout->traverse;
    t->clear = slots ? rp_heap_clear : layout->clear;
    t->dealloc = slots ? rp_heap_dealloc : layout->dealloc;
    t->finalize = layout->finalize;
    t->protocol = &rp_inst_protocol;
    t->owner = &cls->ob;
    cls->itype = t;
}

/* ns["name"] = wrap(ns["name"]) for a plain function (implicit
 * staticmethod / classmethod). */
static int wrap_special(rp_interp *ip, rc_object *dict, const char *name,
                        rc_object *(*wrap)(rp_interp *, rc_object *)) {
    rc_object *key = rc_str_intern(ip->rt, name);
    if (!key)
        return -1;
    rc_object *f = rc_dict_getitem(dict, key);
    int r = 0;
    if (f && f->type == &rp_function_type) {
        rc_object *w = wrap(ip, f);
        r = w ? rc_dict_setitem(dict, key, w) : -1;
        rc_xdecref(w);
    }
    rc_decref(key);
    return r < 0 ? -1 : 0;
}

static int set_default(rp_interp *ip, rc_object *dict, rc_object *key,
                       rc_object *value) {
    if (rc_dict_getitem(dict, key))
        return 0;
    return rc_dict_setitem(dict, key, value) < 0 ? -1 : 0;
}

/* The class dict: ns copied, __qualname__ and __classcell__ taken out,
 * __module__ from the caller's globals, special functions wrapped,
 * __hash__ = None when __eq__ is defined alone. */
static int fill_dict(rp_interp *ip, rp_class *cls, rc_object *ns) {
    rc_object *d = cls->dict = rc_dict_copy(ns);
    if (!d)
        return -1;
    rc_object *drop[] = {ip->s.qualname, ip->s.classcell};
    for (size_t i = 0; i < 2; i++)
        if (rc_dict_getitem(d, drop[i]) && rc_dict_delitem(d, drop[i]) < 0)
            return -1;
    if (!rc_dict_getitem(d, ip->s.module) && ip->frame) {
        rc_object *mod = dict_get(ip->frame->globals, ip->s.name);
        if (mod && rc_dict_setitem(d, ip->s.module, mod) < 0)
            return -1;
    }
    if (wrap_special(ip, d, "__new__", rp_staticmethod_new) < 0 ||
        wrap_special(ip, d, "__init_subclass__", rp_classmethod_new) < 0 ||
        wrap_special(ip, d, "__class_getitem__", rp_classmethod_new) < 0)
        return -1;
    if (rc_dict_getitem(d, ip->s.eq) &&
        set_default(ip, d, ip->s.hash, ip->none) < 0)
        return -1;
    return 0;
}

static int add_getset(rp_interp *ip, rp_class *cls, const rp_getsetdef *def) {
    rc_object *g = rp_getset_new(ip, cls, def);
    rc_object *key = g ? rc_str_intern(ip->rt, def->name) : NULL;
    int r = key ? rc_dict_setitem(cls->dict, key, g) : -1;
    rc_xdecref(key);
    rc_xdecref(g);
    return r < 0 ? -1 : 0;
}

/* Member descriptors for the new slots; the __dict__ / __weakref__
 * getsets; __doc__. */
static int add_descriptors(rp_interp *ip, rp_class *cls, slot_info *si,
                           uint32_t first_slot) {
    size_t n = si->names ? rc_list_size(si->names) : 0;
    for (size_t i = 0; i < n; i++) {
        rc_object *name = rc_list_get(si->names, (ptrdiff_t)i);
        size_t off = cls->slots_offset + (first_slot + i) * sizeof(rc_object *);
        rc_object *m = rp_member_new(ip, cls, name, off);
        int r = m ? rc_dict_setitem(cls->dict, name, m) : -1;
        rc_xdecref(m);
        if (r < 0)
            return -1;
    }
    if (si->add_dict && add_getset(ip, cls, rp_inst_dict_getset) < 0)
        return -1;
    if (si->add_weak && add_getset(ip, cls, rp_inst_weakref_getset) < 0)
        return -1;
    return set_default(ip, cls->dict, ip->s.doc, ip->none);
}

static uint32_t class_flags(const rp_class *base, const slot_info *si) {
    uint32_t f =
        RP_CLS_HEAP | RP_CLS_BASETYPE |
        (base->flags & (RP_CLS_EXCEPTION | RP_CLS_META_ | RP_CLS_HAS_DICT |
                        RP_CLS_WEAKREF_ | RP_CLS_VALUE_ | RP_CLS_INST_LAYOUT));
    if (si->add_dict)
        f |= RP_CLS_HAS_DICT;
    if (si->add_weak)
        f |= RP_CLS_WEAKREF_;
    return f;
}

/* __new__ of subclasses of value classes: the builtin value made by the
 * value class's own new_, wrapped in an instance of cls. */
static rc_object *value_new(rp_interp *ip, rp_class *cls,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    rp_class *x = cls;
    while (x && (x->flags & RP_CLS_HEAP))
        x = x->base;
    if (!x || !x->new_) {
        rp_raise(ip, ip->exc.TypeError, "cannot create '%s' instances",
                 rp_class_name(cls));
        return NULL;
    }
    rc_object *inner = x->new_(ip, x, args, nargs, kwnames);
    if (!inner)
        return NULL;
    rc_object *obj = rc_new(ip->rt, cls->itype);
    if (obj)
        *(rc_object **)((char *)obj + cls->slots_offset) = inner;
    else
        rc_decref(inner);
    return obj;
}

static int fill_class(rp_interp *ip, rp_class *cls, rc_object *name,
                      rc_object *bases, rp_class *base, rc_object *ns,
                      slot_info *si) {
    rc_object *qn = dict_get(ns, ip->s.qualname);
    if (qn && !rc_is_str(qn))
        return rp_raise(ip, ip->exc.TypeError,
                        "type __qualname__ must be a str, not %s",
                        rp_tname(qn));
    rc_incref(name);
    rp_class_set_name(cls, name); /* before HEAP is set: no type name yet */
    cls->qualname = rp_new_ref(qn ? qn : name);
    cls->bases = rp_new_ref(bases);
    cls->base = (rp_class *)rp_new_ref(&base->ob);
    cls->flags = class_flags(base, si);
    uint32_t nnew = si->names ? (uint32_t)rc_list_size(si->names) : 0;
    uint32_t nbase = base->nslots;
    if (base->layout) {
        cls->layout = base->layout;
        cls->new_ = base->new_;
        cls->slots_offset =
            nbase ? base->slots_offset : base->layout->basicsize;
    } else { /* a value class: its value goes in a first, hidden slot */
        cls->layout = &rp_inst_layout;
        cls->new_ = value_new;
        cls->slots_offset = sizeof(rp_inst);
        cls->flags |= RP_CLS_VALUE_;
        nbase = 1;
    }
    cls->nslots = nbase + nnew;
    setup_heap_type(cls);
    if (fill_dict(ip, cls, ns) < 0 || add_descriptors(ip, cls, si, nbase) < 0)
        return -1;
    if (!(cls->mro = rp_class_compute_mro(ip, cls, bases)))
        return -1;
    for (size_t i = 0; i < rc_tuple_size(bases); i++)
        if (rp_class_add_subclass(ip, (rp_class *)rc_tuple_get(bases, i), cls) <
            0)
            return -1;
    rp_class_modified(ip, cls);
    return 0;
}

/* ====================================================================== */
/* After the class exists: __classcell__, __set_name__, __init_subclass__ */
/* ====================================================================== */

static int fill_classcell(rp_interp *ip, rp_class *cls, rc_object *ns) {
    rc_object *cell = dict_get(ns, ip->s.classcell);
    if (!cell)
        return 0;
    if (rp_type_of(cell) != ip->cls.cell) {
        rc_object *r = rc_repr(&rp_type_of(cell)->ob);
        rp_raise(ip, ip->exc.TypeError,
                 "__classcell__ must be a nonlocal cell, not %s",
                 r ? rc_str_utf8(r) : "?");
        rc_xdecref(r);
        return -1;
    }
    rp_cell *c = (rp_cell *)cell;
    rc_object *old = c->ref;
    c->ref = rp_new_ref(&cls->ob);
    rc_xdecref(old);
    return 0;
}

static int call_set_names(rp_interp *ip, rp_class *cls) {
    rc_object *items = rc_dict_copy(cls->dict); /* names may change it */
    if (!items)
        return -1;
    size_t pos = 0;
    rc_object *k, *v;
    int r = 0;
    while (r == 0 && rc_dict_next(items, &pos, &k, &v)) {
        rc_object *args[2] = {&cls->ob, k};
        bool found;
        rc_object *res =
            rp_call_special(ip, v, ip->s.set_name, args, 2, &found);
        if (found && !res)
            r = -1;
        rc_xdecref(res);
    }
    rc_decref(items);
    return r;
}

/* super(cls, cls).__init_subclass__(**kwargs) */
static int call_init_subclass(rp_interp *ip, rp_class *cls,
                              rc_object *const *kwvalues, rc_object *kwnames) {
    size_t n = rc_tuple_size(cls->mro);
    for (size_t i = 1; i < n; i++) {
        rp_class *k = (rp_class *)rc_tuple_get(cls->mro, i);
        rc_object *f = dict_get(k->dict, ip->s.init_subclass);
        if (!f)
            continue;
        rc_object *bound = rp_descr_bind(ip, f, NULL, cls);
        if (!bound)
            return -1;
        rc_object *r = rp_call(ip, bound, kwvalues, 0, kwnames);
        rc_decref(bound);
        if (!r)
            return -1;
        rc_decref(r);
        return 0;
    }
    return 0;
}

/* ====================================================================== */
/* type.__new__                                                           */
/* ====================================================================== */

static rc_object *class_create(rp_interp *ip, rp_class *meta, rc_object *name,
                               rc_object *bases, rc_object *ns,
                               rc_object *const *kwvalues, rc_object *kwnames) {
    rc_object *own_bases = NULL;
    if (rc_tuple_size(bases) == 0)
        bases = own_bases = rc_tuple_pack(ip->rt, 1, &ip->cls.object->ob);
    rp_class *base = bases ? best_base(ip, bases) : NULL;
    slot_info si = {NULL, false, false};
    rp_class *cls = NULL;
    if (base && read_slots(ip, &si, name, ns, base) == 0)
        cls = rp_class_alloc(ip, meta);
    int r = cls ? fill_class(ip, cls, name, bases, base, ns, &si) : -1;
    rc_xdecref(si.names);
    rc_xdecref(own_bases);
    if (r == 0)
        r = fill_classcell(ip, cls, ns);
    if (r == 0)
        r = call_set_names(ip, cls);
    if (r == 0)
        r = call_init_subclass(ip, cls, kwvalues, kwnames);
    if (r < 0) {
        if (cls)
            rc_decref(&cls->ob);
        return NULL;
    }
    return &cls->ob;
}

static int check_arg_type(rp_interp *ip, rc_object *o, bool ok, int n,
                          const char *want) {
    if (ok)
        return 0;
    return rp_raise(ip, ip->exc.TypeError,
                    "type.__new__() argument %d must be %s, not %s", n, want,
                    rp_tname(o));
}

rc_object *rp_type_new(rp_interp *ip, rp_class *meta, rc_object *const *args,
                       size_t nargs, rc_object *kwnames) {
    if (meta == ip->cls.type && nargs == 1 && !rp_kwcount(kwnames))
        return rp_new_ref(&rp_type_of(args[0])->ob);
    if (nargs != 3) {
        rp_raise(ip, ip->exc.TypeError, "type() takes 1 or 3 arguments");
        return NULL;
    }
    rc_object *ns = args[2], *inner = rp_value_of(ns);
    if (inner && rc_is_dict(inner)) /* a dict subclass from __prepare__ */
        ns = inner;
    if (check_arg_type(ip, args[0], rc_is_str(args[0]), 1, "str") < 0 ||
        check_arg_type(ip, args[1], rc_is_tuple(args[1]), 2, "tuple") < 0 ||
        check_arg_type(ip, args[2], rc_is_dict(ns), 3, "dict") < 0)
        return NULL;
    rp_class *winner = winner_metaclass(ip, meta, args[1]);
    if (!winner)
        return NULL;
    if (winner != meta) {
        rc_object *f = rp_class_lookup(winner, ip->s.new_);
        if (f && f != rp_objstate_of(ip)->type_new) {
            rc_object *fn = rp_descr_bind(ip, f, NULL, winner);
            rp_argbuf b;
            rc_object *r = NULL;
            if (fn && rp_argbuf_prepend(ip, &b, &winner->ob, args, nargs,
                                        kwnames) == 0) {
                r = rp_call(ip, fn, b.args, nargs + 1, kwnames);
                rp_argbuf_free(ip, &b);
            }
            rc_xdecref(fn);
            return r;
        }
    }
    return class_create(ip, winner, args[0], args[1], ns, args + nargs,
                        kwnames);
}

rc_object *rp_class_new(rp_interp *ip, rc_object *name, rc_object *bases,
                        rc_object *ns) {
    rc_object *args[3] = {name, bases, ns};
    return rp_type_new(ip, ip->cls.type, args, 3, NULL);
}

int rp_type_init_check(rp_interp *ip, size_t nargs, rc_object *kwnames) {
    if (nargs == 1 && rp_kwcount(kwnames))
        return rp_raise(ip, ip->exc.TypeError,
                        "type.__init__() takes no keyword arguments");
    if (nargs != 1 && nargs != 3)
        return rp_raise(ip, ip->exc.TypeError,
                        "type.__init__() takes 1 or 3 arguments");
    return 0;
}

/* ====================================================================== */
/* object.__new__, object.__init__, X.__new__                             */
/* ====================================================================== */

/* "Can't instantiate abstract class A with abstract methods f, g". */
static int raise_abstract(rp_interp *ip, rp_class *cls) {
    rc_object *v = dict_get(cls->dict, rp_objstate_of(ip)->abstract_name);
    rc_object *l = v ? rc_list_new(ip->rt) : NULL;
    rc_object *sep = l ? rc_str_from_cstr(ip->rt, ", ") : NULL;
    rc_object *joined = NULL;
    if (sep && rc_list_extend(l, v) == 0 &&
        rc_list_sort(l, NULL, NULL, false) == 0)
        joined = rc_str_join(sep, l);
    int r;
    if (joined)
        r = rp_raise(ip, ip->exc.TypeError,
                     "Can't instantiate abstract class %s with abstract "
                     "method%s %s",
                     rp_class_name(cls), rc_list_size(l) > 1 ? "s" : "",
                     rc_str_utf8(joined));
    else
        r = rp_raise(ip, ip->exc.TypeError,
                     "Can't instantiate abstract class %s", rp_class_name(cls));
    rc_xdecref(joined);
    rc_xdecref(sep);
    rc_xdecref(l);
    return r;
}

/* The first class up sub's base chain that is not made by a class
 * statement: whose __new__ sub's instances must come from. */
static rp_class *static_base(rp_class *sub) {
    while (sub && (sub->flags & RP_CLS_HEAP) &&
           !(sub->flags & RP_CLS_IMMUTABLE_))
        sub = sub->base;
    return sub;
}

rc_object *rp_object_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    rp_objstate *st = rp_objstate_of(ip);
    rp_class *sb = static_base(cls);
    if (sb && sb != ip->cls.object && !sb->new_) {
        /* a library type with no constructor (dict_keys, iterators):
         * CPython's tp_new == NULL */
        rp_raise(ip, ip->exc.TypeError, "cannot create '%s' instances",
                 rp_class_name(cls));
        return NULL;
    }
    if (nargs || rp_kwcount(kwnames)) {
        if (rp_class_lookup(cls, ip->s.new_) != st->object_new) {
            rp_raise(ip, ip->exc.TypeError,
                     "object.__new__() takes exactly one argument (the type "
                     "to instantiate)");
            return NULL;
        }
        if (rp_class_lookup(cls, ip->s.init) == st->object_init) {
            rp_raise(ip, ip->exc.TypeError, "%s() takes no arguments",
                     rp_class_name(cls));
            return NULL;
        }
    }
    if (cls->flags & RP_CLS_ABSTRACT || !cls->itype) {
        raise_abstract(ip, cls);
        return NULL;
    }
    return rc_new(ip->rt, cls->itype);
}

int rp_object_init_check(rp_interp *ip, rc_object *self, size_t nargs,
                         rc_object *kwnames) {
    if (!nargs && !rp_kwcount(kwnames))
        return 0;
    rp_objstate *st = rp_objstate_of(ip);
    rp_class *type = rp_type_of(self);
    if (rp_class_lookup(type, ip->s.init) != st->object_init)
        return rp_raise(ip, ip->exc.TypeError,
                        "object.__init__() takes exactly one argument (the "
                        "instance to initialize)");
    if (rp_class_lookup(type, ip->s.new_) == st->object_new)
        return rp_raise(ip, ip->exc.TypeError,
                        "%s.__init__() takes exactly one argument (the "
                        "instance to initialize)",
                        rp_class_name(type));
    return 0;
}

/* X.__new__(sub, *args): the builtin every class with an rp_newfunc has
 * as __new__ (bound to X). */
static rc_object *new_wrapper(rp_interp *ip, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    rp_class *x = (rp_class *)self;
    const char *xn = rp_class_name(x);
    if (nargs < 1) {
        rp_raise(ip, ip->exc.TypeError, "%s.__new__(): not enough arguments",
                 xn);
        return NULL;
    }
    if (!rp_is_class(args[0])) {
        rp_raise(ip, ip->exc.TypeError,
                 "%s.__new__(X): X is not a type object (%s)", xn,
                 rp_tname(args[0]));
        return NULL;
    }
    rp_class *sub = (rp_class *)args[0];
    const char *sn = rp_class_name(sub);
    if (!rp_is_subclass(sub, x)) {
        rp_raise(ip, ip->exc.TypeError,
                 "%s.__new__(%s): %s is not a subtype of %s", xn, sn, sn, xn);
        return NULL;
    }
    rp_class *sb = static_base(sub);
    if (sb && sb->new_ != x->new_) {
        rp_raise(ip, ip->exc.TypeError,
                 "%s.__new__(%s) is not safe, use %s.__new__()", xn, sn,
                 rp_class_name(sb));
        return NULL;
    }
    if (!x->new_) {
        rp_raise(ip, ip->exc.TypeError, "cannot create '%s' instances", sn);
        return NULL;
    }
    rp_newfunc make =
        sub != x && (sub->flags & RP_CLS_VALUE_) ? sub->new_ : x->new_;
    return make(ip, sub, args + 1, nargs - 1, kwnames);
}

const rp_methoddef rp_new_wrapper_def = {"__new__", new_wrapper, 0,
                                         "Create and return a new object."};

/* ====================================================================== */
/* Calling a class                                                        */
/* ====================================================================== */

static rc_object *call_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                           size_t nargs, rc_object *kwnames) {
    rc_object *f = rp_class_lookup(cls, ip->s.new_);
    if (f && f->type == &rp_builtin_type &&
        ((rp_builtin *)f)->def == &rp_new_wrapper_def) {
        rp_class *x = (rp_class *)((rp_builtin *)f)->self;
        if (cls != x && (cls->flags & RP_CLS_VALUE_))
            return cls->new_(ip, cls, args, nargs, kwnames);
        if (x->new_)
            return x->new_(ip, cls, args, nargs, kwnames);
        f = NULL;
    }
    if (!f) {
        rp_raise(ip, ip->exc.TypeError, "cannot create '%s' instances",
                 rp_class_name(cls));
        return NULL;
    }
    rc_object *fn = rp_descr_bind(ip, f, NULL, cls);
    if (!fn)
        return NULL;
    rp_argbuf b;
    rc_object *r = NULL;
    if (rp_argbuf_prepend(ip, &b, &cls->ob, args, nargs, kwnames) == 0) {
        r = rp_call(ip, fn, b.args, nargs + 1, kwnames);
        rp_argbuf_free(ip, &b);
    }
    rc_decref(fn);
    return r;
}

static int call_init(rp_interp *ip, rc_object *obj, rc_object *const *args,
                     size_t nargs, rc_object *kwnames) {
    rc_object *init = rp_class_lookup(rp_type_of(obj), ip->s.init);
    if (!init || init == rp_objstate_of(ip)->object_init)
        return rp_object_init_check(ip, obj, nargs, kwnames);
    rc_incref(init);
    rc_object *r = rp_call_unbound(ip, init, obj, args, nargs, kwnames);
    rc_decref(init);
    if (!r)
        return -1;
    int st = 0;
    if (r != ip->none)
        st = rp_raise(ip, ip->exc.TypeError,
                      "__init__() should return None, not '%s'", rp_tname(r));
    rc_decref(r);
    return st;
}

rc_object *rp_class_call(rp_interp *ip, rp_class *cls, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    if (cls == ip->cls.type && nargs == 1 && !rp_kwcount(kwnames))
        return rp_new_ref(&rp_type_of(args[0])->ob);
    rc_object *obj = call_new(ip, cls, args, nargs, kwnames);
    if (!obj || !rp_is_instance(obj, cls))
        return obj;
    if (call_init(ip, obj, args, nargs, kwnames) < 0) {
        rc_decref(obj);
        return NULL;
    }
    return obj;
}

/* ====================================================================== */
/* __build_class__                                                        */
/* ====================================================================== */

/* bases with __mro_entries__ replaced (PEP 560); a new tuple. */
static rc_object *update_bases(rp_interp *ip, rc_object *bases) {
    rc_object *out = rc_list_new(ip->rt);
    rc_object *key = out ? rc_str_intern(ip->rt, "__mro_entries__") : NULL;
    int r = key ? 0 : -1;
    for (size_t i = 0; r == 0 && i < rc_tuple_size(bases); i++) {
        rc_object *b = rc_tuple_get(bases, i), *f = NULL;
        if (!rp_is_class(b) && (r = rp_getattr_opt(ip, b, key, &f)) > 0) {
            rc_object *e = rp_call1(ip, f, bases);
            rc_decref(f);
            r = !e ? -1
                : !rc_is_tuple(e)
                    ? rp_raise(ip, ip->exc.TypeError,
                               "__mro_entries__ must return a tuple")
                    : rc_list_extend(out, e);
            rc_xdecref(e);
        } else if (r == 0) {
            r = rc_list_append(out, b);
        }
    }
    rc_xdecref(key);
    rc_object *t = r == 0 ? list_to_tuple(ip, out) : NULL;
    rc_xdecref(out);
    return t;
}

typedef struct class_kw {
    rc_object *meta;       /* borrowed, or NULL */
    rc_object *kwnames;    /* the other keywords' names (new), or NULL */
    rc_object *values[16]; /* their values (borrowed) */
} class_kw;

static int split_keywords(rp_interp *ip, class_kw *k, rc_object *const *vals,
                          rc_object *kwnames) {
    size_t n = rp_kwcount(kwnames), m = 0;
    rc_object *names[16];
    k->meta = NULL;
    k->kwnames = NULL;
    if (n > 16)
        return rp_raise(ip, ip->exc.TypeError,
                        "too many keyword arguments in a class statement");
    for (size_t i = 0; i < n; i++) {
        rc_object *nm = rc_tuple_get(kwnames, i);
        if (strcmp(rc_str_utf8(nm), "metaclass") == 0) {
            k->meta = vals[i];
            continue;
        }
        names[m] = nm;
        k->values[m++] = vals[i];
    }
    if (m && !(k->kwnames = rc_tuple_from_array(ip->rt, names, m)))
        return -1;
    return 0;
}

/* The namespace: meta.__prepare__(name, bases, **kw), or a new dict. */
static rc_object *prepare_ns(rp_interp *ip, rc_object *meta, rc_object *name,
                             rc_object *bases, class_kw *k) {
    rc_object *prep = NULL, *key = rc_str_intern(ip->rt, "__prepare__");
    int r = key ? rp_getattr_opt(ip, meta, key, &prep) : -1;
    rc_xdecref(key);
    if (r <= 0)
        return r < 0 ? NULL : rc_dict_new(ip->rt);
    size_t nkw = rp_kwcount(k->kwnames);
    rc_object *args[18] = {name, bases};
    memcpy(args + 2, k->values, nkw * sizeof *args);
    rc_object *ns = rp_call(ip, prep, args, 2, k->kwnames);
    rc_decref(prep);
    if (ns && !(ns->type->protocol && ns->type->protocol->getitem)) {
        rp_raise(ip, ip->exc.TypeError,
                 "%s.__prepare__() must return a mapping, not %s",
                 rp_is_class(meta) ? rp_class_name((rp_class *)meta)
                                   : "<metaclass>",
                 rp_tname(ns));
        rc_decref(ns);
        return NULL;
    }
    return ns;
}

static int check_cell(rp_interp *ip, rc_object *cell, rc_object *cls,
                      rc_object *name) {
    if (!rp_is_class(cls) || rp_type_of(cell) != ip->cls.cell)
        return 0;
    rc_object *got = ((rp_cell *)cell)->ref;
    if (got == cls)
        return 0;
    rc_object *cr = rc_repr(cls);
    int r;
    if (!got)
        r = rp_raise(ip, ip->exc.RuntimeError,
                     "__class__ not set defining '%s' as %s. Was "
                     "__classcell__ propagated to type.__new__?",
                     rc_str_utf8(name), cr ? rc_str_utf8(cr) : "?");
    else
        r = rp_raise(ip, ip->exc.TypeError,
                     "__class__ set to <class> defining '%s' as %s",
                     rc_str_utf8(name), cr ? rc_str_utf8(cr) : "?");
    rc_xdecref(cr);
    return r;
}

/* Runs the body in ns and calls meta(name, bases, ns, **kw). */
static rc_object *build(rp_interp *ip, rc_object *func, rc_object *name,
                        rc_object *meta, rc_object *bases,
                        rc_object *orig_bases, rc_object *ns, class_kw *k) {
    rc_object *cell = rp_eval_function_in_locals(ip, func, ns);
    if (!cell)
        return NULL;
    rc_object *cls = NULL;
    rc_object *key = rc_str_intern(ip->rt, "__orig_bases__");
    if (key && (bases == orig_bases || rc_setitem(ns, key, orig_bases) == 0)) {
        size_t nkw = rp_kwcount(k->kwnames);
        rc_object *args[19] = {name, bases, ns};
        memcpy(args + 3, k->values, nkw * sizeof *args);
        cls = rp_call(ip, meta, args, 3, k->kwnames);
    }
    rc_xdecref(key);
    if (cls && check_cell(ip, cell, cls, name) < 0) {
        rc_decref(cls);
        cls = NULL;
    }
    rc_decref(cell);
    return cls;
}

static rc_object *build_class(rp_interp *ip, rc_object *module,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    if (nargs < 2) {
        rp_raise(ip, ip->exc.TypeError,
                 "__build_class__: not enough arguments");
        return NULL;
    }
    if (args[0]->type != &rp_function_type) {
        rp_raise(ip, ip->exc.TypeError,
                 "__build_class__: func must be a function");
        return NULL;
    }
    if (!rc_is_str(args[1])) {
        rp_raise(ip, ip->exc.TypeError,
                 "__build_class__: name is not a string");
        return NULL;
    }
    class_kw k;
    if (split_keywords(ip, &k, args + nargs, kwnames) < 0)
        return NULL;
    rc_object *orig = rc_tuple_from_array(ip->rt, args + 2, nargs - 2);
    rc_object *bases = orig ? update_bases(ip, orig) : NULL;
    rc_object *meta = k.meta, *cls = NULL;
    if (!meta && bases)
        meta = rc_tuple_size(bases) ? &rp_type_of(rc_tuple_get(bases, 0))->ob
                                    : &ip->cls.type->ob;
    if (meta && bases && rp_is_class(meta))
        meta = (rc_object *)winner_metaclass(ip, (rp_class *)meta, bases);
    rc_object *ns = meta ? prepare_ns(ip, meta, args[1], bases, &k) : NULL;
    if (ns)
        cls = build(ip, args[0], args[1], meta, bases, orig, ns, &k);
    rc_xdecref(ns);
    rc_xdecref(bases);
    rc_xdecref(orig);
    rc_xdecref(k.kwnames);
    return cls;
}

const rp_methoddef rp_build_class_def = {
    "__build_class__", build_class, 0,
    "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n"
    "Internal helper function used by the class statement."};
