/* firmware/board_outside.c: starts and stops the control server and the trace file for board mode
 * (board_outside.h). The board model's trace and pin history begin at power-on, so a dump or a
 * history request sees everything from the first boot on. */
#include "firmware/board_outside.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/pin_history.h"
#include "board/trace.h"
#include "host/port_unix.h"
#include "services/control.h"
#include "services/trace_file.h"

#define OUTSIDE_ADDR_MAX 64

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

int board_outside_start(const board_outside_opts_t *o) {
    trace_init();
    pin_history_init();
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
        char line[96];
        int n = snprintf(line, sizeof(line), "Control on %s:%d\r\n", addr, control_port());
        terminal_write(line, (size_t)n);
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
