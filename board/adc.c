/* board/adc.c: the ADC of board/adc.h over the pins' voltages. The channel-to-pin map comes from
 * pins.csv's adc_channel column. Invariant: an enabled channel's pin is in analog mode. */
#include "board/adc.h"

#include "board/pin.h"

static bool enabled;
static bool channel_on[ADC_CHANNELS];

int adc_channel_pin(int channel) {
    for (int p = 0; p < PIN_COUNT && channel >= 0; p++) {
        if (pin_info[p].adc_channel == channel) {
            return p;
        }
    }
    return -1;
}

int adc_pin_channel(int pin) { return pin >= 0 && pin < PIN_COUNT ? pin_info[pin].adc_channel : -1; }

void adc_enable(bool on) { enabled = on; }
bool adc_enabled(void) { return enabled; }

void adc_channel_enable(int channel, bool on) {
    int p = adc_channel_pin(channel);
    if (p < 0) {
        return;
    }
    channel_on[channel] = on;
    pin_set_analog(p, on);
}

bool adc_channel_enabled(int channel) { return channel >= 0 && channel < ADC_CHANNELS && channel_on[channel]; }

uint16_t adc_read(int channel) {
    int p = adc_channel_pin(channel);
    if (p < 0) {
        return 0;
    }
    uint32_t mv = pin_voltage_mv(p);
    uint32_t v = (uint32_t)(((uint64_t)mv * 4095u + ADC_FULL_SCALE_MV / 2) / ADC_FULL_SCALE_MV);
    return (uint16_t)(v > 4095u ? 4095u : v);
}
