/* board/trace.c: the board's trace of trace.h: one vcd_t, a signal per pin fed by a pin listener
 * (the LED's signal follows GP25, the LED's pin).
 * Invariant: after trace_init, every pin's signal holds that pin's resolved level. */
#include "board/trace.h"

#include "board/clock.h"
#include "board/pin.h"

static vcd_t tv;
static int pin_sig[PIN_COUNT];
static int led_sig;
static bool inited;
static uint64_t base; /* trace time of this program's clock 0 (see trace_set_base) */

/* The LED is GP25's level (board/led.h), so its signal follows that pin. */
static void on_pin_level(void *ctx, int pin, int level, uint64_t t) {
    if (pin >= 0 && pin < PIN_COUNT) {
        t += base;
        vcd_set(&tv, pin_sig[pin], t, (uint64_t)level);
        if (pin == PIN_LED) {
            vcd_set(&tv, led_sig, t, (uint64_t)level);
        }
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
    return vcd_resume(&tv, sink, ctx, trace_now_ns());
}

int trace_signal(const char *scope, const char *name, unsigned width) {
    trace_init();
    return vcd_add(&tv, scope, name, width);
}

int trace_find(const char *name) { return vcd_find(&tv, name); }

void trace_set(int id, uint64_t value) { vcd_set(&tv, id, trace_now_ns(), value); }

void trace_set_state(int id, char state) { vcd_set_state(&tv, id, trace_now_ns(), state); }

void trace_set_real(int id, double value) { vcd_set_real(&tv, id, trace_now_ns(), value); }

bool trace_start(vcd_sink_fn sink, void *ctx, const char *comment) {
    trace_init();
    return vcd_start(&tv, sink, ctx, trace_now_ns(), comment);
}

bool trace_stop(void) { return vcd_stop(&tv, trace_now_ns()); }

bool trace_running(void) { return vcd_running(&tv); }

void trace_flush(void) { vcd_flush(&tv); }

uint64_t trace_changes(void) { return tv.changes; }
