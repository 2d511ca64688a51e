/* board/bus_boardfile.c: a board file's device section (a JSON array) into devices on a bus, the
 * bus's own keys read as its descriptor says (board/bus_dev.h), e.g.
 * "i2c": [{"type": "mpu9150", "address": "0x68", "id": "imu", "scl": "GP10"}, ...],
 * "spi": [{"type": "w25q32", "cs": "GP17", "id": "flash"}, ...]; type required, id defaults to the
 * type name. Every message starts with "<bus>[<index>]: ". Invariant: either every device of the
 * section is attached or none is (the bus is left empty). */
#include "board/bus_boardfile.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/pin.h"

/* One field's value into *out (-1 when absent and optional); false: `bad` applies. */
static bool read_field(const bus_field_t *f, json_t *v, int *out) {
    *out = -1;
    if (v == NULL) {
        return !f->required;
    }
    const char *s = json_string_value(v);
    if (f->kind == BUS_FIELD_PIN) {
        *out = s != NULL ? pin_by_name(s, strlen(s)) : -1;
        return *out >= 0;
    }
    if (json_is_integer(v)) {
        *out = (int)json_integer_value(v);
        return true;
    }
    char *end = NULL;
    long a = s != NULL ? strtol(s, &end, 0) : -1;
    if (s == NULL || *s == '\0' || *end != '\0' || a < 0 || a > 0x7f) {
        return false;
    }
    *out = (int)a;
    return true;
}

static bool known_key(const bus_desc_t *bus, const char *key) {
    if (strcmp(key, "type") == 0 || strcmp(key, "id") == 0) {
        return true;
    }
    for (const bus_field_t *f = bus->fields; f->key != NULL; f++) {
        if (strcmp(key, f->key) == 0) {
            return true;
        }
    }
    return false;
}

/* name added at the end of buf (after ", " unless buf is empty), as far as it fits. */
static void append_name(char *buf, size_t cap, const char *name) {
    size_t used = strlen(buf);
    snprintf(buf + used, cap - used, "%s%s", used > 0 ? ", " : "", name);
}

static int entry_error(const bus_desc_t *bus, size_t idx, char *err, size_t err_len, const char *msg) {
    snprintf(err, err_len, "%s[%zu]: %s", bus->name, idx, msg);
    return -1;
}

static int attach_one(const bus_desc_t *bus, json_t *dev, size_t idx, char *err, size_t err_len) {
    char msg[200];
    if (!json_is_object(dev)) {
        return entry_error(bus, idx, err, err_len, bus->entry_hint);
    }
    const char *key;
    json_t *val;
    json_object_foreach(dev, key, val) {
        if (bus->known_keys_only && !known_key(bus, key)) {
            char known[80] = "type";
            for (const bus_field_t *f = bus->fields; f->key != NULL; f++) {
                append_name(known, sizeof(known), f->key);
            }
            append_name(known, sizeof(known), "id");
            snprintf(msg, sizeof(msg), "unknown key \"%.40s\" (known: %s)", key, known);
            return entry_error(bus, idx, err, err_len, msg);
        }
    }
    const char *type = json_string_value(json_object_get(dev, "type"));
    if (type == NULL) {
        char models[160] = "";
        for (int i = 0; bus->model(i) != NULL; i++) {
            append_name(models, sizeof(models), bus->model(i));
        }
        snprintf(msg, sizeof(msg), "\"type\" is missing (%s%s)", bus->models_hint, models);
        return entry_error(bus, idx, err, err_len, msg);
    }
    json_t *idv = json_object_get(dev, "id");
    const char *id = idv != NULL ? json_string_value(idv) : type;
    if (id == NULL) {
        return entry_error(bus, idx, err, err_len, "\"id\" must be a string");
    }
    int values[BUS_FIELDS_MAX];
    for (int i = 0; bus->fields[i].key != NULL; i++) {
        if (!read_field(&bus->fields[i], json_object_get(dev, bus->fields[i].key), &values[i])) {
            return entry_error(bus, idx, err, err_len, bus->fields[i].bad);
        }
    }
    if (bus->attach(type, id, values, msg, sizeof(msg)) < 0) {
        return entry_error(bus, idx, err, err_len, msg);
    }
    return 0;
}

int bus_boardfile_apply(const bus_desc_t *bus, const char *json, char *err, size_t err_len) {
    bus->detach_all();
    if (json == NULL) {
        return 0;
    }
    json_error_t je;
    json_t *root = json_loads(json, JSON_DECODE_ANY, &je);
    if (root == NULL || !json_is_array(root)) {
        snprintf(err, err_len, "\"%s\" must be a list of devices", bus->name);
        json_decref(root);
        return -1;
    }
    size_t i;
    json_t *dev;
    int r = 0;
    json_array_foreach(root, i, dev) {
        if (attach_one(bus, dev, i, err, err_len) != 0) {
            r = -1;
            break;
        }
    }
    json_decref(root);
    if (r != 0) {
        bus->detach_all();
    }
    return r;
}
