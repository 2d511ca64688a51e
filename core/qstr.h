/* core/qstr.h: interned strings. A qstr is a small integer naming a unique byte string.
 * Static qstrs (QSTR_xxx, generated from the sources) live in a const table; runtime ones in
 * pools on the GC heap that are roots and never freed. Equal strings always have equal qstrs. */
#ifndef CORE_QSTR_H
#define CORE_QSTR_H

#include "core/obj.h"

void qstr_init(void);
#define QSTR_MAX_LEN 255 /* bytes, as MicroPython's qstrs: a longer name is RuntimeError "name too long" */
qstr qstr_from_strn(const char *s, size_t len); /* interns (may allocate; MemoryError) */
qstr qstr_from_str(const char *s);
qstr qstr_from_strn_hashed(const char *s, size_t len, size_t hash); /* hash: qstr_compute_hash's */
qstr qstr_find_strn(const char *s, size_t len); /* QSTR_NULL if not interned (never allocates) */
const char *qstr_str(qstr q);                    /* NUL-terminated */
const char *qstr_data(qstr q, size_t *len);
size_t qstr_len(qstr q);
size_t qstr_hash(qstr q); /* same function as str_hash() on a heap str with the same bytes */
size_t qstr_count(void);
/* Static qstrs 1..128 are the one-byte strings chr(0)..chr(127) in order (scripts/genqstr.py). */
static inline qstr qstr_of_ascii(uint8_t c) { return (qstr)1 + c; } /* c < 0x80 */
static inline bool qstr_is_ascii_char(qstr q) { return q - 1 < 128; }
/* The hash function shared by qstrs and heap strs (also run by scripts/genqstr.py: keep in sync). */
size_t qstr_compute_hash(const uint8_t *data, size_t len);

#endif
