/* services/control_cmd_devices.c: the control interface's commands for the I2C and SPI device
 * models (docs/control-protocol.md): the list of devices, their physical values (set in the
 * device's units: g, degrees/s, degC, Pa, %RH; the models keep thousandths), their memory (EEPROM
 * cells, flash array, display RAM) read and written as hex or base64, the SSD1306's panel as an
 * image, and the ADC's channels. Each command checks all of its arguments before it touches the
 * board, so a refused request changes nothing. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/adc.h"
#include "board/i2c.h"
#include "board/pin.h"
#include "board/spi_dev.h"
#include "services/control_cmd.h"

#define DEV_IO_MAX 32768 /* bytes of memory one request reads or writes */
#define DEV_VALUE_MAX 1e9 /* beyond any device's range, and exact in thousandths */

/* One device of either bus, as the commands see it. */
typedef struct {
    i2c_dev_t *i2c;
    spi_dev_t *spi;
} dev_ref_t;

static const char *dev_id(dev_ref_t d) { return d.i2c ? d.i2c->id : d.spi->id; }
static const char *dev_type(dev_ref_t d) { return d.i2c ? d.i2c->ops->type : d.spi->ops->type; }
static const char *const *dev_keys(dev_ref_t d) { return d.i2c ? d.i2c->ops->keys : d.spi->ops->keys; }

static int dev_get(dev_ref_t d, const char *key, int64_t *v) {
    if (d.i2c) {
        return d.i2c->ops->get ? d.i2c->ops->get(d.i2c, key, v) : -1;
    }
    return d.spi->ops->get ? d.spi->ops->get(d.spi, key, v) : -1;
}

static int dev_set(dev_ref_t d, const char *key, int64_t v) {
    if (d.i2c) {
        return d.i2c->ops->set ? d.i2c->ops->set(d.i2c, key, v) : -1;
    }
    return d.spi->ops->set ? d.spi->ops->set(d.spi, key, v) : -1;
}

static uint8_t *dev_memory(dev_ref_t d, size_t *len) {
    *len = 0;
    if (d.i2c) {
        return d.i2c->ops->memory ? d.i2c->ops->memory(d.i2c, len) : NULL;
    }
    return d.spi->ops->memory ? d.spi->ops->memory(d.spi, len) : NULL;
}

static bool dev_persistent(dev_ref_t d) { return d.i2c ? d.i2c->ops->persistent : d.spi->ops->persistent; }

/* The outside changed [off, off+n) of the memory: persistent memory is saved. */
static void dev_changed(dev_ref_t d, size_t off, size_t n) {
    if (d.i2c) {
        if (d.i2c->ops->persistent) {
            i2c_dev_changed(d.i2c);
        }
    } else {
        spi_dev_changed(d.spi, off, n);
    }
}

static bool has_key(dev_ref_t d, const char *key) {
    for (const char *const *k = dev_keys(d); k != NULL && *k != NULL; k++) {
        if (strcmp(*k, key) == 0) {
            return true;
        }
    }
    return false;
}

static json_t *dev_json(dev_ref_t d) {
    json_t *o = json_object();
    json_object_set_new(o, "device", json_string(dev_id(d))); /* not "id": replies echo the request's */
    json_object_set_new(o, "bus", json_string(d.i2c ? "i2c" : "spi"));
    json_object_set_new(o, "type", json_string(dev_type(d)));
    if (d.i2c) {
        json_object_set_new(o, "address", json_integer(d.i2c->addr));
    } else {
        json_object_set_new(o, "cs", json_string(pin_info[d.spi->cs].name));
        json_object_set_new(o, "selected", json_boolean(d.spi->selected));
    }
    /* physical values (devices that take them: thousandths in the model) as numbers in their
     * units; a read-only device's values (a display's state) are integers as they are */
    bool physical = d.i2c ? d.i2c->ops->set != NULL : d.spi->ops->set != NULL;
    json_t *vals = json_object();
    for (const char *const *k = dev_keys(d); k != NULL && *k != NULL; k++) {
        int64_t v;
        if (dev_get(d, *k, &v) == 0) {
            json_object_set_new(vals, *k, physical ? json_real((double)v / 1000.0) : json_integer((json_int_t)v));
        }
    }
    json_object_set_new(o, "values", vals);
    size_t len;
    dev_memory(d, &len);
    json_object_set_new(o, "memory", json_integer((json_int_t)len));
    json_object_set_new(o, "persistent", json_boolean(len > 0 && dev_persistent(d)));
    return o;
}

/* "device": a device's id, or "i2c:<id>" / "spi:<id>" when both buses have one of that name. */
static bool arg_device(json_t *req, dev_ref_t *d, char *err, size_t errlen) {
    const char *s = json_string_value(json_object_get(req, "device"));
    if (s == NULL) {
        snprintf(err, errlen, "\"device\" wants a device's id (\"devices\" lists them)");
        return false;
    }
    const char *name = s;
    bool only_i2c = strncmp(s, "i2c:", 4) == 0, only_spi = strncmp(s, "spi:", 4) == 0;
    if (only_i2c || only_spi) {
        name = s + 4;
    }
    d->i2c = only_spi ? NULL : i2c_find(name);
    d->spi = only_i2c ? NULL : spi_find(name);
    if (d->i2c != NULL && d->spi != NULL) {
        snprintf(err, errlen, "both buses have a device '%.40s': say \"i2c:%.40s\" or \"spi:%.40s\"", name, name, name);
        return false;
    }
    if (d->i2c == NULL && d->spi == NULL) {
        snprintf(err, errlen, "no device '%.40s' on this board (\"devices\" lists them)", s);
        return false;
    }
    return true;
}

static json_t *cmd_devices(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    json_t *a = json_array();
    for (int i = 0; i < i2c_device_count(); i++) {
        json_array_append_new(a, dev_json((dev_ref_t){i2c_device(i), NULL}));
    }
    for (int i = 0; i < spi_device_count(); i++) {
        json_array_append_new(a, dev_json((dev_ref_t){NULL, spi_device(i)}));
    }
    return ctl_with("devices", a);
}

static json_t *cmd_device(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    dev_ref_t d;
    return arg_device(req, &d, err, errlen) ? dev_json(d) : NULL;
}

/* device.set: "values": {key: number, ...}, all checked (and applied) or none. */
static json_t *cmd_device_set(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    dev_ref_t d;
    if (!arg_device(req, &d, err, errlen)) {
        return NULL;
    }
    if (d.i2c ? d.i2c->ops->set == NULL : d.spi->ops->set == NULL) {
        snprintf(err, errlen, "%s (%s) has no values to set (its state is what the firmware sent it)", dev_id(d),
            dev_type(d));
        return NULL;
    }
    json_t *vals = json_object_get(req, "values");
    if (!json_is_object(vals) || json_object_size(vals) == 0) {
        snprintf(err, errlen, "device.set wants \"values\": {name: number, ...}");
        return NULL;
    }
    const char *key;
    json_t *v;
    json_object_foreach(vals, key, v) {
        if (!has_key(d, key)) {
            char names[200] = "";
            for (const char *const *k = dev_keys(d); k != NULL && *k != NULL && strlen(names) + 24 < sizeof(names); k++) {
                strcat(names, names[0] ? ", " : "");
                strcat(names, *k);
            }
            snprintf(err, errlen, "%s (%s) has no value '%.40s'%s%s%s", dev_id(d), dev_type(d), key,
                names[0] ? " (it has: " : "", names, names[0] ? ")" : "");
            return NULL;
        }
        if (!json_is_number(v) || !isfinite(json_number_value(v)) || fabs(json_number_value(v)) > DEV_VALUE_MAX) {
            snprintf(err, errlen, "'%s' wants a number", key);
            return NULL;
        }
    }
    /* apply, keeping the old values so that a value the model refuses undoes the others */
    int64_t old[16];
    size_t n = 0;
    json_object_foreach(vals, key, v) {
        if (n == sizeof(old) / sizeof(old[0]) || dev_get(d, key, &old[n]) != 0 ||
            dev_set(d, key, (int64_t)llround(json_number_value(v) * 1000.0)) != 0) {
            snprintf(err, errlen, "%s: %g is out of the range of '%s'", dev_id(d), json_number_value(v), key);
            size_t i = 0;
            const char *k2;
            json_t *v2;
            json_object_foreach(vals, k2, v2) {
                if (i == n) {
                    break;
                }
                dev_set(d, k2, old[i++]);
            }
            return NULL;
        }
        n++;
    }
    return dev_json(d);
}

/* "offset" and "length" inside a memory of `size` bytes; length defaults to the rest (bounded). */
static bool arg_range(json_t *req, size_t size, bool want_length, size_t *off, size_t *len, char *err, size_t errlen) {
    uint64_t o = 0, l = 0;
    bool given_o, given_l;
    if (!ctl_arg_uint(req, "offset", size, &o, &given_o, err, errlen) ||
        (want_length && !ctl_arg_uint(req, "length", DEV_IO_MAX, &l, &given_l, err, errlen))) {
        return false;
    }
    if (want_length && !given_l) {
        l = size - o < DEV_IO_MAX ? size - o : DEV_IO_MAX;
    }
    if (want_length && l > size - o) {
        snprintf(err, errlen, "offset %llu + length %llu is past the end of the %zu-byte memory",
            (unsigned long long)o, (unsigned long long)l, size);
        return false;
    }
    *off = (size_t)o;
    *len = (size_t)l;
    return true;
}

static uint8_t *memory_of(dev_ref_t d, size_t *size, char *err, size_t errlen) {
    uint8_t *mem = dev_memory(d, size);
    if (mem == NULL || *size == 0) {
        snprintf(err, errlen, "%s (%s) has no memory to read or write", dev_id(d), dev_type(d));
    }
    return mem;
}

/* ---- hex and base64 ---- */

static const char b64_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static json_t *encode(const uint8_t *p, size_t n, bool b64) {
    size_t cap = b64 ? (n + 2) / 3 * 4 + 1 : 2 * n + 1;
    char *s = malloc(cap);
    if (s == NULL) {
        return NULL;
    }
    size_t k = 0;
    if (!b64) {
        for (size_t i = 0; i < n; i++) {
            k += (size_t)snprintf(s + k, cap - k, "%02x", p[i]);
        }
    } else {
        for (size_t i = 0; i < n; i += 3) {
            uint32_t w = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
            s[k++] = b64_chars[w >> 18 & 63];
            s[k++] = b64_chars[w >> 12 & 63];
            s[k++] = i + 1 < n ? b64_chars[w >> 6 & 63] : '=';
            s[k++] = i + 2 < n ? b64_chars[w & 63] : '=';
        }
    }
    json_t *j = json_stringn(s, k);
    free(s);
    return j;
}

static int hexval(char ch) {
    return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

/* Decodes text into out (cap bytes); the length, or -1 if malformed or longer than cap. */
static long decode(const char *s, size_t len, bool b64, uint8_t *out, size_t cap) {
    size_t n = 0;
    if (!b64) {
        if (len % 2 != 0 || len / 2 > cap) {
            return -1;
        }
        for (size_t i = 0; i < len; i += 2) {
            int hi = hexval(s[i]), lo = hexval(s[i + 1]);
            if (hi < 0 || lo < 0) {
                return -1;
            }
            out[n++] = (uint8_t)(hi << 4 | lo);
        }
        return (long)n;
    }
    if (len % 4 != 0) {
        return -1;
    }
    for (size_t i = 0; i < len; i += 4) {
        uint32_t w = 0;
        int pad = 0;
        for (int j = 0; j < 4; j++) {
            const char *at = s[i + j] ? strchr(b64_chars, s[i + j]) : NULL;
            if (s[i + j] == '=' && i + 4 == len && j >= 2) {
                pad++;
            } else if (at == NULL || pad > 0) {
                return -1;
            }
            w = w << 6 | (at != NULL ? (uint32_t)(at - b64_chars) : 0);
        }
        for (int j = 0; j < 3 - pad; j++) {
            if (n == cap) {
                return -1;
            }
            out[n++] = (uint8_t)(w >> (16 - 8 * j));
        }
    }
    return (long)n;
}

/* "encoding": "hex" (default) or "base64". */
static bool arg_encoding(json_t *req, bool *b64, char *err, size_t errlen) {
    json_t *e = json_object_get(req, "encoding");
    *b64 = false;
    if (e == NULL || (json_is_string(e) && strcmp(json_string_value(e), "hex") == 0)) {
        return true;
    }
    if (json_is_string(e) && strcmp(json_string_value(e), "base64") == 0) {
        *b64 = true;
        return true;
    }
    snprintf(err, errlen, "\"encoding\" is \"hex\" or \"base64\"");
    return false;
}

static json_t *cmd_device_read(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    dev_ref_t d;
    size_t size, off, len;
    bool b64;
    uint8_t *mem;
    if (!arg_device(req, &d, err, errlen) || (mem = memory_of(d, &size, err, errlen)) == NULL ||
        !arg_range(req, size, true, &off, &len, err, errlen) || !arg_encoding(req, &b64, err, errlen)) {
        return NULL;
    }
    json_t *data = encode(mem + off, len, b64);
    if (data == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    json_t *o = json_pack("{s:s, s:I, s:I, s:I}", "device", dev_id(d), "offset", (json_int_t)off, "length",
        (json_int_t)len, "size", (json_int_t)size);
    json_object_set_new(o, b64 ? "base64" : "hex", data);
    return o;
}

static json_t *cmd_device_write(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    dev_ref_t d;
    size_t size, off, unused;
    uint8_t *mem;
    if (!arg_device(req, &d, err, errlen) || (mem = memory_of(d, &size, err, errlen)) == NULL ||
        !arg_range(req, size, false, &off, &unused, err, errlen)) {
        return NULL;
    }
    json_t *hex = json_object_get(req, "hex"), *b64 = json_object_get(req, "base64");
    json_t *text = hex != NULL ? hex : b64;
    if ((hex == NULL) == (b64 == NULL) || !json_is_string(text)) {
        snprintf(err, errlen, "device.write wants the bytes as \"hex\" or as \"base64\" (a string)");
        return NULL;
    }
    uint8_t *buf = malloc(DEV_IO_MAX);
    if (buf == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    long n = decode(json_string_value(text), json_string_length(text), b64 != NULL, buf, DEV_IO_MAX);
    if (n < 0 || (size_t)n > size - off) {
        if (n < 0) {
            snprintf(err, errlen, "\"%s\" is not well-formed %s of at most %d bytes", hex ? "hex" : "base64",
                hex ? "hex" : "base64", DEV_IO_MAX);
        } else {
            snprintf(err, errlen, "offset %zu + %ld bytes is past the end of the %zu-byte memory", off, n, size);
        }
        free(buf);
        return NULL;
    }
    memcpy(mem + off, buf, (size_t)n);
    free(buf);
    dev_changed(d, off, (size_t)n);
    return json_pack("{s:s, s:I, s:I, s:I}", "device", dev_id(d), "offset", (json_int_t)off, "length", (json_int_t)n,
        "size", (json_int_t)size);
}

/* device.image: the SSD1306's panel as the eye sees it: "rows" of '0'/'1' (1 = lit), and the same
 * as a plain PBM ("pbm": "P1\n128 64\n" then the rows), which image viewers open. */
static json_t *cmd_device_image(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    dev_ref_t d;
    if (!arg_device(req, &d, err, errlen)) {
        return NULL;
    }
    if (d.i2c == NULL || d.i2c->ops != &i2c_ssd1306_ops) {
        snprintf(err, errlen, "%s (%s) is not a display (an ssd1306 is)", dev_id(d), dev_type(d));
        return NULL;
    }
    static uint8_t px[SSD1306_W * SSD1306_H];
    ssd1306_image(d.i2c, px);
    static char pbm[16 + SSD1306_H * (SSD1306_W + 1)];
    size_t k = (size_t)snprintf(pbm, sizeof(pbm), "P1\n%d %d\n", SSD1306_W, SSD1306_H);
    json_t *rows = json_array();
    for (int y = 0; y < SSD1306_H; y++) {
        char *row = pbm + k;
        for (int x = 0; x < SSD1306_W; x++) {
            pbm[k++] = (char)('0' + px[y * SSD1306_W + x]);
        }
        json_array_append_new(rows, json_stringn(row, SSD1306_W));
        pbm[k++] = '\n';
    }
    json_t *o = json_pack("{s:s, s:i, s:i}", "device", dev_id(d), "width", SSD1306_W, "height", SSD1306_H);
    json_object_set_new(o, "rows", rows);
    json_object_set_new(o, "pbm", json_stringn(pbm, k));
    return o;
}

/* adc: the channels as a conversion would see them now (their voltages are set with pin.drive). */
static json_t *cmd_adc(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    json_t *a = json_array();
    for (int ch = 0; ch < ADC_CHANNELS; ch++) {
        int p = adc_channel_pin(ch);
        json_array_append_new(a, json_pack("{s:i, s:s, s:b, s:f, s:i}", "channel", ch, "pin", pin_info[p].name,
            "enabled", adc_channel_enabled(ch), "volts", pin_voltage_mv(p) / 1000.0, "value", (int)adc_read(ch)));
    }
    json_t *o = ctl_with("channels", a);
    json_object_set_new(o, "enabled", json_boolean(adc_enabled()));
    json_object_set_new(o, "full_scale_volts", json_real(ADC_FULL_SCALE_MV / 1000.0));
    return o;
}

const ctl_command_t ctl_cmds_devices[] = {
    {"devices", cmd_devices},
    {"device", cmd_device},
    {"device.set", cmd_device_set},
    {"device.read", cmd_device_read},
    {"device.write", cmd_device_write},
    {"device.image", cmd_device_image},
    {"adc", cmd_adc},
    {NULL, NULL},
};
