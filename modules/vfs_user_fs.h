/* modules/vfs_user_fs.h: file systems written in Python, mounted with vfs.mount (vfs_user_fs.c):
 * any object with mount/umount and the methods os needs (open, ilistdir, stat, statvfs, mkdir,
 * rmdir, remove, rename, chdir, getcwd), at any absolute path ("/", "/a/b"), as MicroPython's
 * extmod/vfs.c forwards: paths below the mount point are given to the object as "/rest", a
 * relative path as it is while the current directory is in the object.
 * Invariant: the objects are in a root list; FAT mounts never live here (they are the os table's). */
#ifndef MODULES_VFS_USER_FS_H
#define MODULES_VFS_USER_FS_H

#include <stdbool.h>

#include "core/obj.h"

#define VFS_USER_STATE 22 /* rt_state.module_state slot: the mounted objects */

/* vfs.mount(obj, point, readonly=, mkfs=) of an object that has a mount method. */
void vfs_user_mount(obj_t fs, obj_t point, bool readonly, bool mkfs);
/* vfs.umount(point or object): true when it was a user mount (and is unmounted now). */
bool vfs_user_umount(obj_t point_or_fs);
/* vfs.mount(): every mount (FAT and user) as (object, point), in mount order. */
obj_t vfs_user_mount_list(void);
/* Soft reset: forget every user mount (their objects go with the heap). */
void vfs_user_reset(void);

/* Whether path (absolute, or relative to the current directory) is served by a user mount. */
bool vfs_user_owns(const char *path);
/* Whether a user mount is at point ("/name") or below it (a FAT mount there would hide it). */
bool vfs_user_under(const char *point);
/* Whether a user file system is mounted at "/" (it serves what no other mount does). */
bool vfs_user_has_root(void);

/* The os operations on a path vfs_user_owns; they raise what the object raises. */
obj_t vfs_user_call(const char *path, qstr meth, size_t n_extra, const obj_t *extra);
obj_t vfs_user_open(const char *path, obj_t mode);
/* meth("/") of the file system mounted at "/" (OSError(ENODEV) when there is none). */
obj_t vfs_user_root_call(qstr meth);
/* Whether path names a user mount point itself (not one at "/"). */
bool vfs_user_is_point(const char *path);
/* rename: both paths on the same user mount, else OSError(EXDEV) */
void vfs_user_rename(const char *from, const char *to);
/* chdir into a user mount; getcwd while the current directory is in one */
void vfs_user_chdir(const char *path);
obj_t vfs_user_getcwd(void);
bool vfs_user_cwd_active(void);
void vfs_user_cwd_leave(void);
/* The root's listing: the user mount points' first components as (name, 0x4000, 0), then what a
 * file system mounted at "/" lists (ilistdir("/")), appended to list l (names only if !full). */
void vfs_user_list_root(obj_t l, bool full, bool bytes);
/* import: PORT_STAT_* of path on its user mount, and its contents (malloc'd, NULL if none). */
int vfs_user_import_stat(const char *path);
char *vfs_user_read_file(const char *path, size_t *len);

#endif
