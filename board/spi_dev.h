/* board/spi_dev.h: the one interface every simulated SPI device implements (a device = one file:
 * spi_w25q.c, ...), the table of device types, and the devices on the SPI bus. Each device has a
 * chip-select pin that the firmware drives as a GPIO (the WiPy's SPI has no hardware CS): it is
 * selected while that pin's net is low and hears every byte the controller clocks meanwhile (in
 * buffer order, also with 16- and 32-bit words; a mode other than the chip's is not modelled).
 * Invariant: a device keeps all its state in its own block (d->st, ops->state_size bytes), and hears
 * select(true) and select(false) alternately, in the order of its CS pin's edges. */
#ifndef BOARD_SPI_DEV_H
#define BOARD_SPI_DEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bus_dev.h"

#define SPI_DEV_ID_MAX 32
#define SPI_DEVICES_MAX 8

typedef struct spi_dev spi_dev_t;
typedef struct {
    const char *type; /* the board file's name: "w25q32" */
    size_t state_size;
    const void *model; /* the type's constants (sizes, ids), for files holding several types */
    void (*power_on)(spi_dev_t *d); /* the state after power-on (the block is zeroed before) */
    void (*select)(spi_dev_t *d, bool selected); /* CS fell (true: a command begins) or rose */
    uint8_t (*exchange)(spi_dev_t *d, uint8_t mosi); /* one byte in each direction, MSB first */
    /* The outside's view of named values (milli-units); 0 or -1 (no such key / out of range). May
     * be NULL. */
    int (*set)(spi_dev_t *d, const char *key, int64_t value);
    int (*get)(spi_dev_t *d, const char *key, int64_t *value);
    /* The device's memory the outside can read and load; NULL len 0 if none. `persistent` memory is
     * kept in the board's state directory. */
    uint8_t *(*memory)(spi_dev_t *d, size_t *len);
    bool persistent;
    const char *const *keys; /* names set/get take, NULL-terminated (NULL: none) */
} spi_dev_ops_t;

struct spi_dev {
    const spi_dev_ops_t *ops;
    char id[SPI_DEV_ID_MAX];
    int cs;        /* the chip-select pin (active low) */
    bool selected; /* as the device last heard */
    void *st;
};

/* ---- types (spi_devices.c): a device file defines `const spi_dev_ops_t spi_<name>_ops = ...;` at
 * the start of a line, and the build lists it in the table (mk/spi.mk): adding a device is adding
 * its file. ---- */
extern const spi_dev_ops_t *const spi_dev_types[];
const spi_dev_ops_t *spi_dev_type(const char *name); /* NULL if unknown */

/* ---- the devices on the bus (spi_bus.c) ---- */
/* Adds a device of `type` selected by `cs` (a pin index) with a unique id; the board's pull-up on
 * CS is fitted too (the chip idles deselected). Returns its index, or -1 with a message in err
 * (unknown type, bad or taken id, CS pin taken, full, out of memory). */
int spi_attach(const char *type, const char *id, int cs, char *err, size_t err_len);
void spi_detach_all(void);
int spi_device_count(void);
spi_dev_t *spi_device(int idx);
spi_dev_t *spi_find(const char *id); /* NULL if none */
/* Persistent memory changed in [off, off+len) (a program or erase completed, or the outside wrote
 * it): the callback (the firmware's, which saves it through host/) is told, with spi_bus_desc
 * (board/bus_dev.h: the bus as data) and the device's index. */
void spi_set_persist(bus_persist_fn fn);
void spi_dev_changed(spi_dev_t *d, size_t off, size_t len);
/* The controller clocks one byte (`mosi`, sent LSB first when lsb_first): every selected device
 * takes it; when at least one is selected, *miso becomes what they drive (wired-AND if several),
 * assembled in the same bit order, and true is returned; else *miso is left alone. */
bool spi_devices_exchange(uint8_t mosi, bool lsb_first, uint8_t *miso);

#endif
