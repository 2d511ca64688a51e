/* board/trace.c: the board's trace of trace.h: one vcd_t, a signal per pin fed by a pin listener
 * (the LED's signal follows GP25, the LED's pin), and the buses' scheduled levels (trace_wave): a
 * queue sorted by time, written out as the board's time reaches them.
 * Invariants: after trace_init, every pin's signal holds that pin's resolved level except while a
 * bus draws on it; every scheduled level is at or after the last time written, and is written
 * before any change stamped later. */
#include "board/trace.h"

#include <string.h>

#include "board/clock.h"
#include "board/pin.h"

static vcd_t tv;
static int pin_sig[PIN_COUNT];
static int8_t pin_lvl[PIN_COUNT]; /* each pin's own level, what a TRACE_WAVE_RELEASE restores */
static int led_sig;
static bool inited;
static uint64_t base; /* trace time of this program's clock 0 (see trace_set_base) */

/* The scheduled levels, sorted by time (ties in order of scheduling): waves[w_head, w_head+w_len). */
typedef struct {
    uint64_t t;
    int8_t pin;
    int8_t level;
} wave_t;
static wave_t waves[TRACE_WAVE_MAX];
static size_t w_head, w_len;

/* A pin's signal (and the LED's, which is GP25's level) shows `level` from t on. */
static void put_pin(int pin, uint64_t t, int level) {
    vcd_set(&tv, pin_sig[pin], t, (uint64_t)level);
    if (pin == PIN_LED) {
        vcd_set(&tv, led_sig, t, (uint64_t)level);
    }
}

/* Writes the scheduled levels due at or before t, in order. */
static void wave_drain(uint64_t t) {
    while (w_len > 0 && waves[w_head].t <= t) {
        const wave_t *w = &waves[w_head];
        int net = pin_net(w->pin);
        for (int p = 0; p < PIN_COUNT; p++) {
            if (p == w->pin || pin_net(p) == net) {
                put_pin(p, w->t, w->level == TRACE_WAVE_RELEASE ? pin_lvl[p] : w->level);
            }
        }
        w_head++;
        w_len--;
    }
    if (w_len == 0) {
        w_head = 0;
    }
}

static inline void wave_catch_up(uint64_t t) {
    if (w_len > 0 && waves[w_head].t <= t) {
        wave_drain(t);
    }
}

void trace_wave(int pin, uint64_t t, int level) {
    if (!vcd_running(&tv) || pin < 0 || pin >= PIN_COUNT) {
        return;
    }
    if (w_head + w_len == TRACE_WAVE_MAX) { /* the end of the table: make room */
        wave_catch_up(trace_now_ns());      /* what is due goes out (the usual case) */
        if (w_len == TRACE_WAVE_MAX) {
            wave_drain(waves[w_head + w_len / 2].t); /* a bus drew far ahead: its first half goes early */
        }
        memmove(waves, waves + w_head, w_len * sizeof(waves[0]));
        w_head = 0;
    }
    size_t i = w_head + w_len; /* usually the end: each bus schedules in time order */
    while (i > w_head && waves[i - 1].t > t) {
        i--;
    }
    memmove(waves + i + 1, waves + i, (w_head + w_len - i) * sizeof(waves[0]));
    waves[i] = (wave_t){t, (int8_t)pin, (int8_t)level};
    w_len++;
}

static void on_pin_level(void *ctx, int pin, int level, uint64_t t) {
    if (pin >= 0 && pin < PIN_COUNT) {
        t += base;
        wave_catch_up(t);
        pin_lvl[pin] = (int8_t)level;
        put_pin(pin, t, level);
    }
}

static const pin_listener_t pin_listener = {on_pin_level, NULL, NULL};

void trace_init(void) {
    if (inited) {
        return;
    }
    inited = true;
    vcd_init(&tv);
    for (int p = 0; p < PIN_COUNT; p++) {
        pin_sig[p] = vcd_add(&tv, "pins", pin_info[p].name, 1);
        pin_lvl[p] = (int8_t)pin_level(p);
        vcd_set(&tv, pin_sig[p], 0, (uint64_t)pin_level(p));
    }
    led_sig = vcd_add(&tv, "board", "LED", 1);
    vcd_set(&tv, led_sig, 0, (uint64_t)pin_level(PIN_LED));
    pin_listen(&pin_listener);
}

void trace_set_base(uint64_t base_ns) { base = base_ns; }

uint64_t trace_now_ns(void) { return base + clock_now_ns(); }

bool trace_resume(vcd_sink_fn sink, void *ctx) {
    trace_init();
    if (!vcd_running(&tv)) {
        w_head = w_len = 0; /* what a dump that ended by itself left */
    }
    return vcd_resume(&tv, sink, ctx, trace_now_ns());
}

int trace_signal(const char *scope, const char *name, unsigned width) {
    trace_init();
    return vcd_add(&tv, scope, name, width);
}

int trace_find(const char *name) { return vcd_find(&tv, name); }

void trace_set(int id, uint64_t value) {
    uint64_t t = trace_now_ns();
    wave_catch_up(t);
    vcd_set(&tv, id, t, value);
}

void trace_set_state(int id, char state) {
    uint64_t t = trace_now_ns();
    wave_catch_up(t);
    vcd_set_state(&tv, id, t, state);
}

void trace_set_real(int id, double value) {
    uint64_t t = trace_now_ns();
    wave_catch_up(t);
    vcd_set_real(&tv, id, t, value);
}

bool trace_start(vcd_sink_fn sink, void *ctx, const char *comment) {
    trace_init();
    if (!vcd_running(&tv)) {
        w_head = w_len = 0;
    }
    return vcd_start(&tv, sink, ctx, trace_now_ns(), comment);
}

bool trace_stop(void) {
    uint64_t now = trace_now_ns();
    wave_drain(CLOCK_NEVER); /* a frame still on the wire is written whole */
    return vcd_stop(&tv, now > tv.last_t ? now : tv.last_t);
}

bool trace_running(void) { return vcd_running(&tv); }

void trace_flush(void) {
    wave_catch_up(trace_now_ns());
    vcd_flush(&tv);
}

uint64_t trace_changes(void) { return tv.changes; }
