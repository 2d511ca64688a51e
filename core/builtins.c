/* core/builtins.c: the `builtins` module: every built-in function (abs ... zip's friends, print,
 * exec/eval/compile, __import__), the built-in types and exception classes by name, help().
 * Invariant: the namespace is one constant table searched by rt_builtin_lookup after the
 * (usually empty) rt_state.builtins_dict; nothing here keeps Python objects in C statics. */
#include <stdlib.h>
#include <string.h>

#include "core/import.h"
#include "core/nlr.h"
#include "core/obj_int.h"
#include "core/obj_list.h"
#include "core/obj_str.h"
#include "core/obj_type.h"
#include "core/port.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "core/vm.h"

/* Fallbacks until the VM tracks the running code's namespaces. */
__attribute__((weak)) obj_t rt_globals_get(void) {
    obj_t g = import_current_globals();
    return g != OBJ_NULL ? g : rt_state.main_globals;
}
__attribute__((weak)) obj_t rt_locals_get(void) { return rt_globals_get(); }

static qstr builtins_qstr_of(obj_t name) {
    if (obj_is_qstr(name)) {
        return obj_qstr_value(name);
    }
    if (!obj_is_str(name)) {
        raise_fmt(&type_TypeError, "attribute name must be string, not '%s'", rt_type_name(name));
    }
    return obj_qstr_value(str_intern(name));
}

static bool builtins_is_class(obj_t o) {
    return obj_is_ptr(o) && (obj_type(o) == &type_type || rt_issubclass(obj_type(o), &type_type));
}

/* ---- numbers ---- */

static obj_t builtins_ascii(size_t n_args, size_t n_kw, const obj_t *args) { return obj_ascii(args[0]); }
DEFINE_FUN(builtins_ascii_obj, ascii, 1, 1, builtins_ascii);

static obj_t builtins_abs(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t x = args[0];
    if (obj_is_small_int(x)) {
        int_t v = small_int_value(x);
        if (v >= 0) {
            return x;
        }
        return int_from_int(-v);
    }
    return rt_unary_op(UNARY_OP_ABS, x);
}
DEFINE_FUN(builtins_abs_obj, abs, 1, 1, builtins_abs);

static obj_t builtins_bin(size_t n_args, size_t n_kw, const obj_t *args) { return int_bin(args[0]); }
DEFINE_FUN(builtins_bin_obj, bin, 1, 1, builtins_bin);
static obj_t builtins_oct(size_t n_args, size_t n_kw, const obj_t *args) { return int_oct(args[0]); }
DEFINE_FUN(builtins_oct_obj, oct, 1, 1, builtins_oct);
static obj_t builtins_hex(size_t n_args, size_t n_kw, const obj_t *args) { return int_hex(args[0]); }
DEFINE_FUN(builtins_hex_obj, hex, 1, 1, builtins_hex);

static obj_t builtins_divmod(size_t n_args, size_t n_kw, const obj_t *args) {
    return rt_binary_op(BINARY_OP_DIVMOD, args[0], args[1]);
}
DEFINE_FUN(builtins_divmod_obj, divmod, 2, 2, builtins_divmod);

static obj_t builtins_pow(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 3 && args[2] != OBJ_NONE) {
        return int_pow_mod(args[0], args[1], args[2]);
    }
    return rt_binary_op(BINARY_OP_POWER, args[0], args[1]);
}
DEFINE_FUN(builtins_pow_obj, pow, 2, 3, builtins_pow);

/* round(int, ndigits): ints round half to even at 10**-ndigits when ndigits < 0. */
static obj_t builtins_round(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t x = args[0];
    obj_t nd = n_args > 1 ? args[1] : OBJ_NONE;
    if (!obj_is_int(x) && !obj_is_type(x, &bool_type)) {
        obj_t dest[3];
        rt_load_method_maybe(x, QSTR___round__, dest);
        if (dest[0] != OBJ_NULL) {
            if (nd == OBJ_NONE) {
                return rt_call_method(0, 0, dest);
            }
            dest[2] = nd;
            return rt_call_method(1, 0, dest);
        }
        raise_fmt(&type_TypeError, "can't convert %s to int", rt_type_name(x));
    }
    if (obj_is_type(x, &bool_type)) {
        x = small_int_new(x == OBJ_TRUE);
    }
    if (nd == OBJ_NONE) {
        return x;
    }
    int_t n = obj_get_int(nd);
    if (n >= 0) {
        return x;
    }
    obj_t p = rt_binary_op(BINARY_OP_POWER, small_int_new(10), int_from_int(-n));
    obj_t r = rt_binary_op(BINARY_OP_MODULO, x, p); /* 0 <= r < p */
    obj_t down = rt_binary_op(BINARY_OP_SUBTRACT, x, r);
    obj_t twice = rt_binary_op(BINARY_OP_MULTIPLY, r, small_int_new(2));
    obj_t c = rt_binary_op(BINARY_OP_LESS, twice, p);
    if (c == OBJ_TRUE) {
        return down;
    }
    obj_t up = rt_binary_op(BINARY_OP_ADD, down, p);
    if (rt_binary_op(BINARY_OP_MORE, twice, p) == OBJ_TRUE) {
        return up;
    }
    /* a tie: the even multiple of p */
    obj_t q = rt_binary_op(BINARY_OP_FLOOR_DIVIDE, down, p);
    obj_t odd = rt_binary_op(BINARY_OP_AND, q, small_int_new(1));
    return odd == small_int_new(0) ? down : up;
}
DEFINE_FUN(builtins_round_obj, round, 1, 2, builtins_round);

static obj_t builtins_sum(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_iterable, ARG_REQUIRED, OBJ_NULL},
        {QSTR_start, 0, ROM_INT(0)},
    };
    arg_val_t a[2];
    arg_parse_all(n_args, args, n_kw, args + n_args, 2, specs, a);
    obj_t acc = a[1].o;
    iter_buf_t buf;
    obj_t it = rt_getiter_buf(a[0].o, &buf);
    obj_t v;
    while ((v = rt_iternext(it)) != OBJ_NULL) {
        if (obj_is_small_int(acc) && obj_is_small_int(v)) {
            int_t s = small_int_value(acc) + small_int_value(v);
            if (small_int_fits(s)) {
                acc = small_int_new(s);
                continue;
            }
        }
        acc = rt_binary_op(BINARY_OP_ADD, acc, v);
    }
    return acc;
}
DEFINE_FUN_KW(builtins_sum_obj, sum, 1, 2, builtins_sum);

/* max/min: one iterable or several args; key= and default= (only with an iterable). */
static obj_t builtins_minmax(size_t n_args, size_t n_kw, const obj_t *args, binary_op_t op, const char *name) {
    obj_t key = OBJ_NONE;
    obj_t deflt = OBJ_NULL;
    for (size_t i = 0; i < n_kw; i++) {
        qstr k = builtins_qstr_of(args[n_args + 2 * i]);
        if (k == QSTR_key) {
            key = args[n_args + 2 * i + 1];
        } else if (k == QSTR_default) {
            deflt = args[n_args + 2 * i + 1];
        } else {
            raise_fmt(&type_TypeError, "unexpected keyword argument '%q'", (unsigned)k);
        }
    }
    if (n_args == 0) {
        raise_fmt(&type_TypeError, "%s expected at least 1 argument, got 0", name);
    }
    obj_t best = OBJ_NULL;
    obj_t best_key = OBJ_NULL;
    obj_t it;
    iter_buf_t buf;
    if (n_args == 1) {
        it = rt_getiter_buf(args[0], &buf);
    } else {
        if (deflt != OBJ_NULL) {
            raise_fmt(&type_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
        }
        it = rt_getiter(tuple_new(n_args, args));
    }
    obj_t v;
    while ((v = rt_iternext(it)) != OBJ_NULL) {
        obj_t k = key == OBJ_NONE ? v : rt_call1(key, v);
        if (best == OBJ_NULL || rt_binary_op(op, k, best_key) == OBJ_TRUE) {
            best = v;
            best_key = k;
        }
    }
    if (best == OBJ_NULL) {
        if (deflt != OBJ_NULL) {
            return deflt;
        }
        raise_msg(&type_ValueError, "arg is an empty sequence");
    }
    return best;
}
static obj_t builtins_max(size_t n_args, size_t n_kw, const obj_t *args) {
    return builtins_minmax(n_args, n_kw, args, BINARY_OP_MORE, "max");
}
DEFINE_FUN_KW(builtins_max_obj, max, 0, NATIVE_VARARGS, builtins_max);
static obj_t builtins_min(size_t n_args, size_t n_kw, const obj_t *args) {
    return builtins_minmax(n_args, n_kw, args, BINARY_OP_LESS, "min");
}
DEFINE_FUN_KW(builtins_min_obj, min, 0, NATIVE_VARARGS, builtins_min);

/* ---- iteration ---- */

static obj_t builtins_all(size_t n_args, size_t n_kw, const obj_t *args) {
    iter_buf_t buf;
    obj_t it = rt_getiter_buf(args[0], &buf);
    obj_t v;
    while ((v = rt_iternext(it)) != OBJ_NULL) {
        if (!rt_is_true(v)) {
            return OBJ_FALSE;
        }
    }
    return OBJ_TRUE;
}
DEFINE_FUN(builtins_all_obj, all, 1, 1, builtins_all);

static obj_t builtins_any(size_t n_args, size_t n_kw, const obj_t *args) {
    iter_buf_t buf;
    obj_t it = rt_getiter_buf(args[0], &buf);
    obj_t v;
    while ((v = rt_iternext(it)) != OBJ_NULL) {
        if (rt_is_true(v)) {
            return OBJ_TRUE;
        }
    }
    return OBJ_FALSE;
}
DEFINE_FUN(builtins_any_obj, any, 1, 1, builtins_any);

static obj_t builtins_len(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t n = rt_len_maybe(args[0]); /* an int, big for a huge range */
    if (n == OBJ_NULL) {
        rt_len(args[0]); /* raises the TypeError */
    }
    return n;
}
DEFINE_FUN(builtins_len_obj, len, 1, 1, builtins_len);

/* iter(callable, sentinel): calls until the sentinel comes back. */
typedef struct {
    obj_base_t base;
    obj_t fun;
    obj_t sentinel;
} callable_iter_obj_t;

static obj_t callable_iter_next(obj_t self) {
    callable_iter_obj_t *c = (callable_iter_obj_t *)OBJ_TO_PTR(self);
    if (c->fun == OBJ_NULL) {
        return OBJ_NULL;
    }
    obj_t v = rt_call0(c->fun);
    if (rt_equal(v, c->sentinel)) {
        c->fun = OBJ_NULL;
        return OBJ_NULL;
    }
    return v;
}

static const type_t callable_iter_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_callable_iterator,
    .getiter = rt_identity_getiter,
    .iternext = callable_iter_next,
};

static obj_t builtins_iter(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1) {
        return rt_getiter(args[0]);
    }
    callable_iter_obj_t *c = NEW_OBJ(callable_iter_obj_t);
    c->base.type = &callable_iter_type;
    c->fun = args[0];
    c->sentinel = args[1];
    return OBJ_FROM_PTR(c);
}
DEFINE_FUN(builtins_iter_obj, iter, 1, 2, builtins_iter);

static obj_t builtins_next(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t it = args[0];
    const type_t *t = obj_type(it);
    if (t->iternext == NULL && !(t->flags & TYPE_FLAG_USER_CLASS)) {
        raise_fmt(&type_TypeError, "'%s' object isn't an iterator", rt_type_name(it));
    }
    if (n_args == 1) {
        return rt_iternext_or_raise(it);
    }
    obj_t v = rt_iternext(it);
    return v == OBJ_NULL ? args[1] : v;
}
DEFINE_FUN(builtins_next_obj, next, 1, 2, builtins_next);

static obj_t builtins_sorted(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args != 1) {
        raise_fmt(&type_TypeError, "function takes %d positional arguments but %d were given", 1, (int)n_args);
    }
    static const arg_spec_t specs[] = {
        {QSTR_key, ARG_KW_ONLY, ROM_PTR(&none_obj)},
        {QSTR_reverse, ARG_KW_ONLY | ARG_KIND_BOOL, ROM_PTR(&false_obj)},
    };
    arg_val_t a[2];
    arg_parse_all(0, args, n_kw, args + n_args, 2, specs, a);
    obj_t l = list_from_iter(args[0]);
    list_sort(l, a[0].o, a[1].b);
    return l;
}
DEFINE_FUN_KW(builtins_sorted_obj, sorted, 1, NATIVE_VARARGS, builtins_sorted);

/* ---- characters ---- */

static obj_t builtins_chr(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t c = obj_get_int(args[0]);
    if (c < 0 || c >= 0x110000) {
        raise_msg(&type_ValueError, "chr() arg not in range(0x110000)");
    }
    return str_from_char((uint32_t)c);
}
DEFINE_FUN(builtins_chr_obj, chr, 1, 1, builtins_chr);

static obj_t builtins_ord(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new((int_t)str_ord(args[0]));
}
DEFINE_FUN(builtins_ord_obj, ord, 1, 1, builtins_ord);

/* ---- objects ---- */

static obj_t builtins_callable(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t o = args[0];
    if (!obj_is_ptr(o)) {
        return OBJ_FALSE;
    }
    const type_t *t = obj_type(o);
    if (t->flags & TYPE_FLAG_USER_CLASS) {
        return obj_bool(type_lookup(t, QSTR___call__, NULL) != OBJ_NULL);
    }
    return obj_bool(t->call != NULL || builtins_is_class(o));
}
DEFINE_FUN(builtins_callable_obj, callable, 1, 1, builtins_callable);

static obj_t builtins_hash(size_t n_args, size_t n_kw, const obj_t *args) {
    return int_from_int((int_t)rt_hash(args[0]));
}
DEFINE_FUN(builtins_hash_obj, hash, 1, 1, builtins_hash);

static obj_t builtins_id(size_t n_args, size_t n_kw, const obj_t *args) {
    return int_from_uint((uint_t)args[0]);
}
DEFINE_FUN(builtins_id_obj, id, 1, 1, builtins_id);

static obj_t builtins_repr(size_t n_args, size_t n_kw, const obj_t *args) { return obj_repr(args[0]); }
DEFINE_FUN(builtins_repr_obj, repr, 1, 1, builtins_repr);

static obj_t builtins_format(size_t n_args, size_t n_kw, const obj_t *args) {
    return obj_format(args[0], n_args > 1 ? args[1] : OBJ_NULL);
}
DEFINE_FUN(builtins_format_obj, format, 1, 2, builtins_format);

static obj_t builtins_getattr(size_t n_args, size_t n_kw, const obj_t *args) {
    qstr q = builtins_qstr_of(args[1]);
    if (n_args == 2) {
        return rt_load_attr(args[0], q);
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t v = rt_load_attr_maybe(args[0], q);
        nlr_pop();
        return v == OBJ_NULL ? args[2] : v;
    }
    if (exc_is_instance(nlr.value, &type_AttributeError)) {
        return args[2];
    }
    nlr_jump(nlr.value);
}
DEFINE_FUN(builtins_getattr_obj, getattr, 2, 3, builtins_getattr);

static obj_t builtins_setattr(size_t n_args, size_t n_kw, const obj_t *args) {
    rt_store_attr(args[0], builtins_qstr_of(args[1]), args[2]);
    return OBJ_NONE;
}
DEFINE_FUN(builtins_setattr_obj, setattr, 3, 3, builtins_setattr);

static obj_t builtins_delattr(size_t n_args, size_t n_kw, const obj_t *args) {
    rt_delete_attr(args[0], builtins_qstr_of(args[1]));
    return OBJ_NONE;
}
DEFINE_FUN(builtins_delattr_obj, delattr, 2, 2, builtins_delattr);

static obj_t builtins_hasattr(size_t n_args, size_t n_kw, const obj_t *args) {
    qstr q = builtins_qstr_of(args[1]);
    /* like CPython, only AttributeError means "no" (a property may raise others) */
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t v = rt_load_attr_maybe(args[0], q);
        nlr_pop();
        return obj_bool(v != OBJ_NULL);
    }
    if (exc_is_instance(nlr.value, &type_AttributeError)) {
        return OBJ_FALSE;
    }
    nlr_jump(nlr.value);
}
DEFINE_FUN(builtins_hasattr_obj, hasattr, 2, 2, builtins_hasattr);

static obj_t builtins_isinstance(size_t n_args, size_t n_kw, const obj_t *args) {
    return obj_bool(rt_isinstance(args[0], args[1]));
}
DEFINE_FUN(builtins_isinstance_obj, isinstance, 2, 2, builtins_isinstance);

static bool builtins_issubclass_one(const type_t *sub, obj_t cls) {
    if (obj_is_type(cls, &tuple_type)) {
        rt_stack_check(); /* tuples of classes nest */
        size_t n;
        obj_t *items;
        obj_get_array(cls, &n, &items);
        for (size_t i = 0; i < n; i++) {
            if (builtins_issubclass_one(sub, items[i])) {
                return true;
            }
        }
        return false;
    }
    if (!builtins_is_class(cls)) {
        raise_msg(&type_TypeError, "issubclass() arg 2 must be a class or a tuple of classes");
    }
    return rt_issubclass(sub, (const type_t *)OBJ_TO_PTR(cls));
}

static obj_t builtins_issubclass(size_t n_args, size_t n_kw, const obj_t *args) {
    if (!builtins_is_class(args[0])) {
        raise_msg(&type_TypeError, "issubclass() arg 1 must be a class");
    }
    return obj_bool(builtins_issubclass_one((const type_t *)OBJ_TO_PTR(args[0]), args[1]));
}
DEFINE_FUN(builtins_issubclass_obj, issubclass, 2, 2, builtins_issubclass);

/* dir(): names of a namespace, its class and the bases, without repeats, sorted. Two walks over
 * the same maps: the first counts the names, the second stores them into a list of exactly that
 * size; repeats are dropped after sorting (they are then adjacent), so no set of seen names is
 * built. A walk that finds more names than counted (a __eq__ can't run here, so only a bug could)
 * stops storing at the counted size. */
typedef struct {
    obj_t *items; /* NULL while counting */
    size_t n, cap;
} dir_acc_t;

static void builtins_dir_map(dir_acc_t *acc, const map_t *map) {
    for (size_t i = 0; i < map->used; i++) {
        obj_t k = map->table[i].key;
        if (k != OBJ_NULL && obj_is_str(k)) {
            if (acc->items != NULL && acc->n < acc->cap) {
                acc->items[acc->n] = k;
            }
            acc->n++;
        }
    }
}

static void builtins_dir_type(dir_acc_t *acc, const type_t *t, int depth) {
    if (t == NULL || depth > 64) {
        return;
    }
    if (t->locals_dict != NULL) {
        builtins_dir_map(acc, &t->locals_dict->map);
    }
    if (t->parent == NULL) {
        return;
    }
    const obj_base_t *p = (const obj_base_t *)t->parent;
    if (p->type == &tuple_type) {
        const tuple_obj_t *tup = (const tuple_obj_t *)t->parent;
        for (size_t i = 0; i < tup->len; i++) {
            builtins_dir_type(acc, (const type_t *)OBJ_TO_PTR(tup->items[i]), depth + 1);
        }
    } else {
        builtins_dir_type(acc, (const type_t *)t->parent, depth + 1);
    }
}

/* One walk of what dir(o) lists (map: the namespace for dir() or a module, else NULL). */
static void builtins_dir_walk(dir_acc_t *acc, const map_t *map, obj_t o) {
    if (map != NULL) {
        builtins_dir_map(acc, map);
    } else if (builtins_is_class(o)) {
        builtins_dir_type(acc, (const type_t *)OBJ_TO_PTR(o), 0);
    } else {
        dict_obj_t *d = instance_get_dict(o);
        if (d != NULL) {
            builtins_dir_map(acc, &d->map);
        }
        builtins_dir_type(acc, obj_type(o), 0);
    }
}

static obj_t builtins_dir(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t o = n_args == 0 ? OBJ_NULL : args[0];
    const map_t *map = NULL;
    if (n_args == 0) {
        map = dict_map(rt_locals_get());
    } else if (obj_is_type(o, &module_type)) {
        map = dict_map(module_globals(o));
    } else if (!builtins_is_class(o) && (obj_type(o)->flags & TYPE_FLAG_USER_CLASS) &&
               type_lookup(obj_type(o), QSTR___dir__, NULL) != OBJ_NULL) {
        /* a user __dir__ says what there is; dir() returns it as a sorted list */
        obj_t m[2];
        rt_load_method(o, QSTR___dir__, m);
        obj_t l = list_from_iter(rt_call_method(0, 0, m));
        list_sort(l, OBJ_NULL, false);
        return l;
    }
    dir_acc_t acc = {NULL, 0, 0};
    builtins_dir_walk(&acc, map, o);
    obj_t l = list_new(acc.n, NULL);
    list_obj_t *lo = OBJ_TO_PTR(l);
    acc.items = lo->items;
    acc.cap = acc.n;
    acc.n = 0;
    builtins_dir_walk(&acc, map, o);
    if (acc.n < lo->len) {
        list_set_len(l, acc.n);
    }
    list_sort(l, OBJ_NULL, false);
    size_t n = 0;
    for (size_t i = 0; i < lo->len; i++) {
        if (n == 0 || !str_equal(lo->items[n - 1], lo->items[i])) {
            lo->items[n++] = lo->items[i];
        }
    }
    list_set_len(l, n);
    return l;
}
DEFINE_FUN(builtins_dir_obj, dir, 0, 1, builtins_dir);

static obj_t builtins_globals(size_t n_args, size_t n_kw, const obj_t *args) { return rt_globals_get(); }
DEFINE_FUN(builtins_globals_obj, globals, 0, 0, builtins_globals);
static obj_t builtins_locals(size_t n_args, size_t n_kw, const obj_t *args) { return rt_locals_get(); }
DEFINE_FUN(builtins_locals_obj, locals, 0, 0, builtins_locals);

/* ---- input and output ---- */

void builtins_write_to(obj_t file, obj_t s) {
    obj_t dest[3];
    rt_load_method_maybe(file, QSTR_write, dest);
    if (dest[0] == OBJ_NULL) {
        raise_msg(&type_OSError, "stream operation not supported");
    }
    dest[2] = s;
    obj_t r = rt_call_method(1, 0, dest);
    /* a stream claiming to have written more than it was given is broken: EIO, as MicroPython */
    size_t len;
    if (obj_is_small_int(r) && obj_is_str(s)) {
        str_get_data(s, &len);
        if (small_int_value(r) > (int_t)len) {
            raise_os_error(5); /* EIO */
        }
    }
}

static obj_t builtins_print(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t sep = OBJ_NULL, end = OBJ_NULL, file = OBJ_NULL;
    for (size_t i = 0; i < n_kw; i++) {
        qstr k = builtins_qstr_of(args[n_args + 2 * i]);
        obj_t v = args[n_args + 2 * i + 1];
        if (k == QSTR_sep) {
            sep = v;
        } else if (k == QSTR_end) {
            end = v;
        } else if (k == QSTR_file) {
            file = v;
        } else if (k != QSTR_flush) {
            raise_fmt(&type_TypeError, "unexpected keyword argument '%q'", (unsigned)k);
        }
    }
    if (sep == OBJ_NONE) {
        sep = OBJ_NULL;
    }
    if (end == OBJ_NONE) {
        end = OBJ_NULL;
    }
    if ((sep != OBJ_NULL && !obj_is_str(sep)) || (end != OBJ_NULL && !obj_is_str(end))) {
        raise_msg(&type_TypeError, "sep and end must be None or strings");
    }
    if (file == OBJ_NONE || file == OBJ_FROM_PTR(&sys_stdout_obj)) {
        file = OBJ_NULL;
    }
    if (file == OBJ_NULL) {
        const print_t *p = &print_stdout;
        for (size_t i = 0; i < n_args; i++) {
            if (i > 0) {
                if (sep == OBJ_NULL) {
                    p->write(p->data, " ", 1);
                } else {
                    size_t l;
                    const char *s = str_get_data(sep, &l);
                    p->write(p->data, s, l);
                }
            }
            obj_print(p, args[i], PRINT_STR);
        }
        if (end == OBJ_NULL) {
            p->write(p->data, "\n", 1);
        } else {
            size_t l;
            const char *s = str_get_data(end, &l);
            p->write(p->data, s, l);
        }
        return OBJ_NONE;
    }
    /* another stream: one write() per piece, as CPython does */
    for (size_t i = 0; i < n_args; i++) {
        if (i > 0) {
            builtins_write_to(file, sep == OBJ_NULL ? ROM_QSTR(QSTR__space_) : sep);
        }
        builtins_write_to(file, obj_str(args[i]));
    }
    builtins_write_to(file, end == OBJ_NULL ? ROM_QSTR(QSTR__newline_) : end);
    return OBJ_NONE;
}
DEFINE_FUN_KW(builtins_print_obj, print, 0, NATIVE_VARARGS, builtins_print);

static obj_t builtins_input(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1 && args[0] != OBJ_NONE) {
        obj_print(&print_stdout, args[0], PRINT_STR);
    }
    vstr_t v;
    vstr_init(&v, 32);
    if (!port_read_line(&v)) {
        raise_msg(&type_EOFError, "");
    }
    return str_new_from_vstr(&v);
}
DEFINE_FUN(builtins_input_obj, input, 0, 1, builtins_input);

void builtins_print_help(void) { print_str(&print_stdout, port_help_text); }

static obj_t builtins_help(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 0) {
        builtins_print_help();
        return OBJ_NONE;
    }
    obj_t o = args[0];
    if (obj_is_str(o) && str_equal(o, ROM_QSTR(QSTR_modules))) {
        for (size_t i = 0; i < import_n_builtin_modules; i++) {
            print_fmt(&print_stdout, "%q\n", (unsigned)import_builtin_modules[i].name);
        }
        return OBJ_NONE;
    }
    print_fmt(&print_stdout, "object %r is of type %s\n", o, rt_type_name(o));
    const map_t *m = NULL;
    if (obj_is_type(o, &module_type)) {
        m = dict_map(module_globals(o));
    } else {
        const type_t *t = builtins_is_class(o) ? (const type_t *)OBJ_TO_PTR(o) : obj_type(o);
        if (t->locals_dict != NULL) {
            m = &t->locals_dict->map;
        }
    }
    if (m != NULL) {
        for (size_t i = 0; i < m->used; i++) {
            if (m->table[i].key != OBJ_NULL) {
                /* both printed as str, as MicroPython's help does: `__name__ -- sys` */
                print_fmt(&print_stdout, "  %S -- ", m->table[i].key);
                obj_print(&print_stdout, m->table[i].value, PRINT_STR);
                print_str(&print_stdout, "\n");
            }
        }
    }
    return OBJ_NONE;
}
DEFINE_FUN(builtins_help_obj, help, 0, 1, builtins_help);

/* ---- code ---- */

static input_kind_t builtins_mode(obj_t mode) {
    if (obj_is_str(mode)) {
        size_t l;
        const char *s = str_get_data(mode, &l);
        if (l == 4 && memcmp(s, "exec", 4) == 0) {
            return INPUT_FILE;
        }
        if (l == 4 && memcmp(s, "eval", 4) == 0) {
            return INPUT_EVAL;
        }
        if (l == 6 && memcmp(s, "single", 6) == 0) {
            return INPUT_SINGLE;
        }
    }
    raise_msg(&type_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
}

static const char *builtins_source(obj_t src, size_t *len) {
    if (obj_is_str(src) || obj_is_bytes(src)) {
        return str_get_data(src, len);
    }
    buffer_info_t bi; /* any object with the buffer protocol (bytearray, memoryview, array) */
    if (rt_get_buffer(src, &bi, BUFFER_READ)) {
        *len = bi.len;
        return (const char *)bi.buf;
    }
    raise_msg(&type_TypeError, "exec() arg 1 must be a string, bytes or code object");
}

static obj_t builtins_compile(size_t n_args, size_t n_kw, const obj_t *args) {
    size_t len;
    const char *src = builtins_source(args[0], &len);
    qstr fname = builtins_qstr_of(args[1]);
    input_kind_t kind = builtins_mode(args[2]);
    obj_t fun = rt_compile(src, len, fname, kind, rt_globals_get());
    if (obj_is_type(fun, &fun_bc_type)) {
        return OBJ_FROM_PTR(((fun_bc_obj_t *)OBJ_TO_PTR(fun))->code);
    }
    return fun;
}
DEFINE_FUN(builtins_compile_obj, compile, 3, 6, builtins_compile);

static void builtins_dict_update(obj_t dest, obj_t src) {
    map_t *m = dict_map(src);
    for (size_t i = 0; i < m->used; i++) {
        if (m->table[i].key != OBJ_NULL) {
            dict_store(dest, m->table[i].key, m->table[i].value);
        }
    }
}

/* Calls fun() with `globals` as the current namespace (restored afterwards, also on errors). */
static obj_t builtins_call_in(obj_t fun, obj_t globals) {
    obj_t saved = import_swap_current_globals(globals);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t r = rt_call0(fun);
        nlr_pop();
        import_swap_current_globals(saved);
        return r;
    }
    import_swap_current_globals(saved);
    nlr_jump(nlr.value);
}

/* execfile's source: the file named by path (str) compiled with globals; OSError when it can't
 * be read. The source buffer never outlives the call. */
static obj_t builtins_compile_file(obj_t path, obj_t globals) {
    if (!obj_is_str(path)) {
        raise_fmt(&type_TypeError, "can't convert '%s' object to str implicitly", rt_type_name(path));
    }
    size_t len;
    const char *p = str_get_data(path, &len);
    char name[256];
    if (len >= sizeof name || memchr(p, 0, len) != NULL) {
        raise_os_error(2); /* ENOENT: no such file can exist */
    }
    memcpy(name, p, len);
    name[len] = 0;
    char *src = port_read_file(name, &len);
    if (src == NULL) {
        raise_os_error(2); /* ENOENT */
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t fun = rt_compile(src, len, qstr_from_str(name), INPUT_FILE, globals);
        nlr_pop();
        free(src);
        return fun;
    }
    free(src);
    nlr_jump(nlr.value);
}

/* exec/eval/execfile: source (a file's for execfile) or code object, globals (default: the
 * caller's) and locals. */
static obj_t builtins_exec_eval(size_t n_args, const obj_t *args, input_kind_t kind, bool from_file) {
    obj_t globals = n_args > 1 && args[1] != OBJ_NONE ? args[1] : OBJ_NULL;
    obj_t locals = n_args > 2 && args[2] != OBJ_NONE ? args[2] : OBJ_NULL;
    if (globals != OBJ_NULL && !obj_is_type(globals, &dict_type)) {
        raise_msg(&type_TypeError, "globals must be a dict");
    }
    if (globals == OBJ_NULL) {
        globals = rt_globals_get(); /* also when only locals are given: the caller's globals */
    }
    /* Separate locals: the code runs in a merged namespace whose new or rebound names are copied
     * back to locals (module-level code has one namespace in this VM). */
    obj_t user_globals = OBJ_NULL;
    if (locals != OBJ_NULL && locals != globals) {
        if (!obj_is_type(locals, &dict_type)) {
            raise_msg(&type_TypeError, "locals must be a dict");
        }
        user_globals = globals;
        globals = dict_new(dict_map(user_globals)->filled + dict_map(locals)->filled);
        builtins_dict_update(globals, user_globals);
        builtins_dict_update(globals, locals);
    }
    obj_t code = args[0];
    obj_t fun;
    if (from_file) {
        fun = builtins_compile_file(code, globals);
    } else if (obj_is_type(code, &code_type)) {
        fun = fun_bc_new((const code_obj_t *)OBJ_TO_PTR(code), globals, OBJ_NULL, OBJ_NULL, OBJ_NULL);
    } else if (obj_is_type(code, &fun_bc_type)) {
        fun = code;
    } else {
        size_t len;
        const char *src = builtins_source(code, &len);
        /* eval strips leading spaces and tabs, as CPython does */
        if (kind == INPUT_EVAL) {
            while (len > 0 && (*src == ' ' || *src == '\t')) {
                src++;
                len--;
            }
        }
        fun = rt_compile(src, len, QSTR__lt_string_gt_, kind, globals);
    }
    obj_t r = builtins_call_in(fun, globals);
    if (user_globals != OBJ_NULL) {
        map_t *m = dict_map(globals);
        for (size_t i = 0; i < m->used; i++) {
            obj_t k = m->table[i].key;
            if (k != OBJ_NULL && dict_get(user_globals, k) != m->table[i].value) {
                dict_store(locals, k, m->table[i].value);
            }
        }
    }
    return kind == INPUT_EVAL ? r : OBJ_NONE;
}

static obj_t builtins_eval(size_t n_args, size_t n_kw, const obj_t *args) {
    return builtins_exec_eval(n_args, args, INPUT_EVAL, false);
}
DEFINE_FUN(builtins_eval_obj, eval, 1, 3, builtins_eval);

static obj_t builtins_exec(size_t n_args, size_t n_kw, const obj_t *args) {
    return builtins_exec_eval(n_args, args, INPUT_FILE, false);
}
DEFINE_FUN(builtins_exec_obj, exec, 1, 3, builtins_exec);

/* execfile(path[, globals[, locals]]): the WiPy's (MICROPY_PY_BUILTINS_EXECFILE) exec of a file. */
static obj_t builtins_execfile(size_t n_args, size_t n_kw, const obj_t *args) {
    return builtins_exec_eval(n_args, args, INPUT_FILE, true);
}
DEFINE_FUN(builtins_execfile_obj, execfile, 1, 3, builtins_execfile);


static void builtins_try_import_from(obj_t module, qstr name) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        rt_import_from(module, name);
        nlr_pop();
    } else if (!exc_is_instance(nlr.value, &type_ImportError)) {
        nlr_jump(nlr.value);
    }
}

static obj_t builtins___import__(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_name, ARG_REQUIRED, OBJ_NULL},
        {QSTR_globals, 0, ROM_PTR(&none_obj)},
        {QSTR_locals, 0, ROM_PTR(&none_obj)},
        {QSTR_fromlist, 0, ROM_PTR(&none_obj)},
        {QSTR_level, ARG_KIND_INT, ROM_INT(0)},
    };
    arg_val_t a[5];
    arg_parse_all(n_args, args, n_kw, args + n_args, 5, specs, a);
    qstr name = builtins_qstr_of(a[0].o);
    if (a[4].i < 0) {
        raise_msg(&type_ValueError, "level must be >= 0");
    }
    if (name == QSTR__empty && a[4].i == 0) {
        raise_msg(&type_ValueError, "Empty module name");
    }
    if (a[4].i > 0 && a[1].o != OBJ_NONE && !obj_is_type(a[1].o, &dict_type)) {
        raise_msg(&type_TypeError, "globals must be a dict");
    }
    obj_t m;
    if (a[4].i == 0 || !obj_is_type(a[1].o, &dict_type)) {
        m = rt_import_name(name, a[3].o, (int)a[4].i);
    } else {
        m = import_name_in(name, a[3].o, (int)a[4].i, a[1].o); /* relative to the globals given */
    }
    /* as CPython: names in fromlist that are submodules of a package get imported */
    if (a[3].o != OBJ_NONE && obj_is_type(m, &module_type) &&
        dict_get(module_globals(m), ROM_QSTR(QSTR___path__)) != OBJ_NULL) {
        obj_t it = rt_getiter(a[3].o);
        obj_t item;
        while ((item = rt_iternext(it)) != OBJ_NULL) {
            if (obj_is_str(item) && !str_equal(item, ROM_QSTR(QSTR__star_))) {
                builtins_try_import_from(m, builtins_qstr_of(item));
            }
        }
    }
    return m;
}
DEFINE_FUN_KW(builtins___import___obj, __import__, 1, 5, builtins___import__);

/* ---- the namespace ---- */

static const map_elem_t builtins_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_builtins)},
    {ROM_QSTR(QSTR___build_class__), ROM_PTR(&build_class_obj)},
    {ROM_QSTR(QSTR___import__), ROM_PTR(&builtins___import___obj)},
    {ROM_QSTR(QSTR___debug__), ROM_PTR(&true_obj)},
    {ROM_QSTR(QSTR_abs), ROM_PTR(&builtins_abs_obj)},
    {ROM_QSTR(QSTR_ascii), ROM_PTR(&builtins_ascii_obj)},
    {ROM_QSTR(QSTR_all), ROM_PTR(&builtins_all_obj)},
    {ROM_QSTR(QSTR_any), ROM_PTR(&builtins_any_obj)},
    {ROM_QSTR(QSTR_bin), ROM_PTR(&builtins_bin_obj)},
    {ROM_QSTR(QSTR_bool), ROM_PTR(&bool_type)},
    {ROM_QSTR(QSTR_bytearray), ROM_PTR(&bytearray_type)},
    {ROM_QSTR(QSTR_bytes), ROM_PTR(&bytes_type)},
    {ROM_QSTR(QSTR_callable), ROM_PTR(&builtins_callable_obj)},
    {ROM_QSTR(QSTR_chr), ROM_PTR(&builtins_chr_obj)},
    {ROM_QSTR(QSTR_classmethod), ROM_PTR(&classmethod_type)},
    {ROM_QSTR(QSTR_compile), ROM_PTR(&builtins_compile_obj)},
    {ROM_QSTR(QSTR_delattr), ROM_PTR(&builtins_delattr_obj)},
    {ROM_QSTR(QSTR_dict), ROM_PTR(&dict_type)},
    {ROM_QSTR(QSTR_dir), ROM_PTR(&builtins_dir_obj)},
    {ROM_QSTR(QSTR_divmod), ROM_PTR(&builtins_divmod_obj)},
    {ROM_QSTR(QSTR_enumerate), ROM_PTR(&enumerate_type)},
    {ROM_QSTR(QSTR_eval), ROM_PTR(&builtins_eval_obj)},
    {ROM_QSTR(QSTR_exec), ROM_PTR(&builtins_exec_obj)},
    {ROM_QSTR(QSTR_execfile), ROM_PTR(&builtins_execfile_obj)},
    {ROM_QSTR(QSTR_filter), ROM_PTR(&filter_type)},
    {ROM_QSTR(QSTR_format), ROM_PTR(&builtins_format_obj)},
    {ROM_QSTR(QSTR_frozenset), ROM_PTR(&frozenset_type)},
    {ROM_QSTR(QSTR_getattr), ROM_PTR(&builtins_getattr_obj)},
    {ROM_QSTR(QSTR_globals), ROM_PTR(&builtins_globals_obj)},
    {ROM_QSTR(QSTR_hasattr), ROM_PTR(&builtins_hasattr_obj)},
    {ROM_QSTR(QSTR_hash), ROM_PTR(&builtins_hash_obj)},
    {ROM_QSTR(QSTR_help), ROM_PTR(&builtins_help_obj)},
    {ROM_QSTR(QSTR_hex), ROM_PTR(&builtins_hex_obj)},
    {ROM_QSTR(QSTR_id), ROM_PTR(&builtins_id_obj)},
    {ROM_QSTR(QSTR_input), ROM_PTR(&builtins_input_obj)},
    {ROM_QSTR(QSTR_int), ROM_PTR(&int_type)},
    {ROM_QSTR(QSTR_isinstance), ROM_PTR(&builtins_isinstance_obj)},
    {ROM_QSTR(QSTR_issubclass), ROM_PTR(&builtins_issubclass_obj)},
    {ROM_QSTR(QSTR_iter), ROM_PTR(&builtins_iter_obj)},
    {ROM_QSTR(QSTR_len), ROM_PTR(&builtins_len_obj)},
    {ROM_QSTR(QSTR_list), ROM_PTR(&list_type)},
    {ROM_QSTR(QSTR_locals), ROM_PTR(&builtins_locals_obj)},
    {ROM_QSTR(QSTR_map), ROM_PTR(&map_type)},
    {ROM_QSTR(QSTR_max), ROM_PTR(&builtins_max_obj)},
    {ROM_QSTR(QSTR_memoryview), ROM_PTR(&memoryview_type)},
    {ROM_QSTR(QSTR_min), ROM_PTR(&builtins_min_obj)},
    {ROM_QSTR(QSTR_next), ROM_PTR(&builtins_next_obj)},
    {ROM_QSTR(QSTR_object), ROM_PTR(&object_type)},
    {ROM_QSTR(QSTR_oct), ROM_PTR(&builtins_oct_obj)},
    {ROM_QSTR(QSTR_open), ROM_PTR(&io_file_open_obj)},
    {ROM_QSTR(QSTR_ord), ROM_PTR(&builtins_ord_obj)},
    {ROM_QSTR(QSTR_pow), ROM_PTR(&builtins_pow_obj)},
    {ROM_QSTR(QSTR_print), ROM_PTR(&builtins_print_obj)},
    {ROM_QSTR(QSTR_property), ROM_PTR(&property_type)},
    {ROM_QSTR(QSTR_range), ROM_PTR(&range_type)},
    {ROM_QSTR(QSTR_repr), ROM_PTR(&builtins_repr_obj)},
    {ROM_QSTR(QSTR_reversed), ROM_PTR(&reversed_type)},
    {ROM_QSTR(QSTR_round), ROM_PTR(&builtins_round_obj)},
    {ROM_QSTR(QSTR_set), ROM_PTR(&set_type)},
    {ROM_QSTR(QSTR_setattr), ROM_PTR(&builtins_setattr_obj)},
    {ROM_QSTR(QSTR_slice), ROM_PTR(&slice_type)},
    {ROM_QSTR(QSTR_sorted), ROM_PTR(&builtins_sorted_obj)},
    {ROM_QSTR(QSTR_staticmethod), ROM_PTR(&staticmethod_type)},
    {ROM_QSTR(QSTR_str), ROM_PTR(&str_type)},
    {ROM_QSTR(QSTR_sum), ROM_PTR(&builtins_sum_obj)},
    {ROM_QSTR(QSTR_super), ROM_PTR(&super_type)},
    {ROM_QSTR(QSTR_tuple), ROM_PTR(&tuple_type)},
    {ROM_QSTR(QSTR_type), ROM_PTR(&type_type)},
    {ROM_QSTR(QSTR_zip), ROM_PTR(&zip_type)},
    {ROM_QSTR(QSTR_NotImplemented), ROM_PTR(&notimplemented_obj)},
    {ROM_QSTR(QSTR_Ellipsis), ROM_PTR(&ellipsis_obj)},
    /* exceptions */
    {ROM_QSTR(QSTR_BaseException), ROM_PTR(&type_BaseException)},
    {ROM_QSTR(QSTR_Exception), ROM_PTR(&type_Exception)},
    {ROM_QSTR(QSTR_ArithmeticError), ROM_PTR(&type_ArithmeticError)},
    {ROM_QSTR(QSTR_AssertionError), ROM_PTR(&type_AssertionError)},
    {ROM_QSTR(QSTR_AttributeError), ROM_PTR(&type_AttributeError)},
    {ROM_QSTR(QSTR_EOFError), ROM_PTR(&type_EOFError)},
    {ROM_QSTR(QSTR_GeneratorExit), ROM_PTR(&type_GeneratorExit)},
    {ROM_QSTR(QSTR_ImportError), ROM_PTR(&type_ImportError)},
    {ROM_QSTR(QSTR_IndentationError), ROM_PTR(&type_IndentationError)},
    {ROM_QSTR(QSTR_IndexError), ROM_PTR(&type_IndexError)},
    {ROM_QSTR(QSTR_KeyError), ROM_PTR(&type_KeyError)},
    {ROM_QSTR(QSTR_KeyboardInterrupt), ROM_PTR(&type_KeyboardInterrupt)},
    {ROM_QSTR(QSTR_LookupError), ROM_PTR(&type_LookupError)},
    {ROM_QSTR(QSTR_MemoryError), ROM_PTR(&type_MemoryError)},
    {ROM_QSTR(QSTR_NameError), ROM_PTR(&type_NameError)},
    {ROM_QSTR(QSTR_NotImplementedError), ROM_PTR(&type_NotImplementedError)},
    {ROM_QSTR(QSTR_OSError), ROM_PTR(&type_OSError)},
    {ROM_QSTR(QSTR_OverflowError), ROM_PTR(&type_OverflowError)},
    {ROM_QSTR(QSTR_RuntimeError), ROM_PTR(&type_RuntimeError)},
    {ROM_QSTR(QSTR_StopAsyncIteration), ROM_PTR(&type_StopAsyncIteration)},
    {ROM_QSTR(QSTR_StopIteration), ROM_PTR(&type_StopIteration)},
    {ROM_QSTR(QSTR_SyntaxError), ROM_PTR(&type_SyntaxError)},
    {ROM_QSTR(QSTR_SystemExit), ROM_PTR(&type_SystemExit)},
    {ROM_QSTR(QSTR_TypeError), ROM_PTR(&type_TypeError)},
    {ROM_QSTR(QSTR_UnicodeError), ROM_PTR(&type_UnicodeError)},
    {ROM_QSTR(QSTR_ValueError), ROM_PTR(&type_ValueError)},
    {ROM_QSTR(QSTR_ZeroDivisionError), ROM_PTR(&type_ZeroDivisionError)},
};
static DEFINE_CONST_DICT(builtins_dict, builtins_table);
const module_obj_t builtins_module = {{&module_type}, &builtins_dict};
REGISTER_MODULE(QSTR_builtins, builtins_module);

obj_t rt_builtin_lookup(qstr name) {
    obj_t key = obj_new_qstr(name);
    if (rt_state.builtins_dict != OBJ_NULL && dict_map(rt_state.builtins_dict)->filled > 0) {
        obj_t v = dict_get(rt_state.builtins_dict, key);
        if (v != OBJ_NULL) {
            return v;
        }
    }
    /* the table is constant: a direct map from static qstr to table slot, built on first use */
    static uint8_t slot_of[QSTR_NUM_STATIC];
    static bool slots_ready;
    if (UNLIKELY(!slots_ready)) {
        for (size_t i = 0; i < sizeof(builtins_table) / sizeof(builtins_table[0]); i++) {
            slot_of[obj_qstr_value(builtins_table[i].key)] = (uint8_t)(i + 1);
        }
        slots_ready = true;
    }
    if (name < QSTR_NUM_STATIC && slot_of[name] != 0) {
        return builtins_table[slot_of[name] - 1].value;
    }
    return OBJ_NULL;
}
