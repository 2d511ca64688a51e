/* modules/mod_io_file.c: open() in script mode: minimal text and binary file objects over host
 * file descriptors (read, readline, readlines, readinto, write, seek, tell, flush, close,
 * iteration, with). The board's VFS will later route open() elsewhere.
 * Invariant: fd >= 0 while open, -1 once closed; the GC finaliser closes a forgotten file. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "core/obj_str.h"
#include "core/runtime.h"

typedef struct {
    obj_base_t base;
    int fd;
    bool text;
} io_file_obj_t;

static const type_t io_textio_type, io_fileio_type;

/* self of a file method, checked to be a file (a method taken from the class may get anything) */
static io_file_obj_t *io_file_self(obj_t o) {
    return obj_check_self(o, obj_type(o) == &io_fileio_type ? &io_fileio_type : &io_textio_type);
}

static io_file_obj_t *io_file_get(obj_t o) {
    io_file_obj_t *f = io_file_self(o);
    if (f->fd < 0) {
        raise_msg(&type_ValueError, "I/O operation on closed file");
    }
    return f;
}

static obj_t io_file_result(io_file_obj_t *f, vstr_t *v) {
    return f->text ? str_new(v->buf != NULL ? v->buf : "", v->len) : bytes_new(v->buf != NULL ? v->buf : "", v->len);
}

/* read(n) bytes (all if n < 0) into v */
static void io_file_read_into(io_file_obj_t *f, vstr_t *v, int_t n) {
    char chunk[512];
    while (n != 0) {
        size_t want = n < 0 || n > (int_t)sizeof(chunk) ? sizeof(chunk) : (size_t)n;
        ssize_t got = read(f->fd, chunk, want);
        if (got < 0) {
            if (errno == EINTR) {
                rt_check_pending();
                continue;
            }
            raise_os_error(errno);
        }
        if (got == 0) {
            break;
        }
        vstr_add_strn(v, chunk, (size_t)got);
        if (n > 0) {
            n -= got;
        }
    }
}

static obj_t io_file_read(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    int_t n = n_args > 1 && args[1] != OBJ_NONE ? obj_get_int(args[1]) : -1;
    vstr_t v;
    vstr_init(&v, n > 0 && n < 4096 ? (size_t)n : 256);
    io_file_read_into(f, &v, n);
    return io_file_result(f, &v);
}
static DEFINE_FUN(io_file_read_obj, read, 1, 2, io_file_read);

/* One line (with its '\n'); reads ahead in chunks and seeks back over the rest. */
static bool io_file_line(io_file_obj_t *f, vstr_t *v, int_t limit) {
    char chunk[256];
    for (;;) {
        ssize_t got = read(f->fd, chunk, sizeof(chunk));
        if (got < 0) {
            if (errno == EINTR) {
                rt_check_pending();
                continue;
            }
            raise_os_error(errno);
        }
        if (got == 0) {
            return v->len > 0;
        }
        for (ssize_t i = 0; i < got; i++) {
            if (chunk[i] == '\n' || (limit >= 0 && (int_t)v->len + i + 1 >= limit)) {
                vstr_add_strn(v, chunk, (size_t)i + 1);
                if (i + 1 < got && lseek(f->fd, (off_t)(i + 1 - got), SEEK_CUR) < 0) {
                    raise_os_error(errno);
                }
                return true;
            }
        }
        vstr_add_strn(v, chunk, (size_t)got);
    }
}

static obj_t io_file_readline(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    int_t limit = n_args > 1 && args[1] != OBJ_NONE ? obj_get_int(args[1]) : -1;
    vstr_t v;
    vstr_init(&v, 64);
    if (limit != 0) {
        io_file_line(f, &v, limit);
    }
    return io_file_result(f, &v);
}
static DEFINE_FUN(io_file_readline_obj, readline, 1, 2, io_file_readline);

static obj_t io_file_readlines(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    obj_t l = list_new(0, NULL);
    for (;;) {
        vstr_t v;
        vstr_init(&v, 64);
        if (!io_file_line(f, &v, -1)) {
            break;
        }
        list_append(l, io_file_result(f, &v));
    }
    return l;
}
static DEFINE_FUN(io_file_readlines_obj, readlines, 1, 2, io_file_readlines);

static obj_t io_file_iternext(obj_t self) {
    io_file_obj_t *f = io_file_get(self);
    vstr_t v;
    vstr_init(&v, 64);
    if (!io_file_line(f, &v, -1)) {
        return OBJ_NULL;
    }
    return io_file_result(f, &v);
}

static obj_t io_file_readinto(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    buffer_info_t bi;
    rt_get_buffer_or_raise(args[1], &bi, BUFFER_WRITE);
    size_t len = bi.len;
    if (n_args > 2) {
        int_t n = obj_get_int(args[2]);
        if (n >= 0 && (size_t)n < len) {
            len = (size_t)n;
        }
    }
    size_t done = 0;
    while (done < len) {
        ssize_t got = read(f->fd, (char *)bi.buf + done, len - done);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            raise_os_error(errno);
        }
        if (got == 0) {
            break;
        }
        done += (size_t)got;
    }
    return int_from_uint(done);
}
static DEFINE_FUN(io_file_readinto_obj, readinto, 2, 3, io_file_readinto);

static obj_t io_file_write(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    const char *data;
    size_t len;
    if (f->text) {
        if (!obj_is_str(args[1])) {
            raise_fmt(&type_TypeError, "can't convert '%s' object to str implicitly", rt_type_name(args[1]));
        }
        data = str_get_data(args[1], &len);
    } else {
        buffer_info_t bi;
        if (obj_is_str(args[1]) || !rt_get_buffer(args[1], &bi, BUFFER_READ)) {
            raise_msg(&type_TypeError, "object with buffer protocol required");
        }
        data = (const char *)bi.buf;
        len = bi.len;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(f->fd, data + done, len - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            raise_os_error(errno);
        }
        done += (size_t)n;
    }
    return int_from_uint(f->text ? str_char_len(args[1]) : len);
}
static DEFINE_FUN(io_file_write_obj, write, 2, 2, io_file_write);

static obj_t io_file_seek(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    int_t off = obj_get_int(args[1]);
    int_t whence = n_args > 2 ? obj_get_int(args[2]) : 0;
    off_t r = lseek(f->fd, (off_t)off, whence == 1 ? SEEK_CUR : whence == 2 ? SEEK_END : SEEK_SET);
    if (r < 0) {
        raise_os_error(errno);
    }
    return int_from_ll((long long)r);
}
static DEFINE_FUN(io_file_seek_obj, seek, 2, 3, io_file_seek);

static obj_t io_file_tell(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) {
        raise_os_error(errno);
    }
    return int_from_ll((long long)r);
}
static DEFINE_FUN(io_file_tell_obj, tell, 1, 1, io_file_tell);

static obj_t io_file_flush(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_get(args[0]);
    return OBJ_NONE;
}
static DEFINE_FUN(io_file_flush_obj, flush, 1, 1, io_file_flush);

static obj_t io_file_fileno(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new(io_file_get(args[0])->fd);
}
static DEFINE_FUN(io_file_fileno_obj, fileno, 1, 1, io_file_fileno);

static obj_t io_file_close(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_self(args[0]);
    if (f->fd >= 0) {
        close(f->fd);
        f->fd = -1;
    }
    return OBJ_NONE;
}
static DEFINE_FUN(io_file_close_obj, close, 1, 1, io_file_close);

static void io_file_finalise(obj_t self) { io_file_close(1, 0, &self); }

static obj_t io_file_enter(size_t n_args, size_t n_kw, const obj_t *args) { return args[0]; }
static DEFINE_FUN(io_file_enter_obj, __enter__, 1, 1, io_file_enter);

static obj_t io_file_exit(size_t n_args, size_t n_kw, const obj_t *args) { return io_file_close(1, 0, args); }
static DEFINE_FUN(io_file_exit_obj, __exit__, 1, 4, io_file_exit);

static const map_elem_t io_file_locals_table[] = {
    {ROM_QSTR(QSTR_read), ROM_PTR(&io_file_read_obj)},
    {ROM_QSTR(QSTR_readline), ROM_PTR(&io_file_readline_obj)},
    {ROM_QSTR(QSTR_readlines), ROM_PTR(&io_file_readlines_obj)},
    {ROM_QSTR(QSTR_readinto), ROM_PTR(&io_file_readinto_obj)},
    {ROM_QSTR(QSTR_write), ROM_PTR(&io_file_write_obj)},
    {ROM_QSTR(QSTR_seek), ROM_PTR(&io_file_seek_obj)},
    {ROM_QSTR(QSTR_tell), ROM_PTR(&io_file_tell_obj)},
    {ROM_QSTR(QSTR_flush), ROM_PTR(&io_file_flush_obj)},
    {ROM_QSTR(QSTR_fileno), ROM_PTR(&io_file_fileno_obj)},
    {ROM_QSTR(QSTR_close), ROM_PTR(&io_file_close_obj)},
    {ROM_QSTR(QSTR___enter__), ROM_PTR(&io_file_enter_obj)},
    {ROM_QSTR(QSTR___exit__), ROM_PTR(&io_file_exit_obj)},
};
static DEFINE_CONST_DICT(io_file_locals_dict, io_file_locals_table);

static void io_file_print(const print_t *p, obj_t o, print_kind_t kind) {
    io_file_obj_t *f = (io_file_obj_t *)OBJ_TO_PTR(o);
    print_fmt(p, "<io.%s %d>", f->text ? "TextIOWrapper" : "FileIO", f->fd);
}

static const type_t io_textio_type = {.base = {&type_type}, .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_TextIOWrapper, .print = io_file_print, .getiter = rt_identity_getiter,
    .iternext = io_file_iternext, .finalise = io_file_finalise, .locals_dict = &io_file_locals_dict};
static const type_t io_fileio_type = {.base = {&type_type}, .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_FileIO, .print = io_file_print, .getiter = rt_identity_getiter,
    .iternext = io_file_iternext, .finalise = io_file_finalise, .locals_dict = &io_file_locals_dict};

/* open(file, mode='r', buffering=-1, encoding=None, ...) */
static obj_t io_file_open(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_file, ARG_REQUIRED, OBJ_NULL},
        {QSTR_mode, 0, ROM_QSTR(QSTR_r)},
        {QSTR_buffering, 0, ROM_INT(-1)},
        {QSTR_encoding, 0, ROM_PTR(&none_obj)},
        {QSTR_errors, 0, ROM_PTR(&none_obj)},
        {QSTR_newline, 0, ROM_PTR(&none_obj)},
    };
    arg_val_t a[6];
    arg_parse_all(n_args, args, n_kw, args + n_args, 6, specs, a);
    if (!obj_is_str(a[0].o)) {
        raise_fmt(&type_TypeError, "expected str, bytes or os.PathLike object, not %s", rt_type_name(a[0].o));
    }
    if (!obj_is_str(a[1].o)) {
        raise_msg(&type_TypeError, "open() argument 'mode' must be str");
    }
    size_t ml;
    const char *m = str_get_data(a[1].o, &ml);
    int flags = 0;
    int kind = 0; /* 'r' 'w' 'a' 'x' */
    bool plus = false, binary = false;
    for (size_t i = 0; i < ml; i++) {
        switch (m[i]) {
            case 'r':
            case 'w':
            case 'a':
            case 'x':
                if (kind != 0) {
                    raise_fmt(&type_ValueError, "invalid mode: '%.*s'", (int)ml, m);
                }
                kind = m[i];
                break;
            case '+':
                plus = true;
                break;
            case 'b':
                binary = true;
                break;
            case 't':
                break;
            default:
                raise_fmt(&type_ValueError, "invalid mode: '%.*s'", (int)ml, m);
        }
    }
    if (kind == 0) {
        kind = 'r';
    }
    switch (kind) {
        case 'r':
            flags = plus ? O_RDWR : O_RDONLY;
            break;
        case 'w':
            flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
            break;
        case 'a':
            flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
            break;
        default:
            flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL;
            break;
    }
    io_file_obj_t *f = (io_file_obj_t *)gc_alloc(sizeof(io_file_obj_t), true);
    f->base.type = binary ? &io_fileio_type : &io_textio_type;
    f->text = !binary;
    f->fd = -1;
    int fd;
    do {
        fd = open(str_cstr(a[0].o), flags | O_CLOEXEC, 0644);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        raise_os_error(errno);
    }
    f->fd = fd;
    return OBJ_FROM_PTR(f);
}
DEFINE_FUN_KW(io_file_open_obj, open, 1, 6, io_file_open);
