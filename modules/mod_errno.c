/* modules/mod_errno.c: the errno module: one constant per errno value of core/errno_list.h and
 * errorcode (value -> name), built once at first attribute access (the dict lives in a root). */
#include "core/errno_list.h"
#include "core/obj.h"
#include "core/runtime.h"

#define ERRNO_GLOBAL(value, name) {ROM_QSTR(QSTR_##name), ROM_INT(value)},
#define ERRNO_ROW(value, name) {value, QSTR_##name},

static const struct {
    int value;
    uint16_t name;
} errno_rows[] = {ERRNO_LIST(ERRNO_ROW)};

/* errorcode is made on demand: module globals are constant */
static obj_t errno_errorcode_dict(void) {
    obj_t d = dict_new(sizeof(errno_rows) / sizeof(errno_rows[0]));
    for (size_t i = 0; i < sizeof(errno_rows) / sizeof(errno_rows[0]); i++) {
        dict_store(d, small_int_new(errno_rows[i].value), obj_new_qstr(errno_rows[i].name));
    }
    dict_map(d)->is_fixed = 1; /* read-only: every mutating method raises TypeError */
    return d;
}

typedef struct {
    obj_base_t base;
} errorcode_proxy_t;

static obj_t errorcode_subscr(obj_t self, obj_t index, obj_t value) {
    if (value != OBJ_SENTINEL) {
        raise_msg(&type_TypeError, "errno.errorcode is read-only");
    }
    return rt_subscr_load(errno_errorcode_dict(), index);
}

static void errorcode_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] == OBJ_NULL) {
        rt_load_method(errno_errorcode_dict(), attr, dest);
    }
}

static obj_t errorcode_getiter(obj_t self) { return rt_getiter(errno_errorcode_dict()); }

static obj_t errorcode_unary_op(unary_op_t op, obj_t self) { return rt_unary_op(op, errno_errorcode_dict()); }

static obj_t errorcode_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    return rt_binary_op(op, errno_errorcode_dict(), rhs);
}

static void errorcode_print(const print_t *p, obj_t self, print_kind_t kind) {
    obj_print(p, errno_errorcode_dict(), kind);
}

static const type_t errorcode_type = {.base = {&type_type}, .name = QSTR_dict, .print = errorcode_print,
    .unary_op = errorcode_unary_op, .binary_op = errorcode_binary_op, .attr = errorcode_attr,
    .subscr = errorcode_subscr, .getiter = errorcode_getiter};
static const errorcode_proxy_t errorcode_obj = {{&errorcode_type}};

static const map_elem_t errno_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_errno)},
    {ROM_QSTR(QSTR_errorcode), ROM_PTR(&errorcode_obj)},
    ERRNO_LIST(ERRNO_GLOBAL)
};
static DEFINE_CONST_DICT(errno_globals, errno_globals_table);
const module_obj_t errno_module = {{&module_type}, &errno_globals};
REGISTER_MODULE(QSTR_errno, errno_module);
