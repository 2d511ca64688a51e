/* host/event_loop.c: poll(2)-based event loop with a small fixed table of watched descriptors
 * and one-shot timers. Dispatch works on a snapshot of the ready set, so a callback may watch or
 * unwatch descriptors (even its own) safely; a descriptor unwatched during dispatch is skipped. */
#include "host/event_loop.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EL_MAX_FDS 32
#define EL_MAX_TIMERS 32
#define EL_MAX_WAIT_MS 3600000u /* one hour: well inside poll()'s int milliseconds */

typedef struct {
    int fd; /* -1: free */
    int events;
    el_fd_cb_t cb;
    void *arg;
    unsigned gen; /* bumped on every (re)watch, to detect changes during dispatch */
} el_watch_t;

typedef struct {
    int id; /* 0: free */
    uint64_t when;
    el_timer_cb_t cb;
    void *arg;
} el_timer_t;

static el_watch_t watches[EL_MAX_FDS];
static el_timer_t timers[EL_MAX_TIMERS];
static int next_timer_id = 1;
static bool inited;
static int last_ran; /* callbacks run by the last el_run_with */
static int cb_depth;  /* callbacks under way (el_in_callback) */

bool el_in_callback(void) { return cb_depth > 0; }

uint64_t el_now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

void el_init(void) {
    for (int i = 0; i < EL_MAX_FDS; i++) {
        watches[i].fd = -1;
    }
    memset(timers, 0, sizeof(timers));
    inited = true;
}

static el_watch_t *find_watch(int fd) {
    for (int i = 0; i < EL_MAX_FDS; i++) {
        if (watches[i].fd == fd) {
            return &watches[i];
        }
    }
    return NULL;
}

bool el_watch(int fd, int events, el_fd_cb_t cb, void *arg) {
    if (!inited) {
        el_init();
    }
    el_watch_t *w = find_watch(fd);
    if (w == NULL) {
        w = find_watch(-1);
    }
    if (w == NULL) {
        return false;
    }
    w->fd = fd;
    w->events = events;
    w->cb = cb;
    w->arg = arg;
    w->gen++;
    return true;
}

void el_unwatch(int fd) {
    el_watch_t *w = find_watch(fd);
    if (w != NULL) {
        w->fd = -1;
        w->gen++;
    }
}

int el_timer_at(uint64_t when_us, el_timer_cb_t cb, void *arg) {
    if (!inited) {
        el_init();
    }
    for (int i = 0; i < EL_MAX_TIMERS; i++) {
        if (timers[i].id == 0) {
            timers[i].id = next_timer_id++;
            if (next_timer_id <= 0) {
                next_timer_id = 1;
            }
            timers[i].when = when_us;
            timers[i].cb = cb;
            timers[i].arg = arg;
            return timers[i].id;
        }
    }
    return 0;
}

void el_timer_cancel(int id) {
    for (int i = 0; i < EL_MAX_TIMERS; i++) {
        if (timers[i].id == id && id != 0) {
            timers[i].id = 0;
        }
    }
}

static int run_due_timers(void) {
    int ran = 0;
    uint64_t now = el_now_us();
    for (int i = 0; i < EL_MAX_TIMERS; i++) {
        if (timers[i].id != 0 && timers[i].when <= now) {
            el_timer_t t = timers[i];
            timers[i].id = 0;
            cb_depth++;
            t.cb(t.arg);
            cb_depth--;
            ran++;
        }
    }
    return ran;
}

int el_wait_ms(int timeout_ms) {
    /* the nearest timer bounds the wait */
    uint64_t now = el_now_us();
    for (int i = 0; i < EL_MAX_TIMERS; i++) {
        if (timers[i].id != 0) {
            uint64_t left = timers[i].when > now ? (timers[i].when - now + 999) / 1000 : 0;
            if (left > EL_MAX_WAIT_MS) {
                left = EL_MAX_WAIT_MS; /* a far timer (beyond poll's int) wakes the loop early, not never */
            }
            if (timeout_ms < 0 || left < (uint64_t)timeout_ms) {
                timeout_ms = (int)left;
            }
        }
    }
    return timeout_ms;
}

int el_run_with(const int *fds, const uint16_t *events, uint16_t *revents, size_t n_extra, int timeout_ms) {
    if (!inited) {
        el_init();
    }
    timeout_ms = el_wait_ms(timeout_ms);
    struct pollfd small[EL_MAX_FDS + 8];
    size_t total = EL_MAX_FDS + n_extra;
    struct pollfd *pfd = total <= EL_MAX_FDS + 8 ? small : malloc(total * sizeof(struct pollfd));
    if (pfd == NULL) {
        errno = ENOMEM;
        return -1;
    }
    int slot[EL_MAX_FDS];
    unsigned gen[EL_MAX_FDS];
    int n = 0;
    for (int i = 0; i < EL_MAX_FDS; i++) {
        if (watches[i].fd >= 0) {
            pfd[n].fd = watches[i].fd;
            pfd[n].events = (short)((watches[i].events & EL_READ ? POLLIN : 0) | (watches[i].events & EL_WRITE ? POLLOUT : 0));
            pfd[n].revents = 0;
            slot[n] = i;
            gen[n] = watches[i].gen;
            n++;
        }
    }
    for (size_t i = 0; i < n_extra; i++) {
        pfd[n + (int)i].fd = fds[i];
        pfd[n + (int)i].events = (short)events[i];
        pfd[n + (int)i].revents = 0;
    }
    int ready = poll(pfd, (nfds_t)n + n_extra, timeout_ms);
    int poll_errno = errno;
    int extra_ready = 0, ran = 0;
    for (size_t i = 0; i < n_extra; i++) {
        revents[i] = (uint16_t)(ready > 0 ? pfd[n + (int)i].revents : 0);
        extra_ready += revents[i] != 0;
    }
    for (int k = 0; ready > 0 && k < n; k++) {
        if (pfd[k].revents == 0) {
            continue;
        }
        el_watch_t *w = &watches[slot[k]];
        if (w->fd != pfd[k].fd || w->gen != gen[k]) {
            continue; /* changed by an earlier callback */
        }
        int ev = 0;
        if (pfd[k].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) {
            ev |= EL_READ;
        }
        if (pfd[k].revents & (POLLOUT | POLLERR | POLLHUP)) {
            ev |= EL_WRITE;
        }
        ev &= w->events | EL_READ;
        if (ev) {
            cb_depth++;
            w->cb(w->fd, ev, w->arg);
            cb_depth--;
            ran++;
        }
    }
    if (pfd != small) {
        free(pfd);
    }
    last_ran = ran + run_due_timers();
    if (ready < 0 && poll_errno != EINTR) {
        errno = poll_errno;
        return -1;
    }
    return extra_ready;
}

int el_run_once(int timeout_ms) {
    el_run_with(NULL, NULL, NULL, 0, timeout_ms);
    return last_ran;
}
