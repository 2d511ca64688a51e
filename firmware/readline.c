/* firmware/readline.c: the REPL's line editor over the port byte stream. Keys: printable bytes
 * insert at the cursor; Backspace, Delete (ESC[3~), Left/Right, Home/End (ESC[H ESC[F ESC[1~
 * ESC[4~ ESC[7~ ESC[8~ ESC OH ESC OF, Ctrl-A/Ctrl-E on a non-empty line), Up/Down (Ctrl-P/N) walk
 * an 8-line history, Ctrl-K/Ctrl-U cut, Tab completes, Enter ends the line.
 * Invariant: after every key the terminal shows prompt + line with the cursor at `cursor`. */
#include "firmware/readline.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/port.h"
#include "firmware/repl_io.h"

static struct {
    char *buf;
    size_t len, alloc, cursor;
    char *history[READLINE_HISTORY]; /* [0] newest */
    readline_complete_fun_t complete;
    const char *prompt; /* while a line is being edited, else NULL */
    bool too_long;      /* bytes were refused: the line is over READLINE_MAX */
} rl;

void readline_set_completer(readline_complete_fun_t fun) { rl.complete = fun; }

/* A REPL stream that just joined (a telnet login) sees the prompt and the line being edited, with
 * its cursor at the end; while code runs there is no prompt, so it gets nothing. */
void replio_redraw(replio_write_fn_t fn, void *ctx) {
    if (rl.prompt != NULL) {
        fn(ctx, rl.prompt, strlen(rl.prompt));
        fn(ctx, rl.buf, rl.len);
    }
}

/* The editor's output is gathered here while more keys are already queued, and written out before
 * it waits for a key, when full, and when the line ends: the same bytes in the same order, but
 * keys that come in bulk (a paste, a flood) are echoed in a few writes instead of one each. */
static char out_buf[512];
static size_t out_len;

static void rl_flush(void) {
    if (out_len > 0) {
        port_write(out_buf, out_len);
        out_len = 0;
    }
}

static void rl_write(const char *s, size_t n) {
    if (out_len + n > sizeof(out_buf)) {
        rl_flush();
        if (n > sizeof(out_buf)) {
            port_write(s, n);
            return;
        }
    }
    memcpy(out_buf + out_len, s, n);
    out_len += n;
}

static int rl_read_byte(void) {
    if (!replio_has_input()) {
        rl_flush(); /* nothing queued: the terminal shows all before the editor waits */
    }
    return port_read_byte();
}

static void rl_out(const char *s) { rl_write(s, strlen(s)); }

static void rl_reserve(size_t extra) {
    if (rl.len + extra + 1 > rl.alloc) {
        size_t n = (rl.len + extra + 1) * 2;
        char *b = realloc(rl.buf, n);
        if (b == NULL) {
            port_fatal("out of memory in readline");
        }
        rl.buf = b;
        rl.alloc = n;
    }
}

/* Moves the terminal cursor left/right by n columns (one byte = one column; UTF-8
 * continuation bytes are skipped by the caller's counting). */
static void rl_move(int n) {
    char seq[24];
    if (n > 0) {
        snprintf(seq, sizeof(seq), "\x1b[%dC", n);
        rl_out(seq);
    } else if (n < 0) {
        snprintf(seq, sizeof(seq), "\x1b[%dD", -n);
        rl_out(seq);
    }
}

static int rl_columns(size_t from, size_t to) {
    int n = 0;
    for (size_t i = from; i < to; i++) {
        if (((unsigned char)rl.buf[i] & 0xc0) != 0x80) {
            n++;
        }
    }
    return n;
}

/* Redraws from position `from` to the end of the line, then puts the cursor back. */
static void rl_redraw_from(size_t from) {
    rl_write(rl.buf + from, rl.len - from);
    rl_out("\x1b[K");
    rl_move(-rl_columns(rl.cursor, rl.len));
}

static void rl_insert(const char *s, size_t n) {
    if (rl.len + n > READLINE_MAX) {
        rl.too_long = true; /* nothing more is taken; the line is refused when it ends */
        return;
    }
    rl_reserve(n);
    memmove(rl.buf + rl.cursor + n, rl.buf + rl.cursor, rl.len - rl.cursor);
    memcpy(rl.buf + rl.cursor, s, n);
    rl.len += n;
    size_t from = rl.cursor;
    rl.cursor += n;
    rl_write(rl.buf + from, rl.len - from);
    if (rl.cursor < rl.len) {
        rl_move(-rl_columns(rl.cursor, rl.len));
    }
}

static size_t rl_prev_char(size_t pos) {
    while (pos > 0) {
        pos--;
        if (((unsigned char)rl.buf[pos] & 0xc0) != 0x80) {
            break;
        }
    }
    return pos;
}

static size_t rl_next_char(size_t pos) {
    if (pos < rl.len) {
        pos++;
        while (pos < rl.len && ((unsigned char)rl.buf[pos] & 0xc0) == 0x80) {
            pos++;
        }
    }
    return pos;
}

static void rl_delete_range(size_t a, size_t b) {
    if (b <= a) {
        return;
    }
    rl_move(-rl_columns(a, rl.cursor));
    memmove(rl.buf + a, rl.buf + b, rl.len - b);
    rl.len -= b - a;
    rl.cursor = a;
    rl_redraw_from(a);
}

static void rl_cursor_to(size_t pos) {
    if (pos < rl.cursor) {
        rl_move(-rl_columns(pos, rl.cursor));
    } else {
        rl_move(rl_columns(rl.cursor, pos));
    }
    rl.cursor = pos;
}

/* Replaces the whole line (history recall). */
static void rl_replace(const char *s) {
    rl_cursor_to(0);
    rl.len = 0;
    size_t n = strlen(s);
    if (n > READLINE_MAX) {
        n = READLINE_MAX;
    }
    rl_reserve(n);
    memcpy(rl.buf, s, n);
    rl.len = n;
    rl.cursor = n;
    rl_write(rl.buf, n);
    rl_out("\x1b[K");
}

void readline_push_history(const char *line, size_t len) {
    if (len == 0) {
        return;
    }
    bool blank = true;
    for (size_t i = 0; i < len; i++) {
        if (line[i] != ' ') {
            blank = false;
        }
    }
    if (blank) {
        return;
    }
    if (rl.history[0] != NULL && strlen(rl.history[0]) == len && memcmp(rl.history[0], line, len) == 0) {
        return;
    }
    char *copy = malloc(len + 1);
    if (copy == NULL) {
        return;
    }
    memcpy(copy, line, len);
    copy[len] = '\0';
    free(rl.history[READLINE_HISTORY - 1]);
    memmove(rl.history + 1, rl.history, sizeof(rl.history[0]) * (READLINE_HISTORY - 1));
    rl.history[0] = copy;
}

void readline_free(void) {
    free(rl.buf);
    rl.buf = NULL;
    rl.len = rl.alloc = rl.cursor = 0;
    for (int i = 0; i < READLINE_HISTORY; i++) {
        free(rl.history[i]);
        rl.history[i] = NULL;
    }
}

/* Runs the completer; true if it printed candidates (the line must be shown again). */
static bool rl_complete(void) {
    if (rl.complete == NULL) {
        return false;
    }
    char *extra = NULL;
    size_t n = 0;
    rl.buf[rl.len] = '\0';
    rl_flush(); /* the completer prints its candidates itself */
    bool printed = rl.complete(rl.buf, rl.cursor, &extra, &n);
    if (extra != NULL) {
        if (n > 0) {
            rl_insert(extra, n);
        }
        free(extra);
    }
    return printed;
}

/* Shows the prompt and the line again (after completion candidates or Ctrl-L). */
static void rl_redisplay(const char *prompt) {
    rl_out(prompt);
    rl_write(rl.buf, rl.len);
    rl_move(-rl_columns(rl.cursor, rl.len));
}

int readline_read(const char *prompt, const char *prefill, const char **line, size_t *len) {
    rl_reserve(64);
    rl.len = 0;
    rl.cursor = 0;
    rl.too_long = false;
    int hist = -1; /* history entry shown, -1: the line being typed */
    char *typed = NULL; /* the line being typed while walking the history */
    rl.prompt = prompt;
    rl_out(prompt);
    if (prefill != NULL && prefill[0] != '\0') {
        rl_insert(prefill, strlen(prefill));
    }
    int result = -1;
    while (result < 0) {
        int c = rl_read_byte();
        if (c < 0) {
            result = rl.len == 0 ? READLINE_CTRL_D : READLINE_LINE;
            break;
        }
        if (c == '\r' || c == '\n') {
            result = READLINE_LINE;
        } else if (c == 3) {
            result = READLINE_CTRL_C;
        } else if (c == 4) {
            if (rl.len == 0) {
                result = READLINE_CTRL_D;
            } else {
                rl_delete_range(rl.cursor, rl_next_char(rl.cursor));
            }
        } else if (c == 1) {
            if (rl.len == 0) {
                result = READLINE_CTRL_A;
            } else {
                rl_cursor_to(0);
            }
        } else if (c == 2) {
            if (rl.len == 0) {
                result = READLINE_CTRL_B;
            } else {
                rl_cursor_to(rl_prev_char(rl.cursor));
            }
        } else if (c == 5) {
            if (rl.len == 0) {
                result = READLINE_CTRL_E;
            } else {
                rl_cursor_to(rl.len);
            }
        } else if (c == 6) {
            rl_cursor_to(rl_next_char(rl.cursor));
        } else if (c == 8 || c == 127) {
            rl_delete_range(rl_prev_char(rl.cursor), rl.cursor);
        } else if (c == 11) {
            rl_delete_range(rl.cursor, rl.len);
        } else if (c == 21) {
            rl_delete_range(0, rl.cursor);
        } else if (c == 9) {
            if (rl_complete()) {
                rl_redisplay(prompt);
            }
        } else if (c == 12) {
            rl_out("\r\n");
            rl_redisplay(prompt);
        } else if (c == 16 || c == 14) {
            c = c == 16 ? 'A' : 'B';
            goto arrow;
        } else if (c == 27) {
            int c1 = rl_read_byte();
            int c2 = c1 == '[' || c1 == 'O' ? rl_read_byte() : -1;
            if (c1 == '[' && c2 >= '0' && c2 <= '9') {
                int c3 = rl_read_byte();
                if (c3 == '~') {
                    if (c2 == '1' || c2 == '7') {
                        rl_cursor_to(0);
                    } else if (c2 == '4' || c2 == '8') {
                        rl_cursor_to(rl.len);
                    } else if (c2 == '3') {
                        rl_delete_range(rl.cursor, rl_next_char(rl.cursor));
                    }
                }
                continue;
            }
            c = c2;
        arrow:
            if (c == 'A' || c == 'B') {
                int want = c == 'A' ? hist + 1 : hist - 1;
                if (want >= READLINE_HISTORY || (want >= 0 && rl.history[want] == NULL) || want < -1) {
                    continue;
                }
                if (hist == -1) {
                    free(typed);
                    typed = malloc(rl.len + 1);
                    if (typed != NULL) {
                        memcpy(typed, rl.buf, rl.len);
                        typed[rl.len] = '\0';
                    }
                }
                hist = want;
                rl_replace(hist == -1 ? (typed != NULL ? typed : "") : rl.history[hist]);
            } else if (c == 'C') {
                rl_cursor_to(rl_next_char(rl.cursor));
            } else if (c == 'D') {
                rl_cursor_to(rl_prev_char(rl.cursor));
            } else if (c == 'H') {
                rl_cursor_to(0);
            } else if (c == 'F') {
                rl_cursor_to(rl.len);
            }
        } else if (c >= 32) {
            char ch = (char)c;
            rl_insert(&ch, 1);
        }
    }
    free(typed);
    rl.prompt = NULL;
    rl_cursor_to(rl.len);
    rl_out("\r\n");
    rl_flush();
    rl.buf[rl.len] = '\0';
    *line = rl.buf;
    *len = rl.len;
    if (rl.too_long && result == READLINE_LINE) {
        return READLINE_TOO_LONG;
    }
    return result;
}
