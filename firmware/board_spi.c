/* firmware/board_spi.c: the board's SPI devices in board mode: attached from the board file's "spi"
 * section, and their persistent memory (a flash chip's array) kept in the state directory as
 * spi-<id>.bin: loaded at power-on, and each programmed page or erased block written back in place.
 * Invariant: a device's file holds exactly its memory as of its last completed program or erase. */
#include <stdio.h>
#include <string.h>

#include "board/boardfile.h"
#include "board/spi_boardfile.h"
#include "board/spi_dev.h"
#include "firmware/board.h"

static char spi_state_dir[256];
static bool whole_pending[SPI_DEVICES_MAX]; /* no file yet: the first save writes all of it */

static void dev_path(const spi_dev_t *d, char *path, size_t cap) {
    snprintf(path, cap, "%s/spi-%s.bin", spi_state_dir, d->id);
}

static void board_spi_save(spi_dev_t *d, size_t off, size_t len) {
    size_t size;
    uint8_t *mem = d->ops->memory(d, &size);
    char path[320];
    dev_path(d, path, sizeof(path));
    int idx = 0;
    while (idx < spi_device_count() && spi_device(idx) != d) {
        idx++;
    }
    bool whole = idx < SPI_DEVICES_MAX && whole_pending[idx];
    board_devmem_save(path, mem, size, off, len, whole);
    if (idx < SPI_DEVICES_MAX) {
        whole_pending[idx] = false;
    }
}

int board_spi_apply(const char *board_file) {
    char err[256];
    if (spi_boardfile_apply(boardfile_section("spi"), err, sizeof(err)) != 0) {
        fprintf(stderr, "wipy: %s: %s\n", board_file, err);
        return -1;
    }
    return 0;
}

void board_spi_state(const char *state_dir) {
    snprintf(spi_state_dir, sizeof(spi_state_dir), "%s", state_dir);
    spi_set_persist(board_spi_save);
    for (int i = 0; i < spi_device_count(); i++) {
        spi_dev_t *d = spi_device(i);
        if (!d->ops->persistent) {
            continue;
        }
        char path[320];
        dev_path(d, path, sizeof(path));
        size_t len;
        uint8_t *mem = d->ops->memory(d, &len);
        whole_pending[i] = !board_devmem_load(path, mem, len);
    }
}
