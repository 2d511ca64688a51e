/* host/files.c: the host file system (host/host_fs.h), over POSIX: stat, whole-file reads (import,
 * a program on stdin), the descriptors behind open() in script mode, directory listing and the
 * name operations of the os module, and the re-exec of a hard reset.
 * Invariant: errors come back as negative errno values; nothing here raises or allocates on the GC. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "host/host_fs.h"

static void host_fill_stat(const struct stat *s, host_stat_t *st) {
    st->is_dir = S_ISDIR(s->st_mode);
    st->is_file = S_ISREG(s->st_mode);
    st->size = (uint64_t)s->st_size;
    st->mtime = (int64_t)s->st_mtime;
    st->atime = (int64_t)s->st_atime;
    st->ctime = (int64_t)s->st_ctime;
    st->ino = (uint64_t)s->st_ino;
}

int host_stat(const char *path, host_stat_t *st) {
    struct stat s;
    if (stat(path[0] == '\0' ? "." : path, &s) != 0) {
        return -errno;
    }
    host_fill_stat(&s, st);
    return 0;
}

char *host_read_all(host_reader_t rd, void *ctx, size_t *len) {
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    while (buf != NULL) {
        ssize_t got = rd(ctx, buf + n, cap - n);
        if (got < 0) {
            free(buf);
            return NULL;
        }
        if (got == 0) {
            break;
        }
        n += (size_t)got;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (nb == NULL) {
                free(buf);
            }
            buf = nb;
        }
    }
    if (buf == NULL) {
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static ssize_t host_fd_reader(void *ctx, void *buf, size_t n) {
    ssize_t got;
    do {
        got = read(*(int *)ctx, buf, n);
    } while (got < 0 && errno == EINTR);
    return got;
}

char *host_read_fd(int fd, size_t *len) { return host_read_all(host_fd_reader, &fd, len); }

int host_file_open(const char *path, int flags) {
    int rw = (flags & HOST_O_READ) && (flags & HOST_O_WRITE) ? O_RDWR : (flags & HOST_O_WRITE) ? O_WRONLY : O_RDONLY;
    int f = rw | O_CLOEXEC | ((flags & HOST_O_CREAT) ? O_CREAT : 0) | ((flags & HOST_O_TRUNC) ? O_TRUNC : 0) |
            ((flags & HOST_O_APPEND) ? O_APPEND : 0) | ((flags & HOST_O_EXCL) ? O_EXCL : 0);
    int fd;
    do {
        fd = open(path, f, 0644);
    } while (fd < 0 && errno == EINTR);
    return fd < 0 ? -errno : fd;
}

ssize_t host_file_read(int fd, void *buf, size_t n) {
    ssize_t got = read(fd, buf, n);
    return got < 0 ? -errno : got;
}

ssize_t host_file_write(int fd, const void *buf, size_t n) {
    ssize_t got = write(fd, buf, n);
    return got < 0 ? -errno : got;
}

int64_t host_file_seek(int fd, int64_t off, int whence) {
    off_t r = lseek(fd, (off_t)off, whence == 1 ? SEEK_CUR : whence == 2 ? SEEK_END : SEEK_SET);
    return r < 0 ? -errno : (int64_t)r;
}

ssize_t host_file_pread(int fd, void *buf, size_t n, uint64_t off) {
    ssize_t got = pread(fd, buf, n, (off_t)off);
    return got < 0 ? -errno : got;
}

ssize_t host_file_pwrite(int fd, const void *buf, size_t n, uint64_t off) {
    ssize_t got = pwrite(fd, buf, n, (off_t)off);
    return got < 0 ? -errno : got;
}

int host_file_sync(int fd, bool data_only) {
    return (data_only ? fdatasync(fd) : fsync(fd)) == 0 ? 0 : -errno;
}

int host_file_truncate(int fd, uint64_t size) { return ftruncate(fd, (off_t)size) == 0 ? 0 : -errno; }

int64_t host_file_size(int fd) {
    struct stat st;
    if (fstat(fd, &st) != 0) {
        return -errno;
    }
    return S_ISREG(st.st_mode) ? (int64_t)st.st_size : -ENODEV;
}

int host_dir_sync(const char *path) {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return -errno;
    }
    int r = fsync(fd) == 0 ? 0 : -errno;
    close(fd);
    return r;
}

int host_file_close(int fd) { return close(fd) < 0 && errno != EINTR ? -errno : 0; }

/* Through the program's real path, not /proc/self/exe: the process keeps its name ("wipy", not
 * "exe") in ps, top and /proc/PID/comm. */
int host_reexec(char *const argv[]) {
    char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
    if (n > 0 && (size_t)n < sizeof(path) - 1) {
        path[n] = '\0';
        execv(path, argv);
    }
    execv("/proc/self/exe", argv); /* the file was replaced or moved: this image still runs */
    return -errno;
}

int host_exec(const char *path, char *const argv[]) {
    execv(path, argv);
    return -errno;
}

int host_self_path(char *buf, size_t cap) {
    ssize_t n = readlink("/proc/self/exe", buf, cap - 1);
    if (n < 0) {
        return -errno;
    }
    if ((size_t)n >= cap - 1) {
        return -ENAMETOOLONG;
    }
    buf[n] = '\0';
    return 0;
}

int host_make_executable(const char *path) {
    return chmod(path, 0755) == 0 ? 0 : -errno;
}

void host_keep_on_reexec(int fd) {
    int fl = fcntl(fd, F_GETFD, 0);
    if (fl >= 0) {
        fcntl(fd, F_SETFD, fl & ~FD_CLOEXEC);
    }
}

bool host_fd_open(int fd) { return fd >= 0 && fcntl(fd, F_GETFD, 0) >= 0; }

char *host_read_file(const char *path, size_t *len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return NULL;
    }
    char *buf = host_read_all(host_fd_reader, &fd, len);
    close(fd);
    return buf;
}

int host_listdir(const char *path, bool (*fn)(void *ctx, const char *name, const host_stat_t *st), void *ctx) {
    DIR *d = opendir(path[0] == '\0' ? "." : path);
    if (d == NULL) {
        return -errno;
    }
    int dfd = dirfd(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        host_stat_t st;
        memset(&st, 0, sizeof(st));
        struct stat s;
        if (fstatat(dfd, e->d_name, &s, 0) == 0) {
            host_fill_stat(&s, &st);
        }
        if (!fn(ctx, e->d_name, &st)) {
            break;
        }
    }
    closedir(d);
    return 0;
}

static int host_result(int r) {
    return r == 0 ? 0 : -errno;
}

int host_mkdir(const char *path) {
    return host_result(mkdir(path, 0777));
}
int host_rmdir(const char *path) {
    return host_result(rmdir(path));
}
int host_remove(const char *path) {
    return host_result(unlink(path));
}
int host_rename(const char *from, const char *to) {
    return host_result(rename(from, to));
}
int host_chdir(const char *path) {
    return host_result(chdir(path));
}

int host_getcwd(char *buf, size_t cap) {
    return getcwd(buf, cap) != NULL ? 0 : -errno;
}

int host_statvfs(const char *path, host_statvfs_t *st) {
    struct statvfs s;
    if (statvfs(path[0] == '\0' ? "." : path, &s) != 0) {
        return -errno;
    }
    st->bsize = (uint32_t)s.f_bsize;
    st->frsize = (uint32_t)s.f_frsize;
    st->blocks = s.f_blocks;
    st->bfree = s.f_bfree;
    st->bavail = s.f_bavail;
    st->files = s.f_files;
    st->ffree = s.f_ffree;
    st->favail = s.f_favail;
    st->flag = (uint32_t)s.f_flag;
    st->namemax = (uint32_t)s.f_namemax;
    return 0;
}

void host_sync(void) {
    sync();
}

/* The lock is flock() on DIR/lock, held by an open descriptor for the life of the process (closed
 * on exec: a hard reset takes it again); the file holds the holder's pid for the message. */
static int lock_fd = -1; /* the state directory's lock, held by this process */

int host_lock_dir(const char *dir, long *holder) {
    char path[4096];
    if (snprintf(path, sizeof(path), "%s/lock", dir) >= (int)sizeof(path)) {
        return -ENAMETOOLONG;
    }
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        return -errno;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        char buf[24] = {0};
        *holder = pread(fd, buf, sizeof(buf) - 1, 0) > 0 ? strtol(buf, NULL, 10) : 0;
        close(fd);
        return e == EWOULDBLOCK ? -EBUSY : -e;
    }
    char buf[24];
    int n = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, (size_t)n, 0) != n) {
        /* the lock holds anyway; only the pid in the message of a second board would be missing */
    }
    if (lock_fd >= 0) {
        close(lock_fd);
    }
    lock_fd = fd;
    return 0;
}

void host_unlock_dir(void) {
    if (lock_fd < 0) {
        return;
    }
    if (ftruncate(lock_fd, 0) != 0) {
        /* the pid stays in the file; the lock itself goes with the descriptor */
    }
    flock(lock_fd, LOCK_UN);
    close(lock_fd);
    lock_fd = -1;
}

const char *host_env(const char *name) { return getenv(name); }
