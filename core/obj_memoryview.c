/* core/obj_memoryview.c: memoryview, a window onto another object's buffer without copying.
 * Holds the underlying object plus a byte offset and an item count; the buffer pointer is
 * fetched again on every access (a bytearray may have been resized and moved since), so a view
 * never dangles. Slices make new views of the same object; writes need a writable base. Also the
 * buffer rules shared with array and bytearray: item sizes, slice assignment values, `in`. */
#include "core/obj_str.h"

#include "core/runtime.h"

typedef struct {
    obj_base_t base;
    obj_t obj;       /* the exporter */
    size_t start;    /* byte offset into its buffer */
    size_t len;      /* items */
    uint8_t itemsize;
    char typecode;
    bool readonly;
} memview_obj_t;

size_t buffer_item_size(int typecode) {
    switch (typecode) {
        case 'h': case 'H': return 2;
        case 'i': case 'I': case 'l': case 'L': case 'f': case 'P': case 'S': return 4;
        case 'q': case 'Q': case 'd': return 8;
        case 'O': return sizeof(obj_t);
        default: return 1;
    }
}

void buffer_slice_source(obj_t value, size_t itemsize, bool objects, buffer_info_t *bi) {
    if (obj_is_str(value) || !rt_get_buffer(value, bi, BUFFER_READ)) {
        raise_msg(&type_NotImplementedError, "array/bytes required on right side");
    }
    if (buffer_item_size(bi->typecode) != itemsize || (bi->typecode == 'O') != objects) {
        raise_msg(&type_ValueError, "lhs and rhs should be compatible");
    }
}

void buffer_refuse_int_search(obj_t needle) {
    if (obj_is_int(needle)) {
        raise_msg(&type_NotImplementedError, "can't look for an int in an array, bytearray or memoryview");
    }
}

/* A str is viewed as its UTF-8 bytes, read-only, as MicroPython allows (CPython refuses it). */
obj_t memoryview_new(obj_t base) {
    buffer_info_t bi;
    rt_get_buffer_or_raise(base, &bi, BUFFER_READ);
    buffer_info_t wi;
    bool writable = !obj_is_str(base) && !obj_is_type(base, &bytes_type) && rt_get_buffer(base, &wi, BUFFER_WRITE);
    memview_obj_t *mv = NEW_OBJ(memview_obj_t);
    mv->base.type = &memoryview_type;
    if (obj_is_type(base, &memoryview_type)) {
        memview_obj_t *src = OBJ_TO_PTR(base);
        *mv = *src;
        return OBJ_FROM_PTR(mv);
    }
    mv->obj = base;
    mv->typecode = (char)(bi.typecode ? bi.typecode : 'B');
    mv->itemsize = (uint8_t)buffer_item_size(mv->typecode);
    mv->start = 0;
    mv->len = bi.len / mv->itemsize;
    mv->readonly = !writable;
    return OBJ_FROM_PTR(mv);
}

/* Current bytes of the view (clamped if the exporter shrank). */
static uint8_t *mv_data(memview_obj_t *mv, size_t *nbytes) {
    buffer_info_t bi;
    rt_get_buffer_or_raise(mv->obj, &bi, BUFFER_READ);
    size_t want = mv->len * mv->itemsize;
    size_t have = bi.len > mv->start ? bi.len - mv->start : 0;
    *nbytes = want < have ? want : have;
    return (uint8_t *)bi.buf + mv->start;
}

static obj_t mv_get_item(const uint8_t *p, char tc) {
    switch (tc) {
        case 'b':
            return small_int_new((int8_t)p[0]);
        case 'h': {
            int16_t v;
            memcpy(&v, p, 2);
            return small_int_new(v);
        }
        case 'H': {
            uint16_t v;
            memcpy(&v, p, 2);
            return small_int_new(v);
        }
        case 'i':
        case 'l': {
            int32_t v;
            memcpy(&v, p, 4);
            return small_int_new(v);
        }
        case 'I':
        case 'L': {
            uint32_t v;
            memcpy(&v, p, 4);
            return int_from_uint(v);
        }
        case 'q': {
            int64_t v;
            memcpy(&v, p, 8);
            return int_from_ll(v);
        }
        case 'Q': {
            uint64_t v;
            memcpy(&v, p, 8);
            return int_from_ull(v);
        }
        case 'O': { /* an object reference, checked: raw bytes may have been written there */
            obj_t v;
            memcpy(&v, p, sizeof(v));
            return obj_from_word(v);
        }
        default:
            return small_int_new(p[0]);
    }
}

static void mv_set_item(uint8_t *p, char tc, obj_t value) {
    if (tc == 'B') {
        *p = bytes_value_of(value);
        return;
    }
    if (tc == 'O') { /* the object itself, as array('O') stores it */
        memcpy(p, &value, sizeof(value));
        return;
    }
    long long v = obj_get_ll(value);
    switch (buffer_item_size(tc)) {
        case 1:
            *p = (uint8_t)v;
            break;
        case 2: {
            uint16_t x = (uint16_t)v;
            memcpy(p, &x, 2);
            break;
        }
        case 4: {
            uint32_t x = (uint32_t)v;
            memcpy(p, &x, 4);
            break;
        }
        default: {
            uint64_t x = (uint64_t)v;
            memcpy(p, &x, 8);
            break;
        }
    }
}

static obj_t mv_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 1, false);
    return memoryview_new(args[0]);
}

static void mv_print(const print_t *p, obj_t o, print_kind_t kind) {
    print_fmt(p, "<memory at %p>", (void *)o);
}

static obj_t mv_unary_op(unary_op_t op, obj_t o) {
    memview_obj_t *mv = OBJ_TO_PTR(o);
    switch (op) {
        case UNARY_OP_BOOL:
            return obj_bool(mv->len != 0);
        case UNARY_OP_LEN:
            return small_int_new((int_t)mv->len);
        default:
            return OBJ_NULL;
    }
}

static obj_t mv_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (op == BINARY_OP_CONTAINS) {
        buffer_refuse_int_search(rhs);
    }
    if (op != BINARY_OP_EQUAL && op != BINARY_OP_NOT_EQUAL) {
        return OBJ_NULL;
    }
    buffer_info_t bi;
    if (obj_is_str(rhs) || !rt_get_buffer(rhs, &bi, BUFFER_READ)) {
        return op == BINARY_OP_EQUAL ? OBJ_FALSE : OBJ_TRUE;
    }
    size_t n;
    const uint8_t *d = mv_data(OBJ_TO_PTR(lhs), &n);
    bool eq = n == bi.len && memcmp(d, bi.buf, n) == 0;
    return obj_bool(eq == (op == BINARY_OP_EQUAL));
}

static size_t mv_index(memview_obj_t *mv, obj_t index) {
    int_t i = obj_get_int(index);
    if (i < 0) {
        i += (int_t)mv->len;
    }
    if (i < 0 || i >= (int_t)mv->len) {
        raise_msg(&type_IndexError, "memoryview index out of range");
    }
    return (size_t)i;
}

static obj_t mv_subscr(obj_t self, obj_t index, obj_t value) {
    memview_obj_t *mv = OBJ_TO_PTR(self);
    if (value == OBJ_NULL) {
        raise_msg(&type_TypeError, "cannot delete memory");
    }
    if (value != OBJ_SENTINEL && mv->readonly) {
        raise_msg(&type_TypeError, "cannot modify read-only memory");
    }
    size_t nbytes;
    uint8_t *d = mv_data(mv, &nbytes);
    if (obj_is_type(index, &slice_type)) {
        slice_bounds_t s;
        slice_get_unit_indices(index, mv->len, &s);
        size_t n = s.stop > s.start ? (size_t)(s.stop - s.start) : 0;
        if (value == OBJ_SENTINEL) {
            memview_obj_t *r = NEW_OBJ(memview_obj_t);
            *r = *mv;
            r->start = mv->start + (size_t)s.start * mv->itemsize;
            r->len = n;
            return OBJ_FROM_PTR(r);
        }
        buffer_info_t bi;
        rt_get_buffer_or_raise(value, &bi, BUFFER_READ);
        if (bi.len != n * mv->itemsize) {
            raise_msg(&type_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        }
        if (nbytes >= (size_t)s.start * mv->itemsize + bi.len) {
            memmove(d + (size_t)s.start * mv->itemsize, bi.buf, bi.len);
        }
        return OBJ_NONE;
    }
    if (!obj_is_int(index) && !obj_is_type(index, &bool_type)) {
        raise_fmt(&type_TypeError, "memoryview: invalid slice key");
    }
    size_t i = mv_index(mv, index);
    if ((i + 1) * mv->itemsize > nbytes) {
        raise_msg(&type_IndexError, "memoryview index out of range");
    }
    if (value == OBJ_SENTINEL) {
        return mv_get_item(d + i * mv->itemsize, mv->typecode);
    }
    mv_set_item(d + i * mv->itemsize, mv->typecode, value);
    return OBJ_NONE;
}

static bool mv_buffer(obj_t self, buffer_info_t *info, int flags) {
    memview_obj_t *mv = OBJ_TO_PTR(self);
    if ((flags & BUFFER_WRITE) && mv->readonly) {
        return false;
    }
    size_t n;
    info->buf = mv_data(mv, &n);
    info->len = n;
    info->typecode = mv->typecode;
    return true;
}

typedef struct {
    obj_base_t base;
    obj_t mv;
    size_t pos;
} mv_iter_obj_t;

static obj_t mv_iter_next(obj_t self) {
    mv_iter_obj_t *it = OBJ_TO_PTR(self);
    memview_obj_t *mv = OBJ_TO_PTR(it->mv);
    size_t n;
    const uint8_t *d = mv_data(mv, &n);
    if ((it->pos + 1) * mv->itemsize > n) {
        return OBJ_NULL;
    }
    return mv_get_item(d + mv->itemsize * it->pos++, mv->typecode);
}

static const type_t mv_iterator_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_iterator,
    .getiter = rt_identity_getiter,
    .iternext = mv_iter_next,
};

static obj_t mv_iter_init(mv_iter_obj_t *it, obj_t self) {
    memset(it, 0, sizeof(*it));
    it->base.type = &mv_iterator_type;
    it->mv = self;
    return OBJ_FROM_PTR(it);
}

static obj_t mv_getiter(obj_t self) { return mv_iter_init(NEW_OBJ(mv_iter_obj_t), self); }

_Static_assert(sizeof(mv_iter_obj_t) <= sizeof(iter_buf_t), "memoryview iterator fits an iter_buf_t");
static obj_t mv_getiter_buf(obj_t self, iter_buf_t *buf) { return mv_iter_init((mv_iter_obj_t *)buf, self); }

static void mv_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return; /* no stores */
    }
    memview_obj_t *mv = OBJ_TO_PTR(self);
    switch (attr) {
        case QSTR_readonly:
            dest[0] = obj_bool(mv->readonly);
            break;
        case QSTR_nbytes:
            dest[0] = small_int_new((int_t)(mv->len * mv->itemsize));
            break;
        case QSTR_itemsize:
            dest[0] = small_int_new(mv->itemsize);
            break;
        case QSTR_obj:
            dest[0] = mv->obj;
            break;
        default:
            break;
    }
}

static obj_t mv_tobytes(size_t n_args, size_t n_kw, const obj_t *args) {
    size_t n;
    const uint8_t *d = mv_data(OBJ_TO_PTR(args[0]), &n);
    return bytes_new((const char *)d, n);
}
static DEFINE_FUN(mv_tobytes_obj, tobytes, 1, 1, mv_tobytes);

static obj_t mv_tolist(size_t n_args, size_t n_kw, const obj_t *args) {
    memview_obj_t *mv = OBJ_TO_PTR(args[0]);
    size_t n;
    const uint8_t *d = mv_data(mv, &n);
    obj_t l = list_new(0, NULL);
    for (size_t i = 0; (i + 1) * mv->itemsize <= n; i++) {
        list_append(l, mv_get_item(d + i * mv->itemsize, mv->typecode));
    }
    return l;
}
static DEFINE_FUN(mv_tolist_obj, tolist, 1, 1, mv_tolist);

static obj_t mv_release(size_t n_args, size_t n_kw, const obj_t *args) { return OBJ_NONE; }
static DEFINE_FUN(mv_release_obj, release, 1, 1, mv_release);

static const map_elem_t mv_locals_table[] = {
    {ROM_QSTR(QSTR_tobytes), ROM_PTR(&mv_tobytes_obj)},
    {ROM_QSTR(QSTR_tolist), ROM_PTR(&mv_tolist_obj)},
    {ROM_QSTR(QSTR_release), ROM_PTR(&mv_release_obj)},
    {ROM_QSTR(QSTR_hex), ROM_PTR(&bytes_hex_obj)},
};
static DEFINE_CONST_DICT(mv_locals_dict, mv_locals_table);

const type_t memoryview_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_SLICE_ON_STACK,
    .name = QSTR_memoryview,
    .print = mv_print,
    .make_new = mv_make_new,
    .unary_op = mv_unary_op,
    .binary_op = mv_binary_op,
    .attr = mv_attr,
    .subscr = mv_subscr,
    .getiter = mv_getiter,
    .getiter_buf = mv_getiter_buf,
    .buffer = mv_buffer,
    .locals_dict = &mv_locals_dict,
};
