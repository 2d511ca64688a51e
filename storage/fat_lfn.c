/* Names: UTF-8 <-> UCS-2 (UTF-16 on disk), long-name validity and case-insensitive matching,
 * 8.3 short names (exact fit with the NT lower-case bits, basis name + ~N numeric tail) and the
 * LFN directory entries with their checksum.
 * Invariant: every generated short name holds only characters legal in an 8.3 entry. */
#include "storage/fat_int.h"

static const uint8_t fat_lfn_offs[13] = {1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30};

int fat_utf8_to_ucs2(const char *s, size_t len, uint16_t *out, bool strip) {
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    int n = 0;
    while (p < end) {
        uint32_t c = *p++;
        int more = 0;
        if (c < 0x80) {
        } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
            c &= 0x1F;
            more = 1;
        } else if ((c & 0xF0) == 0xE0) {
            c &= 0x0F;
            more = 2;
        } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
            c &= 0x07;
            more = 3;
        } else
            return -EINVAL;
        if (end - p < more)
            return -EINVAL;
        for (int i = 0; i < more; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return -EINVAL;
            c = (c << 6) | (p[i] & 0x3F);
        }
        p += more;
        if ((more == 2 && c < 0x800) || (more == 3 && (c < 0x10000 || c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF))
            return -EINVAL;
        if (c >= 0x10000) {
            if (n + 2 > FAT_NAME_MAX)
                return -ENAMETOOLONG;
            c -= 0x10000;
            out[n++] = (uint16_t)(0xD800 | (c >> 10));
            out[n++] = (uint16_t)(0xDC00 | (c & 0x3FF));
        } else {
            if (n + 1 > FAT_NAME_MAX)
                return -ENAMETOOLONG;
            out[n++] = (uint16_t)c;
        }
    }
    if (strip)
        while (n > 0 && (out[n - 1] == '.' || out[n - 1] == ' '))
            n--;
    return n;
}

void fat_ucs2_to_utf8(const uint16_t *u, int n, char *out, size_t cap) {
    size_t o = 0;
    for (int i = 0; i < n; i++) {
        uint32_t c = u[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF)
            c = 0xFFFD; /* lone surrogate from a foreign image */
        uint8_t b[4];
        size_t k;
        if (c < 0x80) {
            b[0] = (uint8_t)c;
            k = 1;
        } else if (c < 0x800) {
            b[0] = (uint8_t)(0xC0 | (c >> 6));
            b[1] = (uint8_t)(0x80 | (c & 0x3F));
            k = 2;
        } else if (c < 0x10000) {
            b[0] = (uint8_t)(0xE0 | (c >> 12));
            b[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            b[2] = (uint8_t)(0x80 | (c & 0x3F));
            k = 3;
        } else {
            b[0] = (uint8_t)(0xF0 | (c >> 18));
            b[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
            b[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            b[3] = (uint8_t)(0x80 | (c & 0x3F));
            k = 4;
        }
        if (o + k + 1 > cap)
            break;
        memcpy(out + o, b, k);
        o += k;
    }
    out[o] = 0;
}

bool fat_name_valid(const uint16_t *u, int n) {
    if (n <= 0 || n > FAT_NAME_MAX)
        return false;
    for (int i = 0; i < n; i++) {
        uint16_t c = u[i];
        if (c < 0x20 || c == '"' || c == '*' || c == '/' || c == ':' || c == '<' || c == '>' || c == '?' || c == '\\' ||
            c == '|' || c == 0x7F)
            return false;
    }
    return true;
}

/* Simple upper-case folding for the scripts people put in file names. */
static uint16_t fat_fold(uint16_t c) {
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') ? (uint16_t)(c - 32) : c;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) || (c >= 0x430 && c <= 0x44F))
        return (uint16_t)(c - 0x20);
    if (c == 0xFF)
        return 0x178;
    if (c >= 0x450 && c <= 0x45F)
        return (uint16_t)(c - 0x50);
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) || (c >= 0x460 && c <= 0x481))
        return (uint16_t)(c & ~1u);
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1) ? c : (uint16_t)(c - 1);
    return c;
}

bool fat_name_eq(const uint16_t *a, int na, const uint16_t *b, int nb) {
    if (na != nb)
        return false;
    for (int i = 0; i < na; i++)
        if (a[i] != b[i] && fat_fold(a[i]) != fat_fold(b[i]))
            return false;
    return true;
}

int fat_short_to_ucs2(const uint8_t *e, uint16_t *out) {
    int n = 0, bl = 8, el = 3;
    while (bl > 0 && e[bl - 1] == ' ')
        bl--;
    while (el > 0 && e[8 + el - 1] == ' ')
        el--;
    uint8_t nt = e[DE_NTRES];
    for (int i = 0; i < bl; i++) {
        uint8_t c = (i == 0 && e[0] == 0x05) ? 0xE5 : e[i];
        if ((nt & NTRES_LOWER_BASE) && c >= 'A' && c <= 'Z')
            c = (uint8_t)(c + 32);
        out[n++] = c;
    }
    if (el) {
        out[n++] = '.';
        for (int i = 0; i < el; i++) {
            uint8_t c = e[8 + i];
            if ((nt & NTRES_LOWER_EXT) && c >= 'A' && c <= 'Z')
                c = (uint8_t)(c + 32);
            out[n++] = c;
        }
    }
    return n;
}

uint8_t fat_lfn_checksum(const uint8_t *sfn) {
    uint8_t sum = 0;
    for (int i = 0; i < 11; i++)
        sum = (uint8_t)(((sum & 1) ? 0x80 : 0) + (sum >> 1) + sfn[i]);
    return sum;
}

static bool fat_short_char(uint16_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c < 0x80 && c > 0x20 && strchr("$%'-_@~`!(){}^#&", (int)c) != NULL;
}

bool fat_fits_short(const uint16_t *u, int n, uint8_t sfn[11], uint8_t *ntres) {
    int dot = -1;
    for (int i = 0; i < n; i++)
        if (u[i] == '.') {
            if (dot >= 0)
                return false;
            dot = i;
        }
    int bl = dot < 0 ? n : dot, el = dot < 0 ? 0 : n - dot - 1;
    if (bl < 1 || bl > 8 || el > 3 || (dot >= 0 && el == 0))
        return false;
    memset(sfn, ' ', 11);
    *ntres = 0;
    for (int part = 0; part < 2; part++) {
        const uint16_t *p = part ? u + dot + 1 : u;
        int len = part ? el : bl;
        bool lower = false, upper = false;
        for (int i = 0; i < len; i++) {
            uint16_t c = p[i];
            if (c >= 'a' && c <= 'z') {
                lower = true;
                c = (uint16_t)(c - 32);
            } else if (c >= 'A' && c <= 'Z')
                upper = true;
            if (!fat_short_char(c))
                return false;
            sfn[(part ? 8 : 0) + i] = (uint8_t)c;
        }
        if (lower && upper)
            return false;
        if (lower)
            *ntres |= part ? NTRES_LOWER_EXT : NTRES_LOWER_BASE;
    }
    return true;
}

bool fat_basis_name(const uint16_t *u, int n, uint8_t sfn[11]) {
    bool lossy = false;
    int last_dot = -1, start = 0;
    while (start < n && (u[start] == '.' || u[start] == ' '))
        start++, lossy = true;
    for (int i = start; i < n; i++)
        if (u[i] == '.')
            last_dot = i;
    memset(sfn, ' ', 11);
    int k = 0;
    for (int i = start; i < n && (last_dot < 0 || i < last_dot) && k < 8; i++) {
        uint16_t c = fat_fold(u[i]);
        if (c == ' ' || c == '.') {
            lossy = true;
            continue;
        }
        if (!fat_short_char(c)) {
            c = '_';
            lossy = true;
        }
        sfn[k++] = (uint8_t)c;
    }
    if (k == 0)
        sfn[k++] = '_';
    if (last_dot >= 0) {
        k = 0;
        for (int i = last_dot + 1; i < n && k < 3; i++) {
            uint16_t c = fat_fold(u[i]);
            if (c == ' ')
                continue;
            if (!fat_short_char(c)) {
                c = '_';
                lossy = true;
            }
            sfn[8 + k++] = (uint8_t)c;
        }
    }
    return lossy;
}

void fat_apply_tail(const uint8_t basis[11], uint32_t num, uint8_t out[11]) {
    char tail[12];
    int tl = 0;
    char digits[10];
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + num % 10);
        num /= 10;
    } while (num && nd < 9);
    tail[tl++] = '~';
    while (nd)
        tail[tl++] = digits[--nd];
    int bl = 8;
    while (bl > 0 && basis[bl - 1] == ' ')
        bl--;
    if (bl > 8 - tl)
        bl = 8 - tl;
    memset(out, ' ', 8);
    memcpy(out, basis, (size_t)bl);
    memcpy(out + bl, tail, (size_t)tl);
    memcpy(out + 8, basis + 8, 3);
}

void fat_lfn_fill(uint8_t *e, const uint16_t *u, int n, int ord, bool last, uint8_t sum) {
    memset(e, 0, DE_SIZEOF);
    e[0] = (uint8_t)(ord | (last ? 0x40 : 0));
    e[DE_ATTR] = FAT_ATTR_LFN;
    e[13] = sum;
    int base = (ord - 1) * 13;
    for (int k = 0; k < 13; k++) {
        int pos = base + k;
        uint16_t c = pos < n ? u[pos] : pos == n ? 0 : 0xFFFF;
        fat_wr16(e + fat_lfn_offs[k], c);
    }
}

void fat_lfn_collect(const uint8_t *e, uint16_t *buf) {
    int ord = e[0] & 0x1F;
    if (ord < 1 || ord > 20)
        return;
    int base = (ord - 1) * 13;
    for (int k = 0; k < 13; k++)
        buf[base + k] = fat_rd16(e + fat_lfn_offs[k]);
}
