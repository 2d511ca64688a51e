/* host/clock.c: the time services of the port: the host's monotonic clock, the RTC (host wall
 * clock moved to the 2000-01-01 epoch, or board mode's base, plus an offset set by
 * port_rtc_set_seconds) and script mode's delays, which sleep in short slices so Ctrl-C and the
 * poll hook keep working. */
#include <time.h>

#include "core/port.h"
#include "core/runtime.h"
#include "host/port_unix.h"

#define EPOCH_2000 946684800LL /* seconds from 1970-01-01 to 2000-01-01 */

static int64_t rtc_offset;

uint64_t host_monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The RTC before the offset: the host's wall clock, or what board mode says (its own clock) */
static int64_t rtc_base(void) {
    const port_hooks_t *hooks = port_get_hooks();
    if (hooks != NULL && hooks->rtc_base != NULL) {
        return hooks->rtc_base();
    }
    return (int64_t)time(NULL) - EPOCH_2000;
}

int64_t port_rtc_seconds(void) { return rtc_base() + rtc_offset; }

void port_rtc_set_seconds(int64_t secs) { rtc_offset = secs - rtc_base(); }

void port_delay_us(uint64_t us) {
    const port_hooks_t *hooks = port_get_hooks();
    if (hooks != NULL) {
        hooks->delay_us(us); /* board mode: the event loop runs while waiting */
        return;
    }
    uint64_t end = port_ticks_us() + us;
    for (;;) {
        port_poll();
        rt_check_pending();
        uint64_t now = port_ticks_us();
        if (now >= end) {
            return;
        }
        uint64_t slice = end - now;
        if (slice > 10000) {
            slice = 10000; /* wake every 10 ms to poll */
        }
        struct timespec ts = {(time_t)(slice / 1000000), (long)(slice % 1000000) * 1000};
        nanosleep(&ts, NULL);
    }
}
