/* firmware/board_uart_host.h: a board UART exposed to the host (issue 10): `--uart0 SPEC`,
 * `--uart1 SPEC` or the board file's "uart" section ({"0": "pty", "1": "tcp:127.0.0.1:0"}), SPEC
 * being pty, tcp:PORT, tcp:ADDR:PORT or none. The UART's TX goes to the pty or TCP peer and the
 * peer's bytes arrive on its RX (into the 256-byte ring, or the REPL while it is the dupterm
 * stream); an exposed UART0 replaces the terminal as its wire. The command line wins over the
 * board file. */
#ifndef FIRMWARE_BOARD_UART_HOST_H
#define FIRMWARE_BOARD_UART_HOST_H

#include <stdbool.h>
#include <stddef.h>

/* --uartN SPEC; false with a one-line message in err. */
bool board_uart_host_option(int id, const char *spec, char *err, size_t errlen);
/* The board file's "uart" section (after board/boardfile.c applied the file); 0, or -1 said on
 * stderr. */
int board_uart_host_apply(const char *board_file);
/* Opens the ptys and listening sockets; 0, or 2 with one line on stderr. */
int board_uart_host_start(void);
/* One line per exposed UART on the terminal: "UART0 on /dev/pts/5 (pty)",
 * "UART1 on 127.0.0.1:40123 (tcp)". */
void board_uart_host_announce(void);
bool board_uart_host_exposed(int id);
/* A reset executes the program again: the links go on (the pty keeps its path and its tool, the
 * TCP port its number and its client). The value of the internal --uart-handover to give the new
 * program ("0:FD,1:LFD/CFD"; NULL: nothing exposed), and its taking back (false with a message). */
const char *board_uart_host_handover(void);
bool board_uart_host_take_handover(const char *val, char *err, size_t errlen);
void board_uart_host_stop(void);

#endif
