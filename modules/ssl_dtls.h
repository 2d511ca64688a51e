/* modules/ssl_dtls.h: what the ssl module (modules/mod_ssl.c) needs for DTLS over a UDP socket:
 * mbedTLS's retransmission timer on the host's clock (the network's time), HelloVerify cookies for
 * servers from one process-wide secret, the client id a server binds its cookies to, and the wait
 * for a datagram that the retransmission timer and the socket's own timeout both bound.
 * Invariant: a DTLS read or write never blocks inside mbedTLS; every wait is dtls_wait's. */
#ifndef MODULES_SSL_DTLS_H
#define MODULES_SSL_DTLS_H

#include <stdbool.h>
#include <stdint.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ssl.h>

#include "core/obj.h"

typedef struct {
    uint64_t start_us;       /* when mbedTLS last set it */
    uint32_t int_ms, fin_ms; /* its two delays; fin_ms == 0: stopped */
} dtls_timer_t;

/* The host's monotonic clock in microseconds (what the timer and the socket timeouts count). */
uint64_t dtls_now_us(void);

/* Gives the connection its retransmission timer (mbedtls_ssl_set_timer_cb). */
void dtls_timer_attach(mbedtls_ssl_context *ssl, dtls_timer_t *t);

/* Milliseconds to the timer's final deadline (0 once passed: a resend is due), -1 when stopped. */
int dtls_timer_left_ms(const dtls_timer_t *t);

/* A DTLS server's configuration: HelloVerify cookies (RFC 6347 4.2.1); 0 or an mbedTLS error. */
int dtls_conf_server(mbedtls_ssl_config *conf, mbedtls_ctr_drbg_context *drbg);

/* The client id (the peer's address, any bytes-like object) a server's cookies are bound to:
 * 0, or MBEDTLS_ERR_SSL_BAD_INPUT_DATA for anything without a buffer or an empty one. */
int dtls_set_client_id(mbedtls_ssl_context *ssl, obj_t client_id);

/* One datagram to or from the socket, never blocking: bytes moved or a negative errno. */
ssize_t dtls_sock_io(obj_t sock, bool sending, unsigned char *buf, size_t len);

/* Waits for `events` on the socket until they come or the timer's deadline passes (true: the
 * caller calls mbedTLS again, which retransmits once the deadline is gone). A non-blocking socket
 * doesn't wait (false) unless `complete`; a socket with a timeout raises OSError(ETIMEDOUT) once
 * that much time has passed since `since_us`. The board's event loop runs meanwhile. */
bool dtls_wait(obj_t sock, int events, const dtls_timer_t *t, uint64_t since_us, bool complete);

#endif
