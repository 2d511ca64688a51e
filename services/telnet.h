/* services/telnet.h: the telnet server of the board (spec §10): one logged-in client whose
 * session is a REPL stream; a second client is told so and closed. */
#ifndef SERVICES_TELNET_H
#define SERVICES_TELNET_H

#include <stdbool.h>

/* Starts listening; returns 0 or an errno value (e.g. EACCES for port 23 without privileges). */
int telnet_start(const char *bind_addr, int port, const char *banner);
/* network.Server.init: starts again with the address, port and banner of the last telnet_start
 * if it was stopped; if running, keeps the session (the new settings apply from now on). Does
 * nothing (returns 0) if telnet_start was never called, as in script mode. */
int telnet_restart(void);
void telnet_stop(void);           /* closes the session and the listening socket */
void telnet_close_session(void);  /* e.g. on a WLAN reconnect */
bool telnet_is_running(void);
int telnet_port(void);            /* the port listened on (useful with port 0) */

#endif
