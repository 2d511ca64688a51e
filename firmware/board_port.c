/* firmware/board_port.c: core/port.h in board mode, and the board's one wait. Output goes to every
 * REPL stream with "\n" cooked to "\r\n"; input comes from the REPL queue; ticks and the RTC read
 * the board's clock (board/clock.h). The VM's poll hook charges 256 VM steps to the clock, runs
 * the event loop at most once a host millisecond, carries out power requests and runs pending
 * irq handlers. board_wait blocks in the event loop until a deadline, a condition or an irq.
 * Invariant: the event loop only ever runs from these hooks and from board_wait, on the
 * interpreter's thread, so callbacks never interleave with Python. */
#include <errno.h>

#include "board/clock.h"
#include "board/rtc.h"
#include "core/port.h"
#include "core/runtime.h"
#include "firmware/board.h"
#include "firmware/readline.h"
#include "firmware/repl_io.h"
#include "host/event_loop.h"
#include "host/port_unix.h"
#include "modules/machine_irq.h"
#include "modules/mod_machine.h"

#define BOARD_POLL_US 200 /* the event loop while Python runs: control, telnet (an edge to an irq in < 1 ms) */
#define BOARD_VM_STEPS 256 /* the VM calls port_poll every 256 steps (core/vm.c) */
#define BOARD_MAX_BLOCK_MS 100

static bool last_cr;
static uint64_t last_poll;
static bool in_wait; /* port_poll called from board_wait: no VM steps to charge */

static void board_write(const char *s, size_t len) {
    char buf[512];
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (n + 2 > sizeof(buf)) {
            replio_write(buf, n);
            n = 0;
        }
        if (s[i] == '\n' && !last_cr) {
            buf[n++] = '\r';
        }
        last_cr = s[i] == '\r';
        buf[n++] = s[i];
    }
    if (n > 0) {
        replio_write(buf, n);
    }
}

static int board_read_byte(void) { return replio_read_byte(); }

/* input() on the board: the REPL's line editor, so the user sees what they type */
static bool board_read_line(vstr_t *out) {
    const char *line;
    size_t len;
    int r = readline_read("", NULL, &line, &len);
    if (r == READLINE_CTRL_D) {
        return false; /* EOFError, as MicroPython's input() on Ctrl-D */
    }
    if (r == READLINE_TOO_LONG) {
        raise_fmt(&type_ValueError, "input line longer than %d bytes", READLINE_MAX);
    }
    vstr_add_strn(out, line, len);
    return true;
}

static void board_poll(void) {
    if (in_wait) {
        return; /* board_wait does the rest; this call was for Ctrl-C only */
    }
    clock_vm_steps(BOARD_VM_STEPS);
    uint64_t now = el_now_us();
    if (now - last_poll >= BOARD_POLL_US) {
        last_poll = now;
        el_run_once(0);
    }
    board_power_requests();
    if (machine_irq_work()) {
        machine_irq_service();
    }
}

void board_wait(uint64_t until, bool (*done)(void), bool service_irqs) {
    for (;;) {
        in_wait = true;
        port_poll(); /* Ctrl-C */
        in_wait = false;
        board_power_requests(); /* first: a soft reset it asks for is raised just below */
        rt_check_pending();
        if (service_irqs && machine_irq_work()) {
            machine_irq_service();
        }
        if ((done != NULL && done()) || clock_now_ns() >= until) {
            return;
        }
        uint64_t left = clock_wait_ns(until);
        in_wait = true;
        if (clock_mode() == CLOCK_VIRTUAL && left == 0) {
            el_run_once(0); /* serve the outside, then jump to the next deadline */
            clock_wait_step(until);
        } else {
            int ms = left == CLOCK_NEVER ? -1 : (int)(left / 1000000u > BOARD_MAX_BLOCK_MS ? BOARD_MAX_BLOCK_MS : left / 1000000u);
            el_run_once(ms); /* under a millisecond: spin, still serving events */
            clock_run_due();
        }
        in_wait = false;
    }
}

void board_wait_input(void) { board_wait(CLOCK_NEVER, replio_has_input, true); }

/* port_poll_fds on the board (sockets, select.poll): board_wait's loop with the caller's host
 * descriptors in the event loop's poll, until one has events or timeout_ms of host time passed
 * (the network's time is the host's, whatever the board's clock does meanwhile). */
static int board_wait_fds(const int *fds, const uint16_t *events, uint16_t *revents, size_t n, int timeout_ms) {
    uint64_t start = el_now_us();
    for (;;) {
        in_wait = true;
        port_poll(); /* Ctrl-C */
        in_wait = false;
        board_power_requests();
        rt_check_pending();
        if (machine_irq_work()) {
            machine_irq_service();
        }
        int left_ms = -1;
        if (timeout_ms >= 0) {
            int64_t l = (int64_t)timeout_ms - (int64_t)((el_now_us() - start) / 1000);
            left_ms = l < 0 ? 0 : (int)l;
        }
        uint64_t board_left = clock_wait_ns(CLOCK_NEVER);
        bool jump = clock_mode() == CLOCK_VIRTUAL && board_left == 0;
        int ms = jump ? 0 : board_left == CLOCK_NEVER || board_left / 1000000u > BOARD_MAX_BLOCK_MS
                                ? BOARD_MAX_BLOCK_MS : (int)(board_left / 1000000u);
        if (left_ms >= 0 && left_ms < ms) {
            ms = left_ms;
        }
        in_wait = true;
        int r = el_run_with(fds, events, revents, n, ms);
        int e = errno;
        if (jump) {
            clock_wait_step(CLOCK_NEVER);
        } else {
            clock_run_due();
        }
        in_wait = false;
        if (r != 0 || left_ms == 0) {
            return r < 0 ? -e : r;
        }
    }
}

static void board_delay_us(uint64_t us) { board_wait(clock_now_ns() + us * 1000u, NULL, true); }

static uint64_t board_ticks_us(void) { return clock_now_us(); }

/* time.time() reads the board's RTC (board/rtc.c, issue 10) in both clock modes */
static int64_t board_rtc_base(void) { return rtc_now_us() / 1000000; }

static const port_hooks_t board_hooks_real = {.write = board_write, .read_byte = board_read_byte,
    .read_line = board_read_line, .poll = board_poll, .delay_us = board_delay_us, .fatal = board_hard_fault,
    .ticks_us = board_ticks_us, .rtc_base = board_rtc_base, .input_ready = replio_has_input,
    .wait_fds = board_wait_fds};
static const port_hooks_t board_hooks_virtual = {.write = board_write, .read_byte = board_read_byte,
    .read_line = board_read_line, .poll = board_poll, .delay_us = board_delay_us, .fatal = board_hard_fault,
    .ticks_us = board_ticks_us, .rtc_base = board_rtc_base, .input_ready = replio_has_input,
    .wait_fds = board_wait_fds};

void board_port_install(void) {
    port_set_hooks(clock_mode() == CLOCK_VIRTUAL ? &board_hooks_virtual : &board_hooks_real);
    machine_wait_hook = board_wait;
}
