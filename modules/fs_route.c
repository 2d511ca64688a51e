/* modules/fs_route.c: the path router between the VFS and the host file system (fs_route.h), and
 * core/port.h's port_stat / port_read_file over it, so import and the script runner see /flash.
 * Invariant: board mode never touches the host file system; script mode sends a path to the VFS
 * only when its first component names a mounted volume or it is relative to a VFS cwd. */
#include "modules/fs_route.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/port.h"
#include "host/host_fs.h"
#include "modules/calendar.h"
#include "modules/vfs_user_fs.h"
#include "storage/vfs.h"

static bool fs_board;
static bool fs_cwd_vfs;
static bool fs_host_gone;

void fs_route_detach_host(void) {
    fs_host_gone = true;
    if (!fs_cwd_vfs) {
        vfs_chdir("/");
        fs_cwd_vfs = true;
    }
}

bool fs_route_host_detached(void) {
    return fs_host_gone;
}

/* fat_time_t from the RTC (seconds since 2000-01-01) */
static void fs_route_clock(void *ctx, fat_time_t *now) {
    int64_t secs = port_rtc_seconds();
    if (secs < 0) {
        secs = 0;
    }
    int64_t days = secs / 86400, rem = secs % 86400;
    int64_t y;
    int m, d;
    cal_civil_from_days(days, &y, &m, &d);
    if (y > 2107) {
        y = 2107;
    }
    now->year = (uint16_t)y;
    now->month = (uint8_t)m;
    now->day = (uint8_t)d;
    now->hour = (uint8_t)(rem / 3600);
    now->min = (uint8_t)(rem / 60 % 60);
    now->sec = (uint8_t)(rem % 60);
}

void fs_route_use_rtc(void) {
    fat_set_clock(fs_route_clock, NULL);
}

void fs_route_set_board(bool board) {
    fs_board = board;
    if (board) {
        fs_route_use_rtc();
    }
}

bool fs_route_is_board(void) {
    return fs_board;
}

bool fs_route_cwd_in_vfs(void) {
    return fs_board || fs_cwd_vfs;
}

void fs_route_set_cwd_in_vfs(bool in_vfs) {
    fs_cwd_vfs = in_vfs;
}

/* The first component of an absolute path after folding "." and ".." (which never climb above
 * "/"), without a length limit: enough to tell which volume the path is on. */
static bool fs_first_component(const char *path, char *out, size_t cap) {
    size_t depth = 0;
    const char *first = NULL;
    size_t first_len = 0;
    const char *p = path;
    while (*p != '\0') {
        while (*p == '/') {
            p++;
        }
        const char *s = p;
        while (*p != '\0' && *p != '/') {
            p++;
        }
        size_t n = (size_t)(p - s);
        if (n == 0 || (n == 1 && s[0] == '.')) {
            continue;
        }
        if (n == 2 && s[0] == '.' && s[1] == '.') {
            if (depth > 0) {
                depth--;
            }
            continue;
        }
        if (depth == 0) {
            first = s;
            first_len = n;
        }
        depth++;
    }
    if (depth == 0 || first_len + 2 > cap) {
        return false;
    }
    out[0] = '/';
    memcpy(out + 1, first, first_len);
    out[first_len + 1] = '\0';
    return true;
}

/* Whether the VFS's current directory is its root "/" (relative paths are then looked up there). */
static bool fs_cwd_is_vfs_root(void) {
    char cwd[VFS_PATH_MAX + 1];
    return vfs_getcwd(cwd, sizeof(cwd)) == 0 && strcmp(cwd, "/") == 0;
}

fs_where_t fs_route(const char *path) {
    bool in_vfs = fs_board || fs_cwd_vfs;
    if (path[0] != '/') {
        if (vfs_user_cwd_active()) {
            return FS_USER;
        }
        if (!in_vfs) {
            return FS_HOST;
        }
        if (!fs_cwd_is_vfs_root()) {
            return FS_VFS;
        }
    }
    /* absolute, or relative to the VFS's root: a FAT mount, else a Python one, else the host's
     * (script mode) or the VFS's (its root and what doesn't exist) */
    char point[VFS_NAME_MAX + 2];
    if (fs_first_component(path, point, sizeof(point)) && vfs_is_mounted(point)) {
        return FS_VFS;
    }
    if (vfs_user_owns(path)) {
        return FS_USER;
    }
    return fs_board || fs_host_gone || path[0] != '/' ? FS_VFS : FS_HOST;
}

port_stat_t port_stat(const char *path) {
    fs_where_t w = fs_route(path);
    if (w == FS_USER) {
        return (port_stat_t)vfs_user_import_stat(path);
    }
    if (w == FS_VFS) {
        vfs_stat_t st;
        if (path[0] == '\0' || vfs_stat(path, &st) != 0) {
            return PORT_STAT_NONE;
        }
        return st.is_dir ? PORT_STAT_DIR : PORT_STAT_FILE;
    }
    host_stat_t st;
    if (host_stat(path, &st) != 0) {
        return PORT_STAT_NONE;
    }
    return st.is_dir ? PORT_STAT_DIR : st.is_file ? PORT_STAT_FILE : PORT_STAT_NONE;
}

static ssize_t vfs_reader(void *ctx, void *buf, size_t n) { return vfs_read((vfs_file_t *)ctx, buf, n); }

char *port_read_file(const char *path, size_t *len) {
    fs_where_t w = fs_route(path);
    if (w == FS_USER) {
        return vfs_user_read_file(path, len);
    }
    if (w != FS_VFS) {
        return host_read_file(path, len);
    }
    vfs_file_t f;
    if (path[0] == '\0' || vfs_open(&f, path, VFS_O_RDONLY) != 0) {
        return NULL;
    }
    char *buf = host_read_all(vfs_reader, &f, len);
    vfs_close(&f);
    return buf;
}
