/* core/obj_gen.c: generator objects (generator functions and generator expressions).
 * A generator owns its frame (allocated with it on the GC heap); resuming pushes the sent value
 * onto the frame's stack (except on the first run) and re-enters vm_execute.
 * Invariant: state RUNNING exactly while its frame is executing; DONE once it returned or raised. */
#include "core/bytecode.h"
#include "core/nlr.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "core/vm.h"

enum { GEN_NEW, GEN_SUSPENDED, GEN_RUNNING, GEN_DONE };

typedef struct {
    obj_base_t base;
    obj_t fun;
    uintptr_t state;
    obj_t pend_exc;    /* pend_throw()'s value, thrown at the next resume; None when there is none */
    vm_frame_t *frame; /* points just past this header, in the same block */
} gen_obj_t;

obj_t gen_new(const fun_bc_obj_t *fun, size_t n_args, size_t n_kw, const obj_t *args) {
    const code_obj_t *code = fun->code;
    gen_obj_t *g = gc_alloc(sizeof(gen_obj_t) + vm_frame_size(code), false);
    g->base.type = &generator_type;
    g->fun = OBJ_FROM_PTR(fun);
    g->state = GEN_NEW;
    g->pend_exc = OBJ_NONE;
    g->frame = (vm_frame_t *)(g + 1);
    vm_frame_init(g->frame, code, fun->globals);
    fun_bc_bind_args(g->frame, fun, n_args, n_kw, args);
    return OBJ_FROM_PTR(g);
}

/* Runs the frame; push: value to push first (OBJ_NULL: none). */
static inline __attribute__((always_inline)) obj_t gen_run(gen_obj_t *g, obj_t push, obj_t throw_exc, bool *done) {
    vm_frame_t *f = g->frame;
    rt_stack_check_gen();
    if (push != OBJ_NULL) {
        *++f->sp = push;
    }
    /* No nlr mark here: if an exception leaves the frame, vm_execute sets VM_STATUS_RAISED (and
     * turns StopIteration into RuntimeError) and gen_sync_state later sees the generator done. */
    g->state = GEN_RUNNING;
    obj_t r = vm_execute(f, throw_exc);
    if (f->status == VM_STATUS_YIELD) {
        g->state = GEN_SUSPENDED;
        *done = false;
    } else {
        g->state = GEN_DONE;
        *done = true;
    }
    return r;
}

static inline void gen_sync_state(gen_obj_t *g) {
    if (g->state == GEN_RUNNING && g->frame->status == VM_STATUS_RAISED) {
        g->state = GEN_DONE;
    }
}

static obj_t gen_close_obj(obj_t o);

/* Every other case of gen_resume: a new, running or finished generator, a throw, a pend_throw. */
__attribute__((noinline)) static obj_t gen_resume_any(obj_t self, obj_t send, obj_t throw_arg, bool *done) {
    gen_obj_t *g = obj_check_self(self, &generator_type);
    obj_t volatile throw_exc = throw_arg;
    gen_sync_state(g);
    if (g->pend_exc != OBJ_NONE && (g->state == GEN_NEW || g->state == GEN_SUSPENDED)) {
        throw_exc = g->pend_exc; /* MicroPython: a pending exception replaces what is sent */
        g->pend_exc = OBJ_NONE;
    }
    switch (g->state) {
        case GEN_RUNNING:
            raise_msg(&type_ValueError, "generator already executing");
        case GEN_DONE:
            if (throw_exc != OBJ_NULL) {
                rt_raise(throw_exc);
            }
            *done = true;
            return OBJ_NONE;
        case GEN_NEW:
            if (throw_exc == OBJ_NULL && send != OBJ_NONE) {
                raise_msg(&type_TypeError, "can't send non-None value to a just-started generator");
            }
            if (throw_exc != OBJ_NULL) {
                g->state = GEN_DONE;
                rt_raise(throw_exc);
            }
            return gen_run(g, OBJ_NULL, OBJ_NULL, done);
        default:
            break;
    }
    vm_frame_t *f = g->frame;
    if (throw_exc == OBJ_NULL) {
        return gen_run(g, send, OBJ_NULL, done);
    }
    if (BC_OP(*f->ip) == OP_YIELD_FROM) {
        /* delegate the throw to the sub-iterator */
        obj_t inner = f->sp[0];
        if (exc_is_instance(throw_exc, &type_GeneratorExit)) {
            g->state = GEN_RUNNING;
            nlr_buf_t nlr;
            if (nlr_push(&nlr) == 0) {
                if (obj_is_type(inner, &generator_type)) {
                    gen_close_obj(inner);
                } else {
                    obj_t m[2];
                    rt_load_method_maybe(inner, QSTR_close, m);
                    if (m[0] != OBJ_NULL) {
                        rt_call_method(0, 0, m);
                    }
                }
                nlr_pop();
            } else {
                throw_exc = nlr.value;
            }
            g->state = GEN_SUSPENDED;
            return gen_run(g, OBJ_NULL, throw_exc, done);
        }
        obj_t m[3] = {OBJ_NULL, OBJ_NULL, throw_exc};
        volatile bool is_gen = obj_is_type(inner, &generator_type);
        if (!is_gen) {
            rt_load_method_maybe(inner, QSTR_throw, m);
        }
        if (is_gen || m[0] != OBJ_NULL) {
            g->state = GEN_RUNNING;
            nlr_buf_t nlr;
            if (nlr_push(&nlr) == 0) {
                bool idone;
                obj_t r;
                if (is_gen) {
                    r = gen_resume(inner, OBJ_NONE, throw_exc, &idone);
                } else {
                    m[2] = throw_exc;
                    r = m[1] == OBJ_NULL ? rt_call(m[0], 1, 0, m + 2) : rt_call(m[0], 2, 0, m + 1);
                    idone = false;
                }
                nlr_pop();
                g->state = GEN_SUSPENDED;
                if (!idone) {
                    *done = false;
                    return r;
                }
                /* the sub-generator finished: its value is the result of the yield from; a
                 * GeneratorExit (class) it swallowed is raised again here, as in MicroPython */
                f->sp[0] = r;
                f->ip++;
                bool gexit = obj_is_type(throw_exc, &type_type) &&
                    obj_is_subclass_fast((const type_t *)OBJ_TO_PTR(throw_exc), &type_GeneratorExit);
                return gen_run(g, OBJ_NULL, gexit ? throw_exc : OBJ_NULL, done);
            }
            g->state = GEN_SUSPENDED;
            obj_t e = nlr.value;
            if (!is_gen && exc_is_instance(e, &type_StopIteration)) {
                f->sp[0] = exc_get_value(e);
                f->ip++;
                return gen_run(g, OBJ_NULL, OBJ_NULL, done);
            }
            return gen_run(g, OBJ_NULL, e, done);
        }
    }
    return gen_run(g, OBJ_NULL, throw_exc, done);
}

obj_t gen_resume(obj_t self, obj_t send, obj_t throw_arg, bool *done) {
    /* the common case without the general path's bookkeeping: a suspended generator resumed with
     * nothing thrown into it and nothing pending */
    if (obj_is_type(self, &generator_type)) {
        gen_obj_t *g = OBJ_TO_PTR(self);
        if (g->state == GEN_SUSPENDED && throw_arg == OBJ_NULL && g->pend_exc == OBJ_NONE) {
            return gen_run(g, send, OBJ_NULL, done);
        }
    }
    return gen_resume_any(self, send, throw_arg, done);
}

static obj_t gen_iternext(obj_t self) {
    bool done;
    obj_t r = gen_resume(self, OBJ_NONE, OBJ_NULL, &done);
    return done ? OBJ_NULL : r;
}

static obj_t gen_send(size_t n_args, size_t n_kw, const obj_t *args) {
    (void)n_args;
    (void)n_kw;
    bool done;
    obj_t r = gen_resume(args[0], args[1], OBJ_NULL, &done);
    if (done) {
        raise_stop_iteration(r);
    }
    return r;
}
static DEFINE_FUN(gen_send_obj, send, 2, 2, gen_send);

/* throw(type[, value[, tb]]), reduced as MicroPython does to one thing to raise: value when given
 * and not None, else type. It stays as it is (a class, an instance, even a non-exception) until
 * it reaches a frame, where raising it makes a class an instance and anything else a TypeError;
 * a delegate's own throw() method gets it unchanged. */
static obj_t gen_throw(size_t n_args, size_t n_kw, const obj_t *args) {
    (void)n_kw;
    obj_t exc = n_args > 2 && args[2] != OBJ_NONE ? args[2] : args[1];
    bool done;
    obj_t r = gen_resume(args[0], OBJ_NONE, exc, &done);
    if (done) {
        raise_stop_iteration(r);
    }
    return r;
}
static DEFINE_FUN(gen_throw_obj, throw, 2, 4, gen_throw);

static obj_t gen_close_obj(obj_t self) {
    gen_obj_t *g = obj_check_self(self, &generator_type);
    gen_sync_state(g);
    if (g->state == GEN_NEW || g->state == GEN_DONE) {
        g->state = GEN_DONE;
        return OBJ_NONE;
    }
    obj_t exc = exc_new(&type_GeneratorExit, 0, NULL);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        bool done;
        gen_resume(self, OBJ_NONE, exc, &done);
        nlr_pop();
        if (!done) {
            raise_msg(&type_RuntimeError, "generator ignored GeneratorExit");
        }
        return OBJ_NONE;
    }
    obj_t e = nlr.value;
    if (exc_is_instance(e, &type_GeneratorExit) || exc_is_instance(e, &type_StopIteration)) {
        return OBJ_NONE;
    }
    nlr_jump(e);
}

static obj_t gen_close(size_t n_args, size_t n_kw, const obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return gen_close_obj(args[0]);
}
static DEFINE_FUN(gen_close_fun_obj, close, 1, 1, gen_close);

static obj_t gen_next_meth(size_t n_args, size_t n_kw, const obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return rt_iternext_or_raise(args[0]);
}
static DEFINE_FUN(gen_next_obj, __next__, 1, 1, gen_next_meth);

/* pend_throw(exc) (MicroPython): exc is thrown into the generator when it next resumes, instead
 * of the value sent; returns the previously pending one (None: none, and pend_throw(None)
 * cancels). Not while the generator runs. */
static obj_t gen_pend_throw(size_t n_args, size_t n_kw, const obj_t *args) {
    (void)n_args;
    (void)n_kw;
    gen_obj_t *g = obj_check_self(args[0], &generator_type);
    gen_sync_state(g);
    if (g->state == GEN_RUNNING) {
        raise_msg(&type_ValueError, "generator already executing");
    }
    obj_t prev = g->pend_exc;
    g->pend_exc = args[1];
    return prev;
}
static DEFINE_FUN(gen_pend_throw_obj, pend_throw, 2, 2, gen_pend_throw);

static const map_elem_t gen_locals_table[] = {
    {ROM_QSTR(QSTR_pend_throw), ROM_PTR(&gen_pend_throw_obj)},
    {ROM_QSTR(QSTR_send), ROM_PTR(&gen_send_obj)},
    {ROM_QSTR(QSTR_throw), ROM_PTR(&gen_throw_obj)},
    {ROM_QSTR(QSTR_close), ROM_PTR(&gen_close_fun_obj)},
    {ROM_QSTR(QSTR___next__), ROM_PTR(&gen_next_obj)},
};
static DEFINE_CONST_DICT(gen_locals_dict, gen_locals_table);

static void gen_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)kind;
    const gen_obj_t *g = OBJ_TO_PTR(o);
    print_fmt(p, "<generator object '%q' at %p>", g->frame->code->name, OBJ_TO_PTR(o));
}

const type_t generator_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_generator,
    .print = gen_print,
    .getiter = rt_identity_getiter,
    .iternext = gen_iternext,
    .locals_dict = &gen_locals_dict,
};
