/* host/host_fs.h: the host file system and entropy as plain helpers (host/files.c, host/random.c),
 * for the script-mode side of modules/fs_route.c and the os module. No Python here.
 * Invariant: every call returns 0 (or a count) on success and a negative errno on failure. */
#ifndef HOST_HOST_FS_H
#define HOST_HOST_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct {
    bool is_dir, is_file;
    uint64_t size;
    int64_t mtime, atime, ctime; /* seconds since 1970-01-01 */
    uint64_t ino;
} host_stat_t;

typedef struct {
    uint32_t bsize, frsize, flag, namemax;
    uint64_t blocks, bfree, bavail, files, ffree, favail;
} host_statvfs_t;

int host_stat(const char *path, host_stat_t *st); /* "" is the current directory */
/* Reads a whole file into a malloc'd buffer (NUL-terminated; caller frees); NULL if unreadable. */
char *host_read_file(const char *path, size_t *len);
/* Everything readable from an open descriptor (stdin, say), the same way. */
char *host_read_fd(int fd, size_t *len);
/* The same over any reader (bytes read, 0 at the end, < 0 on error), e.g. a VFS file. */
typedef ssize_t (*host_reader_t)(void *ctx, void *buf, size_t n);
char *host_read_all(host_reader_t rd, void *ctx, size_t *len);
/* Calls fn for each entry of a directory but "." and ".."; stops early when fn returns false. */
int host_listdir(const char *path, bool (*fn)(void *ctx, const char *name, const host_stat_t *st), void *ctx);
/* Files as descriptors, for open() in script mode. Flags are HOST_O_*; results are >= 0 or a
 * negative errno, -EINTR included (the caller decides whether to poll for Ctrl-C and retry). */
enum { HOST_O_READ = 1, HOST_O_WRITE = 2, HOST_O_CREAT = 4, HOST_O_TRUNC = 8, HOST_O_APPEND = 16, HOST_O_EXCL = 32 };
int host_file_open(const char *path, int flags);
ssize_t host_file_read(int fd, void *buf, size_t n);
ssize_t host_file_write(int fd, const void *buf, size_t n);
int64_t host_file_seek(int fd, int64_t off, int whence); /* whence 0 set, 1 current, 2 end */
int host_file_close(int fd);
/* At an offset (the file position is left alone); a negative errno, -EINTR included. */
ssize_t host_file_pread(int fd, void *buf, size_t n, uint64_t off);
ssize_t host_file_pwrite(int fd, const void *buf, size_t n, uint64_t off);
int host_file_sync(int fd, bool data_only); /* written out to the disk (fsync / fdatasync) */
int host_file_truncate(int fd, uint64_t size);
int64_t host_file_size(int fd);             /* of a regular file; -ENODEV for anything else */
int host_dir_sync(const char *path);        /* a directory's entries written out (after a rename) */
/* Runs this program again in this process with argv (a hard reset); returns only on failure. */
int host_reexec(char *const argv[]);
/* Runs the executable at path in this process (the bootloader starting an image); returns only
 * on failure, with a negative errno. */
int host_exec(const char *path, char *const argv[]);
/* The absolute path of the running executable. */
int host_self_path(char *buf, size_t cap);
/* Makes a file executable by its owner (firmware slots before they are run). */
int host_make_executable(const char *path);
/* Lets a descriptor survive host_reexec (the control interface's sockets, the trace file); the new
 * program learns its number from the arguments it is given. */
void host_keep_on_reexec(int fd);
/* Whether fd is an open descriptor (one handed over by the last program). */
bool host_fd_open(int fd);
int host_mkdir(const char *path);
/* Takes the exclusive lock of a directory for this process (DIR/lock); -EBUSY with *holder set
 * to the holder's pid (0 if unknown) when another process has it. */
int host_lock_dir(const char *dir, long *holder);
/* Gives the lock of host_lock_dir up (the board is off); nothing if none is held. */
void host_unlock_dir(void);
int host_rmdir(const char *path);
int host_remove(const char *path);
int host_rename(const char *from, const char *to);
int host_chdir(const char *path);
int host_getcwd(char *buf, size_t cap);
int host_statvfs(const char *path, host_statvfs_t *st);
void host_sync(void);
/* An environment variable's value, or NULL (MICROPYPATH, WIPY_DIS). */
const char *host_env(const char *name);
/* n bytes of the kernel's randomness into buf. */
int host_random(void *buf, size_t n);

#endif
