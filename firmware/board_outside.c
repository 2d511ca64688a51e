/* firmware/board_outside.c: starts and stops the control server and the trace file for board mode
 * (board_outside.h), and hands them over across a board reset. A reset executes the program again
 * (firmware/board_main.c); the outside world is not reset with it: the control socket and its
 * clients stay connected, the drives the outside holds stay (hold GP28 high through a reset), and
 * the trace file goes on, its time continued. All of that travels in one internal option,
 * --handover, made of comma-separated tokens:
 *   t<ns>  trace time at the reset        L<fd>  the listening socket
 *   C<fd>/<subs>/<pin mask hex>  a client  D<pin>/<level>, V<pin>/<mV>  an outside drive
 *   B<part>  a button of the board file held pressed   T<fd>/<path as hex>  the trace file */
#include "firmware/board_outside.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/parts.h"
#include "board/pin_history.h"
#include "board/trace.h"
#include "firmware/repl_io.h"
#include "host/port_unix.h"
#include "services/control.h"
#include "services/trace_file.h"

#define OUTSIDE_ADDR_MAX 64
#define OUTSIDE_PATH_MAX 1024

/* "ADDR:PORT" or "PORT" into addr (loopback when absent) and port. */
static bool split_spec(const char *spec, char *addr, size_t addrlen, int *port) {
    const char *colon = strrchr(spec, ':');
    const char *num = colon ? colon + 1 : spec;
    size_t alen = colon ? (size_t)(colon - spec) : 0;
    if (alen >= addrlen || *num == '\0') {
        return false;
    }
    char *end;
    long p = strtol(num, &end, 10);
    if (*end != '\0' || p < 0 || p > 65535) {
        return false;
    }
    if (colon != NULL && alen == 0) {
        return false;
    }
    snprintf(addr, addrlen, "%.*s", (int)alen, spec);
    if (alen == 0) {
        snprintf(addr, addrlen, "127.0.0.1");
    }
    *port = (int)p;
    return true;
}

bool board_outside_check_control(const char *spec, char *err, int errlen) {
    char addr[OUTSIDE_ADDR_MAX];
    int port;
    if (!split_spec(spec, addr, sizeof(addr), &port)) {
        snprintf(err, (size_t)errlen, "--control wants ADDR:PORT or PORT (e.g. 127.0.0.1:0, 0 picks a free port), not '%s'",
            spec);
        return false;
    }
    return true;
}

static const char *control_spec; /* --control as given, for the announcement */

void board_outside_announce(void) {
    if (control_port() < 0) {
        return;
    }
    char addr[OUTSIDE_ADDR_MAX] = "127.0.0.1";
    int port;
    if (control_spec != NULL) {
        split_spec(control_spec, addr, sizeof(addr), &port);
    }
    char line[96];
    int n = snprintf(line, sizeof(line), "Control on %s:%d\r\n", addr, control_port());
    terminal_write(line, (size_t)n);
}

/* ---- the handover ---- */

static char *put_hex(char *p, const char *end, const char *s) {
    for (; *s != '\0' && p + 3 < end; s++) {
        p += snprintf(p, (size_t)(end - p), "%02x", (unsigned)(uint8_t)*s);
    }
    return p;
}

const char *board_outside_handover(void) {
    static char buf[4096];
    char *p = buf, *end = buf + sizeof(buf);
    uint64_t t;
    int tfd = trace_file_handover(&t);
    p += snprintf(p, (size_t)(end - p), "t%" PRIu64, t);
    if (tfd >= 0) {
        p += snprintf(p, (size_t)(end - p), ",T%d/", tfd);
        p = put_hex(p, end, trace_file_path());
    }
    int lfd;
    ctl_kept_client_t kept[CONTROL_MAX_CLIENTS];
    int n = control_handover(&lfd, kept, CONTROL_MAX_CLIENTS);
    if (lfd >= 0) {
        p += snprintf(p, (size_t)(end - p), ",L%d", lfd);
    }
    for (int i = 0; i < n && p < end; i++) {
        p += snprintf(p, (size_t)(end - p), ",C%d/%u/%" PRIx64, kept[i].fd, kept[i].subs, kept[i].pin_mask);
    }
    ctl_drive_t d[64];
    int nd = control_drives(d, 64);
    for (int i = 0; i < nd && p < end; i++) {
        if (d[i].volts) {
            p += snprintf(p, (size_t)(end - p), ",V%d/%u", d[i].pin, (unsigned)d[i].mv);
        } else {
            p += snprintf(p, (size_t)(end - p), ",D%d/%d", d[i].pin, d[i].level);
        }
    }
    for (int i = 0; i < parts_count() && p < end; i++) {
        if (parts_get(i)->kind == PART_BUTTON && parts_get(i)->pressed) {
            p += snprintf(p, (size_t)(end - p), ",B%d", i);
        }
    }
    return buf;
}

/* Takes the handover apart and applies it; false with a message for a malformed one. */
static bool take_handover(const board_outside_opts_t *o, const char *spec, char *err, size_t errlen) {
    char copy[4096];
    if (strlen(spec) >= sizeof(copy)) {
        snprintf(err, errlen, "--handover is too long");
        return false;
    }
    strcpy(copy, spec);
    uint64_t t = 0;
    int tfd = -1, lfd = -1;
    char path[OUTSIDE_PATH_MAX] = "";
    ctl_kept_client_t kept[CONTROL_MAX_CLIENTS];
    int nk = 0;
    ctl_drive_t drives[64];
    int nd = 0;
    int pressed[PARTS_MAX];
    int np = 0;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
        char tail;
        unsigned a = 0, b = 0;
        int fd = -1, pin = -1;
        uint64_t mask = 0;
        char hex[2 * OUTSIDE_PATH_MAX];
        bool ok = true;
        switch (tok[0]) {
            case 't': ok = sscanf(tok, "t%" SCNu64 "%c", &t, &tail) == 1; break;
            case 'L': ok = sscanf(tok, "L%d%c", &lfd, &tail) == 1; break;
            case 'C':
                ok = nk < CONTROL_MAX_CLIENTS && sscanf(tok, "C%d/%u/%" SCNx64 "%c", &fd, &a, &mask, &tail) == 3;
                if (ok) {
                    kept[nk++] = (ctl_kept_client_t){fd, a, mask};
                }
                break;
            case 'D':
            case 'V':
                ok = nd < 64 && sscanf(tok + 1, "%d/%u%c", &pin, &b, &tail) == 2;
                if (ok) {
                    drives[nd++] = (ctl_drive_t){pin, tok[0] == 'V', tok[0] == 'D' ? (int)b : 0, tok[0] == 'V' ? b : 0};
                }
                break;
            case 'T':
                ok = sscanf(tok, "T%d/%2047[0-9a-f]%c", &tfd, hex, &tail) == 2 && strlen(hex) % 2 == 0;
                for (size_t i = 0; ok && i < strlen(hex) / 2; i++) {
                    sscanf(hex + 2 * i, "%2x", &a);
                    path[i] = (char)a;
                    path[i + 1] = '\0';
                }
                break;
            case 'B':
                ok = np < PARTS_MAX && sscanf(tok, "B%d%c", &pin, &tail) == 1;
                if (ok) {
                    pressed[np++] = pin;
                }
                break;
            default: ok = false;
        }
        if (!ok) {
            snprintf(err, errlen, "--handover is internal; bad part '%.40s'", tok);
            return false;
        }
    }
    /* the drives first: the trace and the clients then see the board as the reset left it */
    for (int i = 0; i < nd; i++) {
        control_redrive(&drives[i]);
    }
    for (int i = 0; i < np; i++) {
        parts_button_press(pressed[i], true); /* the board file made the same parts again */
    }
    if (trace_file_resume(tfd, t, path, err, errlen) != 0) {
        return false;
    }
    if (lfd >= 0 && control_adopt(lfd) == 0) {
        for (int i = 0; i < nk; i++) {
            control_adopt_client(&kept[i]);
        }
    } else if (o->control != NULL) {
        char addr[OUTSIDE_ADDR_MAX];
        int port;
        split_spec(o->control, addr, sizeof(addr), &port);
        int e = control_start(addr, port);
        if (e != 0) {
            snprintf(err, errlen, "can't listen for control clients on %s:%d (%s)", addr, port, strerror(e));
            return false;
        }
    }
    return true;
}

int board_outside_start(const board_outside_opts_t *o) {
    control_spec = o->control;
    static bool console_sink; /* the REPL's output feeds the control clients' console events */
    if (!console_sink) {
        console_sink = replio_add_sink(control_console_output, NULL) > 0;
    }
    trace_init();
    pin_history_init();
    if (o->handover != NULL) {
        char msg[256];
        if (!take_handover(o, o->handover, msg, sizeof(msg))) {
            fprintf(stderr, "wipy: %s\n", msg);
            return 2;
        }
        return 0;
    }
    if (o->control != NULL) {
        char addr[OUTSIDE_ADDR_MAX];
        int port;
        split_spec(o->control, addr, sizeof(addr), &port); /* checked with the options */
        int err = control_start(addr, port);
        if (err != 0) {
            fprintf(stderr, "wipy: can't listen for control clients on %s:%d (%s); pick another with --control ADDR:PORT\n",
                addr, port, strerror(err));
            return 2;
        }
    }
    if (o->vcd != NULL) {
        char msg[256];
        if (trace_file_start(o->vcd, msg, sizeof(msg)) != 0) {
            fprintf(stderr, "wipy: --vcd: %s\n", msg);
            return 2;
        }
    }
    return 0;
}

void board_outside_stop(void) {
    char msg[256];
    if (trace_file_path() != NULL && !trace_file_stop(msg, sizeof(msg))) {
        fprintf(stderr, "wipy: %s\n", msg);
    }
    control_flush_all();
    control_stop();
}
