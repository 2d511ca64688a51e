/* core/gc.c: the garbage collector: mark-sweep over one fixed block of memory.
 * The block holds an allocation table (2 bits a block: free/head/tail/marked head), a finaliser
 * table (1 bit a block) and the pool of 16-byte blocks. Marking is conservative: a word in a root
 * or in a live block keeps alive the block it points to the start of (the C stack may also point
 * inside a block). Every allocation is zeroed, so stale words never resurrect objects. */
#include "core/gc.h"

#include <setjmp.h>

#include "core/nlr.h"
#include "core/runtime.h"

#define BYTES_PER_BLOCK 16
#define BLOCKS_PER_ATB 4 /* 2 bits per block in a byte */
#define AT_FREE 0
#define AT_HEAD 1
#define AT_TAIL 2
#define AT_MARK 3
#define MAX_EXTRA_ROOTS 16
#define MARK_STACK_SIZE 256

static struct {
    uint8_t *atb;     /* allocation table */
    uint8_t *ftb;     /* finaliser table */
    uint8_t *pool;    /* first block */
    uint8_t *pool_end;
    size_t n_blocks;
    size_t top;         /* no free block at or above this: single blocks are taken below it */
    size_t rover;       /* next fit for longer runs: where their next search starts */
    size_t alloc_since_collect; /* bytes */
    int_t threshold;   /* bytes; -1 off */
    bool enabled;
    int lock_depth;
    bool collecting;
    void *stack_top;
    struct {
        void *start;
        size_t n_words;
    } roots[MAX_EXTRA_ROOTS];
    size_t n_roots;
    size_t mark_stack[MARK_STACK_SIZE];
    size_t mark_sp;
    bool mark_overflow;
} gc;

static inline unsigned atb_get(size_t b) { return (gc.atb[b / BLOCKS_PER_ATB] >> (2 * (b % BLOCKS_PER_ATB))) & 3; }
static inline void atb_set(size_t b, unsigned kind) {
    uint8_t *p = &gc.atb[b / BLOCKS_PER_ATB];
    unsigned shift = 2 * (b % BLOCKS_PER_ATB);
    *p = (uint8_t)((*p & ~(3u << shift)) | (kind << shift));
}
/* Sets blocks [from, to) to kind, whole table bytes at a time where it can. */
static void atb_set_range(size_t from, size_t to, unsigned kind) {
    static const uint8_t fill[4] = {0x00, 0x55, 0xaa, 0xff};
    while (from < to && (from & 3) != 0) {
        atb_set(from++, kind);
    }
    if (to - from >= 4) {
        size_t nbytes = (to - from) / 4;
        memset(&gc.atb[from / 4], fill[kind], nbytes);
        from += nbytes * 4;
    }
    while (from < to) {
        atb_set(from++, kind);
    }
}

/* A byte of the allocation table with all four blocks in use: skipped whole while searching. */
static inline bool atb_byte_full(uint8_t v) {
    return (v & 0x03) && (v & 0x0c) && (v & 0x30) && (v & 0xc0);
}

static inline bool ftb_get(size_t b) { return (gc.ftb[b / 8] >> (b % 8)) & 1; }
static inline void ftb_set(size_t b, bool on) {
    if (on) {
        gc.ftb[b / 8] |= (uint8_t)(1u << (b % 8));
    } else {
        gc.ftb[b / 8] &= (uint8_t) ~(1u << (b % 8));
    }
}
static inline size_t block_of(const void *p) { return (size_t)((const uint8_t *)p - gc.pool) / BYTES_PER_BLOCK; }
static inline void *ptr_of(size_t b) { return gc.pool + b * BYTES_PER_BLOCK; }
static inline bool in_pool(const void *p) { return (const uint8_t *)p >= gc.pool && (const uint8_t *)p < gc.pool_end; }

void gc_init(void *start, size_t size, void *stack_top) {
    uintptr_t s = ((uintptr_t)start + BYTES_PER_BLOCK - 1) & ~(uintptr_t)(BYTES_PER_BLOCK - 1);
    uintptr_t e = ((uintptr_t)start + size) & ~(uintptr_t)(BYTES_PER_BLOCK - 1);
    size_t total = e > s ? e - s : 0;
    /* total = n*16 + n/4 + n/8 (+ rounding): n = total * 8 / (8*16 + 2 + 1) */
    size_t n = total * 8 / (8 * BYTES_PER_BLOCK + 3);
    size_t atb_bytes = (n + BLOCKS_PER_ATB - 1) / BLOCKS_PER_ATB;
    size_t ftb_bytes = (n + 7) / 8;
    size_t meta = (atb_bytes + ftb_bytes + BYTES_PER_BLOCK - 1) & ~(size_t)(BYTES_PER_BLOCK - 1);
    while (n > 0 && meta + n * BYTES_PER_BLOCK > total) {
        n--;
    }
    memset(&gc, 0, sizeof(gc));
    gc.atb = (uint8_t *)s;
    gc.ftb = gc.atb + atb_bytes;
    gc.pool = (uint8_t *)s + meta;
    gc.n_blocks = n;
    gc.pool_end = gc.pool + n * BYTES_PER_BLOCK;
    memset(gc.atb, 0, meta);
    gc.threshold = -1;
    gc.enabled = true;
    gc.top = n;
    gc.stack_top = stack_top;
}

void gc_add_root(void *start, size_t n_words) {
    if (gc.n_roots < MAX_EXTRA_ROOTS) {
        gc.roots[gc.n_roots].start = start;
        gc.roots[gc.n_roots].n_words = n_words;
        gc.n_roots++;
    }
}

/* ---- marking ---- */

static void mark_block(size_t b) {
    if (atb_get(b) != AT_HEAD) {
        return;
    }
    atb_set(b, AT_MARK);
    if (gc.mark_sp < MARK_STACK_SIZE) {
        gc.mark_stack[gc.mark_sp++] = b;
    } else {
        gc.mark_overflow = true;
    }
}

/* A word from the heap or a root: only pointers to the start of a block count. */
static inline void mark_word(uintptr_t w) {
    if ((w & (BYTES_PER_BLOCK - 1)) == 0 && in_pool((void *)w)) {
        mark_block(block_of((void *)w));
    }
}

static void scan_block_children(size_t b) {
    size_t end = b + 1;
    while (end < gc.n_blocks && atb_get(end) == AT_TAIL) {
        end++;
    }
    uintptr_t *w = ptr_of(b);
    uintptr_t *wend = ptr_of(end);
    for (; w < wend; w++) {
        mark_word(*w);
    }
}

static void drain_mark_stack(void) {
    for (;;) {
        while (gc.mark_sp > 0) {
            scan_block_children(gc.mark_stack[--gc.mark_sp]);
        }
        if (!gc.mark_overflow) {
            return;
        }
        /* The stack overflowed: rescan every marked block (children already marked are skipped). */
        gc.mark_overflow = false;
        for (size_t b = 0; b < gc.n_blocks; b++) {
            if (atb_get(b) == AT_MARK) {
                scan_block_children(b);
                while (gc.mark_sp > 0) {
                    scan_block_children(gc.mark_stack[--gc.mark_sp]);
                }
            }
        }
    }
}

/* The C stack may hold pointers into the middle of a block (derived pointers). */
__attribute__((no_sanitize_address)) static void scan_stack_range(uintptr_t *lo, uintptr_t *hi) {
    for (uintptr_t *p = lo; p < hi; p++) {
        uintptr_t w = *p;
        if (in_pool((void *)w)) {
            size_t b = block_of((void *)w);
            while (b > 0 && atb_get(b) == AT_TAIL) {
                b--;
            }
            mark_block(b);
            if (gc.mark_sp >= MARK_STACK_SIZE / 2) {
                drain_mark_stack();
            }
        }
    }
}

static void scan_words(void *start, size_t n) {
    uintptr_t *w = start;
    for (size_t i = 0; i < n; i++) {
        mark_word(w[i]);
        if (gc.mark_sp >= MARK_STACK_SIZE / 2) {
            drain_mark_stack();
        }
    }
}

__attribute__((noinline)) static void scan_stack(void) {
    jmp_buf regs; /* spills callee-saved registers onto the stack */
    _setjmp(regs);
    volatile uintptr_t here = 0;
    uintptr_t *lo = (uintptr_t *)((uintptr_t)&here & ~(uintptr_t)(sizeof(uintptr_t) - 1));
    uintptr_t *hi = gc.stack_top;
    if (lo > (uintptr_t *)&regs) {
        lo = (uintptr_t *)&regs;
    }
    if (hi != NULL && lo < hi) {
        scan_stack_range(lo, hi);
    }
    drain_mark_stack();
}

/* Sweeping works on whole allocation-table bytes (four blocks) through tables computed once:
 * for each byte value and "inside a freed object" carry-in they give the new byte, the carry-out
 * and which of the four blocks were freed heads (whose finalisers may need to run). */
static uint8_t sweep_new[2][256], sweep_carry[2][256], sweep_freed_heads[2][256];
static bool sweep_tables_ready;

static void sweep_tables_init(void) {
    for (int carry = 0; carry < 2; carry++) {
        for (int v = 0; v < 256; v++) {
            bool freeing = carry;
            uint8_t out = (uint8_t)v, heads = 0;
            for (int k = 0; k < 4; k++) {
                unsigned kind = (v >> (2 * k)) & 3;
                unsigned nk = kind;
                if (kind == AT_HEAD) {
                    nk = AT_FREE;
                    heads |= (uint8_t)(1u << k);
                    freeing = true;
                } else if (kind == AT_TAIL) {
                    nk = freeing ? AT_FREE : AT_TAIL;
                } else if (kind == AT_MARK) {
                    nk = AT_HEAD;
                    freeing = false;
                } else {
                    freeing = false;
                }
                out = (uint8_t)((out & ~(3u << (2 * k))) | (nk << (2 * k)));
            }
            sweep_new[carry][v] = out;
            sweep_carry[carry][v] = freeing;
            sweep_freed_heads[carry][v] = heads;
        }
    }
    sweep_tables_ready = true;
}

/* A finaliser runs in the middle of the sweep, so it must not allocate (a block taken from the
 * part not yet swept would be freed again) nor escape: the heap is locked, so any allocation is a
 * MemoryError, and whatever it raises is dropped here, like MicroPython's __del__ errors. */
static void run_finaliser(obj_base_t *o) {
    gc.lock_depth++;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        o->type->finalise(OBJ_FROM_PTR(o));
        nlr_pop();
    }
    gc.lock_depth--;
}

static void sweep(void) {
    if (!sweep_tables_ready) {
        sweep_tables_init();
    }
    unsigned carry = 0;
    size_t n_bytes = (gc.n_blocks + BLOCKS_PER_ATB - 1) / BLOCKS_PER_ATB;
    for (size_t i = 0; i < n_bytes; i++) {
        uint8_t v = gc.atb[i];
        if (v == 0 && carry == 0) {
            continue;
        }
        uint8_t heads = sweep_freed_heads[carry][v];
        if (heads != 0) {
            /* finalisers: blocks 4i..4i+3 share one byte of the finaliser table (two per byte) */
            uint8_t fin = (uint8_t)((gc.ftb[i / 2] >> (4 * (i & 1))) & 0x0f) & heads;
            for (int k = 0; fin != 0 && k < 4; k++) {
                if (fin & (1u << k)) {
                    size_t b = 4 * i + (size_t)k;
                    obj_base_t *o = ptr_of(b);
                    ftb_set(b, false);
                    if (o->type != NULL && o->type->finalise != NULL) {
                        run_finaliser(o);
                    }
                }
            }
        }
        gc.atb[i] = sweep_new[carry][v];
        carry = sweep_carry[carry][v];
    }
    /* single blocks are looked for from the top again; the rover stays where it is: what lies
     * after it was the oldest garbage, now free, and going on from there keeps allocating longer
     * runs a bump through free space */
    gc.top = gc.n_blocks;
}

void gc_collect(void) {
    if (gc.collecting || gc.pool == NULL) {
        return;
    }
    gc.collecting = true;
    gc.mark_sp = 0;
    gc.mark_overflow = false;
    scan_words(&rt_state, sizeof(rt_state) / sizeof(uintptr_t));
    for (size_t i = 0; i < gc.n_roots; i++) {
        scan_words(gc.roots[i].start, gc.roots[i].n_words);
    }
    drain_mark_stack();
    scan_stack();
    sweep();
    gc.alloc_since_collect = 0;
    gc.collecting = false;
}

/* ---- allocation ---- */

/* Placement. Single blocks (the smallest objects) are taken by first fit from the top of the
 * heap down, longer runs by next fit from the rover up. Keeping the smallest apart keeps the
 * many small objects that live long from being strewn, one between each few blocks of bigger
 * garbage, over the whole heap in one lap between two collections: that leaves plenty of free
 * memory and no run long enough for a growing dict or list. Next fit, for the rest, makes filling
 * a mostly free heap a bump allocation, and small holes are skipped once a lap rather than
 * rescanned by every search. */
static void *alloc_one(void) {
    size_t b = gc.top;
    while (b > 0) {
        if ((b & 3) == 0 && b >= 4 && atb_byte_full(gc.atb[b / BLOCKS_PER_ATB - 1])) {
            b -= 4;
            continue;
        }
        b--;
        if (atb_get(b) == AT_FREE) {
            atb_set(b, AT_HEAD);
            gc.top = b;
            return ptr_of(b);
        }
    }
    gc.top = 0;
    return NULL;
}

/* The first run of n free blocks in [from, to): its first block, or `to` if there is none. */
static size_t find_run(size_t from, size_t to, size_t n) {
    size_t run = 0;
    size_t b = from;
    while (b < to) {
        if ((b & 3) == 0 && b + 4 <= to) {
            uint8_t v = gc.atb[b / BLOCKS_PER_ATB];
            if (v == 0 && run + 4 < n) {
                run += 4; /* four free blocks, and still not enough */
                b += 4;
                continue;
            }
            if (atb_byte_full(v)) {
                run = 0;
                b += 4;
                continue;
            }
        }
        if (atb_get(b) != AT_FREE) {
            run = 0;
            b++;
            continue;
        }
        if (++run == n) {
            return b + 1 - n;
        }
        b++;
    }
    return to;
}

static void *alloc_blocks(size_t n) {
    if (n == 1) {
        return alloc_one();
    }
    size_t from = gc.rover, to = gc.n_blocks;
    for (;;) {
        size_t start = find_run(from, to, n);
        if (start < to) {
            gc.rover = start + n < gc.n_blocks ? start + n : 0;
            atb_set(start, AT_HEAD);
            atb_set_range(start + 1, start + n, AT_TAIL);
            return ptr_of(start);
        }
        if (from == 0) {
            return NULL;
        }
        /* a run may straddle the rover: search again from 0 up to the rover plus n */
        to = from + n < gc.n_blocks ? from + n : gc.n_blocks;
        from = 0;
    }
}

/* Blocks below `to` were freed: the search for single blocks must look from there down. */
static inline void top_freed(size_t to) {
    if (gc.top < to) {
        gc.top = to;
    }
}

void *gc_alloc_maybe(size_t bytes, bool with_finaliser) {
    if (gc.lock_depth > 0 || gc.pool == NULL) {
        return NULL;
    }
    size_t n = bytes == 0 ? 1 : (bytes + BYTES_PER_BLOCK - 1) / BYTES_PER_BLOCK;
    if (n > gc.n_blocks) {
        return NULL;
    }
    if (gc.enabled && gc.threshold >= 0 && gc.alloc_since_collect >= (size_t)gc.threshold) {
        gc_collect();
    }
    void *p = alloc_blocks(n);
    if (p == NULL) {
        gc_collect();
        p = alloc_blocks(n);
        if (p == NULL) {
            return NULL;
        }
    }
    memset(p, 0, n * BYTES_PER_BLOCK);
    if (with_finaliser) {
        ftb_set(block_of(p), true);
    }
    gc.alloc_since_collect += n * BYTES_PER_BLOCK;
    return p;
}

void *gc_alloc(size_t bytes, bool with_finaliser) {
    void *p = gc_alloc_maybe(bytes, with_finaliser);
    if (p == NULL) {
        raise_memory_error_bytes(bytes);
    }
    return p;
}

size_t gc_nbytes(const void *ptr) {
    if (!in_pool(ptr) || ((uintptr_t)ptr & (BYTES_PER_BLOCK - 1)) != 0) {
        return 0;
    }
    size_t b = block_of(ptr);
    if (atb_get(b) != AT_HEAD && atb_get(b) != AT_MARK) {
        return 0;
    }
    size_t e = b + 1;
    while (e < gc.n_blocks && atb_get(e) == AT_TAIL) {
        e++;
    }
    return (e - b) * BYTES_PER_BLOCK;
}

void gc_free(void *ptr) {
    if (ptr == NULL || gc.collecting || gc_nbytes(ptr) == 0) {
        return;
    }
    size_t b = block_of(ptr);
    ftb_set(b, false);
    atb_set(b, AT_FREE);
    size_t t = b + 1;
    for (; t < gc.n_blocks && atb_get(t) == AT_TAIL; t++) {
        atb_set(t, AT_FREE);
    }
    top_freed(t);
}

void *gc_realloc(void *ptr, size_t bytes) {
    if (ptr == NULL) {
        return gc_alloc(bytes, false);
    }
    size_t have = gc_nbytes(ptr);
    if (have == 0) {
        raise_memory_error(); /* not a heap block: a caller bug, but never corrupt memory */
    }
    size_t need_blocks = bytes == 0 ? 1 : (bytes + BYTES_PER_BLOCK - 1) / BYTES_PER_BLOCK;
    size_t have_blocks = have / BYTES_PER_BLOCK;
    size_t b = block_of(ptr);
    if (gc.lock_depth > 0 && need_blocks >= have_blocks) {
        /* growing is allocating, even into the block's own slack (as MicroPython: a bytearray
         * with the heap locked can't grow past what it asked for); giving blocks back is not */
        raise_memory_error_bytes(bytes);
    }
    if (need_blocks <= have_blocks) {
        if (need_blocks < have_blocks) {
            for (size_t t = b + need_blocks; t < b + have_blocks; t++) {
                atb_set(t, AT_FREE);
            }
            top_freed(b + have_blocks);
        }
        return ptr;
    }
    /* grow in place when the following blocks are free */
    size_t e = b + have_blocks;
    size_t want_end = b + need_blocks;
    if (want_end <= gc.n_blocks) {
        size_t t = e;
        while (t < want_end && atb_get(t) == AT_FREE) {
            t++;
        }
        if (t == want_end) {
            for (t = e; t < want_end; t++) {
                atb_set(t, AT_TAIL);
            }
            memset(ptr_of(e), 0, (want_end - e) * BYTES_PER_BLOCK);
            gc.alloc_since_collect += (want_end - e) * BYTES_PER_BLOCK;
            return ptr;
        }
    }
    bool fin = ftb_get(b);
    void *np = gc_alloc(bytes, fin);
    memcpy(np, ptr, have);
    gc_free(ptr);
    return np;
}

/* ---- control ---- */

void gc_deinit(void) {
    if (gc.pool == NULL) {
        return;
    }
    for (size_t b = 0; b < gc.n_blocks; b++) {
        if ((atb_get(b) == AT_HEAD || atb_get(b) == AT_MARK) && ftb_get(b)) {
            obj_base_t *o = ptr_of(b);
            ftb_set(b, false);
            if (o->type != NULL && o->type->finalise != NULL) {
                o->type->finalise(OBJ_FROM_PTR(o));
            }
        }
    }
    gc.pool = NULL;
    gc.pool_end = NULL;
}

void gc_enable(bool on) { gc.enabled = on; }
bool gc_is_enabled(void) { return gc.enabled; }
void gc_lock(void) { gc.lock_depth++; }
void gc_unlock(void) {
    if (gc.lock_depth > 0) {
        gc.lock_depth--;
    }
}
bool gc_is_locked(void) { return gc.lock_depth > 0; }
int gc_lock_depth(void) { return gc.lock_depth; }
void gc_set_lock_depth(int depth) { gc.lock_depth = depth < 0 ? 0 : depth; }
void gc_set_threshold(int_t bytes) { gc.threshold = bytes; }
int_t gc_get_threshold(void) { return gc.threshold; }

size_t gc_mem_alloc(void) {
    size_t used = 0;
    for (size_t b = 0; b < gc.n_blocks; b++) {
        used += atb_get(b) != AT_FREE;
    }
    return used * BYTES_PER_BLOCK;
}

size_t gc_mem_free(void) { return gc.n_blocks * BYTES_PER_BLOCK - gc_mem_alloc(); }

void gc_dump_info(const print_t *p) {
    size_t used = gc_mem_alloc();
    size_t total = gc.n_blocks * BYTES_PER_BLOCK;
    size_t largest = 0, run = 0;
    for (size_t b = 0; b < gc.n_blocks; b++) {
        run = atb_get(b) == AT_FREE ? run + 1 : 0;
        if (run > largest) {
            largest = run;
        }
    }
    print_fmt(p, "GC: total: %lu, used: %lu, free: %lu\n", (unsigned long)total, (unsigned long)used,
        (unsigned long)(total - used));
    print_fmt(p, " No. of 1-blocks: -, 2-blocks: -, max blk sz: -, max free sz: %lu\n", (unsigned long)largest);
}
