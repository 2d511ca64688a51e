/* tests/unit/ecp_accel_test.c: host/ecp_accel.c against mbedTLS's own P-256 code (found with
 * dlsym(RTLD_NEXT) as the accelerator finds it): the same points for pseudo-random scalars and
 * points, the same errors for bad scalars and points off the curve, other curves untouched, and
 * ECDSA signatures made and checked through it. Deterministic: scalars come from a fixed xorshift. */
#include <dlfcn.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>

#include "host/ecp_accel.h"

typedef int (*mul_fn)(mbedtls_ecp_group *, mbedtls_ecp_point *, const mbedtls_mpi *, const mbedtls_ecp_point *,
    int (*)(void *, unsigned char *, size_t), void *, mbedtls_ecp_restart_ctx *);
typedef int (*muladd_fn)(mbedtls_ecp_group *, mbedtls_ecp_point *, const mbedtls_mpi *, const mbedtls_ecp_point *,
    const mbedtls_mpi *, const mbedtls_ecp_point *, mbedtls_ecp_restart_ctx *);

static uint64_t seed = 0x9E3779B97F4A7C15u;

static int fixed_rng(void *arg, unsigned char *out, size_t n) {
    for (size_t i = 0; i < n; i++) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        out[i] = (unsigned char)seed;
    }
    return 0;
}

/* a scalar in [2, N-1] */
static void random_scalar(const mbedtls_ecp_group *g, mbedtls_mpi *k) {
    unsigned char b[32];
    do {
        fixed_rng(NULL, b, sizeof(b));
        assert_int_equal(mbedtls_mpi_read_binary(k, b, sizeof(b)), 0);
        assert_int_equal(mbedtls_mpi_mod_mpi(k, k, &g->N), 0);
    } while (mbedtls_mpi_cmp_int(k, 1) <= 0);
}

typedef struct {
    mbedtls_ecp_group g;
    mbedtls_ecp_point q, r1, r2;
    mbedtls_mpi a, b;
    mul_fn mul;
    muladd_fn muladd;
} fx_t;

static int setup(void **state) {
    static fx_t f;
    mbedtls_ecp_group_init(&f.g);
    mbedtls_ecp_point_init(&f.q);
    mbedtls_ecp_point_init(&f.r1);
    mbedtls_ecp_point_init(&f.r2);
    mbedtls_mpi_init(&f.a);
    mbedtls_mpi_init(&f.b);
    f.mul = (mul_fn)dlsym(RTLD_NEXT, "mbedtls_ecp_mul_restartable");
    f.muladd = (muladd_fn)dlsym(RTLD_NEXT, "mbedtls_ecp_muladd_restartable");
    if (f.mul == NULL || f.muladd == NULL || mbedtls_ecp_group_load(&f.g, MBEDTLS_ECP_DP_SECP256R1) != 0) {
        return -1;
    }
    *state = &f;
    return 0;
}

static int teardown(void **state) {
    fx_t *f = *state;
    mbedtls_ecp_group_free(&f->g);
    mbedtls_ecp_point_free(&f->q);
    mbedtls_ecp_point_free(&f->r1);
    mbedtls_ecp_point_free(&f->r2);
    mbedtls_mpi_free(&f->a);
    mbedtls_mpi_free(&f->b);
    return 0;
}

static void test_active(void **state) { assert_true(ecp_accel_active()); }

static void test_same_points_as_mbedtls(void **state) {
    fx_t *f = *state;
    for (int i = 0; i < 50; i++) {
        random_scalar(&f->g, &f->a);
        random_scalar(&f->g, &f->b);
        /* a*G */
        assert_int_equal(mbedtls_ecp_mul(&f->g, &f->r1, &f->a, &f->g.G, fixed_rng, NULL), 0);
        assert_int_equal(f->mul(&f->g, &f->r2, &f->a, &f->g.G, fixed_rng, NULL, NULL), 0);
        assert_int_equal(mbedtls_ecp_point_cmp(&f->r1, &f->r2), 0);
        assert_int_equal(mbedtls_ecp_copy(&f->q, &f->r1), 0);
        /* b*Q for a point that isn't G */
        assert_int_equal(mbedtls_ecp_mul(&f->g, &f->r1, &f->b, &f->q, fixed_rng, NULL), 0);
        assert_int_equal(f->mul(&f->g, &f->r2, &f->b, &f->q, fixed_rng, NULL, NULL), 0);
        assert_int_equal(mbedtls_ecp_point_cmp(&f->r1, &f->r2), 0);
        /* a*G + b*Q and b*Q + a*Q */
        assert_int_equal(mbedtls_ecp_muladd(&f->g, &f->r1, &f->a, &f->g.G, &f->b, &f->q), 0);
        assert_int_equal(f->muladd(&f->g, &f->r2, &f->a, &f->g.G, &f->b, &f->q, NULL), 0);
        assert_int_equal(mbedtls_ecp_point_cmp(&f->r1, &f->r2), 0);
        assert_int_equal(mbedtls_ecp_muladd(&f->g, &f->r1, &f->b, &f->q, &f->a, &f->q), 0);
        assert_int_equal(f->muladd(&f->g, &f->r2, &f->b, &f->q, &f->a, &f->q, NULL), 0);
        assert_int_equal(mbedtls_ecp_point_cmp(&f->r1, &f->r2), 0);
    }
}

static void test_opposite_points_sum_to_zero(void **state) {
    fx_t *f = *state;
    /* a*G + (N-a)*G is the point at infinity (Z = 0), as mbedTLS says */
    random_scalar(&f->g, &f->a);
    assert_int_equal(mbedtls_mpi_sub_mpi(&f->b, &f->g.N, &f->a), 0);
    assert_int_equal(mbedtls_ecp_muladd(&f->g, &f->r1, &f->a, &f->g.G, &f->b, &f->g.G), 0);
    assert_int_equal(mbedtls_ecp_is_zero(&f->r1), 1);
}

static void test_same_errors_as_mbedtls(void **state) {
    fx_t *f = *state;
    /* scalar 0 and N: not a private key */
    assert_int_equal(mbedtls_mpi_lset(&f->a, 0), 0);
    assert_int_equal(mbedtls_ecp_mul(&f->g, &f->r1, &f->a, &f->g.G, fixed_rng, NULL),
        f->mul(&f->g, &f->r2, &f->a, &f->g.G, fixed_rng, NULL, NULL));
    assert_int_not_equal(mbedtls_ecp_mul(&f->g, &f->r1, &f->g.N, &f->g.G, fixed_rng, NULL), 0);
    assert_int_equal(mbedtls_ecp_mul(&f->g, &f->r1, &f->g.N, &f->g.G, fixed_rng, NULL),
        f->mul(&f->g, &f->r2, &f->g.N, &f->g.G, fixed_rng, NULL, NULL));
    /* a point off the curve */
    random_scalar(&f->g, &f->a);
    assert_int_equal(mbedtls_ecp_copy(&f->q, &f->g.G), 0);
    assert_int_equal(mbedtls_mpi_add_int(&f->q.Y, &f->q.Y, 1), 0);
    int theirs = f->mul(&f->g, &f->r2, &f->a, &f->q, fixed_rng, NULL, NULL);
    assert_int_not_equal(theirs, 0);
    assert_int_equal(mbedtls_ecp_mul(&f->g, &f->r1, &f->a, &f->q, fixed_rng, NULL), theirs);
    random_scalar(&f->g, &f->b);
    assert_int_equal(mbedtls_ecp_muladd(&f->g, &f->r1, &f->a, &f->g.G, &f->b, &f->q),
        f->muladd(&f->g, &f->r2, &f->a, &f->g.G, &f->b, &f->q, NULL));
    /* the shortcut scalars 0 and 1 of muladd */
    assert_int_equal(mbedtls_mpi_lset(&f->b, 1), 0);
    assert_int_equal(mbedtls_ecp_muladd(&f->g, &f->r1, &f->a, &f->g.G, &f->b, &f->g.G), 0);
    assert_int_equal(f->muladd(&f->g, &f->r2, &f->a, &f->g.G, &f->b, &f->g.G, NULL), 0);
    assert_int_equal(mbedtls_ecp_point_cmp(&f->r1, &f->r2), 0);
}

static void test_other_curves_untouched(void **state) {
    mbedtls_ecp_group g;
    mbedtls_ecp_point r;
    mbedtls_mpi k;
    mbedtls_ecp_group_init(&g);
    mbedtls_ecp_point_init(&r);
    mbedtls_mpi_init(&k);
    assert_int_equal(mbedtls_ecp_group_load(&g, MBEDTLS_ECP_DP_SECP384R1), 0);
    assert_int_equal(mbedtls_mpi_lset(&k, 12345), 0);
    assert_int_equal(mbedtls_ecp_mul(&g, &r, &k, &g.G, fixed_rng, NULL), 0);
    assert_int_equal(mbedtls_ecp_check_pubkey(&g, &r), 0);
    mbedtls_ecp_group_free(&g);
    mbedtls_ecp_point_free(&r);
    mbedtls_mpi_free(&k);
}

static void test_ecdsa_through_it(void **state) {
    mbedtls_ecdsa_context key;
    mbedtls_ecdsa_init(&key);
    assert_int_equal(mbedtls_ecdsa_genkey(&key, MBEDTLS_ECP_DP_SECP256R1, fixed_rng, NULL), 0);
    unsigned char hash[32], sig[MBEDTLS_ECDSA_MAX_LEN];
    size_t n;
    fixed_rng(NULL, hash, sizeof(hash));
    assert_int_equal(mbedtls_ecdsa_write_signature(&key, MBEDTLS_MD_SHA256, hash, sizeof(hash), sig, &n, fixed_rng, NULL), 0);
    assert_int_equal(mbedtls_ecdsa_read_signature(&key, hash, sizeof(hash), sig, n), 0);
    hash[0] ^= 1;
    assert_int_equal(mbedtls_ecdsa_read_signature(&key, hash, sizeof(hash), sig, n), MBEDTLS_ERR_ECP_VERIFY_FAILED);
    mbedtls_ecdsa_free(&key);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_active),
        cmocka_unit_test(test_same_points_as_mbedtls),
        cmocka_unit_test(test_opposite_points_sum_to_zero),
        cmocka_unit_test(test_same_errors_as_mbedtls),
        cmocka_unit_test(test_other_curves_untouched),
        cmocka_unit_test(test_ecdsa_through_it),
    };
    int failed = cmocka_run_group_tests(tests, setup, teardown);
    int total = (int)(sizeof(tests) / sizeof(tests[0]));
    printf("%d passed, %d failed\n", failed < 0 ? 0 : total - failed, failed < 0 ? total : failed);
    return failed != 0;
}
