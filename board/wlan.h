/* board/wlan.h: the simulated radio of the WiPy (spec §7) as plain C: its mode (AP or STA), its
 * settings, its interface addresses, and the networks the board file declares (ssid, security,
 * key, channel, signal), which the outside can take up and down and whose signal it can change.
 * The traffic itself is the host's: the simulated network's addresses stand for the host's
 * loopback. A connect or disconnect tells the listeners (the socket module closes the user's
 * sockets, the servers close their sessions, as on the board).
 * Invariant: the reported addresses (ifconfig) never reach the host; sockets go through
 * wlan_host_bind_addr / wlan_host_dest_addr. */
#ifndef BOARD_WLAN_H
#define BOARD_WLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WLAN_LOOPBACK 0x7f000001u /* 127.0.0.1 */

#define WLAN_MODE_STA 0
#define WLAN_MODE_AP 2
#define WLAN_SEC_OPEN 0
#define WLAN_SEC_WEP 1
#define WLAN_SEC_WPA2 2
#define WLAN_ANT_INT 0
#define WLAN_ANT_EXT 1
#define WLAN_SSID_MAX 32
#define WLAN_KEY_MAX 64
#define WLAN_NETWORKS_MAX 16

typedef struct {
    char ssid[WLAN_SSID_MAX + 1];
    uint8_t bssid[6];
    int sec;                  /* WLAN_SEC_* */
    char key[WLAN_KEY_MAX + 1];
    int channel;              /* 1..11 */
    int rssi;                 /* dBm, e.g. -60 */
    bool up;                  /* in range and on the air */
    uint32_t subnet;          /* its DHCP network, e.g. 192.168.0.0/24 */
} wlan_network_t;

typedef struct {
    uint32_t ip, mask, gw, dns;
} wlan_ifconfig_t;

/* Power-on / hard reset: AP mode, ssid wipy-wlan-XXXX (the MAC's last two bytes), WPA2 key
 * www.wipy.io, channel 5, internal antenna, 192.168.1.1/24. The declared networks stay. */
void wlan_reset_defaults(void);
void wlan_mac(uint8_t mac[6]);
void wlan_set_mac(const uint8_t mac[6]);

/* Settings (mode, ssid, security, key, channel, antenna); the setters check nothing beyond
 * lengths (the binding validates values). Switching mode drops a STA connection. */
int wlan_mode(void);
void wlan_set_mode(int mode);
const char *wlan_ssid(void);
void wlan_set_ssid(const char *ssid);
int wlan_sec(void);
const char *wlan_key(void);
void wlan_set_auth(int sec, const char *key);
int wlan_channel(void);
void wlan_set_channel(int ch);
int wlan_antenna(void);
void wlan_set_antenna(int ant);

/* The networks (the board file declares them; the outside changes them). Declaring an ssid that
 * exists replaces it. Returns false when the table is full / the ssid is unknown. */
bool wlan_declare(const wlan_network_t *n);
size_t wlan_network_count(void);
const wlan_network_t *wlan_network(size_t i);
bool wlan_network_set_up(const char *ssid, bool up);   /* a network going down drops its clients */
bool wlan_network_set_rssi(const char *ssid, int rssi);

/* STA: joining. 0 connected; -ENOENT no such network in range; -EACCES wrong security or key
 * (a radio would only time out on both: the binding waits out the timeout first). */
int wlan_connect(const char *ssid, int sec, const char *key, const uint8_t *bssid);
void wlan_disconnect(void);
bool wlan_is_connected(void);
const char *wlan_connected_ssid(void);

/* Addresses: DHCP (the network's, or AP's fixed one) or static. */
void wlan_ifconfig(wlan_ifconfig_t *out);
void wlan_set_static(const wlan_ifconfig_t *cfg);
void wlan_set_dhcp(void);

/* Listeners of connect/disconnect (closing sockets and sessions); at most a few. */
typedef void (*wlan_listener_t)(void *ctx);
bool wlan_add_listener(wlan_listener_t fn, void *ctx);

/* The host address a user socket binds to for a board address (0.0.0.0 stays 0.0.0.0, the board's
 * own reported address is the loopback), and the host address that reaches a board address (the
 * simulated network's addresses are the loopback; the rest of the world is itself). */
uint32_t wlan_host_bind_addr(uint32_t board_ip);
uint32_t wlan_host_dest_addr(uint32_t board_ip);

#endif
