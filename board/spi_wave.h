/* board/spi_wave.h: the SPI bus's bit level (issue 10): a transfer's time at the baud rate, spent
 * on the board's clock, and CLK, MOSI and MISO drawn in the trace while a dump runs, with the
 * configured polarity, phase, bit order and word size. A word is `bits` bits taken from
 * consecutive bytes, little-endian (as the CC3200 reads 16/32-bit words from memory).
 * Invariant: n bytes take n * 8 bit periods; after a transfer the lines are at their own levels. */
#ifndef BOARD_SPI_WAVE_H
#define BOARD_SPI_WAVE_H

#include <stdint.h>

#include "board/spi.h"

uint64_t spi_bit_ns(uint32_t baudrate); /* one clock period, rounded */
/* A transfer with these settings on these pins (-1: none) begins; its bytes follow in order, each
 * with what came back on MISO; spi_wave_end after the last. */
void spi_wave_begin(const spi_config_t *c, const int pins[SPI_PINS]);
void spi_wave_byte(uint8_t out, uint8_t in);
void spi_wave_end(void);

#endif
