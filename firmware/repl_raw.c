/* firmware/repl_raw.c: the raw REPL. Protocol (spec §9): banner "raw REPL; CTRL-B to exit\r\n",
 * prompt ">", the program's bytes until Ctrl-D, "OK", the output, \x04, the error text, \x04, ">".
 * Ctrl-D on an empty buffer asks for a soft reset ("OK\r\n"); Ctrl-A restarts; Ctrl-C clears.
 * Raw-paste: "\x05A\x01" at the start of a buffer answers "R\x01" and the window size (128, little
 * endian); one \x01 is sent per window of input consumed; the host's \x04 ends the data and is
 * answered with \x04, then the output follows as above (without "OK"). */
#include "firmware/repl_raw.h"

#include "core/gc.h"
#include "core/nlr.h"
#include "core/port.h"
#include "core/runtime.h"
#include "firmware/repl_exec.h"

#define RAW_PASTE_WINDOW 128

/* Everything goes through port_write, whose newline cooking leaves an existing "\r\n" alone. */
static void out(const char *s, size_t n) { port_write(s, n); }
static void out_str(const char *s) { port_write(s, strlen(s)); }

static int raw_exit_status;

int repl_raw_exit_status(void) { return raw_exit_status; }

/* Reads a raw-paste program; returns false if input ended. */
static bool read_raw_paste(vstr_t *src) {
    const char hdr[4] = {'R', 1, (char)(RAW_PASTE_WINDOW & 0xff), (char)(RAW_PASTE_WINDOW >> 8)};
    out(hdr, sizeof(hdr));
    size_t remain = RAW_PASTE_WINDOW;
    for (;;) {
        int c = port_read_byte();
        if (c < 0) {
            return false;
        }
        if (c == 0x04) {
            out("\x04", 1);
            return true;
        }
        vstr_add_byte(src, (uint8_t)c);
        if (--remain == 0) {
            out("\x01", 1);
            remain = RAW_PASTE_WINDOW;
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
                    if (!read_raw_paste(&src)) {
                        return REPL_RAW_EOF;
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
