/* core/vm.c: the bytecode interpreter (computed-goto dispatch; a switch when VM_NO_COMPUTED_GOTO).
 * One vm_execute call runs one frame; an nlr mark around it catches exceptions, adds a traceback
 * entry (unless re-raising) and jumps to the innermost handler block of the frame, or propagates.
 * Invariants: f->ip points at the instruction being executed (for line numbers and handlers);
 * ip/sp are reloaded from f after every longjmp; small ints never allocate on the fast paths. */
#include <stdlib.h>

#include "core/bytecode.h"
#include "core/import.h"
#include "core/nlr.h"
#include "core/obj_list.h"
#include "core/obj_type.h"
#include "core/port.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "core/vm.h"
#include "core/obj_str.h"

bool vm_reraising;
/* The innermost running frame (globals()/locals() and relative imports need its namespaces).
 * vm_execute sets it on entry and restores the caller's on every way out, including exceptions. */
static vm_frame_t *vm_current;

/* exec()/__import__ with explicit globals (and the importer) publish them through
 * import_current_globals(); a change made while the innermost frame runs is more recent than the
 * frame itself, so it wins. */
obj_t rt_globals_get(void) {
    obj_t o = import_current_globals();
    if (vm_current == NULL) {
        return o != OBJ_NULL ? o : rt_state.main_globals;
    }
    if (o != OBJ_NULL && o != vm_current->entry_globals_override) {
        return o;
    }
    return vm_current->globals;
}

obj_t rt_locals_get(void) {
    if (vm_current == NULL) {
        return rt_state.main_globals;
    }
    return vm_current->locals_dict != OBJ_NULL ? vm_current->locals_dict : vm_current->globals;
}
static uint32_t vm_poll_ctr = 256;

size_t code_line_of(const code_obj_t *code, size_t off) {
    size_t line = code->n_lines > 0 ? code->lines[1] : 1;
    for (size_t i = 0; i < code->n_lines; i++) {
        if (code->lines[2 * i] <= off) {
            line = code->lines[2 * i + 1];
        } else {
            break;
        }
    }
    return line;
}

void vm_frame_init(vm_frame_t *f, const code_obj_t *code, obj_t globals) {
    f->code = code;
    f->globals = globals;
    f->locals_dict = OBJ_NULL;
    f->ip = code->code;
    f->sp = f->state + code->n_locals - 1;
    f->blocks = (vm_block_t *)(f->state + code->n_locals + code->stack_size);
    f->n_blocks = 0;
    f->status = VM_STATUS_RETURN;
    memset(f->state, 0, sizeof(obj_t) * code->n_locals);
}

static NORETURN void vm_unbound_local(void) {
    raise_msg(&type_NameError, "local variable referenced before assignment");
}

static NORETURN void vm_name_error(qstr q) { raise_fmt(&type_NameError, "name '%q' isn't defined", q); }

/* An import statement while builtins has user additions: a replaced builtins.__import__ is
 * called as CPython does, __import__(name, globals, None, fromlist, level). */
__attribute__((noinline)) static obj_t vm_import_overridden(qstr name, obj_t fromlist, obj_t level, obj_t globals) {
    obj_t imp = dict_get(rt_state.builtins_dict, ROM_QSTR(QSTR___import__));
    if (imp == OBJ_NULL) {
        return rt_import_name(name, fromlist, (int)small_int_value(level));
    }
    obj_t args[5] = {obj_new_qstr(name), globals, OBJ_NONE, fromlist, level};
    return rt_call(imp, 5, 0, args);
}

__attribute__((noinline)) static obj_t vm_make_exc(obj_t o) {
    if (obj_is_type(o, &type_type)) {
        o = rt_call0(o);
    }
    if (!exc_is_instance(o, &type_BaseException) || exc_instance_is_incomplete(o)) {
        raise_msg(&type_TypeError, "exceptions must derive from BaseException");
    }
    return o;
}

__attribute__((noinline)) static bool vm_exc_match(obj_t exc, obj_t t) {
    if (obj_is_type(t, &tuple_type)) {
        rt_stack_check(); /* except ((((E,),),),): tuples of classes nest */
        tuple_obj_t *tu = OBJ_TO_PTR(t);
        for (size_t i = 0; i < tu->len; i++) {
            if (vm_exc_match(exc, tu->items[i])) {
                return true;
            }
        }
        return false;
    }
    if (!obj_is_type(t, &type_type) || !rt_issubclass(OBJ_TO_PTR(t), &type_BaseException)) {
        raise_msg(&type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    }
    return exc_is_instance(exc, OBJ_TO_PTR(t));
}

__attribute__((noinline)) static void vm_list_extend(obj_t list, obj_t it) {
    if (obj_is_type(it, &list_type) || obj_is_type(it, &tuple_type)) {
        size_t n;
        obj_t *items;
        obj_get_array(it, &n, &items);
        for (size_t i = 0; i < n; i++) {
            list_append(list, items[i]);
        }
        return;
    }
    obj_t iter = rt_getiter(it);
    obj_t x;
    while ((x = rt_iternext(iter)) != OBJ_NULL) {
        list_append(list, x);
    }
}

__attribute__((noinline)) static obj_t vm_call_meth1(obj_t o, qstr meth, obj_t arg) {
    obj_t a[3];
    rt_load_method(o, meth, a);
    a[2] = arg;
    if (a[1] == OBJ_NULL) {
        return rt_call(a[0], 1, 0, a + 2);
    }
    return rt_call(a[0], 2, 0, a + 1);
}

__attribute__((noinline)) static void vm_dict_update(obj_t d, obj_t m, bool call) {
    if (obj_is_type(m, &dict_type)) {
        map_t *map = dict_map(m);
        for (size_t i = 0; i < map->used; i++) {
            map_elem_t *e = &map->table[i];
            if (e->key == OBJ_NULL) {
                continue;
            }
            if (call && dict_get(d, e->key) != OBJ_NULL) {
                raise_fmt(&type_TypeError, "function got multiple values for keyword argument '%S'", e->key);
            }
            dict_store(d, e->key, e->value);
        }
        return;
    }
    obj_t keys[2];
    rt_load_method(m, QSTR_keys, keys);
    obj_t kl = rt_call_method(0, 0, keys);
    obj_t iter = rt_getiter(kl);
    obj_t k;
    while ((k = rt_iternext(iter)) != OBJ_NULL) {
        if (call && dict_get(d, k) != OBJ_NULL) {
            raise_fmt(&type_TypeError, "function got multiple values for keyword argument '%S'", k);
        }
        dict_store(d, k, rt_subscr_load(m, k));
    }
}

/* Unpacks seq into exactly n items written to dest[n-1] .. dest[0] order reversed (dest[0] last). */
__attribute__((noinline)) static void vm_unpack(obj_t seq, size_t n, obj_t *dest) {
    if (obj_is_type(seq, &tuple_type) || obj_is_type(seq, &list_type)) {
        obj_t *items;
        obj_get_array_fixed(seq, n, &items);
        for (size_t i = 0; i < n; i++) {
            dest[n - 1 - i] = items[i];
        }
        return;
    }
    obj_t iter = rt_getiter(seq);
    for (size_t i = 0; i < n; i++) {
        obj_t x = rt_iternext(iter);
        if (x == OBJ_NULL) {
            raise_fmt(&type_ValueError, "need more than %u values to unpack", (unsigned)i);
        }
        dest[n - 1 - i] = x;
    }
    if (rt_iternext(iter) != OBJ_NULL) {
        raise_fmt(&type_ValueError, "too many values to unpack (expected %u)", (unsigned)n);
    }
}

__attribute__((noinline)) static obj_t *vm_unpack_ex(obj_t seq, size_t before, size_t after, obj_t *sp) {
    obj_t lst = list_new(0, NULL);
    vm_list_extend(lst, seq);
    list_obj_t *l = OBJ_TO_PTR(lst);
    size_t len = l->len;
    if (len < before + after) {
        raise_fmt(&type_ValueError, "need more than %u values to unpack", (unsigned)len);
    }
    obj_t *top = sp + before + 1 + after;
    for (size_t i = 0; i < before; i++) {
        top[-(ptrdiff_t)i] = l->items[i];
    }
    for (size_t j = 0; j < after; j++) {
        top[-(ptrdiff_t)(before + 1 + j)] = l->items[len - after + j];
    }
    top[-(ptrdiff_t)before] = list_new(len - before - after, l->items + before);
    return top;
}

__attribute__((noinline)) static obj_t vm_build_string(size_t n, const obj_t *items) {
    vstr_t v;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        str_get_data(items[i], &len);
        total += len;
    }
    vstr_init(&v, total + 1);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *d = str_get_data(items[i], &len);
        vstr_add_strn(&v, d, len);
    }
    return str_new_from_vstr(&v);
}

__attribute__((noinline)) static obj_t vm_format_value(obj_t v, unsigned flags, obj_t spec) {
    unsigned conv = flags & 3;
    if (conv == 1) {
        v = obj_str(v);
    } else if (conv == 2) {
        v = obj_repr(v);
    } else if (conv == 3) {
        v = obj_ascii(v);
    }
    if (spec == OBJ_NULL && obj_is_str(v)) {
        return v;
    }
    return obj_format(v, spec);
}

__attribute__((noinline)) static obj_t vm_yield_from_other(obj_t it, obj_t sent, bool *done) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t r;
        if (sent == OBJ_NONE) {
            /* a StopIteration out of the iterator (or the value a user __next__ ended with) is the
             * result of the yield from */
            r = rt_iternext_or_raise(it);
        } else {
            r = vm_call_meth1(it, QSTR_send, sent);
        }
        nlr_pop();
        *done = false;
        return r;
    }
    if (exc_is_instance(nlr.value, &type_StopIteration)) {
        *done = true;
        return exc_get_value(nlr.value);
    }
    nlr_jump(nlr.value);
}

/* The member map of an instance of a user class whose attribute access has no hooks (no
 * property/__setattr__ in its MRO, not an exception, no __dict__ taken): there an instance
 * member always wins over the class, so LOAD_ATTR/STORE_ATTR may use it directly. */
static inline map_t *vm_plain_instance_map(obj_t o) {
    if (!obj_is_ptr(o)) {
        return NULL;
    }
    const type_t *t = ((obj_base_t *)OBJ_TO_PTR(o))->type;
    if ((t->flags & (TYPE_FLAG_USER_CLASS | TYPE_FLAG_EXCEPTION)) != TYPE_FLAG_USER_CLASS ||
        ((const user_type_t *)t)->setattr_hooks) {
        return NULL;
    }
    instance_obj_t *inst = OBJ_TO_PTR(o);
    return inst->dict == NULL ? &inst->members : NULL;
}

/* with: replaces the context manager at sp[0] by (__exit__, self) and returns __enter__(). */
__attribute__((noinline)) static obj_t vm_setup_with(obj_t *sp) {
    obj_t ctx = sp[0];
    obj_t enter[2];
    rt_load_method(ctx, QSTR___exit__, sp);
    rt_load_method(ctx, QSTR___enter__, enter);
    return rt_call_method(0, 0, enter);
}

/* Calls exit_self[0](self, type, exc, None) (or with three Nones when exc is OBJ_NULL). */
__attribute__((noinline)) static obj_t vm_call_exit(const obj_t *exit_self, obj_t exc) {
    obj_t a[5] = {exit_self[0], exit_self[1], OBJ_NONE, OBJ_NONE, OBJ_NONE};
    if (exc != OBJ_NULL) {
        a[2] = OBJ_FROM_PTR(obj_type(exc));
        a[3] = exc;
    }
    return rt_call_method(3, 0, a);
}

/* BUILD_SLICE followed by a subscript of a built-in sequence whose subscr keeps no reference to
 * the index (TYPE_FLAG_SLICE_ON_STACK): the slice lives in this C frame, so a[i:j] allocates no
 * slice object and b[i:j] = x on a bytearray or memoryview allocates nothing at all (as in
 * MicroPython; with the heap locked that must work). sp is the top of the n slice operands, op the
 * subscript that follows; returns the new top. Any other container gets a heap slice (a user
 * __getitem__ or a dict may keep it). */
__attribute__((noinline)) static obj_t *vm_subscr_stack_slice(obj_t *sp, size_t n, unsigned op) {
    slice_obj_t s = {{&slice_type}, sp[1 - (int)n], sp[2 - (int)n], n == 3 ? sp[0] : OBJ_NONE};
    sp -= n;
    obj_t idx = OBJ_FROM_PTR(&s);
    if (op == OP_LOAD_SUBSCR) {
        sp[0] = rt_subscr_load(sp[0], idx);
        return sp;
    }
    if (op == OP_STORE_SUBSCR) {
        rt_subscr_store(sp[0], idx, sp[-1]);
        return sp - 2;
    }
    rt_subscr_delete(sp[0], idx);
    return sp - 1;
}

#ifndef VM_NO_COMPUTED_GOTO
#define VM_GOTO 1
#else
#define VM_GOTO 0
#endif

#define PUSH(v) (*++sp = (v))
#define POP() (*sp--)
#define TOP() (*sp)
#define SET_TOP(v) (*sp = (v))
#define ARG BC_ARG(w)

#ifdef VM_DEBUG_STACK
#define VM_CHECK_SP()                                                                              \
    do {                                                                                           \
        if (sp < stack_base || sp > stack_base + code->stack_size) {                               \
            port_fatal("vm: value stack out of bounds");                                           \
        }                                                                                          \
    } while (0)
#else
#define VM_CHECK_SP()
#endif

#if VM_GOTO
#define CASE(name) L_##name:
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        VM_CHECK_SP();                                                                             \
        f->ip = ip;                                                                                \
        w = *ip++;                                                                                 \
        goto *vm_table[BC_OP(w)];                                                                  \
    } while (0)
#else
#define CASE(name) case OP_##name:
#define DISPATCH() goto dispatch
#endif

#define POLL()                                                                                     \
    do {                                                                                           \
        if (UNLIKELY(--vm_poll_ctr == 0)) {                                                        \
            vm_poll_ctr = 256;                                                                     \
            port_poll();                                                                           \
            if (rt_state.pending_exception != OBJ_NULL) {                                          \
                rt_check_pending();                                                                \
            }                                                                                      \
        }                                                                                          \
    } while (0)

/* A for statement's iterator lives in ITER_BUF_WORDS value-stack slots (buf): the object itself,
 * built there by its type (rt_getiter_buf), so iterating a built-in container never allocates;
 * or, for any other iterable, buf[0] = OBJ_NULL (never a type) and the heap iterator in buf[1]. */
static void vm_iter_stack(obj_t *buf, obj_t o) {
    obj_t it = rt_getiter_buf(o, (iter_buf_t *)buf);
    if (it != OBJ_FROM_PTR(buf)) {
        buf[0] = OBJ_NULL;
        buf[1] = it;
    }
}

obj_t vm_execute(vm_frame_t *f, obj_t throw_exc) {
    const code_obj_t *const code = f->code;
    obj_t *const locals = f->state;
    obj_t *const stack_base = f->state + code->n_locals - 1;
    const uint32_t *const code_start = code->code;
    volatile obj_t pending = throw_exc;
    vm_frame_t *const prev_frame = vm_current;
    const uintptr_t prev_py_base = rt_stack_py_base;
    const uintptr_t py_base = (uintptr_t)__builtin_frame_address(0);
    nlr_buf_t nlr;
    vm_current = f;
    rt_stack_py_base = py_base;
    f->entry_globals_override = import_current_globals();
resume:
    if (nlr_push(&nlr) == 0) {
        const uint32_t *ip = f->ip;
        obj_t *sp = f->sp;
        uint32_t w;
        if (pending != OBJ_NULL) {
            obj_t t = pending;
            pending = OBJ_NULL;
            rt_raise(t);
        }
        /* every frame entry counts too: code called back from C (an iterator's __next__ driven
         * by sum(), a key function, ...) may never jump backwards, yet Ctrl-C must reach it */
        POLL();
#if VM_GOTO
#define VM_LABEL(name) [OP_##name] = &&L_##name,
        static const void *const vm_table[OP_NUM] = {BC_OPCODES(VM_LABEL)};
#undef VM_LABEL
        DISPATCH();
#else
    dispatch:
        f->ip = ip;
        w = *ip++;
        switch (BC_OP(w)) {
#endif
        CASE(NOP) { DISPATCH(); }
        CASE(LOAD_CONST) {
            PUSH(code->consts[ARG]);
            DISPATCH();
        }
        CASE(LOAD_SMALL_INT) {
            PUSH(small_int_new(((int32_t)(w)) >> 8));
            DISPATCH();
        }
        CASE(LOAD_NONE) {
            PUSH(OBJ_NONE);
            DISPATCH();
        }
        CASE(LOAD_TRUE) {
            PUSH(OBJ_TRUE);
            DISPATCH();
        }
        CASE(LOAD_FALSE) {
            PUSH(OBJ_FALSE);
            DISPATCH();
        }
        CASE(LOAD_NULL) {
            PUSH(OBJ_NULL);
            DISPATCH();
        }
        CASE(LOAD_FAST) {
            obj_t v = locals[ARG];
            if (UNLIKELY(v == OBJ_NULL)) {
                vm_unbound_local();
            }
            PUSH(v);
            DISPATCH();
        }
        CASE(STORE_FAST) {
            locals[ARG] = POP();
            DISPATCH();
        }
        CASE(DELETE_FAST) {
            if (locals[ARG] == OBJ_NULL) {
                vm_unbound_local();
            }
            locals[ARG] = OBJ_NULL;
            DISPATCH();
        }
        CASE(LOAD_DEREF) {
            obj_t v = ((cell_obj_t *)OBJ_TO_PTR(locals[ARG]))->value;
            if (UNLIKELY(v == OBJ_NULL)) {
                vm_unbound_local();
            }
            PUSH(v);
            DISPATCH();
        }
        CASE(STORE_DEREF) {
            ((cell_obj_t *)OBJ_TO_PTR(locals[ARG]))->value = POP();
            DISPATCH();
        }
        CASE(DELETE_DEREF) {
            cell_obj_t *c = OBJ_TO_PTR(locals[ARG]);
            if (c->value == OBJ_NULL) {
                vm_unbound_local();
            }
            c->value = OBJ_NULL;
            DISPATCH();
        }
        CASE(LOAD_CLOSURE) {
            PUSH(locals[ARG]);
            DISPATCH();
        }
        CASE(LOAD_NAME) {
            obj_t key = obj_new_qstr(ARG);
            map_elem_t *e = NULL;
            if (f->locals_dict != OBJ_NULL) {
                e = map_lookup(dict_map(f->locals_dict), key, MAP_LOOKUP);
            }
            if (e == NULL) {
                e = map_lookup(dict_map(f->globals), key, MAP_LOOKUP);
            }
            obj_t v;
            if (e != NULL) {
                v = e->value;
            } else {
                v = rt_builtin_lookup(ARG);
                if (v == OBJ_NULL) {
                    vm_name_error(ARG);
                }
            }
            PUSH(v);
            DISPATCH();
        }
        CASE(STORE_NAME) {
            obj_t d = f->locals_dict != OBJ_NULL ? f->locals_dict : f->globals;
            dict_store(d, obj_new_qstr(ARG), TOP());
            sp--;
            DISPATCH();
        }
        CASE(DELETE_NAME) {
            obj_t d = f->locals_dict != OBJ_NULL ? f->locals_dict : f->globals;
            if (map_lookup(dict_map(d), obj_new_qstr(ARG), MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
                vm_name_error(ARG);
            }
            DISPATCH();
        }
        CASE(LOAD_GLOBAL) {
            map_t *m = dict_map(f->globals);
            obj_t key = obj_new_qstr(ARG);
            uint32_t hint = *ip;
            obj_t v;
            if (LIKELY(hint < m->used && m->table[hint].key == key)) {
                v = m->table[hint].value;
            } else {
                map_elem_t *e = map_lookup(m, key, MAP_LOOKUP);
                if (e != NULL) {
                    v = e->value;
                    *(uint32_t *)ip = (uint32_t)(e - m->table);
                } else {
                    v = rt_builtin_lookup(ARG);
                    if (v == OBJ_NULL) {
                        vm_name_error(ARG);
                    }
                }
            }
            ip++;
            PUSH(v);
            DISPATCH();
        }
        CASE(STORE_GLOBAL) {
            map_t *m = dict_map(f->globals);
            obj_t key = obj_new_qstr(ARG);
            uint32_t hint = *ip;
            if (LIKELY(hint < m->used && m->table[hint].key == key)) {
                m->table[hint].value = TOP();
            } else {
                map_elem_t *e = map_lookup(m, key, MAP_LOOKUP_ADD_IF_NOT_FOUND);
                e->value = TOP();
                *(uint32_t *)ip = (uint32_t)(e - m->table);
            }
            sp--;
            ip++;
            DISPATCH();
        }
        CASE(DELETE_GLOBAL) {
            if (map_lookup(dict_map(f->globals), obj_new_qstr(ARG), MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
                vm_name_error(ARG);
            }
            DISPATCH();
        }
        CASE(LOAD_ATTR) {
            obj_t o = TOP();
            map_t *m = vm_plain_instance_map(o);
            if (m != NULL) {
                uint32_t hint = *ip;
                obj_t key = obj_new_qstr(ARG);
                if (hint < m->used && m->table[hint].key == key) {
                    SET_TOP(m->table[hint].value);
                    ip++;
                    DISPATCH();
                }
                map_elem_t *e = map_lookup(m, key, MAP_LOOKUP);
                if (e != NULL) {
                    *(uint32_t *)ip = (uint32_t)(e - m->table);
                    SET_TOP(e->value);
                    ip++;
                    DISPATCH();
                }
            }
            ip++;
            SET_TOP(rt_load_attr(o, ARG));
            DISPATCH();
        }
        CASE(STORE_ATTR) {
            obj_t o = sp[0];
            map_t *m = vm_plain_instance_map(o);
            if (m != NULL) {
                uint32_t hint = *ip;
                if (hint < m->used && m->table[hint].key == obj_new_qstr(ARG)) {
                    m->table[hint].value = sp[-1];
                    sp -= 2;
                    ip++;
                    DISPATCH();
                }
            }
            ip++;
            rt_store_attr(o, ARG, sp[-1]);
            if (m != NULL) {
                map_elem_t *e = map_lookup(m, obj_new_qstr(ARG), MAP_LOOKUP);
                if (e != NULL) {
                    *(uint32_t *)(ip - 1) = (uint32_t)(e - m->table);
                }
            }
            sp -= 2;
            DISPATCH();
        }
        CASE(DELETE_ATTR) {
            rt_delete_attr(sp[0], ARG);
            sp--;
            DISPATCH();
        }
        CASE(LOAD_METHOD) {
            obj_t o = TOP();
            rt_load_method(o, ARG, sp);
            sp++;
            DISPATCH();
        }
        CASE(LOAD_SUPER_METHOD) {
            obj_t fn = sp[-2], cls = sp[-1], self = sp[0];
            if (fn == OBJ_FROM_PTR(&super_type)) {
                super_load_method(cls, self, ARG, sp - 2);
            } else { /* super rebound: call it, then look the method up on what it returned */
                obj_t s = rt_call(fn, 2, 0, sp - 1);
                rt_load_method(s, ARG, sp - 2);
            }
            sp--;
            DISPATCH();
        }
        CASE(LOAD_SUBSCR) {
            obj_t idx = POP();
            obj_t o = TOP();
            if (obj_is_small_int(idx) && obj_is_ptr(o)) {
                const type_t *t = ((obj_base_t *)OBJ_TO_PTR(o))->type;
                if (t == &list_type) {
                    list_obj_t *l = OBJ_TO_PTR(o);
                    int_t i = small_int_value(idx);
                    if (i < 0) {
                        i += (int_t)l->len;
                    }
                    if ((uint_t)i < l->len) {
                        SET_TOP(l->items[i]);
                        DISPATCH();
                    }
                } else if (t == &tuple_type) {
                    tuple_obj_t *tu = OBJ_TO_PTR(o);
                    int_t i = small_int_value(idx);
                    if (i < 0) {
                        i += (int_t)tu->len;
                    }
                    if ((uint_t)i < tu->len) {
                        SET_TOP(tu->items[i]);
                        DISPATCH();
                    }
                }
            }
            SET_TOP(rt_subscr_load(o, idx));
            DISPATCH();
        }
        CASE(STORE_SUBSCR) {
            obj_t idx = sp[0], o = sp[-1], v = sp[-2];
            sp -= 3;
            if (obj_is_small_int(idx) && obj_is_type(o, &list_type)) {
                list_obj_t *l = OBJ_TO_PTR(o);
                int_t i = small_int_value(idx);
                if (i < 0) {
                    i += (int_t)l->len;
                }
                if ((uint_t)i < l->len) {
                    l->items[i] = v;
                    DISPATCH();
                }
            }
            rt_subscr_store(o, idx, v);
            DISPATCH();
        }
        CASE(DELETE_SUBSCR) {
            rt_subscr_delete(sp[-1], sp[0]);
            sp -= 2;
            DISPATCH();
        }
        CASE(BUILD_SLICE) {
            size_t n = ARG;
            unsigned next = BC_OP(*ip);
            if ((next == OP_LOAD_SUBSCR || next == OP_STORE_SUBSCR || next == OP_DELETE_SUBSCR) &&
                (obj_type(sp[-(int)n])->flags & TYPE_FLAG_SLICE_ON_STACK)) {
                sp = vm_subscr_stack_slice(sp, n, next);
                ip++;
                DISPATCH();
            }
            sp -= n - 1;
            SET_TOP(slice_new(sp[0], sp[1], n == 3 ? sp[2] : OBJ_NONE));
            DISPATCH();
        }
        CASE(POP_TOP) {
            sp--;
            DISPATCH();
        }
        CASE(ROT_TWO) {
            obj_t t = sp[0];
            sp[0] = sp[-1];
            sp[-1] = t;
            DISPATCH();
        }
        CASE(ROT_THREE) {
            obj_t t = sp[0];
            sp[0] = sp[-1];
            sp[-1] = sp[-2];
            sp[-2] = t;
            DISPATCH();
        }
        CASE(DUP_TOP) {
            obj_t t = TOP();
            PUSH(t);
            DISPATCH();
        }
        CASE(DUP_TOP_TWO) {
            sp[1] = sp[-1];
            sp[2] = sp[0];
            sp += 2;
            DISPATCH();
        }
        CASE(UNARY_OP) {
            obj_t v = TOP();
            if (obj_is_small_int(v) && ARG == UNARY_OP_NEGATIVE && small_int_value(v) != SMALL_INT_MIN) {
                SET_TOP(small_int_new(-small_int_value(v)));
            } else {
                SET_TOP(rt_unary_op(ARG, v));
            }
            DISPATCH();
        }
        CASE(UNARY_NOT) {
            obj_t v = TOP();
            SET_TOP(v == OBJ_FALSE || v == OBJ_NONE ? OBJ_TRUE : v == OBJ_TRUE ? OBJ_FALSE : obj_bool(!rt_is_true(v)));
            DISPATCH();
        }
        CASE(BINARY_OP) {
            obj_t rhs = POP();
            SET_TOP(rt_binary_op(ARG, TOP(), rhs));
            DISPATCH();
        }
#define BIN_FAST(name, expr)                                                                       \
    CASE(name) {                                                                                   \
        obj_t rhs = POP();                                                                         \
        obj_t lhs = TOP();                                                                         \
        if (LIKELY(obj_is_small_int(lhs) && obj_is_small_int(rhs))) {                              \
            int_t a = small_int_value(lhs), b = small_int_value(rhs), r;                           \
            (void)a;                                                                               \
            (void)b;                                                                               \
            (void)r;                                                                               \
            expr                                                                                   \
        }                                                                                          \
        SET_TOP(rt_binary_op(ARG, lhs, rhs));                                                      \
        DISPATCH();                                                                                \
    }
        BIN_FAST(BIN_ADD, {
            r = a + b;
            if (small_int_fits(r)) {
                SET_TOP(small_int_new(r));
                DISPATCH();
            }
        })
        BIN_FAST(BIN_SUB, {
            r = a - b;
            if (small_int_fits(r)) {
                SET_TOP(small_int_new(r));
                DISPATCH();
            }
        })
        BIN_FAST(BIN_MUL, {
            if (!__builtin_mul_overflow(a, b, &r) && small_int_fits(r)) {
                SET_TOP(small_int_new(r));
                DISPATCH();
            }
        })
        BIN_FAST(BIN_FLOORDIV, {
            if (b != 0) {
                r = a / b;
                if ((a % b != 0) && ((a < 0) != (b < 0))) {
                    r--;
                }
                if (small_int_fits(r)) {
                    SET_TOP(small_int_new(r));
                    DISPATCH();
                }
            }
        })
        BIN_FAST(BIN_MOD, {
            if (b != 0) {
                r = a % b;
                if (r != 0 && ((r < 0) != (b < 0))) {
                    r += b;
                }
                SET_TOP(small_int_new(r));
                DISPATCH();
            }
        })
        BIN_FAST(BIN_AND, {
            SET_TOP(lhs & rhs);
            DISPATCH();
        })
        BIN_FAST(BIN_OR, {
            SET_TOP(lhs | rhs);
            DISPATCH();
        })
        BIN_FAST(BIN_XOR, {
            SET_TOP((lhs ^ rhs) | 1);
            DISPATCH();
        })
        BIN_FAST(BIN_LSHIFT, {
            if (b >= 0 && b < (int_t)SMALL_INT_BITS) {
                r = (int_t)((uint_t)a << b);
                if ((r >> b) == a && small_int_fits(r)) {
                    SET_TOP(small_int_new(r));
                    DISPATCH();
                }
            }
        })
        BIN_FAST(BIN_RSHIFT, {
            if (b >= 0) {
                SET_TOP(small_int_new(a >> (b >= (int_t)SMALL_INT_BITS ? (int_t)SMALL_INT_BITS - 1 : b)));
                DISPATCH();
            }
        })
#define CMP_FAST(name, cop, bop)                                                                   \
    CASE(name) {                                                                                   \
        obj_t rhs = POP();                                                                         \
        obj_t lhs = TOP();                                                                         \
        if (LIKELY(obj_is_small_int(lhs) && obj_is_small_int(rhs))) {                              \
            SET_TOP(obj_bool((int_t)lhs cop(int_t) rhs));                                          \
        } else {                                                                                   \
            SET_TOP(rt_binary_op(bop, lhs, rhs));                                                  \
        }                                                                                          \
        DISPATCH();                                                                                \
    }
        CMP_FAST(CMP_LT, <, BINARY_OP_LESS)
        CMP_FAST(CMP_LE, <=, BINARY_OP_LESS_EQUAL)
        CMP_FAST(CMP_GT, >, BINARY_OP_MORE)
        CMP_FAST(CMP_GE, >=, BINARY_OP_MORE_EQUAL)
        CASE(CMP_EQ) {
            obj_t rhs = POP();
            obj_t lhs = TOP();
            if ((obj_is_small_int(lhs) && obj_is_small_int(rhs)) || (obj_is_qstr(lhs) && obj_is_qstr(rhs))) {
                SET_TOP(obj_bool(lhs == rhs));
            } else {
                SET_TOP(rt_binary_op(BINARY_OP_EQUAL, lhs, rhs));
            }
            DISPATCH();
        }
        CASE(CMP_NE) {
            obj_t rhs = POP();
            obj_t lhs = TOP();
            if ((obj_is_small_int(lhs) && obj_is_small_int(rhs)) || (obj_is_qstr(lhs) && obj_is_qstr(rhs))) {
                SET_TOP(obj_bool(lhs != rhs));
            } else {
                SET_TOP(rt_binary_op(BINARY_OP_NOT_EQUAL, lhs, rhs));
            }
            DISPATCH();
        }
        CASE(CMP_IS) {
            obj_t rhs = POP();
            SET_TOP(obj_bool(TOP() == rhs));
            DISPATCH();
        }
        CASE(CMP_IS_NOT) {
            obj_t rhs = POP();
            SET_TOP(obj_bool(TOP() != rhs));
            DISPATCH();
        }
        CASE(CMP_IN) {
            obj_t rhs = POP();
            SET_TOP(rt_binary_op(BINARY_OP_IN, TOP(), rhs));
            DISPATCH();
        }
        CASE(CMP_NOT_IN) {
            obj_t rhs = POP();
            SET_TOP(rt_binary_op(BINARY_OP_NOT_IN, TOP(), rhs));
            DISPATCH();
        }
        CASE(JUMP) {
            const uint32_t *target = code_start + ARG;
            if (target < ip) {
                POLL();
            }
            ip = target;
            DISPATCH();
        }
        CASE(POP_JUMP_IF_FALSE) {
            obj_t v = POP();
            if (v == OBJ_FALSE || (v != OBJ_TRUE && !rt_is_true(v))) {
                const uint32_t *target = code_start + ARG;
                if (target < ip) {
                    POLL();
                }
                ip = target;
            }
            DISPATCH();
        }
        CASE(POP_JUMP_IF_TRUE) {
            obj_t v = POP();
            if (v == OBJ_TRUE || (v != OBJ_FALSE && rt_is_true(v))) {
                const uint32_t *target = code_start + ARG;
                if (target < ip) {
                    POLL();
                }
                ip = target;
            }
            DISPATCH();
        }
        CASE(JUMP_IF_FALSE_OR_POP) {
            if (!rt_is_true(TOP())) {
                ip = code_start + ARG;
            } else {
                sp--;
            }
            DISPATCH();
        }
        CASE(JUMP_IF_TRUE_OR_POP) {
            if (rt_is_true(TOP())) {
                ip = code_start + ARG;
            } else {
                sp--;
            }
            DISPATCH();
        }
        CASE(GET_ITER) {
            SET_TOP(rt_getiter(TOP()));
            DISPATCH();
        }
        CASE(FOR_ITER) {
            obj_t it = TOP();
            if (obj_is_type(it, &range_iter_type)) {
                range_iter_obj_t *ri = OBJ_TO_PTR(it);
                int_t cur = ri->cur;
                if ((ri->step > 0 ? cur < ri->stop : cur > ri->stop) && small_int_fits(cur)) {
                    if (UNLIKELY(__builtin_add_overflow(cur, ri->step, &ri->cur))) {
                        ri->cur = ri->stop;
                    }
                    PUSH(small_int_new(cur));
                    POLL();
                    DISPATCH();
                }
            }
            obj_t x = rt_iternext(it);
            if (x == OBJ_NULL) {
                sp--;
                ip = code_start + ARG;
            } else {
                PUSH(x);
                POLL();
            }
            DISPATCH();
        }
        CASE(GET_ITER_STACK) {
            obj_t o = TOP();
            sp += ITER_BUF_WORDS - 1;
            vm_iter_stack(sp - (ITER_BUF_WORDS - 1), o);
            DISPATCH();
        }
        CASE(GET_ITER_RANGE) {
            /* for x in range(a[, b[, c]]): when range is the built-in and the bounds small ints,
             * the range iterator is built in the loop's slots and no range object is made */
            size_t n = ARG;
            obj_t *a = sp - n + 1;
            obj_t *buf = a - 1;
            if (a[-1] == OBJ_FROM_PTR(&range_type) && obj_is_small_int(a[0]) &&
                (n < 2 || obj_is_small_int(a[1])) && (n < 3 || (obj_is_small_int(a[2]) && a[2] != small_int_new(0)))) {
                int_t start = n == 1 ? 0 : small_int_value(a[0]);
                int_t stop = small_int_value(a[n == 1 ? 0 : 1]);
                int_t step = n == 3 ? small_int_value(a[2]) : 1;
                range_iter_new_buf(start, stop, step, (iter_buf_t *)buf);
            } else {
                obj_t r = rt_call(a[-1], n, 0, a);
                vm_iter_stack(buf, r);
            }
            sp = buf + ITER_BUF_WORDS - 1;
            DISPATCH();
        }
        CASE(FOR_ITER_STACK) {
            obj_t *buf = sp - (ITER_BUF_WORDS - 1);
            if (buf[0] == OBJ_FROM_PTR(&range_iter_type)) { /* a range iterator in the slots */
                range_iter_obj_t *ri = (range_iter_obj_t *)buf;
                int_t cur = ri->cur;
                if ((ri->step > 0 ? cur < ri->stop : cur > ri->stop) && small_int_fits(cur)) {
                    if (UNLIKELY(__builtin_add_overflow(cur, ri->step, &ri->cur))) {
                        ri->cur = ri->stop;
                    }
                    PUSH(small_int_new(cur));
                    POLL();
                    DISPATCH();
                }
            }
            obj_t it = buf[0] != OBJ_NULL ? OBJ_FROM_PTR(buf) : buf[1];
            obj_t x = rt_iternext(it);
            if (x == OBJ_NULL) {
                sp = buf - 1;
                ip = code_start + ARG;
            } else {
                PUSH(x);
                POLL();
            }
            DISPATCH();
        }
        CASE(POP_ITER_STACK) {
            if (ARG) {
                obj_t v = TOP();
                sp -= ITER_BUF_WORDS;
                SET_TOP(v);
            } else {
                sp -= ITER_BUF_WORDS;
            }
            DISPATCH();
        }
        CASE(BUILD_TUPLE) {
            size_t n = ARG;
            obj_t t = tuple_new(n, sp - n + 1);
            sp -= n;
            PUSH(t);
            DISPATCH();
        }
        CASE(BUILD_LIST) {
            size_t n = ARG;
            obj_t t = list_new(n, sp - n + 1);
            sp -= n;
            PUSH(t);
            DISPATCH();
        }
        CASE(BUILD_SET) {
            size_t n = ARG;
            obj_t s = set_new(n, sp - n + 1);
            sp -= n;
            PUSH(s);
            DISPATCH();
        }
        CASE(BUILD_MAP) {
            PUSH(dict_new(ARG));
            DISPATCH();
        }
        CASE(STORE_MAP) {
            if (ARG == 1 && dict_get(sp[-2], sp[0]) != OBJ_NULL) {
                raise_fmt(&type_TypeError, "function got multiple values for keyword argument '%S'", sp[0]);
            }
            dict_store(sp[-2], sp[0], sp[-1]);
            sp -= 2;
            DISPATCH();
        }
        CASE(LIST_APPEND) {
            obj_t v = POP();
            list_append(sp[-(ptrdiff_t)ARG], v);
            DISPATCH();
        }
        CASE(SET_ADD) {
            obj_t v = POP();
            set_add(sp[-(ptrdiff_t)ARG], v);
            DISPATCH();
        }
        CASE(MAP_ADD) {
            obj_t k = POP();
            obj_t v = POP();
            dict_store(sp[-(ptrdiff_t)ARG], k, v);
            DISPATCH();
        }
        CASE(LIST_EXTEND) {
            obj_t it = POP();
            vm_list_extend(TOP(), it);
            DISPATCH();
        }
        CASE(SET_UPDATE) {
            obj_t it = POP();
            vm_call_meth1(TOP(), QSTR_update, it);
            DISPATCH();
        }
        CASE(DICT_UPDATE) {
            obj_t m = POP();
            if (ARG == 1 && !obj_is_type(m, &dict_type) && rt_load_attr_maybe(m, QSTR_keys) == OBJ_NULL) {
                raise_fmt(&type_TypeError, "argument after ** must be a mapping, not %s", rt_type_name(m));
            }
            vm_dict_update(TOP(), m, ARG == 1);
            DISPATCH();
        }
        CASE(LIST_TO_TUPLE) {
            list_obj_t *l = OBJ_TO_PTR(TOP());
            SET_TOP(tuple_new(l->len, l->items));
            DISPATCH();
        }
        CASE(UNPACK_SEQUENCE) {
            obj_t seq = POP();
            size_t n = ARG;
            const tuple_obj_t *t = OBJ_TO_PTR(seq);
            if (obj_is_type(seq, &tuple_type) && t->len == n) { /* the common case, in place */
                for (size_t i = 0; i < n; i++) {
                    sp[n - i] = t->items[i];
                }
            } else {
                vm_unpack(seq, n, sp + 1);
            }
            sp += n;
            DISPATCH();
        }
        CASE(UNPACK_EX) {
            obj_t seq = POP();
            sp = vm_unpack_ex(seq, ARG & 0xfff, ARG >> 12, sp);
            DISPATCH();
        }
        CASE(CALL_FUNCTION) {
            size_t npos = ARG & 0xfff, nkw = ARG >> 12;
            obj_t *args = sp - npos - 2 * nkw + 1;
            obj_t fun = args[-1];
            obj_t r;
            POLL();
            if (obj_is_type(fun, &fun_bc_type)) {
                r = fun_bc_call(fun, npos, nkw, args);
            } else {
                r = rt_call(fun, npos, nkw, args);
            }
            sp = args - 1;
            SET_TOP(r);
            DISPATCH();
        }
        CASE(CALL_METHOD) {
            size_t npos = ARG & 0xfff, nkw = ARG >> 12;
            obj_t *args = sp - npos - 2 * nkw + 1;
            obj_t fun = args[-2];
            if (args[-1] != OBJ_NULL) {
                args--;
                npos++;
            }
            obj_t r;
            POLL();
            if (obj_is_type(fun, &fun_bc_type)) {
                r = fun_bc_call(fun, npos, nkw, args);
            } else {
                r = rt_call(fun, npos, nkw, args);
            }
            sp = sp - (ARG & 0xfff) - 2 * nkw - 1;
            SET_TOP(r);
            DISPATCH();
        }
        CASE(CALL_FUNCTION_EX) {
            obj_t kw = sp[0], lst = sp[-1];
            sp -= 2;
            SET_TOP(rt_call_ex(TOP(), 0, 0, NULL, lst, kw));
            DISPATCH();
        }
        CASE(RETURN_VALUE) {
            obj_t v = TOP();
            f->status = VM_STATUS_RETURN;
            f->sp = sp - 1;
            nlr_pop();
            vm_current = prev_frame;
            rt_stack_py_base = prev_py_base;
            return v;
        }
        CASE(MAKE_FUNCTION) {
            unsigned flags = ARG >> 16;
            obj_t closure = (flags & MKFUN_CLOSURE) ? POP() : OBJ_NULL;
            obj_t kwdefs = (flags & MKFUN_KWDEFAULTS) ? POP() : OBJ_NULL;
            obj_t defs = (flags & MKFUN_DEFAULTS) ? POP() : OBJ_NULL;
            obj_t fn = fun_bc_new(OBJ_TO_PTR(code->consts[ARG & 0xffff]), f->globals, defs, kwdefs, closure);
            PUSH(fn);
            DISPATCH();
        }
        CASE(RAISE) {
            if (ARG == 0) {
                raise_msg(&type_RuntimeError, "No active exception to reraise");
            }
            obj_t cause = OBJ_NULL;
            if (ARG == 2) {
                cause = POP();
                if (cause != OBJ_NONE) {
                    cause = vm_make_exc(cause);
                }
            }
            obj_t exc = vm_make_exc(POP());
            if (ARG == 2) {
                ((exception_obj_t *)OBJ_TO_PTR(exc))->cause = cause;
            }
            rt_raise(exc);
        }
        CASE(RERAISE) {
            obj_t exc = POP();
            vm_reraising = true;
            nlr_jump(exc);
        }
        CASE(SETUP_EXCEPT) {
            vm_block_t *b = &f->blocks[f->n_blocks++];
            b->handler = ARG;
            b->depth = (uint32_t)(sp - stack_base);
            DISPATCH();
        }
        CASE(POP_BLOCK) {
            f->n_blocks--;
            DISPATCH();
        }
        CASE(JUMP_IF_NOT_EXC_MATCH) {
            obj_t t = sp[0], e = sp[-1];
            sp -= 2;
            if (!vm_exc_match(e, t)) {
                ip = code_start + ARG;
            }
            DISPATCH();
        }
        CASE(SETUP_WITH) {
            obj_t r = vm_setup_with(sp);
            sp++;
            vm_block_t *b = &f->blocks[f->n_blocks++];
            b->handler = ARG;
            b->depth = (uint32_t)(sp - stack_base);
            PUSH(r);
            DISPATCH();
        }
        CASE(WITH_CLEANUP) {
            vm_call_exit(sp - 1, OBJ_NULL);
            sp -= 2;
            DISPATCH();
        }
        CASE(WITH_EXCEPT) {
            obj_t exc = sp[0];
            obj_t r = vm_call_exit(sp - 2, exc);
            sp -= 3;
            if (rt_is_true(r)) {
                ip = code_start + ARG;
                DISPATCH();
            }
            vm_reraising = true;
            nlr_jump(exc);
        }
        CASE(YIELD_VALUE) {
            obj_t v = POP();
            f->ip = ip;
            f->sp = sp;
            f->status = VM_STATUS_YIELD;
            nlr_pop();
            vm_current = prev_frame;
            rt_stack_py_base = prev_py_base;
            return v;
        }
        CASE(YIELD_FROM) {
            obj_t sent = POP();
            obj_t it = TOP();
            bool done;
            obj_t r;
            if (obj_is_type(it, &generator_type)) {
                r = gen_resume(it, sent, OBJ_NULL, &done);
            } else {
                r = vm_yield_from_other(it, sent, &done);
            }
            if (!done) {
                f->ip = ip - 1;
                f->sp = sp;
                f->status = VM_STATUS_YIELD;
                nlr_pop();
                vm_current = prev_frame;
                rt_stack_py_base = prev_py_base;
                return r;
            }
            SET_TOP(r);
            DISPATCH();
        }
        CASE(GET_YIELD_FROM_ITER) {
            /* arg 1 (await): a coroutine awaits as itself, else __await__() first, then iter() */
            obj_t o = TOP();
            if (ARG != 0 && !obj_is_type(o, &generator_type)) {
                obj_t m[2];
                rt_load_method_maybe(o, QSTR___await__, m);
                if (m[0] != OBJ_NULL) {
                    SET_TOP(rt_getiter(rt_call_method(0, 0, m)));
                    DISPATCH();
                }
            }
            SET_TOP(rt_getiter(o));
            DISPATCH();
        }
        CASE(IMPORT_NAME) {
            obj_t fromlist = POP();
            if (UNLIKELY(dict_map(rt_state.builtins_dict)->filled != 0)) {
                SET_TOP(vm_import_overridden(ARG, fromlist, TOP(), f->globals));
            } else {
                SET_TOP(rt_import_name(ARG, fromlist, (int)small_int_value(TOP())));
            }
            DISPATCH();
        }
        CASE(IMPORT_FROM) {
            obj_t v = rt_import_from(TOP(), ARG);
            PUSH(v);
            DISPATCH();
        }
        CASE(IMPORT_STAR) {
            obj_t m = POP();
            rt_import_all(m, f->locals_dict != OBJ_NULL ? f->locals_dict : f->globals);
            DISPATCH();
        }
        CASE(LOAD_BUILD_CLASS) {
            /* builtins.__build_class__ may have been replaced by the user */
            PUSH(UNLIKELY(dict_map(rt_state.builtins_dict)->filled != 0) ? rt_builtin_lookup(QSTR___build_class__)
                                                                         : OBJ_FROM_PTR(&build_class_obj));
            DISPATCH();
        }
        CASE(LOAD_ASSERTION_ERROR) {
            PUSH(OBJ_FROM_PTR(&type_AssertionError));
            DISPATCH();
        }
        CASE(FORMAT_VALUE) {
            obj_t spec = (ARG & 4) ? POP() : OBJ_NULL;
            SET_TOP(vm_format_value(TOP(), ARG, spec));
            DISPATCH();
        }
        CASE(BUILD_STRING) {
            size_t n = ARG;
            obj_t s = vm_build_string(n, sp - n + 1);
            sp -= n;
            PUSH(s);
            DISPATCH();
        }
        CASE(PRINT_EXPR) {
            obj_t v = POP();
            if (v != OBJ_NONE) {
                obj_print(&print_stdout, v, PRINT_REPR);
                print_str(&print_stdout, "\n");
            }
            DISPATCH();
        }
#define CMP_JUMP(name, cop, bop)                                                                   \
    CASE(name) {                                                                                   \
        obj_t rhs = sp[0], lhs = sp[-1];                                                           \
        sp -= 2;                                                                                   \
        bool t;                                                                                    \
        if (LIKELY(obj_is_small_int(lhs) && obj_is_small_int(rhs))) {                              \
            t = (int_t)lhs cop(int_t) rhs;                                                         \
        } else {                                                                                   \
            t = rt_is_true(rt_binary_op(bop, lhs, rhs));                                           \
        }                                                                                          \
        if (!t) {                                                                                  \
            const uint32_t *target = code_start + ARG;                                             \
            if (target < ip) {                                                                     \
                POLL();                                                                            \
            }                                                                                      \
            ip = target;                                                                           \
        }                                                                                          \
        DISPATCH();                                                                                \
    }
        CMP_JUMP(JUMP_IF_NOT_LT, <, BINARY_OP_LESS)
        CMP_JUMP(JUMP_IF_NOT_LE, <=, BINARY_OP_LESS_EQUAL)
        CMP_JUMP(JUMP_IF_NOT_GT, >, BINARY_OP_MORE)
        CMP_JUMP(JUMP_IF_NOT_GE, >=, BINARY_OP_MORE_EQUAL)
        CASE(JUMP_IF_NOT_EQ) {
            obj_t rhs = sp[0], lhs = sp[-1];
            sp -= 2;
            bool t;
            if ((obj_is_small_int(lhs) && obj_is_small_int(rhs)) || (obj_is_qstr(lhs) && obj_is_qstr(rhs))) {
                t = lhs == rhs;
            } else {
                t = rt_is_true(rt_binary_op(BINARY_OP_EQUAL, lhs, rhs));
            }
            if (!t) {
                ip = code_start + ARG;
            }
            DISPATCH();
        }
        CASE(JUMP_IF_NOT_NE) {
            obj_t rhs = sp[0], lhs = sp[-1];
            sp -= 2;
            bool t;
            if ((obj_is_small_int(lhs) && obj_is_small_int(rhs)) || (obj_is_qstr(lhs) && obj_is_qstr(rhs))) {
                t = lhs != rhs;
            } else {
                t = rt_is_true(rt_binary_op(BINARY_OP_NOT_EQUAL, lhs, rhs));
            }
            if (!t) {
                ip = code_start + ARG;
            }
            DISPATCH();
        }
#if !VM_GOTO
            default:
                port_fatal("vm: bad opcode");
        }
#endif
    } else {
        obj_t exc = nlr.value;
        if (vm_reraising) {
            vm_reraising = false;
        } else if (obj_is_ptr(exc)) {
            exc_add_traceback(exc, code->filename, code_line_of(code, (size_t)(f->ip - code_start)), code->name);
        }
        if (f->n_blocks > 0) {
            vm_block_t *b = &f->blocks[--f->n_blocks];
            f->sp = stack_base + b->depth;
            *++f->sp = exc;
            f->ip = code_start + b->handler;
            vm_current = f;
            rt_stack_py_base = py_base;
            goto resume;
        }
        f->status = VM_STATUS_RAISED;
        if ((code->flags & CODE_GENERATOR) && exc_is_instance(exc, &type_StopIteration)) {
            obj_t e = exc_new_msg(&type_RuntimeError, "generator raised StopIteration");
            ((exception_obj_t *)OBJ_TO_PTR(e))->cause = exc;
            exc = e;
        }
        vm_current = prev_frame;
        rt_stack_py_base = prev_py_base;
        nlr_jump(exc);
    }
}

/* ---- disassembler ---- */

const char *bc_op_name(unsigned op) {
    static const char *const names[] = {
#define BC_NAME(name) #name,
        BC_OPCODES(BC_NAME)
#undef BC_NAME
    };
    return op < OP_NUM ? names[op] : "?";
}

void vm_dump_code(const code_obj_t *code) {
    const print_t *p = &print_stderr;
    print_fmt(p, "code %q (file %q) args=%u posonly=%u kwonly=%u flags=0x%x locals=%u stack=%u blocks=%u cells=%u free=%u@%u\n",
        code->name, code->filename, (unsigned)code->n_pos_args, (unsigned)code->n_posonly,
        (unsigned)code->n_kwonly, (unsigned)code->flags, (unsigned)code->n_locals,
        (unsigned)code->stack_size, (unsigned)code->n_blocks, (unsigned)code->n_cells,
        (unsigned)code->n_free, (unsigned)code->free_start);
    for (size_t i = 0; i < code->code_len; i++) {
        uint32_t w = code->code[i];
        unsigned op = BC_OP(w);
        print_fmt(p, "  %4u L%-4u %-22s %u", (unsigned)i, (unsigned)code_line_of(code, i), bc_op_name(op), (unsigned)BC_ARG(w));
        switch (op) {
            case OP_LOAD_NAME: case OP_STORE_NAME: case OP_DELETE_NAME: case OP_LOAD_GLOBAL:
            case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL: case OP_LOAD_ATTR: case OP_STORE_ATTR:
            case OP_DELETE_ATTR: case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_FROM:
                print_fmt(p, " (%q)", (qstr)BC_ARG(w));
                break;
            case OP_LOAD_CONST:
                if (!obj_is_type(code->consts[BC_ARG(w)], &code_type)) {
                    print_fmt(p, " (%r)", code->consts[BC_ARG(w)]);
                }
                break;
            case OP_LOAD_SMALL_INT:
                print_fmt(p, " (%d)", (int)(((int32_t)w) >> 8));
                break;
            default:
                break;
        }
        print_str(p, "\n");
        if (op == OP_LOAD_GLOBAL || op == OP_STORE_GLOBAL || op == OP_LOAD_ATTR || op == OP_STORE_ATTR) {
            i++;
        }
    }
    for (size_t i = 0; i < code->n_consts; i++) {
        if (obj_is_type(code->consts[i], &code_type)) {
            vm_dump_code(OBJ_TO_PTR(code->consts[i]));
        }
    }
}
