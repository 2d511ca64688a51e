/* firmware/board_wlan.c: the "wlan" section of the board file (--board FILE, JSON; board/boardfile.c
 * keeps it): {"networks": [...]}, the simulated WLAN networks the radio can scan and join
 * (board/wlan.h). Each entry is an object
 *   {"ssid": "home", "auth": "WPA2"|"WPA"|"WEP"|"OPEN", "key": "...", "rssi": -60, "channel": 6,
 *    "bssid": "aa:bb:cc:dd:ee:ff", "up": true}
 * (ssid required; auth defaults to WPA2 when a key is given, else OPEN). A bad entry is refused
 * with a message naming the entry and the field; nothing is declared then. */
#include "firmware/board_wlan.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/boardfile.h"
#include "board/wlan.h"

static bool parse_bssid(const char *s, uint8_t out[6]) {
    unsigned b[6];
    char tail;
    if (sscanf(s, "%x:%x:%x:%x:%x:%x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &tail) != 6) {
        return false;
    }
    for (int i = 0; i < 6; i++) {
        if (b[i] > 255) {
            return false;
        }
        out[i] = (uint8_t)b[i];
    }
    return true;
}

int board_wlan_networks(const json_t *nets, char *err, size_t errlen) {
    if (!json_is_array(nets)) {
        snprintf(err, errlen, "\"networks\" must be an array of objects");
        return -1;
    }
    if (json_array_size(nets) > WLAN_NETWORKS_MAX) {
        snprintf(err, errlen, "\"networks\": at most %d networks", WLAN_NETWORKS_MAX);
        return -1;
    }
    wlan_network_t parsed[WLAN_NETWORKS_MAX];
    size_t n = json_array_size(nets);
    for (size_t i = 0; i < n; i++) {
        const json_t *e = json_array_get(nets, i);
        wlan_network_t *w = &parsed[i];
        memset(w, 0, sizeof(*w));
        const char *ssid = json_string_value(json_object_get(e, "ssid"));
        if (!json_is_object(e) || ssid == NULL || ssid[0] == '\0' || strlen(ssid) > WLAN_SSID_MAX) {
            snprintf(err, errlen, "networks[%zu]: \"ssid\" must be a string of 1 to %d characters", i, WLAN_SSID_MAX);
            return -1;
        }
        strcpy(w->ssid, ssid);
        const json_t *key = json_object_get(e, "key");
        if (key != NULL && (!json_is_string(key) || strlen(json_string_value(key)) > WLAN_KEY_MAX)) {
            snprintf(err, errlen, "networks[%zu] (%s): \"key\" must be a string of at most %d characters", i, ssid,
                WLAN_KEY_MAX);
            return -1;
        }
        if (key != NULL) {
            strcpy(w->key, json_string_value(key));
        }
        const json_t *auth = json_object_get(e, "auth");
        const char *a = auth != NULL ? json_string_value(auth) : (key != NULL ? "WPA2" : "OPEN");
        if (a == NULL) {
            a = "";
        }
        if (strcmp(a, "WPA2") == 0 || strcmp(a, "WPA") == 0) {
            w->sec = WLAN_SEC_WPA2;
        } else if (strcmp(a, "WEP") == 0) {
            w->sec = WLAN_SEC_WEP;
        } else if (strcmp(a, "OPEN") == 0) {
            w->sec = WLAN_SEC_OPEN;
        } else {
            snprintf(err, errlen, "networks[%zu] (%s): \"auth\" must be \"WPA2\", \"WPA\", \"WEP\" or \"OPEN\"", i, ssid);
            return -1;
        }
        const json_t *rssi = json_object_get(e, "rssi");
        w->rssi = rssi != NULL ? (int)json_integer_value(rssi) : -60;
        if ((rssi != NULL && !json_is_integer(rssi)) || w->rssi > 0 || w->rssi < -127) {
            snprintf(err, errlen, "networks[%zu] (%s): \"rssi\" must be an integer in dBm, -127..0", i, ssid);
            return -1;
        }
        const json_t *ch = json_object_get(e, "channel");
        w->channel = ch != NULL ? (int)json_integer_value(ch) : 1;
        if ((ch != NULL && !json_is_integer(ch)) || w->channel < 1 || w->channel > 11) {
            snprintf(err, errlen, "networks[%zu] (%s): \"channel\" must be an integer 1..11", i, ssid);
            return -1;
        }
        const json_t *bssid = json_object_get(e, "bssid");
        if (bssid != NULL) {
            if (!json_is_string(bssid) || !parse_bssid(json_string_value(bssid), w->bssid)) {
                snprintf(err, errlen, "networks[%zu] (%s): \"bssid\" must look like \"aa:bb:cc:dd:ee:ff\"", i, ssid);
                return -1;
            }
        } else {
            /* a stable made-up address per network */
            uint8_t h = 0;
            for (const char *p = ssid; *p; p++) {
                h = (uint8_t)(h * 31 + (uint8_t)*p);
            }
            const uint8_t made[6] = {0x02, 0x57, 0x49, 0x50, (uint8_t)i, h};
            memcpy(w->bssid, made, 6);
        }
        const json_t *up = json_object_get(e, "up");
        if (up != NULL && !json_is_boolean(up)) {
            snprintf(err, errlen, "networks[%zu] (%s): \"up\" must be true or false", i, ssid);
            return -1;
        }
        w->up = up == NULL || json_is_true(up);
    }
    for (size_t i = 0; i < n; i++) {
        wlan_declare(&parsed[i]);
    }
    return 0;
}

int board_wlan_apply(const char *path) {
    const char *text = boardfile_section("wlan");
    if (text == NULL) {
        return 0;
    }
    json_error_t je;
    json_t *sec = json_loads(text, JSON_DECODE_ANY, &je);
    if (sec == NULL) {
        fprintf(stderr, "wipy: %s: wlan: %s\n", path, je.text);
        return 2;
    }
    /* "wlan": {"networks": [...]} (or the list itself) */
    const json_t *nets = json_is_object(sec) ? json_object_get(sec, "networks") : sec;
    char err[256];
    int r = 0;
    if (json_is_object(sec) && (json_object_size(sec) != 1 || nets == NULL)) {
        snprintf(err, sizeof(err), "\"wlan\" holds one key, \"networks\"");
        r = -1;
    } else {
        r = board_wlan_networks(nets, err, sizeof(err));
    }
    json_decref(sec);
    if (r != 0) {
        fprintf(stderr, "wipy: %s: wlan: %s\n", path, err);
        return 2;
    }
    return 0;
}
