/* firmware/board_uart_host.c: joins each exposed UART (board/uart.h) to its host link
 * (host/serial_link.h): the UART's transmit wire writes to the link, the link's bytes are
 * delivered to the UART's receive path as fast as it takes them (the ring's room; a full ring
 * holds the host's sender back, as a serial adapter with flow control would), and the control
 * interface is shown the links. Invariant: a UART's spec is fixed before the board starts; its
 * link lives as long as the process. */
#include "firmware/board_uart_host.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "board/boardfile.h"
#include "board/uart.h"
#include "board/uart_tap.h"
#include "core/runtime.h"
#include "host/event_loop.h"
#include "host/port_unix.h"
#include "host/serial_link.h"
#include "services/control_cmd.h"

static slink_spec_t specs[UART_COUNT];
static bool from_cmdline[UART_COUNT];
static slink_t links[UART_COUNT];
static bool delivering[UART_COUNT];
static int handed[UART_COUNT][2] = {{-1, -1}, {-1, -1}}; /* descriptors from the last program */
static const char *const labels[UART_COUNT] = {"UART0", "UART1"};

static bool parse_into(int id, const char *spec, const char *what, char *err, size_t errlen) {
    slink_spec_t s;
    if (!slink_parse(spec, &s)) {
        snprintf(err, errlen,
            "%s wants pty, tcp:PORT, tcp:ADDR:PORT (an IPv4 address; port 0 picks a free one) or none, not '%.80s'",
            what, spec);
        return false;
    }
    specs[id] = s;
    return true;
}

bool board_uart_host_option(int id, const char *spec, char *err, size_t errlen) {
    char what[16];
    snprintf(what, sizeof(what), "--uart%d", id);
    if (id < 0 || id >= UART_COUNT || !parse_into(id, spec, what, err, errlen)) {
        return false;
    }
    from_cmdline[id] = true;
    return true;
}

int board_uart_host_apply(const char *board_file) {
    const char *text = boardfile_section("uart");
    if (text == NULL) {
        return 0;
    }
    json_t *sec = json_loads(text, JSON_DECODE_ANY, NULL);
    char err[256] = "";
    const char *key;
    json_t *val;
    if (!json_is_object(sec)) {
        snprintf(err, sizeof(err), "\"uart\" is an object such as {\"0\": \"pty\", \"1\": \"tcp:127.0.0.1:0\"}");
    } else {
        json_object_foreach(sec, key, val) {
            int id = strcmp(key, "0") == 0 ? 0 : strcmp(key, "1") == 0 ? 1 : -1;
            char what[32];
            snprintf(what, sizeof(what), "\"uart\": \"%.8s\"", key);
            if (id < 0) {
                snprintf(err, sizeof(err), "\"uart\": unknown UART \"%.40s\" (the UARTs are \"0\" and \"1\")", key);
                break;
            }
            if (!json_is_string(val)) {
                snprintf(err, sizeof(err), "%s wants a string: pty, tcp:PORT, tcp:ADDR:PORT or none", what);
                break;
            }
            slink_spec_t keep = specs[id];
            if (!parse_into(id, json_string_value(val), what, err, sizeof(err))) {
                break;
            }
            if (from_cmdline[id]) {
                specs[id] = keep; /* the command line wins */
            }
        }
    }
    json_decref(sec);
    if (err[0] != '\0') {
        fprintf(stderr, "wipy: %s: %s\n", board_file, err);
        return -1;
    }
    return 0;
}

/* Moves what the link holds into the UART while its receive path has room. Re-entered from the
 * room callback when a delivery makes room (the REPL reading), hence the guard. */
static void deliver(int id) {
    if (delivering[id]) {
        return;
    }
    delivering[id] = true;
    uint8_t buf[SLINK_RX_BUF];
    for (;;) {
        size_t room = uart_rx_room(id);
        size_t n = slink_read(&links[id], buf, room < sizeof(buf) ? room : sizeof(buf));
        if (n == 0) {
            break;
        }
        uart_rx_deliver(id, buf, n);
    }
    delivering[id] = false;
}

static void on_link_rx(slink_t *l, void *ctx) {
    deliver((int)(intptr_t)ctx);
}
static void on_room(int id, void *ctx) {
    deliver(id);
}

/* A peer that reads slowly holds the writer back, as a UART's baud rate would: while its queue is
 * full, the event loop runs (the board's outside goes on being served) until there is room. Not
 * from inside an event-loop callback (no nesting), not once Ctrl-C is pending, and not for a peer
 * that read nothing for UART_HOST_STALL_US: then the rest is dropped until it reads again. */
#define UART_HOST_STALL_US 2000000u

static bool stalled[UART_COUNT];

static bool wait_for_room(int id) {
    slink_t *l = &links[id];
    if (!l->peer || stalled[id] || el_in_callback()) {
        return false;
    }
    uint64_t deadline = el_now_us() + UART_HOST_STALL_US;
    size_t queued = l->tx_len;
    while (l->peer && slink_tx_room(l) == 0 && rt_state.pending_exception == OBJ_NULL) {
        if (el_now_us() >= deadline) {
            stalled[id] = true;
            return false;
        }
        el_run_once(100);
        if (l->tx_len < queued) {
            deadline = el_now_us() + UART_HOST_STALL_US; /* it reads: keep waiting */
        }
        queued = l->tx_len;
    }
    return slink_tx_room(l) > 0;
}

static void uart_to_link(void *ctx, const uint8_t *data, size_t len) {
    int id = (int)(intptr_t)ctx;
    slink_t *l = &links[id];
    if (stalled[id] && slink_tx_room(l) > 0) {
        stalled[id] = false; /* it read again */
    }
    while (len > 0 && (slink_tx_room(l) > 0 || wait_for_room(id))) {
        size_t n = len < slink_tx_room(l) ? len : slink_tx_room(l);
        slink_write(l, data, n);
        data += n;
        len -= n;
    }
    slink_write(l, data, len); /* what is left is dropped (and counted) */
}

bool board_uart_host_exposed(int id) {
    return id >= 0 && id < UART_COUNT && specs[id].kind != SLINK_NONE;
}

int board_uart_host_start(void) {
    for (int id = 0; id < UART_COUNT; id++) {
        if (specs[id].kind == SLINK_NONE) {
            continue;
        }
        int r = handed[id][0] >= 0 ? slink_adopt(&links[id], &specs[id], handed[id][0], handed[id][1], labels[id],
                                         on_link_rx, (void *)(intptr_t)id)
                                   : slink_start(&links[id], &specs[id], labels[id], on_link_rx, (void *)(intptr_t)id);
        if (r != 0) {
            if (specs[id].kind == SLINK_PTY) {
                fprintf(stderr, "wipy: can't make a pty for UART%d (%s)\n", id, strerror(-r));
            } else {
                fprintf(stderr,
                    "wipy: can't listen for UART%d on %s:%d (%s); pick another with --uart%d tcp:ADDR:PORT\n", id,
                    specs[id].addr, specs[id].port, strerror(-r), id);
            }
            board_uart_host_stop();
            return 2;
        }
        uart_connect_tx(id, uart_to_link, (void *)(intptr_t)id);
        uart_tap_set_room_fn(id, on_room, NULL);
        ctl_uart_set_link(id, &links[id]);
    }
    return 0;
}

void board_uart_host_announce(void) {
    for (int id = 0; id < UART_COUNT; id++) {
        if (!slink_running(&links[id])) {
            continue;
        }
        char where[HPTY_PATH_MAX + SLINK_ADDR_MAX], line[sizeof(where) + 32];
        slink_where(&links[id], where, sizeof(where));
        int n = snprintf(
            line, sizeof(line), "UART%d on %s (%s)\r\n", id, where, specs[id].kind == SLINK_PTY ? "pty" : "tcp");
        terminal_write(line, (size_t)n);
    }
}

const char *board_uart_host_handover(void) {
    static char buf[64];
    int n = 0;
    for (int id = 0; id < UART_COUNT; id++) {
        int fd1, fd2;
        if (slink_running(&links[id])) {
            slink_handover(&links[id], &fd1, &fd2);
            n += snprintf(buf + n, sizeof(buf) - (size_t)n, "%s%d:%d/%d", n > 0 ? "," : "", id, fd1, fd2);
        }
    }
    return n > 0 ? buf : NULL;
}

bool board_uart_host_take_handover(const char *val, char *err, size_t errlen) {
    const char *p = val;
    while (*p != '\0') {
        int id, fd1, fd2, used = 0;
        if (sscanf(p, "%d:%d/%d%n", &id, &fd1, &fd2, &used) != 3 || id < 0 || id >= UART_COUNT || fd1 < 0 || fd2 < -1 ||
            (p[used] != ',' && p[used] != '\0')) {
            snprintf(err, errlen, "--uart-handover is internal (ID:FD/FD,...), not '%.40s'", val);
            return false;
        }
        handed[id][0] = fd1;
        handed[id][1] = fd2;
        p += used + (p[used] == ',');
    }
    return true;
}

void board_uart_host_stop(void) {
    for (int id = 0; id < UART_COUNT; id++) {
        if (slink_running(&links[id])) {
            uart_tap_set_room_fn(id, NULL, NULL);
            ctl_uart_set_link(id, NULL);
            slink_stop(&links[id]);
        }
    }
}
