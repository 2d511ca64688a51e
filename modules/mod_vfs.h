/* modules/mod_vfs.h: the `vfs` module of current MicroPython (modules/mod_vfs.c): vfs.mount,
 * vfs.umount and vfs.VfsFat (modules/vfs_fat.h) over the os module's mount table, so code written
 * for old firmware (os.mount(sd, '/sd')) and new (vfs.mount(vfs.VfsFat(sd), '/sd')) both run.
 * Invariant: the module keeps no state of its own; the table is the os module's. */
#ifndef MODULES_MOD_VFS_H
#define MODULES_MOD_VFS_H

#include <stdbool.h>

#include "core/obj.h"

extern const module_obj_t vfs_module;

/* vfs.mount(fs, point, readonly=, mkfs=) (also os.mount): a Python file system, a vfs.VfsFat or a
 * block device, each to the table that can hold it. */
void vfs_mount_any(obj_t fs, obj_t point, bool readonly, bool mkfs);

#endif
