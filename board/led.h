/* board/led.h: the heartbeat LED on GP25 (spec §12 LED): the heartbeat (80 ms on, 3920 ms off),
 * the script-error signal (toggles every 50 ms for 1.2 s, then the heartbeat resumes) and the
 * fatal signal (solid on, for good). The LED is GP25's level: while the heartbeat or a signal
 * runs it drives GP25 as an output; with the heartbeat off GP25 is an ordinary pin.
 * Invariant: the LED's timers are background timers (they never make virtual time race). */
#ifndef BOARD_LED_H
#define BOARD_LED_H

#include <stdbool.h>

#define LED_ON_MS 80u
#define LED_PERIOD_MS 4000u
#define LED_ERROR_TOGGLE_MS 50u
#define LED_ERROR_MS 1200u

void led_init(void);                 /* power-on and every soft reset: heartbeat on, off phase first */
void led_heartbeat(bool enable);     /* wipy.heartbeat(x) */
bool led_heartbeat_enabled(void);
void led_error_flash(void);          /* a script or an irq handler raised */
void led_fatal(void);                /* solid on; heartbeat and flashes stop */
bool led_is_fatal(void);
bool led_on(void);                   /* GP25's level */
/* The bootloader's signals (board/safe_boot.c), before the heartbeat starts: the LED set on or off
 * by hand, no timer running (led_init later starts the heartbeat). */
void led_set(bool on);

#endif
