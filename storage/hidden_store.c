/* The hidden store over the host's files (host/host_fs.h): key -> <dir>/<key>. Writes go to <dir>/.<key>.tmp, are
 * fsync'ed, renamed over the key and the directory is fsync'ed.
 * Invariant: a key's file is always a complete blob (old or new), never a partial write. */
#include "storage/hidden_store.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "host/host_fs.h"

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
    int r = host_mkdir(dir);
    if (r != 0 && r != -EEXIST)
        return r;
    host_stat_t st;
    if ((r = host_stat(dir, &st)) != 0)
        return r;
    if (!st.is_dir)
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
    return host_dir_sync(hs->dir);
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
    w->fd = host_file_open(w->tmp, HOST_O_WRITE | HOST_O_CREAT | HOST_O_TRUNC);
    if (w->fd < 0) {
        int e = w->fd;
        w->fd = -1;
        return e;
    }
    return 0;
}

int hstore_append(hstore_writer_t *w, const void *data, size_t len) {
    const char *p = data;
    while (len) {
        ssize_t k = host_file_write(w->fd, p, len);
        if (k == -EINTR)
            continue;
        if (k < 0)
            return (int)k;
        p += k;
        len -= (size_t)k;
        w->len += (size_t)k;
    }
    return 0;
}

void hstore_abort(hstore_writer_t *w) {
    if (w->fd >= 0) {
        host_file_close(w->fd);
        host_remove(w->tmp);
    }
    w->fd = -1;
}

int hstore_commit(hstore_writer_t *w) {
    if (w->fd < 0)
        return -EBADF;
    int r = host_file_sync(w->fd, false);
    if (r != 0) {
        hstore_abort(w);
        return r;
    }
    host_file_close(w->fd);
    w->fd = -1;
    if ((r = host_rename(w->tmp, w->final)) != 0) {
        host_remove(w->tmp);
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
    int fd = host_file_open(path, HOST_O_READ);
    if (fd < 0)
        return fd;
    int64_t size = host_file_size(fd);
    if (size < 0) {
        host_file_close(fd);
        return (ssize_t)size;
    }
    size_t want = (uint64_t)size < cap ? (size_t)size : cap, got = 0;
    while (got < want) {
        ssize_t k = host_file_read(fd, (char *)buf + got, want - got);
        if (k == -EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    host_file_close(fd);
    if (got < want)
        return -EIO; /* the file ended early or could not be read: never report bytes not read */
    return (ssize_t)size;
}

ssize_t hstore_size(const hstore_t *hs, const char *key) {
    char path[320];
    int r = hstore_path(hs, key, path, sizeof path);
    if (r)
        return r;
    host_stat_t st;
    if ((r = host_stat(path, &st)) != 0)
        return r;
    return (ssize_t)st.size;
}

int hstore_delete(const hstore_t *hs, const char *key) {
    char path[320];
    int r = hstore_path(hs, key, path, sizeof path);
    if (r)
        return r;
    if ((r = host_remove(path)) != 0)
        return r;
    return hstore_sync_dir(hs);
}
