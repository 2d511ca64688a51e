/* board/i2c_dev.h: the one interface every simulated I2C device implements (a device = one file:
 * i2c_mpu9150.c, i2c_24lc256.c, i2c_bme280.c, i2c_ssd1306.c), and the table of device types.
 * The bus (board/i2c.c) calls start/write/read/stop as the controller's bytes go by; the outside
 * sets and gets physical values by name, and reads or loads the device's memory.
 * Invariant: a device keeps all its state in its own block (d->st, ops->state_size bytes). */
#ifndef BOARD_I2C_DEV_H
#define BOARD_I2C_DEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define I2C_DEV_ID_MAX 32

typedef struct i2c_dev i2c_dev_t;
typedef struct {
    const char *type;     /* the board file's name: "mpu9150" */
    uint8_t default_addr; /* 7-bit */
    size_t state_size;
    void (*power_on)(i2c_dev_t *d); /* the state after power-on (the block is zeroed before) */
    /* A START (or repeated START) with this device's address; false: it does not ACK (busy). */
    bool (*start)(i2c_dev_t *d, bool read);
    bool (*write)(i2c_dev_t *d, uint8_t byte); /* a byte written to it; false: NACK */
    uint8_t (*read)(i2c_dev_t *d);             /* the next byte it sends */
    void (*stop)(i2c_dev_t *d);                /* STOP (also a START addressing another device) */
    /* The outside's view of named values (milli-units, see each device's file); 0 or -1 (no such key
     * or out of range). May be NULL. */
    int (*set)(i2c_dev_t *d, const char *key, int64_t value);
    int (*get)(i2c_dev_t *d, const char *key, int64_t *value);
    /* The device's memory the outside can read and load (EEPROM cells, display RAM); NULL len 0
     * if none. `persistent` memory is kept in the board's state directory. */
    uint8_t *(*memory)(i2c_dev_t *d, size_t *len);
    bool persistent;
    const char *const *keys; /* names set/get take, NULL-terminated (NULL: none) */
} i2c_dev_ops_t;

struct i2c_dev {
    const i2c_dev_ops_t *ops;
    char id[I2C_DEV_ID_MAX];
    uint8_t addr;
    int scl, sda; /* the pins it is wired to, -1: whatever pins the controller uses */
    bool dirty;   /* persistent memory changed since the last i2c_dev_take_dirty */
    void *st;
};

/* Every device type, NULL-terminated; adding a device is a file and a line here (i2c_devices.c). */
extern const i2c_dev_ops_t *const i2c_dev_types[];
const i2c_dev_ops_t *i2c_dev_type(const char *name); /* NULL if unknown */

extern const i2c_dev_ops_t i2c_mpu9150_ops, i2c_mpu6050_ops, i2c_24lc256_ops, i2c_bme280_ops, i2c_ssd1306_ops;

/* SSD1306: the panel as the eye sees it (display on/off, inversion, segment remap and COM scan
 * direction applied), 128x64, row-major, 1 = lit; buf holds 8192 bytes of 0/1. */
#define SSD1306_W 128
#define SSD1306_H 64
void ssd1306_image(i2c_dev_t *d, uint8_t *buf);

/* BME280: the datasheet's integer compensation (0.01 degC; Pa in Q24.8; %RH in Q22.10) with the
 * model's trimming values. */
int32_t bme280_comp_t(int32_t adc_t, int32_t *t_fine);
uint32_t bme280_comp_p(int32_t adc_p, int32_t t_fine);
uint32_t bme280_comp_h(int32_t adc_h, int32_t t_fine);

#endif
