/* tests/unit/waves_test.c: cmocka tests of the bus waveforms in the trace (issue 10): the trace's
 * queue of scheduled levels (merged in time order with pin changes, released to the pin's level,
 * written whole at stop, nothing kept while no dump runs, overflow), the board's clock spending bus
 * time in both modes, and each bus's generator read back from the VCD text: UART frames (framings,
 * bit times), I2C conditions and bytes (SDA steady while SCL is high, the ACK bit, timing) and SPI
 * words in the four modes, both bit orders, 8/16/32 bits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "board/clock.h"
#include "board/i2c_wave.h"
#include "board/irq.h"
#include "board/pin.h"
#include "board/spi_wave.h"
#include "board/trace.h"
#include "board/uart_wave.h"

/* ---- the dump, captured and parsed ---- */

static char out[1 << 22];
static size_t out_len;

static bool sink(void *ctx, const char *data, size_t len) {
    (void)ctx;
    assert_true(out_len + len < sizeof(out));
    memcpy(out + out_len, data, len);
    out_len += len;
    out[out_len] = '\0';
    return true;
}

typedef struct {
    uint64_t t;
    int pin; /* the pin whose signal changed */
    int v;
} change_t;

#define MAX_CHANGES 200000
static change_t ch[MAX_CHANGES];
static int n_ch;

/* Parses the dump: the $var lines give each id's pin name, then every value change after
 * $enddefinitions (the $dumpvars block too, at the first stamp). */
static void parse(void) {
    char ids[PIN_COUNT][8];
    memset(ids, 0, sizeof(ids));
    n_ch = 0;
    uint64_t t = 0;
    bool defs = true;
    char *save = NULL;
    static char copy[sizeof(out)];
    memcpy(copy, out, out_len + 1);
    for (char *line = strtok_r(copy, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
        if (defs) {
            char id[8], name[32];
            if (sscanf(line, "$var wire 1 %7s %31s $end", id, name) == 2) {
                int p = pin_by_name(name, strlen(name));
                if (p >= 0) {
                    strcpy(ids[p], id);
                }
            }
            if (strncmp(line, "$enddefinitions", 15) == 0) {
                defs = false;
            }
            continue;
        }
        if (line[0] == '#') {
            t = strtoull(line + 1, NULL, 10);
        } else if (line[0] == '0' || line[0] == '1') {
            for (int p = 0; p < PIN_COUNT; p++) {
                if (strcmp(ids[p], line + 1) == 0) {
                    assert_true(n_ch < MAX_CHANGES);
                    ch[n_ch++] = (change_t){t, p, line[0] - '0'};
                }
            }
        }
    }
}

/* The pin's level at time t (the last change at or before t; changes at t count). */
static int level_at(int pin, uint64_t t) {
    int v = -1;
    for (int i = 0; i < n_ch && ch[i].t <= t; i++) {
        if (ch[i].pin == pin) {
            v = ch[i].v;
        }
    }
    return v;
}

/* The times pin changed to `to` (0/1) in (after, ...), at most max, after the dump's first stamp. */
static int edges(int pin, int to, uint64_t after, uint64_t *times, int max) {
    int n = 0, prev = -1;
    for (int i = 0; i < n_ch; i++) {
        if (ch[i].pin != pin) {
            continue;
        }
        if (prev >= 0 && ch[i].v == to && ch[i].v != prev && ch[i].t > after && n < max) {
            times[n++] = ch[i].t;
        }
        prev = ch[i].v;
    }
    return n;
}

static int pin_of(const char *name) {
    int p = pin_by_name(name, strlen(name));
    assert_true(p >= 0);
    return p;
}

static void cfg(int p, pin_mode_t m, pin_pull_t pull) {
    pin_config_t c = {m, pull, PIN_DRIVE_MED, -1};
    pin_configure(p, &c);
}

static uint64_t fake_host;
static uint64_t host_now(void) { return fake_host; }

static int setup(void **state) {
    (void)state;
    clock_init(CLOCK_VIRTUAL, 1000, NULL);
    irq_reset_all();
    pin_unwire_all();
    pin_reset_all();
    trace_init();
    out_len = 0;
    out[0] = '\0';
    return 0;
}

static int teardown(void **state) {
    (void)state;
    trace_stop();
    return 0;
}

static void start(void) {
    out_len = 0;
    assert_true(trace_start(sink, NULL, NULL));
}

static void stop_and_parse(void) {
    assert_true(trace_stop());
    parse();
}

/* ---- the trace's queue ---- */

static void test_queue_merges_in_time_order(void **state) {
    (void)state;
    int a = pin_of("GP10"), b = pin_of("GP11"), c = pin_of("GP12");
    cfg(a, PIN_MODE_IN, PIN_PULL_UP);
    cfg(b, PIN_MODE_IN, PIN_PULL_UP);
    cfg(c, PIN_MODE_OUT, PIN_PULL_NONE);
    clock_advance(1000);
    start();
    trace_wave(a, 1100, 0);
    trace_wave(a, 1300, TRACE_WAVE_RELEASE);
    trace_wave(b, 1200, 0); /* scheduled later, earlier in time: merged */
    trace_wave(b, 1250, TRACE_WAVE_RELEASE);
    clock_advance(150); /* 1150: a pin change between the scheduled ones */
    pin_write(c, 1);
    clock_advance(500);
    pin_write(c, 0); /* 1650: after all of them */
    stop_and_parse();
    const change_t want[] = {{1100, a, 0}, {1150, c, 1}, {1200, b, 0}, {1250, b, 1}, {1300, a, 1}, {1650, c, 0}};
    int first = 0;
    while (first < n_ch && ch[first].t == 1000) {
        first++; /* $dumpvars */
    }
    assert_int_equal(n_ch - first, 6);
    for (int i = 0; i < 6; i++) {
        assert_int_equal(ch[first + i].t, want[i].t);
        assert_int_equal(ch[first + i].pin, want[i].pin);
        assert_int_equal(ch[first + i].v, want[i].v);
    }
}

static void test_release_and_net(void **state) {
    (void)state;
    int a = pin_of("GP13"), b = pin_of("GP16"), other = pin_of("GP17");
    pin_wire(a, b);
    cfg(a, PIN_MODE_IN, PIN_PULL_DOWN); /* the net's own level: 0 */
    start();
    uint64_t t = trace_now_ns();
    trace_wave(a, t + 10, 1);
    trace_wave(a, t + 20, TRACE_WAVE_RELEASE);
    clock_advance(100);
    stop_and_parse();
    assert_int_equal(level_at(a, t + 10), 1);
    assert_int_equal(level_at(b, t + 10), 1); /* the whole net shows the wave */
    assert_int_equal(level_at(other, t + 10), 0);
    assert_int_equal(level_at(a, t + 20), 0); /* released: the net's level */
    assert_int_equal(level_at(b, t + 20), 0);
}

static void test_stop_writes_the_future_and_off_keeps_nothing(void **state) {
    (void)state;
    int a = pin_of("GP10");
    cfg(a, PIN_MODE_IN, PIN_PULL_UP);
    trace_wave(a, 10, 0); /* no dump: dropped */
    start();
    uint64_t t = trace_now_ns();
    trace_wave(a, t + 5000, 0);
    trace_wave(a, t + 6000, TRACE_WAVE_RELEASE);
    stop_and_parse(); /* the clock did not get there: written anyway */
    uint64_t falls[4], rises[4];
    assert_int_equal(edges(a, 0, 0, falls, 4), 1);
    assert_int_equal(falls[0], t + 5000);
    assert_int_equal(edges(a, 1, 0, rises, 4), 1);
    assert_int_equal(rises[0], t + 6000);
    /* a new dump starts clean */
    start();
    clock_advance(10000);
    stop_and_parse();
    assert_int_equal(edges(a, 0, 0, falls, 4), 0);
}

static void test_queue_overflow(void **state) {
    (void)state;
    int a = pin_of("GP10");
    cfg(a, PIN_MODE_IN, PIN_PULL_UP);
    start();
    uint64_t t = trace_now_ns();
    int n = TRACE_WAVE_MAX + 100;
    for (int i = 0; i < n; i++) {
        trace_wave(a, t + 10 * (uint64_t)(i + 1), i & 1 ? 1 : 0);
    }
    stop_and_parse();
    uint64_t falls[TRACE_WAVE_MAX];
    assert_int_equal(edges(a, 0, 0, falls, TRACE_WAVE_MAX), n / 2);
    for (int i = 0; i < n / 2; i++) {
        assert_int_equal(falls[i], t + 10 * (uint64_t)(2 * i + 1));
    }
}

/* ---- the clock ---- */

static void test_clock_spend(void **state) {
    (void)state;
    clock_init(CLOCK_VIRTUAL, 1000, NULL);
    clock_spend_ns(12345);
    assert_int_equal(clock_now_ns(), 12345);
    fake_host = 1000000;
    clock_init(CLOCK_REAL, 1000, host_now);
    fake_host += 500;
    assert_int_equal(clock_now_ns(), 500);
    clock_spend_ns(10000); /* ahead of the host from now on */
    assert_int_equal(clock_now_ns(), 10500);
    fake_host += 100;
    assert_int_equal(clock_now_ns(), 10600);
    clock_init(CLOCK_VIRTUAL, 1000, NULL);
}

/* ---- UART ---- */

static void test_uart_frame_bits(void **state) {
    (void)state;
    uint8_t bits[UART_FRAME_BITS_MAX];
    uart_config_t c = {9600, 8, -1, 1};
    assert_int_equal(uart_frame_bits(&c, 0x35, false, bits), 10);
    const uint8_t want[] = {0, 1, 0, 1, 0, 1, 1, 0, 0, 1};
    assert_memory_equal(bits, want, 10);
    uart_config_t e = {9600, 7, 0, 2}; /* even parity: 0x35 has 4 ones -> 0 */
    assert_int_equal(uart_frame_bits(&e, 0x35, false, bits), 11);
    assert_int_equal(bits[8], 0);
    assert_int_equal(bits[9], 1);
    uart_config_t o = {9600, 5, 1, 1}; /* odd parity over 5 bits of 0x35 (10101: 3 ones) -> 0 */
    assert_int_equal(uart_frame_bits(&o, 0x35, false, bits), 8);
    assert_int_equal(bits[6], 0);
    assert_int_equal(uart_frame_bits(&c, 0xff, true, bits), 10); /* a break: all low */
    for (int i = 0; i < 10; i++) {
        assert_int_equal(bits[i], 0);
    }
    assert_int_equal(uart_frame_ns(&c), 1041667);
}

/* Samples the frame in the middle of each bit, as a receiver does. */
static void check_frame(int pin, uint64_t t0, const uart_config_t *c, uint8_t byte) {
    uint8_t bits[UART_FRAME_BITS_MAX];
    int n = uart_frame_bits(c, byte, false, bits);
    double bit = 1e9 / c->baudrate;
    assert_int_equal(level_at(pin, t0 - 1), 1);
    for (int i = 0; i < n; i++) {
        assert_int_equal(level_at(pin, t0 + (uint64_t)(bit * (i + 0.5))), bits[i]);
    }
}

static void test_uart_wave(void **state) {
    (void)state;
    int tx = pin_of("GP12"), rx = pin_of("GP17");
    pin_wire(tx, rx);
    cfg(tx, PIN_MODE_IN, PIN_PULL_UP);
    const uart_config_t framings[] = {{9600, 8, -1, 1}, {115200, 7, 0, 2}, {1000000, 5, 1, 1}, {57600, 8, 1, 2}};
    for (size_t f = 0; f < sizeof(framings) / sizeof(framings[0]); f++) {
        const uart_config_t *c = &framings[f];
        start();
        clock_advance(1000); /* the dump's first instant holds the initial values */
        uint64_t t0 = trace_now_ns();
        uart_wave_frame(tx, c, 0xa7, false);
        clock_advance(uart_frame_ns(c));
        uint64_t t1 = trace_now_ns();
        uart_wave_frame(tx, c, 0x3c, false);
        clock_advance(2 * uart_frame_ns(c));
        stop_and_parse();
        check_frame(tx, t0, c, 0xa7);
        check_frame(rx, t0, c, 0xa7); /* the wired RX pin shows it too */
        check_frame(tx, t1, c, 0x3c);
        assert_int_equal(level_at(tx, t1 + uart_frame_ns(c)), 1); /* idle again */
        assert_int_equal(t1 - t0, uart_frame_ns(c)); /* back to back */
    }
    /* no dump: nothing drawn, nothing left to draw */
    uart_config_t c = {9600, 8, -1, 1};
    uart_wave_frame(tx, &c, 0x00, false);
    start();
    clock_advance(uart_frame_ns(&c));
    stop_and_parse();
    uint64_t falls[2];
    assert_int_equal(edges(tx, 0, 0, falls, 2), 0);
}

/* ---- I2C ---- */

typedef struct {
    int scl, sda;
} i2c_pins_t;

/* Decodes the dump's SCL/SDA as a receiver does: START/STOP (SDA moving while SCL is high) and
 * the bits at SCL's rising edges; writes "S", "P", "Sr" and bytes as "xx+"/"xx-" (ACK/NACK). */
static void i2c_decode(i2c_pins_t p, char *text, size_t max) {
    text[0] = '\0';
    int scl = 1, sda = 1, bits = 0, val = 0;
    bool started = false;
    size_t len = 0;
    for (int i = 0; i < n_ch; i++) {
        if (ch[i].pin == p.sda) {
            if (scl == 1 && ch[i].v != sda) {
                const char *what = ch[i].v == 0 ? (started ? "Sr " : "S ") : "P ";
                started = ch[i].v == 0;
                len += (size_t)snprintf(text + len, max - len, "%s", what);
                bits = val = 0;
            }
            sda = ch[i].v;
        } else if (ch[i].pin == p.scl) {
            if (ch[i].v == 1 && scl == 0 && started) {
                if (bits < 8) {
                    val = val << 1 | sda;
                    bits++;
                } else {
                    len += (size_t)snprintf(text + len, max - len, "%02x%c ", val, sda ? '-' : '+');
                    bits = val = 0;
                }
            }
            scl = ch[i].v;
        }
    }
}

static void test_i2c_wave(void **state) {
    (void)state;
    i2c_pins_t p = {pin_of("GP23"), pin_of("GP13")};
    cfg(p.scl, PIN_MODE_IN, PIN_PULL_UP);
    cfg(p.sda, PIN_MODE_IN, PIN_PULL_UP);
    clock_advance(1000);
    start();
    uint64_t t0 = clock_now_ns();
    const uint32_t f = 400000;
    i2c_wave_event(f, p.scl, p.sda, I2C_EV_START, 0, false);
    i2c_wave_event(f, p.scl, p.sda, I2C_EV_BYTE, 0x68 << 1, true);
    i2c_wave_event(f, p.scl, p.sda, I2C_EV_BYTE, 0x75, true);
    i2c_wave_event(f, p.scl, p.sda, I2C_EV_RESTART, 0, false);
    i2c_wave_event(f, p.scl, p.sda, I2C_EV_BYTE, 0x68 << 1 | 1, true);
    i2c_wave_event(f, p.scl, p.sda, I2C_EV_BYTE, 0x68, false);
    i2c_wave_event(f, p.scl, p.sda, I2C_EV_STOP, 0, false);
    assert_int_equal(clock_now_ns() - t0, 39 * 2500); /* 39 bit periods at 400 kHz */
    i2c_wave_event(f, p.scl, p.sda, I2C_EV_START, 0, false);
    i2c_wave_event(f, p.scl, p.sda, I2C_EV_BYTE, 0x50 << 1, false); /* nobody answers */
    i2c_wave_event(f, p.scl, p.sda, I2C_EV_STOP, 0, false);
    clock_advance(10000);
    stop_and_parse();
    char text[256];
    i2c_decode(p, text, sizeof(text));
    assert_string_equal(text, "S d0+ 75+ Sr d1+ 68- P S a0- P ");
    /* SCL runs at the frequency: rising edges one period apart within a byte */
    uint64_t rises[64];
    int n = edges(p.scl, 1, t0, rises, 64);
    assert_true(n > 30);
    assert_int_equal(rises[2] - rises[1], 2500);
    assert_int_equal(level_at(p.scl, clock_now_ns()), 1); /* the bus idles released */
    assert_int_equal(level_at(p.sda, clock_now_ns()), 1);
    assert_int_equal(i2c_event_ns(I2C_EV_BYTE, 100000), 90000);
    assert_int_equal(i2c_bit_ns(333333), 3000);
}

static void test_i2c_time_without_trace(void **state) {
    (void)state;
    uint64_t t0 = clock_now_ns();
    i2c_wave_event(100000, 0, 1, I2C_EV_START, 0, false);
    i2c_wave_event(100000, 0, 1, I2C_EV_BYTE, 0xd0, true);
    i2c_wave_event(100000, 0, 1, I2C_EV_STOP, 0, false);
    assert_int_equal(clock_now_ns() - t0, 110000);
}

/* ---- SPI ---- */

/* Reads words back from the dump: the data lines at each sampling edge of CLK. */
static int spi_decode(const spi_config_t *c, int clk, int data, uint64_t after, uint32_t *words, int max) {
    int leading = c->polarity ? 0 : 1; /* the level CLK goes to at the leading edge */
    int sample_to = c->phase == 0 ? leading : !leading;
    uint64_t t[256];
    int n = edges(clk, sample_to, after, t, 256);
    int got = 0;
    for (int i = 0; i + c->bits <= n && got < max; i += c->bits) {
        uint32_t w = 0;
        for (int k = 0; k < c->bits; k++) {
            int b = level_at(data, t[i + k]);
            unsigned bit = c->firstbit == 0 ? (unsigned)(c->bits - 1 - k) : (unsigned)k;
            w |= (uint32_t)b << bit;
        }
        words[got++] = w;
    }
    return got;
}

static void test_spi_wave(void **state) {
    (void)state;
    int pins[SPI_PINS] = {pin_of("GP14"), pin_of("GP16"), pin_of("GP15")};
    const uint8_t out_bytes[8] = {0x01, 0x82, 0x43, 0xc4, 0x25, 0xa6, 0x67, 0xe8};
    const uint8_t in_bytes[8] = {0xf0, 0x0f, 0x55, 0xaa, 0x12, 0x34, 0x56, 0x78};
    for (int mode = 0; mode < 4; mode++) {
        for (int bits = 8; bits <= 32; bits *= 2) {
            for (int first = 0; first < 2; first++) {
                spi_config_t c = {2000000, (uint8_t)bits, (uint8_t)(mode >> 1), (uint8_t)(mode & 1), (uint8_t)first};
                cfg(pins[SPI_PIN_CLK], PIN_MODE_OUT, PIN_PULL_NONE);
                pin_write(pins[SPI_PIN_CLK], c.polarity); /* CLK idles at the polarity */
                cfg(pins[SPI_PIN_MOSI], PIN_MODE_IN, PIN_PULL_UP);
                cfg(pins[SPI_PIN_MISO], PIN_MODE_IN, PIN_PULL_UP);
                clock_advance(1000);
                start();
                uint64_t t0 = trace_now_ns();
                spi_wave_begin(&c, pins);
                for (int i = 0; i < 8; i++) {
                    spi_wave_byte(out_bytes[i], in_bytes[i]);
                }
                spi_wave_end();
                assert_int_equal(trace_now_ns() - t0, 64 * 500); /* 64 bits at 2 MHz */
                clock_advance(5000);
                stop_and_parse();
                uint32_t mosi[8], miso[8];
                int words = 64 / bits;
                assert_int_equal(spi_decode(&c, pins[SPI_PIN_CLK], pins[SPI_PIN_MOSI], t0 - 1, mosi, 8), words);
                assert_int_equal(spi_decode(&c, pins[SPI_PIN_CLK], pins[SPI_PIN_MISO], t0 - 1, miso, 8), words);
                for (int wd = 0; wd < words; wd++) {
                    uint32_t eo = 0, ei = 0;
                    for (int b = 0; b < bits / 8; b++) {
                        eo |= (uint32_t)out_bytes[wd * bits / 8 + b] << (8 * b);
                        ei |= (uint32_t)in_bytes[wd * bits / 8 + b] << (8 * b);
                    }
                    assert_int_equal(mosi[wd], eo);
                    assert_int_equal(miso[wd], ei);
                }
                assert_int_equal(level_at(pins[SPI_PIN_CLK], trace_now_ns()), c.polarity);
                assert_int_equal(level_at(pins[SPI_PIN_MOSI], trace_now_ns()), 1); /* released */
            }
        }
    }
    /* trace off: the time only */
    spi_config_t c = {1000000, 8, 0, 0, 0};
    uint64_t t0 = clock_now_ns();
    spi_wave_begin(&c, pins);
    spi_wave_byte(1, 2);
    spi_wave_byte(3, 4);
    spi_wave_end();
    assert_int_equal(clock_now_ns() - t0, 16000);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_queue_merges_in_time_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_release_and_net, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stop_writes_the_future_and_off_keeps_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_queue_overflow, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clock_spend, setup, teardown),
        cmocka_unit_test_setup_teardown(test_uart_frame_bits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_uart_wave, setup, teardown),
        cmocka_unit_test_setup_teardown(test_i2c_wave, setup, teardown),
        cmocka_unit_test_setup_teardown(test_i2c_time_without_trace, setup, teardown),
        cmocka_unit_test_setup_teardown(test_spi_wave, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    int total = (int)(sizeof(tests) / sizeof(tests[0]));
    printf("%d passed, %d failed\n", total - failed, failed);
    return failed != 0;
}
