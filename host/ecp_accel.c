/* host/ecp_accel.c: mbedTLS's two scalar-multiplication entry points for the curve P-256, done by
 * OpenSSL's constant-time nistz256 code. Debian's mbedTLS 2.28 does P-256 with its generic bignum
 * (~5 ms of CPU a TLS handshake: two signature checks, an ECDH key pair and its shared secret),
 * OpenSSL in ~0.2 ms. These definitions take the place of libmbedcrypto's (its internal calls go
 * through the PLT); anything else is handed to its own code, found with dlsym(RTLD_NEXT).
 * Invariant: the same results and errors as mbedTLS's code (compared once at first use, else off). */
#include "host/ecp_accel.h"

#include <dlfcn.h>
#include <string.h>

#include <mbedtls/bignum.h>
#include <mbedtls/ecp.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

typedef int (*mul_fn)(mbedtls_ecp_group *, mbedtls_ecp_point *, const mbedtls_mpi *, const mbedtls_ecp_point *,
    int (*)(void *, unsigned char *, size_t), void *, mbedtls_ecp_restart_ctx *);
typedef int (*muladd_fn)(mbedtls_ecp_group *, mbedtls_ecp_point *, const mbedtls_mpi *, const mbedtls_ecp_point *,
    const mbedtls_mpi *, const mbedtls_ecp_point *, mbedtls_ecp_restart_ctx *);

#define P256_BYTES 32

static struct {
    bool tried, on;
    mul_fn mul;        /* mbedTLS's own */
    muladd_fn muladd;
    EC_GROUP *group;
    BN_CTX *bn;
} acc;

static bool self_check(void);

static void acc_init(void) {
    if (acc.tried) {
        return;
    }
    acc.tried = true;
    acc.mul = (mul_fn)dlsym(RTLD_NEXT, "mbedtls_ecp_mul_restartable");
    acc.muladd = (muladd_fn)dlsym(RTLD_NEXT, "mbedtls_ecp_muladd_restartable");
    acc.group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
    acc.bn = BN_CTX_new();
    acc.on = acc.mul != NULL && acc.muladd != NULL && acc.group != NULL && acc.bn != NULL;
    if (acc.on) {
        acc.on = self_check();
    }
}

bool ecp_accel_active(void) {
    acc_init();
    return acc.on;
}

/* ---- conversions (scalars 0..2^256-1, points affine with Z = 1, infinity as Z = 0) ---- */

static bool scalar_fits(const mbedtls_mpi *m) { return m->s > 0 && mbedtls_mpi_size(m) <= P256_BYTES; }

static BIGNUM *bn_from(const mbedtls_mpi *m) {
    unsigned char b[P256_BYTES];
    if (mbedtls_mpi_write_binary(m, b, sizeof(b)) != 0) {
        return NULL;
    }
    return BN_bin2bn(b, sizeof(b), NULL);
}

static bool affine(const mbedtls_ecp_point *p) {
    return mbedtls_mpi_cmp_int(&p->Z, 1) == 0 && mbedtls_mpi_size(&p->X) <= P256_BYTES &&
           mbedtls_mpi_size(&p->Y) <= P256_BYTES;
}

/* A point on the curve, else NULL (OpenSSL checks that it lies on it) */
static EC_POINT *point_from(const mbedtls_ecp_point *p) {
    EC_POINT *q = EC_POINT_new(acc.group);
    BIGNUM *x = bn_from(&p->X), *y = bn_from(&p->Y);
    bool ok = q != NULL && x != NULL && y != NULL && EC_POINT_set_affine_coordinates(acc.group, q, x, y, acc.bn) == 1;
    BN_free(x);
    BN_free(y);
    if (!ok) {
        EC_POINT_free(q);
        return NULL;
    }
    return q;
}

static int point_to(const EC_POINT *q, mbedtls_ecp_point *r) {
    if (EC_POINT_is_at_infinity(acc.group, q)) {
        return mbedtls_ecp_set_zero(r);
    }
    BIGNUM *x = BN_new(), *y = BN_new();
    unsigned char bx[P256_BYTES], by[P256_BYTES];
    int ret = MBEDTLS_ERR_ECP_ALLOC_FAILED;
    if (x != NULL && y != NULL && EC_POINT_get_affine_coordinates(acc.group, q, x, y, acc.bn) == 1 &&
        BN_bn2binpad(x, bx, sizeof(bx)) == P256_BYTES && BN_bn2binpad(y, by, sizeof(by)) == P256_BYTES) {
        ret = mbedtls_mpi_read_binary(&r->X, bx, sizeof(bx));
        if (ret == 0) {
            ret = mbedtls_mpi_read_binary(&r->Y, by, sizeof(by));
        }
        if (ret == 0) {
            ret = mbedtls_mpi_lset(&r->Z, 1);
        }
    }
    BN_free(x);
    BN_free(y);
    return ret;
}

/* m*P (+ n*Q): P is the generator when `p_is_g` (OpenSSL's precomputed table); NULL q for none */
static int accel_mul(mbedtls_ecp_point *r, const mbedtls_mpi *m, const mbedtls_ecp_point *p, bool p_is_g,
    const mbedtls_mpi *n, const mbedtls_ecp_point *q) {
    int ret = MBEDTLS_ERR_ECP_ALLOC_FAILED;
    BIGNUM *bm = bn_from(m), *bn = n != NULL ? bn_from(n) : NULL;
    EC_POINT *pp = p_is_g ? NULL : point_from(p), *pq = q != NULL ? point_from(q) : NULL, *out = EC_POINT_new(acc.group);
    EC_POINT *tmp = (!p_is_g && q != NULL) ? EC_POINT_new(acc.group) : NULL;
    if (bm == NULL || (n != NULL && bn == NULL) || out == NULL || (!p_is_g && q != NULL && tmp == NULL)) {
        goto done;
    }
    if ((!p_is_g && pp == NULL) || (q != NULL && pq == NULL)) {
        ret = MBEDTLS_ERR_ECP_INVALID_KEY;
        goto done;
    }
    int ok;
    if (p_is_g) {
        ok = EC_POINT_mul(acc.group, out, bm, pq, bn, acc.bn);
    } else if (q == NULL) {
        ok = EC_POINT_mul(acc.group, out, NULL, pp, bm, acc.bn);
    } else {
        ok = EC_POINT_mul(acc.group, out, NULL, pp, bm, acc.bn) && EC_POINT_mul(acc.group, tmp, NULL, pq, bn, acc.bn) &&
             EC_POINT_add(acc.group, out, out, tmp, acc.bn);
    }
    ret = ok == 1 ? point_to(out, r) : MBEDTLS_ERR_ECP_BAD_INPUT_DATA;
done:
    BN_clear_free(bm);
    BN_clear_free(bn);
    EC_POINT_free(pp);
    EC_POINT_free(pq);
    EC_POINT_free(tmp);
    EC_POINT_free(out);
    return ret;
}

static bool mine(const mbedtls_ecp_group *grp) { return acc.on && grp->id == MBEDTLS_ECP_DP_SECP256R1; }

int mbedtls_ecp_mul_restartable(mbedtls_ecp_group *grp, mbedtls_ecp_point *R, const mbedtls_mpi *m,
    const mbedtls_ecp_point *P, int (*f_rng)(void *, unsigned char *, size_t), void *p_rng,
    mbedtls_ecp_restart_ctx *rs_ctx) {
    acc_init();
    if (acc.mul == NULL) {
        return MBEDTLS_ERR_ECP_FEATURE_UNAVAILABLE;
    }
    if (!mine(grp) || rs_ctx != NULL || !scalar_fits(m) || !affine(P)) {
        return acc.mul(grp, R, m, P, f_rng, p_rng, rs_ctx);
    }
    /* as mbedTLS: the scalar in [1, N-1], the point on the curve */
    int ret = mbedtls_ecp_check_privkey(grp, m);
    if (ret == 0) {
        ret = mbedtls_ecp_check_pubkey(grp, P);
    }
    if (ret != 0) {
        return ret;
    }
    return accel_mul(R, m, P, mbedtls_ecp_point_cmp(P, &grp->G) == 0, NULL, NULL);
}

int mbedtls_ecp_muladd_restartable(mbedtls_ecp_group *grp, mbedtls_ecp_point *R, const mbedtls_mpi *m,
    const mbedtls_ecp_point *P, const mbedtls_mpi *n, const mbedtls_ecp_point *Q, mbedtls_ecp_restart_ctx *rs_ctx) {
    acc_init();
    if (acc.muladd == NULL) {
        return MBEDTLS_ERR_ECP_FEATURE_UNAVAILABLE;
    }
    /* scalars in [2, N-1] only: mbedTLS takes 0 and +-1 as shortcuts, and refuses other values */
    if (!mine(grp) || rs_ctx != NULL || !scalar_fits(m) || !scalar_fits(n) || !affine(P) || !affine(Q) ||
        mbedtls_mpi_cmp_int(m, 1) <= 0 || mbedtls_mpi_cmp_int(n, 1) <= 0 || mbedtls_mpi_cmp_mpi(m, &grp->N) >= 0 ||
        mbedtls_mpi_cmp_mpi(n, &grp->N) >= 0) {
        return acc.muladd(grp, R, m, P, n, Q, rs_ctx);
    }
    int ret = mbedtls_ecp_check_pubkey(grp, P);
    if (ret == 0) {
        ret = mbedtls_ecp_check_pubkey(grp, Q);
    }
    if (ret != 0) {
        return ret;
    }
    return accel_mul(R, m, P, mbedtls_ecp_point_cmp(P, &grp->G) == 0, n, Q);
}

/* mbedTLS's own and ours for k*G, k*Q and a*G + b*Q with fixed scalars: the same points? */
static bool self_check(void) {
    mbedtls_ecp_group grp;
    mbedtls_ecp_point q, r1, r2;
    mbedtls_mpi k, a, b;
    mbedtls_ecp_group_init(&grp);
    mbedtls_ecp_point_init(&q);
    mbedtls_ecp_point_init(&r1);
    mbedtls_ecp_point_init(&r2);
    mbedtls_mpi_init(&k);
    mbedtls_mpi_init(&a);
    mbedtls_mpi_init(&b);
    bool ok = mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1) == 0 &&
              mbedtls_mpi_read_string(&k, 16, "5A1C0E7B3D9F2468ACE13579BDF02468ACE13579BDF0246813579BDF02468ACE") == 0 &&
              mbedtls_mpi_read_string(&a, 16, "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF") == 0 &&
              mbedtls_mpi_read_string(&b, 16, "FEDCBA9876543210FEDCBA9876543210FEDCBA987654321") == 0 &&
              acc.mul(&grp, &q, &k, &grp.G, NULL, NULL, NULL) == 0 &&      /* theirs: Q = k*G */
              accel_mul(&r1, &k, &grp.G, true, NULL, NULL) == 0 &&         /* ours, from the table */
              mbedtls_ecp_point_cmp(&q, &r1) == 0 &&
              acc.mul(&grp, &r1, &a, &q, NULL, NULL, NULL) == 0 &&         /* a*Q */
              accel_mul(&r2, &a, &q, false, NULL, NULL) == 0 &&
              mbedtls_ecp_point_cmp(&r1, &r2) == 0 &&
              acc.muladd(&grp, &r1, &a, &grp.G, &b, &q, NULL) == 0 &&      /* a*G + b*Q */
              accel_mul(&r2, &a, &grp.G, true, &b, &q) == 0 &&
              mbedtls_ecp_point_cmp(&r1, &r2) == 0 &&
              acc.muladd(&grp, &r1, &a, &q, &b, &q, NULL) == 0 &&          /* a*Q + b*Q */
              accel_mul(&r2, &a, &q, false, &b, &q) == 0 &&
              mbedtls_ecp_point_cmp(&r1, &r2) == 0;
    mbedtls_ecp_group_free(&grp);
    mbedtls_ecp_point_free(&q);
    mbedtls_ecp_point_free(&r1);
    mbedtls_ecp_point_free(&r2);
    mbedtls_mpi_free(&k);
    mbedtls_mpi_free(&a);
    mbedtls_mpi_free(&b);
    return ok;
}
