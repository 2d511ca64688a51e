/* core/obj_native_fun.c: native_fun_type, the type of every built-in function and method.
 * Invariant: the call slot checks the argument count and keyword use against the descriptor
 * before calling fun, so native code may index args[0..n_args_min) without checking. */
#include "core/runtime.h"

static obj_t native_fun_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    const native_fun_obj_t *f = (const native_fun_obj_t *)OBJ_TO_PTR(self);
    if (UNLIKELY(n_kw != 0 && !f->takes_kw)) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    if (UNLIKELY(n_args < f->n_args_min || (f->n_args_max != NATIVE_VARARGS && n_args > f->n_args_max))) {
        if (f->n_args_min == f->n_args_max) {
            raise_fmt(&type_TypeError, "function takes %d positional arguments but %d were given",
                (int)f->n_args_min, (int)n_args);
        } else if (n_args < f->n_args_min) {
            raise_fmt(&type_TypeError, "function missing %d required positional arguments",
                (int)(f->n_args_min - n_args));
        } else {
            raise_fmt(&type_TypeError, "function expected at most %d arguments, got %d",
                (int)f->n_args_max, (int)n_args);
        }
    }
    return f->fun(n_args, n_kw, args);
}

static void native_fun_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)kind;
    (void)o;
    print_str(p, "<function>"); /* MicroPython's form: built-ins keep no printed name */
}

static void native_fun_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] == OBJ_NULL && attr == QSTR___name__) {
        dest[0] = ROM_QSTR(((const native_fun_obj_t *)OBJ_TO_PTR(self))->name);
    }
}

const type_t native_fun_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_BINDS_SELF | TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_function,
    .print = native_fun_print,
    .call = native_fun_call,
    .attr = native_fun_attr,
};
