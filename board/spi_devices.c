/* board/spi_devices.c: the table of SPI device types a board file can declare (board/spi_dev.h).
 * Invariant: names are unique; a new device is its own file plus one line here. */
#include <string.h>

#include "board/spi_dev.h"

const spi_dev_ops_t *const spi_dev_types[] = {
    &spi_w25q80_ops, &spi_w25q16_ops, &spi_w25q32_ops, &spi_w25q64_ops, NULL,
};

const spi_dev_ops_t *spi_dev_type(const char *name) {
    for (int i = 0; spi_dev_types[i] != NULL; i++) {
        if (strcmp(spi_dev_types[i]->type, name) == 0) {
            return spi_dev_types[i];
        }
    }
    return NULL;
}
