/* FAT volumes: mounting (boot sector / BPB checks, MBR partition), the cached FAT table with
 * allocation and freeing of cluster chains, FSInfo, sector I/O and the directory sector buffer.
 * Invariants: FAT sectors reach the disk only through fat_cache_write_out (every copy, FSInfo
 * count marked unknown first); every sector number is checked against the volume's size. */
#include "storage/fat_int.h"

#include <stdio.h>

static fat_clock_fn fat_clock;
static void *fat_clock_ctx;

void fat_set_clock(fat_clock_fn fn, void *ctx) {
    fat_clock = fn;
    fat_clock_ctx = ctx;
}

void fat_now(uint16_t *date, uint16_t *time, uint8_t *tenth) {
    fat_time_t t = {2000, 1, 1, 0, 0, 0};
    if (fat_clock)
        fat_clock(fat_clock_ctx, &t);
    if (t.year < 1980)
        t = (fat_time_t){1980, 1, 1, 0, 0, 0};
    if (t.year > 2107)
        t.year = 2107;
    if (t.month < 1 || t.month > 12)
        t.month = 1;
    if (t.day < 1 || t.day > 31)
        t.day = 1;
    if (t.hour > 23)
        t.hour = 0;
    if (t.min > 59)
        t.min = 0;
    if (t.sec > 59)
        t.sec = 59;
    *date = (uint16_t)(((t.year - 1980) << 9) | (t.month << 5) | t.day);
    *time = (uint16_t)((t.hour << 11) | (t.min << 5) | (t.sec / 2));
    if (tenth)
        *tenth = (uint8_t)((t.sec & 1) * 100);
}

void fat_unpack_time(uint16_t date, uint16_t time, fat_time_t *t) {
    t->year = (uint16_t)(1980 + (date >> 9));
    t->month = (uint8_t)((date >> 5) & 15);
    t->day = (uint8_t)(date & 31);
    t->hour = (uint8_t)(time >> 11);
    t->min = (uint8_t)((time >> 5) & 63);
    t->sec = (uint8_t)((time & 31) * 2);
}

/* ---- sector I/O ---- */

int fat_sec_read(fat_vol_t *v, uint32_t sec, uint32_t n, void *buf) {
    if (sec > v->total_sectors || n > v->total_sectors - sec)
        return -EIO;
    return bdev_read(v->bd, v->base + sec, n, buf);
}

int fat_sec_write(fat_vol_t *v, uint32_t sec, uint32_t n, const void *buf) {
    if (v->readonly)
        return -EROFS;
    if (sec > v->total_sectors || n > v->total_sectors - sec)
        return -EIO;
    for (int i = 0; i < FAT_DCACHE_N; i++)
        if (v->dbuf_valid[i] && v->dbuf_sector[i] >= sec && v->dbuf_sector[i] - sec < n)
            v->dbuf_valid[i] = false;
    return bdev_write(v->bd, v->base + sec, n, buf);
}

int fat_zero_cluster(fat_vol_t *v, uint32_t c) {
    static const uint8_t zero[FAT_SECTOR * 8];
    uint32_t sec = fat_clus2sec(v, c), left = v->sec_per_clus;
    while (left) {
        uint32_t k = left > 8 ? 8 : left;
        int r = fat_sec_write(v, sec, k, zero);
        if (r)
            return r;
        sec += k;
        left -= k;
    }
    return 0;
}

uint8_t *fat_dbuf_load(fat_vol_t *v, uint32_t sec) {
    int cur = v->dbuf_cur; /* a directory walk asks for one sector 16 times in a row */
    if (v->dbuf_valid[cur] && v->dbuf_sector[cur] == sec) {
        v->dbuf_stamp[cur] = ++v->dstamp;
        return v->dbuf[cur];
    }
    int victim = 0;
    for (int i = 0; i < FAT_DCACHE_N; i++) {
        if (v->dbuf_valid[i] && v->dbuf_sector[i] == sec) {
            v->dbuf_stamp[i] = ++v->dstamp;
            v->dbuf_cur = i;
            return v->dbuf[i];
        }
        if (!v->dbuf_valid[i] || (v->dbuf_valid[victim] && v->dbuf_stamp[i] < v->dbuf_stamp[victim]))
            victim = i;
    }
    v->dbuf_valid[victim] = false;
    v->dbuf_cur = victim;
    if (fat_sec_read(v, sec, 1, v->dbuf[victim]))
        return NULL;
    v->dbuf_sector[victim] = sec;
    v->dbuf_valid[victim] = true;
    v->dbuf_stamp[victim] = ++v->dstamp;
    return v->dbuf[victim];
}

int fat_dbuf_store(fat_vol_t *v) {
    if (v->readonly)
        return -EROFS;
    int i = v->dbuf_cur;
    if (!v->dbuf_valid[i])
        return -EIO;
    uint32_t sec = v->dbuf_sector[i];
    if (sec >= v->total_sectors)
        return -EIO;
    return bdev_write(v->bd, v->base + sec, 1, v->dbuf[i]);
}

int fat_barrier(fat_vol_t *v) {
    return v->barriers ? bdev_sync(v->bd) : 0;
}

/* ---- FSInfo (FAT32) ---- */

static int fat_fsinfo_write(fat_vol_t *v, uint32_t free_count, uint32_t next) {
    uint8_t s[FAT_SECTOR];
    int r = fat_sec_read(v, v->fsinfo_sector, 1, s);
    if (r)
        return r;
    fat_wr32(s + 488, free_count);
    fat_wr32(s + 492, next);
    return fat_sec_write(v, v->fsinfo_sector, 1, s);
}

/* Before the FAT changes on disk, the stored free count stops being a promise. */
static int fat_fsinfo_invalidate(fat_vol_t *v) {
    if (v->fsinfo_state != 1)
        return 0;
    v->fsinfo_state = 0;
    return fat_fsinfo_write(v, 0xFFFFFFFFu, 0xFFFFFFFFu);
}

static int fat_count_free(fat_vol_t *v);

static int fat_fsinfo_commit(fat_vol_t *v) {
    if (v->fsinfo_state != 0 || v->readonly)
        return 0;
    int r = fat_count_free(v);
    if (r)
        return r;
    uint32_t next = fat_clus_ok(v, v->next_free) ? v->next_free : 0xFFFFFFFFu;
    r = fat_fsinfo_write(v, v->free_count, next);
    if (r == 0)
        v->fsinfo_state = 1;
    return r;
}

/* ---- the FAT cache ---- */

static int fat_cache_write_out(fat_vol_t *v, fat_cache_ent_t *ce) {
    int r = fat_fsinfo_invalidate(v);
    if (r)
        return r;
    for (uint32_t i = 0; i < v->n_fats; i++) {
        r = fat_sec_write(v, v->fat_start + i * v->fat_size + ce->sector, 1, ce->data);
        if (r)
            return r;
    }
    ce->dirty = 0;
    return 0;
}

static fat_cache_ent_t *fat_cache_get(fat_vol_t *v, uint32_t sector, int *err) {
    fat_cache_ent_t *ce = &v->fcache[v->fcache_last];
    if (ce->valid && ce->sector == sector) {
        ce->stamp = ++v->fstamp;
        return ce;
    }
    int victim = 0;
    for (int i = 0; i < FAT_CACHE_N; i++) {
        ce = &v->fcache[i];
        if (ce->valid && ce->sector == sector) {
            ce->stamp = ++v->fstamp;
            v->fcache_last = i;
            return ce;
        }
        if (!ce->valid)
            victim = i;
        else if (v->fcache[victim].valid && ce->stamp < v->fcache[victim].stamp)
            victim = i;
    }
    ce = &v->fcache[victim];
    if (ce->valid && ce->dirty) {
        *err = fat_cache_write_out(v, ce);
        if (*err)
            return NULL;
    }
    ce->valid = 0;
    if (sector >= v->fat_size) {
        *err = -EIO;
        return NULL;
    }
    *err = fat_sec_read(v, v->fat_start + sector, 1, ce->data);
    if (*err)
        return NULL;
    ce->valid = 1;
    ce->dirty = 0;
    ce->sector = sector;
    ce->stamp = ++v->fstamp;
    v->fcache_last = victim;
    return ce;
}

static int fat_byte_get(fat_vol_t *v, uint32_t off, uint8_t *b) {
    int err = 0;
    fat_cache_ent_t *ce = fat_cache_get(v, off / FAT_SECTOR, &err);
    if (!ce)
        return err;
    *b = ce->data[off % FAT_SECTOR];
    return 0;
}

static int fat_byte_set(fat_vol_t *v, uint32_t off, uint8_t b) {
    int err = 0;
    fat_cache_ent_t *ce = fat_cache_get(v, off / FAT_SECTOR, &err);
    if (!ce)
        return err;
    if (ce->data[off % FAT_SECTOR] != b) {
        ce->data[off % FAT_SECTOR] = b;
        ce->dirty = 1;
    }
    return 0;
}

int fat_flush_fat(fat_vol_t *v) {
    bool any = false;
    for (int i = 0; i < FAT_CACHE_N; i++)
        any |= v->fcache[i].valid && v->fcache[i].dirty;
    if (!any)
        return 0;
    int r = fat_fsinfo_invalidate(v);
    if (r)
        return r;
    /* Copy by copy: the first FAT is complete on disk before the second one changes. */
    for (uint32_t copy = 0; copy < v->n_fats; copy++) {
        for (int i = 0; i < FAT_CACHE_N; i++) {
            fat_cache_ent_t *ce = &v->fcache[i];
            if (!ce->valid || !ce->dirty)
                continue;
            r = fat_sec_write(v, v->fat_start + copy * v->fat_size + ce->sector, 1, ce->data);
            if (r)
                return r;
        }
    }
    for (int i = 0; i < FAT_CACHE_N; i++)
        v->fcache[i].dirty = 0;
    return 0;
}

static int fat_get_raw(fat_vol_t *v, uint32_t c, uint32_t *val) {
    uint8_t b[4] = {0, 0, 0, 0};
    int r;
    if (v->type == 12) {
        uint32_t off = c + c / 2;
        if ((r = fat_byte_get(v, off, &b[0])) || (r = fat_byte_get(v, off + 1, &b[1])))
            return r;
        uint32_t w = (uint32_t)b[0] | ((uint32_t)b[1] << 8);
        *val = (c & 1) ? w >> 4 : w & 0xFFF;
    } else if (v->type == 16) {
        uint32_t off = c * 2;
        if ((r = fat_byte_get(v, off, &b[0])) || (r = fat_byte_get(v, off + 1, &b[1])))
            return r;
        *val = fat_rd16(b);
    } else {
        uint32_t off = c * 4;
        int err = 0;
        fat_cache_ent_t *ce = fat_cache_get(v, off / FAT_SECTOR, &err);
        if (!ce)
            return err;
        *val = fat_rd32(ce->data + off % FAT_SECTOR) & 0x0FFFFFFFu;
    }
    return 0;
}

int fat_get(fat_vol_t *v, uint32_t c, uint32_t *val) {
    if (!fat_clus_ok(v, c))
        return -EIO;
    uint32_t raw = 0;
    int r = fat_get_raw(v, c, &raw);
    if (r)
        return r;
    uint32_t eoc = v->type == 12 ? 0xFF8 : v->type == 16 ? 0xFFF8 : 0x0FFFFFF8u;
    if (raw >= eoc)
        raw = FAT_EOC;
    else if (raw == eoc - 1)
        raw = FAT_BAD;
    *val = raw;
    return 0;
}

int fat_set(fat_vol_t *v, uint32_t c, uint32_t val) {
    if (!fat_clus_ok(v, c))
        return -EIO;
    if (v->readonly)
        return -EROFS;
    int r;
    if (v->type == 12) {
        uint32_t off = c + c / 2;
        uint8_t b0 = 0, b1 = 0;
        val &= 0xFFF;
        if ((r = fat_byte_get(v, off, &b0)) || (r = fat_byte_get(v, off + 1, &b1)))
            return r;
        if (c & 1) {
            b0 = (uint8_t)((b0 & 0x0F) | ((val & 0x0F) << 4));
            b1 = (uint8_t)(val >> 4);
        } else {
            b0 = (uint8_t)val;
            b1 = (uint8_t)((b1 & 0xF0) | (val >> 8));
        }
        if ((r = fat_byte_set(v, off, b0)) || (r = fat_byte_set(v, off + 1, b1)))
            return r;
    } else if (v->type == 16) {
        if ((r = fat_byte_set(v, c * 2, (uint8_t)val)) || (r = fat_byte_set(v, c * 2 + 1, (uint8_t)(val >> 8))))
            return r;
    } else {
        uint32_t off = c * 4;
        int err = 0;
        fat_cache_ent_t *ce = fat_cache_get(v, off / FAT_SECTOR, &err);
        if (!ce)
            return err;
        uint8_t *p = ce->data + off % FAT_SECTOR;
        uint32_t nv = (fat_rd32(p) & 0xF0000000u) | (val & 0x0FFFFFFFu);
        if (nv != fat_rd32(p)) {
            fat_wr32(p, nv);
            ce->dirty = 1;
        }
    }
    return 0;
}

int fat_next(fat_vol_t *v, uint32_t c, uint32_t *next) {
    uint32_t val;
    int r = fat_get(v, c, &val);
    if (r)
        return r;
    if (val == FAT_EOC)
        return 0;
    if (!fat_clus_ok(v, val))
        return -EIO; /* free, bad or out of range inside a chain: corrupt */
    *next = val;
    return 1;
}

static int fat_count_free(fat_vol_t *v) {
    if (v->free_count != UINT32_MAX)
        return 0;
    uint32_t n = 0, val;
    for (uint32_t c = 2; c - 2 < v->n_clusters; c++) {
        int r = fat_get(v, c, &val);
        if (r)
            return r;
        n += val == 0;
    }
    v->free_count = n;
    v->free_exact = true;
    return 0;
}

int fat_alloc(fat_vol_t *v, uint32_t prev, uint32_t *out) {
    if (v->readonly)
        return -EROFS;
    if (v->free_count == 0 && v->free_exact)
        return -ENOSPC;
    uint32_t start = fat_clus_ok(v, v->next_free) ? v->next_free : 2, val;
    for (uint32_t i = 0; i < v->n_clusters; i++) {
        uint32_t c = 2 + (start - 2 + i) % v->n_clusters;
        int r = fat_get(v, c, &val);
        if (r)
            return r;
        if (val != 0)
            continue;
        if ((r = fat_set(v, c, FAT_EOC)))
            return r;
        if (prev && (r = fat_set(v, prev, c))) {
            fat_set(v, c, 0);
            return r;
        }
        if (v->free_count != UINT32_MAX)
            v->free_count--;
        v->next_free = c + 1;
        *out = c;
        return 0;
    }
    v->free_count = 0;
    v->free_exact = true;
    return -ENOSPC;
}

int fat_free_chain(fat_vol_t *v, uint32_t c) {
    /* Bounded by the cluster count, so a cyclic chain ends; a corrupt link just stops. */
    for (uint32_t steps = 0; fat_clus_ok(v, c) && steps < v->n_clusters; steps++) {
        uint32_t val;
        int r = fat_get(v, c, &val);
        if (r)
            return r;
        if (val == 0 || val == FAT_BAD)
            break;
        if ((r = fat_set(v, c, 0)))
            return r;
        if (v->free_count != UINT32_MAX)
            v->free_count++;
        if (c < v->next_free)
            v->next_free = c;
        c = val;
    }
    return 0;
}

/* ---- mount ---- */

static bool fat_bpb_plausible(const uint8_t *s) {
    if (s[510] != 0x55 || s[511] != 0xAA)
        return false;
    if (s[0] != 0xEB && s[0] != 0xE9)
        return false;
    uint32_t spc = s[13];
    return fat_rd16(s + 11) == 512 && spc && !(spc & (spc - 1)) && fat_rd16(s + 14) >= 1 && s[16] >= 1;
}

static int fat_parse_bpb(fat_vol_t *v, const uint8_t *s, uint32_t avail) {
    uint32_t spc = s[13], rsvd = fat_rd16(s + 14), nfats = s[16], rootent = fat_rd16(s + 17);
    uint32_t tot = fat_rd16(s + 19) ? fat_rd16(s + 19) : fat_rd32(s + 32);
    uint32_t fatsz = fat_rd16(s + 22) ? fat_rd16(s + 22) : fat_rd32(s + 36);
    uint32_t rootsec = (rootent * 32 + FAT_SECTOR - 1) / FAT_SECTOR;
    if (!fatsz || tot > avail)
        return tot > avail ? -EIO : -ENODEV;
    uint64_t meta = (uint64_t)rsvd + (uint64_t)nfats * fatsz + rootsec;
    if (meta >= tot)
        return -ENODEV;
    uint32_t ncl = (uint32_t)((tot - meta) / spc);
    v->type = ncl < 4085 ? 12 : ncl < 65525 ? 16 : 32;
    if (v->type == 32) {
        if (rootent != 0 || fat_rd16(s + 22) != 0 || fat_rd16(s + 42) != 0)
            return -ENODEV;
    } else if (rootent == 0)
        return -ENODEV;
    /* Never trust the FAT to be as large as the cluster count needs. */
    uint64_t fit = (uint64_t)fatsz * FAT_SECTOR * 8 / (v->type == 12 ? 12 : v->type);
    if (fit < 3)
        return -ENODEV;
    if (ncl > fit - 2)
        ncl = (uint32_t)(fit - 2);
    if (ncl == 0)
        return -ENODEV;
    v->total_sectors = tot;
    v->n_fats = (uint8_t)nfats;
    v->sec_per_clus = spc;
    v->clus_size = spc * FAT_SECTOR;
    v->fat_start = rsvd;
    v->fat_size = fatsz;
    v->root_start = (uint32_t)(rsvd + (uint64_t)nfats * fatsz);
    v->root_entries = rootsec * (FAT_SECTOR / 32);
    v->data_start = (uint32_t)meta;
    v->n_clusters = ncl;
    v->fsinfo_state = 2;
    v->fsinfo_sector = 0;
    if (v->type == 32) {
        v->root_entries = 0;
        v->root_cluster = fat_rd32(s + 44) & 0x0FFFFFFFu;
        if (!fat_clus_ok(v, v->root_cluster))
            return -EIO;
        uint32_t fsi = fat_rd16(s + 48);
        if (fsi >= 1 && fsi < rsvd)
            v->fsinfo_sector = fsi;
        v->serial = fat_rd32(s + 67);
        memcpy(v->label, s + 71, 11);
    } else {
        v->root_cluster = 0;
        v->serial = s[38] == 0x29 ? fat_rd32(s + 39) : 0;
        memcpy(v->label, s[38] == 0x29 ? s + 43 : (const uint8_t *)"NO NAME    ", 11);
    }
    v->label[11] = 0;
    return 0;
}

int fat_mount(fat_vol_t *v, const bdev_t *bd, int flags) {
    memset(v, 0, sizeof *v);
    if (bdev_block_size(bd) != FAT_SECTOR)
        return -ENODEV;
    uint32_t avail = bdev_count(bd);
    uint8_t s[FAT_SECTOR];
    if (avail == 0)
        return -ENODEV;
    int r = bdev_read(bd, 0, 1, s);
    if (r)
        return r;
    uint32_t base = 0;
    if (!fat_bpb_plausible(s)) {
        if (s[510] != 0x55 || s[511] != 0xAA)
            return -ENODEV;
        /* An MBR: take the first FAT partition. */
        for (int i = 0; i < 4 && !base; i++) {
            const uint8_t *pe = s + 446 + 16 * i;
            uint8_t t = pe[4];
            uint32_t start = fat_rd32(pe + 8);
            if ((t == 0x01 || t == 0x04 || t == 0x06 || t == 0x0B || t == 0x0C || t == 0x0E) && start > 0 &&
                start < avail)
                base = start;
        }
        if (!base)
            return -ENODEV;
        if ((r = bdev_read(bd, base, 1, s)))
            return r;
        if (!fat_bpb_plausible(s))
            return -ENODEV;
    }
    v->bd = bd;
    v->base = base;
    if ((r = fat_parse_bpb(v, s, avail - base)))
        return r;
    v->readonly = (flags & FAT_MOUNT_RO) || !bd->write;
    v->barriers = (flags & FAT_MOUNT_BARRIERS) != 0;
    v->free_count = UINT32_MAX;
    v->next_free = 2;
    if (v->fsinfo_sector) {
        if ((r = fat_sec_read(v, v->fsinfo_sector, 1, s)))
            return r;
        if (fat_rd32(s) == 0x41615252u && fat_rd32(s + 484) == 0x61417272u) {
            uint32_t nf = fat_rd32(s + 492), fc = fat_rd32(s + 488);
            if (fat_clus_ok(v, nf))
                v->next_free = nf;
            if (fc <= v->n_clusters) /* a hint, as every FAT32 driver takes it */
                v->free_count = fc;
            v->fsinfo_state = 1;
        } else
            v->fsinfo_sector = 0;
    }
    v->mounted = true;
    return 0;
}

int fat_sync(fat_vol_t *v) {
    if (!v->mounted)
        return -ENODEV;
    int r = 0, e;
    for (fat_file_t *f = v->open_files; f; f = f->next_open)
        if ((e = fat_fsync(f)) && !r)
            r = e;
    if (v->readonly)
        return r;
    if ((e = fat_flush_fat(v)) && !r)
        r = e;
    if (!r && (e = fat_barrier(v)))
        r = e;
    if (!r && (e = fat_fsinfo_commit(v)))
        r = e;
    if ((e = bdev_sync(v->bd)) && !r)
        r = e;
    return r;
}

int fat_unmount(fat_vol_t *v) {
    if (!v->mounted)
        return -ENODEV;
    if (v->open_files)
        return -EBUSY;
    int r = fat_sync(v);
    v->mounted = false;
    return r;
}

int fat_statvfs(fat_vol_t *v, fat_statvfs_t *st) {
    if (!v->mounted)
        return -ENODEV;
    int r = fat_count_free(v);
    if (r)
        return r;
    st->bsize = v->clus_size;
    st->blocks = v->n_clusters;
    st->bfree = v->free_count;
    st->namemax = FAT_NAME_MAX;
    return 0;
}
