/* core/obj_int.c: int_type. Small ints (tagged words) take inline fast paths; anything that
 * overflows is promoted to an int_obj_t (bigint.c does the digit arithmetic). Invariant: every
 * result is normalised back, so a value that fits a small int is never an int_obj_t (equality and
 * hashing rely on it). Bools are accepted wherever an int is (as 0/1); & | ^ of two bools give a
 * bool. Integer-only: `/` is not an int operation (OBJ_NULL lets the runtime raise TypeError). */
#include "core/digits.h"
#include "core/obj_int.h"

#include "core/bigint.h"
#include "core/nlr.h"
#include "core/obj_type.h"
#include "core/runtime.h"

/* Largest digit count we try to allocate (beyond it: MemoryError without touching the heap). */
#define INT_MAX_DIGITS ((size_t)1 << 32)

/* ---- representation helpers ---- */
static inline bool int_is_bool(obj_t o) {
    return o == OBJ_TRUE || o == OBJ_FALSE;
}

/* An int or bool as an int_t if it is small (bools: 0/1). */
static inline bool int_small_of(obj_t o, int_t *v) {
    if (obj_is_small_int(o)) {
        *v = small_int_value(o);
        return true;
    }
    if (o == OBJ_FALSE) {
        *v = 0;
        return true;
    }
    if (o == OBJ_TRUE) {
        *v = 1;
        return true;
    }
    return false;
}

static inline bool int_like(obj_t o) {
    return obj_is_small_int(o) || int_is_bool(o) || int_is_big(o);
}

/* A view of any int-like value; tmp (1 digit) backs small values. */
static void int_view(obj_t o, bigint_t *v, bigint_digit_t *tmp) {
    int_t s;
    if (int_small_of(o, &s)) {
        v->d = tmp;
        bigint_set_i64(v, (int64_t)s);
        return;
    }
    if (!obj_is_type(o, &int_type)) {
        /* an int subclass instance carries its value inside; anything else is not an int (an int
         * method taken from the class and called with another object) */
        obj_t sub = obj_is_ptr(o) ? instance_get_subobj(o) : OBJ_NULL;
        if (sub == OBJ_NULL || !obj_is_int(sub)) {
            raise_fmt(&type_TypeError, "can't convert %s to int", rt_type_name(o));
        }
        int_view(sub, v, tmp);
        return;
    }
    int_obj_t *b = OBJ_TO_PTR(o);
    v->d = b->digits;
    v->len = b->len;
    v->neg = b->neg != 0;
}

static int_obj_t *int_alloc(size_t cap) {
    if (cap == 0) {
        cap = 1;
    }
    if (cap > INT_MAX_DIGITS) {
        raise_memory_error_bytes(cap > SIZE_MAX / sizeof(bigint_digit_t) - sizeof(int_obj_t)
                                     ? SIZE_MAX
                                     : sizeof(int_obj_t) + cap * sizeof(bigint_digit_t));
    }
    int_obj_t *o = gc_alloc(sizeof(int_obj_t) + cap * sizeof(bigint_digit_t), false);
    o->base.type = &int_type;
    return o;
}

/* Turns a computed result (r->d == o->digits) into a value: a small int when it fits. */
static obj_t int_finish(int_obj_t *o, bigint_t *r, size_t cap) {
    if (r->len <= 1) {
        uint64_t m = r->len ? r->d[0] : 0;
        if (!r->neg && m <= (uint64_t)SMALL_INT_MAX) {
            gc_free(o);
            return small_int_new((int_t)m);
        }
        if (r->neg && m <= (uint64_t)SMALL_INT_MAX + 1) {
            gc_free(o);
            return small_int_new((int_t)(0 - m));
        }
    }
    o->len = (uint32_t)r->len;
    o->neg = r->neg;
    if (cap > r->len + 4) {
        o = gc_realloc(o, sizeof(int_obj_t) + r->len * sizeof(bigint_digit_t));
    }
    return OBJ_FROM_PTR(o);
}

obj_t int_from_ll(long long v) {
    if (small_int_fits((int_t)v)) {
        return small_int_new((int_t)v);
    }
    int_obj_t *o = int_alloc(1);
    o->len = 1;
    o->neg = v < 0;
    o->digits[0] = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return OBJ_FROM_PTR(o);
}

obj_t int_from_ull(unsigned long long v) {
    if (v <= (unsigned long long)SMALL_INT_MAX) {
        return small_int_new((int_t)v);
    }
    int_obj_t *o = int_alloc(1);
    o->len = 1;
    o->neg = 0;
    o->digits[0] = v;
    return OBJ_FROM_PTR(o);
}

obj_t int_from_int(int_t v) {
    return int_from_ll((long long)v);
}
obj_t int_from_uint(uint_t v) {
    return int_from_ull((unsigned long long)v);
}

int int_sign(obj_t o) {
    int_t s;
    if (int_small_of(o, &s)) {
        return (s > 0) - (s < 0);
    }
    return ((int_obj_t *)OBJ_TO_PTR(o))->neg ? -1 : 1;
}

int int_compare(obj_t a, obj_t b) {
    int_t x, y;
    if (int_small_of(a, &x) && int_small_of(b, &y)) {
        return (x > y) - (x < y);
    }
    bigint_t va, vb;
    bigint_digit_t ta, tb;
    int_view(a, &va, &ta);
    int_view(b, &vb, &tb);
    return bigint_cmp(&va, &vb);
}

/* ---- C value extraction ---- */
NORETURN static void int_raise_overflow(void) {
    raise_msg(&type_OverflowError, "overflow converting long int to machine word");
}

int_t obj_get_int(obj_t o) {
    int_t v;
    if (int_small_of(o, &v)) {
        return v;
    }
    if (int_is_big(o)) {
        bigint_t b;
        bigint_digit_t t;
        int64_t out;
        int_view(o, &b, &t);
        if (bigint_get_i64(&b, &out)) {
            return (int_t)out;
        }
        int_raise_overflow();
    }
    raise_fmt(&type_TypeError, "can't convert %s to int", rt_type_name(o));
}

bool obj_get_int_maybe(obj_t o, int_t *out) {
    if (int_small_of(o, out)) {
        return true;
    }
    if (int_is_big(o)) {
        *out = obj_get_int(o);
        return true;
    }
    return false;
}

long long obj_get_ll(obj_t o) {
    return (long long)obj_get_ull_trunc(o);
}

unsigned long long obj_get_ull_trunc(obj_t o) {
    int_t v;
    if (int_small_of(o, &v)) {
        return (unsigned long long)v;
    }
    if (int_is_big(o)) {
        bigint_t b;
        bigint_digit_t t;
        int_view(o, &b, &t);
        return bigint_get_u64_trunc(&b);
    }
    raise_fmt(&type_TypeError, "can't convert %s to int", rt_type_name(o));
}

/* ---- hashing ---- */
size_t int_hash(obj_t o) {
    int_t v;
    if (int_small_of(o, &v)) {
        return (size_t)v;
    }
    bigint_t b;
    bigint_digit_t t;
    int_view(o, &b, &t);
    return (size_t)bigint_hash(&b);
}

/* ---- text output ---- */
size_t int_format_ndigits(obj_t i, int base) {
    int_t v;
    if (int_small_of(i, &v)) {
        uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        size_t n = 1;
        while (m >= (uint64_t)base) {
            m /= (uint64_t)base;
            n++;
        }
        return n;
    }
    /* exact count: format into scratch */
    vstr_t v2;
    vstr_init(&v2, 16);
    int_format_digits(&v2, i, base, false);
    size_t n = v2.len;
    vstr_clear(&v2);
    return n;
}

/* Writes |v| in base into the END of buf (size 66); returns a pointer to the first char. */
static char *int_small_digits(char *end, uint64_t m, int base, bool upper) {
    const char *dg = upper ? DIGITS_UPPER : DIGITS_LOWER;
    char *p = end;
    if (base == 10) {
        do {
            *--p = (char)('0' + m % 10);
            m /= 10;
        } while (m);
        return p;
    }
    do {
        *--p = dg[m % (uint64_t)base];
        m /= (uint64_t)base;
    } while (m);
    return p;
}

void int_format_digits(vstr_t *v, obj_t i, int base, bool upper) {
    int_t s;
    if (int_small_of(i, &s)) {
        char buf[66];
        uint64_t m = s < 0 ? (uint64_t)0 - (uint64_t)s : (uint64_t)s;
        char *p = int_small_digits(buf + sizeof(buf), m, base, upper);
        vstr_add_strn(v, p, (size_t)(buf + sizeof(buf) - p));
        return;
    }
    bigint_t b;
    bigint_digit_t t;
    int_view(i, &b, &t);
    size_t cap = bigint_str_cap(&b, base);
    char *buf = gc_alloc(cap + 1, false);
    size_t n = bigint_to_str(buf, &b, base, upper);
    vstr_add_strn(v, buf, n);
    gc_free(buf);
}

obj_t int_format_base(obj_t i, int base, bool upper, bool with_prefix) {
    int_t s;
    if (int_small_of(i, &s)) {
        char buf[70];
        uint64_t m = s < 0 ? (uint64_t)0 - (uint64_t)s : (uint64_t)s;
        char *p = int_small_digits(buf + sizeof(buf), m, base, upper);
        if (with_prefix && (base == 2 || base == 8 || base == 16)) {
            *--p = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
            *--p = '0';
        }
        if (s < 0) {
            *--p = '-';
        }
        return str_new(p, (size_t)(buf + sizeof(buf) - p));
    }
    bigint_t b;
    bigint_digit_t t;
    int_view(i, &b, &t);
    size_t cap = bigint_str_cap(&b, base) + 4;
    vstr_t v;
    vstr_init(&v, cap);
    if (b.neg) {
        vstr_add_byte(&v, '-');
    }
    if (with_prefix && (base == 2 || base == 8 || base == 16)) {
        vstr_add_byte(&v, '0');
        vstr_add_byte(&v, base == 2 ? 'b' : base == 8 ? 'o' : 'x');
    }
    int_format_digits(&v, i, base, upper);
    return str_new_from_vstr(&v);
}

void int_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)kind;
    int_t s;
    if (int_small_of(o, &s)) {
        char buf[24];
        uint64_t m = s < 0 ? (uint64_t)0 - (uint64_t)s : (uint64_t)s;
        char *q = int_small_digits(buf + sizeof(buf), m, 10, false);
        if (s < 0) {
            *--q = '-';
        }
        p->write(p->data, q, (size_t)(buf + sizeof(buf) - q));
        return;
    }
    bigint_t b;
    bigint_digit_t t;
    int_view(o, &b, &t);
    size_t cap = bigint_str_cap(&b, 10);
    char *buf = gc_alloc(cap + 2, false);
    buf[0] = '-';
    size_t n = bigint_to_str(buf + 1, &b, 10, false);
    if (b.neg) {
        p->write(p->data, buf, n + 1);
    } else {
        p->write(p->data, buf + 1, n);
    }
    gc_free(buf);
}

static void int_check_index(obj_t x) {
    if (!int_like(x)) {
        raise_fmt(&type_TypeError, "can't convert %s to int", rt_type_name(x));
    }
}

obj_t int_bin(obj_t x) {
    int_check_index(x);
    return int_format_base(x, 2, false, true);
}
obj_t int_oct(obj_t x) {
    int_check_index(x);
    return int_format_base(x, 8, false, true);
}
obj_t int_hex(obj_t x) {
    int_check_index(x);
    return int_format_base(x, 16, false, true);
}

/* ---- parsing ---- */
NORETURN static void int_raise_syntax(const char *s, size_t len, int base) {
    raise_fmt(&type_ValueError, "invalid syntax for integer with base %d: %r", base, str_new(s, len));
}

static inline bool int_is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}


obj_t int_parse(const char *s0, size_t len0, int base) {
    const char *s = s0, *top = s0 + len0;
    int shown_base = base == 0 ? 10 : base;
    if (base != 0 && (base < 2 || base > 36)) {
        raise_msg(&type_ValueError, "int() arg 2 must be >= 2 and <= 36");
    }
    while (s < top && int_is_space(*s)) {
        s++;
    }
    while (top > s && int_is_space(top[-1])) {
        top--;
    }
    bool neg = false;
    if (s < top && (*s == '+' || *s == '-')) {
        neg = *s == '-';
        s++;
    }
    /* prefix */
    bool had_prefix = false;
    if (top - s >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb != 0 && (base == 0 || base == pb)) {
            base = pb;
            s += 2;
            had_prefix = true;
        }
    }
    bool base0_decimal = false;
    if (base == 0) {
        base = 10;
        base0_decimal = true;
    }
    shown_base = base;
    /* validate: digits < base, single underscores between digits (or right after a prefix) */
    size_t ndig = 0;
    bool last_us = had_prefix; /* an underscore may follow the prefix */
    bool prev_us = false;
    bool all_zero = true;
    uint64_t acc = 0;
    bool acc_ok = true;
    for (const char *p = s; p < top; p++) {
        char c = *p;
        if (c == '_') {
            if (prev_us || (ndig == 0 && !last_us)) {
                int_raise_syntax(s0, len0, shown_base);
            }
            prev_us = true;
            continue;
        }
        int d = digit_value((unsigned char)c);
        if (d >= base) {
            int_raise_syntax(s0, len0, shown_base);
        }
        prev_us = false;
        last_us = false;
        if (d != 0) {
            all_zero = false;
        }
        ndig++;
        if (acc_ok) {
            if (acc > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) {
                acc_ok = false;
            } else {
                acc = acc * (uint64_t)base + (uint64_t)d;
            }
        }
    }
    if (ndig == 0 || prev_us) {
        int_raise_syntax(s0, len0, shown_base);
    }
    if (base0_decimal && !all_zero && s[0] == '0') {
        /* base 0: leading zeros in a non-zero decimal number are not allowed */
        int_raise_syntax(s0, len0, shown_base);
    }
    if (acc_ok) {
        if (!neg) {
            return int_from_ull(acc);
        }
        if (acc <= (uint64_t)1 << 63) {
            return int_from_ll((long long)(0 - acc));
        }
    }
    /* big: strip underscores into scratch, convert */
    char *digits = gc_alloc(ndig + 1, false);
    size_t n = 0;
    for (const char *p = s; p < top; p++) {
        if (*p != '_') {
            digits[n++] = *p;
        }
    }
    size_t cap = bigint_from_str_cap(n, base);
    int_obj_t *o = int_alloc(cap);
    bigint_t r = {o->digits, 0, false};
    bigint_from_str(&r, digits, n, base);
    gc_free(digits);
    r.neg = neg && r.len != 0;
    return int_finish(o, &r, cap);
}

/* ---- bytes ---- */
void int_to_bytes_buf(obj_t i, bool big_endian, bool is_signed, size_t len, uint8_t *buf, bool check) {
    bigint_t b;
    bigint_digit_t t;
    int_view(i, &b, &t);
    if (check && !bigint_fits_bytes(&b, len, is_signed)) {
        if (!is_signed && b.neg) {
            raise_msg(&type_OverflowError, "can't convert negative int to unsigned");
        }
        raise_msg(&type_OverflowError, "int too big to convert");
    }
    bigint_to_bytes(&b, buf, len, big_endian);
}

/* The value of the bytes when it is a small int (at most 7 significant bytes): no allocation. */
static bool int_small_from_bytes(const uint8_t *buf, size_t len, bool big_endian, bool is_signed, int_t *out) {
    /* byte k from the most significant end */
#define MSB_BYTE(k) (big_endian ? buf[(k)] : buf[len - 1 - (k)])
    bool neg = is_signed && len > 0 && (MSB_BYTE(0) & 0x80);
    uint8_t fill = neg ? 0xff : 0x00;
    size_t k = 0;
    /* leading sign bytes add nothing, as long as the next byte keeps the sign */
    while (k + 1 < len && MSB_BYTE(k) == fill && ((MSB_BYTE(k + 1) & 0x80) != 0) == neg) {
        k++;
    }
    if (len - k > 7) {
        return false;
    }
    uint64_t v = neg ? ~(uint64_t)0 : 0;
    for (; k < len; k++) {
        v = (v << 8) | MSB_BYTE(k);
    }
#undef MSB_BYTE
    *out = (int_t)v;
    return true;
}

obj_t int_from_bytes_buf(const uint8_t *buf, size_t len, bool big_endian, bool is_signed) {
    int_t small;
    if (int_small_from_bytes(buf, len, big_endian, is_signed, &small)) {
        return small_int_new(small);
    }
    size_t cap = (len + 7) / 8 + 1;
    int_obj_t *o = int_alloc(cap);
    bigint_t r = {o->digits, 0, false};
    bigint_from_bytes(&r, buf, len, big_endian, is_signed);
    return int_finish(o, &r, cap);
}

/* ---- arithmetic on the general (big) path ---- */
NORETURN static void int_raise_zero_div(void) {
    raise_msg(&type_ZeroDivisionError, "divide by zero");
}

/* A value from a computed view (copied into a new int_obj_t unless it fits a small int). */
static obj_t int_from_view(const bigint_t *r) {
    if (r->len <= 1) {
        uint64_t m = r->len ? r->d[0] : 0;
        if (!r->neg && m <= (uint64_t)SMALL_INT_MAX) {
            return small_int_new((int_t)m);
        }
        if (r->neg && m <= (uint64_t)SMALL_INT_MAX + 1) {
            return small_int_new((int_t)(0 - m));
        }
    }
    int_obj_t *o = int_alloc(r->len);
    memcpy(o->digits, r->d, r->len * sizeof(bigint_digit_t));
    o->len = (uint32_t)r->len;
    o->neg = r->neg;
    return OBJ_FROM_PTR(o);
}

#define INT_STACK_DIGITS 8

static obj_t int_big_divmod(binary_op_t op, const bigint_t *a, const bigint_t *b) {
    if (b->len == 0) {
        int_raise_zero_div();
    }
    size_t qcap = (a->len > b->len ? a->len - b->len : 0) + 2, mcap = b->len;
    bigint_digit_t qbuf[INT_STACK_DIGITS], mbuf[INT_STACK_DIGITS];
    int_obj_t *qo = NULL, *mo = NULL;
    bigint_t q = {qbuf, 0, false}, m = {mbuf, 0, false};
    bool want_q = op != BINARY_OP_MODULO, want_m = op != BINARY_OP_FLOOR_DIVIDE;
    if (want_q && qcap > INT_STACK_DIGITS) {
        qo = int_alloc(qcap);
        q.d = qo->digits;
    }
    if (want_m && mcap > INT_STACK_DIGITS) {
        mo = int_alloc(mcap);
        m.d = mo->digits;
    }
    /* the GC doesn't move blocks, so the input views stay valid across these allocations */
    bigint_divmod(want_q ? &q : NULL, want_m ? &m : NULL, a, b);
    obj_t qv = OBJ_NULL, mv = OBJ_NULL;
    if (want_q) {
        qv = qo ? int_finish(qo, &q, qcap) : int_from_view(&q);
    }
    if (want_m) {
        mv = mo ? int_finish(mo, &m, mcap) : int_from_view(&m);
    }
    if (op == BINARY_OP_FLOOR_DIVIDE) {
        return qv;
    }
    if (op == BINARY_OP_MODULO) {
        return mv;
    }
    obj_t items[2] = {qv, mv};
    return tuple_new(2, items);
}

static obj_t int_big_pow(const bigint_t *a, obj_t exp) {
    int_t e;
    if (!int_small_of(exp, &e)) {
        /* a huge exponent: only 0, 1, -1 bases are representable */
        if (int_sign(exp) < 0) {
            raise_msg(&type_ValueError, "negative power with no float support");
        }
        if (a->len == 0) {
            return small_int_new(0);
        }
        if (a->len == 1 && a->d[0] == 1) {
            bool odd = (((int_obj_t *)OBJ_TO_PTR(exp))->digits[0] & 1) != 0;
            return small_int_new(a->neg && odd ? -1 : 1);
        }
        raise_memory_error();
    }
    if (e < 0) {
        raise_msg(&type_ValueError, "negative power with no float support");
    }
    size_t cap = bigint_pow_cap(a, (uint64_t)e);
    if (cap == SIZE_MAX) {
        raise_memory_error();
    }
    int_obj_t *o = int_alloc(cap);
    bigint_t r = {o->digits, 0, false};
    bigint_pow(&r, a, (uint64_t)e);
    return int_finish(o, &r, cap);
}

static obj_t int_big_shift(binary_op_t op, const bigint_t *a, obj_t count) {
    int_t n;
    if (int_sign(count) < 0) {
        raise_msg(&type_ValueError, "negative shift count");
    }
    if (!int_small_of(count, &n)) {
        /* huge count */
        if (op == BINARY_OP_RSHIFT || a->len == 0) {
            return small_int_new(op == BINARY_OP_RSHIFT && a->neg ? -1 : 0);
        }
        raise_memory_error();
    }
    if (op == BINARY_OP_LSHIFT) {
        if (a->len == 0) {
            return small_int_new(0);
        }
        if ((uint64_t)n / 64 > INT_MAX_DIGITS) {
            raise_memory_error();
        }
        size_t cap = a->len + (size_t)n / 64 + 1;
        int_obj_t *o = int_alloc(cap);
        bigint_t r = {o->digits, 0, false};
        bigint_shl(&r, a, (uint64_t)n);
        return int_finish(o, &r, cap);
    }
    size_t cap = a->len + 1;
    int_obj_t *o = int_alloc(cap);
    bigint_t r = {o->digits, 0, false};
    bigint_shr(&r, a, (uint64_t)n);
    return int_finish(o, &r, cap);
}

static obj_t int_big_binary(binary_op_t op, obj_t lhs, obj_t rhs) {
    bigint_scratch_reset();
    bigint_t a, b;
    bigint_digit_t ta, tb;
    int_view(lhs, &a, &ta);
    int_view(rhs, &b, &tb);
    size_t mx = (a.len > b.len ? a.len : b.len) + 1;
    switch (op) {
        case BINARY_OP_LESS: return obj_bool(bigint_cmp(&a, &b) < 0);
        case BINARY_OP_MORE: return obj_bool(bigint_cmp(&a, &b) > 0);
        case BINARY_OP_EQUAL: return obj_bool(bigint_cmp(&a, &b) == 0);
        case BINARY_OP_NOT_EQUAL: return obj_bool(bigint_cmp(&a, &b) != 0);
        case BINARY_OP_LESS_EQUAL: return obj_bool(bigint_cmp(&a, &b) <= 0);
        case BINARY_OP_MORE_EQUAL: return obj_bool(bigint_cmp(&a, &b) >= 0);
        case BINARY_OP_ADD:
        case BINARY_OP_SUBTRACT:
        case BINARY_OP_OR:
        case BINARY_OP_XOR:
        case BINARY_OP_AND: {
            int_obj_t *o = int_alloc(mx);
            bigint_t r = {o->digits, 0, false};
            switch (op) {
                case BINARY_OP_ADD: bigint_add(&r, &a, &b); break;
                case BINARY_OP_SUBTRACT: bigint_sub(&r, &a, &b); break;
                case BINARY_OP_OR: bigint_or(&r, &a, &b); break;
                case BINARY_OP_XOR: bigint_xor(&r, &a, &b); break;
                default: bigint_and(&r, &a, &b); break;
            }
            return int_finish(o, &r, mx);
        }
        case BINARY_OP_MULTIPLY: {
            if (a.len == 0 || b.len == 0) {
                return small_int_new(0);
            }
            size_t cap = a.len + b.len;
            int_obj_t *o = int_alloc(cap);
            bigint_t r = {o->digits, 0, false};
            bigint_mul(&r, &a, &b);
            return int_finish(o, &r, cap);
        }
        case BINARY_OP_FLOOR_DIVIDE:
        case BINARY_OP_MODULO:
        case BINARY_OP_DIVMOD: return int_big_divmod(op, &a, &b);
        case BINARY_OP_POWER: return int_big_pow(&a, rhs);
        case BINARY_OP_LSHIFT:
        case BINARY_OP_RSHIFT: return int_big_shift(op, &a, rhs);
        default: return OBJ_NULL;
    }
}

/* floor division and modulo of small values (b != 0) */
static inline int_t int_floordiv_small(int_t a, int_t b) {
    int_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        q--;
    }
    return q;
}
static inline int_t int_mod_small(int_t a, int_t b) {
    int_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) {
        m += b;
    }
    return m;
}

obj_t int_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (op >= BINARY_OP_INPLACE_OR && op <= BINARY_OP_INPLACE_POWER) {
        op = (binary_op_t)(op + (BINARY_OP_OR - BINARY_OP_INPLACE_OR));
    }
    if (op >= BINARY_OP_REVERSE_OR || op == BINARY_OP_CONTAINS || op == BINARY_OP_TRUE_DIVIDE ||
        op == BINARY_OP_MAT_MULTIPLY) {
        return OBJ_NULL;
    }
    int_t x, y;
    if (int_small_of(lhs, &x) && int_small_of(rhs, &y)) {
        switch (op) {
            case BINARY_OP_LESS: return obj_bool(x < y);
            case BINARY_OP_MORE: return obj_bool(x > y);
            case BINARY_OP_EQUAL: return obj_bool(x == y);
            case BINARY_OP_NOT_EQUAL: return obj_bool(x != y);
            case BINARY_OP_LESS_EQUAL: return obj_bool(x <= y);
            case BINARY_OP_MORE_EQUAL: return obj_bool(x >= y);
            case BINARY_OP_OR:
                if (int_is_bool(lhs) && int_is_bool(rhs)) {
                    return obj_bool(x | y);
                }
                return small_int_new(x | y);
            case BINARY_OP_XOR:
                if (int_is_bool(lhs) && int_is_bool(rhs)) {
                    return obj_bool(x ^ y);
                }
                return small_int_new(x ^ y);
            case BINARY_OP_AND:
                if (int_is_bool(lhs) && int_is_bool(rhs)) {
                    return obj_bool(x & y);
                }
                return small_int_new(x & y);
            case BINARY_OP_ADD: return int_from_int(x + y); /* 63-bit operands: no int_t overflow */
            case BINARY_OP_SUBTRACT: return int_from_int(x - y);
            case BINARY_OP_MULTIPLY: {
                int_t r;
                if (!__builtin_mul_overflow(x, y, &r)) {
                    return int_from_int(r);
                }
                break;
            }
            case BINARY_OP_FLOOR_DIVIDE:
                if (y == 0) {
                    int_raise_zero_div();
                }
                return int_from_int(int_floordiv_small(x, y));
            case BINARY_OP_MODULO:
                if (y == 0) {
                    int_raise_zero_div();
                }
                return small_int_new(int_mod_small(x, y));
            case BINARY_OP_DIVMOD: {
                if (y == 0) {
                    int_raise_zero_div();
                }
                obj_t items[2] = {int_from_int(int_floordiv_small(x, y)), small_int_new(int_mod_small(x, y))};
                return tuple_new(2, items);
            }
            case BINARY_OP_LSHIFT:
                if (y < 0) {
                    raise_msg(&type_ValueError, "negative shift count");
                }
                if (x == 0) {
                    return small_int_new(0);
                }
                if (y < 62) {
                    int_t r = (int_t)((uint_t)x << y);
                    if ((r >> y) == x && small_int_fits(r)) {
                        return small_int_new(r);
                    }
                }
                break;
            case BINARY_OP_RSHIFT:
                if (y < 0) {
                    raise_msg(&type_ValueError, "negative shift count");
                }
                return small_int_new(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
            case BINARY_OP_POWER: {
                if (y < 0) {
                    raise_msg(&type_ValueError, "negative power with no float support");
                }
                int_t base = x, res = 1;
                int_t e = y;
                bool ok = true;
                while (e > 0) {
                    if (e & 1) {
                        if (__builtin_mul_overflow(res, base, &res)) {
                            ok = false;
                            break;
                        }
                    }
                    e >>= 1;
                    if (e == 0) {
                        break;
                    }
                    if (__builtin_mul_overflow(base, base, &base)) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    return int_from_int(res);
                }
                break;
            }
            default: return OBJ_NULL;
        }
        /* overflowed: fall through to the big path */
        return int_big_binary(op, lhs, rhs);
    }
    if (!int_like(lhs) || !int_like(rhs)) {
        return OBJ_NULL;
    }
    return int_big_binary(op, lhs, rhs);
}

obj_t int_unary_op(unary_op_t op, obj_t o) {
    int_t v;
    if (int_small_of(o, &v)) {
        switch (op) {
            case UNARY_OP_BOOL: return obj_bool(v != 0);
            case UNARY_OP_HASH: return small_int_new(v);
            case UNARY_OP_POSITIVE:
            case UNARY_OP_INT: return small_int_new(v);
            case UNARY_OP_NEGATIVE: return int_from_int(-v);
            case UNARY_OP_INVERT: return small_int_new(~v);
            case UNARY_OP_ABS: return int_from_int(v < 0 ? -v : v);
            default: return OBJ_NULL;
        }
    }
    if (!int_is_big(o)) {
        return OBJ_NULL;
    }
    int_obj_t *b = OBJ_TO_PTR(o);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_TRUE;
        case UNARY_OP_HASH: return small_int_new((int_t)int_hash(o));
        case UNARY_OP_POSITIVE:
        case UNARY_OP_INT: return o;
        case UNARY_OP_NEGATIVE:
        case UNARY_OP_ABS: {
            if (op == UNARY_OP_ABS && !b->neg) {
                return o;
            }
            bigint_t r = {NULL, b->len, op == UNARY_OP_NEGATIVE ? !b->neg : false};
            int_obj_t *n = int_alloc(b->len);
            r.d = n->digits;
            memcpy(n->digits, b->digits, b->len * sizeof(bigint_digit_t));
            return int_finish(n, &r, b->len);
        }
        case UNARY_OP_INVERT: {
            bigint_t a;
            bigint_digit_t t;
            int_view(o, &a, &t);
            size_t cap = a.len + 1;
            int_obj_t *n = int_alloc(cap);
            bigint_t r = {n->digits, 0, false};
            bigint_not(&r, &a);
            return int_finish(n, &r, cap);
        }
        default: return OBJ_NULL;
    }
}

/* ---- 3-argument pow ---- */
/* The inverse of a modulo |m| (in [0, |m|)), by the extended Euclidean algorithm;
 * ValueError if gcd(a, m) != 1. */
static obj_t int_mod_inverse(obj_t a, obj_t m) {
    obj_t mm = int_unary_op(UNARY_OP_ABS, m);
    obj_t r0 = int_binary_op(BINARY_OP_MODULO, a, mm), r1 = mm;
    obj_t x0 = small_int_new(1), x1 = small_int_new(0);
    while (int_sign(r1) != 0) {
        obj_t qr = int_binary_op(BINARY_OP_DIVMOD, r0, r1);
        obj_t q = ((tuple_obj_t *)OBJ_TO_PTR(qr))->items[0];
        obj_t r = ((tuple_obj_t *)OBJ_TO_PTR(qr))->items[1];
        obj_t x = int_binary_op(BINARY_OP_SUBTRACT, x0, int_binary_op(BINARY_OP_MULTIPLY, q, x1));
        r0 = r1;
        r1 = r;
        x0 = x1;
        x1 = x;
    }
    if (int_compare(r0, small_int_new(1)) != 0) {
        if (int_compare(mm, small_int_new(1)) == 0) {
            return small_int_new(0);
        }
        raise_msg(&type_ValueError, "base is not invertible for the given modulus");
    }
    return int_binary_op(BINARY_OP_MODULO, x0, mm);
}

obj_t int_pow_mod(obj_t base, obj_t exp, obj_t mod) {
    if (!int_like(base) || !int_like(exp) || !int_like(mod)) {
        raise_msg(&type_TypeError, "pow() with 3 arguments requires integers");
    }
    if (int_sign(mod) == 0) {
        raise_msg(&type_ValueError, "pow() 3rd argument cannot be 0");
    }
    if (int_sign(exp) < 0) {
        /* CPython 3.8+: a negative exponent uses the inverse of base modulo mod */
        base = int_mod_inverse(base, mod);
        exp = int_unary_op(UNARY_OP_NEGATIVE, exp);
    }
    int_t a, e, m;
    if (int_small_of(base, &a) && int_small_of(exp, &e) && int_small_of(mod, &m) && m != 0 && m > -((int_t)1 << 31) &&
        m < ((int_t)1 << 31)) {
        /* everything fits 64-bit products */
        int_t mm = m < 0 ? -m : m;
        int_t r = 1 % mm, b = int_mod_small(a, mm);
        while (e > 0) {
            if (e & 1) {
                r = (r * b) % mm;
            }
            b = (b * b) % mm;
            e >>= 1;
        }
        if (m < 0 && r != 0) {
            r += m;
        }
        return small_int_new(r);
    }
    bigint_scratch_reset();
    bigint_t va, ve, vm;
    bigint_digit_t ta, te, tm;
    int_view(base, &va, &ta);
    int_view(exp, &ve, &te);
    int_view(mod, &vm, &tm);
    size_t cap = vm.len + 1;
    int_obj_t *o = int_alloc(cap);
    bigint_t r = {o->digits, 0, false};
    bigint_powmod(&r, &va, &ve, &vm);
    return int_finish(o, &r, cap);
}

/* ---- int(...) ---- */
obj_t int_from_obj(obj_t x) {
    if (obj_is_small_int(x) || int_is_big(x)) {
        return x;
    }
    if (int_is_bool(x)) {
        return small_int_new(x == OBJ_TRUE);
    }
    if (obj_is_str(x) || obj_is_type(x, &bytes_type)) {
        size_t len;
        const char *s = str_get_data(x, &len);
        return int_parse(s, len, 10);
    }
    buffer_info_t bi; /* bytearray, memoryview, array: their bytes are the text */
    if (!(obj_type(x)->flags & TYPE_FLAG_USER_CLASS) && rt_get_buffer(x, &bi, BUFFER_READ)) {
        return int_parse(bi.buf, bi.len, 10);
    }
    obj_t r = rt_unary_op(UNARY_OP_INT, x);
    if (r == OBJ_NULL || !int_like(r)) {
        raise_fmt(&type_TypeError, "can't convert %s to int", rt_type_name(x));
    }
    return int_is_bool(r) ? small_int_new(r == OBJ_TRUE) : r;
}

static obj_t int_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    obj_t x = OBJ_NULL, base = OBJ_NULL;
    if (n_args > 2) {
        raise_fmt(&type_TypeError, "function takes %d positional arguments but %d were given", 2, (int)n_args);
    }
    if (n_args >= 1) {
        x = args[0];
    }
    if (n_args == 2) {
        base = args[1];
    }
    for (size_t i = 0; i < n_kw; i++) {
        obj_t k = args[n_args + 2 * i];
        if (obj_is_qstr(k) && obj_qstr_value(k) == QSTR_base && base == OBJ_NULL) {
            base = args[n_args + 2 * i + 1];
        } else {
            raise_fmt(&type_TypeError, "unexpected keyword argument '%S'", k);
        }
    }
    if (x == OBJ_NULL) {
        if (base != OBJ_NULL) {
            raise_msg(&type_TypeError, "int() missing string argument");
        }
        return small_int_new(0);
    }
    if (base == OBJ_NULL) {
        return int_from_obj(x);
    }
    int_t b = obj_get_int(base);
    if (b != 0 && (b < 2 || b > 36)) {
        raise_msg(&type_ValueError, "int() arg 2 must be >= 2 and <= 36");
    }
    size_t len;
    const char *s;
    if (obj_is_str(x) || obj_is_type(x, &bytes_type)) {
        s = str_get_data(x, &len);
    } else {
        buffer_info_t bi;
        if (!rt_get_buffer(x, &bi, BUFFER_READ)) {
            raise_msg(&type_TypeError, "int() can't convert non-string with explicit base");
        }
        s = bi.buf;
        len = bi.len;
    }
    return int_parse(s, len, (int)b);
}

/* ---- methods ---- */
static bool int_parse_byteorder(obj_t o) {
    if (obj_is_str(o)) {
        size_t len;
        const char *s = str_get_data(o, &len);
        if (len == 3 && memcmp(s, "big", 3) == 0) {
            return true;
        }
        if (len == 6 && memcmp(s, "little", 6) == 0) {
            return false;
        }
    }
    raise_msg(&type_ValueError, "byteorder must be either 'little' or 'big'");
}

static bool int_kw_signed(size_t n_kw, const obj_t *kw, obj_t *byteorder, obj_t *length) {
    bool is_signed = false;
    for (size_t i = 0; i < n_kw; i++) {
        obj_t k = kw[2 * i], v = kw[2 * i + 1];
        qstr q = obj_is_qstr(k) ? obj_qstr_value(k) : QSTR_NULL;
        if (q == QSTR_signed) {
            is_signed = rt_is_true(v);
        } else if (q == QSTR_byteorder && byteorder != NULL) {
            *byteorder = v;
        } else if (q == QSTR_length && length != NULL) {
            *length = v;
        } else {
            raise_fmt(&type_TypeError, "unexpected keyword argument '%S'", k);
        }
    }
    return is_signed;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False). Works both as int.from_bytes(...) and
 * through an instance or with the class passed first (classmethod binding). */
static obj_t int_from_bytes_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    size_t skip = 0;
    if (n_args >= 1 && (int_like(args[0]) || obj_is_type(args[0], &type_type))) {
        skip = 1;
    }
    obj_t byteorder = ROM_QSTR(QSTR_big);
    bool is_signed = int_kw_signed(n_kw, args + n_args, &byteorder, NULL);
    if (n_args - skip < 1 || n_args - skip > 2) {
        raise_fmt(&type_TypeError, "function takes %d positional arguments but %d were given", 2, (int)(n_args - skip));
    }
    if (n_args - skip == 2) {
        byteorder = args[skip + 1];
    }
    bool big = int_parse_byteorder(byteorder);
    buffer_info_t bi;
    obj_t data = args[skip];
    if (!rt_get_buffer(data, &bi, BUFFER_READ)) {
        /* a list/tuple of small ints is accepted too */
        obj_t *items;
        size_t n;
        obj_get_array(data, &n, &items);
        uint8_t *tmp = gc_alloc(n + 1, false);
        for (size_t i = 0; i < n; i++) {
            int_t v = obj_get_int(items[i]);
            if (v < 0 || v > 255) {
                raise_msg(&type_ValueError, "bytes must be in range(0, 256)");
            }
            tmp[i] = (uint8_t)v;
        }
        obj_t r = int_from_bytes_buf(tmp, n, big, is_signed);
        gc_free(tmp);
        return r;
    }
    return int_from_bytes_buf(bi.buf, bi.len, big, is_signed);
}
DEFINE_FUN_KW(int_from_bytes_obj, from_bytes, 1, 4, int_from_bytes_fun);
static const classmethod_obj_t int_from_bytes_cm = {{&classmethod_type}, ROM_PTR(&int_from_bytes_obj)};

/* int.to_bytes(self, length=1, byteorder='big', *, signed=False) */
static obj_t int_to_bytes_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = args[0];
    obj_t length = ROM_INT(1), byteorder = ROM_QSTR(QSTR_big);
    if (n_args >= 2) {
        length = args[1];
    }
    if (n_args >= 3) {
        byteorder = args[2];
    }
    bool is_signed = int_kw_signed(n_kw, args + n_args, n_args >= 3 ? NULL : &byteorder, n_args >= 2 ? NULL : &length);
    int_t len = obj_get_int(length);
    if (len < 0) {
        raise_msg(&type_ValueError, "length argument must be non-negative");
    }
    bool big = int_parse_byteorder(byteorder);
    if ((uint64_t)len > (uint64_t)1 << 40) {
        raise_memory_error_bytes((size_t)len + 1);
    }
    uint8_t *buf = gc_alloc((size_t)len + 1, false);
    int_to_bytes_buf(self, big, is_signed, (size_t)len, buf, true);
    obj_t r = bytes_new((const char *)buf, (size_t)len);
    gc_free(buf);
    return r;
}
DEFINE_FUN_KW(int_to_bytes_obj, to_bytes, 1, 3, int_to_bytes_fun);

static const map_elem_t int_locals_table[] = {
    {ROM_QSTR(QSTR_from_bytes), ROM_PTR(&int_from_bytes_cm)},
    {ROM_QSTR(QSTR_to_bytes), ROM_PTR(&int_to_bytes_obj)},
};
static DEFINE_CONST_DICT(int_locals_dict, int_locals_table);

const type_t int_type = {
    .base = {&type_type},
    .flags = 0,
    .name = QSTR_int,
    .print = int_print,
    .make_new = int_make_new,
    .unary_op = int_unary_op,
    .binary_op = int_binary_op,
    .locals_dict = &int_locals_dict,
};
