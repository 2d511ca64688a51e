/* modules/mod_wlan.c: network.WLAN (spec §7) over the simulated radio of board/wlan.h: one WLAN
 * object (WLAN() with no arguments returns it unchanged), AP and STA modes, scan, connect to the
 * networks the board file declares (a wrong key or an unknown ssid waits out the timeout, as a
 * radio would, then OSError(ETIMEDOUT)), ifconfig (dhcp or static), the settings, and irq() as a
 * wake source for machine.sleep(). The radio's state is C state: it survives soft resets. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "board/irq.h"
#include "board/power.h"
#include "board/wlan.h"
#include "core/obj.h"
#include "core/port.h"
#include "core/runtime.h"
#include "modules/namedtuple.h"
#include "modules/machine_irq.h"
#include "modules/mod_machine.h"

#define WLAN_ANY_EVENT 1

typedef struct {
    obj_base_t base;
} wlan_obj_t;

const type_t wlan_type;
static const wlan_obj_t wlan_obj = {{&wlan_type}};

/* ---- values ---- */

static obj_t ip_str(uint32_t ip) {
    char buf[16];
    int n = snprintf(buf, sizeof(buf), "%u.%u.%u.%u", (unsigned)(ip >> 24), (unsigned)(ip >> 16) & 255,
        (unsigned)(ip >> 8) & 255, (unsigned)ip & 255);
    return str_new(buf, (size_t)n);
}

static uint32_t ip_parse(obj_t o) {
    const char *s = str_cstr(o);
    unsigned a, b, c, d;
    char tail;
    if (sscanf(s, "%u.%u.%u.%u%c", &a, &b, &c, &d, &tail) != 4 || a > 255 || b > 255 || c > 255 || d > 255) {
        raise_fmt(&type_ValueError, "invalid IPv4 address '%s'", s);
    }
    return (a << 24) | (b << 16) | (c << 8) | d;
}

static void copy_arg_str(char *dst, size_t cap, obj_t o, const char *what) {
    if (!obj_is_str(o)) {
        raise_fmt(&type_TypeError, "%s must be a string", what);
    }
    size_t len;
    const char *s = str_get_data(o, &len);
    if (len >= cap) {
        raise_fmt(&type_ValueError, "%s is too long (at most %d characters)", what, (int)cap - 1);
    }
    memcpy(dst, s, len);
    dst[len] = '\0';
}

/* auth: None (open) or (WLAN.WEP|WLAN.WPA|WLAN.WPA2, key) */
static void auth_parse(obj_t o, int *sec, char *key) {
    key[0] = '\0';
    if (o == OBJ_NONE) {
        *sec = WLAN_SEC_OPEN;
        return;
    }
    obj_t *items;
    obj_get_array_fixed(o, 2, &items);
    int_t s = obj_get_int(items[0]);
    if (s != WLAN_SEC_WEP && s != WLAN_SEC_WPA2) {
        raise_msg(&type_ValueError, "invalid auth type (WLAN.WEP, WLAN.WPA or WLAN.WPA2)");
    }
    *sec = (int)s;
    copy_arg_str(key, WLAN_KEY_MAX + 1, items[1], "key");
}

static obj_t auth_obj(int sec, const char *key) {
    if (sec == WLAN_SEC_OPEN) {
        return OBJ_NONE;
    }
    obj_t items[2] = {small_int_new(sec), str_new(key, strlen(key))};
    return tuple_new(2, items);
}

static void check_mode(int_t m) {
    if (m != WLAN_MODE_STA && m != WLAN_MODE_AP) {
        raise_msg(&type_ValueError, "invalid mode (WLAN.STA or WLAN.AP)");
    }
}

static void check_channel(int_t c) {
    if (c < 1 || c > 11) {
        raise_msg(&type_ValueError, "invalid channel (1..11)");
    }
}

static void check_antenna(int_t a) {
    if (a != WLAN_ANT_INT && a != WLAN_ANT_EXT) {
        raise_msg(&type_ValueError, "invalid antenna (WLAN.INT_ANT or WLAN.EXT_ANT)");
    }
}

/* ---- construction and init ---- */

static void wlan_apply(size_t n_args, const obj_t *args, size_t n_kw, const obj_t *kw) {
    static const arg_spec_t specs[] = {
        {QSTR_mode, 0, OBJ_NULL},
        {QSTR_ssid, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_auth, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_channel, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_antenna, ARG_KW_ONLY, OBJ_NULL},
    };
    arg_val_t v[5];
    arg_parse_all(n_args, args, n_kw, kw, 5, specs, v);
    /* everything is checked before anything changes */
    int mode = v[0].o != OBJ_NULL ? (int)obj_get_int(v[0].o) : wlan_mode();
    check_mode(mode);
    char ssid[WLAN_SSID_MAX + 1], key[WLAN_KEY_MAX + 1];
    if (v[1].o != OBJ_NULL) {
        copy_arg_str(ssid, sizeof(ssid), v[1].o, "ssid");
    }
    /* as the WiPy's init: auth not given is open, channel 1, the internal antenna; ssid is kept */
    int sec = WLAN_SEC_OPEN;
    key[0] = '\0';
    if (v[2].o != OBJ_NULL && v[2].o != OBJ_NONE) {
        auth_parse(v[2].o, &sec, key);
    }
    int_t ch = v[3].o != OBJ_NULL ? obj_get_int(v[3].o) : 1;
    check_channel(ch);
    int_t ant = v[4].o != OBJ_NULL ? obj_get_int(v[4].o) : WLAN_ANT_INT;
    check_antenna(ant);
    wlan_set_mode(mode);
    if (v[1].o != OBJ_NULL) {
        wlan_set_ssid(ssid);
    }
    wlan_set_auth(sec, key);
    wlan_set_channel((int)ch);
    wlan_set_antenna((int)ant);
}

static obj_t wlan_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args > 0 && obj_get_int(args[0]) != 0) {
        raise_os_error(ENODEV);
    }
    if (n_args > 1 || n_kw > 0) {
        wlan_apply(n_args > 0 ? n_args - 1 : 0, args + (n_args > 0 ? 1 : 0), n_kw, args + n_args);
    }
    return OBJ_FROM_PTR(&wlan_obj);
}

static obj_t wlan_init(size_t n_args, size_t n_kw, const obj_t *args) {
    wlan_apply(n_args - 1, args + 1, n_kw, args + n_args);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(wlan_init_obj, init, 1, 2, wlan_init);

/* ---- radio ---- */

static obj_t wlan_scan(size_t n_args, size_t n_kw, const obj_t *args) {
    if (wlan_mode() == WLAN_MODE_AP) {
        raise_os_error(EPERM);
    }
    obj_t list = list_new(0, NULL);
    static const char fields[] = "ssid bssid sec channel rssi"; /* the WiPy's scan results' names */
    obj_t cls = rt_call2(OBJ_FROM_PTR(&namedtuple_fun_obj), ROM_QSTR(QSTR_scan_result), str_new(fields, sizeof fields - 1));
    for (size_t i = 0; i < wlan_network_count(); i++) {
        const wlan_network_t *n = wlan_network(i);
        if (!n->up) {
            continue;
        }
        obj_t items[5] = {str_new(n->ssid, strlen(n->ssid)), bytes_new((const char *)n->bssid, 6),
            small_int_new(n->sec), OBJ_NONE /* the WiPy never reports the channel */, small_int_new(n->rssi)};
        list_append(list, rt_call(cls, 5, 0, items));
    }
    return list;
}
static DEFINE_FUN(wlan_scan_obj, scan, 1, 1, wlan_scan);

static obj_t wlan_connect_m(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_ssid, ARG_REQUIRED, OBJ_NULL},
        {QSTR_auth, 0, ROM_PTR(&none_obj)},
        {QSTR_bssid, ARG_KW_ONLY, ROM_PTR(&none_obj)},
        {QSTR_timeout, ARG_KW_ONLY, ROM_PTR(&none_obj)},
    };
    arg_val_t v[4];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 4, specs, v);
    if (wlan_mode() != WLAN_MODE_STA) {
        raise_msg(&type_OSError, "connect() needs STA mode: wlan.init(mode=WLAN.STA) first");
    }
    char ssid[WLAN_SSID_MAX + 1], key[WLAN_KEY_MAX + 1];
    copy_arg_str(ssid, sizeof(ssid), v[0].o, "ssid");
    int sec;
    auth_parse(v[1].o, &sec, key);
    uint8_t bssid[6];
    bool has_bssid = v[2].o != OBJ_NONE;
    if (has_bssid) {
        size_t len;
        const char *b = str_get_data(v[2].o, &len);
        if (len != 6) {
            raise_msg(&type_ValueError, "bssid must be 6 bytes");
        }
        memcpy(bssid, b, 6);
    }
    int_t timeout = v[3].o == OBJ_NONE ? -1 : obj_get_int(v[3].o);
    int r = wlan_connect(ssid, sec, key, has_bssid ? bssid : NULL);
    if (r != 0 && timeout >= 0) {
        /* a radio learns nothing from a wrong key or a missing network: it gives up at the timeout */
        port_delay_us((uint64_t)timeout * 1000u);
        raise_os_error(ETIMEDOUT);
    }
    return OBJ_NONE;
}
static DEFINE_FUN_KW(wlan_connect_obj, connect, 2, 3, wlan_connect_m);

static obj_t wlan_disconnect_m(size_t n_args, size_t n_kw, const obj_t *args) {
    wlan_disconnect();
    return OBJ_NONE;
}
static DEFINE_FUN(wlan_disconnect_obj, disconnect, 1, 1, wlan_disconnect_m);

static obj_t wlan_isconnected(size_t n_args, size_t n_kw, const obj_t *args) { return obj_bool(wlan_is_connected()); }
static DEFINE_FUN(wlan_isconnected_obj, isconnected, 1, 1, wlan_isconnected);

static obj_t wlan_ifconfig_m(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {{QSTR_id, 0, ROM_INT(0)}, {QSTR_config, 0, ROM_PTR(&none_obj)}};
    arg_val_t v[2];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 2, specs, v);
    if (obj_get_int(v[0].o) != 0) {
        raise_os_error(ENODEV);
    }
    obj_t cfg = v[1].o;
    if (cfg == OBJ_NONE) {
        wlan_ifconfig_t c;
        wlan_ifconfig(&c);
        obj_t items[4] = {ip_str(c.ip), ip_str(c.mask), ip_str(c.gw), ip_str(c.dns)};
        return tuple_new(4, items);
    }
    if (obj_is_str(cfg)) {
        if (strcmp(str_cstr(cfg), "dhcp") != 0) {
            raise_msg(&type_ValueError, "config must be 'dhcp' or (ip, mask, gateway, dns)");
        }
        wlan_set_dhcp();
        return OBJ_NONE;
    }
    obj_t *items;
    obj_get_array_fixed(cfg, 4, &items);
    wlan_ifconfig_t c = {ip_parse(items[0]), ip_parse(items[1]), ip_parse(items[2]), ip_parse(items[3])};
    wlan_set_static(&c);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(wlan_ifconfig_obj, ifconfig, 1, 3, wlan_ifconfig_m);

/* ---- settings: get with no argument, set with one ---- */

static obj_t wlan_mode_m(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1) {
        return small_int_new(wlan_mode());
    }
    int_t m = obj_get_int(args[1]);
    check_mode(m);
    wlan_set_mode((int)m);
    return OBJ_NONE;
}
static DEFINE_FUN(wlan_mode_obj, mode, 1, 2, wlan_mode_m);

static obj_t wlan_ssid_m(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1) {
        const char *s = wlan_ssid();
        return str_new(s, strlen(s));
    }
    char ssid[WLAN_SSID_MAX + 1];
    copy_arg_str(ssid, sizeof(ssid), args[1], "ssid");
    wlan_set_ssid(ssid);
    return OBJ_NONE;
}
static DEFINE_FUN(wlan_ssid_obj, ssid, 1, 2, wlan_ssid_m);

static obj_t wlan_auth_m(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1) {
        return auth_obj(wlan_sec(), wlan_key());
    }
    int sec;
    char key[WLAN_KEY_MAX + 1];
    auth_parse(args[1], &sec, key);
    wlan_set_auth(sec, key);
    return OBJ_NONE;
}
static DEFINE_FUN(wlan_auth_obj, auth, 1, 2, wlan_auth_m);

static obj_t wlan_channel_m(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1) {
        return small_int_new(wlan_channel());
    }
    int_t c = obj_get_int(args[1]);
    check_channel(c);
    wlan_set_channel((int)c);
    return OBJ_NONE;
}
static DEFINE_FUN(wlan_channel_obj, channel, 1, 2, wlan_channel_m);

static obj_t wlan_antenna_m(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1) {
        return small_int_new(wlan_antenna());
    }
    int_t a = obj_get_int(args[1]);
    check_antenna(a);
    wlan_set_antenna((int)a);
    return OBJ_NONE;
}
static DEFINE_FUN(wlan_antenna_obj, antenna, 1, 2, wlan_antenna_m);

static obj_t wlan_mac_m(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1) {
        uint8_t mac[6];
        wlan_mac(mac);
        return bytes_new((const char *)mac, 6);
    }
    size_t len;
    const char *m = str_get_data(args[1], &len);
    if (len != 6) {
        raise_msg(&type_ValueError, "mac must be 6 bytes");
    }
    wlan_set_mac((const uint8_t *)m);
    return OBJ_NONE;
}
static DEFINE_FUN(wlan_mac_obj, mac, 1, 2, wlan_mac_m);

/* ---- irq: WLAN events (connect, disconnect, a network changing) over machine_irq, and a wake
 * source for machine.sleep() ---- */

static unsigned wlan_events; /* ANY_EVENT once something happened, until the handler ran */

static void wlan_irq_apply(obj_t parent, const machine_irq_args_t *a) {
    if (a->trigger != WLAN_ANY_EVENT) {
        raise_msg(&type_ValueError, "invalid trigger (WLAN.ANY_EVENT)");
    }
    if (a->wake & POWER_WAKE_DEEPSLEEP) {
        raise_msg(&type_ValueError, "WLAN wakes the board from machine.IDLE or machine.SLEEP only");
    }
    power_wake_levels(POWER_REASON_WLAN, (unsigned)a->wake & POWER_WAKE_SLEEP);
}
static unsigned wlan_irq_flags(obj_t parent) { return wlan_events; }
static void wlan_irq_ack(obj_t parent) { wlan_events = 0; }
static void wlan_irq_enable(obj_t parent, bool on) {}
static const machine_irq_source_t wlan_irq_source = {wlan_irq_apply, wlan_irq_flags, wlan_irq_ack, wlan_irq_enable};

/* every WLAN event: the irq line is pended (its handler runs if enabled) */
static void wlan_irq_event(void *ctx) {
    wlan_events = WLAN_ANY_EVENT;
    irq_pend(IRQ_LINE_WLAN);
}

__attribute__((constructor)) static void wlan_install(void) {
    wlan_set_mac(machine_mac); /* machine.unique_id() is the MAC, as on the board */
    wlan_reset_defaults();
    wlan_add_listener(wlan_irq_event, NULL);
}

static obj_t wlan_irq_m(size_t n_args, size_t n_kw, const obj_t *args) {
    return machine_irq_make(IRQ_LINE_WLAN, args[0], &wlan_irq_source, WLAN_ANY_EVENT, n_args - 1, args + 1, n_kw,
        args + n_args);
}
static DEFINE_FUN_KW(wlan_irq_obj, irq, 1, 1, wlan_irq_m);

static void wlan_print(const print_t *p, obj_t o, print_kind_t kind) {
    print_fmt(p, "WLAN(mode=WLAN.%s, ssid='%s', auth=", wlan_mode() == WLAN_MODE_AP ? "AP" : "STA", wlan_ssid());
    if (wlan_sec() == WLAN_SEC_OPEN) {
        print_str(p, "None");
    } else {
        print_fmt(p, "(WLAN.%s, '%s')", wlan_sec() == WLAN_SEC_WEP ? "WEP" : "WPA2", wlan_key());
    }
    print_fmt(p, ", channel=%d, antenna=WLAN.%s)", wlan_channel(), wlan_antenna() == WLAN_ANT_INT ? "INT_ANT" : "EXT_ANT");
}

static const map_elem_t wlan_locals_table[] = {
    {ROM_QSTR(QSTR_init), ROM_PTR(&wlan_init_obj)},
    {ROM_QSTR(QSTR_scan), ROM_PTR(&wlan_scan_obj)},
    {ROM_QSTR(QSTR_connect), ROM_PTR(&wlan_connect_obj)},
    {ROM_QSTR(QSTR_disconnect), ROM_PTR(&wlan_disconnect_obj)},
    {ROM_QSTR(QSTR_isconnected), ROM_PTR(&wlan_isconnected_obj)},
    {ROM_QSTR(QSTR_ifconfig), ROM_PTR(&wlan_ifconfig_obj)},
    {ROM_QSTR(QSTR_mode), ROM_PTR(&wlan_mode_obj)},
    {ROM_QSTR(QSTR_ssid), ROM_PTR(&wlan_ssid_obj)},
    {ROM_QSTR(QSTR_auth), ROM_PTR(&wlan_auth_obj)},
    {ROM_QSTR(QSTR_channel), ROM_PTR(&wlan_channel_obj)},
    {ROM_QSTR(QSTR_antenna), ROM_PTR(&wlan_antenna_obj)},
    {ROM_QSTR(QSTR_mac), ROM_PTR(&wlan_mac_obj)},
    {ROM_QSTR(QSTR_irq), ROM_PTR(&wlan_irq_obj)},
    {ROM_QSTR(QSTR_STA), ROM_INT(WLAN_MODE_STA)},
    {ROM_QSTR(QSTR_AP), ROM_INT(WLAN_MODE_AP)},
    {ROM_QSTR(QSTR_WEP), ROM_INT(WLAN_SEC_WEP)},
    {ROM_QSTR(QSTR_WPA), ROM_INT(WLAN_SEC_WPA2)},
    {ROM_QSTR(QSTR_WPA2), ROM_INT(WLAN_SEC_WPA2)},
    {ROM_QSTR(QSTR_INT_ANT), ROM_INT(WLAN_ANT_INT)},
    {ROM_QSTR(QSTR_EXT_ANT), ROM_INT(WLAN_ANT_EXT)},
    {ROM_QSTR(QSTR_ANY_EVENT), ROM_INT(WLAN_ANY_EVENT)},
};
static DEFINE_CONST_DICT(wlan_locals_dict, wlan_locals_table);
const type_t wlan_type = {
    .base = {&type_type}, .name = QSTR_WLAN, .print = wlan_print, .make_new = wlan_make_new, .locals_dict = &wlan_locals_dict};
