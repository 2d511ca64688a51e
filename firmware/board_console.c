/* firmware/board_console.c: the host terminal as the wire of the board's UART0 (stdin feeds its
 * receive pin, its transmit pin writes stdout), and os.dupterm: a UART given to it becomes a REPL
 * stream (its received bytes go to the REPL, REPL output is sent on it).
 * Invariant: at most one dupterm stream; a soft reset drops it (boot.py attaches it again). */
#include <errno.h>

#include "board/uart.h"
#include "core/runtime.h"
#include "firmware/board.h"
#include "firmware/repl_io.h"
#include "host/event_loop.h"
#include "host/port_unix.h"
#include "modules/mod_machine.h"

static int dup_uart = -1; /* the UART that is the dupterm stream, -1: none */
static int dup_sink;

static void on_stdin(int fd, int events, void *arg) {
    uint8_t buf[256];
    ssize_t n = terminal_read(buf, sizeof(buf));
    if (n > 0) {
        uart_rx_deliver(0, buf, (size_t)n);
    } else if (n == 0 || errno != EAGAIN) {
        el_unwatch(fd); /* end of input: the wire is cut; the board goes on */
    }
}

static void uart0_tx(void *ctx, const uint8_t *data, size_t len) { terminal_write(data, len); }

void board_console_start(void) {
    terminal_raw_on(); /* a terminal gets every key as a byte, as a UART would */
    uart_connect_tx(0, uart0_tx, NULL);
    el_watch(0, EL_READ, on_stdin, NULL);
}

static void dup_to_repl(void *ctx, const uint8_t *data, size_t len) { replio_push_input(data, len); }

static void dup_sink_write(void *ctx, const char *data, size_t len) {
    uart_write((int)(intptr_t)ctx, (const uint8_t *)data, len);
}

void board_console_detach(void) {
    if (dup_uart >= 0) {
        replio_remove_sink(dup_sink);
        uart_set_rx_divert(dup_uart, NULL, NULL);
        dup_uart = -1;
        dup_sink = 0;
    }
    rt_state.dupterm = OBJ_NULL;
}

obj_t board_dupterm(size_t n_args, const obj_t *args) {
    obj_t prev = rt_state.dupterm != OBJ_NULL ? rt_state.dupterm : OBJ_NONE;
    if (n_args == 0) {
        return prev;
    }
    int id = -1;
    if (args[0] != OBJ_NONE && !machine_uart_id(args[0], &id)) {
        raise_msg(&type_TypeError, "dupterm needs a machine.UART or None");
    }
    board_console_detach();
    if (id >= 0) {
        dup_sink = replio_add_sink(dup_sink_write, (void *)(intptr_t)id);
        uart_set_rx_divert(id, dup_to_repl, NULL);
        dup_uart = id;
        rt_state.dupterm = args[0];
    }
    return prev;
}
