/* firmware/repl_raw.c: the raw REPL. Protocol (spec §9): banner "raw REPL; CTRL-B to exit\r\n",
 * prompt ">", the program's bytes until Ctrl-D, "OK", the output, \x04, the error text, \x04, ">".
 * Ctrl-D on an empty buffer asks for a soft reset ("OK\r\n"); Ctrl-A restarts; Ctrl-C clears.
 * Raw-paste: "\x05A\x01" at the start of a buffer answers "R\x01" and the window size (128, little
 * endian; the board uses another, see repl_raw.h); one \x01 is sent per window of input consumed;
 * the host's \x04 ends the data and is answered with \x04, then the output follows as above
 * (without "OK"). Ctrl-C during the data is answered \x04 too and cancels it. */
#include "firmware/repl_raw.h"

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

/* Reads a raw-paste program: to Ctrl-D (done) or Ctrl-C (cancelled: the host is told the data
 * ended, as MicroPython does, so a client that gave up mid-paste can't leave the board in it). */
static paste_end_t read_raw_paste(vstr_t *src) {
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
        vstr_add_byte(src, (uint8_t)c);
        if (--remain == 0) {
            out("\x01", 1);
            remain = paste_window;
        }
    }
}

repl_raw_result_t repl_raw_run(void) {
    for (;;) {
        out_str("raw REPL; CTRL-B to exit\r\n");
    prompt:
        out_str(">");
        vstr_t src;
        vstr_init(&src, 64);
        for (;;) {
            int c = port_read_byte();
            if (c < 0) {
                return REPL_RAW_EOF;
            }
            if (c == 0x01) {
                if (src.len == 2 && src.buf[0] == 0x05 && src.buf[1] == 'A') {
                    vstr_clear(&src);
                    vstr_init(&src, 256);
                    paste_end_t end = read_raw_paste(&src);
                    if (end == PASTE_EOF) {
                        return REPL_RAW_EOF;
                    }
                    if (end == PASTE_CANCELLED) {
                        /* reported as the program's error: the input was interrupted */
                        out_str("\x04KeyboardInterrupt: \r\n\x04");
                        goto prompt;
                    }
                    if (repl_exec_raw(src.buf, src.len, &raw_exit_status)) {
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
                src.len = 0;
                continue;
            }
            if (c == 0x04) {
                out_str("OK");
                if (src.len == 0) {
                    out_str("\r\n");
                    raw_exit_status = 0;
                    return REPL_RAW_SOFT_RESET;
                }
                if (repl_exec_raw(src.buf, src.len, &raw_exit_status)) {
                    return REPL_RAW_SOFT_RESET;
                }
                goto prompt;
            }
            vstr_add_byte(&src, (uint8_t)c);
        }
    }
}
