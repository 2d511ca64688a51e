/* board/power.h: the board's power states (active, idle, sleep, deepsleep), their wake sources
 * (spec §5 Sleep), the energy account (time in each state times the seed's currents), the reset
 * cause and wake reason of this boot, and reset / power-cycle requests from anywhere (the
 * outside, a watchdog) that the firmware carries out at its next poll.
 * Invariant: the account charges each nanosecond of simulated time to exactly one state. */
#ifndef BOARD_POWER_H
#define BOARD_POWER_H

#include <stdbool.h>
#include <stdint.h>

typedef enum { POWER_ACTIVE, POWER_IDLE, POWER_SLEEP, POWER_DEEPSLEEP, POWER_STATES } power_state_t;
/* Currents in µA: the seed's idle ~12 mA, sleep 950 µA, deepsleep ~350 µA; active (not in the
 * seed) taken as the CC3200's MCU at 80 MHz plus WLAN in STA mode, ~25 mA. */
extern const uint32_t power_current_ua[POWER_STATES];
extern const char *const power_state_name[POWER_STATES]; /* "active" "idle" "sleep" "deepsleep" */

void power_init(void); /* power-on: account zero, state active, no wake source, causes PWRON */
void power_set_state(power_state_t s);
power_state_t power_state(void);
typedef struct {
    uint64_t ns[POWER_STATES]; /* simulated time spent in each state */
    uint64_t charge_nc;        /* total charge in nanocoulombs (µA x ms) */
} power_account_t;
void power_account(power_account_t *out); /* up to now */

/* Wake levels (machine.IDLE/SLEEP/DEEPSLEEP) and reasons (machine.*_WAKE). */
#define POWER_WAKE_IDLE 1
#define POWER_WAKE_SLEEP 2
#define POWER_WAKE_DEEPSLEEP 4
typedef enum { POWER_REASON_NONE = 0, POWER_REASON_WLAN = 1, POWER_REASON_PIN = 2, POWER_REASON_RTC = 3 } power_reason_t;

/* A pin as a wake source at these levels (0: none). SLEEP and DEEPSLEEP need a wake-capable pin
 * (else false, nothing changed); only one pin wakes from SLEEP: setting one clears the last. The
 * pin wakes the board when its IRQ trigger (board/pin.h) fires, or holds for a level trigger. */
bool power_wake_pin(int pin, unsigned levels);
unsigned power_wake_pin_levels(int pin);
bool power_any_wake_source(power_state_t s); /* something can end this sleep */
/* Other sources (RTC alarm, WLAN) say at which levels they wake, and when they fire. */
void power_wake_levels(power_reason_t source, unsigned levels);
void power_wake_fire(power_reason_t source);
/* The wake of the current/last sleep: POWER_REASON_NONE while still asleep. */
power_reason_t power_woken(void);
int power_woken_pin(void);    /* the pin that woke it, -1 if none */
void power_clear_woken(void); /* entering a sleep */

/* This boot's reset cause (machine.*_RESET) and wake reason, given by the firmware at boot. */
#define POWER_PWRON_RESET 0
#define POWER_HARD_RESET 1
#define POWER_WDT_RESET 2
#define POWER_DEEPSLEEP_RESET 3
#define POWER_SOFT_RESET 4
void power_set_boot_cause(int reset_cause, power_reason_t wake_reason);
int power_reset_cause(void);
power_reason_t power_wake_reason(void);

/* Requests carried out by the firmware at its next poll (the last one wins, stronger first). */
typedef enum {
    POWER_REQ_NONE,
    POWER_REQ_SOFT_RESET,
    POWER_REQ_HARD_RESET,   /* the reset switch */
    POWER_REQ_WDT_RESET,
    POWER_REQ_POWER_CYCLE,  /* unplug and plug: RTC lost, PWRON_RESET */
    POWER_REQ_OFF,          /* unplug */
} power_request_t;
void power_request(power_request_t r);
bool power_request_pending(void);
power_request_t power_take_request(void);

#endif
