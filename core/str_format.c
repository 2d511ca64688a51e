/* core/str_format.c: text formatting: printf-style `%` for str and bytes, str.format (fields,
 * conversions, nested specs) and obj_format (the format-spec mini-language behind format(),
 * str.format and f-strings). Integer-only: float presentation types are errors.
 * Invariant: every path builds into one vstr and makes one result object at the end. */
#include "core/digits.h"
#include "core/obj_str.h"

#include "core/obj_int.h"
#include "core/obj_list.h"
#include "core/obj_type.h"
#include "core/qstr.h"
#include "core/runtime.h"

/* ------------------------------------------------------------------------------------------ */
/* integer digits */

static void fmt_utoa_rev(vstr_t *v, uint_t u, int base, bool upper) {
    const char *digs = upper ? DIGITS_UPPER : DIGITS_LOWER;
    char buf[sizeof(uint_t) * 8];
    size_t n = 0;
    do {
        buf[n++] = digs[u % (uint_t)base];
        u /= (uint_t)base;
    } while (u);
    char *out = vstr_add_len(v, n);
    for (size_t k = 0; k < n; k++) {
        out[k] = buf[n - 1 - k];
    }
}

bool int_append_digits(vstr_t *v, obj_t i, int base, bool upper) {
    if (obj_is_small_int(i)) {
        int_t x = small_int_value(i);
        uint_t u = x < 0 ? (uint_t)0 - (uint_t)x : (uint_t)x;
        fmt_utoa_rev(v, u, base, upper);
        return x < 0;
    }
    /* big ints and bools: obj_int.c does the digits */
    bool neg = int_sign(i) < 0;
    int_format_digits(v, i, base, upper);
    return neg;
}

/* ------------------------------------------------------------------------------------------ */
/* format specs */

typedef struct {
    uint32_t fill;
    char align;    /* 0, '<', '>', '^', '=' */
    char sign;     /* 0, '+', '-', ' ' */
    bool alt;      /* '#' */
    bool zero;     /* '0' */
    bool fill_set; /* an explicit fill character was given */
    char grouping; /* 0, ',', '_' */
    char type;     /* 0 or the presentation letter */
    int_t width;   /* -1 none */
    int_t prec;    /* -1 none */
} fmt_spec_t;

static void fmt_spec_parse(const uint8_t *s, size_t len, fmt_spec_t *f) {
    memset(f, 0, sizeof(*f));
    f->fill = ' ';
    f->width = f->prec = -1;
    const uint8_t *p = s, *e = s + len;
    if (p < e) {
        const uint8_t *q = p;
        uint32_t c = utf8_decode(&q);
        if (q < e && (*q == '<' || *q == '>' || *q == '^' || *q == '=')) {
            f->fill = c;
            f->fill_set = true;
            f->align = (char)*q;
            p = q + 1;
        } else if (*p == '<' || *p == '>' || *p == '^' || *p == '=') {
            f->align = (char)*p++;
        }
    }
    if (p < e && (*p == '+' || *p == '-' || *p == ' ')) {
        f->sign = (char)*p++;
    }
    if (p < e && *p == 'z') {
        p++;
    }
    if (p < e && *p == '#') {
        f->alt = true;
        p++;
    }
    if (p < e && *p == '0') {
        f->zero = true;
        p++;
    }
    if (p < e && *p >= '0' && *p <= '9') {
        f->width = 0;
        while (p < e && *p >= '0' && *p <= '9') {
            f->width = f->width * 10 + (*p++ - '0');
            if (f->width > 0x7fffffff) {
                raise_msg(&type_ValueError, "Too many decimal digits in format string");
            }
        }
    }
    if (p < e && (*p == ',' || *p == '_')) {
        f->grouping = (char)*p++;
    }
    if (p < e && *p == '.') {
        p++;
        if (p >= e || *p < '0' || *p > '9') {
            raise_msg(&type_ValueError, "Format specifier missing precision");
        }
        f->prec = 0;
        while (p < e && *p >= '0' && *p <= '9') {
            f->prec = f->prec * 10 + (*p++ - '0');
            if (f->prec > 0x7fffffff) {
                raise_msg(&type_ValueError, "Too many decimal digits in format string");
            }
        }
    }
    if (p < e) {
        f->type = (char)*p++;
    }
    if (p < e) {
        raise_msg(&type_ValueError, "Invalid format specifier");
    }
}

static void fmt_add_fill(vstr_t *out, uint32_t fill, size_t n) {
    if (fill < 0x80) {
        vstr_add_fill(out, (uint8_t)fill, n);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        vstr_add_char(out, fill);
    }
}

/* Appends body (already complete text of `chars` code points) padded per align/width/fill. */
static void fmt_pad(vstr_t *out, const char *body, size_t len, size_t chars, const fmt_spec_t *f, char def_align) {
    size_t pad = f->width > (int_t)chars ? (size_t)f->width - chars : 0;
    char align = f->align ? f->align : def_align;
    size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    fmt_add_fill(out, f->fill, left);
    vstr_add_strn(out, body, len);
    fmt_add_fill(out, f->fill, pad - left);
}

/* Inserts `sep` every `every` digits counting from the right. */
static void fmt_group(vstr_t *out, const char *d, size_t n, char sep, size_t every) {
    size_t first = n % every;
    if (first == 0) {
        first = every;
    }
    vstr_add_strn(out, d, first < n ? first : n);
    for (size_t i = first; i < n; i += every) {
        vstr_add_byte(out, (uint8_t)sep);
        vstr_add_strn(out, d + i, every);
    }
}

NORETURN static void fmt_unknown_code(char type, obj_t value) {
    raise_fmt(&type_ValueError, "Unknown format code '%c' for object of type '%s'", type, rt_type_name(value));
}

/* An int formatted per spec; min_digits > 0 zero-extends the digits (for %.5d). */
static void fmt_int(vstr_t *out, obj_t value, const fmt_spec_t *fin, int_t min_digits) {
    fmt_spec_t f = *fin;
    int base = 10;
    bool upper = false;
    const char *prefix = "";
    switch (f.type) {
        case 0:
        case 'd':
        case 'n':
        case 'i':
        case 'u':
            break;
        case 'b':
            base = 2, prefix = "0b";
            break;
        case 'o':
            base = 8, prefix = "0o";
            break;
        case 'x':
            base = 16, prefix = "0x";
            break;
        case 'X':
            base = 16, upper = true, prefix = "0X";
            break;
        case 'c': {
            if (f.prec >= 0) {
                raise_msg(&type_ValueError, "Precision not allowed in integer format specifier");
            }
            if (f.grouping) {
                raise_fmt(&type_ValueError, "Cannot specify '%c' with 'c'.", f.grouping);
            }
            if (f.sign) {
                raise_msg(&type_ValueError, "Sign not allowed with integer format specifier 'c'");
            }
            if (f.alt) {
                raise_msg(&type_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            }
            int_t c;
            if (!obj_get_int_maybe(value, &c) || c < 0 || c > 0x10ffff) {
                raise_msg(&type_OverflowError, "%c arg not in range(0x110000)");
            }
            uint8_t buf[4];
            size_t n = utf8_encode((uint32_t)c, buf);
            if (f.zero) {
                if (!f.fill_set) {
                    f.fill = '0';
                }
                if (!f.align) {
                    f.align = '=';
                }
            }
            if (f.align == '=') {
                f.align = '>'; /* no sign to put first */
            }
            fmt_pad(out, (const char *)buf, n, 1, &f, '>');
            return;
        }
        default:
            fmt_unknown_code(f.type, value);
    }
    if (f.prec >= 0) {
        raise_msg(&type_ValueError, "Precision not allowed in integer format specifier");
    }
    if (obj_is_small_int(value) && f.width <= 0 && !f.sign && !f.alt && !f.grouping && min_digits <= 0) {
        /* fast path: plain digits of a small int ("%d", "{}", "{:x}") */
        int_t x = small_int_value(value);
        if (x < 0) {
            vstr_add_byte(out, '-');
        }
        fmt_utoa_rev(out, x < 0 ? (uint_t)0 - (uint_t)x : (uint_t)x, base, upper);
        return;
    }
    if (f.grouping && f.type == 'n') {
        raise_fmt(&type_ValueError, "Cannot specify '%c' with 'n'.", f.grouping);
    }
    if (f.grouping == ',' && base != 10) {
        raise_fmt(&type_ValueError, "Cannot specify ',' with '%c'.", f.type);
    }
    vstr_t digits;
    vstr_init(&digits, 24);
    bool neg = int_append_digits(&digits, value, base, upper);
    while ((int_t)digits.len < min_digits) {
        vstr_add_byte(&digits, '0');
        memmove(digits.buf + 1, digits.buf, digits.len - 1);
        digits.buf[0] = '0';
    }
    char head[4];
    size_t hn = 0;
    if (neg) {
        head[hn++] = '-';
    } else if (f.sign == '+' || f.sign == ' ') {
        head[hn++] = f.sign;
    }
    if (f.alt && base != 10) {
        head[hn++] = prefix[0];
        head[hn++] = prefix[1];
    }
    if (f.zero) {
        if (!f.fill_set) {
            f.fill = '0';
        }
        if (!f.align) {
            f.align = '=';
        }
    }
    size_t every = base == 10 ? 3 : 4;
    if (f.grouping && f.align == '=' && f.fill == '0' && f.width > 0) {
        /* zero padding becomes part of the grouped number */
        for (;;) {
            size_t n = digits.len + (digits.len - 1) / every + hn;
            if ((int_t)n >= f.width) {
                break;
            }
            vstr_add_byte(&digits, '0');
            memmove(digits.buf + 1, digits.buf, digits.len - 1);
            digits.buf[0] = '0';
        }
    }
    vstr_t body;
    vstr_init(&body, digits.len + 8);
    if (f.grouping) {
        fmt_group(&body, digits.buf, digits.len, f.grouping, every);
    } else {
        vstr_add_strn(&body, digits.buf, digits.len);
    }
    size_t total = hn + body.len;
    if (f.align == '=') {
        vstr_add_strn(out, head, hn);
        size_t pad = f.width > (int_t)total ? (size_t)f.width - total : 0;
        fmt_add_fill(out, f.fill, pad);
        vstr_add_strn(out, body.buf, body.len);
    } else {
        vstr_t all;
        vstr_init(&all, total + 1);
        vstr_add_strn(&all, head, hn);
        vstr_add_strn(&all, body.buf, body.len);
        fmt_pad(out, all.buf, all.len, all.len, &f, '>');
        vstr_clear(&all);
    }
    vstr_clear(&body);
    vstr_clear(&digits);
}

static void fmt_text(vstr_t *out, const char *d, size_t len, const fmt_spec_t *f) {
    size_t chars = utf8_char_count((const uint8_t *)d, len);
    if (f->prec >= 0 && (size_t)f->prec < chars) {
        len = utf8_byte_offset((const uint8_t *)d, len, (size_t)f->prec);
        chars = (size_t)f->prec;
    }
    fmt_pad(out, d, len, chars, f, '<');
}

static bool fmt_is_float_type(char t) {
    return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

static void fmt_value(vstr_t *out, obj_t value, const uint8_t *spec, size_t spec_len) {
    if (obj_is_ptr(value) && (obj_type(value)->flags & TYPE_FLAG_USER_CLASS)) {
        /* a user class may define __format__ */
        obj_t dest[3];
        rt_load_method_maybe(value, QSTR___format__, dest);
        if (dest[0] != OBJ_NULL) {
            dest[2] = str_new((const char *)spec, spec_len);
            obj_t r = rt_call_method(1, 0, dest);
            if (!obj_is_str(r)) {
                raise_fmt(&type_TypeError, "__format__ must return a str, not %s", rt_type_name(r));
            }
            size_t len;
            const char *d = str_get_data(r, &len);
            vstr_add_strn(out, d, len);
            return;
        }
    }
    if (spec_len == 0) {
        obj_t s = obj_str(value);
        size_t len;
        const char *d = str_get_data(s, &len);
        vstr_add_strn(out, d, len);
        return;
    }
    fmt_spec_t f;
    fmt_spec_parse(spec, spec_len, &f);
    if (obj_is_int(value) || obj_is_type(value, &bool_type)) {
        if (fmt_is_float_type(f.type)) {
            fmt_unknown_code(f.type, value);
        }
        if (f.type == 's') {
            fmt_unknown_code(f.type, value);
        }
        fmt_int(out, value, &f, 0);
        return;
    }
    bool is_str = obj_is_str(value);
    if (!is_str) {
        /* object.__format__ takes only an empty spec (CPython; MicroPython raises TypeError too) */
        raise_fmt(&type_TypeError, "unsupported format string passed to %s.__format__", rt_type_name(value));
    }
    if (f.type != 0 && f.type != 's') {
        fmt_unknown_code(f.type, value);
    }
    if (f.sign) {
        raise_msg(&type_ValueError, "Sign not allowed in string format specifier");
    }
    if (f.alt) {
        raise_msg(&type_ValueError, "Alternate form (#) not allowed in string format specifier");
    }
    if (f.align == '=') {
        raise_msg(&type_ValueError, "'=' alignment not allowed in string format specifier");
    }
    if (f.grouping) {
        raise_fmt(&type_ValueError, "Cannot specify '%c' with 's'.", f.grouping);
    }
    if (f.zero && !f.fill_set) {
        f.fill = '0';
    }
    size_t len;
    const char *d = str_get_data(value, &len);
    fmt_text(out, d, len, &f);
}

obj_t obj_format(obj_t value, obj_t spec) {
    size_t len = 0;
    const char *d = "";
    if (spec != OBJ_NULL) {
        if (!obj_is_str(spec)) {
            raise_fmt(&type_TypeError, "format() argument 2 must be str, not %s", rt_type_name(spec));
        }
        d = str_get_data(spec, &len);
    }
    if (len == 0 && (obj_is_str(value) || obj_is_small_int(value) || !(obj_type(value)->flags & TYPE_FLAG_USER_CLASS))) {
        return obj_str(value); /* format(x, '') == str(x) unless a user __format__ says otherwise */
    }
    vstr_t v;
    vstr_init(&v, 16);
    fmt_value(&v, value, (const uint8_t *)d, len);
    return str_new_from_vstr(&v);
}

/* ------------------------------------------------------------------------------------------ */
/* str.format */

typedef struct {
    size_t n_pos;
    const obj_t *pos;
    size_t n_kw;
    const obj_t *kw; /* key/value pairs */
    int auto_state;  /* 0 unknown, 1 automatic, 2 manual */
    size_t next_auto;
} fmt_args_t;

static obj_t fmt_lookup_kw(fmt_args_t *a, const char *name, size_t len) {
    for (size_t i = 0; i < a->n_kw; i++) {
        size_t kl;
        const char *kd = str_get_data(a->kw[2 * i], &kl);
        if (kl == len && memcmp(kd, name, len) == 0) {
            return a->kw[2 * i + 1];
        }
    }
    rt_raise(exc_new(&type_KeyError, 1, (obj_t[]){str_new(name, len)}));
}

static bool fmt_all_digits(const char *s, size_t len) {
    if (len == 0) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

static size_t fmt_atoz(const char *s, size_t len) {
    size_t v = 0;
    for (size_t i = 0; i < len; i++) {
        v = v * 10 + (size_t)(s[i] - '0');
        if (v > 0x7fffffff) {
            raise_msg(&type_ValueError, "Too many decimal digits in format string");
        }
    }
    return v;
}

static obj_t fmt_positional(fmt_args_t *a, size_t idx) {
    if (idx >= a->n_pos) {
        raise_fmt(&type_IndexError, "Replacement index %u out of range for positional args tuple", (unsigned)idx);
    }
    return a->pos[idx];
}

/* Resolves a field name (an index, nothing, or a keyword) to its value; MicroPython, and so the
 * WiPy, takes no ".attr" or "[key]" after it. */
static obj_t fmt_field_value(fmt_args_t *a, const char *s, size_t len) {
    size_t i = 0;
    while (i < len && s[i] != '.' && s[i] != '[') {
        i++;
    }
    obj_t v;
    if (i == 0) {
        if (a->auto_state == 2) {
            raise_msg(&type_ValueError, "cannot switch from manual field specification to automatic field numbering");
        }
        a->auto_state = 1;
        v = fmt_positional(a, a->next_auto++);
    } else if (fmt_all_digits(s, i)) {
        if (a->auto_state == 1) {
            raise_msg(&type_ValueError, "cannot switch from automatic field numbering to manual field specification");
        }
        a->auto_state = 2;
        v = fmt_positional(a, fmt_atoz(s, i));
    } else {
        v = fmt_lookup_kw(a, s, i);
    }
    if (i < len) { /* "{a.b}", "{a[0]}": as in MicroPython */
        raise_msg(&type_NotImplementedError, "attributes not supported");
    }
    return v;
}

static void fmt_render(vstr_t *out, const char *s, size_t len, fmt_args_t *a, int depth);

/* One replacement field s[0..len) (without the braces). */
static void fmt_field(vstr_t *out, const char *s, size_t len, fmt_args_t *a, int depth) {
    /* split name / conversion / spec; brackets in the name may hold ':' or '!' */
    size_t i = 0;
    while (i < len && s[i] != ':' && s[i] != '!') {
        if (s[i] == '[') {
            while (i < len && s[i] != ']') {
                i++;
            }
            if (i >= len) {
                break;
            }
        }
        i++;
    }
    size_t name_len = i;
    char conv = 0;
    if (i < len && s[i] == '!') {
        if (i + 1 >= len) {
            raise_msg(&type_ValueError, "end of string while looking for conversion specifier");
        }
        conv = s[i + 1];
        i += 2;
        if (i < len && s[i] != ':') {
            raise_msg(&type_ValueError, "expected ':' after conversion specifier");
        }
    }
    const char *spec = "";
    size_t spec_len = 0;
    if (i < len && s[i] == ':') {
        spec = s + i + 1;
        spec_len = len - i - 1;
    }
    obj_t v = fmt_field_value(a, s, name_len);
    if (conv == 'a') {
        v = obj_ascii(v);
    } else if (conv == 'r') {
        v = obj_repr(v);
    } else if (conv == 's') {
        v = obj_str(v);
    } else if (conv != 0) {
        raise_fmt(&type_ValueError, "Unknown conversion specifier %c", conv);
    }
    if (memchr(spec, '{', spec_len) != NULL) {
        if (depth >= 1) {
            raise_msg(&type_ValueError, "Max string recursion exceeded");
        }
        vstr_t sv;
        vstr_init(&sv, spec_len + 16);
        fmt_render(&sv, spec, spec_len, a, depth + 1);
        fmt_value(out, v, (const uint8_t *)sv.buf, sv.len);
        vstr_clear(&sv);
        return;
    }
    fmt_value(out, v, (const uint8_t *)spec, spec_len);
}

static void fmt_render(vstr_t *out, const char *s, size_t len, fmt_args_t *a, int depth) {
    size_t i = 0;
    while (i < len) {
        size_t st = i;
        while (i < len && s[i] != '{' && s[i] != '}') {
            i++;
        }
        vstr_add_strn(out, s + st, i - st);
        if (i >= len) {
            break;
        }
        if (s[i] == '}') {
            if (i + 1 < len && s[i + 1] == '}') {
                vstr_add_byte(out, '}');
                i += 2;
                continue;
            }
            raise_msg(&type_ValueError, "Single '}' encountered in format string");
        }
        if (i + 1 < len && s[i + 1] == '{') {
            vstr_add_byte(out, '{');
            i += 2;
            continue;
        }
        /* find the matching '}' (specs may nest one level of braces) */
        size_t fs = ++i;
        int nest = 1;
        while (i < len) {
            if (s[i] == '[') {
                while (i < len && s[i] != ']' && s[i] != '}') {
                    i++;
                }
                if (i < len && s[i] == '}') {
                    continue;
                }
            } else if (s[i] == '{') {
                nest++;
            } else if (s[i] == '}') {
                if (--nest == 0) {
                    break;
                }
            }
            i++;
        }
        if (i >= len) {
            raise_msg(&type_ValueError, "Single '{' encountered in format string");
        }
        fmt_field(out, s + fs, i - fs, a, depth);
        i++;
    }
}

obj_t str_format_method(size_t n_args, size_t n_kw, const obj_t *args) {
    if (!obj_is_str(args[0])) {
        raise_fmt(&type_TypeError, "descriptor 'format' requires a 'str' object but received a '%s'", rt_type_name(args[0]));
    }
    size_t len;
    const char *s = str_get_data(args[0], &len);
    fmt_args_t a = {n_args - 1, args + 1, n_kw, args + n_args, 0, 0};
    vstr_t v;
    vstr_init(&v, len + 16);
    fmt_render(&v, s, len, &a, 0);
    return str_new_from_vstr(&v);
}

/* ------------------------------------------------------------------------------------------ */
/* % formatting */

obj_t str_modulo_format(obj_t fmt_obj, obj_t args_obj) {
    bool is_bytes = !obj_is_str(fmt_obj);
    size_t len;
    const char *s = str_get_data(fmt_obj, &len);
    const obj_t *args;
    size_t n_args;
    obj_t mapping = OBJ_NULL;
    /* a tuple, also of a subclass (namedtuple, os.uname(), class T(tuple)), gives the arguments */
    obj_t tup = args_obj;
    if ((obj_type(tup)->flags & TYPE_FLAG_USER_CLASS) && obj_is_subclass_fast(obj_type(tup), &tuple_type)) {
        tup = instance_get_subobj(tup);
    }
    if (tup != OBJ_NULL && tuple_is_layout(tup)) {
        const tuple_obj_t *t = OBJ_TO_PTR(tup);
        args = t->items;
        n_args = t->len;
    } else {
        args = &args_obj;
        n_args = 1;
        if (obj_is_type(args_obj, &dict_type) ||
            (!obj_is_str(args_obj) && !obj_is_type(args_obj, &bytes_type) && obj_type(args_obj)->subscr != NULL &&
                (obj_type(args_obj)->flags & TYPE_FLAG_USER_CLASS))) {
            mapping = args_obj;
        }
    }
    size_t arg_i = 0;
    bool used_mapping = false;
    vstr_t out;
    vstr_init(&out, len + 16);
    size_t i = 0;
    while (i < len) {
        size_t st = i;
        while (i < len && s[i] != '%') {
            i++;
        }
        vstr_add_strn(&out, s + st, i - st);
        if (i >= len) {
            break;
        }
        size_t conv_start = i;
        i++; /* '%' */
        if (i >= len) {
            raise_msg(&type_ValueError, "incomplete format");
        }
        obj_t arg = OBJ_NULL;
        if (s[i] == '(') {
            if (mapping == OBJ_NULL) {
                raise_msg(&type_TypeError, "format requires a mapping");
            }
            size_t ks = ++i;
            int depth = 1;
            while (i < len) {
                if (s[i] == '(') {
                    depth++;
                } else if (s[i] == ')' && --depth == 0) {
                    break;
                }
                i++;
            }
            if (i >= len) {
                raise_msg(&type_ValueError, "incomplete format key");
            }
            /* interned, as MicroPython does (so a key over 255 bytes is "name too long") */
            obj_t key = is_bytes ? bytes_new(s + ks, i - ks) : obj_new_qstr(qstr_from_strn(s + ks, i - ks));
            arg = rt_subscr_load(mapping, key);
            used_mapping = true;
            arg_i = n_args; /* as CPython: the mapping counts as consumed */
            i++;
        }
        fmt_spec_t f;
        memset(&f, 0, sizeof(f));
        f.fill = ' ';
        f.width = f.prec = -1;
        bool left = false;
        for (; i < len; i++) {
            char c = s[i];
            if (c == '-') {
                left = true;
            } else if (c == '+') {
                f.sign = '+';
            } else if (c == ' ') {
                if (f.sign != '+') {
                    f.sign = ' ';
                }
            } else if (c == '#') {
                f.alt = true;
            } else if (c == '0') {
                f.zero = true;
            } else {
                break;
            }
        }
        if (i < len && s[i] == '*') {
            if (arg_i >= n_args) {
                raise_msg(&type_TypeError, "not enough arguments for format string");
            }
            int_t w;
            if (!obj_get_int_maybe(args[arg_i], &w)) {
                raise_msg(&type_TypeError, "* wants int");
            }
            arg_i++;
            if (w < 0) {
                left = true;
                w = -w;
            }
            f.width = w;
            i++;
        } else if (i < len && s[i] >= '0' && s[i] <= '9') {
            f.width = 0;
            while (i < len && s[i] >= '0' && s[i] <= '9') {
                f.width = f.width * 10 + (s[i++] - '0');
                if (f.width > 0x7fffffff) {
                    raise_msg(&type_ValueError, "width too big");
                }
            }
        }
        if (i < len && s[i] == '.') {
            i++;
            f.prec = 0;
            if (i < len && s[i] == '*') {
                if (arg_i >= n_args) {
                    raise_msg(&type_TypeError, "not enough arguments for format string");
                }
                int_t pr;
                if (!obj_get_int_maybe(args[arg_i], &pr)) {
                    raise_msg(&type_TypeError, "* wants int");
                }
                arg_i++;
                f.prec = pr < 0 ? 0 : pr;
                i++;
            } else {
                while (i < len && s[i] >= '0' && s[i] <= '9') {
                    f.prec = f.prec * 10 + (s[i++] - '0');
                    if (f.prec > 0x7fffffff) {
                        raise_msg(&type_ValueError, "precision too big");
                    }
                }
            }
        }
        while (i < len && (s[i] == 'l' || s[i] == 'h' || s[i] == 'L')) {
            i++;
        }
        if (i >= len) {
            raise_msg(&type_ValueError, "incomplete format");
        }
        char type = s[i++];
        if (type == '%') {
            vstr_add_byte(&out, '%');
            continue;
        }
        if (arg == OBJ_NULL) {
            if (arg_i >= n_args) {
                raise_msg(&type_TypeError, "not enough arguments for format string");
            }
            arg = args[arg_i++];
        }
        f.align = left ? '<' : '>';
        switch (type) {
            case 'd':
            case 'i':
            case 'u':
            case 'x':
            case 'X':
            case 'o': {
                if ((type == 'd' || type == 'i' || type == 'u') && (obj_type(arg)->flags & TYPE_FLAG_USER_CLASS)) {
                    obj_t n = rt_unary_op(UNARY_OP_INT, arg); /* %d takes __int__ */
                    if (n != OBJ_NULL && obj_is_int(n)) {
                        arg = n;
                    }
                }
                if (!obj_is_int(arg) && !obj_is_type(arg, &bool_type)) {
                    if (type == 'd' || type == 'i' || type == 'u') {
                        raise_fmt(&type_TypeError, "%%%c format: a real number is required, not %s", type, rt_type_name(arg));
                    }
                    raise_fmt(&type_TypeError, "%%%c format: an integer is required, not %s", type, rt_type_name(arg));
                }
                if (f.zero && !left) {
                    f.align = '=';
                    f.fill = '0';
                }
                f.zero = false;
                f.type = type == 'i' || type == 'u' ? 'd' : type;
                int_t min_digits = f.prec;
                f.prec = -1;
                if (type == 'o' && f.alt) {
                    /* %#o gives 0o */
                }
                fmt_int(&out, arg, &f, min_digits);
                break;
            }
            case 'c': {
                uint8_t buf[4];
                size_t n;
                if (obj_is_int(arg) || obj_is_type(arg, &bool_type)) {
                    int_t c = obj_get_int(arg);
                    if (is_bytes) {
                        if (c < 0 || c > 255) {
                            raise_msg(&type_OverflowError, "%c arg not in range(256)");
                        }
                        buf[0] = (uint8_t)c;
                        n = 1;
                    } else {
                        if (c < 0 || c > 0x10ffff) {
                            raise_msg(&type_OverflowError, "%c arg not in range(0x110000)");
                        }
                        n = utf8_encode((uint32_t)c, buf);
                    }
                } else if (!is_bytes && obj_is_str(arg) && str_char_len(arg) == 1) {
                    const char *d = str_get_data(arg, &n);
                    memcpy(buf, d, n);
                } else if (is_bytes && (obj_is_type(arg, &bytes_type) || obj_is_type(arg, &bytearray_type))) {
                    const char *d = str_get_data(arg, &n);
                    if (n != 1) {
                        raise_msg(&type_TypeError, "%c requires an integer in range(256) or a single byte");
                    }
                    buf[0] = (uint8_t)d[0];
                } else {
                    raise_msg(&type_TypeError, is_bytes ? "%c requires an integer in range(256) or a single byte"
                                                        : "%c requires int or char");
                }
                f.prec = -1;
                fmt_pad(&out, (const char *)buf, n, 1, &f, '>');
                break;
            }
            case 's':
            case 'r':
            case 'a':
            case 'b': {
                const char *d;
                size_t n;
                if (is_bytes) {
                    buffer_info_t bi;
                    if (type == 'r' || type == 'a') {
                        obj_t r = obj_ascii(arg);
                        d = str_get_data(r, &n);
                    } else if (!obj_is_str(arg) && rt_get_buffer(arg, &bi, BUFFER_READ)) {
                        d = bi.buf;
                        n = bi.len;
                    } else {
                        raise_fmt(&type_TypeError,
                            "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                            rt_type_name(arg));
                    }
                    if (f.prec >= 0 && (size_t)f.prec < n) {
                        n = (size_t)f.prec;
                    }
                    size_t pad = f.width > (int_t)n ? (size_t)f.width - n : 0;
                    if (!left) {
                        vstr_add_fill(&out, ' ', pad);
                    }
                    vstr_add_strn(&out, d, n);
                    if (left) {
                        vstr_add_fill(&out, ' ', pad);
                    }
                    break;
                }
                if (type == 'b') {
                    goto unsupported;
                }
                obj_t t = type == 's' ? obj_str(arg) : type == 'a' ? obj_ascii(arg) : obj_repr(arg);
                d = str_get_data(t, &n);
                fmt_text(&out, d, n, &f);
                break;
            }
            default:
            unsupported:
                raise_fmt(&type_ValueError, "unsupported format character '%c' (0x%x) at index %u", type,
                    (unsigned)(uint8_t)type, (unsigned)(i - 1));
        }
        (void)conv_start;
    }
    if (arg_i < n_args && !used_mapping && mapping == OBJ_NULL) {
        raise_msg(&type_TypeError, "not all arguments converted during string formatting");
    }
    return is_bytes ? bytes_new_from_vstr(&out) : str_new_from_vstr(&out);
}
