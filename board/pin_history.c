/* board/pin_history.c: the edge rings of pin_history.h. One ring per pin, written by the pin
 * listener (a few stores per edge: it runs on every pin write of a busy loop).
 * Invariant: ring[pin] holds the last min(count, PIN_HISTORY_DEPTH) edges, the newest at
 * (count - 1) % PIN_HISTORY_DEPTH. */
#include "board/pin_history.h"

#include <string.h>

#include "board/pin.h"

static pin_edge_t ring[PIN_COUNT][PIN_HISTORY_DEPTH];
static uint64_t count[PIN_COUNT];

static void on_level(void *ctx, int pin, int level, uint64_t t) {
    if (pin < 0 || pin >= PIN_COUNT) {
        return;
    }
    pin_edge_t *e = &ring[pin][count[pin] % PIN_HISTORY_DEPTH];
    e->t_ns = t;
    e->level = (uint8_t)level;
    count[pin]++;
}

static const pin_listener_t listener = {on_level, NULL, NULL};

void pin_history_init(void) {
    memset(ring, 0, sizeof(ring));
    memset(count, 0, sizeof(count));
    pin_listen(&listener); /* a second call finds it registered already */
}

size_t pin_history_get(int pin, pin_edge_t *out, size_t max) {
    if (pin < 0 || pin >= PIN_COUNT) {
        return 0;
    }
    uint64_t kept = count[pin] < PIN_HISTORY_DEPTH ? count[pin] : PIN_HISTORY_DEPTH;
    size_t n = kept < max ? (size_t)kept : max;
    for (size_t i = 0; i < n; i++) {
        out[i] = ring[pin][(count[pin] - n + i) % PIN_HISTORY_DEPTH];
    }
    return n;
}

uint64_t pin_history_count(int pin) { return pin >= 0 && pin < PIN_COUNT ? count[pin] : 0; }

uint64_t pin_history_last_ns(int pin) {
    if (pin < 0 || pin >= PIN_COUNT || count[pin] == 0) {
        return 0;
    }
    return ring[pin][(count[pin] - 1) % PIN_HISTORY_DEPTH].t_ns;
}
