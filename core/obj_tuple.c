/* core/obj_tuple.c: tuple_type (immutable array of values, items inline after the header), its
 * iterator, and the helpers list and tuple share (comparison, index normalisation, unpacking).
 * Invariant: the empty tuple is the static empty_tuple_obj; a tuple never changes once built. */
#include "core/obj.h"
#include "core/obj_int.h"
#include "core/obj_list.h"
#include "core/obj_type.h"
#include "core/runtime.h"

const tuple_obj_t empty_tuple_obj = {{&tuple_type}, 0};

/* A tuple, or an object of a built-in type laid out as one (collections.namedtuple types have
 * tuple_type as parent; user subclasses of tuple are instances and don't qualify). */
bool tuple_is_layout(obj_t o) {
    if (!obj_is_ptr(o)) {
        return false;
    }
    const type_t *t = obj_type(o);
    return t == &tuple_type || (t->parent == &tuple_type && !(t->flags & TYPE_FLAG_USER_CLASS));
}

obj_t tuple_new_of_type(const type_t *type, size_t n, const obj_t *items) {
    tuple_obj_t *t = NEW_OBJ_VAR(tuple_obj_t, obj_t, n);
    t->base.type = type;
    t->len = n;
    if (items != NULL && n != 0) {
        memcpy(t->items, items, n * sizeof(obj_t));
    }
    return OBJ_FROM_PTR(t);
}

obj_t tuple_new(size_t n, const obj_t *items) {
    if (n == 0) {
        return OBJ_EMPTY_TUPLE;
    }
    return tuple_new_of_type(&tuple_type, n, items);
}

obj_t tuple_from_iter(obj_t iterable) {
    if (obj_is_type(iterable, &tuple_type)) {
        return iterable;
    }
    if (obj_is_type(iterable, &list_type)) {
        const list_obj_t *l = OBJ_TO_PTR(iterable);
        return tuple_new(l->len, l->items);
    }
    obj_t list = list_from_iter(iterable);
    list_obj_t *l = OBJ_TO_PTR(list);
    obj_t t = tuple_new(l->len, l->items);
    gc_free(l->items);
    l->items = NULL;
    l->len = l->alloc = 0;
    return t;
}

void obj_get_array(obj_t o, size_t *len, obj_t **items) {
    if (tuple_is_layout(o)) {
        tuple_obj_t *t = OBJ_TO_PTR(o);
        *len = t->len;
        *items = t->items;
    } else if (obj_is_type(o, &list_type)) {
        list_obj_t *l = OBJ_TO_PTR(o);
        *len = l->len;
        *items = l->items;
    } else {
        raise_fmt(&type_TypeError, "object '%s' isn't a tuple or list", rt_type_name(o));
    }
}

void obj_get_array_fixed(obj_t o, size_t len, obj_t **items) {
    size_t n;
    obj_get_array(o, &n, items);
    if (n < len) {
        raise_fmt(&type_ValueError, "need more than %u values to unpack", (unsigned)n);
    }
    if (n > len) {
        raise_fmt(&type_ValueError, "too many values to unpack (expected %u)", (unsigned)len);
    }
}

/* ---- shared sequence helpers ---- */

static inline bool seq_item_equal(obj_t a, obj_t b) {
    if (a == b) {
        return true;
    }
    if (obj_is_small_int(a) && obj_is_small_int(b)) {
        return false;
    }
    return rt_equal(a, b);
}

bool seq_compare(binary_op_t op, obj_t *const *a, const size_t *na, obj_t *const *b, const size_t *nb) {
    rt_stack_check(); /* nested lists and tuples compare item by item: RuntimeError, not a crash */
    if ((op == BINARY_OP_EQUAL || op == BINARY_OP_NOT_EQUAL) && *na != *nb) {
        return op == BINARY_OP_NOT_EQUAL;
    }
    size_t i = 0;
    while (i < *na && i < *nb && seq_item_equal((*a)[i], (*b)[i])) {
        i++;
    }
    if (i < *na && i < *nb) {
        if (op == BINARY_OP_EQUAL) {
            return false;
        }
        if (op == BINARY_OP_NOT_EQUAL) {
            return true;
        }
        obj_t x = (*a)[i], y = (*b)[i];
        if (obj_is_small_int(x) && obj_is_small_int(y)) {
            switch (op) {
                case BINARY_OP_LESS:
                case BINARY_OP_LESS_EQUAL: return small_int_value(x) < small_int_value(y);
                default: return small_int_value(x) > small_int_value(y);
            }
        }
        return rt_is_true(rt_binary_op(op, x, y));
    }
    size_t la = *na, lb = *nb;
    switch (op) {
        case BINARY_OP_LESS: return la < lb;
        case BINARY_OP_LESS_EQUAL: return la <= lb;
        case BINARY_OP_MORE: return la > lb;
        case BINARY_OP_MORE_EQUAL: return la >= lb;
        case BINARY_OP_EQUAL: return la == lb;
        default: return la != lb;
    }
}

size_t seq_get_index(const type_t *type, size_t len, obj_t index) {
    int_t i;
    if (LIKELY(obj_is_small_int(index))) {
        i = small_int_value(index);
    } else if (obj_is_type(index, &int_type)) {
        raise_fmt(&type_IndexError, "%q index out of range", (qstr)type->name);
    } else if (!obj_get_int_maybe(index, &i)) {
        raise_fmt(&type_TypeError, "%q indices must be integers, not %s", (qstr)type->name, rt_type_name(index));
    }
    if (i < 0) {
        i += (int_t)len;
    }
    if ((uint_t)i >= len) {
        raise_fmt(&type_IndexError, "%q index out of range", (qstr)type->name);
    }
    return (size_t)i;
}

/* Clamps an index()/count() bound like CPython's slice rules. */
static size_t seq_bound(obj_t o, size_t len) {
    int_t v = obj_get_int(o);
    if (v < 0) {
        v += (int_t)len;
        if (v < 0) {
            v = 0;
        }
    }
    return (uint_t)v > len ? len : (size_t)v;
}

obj_t seq_index(obj_t *const *items, const size_t *len, size_t n_args, const obj_t *args) {
    size_t start = n_args > 2 ? seq_bound(args[2], *len) : 0;
    size_t stop = n_args > 3 ? seq_bound(args[3], *len) : *len;
    for (size_t i = start; i < stop && i < *len; i++) { /* __eq__ may change a list */
        if (seq_item_equal((*items)[i], args[1])) {
            return small_int_new((int_t)i);
        }
    }
    raise_msg(&type_ValueError, "object not in sequence");
}

obj_t seq_count(obj_t *const *items, const size_t *len, obj_t value) {
    size_t n = 0;
    for (size_t i = 0; i < *len; i++) {
        if (seq_item_equal((*items)[i], value)) {
            n++;
        }
    }
    return small_int_new((int_t)n);
}

void seq_print(const print_t *p, obj_t seq, const char *open, const char *close) {
    rt_stack_check(); /* a list containing itself recurses until RuntimeError, not a crash */
    print_str(p, open);
    size_t len;
    obj_t *items;
    obj_get_array(seq, &len, &items);
    for (size_t i = 0; i < len; i++) {
        if (i > 0) {
            print_strn(p, ", ", 2);
        }
        obj_print(p, items[i], PRINT_REPR);
        obj_get_array(seq, &len, &items); /* an item's __repr__ may have changed a list */
    }
    print_str(p, close);
}

/* Repetition count for seq * n: negative counts as 0; MemoryError if the result can't exist. */
size_t seq_repeat_count(obj_t n_obj, size_t len) {
    int_t n;
    if (obj_is_small_int(n_obj)) {
        n = small_int_value(n_obj);
    } else if (obj_is_type(n_obj, &int_type)) {
        if (int_sign(n_obj) < 0 || len == 0) {
            return 0;
        }
        raise_memory_error();
    } else if (!obj_get_int_maybe(n_obj, &n)) {
        return (size_t)-1;
    }
    if (n <= 0 || len == 0) {
        return 0;
    }
    if ((size_t)n > (SIZE_MAX / 16) / len) {
        raise_memory_error(); /* the byte count itself would overflow; else the allocation says */
    }
    return (size_t)n;
}

/* ---- tuple ---- */

size_t tuple_hash(obj_t o) {
    rt_stack_check(); /* ((((...),),),) hashes its items first */
    const tuple_obj_t *t = OBJ_TO_PTR(o);
    size_t h = 0x345678UL + t->len;
    size_t mult = 1000003UL;
    for (size_t i = 0; i < t->len; i++) {
        size_t ih = rt_hash(t->items[i]);
        h = (h ^ ih) * mult;
        mult += 82520UL + 2 * (t->len - i);
    }
    return h + 97531UL;
}

static void tuple_print(const print_t *p, obj_t o, print_kind_t kind) {
    const tuple_obj_t *t = OBJ_TO_PTR(o);
    seq_print(p, o, "(", t->len == 1 ? ",)" : ")");
}

static obj_t tuple_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, false);
    if (n_args == 0) {
        return OBJ_EMPTY_TUPLE;
    }
    return tuple_from_iter(args[0]);
}

static obj_t tuple_unary_op(unary_op_t op, obj_t o) {
    const tuple_obj_t *t = OBJ_TO_PTR(o);
    switch (op) {
        case UNARY_OP_BOOL: return obj_bool(t->len != 0);
        case UNARY_OP_LEN: return small_int_new((int_t)t->len);
        case UNARY_OP_HASH: return small_int_new((int_t)(tuple_hash(o) & (size_t)SMALL_INT_MAX));
        default: return OBJ_NULL;
    }
}

/* The tuple behind an operand: itself, or the native part of an instance of a user subclass of a
 * tuple type; OBJ_NULL for anything else. */
static obj_t tuple_operand(obj_t o) {
    if (tuple_is_layout(o)) {
        return o;
    }
    if (obj_is_ptr(o) && (obj_type(o)->flags & TYPE_FLAG_USER_CLASS) && obj_is_subclass_fast(obj_type(o), &tuple_type)) {
        obj_t sub = instance_get_subobj(o);
        if (sub != OBJ_NULL && tuple_is_layout(sub)) {
            return sub;
        }
    }
    return OBJ_NULL;
}

static obj_t tuple_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    const tuple_obj_t *a = OBJ_TO_PTR(lhs);
    if (op != BINARY_OP_CONTAINS && op != BINARY_OP_MULTIPLY && op != BINARY_OP_INPLACE_MULTIPLY &&
        op != BINARY_OP_REVERSE_MULTIPLY && !tuple_is_layout(rhs)) {
        obj_t t = tuple_operand(rhs);
        if (t != OBJ_NULL) {
            rhs = t;
        }
    }
    switch (op) {
        case BINARY_OP_ADD:
        case BINARY_OP_INPLACE_ADD: {
            if (!tuple_is_layout(rhs)) {
                return OBJ_NULL;
            }
            const tuple_obj_t *b = OBJ_TO_PTR(rhs);
            if (b->len == 0 && obj_is_type(lhs, &tuple_type)) {
                return lhs;
            }
            if (a->len == 0 && obj_is_type(rhs, &tuple_type)) {
                return rhs;
            }
            tuple_obj_t *r = OBJ_TO_PTR(tuple_new(a->len + b->len, NULL));
            memcpy(r->items, a->items, a->len * sizeof(obj_t));
            memcpy(r->items + a->len, b->items, b->len * sizeof(obj_t));
            return OBJ_FROM_PTR(r);
        }
        case BINARY_OP_MULTIPLY:
        case BINARY_OP_INPLACE_MULTIPLY:
        case BINARY_OP_REVERSE_MULTIPLY: {
            size_t n = seq_repeat_count(rhs, a->len);
            if (n == (size_t)-1) {
                return OBJ_NULL;
            }
            if (n == 1 && obj_is_type(lhs, &tuple_type)) {
                return lhs;
            }
            tuple_obj_t *r = OBJ_TO_PTR(tuple_new(a->len * n, NULL));
            for (size_t i = 0; i < n; i++) {
                memcpy(r->items + i * a->len, a->items, a->len * sizeof(obj_t));
            }
            return OBJ_FROM_PTR(r);
        }
        case BINARY_OP_CONTAINS:
            for (size_t i = 0; i < a->len; i++) {
                if (seq_item_equal(a->items[i], rhs)) {
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
            if (!tuple_is_layout(rhs)) {
                return OBJ_NULL; /* == falls back to identity in the runtime */
            }
            const tuple_obj_t *b = OBJ_TO_PTR(rhs);
            obj_t *ia = (obj_t *)a->items, *ib = (obj_t *)b->items;
            return obj_bool(seq_compare(op, &ia, &a->len, &ib, &b->len));
        }
        default: return OBJ_NULL;
    }
}

static obj_t tuple_subscr(obj_t self, obj_t index, obj_t value) {
    if (value != OBJ_SENTINEL) {
        return OBJ_NULL; /* immutable: the runtime reports "doesn't support item assignment" */
    }
    const tuple_obj_t *t = OBJ_TO_PTR(self);
    if (LIKELY(obj_is_small_int(index))) {
        int_t i = small_int_value(index);
        if (i < 0) {
            i += (int_t)t->len;
        }
        if (LIKELY((uint_t)i < t->len)) {
            return t->items[i];
        }
        raise_msg(&type_IndexError, "tuple index out of range");
    }
    slice_bounds_t b;
    if (slice_get_unit_indices(index, t->len, &b)) {
        size_t n = slice_bounds_count(&b);
        if (n == t->len && obj_is_type(self, &tuple_type)) {
            return self;
        }
        return tuple_new(n, t->items + b.start);
    }
    return t->items[seq_get_index(&tuple_type, t->len, index)];
}

static obj_t tuple_getiter(obj_t self) { return seq_iter_new(self, false); }
static obj_t tuple_getiter_buf(obj_t self, iter_buf_t *buf) { return seq_iter_new_buf(self, false, buf); }

/* ---- methods ---- */
static obj_t tuple_count_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    if (!tuple_is_layout(args[0])) {
        raise_msg(&type_TypeError, "descriptor 'count' requires a 'tuple' object");
    }
    tuple_obj_t *t = OBJ_TO_PTR(args[0]);
    obj_t *items = t->items;
    return seq_count(&items, &t->len, args[1]);
}
static DEFINE_FUN(tuple_count_obj, count, 2, 2, tuple_count_fun);

static obj_t tuple_index_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    if (!tuple_is_layout(args[0])) {
        raise_msg(&type_TypeError, "descriptor 'index' requires a 'tuple' object");
    }
    tuple_obj_t *t = OBJ_TO_PTR(args[0]);
    obj_t *items = t->items;
    return seq_index(&items, &t->len, n_args, args);
}
static DEFINE_FUN(tuple_index_obj, index, 2, 4, tuple_index_fun);

static const map_elem_t tuple_locals_table[] = {
    {ROM_QSTR(QSTR_count), ROM_PTR(&tuple_count_obj)},
    {ROM_QSTR(QSTR_index), ROM_PTR(&tuple_index_obj)},
};
static DEFINE_CONST_DICT(tuple_locals_dict, tuple_locals_table);

const type_t tuple_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_SLICE_ON_STACK,
    .name = QSTR_tuple,
    .print = tuple_print,
    .make_new = tuple_make_new,
    .unary_op = tuple_unary_op,
    .binary_op = tuple_binary_op,
    .subscr = tuple_subscr,
    .getiter = tuple_getiter,
    .getiter_buf = tuple_getiter_buf,
    .locals_dict = &tuple_locals_dict,
};
