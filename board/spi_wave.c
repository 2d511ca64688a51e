/* board/spi_wave.c: the SPI bus's timing and waveform (spi_wave.h). In a bit period P the data
 * lines change at P/4, a little after the edge that shifts them out; with phase 0 the leading clock
 * edge at P/2 samples them and the trailing edge ends the period; with phase 1 the leading edge
 * starts it and the trailing edge at P/2 samples. Words are drawn whole, so bytes gather until a
 * word is complete.
 * Invariant: outside spi_wave_begin..end nothing is gathered (`bytes` is 0). */
#include "board/spi_wave.h"

#include "board/clock.h"
#include "board/trace.h"

static struct {
    spi_config_t cfg;
    int pins[SPI_PINS];
    bool drawing; /* a dump runs: words are drawn */
    uint64_t p;   /* bit period, ns */
    uint32_t out, in;
    unsigned bytes; /* gathered bytes of the word */
} w;

uint64_t spi_bit_ns(uint32_t baudrate) { return baudrate == 0 ? 0 : (1000000000u + baudrate / 2) / baudrate; }

void spi_wave_begin(const spi_config_t *c, const int pins[SPI_PINS]) {
    w.cfg = *c;
    for (int i = 0; i < SPI_PINS; i++) {
        w.pins[i] = pins[i];
    }
    w.drawing = trace_running();
    w.p = spi_bit_ns(c->baudrate);
    w.out = w.in = 0;
    w.bytes = 0;
}

static void draw_word(uint64_t t, unsigned bits) {
    int clk = w.pins[SPI_PIN_CLK], mosi = w.pins[SPI_PIN_MOSI], miso = w.pins[SPI_PIN_MISO];
    int idle = w.cfg.polarity, active = !w.cfg.polarity;
    uint64_t p = w.p;
    for (unsigned k = 0; k < bits; k++) {
        unsigned bit = w.cfg.firstbit == 0 ? bits - 1 - k : k;
        int o = (int)((w.out >> bit) & 1), i = (int)((w.in >> bit) & 1);
        uint64_t tk = t + k * p;
        if (w.cfg.phase == 0) {
            trace_wave(mosi, tk + p / 4, o);
            trace_wave(miso, tk + p / 4, i);
            trace_wave(clk, tk + p / 2, active);
            trace_wave(clk, tk + p, idle);
        } else {
            trace_wave(clk, tk, active);
            trace_wave(mosi, tk + p / 4, o);
            trace_wave(miso, tk + p / 4, i);
            trace_wave(clk, tk + p / 2, idle);
        }
    }
}

void spi_wave_byte(uint8_t out, uint8_t in) {
    if (!w.drawing) {
        clock_spend_ns(8 * w.p);
        return;
    }
    w.out |= (uint32_t)out << (8 * w.bytes);
    w.in |= (uint32_t)in << (8 * w.bytes);
    w.bytes++;
    if (w.bytes * 8 >= w.cfg.bits) {
        draw_word(trace_now_ns(), w.cfg.bits);
        clock_spend_ns(w.cfg.bits * w.p);
        w.out = w.in = 0;
        w.bytes = 0;
    }
}

void spi_wave_end(void) {
    if (!w.drawing) {
        return;
    }
    if (w.bytes > 0) { /* a part of a word: its bits go as they are */
        draw_word(trace_now_ns(), 8 * w.bytes);
        clock_spend_ns(8 * w.bytes * w.p);
        w.bytes = 0;
    }
    uint64_t t = trace_now_ns();
    for (int i = 0; i < SPI_PINS; i++) {
        trace_wave(w.pins[i], t, TRACE_WAVE_RELEASE);
    }
}
