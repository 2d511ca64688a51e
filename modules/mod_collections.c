/* modules/mod_collections.c: collections.deque with MicroPython's rules: deque(iterable, maxlen
 * [, flags]), maxlen required; appending to a full deque drops from the other end, or raises
 * IndexError('full') when flags asks for overflow checks; popping an empty one raises
 * IndexError('empty'). Also namedtuple (modules/namedtuple.c) and OrderedDict (dicts keep
 * insertion order, so it is a dict subclass with its own name). */
#include "core/obj.h"
#include "core/runtime.h"
#include "modules/namedtuple.h"

typedef struct {
    obj_base_t base;
    size_t head;  /* index of the first item */
    size_t len;
    size_t alloc; /* capacity of items[] */
    int_t maxlen;
    bool check_overflow; /* flags argument: a full deque refuses appends */
    obj_t *items;
    size_t version; /* bumped on mutation: iterators detect changes */
} deque_obj_t;

static const type_t deque_type;

static void deque_grow(deque_obj_t *d) {
    size_t na = d->alloc ? d->alloc * 2 : 8;
    obj_t *n = gc_alloc(na * sizeof(obj_t), false);
    for (size_t i = 0; i < d->len; i++) {
        n[i] = d->items[(d->head + i) % d->alloc];
    }
    d->items = n;
    d->alloc = na;
    d->head = 0;
}

static obj_t deque_pop_left_impl(deque_obj_t *d) {
    if (d->len == 0) {
        raise_msg(&type_IndexError, "empty");
    }
    obj_t v = d->items[d->head];
    d->items[d->head] = OBJ_NULL;
    d->head = (d->head + 1) % d->alloc;
    d->len--;
    d->version++;
    return v;
}

static obj_t deque_pop_right_impl(deque_obj_t *d) {
    if (d->len == 0) {
        raise_msg(&type_IndexError, "empty");
    }
    size_t i = (d->head + d->len - 1) % d->alloc;
    obj_t v = d->items[i];
    d->items[i] = OBJ_NULL;
    d->len--;
    d->version++;
    return v;
}

static void deque_push_right(deque_obj_t *d, obj_t v) {
    if (d->maxlen == 0) {
        if (d->check_overflow) {
            raise_msg(&type_IndexError, "full");
        }
        return;
    }
    if (d->len == (size_t)d->maxlen) {
        if (d->check_overflow) {
            raise_msg(&type_IndexError, "full");
        }
        deque_pop_left_impl(d);
    }
    if (d->len == d->alloc) {
        deque_grow(d);
    }
    d->items[(d->head + d->len) % d->alloc] = v;
    d->len++;
    d->version++;
}

static void deque_push_left(deque_obj_t *d, obj_t v) {
    if (d->maxlen == 0) {
        if (d->check_overflow) {
            raise_msg(&type_IndexError, "full");
        }
        return;
    }
    if (d->len == (size_t)d->maxlen) {
        if (d->check_overflow) {
            raise_msg(&type_IndexError, "full");
        }
        deque_pop_right_impl(d);
    }
    if (d->len == d->alloc) {
        deque_grow(d);
    }
    d->head = (d->head + d->alloc - 1) % d->alloc;
    d->items[d->head] = v;
    d->len++;
    d->version++;
}

static void deque_extend_impl(deque_obj_t *d, obj_t iterable, bool left) {
    obj_t it = rt_getiter(iterable);
    obj_t v;
    while ((v = rt_iternext(it)) != OBJ_NULL) {
        left ? deque_push_left(d, v) : deque_push_right(d, v);
    }
}

static obj_t deque_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_iterable, ARG_REQUIRED, OBJ_NULL},
        {QSTR_maxlen, ARG_REQUIRED, OBJ_NULL},
        {QSTR_flags, 0, ROM_INT(0)},
    };
    arg_val_t v[3];
    arg_parse_all(n_args, args, n_kw, args + n_args, 3, specs, v);
    deque_obj_t *d = NEW_OBJ(deque_obj_t);
    d->base.type = &deque_type;
    d->maxlen = obj_get_int(v[1].o);
    if (d->maxlen < 0) {
        raise_msg(&type_ValueError, "maxlen must be non-negative");
    }
    d->check_overflow = rt_is_true(v[2].o);
    d->alloc = 8;
    d->items = gc_alloc(d->alloc * sizeof(obj_t), false);
    deque_extend_impl(d, v[0].o, false);
    return OBJ_FROM_PTR(d);
}

static obj_t deque_append(size_t n, size_t k, const obj_t *a) {
    deque_push_right(obj_check_self(a[0], &deque_type), a[1]);
    return OBJ_NONE;
}
DEFINE_FUN(deque_append_obj, append, 2, 2, deque_append);

static obj_t deque_appendleft(size_t n, size_t k, const obj_t *a) {
    deque_push_left(obj_check_self(a[0], &deque_type), a[1]);
    return OBJ_NONE;
}
DEFINE_FUN(deque_appendleft_obj, appendleft, 2, 2, deque_appendleft);

static obj_t deque_pop(size_t n, size_t k, const obj_t *a) { return deque_pop_right_impl(obj_check_self(a[0], &deque_type)); }
DEFINE_FUN(deque_pop_obj, pop, 1, 1, deque_pop);

static obj_t deque_popleft(size_t n, size_t k, const obj_t *a) { return deque_pop_left_impl(obj_check_self(a[0], &deque_type)); }
DEFINE_FUN(deque_popleft_obj, popleft, 1, 1, deque_popleft);

static obj_t deque_extend(size_t n, size_t k, const obj_t *a) {
    deque_extend_impl(obj_check_self(a[0], &deque_type), a[1], false);
    return OBJ_NONE;
}
DEFINE_FUN(deque_extend_obj, extend, 2, 2, deque_extend);

static obj_t deque_extendleft(size_t n, size_t k, const obj_t *a) {
    deque_extend_impl(obj_check_self(a[0], &deque_type), a[1], true);
    return OBJ_NONE;
}
DEFINE_FUN(deque_extendleft_obj, extendleft, 2, 2, deque_extendleft);

static obj_t deque_clear(size_t n, size_t k, const obj_t *a) {
    deque_obj_t *d = obj_check_self(a[0], &deque_type);
    memset(d->items, 0, d->alloc * sizeof(obj_t));
    d->len = 0;
    d->head = 0;
    d->version++;
    return OBJ_NONE;
}
DEFINE_FUN(deque_clear_obj, clear, 1, 1, deque_clear);

static obj_t deque_unary_op(unary_op_t op, obj_t self) {
    deque_obj_t *d = OBJ_TO_PTR(self);
    switch (op) {
        case UNARY_OP_LEN: return small_int_new((int_t)d->len);
        case UNARY_OP_BOOL: return obj_bool(d->len != 0);
        default: return OBJ_NULL;
    }
}

static obj_t deque_subscr(obj_t self, obj_t index, obj_t value) {
    deque_obj_t *d = OBJ_TO_PTR(self);
    if (value == OBJ_NULL) {
        return OBJ_NULL;
    }
    int_t i = obj_get_int(index);
    if (i < 0) {
        i += (int_t)d->len;
    }
    if (i < 0 || (size_t)i >= d->len) {
        raise_msg(&type_IndexError, "deque index out of range");
    }
    obj_t *slot = &d->items[(d->head + (size_t)i) % d->alloc];
    if (value == OBJ_SENTINEL) {
        return *slot;
    }
    *slot = value;
    return OBJ_NONE;
}

static obj_t deque_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    deque_obj_t *d = OBJ_TO_PTR(lhs);
    if (op == BINARY_OP_CONTAINS) {
        for (size_t i = 0; i < d->len; i++) {
            if (rt_equal(d->items[(d->head + i) % d->alloc], rhs)) {
                return OBJ_TRUE;
            }
        }
        return OBJ_FALSE;
    }
    if (op == BINARY_OP_EQUAL) {
        if (!obj_is_type(rhs, &deque_type)) {
            return OBJ_FALSE;
        }
        deque_obj_t *e = OBJ_TO_PTR(rhs);
        if (e->len != d->len) {
            return OBJ_FALSE;
        }
        for (size_t i = 0; i < d->len; i++) {
            if (!rt_equal(d->items[(d->head + i) % d->alloc], e->items[(e->head + i) % e->alloc])) {
                return OBJ_FALSE;
            }
        }
        return OBJ_TRUE;
    }
    if (op == BINARY_OP_INPLACE_ADD) {
        deque_extend_impl(d, rhs, false);
        return lhs;
    }
    return OBJ_NULL;
}

typedef struct {
    obj_base_t base;
    deque_obj_t *d;
    size_t i;
    size_t version;
} deque_it_obj_t;

static obj_t deque_it_next(obj_t self) {
    deque_it_obj_t *it = OBJ_TO_PTR(self);
    if (it->version != it->d->version) {
        raise_msg(&type_RuntimeError, "deque mutated during iteration");
    }
    if (it->i >= it->d->len) {
        return OBJ_NULL;
    }
    return it->d->items[(it->d->head + it->i++) % it->d->alloc];
}

static const type_t deque_it_type = {.base = {&type_type}, .flags = TYPE_FLAG_ITER_IS_SELF, .name = QSTR_iterator,
    .getiter = rt_identity_getiter, .iternext = deque_it_next};

static obj_t deque_getiter(obj_t self) {
    deque_it_obj_t *it = NEW_OBJ(deque_it_obj_t);
    it->base.type = &deque_it_type;
    it->d = OBJ_TO_PTR(self);
    it->version = it->d->version;
    return OBJ_FROM_PTR(it);
}

static void deque_print(const print_t *p, obj_t self, print_kind_t kind) {
    deque_obj_t *d = OBJ_TO_PTR(self);
    print_str(p, "deque([");
    for (size_t i = 0; i < d->len; i++) {
        if (i > 0) {
            print_str(p, ", ");
        }
        obj_print(p, d->items[(d->head + i) % d->alloc], PRINT_REPR);
    }
    print_str(p, "]");
    print_fmt(p, ", maxlen=%ld", (long)d->maxlen);
    print_str(p, ")");
}

static void deque_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] == OBJ_NULL && attr == QSTR_maxlen) {
        deque_obj_t *d = OBJ_TO_PTR(self);
        dest[0] = small_int_new(d->maxlen);
    }
}

static const map_elem_t deque_locals_table[] = {
    {ROM_QSTR(QSTR_append), ROM_PTR(&deque_append_obj)},
    {ROM_QSTR(QSTR_appendleft), ROM_PTR(&deque_appendleft_obj)},
    {ROM_QSTR(QSTR_pop), ROM_PTR(&deque_pop_obj)},
    {ROM_QSTR(QSTR_popleft), ROM_PTR(&deque_popleft_obj)},
    {ROM_QSTR(QSTR_extend), ROM_PTR(&deque_extend_obj)},
    {ROM_QSTR(QSTR_extendleft), ROM_PTR(&deque_extendleft_obj)},
    {ROM_QSTR(QSTR_clear), ROM_PTR(&deque_clear_obj)},
};
static DEFINE_CONST_DICT(deque_locals_dict, deque_locals_table);

static const type_t deque_type = {.base = {&type_type}, .name = QSTR_deque, .print = deque_print,
    .make_new = deque_make_new, .unary_op = deque_unary_op, .binary_op = deque_binary_op, .attr = deque_attr,
    .subscr = deque_subscr, .getiter = deque_getiter, .locals_dict = &deque_locals_dict};

static const map_elem_t collections_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_collections)},
    {ROM_QSTR(QSTR_deque), ROM_PTR(&deque_type)},
    {ROM_QSTR(QSTR_namedtuple), ROM_PTR(&namedtuple_fun_obj)},
    {ROM_QSTR(QSTR_OrderedDict), ROM_PTR(&ordereddict_type)},
};
static DEFINE_CONST_DICT(collections_globals, collections_globals_table);
const module_obj_t collections_module = {{&module_type}, &collections_globals};
REGISTER_MODULE(QSTR_collections, collections_module);
