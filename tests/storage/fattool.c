/* Test driver over storage/fat_*.c for the shell/Python interop, crash and bench scripts:
 * fattool IMAGE CMD ARGS... (mkfs, put, get, ls, tree, mkdir, rm, rmdir, mv, stress, fill).
 * Exit status 0 on success; errors print "error: <errno name>" and exit 1. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "storage/fat.h"

static fat_vol_t vol;
static bdev_t bd;

static void die(const char *what, int r) {
    fprintf(stderr, "error: %s: %s\n", what, strerror(-r));
    exit(1);
}

static uint32_t crc32_upd(uint32_t c, const uint8_t *p, size_t n) {
    c = ~c;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
    }
    return ~c;
}

static void mount_or_die(int flags) {
    int r = fat_mount(&vol, &bd, flags);
    if (r)
        die("mount", r);
}

static void tree(const char *path) {
    fat_dir_t d;
    fat_dirent_t e;
    int r = fat_opendir(&vol, &d, path);
    if (r)
        die(path, r);
    while ((r = fat_readdir(&d, &e)) == 1) {
        char sub[2048];
        snprintf(sub, sizeof sub, "%s/%s", path, e.name);
        if (e.st.is_dir) {
            printf("%s/ D\n", sub);
            fat_dir_t save = d;
            tree(sub);
            d = save;
        } else {
            fat_file_t f;
            uint32_t crc = 0, total = 0;
            int o = fat_open(&vol, &f, sub, FAT_O_READ);
            if (o) {
                printf("%s ERR %d\n", sub, o);
                continue;
            }
            uint8_t buf[8192];
            ssize_t n;
            while ((n = fat_read(&f, buf, sizeof buf)) > 0) {
                crc = crc32_upd(crc, buf, (size_t)n);
                total += (uint32_t)n;
            }
            fat_close(&f);
            if (n < 0)
                printf("%s ERR %d\n", sub, (int)n);
            else
                printf("%s %u %08x\n", sub, total, crc);
        }
    }
    if (r < 0)
        die(path, r);
}

/* Deterministic file contents from a seed. */
static void fill_pattern(uint8_t *p, size_t n, uint32_t seed) {
    uint32_t x = seed * 2654435761u + 1;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        p[i] = (uint8_t)x;
    }
}

static void logf_line(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void logf_line(int fd, const char *fmt, ...) {
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (write(fd, line, (size_t)n) != n)
        exit(2);
}

/* Random writes, renames and deletes forever (until killed); every completed operation is
 * logged as one line so the checker can rebuild the expected tree. */
static int stress(uint32_t seed, const char *logpath) {
    int lfd = open(logpath, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    if (lfd < 0)
        return 1;
    srand(seed);
    static uint8_t buf[65536];
    static const char *names[] = {"alpha.txt", "Bravo Long Name.dat", "c.bin", "dir1/x.txt", "dir1/Yankee long.bin",
        "dir2/z.py", "dir2/sub/deep file.txt", "émoji ünïcode.txt", "MANY.TXT", "dir1/w"};
    const int nn = sizeof names / sizeof names[0];
    static const char *dirs[] = {"dir3", "dir1/dir3 moved", "dir2/sub/Third Dir"};
    for (unsigned iter = 0;; iter++) {
        int op = rand() % 12;
        const char *a = names[rand() % nn], *b = names[rand() % nn];
        if (op >= 10) { /* directories: mkdir, rmdir, or move one between parents */
            const char *da = dirs[rand() % 3], *db = dirs[rand() % 3];
            int k = rand() % 3, r;
            if (k == 0) {
                logf_line(lfd, "B\tM\t%s\n", da);
                r = fat_mkdir(&vol, da);
                logf_line(lfd, r == 0 ? "M\t%s\n" : "N\t%s\n", da);
            } else if (k == 1) {
                logf_line(lfd, "B\tQ\t%s\n", da);
                r = fat_rmdir(&vol, da);
                logf_line(lfd, r == 0 ? "Q\t%s\n" : "N\t%s\n", da);
            } else {
                logf_line(lfd, "B\tR\t%s\t%s\n", da, db);
                r = fat_rename(&vol, da, db);
                logf_line(lfd, r == 0 ? "R\t%s\t%s\n" : "N\t%s\t%s\n", da, db);
            }
            continue;
        }
        if (op < 5) { /* write a whole file (create/overwrite) */
            uint32_t size = (uint32_t)(rand() % 3 == 0 ? rand() % 40000 : rand() % 3000);
            uint32_t s2 = (uint32_t)rand();
            fill_pattern(buf, size, s2);
            logf_line(lfd, "B\tW\t%s\n", a);
            fat_file_t f;
            int r = fat_open(&vol, &f, a, FAT_O_WRITE | FAT_O_CREAT | FAT_O_TRUNC);
            if (r == 0) {
                size_t off = 0;
                while (off < size) {
                    size_t k = (size_t)(rand() % 3000 + 1);
                    if (k > size - off)
                        k = size - off;
                    ssize_t w = fat_write(&f, buf + off, k);
                    if (w <= 0) {
                        r = (int)w;
                        break;
                    }
                    off += (size_t)w;
                }
                int c = fat_close(&f);
                if (!r)
                    r = c;
            }
            if (r == 0)
                logf_line(lfd, "W\t%s\t%u\t%08x\n", a, size, crc32_upd(0, buf, size));
            else
                logf_line(lfd, "X\t%s\t%d\n", a, r);
        } else if (op < 8) { /* rename a file (maybe across directories) */
            logf_line(lfd, "B\tR\t%s\t%s\n", a, b);
            int r = fat_rename(&vol, a, b);
            logf_line(lfd, r == 0 ? "R\t%s\t%s\n" : "N\t%s\t%s\n", a, b);
        } else {
            logf_line(lfd, "B\tD\t%s\n", a);
            int r = fat_remove(&vol, a);
            logf_line(lfd, r == 0 ? "D\t%s\n" : "N\t%s\n", a);
        }
    }
    return 0;
}

static void copy_dir_in(const char *hostdir, const char *dst) {
    DIR *dp = opendir(hostdir);
    if (!dp)
        die(hostdir, -errno);
    struct dirent *de;
    static uint8_t buf[1 << 16];
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        char hp[4096], fp[2048];
        snprintf(hp, sizeof hp, "%s/%s", hostdir, de->d_name);
        snprintf(fp, sizeof fp, "%s/%s", dst, de->d_name);
        int fd = open(hp, O_RDONLY);
        if (fd < 0)
            die(hp, -errno);
        fat_file_t f;
        int r = fat_open(&vol, &f, fp, FAT_O_WRITE | FAT_O_CREAT | FAT_O_TRUNC);
        if (r)
            die(fp, r);
        ssize_t n;
        while ((n = read(fd, buf, sizeof buf)) > 0)
            if (fat_write(&f, buf, (size_t)n) != n)
                die("write", -ENOSPC);
        close(fd);
        if ((r = fat_close(&f)))
            die("close", r);
    }
    closedir(dp);
}

static void copy_dir_out(const char *src, const char *hostdir) {
    fat_dir_t d;
    fat_dirent_t e;
    int r = fat_opendir(&vol, &d, src);
    if (r)
        die(src, r);
    static uint8_t buf[1 << 16];
    while ((r = fat_readdir(&d, &e)) == 1) {
        if (e.st.is_dir)
            continue;
        char hp[4096], fp[2048];
        snprintf(hp, sizeof hp, "%s/%s", hostdir, e.name);
        snprintf(fp, sizeof fp, "%s/%s", src, e.name);
        fat_file_t f;
        if ((r = fat_open(&vol, &f, fp, FAT_O_READ)))
            die(fp, r);
        int fd = open(hp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0)
            die(hp, -errno);
        ssize_t n;
        while ((n = fat_read(&f, buf, sizeof buf)) > 0)
            if (write(fd, buf, (size_t)n) != n)
                die(hp, -EIO);
        close(fd);
        fat_close(&f);
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: fattool IMAGE CMD ARGS...\n");
        return 2;
    }
    const char *img = argv[1], *cmd = argv[2];
    int r;
    if (!strcmp(cmd, "create")) { /* create IMAGE with N sectors */
        unlink(img);
        r = bdev_file_open(&bd, img, false, true, (uint32_t)strtoul(argv[3], NULL, 0));
        if (r)
            die("create", r);
        bdev_close(&bd);
        return 0;
    }
    r = bdev_file_open(&bd, img, false, false, 0);
    if (r)
        die(img, r);
    if (!strcmp(cmd, "mkfs")) {
        const char *kind = argc > 3 ? argv[3] : "auto";
        fat_mkfs_opts_t o = {0};
        if (!strcmp(kind, "flash"))
            r = fat_mkfs_flash(&bd);
        else {
            o.type = (uint8_t)(strcmp(kind, "auto") ? atoi(kind) : 0);
            r = fat_mkfs(&bd, &o);
        }
        if (r)
            die("mkfs", r);
    } else if (!strcmp(cmd, "put") && argc == 5) {
        mount_or_die(0);
        FILE *in = fopen(argv[3], "rb");
        if (!in)
            die(argv[3], -errno);
        fat_file_t f;
        if ((r = fat_open(&vol, &f, argv[4], FAT_O_WRITE | FAT_O_CREAT | FAT_O_TRUNC)))
            die(argv[4], r);
        uint8_t buf[16384];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
            ssize_t w = fat_write(&f, buf, n);
            if (w != (ssize_t)n)
                die("write", w < 0 ? (int)w : -ENOSPC);
        }
        fclose(in);
        if ((r = fat_close(&f)))
            die("close", r);
    } else if (!strcmp(cmd, "get") && argc == 5) {
        mount_or_die(FAT_MOUNT_RO);
        fat_file_t f;
        if ((r = fat_open(&vol, &f, argv[3], FAT_O_READ)))
            die(argv[3], r);
        FILE *out = strcmp(argv[4], "-") ? fopen(argv[4], "wb") : stdout;
        if (!out)
            die(argv[4], -errno);
        uint8_t buf[16384];
        ssize_t n;
        while ((n = fat_read(&f, buf, sizeof buf)) > 0)
            fwrite(buf, 1, (size_t)n, out);
        if (n < 0)
            die("read", (int)n);
        if (out != stdout)
            fclose(out);
        fat_close(&f);
    } else if (!strcmp(cmd, "ls")) {
        mount_or_die(FAT_MOUNT_RO);
        fat_dir_t d;
        fat_dirent_t e;
        if ((r = fat_opendir(&vol, &d, argc > 3 ? argv[3] : "")))
            die("opendir", r);
        while ((r = fat_readdir(&d, &e)) == 1)
            printf("%s%s %u\n", e.name, e.st.is_dir ? "/" : "", e.st.size);
        if (r < 0)
            die("readdir", r);
    } else if (!strcmp(cmd, "tree")) {
        mount_or_die(FAT_MOUNT_RO);
        tree("");
    } else if (!strcmp(cmd, "mkdir") && argc == 4) {
        mount_or_die(0);
        if ((r = fat_mkdir(&vol, argv[3])))
            die("mkdir", r);
    } else if (!strcmp(cmd, "rm") && argc == 4) {
        mount_or_die(0);
        if ((r = fat_remove(&vol, argv[3])))
            die("rm", r);
    } else if (!strcmp(cmd, "rmdir") && argc == 4) {
        mount_or_die(0);
        if ((r = fat_rmdir(&vol, argv[3])))
            die("rmdir", r);
    } else if (!strcmp(cmd, "mv") && argc == 5) {
        mount_or_die(0);
        if ((r = fat_rename(&vol, argv[3], argv[4])))
            die("mv", r);
    } else if (!strcmp(cmd, "df")) {
        mount_or_die(FAT_MOUNT_RO);
        fat_statvfs_t st;
        if ((r = fat_statvfs(&vol, &st)))
            die("statvfs", r);
        printf("FAT%u bsize=%u blocks=%u bfree=%u\n", vol.type, st.bsize, st.blocks, st.bfree);
    } else if (!strcmp(cmd, "putdir") && argc == 5) { /* every file of a host dir into DST */
        mount_or_die(0);
        copy_dir_in(argv[3], argv[4]);
    } else if (!strcmp(cmd, "getdir") && argc == 5) { /* every file of image dir SRC out */
        mount_or_die(FAT_MOUNT_RO);
        copy_dir_out(argv[3], argv[4]);
    } else if (!strcmp(cmd, "stress") && argc == 5) {
        mount_or_die(0);
        return stress((uint32_t)strtoul(argv[3], NULL, 0), argv[4]);
    } else {
        fprintf(stderr, "bad command\n");
        return 2;
    }
    if (vol.mounted && (r = fat_unmount(&vol)))
        die("unmount", r);
    bdev_close(&bd);
    return 0;
}
