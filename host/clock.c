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

static uint64_t sys_monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

#if defined(__x86_64__)
#include <cpuid.h>
#include <x86intrin.h>

/* The board stamps every pin edge with this clock, millions a second, and clock_gettime costs
 * ~60 ns on a VM whose clock source is kvm-clock (a third of a pin write). With an invariant TSC
 * (cpuid 0x80000007 EDX bit 8) the time is interpolated from the TSC between calls of the system
 * clock at least every TSC_RESYNC_NS, at the rate measured since the first call; results never go
 * backwards. */
#define TSC_RESYNC_NS 1000000u

static struct {
    int usable; /* 0 unknown, 1 yes, -1 no */
    uint64_t first_ns, first_tsc; /* the rate's baseline */
    uint64_t base_ns, base_tsc;   /* the last sync */
    double ns_per_tick;           /* 0 until a rate was measured */
    uint64_t resync_ticks, last;
} tsc;

static void tsc_sync(uint64_t now_tsc) {
    uint64_t ns = sys_monotonic_ns();
    if (now_tsc > tsc.first_tsc && ns > tsc.first_ns) {
        tsc.ns_per_tick = (double)(ns - tsc.first_ns) / (double)(now_tsc - tsc.first_tsc);
        tsc.resync_ticks = (uint64_t)(TSC_RESYNC_NS / tsc.ns_per_tick);
    }
    tsc.base_ns = ns;
    tsc.base_tsc = now_tsc;
}

uint64_t host_monotonic_ns(void) {
    if (tsc.usable == 0) {
        unsigned a, b, c, d;
        tsc.usable = __get_cpuid(0x80000007, &a, &b, &c, &d) && (d & (1u << 8)) ? 1 : -1;
        tsc.first_tsc = __rdtsc();
        tsc.first_ns = sys_monotonic_ns();
        tsc.base_ns = tsc.first_ns;
        tsc.base_tsc = tsc.first_tsc;
    }
    if (tsc.usable < 0) {
        return sys_monotonic_ns();
    }
    uint64_t t = __rdtsc();
    if (tsc.ns_per_tick == 0.0 || t < tsc.base_tsc || t - tsc.base_tsc >= tsc.resync_ticks) {
        tsc_sync(t); /* also until the first millisecond gives a rate: the system clock itself */
        if (tsc.ns_per_tick == 0.0 || tsc.base_ns - tsc.first_ns < TSC_RESYNC_NS) {
            tsc.ns_per_tick = 0.0;
            return tsc.last = tsc.base_ns > tsc.last ? tsc.base_ns : tsc.last;
        }
    }
    uint64_t ns = tsc.base_ns + (uint64_t)((double)(t - tsc.base_tsc) * tsc.ns_per_tick);
    return tsc.last = ns > tsc.last ? ns : tsc.last;
}
#else
uint64_t host_monotonic_ns(void) { return sys_monotonic_ns(); }
#endif

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
    if (us >= 1000) {
        port_flush(); /* what the program printed is out before it sleeps */
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
