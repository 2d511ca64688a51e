/* board/uart_wave.c: UART frames as levels and as waves in the trace (uart_wave.h). The wire model
 * (uart_line.c) and the trace read the same levels, so what a receiver samples is what is drawn. */
#include "board/uart_wave.h"

#include "board/trace.h"

int uart_frame_bits(const uart_config_t *c, uint8_t byte, bool brk, uint8_t bits[UART_FRAME_BITS_MAX]) {
    int n = 0;
    bits[n++] = 0;
    int ones = 0;
    for (int i = 0; i < c->bits; i++) {
        int b = brk ? 0 : (byte >> i) & 1;
        ones += b;
        bits[n++] = (uint8_t)b;
    }
    if (c->parity >= 0) {
        bits[n++] = brk ? 0 : (uint8_t)((ones & 1) ^ (c->parity == 0 ? 0 : 1)); /* even: total ones even */
    }
    for (int i = 0; i < c->stop; i++) {
        bits[n++] = brk ? 0 : 1;
    }
    return n;
}

/* Where bit i starts, in ns from the frame's start. */
static uint64_t bit_start_ns(const uart_config_t *c, unsigned i) {
    return ((uint64_t)i * 1000000000u + c->baudrate - 1) / c->baudrate;
}

uint64_t uart_frame_ns(const uart_config_t *c) {
    return bit_start_ns(c, 1u + c->bits + (c->parity >= 0 ? 1u : 0u) + c->stop);
}

void uart_wave_frame(int pin, const uart_config_t *c, uint8_t byte, bool brk) {
    if (!trace_running() || c->baudrate == 0) {
        return;
    }
    uint8_t bits[UART_FRAME_BITS_MAX];
    int n = uart_frame_bits(c, byte, brk, bits);
    uint64_t t0 = trace_now_ns();
    for (int i = 0; i < n; i++) {
        if (i == 0 || bits[i] != bits[i - 1]) {
            trace_wave(pin, t0 + bit_start_ns(c, (unsigned)i), bits[i]);
        }
    }
    trace_wave(pin, t0 + uart_frame_ns(c), TRACE_WAVE_RELEASE);
}
