/* modules/mod_vfs.h: the `vfs` module of current MicroPython (modules/mod_vfs.c): vfs.mount,
 * vfs.umount and vfs.VfsFat over the os module's mount table, so code written for old firmware
 * (os.mount(sd, '/sd')) and new (vfs.mount(vfs.VfsFat(sd), '/sd')) both run.
 * Invariant: a VfsFat only wraps a device; what is mounted is always the device itself. */
#ifndef MODULES_MOD_VFS_H
#define MODULES_MOD_VFS_H

#include "core/obj.h"

/* The device inside a vfs.VfsFat, or o itself for anything else. */
obj_t vfs_fat_device(obj_t o);

#endif
