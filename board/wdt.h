/* board/wdt.h: the CC3200's watchdog (spec §5 WDT): once started it cannot be stopped; unless fed
 * within its timeout it asks for a WDT reset (board/power.h), which the firmware carries out.
 * Runs on a background timer of the board's clock (deterministic under the virtual clock).
 * Invariant: started, the expiry is always the last feed (or start) plus the timeout. */
#ifndef BOARD_WDT_H
#define BOARD_WDT_H

#include <stdbool.h>
#include <stdint.h>

#define WDT_MIN_MS 1000u

void wdt_start(uint32_t timeout_ms);
void wdt_feed(void);
bool wdt_running(void);
uint32_t wdt_timeout_ms(void);
void wdt_power_on(void); /* a hard reset or power-on: stopped */

#endif
