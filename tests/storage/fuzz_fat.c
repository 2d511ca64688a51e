/* libFuzzer target: mount a mutated FAT image and walk it (list, stat, read every file), then
 * modify it (create, write, mkdir, rename, truncate, remove). The input is a list of sector
 * patches (3-byte sector number + up to 512 bytes) over a sparse 72000-sector device, so the
 * fuzzer can reach any FAT/directory/data sector of FAT12, FAT16 and FAT32 layouts.
 * Built with -DFUZZ_STANDALONE it replays files given on the command line (regression tests). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storage/fat.h"

#define FZ_SECTORS 72000u
#define FZ_CHUNK 64u
#define FZ_NCHUNK ((FZ_SECTORS + FZ_CHUNK - 1) / FZ_CHUNK)

static uint8_t *fz_chunk[FZ_NCHUNK];

static uint8_t *fz_get(uint32_t sec, int alloc) {
    uint32_t c = sec / FZ_CHUNK;
    if (!fz_chunk[c]) {
        if (!alloc)
            return NULL;
        fz_chunk[c] = calloc(FZ_CHUNK, 512);
        if (!fz_chunk[c])
            abort();
    }
    return fz_chunk[c] + (sec % FZ_CHUNK) * 512;
}

static int fz_read(void *ctx, uint32_t lba, uint32_t n, uint8_t *buf) {
    for (uint32_t i = 0; i < n; i++) {
        if (lba + i >= FZ_SECTORS)
            abort(); /* bdev_read must have refused this */
        uint8_t *p = fz_get(lba + i, 0);
        if (p)
            memcpy(buf + i * 512, p, 512);
        else
            memset(buf + i * 512, 0, 512);
    }
    return 0;
}

static uint32_t fz_limit; /* end of the mounted volume: no write may go past it */

static int fz_write(void *ctx, uint32_t lba, uint32_t n, const uint8_t *buf) {
    for (uint32_t i = 0; i < n; i++) {
        if (lba + i >= FZ_SECTORS || lba + i >= fz_limit)
            abort();
        memcpy(fz_get(lba + i, 1), buf + i * 512, 512);
    }
    return 0;
}

static uint32_t fz_count(void *ctx) {
    return FZ_SECTORS;
}
static uint32_t fz_size(void *ctx) {
    return 512;
}

static fat_vol_t fz_vol;
static unsigned fz_budget;

static void fz_walk(const char *path, int depth) {
    fat_dir_t d;
    fat_dirent_t e;
    if (depth > 6 || fat_opendir(&fz_vol, &d, path) != 0)
        return;
    int n = 0, r;
    while (fz_budget > 0 && (r = fat_readdir(&d, &e)) == 1 && n++ < 64) {
        fz_budget--;
        char sub[2048];
        size_t pl = strlen(path), nl = strlen(e.name);
        if (pl + nl + 2 > sizeof sub)
            continue;
        memcpy(sub, path, pl);
        sub[pl] = '/';
        memcpy(sub + pl + 1, e.name, nl + 1);
        fat_stat_t st;
        fat_stat(&fz_vol, sub, &st);
        if (e.st.is_dir) {
            fat_dir_t save = d;
            fz_walk(sub, depth + 1);
            d = save;
        } else {
            fat_file_t f;
            if (fat_open(&fz_vol, &f, sub, FAT_O_READ) == 0) {
                uint8_t buf[4096];
                for (int k = 0; k < 8 && fat_read(&f, buf, sizeof buf) > 0; k++)
                    ;
                fat_seek(&f, 100, SEEK_SET);
                fat_read(&f, buf, 10);
                fat_close(&f);
            }
        }
    }
}

static void fz_first(const char *path, char *out, size_t cap, int want_dir) {
    fat_dir_t d;
    fat_dirent_t e;
    out[0] = 0;
    if (fat_opendir(&fz_vol, &d, path) != 0)
        return;
    for (int n = 0; n < 32 && fat_readdir(&d, &e) == 1; n++)
        if (e.st.is_dir == want_dir) {
            snprintf(out, cap, "%s/%s", path, e.name);
            return;
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    for (uint32_t c = 0; c < FZ_NCHUNK; c++) {
        free(fz_chunk[c]);
        fz_chunk[c] = NULL;
    }
    for (size_t off = 0; off + 3 < size;) {
        uint32_t sec = (uint32_t)data[off] | (uint32_t)data[off + 1] << 8 | (uint32_t)data[off + 2] << 16;
        off += 3;
        size_t k = size - off < 512 ? size - off : 512;
        if (sec < FZ_SECTORS)
            memcpy(fz_get(sec, 1), data + off, k);
        off += k;
    }
    bdev_t bd = {.read = fz_read, .write = fz_write, .count = fz_count, .size = fz_size};
    fz_limit = 0; /* mounting writes nothing */
    if (fat_mount(&fz_vol, &bd, 0) != 0)
        return 0;
    fz_limit = fz_vol.base + fz_vol.total_sectors;
    fz_budget = 400;
    fz_walk("", 0);
    fat_statvfs_t sv;
    fat_statvfs(&fz_vol, &sv);
    /* Modify: every call must fail cleanly or leave a walkable volume. */
    char file[1100], dir[1100], tmp[1200];
    fz_first("", file, sizeof file, 0);
    fz_first("", dir, sizeof dir, 1);
    fat_file_t f;
    static uint8_t big[9000];
    memset(big, 'x', sizeof big);
    if (fat_open(&fz_vol, &f, "A long new file name.txt", FAT_O_WRITE | FAT_O_CREAT) == 0) {
        fat_write(&f, big, sizeof big);
        fat_seek(&f, 20000, SEEK_SET);
        fat_write(&f, big, 100);
        fat_truncate(&f, 700);
        fat_close(&f);
    }
    if (file[0] && fat_open(&fz_vol, &f, file, FAT_O_READ | FAT_O_WRITE | FAT_O_APPEND) == 0) {
        fat_write(&f, big, 1500);
        fat_truncate(&f, 3);
        fat_close(&f);
    }
    fat_mkdir(&fz_vol, "newdir");
    fat_mkdir(&fz_vol, "newdir/sub dir");
    if (file[0]) {
        snprintf(tmp, sizeof tmp, "newdir/%s", "moved file");
        fat_rename(&fz_vol, file, tmp);
        fat_remove(&fz_vol, tmp);
    }
    if (dir[0]) {
        snprintf(tmp, sizeof tmp, "%s/inner", dir);
        fat_mkdir(&fz_vol, tmp);
        fat_rename(&fz_vol, dir, "newdir/sub dir/moved dir");
        fat_rename(&fz_vol, "newdir", "newdir/sub dir/moved dir/x");
        fat_rmdir(&fz_vol, "newdir/sub dir/moved dir/inner");
        fat_rmdir(&fz_vol, "newdir/sub dir/moved dir");
    }
    fz_budget = 200;
    fz_walk("", 0);
    fat_sync(&fz_vol);
    fat_unmount(&fz_vol);
    return 0;
}

#ifdef FUZZ_STANDALONE
int main(int argc, char **argv) {
    int ok = 0;
    static uint8_t buf[1 << 20];
    for (int i = 1; i < argc; i++) {
        FILE *fp = fopen(argv[i], "rb");
        if (!fp) {
            perror(argv[i]);
            return 1;
        }
        size_t n = fread(buf, 1, sizeof buf, fp);
        fclose(fp);
        LLVMFuzzerTestOneInput(buf, n);
        ok++;
    }
    printf("%d passed, 0 failed\n", ok);
    return 0;
}
#endif
