/* core/nlr.c: non-local return (the C side of Python exceptions) and rt_raise.
 * Invariant: nlr_top is the innermost active nlr_push mark; nlr_jump pops it before jumping, so
 * a handler that re-raises jumps to the next outer mark. */
#include "core/nlr.h"
#include "core/port.h"
#include "core/runtime.h"

nlr_buf_t *nlr_top = NULL;

NORETURN void nlr_jump(obj_t value) {
    nlr_buf_t *top = nlr_top;
    if (top == NULL) {
        nlr_jump_fail(value);
    }
    top->value = value;
    nlr_top = top->prev;
    _longjmp(top->jb, 1);
}

NORETURN void nlr_jump_fail(obj_t value) {
    (void)value;
    port_fatal("uncaught exception with no handler (nlr_jump_fail)");
}

NORETURN void rt_raise(obj_t exc) {
    if (obj_is_type(exc, &type_type)) {
        const type_t *t = (const type_t *)OBJ_TO_PTR(exc);
        if (t->flags & TYPE_FLAG_EXCEPTION) {
            exc = rt_call(exc, 0, 0, NULL);
        }
    }
    if (!obj_is_ptr(exc) || !(obj_type(exc)->flags & TYPE_FLAG_EXCEPTION)) {
        exc = exc_new_msg(&type_TypeError, "exceptions must derive from BaseException");
    }
    nlr_jump(exc);
}
