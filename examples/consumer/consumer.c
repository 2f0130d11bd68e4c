/* Uses an installed rcgc: two objects that refer to each other are found
 * and freed by the cycle collector. */
#include <rcgc.h>
#include <stdio.h>

typedef struct pair {
    rc_object ob;
    rc_object *other;
} pair;

static int pair_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    pair *p = (pair *)self;
    return p->other ? visit(p->other, arg) : 0;
}

static int pair_clear(rc_object *self) {
    pair *p = (pair *)self;
    rc_object *o = p->other;
    p->other = NULL;
    rc_xdecref(o);
    return 0;
}

static const rc_type pair_type = {
    .name = "pair",
    .basicsize = sizeof(pair),
    .flags = RC_TYPE_GC,
    .traverse = pair_traverse,
    .clear = pair_clear,
};

int main(void) {
    rc_runtime *rt = rc_runtime_new(NULL);
    if (!rt)
        return 1;
    pair *a = (pair *)rc_new(rt, &pair_type);
    pair *b = (pair *)rc_new(rt, &pair_type);
    a->other = &b->ob;
    b->other = &a->ob;
    printf("collected %td\n", rc_gc_collect(rt, 2));
    rc_runtime_free(rt);
    return 0;
}
