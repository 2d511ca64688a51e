/* board/pin.c: pin states, nets as rings of pins (next_in_net), level resolution and the
 * listeners of board/pin.h. A change re-resolves only the changed pin's net; listeners and IRQ
 * triggers hear each pin of the net whose level moved.
 * Invariant: every pin of a net has the same level and the same conflict state. */
#include "board/pin.h"

#include <string.h>

#include "board/clock.h"
#include "board/irq.h"

#define PIN_LISTENERS 8

typedef struct {
    pin_config_t cfg;
    uint8_t latch;
    int8_t alt_level; /* peripheral drive: -1 none */
    int8_t ext_level; /* outside drive: -1 none */
    bool ext_voltage; /* the outside drive is a voltage source of ext_mv */
    uint32_t ext_mv;
    bool analog;
    uint8_t ext_pull; /* pin_pull_t of an outside resistor */
    uint8_t level;
    bool conflict;
    uint8_t trig, flags;
} pin_state_t;

static pin_state_t pins[PIN_COUNT];
/* every pin its own net until wired (a ring of one) */
static int8_t next_in_net[PIN_COUNT] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
    23, 24};
static const pin_listener_t *listeners[PIN_LISTENERS];
static int n_listeners;
static uint32_t damage_count, conflict_count;
static int last_damage = -1;

static bool pin_ok(int p) { return p >= 0 && p < PIN_COUNT; }

int pin_by_name(const char *name, size_t len) {
    for (int i = 0; i < PIN_COUNT; i++) {
        if (strlen(pin_info[i].name) == len && memcmp(pin_info[i].name, name, len) == 0) {
            return i;
        }
    }
    return -1;
}

int pin_by_gpio(int gpio) {
    for (int i = 0; i < PIN_COUNT; i++) {
        if (pin_info[i].gpio == gpio) {
            return i;
        }
    }
    return -1;
}

bool pin_has_alt(int p, int index) {
    if (!pin_ok(p) || index < 0) {
        return false;
    }
    for (int i = 0; i < pin_info[p].n_alt; i++) {
        if (pin_info[p].alt[i].index == index) {
            return true;
        }
    }
    return false;
}

int pin_alt_index(int p, const char *fn) {
    if (!pin_ok(p)) {
        return -1;
    }
    for (int i = 0; i < pin_info[p].n_alt; i++) {
        if (strcmp(pin_info[p].alt[i].fn, fn) == 0) {
            return pin_info[p].alt[i].index;
        }
    }
    return -1;
}

/* What the pin itself drives onto its net: -1 nothing, else 0/1. */
static int pin_drives(const pin_state_t *s) {
    if (s->analog) {
        return -1;
    }
    switch (s->cfg.mode) {
    case PIN_MODE_OUT:
        return s->latch;
    case PIN_MODE_OPEN_DRAIN:
        return s->latch ? -1 : 0;
    case PIN_MODE_ALT:
        return s->alt_level;
    case PIN_MODE_ALT_OPEN_DRAIN:
        return s->alt_level == 0 ? 0 : -1;
    default:
        return -1;
    }
}

static void notify_level(int p, int level, uint64_t t) {
    for (int i = 0; i < n_listeners; i++) {
        listeners[i]->level(listeners[i]->ctx, p, level, t);
    }
}

static void notify_conflict(int p, bool on, uint64_t t) {
    for (int i = 0; i < n_listeners; i++) {
        if (listeners[i]->conflict != NULL) {
            listeners[i]->conflict(listeners[i]->ctx, p, on, t);
        }
    }
}

static bool level_trigger_holds(const pin_state_t *s) {
    return ((s->trig & PIN_IRQ_LOW_LEVEL) && s->level == 0) || ((s->trig & PIN_IRQ_HIGH_LEVEL) && s->level == 1);
}

static void irq_check(int p, int old_level) {
    pin_state_t *s = &pins[p];
    if (s->trig == 0) {
        return;
    }
    unsigned fired = 0;
    if (old_level == 1 && s->level == 0) {
        fired |= s->trig & PIN_IRQ_FALLING;
    }
    if (old_level == 0 && s->level == 1) {
        fired |= s->trig & PIN_IRQ_RISING;
    }
    if (level_trigger_holds(s)) {
        fired |= s->trig & (s->level ? PIN_IRQ_HIGH_LEVEL : PIN_IRQ_LOW_LEVEL);
    }
    if (fired) {
        s->flags |= (uint8_t)fired;
        irq_pend(IRQ_LINE_PIN(p));
    }
}

static void resolve(int p) {
    int hi = 0, lo = 0, pu = 0, pd = 0;
    int q = p;
    do {
        const pin_state_t *s = &pins[q];
        int d = pin_drives(s);
        if (d == 1) {
            hi++;
        } else if (d == 0) {
            lo++;
        }
        if (s->ext_level == 1) {
            hi++;
        } else if (s->ext_level == 0) {
            lo++;
        }
        pu += (s->cfg.pull == PIN_PULL_UP) + (s->ext_pull == PIN_PULL_UP);
        pd += (s->cfg.pull == PIN_PULL_DOWN) + (s->ext_pull == PIN_PULL_DOWN);
        q = next_in_net[q];
    } while (q != p);
    int old = pins[p].level;
    int level = old;
    bool conflict = hi > 0 && lo > 0;
    if (conflict) {
        level = 0;
    } else if (hi > 0 || lo > 0) {
        level = hi > 0;
    } else if (pu > 0 && pd == 0) {
        level = 1;
    } else if (pd > 0) {
        level = 0; /* a pull-down wins over a pull-up's divider: reads low */
    } /* else floating: keeps its charge */
    bool conflict_changed = conflict != pins[p].conflict;
    if (level == old && !conflict_changed) {
        return;
    }
    uint64_t t = clock_now_ns();
    if (conflict_changed && conflict) {
        conflict_count++;
    }
    q = p;
    do {
        pins[q].conflict = conflict;
        q = next_in_net[q];
    } while (q != p);
    if (conflict_changed) {
        notify_conflict(pin_net(p), conflict, t);
    }
    if (level != old) {
        q = p;
        do {
            pins[q].level = (uint8_t)level;
            q = next_in_net[q];
        } while (q != p);
        q = p;
        do {
            notify_level(q, level, t);
            irq_check(q, old);
            q = next_in_net[q];
        } while (q != p);
    }
}

static bool nets_ready;

void pin_reset_all(void) {
    if (!nets_ready) { /* first power-on: every pin its own net, no outside drive */
        for (int i = 0; i < PIN_COUNT; i++) {
            next_in_net[i] = (int8_t)i;
            pins[i].ext_level = -1;
        }
        pins[PIN_SAFE_BOOT].ext_pull = PIN_PULL_DOWN; /* the board's resistor on GP28 (spec §4) */
        nets_ready = true;
    }
    for (int i = 0; i < PIN_COUNT; i++) {
        pin_state_t *s = &pins[i];
        pin_state_t keep = *s; /* the outside's drives stay; the nets keep their charge */
        memset(s, 0, sizeof(*s));
        s->cfg = (pin_config_t){PIN_MODE_IN, PIN_PULL_NONE, PIN_DRIVE_MED, -1};
        s->alt_level = -1;
        s->ext_level = keep.ext_level;
        s->ext_voltage = keep.ext_voltage;
        s->ext_mv = keep.ext_mv;
        s->ext_pull = keep.ext_pull;
        s->level = keep.level;
        s->conflict = keep.conflict;
    }
    for (int i = 0; i < PIN_COUNT; i++) {
        resolve(i);
    }
}

void pin_configure(int p, const pin_config_t *cfg) {
    if (!pin_ok(p)) {
        return;
    }
    pins[p].cfg = *cfg;
    resolve(p);
}

void pin_get_config(int p, pin_config_t *cfg) {
    if (pin_ok(p)) {
        *cfg = pins[p].cfg;
    }
}

void pin_write(int p, int value) {
    if (!pin_ok(p)) {
        return;
    }
    uint8_t v = value != 0;
    if (pins[p].latch == v) {
        return;
    }
    pins[p].latch = v;
    if (pins[p].cfg.mode == PIN_MODE_OUT || pins[p].cfg.mode == PIN_MODE_OPEN_DRAIN) {
        resolve(p);
    }
}

int pin_latch(int p) { return pin_ok(p) ? pins[p].latch : 0; }
int pin_level(int p) { return pin_ok(p) ? pins[p].level : 0; }

void pin_alt_drive(int p, int level) {
    if (!pin_ok(p)) {
        return;
    }
    pins[p].alt_level = (int8_t)(level < 0 ? -1 : level != 0);
    resolve(p);
}

void pin_set_analog(int p, bool analog) {
    if (pin_ok(p)) {
        pins[p].analog = analog;
        resolve(p);
    }
}

bool pin_is_analog(int p) { return pin_ok(p) && pins[p].analog; }

pin_err_t pin_ext_drive(int p, int level) {
    if (!pin_ok(p)) {
        return PIN_ERR_NO_PIN;
    }
    if (level != 0 && level != 1) {
        return PIN_ERR_BAD_LEVEL;
    }
    pins[p].ext_level = (int8_t)level;
    pins[p].ext_voltage = false;
    resolve(p);
    return PIN_OK;
}

pin_err_t pin_ext_voltage(int p, uint32_t mv) {
    if (!pin_ok(p)) {
        return PIN_ERR_NO_PIN;
    }
    uint32_t max = pins[p].analog ? PIN_ANALOG_MAX_MV : PIN_GPIO_MAX_MV;
    if (mv > max) {
        damage_count++;
        last_damage = p;
        return PIN_ERR_OVERVOLTAGE;
    }
    pins[p].ext_level = (int8_t)(mv >= PIN_HIGH_MIN_MV);
    pins[p].ext_voltage = true;
    pins[p].ext_mv = mv;
    resolve(p);
    return PIN_OK;
}

pin_err_t pin_ext_release(int p) {
    if (!pin_ok(p)) {
        return PIN_ERR_NO_PIN;
    }
    pins[p].ext_level = -1;
    pins[p].ext_voltage = false;
    resolve(p);
    return PIN_OK;
}

pin_err_t pin_ext_pull(int p, pin_pull_t pull) {
    if (!pin_ok(p)) {
        return PIN_ERR_NO_PIN;
    }
    pins[p].ext_pull = (uint8_t)pull;
    resolve(p);
    return PIN_OK;
}

bool pin_ext_driven(int p) { return pin_ok(p) && pins[p].ext_level >= 0; }

uint32_t pin_voltage_mv(int p) {
    if (!pin_ok(p)) {
        return 0;
    }
    int q = p;
    do {
        if (pins[q].ext_voltage) {
            return pins[q].ext_mv;
        }
        q = next_in_net[q];
    } while (q != p);
    return pins[p].level ? PIN_VDD_MV : 0;
}

uint32_t pin_damage_count(void) { return damage_count; }
int pin_last_damage_pin(void) { return last_damage; }

pin_err_t pin_wire(int a, int b) {
    if (!pin_ok(a) || !pin_ok(b)) {
        return PIN_ERR_NO_PIN;
    }
    if (pin_same_net(a, b)) {
        return PIN_OK;
    }
    /* splice the two rings */
    int8_t na = next_in_net[a];
    next_in_net[a] = next_in_net[b];
    next_in_net[b] = na;
    /* the joined net takes the lower index's old level before resolving (its charge) */
    int keep = pins[pin_net(a)].level;
    int q = a;
    do {
        pins[q].level = (uint8_t)keep;
        q = next_in_net[q];
    } while (q != a);
    resolve(a);
    return PIN_OK;
}

void pin_unwire_all(void) {
    for (int i = 0; i < PIN_COUNT; i++) {
        next_in_net[i] = (int8_t)i;
    }
    for (int i = 0; i < PIN_COUNT; i++) {
        resolve(i);
    }
}

int pin_net(int p) {
    if (!pin_ok(p)) {
        return -1;
    }
    int low = p;
    for (int q = next_in_net[p]; q != p; q = next_in_net[q]) {
        if (q < low) {
            low = q;
        }
    }
    return low;
}

bool pin_same_net(int a, int b) { return pin_ok(a) && pin_ok(b) && pin_net(a) == pin_net(b); }
bool pin_conflict(int p) { return pin_ok(p) && pins[p].conflict; }
uint32_t pin_conflict_count(void) { return conflict_count; }

bool pin_listen(const pin_listener_t *l) {
    for (int i = 0; i < n_listeners; i++) {
        if (listeners[i] == l) {
            return true;
        }
    }
    if (n_listeners == PIN_LISTENERS) {
        return false;
    }
    listeners[n_listeners++] = l;
    return true;
}

void pin_unlisten(const pin_listener_t *l) {
    for (int i = 0; i < n_listeners; i++) {
        if (listeners[i] == l) {
            listeners[i] = listeners[--n_listeners];
            return;
        }
    }
}

void pin_irq_set(int p, unsigned trigger) {
    if (!pin_ok(p)) {
        return;
    }
    pins[p].trig = (uint8_t)(trigger & 15);
    pins[p].flags = 0;
    if (level_trigger_holds(&pins[p])) {
        irq_check(p, pins[p].level);
    }
}

unsigned pin_irq_trigger(int p) { return pin_ok(p) ? pins[p].trig : 0; }
unsigned pin_irq_flags(int p) { return pin_ok(p) ? pins[p].flags : 0; }
bool pin_irq_level_active(int p) { return pin_ok(p) && level_trigger_holds(&pins[p]); }

void pin_irq_ack(int p) {
    if (!pin_ok(p)) {
        return;
    }
    pins[p].flags = 0;
    if (level_trigger_holds(&pins[p])) {
        irq_check(p, pins[p].level);
    }
}
