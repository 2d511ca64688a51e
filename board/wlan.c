/* board/wlan.c: the simulated radio of board/wlan.h. */
#include "board/wlan.h"

static struct {
    uint32_t ip, mask; /* the interface's reported address and netmask */
} wlan = {0xc0a80101u, 0xffffff00u}; /* AP mode's 192.168.1.1/24 */

static bool wlan_is_local(uint32_t ip) { return ip != 0 && (ip & wlan.mask) == (wlan.ip & wlan.mask); }

uint32_t wlan_host_bind_addr(uint32_t board_ip) { return wlan_is_local(board_ip) ? WLAN_LOOPBACK : board_ip; }

uint32_t wlan_host_dest_addr(uint32_t board_ip) { return wlan_is_local(board_ip) ? WLAN_LOOPBACK : board_ip; }
