/* core/unicode.c: UTF-8 encoding/decoding/validation and character classes.
 * Invariant: a str is valid UTF-8 except one read from a text file (any bytes, as on the WiPy);
 * decoding and counting agree on such data (a code point = an ASCII byte, or any other byte and the
 * continuation bytes after it: utf8_starts_char) and read no further than its terminating NUL.
 * utf8_validate gates bytes.decode and the lexer. */
#include "core/unicode.h"

#include <string.h>

/* The code point of the bytes at s from the lead byte on, taking at most max continuation bytes. */
static uint32_t utf8_decode_upto(const uint8_t **p, size_t max) {
    const uint8_t *s = *p;
    uint32_t c = *s++;
    if (c >= 0x80) {
        c &= c < 0xe0 ? 0x1f : c < 0xf0 ? 0x0f : 0x07;
        for (; max > 0 && utf8_is_cont(*s); max--) {
            c = (c << 6) | (*s++ & 0x3f);
        }
    }
    *p = s;
    return c;
}

uint32_t utf8_decode(const uint8_t **p) {
    /* A str read from a text file may hold any bytes: a code point is a non-ASCII byte and every
     * continuation byte after it (utf8_starts_char), so the data's NUL ends it. */
    return **p < 0x80 ? *(*p)++ : utf8_decode_upto(p, SIZE_MAX);
}

uint32_t utf8_decode_seq(const uint8_t *s, size_t n) { return utf8_decode_upto(&s, n - 1); }

size_t utf8_encode(uint32_t cp, uint8_t *out) {
    if (cp < 0x80) {
        out[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (uint8_t)(0xc0 | (cp >> 6));
        out[1] = (uint8_t)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (uint8_t)(0xe0 | (cp >> 12));
        out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (uint8_t)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (uint8_t)(0xf0 | (cp >> 18));
    out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (uint8_t)(0x80 | (cp & 0x3f));
    return 4;
}

bool utf8_is_ascii(const uint8_t *s, size_t len) {
    size_t i = 0;
    /* a word at a time while aligned chunks remain */
    for (; i + sizeof(uint64_t) <= len; i += sizeof(uint64_t)) {
        uint64_t w;
        memcpy(&w, s + i, sizeof(w));
        if (w & 0x8080808080808080ULL) {
            return false;
        }
    }
    for (; i < len; i++) {
        if (s[i] & 0x80) {
            return false;
        }
    }
    return true;
}

size_t utf8_char_count(const uint8_t *s, size_t len) {
    size_t n = 0;
    size_t i = 0;
    for (; i + sizeof(uint64_t) <= len; i += sizeof(uint64_t)) {
        uint64_t w;
        memcpy(&w, s + i, sizeof(w));
        if (!(w & 0x8080808080808080ULL)) {
            n += sizeof(uint64_t);
            continue;
        }
        for (size_t k = 0; k < sizeof(uint64_t); k++) {
            n += utf8_starts_char(s, i + k);
        }
    }
    for (; i < len; i++) {
        n += utf8_starts_char(s, i);
    }
    return n;
}

size_t utf8_seq_len(const uint8_t *s, size_t avail) {
    uint8_t c = s[0];
    size_t n = c < 0x80 ? 0 : c < 0xc0 ? 4 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : c < 0xf8 ? 3 : 4;
    if (n == 4 || avail <= n) {
        return n == 0 ? 1 : 0;
    }
    for (size_t k = 1; k <= n; k++) {
        if (!utf8_is_cont(s[k])) {
            return 0;
        }
    }
    return n + 1;
}

bool utf8_check(const uint8_t *s, size_t len) {
    size_t n;
    for (size_t i = 0; i < len; i += n) {
        if ((n = utf8_seq_len(s + i, len - i)) == 0) {
            return false;
        }
    }
    return true;
}

bool utf8_validate(const uint8_t *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        uint8_t c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp, min;
        if ((c & 0xe0) == 0xc0) {
            n = 1, cp = c & 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            n = 2, cp = c & 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            n = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (len - i <= n) {
            return false;
        }
        for (size_t k = 1; k <= n; k++) {
            if (!utf8_is_cont(s[i + k])) {
                return false;
            }
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return false;
        }
        i += n + 1;
    }
    return true;
}

size_t utf8_byte_offset(const uint8_t *s, size_t len, size_t ci) {
    size_t i = 0;
    while (ci > 0 && i < len) {
        i++;
        while (i < len && !utf8_starts_char(s, i)) {
            i++;
        }
        ci--;
    }
    return i;
}

bool unichar_isspace(uint32_t c) {
    if (c < 0x80) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
           c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* The Latin digraphs DŽ Dž dž, LJ Lj lj, NJ Nj nj, DZ Dz dz come in upper/title/lower triples;
 * returns the triple's first (upper) code point, or 0. */
static uint32_t unichar_digraph(uint32_t c) {
    if (c >= 0x1c4 && c <= 0x1cc) {
        return 0x1c4 + (c - 0x1c4) / 3 * 3;
    }
    if (c >= 0x1f1 && c <= 0x1f3) {
        return 0x1f1;
    }
    return 0;
}

bool unichar_istitle(uint32_t c) {
    uint32_t g = unichar_digraph(c);
    return g && c == g + 1;
}

uint32_t unichar_totitle(uint32_t c) {
    uint32_t g = unichar_digraph(c);
    return g ? g + 1 : unichar_toupper(c);
}

bool unichar_isupper(uint32_t c) {
    if (c < 0x80) {
        return c >= 'A' && c <= 'Z';
    }
    uint32_t g = unichar_digraph(c);
    if (g) {
        return c == g;
    }
    return unichar_tolower(c) != c;
}

bool unichar_islower(uint32_t c) {
    if (c < 0x80) {
        return c >= 'a' && c <= 'z';
    }
    uint32_t g = unichar_digraph(c);
    if (g) {
        return c == g + 2;
    }
    return unichar_toupper(c) != c || c == 0xdf || c == 0xaa || c == 0xba || c == 0x138 || c == 0x149;
}

bool unichar_isalpha(uint32_t c) {
    if (c < 0x80) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
    if (c == 0xaa || c == 0xb5 || c == 0xba) {
        return true;
    }
    if (c >= 0xc0 && c <= 0x24f) {
        return c != 0xd7 && c != 0xf7;
    }
    if ((c >= 0x370 && c <= 0x3ff) || (c >= 0x400 && c <= 0x481) || (c >= 0x48a && c <= 0x52f)) {
        return c != 0x375 && c != 0x37e && c != 0x384 && c != 0x385 && c != 0x387;
    }
    return (c >= 0x5d0 && c <= 0x5ea) || (c >= 0x620 && c <= 0x64a) || (c >= 0x3041 && c <= 0x3096) ||
           (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);
}

bool unichar_isdigit(uint32_t c) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    return c == 0xb2 || c == 0xb3 || c == 0xb9 || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9) ||
           (c >= 0x966 && c <= 0x96f) || (c >= 0xff10 && c <= 0xff19);
}

bool unichar_isprint(uint32_t c) {
    if (c < 0x80) {
        return c >= 0x20 && c < 0x7f;
    }
    if (c <= 0xa0 || c == 0xad || c == 0x1680 || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) ||
        (c >= 0x205f && c <= 0x206f) || c == 0x3000 || (c >= 0xd800 && c <= 0xf8ff) || c == 0xfeff ||
        (c >= 0xfff0 && c <= 0xfffb) || c == 0xfffe || c == 0xffff || c >= 0xe0000) {
        return false;
    }
    return true;
}

uint32_t unichar_toupper(uint32_t c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    }
    uint32_t g = unichar_digraph(c);
    if (g) {
        return g;
    }
    if (c >= 0xe0 && c <= 0xfe && c != 0xf7) {
        return c - 0x20;
    }
    if (c == 0xff) {
        return 0x178;
    }
    if (c == 0xb5) {
        return 0x39c;
    }
    if (c >= 0x100 && c <= 0x17f) {
        if ((c >= 0x100 && c <= 0x137) || (c >= 0x14a && c <= 0x177)) {
            return (c & 1) ? c - 1 : c;
        }
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e)) {
            return (c & 1) ? c : c - 1;
        }
        return c;
    }
    if (c >= 0x3b1 && c <= 0x3c9) {
        return c == 0x3c2 ? 0x3a3 : c - 0x20;
    }
    if (c >= 0x430 && c <= 0x44f) {
        return c - 0x20;
    }
    if (c >= 0x450 && c <= 0x45f) {
        return c - 0x50;
    }
    return c;
}

uint32_t unichar_tolower(uint32_t c) {
    if (c < 0x80) {
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }
    uint32_t g = unichar_digraph(c);
    if (g) {
        return g + 2;
    }
    if (c >= 0xc0 && c <= 0xde && c != 0xd7) {
        return c + 0x20;
    }
    if (c == 0x178) {
        return 0xff;
    }
    if (c >= 0x100 && c <= 0x17f) {
        if ((c >= 0x100 && c <= 0x137) || (c >= 0x14a && c <= 0x177)) {
            return (c & 1) ? c : c + 1;
        }
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e)) {
            return (c & 1) ? c + 1 : c;
        }
        return c;
    }
    if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) {
        return c + 0x20;
    }
    if (c >= 0x410 && c <= 0x42f) {
        return c + 0x20;
    }
    if (c >= 0x400 && c <= 0x40f) {
        return c + 0x50;
    }
    return c;
}
