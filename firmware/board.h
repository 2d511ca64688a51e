/* firmware/board.h: board mode (spec §1): the WiPy powered on from a state directory, with the
 * boot sequence, the REPL on the terminal (UART0) and telnet, and soft/hard resets.
 * The parts: board_main.c (options, state, the reset loop), board_boot.c (one boot: /flash,
 * sys.path, boot.py, main.py), board_port.c (the port hooks: REPL streams, poll, delays),
 * board_console.c (the terminal as UART0's wire, os.dupterm). */
#ifndef FIRMWARE_BOARD_H
#define FIRMWARE_BOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/obj.h"
#include "storage/blockdev.h"

/* The executable's entry for board options; returns the exit status (2: bad options or a port
 * that can't be bound). Runs on the interpreter thread with these stack bounds. */
int board_main(int argc, char **argv, void *stack_top, size_t stack_limit);

/* Ends the program as pulling the plug would, but with /flash written out and the terminal
 * restored (Ctrl-\ on the terminal). */
void board_power_off(void);

/* A hard fault: what can't be handled (an exception with no handler, a fatal error of the port,
 * /flash that can't be mounted). As on the WiPy the LED stays on and one line says so on the
 * console; /flash is written out and the process waits, its servers alive, for Ctrl-\ (power
 * off) or board_reset_from_outside(). Never returns. */
NORETURN void board_hard_fault(const char *msg);
/* The LED "solid on" of a hard fault: set by the board's LED model (NULL: no LED yet). */
extern void (*board_fault_led_hook)(void);
/* A reset asked from outside the Python side (the control interface): a hard reset. */
void board_reset_from_outside(void);

/* board_port.c */
void board_port_install(void);

/* board_console.c */
void board_console_start(void);
void board_console_detach(void);          /* soft reset: the dupterm stream is dropped */
obj_t board_dupterm(size_t n_args, const obj_t *args); /* os.dupterm in board mode */

/* board_boot.c: mounts /flash (first-boot files), sets sys.path, runs boot.py and (unless
 * skip_main) the main file. Returns false when they asked for a soft reset (SystemExit). A
 * /flash that can't be mounted or formatted is fatal (returns -1 through *fatal). */
bool board_boot(const bdev_t *flash, bool skip_main, bool *fatal);

#endif
