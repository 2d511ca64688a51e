/* board/irq.h: the board's interrupt controller: numbered lines (one per pin, the UARTs, the timer
 * channels, the RTC, WLAN), each with a priority 1..7 (7 the most urgent), an enable bit and a
 * pending bit. The firmware takes the most urgent pending line above the priority it is serving;
 * a global mask (machine.disable_irq) holds every line back without losing it.
 * Invariant: irq_take returns each pend at most once; ties go to the lowest line number. */
#ifndef BOARD_IRQ_H
#define BOARD_IRQ_H

#include <stdbool.h>
#include <stdint.h>

#define IRQ_LINE_PIN(n) (n) /* 0..24: the pins of board/pin.h */
#define IRQ_LINE_UART(n) (25 + (n))
#define IRQ_LINE_TIMER(n) (27 + (n)) /* 8 timer channels: 27..34 */
#define IRQ_LINE_RTC 35
#define IRQ_LINE_WLAN 36
#define IRQ_LINES 37
#define IRQ_PRIORITY_MIN 1
#define IRQ_PRIORITY_MAX 7

void irq_reset_all(void); /* every line disabled, not pending, priority 1; mask off */
void irq_configure(int line, int priority, bool enabled);
void irq_enable(int line, bool enabled);
bool irq_enabled(int line);
int irq_priority(int line);
void irq_pend(int line);  /* ignored while the line is disabled */
void irq_unpend(int line);
bool irq_pending(int line);
/* Cheap test for the VM's poll hook: any enabled line pending and not masked. */
bool irq_any(void);
/* The most urgent pending enabled line whose priority is above `above` (0: any), with its pending
 * bit cleared; -1 if none or masked. */
int irq_take(int above);
/* machine.disable_irq()/enable_irq(state) */
uint32_t irq_mask(void);
void irq_unmask(uint32_t state);
/* Counter bumped on every pend (a waiting loop can tell that something happened). */
uint32_t irq_pend_count(void);

#endif
