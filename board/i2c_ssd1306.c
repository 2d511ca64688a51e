/* board/i2c_ssd1306.c: Solomon Systech's SSD1306 128x64 OLED controller on I2C (datasheet rev 1.1):
 * the control byte (Co, D/C#), the fundamental, addressing (horizontal/vertical/page modes, column
 * and page windows) and hardware-configuration commands with their argument bytes (which may come
 * in later transactions, as drivers send one command per write), the 1 KiB display RAM, and the
 * panel as seen (ssd1306_image). Panel orientation is that of common modules: with segment remap
 * (0xA1) and COM scan reversed (0xC8) RAM column x, row y shows at (x, y).
 * Invariant: column/page pointers stay inside their windows. */
#include <string.h>

#include "board/i2c_dev.h"

typedef struct {
    uint8_t ram[8][128];
    uint8_t cmd[8]; /* a command waiting for its argument bytes */
    uint8_t cmd_len, cmd_need;
    bool need_control; /* the next byte of this transaction is a control byte */
    bool one_byte;     /* Co=1: one byte then another control byte */
    bool data;         /* D/C# of the bytes that follow */
    uint8_t mode;      /* 0 horizontal, 1 vertical, 2 page */
    uint8_t col, col_start, col_end, page, page_start, page_end;
    uint8_t contrast, start_line, mux;
    bool on, inverse, all_on, remap, com_dec, charge_pump;
} oled_t;

static const char *const oled_keys[] = {"display_on", "contrast", "inverse", NULL};

static void oled_power_on(i2c_dev_t *d) {
    oled_t *o = d->st;
    memset(o, 0, sizeof(*o));
    o->mode = 2;
    o->col_end = 127;
    o->page_end = 7;
    o->contrast = 0x7f;
    o->mux = 63;
}

static uint8_t args_of(uint8_t c) {
    switch (c) {
    case 0x81: case 0x20: case 0xA8: case 0xD3: case 0xDA: case 0xD5: case 0xD9: case 0xDB: case 0x8D:
        return 1;
    case 0x21: case 0x22: case 0xA3:
        return 2;
    case 0x29: case 0x2A:
        return 5;
    case 0x26: case 0x27:
        return 6;
    default:
        return 0;
    }
}

static void command(oled_t *o) {
    uint8_t c = o->cmd[0], a = o->cmd[1], b = o->cmd[2];
    if (c == 0x81) {
        o->contrast = a;
    } else if (c == 0x20) {
        o->mode = a & 3 ? (a & 3) % 3 : 0; /* 3 is invalid: taken as horizontal */
    } else if (c == 0x21) {
        o->col_start = a & 127;
        o->col_end = b & 127;
        o->col = o->col_start;
    } else if (c == 0x22) {
        o->page_start = a & 7;
        o->page_end = b & 7;
        o->page = o->page_start;
    } else if (c == 0xA8) {
        o->mux = a & 63;
    } else if (c == 0x8D) {
        o->charge_pump = (a & 0x04) != 0;
    } else if (c == 0xAE || c == 0xAF) {
        o->on = c == 0xAF;
    } else if (c == 0xA0 || c == 0xA1) {
        o->remap = c == 0xA1;
    } else if (c == 0xA4 || c == 0xA5) {
        o->all_on = c == 0xA5;
    } else if (c == 0xA6 || c == 0xA7) {
        o->inverse = c == 0xA7;
    } else if (c == 0xC0 || c == 0xC8) {
        o->com_dec = c == 0xC8;
    } else if (c >= 0x40 && c <= 0x7F) {
        o->start_line = c & 63;
    } else if (c >= 0xB0 && c <= 0xB7) {
        o->page = c & 7;
    } else if (c <= 0x0F) {
        o->col = (uint8_t)((o->col & 0xF0) | c);
    } else if (c >= 0x10 && c <= 0x17) {
        o->col = (uint8_t)((o->col & 0x0F) | (c & 7) << 4);
    }
    /* scrolling (0x26/27/29/2A/2E/2F/A3), timing and COM pin commands change nothing seen here */
}

static void command_byte(oled_t *o, uint8_t v) {
    o->cmd[o->cmd_len++] = v;
    if (o->cmd_len == 1) {
        o->cmd_need = args_of(v);
    }
    if (o->cmd_len > o->cmd_need) {
        command(o);
        o->cmd_len = 0;
    }
}

static void data_byte(oled_t *o, uint8_t v) {
    o->ram[o->page][o->col] = v;
    if (o->mode == 0) {
        if (o->col++ >= o->col_end) {
            o->col = o->col_start;
            o->page = o->page >= o->page_end ? o->page_start : o->page + 1;
        }
    } else if (o->mode == 1) {
        if (o->page++ >= o->page_end) {
            o->page = o->page_start;
            o->col = o->col >= o->col_end ? o->col_start : o->col + 1;
        }
    } else {
        o->col = (uint8_t)((o->col + 1) & 127);
    }
}

static bool oled_start(i2c_dev_t *d, bool read) {
    oled_t *o = d->st;
    o->need_control = true;
    return true;
}

static bool oled_write(i2c_dev_t *d, uint8_t v) {
    oled_t *o = d->st;
    if (o->need_control) {
        o->one_byte = (v & 0x80) != 0;
        o->data = (v & 0x40) != 0;
        o->need_control = false;
        return true;
    }
    if (o->data) {
        data_byte(o, v);
    } else {
        command_byte(o, v);
    }
    o->need_control = o->one_byte;
    return true;
}

static uint8_t oled_read(i2c_dev_t *d) { return ((oled_t *)d->st)->on ? 0x00 : 0x40; /* status: D6 = off */ }

static void oled_stop(i2c_dev_t *d) { (void)d; }

static int oled_get(i2c_dev_t *d, const char *key, int64_t *v) {
    oled_t *o = d->st;
    if (strcmp(key, "display_on") == 0) {
        *v = o->on;
    } else if (strcmp(key, "contrast") == 0) {
        *v = o->contrast;
    } else if (strcmp(key, "inverse") == 0) {
        *v = o->inverse;
    } else {
        return -1;
    }
    return 0;
}

static uint8_t *oled_memory(i2c_dev_t *d, size_t *len) {
    *len = sizeof(((oled_t *)d->st)->ram);
    return &((oled_t *)d->st)->ram[0][0];
}

void ssd1306_image(i2c_dev_t *d, uint8_t *buf) {
    oled_t *o = d->st;
    for (int y = 0; y < SSD1306_H; y++) {
        for (int x = 0; x < SSD1306_W; x++) {
            int lit = 0;
            if (o->on) {
                int col = o->remap ? x : 127 - x;
                int row = ((o->com_dec ? y : 63 - y) + o->start_line) & 63;
                lit = o->all_on || ((o->ram[row >> 3][col] >> (row & 7)) & 1);
                lit ^= o->inverse;
            }
            buf[y * SSD1306_W + x] = (uint8_t)lit;
        }
    }
}

const i2c_dev_ops_t i2c_ssd1306_ops = {"ssd1306", 0x3c, sizeof(oled_t), oled_power_on, oled_start, oled_write,
    oled_read, oled_stop, NULL, oled_get, oled_memory, false, oled_keys};
