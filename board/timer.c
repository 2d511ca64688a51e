/* board/timer.c: the timers of board/timer.h over foreground clock timers (background ones for PWM
 * edges, so a PWM output never makes virtual time race while the board waits for input).
 * Invariant: `on` channels are armed; PWM channels hold their pin in its timer alt function. */
#include "board/timer.h"

#include <stddef.h>
#include <string.h>

#include "board/clock.h"
#include "board/irq.h"
#include "board/pin.h"

typedef struct {
    bool on;
    uint64_t period_ns, high_ns; /* PWM: time the output is active */
    int polarity;
    bool level_active; /* PWM: in the active part of the period */
    unsigned trigger, flags;
    uint32_t events; /* fired and not yet handled: a late handler still runs once per event */
    clock_timer_t t;
    bool t_ready;
} chan_t;

static struct {
    int mode, width;
    chan_t ch[2];
} timers[TIMER_COUNT];

static const char *const pwm_pins[TIMER_COUNT][2] = {{"GP24", NULL}, {"GP25", NULL}, {NULL, "GP9"}, {"GP10", "GP11"}};

int timer_pwm_pin(int tim, int ch) {
    if (tim < 0 || tim >= TIMER_COUNT || ch < 0 || ch > 1 || pwm_pins[tim][ch] == NULL) {
        return -1;
    }
    return pin_by_name(pwm_pins[tim][ch], strlen(pwm_pins[tim][ch]));
}

static int line_of(int tim, int ch) { return IRQ_LINE_TIMER(tim * 2 + ch); }

static void pwm_out(int tim, int ch, bool active) {
    int p = timer_pwm_pin(tim, ch);
    if (p >= 0) {
        pin_alt_drive(p, active == (timers[tim].ch[ch].polarity != 0) ? 1 : 0);
    }
}

static void fire(clock_timer_t *t, void *ctx) {
    int tim = (int)(intptr_t)ctx >> 1, ch = (int)(intptr_t)ctx & 1;
    chan_t *c = &timers[tim].ch[ch];
    if (timers[tim].mode == TIMER_PWM) {
        /* active for high_ns, then inactive for the rest of the period */
        c->level_active = !c->level_active;
        if (c->high_ns == 0 || c->high_ns >= c->period_ns) {
            c->level_active = c->high_ns != 0;
        }
        pwm_out(tim, ch, c->level_active);
        clock_timer_at(t, t->when_ns + (c->level_active ? c->high_ns : c->period_ns - c->high_ns));
        if (c->level_active && (c->trigger & TIMER_EV_MATCH)) {
            c->flags |= TIMER_EV_MATCH;
            irq_pend(line_of(tim, ch));
        }
        return;
    }
    if (timers[tim].mode == TIMER_PERIODIC) {
        clock_timer_at(t, t->when_ns + c->period_ns);
    } else {
        c->on = false;
    }
    if (c->trigger & TIMER_EV_TIMEOUT) {
        c->flags |= TIMER_EV_TIMEOUT;
        if (irq_enabled(line_of(tim, ch)) && c->events < UINT32_MAX) {
            c->events++;
        }
        irq_pend(line_of(tim, ch));
    }
}

void timer_channel_stop(int tim, int ch) {
    chan_t *c = &timers[tim].ch[ch];
    if (c->t_ready && clock_timer_armed(&c->t)) {
        clock_timer_cancel(&c->t);
    }
    if (c->on && timers[tim].mode == TIMER_PWM) {
        int p = timer_pwm_pin(tim, ch);
        if (p >= 0) {
            pin_config_t pc = {PIN_MODE_IN, PIN_PULL_NONE, PIN_DRIVE_MED, -1};
            pin_configure(p, &pc);
        }
    }
    c->on = false;
    c->flags = 0;
    c->events = 0;
}

void timer_stop(int tim) {
    timer_channel_stop(tim, 0);
    timer_channel_stop(tim, 1);
}

void timer_setup(int tim, int mode, int width) {
    timer_stop(tim);
    timers[tim].mode = mode;
    timers[tim].width = width;
}

int timer_mode(int tim) { return timers[tim].mode; }
int timer_width(int tim) { return timers[tim].width; }

void timer_channel_start(int tim, int ch, uint64_t ticks, uint32_t duty, int polarity) {
    timer_channel_stop(tim, ch);
    chan_t *c = &timers[tim].ch[ch];
    bool pwm = timers[tim].mode == TIMER_PWM;
    if (!c->t_ready) {
        clock_timer_init(&c->t, fire, (void *)(intptr_t)(tim * 2 + ch), false);
        c->t_ready = true;
    }
    c->t.background = pwm;
    c->period_ns = ticks * 1000000000u / TIMER_CLOCK_HZ;
    if (c->period_ns == 0) {
        c->period_ns = 1;
    }
    c->high_ns = c->period_ns * duty / 10000u;
    c->polarity = polarity;
    c->on = true;
    if (pwm) {
        int p = timer_pwm_pin(tim, ch);
        if (p >= 0) {
            int alt = -1;
            for (int i = 0; i < pin_info[p].n_alt; i++) {
                if (strncmp(pin_info[p].alt[i].fn, "TIM", 3) == 0) {
                    alt = pin_info[p].alt[i].index;
                }
            }
            pin_config_t pc = {PIN_MODE_ALT, PIN_PULL_NONE, PIN_DRIVE_MED, (int8_t)alt};
            pin_configure(p, &pc);
        }
        c->level_active = false;
        pwm_out(tim, ch, false);
        clock_timer_after(&c->t, 0); /* the first period starts now, active */
    } else {
        clock_timer_after(&c->t, c->period_ns);
    }
}

bool timer_channel_running(int tim, int ch) { return timers[tim].ch[ch].on; }
unsigned timer_flags(int tim, int ch) { return timers[tim].ch[ch].flags; }
void timer_ack(int tim, int ch) {
    chan_t *c = &timers[tim].ch[ch];
    if (c->events > 1) {
        c->events--; /* another period ended before the handler ran: it runs again */
        irq_pend(line_of(tim, ch));
        return;
    }
    c->events = 0;
    c->flags = 0;
}
void timer_irq_set(int tim, int ch, unsigned trigger) {
    timers[tim].ch[ch].trigger = trigger;
    timers[tim].ch[ch].flags = 0;
    timers[tim].ch[ch].events = 0;
}

void timer_reset_all(void) {
    for (int i = 0; i < TIMER_COUNT; i++) {
        timer_stop(i);
        timers[i].ch[0].trigger = timers[i].ch[1].trigger = 0;
    }
}
