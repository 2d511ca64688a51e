/* modules/machine_periph.c: the peripherals' part of every boot (machine_periph.h): buses off,
 * UART wires idle, the ADC off. The RTC and a running watchdog are left alone (they outlive soft
 * resets). Invariant: after it, no peripheral drives a pin. */
#include "modules/machine_periph.h"

#include "board/adc.h"
#include "board/i2c.h"
#include "board/sd_card.h"
#include "board/spi.h"
#include "board/timer.h"

void machine_periph_boot(void) {
    i2c_ctrl_deinit();
    spi_deinit();
    sd_host_deinit();
    timer_reset_all();
    machine_uart_boot();
    adc_enable(false);
    for (int ch = 0; ch < ADC_CHANNELS; ch++) {
        adc_channel_enable(ch, false);
    }
}
