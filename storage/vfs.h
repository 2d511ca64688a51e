/* The mount table and the file API the `os` module and the FTP server share. "/" is virtual and
 * lists the mounted volumes ("/flash", "/sd", any "/name"); everything below a mount point is
 * that volume's FAT. Paths are resolved against the cwd (or an explicit one: vfs_normalize),
 * "." and ".." are folded, ".." never climbs above "/", and a resolved path is <= 128 chars.
 * Invariant: handles are plain structs owned by the caller; a volume with open handles cannot
 * be unmounted or reformatted (-EBUSY). Errors are negative errno values. */
#ifndef STORAGE_VFS_H
#define STORAGE_VFS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "storage/blockdev.h"
#include "storage/fat.h"

#define VFS_PATH_MAX 128
#define VFS_MAX_MOUNTS 4
#define VFS_NAME_MAX 15
#define VFS_MAX_VOLS 8 /* volumes in the pool: the table's own plus those of vfs.VfsFat objects */

enum {
    VFS_O_RDONLY = FAT_O_READ,
    VFS_O_WRONLY = FAT_O_WRITE,
    VFS_O_RDWR = FAT_O_READ | FAT_O_WRITE,
    VFS_O_CREAT = FAT_O_CREAT,
    VFS_O_TRUNC = FAT_O_TRUNC,
    VFS_O_APPEND = FAT_O_APPEND,
    VFS_O_EXCL = FAT_O_EXCL
};
enum { VFS_MOUNT_RO = 1, VFS_MOUNT_BARRIERS = 2 };

typedef fat_stat_t vfs_stat_t;
typedef fat_dirent_t vfs_dirent_t;

/* An open file. It is linked into its volume's list of open files, so while open it must stay
 * at one address (no moving GC) and must be closed before its memory is reused (a binding's
 * finaliser calls vfs_close). */
typedef struct vfs_file {
    fat_file_t f;
    int mount; /* index in the mount table, VFS_FILE_DIRECT (opened on a volume), VFS_FILE_CLOSED */
} vfs_file_t;
enum { VFS_FILE_CLOSED = -1, VFS_FILE_DIRECT = -2 };

typedef struct vfs_dir {
    fat_dir_t d;
    int mount; /* -1: listing "/" */
    int next;  /* next mount slot when listing "/" */
} vfs_dir_t;

typedef struct vfs_statvfs {
    uint32_t bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax;
} vfs_statvfs_t;

/* Table. `bd` must outlive the mount. Mount point: "/name" (one component). */
int vfs_mount(const bdev_t *bd, const char *point, int flags);
int vfs_umount(const char *point);
void vfs_reset(void); /* forget every mount (tests, soft reset after a sync) */
/* Unmounts every volume, writing out what is cached (soft reset, after files are closed); a
 * volume that still has open files is forgotten anyway. The first error, or 0. */
int vfs_umount_all(void);
bool vfs_is_mounted(const char *point);
/* Volumes from the pool (zeroed; NULL when all VFS_MAX_VOLS are taken), for owners outside the
 * table (a binding's file-system object), and back. */
fat_vol_t *vfs_vol_alloc(void);
void vfs_vol_free(fat_vol_t *v);
/* Puts a volume its caller mounted (fat_mount) and keeps in the table at "/name": unmounting it
 * only syncs it and takes it out; the caller unmounts and frees it. */
int vfs_mount_vol(fat_vol_t *vol, const char *point, int flags);
bool vfs_vol_in_table(const fat_vol_t *vol);
/* Slot i of the table: false when unused, else its "/name" (VFS_NAME_MAX + 2 bytes) in point. */
bool vfs_mount_at(int i, char *point);
fat_vol_t *vfs_volume(const char *point); /* NULL when not mounted */

/* Paths. out gets an absolute normalised path; -ENAMETOOLONG past VFS_PATH_MAX. */
int vfs_normalize(const char *cwd, const char *path, char *out, size_t cap);
int vfs_chdir(const char *path);
int vfs_getcwd(char *buf, size_t cap);

/* Files. */
int vfs_open(vfs_file_t *h, const char *path, int flags);
/* Opens `rel` (volume-relative) on a volume directly, in the table or not. */
int vfs_open_vol(vfs_file_t *h, fat_vol_t *vol, const char *rel, int flags);
ssize_t vfs_read(vfs_file_t *h, void *buf, size_t n);
ssize_t vfs_write(vfs_file_t *h, const void *buf, size_t n);
int64_t vfs_seek(vfs_file_t *h, int64_t off, int whence);
int64_t vfs_tell(vfs_file_t *h);
int vfs_truncate(vfs_file_t *h, uint32_t len);
int vfs_fsync(vfs_file_t *h);
int vfs_close(vfs_file_t *h);

/* Names. */
int vfs_stat(const char *path, vfs_stat_t *st);
int vfs_opendir(vfs_dir_t *d, const char *path);
int vfs_readdir(vfs_dir_t *d, vfs_dirent_t *e); /* 1 entry, 0 end, <0 error */
void vfs_closedir(vfs_dir_t *d);
int vfs_mkdir(const char *path);
int vfs_rmdir(const char *path);
int vfs_remove(const char *path);
int vfs_rename(const char *from, const char *to);
int vfs_statvfs(const char *path, vfs_statvfs_t *st);
int vfs_sync(void);
/* The medium under a path (storage/blockdev.h's bdev_status): 0 when usable, also for "/"; the
 * path's own errors (-ENOENT for no such volume) otherwise. */
int vfs_medium_status(const char *path);

/* Format a mounted volume in place ("/flash" gets the WiPy's layout), or a bare device. */
int vfs_mkfs(const char *point);
int vfs_mkfs_bdev(const bdev_t *bd, bool flash_layout);

#endif
