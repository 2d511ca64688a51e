/* firmware/board_wlan.h: the board file's "networks" key (firmware/board_wlan.c). The board file
 * parser calls board_wlan_networks for that key; board_wlan_load_file reads a whole board file
 * for it alone (until the parser of the rest of the file exists). */
#ifndef FIRMWARE_BOARD_WLAN_H
#define FIRMWARE_BOARD_WLAN_H

#include <jansson.h>
#include <stddef.h>

/* 0, or -1 with a one-line message in err; on error nothing is declared. */
int board_wlan_networks(const json_t *networks, char *err, size_t errlen);
int board_wlan_load_file(const char *path, char *err, size_t errlen);

#endif
