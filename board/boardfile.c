/* board/boardfile.c: the board file parser (jansson) of board/boardfile.h. Two passes: the parts
 * and connections are checked into a plan first (parts with the terminals they reach), then the
 * plan is applied, so a bad file changes nothing. Part types take Wokwi's names with or without
 * the "wokwi-" prefix. */
#include "board/boardfile.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/parts.h"
#include "board/pin.h"

#define SUPPLY_GND (-2)
#define SUPPLY_3V3 (-3)
#define NO_PIN (-1)
#define MAX_TERMS 4

typedef enum { T_WIPY, T_BUTTON, T_LED, T_POT, T_VSOURCE } ptype_t;
static const char *const type_names[] = {"wipy", "pushbutton", "led", "potentiometer", "voltage-source"};
static const char *const terms[][MAX_TERMS] = {
    {NULL}, {"1", "2", NULL}, {"A", "C", NULL}, {"SIG", "GND", "VCC", NULL}, {"+", "-", NULL}};

typedef struct {
    ptype_t type;
    const char *id;
    int at[MAX_TERMS]; /* per terminal: a pin, SUPPLY_*, or NO_PIN */
    json_t *attrs;
} plan_part_t;

typedef struct {
    const char *name;
    char *err;
    size_t err_len;
    plan_part_t parts[PARTS_MAX];
    int n_parts;
    int wires[64][2];
    int n_wires;
} plan_t;

static const char *const section_keys[] = {"i2c", "sd", "wlan", "spi", "uart"};
#define N_SECTIONS (sizeof(section_keys) / sizeof(section_keys[0]))
static char *sections[N_SECTIONS];

static int fail(plan_t *pl, const char *fmt, ...) {
    int n = snprintf(pl->err, pl->err_len, "%s: ", pl->name);
    if (n < 0 || (size_t)n >= pl->err_len) {
        return -1;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pl->err + n, pl->err_len - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

static int find_term(ptype_t t, const char *term) {
    for (int i = 0; i < MAX_TERMS && terms[t][i] != NULL; i++) {
        if (strcmp(terms[t][i], term) == 0) {
            return i;
        }
    }
    /* Wokwi's button has two legs per side: "1.l", "1.r", "2.l", "2.r" */
    if (t == T_BUTTON && (strcmp(term, "1.l") == 0 || strcmp(term, "1.r") == 0)) {
        return 0;
    }
    if (t == T_BUTTON && (strcmp(term, "2.l") == 0 || strcmp(term, "2.r") == 0)) {
        return 1;
    }
    return -1;
}

static int plan_parts(plan_t *pl, json_t *parts) {
    if (!json_is_array(parts)) {
        return fail(pl, "\"parts\" must be a list of parts");
    }
    size_t i;
    json_t *p;
    json_array_foreach(parts, i, p) {
        if (!json_is_object(p)) {
            return fail(pl, "parts[%zu]: a part is an object with \"type\" and \"id\"", i);
        }
        const char *type = json_string_value(json_object_get(p, "type"));
        const char *id = json_string_value(json_object_get(p, "id"));
        if (type == NULL) {
            return fail(pl, "parts[%zu].type: missing or not a string", i);
        }
        if (id == NULL || id[0] == '\0' || strlen(id) >= PART_ID_MAX || strchr(id, ':') != NULL) {
            return fail(pl, "parts[%zu].id: missing, empty, longer than %d characters or with a ':'", i, PART_ID_MAX - 1);
        }
        const char *bare = strncmp(type, "wokwi-", 6) == 0 ? type + 6 : type;
        int t = -1;
        for (int k = 0; k < (int)(sizeof(type_names) / sizeof(type_names[0])); k++) {
            if (strcmp(bare, type_names[k]) == 0) {
                t = k;
            }
        }
        if (t < 0) {
            return fail(pl, "parts[%zu].type: unknown part type '%s' (known: wipy, pushbutton, led, potentiometer, "
                            "voltage-source; I2C devices go in \"i2c\")", i, type);
        }
        if (t == T_WIPY) {
            if (strcmp(id, "wipy") != 0) {
                return fail(pl, "parts[%zu].id: the WiPy's id is \"wipy\", not '%s'", i, id);
            }
            continue;
        }
        if (strcmp(id, "wipy") == 0) {
            return fail(pl, "parts[%zu].id: \"wipy\" is the board itself", i);
        }
        for (int k = 0; k < pl->n_parts; k++) {
            if (strcmp(pl->parts[k].id, id) == 0) {
                return fail(pl, "parts[%zu].id: '%s' is used twice", i, id);
            }
        }
        if (pl->n_parts == PARTS_MAX) {
            return fail(pl, "parts: more than %d parts", PARTS_MAX);
        }
        json_t *attrs = json_object_get(p, "attrs");
        if (attrs != NULL && !json_is_object(attrs)) {
            return fail(pl, "parts[%zu].attrs: must be an object", i);
        }
        plan_part_t *pp = &pl->parts[pl->n_parts++];
        pp->type = (ptype_t)t;
        pp->id = id;
        pp->attrs = attrs;
        for (int k = 0; k < MAX_TERMS; k++) {
            pp->at[k] = NO_PIN;
        }
    }
    return 0;
}

/* "wipy:GP12" / "wipy:GND" / "btn1:2": *part = index (-1 for the WiPy), *where = pin/supply or terminal. */
static int parse_end(plan_t *pl, size_t ci, const char *end, int *part, int *where) {
    const char *colon = strchr(end, ':');
    if (colon == NULL) {
        return fail(pl, "connections[%zu]: '%s' is not 'part:terminal'", ci, end);
    }
    size_t idlen = (size_t)(colon - end);
    const char *term = colon + 1;
    if (idlen == 4 && strncmp(end, "wipy", 4) == 0) {
        *part = -1;
        if (strcmp(term, "GND") == 0 || strncmp(term, "GND.", 4) == 0) {
            *where = SUPPLY_GND;
        } else if (strcmp(term, "3V3") == 0 || strcmp(term, "VCC") == 0) {
            *where = SUPPLY_3V3;
        } else {
            *where = pin_by_name(term, strlen(term));
            if (*where < 0) {
                return fail(pl, "connections[%zu]: the WiPy has no pin '%s' (GP0..GP17, GP22..GP25, GP28, GP30, "
                                "GP31, GND, 3V3)", ci, term);
            }
        }
        return 0;
    }
    for (int k = 0; k < pl->n_parts; k++) {
        if (strlen(pl->parts[k].id) == idlen && strncmp(pl->parts[k].id, end, idlen) == 0) {
            *part = k;
            *where = find_term(pl->parts[k].type, term);
            if (*where < 0) {
                return fail(pl, "connections[%zu]: a %s has no terminal '%s'", ci, type_names[pl->parts[k].type], term);
            }
            return 0;
        }
    }
    return fail(pl, "connections[%zu]: no part has the id '%.*s'", ci, (int)idlen, end);
}

static int plan_connections(plan_t *pl, json_t *conns) {
    if (!json_is_array(conns)) {
        return fail(pl, "\"connections\" must be a list of [from, to, ...]");
    }
    size_t i;
    json_t *c;
    json_array_foreach(conns, i, c) {
        const char *a = json_string_value(json_array_get(c, 0));
        const char *b = json_string_value(json_array_get(c, 1));
        if (!json_is_array(c) || a == NULL || b == NULL) {
            return fail(pl, "connections[%zu]: a connection is [\"part:terminal\", \"part:terminal\", ...]", i);
        }
        int pa, wa, pb, wb;
        if (parse_end(pl, i, a, &pa, &wa) != 0 || parse_end(pl, i, b, &pb, &wb) != 0) {
            return -1;
        }
        if (pa < 0 && pb < 0) {
            if (wa < 0 || wb < 0) {
                return fail(pl, "connections[%zu]: a supply wired to a pin or the other supply would short it", i);
            }
            if (pl->n_wires == 64) {
                return fail(pl, "connections: more than 64 wires between pins");
            }
            pl->wires[pl->n_wires][0] = wa;
            pl->wires[pl->n_wires][1] = wb;
            pl->n_wires++;
            continue;
        }
        if (pa >= 0 && pb >= 0) {
            return fail(pl, "connections[%zu]: parts connect to the WiPy's pins or supplies, not to each other", i);
        }
        int part = pa >= 0 ? pa : pb, term = pa >= 0 ? wa : wb, at = pa >= 0 ? wb : wa;
        int *slot = &pl->parts[part].at[term];
        if (*slot != NO_PIN && *slot != at) {
            return fail(pl, "connections[%zu]: %s's terminal is already connected elsewhere", i, pl->parts[part].id);
        }
        *slot = at;
    }
    return 0;
}

static int attr_int(plan_t *pl, const plan_part_t *pp, const char *key, long dflt, long lo, long hi, long *out) {
    json_t *v = pp->attrs != NULL ? json_object_get(pp->attrs, key) : NULL;
    if (v == NULL) {
        *out = dflt;
        return 0;
    }
    long n;
    if (json_is_integer(v)) {
        n = (long)json_integer_value(v);
    } else if (json_is_string(v)) { /* Wokwi writes attributes as strings */
        char *end;
        n = strtol(json_string_value(v), &end, 10);
        if (*end != '\0' || end == json_string_value(v)) {
            return fail(pl, "parts (%s).attrs.%s: wants a whole number", pp->id, key);
        }
    } else {
        return fail(pl, "parts (%s).attrs.%s: wants a whole number", pp->id, key);
    }
    if (n < lo || n > hi) {
        return fail(pl, "parts (%s).attrs.%s: %ld is outside %ld..%ld", pp->id, key, n, lo, hi);
    }
    *out = n;
    return 0;
}

/* One terminal on a GP pin and (for buttons, LEDs) the other on a supply. */
static int check_part(plan_t *pl, plan_part_t *pp, int *pin, int *supply) {
    int t0 = pp->at[0], t1 = pp->at[1];
    *pin = -1;
    *supply = NO_PIN;
    if (pp->type == T_POT || pp->type == T_VSOURCE) {
        if (t0 < 0) {
            return fail(pl, "parts (%s): its %s terminal must be connected to a GP pin", pp->id, terms[pp->type][0]);
        }
        *pin = t0;
        return 0;
    }
    if (t0 >= 0 && (t1 == SUPPLY_GND || t1 == SUPPLY_3V3)) {
        *pin = t0;
        *supply = t1;
    } else if (t1 >= 0 && (t0 == SUPPLY_GND || t0 == SUPPLY_3V3)) {
        *pin = t1;
        *supply = t0;
    } else {
        return fail(pl, "parts (%s): a %s needs one terminal on a GP pin and the other on GND or 3V3", pp->id,
            type_names[pp->type]);
    }
    if (pp->type == T_LED && ((*pin == t0) != (*supply == SUPPLY_GND))) {
        return fail(pl, "parts (%s): the LED is reversed (anode A on 3V3 or a pin, cathode C on GND or a pin)", pp->id);
    }
    return 0;
}

static int plan_check_and_apply(plan_t *pl, bool apply) {
    for (int w = 0; w < pl->n_wires && apply; w++) {
        pin_wire(pl->wires[w][0], pl->wires[w][1]);
    }
    for (int k = 0; k < pl->n_parts; k++) {
        plan_part_t *pp = &pl->parts[k];
        int pin, supply;
        if (check_part(pl, pp, &pin, &supply) != 0) {
            return -1;
        }
        long bounce, mv;
        const char *pull = NULL;
        pin_pull_t pl_pull = PIN_PULL_NONE;
        switch (pp->type) {
        case T_BUTTON:
            if (attr_int(pl, pp, "bounce_ms", 0, 0, 1000, &bounce) != 0) {
                return -1;
            }
            if (pp->attrs != NULL && json_object_get(pp->attrs, "pull") != NULL) {
                pull = json_string_value(json_object_get(pp->attrs, "pull"));
                if (pull == NULL || (strcmp(pull, "up") != 0 && strcmp(pull, "down") != 0 && strcmp(pull, "none") != 0)) {
                    return fail(pl, "parts (%s).attrs.pull: wants \"up\", \"down\" or \"none\"", pp->id);
                }
                pl_pull = strcmp(pull, "up") == 0 ? PIN_PULL_UP : strcmp(pull, "down") == 0 ? PIN_PULL_DOWN : PIN_PULL_NONE;
            }
            if (apply) {
                parts_add_button(pp->id, pin, supply == SUPPLY_3V3, pl_pull, (uint32_t)bounce);
            }
            break;
        case T_LED:
            if (apply) {
                parts_add_led(pp->id, pin, supply == SUPPLY_GND);
            }
            break;
        default:
            if (attr_int(pl, pp, "mv", 0, 0, 100000, &mv) != 0) {
                return -1;
            }
            if (mv > (long)PIN_GPIO_MAX_MV) {
                return fail(pl, "parts (%s).attrs.mv: %ld mV on %s is above the %u mV a GPIO takes (the seed: "
                                "\"NOT 5V tolerant\"); refused", pp->id, mv, pin_info[pin].name, PIN_GPIO_MAX_MV);
            }
            if (apply) {
                parts_add_source(pp->id, pp->type == T_POT ? PART_POT : PART_VSOURCE, pin, (uint32_t)mv);
            }
            break;
        }
    }
    return 0;
}

int boardfile_apply(const char *name, const char *text, size_t len, char *err, size_t err_len) {
    static plan_t pl; /* large: not on the stack */
    memset(&pl, 0, sizeof(pl));
    pl.name = name;
    pl.err = err;
    pl.err_len = err_len;
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (root == NULL) {
        return fail(&pl, "line %d, column %d: %s", je.line, je.column, je.text);
    }
    int r = -1;
    if (!json_is_object(root)) {
        fail(&pl, "the board file is a JSON object with \"parts\" and \"connections\"");
        goto out;
    }
    const char *key;
    json_t *val;
    json_object_foreach(root, key, val) {
        static const char *const known[] = {"version", "author", "editor", "parts", "connections", "dependencies",
            "serialMonitor", "i2c", "sd", "wlan", "spi", "uart"};
        bool ok = false;
        for (size_t k = 0; k < sizeof(known) / sizeof(known[0]); k++) {
            ok |= strcmp(key, known[k]) == 0;
        }
        if (!ok) {
            fail(&pl, "unknown key \"%s\" (known: parts, connections, i2c, spi, sd, wlan, uart, and Wokwi's version, author, "
                      "editor, dependencies, serialMonitor)", key);
            goto out;
        }
    }
    json_t *parts = json_object_get(root, "parts");
    json_t *conns = json_object_get(root, "connections");
    if ((parts != NULL && plan_parts(&pl, parts) != 0) || (conns != NULL && plan_connections(&pl, conns) != 0) ||
        plan_check_and_apply(&pl, false) != 0) {
        goto out;
    }
    plan_check_and_apply(&pl, true);
    for (size_t k = 0; k < N_SECTIONS; k++) {
        free(sections[k]);
        json_t *sec = json_object_get(root, section_keys[k]);
        sections[k] = sec != NULL ? json_dumps(sec, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
    }
    r = 0;
out:
    json_decref(root);
    return r;
}

const char *boardfile_section(const char *key) {
    for (size_t k = 0; k < N_SECTIONS; k++) {
        if (strcmp(key, section_keys[k]) == 0) {
            return sections[k];
        }
    }
    return NULL;
}
