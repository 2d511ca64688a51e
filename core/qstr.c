/* core/qstr.c: interning of strings. Static qstrs are generated read-only data without a pointer
 * per name: one blob of NUL-terminated texts, 16-bit offsets into it (a length is the next offset
 * less one), their hashes and an index. Runtime ones are appended to an entry array (hash, text)
 * and their texts, each after a length byte, to chunks, both on the GC heap and kept alive through
 * the roots below, and found through an open-addressing index of their own (qstr ids, 0 = empty)
 * that is at most half full. A qstr never moves or dies, so qstr ids are stable for the whole run. */
#define QSTR_DEFINE_TABLE
#include "core/qstr.h"

#include "core/gc.h"
#include "core/runtime.h"

typedef struct {
    size_t hash;
    const char *data; /* NUL-terminated; data[-1] is the length (<= QSTR_MAX_LEN) */
} qstr_entry_t;

#define CHUNK_BYTES 1024

static struct {
    qstr_entry_t *dyn;  /* entries of runtime qstrs (GC heap) */
    size_t n_dyn;
    size_t dyn_alloc;
    uint32_t *index;    /* ids, 0 = empty slot (GC heap) */
    size_t index_size;  /* power of two */
    char *chunk;        /* current chunk; its first word points to the previous chunk */
    size_t chunk_used;
    size_t chunk_size;
    char *big_list;     /* strings too big for a chunk, chained the same way */
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

static inline const qstr_entry_t *dyn_entry(qstr q) { return &qs.dyn[q - QSTR_NUM_STATIC]; }

static inline size_t static_len(qstr q) {
    return (size_t)qstr_static_offset[q + 1] - qstr_static_offset[q] - 1;
}

const char *qstr_data(qstr q, size_t *len) {
    if (q < QSTR_NUM_STATIC) {
        *len = static_len(q);
        return qstr_static_bytes + qstr_static_offset[q];
    }
    const qstr_entry_t *e = dyn_entry(q);
    *len = (uint8_t)e->data[-1];
    return e->data;
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

qstr qstr_find_strn(const char *s, size_t len) { return find_hashed(s, len, hash_of((const uint8_t *)s, len)); }

/* Copies the text after its length byte and before a NUL; returns where the text starts. */
static const char *store_bytes(const char *s, size_t len) {
    size_t need = len + 2;
    char *dst;
    if (need > CHUNK_BYTES / 4) {
        char *blk = gc_alloc(sizeof(char *) + need, false);
        *(char **)blk = qs.big_list;
        qs.big_list = blk;
        dst = blk + sizeof(char *);
    } else {
        if (qs.chunk == NULL || qs.chunk_used + need > qs.chunk_size) {
            char *blk = gc_alloc(CHUNK_BYTES, false);
            *(char **)blk = qs.chunk;
            qs.chunk = blk;
            qs.chunk_size = CHUNK_BYTES;
            qs.chunk_used = sizeof(char *);
        }
        dst = qs.chunk + qs.chunk_used;
        qs.chunk_used += need;
    }
    dst[0] = (char)(uint8_t)len;
    memcpy(dst + 1, s, len);
    dst[len + 1] = '\0';
    return dst + 1;
}

qstr qstr_from_strn(const char *s, size_t len) {
    size_t hash = hash_of((const uint8_t *)s, len);
    qstr q = find_hashed(s, len, hash);
    if (q != QSTR_NULL) {
        return q;
    }
    if (len > QSTR_MAX_LEN) {
        raise_msg(&type_RuntimeError, "name too long");
    }
    if ((qs.n_dyn + 1) * 2 > qs.index_size) {
        index_grow();
    }
    if (qs.n_dyn == qs.dyn_alloc) {
        size_t n = qs.dyn_alloc ? qs.dyn_alloc * 2 : 64;
        qs.dyn = gc_realloc(qs.dyn, n * sizeof(qstr_entry_t));
        qs.dyn_alloc = n;
    }
    const char *data = store_bytes(s, len);
    qstr_entry_t *e = &qs.dyn[qs.n_dyn];
    e->hash = hash;
    e->data = data;
    q = (qstr)(QSTR_NUM_STATIC + qs.n_dyn);
    qs.n_dyn++;
    index_insert(qs.index, qs.index_size, e->hash, q);
    return q;
}

qstr qstr_from_str(const char *s) { return qstr_from_strn(s, strlen(s)); }
