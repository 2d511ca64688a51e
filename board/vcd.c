/* board/vcd.c: the VCD writer of vcd.h. Changes are formatted by hand into one buffer (no printf
 * on the hot path: a pin toggled in a Python loop writes millions of changes a second) and handed
 * to the sink when it fills, on vcd_flush and at the end. A stamp line is written only when the
 * time moved since the last one, so changes at one instant share it.
 * Invariant: while a dump runs, buf never holds more than VCD_BUF_SIZE - VCD_LINE_MAX bytes. */
#include "board/vcd.h"

#include <stdio.h>
#include <string.h>

#define VCD_LINE_MAX 128 /* longest line: a 64-bit vector, or a stamp, or a real */
/* Identifier codes: printable ASCII '!'..'~' but '#' and '$', which the standard allows but
 * readers that split on tokens take for a stamp or a keyword (sigrok does). */
static const char vcd_id_chars[] = "!\"%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
                                   "abcdefghijklmnopqrstuvwxyz{|}~";
#define VCD_ID_BASE ((int)sizeof(vcd_id_chars) - 1)

void vcd_init(vcd_t *v) {
    memset(v, 0, sizeof(*v));
}

static bool vcd_name_ok(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n >= VCD_NAME_MAX) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] <= ' ' || s[i] > '~') { /* a VCD name is one token */
            return false;
        }
    }
    return true;
}

int vcd_find(const vcd_t *v, const char *name) {
    for (int i = 0; i < v->count; i++) {
        if (strcmp(v->sig[i].name, name) == 0) {
            return i;
        }
    }
    return -1;
}

int vcd_add(vcd_t *v, const char *scope, const char *name, unsigned width) {
    if (v->count >= VCD_MAX_SIGNALS || width > 64 || !vcd_name_ok(scope) || !vcd_name_ok(name) ||
        vcd_find(v, name) >= 0) {
        return -1;
    }
    vcd_signal_t *s = &v->sig[v->count];
    memset(s, 0, sizeof(*s));
    strcpy(s->scope, scope);
    strcpy(s->name, name);
    s->width = (uint8_t)width;
    s->state = VCD_X;
    return v->count++;
}

bool vcd_running(const vcd_t *v) { return v->sink != NULL; }

void vcd_flush(vcd_t *v) {
    if (v->sink != NULL && v->len > 0) {
        if (!v->sink(v->sink_ctx, v->buf, v->len)) {
            v->failed = true;
            v->sink = NULL; /* the dump ends; what the signals do is still followed */
        }
    }
    v->len = 0;
}

static void vcd_room(vcd_t *v) {
    if (v->len > VCD_BUF_SIZE - VCD_LINE_MAX) {
        vcd_flush(v);
    }
}

/* Text for the header: any length, flushed as it fills. */
static void put_s(vcd_t *v, const char *s) {
    for (; *s != '\0'; s++) {
        vcd_room(v);
        v->buf[v->len++] = *s;
    }
}

/* The formatters write at a cursor p into buf (room checked by the caller: one line fits in
 * VCD_LINE_MAX) and return the cursor after what they wrote. A local cursor, not v->len, so
 * that the compiler keeps it in a register across the byte stores. */
/* Decimal digits written two at a time from a table, straight into place (the length is found
 * first by comparisons): a stamp is formatted for every change of a busy pin. */
static const char digit_pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                  "8081828384858687888990919293949596979899";

static char *fmt_u64(char *p, uint64_t x) {
    int n = 1;
    for (uint64_t pow = 10; n < 20 && x >= pow; pow *= 10) {
        n++;
    }
    char *end = p + n, *q = end;
    while (x >= 100) {
        unsigned r = (unsigned)(x % 100);
        x /= 100;
        q -= 2;
        memcpy(q, digit_pairs + 2 * r, 2);
    }
    if (x >= 10) {
        memcpy(q - 2, digit_pairs + 2 * x, 2);
    } else {
        q[-1] = (char)('0' + x);
    }
    return end;
}

static char *fmt_id(char *p, int id) {
    do {
        *p++ = vcd_id_chars[id % VCD_ID_BASE];
        id /= VCD_ID_BASE;
    } while (id != 0);
    return p;
}

static char *fmt_stamp(vcd_t *v, char *p, uint64_t t) {
    if (t < v->last_t) {
        t = v->last_t; /* never backwards: a late change lands at the last stamp */
    }
    if (v->stamped && t == v->last_t) {
        return p;
    }
    /* The stamp's digits are last_t's plus the (small) step, added digit by digit: a few
     * digits of work instead of a division per digit of a 10-20 digit number. */
    *p++ = '#';
    p = fmt_u64(p, t);
    *p++ = '\n';
    v->last_t = t;
    v->stamped = true;
    return p;
}

/* One value line for signal id (its current value), without the stamp. */
static char *fmt_value(const vcd_t *v, char *p, int id) {
    const vcd_signal_t *s = &v->sig[id];
    if (s->width == 0) {
        p += snprintf(p, 40, "r%.17g ", s->real);
    } else if (s->width == 1) {
        *p++ = s->state != 0 ? s->state : (char)('0' + (int)(s->value & 1));
    } else {
        *p++ = 'b';
        if (s->state != 0) {
            *p++ = s->state; /* one x/z extends to the vector's width */
        } else {
            int top = s->width - 1;
            while (top > 0 && !((s->value >> top) & 1)) {
                top--; /* leading zeros dropped, as the standard allows */
            }
            for (int b = top; b >= 0; b--) {
                *p++ = (char)('0' + (int)((s->value >> b) & 1));
            }
        }
        *p++ = ' ';
    }
    p = fmt_id(p, id);
    *p++ = '\n';
    return p;
}

static void put_stamp(vcd_t *v, uint64_t t) {
    vcd_room(v);
    v->len = (size_t)(fmt_stamp(v, v->buf + v->len, t) - v->buf);
}

static void put_value(vcd_t *v, int id) {
    vcd_room(v);
    v->len = (size_t)(fmt_value(v, v->buf + v->len, id) - v->buf);
}

static void vcd_changed(vcd_t *v, int id, uint64_t t) {
    if (v->sink == NULL) {
        return;
    }
    vcd_room(v);
    char *p = fmt_stamp(v, v->buf + v->len, t);
    p = fmt_value(v, p, id);
    v->len = (size_t)(p - v->buf);
    v->changes++;
}

static bool vcd_valid(const vcd_t *v, int id) { return id >= 0 && id < v->count; }

void vcd_set(vcd_t *v, int id, uint64_t t, uint64_t value) {
    if (!vcd_valid(v, id) || v->sig[id].width == 0) {
        return;
    }
    vcd_signal_t *s = &v->sig[id];
    if (s->width < 64) {
        value &= ((uint64_t)1 << s->width) - 1;
    }
    if (s->state == 0 && s->value == value) {
        return;
    }
    s->state = 0;
    s->value = value;
    vcd_changed(v, id, t);
}

void vcd_set_state(vcd_t *v, int id, uint64_t t, char state) {
    if (!vcd_valid(v, id) || v->sig[id].width == 0) {
        return;
    }
    if (state == VCD_0 || state == VCD_1) {
        vcd_set(v, id, t, state == VCD_1 ? ~(uint64_t)0 : 0);
        return;
    }
    if (state != VCD_X && state != VCD_Z) {
        return;
    }
    vcd_signal_t *s = &v->sig[id];
    if (s->state == state) {
        return;
    }
    s->state = state;
    vcd_changed(v, id, t);
}

void vcd_set_real(vcd_t *v, int id, uint64_t t, double value) {
    if (!vcd_valid(v, id) || v->sig[id].width != 0) {
        return;
    }
    vcd_signal_t *s = &v->sig[id];
    if (s->state == 0 && s->real == value) {
        return;
    }
    s->state = 0;
    s->real = value;
    vcd_changed(v, id, t);
}

static bool vcd_open(vcd_t *v, vcd_sink_fn sink, void *ctx, uint64_t t) {
    if (v->sink != NULL || sink == NULL) {
        return false;
    }
    v->sink = sink;
    v->sink_ctx = ctx;
    v->failed = false;
    v->stamped = false;
    v->last_t = t;
    v->changes = 0;
    v->len = 0;
    return true;
}

bool vcd_resume(vcd_t *v, vcd_sink_fn sink, void *ctx, uint64_t t) {
    if (!vcd_open(v, sink, ctx, t)) {
        return false;
    }
    put_stamp(v, t);
    for (int i = 0; i < v->count; i++) {
        put_value(v, i);
    }
    vcd_flush(v);
    return !v->failed;
}

bool vcd_start(vcd_t *v, vcd_sink_fn sink, void *ctx, uint64_t t, const char *comment) {
    if (!vcd_open(v, sink, ctx, t)) {
        return false;
    }
    put_s(v, "$version virtual WiPy $end\n");
    if (comment != NULL) {
        put_s(v, "$comment ");
        put_s(v, comment);
        put_s(v, " $end\n");
    }
    put_s(v, "$timescale 1ns $end\n");
    /* one $scope block per scope name, in order of first use */
    for (int i = 0; i < v->count; i++) {
        bool seen = false;
        for (int j = 0; j < i && !seen; j++) {
            seen = strcmp(v->sig[j].scope, v->sig[i].scope) == 0;
        }
        if (seen) {
            continue;
        }
        put_s(v, "$scope module ");
        put_s(v, v->sig[i].scope);
        put_s(v, " $end\n");
        for (int j = i; j < v->count; j++) {
            const vcd_signal_t *s = &v->sig[j];
            if (strcmp(s->scope, v->sig[i].scope) != 0) {
                continue;
            }
            put_s(v, s->width == 0 ? "$var real 64 " : "$var wire ");
            vcd_room(v);
            char *p = v->buf + v->len;
            if (s->width != 0) {
                p = fmt_u64(p, s->width);
                *p++ = ' ';
            }
            p = fmt_id(p, j);
            *p++ = ' ';
            v->len = (size_t)(p - v->buf);
            put_s(v, s->name);
            put_s(v, " $end\n");
        }
        put_s(v, "$upscope $end\n");
    }
    put_s(v, "$enddefinitions $end\n");
    put_stamp(v, t);
    put_s(v, "$dumpvars\n");
    for (int i = 0; i < v->count; i++) {
        put_value(v, i);
    }
    put_s(v, "$end\n");
    vcd_flush(v);
    return !v->failed;
}

bool vcd_stop(vcd_t *v, uint64_t t) {
    if (v->sink != NULL) {
        put_stamp(v, t);
        vcd_flush(v);
    }
    bool ok = !v->failed;
    v->sink = NULL;
    v->sink_ctx = NULL;
    v->failed = false;
    return ok;
}
