/* modules/machine_sd.h: machine.SD (modules/machine_sd.c) as a block device the os and vfs
 * modules mount without going through Python calls.
 * Invariant: the device answers -EIO as soon as the card it was bound to has left the slot (even
 * if another card is in by then), and fails every access that reaches the card while the
 * controller is off. */
#ifndef MODULES_MACHINE_SD_H
#define MODULES_MACHINE_SD_H

#include <stdbool.h>

#include "core/obj.h"
#include "storage/blockdev.h"

extern const type_t machine_sd_type;

/* For an SD object: the SD host's block device; NULL for any other object. */
const bdev_t *machine_sd_bdev(obj_t o);
/* Binds that device to the card in the slot now (before mounting or formatting it, never while
 * it is mounted: an old mount must not come back to life on a new card). Returns whether the
 * card's write-protect tab is set. */
bool machine_sd_bind(void);

#endif
