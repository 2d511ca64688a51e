/* modules/stream.c: the methods of modules/stream.h over a type's stream_p_t. Like MicroPython's
 * streams: read(n)/readinto(buf) gather until n bytes or the end of the stream, and a stream that
 * would block ends the call with what it has, or None when that is nothing; write(buf) sends all of
 * buf unless the stream would block (then the count so far, or None). */
#include "modules/stream.h"

#include <errno.h>
#include <string.h>

#include "core/obj_str.h"
#include "core/runtime.h"
#include "modules/mod_io_file.h"

const stream_p_t *stream_get(obj_t o) {
    if (!obj_is_ptr(o)) {
        return NULL;
    }
    const stream_p_t *p = obj_type(o)->protocol;
    return p != NULL && p->kind == QSTR_stream ? p : NULL;
}

NORETURN void stream_raise(ssize_t err) { raise_os_error((int)-err); }

static const stream_p_t *stream_of(obj_t self) {
    const stream_p_t *p = stream_get(self);
    if (p == NULL) {
        raise_msg(&type_TypeError, "stream operation not supported");
    }
    return p;
}

/* Reads up to len bytes into buf, looping until len or the end; *would_block when the stream had
 * no more for now. */
static size_t stream_gather(obj_t self, const stream_p_t *p, uint8_t *buf, size_t len, bool *would_block) {
    size_t got = 0;
    *would_block = false;
    while (got < len) {
        ssize_t n = p->read(self, buf + got, len - got);
        if (n == -EAGAIN) {
            *would_block = true;
            break;
        }
        if (n < 0) {
            stream_raise(n);
        }
        if (n == 0) {
            break;
        }
        got += (size_t)n;
    }
    return got;
}

static obj_t stream_read(size_t n_args, size_t n_kw, const obj_t *args) {
    const stream_p_t *p = stream_of(args[0]);
    int_t want = n_args > 1 && args[1] != OBJ_NONE ? obj_get_int(args[1]) : -1;
    vstr_t v;
    bool wb = false;
    if (want >= 0) {
        vstr_init(&v, (size_t)want + 1);
        v.len = stream_gather(args[0], p, (uint8_t *)v.buf, (size_t)want, &wb);
    } else {
        /* everything to the end of the stream */
        vstr_init(&v, 256);
        for (;;) {
            if (v.alloc - v.len < 256) {
                v.buf = gc_realloc(v.buf, v.alloc * 2);
                v.alloc *= 2;
            }
            size_t room = v.alloc - v.len - 1;
            ssize_t n = p->read(args[0], v.buf + v.len, room);
            if (n == -EAGAIN) {
                wb = true;
                break;
            }
            if (n < 0) {
                stream_raise(n);
            }
            if (n == 0) {
                break;
            }
            v.len += (size_t)n;
        }
    }
    if (v.len == 0 && wb) {
        return OBJ_NONE;
    }
    return bytes_new(v.buf, v.len);
}
DEFINE_FUN(stream_read_obj, read, 1, 2, stream_read);

static obj_t stream_readinto(size_t n_args, size_t n_kw, const obj_t *args) {
    const stream_p_t *p = stream_of(args[0]);
    buffer_info_t bi;
    io_readinto_target(n_args, args, &bi);
    bool wb;
    size_t got = stream_gather(args[0], p, bi.buf, bi.len, &wb);
    if (got == 0 && wb) {
        return OBJ_NONE;
    }
    return small_int_new((int_t)got);
}
DEFINE_FUN(stream_readinto_obj, readinto, 2, 3, stream_readinto);

static obj_t stream_readline(size_t n_args, size_t n_kw, const obj_t *args) {
    const stream_p_t *p = stream_of(args[0]);
    int_t limit = n_args > 1 && args[1] != OBJ_NONE ? obj_get_int(args[1]) : -1;
    vstr_t v;
    vstr_init(&v, 64);
    while (limit < 0 || (int_t)v.len < limit) {
        uint8_t c;
        ssize_t n = p->read(args[0], &c, 1);
        if (n == -EAGAIN) {
            if (v.len == 0) {
                return OBJ_NONE;
            }
            break;
        }
        if (n < 0) {
            stream_raise(n);
        }
        if (n == 0) {
            break;
        }
        vstr_add_byte(&v, c);
        if (c == '\n') {
            break;
        }
    }
    return bytes_new(v.buf, v.len);
}
DEFINE_FUN(stream_readline_obj, readline, 1, 2, stream_readline);

static obj_t stream_write(size_t n_args, size_t n_kw, const obj_t *args) {
    const stream_p_t *p = stream_of(args[0]);
    buffer_info_t bi;
    rt_get_buffer_or_raise(args[1], &bi, BUFFER_READ);
    const uint8_t *data = bi.buf;
    size_t len = bi.len;
    if (n_args > 2) { /* write(buf, off[, n]) as MicroPython's streams allow */
        int_t off = obj_get_int(args[2]);
        if (off < 0 || (size_t)off > len) {
            off = (int_t)len;
        }
        data += off;
        len -= (size_t)off;
        if (n_args > 3) {
            int_t max = obj_get_int(args[3]);
            if (max >= 0 && (size_t)max < len) {
                len = (size_t)max;
            }
        }
    }
    size_t done = 0;
    while (done < len) {
        ssize_t n = p->write(args[0], data + done, len - done);
        if (n == -EAGAIN) {
            if (done == 0) {
                return OBJ_NONE;
            }
            break;
        }
        if (n < 0) {
            stream_raise(n);
        }
        done += (size_t)n;
    }
    return small_int_new((int_t)done);
}
DEFINE_FUN(stream_write_obj, write, 2, 4, stream_write);

obj_t stream_read_to_end(obj_t o) {
    obj_t m[3];
    rt_load_method_maybe(o, QSTR_read, m);
    if (m[0] != OBJ_NULL) {
        return rt_call_method(0, 0, m);
    }
    rt_load_method_maybe(o, QSTR_readinto, m);
    if (m[0] == OBJ_NULL) {
        raise_msg(&type_OSError, "stream operation not supported");
    }
    enum { CHUNK = 1 }; /* a byte per call, as MicroPython's readers ask: a bad count shows at once */
    obj_t meth = m[0], self = m[1];
    vstr_t v;
    vstr_init(&v, CHUNK);
    static const char zeros[CHUNK];
    obj_t chunk = bytearray_new(zeros, CHUNK);
    for (;;) {
        m[0] = meth;
        m[1] = self;
        m[2] = chunk;
        obj_t r = rt_call_method(1, 0, m);
        if (r == OBJ_NONE) {
            break;
        }
        int_t n;
        if (!obj_get_int_maybe(r, &n) || n < 0 || n > CHUNK) {
            raise_os_error(EIO);
        }
        if (n == 0) {
            break;
        }
        buffer_info_t bi;
        rt_get_buffer_or_raise(chunk, &bi, BUFFER_READ);
        vstr_add_strn(&v, bi.buf, (size_t)n);
    }
    return bytes_new(v.buf, v.len);
}
