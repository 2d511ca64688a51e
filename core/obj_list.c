/* core/obj_list.c: list_type (a growable array of values), its iterator, slicing (any step) and
 * slice assignment and deletion (step 1 only, as in MicroPython), and the stable merge sort behind
 * list.sort() and sorted().
 * Invariant: items[0..len) are valid values, alloc >= len, and items is a GC block (or NULL when
 * alloc == 0); growth doubles alloc so append is amortised O(1). */
#include "core/obj_list.h"
#include "core/obj.h"
#include "core/obj_type.h"
#include "core/runtime.h"

static inline list_obj_t *list_ptr(obj_t o) {
    return (list_obj_t *)OBJ_TO_PTR(o);
}

obj_t list_new(size_t n, const obj_t *items) {
    list_obj_t *l = NEW_OBJ(list_obj_t);
    l->base.type = &list_type;
    l->alloc = n < 4 ? 4 : n;
    l->len = n;
    l->items = NEW_ARRAY(obj_t, l->alloc);
    if (items != NULL && n > 0) {
        memcpy(l->items, items, n * sizeof(obj_t));
    }
    return OBJ_FROM_PTR(l);
}

static void list_reserve(list_obj_t *l, size_t need) {
    if (need <= l->alloc) {
        return;
    }
    /* double while small, then half as much again: a long list's block (one contiguous run,
     * the hardest thing to find in a fragmented small heap) wastes at most a third */
    size_t alloc = l->alloc < 128 ? l->alloc * 2 : l->alloc + l->alloc / 2;
    if (alloc < need) {
        alloc = need;
    }
    if (alloc < 4) {
        alloc = 4;
    }
    l->items = gc_realloc(l->items, alloc * sizeof(obj_t));
    l->alloc = alloc;
}

void list_append(obj_t list, obj_t item) {
    list_obj_t *l = list_ptr(list);
    if (UNLIKELY(l->len >= l->alloc)) {
        list_reserve(l, l->len + 1);
    }
    l->items[l->len++] = item;
}

void list_extend(obj_t list, obj_t iterable) {
    list_obj_t *l = list_ptr(list);
    if (obj_is_type(iterable, &list_type) || obj_is_type(iterable, &tuple_type)) {
        size_t n;
        obj_t *items;
        obj_get_array(iterable, &n, &items);
        list_reserve(l, l->len + n);
        obj_get_array(iterable, &n, &items); /* l.extend(l): items may have moved */
        memcpy(l->items + l->len, items, n * sizeof(obj_t));
        l->len += n;
        return;
    }
    obj_t it = rt_getiter(iterable);
    obj_t x;
    while ((x = rt_iternext(it)) != OBJ_NULL) {
        list_append(list, x);
    }
}

obj_t list_from_iter(obj_t iterable) {
    obj_t len = OBJ_NULL;
    if (!obj_is_type(iterable, &list_type) && !obj_is_type(iterable, &tuple_type)) {
        len = obj_is_type(iterable, &range_type) ? rt_len_maybe(iterable) : OBJ_NULL;
    }
    obj_t list = list_new(0, NULL);
    if (len != OBJ_NULL && obj_is_small_int(len)) {
        list_reserve(list_ptr(list), (size_t)small_int_value(len));
    }
    list_extend(list, iterable);
    return list;
}

void list_set_len(obj_t list, size_t len) {
    list_obj_t *l = list_ptr(list);
    if (len < l->len) {
        memset(l->items + len, 0, (l->len - len) * sizeof(obj_t));
        l->len = len;
    }
}

obj_t list_pop(obj_t list, int_t index) {
    list_obj_t *l = list_ptr(list);
    if (l->len == 0) {
        raise_msg(&type_IndexError, "pop from empty list");
    }
    if (index < 0) {
        index += (int_t)l->len;
    }
    if (index < 0 || (size_t)index >= l->len) {
        raise_msg(&type_IndexError, "list index out of range");
    }
    obj_t x = l->items[index];
    l->len--;
    memmove(l->items + index, l->items + index + 1, (l->len - (size_t)index) * sizeof(obj_t));
    l->items[l->len] = OBJ_NULL;
    if (l->alloc > 16 && l->len < l->alloc / 4) {
        l->alloc /= 2;
        l->items = gc_realloc(l->items, l->alloc * sizeof(obj_t));
    }
    return x;
}

/* self of a list method: a list, or a user instance whose native base is list */
static obj_t list_arg(obj_t o, const char *name) {
    if (LIKELY(obj_is_type(o, &list_type))) {
        return o;
    }
    obj_t sub = obj_is_ptr(o) ? instance_get_subobj(o) : OBJ_NULL;
    if (sub == OBJ_NULL || !obj_is_type(sub, &list_type)) {
        raise_fmt(&type_TypeError, "descriptor '%s' requires a 'list' object", name);
    }
    return sub;
}

/* ---- sorting: stable top-down merge sort over items of w words (1 or 2) ----
 * With a key function an item is (key, value); without one it is the value alone (its own key),
 * which halves the working arrays. The key is an item's first word, its value its last. */
static bool sort_less(obj_t a, obj_t b) {
    if (obj_is_small_int(a) && obj_is_small_int(b)) {
        return small_int_value(a) < small_int_value(b);
    }
    if (obj_is_str(a) && obj_is_str(b)) {
        size_t la, lb;
        const char *da = str_get_data(a, &la);
        const char *db = str_get_data(b, &lb);
        int c = memcmp(da, db, la < lb ? la : lb);
        return c < 0 || (c == 0 && la < lb);
    }
    return rt_is_true(rt_binary_op(BINARY_OP_LESS, a, b));
}

static inline void sort_move(obj_t *dst, const obj_t *src, size_t w) {
    dst[0] = src[0];
    if (w == 2) {
        dst[1] = src[1];
    }
}

static void sort_merge(obj_t *a, obj_t *tmp, size_t n, size_t w) {
    if (n <= 10) {
        for (size_t i = 1; i < n; i++) {
            obj_t x[2];
            sort_move(x, a + i * w, w);
            size_t j = i;
            while (j > 0 && sort_less(x[0], a[(j - 1) * w])) {
                sort_move(a + j * w, a + (j - 1) * w, w);
                j--;
            }
            sort_move(a + j * w, x, w);
        }
        return;
    }
    size_t h = n / 2;
    sort_merge(a, tmp, h, w);
    sort_merge(a + h * w, tmp, n - h, w);
    if (!sort_less(a[h * w], a[(h - 1) * w])) {
        return; /* halves already in order */
    }
    memcpy(tmp, a, h * w * sizeof(obj_t));
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        if (sort_less(a[j * w], tmp[i * w])) {
            sort_move(a + k++ * w, a + j++ * w, w);
        } else {
            sort_move(a + k++ * w, tmp + i++ * w, w);
        }
    }
    while (i < h) {
        sort_move(a + k++ * w, tmp + i++ * w, w);
    }
}

static void sort_reverse_items(obj_t *items, size_t n) {
    for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
        obj_t t = items[i];
        items[i] = items[j - 1];
        items[j - 1] = t;
    }
}

void list_sort(obj_t list, obj_t key, bool reverse) {
    list_obj_t *l = list_ptr(list);
    size_t n = l->len;
    if (n < 2) {
        return;
    }
    if (key == OBJ_NONE) {
        key = OBJ_NULL;
    }
    /* The list is only written once everything succeeded. reverse=True sorts the reversed items
     * stably and reverses the result, which keeps equal items in their original order. */
    size_t w = key != OBJ_NULL ? 2 : 1;
    obj_t *a = NEW_ARRAY(obj_t, n * w);
    for (size_t i = 0; i < n; i++) {
        a[i * w + w - 1] = l->items[reverse ? n - 1 - i : i];
    }
    if (key != OBJ_NULL) {
        for (size_t i = 0; i < n; i++) {
            a[i * 2] = rt_call1(key, a[i * 2 + 1]);
        }
    }
    obj_t *tmp = NEW_ARRAY(obj_t, (n / 2 + 1) * w);
    sort_merge(a, tmp, n, w);
    gc_free(tmp);
    if (l->len != n) {
        raise_msg(&type_ValueError, "list modified during sort");
    }
    for (size_t i = 0; i < n; i++) {
        l->items[i] = a[(reverse ? n - 1 - i : i) * w + w - 1];
    }
    gc_free(a);
}

static obj_t list_sort_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_key, ARG_KW_ONLY, ROM_PTR(&none_obj)},
        {QSTR_reverse, ARG_KW_ONLY | ARG_KIND_BOOL, ROM_PTR(&false_obj)},
    };
    arg_val_t vals[2];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 2, specs, vals);
    list_sort(list_arg(args[0], "sort"), vals[0].o, vals[1].b);
    return OBJ_NONE;
}
DEFINE_FUN_KW(list_sort_obj, sort, 1, 1, list_sort_fun);

/* ---- type slots ---- */

static void list_print(const print_t *p, obj_t o, print_kind_t kind) {
    seq_print(p, o, "[", "]");
}

static obj_t list_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, false);
    if (n_args == 0) {
        return list_new(0, NULL);
    }
    return list_from_iter(args[0]);
}

static obj_t list_unary_op(unary_op_t op, obj_t o) {
    const list_obj_t *l = OBJ_TO_PTR(o);
    switch (op) {
        case UNARY_OP_BOOL: return obj_bool(l->len != 0);
        case UNARY_OP_LEN: return small_int_new((int_t)l->len);
        default: return OBJ_NULL;
    }
}

static obj_t list_repeat(const list_obj_t *a, size_t n) {
    obj_t r = list_new(a->len * n, NULL);
    list_obj_t *rl = list_ptr(r);
    for (size_t i = 0; i < n; i++) {
        memcpy(rl->items + i * a->len, a->items, a->len * sizeof(obj_t));
    }
    return r;
}

static obj_t list_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    list_obj_t *a = list_ptr(lhs);
    switch (op) {
        case BINARY_OP_ADD: {
            if (!obj_is_type(rhs, &list_type)) {
                return OBJ_NULL;
            }
            const list_obj_t *b = OBJ_TO_PTR(rhs);
            obj_t r = list_new(a->len + b->len, NULL);
            memcpy(list_ptr(r)->items, a->items, a->len * sizeof(obj_t));
            memcpy(list_ptr(r)->items + a->len, b->items, b->len * sizeof(obj_t));
            return r;
        }
        case BINARY_OP_INPLACE_ADD: list_extend(lhs, rhs); return lhs;
        case BINARY_OP_MULTIPLY:
        case BINARY_OP_REVERSE_MULTIPLY: {
            size_t n = seq_repeat_count(rhs, a->len);
            if (n == (size_t)-1) {
                return OBJ_NULL;
            }
            return list_repeat(a, n);
        }
        case BINARY_OP_INPLACE_MULTIPLY: {
            size_t n = seq_repeat_count(rhs, a->len);
            if (n == (size_t)-1) {
                return OBJ_NULL;
            }
            if (n == 0) {
                list_set_len(lhs, 0);
                return lhs;
            }
            size_t len = a->len;
            list_reserve(a, len * n);
            for (size_t i = 1; i < n; i++) {
                memcpy(a->items + i * len, a->items, len * sizeof(obj_t));
            }
            a->len = len * n;
            return lhs;
        }
        case BINARY_OP_CONTAINS:
            for (size_t i = 0; i < a->len; i++) {
                obj_t x = a->items[i];
                if (x == rhs || (!(obj_is_small_int(x) && obj_is_small_int(rhs)) && rt_equal(x, rhs))) {
                    return OBJ_TRUE;
                }
            }
            return OBJ_FALSE;
        case BINARY_OP_LESS:
        case BINARY_OP_MORE:
        case BINARY_OP_EQUAL:
        case BINARY_OP_LESS_EQUAL:
        case BINARY_OP_MORE_EQUAL:
        case BINARY_OP_NOT_EQUAL: {
            if (!obj_is_type(rhs, &list_type)) {
                return OBJ_NULL; /* == falls back to identity in the runtime */
            }
            const list_obj_t *b = OBJ_TO_PTR(rhs);
            return obj_bool(seq_compare(op, &a->items, &a->len, &b->items, &b->len));
        }
        default: return OBJ_NULL;
    }
}

/* Items of a value assigned to a slice, as a stable array (a copy if it aliases the list). */
static void list_value_items(obj_t self, obj_t value, size_t *n, obj_t **items) {
    if (value == self || (!obj_is_type(value, &list_type) && !obj_is_type(value, &tuple_type))) {
        value = list_from_iter(value);
    }
    obj_get_array(value, n, items);
}

/* del l[b] for a slice of step 1. */
static void list_delete_slice(list_obj_t *l, const slice_bounds_t *b) {
    size_t n = slice_bounds_count(b);
    memmove(l->items + b->start, l->items + b->start + n, (l->len - (size_t)b->start - n) * sizeof(obj_t));
    memset(l->items + l->len - n, 0, n * sizeof(obj_t));
    l->len -= n;
}

/* b was worked out for a list of len0 items: Python code run since (an __index__ of the slice, an
 * __iter__ of the value) must not have changed its size. */
static void list_check_len(const list_obj_t *l, size_t len0) {
    if (l->len != len0) {
        raise_msg(&type_RuntimeError, "list changed size during slice");
    }
}

/* l[b] = value for a slice of step 1. */
static void list_store_slice(obj_t self, const slice_bounds_t *b, obj_t value) {
    list_obj_t *l = list_ptr(self);
    size_t n, len0 = l->len;
    obj_t *items;
    list_value_items(self, value, &n, &items);
    list_check_len(l, len0);
    size_t start = (size_t)b->start;
    size_t stop = b->stop < b->start ? start : (size_t)b->stop;
    size_t old = stop - start;
    if (n > old) {
        list_reserve(l, l->len + n - old);
    }
    memmove(l->items + start + n, l->items + stop, (l->len - stop) * sizeof(obj_t));
    memcpy(l->items + start, items, n * sizeof(obj_t));
    if (n < old) {
        memset(l->items + l->len - (old - n), 0, (old - n) * sizeof(obj_t));
    }
    l->len = l->len + n - old;
}

static obj_t list_subscr(obj_t self, obj_t index, obj_t value) {
    list_obj_t *l = list_ptr(self);
    if (LIKELY(obj_is_small_int(index))) {
        int_t i = small_int_value(index);
        if (i < 0) {
            i += (int_t)l->len;
        }
        if (UNLIKELY((uint_t)i >= l->len)) {
            raise_msg(&type_IndexError, "list index out of range");
        }
        if (value == OBJ_SENTINEL) {
            return l->items[i];
        }
        if (value == OBJ_NULL) {
            list_pop(self, i);
            return OBJ_NONE;
        }
        l->items[i] = value;
        return OBJ_NONE;
    }
    slice_bounds_t b;
    size_t len0 = l->len;
    /* as in MicroPython: a list is read through a slice with a step, not changed through one */
    if (value == OBJ_SENTINEL ? slice_get_indices(index, len0, &b) : slice_get_unit_indices(index, len0, &b)) {
        list_check_len(l, len0);
        if (value == OBJ_SENTINEL) {
            size_t n = slice_bounds_count(&b);
            obj_t r = list_new(n, NULL);
            if (b.step == 1) {
                memcpy(list_ptr(r)->items, l->items + b.start, n * sizeof(obj_t));
            } else {
                int_t k = b.start;
                for (size_t i = 0; i < n; i++, k += b.step) {
                    list_ptr(r)->items[i] = l->items[k];
                }
            }
            return r;
        }
        if (value == OBJ_NULL) {
            list_delete_slice(l, &b);
        } else {
            list_store_slice(self, &b, value);
        }
        return OBJ_NONE;
    }
    size_t i = seq_get_index(&list_type, l->len, index);
    if (value == OBJ_SENTINEL) {
        return l->items[i];
    }
    if (value == OBJ_NULL) {
        list_pop(self, (int_t)i);
    } else {
        l->items[i] = value;
    }
    return OBJ_NONE;
}

static obj_t list_getiter(obj_t self) { return seq_iter_new(self, true); }
static obj_t list_getiter_buf(obj_t self, iter_buf_t *buf) { return seq_iter_new_buf(self, true, buf); }

/* ---- methods ---- */

static obj_t list_append_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    list_append(list_arg(args[0], "append"), args[1]);
    return OBJ_NONE;
}
static DEFINE_FUN(list_append_obj, append, 2, 2, list_append_fun);

static obj_t list_extend_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    list_extend(list_arg(args[0], "extend"), args[1]);
    return OBJ_NONE;
}
static DEFINE_FUN(list_extend_obj, extend, 2, 2, list_extend_fun);

static obj_t list_insert_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = list_arg(args[0], "insert");
    list_obj_t *l = list_ptr(self);
    int_t i = obj_get_int(args[1]);
    if (i < 0) {
        i += (int_t)l->len;
        if (i < 0) {
            i = 0;
        }
    }
    if ((size_t)i > l->len) {
        i = (int_t)l->len;
    }
    list_reserve(l, l->len + 1);
    memmove(l->items + i + 1, l->items + i, (l->len - (size_t)i) * sizeof(obj_t));
    l->items[i] = args[2];
    l->len++;
    return OBJ_NONE;
}
static DEFINE_FUN(list_insert_obj, insert, 3, 3, list_insert_fun);

static obj_t list_pop_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = list_arg(args[0], "pop");
    list_obj_t *l = list_ptr(self);
    if (n_args == 1) {
        if (l->len == 0) {
            raise_msg(&type_IndexError, "pop from empty list");
        }
        obj_t x = l->items[--l->len];
        l->items[l->len] = OBJ_NULL;
        return x;
    }
    return list_pop(self, obj_get_int(args[1]));
}
static DEFINE_FUN(list_pop_obj, pop, 1, 2, list_pop_fun);

static obj_t list_remove_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = list_arg(args[0], "remove");
    list_obj_t *l = list_ptr(self);
    obj_t a[2] = {self, args[1]};
    obj_t i = seq_index(&l->items, &l->len, 2, a);
    list_pop(self, small_int_value(i));
    return OBJ_NONE;
}
static DEFINE_FUN(list_remove_obj, remove, 2, 2, list_remove_fun);

static obj_t list_index_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = list_arg(args[0], "index");
    list_obj_t *l = list_ptr(self);
    return seq_index(&l->items, &l->len, n_args, args);
}
static DEFINE_FUN(list_index_obj, index, 2, 4, list_index_fun);

static obj_t list_count_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = list_arg(args[0], "count");
    list_obj_t *l = list_ptr(self);
    return seq_count(&l->items, &l->len, args[1]);
}
static DEFINE_FUN(list_count_obj, count, 2, 2, list_count_fun);

static obj_t list_reverse_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = list_arg(args[0], "reverse");
    list_obj_t *l = list_ptr(self);
    sort_reverse_items(l->items, l->len);
    return OBJ_NONE;
}
static DEFINE_FUN(list_reverse_obj, reverse, 1, 1, list_reverse_fun);

static obj_t list_copy_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = list_arg(args[0], "copy");
    list_obj_t *l = list_ptr(self);
    return list_new(l->len, l->items);
}
static DEFINE_FUN(list_copy_obj, copy, 1, 1, list_copy_fun);

static obj_t list_clear_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = list_arg(args[0], "clear");
    list_obj_t *l = list_ptr(self);
    if (l->alloc != 4 || l->items == NULL) {
        l->items = gc_realloc(l->items, 4 * sizeof(obj_t));
        l->alloc = 4;
    }
    l->len = 0;
    memset(l->items, 0, 4 * sizeof(obj_t));
    return OBJ_NONE;
}
static DEFINE_FUN(list_clear_obj, clear, 1, 1, list_clear_fun);

static obj_t list_getitem_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return list_subscr(list_arg(args[0], "__getitem__"), args[1], OBJ_SENTINEL);
}
static DEFINE_FUN(list_getitem_obj, __getitem__, 2, 2, list_getitem_fun);

static obj_t list_setitem_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return list_subscr(list_arg(args[0], "__setitem__"), args[1], args[2]);
}
static DEFINE_FUN(list_setitem_obj, __setitem__, 3, 3, list_setitem_fun);

static obj_t list_delitem_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return list_subscr(list_arg(args[0], "__delitem__"), args[1], OBJ_NULL);
}
static DEFINE_FUN(list_delitem_obj, __delitem__, 2, 2, list_delitem_fun);

static const map_elem_t list_locals_table[] = {
    /* searched linearly: the most used first */
    {ROM_QSTR(QSTR_append), ROM_PTR(&list_append_obj)},
    {ROM_QSTR(QSTR_pop), ROM_PTR(&list_pop_obj)},
    {ROM_QSTR(QSTR_extend), ROM_PTR(&list_extend_obj)},
    {ROM_QSTR(QSTR_insert), ROM_PTR(&list_insert_obj)},
    {ROM_QSTR(QSTR_index), ROM_PTR(&list_index_obj)},
    {ROM_QSTR(QSTR_sort), ROM_PTR(&list_sort_obj)},
    {ROM_QSTR(QSTR_remove), ROM_PTR(&list_remove_obj)},
    {ROM_QSTR(QSTR_count), ROM_PTR(&list_count_obj)},
    {ROM_QSTR(QSTR_reverse), ROM_PTR(&list_reverse_obj)},
    {ROM_QSTR(QSTR_copy), ROM_PTR(&list_copy_obj)},
    {ROM_QSTR(QSTR_clear), ROM_PTR(&list_clear_obj)},
    {ROM_QSTR(QSTR___getitem__), ROM_PTR(&list_getitem_obj)},
    {ROM_QSTR(QSTR___setitem__), ROM_PTR(&list_setitem_obj)},
    {ROM_QSTR(QSTR___delitem__), ROM_PTR(&list_delitem_obj)},
};
static DEFINE_CONST_DICT(list_locals_dict, list_locals_table);

const type_t list_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_SLICE_ON_STACK,
    .name = QSTR_list,
    .print = list_print,
    .make_new = list_make_new,
    .unary_op = list_unary_op,
    .binary_op = list_binary_op,
    .subscr = list_subscr,
    .getiter = list_getiter,
    .getiter_buf = list_getiter_buf,
    .locals_dict = &list_locals_dict,
};
