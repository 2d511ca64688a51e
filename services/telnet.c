/* services/telnet.c: the telnet server on the event loop. The session's bytes go through
 * telnet_proto (login, IAC filtering) into the REPL input queue; REPL output is queued in a
 * bounded buffer and sent as the socket accepts it. The board never waits for a slow client:
 * when the buffer is full, output for that client is dropped, and a client that neither reads
 * nor sends for the server timeout is disconnected. The REPL is reached only through the
 * telnet_repl_t that firmware/ sets (telnet_set_repl). */
#include "services/telnet.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "board/sockets.h"
#include "board/wlan.h"
#include "host/event_loop.h"
#include "host/net.h"
#include "services/server_config.h"
#include "services/telnet_proto.h"

#define TX_BUF 8192
#define RX_CHUNK 256 /* the board's receive buffer */

static const telnet_repl_t *repl;

void telnet_set_repl(const telnet_repl_t *r) { repl = r; }

static struct {
    const char *bind_addr; /* of the last telnet_start */
    int port;
    int lfd;
    int fd;
    const char *banner;
    tn_session_t tn;
    int sink_id;
    bool source_open;
    uint8_t tx[TX_BUF];
    size_t tx_head, tx_len;
    uint64_t last_activity; /* µs: last byte received or sent */
    int idle_timer;
    bool closing;   /* flush what is queued, then close */
    bool announced; /* the console was told the server listens (so it is told when it stops) */
} tel = {.lfd = -1, .fd = -1};

static void session_close(void);
static void on_session(int fd, int events, void *arg);

static void tx_flush(void) {
    while (tel.tx_len > 0) {
        size_t chunk = tel.tx_len;
        if (tel.tx_head + chunk > TX_BUF) {
            chunk = TX_BUF - tel.tx_head;
        }
        ssize_t n = net_send(tel.fd, tel.tx + tel.tx_head, chunk);
        if (n < 0) {
            session_close();
            return;
        }
        if (n == 0) {
            break;
        }
        tel.tx_head = (tel.tx_head + (size_t)n) % TX_BUF;
        tel.tx_len -= (size_t)n;
        tel.last_activity = el_now_us();
    }
    if (tel.fd < 0) {
        return;
    }
    if (tel.tx_len == 0 && tel.closing) {
        session_close();
        return;
    }
    if (!el_watch(tel.fd, EL_READ | (tel.tx_len > 0 ? EL_WRITE : 0), on_session, NULL)) {
        session_close(); /* can't be served (no event-loop slot): let the client go */
    }
}

static void tx_queue(const uint8_t *data, size_t len) {
    if (tel.fd < 0) {
        return;
    }
    for (size_t i = 0; i < len && tel.tx_len < TX_BUF; i++) {
        tel.tx[(tel.tx_head + tel.tx_len) % TX_BUF] = data[i];
        tel.tx_len++;
    }
    tx_flush();
}

static void proto_to_client(void *ctx, const uint8_t *data, size_t len) { tx_queue(data, len); }

static void proto_to_repl(void *ctx, const uint8_t *data, size_t len) { repl->input(data, len); }

static const tn_io_t tel_io = {proto_to_client, proto_to_repl, NULL};

/* REPL output: a data byte 0xFF goes out as IAC IAC (RFC 854), so the client never takes it for
 * the start of a command. */
static void sink_write(void *ctx, const char *data, size_t len) {
    const uint8_t *p = (const uint8_t *)data;
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] == 0xFF) {
            tx_queue(p + start, i + 1 - start);
            start = i; /* the 0xFF goes out a second time with the next piece */
        }
    }
    tx_queue(p + start, len - start);
}

static void arm_idle_timer(void);

static void on_idle_timer(void *arg) {
    tel.idle_timer = 0;
    if (tel.fd < 0) {
        return;
    }
    if (server_idle_expired(tel.last_activity)) {
        session_close();
        return;
    }
    arm_idle_timer();
}

static void arm_idle_timer(void) { server_idle_arm(&tel.idle_timer, tel.last_activity, on_idle_timer); }

static void session_close(void) {
    if (tel.fd < 0) {
        return;
    }
    el_unwatch(tel.fd);
    net_close(tel.fd);
    sockets_give();
    tel.fd = -1;
    if (tel.sink_id) {
        repl->remove_sink(tel.sink_id);
        tel.sink_id = 0;
    }
    if (tel.source_open) {
        repl->closed();
        tel.source_open = false;
    }
    if (tel.idle_timer) {
        el_timer_cancel(tel.idle_timer);
        tel.idle_timer = 0;
    }
    tel.tx_len = 0;
    tel.closing = false;
}

static void on_session(int fd, int events, void *arg) {
    if (events & EL_WRITE) {
        tx_flush();
        if (tel.fd < 0) {
            return;
        }
    }
    if (!(events & EL_READ)) {
        return;
    }
    uint8_t buf[RX_CHUNK];
    ssize_t n = net_recv(fd, buf, sizeof(buf));
    if (n == 0 || (n < 0 && errno != EAGAIN)) {
        session_close();
        return;
    }
    if (n < 0) {
        return;
    }
    tel.last_activity = el_now_us();
    tn_state_t before = tel.tn.state;
    tn_input(&tel.tn, buf, (size_t)n, &tel_io);
    if (tel.fd < 0) {
        return;
    }
    if (before != TN_LOGGED_IN && tel.tn.state == TN_LOGGED_IN) {
        tel.sink_id = repl->add_sink(sink_write, NULL);
        if (tel.sink_id == 0) {
            static const char full[] = "\r\nThe REPL can't take another stream now; try again later.\r\n";
            tx_queue((const uint8_t *)full, sizeof(full) - 1);
            tel.closing = true;
            tx_flush();
            return;
        }
        repl->redraw(sink_write, NULL);
    } else if (tel.tn.state == TN_CLOSED) {
        tel.closing = true;
        tx_flush();
    }
}

/* A client that hung up and reconnects at once: its connection may still look open because the
 * poll that reports the hang-up is the one reporting the new connection. Reads what the session
 * has pending (a bounded amount) so that a hang-up is seen before the newcomer is called busy;
 * a session that was logging out is let go. */
static void session_settle(void) {
    if (tel.fd >= 0 && tel.closing) {
        session_close();
    }
    for (int i = 0; i < 64 && tel.fd >= 0 && net_readable(tel.fd); i++) {
        on_session(tel.fd, EL_READ, NULL);
    }
}

static void on_listen(int lfd, int events, void *arg) {
    int fd = net_accept(lfd);
    if (fd < 0) {
        return;
    }
    session_settle();
    if (tel.fd >= 0) {
        static const char busy[] = "Telnet server busy: only one client at a time.\r\n";
        net_send(fd, busy, sizeof(busy) - 1);
        net_close(fd);
        return;
    }
    if (!sockets_take()) {
        static const char full[] = "Telnet server: all 8 sockets of the board are in use.\r\n";
        net_send(fd, full, sizeof(full) - 1);
        net_close(fd);
        return;
    }
    tel.fd = fd;
    tel.tx_head = tel.tx_len = 0;
    tel.closing = false;
    tel.last_activity = el_now_us();
    if (!el_watch(fd, EL_READ, on_session, NULL)) {
        static const char full[] = "Telnet server can't take a client now (no event-loop slot).\r\n";
        net_send(fd, full, sizeof(full) - 1);
        net_close(fd);
        tel.fd = -1;
        return;
    }
    tel.source_open = true;
    repl->opened();
    tn_start(&tel.tn, tel.banner, server_config.user, server_config.pass, &tel_io);
    arm_idle_timer();
}

/* a WLAN connect or disconnect drops the session, as on the board */
static void on_wlan_change(void *ctx) { session_close(); }

int telnet_start(const char *bind_addr, int port, const char *banner) {
    if (repl == NULL) {
        return EINVAL; /* telnet_set_repl first */
    }
    telnet_stop();
    wlan_add_listener(on_wlan_change, NULL);
    tel.bind_addr = bind_addr;
    tel.port = port;
    tel.banner = banner;
    if (!sockets_take()) {
        return ENOMEM;
    }
    tel.lfd = net_listen_tcp(bind_addr, port);
    if (tel.lfd < 0) {
        int e = errno;
        sockets_give();
        return e;
    }
    tel.port = net_local_port(tel.lfd); /* port 0 picked one: a restart keeps it */
    if (!el_watch(tel.lfd, EL_READ, on_listen, NULL)) {
        net_close(tel.lfd);
        tel.lfd = -1;
        return EMFILE;
    }
    return 0;
}

int telnet_restart(void) {
    if (tel.bind_addr == NULL) {
        return 0;
    }
    if (tel.lfd >= 0) {
        /* running: new settings apply as they are (credentials at the next login, the timeout
         * from now on), and the session in progress, maybe the one asking, stays */
        if (tel.fd >= 0) {
            arm_idle_timer();
        }
        return 0;
    }
    int err = telnet_start(tel.bind_addr, tel.port, tel.banner);
    if (err == 0) {
        telnet_announce();
    }
    return err;
}

void telnet_announce(void) {
    if (tel.lfd < 0) {
        return;
    }
    char line[96];
    snprintf(line, sizeof(line), "Telnet server on %s:%d\r\n", tel.bind_addr, telnet_port());
    repl->notice(line);
    tel.announced = true;
}

void telnet_close_session(void) { session_close(); }

void telnet_stop(void) {
    session_close();
    if (tel.lfd >= 0) {
        el_unwatch(tel.lfd);
        net_close(tel.lfd);
        sockets_give();
        tel.lfd = -1;
        if (tel.announced) {
            repl->notice("Telnet server stopped\r\n");
        }
        tel.announced = false;
    }
}

bool telnet_is_running(void) { return tel.lfd >= 0; }

int telnet_port(void) { return tel.lfd >= 0 ? net_local_port(tel.lfd) : -1; }
