/* modules/vfs_user_bdev.c: Python block devices under the FAT layer (vfs_user_bdev.h). Each block
 * call gets a memoryview of a fresh bytearray of exactly the blocks asked for, so a device can't
 * change its size (buf[:] = longer data is the device's ValueError); a device that raises, returns
 * a negative status or a wrong-sized count fails the FAT call with -EIO, and what it raised is
 * raised by vfs_bdev_check once the FAT layer is out of the way.
 * Invariant: no Python exception ever unwinds through storage/ code. */
#include "modules/vfs_user_bdev.h"

#include <errno.h>
#include <string.h>

#include "core/nlr.h"
#include "core/obj_str.h"
#include "core/runtime.h"
#include "modules/machine_sd.h"
#include "modules/vfs_fat.h"

static void vfs_bdev_stash(obj_t exc) {
    if (rt_state.module_state[VFS_BDEV_STATE_PENDING] == OBJ_NULL) {
        rt_state.module_state[VFS_BDEV_STATE_PENDING] = exc; /* the first one is the cause */
    }
}

void vfs_bdev_clear(void) {
    rt_state.module_state[VFS_BDEV_STATE_PENDING] = OBJ_NULL;
}

void vfs_bdev_check(int r) {
    obj_t exc = rt_state.module_state[VFS_BDEV_STATE_PENDING];
    if (exc != OBJ_NULL) {
        rt_state.module_state[VFS_BDEV_STATE_PENDING] = OBJ_NULL;
        nlr_jump(exc);
    }
    if (r < 0) {
        raise_os_error(-r);
    }
}

/* dev.meth(args...) catching everything (stashed); false if it raised. */
static bool vfs_bdev_call(vfs_bdev_t *d, qstr meth, size_t n, const obj_t *args, obj_t *result) {
    if (!d->live) {
        return false;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t dest[5];
        rt_load_method(d->dev, meth, dest);
        for (size_t i = 0; i < n; i++) {
            dest[2 + i] = args[i];
        }
        *result = rt_call_method(n, 0, dest);
        nlr_pop();
        return true;
    }
    vfs_bdev_stash(nlr.value);
    return false;
}

/* None or a non-negative int: success. */
static int vfs_bdev_status(obj_t r) {
    int_t v;
    if (r == OBJ_NONE || !obj_get_int_maybe(r, &v) || v >= 0) {
        return 0;
    }
    return -EIO;
}

/* A memoryview over a new bytearray of len bytes holding buf (NULL: zeros). */
static bool vfs_bdev_buffer(const uint8_t *buf, size_t len, obj_t *ba, obj_t *view) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        *ba = bytearray_new((const char *)buf, len);
        *view = rt_call1(OBJ_FROM_PTR(&memoryview_type), *ba);
        nlr_pop();
        return true;
    }
    vfs_bdev_stash(nlr.value);
    return false;
}

/* Calls carry at most this many bytes: each one costs a copy on the heap, which is small. */
#define VFS_BDEV_CHUNK (4 * BDEV_BLOCK_SIZE)

static int vfs_bdev_read_some(void *obj, uint32_t lba, uint8_t *buf, size_t len) {
    vfs_bdev_t *d = obj;
    obj_t ba, view, r;
    if (!vfs_bdev_buffer(buf, len, &ba, &view)) {
        return -EIO;
    }
    obj_t args[2] = {int_from_uint(lba), view};
    if (!vfs_bdev_call(d, QSTR_readblocks, 2, args, &r)) {
        return -EIO;
    }
    buffer_info_t bi;
    if (!rt_get_buffer(ba, &bi, BUFFER_READ) || bi.len != len) {
        return -EIO;
    }
    memcpy(buf, bi.buf, len);
    return vfs_bdev_status(r);
}

static int vfs_bdev_write_some(void *obj, uint32_t lba, const uint8_t *buf, size_t len) {
    vfs_bdev_t *d = obj;
    obj_t ba, view, r;
    if (!vfs_bdev_buffer(buf, len, &ba, &view)) {
        return -EIO;
    }
    obj_t args[2] = {int_from_uint(lba), view};
    if (!vfs_bdev_call(d, QSTR_writeblocks, 2, args, &r)) {
        return -EIO;
    }
    return vfs_bdev_status(r);
}

static int vfs_bdev_readblocks(void *obj, uint32_t lba, uint8_t *buf, size_t len) {
    for (size_t done = 0; done < len; done += VFS_BDEV_CHUNK) {
        size_t n = len - done < VFS_BDEV_CHUNK ? len - done : VFS_BDEV_CHUNK;
        int r = vfs_bdev_read_some(obj, lba + (uint32_t)(done / BDEV_BLOCK_SIZE), buf + done, n);
        if (r < 0) {
            return r;
        }
    }
    return 0;
}

static int vfs_bdev_writeblocks(void *obj, uint32_t lba, const uint8_t *buf, size_t len) {
    for (size_t done = 0; done < len; done += VFS_BDEV_CHUNK) {
        size_t n = len - done < VFS_BDEV_CHUNK ? len - done : VFS_BDEV_CHUNK;
        int r = vfs_bdev_write_some(obj, lba + (uint32_t)(done / BDEV_BLOCK_SIZE), buf + done, n);
        if (r < 0) {
            return r;
        }
    }
    return 0;
}

static long vfs_bdev_ioctl(void *obj, int op, long arg) {
    vfs_bdev_t *d = obj;
    if (op == BDEV_IOCTL_COUNT && d->count > 0) {
        return d->count;
    }
    obj_t r;
    if (d->oldproto) {
        /* the old protocol: sync() and count(); the block size is always 512 */
        if (op == BDEV_IOCTL_SIZE) {
            return BDEV_BLOCK_SIZE;
        }
        qstr meth = op == BDEV_IOCTL_COUNT ? QSTR_count : QSTR_sync;
        obj_t dest[2];
        rt_load_method_maybe(d->dev, meth, dest);
        if (op == BDEV_IOCTL_SYNC && dest[0] == OBJ_NULL) {
            return 0;
        }
        if (!vfs_bdev_call(d, meth, 0, NULL, &r)) {
            return -EIO;
        }
    } else {
        obj_t args[2] = {small_int_new(op), small_int_new(arg)};
        if (!vfs_bdev_call(d, QSTR_ioctl, 2, args, &r)) {
            return -EIO;
        }
    }
    int_t v;
    if (r == OBJ_NONE || !obj_get_int_maybe(r, &v)) {
        return op == BDEV_IOCTL_SYNC ? 0 : -EINVAL;
    }
    if (op == BDEV_IOCTL_COUNT && v > 0) {
        d->count = v > 0x7fffffff ? 0x7fffffff : (long)v;
        return d->count;
    }
    return (long)v;
}

static const bdev_obj_ops_t vfs_bdev_ops = {vfs_bdev_readblocks, vfs_bdev_writeblocks, vfs_bdev_ioctl};
static const bdev_obj_ops_t vfs_bdev_ops_ro = {vfs_bdev_readblocks, NULL, vfs_bdev_ioctl};

void vfs_bdev_bind(vfs_bdev_t *d, obj_t dev) {
    dev = vfs_fat_device(dev); /* vfs.VfsFat(dev) stands for dev */
    memset(d, 0, sizeof(*d));
    d->dev = dev;
    d->native = machine_sd_bdev(dev);
    if (d->native != NULL) {
        return;
    }
    rt_load_attr(dev, QSTR_readblocks); /* AttributeError now rather than EIO later */
    obj_t dest[2];
    rt_load_method_maybe(dev, QSTR_ioctl, dest);
    if (dest[0] == OBJ_NULL) {
        rt_load_attr(dev, QSTR_count); /* the old protocol needs count() */
        d->oldproto = true;
    }
    rt_load_method_maybe(dev, QSTR_writeblocks, dest);
    d->readonly = dest[0] == OBJ_NULL;
    d->live = true;
    bdev_obj_init(&d->bd, &d->holder, d->readonly ? &vfs_bdev_ops_ro : &vfs_bdev_ops, d);
}

const bdev_t *vfs_bdev_get(vfs_bdev_t *d) {
    return d->native != NULL ? d->native : &d->bd;
}

void vfs_bdev_unbind(vfs_bdev_t *d) {
    d->live = false;
    d->dev = OBJ_NULL;
}
