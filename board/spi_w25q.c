/* board/spi_w25q.c: Winbond's W25Q serial NOR flash (W25Q80/16/32/64, datasheet W25Q32JV rev. I):
 * JEDEC ID (0x9F), manufacturer/device ID (0x90, 0xAB), unique ID (0x4B), read (0x03) and fast read
 * (0x0B) wrapping at the end of the array, write enable/disable (0x06/0x04) and the WEL bit, page
 * program (0x02: up to 256 bytes wrapping within the page, bits only go 1 -> 0), sector/block/chip
 * erase (0x20, 0x52, 0xD8, 0xC7/0x60), status registers (0x05/0x35/0x15 read, 0x01 write) with BUSY
 * for the datasheet's typical times and the block-protect bits (BP2..0, TB), power-down (0xB9) and
 * reset (0x66 then 0x99). A program or erase happens when CS rises after a complete command; while
 * BUSY the chip answers only status reads. The array is persistent (kept in the state directory).
 * Invariant: the array changes only at a CS rise ending a complete, enabled, unprotected command. */
#include <string.h>

#include "board/clock.h"
#include "board/spi_dev.h"

typedef struct {
    uint8_t jedec[3]; /* manufacturer, memory type, capacity */
    uint8_t dev_id;   /* 0x90 / 0xAB's device id */
} w25q_model_t;

enum { SR1_BUSY = 0x01, SR1_WEL = 0x02, SR1_BP = 0x1c, SR1_TB = 0x20, SR1_WRITABLE = 0xfc };
#define PAGE 256u
#define NS_PER_MS 1000000ull
#define T_PP_NS (400ull * 1000)    /* page program, typical 0.4 ms */
#define T_SE_NS (45 * NS_PER_MS)   /* 4 KB sector erase */
#define T_BE32_NS (120 * NS_PER_MS)
#define T_BE64_NS (150 * NS_PER_MS)
#define T_W_NS (10 * NS_PER_MS)    /* write status register */
#define T_CE_NS_PER_MIB (2500 * NS_PER_MS) /* chip erase: 10 s for the 4 MiB W25Q32 */

typedef struct {
    const w25q_model_t *m;
    size_t size; /* bytes of the array: the state block's size less this header */
    uint8_t sr1, sr2, sr3;
    bool power_down;
    bool reset_enabled; /* the last complete command was 0x66 */
    uint64_t busy_until; /* 0: not busy */
    uint8_t op;          /* the command in progress (valid when n > 0) */
    uint32_t n;          /* bytes of this command so far, the opcode included */
    uint32_t addr;
    bool ignored; /* this command is refused (busy, power-down): the chip stays silent */
    uint8_t page[PAGE];
    bool page_set[PAGE];
    uint32_t page_bytes;
    uint8_t uid[8];
    uint8_t mem[];
} w25q_t;

#define MIB(n) ((size_t)(n) << 20)
static const w25q_model_t m80 = {{0xef, 0x40, 0x14}, 0x13};
static const w25q_model_t m16 = {{0xef, 0x40, 0x15}, 0x14};
static const w25q_model_t m32 = {{0xef, 0x40, 0x16}, 0x15};
static const w25q_model_t m64 = {{0xef, 0x40, 0x17}, 0x16};

static void w25q_power_on(spi_dev_t *d) {
    w25q_t *f = d->st;
    f->m = d->ops->model;
    f->size = d->ops->state_size - sizeof(w25q_t);
    memset(f->mem, 0xff, f->size); /* erased */
    f->sr3 = 0x60;                     /* output driver strength as shipped */
    uint64_t h = 0xcbf29ce484222325ull; /* the unique ID: a hash of the device's id */
    for (const char *s = d->id; *s; s++) {
        h = (h ^ (uint8_t)*s) * 0x100000001b3ull;
    }
    for (int i = 0; i < 8; i++) {
        f->uid[i] = (uint8_t)(h >> (56 - 8 * i));
    }
}

/* An operation in progress ends by itself: BUSY and WEL clear. */
static bool busy(w25q_t *f) {
    if (f->busy_until != 0 && clock_now_ns() >= f->busy_until) {
        f->busy_until = 0;
        f->sr1 &= (uint8_t)~SR1_WEL;
    }
    return f->busy_until != 0;
}

static void start_busy(w25q_t *f, uint64_t ns) { f->busy_until = clock_now_ns() + ns; }

/* BP2..0 protect the top (TB=0) or bottom (TB=1) 1/64 << (BP-1) of the array; 7: all of it. */
static bool protected_range(const w25q_t *f, uint32_t a, uint32_t len) {
    unsigned bp = (f->sr1 & SR1_BP) >> 2;
    if (bp == 0) {
        return false;
    }
    size_t size = f->size, prot = bp >= 7 ? size : (size / 64) << (bp - 1);
    if (prot > size) {
        prot = size;
    }
    size_t lo = (f->sr1 & SR1_TB) ? 0 : size - prot, hi = lo + prot;
    return a < hi && (size_t)a + len > lo;
}

static void w25q_select(spi_dev_t *d, bool selected) {
    w25q_t *f = d->st;
    if (selected) {
        f->n = 0;
        f->ignored = false;
        f->page_bytes = 0;
        memset(f->page_set, 0, sizeof(f->page_set));
        return;
    }
    /* CS rose: a complete command takes effect */
    uint32_t n = f->n;
    f->n = 0;
    if (n == 0 || f->ignored) {
        return;
    }
    uint8_t op = f->op;
    bool was_reset_enabled = f->reset_enabled;
    f->reset_enabled = false;
    if (f->power_down) {
        if (op == 0xab) {
            f->power_down = false;
        }
        return;
    }
    bool wel = (f->sr1 & SR1_WEL) != 0;
    uint32_t a = f->addr % (uint32_t)f->size;
    switch (op) {
    case 0x06:
        if (n == 1) {
            f->sr1 |= SR1_WEL;
        }
        break;
    case 0x04:
        if (n == 1) {
            f->sr1 &= (uint8_t)~SR1_WEL;
        }
        break;
    case 0xb9:
        if (n == 1) {
            f->power_down = true;
        }
        break;
    case 0x66:
        f->reset_enabled = n == 1;
        break;
    case 0x99:
        if (n == 1 && was_reset_enabled) {
            f->sr1 &= (uint8_t)~SR1_WEL; /* the volatile state; the array and BP bits stay */
            f->busy_until = 0;
        }
        break;
    case 0x01: /* SR1, optionally SR2 (latched in page[0..1]) */
        if (wel && (n == 2 || n == 3)) {
            f->sr1 = (uint8_t)((f->sr1 & ~SR1_WRITABLE) | (f->page[0] & SR1_WRITABLE));
            if (n == 3) {
                f->sr2 = (uint8_t)(f->page[1] & 0x7b); /* SR2's writable bits; SUS is read-only */
            }
            start_busy(f, T_W_NS);
        }
        break;
    case 0x02:
        if (wel && n > 4) {
            uint32_t base = a & ~(PAGE - 1);
            if (!protected_range(f, base, PAGE)) {
                for (unsigned i = 0; i < PAGE; i++) {
                    if (f->page_set[i]) {
                        f->mem[base + i] &= f->page[i]; /* programming only clears bits */
                    }
                }
                start_busy(f, T_PP_NS);
                spi_dev_changed(d, base, PAGE);
            }
        }
        break;
    case 0x20:
    case 0x52:
    case 0xd8: {
        uint32_t len = op == 0x20 ? 4096u : op == 0x52 ? 32768u : 65536u;
        uint32_t base = a & ~(len - 1);
        if (wel && n == 4 && !protected_range(f, base, len)) {
            memset(f->mem + base, 0xff, len);
            start_busy(f, op == 0x20 ? T_SE_NS : op == 0x52 ? T_BE32_NS : T_BE64_NS);
            spi_dev_changed(d, base, len);
        }
        break;
    }
    case 0xc7:
    case 0x60:
        if (wel && n == 1 && (f->sr1 & SR1_BP) == 0) {
            memset(f->mem, 0xff, f->size);
            start_busy(f, T_CE_NS_PER_MIB * (f->size >> 20));
            spi_dev_changed(d, 0, f->size);
        }
        break;
    default:
        break;
    }
}

static uint8_t w25q_exchange(spi_dev_t *d, uint8_t in) {
    w25q_t *f = d->st;
    uint32_t i = f->n++; /* this byte's place in the command */
    if (i == 0) {
        f->op = in;
        f->addr = 0;
        /* while busy only the status reads are answered; powered down only 0xAB */
        f->ignored = (busy(f) && in != 0x05 && in != 0x35 && in != 0x15) || (f->power_down && in != 0xab);
        return 0xff;
    }
    if (f->ignored) {
        return 0xff;
    }
    uint8_t op = f->op;
    switch (op) {
    case 0x05:
        return (uint8_t)((f->sr1 & ~SR1_BUSY) | (busy(f) ? SR1_BUSY : 0));
    case 0x35:
        return f->sr2;
    case 0x15:
        return f->sr3;
    case 0x9f:
        return i <= 3 ? f->m->jedec[i - 1] : 0xff;
    case 0x4b:
        return i >= 5 && i <= 12 ? f->uid[i - 5] : 0xff;
    case 0xab:
        return i >= 4 ? f->m->dev_id : 0xff;
    case 0x01:
        if (i <= 2) {
            f->page[i - 1] = in; /* taken when CS rises */
        }
        return 0xff;
    default:
        break;
    }
    /* the commands with a 24-bit address */
    if (i <= 3) {
        f->addr = (f->addr << 8) | in;
        return 0xff;
    }
    uint32_t size = (uint32_t)f->size;
    switch (op) {
    case 0x90:
        return (((f->addr & 1) ^ (i & 1)) == 0) ? f->m->jedec[0] : f->m->dev_id;
    case 0x03:
        return f->mem[(f->addr++) % size];
    case 0x0b:
        return i == 4 ? 0xff : f->mem[(f->addr++) % size]; /* one dummy byte first */
    case 0x02: {
        unsigned off = (f->addr + f->page_bytes) & (PAGE - 1); /* wraps within the page */
        f->page[off] = in;
        f->page_set[off] = true;
        f->page_bytes++;
        return 0xff;
    }
    default:
        return 0xff;
    }
}

static uint8_t *w25q_memory(spi_dev_t *d, size_t *len) {
    w25q_t *f = d->st;
    *len = f->size;
    return f->mem;
}

#define W25Q_OPS(name, model, mib)                                                                                \
    {name, sizeof(w25q_t) + MIB(mib), &(model), w25q_power_on, w25q_select, w25q_exchange, NULL, NULL, w25q_memory,    \
        true, NULL}
const spi_dev_ops_t spi_w25q80_ops = W25Q_OPS("w25q80", m80, 1);
const spi_dev_ops_t spi_w25q16_ops = W25Q_OPS("w25q16", m16, 2);
const spi_dev_ops_t spi_w25q32_ops = W25Q_OPS("w25q32", m32, 4);
const spi_dev_ops_t spi_w25q64_ops = W25Q_OPS("w25q64", m64, 8);
