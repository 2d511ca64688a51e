/* services/control_cmd_uart.c: the control interface's commands for the UARTs
 * (docs/control-protocol.md): `uart` (configuration, pins, host exposure, counts), `uart.inject`
 * (bytes into a UART's receive path, as if from its RX pin) and `uart.read` (what its TX sent,
 * from board/uart_tap.h's bounded capture). Each command checks all of its arguments before it
 * touches the board, so a refused request changes nothing. */
#include <stdio.h>

#include "board/pin.h"
#include "board/uart.h"
#include "board/uart_line.h"
#include "board/uart_tap.h"
#include "host/serial_link.h"
#include "services/control_cmd.h"

static const slink_t *links[UART_COUNT];

void ctl_uart_set_link(int id, const struct slink *link) {
    if (id >= 0 && id < UART_COUNT) {
        links[id] = link;
    }
}

static json_t *host_json(int id) {
    const slink_t *l = links[id];
    if (l == NULL || !slink_running(l)) {
        return json_null();
    }
    json_t *o = json_object();
    if (l->spec.kind == SLINK_PTY) {
        json_object_set_new(o, "kind", json_string("pty"));
        json_object_set_new(o, "path", json_string(l->pty.path));
    } else {
        json_object_set_new(o, "kind", json_string("tcp"));
        json_object_set_new(o, "address", json_string(l->spec.addr));
        json_object_set_new(o, "port", json_integer(l->spec.port));
        json_object_set_new(o, "peer", l->peer ? json_string(l->peer_name) : json_null());
        json_object_set_new(o, "refused", json_integer((json_int_t)l->refused));
    }
    json_object_set_new(o, "connected", json_boolean(l->peer));
    json_object_set_new(o, "sessions", json_integer((json_int_t)l->sessions));
    json_object_set_new(o, "tx_dropped", json_integer((json_int_t)l->tx_dropped));
    json_object_set_new(o, "rx_waiting", json_integer((json_int_t)l->rx_len));
    return o;
}

json_t *ctl_uart_state(int id) {
    json_t *o = json_object();
    json_object_set_new(o, "uart", json_integer(id));
    bool on = uart_is_enabled(id);
    json_object_set_new(o, "enabled", json_boolean(on));
    uart_config_t c;
    if (on && uart_config(id, &c)) {
        json_object_set_new(o, "baudrate", json_integer(c.baudrate));
        json_object_set_new(o, "bits", json_integer(c.bits));
        json_object_set_new(o, "parity", c.parity < 0 ? json_null() : json_string(c.parity == 0 ? "even" : "odd"));
        json_object_set_new(o, "stop", json_integer(c.stop));
    }
    static const char *const pin_keys[UART_PINS] = {"tx", "rx", "rts", "cts"};
    json_t *pins = json_object();
    for (int w = 0; w < UART_PINS; w++) {
        int p = uart_line_pin(id, w);
        json_object_set_new(pins, pin_keys[w], p >= 0 ? json_string(pin_info[p].name) : json_null());
    }
    json_object_set_new(o, "pins", pins);
    /* the REPL's diversion is the only one: an enabled UART that takes anything is the REPL's */
    json_object_set_new(o, "repl", json_boolean(on && uart_rx_room(id) == SIZE_MAX));
    json_object_set_new(o, "rx_pending", json_integer((json_int_t)uart_rx_available(id)));
    uart_counts_t k;
    uart_tap_counts(id, &k);
    json_object_set_new(o, "tx_bytes", json_integer((json_int_t)k.tx));
    json_object_set_new(o, "rx_bytes", json_integer((json_int_t)k.rx));
    json_object_set_new(o, "rx_lost", json_integer((json_int_t)k.rx_lost));
    json_object_set_new(o, "tx_captured", json_integer((json_int_t)uart_tap_pending_tx(id)));
    json_object_set_new(o, "host", host_json(id));
    return o;
}

static bool arg_uart(json_t *req, bool required, int *id, char *err, size_t errlen) {
    json_t *v = json_object_get(req, "uart");
    if (v == NULL && !required) {
        *id = -1;
        return true;
    }
    if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) >= UART_COUNT) {
        snprintf(err, errlen, "\"uart\" wants 0 or 1");
        return false;
    }
    *id = (int)json_integer_value(v);
    return true;
}

static json_t *cmd_uart(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    int id;
    if (!arg_uart(req, false, &id, err, errlen)) {
        return NULL;
    }
    if (id >= 0) {
        return ctl_uart_state(id);
    }
    json_t *a = json_array();
    for (int i = 0; i < UART_COUNT; i++) {
        json_array_append_new(a, ctl_uart_state(i));
    }
    return ctl_with("uarts", a);
}

static json_t *cmd_uart_inject(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    int id;
    uint8_t buf[UART_TAP_SIZE];
    size_t len;
    if (!arg_uart(req, true, &id, err, errlen) || !ctl_arg_bytes(req, buf, sizeof(buf), &len, err, errlen)) {
        return NULL;
    }
    uart_counts_t before, after;
    uart_tap_counts(id, &before);
    uart_rx_deliver(id, buf, len);
    uart_tap_counts(id, &after);
    json_t *o = json_object();
    json_object_set_new(o, "uart", json_integer(id));
    json_object_set_new(o, "injected", json_integer((json_int_t)len));
    json_object_set_new(o, "taken", json_integer((json_int_t)(after.rx - before.rx)));
    json_object_set_new(o, "lost", json_integer((json_int_t)(after.rx_lost - before.rx_lost)));
    return o;
}

static json_t *cmd_uart_read(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    int id;
    uint64_t n = UART_TAP_SIZE;
    bool given;
    if (!arg_uart(req, true, &id, err, errlen) || !ctl_arg_uint(req, "n", UART_TAP_SIZE, &n, &given, err, errlen)) {
        return NULL;
    }
    uint8_t buf[UART_TAP_SIZE];
    uint64_t lost;
    size_t got = uart_tap_take_tx(id, buf, (size_t)n, &lost);
    json_t *o = json_object();
    json_object_set_new(o, "uart", json_integer(id));
    json_object_set_new(o, "data", ctl_latin1(buf, got));
    json_object_set_new(o, "lost", json_integer((json_int_t)lost));
    json_object_set_new(o, "pending", json_integer((json_int_t)uart_tap_pending_tx(id)));
    return o;
}

const ctl_command_t ctl_cmds_uart[] = {
    {"uart", cmd_uart},
    {"uart.inject", cmd_uart_inject},
    {"uart.read", cmd_uart_read},
    {NULL, NULL},
};
