/* host/event_loop.h: the one event loop of the board (DESIGN.md, "Concurrency and time"): file
 * descriptors and timers with callbacks, run from the single thread whenever Python waits or the
 * VM's poll hook fires. No locks: callbacks never run inside other callbacks. */
#ifndef HOST_EVENT_LOOP_H
#define HOST_EVENT_LOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EL_READ 1
#define EL_WRITE 4

typedef void (*el_fd_cb_t)(int fd, int events, void *arg);
typedef void (*el_timer_cb_t)(void *arg);

void el_init(void);
/* Watches fd for events (EL_READ | EL_WRITE); replaces an existing watch of the same fd. False
 * when every slot is taken: the caller must handle it (the compiler checks). */
__attribute__((warn_unused_result)) bool el_watch(int fd, int events, el_fd_cb_t cb, void *arg);
void el_unwatch(int fd);
/* One-shot timer at an absolute monotonic time (µs); returns an id (> 0), 0 if the table is full. */
int el_timer_at(uint64_t when_us, el_timer_cb_t cb, void *arg);
void el_timer_cancel(int id);
/* How long el_run_once(timeout_ms) will wait at most: timeout_ms (-1: no limit) cut to the
 * nearest timer, and never more than an hour when a timer is set however far it is. */
int el_wait_ms(int timeout_ms);
/* Waits for and dispatches events for at most timeout_ms (-1: until something happens, 0: poll).
 * Returns the number of callbacks run. */
int el_run_once(int timeout_ms);
/* el_run_once that also waits on the caller's descriptors (poll(2) event bits), in the same poll:
 * the watched descriptors' callbacks and due timers run as usual; revents[i] gets fds[i]'s events.
 * Returns how many of the caller's descriptors have events (-1 with errno on a poll error such as
 * EINVAL for too many descriptors; EINTR counts as none). */
int el_run_with(const int *fds, const uint16_t *events, uint16_t *revents, size_t n, int timeout_ms);
uint64_t el_now_us(void);
/* True while a callback of the loop runs: the loop must not be run again from there. */
bool el_in_callback(void);

#endif
