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
#include "modules/mod_io_file.h"
#include "modules/mod_vfs.h"
#include "modules/namedtuple.h"
#include "modules/vfs_fat.h"
#include "modules/vfs_user_bdev.h"
#include "modules/vfs_user_fs.h"
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
    io_file_run_deferred(); /* every os call starts with a path: files the collector left to close */
    vfs_bdev_clear();
    return str_cstr(o);
}

/* r < 0 is an OSError, unless a Python block device raised during the call: that, then */
static void os_check(int r) {
    vfs_bdev_check(r);
}

/* A path for the VFS: "" names nothing (vfs_normalize would take it as the cwd). */
static const char *os_vfs_path(const char *p) {
    if (p[0] == '\0') {
        raise_os_error(ENOENT);
    }
    return p;
}

/* ---- mounted devices ---- */

/* A mount made by os.mount / vfs.mount: a device whose volume the table owns, or a vfs.VfsFat
 * whose own volume it borrows (vol != NULL). */
typedef struct {
    vfs_bdev_t b;
    fat_vol_t *vol; /* a VfsFat's volume, else NULL */
    bool used;      /* slot mounted */
    uint32_t seq;   /* mount order (os_mount_seq) */
    char point[VFS_NAME_MAX + 2];
} os_dev_t;

static os_dev_t os_devs[VFS_MAX_MOUNTS];
static uint32_t os_seq;

uint32_t os_mount_seq(void) {
    return ++os_seq;
}

static obj_t *os_dev_roots(void) { return rt_module_state_slots(OS_STATE_DEVS, VFS_MAX_MOUNTS); }

static void os_dev_release(size_t i) {
    os_devs[i].used = false;
    os_devs[i].vol = NULL;
    vfs_bdev_unbind(&os_devs[i].b);
    obj_t l = rt_state.module_state[OS_STATE_DEVS];
    if (l != OBJ_NULL) {
        ((list_obj_t *)OBJ_TO_PTR(l))->items[i] = OBJ_NONE;
    }
}

void os_deinit(void) {
    io_file_close_all_vfs();
    vfs_user_reset();
    for (size_t i = 0; i < VFS_MAX_MOUNTS; i++) {
        if (os_devs[i].used) {
            vfs_umount(os_devs[i].point);
            os_dev_release(i);
        }
    }
    vfs_fat_deinit_all(); /* after the table let go of their volumes */
    vfs_bdev_clear();
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

/* Whether a VFS path names the root "/" itself. */
static bool os_is_vfs_root(const char *p) {
    char abs[VFS_PATH_MAX + 1];
    char cwd[VFS_PATH_MAX + 1];
    if (vfs_getcwd(cwd, sizeof(cwd)) != 0 || vfs_normalize(cwd, p, abs, sizeof(abs)) != 0) {
        return false;
    }
    return strcmp(abs, "/") == 0;
}

obj_t os_fat_stat_tuple(const struct fat_stat *st) {
    int64_t m = os_fat_seconds(&st->mtime);
    return os_stat_tuple(st->is_dir, st->is_dir ? 0 : st->size, m, m, m, 0);
}

/* "" names the current directory when that is the VFS's root (MicroPython's lookup of "" there) */
static bool os_empty_is_root(const char *p) {
    return p[0] == '\0' && !vfs_user_cwd_active() && fs_route_cwd_in_vfs() && os_is_vfs_root(".");
}

static obj_t os_stat(size_t n_args, size_t n_kw, const obj_t *args) {
    const char *p = os_path_arg(args[0]);
    if (os_empty_is_root(p)) {
        p = "/";
    }
    fs_where_t w = fs_route(p);
    if (w == FS_USER) {
        return vfs_user_call(p, QSTR_stat, 0, NULL);
    }
    if (w == FS_VFS) {
        vfs_stat_t st;
        os_check(vfs_stat(os_vfs_path(p), &st));
        return os_fat_stat_tuple(&st);
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
    fs_where_t w = fs_route(p);
    if (w == FS_VFS && vfs_user_has_root() && vfs_medium_status(p) == 0 && os_is_vfs_root(p)) {
        return vfs_user_root_call(QSTR_statvfs); /* the root's file system answers */
    }
    if (w == FS_USER) {
        return vfs_user_call(p, QSTR_statvfs, 0, NULL);
    }
    if (w == FS_VFS) {
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
    fs_where_t w = fs_route(p == NULL ? "" : p);
    if (p == NULL && vfs_user_cwd_active()) {
        w = FS_USER;
    } else if (p == NULL) {
        w = fs_route_cwd_in_vfs() ? FS_VFS : FS_HOST;
    }
    if (w == FS_USER) {
        obj_t it = rt_getiter(vfs_user_call(p == NULL ? "" : p, QSTR_ilistdir, 0, NULL));
        for (obj_t x; (x = rt_iternext(it)) != OBJ_NULL;) {
            list_append(l.list, full ? x : rt_subscr_load(x, small_int_new(0)));
        }
        return l.list;
    }
    if (w == FS_VFS && os_is_vfs_root(p == NULL ? "." : p)) {
        /* the root: the mount points as (name, S_IFDIR, 0), then a root file system's listing */
        vfs_dir_t d;
        os_check(vfs_opendir(&d, "/"));
        vfs_dirent_t e;
        while (vfs_readdir(&d, &e) > 0) {
            obj_t n = str_new(e.name, strlen(e.name));
            if (full) {
                obj_t items[3] = {n, small_int_new(OS_S_IFDIR), small_int_new(0)};
                n = tuple_new(3, items);
            }
            list_append(l.list, n);
        }
        vfs_closedir(&d);
        vfs_user_list_root(l.list, full, false);
        return l.list;
    }
    if (w == FS_VFS) {
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
    if (r != -EBUSY) {
        return false;
    }
    if (io_file_vfs_open_count() > 0) {
        gc_collect();
    }
    io_file_run_deferred();
    return true;
}

/* One path, one operation: the VFS's, a Python file system's (method meth) or the host's. */
static obj_t os_path_op(obj_t arg, int (*vfs_op)(const char *), int (*host_op)(const char *), qstr meth) {
    const char *p = os_path_arg(arg);
    if (p[0] == '\0') {
        raise_os_error(ENOENT);
    }
    fs_where_t w = fs_route(p);
    if (w == FS_USER) {
        return vfs_user_call(p, meth, 0, NULL);
    }
    if (w == FS_VFS) {
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
    const char *p = os_path_arg(args[0]);
    if (os_empty_is_root(p) || (p[0] != '\0' && fs_route(p) == FS_USER && vfs_user_is_point(p))) {
        raise_os_error(EEXIST); /* the root, a mount point */
    }
    return os_path_op(args[0], vfs_mkdir, host_mkdir, QSTR_mkdir);
}
static DEFINE_FUN(os_mkdir_obj, mkdir, 1, 2, os_mkdir);

static obj_t os_rmdir(size_t n_args, size_t n_kw, const obj_t *args) {
    return os_path_op(args[0], vfs_rmdir, host_rmdir, QSTR_rmdir);
}
static DEFINE_FUN(os_rmdir_obj, rmdir, 1, 1, os_rmdir);

static obj_t os_remove(size_t n_args, size_t n_kw, const obj_t *args) {
    return os_path_op(args[0], vfs_remove, host_remove, QSTR_remove);
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
    if (wa == FS_USER) {
        vfs_user_rename(a, b);
        return OBJ_NONE;
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
    fs_where_t w = fs_route(p);
    if (w == FS_USER) {
        vfs_user_chdir(p);
        fs_route_set_cwd_in_vfs(true);
    } else if (w == FS_VFS) {
        if (vfs_user_cwd_active() && p[0] != '/') {
            raise_os_error(ENOENT); /* relative to a user mount but not served by it */
        }
        os_check(vfs_chdir(p));
        vfs_user_cwd_leave();
        fs_route_set_cwd_in_vfs(true);
        if (vfs_user_has_root() && os_is_vfs_root(".")) {
            vfs_user_root_call(QSTR_chdir); /* a root file system starts over at its "/" */
        }
    } else {
        vfs_user_cwd_leave();
        os_check(host_chdir(p));
        fs_route_set_cwd_in_vfs(false);
    }
    return OBJ_NONE;
}
static DEFINE_FUN(os_chdir_obj, chdir, 1, 1, os_chdir);

static obj_t os_getcwd(size_t n_args, size_t n_kw, const obj_t *args) {
    io_file_run_deferred();
    if (vfs_user_cwd_active()) {
        return vfs_user_getcwd();
    }
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
        if (os_devs[i].used && os_devs[i].b.native == native) {
            raise_os_error(EBUSY);
        }
    }
    return machine_sd_bind();
}

void os_mount_device(obj_t dev, obj_t mount_point, bool readonly, bool mkfs) {
    char point[VFS_PATH_MAX + 1];
    os_point(mount_point, point);
    if (strcmp(point, "/flash") == 0 || vfs_is_mounted(point) || vfs_user_under(point)) {
        raise_os_error(EPERM);
    }
    size_t slot = 0;
    while (slot < VFS_MAX_MOUNTS && os_devs[slot].used) {
        slot++;
    }
    if (slot == VFS_MAX_MOUNTS) {
        raise_os_error(ENOMEM);
    }
    obj_t *roots = os_dev_roots();
    os_dev_t *d = &os_devs[slot];
    fat_vol_t *vol = vfs_fat_volume(dev);
    if (vol != NULL) {
        /* a vfs.VfsFat: its own volume goes into the table (the object stays its owner) */
        vfs_fat_prepare_mount(dev, readonly, mkfs);
        memset(&d->b, 0, sizeof(d->b));
        d->b.dev = dev;
        d->vol = vol;
        roots[slot] = dev;
        strcpy(d->point, point);
        d->used = true;
        int r = vfs_mount_vol(vol, point, readonly ? VFS_MOUNT_RO : 0);
        if (r < 0) {
            os_dev_release(slot);
            os_check(r);
        }
        return;
    }
    vfs_bdev_bind(&d->b, dev);
    if (d->b.native != NULL && os_native_claim(d->b.native)) {
        readonly = true; /* the card's write-protect tab */
    }
    roots[slot] = d->b.dev;
    strcpy(d->point, point);
    d->used = true;
    d->seq = os_mount_seq();
    vfs_bdev_clear();
    int r = vfs_mount(vfs_bdev_get(&d->b), point, readonly ? VFS_MOUNT_RO : 0);
    if (r < 0) {
        os_dev_release(slot);
        os_check(r);
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
    vfs_mount_any(a[0].o, a[1].o, a[2].b, false); /* os.mount is vfs.mount, as in MicroPython */
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

/* The (object, point) pairs of the FAT mounts with their order (seq; 0 for the board's own, made
 * before Python ran), appended to list l as (seq, (object, point)). */
void os_mount_entries(obj_t l) {
    for (int i = 0; i < VFS_MAX_MOUNTS; i++) {
        char point[VFS_NAME_MAX + 2];
        if (!vfs_mount_at(i, point)) {
            continue;
        }
        obj_t o = OBJ_NULL;
        uint32_t seq = 0;
        for (size_t k = 0; k < VFS_MAX_MOUNTS; k++) {
            if (os_devs[k].used && strcmp(os_devs[k].point, point) == 0) {
                o = os_devs[k].b.dev;
                seq = os_devs[k].seq;
            }
        }
        obj_t pt = str_new(point, strlen(point));
        if (o == OBJ_NULL) {
            o = vfs_fat_view(pt);
        }
        obj_t pair[2] = {o, pt};
        obj_t item[2] = {int_from_uint(seq), tuple_new(2, pair)};
        list_append(l, tuple_new(2, item));
    }
}

obj_t os_mount_point_of(obj_t fs) {
    for (size_t k = 0; k < VFS_MAX_MOUNTS; k++) {
        if (os_devs[k].used && (os_devs[k].b.dev == fs || vfs_fat_device(os_devs[k].b.dev) == fs)) {
            return str_new(os_devs[k].point, strlen(os_devs[k].point));
        }
    }
    raise_os_error(EINVAL);
}

static obj_t os_unmount(size_t n_args, size_t n_kw, const obj_t *args) {
    if (vfs_user_umount(args[0])) {
        return OBJ_NONE;
    }
    os_unmount_point(args[0]);
    return OBJ_NONE;
}
static DEFINE_FUN(os_unmount_obj, unmount, 1, 1, os_unmount);
static DEFINE_FUN(os_umount_obj, umount, 1, 1, os_unmount);

struct fat_vol *os_device_volume(obj_t dev) {
    const bdev_t *native = machine_sd_bdev(dev);
    for (size_t i = 0; i < VFS_MAX_MOUNTS; i++) {
        if (os_devs[i].used && os_devs[i].vol == NULL &&
            (native != NULL ? os_devs[i].b.native == native : os_devs[i].b.dev == dev)) {
            return vfs_volume(os_devs[i].point);
        }
    }
    return NULL;
}

void os_device_not_mounted(obj_t dev) {
    for (size_t i = 0; i < VFS_MAX_MOUNTS; i++) {
        if (os_devs[i].used && (os_devs[i].b.dev == dev || vfs_fat_device(os_devs[i].b.dev) == dev)) {
            raise_os_error(EBUSY);
        }
    }
}

void os_mkfs_device(obj_t dev) {
    io_file_run_deferred();
    os_device_not_mounted(vfs_fat_device(dev));
    vfs_bdev_t d;
    vfs_bdev_bind(&d, dev);
    if (d.native != NULL) {
        if (os_native_claim(d.native)) {
            raise_os_error(EROFS);
        }
    }
    vfs_bdev_clear();
    int r = vfs_mkfs_bdev(vfs_bdev_get(&d), false);
    vfs_bdev_unbind(&d);
    os_check(r);
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
