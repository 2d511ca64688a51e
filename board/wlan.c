/* board/wlan.c: the simulated radio of board/wlan.h. One radio, one table of declared networks;
 * a STA connection is an index into that table. */
#include "board/wlan.h"

#include <string.h>

#include "board/power.h"

#define WLAN_LISTENERS_MAX 4
#define AP_IP 0xc0a80101u /* 192.168.1.1 */
#define MASK24 0xffffff00u

static struct {
    int mode, sec, channel, antenna;
    char ssid[WLAN_SSID_MAX + 1];
    char key[WLAN_KEY_MAX + 1];
    uint8_t mac[6];
    int connected; /* index of the network joined, -1 none */
    bool dhcp;
    wlan_ifconfig_t static_cfg;
    wlan_network_t nets[WLAN_NETWORKS_MAX];
    size_t n_nets;
    struct {
        wlan_listener_t fn;
        void *ctx;
    } listeners[WLAN_LISTENERS_MAX];
} wl = {
    /* power-on state, as wlan_reset_defaults() makes it for this MAC */
    .mode = WLAN_MODE_AP,
    .sec = WLAN_SEC_WPA2,
    .channel = 5,
    .antenna = WLAN_ANT_INT,
    .ssid = "wipy-wlan-2b3c",
    .key = "www.wipy.io",
    .connected = -1,
    .dhcp = true,
    .mac = {0xd0, 0x39, 0x72, 0x1a, 0x2b, 0x3c},
};

static void copy_str(char *dst, size_t cap, const char *src) {
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) {
        n = cap - 1;
    }
    memcpy(dst, src ? src : "", n);
    dst[n] = '\0';
}

static void tell_listeners(void) {
    for (int i = 0; i < WLAN_LISTENERS_MAX; i++) {
        if (wl.listeners[i].fn != NULL) {
            wl.listeners[i].fn(wl.listeners[i].ctx);
        }
    }
    power_wake_fire(POWER_REASON_WLAN); /* WLAN activity wakes a board asleep with wlan.irq(wake=SLEEP) */
}

void wlan_reset_defaults(void) {
    static const char hex[] = "0123456789abcdef";
    char ssid[16] = "wipy-wlan-";
    ssid[10] = hex[wl.mac[4] >> 4];
    ssid[11] = hex[wl.mac[4] & 15];
    ssid[12] = hex[wl.mac[5] >> 4];
    ssid[13] = hex[wl.mac[5] & 15];
    ssid[14] = '\0';
    wl.mode = WLAN_MODE_AP;
    copy_str(wl.ssid, sizeof(wl.ssid), ssid);
    wl.sec = WLAN_SEC_WPA2;
    copy_str(wl.key, sizeof(wl.key), "www.wipy.io");
    wl.channel = 5;
    wl.antenna = WLAN_ANT_INT;
    wl.connected = -1;
    wl.dhcp = true;
}

void wlan_mac(uint8_t mac[6]) { memcpy(mac, wl.mac, 6); }
void wlan_set_mac(const uint8_t mac[6]) { memcpy(wl.mac, mac, 6); }

int wlan_mode(void) { return wl.mode; }
void wlan_set_mode(int mode) {
    if (mode != wl.mode && wl.connected >= 0) {
        wl.connected = -1;
        tell_listeners();
    }
    wl.mode = mode;
}
const char *wlan_ssid(void) { return wl.mode == WLAN_MODE_STA && wl.connected >= 0 ? wl.nets[wl.connected].ssid : wl.ssid; }
void wlan_set_ssid(const char *ssid) { copy_str(wl.ssid, sizeof(wl.ssid), ssid); }
int wlan_sec(void) { return wl.sec; }
const char *wlan_key(void) { return wl.key; }
void wlan_set_auth(int sec, const char *key) {
    wl.sec = sec;
    copy_str(wl.key, sizeof(wl.key), key);
}
int wlan_channel(void) { return wl.channel; }
void wlan_set_channel(int ch) { wl.channel = ch; }
int wlan_antenna(void) { return wl.antenna; }
void wlan_set_antenna(int ant) { wl.antenna = ant; }

static int find_net(const char *ssid) {
    for (size_t i = 0; i < wl.n_nets; i++) {
        if (strcmp(wl.nets[i].ssid, ssid) == 0) {
            return (int)i;
        }
    }
    return -1;
}

bool wlan_declare(const wlan_network_t *n) {
    int i = find_net(n->ssid);
    if (i < 0) {
        if (wl.n_nets >= WLAN_NETWORKS_MAX) {
            return false;
        }
        i = (int)wl.n_nets++;
    }
    wl.nets[i] = *n;
    if (wl.nets[i].subnet == 0) {
        wl.nets[i].subnet = 0xc0a80000u | ((uint32_t)i << 8); /* 192.168.<i>.0/24 */
    }
    return true;
}

size_t wlan_network_count(void) { return wl.n_nets; }
const wlan_network_t *wlan_network(size_t i) { return i < wl.n_nets ? &wl.nets[i] : NULL; }

bool wlan_network_set_up(const char *ssid, bool up) {
    int i = find_net(ssid);
    if (i < 0) {
        return false;
    }
    wl.nets[i].up = up;
    if (!up && wl.connected == i) {
        wl.connected = -1;
        tell_listeners();
    } else {
        power_wake_fire(POWER_REASON_WLAN);
    }
    return true;
}

bool wlan_network_set_rssi(const char *ssid, int rssi) {
    int i = find_net(ssid);
    if (i < 0) {
        return false;
    }
    wl.nets[i].rssi = rssi;
    return true;
}

int wlan_connect(const char *ssid, int sec, const char *key, const uint8_t *bssid) {
    int i = find_net(ssid);
    if (wl.connected >= 0) {
        wl.connected = -1;
        tell_listeners();
    }
    if (i < 0 || !wl.nets[i].up || (bssid != NULL && memcmp(bssid, wl.nets[i].bssid, 6) != 0)) {
        return -2; /* ENOENT */
    }
    const wlan_network_t *n = &wl.nets[i];
    if (sec != n->sec || (n->sec != WLAN_SEC_OPEN && strcmp(key ? key : "", n->key) != 0)) {
        return -13; /* EACCES */
    }
    wl.connected = i;
    tell_listeners();
    return 0;
}

void wlan_disconnect(void) {
    if (wl.connected >= 0) {
        wl.connected = -1;
        tell_listeners();
    }
}

bool wlan_is_connected(void) { return wl.mode == WLAN_MODE_STA && wl.connected >= 0; }
const char *wlan_connected_ssid(void) { return wlan_is_connected() ? wl.nets[wl.connected].ssid : NULL; }

void wlan_ifconfig(wlan_ifconfig_t *out) {
    if (wl.mode == WLAN_MODE_AP) {
        *out = (wlan_ifconfig_t){AP_IP, MASK24, AP_IP, AP_IP};
        if (!wl.dhcp) {
            *out = wl.static_cfg;
        }
        return;
    }
    if (!wl.dhcp) {
        *out = wl.static_cfg;
        return;
    }
    if (wl.connected < 0) {
        *out = (wlan_ifconfig_t){0, 0, 0, 0};
        return;
    }
    uint32_t net = wl.nets[wl.connected].subnet & MASK24;
    /* the DHCP lease: .100 plus the last byte of the MAC's low bits, the router at .1 */
    *out = (wlan_ifconfig_t){net | (100u + (wl.mac[5] % 100u)), MASK24, net | 1u, net | 1u};
}

void wlan_set_static(const wlan_ifconfig_t *cfg) {
    wl.static_cfg = *cfg;
    wl.dhcp = false;
}

void wlan_set_dhcp(void) { wl.dhcp = true; }

bool wlan_add_listener(wlan_listener_t fn, void *ctx) {
    for (int i = 0; i < WLAN_LISTENERS_MAX; i++) {
        if (wl.listeners[i].fn == fn && wl.listeners[i].ctx == ctx) {
            return true;
        }
    }
    for (int i = 0; i < WLAN_LISTENERS_MAX; i++) {
        if (wl.listeners[i].fn == NULL) {
            wl.listeners[i].fn = fn;
            wl.listeners[i].ctx = ctx;
            return true;
        }
    }
    return false;
}

static bool wlan_is_local(uint32_t ip) {
    wlan_ifconfig_t c;
    wlan_ifconfig(&c);
    if (ip == 0 || c.ip == 0) {
        return false;
    }
    return (ip & c.mask) == (c.ip & c.mask);
}

uint32_t wlan_host_bind_addr(uint32_t board_ip) { return wlan_is_local(board_ip) ? WLAN_LOOPBACK : board_ip; }

uint32_t wlan_host_dest_addr(uint32_t board_ip) { return wlan_is_local(board_ip) ? WLAN_LOOPBACK : board_ip; }
