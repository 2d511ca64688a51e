/* core/runtime.c: the generic operations on values (truth, operators, attributes, subscripts,
 * calls, iteration, isinstance) that the VM, built-ins and modules share, plus interruption and
 * C-stack depth checks.
 * Invariant: every operation first takes the fast path for immediate values (small ints, qstrs)
 * and otherwise dispatches through the operand's type slots; OBJ_NULL from a slot means "not
 * supported" and leads to the documented fallback or to MicroPython's TypeError text. */
#include "core/nlr.h"
#include "core/obj_int.h"
#include "core/obj_list.h"
#include "core/obj_str.h"
#include "core/obj_type.h"
#include "core/qstr.h"
#include "core/runtime.h"

/* ---- truth and unary operators ---- */
bool rt_is_true(obj_t o) {
    if (o == OBJ_FALSE || o == OBJ_NONE) {
        return false;
    }
    if (o == OBJ_TRUE) {
        return true;
    }
    if (obj_is_small_int(o)) {
        return o != small_int_new(0);
    }
    if (obj_is_qstr(o)) {
        return qstr_len(obj_qstr_value(o)) != 0;
    }
    const type_t *t = obj_type(o);
    if (t->unary_op != NULL) {
        obj_t r = t->unary_op(UNARY_OP_BOOL, o);
        if (r != OBJ_NULL) {
            return r == OBJ_TRUE;
        }
        r = t->unary_op(UNARY_OP_LEN, o);
        if (r != OBJ_NULL) {
            return r != small_int_new(0);
        }
    }
    return true;
}

/* Built-in mutable types (and OrderedDict, a built-in dict type), and slices as in MicroPython */
static bool rt_type_is_unhashable(const type_t *t) {
    return t == &list_type || t == &dict_type || t == &set_type || t == &bytearray_type || t == &slice_type ||
           (t->parent == &dict_type && !(t->flags & TYPE_FLAG_USER_CLASS));
}

obj_t rt_unary_op(unary_op_t op, obj_t o) {
    if (op == UNARY_OP_NOT) {
        return obj_bool(!rt_is_true(o));
    }
    if (obj_is_small_int(o)) {
        return int_unary_op(op, o);
    }
    const type_t *t = obj_type(o);
    if (t->unary_op != NULL) {
        obj_t r = t->unary_op(op, o);
        if (r != OBJ_NULL) {
            return r;
        }
    }
    switch (op) {
        case UNARY_OP_BOOL:
            return obj_bool(rt_is_true(o));
        case UNARY_OP_LEN:
        case UNARY_OP_INT:
            return OBJ_NULL;
        case UNARY_OP_HASH:
            if (rt_type_is_unhashable(t)) {
                raise_fmt(&type_TypeError, "unhashable type: '%s'", rt_type_name(o));
            }
            return obj_identity_hash(o);
        default:
            raise_fmt(&type_TypeError, "unsupported type for %q: '%s'", (unsigned)unary_op_qstr[op],
                rt_type_name(o));
    }
}

size_t rt_hash(obj_t o) {
    if (obj_is_small_int(o)) {
        return (size_t)small_int_value(o);
    }
    if (obj_is_qstr(o)) {
        return qstr_hash(obj_qstr_value(o));
    }
    if (obj_is_type(o, &str_type)) {
        return str_hash(o); /* must equal qstr_hash of the same text (unmasked) */
    }
    obj_t h = rt_unary_op(UNARY_OP_HASH, o);
    if (obj_is_small_int(h)) {
        return (size_t)small_int_value(h);
    }
    return (size_t)int_hash(h);
}

obj_t rt_len_maybe(obj_t o) {
    if (obj_is_qstr(o)) {
        return small_int_new((int_t)str_char_len(o));
    }
    if (obj_is_small_int(o)) {
        return OBJ_NULL;
    }
    const type_t *t = obj_type(o);
    if (t->unary_op == NULL) {
        return OBJ_NULL;
    }
    return t->unary_op(UNARY_OP_LEN, o);
}

size_t rt_len(obj_t o) {
    obj_t n = rt_len_maybe(o);
    if (n == OBJ_NULL) {
        raise_fmt(&type_TypeError, "object of type '%s' has no len()", rt_type_name(o));
    }
    if (!obj_is_small_int(n)) { /* range(2**63) */
        raise_msg(&type_OverflowError, "overflow converting long int to machine word");
    }
    return (size_t)small_int_value(n);
}

/* ---- binary operators ---- */
NORETURN void raise_type_error_unsupported(binary_op_t op, obj_t lhs, obj_t rhs) {
    qstr name = op < BINARY_OP_NUM ? binary_op_qstr[op] : QSTR___eq__;
    raise_fmt(&type_TypeError, "unsupported types for %q: '%s', '%s'", (unsigned)name,
        rt_type_name(lhs), rt_type_name(rhs));
}

bool rt_equal(obj_t a, obj_t b) {
    if (a == b) {
        return true;
    }
    if (obj_is_small_int(a) && obj_is_small_int(b)) {
        return false;
    }
    if (obj_is_qstr(a) && obj_is_qstr(b)) {
        return false;
    }
    if (obj_is_str(a) && obj_is_str(b)) {
        return str_equal(a, b);
    }
    const type_t *ta = obj_type(a);
    const type_t *tb = obj_type(b);
    if ((ta->flags & tb->flags & TYPE_FLAG_EQ_IS_IDENTITY) != 0) {
        return false;
    }
    if (ta->binary_op != NULL) {
        obj_t r = ta->binary_op(BINARY_OP_EQUAL, a, b);
        if (r != OBJ_NULL) {
            return r == OBJ_TRUE || (r != OBJ_FALSE && rt_is_true(r));
        }
    }
    if (tb->binary_op != NULL) {
        obj_t r = tb->binary_op(BINARY_OP_EQUAL, b, a);
        if (r != OBJ_NULL) {
            return r == OBJ_TRUE || (r != OBJ_FALSE && rt_is_true(r));
        }
    }
    return false;
}

/* "item in container" */
static bool rt_contains(obj_t container, obj_t item) {
    const type_t *t = obj_type(container);
    if (t->binary_op != NULL) {
        obj_t r = t->binary_op(BINARY_OP_CONTAINS, container, item);
        if (r != OBJ_NULL) {
            return rt_is_true(r);
        }
    }
    if (t->getiter == NULL && t->subscr == NULL) {
        raise_fmt(&type_TypeError, "argument of type '%s' is not iterable", rt_type_name(container));
    }
    obj_t it = rt_getiter(container);
    obj_t x;
    while ((x = rt_iternext(it)) != OBJ_NULL) {
        if (rt_equal(x, item)) {
            return true;
        }
    }
    return false;
}

static bool rt_exception_match(obj_t exc, obj_t cls) {
    const type_t *et = obj_is_type(exc, &type_type) ? OBJ_TO_PTR(exc) : obj_type(exc);
    if (obj_is_type(cls, &tuple_type)) {
        const tuple_obj_t *tup = OBJ_TO_PTR(cls);
        for (size_t i = 0; i < tup->len; i++) {
            if (rt_exception_match(exc, tup->items[i])) {
                return true;
            }
        }
        return false;
    }
    if (!obj_is_type(cls, &type_type) || !(((const type_t *)OBJ_TO_PTR(cls))->flags & TYPE_FLAG_EXCEPTION)) {
        raise_msg(&type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    }
    return obj_is_subclass_fast(et, OBJ_TO_PTR(cls));
}

static inline bool rt_op_is_arith(binary_op_t op) { return op >= BINARY_OP_OR && op <= BINARY_OP_DIVMOD; }

obj_t rt_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    switch (op) {
        case BINARY_OP_IS:
            return obj_bool(lhs == rhs);
        case BINARY_OP_IS_NOT:
            return obj_bool(lhs != rhs);
        case BINARY_OP_IN:
            return obj_bool(rt_contains(rhs, lhs));
        case BINARY_OP_NOT_IN:
            return obj_bool(!rt_contains(rhs, lhs));
        case BINARY_OP_EXCEPTION_MATCH:
            return obj_bool(rt_exception_match(lhs, rhs));
        case BINARY_OP_CONTAINS:
            return obj_bool(rt_contains(lhs, rhs));
        default:
            break;
    }
    if (obj_is_small_int(lhs) && obj_is_small_int(rhs)) {
        obj_t r = int_binary_op(op, lhs, rhs);
        if (r != OBJ_NULL) {
            return r;
        }
        raise_type_error_unsupported(op, lhs, rhs);
    }
    const type_t *tl = obj_type(lhs);
    if (op == BINARY_OP_EQUAL || op == BINARY_OP_NOT_EQUAL) {
        if (!(tl->flags & TYPE_FLAG_USER_CLASS) && !(obj_type(rhs)->flags & TYPE_FLAG_USER_CLASS)) {
            bool eq = rt_equal(lhs, rhs);
            return obj_bool(op == BINARY_OP_EQUAL ? eq : !eq);
        }
        /* user classes may return anything from __eq__/__ne__ */
        if (tl->binary_op != NULL) {
            obj_t r = tl->binary_op(op, lhs, rhs);
            if (r != OBJ_NULL) {
                return r;
            }
        }
        const type_t *tr = obj_type(rhs);
        if (tr->binary_op != NULL) {
            obj_t r = tr->binary_op(op, rhs, lhs);
            if (r != OBJ_NULL) {
                return r;
            }
        }
        return obj_bool((lhs == rhs) == (op == BINARY_OP_EQUAL));
    }
    if (tl->binary_op != NULL) {
        obj_t r = tl->binary_op(op, lhs, rhs);
        if (r != OBJ_NULL) {
            return r;
        }
    }
    binary_op_t plain = op;
    if (op >= BINARY_OP_INPLACE_OR && op <= BINARY_OP_INPLACE_POWER) {
        plain = (binary_op_t)(op + (BINARY_OP_OR - BINARY_OP_INPLACE_OR));
        if (tl->binary_op != NULL) {
            obj_t r = tl->binary_op(plain, lhs, rhs);
            if (r != OBJ_NULL) {
                return r;
            }
        }
    }
    const type_t *tr = obj_type(rhs);
    if (tr->binary_op != NULL) {
        if (rt_op_is_arith(plain) && plain != BINARY_OP_DIVMOD) {
            obj_t r = tr->binary_op((binary_op_t)(plain + (BINARY_OP_REVERSE_OR - BINARY_OP_OR)), rhs, lhs);
            if (r != OBJ_NULL) {
                return r;
            }
        } else if (plain <= BINARY_OP_MORE_EQUAL) {
            static const uint8_t mirror[] = {
                [BINARY_OP_LESS] = BINARY_OP_MORE,
                [BINARY_OP_MORE] = BINARY_OP_LESS,
                [BINARY_OP_LESS_EQUAL] = BINARY_OP_MORE_EQUAL,
                [BINARY_OP_MORE_EQUAL] = BINARY_OP_LESS_EQUAL,
            };
            obj_t r = tr->binary_op((binary_op_t)mirror[plain], rhs, lhs);
            if (r != OBJ_NULL) {
                return r;
            }
        }
    }
    raise_type_error_unsupported(op, lhs, rhs);
}

/* ---- attributes ---- */
void rt_load_method_maybe(obj_t base, qstr attr, obj_t *dest) {
    dest[0] = OBJ_NULL;
    dest[1] = OBJ_NULL;
    const type_t *t = obj_type(base);
    /* the common case first: a built-in type's method in its own table, bound to base (what the
     * general path below gives for it too) */
    if (t->attr == NULL && !(t->flags & TYPE_FLAG_USER_CLASS) && t != &object_type && t->locals_dict != NULL) {
        obj_t v = map_get_qstr(&t->locals_dict->map, attr);
        if (v != OBJ_NULL && obj_is_ptr(v) && (obj_type(v)->flags & TYPE_FLAG_BINDS_SELF)) {
            dest[0] = v;
            dest[1] = base;
            return;
        }
    }
    if (t->attr != NULL) {
        t->attr(base, attr, dest);
        if (dest[0] != OBJ_NULL || (t->flags & TYPE_FLAG_USER_CLASS) || t == &type_type) {
            return;
        }
    }
    const type_t *where = NULL;
    obj_t v = type_lookup(t, attr, &where);
    if (v != OBJ_NULL && where != &object_type) {
        type_bind_attr(v, base, t, dest);
        return;
    }
    if (attr == QSTR___class__) {
        dest[0] = OBJ_FROM_PTR(t);
        return;
    }
    /* the type's own slot (e.g. list's __repr__) beats object's generic method */
    obj_t w = type_slot_wrapper(t, attr);
    if (w != OBJ_NULL) {
        dest[0] = w;
        dest[1] = base;
    } else if (v != OBJ_NULL) {
        type_bind_attr(v, base, t, dest);
    }
}

NORETURN static void rt_raise_no_attr(obj_t base, qstr attr) {
    if (obj_is_type(base, &type_type)) {
        raise_fmt(&type_AttributeError, "type object '%q' has no attribute '%q'",
            (unsigned)((const type_t *)OBJ_TO_PTR(base))->name, (unsigned)attr);
    }
    raise_fmt(&type_AttributeError, "'%s' object has no attribute '%q'", rt_type_name(base), (unsigned)attr);
}

void rt_load_method(obj_t base, qstr attr, obj_t *dest) {
    rt_load_method_maybe(base, attr, dest);
    if (dest[0] == OBJ_NULL) {
        rt_raise_no_attr(base, attr);
    }
}

obj_t rt_load_attr_maybe(obj_t base, qstr attr) {
    obj_t dest[2];
    rt_load_method_maybe(base, attr, dest);
    if (dest[0] == OBJ_NULL) {
        return OBJ_NULL;
    }
    if (dest[1] != OBJ_NULL) {
        return bound_meth_new(dest[0], dest[1]);
    }
    return dest[0];
}

obj_t rt_load_attr(obj_t base, qstr attr) {
    obj_t v = rt_load_attr_maybe(base, attr);
    if (v == OBJ_NULL) {
        rt_raise_no_attr(base, attr);
    }
    return v;
}

static void rt_store_or_delete_attr(obj_t base, qstr attr, obj_t value) {
    const type_t *t = obj_type(base);
    if (t->attr != NULL) {
        obj_t dest[2] = {OBJ_SENTINEL, value};
        t->attr(base, attr, dest);
        if (dest[0] == OBJ_NULL) {
            return;
        }
    }
    rt_raise_no_attr(base, attr);
}

void rt_store_attr(obj_t base, qstr attr, obj_t value) { rt_store_or_delete_attr(base, attr, value); }
void rt_delete_attr(obj_t base, qstr attr) { rt_store_or_delete_attr(base, attr, OBJ_NULL); }

/* ---- subscripts ---- */
obj_t rt_subscr_load(obj_t base, obj_t index) {
    const type_t *t = obj_type(base);
    if (t->subscr != NULL) {
        obj_t r = t->subscr(base, index, OBJ_SENTINEL);
        if (r != OBJ_NULL) {
            return r;
        }
    } else if (t == &type_type) {
        /* list[int]-style generic aliases: look for __class_getitem__ */
        obj_t dest[2];
        rt_load_method_maybe(base, QSTR___class_getitem__, dest);
        if (dest[0] != OBJ_NULL) {
            obj_t a[2] = {dest[1], index};
            return dest[1] != OBJ_NULL ? rt_call(dest[0], 2, 0, a) : rt_call(dest[0], 1, 0, a + 1);
        }
    }
    raise_fmt(&type_TypeError, "'%s' object isn't subscriptable", rt_type_name(base));
}

void rt_subscr_store(obj_t base, obj_t index, obj_t value) {
    const type_t *t = obj_type(base);
    if (t->subscr != NULL && t->subscr(base, index, value) != OBJ_NULL) {
        return;
    }
    raise_fmt(&type_TypeError, "'%s' object doesn't support item assignment", rt_type_name(base));
}

void rt_subscr_delete(obj_t base, obj_t index) {
    const type_t *t = obj_type(base);
    if (t->subscr != NULL && t->subscr(base, index, OBJ_NULL) != OBJ_NULL) {
        return;
    }
    raise_fmt(&type_TypeError, "'%s' object doesn't support item deletion", rt_type_name(base));
}

/* ---- calls ---- */
obj_t rt_call(obj_t fun, size_t n_args, size_t n_kw, const obj_t *args) {
    const type_t *t = obj_type(fun);
    if (LIKELY(t->call != NULL)) {
        return t->call(fun, n_args, n_kw, args);
    }
    raise_fmt(&type_TypeError, "'%s' object isn't callable", rt_type_name(fun));
}

obj_t rt_call0(obj_t fun) { return rt_call(fun, 0, 0, NULL); }
obj_t rt_call1(obj_t fun, obj_t a) { return rt_call(fun, 1, 0, &a); }
obj_t rt_call2(obj_t fun, obj_t a, obj_t b) {
    obj_t args[2] = {a, b};
    return rt_call(fun, 2, 0, args);
}

obj_t rt_call_method(size_t n_args, size_t n_kw, const obj_t *args) {
    if (args[1] == OBJ_NULL) {
        return rt_call(args[0], n_args, n_kw, args + 2);
    }
    return rt_call(args[0], n_args + 1, n_kw, args + 1);
}

obj_t rt_call_ex(obj_t fun, size_t n_args, size_t n_kw, const obj_t *args, obj_t pos_seq, obj_t kw_dict) {
    /* positional: args, then the items of pos_seq */
    size_t n_extra = 0;
    obj_t *extra = NULL;
    obj_t list = OBJ_NULL;
    if (pos_seq != OBJ_NULL && pos_seq != OBJ_NONE) {
        if (obj_is_type(pos_seq, &tuple_type) || obj_is_type(pos_seq, &list_type)) {
            obj_get_array(pos_seq, &n_extra, &extra);
        } else {
            list = list_from_iter(pos_seq);
            obj_get_array(list, &n_extra, &extra);
        }
    }
    size_t n_kw_extra = 0;
    map_t *km = NULL;
    if (kw_dict != OBJ_NULL && kw_dict != OBJ_NONE) {
        if (!obj_is_type(kw_dict, &dict_type)) {
            /* a mapping: go through keys() and [] */
            obj_t d = dict_new(0);
            dict_update(d, kw_dict);
            kw_dict = d;
        }
        km = dict_map(kw_dict);
        n_kw_extra = km->filled;
    }
    size_t n_pos = n_args + n_extra;
    size_t n_total_kw = n_kw + n_kw_extra;
    size_t n = n_pos + 2 * n_total_kw;
    obj_t local[16];
    obj_t *a = n <= 16 ? local : NEW_ARRAY(obj_t, n);
    if (n_args > 0) {
        memcpy(a, args, n_args * sizeof(obj_t));
    }
    if (n_extra > 0) {
        memcpy(a + n_args, extra, n_extra * sizeof(obj_t));
    }
    if (n_kw > 0) {
        memcpy(a + n_pos, args + n_args, 2 * n_kw * sizeof(obj_t));
    }
    size_t k = n_pos + 2 * n_kw;
    if (km != NULL) {
        for (size_t i = 0; i < km->used; i++) {
            obj_t key = km->table[i].key;
            if (key == OBJ_NULL) {
                continue;
            }
            if (!obj_is_str(key)) {
                raise_msg(&type_TypeError, "keywords must be strings");
            }
            a[k++] = obj_is_qstr(key) ? key : str_intern(key);
            a[k++] = km->table[i].value;
        }
    }
    return rt_call(fun, n_pos, n_total_kw, a);
}

/* ---- iteration ---- */
obj_t rt_identity_getiter(obj_t o) { return o; }

obj_t rt_getiter(obj_t o) {
    const type_t *t = obj_type(o);
    if (t->flags & TYPE_FLAG_ITER_IS_SELF) {
        return o;
    }
    if (t->getiter != NULL) {
        obj_t r = t->getiter(o);
        if (r != OBJ_NULL) {
            return r;
        }
    } else if (t->subscr != NULL && !(t->flags & TYPE_FLAG_USER_CLASS)) {
        return iter_new_getitem(o);
    }
    raise_fmt(&type_TypeError, "'%s' object isn't iterable", rt_type_name(o));
}

obj_t rt_getiter_buf(obj_t o, iter_buf_t *buf) {
    const type_t *t = obj_type(o);
    if (t->getiter_buf != NULL) {
        return t->getiter_buf(o, buf);
    }
    return rt_getiter(o);
}

obj_t rt_iternext(obj_t iter) {
    const type_t *t = obj_type(iter);
    if (LIKELY(t->iternext != NULL)) {
        return t->iternext(iter);
    }
    raise_fmt(&type_TypeError, "'%s' object isn't an iterator", rt_type_name(iter));
}

obj_t rt_iternext_or_raise(obj_t iter) {
    if (obj_is_type(iter, &generator_type)) {
        /* send(None) raises StopIteration carrying the generator's return value */
        obj_t dest[3];
        rt_load_method(iter, QSTR_send, dest);
        dest[2] = OBJ_NONE;
        return rt_call_method(1, 0, dest);
    }
    rt_state.stop_iteration = OBJ_NULL;
    obj_t r = rt_iternext(iter);
    if (r == OBJ_NULL) {
        obj_t e = rt_state.stop_iteration;
        if (e != OBJ_NULL) {
            rt_state.stop_iteration = OBJ_NULL;
            rt_raise(e);
        }
        raise_stop_iteration(OBJ_NULL);
    }
    return r;
}

/* ---- buffers ---- */
bool rt_get_buffer(obj_t o, buffer_info_t *info, int flags) {
    if (!obj_is_ptr(o) && !obj_is_qstr(o)) { /* a qstr is a str: its bytes are read-only */
        return false;
    }
    const type_t *t = obj_type(o);
    return t->buffer != NULL && t->buffer(o, info, flags);
}

void rt_get_buffer_or_raise(obj_t o, buffer_info_t *info, int flags) {
    if (!rt_get_buffer(o, info, flags)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
}

/* ---- types ---- */
bool rt_issubclass(const type_t *sub, const type_t *base) { return obj_is_subclass_fast(sub, base); }

bool rt_isinstance(obj_t o, obj_t classinfo) {
    if (obj_is_type(classinfo, &tuple_type)) {
        rt_stack_check(); /* tuples of classes nest */
        const tuple_obj_t *tup = OBJ_TO_PTR(classinfo);
        for (size_t i = 0; i < tup->len; i++) {
            if (rt_isinstance(o, tup->items[i])) {
                return true;
            }
        }
        return false;
    }
    if (!obj_is_type(classinfo, &type_type)) {
        raise_msg(&type_TypeError, "isinstance() arg 2 must be a type or tuple of types");
    }
    return obj_is_subclass_fast(obj_type(o), OBJ_TO_PTR(classinfo));
}

const char *rt_type_name(obj_t o) { return qstr_str(obj_type(o)->name); }
qstr rt_type_qname(obj_t o) { return obj_type(o)->name; }

/* ---- interruption and depth ---- */
void rt_check_pending(void) {
    obj_t e = rt_state.pending_exception;
    if (e != OBJ_NULL) {
        rt_state.pending_exception = OBJ_NULL;
        if (e == OBJ_FROM_PTR(&exc_kbd_interrupt_obj)) {
            exc_clear_traceback(e);
        }
        nlr_jump(e);
    }
}

obj_t *rt_module_state_slots(size_t slot, size_t n) {
    obj_t l = rt_state.module_state[slot];
    if (l == OBJ_NULL) {
        l = list_new(0, NULL);
        for (size_t i = 0; i < n; i++) {
            list_append(l, OBJ_NONE);
        }
        rt_state.module_state[slot] = l;
    }
    return ((list_obj_t *)OBJ_TO_PTR(l))->items;
}

void rt_keyboard_interrupt(void) { rt_state.pending_exception = OBJ_FROM_PTR(&exc_kbd_interrupt_obj); }

/* Addresses kept as integers: the top is a frame address far up the C stack. */
static uintptr_t rt_stack_top;
static size_t rt_stack_limit;
uintptr_t rt_stack_py_base;

/* Recursion whose every level holds heap objects must end in RuntimeError before it fills the
 * heap, so it gets part of the budget only: C recursion with no Python frame in between (nested
 * iterators consumed, nested data printed, compared or hashed: little stack a level, a heap
 * object each) a 24th, measured from the innermost Python frame; resuming generators (a heap
 * frame each) half. Plain calls hold no heap and get it all. */
#define RT_STACK_C_SHARE 24
#define RT_STACK_GEN_SHARE 2

/* The inline checks' bounds (runtime.h), worked out from the top and the limit: the C stack grows
 * down, so a frame below a floor is too deep. UINTPTR_MAX until known: the first check then takes
 * the slow way, which sets them. */
uintptr_t rt_stack_floor = UINTPTR_MAX;
uintptr_t rt_stack_gen_floor = UINTPTR_MAX;
size_t rt_stack_c_budget;

static void rt_stack_set_floors(void) {
    rt_stack_floor = rt_stack_top > rt_stack_limit ? rt_stack_top - rt_stack_limit : 0;
    size_t gen = rt_stack_limit / RT_STACK_GEN_SHARE;
    rt_stack_gen_floor = rt_stack_top > gen ? rt_stack_top - gen : 0;
    rt_stack_c_budget = rt_stack_limit / RT_STACK_C_SHARE;
}

void rt_set_stack_limits(void *stack_top, size_t stack_limit) {
    rt_stack_top = (uintptr_t)stack_top;
    rt_stack_limit = stack_limit;
    rt_stack_py_base = 0;
    rt_stack_set_floors();
}

static void rt_stack_check_within(size_t limit) {
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (UNLIKELY(rt_stack_top == 0)) {
        rt_stack_top = sp;
        rt_stack_limit = 256 * 1024;
        rt_stack_set_floors();
        return;
    }
    size_t used = rt_stack_top > sp ? (size_t)(rt_stack_top - sp) : (size_t)(sp - rt_stack_top);
    if (UNLIKELY(used > limit ||
                 (rt_stack_py_base > sp && rt_stack_py_base - sp > rt_stack_limit / RT_STACK_C_SHARE))) {
        raise_msg(&type_RuntimeError, "maximum recursion depth exceeded");
    }
}

void rt_stack_check_slow(void) { rt_stack_check_within(rt_stack_limit); }
void rt_stack_check_gen_slow(void) { rt_stack_check_within(rt_stack_limit / RT_STACK_GEN_SHARE); }
