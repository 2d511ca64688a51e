/* core/nlr.h: non-local return, the mechanism behind Python exceptions in C code.
 * nlr_push() marks a point (returns 0), nlr_raise() jumps back to the innermost mark (which then
 * returns non-zero with buf.value set to the exception). Every nlr_push must be matched by
 * nlr_pop() on the normal path; the raise path pops itself. */
#ifndef CORE_NLR_H
#define CORE_NLR_H

#include <setjmp.h>

#include "core/obj.h"

typedef struct nlr_buf {
    struct nlr_buf *prev;
    obj_t value; /* the raised exception */
    jmp_buf jb;
} nlr_buf_t;

extern nlr_buf_t *nlr_top;

#define nlr_push(buf) ((buf)->prev = nlr_top, nlr_top = (buf), _setjmp((buf)->jb))
static inline void nlr_pop(void) { nlr_top = nlr_top->prev; }
NORETURN void nlr_jump(obj_t value);          /* nlr.c: pops the innermost mark and longjmps */
NORETURN void nlr_jump_fail(obj_t value);     /* no mark at all: fatal */

#endif
