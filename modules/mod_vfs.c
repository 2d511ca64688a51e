/* modules/mod_vfs.c: the vfs module (modules/mod_vfs.h): mount(fs_or_device, mount_point, *,
 * readonly=False, mkfs=False) (a block device is taken as a FAT one, as MicroPython's autodetect
 * does), umount(mount_point), and VfsFat(block_device) with the static VfsFat.mkfs(device).
 * Invariant: every mount goes through os_mount_device, so /, os.listdir and FTP see one table. */
#include "modules/mod_vfs.h"

#include <errno.h>

#include "core/nlr.h"
#include "core/runtime.h"
#include "modules/mod_os.h"

typedef struct {
    obj_base_t base;
    obj_t dev;
} vfs_fat_obj_t;

extern const type_t vfs_fat_type;

obj_t vfs_fat_device(obj_t o) {
    return obj_is_type(o, &vfs_fat_type) ? ((vfs_fat_obj_t *)OBJ_TO_PTR(o))->dev : o;
}

/* VfsFat(block_device) */
static obj_t vfs_fat_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 1, false);
    obj_t dev = vfs_fat_device(args[0]);
    rt_load_attr(dev, QSTR_readblocks); /* AttributeError now for what can't be a block device */
    vfs_fat_obj_t *o = NEW_OBJ(vfs_fat_obj_t);
    o->base.type = &vfs_fat_type;
    o->dev = dev;
    return OBJ_FROM_PTR(o);
}

/* VfsFat.mkfs(block_device): a fresh FAT file system on it (not while mounted). */
static obj_t vfs_fat_mkfs_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    os_mkfs_device(args[0]);
    return OBJ_NONE;
}
static DEFINE_FUN(vfs_fat_mkfs_fun_obj, mkfs, 1, 1, vfs_fat_mkfs_fn);
static const classmethod_obj_t vfs_fat_mkfs_obj = {{&staticmethod_type}, ROM_PTR(&vfs_fat_mkfs_fun_obj)};

static void vfs_fat_print(const print_t *p, obj_t o, print_kind_t kind) {
    print_fmt(p, "<VfsFat>");
}

static const map_elem_t vfs_fat_locals_table[] = {
    {ROM_QSTR(QSTR_mkfs), ROM_PTR(&vfs_fat_mkfs_obj)},
};
static DEFINE_CONST_DICT(vfs_fat_locals_dict, vfs_fat_locals_table);
const type_t vfs_fat_type = {.base = {&type_type},
    .name = QSTR_VfsFat,
    .print = vfs_fat_print,
    .make_new = vfs_fat_make_new,
    .locals_dict = &vfs_fat_locals_dict};

/* mount(fs_or_device, mount_point, *, readonly=False, mkfs=False): mkfs formats a device that has
 * no FAT yet, then mounts it. */
static obj_t vfs_mount_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_fs, ARG_REQUIRED, OBJ_NULL},
        {QSTR_mount_point, ARG_REQUIRED, OBJ_NULL},
        {QSTR_readonly, ARG_KW_ONLY | ARG_KIND_BOOL, ROM_PTR(&false_obj)},
        {QSTR_mkfs, ARG_KW_ONLY | ARG_KIND_BOOL, ROM_PTR(&false_obj)},
    };
    arg_val_t a[4];
    arg_parse_all(n_args, args, n_kw, args + n_args, 4, specs, a);
    if (!a[3].b) {
        os_mount_device(a[0].o, a[1].o, a[2].b);
        return OBJ_NONE;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        os_mount_device(a[0].o, a[1].o, a[2].b);
        nlr_pop();
        return OBJ_NONE;
    }
    obj_t exc = nlr.value;
    if (!obj_is_subclass_fast(obj_type(exc), &type_OSError) || exc_get_value(exc) != small_int_new(ENODEV)) {
        nlr_jump(nlr.value);
    }
    os_mkfs_device(a[0].o);
    os_mount_device(a[0].o, a[1].o, a[2].b);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(vfs_mount_obj, mount, 2, 2, vfs_mount_fn);

static obj_t vfs_umount_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    os_unmount_point(vfs_fat_device(args[0]));
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
