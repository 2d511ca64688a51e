/* firmware/board_console.c: the host terminal as the wire of the board's UART0 (stdin feeds its
 * receive pin, its transmit pin writes stdout; Ctrl-\ on a terminal powers the board off, since the
 * terminal's own signal keys are off), and os.dupterm: a UART given to it becomes a REPL
 * stream (its received bytes go to the REPL, REPL output is sent on it); any other object with
 * write() (and read() for input, polled every 10 ms, which must not block) works too, as in
 * MicroPython: an exception in its methods deactivates it with a message.
 * Invariant: at most one dupterm stream; a soft reset drops it (boot.py attaches it again); a
 * Python stream is never re-entered (output made by its own methods does not go back to it). */
#include <errno.h>
#include <string.h>

#include "board/uart.h"
#include "core/nlr.h"
#include "core/runtime.h"
#include "firmware/board.h"
#include "firmware/board_uart_host.h"
#include "firmware/repl_exec.h"
#include "firmware/repl_io.h"
#include "host/event_loop.h"
#include "host/port_unix.h"
#include "modules/mod_machine.h"

#define DUP_POLL_US 10000
#define DUP_READ_MAX 64

static int dup_uart = -1; /* the UART that is the dupterm stream, -1: none */
static int dup_sink;
static int dup_timer; /* polls a Python stream's read() */
static bool dup_busy; /* a call into the Python stream is under way */

#define CONSOLE_QUIT_KEY 0x1c /* Ctrl-\ on a terminal: the host's way out (SIGQUIT's key) */

static void on_stdin(int fd, int events, void *arg) {
    uint8_t buf[256];
    ssize_t n = terminal_read(buf, sizeof(buf));
    if (n > 0) {
        if (terminal_is_raw() && memchr(buf, CONSOLE_QUIT_KEY, (size_t)n) != NULL) {
            terminal_write("\r\n", 2);
            board_power_off();
        }
        if (!board_uart_host_exposed(0)) { /* else UART0's wire is the pty or TCP port */
            uart_rx_deliver(0, buf, (size_t)n);
        }
    } else if (n == 0 || errno != EAGAIN) {
        el_unwatch(fd); /* end of input: the wire is cut; the board goes on */
    }
}

static void uart0_tx(void *ctx, const uint8_t *data, size_t len) { terminal_write(data, len); }

void board_console_start(void) {
    terminal_raw_on(); /* a terminal gets every key as a byte, as a UART would */
    if (!board_uart_host_exposed(0)) {
        uart_connect_tx(0, uart0_tx, NULL);
    }
    if (!el_watch(0, EL_READ, on_stdin, NULL)) {
        static const char msg[] = "wipy: the terminal can't be read (no event-loop slot); telnet still works\r\n";
        terminal_write(msg, sizeof(msg) - 1);
    }
}

static void dup_to_repl(void *ctx, const uint8_t *data, size_t len) { replio_push_input(data, len); }

static void dup_sink_write(void *ctx, const char *data, size_t len) {
    uart_write((int)(intptr_t)ctx, (const uint8_t *)data, len);
}

void board_console_detach(void) {
    if (dup_uart >= 0) {
        uart_set_rx_divert(dup_uart, NULL, NULL);
        dup_uart = -1;
    }
    if (dup_sink != 0) {
        replio_remove_sink(dup_sink);
        dup_sink = 0;
    }
    if (dup_timer != 0) {
        el_timer_cancel(dup_timer);
        dup_timer = 0;
    }
    rt_state.dupterm = OBJ_NULL;
}

/* Calls stream.meth(arg); false (and the stream deactivated) if it raised. A KeyboardInterrupt
 * that struck inside is kept pending for the code it was meant for. */
static bool dup_call(qstr meth, obj_t arg, obj_t *result) {
    if (dup_busy || rt_state.dupterm == OBJ_NULL) {
        return false;
    }
    dup_busy = true;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        *result = rt_call1(rt_load_attr(rt_state.dupterm, meth), arg);
        nlr_pop();
        dup_busy = false;
        return true;
    }
    dup_busy = false;
    obj_t exc = nlr.value;
    if (exc_is_instance(exc, &type_KeyboardInterrupt)) {
        rt_state.pending_exception = exc;
        return false;
    }
    board_console_detach();
    print_fmt(&print_stdout, "dupterm: exception in the stream's %q(), deactivating it:\n", (unsigned)meth);
    repl_print_exception(&print_stdout, exc);
    return false;
}

static void dup_py_write(void *ctx, const char *data, size_t len) {
    obj_t r;
    dup_call(QSTR_write, bytes_new(data, len), &r);
}

static void dup_py_poll(void *ctx) {
    dup_timer = el_timer_at(el_now_us() + DUP_POLL_US, dup_py_poll, NULL);
    obj_t data;
    if (!dup_call(QSTR_read, small_int_new(DUP_READ_MAX), &data) || data == OBJ_NONE) {
        return;
    }
    buffer_info_t bi;
    if (rt_get_buffer(data, &bi, BUFFER_READ)) {
        replio_push_input((const uint8_t *)bi.buf, bi.len);
    }
}

obj_t board_dupterm(size_t n_args, const obj_t *args) {
    obj_t prev = rt_state.dupterm != OBJ_NULL ? rt_state.dupterm : OBJ_NONE;
    if (n_args == 0) {
        return prev;
    }
    obj_t s = args[0];
    int id = -1;
    bool uart = s != OBJ_NONE && machine_uart_id(s, &id);
    if (s != OBJ_NONE && !uart && rt_load_attr_maybe(s, QSTR_write) == OBJ_NULL) {
        raise_msg(&type_TypeError, "dupterm needs a stream with write() (or None)");
    }
    board_console_detach();
    if (uart) {
        dup_sink = replio_add_sink(dup_sink_write, (void *)(intptr_t)id);
        uart_set_rx_divert(id, dup_to_repl, NULL);
        dup_uart = id;
    } else if (s != OBJ_NONE) {
        dup_sink = replio_add_sink(dup_py_write, NULL);
        if (rt_load_attr_maybe(s, QSTR_read) != OBJ_NULL) {
            dup_timer = el_timer_at(el_now_us() + DUP_POLL_US, dup_py_poll, NULL);
        }
    }
    if (s != OBJ_NONE) {
        rt_state.dupterm = s;
    }
    return prev;
}

bool board_console_is_repl(void) { return dup_uart == 0; }

void board_console_say_if_not_repl(void) {
    if (!board_console_is_repl() && board_uart_host_exposed(0)) {
        static const char line[] =
            "UART0 is not a REPL (boot.py did not call os.dupterm(machine.UART(0, 115200))); telnet still works\r\n";
        terminal_write(line, sizeof(line) - 1);
    } else if (!board_console_is_repl()) {
        static const char line[] =
            "The terminal is not a REPL (boot.py did not call os.dupterm(machine.UART(0, 115200))); telnet still works\r\n";
        terminal_write(line, sizeof(line) - 1);
    }
}
