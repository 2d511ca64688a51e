/* modules/mod_io.c: io.StringIO and io.BytesIO: in-memory streams over a growable buffer
 * (read, readinto, readline, readlines, write, seek, tell, getvalue, close, flush, iteration,
 * with), io.IOBase (a base class for user streams) and io.open (the built-in open). Positions are
 * byte offsets and a seek before the start is OSError(EINVAL), as in MicroPython; write also takes
 * MicroPython's forms write(buf, len) and write(buf, off, len). A closed stream raises ValueError
 * on every operation but close. */
#include "core/obj.h"
#include "core/import.h"
#include "core/obj_str.h"
#include "core/runtime.h"

typedef struct {
    obj_base_t base;
    vstr_t buf;
    size_t pos;
    bool closed;
} bufio_obj_t;

static const type_t stringio_type, bytesio_type;

static bool is_text(bufio_obj_t *s) { return s->base.type == &stringio_type; }

static bufio_obj_t *bufio_self(obj_t o) {
    return obj_check_self(o, obj_type(o) == &bytesio_type ? &bytesio_type : &stringio_type);
}

static bufio_obj_t *get_open(obj_t o) {
    bufio_obj_t *s = bufio_self(o);
    if (s->closed) {
        raise_msg(&type_ValueError, "I/O operation on closed file");
    }
    return s;
}

static obj_t make_result(bufio_obj_t *s, const char *data, size_t len) {
    return is_text(s) ? str_new(data, len) : bytes_new(data, len);
}

static obj_t bufio_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, false);
    bufio_obj_t *s = NEW_OBJ(bufio_obj_t);
    s->base.type = type;
    /* BytesIO(n): room for n bytes reserved now (MicroPython's form: writes up to n then need no
     * allocation, e.g. with the heap locked) */
    int_t reserve = n_args == 1 && obj_is_small_int(args[0]) ? small_int_value(args[0]) : 0;
    vstr_init(&s->buf, reserve > 16 ? (size_t)reserve : 16);
    if (n_args == 1 && !obj_is_small_int(args[0])) {
        size_t len;
        const char *data;
        if (type == &stringio_type) {
            if (!obj_is_str(args[0])) {
                raise_fmt(&type_TypeError, "initial_value must be str, not %s", rt_type_name(args[0]));
            }
            data = str_get_data(args[0], &len);
        } else {
            buffer_info_t b;
            rt_get_buffer_or_raise(args[0], &b, BUFFER_READ);
            data = b.buf;
            len = b.len;
        }
        vstr_add_strn(&s->buf, data, len);
    }
    return OBJ_FROM_PTR(s);
}

static obj_t bufio_write(size_t n_args, size_t n_kw, const obj_t *args) {
    bufio_obj_t *s = get_open(args[0]);
    size_t len;
    const char *data;
    if (is_text(s)) {
        if (!obj_is_str(args[1])) {
            raise_fmt(&type_TypeError, "string argument expected, got '%s'", rt_type_name(args[1]));
        }
        data = str_get_data(args[1], &len);
    } else {
        buffer_info_t b;
        rt_get_buffer_or_raise(args[1], &b, BUFFER_READ);
        data = b.buf;
        len = b.len;
    }
    if (n_args > 2) {
        /* write(buf, len) or write(buf, off, len): a part of buf, clamped to it */
        size_t off = n_args == 4 ? (size_t)obj_get_int(args[2]) : 0;
        int_t n = obj_get_int(args[n_args - 1]);
        off = off > len ? len : off;
        len = n < 0 || (size_t)n > len - off ? len - off : (size_t)n;
        data += off;
    }
    size_t end = s->pos + len;
    while (s->buf.len < s->pos) {
        vstr_add_byte(&s->buf, 0); /* writing past the end after a seek pads with zeros */
    }
    if (end > s->buf.len) {
        vstr_add_len(&s->buf, end - s->buf.len);
    }
    memmove(s->buf.buf + s->pos, data, len);
    s->pos = end;
    return small_int_new((int_t)(is_text(s) ? len : len));
}
DEFINE_FUN(bufio_write_obj, write, 2, 4, bufio_write);

static obj_t bufio_read(size_t n_args, size_t n_kw, const obj_t *args) {
    bufio_obj_t *s = get_open(args[0]);
    size_t avail = s->pos < s->buf.len ? s->buf.len - s->pos : 0;
    size_t n = avail;
    if (n_args > 1 && args[1] != OBJ_NONE) {
        int_t want = obj_get_int(args[1]);
        if (want >= 0 && (size_t)want < avail) {
            n = (size_t)want;
            if (is_text(s)) {
                /* count characters, not bytes */
                size_t i = s->pos, chars = 0;
                while (i < s->buf.len && chars < (size_t)want) {
                    i++;
                    while (i < s->buf.len && ((uint8_t)s->buf.buf[i] & 0xC0) == 0x80) {
                        i++;
                    }
                    chars++;
                }
                n = i - s->pos;
            }
        }
    }
    obj_t r = make_result(s, s->buf.buf + s->pos, n);
    s->pos += n;
    return r;
}
DEFINE_FUN(bufio_read_obj, read, 1, 2, bufio_read);

static obj_t bufio_readinto(size_t n_args, size_t n_kw, const obj_t *args) {
    bufio_obj_t *s = get_open(args[0]);
    buffer_info_t b;
    rt_get_buffer_or_raise(args[1], &b, BUFFER_WRITE);
    size_t avail = s->pos < s->buf.len ? s->buf.len - s->pos : 0;
    size_t n = b.len < avail ? b.len : avail;
    if (n_args > 2 && args[2] != OBJ_NONE) {
        int_t want = obj_get_int(args[2]);
        n = want >= 0 && (size_t)want < n ? (size_t)want : n;
    }
    memcpy(b.buf, s->buf.buf + s->pos, n);
    s->pos += n;
    return small_int_new((int_t)n);
}
DEFINE_FUN(bufio_readinto_obj, readinto, 2, 3, bufio_readinto);

static obj_t bufio_readline_impl(bufio_obj_t *s, int_t limit) {
    size_t start = s->pos < s->buf.len ? s->pos : s->buf.len;
    size_t i = start;
    while (i < s->buf.len && (limit < 0 || (int_t)(i - start) < limit)) {
        if (s->buf.buf[i++] == '\n') {
            break;
        }
    }
    s->pos = i;
    return make_result(s, s->buf.buf + start, i - start);
}

static obj_t bufio_readline(size_t n_args, size_t n_kw, const obj_t *args) {
    bufio_obj_t *s = get_open(args[0]);
    int_t limit = n_args > 1 && args[1] != OBJ_NONE ? obj_get_int(args[1]) : -1;
    return bufio_readline_impl(s, limit);
}
DEFINE_FUN(bufio_readline_obj, readline, 1, 2, bufio_readline);

static obj_t bufio_readlines(size_t n_args, size_t n_kw, const obj_t *args) {
    bufio_obj_t *s = get_open(args[0]);
    obj_t list = list_new(0, NULL);
    while (s->pos < s->buf.len) {
        list_append(list, bufio_readline_impl(s, -1));
    }
    return list;
}
DEFINE_FUN(bufio_readlines_obj, readlines, 1, 2, bufio_readlines);

static obj_t bufio_iternext(obj_t self) {
    bufio_obj_t *s = get_open(self);
    if (s->pos >= s->buf.len) {
        return OBJ_NULL;
    }
    return bufio_readline_impl(s, -1);
}

static obj_t bufio_seek(size_t n_args, size_t n_kw, const obj_t *args) {
    bufio_obj_t *s = get_open(args[0]);
    int_t off = obj_get_int(args[1]);
    int_t whence = n_args > 2 ? obj_get_int(args[2]) : 0;
    int_t base;
    switch (whence) {
        case 0: base = 0; break;
        case 1: base = (int_t)s->pos; break;
        case 2: base = (int_t)s->buf.len; break;
        default: raise_fmt(&type_ValueError, "invalid whence (%d, should be 0, 1 or 2)", (int)whence);
    }
    int_t np = base + off;
    if (np < 0) {
        raise_os_error(22); /* EINVAL, as a real file says */
    }
    s->pos = (size_t)np;
    return small_int_new((int_t)s->pos);
}
DEFINE_FUN(bufio_seek_obj, seek, 2, 3, bufio_seek);

static obj_t bufio_tell(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new((int_t)get_open(args[0])->pos);
}
DEFINE_FUN(bufio_tell_obj, tell, 1, 1, bufio_tell);

static obj_t bufio_getvalue(size_t n_args, size_t n_kw, const obj_t *args) {
    bufio_obj_t *s = get_open(args[0]);
    return make_result(s, s->buf.buf, s->buf.len);
}
DEFINE_FUN(bufio_getvalue_obj, getvalue, 1, 1, bufio_getvalue);

static obj_t bufio_close(size_t n_args, size_t n_kw, const obj_t *args) {
    bufio_self(args[0])->closed = true;
    return OBJ_NONE;
}
DEFINE_FUN(bufio_close_obj, close, 1, 1, bufio_close);

static obj_t bufio_flush(size_t n_args, size_t n_kw, const obj_t *args) {
    get_open(args[0]);
    return OBJ_NONE;
}
DEFINE_FUN(bufio_flush_obj, flush, 1, 1, bufio_flush);

static obj_t bufio_enter(size_t n_args, size_t n_kw, const obj_t *args) { return args[0]; }
DEFINE_FUN(bufio_enter_obj, __enter__, 1, 1, bufio_enter);

static obj_t bufio_exit(size_t n_args, size_t n_kw, const obj_t *args) { return bufio_close(1, 0, args); }
DEFINE_FUN(bufio_exit_obj, __exit__, 1, 4, bufio_exit);

static const map_elem_t bufio_locals_table[] = {
    {ROM_QSTR(QSTR_read), ROM_PTR(&bufio_read_obj)},
    {ROM_QSTR(QSTR_readinto), ROM_PTR(&bufio_readinto_obj)},
    {ROM_QSTR(QSTR_readline), ROM_PTR(&bufio_readline_obj)},
    {ROM_QSTR(QSTR_readlines), ROM_PTR(&bufio_readlines_obj)},
    {ROM_QSTR(QSTR_write), ROM_PTR(&bufio_write_obj)},
    {ROM_QSTR(QSTR_seek), ROM_PTR(&bufio_seek_obj)},
    {ROM_QSTR(QSTR_tell), ROM_PTR(&bufio_tell_obj)},
    {ROM_QSTR(QSTR_getvalue), ROM_PTR(&bufio_getvalue_obj)},
    {ROM_QSTR(QSTR_close), ROM_PTR(&bufio_close_obj)},
    {ROM_QSTR(QSTR_flush), ROM_PTR(&bufio_flush_obj)},
    {ROM_QSTR(QSTR___enter__), ROM_PTR(&bufio_enter_obj)},
    {ROM_QSTR(QSTR___exit__), ROM_PTR(&bufio_exit_obj)},
};
static DEFINE_CONST_DICT(bufio_locals_dict, bufio_locals_table);

static void bufio_print(const print_t *p, obj_t o, print_kind_t kind) {
    print_fmt(p, "<io.%s %p>", is_text(OBJ_TO_PTR(o)) ? "StringIO" : "BytesIO", OBJ_TO_PTR(o));
}

static const type_t stringio_type = {.base = {&type_type}, .flags = TYPE_FLAG_ITER_IS_SELF, .name = QSTR_StringIO,
    .print = bufio_print, .make_new = bufio_make_new, .getiter = rt_identity_getiter, .iternext = bufio_iternext,
    .locals_dict = &bufio_locals_dict};
static const type_t bytesio_type = {.base = {&type_type}, .flags = TYPE_FLAG_ITER_IS_SELF, .name = QSTR_BytesIO,
    .print = bufio_print, .make_new = bufio_make_new, .getiter = rt_identity_getiter, .iternext = bufio_iternext,
    .locals_dict = &bufio_locals_dict};

/* io.IOBase: the base of streams written in Python (read/readinto/write/ioctl methods), which
 * select.poll and ssl use through those methods. It holds nothing itself. */
static obj_t iobase_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_base_t *o = NEW_OBJ(obj_base_t);
    o->type = type;
    return OBJ_FROM_PTR(o);
}
static const type_t iobase_type = {.base = {&type_type}, .name = QSTR_IOBase, .make_new = iobase_make_new};

static const map_elem_t io_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_io)},
    {ROM_QSTR(QSTR_StringIO), ROM_PTR(&stringio_type)},
    {ROM_QSTR(QSTR_BytesIO), ROM_PTR(&bytesio_type)},
    {ROM_QSTR(QSTR_IOBase), ROM_PTR(&iobase_type)},
    {ROM_QSTR(QSTR_open), ROM_PTR(&io_file_open_obj)},
};
static DEFINE_CONST_DICT(io_globals, io_globals_table);
const module_obj_t io_module = {{&module_type}, &io_globals};
REGISTER_MODULE(QSTR_io, io_module);
