/* firmware/repl_exec.c: compile-and-run for the REPLs. The interrupt character is enabled only
 * while user code runs, so Ctrl-C typed at a prompt edits the line instead of raising. */
#include "firmware/repl_exec.h"

#include "core/nlr.h"
#include "core/port.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "firmware/repl.h"
#include "firmware/repl_io.h"

static void print_to_port(void *data, const char *s, size_t len) { port_write(s, len); }
static const print_t port_print = {NULL, print_to_port};

bool repl_exec_raw(const char *src, size_t len, int *exit_status) {
    volatile bool soft_reset = false;
    if (repl_before_exec != NULL) {
        repl_before_exec();
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t fun = rt_compile(src, len, QSTR__lt_stdin_gt_, INPUT_FILE, rt_state.main_globals);
        replio_set_interrupt_char(3);
        rt_call0(fun);
        replio_set_interrupt_char(-1);
        nlr_pop();
        port_write("\x04", 1);
    } else {
        replio_set_interrupt_char(-1);
        rt_state.pending_exception = OBJ_NULL;
        port_write("\x04", 1);
        obj_t exc = nlr.value;
        if (exc_is_instance(exc, &type_SystemExit)) {
            soft_reset = true;
            *exit_status = repl_exit_status_of(exc, false);
        } else {
            exc_print(&port_print, exc);
        }
    }
    port_write("\x04", 1);
    if (repl_after_exec != NULL) {
        repl_after_exec();
    }
    return soft_reset;
}
