/* core/obj_int.h: the public API of int_type beyond obj.h (obj_int.c, on top of bigint.c).
 * An int is a small int (tagged word) or an int_obj_t on the heap; a value that fits a small int
 * NEVER exists as an int_obj_t, so equality of small ints is word equality and every heap int is
 * strictly outside [SMALL_INT_MIN, SMALL_INT_MAX]. Everything here accepts bools as 0/1 where it
 * says "int-like". */
#ifndef CORE_OBJ_INT_H
#define CORE_OBJ_INT_H

#include "core/obj.h"

/* A heap int (bigint): sign-magnitude, 64-bit digits little-endian, len >= 1, top digit != 0
 * (see core/bigint.h for the arithmetic on digit arrays). */
typedef struct {
    obj_base_t base; /* &int_type */
    uint32_t len;    /* digits used */
    uint32_t neg;    /* 1 if negative */
    uint64_t digits[];
} int_obj_t;

static inline bool int_is_big(obj_t o) {
    return obj_is_type(o, &int_type);
}

/* Slots of int_type, exported so bool_type (engineer C) can delegate: both accept ints and bools
 * on either side; & | ^ of two bools return a bool. OBJ_NULL when the other operand isn't int-like
 * (and for TRUE_DIVIDE, so the runtime reports "unsupported types for __truediv__"). */
obj_t int_binary_op(binary_op_t op, obj_t lhs, obj_t rhs);
obj_t int_unary_op(unary_op_t op, obj_t o);

/* -1, 0 or 1 (o an int or bool). */
int int_sign(obj_t o);
/* <0, 0, >0 like a - b (both int or bool). */
int int_compare(obj_t a, obj_t b);

/* ---- formatting (for str.format / % / f-strings (E) and bin/oct/hex (D)) ----
 * int_format_digits appends the digits of |i| in `base` (2..36; letters a-z, or A-Z when upper)
 * to v: no sign, no prefix, no padding. Use int_sign() for the sign. i: int or bool. */
void int_format_digits(vstr_t *v, obj_t i, int base, bool upper);
/* Number of digits int_format_digits would write (exact). */
size_t int_format_ndigits(obj_t i, int base);
/* Full text as a str object: optional '-' then, if with_prefix, "0b"/"0o"/"0x" (for bases 2, 8,
 * 16), then the digits. int_format_base(i, 16, false, true) == hex(i). */
obj_t int_format_base(obj_t i, int base, bool upper, bool with_prefix);
/* Prints str(i) / repr(i) (decimal) to p. */
void int_print(const print_t *p, obj_t o, print_kind_t kind);
/* The bodies of bin(), oct(), hex(): x must be an int or bool (else TypeError as CPython/MP:
 * "can't convert X to int" via __index__ is not supported: TypeError). */
obj_t int_bin(obj_t x);
obj_t int_oct(obj_t x);
obj_t int_hex(obj_t x);

/* ---- bytes conversion (for int.from_bytes/to_bytes, struct, array) ----
 * Writes i into buf[len] as two's complement (if is_signed) or unsigned; big or little endian.
 * OverflowError "int too big to convert" when it doesn't fit (if check), else truncates. */
void int_to_bytes_buf(obj_t i, bool big_endian, bool is_signed, size_t len, uint8_t *buf, bool check);
obj_t int_from_bytes_buf(const uint8_t *buf, size_t len, bool big_endian, bool is_signed);

/* ---- misc ---- */
/* pow(base, exp, mod) for builtins.pow (D): TypeError unless all are ints; ValueError for mod 0.
 * A negative exp uses base's inverse modulo mod (ValueError if none), as CPython 3.8+. Result has
 * mod's sign (Python's rule). */
obj_t int_pow_mod(obj_t base, obj_t exp, obj_t mod);
/* Hash of an int: small ints hash to themselves; bigints consistently with ==. */
size_t int_hash(obj_t o);
/* Truncating unsigned conversion: the low 64 bits (two's complement for negatives). */
unsigned long long obj_get_ull_trunc(obj_t o);
/* int(x) for any x as the int() constructor does (str/bytes parsing in base 10, __int__...). */
obj_t int_from_obj(obj_t x);

#endif
