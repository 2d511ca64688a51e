/* board/spi_boardfile.h: the board file's "spi" section into devices on the SPI bus
 * (board/spi_boardfile.c). Invariant: all of the section or nothing is attached. */
#ifndef BOARD_SPI_BOARDFILE_H
#define BOARD_SPI_BOARDFILE_H

#include <stddef.h>

/* json: the section's compact JSON (boardfile_section("spi")), or NULL for none. 0, or -1 with a
 * one-line message (no newline) in err. Replaces whatever was on the bus. */
int spi_boardfile_apply(const char *json, char *err, size_t err_len);

#endif
