/* firmware/repl_raw.h: the raw REPL and raw-paste mode (spec §9), byte for byte what
 * MicroPython's pyboard.py, mpremote and run-tests.py expect. */
#ifndef FIRMWARE_REPL_RAW_H
#define FIRMWARE_REPL_RAW_H

#include <stdint.h>

typedef enum {
    REPL_RAW_TO_FRIENDLY, /* Ctrl-B: back to the friendly REPL */
    REPL_RAW_SOFT_RESET,  /* Ctrl-D on an empty line, or SystemExit: soft reset wanted */
    REPL_RAW_EOF,         /* no input can arrive any more */
} repl_raw_result_t;

/* The raw-paste window announced after "R\x01" (2 bytes, little endian). 128, as MicroPython's
 * ports do, except on the board: there the REPL may be a telnet session, and Python's telnetlib
 * (so pyboard.py and run-tests.py) silently drops NUL and DC1 bytes from what it receives, so the
 * 128 = "\x80\x00" arrives as one byte and the client hangs. The board announces 257 = "\x01\x01",
 * the smallest window whose two bytes survive telnetlib; clients take any window. */
#define REPL_RAW_WINDOW_DEFAULT 128
#define REPL_RAW_WINDOW_TELNET 257
void repl_raw_set_paste_window(uint16_t window);

/* Runs the raw REPL from its banner until one of the results above. */
repl_raw_result_t repl_raw_run(void);
/* After REPL_RAW_SOFT_RESET caused by SystemExit: its exit status (0 otherwise). */
int repl_raw_exit_status(void);

#endif
