/* board/i2c_bme280.c: Bosch's BME280 humidity/pressure/temperature sensor (datasheet BST-BME280-DS002):
 * chip id 0x60 at 0xD0, soft reset (0xB6 to 0xE0), the trimming registers (0x88..0xA1, 0xE1..0xE7)
 * of a typical part, ctrl_hum/ctrl_meas/config, and data registers whose raw ADC values are chosen
 * so that the datasheet's integer compensation formulas give back the values the outside set.
 * A forced-mode write measures once and returns to sleep; normal mode measures at every read.
 * Outside keys: temp (milli-degC), pressure (milli-Pa), humidity (milli-%RH). */
#include <string.h>

#include "board/i2c_dev.h"

enum { REG_CALIB0 = 0x88, REG_H1 = 0xA1, REG_ID = 0xD0, REG_RESET = 0xE0, REG_CALIB_H = 0xE1,
       REG_CTRL_HUM = 0xF2, REG_STATUS = 0xF3, REG_CTRL_MEAS = 0xF4, REG_CONFIG = 0xF5, REG_PRESS = 0xF7,
       REG_TEMP = 0xFA, REG_HUM = 0xFD };

/* The trimming values of a typical part (the BMP280 datasheet's example for T and P). */
static const uint16_t dig_T1 = 27504;
static const int16_t dig_T2 = 26435, dig_T3 = -1000;
static const uint16_t dig_P1 = 36477;
static const int16_t dig_P2 = -10685, dig_P3 = 3024, dig_P4 = 2855, dig_P5 = 140, dig_P6 = -7, dig_P7 = 15500,
                     dig_P8 = -14600, dig_P9 = 6000;
static const uint8_t dig_H1 = 75, dig_H3 = 0;
static const int16_t dig_H2 = 362, dig_H4 = 313, dig_H5 = 50;
static const int8_t dig_H6 = 30;

typedef struct {
    uint8_t reg[256];
    uint8_t ptr;
    bool expect_reg; /* writes come as (register, value) pairs */
    int64_t temp_mc, press_mpa, hum_m;
} bme_t;

static const char *const bme_keys[] = {"temp", "pressure", "humidity", NULL};

/* ---- the datasheet's compensation (section 4.2.3, integer versions) ---- */

/* 0.01 degC; *t_fine for the other two */
int32_t bme280_comp_t(int32_t adc_t, int32_t *t_fine) {
    int32_t v1 = ((((adc_t >> 3) - ((int32_t)dig_T1 * 2))) * (int32_t)dig_T2) >> 11;
    int32_t d = (adc_t >> 4) - (int32_t)dig_T1;
    int32_t v2 = (((d * d) >> 12) * (int32_t)dig_T3) >> 14;
    *t_fine = v1 + v2;
    return (*t_fine * 5 + 128) >> 8;
}

/* Pa in Q24.8 */
uint32_t bme280_comp_p(int32_t adc_p, int32_t t_fine) {
    int64_t v1 = (int64_t)t_fine - 128000;
    int64_t v2 = v1 * v1 * dig_P6;
    v2 += v1 * dig_P5 * 131072;
    v2 += (int64_t)dig_P4 * 34359738368LL; /* << 35 */
    v1 = ((v1 * v1 * dig_P3) >> 8) + (v1 * dig_P2 * 4096);
    v1 = ((((int64_t)1 << 47) + v1) * dig_P1) >> 33;
    if (v1 == 0) {
        return 0;
    }
    int64_t p = 1048576 - adc_p;
    p = ((p * 2147483648LL - v2) * 3125) / v1;
    v1 = ((int64_t)dig_P9 * (p >> 13) * (p >> 13)) >> 25;
    v2 = ((int64_t)dig_P8 * p) >> 19;
    p = ((p + v1 + v2) >> 8) + (int64_t)dig_P7 * 16;
    return (uint32_t)p;
}

/* %RH in Q22.10 */
uint32_t bme280_comp_h(int32_t adc_h, int32_t t_fine) {
    /* The datasheet's 32-bit arithmetic, carried in 64 bits so that raw values far from a real
     * reading (the inverse search tries them) cannot overflow; equal wherever 32 bits suffice. */
    int64_t x = (int64_t)t_fine - 76800;
    int64_t a = (((int64_t)adc_h * 16384) - ((int64_t)dig_H4 * 1048576) - ((int64_t)dig_H5 * x) + 16384) >> 15;
    int64_t b = ((((((x * dig_H6) >> 10) * (((x * dig_H3) >> 11) + 32768)) >> 10) + 2097152) * dig_H2 + 8192) >> 14;
    x = a * b;
    x = x - (((((x >> 15) * (x >> 15)) >> 7) * dig_H1) >> 4);
    x = x < 0 ? 0 : x > 419430400 ? 419430400 : x;
    return (uint32_t)(x >> 12);
}

/* ---- the inverse: the raw value whose compensation is nearest the target (monotonic search) ---- */

static int32_t raw_t_for(int64_t centi) {
    int32_t lo = 0, hi = (1 << 20) - 1, tf;
    while (lo < hi) {
        int32_t mid = lo + (hi - lo) / 2;
        if (bme280_comp_t(mid, &tf) < centi) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static int32_t raw_p_for(int64_t q8, int32_t t_fine) { /* compensation falls as adc_P rises */
    int32_t lo = 0, hi = (1 << 20) - 1;
    while (lo < hi) {
        int32_t mid = lo + (hi - lo) / 2;
        if ((int64_t)bme280_comp_p(mid, t_fine) > q8) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static int32_t raw_h_for(int64_t q10, int32_t t_fine) {
    int32_t lo = 0, hi = 65535;
    while (lo < hi) {
        int32_t mid = lo + (hi - lo) / 2;
        if ((int64_t)bme280_comp_h(mid, t_fine) < q10) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static void put20(uint8_t *r, int32_t v) {
    r[0] = (uint8_t)(v >> 12);
    r[1] = (uint8_t)(v >> 4);
    r[2] = (uint8_t)((v & 0xf) << 4);
}

static void measure(bme_t *b) {
    int osrs_t = b->reg[REG_CTRL_MEAS] >> 5, osrs_p = (b->reg[REG_CTRL_MEAS] >> 2) & 7;
    int osrs_h = b->reg[REG_CTRL_HUM] & 7;
    int32_t t_fine;
    int32_t at = raw_t_for(b->temp_mc / 10);
    bme280_comp_t(at, &t_fine);
    put20(&b->reg[REG_TEMP], osrs_t ? at : 0x80000); /* skipped: the reset value */
    put20(&b->reg[REG_PRESS], osrs_p ? raw_p_for(b->press_mpa * 256 / 1000, t_fine) : 0x80000);
    int32_t ah = osrs_h ? raw_h_for(b->hum_m * 1024 / 1000, t_fine) : 0x8000;
    b->reg[REG_HUM] = (uint8_t)(ah >> 8);
    b->reg[REG_HUM + 1] = (uint8_t)ah;
}

static void put16le(uint8_t *r, uint16_t v) {
    r[0] = (uint8_t)v;
    r[1] = (uint8_t)(v >> 8);
}

static void regs_reset(bme_t *b) {
    memset(b->reg, 0, sizeof(b->reg));
    const uint16_t tp[12] = {dig_T1, (uint16_t)dig_T2, (uint16_t)dig_T3, dig_P1, (uint16_t)dig_P2, (uint16_t)dig_P3,
        (uint16_t)dig_P4, (uint16_t)dig_P5, (uint16_t)dig_P6, (uint16_t)dig_P7, (uint16_t)dig_P8, (uint16_t)dig_P9};
    for (int i = 0; i < 12; i++) {
        put16le(&b->reg[REG_CALIB0 + 2 * i], tp[i]);
    }
    b->reg[REG_H1] = dig_H1;
    put16le(&b->reg[REG_CALIB_H], (uint16_t)dig_H2);
    b->reg[0xE3] = dig_H3;
    b->reg[0xE4] = (uint8_t)(dig_H4 >> 4);
    b->reg[0xE5] = (uint8_t)((dig_H4 & 0xf) | ((dig_H5 & 0xf) << 4));
    b->reg[0xE6] = (uint8_t)(dig_H5 >> 4);
    b->reg[0xE7] = (uint8_t)dig_H6;
    b->reg[REG_ID] = 0x60;
    b->reg[REG_PRESS] = 0x80;
    b->reg[REG_TEMP] = 0x80;
    b->reg[REG_HUM] = 0x80;
}

static void bme_power_on(i2c_dev_t *d) {
    bme_t *b = d->st;
    regs_reset(b);
    b->temp_mc = 25000;
    b->press_mpa = 101325000;
    b->hum_m = 50000;
}

static bool bme_start(i2c_dev_t *d, bool read) {
    bme_t *b = d->st;
    if (read) {
        if ((b->reg[REG_CTRL_MEAS] & 3) == 3) {
            measure(b); /* normal mode: a fresh conversion is always there */
        }
    } else {
        b->expect_reg = true;
    }
    return true;
}

static bool writable(int r) { return r == REG_RESET || r == REG_CTRL_HUM || r == REG_CTRL_MEAS || r == REG_CONFIG; }

static bool bme_write(i2c_dev_t *d, uint8_t v) {
    bme_t *b = d->st;
    if (b->expect_reg) {
        b->ptr = v;
        b->expect_reg = false;
        return true;
    }
    b->expect_reg = true;
    int r = b->ptr;
    if (r == REG_RESET) {
        if (v == 0xB6) {
            regs_reset(b);
        }
        return true;
    }
    if (!writable(r)) {
        return true;
    }
    b->reg[r] = v;
    if (r == REG_CTRL_MEAS && ((v & 3) == 1 || (v & 3) == 2)) {
        measure(b); /* forced mode: one conversion, then back to sleep */
        b->reg[r] = (uint8_t)(v & ~3);
    }
    return true;
}

static uint8_t bme_read(i2c_dev_t *d) {
    bme_t *b = d->st;
    return b->reg[b->ptr++];
}

static void bme_stop(i2c_dev_t *d) { (void)d; }

static int64_t *bme_value(bme_t *b, const char *key) {
    return strcmp(key, "temp") == 0 ? &b->temp_mc : strcmp(key, "pressure") == 0 ? &b->press_mpa
         : strcmp(key, "humidity") == 0 ? &b->hum_m : NULL;
}

/* The sensor's ranges: -40..85 degC, 300..1100 hPa, 0..100 %RH. */
static int bme_set(i2c_dev_t *d, const char *key, int64_t v) {
    int64_t *p = bme_value(d->st, key);
    if (p == NULL) {
        return -1;
    }
    if ((p == &((bme_t *)d->st)->temp_mc && (v < -40000 || v > 85000)) ||
        (p == &((bme_t *)d->st)->press_mpa && (v < 30000000 || v > 110000000)) ||
        (p == &((bme_t *)d->st)->hum_m && (v < 0 || v > 100000))) {
        return -1;
    }
    *p = v;
    return 0;
}

static int bme_get(i2c_dev_t *d, const char *key, int64_t *v) {
    int64_t *p = bme_value(d->st, key);
    if (p == NULL) {
        return -1;
    }
    *v = *p;
    return 0;
}

const i2c_dev_ops_t i2c_bme280_ops = {"bme280", 0x76, sizeof(bme_t), bme_power_on, bme_start, bme_write, bme_read,
    bme_stop, bme_set, bme_get, NULL, false, bme_keys};
