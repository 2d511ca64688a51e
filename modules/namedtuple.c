/* modules/namedtuple.c: collections.namedtuple and collections.OrderedDict.
 * A namedtuple class is a type made at run time (on the GC heap) whose instances have the tuple
 * layout; its parent is tuple, so tuple's methods and isinstance(x, tuple) work. OrderedDict is a
 * dict with its own name (dicts already keep insertion order) whose map finds keys by == alone, as
 * MicroPython's does, so unhashable keys (slices) work in it. */
#include "modules/namedtuple.h"

#include "core/obj_list.h"
#include "core/obj_str.h"
#include "core/qstr.h"
#include "core/runtime.h"

typedef struct {
    type_t type;
    obj_t fields; /* tuple of field-name strs */
} nt_type_t;

static obj_t nt_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args);

/* The namedtuple class of self; TypeError if self is not a namedtuple instance. */
static nt_type_t *nt_type_of(obj_t self) {
    const type_t *t = obj_type(self);
    if (t->make_new != nt_make_new) {
        raise_fmt(&type_TypeError, "descriptor requires a namedtuple but received a '%s'", rt_type_name(self));
    }
    return (nt_type_t *)(uintptr_t)t;
}

static void nt_print(const print_t *p, obj_t self, print_kind_t kind) {
    nt_type_t *t = nt_type_of(self);
    tuple_obj_t *tup = OBJ_TO_PTR(self);
    tuple_obj_t *f = OBJ_TO_PTR(t->fields);
    print_fmt(p, "%q(", (qstr)t->type.name);
    for (size_t i = 0; i < tup->len; i++) {
        if (i > 0) {
            print_str(p, ", ");
        }
        obj_print(p, f->items[i], PRINT_STR);
        print_str(p, "=");
        obj_print(p, tup->items[i], PRINT_REPR);
    }
    print_str(p, ")");
}

static int nt_field_index(nt_type_t *t, qstr name) {
    tuple_obj_t *f = OBJ_TO_PTR(t->fields);
    for (size_t i = 0; i < f->len; i++) {
        if (obj_qstr_value(f->items[i]) == name) {
            return (int)i;
        }
    }
    return -1;
}

static obj_t nt_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    nt_type_t *t = (nt_type_t *)(uintptr_t)type;
    size_t n = ((tuple_obj_t *)OBJ_TO_PTR(t->fields))->len;
    if (n_args + n_kw != n) {
        raise_fmt(&type_TypeError, "%q() takes %d positional arguments but %d were given",
            (unsigned)type->name, (int)n, (int)(n_args + n_kw));
    }
    tuple_obj_t *tup = OBJ_TO_PTR(tuple_new_of_type(type, n, NULL));
    for (size_t i = 0; i < n_args; i++) {
        tup->items[i] = args[i];
    }
    for (size_t k = 0; k < n_kw; k++) {
        obj_t key = args[n_args + 2 * k];
        int i = nt_field_index(t, obj_qstr_value(str_intern(key)));
        if (i < 0) {
            raise_fmt(&type_TypeError, "unexpected keyword argument '%S'", key);
        }
        if (tup->items[i] != OBJ_NULL) {
            raise_fmt(&type_TypeError, "function got multiple values for argument '%S'", key);
        }
        tup->items[i] = args[n_args + 2 * k + 1];
    }
    for (size_t i = 0; i < n; i++) {
        if (tup->items[i] == OBJ_NULL) {
            raise_fmt(&type_TypeError, "function missing required positional argument '%S'",
                ((tuple_obj_t *)OBJ_TO_PTR(t->fields))->items[i]);
        }
    }
    return OBJ_FROM_PTR(tup);
}

static void nt_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return; /* read-only: leave store/delete unhandled, the runtime reports it */
    }
    nt_type_t *t = nt_type_of(self);
    if (attr == QSTR__fields) {
        dest[0] = t->fields;
        return;
    }
    int i = nt_field_index(t, attr);
    if (i >= 0) {
        dest[0] = ((tuple_obj_t *)OBJ_TO_PTR(self))->items[i];
    }
}

static obj_t nt_replace(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args != 1) {
        raise_msg(&type_TypeError, "_replace takes keyword arguments only");
    }
    nt_type_t *t = nt_type_of(args[0]);
    tuple_obj_t *src = OBJ_TO_PTR(args[0]);
    tuple_obj_t *tup = OBJ_TO_PTR(tuple_new_of_type(&t->type, src->len, src->items));
    for (size_t k = 0; k < n_kw; k++) {
        obj_t key = args[1 + 2 * k];
        int i = nt_field_index(t, obj_qstr_value(str_intern(key)));
        if (i < 0) {
            raise_fmt(&type_ValueError, "Got unexpected field names: ['%S']", key);
        }
        tup->items[i] = args[2 + 2 * k];
    }
    return OBJ_FROM_PTR(tup);
}
DEFINE_FUN_KW(nt_replace_obj, _replace, 1, 1, nt_replace);

static obj_t nt_asdict(size_t n_args, size_t n_kw, const obj_t *args) {
    nt_type_t *t = nt_type_of(args[0]);
    tuple_obj_t *tup = OBJ_TO_PTR(args[0]);
    tuple_obj_t *f = OBJ_TO_PTR(t->fields);
    obj_t d = dict_new(tup->len);
    for (size_t i = 0; i < tup->len; i++) {
        dict_store(d, f->items[i], tup->items[i]);
    }
    return d;
}
DEFINE_FUN(nt_asdict_obj, _asdict, 1, 1, nt_asdict);

static const map_elem_t nt_locals_table[] = {
    {ROM_QSTR(QSTR__replace), ROM_PTR(&nt_replace_obj)},
    {ROM_QSTR(QSTR__asdict), ROM_PTR(&nt_asdict_obj)},
};
static DEFINE_CONST_DICT(nt_locals_dict, nt_locals_table);

/* A type or field name as a qstr: a str (anything else is a TypeError, as in MicroPython). */
static obj_t nt_intern(obj_t name) {
    if (!obj_is_str(name)) {
        str_raise_implicit(name);
    }
    return str_intern(name);
}

static bool is_identifier(const char *s, size_t len) {
    if (len == 0 || (s[0] >= '0' && s[0] <= '9')) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                (unsigned char)c >= 0x80)) {
            return false;
        }
    }
    return true;
}

static obj_t namedtuple_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    qstr name = obj_qstr_value(nt_intern(args[0]));
    obj_t fields = list_new(0, NULL);
    if (obj_is_str(args[1])) {
        size_t len;
        const char *s = str_get_data(args[1], &len);
        size_t i = 0;
        while (i < len) {
            while (i < len && (s[i] == ' ' || s[i] == ',')) {
                i++;
            }
            size_t j = i;
            while (j < len && s[j] != ' ' && s[j] != ',') {
                j++;
            }
            if (j > i) {
                list_append(fields, obj_new_qstr(qstr_from_strn(s + i, j - i)));
            }
            i = j;
        }
    } else {
        obj_t it = rt_getiter(args[1]);
        obj_t v;
        while ((v = rt_iternext(it)) != OBJ_NULL) {
            list_append(fields, nt_intern(v));
        }
    }
    size_t n;
    obj_t *items;
    obj_get_array(fields, &n, &items);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = str_get_data(items[i], &len);
        if (!is_identifier(s, len)) {
            raise_fmt(&type_ValueError, "invalid field name %r", items[i]);
        }
        for (size_t j = 0; j < i; j++) {
            if (items[j] == items[i]) {
                raise_fmt(&type_ValueError, "duplicate field name %r", items[i]);
            }
        }
    }
    nt_type_t *t = gc_alloc(sizeof(nt_type_t), false);
    t->type.base.type = &type_type;
    t->type.name = (uint16_t)name;
    t->type.print = nt_print;
    t->type.make_new = nt_make_new;
    t->type.unary_op = tuple_type.unary_op;
    t->type.binary_op = tuple_type.binary_op;
    t->type.subscr = tuple_type.subscr;
    t->type.getiter = tuple_type.getiter;
    t->type.attr = nt_attr;
    t->type.locals_dict = &nt_locals_dict;
    t->type.parent = &tuple_type;
    t->fields = tuple_new(n, items);
    return OBJ_FROM_PTR(t);
}
DEFINE_FUN(namedtuple_fun_obj, namedtuple, 2, 3, namedtuple_fun);

/* ---- OrderedDict ---- */

static void odict_print(const print_t *p, obj_t self, print_kind_t kind) {
    print_str(p, "OrderedDict("); /* MicroPython's form, also when empty: OrderedDict({}) */
    dict_type.print(p, self, kind);
    print_str(p, ")");
}

static obj_t odict_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args);

/* Two OrderedDicts are equal when they hold the same items in the same order; against a plain
 * dict order doesn't matter (dict's own rule). */
static obj_t odict_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if ((op == BINARY_OP_EQUAL || op == BINARY_OP_NOT_EQUAL) && obj_is_type(rhs, &ordereddict_type)) {
        map_t *a = dict_map(lhs), *b = dict_map(rhs);
        bool eq = a->filled == b->filled;
        for (size_t i = 0, j = 0; eq; i++, j++) {
            while (i < a->used && a->table[i].key == OBJ_NULL) {
                i++;
            }
            while (j < b->used && b->table[j].key == OBJ_NULL) {
                j++;
            }
            if (i >= a->used || j >= b->used) {
                eq = i >= a->used && j >= b->used;
                break;
            }
            rt_stack_check(); /* nested OrderedDicts compare their values in turn */
            eq = rt_equal(a->table[i].key, b->table[j].key) && rt_equal(a->table[i].value, b->table[j].value);
        }
        return obj_bool(eq == (op == BINARY_OP_EQUAL));
    }
    return dict_type.binary_op(op, lhs, rhs);
}

type_t ordereddict_type = {.base = {&type_type}, .name = QSTR_OrderedDict, .print = odict_print,
    .make_new = odict_make_new, .binary_op = odict_binary_op, .parent = &dict_type};

static obj_t odict_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    type_t *t = &ordereddict_type;
    if (t->subscr == NULL) {
        /* the remaining slots are dict's; they are filled here because dict_type's slots are not
         * constant expressions where this type is defined */
        t->call = dict_type.call;
        t->unary_op = dict_type.unary_op;
        t->attr = dict_type.attr;
        t->subscr = dict_type.subscr;
        t->getiter = dict_type.getiter;
        t->iternext = dict_type.iternext;
        t->locals_dict = dict_type.locals_dict;
    }
    return dict_make_of(t, true, n_args, n_kw, args); /* keys found by == alone, as in MicroPython */
}
