/* core/bigint.h: arbitrary-precision integer arithmetic on digit arrays (bigint.c), pure C.
 * A bigint_t is a view: a sign and a magnitude of little-endian 64-bit digits, always normalised
 * (top digit non-zero; zero has len 0 and is never negative). Results go into caller-provided
 * digit buffers whose required capacity ("cap") each function states; unless stated, the result
 * must not alias an input. Temporaries come from the GC heap (gc_alloc: MemoryError when full). */
#ifndef CORE_BIGINT_H
#define CORE_BIGINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef __SIZEOF_INT128__
/* 64-bit digits need a 128-bit intermediate; a 32-bit target needs a 32-bit-digit variant. */
#error "core/bigint.h: 64-bit digits need unsigned __int128 (port: switch to 32-bit digits)"
#endif
typedef uint64_t bigint_digit_t;
typedef unsigned __int128 bigint_ddigit_t;
#define BIGINT_DIGIT_BITS 64

typedef struct {
    bigint_digit_t *d;
    size_t len;
    bool neg;
} bigint_t;

/* Forgets all scratch space in use (call before a top-level operation: an exception may have
 * unwound through an earlier one without releasing its scratch). */
void bigint_scratch_reset(void);

/* ---- conversion with C integers ---- */
void bigint_set_u64(bigint_t *r, uint64_t v);         /* cap 1 */
void bigint_set_i64(bigint_t *r, int64_t v);          /* cap 1 */
bool bigint_get_i64(const bigint_t *a, int64_t *out); /* false if it doesn't fit */
uint64_t bigint_get_u64_trunc(const bigint_t *a);     /* low 64 bits, two's complement */
void bigint_normalise(bigint_t *r);                   /* drop top zero digits; -0 -> 0 */

/* ---- comparison ---- */
int bigint_cmp(const bigint_t *a, const bigint_t *b);     /* -1, 0, 1 */
int bigint_cmp_mag(const bigint_t *a, const bigint_t *b); /* of |a| and |b| */

/* ---- arithmetic ---- */
void bigint_add(bigint_t *r, const bigint_t *a, const bigint_t *b); /* cap max(len)+1; may alias */
void bigint_sub(bigint_t *r, const bigint_t *a, const bigint_t *b); /* cap max(len)+1; may alias */
void bigint_mul(bigint_t *r, const bigint_t *a, const bigint_t *b); /* cap a.len+b.len */
/* Floor division (Python's // and %): q cap max(a.len - b.len, 0) + 2, m cap b.len; either may
 * be NULL. Returns false (and writes nothing) if b is zero. */
bool bigint_divmod(bigint_t *q, bigint_t *m, const bigint_t *a, const bigint_t *b);
/* Capacity of a**e; SIZE_MAX if absurdly large (caller raises MemoryError/OverflowError). */
size_t bigint_pow_cap(const bigint_t *a, uint64_t e);
void bigint_pow(bigint_t *r, const bigint_t *a, uint64_t e); /* cap bigint_pow_cap */
/* (a ** e) % m with Python's sign rule (result has m's sign); e >= 0, m != 0. cap m.len. */
void bigint_powmod(bigint_t *r, const bigint_t *a, const bigint_t *e, const bigint_t *m);

/* ---- bits (Python's infinite two's complement for negatives) ---- */
void bigint_shl(bigint_t *r, const bigint_t *a, uint64_t n);        /* cap a.len + n/64 + 1 */
void bigint_shr(bigint_t *r, const bigint_t *a, uint64_t n);        /* floor; cap a.len+1 */
void bigint_and(bigint_t *r, const bigint_t *a, const bigint_t *b); /* cap max(len)+1; may alias */
void bigint_or(bigint_t *r, const bigint_t *a, const bigint_t *b);  /* cap max(len)+1; may alias */
void bigint_xor(bigint_t *r, const bigint_t *a, const bigint_t *b); /* cap max(len)+1; may alias */
void bigint_not(bigint_t *r, const bigint_t *a);                    /* cap a.len+1; may alias */
uint64_t bigint_bit_length(const bigint_t *a);                      /* of |a| */

/* ---- text ---- */
size_t bigint_str_cap(const bigint_t *a, int base); /* upper bound of bigint_to_str's output */
/* Digits of |a| in base 2..36 (no sign); "0" for zero. Returns the number of chars written. */
size_t bigint_to_str(char *buf, const bigint_t *a, int base, bool upper);
size_t bigint_from_str_cap(size_t ndigits, int base);
/* r = the non-negative value of digit characters s[0..n) (0-9, a-z, A-Z, each < base, already
 * validated, no underscores). cap bigint_from_str_cap(n, base). */
void bigint_from_str(bigint_t *r, const char *s, size_t n, int base);

/* ---- bytes ---- */
/* Whether a fits in len bytes (two's complement if is_signed, else unsigned; negatives never
 * fit unsigned). */
bool bigint_fits_bytes(const bigint_t *a, size_t len, bool is_signed);
/* The low len bytes of a's two's complement (sign-extended infinitely). */
void bigint_to_bytes(const bigint_t *a, uint8_t *buf, size_t len, bool big_endian);
/* cap (len+7)/8 + 1 */
void bigint_from_bytes(bigint_t *r, const uint8_t *buf, size_t len, bool big_endian, bool is_signed);

/* ---- hashing: the value modulo 2**61-1, negated for negatives (CPython's rule) ---- */
intptr_t bigint_hash(const bigint_t *a);

#endif
