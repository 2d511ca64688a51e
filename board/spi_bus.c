/* board/spi_bus.c: the SPI devices on the bus (board/spi_dev.h): a fixed table, each device with its
 * state block from calloc, selected by its CS pin's level, which a pin listener follows (registered
 * only while some device is attached, so pin writes cost nothing more without SPI devices). The
 * table is also seen as a generic bus (spi_bus_desc: board file keys, persistent memory).
 * Invariant: d->selected == (the CS net is low) after every pin change, and each flip was told to
 * the device through ops->select. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/pin.h"
#include "board/spi_dev.h"

static spi_dev_t devices[SPI_DEVICES_MAX];
static int n_devices;
static bool cs_pin[PIN_COUNT]; /* some device's CS */
static bus_persist_fn persist_fn;

static void follow_cs(spi_dev_t *d) {
    bool sel = pin_level(d->cs) == 0;
    if (sel != d->selected) {
        d->selected = sel;
        d->ops->select(d, sel);
    }
}

static void on_pin_level(void *ctx, int pin, int level, uint64_t t) {
    if (pin < 0 || pin >= PIN_COUNT || !cs_pin[pin]) {
        return;
    }
    for (int i = 0; i < n_devices; i++) {
        if (devices[i].cs == pin) {
            follow_cs(&devices[i]);
        }
    }
}

static const pin_listener_t cs_listener = {on_pin_level, NULL, NULL};

int spi_attach(const char *type, const char *id, int cs, char *err, size_t err_len) {
    const spi_dev_ops_t *ops = spi_dev_type(type);
    if (ops == NULL) {
        char names[160] = "";
        for (int i = 0; spi_dev_types[i] != NULL && strlen(names) + 24 < sizeof(names); i++) {
            strcat(names, i ? ", " : "");
            strcat(names, spi_dev_types[i]->type);
        }
        snprintf(err, err_len, "unknown SPI device type '%.40s' (known: %s)", type, names);
        return -1;
    }
    size_t idlen = strlen(id);
    if (idlen == 0 || idlen >= SPI_DEV_ID_MAX) {
        snprintf(err, err_len, "an SPI device id must have 1 to %d characters", SPI_DEV_ID_MAX - 1);
        return -1;
    }
    if (cs < 0 || cs >= PIN_COUNT) {
        snprintf(err, err_len, "an SPI device needs \"cs\": the pin that selects it, like \"GP17\"");
        return -1;
    }
    for (int i = 0; i < n_devices; i++) {
        if (strcmp(devices[i].id, id) == 0) {
            snprintf(err, err_len, "SPI device id '%s' is taken", id);
            return -1;
        }
        if (devices[i].cs == cs) {
            snprintf(err, err_len, "%s already selects SPI device '%s'", pin_info[cs].name, devices[i].id);
            return -1;
        }
    }
    if (n_devices == SPI_DEVICES_MAX) {
        snprintf(err, err_len, "more than %d SPI devices", SPI_DEVICES_MAX);
        return -1;
    }
    void *st = calloc(1, ops->state_size);
    if (st == NULL) {
        snprintf(err, err_len, "out of memory for SPI device '%s'", id);
        return -1;
    }
    if (!pin_listen(&cs_listener)) {
        free(st);
        snprintf(err, err_len, "no room for another pin listener");
        return -1;
    }
    spi_dev_t *d = &devices[n_devices++];
    memset(d, 0, sizeof(*d));
    d->ops = ops;
    memcpy(d->id, id, idlen + 1);
    d->cs = cs;
    d->st = st;
    ops->power_on(d);
    cs_pin[cs] = true;
    pin_ext_pull(cs, PIN_PULL_UP); /* the board's resistor: deselected until the firmware drives CS */
    follow_cs(d);
    return n_devices - 1;
}

void spi_detach_all(void) {
    for (int i = 0; i < n_devices; i++) {
        cs_pin[devices[i].cs] = false;
        pin_ext_pull(devices[i].cs, PIN_PULL_NONE);
        free(devices[i].st);
        devices[i].st = NULL;
    }
    n_devices = 0;
    pin_unlisten(&cs_listener);
}

int spi_device_count(void) { return n_devices; }
spi_dev_t *spi_device(int idx) { return idx >= 0 && idx < n_devices ? &devices[idx] : NULL; }

spi_dev_t *spi_find(const char *id) {
    for (int i = 0; i < n_devices; i++) {
        if (strcmp(devices[i].id, id) == 0) {
            return &devices[i];
        }
    }
    return NULL;
}

void spi_set_persist(bus_persist_fn fn) { persist_fn = fn; }

void spi_dev_changed(spi_dev_t *d, size_t off, size_t len) {
    if (persist_fn != NULL && d->ops->persistent && len > 0) {
        persist_fn(&spi_bus_desc, (int)(d - devices), off, len);
    }
}

/* ---- the devices as a generic bus (board/bus_dev.h) ---- */

_Static_assert(SPI_DEVICES_MAX <= BUS_DEVICES_MAX, "BUS_DEVICES_MAX bounds every bus");

static const char *bus_model(int i) { return spi_dev_types[i] != NULL ? spi_dev_types[i]->type : NULL; }
static const char *bus_id(int idx) { return devices[idx].id; }

static int bus_attach(const char *type, const char *id, const int *f, char *err, size_t err_len) {
    return spi_attach(type, id, f[0], err, err_len);
}

static uint8_t *bus_memory(int idx, size_t *len) {
    const spi_dev_ops_t *ops = devices[idx].ops;
    *len = 0;
    return ops->persistent && ops->memory != NULL ? ops->memory(&devices[idx], len) : NULL;
}

const bus_desc_t spi_bus_desc = {
    .name = "spi",
    .entry_hint = "a device is an object with a \"type\" and a \"cs\" pin",
    .models_hint = "a flash chip: ",
    .known_keys_only = true,
    .fields = {{"cs", BUS_FIELD_PIN, true, "\"cs\" must be the pin that selects the device, like \"GP17\""}},
    .model = bus_model,
    .attach = bus_attach,
    .detach_all = spi_detach_all,
    .count = spi_device_count,
    .id = bus_id,
    .memory = bus_memory,
    .set_persist = spi_set_persist,
};

static uint8_t reverse8(uint8_t b) {
    b = (uint8_t)((b & 0xf0) >> 4 | (b & 0x0f) << 4);
    b = (uint8_t)((b & 0xcc) >> 2 | (b & 0x33) << 2);
    return (uint8_t)((b & 0xaa) >> 1 | (b & 0x55) << 1);
}

bool spi_devices_exchange(uint8_t mosi, bool lsb_first, uint8_t *miso) {
    if (n_devices == 0) {
        return false;
    }
    if (lsb_first) {
        mosi = reverse8(mosi); /* the devices take bits MSB first: they see the byte mirrored */
    }
    bool any = false;
    uint8_t in = 0xff;
    for (int i = 0; i < n_devices; i++) {
        if (devices[i].selected) {
            in &= devices[i].ops->exchange(&devices[i], mosi);
            any = true;
        }
    }
    if (any) {
        *miso = lsb_first ? reverse8(in) : in;
    }
    return any;
}
