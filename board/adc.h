/* board/adc.h: the CC3200's ADC (spec §5 ADC): four channels on GP2..GP5 (pins.csv), 12 bits,
 * 1.4 V full scale, reading the voltage on the channel's net (board/pin.h). A channel in use puts
 * its pin in analog mode, where an outside voltage above 1.8 V is refused and counted as damage.
 * Invariant: a reading is 0..4095, proportional to the net's millivolts and clipped at full scale. */
#ifndef BOARD_ADC_H
#define BOARD_ADC_H

#include <stdbool.h>
#include <stdint.h>

#define ADC_CHANNELS 4
#define ADC_BITS 12
#define ADC_FULL_SCALE_MV 1400u

int adc_channel_pin(int channel); /* the pin of a channel 0..3, or -1 */
int adc_pin_channel(int pin);     /* the channel of a pin, or -1 */
void adc_enable(bool on);
bool adc_enabled(void);
void adc_channel_enable(int channel, bool on); /* the pin to/from analog mode */
bool adc_channel_enabled(int channel);
uint16_t adc_read(int channel); /* 0..4095 */

#endif
