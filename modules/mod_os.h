/* modules/mod_os.h: the os module's hooks for the rest of the firmware (modules/mod_os.c).
 * Roots: rt_state.module_state[OS_STATE_DEVS] holds the list of the Python block devices mounted
 * with os.mount (slot i = the device of os_devs[i]), so they stay alive while mounted.
 * Invariant: a Python device is unmounted before the heap it lives on goes (rt_deinit_hook). */
#ifndef MODULES_MOD_OS_H
#define MODULES_MOD_OS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/obj.h"

#define OS_STATE_DEVS 20 /* index in rt_state.module_state owned by the os module */

/* Board mode sets it: os.dupterm(...) then calls it and returns its result. NULL (script mode):
 * os.dupterm keeps the stream in rt_state.dupterm. */
extern obj_t (*os_dupterm_handler)(size_t n_args, const obj_t *args);

/* The firmware version os.uname().release reports (OTA may change where it comes from). */
const char *os_release(void);

/* Soft reset / exit, before the heap goes: closes the files still open on VFS volumes and unmounts
 * the volumes whose device is a Python object (rt_deinit calls it through rt_deinit_hook). */
void os_deinit(void);

/* What os.mount, os.umount and os.mkfs(device) do, shared with the vfs module (modules/mod_vfs.c).
 * dev: a block device (readblocks/writeblocks/ioctl, machine.SD) or a vfs.VfsFat around one;
 * mount_point: "/name". Errors are raised (OSError, AttributeError for a non-device). A VfsFat
 * over a Python device puts its own volume in the table (mkfs: format it first if it has no FAT). */
void os_mount_device(obj_t dev, obj_t mount_point, bool readonly, bool mkfs);
void os_unmount_point(obj_t mount_point);
void os_mkfs_device(obj_t dev);
/* Appends (seq, (object, point)) for each FAT mount to l (the board's own have seq 0). */
void os_mount_entries(obj_t l);
/* The next number of the mount order shared by FAT and user mounts. */
uint32_t os_mount_seq(void);
/* The point a mounted object is at (OSError(EINVAL) when it isn't). */
obj_t os_mount_point_of(obj_t fs);
/* The table's volume of the mount whose device is dev (a machine.SD, a Python device), or NULL. */
struct fat_vol *os_device_volume(obj_t dev);
/* OSError(EBUSY) when dev is mounted as a device (before it is formatted). */
void os_device_not_mounted(obj_t dev);
/* os.stat's 10-tuple for a FAT entry (times in seconds since 2000, as the board counts). */
struct fat_stat;
obj_t os_fat_stat_tuple(const struct fat_stat *st);

#endif
