/* board/uart_tap.c: the counts, TX capture and room callback of board/uart_tap.h, per UART. The
 * capture is a ring: a full one overwrites its oldest bytes and counts them as lost. */
#include "board/uart_tap.h"

#include "board/uart.h"

typedef struct {
    uart_counts_t counts;
    uint8_t cap[UART_TAP_SIZE];
    size_t cap_head, cap_len;
    uint64_t cap_lost;
    void (*room_fn)(int id, void *ctx);
    void *room_ctx;
} tap_t;

static tap_t taps[UART_COUNT];

static tap_t *tap_get(int id) {
    return id >= 0 && id < UART_COUNT ? &taps[id] : NULL;
}

void uart_tap_tx(int id, const uint8_t *data, size_t len) {
    tap_t *t = tap_get(id);
    if (t == NULL) {
        return;
    }
    t->counts.tx += len;
    for (size_t i = 0; i < len; i++) {
        t->cap[(t->cap_head + t->cap_len) % UART_TAP_SIZE] = data[i];
        if (t->cap_len < UART_TAP_SIZE) {
            t->cap_len++;
        } else {
            t->cap_head = (t->cap_head + 1) % UART_TAP_SIZE;
            t->cap_lost++;
        }
    }
}

void uart_tap_rx(int id, size_t kept, size_t lost) {
    tap_t *t = tap_get(id);
    if (t != NULL) {
        t->counts.rx += kept;
        t->counts.rx_lost += lost;
    }
}

void uart_tap_room(int id) {
    tap_t *t = tap_get(id);
    if (t != NULL && t->room_fn != NULL) {
        t->room_fn(id, t->room_ctx);
    }
}

void uart_tap_counts(int id, uart_counts_t *out) {
    tap_t *t = tap_get(id);
    *out = t != NULL ? t->counts : (uart_counts_t){0, 0, 0};
}

size_t uart_tap_take_tx(int id, uint8_t *buf, size_t max, uint64_t *lost) {
    tap_t *t = tap_get(id);
    *lost = 0;
    if (t == NULL) {
        return 0;
    }
    *lost = t->cap_lost;
    t->cap_lost = 0;
    size_t n = 0;
    while (n < max && t->cap_len > 0) {
        buf[n++] = t->cap[t->cap_head];
        t->cap_head = (t->cap_head + 1) % UART_TAP_SIZE;
        t->cap_len--;
    }
    return n;
}

size_t uart_tap_pending_tx(int id) {
    tap_t *t = tap_get(id);
    return t != NULL ? t->cap_len : 0;
}

void uart_tap_set_room_fn(int id, void (*fn)(int id, void *ctx), void *ctx) {
    tap_t *t = tap_get(id);
    if (t != NULL) {
        t->room_fn = fn;
        t->room_ctx = ctx;
    }
}
