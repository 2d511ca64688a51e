/* The hidden store: a few named blobs (firmware slots, boot info, certificates) kept as files
 * in the state directory, outside the FAT volume. Every write replaces a blob atomically
 * (temporary file, fsync, rename, fsync of the directory): a reader sees old or new, whole. */
#ifndef STORAGE_HIDDEN_STORE_H
#define STORAGE_HIDDEN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define HSTORE_KEY_MAX 64

typedef struct hstore {
    char dir[256];
} hstore_t;

/* A streaming write (an upload arriving in pieces); nothing is visible before commit. */
typedef struct hstore_writer {
    int fd;
    size_t len;
    char tmp[320], final[320];
    const hstore_t *hs;
} hstore_writer_t;

int hstore_open(hstore_t *hs, const char *dir); /* creates dir if missing */
bool hstore_key_ok(const char *key);
int hstore_put(const hstore_t *hs, const char *key, const void *data, size_t len);
/* Copies up to cap bytes; returns the blob's full size (or -ENOENT...). */
ssize_t hstore_get(const hstore_t *hs, const char *key, void *buf, size_t cap);
ssize_t hstore_size(const hstore_t *hs, const char *key);
int hstore_delete(const hstore_t *hs, const char *key);
/* Host path of a blob (the bootloader executes firmware images from there). */
int hstore_path(const hstore_t *hs, const char *key, char *out, size_t cap);

int hstore_begin(const hstore_t *hs, const char *key, hstore_writer_t *w);
int hstore_append(hstore_writer_t *w, const void *data, size_t len);
int hstore_commit(hstore_writer_t *w);
void hstore_abort(hstore_writer_t *w);

#endif
