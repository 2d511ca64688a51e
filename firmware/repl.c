/* firmware/repl.c: the friendly REPL (prompts ">>> " / "... ", continuation decided by the parser,
 * auto-indent after ':', history and tab completion through readline), paste mode (Ctrl-E) and
 * the raw REPL (Ctrl-A) with MicroPython's byte protocol.
 * Invariant: every line of REPL output ends "\r\n"; code runs outside the editor's raw state. */
#include "firmware/repl.h"
#include "firmware/repl_raw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ast.h"
#include "core/import.h"
#include "core/nlr.h"
#include "core/port.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "firmware/readline.h"
#include "firmware/repl_exec.h"

void (*repl_before_exec)(void);
void (*repl_after_exec)(void);

static void repl_out(const char *s) { port_write(s, strlen(s)); }

/* Input over its bound is refused, and said so in one line. */
static void repl_input_refused(const char *what, size_t max) {
    char line[80];
    snprintf(line, sizeof(line), "%s longer than %zu bytes: ignored\r\n", what, max);
    repl_out(line);
}

/* "Nov 24 2026" (__DATE__) as "2026-11-24" */
static void repl_build_date(char out[11]) {
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *d = __DATE__;
    int m = 1;
    for (int i = 0; i < 12; i++) {
        if (memcmp(months + 3 * i, d, 3) == 0) {
            m = i + 1;
        }
    }
    out[0] = d[7];
    out[1] = d[8];
    out[2] = d[9];
    out[3] = d[10];
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = d[4] == ' ' ? '0' : d[4];
    out[9] = d[5];
    out[10] = '\0';
}

void repl_banner_line(char *buf, size_t cap) {
    char date[11];
    repl_build_date(date);
    snprintf(buf, cap, "MicroPython v%s on %s; %s", port_version, date, port_machine);
}

void repl_print_banner(void) {
    char line[96];
    repl_banner_line(line, sizeof(line));
    repl_out(line);
    repl_out("\r\nType \"help()\" for more information.\r\n");
}

int repl_exit_status_of(obj_t exc, bool to_stderr) {
    const print_t *p = to_stderr ? &print_stderr : &print_stdout;
    if (exc_is_instance(exc, &type_SystemExit)) {
        obj_t v = exc_get_value(exc);
        if (v == OBJ_NONE) {
            return 0;
        }
        int_t n;
        if (obj_get_int_maybe(v, &n)) {
            return (int)(n & 255);
        }
        obj_print(p, v, PRINT_STR);
        print_str(p, "\n");
        return 1;
    }
    repl_print_exception(p, exc);
    return 1;
}

/* Compiles and runs src in __main__; returns true (with *status) if it raised SystemExit. */
static bool repl_run(const char *src, size_t len, input_kind_t kind, int *status) {
    if (repl_before_exec != NULL) {
        repl_before_exec();
    }
    bool exit_now = false;
    obj_t exc = repl_exec_source(src, len, kind);
    if (exc != OBJ_NULL) {
        if (exc_is_instance(exc, &type_SystemExit)) {
            *status = repl_exit_status_of(exc, false);
            exit_now = true;
        } else {
            repl_print_exception(&print_stdout, exc);
        }
    }
    if (repl_after_exec != NULL) {
        repl_after_exec();
    }
    return exit_now;
}

/* ---- tab completion ---- */

static bool repl_is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (unsigned char)c >= 0x80;
}

/* Names visible for `text` = "a.b.pre": (dir of a.b, "pre"); plain "pre": globals + builtins. */
static obj_t repl_candidates(const char *text, size_t len, size_t *pre_start) {
    size_t start = len;
    while (start > 0 && (repl_is_name_char(text[start - 1]) || text[start - 1] == '.')) {
        start--;
    }
    size_t last_dot = len;
    for (size_t i = start; i < len; i++) {
        if (text[i] == '.') {
            last_dot = i;
        }
    }
    obj_t names;
    obj_t dir = rt_builtin_lookup(QSTR_dir);
    if (last_dot == len) {
        *pre_start = start;
        names = rt_call0(dir); /* dir() at top level: the globals of __main__ */
        obj_t b = rt_call1(dir, OBJ_FROM_PTR(&builtins_module));
        size_t n;
        obj_t *items;
        obj_get_array(b, &n, &items);
        for (size_t i = 0; i < n; i++) {
            list_append(names, items[i]);
        }
        return names;
    }
    *pre_start = last_dot + 1;
    /* walk a.b... through globals/builtins and attributes */
    obj_t o = OBJ_NULL;
    size_t i = start;
    while (i < last_dot + 1) {
        size_t j = i;
        while (j < len && text[j] != '.') {
            j++;
        }
        qstr q = qstr_from_strn(text + i, j - i);
        if (o == OBJ_NULL) {
            o = dict_get(rt_state.main_globals, obj_new_qstr(q));
            if (o == OBJ_NULL) {
                o = rt_builtin_lookup(q);
            }
        } else {
            o = rt_load_attr_maybe(o, q);
        }
        if (o == OBJ_NULL) {
            return OBJ_NULL;
        }
        i = j + 1;
    }
    return rt_call1(dir, o);
}

static bool repl_complete(const char *text, size_t len, char **out, size_t *out_len) {
    volatile bool printed = false;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        size_t pre;
        obj_t names = repl_candidates(text, len, &pre);
        if (names != OBJ_NULL) {
            size_t n;
            obj_t *items;
            obj_get_array(names, &n, &items);
            const char *prefix = text + pre;
            size_t plen = len - pre;
            const char *first = NULL;
            size_t common = 0, matches = 0;
            for (size_t k = 0; k < n; k++) {
                size_t l;
                const char *s = str_get_data(items[k], &l);
                if (l < plen || memcmp(s, prefix, plen) != 0 || (plen == 0 && s[0] == '_')) {
                    continue;
                }
                if (first != NULL && l == strlen(first) && memcmp(first, s, l) == 0) {
                    continue;
                }
                if (first == NULL) {
                    first = s;
                    common = l;
                } else {
                    size_t c = plen;
                    while (c < common && c < l && first[c] == s[c]) {
                        c++;
                    }
                    common = c;
                }
                matches++;
            }
            if (matches >= 1 && common > plen) {
                *out_len = common - plen;
                *out = malloc(*out_len);
                if (*out != NULL) {
                    memcpy(*out, first + plen, *out_len);
                }
            } else if (matches > 1) {
                repl_out("\r\n");
                int col = 0;
                for (size_t k = 0; k < n; k++) {
                    size_t l;
                    const char *s = str_get_data(items[k], &l);
                    if (l < plen || memcmp(s, prefix, plen) != 0 || (plen == 0 && s[0] == '_')) {
                        continue;
                    }
                    if (col + 16 > 64 && col > 0) {
                        repl_out("\r\n");
                        col = 0;
                    }
                    port_write(s, l);
                    if (l < 16) {
                        port_write("                ", 16 - l); /* to the next 16-column stop */
                    }
                    col += l < 16 ? 16 : (int)l + 1;
                }
                repl_out("\r\n");
                printed = true;
            }
        }
        nlr_pop();
    }
    return printed;
}

/* ---- modes ---- */

/* Paste mode: bytes as typed until Ctrl-D (run) or Ctrl-C (cancel); at most REPL_INPUT_MAX. */
static bool repl_paste_mode(int *status) {
    repl_out("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    char *buf = NULL;
    size_t len = 0, alloc = 0;
    bool too_long = false;
    for (;;) {
        int c = port_read_byte();
        if (c < 0 || c == 4) {
            repl_out("\r\n");
            break;
        }
        if (c == 3) {
            repl_out("\r\n");
            free(buf);
            return false;
        }
        if (c == '\r') {
            c = '\n';
        }
        if (len + 2 > alloc && !too_long) {
            if (alloc >= REPL_INPUT_MAX) {
                too_long = true; /* read on to Ctrl-D, keep nothing more */
            } else {
                alloc = alloc * 2 + 256;
                if (alloc > REPL_INPUT_MAX) {
                    alloc = REPL_INPUT_MAX;
                }
                char *nb = realloc(buf, alloc);
                if (nb == NULL) {
                    free(buf);
                    port_fatal("out of memory in paste mode");
                }
                buf = nb;
            }
        }
        if (!too_long) {
            buf[len++] = (char)c;
        }
        if (c == '\n') {
            repl_out("\r\n=== ");
        } else {
            char ch = (char)c;
            port_write(&ch, 1);
        }
    }
    if (too_long) {
        free(buf);
        repl_input_refused("paste", REPL_INPUT_MAX);
        return false;
    }
    bool exit_now = repl_run(buf != NULL ? buf : "", len, INPUT_FILE, status);
    free(buf);
    return exit_now;
}

/* The raw REPL (firmware/repl_raw.c). Ctrl-B returns to the friendly REPL (false); a soft-reset
 * request or the end of input ends the REPL (true), which in script mode means exit. */
static bool repl_raw_mode(int *status) {
    repl_raw_result_t r = repl_raw_run();
    if (r == REPL_RAW_TO_FRIENDLY) {
        return false;
    }
    *status = repl_raw_exit_status();
    return true;
}

/* The indent to pre-fill for the next continuation line (MicroPython's rule): the previous
 * line's indent, plus 4 after a ':'; none after two blank lines in a row. */
static size_t repl_auto_indent(const char *src, size_t len) {
    size_t i = len;
    while (i > 0 && src[i - 1] != '\n') {
        i--;
    }
    size_t j = i;
    while (j < len && src[j] == ' ') {
        j++;
    }
    if (j == len && i > 0) {
        /* the last line is all spaces: stop indenting if the one before is too */
        size_t k = i - 1;
        size_t s = k;
        while (s > 0 && src[s - 1] != '\n') {
            s--;
        }
        bool blank = true;
        for (size_t t = s; t < k; t++) {
            if (src[t] != ' ') {
                blank = false;
            }
        }
        if (blank) {
            return 0;
        }
    }
    size_t n = (j - i) / 4;
    if (len > 0 && src[len - 1] == ':') {
        n++;
    }
    return n * 4;
}

/* readline_read, where a KeyboardInterrupt raised while waiting for a key (a SIGINT from
 * outside: the terminal itself sends Ctrl-C as a byte) cancels the line like Ctrl-C, and a
 * SystemExit (a soft reset requested from outside) ends the session like Ctrl-D. */
static int repl_readline(const char *prompt, const char *prefill, const char **line, size_t *len) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        int r = readline_read(prompt, prefill, line, len);
        nlr_pop();
        return r;
    }
    repl_out("\r\n");
    *line = "";
    *len = 0;
    if (exc_is_instance(nlr.value, &type_SystemExit)) {
        return READLINE_CTRL_D; /* a soft reset asked for from outside (board/power.h) */
    }
    return READLINE_CTRL_C;
}

/* Runs a mode (paste, raw) so that a KeyboardInterrupt while it waits for input ends it. */
static bool repl_guard(bool (*mode)(int *), int *status) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        bool r = mode(status);
        nlr_pop();
        return r;
    }
    repl_out("\r\n");
    return false;
}

repl_end_t repl_session(bool raw, int *status) {
    *status = 0;
    readline_set_completer(repl_complete);
    if (raw) {
        repl_raw_result_t r = repl_raw_run();
        if (r != REPL_RAW_TO_FRIENDLY) {
            *status = repl_raw_exit_status();
            return r == REPL_RAW_EOF ? REPL_END_EOF : REPL_END_RAW_RESET;
        }
    }
    repl_print_banner();
    repl_end_t end = REPL_END_EOF;
    char *src = NULL;
    size_t alloc = 0;
    for (;;) {
        const char *line;
        size_t len;
        int r = repl_readline(">>> ", NULL, &line, &len);
        if (r == READLINE_CTRL_C) {
            continue;
        }
        if (r == READLINE_TOO_LONG) {
            repl_input_refused("line", READLINE_MAX);
            continue;
        }
        if (r == READLINE_CTRL_D) {
            end = REPL_END_CTRL_D;
            break;
        }
        if (r == READLINE_CTRL_B) {
            repl_out("\r\n");
            repl_print_banner();
            continue;
        }
        if (r == READLINE_CTRL_E) {
            if (repl_guard(repl_paste_mode, status)) {
                end = REPL_END_EXIT;
                break;
            }
            continue;
        }
        if (r == READLINE_CTRL_A) {
            if (repl_guard(repl_raw_mode, status)) {
                end = REPL_END_RAW_RESET;
                break;
            }
            repl_print_banner();
            continue;
        }
        if (len == 0) {
            continue;
        }
        readline_push_history(line, len);
        size_t slen = len;
        if (slen + 1 > alloc) {
            alloc = slen * 2 + 256;
            src = realloc(src, alloc);
            if (src == NULL) {
                port_fatal("out of memory in the REPL");
            }
        }
        memcpy(src, line, len);
        bool cancelled = false;
        while (parse_input_is_incomplete(src, slen)) {
            char indent[128];
            size_t n = repl_auto_indent(src, slen);
            if (n >= sizeof(indent)) {
                n = sizeof(indent) - 4;
            }
            memset(indent, ' ', n);
            indent[n] = '\0';
            r = repl_readline("... ", indent, &line, &len);
            if (r == READLINE_CTRL_C) {
                cancelled = true;
                break;
            }
            if (r == READLINE_TOO_LONG || slen + len + 2 > REPL_INPUT_MAX) {
                repl_input_refused(r == READLINE_TOO_LONG ? "line" : "statement",
                    r == READLINE_TOO_LONG ? READLINE_MAX : REPL_INPUT_MAX);
                cancelled = true;
                break;
            }
            if (r == READLINE_CTRL_D) {
                if (len == 0) {
                    line = "";
                }
                /* Ctrl-D ends the statement as an empty line would */
            } else {
                readline_push_history(line, len);
            }
            if (slen + len + 2 > alloc) {
                alloc = (slen + len) * 2 + 256;
                src = realloc(src, alloc);
                if (src == NULL) {
                    port_fatal("out of memory in the REPL");
                }
            }
            src[slen++] = '\n';
            memcpy(src + slen, line, len);
            slen += len;
            if (r == READLINE_CTRL_D) {
                break;
            }
        }
        if (cancelled) {
            continue;
        }
        if (repl_run(src, slen, INPUT_SINGLE, status)) {
            end = REPL_END_EXIT;
            break;
        }
    }
    free(src);
    readline_free();
    return end;
}

int repl_friendly(bool *exited) {
    int status;
    repl_end_t end = repl_session(false, &status);
    *exited = end == REPL_END_EXIT || (end == REPL_END_RAW_RESET && status != 0);
    return end == REPL_END_CTRL_D || end == REPL_END_EOF ? 0 : status;
}
