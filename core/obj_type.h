/* core/obj_type.h: the object model's public layouts beyond obj.h: user classes and their
 * instances, bound methods, property, super, and the lookup/binding helpers runtime.c shares.
 * Invariant: a user class is a heap user_type_t whose first member is its type_t; instances of
 * exception subclasses are exc_instance_obj_t (an exception_obj_t first), all others instance_obj_t. */
#ifndef CORE_OBJ_TYPE_H
#define CORE_OBJ_TYPE_H

#include "core/obj.h"

/* A class made by a class statement (type_new). */
typedef struct {
    type_t type;              /* flags include TYPE_FLAG_USER_CLASS */
    obj_t bases;              /* tuple of the direct bases */
    obj_t mro;                /* tuple: the C3 linearisation, this class first, object left out */
    const type_t *native_base; /* the built-in type instances embed (subobj), or NULL */
    bool setattr_hooks;        /* a class in the MRO has __setattr__/__delattr__ or a property */
} user_type_t;

/* Attributes live in `members` (no separate dict object per instance) until __dict__ is first
 * taken: then they move into a real dict (`dict`), which is used from then on. */
typedef struct {
    obj_base_t base;
    obj_t subobj;     /* instance of native_base, or OBJ_NULL */
    dict_obj_t *dict; /* NULL until __dict__ was taken */
    map_t members;    /* the attributes while dict == NULL */
} instance_obj_t;

typedef struct {
    exception_obj_t exc;
    obj_t subobj;     /* OBJ_NULL, or OBJ_NONE while incomplete (exc_instance_is_incomplete);
                       * keeps the tail the same as instance_obj_t */
    dict_obj_t *dict;
    map_t members;
} exc_instance_obj_t;

typedef struct {
    obj_base_t base; /* &bound_meth_type */
    obj_t meth;
    obj_t self;
} bound_meth_obj_t;

typedef struct {
    obj_base_t base; /* &property_type */
    obj_t fget, fset, fdel; /* OBJ_NONE when absent */
} property_obj_t;

obj_t bound_meth_new(obj_t meth, obj_t self);
/* Looks attr up along type's MRO (C3 for user classes, the parent chain for built-in types),
 * object last.
 * Returns OBJ_NULL if absent; *where (if not NULL) receives the type whose dict held it. */
obj_t type_lookup(const type_t *type, qstr attr, const type_t **where);
/* Turns a class attribute found for `self` (an instance of type) into dest[0]/dest[1] as
 * rt_load_method does: functions bind, staticmethod unwraps, classmethod binds the class,
 * property calls its getter. */
void type_bind_attr(obj_t value, obj_t self, const type_t *type, obj_t *dest);
/* A callable for a slot-implemented special method of a built-in type (or a user class's built-in
 * base): __getitem__ __setitem__ __delitem__ __len__ __contains__ __iter__ __next__ __repr__
 * __str__ __hash__ __eq__ __ne__; OBJ_NULL if none. It takes self first and unwraps instances. */
obj_t type_slot_wrapper(const type_t *type, qstr attr);
/* The attribute map of a user instance, or NULL if o is not one. */
map_t *instance_get_map(obj_t o);
/* The attribute dict (__dict__) of a user instance (made on first use), or NULL if not one. */
dict_obj_t *instance_get_dict(obj_t o);
/* The native sub-object of a user instance derived from a built-in type, or OBJ_NULL. */
obj_t instance_get_subobj(obj_t o);
/* An instance of a user exception class whose own __init__ is running and has not yet reached
 * BaseException.__init__ is incomplete: not yet raisable (TypeError, as MicroPython says). */
bool exc_instance_is_incomplete(obj_t o);
void exc_instance_set_incomplete(obj_t o, bool incomplete);
/* Identity hash shared by object and every type without its own __hash__. */
static inline obj_t obj_identity_hash(obj_t o) { return small_int_new((int_t)((uintptr_t)o >> 3)); }

/* Special-method names of the operators (e.g. binary_op_qstr[BINARY_OP_ADD] == QSTR___add__). */
extern const uint16_t binary_op_qstr[BINARY_OP_NUM];
extern const uint16_t unary_op_qstr[];

/* ---- exceptions (obj_exception.c) ---- */
/* The printable name of an errno value ("ENOENT"), or NULL (errno_names.c). */
const char *errno_name(int errno_value);
/* Prints an exception as the last traceback line does ("ValueError: msg"). */
void exc_print_line(const print_t *p, obj_t exc);
/* Resets a (possibly preallocated) exception's traceback before it is raised again. */
void exc_clear_traceback(obj_t exc);
/* Registers the emergency exception's arguments as a GC root (rt_init, after gc_init). */
void exc_emg_init(void);
extern exception_obj_t exc_kbd_interrupt_obj; /* preallocated KeyboardInterrupt */

/* super(cls, obj).attr loaded as a method (dest as rt_load_method), no super object kept. */
void super_load_method(obj_t cls, obj_t obj, qstr attr, obj_t *dest);

#endif
