/* board/bus_dev.h: a bus of device models (I2C, SPI) as data for the code that serves every bus the
 * same way: the board file's section that declares its devices (board/bus_boardfile.c) and the
 * devices' persistent memory in the state directory (firmware/board_bus_devices.c). Each bus file
 * (board/i2c.c, board/spi_bus.c) defines its descriptor. Invariant: a descriptor's accessors see
 * the bus's devices by index 0..count()-1, in the order they were attached. */
#ifndef BOARD_BUS_DEV_H
#define BOARD_BUS_DEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BUS_DEVICES_MAX 16  /* devices on any one bus, at most */
#define BUS_FIELDS_MAX 3    /* a bus's own keys in a device entry */

typedef struct bus_desc bus_desc_t;

/* Persistent memory of device idx changed in [off, off+len). */
typedef void (*bus_persist_fn)(const bus_desc_t *bus, int idx, size_t off, size_t len);

/* A key of a device entry that only this bus has; its value is given to attach as an int. */
typedef enum {
    BUS_FIELD_PIN,   /* a pin name like "GP10": its index; -1 when absent */
    BUS_FIELD_ADDR7, /* a 7-bit number, or a string strtol reads ("0x68"); -1 when absent */
} bus_field_kind_t;

typedef struct {
    const char *key; /* NULL ends the list */
    bus_field_kind_t kind;
    bool required;
    const char *bad; /* the message when it is malformed (or missing, if required) */
} bus_field_t;

struct bus_desc {
    const char *name;         /* "i2c": the board file's section and the state files' prefix */
    const char *entry_hint;   /* what a device entry is ("a device is an object with a \"type\"") */
    const char *models_hint;  /* before the type names when "type" is missing ("one of ") */
    bool known_keys_only;     /* keys other than type, id and the fields are refused */
    bus_field_t fields[BUS_FIELDS_MAX + 1]; /* a zeroed entry (key NULL) after the last */
    const char *(*model)(int i); /* the i-th device type's name, NULL past the last */
    /* One device (field values in the order of `fields`): its index, or -1 with a message. */
    int (*attach)(const char *type, const char *id, const int *fields, char *err, size_t err_len);
    void (*detach_all)(void);
    int (*count)(void);
    const char *(*id)(int idx);
    uint8_t *(*memory)(int idx, size_t *len); /* its persistent memory, NULL if it has none */
    void (*set_persist)(bus_persist_fn fn);   /* NULL: nobody is told */
};

extern const bus_desc_t i2c_bus_desc, spi_bus_desc;

#endif
