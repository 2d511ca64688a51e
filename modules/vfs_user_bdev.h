/* modules/vfs_user_bdev.h: a Python object as a block device for the FAT layer (vfs_user_bdev.c):
 * the new protocol (readblocks(n, buf[, off]), writeblocks, ioctl(op, arg)), the old one (sync(),
 * count()), or a machine.SD's own device. An exception a device raises can't cross the FAT code:
 * the call fails with -EIO and the exception waits in a root until vfs_bdev_check raises it.
 * Invariant: a bound vfs_bdev_t stays at one address while its bdev_t is in use (its context). */
#ifndef MODULES_VFS_USER_BDEV_H
#define MODULES_VFS_USER_BDEV_H

#include <stdbool.h>

#include "core/obj.h"
#include "storage/blockdev.h"

#define VFS_BDEV_STATE_PENDING 21 /* rt_state.module_state slot: the exception a device raised */

typedef struct vfs_bdev {
    obj_t dev;            /* the Python object (kept alive by whoever holds this struct) */
    const bdev_t *native; /* the object's own block device (machine.SD), else NULL */
    long count;           /* cached block count, 0: not asked yet */
    bool live;            /* calls reach Python only while true */
    bool oldproto;        /* no ioctl: count() and sync() */
    bool readonly;        /* no writeblocks */
    bdev_t bd;
    bdev_obj_t holder;
} vfs_bdev_t;

/* Binds d to dev (a vfs.VfsFat stands for its device); AttributeError when dev has no
 * readblocks, nor ioctl or count. */
void vfs_bdev_bind(vfs_bdev_t *d, obj_t dev);
/* The device the FAT layer uses. */
const bdev_t *vfs_bdev_get(vfs_bdev_t *d);
/* Never calls Python again (its object is going). */
void vfs_bdev_unbind(vfs_bdev_t *d);

/* After a storage call: the exception a Python device raised during it, else OSError(-r) when
 * r < 0; nothing when r >= 0 and nothing is pending. */
void vfs_bdev_check(int r);
/* Forgets a pending exception (before a storage call whose errors are not raised). */
void vfs_bdev_clear(void);

#endif
