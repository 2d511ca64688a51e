/* board/uart.h: the board's two UARTs as plain C (no Python): a 256-byte receive ring each, as on
 * the CC3200, a transmit wire (a callback the firmware connects, e.g. UART0 to the host terminal)
 * and a receive diversion (the REPL takes UART0's bytes while it is the dupterm stream).
 * Invariant: bytes past a full receive ring are dropped, never block the sender. */
#ifndef BOARD_UART_H
#define BOARD_UART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UART_COUNT 2
#define UART_RX_SIZE 256

typedef void (*uart_wire_fn_t)(void *ctx, const uint8_t *data, size_t len);

/* Wires: tx gets what the board sends; divert (when set) gets what arrives instead of the ring. */
void uart_connect_tx(int id, uart_wire_fn_t fn, void *ctx);
void uart_set_rx_divert(int id, uart_wire_fn_t fn, void *ctx);

/* The outside delivers bytes to the board's RX pin. */
void uart_rx_deliver(int id, const uint8_t *data, size_t len);

/* The board side (what machine.UART uses). Framing is kept and reported; the wire carries bytes. */
typedef struct {
    uint32_t baudrate;
    uint8_t bits;  /* 5..8 */
    int8_t parity; /* -1 none, 0 even, 1 odd */
    uint8_t stop;  /* 1 or 2 */
} uart_config_t;

void uart_init(int id, const uart_config_t *cfg);
void uart_deinit(int id);
bool uart_is_enabled(int id);
bool uart_config(int id, uart_config_t *cfg); /* false if the id doesn't exist */
void uart_write(int id, const uint8_t *data, size_t len);
size_t uart_rx_available(int id);
size_t uart_read(int id, uint8_t *buf, size_t n);
/* How many bytes from outside the receive path takes now without dropping any: the ring's room,
 * SIZE_MAX while diverted or off (everything is taken, or dropped). board/uart_tap.h tells when
 * it grows. */
size_t uart_rx_room(int id);

/* RX_ANY interrupt (issue 10): a byte arriving in the ring sets the flag and pends the UART's
 * line of board/irq.h while the trigger is set. */
#define UART_RX_ANY 1
void uart_irq_set(int id, unsigned trigger);
unsigned uart_irq_flags(int id);
void uart_irq_ack(int id);

#endif
