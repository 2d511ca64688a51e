/* board/timer.h: the CC3200's four general-purpose timers (spec §5 Timer), each with channels A and
 * B (or A|B as one 32-bit channel): ONE_SHOT and PERIODIC channels end their period with a TIMEOUT
 * event that pends the channel's IRQ line; PWM channels drive their output pin (T0A GP24, T1A GP25,
 * T2B GP9, T3A GP10, T3B GP11) high and low on the board's clock, so traces show the waveform.
 * Invariant: a running channel has exactly one armed clock timer (its next event). */
#ifndef BOARD_TIMER_H
#define BOARD_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#define TIMER_COUNT 4
#define TIMER_CLOCK_HZ 80000000u
enum { TIMER_ONE_SHOT = 1, TIMER_PERIODIC = 2, TIMER_PWM = 4 };
enum { TIMER_A = 1, TIMER_B = 2 };
#define TIMER_EV_TIMEOUT 1
#define TIMER_EV_MATCH 2

/* ch: 0 (A, or A|B in 32-bit mode) or 1 (B). */
void timer_setup(int tim, int mode, int width);
void timer_stop(int tim); /* both channels; PWM pins released */
int timer_mode(int tim);
int timer_width(int tim);
/* Starts a channel with this period (timer clock ticks), duty in 1/100 % (PWM), polarity 1 positive. */
void timer_channel_start(int tim, int ch, uint64_t ticks, uint32_t duty, int polarity);
void timer_channel_stop(int tim, int ch);
bool timer_channel_running(int tim, int ch);
int timer_pwm_pin(int tim, int ch); /* the output pin or -1 */
unsigned timer_flags(int tim, int ch);
void timer_ack(int tim, int ch);
void timer_irq_set(int tim, int ch, unsigned trigger);
void timer_reset_all(void); /* every timer stopped (power-on, soft reset) */

#endif
