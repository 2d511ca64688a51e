/* Open files: reading, writing (growing the cluster chain), seeking, truncating and syncing,
 * with one sector of buffering per handle.
 * Invariant (power-loss order): a handle's data sectors reach the disk before the FAT sectors
 * that link them, and those before the directory entry that gives the new size; shrinking
 * writes the entry first and frees clusters after. */
#include "storage/fat_int.h"

#include <stdio.h>

static int fat_buf_flush(fat_file_t *f) {
    if (!f->buf_valid || !f->buf_dirty)
        return 0;
    int r = fat_sec_write(f->vol, f->buf_sector, 1, f->buf);
    if (r == 0)
        f->buf_dirty = false;
    return r;
}

/* Cluster number of chain index idx, growing the chain when alloc is set. */
static int fat_file_clus(fat_file_t *f, uint32_t idx, bool alloc, uint32_t *out) {
    fat_vol_t *v = f->vol;
    int r;
    if (idx >= v->n_clusters)
        return alloc ? -ENOSPC : -EIO;
    if (f->first_clus == 0) {
        if (!alloc)
            return -EIO;
        uint32_t c;
        if ((r = fat_alloc(v, 0, &c)))
            return r;
        f->first_clus = c;
        f->entry_dirty = true;
        f->cur_clus = c;
        f->cur_idx = 0;
    }
    if (f->cur_clus == 0 || idx < f->cur_idx) {
        if (!fat_clus_ok(v, f->first_clus))
            return -EIO;
        f->cur_clus = f->first_clus;
        f->cur_idx = 0;
    }
    while (f->cur_idx < idx) {
        uint32_t n;
        r = fat_next(v, f->cur_clus, &n);
        if (r < 0)
            return r;
        if (r == 0) {
            if (!alloc)
                return -EIO; /* chain shorter than the size says */
            if ((r = fat_alloc(v, f->cur_clus, &n)))
                return r;
        }
        f->cur_clus = n;
        f->cur_idx++;
    }
    *out = f->cur_clus;
    return 0;
}

/* Whole sectors from sector sic of cluster c (chain index ci) on, extended over the clusters
 * that follow c on disk, up to want sectors: one device call for a contiguous run. */
#define FAT_READ_BOUNCE 16 /* sectors: reads up to 8 KiB that end mid-sector take one device read */

static uint32_t fat_run(fat_file_t *f, uint32_t c, uint32_t ci, uint32_t sic, uint32_t want, bool alloc) {
    fat_vol_t *v = f->vol;
    uint32_t cnt = v->sec_per_clus - sic;
    if (cnt >= want)
        return want;
    while (cnt < want && cnt < 2048) {
        uint32_t nc;
        if (fat_file_clus(f, ci + 1, alloc, &nc) || nc != c + 1)
            break;
        c = nc;
        ci++;
        cnt += v->sec_per_clus;
    }
    return cnt < want ? cnt : want;
}

int fat_open(fat_vol_t *v, fat_file_t *f, const char *path, int flags) {
    memset(f, 0, sizeof *f);
    if (!v->mounted)
        return -ENODEV;
    if (flags & FAT_O_APPEND)
        flags |= FAT_O_WRITE;
    if (!(flags & (FAT_O_READ | FAT_O_WRITE)))
        flags |= FAT_O_READ;
    bool wr = (flags & FAT_O_WRITE) != 0;
    if (wr && v->readonly)
        return -EROFS;
    fat_loc_t loc;
    int r = fat_lookup(v, path, &loc);
    if (r == 1)
        return -EISDIR;
    if (r == -ENOENT && (flags & FAT_O_CREAT) && wr) {
        if ((r = fat_create_entry(v, path, FAT_ATTR_ARCHIVE, 0, &loc)))
            return r;
    } else if (r < 0) {
        return r;
    } else {
        if ((flags & FAT_O_CREAT) && (flags & FAT_O_EXCL))
            return -EEXIST;
        if (loc.ent[DE_ATTR] & FAT_ATTR_DIR)
            return -EISDIR;
        if (wr && (loc.ent[DE_ATTR] & FAT_ATTR_RO))
            return -EACCES;
    }
    f->vol = v;
    f->flags = (uint8_t)flags;
    f->attr = loc.ent[DE_ATTR];
    f->ent_sector = loc.sector;
    f->ent_off = loc.off;
    f->first_clus = fat_ent_clus(v, loc.ent);
    f->size = fat_rd32(loc.ent + DE_SIZE);
    f->next_open = v->open_files;
    v->open_files = f;
    if (wr && (flags & FAT_O_TRUNC) && (f->size > 0 || f->first_clus != 0) && (r = fat_truncate(f, 0))) {
        fat_close(f);
        return r;
    }
    return 0;
}

ssize_t fat_read(fat_file_t *f, void *out, size_t n) {
    if (!f->vol)
        return -EBADF;
    if (!(f->flags & FAT_O_READ))
        return -EBADF;
    fat_vol_t *v = f->vol;
    if (!v->mounted)
        return -ENODEV;
    if (f->pos >= f->size)
        return 0;
    if (n > f->size - f->pos)
        n = f->size - f->pos;
    uint8_t *p = out;
    size_t done = 0;
    int r = 0;
    while (done < n) {
        uint32_t c, ci = f->pos / v->clus_size, in = f->pos % v->clus_size;
        if ((r = fat_file_clus(f, ci, false, &c)))
            break;
        uint32_t sic = in / FAT_SECTOR, sec = fat_clus2sec(v, c) + sic, off = f->pos % FAT_SECTOR;
        size_t left = n - done, k;
        uint32_t whole = (uint32_t)((left + FAT_SECTOR - 1) / FAT_SECTOR);
        if (off == 0 && left > FAT_SECTOR && left % FAT_SECTOR && whole <= FAT_READ_BOUNCE &&
            fat_run(f, c, ci, sic, whole, false) == whole) {
            /* a small read ending inside a sector (a small file read whole): one device read
             * into a bounce buffer instead of one for the whole sectors and one for the tail;
             * the tail sector stays in the file's buffer */
            uint8_t bounce[FAT_READ_BOUNCE * FAT_SECTOR];
            if (f->buf_valid && f->buf_sector >= sec && f->buf_sector - sec < whole && (r = fat_buf_flush(f)))
                break;
            if ((r = fat_sec_read(v, sec, whole, bounce)))
                break;
            memcpy(p + done, bounce, left);
            memcpy(f->buf, bounce + (size_t)(whole - 1) * FAT_SECTOR, FAT_SECTOR);
            f->buf_valid = true;
            f->buf_dirty = false;
            f->buf_sector = sec + whole - 1;
            k = left;
        } else if (off == 0 && left >= FAT_SECTOR) {
            uint32_t cnt = fat_run(f, c, ci, sic, (uint32_t)(left / FAT_SECTOR), false);
            if (f->buf_valid && f->buf_sector >= sec && f->buf_sector - sec < cnt && (r = fat_buf_flush(f)))
                break;
            if ((r = fat_sec_read(v, sec, cnt, p + done)))
                break;
            k = (size_t)cnt * FAT_SECTOR;
        } else {
            if (!f->buf_valid || f->buf_sector != sec) {
                if ((r = fat_buf_flush(f)))
                    break;
                f->buf_valid = false;
                if ((r = fat_sec_read(v, sec, 1, f->buf)))
                    break;
                f->buf_valid = true;
                f->buf_sector = sec;
            }
            k = FAT_SECTOR - off;
            if (k > left)
                k = left;
            memcpy(p + done, f->buf + off, k);
        }
        done += k;
        f->pos += (uint32_t)k;
    }
    return done ? (ssize_t)done : r;
}

static ssize_t fat_write_core(fat_file_t *f, const uint8_t *p, size_t n) {
    fat_vol_t *v = f->vol;
    size_t done = 0;
    int r = 0;
    while (done < n) {
        uint32_t c, ci = f->pos / v->clus_size, in = f->pos % v->clus_size;
        if ((r = fat_file_clus(f, ci, true, &c)))
            break;
        uint32_t sic = in / FAT_SECTOR, sec = fat_clus2sec(v, c) + sic, off = f->pos % FAT_SECTOR;
        size_t left = n - done, k;
        if (off == 0 && left >= FAT_SECTOR) {
            uint32_t cnt = fat_run(f, c, ci, sic, (uint32_t)(left / FAT_SECTOR), true);
            if (f->buf_valid && f->buf_sector >= sec && f->buf_sector - sec < cnt)
                f->buf_valid = f->buf_dirty = false; /* overwritten whole */
            if ((r = fat_sec_write(v, sec, cnt, p + done)))
                break;
            k = (size_t)cnt * FAT_SECTOR;
        } else {
            if (!f->buf_valid || f->buf_sector != sec) {
                if ((r = fat_buf_flush(f)))
                    break;
                f->buf_valid = false;
                if (off == 0 && f->pos >= f->size)
                    memset(f->buf, 0, FAT_SECTOR); /* nothing stored there yet */
                else if ((r = fat_sec_read(v, sec, 1, f->buf)))
                    break;
                f->buf_valid = true;
                f->buf_sector = sec;
            }
            k = FAT_SECTOR - off;
            if (k > left)
                k = left;
            memcpy(f->buf + off, p + done, k);
            f->buf_dirty = true;
        }
        done += k;
        f->pos += (uint32_t)k;
        if (f->pos > f->size)
            f->size = f->pos;
        f->entry_dirty = true;
    }
    return done ? (ssize_t)done : r;
}

/* Fill [size, target) with zeros (a write or truncate past the end). */
static int fat_zero_extend(fat_file_t *f, uint32_t target) {
    static const uint8_t zero[FAT_SECTOR * 4];
    uint32_t save = f->pos;
    f->pos = f->size;
    while (f->size < target) {
        size_t k = target - f->size;
        if (k > sizeof zero)
            k = sizeof zero;
        ssize_t w = fat_write_core(f, zero, k);
        if (w < 0) {
            f->pos = save;
            return (int)w;
        }
    }
    f->pos = save;
    return 0;
}

ssize_t fat_write(fat_file_t *f, const void *buf, size_t n) {
    if (!f->vol)
        return -EBADF;
    if (!(f->flags & FAT_O_WRITE))
        return -EBADF;
    fat_vol_t *v = f->vol;
    if (!v->mounted)
        return -ENODEV;
    if (v->readonly)
        return -EROFS;
    if (f->flags & FAT_O_APPEND)
        f->pos = f->size;
    if (n == 0)
        return 0;
    if (f->pos > f->size) {
        int r = fat_zero_extend(f, f->pos);
        if (r)
            return r;
    }
    if (n > UINT32_MAX - f->pos)
        n = UINT32_MAX - f->pos;
    if (n == 0)
        return -EFBIG;
    return fat_write_core(f, buf, n);
}

int64_t fat_seek(fat_file_t *f, int64_t off, int whence) {
    if (!f->vol)
        return -EBADF;
    int64_t base = -1;
    if (whence == SEEK_SET)
        base = 0;
    else if (whence == SEEK_CUR)
        base = f->pos;
    else if (whence == SEEK_END)
        base = f->size;
    if (base < 0)
        return -EINVAL;
    int64_t np = base + off;
    if (np < 0 || np > (int64_t)UINT32_MAX)
        return -EINVAL;
    f->pos = (uint32_t)np;
    return np;
}

uint32_t fat_tell(const fat_file_t *f) {
    return f->pos;
}
uint32_t fat_size(const fat_file_t *f) {
    return f->size;
}

static int fat_entry_update(fat_file_t *f) {
    fat_vol_t *v = f->vol;
    uint8_t *buf = fat_dbuf_load(v, f->ent_sector);
    if (!buf)
        return -EIO;
    uint8_t *e = buf + f->ent_off;
    if (e[0] == 0 || e[0] == 0xE5)
        return -EIO; /* the entry went away under us */
    uint16_t date, time;
    fat_now(&date, &time, NULL);
    fat_wr16(e + DE_CLUS_LO, f->first_clus);
    fat_wr16(e + DE_CLUS_HI, v->type == 32 ? f->first_clus >> 16 : 0);
    fat_wr32(e + DE_SIZE, f->size);
    fat_wr16(e + DE_MTIME, time);
    fat_wr16(e + DE_MDATE, date);
    fat_wr16(e + DE_ADATE, date);
    e[DE_ATTR] |= FAT_ATTR_ARCHIVE;
    int r = fat_dbuf_store(v);
    if (r == 0)
        f->entry_dirty = false;
    return r;
}

int fat_fsync(fat_file_t *f) {
    if (!f->vol)
        return -EBADF;
    fat_vol_t *v = f->vol;
    if (v->readonly || !(f->flags & FAT_O_WRITE))
        return 0;
    int r;
    if ((r = fat_buf_flush(f)))
        return r;
    if (!f->entry_dirty)
        return 0;
    if ((r = fat_barrier(v)) || (r = fat_flush_fat(v)) || (r = fat_barrier(v)))
        return r;
    if ((r = fat_entry_update(f)))
        return r;
    return fat_barrier(v);
}

int fat_truncate(fat_file_t *f, uint32_t len) {
    if (!f->vol)
        return -EBADF;
    if (!(f->flags & FAT_O_WRITE))
        return -EBADF;
    fat_vol_t *v = f->vol;
    if (v->readonly)
        return -EROFS;
    if (len > f->size)
        return fat_zero_extend(f, len);
    if (len == f->size && (len > 0 || f->first_clus == 0))
        return 0;
    int r;
    uint32_t keep = len == 0 ? 0 : (len - 1) / v->clus_size + 1;
    uint32_t old_first = f->first_clus, last = 0;
    if (keep && (r = fat_file_clus(f, keep - 1, false, &last)))
        return r;
    if ((r = fat_buf_flush(f)) || (r = fat_flush_fat(v)) || (r = fat_barrier(v)))
        return r;
    f->size = len;
    if (keep == 0)
        f->first_clus = 0;
    f->buf_valid = false;
    f->cur_clus = 0;
    /* The entry stops pointing at the tail before the tail is freed. */
    if ((r = fat_entry_update(f)) || (r = fat_barrier(v)))
        return r;
    if (keep == 0) {
        if (fat_clus_ok(v, old_first))
            r = fat_free_chain(v, old_first);
    } else {
        uint32_t next;
        int k = fat_next(v, last, &next);
        if (k < 0)
            return k;
        if (k == 1 && !(r = fat_set(v, last, FAT_EOC)))
            r = fat_free_chain(v, next);
    }
    if (r)
        return r;
    return fat_flush_fat(v);
}

int fat_close(fat_file_t *f) {
    if (!f->vol)
        return -EBADF;
    fat_vol_t *v = f->vol;
    int r = v->mounted ? fat_fsync(f) : 0;
    for (fat_file_t **pp = &v->open_files; *pp; pp = &(*pp)->next_open)
        if (*pp == f) {
            *pp = f->next_open;
            break;
        }
    f->vol = NULL;
    return r;
}

void fat_forget(fat_file_t *f) {
    if (!f->vol)
        return;
    for (fat_file_t **pp = &f->vol->open_files; *pp; pp = &(*pp)->next_open)
        if (*pp == f) {
            *pp = f->next_open;
            break;
        }
    f->vol = NULL;
}

void fat_file_move(fat_file_t *dst, fat_file_t *src) {
    *dst = *src;
    if (src->vol)
        for (fat_file_t **pp = &src->vol->open_files; *pp; pp = &(*pp)->next_open)
            if (*pp == src) {
                *pp = dst;
                break;
            }
    src->vol = NULL;
}
