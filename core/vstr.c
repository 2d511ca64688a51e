/* core/vstr.c: growable byte buffers for building strings (vstr_t, declared in obj.h).
 * Invariant: buf is a GC block of `alloc` bytes (or caller memory when `fixed`), len <= alloc;
 * growth at least doubles so appending n bytes one at a time costs O(n). A fixed vstr never
 * grows: writes past its end are dropped. */
#include "core/obj_str.h"

#include "core/gc.h"

void vstr_init(vstr_t *v, size_t alloc) {
    if (alloc < 16) {
        alloc = 16;
    }
    v->alloc = alloc;
    v->len = 0;
    v->fixed = false;
    v->buf = gc_alloc(alloc, false);
}

void vstr_init_fixed(vstr_t *v, char *buf, size_t alloc) {
    v->alloc = alloc;
    v->len = 0;
    v->fixed = true;
    v->buf = buf;
}

void vstr_clear(vstr_t *v) {
    if (!v->fixed && v->buf != NULL) {
        gc_free(v->buf);
    }
    v->buf = NULL;
    v->alloc = 0;
    v->len = 0;
}

/* Makes room for `extra` more bytes; false only for a full fixed buffer. */
static bool vstr_grow(vstr_t *v, size_t extra) {
    if (v->len + extra <= v->alloc) {
        return true;
    }
    if (v->fixed) {
        return false;
    }
    size_t want = v->alloc * 2;
    if (want < v->len + extra) {
        want = v->len + extra + 16;
    }
    v->buf = gc_realloc(v->buf, want);
    v->alloc = want;
    return true;
}

void vstr_ensure_extra(vstr_t *v, size_t extra) { vstr_grow(v, extra); }

char *vstr_add_len(vstr_t *v, size_t n) {
    if (!vstr_grow(v, n)) {
        return NULL;
    }
    char *p = v->buf + v->len;
    v->len += n;
    return p;
}

void vstr_add_byte(vstr_t *v, uint8_t b) {
    if (v->len < v->alloc || vstr_grow(v, 1)) {
        v->buf[v->len++] = (char)b;
    }
}

void vstr_add_char(vstr_t *v, uint32_t cp) {
    if (cp < 0x80) {
        vstr_add_byte(v, (uint8_t)cp);
        return;
    }
    uint8_t tmp[4];
    size_t n = utf8_encode(cp, tmp);
    vstr_add_strn(v, (const char *)tmp, n);
}

void vstr_add_strn(vstr_t *v, const char *s, size_t len) {
    if (!vstr_grow(v, len)) {
        len = v->alloc - v->len; /* fixed buffer: keep what fits */
    }
    memcpy(v->buf + v->len, s, len);
    v->len += len;
}

void vstr_add_str(vstr_t *v, const char *s) { vstr_add_strn(v, s, strlen(s)); }

void vstr_add_fill(vstr_t *v, uint8_t b, size_t n) {
    if (!vstr_grow(v, n)) {
        n = v->alloc - v->len;
    }
    memset(v->buf + v->len, b, n);
    v->len += n;
}

void vstr_cut_tail(vstr_t *v, size_t n) { v->len = n > v->len ? 0 : v->len - n; }

char *vstr_null_terminated(vstr_t *v) {
    if (v->len >= v->alloc && !vstr_grow(v, 1)) {
        v->buf[v->alloc - 1] = '\0'; /* fixed and full: sacrifice the last byte */
        v->len = v->alloc - 1;
        return v->buf;
    }
    v->buf[v->len] = '\0';
    return v->buf;
}

static void vstr_print_write(void *data, const char *s, size_t len) { vstr_add_strn((vstr_t *)data, s, len); }

void vstr_print_init(vstr_t *v, print_t *print) {
    print->data = v;
    print->write = vstr_print_write;
}
