/* Internal interface shared by the fat_*.c files (not part of the storage API): on-disk layout
 * constants, the FAT table and sector helpers (fat_volume.c), name codecs (fat_lfn.c) and the
 * directory machinery (fat_dir.c) that fat_file.c builds on.
 * Invariant: a cluster number read from disk is range-checked before it is ever used. */
#ifndef STORAGE_FAT_INT_H
#define STORAGE_FAT_INT_H

#include <errno.h>
#include <string.h>

#include "storage/fat.h"

#define FAT_EOC 0x0FFFFFFFu /* normalised end of chain */
#define FAT_BAD 0x0FFFFFF7u /* normalised bad cluster */
#define FAT_DIR_MAX_ENTRIES 65536u
#define FAT_MAX_DEPTH 128u

static inline uint16_t fat_rd16(const uint8_t *p) {
    return (uint16_t)(p[0] | (p[1] << 8));
}
static inline uint32_t fat_rd32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static inline void fat_wr16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static inline void fat_wr32(uint8_t *p, uint32_t v) {
    fat_wr16(p, v);
    fat_wr16(p + 2, v >> 16);
}

/* Directory entry field offsets. */
enum {
    DE_NAME = 0,
    DE_ATTR = 11,
    DE_NTRES = 12,
    DE_CTIME_TENTH = 13,
    DE_CTIME = 14,
    DE_CDATE = 16,
    DE_ADATE = 18,
    DE_CLUS_HI = 20,
    DE_MTIME = 22,
    DE_MDATE = 24,
    DE_CLUS_LO = 26,
    DE_SIZE = 28,
    DE_SIZEOF = 32
};
enum { NTRES_LOWER_BASE = 0x08, NTRES_LOWER_EXT = 0x10 };

/* ---- fat_volume.c ---- */
static inline bool fat_clus_ok(const fat_vol_t *v, uint32_t c) {
    return c >= 2 && c - 2 < v->n_clusters;
}
static inline uint32_t fat_clus2sec(const fat_vol_t *v, uint32_t c) {
    return v->data_start + (c - 2) * v->sec_per_clus;
}
int fat_get(fat_vol_t *v, uint32_t c, uint32_t *val);
int fat_set(fat_vol_t *v, uint32_t c, uint32_t val);
int fat_next(fat_vol_t *v, uint32_t c, uint32_t *next);    /* 1 next, 0 end of chain, <0 */
int fat_alloc(fat_vol_t *v, uint32_t prev, uint32_t *out); /* -ENOSPC when full */
int fat_free_chain(fat_vol_t *v, uint32_t start);
int fat_flush_fat(fat_vol_t *v); /* dirty FAT sectors to every copy */
int fat_barrier(fat_vol_t *v);
/* Volume-relative sector I/O; writes drop a stale directory buffer. */
int fat_sec_read(fat_vol_t *v, uint32_t sec, uint32_t n, void *buf);
int fat_sec_write(fat_vol_t *v, uint32_t sec, uint32_t n, const void *buf);
int fat_zero_cluster(fat_vol_t *v, uint32_t c);
/* The directory sector buffer. */
uint8_t *fat_dbuf_load(fat_vol_t *v, uint32_t sec);
int fat_dbuf_store(fat_vol_t *v);
void fat_now(uint16_t *date, uint16_t *time, uint8_t *tenth);
void fat_unpack_time(uint16_t date, uint16_t time, fat_time_t *t);

/* ---- fat_lfn.c ---- */
/* UTF-8 -> UCS-2 (surrogate pairs for >U+FFFF); trailing dots/spaces stripped when `strip`.
 * Returns the length in units, -EINVAL for bad UTF-8, -ENAMETOOLONG past FAT_NAME_MAX. */
int fat_utf8_to_ucs2(const char *s, size_t len, uint16_t *out, bool strip);
/* UCS-2 -> UTF-8, NUL-terminated; `cap` >= FAT_NAME_UTF8_MAX+1. */
void fat_ucs2_to_utf8(const uint16_t *u, int n, char *out, size_t cap);
bool fat_name_valid(const uint16_t *u, int n);
bool fat_name_eq(const uint16_t *a, int na, const uint16_t *b, int nb);
/* Short entry name (11 bytes + NTRes case bits) -> UCS-2 display name. */
int fat_short_to_ucs2(const uint8_t *e, uint16_t *out);
uint8_t fat_lfn_checksum(const uint8_t *sfn);
/* Does the long name fit an 8.3 entry exactly (maybe with case bits)? Fills sfn and ntres. */
bool fat_fits_short(const uint16_t *u, int n, uint8_t sfn[11], uint8_t *ntres);
/* Basis name per the specification; returns true when lossy (a numeric tail is then needed). */
bool fat_basis_name(const uint16_t *u, int n, uint8_t sfn[11]);
/* The basis name with numeric tail ~num applied. */
void fat_apply_tail(const uint8_t basis[11], uint32_t num, uint8_t out[11]);
/* Fill LFN entry `ord` (1-based) of a set for name u[0..n). */
void fat_lfn_fill(uint8_t *e, const uint16_t *u, int n, int ord, bool last, uint8_t sum);
/* Collect LFN entry characters into buf at the ordinal's slot. */
void fat_lfn_collect(const uint8_t *e, uint16_t *buf);

/* ---- fat_dir.c ---- */
/* Where an entry lives: its directory and the entry indexes of its set. */
typedef struct fat_loc {
    uint32_t dir_clus;  /* 0 = root */
    uint32_t first_idx; /* first LFN entry (== short_idx when no LFN) */
    uint32_t short_idx;
    uint32_t sector; /* absolute-in-volume sector of the short entry */
    uint16_t off;
    uint8_t ent[DE_SIZEOF]; /* copy of the short entry */
} fat_loc_t;

uint32_t fat_ent_clus(const fat_vol_t *v, const uint8_t *e);
/* Resolve a path to an entry. Root: returns 1 (no entry); found: 0; else -ENOENT/-ENOTDIR/... */
int fat_lookup(fat_vol_t *v, const char *path, fat_loc_t *loc);
/* Resolve the parent directory of path; `name`/`nlen` get the last component as UCS-2. */
int fat_lookup_parent(fat_vol_t *v, const char *path, uint32_t *dir_clus, uint16_t *name, int *nlen);
/* Find name in directory dir_clus: 0 found, -ENOENT. */
int fat_dir_find(fat_vol_t *v, uint32_t dir_clus, const uint16_t *name, int nlen, fat_loc_t *loc);
/* Create an entry for name with the given short-entry template (attr, times, cluster, size). */
int fat_dir_add(fat_vol_t *v, uint32_t dir_clus, const uint16_t *name, int nlen, const uint8_t tmpl[DE_SIZEOF],
    const fat_loc_t *ignore, fat_loc_t *out);
int fat_dir_remove_entry(fat_vol_t *v, const fat_loc_t *loc);
/* Create a new entry at path (parent must exist; -EEXIST if the name does). */
int fat_create_entry(fat_vol_t *v, const char *path, uint8_t attr, uint32_t clus, fat_loc_t *out);
bool fat_is_open(fat_vol_t *v, uint32_t sector, uint16_t off);

#endif
