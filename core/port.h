/* core/port.h: the one interface through which the language core reaches the world.
 * The firmware (board mode) and the script-mode main each provide these functions; core/ calls
 * nothing else outside itself and libc's memory/string functions. */
#ifndef CORE_PORT_H
#define CORE_PORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/obj.h"

/* Output of print() and the REPL (stdout in script mode, all REPL streams in board mode). */
void port_write(const char *s, size_t len);
void port_write_err(const char *s, size_t len); /* tracebacks in script mode (stderr) */
/* Blocks (running the event loop in board mode) until a byte arrives; -1 at end of input. */
int port_read_byte(void);
/* input(): one line without its end into out (already initialised); false at end of input with
 * nothing read. Script mode reads bytes up to "\n"; the board edits the line with echo. */
bool port_read_line(vstr_t *out);
uint64_t port_ticks_us(void); /* monotonic microseconds */
/* Called by the VM every few hundred bytecodes: cheap; may run the event loop and may call
 * rt_keyboard_interrupt(). */
void port_poll(void);

/* Files for import and open() in script mode / the VFS in board mode. */
typedef enum { PORT_STAT_NONE = 0, PORT_STAT_FILE = 1, PORT_STAT_DIR = 2 } port_stat_t;
port_stat_t port_stat(const char *path);
/* Reads a whole file into a malloc'd buffer (caller frees with free()); NULL if unreadable. */
char *port_read_file(const char *path, size_t *len);

NORETURN void port_fatal(const char *msg);

/* The board's identity, given by the firmware (firmware/identity.c, firmware/version.c): the
 * machine's name (sys.implementation._machine, os.uname().machine, the banner), the firmware
 * version, and what help() prints. */
extern const char port_machine[];
extern const char port_version[];
extern const char port_help_text[];

/* Writes out what stdout holds buffered (script mode buffers it when it isn't a terminal; board
 * mode holds nothing): sys.stdout.flush(), and before the program waits or sleeps. */
void port_flush(void);

/* Time (host/clock.c in script mode): the RTC in seconds since 2000-01-01 (settable), and a
 * delay that keeps polling (Ctrl-C raises KeyboardInterrupt from it via rt_check_pending). */
int64_t port_rtc_seconds(void);
void port_rtc_set_seconds(int64_t secs);
void port_delay_us(uint64_t us);

/* Waits up to timeout_ms (-1: no limit) for events on host file descriptors, with poll(2)'s
 * event bits (POLLIN 1, POLLOUT 4, POLLERR 8, POLLHUP 16), polling Ctrl-C meanwhile and, on the
 * board, serving the event loop (host/fdpoll.c). Returns how many descriptors have events
 * (revents[i] gets each one's events), or a negative errno (-EINVAL: more than the host allows). */
int port_poll_fds(const int *fds, const uint16_t *events, uint16_t *revents, size_t n, int timeout_ms);

/* Whether [p, p + n) lies inside the program's own loaded image (host/image.c), where the static
 * objects (types, None, built-in functions) live: memory there can be read without faulting. */
bool port_in_image(const void *p, size_t n);

#endif
