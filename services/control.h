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

/* Across a board reset (the program executes itself again): the listening socket and every
 * client's connection and subscriptions are handed to the next program, so clients stay connected.
 * control_handover flushes what is queued, lets the descriptors survive the exec and returns
 * their description; the next program adopts them instead of control_start. */
typedef struct {
    int fd;
    unsigned subs;
    uint64_t pin_mask;
} ctl_kept_client_t;
int control_handover(int *lfd, ctl_kept_client_t *kept, int max); /* returns the client count */
int control_adopt(int lfd);                                       /* 0 or an errno */
void control_adopt_client(const ctl_kept_client_t *k);
/* The drives the outside holds through this interface (they outlive resets, as a finger on a
 * button would); control_redrive applies one again in the next program. */
typedef struct {
    int pin;
    bool volts; /* a voltage source of mv, else a level */
    int level;
    uint32_t mv;
} ctl_drive_t;
int control_drives(ctl_drive_t *out, int max);
bool control_redrive(const ctl_drive_t *d);
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
/* What the board writes to its REPL/console, as console events to subscribed clients. firmware/
 * registers it as a REPL output sink (the service includes nothing above it). */
void control_console_output(void *ctx, const char *data, size_t len);

#endif
