/* modules/mod_io_file.c: open() and its file objects (read, readline, readlines, readinto, write,
 * seek, tell, flush, close, iteration, with), text and binary, over one of two backends chosen by
 * modules/fs_route.c: a host file descriptor or a VFS file (storage/vfs.h) embedded in the object.
 * Mode parsing and line logic are shared; a backend is a small table of read/write/seek/flush/close.
 * Invariant: be != NULL while open, NULL once closed; the GC finaliser closes a forgotten file (the
 * GC never moves objects, so the embedded vfs_file_t stays where the volume's open list points). */
#include "modules/mod_io_file.h"

#include <errno.h>
#include <stdlib.h>

#include "core/obj_str.h"
#include "core/runtime.h"
#include "core/unicode.h"
#include "host/host_fs.h"
#include "modules/fs_route.h"
#include "modules/vfs_user_bdev.h"
#include "modules/vfs_user_fs.h"
#include "storage/vfs.h"

typedef struct io_file_obj io_file_obj_t;

/* A backend: every call returns a count / position / 0, or a negative errno. */
typedef struct {
    ssize_t (*read)(io_file_obj_t *f, void *buf, size_t n);
    ssize_t (*write)(io_file_obj_t *f, const void *buf, size_t n);
    int64_t (*seek)(io_file_obj_t *f, int64_t off, int whence); /* whence 0, 1, 2 */
    int (*flush)(io_file_obj_t *f);
    int (*close)(io_file_obj_t *f);
} io_backend_t;

struct io_file_obj {
    obj_base_t base;
    const io_backend_t *be; /* NULL once closed */
    bool text;
    bool on_vfs;   /* opened on a FAT volume: a closed one says OSError(EINVAL), as VfsFat's do */
    int fd;        /* host backend */
    vfs_file_t vf; /* VFS backend */
    obj_t owner;   /* the vfs.VfsFat a file was opened on (kept alive by the file), or NULL */
};

static const type_t io_textio_type, io_fileio_type;

/* ---- host file descriptors ---- */

/* host_file_read/write, retried after an interruption (Ctrl-C raises from rt_check_pending) */
static ssize_t io_host_read(io_file_obj_t *f, void *buf, size_t n) {
    ssize_t got;
    while ((got = host_file_read(f->fd, buf, n)) == -EINTR) {
        rt_check_pending();
    }
    return got;
}

static ssize_t io_host_write(io_file_obj_t *f, const void *buf, size_t n) {
    ssize_t got;
    while ((got = host_file_write(f->fd, buf, n)) == -EINTR) {
        rt_check_pending();
    }
    return got;
}

static int64_t io_host_seek(io_file_obj_t *f, int64_t off, int whence) { return host_file_seek(f->fd, off, whence); }

static int io_host_flush(io_file_obj_t *f) {
    return 0;
}

static int io_host_close(io_file_obj_t *f) {
    int r = host_file_close(f->fd);
    f->fd = -1;
    return r;
}

static const io_backend_t io_host_backend = {io_host_read, io_host_write, io_host_seek, io_host_flush, io_host_close};

/* ---- VFS files ---- */

/* The open VFS file objects, in malloc'd memory the collector does not scan (so the list keeps
 * nothing alive): a finaliser or close() removes its entry. */
static io_file_obj_t **io_vfs_open;
static size_t io_vfs_n, io_vfs_cap;

static bool io_vfs_track(io_file_obj_t *f) {
    if (io_vfs_n == io_vfs_cap) {
        size_t cap = io_vfs_cap == 0 ? 8 : io_vfs_cap * 2;
        io_file_obj_t **n = realloc(io_vfs_open, cap * sizeof(*n));
        if (n == NULL) {
            return false;
        }
        io_vfs_open = n;
        io_vfs_cap = cap;
    }
    io_vfs_open[io_vfs_n++] = f;
    return true;
}

static void io_vfs_untrack(io_file_obj_t *f) {
    for (size_t i = 0; i < io_vfs_n; i++) {
        if (io_vfs_open[i] == f) {
            io_vfs_open[i] = io_vfs_open[--io_vfs_n];
            return;
        }
    }
}

static ssize_t io_vfs_read(io_file_obj_t *f, void *buf, size_t n) {
    return vfs_read(&f->vf, buf, n);
}
static ssize_t io_vfs_write(io_file_obj_t *f, const void *buf, size_t n) {
    return vfs_write(&f->vf, buf, n);
}
static int64_t io_vfs_seek(io_file_obj_t *f, int64_t off, int whence) {
    return vfs_seek(&f->vf, off, whence);
}
static int io_vfs_flush(io_file_obj_t *f) {
    return vfs_fsync(&f->vf);
}

static int io_vfs_close(io_file_obj_t *f) {
    io_vfs_untrack(f);
    return vfs_close(&f->vf);
}

static const io_backend_t io_vfs_backend = {io_vfs_read, io_vfs_write, io_vfs_seek, io_vfs_flush, io_vfs_close};

/* Files the collector freed while they were open on a volume whose device is a Python object:
 * closing means calling that object, which can't be done while the collector sweeps, so the
 * handle moves here (malloc'd) and is closed at the next file-system call (io_file_run_deferred). */
typedef struct io_deferred {
    struct io_deferred *next;
    fat_file_t f;
} io_deferred_t;
static io_deferred_t *io_deferred;

static bool io_file_defer(io_file_obj_t *f) {
    if (f->vf.mount == VFS_FILE_CLOSED || f->vf.f.vol == NULL || !bdev_is_obj(f->vf.f.vol->bd)) {
        return false;
    }
    io_deferred_t *d = malloc(sizeof(*d));
    if (d == NULL) {
        return false;
    }
    io_vfs_untrack(f);
    fat_file_move(&d->f, &f->vf.f);
    f->vf.mount = VFS_FILE_CLOSED;
    d->next = io_deferred;
    io_deferred = d;
    return true;
}

void io_file_run_deferred(void) {
    while (io_deferred != NULL) {
        io_deferred_t *d = io_deferred;
        io_deferred = d->next;
        fat_close(&d->f); /* errors are lost, as for any file the collector closes */
        free(d);
    }
}

void io_file_drop_vol(const fat_vol_t *vol) {
    for (size_t i = 0; i < io_vfs_n;) {
        io_file_obj_t *f = io_vfs_open[i];
        if (f->vf.f.vol == vol) {
            f->be = NULL;
            fat_forget(&f->vf.f);
            f->vf.mount = VFS_FILE_CLOSED;
            io_vfs_open[i] = io_vfs_open[--io_vfs_n];
        } else {
            i++;
        }
    }
    for (io_deferred_t **pp = &io_deferred; *pp != NULL;) {
        io_deferred_t *d = *pp;
        if (d->f.vol == vol) {
            fat_forget(&d->f);
            *pp = d->next;
            free(d);
        } else {
            pp = &d->next;
        }
    }
}

void io_file_close_all_vfs(void) {
    io_file_run_deferred();
    while (io_vfs_n > 0) {
        io_file_obj_t *f = io_vfs_open[io_vfs_n - 1];
        f->be = NULL;
        io_vfs_close(f);
    }
}

size_t io_file_vfs_open_count(void) {
    return io_vfs_n;
}

/* ---- the file object ---- */

/* self of a file method, checked to be a file (a method taken from the class may get anything) */
static io_file_obj_t *io_file_self(obj_t o) {
    return obj_check_self(o, obj_type(o) == &io_fileio_type ? &io_fileio_type : &io_textio_type);
}

/* Every method starts here; errors are raised with vfs_bdev_check, so what a Python block device
 * raised during the call comes out rather than the EIO the FAT layer saw. */
static io_file_obj_t *io_file_get(obj_t o) {
    io_file_obj_t *f = io_file_self(o);
    vfs_bdev_clear();
    if (f->be == NULL) {
        if (f->on_vfs) {
            raise_os_error(EINVAL);
        }
        raise_msg(&type_ValueError, "I/O operation on closed file");
    }
    return f;
}

static ssize_t io_file_read_some(io_file_obj_t *f, void *buf, size_t n) {
    ssize_t got = f->be->read(f, buf, n);
    if (got < 0) {
        vfs_bdev_check((int)got);
    }
    return got;
}

/* What was read, as the file's type. Text is not checked for UTF-8: on the WiPy any bytes read
 * from a text file come back as they are (its own tests/ports/cc3200/os.py relies on it). */
static obj_t io_file_result(io_file_obj_t *f, vstr_t *v) {
    const char *d = v->buf != NULL ? v->buf : "";
    return f->text ? str_new(d, v->len) : bytes_new(d, v->len);
}

/* Bytes still to read for v to hold n characters, the last one whole (text read(n)). */
static int_t io_file_text_missing(const vstr_t *v, int_t n) {
    const uint8_t *d = (const uint8_t *)v->buf;
    int_t chars = 0;
    size_t last = 0;
    for (size_t i = 0; i < v->len; i++) {
        if (utf8_starts_char(d, i)) {
            chars++;
            last = i;
        }
    }
    int_t more = n - chars;
    if (chars > 0 && d[last] >= 0xc0) {
        size_t want = d[last] < 0xe0 ? 2 : d[last] < 0xf0 ? 3 : 4;
        more += v->len - last < want ? (int_t)(want - (v->len - last)) : 0;
    }
    return more;
}

/* read(n) bytes (all if n < 0) into v */
static void io_file_read_into(io_file_obj_t *f, vstr_t *v, int_t n) {
    char chunk[512];
    while (n != 0) {
        size_t want = n < 0 || n > (int_t)sizeof(chunk) ? sizeof(chunk) : (size_t)n;
        ssize_t got = io_file_read_some(f, chunk, want);
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
    /* text: n is in characters; read on until there are n whole ones (or the end) */
    for (int_t more; f->text && n > 0 && (more = io_file_text_missing(&v, n)) > 0;) {
        size_t had = v.len;
        io_file_read_into(f, &v, more);
        if (v.len == had) {
            break;
        }
    }
    return io_file_result(f, &v);
}
static DEFINE_FUN(io_file_read_obj, read, 1, 2, io_file_read);

/* One line (with its '\n'); reads ahead in chunks and seeks back over the rest. */
static bool io_file_line(io_file_obj_t *f, vstr_t *v, int_t limit) {
    char chunk[256];
    for (;;) {
        ssize_t got = io_file_read_some(f, chunk, sizeof(chunk));
        if (got == 0) {
            return v->len > 0;
        }
        for (ssize_t i = 0; i < got; i++) {
            if (chunk[i] == '\n' || (limit >= 0 && (int_t)v->len + i + 1 >= limit)) {
                vstr_add_strn(v, chunk, (size_t)i + 1);
                if (i + 1 < got) {
                    int64_t r = f->be->seek(f, (int64_t)(i + 1 - got), 1);
                    if (r < 0) {
                        vfs_bdev_check((int)r);
                    }
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

void io_readinto_target(size_t n_args, const obj_t *args, buffer_info_t *bi) {
    rt_get_buffer_or_raise(args[1], bi, BUFFER_WRITE);
    if (n_args > 2) {
        int_t n = obj_get_int(args[2]);
        if (n >= 0 && (size_t)n < bi->len) {
            bi->len = (size_t)n;
        }
    }
}

static obj_t io_file_readinto(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    buffer_info_t bi;
    io_readinto_target(n_args, args, &bi);
    size_t len = bi.len;
    size_t done = 0;
    while (done < len) {
        ssize_t got = io_file_read_some(f, (char *)bi.buf + done, len - done);
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
    buffer_info_t tb;
    bool text_str = f->text && obj_is_str(args[1]);
    if (f->text && !text_str) {
        /* as MicroPython: a text file also takes bytes as they are (cc3200's os.py test does) */
        if (!rt_get_buffer(args[1], &tb, BUFFER_READ)) {
            raise_fmt(&type_TypeError, "can't convert '%s' object to str implicitly", rt_type_name(args[1]));
        }
        data = (const char *)tb.buf;
        len = tb.len;
    } else if (f->text) {
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
        ssize_t n = f->be->write(f, data + done, len - done);
        if (n < 0) {
            vfs_bdev_check((int)n);
        }
        if (n == 0) {
            raise_os_error(ENOSPC);
        }
        done += (size_t)n;
    }
    return int_from_uint(text_str ? str_char_len(args[1]) : len);
}
static DEFINE_FUN(io_file_write_obj, write, 2, 2, io_file_write);

static obj_t io_file_seek(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    int_t off = obj_get_int(args[1]);
    int_t whence = n_args > 2 ? obj_get_int(args[2]) : 0;
    if (whence < 0 || whence > 2) {
        raise_os_error(EINVAL);
    }
    int64_t r = f->be->seek(f, (int64_t)off, (int)whence);
    if (r < 0) {
        vfs_bdev_check((int)r);
    }
    return int_from_ll((long long)r);
}
static DEFINE_FUN(io_file_seek_obj, seek, 2, 3, io_file_seek);

static obj_t io_file_tell(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    int64_t r = f->be->seek(f, 0, 1);
    if (r < 0) {
        vfs_bdev_check((int)r);
    }
    return int_from_ll((long long)r);
}
static DEFINE_FUN(io_file_tell_obj, tell, 1, 1, io_file_tell);

static obj_t io_file_flush(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    int r = f->be->flush(f);
    if (r < 0) {
        vfs_bdev_check(r);
    }
    return OBJ_NONE;
}
static DEFINE_FUN(io_file_flush_obj, flush, 1, 1, io_file_flush);

static obj_t io_file_fileno(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_get(args[0]);
    if (f->be != &io_host_backend) {
        raise_os_error(EOPNOTSUPP); /* a file on a FAT volume has no descriptor */
    }
    return small_int_new(f->fd);
}
static DEFINE_FUN(io_file_fileno_obj, fileno, 1, 1, io_file_fileno);

static obj_t io_file_close(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_obj_t *f = io_file_self(args[0]);
    vfs_bdev_clear();
    const io_backend_t *be = f->be;
    if (be != NULL) {
        f->be = NULL;
        int r = be->close(f);
        if (r < 0) {
            vfs_bdev_check(r);
        }
    }
    return OBJ_NONE;
}
static DEFINE_FUN(io_file_close_obj, close, 1, 1, io_file_close);

/* The collector frees a forgotten file: close it without raising (errors are lost, as in CPython). */
static void io_file_finalise(obj_t self) {
    io_file_obj_t *f = (io_file_obj_t *)OBJ_TO_PTR(self);
    const io_backend_t *be = f->be;
    if (be == &io_vfs_backend && io_file_defer(f)) {
        f->be = NULL;
        return;
    }
    if (be != NULL) {
        f->be = NULL;
        be->close(f);
    }
}

static obj_t io_file_enter(size_t n_args, size_t n_kw, const obj_t *args) {
    return args[0];
}
static DEFINE_FUN(io_file_enter_obj, __enter__, 1, 1, io_file_enter);

static obj_t io_file_exit(size_t n_args, size_t n_kw, const obj_t *args) {
    return io_file_close(1, 0, args);
}
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
    const char *name = f->text ? "TextIOWrapper" : "FileIO";
    if (f->be == &io_vfs_backend) {
        print_fmt(p, "<io.%s %p>", name, (void *)f);
    } else {
        print_fmt(p, "<io.%s %d>", name, f->fd);
    }
}

static const type_t io_textio_type = {.base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_TextIOWrapper,
    .print = io_file_print,
    .getiter = rt_identity_getiter,
    .iternext = io_file_iternext,
    .finalise = io_file_finalise,
    .locals_dict = &io_file_locals_dict};
static const type_t io_fileio_type = {.base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_FileIO,
    .print = io_file_print,
    .getiter = rt_identity_getiter,
    .iternext = io_file_iternext,
    .finalise = io_file_finalise,
    .locals_dict = &io_file_locals_dict};

/* The access a mode string asks for, independent of the backend. */
typedef struct {
    bool read, write, create, trunc, append, excl, binary;
} io_mode_t;

static void io_parse_mode(const char *m, size_t ml, io_mode_t *md) {
    int kind = 0; /* 'r' 'w' 'a' 'x' */
    bool plus = false;
    memset(md, 0, sizeof(*md));
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
            case '+': plus = true; break;
            case 'b': md->binary = true; break;
            case 't': break;
            default: raise_fmt(&type_ValueError, "invalid mode: '%.*s'", (int)ml, m);
        }
    }
    if (kind == 0) {
        kind = 'r';
    }
    md->read = kind == 'r' || plus;
    md->write = kind != 'r' || plus;
    md->create = kind != 'r';
    md->trunc = kind == 'w';
    md->append = kind == 'a';
    md->excl = kind == 'x';
}

static io_file_obj_t *io_file_alloc(const io_mode_t *md) {
    io_file_obj_t *f = (io_file_obj_t *)gc_alloc(sizeof(io_file_obj_t), true);
    f->base.type = md->binary ? &io_fileio_type : &io_textio_type;
    f->text = !md->binary;
    f->fd = -1;
    f->vf.mount = VFS_FILE_CLOSED;
    return f;
}

static int io_mode_flags(const io_mode_t *md) {
    return (md->read ? VFS_O_RDONLY : 0) | (md->write ? VFS_O_WRONLY : 0) | (md->create ? VFS_O_CREAT : 0) |
           (md->trunc ? VFS_O_TRUNC : 0) | (md->append ? VFS_O_APPEND : 0) | (md->excl ? VFS_O_EXCL : 0);
}

/* After vfs_open / vfs_open_vol on a tracked object: raises (untracked) on failure. */
static void io_file_vfs_opened(io_file_obj_t *f, int r) {
    if (r < 0) {
        io_vfs_untrack(f);
        vfs_bdev_check(r);
    }
    f->be = &io_vfs_backend;
    f->on_vfs = true;
}

obj_t io_file_open_vol(fat_vol_t *vol, const char *rel, obj_t mode, obj_t owner) {
    if (!obj_is_str(mode)) {
        raise_msg(&type_TypeError, "open() argument 'mode' must be str");
    }
    size_t ml;
    const char *m = str_get_data(mode, &ml);
    io_mode_t md;
    io_parse_mode(m, ml, &md);
    io_file_obj_t *f = io_file_alloc(&md);
    f->owner = owner;
    io_file_run_deferred();
    if (!io_vfs_track(f)) {
        raise_memory_error();
    }
    vfs_bdev_clear();
    io_file_vfs_opened(f, vfs_open_vol(&f->vf, vol, rel, io_mode_flags(&md)));
    return OBJ_FROM_PTR(f);
}

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
    io_mode_t md;
    io_parse_mode(m, ml, &md);
    const char *path = str_cstr(a[0].o);
    fs_where_t w = fs_route(path);
    if (w == FS_USER) {
        return vfs_user_open(path, a[1].o); /* whatever the Python file system's open returns */
    }
    io_file_obj_t *f = io_file_alloc(&md);
    if (w == FS_VFS) {
        if (path[0] == '\0') {
            raise_os_error(ENOENT);
        }
        io_file_run_deferred();
        if (!io_vfs_track(f)) {
            raise_memory_error();
        }
        io_file_vfs_opened(f, vfs_open(&f->vf, path, io_mode_flags(&md)));
        return OBJ_FROM_PTR(f);
    }
    int fd = host_file_open(path, (md.read ? HOST_O_READ : 0) | (md.write ? HOST_O_WRITE : 0) |
                                      (md.create ? HOST_O_CREAT : 0) | (md.trunc ? HOST_O_TRUNC : 0) |
                                      (md.append ? HOST_O_APPEND : 0) | (md.excl ? HOST_O_EXCL : 0));
    if (fd < 0) {
        raise_os_error(-fd);
    }
    f->fd = fd;
    f->be = &io_host_backend;
    return OBJ_FROM_PTR(f);
}
DEFINE_FUN_KW(io_file_open_obj, open, 1, 6, io_file_open);
