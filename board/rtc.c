/* board/rtc.c: the RTC of board/rtc.h: a set point (RTC time, board time) and a foreground clock
 * timer for the alarm (so a board waiting for the alarm under the virtual clock jumps to it).
 * Invariant: while armed, the alarm's timer deadline is the alarm's expiry. */
#include "board/rtc.h"

#include <stddef.h>

#include "board/clock.h"
#include "board/irq.h"
#include "board/power.h"

static int64_t set_rtc_us;
static uint64_t set_clock_ns;
static clock_timer_t alarm_timer;
static bool alarm_repeat;
static uint64_t alarm_period_ns;
static unsigned flags;

static void alarm_fire(clock_timer_t *t, void *ctx) {
    (void)ctx;
    flags |= RTC_ALARM0;
    if (alarm_repeat) {
        clock_timer_at(t, t->when_ns + alarm_period_ns);
    }
    irq_pend(IRQ_LINE_RTC);
    power_wake_fire(POWER_REASON_RTC);
}

void rtc_power_on(void) {
    if (clock_timer_armed(&alarm_timer)) {
        clock_timer_cancel(&alarm_timer);
    }
    clock_timer_init(&alarm_timer, alarm_fire, NULL, false);
    set_rtc_us = RTC_POWER_ON_US;
    set_clock_ns = clock_now_ns();
    alarm_repeat = false;
    alarm_period_ns = 0;
    flags = 0;
    power_wake_levels(POWER_REASON_RTC, 0);
}

int64_t rtc_now_us(void) { return set_rtc_us + (int64_t)((clock_now_ns() - set_clock_ns) / 1000u); }

void rtc_set_us(int64_t us) {
    set_rtc_us = us;
    set_clock_ns = clock_now_ns();
}

void rtc_alarm_set(uint64_t ms, bool repeat) {
    alarm_repeat = repeat;
    alarm_period_ns = ms * 1000000u;
    flags &= ~(unsigned)RTC_ALARM0;
    clock_timer_after(&alarm_timer, alarm_period_ns);
}

void rtc_alarm_restore(uint64_t left_ms, uint64_t period_ms, bool repeat) {
    alarm_repeat = repeat;
    alarm_period_ns = period_ms * 1000000u;
    clock_timer_after(&alarm_timer, left_ms * 1000000u);
}

void rtc_alarm_cancel(void) {
    clock_timer_cancel(&alarm_timer);
    alarm_repeat = false;
}

bool rtc_alarm_armed(void) { return clock_timer_armed(&alarm_timer); }

uint64_t rtc_alarm_left_ms(void) {
    if (!clock_timer_armed(&alarm_timer)) {
        return 0;
    }
    uint64_t now = clock_now_ns();
    return alarm_timer.when_ns > now ? (alarm_timer.when_ns - now + 999999u) / 1000000u : 0;
}

bool rtc_alarm_repeat(void) { return alarm_repeat; }
uint64_t rtc_alarm_period_ms(void) { return alarm_period_ns / 1000000u; }
unsigned rtc_flags(void) { return flags; }
void rtc_ack(void) { flags = 0; }
void rtc_wake(unsigned levels) { power_wake_levels(POWER_REASON_RTC, levels); }
