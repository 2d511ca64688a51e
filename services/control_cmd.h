/* services/control_cmd.h: what the control interface's command files share: the shape of a
 * command, the argument helpers (each returns false with a message in err and changes nothing),
 * and one table of commands per area of the board. A table ends with {NULL, NULL}; a name appears
 * in one table only. */
#ifndef SERVICES_CONTROL_CMD_H
#define SERVICES_CONTROL_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "services/control.h"

typedef json_t *(*cmd_fn_t)(ctl_client_t *c, json_t *req, char *err, size_t errlen);
typedef struct {
    const char *name;
    cmd_fn_t fn;
} ctl_command_t;

/* req[key] names a pin ("GP10"); its index in *pin. */
bool ctl_arg_pin(json_t *req, const char *key, int *pin, char *err, size_t errlen);
/* A level: 0/1, true/false, "high"/"low", "1"/"0". */
bool ctl_arg_level(json_t *v, int *level, char *err, size_t errlen);
/* An optional integer 0..max; *given says whether it was there. */
bool ctl_arg_uint(json_t *req, const char *key, uint64_t max, uint64_t *out, bool *given, char *err, size_t errlen);
/* Bytes given as "data" (a string of code points 0..255, one per byte) or "hex"; at most max. */
bool ctl_arg_bytes(json_t *req, uint8_t *out, size_t max, size_t *len, char *err, size_t errlen);
/* Bytes as a string of code points 0..255 (decode as latin-1). */
json_t *ctl_latin1(const uint8_t *data, size_t len);
/* A new object {key: v}, taking the reference to v. */
json_t *ctl_with(const char *key, json_t *v);

extern const ctl_command_t ctl_cmds_devices[]; /* control_cmd_devices.c: I2C/SPI device models */
extern const ctl_command_t ctl_cmds_uart[];    /* control_cmd_uart.c: the UARTs' lines */
extern const ctl_command_t ctl_cmds_sd[];      /* control_cmd_sd.c: the SD card slot */

/* control_cmd_uart.c: the host side of a UART (firmware/board_uart_host.c sets it; NULL: none),
 * and the UARTs' state as the `uart` command and `info` show it. */
struct slink;
void ctl_uart_set_link(int id, const struct slink *link);
json_t *ctl_uart_state(int id);

#endif
