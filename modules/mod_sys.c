/* modules/mod_sys.c: the sys module (also usys): argv/path/modules (the live lists and dict of
 * rt_state, reached through module_ref entries), exit, the three standard streams over the port,
 * print_exception, and the constants that describe the WiPy's MicroPython.
 * Invariant: the module table is constant; everything mutable lives in rt_state. */
#include <errno.h>
#include <stddef.h>

#include "core/import.h"
#include "core/obj_str.h"
#include "core/port.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "host/port_unix.h"
#include "modules/stream.h"

/* ---- the standard streams ----
 * Each of the three has a text form (sys.stdin ...: TextIOWrapper, read gives str) and a binary
 * form (sys.stdin.buffer ...: FileIO, read gives bytes); both forms of one stream share the fd. */

static const type_t sys_stream_type, sys_bstream_type;
static const obj_base_t sys_stdin_buf_obj = {&sys_bstream_type};
static const obj_base_t sys_stdout_buf_obj = {&sys_bstream_type};
static const obj_base_t sys_stderr_buf_obj = {&sys_bstream_type};

/* 0, 1 or 2: the file descriptor behind either form of a standard stream */
static int sys_stream_fd(obj_t self) {
    if (self == OBJ_FROM_PTR(&sys_stdin_obj) || self == OBJ_FROM_PTR(&sys_stdin_buf_obj)) {
        return 0;
    }
    if (self == OBJ_FROM_PTR(&sys_stdout_obj) || self == OBJ_FROM_PTR(&sys_stdout_buf_obj)) {
        return 1;
    }
    return 2;
}

/* str for the text form, bytes for the binary form; takes over v */
static obj_t sys_stream_result(obj_t self, vstr_t *v) {
    return obj_is_type(self, &sys_bstream_type) ? bytes_new_from_vstr(v) : str_new_from_vstr(v);
}

static void sys_stream_write_bytes(obj_t self, const char *s, size_t len) {
    if (sys_stream_fd(self) == 2) {
        port_write_err(s, len);
    } else {
        port_write(s, len);
    }
}

static obj_t sys_stream_write(size_t n_args, size_t n_kw, const obj_t *args) {
    if (sys_stream_fd(args[0]) == 0) {
        raise_os_error(9); /* EBADF */
    }
    obj_t s = args[1];
    if (obj_is_str(s)) {
        size_t len;
        const char *d = str_get_data(s, &len);
        sys_stream_write_bytes(args[0], d, len);
        return int_from_uint(len); /* MicroPython counts bytes */
    }
    buffer_info_t bi;
    if (!rt_get_buffer(s, &bi, BUFFER_READ)) {
        raise_fmt(&type_TypeError, "object with buffer protocol required");
    }
    sys_stream_write_bytes(args[0], (const char *)bi.buf, bi.len);
    return int_from_uint(bi.len);
}
static DEFINE_FUN(sys_stream_write_obj, write, 2, 2, sys_stream_write);

static obj_t sys_stream_read(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t n = n_args > 1 && args[1] != OBJ_NONE ? obj_get_int(args[1]) : -1;
    vstr_t v;
    vstr_init(&v, n > 0 && n < 256 ? (size_t)n : 64);
    while (n < 0 || (int_t)v.len < n) {
        int c = port_read_byte();
        if (c < 0) {
            break;
        }
        vstr_add_byte(&v, (uint8_t)c);
    }
    return sys_stream_result(args[0], &v);
}
static DEFINE_FUN(sys_stream_read_obj, read, 1, 2, sys_stream_read);

static obj_t sys_stream_readline(size_t n_args, size_t n_kw, const obj_t *args) {
    vstr_t v;
    vstr_init(&v, 64);
    for (;;) {
        int c = port_read_byte();
        if (c < 0) {
            break;
        }
        vstr_add_byte(&v, (uint8_t)c);
        if (c == '\n') {
            break;
        }
    }
    return sys_stream_result(args[0], &v);
}
static DEFINE_FUN(sys_stream_readline_obj, readline, 1, 2, sys_stream_readline);

static obj_t sys_stream_nothing(size_t n_args, size_t n_kw, const obj_t *args) { return OBJ_NONE; }
static obj_t sys_stream_flush(size_t n_args, size_t n_kw, const obj_t *args) {
    port_flush(); /* stderr is never held back; stdout's buffer goes out */
    return OBJ_NONE;
}
static DEFINE_FUN(sys_stream_flush_obj, flush, 1, 1, sys_stream_flush);
static DEFINE_FUN(sys_stream_close_obj, close, 1, 1, sys_stream_nothing);

static obj_t sys_stream_fileno(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new(sys_stream_fd(args[0]));
}
static DEFINE_FUN(sys_stream_fileno_obj, fileno, 1, 1, sys_stream_fileno);

static obj_t sys_stream_iternext(obj_t self) {
    obj_t line = sys_stream_readline(1, 0, &self);
    return rt_len(line) == 0 ? OBJ_NULL : line;
}

static const map_elem_t sys_stream_locals_table[] = {
    {ROM_QSTR(QSTR_write), ROM_PTR(&sys_stream_write_obj)},
    {ROM_QSTR(QSTR_read), ROM_PTR(&sys_stream_read_obj)},
    {ROM_QSTR(QSTR_readline), ROM_PTR(&sys_stream_readline_obj)},
    {ROM_QSTR(QSTR_flush), ROM_PTR(&sys_stream_flush_obj)},
    {ROM_QSTR(QSTR_close), ROM_PTR(&sys_stream_close_obj)},
    {ROM_QSTR(QSTR_fileno), ROM_PTR(&sys_stream_fileno_obj)},
};
static DEFINE_CONST_DICT(sys_stream_locals_dict, sys_stream_locals_table);

static void sys_stream_print(const print_t *p, obj_t o, print_kind_t kind) {
    print_fmt(p, "<io.%q %d>", (unsigned)obj_type(o)->name, sys_stream_fd(o));
}

/* stream.buffer: the binary form of a text stream */
static void sys_stream_attr(obj_t self, qstr attr, obj_t *dest) {
    static const obj_base_t *const buffers[3] = {&sys_stdin_buf_obj, &sys_stdout_buf_obj, &sys_stderr_buf_obj};
    if (dest[0] == OBJ_NULL && attr == QSTR_buffer) {
        dest[0] = OBJ_FROM_PTR(buffers[sys_stream_fd(self)]);
    }
}

/* select.poll on the standard streams (modules/stream.h): stdin is readable when REPL input waits */
static ssize_t sys_stream_p_read(obj_t self, void *buf, size_t len) {
    int c = len > 0 && sys_stream_fd(self) == 0 ? port_read_byte() : -1;
    if (c < 0) {
        return 0;
    }
    *(uint8_t *)buf = (uint8_t)c;
    return 1;
}
static ssize_t sys_stream_p_write(obj_t self, const void *buf, size_t len) {
    if (sys_stream_fd(self) == 0) {
        return -EBADF;
    }
    sys_stream_write_bytes(self, buf, len);
    return (ssize_t)len;
}
static int sys_stream_p_poll(obj_t self, int events) { return port_stdio_ready(sys_stream_fd(self), events); }
static int sys_stream_p_wait_fd(obj_t self, int *events) {
    /* on the board the REPL's input arrives through the event loop: ask again every ms */
    return port_get_hooks() != NULL ? -1 : sys_stream_fd(self);
}
static const stream_p_t sys_stream_p = {QSTR_stream, sys_stream_p_read, sys_stream_p_write, sys_stream_p_poll,
    sys_stream_p_wait_fd};

static const type_t sys_stream_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_TextIOWrapper,
    .print = sys_stream_print,
    .attr = sys_stream_attr,
    .getiter = rt_identity_getiter,
    .iternext = sys_stream_iternext,
    .locals_dict = &sys_stream_locals_dict,
    .protocol = &sys_stream_p,
};

static const type_t sys_bstream_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_FileIO,
    .print = sys_stream_print,
    .getiter = rt_identity_getiter,
    .iternext = sys_stream_iternext,
    .locals_dict = &sys_stream_locals_dict,
};

const obj_base_t sys_stdin_obj = {&sys_stream_type};
const obj_base_t sys_stdout_obj = {&sys_stream_type};
const obj_base_t sys_stderr_obj = {&sys_stream_type};

/* ---- functions ---- */

static obj_t sys_exit(size_t n_args, size_t n_kw, const obj_t *args) {
    rt_raise(exc_new(&type_SystemExit, n_args, args));
}
static DEFINE_FUN(sys_exit_obj, exit, 0, 1, sys_exit);

static void sys_vstr_write(void *data, const char *s, size_t len) { vstr_add_strn((vstr_t *)data, s, len); }

static obj_t sys_print_exception(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t file = n_args > 1 ? args[1] : OBJ_FROM_PTR(&sys_stdout_obj);
    if (file == OBJ_FROM_PTR(&sys_stdout_obj)) {
        exc_print(&print_stdout, args[0]);
    } else if (file == OBJ_FROM_PTR(&sys_stderr_obj)) {
        exc_print(&print_stderr, args[0]);
    } else {
        vstr_t v;
        vstr_init(&v, 64);
        print_t p = {&v, sys_vstr_write};
        exc_print(&p, args[0]);
        builtins_write_to(file, str_new_from_vstr(&v));
    }
    return OBJ_NONE;
}
static DEFINE_FUN(sys_print_exception_obj, print_exception, 1, 2, sys_print_exception);

/* ---- constants ---- */

/* Constant strs that aren't identifiers (so not static qstrs): static str objects. */
#define SYS_STR(name, text)                                                                                  \
    static str_obj_t name = {{&str_type}, 0, sizeof(text) - 1, sizeof(text) - 1, (const uint8_t *)text}
SYS_STR(sys_version_obj, WIPY_PYTHON_VERSION);

typedef struct {
    obj_base_t base;
    size_t len;
    obj_t items[3];
} sys_tuple3_t;
static const sys_tuple3_t sys_version_info_obj = {{&tuple_type}, 3, {ROM_INT(3), ROM_INT(4), ROM_INT(0)}};
static const sys_tuple3_t sys_mp_version_obj = {{&tuple_type}, 3, {ROM_INT(1), ROM_INT(8), ROM_INT(6)}};

/* sys.implementation: an attribute tuple (name, version, _machine) */
static void sys_impl_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    if (attr == QSTR_name) {
        dest[0] = ROM_QSTR(QSTR_micropython);
    } else if (attr == QSTR_version) {
        dest[0] = ROM_PTR(&sys_mp_version_obj);
    } else if (attr == QSTR__machine) {
        dest[0] = str_new(port_machine, strlen(port_machine));
    }
}

static void sys_impl_print(const print_t *p, obj_t o, print_kind_t kind) {
    print_fmt(p, "(name='micropython', version=%r, _machine='%s')", ROM_PTR(&sys_mp_version_obj), port_machine);
}

static const type_t sys_impl_type = {
    .base = {&type_type},
    .name = QSTR_implementation,
    .print = sys_impl_print,
    .attr = sys_impl_attr,
};
static const obj_base_t sys_impl_obj = {&sys_impl_type};

static const module_ref_obj_t sys_argv_ref = {{&module_ref_type}, offsetof(rt_state_t, sys_argv)};
static const module_ref_obj_t sys_path_ref = {{&module_ref_type}, offsetof(rt_state_t, sys_path)};
static const module_ref_obj_t sys_modules_ref = {{&module_ref_type}, offsetof(rt_state_t, sys_modules)};

static const map_elem_t sys_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_sys)},
    {ROM_QSTR(QSTR_argv), ROM_PTR(&sys_argv_ref)},
    {ROM_QSTR(QSTR_path), ROM_PTR(&sys_path_ref)},
    {ROM_QSTR(QSTR_modules), ROM_PTR(&sys_modules_ref)},
    {ROM_QSTR(QSTR_exit), ROM_PTR(&sys_exit_obj)},
    {ROM_QSTR(QSTR_stdin), ROM_PTR(&sys_stdin_obj)},
    {ROM_QSTR(QSTR_stdout), ROM_PTR(&sys_stdout_obj)},
    {ROM_QSTR(QSTR_stderr), ROM_PTR(&sys_stderr_obj)},
    {ROM_QSTR(QSTR_print_exception), ROM_PTR(&sys_print_exception_obj)},
    {ROM_QSTR(QSTR_platform), ROM_QSTR(QSTR_WiPy)},
    {ROM_QSTR(QSTR_byteorder), ROM_QSTR(QSTR_little)},
    {ROM_QSTR(QSTR_maxsize), ROM_INT(2147483647)},
    {ROM_QSTR(QSTR_version), ROM_PTR(&sys_version_obj)},
    {ROM_QSTR(QSTR_version_info), ROM_PTR(&sys_version_info_obj)},
    {ROM_QSTR(QSTR_implementation), ROM_PTR(&sys_impl_obj)},
};
static DEFINE_CONST_DICT(sys_globals, sys_globals_table);
const module_obj_t sys_module = {{&module_type}, &sys_globals};
REGISTER_MODULE(QSTR_sys, sys_module);
