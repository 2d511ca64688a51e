/* firmware/board_outside.h: the outside's view of board mode: the control server (--control
 * ADDR:PORT, services/control.h) and the VCD trace file (--vcd FILE, services/trace_file.h),
 * started with the board and closed when it powers off. */
#ifndef FIRMWARE_BOARD_OUTSIDE_H
#define FIRMWARE_BOARD_OUTSIDE_H

#include <stdbool.h>

typedef struct {
    const char *control; /* "ADDR:PORT", "PORT" (loopback) or NULL: no control server */
    const char *vcd;     /* trace file, or NULL */
    const char *handover; /* internal --handover: what the last program passed on at a reset */
} board_outside_opts_t;

/* Checks an --control value; returns false with a message in err. */
bool board_outside_check_control(const char *spec, char *err, int errlen);
/* Starts what the options ask for (before the bootloader watches GP28, so the outside sees and
 * drives the reset). Returns 0, or 2 (a message on stderr) when the port can't be bound or the
 * trace file can't be opened. */
int board_outside_start(const board_outside_opts_t *o);
/* Prints "Control on ADDR:PORT" on the terminal (the image that boots, once). */
void board_outside_announce(void);
/* Power off: the trace file completed, the clients told nothing more comes. */
void board_outside_stop(void);
/* A reset is about to execute the program again: the value of --handover to give it (the
 * control sockets, the outside's drives and the trace file survive the exec). */
const char *board_outside_handover(void);

#endif
