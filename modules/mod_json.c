/* modules/mod_json.c: json: dumps/dump (ints, strs, lists, tuples, dicts, bools, None;
 * `separators`) and loads/load (a recursive-descent parser with a nesting limit). No floats:
 * a number with a fraction or an exponent is a ValueError, as is any malformed text. */
#include "core/obj.h"
#include "core/runtime.h"
#include "modules/stream.h"

#define JSON_MAX_DEPTH 200

/* ---- encoding ---- */

typedef struct {
    vstr_t out;
    const char *item_sep;
    size_t item_sep_len;
    const char *key_sep;
    size_t key_sep_len;
    int depth;
} json_enc_t;

static void enc_str(json_enc_t *e, obj_t s) {
    size_t len;
    const uint8_t *p = (const uint8_t *)str_get_data(s, &len);
    vstr_add_byte(&e->out, '"');
    for (size_t i = 0; i < len; i++) {
        uint8_t c = p[i];
        switch (c) {
            case '"': vstr_add_strn(&e->out, "\\\"", 2); break;
            case '\\': vstr_add_strn(&e->out, "\\\\", 2); break;
            case '\n': vstr_add_strn(&e->out, "\\n", 2); break;
            case '\r': vstr_add_strn(&e->out, "\\r", 2); break;
            case '\t': vstr_add_strn(&e->out, "\\t", 2); break;
            case '\b': vstr_add_strn(&e->out, "\\b", 2); break;
            case '\f': vstr_add_strn(&e->out, "\\f", 2); break;
            default:
                if (c < 0x20) {
                    static const char hex[] = "0123456789abcdef";
                    char buf[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                    vstr_add_strn(&e->out, buf, 6);
                } else {
                    /* UTF-8 passes through, as MicroPython's json does */
                    vstr_add_byte(&e->out, c);
                }
        }
    }
    vstr_add_byte(&e->out, '"');
}

static void enc_value(json_enc_t *e, obj_t v) {
    if (++e->depth > JSON_MAX_DEPTH) {
        raise_msg(&type_RuntimeError, "maximum recursion depth exceeded");
    }
    if (v == OBJ_NONE) {
        vstr_add_strn(&e->out, "null", 4);
    } else if (v == OBJ_TRUE) {
        vstr_add_strn(&e->out, "true", 4);
    } else if (v == OBJ_FALSE) {
        vstr_add_strn(&e->out, "false", 5);
    } else if (obj_is_int(v)) {
        size_t len;
        obj_t s = obj_str(v);
        const char *d = str_get_data(s, &len);
        vstr_add_strn(&e->out, d, len);
    } else if (obj_is_str(v) || obj_is_type(v, &bytes_type)) {
        enc_str(e, v); /* MicroPython writes bytes as a string */
    } else if (obj_is_type(v, &list_type) || obj_is_type(v, &tuple_type)) {
        size_t n;
        obj_t *items;
        obj_get_array(v, &n, &items);
        vstr_add_byte(&e->out, '[');
        for (size_t i = 0; i < n; i++) {
            if (i > 0) {
                vstr_add_strn(&e->out, e->item_sep, e->item_sep_len);
            }
            enc_value(e, items[i]);
            obj_get_array(v, &n, &items); /* a __repr__-free encoder can't mutate, but stay safe */
        }
        vstr_add_byte(&e->out, ']');
    } else if (obj_is_type(v, &dict_type) || (obj_is_ptr(v) && obj_type(v)->parent == &dict_type &&
                                                !(obj_type(v)->flags & TYPE_FLAG_USER_CLASS))) {
        map_t *m = dict_map(v); /* a dict or a built-in dict type (OrderedDict) */
        vstr_add_byte(&e->out, '{');
        bool first = true;
        for (size_t i = 0; i < m->used; i++) {
            map_elem_t *el = &m->table[i];
            if (el->key == OBJ_NULL) {
                continue;
            }
            if (!first) {
                vstr_add_strn(&e->out, e->item_sep, e->item_sep_len);
            }
            first = false;
            if (obj_is_str(el->key)) {
                enc_str(e, el->key);
            } else if (obj_is_int(el->key) || el->key == OBJ_TRUE || el->key == OBJ_FALSE || el->key == OBJ_NONE) {
                json_enc_t tmp = *e;
                vstr_init(&tmp.out, 16);
                enc_value(&tmp, el->key);
                vstr_add_byte(&e->out, '"');
                vstr_add_strn(&e->out, tmp.out.buf, tmp.out.len);
                vstr_add_byte(&e->out, '"');
            } else {
                raise_msg(&type_TypeError, "keys must be str, int, bool or None");
            }
            vstr_add_strn(&e->out, e->key_sep, e->key_sep_len);
            enc_value(e, el->value);
        }
        vstr_add_byte(&e->out, '}');
    } else {
        raise_fmt(&type_TypeError, "Object of type %s is not JSON serializable", rt_type_name(v));
    }
    e->depth--;
}

static obj_t json_encode(size_t n_pos, const obj_t *args, size_t n_kw, const obj_t *kw) {
    static const arg_spec_t specs[] = {
        {QSTR_obj, ARG_REQUIRED, OBJ_NULL},
        {QSTR_separators, ARG_KW_ONLY, ROM_PTR(&none_obj)},
    };
    arg_val_t v[2];
    arg_parse_all(n_pos, args, n_kw, kw, 2, specs, v);
    json_enc_t e = {.item_sep = ", ", .item_sep_len = 2, .key_sep = ": ", .key_sep_len = 2, .depth = 0};
    if (v[1].o != OBJ_NONE) {
        obj_t *seps;
        obj_get_array_fixed(v[1].o, 2, &seps);
        e.item_sep = str_get_data(seps[0], &e.item_sep_len);
        e.key_sep = str_get_data(seps[1], &e.key_sep_len);
    }
    vstr_init(&e.out, 32);
    enc_value(&e, v[0].o);
    return str_new(e.out.buf, e.out.len);
}

static obj_t json_dumps(size_t n_args, size_t n_kw, const obj_t *args) {
    return json_encode(n_args, args, n_kw, args + n_args);
}
DEFINE_FUN_KW(json_dumps_obj, dumps, 1, 1, json_dumps);

static obj_t json_dump(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t s = json_encode(1, args, n_kw, args + n_args);
    obj_t write[3];
    rt_load_method(args[1], QSTR_write, write);
    write[2] = s;
    rt_call_method(1, 0, write);
    return OBJ_NONE;
}
DEFINE_FUN_KW(json_dump_obj, dump, 2, 2, json_dump);

/* ---- decoding ---- */

typedef struct {
    const uint8_t *p;
    const uint8_t *start;
    const uint8_t *end;
    int depth;
} json_dec_t;

NORETURN static void dec_error(json_dec_t *d, const char *what) {
    raise_fmt(&type_ValueError, "syntax error in JSON: %s at position %lu", what, (unsigned long)(d->p - d->start));
}

static void dec_ws(json_dec_t *d) {
    while (d->p < d->end && (*d->p == ' ' || *d->p == '\t' || *d->p == '\n' || *d->p == '\r')) {
        d->p++;
    }
}

static bool dec_literal(json_dec_t *d, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(d->end - d->p) >= n && memcmp(d->p, word, n) == 0) {
        d->p += n;
        return true;
    }
    return false;
}

static int dec_hex4(json_dec_t *d) {
    if (d->end - d->p < 4) {
        dec_error(d, "bad \\u escape");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
        uint8_t c = *d->p++;
        int h = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
        if (h < 0) {
            dec_error(d, "bad \\u escape");
        }
        v = v * 16 + h;
    }
    return v;
}

static obj_t dec_string(json_dec_t *d) {
    d->p++; /* opening quote */
    vstr_t v;
    vstr_init(&v, 16);
    for (;;) {
        if (d->p >= d->end) {
            dec_error(d, "unterminated string");
        }
        uint8_t c = *d->p++;
        if (c == '"') {
            break;
        }
        if (c < 0x20) {
            dec_error(d, "control character in string");
        }
        if (c != '\\') {
            vstr_add_byte(&v, c);
            continue;
        }
        if (d->p >= d->end) {
            dec_error(d, "unterminated string");
        }
        c = *d->p++;
        switch (c) {
            case '"': case '\\': case '/': vstr_add_byte(&v, c); break;
            case 'b': vstr_add_byte(&v, '\b'); break;
            case 'f': vstr_add_byte(&v, '\f'); break;
            case 'n': vstr_add_byte(&v, '\n'); break;
            case 'r': vstr_add_byte(&v, '\r'); break;
            case 't': vstr_add_byte(&v, '\t'); break;
            case 'u': {
                uint32_t cp = (uint32_t)dec_hex4(d);
                if (cp >= 0xD800 && cp < 0xDC00 && d->end - d->p >= 6 && d->p[0] == '\\' && d->p[1] == 'u') {
                    const uint8_t *save = d->p;
                    d->p += 2;
                    uint32_t lo = (uint32_t)dec_hex4(d);
                    if (lo >= 0xDC00 && lo < 0xE000) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else {
                        d->p = save;
                    }
                }
                vstr_add_char(&v, cp);
                break;
            }
            default:
                dec_error(d, "bad escape");
        }
    }
    return str_new(v.buf, v.len);
}

static obj_t dec_value(json_dec_t *d);

static obj_t dec_number(json_dec_t *d) {
    const uint8_t *s = d->p;
    if (d->p < d->end && *d->p == '-') {
        d->p++;
    }
    if (d->p >= d->end || *d->p < '0' || *d->p > '9') {
        dec_error(d, "bad number");
    }
    if (*d->p == '0' && d->p + 1 < d->end && d->p[1] >= '0' && d->p[1] <= '9') {
        dec_error(d, "bad number");
    }
    while (d->p < d->end && *d->p >= '0' && *d->p <= '9') {
        d->p++;
    }
    if (d->p < d->end && (*d->p == '.' || *d->p == 'e' || *d->p == 'E')) {
        raise_msg(&type_ValueError, "decimal numbers not supported");
    }
    return int_parse((const char *)s, (size_t)(d->p - s), 10);
}

static obj_t dec_value(json_dec_t *d) {
    dec_ws(d);
    if (d->p >= d->end) {
        dec_error(d, "unexpected end of data");
    }
    switch (*d->p) {
        case '{': {
            if (++d->depth > JSON_MAX_DEPTH) {
                dec_error(d, "nesting too deep");
            }
            d->p++;
            obj_t dict = dict_new(0);
            dec_ws(d);
            if (d->p < d->end && *d->p == '}') {
                d->p++;
                d->depth--;
                return dict;
            }
            for (;;) {
                dec_ws(d);
                if (d->p >= d->end || *d->p != '"') {
                    dec_error(d, "expected a string key");
                }
                obj_t key = dec_string(d);
                dec_ws(d);
                if (d->p >= d->end || *d->p != ':') {
                    dec_error(d, "expected ':'");
                }
                d->p++;
                obj_t val = dec_value(d);
                dict_store(dict, key, val);
                dec_ws(d);
                if (d->p < d->end && *d->p == ',') {
                    d->p++;
                    continue;
                }
                if (d->p < d->end && *d->p == '}') {
                    d->p++;
                    break;
                }
                dec_error(d, "expected ',' or '}'");
            }
            d->depth--;
            return dict;
        }
        case '[': {
            if (++d->depth > JSON_MAX_DEPTH) {
                dec_error(d, "nesting too deep");
            }
            d->p++;
            obj_t list = list_new(0, NULL);
            dec_ws(d);
            if (d->p < d->end && *d->p == ']') {
                d->p++;
                d->depth--;
                return list;
            }
            for (;;) {
                list_append(list, dec_value(d));
                dec_ws(d);
                if (d->p < d->end && *d->p == ',') {
                    d->p++;
                    continue;
                }
                if (d->p < d->end && *d->p == ']') {
                    d->p++;
                    break;
                }
                dec_error(d, "expected ',' or ']'");
            }
            d->depth--;
            return list;
        }
        case '"':
            return dec_string(d);
        case 't':
            if (dec_literal(d, "true")) {
                return OBJ_TRUE;
            }
            break;
        case 'f':
            if (dec_literal(d, "false")) {
                return OBJ_FALSE;
            }
            break;
        case 'n':
            if (dec_literal(d, "null")) {
                return OBJ_NONE;
            }
            break;
        default:
            if (*d->p == '-' || (*d->p >= '0' && *d->p <= '9')) {
                return dec_number(d);
            }
            break;
    }
    dec_error(d, "unexpected character");
}

static obj_t json_decode_buf(const char *s, size_t len) {
    json_dec_t d = {(const uint8_t *)s, (const uint8_t *)s, (const uint8_t *)s + len, 0};
    obj_t v = dec_value(&d);
    dec_ws(&d);
    if (d.p != d.end) {
        dec_error(&d, "extra data");
    }
    return v;
}

static obj_t json_loads(size_t n_args, size_t n_kw, const obj_t *args) {
    size_t len;
    const char *s;
    if (obj_is_str(args[0]) || obj_is_type(args[0], &bytes_type)) {
        s = str_get_data(args[0], &len);
    } else {
        buffer_info_t b;
        rt_get_buffer_or_raise(args[0], &b, BUFFER_READ);
        s = b.buf;
        len = b.len;
    }
    return json_decode_buf(s, len);
}
DEFINE_FUN(json_loads_obj, loads, 1, 1, json_loads);

static obj_t json_load(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t text = stream_read_to_end(args[0]);
    return json_loads(1, 0, &text);
}
DEFINE_FUN(json_load_obj, load, 1, 1, json_load);

static const map_elem_t json_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_json)},
    {ROM_QSTR(QSTR_dumps), ROM_PTR(&json_dumps_obj)},
    {ROM_QSTR(QSTR_dump), ROM_PTR(&json_dump_obj)},
    {ROM_QSTR(QSTR_loads), ROM_PTR(&json_loads_obj)},
    {ROM_QSTR(QSTR_load), ROM_PTR(&json_load_obj)},
};
static DEFINE_CONST_DICT(json_globals, json_globals_table);
const module_obj_t json_module = {{&module_type}, &json_globals};
REGISTER_MODULE(QSTR_json, json_module);
