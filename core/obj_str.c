/* core/obj_str.c: str and bytes (one layout, str_obj_t) with all their methods, iterators,
 * constructors, operators and repr. A str is a qstr or a heap str_obj_t holding valid UTF-8;
 * `char_len == len` means pure ASCII, which enables byte-indexed fast paths everywhere.
 * Heap strs are never required to be interned: equality compares bytes, and str_hash equals
 * qstr_hash for the same bytes. Methods shared with bytearray take any of the three as self. */
#include "core/digits.h"
#include "core/obj_str.h"

#include "core/gc.h"
#include "core/obj_int.h"
#include "core/qstr.h"
#include "core/obj_type.h"
#include "core/runtime.h"

/* ------------------------------------------------------------------------------------------ */
/* construction */

static str_obj_t *str_alloc(const type_t *type, size_t len) {
    str_obj_t *o = gc_alloc(sizeof(str_obj_t) + len + 1, false);
    o->base.type = type;
    o->len = len;
    o->data = (const uint8_t *)(o + 1);
    return o;
}

static inline uint8_t *str_wdata(str_obj_t *o) { return (uint8_t *)(uintptr_t)o->data; }

obj_t str_new_sized(const char *data, size_t len, size_t char_len) {
    if (len <= 1 && (len == 0 || (uint8_t)data[0] < 0x80)) {
        return obj_new_qstr(len ? qstr_of_ascii((uint8_t)data[0]) : QSTR__empty);
    }
    str_obj_t *o = str_alloc(&str_type, len);
    memcpy(str_wdata(o), data, len);
    o->char_len = char_len;
    return OBJ_FROM_PTR(o);
}

obj_t str_new(const char *data, size_t len) {
    return str_new_sized(data, len, utf8_char_count((const uint8_t *)data, len));
}

obj_t bytes_new(const char *data, size_t len) {
    str_obj_t *o = str_alloc(&bytes_type, len);
    if (len) {
        memcpy(str_wdata(o), data, len);
    }
    o->char_len = len;
    return OBJ_FROM_PTR(o);
}

obj_t str_new_type(const type_t *type, const char *data, size_t len) {
    if (type == &str_type) {
        return str_new(data, len);
    }
    if (type == &bytearray_type) {
        return bytearray_new(data, len);
    }
    return bytes_new(data, len);
}

/* Turns a vstr into a str/bytes, taking over its buffer when that saves a copy. */
static obj_t str_take_vstr(const type_t *type, vstr_t *v, size_t char_len) {
    if (type == &bytearray_type) {
        return bytearray_new_from_vstr(v);
    }
    obj_t r;
    if (v->fixed || v->len < 64 || (type == &str_type && v->len <= 1)) {
        if (type == &str_type) {
            r = str_new_sized(v->buf, v->len, char_len);
        } else {
            r = bytes_new(v->buf, v->len);
        }
        vstr_clear(v);
        return r;
    }
    if (v->alloc < v->len + 1 || v->alloc > v->len + v->len / 4 + 32) {
        v->buf = gc_realloc(v->buf, v->len + 1);
        v->alloc = v->len + 1;
    }
    v->buf[v->len] = '\0';
    str_obj_t *o = NEW_OBJ(str_obj_t);
    o->base.type = type;
    o->len = v->len;
    o->char_len = char_len;
    o->data = (const uint8_t *)v->buf;
    v->buf = NULL;
    v->alloc = v->len = 0;
    return OBJ_FROM_PTR(o);
}

obj_t str_new_from_vstr(vstr_t *v) {
    return str_take_vstr(&str_type, v, utf8_char_count((const uint8_t *)v->buf, v->len));
}

obj_t bytes_new_from_vstr(vstr_t *v) { return str_take_vstr(&bytes_type, v, v->len); }

obj_t str_intern(obj_t s) {
    if (obj_is_qstr(s)) {
        return s;
    }
    const str_obj_t *o = OBJ_TO_PTR(s);
    return obj_new_qstr(qstr_from_strn_hashed((const char *)o->data, o->len, str_hash(s)));
}

const char *str_get_data(obj_t s, size_t *len) {
    if (obj_is_qstr(s)) {
        return qstr_data(obj_qstr_value(s), len);
    }
    if (obj_is_type(s, &bytearray_type)) {
        const bytearray_obj_t *b = OBJ_TO_PTR(s);
        *len = b->len;
        return (const char *)b->items;
    }
    if (!obj_is_type(s, &str_type) && !obj_is_type(s, &bytes_type)) {
        /* an instance of a user subclass of str/bytes carries the real string inside it */
        obj_t sub = obj_is_ptr(s) ? instance_get_subobj(s) : OBJ_NULL;
        if (sub == OBJ_NULL || sub == s) {
            raise_fmt(&type_TypeError, "can't convert '%s' object to str implicitly", rt_type_name(s));
        }
        return str_get_data(sub, len);
    }
    const str_obj_t *o = OBJ_TO_PTR(s);
    *len = o->len;
    return (const char *)o->data;
}

const char *str_cstr(obj_t s) {
    size_t len;
    return str_get_data(s, &len);
}

size_t str_hash(obj_t s) {
    if (obj_is_qstr(s)) {
        return qstr_hash(obj_qstr_value(s));
    }
    str_obj_t *o = OBJ_TO_PTR(s);
    if (o->hash == 0) {
        o->hash = qstr_compute_hash(o->data, o->len);
    }
    return o->hash;
}

/* Byte equality for short keys without a libc call: 8 bytes at a time. */
static inline bool str_bytes_eq(const uint8_t *a, const uint8_t *b, size_t n) {
    while (n >= 8) {
        uint64_t x, y;
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        if (x != y) {
            return false;
        }
        a += 8, b += 8, n -= 8;
    }
    while (n--) {
        if (*a++ != *b++) {
            return false;
        }
    }
    return true;
}

bool str_equal(obj_t a, obj_t b) {
    if (a == b) {
        return true;
    }
    if (obj_is_qstr(a) && obj_is_qstr(b)) {
        return false;
    }
    if (obj_is_ptr(a) && obj_is_ptr(b)) {
        const str_obj_t *x = OBJ_TO_PTR(a), *y = OBJ_TO_PTR(b);
        if (x->base.type == &str_type && y->base.type == &str_type) {
            if (x->len != y->len || (x->hash && y->hash && x->hash != y->hash)) {
                return false;
            }
            return x->len <= 32 ? str_bytes_eq(x->data, y->data, x->len) : memcmp(x->data, y->data, x->len) == 0;
        }
    }
    size_t la, lb;
    const char *da = str_get_data(a, &la);
    const char *db = str_get_data(b, &lb);
    if (la != lb) {
        return false;
    }
    if (obj_is_ptr(a) && obj_is_ptr(b)) {
        size_t ha = ((const str_obj_t *)OBJ_TO_PTR(a))->hash, hb = ((const str_obj_t *)OBJ_TO_PTR(b))->hash;
        if (ha && hb && ha != hb) {
            return false;
        }
    }
    return memcmp(da, db, la) == 0;
}

size_t str_char_len(obj_t s) {
    if (obj_is_qstr(s)) {
        size_t len;
        const char *d = qstr_data(obj_qstr_value(s), &len);
        return utf8_char_count((const uint8_t *)d, len);
    }
    return ((const str_obj_t *)OBJ_TO_PTR(s))->char_len;
}

obj_t str_from_char(uint32_t cp) {
    if (cp > 0x10ffff) {
        raise_msg(&type_ValueError, "chr() arg not in range(0x110000)");
    }
    uint8_t buf[4];
    size_t n = utf8_encode(cp, buf);
    return str_new_sized((const char *)buf, n, 1);
}

uint32_t str_ord(obj_t s) {
    if (obj_is_qstr(s) && qstr_is_ascii_char(obj_qstr_value(s))) {
        return obj_qstr_value(s) - qstr_of_ascii(0);
    }
    if (obj_is_str(s)) {
        size_t len;
        const uint8_t *d = (const uint8_t *)str_get_data(s, &len);
        size_t cl = str_char_len(s);
        if (cl == 1) {
            return utf8_decode(&d);
        }
        raise_fmt(&type_TypeError, "ord() expected a character, but string of length %u found", (unsigned)cl);
    }
    if (obj_is_type(s, &bytes_type) || obj_is_type(s, &bytearray_type)) {
        size_t len;
        const uint8_t *d = (const uint8_t *)str_get_data(s, &len);
        if (len == 1) {
            return d[0];
        }
        raise_fmt(&type_TypeError, "ord() expected a character, but string of length %u found", (unsigned)len);
    }
    raise_fmt(&type_TypeError, "ord() expected string of length 1, but %s found", rt_type_name(s));
}

NORETURN void str_raise_implicit(obj_t o) {
    raise_fmt(&type_TypeError, "can't convert '%s' object to str implicitly", rt_type_name(o));
}

/* ------------------------------------------------------------------------------------------ */
/* views: one shape for str, bytes and bytearray operands */

typedef struct {
    const uint8_t *d;
    size_t len;
    size_t clen; /* code points for str, == len for bytes-like */
    const type_t *type; /* str_type, bytes_type or bytearray_type */
} sview_t;

static inline bool sv_is_str(const sview_t *v) { return v->type == &str_type; }
static inline bool sv_ascii(const sview_t *v) { return v->len == v->clen; }

static void sview(obj_t o, sview_t *v) {
    if (obj_is_qstr(o)) {
        v->d = (const uint8_t *)qstr_data(obj_qstr_value(o), &v->len);
        v->clen = utf8_char_count(v->d, v->len);
        v->type = &str_type;
        return;
    }
    const type_t *t = obj_type(o);
    if (t == &str_type || t == &bytes_type) {
        const str_obj_t *s = OBJ_TO_PTR(o);
        v->d = s->data;
        v->len = s->len;
        v->clen = s->char_len;
        v->type = t;
        return;
    }
    if (t == &bytearray_type) {
        const bytearray_obj_t *b = OBJ_TO_PTR(o);
        v->d = b->items;
        v->len = v->clen = b->len;
        v->type = t;
        return;
    }
    raise_fmt(&type_TypeError, "descriptor requires a 'str' object but received a '%s'", rt_type_name(o));
}

/* An argument that must match self's kind: str for str, any buffer (not str) for bytes-like. */
static void sview_arg(const sview_t *self, obj_t o, sview_t *v) {
    if (sv_is_str(self)) {
        if (!obj_is_str(o)) {
            str_raise_implicit(o);
        }
        sview(o, v);
        return;
    }
    if (obj_is_type(o, &bytes_type) || obj_is_type(o, &bytearray_type)) {
        sview(o, v);
        return;
    }
    buffer_info_t bi;
    if (!obj_is_str(o) && rt_get_buffer(o, &bi, BUFFER_READ)) {
        v->d = bi.buf;
        v->len = v->clen = bi.len;
        v->type = &bytes_type;
        return;
    }
    raise_fmt(&type_TypeError, "a bytes-like object is required, not '%s'", rt_type_name(o));
}

/* Byte offset of code point index ci in v. */
static inline size_t sv_off(const sview_t *v, size_t ci) {
    if (sv_ascii(v)) {
        return ci < v->len ? ci : v->len;
    }
    return utf8_byte_offset(v->d, v->len, ci);
}

/* Result of self's kind from bytes; char_len SIZE_MAX means "count it". */
static obj_t sv_new(const sview_t *self, const uint8_t *d, size_t len, size_t char_len) {
    if (sv_is_str(self)) {
        if (char_len == SIZE_MAX) {
            char_len = sv_ascii(self) ? len : utf8_char_count(d, len);
        }
        return str_new_sized((const char *)d, len, char_len);
    }
    if (self->type == &bytearray_type) {
        return bytearray_new((const char *)d, len);
    }
    return bytes_new((const char *)d, len);
}

static obj_t sv_from_vstr(const sview_t *self, vstr_t *v, size_t char_len) {
    if (sv_is_str(self) && char_len == SIZE_MAX) {
        char_len = utf8_char_count((const uint8_t *)v->buf, v->len);
    }
    return str_take_vstr(self->type, v, sv_is_str(self) ? char_len : v->len);
}

/* Returns self unchanged when it is immutable (str/bytes), else a copy (bytearray). */
static obj_t sv_same(obj_t self_obj, const sview_t *self) {
    if (self->type == &bytearray_type) {
        return bytearray_new((const char *)self->d, self->len);
    }
    return self_obj;
}

/* ------------------------------------------------------------------------------------------ */
/* index helpers */

static int_t str_index_arg(obj_t o) {
    if (obj_is_small_int(o)) {
        return small_int_value(o);
    }
    if (!obj_is_int(o) && !obj_is_type(o, &bool_type)) {
        raise_msg(&type_TypeError, "slice indices must be integers or None or have an __index__ method");
    }
    if (int_is_big(o)) {
        /* a big int: clamp (as CPython does for slice-like bounds) */
        return int_sign(o) < 0 ? SMALL_INT_MIN / 2 : SMALL_INT_MAX / 2;
    }
    return obj_get_int(o);
}

/* CPython's ADJUST_INDICES over a length (in code points): start/end from args (None allowed). */
static void str_range_args(size_t n_args, const obj_t *args, size_t first, size_t len, int_t *start, int_t *end) {
    int_t s = 0, e = (int_t)len;
    if (n_args > first && args[first] != OBJ_NONE) {
        s = str_index_arg(args[first]);
    }
    if (n_args > first + 1 && args[first + 1] != OBJ_NONE) {
        e = str_index_arg(args[first + 1]);
    }
    if (e > (int_t)len) {
        e = (int_t)len;
    } else if (e < 0) {
        e += (int_t)len;
        if (e < 0) {
            e = 0;
        }
    }
    if (s < 0) {
        s += (int_t)len;
        if (s < 0) {
            s = 0;
        }
    }
    *start = s;
    *end = e;
}

/* ------------------------------------------------------------------------------------------ */
/* searching */

static const uint8_t *str_memrmem(const uint8_t *hay, size_t hlen, const uint8_t *needle, size_t nlen) {
    if (nlen > hlen) {
        return NULL;
    }
    if (nlen == 0) {
        return hay + hlen;
    }
    for (const uint8_t *p = hay + hlen - nlen;; p--) {
        if (*p == needle[0] && memcmp(p, needle, nlen) == 0) {
            return p;
        }
        if (p == hay) {
            return NULL;
        }
    }
}

static inline const uint8_t *str_memmem(const uint8_t *hay, size_t hlen, const uint8_t *needle, size_t nlen) {
    if (nlen == 0) {
        return hay;
    }
    if (nlen == 1) {
        return memchr(hay, needle[0], hlen);
    }
    return memmem(hay, hlen, needle, nlen);
}

/* find/rfind/index/rindex: returns the code point index or -1. */
static int_t str_find_impl(size_t n_args, const obj_t *args, bool reverse) {
    sview_t self, needle;
    sview(args[0], &self);
    uint8_t byte;
    if (!sv_is_str(&self) && obj_is_small_int(args[1])) {
        byte = bytes_value_of(args[1]);
        needle.d = &byte;
        needle.len = needle.clen = 1;
        needle.type = &bytes_type;
    } else {
        sview_arg(&self, args[1], &needle);
    }
    int_t start, end;
    str_range_args(n_args, args, 2, self.clen, &start, &end);
    if (start > (int_t)self.clen || start > end) {
        return -1;
    }
    size_t bs = sv_off(&self, (size_t)start);
    size_t be = sv_off(&self, (size_t)end);
    const uint8_t *hit = reverse ? str_memrmem(self.d + bs, be - bs, needle.d, needle.len)
                                 : str_memmem(self.d + bs, be - bs, needle.d, needle.len);
    if (hit == NULL) {
        return -1;
    }
    size_t off = (size_t)(hit - self.d);
    if (sv_ascii(&self)) {
        return (int_t)off;
    }
    return start + (int_t)utf8_char_count(self.d + bs, off - bs);
}

static obj_t str_find(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new(str_find_impl(n_args, args, false));
}
static obj_t str_rfind(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new(str_find_impl(n_args, args, true));
}
static obj_t str_index(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t r = str_find_impl(n_args, args, false);
    if (r < 0) {
        raise_msg(&type_ValueError, "substring not found");
    }
    return small_int_new(r);
}
static obj_t str_rindex(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t r = str_find_impl(n_args, args, true);
    if (r < 0) {
        raise_msg(&type_ValueError, "substring not found");
    }
    return small_int_new(r);
}
DEFINE_FUN(str_find_obj, find, 2, 4, str_find);
DEFINE_FUN(str_rfind_obj, rfind, 2, 4, str_rfind);
DEFINE_FUN(str_index_obj, index, 2, 4, str_index);
DEFINE_FUN(str_rindex_obj, rindex, 2, 4, str_rindex);

static obj_t str_count(size_t n_args, size_t n_kw, const obj_t *args) {
    sview_t self, needle;
    sview(args[0], &self);
    uint8_t byte;
    if (!sv_is_str(&self) && obj_is_small_int(args[1])) {
        byte = bytes_value_of(args[1]);
        needle.d = &byte;
        needle.len = needle.clen = 1;
        needle.type = &bytes_type;
    } else {
        sview_arg(&self, args[1], &needle);
    }
    int_t start, end;
    str_range_args(n_args, args, 2, self.clen, &start, &end);
    if (start > (int_t)self.clen || start > end) {
        return small_int_new(0);
    }
    if (needle.len == 0) {
        return small_int_new(end - start + 1);
    }
    size_t bs = sv_off(&self, (size_t)start);
    size_t be = sv_off(&self, (size_t)end);
    const uint8_t *p = self.d + bs, *e = self.d + be;
    int_t n = 0;
    while (p < e) {
        const uint8_t *hit = str_memmem(p, (size_t)(e - p), needle.d, needle.len);
        if (hit == NULL) {
            break;
        }
        n++;
        p = hit + needle.len;
    }
    return small_int_new(n);
}
DEFINE_FUN(str_count_obj, count, 2, 4, str_count);

/* startswith/endswith */
static bool str_fix_match(const sview_t *self, obj_t fix, size_t bs, size_t be, bool end) {
    sview_t f;
    sview_arg(self, fix, &f);
    if (f.len > be - bs) {
        return false;
    }
    const uint8_t *at = end ? self->d + be - f.len : self->d + bs;
    return memcmp(at, f.d, f.len) == 0;
}

static obj_t str_starts_ends(size_t n_args, const obj_t *args, bool end) {
    sview_t self;
    sview(args[0], &self);
    int_t start, stop;
    str_range_args(n_args, args, 2, self.clen, &start, &stop);
    if (start > (int_t)self.clen) {
        return OBJ_FALSE;
    }
    if (start > stop) {
        return OBJ_FALSE;
    }
    size_t bs = sv_off(&self, (size_t)start), be = sv_off(&self, (size_t)stop);
    if (obj_is_type(args[1], &tuple_type)) {
        const tuple_obj_t *t = OBJ_TO_PTR(args[1]);
        for (size_t i = 0; i < t->len; i++) {
            if (str_fix_match(&self, t->items[i], bs, be, end)) {
                return OBJ_TRUE;
            }
        }
        return OBJ_FALSE;
    }
    if (sv_is_str(&self) && !obj_is_str(args[1])) {
        raise_fmt(&type_TypeError, "%s first arg must be str or a tuple of str, not %s",
            end ? "endswith" : "startswith", rt_type_name(args[1]));
    }
    return obj_bool(str_fix_match(&self, args[1], bs, be, end));
}
static obj_t str_startswith(size_t n_args, size_t n_kw, const obj_t *args) { return str_starts_ends(n_args, args, false); }
static obj_t str_endswith(size_t n_args, size_t n_kw, const obj_t *args) { return str_starts_ends(n_args, args, true); }
DEFINE_FUN(str_startswith_obj, startswith, 2, 4, str_startswith);
DEFINE_FUN(str_endswith_obj, endswith, 2, 4, str_endswith);

static obj_t str_removeprefix(size_t n_args, size_t n_kw, const obj_t *args) {
    sview_t self, f;
    sview(args[0], &self);
    sview_arg(&self, args[1], &f);
    if (f.len <= self.len && memcmp(self.d, f.d, f.len) == 0 && f.len > 0) {
        return sv_new(&self, self.d + f.len, self.len - f.len, SIZE_MAX);
    }
    return sv_same(args[0], &self);
}
static obj_t str_removesuffix(size_t n_args, size_t n_kw, const obj_t *args) {
    sview_t self, f;
    sview(args[0], &self);
    sview_arg(&self, args[1], &f);
    if (f.len <= self.len && f.len > 0 && memcmp(self.d + self.len - f.len, f.d, f.len) == 0) {
        return sv_new(&self, self.d, self.len - f.len, SIZE_MAX);
    }
    return sv_same(args[0], &self);
}
DEFINE_FUN(str_removeprefix_obj, removeprefix, 2, 2, str_removeprefix);
DEFINE_FUN(str_removesuffix_obj, removesuffix, 2, 2, str_removesuffix);

/* ------------------------------------------------------------------------------------------ */
/* whitespace */

/* ASCII whitespace: 1 = space for str and bytes (\t-\r, ' '), 2 = only for str (\x1c-\x1f). */
static const uint8_t str_space_tab[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
    [0x1c] = 2, [0x1d] = 2, [0x1e] = 2, [0x1f] = 2,
};
static inline bool str_ascii_space(uint8_t c, bool is_str) {
    return str_space_tab[c] & (is_str ? 3 : 1);
}

/* Decodes the code point at byte i of v (code point = byte for bytes-like); *next = after it. */
static inline uint32_t sv_char_at(const sview_t *v, size_t i, size_t *next) {
    uint8_t b = v->d[i];
    if (b < 0x80 || !sv_is_str(v)) {
        *next = i + 1;
        return b;
    }
    const uint8_t *p = v->d + i;
    uint32_t c = utf8_decode(&p);
    *next = (size_t)(p - v->d);
    return c;
}

/* Start of the code point that ends at byte i (exclusive). */
static inline size_t sv_char_before(const sview_t *v, size_t i) {
    i--;
    if (sv_is_str(v)) {
        while (i > 0 && !utf8_starts_char(v->d, i)) {
            i--;
        }
    }
    return i;
}

static inline bool sv_is_space(const sview_t *v, uint32_t c) {
    if (c < 0x80 || !sv_is_str(v)) {
        return c < 0x80 && str_ascii_space((uint8_t)c, sv_is_str(v));
    }
    return unichar_isspace(c);
}

/* ------------------------------------------------------------------------------------------ */
/* split family */

static const arg_spec_t str_split_specs[] = {
    {QSTR_sep, ARG_KIND_OBJ, ROM_PTR(&none_obj)},
    {QSTR_maxsplit, ARG_KIND_INT, ROM_INT(-1)},
};

static obj_t str_split_impl(size_t n_args, size_t n_kw, const obj_t *args, bool reverse) {
    sview_t self;
    sview(args[0], &self);
    arg_val_t a[2];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 2, str_split_specs, a);
    int_t maxsplit = a[1].i;
    if (a[0].o == OBJ_NONE && reverse) {
        if (maxsplit >= 0) { /* as in MicroPython */
            raise_msg(&type_NotImplementedError, "rsplit(None, n) isn't supported");
        }
        reverse = false; /* with no limit, it splits as split() does */
    }
    obj_t res = list_new(0, NULL);
    bool ascii = sv_ascii(&self);
    if (a[0].o == OBJ_NONE && ascii) {
        /* fast path: whitespace split of ASCII text (word counting lives here) */
        const uint8_t *d = self.d;
        size_t i = 0, n = self.len;
        bool is_str = sv_is_str(&self);
        for (;;) {
            while (i < n && str_ascii_space(d[i], is_str)) {
                i++;
            }
            if (i >= n) {
                break;
            }
            size_t s = i;
            if (maxsplit == 0) {
                list_append(res, sv_new(&self, d + s, n - s, n - s));
                break;
            }
            while (i < n && !str_ascii_space(d[i], is_str)) {
                i++;
            }
            list_append(res, sv_new(&self, d + s, i - s, i - s));
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
    } else if (a[0].o == OBJ_NONE) {
        size_t i = 0, n = self.len;
        for (;;) {
            size_t nx;
            while (i < n && sv_is_space(&self, sv_char_at(&self, i, &nx))) {
                i = nx;
            }
            if (i >= n) {
                break;
            }
            if (maxsplit == 0) {
                /* the rest, trailing whitespace included */
                list_append(res, sv_new(&self, self.d + i, n - i, ascii ? n - i : SIZE_MAX));
                break;
            }
            size_t s = i;
            while (i < n && !sv_is_space(&self, sv_char_at(&self, i, &nx))) {
                i = nx;
            }
            list_append(res, sv_new(&self, self.d + s, i - s, ascii ? i - s : SIZE_MAX));
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
    } else {
        sview_t sep;
        sview_arg(&self, a[0].o, &sep);
        if (sep.len == 0) {
            raise_msg(&type_ValueError, "empty separator");
        }
        if (!reverse) {
            const uint8_t *p = self.d, *e = self.d + self.len;
            for (;;) {
                const uint8_t *hit = maxsplit == 0 ? NULL : str_memmem(p, (size_t)(e - p), sep.d, sep.len);
                if (hit == NULL) {
                    list_append(res, sv_new(&self, p, (size_t)(e - p), ascii ? (size_t)(e - p) : SIZE_MAX));
                    break;
                }
                list_append(res, sv_new(&self, p, (size_t)(hit - p), ascii ? (size_t)(hit - p) : SIZE_MAX));
                p = hit + sep.len;
                if (maxsplit > 0) {
                    maxsplit--;
                }
            }
        } else {
            size_t e = self.len;
            for (;;) {
                const uint8_t *hit = maxsplit == 0 ? NULL : str_memrmem(self.d, e, sep.d, sep.len);
                if (hit == NULL) {
                    list_append(res, sv_new(&self, self.d, e, ascii ? e : SIZE_MAX));
                    break;
                }
                size_t s = (size_t)(hit - self.d) + sep.len;
                list_append(res, sv_new(&self, self.d + s, e - s, ascii ? e - s : SIZE_MAX));
                e = (size_t)(hit - self.d);
                if (maxsplit > 0) {
                    maxsplit--;
                }
            }
        }
    }
    if (reverse) {
        list_obj_t *l = OBJ_TO_PTR(res);
        for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
            obj_t t = l->items[i];
            l->items[i] = l->items[j - 1];
            l->items[j - 1] = t;
        }
    }
    return res;
}
static obj_t str_split(size_t n_args, size_t n_kw, const obj_t *args) { return str_split_impl(n_args, n_kw, args, false); }
static obj_t str_rsplit(size_t n_args, size_t n_kw, const obj_t *args) { return str_split_impl(n_args, n_kw, args, true); }
DEFINE_FUN_KW(str_split_obj, split, 1, 3, str_split);
DEFINE_FUN_KW(str_rsplit_obj, rsplit, 1, 3, str_rsplit);

static const arg_spec_t str_splitlines_specs[] = {
    {QSTR_keepends, ARG_KIND_BOOL, ROM_PTR(&false_obj)},
};

static obj_t str_splitlines(size_t n_args, size_t n_kw, const obj_t *args) {
    sview_t self;
    sview(args[0], &self);
    arg_val_t a[1];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 1, str_splitlines_specs, a);
    bool keep = a[0].b;
    bool is_str = sv_is_str(&self);
    obj_t res = list_new(0, NULL);
    size_t i = 0, s = 0, n = self.len;
    while (i < n) {
        size_t nx;
        uint32_t c = sv_char_at(&self, i, &nx);
        bool brk = c == '\n' || c == '\r' ||
                   (is_str && (c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85 ||
                                  c == 0x2028 || c == 0x2029));
        if (!brk) {
            i = nx;
            continue;
        }
        size_t e = i;
        if (c == '\r' && nx < n && self.d[nx] == '\n') {
            nx++;
        }
        size_t stop = keep ? nx : e;
        list_append(res, sv_new(&self, self.d + s, stop - s, SIZE_MAX));
        i = s = nx;
    }
    if (s < n) {
        list_append(res, sv_new(&self, self.d + s, n - s, SIZE_MAX));
    }
    return res;
}
DEFINE_FUN_KW(str_splitlines_obj, splitlines, 1, 2, str_splitlines);

static obj_t str_partition_impl(size_t n_args, const obj_t *args, bool reverse) {
    sview_t self, sep;
    sview(args[0], &self);
    sview_arg(&self, args[1], &sep);
    if (sep.len == 0) {
        raise_msg(&type_ValueError, "empty separator");
    }
    const uint8_t *hit = reverse ? str_memrmem(self.d, self.len, sep.d, sep.len)
                                 : str_memmem(self.d, self.len, sep.d, sep.len);
    obj_t items[3];
    obj_t empty = sv_new(&self, self.d, 0, 0);
    if (hit == NULL) {
        if (reverse) {
            items[0] = empty;
            items[1] = self.type == &bytearray_type ? sv_new(&self, self.d, 0, 0) : empty;
            items[2] = sv_same(args[0], &self);
        } else {
            items[0] = sv_same(args[0], &self);
            items[1] = empty;
            items[2] = self.type == &bytearray_type ? sv_new(&self, self.d, 0, 0) : empty;
        }
    } else {
        size_t off = (size_t)(hit - self.d);
        items[0] = sv_new(&self, self.d, off, SIZE_MAX);
        items[1] = sv_new(&self, sep.d, sep.len, SIZE_MAX);
        items[2] = sv_new(&self, hit + sep.len, self.len - off - sep.len, SIZE_MAX);
    }
    return tuple_new(3, items);
}
static obj_t str_partition(size_t n_args, size_t n_kw, const obj_t *args) { return str_partition_impl(n_args, args, false); }
static obj_t str_rpartition(size_t n_args, size_t n_kw, const obj_t *args) { return str_partition_impl(n_args, args, true); }
DEFINE_FUN(str_partition_obj, partition, 2, 2, str_partition);
DEFINE_FUN(str_rpartition_obj, rpartition, 2, 2, str_rpartition);

/* ------------------------------------------------------------------------------------------ */
/* join, replace */

static obj_t str_join(size_t n_args, size_t n_kw, const obj_t *args) {
    sview_t self;
    sview(args[0], &self);
    obj_t seq = args[1];
    if (!obj_is_type(seq, &list_type) && !obj_is_type(seq, &tuple_type)) {
        obj_t l = list_new(0, NULL);
        obj_t it = rt_getiter(seq);
        for (obj_t x; (x = rt_iternext(it)) != OBJ_NULL;) {
            list_append(l, x);
        }
        seq = l;
    }
    size_t n;
    obj_t *items;
    obj_get_array(seq, &n, &items);
    if (n == 0) {
        return sv_new(&self, self.d, 0, 0);
    }
    bool is_str = sv_is_str(&self);
    if (n == 1 && is_str && obj_is_str(items[0])) {
        return items[0];
    }
    size_t total = self.len * (n - 1), ctotal = self.clen * (n - 1);
    bool ctotal_known = true;
    for (size_t i = 0; i < n; i++) {
        obj_t x = items[i];
        bool ok = is_str ? obj_is_str(x) : (obj_is_type(x, &bytes_type) || obj_is_type(x, &bytearray_type));
        if (!ok && !is_str && obj_is_type(x, &memoryview_type)) {
            /* other bytes-like items: work on a copy of the sequence with them as bytes */
            obj_t copy = list_new(n, items);
            list_obj_t *cl = OBJ_TO_PTR(copy);
            for (size_t k = i; k < n; k++) {
                if (obj_is_type(cl->items[k], &memoryview_type)) {
                    buffer_info_t bi;
                    rt_get_buffer_or_raise(cl->items[k], &bi, BUFFER_READ);
                    cl->items[k] = bytes_new(bi.buf, bi.len);
                }
            }
            items = cl->items;
            x = items[i];
            ok = true;
        }
        if (!ok) {
            raise_msg(&type_TypeError, "join expects a list of str/bytes objects consistent with self object");
        }
        size_t l;
        str_get_data(x, &l);
        total += l;
        if (is_str) {
            if (obj_is_qstr(x)) {
                ctotal_known = false;
            } else {
                ctotal += ((const str_obj_t *)OBJ_TO_PTR(x))->char_len;
            }
        }
    }
    vstr_t v;
    vstr_init(&v, total + 1);
    char *out = v.buf;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && self.len) {
            memcpy(out, self.d, self.len);
            out += self.len;
        }
        size_t l;
        const char *d = str_get_data(items[i], &l);
        memcpy(out, d, l);
        out += l;
    }
    v.len = total;
    if (!is_str) {
        return str_take_vstr(self.type, &v, total);
    }
    return str_take_vstr(&str_type, &v, ctotal_known ? ctotal : utf8_char_count((const uint8_t *)v.buf, total));
}
DEFINE_FUN(str_join_obj, join, 2, 2, str_join);

static obj_t str_replace(size_t n_args, size_t n_kw, const obj_t *args) {
    sview_t self, old, new_;
    sview(args[0], &self);
    sview_arg(&self, args[1], &old);
    sview_arg(&self, args[2], &new_);
    int_t max = n_args > 3 ? str_index_arg(args[3]) : -1;
    if (max < 0) {
        max = INTPTR_MAX;
    }
    vstr_t v;
    size_t count = 0;
    const uint8_t *p = self.d, *e = self.d + self.len;
    if (old.len == 0) {
        /* insert new_ before every code point and at the end, max times */
        vstr_init(&v, self.len + (self.clen + 1) * new_.len + 1);
        while ((int_t)count < max) {
            vstr_add_strn(&v, (const char *)new_.d, new_.len);
            count++;
            if (p >= e) {
                break;
            }
            size_t nx;
            sv_char_at(&self, (size_t)(p - self.d), &nx);
            vstr_add_strn(&v, (const char *)p, nx - (size_t)(p - self.d));
            p = self.d + nx;
        }
    } else {
        const uint8_t *hit = str_memmem(p, (size_t)(e - p), old.d, old.len);
        if (hit == NULL || max == 0) {
            return sv_same(args[0], &self);
        }
        vstr_init(&v, self.len + (new_.len > old.len ? 4 * (new_.len - old.len) : 0) + 1);
        while (hit != NULL) {
            vstr_add_strn(&v, (const char *)p, (size_t)(hit - p));
            vstr_add_strn(&v, (const char *)new_.d, new_.len);
            p = hit + old.len;
            if ((int_t)++count >= max) {
                break;
            }
            hit = str_memmem(p, (size_t)(e - p), old.d, old.len);
        }
    }
    if (count == 0) {
        vstr_clear(&v);
        return sv_same(args[0], &self);
    }
    vstr_add_strn(&v, (const char *)p, (size_t)(e - p));
    size_t cl = SIZE_MAX;
    if (sv_is_str(&self) && sv_ascii(&self) && sv_ascii(&new_)) {
        cl = v.len;
    }
    return sv_from_vstr(&self, &v, cl);
}
DEFINE_FUN(str_replace_obj, replace, 3, 4, str_replace);

/* ------------------------------------------------------------------------------------------ */
/* strip */

static bool str_in_chars(const sview_t *self, const sview_t *chars, uint32_t c) {
    if (chars == NULL) {
        return sv_is_space(self, c);
    }
    if (!sv_is_str(chars) || sv_ascii(chars)) {
        return c < 0x100 && memchr(chars->d, (int)c, chars->len) != NULL;
    }
    const uint8_t *p = chars->d, *e = chars->d + chars->len;
    while (p < e) {
        if (utf8_decode(&p) == c) {
            return true;
        }
    }
    return false;
}

static obj_t str_strip_impl(size_t n_args, const obj_t *args, bool left, bool right) {
    sview_t self, chars;
    sview(args[0], &self);
    const sview_t *cp = NULL;
    if (n_args > 1 && args[1] != OBJ_NONE) {
        sview_arg(&self, args[1], &chars);
        cp = &chars;
    }
    size_t s = 0, e = self.len, nx;
    if (left) {
        while (s < e && str_in_chars(&self, cp, sv_char_at(&self, s, &nx))) {
            s = nx;
        }
    }
    if (right) {
        while (e > s) {
            size_t pb = sv_char_before(&self, e);
            if (!str_in_chars(&self, cp, sv_char_at(&self, pb, &nx))) {
                break;
            }
            e = pb;
        }
    }
    if (s == 0 && e == self.len) {
        return sv_same(args[0], &self);
    }
    return sv_new(&self, self.d + s, e - s, sv_ascii(&self) ? e - s : SIZE_MAX);
}
static obj_t str_strip(size_t n_args, size_t n_kw, const obj_t *args) { return str_strip_impl(n_args, args, true, true); }
static obj_t str_lstrip(size_t n_args, size_t n_kw, const obj_t *args) { return str_strip_impl(n_args, args, true, false); }
static obj_t str_rstrip(size_t n_args, size_t n_kw, const obj_t *args) { return str_strip_impl(n_args, args, false, true); }
DEFINE_FUN(str_strip_obj, strip, 1, 2, str_strip);
DEFINE_FUN(str_lstrip_obj, lstrip, 1, 2, str_lstrip);
DEFINE_FUN(str_rstrip_obj, rstrip, 1, 2, str_rstrip);

/* ------------------------------------------------------------------------------------------ */
/* justification */

static obj_t str_justify(size_t n_args, const obj_t *args, int how /* -1 left, 0 center, 1 right */) {
    sview_t self;
    sview(args[0], &self);
    int_t width = obj_get_int(args[1]);
    const uint8_t *fill = (const uint8_t *)" ";
    size_t fill_len = 1;
    if (n_args > 2) {
        sview_t f;
        if (sv_is_str(&self)) {
            if (!obj_is_str(args[2])) {
                raise_fmt(&type_TypeError, "The fill character must be a unicode character, not %s", rt_type_name(args[2]));
            }
        }
        sview_arg(&self, args[2], &f);
        if (f.clen != 1) {
            raise_msg(&type_TypeError, "The fill character must be exactly one character long");
        }
        fill = f.d;
        fill_len = f.len;
    }
    if (width <= (int_t)self.clen) {
        return sv_same(args[0], &self);
    }
    size_t pad = (size_t)width - self.clen, lp, rp;
    if (how < 0) {
        lp = 0, rp = pad;
    } else if (how > 0) {
        lp = pad, rp = 0;
    } else {
        lp = pad / 2 + (pad & (size_t)width & 1);
        rp = pad - lp;
    }
    vstr_t v;
    vstr_init(&v, self.len + pad * fill_len + 1);
    for (size_t i = 0; i < lp; i++) {
        vstr_add_strn(&v, (const char *)fill, fill_len);
    }
    vstr_add_strn(&v, (const char *)self.d, self.len);
    for (size_t i = 0; i < rp; i++) {
        vstr_add_strn(&v, (const char *)fill, fill_len);
    }
    return sv_from_vstr(&self, &v, (size_t)width);
}
static obj_t str_ljust(size_t n_args, size_t n_kw, const obj_t *args) { return str_justify(n_args, args, -1); }
static obj_t str_rjust(size_t n_args, size_t n_kw, const obj_t *args) { return str_justify(n_args, args, 1); }
static obj_t str_center(size_t n_args, size_t n_kw, const obj_t *args) { return str_justify(n_args, args, 0); }
DEFINE_FUN(str_ljust_obj, ljust, 2, 3, str_ljust);
DEFINE_FUN(str_rjust_obj, rjust, 2, 3, str_rjust);
DEFINE_FUN(str_center_obj, center, 2, 3, str_center);

static obj_t str_zfill(size_t n_args, size_t n_kw, const obj_t *args) {
    sview_t self;
    sview(args[0], &self);
    int_t width = obj_get_int(args[1]);
    if (width <= (int_t)self.clen) {
        return sv_same(args[0], &self);
    }
    size_t pad = (size_t)width - self.clen;
    vstr_t v;
    vstr_init(&v, self.len + pad + 1);
    size_t s = 0;
    if (self.len > 0 && (self.d[0] == '+' || self.d[0] == '-')) {
        vstr_add_byte(&v, self.d[0]);
        s = 1;
    }
    vstr_add_fill(&v, '0', pad);
    vstr_add_strn(&v, (const char *)self.d + s, self.len - s);
    return sv_from_vstr(&self, &v, (size_t)width);
}
DEFINE_FUN(str_zfill_obj, zfill, 2, 2, str_zfill);

/* ------------------------------------------------------------------------------------------ */
/* case mapping */

typedef enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE } case_kind_t;

static uint32_t str_map_case(const sview_t *self, uint32_t c, case_kind_t kind, size_t index, bool *prev_cased) {
    bool is_str = sv_is_str(self);
    if (!is_str && c >= 0x80) {
        return c;
    }
    uint32_t r = c;
    switch (kind) {
        case CASE_LOWER:
            r = unichar_tolower(c);
            break;
        case CASE_UPPER:
            r = unichar_toupper(c);
            break;
        case CASE_SWAP:
            r = unichar_isupper(c) ? unichar_tolower(c) : unichar_islower(c) ? unichar_toupper(c) : c;
            break;
        case CASE_CAPITALIZE:
            r = index == 0 ? unichar_totitle(c) : unichar_tolower(c);
            break;
        case CASE_TITLE:
            r = *prev_cased ? unichar_tolower(c) : unichar_totitle(c);
            *prev_cased = unichar_isupper(c) || unichar_islower(c) || unichar_istitle(c);
            break;
    }
    return r;
}

static obj_t str_case(obj_t self_obj, case_kind_t kind) {
    sview_t self;
    sview(self_obj, &self);
    vstr_t v;
    vstr_init(&v, self.len + 1);
    bool prev = false;
    if (sv_ascii(&self) && (kind == CASE_UPPER || kind == CASE_LOWER)) {
        /* ASCII upper/lower: a branch-light byte loop */
        uint8_t *out = (uint8_t *)vstr_add_len(&v, self.len);
        uint8_t lo = kind == CASE_UPPER ? 'a' : 'A';
        for (size_t i = 0; i < self.len; i++) {
            uint8_t c = self.d[i];
            out[i] = (uint8_t)(c - lo) < 26 ? c ^ 0x20 : c;
        }
        return sv_from_vstr(&self, &v, self.len);
    }
    if (sv_ascii(&self)) {
        uint8_t *out = (uint8_t *)vstr_add_len(&v, self.len);
        for (size_t i = 0; i < self.len; i++) {
            out[i] = (uint8_t)str_map_case(&self, self.d[i], kind, i, &prev);
        }
        return sv_from_vstr(&self, &v, self.len);
    }
    size_t i = 0, k = 0, nx;
    bool grew = false;
    while (i < self.len) {
        uint32_t c = sv_char_at(&self, i, &nx);
        if (c == 0xdf && sv_is_str(&self)) {
            /* sharp s has no single-character uppercase: it becomes "SS" (title: "Ss") */
            bool was_prev = prev;
            uint32_t m = str_map_case(&self, c, kind, k++, &prev);
            bool up = kind == CASE_UPPER || kind == CASE_SWAP || (kind == CASE_CAPITALIZE && k == 1) ||
                      (kind == CASE_TITLE && !was_prev);
            if (up) {
                vstr_add_byte(&v, 'S');
                vstr_add_byte(&v, (kind == CASE_UPPER || kind == CASE_SWAP) ? 'S' : 's');
                grew = true;
            } else {
                vstr_add_char(&v, m);
            }
            i = nx;
            continue;
        }
        vstr_add_char(&v, str_map_case(&self, c, kind, k++, &prev));
        i = nx;
    }
    return sv_from_vstr(&self, &v, grew ? SIZE_MAX : self.clen);
}
static obj_t str_lower(obj_t self) { return str_case(self, CASE_LOWER); }
static obj_t str_upper(obj_t self) { return str_case(self, CASE_UPPER); }
static obj_t str_swapcase(obj_t self) { return str_case(self, CASE_SWAP); }
static obj_t str_capitalize(obj_t self) { return str_case(self, CASE_CAPITALIZE); }
static obj_t str_title(obj_t self) { return str_case(self, CASE_TITLE); }

typedef enum { IS_SPACE, IS_ALPHA, IS_DIGIT, IS_ALNUM, IS_UPPER, IS_LOWER } is_kind_t;

static obj_t str_is(obj_t self_obj, is_kind_t kind) {
    sview_t self;
    sview(self_obj, &self);
    if (self.len == 0) {
        return OBJ_FALSE;
    }
    bool is_str = sv_is_str(&self);
    bool any_cased = false;
    size_t i = 0, nx;
    while (i < self.len) {
        uint32_t c = sv_char_at(&self, i, &nx);
        i = nx;
        bool ok;
        if (!is_str && c >= 0x80) {
            ok = kind == IS_UPPER || kind == IS_LOWER; /* uncased */
            if (!ok) {
                return OBJ_FALSE;
            }
            continue;
        }
        switch (kind) {
            case IS_SPACE:
                ok = sv_is_space(&self, c);
                break;
            case IS_ALPHA:
                ok = unichar_isalpha(c);
                break;
            case IS_DIGIT:
                ok = unichar_isdigit(c);
                break;
            case IS_ALNUM:
                ok = unichar_isalpha(c) || unichar_isdigit(c);
                break;
            case IS_UPPER:
                if (unichar_islower(c) || unichar_istitle(c)) {
                    return OBJ_FALSE;
                }
                any_cased |= unichar_isupper(c);
                ok = true;
                break;
            default: /* IS_LOWER */
                if (unichar_isupper(c) || unichar_istitle(c)) {
                    return OBJ_FALSE;
                }
                any_cased |= unichar_islower(c);
                ok = true;
                break;
        }
        if (!ok) {
            return OBJ_FALSE;
        }
    }
    if (kind == IS_UPPER || kind == IS_LOWER) {
        return obj_bool(any_cased);
    }
    return OBJ_TRUE;
}

static obj_t str_isascii(obj_t self_obj) {
    sview_t self;
    sview(self_obj, &self);
    return obj_bool(utf8_is_ascii(self.d, self.len));
}

static obj_t str_isprintable(obj_t self_obj) {
    sview_t self;
    sview(self_obj, &self);
    size_t i = 0, nx;
    while (i < self.len) {
        if (!unichar_isprint(sv_char_at(&self, i, &nx))) {
            return OBJ_FALSE;
        }
        i = nx;
    }
    return OBJ_TRUE;
}

static obj_t str_isidentifier(obj_t self_obj) {
    sview_t self;
    sview(self_obj, &self);
    if (self.len == 0) {
        return OBJ_FALSE;
    }
    size_t i = 0, nx;
    bool first = true;
    while (i < self.len) {
        uint32_t c = sv_char_at(&self, i, &nx);
        bool ok = c == '_' || unichar_isalpha(c) || (!first && unichar_isdigit(c) && c < 0x80);
        if (!ok) {
            return OBJ_FALSE;
        }
        first = false;
        i = nx;
    }
    return OBJ_TRUE;
}

static obj_t str_istitle(obj_t self_obj) {
    sview_t self;
    sview(self_obj, &self);
    bool prev_cased = false, any = false;
    size_t i = 0, nx;
    while (i < self.len) {
        uint32_t c = sv_char_at(&self, i, &nx);
        if (!sv_is_str(&self) && c >= 0x80) {
            prev_cased = false;
        } else if (unichar_isupper(c)) {
            if (prev_cased) {
                return OBJ_FALSE;
            }
            prev_cased = any = true;
        } else if (unichar_islower(c)) {
            if (!prev_cased) {
                return OBJ_FALSE;
            }
            prev_cased = any = true;
        } else {
            prev_cased = false;
        }
        i = nx;
    }
    return obj_bool(any);
}

static obj_t str_expandtabs(size_t n_args, size_t n_kw, const obj_t *args) {
    sview_t self;
    sview(args[0], &self);
    int_t tab = n_args > 1 ? obj_get_int(args[1]) : 8;
    vstr_t v;
    vstr_init(&v, self.len + 16);
    size_t col = 0, i = 0, nx;
    while (i < self.len) {
        uint32_t c = sv_char_at(&self, i, &nx);
        if (c == '\t') {
            if (tab > 0) {
                size_t n = (size_t)tab - col % (size_t)tab;
                vstr_add_fill(&v, ' ', n);
                col += n;
            }
        } else {
            vstr_add_strn(&v, (const char *)self.d + i, nx - i);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        i = nx;
    }
    return sv_from_vstr(&self, &v, SIZE_MAX);
}
static DEFINE_FUN(str_expandtabs_obj, expandtabs, 1, 2, str_expandtabs);

#define STR_UNARY_METHOD(name, expr)                                                             \
    static obj_t str_##name##_fun(size_t n_args, size_t n_kw, const obj_t *args) { return expr; } \
    DEFINE_FUN(str_##name##_obj, name, 1, 1, str_##name##_fun)
STR_UNARY_METHOD(lower, str_lower(args[0]));
STR_UNARY_METHOD(upper, str_upper(args[0]));
STR_UNARY_METHOD(swapcase, str_swapcase(args[0]));
STR_UNARY_METHOD(capitalize, str_capitalize(args[0]));
STR_UNARY_METHOD(title, str_title(args[0]));
STR_UNARY_METHOD(isspace, str_is(args[0], IS_SPACE));
STR_UNARY_METHOD(isalpha, str_is(args[0], IS_ALPHA));
STR_UNARY_METHOD(isdigit, str_is(args[0], IS_DIGIT));
STR_UNARY_METHOD(isalnum, str_is(args[0], IS_ALNUM));
STR_UNARY_METHOD(isupper, str_is(args[0], IS_UPPER));
STR_UNARY_METHOD(islower, str_is(args[0], IS_LOWER));
STR_UNARY_METHOD(isdecimal, str_is(args[0], IS_DIGIT));
STR_UNARY_METHOD(isnumeric, str_is(args[0], IS_DIGIT));
STR_UNARY_METHOD(isascii, str_isascii(args[0]));
STR_UNARY_METHOD(isprintable, str_isprintable(args[0]));
STR_UNARY_METHOD(isidentifier, str_isidentifier(args[0]));
STR_UNARY_METHOD(istitle, str_istitle(args[0]));
STR_UNARY_METHOD(casefold, str_lower(args[0]));

/* ------------------------------------------------------------------------------------------ */
/* encode / decode / hex */

static const arg_spec_t str_codec_specs[] = {
    {QSTR_encoding, ARG_KIND_OBJ, ROM_QSTR(QSTR_utf8)},
    {QSTR_errors, ARG_KIND_OBJ, ROM_QSTR(QSTR_strict)},
};

/* encoding= and errors= as who (encode, decode, str, bytes, bytearray) got them: each a str when
 * given (OBJ_NULL: not given), else TypeError as CPython words it. */
static void str_codec_args_check(const char *who, obj_t encoding, obj_t errors) {
    obj_t bad = encoding != OBJ_NULL && !obj_is_str(encoding) ? encoding : errors;
    if (bad != OBJ_NULL && !obj_is_str(bad)) {
        raise_fmt(&type_TypeError, "%s() argument '%s' must be str, not %s", who,
            bad == encoding ? "encoding" : "errors", bad == OBJ_NONE ? "None" : rt_type_name(bad));
    }
}

/* The codecs are MicroPython's: utf-8 (also utf8, u8) and ascii; any other is LookupError.
 * enc is a str (str_codec_args_check) or OBJ_NULL for the default, utf-8. */
typedef enum { CODEC_UTF8, CODEC_ASCII } str_codec_t;

static str_codec_t str_codec(obj_t enc) {
    if (enc == OBJ_NULL) {
        return CODEC_UTF8;
    }
    size_t len;
    const char *e = str_get_data(enc, &len);
    char low[16];
    if (len >= sizeof(low)) {
        goto bad;
    }
    for (size_t i = 0; i < len; i++) {
        low[i] = (char)((e[i] >= 'A' && e[i] <= 'Z') ? e[i] + 32 : (e[i] == '_' ? '-' : e[i]));
    }
    low[len] = '\0';
    if (strcmp(low, "utf-8") == 0 || strcmp(low, "utf8") == 0 || strcmp(low, "u8") == 0) {
        return CODEC_UTF8;
    }
    if (strcmp(low, "ascii") == 0) {
        return CODEC_ASCII;
    }
bad:
    raise_fmt(&type_LookupError, "unknown encoding: %.*s", (int)len, e);
}

/* errors= (a str or OBJ_NULL), looked at only when a character can't be coded, as in CPython:
 * 's'trict, 'i'gnore or 'r'eplace; any other name is LookupError. */
static char str_errors(obj_t errors) {
    if (errors == OBJ_NULL) {
        return 's';
    }
    size_t len;
    const char *e = str_get_data(errors, &len);
    if (len == 6 && memcmp(e, "strict", 6) == 0) {
        return 's';
    }
    if (len == 6 && memcmp(e, "ignore", 6) == 0) {
        return 'i';
    }
    if (len == 7 && memcmp(e, "replace", 7) == 0) {
        return 'r';
    }
    raise_fmt(&type_LookupError, "unknown error handler name '%.*s'", (int)len, e);
}

/* bytes.decode and str(buffer, encoding, errors): MicroPython's structural UTF-8 check (or ascii);
 * invalid bytes are UnicodeError, or skipped or replaced as errors= says. */
static obj_t str_decode(const uint8_t *d, size_t len, obj_t encoding, obj_t errors) {
    bool ascii = str_codec(encoding) == CODEC_ASCII;
    size_t i = 0, n = 1;
    while (i < len && (n = ascii ? (d[i] < 0x80) : utf8_seq_len(d + i, len - i)) != 0) {
        i += n;
    }
    if (i == len) {
        return str_new((const char *)d, len);
    }
    char mode = str_errors(errors);
    if (mode == 's') {
        raise_msg(&type_UnicodeError, ascii ? "invalid ascii" : "invalid utf-8");
    }
    vstr_t v;
    vstr_init(&v, len);
    for (i = 0; i < len; i += n) {
        n = ascii ? (d[i] < 0x80) : utf8_seq_len(d + i, len - i);
        if (n) {
            vstr_add_strn(&v, (const char *)d + i, n);
            continue;
        }
        /* one bad sequence (a lead byte and the continuation bytes it got) is one U+FFFD */
        n = 1;
        if (!ascii && d[i] >= 0xc0 && d[i] < 0xf8) {
            size_t need = d[i] < 0xe0 ? 1 : d[i] < 0xf0 ? 2 : 3;
            while (n <= need && i + n < len && utf8_is_cont(d[i + n])) {
                n++;
            }
        }
        if (mode == 'r') {
            vstr_add_strn(&v, "\xef\xbf\xbd", 3);
        }
    }
    return str_new_from_vstr(&v);
}

/* The bytes of s in encoding; ascii refuses any other character (UnicodeError, as str.encode and
 * MicroPython's bytes(s, 'ascii') do) unless errors= says to drop it or write '?' for it. Not
 * strict (bytes()): a str whose bytes are not UTF-8 at all (a text file's bytes read back, which
 * the WiPy's byte strings allow and its own tests/ports/cc3200/os.py relies on) gives those bytes
 * back. */
static void str_encode_into(vstr_t *v, obj_t s, obj_t encoding, obj_t errors, bool strict) {
    str_codec_t codec = str_codec(encoding);
    size_t len;
    const char *d = str_get_data(s, &len);
    if (codec == CODEC_UTF8 || utf8_is_ascii((const uint8_t *)d, len) ||
        (!strict && !utf8_check((const uint8_t *)d, len))) {
        vstr_add_strn(v, d, len);
        return;
    }
    char mode = str_errors(errors);
    if (mode == 's') {
        raise_msg(&type_UnicodeError, "non-ascii character");
    }
    for (size_t i = 0; i < len; i++) {
        uint8_t b = (uint8_t)d[i];
        if (b < 0x80) {
            vstr_add_byte(v, b);
        } else if (mode == 'r' && utf8_starts_char((const uint8_t *)d, i)) { /* one '?' a character */
            vstr_add_byte(v, '?');
        }
    }
}

static obj_t str_encode(size_t n_args, size_t n_kw, const obj_t *args) {
    arg_val_t a[2];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 2, str_codec_specs, a);
    str_codec_args_check("encode", a[0].o, a[1].o);
    str_codec(a[0].o);
    if (!obj_is_str(args[0])) {
        raise_fmt(&type_TypeError, "descriptor 'encode' requires a 'str' object but received a '%s'", rt_type_name(args[0]));
    }
    vstr_t v;
    vstr_init(&v, 16);
    str_encode_into(&v, args[0], a[0].o, a[1].o, true);
    obj_t r = bytes_new(v.buf, v.len);
    vstr_clear(&v);
    return r;
}
DEFINE_FUN_KW(str_encode_obj, encode, 1, 3, str_encode);

static obj_t bytes_decode(size_t n_args, size_t n_kw, const obj_t *args) {
    arg_val_t a[2];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 2, str_codec_specs, a);
    str_codec_args_check("decode", a[0].o, a[1].o);
    buffer_info_t bi;
    rt_get_buffer_or_raise(args[0], &bi, BUFFER_READ);
    return str_decode(bi.buf, bi.len, a[0].o, a[1].o);
}
DEFINE_FUN_KW(bytes_decode_obj, decode, 1, 3, bytes_decode);

static obj_t bytes_hex(size_t n_args, size_t n_kw, const obj_t *args) {
    buffer_info_t bi;
    rt_get_buffer_or_raise(args[0], &bi, BUFFER_READ);
    const uint8_t *d = bi.buf;
    const char *sep = NULL;
    size_t sep_len = 0;
    int_t per = 1;
    if (n_args > 1) {
        sep = str_get_data(args[1], &sep_len);
        if (!obj_is_str(args[1]) && !obj_is_type(args[1], &bytes_type)) {
            raise_msg(&type_TypeError, "sep must be str or bytes.");
        }
        if (sep_len != 1) {
            raise_msg(&type_ValueError, "sep must be length 1.");
        }
        if (n_args > 2) {
            per = obj_get_int(args[2]);
        }
    }
    static const char hexd[] = DIGITS_LOWER;
    vstr_t v;
    vstr_init(&v, bi.len * 3 + 1);
    size_t group = (size_t)(per < 0 ? -per : per);
    for (size_t i = 0; i < bi.len; i++) {
        if (i > 0 && sep != NULL && group > 0) {
            /* positive: groups counted from the right; negative: from the left */
            bool put = per > 0 ? ((bi.len - i) % group == 0) : (i % group == 0);
            if (put) {
                vstr_add_byte(&v, (uint8_t)sep[0]);
            }
        }
        vstr_add_byte(&v, (uint8_t)hexd[d[i] >> 4]);
        vstr_add_byte(&v, (uint8_t)hexd[d[i] & 15]);
    }
    return str_take_vstr(&str_type, &v, v.len);
}
DEFINE_FUN(bytes_hex_obj, hex, 1, 3, bytes_hex);


void bytes_parse_hex(const char *s, size_t len, vstr_t *out) {
    size_t i = 0;
    while (i < len) {
        uint8_t c = (uint8_t)s[i];
        if (str_ascii_space(c, false)) {
            i++;
            continue;
        }
        int hi = hex_digit_value(c);
        int lo = i + 1 < len ? hex_digit_value((uint8_t)s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            size_t pos = hi < 0 ? i : i + 1;
            raise_fmt(&type_ValueError, "non-hexadecimal number found in fromhex() arg at position %u", (unsigned)pos);
        }
        vstr_add_byte(out, (uint8_t)(hi * 16 + lo));
        i += 2;
    }
}

static obj_t bytes_fromhex(size_t n_args, size_t n_kw, const obj_t *args) {
    /* callable as bytes.fromhex(s) or b.fromhex(s): the text is the last argument */
    obj_t s = args[n_args - 1];
    if (!obj_is_str(s)) {
        raise_fmt(&type_TypeError, "fromhex() argument must be str, not %s", rt_type_name(s));
    }
    size_t len;
    const char *d = str_get_data(s, &len);
    vstr_t v;
    vstr_init(&v, len / 2 + 1);
    bytes_parse_hex(d, len, &v);
    return bytes_new_from_vstr(&v);
}
DEFINE_FUN(bytes_fromhex_obj, fromhex, 1, 2, bytes_fromhex);
/* a classmethod in the type's table: bytes.fromhex(s) and b.fromhex(s) both pass (cls, s) */
static const classmethod_obj_t bytes_fromhex_cm = {{&classmethod_type}, ROM_PTR(&bytes_fromhex_obj)};

static obj_t bytearray_fromhex(size_t n_args, size_t n_kw, const obj_t *args) {
    vstr_t v;
    vstr_init(&v, 16);
    obj_t b = bytes_fromhex(n_args, n_kw, args);
    size_t len;
    const char *d = str_get_data(b, &len);
    vstr_add_strn(&v, d, len);
    return bytearray_new_from_vstr(&v);
}
DEFINE_FUN(bytearray_fromhex_obj, fromhex, 1, 2, bytearray_fromhex);
const classmethod_obj_t bytearray_fromhex_cm = {{&classmethod_type}, ROM_PTR(&bytearray_fromhex_obj)};

DEFINE_FUN_KW(str_format_obj, format, 1, NATIVE_VARARGS, str_format_method);

/* ------------------------------------------------------------------------------------------ */
/* repr */

void str_print_quoted(const print_t *p, const uint8_t *s, size_t len, bool is_bytes) {
    bool has_sq = memchr(s, '\'', len) != NULL;
    bool has_dq = has_sq && memchr(s, '"', len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    if (is_bytes) {
        print_strn(p, "b", 1);
    }
    print_strn(p, &q, 1);
    static const char hexd[] = DIGITS_LOWER;
    size_t run = 0; /* start of the pending run of bytes printed as is */
    size_t i = 0;
    while (i < len) {
        uint8_t c = s[i];
        char esc[12];
        size_t n = 0;
        size_t next = i + 1;
        if (c == '\\' || c == (uint8_t)q) {
            esc[0] = '\\', esc[1] = (char)c, n = 2;
        } else if (c == '\n') {
            esc[0] = '\\', esc[1] = 'n', n = 2;
        } else if (c == '\r') {
            esc[0] = '\\', esc[1] = 'r', n = 2;
        } else if (c == '\t') {
            esc[0] = '\\', esc[1] = 't', n = 2;
        } else if (c < 0x20 || c == 0x7f || (is_bytes && c >= 0x80)) {
            esc[0] = '\\', esc[1] = 'x', esc[2] = hexd[c >> 4], esc[3] = hexd[c & 15], n = 4;
        } else if (c >= 0x80) {
            /* a str read from a text file may hold any bytes: a byte outside a whole UTF-8
             * sequence is shown as \xNN, and nothing past the end is read */
            uint32_t cp = c;
            size_t seq = utf8_seq_len(s + i, len - i);
            bool whole = seq != 0;
            if (whole) { /* just the sequence: continuation bytes after it are shown apart */
                cp = utf8_decode_seq(s + i, seq);
                next = i + seq;
            }
            if (!whole || !unichar_isprint(cp)) {
                esc[0] = '\\';
                if (cp < 0x100) {
                    esc[1] = 'x', n = 2;
                    for (int k = 4; k >= 0; k -= 4) esc[n++] = hexd[(cp >> k) & 15];
                } else if (cp < 0x10000) {
                    esc[1] = 'u', n = 2;
                    for (int k = 12; k >= 0; k -= 4) esc[n++] = hexd[(cp >> k) & 15];
                } else {
                    esc[1] = 'U', n = 2;
                    for (int k = 28; k >= 0; k -= 4) esc[n++] = hexd[(cp >> k) & 15];
                }
            }
        }
        if (n > 0) {
            print_strn(p, (const char *)s + run, i - run);
            print_strn(p, esc, n);
            run = next;
        }
        i = next;
    }
    print_strn(p, (const char *)s + run, len - run);
    print_strn(p, &q, 1);
}

obj_t obj_ascii(obj_t o) {
    obj_t r = obj_repr(o);
    size_t len;
    const uint8_t *d = (const uint8_t *)str_get_data(r, &len);
    if (utf8_is_ascii(d, len)) {
        return r;
    }
    static const char hexd[] = DIGITS_LOWER;
    vstr_t v;
    vstr_init(&v, len + 16);
    const uint8_t *p = d, *e = d + len;
    while (p < e) {
        if (*p < 0x80) {
            vstr_add_byte(&v, *p++);
            continue;
        }
        uint32_t c = utf8_decode(&p);
        int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
        vstr_add_byte(&v, '\\');
        vstr_add_byte(&v, digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
        for (int k = (digits - 1) * 4; k >= 0; k -= 4) {
            vstr_add_byte(&v, (uint8_t)hexd[(c >> k) & 15]);
        }
    }
    return str_take_vstr(&str_type, &v, v.len);
}

static void str_print(const print_t *p, obj_t o, print_kind_t kind) {
    size_t len;
    const char *d = str_get_data(o, &len);
    bool is_bytes = !obj_is_str(o);
    if (kind == PRINT_STR && !is_bytes) {
        print_strn(p, d, len);
        return;
    }
    str_print_quoted(p, (const uint8_t *)d, len, is_bytes);
}

/* ------------------------------------------------------------------------------------------ */
/* constructors */

uint8_t bytes_value_of(obj_t o) {
    int_t v;
    if (obj_is_small_int(o)) {
        v = small_int_value(o);
    } else if (!obj_get_int_maybe(o, &v)) {
        raise_fmt(&type_TypeError, "'%s' object cannot be interpreted as an integer", rt_type_name(o));
    }
    if (v < 0 || v > 255) {
        raise_msg(&type_ValueError, "bytes must be in range(0, 256)");
    }
    return (uint8_t)v;
}

void bytes_collect(obj_t src, vstr_t *v) {
    buffer_info_t bi;
    if (!obj_is_str(src) && rt_get_buffer(src, &bi, BUFFER_READ)) {
        vstr_add_strn(v, bi.buf, bi.len);
        return;
    }
    if (obj_is_type(src, &list_type) || obj_is_type(src, &tuple_type)) {
        size_t n;
        obj_t *items;
        obj_get_array(src, &n, &items);
        for (size_t i = 0; i < n; i++) {
            vstr_add_byte(v, bytes_value_of(items[i]));
        }
        return;
    }
    obj_t it = rt_getiter(src);
    for (obj_t x; (x = rt_iternext(it)) != OBJ_NULL;) {
        vstr_add_byte(v, bytes_value_of(x));
    }
}

/* The arguments of str(object, encoding, errors) and bytes()/bytearray()'s (source, encoding,
 * errors), by position only, as MicroPython takes them; out[i] is OBJ_NULL when not given,
 * encoding and errors are str when given. */
static void str_ctor_args(const char *who, size_t n_args, size_t n_kw, const obj_t *args, obj_t out[3]) {
    if (n_kw > 0) {
        raise_msg(&type_NotImplementedError, "keyword argument(s) not implemented - use normal args instead");
    }
    if (n_args > 3) {
        raise_fmt(&type_TypeError, "%s() takes at most 3 arguments (%u given)", who, (unsigned)n_args);
    }
    for (size_t i = 0; i < 3; i++) {
        out[i] = i < n_args ? args[i] : OBJ_NULL;
    }
    str_codec_args_check(who, out[1], out[2]);
}

/* str(), str(object), str(buffer, encoding[, errors]): decoding as soon as encoding or errors is
 * given, as in CPython, by position only, as in MicroPython. */
static obj_t str_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1 && n_kw == 0) { /* the common str(x) */
        return obj_str(args[0]);
    }
    obj_t a[3];
    str_ctor_args("str", n_args, n_kw, args, a);
    if (a[1] == OBJ_NULL && a[2] == OBJ_NULL) {
        return a[0] == OBJ_NULL ? ROM_QSTR(QSTR__empty) : obj_str(a[0]);
    }
    if (a[0] == OBJ_NULL) {
        return ROM_QSTR(QSTR__empty);
    }
    buffer_info_t bi;
    if (obj_is_str(a[0])) {
        raise_msg(&type_TypeError, "decoding str is not supported");
    }
    if (!rt_get_buffer(a[0], &bi, BUFFER_READ)) {
        raise_fmt(&type_TypeError, "decoding to str: need a bytes-like object, %s found", rt_type_name(a[0]));
    }
    return str_decode(bi.buf, bi.len, a[1], a[2]);
}

/* bytes()/bytearray(): source (an int count, a str with an encoding, a buffer or an iterable of
 * ints), encoding and errors, by position; the result is left in v. */
void bytes_make_vstr(const char *who, size_t n_args, size_t n_kw, const obj_t *args, vstr_t *v) {
    obj_t a[3];
    str_ctor_args(who, n_args, n_kw, args, a);
    obj_t src = a[0];
    if (src != OBJ_NULL && obj_is_str(src)) {
        if (a[1] == OBJ_NULL) {
            raise_msg(&type_TypeError, "string argument without an encoding");
        }
        str_encode_into(v, src, a[1], a[2], false);
        return;
    }
    if (a[1] != OBJ_NULL) {
        raise_msg(&type_TypeError, "encoding without a string argument");
    }
    if (a[2] != OBJ_NULL) {
        raise_msg(&type_TypeError, "errors without a string argument");
    }
    if (src == OBJ_NULL) {
        return;
    }
    if (obj_is_int(src)) {
        int_t n = obj_get_int(src);
        if (n < 0) {
            raise_msg(&type_ValueError, "negative count");
        }
        vstr_add_fill(v, 0, (size_t)n);
        return;
    }
    bytes_collect(src, v);
}

static obj_t bytes_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1 && n_kw == 0 && obj_is_type(args[0], &bytes_type)) {
        return args[0];
    }
    vstr_t v;
    vstr_init(&v, 16);
    bytes_make_vstr("bytes", n_args, n_kw, args, &v);
    return bytes_new_from_vstr(&v);
}

/* ------------------------------------------------------------------------------------------ */
/* operators */

static bool str_buffer(obj_t self, buffer_info_t *info, int flags);

static obj_t str_repeat(obj_t self, obj_t n_obj) {
    int_t n;
    if (!obj_get_int_maybe(n_obj, &n)) {
        return OBJ_NULL;
    }
    sview_t v;
    sview(self, &v);
    if (n <= 0 || v.len == 0) {
        return sv_new(&v, v.d, 0, 0);
    }
    if (n == 1 && v.type != &bytearray_type) {
        return self;
    }
    if ((size_t)n > (SIZE_MAX / 2) / v.len) {
        raise_msg(&type_OverflowError, obj_is_str(self) ? "repeated string is too long" : "repeated bytes are too long");
    }
    size_t total = v.len * (size_t)n;
    vstr_t out;
    vstr_init(&out, total + 1);
    memcpy(out.buf, v.d, v.len);
    size_t have = v.len;
    while (have < total) {
        size_t c = have <= total - have ? have : total - have;
        memcpy(out.buf + have, out.buf, c);
        have += c;
    }
    out.len = total;
    return sv_from_vstr(&v, &out, v.clen * (size_t)n);
}

static int str_compare(const sview_t *a, const sview_t *b) {
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->d, b->d, n);
    if (c != 0) {
        return c;
    }
    return a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
}

/* Shared by str, bytes and bytearray (lhs is one of them). */
obj_t str_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    bool lhs_str = obj_is_str(lhs);
    switch (op) {
        case BINARY_OP_MODULO:
            if (obj_is_type(lhs, &bytearray_type)) {
                obj_t r = str_modulo_format(lhs, rhs);
                size_t len;
                const char *d = str_get_data(r, &len);
                return bytearray_new(d, len);
            }
            return str_modulo_format(lhs, rhs);
        case BINARY_OP_MULTIPLY:
        case BINARY_OP_REVERSE_MULTIPLY:
            return str_repeat(lhs, rhs);
        case BINARY_OP_CONTAINS: {
            sview_t self, needle;
            sview(lhs, &self);
            uint8_t byte;
            if (lhs_str) {
                if (!obj_is_str(rhs)) {
                    raise_fmt(&type_TypeError, "'in <string>' requires string as left operand, not %s", rt_type_name(rhs));
                }
                sview(rhs, &needle);
            } else if (obj_is_int(rhs)) {
                byte = bytes_value_of(rhs);
                needle.d = &byte;
                needle.len = 1;
            } else {
                sview_arg(&self, rhs, &needle);
            }
            return obj_bool(str_memmem(self.d, self.len, needle.d, needle.len) != NULL);
        }
        default:
            break;
    }
    /* the remaining ops need a rhs of the same kind */
    sview_t a, b;
    bool rhs_ok;
    if (lhs_str) {
        rhs_ok = obj_is_str(rhs);
    } else {
        buffer_info_t bi;
        rhs_ok = !obj_is_str(rhs) && rt_get_buffer(rhs, &bi, BUFFER_READ);
        if (op >= BINARY_OP_LESS && op <= BINARY_OP_NOT_EQUAL) {
            /* compared only with bytes, bytearray, memoryview: an array is never equal to bytes */
            rhs_ok = obj_is_type(rhs, &bytes_type) || obj_is_type(rhs, &bytearray_type) ||
                     obj_is_type(rhs, &memoryview_type);
        }
    }
    if (!rhs_ok) {
        if (op == BINARY_OP_ADD && lhs_str && !(obj_type(rhs)->flags & TYPE_FLAG_USER_CLASS)) {
            str_raise_implicit(rhs);
        }
        if (op == BINARY_OP_EQUAL) {
            return (obj_type(rhs)->flags & TYPE_FLAG_USER_CLASS) ? OBJ_NULL : OBJ_FALSE;
        }
        if (op == BINARY_OP_NOT_EQUAL) {
            return (obj_type(rhs)->flags & TYPE_FLAG_USER_CLASS) ? OBJ_NULL : OBJ_TRUE;
        }
        return OBJ_NULL;
    }
    if (lhs_str && (op == BINARY_OP_EQUAL || op == BINARY_OP_NOT_EQUAL)) {
        return obj_bool(str_equal(lhs, rhs) == (op == BINARY_OP_EQUAL));
    }
    if (op >= BINARY_OP_LESS && op <= BINARY_OP_MORE_EQUAL && op != BINARY_OP_EQUAL) {
        /* ordering needs only the bytes (UTF-8 byte order == code point order) */
        buffer_info_t bl, br;
        str_buffer(lhs, &bl, BUFFER_READ); /* str, bytes and bytearray all answer */
        if (lhs_str) {
            str_buffer(rhs, &br, BUFFER_READ);
        } else {
            rt_get_buffer(rhs, &br, BUFFER_READ);
        }
        sview_t x = {bl.buf, bl.len, bl.len, &bytes_type}, y = {br.buf, br.len, br.len, &bytes_type};
        int c = str_compare(&x, &y);
        switch (op) {
            case BINARY_OP_LESS:
                return obj_bool(c < 0);
            case BINARY_OP_MORE:
                return obj_bool(c > 0);
            case BINARY_OP_LESS_EQUAL:
                return obj_bool(c <= 0);
            default:
                return obj_bool(c >= 0);
        }
    }
    sview(lhs, &a);
    sview_arg(&a, rhs, &b);
    switch (op) {
        case BINARY_OP_ADD:
        case BINARY_OP_INPLACE_ADD: {
            if (b.len == 0 && a.type != &bytearray_type) {
                return lhs;
            }
            if (a.len == 0 && a.type == b.type && a.type != &bytearray_type) {
                return rhs;
            }
            vstr_t v;
            vstr_init(&v, a.len + b.len + 1);
            memcpy(v.buf, a.d, a.len);
            memcpy(v.buf + a.len, b.d, b.len);
            v.len = a.len + b.len;
            return sv_from_vstr(&a, &v, a.clen + b.clen);
        }
        case BINARY_OP_EQUAL:
            return obj_bool(a.len == b.len && memcmp(a.d, b.d, a.len) == 0);
        case BINARY_OP_NOT_EQUAL:
            return obj_bool(!(a.len == b.len && memcmp(a.d, b.d, a.len) == 0));
        case BINARY_OP_LESS:
            return obj_bool(str_compare(&a, &b) < 0);
        case BINARY_OP_MORE:
            return obj_bool(str_compare(&a, &b) > 0);
        case BINARY_OP_LESS_EQUAL:
            return obj_bool(str_compare(&a, &b) <= 0);
        case BINARY_OP_MORE_EQUAL:
            return obj_bool(str_compare(&a, &b) >= 0);
        default:
            return OBJ_NULL;
    }
}

static obj_t str_unary_op(unary_op_t op, obj_t o) {
    switch (op) {
        case UNARY_OP_BOOL: {
            size_t len;
            str_get_data(o, &len);
            return obj_bool(len != 0);
        }
        case UNARY_OP_LEN: {
            if (obj_is_str(o)) {
                return small_int_new((int_t)str_char_len(o));
            }
            size_t len;
            str_get_data(o, &len);
            return small_int_new((int_t)len);
        }
        case UNARY_OP_HASH:
            return small_int_new((int_t)(str_hash(o) & (size_t)SMALL_INT_MAX));
        default:
            return OBJ_NULL;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* subscription */

/* Normalises an integer index for a sequence of length len, or raises IndexError(msg). */
static size_t str_norm_index(obj_t index, size_t len, const char *msg) {
    int_t i;
    if (obj_is_small_int(index)) {
        i = small_int_value(index);
    } else if (obj_is_type(index, &int_type)) {
        raise_msg(&type_IndexError, "cannot fit 'int' into an index-sized integer");
    } else {
        i = obj_get_int(index);
    }
    if (i < 0) {
        i += (int_t)len;
    }
    if (i < 0 || i >= (int_t)len) {
        raise_msg(&type_IndexError, msg);
    }
    return (size_t)i;
}

/* s[slice] for str, bytes and bytearray; as in MicroPython, the step must be 1. */
obj_t str_slice(obj_t self_obj, obj_t index) {
    sview_t self;
    sview(self_obj, &self);
    slice_bounds_t b;
    slice_get_unit_indices(index, self.clen, &b);
    size_t n = b.stop > b.start ? (size_t)(b.stop - b.start) : 0;
    if (n == self.clen && self.type != &bytearray_type) {
        return self_obj;
    }
    size_t bs = sv_off(&self, (size_t)b.start);
    size_t be = n == 0 ? bs : bs + sv_off(&(sview_t){self.d + bs, self.len - bs, self.clen - (size_t)b.start, self.type}, n);
    return sv_new(&self, self.d + bs, be - bs, n);
}

static obj_t str_subscr(obj_t self, obj_t index, obj_t value) {
    bool is_str = obj_is_str(self);
    if (value != OBJ_SENTINEL) {
        raise_fmt(&type_TypeError, "'%s' object doesn't support item %s", is_str ? "str" : "bytes",
            value == OBJ_NULL ? "deletion" : "assignment");
    }
    if (obj_is_int(index) || obj_is_type(index, &bool_type)) {
        size_t len;
        const uint8_t *d = (const uint8_t *)str_get_data(self, &len);
        if (!is_str) {
            return small_int_new(d[str_norm_index(index, len, "bytes index out of range")]);
        }
        size_t cl = obj_is_qstr(self) ? utf8_char_count(d, len) : ((const str_obj_t *)OBJ_TO_PTR(self))->char_len;
        size_t i = str_norm_index(index, cl, "string index out of range");
        if (cl == len && d[i] < 0x80) { /* (a text file's str may hold other single bytes) */
            return obj_new_qstr(qstr_of_ascii(d[i]));
        }
        size_t off = utf8_byte_offset(d, len, i);
        const uint8_t *p = d + off;
        utf8_decode(&p);
        return str_new_sized((const char *)d + off, (size_t)(p - d) - off, 1);
    }
    if (obj_is_type(index, &slice_type)) {
        return str_slice(self, index);
    }
    raise_fmt(&type_TypeError, "%s indices must be integers, not %s", is_str ? "string" : "bytes", rt_type_name(index));
}

/* ------------------------------------------------------------------------------------------ */
/* iteration */

typedef struct {
    obj_base_t base;
    obj_t str;
    size_t pos; /* byte offset */
} str_iter_obj_t;

static obj_t str_iter_next(obj_t self) {
    str_iter_obj_t *it = OBJ_TO_PTR(self);
    size_t len;
    const uint8_t *d = (const uint8_t *)str_get_data(it->str, &len);
    if (it->pos >= len) {
        return OBJ_NULL;
    }
    const uint8_t *p = d + it->pos;
    if (*p < 0x80) {
        it->pos++;
        return obj_new_qstr(qstr_of_ascii(*p));
    }
    utf8_decode(&p);
    size_t n = (size_t)(p - d) - it->pos;
    obj_t r = str_new_sized((const char *)d + it->pos, n, 1);
    it->pos += n;
    return r;
}

static obj_t bytes_iter_next(obj_t self) {
    str_iter_obj_t *it = OBJ_TO_PTR(self);
    size_t len;
    const uint8_t *d = (const uint8_t *)str_get_data(it->str, &len);
    if (it->pos >= len) {
        return OBJ_NULL;
    }
    return small_int_new(d[it->pos++]);
}

const type_t str_iterator_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_iterator,
    .getiter = rt_identity_getiter,
    .iternext = str_iter_next,
};

static const type_t bytes_iterator_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_iterator,
    .getiter = rt_identity_getiter,
    .iternext = bytes_iter_next,
};

static obj_t str_iter_init(str_iter_obj_t *it, obj_t self) {
    it->base.type = obj_is_str(self) ? &str_iterator_type : &bytes_iterator_type;
    it->str = self;
    it->pos = 0;
    return OBJ_FROM_PTR(it);
}

static obj_t str_getiter(obj_t self) { return str_iter_init(NEW_OBJ(str_iter_obj_t), self); }

_Static_assert(sizeof(str_iter_obj_t) <= sizeof(iter_buf_t), "str iterator fits an iter_buf_t");
static obj_t str_getiter_buf(obj_t self, iter_buf_t *buf) { return str_iter_init((str_iter_obj_t *)buf, self); }

/* ------------------------------------------------------------------------------------------ */
/* buffer protocol */

static bool str_buffer(obj_t self, buffer_info_t *info, int flags) {
    if (flags & BUFFER_WRITE) {
        return false;
    }
    size_t len;
    info->buf = (void *)(uintptr_t)str_get_data(self, &len);
    info->len = len;
    info->typecode = 'B';
    return true;
}

/* ------------------------------------------------------------------------------------------ */
/* the types */

#define COMMON_METHODS                                                                           \
    {ROM_QSTR(QSTR_count), ROM_PTR(&str_count_obj)},                                             \
        {ROM_QSTR(QSTR_endswith), ROM_PTR(&str_endswith_obj)},                                   \
        {ROM_QSTR(QSTR_find), ROM_PTR(&str_find_obj)},                                           \
        {ROM_QSTR(QSTR_index), ROM_PTR(&str_index_obj)},                                         \
        {ROM_QSTR(QSTR_isalpha), ROM_PTR(&str_isalpha_obj)},                                     \
        {ROM_QSTR(QSTR_isalnum), ROM_PTR(&str_isalnum_obj)},                                     \
        {ROM_QSTR(QSTR_isdigit), ROM_PTR(&str_isdigit_obj)},                                     \
        {ROM_QSTR(QSTR_islower), ROM_PTR(&str_islower_obj)},                                     \
        {ROM_QSTR(QSTR_isspace), ROM_PTR(&str_isspace_obj)},                                     \
        {ROM_QSTR(QSTR_isupper), ROM_PTR(&str_isupper_obj)},                                     \
        {ROM_QSTR(QSTR_join), ROM_PTR(&str_join_obj)},                                           \
        {ROM_QSTR(QSTR_lower), ROM_PTR(&str_lower_obj)},                                         \
        {ROM_QSTR(QSTR_lstrip), ROM_PTR(&str_lstrip_obj)},                                       \
        {ROM_QSTR(QSTR_partition), ROM_PTR(&str_partition_obj)},                                 \
        {ROM_QSTR(QSTR_replace), ROM_PTR(&str_replace_obj)},                                     \
        {ROM_QSTR(QSTR_rfind), ROM_PTR(&str_rfind_obj)},                                         \
        {ROM_QSTR(QSTR_rindex), ROM_PTR(&str_rindex_obj)},                                       \
        {ROM_QSTR(QSTR_rpartition), ROM_PTR(&str_rpartition_obj)},                               \
        {ROM_QSTR(QSTR_rsplit), ROM_PTR(&str_rsplit_obj)},                                       \
        {ROM_QSTR(QSTR_rstrip), ROM_PTR(&str_rstrip_obj)},                                       \
        {ROM_QSTR(QSTR_split), ROM_PTR(&str_split_obj)},                                         \
        {ROM_QSTR(QSTR_splitlines), ROM_PTR(&str_splitlines_obj)},                               \
        {ROM_QSTR(QSTR_startswith), ROM_PTR(&str_startswith_obj)},                               \
        {ROM_QSTR(QSTR_strip), ROM_PTR(&str_strip_obj)},                                         \
        {ROM_QSTR(QSTR_upper), ROM_PTR(&str_upper_obj)},                                         \
        {ROM_QSTR(QSTR_center), ROM_PTR(&str_center_obj)},                                       \
        {ROM_QSTR(QSTR_ljust), ROM_PTR(&str_ljust_obj)},                                         \
        {ROM_QSTR(QSTR_rjust), ROM_PTR(&str_rjust_obj)},                                         \
        {ROM_QSTR(QSTR_zfill), ROM_PTR(&str_zfill_obj)},                                         \
        {ROM_QSTR(QSTR_capitalize), ROM_PTR(&str_capitalize_obj)},                               \
        {ROM_QSTR(QSTR_title), ROM_PTR(&str_title_obj)},                                         \
        {ROM_QSTR(QSTR_swapcase), ROM_PTR(&str_swapcase_obj)},                                   \
        {ROM_QSTR(QSTR_removeprefix), ROM_PTR(&str_removeprefix_obj)},                           \
        {ROM_QSTR(QSTR_removesuffix), ROM_PTR(&str_removesuffix_obj)},                           \
        {ROM_QSTR(QSTR_isascii), ROM_PTR(&str_isascii_obj)},                                     \
        {ROM_QSTR(QSTR_istitle), ROM_PTR(&str_istitle_obj)},                                     \
        {ROM_QSTR(QSTR_expandtabs), ROM_PTR(&str_expandtabs_obj)}

static const map_elem_t str_locals_table[] = {
    COMMON_METHODS,
    {ROM_QSTR(QSTR_isdecimal), ROM_PTR(&str_isdecimal_obj)},
    {ROM_QSTR(QSTR_isnumeric), ROM_PTR(&str_isnumeric_obj)},
    {ROM_QSTR(QSTR_isprintable), ROM_PTR(&str_isprintable_obj)},
    {ROM_QSTR(QSTR_isidentifier), ROM_PTR(&str_isidentifier_obj)},
    {ROM_QSTR(QSTR_casefold), ROM_PTR(&str_casefold_obj)},
    {ROM_QSTR(QSTR_encode), ROM_PTR(&str_encode_obj)},
    {ROM_QSTR(QSTR_format), ROM_PTR(&str_format_obj)},
};
static DEFINE_CONST_DICT(str_locals_dict, str_locals_table);

static const map_elem_t bytes_locals_table[] = {
    COMMON_METHODS,
    {ROM_QSTR(QSTR_decode), ROM_PTR(&bytes_decode_obj)},
    {ROM_QSTR(QSTR_hex), ROM_PTR(&bytes_hex_obj)},
    {ROM_QSTR(QSTR_fromhex), ROM_PTR(&bytes_fromhex_cm)},
};
static DEFINE_CONST_DICT(bytes_locals_dict, bytes_locals_table);

const type_t str_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_SLICE_ON_STACK,
    .name = QSTR_str,
    .print = str_print,
    .make_new = str_make_new,
    .unary_op = str_unary_op,
    .binary_op = str_binary_op,
    .subscr = str_subscr,
    .getiter = str_getiter,
    .getiter_buf = str_getiter_buf,
    .buffer = str_buffer,
    .locals_dict = &str_locals_dict,
};

const type_t bytes_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_SLICE_ON_STACK,
    .name = QSTR_bytes,
    .print = str_print,
    .make_new = bytes_make_new,
    .unary_op = str_unary_op,
    .binary_op = str_binary_op,
    .subscr = str_subscr,
    .getiter = str_getiter,
    .getiter_buf = str_getiter_buf,
    .buffer = str_buffer,
    .locals_dict = &bytes_locals_dict,
};
