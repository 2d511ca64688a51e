/* core/runtime.h: the generic operations on values that the VM, built-ins and modules share
 * (runtime.c, obj_type.c), the compile/execute entry points, and the interpreter's global state.
 * Everything here may raise (nlr) unless it says otherwise. */
#ifndef CORE_RUNTIME_H
#define CORE_RUNTIME_H

#include "core/obj.h"

/* ---- whole interpreter ---- */
typedef struct {
    size_t heap_size;      /* bytes of the GC heap */
    void *stack_top;       /* address near the top of the C stack (for GC scanning and depth) */
    size_t stack_limit;    /* bytes of C stack there are for Python (rt_init may use fewer) */
} rt_config_t;
void rt_init(const rt_config_t *cfg); /* gc, qstrs, sys, builtins, __main__ */
#define RT_MIN_HEAP 4096 /* bytes: a smaller heap is too small to start */
bool rt_try_init(const rt_config_t *cfg); /* rt_init; false if the heap is too small to start */
void rt_deinit(void);                 /* runs finalisers; frees the heap */
/* Called first by rt_deinit, while the heap is whole (the os module closes the files still open on
 * its volumes and unmounts the volumes whose device is a Python object). NULL: none. */
extern void (*rt_deinit_hook)(void);

/* The interpreter's roots: every long-lived obj_t the GC must see lives in this struct. */
typedef struct {
    obj_t sys_modules;     /* dict name -> module */
    obj_t sys_path;        /* list */
    obj_t sys_argv;        /* list */
    obj_t main_globals;    /* dict of __main__ */
    obj_t main_module;     /* the module __main__ (its globals are main_globals) */
    obj_t stop_iteration;  /* the StopIteration (with a value) that a user __next__ raised when it
                            * last ended an iteration, or OBJ_NULL: next() and yield from read it */
    obj_t builtins_dict;   /* extra/overridden builtins (dict), usually empty */
    obj_t pending_exception; /* set asynchronously (Ctrl-C); raised by the VM at the next check */
    obj_t dupterm;         /* os.dupterm stream, or OBJ_NULL */
    obj_t module_state[32];  /* free slots for modules that need a root (index owned by a module) */
} rt_state_t;
extern rt_state_t rt_state;
extern const obj_t *rt_root_start; /* = (obj_t*)&rt_state; the GC scans it */

/* ---- compile and run ---- */
typedef enum { INPUT_FILE, INPUT_SINGLE, INPUT_EVAL } input_kind_t;
/* Parses and compiles; SyntaxError (with file and line in its traceback) on bad source.
 * Returns a function object taking no arguments that runs the code with the given globals
 * (locals == globals at module level). */
obj_t rt_compile(const char *src, size_t len, qstr filename, input_kind_t kind, obj_t globals);
/* Convenience: compile and call; returns the value (INPUT_EVAL) or None. */
obj_t rt_exec_source(const char *src, size_t len, qstr filename, input_kind_t kind, obj_t globals);
/* Imports the named module (dotted), as the import statement does (fromlist: for "from x import").
 * level: 0 absolute, n for n leading dots. */
obj_t rt_import_name(qstr name, obj_t fromlist, int level);
obj_t rt_import_from(obj_t module, qstr name); /* ImportError "can't import name x" */
void rt_import_all(obj_t module, obj_t dest_globals);
obj_t rt_find_builtin_module(qstr name); /* OBJ_NULL if none */
obj_t rt_builtin_lookup(qstr name);      /* builtins namespace; OBJ_NULL if absent */
/* The built-in __build_class__(func, name, *bases) (obj_fun.c); builtins.c exposes it. */
extern const native_fun_obj_t build_class_obj;
/* The globals dict of the innermost running Python code (vm.c keeps it current on frame entry and
 * exit); rt_state.main_globals when none runs. globals(), exec/eval defaults, relative imports.
 * rt_locals_get: the class-body / exec namespace if one runs, else the same as rt_globals_get.
 * builtins.c has weak fallbacks (main_globals) until vm.c defines them. */
obj_t rt_globals_get(void);
obj_t rt_locals_get(void);

/* ---- generic operations ---- */
bool rt_is_true(obj_t o);
obj_t rt_unary_op(unary_op_t op, obj_t o);
/* Dispatch: lhs's type binary_op(op, lhs, rhs); if that gives OBJ_NULL and op is arithmetic or
 * bitwise, rhs's type binary_op(REVERSE_op, rhs, lhs) (note: self first); comparisons fall back to
 * the mirrored comparison on rhs (LESS <-> MORE ...), == / != to identity; in-place ops fall back
 * to the plain op. Else TypeError "unsupported types for __add__: 'int', 'str'". */
obj_t rt_binary_op(binary_op_t op, obj_t lhs, obj_t rhs);
bool rt_equal(obj_t a, obj_t b);            /* == with the identity fast path */
size_t rt_hash(obj_t o);                    /* TypeError "unhashable type" */
size_t rt_len(obj_t o);
obj_t rt_len_maybe(obj_t o);                /* small int or OBJ_NULL */

obj_t rt_load_attr(obj_t base, qstr attr);  /* AttributeError if absent */
obj_t rt_load_attr_maybe(obj_t base, qstr attr); /* OBJ_NULL if absent */
/* Method lookup for calls: dest[0]=function, dest[1]=self (or OBJ_NULL if not a method). */
void rt_load_method(obj_t base, qstr attr, obj_t *dest);
void rt_load_method_maybe(obj_t base, qstr attr, obj_t *dest); /* dest[0]=OBJ_NULL if absent */
void rt_store_attr(obj_t base, qstr attr, obj_t value);
void rt_delete_attr(obj_t base, qstr attr);

obj_t rt_subscr_load(obj_t base, obj_t index);
void rt_subscr_store(obj_t base, obj_t index, obj_t value);
void rt_subscr_delete(obj_t base, obj_t index);

obj_t rt_call(obj_t fun, size_t n_args, size_t n_kw, const obj_t *args);
obj_t rt_call0(obj_t fun);
obj_t rt_call1(obj_t fun, obj_t a);
obj_t rt_call2(obj_t fun, obj_t a, obj_t b);
/* Calls args[0] as a method: args = [fun, self_or_NULL, positional..., kw pairs...]. */
obj_t rt_call_method(size_t n_args, size_t n_kw, const obj_t *args);
/* f(*args, **kwargs)-style call: pos_seq may be any iterable, kw_dict a dict or OBJ_NULL. */
obj_t rt_call_ex(obj_t fun, size_t n_args, size_t n_kw, const obj_t *args, obj_t pos_seq, obj_t kw_dict);

obj_t rt_getiter(obj_t o);                  /* TypeError "'x' object isn't iterable" */
obj_t rt_getiter_buf(obj_t o, iter_buf_t *buf); /* the same, built in buf when the type can */
obj_t rt_iternext(obj_t iter);              /* OBJ_NULL when exhausted */
obj_t rt_iternext_or_raise(obj_t iter);     /* StopIteration when exhausted */
obj_t rt_identity_getiter(obj_t o);         /* getiter slot for self-iterating types */

bool rt_get_buffer(obj_t o, buffer_info_t *info, int flags); /* false if no buffer protocol */
void rt_get_buffer_or_raise(obj_t o, buffer_info_t *info, int flags);

bool rt_isinstance(obj_t o, obj_t classinfo);
bool rt_issubclass(const type_t *sub, const type_t *base);
const char *rt_type_name(obj_t o);          /* "int", "MyClass" ... */
qstr rt_type_qname(obj_t o);

/* ---- interruption and depth ---- */
void rt_check_pending(void);   /* raises rt_state.pending_exception if set (clears it) */
/* rt_stack_check: RuntimeError "maximum recursion depth exceeded" if too deep; rt_stack_check_gen:
 * the same before resuming a generator (a smaller budget). Inline compares against floors worked
 * out once (runtime.c); anything near a bound takes the slow way, which decides exactly. */
extern uintptr_t rt_stack_floor, rt_stack_gen_floor;
extern size_t rt_stack_c_budget;
/* The C stack address of the innermost running Python frame (vm_execute sets it and restores the
 * caller's on every way out); rt_stack_check gives C recursion below it a smaller budget. */
extern uintptr_t rt_stack_py_base;
void rt_stack_check_slow(void);
void rt_stack_check_gen_slow(void);
static inline bool rt_stack_c_deep(uintptr_t sp) { return rt_stack_py_base > sp && rt_stack_py_base - sp > rt_stack_c_budget; }
static inline void rt_stack_check(void) {
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (__builtin_expect(sp < rt_stack_floor || rt_stack_c_deep(sp), 0)) {
        rt_stack_check_slow();
    }
}
static inline void rt_stack_check_gen(void) {
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (__builtin_expect(sp < rt_stack_gen_floor || rt_stack_c_deep(sp), 0)) {
        rt_stack_check_gen_slow();
    }
}
void rt_keyboard_interrupt(void); /* schedule KeyboardInterrupt (async-signal safe) */
/* module_state[slot] as a list of n slots (made of n Nones the first time): a module's table of
 * objects kept alive by the GC. */
obj_t *rt_module_state_slots(size_t slot, size_t n);
/* Bounds for rt_stack_check (rt_init calls it with rt_config_t's stack_top/stack_limit). Until it
 * is called, the first rt_stack_check takes its own frame as the top and a 256 KiB limit. */
void rt_set_stack_limits(void *stack_top, size_t stack_limit);
/* Set by the port (WIPY_DIS=1 in script mode): every compiled module's bytecode is dumped. */
extern bool rt_dump_bytecode;
/* micropython.opt_level(): read by the compiler for each new compilation. 0: as written; >= 1: `assert`
 * compiles to nothing and `__debug__` is False; >= 3: no line numbers are kept (tracebacks say line 1).
 * rt_init sets it back to 0. */
extern int rt_opt_level;

#endif
