/* board/spi_devices.c: the table of SPI device types a board file can declare (board/spi_dev.h).
 * The list is generated at build time from the device files (mk/spi.mk: every line of board/spi_*.c
 * that defines `const spi_dev_ops_t spi_<name>_ops`), so adding a device is adding its file.
 * Invariant: names are unique (a file's ops are found by the type's name). */
#include <string.h>

#include "board/spi_dev.h"

#define SPI_DEV(ops) extern const spi_dev_ops_t ops;
#include "spi_dev_list.h"
#undef SPI_DEV

const spi_dev_ops_t *const spi_dev_types[] = {
#define SPI_DEV(ops) &ops,
#include "spi_dev_list.h"
#undef SPI_DEV
    NULL,
};

const spi_dev_ops_t *spi_dev_type(const char *name) {
    for (int i = 0; spi_dev_types[i] != NULL; i++) {
        if (strcmp(spi_dev_types[i]->type, name) == 0) {
            return spi_dev_types[i];
        }
    }
    return NULL;
}
