/* firmware/board_bus_devices.c: the device models on the board's buses (I2C, SPI; board/bus_dev.h)
 * in board mode: attached from the board file's section of each bus, and their persistent memory
 * (the 24LC256's cells, a flash chip's array) kept in the state directory as <bus>-<id>.bin: loaded
 * at power-on, and each changed range written back in place (all of it while no file of the right
 * size exists yet). Invariant: a device's file holds exactly its memory as of its last change. */
#include <stdio.h>

#include "board/boardfile.h"
#include "board/bus_boardfile.h"
#include "firmware/board.h"

/* Every bus with device models, in the order their sections are applied. */
static const bus_desc_t *const buses[] = {&i2c_bus_desc, &spi_bus_desc};
#define N_BUSES (sizeof(buses) / sizeof(buses[0]))

static char state_dir[256];
static bool whole_pending[N_BUSES][BUS_DEVICES_MAX]; /* no file yet: the first save writes all of it */

static int bus_index(const bus_desc_t *bus) {
    int b = 0;
    while (buses[b] != bus) {
        b++;
    }
    return b;
}

static void dev_path(const bus_desc_t *bus, int idx, char *path, size_t cap) {
    snprintf(path, cap, "%s/%s-%s.bin", state_dir, bus->name, bus->id(idx));
}

static void on_change(const bus_desc_t *bus, int idx, size_t off, size_t len) {
    size_t size;
    uint8_t *mem = bus->memory(idx, &size);
    if (mem == NULL) {
        return;
    }
    char path[320];
    dev_path(bus, idx, path, sizeof(path));
    bool *whole = &whole_pending[bus_index(bus)][idx];
    board_devmem_save(path, mem, size, off, len, *whole);
    *whole = false;
}

int board_bus_devices_apply(const char *board_file) {
    for (size_t b = 0; b < N_BUSES; b++) {
        char err[256];
        if (bus_boardfile_apply(buses[b], boardfile_section(buses[b]->name), err, sizeof(err)) != 0) {
            fprintf(stderr, "wipy: %s: %s\n", board_file, err);
            return -1;
        }
    }
    return 0;
}

void board_bus_devices_state(const char *dir) {
    snprintf(state_dir, sizeof(state_dir), "%s", dir);
    for (size_t b = 0; b < N_BUSES; b++) {
        const bus_desc_t *bus = buses[b];
        bus->set_persist(on_change);
        for (int i = 0; i < bus->count(); i++) {
            size_t len;
            uint8_t *mem = bus->memory(i, &len);
            if (mem != NULL) {
                char path[320];
                dev_path(bus, i, path, sizeof(path));
                whole_pending[b][i] = !board_devmem_load(path, mem, len);
            }
        }
    }
}
