/* core/obj_type.c: the object model: type and object, user classes (type_new) and their instances,
 * attribute lookup along the MRO (C3, computed once per class; object last), binding (bound
 * methods, staticmethod, classmethod, property), super, and the dispatch of every type slot of a
 * user class to its Python special methods (__add__, __getitem__, __iter__ ...).
 * Invariant: special methods are looked up only in user classes (built-in bases are reached
 * through the instance's native sub-object), so a missing method costs a short dict walk. */
#include "core/nlr.h"
#include "core/obj_list.h"
#include "core/obj_str.h"
#include "core/obj_type.h"
#include "core/qstr.h"
#include "core/runtime.h"

/* ---- operator names (shared with runtime.c for error messages) ---- */
const uint16_t binary_op_qstr[BINARY_OP_NUM] = {
    [BINARY_OP_LESS] = QSTR___lt__,
    [BINARY_OP_MORE] = QSTR___gt__,
    [BINARY_OP_EQUAL] = QSTR___eq__,
    [BINARY_OP_LESS_EQUAL] = QSTR___le__,
    [BINARY_OP_MORE_EQUAL] = QSTR___ge__,
    [BINARY_OP_NOT_EQUAL] = QSTR___ne__,
    [BINARY_OP_CONTAINS] = QSTR___contains__,
    [BINARY_OP_INPLACE_OR] = QSTR___ior__,
    [BINARY_OP_INPLACE_XOR] = QSTR___ixor__,
    [BINARY_OP_INPLACE_AND] = QSTR___iand__,
    [BINARY_OP_INPLACE_LSHIFT] = QSTR___ilshift__,
    [BINARY_OP_INPLACE_RSHIFT] = QSTR___irshift__,
    [BINARY_OP_INPLACE_ADD] = QSTR___iadd__,
    [BINARY_OP_INPLACE_SUBTRACT] = QSTR___isub__,
    [BINARY_OP_INPLACE_MULTIPLY] = QSTR___imul__,
    [BINARY_OP_INPLACE_MAT_MULTIPLY] = QSTR___imatmul__,
    [BINARY_OP_INPLACE_FLOOR_DIVIDE] = QSTR___ifloordiv__,
    [BINARY_OP_INPLACE_TRUE_DIVIDE] = QSTR___itruediv__,
    [BINARY_OP_INPLACE_MODULO] = QSTR___imod__,
    [BINARY_OP_INPLACE_POWER] = QSTR___ipow__,
    [BINARY_OP_OR] = QSTR___or__,
    [BINARY_OP_XOR] = QSTR___xor__,
    [BINARY_OP_AND] = QSTR___and__,
    [BINARY_OP_LSHIFT] = QSTR___lshift__,
    [BINARY_OP_RSHIFT] = QSTR___rshift__,
    [BINARY_OP_ADD] = QSTR___add__,
    [BINARY_OP_SUBTRACT] = QSTR___sub__,
    [BINARY_OP_MULTIPLY] = QSTR___mul__,
    [BINARY_OP_MAT_MULTIPLY] = QSTR___matmul__,
    [BINARY_OP_FLOOR_DIVIDE] = QSTR___floordiv__,
    [BINARY_OP_TRUE_DIVIDE] = QSTR___truediv__,
    [BINARY_OP_MODULO] = QSTR___mod__,
    [BINARY_OP_POWER] = QSTR___pow__,
    [BINARY_OP_DIVMOD] = QSTR___divmod__,
    [BINARY_OP_REVERSE_OR] = QSTR___ror__,
    [BINARY_OP_REVERSE_XOR] = QSTR___rxor__,
    [BINARY_OP_REVERSE_AND] = QSTR___rand__,
    [BINARY_OP_REVERSE_LSHIFT] = QSTR___rlshift__,
    [BINARY_OP_REVERSE_RSHIFT] = QSTR___rrshift__,
    [BINARY_OP_REVERSE_ADD] = QSTR___radd__,
    [BINARY_OP_REVERSE_SUBTRACT] = QSTR___rsub__,
    [BINARY_OP_REVERSE_MULTIPLY] = QSTR___rmul__,
    [BINARY_OP_REVERSE_MAT_MULTIPLY] = QSTR___rmatmul__,
    [BINARY_OP_REVERSE_FLOOR_DIVIDE] = QSTR___rfloordiv__,
    [BINARY_OP_REVERSE_TRUE_DIVIDE] = QSTR___rtruediv__,
    [BINARY_OP_REVERSE_MODULO] = QSTR___rmod__,
    [BINARY_OP_REVERSE_POWER] = QSTR___rpow__,
};

const uint16_t unary_op_qstr[] = {
    [UNARY_OP_BOOL] = QSTR___bool__,
    [UNARY_OP_LEN] = QSTR___len__,
    [UNARY_OP_HASH] = QSTR___hash__,
    [UNARY_OP_POSITIVE] = QSTR___pos__,
    [UNARY_OP_NEGATIVE] = QSTR___neg__,
    [UNARY_OP_INVERT] = QSTR___invert__,
    [UNARY_OP_NOT] = QSTR___bool__,
    [UNARY_OP_ABS] = QSTR___abs__,
    [UNARY_OP_INT] = QSTR___int__,
};

/* ---- helpers ---- */
static inline bool type_is_tuple(const void *p) {
    return p != NULL && ((const obj_base_t *)p)->type == &tuple_type;
}
static inline bool type_is_user(const type_t *t) { return (t->flags & TYPE_FLAG_USER_CLASS) != 0; }
static inline const user_type_t *user_type(const type_t *t) { return (const user_type_t *)t; }

bool obj_is_subclass_fast(const type_t *object_type_, const type_t *class_type) {
    if ((object_type_->flags & TYPE_FLAG_USER_CLASS) && ((const user_type_t *)object_type_)->mro != OBJ_NULL) {
        if (object_type_ == class_type || class_type == &object_type) {
            return true;
        }
        const tuple_obj_t *mro = OBJ_TO_PTR(((const user_type_t *)object_type_)->mro);
        for (size_t i = 1; i < mro->len; i++) {
            const type_t *m = OBJ_TO_PTR(mro->items[i]);
            if (m == class_type || (!(m->flags & TYPE_FLAG_USER_CLASS) && obj_is_subclass_fast(m, class_type))) {
                return true;
            }
        }
        return false;
    }
    for (;;) {
        if (object_type_ == class_type || class_type == &object_type) {
            return true;
        }
        const void *parent = object_type_->parent;
        if (parent == NULL) {
            return false;
        }
        if (type_is_tuple(parent)) {
            const tuple_obj_t *bases = parent;
            for (size_t i = 0; i + 1 < bases->len; i++) {
                if (obj_is_subclass_fast(OBJ_TO_PTR(bases->items[i]), class_type)) {
                    return true;
                }
            }
            if (bases->len == 0) {
                return false;
            }
            object_type_ = OBJ_TO_PTR(bases->items[bases->len - 1]);
        } else {
            object_type_ = parent;
        }
    }
}

static inline obj_t type_dict_get(const type_t *t, qstr attr) {
    if (t->locals_dict == NULL) {
        return OBJ_NULL;
    }
    return map_get_qstr(&t->locals_dict->map, attr);
}

/* Parent-chain walk for built-in types (depth-first for tuple parents), object excluded (the
 * callers search it last). When user_only, built-in types' dicts are skipped. */
static obj_t type_lookup_rec(const type_t *t, qstr attr, const type_t **where, bool user_only) {
    for (;;) {
        if (t == &object_type) {
            return OBJ_NULL;
        }
        if (!user_only || type_is_user(t)) {
            obj_t v = type_dict_get(t, attr);
            if (v != OBJ_NULL) {
                if (where != NULL) {
                    *where = t;
                }
                return v;
            }
        }
        const void *parent = t->parent;
        if (parent == NULL) {
            return OBJ_NULL;
        }
        if (type_is_tuple(parent)) {
            const tuple_obj_t *bases = parent;
            for (size_t i = 0; i + 1 < bases->len; i++) {
                obj_t v = type_lookup_rec(OBJ_TO_PTR(bases->items[i]), attr, where, user_only);
                if (v != OBJ_NULL) {
                    return v;
                }
            }
            if (bases->len == 0) {
                return OBJ_NULL;
            }
            t = OBJ_TO_PTR(bases->items[bases->len - 1]);
        } else {
            t = parent;
        }
    }
}

static inline const tuple_obj_t *type_mro(const type_t *t) {
    return (const tuple_obj_t *)OBJ_TO_PTR(user_type(t)->mro);
}

/* Searches the MRO entries [from, len) of a user class. */
static obj_t type_lookup_mro(const tuple_obj_t *mro, size_t from, qstr attr, const type_t **where,
    bool user_only) {
    for (size_t i = from; i < mro->len; i++) {
        const type_t *m = OBJ_TO_PTR(mro->items[i]);
        if (user_only && !type_is_user(m)) {
            continue;
        }
        obj_t v = type_dict_get(m, attr);
        if (v != OBJ_NULL) {
            if (where != NULL) {
                *where = m;
            }
            return v;
        }
    }
    return OBJ_NULL;
}

obj_t type_lookup(const type_t *type, qstr attr, const type_t **where) {
    obj_t v = type_is_user(type) ? type_lookup_mro(type_mro(type), 0, attr, where, false)
                                 : type_lookup_rec(type, attr, where, false);
    if (v == OBJ_NULL) {
        v = type_dict_get(&object_type, attr);
        if (v != OBJ_NULL && where != NULL) {
            *where = &object_type;
        }
    }
    return v;
}

/* Special methods: user classes only. */
static inline obj_t user_lookup(const type_t *type, qstr attr) {
    return type_is_user(type) ? type_lookup_mro(type_mro(type), 0, attr, NULL, true) : OBJ_NULL;
}

/* super(type, obj): the MRO of obj's class after `type`. */
static obj_t type_lookup_super(const type_t *type, obj_t obj, qstr attr, const type_t **where) {
    const type_t *ot = obj_is_type(obj, &type_type) ? OBJ_TO_PTR(obj) : obj_type(obj);
    obj_t v = OBJ_NULL;
    bool done = false;
    if (type_is_user(ot)) {
        const tuple_obj_t *mro = type_mro(ot);
        for (size_t i = 0; i < mro->len; i++) {
            if (mro->items[i] == OBJ_FROM_PTR(type)) {
                v = type_lookup_mro(mro, i + 1, attr, where, false);
                done = true;
                break;
            }
        }
    }
    if (!done && type != &object_type) {
        /* type isn't in the MRO (or obj is built-in): search type's own bases */
        const void *parent = type->parent;
        if (type_is_tuple(parent)) {
            const tuple_obj_t *bases = parent;
            for (size_t i = 0; i < bases->len && v == OBJ_NULL; i++) {
                v = type_lookup_rec(OBJ_TO_PTR(bases->items[i]), attr, where, false);
            }
        } else if (parent != NULL) {
            v = type_lookup_rec(parent, attr, where, false);
        }
    }
    if (v == OBJ_NULL && type != &object_type) {
        v = type_dict_get(&object_type, attr);
        if (v != OBJ_NULL && where != NULL) {
            *where = &object_type;
        }
    }
    return v;
}

/* ---- C3 linearisation ---- */
#define MRO_MAX 64
typedef struct {
    const type_t *items[MRO_MAX];
    size_t len;
} mro_seq_t;

/* The MRO of any type as a sequence (object left out). */
static void mro_of(const type_t *t, mro_seq_t *out) {
    out->len = 0;
    if (type_is_user(t)) {
        const tuple_obj_t *m = type_mro(t);
        for (size_t i = 0; i < m->len && out->len < MRO_MAX; i++) {
            out->items[out->len++] = OBJ_TO_PTR(m->items[i]);
        }
        return;
    }
    while (t != NULL && t != &object_type && out->len < MRO_MAX) {
        out->items[out->len++] = t;
        const void *p = t->parent;
        if (type_is_tuple(p)) {
            const tuple_obj_t *b = p;
            p = b->len > 0 ? OBJ_TO_PTR(b->items[0]) : NULL;
        }
        t = p;
    }
}

static bool mro_in_tail(const mro_seq_t *s, size_t pos, const type_t *t) {
    for (size_t i = pos + 1; i < s->len; i++) {
        if (s->items[i] == t) {
            return true;
        }
    }
    return false;
}

static obj_t mro_compute(const type_t *cls, size_t n_bases, obj_t *bases) {
    size_t n_seq = n_bases + 1;
    mro_seq_t *seqs = NEW_ARRAY(mro_seq_t, n_seq);
    size_t *pos = NEW_ARRAY(size_t, n_seq);
    for (size_t i = 0; i < n_bases; i++) {
        mro_of(OBJ_TO_PTR(bases[i]), &seqs[i]);
    }
    seqs[n_bases].len = 0;
    for (size_t i = 0; i < n_bases && i < MRO_MAX; i++) {
        if (bases[i] != OBJ_FROM_PTR(&object_type)) {
            seqs[n_bases].items[seqs[n_bases].len++] = OBJ_TO_PTR(bases[i]);
        }
    }
    obj_t out[MRO_MAX];
    size_t n_out = 0;
    out[n_out++] = OBJ_FROM_PTR(cls);
    for (;;) {
        const type_t *cand = NULL;
        bool any = false;
        for (size_t i = 0; i < n_seq && cand == NULL; i++) {
            if (pos[i] >= seqs[i].len) {
                continue;
            }
            any = true;
            const type_t *c = seqs[i].items[pos[i]];
            bool ok = true;
            for (size_t j = 0; j < n_seq && ok; j++) {
                if (pos[j] < seqs[j].len && mro_in_tail(&seqs[j], pos[j], c)) {
                    ok = false;
                }
            }
            if (ok) {
                cand = c;
            }
        }
        if (!any) {
            break;
        }
        if (cand == NULL) {
            raise_msg(&type_TypeError, "Cannot create a consistent method resolution order (MRO)");
        }
        if (n_out >= MRO_MAX) {
            raise_msg(&type_TypeError, "class hierarchy too deep");
        }
        out[n_out++] = OBJ_FROM_PTR(cand);
        for (size_t i = 0; i < n_seq; i++) {
            if (pos[i] < seqs[i].len && seqs[i].items[pos[i]] == cand) {
                pos[i]++;
            }
        }
    }
    gc_free(pos);
    gc_free(seqs);
    return tuple_new(n_out, out);
}

static obj_t inst_call(obj_t meth, obj_t self, size_t n, obj_t a, obj_t b);

void type_bind_attr(obj_t value, obj_t self, const type_t *type, obj_t *dest) {
    if (obj_is_ptr(value)) {
        const type_t *vt = obj_type(value);
        if (vt->flags & TYPE_FLAG_BINDS_SELF) {
            dest[0] = value;
            dest[1] = self;
            return;
        }
        if (vt == &staticmethod_type) {
            dest[0] = ((const classmethod_obj_t *)OBJ_TO_PTR(value))->fun;
            return;
        }
        if (vt == &classmethod_type) {
            dest[0] = ((const classmethod_obj_t *)OBJ_TO_PTR(value))->fun;
            dest[1] = OBJ_FROM_PTR(type);
            return;
        }
        if (vt == &property_type) {
            const property_obj_t *p = OBJ_TO_PTR(value);
            if (p->fget == OBJ_NONE) {
                raise_msg(&type_AttributeError, "unreadable attribute");
            }
            dest[0] = rt_call1(p->fget, self);
            return;
        }
        if (vt->flags & TYPE_FLAG_USER_CLASS) {
            /* descriptor protocol: a class attribute whose class defines __get__ */
            obj_t get = user_lookup(vt, QSTR___get__);
            if (get != OBJ_NULL) {
                dest[0] = inst_call(get, value, 2, self, OBJ_FROM_PTR(type));
                return;
            }
        }
    }
    dest[0] = value;
}

/* Both instance layouts end with the same (subobj, dict, members) tail. */
static inline instance_obj_t *instance_tail(obj_t o) {
    if (obj_type(o)->flags & TYPE_FLAG_EXCEPTION) {
        return (instance_obj_t *)((char *)OBJ_TO_PTR(o) + offsetof(exc_instance_obj_t, subobj) -
                                  offsetof(instance_obj_t, subobj));
    }
    return (instance_obj_t *)OBJ_TO_PTR(o);
}

static inline map_t *instance_map(obj_t o) {
    instance_obj_t *in = instance_tail(o);
    return in->dict != NULL ? &in->dict->map : &in->members;
}

map_t *instance_get_map(obj_t o) {
    if (!obj_is_ptr(o) || !type_is_user(obj_type(o))) {
        return NULL;
    }
    return instance_map(o);
}

dict_obj_t *instance_get_dict(obj_t o) {
    if (!obj_is_ptr(o) || !type_is_user(obj_type(o))) {
        return NULL;
    }
    instance_obj_t *in = instance_tail(o);
    if (in->dict == NULL) {
        dict_obj_t *d = NEW_OBJ(dict_obj_t);
        d->base.type = &dict_type;
        d->map = in->members; /* the dict takes over the table */
        in->dict = d;
        memset(&in->members, 0, sizeof(in->members));
    }
    return in->dict;
}

obj_t instance_get_subobj(obj_t o) {
    if (!obj_is_ptr(o)) {
        return OBJ_NULL;
    }
    const type_t *t = obj_type(o);
    if (!type_is_user(t) || (t->flags & TYPE_FLAG_EXCEPTION)) {
        return OBJ_NULL;
    }
    return ((instance_obj_t *)OBJ_TO_PTR(o))->subobj;
}

bool exc_instance_is_incomplete(obj_t o) {
    return obj_is_ptr(o) && type_is_user(obj_type(o)) && (obj_type(o)->flags & TYPE_FLAG_EXCEPTION) &&
           instance_tail(o)->subobj == OBJ_NONE;
}

void exc_instance_set_incomplete(obj_t o, bool incomplete) {
    if (obj_is_ptr(o) && type_is_user(obj_type(o)) && (obj_type(o)->flags & TYPE_FLAG_EXCEPTION)) {
        instance_tail(o)->subobj = incomplete ? OBJ_NONE : OBJ_NULL;
    }
}

/* Calls a special method found on self's class with self and up to 2 more arguments. */
static obj_t inst_call(obj_t meth, obj_t self, size_t n, obj_t a, obj_t b) {
    obj_t args[3] = {self, a, b};
    if (obj_is_ptr(meth) && (obj_type(meth)->flags & TYPE_FLAG_BINDS_SELF)) {
        return rt_call(meth, n + 1, 0, args);
    }
    obj_t dest[2] = {OBJ_NULL, OBJ_NULL};
    type_bind_attr(meth, self, obj_type(self), dest);
    if (dest[1] != OBJ_NULL) {
        args[0] = dest[1];
        return rt_call(dest[0], n + 1, 0, args);
    }
    return rt_call(dest[0], n, 0, args + 1);
}

/* ---- slot wrappers: __getitem__ & co. of built-in types as callable methods ----
 * Built-in types implement these as slots, not dict entries; list.__len__(x), super().__setitem__
 * in a dict subclass and [].__len__() reach them through these wrappers. self is unwrapped to the
 * native sub-object first, so a subclass override is never re-entered. */
static inline obj_t slot_self(obj_t self) {
    obj_t sub = instance_get_subobj(self);
    return sub != OBJ_NULL ? sub : self;
}
static obj_t slot_getitem(size_t n_args, size_t n_kw, const obj_t *args) {
    return rt_subscr_load(slot_self(args[0]), args[1]);
}
static obj_t slot_setitem(size_t n_args, size_t n_kw, const obj_t *args) {
    rt_subscr_store(slot_self(args[0]), args[1], args[2]);
    return OBJ_NONE;
}
static obj_t slot_delitem(size_t n_args, size_t n_kw, const obj_t *args) {
    rt_subscr_delete(slot_self(args[0]), args[1]);
    return OBJ_NONE;
}
static obj_t slot_len(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new((int_t)rt_len(slot_self(args[0])));
}
static obj_t slot_contains(size_t n_args, size_t n_kw, const obj_t *args) {
    return rt_binary_op(BINARY_OP_CONTAINS, slot_self(args[0]), args[1]);
}
static obj_t slot_iter(size_t n_args, size_t n_kw, const obj_t *args) {
    return rt_getiter(slot_self(args[0]));
}
static obj_t slot_next(size_t n_args, size_t n_kw, const obj_t *args) {
    return rt_iternext_or_raise(slot_self(args[0]));
}
static obj_t slot_repr(size_t n_args, size_t n_kw, const obj_t *args) {
    return obj_repr(slot_self(args[0]));
}
static obj_t slot_str(size_t n_args, size_t n_kw, const obj_t *args) {
    return obj_str(slot_self(args[0]));
}
static obj_t slot_hash(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new((int_t)(rt_hash(slot_self(args[0])) & (size_t)SMALL_INT_MAX));
}
static obj_t slot_eq(size_t n_args, size_t n_kw, const obj_t *args) {
    return obj_bool(rt_equal(slot_self(args[0]), slot_self(args[1])));
}
static obj_t slot_ne(size_t n_args, size_t n_kw, const obj_t *args) {
    return obj_bool(!rt_equal(slot_self(args[0]), slot_self(args[1])));
}
static DEFINE_FUN(slot_getitem_obj, __getitem__, 2, 2, slot_getitem);
static DEFINE_FUN(slot_setitem_obj, __setitem__, 3, 3, slot_setitem);
static DEFINE_FUN(slot_delitem_obj, __delitem__, 2, 2, slot_delitem);
static DEFINE_FUN(slot_len_obj, __len__, 1, 1, slot_len);
static DEFINE_FUN(slot_contains_obj, __contains__, 2, 2, slot_contains);
static DEFINE_FUN(slot_iter_obj, __iter__, 1, 1, slot_iter);
static DEFINE_FUN(slot_next_obj, __next__, 1, 1, slot_next);
static DEFINE_FUN(slot_repr_obj, __repr__, 1, 1, slot_repr);
static DEFINE_FUN(slot_str_obj, __str__, 1, 1, slot_str);
static DEFINE_FUN(slot_hash_obj, __hash__, 1, 1, slot_hash);
static DEFINE_FUN(slot_eq_obj, __eq__, 2, 2, slot_eq);
static DEFINE_FUN(slot_ne_obj, __ne__, 2, 2, slot_ne);

obj_t type_slot_wrapper(const type_t *t, qstr attr) {
    if (type_is_user(t)) {
        t = user_type(t)->native_base;
        if (t == NULL) {
            return OBJ_NULL;
        }
    }
    switch (attr) {
        case QSTR___getitem__: return t->subscr ? ROM_PTR(&slot_getitem_obj) : OBJ_NULL;
        case QSTR___setitem__: return t->subscr ? ROM_PTR(&slot_setitem_obj) : OBJ_NULL;
        case QSTR___delitem__: return t->subscr ? ROM_PTR(&slot_delitem_obj) : OBJ_NULL;
        case QSTR___len__: return t->unary_op ? ROM_PTR(&slot_len_obj) : OBJ_NULL;
        case QSTR___contains__: return t->binary_op ? ROM_PTR(&slot_contains_obj) : OBJ_NULL;
        case QSTR___iter__: return t->getiter || (t->flags & TYPE_FLAG_ITER_IS_SELF) ? ROM_PTR(&slot_iter_obj) : OBJ_NULL;
        case QSTR___next__: return t->iternext ? ROM_PTR(&slot_next_obj) : OBJ_NULL;
        case QSTR___repr__: return ROM_PTR(&slot_repr_obj);
        case QSTR___str__: return ROM_PTR(&slot_str_obj);
        case QSTR___hash__: return ROM_PTR(&slot_hash_obj);
        case QSTR___eq__: return ROM_PTR(&slot_eq_obj);
        case QSTR___ne__: return ROM_PTR(&slot_ne_obj);
        default: return OBJ_NULL;
    }
}

/* ---- bound methods ---- */
obj_t bound_meth_new(obj_t meth, obj_t self) {
    bound_meth_obj_t *b = NEW_OBJ(bound_meth_obj_t);
    b->base.type = &bound_meth_type;
    b->meth = meth;
    b->self = self;
    return OBJ_FROM_PTR(b);
}

static obj_t bound_meth_call(obj_t self_in, size_t n_args, size_t n_kw, const obj_t *args) {
    const bound_meth_obj_t *b = OBJ_TO_PTR(self_in);
    size_t n = 1 + n_args + 2 * n_kw;
    obj_t local[8];
    obj_t *a = n <= 8 ? local : NEW_ARRAY(obj_t, n);
    a[0] = b->self;
    if (n > 1) {
        memcpy(a + 1, args, (n - 1) * sizeof(obj_t));
    }
    obj_t r = rt_call(b->meth, n_args + 1, n_kw, a);
    if (a != local) {
        gc_free(a);
    }
    return r;
}

static void bound_meth_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)o;
    (void)kind;
    print_str(p, "<bound_method>");
}

static void bound_meth_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    const bound_meth_obj_t *b = OBJ_TO_PTR(self);
    if (attr == QSTR___self__) {
        dest[0] = b->self;
    } else if (attr == QSTR___func__) {
        dest[0] = b->meth;
    } else {
        /* __name__ and friends come from the function */
        dest[0] = rt_load_attr_maybe(b->meth, attr);
    }
}

static obj_t bound_meth_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (op != BINARY_OP_EQUAL && op != BINARY_OP_NOT_EQUAL) {
        return OBJ_NULL;
    }
    bool eq = false;
    if (obj_is_type(rhs, &bound_meth_type)) {
        const bound_meth_obj_t *a = OBJ_TO_PTR(lhs), *b = OBJ_TO_PTR(rhs);
        eq = a->self == b->self && rt_equal(a->meth, b->meth);
    }
    return obj_bool(op == BINARY_OP_EQUAL ? eq : !eq);
}

static obj_t bound_meth_unary_op(unary_op_t op, obj_t o) {
    if (op == UNARY_OP_HASH) {
        const bound_meth_obj_t *b = OBJ_TO_PTR(o);
        return small_int_new((int_t)(((size_t)b->self >> 3) ^ ((size_t)b->meth >> 3)) & SMALL_INT_MAX);
    }
    return OBJ_NULL;
}

const type_t bound_meth_type = {
    .base = {&type_type},
    .name = QSTR_bound_method,
    .print = bound_meth_print,
    .call = bound_meth_call,
    .unary_op = bound_meth_unary_op,
    .binary_op = bound_meth_binary_op,
    .attr = bound_meth_attr,
};

/* ---- staticmethod / classmethod ---- */
static obj_t static_class_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 1, false);
    classmethod_obj_t *o = NEW_OBJ(classmethod_obj_t);
    o->base.type = type;
    o->fun = args[0];
    return OBJ_FROM_PTR(o);
}

static void static_class_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] == OBJ_NULL && attr == QSTR___func__) {
        dest[0] = ((const classmethod_obj_t *)OBJ_TO_PTR(self))->fun;
    }
}

/* as MicroPython prints them: the type's name alone (help(int) shows `from_bytes -- <classmethod>`) */
static void static_class_print(const print_t *p, obj_t o, print_kind_t kind) {
    print_fmt(p, "<%q>", (unsigned)((const obj_base_t *)OBJ_TO_PTR(o))->type->name);
}

static obj_t staticmethod_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    return rt_call(((const classmethod_obj_t *)OBJ_TO_PTR(self))->fun, n_args, n_kw, args);
}

const type_t staticmethod_type = {
    .base = {&type_type},
    .name = QSTR_staticmethod,
    .print = static_class_print,
    .make_new = static_class_make_new,
    .call = staticmethod_call,
    .attr = static_class_attr,
};
const type_t classmethod_type = {
    .base = {&type_type},
    .name = QSTR_classmethod,
    .print = static_class_print,
    .make_new = static_class_make_new,
    .attr = static_class_attr,
};

/* ---- property ---- */
static property_obj_t *property_alloc(void) {
    property_obj_t *p = NEW_OBJ(property_obj_t);
    p->base.type = &property_type;
    p->fget = p->fset = p->fdel = OBJ_NONE;
    return p;
}

static obj_t property_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_fget, ARG_KIND_OBJ, ROM_PTR(&none_obj)},
        {QSTR_fset, ARG_KIND_OBJ, ROM_PTR(&none_obj)},
        {QSTR_fdel, ARG_KIND_OBJ, ROM_PTR(&none_obj)},
        {QSTR_doc, ARG_KIND_OBJ, ROM_PTR(&none_obj)},
    };
    arg_val_t v[4];
    arg_parse_all(n_args, args, n_kw, args + n_args, 4, specs, v);
    property_obj_t *p = property_alloc();
    p->fget = v[0].o;
    p->fset = v[1].o;
    p->fdel = v[2].o;
    return OBJ_FROM_PTR(p);
}

static obj_t property_copy_with(obj_t self, int which, obj_t f) {
    const property_obj_t *src = OBJ_TO_PTR(self);
    property_obj_t *p = property_alloc();
    *p = *src;
    if (which == 0) {
        p->fget = f;
    } else if (which == 1) {
        p->fset = f;
    } else {
        p->fdel = f;
    }
    return OBJ_FROM_PTR(p);
}
static obj_t property_getter(size_t n_args, size_t n_kw, const obj_t *args) {
    return property_copy_with(args[0], 0, args[1]);
}
static obj_t property_setter(size_t n_args, size_t n_kw, const obj_t *args) {
    return property_copy_with(args[0], 1, args[1]);
}
static obj_t property_deleter(size_t n_args, size_t n_kw, const obj_t *args) {
    return property_copy_with(args[0], 2, args[1]);
}
static DEFINE_FUN(property_getter_obj, getter, 2, 2, property_getter);
static DEFINE_FUN(property_setter_obj, setter, 2, 2, property_setter);
static DEFINE_FUN(property_deleter_obj, deleter, 2, 2, property_deleter);
static const map_elem_t property_locals_table[] = {
    {ROM_QSTR(QSTR_getter), ROM_PTR(&property_getter_obj)},
    {ROM_QSTR(QSTR_setter), ROM_PTR(&property_setter_obj)},
    {ROM_QSTR(QSTR_deleter), ROM_PTR(&property_deleter_obj)},
};
static DEFINE_CONST_DICT(property_locals_dict, property_locals_table);

static void property_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    const property_obj_t *p = OBJ_TO_PTR(self);
    if (attr == QSTR_fget) {
        dest[0] = p->fget;
    } else if (attr == QSTR_fset) {
        dest[0] = p->fset;
    } else if (attr == QSTR_fdel) {
        dest[0] = p->fdel;
    }
}

const type_t property_type = {
    .base = {&type_type},
    .name = QSTR_property,
    .make_new = property_make_new,
    .attr = property_attr,
    .locals_dict = &property_locals_dict,
};

/* ---- instances of user classes ---- */
static bool native_takes_init_args(const type_t *native) {
    /* mutable containers: CPython's __new__ ignores the arguments, __init__ takes them */
    return native == &list_type || native == &dict_type || native == &set_type ||
           native == &bytearray_type;
}

static obj_t instance_alloc(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args,
    bool has_init) {
    if (type->flags & TYPE_FLAG_EXCEPTION) {
        return exc_new(type, n_args, args);
    }
    instance_obj_t *o = NEW_OBJ(instance_obj_t); /* zeroed: no dict, empty members */
    o->base.type = type;
    const type_t *native = type_is_user(type) ? user_type(type)->native_base : NULL;
    if (native != NULL && native->make_new != NULL) {
        if (has_init && native_takes_init_args(native)) {
            o->subobj = native->make_new(native, 0, 0, NULL);
        } else {
            o->subobj = native->make_new(native, n_args, n_kw, args);
        }
    }
    return OBJ_FROM_PTR(o);
}

static obj_t instance_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t init = user_lookup(type, QSTR___init__);
    obj_t newf = user_lookup(type, QSTR___new__);
    obj_t self;
    if (newf != OBJ_NULL) {
        if (obj_is_type(newf, &staticmethod_type)) {
            newf = ((const classmethod_obj_t *)OBJ_TO_PTR(newf))->fun;
        }
        size_t n = 1 + n_args + 2 * n_kw;
        obj_t local[8];
        obj_t *a = n <= 8 ? local : NEW_ARRAY(obj_t, n);
        a[0] = OBJ_FROM_PTR(type);
        if (n > 1) {
            memcpy(a + 1, args, (n - 1) * sizeof(obj_t));
        }
        self = rt_call(newf, n_args + 1, n_kw, a);
        if (!obj_is_ptr(self) || !obj_is_subclass_fast(obj_type(self), type)) {
            return self;
        }
    } else {
        if (init == OBJ_NULL && (n_args != 0 || n_kw != 0) && user_type(type)->native_base == NULL &&
            !(type->flags & TYPE_FLAG_EXCEPTION)) {
            raise_fmt(&type_TypeError, "%q() takes no arguments", (unsigned)type->name);
        }
        self = instance_alloc(type, n_args, n_kw, args, init != OBJ_NULL);
    }
    if (init != OBJ_NULL) {
        size_t n = 1 + n_args + 2 * n_kw;
        obj_t local[8];
        obj_t *a = n <= 8 ? local : NEW_ARRAY(obj_t, n);
        a[0] = self;
        if (n > 1) {
            memcpy(a + 1, args, (n - 1) * sizeof(obj_t));
        }
        obj_t dest[2] = {OBJ_NULL, OBJ_NULL};
        type_bind_attr(init, self, type, dest);
        exc_instance_set_incomplete(self, true); /* until BaseException.__init__ or the end */
        obj_t r = dest[1] != OBJ_NULL ? rt_call(dest[0], n_args + 1, n_kw, a)
                                      : rt_call(dest[0], n_args, n_kw, a + 1);
        exc_instance_set_incomplete(self, false);
        if (r != OBJ_NONE) {
            raise_fmt(&type_TypeError, "__init__() should return None, not '%s'", rt_type_name(r));
        }
    }
    return self;
}

static void instance_print(const print_t *p, obj_t o, print_kind_t kind) {
    const type_t *t = obj_type(o);
    obj_t m = OBJ_NULL;
    if (kind == PRINT_STR) {
        m = user_lookup(t, QSTR___str__);
    }
    if (m == OBJ_NULL) {
        m = user_lookup(t, QSTR___repr__);
    }
    if (m != OBJ_NULL) {
        obj_t r = inst_call(m, o, 0, OBJ_NULL, OBJ_NULL);
        if (!obj_is_str(r)) {
            raise_fmt(&type_TypeError, "__%s__ returned non-string (type %s)",
                kind == PRINT_STR ? "str" : "repr", rt_type_name(r));
        }
        size_t len;
        const char *s = str_get_data(r, &len);
        print_strn(p, s, len);
        return;
    }
    const type_t *native = user_type(t)->native_base;
    if (t->flags & TYPE_FLAG_EXCEPTION) {
        native->print(p, o, kind);
        return;
    }
    obj_t sub = ((instance_obj_t *)OBJ_TO_PTR(o))->subobj;
    if (sub != OBJ_NULL) {
        obj_print(p, sub, kind);
        return;
    }
    print_fmt(p, "<%q object at %p>", (unsigned)t->name, (void *)o);
}

static obj_t instance_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t m = user_lookup(obj_type(self), QSTR___call__);
    if (m == OBJ_NULL) {
        obj_t sub = instance_get_subobj(self);
        if (sub != OBJ_NULL && obj_type(sub)->call != NULL) {
            return rt_call(sub, n_args, n_kw, args);
        }
        raise_fmt(&type_TypeError, "'%s' object isn't callable", rt_type_name(self));
    }
    obj_t dest[2] = {OBJ_NULL, OBJ_NULL};
    type_bind_attr(m, self, obj_type(self), dest);
    if (dest[1] == OBJ_NULL) {
        return rt_call(dest[0], n_args, n_kw, args);
    }
    size_t n = 1 + n_args + 2 * n_kw;
    obj_t local[8];
    obj_t *a = n <= 8 ? local : NEW_ARRAY(obj_t, n);
    a[0] = dest[1];
    if (n > 1) {
        memcpy(a + 1, args, (n - 1) * sizeof(obj_t));
    }
    return rt_call(dest[0], n_args + 1, n_kw, a);
}

static obj_t instance_unary_op(unary_op_t op, obj_t o) {
    const type_t *t = obj_type(o);
    qstr name = unary_op_qstr[op];
    obj_t m = user_lookup(t, name);
    if (m == OBJ_NULL && op == UNARY_OP_INT) {
        m = user_lookup(t, QSTR___index__);
    }
    if (m != OBJ_NULL) {
        if (op == UNARY_OP_HASH && m == OBJ_NONE) {
            raise_fmt(&type_TypeError, "unhashable type: '%s'", rt_type_name(o));
        }
        obj_t r = inst_call(m, o, 0, OBJ_NULL, OBJ_NULL);
        switch (op) {
            case UNARY_OP_BOOL:
                if (r != OBJ_TRUE && r != OBJ_FALSE) {
                    raise_fmt(&type_TypeError, "__bool__ should return bool, returned %s", rt_type_name(r));
                }
                return r;
            case UNARY_OP_LEN: {
                int_t n;
                if (!obj_get_int_maybe(r, &n)) {
                    raise_fmt(&type_TypeError, "'%s' object cannot be interpreted as an integer",
                        rt_type_name(r));
                }
                if (n < 0) {
                    raise_msg(&type_ValueError, "__len__() should return >= 0");
                }
                return small_int_new(n);
            }
            case UNARY_OP_HASH:
                if (obj_is_small_int(r)) {
                    return r;
                }
                if (obj_is_type(r, &bool_type)) {
                    return small_int_new(r == OBJ_TRUE);
                }
                if (!obj_is_int(r)) {
                    raise_msg(&type_TypeError, "__hash__ method should return an integer");
                }
                return small_int_new((int_t)(rt_hash(r) & (size_t)SMALL_INT_MAX));
            default:
                return r;
        }
    }
    obj_t sub = instance_get_subobj(o);
    switch (op) {
        case UNARY_OP_BOOL: {
            obj_t lm = user_lookup(t, QSTR___len__);
            if (lm != OBJ_NULL) {
                obj_t r = instance_unary_op(UNARY_OP_LEN, o);
                return obj_bool(r != small_int_new(0));
            }
            if (sub != OBJ_NULL) {
                return obj_bool(rt_is_true(sub));
            }
            return OBJ_NULL;
        }
        case UNARY_OP_HASH:
            if (sub != OBJ_NULL) {
                return small_int_new((int_t)(rt_hash(sub) & (size_t)SMALL_INT_MAX));
            }
            if (user_lookup(t, QSTR___eq__) != OBJ_NULL) {
                raise_fmt(&type_TypeError, "unhashable type: '%s'", rt_type_name(o));
            }
            return obj_identity_hash(o);
        default:
            if (sub != OBJ_NULL) {
                const type_t *st = obj_type(sub);
                if (op == UNARY_OP_LEN) {
                    return rt_len_maybe(sub);
                }
                return st->unary_op != NULL ? st->unary_op(op, sub) : OBJ_NULL;
            }
            return OBJ_NULL;
    }
}

static obj_t instance_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    const type_t *t = obj_type(lhs);
    obj_t m = user_lookup(t, binary_op_qstr[op]);
    if (m != OBJ_NULL) {
        obj_t r = inst_call(m, lhs, 1, rhs, OBJ_NULL);
        if (r == OBJ_NOTIMPLEMENTED) {
            return OBJ_NULL;
        }
        if (op == BINARY_OP_CONTAINS) {
            return obj_bool(rt_is_true(r));
        }
        return r;
    }
    if (op == BINARY_OP_NOT_EQUAL) {
        obj_t eq = user_lookup(t, QSTR___eq__);
        if (eq != OBJ_NULL) {
            obj_t r = inst_call(eq, lhs, 1, rhs, OBJ_NULL);
            if (r == OBJ_NOTIMPLEMENTED) {
                return OBJ_NULL;
            }
            return obj_bool(!rt_is_true(r));
        }
    }
    obj_t sub = instance_get_subobj(lhs);
    if (sub != OBJ_NULL) {
        const type_t *st = obj_type(sub);
        if (st->binary_op == NULL) {
            return OBJ_NULL;
        }
        obj_t rsub = instance_get_subobj(rhs);
        if (rsub != OBJ_NULL) {
            rhs = rsub;
        }
        obj_t r = st->binary_op(op, sub, rhs);
        if (r == sub && op >= BINARY_OP_INPLACE_OR && op <= BINARY_OP_INPLACE_POWER) {
            return lhs; /* an in-place op on the native part keeps the instance */
        }
        return r;
    }
    return OBJ_NULL;
}

/* The attribute protocol of instances: load, store and delete. */
static void instance_attr(obj_t self, qstr attr, obj_t *dest) {
    const type_t *t = obj_type(self);
    const user_type_t *ut = user_type(t);
    map_t *members = instance_map(self);
    if (dest[0] == OBJ_NULL) {
        obj_t v = map_get_qstr(members, attr);
        if (v != OBJ_NULL) {
            dest[0] = v;
            return;
        }
        const type_t *where = NULL;
        v = type_lookup(t, attr, &where);
        if (v != OBJ_NULL && where == &object_type && ut->native_base != NULL &&
            !(t->flags & TYPE_FLAG_EXCEPTION)) {
            obj_t w = type_slot_wrapper(t, attr);
            if (w != OBJ_NULL) {
                dest[0] = w;
                dest[1] = self;
                return;
            }
        }
        if (v != OBJ_NULL) {
            obj_t sub = (t->flags & TYPE_FLAG_EXCEPTION) ? OBJ_NULL : ((instance_obj_t *)OBJ_TO_PTR(self))->subobj;
            if (sub != OBJ_NULL && !type_is_user(where) && where != &object_type) {
                type_bind_attr(v, sub, where, dest);
            } else if (type_is_user(where) && (obj_is_type(v, &native_fun_type) || attr == QSTR___new__)) {
                /* a built-in function stored on a class is a plain value (abs); __new__ is static */
                dest[0] = v;
            } else {
                type_bind_attr(v, self, t, dest);
            }
            return;
        }
        if (attr == QSTR___class__) {
            dest[0] = OBJ_FROM_PTR(t);
            return;
        }
        if (attr == QSTR___dict__) {
            dest[0] = OBJ_FROM_PTR(instance_get_dict(self));
            return;
        }
        const type_t *native = ut->native_base;
        if (native != NULL && native->attr != NULL) {
            obj_t target = (t->flags & TYPE_FLAG_EXCEPTION) ? self : ((instance_obj_t *)OBJ_TO_PTR(self))->subobj;
            if (target != OBJ_NULL) {
                native->attr(target, attr, dest);
                if (dest[0] != OBJ_NULL) {
                    return;
                }
            }
        }
        if (attr != QSTR___getattr__) {
            obj_t ga = user_lookup(t, QSTR___getattr__);
            if (ga != OBJ_NULL) {
                /* whatever __getattr__ raises propagates, an AttributeError with its own message
                 * too (getattr() and hasattr() catch it for their defaults) */
                dest[0] = inst_call(ga, self, 1, ROM_QSTR(attr), OBJ_NULL);
            }
        }
        return;
    }
    /* store (dest[1] != NULL) or delete */
    obj_t value = dest[1];
    if (ut->setattr_hooks) {
        obj_t v = type_lookup(t, attr, NULL);
        if (v != OBJ_NULL && obj_is_type(v, &property_type)) {
            const property_obj_t *p = OBJ_TO_PTR(v);
            obj_t f = value == OBJ_NULL ? p->fdel : p->fset;
            if (f == OBJ_NONE) {
                raise_msg(&type_AttributeError, value == OBJ_NULL ? "can't delete attribute" : "can't set attribute");
            }
            if (value == OBJ_NULL) {
                rt_call1(f, self);
            } else {
                rt_call2(f, self, value);
            }
            dest[0] = OBJ_NULL;
            return;
        }
        if (v != OBJ_NULL && obj_is_ptr(v) && type_is_user(obj_type(v))) {
            obj_t set = user_lookup(obj_type(v), value == OBJ_NULL ? QSTR___delete__ : QSTR___set__);
            if (set != OBJ_NULL) {
                inst_call(set, v, value == OBJ_NULL ? 1 : 2, self, value);
                dest[0] = OBJ_NULL;
                return;
            }
        }
        obj_t hook = user_lookup(t, value == OBJ_NULL ? QSTR___delattr__ : QSTR___setattr__);
        if (hook != OBJ_NULL) {
            inst_call(hook, self, value == OBJ_NULL ? 1 : 2, ROM_QSTR(attr), value);
            dest[0] = OBJ_NULL;
            return;
        }
    }
    members = instance_map(self); /* a hook above may have taken __dict__ */
    if (value == OBJ_NULL) {
        if (map_lookup(members, ROM_QSTR(attr), MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
            raise_fmt(&type_AttributeError, "'%s' object has no attribute '%q'", rt_type_name(self),
                (unsigned)attr);
        }
    } else {
        map_lookup(members, ROM_QSTR(attr), MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    }
    dest[0] = OBJ_NULL;
}

static obj_t instance_subscr(obj_t self, obj_t index, obj_t value) {
    const type_t *t = obj_type(self);
    if (value == OBJ_SENTINEL) {
        obj_t m = user_lookup(t, QSTR___getitem__);
        if (m != OBJ_NULL) {
            return inst_call(m, self, 1, index, OBJ_NULL);
        }
    } else if (value == OBJ_NULL) {
        obj_t m = user_lookup(t, QSTR___delitem__);
        if (m != OBJ_NULL) {
            inst_call(m, self, 1, index, OBJ_NULL);
            return OBJ_NONE;
        }
    } else {
        obj_t m = user_lookup(t, QSTR___setitem__);
        if (m != OBJ_NULL) {
            inst_call(m, self, 2, index, value);
            return OBJ_NONE;
        }
    }
    obj_t sub = instance_get_subobj(self);
    if (sub != OBJ_NULL && obj_type(sub)->subscr != NULL) {
        if (value == OBJ_SENTINEL && obj_is_type(sub, &dict_type)) {
            /* dict subclasses: __missing__ supplies absent keys */
            obj_t missing = user_lookup(t, QSTR___missing__);
            if (missing != OBJ_NULL) {
                obj_t v = dict_get(sub, index);
                return v != OBJ_NULL ? v : inst_call(missing, self, 1, index, OBJ_NULL);
            }
        }
        return obj_type(sub)->subscr(sub, index, value);
    }
    return OBJ_NULL;
}

static obj_t instance_getiter(obj_t self) {
    const type_t *t = obj_type(self);
    obj_t m = user_lookup(t, QSTR___iter__);
    if (m != OBJ_NULL) {
        return inst_call(m, self, 0, OBJ_NULL, OBJ_NULL);
    }
    /* a built-in base's own iteration beats the __getitem__ sequence protocol (as in CPython) */
    obj_t sub = instance_get_subobj(self);
    if (sub != OBJ_NULL && (obj_type(sub)->getiter != NULL || (obj_type(sub)->flags & TYPE_FLAG_ITER_IS_SELF))) {
        return rt_getiter(sub);
    }
    if (user_lookup(t, QSTR___getitem__) != OBJ_NULL) {
        return iter_new_getitem(self);
    }
    if (sub != OBJ_NULL) {
        return rt_getiter(sub);
    }
    return OBJ_NULL;
}

static obj_t instance_iternext(obj_t self) {
    obj_t m = user_lookup(obj_type(self), QSTR___next__);
    if (m == OBJ_NULL) {
        obj_t sub = instance_get_subobj(self);
        if (sub != OBJ_NULL && obj_type(sub)->iternext != NULL) {
            return obj_type(sub)->iternext(sub);
        }
        raise_fmt(&type_TypeError, "'%s' object isn't an iterator", rt_type_name(self));
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t r = inst_call(m, self, 0, OBJ_NULL, OBJ_NULL);
        nlr_pop();
        return r;
    }
    if (exc_is_instance(nlr.value, &type_StopIteration)) {
        /* the end of the iteration; a value it carries stays readable (rt_iternext_or_raise) */
        rt_state.stop_iteration = exc_get_value(nlr.value) != OBJ_NONE ? nlr.value : OBJ_NULL;
        return OBJ_NULL;
    }
    nlr_jump(nlr.value);
}

static bool instance_buffer(obj_t self, buffer_info_t *info, int flags) {
    obj_t sub = instance_get_subobj(self);
    return sub != OBJ_NULL && rt_get_buffer(sub, info, flags);
}

/* ---- creating classes ---- */
/* Whether a class member named k with value v makes attribute stores on instances need the slow
 * path: __setattr__/__delattr__, a property, or a data descriptor (its type has __set__ or
 * __delete__). With any_descriptor, a __get__ alone counts too (MicroPython's test for a member
 * that can't be added to an already-subclassed class). */
static bool type_member_hooks_access(obj_t k, obj_t v, bool any_descriptor) {
    if (k == ROM_QSTR(QSTR___setattr__) || k == ROM_QSTR(QSTR___delattr__) || obj_is_type(v, &property_type)) {
        return true;
    }
    if (!obj_is_ptr(v) || !type_is_user(obj_type(v))) {
        return false;
    }
    const type_t *vt = obj_type(v);
    return user_lookup(vt, QSTR___set__) != OBJ_NULL || user_lookup(vt, QSTR___delete__) != OBJ_NULL ||
        (any_descriptor && user_lookup(vt, QSTR___get__) != OBJ_NULL);
}

static bool type_has_setattr_hooks(obj_t dict) {
    map_t *m = dict_map(dict);
    for (size_t i = 0; i < m->used; i++) {
        if (m->table[i].key != OBJ_NULL && type_member_hooks_access(m->table[i].key, m->table[i].value, false)) {
            return true;
        }
    }
    return false;
}

/* Calls value.__set_name__(owner, name) for every member of a new class whose type defines it,
 * over a snapshot of the members taken first, since those calls may add, replace or delete
 * members; an exception propagates as it is (MicroPython). */
static void type_call_set_name(type_t *owner) {
    map_t *m = &owner->locals_dict->map;
    size_t n = 0;
    for (size_t i = 0; i < m->used; i++) {
        obj_t v = m->table[i].value;
        if (m->table[i].key != OBJ_NULL && obj_is_ptr(v) && type_is_user(obj_type(v))) {
            n++;
        }
    }
    if (n == 0) {
        return;
    }
    obj_t *pairs = gc_alloc(2 * n * sizeof(obj_t), false);
    size_t k = 0;
    for (size_t i = 0; i < m->used && k < 2 * n; i++) {
        obj_t v = m->table[i].value;
        if (m->table[i].key != OBJ_NULL && obj_is_ptr(v) && type_is_user(obj_type(v))) {
            pairs[k++] = m->table[i].key;
            pairs[k++] = v;
        }
    }
    for (size_t i = 0; i < k; i += 2) {
        obj_t meth = user_lookup(obj_type(pairs[i + 1]), QSTR___set_name__);
        if (meth != OBJ_NULL) {
            inst_call(meth, pairs[i + 1], 2, OBJ_FROM_PTR(owner), pairs[i]);
        }
    }
}

obj_t type_new(qstr name, obj_t bases, obj_t dict) {
    size_t n_bases;
    obj_t *base_items;
    obj_get_array(bases, &n_bases, &base_items);
    if (!obj_is_type(dict, &dict_type)) {
        raise_msg(&type_TypeError, "type() argument 3 must be dict");
    }
    user_type_t *ut = NEW_OBJ(user_type_t);
    type_t *t = &ut->type;
    t->base.type = &type_type;
    t->flags = TYPE_FLAG_USER_CLASS;
    t->name = (uint16_t)name;
    bool hooks = type_has_setattr_hooks(dict);
    const type_t *native = NULL;
    for (size_t i = 0; i < n_bases; i++) {
        if (!obj_is_type(base_items[i], &type_type)) {
            raise_msg(&type_TypeError, "bases must be types");
        }
        const type_t *b = OBJ_TO_PTR(base_items[i]);
        if (b->make_new == NULL && b != &object_type) {
            raise_fmt(&type_TypeError, "type '%q' is not an acceptable base type", (unsigned)b->name);
        }
        if (b->flags & TYPE_FLAG_EXCEPTION) {
            t->flags |= TYPE_FLAG_EXCEPTION;
        }
        const type_t *bn;
        if (type_is_user(b)) {
            bn = user_type(b)->native_base;
            hooks = hooks || user_type(b)->setattr_hooks;
            ((type_t *)b)->flags |= TYPE_FLAG_IS_SUBCLASSED;
        } else {
            bn = b == &object_type ? NULL : b;
        }
        if (bn != NULL) {
            if (native != NULL && native != bn && !obj_is_subclass_fast(bn, native) &&
                !obj_is_subclass_fast(native, bn) && !(bn->flags & native->flags & TYPE_FLAG_EXCEPTION)) {
                raise_msg(&type_TypeError, "multiple bases have instance lay-out conflict");
            }
            if (native == NULL || obj_is_subclass_fast(bn, native)) {
                native = bn;
            }
        }
    }
    ut->native_base = native;
    ut->setattr_hooks = hooks;
    ut->bases = bases;
    t->print = instance_print;
    t->make_new = instance_make_new;
    t->call = instance_call;
    t->unary_op = instance_unary_op;
    t->binary_op = instance_binary_op;
    t->attr = instance_attr;
    t->subscr = instance_subscr;
    t->getiter = instance_getiter;
    t->iternext = instance_iternext;
    t->buffer = instance_buffer;
    t->locals_dict = OBJ_TO_PTR(dict);
    if (n_bases == 0) {
        t->parent = &object_type;
    } else if (n_bases == 1) {
        t->parent = OBJ_TO_PTR(base_items[0]);
    } else {
        t->parent = OBJ_TO_PTR(bases);
    }
    ut->mro = mro_compute(t, n_bases, base_items);
    /* only callable instances get a call slot, so callable() can test the slot */
    if (user_lookup(t, QSTR___call__) == OBJ_NULL && (native == NULL || native->call == NULL)) {
        t->call = NULL;
    }
    /* __new__ is implicitly a staticmethod; __init_subclass__ is not supported */
    type_call_set_name(t);
    return OBJ_FROM_PTR(t);
}

/* ---- type ---- */
static void type_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)kind;
    print_fmt(p, "<class '%q'>", (unsigned)((const type_t *)OBJ_TO_PTR(o))->name);
}

static obj_t type_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_kw != 0) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    if (n_args == 1) {
        return OBJ_FROM_PTR(obj_type(args[0]));
    }
    if (n_args == 3) {
        if (!obj_is_str(args[0])) {
            raise_msg(&type_TypeError, "type() argument 1 must be str");
        }
        if (!obj_is_type(args[1], &tuple_type)) {
            raise_msg(&type_TypeError, "type() argument 2 must be tuple");
        }
        const type_t *dt = obj_is_ptr(args[2]) ? obj_type(args[2]) : NULL;
        if (dt == NULL || (dt != &dict_type && (dt->parent != &dict_type || type_is_user(dt)))) {
            /* a dict, or a built-in dict type such as OrderedDict */
            raise_msg(&type_TypeError, "type() argument 3 must be dict");
        }
        obj_t d = dict_copy(args[2]);
        return type_new(obj_qstr_value(str_intern(args[0])), args[1], d);
    }
    raise_msg(&type_TypeError, "type takes 1 or 3 arguments");
}

static obj_t type_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    const type_t *t = OBJ_TO_PTR(self);
    if (t->make_new == NULL) {
        raise_fmt(&type_TypeError, "cannot create '%q' instances", (unsigned)t->name);
    }
    return t->make_new(t, n_args, n_kw, args);
}

static obj_t type_bases_tuple(const type_t *t) {
    if (type_is_user(t) && ((const tuple_obj_t *)OBJ_TO_PTR(user_type(t)->bases))->len != 0) {
        return user_type(t)->bases;
    }
    if (t->parent == NULL || t->parent == &object_type) {
        if (t == &object_type) {
            return OBJ_EMPTY_TUPLE;
        }
        obj_t o = OBJ_FROM_PTR(&object_type);
        return tuple_new(1, &o);
    }
    if (type_is_tuple(t->parent)) {
        return OBJ_FROM_PTR(t->parent);
    }
    obj_t p = OBJ_FROM_PTR(t->parent);
    return tuple_new(1, &p);
}

/* A built-in type's method read from the type itself (str.upper) is handed out wrapped, so that a
 * call with a first argument of another type is a TypeError instead of the method reading an
 * object it does not understand. (Through an instance the method is bound and always right.) */
typedef struct {
    obj_base_t base;
    obj_t fun;
    const type_t *owner;
} checked_fun_obj_t;

static obj_t checked_fun_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    checked_fun_obj_t *c = OBJ_TO_PTR(self);
    if (n_args == 0 || !rt_issubclass(obj_type(args[0]), c->owner)) {
        raise_fmt(&type_TypeError, "descriptor for '%q' objects doesn't apply to a '%s' object",
            (unsigned)c->owner->name, n_args == 0 ? "NoneType" : rt_type_name(args[0]));
    }
    return rt_call(c->fun, n_args, n_kw, args);
}

static void checked_fun_print(const print_t *p, obj_t self, print_kind_t kind) {
    obj_print(p, ((checked_fun_obj_t *)OBJ_TO_PTR(self))->fun, kind);
}

static const type_t checked_fun_type = {.base = {&type_type}, .flags = TYPE_FLAG_BINDS_SELF,
    .name = QSTR_function, .print = checked_fun_print, .call = checked_fun_call};

static obj_t checked_fun_new(obj_t fun, const type_t *owner) {
    checked_fun_obj_t *c = NEW_OBJ(checked_fun_obj_t);
    c->base.type = &checked_fun_type;
    c->fun = fun;
    c->owner = owner;
    return OBJ_FROM_PTR(c);
}

static void type_attr(obj_t self, qstr attr, obj_t *dest) {
    type_t *t = OBJ_TO_PTR(self);
    if (dest[0] == OBJ_NULL) {
        const type_t *where = NULL;
        obj_t v = type_lookup(t, attr, &where);
        if (v != OBJ_NULL && where == &object_type && t != &object_type) {
            obj_t w = type_slot_wrapper(t, attr);
            if (w != OBJ_NULL) {
                dest[0] = w;
                return;
            }
        }
        if (v != OBJ_NULL) {
            if (obj_is_type(v, &staticmethod_type)) {
                dest[0] = ((const classmethod_obj_t *)OBJ_TO_PTR(v))->fun;
            } else if (obj_is_type(v, &classmethod_type)) {
                dest[0] = ((const classmethod_obj_t *)OBJ_TO_PTR(v))->fun;
                dest[1] = self;
            } else if (obj_is_type(v, &native_fun_type) && where != NULL && !type_is_user(where) &&
                       where != &object_type && attr != QSTR___new__) {
                dest[0] = checked_fun_new(v, where);
            } else {
                dest[0] = v;
            }
            return;
        }
        if (!type_is_user(t) || user_type(t)->native_base != NULL) {
            obj_t w = type_slot_wrapper(t, attr);
            if (w != OBJ_NULL) {
                dest[0] = w;
                return;
            }
        }
        if (attr == QSTR___name__) {
            dest[0] = ROM_QSTR(t->name);
        } else if (attr == QSTR___bases__) {
            dest[0] = type_bases_tuple(t);
        } else if (attr == QSTR___mro__) {
            mro_seq_t m;
            mro_of(t, &m);
            obj_t items[MRO_MAX + 1];
            size_t n = 0;
            for (size_t i = 0; i < m.len; i++) {
                items[n++] = OBJ_FROM_PTR(m.items[i]);
            }
            items[n++] = OBJ_FROM_PTR(&object_type);
            dest[0] = tuple_new(n, items);
        } else if (attr == QSTR___dict__) {
            dest[0] = t->locals_dict != NULL ? OBJ_FROM_PTR(t->locals_dict) : dict_new(0);
        } else if (attr == QSTR___class__) {
            dest[0] = OBJ_FROM_PTR(&type_type);
        }
        return;
    }
    if (!type_is_user(t)) {
        return; /* built-in types are immutable: the caller raises AttributeError */
    }
    obj_t dict = OBJ_FROM_PTR(t->locals_dict);
    if (dest[1] == OBJ_NULL) {
        if (map_lookup(dict_map(dict), ROM_QSTR(attr), MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
            raise_fmt(&type_AttributeError, "type object '%q' has no attribute '%q'",
                (unsigned)t->name, (unsigned)attr);
        }
    } else {
        user_type_t *ut = (user_type_t *)t;
        if (!ut->setattr_hooks && type_member_hooks_access(ROM_QSTR(attr), dest[1], true)) {
            /* subclasses took their setattr_hooks when they were made; as in MicroPython */
            if (t->flags & TYPE_FLAG_IS_SUBCLASSED) {
                raise_msg(&type_AttributeError, "can't add special method to already-subclassed class");
            }
            ut->setattr_hooks = type_member_hooks_access(ROM_QSTR(attr), dest[1], false);
        }
        dict_store(dict, ROM_QSTR(attr), dest[1]);
        if (attr == QSTR___call__) {
            t->call = instance_call;
        }
    }
    dest[0] = OBJ_NULL;
}

const type_t type_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_type,
    .print = type_print,
    .make_new = type_make_new,
    .call = type_call,
    .attr = type_attr,
};

/* ---- object ---- */
static obj_t object_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)args;
    if (n_args != 0 || n_kw != 0) {
        raise_msg(&type_TypeError, "object() takes no arguments");
    }
    obj_base_t *o = NEW_OBJ(obj_base_t);
    o->type = type;
    return OBJ_FROM_PTR(o);
}

static void object_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)kind;
    print_fmt(p, "<%s object at %p>", rt_type_name(o), (void *)o);
}

static obj_t object_init_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = args[0];
    obj_t sub = instance_get_subobj(self);
    if (sub != OBJ_NULL && (n_args > 1 || n_kw > 0)) {
        /* list.__init__(self, iterable) and the like: rebuild the native part with the arguments */
        const type_t *native = user_type(obj_type(self))->native_base;
        if (native_takes_init_args(native)) {
            ((instance_obj_t *)OBJ_TO_PTR(self))->subobj = native->make_new(native, n_args - 1, n_kw, args + 1);
        }
    }
    return OBJ_NONE;
}
static DEFINE_FUN_KW(object_init_obj, __init__, 1, NATIVE_VARARGS, object_init_fun);

static obj_t object_new_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    if (!obj_is_type(args[0], &type_type)) {
        raise_msg(&type_TypeError, "object.__new__(X): X is not a type object");
    }
    const type_t *t = OBJ_TO_PTR(args[0]);
    if (type_is_user(t)) {
        return instance_alloc(t, n_args - 1, n_kw, args + 1, false);
    }
    if (t == &object_type) {
        return object_make_new(t, 0, 0, NULL);
    }
    raise_fmt(&type_TypeError, "object.__new__(%q) is not safe, use %q.__new__()", (unsigned)t->name,
        (unsigned)t->name);
}
static DEFINE_FUN_KW(object_new_fun_obj, __new__, 1, NATIVE_VARARGS, object_new_fun);
static const classmethod_obj_t object_new_obj = {{&staticmethod_type}, ROM_PTR(&object_new_fun_obj)};

static obj_t object_setattr_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    if (!obj_is_str(args[1])) {
        raise_fmt(&type_TypeError, "attribute name must be string, not '%s'", rt_type_name(args[1]));
    }
    map_t *d = instance_get_map(args[0]);
    if (d == NULL) {
        raise_fmt(&type_AttributeError, "'%s' object has no attribute '%S'", rt_type_name(args[0]), args[1]);
    }
    qstr q = obj_qstr_value(str_intern(args[1]));
    if (n_args == 3) {
        map_lookup(d, ROM_QSTR(q), MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = args[2];
    } else if (map_lookup(d, ROM_QSTR(q), MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
        raise_fmt(&type_AttributeError, "'%s' object has no attribute '%q'", rt_type_name(args[0]), (unsigned)q);
    }
    return OBJ_NONE;
}
static DEFINE_FUN(object_setattr_obj, __setattr__, 3, 3, object_setattr_fun);
static DEFINE_FUN(object_delattr_obj, __delattr__, 2, 2, object_setattr_fun);

/* object.__repr__ / object.__str__: what the object prints as without any user override (so a
 * user __str__ may call super().__str__() without recursing). */
static obj_t object_print_fun(obj_t self, print_kind_t kind) {
    const type_t *t = obj_type(self);
    if (!type_is_user(t) && t != &object_type) {
        return kind == PRINT_STR ? obj_str(self) : obj_repr(self);
    }
    vstr_t v;
    vstr_init(&v, 32);
    print_t p;
    vstr_print_init(&v, &p);
    const type_t *native = t == &object_type ? NULL : user_type(t)->native_base;
    if (native != NULL && native->print != NULL) {
        obj_t target = (t->flags & TYPE_FLAG_EXCEPTION) ? self : ((instance_obj_t *)OBJ_TO_PTR(self))->subobj;
        native->print(&p, target, kind);
    } else {
        print_fmt(&p, "<%s object at %p>", rt_type_name(self), (void *)self);
    }
    return str_new_from_vstr(&v);
}
static obj_t object_repr_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return object_print_fun(args[0], PRINT_REPR);
}
static DEFINE_FUN(object_repr_obj, __repr__, 1, 1, object_repr_fun);

static obj_t object_str_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return object_print_fun(args[0], PRINT_STR);
}
static DEFINE_FUN(object_str_obj, __str__, 1, 1, object_str_fun);

static obj_t object_hash_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return obj_identity_hash(args[0]);
}
static DEFINE_FUN(object_hash_obj, __hash__, 1, 1, object_hash_fun);

static obj_t object_eq_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return args[0] == args[1] ? OBJ_TRUE : OBJ_NOTIMPLEMENTED;
}
static DEFINE_FUN(object_eq_obj, __eq__, 2, 2, object_eq_fun);

static obj_t object_ne_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return args[0] == args[1] ? OBJ_FALSE : OBJ_NOTIMPLEMENTED;
}
static DEFINE_FUN(object_ne_obj, __ne__, 2, 2, object_ne_fun);

static const map_elem_t object_locals_table[] = {
    {ROM_QSTR(QSTR___init__), ROM_PTR(&object_init_obj)},
    {ROM_QSTR(QSTR___new__), ROM_PTR(&object_new_obj)},
    {ROM_QSTR(QSTR___setattr__), ROM_PTR(&object_setattr_obj)},
    {ROM_QSTR(QSTR___delattr__), ROM_PTR(&object_delattr_obj)},
    {ROM_QSTR(QSTR___repr__), ROM_PTR(&object_repr_obj)},
    {ROM_QSTR(QSTR___str__), ROM_PTR(&object_str_obj)},
    {ROM_QSTR(QSTR___hash__), ROM_PTR(&object_hash_obj)},
    {ROM_QSTR(QSTR___eq__), ROM_PTR(&object_eq_obj)},
    {ROM_QSTR(QSTR___ne__), ROM_PTR(&object_ne_obj)},
};
static DEFINE_CONST_DICT(object_locals_dict, object_locals_table);

const type_t object_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_object,
    .print = object_print,
    .make_new = object_make_new,
    .locals_dict = &object_locals_dict,
};

/* ---- super ---- */
typedef struct {
    obj_base_t base;
    const type_t *type;
    obj_t obj;
} super_obj_t;

static obj_t super_init(super_obj_t *s, obj_t cls, obj_t o) {
    if (!obj_is_type(cls, &type_type)) {
        raise_msg(&type_TypeError, "super() argument 1 must be type");
    }
    const type_t *st = OBJ_TO_PTR(cls);
    if (!obj_is_subclass_fast(obj_type(o), st) &&
        !(obj_is_type(o, &type_type) && obj_is_subclass_fast(OBJ_TO_PTR(o), st))) {
        raise_msg(&type_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    }
    s->base.type = &super_type;
    s->type = st;
    s->obj = o;
    return OBJ_FROM_PTR(s);
}

static obj_t super_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_kw != 0) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    if (n_args != 2) {
        raise_msg(&type_RuntimeError, "super() can't find self");
    }
    return super_init(NEW_OBJ(super_obj_t), args[0], args[1]);
}

/* super().name as a method call (LOAD_SUPER_METHOD): the super object lives on the C stack only
 * while the method is looked up, so the call allocates nothing (as in MicroPython). */
void super_load_method(obj_t cls, obj_t obj, qstr attr, obj_t *dest) {
    super_obj_t s;
    rt_load_method(super_init(&s, cls, obj), attr, dest);
}

static void super_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    const super_obj_t *s = OBJ_TO_PTR(self);
    const type_t *where = NULL;
    obj_t obj = s->obj;
    obj_t v = type_lookup_super(s->type, obj, attr, &where);
    if (v == OBJ_NULL || (where == &object_type && attr != QSTR___init__ && attr != QSTR___new__ &&
                             attr != QSTR___setattr__ && attr != QSTR___delattr__)) {
        /* a built-in base's slot (super().__setitem__ in a dict subclass ...) beats object's */
        const type_t *ot = obj_is_type(obj, &type_type) ? OBJ_TO_PTR(obj) : obj_type(obj);
        obj_t w = type_is_user(ot) && user_type(ot)->native_base != NULL &&
                          !(ot->flags & TYPE_FLAG_EXCEPTION)
                      ? type_slot_wrapper(ot, attr)
                      : OBJ_NULL;
        if (w != OBJ_NULL) {
            v = w;
            where = &object_type; /* bind to the instance: the wrapper unwraps it */
        }
    }
    if (v == OBJ_NULL) {
        return;
    }
    if (obj_is_type(obj, &type_type)) {
        /* super() inside a classmethod or __new__: obj is the class */
        if (obj_is_type(v, &classmethod_type)) {
            dest[0] = ((const classmethod_obj_t *)OBJ_TO_PTR(v))->fun;
            dest[1] = obj;
        } else if (obj_is_type(v, &staticmethod_type)) {
            dest[0] = ((const classmethod_obj_t *)OBJ_TO_PTR(v))->fun;
        } else {
            dest[0] = v;
        }
        return;
    }
    obj_t sub = instance_get_subobj(obj);
    if (sub != OBJ_NULL && !type_is_user(where) && where != &object_type) {
        type_bind_attr(v, sub, where, dest);
    } else {
        type_bind_attr(v, obj, obj_type(obj), dest);
    }
}

static void super_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)kind;
    const super_obj_t *s = OBJ_TO_PTR(o);
    print_fmt(p, "<super: <class '%q'>, <%s object>>", (unsigned)s->type->name, rt_type_name(s->obj));
}

const type_t super_type = {
    .base = {&type_type},
    .name = QSTR_super,
    .print = super_print,
    .make_new = super_make_new,
    .attr = super_attr,
};

void *obj_check_self(obj_t self, const type_t *type) {
    if (obj_is_type(self, type)) {
        return OBJ_TO_PTR(self);
    }
    obj_t sub = obj_is_ptr(self) ? instance_get_subobj(self) : OBJ_NULL;
    if (sub != OBJ_NULL && obj_is_type(sub, type)) {
        return OBJ_TO_PTR(sub);
    }
    raise_fmt(&type_TypeError, "descriptor requires a '%q' object but received a '%s'", (qstr)type->name,
        rt_type_name(self));
}
