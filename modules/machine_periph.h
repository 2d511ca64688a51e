/* modules/machine_periph.h: the peripheral classes of `machine` (issue 10: machine_i2c.c,
 * machine_rtc.c, machine_wdt.c, ...) for the module's table, and their part of the boot flow.
 * Invariant: after machine_periph_boot the buses are off, as after a reset (the RTC and a running
 * watchdog outlive soft resets, as on the board). */
#ifndef MODULES_MACHINE_PERIPH_H
#define MODULES_MACHINE_PERIPH_H

#include "core/obj.h"

extern const type_t machine_i2c_type, machine_rtc_type, machine_wdt_type, machine_uart_type, machine_adc_type,
    machine_spi_type, machine_timer_type;
void machine_periph_boot(void); /* every (soft) reset */
void machine_uart_boot(void);   /* part of it: the UARTs' wires */

#endif
