/* modules/mod_array.c: array.array with typecodes b B h H i I l L q Q, MicroPython's O (objects)
 * and P/S (pointers, unsigned words), and f/d (sized, but no element access without floats):
 * construction from an iterable, a buffer or another array (converting each element), indexing,
 * slicing (a copy), item and slice assignment, append, extend, len, iteration, comparisons,
 * tobytes, the buffer protocol. Items are stored packed, little endian as on the board; l/L, P
 * and S are 4 bytes (the WiPy's C long and pointer); an 'O' array's items are obj_t words. An int
 * out of a typecode's range is stored truncated to its low bits, as MicroPython 1.x does. */
#include "core/obj.h"
#include "core/obj_int.h"
#include "core/obj_type.h"
#include "core/runtime.h"

typedef struct {
    obj_base_t base;
    char typecode;
    uint8_t itemsize;
    size_t len;   /* items */
    size_t alloc; /* items */
    uint8_t *items;
} array_obj_t;

extern const type_t array_type;

#define ARRAY_BAD_TYPECODE "bad typecode (must be b, B, h, H, i, I, l, L, q, Q, O, P, S, f or d)"

static size_t typecode_size(char tc) {
    if (tc == 0 || strchr("bBhHiIlLqQOPSfd", tc) == NULL) {
        raise_msg(&type_ValueError, ARRAY_BAD_TYPECODE);
    }
    return buffer_item_size(tc);
}

static NORETURN void array_no_float(void) {
    raise_msg(&type_TypeError, "no floating point: 'f' and 'd' arrays hold no accessible items");
}

static obj_t array_get(const array_obj_t *a, size_t i) {
    const uint8_t *p = a->items + i * a->itemsize;
    switch (a->typecode) {
        case 'b': return small_int_new(*(const int8_t *)p);
        case 'B': return small_int_new(*p);
        case 'h': { int16_t v; memcpy(&v, p, 2); return small_int_new(v); }
        case 'H': { uint16_t v; memcpy(&v, p, 2); return small_int_new(v); }
        case 'i': case 'l': { int32_t v; memcpy(&v, p, 4); return small_int_new(v); }
        case 'I': case 'L': case 'P': case 'S': { uint32_t v; memcpy(&v, p, 4); return int_from_uint(v); }
        case 'q': { int64_t v; memcpy(&v, p, 8); return int_from_ll(v); }
        case 'O': { obj_t v; memcpy(&v, p, sizeof(v)); return obj_from_word(v); }
        case 'f': case 'd': array_no_float();
        default: { uint64_t v; memcpy(&v, p, 8); return int_from_ull(v); }
    }
}

static void array_set(array_obj_t *a, size_t i, obj_t v) {
    uint8_t *p = a->items + i * a->itemsize;
    if (a->typecode == 'O') {
        memcpy(p, &v, sizeof(v));
        return;
    }
    if (a->typecode == 'f' || a->typecode == 'd') {
        array_no_float();
    }
    if (!obj_is_int(v) && !obj_is_type(v, &bool_type)) {
        raise_fmt(&type_TypeError, "can't convert %s to int", rt_type_name(v));
    }
    /* MicroPython 1.x: an int out of the typecode's range is truncated to its low bits */
    uint64_t u = obj_get_ull_trunc(v);
    for (size_t k = 0; k < a->itemsize; k++) {
        p[k] = (uint8_t)(u >> (8 * k));
    }
}

static void array_reserve(array_obj_t *a, size_t n) {
    if (n > a->alloc) {
        size_t na = a->alloc ? a->alloc * 2 : 8;
        while (na < n) {
            na *= 2;
        }
        a->items = gc_realloc(a->items, na * a->itemsize);
        a->alloc = na;
    }
}

static array_obj_t *array_alloc(char tc, size_t n) {
    array_obj_t *a = NEW_OBJ(array_obj_t);
    a->base.type = &array_type;
    a->typecode = tc;
    a->itemsize = (uint8_t)typecode_size(tc);
    a->items = gc_alloc((n ? n : 1) * a->itemsize, false);
    a->alloc = n ? n : 1;
    return a;
}

static void array_append_value(array_obj_t *a, obj_t v) {
    array_reserve(a, a->len + 1);
    a->len++;
    array_set(a, a->len - 1, v);
}

static void array_extend_from(array_obj_t *a, obj_t src) {
    if (obj_is_type(src, &array_type)) {
        array_obj_t *b = OBJ_TO_PTR(src);
        if (b->typecode != a->typecode) {
            raise_msg(&type_TypeError, "arrays must have the same typecode");
        }
        size_t n = b->len;
        array_reserve(a, a->len + n);
        memmove(a->items + a->len * a->itemsize, b->items, n * a->itemsize);
        a->len += n;
        return;
    }
    obj_t it = rt_getiter(src);
    obj_t v;
    while ((v = rt_iternext(it)) != OBJ_NULL) {
        array_append_value(a, v);
    }
}

static obj_t array_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 2, false);
    size_t tl;
    const char *tc = str_get_data(args[0], &tl);
    if (tl != 1) {
        raise_msg(&type_ValueError, ARRAY_BAD_TYPECODE);
    }
    array_obj_t *a = array_alloc(tc[0], 0);
    if (n_args == 2 && obj_is_type(args[1], &array_type) && ((array_obj_t *)OBJ_TO_PTR(args[1]))->typecode != tc[0]) {
        /* from an array of another typecode: element by element, converted */
        obj_t it = rt_getiter(args[1]);
        obj_t v;
        while ((v = rt_iternext(it)) != OBJ_NULL) {
            array_append_value(a, v);
        }
    } else if (n_args == 2) {
        buffer_info_t b;
        if (!obj_is_str(args[1]) && !obj_is_type(args[1], &array_type) && !obj_is_type(args[1], &list_type) &&
            !obj_is_type(args[1], &tuple_type) && rt_get_buffer(args[1], &b, BUFFER_READ)) {
            if (b.len % a->itemsize != 0) {
                raise_msg(&type_ValueError, "bytes length not a multiple of item size");
            }
            size_t n = b.len / a->itemsize;
            array_reserve(a, n);
            memcpy(a->items, b.buf, b.len);
            a->len = n;
        } else {
            array_extend_from(a, args[1]);
        }
    }
    return OBJ_FROM_PTR(a);
}

static obj_t array_append(size_t n_args, size_t n_kw, const obj_t *args) {
    array_append_value(obj_check_self(args[0], &array_type), args[1]);
    return OBJ_NONE;
}
DEFINE_FUN(array_append_obj, append, 2, 2, array_append);

static obj_t array_extend(size_t n_args, size_t n_kw, const obj_t *args) {
    array_extend_from(obj_check_self(args[0], &array_type), args[1]);
    return OBJ_NONE;
}
DEFINE_FUN(array_extend_obj, extend, 2, 2, array_extend);

static obj_t array_tobytes(size_t n_args, size_t n_kw, const obj_t *args) {
    array_obj_t *a = obj_check_self(args[0], &array_type);
    return bytes_new((const char *)a->items, a->len * a->itemsize);
}
DEFINE_FUN(array_tobytes_obj, tobytes, 1, 1, array_tobytes);

static size_t array_index(array_obj_t *a, obj_t index) {
    int_t i = obj_get_int(index);
    if (i < 0) {
        i += (int_t)a->len;
    }
    if (i < 0 || (size_t)i >= a->len) {
        raise_msg(&type_IndexError, "array index out of range");
    }
    return (size_t)i;
}

static obj_t array_subscr(obj_t self, obj_t index, obj_t value) {
    array_obj_t *a = OBJ_TO_PTR(self);
    slice_bounds_t sb;
    if (slice_get_unit_indices(index, a->len, &sb)) {
        size_t start = (size_t)sb.start, stop = sb.stop > sb.start ? (size_t)sb.stop : start;
        if (value == OBJ_SENTINEL) {
            array_obj_t *r = array_alloc(a->typecode, stop - start);
            memcpy(r->items, a->items + start * a->itemsize, (stop - start) * a->itemsize);
            r->len = stop - start;
            return OBJ_FROM_PTR(r);
        }
        if (value == OBJ_NULL) {
            raise_msg(&type_TypeError, "'array' object doesn't support item deletion");
        }
        /* a[i:j] = array or bytes of any length: rebuild the tail */
        buffer_info_t bi;
        buffer_slice_source(value, a->itemsize, a->typecode == 'O', &bi);
        size_t n = bi.len / a->itemsize, old = stop - start, sz = a->itemsize;
        uint8_t *tail = a->items + stop * sz;
        if (n <= old) { /* the new items first (wherever the source is, they fit what they replace) */
            memmove(a->items + start * sz, bi.buf, n * sz);
            memmove(a->items + (start + n) * sz, tail, (a->len - stop) * sz);
        } else { /* growing may move the items, and the source may be this array: copy it first */
            uint8_t *copy = gc_alloc(n * sz, false);
            memcpy(copy, bi.buf, n * sz);
            array_reserve(a, a->len + n - old);
            memmove(a->items + (start + n) * sz, a->items + stop * sz, (a->len - stop) * sz);
            memcpy(a->items + start * sz, copy, n * sz);
            gc_free(copy);
        }
        a->len = a->len + n - old;
        return OBJ_NONE;
    }
    if (value == OBJ_SENTINEL) {
        return array_get(a, array_index(a, index));
    }
    if (value == OBJ_NULL) {
        raise_msg(&type_TypeError, "'array' object doesn't support item deletion");
    }
    array_set(a, array_index(a, index), value);
    return OBJ_NONE;
}

static obj_t array_unary_op(unary_op_t op, obj_t self) {
    array_obj_t *a = OBJ_TO_PTR(self);
    switch (op) {
        case UNARY_OP_LEN: return small_int_new((int_t)a->len);
        case UNARY_OP_BOOL: return obj_bool(a->len != 0);
        default: return OBJ_NULL;
    }
}

/* The array behind an operand: itself or the native part of an instance of a user subclass. */
static array_obj_t *array_operand(obj_t o) {
    if (obj_is_type(o, &array_type)) {
        return OBJ_TO_PTR(o);
    }
    if (obj_is_ptr(o) && (obj_type(o)->flags & TYPE_FLAG_USER_CLASS)) {
        obj_t sub = instance_get_subobj(o);
        if (sub != OBJ_NULL && obj_is_type(sub, &array_type)) {
            return OBJ_TO_PTR(sub);
        }
    }
    return NULL;
}

/* Two arrays compare when their typecodes are the same up to signedness and not f/d, as in
 * MicroPython (NotImplementedError otherwise); items compare by value, lexicographically. An
 * array is never equal to anything else (bytes included). */
static obj_t array_compare(binary_op_t op, array_obj_t *a, obj_t rhs) {
    array_obj_t *b = array_operand(rhs);
    if (b == NULL) {
        if (op == BINARY_OP_EQUAL) {
            return OBJ_FALSE;
        }
        return op == BINARY_OP_NOT_EQUAL ? OBJ_TRUE : OBJ_NULL;
    }
    char ca = a->typecode, cb = b->typecode;
    ca = ca >= 'A' && ca <= 'Z' && ca != 'O' && ca != 'P' && ca != 'S' ? (char)(ca + 32) : ca;
    cb = cb >= 'A' && cb <= 'Z' && cb != 'O' && cb != 'P' && cb != 'S' ? (char)(cb + 32) : cb;
    if (ca != cb || ca == 'f' || ca == 'd') {
        raise_msg(&type_NotImplementedError, "");
    }
    size_t n = a->len < b->len ? a->len : b->len;
    for (size_t i = 0; i < n; i++) {
        obj_t x = array_get(a, i), y = array_get(b, i);
        if (!rt_equal(x, y)) {
            if (op == BINARY_OP_EQUAL || op == BINARY_OP_NOT_EQUAL) {
                return obj_bool(op == BINARY_OP_NOT_EQUAL);
            }
            return rt_binary_op(op, x, y);
        }
    }
    switch (op) {
        case BINARY_OP_EQUAL: return obj_bool(a->len == b->len);
        case BINARY_OP_NOT_EQUAL: return obj_bool(a->len != b->len);
        case BINARY_OP_LESS: return obj_bool(a->len < b->len);
        case BINARY_OP_LESS_EQUAL: return obj_bool(a->len <= b->len);
        case BINARY_OP_MORE: return obj_bool(a->len > b->len);
        default: return obj_bool(a->len >= b->len);
    }
}

static obj_t array_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    array_obj_t *a = OBJ_TO_PTR(lhs);
    switch (op) {
        case BINARY_OP_EQUAL:
        case BINARY_OP_NOT_EQUAL:
        case BINARY_OP_LESS:
        case BINARY_OP_LESS_EQUAL:
        case BINARY_OP_MORE:
        case BINARY_OP_MORE_EQUAL:
            return array_compare(op, a, rhs);
        case BINARY_OP_ADD: {
            if (!obj_is_type(rhs, &array_type)) {
                return OBJ_NULL;
            }
            array_obj_t *r = array_alloc(a->typecode, a->len);
            memcpy(r->items, a->items, a->len * a->itemsize);
            r->len = a->len;
            array_extend_from(r, rhs);
            return OBJ_FROM_PTR(r);
        }
        case BINARY_OP_INPLACE_ADD:
            array_extend_from(a, rhs);
            return lhs;
        case BINARY_OP_CONTAINS:
            buffer_refuse_int_search(rhs);
            for (size_t i = 0; i < a->len; i++) {
                if (rt_equal(array_get(a, i), rhs)) {
                    return OBJ_TRUE;
                }
            }
            return OBJ_FALSE;
        default:
            return OBJ_NULL;
    }
}

typedef struct {
    obj_base_t base;
    obj_t array;
    size_t i;
} array_it_obj_t;

static obj_t array_it_next(obj_t self) {
    array_it_obj_t *it = OBJ_TO_PTR(self);
    array_obj_t *a = OBJ_TO_PTR(it->array);
    if (it->i >= a->len) {
        return OBJ_NULL;
    }
    return array_get(a, it->i++);
}

static const type_t array_it_type = {.base = {&type_type}, .flags = TYPE_FLAG_ITER_IS_SELF, .name = QSTR_iterator,
    .getiter = rt_identity_getiter, .iternext = array_it_next};

static obj_t array_it_init(array_it_obj_t *it, obj_t self) {
    it->base.type = &array_it_type;
    it->array = self;
    it->i = 0;
    return OBJ_FROM_PTR(it);
}

static obj_t array_getiter(obj_t self) { return array_it_init(NEW_OBJ(array_it_obj_t), self); }

/* a for loop's iterator, in its stack slots: iterating never allocates */
_Static_assert(sizeof(array_it_obj_t) <= sizeof(iter_buf_t), "array iterator fits an iter_buf_t");
static obj_t array_getiter_buf(obj_t self, iter_buf_t *buf) { return array_it_init((array_it_obj_t *)buf, self); }

static bool array_buffer(obj_t self, buffer_info_t *info, int flags) {
    array_obj_t *a = OBJ_TO_PTR(self);
    info->buf = a->items;
    info->len = a->len * a->itemsize;
    info->typecode = a->typecode;
    return true;
}

static void array_print(const print_t *p, obj_t self, print_kind_t kind) {
    array_obj_t *a = OBJ_TO_PTR(self);
    print_fmt(p, "array('%c'", a->typecode);
    if (a->len > 0) {
        print_str(p, ", [");
        for (size_t i = 0; i < a->len; i++) {
            if (i > 0) {
                print_str(p, ", ");
            }
            obj_print(p, array_get(a, i), PRINT_REPR);
        }
        print_str(p, "]");
    }
    print_str(p, ")");
}

static const map_elem_t array_locals_table[] = {
    {ROM_QSTR(QSTR_append), ROM_PTR(&array_append_obj)},
    {ROM_QSTR(QSTR_extend), ROM_PTR(&array_extend_obj)},
    {ROM_QSTR(QSTR_tobytes), ROM_PTR(&array_tobytes_obj)},
};
static DEFINE_CONST_DICT(array_locals_dict, array_locals_table);

const type_t array_type = {.base = {&type_type}, .flags = TYPE_FLAG_SLICE_ON_STACK, .name = QSTR_array, .print = array_print, .make_new = array_make_new,
    .unary_op = array_unary_op, .binary_op = array_binary_op, .subscr = array_subscr, .getiter = array_getiter,
    .getiter_buf = array_getiter_buf, .buffer = array_buffer, .locals_dict = &array_locals_dict};

static const map_elem_t array_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_array)},
    {ROM_QSTR(QSTR_array), ROM_PTR(&array_type)},
};
static DEFINE_CONST_DICT(array_globals, array_globals_table);
const module_obj_t array_module = {{&module_type}, &array_globals};
REGISTER_MODULE(QSTR_array, array_module);
