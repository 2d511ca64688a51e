/* firmware/repl_raw.c: the raw REPL. Protocol (spec §9): banner "raw REPL; CTRL-B to exit\r\n",
 * prompt ">", the program's bytes until Ctrl-D, "OK", the output, \x04, the error text, \x04, ">".
 * Ctrl-D on an empty buffer asks for a soft reset ("OK\r\n"); Ctrl-A restarts; Ctrl-C clears.
 * Raw-paste: "\x05A\x01" at the start of a buffer answers "R\x01" and the window size (128, little
 * endian; the board uses another, see repl_raw.h); one \x01 is sent per window of input consumed;
 * the host's \x04 ends the data and is answered with \x04, then the output follows as above
 * (without "OK"). Ctrl-C during the data is answered \x04 too and cancels it.
 * Input is held on the GC heap: a program that does not fit is read to its end and discarded,
 * and reported as the program's error (MemoryError, with the bytes read), never raised here. */
#include "firmware/repl_raw.h"

#include <stdio.h>

#include "core/gc.h"
#include "core/nlr.h"
#include "core/port.h"
#include "core/runtime.h"
#include "firmware/repl_exec.h"

static uint16_t paste_window = REPL_RAW_WINDOW_DEFAULT;

void repl_raw_set_paste_window(uint16_t window) { paste_window = window; }

/* Everything goes through port_write, whose newline cooking leaves an existing "\r\n" alone. */
static void out(const char *s, size_t n) { port_write(s, n); }
static void out_str(const char *s) { port_write(s, strlen(s)); }

static int raw_exit_status;

int repl_raw_exit_status(void) { return raw_exit_status; }

typedef enum { PASTE_DONE, PASTE_CANCELLED, PASTE_EOF } paste_end_t;

/* The program being received; once the heap can't hold it (`full`) it is only counted. */
typedef struct {
    vstr_t src;
    bool full;
    size_t total; /* bytes received */
} raw_input_t;

static void raw_input_init(raw_input_t *in) {
    in->full = false;
    in->total = 0;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        vstr_init(&in->src, 64);
        nlr_pop();
    } else {
        in->src = (vstr_t){0};
        in->full = true; /* no room even to start: whatever comes is dropped */
    }
}

/* Adds a byte unless the heap is full (then the program is dropped, not the REPL). */
static void raw_input_add(raw_input_t *in, uint8_t c) {
    in->total++;
    if (in->full) {
        return;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        vstr_add_byte(&in->src, c);
        nlr_pop();
    } else {
        in->full = true;
        vstr_clear(&in->src);
        in->src = (vstr_t){0};
    }
}

static void raw_input_reset(raw_input_t *in) {
    if (!in->full) {
        in->src.len = 0;
        in->total = 0;
    } else {
        raw_input_init(in);
    }
}

/* The error part of the answer to a program that did not fit (the output part is empty). */
static void raw_report_dropped(const raw_input_t *in) {
    char line[112];
    int n = snprintf(line, sizeof(line),
        "\x04MemoryError: program of %zu bytes does not fit in the heap; not run\r\n\x04", in->total);
    out(line, (size_t)n);
}

static paste_end_t read_raw_paste(raw_input_t *in) {
    const char hdr[4] = {'R', 1, (char)(paste_window & 0xff), (char)(paste_window >> 8)};
    out(hdr, sizeof(hdr));
    size_t remain = paste_window;
    for (;;) {
        int c = port_read_byte();
        if (c < 0) {
            return PASTE_EOF;
        }
        if (c == 0x04 || c == 0x03) {
            out("\x04", 1);
            return c == 0x04 ? PASTE_DONE : PASTE_CANCELLED;
        }
        raw_input_add(in, (uint8_t)c);
        if (--remain == 0) {
            out("\x01", 1);
            remain = paste_window;
        }
    }
}

/* Runs the program received (or reports that it did not fit); true if it asked for a soft reset. */
static bool raw_run(raw_input_t *in) {
    if (in->full) {
        raw_report_dropped(in);
        return false;
    }
    return repl_exec_raw(in->src.buf, in->src.len, &raw_exit_status);
}

repl_raw_result_t repl_raw_run(void) {
    raw_input_t in;
    raw_input_init(&in);
    for (;;) {
        out_str("raw REPL; CTRL-B to exit\r\n");
    prompt:
        out_str(">");
        raw_input_reset(&in);
        for (;;) {
            int c = port_read_byte();
            if (c < 0) {
                return REPL_RAW_EOF;
            }
            if (c == 0x01) {
                if (!in.full && in.src.len == 2 && in.src.buf[0] == 0x05 && in.src.buf[1] == 'A') {
                    raw_input_reset(&in);
                    paste_end_t end = read_raw_paste(&in);
                    if (end == PASTE_EOF) {
                        return REPL_RAW_EOF;
                    }
                    if (end == PASTE_CANCELLED) {
                        /* reported as the program's error: the input was interrupted */
                        out_str("\x04KeyboardInterrupt: \r\n\x04");
                        goto prompt;
                    }
                    if (raw_run(&in)) {
                        return REPL_RAW_SOFT_RESET;
                    }
                    goto prompt;
                }
                break; /* restart: banner again */
            }
            if (c == 0x02) {
                out_str("\r\n");
                return REPL_RAW_TO_FRIENDLY;
            }
            if (c == 0x03) {
                raw_input_reset(&in);
                continue;
            }
            if (c == 0x04) {
                out_str("OK");
                if (!in.full && in.src.len == 0) {
                    out_str("\r\n");
                    raw_exit_status = 0;
                    return REPL_RAW_SOFT_RESET;
                }
                if (raw_run(&in)) {
                    return REPL_RAW_SOFT_RESET;
                }
                goto prompt;
            }
            raw_input_add(&in, (uint8_t)c);
        }
    }
}
