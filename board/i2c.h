/* board/i2c.h: the board's I2C bus and its one controller (I2C0, spec §5 I2C): the devices on the
 * bus (board/i2c_dev.h), attached by the board file or a test, and the controller's transfers
 * (START, address, data bytes with ACK/NACK, repeated START, STOP) as the firmware asks for them.
 * Invariant: at most one device is in a transaction; a STOP or a START for another address ends it. */
#ifndef BOARD_I2C_H
#define BOARD_I2C_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bus_dev.h"
#include "board/i2c_dev.h"

#define I2C_DEVICES_MAX 16
#define I2C_FREQ_MIN 50000u
#define I2C_FREQ_MAX 400000u

/* ---- devices ---- */
/* Adds a device of `type` at `addr` (7-bit) with a unique id; scl/sda -1 or the pins it is wired to.
 * Returns its index, or -1 with a message in err (unknown type, address taken, full, bad id). */
int i2c_attach(const char *type, const char *id, int addr, int scl, int sda, char *err, size_t err_len);
void i2c_detach_all(void);
int i2c_device_count(void);
i2c_dev_t *i2c_device(int idx);
i2c_dev_t *i2c_find(const char *id); /* NULL if none */
/* Persistent memory written since the last call (the firmware saves it through host/). */
bool i2c_dev_take_dirty(i2c_dev_t *d);
/* Called when a transfer (or the outside) has changed a device's persistent memory (NULL: none),
 * with all of the memory as the range; i2c_bus_desc (board/bus_dev.h) is the bus as data. */
void i2c_set_persist(bus_persist_fn fn);
void i2c_dev_changed(i2c_dev_t *d); /* marks it dirty and tells the persist callback */

/* ---- the controller ---- */
void i2c_ctrl_init(uint32_t freq, int scl, int sda); /* freq clamped to 50..400 kHz; pins in ALT mode */
void i2c_ctrl_deinit(void);                           /* the pins back to inputs */
bool i2c_ctrl_enabled(void);
uint32_t i2c_ctrl_freq(void);
int i2c_ctrl_scl(void);
int i2c_ctrl_sda(void);
/* The alt index of the pin's I2C function of this role ("I2C0_SCL"/"I2C0_SDA"), or -1. */
int i2c_pin_alt(int pin, bool scl);

/* Transfers: START (repeated if a transaction is open) + address; then the bytes. Each returns the
 * number of data bytes the device ACKed / sent, or -1 when nobody ACKs the address (the bus is
 * released with a STOP). A write stops early at a NACKed byte. `stop` false keeps the bus for a
 * repeated START. Every condition and byte takes its bus time at freq on the board's clock and is
 * drawn in a running trace (board/i2c_wave.h). */
int i2c_write(uint8_t addr, const uint8_t *data, size_t len, bool stop);
int i2c_read(uint8_t addr, uint8_t *buf, size_t len, bool stop);
/* One write of a memory address then data (writeto_mem): the data bytes ACKed, or -1 when the
 * address or memory address is not ACKed. Always ends with a STOP. */
int i2c_write_mem(uint8_t addr, const uint8_t *mem, size_t mem_len, const uint8_t *data, size_t len);
void i2c_stop(void);
bool i2c_probe(uint8_t addr); /* an address-only write: does someone ACK? */

/* Bit-level observers (the trace): told of every condition and byte on the bus, in order. */
typedef enum { I2C_EV_START, I2C_EV_RESTART, I2C_EV_STOP, I2C_EV_BYTE } i2c_event_t;
typedef void (*i2c_observer_fn_t)(void *ctx, i2c_event_t ev, uint8_t byte, bool ack);
void i2c_observe(i2c_observer_fn_t fn, void *ctx); /* one observer; NULL removes it */

#endif
