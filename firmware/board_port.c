/* firmware/board_port.c: core/port.h in board mode. Output goes to every REPL stream with "\n"
 * cooked to "\r\n"; input comes from the REPL queue; the VM's poll hook runs the event loop at
 * most once a millisecond (a clock read otherwise); delays run the loop until their deadline.
 * Invariant: the event loop only ever runs from these hooks and from blocking waits, on the
 * interpreter's thread, so callbacks never interleave with Python. */
#include "core/port.h"
#include "core/runtime.h"
#include "firmware/board.h"
#include "firmware/readline.h"
#include "firmware/repl_io.h"
#include "host/event_loop.h"
#include "host/port_unix.h"

#define BOARD_POLL_US 1000

static bool last_cr;
static uint64_t last_poll;

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
    uint64_t now = el_now_us();
    if (now - last_poll >= BOARD_POLL_US) {
        last_poll = now;
        el_run_once(0);
    }
}

static void board_delay_us(uint64_t us) {
    uint64_t end = el_now_us() + us;
    for (;;) {
        rt_check_pending();
        uint64_t now = el_now_us();
        if (now >= end) {
            return;
        }
        uint64_t left = end - now;
        if (left >= 1000) {
            el_run_once((int)(left / 1000 > 100 ? 100 : left / 1000));
        } else {
            el_run_once(0); /* under a millisecond: spin, still serving events */
        }
        port_poll(); /* SIGINT */
    }
}

static const port_hooks_t board_hooks = {
    board_write, board_read_byte, board_read_line, board_poll, board_delay_us, board_hard_fault, replio_has_input};

void board_port_install(void) { port_set_hooks(&board_hooks); }
