/* modules/fs_route.h: which file system serves a path: the VFS (storage/vfs.h: /flash, /sd, the
 * virtual "/") or the host's. Board mode: every path is a VFS path. Script mode (default): the
 * host's, except absolute paths whose first component is a mounted volume, and relative paths while
 * the current directory is in the VFS (os.chdir('/flash') moves it there, os.chdir(host) back).
 * Python file systems (vfs.mount of an object) serve what falls under their mount point.
 * Also defines core/port.h's port_stat and port_read_file (import, running files) over that rule. */
#ifndef MODULES_FS_ROUTE_H
#define MODULES_FS_ROUTE_H

#include <stdbool.h>

/* FS_USER: a file system written in Python, mounted with vfs.mount (modules/vfs_user_fs.h). */
typedef enum { FS_HOST = 0, FS_VFS = 1, FS_USER = 2 } fs_where_t;

/* Board mode (the board calls it at boot, after mounting /flash); also makes the RTC the FAT clock. */
void fs_route_set_board(bool board);
bool fs_route_is_board(void);
/* The FAT clock follows the RTC (port_rtc_seconds); script mode's --flash calls it. */
void fs_route_use_rtc(void);

fs_where_t fs_route(const char *path);
/* Script mode: whether the current directory is in the VFS (always true in board mode). */
bool fs_route_cwd_in_vfs(void);
void fs_route_set_cwd_in_vfs(bool in_vfs);
/* Script mode: vfs.umount('/') takes the host's files away, as unmounting MicroPython's unix port's
 * VfsPosix at "/" does: from then on every path is the VFS's (the current directory moves to "/"). */
void fs_route_detach_host(void);
bool fs_route_host_detached(void);

#endif
