/* core/obj_range.c: range_type (start, stop, step as C integers) and its iterator, the hottest
 * loop of most benchmarks: iterating never allocates for values that are small ints.
 * Invariant: step != 0; every value a range yields lies strictly between start-step and stop. */
#include "core/obj.h"
#include "core/obj_list.h"
#include "core/runtime.h"

obj_t range_new(int_t start, int_t stop, int_t step) {
    range_obj_t *r = NEW_OBJ(range_obj_t);
    r->base.type = &range_type;
    r->start = start;
    r->stop = stop;
    r->step = step;
    return OBJ_FROM_PTR(r);
}

static size_t range_len(const range_obj_t *r) {
    if (r->step > 0) {
        return r->stop > r->start ? (size_t)(((uint_t)r->stop - (uint_t)r->start - 1) / (uint_t)r->step + 1) : 0;
    }
    return r->start > r->stop ? (size_t)(((uint_t)r->start - (uint_t)r->stop - 1) / (uint_t)(-r->step) + 1) : 0;
}

static inline obj_t range_int(int_t v) {
    return LIKELY(small_int_fits(v)) ? small_int_new(v) : int_from_int(v);
}

/* ---- iterator ---- */
static obj_t range_iter_next(obj_t self) {
    range_iter_obj_t *it = OBJ_TO_PTR(self);
    int_t cur = it->cur;
    if (it->step > 0 ? cur < it->stop : cur > it->stop) {
        if (UNLIKELY(__builtin_add_overflow(cur, it->step, &it->cur))) {
            it->cur = it->stop;
        }
        return range_int(cur);
    }
    return OBJ_NULL;
}

const type_t range_iter_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_range_iterator,
    .getiter = rt_identity_getiter,
    .iternext = range_iter_next,
};

static obj_t range_iter_init(range_iter_obj_t *it, int_t cur, int_t stop, int_t step) {
    it->base.type = &range_iter_type;
    it->cur = cur;
    it->stop = stop;
    it->step = step;
    return OBJ_FROM_PTR(it);
}

static obj_t range_iter_new(int_t cur, int_t stop, int_t step) {
    return range_iter_init(NEW_OBJ(range_iter_obj_t), cur, stop, step);
}

_Static_assert(sizeof(range_iter_obj_t) <= sizeof(iter_buf_t), "range iterator fits an iter_buf_t");
obj_t range_iter_new_buf(int_t cur, int_t stop, int_t step, iter_buf_t *buf) {
    return range_iter_init((range_iter_obj_t *)buf, cur, stop, step);
}

static obj_t range_getiter_buf(obj_t self, iter_buf_t *buf) {
    const range_obj_t *r = OBJ_TO_PTR(self);
    return range_iter_new_buf(r->start, r->stop, r->step, buf);
}

static obj_t range_getiter(obj_t self) {
    const range_obj_t *r = OBJ_TO_PTR(self);
    return range_iter_new(r->start, r->stop, r->step);
}

/* reversed(range): iterates the same values backwards. */
obj_t range_reversed(obj_t self) {
    const range_obj_t *r = OBJ_TO_PTR(self);
    size_t n = range_len(r);
    if (n == 0) {
        return range_iter_new(0, 0, 1);
    }
    int_t last = r->start + (int_t)(n - 1) * r->step;
    int_t stop;
    if (__builtin_sub_overflow(r->start, r->step, &stop)) {
        stop = r->step > 0 ? SMALL_INT_MIN : SMALL_INT_MAX;
    }
    return range_iter_new(last, stop, -r->step);
}

/* ---- type slots ---- */

static void range_print(const print_t *p, obj_t o, print_kind_t kind) {
    const range_obj_t *r = OBJ_TO_PTR(o);
    if (r->step == 1) {
        print_fmt(p, "range(%ld, %ld)", (long)r->start, (long)r->stop);
    } else {
        print_fmt(p, "range(%ld, %ld, %ld)", (long)r->start, (long)r->stop, (long)r->step);
    }
}

static obj_t range_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 3, false);
    int_t start = 0, stop, step = 1;
    if (n_args == 1) {
        stop = obj_get_int(args[0]);
    } else {
        start = obj_get_int(args[0]);
        stop = obj_get_int(args[1]);
        if (n_args == 3) {
            step = obj_get_int(args[2]);
            if (step == 0) {
                raise_msg(&type_ValueError, "range() arg 3 must not be zero");
            }
        }
    }
    return range_new(start, stop, step);
}

static obj_t range_unary_op(unary_op_t op, obj_t o) {
    const range_obj_t *r = OBJ_TO_PTR(o);
    switch (op) {
        case UNARY_OP_BOOL: return obj_bool(range_len(r) != 0);
        case UNARY_OP_LEN: return int_from_uint(range_len(r));
        case UNARY_OP_HASH: {
            size_t n = range_len(r);
            size_t h = n * 1000003UL;
            if (n > 0) {
                h ^= (size_t)r->start * 69069U;
            }
            if (n > 1) {
                h ^= (size_t)r->step * 2654435761UL;
            }
            return small_int_new((int_t)(h & (size_t)SMALL_INT_MAX));
        }
        default: return OBJ_NULL;
    }
}

/* index of value v in r, or -1 */
static int_t range_find(const range_obj_t *r, int_t v) {
    if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) {
        return -1;
    }
    int_t d = v - r->start;
    if (d % r->step != 0) {
        return -1;
    }
    return d / r->step;
}

static bool range_equal(const range_obj_t *a, const range_obj_t *b) {
    size_t n = range_len(a);
    if (n != range_len(b)) {
        return false;
    }
    if (n == 0) {
        return true;
    }
    if (a->start != b->start) {
        return false;
    }
    return n == 1 || a->step == b->step;
}

static obj_t range_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    const range_obj_t *r = OBJ_TO_PTR(lhs);
    switch (op) {
        case BINARY_OP_CONTAINS: {
            int_t v;
            if (obj_is_small_int(rhs) || obj_is_type(rhs, &bool_type)) {
                obj_get_int_maybe(rhs, &v);
                return obj_bool(range_find(r, v) >= 0);
            }
            if (obj_is_type(rhs, &int_type)) {
                return OBJ_FALSE; /* big ints are out of every C-integer range */
            }
            obj_t it = range_getiter(lhs);
            obj_t x;
            while ((x = range_iter_next(it)) != OBJ_NULL) {
                if (rt_equal(x, rhs)) {
                    return OBJ_TRUE;
                }
            }
            return OBJ_FALSE;
        }
        case BINARY_OP_EQUAL:
        case BINARY_OP_NOT_EQUAL: {
            if (!obj_is_type(rhs, &range_type)) {
                return OBJ_NULL;
            }
            bool eq = range_equal(r, OBJ_TO_PTR(rhs));
            return obj_bool(eq == (op == BINARY_OP_EQUAL));
        }
        default: return OBJ_NULL;
    }
}

static obj_t range_subscr(obj_t self, obj_t index, obj_t value) {
    if (value != OBJ_SENTINEL) {
        return OBJ_NULL;
    }
    const range_obj_t *r = OBJ_TO_PTR(self);
    size_t n = range_len(r);
    slice_bounds_t b;
    if (slice_get_indices(index, n, &b)) {
        /* as CPython: the slice's own bounds scaled onto the range */
        return range_new(r->start + b.start * r->step, r->start + b.stop * r->step, r->step * b.step);
    }
    if (obj_is_small_int(index) || obj_is_type(index, &bool_type)) {
        int_t i;
        obj_get_int_maybe(index, &i);
        if (i < 0) {
            i += (int_t)n;
        }
        if (i < 0 || (size_t)i >= n) {
            raise_msg(&type_IndexError, "range object index out of range");
        }
        return range_int(r->start + i * r->step);
    }
    if (obj_is_type(index, &int_type)) {
        raise_msg(&type_IndexError, "range object index out of range");
    }
    raise_fmt(&type_TypeError, "range indices must be integers or slices, not %s", rt_type_name(index));
}

static obj_t range_count_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new(range_binary_op(BINARY_OP_CONTAINS, args[0], args[1]) == OBJ_TRUE ? 1 : 0);
}
static DEFINE_FUN(range_count_obj, count, 2, 2, range_count_fun);

static obj_t range_index_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    const range_obj_t *r = OBJ_TO_PTR(args[0]);
    int_t v;
    if (obj_is_int(args[1]) || obj_is_type(args[1], &bool_type)) {
        if (!obj_is_type(args[1], &int_type) && obj_get_int_maybe(args[1], &v)) {
            int_t i = range_find(r, v);
            if (i >= 0) {
                return small_int_new(i);
            }
        }
    } else {
        obj_t it = range_getiter(args[0]);
        obj_t x;
        int_t i = 0;
        while ((x = range_iter_next(it)) != OBJ_NULL) {
            if (rt_equal(x, args[1])) {
                return small_int_new(i);
            }
            i++;
        }
    }
    rt_raise(exc_new_fmt(&type_ValueError, "%r is not in range", args[1]));
}
static DEFINE_FUN(range_index_obj, index, 2, 2, range_index_fun);

static void range_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    const range_obj_t *r = OBJ_TO_PTR(self);
    switch (attr) {
        case QSTR_start: dest[0] = range_int(r->start); break;
        case QSTR_stop: dest[0] = range_int(r->stop); break;
        case QSTR_step: dest[0] = range_int(r->step); break;
        case QSTR_count:
            dest[0] = OBJ_FROM_PTR(&range_count_obj);
            dest[1] = self;
            break;
        case QSTR_index:
            dest[0] = OBJ_FROM_PTR(&range_index_obj);
            dest[1] = self;
            break;
        default: break;
    }
}

const type_t range_type = {
    .base = {&type_type},
    .name = QSTR_range,
    .print = range_print,
    .make_new = range_make_new,
    .unary_op = range_unary_op,
    .binary_op = range_binary_op,
    .attr = range_attr,
    .subscr = range_subscr,
    .getiter = range_getiter,
    .getiter_buf = range_getiter_buf,
};
