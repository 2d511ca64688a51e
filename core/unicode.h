/* core/unicode.h: UTF-8 helpers and character classes (unicode.c).
 * A str holds valid UTF-8 unless read from a text file (any bytes); the helpers stay in bounds on
 * such data (its code points may be odd) and treat it as valid unless they say they check.
 * Character classes are exact for ASCII and cover Latin-1, Greek and Cyrillic beyond it. */
#ifndef CORE_UNICODE_H
#define CORE_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True for a UTF-8 continuation byte (10xxxxxx). */
static inline bool utf8_is_cont(uint8_t b) { return (b & 0xc0) == 0x80; }
/* Whether byte i of a str's data starts a code point: any byte but a continuation byte that
 * follows a non-ASCII one (a text file's str may hold a stray continuation byte after an ASCII
 * one, or at the start: it starts a code point of its own, as utf8_decode reads it). */
static inline bool utf8_starts_char(const uint8_t *s, size_t i) {
    return !utf8_is_cont(s[i]) || i == 0 || s[i - 1] < 0x80;
}
/* Decodes the code point at *p and advances *p past it and any continuation bytes after it (so
 * it stops at the NUL ending a str's data, whatever bytes the str holds). */
uint32_t utf8_decode(const uint8_t **p);
/* The code point of the whole n-byte sequence at s (n as utf8_seq_len gives it), whatever
 * continuation bytes follow it. */
uint32_t utf8_decode_seq(const uint8_t *s, size_t n);
/* Encodes cp (<= 0x10ffff) into out (4 bytes room); returns the number of bytes written. */
size_t utf8_encode(uint32_t cp, uint8_t *out);
/* Number of code points in valid UTF-8 data. */
size_t utf8_char_count(const uint8_t *s, size_t len);
/* Checks that s is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF). */
bool utf8_validate(const uint8_t *s, size_t len);
/* MicroPython's (structural) check, used by bytes.decode/str(b, enc): the length of the sequence
 * at s (a lead byte and its continuation bytes, any value), 0 if there is none; avail >= 1. */
size_t utf8_seq_len(const uint8_t *s, size_t avail);
bool utf8_check(const uint8_t *s, size_t len); /* every byte in such a sequence */
/* Byte offset of code point index `ci` (0 <= ci <= char count) in valid UTF-8 data. */
size_t utf8_byte_offset(const uint8_t *s, size_t len, size_t ci);
/* Number of code points in s[0..byte_off). */
static inline size_t utf8_char_index(const uint8_t *s, size_t byte_off) { return utf8_char_count(s, byte_off); }
/* True if s[0..len) is pure ASCII. */
bool utf8_is_ascii(const uint8_t *s, size_t len);

bool unichar_isspace(uint32_t c);
bool unichar_isalpha(uint32_t c);
bool unichar_isdigit(uint32_t c);
bool unichar_isupper(uint32_t c);
bool unichar_islower(uint32_t c);
bool unichar_isprint(uint32_t c); /* as CPython's str.isprintable, for repr() */
uint32_t unichar_toupper(uint32_t c);
uint32_t unichar_tolower(uint32_t c);
uint32_t unichar_totitle(uint32_t c);
bool unichar_istitle(uint32_t c); /* a titlecase letter (the Dž-style digraphs) */ /* titlecase: differs from upper only for digraphs */

#endif
