/* Formatting: choose FAT type and cluster size by the volume size (the FAT specification's
 * tables and its cluster-count rule: < 4085 FAT12, < 65525 FAT16, else FAT32), size the FATs,
 * write boot sector (+FSInfo and backups on FAT32), empty FATs and an empty root directory.
 * Invariant: the layout written is the one fat_mount computes back (same cluster count/type). */
#include "storage/fat_int.h"

static int fat_mk_zero(const bdev_t *bd, uint32_t sec, uint32_t n) {
    static const uint8_t zero[FAT_SECTOR * 32];
    while (n) {
        uint32_t k = n > 32 ? 32 : n;
        int r = bdev_write(bd, sec, k, zero);
        if (r)
            return r;
        sec += k;
        n -= k;
    }
    return 0;
}

typedef struct fat_layout {
    uint32_t type, spc, rsvd, nfats, rootent, rootsec, fatsz, clusters;
} fat_layout_t;

static void fat_mk_size(uint32_t total, fat_layout_t *L) {
    uint32_t bits = L->type == 12 ? 12 : L->type;
    L->rootsec = (L->rootent * 32 + FAT_SECTOR - 1) / FAT_SECTOR;
    L->fatsz = 1;
    for (int it = 0; it < 64; it++) {
        uint64_t meta = (uint64_t)L->rsvd + (uint64_t)L->nfats * L->fatsz + L->rootsec;
        if (meta >= total) {
            L->clusters = 0;
            return;
        }
        L->clusters = (uint32_t)((total - meta) / L->spc);
        uint64_t bytes = ((uint64_t)L->clusters + 2) * bits / 8 + 1;
        uint32_t need = (uint32_t)((bytes + FAT_SECTOR - 1) / FAT_SECTOR);
        if (need <= L->fatsz)
            return;
        L->fatsz = need;
    }
}

static uint32_t fat_mk_default_spc(uint32_t type, uint32_t total) {
    if (type == 12)
        return 1;
    if (type == 16) {
        static const uint32_t lim[] = {32680, 262144, 524288, 1048576, 2097152, 4194304};
        uint32_t spc = 2;
        for (unsigned i = 0; i < sizeof lim / sizeof lim[0]; i++, spc *= 2)
            if (total <= lim[i])
                return spc;
        return 128;
    }
    if (total <= 532480)
        return 1;
    if (total <= 16777216)
        return 8;
    if (total <= 33554432)
        return 16;
    if (total <= 67108864)
        return 32;
    return 64;
}

/* The cluster count must sit clear of the type boundaries (a margin of 16, as advised). */
static int fat_mk_fit(uint32_t total, fat_layout_t *L, bool fixed_spc) {
    for (int it = 0; it < 16; it++) {
        fat_mk_size(total, L);
        uint32_t lo = L->type == 12 ? 1 : L->type == 16 ? 4085 + 16 : 65525 + 16;
        uint32_t hi = L->type == 12 ? 4085 - 16 : L->type == 16 ? 65525 - 16 : 0x0FFFFFF5;
        if (L->clusters >= lo && L->clusters <= hi)
            return 0;
        if (fixed_spc)
            return -EINVAL;
        if (L->clusters > hi && L->spc < 128)
            L->spc *= 2;
        else if (L->clusters < lo && L->spc > 1)
            L->spc /= 2;
        else
            return -EINVAL;
    }
    return -EINVAL;
}

static void fat_mk_fat_head(uint8_t *s, uint32_t type) {
    if (type == 12) {
        s[0] = 0xF8, s[1] = 0xFF, s[2] = 0xFF;
    } else if (type == 16) {
        fat_wr16(s, 0xFFF8);
        fat_wr16(s + 2, 0xFFFF);
    } else {
        fat_wr32(s, 0x0FFFFFF8);
        fat_wr32(s + 4, 0x0FFFFFFF);
        fat_wr32(s + 8, 0x0FFFFFFF); /* root directory, cluster 2 */
    }
}

static int fat_mk_write(const bdev_t *bd, uint32_t base, uint32_t total, const fat_layout_t *lay,
    const fat_mkfs_opts_t *opts);

int fat_mkfs(const bdev_t *bd, const fat_mkfs_opts_t *opts) {
    fat_mkfs_opts_t def = {0};
    if (!opts)
        opts = &def;
    if (bdev_block_size(bd) != FAT_SECTOR)
        return -ENODEV;
    if (!bd->write)
        return -EROFS;
    uint32_t total = bdev_count(bd);
    if (total < 16)
        return -EINVAL;
    fat_layout_t L = {0};
    L.type = opts->type;
    if (!L.type)
        L.type = total < 8400 ? 12 : total < 1048576 ? 16 : 32;
    if (L.type != 12 && L.type != 16 && L.type != 32)
        return -EINVAL;
    L.nfats = opts->n_fats ? opts->n_fats : 2;
    if (L.nfats > 2)
        return -EINVAL;
    L.rsvd = L.type == 32 ? 32 : 1;
    L.rootent = L.type == 32 ? 0 : opts->root_entries ? opts->root_entries : 512;
    L.rootent = (L.rootent + 15) / 16 * 16;
    L.spc = opts->sec_per_clus ? opts->sec_per_clus : fat_mk_default_spc(L.type, total);
    if (!L.spc || L.spc > 128 || (L.spc & (L.spc - 1)))
        return -EINVAL;
    int r = fat_mk_fit(total, &L, opts->sec_per_clus != 0);
    if (r)
        return r;
    return fat_mk_write(bd, 0, total, &L, opts);
}

/* The writer: boot sector, FATs, root directory (FSInfo and backups on FAT32) of the volume at
 * device block `base` (an MBR partition's start, or 0) that is `total` blocks long. */
static int fat_mk_write(const bdev_t *bd, uint32_t base, uint32_t total, const fat_layout_t *lay,
    const fat_mkfs_opts_t *opts) {
    const fat_layout_t L = *lay;
    int r;
    uint16_t date, time;
    fat_now(&date, &time, NULL);
    uint32_t serial = opts->serial ? opts->serial : ((uint32_t)date << 16 | time) ^ total;
    char label[11];
    memset(label, ' ', 11);
    const char *lab = opts->label ? opts->label : "NO NAME";
    for (int i = 0; i < 11 && lab[i]; i++)
        label[i] = (lab[i] >= 'a' && lab[i] <= 'z') ? (char)(lab[i] - 32) : lab[i];

    uint8_t bs[FAT_SECTOR];
    memset(bs, 0, sizeof bs);
    bs[0] = 0xEB;
    bs[1] = L.type == 32 ? 0x58 : 0x3C;
    bs[2] = 0x90;
    memcpy(bs + 3, "MSDOS5.0", 8);
    fat_wr16(bs + 11, FAT_SECTOR);
    bs[13] = (uint8_t)L.spc;
    fat_wr16(bs + 14, L.rsvd);
    bs[16] = (uint8_t)L.nfats;
    fat_wr16(bs + 17, L.rootent);
    if (total < 0x10000)
        fat_wr16(bs + 19, total);
    else
        fat_wr32(bs + 32, total);
    bs[21] = 0xF8;
    fat_wr32(bs + 28, base); /* hidden sectors: the partition's start */
    fat_wr16(bs + 24, 63);
    fat_wr16(bs + 26, 255);
    uint32_t ext = 36;
    if (L.type == 32) {
        fat_wr32(bs + 36, L.fatsz);
        fat_wr32(bs + 44, 2);
        fat_wr16(bs + 48, 1);
        fat_wr16(bs + 50, 6);
        ext = 64;
    } else
        fat_wr16(bs + 22, L.fatsz);
    bs[ext] = 0x80;
    bs[ext + 2] = 0x29;
    fat_wr32(bs + ext + 3, serial);
    memcpy(bs + ext + 7, label, 11);
    memcpy(bs + ext + 18, L.type == 12 ? "FAT12   " : L.type == 16 ? "FAT16   " : "FAT32   ", 8);
    /* Boot code: print nothing, wait for a key, reboot (int 16h / int 19h). */
    static const uint8_t code[] = {0x31, 0xC0, 0xCD, 0x16, 0xCD, 0x19, 0xEB, 0xFE};
    memcpy(bs + ext + 26, code, sizeof code);
    bs[510] = 0x55;
    bs[511] = 0xAA;

    uint32_t meta = L.rsvd + L.nfats * L.fatsz + L.rootsec;
    /* Invalidate the old boot sector first so a half-made volume never mounts. */
    if ((r = fat_mk_zero(bd, base, 1)) || (r = fat_mk_zero(bd, base + 1, meta - 1)))
        return r;
    if (L.type == 32 && (r = fat_mk_zero(bd, base + meta, L.spc)))
        return r;
    uint8_t s[FAT_SECTOR];
    memset(s, 0, sizeof s);
    fat_mk_fat_head(s, L.type);
    for (uint32_t i = 0; i < L.nfats; i++)
        if ((r = bdev_write(bd, base + L.rsvd + i * L.fatsz, 1, s)))
            return r;
    if (L.type == 32) {
        uint8_t fsi[FAT_SECTOR], tail[FAT_SECTOR];
        memset(fsi, 0, sizeof fsi);
        fat_wr32(fsi, 0x41615252);
        fat_wr32(fsi + 484, 0x61417272);
        fat_wr32(fsi + 488, L.clusters - 1);
        fat_wr32(fsi + 492, 3);
        fat_wr32(fsi + 508, 0xAA550000);
        memset(tail, 0, sizeof tail);
        tail[510] = 0x55;
        tail[511] = 0xAA;
        if ((r = bdev_write(bd, base + 6, 1, bs)) || (r = bdev_write(bd, base + 7, 1, fsi)) || (r = bdev_write(bd, base + 8, 1, tail)) ||
            (r = bdev_write(bd, base + 1, 1, fsi)) || (r = bdev_write(bd, base + 2, 1, tail)))
            return r;
    }
    if ((r = bdev_sync(bd)) || (r = bdev_write(bd, base + 0, 1, bs)))
        return r;
    return bdev_sync(bd);
}

int fat_mkfs_flash(const bdev_t *bd) {
    fat_mkfs_opts_t o = {.type = 12, .n_fats = 1, .sec_per_clus = 1, .root_entries = 512};
    return fat_mkfs(bd, &o);
}

/* FatFs's f_mkfs as MicroPython's VfsFat.mkfs calls it: first FAT12/16 with no partition table
 * (1 FAT, 512 root entries, 1 reserved sector, cluster size from the volume's size in 4K-sector
 * units, doubled while there are too many clusters for FAT16), and when that can't be done, FAT32
 * in an MBR partition starting at block 63 (32 reserved sectors, cluster size by 128K-sector
 * units, halved while there are too few clusters). Same rules, so the same cluster counts. */
static int fat_mk_ff_small(uint32_t vol, fat_layout_t *L) {
    static const uint32_t steps[] = {1, 4, 16, 64, 256, 512};
    uint32_t au = 0;
    for (int guard = 0; guard < 16; guard++) {
        uint32_t pau = au;
        if (!pau) {
            pau = 1;
            for (unsigned i = 0; i < sizeof steps / sizeof steps[0] && steps[i] <= vol / 4096; i++)
                pau <<= 1;
        }
        uint32_t est = vol / pau, type = est > 4085 ? 16 : 12;
        uint32_t fat_bytes = type == 16 ? est * 2 + 4 : (est * 3 + 1) / 2 + 3;
        L->type = type;
        L->spc = pau;
        L->rsvd = 1;
        L->nfats = 1;
        L->rootent = 512;
        L->rootsec = 32;
        L->fatsz = (fat_bytes + FAT_SECTOR - 1) / FAT_SECTOR;
        uint32_t meta = L->rsvd + L->fatsz + L->rootsec;
        if (vol < meta + pau * 16)
            return -EINVAL;
        L->clusters = (vol - meta) / pau;
        if (type == 16 && L->clusters > 65525) {
            if (!au && pau * 2 <= 128) {
                au = pau * 2;
                continue;
            }
            return -EINVAL;
        }
        if (type == 16 && L->clusters <= 4085) {
            if (!au && pau * 2 <= 128) {
                au = pau * 2;
                continue;
            }
            return -EINVAL;
        }
        /* our mount types by count (< 4085 FAT12, < 65525 FAT16): stay clear of the two edges */
        if ((type == 12 && L->clusters >= 4085) || (type == 16 && L->clusters >= 65525))
            return -EINVAL;
        return 0;
    }
    return -EINVAL;
}

static int fat_mk_ff_32(uint32_t vol, fat_layout_t *L) {
    static const uint32_t steps[] = {1, 2, 4, 8, 16, 32};
    uint32_t au = 0;
    for (int guard = 0; guard < 16; guard++) {
        uint32_t pau = au;
        if (!pau) {
            pau = 1;
            for (unsigned i = 0; i < sizeof steps / sizeof steps[0] && steps[i] <= vol / 0x20000; i++)
                pau <<= 1;
        }
        uint32_t est = vol / pau;
        if (est <= 65525 || est > 0x0FFFFFF5)
            return -EINVAL;
        L->type = 32;
        L->spc = pau;
        L->rsvd = 32;
        L->nfats = 1;
        L->rootent = 0;
        L->rootsec = 0;
        L->fatsz = (uint32_t)(((uint64_t)est * 4 + 8 + FAT_SECTOR - 1) / FAT_SECTOR);
        uint32_t meta = L->rsvd + L->fatsz;
        if (vol < meta + pau * 16)
            return -EINVAL;
        L->clusters = (vol - meta) / pau;
        if (L->clusters <= 65525) {
            if (!au && pau / 2) {
                au = pau / 2;
                continue;
            }
            return -EINVAL;
        }
        return 0;
    }
    return -EINVAL;
}

int fat_mkfs_ff(const bdev_t *bd) {
    if (bdev_block_size(bd) != FAT_SECTOR)
        return -ENODEV;
    if (!bd->write)
        return -EROFS;
    uint32_t total = bdev_count(bd);
    fat_mkfs_opts_t opts = {0};
    fat_layout_t L = {0};
    if (total >= 22 && fat_mk_ff_small(total, &L) == 0)
        return fat_mk_write(bd, 0, total, &L, &opts);
    if (total < 63 + 22 || fat_mk_ff_32(total - 63, &L) != 0)
        return -EINVAL;
    /* the MBR goes last, once the volume it points to is complete */
    int r = fat_mk_write(bd, 63, total - 63, &L, &opts);
    if (r)
        return r;
    uint8_t mbr[FAT_SECTOR];
    memset(mbr, 0, sizeof mbr);
    uint8_t *pe = mbr + 446;
    pe[1] = 1;    /* CHS of block 63 (255 heads, 63 sectors a track): head 1, sector 1 */
    pe[2] = 1;
    pe[4] = 0x0C; /* FAT32, LBA */
    pe[5] = 0xFE; /* CHS of the end: past what CHS can say */
    pe[6] = 0xFF;
    pe[7] = 0xFF;
    fat_wr32(pe + 8, 63);
    fat_wr32(pe + 12, total - 63);
    mbr[510] = 0x55;
    mbr[511] = 0xAA;
    if ((r = bdev_write(bd, 0, 1, mbr)))
        return r;
    return bdev_sync(bd);
}
