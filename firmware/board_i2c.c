/* firmware/board_i2c.c: the board's I2C devices in board mode: attached from the board file's
 * "i2c" section, and their persistent memory (the 24LC256's cells) kept in the state directory as
 * i2c-<id>.bin, loaded at power-on and written back after every write cycle.
 * Invariant: a device's file holds exactly its memory as of its last completed write. */
#include <stdio.h>

#include "board/boardfile.h"
#include "board/i2c.h"
#include "board/i2c_boardfile.h"
#include "firmware/board.h"

static char i2c_state_dir[256];

static void dev_path(const i2c_dev_t *d, char *path, size_t cap) {
    snprintf(path, cap, "%s/i2c-%s.bin", i2c_state_dir, d->id);
}

/* The bus tells us at STOP that a device's persistent memory changed. */
static void board_i2c_save(i2c_dev_t *d) {
    size_t len;
    uint8_t *mem = d->ops->memory(d, &len);
    char path[320];
    dev_path(d, path, sizeof(path));
    board_devmem_save(path, mem, len, 0, len, true);
}

int board_i2c_apply(const char *board_file) {
    char err[256];
    if (i2c_boardfile_apply(boardfile_section("i2c"), err, sizeof(err)) != 0) {
        fprintf(stderr, "wipy: %s: %s\n", board_file, err);
        return -1;
    }
    return 0;
}

void board_i2c_state(const char *state_dir) {
    snprintf(i2c_state_dir, sizeof(i2c_state_dir), "%s", state_dir);
    i2c_set_persist(board_i2c_save);
    for (int i = 0; i < i2c_device_count(); i++) {
        i2c_dev_t *d = i2c_device(i);
        if (!d->ops->persistent) {
            continue;
        }
        char path[320];
        dev_path(d, path, sizeof(path));
        size_t len;
        uint8_t *mem = d->ops->memory(d, &len);
        board_devmem_load(path, mem, len);
    }
}
