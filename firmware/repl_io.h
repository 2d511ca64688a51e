/* firmware/repl_io.h: the board's REPL streams. Sources of REPL input (the terminal, the telnet
 * session) push bytes into one queue; output goes to every registered sink. While the interrupt
 * character is enabled (Python code is running), it raises KeyboardInterrupt instead of queueing. */
#ifndef FIRMWARE_REPL_IO_H
#define FIRMWARE_REPL_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void (*replio_write_fn_t)(void *ctx, const char *data, size_t len);

void replio_push_input(const uint8_t *data, size_t len);
bool replio_has_input(void);
/* Next input byte; runs the event loop until one arrives. -1 once no source can ever deliver one. */
int replio_read_byte(void);
/* A stream that will deliver input later (keeps replio_read_byte waiting); sources_open counts them. */
void replio_source_opened(void);
void replio_source_closed(void);

int replio_add_sink(replio_write_fn_t fn, void *ctx); /* id > 0, or 0 if the table is full */
void replio_remove_sink(int id);
void replio_write(const char *data, size_t len);

/* Writes the REPL's current prompt and partial line to one sink only (a stream that just joined,
 * such as a telnet session after login). The REPL provides it; the default writes ">>> ". */
void replio_redraw(replio_write_fn_t fn, void *ctx);

void replio_set_interrupt_char(int c); /* -1 disables */
int replio_interrupt_char(void);

#endif
