/* board/rtc.h: the CC3200's real-time clock (spec §5 RTC): the date and time in microseconds since
 * 2000-01-01, running on the board's clock, and its one alarm (ALARM0: once or repeating) that
 * pends the RTC's IRQ line and wakes the board from sleep/deepsleep at the levels given.
 * Invariant: rtc_now_us() moves exactly as the board's clock does, from the last set point. */
#ifndef BOARD_RTC_H
#define BOARD_RTC_H

#include <stdbool.h>
#include <stdint.h>

#define RTC_POWER_ON_US 473385600000000LL /* 2015-01-01 00:00:00 (spec §5 RTC) */
#define RTC_ALARM0 1                      /* the trigger / flag bit */

void rtc_power_on(void); /* 2015-01-01, no alarm, no flags, no wake */
int64_t rtc_now_us(void);
void rtc_set_us(int64_t us);

/* The alarm, ms from now (> 0). A repeating one re-arms itself with the same period. */
void rtc_alarm_set(uint64_t ms, bool repeat);
/* After a reset: `left_ms` to the next expiry, then every `period_ms` if it repeats. */
void rtc_alarm_restore(uint64_t left_ms, uint64_t period_ms, bool repeat);
void rtc_alarm_cancel(void);
bool rtc_alarm_armed(void);
uint64_t rtc_alarm_left_ms(void); /* 0 when none is armed or it has fired */
bool rtc_alarm_repeat(void);
uint64_t rtc_alarm_period_ms(void);
unsigned rtc_flags(void); /* RTC_ALARM0 once the alarm has fired, until rtc_ack */
void rtc_ack(void);
void rtc_wake(unsigned levels); /* power.h wake levels the alarm wakes from */

#endif
