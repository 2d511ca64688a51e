/* modules/vfs_user_fs.c: the table of file systems written in Python (vfs_user_fs.h) and the os
 * operations forwarded to them. Lookup follows MicroPython's: an absolute path (or a relative one
 * while the current directory is the virtual root) goes to the first mount, in mount order, whose
 * point is a prefix ending at a '/', with one mounted at "/" tried last; a relative path while the
 * current directory is in a user mount goes to that object as it is.
 * Invariant: vfs_user_cwd is -1 or a used slot; unmounting the slot holding it resets it. */
#include "modules/vfs_user_fs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/nlr.h"
#include "core/obj_str.h"
#include "core/port.h"
#include "core/runtime.h"
#include "modules/fs_route.h"
#include "modules/mod_os.h"
#include "storage/vfs.h"

#define VFS_USER_MAX 8

typedef struct {
    bool used;
    uint32_t seq;
    size_t len;
    char path[VFS_PATH_MAX + 1];
} vfs_user_ent_t;

static vfs_user_ent_t vfs_user_tab[VFS_USER_MAX];
static int vfs_user_cwd = -1;

static obj_t *vfs_user_objs(void) { return rt_module_state_slots(VFS_USER_STATE, VFS_USER_MAX); }

void vfs_user_reset(void) {
    memset(vfs_user_tab, 0, sizeof(vfs_user_tab));
    vfs_user_cwd = -1;
    rt_state.module_state[VFS_USER_STATE] = OBJ_NULL;
}

/* The used slots in lookup order: by mount order, the one at "/" last. n returned. */
static int vfs_user_order(int *order) {
    int n = 0;
    for (int pass = 0; pass < 2; pass++) {
        uint32_t last = 0;
        for (;;) {
            int best = -1;
            for (int i = 0; i < VFS_USER_MAX; i++) {
                vfs_user_ent_t *e = &vfs_user_tab[i];
                bool is_root = e->len == 1;
                if (e->used && is_root == (pass == 1) && e->seq > last &&
                    (best < 0 || e->seq < vfs_user_tab[best].seq)) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            order[n++] = best;
            last = vfs_user_tab[best].seq;
        }
    }
    return n;
}

/* Whether a relative path is looked up from the root (the current directory is the VFS's "/"). */
static bool vfs_user_cwd_is_root(void) {
    if (vfs_user_cwd >= 0 || !fs_route_cwd_in_vfs()) {
        return false;
    }
    char cwd[VFS_PATH_MAX + 1];
    return vfs_getcwd(cwd, sizeof(cwd)) == 0 && strcmp(cwd, "/") == 0;
}

/* The slot serving path and the path to give it (rel points into path, or is "/"); -1: none. */
static int vfs_user_find(const char *path, const char **rel) {
    if (path[0] != '/' && vfs_user_cwd >= 0) {
        *rel = path;
        return vfs_user_cwd;
    }
    if (path[0] != '/' && !vfs_user_cwd_is_root()) {
        return -1;
    }
    const char *p = path[0] == '/' ? path + 1 : path;
    if (*p == '\0') {
        return -1; /* the root itself */
    }
    int order[VFS_USER_MAX];
    int n = vfs_user_order(order);
    for (int k = 0; k < n; k++) {
        vfs_user_ent_t *e = &vfs_user_tab[order[k]];
        if (e->len == 1) {
            *rel = path;
            return order[k];
        }
        size_t len = e->len - 1;
        if (strncmp(p, e->path + 1, len) == 0 && (p[len] == '/' || p[len] == '\0')) {
            *rel = p[len] == '/' ? p + len : "/";
            return order[k];
        }
    }
    return -1;
}

bool vfs_user_owns(const char *path) {
    const char *rel;
    return vfs_user_find(path, &rel) >= 0;
}

bool vfs_user_under(const char *point) {
    size_t n = strlen(point);
    for (int i = 0; i < VFS_USER_MAX; i++) {
        vfs_user_ent_t *e = &vfs_user_tab[i];
        if (e->used && e->len > 1 && strncmp(e->path, point, n) == 0 && (e->path[n] == '\0' || e->path[n] == '/')) {
            return true;
        }
    }
    return false;
}

bool vfs_user_has_root(void) {
    for (int i = 0; i < VFS_USER_MAX; i++) {
        if (vfs_user_tab[i].used && vfs_user_tab[i].len == 1) {
            return true;
        }
    }
    return false;
}

static obj_t vfs_user_str(const char *s) {
    return str_new(s, strlen(s));
}

/* obj.meth(args...) */
static obj_t vfs_user_invoke(int slot, qstr meth, size_t n, const obj_t *args) {
    obj_t dest[2 + 3];
    rt_load_method(vfs_user_objs()[slot], meth, dest);
    for (size_t i = 0; i < n; i++) {
        dest[2 + i] = args[i];
    }
    return rt_call_method(n, 0, dest);
}

obj_t vfs_user_call(const char *path, qstr meth, size_t n_extra, const obj_t *extra) {
    const char *rel;
    int slot = vfs_user_find(path, &rel);
    if (slot < 0) {
        raise_os_error(ENODEV);
    }
    obj_t args[3];
    args[0] = vfs_user_str(rel);
    for (size_t i = 0; i < n_extra && i < 2; i++) {
        args[1 + i] = extra[i];
    }
    return vfs_user_invoke(slot, meth, 1 + n_extra, args);
}

obj_t vfs_user_root_call(qstr meth) {
    for (int i = 0; i < VFS_USER_MAX; i++) {
        if (vfs_user_tab[i].used && vfs_user_tab[i].len == 1) {
            obj_t root = ROM_QSTR(QSTR__slash_);
            return vfs_user_invoke(i, meth, 1, &root);
        }
    }
    raise_os_error(ENODEV);
}

bool vfs_user_is_point(const char *path) {
    const char *rel;
    int slot = vfs_user_find(path, &rel);
    return slot >= 0 && vfs_user_tab[slot].len > 1 && rel[0] == '/' && rel[1] == '\0' && path[0] != '\0' &&
           !(vfs_user_cwd == slot && path[0] != '/');
}

obj_t vfs_user_open(const char *path, obj_t mode) {
    return vfs_user_call(path, QSTR_open, 1, &mode);
}

void vfs_user_rename(const char *from, const char *to) {
    const char *r1, *r2;
    int s1 = vfs_user_find(from, &r1), s2 = vfs_user_find(to, &r2);
    if (s1 < 0 || s1 != s2) {
        raise_os_error(EXDEV);
    }
    obj_t args[2] = {vfs_user_str(r1), vfs_user_str(r2)};
    vfs_user_invoke(s1, QSTR_rename, 2, args);
}

void vfs_user_chdir(const char *path) {
    const char *rel;
    int slot = vfs_user_find(path, &rel);
    if (slot < 0) {
        raise_os_error(ENOENT);
    }
    obj_t arg = vfs_user_str(rel);
    vfs_user_invoke(slot, QSTR_chdir, 1, &arg);
    vfs_user_cwd = slot;
}

bool vfs_user_cwd_active(void) {
    return vfs_user_cwd >= 0;
}

void vfs_user_cwd_leave(void) {
    vfs_user_cwd = -1;
}

obj_t vfs_user_getcwd(void) {
    vfs_user_ent_t *e = &vfs_user_tab[vfs_user_cwd];
    obj_t cwd = vfs_user_invoke(vfs_user_cwd, QSTR_getcwd, 0, NULL);
    if (e->len == 1) {
        return cwd;
    }
    const char *c = str_cstr(cwd);
    vstr_t v;
    vstr_init(&v, e->len + strlen(c) + 1);
    vstr_add_strn(&v, e->path, e->len);
    if (strcmp(c, "/") != 0) {
        vstr_add_str(&v, c);
    }
    return str_new_from_vstr(&v);
}

void vfs_user_list_root(obj_t l, bool full, bool bytes) {
    int order[VFS_USER_MAX];
    int n = vfs_user_order(order);
    for (int k = 0; k < n; k++) {
        vfs_user_ent_t *e = &vfs_user_tab[order[k]];
        if (e->len == 1) {
            obj_t root = ROM_QSTR(QSTR__slash_);
            obj_t it = rt_getiter(vfs_user_invoke(order[k], QSTR_ilistdir, 1, &root));
            for (obj_t x; (x = rt_iternext(it)) != OBJ_NULL;) {
                list_append(l, full ? x : rt_subscr_load(x, small_int_new(0)));
            }
            continue;
        }
        obj_t name = bytes ? bytes_new(e->path + 1, e->len - 1) : str_new(e->path + 1, e->len - 1);
        if (full) {
            obj_t items[3] = {name, small_int_new(0x4000), small_int_new(0)};
            name = tuple_new(3, items);
        }
        list_append(l, name);
    }
}

void vfs_user_mount(obj_t fs, obj_t point, bool readonly, bool mkfs) {
    size_t len;
    const char *p = str_get_data(point, &len);
    if (!obj_is_str(point) || len == 0 || len > VFS_PATH_MAX || strlen(p) != len) {
        raise_os_error(EINVAL);
    }
    int slot = -1;
    for (int i = 0; i < VFS_USER_MAX && slot < 0; i++) {
        if (!vfs_user_tab[i].used) {
            slot = i;
        }
    }
    if (slot < 0) {
        raise_os_error(ENOMEM);
    }
    /* the point must be free: a FAT mount's name, or a user mount that would serve it (a file
     * system at "/" still lets others mount below it) */
    const char *rel;
    int other = vfs_user_find(p[0] == '/' ? p : "", &rel);
    /* on or below a FAT mount (those are looked up first, so it would never be reached) */
    char first[VFS_NAME_MAX + 2];
    const char *slash = p[0] == '/' ? strchr(p + 1, '/') : NULL;
    size_t fl = slash != NULL ? (size_t)(slash - p) : len;
    bool fat = false;
    if (p[0] == '/' && fl > 1 && fl < sizeof(first)) {
        memcpy(first, p, fl);
        first[fl] = '\0';
        fat = vfs_is_mounted(first) || strcmp(first, "/flash") == 0;
    }
    if (fat) {
        raise_os_error(EPERM);
    }
    /* the object's mount runs before the point is checked, in MicroPython's order */
    obj_t args[2] = {readonly ? OBJ_TRUE : OBJ_FALSE, mkfs ? OBJ_TRUE : OBJ_FALSE};
    obj_t dest[4];
    rt_load_method(fs, QSTR_mount, dest);
    dest[2] = args[0];
    dest[3] = args[1];
    rt_call_method(2, 0, dest);
    if ((len == 1 && vfs_user_has_root()) || (other >= 0 && !(len != 1 && vfs_user_tab[other].len == 1))) {
        raise_os_error(EPERM);
    }
    vfs_user_objs()[slot] = fs;
    vfs_user_tab[slot].used = true;
    vfs_user_tab[slot].seq = os_mount_seq();
    vfs_user_tab[slot].len = len;
    memcpy(vfs_user_tab[slot].path, p, len + 1);
}

bool vfs_user_umount(obj_t point_or_fs) {
    size_t len = 0;
    const char *p = obj_is_str(point_or_fs) ? str_get_data(point_or_fs, &len) : NULL;
    obj_t *objs = vfs_user_objs();
    for (int i = 0; i < VFS_USER_MAX; i++) {
        vfs_user_ent_t *e = &vfs_user_tab[i];
        if (e->used && ((p != NULL && e->len == len && memcmp(e->path, p, len) == 0) || objs[i] == point_or_fs)) {
            obj_t fs = objs[i];
            e->used = false;
            objs[i] = OBJ_NONE;
            if (vfs_user_cwd == i) {
                vfs_user_cwd = -1;
                vfs_chdir("/");
                fs_route_set_cwd_in_vfs(true);
            }
            obj_t dest[2];
            rt_load_method(fs, QSTR_umount, dest);
            rt_call_method(0, 0, dest);
            return true;
        }
    }
    return false;
}

obj_t vfs_user_mount_list(void) {
    obj_t l = list_new(0, NULL);
    os_mount_entries(l);
    obj_t *objs = vfs_user_objs();
    for (int i = 0; i < VFS_USER_MAX; i++) {
        if (vfs_user_tab[i].used) {
            obj_t pair[2] = {objs[i], str_new(vfs_user_tab[i].path, vfs_user_tab[i].len)};
            obj_t item[2] = {int_from_uint(vfs_user_tab[i].seq), tuple_new(2, pair)};
            list_append(l, tuple_new(2, item));
        }
    }
    /* (seq, entry) pairs in mount order, a mount at "/" last (as in MicroPython's table) */
    list_obj_t *lo = OBJ_TO_PTR(l);
    for (size_t i = 1; i < lo->len; i++) {
        for (size_t j = i; j > 0; j--) {
            obj_t *a = ((tuple_obj_t *)OBJ_TO_PTR(lo->items[j - 1]))->items;
            obj_t *b = ((tuple_obj_t *)OBJ_TO_PTR(lo->items[j]))->items;
            bool a_root = strcmp(str_cstr(((tuple_obj_t *)OBJ_TO_PTR(a[1]))->items[1]), "/") == 0;
            bool b_root = strcmp(str_cstr(((tuple_obj_t *)OBJ_TO_PTR(b[1]))->items[1]), "/") == 0;
            bool swap = a_root != b_root ? a_root : obj_get_int(a[0]) > obj_get_int(b[0]);
            if (!swap) {
                break;
            }
            obj_t t = lo->items[j - 1];
            lo->items[j - 1] = lo->items[j];
            lo->items[j] = t;
        }
    }
    for (size_t i = 0; i < lo->len; i++) {
        lo->items[i] = ((tuple_obj_t *)OBJ_TO_PTR(lo->items[i]))->items[1];
    }
    return l;
}

/* ---- import ---- */

int vfs_user_import_stat(const char *path) {
    obj_t st = OBJ_NULL;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        st = vfs_user_call(path, QSTR_stat, 0, NULL);
        obj_t mode = rt_subscr_load(st, small_int_new(0));
        int_t m = obj_get_int(mode);
        nlr_pop();
        return (m & 0x4000) ? PORT_STAT_DIR : PORT_STAT_FILE;
    }
    return PORT_STAT_NONE; /* any exception: not there */
}

/* Reads a stream the way MicroPython's file reader does: its buffer size asked with ioctl(11)
 * (kept within 1..255), readinto until nothing comes, then closed (ioctl(4) for a Python stream). */
char *vfs_user_read_file(const char *path, size_t *len) {
    obj_t mode = vfs_user_str("rb");
    obj_t f = vfs_user_open(path, mode);
    obj_t dest[4];
    rt_load_method_maybe(f, QSTR_readinto, dest);
    if (dest[0] == OBJ_NULL) { /* open gave something that isn't a readable stream (e.g. None) */
        raise_msg(&type_OSError, "stream operation not supported");
    }
    rt_load_method_maybe(f, QSTR_ioctl, dest);
    bool has_ioctl = dest[0] != OBJ_NULL;
    int_t bufsize = 255;
    if (has_ioctl) {
        dest[2] = small_int_new(11);
        dest[3] = small_int_new(0);
        int_t v;
        if (obj_get_int_maybe(rt_call_method(2, 0, dest), &v) && v > 0 && v < bufsize) {
            bufsize = v;
        }
    }
    vstr_t out;
    vstr_init(&out, 256);
    static const char zeros[255];
    obj_t buf = bytearray_new(zeros, (size_t)bufsize);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        for (;;) {
            rt_load_method(f, QSTR_readinto, dest);
            dest[2] = buf;
            obj_t r = rt_call_method(1, 0, dest);
            int_t n;
            if (r == OBJ_NONE || !obj_get_int_maybe(r, &n) || n <= 0) {
                break;
            }
            buffer_info_t bi;
            rt_get_buffer_or_raise(buf, &bi, BUFFER_READ);
            vstr_add_strn(&out, bi.buf, (size_t)n < bi.len ? (size_t)n : bi.len);
        }
        nlr_pop();
    } else {
        out.len = SIZE_MAX; /* failed: closed below, then re-raised */
    }
    if (has_ioctl) {
        rt_load_method(f, QSTR_ioctl, dest);
        dest[2] = small_int_new(4);
        dest[3] = small_int_new(0);
        rt_call_method(2, 0, dest);
    } else {
        rt_load_method(f, QSTR_close, dest);
        rt_call_method(0, 0, dest);
    }
    if (out.len == SIZE_MAX) {
        nlr_jump(nlr.value);
    }
    char *copy = malloc(out.len + 1);
    if (copy == NULL) {
        raise_memory_error();
    }
    memcpy(copy, out.buf != NULL ? out.buf : "", out.len);
    copy[out.len] = '\0';
    *len = out.len;
    return copy;
}
