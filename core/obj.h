/* core/obj.h: the value representation and the object protocol that every core file shares.
 * A value (obj_t) is one tagged machine word:
 *   ...1  small int   (value = word >> 1, arithmetic shift; never allocates)
 *   ..10  qstr        (interned str; qstr index = word >> 3; never allocates)
 *   .000  pointer to an object whose first field is `const type_t *type` (heap or static)
 * OBJ_NULL (0) is never a Python value: it means "absent / not supported / exhausted". */
#ifndef CORE_OBJ_H
#define CORE_OBJ_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "qstrdefs.h" /* generated: enum { QSTR_NULL, QSTR_xxx ..., QSTR_NUM_STATIC } */

typedef uintptr_t obj_t;
typedef intptr_t int_t;
typedef uintptr_t uint_t;
typedef uint32_t qstr;

#define NORETURN __attribute__((noreturn))
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ---- special markers (never Python values; misaligned so not pointers, even so not ints) ---- */
#define OBJ_NULL ((obj_t)0)
#define OBJ_SENTINEL ((obj_t)4) /* subscr: "load"; attr: "store/delete" request */

/* ---- small ints ---- */
#define SMALL_INT_BITS (sizeof(obj_t) * 8 - 1)
#define SMALL_INT_MAX ((int_t)(((uint_t)1 << (SMALL_INT_BITS - 1)) - 1))
#define SMALL_INT_MIN (-SMALL_INT_MAX - 1)
static inline bool obj_is_small_int(obj_t o) { return (o & 1) != 0; }
static inline int_t small_int_value(obj_t o) { return (int_t)o >> 1; }
static inline obj_t small_int_new(int_t v) { return ((uint_t)v << 1) | 1; }
static inline bool small_int_fits(int_t v) { return v >= SMALL_INT_MIN && v <= SMALL_INT_MAX; }

/* ---- qstrs (interned strings) ---- */
static inline bool obj_is_qstr(obj_t o) { return (o & 7) == 2; }
static inline qstr obj_qstr_value(obj_t o) { return (qstr)(o >> 3); }
static inline obj_t obj_new_qstr(qstr q) { return ((obj_t)q << 3) | 2; }

/* ---- pointers ---- */
static inline bool obj_is_ptr(obj_t o) { return (o & 7) == 0 && o != 0; }
#define OBJ_TO_PTR(o) ((void *)(o))
#define OBJ_FROM_PTR(p) ((obj_t)(p))

/* Constant forms usable in static initialisers (method tables, module globals). */
#define ROM_QSTR(q) ((obj_t)(((uintptr_t)(q) << 3) | 2))
#define ROM_INT(i) ((obj_t)(((uintptr_t)(i) << 1) | 1))
#define ROM_PTR(p) ((obj_t)(p))

struct type_s;
struct vstr_s;
typedef struct obj_base {
    const struct type_s *type;
} obj_base_t;

/* ---- singletons (static objects) ---- */
extern const obj_base_t none_obj, true_obj, false_obj, ellipsis_obj, notimplemented_obj;
#define OBJ_NONE OBJ_FROM_PTR(&none_obj)
#define OBJ_TRUE OBJ_FROM_PTR(&true_obj)
#define OBJ_FALSE OBJ_FROM_PTR(&false_obj)
#define OBJ_ELLIPSIS OBJ_FROM_PTR(&ellipsis_obj)
#define OBJ_NOTIMPLEMENTED OBJ_FROM_PTR(&notimplemented_obj)
static inline obj_t obj_bool(bool b) { return b ? OBJ_TRUE : OBJ_FALSE; }

/* ---- printing: every repr/str goes through a print_t sink ---- */
typedef struct print_s {
    void *data;
    void (*write)(void *data, const char *str, size_t len);
} print_t;
typedef enum { PRINT_STR = 0, PRINT_REPR = 1 } print_kind_t;

/* ---- buffer protocol ---- */
typedef struct buffer_info {
    void *buf;
    size_t len;   /* in bytes */
    int typecode; /* struct-module letter of one item, 'B' for bytes */
} buffer_info_t;
#define BUFFER_READ 1
#define BUFFER_WRITE 2
/* Bytes in one item of a buffer with this typecode (1 for b, B, c and any unknown letter). */
size_t buffer_item_size(int typecode);
/* The buffer of a value assigned to a slice of an array or bytearray whose items are itemsize
 * bytes (objects: an 'O' array). As in MicroPython, the value must be a buffer (array, bytes,
 * bytearray, memoryview; not str) with items of the same size: NotImplementedError "array/bytes
 * required on right side", else ValueError. The buffer may be the target's own storage. */
void buffer_slice_source(obj_t value, size_t itemsize, bool objects, buffer_info_t *bi);
/* `needle in x` for an array, bytearray or memoryview x: as in MicroPython, an int needle is
 * NotImplementedError (a bytes needle is searched for). Returns if needle isn't an int. */
void buffer_refuse_int_search(obj_t needle);

/* ---- operators ---- */
typedef enum {
    UNARY_OP_BOOL,     /* __bool__: must return OBJ_TRUE/OBJ_FALSE */
    UNARY_OP_LEN,      /* __len__: returns a small int */
    UNARY_OP_HASH,     /* __hash__: returns a small int */
    UNARY_OP_POSITIVE, /* + */
    UNARY_OP_NEGATIVE, /* - */
    UNARY_OP_INVERT,   /* ~ */
    UNARY_OP_NOT,      /* handled by the runtime from BOOL; types never see it */
    UNARY_OP_ABS,      /* abs() */
    UNARY_OP_INT,      /* int(x) of a non-int object: __int__/__index__ */
} unary_op_t;

/* The order matters: INPLACE_x + (BINARY_OP_OR - BINARY_OP_INPLACE_OR) == x, and
 * x + (BINARY_OP_REVERSE_OR - BINARY_OP_OR) == REVERSE_x. */
typedef enum {
    /* comparisons: results are OBJ_TRUE/OBJ_FALSE (or any object for user __lt__ etc.) */
    BINARY_OP_LESS,
    BINARY_OP_MORE,
    BINARY_OP_EQUAL,
    BINARY_OP_LESS_EQUAL,
    BINARY_OP_MORE_EQUAL,
    BINARY_OP_NOT_EQUAL,
    BINARY_OP_CONTAINS, /* lhs.__contains__(rhs): "rhs in lhs" */
    /* in-place */
    BINARY_OP_INPLACE_OR,
    BINARY_OP_INPLACE_XOR,
    BINARY_OP_INPLACE_AND,
    BINARY_OP_INPLACE_LSHIFT,
    BINARY_OP_INPLACE_RSHIFT,
    BINARY_OP_INPLACE_ADD,
    BINARY_OP_INPLACE_SUBTRACT,
    BINARY_OP_INPLACE_MULTIPLY,
    BINARY_OP_INPLACE_MAT_MULTIPLY,
    BINARY_OP_INPLACE_FLOOR_DIVIDE,
    BINARY_OP_INPLACE_TRUE_DIVIDE,
    BINARY_OP_INPLACE_MODULO,
    BINARY_OP_INPLACE_POWER,
    /* plain */
    BINARY_OP_OR,
    BINARY_OP_XOR,
    BINARY_OP_AND,
    BINARY_OP_LSHIFT,
    BINARY_OP_RSHIFT,
    BINARY_OP_ADD,
    BINARY_OP_SUBTRACT,
    BINARY_OP_MULTIPLY,
    BINARY_OP_MAT_MULTIPLY,
    BINARY_OP_FLOOR_DIVIDE,
    BINARY_OP_TRUE_DIVIDE,
    BINARY_OP_MODULO,
    BINARY_OP_POWER,
    BINARY_OP_DIVMOD, /* divmod(): only types implement it; no syntax */
    /* reflected (__radd__ ...): only used to dispatch to user classes */
    BINARY_OP_REVERSE_OR,
    BINARY_OP_REVERSE_XOR,
    BINARY_OP_REVERSE_AND,
    BINARY_OP_REVERSE_LSHIFT,
    BINARY_OP_REVERSE_RSHIFT,
    BINARY_OP_REVERSE_ADD,
    BINARY_OP_REVERSE_SUBTRACT,
    BINARY_OP_REVERSE_MULTIPLY,
    BINARY_OP_REVERSE_MAT_MULTIPLY,
    BINARY_OP_REVERSE_FLOOR_DIVIDE,
    BINARY_OP_REVERSE_TRUE_DIVIDE,
    BINARY_OP_REVERSE_MODULO,
    BINARY_OP_REVERSE_POWER,
    BINARY_OP_NUM,
    /* not dispatched to types (the runtime handles them) */
    BINARY_OP_IS = BINARY_OP_NUM,
    BINARY_OP_IS_NOT,
    BINARY_OP_IN,
    BINARY_OP_NOT_IN,
    BINARY_OP_EXCEPTION_MATCH,
} binary_op_t;

/* ---- the type object ----
 * Calling convention everywhere: (n_args, n_kw, args) where args holds n_args positional values
 * followed by n_kw (key qstr-obj, value) pairs. Slots return OBJ_NULL for "not supported". */
typedef obj_t (*make_new_fun_t)(const struct type_s *type, size_t n_args, size_t n_kw, const obj_t *args);
typedef obj_t (*call_fun_t)(obj_t self, size_t n_args, size_t n_kw, const obj_t *args);
typedef obj_t (*unary_op_fun_t)(unary_op_t op, obj_t o);
typedef obj_t (*binary_op_fun_t)(binary_op_t op, obj_t lhs, obj_t rhs);
/* attr: dest[0]==OBJ_NULL: load -> set dest[0]=value, or dest[0]=function,dest[1]=self for a
 *       method to be bound; leave dest[0]==OBJ_NULL if not found (generic lookup continues).
 *       dest[0]==OBJ_SENTINEL: store dest[1] (delete when dest[1]==OBJ_NULL); set dest[0]=OBJ_NULL
 *       on success. */
typedef void (*attr_fun_t)(obj_t self, qstr attr, obj_t *dest);
/* subscr: value==OBJ_SENTINEL load (returns the item), OBJ_NULL delete, else store (returns OBJ_NONE). */
typedef obj_t (*subscr_fun_t)(obj_t self, obj_t index, obj_t value);
typedef obj_t (*getiter_fun_t)(obj_t self);
/* An iterator built in memory the caller owns (the VM's stack slots of a for loop, a C local)
 * rather than on the heap, so iterating a built-in container never allocates: a type's
 * getiter_buf builds its iterator object in the buffer (at most ITER_BUF_WORDS words, first the
 * type) and returns it. The object must not outlive the buffer: only its owner calls it. */
#define ITER_BUF_WORDS 5
typedef struct {
    obj_t words[ITER_BUF_WORDS];
} iter_buf_t;
typedef obj_t (*getiter_buf_fun_t)(obj_t self, iter_buf_t *buf);
typedef obj_t (*iternext_fun_t)(obj_t self); /* OBJ_NULL when exhausted (no exception) */
typedef bool (*buffer_fun_t)(obj_t self, buffer_info_t *info, int flags);
typedef void (*print_fun_t)(const print_t *print, obj_t o, print_kind_t kind);
typedef void (*finalise_fun_t)(obj_t self); /* called by the GC before freeing (alloc with finaliser) */

struct dict_obj;

#define TYPE_FLAG_IS_SUBCLASSED 0x0001 /* some user class derives from it */
#define TYPE_FLAG_EQ_IS_IDENTITY 0x0002 /* __eq__ is identity: fast path for == */
#define TYPE_FLAG_USER_CLASS 0x0004    /* made by a class statement (instance_obj_t layout) */
#define TYPE_FLAG_ITER_IS_SELF 0x0008  /* getiter returns the object itself */
#define TYPE_FLAG_BINDS_SELF 0x0010    /* a function type: found on a class, binds to the instance */
#define TYPE_FLAG_EXCEPTION 0x0020     /* an exception class (instances are exception_obj_t) */
#define TYPE_FLAG_SLICE_ON_STACK 0x0040 /* subscr keeps no reference to a slice index: the VM may
                                        pass one built on the C stack (a[i:j] allocates no slice) */

typedef struct type_s {
    obj_base_t base; /* &type_type */
    uint16_t flags;
    uint16_t name; /* qstr */
    print_fun_t print;
    make_new_fun_t make_new; /* type(...) constructor */
    call_fun_t call;         /* instance(...) */
    unary_op_fun_t unary_op;
    binary_op_fun_t binary_op;
    attr_fun_t attr;
    subscr_fun_t subscr;
    getiter_fun_t getiter;
    iternext_fun_t iternext;
    buffer_fun_t buffer;
    finalise_fun_t finalise;
    struct dict_obj *locals_dict; /* methods and class attributes; const dict for built-in types */
    const void *parent;           /* NULL, a type_t*, or a tuple_obj_t* of types (multiple bases) */
    const void *protocol;         /* type-specific extension (stream protocol, ...) */
    getiter_buf_fun_t getiter_buf; /* NULL: the iterator comes from getiter (the heap) */
} type_t;

extern const type_t type_type, object_type, none_type, bool_type, int_type, str_type, bytes_type,
    bytearray_type, memoryview_type, tuple_type, list_type, dict_type, set_type, frozenset_type,
    range_type, slice_type, ellipsis_type, notimplemented_type, module_type, property_type,
    staticmethod_type, classmethod_type, super_type, enumerate_type, zip_type, map_type, filter_type,
    reversed_type, native_fun_type, fun_bc_type, closure_type, bound_meth_type, cell_type,
    generator_type, code_type, iterator_type, str_iterator_type, dict_view_type;

static inline const type_t *obj_type(obj_t o) {
    if (obj_is_small_int(o)) {
        return &int_type;
    }
    if (obj_is_qstr(o)) {
        return &str_type;
    }
    return ((const obj_base_t *)OBJ_TO_PTR(o))->type;
}
static inline bool obj_is_type(obj_t o, const type_t *t) {
    return obj_is_ptr(o) && ((const obj_base_t *)OBJ_TO_PTR(o))->type == t;
}
bool obj_is_subclass_fast(const type_t *object_type, const type_t *class_type); /* obj_type.c */
static inline bool obj_is_str(obj_t o) { return obj_is_qstr(o) || obj_is_type(o, &str_type); }
static inline bool obj_is_int(obj_t o) { return obj_is_small_int(o) || obj_is_type(o, &int_type); }

/* ---- native functions ----
 * One calling convention for every built-in function and method: args[0] is self for methods. */
typedef obj_t (*native_fun_t)(size_t n_args, size_t n_kw, const obj_t *args);
typedef struct {
    obj_base_t base; /* &native_fun_type */
    uint16_t name;   /* qstr */
    uint8_t n_args_min;
    uint8_t n_args_max; /* NATIVE_VARARGS for no limit */
    bool takes_kw;
    native_fun_t fun;
} native_fun_obj_t;
#define NATIVE_VARARGS 255
#define DEFINE_FUN(obj_name, qname, min, max, cfun)                                              \
    const native_fun_obj_t obj_name = {{&native_fun_type}, QSTR_##qname, min, max, false, cfun}
#define DEFINE_FUN_KW(obj_name, qname, min, max, cfun)                                           \
    const native_fun_obj_t obj_name = {{&native_fun_type}, QSTR_##qname, min, max, true, cfun}

/* ---- maps and dicts: insertion-ordered hash map (obj_dict.c) ----
 * Used for dicts, module globals, class dicts and instance attributes. A map with index==NULL
 * and is_fixed set is a constant table (method tables), searched linearly. Deleted entries
 * keep their slot with key OBJ_NULL until the next resize. */
typedef struct {
    obj_t key;
    obj_t value;
} map_elem_t;
typedef struct map_s {
    size_t used;       /* slots of table[] in use, including deleted ones */
    size_t filled;     /* live entries */
    size_t alloc;      /* capacity of table[] */
    map_elem_t *table; /* entries in insertion order */
    uint32_t *index;   /* hash index into table (NULL for fixed tables); implementation-defined */
    size_t index_size;
    uint8_t is_fixed; /* read-only constant table */
    uint8_t by_equality; /* OrderedDict, as MicroPython's: never indexed, keys found by == alone,
                          * so an unhashable key works */
} map_t;
typedef enum { MAP_LOOKUP, MAP_LOOKUP_ADD_IF_NOT_FOUND, MAP_LOOKUP_REMOVE_IF_FOUND } map_lookup_kind_t;
typedef struct dict_obj {
    obj_base_t base;
    map_t map;
} dict_obj_t;
#define DEFINE_CONST_DICT(dict_name, table_name)                                                 \
    dict_obj_t dict_name = {{&dict_type},                                                        \
        {sizeof(table_name) / sizeof(map_elem_t), sizeof(table_name) / sizeof(map_elem_t),     \
            sizeof(table_name) / sizeof(map_elem_t), (map_elem_t *)table_name, NULL, 0, 1, 0}}
void map_init(map_t *map, size_t n);
void map_clear(map_t *map);
/* Returns the element (for ADD: a new one with value OBJ_NULL if it was absent); NULL if not found.
 * For REMOVE the returned element is a copy valid until the next call. */
map_elem_t *map_lookup(map_t *map, obj_t key, map_lookup_kind_t kind);
obj_t map_pop_first(map_t *map); /* removes and returns the first key in order; OBJ_NULL if empty */
obj_t dict_new(size_t n);
obj_t dict_get(obj_t dict, obj_t key);       /* OBJ_NULL if absent */
void dict_store(obj_t dict, obj_t key, obj_t value);
void dict_delete(obj_t dict, obj_t key);      /* KeyError if absent */
static inline map_t *dict_map(obj_t dict) { return &((dict_obj_t *)OBJ_TO_PTR(dict))->map; }

/* ---- modules ---- */
typedef struct {
    obj_base_t base; /* &module_type */
    dict_obj_t *globals; /* holds __name__ */
} module_obj_t;
/* A built-in module is declared in its .c file with REGISTER_MODULE(QSTR_name, module_obj);
 * scripts/genqstr.py collects them into build/gen/moduledefs.h. */
#define REGISTER_MODULE(qname, module_obj)

/* ---- tuples and lists (needed everywhere) ---- */
typedef struct {
    obj_base_t base;
    size_t len;
    obj_t items[];
} tuple_obj_t;
typedef struct {
    obj_base_t base;
    size_t alloc;
    size_t len;
    obj_t *items;
} list_obj_t;
obj_t tuple_new(size_t n, const obj_t *items); /* items may be NULL: zero-filled, caller fills */
/* A fresh tuple-shaped object of a tuple subtype (never the shared empty tuple, even for n == 0). */
obj_t tuple_new_of_type(const type_t *type, size_t n, const obj_t *items);
obj_t list_new(size_t n, const obj_t *items);
void list_append(obj_t list, obj_t item);
extern const tuple_obj_t empty_tuple_obj;
#define OBJ_EMPTY_TUPLE OBJ_FROM_PTR(&empty_tuple_obj)
/* (len, items) of a tuple or list; TypeError otherwise. */
void obj_get_array(obj_t o, size_t *len, obj_t **items);
/* Same, but checks the length; ValueError "need more/too many values to unpack" otherwise. */
void obj_get_array_fixed(obj_t o, size_t len, obj_t **items);

/* ---- slices (obj_slice.c) ---- */
typedef struct {
    int_t start, stop, step; /* as slice.indices(len): clamped, step != 0 */
} slice_bounds_t;
/* Normalises slice o for a sequence of length len exactly as CPython's slice.indices(len)
 * (ValueError "slice step cannot be zero"); returns false (no exception) if o isn't a slice.
 * The number of items selected is derivable from the bounds. */
bool slice_get_indices(obj_t o, size_t len, slice_bounds_t *out);
/* Same, for the slices MicroPython (and so the WiPy) takes with no step but 1: loads from str,
 * bytes, bytearray, tuple, array and memoryview, and stores and deletions on lists and buffers.
 * NotImplementedError "only slices with step=1 (aka None) are supported" for any other step. */
bool slice_get_unit_indices(obj_t o, size_t len, slice_bounds_t *out);

/* ---- strings and bytes (obj_str.c) ----
 * A str is a qstr or a heap str_obj_t; bytes use the same layout with bytes_type. Data is
 * UTF-8 for str; `len` is in bytes, `char_len` in code points. */
typedef struct {
    obj_base_t base;
    size_t hash; /* 0 = not computed yet */
    size_t len;
    size_t char_len;
    const uint8_t *data; /* NUL-terminated for convenience (not counted in len) */
} str_obj_t;
obj_t str_new(const char *data, size_t len);           /* str from UTF-8 (interns short ones) */
obj_t str_new_from_vstr(struct vstr_s *vstr);           /* takes over the vstr's buffer */
obj_t bytes_new(const char *data, size_t len);
obj_t str_intern(obj_t s);                             /* qstr for an equal str */
const char *str_get_data(obj_t s, size_t *len);        /* str, bytes or bytearray; TypeError otherwise */
const char *str_cstr(obj_t s);                         /* NUL-terminated data of a str */
size_t str_hash(obj_t s);
bool str_equal(obj_t a, obj_t b);                      /* both str (qstr or heap) */
/* format(value, spec): spec a str or OBJ_NULL (== ''); ints and strs understood natively, other
 * objects by str(). Used by format(), str.format and f-strings. */
obj_t obj_format(obj_t value, obj_t spec);

/* ---- growable byte buffer for building strings (vstr.c) ---- */
typedef struct vstr_s {
    size_t alloc;
    size_t len;
    char *buf;     /* on the GC heap */
    bool fixed;    /* buffer not owned / not growable */
} vstr_t;
void vstr_init(vstr_t *v, size_t alloc);
void vstr_add_byte(vstr_t *v, uint8_t b);
void vstr_add_char(vstr_t *v, uint32_t codepoint); /* UTF-8 encodes */
void vstr_add_strn(vstr_t *v, const char *s, size_t len);
void vstr_add_str(vstr_t *v, const char *s);
char *vstr_null_terminated(vstr_t *v);
void vstr_clear(vstr_t *v);                        /* frees the buffer */
void vstr_print_init(vstr_t *v, print_t *print);   /* a print_t that appends to v */

/* ---- printing helpers (print.c) ---- */
extern const print_t print_stdout; /* the REPL/script output stream (port_write) */
extern const print_t print_stderr;
void print_str(const print_t *p, const char *s);
void print_strn(const print_t *p, const char *s, size_t len);
/* printf-like: %d %u %ld %lu %x %s %.*s %c %p, plus %q (qstr) and %r / %S (repr / str of obj_t). */
int print_fmt(const print_t *p, const char *fmt, ...);
int print_vfmt(const print_t *p, const char *fmt, va_list ap); /* the one formatter (print.c) */
void obj_print(const print_t *p, obj_t o, print_kind_t kind);
obj_t obj_repr(obj_t o); /* repr() as a str object */
obj_t obj_str(obj_t o);  /* str() as a str object */

/* ---- int (obj_int.c, bigint.c) ---- */
obj_t int_from_int(int_t v);            /* small int or bigint */
obj_t int_from_uint(uint_t v);
obj_t int_from_ll(long long v);
obj_t int_from_ull(unsigned long long v);
obj_t int_parse(const char *s, size_t len, int base); /* ValueError on bad text; base 0 = literal rules */
/* C value of an int/bool; OverflowError if it doesn't fit; TypeError if not an int. */
int_t obj_get_int(obj_t o);
bool obj_get_int_maybe(obj_t o, int_t *out); /* false if not an int (no exception) */
long long obj_get_ll(obj_t o);               /* truncating: low 64 bits, two's complement */

/* ---- classes (obj_type.c) ---- */
/* The object a native method works on: self itself when it is of `type`, or the built-in part of
 * an instance of a user subclass of `type`; TypeError otherwise (a method taken from the class and
 * called with something else). */
void *obj_check_self(obj_t self, const type_t *type);
/* Creates a class as the class statement does: bases a tuple (may be empty), dict the namespace
 * the class body filled (it becomes the class's locals_dict). */
obj_t type_new(qstr name, obj_t bases, obj_t dict);
/* staticmethod / classmethod wrappers; usable in const method tables of built-in types:
 *   static const classmethod_obj_t x = {{&classmethod_type}, ROM_PTR(&fun_obj)}; */
typedef struct {
    obj_base_t base; /* &staticmethod_type or &classmethod_type */
    obj_t fun;
} classmethod_obj_t;

/* ---- exceptions ---- */
typedef struct {
    obj_base_t base;
    obj_t args;       /* tuple */
    obj_t traceback;  /* OBJ_NULL or a list of (file qstr, line, block qstr) small-int triples */
    obj_t cause;      /* raise ... from ... ; OBJ_NULL if none */
    obj_t context;    /* exception being handled when this one was raised; OBJ_NULL if none */
} exception_obj_t;
extern const type_t type_BaseException, type_Exception, type_ArithmeticError, type_AssertionError,
    type_AttributeError, type_EOFError, type_GeneratorExit, type_ImportError, type_IndentationError,
    type_IndexError, type_KeyError, type_KeyboardInterrupt, type_LookupError, type_MemoryError,
    type_NameError, type_NotImplementedError, type_OSError, type_OverflowError, type_RuntimeError,
    type_StopIteration, type_StopAsyncIteration, type_SyntaxError, type_SystemExit, type_TypeError, type_UnicodeError,
    type_ValueError, type_ZeroDivisionError;
obj_t exc_new(const type_t *type, size_t n_args, const obj_t *args);
obj_t exc_new_msg(const type_t *type, const char *msg);
obj_t exc_new_fmt(const type_t *type, const char *fmt, ...); /* print_fmt formats */
bool exc_is_instance(obj_t exc, const type_t *type);        /* type or subclass */
void exc_add_traceback(obj_t exc, qstr file, size_t line, qstr block);
void exc_print(const print_t *p, obj_t exc); /* "Traceback (most recent call last):" ... */
obj_t exc_get_value(obj_t exc);            /* StopIteration.value, first arg or None */

/* ---- non-local return (nlr.h has the mechanism) ---- */
NORETURN void rt_raise(obj_t exc); /* exc: an exception instance or class */
NORETURN void raise_msg(const type_t *type, const char *msg);
NORETURN void raise_fmt(const type_t *type, const char *fmt, ...);
NORETURN void raise_type_error_unsupported(binary_op_t op, obj_t lhs, obj_t rhs);
NORETURN void raise_os_error(int errno_value); /* OSError(errno) */
/* OSError(errno, "what failed"): e.args[0] is the errno; printed "[Errno N] ENAME: what failed". */
NORETURN void raise_os_error_why(int errno_value, const char *fmt, ...);
NORETURN void raise_memory_error(void);       /* a preallocated MemoryError; never allocates */
NORETURN void raise_memory_error_bytes(size_t n_bytes); /* same, "allocating N bytes" */
NORETURN void raise_stop_iteration(obj_t value);

/* ---- an object reference read back from raw bytes ('O' items of array and struct; obj_word.c):
 * the word if it names an existing object, else ValueError (never a wild pointer) ---- */
obj_t obj_from_word(obj_t word);

/* ---- memory (gc.c): all Python objects live in one fixed block ---- */
void *gc_alloc(size_t bytes, bool with_finaliser); /* raises MemoryError; memory zeroed */
void *gc_alloc_maybe(size_t bytes, bool with_finaliser); /* NULL instead of raising */
void *gc_realloc(void *ptr, size_t bytes);          /* raises MemoryError; with the heap locked,
                                                       unless it gives whole blocks back */
void gc_free(void *ptr);                            /* optional early free */
#define NEW_OBJ(T) ((T *)gc_alloc(sizeof(T), false))
#define NEW_OBJ_VAR(T, Titem, n) ((T *)gc_alloc(sizeof(T) + sizeof(Titem) * (n), false))
#define NEW_ARRAY(T, n) ((T *)gc_alloc(sizeof(T) * (n), false))

/* ---- arguments of native functions (args.c) ---- */
void arg_check_num(size_t n_args, size_t n_kw, size_t min, size_t max, bool takes_kw);
typedef struct {
    uint16_t name; /* qstr */
    uint16_t flags; /* ARG_REQUIRED | ARG_KW_ONLY | ARG_KIND_INT/OBJ/BOOL */
    obj_t defval;   /* default (ROM_INT / ROM_PTR / OBJ_NULL) */
} arg_spec_t;
#define ARG_KIND_OBJ 0x0000
#define ARG_KIND_INT 0x0001
#define ARG_KIND_BOOL 0x0002
#define ARG_REQUIRED 0x0100
#define ARG_KW_ONLY 0x0200
typedef union {
    obj_t o;
    int_t i;
    bool b;
} arg_val_t;
/* Parses positional+keyword args against specs (TypeError naming the argument on mismatch). */
void arg_parse_all(size_t n_pos, const obj_t *pos, size_t n_kw, const obj_t *kw, size_t n_specs,
    const arg_spec_t *specs, arg_val_t *out);

#endif
