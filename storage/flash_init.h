/* /flash at boot: format when there is no FAT, then recreate the WiPy's first-boot files
 * (main.py, sys/, lib/, cert/, boot.py, in that order, only those missing), then mount. */
#ifndef STORAGE_FLASH_INIT_H
#define STORAGE_FLASH_INIT_H

#include <stdbool.h>

#include "storage/blockdev.h"
#include "storage/fat.h"

#define FLASH_SECTORS 384 /* 192 KiB of 512-byte sectors */

/* Mount bd on v (formatting with the WiPy layout when no FAT is found) and create what is
 * missing. *formatted (may be NULL) says whether a format happened. v stays mounted. */
int flash_init(fat_vol_t *v, const bdev_t *bd, bool *formatted);
/* flash_init, then mount at "/flash" in the VFS and make it the current directory. */
int flash_mount(const bdev_t *bd, bool *formatted);

#endif
