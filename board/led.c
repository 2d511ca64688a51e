/* board/led.c: the LED's state machine over one background timer (board/led.h). States: off
 * (heartbeat disabled), heartbeat (on/off phases), error (a toggle count), fatal (solid on). */
#include "board/led.h"

#include "board/clock.h"
#include "board/pin.h"

typedef enum { LED_IDLE, LED_BEAT_ON, LED_BEAT_OFF, LED_ERROR, LED_FATAL } led_state_t;

static clock_timer_t led_timer;
static led_state_t state;
static bool heartbeat;
static int toggles_left;

static void led_drive(int v) {
    pin_config_t c = {PIN_MODE_OUT, PIN_PULL_NONE, PIN_DRIVE_MED, -1};
    pin_write(PIN_LED, v);
    pin_configure(PIN_LED, &c);
}

static void beat_start(void) {
    state = LED_BEAT_ON;
    led_drive(1);
    clock_timer_after(&led_timer, (uint64_t)LED_ON_MS * 1000000u);
}

static void led_tick(clock_timer_t *t, void *ctx) {
    (void)t;
    (void)ctx;
    switch (state) {
    case LED_BEAT_ON:
        state = LED_BEAT_OFF;
        led_drive(0);
        clock_timer_at(&led_timer, led_timer.when_ns + (uint64_t)(LED_PERIOD_MS - LED_ON_MS) * 1000000u);
        break;
    case LED_BEAT_OFF:
        state = LED_BEAT_ON;
        led_drive(1);
        clock_timer_at(&led_timer, led_timer.when_ns + (uint64_t)LED_ON_MS * 1000000u);
        break;
    case LED_ERROR:
        if (--toggles_left > 0) {
            led_drive(!pin_latch(PIN_LED));
            clock_timer_at(&led_timer, led_timer.when_ns + (uint64_t)LED_ERROR_TOGGLE_MS * 1000000u);
        } else if (heartbeat) {
            beat_start();
        } else {
            state = LED_IDLE;
            led_drive(0);
        }
        break;
    default:
        break;
    }
}

/* At boot the heartbeat begins with its off phase, so that an error in boot.py or main.py right
 * after finds the LED off and its signal starts with a visible rise. */
void led_init(void) {
    clock_timer_cancel(&led_timer); /* a soft reset: it may be armed */
    clock_timer_init(&led_timer, led_tick, NULL, true);
    heartbeat = true;
    state = LED_BEAT_OFF;
    led_drive(0);
    clock_timer_after(&led_timer, (uint64_t)(LED_PERIOD_MS - LED_ON_MS) * 1000000u);
}

void led_heartbeat(bool enable) {
    if (state == LED_FATAL || enable == heartbeat) {
        return;
    }
    heartbeat = enable;
    if (state == LED_ERROR) {
        return; /* the signal finishes first, then follows the new setting */
    }
    if (enable) {
        beat_start();
    } else {
        clock_timer_cancel(&led_timer);
        state = LED_IDLE;
        led_drive(0);
    }
}

bool led_heartbeat_enabled(void) { return heartbeat; }

void led_error_flash(void) {
    if (state == LED_FATAL) {
        return;
    }
    state = LED_ERROR;
    toggles_left = (int)(LED_ERROR_MS / LED_ERROR_TOGGLE_MS);
    led_drive(1);
    clock_timer_after(&led_timer, (uint64_t)LED_ERROR_TOGGLE_MS * 1000000u);
}

void led_fatal(void) {
    clock_timer_cancel(&led_timer);
    state = LED_FATAL;
    led_drive(1);
}

void led_set(bool on) {
    if (state == LED_FATAL) {
        return;
    }
    clock_timer_cancel(&led_timer);
    state = LED_IDLE;
    led_drive(on);
}

bool led_is_fatal(void) { return state == LED_FATAL; }
bool led_on(void) { return pin_level(PIN_LED) != 0; }
