/* board/i2c_mpu9150.c: the InvenSense MPU-9150 / MPU-6050 motion sensor's register file (datasheet
 * register map rev 4.2): WHO_AM_I (117) = 0x68, PWR_MGMT_1 (107) resets to 0x40 (SLEEP) and its bit
 * 7 resets every register; accelerometer (59..64), temperature (65..66) and gyroscope (67..72) are
 * sampled from values the outside sets, scaled by ACCEL_CONFIG/GYRO_CONFIG's full-scale bits, and
 * hold their last sample while the chip sleeps. Register writes and reads auto-increment.
 * Outside keys: accel_x/y/z in milli-g, gyro_x/y/z in milli-degrees/s, temp in milli-degrees C. */
#include <string.h>

#include "board/i2c_dev.h"

enum {
    REG_GYRO_CONFIG = 27,
    REG_ACCEL_CONFIG = 28,
    REG_INT_STATUS = 58,
    REG_ACCEL_XOUT_H = 59,
    REG_TEMP_OUT_H = 65,
    REG_GYRO_XOUT_H = 67,
    REG_DATA_END = 96, /* through EXT_SENS_DATA_23: read-only */
    REG_FIFO_COUNTH = 114,
    REG_FIFO_R_W = 116,
    REG_PWR_MGMT_1 = 107,
    REG_WHO_AM_I = 117,
    N_REGS = 128,
};
#define PWR1_RESET 0x80
#define PWR1_SLEEP 0x40

typedef struct {
    uint8_t reg[N_REGS];
    uint8_t ptr;
    bool have_ptr; /* the first byte written after START was the register address */
    int32_t accel_mg[3], gyro_mdps[3], temp_mc;
} mpu_t;

static const char *const mpu_keys[] = {"accel_x", "accel_y", "accel_z", "gyro_x", "gyro_y", "gyro_z", "temp", NULL};

static void regs_reset(mpu_t *m) {
    memset(m->reg, 0, sizeof(m->reg));
    m->reg[REG_PWR_MGMT_1] = PWR1_SLEEP;
    m->reg[REG_WHO_AM_I] = 0x68;
}

static void mpu_power_on(i2c_dev_t *d) {
    mpu_t *m = d->st;
    regs_reset(m);
    m->accel_mg[2] = 1000; /* lying flat: 1 g on Z */
    m->temp_mc = 25000;
}

static int16_t clamp16(int64_t v) { return (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v); }

static void put16(mpu_t *m, int reg, int16_t v) {
    m->reg[reg] = (uint8_t)((uint16_t)v >> 8);
    m->reg[reg + 1] = (uint8_t)v;
}

/* A new sample of every sensor (the chip samples continuously while awake). */
static void sample(mpu_t *m) {
    if (m->reg[REG_PWR_MGMT_1] & PWR1_SLEEP) {
        return;
    }
    int afs = (m->reg[REG_ACCEL_CONFIG] >> 3) & 3; /* +-2/4/8/16 g: 16384 >> afs LSB per g */
    int fs = (m->reg[REG_GYRO_CONFIG] >> 3) & 3;   /* +-250/500/1000/2000 dps */
    static const int64_t gyro_lsb10[4] = {1310, 655, 328, 164}; /* tenths of an LSB per dps */
    for (int i = 0; i < 3; i++) {
        put16(m, REG_ACCEL_XOUT_H + 2 * i, clamp16((int64_t)m->accel_mg[i] * (16384 >> afs) / 1000));
        put16(m, REG_GYRO_XOUT_H + 2 * i, clamp16((int64_t)m->gyro_mdps[i] * gyro_lsb10[fs] / 10000));
    }
    /* datasheet: T(degC) = TEMP_OUT / 340 + 36.53 */
    put16(m, REG_TEMP_OUT_H, clamp16(((int64_t)m->temp_mc - 36530) * 340 / 1000));
    m->reg[REG_INT_STATUS] |= 0x01; /* DATA_RDY_INT */
}

static bool mpu_start(i2c_dev_t *d, bool read) {
    mpu_t *m = d->st;
    if (read) {
        sample(m);
    } else {
        m->have_ptr = false;
    }
    return true;
}

static bool read_only(int reg) {
    return (reg >= REG_INT_STATUS && reg <= REG_DATA_END) || (reg >= REG_FIFO_COUNTH && reg < REG_FIFO_R_W) ||
           reg == REG_WHO_AM_I;
}

static bool mpu_write(i2c_dev_t *d, uint8_t b) {
    mpu_t *m = d->st;
    if (!m->have_ptr) {
        m->ptr = b & (N_REGS - 1);
        m->have_ptr = true;
        return true;
    }
    int r = m->ptr;
    m->ptr = (uint8_t)((m->ptr + 1) & (N_REGS - 1));
    if (r == REG_PWR_MGMT_1 && (b & PWR1_RESET)) {
        regs_reset(m); /* DEVICE_RESET: every register to its default; the bit clears itself */
        return true;
    }
    if (!read_only(r) && r != REG_FIFO_R_W) {
        m->reg[r] = b;
    }
    return true;
}

static uint8_t mpu_read(i2c_dev_t *d) {
    mpu_t *m = d->st;
    int r = m->ptr;
    m->ptr = (uint8_t)((m->ptr + 1) & (N_REGS - 1));
    uint8_t v = m->reg[r];
    if (r == REG_INT_STATUS) {
        m->reg[r] = 0; /* cleared by reading */
    }
    return v; /* FIFO_R_W: the FIFO is never enabled here, it reads 0 */
}

static void mpu_stop(i2c_dev_t *d) { (void)d; }

static int32_t *mpu_value(mpu_t *m, const char *key) {
    for (int i = 0; mpu_keys[i] != NULL; i++) {
        if (strcmp(key, mpu_keys[i]) == 0) {
            return i < 3 ? &m->accel_mg[i] : i < 6 ? &m->gyro_mdps[i - 3] : &m->temp_mc;
        }
    }
    return NULL;
}

static int mpu_set(i2c_dev_t *d, const char *key, int64_t v) {
    int32_t *p = mpu_value(d->st, key);
    if (p == NULL || v < -100000000 || v > 100000000) {
        return -1;
    }
    *p = (int32_t)v;
    return 0;
}

static int mpu_get(i2c_dev_t *d, const char *key, int64_t *v) {
    int32_t *p = mpu_value(d->st, key);
    if (p == NULL) {
        return -1;
    }
    *v = *p;
    return 0;
}

const i2c_dev_ops_t i2c_mpu9150_ops = {"mpu9150", 0x68, sizeof(mpu_t), mpu_power_on, mpu_start, mpu_write,
    mpu_read, mpu_stop, mpu_set, mpu_get, NULL, false, mpu_keys};
const i2c_dev_ops_t i2c_mpu6050_ops = {"mpu6050", 0x68, sizeof(mpu_t), mpu_power_on, mpu_start, mpu_write,
    mpu_read, mpu_stop, mpu_set, mpu_get, NULL, false, mpu_keys};
