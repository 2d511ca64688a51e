/* FAT12/16/32 with long file names over a block device (storage/blockdev.h): the public API.
 * Handles (volume, file, directory iterator) are plain structs owned by the caller. Paths are
 * relative to the volume root, '/'-separated, UTF-8. Every call returns 0 (or a count) on
 * success and a negative errno on failure; a corrupt volume yields -EIO, never a crash.
 * Invariant: on-disk updates are ordered data -> FAT (every copy) -> directory entry. */
#ifndef STORAGE_FAT_H
#define STORAGE_FAT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "storage/blockdev.h"

#define FAT_SECTOR 512u
#define FAT_NAME_MAX 255      /* UCS-2 units in a long name */
#define FAT_NAME_UTF8_MAX 765 /* bytes: 255 BMP characters of up to 3 bytes */
#define FAT_CACHE_N 16        /* FAT sectors kept in memory */
#define FAT_DCACHE_N 64       /* directory sectors kept in memory (a 200-file LFN folder is ~40) */

enum {
    FAT_ATTR_RO = 0x01,
    FAT_ATTR_HIDDEN = 0x02,
    FAT_ATTR_SYSTEM = 0x04,
    FAT_ATTR_VOLID = 0x08,
    FAT_ATTR_DIR = 0x10,
    FAT_ATTR_ARCHIVE = 0x20,
    FAT_ATTR_LFN = 0x0F
};

/* Open flags (combine). */
enum { FAT_O_READ = 1, FAT_O_WRITE = 2, FAT_O_CREAT = 4, FAT_O_TRUNC = 8, FAT_O_APPEND = 16, FAT_O_EXCL = 32 };

/* Mount flags. BARRIERS: sync the device between the ordered phases (data, FAT, entry). */
enum { FAT_MOUNT_RO = 1, FAT_MOUNT_BARRIERS = 2 };

typedef struct fat_time {
    uint16_t year; /* 1980..2107 */
    uint8_t month, day, hour, min, sec;
} fat_time_t;

/* The clock used for timestamps (the RTC on the board). NULL: 2000-01-01 00:00:00. */
typedef void (*fat_clock_fn)(void *ctx, fat_time_t *now);
void fat_set_clock(fat_clock_fn fn, void *ctx);

typedef struct fat_cache_ent {
    uint32_t sector; /* index within the FAT */
    uint32_t stamp;
    uint8_t valid, dirty;
    uint8_t data[FAT_SECTOR];
} fat_cache_ent_t;

struct fat_file;

typedef struct fat_vol {
    const bdev_t *bd;
    uint32_t base; /* first device block of the volume (partition start) */
    uint32_t total_sectors;
    uint8_t type; /* 12, 16 or 32 */
    uint8_t n_fats;
    bool readonly, barriers, mounted;
    uint32_t fat_start, fat_size;      /* volume-relative sectors */
    uint32_t root_start, root_entries; /* FAT12/16 fixed root region */
    uint32_t root_cluster;             /* FAT32 */
    uint32_t data_start;
    uint32_t sec_per_clus, clus_size;
    uint32_t n_clusters; /* valid cluster numbers are 2 .. n_clusters+1 */
    uint32_t free_count; /* UINT32_MAX: not known yet */
    bool free_exact;     /* counted by us (not taken from FSInfo) */
    uint32_t next_free;
    uint32_t fsinfo_sector; /* 0: none */
    uint8_t fsinfo_state;   /* 0 unknown written, 1 valid on disk, 2 no fsinfo */
    uint32_t serial;
    char label[12];
    fat_cache_ent_t fcache[FAT_CACHE_N];
    uint32_t fstamp;
    int fcache_last;
    uint8_t dbuf[FAT_DCACHE_N][FAT_SECTOR]; /* directory sectors, written through */
    uint32_t dbuf_sector[FAT_DCACHE_N], dbuf_stamp[FAT_DCACHE_N], dstamp;
    bool dbuf_valid[FAT_DCACHE_N];
    int dbuf_cur; /* the slot fat_dbuf_store writes: the last one loaded */
    struct fat_file *open_files;
    uint32_t hint_dir, hint_idx; /* where the last lookup ended (a set boundary) */
    bool hint_valid;
} fat_vol_t;

typedef struct fat_file {
    fat_vol_t *vol;
    struct fat_file *next_open;
    uint32_t ent_sector; /* absolute sector and byte offset of the short entry */
    uint16_t ent_off;
    uint8_t flags, attr;
    bool entry_dirty, buf_valid, buf_dirty;
    uint32_t first_clus, size, pos;
    uint32_t cur_clus, cur_idx; /* cluster number of chain index cur_idx (0: none cached) */
    uint32_t buf_sector;
    uint8_t buf[FAT_SECTOR];
} fat_file_t;

typedef struct fat_dir {
    fat_vol_t *vol;
    uint32_t start_clus; /* 0 = root */
    uint32_t idx;        /* next entry index */
    uint32_t clus, clus_idx;
    bool done;
} fat_dir_t;

typedef struct fat_stat {
    uint32_t size;
    uint8_t attr;
    bool is_dir;
    fat_time_t mtime, ctime;
} fat_stat_t;

typedef struct fat_dirent {
    char name[FAT_NAME_UTF8_MAX + 1];
    fat_stat_t st;
} fat_dirent_t;

typedef struct fat_statvfs {
    uint32_t bsize;  /* cluster size */
    uint32_t blocks; /* data clusters */
    uint32_t bfree;
    uint32_t namemax;
} fat_statvfs_t;

/* Volume. Mount finds a FAT at block 0 or in the first MBR partition; -ENODEV: no FAT. */
int fat_mount(fat_vol_t *v, const bdev_t *bd, int flags);
int fat_unmount(fat_vol_t *v); /* flushes; -EBUSY while files are open */
int fat_sync(fat_vol_t *v);
int fat_statvfs(fat_vol_t *v, fat_statvfs_t *st);

/* Files. Read/write return bytes done (short only at end of file / full volume). */
int fat_open(fat_vol_t *v, fat_file_t *f, const char *path, int flags);
ssize_t fat_read(fat_file_t *f, void *buf, size_t n);
ssize_t fat_write(fat_file_t *f, const void *buf, size_t n);
int64_t fat_seek(fat_file_t *f, int64_t off, int whence); /* SEEK_SET/CUR/END; new position */
uint32_t fat_tell(const fat_file_t *f);
uint32_t fat_size(const fat_file_t *f);
int fat_truncate(fat_file_t *f, uint32_t len);
int fat_fsync(fat_file_t *f);
int fat_close(fat_file_t *f);
/* Drops an open file without writing anything it holds (its volume is going away). */
void fat_forget(fat_file_t *f);
/* Moves an open file's handle to other memory (dst takes src's place in the open list). */
void fat_file_move(fat_file_t *dst, fat_file_t *src);

/* Names. */
int fat_stat(fat_vol_t *v, const char *path, fat_stat_t *st);
int fat_opendir(fat_vol_t *v, fat_dir_t *d, const char *path);
int fat_readdir(fat_dir_t *d, fat_dirent_t *e); /* 1 entry, 0 end, <0 error; skips . and .. */
void fat_closedir(fat_dir_t *d);
int fat_mkdir(fat_vol_t *v, const char *path);
int fat_rmdir(fat_vol_t *v, const char *path);
int fat_remove(fat_vol_t *v, const char *path);
int fat_rename(fat_vol_t *v, const char *from, const char *to);

/* Formatting. Zero fields choose defaults by size, per the FAT specification's tables. */
typedef struct fat_mkfs_opts {
    uint8_t type;          /* 0 auto, 12, 16, 32 */
    uint8_t n_fats;        /* 0: 2 */
    uint32_t sec_per_clus; /* 0: auto */
    uint32_t root_entries; /* 0: 512 (FAT12/16) */
    uint32_t serial;       /* 0: from the clock */
    const char *label;     /* NULL: "NO NAME" */
} fat_mkfs_opts_t;
int fat_mkfs(const bdev_t *bd, const fat_mkfs_opts_t *opts);
/* The layout the WiPy's firmware gives /flash: FAT12, 1 FAT, 1 sector/cluster, 512 root
 * entries (on 384 sectors: 349 clusters). */
int fat_mkfs_flash(const bdev_t *bd);
/* The layout FatFs's f_mkfs gives as MicroPython's VfsFat.mkfs asks for it (fat_mkfs.c): FAT12/16
 * without a partition table, else FAT32 in an MBR partition at block 63; -EINVAL: too small. */
int fat_mkfs_ff(const bdev_t *bd);

#endif
