/* firmware/repl_raw.h: the raw REPL and raw-paste mode (spec §9), byte for byte what
 * MicroPython's pyboard.py, mpremote and run-tests.py expect. */
#ifndef FIRMWARE_REPL_RAW_H
#define FIRMWARE_REPL_RAW_H

typedef enum {
    REPL_RAW_TO_FRIENDLY, /* Ctrl-B: back to the friendly REPL */
    REPL_RAW_SOFT_RESET,  /* Ctrl-D on an empty line, or SystemExit: soft reset wanted */
    REPL_RAW_EOF,         /* no input can arrive any more */
} repl_raw_result_t;

/* Runs the raw REPL from its banner until one of the results above. */
repl_raw_result_t repl_raw_run(void);
/* After REPL_RAW_SOFT_RESET caused by SystemExit: its exit status (0 otherwise). */
int repl_raw_exit_status(void);

#endif
