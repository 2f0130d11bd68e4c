/*
 * contstate.h — per-runtime state of tuple, list and dict (types.h includes
 * it into struct rc__types). Owned by the container files; cont.h has what
 * they share besides.
 *
 * Free lists hold blocks whose dealloc set RC__F_KEEP: count 0, untracked,
 * children already released. Kept tuples of one size are linked through
 * their item 0; kept lists (item array freed) and dicts (table freed) sit
 * in plain arrays. A full collection and rc_runtime_free empty them
 * (rc__cont_clear_freelists).
 */
#ifndef RC_CONTSTATE_H
#define RC_CONTSTATE_H

#define RC__TUPLE_FREELIST_SIZES 20 /* sizes 1..20 */
#define RC__TUPLE_FREELIST_MAX   2000
#define RC__LIST_FREELIST_MAX    80
#define RC__DICT_FREELIST_MAX    80

typedef struct rc__cont_state {
    rc_object *empty_tuple; /* immortal, untracked singleton */
    rc_object *tuple_free[RC__TUPLE_FREELIST_SIZES + 1]; /* by size; linked
                                                            via item 0 */
    size_t tuple_nfree[RC__TUPLE_FREELIST_SIZES + 1];    /* their lengths */
    rc_object *list_free[RC__LIST_FREELIST_MAX];         /* kept lists */
    size_t list_nfree;
    rc_object *dict_free[RC__DICT_FREELIST_MAX]; /* kept dicts */
    size_t dict_nfree;
    uint64_t dict_version; /* the last version number given to a dict */
} rc__cont_state;

#endif
