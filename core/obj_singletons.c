/* core/obj_singletons.c: None, True, False, Ellipsis, NotImplemented and their types.
 * Invariant: each singleton is one static object, so identity (==) is the only test needed;
 * bool is a subclass of int whose arithmetic is int's (obj_int.c treats True/False as 1/0). */
#include "core/obj_int.h"
#include "core/runtime.h"

const obj_base_t none_obj = {&none_type};
const obj_base_t true_obj = {&bool_type};
const obj_base_t false_obj = {&bool_type};
const obj_base_t ellipsis_obj = {&ellipsis_type};
const obj_base_t notimplemented_obj = {&notimplemented_type};

/* ---- None ---- */
static void none_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)o;
    (void)kind;
    print_str(p, "None");
}
static obj_t none_unary_op(unary_op_t op, obj_t o) {
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_FALSE;
        case UNARY_OP_HASH: return small_int_new((int_t)((uintptr_t)o >> 3));
        default: return OBJ_NULL;
    }
}
static obj_t none_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    (void)args;
    arg_check_num(n_args, n_kw, 0, 0, false);
    return OBJ_NONE;
}
const type_t none_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_NoneType,
    .print = none_print,
    .make_new = none_make_new,
    .unary_op = none_unary_op,
};

/* ---- bool ---- */
static void bool_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)kind;
    print_str(p, o == OBJ_TRUE ? "True" : "False");
}
static obj_t bool_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    arg_check_num(n_args, n_kw, 0, 1, false);
    return n_args == 0 ? OBJ_FALSE : obj_bool(rt_is_true(args[0]));
}
static obj_t bool_unary_op(unary_op_t op, obj_t o) {
    if (op == UNARY_OP_BOOL) {
        return o;
    }
    return int_unary_op(op, small_int_new(o == OBJ_TRUE));
}
const type_t bool_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_bool,
    .print = bool_print,
    .make_new = bool_make_new,
    .unary_op = bool_unary_op,
    .binary_op = int_binary_op,
    .parent = &int_type,
};

/* ---- Ellipsis and NotImplemented ---- */
static void ellipsis_print(const print_t *p, obj_t o, print_kind_t kind) {
    (void)kind;
    print_str(p, o == OBJ_ELLIPSIS ? "Ellipsis" : "NotImplemented");
}
static obj_t singleton_unary_op(unary_op_t op, obj_t o) {
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_TRUE;
        case UNARY_OP_HASH: return small_int_new((int_t)((uintptr_t)o >> 3));
        default: return OBJ_NULL;
    }
}
const type_t ellipsis_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_ellipsis,
    .print = ellipsis_print,
    .unary_op = singleton_unary_op,
};
const type_t notimplemented_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_NotImplementedType,
    .print = ellipsis_print,
    .unary_op = singleton_unary_op,
};
