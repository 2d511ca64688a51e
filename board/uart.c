/* board/uart.c: the UART model: per UART a receive ring, a baud rate, an enabled flag and the
 * two wires of uart.h. A disabled UART drops what it receives and sends nothing. */
#include "board/uart.h"

#include "board/irq.h"
#include "board/uart_tap.h"

typedef struct {
    bool enabled;
    uart_config_t cfg;
    uint8_t rx[UART_RX_SIZE];
    size_t rx_head, rx_len;
    uart_wire_fn_t tx_fn, divert_fn;
    void *tx_ctx, *divert_ctx;
    unsigned irq_trigger, irq_flags; /* RX_ANY (issue 10) */
} uart_t;

static uart_t uarts[UART_COUNT];

static uart_t *uart_get(int id) { return id >= 0 && id < UART_COUNT ? &uarts[id] : NULL; }

void uart_connect_tx(int id, uart_wire_fn_t fn, void *ctx) {
    uart_t *u = uart_get(id);
    if (u != NULL) {
        u->tx_fn = fn;
        u->tx_ctx = ctx;
    }
}

void uart_set_rx_divert(int id, uart_wire_fn_t fn, void *ctx) {
    uart_t *u = uart_get(id);
    if (u != NULL) {
        u->divert_fn = fn;
        u->divert_ctx = ctx;
        uart_tap_room(id);
    }
}

void uart_rx_deliver(int id, const uint8_t *data, size_t len) {
    uart_t *u = uart_get(id);
    if (u == NULL || !u->enabled) {
        uart_tap_rx(id, 0, len);
        return;
    }
    if (u->divert_fn != NULL) {
        uart_tap_rx(id, len, 0);
        u->divert_fn(u->divert_ctx, data, len);
        return;
    }
    size_t kept = 0;
    for (; kept < len && u->rx_len < UART_RX_SIZE; kept++) {
        u->rx[(u->rx_head + u->rx_len) % UART_RX_SIZE] = data[kept];
        u->rx_len++;
    }
    uart_tap_rx(id, kept, len - kept);
    if (len > 0 && (u->irq_trigger & UART_RX_ANY)) { /* issue 10 */
        u->irq_flags |= UART_RX_ANY;
        irq_pend(IRQ_LINE_UART(id));
    }
}

void uart_irq_set(int id, unsigned trigger) {
    uart_t *u = uart_get(id);
    if (u != NULL) {
        u->irq_trigger = trigger;
        u->irq_flags = 0;
    }
}

unsigned uart_irq_flags(int id) {
    uart_t *u = uart_get(id);
    return u != NULL ? u->irq_flags : 0;
}

void uart_irq_ack(int id) {
    uart_t *u = uart_get(id);
    if (u != NULL) {
        u->irq_flags = 0;
    }
}

void uart_init(int id, const uart_config_t *cfg) {
    uart_t *u = uart_get(id);
    if (u != NULL) {
        u->enabled = true;
        u->cfg = *cfg;
        u->rx_head = u->rx_len = 0;
        uart_tap_room(id);
    }
}

void uart_deinit(int id) {
    uart_t *u = uart_get(id);
    if (u != NULL) {
        u->enabled = false;
        u->rx_len = 0;
        uart_tap_room(id);
    }
}

bool uart_is_enabled(int id) {
    uart_t *u = uart_get(id);
    return u != NULL && u->enabled;
}

bool uart_config(int id, uart_config_t *cfg) {
    uart_t *u = uart_get(id);
    if (u == NULL) {
        return false;
    }
    *cfg = u->cfg;
    return true;
}

void uart_write(int id, const uint8_t *data, size_t len) {
    uart_t *u = uart_get(id);
    if (u != NULL && u->enabled) {
        uart_tap_tx(id, data, len);
    }
    if (u != NULL && u->enabled && u->tx_fn != NULL) {
        u->tx_fn(u->tx_ctx, data, len);
    }
}

size_t uart_rx_available(int id) {
    uart_t *u = uart_get(id);
    return u != NULL ? u->rx_len : 0;
}

size_t uart_read(int id, uint8_t *buf, size_t n) {
    uart_t *u = uart_get(id);
    size_t got = 0;
    while (u != NULL && got < n && u->rx_len > 0) {
        buf[got++] = u->rx[u->rx_head];
        u->rx_head = (u->rx_head + 1) % UART_RX_SIZE;
        u->rx_len--;
    }
    if (got > 0) {
        uart_tap_room(id);
    }
    return got;
}

size_t uart_rx_room(int id) {
    uart_t *u = uart_get(id);
    if (u == NULL || !u->enabled || u->divert_fn != NULL) {
        return SIZE_MAX; /* dropped or diverted: any amount is taken */
    }
    return UART_RX_SIZE - u->rx_len;
}
