/* cmocka unit tests of the storage layer: block devices, FAT12/16/32 operations (run once per
 * FAT type), names (long, Unicode, 8.3 aliases and collisions), full volumes, corrupt images,
 * the VFS, /flash first boot and the hidden store. Prints "N passed, N failed" last. */
// clang-format off
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
// clang-format on

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "storage/fat_int.h"
#include "storage/flash_init.h"
#include "storage/hidden_store.h"
#include "storage/vfs.h"

typedef struct tcfg {
    uint8_t type;
    uint32_t sectors;
    bool flash;
} tcfg_t;

static tcfg_t cfg_flash = {12, 384, true}, cfg12 = {12, 4000, false}, cfg16 = {16, 16384, false},
              cfg32 = {32, 70000, false};

static uint8_t *img;
static uint32_t img_sectors;
static bdev_t bd;
static fat_vol_t vol;

static void mkimg(const tcfg_t *c) {
    img_sectors = c->sectors;
    img = calloc(c->sectors, 512);
    assert_non_null(img);
    assert_int_equal(bdev_mem_init(&bd, img, c->sectors), 0);
    if (c->flash)
        assert_int_equal(fat_mkfs_flash(&bd), 0);
    else {
        fat_mkfs_opts_t o = {.type = c->type};
        assert_int_equal(fat_mkfs(&bd, &o), 0);
    }
    assert_int_equal(fat_mount(&vol, &bd, 0), 0);
    assert_int_equal(vol.type, c->type);
}

static int setup(void **state) {
    mkimg(*state);
    return 0;
}

static int teardown(void **state) {
    if (vol.mounted) {
        for (fat_file_t *f = vol.open_files; f; f = vol.open_files)
            fat_close(f);
        fat_unmount(&vol);
    }
    bdev_close(&bd);
    free(img);
    img = NULL;
    return 0;
}

static void remount(void) {
    assert_int_equal(fat_unmount(&vol), 0);
    assert_int_equal(fat_mount(&vol, &bd, 0), 0);
}

static void put(const char *path, const void *data, size_t n) {
    fat_file_t f;
    assert_int_equal(fat_open(&vol, &f, path, FAT_O_WRITE | FAT_O_CREAT | FAT_O_TRUNC), 0);
    assert_int_equal(fat_write(&f, data, n), (ssize_t)n);
    assert_int_equal(fat_close(&f), 0);
}

static size_t get(const char *path, void *buf, size_t cap) {
    fat_file_t f;
    assert_int_equal(fat_open(&vol, &f, path, FAT_O_READ), 0);
    ssize_t n = fat_read(&f, buf, cap);
    assert_true(n >= 0);
    assert_int_equal(fat_close(&f), 0);
    return (size_t)n;
}

static void pattern(uint8_t *p, size_t n, uint32_t seed) {
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        p[i] = (uint8_t)(seed >> 16);
    }
}

static int count_entries(const char *path) {
    fat_dir_t d;
    fat_dirent_t e;
    int n = 0, r;
    assert_int_equal(fat_opendir(&vol, &d, path), 0);
    while ((r = fat_readdir(&d, &e)) == 1)
        n++;
    assert_int_equal(r, 0);
    return n;
}

static bool has_entry(const char *dir, const char *name) {
    fat_dir_t d;
    fat_dirent_t e;
    assert_int_equal(fat_opendir(&vol, &d, dir), 0);
    while (fat_readdir(&d, &e) == 1)
        if (!strcmp(e.name, name))
            return true;
    return false;
}

/* ---- block devices ---- */

static void test_bdev_file(void **state) {
    char path[] = "bdev-test.img";
    unlink(path);
    bdev_t b;
    assert_int_equal(bdev_file_open(&b, path, false, false, 0), -ENOENT);
    assert_int_equal(bdev_file_open(&b, path, false, true, 100), 0);
    assert_int_equal(bdev_count(&b), 100);
    uint8_t w[1024], r[1024];
    pattern(w, sizeof w, 3);
    assert_int_equal(bdev_write(&b, 98, 2, w), 0);
    assert_int_equal(bdev_write(&b, 99, 2, w), -EIO);
    assert_int_equal(bdev_write(&b, 100, 1, w), -EIO);
    assert_int_equal(bdev_read(&b, 0xFFFFFFFFu, 2, r), -EIO);
    assert_int_equal(bdev_read(&b, 98, 2, r), 0);
    assert_memory_equal(w, r, sizeof w);
    assert_int_equal(bdev_sync(&b), 0);
    bdev_close(&b);
    assert_int_equal(bdev_file_open(&b, path, true, false, 0), 0);
    assert_int_equal(bdev_write(&b, 0, 1, w), -EROFS);
    assert_int_equal(bdev_read(&b, 99, 1, r), 0);
    assert_memory_equal(w + 512, r, 512);
    bdev_close(&b);
    unlink(path);
}

typedef struct objdev {
    uint8_t data[64 * 512];
    int syncs;
} objdev_t;
static int od_read(void *o, uint32_t lba, uint8_t *buf, size_t len) {
    memcpy(buf, ((objdev_t *)o)->data + lba * 512, len);
    return 0;
}
static int od_write(void *o, uint32_t lba, const uint8_t *buf, size_t len) {
    memcpy(((objdev_t *)o)->data + lba * 512, buf, len);
    return 0;
}
static long od_ioctl(void *o, int op, long arg) {
    if (op == BDEV_IOCTL_SYNC)
        ((objdev_t *)o)->syncs++;
    return op == BDEV_IOCTL_COUNT ? 64 : op == BDEV_IOCTL_SIZE ? 512 : 0;
}

static void test_bdev_obj(void **state) {
    static objdev_t od;
    static const bdev_obj_ops_t ops = {od_read, od_write, od_ioctl};
    bdev_obj_t holder;
    bdev_t b;
    bdev_obj_init(&b, &holder, &ops, &od);
    assert_int_equal(bdev_count(&b), 64);
    assert_int_equal(fat_mkfs(&b, NULL), 0);
    fat_vol_t v;
    assert_int_equal(fat_mount(&v, &b, 0), 0);
    fat_file_t f;
    assert_int_equal(fat_open(&v, &f, "x.txt", FAT_O_WRITE | FAT_O_CREAT), 0);
    assert_int_equal(fat_write(&f, "hello", 5), 5);
    assert_int_equal(fat_close(&f), 0);
    assert_int_equal(fat_unmount(&v), 0);
    assert_true(od.syncs > 0);
    assert_int_equal(bdev_write(&b, 64, 1, od.data), -EIO);
}

/* ---- mkfs / mount ---- */

static void test_flash_layout(void **state) {
    assert_int_equal(vol.n_fats, 1);
    assert_int_equal(vol.sec_per_clus, 1);
    assert_int_equal(vol.root_entries, 512);
    assert_int_equal(vol.n_clusters, 349);
    assert_int_equal(vol.data_start, 35);
    fat_statvfs_t st;
    assert_int_equal(fat_statvfs(&vol, &st), 0);
    assert_int_equal(st.bsize, 512);
    assert_int_equal(st.bfree, 349);
    assert_int_equal(st.namemax, 255);
    assert_int_equal(img[510], 0x55);
    assert_int_equal(img[511], 0xAA);
}

static void test_mkfs_auto_types(void **state) {
    static const struct {
        uint32_t sectors;
        uint8_t type;
    } cases[] = {{64, 12}, {384, 12}, {8000, 12}, {9000, 16}, {200000, 16}, {1100000, 32}};
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint8_t *m = calloc(cases[i].sectors, 512);
        bdev_t b;
        fat_vol_t v;
        bdev_mem_init(&b, m, cases[i].sectors);
        assert_int_equal(fat_mkfs(&b, NULL), 0);
        assert_int_equal(fat_mount(&v, &b, 0), 0);
        assert_int_equal(v.type, cases[i].type);
        assert_int_equal(v.n_fats, 2);
        assert_true(v.n_clusters > 0);
        assert_int_equal(fat_unmount(&v), 0);
        bdev_close(&b);
        free(m);
    }
    /* FAT32 forced onto a volume too small for 65525 clusters is refused. */
    uint8_t *m = calloc(20000, 512);
    bdev_t b;
    bdev_mem_init(&b, m, 20000);
    fat_mkfs_opts_t o = {.type = 32};
    assert_int_equal(fat_mkfs(&b, &o), -EINVAL);
    bdev_close(&b);
    free(m);
}

/* FatFs's layout (fat_mkfs_ff): the cluster sizes and counts MicroPython's VfsFat.mkfs gives. */
static void test_mkfs_ff_layouts(void **state) {
    static const struct {
        uint32_t sectors, spc, clusters;
        uint8_t type;
    } cases[] = {{50, 1, 16, 12}, {400, 1, 365, 12}, {8000, 2, 3977, 12}, {20000, 4, 4986, 16}};
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint8_t *m = calloc(cases[i].sectors, 512);
        memset(m, 0xA5, (size_t)cases[i].sectors * 512); /* old contents must not show through */
        bdev_t b;
        fat_vol_t v;
        bdev_mem_init(&b, m, cases[i].sectors);
        assert_int_equal(fat_mkfs_ff(&b), 0);
        assert_int_equal(fat_mount(&v, &b, 0), 0);
        assert_int_equal(v.type, cases[i].type);
        assert_int_equal(v.n_fats, 1);
        assert_int_equal(v.sec_per_clus, cases[i].spc);
        assert_int_equal(v.n_clusters, cases[i].clusters);
        fat_dir_t d;
        fat_dirent_t e;
        assert_int_equal(fat_opendir(&v, &d, ""), 0);
        assert_int_equal(fat_readdir(&d, &e), 0); /* an empty root */
        assert_int_equal(fat_unmount(&v), 0);
        bdev_close(&b);
        free(m);
    }
    uint8_t *m = calloc(49, 512);
    bdev_t b;
    bdev_mem_init(&b, m, 49);
    assert_int_equal(fat_mkfs_ff(&b), -EINVAL); /* FatFs wants 16 clusters past the metadata */
    bdev_close(&b);
    free(m);
}

static void test_mount_rejects(void **state) {
    uint8_t *m = calloc(512, 512);
    bdev_t b;
    fat_vol_t v;
    bdev_mem_init(&b, m, 512);
    assert_int_equal(fat_mount(&v, &b, 0), -ENODEV); /* blank */
    assert_int_equal(fat_mkfs(&b, NULL), 0);
    m[12] = 0; /* bytes per sector 0 */
    assert_int_equal(fat_mount(&v, &b, 0), -ENODEV);
    assert_int_equal(fat_mkfs(&b, NULL), 0);
    fat_wr16(m + 19, 60000); /* claims more sectors than the device has */
    assert_int_equal(fat_mount(&v, &b, 0), -EIO);
    bdev_close(&b);
    free(m);
}

/* A volume in an MBR partition (an SD card as a PC formats it). */
static int off_read(void *ctx, uint32_t lba, uint32_t n, uint8_t *buf) {
    return bdev_read(ctx, lba + 2048, n, buf);
}
static int off_write(void *ctx, uint32_t lba, uint32_t n, const uint8_t *buf) {
    return bdev_write(ctx, lba + 2048, n, buf);
}
static uint32_t off_count(void *ctx) {
    return bdev_count(ctx) - 2048;
}

static void test_mbr_partition(void **state) {
    uint32_t n = 2048 + 20000;
    uint8_t *m = calloc(n, 512);
    bdev_t whole, part;
    bdev_mem_init(&whole, m, n);
    part = (bdev_t){.ctx = &whole, .read = off_read, .write = off_write, .count = off_count};
    assert_int_equal(fat_mkfs(&part, NULL), 0);
    uint8_t *pe = m + 446;
    pe[4] = 0x06;
    fat_wr32(pe + 8, 2048);
    fat_wr32(pe + 12, 20000);
    m[510] = 0x55, m[511] = 0xAA;
    fat_vol_t v;
    assert_int_equal(fat_mount(&v, &whole, 0), 0);
    assert_int_equal(v.base, 2048);
    assert_int_equal(fat_mkdir(&v, "in partition"), 0);
    assert_int_equal(fat_unmount(&v), 0);
    assert_int_equal(fat_mount(&v, &part, 0), 0);
    fat_stat_t st;
    assert_int_equal(fat_stat(&v, "in partition", &st), 0);
    assert_true(st.is_dir);
    fat_unmount(&v);
    bdev_close(&whole);
    free(m);
}

/* ---- files (each FAT type) ---- */

static void test_file_basic(void **state) {
    uint8_t data[20000], back[20000];
    pattern(data, sizeof data, 1);
    put("hello.txt", data, sizeof data);
    assert_int_equal(get("hello.txt", back, sizeof back), sizeof data);
    assert_memory_equal(data, back, sizeof data);
    remount();
    memset(back, 0, sizeof back);
    assert_int_equal(get("HELLO.TXT", back, sizeof back), sizeof data);
    assert_memory_equal(data, back, sizeof data);
    fat_stat_t st;
    assert_int_equal(fat_stat(&vol, "hello.txt", &st), 0);
    assert_int_equal(st.size, sizeof data);
    assert_false(st.is_dir);
    assert_true(st.attr & FAT_ATTR_ARCHIVE);
    /* small writes of odd sizes */
    fat_file_t f;
    assert_int_equal(fat_open(&vol, &f, "small.bin", FAT_O_WRITE | FAT_O_CREAT), 0);
    size_t off = 0;
    for (size_t k = 1; off + k <= sizeof data; k = k * 3 % 1001 + 1) {
        assert_int_equal(fat_write(&f, data + off, k), (ssize_t)k);
        off += k;
    }
    assert_int_equal(fat_close(&f), 0);
    assert_int_equal(get("small.bin", back, sizeof back), off);
    assert_memory_equal(data, back, off);
}

static void test_file_append_seek(void **state) {
    fat_file_t f;
    put("a.txt", "hello", 5);
    assert_int_equal(fat_open(&vol, &f, "a.txt", FAT_O_APPEND), 0);
    assert_int_equal(fat_write(&f, " world", 6), 6);
    assert_int_equal(fat_seek(&f, 0, SEEK_SET), 0);
    assert_int_equal(fat_write(&f, "!", 1), 1); /* append ignores the seek */
    assert_int_equal(fat_close(&f), 0);
    char buf[64];
    assert_int_equal(get("a.txt", buf, sizeof buf), 12);
    assert_memory_equal(buf, "hello world!", 12);
    /* read+write, seek around, overwrite in the middle */
    assert_int_equal(fat_open(&vol, &f, "a.txt", FAT_O_READ | FAT_O_WRITE), 0);
    assert_int_equal(fat_seek(&f, 6, SEEK_SET), 6);
    assert_int_equal(fat_write(&f, "WORLD", 5), 5);
    assert_int_equal(fat_tell(&f), 11);
    assert_int_equal(fat_seek(&f, -12, SEEK_END), 0);
    assert_int_equal(fat_read(&f, buf, 64), 12);
    assert_memory_equal(buf, "hello WORLD!", 12);
    assert_int_equal(fat_seek(&f, -1, SEEK_SET), -EINVAL);
    assert_int_equal(fat_seek(&f, 0, 99), -EINVAL);
    /* seek past the end and write: the gap reads as zeros */
    assert_int_equal(fat_seek(&f, 3000, SEEK_SET), 3000);
    assert_int_equal(fat_read(&f, buf, 10), 0);
    assert_int_equal(fat_write(&f, "end", 3), 3);
    assert_int_equal(fat_size(&f), 3003);
    assert_int_equal(fat_close(&f), 0);
    static uint8_t big[4000];
    assert_int_equal(get("a.txt", big, sizeof big), 3003);
    for (int i = 12; i < 3000; i++)
        assert_int_equal(big[i], 0);
    assert_memory_equal(big + 3000, "end", 3);
    /* a read-only handle cannot write and vice versa */
    assert_int_equal(fat_open(&vol, &f, "a.txt", FAT_O_READ), 0);
    assert_int_equal(fat_write(&f, "x", 1), -EBADF);
    assert_int_equal(fat_close(&f), 0);
    assert_int_equal(fat_close(&f), -EBADF);
    assert_int_equal(fat_open(&vol, &f, "a.txt", FAT_O_WRITE), 0);
    assert_int_equal(fat_read(&f, buf, 1), -EBADF);
    assert_int_equal(fat_close(&f), 0);
}

static void test_file_truncate(void **state) {
    uint8_t data[9000], back[12000];
    pattern(data, sizeof data, 5);
    put("t.bin", data, sizeof data);
    fat_statvfs_t s0, s1;
    assert_int_equal(fat_statvfs(&vol, &s0), 0);
    fat_file_t f;
    assert_int_equal(fat_open(&vol, &f, "t.bin", FAT_O_READ | FAT_O_WRITE), 0);
    assert_int_equal(fat_truncate(&f, 1000), 0);
    assert_int_equal(fat_size(&f), 1000);
    assert_int_equal(fat_truncate(&f, 1500), 0); /* grows with zeros */
    assert_int_equal(fat_close(&f), 0);
    assert_int_equal(get("t.bin", back, sizeof back), 1500);
    assert_memory_equal(back, data, 1000);
    for (int i = 1000; i < 1500; i++)
        assert_int_equal(back[i], 0);
    assert_int_equal(fat_statvfs(&vol, &s1), 0);
    assert_true(s1.bfree > s0.bfree);
    /* O_TRUNC frees everything; the file stays, empty */
    assert_int_equal(fat_open(&vol, &f, "t.bin", FAT_O_WRITE | FAT_O_TRUNC), 0);
    assert_int_equal(fat_size(&f), 0);
    assert_int_equal(fat_close(&f), 0);
    fat_loc_t loc;
    assert_int_equal(fat_lookup(&vol, "t.bin", &loc), 0);
    assert_int_equal(fat_ent_clus(&vol, loc.ent), 0);
    remount();
    assert_int_equal(fat_statvfs(&vol, &s1), 0);
    assert_int_equal(s1.bfree, s1.blocks - (vol.type == 32)); /* FAT32: the root's cluster */
}

static void test_create_flags(void **state) {
    fat_file_t f;
    assert_int_equal(fat_open(&vol, &f, "nope.txt", FAT_O_READ), -ENOENT);
    assert_int_equal(fat_open(&vol, &f, "nope/x.txt", FAT_O_WRITE | FAT_O_CREAT), -ENOENT);
    put("x.txt", "1", 1);
    assert_int_equal(fat_open(&vol, &f, "x.txt", FAT_O_WRITE | FAT_O_CREAT | FAT_O_EXCL), -EEXIST);
    assert_int_equal(fat_open(&vol, &f, "x.txt/y", FAT_O_READ), -ENOTDIR);
    assert_int_equal(fat_open(&vol, &f, "", FAT_O_READ), -EISDIR);
    assert_int_equal(fat_mkdir(&vol, "d"), 0);
    assert_int_equal(fat_open(&vol, &f, "d", FAT_O_READ), -EISDIR);
    assert_int_equal(fat_open(&vol, &f, "bad:name", FAT_O_WRITE | FAT_O_CREAT), -EINVAL);
    assert_int_equal(fat_open(&vol, &f, "bad*", FAT_O_WRITE | FAT_O_CREAT), -EINVAL);
    /* two handles on one file */
    fat_file_t g;
    assert_int_equal(fat_open(&vol, &f, "x.txt", FAT_O_READ), 0);
    assert_int_equal(fat_open(&vol, &g, "x.txt", FAT_O_READ), 0);
    assert_int_equal(fat_remove(&vol, "x.txt"), -EBUSY);
    assert_int_equal(fat_rename(&vol, "x.txt", "y.txt"), -EBUSY);
    assert_int_equal(fat_unmount(&vol), -EBUSY);
    fat_close(&f);
    fat_close(&g);
    assert_int_equal(fat_remove(&vol, "x.txt"), 0);
}

static void test_dirs(void **state) {
    assert_int_equal(fat_mkdir(&vol, "a"), 0);
    assert_int_equal(fat_mkdir(&vol, "a"), -EEXIST);
    assert_int_equal(fat_mkdir(&vol, "A"), -EEXIST);
    assert_int_equal(fat_mkdir(&vol, ""), -EEXIST);
    assert_int_equal(fat_mkdir(&vol, "a/b"), 0);
    assert_int_equal(fat_mkdir(&vol, "x/y"), -ENOENT);
    put("a/b/f.txt", "data", 4);
    assert_int_equal(fat_rmdir(&vol, "a"), -ENOTEMPTY);
    assert_int_equal(fat_rmdir(&vol, "a/b"), -ENOTEMPTY);
    assert_int_equal(fat_rmdir(&vol, "a/b/f.txt"), -ENOTDIR);
    assert_int_equal(fat_remove(&vol, "a/b"), -EISDIR);
    assert_int_equal(fat_rmdir(&vol, ""), -EBUSY);
    assert_int_equal(fat_rmdir(&vol, "zz"), -ENOENT);
    fat_stat_t st;
    assert_int_equal(fat_stat(&vol, "a/b", &st), 0);
    assert_true(st.is_dir);
    assert_int_equal(fat_stat(&vol, "", &st), 0);
    assert_true(st.is_dir);
    assert_int_equal(count_entries("a"), 1);
    assert_int_equal(count_entries("a/b"), 1);
    assert_int_equal(fat_remove(&vol, "a/b/f.txt"), 0);
    assert_int_equal(fat_remove(&vol, "a/b/f.txt"), -ENOENT);
    assert_int_equal(fat_rmdir(&vol, "a/b"), 0);
    assert_int_equal(fat_rmdir(&vol, "a"), 0);
    assert_int_equal(count_entries(""), 0);
    fat_statvfs_t sv;
    assert_int_equal(fat_statvfs(&vol, &sv), 0);
    assert_int_equal(sv.bfree, sv.blocks - (vol.type == 32));
    /* '.' and '..' of a new directory */
    assert_int_equal(fat_mkdir(&vol, "p"), 0);
    assert_int_equal(fat_mkdir(&vol, "p/q"), 0);
    fat_loc_t p, q, dd;
    assert_int_equal(fat_lookup(&vol, "p", &p), 0);
    assert_int_equal(fat_lookup(&vol, "p/q", &q), 0);
    static const uint16_t dotdot[2] = {'.', '.'};
    assert_int_equal(fat_dir_find(&vol, fat_ent_clus(&vol, q.ent), dotdot, 2, &dd), 0);
    assert_int_equal(fat_ent_clus(&vol, dd.ent), fat_ent_clus(&vol, p.ent));
    assert_int_equal(fat_dir_find(&vol, fat_ent_clus(&vol, p.ent), dotdot, 2, &dd), 0);
    assert_int_equal(fat_ent_clus(&vol, dd.ent), 0);
}

static void test_rename(void **state) {
    put("one.txt", "1111", 4);
    put("two.txt", "22", 2);
    assert_int_equal(fat_rename(&vol, "one.txt", "two.txt"), -EEXIST);
    assert_int_equal(fat_rename(&vol, "none", "x"), -ENOENT);
    assert_int_equal(fat_rename(&vol, "one.txt", "A much longer name.text"), 0);
    assert_false(has_entry("", "one.txt"));
    assert_true(has_entry("", "A much longer name.text"));
    /* renaming to the very same name changes nothing */
    fat_loc_t before, after;
    assert_int_equal(fat_lookup(&vol, "two.txt", &before), 0);
    assert_int_equal(fat_rename(&vol, "two.txt", "two.txt"), 0);
    assert_int_equal(fat_lookup(&vol, "two.txt", &after), 0);
    assert_int_equal(before.sector, after.sector);
    assert_int_equal(before.off, after.off);
    /* case-only rename of the same entry */
    assert_int_equal(fat_rename(&vol, "two.txt", "TWO.txt"), 0);
    assert_true(has_entry("", "TWO.txt"));
    assert_false(has_entry("", "two.txt"));
    /* across directories, with a directory moving and its '..' following it */
    assert_int_equal(fat_mkdir(&vol, "src"), 0);
    assert_int_equal(fat_mkdir(&vol, "dst"), 0);
    assert_int_equal(fat_mkdir(&vol, "src/moving dir"), 0);
    put("src/moving dir/inside.txt", "inside", 6);
    assert_int_equal(fat_rename(&vol, "src/moving dir", "dst/moved dir"), 0);
    assert_int_equal(fat_rename(&vol, "dst", "dst/moved dir/x"), -EINVAL);
    assert_int_equal(fat_rename(&vol, "dst", "dst/y"), -EINVAL);
    char buf[16];
    assert_int_equal(get("dst/moved dir/inside.txt", buf, sizeof buf), 6);
    fat_loc_t dst, moved, dd;
    assert_int_equal(fat_lookup(&vol, "dst", &dst), 0);
    assert_int_equal(fat_lookup(&vol, "dst/moved dir", &moved), 0);
    static const uint16_t dotdot[2] = {'.', '.'};
    assert_int_equal(fat_dir_find(&vol, fat_ent_clus(&vol, moved.ent), dotdot, 2, &dd), 0);
    assert_int_equal(fat_ent_clus(&vol, dd.ent), fat_ent_clus(&vol, dst.ent));
    assert_int_equal(fat_rename(&vol, "dst/moved dir", "top"), 0);
    assert_int_equal(fat_lookup(&vol, "top", &moved), 0);
    assert_int_equal(fat_dir_find(&vol, fat_ent_clus(&vol, moved.ent), dotdot, 2, &dd), 0);
    assert_int_equal(fat_ent_clus(&vol, dd.ent), 0);
    assert_int_equal(count_entries("src"), 0);
    assert_int_equal(fat_rename(&vol, "TWO.txt", "top/two.txt"), 0);
    assert_int_equal(get("top/two.txt", buf, sizeof buf), 2);
    assert_int_equal(fat_rename(&vol, "", "x"), -EBUSY);
}

static void test_long_unicode_names(void **state) {
    const char *names[] = {"Ünïcode ✓ name 日本語.txt", "emoji 😀 file.py", "spaces  in  name", "a.b.c.d", ".hidden",
        "lower.py", "MixedCase.Py", "x", "TWELVECHARS1"};
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
        put(names[i], names[i], strlen(names[i]));
    remount();
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        assert_true(has_entry("", names[i]));
        char buf[64];
        size_t n = get(names[i], buf, sizeof buf);
        assert_int_equal(n, strlen(names[i]));
        assert_memory_equal(buf, names[i], n);
    }
    char buf[64];
    assert_int_equal(get("ÜNÏCODE ✓ NAME 日本語.TXT", buf, sizeof buf), strlen(names[0]));
    /* trailing dots and spaces are dropped, as on Windows */
    put("trail. . ", "t", 1);
    assert_true(has_entry("", "trail"));
    /* 255 characters fit, 256 do not */
    char longname[300];
    memset(longname, 'n', 255);
    longname[255] = 0;
    put(longname, "L", 1);
    assert_true(has_entry("", longname));
    longname[255] = 'n';
    longname[256] = 0;
    fat_file_t f;
    assert_int_equal(fat_open(&vol, &f, longname, FAT_O_WRITE | FAT_O_CREAT), -ENAMETOOLONG);
    assert_int_equal(fat_open(&vol, &f, "bad\xff utf8", FAT_O_WRITE | FAT_O_CREAT), -EINVAL);
    /* a name that fits 8.3 in one case needs no LFN entries: NT case bits */
    fat_loc_t loc;
    assert_int_equal(fat_lookup(&vol, "lower.py", &loc), 0);
    assert_int_equal(loc.first_idx, loc.short_idx);
    assert_memory_equal(loc.ent, "LOWER   PY ", 11);
    assert_int_equal(loc.ent[DE_NTRES], NTRES_LOWER_BASE | NTRES_LOWER_EXT);
    assert_int_equal(fat_lookup(&vol, "MixedCase.Py", &loc), 0);
    assert_true(loc.first_idx < loc.short_idx);
}

static void test_short_alias_collisions(void **state) {
    char name[64];
    for (int i = 1; i <= 12; i++) {
        snprintf(name, sizeof name, "Long File Name %d.txt", i);
        put(name, name, strlen(name));
    }
    fat_loc_t loc;
    assert_int_equal(fat_lookup(&vol, "Long File Name 1.txt", &loc), 0);
    assert_memory_equal(loc.ent, "LONGFI~1TXT", 11);
    assert_int_equal(fat_lookup(&vol, "Long File Name 9.txt", &loc), 0);
    assert_memory_equal(loc.ent, "LONGFI~9TXT", 11);
    assert_int_equal(fat_lookup(&vol, "Long File Name 10.txt", &loc), 0);
    assert_memory_equal(loc.ent, "LONGF~10TXT", 11);
    /* the alias opens the file too, and the checksum ties LFN to alias */
    char buf[64];
    assert_int_equal(get("longf~12.txt", buf, sizeof buf), strlen("Long File Name 12.txt"));
    assert_memory_equal(buf, "Long File Name 12.txt", 21);
    /* a freed tail number is reused */
    assert_int_equal(fat_remove(&vol, "Long File Name 3.txt"), 0);
    put("Long File Name 99.txt", "x", 1);
    assert_int_equal(fat_lookup(&vol, "Long File Name 99.txt", &loc), 0);
    assert_memory_equal(loc.ent, "LONGFI~3TXT", 11);
    /* lossy characters and extensions longer than 3 */
    put("a+b=c[1].jpeg", "j", 1);
    assert_int_equal(fat_lookup(&vol, "a+b=c[1].jpeg", &loc), 0);
    assert_memory_equal(loc.ent, "A_B_C_~1JPE", 11);
    put(".profile", "p", 1);
    assert_int_equal(fat_lookup(&vol, ".profile", &loc), 0);
    assert_memory_equal(loc.ent, "PROFIL~1   ", 11);
    /* a name equal to an existing alias is that file */
    fat_file_t f;
    assert_int_equal(fat_open(&vol, &f, "LONGFI~1.TXT", FAT_O_WRITE | FAT_O_CREAT | FAT_O_EXCL), -EEXIST);
    uint8_t sum = fat_lfn_checksum((const uint8_t *)"LONGFI~1TXT");
    assert_int_equal(fat_lookup(&vol, "Long File Name 1.txt", &loc), 0);
    assert_int_equal(fat_lfn_checksum(loc.ent), sum);
}

static void test_many_files(void **state) {
    char name[64];
    assert_int_equal(fat_mkdir(&vol, "many"), 0);
    const int n = ((const tcfg_t *)*state)->flash ? 100 : 300;
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "many/a rather long file name number %04d.data", i);
        put(name, name, strlen(name));
    }
    remount();
    assert_int_equal(count_entries("many"), n);
    for (int i = 0; i < n; i += 37) {
        char buf[64];
        snprintf(name, sizeof name, "many/a rather long file name number %04d.data", i);
        assert_int_equal(get(name, buf, sizeof buf), strlen(name));
        assert_memory_equal(buf, name, strlen(name));
    }
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "many/a rather long file name number %04d.data", i);
        assert_int_equal(fat_remove(&vol, name), 0);
    }
    assert_int_equal(fat_rmdir(&vol, "many"), 0);
    /* a fixed FAT12/16 root fills up: -ENOSPC, and what is there stays readable */
    int made = 0, r = 0;
    for (int i = 0; i < 1000; i++) {
        snprintf(name, sizeof name, "root entry with long name %d", i);
        fat_file_t f;
        r = fat_open(&vol, &f, name, FAT_O_WRITE | FAT_O_CREAT);
        if (r)
            break;
        fat_close(&f);
        made++;
    }
    if (vol.type == 32) {
        assert_int_equal(made, 1000);
    } else {
        assert_int_equal(r, -ENOSPC);
        assert_true(made > 100);
        assert_int_equal(count_entries(""), made);
    }
}

static void test_deep_tree(void **state) {
    char path[1024] = "";
    for (int i = 0; i < 24; i++) {
        size_t l = strlen(path);
        snprintf(path + l, sizeof path - l, "%slevel %d", l ? "/" : "", i);
        assert_int_equal(fat_mkdir(&vol, path), 0);
    }
    char file[1100];
    snprintf(file, sizeof file, "%s/bottom.txt", path);
    put(file, "deep", 4);
    remount();
    char buf[8];
    assert_int_equal(get(file, buf, sizeof buf), 4);
    assert_int_equal(fat_rmdir(&vol, "level 0"), -ENOTEMPTY);
    assert_int_equal(fat_remove(&vol, file), 0);
    for (int i = 23; i >= 0; i--) {
        assert_int_equal(fat_rmdir(&vol, path), 0);
        char *s = strrchr(path, '/');
        if (s)
            *s = 0;
    }
    assert_int_equal(count_entries(""), 0);
}

static void test_full_volume(void **state) {
    const tcfg_t *c = *state;
    static uint8_t chunk[4096];
    pattern(chunk, sizeof chunk, 9);
    put("keep.txt", "precious", 8);
    fat_file_t f;
    assert_int_equal(fat_open(&vol, &f, "filler.bin", FAT_O_WRITE | FAT_O_CREAT), 0);
    uint64_t total = 0;
    ssize_t w;
    uint64_t limit = (uint64_t)c->sectors * 512;
    if (limit > (8u << 20))
        limit = 8u << 20; /* on big volumes, fill another way (below) */
    while (total < limit + 8192 && (w = fat_write(&f, chunk, sizeof chunk)) > 0)
        total += (uint64_t)w;
    if (c->sectors * 512ull <= (8u << 20)) {
        assert_int_equal(fat_write(&f, chunk, sizeof chunk), -ENOSPC);
        assert_int_equal(fat_size(&f), total);
    }
    assert_int_equal(fat_close(&f), 0);
    if (c->sectors * 512ull > (8u << 20))
        return;
    fat_statvfs_t sv;
    assert_int_equal(fat_statvfs(&vol, &sv), 0);
    assert_int_equal(sv.bfree, 0);
    assert_int_equal(fat_mkdir(&vol, "no room"), -ENOSPC);
    remount();
    fat_stat_t st;
    assert_int_equal(fat_stat(&vol, "filler.bin", &st), 0);
    assert_int_equal(st.size, total);
    /* every byte of the filler reads back */
    assert_int_equal(fat_open(&vol, &f, "filler.bin", FAT_O_READ), 0);
    static uint8_t back[4096];
    uint64_t seen = 0;
    ssize_t n;
    while ((n = fat_read(&f, back, sizeof back)) > 0) {
        assert_memory_equal(back, chunk + (seen % sizeof chunk), (size_t)n);
        seen += (uint64_t)n;
    }
    assert_int_equal(seen, total);
    fat_close(&f);
    char buf[16];
    assert_int_equal(get("keep.txt", buf, sizeof buf), 8);
    assert_int_equal(fat_remove(&vol, "filler.bin"), 0);
    assert_int_equal(fat_statvfs(&vol, &sv), 0);
    assert_true(sv.bfree >= sv.blocks - 2);
    assert_int_equal(fat_mkdir(&vol, "room now"), 0);
}

static void fixed_clock(void *ctx, fat_time_t *t) {
    *t = *(fat_time_t *)ctx;
}

static void test_timestamps(void **state) {
    fat_time_t now = {2024, 5, 17, 13, 45, 31};
    fat_set_clock(fixed_clock, &now);
    put("t.txt", "x", 1);
    assert_int_equal(fat_mkdir(&vol, "td"), 0);
    fat_stat_t st;
    assert_int_equal(fat_stat(&vol, "t.txt", &st), 0);
    assert_int_equal(st.mtime.year, 2024);
    assert_int_equal(st.mtime.month, 5);
    assert_int_equal(st.mtime.day, 17);
    assert_int_equal(st.mtime.hour, 13);
    assert_int_equal(st.mtime.min, 45);
    assert_int_equal(st.mtime.sec, 30); /* 2-second resolution */
    now.year = 2030;
    fat_file_t f;
    assert_int_equal(fat_open(&vol, &f, "t.txt", FAT_O_APPEND), 0);
    assert_int_equal(fat_write(&f, "y", 1), 1);
    assert_int_equal(fat_close(&f), 0);
    assert_int_equal(fat_stat(&vol, "t.txt", &st), 0);
    assert_int_equal(st.mtime.year, 2030);
    assert_int_equal(st.ctime.year, 2024);
    assert_int_equal(fat_stat(&vol, "td", &st), 0);
    assert_int_equal(st.mtime.year, 2024);
    fat_set_clock(NULL, NULL);
    put("u.txt", "x", 1);
    assert_int_equal(fat_stat(&vol, "u.txt", &st), 0);
    assert_int_equal(st.mtime.year, 2000);
}

static void test_readonly_mount(void **state) {
    put("f.txt", "abc", 3);
    assert_int_equal(fat_mkdir(&vol, "d"), 0);
    assert_int_equal(fat_unmount(&vol), 0);
    assert_int_equal(fat_mount(&vol, &bd, FAT_MOUNT_RO), 0);
    fat_file_t f;
    assert_int_equal(fat_open(&vol, &f, "f.txt", FAT_O_WRITE), -EROFS);
    assert_int_equal(fat_open(&vol, &f, "new", FAT_O_WRITE | FAT_O_CREAT), -EROFS);
    assert_int_equal(fat_mkdir(&vol, "e"), -EROFS);
    assert_int_equal(fat_rmdir(&vol, "d"), -EROFS);
    assert_int_equal(fat_remove(&vol, "f.txt"), -EROFS);
    assert_int_equal(fat_rename(&vol, "f.txt", "g.txt"), -EROFS);
    char buf[4];
    assert_int_equal(get("f.txt", buf, sizeof buf), 3);
}

/* ---- corrupt images ---- */

static void test_corrupt_chains(void **state) {
    uint8_t data[5000];
    pattern(data, sizeof data, 2);
    put("f.bin", data, sizeof data);
    assert_int_equal(fat_mkdir(&vol, "d"), 0);
    for (int i = 0; i < 40; i++) {
        char n[64];
        snprintf(n, sizeof n, "d/file with a long name %d", i);
        put(n, "z", 1);
    }
    fat_loc_t lf, ld;
    assert_int_equal(fat_lookup(&vol, "f.bin", &lf), 0);
    assert_int_equal(fat_lookup(&vol, "d", &ld), 0);
    uint32_t c0 = fat_ent_clus(&vol, lf.ent), d0 = fat_ent_clus(&vol, ld.ent);
    uint32_t c1, d1;
    assert_int_equal(fat_next(&vol, c0, &c1), 1);
    assert_int_equal(fat_next(&vol, d0, &d1), 1);
    /* cycles: the file's 2nd cluster points back at its 1st, the dir's too */
    assert_int_equal(fat_set(&vol, c1, c0), 0);
    assert_int_equal(fat_set(&vol, d1, d0), 0);
    assert_int_equal(fat_flush_fat(&vol), 0);
    remount();
    static uint8_t back[6000];
    fat_file_t f;
    assert_int_equal(fat_open(&vol, &f, "f.bin", FAT_O_READ), 0);
    ssize_t n = fat_read(&f, back, sizeof back);
    assert_true(n == 5000 || n == -EIO || n < 5000); /* no hang; bounded by the size */
    fat_close(&f);
    int entries = 0, r;
    fat_dir_t d;
    fat_dirent_t e;
    assert_int_equal(fat_opendir(&vol, &d, "d"), 0);
    while ((r = fat_readdir(&d, &e)) == 1 && entries < 100000)
        entries++;
    assert_true(entries < 100000);
    /* a cluster number past the end of the volume */
    assert_int_equal(fat_set(&vol, c0, vol.n_clusters + 100), 0);
    assert_int_equal(fat_flush_fat(&vol), 0);
    assert_int_equal(fat_open(&vol, &f, "f.bin", FAT_O_READ), 0);
    assert_int_equal(
        fat_read(&f, back, sizeof back), 512 * vol.sec_per_clus > 5000 ? 5000 : (ssize_t)(512 * vol.sec_per_clus));
    assert_int_equal(fat_read(&f, back, sizeof back), -EIO);
    fat_close(&f);
    /* a free cluster inside a chain, and writing/truncating/deleting across it */
    assert_int_equal(fat_set(&vol, c0, 0), 0);
    assert_int_equal(fat_open(&vol, &f, "f.bin", FAT_O_READ | FAT_O_WRITE), 0);
    assert_int_equal(fat_seek(&f, 0, SEEK_END), 5000);
    assert_true(fat_write(&f, "x", 1) < 0 || vol.clus_size > 5000);
    fat_close(&f);
    assert_int_equal(fat_remove(&vol, "f.bin"), 0);
    assert_int_equal(fat_mkdir(&vol, "still works"), 0);
}

static void test_corrupt_entries(void **state) {
    put("f.txt", "abc", 3);
    assert_int_equal(fat_mkdir(&vol, "d"), 0);
    fat_loc_t l;
    assert_int_equal(fat_lookup(&vol, "d", &l), 0);
    /* a directory whose first cluster is out of range */
    uint8_t *buf = fat_dbuf_load(&vol, l.sector);
    fat_wr16(buf + l.off + DE_CLUS_LO, 0xFFF0 & (vol.type == 12 ? 0xFF0 : 0xFFF0));
    if (vol.type == 32)
        fat_wr16(buf + l.off + DE_CLUS_HI, 0x0FFF);
    assert_int_equal(fat_dbuf_store(&vol), 0);
    fat_dir_t d;
    assert_int_equal(fat_opendir(&vol, &d, "d"), -EIO);
    assert_int_equal(fat_rmdir(&vol, "d"), -EIO);
    assert_int_equal(fat_mkdir(&vol, "d/x"), -EIO);
    /* a file claiming 4 GiB in a one-cluster chain */
    assert_int_equal(fat_lookup(&vol, "f.txt", &l), 0);
    buf = fat_dbuf_load(&vol, l.sector);
    fat_wr32(buf + l.off + DE_SIZE, 0xFFFFFFF0u);
    assert_int_equal(fat_dbuf_store(&vol), 0);
    fat_file_t f;
    static uint8_t big[1 << 16];
    assert_int_equal(fat_open(&vol, &f, "f.txt", FAT_O_READ), 0);
    ssize_t n = fat_read(&f, big, sizeof big);
    assert_true(n == (ssize_t)vol.clus_size || n == -EIO);
    assert_int_equal(fat_read(&f, big, sizeof big), -EIO);
    assert_int_equal(fat_seek(&f, 0xF0000000, SEEK_SET), 0xF0000000);
    assert_int_equal(fat_read(&f, big, 10), -EIO);
    fat_close(&f);
    /* a lone LFN fragment and garbage attributes do not break listing */
    uint8_t *root = fat_dbuf_load(&vol, vol.type == 32 ? fat_clus2sec(&vol, vol.root_cluster) : vol.root_start);
    uint8_t *e = root + 5 * 32;
    memset(e, 0, 32);
    e[0] = 0x05; /* LFN ord 5 without the 'last' flag */
    e[DE_ATTR] = FAT_ATTR_LFN;
    assert_int_equal(fat_dbuf_store(&vol), 0);
    int cnt = count_entries("");
    assert_true(cnt >= 1);
}

/* ---- VFS ---- */

static uint8_t *img2;
static bdev_t bd2;

static int vfs_setup(void **state) {
    vfs_reset();
    img = calloc(FLASH_SECTORS, 512);
    img2 = calloc(20000, 512);
    bdev_mem_init(&bd, img, FLASH_SECTORS);
    bdev_mem_init(&bd2, img2, 20000);
    fat_mkfs(&bd2, NULL);
    return 0;
}

/* A volume from the pool that its owner mounted and lends to the table (a vfs.VfsFat's). */
static void test_vfs_borrowed_volume(void **state) {
    fat_vol_t *vols[VFS_MAX_VOLS];
    for (int i = 0; i < VFS_MAX_VOLS; i++)
        assert_non_null(vols[i] = vfs_vol_alloc());
    assert_null(vfs_vol_alloc());
    assert_int_equal(vfs_mount(&bd2, "/sd", 0), -ENOMEM); /* the table's mounts use the pool too */
    for (int i = 1; i < VFS_MAX_VOLS; i++)
        vfs_vol_free(vols[i]);
    fat_vol_t *v = vols[0];
    assert_int_equal(vfs_mount_vol(v, "/b", 0), -ENODEV); /* not mounted by its owner yet */
    assert_int_equal(fat_mount(v, &bd2, 0), 0);
    assert_int_equal(vfs_mount_vol(v, "/b", 0), 0);
    assert_true(vfs_vol_in_table(v));
    assert_int_equal(vfs_mount_vol(v, "/c", 0), -EBUSY);
    assert_int_equal(vfs_mount(&bd2, "/d", 0), -EBUSY); /* its device, twice: two caches */
    vfs_file_t f;
    assert_int_equal(vfs_open(&f, "/b/x.txt", VFS_O_WRONLY | VFS_O_CREAT), 0);
    assert_int_equal(vfs_write(&f, "abc", 3), 3);
    assert_int_equal(vfs_mkfs("/b"), -EBUSY);
    vfs_close(&f);
    assert_int_equal(vfs_mkfs("/b"), -EINVAL); /* its owner formats it, not the table */
    /* unmounted with a file open: the owner keeps the volume, so the file stays good */
    vfs_file_t g;
    assert_int_equal(vfs_open_vol(&g, v, "x.txt", VFS_O_RDWR | VFS_O_APPEND), 0);
    assert_int_equal(vfs_umount("/b"), 0);
    assert_false(vfs_vol_in_table(v));
    assert_true(v->mounted);
    assert_int_equal(vfs_write(&g, "def", 3), 3);
    assert_int_equal(vfs_close(&g), 0);
    vfs_stat_t st;
    assert_int_equal(fat_stat(v, "x.txt", &st), 0);
    assert_int_equal(st.size, 6);
    assert_int_equal(vfs_open_vol(&g, v, "", VFS_O_RDONLY), -EISDIR);
    assert_int_equal(fat_unmount(v), 0);
    assert_int_equal(vfs_open_vol(&g, v, "x.txt", VFS_O_RDONLY), -ENODEV);
    vfs_vol_free(v);
}

static int vfs_teardown(void **state) {
    vfs_umount("/sd");
    vfs_umount("/flash");
    vfs_reset();
    bdev_close(&bd);
    bdev_close(&bd2);
    free(img);
    free(img2);
    img = img2 = NULL;
    return 0;
}

static void vfs_list(const char *path, char *out, size_t cap) {
    vfs_dir_t d;
    vfs_dirent_t e;
    out[0] = 0;
    assert_int_equal(vfs_opendir(&d, path), 0);
    while (vfs_readdir(&d, &e) == 1) {
        strncat(out, e.name, cap - strlen(out) - 2);
        strcat(out, ",");
    }
    vfs_closedir(&d);
}

static void test_vfs_normalize(void **state) {
    char out[200];
    static const char *cases[][3] = {{"/", "a/b", "/a/b"}, {"/flash", "lib", "/flash/lib"},
        {"/flash/lib", "..", "/flash"}, {"/flash", "../../..", "/"}, {"/", "/flash//lib/./x/", "/flash/lib/x"},
        {"/flash/a", "../b/../c", "/flash/c"}, {"/flash", "/", "/"}, {"/flash", ".", "/flash"}, {"/", "..", "/"},
        {"/sd/x/y", "/flash/../sd/./z", "/sd/z"}};
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(vfs_normalize(cases[i][0], cases[i][1], out, sizeof out), 0);
        assert_string_equal(out, cases[i][2]);
    }
    char longp[200];
    memset(longp, 'a', 140);
    longp[0] = '/';
    longp[140] = 0;
    assert_int_equal(vfs_normalize("/", longp, out, sizeof out), -ENAMETOOLONG);
    longp[128] = 0;
    assert_int_equal(vfs_normalize("/", longp, out, sizeof out), 0);
    longp[128] = 'a';
    longp[129] = 0;
    assert_int_equal(vfs_normalize("/", longp, out, sizeof out), -ENAMETOOLONG);
}

static void test_vfs_mounts(void **state) {
    assert_int_equal(flash_mount(&bd, NULL), 0);
    char cwd[VFS_PATH_MAX + 1], list[512];
    assert_int_equal(vfs_getcwd(cwd, sizeof cwd), 0);
    assert_string_equal(cwd, "/flash");
    vfs_list("/", list, sizeof list);
    assert_string_equal(list, "flash,");
    assert_int_equal(vfs_mount(&bd2, "/sd", 0), 0);
    assert_int_equal(vfs_mount(&bd2, "/sd", 0), -EPERM);
    assert_int_equal(vfs_mount(&bd2, "/sd2", 0), -EBUSY);
    assert_int_equal(vfs_mount(&bd2, "/a/b", 0), -EINVAL);
    vfs_list("/", list, sizeof list);
    assert_string_equal(list, "flash,sd,");
    vfs_list("", list, sizeof list);
    assert_string_equal(list, "main.py,sys,lib,cert,boot.py,");
    vfs_stat_t st;
    assert_int_equal(vfs_stat("/", &st), 0);
    assert_true(st.is_dir);
    assert_int_equal(vfs_stat("/sd", &st), 0);
    assert_true(st.is_dir);
    assert_int_equal(vfs_stat("/nothere", &st), -ENOENT);
    assert_int_equal(vfs_stat("main.py", &st), 0);
    assert_int_equal(st.size, 34);
    /* files through the VFS, relative and absolute */
    vfs_file_t h;
    assert_int_equal(vfs_open(&h, "/sd/data.bin", VFS_O_WRONLY | VFS_O_CREAT), 0);
    assert_int_equal(vfs_write(&h, "0123456789", 10), 10);
    assert_int_equal(vfs_tell(&h), 10);
    assert_int_equal(vfs_seek(&h, 2, SEEK_SET), 2);
    assert_int_equal(vfs_truncate(&h, 5), 0);
    assert_int_equal(vfs_fsync(&h), 0);
    assert_int_equal(vfs_umount("/sd"), -EBUSY);
    assert_int_equal(vfs_mkfs("/sd"), -EBUSY);
    assert_int_equal(vfs_close(&h), 0);
    assert_int_equal(vfs_close(&h), -EBADF);
    assert_int_equal(vfs_chdir("/sd"), 0);
    assert_int_equal(vfs_open(&h, "data.bin", VFS_O_RDONLY), 0);
    char buf[16];
    assert_int_equal(vfs_read(&h, buf, sizeof buf), 5);
    assert_memory_equal(buf, "01234", 5);
    vfs_close(&h);
    assert_int_equal(vfs_open(&h, "/", VFS_O_RDONLY), -EISDIR);
    assert_int_equal(vfs_open(&h, "/sd", VFS_O_RDONLY), -EISDIR);
    assert_int_equal(vfs_open(&h, "/x.txt", VFS_O_WRONLY | VFS_O_CREAT), -EPERM);
    /* names */
    assert_int_equal(vfs_mkdir("/sd/dir"), 0);
    assert_int_equal(vfs_mkdir("/sd"), -EEXIST);
    assert_int_equal(vfs_mkdir("/"), -EEXIST);
    assert_int_equal(vfs_mkdir("/newtop"), -EPERM);
    assert_int_equal(vfs_chdir("dir"), 0);
    assert_int_equal(vfs_getcwd(cwd, sizeof cwd), 0);
    assert_string_equal(cwd, "/sd/dir");
    assert_int_equal(vfs_rmdir("/sd/dir"), -EBUSY); /* the cwd */
    assert_int_equal(vfs_rename("/sd/dir", "/sd/dir2"), 0);
    assert_int_equal(vfs_getcwd(cwd, sizeof cwd), 0);
    assert_string_equal(cwd, "/sd/dir2");
    assert_int_equal(vfs_chdir(".."), 0);
    assert_int_equal(vfs_chdir("data.bin"), -ENOTDIR);
    assert_int_equal(vfs_chdir("/nothere"), -ENOENT);
    assert_int_equal(vfs_rmdir("dir2"), 0);
    assert_int_equal(vfs_rename("/sd/data.bin", "/flash/data.bin"), -EXDEV);
    assert_int_equal(vfs_rename("/sd", "/sd2"), -EBUSY);
    assert_int_equal(vfs_remove("/sd"), -EISDIR);
    assert_int_equal(vfs_remove("data.bin"), 0);
    assert_int_equal(vfs_remove("data.bin"), -ENOENT);
    assert_int_equal(vfs_rmdir("/"), -EBUSY);
    vfs_statvfs_t sv;
    assert_int_equal(vfs_statvfs("/flash", &sv), 0);
    assert_int_equal(sv.bsize, 512);
    assert_int_equal(sv.blocks, 349);
    assert_true(sv.bfree > 300);
    assert_int_equal(vfs_statvfs("/", &sv), 0);
    assert_int_equal(vfs_sync(), 0);
    /* mkfs of a mounted volume: empties it, stays mounted */
    assert_int_equal(vfs_chdir("/flash/lib"), 0);
    assert_int_equal(vfs_mkfs("/flash"), 0);
    assert_int_equal(vfs_getcwd(cwd, sizeof cwd), 0);
    assert_string_equal(cwd, "/flash");
    vfs_list("/flash", list, sizeof list);
    assert_string_equal(list, "");
    /* unmount: cwd falls back to / when it was inside */
    assert_int_equal(vfs_umount("/flash"), 0);
    assert_int_equal(vfs_getcwd(cwd, sizeof cwd), 0);
    assert_string_equal(cwd, "/");
    assert_int_equal(vfs_umount("/flash"), -EINVAL);
    vfs_list("/", list, sizeof list);
    assert_string_equal(list, "sd,");
    /* path too long */
    char longp[200];
    memset(longp, 'b', 150);
    memcpy(longp, "/sd/", 4);
    longp[150] = 0;
    assert_int_equal(vfs_mkdir(longp), -ENAMETOOLONG);
    assert_int_equal(vfs_stat(longp, &st), -ENAMETOOLONG);
}

static void test_vfs_readonly(void **state) {
    assert_int_equal(vfs_mount(&bd2, "/sd", 0), 0);
    assert_int_equal(vfs_mkdir("/sd/x"), 0);
    assert_int_equal(vfs_umount("/sd"), 0);
    assert_int_equal(vfs_mount(&bd2, "/sd", VFS_MOUNT_RO), 0);
    vfs_file_t h;
    assert_int_equal(vfs_open(&h, "/sd/new", VFS_O_WRONLY | VFS_O_CREAT), -EROFS);
    assert_int_equal(vfs_mkdir("/sd/y"), -EROFS);
    assert_int_equal(vfs_rmdir("/sd/x"), -EROFS);
    assert_int_equal(vfs_rename("/sd/x", "/sd/z"), -EROFS);
    assert_int_equal(vfs_mkfs("/sd"), -EROFS);
    vfs_statvfs_t sv;
    assert_int_equal(vfs_statvfs("/sd", &sv), 0);
    assert_int_equal(sv.flag, 1);
    vfs_stat_t st;
    assert_int_equal(vfs_stat("/sd/x", &st), 0);
    /* a block device that cannot write mounts read-only by itself */
    bdev_t ro = bd2;
    ro.write = NULL;
    assert_int_equal(vfs_umount("/sd"), 0);
    assert_int_equal(vfs_mount(&ro, "/sd", 0), 0);
    assert_int_equal(vfs_mkdir("/sd/y"), -EROFS);
    assert_int_equal(vfs_mount(&bd, "/flash", 0), -ENODEV); /* blank: no FAT */
    assert_int_equal(vfs_umount("/sd"), 0); /* `ro` lives in this frame: unmounted before it goes */
}

/* ---- /flash first boot ---- */

static void test_flash_first_boot(void **state) {
    static const char boot_py[] = "# boot.py -- run on boot to configure USB and filesystem\r\n"
                                  "# Put app code in main.py\r\nimport os, machine\r\n"
                                  "os.dupterm(machine.UART(0, 115200))\r\n";
    fat_vol_t v;
    bool formatted = false;
    assert_int_equal(flash_init(&v, &bd, &formatted), 0);
    assert_true(formatted);
    assert_int_equal(v.n_clusters, 349);
    fat_dir_t d;
    fat_dirent_t e;
    const char *want[] = {"main.py", "sys", "lib", "cert", "boot.py"};
    assert_int_equal(fat_opendir(&v, &d, ""), 0);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(fat_readdir(&d, &e), 1);
        assert_string_equal(e.name, want[i]);
        assert_int_equal(e.st.is_dir, i >= 1 && i <= 3);
    }
    assert_int_equal(fat_readdir(&d, &e), 0);
    char buf[256];
    fat_file_t f;
    assert_int_equal(fat_open(&v, &f, "boot.py", FAT_O_READ), 0);
    assert_int_equal(fat_read(&f, buf, sizeof buf), sizeof boot_py - 1);
    assert_memory_equal(buf, boot_py, sizeof boot_py - 1);
    fat_close(&f);
    assert_int_equal(fat_open(&v, &f, "main.py", FAT_O_READ), 0);
    assert_int_equal(fat_read(&f, buf, sizeof buf), 34);
    assert_memory_equal(buf, "# main.py -- put your code here!\r\n", 34);
    fat_close(&f);
    /* next boot: user changes survive, missing items come back */
    assert_int_equal(fat_open(&v, &f, "main.py", FAT_O_WRITE | FAT_O_TRUNC), 0);
    assert_int_equal(fat_write(&f, "print(1)\n", 9), 9);
    fat_close(&f);
    assert_int_equal(fat_remove(&v, "boot.py"), 0);
    assert_int_equal(fat_rmdir(&v, "lib"), 0);
    assert_int_equal(fat_unmount(&v), 0);
    assert_int_equal(flash_init(&v, &bd, &formatted), 0);
    assert_false(formatted);
    fat_stat_t st;
    assert_int_equal(fat_stat(&v, "main.py", &st), 0);
    assert_int_equal(st.size, 9);
    assert_int_equal(fat_stat(&v, "boot.py", &st), 0);
    assert_int_equal(st.size, sizeof boot_py - 1);
    assert_int_equal(fat_stat(&v, "lib", &st), 0);
    assert_true(st.is_dir);
    assert_int_equal(fat_unmount(&v), 0);
}

/* ---- hidden store ---- */

static void test_hidden_store(void **state) {
    hstore_t hs;
    system("rm -rf hstore-test");
    assert_int_equal(hstore_open(&hs, "hstore-test"), 0);
    assert_int_equal(hstore_put(&hs, "bootinfo.bin", "\x00\x01\x00\x00", 4), 0);
    char buf[64];
    assert_int_equal(hstore_get(&hs, "bootinfo.bin", buf, sizeof buf), 4);
    assert_memory_equal(buf, "\x00\x01\x00\x00", 4);
    assert_int_equal(hstore_put(&hs, "bootinfo.bin", "\x01\x00\x00\x00", 4), 0);
    assert_int_equal(hstore_get(&hs, "bootinfo.bin", buf, 2), 4);
    assert_memory_equal(buf, "\x01\x00", 2);
    assert_int_equal(hstore_size(&hs, "bootinfo.bin"), 4);
    assert_int_equal(hstore_get(&hs, "missing", buf, sizeof buf), -ENOENT);
    assert_int_equal(hstore_put(&hs, "../escape", "x", 1), -EINVAL);
    assert_int_equal(hstore_put(&hs, ".hidden", "x", 1), -EINVAL);
    assert_int_equal(hstore_put(&hs, "", "x", 1), -EINVAL);
    /* a streamed write is invisible until commit; abort keeps the old blob */
    hstore_writer_t w;
    assert_int_equal(hstore_begin(&hs, "updtimg1.bin", &w), 0);
    assert_int_equal(hstore_append(&w, "abc", 3), 0);
    assert_int_equal(hstore_size(&hs, "updtimg1.bin"), -ENOENT);
    assert_int_equal(hstore_append(&w, "def", 3), 0);
    assert_int_equal(hstore_commit(&w), 0);
    assert_int_equal(hstore_get(&hs, "updtimg1.bin", buf, sizeof buf), 6);
    assert_int_equal(hstore_begin(&hs, "updtimg1.bin", &w), 0);
    assert_int_equal(hstore_append(&w, "zz", 2), 0);
    hstore_abort(&w);
    assert_int_equal(hstore_get(&hs, "updtimg1.bin", buf, sizeof buf), 6);
    assert_memory_equal(buf, "abcdef", 6);
    char path[300];
    assert_int_equal(hstore_path(&hs, "updtimg1.bin", path, sizeof path), 0);
    assert_string_equal(path, "hstore-test/updtimg1.bin");
    assert_int_equal(hstore_delete(&hs, "updtimg1.bin"), 0);
    assert_int_equal(hstore_delete(&hs, "updtimg1.bin"), -ENOENT);
    system("rm -rf hstore-test");
}

/* A key whose data can't be read (here: a directory in its place) is an error, never its size
 * with nothing read (issue 14). */
static void test_hidden_store_unreadable_key(void **state) {
    hstore_t hs;
    system("rm -rf hstore-short");
    assert_int_equal(hstore_open(&hs, "hstore-short"), 0);
    assert_int_equal(system("mkdir hstore-short/blob.bin"), 0);
    char buf[64];
    assert_true(hstore_get(&hs, "blob.bin", buf, sizeof buf) < 0);
    system("rm -rf hstore-short");
}

#define PER_TYPE(fn)                                                                                                   \
    cmocka_unit_test_prestate_setup_teardown(fn, setup, teardown, &cfg_flash),                                         \
        cmocka_unit_test_prestate_setup_teardown(fn, setup, teardown, &cfg12),                                         \
        cmocka_unit_test_prestate_setup_teardown(fn, setup, teardown, &cfg16),                                         \
        cmocka_unit_test_prestate_setup_teardown(fn, setup, teardown, &cfg32)

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bdev_file),
        cmocka_unit_test(test_bdev_obj),
        cmocka_unit_test_prestate_setup_teardown(test_flash_layout, setup, teardown, &cfg_flash),
        cmocka_unit_test(test_mkfs_auto_types),
        cmocka_unit_test(test_mount_rejects),
        cmocka_unit_test(test_mbr_partition),
        PER_TYPE(test_file_basic),
        PER_TYPE(test_file_append_seek),
        PER_TYPE(test_file_truncate),
        PER_TYPE(test_create_flags),
        PER_TYPE(test_dirs),
        PER_TYPE(test_rename),
        PER_TYPE(test_long_unicode_names),
        PER_TYPE(test_short_alias_collisions),
        PER_TYPE(test_many_files),
        PER_TYPE(test_deep_tree),
        PER_TYPE(test_full_volume),
        PER_TYPE(test_timestamps),
        PER_TYPE(test_readonly_mount),
        PER_TYPE(test_corrupt_chains),
        PER_TYPE(test_corrupt_entries),
        cmocka_unit_test_setup_teardown(test_vfs_normalize, vfs_setup, vfs_teardown),
        cmocka_unit_test_setup_teardown(test_vfs_mounts, vfs_setup, vfs_teardown),
        cmocka_unit_test_setup_teardown(test_vfs_borrowed_volume, vfs_setup, vfs_teardown),
        cmocka_unit_test(test_mkfs_ff_layouts),
        cmocka_unit_test_setup_teardown(test_vfs_readonly, vfs_setup, vfs_teardown),
        cmocka_unit_test_setup_teardown(test_flash_first_boot, vfs_setup, vfs_teardown),
        cmocka_unit_test(test_hidden_store),
        cmocka_unit_test(test_hidden_store_unreadable_key),
    };
    size_t n = sizeof tests / sizeof tests[0];
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    printf("%zu passed, %d failed\n", n - (size_t)failed, failed);
    return failed ? 1 : 0;
}
