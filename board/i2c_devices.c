/* board/i2c_devices.c: the table of I2C device types a board file can declare (board/i2c_dev.h).
 * Invariant: names are unique; a new device is its own file plus one line here. */
#include <string.h>

#include "board/i2c_dev.h"

const i2c_dev_ops_t *const i2c_dev_types[] = {
    &i2c_mpu9150_ops, &i2c_mpu6050_ops, &i2c_24lc256_ops, &i2c_bme280_ops, &i2c_ssd1306_ops, NULL,
};

const i2c_dev_ops_t *i2c_dev_type(const char *name) {
    for (int i = 0; i2c_dev_types[i] != NULL; i++) {
        if (strcmp(i2c_dev_types[i]->type, name) == 0) {
            return i2c_dev_types[i];
        }
    }
    return NULL;
}
