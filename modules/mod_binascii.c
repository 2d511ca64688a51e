/* modules/mod_binascii.c: binascii: hexlify (with separator), unhexlify, a2b_base64, b2a_base64
 * and crc32. Results are bytes built in a vstr; bad input raises ValueError, never reads past
 * the buffer. */
#include "core/digits.h"
#include "core/obj.h"
#include "core/runtime.h"

static const char hex_digits[] = DIGITS_LOWER;

static obj_t vstr_to_bytes(vstr_t *v) { return bytes_new(v->buf, v->len); }

/* The decoders take text as a str or as any bytes-like object. */
static const uint8_t *ascii_input(obj_t o, size_t *len) {
    if (obj_is_str(o)) {
        return (const uint8_t *)str_get_data(o, len);
    }
    buffer_info_t in;
    rt_get_buffer_or_raise(o, &in, BUFFER_READ);
    *len = in.len;
    return in.buf;
}

static obj_t binascii_hexlify(size_t n_args, size_t n_kw, const obj_t *args) {
    buffer_info_t in;
    rt_get_buffer_or_raise(args[0], &in, BUFFER_READ);
    const char *sep = NULL;
    size_t sep_len = 0;
    if (n_args > 1 && args[1] != OBJ_NONE) {
        sep = str_get_data(args[1], &sep_len);
        if (sep_len != 1) {
            raise_msg(&type_ValueError, "sep must be length 1.");
        }
    }
    const uint8_t *p = in.buf;
    vstr_t v;
    vstr_init(&v, in.len * 3 + 1);
    for (size_t i = 0; i < in.len; i++) {
        if (i > 0 && sep != NULL) {
            vstr_add_byte(&v, (uint8_t)sep[0]);
        }
        vstr_add_byte(&v, (uint8_t)hex_digits[p[i] >> 4]);
        vstr_add_byte(&v, (uint8_t)hex_digits[p[i] & 15]);
    }
    return vstr_to_bytes(&v);
}
DEFINE_FUN(binascii_hexlify_obj, hexlify, 1, 2, binascii_hexlify);


static obj_t binascii_unhexlify(size_t n_args, size_t n_kw, const obj_t *args) {
    size_t len;
    const uint8_t *p = ascii_input(args[0], &len);
    if (len % 2 != 0) {
        raise_msg(&type_ValueError, "odd-length string");
    }
    vstr_t v;
    vstr_init(&v, len / 2 + 1);
    for (size_t i = 0; i < len; i += 2) {
        int hi = hex_digit_value(p[i]), lo = hex_digit_value(p[i + 1]);
        if (hi < 0 || lo < 0) {
            raise_msg(&type_ValueError, "non-hex digit found");
        }
        vstr_add_byte(&v, (uint8_t)(hi << 4 | lo));
    }
    return vstr_to_bytes(&v);
}
DEFINE_FUN(binascii_unhexlify_obj, unhexlify, 1, 1, binascii_unhexlify);

static const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(uint8_t c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == '+') {
        return 62;
    }
    if (c == '/') {
        return 63;
    }
    return -1;
}

/* Like CPython's non-strict decoder: characters outside the alphabet are skipped, decoding stops
 * at padding that completes a quantum; leftover bits must be a valid partial quantum. */
static obj_t binascii_a2b_base64(size_t n_args, size_t n_kw, const obj_t *args) {
    size_t len;
    const uint8_t *p = ascii_input(args[0], &len);
    vstr_t v;
    vstr_init(&v, len * 3 / 4 + 1);
    uint32_t acc = 0;
    int nbits = 0, quantum = 0, pads = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '=') {
            if (quantum >= 2 && quantum + ++pads >= 4) {
                quantum = 0;
                nbits = 0;
                acc = 0;
                pads = 0;
                break;
            }
            continue;
        }
        int d = b64_value(p[i]);
        if (d < 0) {
            continue;
        }
        pads = 0;
        acc = (acc << 6) | (uint32_t)d;
        nbits += 6;
        quantum = (quantum + 1) % 4;
        if (nbits >= 8) {
            nbits -= 8;
            vstr_add_byte(&v, (uint8_t)(acc >> nbits));
            acc &= (1u << nbits) - 1;
        }
    }
    if (quantum != 0) {
        raise_msg(&type_ValueError, "incorrect padding");
    }
    return vstr_to_bytes(&v);
}
DEFINE_FUN(binascii_a2b_base64_obj, a2b_base64, 1, 1, binascii_a2b_base64);

static obj_t binascii_b2a_base64(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_data, ARG_REQUIRED, OBJ_NULL},
        {QSTR_newline, ARG_KW_ONLY | ARG_KIND_BOOL, ROM_PTR(&true_obj)},
    };
    arg_val_t vals[2];
    arg_parse_all(n_args, args, n_kw, args + n_args, 2, specs, vals);
    buffer_info_t in;
    rt_get_buffer_or_raise(vals[0].o, &in, BUFFER_READ);
    const uint8_t *p = in.buf;
    vstr_t v;
    vstr_init(&v, (in.len + 2) / 3 * 4 + 2);
    size_t i = 0;
    for (; i + 3 <= in.len; i += 3) {
        uint32_t w = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
        for (int k = 3; k >= 0; k--) {
            vstr_add_byte(&v, (uint8_t)b64_alphabet[(w >> (6 * k)) & 63]);
        }
    }
    if (in.len - i == 1) {
        uint32_t w = (uint32_t)p[i] << 16;
        vstr_add_byte(&v, (uint8_t)b64_alphabet[(w >> 18) & 63]);
        vstr_add_byte(&v, (uint8_t)b64_alphabet[(w >> 12) & 63]);
        vstr_add_strn(&v, "==", 2);
    } else if (in.len - i == 2) {
        uint32_t w = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8;
        vstr_add_byte(&v, (uint8_t)b64_alphabet[(w >> 18) & 63]);
        vstr_add_byte(&v, (uint8_t)b64_alphabet[(w >> 12) & 63]);
        vstr_add_byte(&v, (uint8_t)b64_alphabet[(w >> 6) & 63]);
        vstr_add_byte(&v, '=');
    }
    if (vals[1].b) {
        vstr_add_byte(&v, '\n');
    }
    return vstr_to_bytes(&v);
}
DEFINE_FUN_KW(binascii_b2a_base64_obj, b2a_base64, 1, 1, binascii_b2a_base64);

static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t len) {
    static uint32_t table[256];
    if (table[1] == 0) {
        for (uint32_t n = 0; n < 256; n++) {
            uint32_t c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
    }
    crc = ~crc;
    for (size_t i = 0; i < len; i++) {
        crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    }
    return ~crc;
}

static obj_t binascii_crc32(size_t n_args, size_t n_kw, const obj_t *args) {
    buffer_info_t in;
    rt_get_buffer_or_raise(args[0], &in, BUFFER_READ);
    uint32_t crc = n_args > 1 ? (uint32_t)obj_get_ll(args[1]) : 0;
    return int_from_uint(crc32_update(crc, in.buf, in.len));
}
DEFINE_FUN(binascii_crc32_obj, crc32, 1, 2, binascii_crc32);

static const map_elem_t binascii_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_binascii)},
    {ROM_QSTR(QSTR_hexlify), ROM_PTR(&binascii_hexlify_obj)},
    {ROM_QSTR(QSTR_unhexlify), ROM_PTR(&binascii_unhexlify_obj)},
    {ROM_QSTR(QSTR_a2b_base64), ROM_PTR(&binascii_a2b_base64_obj)},
    {ROM_QSTR(QSTR_b2a_base64), ROM_PTR(&binascii_b2a_base64_obj)},
    {ROM_QSTR(QSTR_crc32), ROM_PTR(&binascii_crc32_obj)},
};
static DEFINE_CONST_DICT(binascii_globals, binascii_globals_table);
const module_obj_t binascii_module = {{&module_type}, &binascii_globals};
REGISTER_MODULE(QSTR_binascii, binascii_module);
