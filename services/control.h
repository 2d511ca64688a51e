/* services/control.h: the control interface (docs/control-protocol.md): a TCP server on the board's
 * event loop speaking newline-delimited JSON, through which the outside reads and drives the
 * simulated board and subscribes to its events. Several clients at once; none can stop the board.
 * control.c holds the server (clients, lines, replies, events); control_cmd.c the commands. */
#ifndef SERVICES_CONTROL_H
#define SERVICES_CONTROL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#define CONTROL_MAX_CLIENTS 8

/* Event classes a client subscribes to (bit mask). */
enum {
    CTL_EV_EDGE = 1,    /* a pin's level changed */
    CTL_EV_LED = 2,     /* the LED went on or off */
    CTL_EV_CONSOLE = 4, /* bytes the board wrote to its REPL/console */
    CTL_EV_BOARD = 8,   /* resets, damage, conflicts, trace ends */
};

/* Listens on addr:port (port 0 picks one); returns 0 or an errno. */
int control_start(const char *addr, int port);
void control_stop(void);
int control_port(void);            /* -1 when not running */
bool control_wants(unsigned kind); /* some client subscribed to this event class */
/* Sends an event object to every client subscribed to `kind` (and, for CTL_EV_EDGE, to that pin:
 * pin_index >= 0). Takes the reference to ev. */
void control_emit(unsigned kind, int pin_index, json_t *ev);
/* Sends what is queued for every client now (before a reset that will not come back). */
void control_flush_all(void);

/* One client as the commands see it. */
typedef struct ctl_client ctl_client_t;
/* pin_mask: bit i set = edges of pin index i (CTL_EV_EDGE only); all pins: ~0. */
void ctl_client_subscribe(ctl_client_t *c, unsigned kinds, uint64_t pin_mask);
void ctl_client_unsubscribe(ctl_client_t *c, unsigned kinds);
unsigned ctl_client_subscriptions(const ctl_client_t *c);

/* control_cmd.c: runs one request (an object with a "cmd" string). Returns the reply's fields (a
 * new object) or NULL with a message in err. */
json_t *control_cmd_run(ctl_client_t *c, const char *cmd, json_t *req, char *err, size_t errlen);
/* Called once when the server starts: the commands hook into the board's listeners. */
void control_cmd_init(void);

#endif
