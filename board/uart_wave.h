/* board/uart_wave.h: a UART frame on the wire (issue 10): its levels (start bit, data bits LSB
 * first, parity, stop bits), its time at the baud rate, and its drawing in the trace on the TX
 * pin's net (so a wired receiver's RX pin shows it too), stamped with the board's time.
 * Invariant: bit i of a frame starts ceil(i * 1e9 / baud) ns after the frame, which lasts
 * uart_frame_ns; the line is back at its own (idle) level at the end. */
#ifndef BOARD_UART_WAVE_H
#define BOARD_UART_WAVE_H

#include <stdbool.h>
#include <stdint.h>

#include "board/uart.h"

#define UART_FRAME_BITS_MAX 12 /* start, 8 data, parity, 2 stop */

/* The frame's levels, one per bit (a break is all 0); returns how many. */
int uart_frame_bits(const uart_config_t *c, uint8_t byte, bool brk, uint8_t bits[UART_FRAME_BITS_MAX]);
uint64_t uart_frame_ns(const uart_config_t *c); /* one frame's time */
/* The frame leaves on `pin` now: drawn in the trace while a dump runs, else nothing. */
void uart_wave_frame(int pin, const uart_config_t *c, uint8_t byte, bool brk);

#endif
