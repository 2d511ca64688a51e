/* board/spi.c: the SPI controller of board/spi.h. Pins are claimed in their alt function while
 * enabled and released (inputs) at deinit or when replaced.
 * Invariant: `pins` are -1 or pins whose SPI alt function matches their role. */
#include "board/spi.h"

#include <string.h>

#include "board/pin.h"
#include "board/spi_dev.h"
#include "board/spi_wave.h"

static bool enabled;
static spi_config_t cfg = {1000000, 8, 0, 0, 0};
static int pins[SPI_PINS] = {-1, -1, -1};
static const char *const fn_names[SPI_PINS] = {"SPI0_CLK", "SPI0_MOSI", "SPI0_MISO"};

int spi_pin_alt(int pin, int which) {
    if (pin < 0 || pin >= PIN_COUNT || which < 0 || which >= SPI_PINS) {
        return -1;
    }
    const pin_info_t *pi = &pin_info[pin];
    for (int i = 0; i < pi->n_alt; i++) {
        if (strcmp(pi->alt[i].fn, fn_names[which]) == 0) {
            return pi->alt[i].index;
        }
    }
    return -1;
}

static void release(void) {
    for (int w = 0; w < SPI_PINS; w++) {
        if (pins[w] >= 0) {
            pin_config_t c = {PIN_MODE_IN, PIN_PULL_NONE, PIN_DRIVE_MED, -1};
            pin_configure(pins[w], &c);
            pins[w] = -1;
        }
    }
}

void spi_init(const spi_config_t *c, const int new_pins[SPI_PINS]) {
    cfg = *c;
    if (new_pins != NULL) {
        release();
        for (int w = 0; w < SPI_PINS; w++) {
            pins[w] = new_pins[w];
            pin_config_t pc = {PIN_MODE_ALT, PIN_PULL_NONE, PIN_DRIVE_MED, (int8_t)spi_pin_alt(pins[w], w)};
            pin_configure(pins[w], &pc);
        }
    }
    if (pins[SPI_PIN_CLK] >= 0) {
        pin_alt_drive(pins[SPI_PIN_CLK], cfg.polarity); /* the clock idles at its polarity */
    }
    if (pins[SPI_PIN_MOSI] >= 0) {
        pin_alt_drive(pins[SPI_PIN_MOSI], 1);
    }
    enabled = true;
}

void spi_deinit(void) {
    release();
    enabled = false;
}

bool spi_enabled(void) { return enabled; }
void spi_config(spi_config_t *c) { *c = cfg; }

void spi_transfer(const uint8_t *w, uint8_t fill, uint8_t *r, size_t n) {
    if (!enabled) {
        return;
    }
    spi_wave_begin(&cfg, pins); /* the bus's time and its trace */
    bool loop = pins[SPI_PIN_MOSI] >= 0 && pins[SPI_PIN_MISO] >= 0 && pin_same_net(pins[SPI_PIN_MOSI], pins[SPI_PIN_MISO]);
    for (size_t i = 0; i < n; i++) {
        uint8_t out = w != NULL ? w[i] : fill;
        uint8_t in;
        if (loop) {
            in = out; /* MOSI wired to MISO: every bit comes back as it left */
        } else if (pins[SPI_PIN_MISO] >= 0) {
            in = pin_level(pins[SPI_PIN_MISO]) ? 0xff : 0x00; /* nothing drives it: its idle level */
        } else {
            in = 0xff;
        }
        spi_devices_exchange(out, cfg.firstbit != 0, &in); /* a selected device drives MISO */
        if (r != NULL) {
            r[i] = in;
        }
        spi_wave_byte(out, in);
    }
    spi_wave_end();
    if (pins[SPI_PIN_MOSI] >= 0) {
        pin_alt_drive(pins[SPI_PIN_MOSI], 1);
    }
}
