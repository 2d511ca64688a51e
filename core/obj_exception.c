/* core/obj_exception.c: the built-in exception classes (MicroPython's hierarchy), creating,
 * raising and printing exceptions, and tracebacks.
 * Invariant: every exception instance starts with exception_obj_t (user subclasses too, see
 * obj_type.h); a traceback is a flat list of (file, line, block) small-int triples, innermost
 * first, and adding to it never raises: when memory is short entries are dropped. */
#include <stdarg.h>
#include <stdio.h>

#include "core/gc.h"
#include "core/nlr.h"
#include "core/obj_str.h"
#include "core/obj_type.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "core/unicode.h"

/* ---- creation ---- */
static exception_obj_t *exc_alloc(const type_t *type) {
    exception_obj_t *e;
    if (type->flags & TYPE_FLAG_USER_CLASS) {
        exc_instance_obj_t *ei = NEW_OBJ(exc_instance_obj_t); /* zeroed: empty members */
        e = &ei->exc;
    } else {
        e = NEW_OBJ(exception_obj_t);
    }
    e->base.type = type;
    e->args = OBJ_EMPTY_TUPLE;
    e->traceback = OBJ_NULL;
    e->cause = OBJ_NULL;
    e->context = OBJ_NULL;
    return e;
}

/* The emergency exception: when the heap is locked (micropython.heap_lock) or full, an exception
 * of a built-in type is still built, in static memory, with up to EXC_EMG_ARGS arguments or a
 * message of up to EXC_EMG_MSG bytes, so the program sees ValueError(1), not MemoryError. There
 * is one: a second emergency overwrites the first. Its arguments are a GC root (exc_emg_init). */
#define EXC_EMG_ARGS 2
#define EXC_EMG_MSG 96
#define EXC_EMG_TB_ENTRIES 8
static union {
    tuple_obj_t t;
    obj_t words[(sizeof(tuple_obj_t) / sizeof(obj_t)) + EXC_EMG_ARGS];
} exc_emg_args;
static char exc_emg_msg[EXC_EMG_MSG + 1];
static str_obj_t exc_emg_str = {{&str_type}, 0, 0, 0, (const uint8_t *)exc_emg_msg};
static obj_t exc_emg_tb_items[3 * EXC_EMG_TB_ENTRIES];
static list_obj_t exc_emg_tb = {{&list_type}, 3 * EXC_EMG_TB_ENTRIES, 0, exc_emg_tb_items};
static exception_obj_t exc_emg_obj;
static exception_obj_t exc_memory_error_obj;

void exc_emg_init(void) {
    memset(&exc_emg_args, 0, sizeof(exc_emg_args));
    gc_add_root(&exc_emg_args, sizeof(exc_emg_args) / sizeof(obj_t));
}

static obj_t exc_memory_error_with(size_t n_bytes);

/* The emergency exception of `type` with args (or, if msg != NULL, the message alone). A user
 * class needs its instance dict on the heap: it gets the preallocated MemoryError instead. */
static obj_t exc_emergency(const type_t *type, size_t n_args, const obj_t *args, const char *msg, size_t msg_len) {
    if (type->flags & TYPE_FLAG_USER_CLASS) {
        return exc_memory_error_with(0);
    }
    exception_obj_t *e = &exc_emg_obj;
    obj_t msg_arg[1] = {OBJ_FROM_PTR(&exc_emg_str)};
    e->base.type = type;
    e->traceback = OBJ_FROM_PTR(&exc_emg_tb);
    exc_emg_tb.len = 0;
    e->cause = OBJ_NULL;
    e->context = OBJ_NULL;
    memset(&exc_emg_args, 0, sizeof(exc_emg_args));
    exc_emg_args.t.base.type = &tuple_type;
    if (msg != NULL) {
        if (msg_len > EXC_EMG_MSG) {
            msg_len = EXC_EMG_MSG;
            while (msg_len > 0 && ((uint8_t)msg[msg_len] & 0xc0) == 0x80) {
                msg_len--; /* don't cut a UTF-8 sequence */
            }
        }
        memmove(exc_emg_msg, msg, msg_len);
        exc_emg_msg[msg_len] = '\0';
        exc_emg_str.hash = 0;
        exc_emg_str.len = msg_len;
        exc_emg_str.char_len = utf8_char_count((const uint8_t *)exc_emg_msg, msg_len);
        args = msg_arg;
        n_args = 1;
    }
    if (n_args > EXC_EMG_ARGS) {
        n_args = 0; /* too many to keep: none, rather than some */
    }
    exc_emg_args.t.len = n_args;
    for (size_t i = 0; i < n_args; i++) {
        exc_emg_args.t.items[i] = args[i];
    }
    e->args = n_args > 0 ? OBJ_FROM_PTR(&exc_emg_args.t) : OBJ_EMPTY_TUPLE;
    return OBJ_FROM_PTR(e);
}

obj_t exc_new(const type_t *type, size_t n_args, const obj_t *args) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        exception_obj_t *e = exc_alloc(type);
        if (n_args > 0) {
            e->args = tuple_new(n_args, args);
        }
        nlr_pop();
        return OBJ_FROM_PTR(e);
    }
    return exc_emergency(type, n_args, args, NULL, 0);
}

obj_t exc_new_msg(const type_t *type, const char *msg) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t s = str_new(msg, strlen(msg));
        obj_t e = exc_new(type, 1, &s);
        nlr_pop();
        return e;
    }
    return exc_emergency(type, 0, NULL, msg, strlen(msg));
}

static obj_t exc_new_vfmt(const type_t *type, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    obj_t e;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        vstr_t v;
        vstr_init(&v, 32);
        print_t p;
        vstr_print_init(&v, &p);
        print_vfmt(&p, fmt, ap);
        obj_t s = str_new_from_vstr(&v);
        e = exc_new(type, 1, &s);
        nlr_pop();
    } else {
        char buf[EXC_EMG_MSG + 1];
        vstr_t v;
        vstr_init_fixed(&v, buf, sizeof(buf));
        print_t p;
        vstr_print_init(&v, &p);
        print_vfmt(&p, fmt, ap2);
        e = exc_emergency(type, 0, NULL, v.buf, v.len);
    }
    va_end(ap2);
    return e;
}

obj_t exc_new_fmt(const type_t *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    obj_t e = exc_new_vfmt(type, fmt, ap);
    va_end(ap);
    return e;
}

bool exc_is_instance(obj_t exc, const type_t *type) {
    return obj_is_ptr(exc) && obj_is_subclass_fast(obj_type(exc), type);
}

static inline exception_obj_t *exc_ptr(obj_t o) { return (exception_obj_t *)OBJ_TO_PTR(o); }

obj_t exc_get_value(obj_t exc) {
    obj_t *items;
    size_t n;
    obj_get_array(exc_ptr(exc)->args, &n, &items);
    return n > 0 ? items[0] : OBJ_NONE;
}

/* ---- preallocated exceptions (never allocate; traceback lists are static too) ---- */
#define EXC_STATIC_TB_ENTRIES 8
static obj_t exc_kbd_tb_items[3 * EXC_STATIC_TB_ENTRIES];
static list_obj_t exc_kbd_tb = {{&list_type}, 3 * EXC_STATIC_TB_ENTRIES, 0, exc_kbd_tb_items};
static obj_t exc_mem_tb_items[3 * EXC_STATIC_TB_ENTRIES];
static list_obj_t exc_mem_tb = {{&list_type}, 3 * EXC_STATIC_TB_ENTRIES, 0, exc_mem_tb_items};
exception_obj_t exc_kbd_interrupt_obj = {
    {&type_KeyboardInterrupt}, OBJ_EMPTY_TUPLE, OBJ_FROM_PTR(&exc_kbd_tb), OBJ_NULL, OBJ_NULL};
static exception_obj_t exc_memory_error_obj = {
    {&type_MemoryError}, OBJ_EMPTY_TUPLE, OBJ_FROM_PTR(&exc_mem_tb), OBJ_NULL, OBJ_NULL};
/* Its one argument, MicroPython's text, in static memory: "memory allocation failed, ...". */
#define EXC_MEM_MSG 72
static char exc_mem_msg[EXC_MEM_MSG];
static str_obj_t exc_mem_str = {{&str_type}, 0, 0, 0, (const uint8_t *)exc_mem_msg};
static union {
    tuple_obj_t t;
    obj_t words[(sizeof(tuple_obj_t) / sizeof(obj_t)) + 1];
} exc_mem_args;

static bool exc_tb_is_static(obj_t tb) {
    return tb == OBJ_FROM_PTR(&exc_kbd_tb) || tb == OBJ_FROM_PTR(&exc_mem_tb) || tb == OBJ_FROM_PTR(&exc_emg_tb);
}

void exc_clear_traceback(obj_t exc) {
    exception_obj_t *e = exc_ptr(exc);
    if (exc_tb_is_static(e->traceback)) {
        ((list_obj_t *)OBJ_TO_PTR(e->traceback))->len = 0;
    } else {
        e->traceback = OBJ_NULL;
    }
    e->cause = OBJ_NULL;
    e->context = OBJ_NULL;
}

/* ---- tracebacks ---- */
#define EXC_TB_MAX_ENTRIES 512 /* deeper tracebacks keep their innermost entries */
static obj_t exc_tb_full;        /* the exception whose traceback could not grow (not a GC root) */
void exc_add_traceback(obj_t exc, qstr file, size_t line, qstr block) {
    if (!obj_is_ptr(exc) || !(obj_type(exc)->flags & TYPE_FLAG_EXCEPTION)) {
        return;
    }
    exception_obj_t *e = exc_ptr(exc);
    if (exc == exc_tb_full) {
        return; /* memory ran out for this one already: don't retry (each retry may collect) */
    }
    list_obj_t *tb;
    if (e->traceback == OBJ_NULL) {
        exc_tb_full = OBJ_NULL;
        tb = gc_alloc_maybe(sizeof(list_obj_t), false);
        if (tb == NULL) {
            return;
        }
        tb->base.type = &list_type;
        tb->alloc = 0;
        tb->len = 0;
        tb->items = NULL;
        e->traceback = OBJ_FROM_PTR(tb);
    } else {
        tb = (list_obj_t *)OBJ_TO_PTR(e->traceback);
    }
    if (tb->len + 3 > tb->alloc) {
        if (exc_tb_is_static(e->traceback) || tb->alloc >= 3 * EXC_TB_MAX_ENTRIES) {
            return;
        }
        size_t n = tb->alloc == 0 ? 3 * 4 : tb->alloc * 2;
        obj_t *items = gc_alloc_maybe(n * sizeof(obj_t), false);
        if (items == NULL) {
            exc_tb_full = exc;
            return;
        }
        if (tb->len > 0) {
            memcpy(items, tb->items, tb->len * sizeof(obj_t));
        }
        tb->items = items;
        tb->alloc = n;
    }
    tb->items[tb->len++] = small_int_new((int_t)file);
    tb->items[tb->len++] = small_int_new((int_t)line);
    tb->items[tb->len++] = small_int_new((int_t)block);
}

/* ---- printing ---- */
static void exc_print_str(const print_t *p, exception_obj_t *e) {
    obj_t *items;
    size_t n;
    obj_get_array(e->args, &n, &items);
    if (n == 0) {
        return;
    }
    bool is_os = obj_is_subclass_fast(e->base.type, &type_OSError);
    if (is_os && obj_is_small_int(items[0])) {
        const char *name = errno_name((int)small_int_value(items[0]));
        if (n == 1 && name != NULL) {
            print_fmt(p, "[Errno %d] %s", (int)small_int_value(items[0]), name);
            return;
        }
        if (n == 2) {
            /* MicroPython names a known errno: "[Errno 5] EIO: details" */
            print_fmt(p, "[Errno %d] ", (int)small_int_value(items[0]));
            if (name != NULL) {
                print_fmt(p, "%s: ", name);
            }
            obj_print(p, items[1], PRINT_STR);
            return;
        }
    }
    if (n == 1) {
        obj_print(p, items[0], PRINT_STR); /* KeyError too: MicroPython prints KeyError: x */
        return;
    }
    obj_print(p, e->args, PRINT_REPR);
}

static void exc_print_obj(const print_t *p, obj_t o, print_kind_t kind) {
    exception_obj_t *e = exc_ptr(o);
    if (kind == PRINT_REPR) {
        print_str(p, qstr_str(e->base.type->name));
        obj_t *items;
        size_t n;
        obj_get_array(e->args, &n, &items);
        if (n == 0) {
            print_str(p, "()");
        } else {
            obj_print(p, e->args, PRINT_REPR);
        }
        return;
    }
    exc_print_str(p, e);
}

void exc_print_line(const print_t *p, obj_t exc) {
    if (!obj_is_ptr(exc) || !(obj_type(exc)->flags & TYPE_FLAG_EXCEPTION)) {
        obj_print(p, exc, PRINT_REPR);
        return;
    }
    const type_t *t = obj_type(exc);
    print_str(p, qstr_str(t->name));
    if (t->flags & TYPE_FLAG_USER_CLASS) {
        /* a user __str__ may say anything: render it first to know whether it is empty */
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            obj_t s = obj_str(exc);
            size_t len;
            const char *d = str_get_data(s, &len);
            print_str(p, ": ");
            print_strn(p, d, len);
            nlr_pop();
        }
        return;
    }
    /* MicroPython prints the ": " even when the message is empty ("ValueError: ") */
    print_str(p, ": ");
    exc_print_str(p, exc_ptr(exc));
}

void exc_print(const print_t *p, obj_t exc) {
    if (obj_is_ptr(exc) && (obj_type(exc)->flags & TYPE_FLAG_EXCEPTION)) {
        obj_t tbo = exc_ptr(exc)->traceback;
        if (tbo != OBJ_NULL) {
            list_obj_t *tb = (list_obj_t *)OBJ_TO_PTR(tbo);
            if (tb->len >= 3) {
                print_str(p, "Traceback (most recent call last):\n");
                for (size_t i = tb->len / 3; i-- > 0;) {
                    qstr file = (qstr)small_int_value(tb->items[3 * i]);
                    int_t line = small_int_value(tb->items[3 * i + 1]);
                    qstr block = (qstr)small_int_value(tb->items[3 * i + 2]);
                    print_fmt(p, "  File \"%s\", line %d", qstr_str(file), (int)line);
                    if (block != QSTR_NULL) {
                        print_fmt(p, ", in %s", qstr_str(block));
                    }
                    print_str(p, "\n");
                }
            }
        }
    }
    exc_print_line(p, exc);
    print_str(p, "\n");
}

/* ---- attributes and methods ---- */
static void exc_attr(obj_t self, qstr attr, obj_t *dest) {
    exception_obj_t *e = exc_ptr(self);
    if (dest[0] != OBJ_NULL) {
        /* store/delete: built-in exceptions have no instance dict. One store is allowed, as in
         * MicroPython: e.__traceback__ = None empties the traceback and keeps its room, so an
         * exception made beforehand can be raised again without allocating (heap locked) */
        if (attr == QSTR___traceback__ && dest[1] == OBJ_NONE) {
            if (e->traceback != OBJ_NULL) {
                ((list_obj_t *)OBJ_TO_PTR(e->traceback))->len = 0;
            }
            dest[0] = OBJ_NULL;
        }
        return;
    }
    const type_t *t = e->base.type;
    if (attr == QSTR_args) {
        dest[0] = e->args;
    } else if (attr == QSTR_value || attr == QSTR_errno) {
        /* MicroPython: both are aliases of args[0] on every exception */
        dest[0] = exc_get_value(self);
    } else if (attr == QSTR_code && obj_is_subclass_fast(t, &type_SystemExit)) {
        dest[0] = exc_get_value(self);
    } else if (attr == QSTR_strerror && obj_is_subclass_fast(t, &type_OSError)) {
        obj_t *items;
        size_t n;
        obj_get_array(e->args, &n, &items);
        dest[0] = n > 1 ? items[1] : OBJ_NONE;
    } else if (attr == QSTR___cause__) {
        dest[0] = e->cause == OBJ_NULL ? OBJ_NONE : e->cause;
    } else if (attr == QSTR___context__) {
        dest[0] = e->context == OBJ_NULL ? OBJ_NONE : e->context;
    } else if (attr == QSTR___traceback__) {
        dest[0] = OBJ_NONE;
    }
}

static obj_t exc_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_kw != 0) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    return exc_new(type, n_args, args);
}

/* BaseException.__init__(self, *args): what super().__init__(...) in a subclass reaches. */
static obj_t exc_init_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = args[0];
    if (!exc_is_instance(self, &type_BaseException)) {
        raise_msg(&type_TypeError, "argument has wrong type");
    }
    exc_ptr(self)->args = n_args > 1 ? tuple_new(n_args - 1, args + 1) : OBJ_EMPTY_TUPLE;
    exc_instance_set_incomplete(self, false);
    return OBJ_NONE;
}
static DEFINE_FUN(exc_init_obj, __init__, 1, NATIVE_VARARGS, exc_init_fun);

static obj_t exc_with_traceback_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return args[0];
}
static DEFINE_FUN(exc_with_traceback_obj, with_traceback, 2, 2, exc_with_traceback_fun);

static const map_elem_t exc_locals_table[] = {
    {ROM_QSTR(QSTR___init__), ROM_PTR(&exc_init_obj)},
    {ROM_QSTR(QSTR_with_traceback), ROM_PTR(&exc_with_traceback_obj)},
};
static DEFINE_CONST_DICT(exc_locals_dict, exc_locals_table);

/* The class names (listed so the qstr generator sees them):
 * QSTR_BaseException QSTR_SystemExit QSTR_KeyboardInterrupt QSTR_GeneratorExit QSTR_Exception
 * QSTR_StopIteration QSTR_StopAsyncIteration QSTR_ArithmeticError QSTR_OverflowError QSTR_ZeroDivisionError
 * QSTR_AssertionError QSTR_AttributeError QSTR_EOFError QSTR_ImportError QSTR_LookupError
 * QSTR_IndexError QSTR_KeyError QSTR_MemoryError QSTR_NameError QSTR_OSError QSTR_RuntimeError
 * QSTR_NotImplementedError QSTR_SyntaxError QSTR_IndentationError QSTR_TypeError QSTR_ValueError
 * QSTR_UnicodeError */
#define DEFINE_EXC_TYPE(name_, parent_, dict_)                                                   \
    const type_t type_##name_ = {                                                                \
        .base = {&type_type},                                                                    \
        .flags = TYPE_FLAG_EXCEPTION | TYPE_FLAG_EQ_IS_IDENTITY,                                 \
        .name = QSTR_##name_,                                                                    \
        .print = exc_print_obj,                                                                  \
        .make_new = exc_make_new,                                                                \
        .attr = exc_attr,                                                                        \
        .locals_dict = dict_,                                                                    \
        .parent = parent_,                                                                       \
    }

DEFINE_EXC_TYPE(BaseException, &object_type, &exc_locals_dict);
DEFINE_EXC_TYPE(SystemExit, &type_BaseException, NULL);
DEFINE_EXC_TYPE(KeyboardInterrupt, &type_BaseException, NULL);
DEFINE_EXC_TYPE(GeneratorExit, &type_BaseException, NULL);
DEFINE_EXC_TYPE(Exception, &type_BaseException, NULL);
DEFINE_EXC_TYPE(StopIteration, &type_Exception, NULL);
DEFINE_EXC_TYPE(StopAsyncIteration, &type_Exception, NULL);
DEFINE_EXC_TYPE(ArithmeticError, &type_Exception, NULL);
DEFINE_EXC_TYPE(OverflowError, &type_ArithmeticError, NULL);
DEFINE_EXC_TYPE(ZeroDivisionError, &type_ArithmeticError, NULL);
DEFINE_EXC_TYPE(AssertionError, &type_Exception, NULL);
DEFINE_EXC_TYPE(AttributeError, &type_Exception, NULL);
DEFINE_EXC_TYPE(EOFError, &type_Exception, NULL);
DEFINE_EXC_TYPE(ImportError, &type_Exception, NULL);
DEFINE_EXC_TYPE(LookupError, &type_Exception, NULL);
DEFINE_EXC_TYPE(IndexError, &type_LookupError, NULL);
DEFINE_EXC_TYPE(KeyError, &type_LookupError, NULL);
DEFINE_EXC_TYPE(MemoryError, &type_Exception, NULL);
DEFINE_EXC_TYPE(NameError, &type_Exception, NULL);
DEFINE_EXC_TYPE(OSError, &type_Exception, NULL);
DEFINE_EXC_TYPE(RuntimeError, &type_Exception, NULL);
DEFINE_EXC_TYPE(NotImplementedError, &type_RuntimeError, NULL);
DEFINE_EXC_TYPE(SyntaxError, &type_Exception, NULL);
DEFINE_EXC_TYPE(IndentationError, &type_SyntaxError, NULL);
DEFINE_EXC_TYPE(TypeError, &type_Exception, NULL);
DEFINE_EXC_TYPE(ValueError, &type_Exception, NULL);
DEFINE_EXC_TYPE(UnicodeError, &type_ValueError, NULL);

/* ---- raising ---- */
NORETURN void raise_msg(const type_t *type, const char *msg) { rt_raise(exc_new_msg(type, msg)); }

NORETURN void raise_fmt(const type_t *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    obj_t e = exc_new_vfmt(type, fmt, ap);
    va_end(ap);
    rt_raise(e);
}

NORETURN void raise_os_error(int errno_value) {
    obj_t a = small_int_new(errno_value);
    rt_raise(exc_new(&type_OSError, 1, &a));
}

NORETURN void raise_os_error_why(int errno_value, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    obj_t args[2] = {small_int_new(errno_value), OBJ_NULL};
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        vstr_t v;
        vstr_init(&v, 48);
        print_t p;
        vstr_print_init(&v, &p);
        print_vfmt(&p, fmt, ap); /* printing names the errno: "[Errno 1] EPERM: <why>" */
        args[1] = str_new_from_vstr(&v);
        nlr_pop();
    }
    va_end(ap);
    rt_raise(exc_new(&type_OSError, args[1] != OBJ_NULL ? 2 : 1, args));
}

/* The preallocated MemoryError, its message saying why: the heap is locked, or n_bytes (0:
 * unknown) could not be had. Builds nothing on the heap. */
static obj_t exc_memory_error_with(size_t n_bytes) {
    int len;
    if (gc_is_locked()) {
        len = snprintf(exc_mem_msg, sizeof(exc_mem_msg), "memory allocation failed, heap is locked");
    } else if (n_bytes > 0) {
        len = snprintf(exc_mem_msg, sizeof(exc_mem_msg), "memory allocation failed, allocating %zu bytes", n_bytes);
    } else {
        len = snprintf(exc_mem_msg, sizeof(exc_mem_msg), "memory allocation failed");
    }
    exc_mem_str.hash = 0;
    exc_mem_str.len = exc_mem_str.char_len = (size_t)len; /* ASCII */
    exc_mem_args.t.base.type = &tuple_type;
    exc_mem_args.t.len = 1;
    exc_mem_args.t.items[0] = OBJ_FROM_PTR(&exc_mem_str);
    exception_obj_t *e = exc_ptr(OBJ_FROM_PTR(&exc_memory_error_obj));
    e->args = OBJ_FROM_PTR(&exc_mem_args.t);
    exc_clear_traceback(OBJ_FROM_PTR(e));
    return OBJ_FROM_PTR(e);
}

NORETURN void raise_memory_error(void) { nlr_jump(exc_memory_error_with(0)); }

NORETURN void raise_memory_error_bytes(size_t n_bytes) { nlr_jump(exc_memory_error_with(n_bytes)); }

NORETURN void raise_stop_iteration(obj_t value) {
    if (value == OBJ_NULL || value == OBJ_NONE) {
        rt_raise(exc_new(&type_StopIteration, 0, NULL));
    }
    rt_raise(exc_new(&type_StopIteration, 1, &value));
}
