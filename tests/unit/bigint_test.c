/* tests/unit/bigint_test.c: cmocka unit tests of core/bigint.c (digit-array arithmetic).
 * Known values check text conversion; algebraic identities over seeded random operands (sizes
 * across the Karatsuba cutoff) check add/sub/mul/divmod/shifts/bitwise/pow/powmod/bytes.
 * The GC allocator is replaced by calloc/free stubs, so this links bigint.o alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/bigint.h"

/* ---- stubs for what bigint.c needs from the core ---- */
void *gc_alloc(size_t bytes, bool with_finaliser);
void gc_free(void *p);
__attribute__((noreturn)) void raise_memory_error(void);
void *gc_alloc(size_t bytes, bool with_finaliser) {
    (void)with_finaliser;
    void *p = calloc(1, bytes);
    if (!p) {
        abort();
    }
    return p;
}
void gc_free(void *p) {
    free(p);
}
void raise_memory_error(void) {
    abort();
}

/* ---- helpers: heap-backed bigints ---- */
typedef struct {
    bigint_t v;
    size_t cap;
} num_t;

static num_t num_new(size_t cap) {
    num_t n;
    n.cap = cap ? cap : 1;
    n.v.d = calloc(n.cap, sizeof(bigint_digit_t));
    n.v.len = 0;
    n.v.neg = false;
    return n;
}
static void num_free(num_t *n) {
    free(n->v.d);
}

static num_t num_str(const char *s, int base) {
    bool neg = *s == '-';
    if (neg) {
        s++;
    }
    size_t len = strlen(s);
    num_t n = num_new(bigint_from_str_cap(len, base));
    bigint_from_str(&n.v, s, len, base);
    n.v.neg = neg && n.v.len;
    return n;
}

static char *num_to_str(const bigint_t *a, int base) {
    size_t cap = bigint_str_cap(a, base);
    char *buf = calloc(cap + 2, 1);
    size_t off = 0;
    if (a->neg) {
        buf[off++] = '-';
    }
    size_t n = bigint_to_str(buf + off, a, base, false);
    buf[off + n] = 0;
    return buf;
}

static uint64_t rng_state = 88172645463325252ull;
static uint64_t rng(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static num_t num_rand(size_t ndig) {
    num_t n = num_new(ndig);
    for (size_t i = 0; i < ndig; i++) {
        uint64_t r = rng();
        /* sprinkle runs of all-ones and zeros to exercise carries */
        switch (rng() % 8) {
            case 0: r = ~(uint64_t)0; break;
            case 1: r = 0; break;
            default: break;
        }
        n.v.d[i] = r;
    }
    n.v.len = ndig;
    n.v.neg = rng() & 1;
    bigint_normalise(&n.v);
    return n;
}

static num_t op_add(const bigint_t *a, const bigint_t *b) {
    num_t r = num_new((a->len > b->len ? a->len : b->len) + 1);
    bigint_add(&r.v, a, b);
    return r;
}
static num_t op_sub(const bigint_t *a, const bigint_t *b) {
    num_t r = num_new((a->len > b->len ? a->len : b->len) + 1);
    bigint_sub(&r.v, a, b);
    return r;
}
static num_t op_mul(const bigint_t *a, const bigint_t *b) {
    num_t r = num_new(a->len + b->len);
    bigint_mul(&r.v, a, b);
    return r;
}

static void assert_eq(const bigint_t *a, const bigint_t *b) {
    assert_int_equal(bigint_cmp(a, b), 0);
}

/* ---- tests ---- */
static void test_text_known(void **state) {
    (void)state;
    static const char *cases[] = {"0", "1", "-1", "18446744073709551615", "18446744073709551616",
        "-9223372036854775808", "1267650600228229401496703205376",
        "30414093201713378043612608166064768844377641568960512000000000000",
        "-1000000000000000000000000000000000000000"};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        num_t n = num_str(cases[i], 10);
        char *s = num_to_str(&n.v, 10);
        assert_string_equal(s, cases[i]);
        free(s);
        num_free(&n);
    }
    num_t h = num_str("deadbeefcafebabe0123456789abcdef", 16);
    char *s = num_to_str(&h.v, 16);
    assert_string_equal(s, "deadbeefcafebabe0123456789abcdef");
    free(s);
    s = num_to_str(&h.v, 8);
    num_t back = num_str(s, 8);
    assert_eq(&h.v, &back.v);
    free(s);
    num_free(&back);
    s = num_to_str(&h.v, 36);
    back = num_str(s, 36);
    assert_eq(&h.v, &back.v);
    free(s);
    num_free(&back);
    num_free(&h);
}

static void test_pow_known(void **state) {
    (void)state;
    num_t two = num_str("2", 10);
    num_t r = num_new(bigint_pow_cap(&two.v, 100));
    bigint_pow(&r.v, &two.v, 100);
    char *s = num_to_str(&r.v, 10);
    assert_string_equal(s, "1267650600228229401496703205376");
    free(s);
    num_free(&r);
    num_t three = num_str("-3", 10);
    r = num_new(bigint_pow_cap(&three.v, 41));
    bigint_pow(&r.v, &three.v, 41);
    s = num_to_str(&r.v, 10);
    assert_string_equal(s, "-36472996377170786403");
    free(s);
    num_free(&r);
    num_free(&two);
    num_free(&three);
}

static void test_factorial(void **state) {
    (void)state;
    num_t f = num_str("1", 10);
    for (int i = 2; i <= 100; i++) {
        bigint_digit_t d = (bigint_digit_t)i;
        bigint_t k = {&d, 1, false};
        num_t n = op_mul(&f.v, &k);
        num_free(&f);
        f = n;
    }
    char *s = num_to_str(&f.v, 10);
    assert_string_equal(s, "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941"
                           "463976156518286253697920827223758251185210916864000000000000000000000000");
    free(s);
    num_free(&f);
}

/* random identities over many sizes */
static const size_t sizes[] = {0, 1, 2, 3, 5, 17, 31, 32, 33, 41, 63, 64, 65, 97, 150, 300};
#define NSIZES (sizeof(sizes) / sizeof(sizes[0]))

static void test_add_sub(void **state) {
    (void)state;
    for (size_t i = 0; i < NSIZES; i++) {
        for (size_t j = 0; j < NSIZES; j++) {
            num_t a = num_rand(sizes[i]), b = num_rand(sizes[j]);
            num_t s = op_add(&a.v, &b.v);
            num_t d = op_sub(&s.v, &b.v);
            assert_eq(&d.v, &a.v);
            num_t d2 = op_sub(&a.v, &b.v);
            num_t d3 = op_sub(&b.v, &a.v);
            num_t z = op_add(&d2.v, &d3.v);
            assert_int_equal(z.v.len, 0);
            num_free(&a), num_free(&b), num_free(&s), num_free(&d), num_free(&d2), num_free(&d3), num_free(&z);
        }
    }
}

/* schoolbook reference on magnitudes (no Karatsuba) to compare against */
static num_t ref_mul(const bigint_t *a, const bigint_t *b) {
    num_t r = num_new(a->len + b->len);
    for (size_t i = 0; i < a->len; i++) {
        bigint_digit_t carry = 0;
        for (size_t j = 0; j < b->len; j++) {
            bigint_ddigit_t t = (bigint_ddigit_t)a->d[i] * b->d[j] + r.v.d[i + j] + carry;
            r.v.d[i + j] = (bigint_digit_t)t;
            carry = (bigint_digit_t)(t >> 64);
        }
        r.v.d[i + b->len] = carry;
    }
    r.v.len = a->len + b->len;
    r.v.neg = a->neg != b->neg;
    bigint_normalise(&r.v);
    return r;
}

static void check_divmod(const bigint_t *a, const bigint_t *b);

static void test_mul(void **state) {
    (void)state;
    for (size_t i = 0; i < NSIZES; i++) {
        for (size_t j = 0; j < NSIZES; j++) {
            num_t a = num_rand(sizes[i]), b = num_rand(sizes[j]);
            num_t p = op_mul(&a.v, &b.v);
            num_t q = ref_mul(&a.v, &b.v);
            assert_eq(&p.v, &q.v);
            num_t sq = op_mul(&a.v, &a.v);
            num_t sq2 = ref_mul(&a.v, &a.v);
            assert_eq(&sq.v, &sq2.v);
            num_free(&a), num_free(&b), num_free(&p), num_free(&q), num_free(&sq), num_free(&sq2);
        }
    }
    /* big squares and very unbalanced products */
    num_t a = num_rand(700), b = num_rand(45);
    num_t p = op_mul(&a.v, &b.v), q = ref_mul(&a.v, &b.v);
    assert_eq(&p.v, &q.v);
    num_t s1 = op_mul(&a.v, &a.v), s2 = ref_mul(&a.v, &a.v);
    assert_eq(&s1.v, &s2.v);
    num_free(&a), num_free(&b), num_free(&p), num_free(&q), num_free(&s1), num_free(&s2);
    /* big enough that Karatsuba's scratch outgrows the static arena (heap fallback) */
    a = num_rand(5000), b = num_rand(4000);
    p = op_mul(&a.v, &b.v), q = ref_mul(&a.v, &b.v);
    assert_eq(&p.v, &q.v);
    check_divmod(&p.v, &b.v);
    num_free(&a), num_free(&b), num_free(&p), num_free(&q);
}

static void check_divmod(const bigint_t *a, const bigint_t *b) {
    if (b->len == 0) {
        return;
    }
    num_t q = num_new(a->len + 1), m = num_new(b->len);
    assert_true(bigint_divmod(&q.v, &m.v, a, b));
    /* |m| < |b|, m has b's sign (or is 0), a == q*b + m */
    assert_true(bigint_cmp_mag(&m.v, b) < 0);
    if (m.v.len) {
        assert_int_equal(m.v.neg, b->neg);
    }
    num_t qb = op_mul(&q.v, b);
    num_t back = op_add(&qb.v, &m.v);
    assert_eq(&back.v, a);
    num_free(&q), num_free(&m), num_free(&qb), num_free(&back);
}

static void test_divmod(void **state) {
    (void)state;
    for (size_t i = 0; i < NSIZES; i++) {
        for (size_t j = 0; j < NSIZES; j++) {
            for (int rep = 0; rep < 3; rep++) {
                num_t a = num_rand(sizes[i]), b = num_rand(sizes[j]);
                check_divmod(&a.v, &b.v);
                /* a product divided exactly */
                num_t p = op_mul(&a.v, &b.v);
                check_divmod(&p.v, &b.v);
                num_free(&a), num_free(&b), num_free(&p);
            }
        }
    }
    /* divisor with top digit all ones and a dividend that forces add-back corrections */
    num_t a = num_str("ffffffffffffffffffffffffffffffff00000000000000000000000000000000ffffffffffffffff", 16);
    num_t b = num_str("ffffffffffffffffffffffffffffffff", 16);
    check_divmod(&a.v, &b.v);
    num_free(&a), num_free(&b);
    a = num_str("-7", 10), b = num_str("2", 10);
    num_t q = num_new(2), m = num_new(1);
    bigint_divmod(&q.v, &m.v, &a.v, &b.v);
    char *s = num_to_str(&q.v, 10);
    assert_string_equal(s, "-4");
    free(s);
    s = num_to_str(&m.v, 10);
    assert_string_equal(s, "1");
    free(s);
    num_free(&a), num_free(&b), num_free(&q), num_free(&m);
}

static void test_shifts(void **state) {
    (void)state;
    static const uint64_t shifts[] = {0, 1, 13, 63, 64, 65, 127, 128, 200, 1000};
    for (size_t i = 0; i < NSIZES; i++) {
        for (size_t k = 0; k < sizeof(shifts) / sizeof(shifts[0]); k++) {
            uint64_t n = shifts[k];
            num_t a = num_rand(sizes[i]);
            num_t l = num_new(a.v.len + n / 64 + 1);
            bigint_shl(&l.v, &a.v, n);
            /* a << n == a * 2**n */
            num_t two = num_str("2", 10);
            num_t p = num_new(bigint_pow_cap(&two.v, n));
            bigint_pow(&p.v, &two.v, n);
            num_t m = op_mul(&a.v, &p.v);
            assert_eq(&l.v, &m.v);
            /* a >> n == a // 2**n (floor) */
            num_t r = num_new(a.v.len + 1);
            bigint_shr(&r.v, &a.v, n);
            num_t q = num_new(a.v.len + 1);
            bigint_divmod(&q.v, NULL, &a.v, &p.v);
            assert_eq(&r.v, &q.v);
            num_free(&a), num_free(&l), num_free(&two), num_free(&p), num_free(&m), num_free(&r), num_free(&q);
        }
    }
}

static void test_bitwise(void **state) {
    (void)state;
    for (size_t i = 0; i < NSIZES; i++) {
        for (size_t j = 0; j < NSIZES; j++) {
            num_t a = num_rand(sizes[i]), b = num_rand(sizes[j]);
            size_t mx = (a.v.len > b.v.len ? a.v.len : b.v.len) + 1;
            num_t x = num_new(mx), o = num_new(mx), n = num_new(mx);
            bigint_and(&x.v, &a.v, &b.v);
            bigint_or(&o.v, &a.v, &b.v);
            bigint_xor(&n.v, &a.v, &b.v);
            /* (a & b) + (a | b) == a + b ; a ^ b == (a | b) - (a & b) */
            num_t s1 = op_add(&x.v, &o.v), s2 = op_add(&a.v, &b.v);
            assert_eq(&s1.v, &s2.v);
            num_t d = op_sub(&o.v, &x.v);
            assert_eq(&d.v, &n.v);
            /* ~a == -a - 1 */
            num_t t = num_new(a.v.len + 1);
            bigint_not(&t.v, &a.v);
            num_t one = num_str("1", 10);
            num_t na = num_new(a.v.len + 1);
            bigint_t neg = a.v;
            neg.neg = a.v.len ? !a.v.neg : false;
            bigint_sub(&na.v, &neg, &one.v);
            assert_eq(&t.v, &na.v);
            num_free(&a), num_free(&b), num_free(&x), num_free(&o), num_free(&n), num_free(&s1), num_free(&s2);
            num_free(&d), num_free(&t), num_free(&one), num_free(&na);
        }
    }
    num_t a = num_str("-1", 10), b = num_str("18446744073709551616", 10);
    num_t r = num_new(3);
    bigint_and(&r.v, &a.v, &b.v);
    assert_eq(&r.v, &b.v);
    num_free(&a), num_free(&b), num_free(&r);
}

static void test_powmod(void **state) {
    (void)state;
    for (int rep = 0; rep < 40; rep++) {
        num_t a = num_rand(1 + rng() % 6), m = num_rand(1 + rng() % 5);
        uint64_t e = rng() % 60;
        bigint_digit_t ed = e;
        bigint_t ev = {&ed, e != 0, false};
        if (m.v.len == 0) {
            num_free(&a), num_free(&m);
            continue;
        }
        num_t r = num_new(m.v.len);
        bigint_powmod(&r.v, &a.v, &ev, &m.v);
        num_t p = num_new(bigint_pow_cap(&a.v, e));
        bigint_pow(&p.v, &a.v, e);
        num_t q = num_new(p.v.len + 1), mm = num_new(m.v.len);
        bigint_divmod(&q.v, &mm.v, &p.v, &m.v);
        assert_eq(&r.v, &mm.v);
        num_free(&a), num_free(&m), num_free(&r), num_free(&p), num_free(&q), num_free(&mm);
    }
}

static void test_bytes(void **state) {
    (void)state;
    for (int rep = 0; rep < 200; rep++) {
        num_t a = num_rand(rng() % 5);
        size_t len = (size_t)(bigint_bit_length(&a.v) / 8 + 1 + rng() % 3);
        assert_true(bigint_fits_bytes(&a.v, len, true));
        uint8_t buf[64];
        bool be = rng() & 1;
        bigint_to_bytes(&a.v, buf, len, be);
        num_t b = num_new((len + 7) / 8 + 1);
        bigint_from_bytes(&b.v, buf, len, be, true);
        assert_eq(&a.v, &b.v);
        num_free(&a), num_free(&b);
    }
    num_t m = num_str("-128", 10);
    assert_true(bigint_fits_bytes(&m.v, 1, true));
    assert_false(bigint_fits_bytes(&m.v, 1, false));
    num_free(&m);
    m = num_str("-129", 10);
    assert_false(bigint_fits_bytes(&m.v, 1, true));
    num_free(&m);
    m = num_str("255", 10);
    assert_true(bigint_fits_bytes(&m.v, 1, false));
    assert_false(bigint_fits_bytes(&m.v, 1, true));
    num_free(&m);
    m = num_str("-9223372036854775808", 10);
    assert_true(bigint_fits_bytes(&m.v, 8, true));
    uint8_t buf[8];
    bigint_to_bytes(&m.v, buf, 8, true);
    num_t b = num_new(3);
    bigint_from_bytes(&b.v, buf, 8, true, true);
    assert_eq(&m.v, &b.v);
    num_free(&m), num_free(&b);
}

static void test_i64(void **state) {
    (void)state;
    num_t a = num_str("-9223372036854775808", 10);
    int64_t v;
    assert_true(bigint_get_i64(&a.v, &v));
    assert_true(v == INT64_MIN);
    num_free(&a);
    a = num_str("9223372036854775808", 10);
    assert_false(bigint_get_i64(&a.v, &v));
    assert_true(bigint_get_u64_trunc(&a.v) == (uint64_t)1 << 63);
    num_free(&a);
    a = num_str("-1", 10);
    assert_true(bigint_get_u64_trunc(&a.v) == ~(uint64_t)0);
    num_free(&a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_known),
        cmocka_unit_test(test_pow_known),
        cmocka_unit_test(test_factorial),
        cmocka_unit_test(test_add_sub),
        cmocka_unit_test(test_mul),
        cmocka_unit_test(test_divmod),
        cmocka_unit_test(test_shifts),
        cmocka_unit_test(test_bitwise),
        cmocka_unit_test(test_powmod),
        cmocka_unit_test(test_bytes),
        cmocka_unit_test(test_i64),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    int n = (int)(sizeof(tests) / sizeof(tests[0]));
    printf("%d passed, %d failed\n", n - failed, failed);
    return failed ? 1 : 0;
}
