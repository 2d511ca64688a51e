/* firmware/repl_raw.c: the raw REPL. Protocol (spec §9): banner "raw REPL; CTRL-B to exit\r\n",
 * prompt ">", the program's bytes until Ctrl-D, "OK", the output, \x04, the error text, \x04, ">".
 * Ctrl-D on an empty buffer asks for a soft reset ("OK\r\n"); Ctrl-A restarts; Ctrl-C clears.
 * Raw-paste: "\x05A\x01" at the start of a buffer answers "R\x01" and the window size (128, little
 * endian; the board uses another, see repl_raw.h); one \x01 is sent per window of input consumed;
 * the host's \x04 ends the data and is answered with \x04, then the output follows as above
 * (without "OK"). Ctrl-C during the data is answered \x04 too and cancels it.
 * Input is held outside the GC heap, bounded by the heap's size: a program that does not fit is
 * reported as the program's error (MemoryError, with the bytes read), never raised here. In the raw
 * REPL it is read to its end and discarded; raw-paste ends it at once as MicroPython does when it
 * can't compile (\x04 to the host, then what the host still sends up to its \x04 or Ctrl-C). */
#include "firmware/repl_raw.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/gc.h"
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

/* The program being received, held outside the GC heap (as MicroPython's streaming compile leaves
 * the heap to the compiler), at most as many bytes as the heap has: a longer program could not be
 * run anyway. Past that (`full`) it is only counted. One buffer for the process, kept for the next
 * program, so a reset that leaves the raw REPL by a jump can't leak it. */
static char *raw_buf;
static size_t raw_cap;

typedef struct {
    size_t len;
    size_t limit; /* the heap's size */
    bool full;
    bool cut;     /* raw-paste ended it early: total is what came before that */
    size_t total; /* bytes received */
} raw_input_t;

static void raw_input_reset(raw_input_t *in) {
    in->len = 0;
    in->total = 0;
    in->full = false;
    in->cut = false;
    in->limit = gc_mem_free() + gc_mem_alloc();
    if (raw_cap > 4096) { /* a big program's room goes back to the host */
        free(raw_buf);
        raw_buf = NULL;
        raw_cap = 0;
    }
}

/* Adds a byte unless the program is over the limit (then the program is dropped, not the REPL). */
static void raw_input_add(raw_input_t *in, uint8_t c) {
    in->total++;
    if (in->full) {
        return;
    }
    if (in->len == raw_cap) {
        size_t cap = raw_cap < 256 ? 256 : raw_cap * 2;
        cap = cap > in->limit ? in->limit : cap;
        char *nb = in->len < cap ? realloc(raw_buf, cap) : NULL;
        if (nb == NULL) {
            in->full = true;
            return;
        }
        raw_buf = nb;
        raw_cap = cap;
    }
    raw_buf[in->len++] = (char)c;
}

/* The error part of the answer to a program that did not fit (the output part is empty). */
static void raw_report_dropped(const raw_input_t *in) {
    char line[112];
    int n = in->cut ? snprintf(line, sizeof(line),
                          "\x04MemoryError: program does not fit in the heap (stopped after %zu bytes); not run\r\n\x04",
                          in->total)
                    : snprintf(line, sizeof(line),
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
        if (in->full) {
            /* no room: the end of the data, said now; what the host already sent is dropped */
            in->cut = true;
            out("\x04", 1);
            do {
                c = port_read_byte();
            } while (c >= 0 && c != 0x04 && c != 0x03);
            return c < 0 ? PASTE_EOF : PASTE_DONE;
        }
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
    return repl_exec_raw(raw_buf != NULL ? raw_buf : "", in->len, &raw_exit_status);
}

repl_raw_result_t repl_raw_run(void) {
    raw_input_t in;
    raw_input_reset(&in);
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
                if (!in.full && in.len == 2 && raw_buf[0] == 0x05 && raw_buf[1] == 'A') {
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
                if (!in.full && in.len == 0) {
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
