/* modules/mod_struct.c: struct: calcsize, pack, pack_into, unpack, unpack_from.
 * Formats: an optional byte-order prefix (@ native with alignment, = < > ! standard sizes, no
 * alignment), then codes b B h H i I l L q Q s P x ? and MicroPython's O (an object reference) with
 * optional counts. Native sizes are the WiPy's (a 32-bit board): l, L and P are 4 bytes; O is a
 * reference of this host. Floats (e, f, d) are a clear ValueError. As in MicroPython, pack takes
 * fewer values than the format has (the rest stay zero) or more (the extra ones are ignored). */
#include "core/obj.h"
#include "core/runtime.h"

typedef struct {
    const char *p;
    const char *end;
    bool native;     /* '@': native alignment */
    bool big_endian;
} fmt_t;

static void fmt_begin(fmt_t *f, obj_t fmt) {
    size_t len;
    f->p = str_get_data(fmt, &len);
    f->end = f->p + len;
    f->native = true;
    f->big_endian = false;
    if (f->p < f->end) {
        switch (*f->p) {
            case '@':
                f->p++;
                break;
            case '=':
            case '<':
                f->native = false;
                f->p++;
                break;
            case '>':
            case '!':
                f->native = false;
                f->big_endian = true;
                f->p++;
                break;
        }
    }
}

static size_t code_size(char c) {
    switch (c) {
        case 'b': case 'B': case 'x': case 's': case '?':
            return 1;
        case 'h': case 'H':
            return 2;
        case 'i': case 'I': case 'l': case 'L': case 'P':
            return 4;
        case 'q': case 'Q':
            return 8;
        case 'O':
            return sizeof(obj_t);
        case 'e': case 'f': case 'd':
            raise_fmt(&type_ValueError, "bad typecode '%c': no floating point on this board", c);
        default:
            raise_fmt(&type_ValueError, "bad char in struct format '%c'", c);
    }
}

/* Next item: returns false at the end; count is the repeat count (the length for 's'). */
static bool fmt_next(fmt_t *f, char *code, size_t *count) {
    while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' || *f->p == '\n')) {
        f->p++;
    }
    if (f->p >= f->end) {
        return false;
    }
    size_t n = 0;
    bool have_n = false;
    while (f->p < f->end && *f->p >= '0' && *f->p <= '9') {
        if (n > (size_t)1 << 40) {
            raise_msg(&type_ValueError, "struct format count too big");
        }
        n = n * 10 + (size_t)(*f->p++ - '0');
        have_n = true;
    }
    if (f->p >= f->end) {
        raise_msg(&type_ValueError, "repeat count given without format specifier");
    }
    *code = *f->p++;
    *count = have_n ? n : 1;
    code_size(*code); /* validates */
    return true;
}

static size_t align_up(size_t off, size_t a) { return (off + a - 1) / a * a; }

static size_t struct_calcsize_fmt(obj_t fmt, size_t *n_values) {
    fmt_t f;
    fmt_begin(&f, fmt);
    size_t size = 0, values = 0;
    char c;
    size_t count;
    while (fmt_next(&f, &c, &count)) {
        size_t sz = code_size(c);
        if (f.native && c != 's' && c != 'x') {
            size = align_up(size, sz);
        }
        if (c == 's') {
            size += count;
            values += 1;
        } else {
            size += sz * count;
            if (c != 'x') {
                values += count;
            }
        }
    }
    if (n_values != NULL) {
        *n_values = values;
    }
    return size;
}

static obj_t struct_calcsize(size_t n_args, size_t n_kw, const obj_t *args) {
    return int_from_uint(struct_calcsize_fmt(args[0], NULL));
}
DEFINE_FUN(struct_calcsize_obj, calcsize, 1, 1, struct_calcsize);

static void put_uint(uint8_t *p, size_t sz, unsigned long long v, bool big) {
    for (size_t i = 0; i < sz; i++) {
        p[big ? sz - 1 - i : i] = (uint8_t)(v >> (8 * i));
    }
}

static unsigned long long get_uint(const uint8_t *p, size_t sz, bool big) {
    unsigned long long v = 0;
    for (size_t i = 0; i < sz; i++) {
        v |= (unsigned long long)p[big ? sz - 1 - i : i] << (8 * i);
    }
    return v;
}

static bool code_signed(char c) { return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q'; }

static void pack_into_buf(obj_t fmt, uint8_t *buf, size_t n_args, const obj_t *args) {
    fmt_t f;
    fmt_begin(&f, fmt);
    size_t off = 0, ai = 0;
    char c;
    size_t count;
    while (fmt_next(&f, &c, &count)) {
        size_t sz = code_size(c);
        if (f.native && c != 's' && c != 'x') {
            off = align_up(off, sz);
        }
        if (c == 'x') {
            memset(buf + off, 0, count);
            off += count;
            continue;
        }
        if (ai >= n_args) {
            break; /* fewer values than the format holds */
        }
        if (c == 's') {
            buffer_info_t b;
            rt_get_buffer_or_raise(args[ai++], &b, BUFFER_READ);
            size_t n = b.len < count ? b.len : count;
            memcpy(buf + off, b.buf, n);
            memset(buf + off + n, 0, count - n);
            off += count;
            continue;
        }
        for (size_t k = 0; k < count && ai < n_args; k++) {
            obj_t v = args[ai++];
            unsigned long long u;
            if (c == 'O') {
                memcpy(buf + off, &v, sizeof(v));
                off += sz;
                continue;
            }
            if (c == '?') {
                u = rt_is_true(v);
            } else {
                if (!obj_is_int(v) && !obj_is_type(v, &bool_type)) {
                    raise_msg(&type_TypeError, "required argument is not an integer");
                }
                u = (unsigned long long)obj_get_ll(v);
            }
            put_uint(buf + off, sz, u, f.big_endian);
            off += sz;
        }
    }
}

static obj_t struct_pack(size_t n_args, size_t n_kw, const obj_t *args) {
    size_t size = struct_calcsize_fmt(args[0], NULL);
    uint8_t *buf = gc_alloc(size + 1, false);
    pack_into_buf(args[0], buf, n_args - 1, args + 1);
    return bytes_new((const char *)buf, size);
}
DEFINE_FUN(struct_pack_obj, pack, 1, NATIVE_VARARGS, struct_pack);

static obj_t struct_pack_into(size_t n_args, size_t n_kw, const obj_t *args) {
    size_t size = struct_calcsize_fmt(args[0], NULL);
    buffer_info_t b;
    rt_get_buffer_or_raise(args[1], &b, BUFFER_WRITE);
    int_t off = obj_get_int(args[2]);
    if (off < 0) {
        off += (int_t)b.len;
    }
    if (off < 0 || (size_t)off + size > b.len) {
        raise_msg(&type_ValueError, "buffer too small");
    }
    pack_into_buf(args[0], (uint8_t *)b.buf + off, n_args - 3, args + 3);
    return OBJ_NONE;
}
DEFINE_FUN(struct_pack_into_obj, pack_into, 3, NATIVE_VARARGS, struct_pack_into);

static obj_t unpack_buf(obj_t fmt, const uint8_t *buf) {
    size_t n_values;
    struct_calcsize_fmt(fmt, &n_values);
    obj_t t = tuple_new(n_values, NULL);
    obj_t *items = ((tuple_obj_t *)OBJ_TO_PTR(t))->items;
    fmt_t f;
    fmt_begin(&f, fmt);
    size_t off = 0, vi = 0;
    char c;
    size_t count;
    while (fmt_next(&f, &c, &count)) {
        size_t sz = code_size(c);
        if (f.native && c != 's' && c != 'x') {
            off = align_up(off, sz);
        }
        if (c == 'x') {
            off += count;
            continue;
        }
        if (c == 's') {
            items[vi++] = bytes_new((const char *)buf + off, count);
            off += count;
            continue;
        }
        for (size_t k = 0; k < count; k++) {
            if (c == 'O') {
                obj_t v;
                memcpy(&v, buf + off, sizeof(v));
                items[vi++] = obj_from_word(v);
                off += sz;
                continue;
            }
            unsigned long long u = get_uint(buf + off, sz, f.big_endian);
            off += sz;
            if (c == '?') {
                items[vi++] = obj_bool(u != 0);
            } else if (code_signed(c)) {
                long long s = sz == 8 ? (long long)u : (long long)(u << (64 - 8 * sz)) >> (64 - 8 * sz);
                items[vi++] = int_from_ll(s);
            } else {
                items[vi++] = int_from_ull(u);
            }
        }
    }
    return t;
}

static obj_t struct_unpack(size_t n_args, size_t n_kw, const obj_t *args) {
    size_t size = struct_calcsize_fmt(args[0], NULL);
    buffer_info_t b;
    rt_get_buffer_or_raise(args[1], &b, BUFFER_READ);
    if (b.len != size) {
        raise_fmt(&type_ValueError, "unpack requires a buffer of %lu bytes", (unsigned long)size);
    }
    return unpack_buf(args[0], b.buf);
}
DEFINE_FUN(struct_unpack_obj, unpack, 2, 2, struct_unpack);

static obj_t struct_unpack_from(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_format, ARG_REQUIRED, OBJ_NULL},
        {QSTR_buffer, ARG_REQUIRED, OBJ_NULL},
        {QSTR_offset, ARG_KIND_INT, ROM_INT(0)},
    };
    arg_val_t v[3];
    arg_parse_all(n_args, args, n_kw, args + n_args, 3, specs, v);
    size_t size = struct_calcsize_fmt(v[0].o, NULL);
    buffer_info_t b;
    rt_get_buffer_or_raise(v[1].o, &b, BUFFER_READ);
    int_t off = v[2].i;
    if (off < 0) {
        off += (int_t)b.len;
    }
    if (off < 0 || (size_t)off + size > b.len) {
        raise_fmt(&type_ValueError, "unpack_from requires a buffer of at least %lu bytes",
            (unsigned long)(size + (off > 0 ? (size_t)off : 0)));
    }
    return unpack_buf(v[0].o, (const uint8_t *)b.buf + off);
}
DEFINE_FUN_KW(struct_unpack_from_obj, unpack_from, 2, 3, struct_unpack_from);

static const map_elem_t struct_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_struct)},
    {ROM_QSTR(QSTR_calcsize), ROM_PTR(&struct_calcsize_obj)},
    {ROM_QSTR(QSTR_pack), ROM_PTR(&struct_pack_obj)},
    {ROM_QSTR(QSTR_pack_into), ROM_PTR(&struct_pack_into_obj)},
    {ROM_QSTR(QSTR_unpack), ROM_PTR(&struct_unpack_obj)},
    {ROM_QSTR(QSTR_unpack_from), ROM_PTR(&struct_unpack_from_obj)},
};
static DEFINE_CONST_DICT(struct_globals, struct_globals_table);
const module_obj_t struct_module = {{&module_type}, &struct_globals};
REGISTER_MODULE(QSTR_struct, struct_module);
