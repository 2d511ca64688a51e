/* services/control.c: the control server of control.h. Each client has a line buffer (a request is
 * one line of JSON, at most CTL_LINE_MAX bytes) and a bounded output queue for replies and events.
 * Every request gets exactly one reply, in order; events go only to clients that subscribed.
 * Invariants: the board never waits for a client: when a client's queue is full, events for it
 * are dropped (and counted, reported in the next event that fits) and a client that can't take
 * its replies is disconnected; a bad request gets an error reply and nothing else happens. */
#include "services/control.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host/event_loop.h"
#include "host/host_fs.h"
#include "host/net.h"

#define CTL_LINE_MAX 65536
#define CTL_TX_MAX (1u << 20)       /* a client's output queue */
#define CTL_EVENT_ROOM (CTL_TX_MAX / 2) /* events may fill half of it; replies the rest */
#define CTL_RX_CHUNK 4096

struct ctl_client {
    int fd; /* -1: free slot */
    char *rx;
    size_t rx_len;
    bool rx_skip; /* discarding the rest of an overlong line */
    char *tx;
    size_t tx_head, tx_len;
    unsigned subs;
    uint64_t pin_mask;
    uint64_t dropped; /* events lost since the last one that was sent */
};

static struct {
    int lfd;
    ctl_client_t cl[CONTROL_MAX_CLIENTS];
    unsigned wanted; /* union of every client's subscriptions */
    bool inited;
} ctl = {.lfd = -1};

static void ctl_init_slots(void) {
    if (!ctl.inited) {
        for (int i = 0; i < CONTROL_MAX_CLIENTS; i++) {
            ctl.cl[i].fd = -1;
        }
        ctl.inited = true;
    }
}

static void ctl_recount(void) {
    ctl.wanted = 0;
    for (int i = 0; i < CONTROL_MAX_CLIENTS; i++) {
        if (ctl.cl[i].fd >= 0) {
            ctl.wanted |= ctl.cl[i].subs;
        }
    }
}

static void client_close(ctl_client_t *c) {
    if (c->fd < 0) {
        return;
    }
    el_unwatch(c->fd);
    net_close(c->fd);
    c->fd = -1;
    free(c->rx);
    free(c->tx);
    c->rx = c->tx = NULL;
    c->subs = 0;
    ctl_recount();
}

static void on_client(int fd, int events, void *arg);

/* Sends what the socket takes now; keeps watching for writability while something is left. */
static void client_flush(ctl_client_t *c) {
    while (c->tx_len > 0) {
        size_t chunk = c->tx_len;
        if (c->tx_head + chunk > CTL_TX_MAX) {
            chunk = CTL_TX_MAX - c->tx_head;
        }
        ssize_t n = net_send(c->fd, c->tx + c->tx_head, chunk);
        if (n < 0) {
            client_close(c);
            return;
        }
        if (n == 0) {
            break;
        }
        c->tx_head = (c->tx_head + (size_t)n) % CTL_TX_MAX;
        c->tx_len -= (size_t)n;
    }
    if (c->tx_len == 0) {
        c->tx_head = 0;
    }
    if (!el_watch(c->fd, EL_READ | (c->tx_len > 0 ? EL_WRITE : 0), on_client, c)) {
        client_close(c); /* no event-loop slot: it can't be served */
    }
}

/* Queues one line (text + '\n') if it fits within `limit` bytes of queue; false otherwise. */
static bool client_queue(ctl_client_t *c, const char *text, size_t len, size_t limit) {
    if (c->tx_len + len + 1 > limit) {
        return false;
    }
    for (size_t i = 0; i <= len; i++) {
        c->tx[(c->tx_head + c->tx_len) % CTL_TX_MAX] = i < len ? text[i] : '\n';
        c->tx_len++;
    }
    return true;
}

/* Queues a JSON value as one line and sends; a reply that doesn't fit ends the client. */
static void client_send_json(ctl_client_t *c, json_t *v, bool is_event) {
    char *text = json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII);
    if (text == NULL) {
        return;
    }
    bool ok = client_queue(c, text, strlen(text), is_event ? CTL_EVENT_ROOM : CTL_TX_MAX);
    free(text);
    if (!ok) {
        if (is_event) {
            c->dropped++;
            return;
        }
        client_close(c); /* it does not read its replies */
        return;
    }
    client_flush(c);
}

static void reply_error(ctl_client_t *c, json_t *id, const char *msg) {
    json_t *r = json_object();
    if (id != NULL) {
        json_object_set(r, "id", id);
    }
    json_object_set_new(r, "ok", json_false());
    json_object_set_new(r, "error", json_string(msg));
    client_send_json(c, r, false);
    json_decref(r);
}

static void handle_line(ctl_client_t *c, const char *line, size_t len) {
    while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t')) {
        len--;
    }
    if (len == 0) {
        return; /* blank lines are allowed between requests */
    }
    json_error_t jerr;
    json_t *req = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (req == NULL) {
        char msg[256];
        snprintf(msg, sizeof(msg), "bad JSON at column %d: %s", jerr.column, jerr.text);
        reply_error(c, NULL, msg);
        return;
    }
    json_t *id = json_object_get(req, "id"); /* borrowed; echoed in the reply */
    json_t *cmd = json_object_get(req, "cmd");
    if (!json_is_object(req)) {
        reply_error(c, NULL, "a request is a JSON object such as {\"cmd\": \"led\"}");
    } else if (!json_is_string(cmd)) {
        reply_error(c, id, "the request has no \"cmd\" string");
    } else {
        char err[256] = "";
        int fd = c->fd;
        json_t *res = control_cmd_run(c, json_string_value(cmd), req, err, sizeof(err));
        if (c->fd != fd) {
            json_decref(res); /* the client went away meanwhile */
        } else if (res == NULL) {
            reply_error(c, id, err[0] != '\0' ? err : "the command failed");
        } else {
            json_t *r = json_object();
            if (id != NULL) {
                json_object_set(r, "id", id);
            }
            json_object_set_new(r, "ok", json_true());
            json_object_update(r, res);
            json_decref(res);
            client_send_json(c, r, false);
            json_decref(r);
        }
    }
    json_decref(req);
}

static void client_read(ctl_client_t *c) {
    char buf[CTL_RX_CHUNK];
    ssize_t n = net_recv(c->fd, buf, sizeof(buf));
    if (n == 0 || (n < 0 && errno != EAGAIN)) {
        client_close(c);
        return;
    }
    if (n < 0) {
        return;
    }
    int fd = c->fd;
    for (ssize_t i = 0; i < n && c->fd == fd; i++) {
        if (buf[i] == '\n') {
            if (c->rx_skip) {
                c->rx_skip = false;
                reply_error(c, NULL, "request line too long (limit 65536 bytes)");
            } else {
                handle_line(c, c->rx, c->rx_len);
            }
            c->rx_len = 0;
        } else if (c->rx_skip) {
            continue;
        } else if (c->rx_len == CTL_LINE_MAX) {
            c->rx_skip = true;
            c->rx_len = 0;
        } else {
            c->rx[c->rx_len++] = buf[i];
        }
    }
}

static void on_client(int fd, int events, void *arg) {
    ctl_client_t *c = arg;
    if (events & EL_WRITE) {
        client_flush(c);
    }
    if (c->fd >= 0 && (events & EL_READ)) {
        client_read(c);
    }
}

static void on_listen(int lfd, int events, void *arg) {
    int fd = net_accept(lfd);
    if (fd < 0) {
        return;
    }
    ctl_client_t *c = NULL;
    for (int i = 0; i < CONTROL_MAX_CLIENTS && c == NULL; i++) {
        if (ctl.cl[i].fd < 0) {
            c = &ctl.cl[i];
        }
    }
    char *rx = c != NULL ? malloc(CTL_LINE_MAX) : NULL;
    char *tx = c != NULL ? malloc(CTL_TX_MAX) : NULL;
    if (c == NULL || rx == NULL || tx == NULL) {
        static const char busy[] = "{\"ok\":false,\"error\":\"control server busy: 8 clients at most\"}\n";
        net_send(fd, busy, sizeof(busy) - 1);
        net_close(fd);
        free(rx);
        free(tx);
        return;
    }
    memset(c, 0, sizeof(*c));
    c->fd = fd;
    c->rx = rx;
    c->tx = tx;
    if (!el_watch(fd, EL_READ, on_client, c)) {
        client_close(c);
    }
}

int control_start(const char *addr, int port) {
    ctl_init_slots();
    control_stop();
    ctl.lfd = net_listen_tcp(addr, port);
    if (ctl.lfd < 0) {
        return errno;
    }
    if (!el_watch(ctl.lfd, EL_READ, on_listen, NULL)) {
        control_stop();
        return EMFILE; /* no event-loop slot */
    }
    control_cmd_init();
    return 0;
}

int control_handover(int *lfd, ctl_kept_client_t *kept, int max) {
    control_flush_all();
    *lfd = ctl.lfd;
    if (ctl.lfd >= 0) {
        host_keep_on_reexec(ctl.lfd);
    }
    int n = 0;
    for (int i = 0; i < CONTROL_MAX_CLIENTS && n < max; i++) {
        ctl_client_t *c = &ctl.cl[i];
        if (c->fd >= 0 && c->tx_len > 0) {
            client_close(c); /* its socket is full: the rest of a line would be lost mid-line */
        }
        if (c->fd >= 0) {
            host_keep_on_reexec(c->fd);
            kept[n++] = (ctl_kept_client_t){c->fd, c->subs, c->pin_mask};
        }
    }
    return n;
}

int control_adopt(int lfd) {
    ctl_init_slots();
    control_stop();
    if (net_local_port(lfd) < 0) {
        return EBADF;
    }
    net_adopt(lfd);
    ctl.lfd = lfd;
    if (!el_watch(ctl.lfd, EL_READ, on_listen, NULL)) {
        control_stop();
        return EMFILE; /* no event-loop slot */
    }
    control_cmd_init();
    return 0;
}

void control_adopt_client(const ctl_kept_client_t *k) {
    ctl_client_t *c = NULL;
    for (int i = 0; i < CONTROL_MAX_CLIENTS && c == NULL; i++) {
        if (ctl.cl[i].fd < 0) {
            c = &ctl.cl[i];
        }
    }
    char *rx = malloc(CTL_LINE_MAX);
    char *tx = malloc(CTL_TX_MAX);
    if (c == NULL || rx == NULL || tx == NULL || net_local_port(k->fd) < 0) {
        free(rx);
        free(tx);
        net_close(k->fd);
        return;
    }
    net_adopt(k->fd);
    memset(c, 0, sizeof(*c));
    c->fd = k->fd;
    c->rx = rx;
    c->tx = tx;
    c->subs = k->subs;
    c->pin_mask = k->pin_mask;
    ctl_recount();
    if (!el_watch(c->fd, EL_READ, on_client, c)) {
        client_close(c);
    }
}

void control_stop(void) {
    ctl_init_slots();
    for (int i = 0; i < CONTROL_MAX_CLIENTS; i++) {
        client_close(&ctl.cl[i]);
    }
    if (ctl.lfd >= 0) {
        el_unwatch(ctl.lfd);
        net_close(ctl.lfd);
        ctl.lfd = -1;
    }
}

int control_port(void) { return ctl.lfd >= 0 ? net_local_port(ctl.lfd) : -1; }

bool control_wants(unsigned kind) { return (ctl.wanted & kind) != 0; }

void control_emit(unsigned kind, int pin_index, json_t *ev) {
    if (ev == NULL) {
        return;
    }
    for (int i = 0; i < CONTROL_MAX_CLIENTS; i++) {
        ctl_client_t *c = &ctl.cl[i];
        if (c->fd < 0 || !(c->subs & kind)) {
            continue;
        }
        if (kind == CTL_EV_EDGE && pin_index >= 0 && pin_index < 64 && !((c->pin_mask >> pin_index) & 1)) {
            continue;
        }
        if (c->dropped > 0) {
            json_object_set_new(ev, "dropped_before", json_integer((json_int_t)c->dropped));
        } else {
            json_object_del(ev, "dropped_before");
        }
        uint64_t before = c->dropped;
        client_send_json(c, ev, true);
        if (c->fd >= 0 && c->dropped == before) {
            c->dropped = 0; /* this one got through and told them */
        }
    }
    json_decref(ev);
}

void control_flush_all(void) {
    for (int i = 0; i < CONTROL_MAX_CLIENTS; i++) {
        ctl_client_t *c = &ctl.cl[i];
        for (int tries = 0; c->fd >= 0 && c->tx_len > 0 && tries < 1000; tries++) {
            client_flush(c); /* non-blocking: a client that reads nothing loses the rest */
        }
    }
}

void ctl_client_subscribe(ctl_client_t *c, unsigned kinds, uint64_t pin_mask) {
    if ((kinds & CTL_EV_EDGE) && !(c->subs & CTL_EV_EDGE)) {
        c->pin_mask = 0;
    }
    c->subs |= kinds;
    if (kinds & CTL_EV_EDGE) {
        c->pin_mask |= pin_mask;
    }
    ctl_recount();
}

void ctl_client_unsubscribe(ctl_client_t *c, unsigned kinds) {
    c->subs &= ~kinds;
    ctl_recount();
}

unsigned ctl_client_subscriptions(const ctl_client_t *c) { return c->subs; }
