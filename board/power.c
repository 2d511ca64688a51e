/* board/power.c: power states, wake sources and the energy account of board/power.h. Pin wakes
 * are heard through a pin listener: a pin set as a wake source for the state the board is in
 * wakes it when its IRQ trigger fires on that change (edges) or holds (levels). */
#include "board/power.h"

#include "board/clock.h"
#include "board/pin.h"

const uint32_t power_current_ua[POWER_STATES] = {25000, 12000, 950, 350};
const char *const power_state_name[POWER_STATES] = {"active", "idle", "sleep", "deepsleep"};

static power_state_t state;
static uint64_t since_ns;
static uint64_t spent_ns[POWER_STATES];
static uint8_t pin_levels[PIN_COUNT];
static unsigned source_levels[4]; /* by power_reason_t */
static power_reason_t woken;
static int woken_pin = -1;
static int reset_cause;
static power_reason_t wake_reason;
static power_request_t request;

static unsigned state_level(power_state_t s) {
    return s == POWER_SLEEP ? POWER_WAKE_SLEEP : s == POWER_DEEPSLEEP ? POWER_WAKE_DEEPSLEEP : POWER_WAKE_IDLE;
}

static bool asleep(void) { return state == POWER_SLEEP || state == POWER_DEEPSLEEP; }

static void check_pin(int p, int old_level) {
    if (!asleep() || woken != POWER_REASON_NONE || !(pin_levels[p] & state_level(state))) {
        return;
    }
    unsigned trig = pin_irq_trigger(p);
    int level = pin_level(p);
    bool fired = pin_irq_level_active(p) || (old_level == 1 && level == 0 && (trig & PIN_IRQ_FALLING)) ||
                 (old_level == 0 && level == 1 && (trig & PIN_IRQ_RISING));
    if (fired) {
        woken = POWER_REASON_PIN;
        woken_pin = p;
    }
}

static void on_level(void *ctx, int p, int level, uint64_t t) {
    (void)ctx;
    (void)t;
    check_pin(p, !level);
}

static const pin_listener_t power_listener = {on_level, NULL, NULL};

void power_init(void) {
    state = POWER_ACTIVE;
    since_ns = clock_now_ns();
    for (int i = 0; i < POWER_STATES; i++) {
        spent_ns[i] = 0;
    }
    for (int i = 0; i < PIN_COUNT; i++) {
        pin_levels[i] = 0;
    }
    for (int i = 0; i < 4; i++) {
        source_levels[i] = 0;
    }
    woken = POWER_REASON_NONE;
    woken_pin = -1;
    reset_cause = POWER_PWRON_RESET;
    wake_reason = POWER_REASON_NONE;
    request = POWER_REQ_NONE;
    pin_listen(&power_listener);
}

static void account_to_now(void) {
    uint64_t now = clock_now_ns();
    spent_ns[state] += now - since_ns;
    since_ns = now;
}

void power_set_state(power_state_t s) {
    account_to_now();
    state = s;
    if (asleep()) { /* a level trigger that already holds wakes at once */
        for (int p = 0; p < PIN_COUNT; p++) {
            if (woken == POWER_REASON_NONE && (pin_levels[p] & state_level(s)) && pin_irq_level_active(p)) {
                woken = POWER_REASON_PIN;
                woken_pin = p;
            }
        }
    }
}

power_state_t power_state(void) { return state; }

void power_account(power_account_t *out) {
    account_to_now();
    uint64_t nc = 0;
    for (int i = 0; i < POWER_STATES; i++) {
        out->ns[i] = spent_ns[i];
        nc += spent_ns[i] / 1000u * power_current_ua[i] / 1000u; /* µs x µA = pC */
    }
    out->charge_nc = nc;
}

bool power_wake_pin(int p, unsigned levels) {
    if (p < 0 || p >= PIN_COUNT) {
        return false;
    }
    if ((levels & (POWER_WAKE_SLEEP | POWER_WAKE_DEEPSLEEP)) && !pin_info[p].wake) {
        return false;
    }
    if (levels & POWER_WAKE_SLEEP) {
        for (int i = 0; i < PIN_COUNT; i++) {
            pin_levels[i] &= (uint8_t)~POWER_WAKE_SLEEP;
        }
    }
    pin_levels[p] = (uint8_t)levels;
    return true;
}

unsigned power_wake_pin_levels(int p) { return p >= 0 && p < PIN_COUNT ? pin_levels[p] : 0; }

bool power_any_wake_source(power_state_t s) {
    unsigned lv = state_level(s);
    for (int p = 0; p < PIN_COUNT; p++) {
        if (pin_levels[p] & lv) {
            return true;
        }
    }
    for (int i = 1; i < 4; i++) {
        if (source_levels[i] & lv) {
            return true;
        }
    }
    return false;
}

void power_wake_levels(power_reason_t source, unsigned levels) {
    if (source > POWER_REASON_NONE && source <= POWER_REASON_RTC) {
        source_levels[source] = levels;
    }
}

void power_wake_fire(power_reason_t source) {
    if (source > POWER_REASON_NONE && source <= POWER_REASON_RTC && asleep() && woken == POWER_REASON_NONE &&
        (source_levels[source] & state_level(state))) {
        woken = source;
    }
}

power_reason_t power_woken(void) { return woken; }
int power_woken_pin(void) { return woken == POWER_REASON_PIN ? woken_pin : -1; }
void power_clear_woken(void) {
    woken = POWER_REASON_NONE;
    woken_pin = -1;
}

void power_set_boot_cause(int cause, power_reason_t reason) {
    reset_cause = cause;
    wake_reason = reason;
}

int power_reset_cause(void) { return reset_cause; }
power_reason_t power_wake_reason(void) { return wake_reason; }

void power_request(power_request_t r) {
    if (r > request) {
        request = r;
    }
}

bool power_request_pending(void) { return request != POWER_REQ_NONE; }

power_request_t power_take_request(void) {
    power_request_t r = request;
    request = POWER_REQ_NONE;
    return r;
}
