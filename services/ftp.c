/* services/ftp.c: the FTP server's sockets on the event loop. Command bytes go to ftp_proto; its
 * replies are queued and sent as the socket accepts them; a transfer's bytes are moved between the
 * data connection and ftp_proto in bounded pieces per callback, so Python never waits on a client.
 * Invariants: at most one command and one data connection; a data connection with no progress for
 * 5 s is closed (426); a command connection idle past the server timeout gets 221 and is closed. */
#include "services/ftp.h"

#include <errno.h>
#include <string.h>

#include "board/sockets.h"
#include "board/wlan.h"
#include "host/event_loop.h"
#include "host/net.h"
#include "services/server_config.h"

#define FTP_TX_BUF 8192
#define FTP_DATA_CHUNK 16384
#define FTP_DATA_IDLE_US 5000000u
#define FTP_DATA_BUDGET (256 * 1024) /* bytes moved per callback before yielding to the board */

static struct {
    const char *bind_addr; /* of the last start */
    int port, data_port;
    bool bound; /* port and data_port were listened on (kept while stopped by network.Server) */
    int lfd, fd, dlfd, dfd;
    ftp_session_t s;
    ftp_io_t io;
    char tx[FTP_TX_BUF];
    size_t tx_len;
    bool closing;
    uint64_t last_activity;
    int idle_timer;
    uint64_t data_activity;
    int data_timer;
    uint8_t dbuf[FTP_DATA_CHUNK];
    size_t dbuf_len, dbuf_pos;
} ftp = {.lfd = -1, .fd = -1, .dlfd = -1, .dfd = -1};

static void session_close(void);
static void data_update(void);
static void on_cmd(int fd, int events, void *arg);

/* ---- the command connection ---- */

static void tx_flush(void) {
    while (ftp.tx_len > 0 && ftp.fd >= 0) {
        ssize_t n = net_send(ftp.fd, ftp.tx, ftp.tx_len);
        if (n < 0) {
            session_close();
            return;
        }
        if (n == 0) {
            break;
        }
        memmove(ftp.tx, ftp.tx + n, ftp.tx_len - (size_t)n);
        ftp.tx_len -= (size_t)n;
    }
    if (ftp.fd < 0) {
        return;
    }
    if (ftp.tx_len == 0 && ftp.closing) {
        session_close();
        return;
    }
    if (!el_watch(ftp.fd, (ftp.closing ? 0 : EL_READ) | (ftp.tx_len > 0 ? EL_WRITE : 0), on_cmd, NULL)) {
        session_close(); /* no event-loop slot: it can't be served */
    }
}

static void io_reply(void *ctx, const char *text, size_t len) {
    if (ftp.fd < 0) {
        return;
    }
    if (len > FTP_TX_BUF - ftp.tx_len) {
        /* a client that sends commands but never reads the replies */
        session_close();
        return;
    }
    memcpy(ftp.tx + ftp.tx_len, text, len);
    ftp.tx_len += len;
    tx_flush();
}

/* ---- the data connection ---- */

/* Every socket of the server holds one of the board's 8 (board/sockets.h): taken when it is
 * made, given back by this close. */
static void counted_close(int *fd) {
    net_close(*fd);
    sockets_give();
    *fd = -1;
}

static int counted_listen(const char *bind_addr, int port) {
    if (!sockets_take()) {
        errno = ENOMEM;
        return -1;
    }
    int fd = net_listen_tcp(bind_addr, port);
    if (fd < 0) {
        int e = errno;
        sockets_give();
        errno = e;
    }
    return fd;
}

static void data_close(void) {
    if (ftp.dfd >= 0) {
        el_unwatch(ftp.dfd);
        counted_close(&ftp.dfd);
    }
    ftp.dbuf_len = ftp.dbuf_pos = 0;
    if (ftp.data_timer) {
        el_timer_cancel(ftp.data_timer);
        ftp.data_timer = 0;
    }
}

static void data_listen_close(void) {
    if (ftp.dlfd >= 0) {
        el_unwatch(ftp.dlfd);
        counted_close(&ftp.dlfd);
    }
}

/* After ftp_proto ran: a transfer that ended takes its data connection with it. */
static void after_proto(void) {
    if (!ftp_xfer_active(&ftp.s) && ftp.dfd >= 0 && ftp.data_timer != 0) {
        data_close();
    }
    if (ftp.s.closed && ftp.fd >= 0) {
        ftp.closing = true;
        data_close();
        tx_flush();
    }
}

static void arm_data_timer(void);

static void on_data_timer(void *arg) {
    ftp.data_timer = 0;
    if (!ftp_xfer_active(&ftp.s)) {
        return;
    }
    if (el_now_us() - ftp.data_activity >= FTP_DATA_IDLE_US) {
        data_close();
        ftp_data_end(&ftp.s, FTP_END_IDLE);
        after_proto();
        return;
    }
    arm_data_timer();
}

static void arm_data_timer(void) {
    if (ftp.data_timer) {
        el_timer_cancel(ftp.data_timer);
    }
    ftp.data_timer = el_timer_at(ftp.data_activity + FTP_DATA_IDLE_US, on_data_timer, NULL);
}

static void data_progress(void) {
    uint64_t now = el_now_us();
    ftp.data_activity = now;
    ftp.last_activity = now; /* a long transfer is not an idle session */
}

/* The data connection ended on our side (all sent) or the client's (end of upload, reset). */
static void data_done(ftp_end_t how) {
    data_close();
    ftp_data_end(&ftp.s, how);
    after_proto();
}

static void on_data(int fd, int events, void *arg) {
    if (!ftp_xfer_active(&ftp.s)) {
        el_unwatch(fd);
        return;
    }
    size_t moved = 0;
    if (ftp_xfer_is_upload(&ftp.s)) {
        uint8_t buf[FTP_DATA_CHUNK];
        while (moved < FTP_DATA_BUDGET) {
            ssize_t n = net_recv(fd, buf, sizeof(buf));
            if (n == 0) {
                data_done(FTP_END_OK);
                return;
            }
            if (n < 0) {
                if (errno != EAGAIN) {
                    data_done(FTP_END_LOST);
                }
                return;
            }
            data_progress();
            moved += (size_t)n;
            if (ftp_data_consume(&ftp.s, buf, (size_t)n) < 0) {
                data_close();
                after_proto();
                return;
            }
        }
        return;
    }
    while (moved < FTP_DATA_BUDGET) {
        if (ftp.dbuf_pos == ftp.dbuf_len) {
            ssize_t n = ftp_data_produce(&ftp.s, ftp.dbuf, sizeof(ftp.dbuf));
            if (n == 0) {
                data_done(FTP_END_OK);
                return;
            }
            if (n < 0) {
                data_close();
                after_proto();
                return;
            }
            ftp.dbuf_len = (size_t)n;
            ftp.dbuf_pos = 0;
        }
        ssize_t n = net_send(fd, ftp.dbuf + ftp.dbuf_pos, ftp.dbuf_len - ftp.dbuf_pos);
        if (n < 0) {
            data_done(FTP_END_LOST);
            return;
        }
        if (n == 0) {
            return; /* the socket is full: wait for EL_WRITE */
        }
        data_progress();
        ftp.dbuf_pos += (size_t)n;
        moved += (size_t)n;
    }
}

/* Watches the data connection as the transfer needs: reads for an upload, writes otherwise. */
static void data_update(void) {
    if (ftp.dfd < 0) {
        return;
    }
    if (!ftp_xfer_active(&ftp.s)) {
        el_unwatch(ftp.dfd); /* connected early: wait for the command */
        return;
    }
    if (!el_watch(ftp.dfd, ftp_xfer_is_upload(&ftp.s) ? EL_READ : EL_WRITE, on_data, NULL)) {
        data_close(); /* no event-loop slot: the transfer fails as a broken connection would */
    }
}

static void on_data_listen(int lfd, int events, void *arg) {
    int fd = net_accept(lfd);
    if (fd < 0) {
        return;
    }
    if (ftp.dfd >= 0 || ftp.fd < 0 || !sockets_take()) {
        net_close(fd); /* one data connection at a time, and only with a socket free */
        return;
    }
    ftp.dfd = fd;
    data_progress();
    data_update();
}

static int io_passive(void *ctx, uint8_t ip[4], int *port) {
    if (ftp.dfd >= 0 && !ftp_xfer_active(&ftp.s)) {
        data_close(); /* a connection made for an earlier PASV and never used */
    }
    if (ftp.dlfd < 0) {
        return -EIO;
    }
    if (net_local_ip(ftp.fd, ip) < 0) {
        return -EIO;
    }
    *port = ftp.data_port;
    return 0;
}

static void io_transfer(void *ctx) {
    data_progress();
    arm_data_timer();
    data_update();
}

/* ---- the session ---- */

static void arm_idle_timer(void);

static void on_idle_timer(void *arg) {
    ftp.idle_timer = 0;
    if (ftp.fd < 0 || ftp.closing) {
        return;
    }
    if (server_idle_expired(ftp.last_activity)) {
        data_close();
        ftp_idle_timeout(&ftp.s);
        after_proto();
        return;
    }
    arm_idle_timer();
}

static void arm_idle_timer(void) { server_idle_arm(&ftp.idle_timer, ftp.last_activity, on_idle_timer); }

static void session_close(void) {
    if (ftp.fd < 0) {
        return;
    }
    data_close();
    ftp_end(&ftp.s);
    el_unwatch(ftp.fd);
    counted_close(&ftp.fd);
    ftp.tx_len = 0;
    ftp.closing = false;
    if (ftp.idle_timer) {
        el_timer_cancel(ftp.idle_timer);
        ftp.idle_timer = 0;
    }
}

static void on_cmd(int fd, int events, void *arg) {
    if (events & EL_WRITE) {
        tx_flush();
        if (ftp.fd < 0) {
            return;
        }
    }
    if (!(events & EL_READ) || ftp.closing) {
        return;
    }
    uint8_t buf[1024];
    ssize_t n = net_recv(fd, buf, sizeof(buf));
    if (n == 0 || (n < 0 && errno != EAGAIN)) {
        session_close();
        return;
    }
    if (n < 0) {
        return;
    }
    ftp.last_activity = el_now_us();
    ftp_input(&ftp.s, buf, (size_t)n);
    after_proto();
}

static void on_listen(int lfd, int events, void *arg) {
    int fd = net_accept(lfd);
    if (fd < 0) {
        return;
    }
    if (ftp.fd >= 0 && net_peer_gone(ftp.fd)) {
        session_close(); /* the last client left and the loop hasn't seen it yet */
    }
    if (ftp.fd >= 0) {
        static const char busy[] = "421 Too many connections: one client at a time.\r\n";
        net_send(fd, busy, sizeof(busy) - 1);
        net_close(fd);
        return;
    }
    if (!sockets_take()) {
        static const char full[] = "421 All 8 sockets of the board are in use.\r\n";
        net_send(fd, full, sizeof(full) - 1);
        net_close(fd);
        return;
    }
    ftp.fd = fd;
    ftp.tx_len = 0;
    ftp.closing = false;
    ftp.last_activity = el_now_us();
    if (!el_watch(fd, EL_READ, on_cmd, NULL)) {
        static const char full[] = "421 Can't take a client now (no event-loop slot).\r\n";
        net_send(fd, full, sizeof(full) - 1);
        counted_close(&ftp.fd);
        return;
    }
    ftp_start(&ftp.s, server_config.user, server_config.pass, &ftp.io);
    arm_idle_timer();
}

/* a WLAN connect or disconnect drops the session, as on the board */
static void on_wlan_change(void *ctx) { session_close(); }

int ftp_server_start(const char *bind_addr, int port, int data_port) {
    ftp_server_stop();
    wlan_add_listener(on_wlan_change, NULL);
    ftp.bind_addr = bind_addr;
    ftp.port = port;
    ftp.data_port = data_port;
    ftp.io.reply = io_reply;
    ftp.io.passive = io_passive;
    ftp.io.transfer = io_transfer;
    ftp.lfd = counted_listen(bind_addr, port);
    if (ftp.lfd < 0) {
        return errno;
    }
    ftp.port = net_local_port(ftp.lfd);
    /* the passive port listens as long as the server: a data connection is accepted only while
     * a session exists, and port 0 is resolved once, so it can be reported and kept */
    ftp.dlfd = counted_listen(bind_addr, data_port);
    if (ftp.dlfd < 0) {
        int e = errno;
        ftp_server_stop();
        return e;
    }
    ftp.data_port = net_local_port(ftp.dlfd);
    ftp.bound = true;
    if (!el_watch(ftp.lfd, EL_READ, on_listen, NULL) || !el_watch(ftp.dlfd, EL_READ, on_data_listen, NULL)) {
        ftp_server_stop();
        return EMFILE; /* no event-loop slot */
    }
    return 0;
}

int ftp_server_restart(void) {
    if (ftp.bind_addr == NULL) {
        return 0;
    }
    if (ftp.lfd >= 0) {
        if (ftp.fd >= 0) {
            arm_idle_timer();
        }
        return 0;
    }
    return ftp_server_start(ftp.bind_addr, ftp.port, ftp.data_port);
}

void ftp_server_stop(void) {
    session_close();
    if (ftp.lfd >= 0) {
        el_unwatch(ftp.lfd);
        counted_close(&ftp.lfd);
    }
    data_listen_close();
}

bool ftp_server_running(void) { return ftp.lfd >= 0; }

int ftp_server_port(void) { return ftp.bound ? ftp.port : -1; }

int ftp_server_data_port(void) { return ftp.bound ? ftp.data_port : -1; }

void ftp_server_abort_transfer(void) {
    if (ftp.fd >= 0 && ftp_xfer_active(&ftp.s)) {
        data_close();
        ftp_data_end(&ftp.s, FTP_END_LOST);
        after_proto();
    }
}

void ftp_server_set_special(int (*begin)(void *, const char *), int (*write)(void *, const void *, size_t),
    int (*end)(void *, bool, char *, size_t)) {
    ftp.io.special_begin = begin;
    ftp.io.special_write = write;
    ftp.io.special_end = end;
}
