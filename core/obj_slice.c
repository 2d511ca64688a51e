/* core/obj_slice.c: slice objects (slice_type) and slice_get_indices, the one place that turns a
 * slice + sequence length into clamped (start, stop, step) exactly as CPython's slice.indices.
 * Slices are unhashable, as in MicroPython (CPython hashes them from 3.12): `{}[:] = x` is a
 * TypeError, while OrderedDict, which finds keys by == alone, takes a slice key. Also as in
 * MicroPython: only lists and ranges are read with a step; slice_get_unit_indices refuses others.
 * Invariant: after slice_get_indices, step != 0 and every index the slice visits is in [0, len). */
#include "core/obj.h"
#include "core/obj_int.h"
#include "core/obj_list.h"
#include "core/runtime.h"

obj_t slice_new(obj_t start, obj_t stop, obj_t step) {
    slice_obj_t *s = NEW_OBJ(slice_obj_t);
    s->base.type = &slice_type;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return OBJ_FROM_PTR(s);
}

/* An index value of a slice bound, clamped into [-(len+1), len+1] so huge ints behave. */
static int_t slice_index_value(obj_t o, int_t len) {
    int_t v;
    if (obj_is_small_int(o)) {
        v = small_int_value(o);
    } else if (obj_is_type(o, &int_type)) {
        return int_sign(o) < 0 ? -len - 1 : len + 1;
    } else if (!obj_get_int_maybe(o, &v)) {
        raise_msg(&type_TypeError, "slice indices must be integers or None or have an __index__ method");
    }
    if (v > len + 1) {
        v = len + 1;
    } else if (v < -len - 1) {
        v = -len - 1;
    }
    return v;
}

static int_t slice_clamp(obj_t o, int_t len, int_t lower, int_t upper, int_t dflt) {
    if (o == OBJ_NONE) {
        return dflt;
    }
    int_t v = slice_index_value(o, len);
    if (v < 0) {
        v += len;
        if (v < lower) {
            v = lower;
        }
    } else if (v > upper) {
        v = upper;
    }
    return v;
}

bool slice_get_indices(obj_t o, size_t ulen, slice_bounds_t *out) {
    if (!obj_is_type(o, &slice_type)) {
        return false;
    }
    const slice_obj_t *s = OBJ_TO_PTR(o);
    int_t len = (int_t)ulen;
    int_t step = 1;
    if (s->step != OBJ_NONE) {
        if (obj_is_small_int(s->step)) {
            step = small_int_value(s->step);
        } else if (obj_is_type(s->step, &int_type)) {
            step = int_sign(s->step) < 0 ? -SMALL_INT_MAX : SMALL_INT_MAX;
        } else if (!obj_get_int_maybe(s->step, &step)) {
            raise_msg(&type_TypeError, "slice indices must be integers or None or have an __index__ method");
        }
        if (step == 0) {
            raise_msg(&type_ValueError, "slice step cannot be zero");
        }
    }
    int_t lower, upper;
    if (step < 0) {
        lower = -1;
        upper = len - 1;
    } else {
        lower = 0;
        upper = len;
    }
    out->step = step;
    out->start = slice_clamp(s->start, len, lower, upper, step < 0 ? upper : lower);
    out->stop = slice_clamp(s->stop, len, lower, upper, step < 0 ? lower : upper);
    return true;
}

bool slice_get_unit_indices(obj_t o, size_t len, slice_bounds_t *out) {
    if (!slice_get_indices(o, len, out)) {
        return false;
    }
    if (out->step != 1) {
        raise_msg(&type_NotImplementedError, "only slices with step=1 (aka None) are supported");
    }
    return true;
}

size_t slice_bounds_count(const slice_bounds_t *b) {
    if (b->step > 0) {
        return b->stop > b->start ? (size_t)((b->stop - b->start - 1) / b->step + 1) : 0;
    }
    return b->start > b->stop ? (size_t)((b->start - b->stop - 1) / (-b->step) + 1) : 0;
}

static obj_t slice_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 3, false);
    if (n_args == 1) {
        return slice_new(OBJ_NONE, args[0], OBJ_NONE);
    }
    return slice_new(args[0], args[1], n_args == 3 ? args[2] : OBJ_NONE);
}

static void slice_print(const print_t *p, obj_t o, print_kind_t kind) {
    const slice_obj_t *s = OBJ_TO_PTR(o);
    print_str(p, "slice(");
    obj_print(p, s->start, PRINT_REPR);
    print_str(p, ", ");
    obj_print(p, s->stop, PRINT_REPR);
    print_str(p, ", ");
    obj_print(p, s->step, PRINT_REPR);
    print_str(p, ")");
}

static obj_t slice_indices(obj_t self, obj_t len_obj) {
    int_t len = obj_get_int(len_obj);
    if (len < 0) {
        raise_msg(&type_ValueError, "length should not be negative");
    }
    slice_bounds_t b;
    slice_get_indices(self, (size_t)len, &b);
    obj_t items[3] = {small_int_new(b.start), small_int_new(b.stop), small_int_new(b.step)};
    return tuple_new(3, items);
}
static obj_t slice_indices_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return slice_indices(args[0], args[1]);
}
static DEFINE_FUN(slice_indices_obj, indices, 2, 2, slice_indices_fun);

static void slice_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return; /* read-only */
    }
    const slice_obj_t *s = OBJ_TO_PTR(self);
    switch (attr) {
        case QSTR_start: dest[0] = s->start; break;
        case QSTR_stop: dest[0] = s->stop; break;
        case QSTR_step: dest[0] = s->step; break;
        case QSTR_indices:
            dest[0] = OBJ_FROM_PTR(&slice_indices_obj);
            dest[1] = self;
            break;
        default: break;
    }
}

static obj_t slice_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (!obj_is_type(rhs, &slice_type)) {
        return OBJ_NULL;
    }
    const slice_obj_t *a = OBJ_TO_PTR(lhs), *b = OBJ_TO_PTR(rhs);
    obj_t ta[3] = {a->start, a->stop, a->step}, tb[3] = {b->start, b->stop, b->step};
    if (op >= BINARY_OP_LESS && op <= BINARY_OP_NOT_EQUAL) {
        obj_t *pa = ta, *pb = tb;
        const size_t three = 3;
        return obj_bool(seq_compare(op, &pa, &three, &pb, &three));
    }
    return OBJ_NULL;
}

const type_t slice_type = {
    .base = {&type_type},
    .name = QSTR_slice,
    .print = slice_print,
    .make_new = slice_make_new,
    .binary_op = slice_binary_op,
    .attr = slice_attr,
};
