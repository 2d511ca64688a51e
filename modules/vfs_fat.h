/* modules/vfs_fat.h: vfs.VfsFat (modules/vfs_fat.c), a FAT file system object over a block device
 * with MicroPython's methods (open, ilistdir, mkdir, rmdir, remove, rename, stat, statvfs, chdir,
 * getcwd, mount, umount, the static mkfs), usable mounted or not.
 * Invariant: a VfsFat over a Python device owns a volume from storage's pool from construction
 * until its finaliser or a soft reset; one over a machine.SD works through the SD's mount. */
#ifndef MODULES_VFS_FAT_H
#define MODULES_VFS_FAT_H

#include <stdbool.h>

#include "core/obj.h"
#include "storage/fat.h"

extern const type_t vfs_fat_type;

/* The device inside a vfs.VfsFat, or o itself for anything else. */
obj_t vfs_fat_device(obj_t o);
/* The volume a VfsFat owns (NULL for anything else, and for one over a machine.SD). */
fat_vol_t *vfs_fat_volume(obj_t o);
/* What vfs.mount does to a VfsFat before it goes into the table: formats it first when it has
 * no file system and mkfs is set (else OSError(ENODEV)), and makes it read-only if asked. */
void vfs_fat_prepare_mount(obj_t o, bool readonly, bool mkfs);
/* A VfsFat standing for the table's mount at point ("/flash"): what vfs.mount() lists for the
 * board's own mounts; its methods work on that volume while it is mounted. */
obj_t vfs_fat_view(obj_t point);
/* Soft reset: every VfsFat's volume written out and given back (before the heap goes). */
void vfs_fat_deinit_all(void);

#endif
