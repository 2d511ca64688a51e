/* host/port_unix.h: the script-mode host port's extras beyond core/port.h: start-up (signals),
 * the stdout buffer, and the terminal's raw mode for the REPL (terminal.c).
 * Invariant: while the terminal is raw, every "\n" written goes out as "\r\n". */
#ifndef HOST_PORT_UNIX_H
#define HOST_PORT_UNIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/obj.h"

void port_unix_init(void);  /* SIGINT handler; stdout buffering mode */
/* Script mode (no hooks installed): what port_poll also runs, every few hundred bytecodes and in
 * delays: the firmware's IRQ and micropython.schedule queue (NULL: nothing). Board mode's poll hook
 * does this itself. */
extern void (*port_script_service)(void);
bool port_stdin_is_tty(void);

/* Board mode replaces where the REPL's bytes go and what the poll hook and delays do: with hooks
 * set, port_write/port_write_err/port_read_byte/port_read_line/port_poll/port_delay_us call them (the SIGINT flag
 * is still checked first by port_poll). NULL restores script mode. With a fatal hook, port_fatal
 * calls it instead of ending the process. */
typedef struct {
    void (*write)(const char *s, size_t len);
    int (*read_byte)(void);
    bool (*read_line)(vstr_t *out);
    void (*poll)(void);
    void (*delay_us)(uint64_t us);
    void (*fatal)(const char *msg); /* must not return (board mode: the hard fault); may be NULL */
    uint64_t (*ticks_us)(void);    /* port_ticks_us: the board's clock (NULL: the host's) */
    int64_t (*rtc_base)(void);     /* RTC seconds before port_rtc_set_seconds' offset (NULL: host) */
    bool (*input_ready)(void);     /* REPL input is waiting (select.poll on sys.stdin) */
    /* port_poll_fds on the board: the board's wait (its clock, irqs, power requests) with host
     * descriptors in the same poll; NULL: host/fdpoll.c's own loop */
    int (*wait_fds)(const int *fds, const uint16_t *events, uint16_t *revents, size_t n, int timeout_ms);
} port_hooks_t;
void port_set_hooks(const port_hooks_t *hooks);
const port_hooks_t *port_get_hooks(void);
/* Readiness of the standard streams for select.poll (poll bits of `events`): stdin is the REPL's
 * input on the board, fd 0 in script mode; stdout and stderr are always writable. */
int port_stdio_ready(int fd, int events);

/* clock.c: the host's monotonic clock in ns (what the board's clock follows in real mode) */
uint64_t host_monotonic_ns(void);

/* terminal.c */
bool terminal_raw_on(void); /* false if stdin isn't a terminal */
void terminal_raw_off(void);
bool terminal_is_raw(void);
/* The terminal as the board's UART0 wire: bytes from stdin (0 at end of input, -1 with errno) and
 * bytes to stdout (all of them, retrying on EINTR; dropped if stdout is closed). */
ssize_t terminal_read(void *buf, size_t n);
void terminal_write(const void *buf, size_t n);

#endif
