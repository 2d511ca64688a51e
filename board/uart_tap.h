/* board/uart_tap.h: what the outside sees of each UART's traffic (issue 10): byte counts, the
 * last bytes its TX sent (a bounded capture the control interface reads), and a callback for the
 * host side of the UART, told when the receive path has room again so it can deliver more.
 * Invariant: the capture keeps the newest UART_TAP_SIZE bytes; what it lost is counted. */
#ifndef BOARD_UART_TAP_H
#define BOARD_UART_TAP_H

#include <stddef.h>
#include <stdint.h>

#define UART_TAP_SIZE 4096

typedef struct {
    uint64_t tx;      /* bytes sent (write, and REPL output when it is the dupterm stream) */
    uint64_t rx;      /* bytes received: into the ring, or to the REPL while diverted */
    uint64_t rx_lost; /* bytes that arrived with the ring full or the UART off */
} uart_counts_t;

/* Called by board/uart.c. */
void uart_tap_tx(int id, const uint8_t *data, size_t len);
void uart_tap_rx(int id, size_t kept, size_t lost);
void uart_tap_room(int id); /* the receive path got room (read, init, deinit, diversion change) */

void uart_tap_counts(int id, uart_counts_t *out);
/* Takes up to max captured TX bytes, oldest first; *lost: bytes the capture dropped before them. */
size_t uart_tap_take_tx(int id, uint8_t *buf, size_t max, uint64_t *lost);
size_t uart_tap_pending_tx(int id);
void uart_tap_set_room_fn(int id, void (*fn)(int id, void *ctx), void *ctx);

#endif
