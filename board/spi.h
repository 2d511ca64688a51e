/* board/spi.h: the CC3200's SPI controller (spec §5 SPI) as plain C: its settings, its pins (CLK,
 * MOSI, MISO in their SPI alt function) and full-duplex transfers: what comes back on MISO is the
 * MISO net's: MOSI itself when a wire joins them (loopback), else the idle level of the net.
 * Invariant: a transfer moves whole words of `bits`; nothing moves while it is disabled. */
#ifndef BOARD_SPI_H
#define BOARD_SPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { SPI_PIN_CLK, SPI_PIN_MOSI, SPI_PIN_MISO, SPI_PINS };

typedef struct {
    uint32_t baudrate;
    uint8_t bits;     /* 8, 16, 32 */
    uint8_t polarity; /* 0, 1 */
    uint8_t phase;    /* 0, 1 */
    uint8_t firstbit; /* 0 MSB, 1 LSB */
} spi_config_t;

int spi_pin_alt(int pin, int which); /* the pin's SPI0_CLK/MOSI/MISO alt index, or -1 */
void spi_init(const spi_config_t *cfg, const int pins[SPI_PINS]); /* pins NULL: keep them */
void spi_deinit(void);
bool spi_enabled(void);
void spi_config(spi_config_t *cfg);
/* Sends w (or `fill` bytes when w is NULL) and receives into r (may be NULL); n bytes. They take
 * 8 clock periods each on the board's clock and are drawn in a running trace (board/spi_wave.h). */
void spi_transfer(const uint8_t *w, uint8_t fill, uint8_t *r, size_t n);

#endif
