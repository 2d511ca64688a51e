/* board/wlan.h: the simulated radio of the WiPy (spec §7) as plain C: its mode (AP or STA), its
 * interface addresses, and the networks the board file declares. The traffic itself is the host's:
 * the simulated network's addresses stand for the host's loopback.
 * Invariant: the reported addresses (ifconfig) never reach the host; sockets go through
 * wlan_host_bind_addr / wlan_host_dest_addr. */
#ifndef BOARD_WLAN_H
#define BOARD_WLAN_H

#include <stdbool.h>
#include <stdint.h>

#define WLAN_LOOPBACK 0x7f000001u /* 127.0.0.1 */

/* The host address a user socket binds to for a board address (0.0.0.0 stays 0.0.0.0, the board's
 * own reported address is the loopback), and the host address that reaches a board address (the
 * simulated network's addresses are the loopback; the rest of the world is itself). */
uint32_t wlan_host_bind_addr(uint32_t board_ip);
uint32_t wlan_host_dest_addr(uint32_t board_ip);

#endif
