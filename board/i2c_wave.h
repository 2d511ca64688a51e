/* board/i2c_wave.h: the I2C bus's bit level (issue 10): how long each condition and byte takes at
 * the controller's frequency, spent on the board's clock, and the SCL/SDA levels drawn in the
 * trace while a dump runs (the device's ACKs and read bytes included: they are on SDA).
 * Invariant: an event of i2c_event_ns(ev, freq) ns starts at the board's time when i2c.c tells it
 * and the clock is that much later when it returns; the bus idles with both lines released. */
#ifndef BOARD_I2C_WAVE_H
#define BOARD_I2C_WAVE_H

#include <stdbool.h>
#include <stdint.h>

#include "board/clock.h"
#include "board/i2c.h"
#include "board/trace.h"

/* One bit period (SCL low then high) at freq Hz, in ns (rounded). */
uint64_t i2c_bit_ns(uint32_t freq);
/* An event's duration: START, repeated START and STOP one bit period, a byte (8 bits and the
 * ACK/NACK bit) nine. */
uint64_t i2c_event_ns(i2c_event_t ev, uint32_t freq);
/* The bus (SCL, SDA pins) carries ev (a byte: `byte` then ACK when `ack`, else NACK): drawn if a
 * dump runs, and its time spent. Inline: with no dump running it is a check and a clock add. */
void i2c_wave_draw(uint32_t freq, int scl, int sda, i2c_event_t ev, uint8_t byte, bool ack);
static inline void i2c_wave_event(uint32_t freq, int scl, int sda, i2c_event_t ev, uint8_t byte, bool ack) {
    if (trace_running()) {
        i2c_wave_draw(freq, scl, sda, ev, byte, ack);
    } else {
        clock_spend_ns(i2c_event_ns(ev, freq));
    }
}

#endif
