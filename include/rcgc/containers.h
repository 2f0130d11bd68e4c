/*
 * rcgc/containers.h — tuple, list, dict, set, frozenset, range and slice
 * (included by rcgc/objects.h).
 *
 * Containers are objects of GC types: the cycle collector traverses them.
 * As in CPython, the empty tuple is a singleton; tuples of size 1-20 come
 * from free lists (up to 2,000 each), lists and dicts from free lists of 80;
 * a tuple whose items are all untracked is untracked by the next collection
 * that examines it; a dict starts untracked and is tracked when a tracked
 * key or value is stored in it (and untracked by full collections once it
 * holds only untracked objects). A full collection and rc_runtime_free
 * empty the free lists.
 *
 * Indices are ptrdiff_t; negative ones count from the end where Python
 * allows it. "Stores a new reference" means the container increfs the
 * item; the caller keeps its own. A call that fails on memory (RC_ENOMEM)
 * leaves its container as it was. Python code reaches the same operations
 * through the object protocol (rc_getitem, rc_setitem, rc_contains,
 * rc_iter, rc_compare, rc_number_add for +, ...): slices, comparisons,
 * + and * for tuple and list, | & - ^ for sets and dict views, | for dicts.
 */
#ifndef RCGC_CONTAINERS_H
#define RCGC_CONTAINERS_H

#include <rcgc.h>

#ifdef __cplusplus
extern "C" {
#endif

/* --------------------------------------------------------------- tuple */

RC_API bool rc_is_tuple(const rc_object *o);

/* A new tuple of n items, each NULL until set with rc_tuple_init_item
 * (only for building a new tuple before it is shared). n == 0 gives the
 * empty tuple. */
RC_API rc_object *rc_tuple_new(rc_runtime *rt, size_t n);

/* Sets item i of a tuple being built; steals item. */
RC_API void rc_tuple_init_item(rc_object *tuple, size_t i, rc_object *item);

/* A tuple of the n objects given: new ref; items not stolen. */
RC_API rc_object *rc_tuple_pack(rc_runtime *rt, size_t n, ...);

/* A new tuple holding new references to items[0, n). */
RC_API rc_object *rc_tuple_from_array(rc_runtime *rt, rc_object *const *items,
                                      size_t n);

RC_API size_t rc_tuple_size(const rc_object *tuple);

/* Item i, borrowed; i < size (not checked in release builds). */
RC_API rc_object *rc_tuple_get(const rc_object *tuple, size_t i);

/* ---------------------------------------------------------------- list */

RC_API bool rc_is_list(const rc_object *o);

/* A new empty list. */
RC_API rc_object *rc_list_new(rc_runtime *rt);

/* A new list holding new references to items[0, n). */
RC_API rc_object *rc_list_from_array(rc_runtime *rt, rc_object *const *items,
                                     size_t n);

RC_API size_t rc_list_size(const rc_object *list);

/* list[i], borrowed, or NULL + RC_EINDEX ("list index out of range"). */
RC_API rc_object *rc_list_get(const rc_object *list, ptrdiff_t i);

/* list[i] = item: stores a new ref; RC_EINDEX "list assignment index out
 * of range". */
RC_API int rc_list_set(rc_object *list, ptrdiff_t i, rc_object *item);

/* list.append(item): stores a new ref. 0, or a negative rc_status. */
RC_API int rc_list_append(rc_object *list, rc_object *item);

/* list.insert(i, item): i is clamped to the list as Python does. */
RC_API int rc_list_insert(rc_object *list, ptrdiff_t i, rc_object *item);

/* list.pop(i), -1 for the last: a new reference (the list's) or NULL +
 * RC_EINDEX ("pop from empty list", "pop index out of range"). */
RC_API rc_object *rc_list_pop(rc_object *list, ptrdiff_t i);

/* list.remove(item): removes the first equal item; RC_EVALUE
 * "list.remove(x): x not in list" if none. */
RC_API int rc_list_remove(rc_object *list, rc_object *item);

/* list.index(item): the first equal item's index, or RC_EVALUE
 * ("5 is not in list"). */
RC_API ptrdiff_t rc_list_index(rc_object *list, rc_object *item);

/* list.extend(iterable), the list itself included. On failure (from
 * memory or from the iterable) the items appended are removed again. */
RC_API int rc_list_extend(rc_object *list, rc_object *iterable);

RC_API int rc_list_reverse(rc_object *list);

/* list.sort(key=..., reverse=...): stable; compares with "<" (rc_compare
 * RC_LT) the items, or key(item, arg) when key is non-NULL (key returns a
 * new reference, or NULL with an error recorded). A failing comparison or
 * key stops the sort with its error (an error object included: rcgc/
 * protocol.h) and leaves the list in its original order; RC_EVALUE "list
 * modified during sort" if the list was changed meanwhile (those changes
 * are dropped). */
RC_API int rc_list_sort(rc_object *list,
                        rc_object *(*key)(rc_object *item, void *arg),
                        void *arg, bool reverse);

RC_API int rc_list_clear(rc_object *list);

/* ---------------------------------------------------------------- dict */

RC_API bool rc_is_dict(const rc_object *o);

/* A new empty dict (untracked until it holds an object that may be
 * tracked). */
RC_API rc_object *rc_dict_new(rc_runtime *rt);

RC_API size_t rc_dict_size(const rc_object *dict);
/* A number that changes whenever a key or value of dict changes, to one no
 * dict of the runtime ever had before; 0 for a dict never changed (empty).
 * A lookup's result stays valid while the number is the same, so caches
 * of lookups (a dict freed and another made at its address included) key
 * on it. */
RC_API uint64_t rc_dict_version(const rc_object *dict);

/* dict[key] = value: stores new references to key and value. 0, or
 * negative (RC_EHASH "unhashable type: 'list'", RC_ENOMEM, or an error of
 * the keys' equality). */
RC_API int rc_dict_setitem(rc_object *dict, rc_object *key, rc_object *value);

/* dict[key]: borrowed, or NULL: missing key (no error recorded) or an
 * error (RC_EHASH recorded). rc_dict_lookup tells them apart: 1 found
 * (*value borrowed), 0 missing, negative error. */
RC_API rc_object *rc_dict_getitem(rc_object *dict, rc_object *key);
RC_API int rc_dict_lookup(rc_object *dict, rc_object *key, rc_object **value);

/* del dict[key]: RC_EKEY (message: repr(key)) if missing. */
RC_API int rc_dict_delitem(rc_object *dict, rc_object *key);

/* dict.pop(key, dflt): a new reference to the removed value, or to dflt
 * when key is missing; dflt NULL: RC_EKEY instead. */
RC_API rc_object *rc_dict_pop(rc_object *dict, rc_object *key, rc_object *dflt);

/* dict.setdefault(key, dflt): the value now stored under key, borrowed
 * (dflt NULL stands for None). */
RC_API rc_object *rc_dict_setdefault(rc_object *dict, rc_object *key,
                                     rc_object *dflt);

/* dict.update(other): other is a dict or an iterable of pairs; its items
 * are gathered (and hashed) before the dict changes. */
RC_API int rc_dict_update(rc_object *dict, rc_object *other);

/* dict.popitem(): a new (key, value) tuple of the last entry, removed;
 * RC_EKEY when empty. */
RC_API rc_object *rc_dict_popitem(rc_object *dict);

RC_API int rc_dict_clear(rc_object *dict);

/* dict.copy(): a new dict with the same entries in the same order. */
RC_API rc_object *rc_dict_copy(rc_object *dict);

/* Views: dict.keys(), .values(), .items() — new view objects (iterable,
 * sized, live). Their iterators fail with RC_ESTATE when the dict changes
 * size during the iteration. */
RC_API rc_object *rc_dict_keys(rc_object *dict);
RC_API rc_object *rc_dict_values(rc_object *dict);
RC_API rc_object *rc_dict_items(rc_object *dict);

/* Walks entries in insertion order: start with *pos = 0; 1 with borrowed
 * key/value (either may be NULL), 0 at the end. The dict must not change
 * during the walk. */
RC_API int rc_dict_next(rc_object *dict, size_t *pos, rc_object **key,
                        rc_object **value);

/* ----------------------------------------------------- set, frozenset */

/* True for sets and frozensets. */
RC_API bool rc_is_set(const rc_object *o);
RC_API bool rc_is_frozenset(const rc_object *o);

/* set(iterable), frozenset(iterable): new; iterable NULL gives an empty
 * one. frozenset(f) of a frozenset f is f itself. */
RC_API rc_object *rc_set_new(rc_runtime *rt, rc_object *iterable);
RC_API rc_object *rc_frozenset_new(rc_runtime *rt, rc_object *iterable);

RC_API size_t rc_set_size(const rc_object *set);

/* The changing methods take sets only (RC_ETYPE for frozensets). */
RC_API int rc_set_add(rc_object *set, rc_object *key);
/* 1 removed, 0 absent. */
RC_API int rc_set_discard(rc_object *set, rc_object *key);
/* RC_EKEY (message: repr(key)) if absent. */
RC_API int rc_set_remove(rc_object *set, rc_object *key);
/* key in set: 1, 0 or negative; a set key is looked up as a frozenset. */
RC_API int rc_set_contains(rc_object *set, rc_object *key);
/* set.pop(): a new reference to a removed key; RC_EKEY if empty. */
RC_API rc_object *rc_set_pop(rc_object *set);
RC_API int rc_set_clear(rc_object *set);

/* a.union(b) and the others: a new set of a's type (set or frozenset);
 * b may be any iterable (the operators | & - ^ need two sets). */
RC_API rc_object *rc_set_union(rc_object *a, rc_object *b);
RC_API rc_object *rc_set_intersection(rc_object *a, rc_object *b);
RC_API rc_object *rc_set_difference(rc_object *a, rc_object *b);
RC_API rc_object *rc_set_symmetric_difference(rc_object *a, rc_object *b);

/* Walks the keys (borrowed) as rc_dict_next walks a dict. */
RC_API int rc_set_next(rc_object *set, size_t *pos, rc_object **key);

/* --------------------------------------------------------- range, slice */

/* range(start, stop, step): new; RC_EVALUE "range() arg 3 must not be
 * zero". */
RC_API rc_object *rc_range_new(rc_runtime *rt, int64_t start, int64_t stop,
                               int64_t step);
RC_API bool rc_is_range(const rc_object *o);
/* range.start, .stop and .step (range must be a range). */
RC_API void rc_range_bounds(const rc_object *range, int64_t *start,
                            int64_t *stop, int64_t *step);

/* slice(start, stop, step): each may be NULL (None). */
RC_API rc_object *rc_slice_new(rc_runtime *rt, rc_object *start,
                               rc_object *stop, rc_object *step);
RC_API bool rc_is_slice(const rc_object *o);
/* slice.start, .stop and .step, borrowed (None where omitted); slice must
 * be a slice. */
RC_API void rc_slice_parts(const rc_object *slice, rc_object **start,
                           rc_object **stop, rc_object **step);

/* Python's slice.indices(length): fills start/stop/step and returns the
 * number of items the slice selects, or negative (RC_EVALUE for step 0,
 * RC_ETYPE for non-integers). Bounds beyond the int range are clamped, so
 * the count is exact. */
RC_API ptrdiff_t rc_slice_indices(rc_object *slice, size_t length,
                                  ptrdiff_t *start, ptrdiff_t *stop,
                                  ptrdiff_t *step);

#ifdef __cplusplus
}
#endif

#endif /* RCGC_CONTAINERS_H */
