/* modules/ssl_dtls.c: DTLS's own pieces for the ssl module: the retransmission timer mbedTLS asks
 * for (on the host's monotonic clock, the network's time, whatever the board's clock does), the
 * HelloVerify cookie secret every DTLS server of the process shares (made once from the DRBG), the
 * server's client id, non-blocking datagram I/O on the socket, and the bounded wait between tries.
 * Invariant: nothing here blocks except dtls_wait, which never waits past the timer's deadline. */
#include <errno.h>

#include <mbedtls/ssl_cookie.h>

#include "core/port.h"
#include "core/runtime.h"
#include "host/event_loop.h"
#include "host/sock.h"
#include "modules/mod_socket.h"
#include "modules/ssl_dtls.h"

uint64_t dtls_now_us(void) {
    return el_now_us();
}

/* ---- the timer: mbedTLS sets two delays and asks which of them passed ---- */

static void dtls_timer_set(void *arg, uint32_t int_ms, uint32_t fin_ms) {
    dtls_timer_t *t = arg;
    t->int_ms = int_ms;
    t->fin_ms = fin_ms;
    t->start_us = dtls_now_us();
}

/* -1 stopped, 0 none passed, 1 the intermediate one, 2 the final one (mbedTLS's contract) */
static int dtls_timer_get(void *arg) {
    const dtls_timer_t *t = arg;
    if (t->fin_ms == 0) {
        return -1;
    }
    uint64_t ms = (dtls_now_us() - t->start_us) / 1000u;
    return ms >= t->fin_ms ? 2 : ms >= t->int_ms ? 1 : 0;
}

void dtls_timer_attach(mbedtls_ssl_context *ssl, dtls_timer_t *t) {
    t->fin_ms = 0;
    mbedtls_ssl_set_timer_cb(ssl, t, dtls_timer_set, dtls_timer_get);
}

int dtls_timer_left_ms(const dtls_timer_t *t) {
    if (t->fin_ms == 0) {
        return -1;
    }
    uint64_t ms = (dtls_now_us() - t->start_us) / 1000u;
    return ms >= t->fin_ms ? 0 : (int)(t->fin_ms - ms);
}

/* ---- servers: cookies and the client id ---- */

static mbedtls_ssl_cookie_ctx dtls_cookies;
static bool dtls_cookies_ready;

int dtls_conf_server(mbedtls_ssl_config *conf, mbedtls_ctr_drbg_context *drbg) {
    if (!dtls_cookies_ready) {
        mbedtls_ssl_cookie_init(&dtls_cookies);
        int r = mbedtls_ssl_cookie_setup(&dtls_cookies, mbedtls_ctr_drbg_random, drbg);
        if (r != 0) {
            mbedtls_ssl_cookie_free(&dtls_cookies);
            return r;
        }
        dtls_cookies_ready = true;
    }
    mbedtls_ssl_conf_dtls_cookies(conf, mbedtls_ssl_cookie_write, mbedtls_ssl_cookie_check, &dtls_cookies);
    return 0;
}

int dtls_set_client_id(mbedtls_ssl_context *ssl, obj_t client_id) {
    buffer_info_t bi;
    if (client_id == OBJ_NONE || !rt_get_buffer(client_id, &bi, BUFFER_READ) || bi.len == 0) {
        return MBEDTLS_ERR_SSL_BAD_INPUT_DATA;
    }
    return mbedtls_ssl_set_client_transport_id(ssl, bi.buf, bi.len);
}

/* ---- the socket underneath ---- */

ssize_t dtls_sock_io(obj_t sock, bool sending, unsigned char *buf, size_t len) {
    int fd = socket_fd(sock);
    if (fd < 0) {
        return -EBADF;
    }
    return sending ? hsock_send(fd, buf, len) : hsock_recv(fd, buf, len, 0);
}

bool dtls_wait(obj_t sock, int events, const dtls_timer_t *t, uint64_t since_us, bool complete) {
    int own = socket_timeout_ms(sock);
    if (own == 0 && !complete) {
        return false;
    }
    int limit = dtls_timer_left_ms(t);
    if (own > 0) {
        uint64_t spent = (dtls_now_us() - since_us) / 1000u;
        if (spent >= (uint64_t)own) {
            raise_os_error(ETIMEDOUT);
        }
        int left = own - (int)spent;
        limit = limit < 0 || left < limit ? left : limit;
    }
    int fd = socket_fd(sock);
    if (fd < 0) {
        raise_os_error(EBADF);
    }
    uint16_t ev = (uint16_t)events, rev = 0;
    int r = port_poll_fds(&fd, &ev, &rev, 1, limit);
    if (r < 0) {
        raise_os_error(-r);
    }
    return true;
}
