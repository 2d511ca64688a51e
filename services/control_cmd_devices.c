/* services/control_cmd_devices.c: the control interface's commands for the I2C and SPI device models (sensor values, EEPROM and flash contents, the display's image)
 * (docs/control-protocol.md). Each command checks all of its arguments before it touches the
 * board, so a refused request changes nothing. */
#include "services/control_cmd.h"

const ctl_command_t ctl_cmds_devices[] = {
    {NULL, NULL},
};
