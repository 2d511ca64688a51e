/* firmware/repl.h: the REPL (friendly with auto-indent, history and completion; paste mode;
 * raw REPL) over the port byte stream, usable on the terminal and later over telnet.
 * Invariant: Python runs with the interpreter's __main__ globals; the REPL keeps no Python
 * objects between lines outside them. */
#ifndef FIRMWARE_REPL_H
#define FIRMWARE_REPL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/obj.h"

/* The most a statement (friendly REPL) or a paste (paste mode) may hold; more is refused with a
 * line saying so. The raw REPL's bound is the heap (firmware/repl_raw.c). */
#define REPL_INPUT_MAX 65536

/* The banner line pair ("MicroPython ... on DATE; WiPy with CC3200" / "Type "help()" ..."). */
void repl_print_banner(void);
/* The first banner line alone, without line end (the telnet server greets with it). */
void repl_banner_line(char *buf, size_t cap);
/* Why a REPL session ended: Ctrl-D at an empty friendly prompt, a soft reset asked in the raw
 * REPL (Ctrl-D on an empty buffer, or SystemExit there), SystemExit from friendly/paste input
 * (the board soft-resets; script mode exits), or no input can come any more. */
typedef enum { REPL_END_CTRL_D, REPL_END_RAW_RESET, REPL_END_EXIT, REPL_END_EOF } repl_end_t;
/* Runs the REPL, starting in the raw REPL when raw (after a soft reset asked from it), until it
 * ends; *status gets a SystemExit's exit status (0 otherwise). */
repl_end_t repl_session(bool raw, int *status);

/* Runs the friendly REPL until Ctrl-D on an empty line (returns 0) or sys.exit(n) (returns n;
 * *exited set). */
int repl_friendly(bool *exited);

/* Hooks the host port provides around running code (terminal modes); may be left NULL. */
extern void (*repl_before_exec)(void);
extern void (*repl_after_exec)(void);

/* Runs an uncaught exception's policy: SystemExit -> its status (printing a non-int value),
 * anything else -> traceback on `err` and status 1. */
int repl_exit_status_of(obj_t exc, bool to_stderr);

#endif
