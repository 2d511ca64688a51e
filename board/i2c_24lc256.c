/* board/i2c_24lc256.c: Microchip's 24LC256, a 32 KiB I2C EEPROM (datasheet DS21203): a two-byte
 * address (the top bit ignored), page writes of up to 64 bytes that wrap within their page and are
 * committed at STOP by a 5 ms write cycle during which the chip does not ACK (acknowledge polling),
 * sequential reads that wrap from the last cell to the first. Cells start erased (0xFF); the
 * memory is persistent (the firmware keeps it in the state directory).
 * Invariant: a page write changes cells only at STOP, and only inside one 64-byte page. */
#include <string.h>

#include "board/clock.h"
#include "board/i2c_dev.h"

#define EE_SIZE 32768u
#define EE_PAGE 64u
#define EE_WRITE_NS 5000000ull /* tWC, 5 ms max */

typedef struct {
    uint8_t mem[EE_SIZE];
    uint8_t page[EE_PAGE];
    bool page_set[EE_PAGE];
    uint16_t ptr;      /* the internal address counter */
    uint16_t page_base;
    uint8_t addr_bytes; /* address bytes received in this write (0..2) */
    uint8_t data_bytes; /* data bytes latched (saturates at EE_PAGE + 1) */
    uint64_t busy_until;
} ee_t;

static void ee_power_on(i2c_dev_t *d) {
    ee_t *e = d->st;
    memset(e->mem, 0xff, sizeof(e->mem));
}

static bool ee_start(i2c_dev_t *d, bool read) {
    ee_t *e = d->st;
    if (clock_now_ns() < e->busy_until) {
        return false; /* in its write cycle */
    }
    if (read) {
        e->data_bytes = 0; /* a repeated START aborts a page write that had no STOP */
    } else {
        e->addr_bytes = 0;
        e->data_bytes = 0;
        memset(e->page_set, 0, sizeof(e->page_set));
    }
    return true;
}

static bool ee_write(i2c_dev_t *d, uint8_t b) {
    ee_t *e = d->st;
    if (e->addr_bytes == 0) {
        e->ptr = (uint16_t)((b & 0x7f) << 8);
        e->addr_bytes = 1;
    } else if (e->addr_bytes == 1) {
        e->ptr = (uint16_t)(e->ptr | b);
        e->page_base = (uint16_t)(e->ptr & ~(EE_PAGE - 1));
        e->addr_bytes = 2;
    } else {
        unsigned off = e->ptr & (EE_PAGE - 1);
        e->page[off] = b; /* more than a page: the first bytes are overwritten, as the chip does */
        e->page_set[off] = true;
        e->ptr = (uint16_t)(e->page_base | ((off + 1) & (EE_PAGE - 1)));
        if (e->data_bytes <= EE_PAGE) {
            e->data_bytes++;
        }
    }
    return true;
}

static uint8_t ee_read(i2c_dev_t *d) {
    ee_t *e = d->st;
    uint8_t v = e->mem[e->ptr];
    e->ptr = (uint16_t)((e->ptr + 1) & (EE_SIZE - 1));
    return v;
}

static void ee_stop(i2c_dev_t *d) {
    ee_t *e = d->st;
    if (e->addr_bytes == 2 && e->data_bytes > 0) {
        for (unsigned i = 0; i < EE_PAGE; i++) {
            if (e->page_set[i]) {
                e->mem[e->page_base + i] = e->page[i];
            }
        }
        e->data_bytes = 0;
        e->busy_until = clock_now_ns() + EE_WRITE_NS;
        d->dirty = true;
    }
    e->addr_bytes = 0;
}

static uint8_t *ee_memory(i2c_dev_t *d, size_t *len) {
    *len = EE_SIZE;
    return ((ee_t *)d->st)->mem;
}

const i2c_dev_ops_t i2c_24lc256_ops = {"24lc256", 0x50, sizeof(ee_t), ee_power_on, ee_start, ee_write, ee_read,
    ee_stop, NULL, NULL, ee_memory, true, NULL};
