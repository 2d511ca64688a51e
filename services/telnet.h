/* services/telnet.h: the telnet server of the board (spec §10): one logged-in client whose
 * session is a REPL stream; a second client is told so and closed. */
#ifndef SERVICES_TELNET_H
#define SERVICES_TELNET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What the server needs of the REPL, given by firmware/ (the service includes nothing above it). */
typedef void (*telnet_write_fn_t)(void *ctx, const char *data, size_t len);
typedef struct {
    void (*input)(const uint8_t *data, size_t len);        /* what the logged-in client types */
    int (*add_sink)(telnet_write_fn_t fn, void *ctx);      /* REPL output to the client: id > 0, 0 if full */
    void (*remove_sink)(int id);
    void (*redraw)(telnet_write_fn_t fn, void *ctx);       /* the prompt and line being edited, if any */
    void (*opened)(void);                                  /* a client is connected / has gone */
    void (*closed)(void);
    void (*notice)(const char *line);                      /* a line for the console ("\r\n" ended) */
} telnet_repl_t;
/* Sets the REPL the sessions talk to; before telnet_start. */
void telnet_set_repl(const telnet_repl_t *repl);

/* Starts listening; returns 0 or an errno value (e.g. EACCES for port 23 without privileges). */
int telnet_start(const char *bind_addr, int port, const char *banner);
/* network.Server.init: starts again with the address, port and banner of the last telnet_start
 * if it was stopped; if running, keeps the session (the new settings apply from now on). Does
 * nothing (returns 0) if telnet_start was never called, as in script mode. */
int telnet_restart(void);
/* Says "Telnet server on ADDR:PORT" on the console (telnet_start doesn't: the board says it
 * once it can run; telnet_restart does when it listens again). */
void telnet_announce(void);
/* Closes the session and the listening socket; "Telnet server stopped" on the console if it had
 * been announced. */
void telnet_stop(void);
void telnet_close_session(void);  /* e.g. on a WLAN reconnect */
bool telnet_is_running(void);
int telnet_port(void);            /* the port listened on (useful with port 0) */

#endif
