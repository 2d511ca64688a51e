/* host/serial_link.h: a byte stream offered to host tools as a serial port: a pty (/dev/pts/N) or
 * a TCP port with one client at a time (a second is told so in one line and closed). Everything
 * runs on the event loop: received bytes wait in the link until the owner takes them (so the
 * owner can hold the sender back), output is queued and sent as the peer takes it, and dropped
 * when no peer is there or the queue is full; the board never waits for the host.
 * Invariant: a link's descriptors are watched exactly while they can make progress. */
#ifndef HOST_SERIAL_LINK_H
#define HOST_SERIAL_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "host/pty.h"

#define SLINK_RX_BUF 256
#define SLINK_TX_BUF 16384
#define SLINK_ADDR_MAX 40

typedef enum { SLINK_NONE, SLINK_PTY, SLINK_TCP } slink_kind_t;

typedef struct {
    slink_kind_t kind;
    char addr[SLINK_ADDR_MAX]; /* TCP: an IPv4 address */
    int port;                  /* TCP: 0 picks a free one */
} slink_spec_t;

typedef struct slink slink_t;
typedef void (*slink_rx_fn_t)(slink_t *l, void *ctx); /* bytes from the peer can be taken */

struct slink {
    slink_spec_t spec;
    const char *label; /* for the peer's messages, e.g. "UART1" */
    hpty_t pty;
    int lfd, cfd; /* TCP: listening socket, client (-1: none) */
    bool peer;    /* a tool or client is there */
    char peer_name[SLINK_ADDR_MAX + 8];
    uint8_t rx[SLINK_RX_BUF];
    size_t rx_off, rx_len;
    uint8_t tx[SLINK_TX_BUF];
    size_t tx_head, tx_len;
    slink_rx_fn_t on_rx;
    void *ctx;
    uint64_t sessions, refused, tx_dropped;
};

/* "pty", "tcp:PORT", "tcp:ADDR:PORT" or "none"; false if it is none of them. */
bool slink_parse(const char *text, slink_spec_t *out);
/* Opens the link (not for SLINK_NONE); 0, or a negative errno with the link closed. */
int slink_start(slink_t *l, const slink_spec_t *spec, const char *label, slink_rx_fn_t on_rx, void *ctx);
bool slink_running(const slink_t *l);
/* Across a reset (the program executed again): the descriptors that carry the link on (pty:
 * the master; TCP: the listening socket and the client, -1 if none), kept open through the exec;
 * the new program takes them back with slink_adopt (0, or a negative errno with nothing open).
 * A tool or client stays connected; output still queued is lost. */
void slink_handover(const slink_t *l, int *fd1, int *fd2);
int slink_adopt(
    slink_t *l, const slink_spec_t *spec, int fd1, int fd2, const char *label, slink_rx_fn_t on_rx, void *ctx);
/* Where tools find it: the pty's path, or "ADDR:PORT" as bound. */
void slink_where(const slink_t *l, char *buf, size_t len);
/* Takes up to max received bytes (0: none waiting). */
size_t slink_read(slink_t *l, uint8_t *buf, size_t max);
/* Room in the output queue now (0 without a peer: what is written then is dropped). */
size_t slink_tx_room(const slink_t *l);
/* Sends to the peer (queued; dropped and counted when there is none or no room). */
void slink_write(slink_t *l, const uint8_t *data, size_t len);
void slink_stop(slink_t *l);

#endif
