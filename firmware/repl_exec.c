/* firmware/repl_exec.c: compile-and-run for the REPLs. The interrupt character is enabled only
 * while user code runs, so Ctrl-C typed at a prompt edits the line instead of raising. */
#include "firmware/repl_exec.h"

#include "core/gc.h"
#include "core/nlr.h"
#include "core/port.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "firmware/repl.h"
#include "firmware/repl_io.h"

static void print_to_port(void *data, const char *s, size_t len) { port_write(s, len); }
static const print_t port_print = {NULL, print_to_port};

/* The heap lock is put back as it was: code that raised (or ended) with the heap locked by
 * micropython.heap_lock() must not leave the REPL unable to allocate. */
obj_t repl_exec_guarded(void (*job)(const void *arg), const void *arg) {
    int lock_depth = gc_lock_depth();
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        replio_set_interrupt_char(3);
        job(arg);
        replio_set_interrupt_char(-1);
        nlr_pop();
        gc_set_lock_depth(lock_depth);
        return OBJ_NULL;
    }
    gc_set_lock_depth(lock_depth);
    replio_set_interrupt_char(-1);
    rt_state.pending_exception = OBJ_NULL; /* a Ctrl-C that came too late to matter */
    return nlr.value;
}

void repl_print_exception(const print_t *p, obj_t exc) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        exc_print(p, exc);
        nlr_pop();
        return;
    }
    print_str(p, "\n(an exception was raised while printing the one before)\n");
}

typedef struct {
    const char *src;
    size_t len;
    input_kind_t kind;
} repl_source_t;

static void repl_exec_source_job(const void *arg) {
    const repl_source_t *s = (const repl_source_t *)arg;
    rt_exec_source(s->src, s->len, QSTR__lt_stdin_gt_, s->kind, rt_state.main_globals);
}

obj_t repl_exec_source(const char *src, size_t len, input_kind_t kind) {
    repl_source_t s = {src, len, kind};
    return repl_exec_guarded(repl_exec_source_job, &s);
}

bool repl_exec_raw(const char *src, size_t len, int *exit_status) {
    if (repl_before_exec != NULL) {
        repl_before_exec();
    }
    obj_t exc = repl_exec_source(src, len, INPUT_FILE);
    port_write("\x04", 1);
    bool soft_reset = false;
    if (exc != OBJ_NULL) {
        if (exc_is_instance(exc, &type_SystemExit)) {
            soft_reset = true;
            *exit_status = repl_exit_status_of(exc, false);
        } else {
            repl_print_exception(&port_print, exc);
        }
    }
    port_write("\x04", 1);
    if (repl_after_exec != NULL) {
        repl_after_exec();
    }
    return soft_reset;
}
