/* firmware/board_devmem.c: device memories kept in the state directory (the I2C EEPROM's cells,
 * the SPI flash's array): one file per device holding exactly its memory, loaded at power-on and
 * written back (all of it, or the changed range in place) when the model says it changed.
 * Invariant: a file is either absent or exactly as long as its device's memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "firmware/board.h"
#include "host/host_fs.h"

bool board_devmem_load(const char *path, uint8_t *mem, size_t len) {
    size_t flen;
    char *data = host_read_file(path, &flen);
    bool ok = data != NULL && flen == len;
    if (ok) {
        memcpy(mem, data, len);
    }
    free(data);
    return ok;
}

void board_devmem_save(const char *path, const uint8_t *mem, size_t len, size_t off, size_t n, bool whole) {
    if (whole || off >= len || n > len - off) {
        off = 0;
        n = len;
    }
    int fd = host_file_open(path, HOST_O_WRITE | HOST_O_CREAT | (whole ? HOST_O_TRUNC : 0));
    if (fd < 0 || host_file_pwrite(fd, mem + off, n, off) != (ssize_t)n) {
        fprintf(stderr, "wipy: can't save %s\n", path);
    }
    if (fd >= 0) {
        host_file_close(fd);
    }
}
