/* host/fdpoll.c: waiting for host file descriptors (select.poll in script mode). The wait is
 * sliced into 10 ms poll(2) calls so Ctrl-C and the VM's poll hook keep running during it. */
#include <poll.h>
#include <stdlib.h>

#include "core/port.h"
#include "core/runtime.h"

int port_poll_fds(const int *fds, const uint16_t *events, uint16_t *revents, size_t n, int timeout_ms) {
    struct pollfd small[8];
    struct pollfd *pfd = n <= 8 ? small : malloc(n * sizeof(struct pollfd));
    if (pfd == NULL) {
        raise_memory_error();
    }
    for (size_t i = 0; i < n; i++) {
        pfd[i].fd = fds[i];
        pfd[i].events = (short)events[i];
        pfd[i].revents = 0;
    }
    uint64_t start = port_ticks_us();
    int ready;
    for (;;) {
        int slice = 10;
        if (timeout_ms >= 0) {
            int64_t left = (int64_t)timeout_ms - (int64_t)((port_ticks_us() - start) / 1000);
            slice = left < 0 ? 0 : left < slice ? (int)left : slice;
        }
        ready = poll(pfd, (nfds_t)n, slice);
        if (ready != 0 || (timeout_ms >= 0 && (int64_t)((port_ticks_us() - start) / 1000) >= timeout_ms)) {
            break;
        }
        port_poll();
        if (rt_state.pending_exception != OBJ_NULL) {
            if (pfd != small) {
                free(pfd);
            }
            rt_check_pending();
        }
    }
    for (size_t i = 0; i < n; i++) {
        revents[i] = (uint16_t)(ready > 0 ? pfd[i].revents : 0);
    }
    if (pfd != small) {
        free(pfd);
    }
    return ready < 0 ? 0 : ready;
}
