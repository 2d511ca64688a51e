/* Directories: walking entries (long names assembled from their LFN sets), path lookup,
 * adding an entry set (short alias with numeric tail, growing the directory), removing one,
 * and the operations stat, opendir/readdir, mkdir, rmdir, remove and rename.
 * Invariants: an entry set is written LFN parts first and its short entry last, and removed
 * short entry first, so a torn update never makes a live entry point at foreign clusters; every
 * walk is bounded (65536 entries per directory, FAT_MAX_DEPTH levels). */
#include "storage/fat_int.h"

uint32_t fat_ent_clus(const fat_vol_t *v, const uint8_t *e) {
    uint32_t c = fat_rd16(e + DE_CLUS_LO);
    if (v->type == 32)
        c |= (uint32_t)fat_rd16(e + DE_CLUS_HI) << 16;
    return c;
}

static void fat_ent_set_clus(const fat_vol_t *v, uint8_t *e, uint32_t c) {
    fat_wr16(e + DE_CLUS_LO, c);
    fat_wr16(e + DE_CLUS_HI, v->type == 32 ? c >> 16 : 0);
}

/* ---- cursor over a directory's entries ---- */

static void fat_cur_init(fat_vol_t *v, fat_dir_t *d, uint32_t start) {
    memset(d, 0, sizeof *d);
    d->vol = v;
    d->start_clus = start;
}

static bool fat_cur_fixed(const fat_dir_t *d) {
    return d->start_clus == 0 && d->vol->type != 32;
}

/* Sector holding entry idx: 0 ok, 1 past the end of the directory, <0 error. */
static int fat_cur_sector(fat_dir_t *d, uint32_t idx, uint32_t *sec) {
    fat_vol_t *v = d->vol;
    if (fat_cur_fixed(d)) {
        if (idx >= v->root_entries)
            return 1;
        *sec = v->root_start + idx / 16;
        return 0;
    }
    if (idx >= FAT_DIR_MAX_ENTRIES)
        return 1;
    uint32_t epc = v->clus_size / DE_SIZEOF, ci = idx / epc;
    if (d->clus == 0 || ci < d->clus_idx) {
        d->clus = d->start_clus ? d->start_clus : v->root_cluster;
        d->clus_idx = 0;
        if (!fat_clus_ok(v, d->clus)) {
            d->clus = 0;
            return -EIO;
        }
    }
    while (d->clus_idx < ci) {
        uint32_t n;
        int r = fat_next(v, d->clus, &n);
        if (r <= 0)
            return r == 0 ? 1 : r;
        d->clus = n;
        d->clus_idx++;
    }
    *sec = fat_clus2sec(v, d->clus) + (idx % epc) / 16;
    return 0;
}

typedef struct fat_dent {
    uint16_t name[20 * 13 + 1];
    int nlen;
    fat_loc_t loc;
} fat_dent_t;

/* Next live entry from d->idx on: 1 found, 0 end, <0 error. */
static int fat_dir_next(fat_dir_t *d, fat_dent_t *out) {
    fat_vol_t *v = d->vol;
    uint16_t lfn[20 * 13];
    int lfn_count = 0, expect = 0;
    uint8_t sum = 0;
    uint32_t lfn_first = 0;
    if (d->done)
        return 0;
    for (;;) {
        uint32_t sec, idx = d->idx;
        int r = fat_cur_sector(d, idx, &sec);
        if (r) {
            if (r == 1)
                d->done = true;
            return r < 0 ? r : 0;
        }
        uint8_t *buf = fat_dbuf_load(v, sec);
        if (!buf)
            return -EIO;
        uint8_t *e = buf + (idx % 16) * DE_SIZEOF;
        if (e[0] == 0) {
            d->done = true;
            return 0;
        }
        d->idx++;
        if (e[0] == 0xE5) {
            expect = 0;
            continue;
        }
        if ((e[DE_ATTR] & 0x3F) == FAT_ATTR_LFN) {
            int ord = e[0] & 0x1F;
            if ((e[0] & 0x40) && ord >= 1 && ord <= 20) {
                lfn_count = expect = ord;
                sum = e[13];
                lfn_first = idx;
                for (int i = 0; i < 20 * 13; i++)
                    lfn[i] = 0xFFFF;
                fat_lfn_collect(e, lfn);
            } else if (expect > 1 && ord == expect - 1 && !(e[0] & 0x40) && e[13] == sum) {
                expect = ord;
                fat_lfn_collect(e, lfn);
            } else
                expect = 0;
            continue;
        }
        if (e[DE_ATTR] & FAT_ATTR_VOLID) {
            expect = 0;
            continue;
        }
        out->nlen = 0;
        if (expect == 1 && fat_lfn_checksum(e) == sum) {
            int n = 0;
            while (n < lfn_count * 13 && lfn[n] != 0 && lfn[n] != 0xFFFF)
                n++;
            memcpy(out->name, lfn, (size_t)n * 2);
            out->nlen = n;
        }
        out->loc.first_idx = out->nlen ? lfn_first : idx;
        if (!out->nlen)
            out->nlen = fat_short_to_ucs2(e, out->name);
        out->loc.dir_clus = d->start_clus;
        out->loc.short_idx = idx;
        out->loc.sector = sec;
        out->loc.off = (uint16_t)((idx % 16) * DE_SIZEOF);
        memcpy(out->loc.ent, e, DE_SIZEOF);
        return 1;
    }
}

static bool fat_is_dot(const uint8_t *e) {
    return e[0] == '.';
}

static bool fat_dent_matches(const fat_dent_t *de, const uint16_t *name, int nlen) {
    if (fat_name_eq(de->name, de->nlen, name, nlen))
        return true;
    if (nlen > 12 || fat_is_dot(de->loc.ent))
        return false; /* no 8.3 alias is longer than 12 characters */
    uint16_t sn[13]; /* also answer to the 8.3 alias */
    int sl = fat_short_to_ucs2(de->loc.ent, sn);
    return fat_name_eq(sn, sl, name, nlen);
}

/* Search from the last hit onwards first (listing then opening each file is then linear),
 * then from the start up to and including the set that holds the hint position. */
static int fat_dir_find_dent(fat_vol_t *v, uint32_t dir_clus, const uint16_t *name, int nlen, fat_dent_t *out);

int fat_dir_find(fat_vol_t *v, uint32_t dir_clus, const uint16_t *name, int nlen, fat_loc_t *loc) {
    fat_dent_t de;
    int r = fat_dir_find_dent(v, dir_clus, name, nlen, &de);
    if (r == 0)
        *loc = de.loc;
    return r;
}

static int fat_dir_find_dent(fat_vol_t *v, uint32_t dir_clus, const uint16_t *name, int nlen, fat_dent_t *out) {
    fat_dir_t d;
    fat_dent_t de;
    int r;
    uint32_t hint = (v->hint_valid && v->hint_dir == dir_clus) ? v->hint_idx : 0;
    if (hint) {
        fat_cur_init(v, &d, dir_clus);
        d.idx = hint;
        while ((r = fat_dir_next(&d, &de)) == 1)
            if (fat_dent_matches(&de, name, nlen))
                goto found;
        if (r < 0)
            return r;
    }
    fat_cur_init(v, &d, dir_clus);
    while ((r = fat_dir_next(&d, &de)) == 1) {
        if (fat_dent_matches(&de, name, nlen))
            goto found;
        if (hint && de.loc.short_idx >= hint)
            break;
    }
    return r < 0 ? r : -ENOENT;
found:
    *out = de;
    v->hint_valid = true;
    v->hint_dir = dir_clus;
    v->hint_idx = de.loc.short_idx + 1;
    return 0;
}

/* Walk path[0..len): 1 = root, 0 = entry in loc. */
static int fat_walk(fat_vol_t *v, const char *path, size_t len, fat_loc_t *loc) {
    uint32_t dir = 0;
    bool at_root = true;
    size_t i = 0;
    uint16_t name[FAT_NAME_MAX + 1];
    while (i < len) {
        while (i < len && path[i] == '/')
            i++;
        size_t s = i;
        while (i < len && path[i] != '/')
            i++;
        size_t cl = i - s;
        if (cl == 0 || (cl == 1 && path[s] == '.'))
            continue;
        if (cl == 2 && path[s] == '.' && path[s + 1] == '.')
            return -EINVAL; /* the VFS hands over normalised paths */
        if (!at_root) {
            if (!(loc->ent[DE_ATTR] & FAT_ATTR_DIR))
                return -ENOTDIR;
            dir = fat_ent_clus(v, loc->ent);
            if (!fat_clus_ok(v, dir))
                return -EIO;
        }
        int n = fat_utf8_to_ucs2(path + s, cl, name, true);
        if (n < 0)
            return n == -ENAMETOOLONG ? n : -ENOENT;
        if (n == 0)
            return -ENOENT;
        int r = fat_dir_find(v, dir, name, n, loc);
        if (r)
            return r;
        at_root = false;
    }
    return at_root ? 1 : 0;
}

int fat_lookup(fat_vol_t *v, const char *path, fat_loc_t *loc) {
    if (!v->mounted)
        return -ENODEV;
    return fat_walk(v, path, strlen(path), loc);
}

int fat_lookup_parent(fat_vol_t *v, const char *path, uint32_t *dir_clus, uint16_t *name, int *nlen) {
    if (!v->mounted)
        return -ENODEV;
    size_t len = strlen(path);
    while (len > 0 && path[len - 1] == '/')
        len--;
    size_t s = len;
    while (s > 0 && path[s - 1] != '/')
        s--;
    if (s == len)
        return -EINVAL; /* the root has no parent entry */
    if ((len - s == 1 && path[s] == '.') || (len - s == 2 && path[s] == '.' && path[s + 1] == '.'))
        return -EINVAL;
    fat_loc_t loc = {0};
    int r = fat_walk(v, path, s, &loc);
    if (r < 0)
        return r;
    if (r == 1)
        *dir_clus = 0;
    else {
        if (!(loc.ent[DE_ATTR] & FAT_ATTR_DIR))
            return -ENOTDIR;
        *dir_clus = fat_ent_clus(v, loc.ent);
        if (!fat_clus_ok(v, *dir_clus))
            return -EIO;
    }
    int n = fat_utf8_to_ucs2(path + s, len - s, name, true);
    if (n < 0)
        return n;
    if (!fat_name_valid(name, n))
        return -EINVAL;
    *nlen = n;
    return 0;
}

bool fat_is_open(fat_vol_t *v, uint32_t sector, uint16_t off) {
    for (fat_file_t *f = v->open_files; f; f = f->next_open)
        if (f->ent_sector == sector && f->ent_off == off)
            return true;
    return false;
}

/* ---- adding and removing entry sets ---- */

#define FAT_TAIL_MAX 65535u

/* Parse "BASIS~N.EXT" against the basis: N if the entry is basis with tail N, else 0. */
static uint32_t fat_tail_of(const uint8_t *e, const uint8_t basis[11]) {
    int t = -1;
    for (int i = 0; i < 8; i++)
        if (e[i] == '~') {
            t = i;
            break;
        }
    if (t < 0)
        return 0;
    uint32_t n = 0;
    int i = t + 1;
    for (; i < 8 && e[i] >= '0' && e[i] <= '9'; i++)
        n = n * 10 + (uint32_t)(e[i] - '0');
    if (i == t + 1 || n == 0 || n > FAT_TAIL_MAX)
        return 0;
    uint8_t cand[11];
    fat_apply_tail(basis, n, cand);
    return memcmp(cand, e, 11) == 0 ? n : 0;
}

int fat_dir_add(fat_vol_t *v, uint32_t dir_clus, const uint16_t *name, int nlen, const uint8_t tmpl[DE_SIZEOF],
    const fat_loc_t *ignore, fat_loc_t *out) {
    if (v->readonly)
        return -EROFS;
    v->hint_valid = false;
    uint8_t sfn[11], ntres = 0, basis[11];
    bool need_lfn = !fat_fits_short(name, nlen, sfn, &ntres);
    int nl = need_lfn ? (nlen + 12) / 13 : 0;
    uint32_t need = (uint32_t)nl + 1;
    static uint8_t used[FAT_TAIL_MAX / 8 + 1];
    if (need_lfn) {
        fat_basis_name(name, nlen, basis);
        memset(used, 0, sizeof used);
    }

    /* One pass: numeric tails in use, and the first run of `need` free entries. */
    fat_dir_t d;
    fat_cur_init(v, &d, dir_clus);
    uint32_t run_start = 0, run_len = 0, idx = 0, found = UINT32_MAX;
    bool ended = false;
    int r;
    for (;; idx++) {
        uint32_t sec;
        r = fat_cur_sector(&d, idx, &sec);
        if (r < 0)
            return r;
        if (r == 1)
            break;
        uint8_t *buf = fat_dbuf_load(v, sec);
        if (!buf)
            return -EIO;
        const uint8_t *e = buf + (idx % 16) * DE_SIZEOF;
        if (e[0] == 0)
            ended = true;
        if (ended || e[0] == 0xE5) {
            if (run_len == 0)
                run_start = idx;
            if (++run_len >= need && found == UINT32_MAX)
                found = run_start;
            if (ended && found != UINT32_MAX)
                break; /* nothing lives past the end marker */
            continue;
        }
        run_len = 0;
        if ((e[DE_ATTR] & 0x3F) == FAT_ATTR_LFN || (e[DE_ATTR] & FAT_ATTR_VOLID))
            continue;
        if (ignore && ignore->dir_clus == dir_clus && ignore->short_idx == idx)
            continue;
        if (need_lfn) {
            uint32_t n = fat_tail_of(e, basis);
            if (n)
                used[n / 8] |= (uint8_t)(1u << (n % 8));
        } else if (memcmp(e, sfn, 11) == 0)
            return -EEXIST;
    }
    if (need_lfn) {
        uint32_t n = 1;
        while (n <= FAT_TAIL_MAX && (used[n / 8] & (1u << (n % 8))))
            n++;
        if (n > FAT_TAIL_MAX)
            return -ENOSPC;
        fat_apply_tail(basis, n, sfn);
    }

    if (found == UINT32_MAX) {
        /* Grow the directory: zero new clusters before they are linked into its chain. */
        if (fat_cur_fixed(&d))
            return -ENOSPC;
        if (run_len == 0)
            run_start = idx;
        uint32_t epc = v->clus_size / DE_SIZEOF;
        uint32_t missing = need - run_len;
        uint32_t nclus = (missing + epc - 1) / epc;
        if ((uint64_t)idx + (uint64_t)nclus * epc > FAT_DIR_MAX_ENTRIES)
            return -ENOSPC;
        uint32_t last = d.clus;
        if (!fat_clus_ok(v, last))
            return -EIO;
        for (uint32_t k = 0; k < nclus; k++) {
            uint32_t c;
            if ((r = fat_alloc(v, 0, &c)))
                return r;
            if ((r = fat_zero_cluster(v, c)) || (r = fat_set(v, last, c))) {
                fat_free_chain(v, c);
                return r;
            }
            last = c;
        }
        if ((r = fat_flush_fat(v)) || (r = fat_barrier(v)))
            return r;
        found = run_start;
    }

    /* Write the set in order; the short entry, last, makes it live. */
    uint8_t sum = fat_lfn_checksum(sfn);
    fat_cur_init(v, &d, dir_clus);
    uint32_t cur_sec = UINT32_MAX;
    uint8_t *buf = NULL;
    for (uint32_t i = 0; i < need; i++) {
        uint32_t sec, eidx = found + i;
        r = fat_cur_sector(&d, eidx, &sec);
        if (r)
            return r < 0 ? r : -EIO;
        if (sec != cur_sec || !buf) {
            if (buf && (r = fat_dbuf_store(v)))
                return r;
            if (!(buf = fat_dbuf_load(v, sec)))
                return -EIO;
            cur_sec = sec;
        }
        uint8_t *e = buf + (eidx % 16) * DE_SIZEOF;
        if (i < (uint32_t)nl) {
            fat_lfn_fill(e, name, nlen, nl - (int)i, i == 0, sum);
        } else {
            memcpy(e, tmpl, DE_SIZEOF);
            memcpy(e, sfn, 11);
            e[DE_NTRES] = ntres;
            /* A rename whose old short entry shares this sector: one write both makes the
             * new entry live and the old one dead, so no crash can leave both. */
            if (ignore && ignore->sector == sec && ignore->off != (eidx % 16) * DE_SIZEOF)
                for (uint32_t j = ignore->first_idx; j <= ignore->short_idx; j++)
                    if (j / 16 == ignore->short_idx / 16)
                        buf[(j % 16) * DE_SIZEOF] = 0xE5;
            if (out) {
                out->dir_clus = dir_clus;
                out->first_idx = found;
                out->short_idx = eidx;
                out->sector = sec;
                out->off = (uint16_t)((eidx % 16) * DE_SIZEOF);
                memcpy(out->ent, e, DE_SIZEOF);
            }
        }
    }
    return fat_dbuf_store(v);
}

int fat_dir_remove_entry(fat_vol_t *v, const fat_loc_t *loc) {
    if (v->readonly)
        return -EROFS;
    v->hint_valid = false;
    uint8_t *buf = fat_dbuf_load(v, loc->sector);
    if (!buf)
        return -EIO;
    buf[loc->off] = 0xE5;
    int r = fat_dbuf_store(v);
    if (r)
        return r;
    fat_dir_t d;
    fat_cur_init(v, &d, loc->dir_clus);
    uint32_t cur_sec = UINT32_MAX;
    buf = NULL;
    for (uint32_t idx = loc->first_idx; idx < loc->short_idx; idx++) {
        uint32_t sec;
        r = fat_cur_sector(&d, idx, &sec);
        if (r)
            return r < 0 ? r : -EIO;
        if (sec != cur_sec || !buf) {
            if (buf && (r = fat_dbuf_store(v)))
                return r;
            if (!(buf = fat_dbuf_load(v, sec)))
                return -EIO;
            cur_sec = sec;
        }
        buf[(idx % 16) * DE_SIZEOF] = 0xE5;
    }
    return buf ? fat_dbuf_store(v) : 0;
}

/* ---- operations ---- */

static void fat_fill_stat(const fat_vol_t *v, const uint8_t *e, fat_stat_t *st) {
    memset(st, 0, sizeof *st);
    st->attr = e[DE_ATTR];
    st->is_dir = (e[DE_ATTR] & FAT_ATTR_DIR) != 0;
    st->size = st->is_dir ? 0 : fat_rd32(e + DE_SIZE);
    fat_unpack_time(fat_rd16(e + DE_MDATE), fat_rd16(e + DE_MTIME), &st->mtime);
    fat_unpack_time(fat_rd16(e + DE_CDATE), fat_rd16(e + DE_CTIME), &st->ctime);
}

int fat_stat(fat_vol_t *v, const char *path, fat_stat_t *st) {
    fat_loc_t loc;
    int r = fat_lookup(v, path, &loc);
    if (r < 0)
        return r;
    if (r == 1) {
        memset(st, 0, sizeof *st);
        st->is_dir = true;
        st->attr = FAT_ATTR_DIR;
        fat_unpack_time(0x21, 0, &st->mtime);
        st->ctime = st->mtime;
        return 0;
    }
    fat_fill_stat(v, loc.ent, st);
    return 0;
}

static int fat_dir_clus_of(fat_vol_t *v, const char *path, uint32_t *clus, fat_loc_t *loc) {
    int r = fat_lookup(v, path, loc);
    if (r < 0)
        return r;
    if (r == 1) {
        *clus = 0;
        return 1;
    }
    if (!(loc->ent[DE_ATTR] & FAT_ATTR_DIR))
        return -ENOTDIR;
    *clus = fat_ent_clus(v, loc->ent);
    return fat_clus_ok(v, *clus) ? 0 : -EIO;
}

int fat_opendir(fat_vol_t *v, fat_dir_t *d, const char *path) {
    uint32_t clus;
    fat_loc_t loc;
    int r = fat_dir_clus_of(v, path, &clus, &loc);
    if (r < 0)
        return r;
    fat_cur_init(v, d, clus);
    return 0;
}

int fat_readdir(fat_dir_t *d, fat_dirent_t *e) {
    fat_dent_t de;
    if (!d->vol || !d->vol->mounted)
        return -ENODEV;
    for (;;) {
        int r = fat_dir_next(d, &de);
        if (r <= 0)
            return r;
        if (fat_is_dot(de.loc.ent))
            continue;
        fat_ucs2_to_utf8(de.name, de.nlen, e->name, sizeof e->name);
        fat_fill_stat(d->vol, de.loc.ent, &e->st);
        return 1;
    }
}

void fat_closedir(fat_dir_t *d) {
    d->vol = NULL;
}

static void fat_tmpl(uint8_t *e, uint8_t attr, uint32_t clus, const fat_vol_t *v) {
    uint16_t date, time;
    uint8_t tenth;
    memset(e, 0, DE_SIZEOF);
    memset(e, ' ', 11);
    fat_now(&date, &time, &tenth);
    e[DE_ATTR] = attr;
    e[DE_CTIME_TENTH] = tenth;
    fat_wr16(e + DE_CTIME, time);
    fat_wr16(e + DE_CDATE, date);
    fat_wr16(e + DE_ADATE, date);
    fat_wr16(e + DE_MTIME, time);
    fat_wr16(e + DE_MDATE, date);
    fat_ent_set_clus(v, e, clus);
}

int fat_create_entry(fat_vol_t *v, const char *path, uint8_t attr, uint32_t clus, fat_loc_t *out) {
    uint32_t dir;
    uint16_t name[FAT_NAME_MAX + 1];
    int nlen;
    int r = fat_lookup_parent(v, path, &dir, name, &nlen);
    if (r)
        return r;
    fat_loc_t loc;
    r = fat_dir_find(v, dir, name, nlen, &loc);
    if (r == 0)
        return -EEXIST;
    if (r != -ENOENT)
        return r;
    uint8_t tmpl[DE_SIZEOF];
    fat_tmpl(tmpl, attr, clus, v);
    return fat_dir_add(v, dir, name, nlen, tmpl, NULL, out);
}

int fat_mkdir(fat_vol_t *v, const char *path) {
    if (!v->mounted)
        return -ENODEV;
    if (v->readonly)
        return -EROFS;
    uint32_t dir;
    uint16_t name[FAT_NAME_MAX + 1];
    int nlen;
    int r = fat_lookup_parent(v, path, &dir, name, &nlen);
    if (r)
        return r == -EINVAL && fat_lookup(v, path, &(fat_loc_t){0}) == 1 ? -EEXIST : r;
    fat_loc_t loc;
    r = fat_dir_find(v, dir, name, nlen, &loc);
    if (r == 0)
        return -EEXIST;
    if (r != -ENOENT)
        return r;
    uint32_t c;
    if ((r = fat_alloc(v, 0, &c)))
        return r;
    uint8_t sec[FAT_SECTOR];
    memset(sec, 0, sizeof sec);
    fat_tmpl(sec, FAT_ATTR_DIR, c, v);
    sec[0] = '.';
    fat_tmpl(sec + DE_SIZEOF, FAT_ATTR_DIR, dir, v);
    sec[DE_SIZEOF] = sec[DE_SIZEOF + 1] = '.';
    if ((r = fat_zero_cluster(v, c)) || (r = fat_sec_write(v, fat_clus2sec(v, c), 1, sec)) || (r = fat_flush_fat(v)) ||
        (r = fat_barrier(v)))
        goto fail;
    uint8_t tmpl[DE_SIZEOF];
    fat_tmpl(tmpl, FAT_ATTR_DIR, c, v);
    if ((r = fat_dir_add(v, dir, name, nlen, tmpl, NULL, NULL)))
        goto fail;
    return fat_barrier(v);
fail:
    fat_free_chain(v, c);
    fat_flush_fat(v);
    return r;
}

/* Remove a looked-up entry and free its clusters: entry first, then the FAT. */
static int fat_unlink_loc(fat_vol_t *v, const fat_loc_t *loc) {
    int r = fat_dir_remove_entry(v, loc);
    if (r || (r = fat_barrier(v)))
        return r;
    uint32_t c = fat_ent_clus(v, loc->ent);
    if (fat_clus_ok(v, c) && (r = fat_free_chain(v, c)))
        return r;
    if ((r = fat_flush_fat(v)))
        return r;
    return fat_barrier(v);
}

int fat_rmdir(fat_vol_t *v, const char *path) {
    if (!v->mounted)
        return -ENODEV;
    uint32_t clus;
    fat_loc_t loc;
    int r = fat_dir_clus_of(v, path, &clus, &loc);
    if (r < 0)
        return r;
    if (r == 1)
        return -EBUSY; /* the volume's root */
    if (v->readonly)
        return -EROFS;
    fat_dir_t d;
    fat_dent_t de;
    fat_cur_init(v, &d, clus);
    while ((r = fat_dir_next(&d, &de)) == 1)
        if (!fat_is_dot(de.loc.ent))
            return -ENOTEMPTY;
    if (r < 0)
        return r;
    return fat_unlink_loc(v, &loc);
}

int fat_remove(fat_vol_t *v, const char *path) {
    fat_loc_t loc;
    int r = fat_lookup(v, path, &loc);
    if (r < 0)
        return r;
    if (r == 1 || (loc.ent[DE_ATTR] & FAT_ATTR_DIR))
        return -EISDIR;
    if (v->readonly)
        return -EROFS;
    if (loc.ent[DE_ATTR] & FAT_ATTR_RO)
        return -EACCES;
    if (fat_is_open(v, loc.sector, loc.off))
        return -EBUSY;
    return fat_unlink_loc(v, &loc);
}

static const uint16_t fat_dotdot[2] = {'.', '.'};

int fat_rename(fat_vol_t *v, const char *from, const char *to) {
    if (!v->mounted)
        return -ENODEV;
    fat_loc_t src = {0}, dst;
    int r = fat_lookup(v, from, &src);
    if (r < 0)
        return r;
    if (r == 1)
        return -EBUSY;
    uint32_t dir;
    uint16_t name[FAT_NAME_MAX + 1];
    int nlen;
    if ((r = fat_lookup_parent(v, to, &dir, name, &nlen)))
        return r;
    if (v->readonly)
        return -EROFS;
    bool is_dir = (src.ent[DE_ATTR] & FAT_ATTR_DIR) != 0;
    uint32_t sclus = fat_ent_clus(v, src.ent);
    if (is_dir) { /* a directory may not move below itself */
        uint32_t d = dir;
        for (uint32_t depth = 0; d != 0; depth++) {
            if (d == sclus)
                return -EINVAL;
            if (depth >= FAT_MAX_DEPTH)
                return -EIO;
            fat_loc_t up;
            if ((r = fat_dir_find(v, d, fat_dotdot, 2, &up)))
                return r == -ENOENT ? -EIO : r;
            d = fat_ent_clus(v, up.ent);
            if (d == v->root_cluster && v->type == 32)
                d = 0;
        }
    }
    fat_dent_t dde;
    r = fat_dir_find_dent(v, dir, name, nlen, &dde);
    dst = dde.loc;
    if (r == 0 && !(dst.sector == src.sector && dst.off == src.off))
        return -EEXIST;
    if (r == 0 && dde.nlen == nlen && !memcmp(dde.name, name, (size_t)nlen * 2))
        return 0; /* the very same name: nothing to do */
    if (r != 0 && r != -ENOENT)
        return r;
    if (fat_is_open(v, src.sector, src.off))
        return -EBUSY;
    if ((r = fat_dir_add(v, dir, name, nlen, src.ent, &src, NULL)) || (r = fat_barrier(v)))
        return r;
    if (is_dir && dir != src.dir_clus && fat_clus_ok(v, sclus)) {
        uint8_t *buf = fat_dbuf_load(v, fat_clus2sec(v, sclus));
        if (!buf)
            return -EIO;
        uint8_t *e = buf + DE_SIZEOF;
        if (e[0] == '.' && e[1] == '.' && (e[DE_ATTR] & FAT_ATTR_DIR)) {
            fat_ent_set_clus(v, e, dir);
            if ((r = fat_dbuf_store(v)) || (r = fat_barrier(v)))
                return r;
        }
    }
    return fat_dir_remove_entry(v, &src);
}
