/* Block devices: the checked front door (bdev_read/bdev_write) and three implementations: a host
 * image file (pread/pwrite), a RAM buffer, and callbacks in the shape of a Python block device.
 * Invariant: no request outside [0, count) blocks ever reaches an implementation. */
#include "storage/blockdev.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "host/host_fs.h"

static bool bdev_range_ok(const bdev_t *bd, uint32_t lba, uint32_t n) {
    uint32_t cnt = bd->count(bd->ctx);
    return lba <= cnt && n <= cnt - lba;
}

int bdev_read(const bdev_t *bd, uint32_t lba, uint32_t n, void *buf) {
    if (!bd || !bd->read || !bdev_range_ok(bd, lba, n))
        return -EIO;
    if (n == 0)
        return 0;
    int r = bd->read(bd->ctx, lba, n, buf);
    return r > 0 ? -EIO : r;
}

int bdev_write(const bdev_t *bd, uint32_t lba, uint32_t n, const void *buf) {
    if (!bd || !bd->write)
        return -EROFS;
    if (!bdev_range_ok(bd, lba, n))
        return -EIO;
    if (n == 0)
        return 0;
    int r = bd->write(bd->ctx, lba, n, buf);
    return r > 0 ? -EIO : r;
}

int bdev_sync(const bdev_t *bd) {
    if (!bd || !bd->sync)
        return 0;
    return bd->sync(bd->ctx);
}

uint32_t bdev_count(const bdev_t *bd) {
    return bd && bd->count ? bd->count(bd->ctx) : 0;
}

uint32_t bdev_block_size(const bdev_t *bd) {
    return bd && bd->size ? bd->size(bd->ctx) : BDEV_BLOCK_SIZE;
}

int bdev_status(const bdev_t *bd) {
    if (!bd)
        return -EIO;
    return bd->status ? bd->status(bd->ctx) : 0;
}

void bdev_close(bdev_t *bd) {
    if (bd && bd->close)
        bd->close(bd->ctx);
    if (bd)
        memset(bd, 0, sizeof *bd);
}

/* ---- image file ---- */

typedef struct bdev_file {
    int fd;
    uint32_t nblocks;
} bdev_file_t;

static int bdev_file_read(void *ctx, uint32_t lba, uint32_t n, uint8_t *buf) {
    bdev_file_t *f = ctx;
    size_t len = (size_t)n * BDEV_BLOCK_SIZE, done = 0;
    uint64_t off = (uint64_t)lba * BDEV_BLOCK_SIZE;
    while (done < len) {
        ssize_t r = host_file_pread(f->fd, buf + done, len - done, off + done);
        if (r == -EINTR)
            continue;
        if (r < 0)
            return -EIO;
        if (r == 0) { /* short file: the rest reads as zeros */
            memset(buf + done, 0, len - done);
            break;
        }
        done += (size_t)r;
    }
    return 0;
}

static int bdev_file_write(void *ctx, uint32_t lba, uint32_t n, const uint8_t *buf) {
    bdev_file_t *f = ctx;
    size_t len = (size_t)n * BDEV_BLOCK_SIZE, done = 0;
    uint64_t off = (uint64_t)lba * BDEV_BLOCK_SIZE;
    while (done < len) {
        ssize_t r = host_file_pwrite(f->fd, buf + done, len - done, off + done);
        if (r == -EINTR)
            continue;
        if (r < 0)
            return r == -ENOSPC ? -ENOSPC : -EIO;
        done += (size_t)r;
    }
    return 0;
}

static int bdev_file_sync(void *ctx) {
    bdev_file_t *f = ctx;
    return host_file_sync(f->fd, true) == 0 ? 0 : -EIO;
}

static uint32_t bdev_file_count(void *ctx) {
    return ((bdev_file_t *)ctx)->nblocks;
}
static uint32_t bdev_size_512(void *ctx) {
    return BDEV_BLOCK_SIZE;
}

static void bdev_file_close(void *ctx) {
    bdev_file_t *f = ctx;
    host_file_close(f->fd);
    free(f);
}

int bdev_file_open(bdev_t *bd, const char *path, bool readonly, bool create, uint32_t nblocks) {
    memset(bd, 0, sizeof *bd);
    int fd = host_file_open(path, readonly ? HOST_O_READ : HOST_O_READ | HOST_O_WRITE);
    if (fd == -ENOENT && create && !readonly) {
        fd = host_file_open(path, HOST_O_READ | HOST_O_WRITE | HOST_O_CREAT | HOST_O_EXCL);
        if (fd >= 0 && host_file_truncate(fd, (uint64_t)nblocks * BDEV_BLOCK_SIZE) != 0) {
            host_file_close(fd);
            host_remove(path);
            return -EIO;
        }
    }
    if (fd < 0)
        return fd;
    int64_t size = host_file_size(fd);
    if (size < 0) {
        host_file_close(fd);
        return -ENODEV;
    }
    bdev_file_t *f = malloc(sizeof *f);
    if (!f) {
        host_file_close(fd);
        return -ENOMEM;
    }
    f->fd = fd;
    uint64_t blocks = (uint64_t)size / BDEV_BLOCK_SIZE;
    f->nblocks = blocks > UINT32_MAX ? UINT32_MAX : (uint32_t)blocks;
    bd->ctx = f;
    bd->read = bdev_file_read;
    bd->write = readonly ? NULL : bdev_file_write;
    bd->sync = bdev_file_sync;
    bd->count = bdev_file_count;
    bd->size = bdev_size_512;
    bd->close = bdev_file_close;
    return 0;
}

/* ---- RAM ---- */

typedef struct bdev_mem {
    uint8_t *buf;
    uint32_t nblocks;
} bdev_mem_t;

static int bdev_mem_read(void *ctx, uint32_t lba, uint32_t n, uint8_t *buf) {
    bdev_mem_t *m = ctx;
    memcpy(buf, m->buf + (size_t)lba * BDEV_BLOCK_SIZE, (size_t)n * BDEV_BLOCK_SIZE);
    return 0;
}

static int bdev_mem_write(void *ctx, uint32_t lba, uint32_t n, const uint8_t *buf) {
    bdev_mem_t *m = ctx;
    memcpy(m->buf + (size_t)lba * BDEV_BLOCK_SIZE, buf, (size_t)n * BDEV_BLOCK_SIZE);
    return 0;
}

static uint32_t bdev_mem_count(void *ctx) {
    return ((bdev_mem_t *)ctx)->nblocks;
}
static void bdev_mem_close(void *ctx) {
    free(ctx);
}

int bdev_mem_init(bdev_t *bd, uint8_t *buf, uint32_t nblocks) {
    memset(bd, 0, sizeof *bd);
    bdev_mem_t *m = malloc(sizeof *m);
    if (!m)
        return -ENOMEM;
    m->buf = buf;
    m->nblocks = nblocks;
    bd->ctx = m;
    bd->read = bdev_mem_read;
    bd->write = bdev_mem_write;
    bd->count = bdev_mem_count;
    bd->size = bdev_size_512;
    bd->close = bdev_mem_close;
    return 0;
}

/* ---- Python-object style ---- */

static int bdev_obj_read(void *ctx, uint32_t lba, uint32_t n, uint8_t *buf) {
    bdev_obj_t *o = ctx;
    int r = o->ops->readblocks(o->obj, lba, buf, (size_t)n * BDEV_BLOCK_SIZE);
    return r < 0 ? r : 0;
}

static int bdev_obj_write(void *ctx, uint32_t lba, uint32_t n, const uint8_t *buf) {
    bdev_obj_t *o = ctx;
    if (!o->ops->writeblocks)
        return -EROFS;
    int r = o->ops->writeblocks(o->obj, lba, buf, (size_t)n * BDEV_BLOCK_SIZE);
    return r < 0 ? r : 0;
}

static int bdev_obj_sync(void *ctx) {
    bdev_obj_t *o = ctx;
    if (!o->ops->ioctl)
        return 0;
    long r = o->ops->ioctl(o->obj, BDEV_IOCTL_SYNC, 0);
    return r < 0 ? (int)r : 0;
}

static uint32_t bdev_obj_count(void *ctx) {
    bdev_obj_t *o = ctx;
    long r = o->ops->ioctl ? o->ops->ioctl(o->obj, BDEV_IOCTL_COUNT, 0) : 0;
    return r > 0 ? (uint32_t)r : 0;
}

static uint32_t bdev_obj_size(void *ctx) {
    bdev_obj_t *o = ctx;
    long r = o->ops->ioctl ? o->ops->ioctl(o->obj, BDEV_IOCTL_SIZE, 0) : 0;
    return r > 0 ? (uint32_t)r : BDEV_BLOCK_SIZE; /* MicroPython: no answer means 512 */
}

void bdev_obj_init(bdev_t *bd, bdev_obj_t *holder, const bdev_obj_ops_t *ops, void *obj) {
    memset(bd, 0, sizeof *bd);
    holder->ops = ops;
    holder->obj = obj;
    bd->ctx = holder;
    bd->read = bdev_obj_read;
    bd->write = ops->writeblocks ? bdev_obj_write : NULL;
    bd->sync = bdev_obj_sync;
    bd->count = bdev_obj_count;
    bd->size = bdev_obj_size;
}

bool bdev_is_obj(const bdev_t *bd) {
    return bd->read == bdev_obj_read;
}
