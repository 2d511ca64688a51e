/* modules/mod_vfs.c: the vfs module (modules/mod_vfs.h): mount(fs_or_device, mount_point, *,
 * readonly=False, mkfs=False) (a block device is taken as a FAT one, as MicroPython's autodetect
 * does; a vfs.VfsFat brings its own volume), mount() listing (object, point) in mount order,
 * umount(mount_point or object), and VfsFat (modules/vfs_fat.c).
 * Invariant: every FAT mount goes through os_mount_device, so /, os.listdir and FTP see one table. */
#include "modules/mod_vfs.h"

#include <errno.h>
#include <string.h>

#include "core/nlr.h"
#include "core/obj_str.h"
#include "core/runtime.h"
#include "modules/fs_route.h"
#include "modules/mod_os.h"
#include "modules/vfs_fat.h"
#include "modules/vfs_user_fs.h"
#include "storage/vfs.h"

/* Whether a mount point is one the os table (FAT volumes, FTP) takes: "/name", one component of
 * at most VFS_NAME_MAX characters (a point without its '/' is taken from the root, as os.mount
 * always has). */
static bool vfs_table_point(obj_t point) {
    if (!obj_is_str(point)) {
        return true; /* os_mount_device says what is wrong */
    }
    const char *p = str_cstr(point);
    char abs[VFS_PATH_MAX + 1];
    if (vfs_normalize("/", p, abs, sizeof(abs)) != 0) {
        return true;
    }
    return abs[1] != '\0' && strchr(abs + 1, '/') == NULL && strlen(abs) <= VFS_NAME_MAX + 1;
}

/* mount(fs_or_device, mount_point, *, readonly=False, mkfs=False); mount(): the table */
static obj_t vfs_mount_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 0 && n_kw == 0) {
        return vfs_user_mount_list();
    }
    static const arg_spec_t specs[] = {
        {QSTR_fs, ARG_REQUIRED, OBJ_NULL},
        {QSTR_mount_point, ARG_REQUIRED, OBJ_NULL},
        {QSTR_readonly, ARG_KW_ONLY | ARG_KIND_BOOL, ROM_PTR(&false_obj)},
        {QSTR_mkfs, ARG_KW_ONLY | ARG_KIND_BOOL, ROM_PTR(&false_obj)},
    };
    arg_val_t a[4];
    arg_parse_all(n_args, args, n_kw, args + n_args, 4, specs, a);
    vfs_mount_any(a[0].o, a[1].o, a[2].b, a[3].b);
    return OBJ_NONE;
}

void vfs_mount_any(obj_t fs, obj_t point, bool readonly, bool mkfs) {
    obj_t dest[2];
    rt_load_method_maybe(fs, QSTR_mount, dest);
    if (dest[0] != OBJ_NULL && !obj_is_type(fs, &vfs_fat_type)) {
        vfs_user_mount(fs, point, readonly, mkfs); /* a file system written in Python */
        return;
    }
    if (!vfs_table_point(point)) {
        /* "/", "/a/b" or a long name: the os table can't hold it, the Python-level one can; a
         * device there is taken as FAT, as MicroPython's autodetect does */
        obj_t fat = obj_is_type(fs, &vfs_fat_type) ? fs : rt_call1(OBJ_FROM_PTR(&vfs_fat_type), fs);
        vfs_user_mount(fat, point, readonly, mkfs);
        return;
    }
    if (obj_is_type(fs, &vfs_fat_type) || !mkfs) {
        os_mount_device(fs, point, readonly, mkfs);
        return;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        os_mount_device(fs, point, readonly, false);
        nlr_pop();
        return;
    }
    obj_t exc = nlr.value;
    if (!obj_is_subclass_fast(obj_type(exc), &type_OSError) || exc_get_value(exc) != small_int_new(ENODEV)) {
        nlr_jump(nlr.value);
    }
    os_mkfs_device(fs);
    os_mount_device(fs, point, readonly, false);
}
static DEFINE_FUN_KW(vfs_mount_obj, mount, 0, 2, vfs_mount_fn);

/* umount(mount_point or the object mounted) */
static obj_t vfs_umount_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    if (vfs_user_umount(args[0])) {
        return OBJ_NONE;
    }
    if (obj_is_str(args[0]) && strcmp(str_cstr(args[0]), "/") == 0 && !fs_route_is_board() &&
        !fs_route_host_detached()) {
        fs_route_detach_host(); /* script mode: the host's files were the root's */
        return OBJ_NONE;
    }
    os_unmount_point(obj_is_str(args[0]) ? args[0] : os_mount_point_of(args[0]));
    return OBJ_NONE;
}
static DEFINE_FUN(vfs_umount_obj, umount, 1, 1, vfs_umount_fn);

static const map_elem_t vfs_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_vfs)},
    {ROM_QSTR(QSTR_mount), ROM_PTR(&vfs_mount_obj)},
    {ROM_QSTR(QSTR_umount), ROM_PTR(&vfs_umount_obj)},
    {ROM_QSTR(QSTR_VfsFat), ROM_PTR(&vfs_fat_type)},
};
static DEFINE_CONST_DICT(vfs_globals, vfs_globals_table);

const module_obj_t vfs_module = {{&module_type}, &vfs_globals};
REGISTER_MODULE(QSTR_vfs, vfs_module);
