/* board/parts.c: the parts of board/parts.h over pin.h's outside drives. A bouncing button
 * toggles its contact BOUNCE_EDGES times at even steps within bounce_ms (a foreground clock
 * timer, so virtual time runs it), then settles in the pressed state. */
#include "board/parts.h"

#include <string.h>

#include "board/clock.h"

#define BOUNCE_EDGES 4 /* extra make/break edges before the contact settles */

typedef struct {
    part_t p;
    clock_timer_t bounce;
    int bounce_left;
    bool contact; /* the contact is closed now */
} part_slot_t;

static part_slot_t parts[PARTS_MAX];
static int n_parts;

void parts_clear(void) {
    for (int i = 0; i < n_parts; i++) {
        clock_timer_cancel(&parts[i].bounce);
    }
    n_parts = 0;
}

static int part_new(const char *id, part_kind_t kind, int pin) {
    if (pin < 0 || pin >= PIN_COUNT) {
        return PIN_ERR_NO_PIN;
    }
    if (n_parts == PARTS_MAX || strlen(id) >= PART_ID_MAX || parts_find(id) >= 0) {
        return -10;
    }
    part_slot_t *s = &parts[n_parts];
    memset(s, 0, sizeof(*s));
    strcpy(s->p.id, id);
    s->p.kind = kind;
    s->p.pin = pin;
    return n_parts++;
}

static void contact_set(part_slot_t *s, bool closed) {
    s->contact = closed;
    if (closed) {
        pin_ext_drive(s->p.pin, s->p.level);
    } else {
        pin_ext_release(s->p.pin);
    }
}

static void bounce_tick(clock_timer_t *t, void *ctx) {
    part_slot_t *s = ctx;
    if (--s->bounce_left > 0) {
        contact_set(s, !s->contact);
        clock_timer_at(t, t->when_ns + (uint64_t)s->p.bounce_ms * 1000000u / (BOUNCE_EDGES + 1));
    } else {
        contact_set(s, s->p.pressed);
    }
}

int parts_add_button(const char *id, int pin, int level, pin_pull_t pull, uint32_t bounce_ms) {
    int i = part_new(id, PART_BUTTON, pin);
    if (i < 0) {
        return i;
    }
    part_slot_t *s = &parts[i];
    s->p.level = level;
    s->p.pull = pull;
    s->p.bounce_ms = bounce_ms;
    clock_timer_init(&s->bounce, bounce_tick, s, false);
    pin_ext_pull(pin, pull);
    return i;
}

int parts_add_led(const char *id, int pin, int lit_level) {
    int i = part_new(id, PART_LED, pin);
    if (i >= 0) {
        parts[i].p.level = lit_level;
    }
    return i;
}

int parts_add_source(const char *id, part_kind_t kind, int pin, uint32_t mv) {
    int i = part_new(id, kind, pin);
    if (i < 0) {
        return i;
    }
    pin_err_t e = pin_ext_voltage(pin, mv);
    if (e != PIN_OK) {
        n_parts--;
        return e;
    }
    parts[i].p.mv = mv;
    return i;
}

int parts_find(const char *id) {
    for (int i = 0; i < n_parts; i++) {
        if (strcmp(parts[i].p.id, id) == 0) {
            return i;
        }
    }
    return -1;
}

int parts_count(void) { return n_parts; }
const part_t *parts_get(int idx) { return idx >= 0 && idx < n_parts ? &parts[idx].p : NULL; }

int parts_button_press(int idx, bool pressed) {
    if (idx < 0 || idx >= n_parts || parts[idx].p.kind != PART_BUTTON) {
        return PIN_ERR_NO_PIN;
    }
    part_slot_t *s = &parts[idx];
    if (s->p.pressed == pressed && !clock_timer_armed(&s->bounce)) {
        return PIN_OK;
    }
    s->p.pressed = pressed;
    if (s->p.bounce_ms == 0) {
        contact_set(s, pressed);
        return PIN_OK;
    }
    s->bounce_left = BOUNCE_EDGES + 1;
    contact_set(s, pressed);
    clock_timer_after(&s->bounce, (uint64_t)s->p.bounce_ms * 1000000u / (BOUNCE_EDGES + 1));
    return PIN_OK;
}

int parts_set_mv(int idx, uint32_t mv) {
    if (idx < 0 || idx >= n_parts || (parts[idx].p.kind != PART_POT && parts[idx].p.kind != PART_VSOURCE)) {
        return PIN_ERR_NO_PIN;
    }
    pin_err_t e = pin_ext_voltage(parts[idx].p.pin, mv);
    if (e == PIN_OK) {
        parts[idx].p.mv = mv;
    }
    return e;
}

bool parts_led_lit(int idx) {
    return idx >= 0 && idx < n_parts && parts[idx].p.kind == PART_LED && pin_level(parts[idx].p.pin) == parts[idx].p.level;
}
