/* firmware/repl_exec.h: running one piece of REPL input: compile, execute, report. Shared by the
 * friendly, paste and raw REPLs and by boot.py/main.py. */
#ifndef FIRMWARE_REPL_EXEC_H
#define FIRMWARE_REPL_EXEC_H

#include <stdbool.h>
#include <stddef.h>

#include "core/obj.h"
#include "core/runtime.h"

/* Runs job(arg) with Ctrl-C live (the REPL streams' interrupt character raises KeyboardInterrupt);
 * returns the exception it raised, or OBJ_NULL. */
obj_t repl_exec_guarded(void (*job)(const void *arg), const void *arg);
/* Prints an exception's traceback; an exception raised while printing it (a __str__ that
 * raises, no memory) is caught and said in one line. */
void repl_print_exception(const print_t *p, obj_t exc);
/* Compiles and runs REPL input in __main__ that way. */
obj_t repl_exec_source(const char *src, size_t len, input_kind_t kind);

/* Raw-REPL execution: the program's output, \x04, the traceback (if any), \x04. Returns true
 * when the code raised SystemExit (a soft reset on the board; *exit_status gets its status).
 * Ctrl-C is live while the code runs. */
bool repl_exec_raw(const char *src, size_t len, int *exit_status);

#endif
