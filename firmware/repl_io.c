/* firmware/repl_io.c: one input queue (a ring of REPLIO_QUEUE bytes; input beyond it is dropped, as a
 * UART drops bytes past its buffer) and a small table of output sinks. */
#include "firmware/repl_io.h"

#include "core/runtime.h"
#include "firmware/board.h"

#define REPLIO_QUEUE 1024
#define REPLIO_SINKS 8

static uint8_t queue[REPLIO_QUEUE];
static size_t q_head, q_len;
static int sources_open;
static int interrupt_char = -1;

static struct {
    int id;
    replio_write_fn_t fn;
    void *ctx;
} sinks[REPLIO_SINKS];
static int next_sink_id = 1;

void replio_push_input(const uint8_t *data, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (interrupt_char >= 0 && data[i] == (uint8_t)interrupt_char) {
            q_len = 0; /* like the board: pending input is discarded on Ctrl-C */
            rt_keyboard_interrupt();
            continue;
        }
        if (q_len < REPLIO_QUEUE) {
            queue[(q_head + q_len) % REPLIO_QUEUE] = data[i];
            q_len++;
        }
    }
}

bool replio_has_input(void) { return q_len > 0; }

void replio_source_opened(void) { sources_open++; }
void replio_source_closed(void) {
    if (sources_open > 0) {
        sources_open--;
    }
}

int replio_read_byte(void) {
    while (q_len == 0) {
        if (sources_open == 0) {
            return -1;
        }
        board_wait_input();
    }
    uint8_t b = queue[q_head];
    q_head = (q_head + 1) % REPLIO_QUEUE;
    q_len--;
    return b;
}

int replio_add_sink(replio_write_fn_t fn, void *ctx) {
    for (int i = 0; i < REPLIO_SINKS; i++) {
        if (sinks[i].id == 0) {
            sinks[i].id = next_sink_id++;
            sinks[i].fn = fn;
            sinks[i].ctx = ctx;
            return sinks[i].id;
        }
    }
    return 0;
}

void replio_remove_sink(int id) {
    for (int i = 0; i < REPLIO_SINKS; i++) {
        if (sinks[i].id == id) {
            sinks[i].id = 0;
        }
    }
}

void replio_write(const char *data, size_t len) {
    for (int i = 0; i < REPLIO_SINKS; i++) {
        if (sinks[i].id != 0) {
            sinks[i].fn(sinks[i].ctx, data, len);
        }
    }
}

__attribute__((weak)) void replio_redraw(replio_write_fn_t fn, void *ctx) { fn(ctx, ">>> ", 4); }

void replio_set_interrupt_char(int c) { interrupt_char = c; }
int replio_interrupt_char(void) { return interrupt_char; }
