/* modules/vfs_fat.c: the vfs.VfsFat class (vfs_fat.h). Paths given to its methods are resolved
 * against the object's own current directory (chdir/getcwd act on it, as FatFs's per-volume one
 * does) and handed to the FAT layer; errors follow MicroPython's VfsFat (a full directory removed
 * is EACCES, rename replaces an existing file, remove of a directory is EISDIR).
 * Invariant: every live VfsFat with a volume is in vfs_fat_live (C memory, not scanned), so a soft
 * reset can write volumes out; the finaliser only drops (the device may be garbage too). */
#include "modules/vfs_fat.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/gc.h"
#include "core/nlr.h"
#include "core/obj_str.h"
#include "core/runtime.h"
#include "modules/fs_route.h"
#include "modules/machine_sd.h"
#include "modules/mod_io_file.h"
#include "modules/mod_os.h"
#include "modules/vfs_user_bdev.h"
#include "storage/vfs.h"

typedef struct vfs_fat_obj {
    obj_base_t base;
    vfs_bdev_t b;
    fat_vol_t *vol;              /* from the pool; NULL for a machine.SD or once dropped */
    bool has_fs;                 /* vol holds a mounted FAT (fat_mount succeeded) */
    char view[VFS_NAME_MAX + 2]; /* "/name": a view of the table's mount there (vfs.mount()) */
    char cwd[VFS_PATH_MAX + 1];
} vfs_fat_obj_t;

static vfs_fat_obj_t *vfs_fat_live[VFS_MAX_VOLS];

obj_t vfs_fat_device(obj_t o) {
    return obj_is_type(o, &vfs_fat_type) ? ((vfs_fat_obj_t *)OBJ_TO_PTR(o))->b.dev : o;
}

fat_vol_t *vfs_fat_volume(obj_t o) {
    return obj_is_type(o, &vfs_fat_type) ? ((vfs_fat_obj_t *)OBJ_TO_PTR(o))->vol : NULL;
}

static void vfs_fat_track(vfs_fat_obj_t *self, bool on) {
    for (int i = 0; i < VFS_MAX_VOLS; i++) {
        if (on ? vfs_fat_live[i] == NULL : vfs_fat_live[i] == self) {
            vfs_fat_live[i] = on ? self : NULL;
            return;
        }
    }
}

/* Gives the volume back; write says whether to write out what it caches (not from a finaliser). */
static void vfs_fat_drop(vfs_fat_obj_t *self, bool write) {
    if (self->vol == NULL) {
        return;
    }
    io_file_drop_vol(self->vol);
    if (self->has_fs && write && bdev_status(self->vol->bd) == 0) {
        fat_unmount(self->vol);
    }
    vfs_vol_free(self->vol);
    self->vol = NULL;
    self->has_fs = false;
    vfs_fat_track(self, false);
    vfs_bdev_unbind(&self->b);
}

void vfs_fat_deinit_all(void) {
    for (int i = 0; i < VFS_MAX_VOLS; i++) {
        if (vfs_fat_live[i] != NULL) {
            vfs_fat_drop(vfs_fat_live[i], true);
        }
    }
    vfs_bdev_clear();
}

static void vfs_fat_finalise(obj_t o) {
    vfs_fat_drop(OBJ_TO_PTR(o), false);
}

/* (Re)mounts the FAT on the object's volume: -ENODEV (no FAT) leaves it without a file system. */
static int vfs_fat_attach(vfs_fat_obj_t *self) {
    if (self->has_fs) {
        return 0;
    }
    vfs_bdev_clear();
    int r = fat_mount(self->vol, vfs_bdev_get(&self->b), self->b.readonly ? FAT_MOUNT_RO : 0);
    self->has_fs = r == 0;
    strcpy(self->cwd, "/");
    return r;
}

static obj_t vfs_fat_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 1, false);
    io_file_run_deferred();
    vfs_fat_obj_t *self = (vfs_fat_obj_t *)gc_alloc(sizeof(vfs_fat_obj_t), true);
    self->base.type = &vfs_fat_type;
    strcpy(self->cwd, "/");
    vfs_bdev_bind(&self->b, args[0]);
    if (self->b.native != NULL) {
        return OBJ_FROM_PTR(self); /* a machine.SD: mounted as a device (os_mount_device) */
    }
    fs_route_use_rtc(); /* timestamps from the RTC, as on the board */
    self->vol = vfs_vol_alloc();
    if (self->vol == NULL) {
        gc_collect(); /* a forgotten VfsFat may be holding one */
        self->vol = vfs_vol_alloc();
        if (self->vol == NULL) {
            raise_msg(&type_OSError, "too many VfsFat objects");
        }
    }
    vfs_fat_track(self, true);
    int r = vfs_fat_attach(self);
    if (r < 0 && r != -ENODEV) {
        vfs_fat_drop(self, false);
        vfs_bdev_check(r);
    }
    vfs_bdev_check(0); /* a device that raised while being probed */
    return OBJ_FROM_PTR(self);
}

obj_t vfs_fat_view(obj_t point) {
    vfs_fat_obj_t *self = NEW_OBJ(vfs_fat_obj_t);
    self->base.type = &vfs_fat_type;
    strcpy(self->cwd, "/");
    size_t n;
    const char *p = str_get_data(point, &n);
    if (n < sizeof(self->view)) {
        memcpy(self->view, p, n);
    }
    return OBJ_FROM_PTR(self);
}

/* The object's volume ready for a file-system call (OSError(ENODEV) when it has no FAT). */
static fat_vol_t *vfs_fat_vol(obj_t o) {
    vfs_fat_obj_t *self = obj_check_self(o, &vfs_fat_type);
    io_file_run_deferred();
    vfs_bdev_clear();
    fat_vol_t *v = self->vol;
    if (self->view[0] != '\0') {
        v = vfs_volume(self->view);
    } else if (self->b.native != NULL) {
        v = os_device_volume(self->b.dev);
    }
    if (v == NULL || (self->vol != NULL && !self->has_fs)) {
        raise_os_error(ENODEV);
    }
    int st = bdev_status(v->bd);
    if (st < 0) {
        raise_os_error(-st);
    }
    return v;
}

/* A path argument (str or bytes) resolved against the object's cwd, volume-relative (no
 * leading '/': "" is the root). */
static const char *vfs_fat_path(obj_t self_in, obj_t path, char *buf) {
    vfs_fat_obj_t *self = OBJ_TO_PTR(self_in);
    size_t len;
    const char *p = str_get_data(path, &len);
    if (obj_is_type(path, &bytearray_type) || strlen(p) != len) {
        raise_msg(&type_TypeError, "path must be str or bytes");
    }
    vfs_bdev_check(vfs_normalize(self->cwd, p, buf, VFS_PATH_MAX + 1));
    return buf + 1;
}

/* EBUSY from removing or renaming an open file may be waiting only for the collector to close a
 * forgotten file object (fs.open(p).read()): collect, close what it left, and say "try again". */
static bool vfs_fat_busy(int r) {
    if (r != -EBUSY) {
        return false;
    }
    gc_collect();
    io_file_run_deferred();
    return true;
}

static obj_t vfs_fat_check(int r) {
    vfs_bdev_check(r);
    return OBJ_NONE;
}

/* ---- files and directories ---- */

static obj_t vfs_fat_open(size_t n_args, size_t n_kw, const obj_t *args) {
    fat_vol_t *v = vfs_fat_vol(args[0]);
    char buf[VFS_PATH_MAX + 1];
    const char *rel = vfs_fat_path(args[0], args[1], buf);
    return io_file_open_vol(v, rel, n_args > 2 ? args[2] : ROM_QSTR(QSTR_r), args[0]);
}
static DEFINE_FUN(vfs_fat_open_obj, open, 2, 3, vfs_fat_open);

/* ilistdir's iterator: (name, type, inode, size) a step, name of the path's type. */
typedef struct {
    obj_base_t base;
    obj_t fs; /* keeps the volume's owner alive */
    bool bytes, done;
    fat_dir_t d;
} vfs_fat_ilist_t;

static obj_t vfs_fat_ilist_next(obj_t o) {
    vfs_fat_ilist_t *it = OBJ_TO_PTR(o);
    if (it->done) {
        return OBJ_NULL;
    }
    fat_vol_t *v = vfs_fat_vol(it->fs);
    if (v != it->d.vol || !v->mounted) {
        it->done = true; /* the volume was remade under the listing */
        return OBJ_NULL;
    }
    fat_dirent_t *e = (fat_dirent_t *)gc_alloc(sizeof(fat_dirent_t), false);
    int r = fat_readdir(&it->d, e);
    if (r <= 0) {
        it->done = true;
        vfs_bdev_check(r == -EIO ? 0 : r); /* a read error ends a listing, as MicroPython's does */
        return OBJ_NULL;
    }
    size_t n = strlen(e->name);
    obj_t items[4] = {it->bytes ? bytes_new(e->name, n) : str_new(e->name, n),
        small_int_new(e->st.is_dir ? 0x4000 : 0x8000), small_int_new(0), int_from_uint(e->st.is_dir ? 0 : e->st.size)};
    return tuple_new(4, items);
}

static const type_t vfs_fat_ilist_type = {.base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_iterator,
    .getiter = rt_identity_getiter,
    .iternext = vfs_fat_ilist_next};

static obj_t vfs_fat_ilistdir(size_t n_args, size_t n_kw, const obj_t *args) {
    fat_vol_t *v = vfs_fat_vol(args[0]);
    obj_t path = n_args > 1 ? args[1] : ROM_QSTR(QSTR__empty);
    char buf[VFS_PATH_MAX + 1];
    const char *rel = vfs_fat_path(args[0], path, buf);
    vfs_fat_ilist_t *it = NEW_OBJ(vfs_fat_ilist_t);
    it->base.type = &vfs_fat_ilist_type;
    it->fs = args[0];
    it->bytes = obj_is_type(path, &bytes_type);
    vfs_fat_check(fat_opendir(v, &it->d, rel));
    return OBJ_FROM_PTR(it);
}
static DEFINE_FUN(vfs_fat_ilistdir_obj, ilistdir, 1, 2, vfs_fat_ilistdir);

static obj_t vfs_fat_mkdir(size_t n_args, size_t n_kw, const obj_t *args) {
    fat_vol_t *v = vfs_fat_vol(args[0]);
    char buf[VFS_PATH_MAX + 1];
    const char *rel = vfs_fat_path(args[0], args[1], buf);
    return vfs_fat_check(*rel == '\0' ? -EEXIST : fat_mkdir(v, rel));
}
static DEFINE_FUN(vfs_fat_mkdir_obj, mkdir, 2, 2, vfs_fat_mkdir);

static obj_t vfs_fat_rmdir(size_t n_args, size_t n_kw, const obj_t *args) {
    fat_vol_t *v = vfs_fat_vol(args[0]);
    char buf[VFS_PATH_MAX + 1];
    const char *rel = vfs_fat_path(args[0], args[1], buf);
    fat_stat_t st;
    int r = *rel == '\0' ? -EACCES : fat_stat(v, rel, &st);
    if (r == 0) {
        r = !st.is_dir ? -ENOTDIR : fat_rmdir(v, rel);
    }
    return vfs_fat_check(r == -ENOTEMPTY ? -EACCES : r);
}
static DEFINE_FUN(vfs_fat_rmdir_obj, rmdir, 2, 2, vfs_fat_rmdir);

static obj_t vfs_fat_remove(size_t n_args, size_t n_kw, const obj_t *args) {
    fat_vol_t *v = vfs_fat_vol(args[0]);
    char buf[VFS_PATH_MAX + 1];
    const char *rel = vfs_fat_path(args[0], args[1], buf);
    int r = *rel == '\0' ? -EISDIR : fat_remove(v, rel);
    if (vfs_fat_busy(r)) {
        r = fat_remove(v, rel);
    }
    return vfs_fat_check(r);
}
static DEFINE_FUN(vfs_fat_remove_obj, remove, 2, 2, vfs_fat_remove);

static obj_t vfs_fat_rename(size_t n_args, size_t n_kw, const obj_t *args) {
    fat_vol_t *v = vfs_fat_vol(args[0]);
    char b1[VFS_PATH_MAX + 1], b2[VFS_PATH_MAX + 1];
    const char *from = vfs_fat_path(args[0], args[1], b1);
    const char *to = vfs_fat_path(args[0], args[2], b2);
    int r = fat_rename(v, from, to);
    if (vfs_fat_busy(r)) {
        r = fat_rename(v, from, to);
    }
    if (r == -EEXIST) {
        /* an existing file is replaced; a directory is not (EISDIR, as MicroPython's VfsFat says) */
        fat_stat_t st;
        r = fat_stat(v, to, &st);
        if (r == 0 && st.is_dir) {
            r = -EISDIR;
        } else if (r == 0) {
            r = fat_remove(v, to);
            if (vfs_fat_busy(r)) {
                r = fat_remove(v, to);
            }
            if (r == 0) {
                r = fat_rename(v, from, to);
            }
        }
    }
    return vfs_fat_check(r);
}
static DEFINE_FUN(vfs_fat_rename_obj, rename, 3, 3, vfs_fat_rename);

static obj_t vfs_fat_stat(size_t n_args, size_t n_kw, const obj_t *args) {
    fat_vol_t *v = vfs_fat_vol(args[0]);
    char buf[VFS_PATH_MAX + 1];
    const char *rel = vfs_fat_path(args[0], args[1], buf);
    fat_stat_t st;
    if (*rel == '\0') {
        memset(&st, 0, sizeof(st));
        st.is_dir = true;
    } else {
        vfs_fat_check(fat_stat(v, rel, &st));
    }
    return os_fat_stat_tuple(&st);
}
static DEFINE_FUN(vfs_fat_stat_obj, stat, 2, 2, vfs_fat_stat);

static obj_t vfs_fat_statvfs(size_t n_args, size_t n_kw, const obj_t *args) {
    fat_vol_t *v = vfs_fat_vol(args[0]);
    fat_statvfs_t st;
    vfs_fat_check(fat_statvfs(v, &st));
    obj_t items[10] = {int_from_uint(st.bsize), int_from_uint(st.bsize), int_from_uint(st.blocks),
        int_from_uint(st.bfree), int_from_uint(st.bfree), small_int_new(0), small_int_new(0), small_int_new(0),
        small_int_new(v->readonly ? 1 : 0), int_from_uint(st.namemax)};
    return tuple_new(10, items);
}
static DEFINE_FUN(vfs_fat_statvfs_obj, statvfs, 2, 2, vfs_fat_statvfs);

static obj_t vfs_fat_chdir(size_t n_args, size_t n_kw, const obj_t *args) {
    fat_vol_t *v = vfs_fat_vol(args[0]);
    vfs_fat_obj_t *self = OBJ_TO_PTR(args[0]);
    char buf[VFS_PATH_MAX + 1];
    const char *rel = vfs_fat_path(args[0], args[1], buf);
    if (*rel != '\0') {
        fat_stat_t st;
        int r = fat_stat(v, rel, &st);
        vfs_fat_check(r == 0 && !st.is_dir ? -ENOENT : r); /* FatFs: a file is "no path" */
    }
    strcpy(self->cwd, buf);
    return OBJ_NONE;
}
static DEFINE_FUN(vfs_fat_chdir_obj, chdir, 2, 2, vfs_fat_chdir);

static obj_t vfs_fat_getcwd(size_t n_args, size_t n_kw, const obj_t *args) {
    vfs_fat_vol(args[0]);
    vfs_fat_obj_t *self = OBJ_TO_PTR(args[0]);
    return str_new(self->cwd, strlen(self->cwd));
}
static DEFINE_FUN(vfs_fat_getcwd_obj, getcwd, 1, 1, vfs_fat_getcwd);

/* ---- mounting and formatting ---- */

static void vfs_fat_format(vfs_fat_obj_t *self) {
    if (self->vol != NULL && vfs_vol_in_table(self->vol)) {
        raise_os_error(EBUSY);
    }
    if (self->vol != NULL && self->vol->open_files != NULL) {
        raise_os_error(EBUSY);
    }
    vfs_bdev_clear();
    if (self->vol != NULL && self->has_fs) {
        fat_unmount(self->vol);
        self->has_fs = false;
    }
    int r = fat_mkfs_ff(vfs_bdev_get(&self->b));
    vfs_bdev_check(r == -EINVAL ? -EIO : r); /* too small: FatFs's "aborted" is EIO */
    if (self->vol != NULL) {
        vfs_bdev_check(vfs_fat_attach(self));
    }
}

void vfs_fat_prepare_mount(obj_t o, bool readonly, bool mkfs) {
    vfs_fat_obj_t *self = OBJ_TO_PTR(o);
    if (self->vol == NULL) {
        raise_os_error(ENODEV);
    }
    if (!self->has_fs && mkfs) {
        vfs_fat_format(self);
    }
    if (!self->has_fs) {
        raise_os_error(ENODEV);
    }
    self->vol->readonly = readonly || self->b.readonly;
}

/* mount(readonly, mkfs): the protocol vfs.mount calls */
static obj_t vfs_fat_mount(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_check_self(args[0], &vfs_fat_type);
    vfs_fat_prepare_mount(args[0], rt_is_true(args[1]), rt_is_true(args[2]));
    return OBJ_NONE;
}
static DEFINE_FUN(vfs_fat_mount_obj, mount, 3, 3, vfs_fat_mount);

/* umount(): what is cached is written out; the object stays usable */
static obj_t vfs_fat_umount(size_t n_args, size_t n_kw, const obj_t *args) {
    vfs_fat_obj_t *self = obj_check_self(args[0], &vfs_fat_type);
    if (self->vol != NULL && self->has_fs && !vfs_vol_in_table(self->vol)) {
        vfs_bdev_clear();
        vfs_fat_check(fat_sync(self->vol));
    }
    return OBJ_NONE;
}
static DEFINE_FUN(vfs_fat_umount_obj, umount, 1, 1, vfs_fat_umount);

/* VfsFat.mkfs(block_device): FatFs's layout (fat_mkfs_ff); a machine.SD as os.mkfs does */
static obj_t vfs_fat_mkfs_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t dev = vfs_fat_device(args[0]);
    if (machine_sd_bdev(dev) != NULL) {
        os_mkfs_device(dev);
        return OBJ_NONE;
    }
    io_file_run_deferred();
    os_device_not_mounted(dev);
    vfs_fat_obj_t tmp;
    memset(&tmp, 0, sizeof(tmp));
    vfs_bdev_bind(&tmp.b, dev);
    vfs_bdev_clear();
    /* the device is read first, as MicroPython's mkfs does when it makes its VfsFat */
    uint8_t probe[BDEV_BLOCK_SIZE];
    const bdev_t *bd = vfs_bdev_get(&tmp.b);
    int r = bdev_count(bd) > 0 ? bdev_read(bd, 0, 1, probe) : 0;
    if (r == 0) {
        r = fat_mkfs_ff(bd);
    }
    vfs_bdev_unbind(&tmp.b);
    vfs_bdev_check(r == -EINVAL ? -EIO : r);
    return OBJ_NONE;
}
static DEFINE_FUN(vfs_fat_mkfs_fun_obj, mkfs, 1, 1, vfs_fat_mkfs_fn);
static const classmethod_obj_t vfs_fat_mkfs_obj = {{&staticmethod_type}, ROM_PTR(&vfs_fat_mkfs_fun_obj)};

static void vfs_fat_print(const print_t *p, obj_t o, print_kind_t kind) {
    vfs_fat_obj_t *self = OBJ_TO_PTR(o);
    if (self->view[0] != '\0') {
        print_fmt(p, "<VfsFat %s>", self->view);
    } else {
        print_fmt(p, "<VfsFat>");
    }
}

static const map_elem_t vfs_fat_locals_table[] = {
    {ROM_QSTR(QSTR_mkfs), ROM_PTR(&vfs_fat_mkfs_obj)},
    {ROM_QSTR(QSTR_open), ROM_PTR(&vfs_fat_open_obj)},
    {ROM_QSTR(QSTR_ilistdir), ROM_PTR(&vfs_fat_ilistdir_obj)},
    {ROM_QSTR(QSTR_mkdir), ROM_PTR(&vfs_fat_mkdir_obj)},
    {ROM_QSTR(QSTR_rmdir), ROM_PTR(&vfs_fat_rmdir_obj)},
    {ROM_QSTR(QSTR_remove), ROM_PTR(&vfs_fat_remove_obj)},
    {ROM_QSTR(QSTR_rename), ROM_PTR(&vfs_fat_rename_obj)},
    {ROM_QSTR(QSTR_stat), ROM_PTR(&vfs_fat_stat_obj)},
    {ROM_QSTR(QSTR_statvfs), ROM_PTR(&vfs_fat_statvfs_obj)},
    {ROM_QSTR(QSTR_chdir), ROM_PTR(&vfs_fat_chdir_obj)},
    {ROM_QSTR(QSTR_getcwd), ROM_PTR(&vfs_fat_getcwd_obj)},
    {ROM_QSTR(QSTR_mount), ROM_PTR(&vfs_fat_mount_obj)},
    {ROM_QSTR(QSTR_umount), ROM_PTR(&vfs_fat_umount_obj)},
};
static DEFINE_CONST_DICT(vfs_fat_locals_dict, vfs_fat_locals_table);
const type_t vfs_fat_type = {.base = {&type_type},
    .name = QSTR_VfsFat,
    .print = vfs_fat_print,
    .make_new = vfs_fat_make_new,
    .finalise = vfs_fat_finalise,
    .locals_dict = &vfs_fat_locals_dict};
