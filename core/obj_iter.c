/* core/obj_iter.c: the iterator of list and tuple, and the lazy iterator types of the builtins: enumerate, zip, map, filter,
 * reversed and iterator_type (seq[0], seq[1], ... until IndexError). Invariant: each holds iterators (never
 * materialised sequences) and, once it has reported exhaustion, keeps reporting it. */
#include "core/nlr.h"
#include "core/obj.h"
#include "core/obj_list.h"
#include "core/runtime.h"

/* ---- list and tuple ---- */
typedef struct {
    obj_base_t base;
    obj_t seq;
    size_t idx;
} seq_iter_obj_t;

static obj_t list_iter_next(obj_t self) {
    seq_iter_obj_t *it = OBJ_TO_PTR(self);
    const list_obj_t *l = OBJ_TO_PTR(it->seq);
    return it->idx < l->len ? l->items[it->idx++] : OBJ_NULL;
}

static obj_t tuple_iter_next(obj_t self) {
    seq_iter_obj_t *it = OBJ_TO_PTR(self);
    const tuple_obj_t *t = OBJ_TO_PTR(it->seq);
    return it->idx < t->len ? t->items[it->idx++] : OBJ_NULL;
}

static const type_t list_iter_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_list_iterator,
    .getiter = rt_identity_getiter,
    .iternext = list_iter_next,
};

static const type_t tuple_iter_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_tuple_iterator,
    .getiter = rt_identity_getiter,
    .iternext = tuple_iter_next,
};

static obj_t seq_iter_init(seq_iter_obj_t *it, obj_t seq, bool is_list) {
    it->base.type = is_list ? &list_iter_type : &tuple_iter_type;
    it->seq = seq;
    it->idx = 0;
    return OBJ_FROM_PTR(it);
}

obj_t seq_iter_new(obj_t seq, bool is_list) { return seq_iter_init(NEW_OBJ(seq_iter_obj_t), seq, is_list); }

_Static_assert(sizeof(seq_iter_obj_t) <= sizeof(iter_buf_t), "seq iterator fits an iter_buf_t");
obj_t seq_iter_new_buf(obj_t seq, bool is_list, iter_buf_t *buf) {
    return seq_iter_init((seq_iter_obj_t *)buf, seq, is_list);
}

/* ---- enumerate ---- */
typedef struct {
    obj_base_t base;
    obj_t iter;
    obj_t count;
} enumerate_obj_t;

static obj_t enumerate_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_iterable, ARG_REQUIRED, OBJ_NULL},
        {QSTR_start, 0, ROM_INT(0)},
    };
    arg_val_t vals[2];
    arg_parse_all(n_args, args, n_kw, args + n_args, 2, specs, vals);
    if (!obj_is_int(vals[1].o) && !obj_is_type(vals[1].o, &bool_type)) {
        raise_fmt(&type_TypeError, "'%s' object cannot be interpreted as an integer", rt_type_name(vals[1].o));
    }
    enumerate_obj_t *e = NEW_OBJ(enumerate_obj_t);
    e->base.type = &enumerate_type;
    e->iter = rt_getiter(vals[0].o);
    e->count = obj_is_type(vals[1].o, &bool_type) ? small_int_new(vals[1].o == OBJ_TRUE) : vals[1].o;
    return OBJ_FROM_PTR(e);
}

static obj_t enumerate_next(obj_t self) {
    rt_stack_check(); /* these nest: iter(iter(...)) recurses in C */
    enumerate_obj_t *e = OBJ_TO_PTR(self);
    obj_t x = rt_iternext(e->iter);
    if (x == OBJ_NULL) {
        return OBJ_NULL;
    }
    obj_t pair[2] = {e->count, x};
    if (LIKELY(obj_is_small_int(e->count) && e->count != small_int_new(SMALL_INT_MAX))) {
        e->count += 2; /* +1 on the tagged value */
    } else {
        e->count = rt_binary_op(BINARY_OP_ADD, e->count, small_int_new(1));
    }
    return tuple_new(2, pair);
}

const type_t enumerate_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_enumerate,
    .make_new = enumerate_make_new,
    .getiter = rt_identity_getiter,
    .iternext = enumerate_next,
};

/* ---- zip ---- */
typedef struct {
    obj_base_t base;
    size_t n;
    bool done; /* zip() of nothing; otherwise every next asks the iterators again, as CPython */
    obj_t iters[];
} zip_obj_t;

static obj_t zip_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, NATIVE_VARARGS, false);
    zip_obj_t *z = NEW_OBJ_VAR(zip_obj_t, obj_t, n_args);
    z->base.type = &zip_type;
    z->n = n_args;
    z->done = n_args == 0;
    for (size_t i = 0; i < n_args; i++) {
        z->iters[i] = rt_getiter(args[i]);
    }
    return OBJ_FROM_PTR(z);
}

static obj_t zip_next(obj_t self) {
    rt_stack_check(); /* these nest: iter(iter(...)) recurses in C */
    zip_obj_t *z = OBJ_TO_PTR(self);
    if (z->done) {
        return OBJ_NULL;
    }
    /* the first item before the tuple: zip(zip(...)) nested deep then holds no tuple per level
     * while it recurses, and ends in RuntimeError rather than filling the heap */
    obj_t first = rt_iternext(z->iters[0]);
    if (first == OBJ_NULL) {
        return OBJ_NULL;
    }
    tuple_obj_t *t = OBJ_TO_PTR(tuple_new(z->n, NULL));
    t->items[0] = first;
    for (size_t i = 1; i < z->n; i++) {
        obj_t x = rt_iternext(z->iters[i]);
        if (x == OBJ_NULL) {
            gc_free(t);
            return OBJ_NULL;
        }
        t->items[i] = x;
    }
    return OBJ_FROM_PTR(t);
}

const type_t zip_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_zip,
    .make_new = zip_make_new,
    .getiter = rt_identity_getiter,
    .iternext = zip_next,
};

/* ---- map ---- */
typedef struct {
    obj_base_t base;
    obj_t fun;
    size_t n;
    obj_t iters[];
} map_obj_t;

static obj_t map_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 2, NATIVE_VARARGS, false);
    map_obj_t *m = NEW_OBJ_VAR(map_obj_t, obj_t, n_args - 1);
    m->base.type = &map_type;
    m->fun = args[0];
    m->n = n_args - 1;
    for (size_t i = 1; i < n_args; i++) {
        m->iters[i - 1] = rt_getiter(args[i]);
    }
    return OBJ_FROM_PTR(m);
}

static obj_t map_next(obj_t self) {
    rt_stack_check(); /* these nest: iter(iter(...)) recurses in C */
    map_obj_t *m = OBJ_TO_PTR(self);
    if (m->n == 1) {
        obj_t x = rt_iternext(m->iters[0]);
        return x == OBJ_NULL ? OBJ_NULL : rt_call1(m->fun, x);
    }
    obj_t small[8];
    obj_t *args = m->n <= 8 ? small : NEW_ARRAY(obj_t, m->n);
    for (size_t i = 0; i < m->n; i++) {
        obj_t x = rt_iternext(m->iters[i]);
        if (x == OBJ_NULL) {
            return OBJ_NULL;
        }
        args[i] = x;
    }
    return rt_call(m->fun, m->n, 0, args);
}

const type_t map_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_map,
    .make_new = map_make_new,
    .getiter = rt_identity_getiter,
    .iternext = map_next,
};

/* ---- filter ---- */
typedef struct {
    obj_base_t base;
    obj_t fun; /* None: truth of the item itself */
    obj_t iter;
} filter_obj_t;

static obj_t filter_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 2, 2, false);
    filter_obj_t *f = NEW_OBJ(filter_obj_t);
    f->base.type = &filter_type;
    f->fun = args[0];
    f->iter = rt_getiter(args[1]);
    return OBJ_FROM_PTR(f);
}

static obj_t filter_next(obj_t self) {
    rt_stack_check(); /* these nest: iter(iter(...)) recurses in C */
    filter_obj_t *f = OBJ_TO_PTR(self);
    obj_t x;
    while ((x = rt_iternext(f->iter)) != OBJ_NULL) {
        if (rt_is_true(f->fun == OBJ_NONE ? x : rt_call1(f->fun, x))) {
            return x;
        }
    }
    return OBJ_NULL;
}

const type_t filter_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_filter,
    .make_new = filter_make_new,
    .getiter = rt_identity_getiter,
    .iternext = filter_next,
};

/* ---- reversed: seq[len-1] ... seq[0], with direct access for lists and tuples ---- */
typedef struct {
    obj_base_t base;
    obj_t seq;
    size_t idx; /* items still to yield are seq[0 .. idx) */
} reversed_obj_t;

static obj_t reversed_new_seq(obj_t seq, size_t len) {
    reversed_obj_t *r = NEW_OBJ(reversed_obj_t);
    r->base.type = &reversed_type;
    r->seq = seq;
    r->idx = len;
    return OBJ_FROM_PTR(r);
}

obj_t iter_reversed(obj_t seq) {
    const type_t *t = obj_type(seq);
    if (t == &list_type) {
        return reversed_new_seq(seq, ((list_obj_t *)OBJ_TO_PTR(seq))->len);
    }
    if (t == &tuple_type) {
        return reversed_new_seq(seq, ((tuple_obj_t *)OBJ_TO_PTR(seq))->len);
    }
    if (t == &range_type) {
        return range_reversed(seq);
    }
    if (t == &dict_type || t == &dict_view_type || (t->parent == &dict_type && !(t->flags & TYPE_FLAG_USER_CLASS))) {
        obj_t keys = list_from_iter(seq);
        return reversed_new_seq(keys, ((list_obj_t *)OBJ_TO_PTR(keys))->len);
    }
    if (t != &str_type && t != &bytes_type && t != &bytearray_type) {
        obj_t dest[2];
        rt_load_method_maybe(seq, QSTR___reversed__, dest);
        if (dest[0] != OBJ_NULL) {
            return rt_call_method(0, 0, dest);
        }
    }
    obj_t len = rt_len_maybe(seq);
    bool ok =
        len != OBJ_NULL && obj_is_small_int(len) && t != &set_type && t != &frozenset_type && t != &dict_view_type;
    if (ok && (t->subscr == NULL || (t->flags & TYPE_FLAG_USER_CLASS))) {
        obj_t dest[2];
        rt_load_method_maybe(seq, QSTR___getitem__, dest);
        ok = dest[0] != OBJ_NULL;
    }
    if (!ok) {
        raise_fmt(&type_TypeError, "'%s' object isn't reversible", rt_type_name(seq));
    }
    return reversed_new_seq(seq, (size_t)small_int_value(len));
}

static obj_t reversed_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 1, false);
    return iter_reversed(args[0]);
}

static obj_t reversed_next(obj_t self) {
    reversed_obj_t *r = OBJ_TO_PTR(self);
    if (r->idx == 0) {
        return OBJ_NULL;
    }
    size_t i = --r->idx;
    if (obj_is_type(r->seq, &list_type)) {
        const list_obj_t *l = OBJ_TO_PTR(r->seq);
        if (i >= l->len) {
            r->idx = 0; /* the list shrank: stop */
            return OBJ_NULL;
        }
        return l->items[i];
    }
    if (obj_is_type(r->seq, &tuple_type)) {
        return ((tuple_obj_t *)OBJ_TO_PTR(r->seq))->items[i];
    }
    return rt_subscr_load(r->seq, small_int_new((int_t)i));
}

const type_t reversed_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_reversed,
    .make_new = reversed_make_new,
    .getiter = rt_identity_getiter,
    .iternext = reversed_next,
};

/* ---- iterator_type: seq[0], seq[1], ... until IndexError (or StopIteration) ---- */
typedef struct {
    obj_base_t base;
    obj_t seq; /* OBJ_NULL once exhausted */
    size_t idx;
} getitem_iter_obj_t;

obj_t iter_new_getitem(obj_t seq) {
    getitem_iter_obj_t *it = NEW_OBJ(getitem_iter_obj_t);
    it->base.type = &iterator_type;
    it->seq = seq;
    it->idx = 0;
    return OBJ_FROM_PTR(it);
}

static obj_t getitem_iter_next(obj_t self) {
    getitem_iter_obj_t *it = OBJ_TO_PTR(self);
    if (it->seq == OBJ_NULL) {
        return OBJ_NULL;
    }
    nlr_buf_t nlr;
    nlr.value = OBJ_NULL;
    if (nlr_push(&nlr) == 0) {
        obj_t v = rt_subscr_load(it->seq, small_int_new((int_t)it->idx));
        nlr_pop();
        it->idx++;
        return v;
    }
    if (exc_is_instance(nlr.value, &type_IndexError) || exc_is_instance(nlr.value, &type_StopIteration)) {
        it->seq = OBJ_NULL;
        return OBJ_NULL;
    }
    nlr_jump(nlr.value);
}

const type_t iterator_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_iterator,
    .getiter = rt_identity_getiter,
    .iternext = getitem_iter_next,
};
