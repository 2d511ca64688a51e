/* board/uart_line.c: the UART wires of board/uart_line.h: per UART its pins, a transmit ring and one
 * foreground clock timer that ends the frame on the wire; receivers resample the sender's frame.
 * Invariant: the timer is armed iff a frame is on the wire (`busy`). */
#include "board/uart_line.h"

#include <stdio.h>
#include <string.h>

#include "board/clock.h"
#include "board/pin.h"

typedef struct {
    int pins[UART_PINS];
    uint8_t q[UART_LINE_QUEUE];
    size_t head, len;
    bool busy;    /* a frame is on the wire */
    uint8_t cur;  /* its byte */
    bool cur_brk; /* it is a break */
    clock_timer_t timer;
    bool timer_ready;
} line_t;

static line_t lines[UART_COUNT];

static line_t *line_get(int id) { return id >= 0 && id < UART_COUNT ? &lines[id] : NULL; }

static const char *const fn_names[UART_PINS] = {"TX", "RX", "RTS", "CTS"};

int uart_line_pin_alt(int pin, int id, int which) {
    if (pin < 0 || pin >= PIN_COUNT || id < 0 || id >= UART_COUNT || which < 0 || which >= UART_PINS) {
        return -1;
    }
    char want[16];
    snprintf(want, sizeof(want), "UART%d_%s", id, fn_names[which]);
    const pin_info_t *pi = &pin_info[pin];
    for (int i = 0; i < pi->n_alt; i++) {
        if (strcmp(pi->alt[i].fn, want) == 0) {
            return pi->alt[i].index;
        }
    }
    return -1;
}

int uart_line_unit_of(int pin, int which) {
    for (int id = 0; id < UART_COUNT; id++) {
        if (uart_line_pin_alt(pin, id, which) >= 0) {
            return id;
        }
    }
    return -1;
}

static void frame_done(clock_timer_t *t, void *ctx);

void uart_line_reset(int id) {
    line_t *l = line_get(id);
    if (l == NULL) {
        return;
    }
    if (l->timer_ready && clock_timer_armed(&l->timer)) {
        clock_timer_cancel(&l->timer);
    }
    l->head = l->len = 0;
    l->busy = false;
    for (int i = 0; i < UART_PINS; i++) {
        l->pins[i] = -1;
    }
}

void uart_line_set_pins(int id, const int pins[UART_PINS]) {
    line_t *l = line_get(id);
    if (l != NULL) {
        memcpy(l->pins, pins, sizeof(l->pins));
    }
}

int uart_line_pin(int id, int which) {
    line_t *l = line_get(id);
    return l != NULL && which >= 0 && which < UART_PINS ? l->pins[which] : -1;
}

/* ---- what a receiver reads ---- */

static int level_at(const uint8_t *bits, int n, double bit_ns, double t) {
    if (t < 0) {
        return 1;
    }
    long i = (long)(t / bit_ns);
    return i < n ? bits[i] : 1;
}

size_t uart_line_receive(const uart_config_t *tx, uint8_t byte, bool brk, const uart_config_t *rx, uint8_t *out,
    size_t max) {
    uint8_t bits[UART_FRAME_BITS_MAX];
    int n = uart_frame_bits(tx, byte, brk, bits);
    double tb = 1e9 / tx->baudrate, rb = 1e9 / rx->baudrate;
    double end = n * tb;
    size_t got = 0;
    double t = 0; /* a falling edge at 0: the start bit */
    while (got < max && t < end) {
        if (level_at(bits, n, tb, t + rb / 2) != 0) {
            /* too short to be a start bit: look for the next falling edge */
        } else {
            uint8_t v = 0;
            for (int i = 0; i < rx->bits; i++) {
                v |= (uint8_t)(level_at(bits, n, tb, t + rb * (1.5 + i)) << i);
            }
            out[got++] = v; /* parity and framing errors are flagged by hardware, the data kept */
            t += rb * (1.5 + rx->bits + (rx->parity >= 0 ? 1 : 0)); /* the stop bit's sample */
        }
        /* the next 1 -> 0 transition of the sender's frame at or after t */
        long i = (long)(t / tb) + 1;
        while (i < n && !(bits[i] == 0 && bits[i - 1] == 1)) {
            i++;
        }
        if (i >= n) {
            break;
        }
        t = i * tb;
    }
    return got;
}

/* ---- the transmitter ---- */

static void deliver(int from, uint8_t byte, bool brk) {
    line_t *l = &lines[from];
    uart_config_t txc;
    if (l->pins[UART_PIN_TX] < 0 || !uart_config(from, &txc)) {
        return;
    }
    for (int to = 0; to < UART_COUNT; to++) {
        int rx = lines[to].pins[UART_PIN_RX];
        uart_config_t rxc;
        if (rx < 0 || !uart_is_enabled(to) || !pin_same_net(l->pins[UART_PIN_TX], rx) || !uart_config(to, &rxc)) {
            continue;
        }
        uint8_t got[8];
        size_t n = uart_line_receive(&txc, byte, brk, &rxc, got, sizeof(got));
        uart_rx_deliver(to, got, n);
    }
}

static void start_next(int id) {
    line_t *l = &lines[id];
    if (l->busy || l->len == 0) {
        return;
    }
    uart_config_t c;
    if (!uart_config(id, &c) || c.baudrate == 0) {
        l->len = 0;
        return;
    }
    l->cur = l->q[l->head];
    l->cur_brk = false;
    l->head = (l->head + 1) % UART_LINE_QUEUE;
    l->len--;
    l->busy = true;
    if (!l->timer_ready) {
        clock_timer_init(&l->timer, frame_done, (void *)(intptr_t)id, false);
        l->timer_ready = true;
    }
    clock_timer_after(&l->timer, uart_frame_ns(&c));
    uart_wave_frame(l->pins[UART_PIN_TX], &c, l->cur, false); /* the trace's view of the wire */
}

static void frame_done(clock_timer_t *t, void *ctx) {
    int id = (int)(intptr_t)ctx;
    line_t *l = &lines[id];
    l->busy = false;
    deliver(id, l->cur, l->cur_brk);
    start_next(id);
}

size_t uart_line_space(int id) {
    line_t *l = line_get(id);
    return l != NULL ? UART_LINE_QUEUE - l->len : 0;
}

size_t uart_line_send(int id, const uint8_t *data, size_t len) {
    line_t *l = line_get(id);
    if (l == NULL) {
        return 0;
    }
    size_t n = 0;
    while (n < len && l->len < UART_LINE_QUEUE) {
        l->q[(l->head + l->len) % UART_LINE_QUEUE] = data[n++];
        l->len++;
    }
    start_next(id);
    return n;
}

bool uart_line_idle(int id) {
    line_t *l = line_get(id);
    return l == NULL || (!l->busy && l->len == 0);
}

void uart_line_break(int id) {
    line_t *l = line_get(id);
    if (l != NULL) {
        deliver(id, 0, true);
    }
}

void uart_line_flush(int id) {
    line_t *l = line_get(id);
    if (l == NULL) {
        return;
    }
    if (l->busy) {
        clock_timer_cancel(&l->timer);
        l->busy = false;
        deliver(id, l->cur, l->cur_brk);
    }
    while (l->len > 0) {
        uint8_t b = l->q[l->head];
        l->head = (l->head + 1) % UART_LINE_QUEUE;
        l->len--;
        deliver(id, b, false);
    }
}
