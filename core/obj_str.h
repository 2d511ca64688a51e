/* core/obj_str.h: the text layer's public API beyond obj.h: str/bytes helpers (obj_str.c),
 * formatting (str_format.c), bytearray (obj_bytearray.c), memoryview (obj_memoryview.c) and
 * vstr extras (vstr.c). str and bytes share str_obj_t; bytearray has its own growable layout. */
#ifndef CORE_OBJ_STR_H
#define CORE_OBJ_STR_H

#include "core/obj.h"
#include "core/unicode.h"

/* ---- vstr extras ---- */
void vstr_init_fixed(vstr_t *v, char *buf, size_t alloc); /* over caller memory, never grows */
void vstr_ensure_extra(vstr_t *v, size_t extra);
char *vstr_add_len(vstr_t *v, size_t n); /* appends n uninitialised bytes, returns where */
void vstr_add_fill(vstr_t *v, uint8_t b, size_t n);
void vstr_cut_tail(vstr_t *v, size_t n);

/* ---- str / bytes ---- */
obj_t str_new_type(const type_t *type, const char *data, size_t len); /* str, bytes or bytearray */
obj_t bytes_new_from_vstr(vstr_t *vstr);                             /* takes over the buffer */
/* str of known char length (no scan); data valid UTF-8. Only 0/1-byte ASCII strs are interned. */
obj_t str_new_sized(const char *data, size_t len, size_t char_len);
obj_t str_from_char(uint32_t cp);      /* chr(): ValueError "chr() arg not in range(0x110000)" */
uint32_t str_ord(obj_t s);             /* ord(): str/bytes/bytearray of length 1, else TypeError */
size_t str_char_len(obj_t s);          /* len() of a str in code points */
static inline bool obj_is_bytes(obj_t o) { return obj_is_type(o, &bytes_type); }
/* repr of text: CPython's quoting; is_bytes: b'' form and \x escapes for every byte >= 0x80. */
void str_print_quoted(const print_t *p, const uint8_t *s, size_t len, bool is_bytes);
NORETURN void str_raise_implicit(obj_t o);
obj_t obj_ascii(obj_t o); /* ascii(): repr with non-ASCII escaped as \xhh \uhhhh \Uhhhhhhhh */ /* "can't convert 'X' object to str implicitly" */
/* Methods shared by str, bytes and bytearray (self may be any of the three). */
extern const native_fun_obj_t str_find_obj, str_rfind_obj, str_index_obj, str_rindex_obj,
    str_count_obj, str_join_obj, str_split_obj, str_rsplit_obj, str_splitlines_obj,
    str_startswith_obj, str_endswith_obj, str_strip_obj, str_lstrip_obj, str_rstrip_obj,
    str_replace_obj, str_partition_obj, str_rpartition_obj, str_center_obj, str_ljust_obj,
    str_rjust_obj, str_zfill_obj, str_lower_obj, str_upper_obj, str_capitalize_obj, str_title_obj,
    str_swapcase_obj, str_isspace_obj, str_isalpha_obj, str_isdigit_obj, str_isalnum_obj,
    str_isupper_obj, str_islower_obj, bytes_decode_obj, bytes_hex_obj, bytes_fromhex_obj,
    bytearray_fromhex_obj,
    str_removeprefix_obj, str_removesuffix_obj;
/* Operators and slicing shared by str, bytes and bytearray (lhs/self any of the three). */
obj_t str_binary_op(binary_op_t op, obj_t lhs, obj_t rhs);
obj_t str_slice(obj_t self, obj_t slice);
/* bytes()/bytearray() constructor arguments (int, str+encoding, buffer, iterable; positional or
 * source=, encoding=, errors=) into v; who names the constructor in errors. */
void bytes_make_vstr(const char *who, size_t n_args, size_t n_kw, const obj_t *args, vstr_t *v);
/* bytes.fromhex core: parses hex text (whitespace allowed between pairs) into a vstr. */
void bytes_parse_hex(const char *s, size_t len, vstr_t *out);

/* ---- formatting (str_format.c) ---- */
obj_t str_modulo_format(obj_t fmt, obj_t args); /* fmt % args, fmt a str or bytes */
obj_t str_format_method(size_t n_args, size_t n_kw, const obj_t *args); /* str.format */
/* Appends the digits of |i| in base 2..36 (lowercase unless upper) to v; returns true if i < 0. */
bool int_append_digits(vstr_t *v, obj_t i, int base, bool upper);

/* ---- bytearray (obj_bytearray.c) ---- */
typedef struct {
    obj_base_t base; /* &bytearray_type */
    size_t alloc;
    size_t len;
    uint8_t *items; /* GC block of alloc bytes */
} bytearray_obj_t;
obj_t bytearray_new(const char *data, size_t len);
obj_t bytearray_new_from_vstr(vstr_t *vstr);
/* Byte value of an int for storing in bytes/bytearray: ValueError "bytes value out of range". */
uint8_t bytes_value_of(obj_t o);
/* Fills v with the bytes of any iterable of ints (or buffer); for bytes()/bytearray(). */
void bytes_collect(obj_t src, vstr_t *v);

/* ---- memoryview (obj_memoryview.c) ---- */
obj_t memoryview_new(obj_t base);

extern const classmethod_obj_t bytearray_fromhex_cm; /* bytearray.fromhex as a classmethod */

#endif
