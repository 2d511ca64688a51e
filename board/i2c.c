/* board/i2c.c: the I2C bus and controller of board/i2c.h. Devices live in a fixed table, each with
 * its state block from calloc; the controller addresses them byte by byte through their ops. The
 * table is also seen as a generic bus (i2c_bus_desc: board file keys, persistent memory).
 * Invariant: `active` is the device in the open transaction (or NULL), and it has seen a start. */
#include "board/i2c.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/i2c_wave.h"
#include "board/pin.h"

static i2c_dev_t devices[I2C_DEVICES_MAX];
static int n_devices;

static struct {
    bool enabled;
    uint32_t freq;
    int scl, sda;
    i2c_dev_t *active; /* in a transaction (no STOP yet) */
    bool open;         /* the bus is held (START sent, no STOP), even if nobody answered */
} ctrl = {false, 100000, -1, -1, NULL, false};

static i2c_observer_fn_t observer;
static void *observer_ctx;

void i2c_observe(i2c_observer_fn_t fn, void *ctx) {
    observer = fn;
    observer_ctx = ctx;
}

static void notify(i2c_event_t ev, uint8_t byte, bool ack) {
    i2c_wave_event(ctrl.freq, ctrl.scl, ctrl.sda, ev, byte, ack); /* the bus's time and its trace */
    if (observer != NULL) {
        observer(observer_ctx, ev, byte, ack);
    }
}

/* ---- devices ---- */

int i2c_attach(const char *type, const char *id, int addr, int scl, int sda, char *err, size_t err_len) {
    const i2c_dev_ops_t *ops = i2c_dev_type(type);
    if (ops == NULL) {
        snprintf(err, err_len, "unknown I2C device type '%s'", type);
        return -1;
    }
    if (addr < 0) {
        addr = ops->default_addr;
    }
    if (addr < 0x08 || addr > 0x77) {
        snprintf(err, err_len, "I2C address 0x%x is outside 0x08..0x77", (unsigned)addr);
        return -1;
    }
    size_t idlen = strlen(id);
    if (idlen == 0 || idlen >= I2C_DEV_ID_MAX) {
        snprintf(err, err_len, "an I2C device id must have 1 to %d characters", I2C_DEV_ID_MAX - 1);
        return -1;
    }
    for (int i = 0; i < n_devices; i++) {
        if (devices[i].addr == addr) {
            snprintf(err, err_len, "I2C address 0x%02x is taken by '%s'", (unsigned)addr, devices[i].id);
            return -1;
        }
        if (strcmp(devices[i].id, id) == 0) {
            snprintf(err, err_len, "I2C device id '%s' is taken", id);
            return -1;
        }
    }
    if (n_devices == I2C_DEVICES_MAX) {
        snprintf(err, err_len, "more than %d I2C devices", I2C_DEVICES_MAX);
        return -1;
    }
    void *st = calloc(1, ops->state_size);
    if (st == NULL) {
        snprintf(err, err_len, "out of memory for I2C device '%s'", id);
        return -1;
    }
    i2c_dev_t *d = &devices[n_devices];
    memset(d, 0, sizeof(*d));
    d->ops = ops;
    memcpy(d->id, id, idlen + 1);
    d->addr = (uint8_t)addr;
    d->scl = scl;
    d->sda = sda;
    d->st = st;
    ops->power_on(d);
    return n_devices++;
}

void i2c_detach_all(void) {
    ctrl.active = NULL;
    ctrl.open = false;
    for (int i = 0; i < n_devices; i++) {
        free(devices[i].st);
        devices[i].st = NULL;
    }
    n_devices = 0;
}

int i2c_device_count(void) { return n_devices; }
i2c_dev_t *i2c_device(int idx) { return idx >= 0 && idx < n_devices ? &devices[idx] : NULL; }

i2c_dev_t *i2c_find(const char *id) {
    for (int i = 0; i < n_devices; i++) {
        if (strcmp(devices[i].id, id) == 0) {
            return &devices[i];
        }
    }
    return NULL;
}

static bus_persist_fn persist_fn;

void i2c_set_persist(bus_persist_fn fn) { persist_fn = fn; }

void i2c_dev_changed(i2c_dev_t *d) {
    d->dirty = true;
    if (persist_fn != NULL) {
        d->dirty = false; /* handed over */
        size_t len = 0;
        if (d->ops->memory != NULL) {
            d->ops->memory(d, &len);
        }
        persist_fn(&i2c_bus_desc, (int)(d - devices), 0, len);
    }
}

bool i2c_dev_take_dirty(i2c_dev_t *d) {
    bool was = d->dirty;
    d->dirty = false;
    return was;
}

/* ---- the devices as a generic bus (board/bus_dev.h) ---- */

_Static_assert(I2C_DEVICES_MAX <= BUS_DEVICES_MAX, "BUS_DEVICES_MAX bounds every bus");

static const char *bus_model(int i) { return i2c_dev_types[i] != NULL ? i2c_dev_types[i]->type : NULL; }
static const char *bus_id(int idx) { return devices[idx].id; }

static int bus_attach(const char *type, const char *id, const int *f, char *err, size_t err_len) {
    return i2c_attach(type, id, f[0], f[1], f[2], err, err_len);
}

static uint8_t *bus_memory(int idx, size_t *len) {
    const i2c_dev_ops_t *ops = devices[idx].ops;
    *len = 0;
    return ops->persistent && ops->memory != NULL ? ops->memory(&devices[idx], len) : NULL;
}

const bus_desc_t i2c_bus_desc = {
    .name = "i2c",
    .entry_hint = "a device is an object with a \"type\"",
    .models_hint = "one of ",
    .known_keys_only = false,
    .fields = {{"address", BUS_FIELD_ADDR7, false, "\"address\" must be a 7-bit number like 104 or \"0x68\""},
        {"scl", BUS_FIELD_PIN, false, "\"scl\" must be a pin name like \"GP10\""},
        {"sda", BUS_FIELD_PIN, false, "\"sda\" must be a pin name like \"GP10\""}},
    .model = bus_model,
    .attach = bus_attach,
    .detach_all = i2c_detach_all,
    .count = i2c_device_count,
    .id = bus_id,
    .memory = bus_memory,
    .set_persist = i2c_set_persist,
};

/* ---- the controller ---- */

int i2c_pin_alt(int pin, bool scl) {
    if (pin < 0 || pin >= PIN_COUNT) {
        return -1;
    }
    const char *want = scl ? "I2C0_SCL" : "I2C0_SDA";
    const pin_info_t *pi = &pin_info[pin];
    for (int i = 0; i < pi->n_alt; i++) {
        if (strcmp(pi->alt[i].fn, want) == 0) {
            return pi->alt[i].index;
        }
    }
    return -1;
}

static void release_pin(int pin) {
    if (pin >= 0) {
        pin_config_t c = {PIN_MODE_IN, PIN_PULL_NONE, PIN_DRIVE_MED, -1};
        pin_configure(pin, &c);
    }
}

static void claim_pin(int pin, bool scl) {
    pin_config_t c = {PIN_MODE_ALT_OPEN_DRAIN, PIN_PULL_UP, PIN_DRIVE_MED, (int8_t)i2c_pin_alt(pin, scl)};
    pin_configure(pin, &c);
    pin_alt_drive(pin, 1); /* released: the bus idles high */
}

void i2c_ctrl_init(uint32_t freq, int scl, int sda) {
    i2c_stop();
    if (ctrl.enabled && ctrl.scl != scl) {
        release_pin(ctrl.scl);
    }
    if (ctrl.enabled && ctrl.sda != sda) {
        release_pin(ctrl.sda);
    }
    ctrl.freq = freq < I2C_FREQ_MIN ? I2C_FREQ_MIN : freq > I2C_FREQ_MAX ? I2C_FREQ_MAX : freq;
    ctrl.scl = scl;
    ctrl.sda = sda;
    ctrl.enabled = true;
    claim_pin(scl, true);
    claim_pin(sda, false);
}

void i2c_ctrl_deinit(void) {
    if (!ctrl.enabled) {
        return;
    }
    i2c_stop();
    release_pin(ctrl.scl);
    release_pin(ctrl.sda);
    ctrl.enabled = false;
}

bool i2c_ctrl_enabled(void) { return ctrl.enabled; }
uint32_t i2c_ctrl_freq(void) { return ctrl.freq; }
int i2c_ctrl_scl(void) { return ctrl.scl; }
int i2c_ctrl_sda(void) { return ctrl.sda; }

/* The device that hears `addr` on the controller's pins. */
static i2c_dev_t *addressed(uint8_t addr) {
    for (int i = 0; i < n_devices; i++) {
        i2c_dev_t *d = &devices[i];
        if (d->addr != addr) {
            continue;
        }
        if ((d->scl >= 0 && !pin_same_net(d->scl, ctrl.scl)) || (d->sda >= 0 && !pin_same_net(d->sda, ctrl.sda))) {
            return NULL;
        }
        return d;
    }
    return NULL;
}

/* A device's transaction ends: its STOP, then its memory saved if the transaction changed it. */
static void end_of(i2c_dev_t *d) {
    d->ops->stop(d);
    if (d->dirty && d->ops->persistent) {
        i2c_dev_changed(d);
    }
}

void i2c_stop(void) {
    if (ctrl.active != NULL) {
        i2c_dev_t *d = ctrl.active;
        ctrl.active = NULL;
        end_of(d);
    }
    if (ctrl.open) {
        ctrl.open = false;
        notify(I2C_EV_STOP, 0, false);
    }
}

/* START/repeated START and the address byte; the addressed device or NULL (then STOP). */
static i2c_dev_t *begin(uint8_t addr, bool read) {
    notify(ctrl.open ? I2C_EV_RESTART : I2C_EV_START, 0, false);
    ctrl.open = true;
    i2c_dev_t *d = addressed(addr);
    if (ctrl.active != NULL && ctrl.active != d) {
        i2c_dev_t *old = ctrl.active;
        ctrl.active = NULL;
        end_of(old);
    }
    bool ack = d != NULL && d->ops->start(d, read);
    notify(I2C_EV_BYTE, (uint8_t)(addr << 1 | (read ? 1 : 0)), ack);
    if (!ack) {
        ctrl.active = NULL;
        i2c_stop();
        return NULL;
    }
    ctrl.active = d;
    return d;
}

/* Data bytes to the addressed device until one is NACKed; how many were ACKed. */
static size_t send(i2c_dev_t *d, const uint8_t *data, size_t len) {
    size_t n = 0;
    while (n < len) {
        bool ack = d->ops->write(d, data[n]);
        notify(I2C_EV_BYTE, data[n], ack);
        if (!ack) {
            break;
        }
        n++;
    }
    return n;
}

int i2c_write(uint8_t addr, const uint8_t *data, size_t len, bool stop) {
    i2c_dev_t *d = begin(addr, false);
    if (d == NULL) {
        return -1;
    }
    size_t n = send(d, data, len);
    if (stop || n < len) {
        i2c_stop();
    }
    return (int)n;
}

int i2c_write_mem(uint8_t addr, const uint8_t *mem, size_t mem_len, const uint8_t *data, size_t len) {
    int m = i2c_write(addr, mem, mem_len, false);
    if (m != (int)mem_len) {
        i2c_stop();
        return -1;
    }
    size_t n = send(ctrl.active, data, len);
    i2c_stop();
    return (int)n;
}

int i2c_read(uint8_t addr, uint8_t *buf, size_t len, bool stop) {
    i2c_dev_t *d = begin(addr, true);
    if (d == NULL) {
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        buf[i] = d->ops->read(d);
        notify(I2C_EV_BYTE, buf[i], i + 1 < len); /* the controller NACKs the last byte */
    }
    if (stop) {
        i2c_stop();
    }
    return (int)len;
}

bool i2c_probe(uint8_t addr) { return i2c_write(addr, NULL, 0, true) >= 0; }
