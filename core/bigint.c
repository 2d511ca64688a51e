/* core/bigint.c: arbitrary-precision integers on little-endian 64-bit digit arrays (bigint.h).
 * Internal mag_* helpers work on raw magnitudes of a given length (leading zeros allowed); the
 * public bigint_* functions take and give normalised views (top digit non-zero, zero is len 0 and
 * non-negative). Multiplication is schoolbook below KARATSUBA_CUTOFF digits, Karatsuba above;
 * division is Knuth's algorithm D. Scratch: caller's stack, a static arena, else the GC heap. */
#include "core/digits.h"
#include "core/bigint.h"

#include <string.h>

#include "core/obj.h"

typedef bigint_digit_t dig_t;
typedef bigint_ddigit_t ddig_t;
#define DIG_BITS 64
#ifndef KARATSUBA_CUTOFF
#define KARATSUBA_CUTOFF 32 /* measured: 24-32 digits is the crossover on x86-64 (gcc -O2) */
#endif
#define SCRATCH_STACK 64

/* ---- scratch memory ----
 * Temporaries are taken LIFO from a fixed static arena (no pointers live there, so the GC needn't
 * see it), else from the caller's stack buffer when small, else from the GC heap. An exception
 * (MemoryError) can unwind past scratch_put: bigint_scratch_reset() (called by obj_int.c before
 * each top-level operation) then recovers the arena. */
#ifndef BIGINT_ARENA_DIGITS
#define BIGINT_ARENA_DIGITS 4096
#endif
static dig_t scratch_arena[BIGINT_ARENA_DIGITS];
static size_t scratch_top;

typedef struct {
    dig_t *p;
    uint8_t kind; /* 0 caller's stack, 1 arena, 2 heap */
} scratch_t;

void bigint_scratch_reset(void) {
    scratch_top = 0;
}

static dig_t *scratch_get(scratch_t *s, dig_t *stackbuf, size_t n) {
    if (n <= SCRATCH_STACK && stackbuf != NULL) {
        s->p = stackbuf;
        s->kind = 0;
    } else if (n <= BIGINT_ARENA_DIGITS - scratch_top) {
        s->p = scratch_arena + scratch_top;
        scratch_top += n;
        s->kind = 1;
    } else {
        if (n > SIZE_MAX / sizeof(dig_t) / 2) {
            raise_memory_error();
        }
        s->p = gc_alloc(n * sizeof(dig_t), false);
        s->kind = 2;
    }
    return s->p;
}

static void scratch_put(scratch_t *s) {
    if (s->kind == 1) {
        scratch_top = (size_t)(s->p - scratch_arena);
    } else if (s->kind == 2) {
        gc_free(s->p);
    }
}

/* ---- digit helpers ---- */
static inline size_t mag_norm(const dig_t *a, size_t n) {
    while (n > 0 && a[n - 1] == 0) {
        n--;
    }
    return n;
}

static inline int clz64(uint64_t x) {
    return __builtin_clzll(x);
}

/* (hi:lo) / d where hi < d: quotient and remainder. */
static inline dig_t div_2by1(dig_t hi, dig_t lo, dig_t d, dig_t *rem) {
#if defined(__x86_64__)
    dig_t q, r;
    __asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d));
    *rem = r;
    return q;
#else
    ddig_t n = ((ddig_t)hi << DIG_BITS) | lo;
    *rem = (dig_t)(n % d);
    return (dig_t)(n / d);
#endif
}

static int mag_cmp(const dig_t *a, size_t an, const dig_t *b, size_t bn) {
    an = mag_norm(a, an);
    bn = mag_norm(b, bn);
    if (an != bn) {
        return an < bn ? -1 : 1;
    }
    while (an > 0) {
        an--;
        if (a[an] != b[an]) {
            return a[an] < b[an] ? -1 : 1;
        }
    }
    return 0;
}

/* r[0..an] = a + b, an >= bn; returns the carry-out stored length (an+1 digits written). */
static void mag_add(dig_t *r, const dig_t *a, size_t an, const dig_t *b, size_t bn) {
    dig_t carry = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        dig_t s = a[i] + carry;
        dig_t c1 = s < carry;
        dig_t t = s + b[i];
        carry = c1 | (t < s);
        r[i] = t;
    }
    for (; i < an; i++) {
        dig_t s = a[i] + carry;
        carry = s < carry;
        r[i] = s;
    }
    r[an] = carry;
}

/* r[0..an) = a - b, requires a >= b, an >= bn. Returns the borrow (0 when a >= b). */
static dig_t mag_sub(dig_t *r, const dig_t *a, size_t an, const dig_t *b, size_t bn) {
    dig_t borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        dig_t ai = a[i];
        dig_t t = ai - b[i];
        dig_t b1 = t > ai;
        dig_t u = t - borrow;
        borrow = b1 | (u > t);
        r[i] = u;
    }
    for (; i < an; i++) {
        dig_t ai = a[i];
        dig_t u = ai - borrow;
        borrow = u > ai;
        r[i] = u;
    }
    return borrow;
}

/* r[0..n) += a[0..n); returns carry. */
static dig_t mag_add_in(dig_t *r, const dig_t *a, size_t n) {
    dig_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        dig_t s = r[i] + carry;
        dig_t c1 = s < carry;
        dig_t t = s + a[i];
        carry = c1 | (t < s);
        r[i] = t;
    }
    return carry;
}

/* Propagates a carry into r[0..n). */
static void mag_inc(dig_t *r, size_t n, dig_t carry) {
    for (size_t i = 0; i < n && carry; i++) {
        r[i] += carry;
        carry = r[i] < carry;
    }
}

/* r[0..n) += a[0..n) * m; returns the carry digit. */
static dig_t mag_addmul_1(dig_t *r, const dig_t *a, size_t n, dig_t m) {
    dig_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        ddig_t t = (ddig_t)a[i] * m + r[i] + carry;
        r[i] = (dig_t)t;
        carry = (dig_t)(t >> DIG_BITS);
    }
    return carry;
}

/* r[0..n) = a[0..n) * m + carry_in; returns the carry digit. */
static dig_t mag_mul_1(dig_t *r, const dig_t *a, size_t n, dig_t m, dig_t carry) {
    for (size_t i = 0; i < n; i++) {
        ddig_t t = (ddig_t)a[i] * m + carry;
        r[i] = (dig_t)t;
        carry = (dig_t)(t >> DIG_BITS);
    }
    return carry;
}

/* r[0..n) -= a[0..n) * m; returns the borrow digit. */
static dig_t mag_submul_1(dig_t *r, const dig_t *a, size_t n, dig_t m) {
    dig_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        ddig_t p = (ddig_t)a[i] * m + carry;
        dig_t plo = (dig_t)p;
        carry = (dig_t)(p >> DIG_BITS);
        dig_t ri = r[i];
        dig_t t = ri - plo;
        carry += t > ri;
        r[i] = t;
    }
    return carry;
}

/* r[0..n) = a / d, returns a % d. r may alias a. (rem < d keeps each 2-by-1 step in range.) */
static dig_t mag_divmod_1(dig_t *r, const dig_t *a, size_t n, dig_t d) {
    dig_t rem = 0;
    for (size_t i = n; i-- > 0;) {
        r[i] = div_2by1(rem, a[i], d, &rem);
    }
    return rem;
}

/* ---- multiplication ---- */
static void mag_mul_school(dig_t *r, const dig_t *a, size_t an, const dig_t *b, size_t bn) {
    /* r[0..an+bn) = a*b; r must not alias. */
    if (bn == 0 || an == 0) {
        memset(r, 0, (an + bn) * sizeof(dig_t));
        return;
    }
    r[an] = mag_mul_1(r, a, an, b[0], 0);
    for (size_t j = 1; j < bn; j++) {
        r[an + j] = mag_addmul_1(r + j, a, an, b[j]);
    }
}

static void mag_sqr_school(dig_t *r, const dig_t *a, size_t n) {
    /* cross products once, doubled, plus the squares */
    memset(r, 0, 2 * n * sizeof(dig_t));
    for (size_t i = 0; i + 1 < n; i++) {
        r[n + i] = mag_addmul_1(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
    }
    /* double */
    dig_t carry = 0;
    for (size_t i = 0; i < 2 * n; i++) {
        dig_t v = r[i];
        r[i] = (v << 1) | carry;
        carry = v >> 63;
    }
    /* add squares */
    dig_t c = 0;
    for (size_t i = 0; i < n; i++) {
        ddig_t sq = (ddig_t)a[i] * a[i];
        dig_t lo = (dig_t)sq, hi = (dig_t)(sq >> DIG_BITS);
        dig_t s = r[2 * i] + lo;
        dig_t c1 = s < lo;
        dig_t s2 = s + c;
        c1 += s2 < s;
        r[2 * i] = s2;
        dig_t t = r[2 * i + 1] + hi;
        dig_t c2 = t < hi;
        dig_t t2 = t + c1;
        c2 += t2 < t;
        r[2 * i + 1] = t2;
        c = c2;
    }
}

static void mag_mul(dig_t *r, const dig_t *a, size_t an, const dig_t *b, size_t bn);

/* Karatsuba on balanced operands: an >= bn > an/2, bn >= KARATSUBA_CUTOFF. */
static void mag_mul_kara(dig_t *r, const dig_t *a, size_t an, const dig_t *b, size_t bn) {
    size_t h = an / 2;
    const dig_t *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
    size_t a1n = an - h, b1n = bn - h;
    bool square = (a == b && an == bn);
    /* z0 -> r[0..2h), z2 -> r[2h..an+bn) */
    mag_mul(r, a0, h, b0, h);
    mag_mul(r + 2 * h, a1, a1n, b1, b1n);
    /* sa = a0 + a1 (a1n+1 digits), sb = b0 + b1 (max(h,b1n)+1 digits) */
    size_t san = a1n + 1;
    size_t sbn = (h > b1n ? h : b1n) + 1;
    size_t zn = san + sbn;
    scratch_t sc;
    dig_t *buf = scratch_get(&sc, NULL, san + sbn + zn);
    dig_t *sa = buf, *sb = buf + san, *z1 = buf + san + sbn;
    mag_add(sa, a1, a1n, a0, h);
    if (square) {
        mag_mul(z1, sa, san, sa, san);
        zn = 2 * san;
    } else {
        if (h >= b1n) {
            mag_add(sb, b0, h, b1, b1n);
        } else {
            mag_add(sb, b1, b1n, b0, h);
        }
        mag_mul(z1, sa, san, sb, sbn);
    }
    /* z1 -= z0 + z2 */
    mag_sub(z1, z1, zn, r, 2 * h);
    mag_sub(z1, z1, zn, r + 2 * h, a1n + b1n);
    zn = mag_norm(z1, zn);
    /* r += z1 << h */
    size_t rest = an + bn - h;
    dig_t c = mag_add_in(r + h, z1, zn);
    mag_inc(r + h + zn, rest - zn, c);
    scratch_put(&sc);
}

/* r[0..an+bn) = a * b for any lengths (leading zeros allowed); r must not alias a or b. */
static void mag_mul(dig_t *r, const dig_t *a, size_t an, const dig_t *b, size_t bn) {
    if (an < bn) {
        const dig_t *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if (bn < KARATSUBA_CUTOFF) {
        if (a == b && an == bn) {
            mag_sqr_school(r, a, an);
        } else {
            mag_mul_school(r, a, an, b, bn);
        }
        return;
    }
    if (an >= 2 * bn) {
        /* unbalanced: multiply b by slices of a of bn digits each */
        memset(r, 0, (an + bn) * sizeof(dig_t));
        scratch_t sc;
        dig_t *t = scratch_get(&sc, NULL, 2 * bn);
        for (size_t off = 0; off < an; off += bn) {
            size_t n = an - off < bn ? an - off : bn;
            mag_mul(t, a + off, n, b, bn);
            dig_t c = mag_add_in(r + off, t, n + bn);
            mag_inc(r + off + n + bn, an + bn - off - n - bn, c);
        }
        scratch_put(&sc);
        return;
    }
    mag_mul_kara(r, a, an, b, bn);
}

/* ---- division: Knuth D ----
 * q[0..an-bn+1) = a / b, rem[0..bn) = a % b; an >= bn >= 1, b normalised (b[bn-1] != 0).
 * q or rem may be NULL (rem may alias b). Returns whether the remainder is non-zero. */
static bool mag_divmod(dig_t *q, dig_t *rem, const dig_t *a, size_t an, const dig_t *b, size_t bn) {
    if (bn == 1) {
        dig_t d = b[0], r = 0;
        if (q) {
            r = mag_divmod_1(q, a, an, d);
        } else {
            for (size_t i = an; i-- > 0;) {
                (void)div_2by1(r, a[i], d, &r);
            }
        }
        if (rem) {
            rem[0] = r;
        }
        return r != 0;
    }
    int s = clz64(b[bn - 1]);
    dig_t stackbuf[SCRATCH_STACK];
    scratch_t sc;
    dig_t *buf = scratch_get(&sc, stackbuf, an + 1 + bn);
    dig_t *u = buf, *v = buf + an + 1;
    if (s) {
        dig_t c = 0;
        for (size_t i = 0; i < bn; i++) {
            v[i] = (b[i] << s) | c;
            c = b[i] >> (DIG_BITS - s);
        }
        c = 0;
        for (size_t i = 0; i < an; i++) {
            u[i] = (a[i] << s) | c;
            c = a[i] >> (DIG_BITS - s);
        }
        u[an] = c;
    } else {
        memcpy(v, b, bn * sizeof(dig_t));
        memcpy(u, a, an * sizeof(dig_t));
        u[an] = 0;
    }
    dig_t vtop = v[bn - 1], vnext = v[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        dig_t uh = u[j + bn], ul = u[j + bn - 1], ull = u[j + bn - 2];
        dig_t qhat, rhat;
        bool rhat_big = false;
        if (uh >= vtop) {
            /* uh == vtop: qhat = B-1, rhat = uh*B + ul - (B-1)*vtop = ul + vtop */
            qhat = ~(dig_t)0;
            rhat = ul + vtop;
            rhat_big = rhat < ul; /* overflowed past one digit */
        } else {
            qhat = div_2by1(uh, ul, vtop, &rhat);
        }
        while (!rhat_big) {
            ddig_t lhs = (ddig_t)qhat * vnext;
            ddig_t rhs = ((ddig_t)rhat << DIG_BITS) | ull;
            if (lhs <= rhs) {
                break;
            }
            qhat--;
            dig_t nr = rhat + vtop;
            rhat_big = nr < rhat;
            rhat = nr;
        }
        dig_t borrow = mag_submul_1(u + j, v, bn, qhat);
        dig_t top = u[j + bn];
        u[j + bn] = top - borrow;
        if (top < borrow) {
            /* qhat was one too big: add back */
            qhat--;
            dig_t c = mag_add_in(u + j, v, bn);
            u[j + bn] += c;
        }
        if (q) {
            q[j] = qhat;
        }
    }
    bool nonzero = mag_norm(u, bn) != 0;
    if (rem) {
        if (s) {
            for (size_t i = 0; i < bn; i++) {
                rem[i] = (u[i] >> s) | (i + 1 < bn ? u[i + 1] << (DIG_BITS - s) : 0);
            }
        } else {
            memcpy(rem, u, bn * sizeof(dig_t));
        }
    }
    scratch_put(&sc);
    return nonzero;
}

/* ---- public: conversions ---- */
void bigint_normalise(bigint_t *r) {
    r->len = mag_norm(r->d, r->len);
    if (r->len == 0) {
        r->neg = false;
    }
}

void bigint_set_u64(bigint_t *r, uint64_t v) {
    r->neg = false;
    r->len = v != 0;
    r->d[0] = v;
}

void bigint_set_i64(bigint_t *r, int64_t v) {
    r->neg = v < 0;
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    r->len = m != 0;
    r->d[0] = m;
}

bool bigint_get_i64(const bigint_t *a, int64_t *out) {
    if (a->len == 0) {
        *out = 0;
        return true;
    }
    if (a->len > 1) {
        return false;
    }
    uint64_t m = a->d[0];
    if (a->neg) {
        if (m > (uint64_t)1 << 63) {
            return false;
        }
        *out = (int64_t)((uint64_t)0 - m);
    } else {
        if (m > (uint64_t)INT64_MAX) {
            return false;
        }
        *out = (int64_t)m;
    }
    return true;
}

uint64_t bigint_get_u64_trunc(const bigint_t *a) {
    uint64_t m = a->len ? a->d[0] : 0;
    return a->neg ? (uint64_t)0 - m : m;
}

/* ---- comparison ---- */
int bigint_cmp_mag(const bigint_t *a, const bigint_t *b) {
    return mag_cmp(a->d, a->len, b->d, b->len);
}

int bigint_cmp(const bigint_t *a, const bigint_t *b) {
    if (a->neg != b->neg) {
        return a->neg ? -1 : 1;
    }
    int c = bigint_cmp_mag(a, b);
    return a->neg ? -c : c;
}

/* ---- add / sub ---- */
/* r = a + (b_neg ? -|b| : |b|) with a's sign; handles aliasing (mag_add/sub run low to high). */
static void add_signed(bigint_t *r, const bigint_t *a, const bigint_t *b, bool b_neg) {
    size_t an = a->len, bn = b->len;
    bool aneg = a->neg;
    if (aneg == b_neg) {
        if (an >= bn) {
            mag_add(r->d, a->d, an, b->d, bn);
        } else {
            mag_add(r->d, b->d, bn, a->d, an);
        }
        r->len = (an > bn ? an : bn) + 1;
        r->neg = aneg;
    } else {
        int c = mag_cmp(a->d, an, b->d, bn);
        if (c == 0) {
            r->len = 0;
            r->neg = false;
            return;
        }
        if (c > 0) {
            mag_sub(r->d, a->d, an, b->d, bn);
            r->len = an;
            r->neg = aneg;
        } else {
            mag_sub(r->d, b->d, bn, a->d, an);
            r->len = bn;
            r->neg = b_neg;
        }
    }
    bigint_normalise(r);
}

void bigint_add(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    add_signed(r, a, b, b->neg);
}
void bigint_sub(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    add_signed(r, a, b, b->len ? !b->neg : false);
}

void bigint_mul(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    if (a->len == 0 || b->len == 0) {
        r->len = 0;
        r->neg = false;
        return;
    }
    mag_mul(r->d, a->d, a->len, b->d, b->len);
    r->len = a->len + b->len;
    r->neg = a->neg != b->neg;
    bigint_normalise(r);
}

/* ---- divmod ---- */
bool bigint_divmod(bigint_t *q, bigint_t *m, const bigint_t *a, const bigint_t *b) {
    if (b->len == 0) {
        return false;
    }
    size_t an = a->len, bn = b->len;
    bool qneg = a->neg != b->neg;
    bool rem_nonzero;
    if (an < bn || mag_cmp(a->d, an, b->d, bn) < 0) {
        /* |a| < |b|: trunc quotient 0, remainder |a| */
        rem_nonzero = an != 0;
        if (q) {
            q->len = 0;
            q->neg = false;
            if (qneg && rem_nonzero) {
                q->d[0] = 1;
                q->len = 1;
                q->neg = true;
            }
        }
        if (m) {
            if (qneg && rem_nonzero) {
                /* m = |b| - |a| with b's sign */
                mag_sub(m->d, b->d, bn, a->d, an);
                m->len = bn;
                m->neg = b->neg;
                bigint_normalise(m);
            } else {
                memmove(m->d, a->d, an * sizeof(dig_t));
                m->len = an;
                m->neg = a->neg;
            }
        }
        return true;
    }
    size_t qn = an - bn + 1;
    /* the remainder goes straight into m (it may alias b only after b is no longer read) */
    dig_t stackr[SCRATCH_STACK];
    scratch_t sc = {NULL, 0};
    dig_t *rem = NULL;
    if (m) {
        rem = (m->d == b->d) ? scratch_get(&sc, stackr, bn) : m->d;
    }
    rem_nonzero = mag_divmod(q ? q->d : NULL, rem, a->d, an, b->d, bn);
    if (q) {
        q->d[qn] = 0;
        q->len = qn + 1;
        if (qneg && rem_nonzero) {
            mag_inc(q->d, q->len, 1);
        }
        q->neg = qneg;
        bigint_normalise(q);
    }
    if (m) {
        size_t rn = mag_norm(rem, bn);
        if (qneg && rem_nonzero) {
            mag_sub(m->d, b->d, bn, rem, rn);
            m->len = bn;
        } else {
            if (rem != m->d) {
                memcpy(m->d, rem, rn * sizeof(dig_t));
            }
            m->len = rn;
        }
        m->neg = b->neg;
        bigint_normalise(m);
        scratch_put(&sc);
    }
    return true;
}

/* ---- pow ---- */
uint64_t bigint_bit_length(const bigint_t *a) {
    if (a->len == 0) {
        return 0;
    }
    return (uint64_t)a->len * DIG_BITS - (uint64_t)clz64(a->d[a->len - 1]);
}

size_t bigint_pow_cap(const bigint_t *a, uint64_t e) {
    uint64_t bits = bigint_bit_length(a);
    if (bits <= 1 || e == 0) {
        return 1;
    }
    /* bits * e / 64 + 2, guarding overflow; anything over 2**40 digits is hopeless */
    if (e > ((uint64_t)1 << 46) / bits) {
        return SIZE_MAX;
    }
    return (size_t)(bits * e / DIG_BITS + 2);
}

void bigint_pow(bigint_t *r, const bigint_t *a, uint64_t e) {
    bool neg = a->neg && (e & 1);
    if (e == 0) {
        bigint_set_u64(r, 1);
        return;
    }
    if (a->len == 0) {
        bigint_set_u64(r, 0);
        return;
    }
    size_t cap = bigint_pow_cap(a, e);
    /* power of two: a shift */
    uint64_t bits = bigint_bit_length(a);
    bool pow2 = a->d[a->len - 1] == ((dig_t)1 << ((bits - 1) % DIG_BITS));
    for (size_t i = 0; pow2 && i + 1 < a->len; i++) {
        pow2 = a->d[i] == 0;
    }
    if (pow2) {
        uint64_t sh = (bits - 1) * e;
        size_t n = (size_t)(sh / DIG_BITS);
        memset(r->d, 0, (n + 1) * sizeof(dig_t));
        r->d[n] = (dig_t)1 << (sh % DIG_BITS);
        r->len = n + 1;
        r->neg = neg;
        return;
    }
    scratch_t sc;
    dig_t *tmp = scratch_get(&sc, NULL, cap);
    dig_t *cur = r->d, *oth = tmp;
    memcpy(cur, a->d, a->len * sizeof(dig_t));
    size_t curn = a->len;
    int top = 63 - clz64(e);
    for (int i = top - 1; i >= 0; i--) {
        mag_mul(oth, cur, curn, cur, curn);
        curn = mag_norm(oth, 2 * curn);
        dig_t *t = cur;
        cur = oth;
        oth = t;
        if ((e >> i) & 1) {
            mag_mul(oth, cur, curn, a->d, a->len);
            curn = mag_norm(oth, curn + a->len);
            t = cur;
            cur = oth;
            oth = t;
        }
    }
    if (cur != r->d) {
        memcpy(r->d, cur, curn * sizeof(dig_t));
    }
    r->len = curn;
    r->neg = neg;
    scratch_put(&sc);
}

/* x = x mod m for magnitudes: x has xn digits, result in x[0..mn) */
static size_t mag_reduce(dig_t *x, size_t xn, const dig_t *m, size_t mn) {
    xn = mag_norm(x, xn);
    if (xn < mn) {
        return xn;
    }
    /* the remainder may overwrite x's low digits: mag_divmod copies x into its scratch first */
    mag_divmod(NULL, x, x, xn, m, mn);
    return mag_norm(x, mn);
}

void bigint_powmod(bigint_t *r, const bigint_t *a, const bigint_t *e, const bigint_t *m) {
    size_t mn = m->len;
    if (mn == 1 && m->d[0] == 1) {
        r->len = 0;
        r->neg = false;
        return;
    }
    /* base = a mod |m| (non-negative) */
    scratch_t sc;
    dig_t *buf = scratch_get(&sc, NULL, 6 * mn + 2);
    dig_t *base = buf, *acc = buf + 2 * mn + 1, *prod = buf + 4 * mn + 2;
    bigint_t mabs = {m->d, mn, false};
    bigint_t bv = {base, 0, false};
    bigint_divmod(NULL, &bv, a, &mabs);
    size_t basen = bv.len;
    acc[0] = 1;
    size_t accn = 1;
    uint64_t ebits = bigint_bit_length(e);
    for (uint64_t i = ebits; i-- > 0;) {
        /* acc = acc^2 mod m */
        mag_mul(prod, acc, accn, acc, accn);
        size_t pn = mag_reduce(prod, 2 * accn, m->d, mn);
        memcpy(acc, prod, pn * sizeof(dig_t));
        accn = pn;
        if ((e->d[i / DIG_BITS] >> (i % DIG_BITS)) & 1) {
            mag_mul(prod, acc, accn, base, basen);
            pn = mag_reduce(prod, accn + basen, m->d, mn);
            memcpy(acc, prod, pn * sizeof(dig_t));
            accn = pn;
        }
    }
    accn = mag_norm(acc, accn);
    if (m->neg && accn != 0) {
        /* result = acc - |m| (negative, magnitude |m| - acc) */
        mag_sub(r->d, m->d, mn, acc, accn);
        r->len = mn;
        r->neg = true;
    } else {
        memcpy(r->d, acc, accn * sizeof(dig_t));
        r->len = accn;
        r->neg = false;
    }
    bigint_normalise(r);
    scratch_put(&sc);
}

/* ---- shifts ---- */
void bigint_shl(bigint_t *r, const bigint_t *a, uint64_t n) {
    if (a->len == 0) {
        r->len = 0;
        r->neg = false;
        return;
    }
    size_t dn = (size_t)(n / DIG_BITS);
    unsigned s = (unsigned)(n % DIG_BITS);
    size_t an = a->len;
    if (s == 0) {
        memmove(r->d + dn, a->d, an * sizeof(dig_t));
        r->d[an + dn] = 0;
    } else {
        r->d[an + dn] = a->d[an - 1] >> (DIG_BITS - s);
        for (size_t i = an; i-- > 1;) {
            r->d[i + dn] = (a->d[i] << s) | (a->d[i - 1] >> (DIG_BITS - s));
        }
        r->d[dn] = a->d[0] << s;
    }
    memset(r->d, 0, dn * sizeof(dig_t));
    r->len = an + dn + 1;
    r->neg = a->neg;
    bigint_normalise(r);
}

void bigint_shr(bigint_t *r, const bigint_t *a, uint64_t n) {
    size_t an = a->len;
    bool neg = a->neg;
    if (n / DIG_BITS >= an) {
        if (neg) {
            r->d[0] = 1; /* floor of a negative tiny value: -1 */
            r->len = 1;
            r->neg = true;
        } else {
            r->len = 0;
            r->neg = false;
        }
        return;
    }
    size_t dn = (size_t)(n / DIG_BITS);
    unsigned s = (unsigned)(n % DIG_BITS);
    bool lost = false;
    if (neg) {
        for (size_t i = 0; i < dn && !lost; i++) {
            lost = a->d[i] != 0;
        }
        if (!lost && s) {
            lost = (a->d[dn] & (((dig_t)1 << s) - 1)) != 0;
        }
    }
    size_t rn = an - dn;
    if (s == 0) {
        memmove(r->d, a->d + dn, rn * sizeof(dig_t));
    } else {
        for (size_t i = 0; i < rn; i++) {
            dig_t lo = a->d[i + dn] >> s;
            dig_t hi = i + dn + 1 < an ? a->d[i + dn + 1] << (DIG_BITS - s) : 0;
            r->d[i] = lo | hi;
        }
    }
    r->d[rn] = 0;
    r->len = rn + 1;
    if (lost) {
        mag_inc(r->d, rn + 1, 1);
    }
    r->neg = neg;
    bigint_normalise(r);
}

/* ---- bitwise ops in two's complement ---- */
typedef enum { BIT_AND, BIT_OR, BIT_XOR } bitop_t;

static void bitop(bigint_t *r, const bigint_t *a, const bigint_t *b, bitop_t op) {
    size_t n = (a->len > b->len ? a->len : b->len) + 1;
    bool an = a->neg, bn = b->neg;
    bool rneg;
    switch (op) {
        case BIT_AND: rneg = an && bn; break;
        case BIT_OR: rneg = an || bn; break;
        default: rneg = an != bn; break;
    }
    dig_t ca = 1, cb = 1, cr = 1;
    for (size_t i = 0; i < n; i++) {
        dig_t x = i < a->len ? a->d[i] : 0;
        dig_t y = i < b->len ? b->d[i] : 0;
        if (an) {
            x = ~x + ca;
            ca = ca && x == 0;
        }
        if (bn) {
            y = ~y + cb;
            cb = cb && y == 0;
        }
        dig_t z;
        switch (op) {
            case BIT_AND: z = x & y; break;
            case BIT_OR: z = x | y; break;
            default: z = x ^ y; break;
        }
        if (rneg) {
            z = ~z + cr;
            cr = cr && z == 0;
        }
        r->d[i] = z;
    }
    r->len = n;
    r->neg = rneg;
    bigint_normalise(r);
}

void bigint_and(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    bitop(r, a, b, BIT_AND);
}
void bigint_or(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    bitop(r, a, b, BIT_OR);
}
void bigint_xor(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    bitop(r, a, b, BIT_XOR);
}

void bigint_not(bigint_t *r, const bigint_t *a) {
    /* ~a == -a - 1 */
    size_t n = a->len;
    if (!a->neg) {
        /* -(a + 1) */
        memmove(r->d, a->d, n * sizeof(dig_t));
        r->d[n] = 0;
        mag_inc(r->d, n + 1, 1);
        r->len = n + 1;
        r->neg = true;
    } else {
        /* |a| - 1 */
        memmove(r->d, a->d, n * sizeof(dig_t));
        for (size_t i = 0; i < n; i++) {
            if (r->d[i]-- != 0) {
                break;
            }
        }
        r->len = n;
        r->neg = false;
    }
    bigint_normalise(r);
}

/* ---- text ---- */
static const char digits_lower[] = DIGITS_LOWER;
static const char digits_upper[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

size_t bigint_str_cap(const bigint_t *a, int base) {
    uint64_t bits = bigint_bit_length(a);
    if (bits == 0) {
        return 1;
    }
    /* digits <= bits / log2(base) + 1; log2(base) >= floor(log2(base)) */
    int lg = 63 - clz64((uint64_t)base);
    return (size_t)(bits / (uint64_t)lg + 2);
}

/* Largest power of base that fits a digit, and its exponent. */
static dig_t big_base(int base, int *k) {
    dig_t p = (dig_t)base;
    int n = 1;
    while (p <= ~(dig_t)0 / (dig_t)base) {
        p *= (dig_t)base;
        n++;
    }
    *k = n;
    return p;
}

size_t bigint_to_str(char *buf, const bigint_t *a, int base, bool upper) {
    const char *dg = upper ? digits_upper : digits_lower;
    if (a->len == 0) {
        buf[0] = '0';
        return 1;
    }
    size_t out = 0;
    if ((base & (base - 1)) == 0) {
        int lg = 63 - clz64((uint64_t)base);
        uint64_t bits = bigint_bit_length(a);
        uint64_t nd = (bits + (uint64_t)lg - 1) / (uint64_t)lg;
        for (uint64_t i = nd; i-- > 0;) {
            uint64_t bit = i * (uint64_t)lg;
            size_t w = (size_t)(bit / DIG_BITS);
            unsigned s = (unsigned)(bit % DIG_BITS);
            dig_t v = a->d[w] >> s;
            if (s + (unsigned)lg > DIG_BITS && w + 1 < a->len) {
                v |= a->d[w + 1] << (DIG_BITS - s);
            }
            buf[out++] = dg[v & (dig_t)(base - 1)];
        }
        return out;
    }
    int k;
    dig_t bb = big_base(base, &k);
    dig_t stackbuf[SCRATCH_STACK];
    scratch_t sc;
    size_t n = a->len;
    dig_t *t = scratch_get(&sc, stackbuf, n);
    memcpy(t, a->d, n * sizeof(dig_t));
    /* produce chunks low to high, writing digits from the end of buf backwards */
    size_t cap = bigint_str_cap(a, base);
    char *end = buf + cap;
    char *p = end;
    while (n > 0) {
        dig_t rem = mag_divmod_1(t, t, n, bb);
        n = mag_norm(t, n);
        for (int i = 0; i < k; i++) {
            if (n == 0 && rem == 0) {
                break;
            }
            *--p = dg[rem % (dig_t)base];
            rem /= (dig_t)base;
        }
    }
    scratch_put(&sc);
    out = (size_t)(end - p);
    memmove(buf, p, out);
    return out;
}

size_t bigint_from_str_cap(size_t ndigits, int base) {
    int lg = 64 - clz64((uint64_t)base); /* ceil-ish bits per digit */
    return ndigits * (size_t)lg / DIG_BITS + 2;
}

static inline unsigned char_val(char c) {
    if (c >= '0' && c <= '9') {
        return (unsigned)(c - '0');
    }
    if (c >= 'a' && c <= 'z') {
        return (unsigned)(c - 'a' + 10);
    }
    return (unsigned)(c - 'A' + 10);
}

void bigint_from_str(bigint_t *r, const char *s, size_t n, int base) {
    r->neg = false;
    if ((base & (base - 1)) == 0) {
        int lg = 63 - clz64((uint64_t)base);
        size_t nd = ((uint64_t)n * (uint64_t)lg + DIG_BITS - 1) / DIG_BITS;
        memset(r->d, 0, (nd + 1) * sizeof(dig_t));
        uint64_t bit = 0;
        for (size_t i = n; i-- > 0;) {
            dig_t v = char_val(s[i]);
            size_t w = (size_t)(bit / DIG_BITS);
            unsigned sh = (unsigned)(bit % DIG_BITS);
            r->d[w] |= v << sh;
            if (sh + (unsigned)lg > DIG_BITS) {
                r->d[w + 1] |= v >> (DIG_BITS - sh);
            }
            bit += (uint64_t)lg;
        }
        r->len = nd;
        bigint_normalise(r);
        return;
    }
    int k;
    dig_t bb = big_base(base, &k);
    size_t len = 0;
    size_t i = 0;
    /* first chunk takes n % k digits so the rest are whole chunks */
    size_t first = n % (size_t)k;
    if (first == 0) {
        first = (size_t)k;
    }
    while (i < n) {
        size_t take = i == 0 ? first : (size_t)k;
        dig_t chunk = 0, mul = 1;
        for (size_t j = 0; j < take; j++) {
            chunk = chunk * (dig_t)base + char_val(s[i + j]);
            mul *= (dig_t)base;
        }
        i += take;
        if (take == (size_t)k) {
            mul = bb;
        }
        dig_t c = mag_mul_1(r->d, r->d, len, mul, chunk);
        if (c) {
            r->d[len++] = c;
        }
    }
    r->len = len;
    bigint_normalise(r);
}

/* ---- bytes ---- */
bool bigint_fits_bytes(const bigint_t *a, size_t len, bool is_signed) {
    uint64_t bits = bigint_bit_length(a);
    uint64_t room = (uint64_t)len * 8;
    if (!is_signed) {
        return !a->neg && bits <= room;
    }
    if (room == 0) {
        return a->len == 0;
    }
    if (bits <= room - 1) {
        return true;
    }
    if (a->neg && bits == room) {
        /* -2**(room-1) fits: |a| must be exactly a power of two */
        for (size_t i = 0; i + 1 < a->len; i++) {
            if (a->d[i] != 0) {
                return false;
            }
        }
        dig_t top = a->d[a->len - 1];
        return (top & (top - 1)) == 0;
    }
    return false;
}

void bigint_to_bytes(const bigint_t *a, uint8_t *buf, size_t len, bool big_endian) {
    dig_t carry = 1;
    dig_t cur = 0;
    for (size_t i = 0; i < len; i++) {
        size_t w = i / 8;
        if (i % 8 == 0) {
            cur = w < a->len ? a->d[w] : 0;
            if (a->neg) {
                cur = ~cur + carry;
                carry = carry && cur == 0;
            }
        }
        uint8_t byte = (uint8_t)(cur >> (8 * (i % 8)));
        buf[big_endian ? len - 1 - i : i] = byte;
    }
}

void bigint_from_bytes(bigint_t *r, const uint8_t *buf, size_t len, bool big_endian, bool is_signed) {
    size_t nd = (len + 7) / 8;
    memset(r->d, 0, (nd + 1) * sizeof(dig_t));
    for (size_t i = 0; i < len; i++) {
        uint8_t byte = buf[big_endian ? len - 1 - i : i];
        r->d[i / 8] |= (dig_t)byte << (8 * (i % 8));
    }
    r->len = nd;
    r->neg = false;
    bool top_set = len > 0 && (buf[big_endian ? 0 : len - 1] & 0x80);
    if (is_signed && top_set) {
        /* value - 2**(8*len): magnitude is the two's complement negation within the width */
        dig_t carry = 1;
        for (size_t i = 0; i < nd; i++) {
            dig_t x = ~r->d[i] + carry;
            carry = carry && x == 0;
            r->d[i] = x;
        }
        /* clear bits above 8*len in the top digit */
        unsigned used = (unsigned)(len % 8) * 8;
        if (used) {
            r->d[nd - 1] &= ((dig_t)1 << used) - 1;
        }
        r->neg = true;
    }
    bigint_normalise(r);
}

/* ---- hash ---- */
intptr_t bigint_hash(const bigint_t *a) {
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t h = 0;
    for (size_t i = a->len; i-- > 0;) {
        /* h = (h * 2**64 + d) mod P; 2**64 == 2**3 mod P */
        ddig_t t = ((ddig_t)h << 3) + a->d[i];
        h = (uint64_t)(t % P);
    }
    intptr_t v = (intptr_t)h;
    if (a->neg) {
        v = -v;
    }
    if (v == -1) {
        v = -2;
    }
    return v;
}
