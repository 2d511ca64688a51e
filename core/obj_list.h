/* core/obj_list.h: public API of the containers and iterators beyond obj.h: list (obj_list.c),
 * tuple (obj_tuple.c), dict/map (obj_dict.c), set/frozenset (obj_set.c), range (obj_range.c),
 * slice (obj_slice.c) and the iterator types (obj_iter.c). The slice helper slice_get_indices
 * is declared in obj.h. Every function here may raise unless it says otherwise. */
#ifndef CORE_OBJ_LIST_H
#define CORE_OBJ_LIST_H

#include "core/obj.h"

/* ---- list ---- */
obj_t list_from_iter(obj_t iterable);         /* list(iterable) (a copy even of a list) */
void list_extend(obj_t list, obj_t iterable); /* list.extend: any iterable */
obj_t list_pop(obj_t list, int_t index);      /* list.pop(index) (negative allowed) */
void list_set_len(obj_t list, size_t len);    /* truncate (len <= current length) */
/* In-place stable sort; key may be OBJ_NULL/None; for list.sort() and sorted(). */
void list_sort(obj_t list, obj_t key, bool reverse);
extern const native_fun_obj_t list_sort_obj; /* list.sort(self, *, key=None, reverse=False) */

/* ---- tuple ---- */
/* A tuple or an object of a built-in type with tuple layout (namedtuple): tuple_obj_t inside. */
bool tuple_is_layout(obj_t o);
obj_t tuple_from_iter(obj_t iterable); /* tuple(iterable); returns tuples as is */
size_t tuple_hash(obj_t tuple);        /* consistent with == ; TypeError if unhashable item */
/* Shared by list and tuple: result of comparing two item arrays with a comparison op
 * (BINARY_OP_LESS ... BINARY_OP_NOT_EQUAL), lexicographically, as Python does. */
bool seq_compare(binary_op_t op, obj_t *const *a, const size_t *na, obj_t *const *b, const size_t *nb);
/* Index normalisation shared by sequences: index an int (else TypeError "<type> indices must be
 * integers, not X"), negative counted from the end, IndexError "<type> index out of range". */
size_t seq_get_index(const type_t *type, size_t len, obj_t index);
/* Number of items a normalised slice selects. */
size_t slice_bounds_count(const slice_bounds_t *b);
/* seq.index(x[, start[, end]]) over *items (args[0] is self, args[1] x): ValueError if absent.
 * Both read the sequence's items and length afresh after each __eq__ (which may change a list). */
obj_t seq_index(obj_t *const *items, const size_t *len, size_t n_args, const obj_t *args);
obj_t seq_count(obj_t *const *items, const size_t *len, obj_t value);
/* Prints the items of seq (a list or tuple) as reprs separated by ", " between open and close,
 * reading them afresh after each __repr__ (which may change a list). */
void seq_print(const print_t *p, obj_t seq, const char *open, const char *close);
/* n of seq * n (negative -> 0; (size_t)-1 if n isn't an int; MemoryError if absurdly big). */
size_t seq_repeat_count(obj_t n, size_t len);

/* The one iterator of list and tuple (obj_iter.c): the items by index, reading the length at
 * every step (a list may grow or shrink while it is iterated). */
obj_t seq_iter_new(obj_t seq, bool is_list);
obj_t seq_iter_new_buf(obj_t seq, bool is_list, iter_buf_t *buf); /* built in buf */

/* ---- dict / map ---- */
/* Fast global/attribute lookup by qstr (no exceptions): the value or OBJ_NULL. */
obj_t map_get_qstr(const map_t *map, qstr q);
obj_t dict_copy(obj_t dict);
/* dict(...) or OrderedDict(...): a new dict of a built-in dict type, filled from the arguments */
obj_t dict_make_of(const type_t *type, bool by_equality, size_t n_args, size_t n_kw, const obj_t *args);
void dict_update(obj_t dict, obj_t other); /* dict.update(other): mapping or iterable of pairs */
/* keyword arguments (key qstr-obj, value) pairs into a new dict (for **kwargs). */
obj_t dict_from_kw(size_t n_kw, const obj_t *kw);

/* ---- set / frozenset ---- */
typedef struct {
    obj_base_t base; /* &set_type or &frozenset_type */
    map_t map;       /* keys are the members; values unused */
} set_obj_t;
obj_t set_new(size_t n, const obj_t *items); /* a set (n may be 0) */
obj_t frozenset_new_from_iter(obj_t iterable);
void set_add(obj_t set, obj_t item);
bool set_contains(obj_t set, obj_t item);

/* ---- range ---- */
typedef struct {
    obj_base_t base; /* &range_type */
    int_t start, stop, step;
} range_obj_t;
obj_t range_new(int_t start, int_t stop, int_t step);
/* The range iterator (exposed so the VM may special-case FOR_ITER on it). */
typedef struct {
    obj_base_t base; /* &range_iter_type */
    int_t cur, stop, step;
} range_iter_obj_t;
extern const type_t range_iter_type;
obj_t range_iter_new_buf(int_t cur, int_t stop, int_t step, iter_buf_t *buf); /* built in buf */
obj_t range_reversed(obj_t range); /* reversed(range): a range iterator going backwards */

/* ---- slice ---- */
typedef struct {
    obj_base_t base;         /* &slice_type */
    obj_t start, stop, step; /* None when omitted */
} slice_obj_t;
obj_t slice_new(obj_t start, obj_t stop, obj_t step);

/* ---- iterators ---- */
obj_t iter_new_getitem(obj_t seq); /* iterator_type: seq[0], seq[1] ... until IndexError/StopIteration */
obj_t iter_reversed(obj_t seq);    /* reversed(seq) */

#endif
