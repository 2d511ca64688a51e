/* board/i2c_wave.c: the I2C bus's timing and waveform (i2c_wave.h). A bit period P starts with SCL
 * low: SDA takes the bit at P/4, SCL rises at P/2 and falls at P, so SDA is steady while SCL is
 * high; START and STOP move SDA while SCL is high. Levels are scheduled with trace_wave. */
#include "board/i2c_wave.h"

#include "board/clock.h"
#include "board/trace.h"

uint64_t i2c_bit_ns(uint32_t freq) {
    static uint32_t last_freq;
    static uint64_t last_ns;
    if (freq != last_freq) { /* one division per frequency, not per event */
        last_ns = freq == 0 ? 0 : (1000000000u + freq / 2) / freq;
        last_freq = freq;
    }
    return last_ns;
}

uint64_t i2c_event_ns(i2c_event_t ev, uint32_t freq) {
    return (ev == I2C_EV_BYTE ? 9u : 1u) * i2c_bit_ns(freq);
}

/* One data bit from t: SDA set while SCL is low, then a clock pulse. */
static void draw_bit(int scl, int sda, uint64_t t, uint64_t p, int bit) {
    trace_wave(sda, t + p / 4, bit);
    trace_wave(scl, t + p / 2, 1);
    trace_wave(scl, t + p, 0);
}

static void draw(int scl, int sda, uint64_t p, i2c_event_t ev, uint8_t byte, bool ack) {
    uint64_t t = trace_now_ns();
    switch (ev) {
    case I2C_EV_START: /* from idle: SDA falls while SCL is high, then SCL falls */
        trace_wave(scl, t, 1);
        trace_wave(sda, t, 1);
        trace_wave(sda, t + p / 2, 0);
        trace_wave(scl, t + p, 0);
        break;
    case I2C_EV_RESTART: /* SCL low after an ACK: SDA up, SCL up, SDA falls, SCL falls */
        trace_wave(sda, t + p / 4, 1);
        trace_wave(scl, t + p / 2, 1);
        trace_wave(sda, t + 3 * p / 4, 0);
        trace_wave(scl, t + p, 0);
        break;
    case I2C_EV_STOP: /* SDA low, SCL up, SDA rises while SCL is high: both released */
        trace_wave(sda, t + p / 4, 0);
        trace_wave(scl, t + p / 2, TRACE_WAVE_RELEASE);
        trace_wave(sda, t + 3 * p / 4, TRACE_WAVE_RELEASE);
        break;
    case I2C_EV_BYTE:
        for (int i = 0; i < 8; i++) {
            draw_bit(scl, sda, t + (uint64_t)i * p, p, (byte >> (7 - i)) & 1);
        }
        draw_bit(scl, sda, t + 8 * p, p, ack ? 0 : 1);
        break;
    }
}

void i2c_wave_draw(uint32_t freq, int scl, int sda, i2c_event_t ev, uint8_t byte, bool ack) {
    uint64_t p = i2c_bit_ns(freq);
    draw(scl, sda, p, ev, byte, ack);
    clock_spend_ns(ev == I2C_EV_BYTE ? 9 * p : p);
}
