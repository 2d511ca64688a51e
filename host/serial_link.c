/* host/serial_link.c: the links of host/serial_link.h on the event loop. A pty link watches its
 * inotify descriptor always and its master while a tool has the slave open; a TCP link watches
 * its listening socket always and its client while there is one. The peer's descriptor is read
 * only while the receive buffer is empty (the owner's pace), and watched for writing only while
 * output waits. */
#include "host/serial_link.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host/event_loop.h"
#include "host/host_fs.h"
#include "host/net.h"
#include "host/sock.h"

bool slink_parse(const char *text, slink_spec_t *out) {
    memset(out, 0, sizeof(*out));
    if (strcmp(text, "pty") == 0) {
        out->kind = SLINK_PTY;
        return true;
    }
    if (strcmp(text, "none") == 0) {
        out->kind = SLINK_NONE;
        return true;
    }
    if (strncmp(text, "tcp:", 4) != 0) {
        return false;
    }
    const char *rest = text + 4;
    const char *colon = strrchr(rest, ':');
    const char *num = colon != NULL ? colon + 1 : rest;
    size_t alen = colon != NULL ? (size_t)(colon - rest) : 0;
    char *end;
    long port = strtol(num, &end, 10);
    if (*num == '\0' || *end != '\0' || port < 0 || port > 65535 || alen >= SLINK_ADDR_MAX ||
        (colon != NULL && alen == 0)) {
        return false;
    }
    snprintf(out->addr, sizeof(out->addr), "%.*s", (int)alen, rest);
    if (alen == 0) {
        snprintf(out->addr, sizeof(out->addr), "127.0.0.1");
    }
    unsigned a, b, c, d;
    char tail;
    if (sscanf(out->addr, "%u.%u.%u.%u%c", &a, &b, &c, &d, &tail) != 4 || a > 255 || b > 255 || c > 255 || d > 255) {
        return false;
    }
    out->kind = SLINK_TCP;
    out->port = (int)port;
    return true;
}

static int peer_fd(const slink_t *l) {
    return l->spec.kind == SLINK_PTY ? l->pty.master : l->cfd;
}

static void on_peer_io(int fd, int events, void *arg);

/* The peer's watch as the link's state asks: reading while the buffer is empty, writing while
 * output waits (hang-ups are reported either way). False if the loop has no slot left. */
static bool rewatch(slink_t *l) {
    int fd = peer_fd(l);
    if (!l->peer || fd < 0) {
        return true;
    }
    int ev = (l->rx_len == 0 ? EL_READ : 0) | (l->tx_len > 0 ? EL_WRITE : 0);
    return el_watch(fd, ev, on_peer_io, l);
}

static void peer_gone(slink_t *l) {
    if (!l->peer) {
        return;
    }
    l->peer = false;
    l->tx_len = 0;
    l->peer_name[0] = '\0';
    if (l->spec.kind == SLINK_PTY) {
        el_unwatch(l->pty.master);
        hpty_discard_unread(&l->pty);
    } else if (l->cfd >= 0) {
        el_unwatch(l->cfd);
        net_close(l->cfd);
        l->cfd = -1;
    }
}

static ssize_t peer_send(slink_t *l, const uint8_t *p, size_t n) {
    return l->spec.kind == SLINK_PTY ? hpty_write(&l->pty, p, n) : net_send(l->cfd, p, n);
}

static void tx_flush(slink_t *l) {
    while (l->peer && l->tx_len > 0) {
        size_t chunk = l->tx_len;
        if (l->tx_head + chunk > SLINK_TX_BUF) {
            chunk = SLINK_TX_BUF - l->tx_head;
        }
        ssize_t n = peer_send(l, l->tx + l->tx_head, chunk);
        if (n < 0) {
            peer_gone(l);
            return;
        }
        if (n == 0) {
            break;
        }
        l->tx_head = (l->tx_head + (size_t)n) % SLINK_TX_BUF;
        l->tx_len -= (size_t)n;
    }
    if (l->peer && !rewatch(l)) {
        peer_gone(l); /* can't be served (no event-loop slot): let the peer go */
    }
}

static void on_peer_io(int fd, int events, void *arg) {
    slink_t *l = arg;
    if (events & EL_WRITE) {
        tx_flush(l);
    }
    if (!l->peer || !(events & EL_READ)) {
        return;
    }
    if (l->rx_len > 0) {
        /* only a hang-up or an error is reported while the buffer is full */
        if (l->spec.kind == SLINK_PTY ? !hpty_peer_open(&l->pty) : net_peer_gone(l->cfd)) {
            peer_gone(l);
        }
        return;
    }
    ssize_t n;
    if (l->spec.kind == SLINK_PTY) {
        n = hpty_read(&l->pty, l->rx, sizeof(l->rx));
    } else {
        n = net_recv(l->cfd, l->rx, sizeof(l->rx));
        if (n < 0 && errno == EAGAIN) {
            n = 0;
        } else if (n == 0) {
            n = -1; /* the client closed */
        }
    }
    if (n < 0) {
        peer_gone(l);
        return;
    }
    if (n == 0) {
        return;
    }
    l->rx_off = 0;
    l->rx_len = (size_t)n;
    l->on_rx(l, l->ctx);
    if (l->peer && !rewatch(l)) {
        peer_gone(l);
    }
}

size_t slink_read(slink_t *l, uint8_t *buf, size_t max) {
    size_t n = l->rx_len < max ? l->rx_len : max;
    memcpy(buf, l->rx + l->rx_off, n);
    l->rx_off += n;
    l->rx_len -= n;
    if (n > 0 && l->rx_len == 0 && l->peer && !rewatch(l)) {
        peer_gone(l);
    }
    return n;
}

size_t slink_tx_room(const slink_t *l) {
    return l->peer ? SLINK_TX_BUF - l->tx_len : 0;
}

void slink_write(slink_t *l, const uint8_t *data, size_t len) {
    if (!l->peer) {
        l->tx_dropped += len;
        return;
    }
    size_t room = SLINK_TX_BUF - l->tx_len;
    size_t n = len < room ? len : room;
    for (size_t i = 0; i < n; i++) {
        l->tx[(l->tx_head + l->tx_len) % SLINK_TX_BUF] = data[i];
        l->tx_len++;
    }
    l->tx_dropped += len - n;
    tx_flush(l);
}

/* ---- pty: a tool opens or closes the slave ---- */

static void on_pty_note(int fd, int events, void *arg) {
    slink_t *l = arg;
    hpty_take_notes(&l->pty);
    bool open = hpty_peer_open(&l->pty);
    if (open && !l->peer) {
        l->peer = true;
        l->sessions++;
        if (!rewatch(l)) {
            peer_gone(l);
        }
    } else if (!open && l->peer) {
        peer_gone(l);
    }
}

/* ---- TCP: one client at a time ---- */

static void name_peer(slink_t *l) {
    uint32_t ip = 0;
    int port = 0;
    hsock_peer(l->cfd, &ip, &port);
    snprintf(l->peer_name, sizeof(l->peer_name), "%u.%u.%u.%u:%d", (unsigned)(ip >> 24), (unsigned)(ip >> 16) & 255u,
        (unsigned)(ip >> 8) & 255u, (unsigned)ip & 255u, port);
}

static void on_accept(int lfd, int events, void *arg) {
    slink_t *l = arg;
    int fd = net_accept(lfd);
    if (fd < 0) {
        return;
    }
    if (l->peer && net_peer_gone(l->cfd)) {
        peer_gone(l); /* it hung up just before this one came */
    }
    char line[SLINK_ADDR_MAX + 96];
    if (l->peer) {
        int n = snprintf(
            line, sizeof(line), "%s on %s:%d is busy: one client at a time\r\n", l->label, l->spec.addr, l->spec.port);
        net_send(fd, line, (size_t)n);
        net_close(fd);
        l->refused++;
        return;
    }
    l->cfd = fd;
    l->peer = true;
    l->sessions++;
    l->tx_len = 0;
    name_peer(l);
    if (!rewatch(l)) {
        peer_gone(l);
    }
}

static void link_init(slink_t *l, const slink_spec_t *spec, const char *label, slink_rx_fn_t on_rx, void *ctx) {
    memset(l, 0, sizeof(*l));
    l->spec = *spec;
    l->label = label;
    l->on_rx = on_rx;
    l->ctx = ctx;
    l->lfd = l->cfd = -1;
    l->pty.master = l->pty.notify = -1;
}

/* The link's standing watches, once its descriptors are open; a peer already there is served. */
static int link_watch(slink_t *l) {
    bool ok = l->spec.kind == SLINK_PTY ? el_watch(l->pty.notify, EL_READ, on_pty_note, l)
                                        : el_watch(l->lfd, EL_READ, on_accept, l);
    if (!ok) {
        slink_stop(l);
        return -EMFILE;
    }
    if (l->spec.kind == SLINK_PTY) {
        on_pty_note(l->pty.notify, EL_READ, l);
    } else if (l->cfd >= 0) {
        l->peer = true;
        l->sessions++;
        name_peer(l);
        if (!rewatch(l)) {
            peer_gone(l);
        }
    }
    return 0;
}

int slink_start(slink_t *l, const slink_spec_t *spec, const char *label, slink_rx_fn_t on_rx, void *ctx) {
    link_init(l, spec, label, on_rx, ctx);
    if (spec->kind == SLINK_PTY) {
        int r = hpty_open(&l->pty);
        return r != 0 ? r : link_watch(l);
    }
    if (spec->kind != SLINK_TCP) {
        return -EINVAL;
    }
    l->lfd = net_listen_tcp(spec->addr, spec->port);
    if (l->lfd < 0) {
        return -errno;
    }
    l->spec.port = net_local_port(l->lfd);
    return link_watch(l);
}

void slink_handover(const slink_t *l, int *fd1, int *fd2) {
    *fd1 = l->spec.kind == SLINK_PTY ? l->pty.master : l->lfd;
    *fd2 = l->spec.kind == SLINK_TCP && l->peer ? l->cfd : -1;
    if (*fd1 >= 0) {
        host_keep_on_reexec(*fd1);
    }
    if (*fd2 >= 0) {
        host_keep_on_reexec(*fd2);
    }
}

int slink_adopt(
    slink_t *l, const slink_spec_t *spec, int fd1, int fd2, const char *label, slink_rx_fn_t on_rx, void *ctx) {
    link_init(l, spec, label, on_rx, ctx);
    if (!host_fd_open(fd1) || (fd2 >= 0 && !host_fd_open(fd2))) {
        return -EBADF;
    }
    if (spec->kind == SLINK_PTY) {
        int r = hpty_adopt(&l->pty, fd1);
        return r != 0 ? r : link_watch(l);
    }
    net_adopt(fd1);
    l->lfd = fd1;
    l->spec.port = net_local_port(fd1);
    if (fd2 >= 0) {
        net_adopt(fd2);
        l->cfd = fd2;
    }
    return link_watch(l);
}

bool slink_running(const slink_t *l) {
    return (l->spec.kind == SLINK_PTY && l->pty.master >= 0) || (l->spec.kind == SLINK_TCP && l->lfd >= 0);
}

void slink_where(const slink_t *l, char *buf, size_t len) {
    if (l->spec.kind == SLINK_PTY) {
        snprintf(buf, len, "%s", l->pty.path);
    } else {
        snprintf(buf, len, "%s:%d", l->spec.addr, l->spec.port);
    }
}

void slink_stop(slink_t *l) {
    peer_gone(l);
    if (l->spec.kind == SLINK_PTY && l->pty.notify >= 0) {
        el_unwatch(l->pty.notify);
        hpty_close(&l->pty);
    }
    if (l->lfd >= 0) {
        el_unwatch(l->lfd);
        net_close(l->lfd);
        l->lfd = -1;
    }
    l->rx_len = 0;
}
