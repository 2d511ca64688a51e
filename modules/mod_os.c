/* modules/mod_os.c: the os module (spec §8; also `uos`): names, directories, stat/statvfs, the mount
 * table (os.mount of any object with readblocks/writeblocks/ioctl, unmount, mkfs), uname, urandom,
 * dupterm. Every path goes through modules/fs_route.c to the VFS or (script mode) the host.
 * Invariant: a mounted Python device's bdev_t lives in static memory (os_devs) and its object in
 * the root list rt_state.module_state[OS_STATE_DEVS]; a device call that raises is -EIO. A
 * machine.SD is mounted through its own block device (modules/machine_sd.h), not Python calls. */
#include "modules/mod_os.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/gc.h"
#include "core/import.h"
#include "core/nlr.h"
#include "core/port.h"
#include "core/obj_str.h"
#include "core/runtime.h"
#include "host/host_fs.h"
#include "modules/calendar.h"
#include "modules/fs_route.h"
#include "modules/machine_sd.h"
#include "modules/mod_vfs.h"
#include "modules/mod_io_file.h"
#include "modules/namedtuple.h"
#include "storage/vfs.h"

#define OS_EPOCH_2000 946684800LL /* seconds from 1970-01-01 to 2000-01-01 */
#define OS_S_IFDIR 0x4000
#define OS_S_IFREG 0x8000

obj_t (*os_dupterm_handler)(size_t n_args, const obj_t *args);

const char *os_release(void) {
    return port_version;
}

/* ---- arguments and errors ---- */

static const char *os_path_arg(obj_t o) {
    if (!obj_is_str(o)) {
        raise_fmt(&type_TypeError, "can't convert '%s' object to str implicitly", rt_type_name(o));
    }
    return str_cstr(o);
}

static void os_check(int r) {
    if (r < 0) {
        raise_os_error(-r);
    }
}

/* A path for the VFS: "" names nothing (vfs_normalize would take it as the cwd). */
static const char *os_vfs_path(const char *p) {
    if (p[0] == '\0') {
        raise_os_error(ENOENT);
    }
    return p;
}

/* ---- Python block devices ---- */

typedef struct {
    obj_t dev;  /* the Python object (also in the root list while mounted) */
    const bdev_t *native; /* the object's own block device (machine.SD), else NULL: Python calls */
    long count; /* cached ioctl(4), 0: not asked yet */
    bool live;  /* calls reach Python only while true */
    bool used;  /* os_devs: slot mounted */
    char point[VFS_NAME_MAX + 2];
    bdev_t bd;
    bdev_obj_t holder;
} os_dev_t;

static os_dev_t os_devs[VFS_MAX_MOUNTS];

/* dev.meth(a, b) (b == OBJ_NULL: one argument), catching every exception; false if it raised. */
static bool os_dev_call(os_dev_t *d, qstr meth, obj_t a, obj_t b, obj_t *result) {
    if (!d->live) {
        return false;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t dest[4];
        rt_load_method(d->dev, meth, dest);
        dest[2] = a;
        dest[3] = b;
        *result = rt_call_method(b == OBJ_NULL ? 1 : 2, 0, dest);
        nlr_pop();
        return true;
    }
    return false;
}

/* A method's result as an error: None or a non-negative int is success. */
static int os_dev_status(obj_t r) {
    int_t v;
    if (r == OBJ_NONE || !obj_get_int_maybe(r, &v) || v >= 0) {
        return 0;
    }
    return -EIO;
}

static int os_dev_readblocks(void *obj, uint32_t lba, uint8_t *buf, size_t len) {
    os_dev_t *d = obj;
    obj_t ba = OBJ_NULL;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        ba = bytearray_new((const char *)buf, len); /* contents irrelevant: the device fills it */
        nlr_pop();
    } else {
        return -EIO;
    }
    obj_t r;
    if (!os_dev_call(d, QSTR_readblocks, int_from_uint(lba), ba, &r)) {
        return -EIO;
    }
    buffer_info_t bi;
    if (!rt_get_buffer(ba, &bi, BUFFER_READ) || bi.len != len) {
        return -EIO;
    }
    memcpy(buf, bi.buf, len);
    return os_dev_status(r);
}

static int os_dev_writeblocks(void *obj, uint32_t lba, const uint8_t *buf, size_t len) {
    os_dev_t *d = obj;
    obj_t ba = OBJ_NULL;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        ba = bytearray_new((const char *)buf, len);
        nlr_pop();
    } else {
        return -EIO;
    }
    obj_t r;
    if (!os_dev_call(d, QSTR_writeblocks, int_from_uint(lba), ba, &r)) {
        return -EIO;
    }
    return os_dev_status(r);
}

static long os_dev_ioctl(void *obj, int op, long arg) {
    os_dev_t *d = obj;
    if (op == BDEV_IOCTL_COUNT && d->count > 0) {
        return d->count;
    }
    obj_t r;
    if (!os_dev_call(d, QSTR_ioctl, small_int_new(op), small_int_new(arg), &r)) {
        return -EIO;
    }
    int_t v;
    if (r == OBJ_NONE || !obj_get_int_maybe(r, &v)) {
        return op == BDEV_IOCTL_SYNC ? 0 : -EINVAL;
    }
    if (op == BDEV_IOCTL_COUNT && v > 0) {
        d->count = (long)v;
    }
    return (long)v;
}

static const bdev_obj_ops_t os_dev_ops = {os_dev_readblocks, os_dev_writeblocks, os_dev_ioctl};

/* A mounted device's block device. */
static const bdev_t *os_dev_bdev(os_dev_t *d) {
    return d->native != NULL ? d->native : &d->bd;
}

static void os_dev_bind(os_dev_t *d, obj_t dev) {
    dev = vfs_fat_device(dev); /* vfs.VfsFat(dev) stands for dev */
    d->native = machine_sd_bdev(dev);
    d->dev = dev;
    if (d->native != NULL) {
        return;
    }
    rt_load_attr(dev, QSTR_readblocks); /* AttributeError now rather than EIO later */
    rt_load_attr(dev, QSTR_writeblocks);
    rt_load_attr(dev, QSTR_ioctl);
    d->count = 0;
    d->live = true;
    bdev_obj_init(&d->bd, &d->holder, &os_dev_ops, d);
}

static obj_t os_dev_roots(void) {
    obj_t l = rt_state.module_state[OS_STATE_DEVS];
    if (l == OBJ_NULL) {
        obj_t items[VFS_MAX_MOUNTS];
        for (size_t i = 0; i < VFS_MAX_MOUNTS; i++) {
            items[i] = OBJ_NONE;
        }
        l = list_new(VFS_MAX_MOUNTS, items);
        rt_state.module_state[OS_STATE_DEVS] = l;
    }
    return l;
}

static void os_dev_release(size_t i) {
    os_devs[i].used = false;
    os_devs[i].live = false;
    os_devs[i].dev = OBJ_NULL;
    obj_t l = rt_state.module_state[OS_STATE_DEVS];
    if (l != OBJ_NULL) {
        ((list_obj_t *)OBJ_TO_PTR(l))->items[i] = OBJ_NONE;
    }
}

void os_deinit(void) {
    io_file_close_all_vfs();
    for (size_t i = 0; i < VFS_MAX_MOUNTS; i++) {
        if (os_devs[i].used) {
            vfs_umount(os_devs[i].point);
            os_dev_release(i);
        }
    }
    fs_route_set_cwd_in_vfs(false);
}

__attribute__((constructor)) static void os_install(void) {
    rt_deinit_hook = os_deinit;
}

/* ---- stat ---- */

static int64_t os_fat_seconds(const fat_time_t *t) {
    if (t->year == 0) {
        return 0;
    }
    return cal_days_from_civil(t->year, t->month, t->day) * 86400 + t->hour * 3600 + t->min * 60 + t->sec;
}

static obj_t os_stat_tuple(bool is_dir, uint64_t size, int64_t atime, int64_t mtime, int64_t ctime, uint64_t ino) {
    obj_t items[10] = {small_int_new(is_dir ? OS_S_IFDIR : OS_S_IFREG), int_from_ull(ino), small_int_new(0),
        small_int_new(0), small_int_new(0), small_int_new(0), int_from_ull(size), int_from_ll(atime),
        int_from_ll(mtime), int_from_ll(ctime)};
    return tuple_new(10, items);
}

static obj_t os_stat(size_t n_args, size_t n_kw, const obj_t *args) {
    const char *p = os_path_arg(args[0]);
    if (fs_route(p) == FS_VFS) {
        vfs_stat_t st;
        os_check(vfs_stat(os_vfs_path(p), &st));
        int64_t m = os_fat_seconds(&st.mtime);
        return os_stat_tuple(st.is_dir, st.is_dir ? 0 : st.size, m, m, m, 0);
    }
    host_stat_t st;
    os_check(p[0] == '\0' ? -ENOENT : host_stat(p, &st));
    return os_stat_tuple(
        st.is_dir, st.size, st.atime - OS_EPOCH_2000, st.mtime - OS_EPOCH_2000, st.ctime - OS_EPOCH_2000, st.ino);
}
static DEFINE_FUN(os_stat_obj, stat, 1, 1, os_stat);

static obj_t os_statvfs(size_t n_args, size_t n_kw, const obj_t *args) {
    const char *p = os_path_arg(args[0]);
    obj_t items[10];
    if (fs_route(p) == FS_VFS) {
        vfs_statvfs_t st;
        os_check(vfs_statvfs(os_vfs_path(p), &st));
        uint32_t v[10] = {
            st.bsize, st.frsize, st.blocks, st.bfree, st.bavail, st.files, st.ffree, st.favail, st.flag, st.namemax};
        for (int i = 0; i < 10; i++) {
            items[i] = int_from_ull(v[i]);
        }
    } else {
        host_statvfs_t st;
        os_check(p[0] == '\0' ? -ENOENT : host_statvfs(p, &st));
        uint64_t v[10] = {
            st.bsize, st.frsize, st.blocks, st.bfree, st.bavail, st.files, st.ffree, st.favail, st.flag, st.namemax};
        for (int i = 0; i < 10; i++) {
            items[i] = int_from_ull(v[i]);
        }
    }
    return tuple_new(10, items);
}
static DEFINE_FUN(os_statvfs_obj, statvfs, 1, 1, os_statvfs);

/* ---- directories ---- */

typedef struct {
    obj_t list;
    bool full; /* ilistdir tuples rather than names */
} os_list_t;

static void os_list_add(os_list_t *l, const char *name, bool is_dir, uint64_t size, uint64_t ino) {
    obj_t n = str_new(name, strlen(name));
    if (!l->full) {
        list_append(l->list, n);
        return;
    }
    obj_t items[4] = {
        n, small_int_new(is_dir ? OS_S_IFDIR : OS_S_IFREG), int_from_ull(ino), int_from_ull(is_dir ? 0 : size)};
    list_append(l->list, tuple_new(4, items));
}

static bool os_list_host_entry(void *ctx, const char *name, const host_stat_t *st) {
    os_list_add(ctx, name, st->is_dir, st->size, st->ino);
    return true;
}

static obj_t os_list(size_t n_args, const obj_t *args, bool full) {
    const char *p = n_args > 0 ? os_path_arg(args[0]) : NULL;
    os_list_t l = {list_new(0, NULL), full};
    if (p == NULL ? fs_route_cwd_in_vfs() : fs_route(p) == FS_VFS) {
        vfs_dir_t d;
        os_check(vfs_opendir(&d, p == NULL ? "." : os_vfs_path(p)));
        vfs_dirent_t e;
        int r;
        /* the listing is built while the directory is open: a MemoryError must close it first */
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            while ((r = vfs_readdir(&d, &e)) > 0) {
                os_list_add(&l, e.name, e.st.is_dir, e.st.size, 0);
            }
            nlr_pop();
        } else {
            vfs_closedir(&d);
            nlr_jump(nlr.value);
        }
        vfs_closedir(&d);
        /* A read error while listing ends the listing, as MicroPython's ilistdir does (the cc3200
         * os.py test lists an SD volume after SD.deinit()); a medium that is gone (a removed
         * card) is still OSError(EIO). */
        if (r == -EIO && vfs_medium_status(p == NULL ? "." : p) == 0) {
            r = 0;
        }
        os_check(r);
        return l.list;
    }
    if (p != NULL && p[0] == '\0') {
        raise_os_error(ENOENT);
    }
    os_check(host_listdir(p == NULL ? "." : p, os_list_host_entry, &l));
    return l.list;
}

static obj_t os_listdir(size_t n_args, size_t n_kw, const obj_t *args) {
    return os_list(n_args, args, false);
}
static DEFINE_FUN(os_listdir_obj, listdir, 0, 1, os_listdir);

static obj_t os_ilistdir(size_t n_args, size_t n_kw, const obj_t *args) {
    return rt_getiter(os_list(n_args, args, true));
}
static DEFINE_FUN(os_ilistdir_obj, ilistdir, 0, 1, os_ilistdir);

/* A VFS operation refused with EBUSY because a file is still open may be waiting only for the
 * collector to finalise a file object nobody references (open(p, 'w').write(s)): collect, retry. */
static bool os_busy_retry(int r) {
    if (r != -EBUSY || io_file_vfs_open_count() == 0) {
        return false;
    }
    gc_collect();
    return true;
}

/* One path, one operation: the VFS's or the host's. */
static obj_t os_path_op(obj_t arg, int (*vfs_op)(const char *), int (*host_op)(const char *)) {
    const char *p = os_path_arg(arg);
    if (p[0] == '\0') {
        raise_os_error(ENOENT);
    }
    if (fs_route(p) == FS_VFS) {
        int r = vfs_op(p);
        if (os_busy_retry(r)) {
            r = vfs_op(p);
        }
        os_check(r);
    } else {
        os_check(host_op(p));
    }
    return OBJ_NONE;
}

static obj_t os_mkdir(size_t n_args, size_t n_kw, const obj_t *args) {
    return os_path_op(args[0], vfs_mkdir, host_mkdir);
}
static DEFINE_FUN(os_mkdir_obj, mkdir, 1, 2, os_mkdir);

static obj_t os_rmdir(size_t n_args, size_t n_kw, const obj_t *args) {
    return os_path_op(args[0], vfs_rmdir, host_rmdir);
}
static DEFINE_FUN(os_rmdir_obj, rmdir, 1, 1, os_rmdir);

static obj_t os_remove(size_t n_args, size_t n_kw, const obj_t *args) {
    return os_path_op(args[0], vfs_remove, host_remove);
}
static DEFINE_FUN(os_remove_obj, remove, 1, 1, os_remove);
static DEFINE_FUN(os_unlink_obj, unlink, 1, 1, os_remove);

static obj_t os_rename(size_t n_args, size_t n_kw, const obj_t *args) {
    const char *a = os_path_arg(args[0]), *b = os_path_arg(args[1]);
    if (a[0] == '\0' || b[0] == '\0') {
        raise_os_error(ENOENT);
    }
    fs_where_t wa = fs_route(a), wb = fs_route(b);
    if (wa != wb) {
        raise_os_error(EXDEV);
    }
    if (wa == FS_VFS) {
        int r = vfs_rename(a, b);
        if (os_busy_retry(r)) {
            r = vfs_rename(a, b);
        }
        os_check(r);
    } else {
        os_check(host_rename(a, b));
    }
    return OBJ_NONE;
}
static DEFINE_FUN(os_rename_obj, rename, 2, 2, os_rename);

static obj_t os_chdir(size_t n_args, size_t n_kw, const obj_t *args) {
    const char *p = os_path_arg(args[0]);
    if (p[0] == '\0') {
        raise_os_error(ENOENT);
    }
    if (fs_route(p) == FS_VFS) {
        os_check(vfs_chdir(p));
        fs_route_set_cwd_in_vfs(true);
    } else {
        os_check(host_chdir(p));
        fs_route_set_cwd_in_vfs(false);
    }
    return OBJ_NONE;
}
static DEFINE_FUN(os_chdir_obj, chdir, 1, 1, os_chdir);

static obj_t os_getcwd(size_t n_args, size_t n_kw, const obj_t *args) {
    char buf[4096];
    os_check(fs_route_cwd_in_vfs() ? vfs_getcwd(buf, sizeof(buf)) : host_getcwd(buf, sizeof(buf)));
    return str_new(buf, strlen(buf));
}
static DEFINE_FUN(os_getcwd_obj, getcwd, 0, 0, os_getcwd);

static obj_t os_sync(size_t n_args, size_t n_kw, const obj_t *args) {
    os_check(vfs_sync());
    return OBJ_NONE;
}
static DEFINE_FUN(os_sync_obj, sync, 0, 0, os_sync);

/* ---- mounts ---- */

/* "/name" of a mount point argument, normalised against "/" (EINVAL if it isn't one component) */
static void os_point(obj_t arg, char *out) {
    const char *p = os_path_arg(arg);
    char abs[VFS_PATH_MAX + 1];
    os_check(vfs_normalize("/", p, abs, sizeof(abs)));
    if (abs[1] == '\0' || strchr(abs + 1, '/') != NULL || strlen(abs) > VFS_NAME_MAX + 1) {
        raise_os_error(EINVAL);
    }
    strcpy(out, abs);
}

/* A device with its own block device (machine.SD) already mounted: EBUSY, before it is bound
 * again to the card in the slot (an old mount must never wake up on a new card). Returns whether
 * the card is write-protected. */
static bool os_native_claim(const bdev_t *native) {
    for (size_t i = 0; i < VFS_MAX_MOUNTS; i++) {
        if (os_devs[i].used && os_devs[i].native == native) {
            raise_os_error(EBUSY);
        }
    }
    return machine_sd_bind();
}

void os_mount_device(obj_t dev, obj_t mount_point, bool readonly) {
    char point[VFS_PATH_MAX + 1];
    os_point(mount_point, point);
    if (vfs_is_mounted(point)) {
        raise_os_error(EPERM);
    }
    size_t slot = 0;
    while (slot < VFS_MAX_MOUNTS && os_devs[slot].used) {
        slot++;
    }
    if (slot == VFS_MAX_MOUNTS) {
        raise_os_error(ENOMEM);
    }
    obj_t roots = os_dev_roots();
    os_dev_t *d = &os_devs[slot];
    os_dev_bind(d, dev);
    if (d->native != NULL && os_native_claim(d->native)) {
        readonly = true; /* the card's write-protect tab */
    }
    ((list_obj_t *)OBJ_TO_PTR(roots))->items[slot] = d->dev;
    strcpy(d->point, point);
    d->used = true;
    int r = vfs_mount(os_dev_bdev(d), point, readonly ? VFS_MOUNT_RO : 0);
    if (r < 0) {
        os_dev_release(slot);
        raise_os_error(-r);
    }
}

/* mount(block_device, mount_point, *, readonly=False) */
static obj_t os_mount(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_block_device, ARG_REQUIRED, OBJ_NULL},
        {QSTR_mount_point, ARG_REQUIRED, OBJ_NULL},
        {QSTR_readonly, ARG_KW_ONLY | ARG_KIND_BOOL, ROM_PTR(&false_obj)},
    };
    arg_val_t a[3];
    arg_parse_all(n_args, args, n_kw, args + n_args, 3, specs, a);
    os_mount_device(a[0].o, a[1].o, a[2].b);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(os_mount_obj, mount, 2, 3, os_mount);

void os_unmount_point(obj_t mount_point) {
    char point[VFS_PATH_MAX + 1];
    os_point(mount_point, point);
    if (strcmp(point, "/flash") == 0) {
        raise_os_error(EPERM);
    }
    if (!vfs_is_mounted(point)) {
        raise_os_error(ENODEV);
    }
    int r = vfs_umount(point);
    if (os_busy_retry(r)) {
        r = vfs_umount(point);
    }
    if (r == -EBUSY) {
        raise_os_error(EBUSY);
    }
    /* any other failure (writing out what was cached) still leaves the volume unmounted */
    for (size_t i = 0; i < VFS_MAX_MOUNTS; i++) {
        if (os_devs[i].used && strcmp(os_devs[i].point, point) == 0) {
            os_dev_release(i);
        }
    }
    os_check(r);
}

static obj_t os_unmount(size_t n_args, size_t n_kw, const obj_t *args) {
    os_unmount_point(args[0]);
    return OBJ_NONE;
}
static DEFINE_FUN(os_unmount_obj, unmount, 1, 1, os_unmount);
static DEFINE_FUN(os_umount_obj, umount, 1, 1, os_unmount);

void os_mkfs_device(obj_t dev) {
    os_dev_t d;
    memset(&d, 0, sizeof(d));
    os_dev_bind(&d, dev);
    if (d.native != NULL) {
        if (os_native_claim(d.native)) {
            raise_os_error(EROFS);
        }
    }
    os_check(vfs_mkfs_bdev(os_dev_bdev(&d), false));
}

/* mkfs('/flash' or '/sd'): reformat the mounted volume; mkfs(device): format a bare device. */
static obj_t os_mkfs(size_t n_args, size_t n_kw, const obj_t *args) {
    if (obj_is_str(args[0])) {
        char point[VFS_PATH_MAX + 1];
        if (str_cstr(args[0])[0] != '/') {
            raise_os_error(EINVAL);
        }
        os_point(args[0], point);
        if (strcmp(point, "/flash") != 0 && strcmp(point, "/sd") != 0) {
            raise_os_error(EINVAL);
        }
        if (!vfs_is_mounted(point)) {
            raise_os_error(ENODEV);
        }
        int r = vfs_mkfs(point);
        if (os_busy_retry(r)) {
            r = vfs_mkfs(point);
        }
        os_check(r);
        return OBJ_NONE;
    }
    os_mkfs_device(args[0]);
    return OBJ_NONE;
}
static DEFINE_FUN(os_mkfs_obj, mkfs, 1, 1, os_mkfs);

/* ---- system ---- */

static obj_t os_str(const char *s) {
    return str_new(s, strlen(s));
}

static obj_t os_uname(size_t n_args, size_t n_kw, const obj_t *args) {
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *date = __DATE__; /* "Mmm dd yyyy" */
    int mon = 1;
    for (int i = 0; i < 12; i++) {
        if (strncmp(months + 3 * i, date, 3) == 0) {
            mon = i + 1;
        }
    }
    int day = (date[4] == ' ' ? 0 : date[4] - '0') * 10 + (date[5] - '0');
    char version[64];
    vstr_t v;
    vstr_init(&v, 48);
    vstr_add_str(&v, os_release());
    vstr_add_str(&v, " on ");
    vstr_add_strn(&v, date + 7, 4);
    snprintf(version, sizeof(version), "-%02d-%02d", mon, day);
    vstr_add_str(&v, version);
    obj_t cls = rt_call2(OBJ_FROM_PTR(&namedtuple_fun_obj), ROM_QSTR(QSTR_uname_result),
        os_str("sysname nodename release version machine"));
    obj_t items[5] = {
        os_str("WiPy"), os_str("WiPy"), os_str(os_release()), str_new_from_vstr(&v), os_str(port_machine)};
    return rt_call(cls, 5, 0, items);
}
static DEFINE_FUN(os_uname_obj, uname, 0, 0, os_uname);

static obj_t os_urandom(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t n = obj_get_int(args[0]);
    if (n < 0) {
        raise_msg(&type_ValueError, "negative count");
    }
    vstr_t v;
    vstr_init(&v, (size_t)n + 1);
    os_check(host_random(v.buf, (size_t)n));
    return bytes_new(v.buf, (size_t)n);
}
static DEFINE_FUN(os_urandom_obj, urandom, 1, 1, os_urandom);

static obj_t os_dupterm(size_t n_args, size_t n_kw, const obj_t *args) {
    if (os_dupterm_handler != NULL) {
        return os_dupterm_handler(n_args, args);
    }
    obj_t prev = rt_state.dupterm != OBJ_NULL ? rt_state.dupterm : OBJ_NONE;
    if (n_args == 0) {
        return prev;
    }
    rt_state.dupterm = args[0] == OBJ_NONE ? OBJ_NULL : args[0];
    return prev;
}
static DEFINE_FUN(os_dupterm_obj, dupterm, 0, 1, os_dupterm);

static const map_elem_t os_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_os)},
    {ROM_QSTR(QSTR_listdir), ROM_PTR(&os_listdir_obj)},
    {ROM_QSTR(QSTR_ilistdir), ROM_PTR(&os_ilistdir_obj)},
    {ROM_QSTR(QSTR_mkdir), ROM_PTR(&os_mkdir_obj)},
    {ROM_QSTR(QSTR_rmdir), ROM_PTR(&os_rmdir_obj)},
    {ROM_QSTR(QSTR_remove), ROM_PTR(&os_remove_obj)},
    {ROM_QSTR(QSTR_unlink), ROM_PTR(&os_unlink_obj)},
    {ROM_QSTR(QSTR_rename), ROM_PTR(&os_rename_obj)},
    {ROM_QSTR(QSTR_chdir), ROM_PTR(&os_chdir_obj)},
    {ROM_QSTR(QSTR_getcwd), ROM_PTR(&os_getcwd_obj)},
    {ROM_QSTR(QSTR_stat), ROM_PTR(&os_stat_obj)},
    {ROM_QSTR(QSTR_statvfs), ROM_PTR(&os_statvfs_obj)},
    {ROM_QSTR(QSTR_sync), ROM_PTR(&os_sync_obj)},
    {ROM_QSTR(QSTR_urandom), ROM_PTR(&os_urandom_obj)},
    {ROM_QSTR(QSTR_uname), ROM_PTR(&os_uname_obj)},
    {ROM_QSTR(QSTR_dupterm), ROM_PTR(&os_dupterm_obj)},
    {ROM_QSTR(QSTR_sep), ROM_QSTR(QSTR__slash_)},
    {ROM_QSTR(QSTR_mount), ROM_PTR(&os_mount_obj)},
    {ROM_QSTR(QSTR_unmount), ROM_PTR(&os_unmount_obj)},
    {ROM_QSTR(QSTR_umount), ROM_PTR(&os_umount_obj)},
    {ROM_QSTR(QSTR_mkfs), ROM_PTR(&os_mkfs_obj)},
};
static DEFINE_CONST_DICT(os_globals, os_globals_table);

const module_obj_t os_module = {{&module_type}, &os_globals};
REGISTER_MODULE(QSTR_os, os_module);
