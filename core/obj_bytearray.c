/* core/obj_bytearray.c: bytearray, the mutable byte sequence: growable items[] on the GC heap,
 * every bytes method (shared with obj_str.c), list-like mutation and slice assignment, and a
 * writable buffer. Invariant: len <= alloc and items is a GC block of at least alloc bytes;
 * views (memoryview) re-fetch items on each access since a resize may move it. */
#include "core/obj_str.h"

#include "core/gc.h"
#include "core/runtime.h"

static bytearray_obj_t *ba_alloc(size_t alloc) {
    bytearray_obj_t *b = NEW_OBJ(bytearray_obj_t);
    b->base.type = &bytearray_type;
    b->alloc = alloc;
    b->len = 0;
    b->items = gc_alloc(alloc ? alloc : 1, false);
    return b;
}

obj_t bytearray_new(const char *data, size_t len) {
    bytearray_obj_t *b = ba_alloc(len);
    if (len) {
        memcpy(b->items, data, len);
    }
    b->len = len;
    return OBJ_FROM_PTR(b);
}

obj_t bytearray_new_from_vstr(vstr_t *v) {
    if (v->fixed || v->buf == NULL) {
        obj_t r = bytearray_new(v->buf, v->len);
        vstr_clear(v);
        return r;
    }
    bytearray_obj_t *b = NEW_OBJ(bytearray_obj_t);
    b->base.type = &bytearray_type;
    b->alloc = v->len; /* the capacity asked for: growing past it is an allocation (heap_lock) */
    b->len = v->len;
    b->items = (uint8_t *)v->buf;
    v->buf = NULL;
    v->alloc = v->len = 0;
    return OBJ_FROM_PTR(b);
}

static bytearray_obj_t *ba_self(obj_t o) {
    if (!obj_is_type(o, &bytearray_type)) {
        raise_fmt(&type_TypeError, "descriptor requires a 'bytearray' object but received a '%s'", rt_type_name(o));
    }
    return OBJ_TO_PTR(o);
}

static void ba_reserve(bytearray_obj_t *b, size_t extra) {
    if (b->len + extra <= b->alloc) {
        return;
    }
    size_t want = b->alloc * 2;
    if (want < b->len + extra) {
        want = b->len + extra;
    }
    if (want < 8) {
        want = 8;
    }
    b->items = gc_realloc(b->items, want);
    b->alloc = want;
}

static void ba_check_len(const bytearray_obj_t *b, size_t len0) {
    if (b->len != len0) {
        raise_msg(&type_RuntimeError, "bytearray changed size during slice");
    }
}

/* Replaces items[start, start+old_n) by new_n bytes from src (src may alias items). */
static void ba_splice(bytearray_obj_t *b, size_t start, size_t old_n, const uint8_t *src, size_t new_n) {
    if (new_n <= old_n) {
        /* nothing moves the block: the new bytes first (src may be anywhere in items, but what
         * this writes is within what it replaces), then the tail; no allocation at all */
        if (new_n > 0) {
            memmove(b->items + start, src, new_n);
        }
        memmove(b->items + start + new_n, b->items + start + old_n, b->len - start - old_n);
        b->len = b->len + new_n - old_n;
        return;
    }
    /* copy the source first: it may be this very bytearray, which growing may move */
    uint8_t tmp[64];
    uint8_t *copy = new_n <= sizeof(tmp) ? tmp : gc_alloc(new_n, false);
    if (new_n) {
        memcpy(copy, src, new_n);
    }
    if (new_n > old_n) {
        ba_reserve(b, new_n - old_n);
    }
    memmove(b->items + start + new_n, b->items + start + old_n, b->len - start - old_n);
    memcpy(b->items + start, copy, new_n);
    b->len = b->len + new_n - old_n;
    if (copy != tmp) {
        gc_free(copy);
    }
}

static void ba_extend_from(bytearray_obj_t *b, obj_t src) {
    buffer_info_t bi;
    if (!obj_is_str(src) && rt_get_buffer(src, &bi, BUFFER_READ)) {
        ba_splice(b, b->len, 0, bi.buf, bi.len);
        return;
    }
    if (obj_is_str(src) || obj_is_int(src)) {
        raise_fmt(&type_TypeError, "can't extend bytearray with %s", rt_type_name(src));
    }
    vstr_t v;
    vstr_init(&v, 16);
    bytes_collect(src, &v);
    ba_splice(b, b->len, 0, (const uint8_t *)v.buf, v.len);
    vstr_clear(&v);
}

/* ---- methods ---- */

static obj_t ba_append(size_t n_args, size_t n_kw, const obj_t *args) {
    bytearray_obj_t *b = ba_self(args[0]);
    uint8_t v = bytes_value_of(args[1]);
    ba_reserve(b, 1);
    b->items[b->len++] = v;
    return OBJ_NONE;
}
static DEFINE_FUN(ba_append_obj, append, 2, 2, ba_append);

static obj_t ba_extend(size_t n_args, size_t n_kw, const obj_t *args) {
    ba_extend_from(ba_self(args[0]), args[1]);
    return OBJ_NONE;
}
static DEFINE_FUN(ba_extend_obj, extend, 2, 2, ba_extend);

static obj_t ba_insert(size_t n_args, size_t n_kw, const obj_t *args) {
    bytearray_obj_t *b = ba_self(args[0]);
    int_t i = obj_get_int(args[1]);
    uint8_t v = bytes_value_of(args[2]);
    if (i < 0) {
        i += (int_t)b->len;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > (int_t)b->len) {
        i = (int_t)b->len;
    }
    ba_splice(b, (size_t)i, 0, &v, 1);
    return OBJ_NONE;
}
static DEFINE_FUN(ba_insert_obj, insert, 3, 3, ba_insert);

static obj_t ba_pop(size_t n_args, size_t n_kw, const obj_t *args) {
    bytearray_obj_t *b = ba_self(args[0]);
    if (b->len == 0) {
        raise_msg(&type_IndexError, "pop from empty bytearray");
    }
    int_t i = n_args > 1 ? obj_get_int(args[1]) : -1;
    if (i < 0) {
        i += (int_t)b->len;
    }
    if (i < 0 || i >= (int_t)b->len) {
        raise_msg(&type_IndexError, "pop index out of range");
    }
    uint8_t v = b->items[i];
    ba_splice(b, (size_t)i, 1, NULL, 0);
    return small_int_new(v);
}
static DEFINE_FUN(ba_pop_obj, pop, 1, 2, ba_pop);

static obj_t ba_remove(size_t n_args, size_t n_kw, const obj_t *args) {
    bytearray_obj_t *b = ba_self(args[0]);
    uint8_t v = bytes_value_of(args[1]);
    uint8_t *p = memchr(b->items, v, b->len);
    if (p == NULL) {
        raise_msg(&type_ValueError, "value not found in bytearray");
    }
    ba_splice(b, (size_t)(p - b->items), 1, NULL, 0);
    return OBJ_NONE;
}
static DEFINE_FUN(ba_remove_obj, remove, 2, 2, ba_remove);

static obj_t ba_clear(size_t n_args, size_t n_kw, const obj_t *args) {
    ba_self(args[0])->len = 0;
    return OBJ_NONE;
}
static DEFINE_FUN(ba_clear_obj, clear, 1, 1, ba_clear);

static obj_t ba_copy(size_t n_args, size_t n_kw, const obj_t *args) {
    bytearray_obj_t *b = ba_self(args[0]);
    return bytearray_new((const char *)b->items, b->len);
}
static DEFINE_FUN(ba_copy_obj, copy, 1, 1, ba_copy);

static obj_t ba_reverse(size_t n_args, size_t n_kw, const obj_t *args) {
    bytearray_obj_t *b = ba_self(args[0]);
    for (size_t i = 0, j = b->len; i + 1 < j; i++, j--) {
        uint8_t t = b->items[i];
        b->items[i] = b->items[j - 1];
        b->items[j - 1] = t;
    }
    return OBJ_NONE;
}
static DEFINE_FUN(ba_reverse_obj, reverse, 1, 1, ba_reverse);

/* ---- slots ---- */

static void ba_print(const print_t *p, obj_t o, print_kind_t kind) {
    bytearray_obj_t *b = OBJ_TO_PTR(o);
    print_str(p, "bytearray(");
    str_print_quoted(p, b->items, b->len, true);
    print_str(p, ")");
}

static obj_t ba_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    vstr_t v;
    vstr_init(&v, 16);
    bytes_make_vstr("bytearray", n_args, n_kw, args, &v);
    return bytearray_new_from_vstr(&v);
}

static obj_t ba_unary_op(unary_op_t op, obj_t o) {
    bytearray_obj_t *b = OBJ_TO_PTR(o);
    switch (op) {
        case UNARY_OP_BOOL:
            return obj_bool(b->len != 0);
        case UNARY_OP_LEN:
            return small_int_new((int_t)b->len);
        default:
            return OBJ_NULL;
    }
}

static obj_t ba_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (op == BINARY_OP_INPLACE_ADD) {
        buffer_info_t bi;
        if (obj_is_str(rhs) || !rt_get_buffer(rhs, &bi, BUFFER_READ)) {
            return OBJ_NULL;
        }
        bytearray_obj_t *b = OBJ_TO_PTR(lhs);
        ba_splice(b, b->len, 0, bi.buf, bi.len);
        return lhs;
    }
    if (op == BINARY_OP_INPLACE_MULTIPLY) {
        int_t n;
        if (!obj_get_int_maybe(rhs, &n)) {
            return OBJ_NULL;
        }
        bytearray_obj_t *b = OBJ_TO_PTR(lhs);
        if (n <= 0 || b->len == 0) {
            b->len = 0;
            return lhs;
        }
        if ((size_t)n > (SIZE_MAX / 2) / b->len) {
            raise_memory_error();
        }
        size_t one = b->len, total = one * (size_t)n;
        ba_reserve(b, total - one);
        for (size_t have = one; have < total; have += one) {
            memcpy(b->items + have, b->items, one);
        }
        b->len = total;
        return lhs;
    }
    if (op == BINARY_OP_CONTAINS) {
        buffer_refuse_int_search(rhs);
    }
    return str_binary_op(op, lhs, rhs);
}

static size_t ba_index(bytearray_obj_t *b, obj_t index) {
    int_t i = obj_get_int(index);
    if (i < 0) {
        i += (int_t)b->len;
    }
    if (i < 0 || i >= (int_t)b->len) {
        raise_msg(&type_IndexError, "bytearray index out of range");
    }
    return (size_t)i;
}

static obj_t ba_subscr(obj_t self, obj_t index, obj_t value) {
    bytearray_obj_t *b = OBJ_TO_PTR(self);
    bool is_slice = obj_is_type(index, &slice_type);
    if (!is_slice && !obj_is_int(index) && !obj_is_type(index, &bool_type)) {
        raise_fmt(&type_TypeError, "bytearray indices must be integers or slices, not %s", rt_type_name(index));
    }
    if (value == OBJ_SENTINEL) {
        if (is_slice) {
            return str_slice(self, index);
        }
        return small_int_new(b->items[ba_index(b, index)]);
    }
    if (!is_slice) {
        if (value == OBJ_NULL) {
            ba_splice(b, ba_index(b, index), 1, NULL, 0);
        } else {
            uint8_t v = bytes_value_of(value); /* CPython checks the value first */
            b->items[ba_index(b, index)] = v;
        }
        return OBJ_NONE;
    }
    slice_bounds_t s;
    size_t len0 = b->len; /* Python code run below (__index__) must keep it */
    slice_get_unit_indices(index, len0, &s);
    size_t n = s.stop > s.start ? (size_t)(s.stop - s.start) : 0;
    ba_check_len(b, len0);
    if (value == OBJ_NULL) {
        ba_splice(b, (size_t)s.start, n, NULL, 0);
        return OBJ_NONE;
    }
    buffer_info_t bi;
    buffer_slice_source(value, 1, false, &bi);
    ba_splice(b, (size_t)s.start, n, bi.buf, bi.len); /* allocates only to grow */
    return OBJ_NONE;
}

typedef struct {
    obj_base_t base;
    obj_t ba;
    size_t pos;
} ba_iter_obj_t;

static obj_t ba_iter_next(obj_t self) {
    ba_iter_obj_t *it = OBJ_TO_PTR(self);
    bytearray_obj_t *b = OBJ_TO_PTR(it->ba);
    if (it->pos >= b->len) {
        return OBJ_NULL;
    }
    return small_int_new(b->items[it->pos++]);
}

static const type_t ba_iterator_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_iterator,
    .getiter = rt_identity_getiter,
    .iternext = ba_iter_next,
};

static obj_t ba_iter_init(ba_iter_obj_t *it, obj_t self) {
    it->base.type = &ba_iterator_type;
    it->ba = self;
    it->pos = 0;
    return OBJ_FROM_PTR(it);
}

static obj_t ba_getiter(obj_t self) { return ba_iter_init(NEW_OBJ(ba_iter_obj_t), self); }

_Static_assert(sizeof(ba_iter_obj_t) <= sizeof(iter_buf_t), "bytearray iterator fits an iter_buf_t");
static obj_t ba_getiter_buf(obj_t self, iter_buf_t *buf) { return ba_iter_init((ba_iter_obj_t *)buf, self); }

static bool ba_buffer(obj_t self, buffer_info_t *info, int flags) {
    bytearray_obj_t *b = OBJ_TO_PTR(self);
    info->buf = b->items;
    info->len = b->len;
    info->typecode = 'B';
    return true;
}

static const map_elem_t ba_locals_table[] = {
    {ROM_QSTR(QSTR_append), ROM_PTR(&ba_append_obj)},
    {ROM_QSTR(QSTR_extend), ROM_PTR(&ba_extend_obj)},
    {ROM_QSTR(QSTR_insert), ROM_PTR(&ba_insert_obj)},
    {ROM_QSTR(QSTR_pop), ROM_PTR(&ba_pop_obj)},
    {ROM_QSTR(QSTR_remove), ROM_PTR(&ba_remove_obj)},
    {ROM_QSTR(QSTR_clear), ROM_PTR(&ba_clear_obj)},
    {ROM_QSTR(QSTR_copy), ROM_PTR(&ba_copy_obj)},
    {ROM_QSTR(QSTR_reverse), ROM_PTR(&ba_reverse_obj)},
    {ROM_QSTR(QSTR_decode), ROM_PTR(&bytes_decode_obj)},
    {ROM_QSTR(QSTR_hex), ROM_PTR(&bytes_hex_obj)},
    {ROM_QSTR(QSTR_fromhex), ROM_PTR(&bytearray_fromhex_cm)},
    {ROM_QSTR(QSTR_count), ROM_PTR(&str_count_obj)},
    {ROM_QSTR(QSTR_endswith), ROM_PTR(&str_endswith_obj)},
    {ROM_QSTR(QSTR_find), ROM_PTR(&str_find_obj)},
    {ROM_QSTR(QSTR_index), ROM_PTR(&str_index_obj)},
    {ROM_QSTR(QSTR_isalpha), ROM_PTR(&str_isalpha_obj)},
    {ROM_QSTR(QSTR_isalnum), ROM_PTR(&str_isalnum_obj)},
    {ROM_QSTR(QSTR_isdigit), ROM_PTR(&str_isdigit_obj)},
    {ROM_QSTR(QSTR_islower), ROM_PTR(&str_islower_obj)},
    {ROM_QSTR(QSTR_isspace), ROM_PTR(&str_isspace_obj)},
    {ROM_QSTR(QSTR_isupper), ROM_PTR(&str_isupper_obj)},
    {ROM_QSTR(QSTR_join), ROM_PTR(&str_join_obj)},
    {ROM_QSTR(QSTR_lower), ROM_PTR(&str_lower_obj)},
    {ROM_QSTR(QSTR_lstrip), ROM_PTR(&str_lstrip_obj)},
    {ROM_QSTR(QSTR_partition), ROM_PTR(&str_partition_obj)},
    {ROM_QSTR(QSTR_replace), ROM_PTR(&str_replace_obj)},
    {ROM_QSTR(QSTR_rfind), ROM_PTR(&str_rfind_obj)},
    {ROM_QSTR(QSTR_rindex), ROM_PTR(&str_rindex_obj)},
    {ROM_QSTR(QSTR_rpartition), ROM_PTR(&str_rpartition_obj)},
    {ROM_QSTR(QSTR_rsplit), ROM_PTR(&str_rsplit_obj)},
    {ROM_QSTR(QSTR_rstrip), ROM_PTR(&str_rstrip_obj)},
    {ROM_QSTR(QSTR_split), ROM_PTR(&str_split_obj)},
    {ROM_QSTR(QSTR_splitlines), ROM_PTR(&str_splitlines_obj)},
    {ROM_QSTR(QSTR_startswith), ROM_PTR(&str_startswith_obj)},
    {ROM_QSTR(QSTR_strip), ROM_PTR(&str_strip_obj)},
    {ROM_QSTR(QSTR_upper), ROM_PTR(&str_upper_obj)},
    {ROM_QSTR(QSTR_center), ROM_PTR(&str_center_obj)},
    {ROM_QSTR(QSTR_ljust), ROM_PTR(&str_ljust_obj)},
    {ROM_QSTR(QSTR_rjust), ROM_PTR(&str_rjust_obj)},
    {ROM_QSTR(QSTR_zfill), ROM_PTR(&str_zfill_obj)},
    {ROM_QSTR(QSTR_capitalize), ROM_PTR(&str_capitalize_obj)},
    {ROM_QSTR(QSTR_title), ROM_PTR(&str_title_obj)},
    {ROM_QSTR(QSTR_swapcase), ROM_PTR(&str_swapcase_obj)},
    {ROM_QSTR(QSTR_removeprefix), ROM_PTR(&str_removeprefix_obj)},
    {ROM_QSTR(QSTR_removesuffix), ROM_PTR(&str_removesuffix_obj)},
};
static DEFINE_CONST_DICT(ba_locals_dict, ba_locals_table);

const type_t bytearray_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_SLICE_ON_STACK,
    .name = QSTR_bytearray,
    .print = ba_print,
    .make_new = ba_make_new,
    .unary_op = ba_unary_op,
    .binary_op = ba_binary_op,
    .subscr = ba_subscr,
    .getiter = ba_getiter,
    .getiter_buf = ba_getiter_buf,
    .buffer = ba_buffer,
    .locals_dict = &ba_locals_dict,
};
