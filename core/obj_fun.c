/* core/obj_fun.c: byte-code functions (fun_bc_type, closures folded in), cells, code objects,
 * argument binding and the built-in __build_class__.
 * Invariant: after fun_bc_bind_args every parameter slot is bound (or TypeError was raised), every
 * cell slot holds a cell_obj_t and the free-variable slots hold the closure's cells. */
#include <alloca.h>

#include "core/bytecode.h"
#include "core/nlr.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "core/vm.h"

/* ---- cells ---- */

obj_t cell_new(obj_t value) {
    cell_obj_t *c = NEW_OBJ(cell_obj_t);
    c->base.type = &cell_type;
    c->value = value;
    return OBJ_FROM_PTR(c);
}

static void cell_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)kind;
    print_fmt(p, "<cell %p>", OBJ_TO_PTR(o));
}

const type_t cell_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_cell,
    .print = cell_print,
};

/* ---- code objects ---- */

static void code_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)kind;
    const code_obj_t *c = OBJ_TO_PTR(o);
    print_fmt(p, "<code object %q at %p>", c->name, OBJ_TO_PTR(o));
}

const type_t code_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_code,
    .print = code_print,
};

/* ---- functions ---- */

obj_t fun_bc_new(const code_obj_t *code, obj_t globals, obj_t defaults, obj_t kwdefaults, obj_t closure) {
    fun_bc_obj_t *f = NEW_OBJ(fun_bc_obj_t);
    f->base.type = &fun_bc_type;
    f->code = code;
    f->globals = globals;
    f->defaults = defaults;
    f->kwdefaults = kwdefaults;
    f->closure = closure;
    return OBJ_FROM_PTR(f);
}

static qstr fun_key_qstr(obj_t key) {
    if (obj_is_qstr(key)) {
        return obj_qstr_value(key);
    }
    if (obj_is_str(key)) {
        size_t len;
        const char *d = str_get_data(key, &len);
        return qstr_find_strn(d, len);
    }
    raise_msg(&type_TypeError, "keywords must be strings");
}

void fun_bc_bind_args(vm_frame_t *f, const fun_bc_obj_t *fun, size_t n_args, size_t n_kw, const obj_t *args) {
    const code_obj_t *code = fun->code;
    obj_t *locals = f->state;
    size_t n_pos = code->n_pos_args;
    size_t n_kwonly = code->n_kwonly;
    unsigned flags = code->flags;
    if (LIKELY(n_kw == 0 && n_args == n_pos && n_kwonly == 0 && !(flags & (CODE_VARARGS | CODE_VARKW)))) {
        if (n_args != 0) { /* args may be NULL when there are none (rt_call0) */
            memcpy(locals, args, n_args * sizeof(obj_t));
        }
    } else {
        size_t extra = n_pos + n_kwonly; /* index of *args, then **kwargs */
        if (n_args > n_pos) {
            if (!(flags & CODE_VARARGS)) {
                raise_fmt(&type_TypeError, "%q() takes %u positional arguments but %u were given",
                    (unsigned)code->name, (unsigned)n_pos, (unsigned)n_args);
            }
            memcpy(locals, args, n_pos * sizeof(obj_t));
            locals[extra] = tuple_new(n_args - n_pos, args + n_pos);
        } else {
            if (n_args != 0) { /* args may be NULL */
                memcpy(locals, args, n_args * sizeof(obj_t));
            }
            if (flags & CODE_VARARGS) {
                locals[extra] = OBJ_EMPTY_TUPLE;
            }
        }
        obj_t kwdict = OBJ_NULL;
        if (flags & CODE_VARKW) {
            kwdict = dict_new(n_kw);
            locals[extra + ((flags & CODE_VARARGS) ? 1 : 0)] = kwdict;
        }
        for (size_t i = 0; i < n_kw; i++) {
            const obj_t *kw = args + n_args; /* args is not NULL when there are keywords */
            obj_t key = kw[2 * i], val = kw[2 * i + 1];
            qstr q = fun_key_qstr(key);
            size_t j = code->n_posonly;
            for (; j < n_pos + n_kwonly; j++) {
                if (code->arg_names[j] == q) {
                    break;
                }
            }
            if (q != QSTR_NULL && j < n_pos + n_kwonly) {
                if (locals[j] != OBJ_NULL) {
                    raise_fmt(&type_TypeError, "function got multiple values for argument '%q'", q);
                }
                locals[j] = val;
            } else if (kwdict != OBJ_NULL) {
                dict_store(kwdict, key, val);
            } else {
                raise_fmt(&type_TypeError, "unexpected keyword argument '%S'", key);
            }
        }
        /* defaults for positional parameters */
        size_t n_def = 0;
        obj_t *defs = NULL;
        if (fun->defaults != OBJ_NULL) {
            tuple_obj_t *t = OBJ_TO_PTR(fun->defaults);
            n_def = t->len;
            defs = t->items;
        }
        if (n_args < n_pos) {
            if (n_kw == 0 && n_args + n_def < n_pos) {
                /* MicroPython (bc.c) reports the count without defaults here */
                raise_fmt(&type_TypeError, "%q() takes %u positional arguments but %u were given",
                    (unsigned)code->name, (unsigned)(n_pos - n_def), (unsigned)n_args);
            }
            for (size_t i = n_pos; i-- > n_args;) {
                if (locals[i] == OBJ_NULL) {
                    if (i + n_def >= n_pos) {
                        locals[i] = defs[i + n_def - n_pos];
                    } else {
                        raise_fmt(&type_TypeError, "function missing required positional argument #%u", (unsigned)i);
                    }
                }
            }
        }
        if (n_kwonly > 0 && n_kw == 0 && fun->kwdefaults == OBJ_NULL) {
            raise_msg(&type_TypeError, "function missing keyword-only argument");
        }
        for (size_t i = n_pos; i < n_pos + n_kwonly; i++) {
            if (locals[i] == OBJ_NULL) {
                obj_t d = OBJ_NULL;
                if (fun->kwdefaults != OBJ_NULL) {
                    d = dict_get(fun->kwdefaults, obj_new_qstr(code->arg_names[i]));
                }
                if (d == OBJ_NULL) {
                    raise_fmt(&type_TypeError, "function missing required keyword argument '%q'", code->arg_names[i]);
                }
                locals[i] = d;
            }
        }
    }
    for (size_t i = 0; i < code->n_cells; i++) {
        size_t k = code->cell_idx[i];
        locals[k] = cell_new(locals[k]);
    }
    if (code->n_free > 0) {
        tuple_obj_t *cl = OBJ_TO_PTR(fun->closure);
        memcpy(locals + code->free_start, cl->items, code->n_free * sizeof(obj_t));
    }
}

obj_t fun_bc_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    const fun_bc_obj_t *fun = OBJ_TO_PTR(self);
    const code_obj_t *code = fun->code;
    if (code->flags & CODE_GENERATOR) {
        return gen_new(fun, n_args, n_kw, args);
    }
    rt_stack_check();
    vm_frame_t *f = alloca(vm_frame_size(code));
    if (LIKELY(n_kw == 0 && n_args == code->n_pos_args && code->n_kwonly == 0 && code->n_cells == 0 &&
               code->n_free == 0 && !(code->flags & (CODE_VARARGS | CODE_VARKW)))) {
        /* the common simple call: copy the arguments, clear the other locals */
        f->code = code;
        f->globals = fun->globals;
        f->locals_dict = OBJ_NULL;
        f->ip = code->code;
        f->sp = f->state + code->n_locals - 1;
        f->blocks = (vm_block_t *)(f->state + code->n_locals + code->stack_size);
        f->n_blocks = 0;
        if (n_args > 0) {
            memcpy(f->state, args, n_args * sizeof(obj_t));
        }
        for (size_t i = n_args; i < code->n_locals; i++) {
            f->state[i] = OBJ_NULL;
        }
        return vm_execute(f, OBJ_NULL);
    }
    vm_frame_init(f, code, fun->globals);
    fun_bc_bind_args(f, fun, n_args, n_kw, args);
    return vm_execute(f, OBJ_NULL);
}

obj_t fun_bc_call_class_body(obj_t self, obj_t ns) {
    const fun_bc_obj_t *fun = OBJ_TO_PTR(self);
    const code_obj_t *code = fun->code;
    rt_stack_check();
    vm_frame_t *f = alloca(vm_frame_size(code));
    vm_frame_init(f, code, fun->globals);
    f->locals_dict = ns;
    fun_bc_bind_args(f, fun, 0, 0, NULL);
    return vm_execute(f, OBJ_NULL);
}

static void fun_bc_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)kind;
    const fun_bc_obj_t *f = OBJ_TO_PTR(o);
    print_fmt(p, "<function %q at %p>", f->code->name, OBJ_TO_PTR(o));
}

static void fun_bc_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return; /* no stores */
    }
    const fun_bc_obj_t *f = OBJ_TO_PTR(self);
    if (attr == QSTR___name__) {
        dest[0] = obj_new_qstr(f->code->name);
    } else if (attr == QSTR___globals__) {
        dest[0] = f->globals;
    } else if (attr == QSTR___qualname__) {
        dest[0] = obj_new_qstr(f->code->name);
    }
}

const type_t fun_bc_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_BINDS_SELF | TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_function,
    .print = fun_bc_print,
    .call = fun_bc_call,
    .attr = fun_bc_attr,
};

/* Closures are fun_bc objects with a closure tuple; this type is never instantiated. */
const type_t closure_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_BINDS_SELF | TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_closure,
    .print = fun_bc_print,
    .call = fun_bc_call,
};

/* ---- __build_class__(func, name, *bases, metaclass=None, **kw) ---- */

static obj_t build_class(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args < 2 || !obj_is_type(args[0], &fun_bc_type)) {
        raise_msg(&type_TypeError, "__build_class__: func must be a function");
    }
    if (!obj_is_str(args[1])) {
        raise_msg(&type_TypeError, "__build_class__: name is not a string");
    }
    obj_t meta = OBJ_NULL;
    for (size_t i = 0; i < n_kw; i++) {
        obj_t k = args[n_args + 2 * i];
        if (obj_is_qstr(k) && obj_qstr_value(k) == QSTR_metaclass) {
            meta = args[n_args + 2 * i + 1];
        }
    }
    obj_t bases = tuple_new(n_args - 2, args + 2);
    obj_t ns = dict_new(0);
    obj_t cell = fun_bc_call_class_body(args[0], ns);
    obj_t cls;
    if (meta != OBJ_NULL && meta != OBJ_FROM_PTR(&type_type)) {
        obj_t margs[3] = {args[1], bases, ns};
        cls = rt_call(meta, 3, 0, margs);
    } else {
        size_t len;
        const char *d = str_get_data(args[1], &len);
        qstr name = obj_is_qstr(args[1]) ? obj_qstr_value(args[1]) : qstr_from_strn(d, len);
        cls = type_new(name, bases, ns);
    }
    if (obj_is_type(cell, &cell_type)) {
        ((cell_obj_t *)OBJ_TO_PTR(cell))->value = cls;
    }
    return cls;
}

DEFINE_FUN_KW(build_class_obj, __build_class__, 2, NATIVE_VARARGS, build_class);
