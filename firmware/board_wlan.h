/* firmware/board_wlan.h: the board file's "wlan" section (firmware/board_wlan.c): the networks of
 * the simulated radio. */
#ifndef FIRMWARE_BOARD_WLAN_H
#define FIRMWARE_BOARD_WLAN_H

#include <jansson.h>
#include <stddef.h>

/* 0, or -1 with a one-line message in err; on error nothing is declared. */
int board_wlan_networks(const json_t *networks, char *err, size_t errlen);
/* After boardfile_apply: declares the "wlan" section's networks; 0, or 2 with one line on stderr. */
int board_wlan_apply(const char *path);

#endif
