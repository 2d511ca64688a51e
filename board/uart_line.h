/* board/uart_line.h: the UARTs' wires (issue 10): each UART's pins (TX, RX, RTS, CTS), a transmit
 * queue sent one frame at a time at the configured rate on the board's clock, and delivery to every
 * enabled UART whose RX pin is on the TX pin's net, as that receiver samples the frame with its own
 * framing: equal settings carry the byte, a mismatch gives the garbage a real receiver would read.
 * Invariant: a queued byte reaches the receivers at the end of its frame, in order. */
#ifndef BOARD_UART_LINE_H
#define BOARD_UART_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/uart.h"
#include "board/uart_wave.h" /* uart_frame_ns, uart_frame_bits */

#define UART_LINE_QUEUE 512
enum { UART_PIN_TX, UART_PIN_RX, UART_PIN_RTS, UART_PIN_CTS, UART_PINS };

void uart_line_reset(int id); /* queue emptied, pins forgotten (not reconfigured) */
void uart_line_set_pins(int id, const int pins[UART_PINS]); /* -1: none */
int uart_line_pin(int id, int which);
/* The pin's alt index for this UART function ("UART0_TX"...), or -1 if it has none. */
int uart_line_pin_alt(int pin, int id, int which);
/* The UART (0/1) that has this function on the pin, or -1. */
int uart_line_unit_of(int pin, int which);

size_t uart_line_space(int id);                              /* room in the transmit queue */
size_t uart_line_send(int id, const uint8_t *data, size_t len); /* queued (at most the room) */
bool uart_line_idle(int id);                                 /* nothing queued nor on the wire */
void uart_line_break(int id);                                /* a break: the line low for a frame and more */
void uart_line_flush(int id);                                /* delivers what is queued now (no clock) */

/* What a receiver with framing `rx` reads from one frame of `byte` sent with framing `tx` on an
 * otherwise idle line (possibly nothing, possibly more than one byte); returns the count. */
size_t uart_line_receive(const uart_config_t *tx, uint8_t byte, bool brk, const uart_config_t *rx, uint8_t *out,
    size_t max);

#endif
