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
 * mount_point: "/name". Errors are raised (OSError, AttributeError for a non-device). */
void os_mount_device(obj_t dev, obj_t mount_point, bool readonly);
void os_unmount_point(obj_t mount_point);
void os_mkfs_device(obj_t dev);

#endif
