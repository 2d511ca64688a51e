/* services/control_cmd.c: the commands of the control interface (docs/control-protocol.md) over the
 * board model: pins (read, drive, release, history), the LED, the energy account, the clock,
 * resets, the trace, the simulated WLAN's networks, and event subscriptions; and the listeners that turn pin edges, LED changes,
 * conflicts and console output into events. Each command validates all of its arguments before it
 * touches the board, so a refused request changes nothing (over-voltage excepted: the board counts
 * the damage, as a real pin would take it). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/clock.h"
#include "board/led.h"
#include "board/parts.h"
#include "board/pin.h"
#include "board/pin_history.h"
#include "board/power.h"
#include "board/trace.h"
#include "board/uart.h"
#include "board/wlan.h"
#include "services/control.h"
#include "services/control_cmd.h"
#include "services/trace_file.h"

#define CMD_CLOCK_ADVANCE_MAX_NS (24ull * 3600 * 1000000000) /* one simulated day per request */
#define CMD_VOLTS_MAX 1000.0                                 /* beyond any plausible request */

static ctl_drive_t held[PIN_COUNT]; /* what this interface drives now; pin -1: nothing */
static bool held_init;

static void held_reset(void) {
    if (!held_init) {
        for (int p = 0; p < PIN_COUNT; p++) {
            held[p].pin = -1;
        }
        held_init = true;
    }
}

int control_drives(ctl_drive_t *out, int max) {
    held_reset();
    int n = 0;
    for (int p = 0; p < PIN_COUNT && n < max; p++) {
        if (held[p].pin >= 0 && pin_ext_driven(p)) {
            out[n++] = held[p];
        }
    }
    return n;
}

bool control_redrive(const ctl_drive_t *d) {
    held_reset();
    if (d->pin < 0 || d->pin >= PIN_COUNT) {
        return false;
    }
    pin_err_t r = d->volts ? pin_ext_voltage(d->pin, d->mv) : pin_ext_drive(d->pin, d->level);
    if (r == PIN_OK) {
        held[d->pin] = *d;
    }
    return r == PIN_OK;
}

static const char *const mode_name[] = {"IN", "OUT", "OPEN_DRAIN", "ALT", "ALT_OPEN_DRAIN"};
static const char *const pull_name[] = {NULL, "PULL_UP", "PULL_DOWN"};
static const char *const drive_name[] = {"LOW_POWER", "MED_POWER", "HIGH_POWER"};

/* ---- argument helpers: each returns false with a message in err ---- */

bool ctl_arg_pin(json_t *req, const char *key, int *pin, char *err, size_t errlen) {
    json_t *v = json_object_get(req, key);
    if (!json_is_string(v)) {
        snprintf(err, errlen, "\"%s\" wants a pin name such as \"GP10\"", key);
        return false;
    }
    *pin = pin_by_name(json_string_value(v), json_string_length(v));
    if (*pin < 0) {
        snprintf(err, errlen, "unknown pin '%.40s' (the pins are GP0..GP17, GP22..GP25, GP28, GP30, GP31)",
            json_string_value(v));
        return false;
    }
    return true;
}

/* A level: 0/1, true/false, "high"/"low" (any case), "1"/"0". */
bool ctl_arg_level(json_t *v, int *level, char *err, size_t errlen) {
    if (json_is_boolean(v)) {
        *level = json_is_true(v);
        return true;
    }
    if (json_is_integer(v) && (json_integer_value(v) == 0 || json_integer_value(v) == 1)) {
        *level = (int)json_integer_value(v);
        return true;
    }
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        if (strcasecmp(s, "high") == 0 || strcmp(s, "1") == 0) {
            *level = 1;
            return true;
        }
        if (strcasecmp(s, "low") == 0 || strcmp(s, "0") == 0) {
            *level = 0;
            return true;
        }
    }
    snprintf(err, errlen, "\"level\" is \"high\", \"low\", 1 or 0");
    return false;
}

/* An optional non-negative integer argument; false only when present and wrong. */
bool ctl_arg_uint(json_t *req, const char *key, uint64_t max, uint64_t *out, bool *given, char *err, size_t errlen) {
    json_t *v = json_object_get(req, key);
    *given = v != NULL;
    if (v == NULL) {
        return true;
    }
    if (!json_is_integer(v) || json_integer_value(v) < 0 || (uint64_t)json_integer_value(v) > max) {
        snprintf(err, errlen, "\"%s\" wants an integer from 0 to %llu", key, (unsigned long long)max);
        return false;
    }
    *out = (uint64_t)json_integer_value(v);
    return true;
}

/* Bytes as a JSON string of code points 0..255, one per byte (the client decodes it as latin-1). */
json_t *ctl_latin1(const uint8_t *data, size_t len) {
    char *buf = malloc(len * 2 + 1);
    if (buf == NULL) {
        return NULL;
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (data[i] < 0x80) {
            buf[n++] = (char)data[i];
        } else {
            buf[n++] = (char)(0xC0 | (data[i] >> 6));
            buf[n++] = (char)(0x80 | (data[i] & 0x3F));
        }
    }
    buf[n] = '\0';
    json_t *j = json_stringn(buf, n);
    free(buf);
    return j;
}

static int hex_digit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

bool ctl_arg_bytes(json_t *req, uint8_t *out, size_t max, size_t *len, char *err, size_t errlen) {
    json_t *data = json_object_get(req, "data"), *hex = json_object_get(req, "hex");
    *len = 0;
    if ((data == NULL) == (hex == NULL) || (data != NULL && !json_is_string(data)) || (hex != NULL && !json_is_string(hex))) {
        snprintf(err, errlen, "give the bytes as \"data\" (a string of code points 0..255, one per byte) or \"hex\"");
        return false;
    }
    const char *s = json_string_value(data != NULL ? data : hex);
    size_t slen = json_string_length(data != NULL ? data : hex);
    for (size_t i = 0; i < slen;) {
        int b;
        if (hex != NULL) {
            int hi = hex_digit(s[i]), lo = i + 1 < slen ? hex_digit(s[i + 1]) : -1;
            b = hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
            i += 2;
        } else if ((uint8_t)s[i] < 0x80) {
            b = (uint8_t)s[i++];
        } else if (((uint8_t)s[i] == 0xC2 || (uint8_t)s[i] == 0xC3) && i + 1 < slen) {
            b = (((uint8_t)s[i] & 0x03) << 6) | ((uint8_t)s[i + 1] & 0x3F);
            i += 2;
        } else {
            b = -1;
        }
        if (b < 0) {
            snprintf(err, errlen, hex != NULL ? "\"hex\" wants pairs of hex digits" : "\"data\" holds code points 0..255 only (one per byte)");
            return false;
        }
        if (*len == max) {
            snprintf(err, errlen, "at most %zu bytes in one request", max);
            return false;
        }
        out[(*len)++] = (uint8_t)b;
    }
    return true;
}

/* ---- board state as JSON ---- */

static json_t *pin_json(int p) {
    pin_config_t cfg;
    pin_get_config(p, &cfg);
    json_t *o = json_object();
    json_object_set_new(o, "pin", json_string(pin_info[p].name));
    json_object_set_new(o, "level", json_integer(pin_level(p)));
    json_object_set_new(o, "mode", json_string(mode_name[cfg.mode]));
    json_object_set_new(o, "pull", pull_name[cfg.pull] ? json_string(pull_name[cfg.pull]) : json_null());
    json_object_set_new(o, "drive", json_string(drive_name[cfg.drive]));
    json_object_set_new(o, "alt", json_integer(cfg.alt));
    json_object_set_new(o, "latch", json_integer(pin_latch(p)));
    json_object_set_new(o, "volts", json_real(pin_voltage_mv(p) / 1000.0));
    json_object_set_new(o, "outside", json_boolean(pin_ext_driven(p)));
    json_object_set_new(o, "analog", json_boolean(pin_is_analog(p)));
    json_object_set_new(o, "conflict", json_boolean(pin_conflict(p)));
    json_t *wired = json_array();
    for (int q = 0; q < PIN_COUNT; q++) {
        if (q != p && pin_same_net(p, q)) {
            json_array_append_new(wired, json_string(pin_info[q].name));
        }
    }
    json_object_set_new(o, "wired_to", wired);
    json_object_set_new(o, "edges", json_integer((json_int_t)pin_history_count(p)));
    return o;
}

static json_t *led_json(void) {
    json_t *o = json_object();
    json_object_set_new(o, "on", json_boolean(led_on()));
    json_object_set_new(o, "heartbeat", json_boolean(led_heartbeat_enabled()));
    json_object_set_new(o, "fatal", json_boolean(led_is_fatal()));
    json_object_set_new(o, "since_ns", json_integer((json_int_t)pin_history_last_ns(PIN_LED)));
    return o;
}

json_t *ctl_with(const char *key, json_t *v) {
    json_t *o = json_object();
    json_object_set_new(o, key, v);
    return o;
}

/* ---- commands ---- */

static json_t *cmd_info(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    json_t *pins = json_array();
    for (int p = 0; p < PIN_COUNT; p++) {
        json_array_append_new(pins, json_string(pin_info[p].name));
    }
    json_t *o = json_object();
    json_object_set_new(o, "board", json_string("WiPy"));
    json_object_set_new(o, "protocol", json_integer(1));
    json_object_set_new(o, "clock", json_string(clock_mode() == CLOCK_VIRTUAL ? "virtual" : "real"));
    json_object_set_new(o, "now_ns", json_integer((json_int_t)clock_now_ns()));
    json_object_set_new(o, "pins", pins);
    json_t *uarts = json_array(); /* control_cmd_uart.c: config, host exposure, counts */
    for (int id = 0; id < UART_COUNT; id++) {
        json_array_append_new(uarts, ctl_uart_state(id));
    }
    json_object_set_new(o, "uarts", uarts);
    return o;
}

static json_t *cmd_pin_read(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    int p;
    if (!ctl_arg_pin(req, "pin", &p, err, errlen)) {
        return NULL;
    }
    return pin_json(p);
}

static json_t *cmd_pins(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    json_t *a = json_array();
    for (int p = 0; p < PIN_COUNT; p++) {
        json_array_append_new(a, pin_json(p));
    }
    return ctl_with("pins", a);
}

static void emit_damage(int p, double volts) {
    if (control_wants(CTL_EV_BOARD)) {
        control_emit(CTL_EV_BOARD, -1,
            json_pack("{s:s, s:s, s:f, s:I, s:I}", "event", "damage", "pin", pin_info[p].name, "volts", volts,
                "count", (json_int_t)pin_damage_count(), "t_ns", (json_int_t)clock_now_ns()));
    }
}

static json_t *cmd_pin_drive(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    int p;
    if (!ctl_arg_pin(req, "pin", &p, err, errlen)) {
        return NULL;
    }
    json_t *lv = json_object_get(req, "level");
    json_t *vv = json_object_get(req, "volts");
    if ((lv == NULL) == (vv == NULL)) {
        snprintf(err, errlen, "pin.drive wants either \"level\" (high/low) or \"volts\" (a number)");
        return NULL;
    }
    if (lv != NULL) {
        int level;
        if (!ctl_arg_level(lv, &level, err, errlen)) {
            return NULL;
        }
        control_redrive(&(ctl_drive_t){p, false, level, 0});
        return pin_json(p);
    }
    if (!json_is_number(vv) || !isfinite(json_number_value(vv)) || json_number_value(vv) < 0 ||
        json_number_value(vv) > CMD_VOLTS_MAX) {
        snprintf(err, errlen, "\"volts\" wants a number of volts from 0 (e.g. 1.2)");
        return NULL;
    }
    double volts = json_number_value(vv);
    uint32_t mv = (uint32_t)lround(volts * 1000.0);
    pin_err_t r = pin_ext_voltage(p, mv);
    if (r == PIN_ERR_OVERVOLTAGE) {
        bool analog = pin_is_analog(p);
        snprintf(err, errlen,
            "%s: %.3g V is over the %.1f V %s takes: refused, and counted as damage (%u so far)",
            pin_info[p].name, volts, (analog ? PIN_ANALOG_MAX_MV : PIN_GPIO_MAX_MV) / 1000.0,
            analog ? "a pin in analog mode" : "a GPIO", (unsigned)pin_damage_count());
        emit_damage(p, volts);
        return NULL;
    }
    if (r != PIN_OK) {
        snprintf(err, errlen, "%s: the voltage was refused (error %d)", pin_info[p].name, (int)r);
        return NULL;
    }
    held_reset();
    held[p] = (ctl_drive_t){p, true, 0, mv};
    return pin_json(p);
}

static json_t *cmd_pin_release(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    int p;
    if (!ctl_arg_pin(req, "pin", &p, err, errlen)) {
        return NULL;
    }
    pin_ext_release(p);
    held_reset();
    held[p].pin = -1;
    return pin_json(p);
}

static json_t *cmd_pin_history(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    int p;
    uint64_t n = PIN_HISTORY_DEPTH;
    bool given;
    if (!ctl_arg_pin(req, "pin", &p, err, errlen) || !ctl_arg_uint(req, "n", PIN_HISTORY_DEPTH, &n, &given, err, errlen)) {
        return NULL;
    }
    pin_edge_t e[PIN_HISTORY_DEPTH];
    size_t got = pin_history_get(p, e, (size_t)n);
    json_t *a = json_array();
    for (size_t i = 0; i < got; i++) {
        json_array_append_new(a, json_pack("[I, i]", (json_int_t)e[i].t_ns, (int)e[i].level));
    }
    json_t *o = json_object();
    json_object_set_new(o, "pin", json_string(pin_info[p].name));
    json_object_set_new(o, "level", json_integer(pin_level(p)));
    json_object_set_new(o, "edges", a);
    json_object_set_new(o, "total", json_integer((json_int_t)pin_history_count(p)));
    return o;
}

/* "button": a push button of the board file, by its id or by the pin it sits on. */
static bool arg_button(json_t *req, int *idx, char *err, size_t errlen) {
    json_t *v = json_object_get(req, "button");
    if (!json_is_string(v)) {
        snprintf(err, errlen, "\"button\" wants a button's name in the board file (or its pin)");
        return false;
    }
    const char *name = json_string_value(v);
    *idx = parts_find(name);
    int pin = pin_by_name(name, strlen(name));
    for (int i = 0; *idx < 0 && pin >= 0 && i < parts_count(); i++) {
        if (parts_get(i)->kind == PART_BUTTON && parts_get(i)->pin == pin) {
            *idx = i;
        }
    }
    if (*idx < 0 || parts_get(*idx)->kind != PART_BUTTON) {
        char names[160] = "";
        for (int i = 0; i < parts_count(); i++) {
            if (parts_get(i)->kind == PART_BUTTON && strlen(names) + PART_ID_MAX + 3 < sizeof(names)) {
                strcat(names, names[0] ? ", " : "");
                strcat(names, parts_get(i)->id);
            }
        }
        snprintf(err, errlen, "no button '%.40s' on this board (%s%s)", name, names[0] ? "buttons: " : "the board file has none",
            names);
        return false;
    }
    return true;
}

static json_t *button_json(int idx) {
    const part_t *b = parts_get(idx);
    json_t *o = json_object();
    json_object_set_new(o, "button", json_string(b->id));
    json_object_set_new(o, "pressed", json_boolean(b->pressed));
    json_object_set_new(o, "pin", pin_json(b->pin));
    return o;
}

static json_t *cmd_button(json_t *req, bool press, char *err, size_t errlen) {
    int idx;
    if (!arg_button(req, &idx, err, errlen)) {
        return NULL;
    }
    int r = parts_button_press(idx, press);
    if (r != 0) {
        snprintf(err, errlen, "the button could not be %s (error %d)", press ? "pressed" : "released", r);
        return NULL;
    }
    return button_json(idx);
}

static json_t *cmd_button_press(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    return cmd_button(req, true, err, errlen);
}

static json_t *cmd_button_release(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    return cmd_button(req, false, err, errlen);
}

static json_t *cmd_led(ctl_client_t *c, json_t *req, char *err, size_t errlen) { return led_json(); }

static json_t *cmd_energy(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    power_account_t acc;
    power_account(&acc);
    json_t *states = json_object();
    uint64_t total = 0;
    for (int s = 0; s < POWER_STATES; s++) {
        json_object_set_new(states, power_state_name[s],
            json_pack("{s:I, s:I}", "ns", (json_int_t)acc.ns[s], "current_ua", (json_int_t)power_current_ua[s]));
        total += acc.ns[s];
    }
    json_t *o = json_object();
    json_object_set_new(o, "state", json_string(power_state_name[power_state()]));
    json_object_set_new(o, "states", states);
    json_object_set_new(o, "total_ns", json_integer((json_int_t)total));
    json_object_set_new(o, "charge_uc", json_real(acc.charge_nc / 1000.0));
    /* mean current over the account so far, and the energy at 3.3 V */
    json_object_set_new(o, "mean_ua", json_real(total ? acc.charge_nc * 1e9 / (double)total / 1000.0 : 0.0));
    json_object_set_new(o, "energy_uj", json_real(acc.charge_nc / 1000.0 * 3.3));
    return o;
}

static json_t *clock_json(void) {
    json_t *o = json_object();
    json_object_set_new(o, "now_ns", json_integer((json_int_t)clock_now_ns()));
    json_object_set_new(o, "mode", json_string(clock_mode() == CLOCK_VIRTUAL ? "virtual" : "real"));
    return o;
}

static json_t *cmd_clock(ctl_client_t *c, json_t *req, char *err, size_t errlen) { return clock_json(); }

static json_t *cmd_clock_advance(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    static const struct {
        const char *key;
        uint64_t scale;
    } units[] = {{"ns", 1}, {"us", 1000}, {"ms", 1000000}, {"s", 1000000000}};
    uint64_t delta = 0;
    int given = 0;
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        uint64_t v;
        bool here;
        if (!ctl_arg_uint(req, units[i].key, CMD_CLOCK_ADVANCE_MAX_NS / units[i].scale, &v, &here, err, errlen)) {
            return NULL;
        }
        if (here) {
            delta = v * units[i].scale;
            given++;
        }
    }
    if (given != 1) {
        snprintf(err, errlen, "clock.advance wants one of \"ns\", \"us\", \"ms\" or \"s\" (at most one day)");
        return NULL;
    }
    if (clock_mode() != CLOCK_VIRTUAL) {
        snprintf(err, errlen, "the board runs on the real clock (--clock real): only a virtual clock can be advanced");
        return NULL;
    }
    clock_advance(delta);
    return clock_json();
}

static json_t *cmd_reset(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    json_t *k = json_object_get(req, "kind");
    const char *kind = json_is_string(k) ? json_string_value(k) : k == NULL ? "hard" : "";
    power_request_t r;
    if (strcmp(kind, "hard") == 0) {
        r = POWER_REQ_HARD_RESET;
    } else if (strcmp(kind, "soft") == 0) {
        r = POWER_REQ_SOFT_RESET;
    } else if (strcmp(kind, "power") == 0) {
        r = POWER_REQ_POWER_CYCLE;
    } else {
        snprintf(err, errlen, "\"kind\" is \"hard\" (the reset switch, default), \"soft\" or \"power\" (a power cycle)");
        return NULL;
    }
    power_request(r);
    return ctl_with("kind", json_string(kind));
}

static json_t *cmd_power_cycle(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    power_request(POWER_REQ_POWER_CYCLE);
    return ctl_with("kind", json_string("power"));
}

static json_t *trace_json(void) {
    const char *path = trace_file_path();
    json_t *o = json_object();
    json_object_set_new(o, "running", json_boolean(path != NULL));
    json_object_set_new(o, "file", path ? json_string(path) : json_null());
    json_object_set_new(o, "changes", json_integer((json_int_t)trace_changes()));
    return o;
}

static json_t *cmd_trace_start(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    json_t *f = json_object_get(req, "file");
    if (!json_is_string(f)) {
        snprintf(err, errlen, "trace.start wants \"file\": the path of the VCD file to write");
        return NULL;
    }
    if (trace_file_start(json_string_value(f), err, errlen) != 0) {
        return NULL;
    }
    return trace_json();
}

static json_t *cmd_trace_stop(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    const char *path = trace_file_path();
    json_t *file = path ? json_string(path) : NULL;
    if (!trace_file_stop(err, errlen)) {
        json_decref(file);
        return NULL;
    }
    json_t *o = trace_json();
    json_object_set_new(o, "file", file);
    return o;
}

static json_t *cmd_trace(ctl_client_t *c, json_t *req, char *err, size_t errlen) { return trace_json(); }

static const struct {
    const char *name;
    unsigned kind;
} event_names[] = {{"edge", CTL_EV_EDGE}, {"led", CTL_EV_LED}, {"console", CTL_EV_CONSOLE}, {"board", CTL_EV_BOARD}};
#define EVENT_KINDS (sizeof(event_names) / sizeof(event_names[0]))

static json_t *subs_json(ctl_client_t *c) {
    json_t *a = json_array();
    unsigned s = ctl_client_subscriptions(c);
    for (size_t i = 0; i < EVENT_KINDS; i++) {
        if (s & event_names[i].kind) {
            json_array_append_new(a, json_string(event_names[i].name));
        }
    }
    return ctl_with("events", a);
}

/* "events": a list of event class names (default: all of them). */
static bool arg_events(json_t *req, unsigned *kinds, char *err, size_t errlen) {
    json_t *ev = json_object_get(req, "events");
    if (ev == NULL) {
        *kinds = CTL_EV_EDGE | CTL_EV_LED | CTL_EV_CONSOLE | CTL_EV_BOARD;
        return true;
    }
    *kinds = 0;
    size_t i;
    json_t *v;
    if (!json_is_array(ev)) {
        goto bad;
    }
    json_array_foreach(ev, i, v) {
        size_t k = 0;
        while (k < EVENT_KINDS && !(json_is_string(v) && strcmp(json_string_value(v), event_names[k].name) == 0)) {
            k++;
        }
        if (k == EVENT_KINDS) {
            goto bad;
        }
        *kinds |= event_names[k].kind;
    }
    return true;
bad:
    snprintf(err, errlen, "\"events\" is a list of \"edge\", \"led\", \"console\", \"board\"");
    return false;
}

static json_t *cmd_subscribe(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    unsigned kinds;
    if (!arg_events(req, &kinds, err, errlen)) {
        return NULL;
    }
    uint64_t mask = ~(uint64_t)0;
    json_t *pins = json_object_get(req, "pins");
    if (pins != NULL) {
        if (!json_is_array(pins)) {
            snprintf(err, errlen, "\"pins\" is a list of pin names such as [\"GP10\"]");
            return NULL;
        }
        mask = 0;
        size_t i;
        json_t *v;
        json_array_foreach(pins, i, v) {
            json_t *tmp = json_pack("{s:O}", "pin", v);
            int p;
            bool ok = ctl_arg_pin(tmp, "pin", &p, err, errlen);
            json_decref(tmp);
            if (!ok) {
                return NULL;
            }
            mask |= (uint64_t)1 << p;
        }
    }
    ctl_client_subscribe(c, kinds, mask);
    return subs_json(c);
}

static json_t *cmd_unsubscribe(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    unsigned kinds;
    if (!arg_events(req, &kinds, err, errlen)) {
        return NULL;
    }
    ctl_client_unsubscribe(c, kinds);
    return subs_json(c);
}

static json_t *cmd_status(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    json_t *o = json_object();
    json_object_set_new(o, "damage", json_integer(pin_damage_count()));
    int dp = pin_last_damage_pin();
    json_object_set_new(o, "last_damage_pin", dp >= 0 ? json_string(pin_info[dp].name) : json_null());
    json_object_set_new(o, "conflicts", json_integer(pin_conflict_count()));
    json_object_set_new(o, "reset_cause", json_integer(power_reset_cause()));
    json_object_set_new(o, "wake_reason", json_integer(power_wake_reason()));
    json_object_set_new(o, "power", json_string(power_state_name[power_state()]));
    json_object_set_new(o, "led", led_json());
    json_object_set_new(o, "clock", clock_json());
    json_object_set_new(o, "trace", trace_json());
    return o;
}

/* ---- the simulated WLAN (board/wlan.h): its state, and networks taken up and down ---- */

static json_t *ip_json(uint32_t ip) {
    char b[16];
    snprintf(b, sizeof(b), "%u.%u.%u.%u", (unsigned)(ip >> 24), (unsigned)(ip >> 16) & 255, (unsigned)(ip >> 8) & 255,
        (unsigned)ip & 255);
    return json_string(b);
}

static json_t *network_json(const wlan_network_t *n) {
    static const char *const sec[] = {"OPEN", "WEP", "WPA2"};
    return json_pack("{s:s, s:b, s:i, s:i, s:s}", "ssid", n->ssid, "up", n->up, "rssi", n->rssi, "channel",
        n->channel, "auth", sec[n->sec]);
}

static json_t *cmd_wlan(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    wlan_ifconfig_t cfg;
    wlan_ifconfig(&cfg);
    json_t *nets = json_array();
    for (size_t i = 0; i < wlan_network_count(); i++) {
        json_array_append_new(nets, network_json(wlan_network(i)));
    }
    const char *joined = wlan_connected_ssid();
    json_t *o = json_object();
    json_object_set_new(o, "mode", json_string(wlan_mode() == WLAN_MODE_AP ? "AP" : "STA"));
    json_object_set_new(o, "ssid", json_string(wlan_ssid()));
    json_object_set_new(o, "connected", joined ? json_string(joined) : json_null());
    json_object_set_new(o, "ip", ip_json(cfg.ip));
    json_object_set_new(o, "networks", nets);
    return o;
}

/* wlan.network: "ssid" (a declared network) and "up" (bool) and/or "rssi" (dBm, -127..0) */
static json_t *cmd_wlan_network(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    const char *ssid = json_string_value(json_object_get(req, "ssid"));
    json_t *up = json_object_get(req, "up"), *rssi = json_object_get(req, "rssi");
    const wlan_network_t *n = NULL;
    for (size_t i = 0; ssid != NULL && i < wlan_network_count(); i++) {
        if (strcmp(wlan_network(i)->ssid, ssid) == 0) {
            n = wlan_network(i);
        }
    }
    if (n == NULL) {
        snprintf(err, errlen, "\"ssid\" must name a network of the board file (\"wlan\" lists them)");
        return NULL;
    }
    if (up == NULL && rssi == NULL) {
        snprintf(err, errlen, "wlan.network wants \"up\" (true/false) and/or \"rssi\" (dBm)");
        return NULL;
    }
    if (up != NULL && !json_is_boolean(up)) {
        snprintf(err, errlen, "\"up\" must be true or false");
        return NULL;
    }
    if (rssi != NULL && (!json_is_integer(rssi) || json_integer_value(rssi) < -127 || json_integer_value(rssi) > 0)) {
        snprintf(err, errlen, "\"rssi\" must be an integer in dBm, -127..0");
        return NULL;
    }
    if (rssi != NULL) {
        wlan_network_set_rssi(ssid, (int)json_integer_value(rssi));
    }
    if (up != NULL) {
        wlan_network_set_up(ssid, json_is_true(up)); /* down: a board joined to it is dropped */
    }
    return network_json(n);
}

static json_t *cmd_help(ctl_client_t *c, json_t *req, char *err, size_t errlen);

static const ctl_command_t core_commands[] = {
    {"help", cmd_help},
    {"info", cmd_info},
    {"status", cmd_status},
    {"pins", cmd_pins},
    {"pin.read", cmd_pin_read},
    {"pin.drive", cmd_pin_drive},
    {"pin.release", cmd_pin_release},
    {"pin.history", cmd_pin_history},
    {"button.press", cmd_button_press},
    {"button.release", cmd_button_release},
    {"led", cmd_led},
    {"energy", cmd_energy},
    {"clock", cmd_clock},
    {"clock.advance", cmd_clock_advance},
    {"reset", cmd_reset},
    {"power_cycle", cmd_power_cycle},
    {"trace", cmd_trace},
    {"trace.start", cmd_trace_start},
    {"trace.stop", cmd_trace_stop},
    {"subscribe", cmd_subscribe},
    {"unsubscribe", cmd_unsubscribe},
    {"wlan", cmd_wlan},
    {"wlan.network", cmd_wlan_network},
    {NULL, NULL},
};

/* Every table of commands; each area of the board keeps its own in its own file. */
static const ctl_command_t *const command_tables[] = {
    core_commands, ctl_cmds_devices, ctl_cmds_uart, ctl_cmds_sd,
};
#define N_TABLES (sizeof(command_tables) / sizeof(command_tables[0]))

static json_t *cmd_help(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    json_t *a = json_array();
    for (size_t t = 0; t < N_TABLES; t++) {
        for (const ctl_command_t *k = command_tables[t]; k->name != NULL; k++) {
            json_array_append_new(a, json_string(k->name));
        }
    }
    return ctl_with("commands", a);
}

json_t *control_cmd_run(ctl_client_t *c, const char *cmd, json_t *req, char *err, size_t errlen) {
    for (size_t t = 0; t < N_TABLES; t++) {
        for (const ctl_command_t *k = command_tables[t]; k->name != NULL; k++) {
            if (strcmp(k->name, cmd) == 0) {
                return k->fn(c, req, err, errlen);
            }
        }
    }
    snprintf(err, errlen, "unknown command '%.40s' (\"help\" lists them)", cmd);
    return NULL;
}

/* ---- events ---- */

static void on_pin_level(void *ctx, int pin, int level, uint64_t t) {
    if (control_wants(CTL_EV_EDGE)) {
        control_emit(CTL_EV_EDGE, pin,
            json_pack("{s:s, s:s, s:i, s:I}", "event", "edge", "pin", pin_info[pin].name, "level", level, "t_ns",
                (json_int_t)t));
    }
    if (pin == PIN_LED && control_wants(CTL_EV_LED)) {
        control_emit(CTL_EV_LED, -1, json_pack("{s:s, s:b, s:I}", "event", "led", "on", level, "t_ns", (json_int_t)t));
    }
}

static void on_pin_conflict(void *ctx, int pin, bool on, uint64_t t) {
    if (control_wants(CTL_EV_BOARD)) {
        control_emit(CTL_EV_BOARD, -1,
            json_pack("{s:s, s:s, s:b, s:I}", "event", "conflict", "pin", pin_info[pin].name, "on", on, "t_ns",
                (json_int_t)t));
    }
}

static const pin_listener_t listener = {on_pin_level, on_pin_conflict, NULL};

/* Console bytes go out as a string of code points 0..255, one per byte (decode as latin-1). */
void control_console_output(void *ctx, const char *data, size_t len) {
    if (!control_wants(CTL_EV_CONSOLE) || len == 0) {
        return;
    }
    while (len > 0) {
        size_t n = len < 512 ? len : 512;
        control_emit(CTL_EV_CONSOLE, -1, json_pack("{s:s, s:o}", "event", "console", "data", ctl_latin1((const uint8_t *)data, n)));
        data += n;
        len -= n;
    }
}

static void on_trace_end(const char *path, const char *why) {
    if (control_wants(CTL_EV_BOARD)) {
        control_emit(CTL_EV_BOARD, -1, json_pack("{s:s, s:s, s:s}", "event", "trace_end", "file", path, "why", why));
    }
}

void control_cmd_init(void) {
    static bool done;
    if (done) {
        return;
    }
    done = true;
    pin_history_init();
    pin_listen(&listener);
    trace_file_on_end(on_trace_end);
}
