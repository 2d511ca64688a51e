/* core/vm.h: the bytecode interpreter's frames and the function/cell/generator objects it runs.
 * A frame's state[] holds n_locals fast locals followed by the value stack, then the handler
 * blocks. Frames of plain calls live on the C stack (alloca); generator frames live inside the
 * generator object on the GC heap. Unbound locals hold OBJ_NULL. */
#ifndef CORE_VM_H
#define CORE_VM_H

#include "core/bytecode.h"
#include "core/obj.h"

typedef struct {
    uint32_t handler; /* code offset of the handler */
    uint32_t depth;   /* value-stack depth to restore (items above the locals) */
} vm_block_t;

#define VM_STATUS_RETURN 0
#define VM_STATUS_YIELD 1
#define VM_STATUS_RAISED 2 /* an exception left the frame (generators are then finished) */

typedef struct vm_frame {
    const code_obj_t *code;
    obj_t globals;     /* dict */
    obj_t locals_dict; /* class body namespace, else OBJ_NULL */
    const uint32_t *ip;
    obj_t *sp;         /* last pushed item (state + n_locals - 1 when empty) */
    vm_block_t *blocks;
    uint16_t n_blocks;
    uint8_t status;    /* VM_STATUS_* after vm_execute returns */
    obj_t entry_globals_override; /* import_current_globals() when the frame was (re)entered */
    obj_t state[];
} vm_frame_t;

static inline size_t vm_frame_size(const code_obj_t *c) {
    return sizeof(vm_frame_t) + sizeof(obj_t) * ((size_t)c->n_locals + c->stack_size) +
           sizeof(vm_block_t) * c->n_blocks;
}
/* Sets up an all-zero frame of the right size for code. */
void vm_frame_init(vm_frame_t *f, const code_obj_t *code, obj_t globals);
/* Runs (or resumes) the frame. throw_exc: raise this at the current point first (generators).
 * Returns the returned or yielded value (f->status says which); exceptions propagate. */
obj_t vm_execute(vm_frame_t *f, obj_t throw_exc);

/* ---- cells ---- */
typedef struct {
    obj_base_t base; /* &cell_type */
    obj_t value;     /* OBJ_NULL when empty */
} cell_obj_t;
obj_t cell_new(obj_t value);

/* ---- byte-code functions (obj_fun.c); closures are folded in (closure tuple) ---- */
typedef struct {
    obj_base_t base; /* &fun_bc_type */
    const code_obj_t *code;
    obj_t globals;    /* dict */
    obj_t defaults;   /* tuple or OBJ_NULL */
    obj_t kwdefaults; /* dict or OBJ_NULL */
    obj_t closure;    /* tuple of cells or OBJ_NULL */
} fun_bc_obj_t;
obj_t fun_bc_new(const code_obj_t *code, obj_t globals, obj_t defaults, obj_t kwdefaults, obj_t closure);
/* Binds (n_args, n_kw, args) into the frame's locals (TypeError on mismatch) and makes cells. */
void fun_bc_bind_args(vm_frame_t *f, const fun_bc_obj_t *fun, size_t n_args, size_t n_kw, const obj_t *args);
obj_t fun_bc_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args);
/* Runs a class body function with `ns` as its namespace; returns the __class__ cell or None. */
obj_t fun_bc_call_class_body(obj_t fun, obj_t ns);

/* ---- generators (obj_gen.c) ---- */
obj_t gen_new(const fun_bc_obj_t *fun, size_t n_args, size_t n_kw, const obj_t *args);
/* Resumes: send value (OBJ_NONE for next()) or throw exc (then send is ignored).
 * Returns the yielded value with *done=false, or the return value with *done=true. */
obj_t gen_resume(obj_t gen, obj_t send, obj_t throw_exc, bool *done);

/* Set by RERAISE-like paths so the catching frame doesn't add a traceback entry again. */
extern bool vm_reraising;
/* The exception most recently caught by an except handler (for a bare raise elsewhere). */
extern obj_t vm_last_handled;

#endif
