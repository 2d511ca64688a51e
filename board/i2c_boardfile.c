/* board/i2c_boardfile.c: the board file's "i2c" section (a JSON array) into devices on the bus:
 * [{"type": "mpu9150", "address": 104 | "0x68", "id": "imu", "scl": "GP10", "sda": "GP15"}, ...];
 * type required; address defaults to the type's, id to the type name, pins to "any".
 * Invariant: either every device of the section is attached or none is (the bus is left empty). */
#include "board/i2c_boardfile.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/i2c.h"
#include "board/pin.h"

static int pin_field(json_t *dev, const char *key, int *out, char *err, size_t err_len) {
    json_t *v = json_object_get(dev, key);
    *out = -1;
    if (v == NULL) {
        return 0;
    }
    const char *s = json_string_value(v);
    int p = s != NULL ? pin_by_name(s, strlen(s)) : -1;
    if (p < 0) {
        snprintf(err, err_len, "\"%s\" must be a pin name like \"GP10\"", key);
        return -1;
    }
    *out = p;
    return 0;
}

static int addr_field(json_t *dev, int *out, char *err, size_t err_len) {
    json_t *v = json_object_get(dev, "address");
    *out = -1;
    if (v == NULL) {
        return 0;
    }
    if (json_is_integer(v)) {
        *out = (int)json_integer_value(v);
        return 0;
    }
    const char *s = json_string_value(v);
    char *end = NULL;
    long a = s != NULL ? strtol(s, &end, 0) : -1;
    if (s == NULL || *s == '\0' || *end != '\0' || a < 0 || a > 0x7f) {
        snprintf(err, err_len, "\"address\" must be a 7-bit number like 104 or \"0x68\"");
        return -1;
    }
    *out = (int)a;
    return 0;
}

static int attach_one(json_t *dev, size_t idx, char *err, size_t err_len) {
    if (!json_is_object(dev)) {
        snprintf(err, err_len, "i2c[%zu]: a device is an object with a \"type\"", idx);
        return -1;
    }
    const char *type = json_string_value(json_object_get(dev, "type"));
    if (type == NULL) {
        snprintf(err, err_len, "i2c[%zu]: \"type\" is missing (one of mpu9150, mpu6050, 24lc256, bme280, ssd1306)", idx);
        return -1;
    }
    json_t *idv = json_object_get(dev, "id");
    const char *id = idv != NULL ? json_string_value(idv) : type;
    if (id == NULL) {
        snprintf(err, err_len, "i2c[%zu]: \"id\" must be a string", idx);
        return -1;
    }
    int addr, scl, sda;
    char sub[200];
    if (addr_field(dev, &addr, sub, sizeof(sub)) != 0 || pin_field(dev, "scl", &scl, sub, sizeof(sub)) != 0 ||
        pin_field(dev, "sda", &sda, sub, sizeof(sub)) != 0 || i2c_attach(type, id, addr, scl, sda, sub, sizeof(sub)) < 0) {
        snprintf(err, err_len, "i2c[%zu]: %s", idx, sub);
        return -1;
    }
    return 0;
}

int i2c_boardfile_apply(const char *json, char *err, size_t err_len) {
    i2c_detach_all();
    if (json == NULL) {
        return 0;
    }
    json_error_t je;
    json_t *root = json_loads(json, JSON_DECODE_ANY, &je);
    if (root == NULL || !json_is_array(root)) {
        snprintf(err, err_len, "\"i2c\" must be a list of devices");
        json_decref(root);
        return -1;
    }
    size_t i;
    json_t *dev;
    int r = 0;
    json_array_foreach(root, i, dev) {
        if (attach_one(dev, i, err, err_len) != 0) {
            r = -1;
            break;
        }
    }
    json_decref(root);
    if (r != 0) {
        i2c_detach_all();
    }
    return r;
}
