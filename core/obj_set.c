/* core/obj_set.c: set_type and frozenset_type, both a set_obj_t over a map_t whose keys are the
 * members (values unused: OBJ_NONE), so members keep insertion order and share dict's hashing
 * and key-equality rules. Invariant: a frozenset is never mutated after construction returns. */
#include "core/obj.h"
#include "core/obj_list.h"
#include "core/obj_type.h"
#include "core/runtime.h"

static inline set_obj_t *set_ptr(obj_t o) {
    return (set_obj_t *)OBJ_TO_PTR(o);
}
static inline bool set_is_any(obj_t o) {
    return obj_is_type(o, &set_type) || obj_is_type(o, &frozenset_type);
}

static obj_t set_new_typed(const type_t *type, size_t n) {
    set_obj_t *s = NEW_OBJ(set_obj_t);
    s->base.type = type;
    map_init(&s->map, n);
    return OBJ_FROM_PTR(s);
}

static inline void set_add_raw(set_obj_t *s, obj_t item) {
    map_lookup(&s->map, item, MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = OBJ_NONE;
}

void set_add(obj_t set, obj_t item) {
    set_add_raw(set_ptr(set), item);
}

obj_t set_new(size_t n, const obj_t *items) {
    obj_t s = set_new_typed(&set_type, n);
    for (size_t i = 0; i < n; i++) {
        set_add_raw(set_ptr(s), items[i]);
    }
    return s;
}

/* A frozen copy of a set used as a member/key ({1} in s looks up frozenset({1})). */
static obj_t set_key_of(obj_t item) {
    if (obj_is_type(item, &set_type)) {
        obj_t f = set_new_typed(&frozenset_type, set_ptr(item)->map.filled);
        const map_t *m = &set_ptr(item)->map;
        for (size_t i = 0; i < m->used; i++) {
            if (m->table[i].key != OBJ_NULL) {
                set_add_raw(set_ptr(f), m->table[i].key);
            }
        }
        return f;
    }
    return item;
}

bool set_contains(obj_t set, obj_t item) {
    return map_lookup(&set_ptr(set)->map, set_key_of(item), MAP_LOOKUP) != NULL;
}

static void set_add_iter(obj_t set, obj_t iterable) {
    set_obj_t *s = set_ptr(set);
    if (set_is_any(iterable)) {
        const map_t *m = &set_ptr(iterable)->map;
        for (size_t i = 0; i < m->used; i++) {
            if (m->table[i].key != OBJ_NULL) {
                set_add_raw(s, m->table[i].key);
            }
        }
        return;
    }
    if (obj_is_type(iterable, &list_type) || obj_is_type(iterable, &tuple_type)) {
        size_t n;
        obj_t *items;
        obj_get_array(iterable, &n, &items);
        for (size_t i = 0; i < n; i++) {
            set_add_raw(s, items[i]);
            obj_get_array(iterable, &n, &items); /* an item's __hash__ may change a list */
        }
        return;
    }
    obj_t it = rt_getiter(iterable);
    obj_t x;
    while ((x = rt_iternext(it)) != OBJ_NULL) {
        set_add_raw(s, x);
    }
}

static obj_t set_copy_as(const type_t *type, obj_t src) {
    obj_t r = set_new_typed(type, set_ptr(src)->map.filled);
    set_add_iter(r, src);
    return r;
}

obj_t frozenset_new_from_iter(obj_t iterable) {
    if (obj_is_type(iterable, &frozenset_type)) {
        return iterable;
    }
    obj_t r = set_new_typed(&frozenset_type, 0);
    set_add_iter(r, iterable);
    return r;
}

/* Makes a set (for membership tests) out of any iterable, avoiding a copy for sets. */
static obj_t set_of(obj_t o) {
    if (set_is_any(o)) {
        return o;
    }
    obj_t r = set_new_typed(&set_type, 0);
    set_add_iter(r, o);
    return r;
}

static bool set_has(obj_t set, obj_t item) {
    return map_lookup(&set_ptr(set)->map, item, MAP_LOOKUP) != NULL;
}

#define SET_FOREACH(m, k)                                                                                              \
    for (size_t k##_i = 0; k##_i < (m)->used; k##_i++)                                                                 \
        for (obj_t k = (m)->table[k##_i].key; k != OBJ_NULL; k = OBJ_NULL)

static bool set_is_subset(obj_t a, obj_t b) {
    const map_t *ma = &set_ptr(a)->map;
    if (ma->filled > set_ptr(b)->map.filled) {
        return false;
    }
    SET_FOREACH(ma, k) {
        if (!set_has(b, k)) {
            return false;
        }
    }
    return true;
}

/* ---- the set algebra, in place on `dest` (a fresh or mutable set) ---- */
/* dest &= other. Like CPython, the members kept are those of the smaller operand (of `other` on a
 * tie, and of `other` when it isn't a set), which decides e.g. whether 1 or True survives. */
static void set_intersect_into(obj_t dest, obj_t other) {
    obj_t small = other, big = dest;
    if (set_is_any(other)) {
        if (set_ptr(other)->map.filled > set_ptr(dest)->map.filled) {
            small = dest;
            big = other;
        }
    } else {
        small = set_of(other);
    }
    obj_t r = set_new_typed(&set_type, 0);
    const map_t *ms = &set_ptr(small)->map;
    SET_FOREACH(ms, k) {
        if (set_has(big, k)) {
            set_add_raw(set_ptr(r), k);
        }
    }
    set_ptr(dest)->map = set_ptr(r)->map; /* dest takes over r's table */
}

static void set_difference_into(obj_t dest, obj_t other) {
    map_t *m = &set_ptr(dest)->map;
    if (other == dest) {
        map_clear(m);
        return;
    }
    if (set_is_any(other)) {
        const map_t *mo = &set_ptr(other)->map;
        SET_FOREACH(mo, k) {
            map_lookup(m, k, MAP_LOOKUP_REMOVE_IF_FOUND);
        }
        return;
    }
    obj_t it = rt_getiter(other);
    obj_t x;
    while ((x = rt_iternext(it)) != OBJ_NULL) {
        map_lookup(m, x, MAP_LOOKUP_REMOVE_IF_FOUND);
    }
}

static void set_symmetric_into(obj_t dest, obj_t other) {
    if (other == dest) {
        map_clear(&set_ptr(dest)->map);
        return;
    }
    other = set_of(other);
    map_t *m = &set_ptr(dest)->map;
    const map_t *mo = &set_ptr(other)->map;
    SET_FOREACH(mo, k) {
        if (map_lookup(m, k, MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
            set_add_raw(set_ptr(dest), k);
        }
    }
}

/* ---- type slots ---- */

static void set_print(const print_t *p, obj_t o, print_kind_t kind) {
    const set_obj_t *s = OBJ_TO_PTR(o);
    bool frozen = s->base.type == &frozenset_type;
    if (s->map.filled == 0) {
        print_str(p, frozen ? "frozenset()" : "set()");
        return;
    }
    if (frozen) {
        print_str(p, "frozenset(");
    }
    print_strn(p, "{", 1);
    bool first = true;
    SET_FOREACH(&s->map, k) {
        if (!first) {
            print_strn(p, ", ", 2);
        }
        first = false;
        obj_print(p, k, PRINT_REPR);
    }
    print_strn(p, "}", 1);
    if (frozen) {
        print_strn(p, ")", 1);
    }
}

static obj_t set_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, false);
    if (type == &frozenset_type) {
        if (n_args == 0) {
            return set_new_typed(&frozenset_type, 0);
        }
        return frozenset_new_from_iter(args[0]);
    }
    obj_t s = set_new_typed(&set_type, 0);
    if (n_args == 1) {
        set_add_iter(s, args[0]);
    }
    return s;
}

static size_t set_hash_mix(size_t h) {
    h ^= (h << 16) ^ 89869747UL;
    return h * 3644798167UL;
}

/* Out of line: len() and bool() of a set stay as lean as they were. */
__attribute__((noinline)) static obj_t frozenset_hash(const set_obj_t *s) {
    rt_stack_check(); /* frozensets of frozensets hash their members first */
    size_t h = 1927868237UL * (s->map.filled + 1);
    SET_FOREACH(&s->map, k) {
        h ^= set_hash_mix(rt_hash(k));
    }
    h = h * 69069U + 907133923UL;
    return small_int_new((int_t)(h & (size_t)SMALL_INT_MAX));
}

static obj_t set_unary_op(unary_op_t op, obj_t o) {
    const set_obj_t *s = OBJ_TO_PTR(o);
    switch (op) {
        case UNARY_OP_BOOL: return obj_bool(s->map.filled != 0);
        case UNARY_OP_LEN: return small_int_new((int_t)s->map.filled);
        case UNARY_OP_HASH: return s->base.type == &frozenset_type ? frozenset_hash(s) : OBJ_NULL;
        default: return OBJ_NULL;
    }
}

static obj_t set_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (op == BINARY_OP_CONTAINS) {
        return obj_bool(set_contains(lhs, rhs));
    }
    bool frozen = obj_is_type(lhs, &frozenset_type);
    if (!set_is_any(rhs)) {
        return OBJ_NULL; /* == falls back to identity in the runtime */
    }
    if (op >= BINARY_OP_INPLACE_OR && op <= BINARY_OP_INPLACE_POWER && frozen) {
        return OBJ_NULL; /* the runtime falls back to the plain operator */
    }
    obj_t r;
    switch (op) {
        case BINARY_OP_OR:
            r = set_copy_as(obj_type(lhs), lhs);
            set_add_iter(r, rhs);
            return r;
        case BINARY_OP_INPLACE_OR: set_add_iter(lhs, rhs); return lhs;
        case BINARY_OP_AND:
            r = set_copy_as(obj_type(lhs), lhs);
            set_intersect_into(r, rhs);
            return r;
        case BINARY_OP_INPLACE_AND: set_intersect_into(lhs, rhs); return lhs;
        case BINARY_OP_SUBTRACT:
            r = set_copy_as(obj_type(lhs), lhs);
            set_difference_into(r, rhs);
            return r;
        case BINARY_OP_INPLACE_SUBTRACT: set_difference_into(lhs, rhs); return lhs;
        case BINARY_OP_XOR:
            r = set_copy_as(obj_type(lhs), lhs);
            set_symmetric_into(r, rhs);
            return r;
        case BINARY_OP_INPLACE_XOR: set_symmetric_into(lhs, rhs); return lhs;
        case BINARY_OP_LESS_EQUAL: return obj_bool(set_is_subset(lhs, rhs));
        case BINARY_OP_LESS:
            return obj_bool(set_ptr(lhs)->map.filled < set_ptr(rhs)->map.filled && set_is_subset(lhs, rhs));
        case BINARY_OP_MORE_EQUAL: return obj_bool(set_is_subset(rhs, lhs));
        case BINARY_OP_MORE:
            return obj_bool(set_ptr(rhs)->map.filled < set_ptr(lhs)->map.filled && set_is_subset(rhs, lhs));
        case BINARY_OP_EQUAL:
        case BINARY_OP_NOT_EQUAL: {
            bool eq = set_ptr(lhs)->map.filled == set_ptr(rhs)->map.filled && set_is_subset(lhs, rhs);
            return obj_bool(eq == (op == BINARY_OP_EQUAL));
        }
        default: return OBJ_NULL;
    }
}

/* ---- iterator ---- */
typedef struct {
    obj_base_t base;
    obj_t set;
    size_t pos;
    size_t filled;
} set_iter_obj_t;

static obj_t set_iter_next(obj_t self) {
    set_iter_obj_t *it = OBJ_TO_PTR(self);
    const map_t *m = &set_ptr(it->set)->map;
    if (m->filled != it->filled) {
        it->filled = (size_t)-1;
        raise_msg(&type_RuntimeError, "Set changed size during iteration");
    }
    while (it->pos < m->used) {
        obj_t k = m->table[it->pos++].key;
        if (k != OBJ_NULL) {
            return k;
        }
    }
    return OBJ_NULL;
}

static const type_t set_iter_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_set_iterator,
    .getiter = rt_identity_getiter,
    .iternext = set_iter_next,
};

static obj_t set_iter_init(set_iter_obj_t *it, obj_t self) {
    it->base.type = &set_iter_type;
    it->set = self;
    it->pos = 0;
    it->filled = set_ptr(self)->map.filled;
    return OBJ_FROM_PTR(it);
}

static obj_t set_getiter(obj_t self) { return set_iter_init(NEW_OBJ(set_iter_obj_t), self); }

_Static_assert(sizeof(set_iter_obj_t) <= sizeof(iter_buf_t), "set iterator fits an iter_buf_t");
static obj_t set_getiter_buf(obj_t self, iter_buf_t *buf) { return set_iter_init((set_iter_obj_t *)buf, self); }

/* ---- methods ---- */
static obj_t set_self(obj_t o, bool mutable) {
    if (!set_is_any(o) && obj_is_ptr(o)) {
        obj_t sub = instance_get_subobj(o);
        if (sub != OBJ_NULL && set_is_any(sub)) {
            o = sub;
        }
    }
    if (mutable ? !obj_is_type(o, &set_type) : !set_is_any(o)) {
        raise_fmt(&type_TypeError, "descriptor requires a '%s' object", mutable ? "set" : "frozenset");
    }
    return o;
}

static obj_t set_add_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    set_add(set_self(args[0], true), args[1]);
    return OBJ_NONE;
}
static DEFINE_FUN(set_add_obj, add, 2, 2, set_add_fun);

static obj_t set_remove_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t s = set_self(args[0], true);
    obj_t key = set_key_of(args[1]);
    if (map_lookup(&set_ptr(s)->map, key, MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
        rt_raise(exc_new(&type_KeyError, 1, &args[1]));
    }
    return OBJ_NONE;
}
static DEFINE_FUN(set_remove_obj, remove, 2, 2, set_remove_fun);

static obj_t set_discard_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t s = set_self(args[0], true);
    map_lookup(&set_ptr(s)->map, set_key_of(args[1]), MAP_LOOKUP_REMOVE_IF_FOUND);
    return OBJ_NONE;
}
static DEFINE_FUN(set_discard_obj, discard, 2, 2, set_discard_fun);

static obj_t set_pop_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    /* the first member in iteration order, as CPython and MicroPython pop */
    obj_t k = map_pop_first(&set_ptr(set_self(args[0], true))->map);
    if (k == OBJ_NULL) {
        raise_msg(&type_KeyError, "pop from an empty set");
    }
    return k;
}
static DEFINE_FUN(set_pop_obj, pop, 1, 1, set_pop_fun);

static obj_t set_clear_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    map_clear(&set_ptr(set_self(args[0], true))->map);
    return OBJ_NONE;
}
static DEFINE_FUN(set_clear_obj, clear, 1, 1, set_clear_fun);

static obj_t set_copy_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t s = set_self(args[0], false);
    return set_copy_as(obj_type(s), s);
}
static DEFINE_FUN(set_copy_obj, copy, 1, 1, set_copy_fun);

/* The multi-argument methods: fold every argument into self (in place: the *_update forms, which
 * need a mutable set) or into a copy of self of the same type (the plain forms, which return it). */
static obj_t set_fold_args(size_t n_args, const obj_t *args, void (*into)(obj_t, obj_t), bool in_place) {
    obj_t s = set_self(args[0], in_place);
    obj_t r = in_place ? s : set_copy_as(obj_type(s), s);
    for (size_t i = 1; i < n_args; i++) {
        into(r, args[i]);
    }
    return in_place ? OBJ_NONE : r;
}

static obj_t set_update_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return set_fold_args(n_args, args, set_add_iter, true);
}
static DEFINE_FUN(set_update_obj, update, 1, NATIVE_VARARGS, set_update_fun);

static obj_t set_union_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return set_fold_args(n_args, args, set_add_iter, false);
}
static DEFINE_FUN(set_union_obj, union, 1, NATIVE_VARARGS, set_union_fun);

static obj_t set_intersection_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return set_fold_args(n_args, args, set_intersect_into, false);
}
static DEFINE_FUN(set_intersection_obj, intersection, 1, NATIVE_VARARGS, set_intersection_fun);

static obj_t set_intersection_update_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return set_fold_args(n_args, args, set_intersect_into, true);
}
static DEFINE_FUN(set_intersection_update_obj, intersection_update, 1, NATIVE_VARARGS, set_intersection_update_fun);

static obj_t set_difference_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return set_fold_args(n_args, args, set_difference_into, false);
}
static DEFINE_FUN(set_difference_obj, difference, 1, NATIVE_VARARGS, set_difference_fun);

static obj_t set_difference_update_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return set_fold_args(n_args, args, set_difference_into, true);
}
static DEFINE_FUN(set_difference_update_obj, difference_update, 1, NATIVE_VARARGS, set_difference_update_fun);

static obj_t set_symmetric_difference_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t s = set_self(args[0], false);
    obj_t r = set_copy_as(obj_type(s), s);
    set_symmetric_into(r, args[1]);
    return r;
}
static DEFINE_FUN(set_symmetric_difference_obj, symmetric_difference, 2, 2, set_symmetric_difference_fun);

static obj_t set_symmetric_difference_update_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    set_symmetric_into(set_self(args[0], true), args[1]);
    return OBJ_NONE;
}
static DEFINE_FUN(
    set_symmetric_difference_update_obj, symmetric_difference_update, 2, 2, set_symmetric_difference_update_fun);

static obj_t set_issubset_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return obj_bool(set_is_subset(set_self(args[0], false), set_of(args[1])));
}
static DEFINE_FUN(set_issubset_obj, issubset, 2, 2, set_issubset_fun);

static obj_t set_issuperset_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return obj_bool(set_is_subset(set_of(args[1]), set_self(args[0], false)));
}
static DEFINE_FUN(set_issuperset_obj, issuperset, 2, 2, set_issuperset_fun);

static obj_t set_isdisjoint_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t s = set_self(args[0], false);
    obj_t it = rt_getiter(args[1]);
    obj_t x;
    while ((x = rt_iternext(it)) != OBJ_NULL) {
        if (set_has(s, x)) {
            return OBJ_FALSE;
        }
    }
    return OBJ_TRUE;
}
static DEFINE_FUN(set_isdisjoint_obj, isdisjoint, 2, 2, set_isdisjoint_fun);

static obj_t set_contains_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return obj_bool(set_contains(set_self(args[0], false), args[1]));
}
static DEFINE_FUN(set_contains_obj, __contains__, 2, 2, set_contains_fun);

static const map_elem_t set_locals_table[] = {
    {ROM_QSTR(QSTR___contains__), ROM_PTR(&set_contains_obj)},
    {ROM_QSTR(QSTR_add), ROM_PTR(&set_add_obj)},
    {ROM_QSTR(QSTR_clear), ROM_PTR(&set_clear_obj)},
    {ROM_QSTR(QSTR_copy), ROM_PTR(&set_copy_obj)},
    {ROM_QSTR(QSTR_difference), ROM_PTR(&set_difference_obj)},
    {ROM_QSTR(QSTR_difference_update), ROM_PTR(&set_difference_update_obj)},
    {ROM_QSTR(QSTR_discard), ROM_PTR(&set_discard_obj)},
    {ROM_QSTR(QSTR_intersection), ROM_PTR(&set_intersection_obj)},
    {ROM_QSTR(QSTR_intersection_update), ROM_PTR(&set_intersection_update_obj)},
    {ROM_QSTR(QSTR_isdisjoint), ROM_PTR(&set_isdisjoint_obj)},
    {ROM_QSTR(QSTR_issubset), ROM_PTR(&set_issubset_obj)},
    {ROM_QSTR(QSTR_issuperset), ROM_PTR(&set_issuperset_obj)},
    {ROM_QSTR(QSTR_pop), ROM_PTR(&set_pop_obj)},
    {ROM_QSTR(QSTR_remove), ROM_PTR(&set_remove_obj)},
    {ROM_QSTR(QSTR_symmetric_difference), ROM_PTR(&set_symmetric_difference_obj)},
    {ROM_QSTR(QSTR_symmetric_difference_update), ROM_PTR(&set_symmetric_difference_update_obj)},
    {ROM_QSTR(QSTR_union), ROM_PTR(&set_union_obj)},
    {ROM_QSTR(QSTR_update), ROM_PTR(&set_update_obj)},
};
static DEFINE_CONST_DICT(set_locals_dict, set_locals_table);

static const map_elem_t frozenset_locals_table[] = {
    {ROM_QSTR(QSTR___contains__), ROM_PTR(&set_contains_obj)},
    {ROM_QSTR(QSTR_copy), ROM_PTR(&set_copy_obj)},
    {ROM_QSTR(QSTR_difference), ROM_PTR(&set_difference_obj)},
    {ROM_QSTR(QSTR_intersection), ROM_PTR(&set_intersection_obj)},
    {ROM_QSTR(QSTR_isdisjoint), ROM_PTR(&set_isdisjoint_obj)},
    {ROM_QSTR(QSTR_issubset), ROM_PTR(&set_issubset_obj)},
    {ROM_QSTR(QSTR_issuperset), ROM_PTR(&set_issuperset_obj)},
    {ROM_QSTR(QSTR_symmetric_difference), ROM_PTR(&set_symmetric_difference_obj)},
    {ROM_QSTR(QSTR_union), ROM_PTR(&set_union_obj)},
};
static DEFINE_CONST_DICT(frozenset_locals_dict, frozenset_locals_table);

const type_t set_type = {
    .base = {&type_type},
    .name = QSTR_set,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .getiter_buf = set_getiter_buf,
    .locals_dict = &set_locals_dict,
};

const type_t frozenset_type = {
    .base = {&type_type},
    .name = QSTR_frozenset,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .getiter_buf = set_getiter_buf,
    .locals_dict = &frozenset_locals_dict,
};
