/* board/wdt.c: the watchdog of board/wdt.h over one background clock timer.
 * Invariant: the timer is armed iff the watchdog runs and has not yet expired. */
#include "board/wdt.h"

#include <stddef.h>

#include "board/clock.h"
#include "board/power.h"

static clock_timer_t wdt_timer;
static uint32_t wdt_ms;
static bool running;

static void wdt_expire(clock_timer_t *t, void *ctx) {
    (void)t;
    (void)ctx;
    power_request(POWER_REQ_WDT_RESET);
}

void wdt_power_on(void) {
    if (clock_timer_armed(&wdt_timer)) {
        clock_timer_cancel(&wdt_timer);
    }
    clock_timer_init(&wdt_timer, wdt_expire, NULL, true);
    running = false;
    wdt_ms = 0;
}

void wdt_start(uint32_t timeout_ms) {
    wdt_ms = timeout_ms;
    running = true;
    clock_timer_after(&wdt_timer, (uint64_t)timeout_ms * 1000000u);
}

void wdt_feed(void) {
    if (running) {
        clock_timer_after(&wdt_timer, (uint64_t)wdt_ms * 1000000u);
    }
}

bool wdt_running(void) { return running; }
uint32_t wdt_timeout_ms(void) { return wdt_ms; }
