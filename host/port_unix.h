/* host/port_unix.h: the script-mode host port's extras beyond core/port.h: start-up (signals),
 * the stdout buffer, and the terminal's raw mode for the REPL (terminal.c).
 * Invariant: while the terminal is raw, every "\n" written goes out as "\r\n". */
#ifndef HOST_PORT_UNIX_H
#define HOST_PORT_UNIX_H

#include <stdbool.h>

void port_unix_init(void);  /* SIGINT handler; stdout buffering mode */
void port_flush(void);      /* writes out buffered stdout */
bool port_stdin_is_tty(void);

/* terminal.c */
bool terminal_raw_on(void); /* false if stdin isn't a terminal */
void terminal_raw_off(void);
bool terminal_is_raw(void);

#endif
