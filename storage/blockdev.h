/* Block devices: the one interface the FAT code reads and writes through (512-byte blocks).
 * A device is a table of callbacks plus an opaque context, so an image file, a RAM buffer or a
 * Python object with readblocks/writeblocks/ioctl (bound later in modules/) all look the same.
 * Invariant: every implementation refuses (-EIO) any access outside [0, count) blocks. */
#ifndef STORAGE_BLOCKDEV_H
#define STORAGE_BLOCKDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BDEV_BLOCK_SIZE 512u

typedef struct bdev {
    void *ctx;
    /* Read/write `n` blocks starting at block `lba`. 0 or a negative errno. */
    int (*read)(void *ctx, uint32_t lba, uint32_t n, uint8_t *buf);
    int (*write)(void *ctx, uint32_t lba, uint32_t n, const uint8_t *buf);
    /* Make earlier writes durable (may be NULL). 0 or a negative errno. */
    int (*sync)(void *ctx);
    /* Number of blocks, and the block size in bytes (must be 512 for FAT here). */
    uint32_t (*count)(void *ctx);
    uint32_t (*size)(void *ctx);
    /* Release the context (may be NULL). */
    void (*close)(void *ctx);
    /* Whether the medium can be used now (may be NULL: always): 0, or a negative errno (-EIO for
     * a removed SD card or a controller turned off). The VFS asks before every operation. */
    int (*status)(void *ctx);
} bdev_t;

/* Checked helpers: bounds are checked here too, so a buggy caller never reaches a device. */
int bdev_read(const bdev_t *bd, uint32_t lba, uint32_t n, void *buf);
int bdev_write(const bdev_t *bd, uint32_t lba, uint32_t n, const void *buf);
int bdev_sync(const bdev_t *bd);
uint32_t bdev_count(const bdev_t *bd);
uint32_t bdev_block_size(const bdev_t *bd);
int bdev_status(const bdev_t *bd); /* 0 when usable (or no status callback) */
void bdev_close(bdev_t *bd);

/* Image file on the host. With create, a missing file is made `nblocks` long (sparse, zeros);
 * an existing one is used as it is (its size rounded down to whole blocks). `sync_writes`
 * makes every write go through fdatasync (slow; for the durability the board promises). */
int bdev_file_open(bdev_t *bd, const char *path, bool readonly, bool create, uint32_t nblocks);

/* RAM device over a caller-owned buffer of nblocks*512 bytes (tests, fuzzing). */
int bdev_mem_init(bdev_t *bd, uint8_t *buf, uint32_t nblocks);

/* Python-object style device: the binding supplies readblocks/writeblocks/ioctl callbacks with
 * MicroPython's semantics (ioctl op 3 = sync, 4 = block count, 5 = block size) and gets a bdev. */
typedef struct bdev_obj_ops {
    int (*readblocks)(void *obj, uint32_t lba, uint8_t *buf, size_t len);
    int (*writeblocks)(void *obj, uint32_t lba, const uint8_t *buf, size_t len);
    long (*ioctl)(void *obj, int op, long arg);
} bdev_obj_ops_t;
enum { BDEV_IOCTL_SYNC = 3, BDEV_IOCTL_COUNT = 4, BDEV_IOCTL_SIZE = 5 };

typedef struct bdev_obj {
    const bdev_obj_ops_t *ops;
    void *obj;
} bdev_obj_t;
/* `holder` must outlive the device; it is the device's context. */
void bdev_obj_init(bdev_t *bd, bdev_obj_t *holder, const bdev_obj_ops_t *ops, void *obj);
/* Whether bd was made by bdev_obj_init (its calls may run a binding's code). */
bool bdev_is_obj(const bdev_t *bd);

#endif
