/* The hidden store over POSIX files: key -> <dir>/<key>. Writes go to <dir>/.<key>.tmp, are
 * fsync'ed, renamed over the key and the directory is fsync'ed.
 * Invariant: a key's file is always a complete blob (old or new), never a partial write. */
#include "storage/hidden_store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool hstore_key_ok(const char *key) {
    size_t n = key ? strlen(key) : 0;
    if (n == 0 || n > HSTORE_KEY_MAX || key[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = key[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                c == '-'))
            return false;
    }
    return true;
}

int hstore_open(hstore_t *hs, const char *dir) {
    if (strlen(dir) >= sizeof hs->dir)
        return -ENAMETOOLONG;
    if (mkdir(dir, 0755) != 0 && errno != EEXIST)
        return -errno;
    struct stat st;
    if (stat(dir, &st) != 0)
        return -errno;
    if (!S_ISDIR(st.st_mode))
        return -ENOTDIR;
    strcpy(hs->dir, dir);
    return 0;
}

int hstore_path(const hstore_t *hs, const char *key, char *out, size_t cap) {
    if (!hstore_key_ok(key))
        return -EINVAL;
    int n = snprintf(out, cap, "%s/%s", hs->dir, key);
    return n < 0 || (size_t)n >= cap ? -ENAMETOOLONG : 0;
}

static int hstore_sync_dir(const hstore_t *hs) {
    int fd = open(hs->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    int r = fsync(fd) == 0 ? 0 : -errno;
    close(fd);
    return r;
}

int hstore_begin(const hstore_t *hs, const char *key, hstore_writer_t *w) {
    w->fd = -1;
    w->hs = hs;
    w->len = 0;
    int r = hstore_path(hs, key, w->final, sizeof w->final);
    if (r)
        return r;
    int n = snprintf(w->tmp, sizeof w->tmp, "%s/.%s.tmp", hs->dir, key);
    if (n < 0 || (size_t)n >= sizeof w->tmp)
        return -ENAMETOOLONG;
    w->fd = open(w->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    return w->fd < 0 ? -errno : 0;
}

int hstore_append(hstore_writer_t *w, const void *data, size_t len) {
    const char *p = data;
    while (len) {
        ssize_t k = write(w->fd, p, len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return -errno;
        p += k;
        len -= (size_t)k;
        w->len += (size_t)k;
    }
    return 0;
}

void hstore_abort(hstore_writer_t *w) {
    if (w->fd >= 0) {
        close(w->fd);
        unlink(w->tmp);
    }
    w->fd = -1;
}

int hstore_commit(hstore_writer_t *w) {
    if (w->fd < 0)
        return -EBADF;
    if (fsync(w->fd) != 0) {
        int r = -errno;
        hstore_abort(w);
        return r;
    }
    close(w->fd);
    w->fd = -1;
    if (rename(w->tmp, w->final) != 0) {
        int r = -errno;
        unlink(w->tmp);
        return r;
    }
    return hstore_sync_dir(w->hs);
}

int hstore_put(const hstore_t *hs, const char *key, const void *data, size_t len) {
    hstore_writer_t w;
    int r = hstore_begin(hs, key, &w);
    if (r)
        return r;
    if ((r = hstore_append(&w, data, len))) {
        hstore_abort(&w);
        return r;
    }
    return hstore_commit(&w);
}

ssize_t hstore_get(const hstore_t *hs, const char *key, void *buf, size_t cap) {
    char path[320];
    int r = hstore_path(hs, key, path, sizeof path);
    if (r)
        return r;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        r = -errno;
        close(fd);
        return r;
    }
    size_t want = (size_t)st.st_size < cap ? (size_t)st.st_size : cap, got = 0;
    while (got < want) {
        ssize_t k = read(fd, (char *)buf + got, want - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    close(fd);
    return (ssize_t)st.st_size;
}

ssize_t hstore_size(const hstore_t *hs, const char *key) {
    char path[320];
    int r = hstore_path(hs, key, path, sizeof path);
    if (r)
        return r;
    struct stat st;
    if (stat(path, &st) != 0)
        return -errno;
    return (ssize_t)st.st_size;
}

int hstore_delete(const hstore_t *hs, const char *key) {
    char path[320];
    int r = hstore_path(hs, key, path, sizeof path);
    if (r)
        return r;
    if (unlink(path) != 0)
        return -errno;
    return hstore_sync_dir(hs);
}
