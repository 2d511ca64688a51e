/* firmware/board.h: board mode (spec §1): the WiPy powered on from a state directory, with the
 * boot sequence, the REPL on the terminal (UART0) and telnet, and soft/hard resets.
 * The parts: board_main.c (options, state, the reset loop), board_boot.c (one boot: /flash,
 * sys.path, boot.py, main.py), board_port.c (the port hooks: REPL streams, poll, delays),
 * board_console.c (the terminal as UART0's wire, os.dupterm). */
#ifndef FIRMWARE_BOARD_H
#define FIRMWARE_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/obj.h"
#include "storage/blockdev.h"

/* The executable's entry for board options; returns the exit status (2: bad options or a port
 * that can't be bound). Runs on the interpreter thread with these stack bounds. */
int board_main(int argc, char **argv, void *stack_top, size_t stack_limit);

/* Ends the program as pulling the plug would, but with /flash written out and the terminal
 * restored (Ctrl-\ on the terminal). */
void board_power_off(void);

/* Safe boot (spec §12): boot.py and main.py are skipped for the life of this process. */
extern bool board_safe_boot;
/* A hard fault: what can't be handled (an exception with no handler, a fatal error of the port,
 * /flash that can't be mounted). As on the WiPy the LED stays on and one line says so on the
 * console; /flash is written out and the process waits, its servers alive, for Ctrl-\ (power
 * off) or a reset or power cycle from the control interface. Never returns. */
NORETURN void board_hard_fault(const char *msg);

/* board_port.c */
void board_port_install(void);
/* Waits, running the event loop, board timers and (if asked) irq handlers, until done() (may be
 * NULL) or the board clock reaches until_ns (CLOCK_NEVER: no limit). Ctrl-C raises from it. */
void board_wait(uint64_t until_ns, bool (*done)(void), bool service_irqs);
void board_wait_input(void); /* until the REPL queue has a byte */

/* board_file.c: applies --board FILE (0), or says what is wrong on stderr (-1). */
int board_file_load(const char *path);

/* board_bus_devices.c (issue 10): the board file's devices on every bus ("i2c", "spi" sections;
 * 0, or -1 said on stderr), and their persistent memory in the state directory as <bus>-<id>.bin
 * (loaded now, saved whenever the model says it changed). */
int board_bus_devices_apply(const char *board_file);
void board_bus_devices_state(const char *state_dir);
/* board_sd.c (issue 10): the board file's "sd" section checked (0, or -1 said on stderr), and
 * the card put in the slot at start (--sd IMAGE wins over the board file; after a reset the slot
 * is as the last program left it). 0, or 2 with one line on stderr. */
int board_sd_apply(const char *board_file);
int board_sd_start(const char *state_dir, const char *sd_opt, bool after_reset);
/* board_devmem.c: a device's memory in a state file: loaded (false: no file of that size), and
 * saved (all of it when `whole` or the range is bad, else [off, off+n) in place). */
bool board_devmem_load(const char *path, uint8_t *mem, size_t len);
void board_devmem_save(const char *path, const uint8_t *mem, size_t len, size_t off, size_t n, bool whole);
/* board_rtc.c (issue 10): the RTC (and the watchdog, stopped) at start, the RTC from the state
 * directory; saved at a reset or power-off (keep false: a power cycle forgets it). */
void board_rtc_load(const char *state_dir);
void board_rtc_save(bool keep);

/* board_main.c: carries out a pending reset / power request of board/power.h (from the outside,
 * a watchdog...); returns if there is none or it is a soft reset (raised as SystemExit later). */
void board_power_requests(void);

/* board_console.c */
void board_console_start(void);
void board_console_detach(void);          /* soft reset: the dupterm stream is dropped */
obj_t board_dupterm(size_t n_args, const obj_t *args); /* os.dupterm in board mode */
bool board_console_is_repl(void);         /* UART0 (the terminal) is the dupterm stream */
void board_console_say_if_not_repl(void); /* after boot: one line on the terminal if it isn't */

/* board_boot.c: mounts /flash (first-boot files), sets sys.path, runs boot.py and (unless
 * skip_main) the main file. Returns false when they asked for a soft reset (SystemExit). A
 * /flash that can't be mounted or formatted is fatal (returns -1 through *fatal). */
bool board_boot(const bdev_t *flash, bool skip_main, bool *fatal);

#endif
