/* board/bus_boardfile.h: a board file's device section ("i2c", "spi") into devices on that bus
 * (board/bus_boardfile.c). Invariant: all of the section or nothing is attached. */
#ifndef BOARD_BUS_BOARDFILE_H
#define BOARD_BUS_BOARDFILE_H

#include <stddef.h>

#include "board/bus_dev.h"

/* json: the section's compact JSON (boardfile_section(bus->name)), or NULL for none. 0, or -1 with
 * a one-line message (no newline) in err. Replaces whatever was on the bus. */
int bus_boardfile_apply(const bus_desc_t *bus, const char *json, char *err, size_t err_len);

#endif
