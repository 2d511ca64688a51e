/* core/print.c: the print_t sinks (stdout/stderr over port.h), a printf-like formatter that
 * understands obj_t (%r repr, %S str, %q qstr) and the repr/str entry points of every object.
 * Invariant: all text output of the core funnels through a print_t, so the same code prints to
 * the console, to a vstr (str()/repr()) or to a stream. */
#include <stdarg.h>

#include "core/digits.h"
#include "core/obj_str.h"
#include "core/port.h"
#include "core/qstr.h"
#include "core/runtime.h"

static void print_stdout_write(void *data, const char *s, size_t len) { port_write(s, len); }
static void print_stderr_write(void *data, const char *s, size_t len) { port_write_err(s, len); }
const print_t print_stdout = {NULL, print_stdout_write};
const print_t print_stderr = {NULL, print_stderr_write};

void print_str(const print_t *p, const char *s) { p->write(p->data, s, strlen(s)); }

void print_strn(const print_t *p, const char *s, size_t len) {
    if (len > 0) {
        p->write(p->data, s, len);
    }
}

/* Writes s padded to width (left-justified when left). */
static int print_padded(const print_t *p, const char *s, size_t len, int width, bool left, char fill) {
    int pad = width > (int)len ? width - (int)len : 0;
    char fb[16];
    memset(fb, fill, sizeof(fb));
    if (!left) {
        for (int k = pad; k > 0; k -= 16) {
            print_strn(p, fb, k > 16 ? 16 : (size_t)k);
        }
    }
    print_strn(p, s, len);
    if (left) {
        for (int k = pad; k > 0; k -= 16) {
            print_strn(p, fb, k > 16 ? 16 : (size_t)k);
        }
    }
    return (int)len + pad;
}

/* Formats an unsigned value in base (2..16) into the tail of buf; returns the start. */
static char *print_utoa(char *end, unsigned long long v, unsigned base, bool upper) {
    const char *digits = upper ? DIGITS_UPPER : DIGITS_LOWER;
    char *s = end;
    do {
        *--s = digits[v % base];
        v /= base;
    } while (v != 0);
    return s;
}

static int print_obj_padded(const print_t *p, obj_t o, print_kind_t kind, int width, bool left) {
    if (width <= 0) {
        obj_print(p, o, kind);
        return 0;
    }
    vstr_t v;
    vstr_init(&v, 32);
    print_t vp;
    vstr_print_init(&v, &vp);
    obj_print(&vp, o, kind);
    int n = print_padded(p, v.buf, v.len, width, left, ' ');
    vstr_clear(&v);
    return n;
}

int print_fmt(const print_t *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int total = print_vfmt(p, fmt, ap);
    va_end(ap);
    return total;
}

int print_vfmt(const print_t *p, const char *fmt, va_list ap) {
    int total = 0;
    while (*fmt) {
        const char *start = fmt;
        while (*fmt && *fmt != '%') {
            fmt++;
        }
        if (fmt > start) {
            print_strn(p, start, (size_t)(fmt - start));
            total += (int)(fmt - start);
        }
        if (!*fmt) {
            break;
        }
        fmt++; /* '%' */
        bool left = false, zero = false;
        for (;; fmt++) {
            if (*fmt == '-') {
                left = true;
            } else if (*fmt == '0') {
                zero = true;
            } else {
                break;
            }
        }
        int width = 0;
        if (*fmt == '*') {
            width = va_arg(ap, int);
            fmt++;
        } else {
            while (*fmt >= '0' && *fmt <= '9') {
                width = width * 10 + (*fmt++ - '0');
            }
        }
        int prec = -1;
        if (*fmt == '.') {
            fmt++;
            if (*fmt == '*') {
                prec = va_arg(ap, int);
                fmt++;
            } else {
                prec = 0;
                while (*fmt >= '0' && *fmt <= '9') {
                    prec = prec * 10 + (*fmt++ - '0');
                }
            }
        }
        int lng = 0; /* 1: l, 2: ll, 3: z */
        if (*fmt == 'l') {
            lng = 1;
            fmt++;
            if (*fmt == 'l') {
                lng = 2;
                fmt++;
            }
        } else if (*fmt == 'z') {
            lng = 3;
            fmt++;
        }
        char buf[72];
        char *end = buf + sizeof(buf);
        char c = *fmt ? *fmt++ : '\0';
        switch (c) {
            case 'd':
            case 'i': {
                long long v = lng == 0 ? va_arg(ap, int)
                              : lng == 1 ? va_arg(ap, long)
                              : lng == 2 ? va_arg(ap, long long)
                                         : (long long)va_arg(ap, intptr_t);
                unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
                char *s = print_utoa(end, u, 10, false);
                if (v < 0) {
                    if (zero && !left && width > 0) {
                        print_strn(p, "-", 1);
                        total += 1 + print_padded(p, s, (size_t)(end - s), width - 1, false, '0');
                        break;
                    }
                    *--s = '-';
                }
                total += print_padded(p, s, (size_t)(end - s), width, left, zero && !left ? '0' : ' ');
                break;
            }
            case 'u':
            case 'x':
            case 'X':
            case 'o': {
                unsigned long long v = lng == 0 ? va_arg(ap, unsigned)
                                       : lng == 1 ? va_arg(ap, unsigned long)
                                       : lng == 2 ? va_arg(ap, unsigned long long)
                                                  : (unsigned long long)va_arg(ap, size_t);
                unsigned base = c == 'u' ? 10 : c == 'o' ? 8 : 16;
                char *s = print_utoa(end, v, base, c == 'X');
                total += print_padded(p, s, (size_t)(end - s), width, left, zero && !left ? '0' : ' ');
                break;
            }
            case 'p': {
                void *ptr = va_arg(ap, void *);
                char *s = print_utoa(end, (uintptr_t)ptr, 16, false);
                *--s = 'x';
                *--s = '0';
                total += print_padded(p, s, (size_t)(end - s), width, left, ' ');
                break;
            }
            case 'c': {
                uint8_t tmp[4];
                size_t n = utf8_encode((uint32_t)va_arg(ap, int), tmp);
                total += print_padded(p, (const char *)tmp, n, width, left, ' ');
                break;
            }
            case 's': {
                const char *s = va_arg(ap, const char *);
                if (s == NULL) {
                    s = "(null)";
                }
                size_t n = prec >= 0 ? strnlen(s, (size_t)prec) : strlen(s);
                total += print_padded(p, s, n, width, left, ' ');
                break;
            }
            case 'q': {
                size_t n;
                const char *s = qstr_data((qstr)va_arg(ap, unsigned), &n);
                total += print_padded(p, s, n, width, left, ' ');
                break;
            }
            case 'r':
                total += print_obj_padded(p, va_arg(ap, obj_t), PRINT_REPR, width, left);
                break;
            case 'S':
                total += print_obj_padded(p, va_arg(ap, obj_t), PRINT_STR, width, left);
                break;
            case '%':
                print_strn(p, "%", 1);
                total++;
                break;
            default:
                /* unknown conversion: print it literally */
                print_strn(p, start + (fmt - start) - 1, c ? 1 : 0);
                break;
        }
    }
    return total;
}

void obj_print(const print_t *p, obj_t o, print_kind_t kind) {
    rt_stack_check();
    const type_t *t = obj_type(o);
    if (t->print != NULL) {
        t->print(p, o, kind);
        return;
    }
    print_fmt(p, "<%q object at %p>", (unsigned)t->name, (void *)o);
}

/* Out of line (as print_small_int_str): obj_str's common case, a str, then needs no stack frame. */
__attribute__((noinline)) static obj_t print_to_str(obj_t o, print_kind_t kind) {
    vstr_t v;
    vstr_init(&v, 16);
    print_t vp;
    vstr_print_init(&v, &vp);
    obj_print(&vp, o, kind);
    return str_new_from_vstr(&v);
}

/* str()/repr() of a small int without a temporary buffer on the heap. */
__attribute__((noinline)) static obj_t print_small_int_str(obj_t o) {
    char buf[24];
    char *end = buf + sizeof(buf);
    int_t v = small_int_value(o);
    char *s = print_utoa(end, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v, 10, false);
    if (v < 0) {
        *--s = '-';
    }
    return str_new_sized(s, (size_t)(end - s), (size_t)(end - s));
}

obj_t obj_repr(obj_t o) {
    if (obj_is_small_int(o)) {
        return print_small_int_str(o);
    }
    return print_to_str(o, PRINT_REPR);
}

obj_t obj_str(obj_t o) {
    if (obj_is_str(o)) {
        return o;
    }
    if (obj_is_small_int(o)) {
        return print_small_int_str(o);
    }
    return print_to_str(o, PRINT_STR);
}
