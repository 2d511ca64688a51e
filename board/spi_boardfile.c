/* board/spi_boardfile.c: the board file's "spi" section (a JSON array) into devices on the SPI bus:
 * [{"type": "w25q32", "cs": "GP17", "id": "flash"}, ...]; type and cs required, id defaults to
 * the type name. Invariant: either every device of the section is attached or none is. */
#include "board/spi_boardfile.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "board/pin.h"
#include "board/spi_dev.h"

static int attach_one(json_t *dev, size_t idx, char *err, size_t err_len) {
    if (!json_is_object(dev)) {
        snprintf(err, err_len, "spi[%zu]: a device is an object with a \"type\" and a \"cs\" pin", idx);
        return -1;
    }
    const char *key;
    json_t *val;
    json_object_foreach(dev, key, val) {
        if (strcmp(key, "type") != 0 && strcmp(key, "cs") != 0 && strcmp(key, "id") != 0) {
            snprintf(err, err_len, "spi[%zu]: unknown key \"%.40s\" (known: type, cs, id)", idx, key);
            return -1;
        }
    }
    const char *type = json_string_value(json_object_get(dev, "type"));
    if (type == NULL) {
        snprintf(err, err_len, "spi[%zu]: \"type\" is missing (a flash chip: w25q80, w25q16, w25q32, w25q64)", idx);
        return -1;
    }
    json_t *idv = json_object_get(dev, "id");
    const char *id = idv != NULL ? json_string_value(idv) : type;
    if (id == NULL) {
        snprintf(err, err_len, "spi[%zu]: \"id\" must be a string", idx);
        return -1;
    }
    const char *cs = json_string_value(json_object_get(dev, "cs"));
    int pin = cs != NULL ? pin_by_name(cs, strlen(cs)) : -1;
    if (pin < 0) {
        snprintf(err, err_len, "spi[%zu]: \"cs\" must be the pin that selects the device, like \"GP17\"", idx);
        return -1;
    }
    char sub[200];
    if (spi_attach(type, id, pin, sub, sizeof(sub)) < 0) {
        snprintf(err, err_len, "spi[%zu]: %s", idx, sub);
        return -1;
    }
    return 0;
}

int spi_boardfile_apply(const char *json, char *err, size_t err_len) {
    spi_detach_all();
    if (json == NULL) {
        return 0;
    }
    json_error_t je;
    json_t *root = json_loads(json, JSON_DECODE_ANY, &je);
    if (root == NULL || !json_is_array(root)) {
        snprintf(err, err_len, "\"spi\" must be a list of devices");
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
        spi_detach_all();
    }
    return r;
}
