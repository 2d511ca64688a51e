/* host/fdpoll.c: waiting for host file descriptors (select.poll, sockets). The wait is one poll(2)
 * with the event loop's own descriptors (el_run_with), so in board mode the servers, timers and
 * the terminal keep running; it is sliced into 10 ms steps between which the VM's poll hook runs
 * and Ctrl-C (a pending exception) ends the wait. Buffered stdout is written out before a wait.
 * On the board the wait is the board's (port hook wait_fds: its clock, irqs and power requests). */
#include <errno.h>

#include "core/port.h"
#include "core/runtime.h"
#include "host/event_loop.h"
#include "host/port_unix.h"

int port_poll_fds(const int *fds, const uint16_t *events, uint16_t *revents, size_t n, int timeout_ms) {
    uint64_t start = el_now_us();
    if (timeout_ms != 0) {
        port_flush(); /* what the program printed is out before it waits for the world */
    }
    const port_hooks_t *hooks = port_get_hooks();
    if (hooks != NULL && hooks->wait_fds != NULL) {
        return hooks->wait_fds(fds, events, revents, n, timeout_ms); /* the board's own wait */
    }
    for (;;) {
        int slice = 10;
        if (timeout_ms >= 0) {
            int64_t left = (int64_t)timeout_ms - (int64_t)((el_now_us() - start) / 1000);
            slice = left < 0 ? 0 : left < slice ? (int)left : slice;
        }
        int ready = el_run_with(fds, events, revents, n, slice);
        if (ready < 0) {
            return -errno;
        }
        if (ready > 0 || (timeout_ms >= 0 && (int64_t)((el_now_us() - start) / 1000) >= timeout_ms)) {
            return ready;
        }
        port_poll();
        rt_check_pending();
    }
}
