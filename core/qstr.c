/* core/qstr.c: interning of strings. Static qstrs are generated read-only data without a pointer
 * per name: one blob of NUL-terminated texts, 16-bit offsets into it (a length is the next offset
 * less one), their hashes and an index. Runtime ones live on the GC heap, kept alive through the
 * roots below: their entries (hash, bytes) in fixed pools of QSTR_POOL entries that never move,
 * their bytes in chunks, each string preceded by its length byte and followed by a NUL, and an
 * open-addressing index of their own (qstr ids, 0 = empty) that is at most half full. A qstr
 * never moves or dies, so qstr ids are stable for the whole run. Small fixed pieces (no block is
 * ever reallocated bigger but the pool table) keep a heap of names from fragmenting the heap. */
#define QSTR_DEFINE_TABLE
#include "core/qstr.h"

#include "core/gc.h"
#include "core/runtime.h"

typedef struct {
    size_t hash;
    const uint8_t *data; /* data[-1] is the length (QSTR_MAX_LEN fits a byte) */
} qstr_entry_t;

#define QSTR_POOL 32     /* entries a pool: 512 bytes */
#define CHUNK_BYTES 256  /* strings longer than a quarter of this get a block of their own */
_Static_assert(QSTR_MAX_LEN <= 255, "a qstr's length is stored in one byte");
_Static_assert(QSTR_a == 1 + 'a' && QSTR__star_ == 1 + '*', "qstr_of_ascii's numbering");

static struct {
    qstr_entry_t **pools; /* table of pools (GC heap); pool i holds ids QSTR_NUM_STATIC + i*QSTR_POOL.. */
    size_t n_pools_alloc;
    size_t n_dyn;
    uint32_t *index;    /* ids, 0 = empty slot (GC heap) */
    size_t index_size;  /* power of two */
    uint8_t *chunk;     /* current chunk; its first word points to the previous chunk */
    size_t chunk_used;
    uint8_t *big_list;  /* strings too big for a chunk, chained the same way */
} qs;

/* FNV-1a, 64-bit (a size_t's width of it), never 0. */
static inline size_t hash_of(const uint8_t *data, size_t len) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= data[i];
        h *= 0x100000001b3ULL;
    }
    return h == 0 ? 1 : (size_t)h;
}

size_t qstr_compute_hash(const uint8_t *data, size_t len) { return hash_of(data, len); }

static inline const qstr_entry_t *dyn_entry(qstr q) {
    size_t i = q - QSTR_NUM_STATIC;
    return &qs.pools[i / QSTR_POOL][i % QSTR_POOL];
}

static inline size_t static_len(qstr q) {
    return (size_t)qstr_static_offset[q + 1] - qstr_static_offset[q] - 1;
}

const char *qstr_data(qstr q, size_t *len) {
    if (q < QSTR_NUM_STATIC) {
        *len = static_len(q);
        return qstr_static_bytes + qstr_static_offset[q];
    }
    const qstr_entry_t *e = dyn_entry(q);
    *len = e->data[-1];
    return (const char *)e->data;
}

const char *qstr_str(qstr q) {
    size_t len;
    return qstr_data(q, &len);
}

size_t qstr_len(qstr q) {
    size_t len;
    qstr_data(q, &len);
    return len;
}

size_t qstr_hash(qstr q) {
    if (q < QSTR_NUM_STATIC) {
        return qstr_static_hash[q];
    }
    return dyn_entry(q)->hash;
}

size_t qstr_count(void) { return QSTR_NUM_STATIC + qs.n_dyn; }

static void index_insert(uint32_t *index, size_t size, size_t hash, qstr q) {
    size_t mask = size - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        if (index[i] == 0) {
            index[i] = q;
            return;
        }
    }
}

/* Doubles the runtime qstrs' index (created with the first runtime qstr). */
static void index_grow(void) {
    size_t size = qs.index_size ? qs.index_size * 2 : 64;
    uint32_t *index = gc_alloc(size * sizeof(uint32_t), false);
    for (qstr q = QSTR_NUM_STATIC; q < qstr_count(); q++) {
        index_insert(index, size, qstr_hash(q), q);
    }
    uint32_t *old = qs.index;
    qs.index = index;
    qs.index_size = size;
    gc_free(old);
}

void qstr_init(void) {
    memset(&qs, 0, sizeof(qs));
    gc_add_root(&qs, sizeof(qs) / sizeof(uintptr_t));
}

/* Both probes compare the stored hash first: most slots passed hold another hash. */
static qstr find_hashed(const char *s, size_t len, size_t hash) {
    size_t mask = QSTR_STATIC_INDEX_SIZE - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        qstr q = qstr_static_index[i];
        if (q == 0) {
            break;
        }
        if (qstr_static_hash[q] == hash && static_len(q) == len &&
            memcmp(qstr_static_bytes + qstr_static_offset[q], s, len) == 0) {
            return q;
        }
    }
    if (qs.index == NULL) {
        return QSTR_NULL;
    }
    mask = qs.index_size - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        qstr q = qs.index[i];
        if (q == 0) {
            return QSTR_NULL;
        }
        const qstr_entry_t *e = dyn_entry(q);
        if (e->hash == hash && (uint8_t)e->data[-1] == len && memcmp(e->data, s, len) == 0) {
            return q;
        }
    }
}

qstr qstr_find_strn(const char *s, size_t len) {
    if (len == 1 && (uint8_t)s[0] < 0x80) {
        return qstr_of_ascii((uint8_t)s[0]);
    }
    return find_hashed(s, len, hash_of((const uint8_t *)s, len));
}

/* Stores len, the bytes and a NUL; returns where the bytes start. */
static const uint8_t *store_bytes(const char *s, size_t len) {
    size_t need = len + 2;
    uint8_t *dst;
    if (need > CHUNK_BYTES / 4) {
        uint8_t *blk = gc_alloc(sizeof(uint8_t *) + need, false);
        *(uint8_t **)blk = qs.big_list;
        qs.big_list = blk;
        dst = blk + sizeof(uint8_t *);
    } else {
        if (qs.chunk == NULL || qs.chunk_used + need > CHUNK_BYTES) {
            uint8_t *blk = gc_alloc(CHUNK_BYTES, false);
            *(uint8_t **)blk = qs.chunk;
            qs.chunk = blk;
            qs.chunk_used = sizeof(uint8_t *);
        }
        dst = qs.chunk + qs.chunk_used;
        qs.chunk_used += need;
    }
    dst[0] = (uint8_t)len;
    memcpy(dst + 1, s, len);
    dst[len + 1] = '\0';
    return dst + 1;
}

qstr qstr_from_strn(const char *s, size_t len) {
    if (len == 1 && (uint8_t)s[0] < 0x80) {
        return qstr_of_ascii((uint8_t)s[0]);
    }
    return qstr_from_strn_hashed(s, len, hash_of((const uint8_t *)s, len));
}

qstr qstr_from_strn_hashed(const char *s, size_t len, size_t hash) {
    qstr q = find_hashed(s, len, hash);
    if (q != QSTR_NULL) {
        return q;
    }
    if (len > QSTR_MAX_LEN) {
        raise_msg(&type_RuntimeError, "name too long");
    }
    /* every allocation comes before the first change, so a MemoryError leaves the table valid */
    if ((qs.n_dyn + 1) * 2 > qs.index_size) {
        index_grow();
    }
    size_t pool = qs.n_dyn / QSTR_POOL;
    if (qs.n_dyn % QSTR_POOL == 0) {
        if (pool == qs.n_pools_alloc) {
            size_t n = qs.n_pools_alloc ? qs.n_pools_alloc * 2 : 8;
            qstr_entry_t **pools = gc_alloc(n * sizeof(qstr_entry_t *), false);
            if (pool > 0) {
                memcpy(pools, qs.pools, pool * sizeof(qstr_entry_t *));
            }
            gc_free(qs.pools);
            qs.pools = pools;
            qs.n_pools_alloc = n;
        }
        if (qs.pools[pool] == NULL) {
            qs.pools[pool] = gc_alloc(QSTR_POOL * sizeof(qstr_entry_t), false);
        }
    }
    const uint8_t *data = store_bytes(s, len);
    qstr_entry_t *e = &qs.pools[pool][qs.n_dyn % QSTR_POOL];
    e->hash = hash;
    e->data = data;
    q = (qstr)(QSTR_NUM_STATIC + qs.n_dyn);
    qs.n_dyn++;
    index_insert(qs.index, qs.index_size, e->hash, q);
    return q;
}

qstr qstr_from_str(const char *s) { return qstr_from_strn(s, strlen(s)); }
