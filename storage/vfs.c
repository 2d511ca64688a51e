/* The mount table, the current directory and path resolution over it; every file and name
 * operation finds its volume here and hands the volume-relative path to the FAT layer.
 * Invariant: vfs_cwd is always a normalised absolute path naming "/" or a directory that
 * existed when it was set; umount/rmdir/rename keep it pointing inside a mounted volume. */
#include "storage/vfs.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct vfs_mount {
    bool used;
    bool owned; /* vol came from the pool at vfs_mount (else it is a caller's: vfs_mount_vol) */
    char name[VFS_NAME_MAX + 1];
    int flags;
    const bdev_t *bd;
    fat_vol_t *vol;
} vfs_mount_t;

static vfs_mount_t vfs_mounts[VFS_MAX_MOUNTS];

/* ---- the volume pool: a volume is ~41 KiB of caches, so they live here, not on the GC heap ---- */

static fat_vol_t vfs_pool[VFS_MAX_VOLS];
static bool vfs_pool_used[VFS_MAX_VOLS];

fat_vol_t *vfs_vol_alloc(void) {
    for (int i = 0; i < VFS_MAX_VOLS; i++)
        if (!vfs_pool_used[i]) {
            vfs_pool_used[i] = true;
            memset(&vfs_pool[i], 0, sizeof vfs_pool[i]);
            return &vfs_pool[i];
        }
    return NULL;
}

void vfs_vol_free(fat_vol_t *v) {
    for (int i = 0; i < VFS_MAX_VOLS; i++)
        if (v == &vfs_pool[i]) {
            vfs_pool[i].mounted = false;
            vfs_pool_used[i] = false;
        }
}
static char vfs_cwd[VFS_PATH_MAX + 1] = "/";

int vfs_normalize(const char *cwd, const char *path, char *out, size_t cap) {
    char buf[VFS_PATH_MAX + 1];
    size_t len = 0;
    if (!path)
        return -EINVAL;
    if (path[0] != '/') {
        size_t cl = strlen(cwd ? cwd : "/");
        if (cl > VFS_PATH_MAX)
            return -ENAMETOOLONG;
        memcpy(buf, cwd ? cwd : "/", cl);
        len = cl;
        while (len > 0 && buf[len - 1] == '/')
            len--;
    }
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *s = p;
        while (*p && *p != '/')
            p++;
        size_t cl = (size_t)(p - s);
        if (cl == 0 || (cl == 1 && s[0] == '.'))
            continue;
        if (cl == 2 && s[0] == '.' && s[1] == '.') {
            while (len > 0 && buf[len - 1] != '/')
                len--;
            if (len > 0)
                len--; /* drop the '/' too; at "/" this stays empty = root */
            continue;
        }
        if (len + 1 + cl > VFS_PATH_MAX)
            return -ENAMETOOLONG;
        buf[len++] = '/';
        memcpy(buf + len, s, cl);
        len += cl;
    }
    if (len == 0)
        buf[len++] = '/';
    if (len + 1 > cap)
        return -ENAMETOOLONG;
    memcpy(out, buf, len);
    out[len] = 0;
    return 0;
}

/* Resolve to (mount, volume-relative path). Returns the mount index, -1 for "/" itself. */
static int vfs_resolve(const char *path, char *abs, const char **rel) {
    *rel = "";
    int r = vfs_normalize(vfs_cwd, path, abs, VFS_PATH_MAX + 1);
    if (r)
        return r;
    if (abs[1] == 0) {
        *rel = abs + 1;
        return -1;
    }
    const char *s = abs + 1, *e = strchr(s, '/');
    size_t nl = e ? (size_t)(e - s) : strlen(s);
    for (int i = 0; i < VFS_MAX_MOUNTS; i++)
        if (vfs_mounts[i].used && strlen(vfs_mounts[i].name) == nl && !memcmp(vfs_mounts[i].name, s, nl)) {
            *rel = e ? e + 1 : s + nl;
            return i;
        }
    return -ENOENT;
}

#define VFS_ROOT (-1) /* vfs_resolve: the path is "/" itself */

/* vfs_resolve for an operation on the volume: its medium must be usable now (an SD card removed
 * or its controller off is -EIO, while the mount itself stays until it is unmounted). */
static int vfs_resolve_ready(const char *path, char *abs, const char **rel) {
    int m = vfs_resolve(path, abs, rel);
    if (m >= 0) {
        int r = bdev_status(vfs_mounts[m].bd);
        if (r)
            return r;
    }
    return m;
}

/* An open file's handle and medium: 0, -EBADF (closed) or the medium's status. */
static int vfs_file_ready(const vfs_file_t *h) {
    return h->mount == VFS_FILE_CLOSED ? -EBADF : bdev_status(h->f.vol->bd);
}

static int vfs_find_mount(const char *point) {
    char abs[VFS_PATH_MAX + 1];
    const char *rel = NULL;
    int m = vfs_resolve(point, abs, &rel);
    if (m < 0)
        return m == VFS_ROOT ? -EINVAL : m;
    return *rel ? -EINVAL : m;
}

int vfs_mount(const bdev_t *bd, const char *point, int flags) {
    char abs[VFS_PATH_MAX + 1];
    int r = vfs_normalize("/", point, abs, sizeof abs);
    if (r)
        return r;
    const char *name = abs + 1;
    if (!*name || strchr(name, '/') || strlen(name) > VFS_NAME_MAX)
        return -EINVAL;
    int slot = -1;
    for (int i = 0; i < VFS_MAX_MOUNTS; i++) {
        if (vfs_mounts[i].used && !strcmp(vfs_mounts[i].name, name))
            return -EPERM; /* already mounted there */
        if (vfs_mounts[i].used && vfs_mounts[i].bd == bd)
            return -EBUSY; /* one device, one mount: two caches would corrupt it */
        if (!vfs_mounts[i].used && slot < 0)
            slot = i;
    }
    if (slot < 0)
        return -ENOMEM;
    vfs_mount_t *m = &vfs_mounts[slot];
    fat_vol_t *vol = vfs_vol_alloc();
    if (!vol)
        return -ENOMEM;
    int ff = ((flags & VFS_MOUNT_RO) ? FAT_MOUNT_RO : 0) | ((flags & VFS_MOUNT_BARRIERS) ? FAT_MOUNT_BARRIERS : 0);
    if ((r = fat_mount(vol, bd, ff))) {
        vfs_vol_free(vol);
        return r;
    }
    m->used = true;
    m->owned = true;
    m->flags = flags;
    m->bd = bd;
    m->vol = vol;
    strcpy(m->name, name);
    return 0;
}

int vfs_mount_vol(fat_vol_t *vol, const char *point, int flags) {
    char abs[VFS_PATH_MAX + 1];
    int r = vfs_normalize("/", point, abs, sizeof abs);
    if (r)
        return r;
    const char *name = abs + 1;
    if (!*name || strchr(name, '/') || strlen(name) > VFS_NAME_MAX)
        return -EINVAL;
    if (!vol->mounted)
        return -ENODEV;
    int slot = -1;
    for (int i = 0; i < VFS_MAX_MOUNTS; i++) {
        if (vfs_mounts[i].used && !strcmp(vfs_mounts[i].name, name))
            return -EPERM;
        if (vfs_mounts[i].used && (vfs_mounts[i].vol == vol || vfs_mounts[i].bd == vol->bd))
            return -EBUSY;
        if (!vfs_mounts[i].used && slot < 0)
            slot = i;
    }
    if (slot < 0)
        return -ENOMEM;
    vfs_mount_t *m = &vfs_mounts[slot];
    m->used = true;
    m->owned = false;
    m->flags = flags | (vol->readonly ? VFS_MOUNT_RO : 0);
    m->bd = vol->bd;
    m->vol = vol;
    strcpy(m->name, name);
    return 0;
}

bool vfs_mount_at(int i, char *point) {
    if (i < 0 || i >= VFS_MAX_MOUNTS || !vfs_mounts[i].used)
        return false;
    snprintf(point, VFS_NAME_MAX + 2, "/%s", vfs_mounts[i].name);
    return true;
}

bool vfs_vol_in_table(const fat_vol_t *vol) {
    for (int i = 0; i < VFS_MAX_MOUNTS; i++)
        if (vfs_mounts[i].used && vfs_mounts[i].vol == vol)
            return true;
    return false;
}

static bool vfs_cwd_under(const char *abs) {
    size_t n = strlen(abs);
    return !strncmp(vfs_cwd, abs, n) && (vfs_cwd[n] == 0 || vfs_cwd[n] == '/');
}

int vfs_umount(const char *point) {
    int m = vfs_find_mount(point);
    if (m < 0)
        return m == -ENOENT ? -EINVAL : m;
    vfs_mount_t *mp = &vfs_mounts[m];
    if (mp->owned && mp->vol->open_files)
        return -EBUSY; /* a borrowed volume stays mounted for its owner: its files stay good */
    /* a medium that is gone (an SD card pulled out) is forgotten: what was cached for it can't be
     * written, and must never reach the next card. A borrowed volume stays mounted for its owner. */
    int r = 0;
    if (!mp->owned)
        r = bdev_status(mp->bd) ? 0 : fat_sync(mp->vol);
    else {
        r = bdev_status(mp->bd) ? 0 : fat_unmount(mp->vol);
        vfs_vol_free(mp->vol);
    }
    char abs[VFS_NAME_MAX + 2];
    snprintf(abs, sizeof abs, "/%s", mp->name);
    if (vfs_cwd_under(abs))
        strcpy(vfs_cwd, "/");
    mp->used = false;
    return r;
}

int vfs_umount_all(void) {
    int first = 0;
    for (int i = 0; i < VFS_MAX_MOUNTS; i++) {
        if (vfs_mounts[i].used) {
            char point[VFS_NAME_MAX + 2];
            snprintf(point, sizeof point, "/%s", vfs_mounts[i].name);
            int r = vfs_umount(point);
            if (r && !first)
                first = r;
            if (r && vfs_mounts[i].used) { /* forgotten anyway: its device is going away */
                if (vfs_mounts[i].owned)
                    vfs_vol_free(vfs_mounts[i].vol);
                vfs_mounts[i].used = false;
            }
        }
    }
    strcpy(vfs_cwd, "/");
    return first;
}

void vfs_reset(void) {
    memset(vfs_mounts, 0, sizeof vfs_mounts);
    memset(vfs_pool_used, 0, sizeof vfs_pool_used);
    strcpy(vfs_cwd, "/");
}

bool vfs_is_mounted(const char *point) {
    return vfs_find_mount(point) >= 0;
}

fat_vol_t *vfs_volume(const char *point) {
    int m = vfs_find_mount(point);
    return m >= 0 ? vfs_mounts[m].vol : NULL;
}

int vfs_chdir(const char *path) {
    char abs[VFS_PATH_MAX + 1];
    const char *rel = NULL;
    int m = vfs_resolve_ready(path, abs, &rel);
    if (m < VFS_ROOT)
        return m;
    if (m >= 0) {
        fat_stat_t st;
        int r = fat_stat(vfs_mounts[m].vol, rel, &st);
        if (r)
            return r;
        if (!st.is_dir)
            return -ENOTDIR;
    }
    strcpy(vfs_cwd, abs);
    return 0;
}

int vfs_getcwd(char *buf, size_t cap) {
    size_t n = strlen(vfs_cwd);
    if (n + 1 > cap)
        return -ERANGE;
    memcpy(buf, vfs_cwd, n + 1);
    return 0;
}

/* ---- files ---- */

int vfs_open(vfs_file_t *h, const char *path, int flags) {
    char abs[VFS_PATH_MAX + 1];
    const char *rel = NULL;
    h->mount = -1;
    int m = vfs_resolve_ready(path, abs, &rel);
    if (m == VFS_ROOT)
        return -EISDIR;
    if (m < 0)
        return (m == -ENOENT && (flags & VFS_O_CREAT)) ? -EPERM : m;
    if (!*rel)
        return -EISDIR;
    int r = fat_open(vfs_mounts[m].vol, &h->f, rel, flags);
    if (r == 0)
        h->mount = m;
    return r;
}

ssize_t vfs_read(vfs_file_t *h, void *buf, size_t n) {
    int r = vfs_file_ready(h);
    return r ? r : fat_read(&h->f, buf, n);
}

ssize_t vfs_write(vfs_file_t *h, const void *buf, size_t n) {
    int r = vfs_file_ready(h);
    return r ? r : fat_write(&h->f, buf, n);
}

int64_t vfs_seek(vfs_file_t *h, int64_t off, int whence) {
    int r = vfs_file_ready(h);
    return r ? r : fat_seek(&h->f, off, whence);
}

int64_t vfs_tell(vfs_file_t *h) {
    return h->mount == VFS_FILE_CLOSED ? -EBADF : (int64_t)fat_tell(&h->f);
}

int vfs_truncate(vfs_file_t *h, uint32_t len) {
    int r = vfs_file_ready(h);
    return r ? r : fat_truncate(&h->f, len);
}

int vfs_fsync(vfs_file_t *h) {
    int r = vfs_file_ready(h);
    return r ? r : fat_fsync(&h->f);
}

int vfs_close(vfs_file_t *h) {
    if (h->mount == VFS_FILE_CLOSED)
        return -EBADF;
    int r = fat_close(&h->f);
    h->mount = VFS_FILE_CLOSED;
    return r;
}

int vfs_open_vol(vfs_file_t *h, fat_vol_t *vol, const char *rel, int flags) {
    h->mount = VFS_FILE_CLOSED;
    int r = bdev_status(vol->bd);
    if (r)
        return r;
    if (!vol->mounted)
        return -ENODEV;
    if (!*rel)
        return -EISDIR;
    r = fat_open(vol, &h->f, rel, flags);
    if (r == 0)
        h->mount = VFS_FILE_DIRECT;
    return r;
}

/* ---- names ---- */

int vfs_stat(const char *path, vfs_stat_t *st) {
    char abs[VFS_PATH_MAX + 1];
    const char *rel = NULL;
    int m = vfs_resolve_ready(path, abs, &rel);
    if (m == VFS_ROOT) {
        memset(st, 0, sizeof *st);
        st->is_dir = true;
        st->attr = FAT_ATTR_DIR;
        st->mtime = st->ctime = (fat_time_t){2000, 1, 1, 0, 0, 0};
        return 0;
    }
    if (m < 0)
        return m;
    return fat_stat(vfs_mounts[m].vol, rel, st);
}

int vfs_opendir(vfs_dir_t *d, const char *path) {
    char abs[VFS_PATH_MAX + 1];
    const char *rel = NULL;
    memset(d, 0, sizeof *d);
    int m = vfs_resolve_ready(path, abs, &rel);
    d->mount = m;
    if (m == VFS_ROOT)
        return 0;
    if (m < 0)
        return m;
    return fat_opendir(vfs_mounts[m].vol, &d->d, rel);
}

int vfs_readdir(vfs_dir_t *d, vfs_dirent_t *e) {
    if (d->mount >= 0) {
        if (!vfs_mounts[d->mount].used)
            return -EBADF;
        int r = bdev_status(vfs_mounts[d->mount].bd);
        return r ? r : fat_readdir(&d->d, e);
    }
    if (d->mount != VFS_ROOT)
        return -EBADF;
    while (d->next < VFS_MAX_MOUNTS) {
        vfs_mount_t *m = &vfs_mounts[d->next++];
        if (!m->used)
            continue;
        memset(e, 0, sizeof *e);
        strcpy(e->name, m->name);
        e->st.is_dir = true;
        e->st.attr = FAT_ATTR_DIR;
        e->st.mtime = e->st.ctime = (fat_time_t){2000, 1, 1, 0, 0, 0};
        return 1;
    }
    return 0;
}

void vfs_closedir(vfs_dir_t *d) {
    d->mount = -2;
}

int vfs_mkdir(const char *path) {
    char abs[VFS_PATH_MAX + 1];
    const char *rel = NULL;
    int m = vfs_resolve_ready(path, abs, &rel);
    if (m == VFS_ROOT)
        return -EEXIST;
    if (m < 0)
        return m == -ENOENT ? -EPERM : m;
    if (!*rel)
        return -EEXIST;
    return fat_mkdir(vfs_mounts[m].vol, rel);
}

int vfs_rmdir(const char *path) {
    char abs[VFS_PATH_MAX + 1];
    const char *rel = NULL;
    int m = vfs_resolve_ready(path, abs, &rel);
    if (m < VFS_ROOT)
        return m;
    if (m == VFS_ROOT || !*rel)
        return -EBUSY;
    fat_stat_t st;
    int r = fat_stat(vfs_mounts[m].vol, rel, &st);
    if (r)
        return r;
    if (!st.is_dir)
        return -ENOTDIR;
    if (vfs_cwd_under(abs))
        return -EBUSY;
    return fat_rmdir(vfs_mounts[m].vol, rel);
}

int vfs_remove(const char *path) {
    char abs[VFS_PATH_MAX + 1];
    const char *rel = NULL;
    int m = vfs_resolve_ready(path, abs, &rel);
    if (m < VFS_ROOT)
        return m;
    if (m == VFS_ROOT || !*rel)
        return -EISDIR;
    return fat_remove(vfs_mounts[m].vol, rel);
}

int vfs_rename(const char *from, const char *to) {
    char a1[VFS_PATH_MAX + 1], a2[VFS_PATH_MAX + 1];
    const char *r1 = NULL, *r2 = NULL;
    int m1 = vfs_resolve_ready(from, a1, &r1);
    if (m1 < VFS_ROOT)
        return m1;
    if (m1 == VFS_ROOT || !*r1)
        return -EBUSY; /* "/" and mount points do not move */
    int m2 = vfs_resolve_ready(to, a2, &r2);
    if (m2 < VFS_ROOT)
        return m2 == -ENOENT ? -EXDEV : m2;
    if (m1 == VFS_ROOT || !*r1 || m2 == VFS_ROOT || !*r2)
        return -EBUSY;
    if (m1 != m2)
        return -EXDEV;
    int r = fat_rename(vfs_mounts[m1].vol, r1, r2);
    if (r == 0 && vfs_cwd_under(a1)) { /* the cwd moved with its directory */
        char nc[VFS_PATH_MAX * 2 + 2];
        snprintf(nc, sizeof nc, "%s%s", a2, vfs_cwd + strlen(a1));
        if (strlen(nc) <= VFS_PATH_MAX)
            strcpy(vfs_cwd, nc);
        else
            strcpy(vfs_cwd, "/");
    }
    return r;
}

int vfs_statvfs(const char *path, vfs_statvfs_t *st) {
    char abs[VFS_PATH_MAX + 1];
    const char *rel = NULL;
    memset(st, 0, sizeof *st);
    int m = vfs_resolve_ready(path, abs, &rel);
    if (m == VFS_ROOT) {
        st->namemax = FAT_NAME_MAX;
        return 0;
    }
    if (m < 0)
        return m;
    fat_stat_t fs;
    int r = fat_stat(vfs_mounts[m].vol, rel, &fs);
    if (r)
        return r;
    fat_statvfs_t v;
    if ((r = fat_statvfs(vfs_mounts[m].vol, &v)))
        return r;
    st->bsize = st->frsize = v.bsize;
    st->blocks = v.blocks;
    st->bfree = st->bavail = v.bfree;
    st->namemax = v.namemax;
    st->flag = (vfs_mounts[m].flags & VFS_MOUNT_RO) ? 1 : 0;
    return 0;
}

int vfs_sync(void) {
    int r = 0;
    for (int i = 0; i < VFS_MAX_MOUNTS; i++)
        if (vfs_mounts[i].used && bdev_status(vfs_mounts[i].bd) == 0) { /* a removed card: nothing to do */
            int e = fat_sync(vfs_mounts[i].vol);
            if (e && !r)
                r = e;
        }
    return r;
}

int vfs_medium_status(const char *path) {
    char abs[VFS_PATH_MAX + 1];
    const char *rel = NULL;
    int m = vfs_resolve_ready(path, abs, &rel);
    return m < VFS_ROOT ? m : 0;
}

int vfs_mkfs_bdev(const bdev_t *bd, bool flash_layout) {
    for (int i = 0; i < VFS_MAX_MOUNTS; i++)
        if (vfs_mounts[i].used && vfs_mounts[i].bd == bd)
            return -EBUSY;
    return flash_layout ? fat_mkfs_flash(bd) : fat_mkfs(bd, NULL);
}

int vfs_mkfs(const char *point) {
    int m = vfs_find_mount(point);
    if (m < 0)
        return m == -ENOENT ? -ENODEV : m;
    vfs_mount_t *mp = &vfs_mounts[m];
    if (mp->vol->open_files)
        return -EBUSY;
    if (!mp->owned)
        return -EINVAL; /* a volume of a vfs.VfsFat: its owner formats it */
    if (mp->flags & VFS_MOUNT_RO)
        return -EROFS;
    int st = bdev_status(mp->bd);
    if (st)
        return st;
    fat_unmount(mp->vol);
    int r = !strcmp(mp->name, "flash") ? fat_mkfs_flash(mp->bd) : fat_mkfs(mp->bd, NULL);
    int ff = (mp->flags & VFS_MOUNT_BARRIERS) ? FAT_MOUNT_BARRIERS : 0;
    int r2 = fat_mount(mp->vol, mp->bd, ff);
    if (r2) {
        vfs_vol_free(mp->vol);
        mp->used = false;
        char abs[VFS_NAME_MAX + 2];
        snprintf(abs, sizeof abs, "/%s", mp->name);
        if (vfs_cwd_under(abs))
            strcpy(vfs_cwd, "/");
    } else {
        char abs[VFS_NAME_MAX + 2];
        snprintf(abs, sizeof abs, "/%s", mp->name);
        if (vfs_cwd_under(abs))
            strcpy(vfs_cwd, abs); /* the old subdirectory is gone */
    }
    return r ? r : r2;
}
