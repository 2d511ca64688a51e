/* board/safe_boot.c: the safe-boot sequence as phases over one foreground timer (board/safe_boot.h).
 * Phases: idle, start (GP28 must stay high 0.5 s), window 1, window 2, factory signal, done. The
 * timer ticks at every LED toggle; a release seen at a tick or at a poll ends the sequence with the
 * phase's choice. A simulated hold (--safe-boot) is an outside drive released by a second timer. */
#include "board/safe_boot.h"

#include <stdint.h>

#include "board/clock.h"
#include "board/led.h"
#include "board/pin.h"

#define MS 1000000ull

typedef enum { SB_IDLE, SB_START, SB_WINDOW1, SB_WINDOW2, SB_FACTORY, SB_DONE } sb_phase_t;

static clock_timer_t sb_tick, sb_release;
static sb_phase_t phase = SB_IDLE;
static safe_boot_t choice;
static bool holding;     /* the simulated hold drives GP28 */
static bool led_level;
static uint64_t phase_end; /* when the current phase's window closes */

static void finish(safe_boot_t c) {
    clock_timer_cancel(&sb_tick);
    phase = SB_DONE;
    choice = c;
    led_set(false);
    if (holding) { /* the simulated button lets go once the choice is made */
        clock_timer_cancel(&sb_release);
        holding = false;
        pin_ext_release(PIN_SAFE_BOOT);
    }
}

static void toggle_after(uint64_t now, uint32_t ms) {
    led_level = !led_level;
    led_set(led_level);
    clock_timer_at(&sb_tick, now + ms * MS);
}

static void enter(sb_phase_t p, uint64_t now, uint32_t len_ms, uint32_t toggle_ms) {
    phase = p;
    phase_end = now + len_ms * MS;
    toggle_after(now, toggle_ms);
}

static void on_tick(clock_timer_t *t, void *ctx) {
    (void)ctx;
    if (safe_boot_poll()) {
        return;
    }
    uint64_t now = t->when_ns; /* the tick's own time: no drift */
    switch (phase) {
    case SB_START: enter(SB_WINDOW1, now, SAFE_BOOT_WINDOW_MS, SAFE_BOOT_TOGGLE1_MS); break;
    case SB_WINDOW1:
        if (now >= phase_end) {
            enter(SB_WINDOW2, now, SAFE_BOOT_WINDOW_MS, SAFE_BOOT_TOGGLE2_MS);
        } else {
            toggle_after(now, SAFE_BOOT_TOGGLE1_MS);
        }
        break;
    case SB_WINDOW2:
        if (now >= phase_end) {
            enter(SB_FACTORY, now, SAFE_BOOT_FACTORY_MS, SAFE_BOOT_TOGGLE3_MS);
        } else {
            toggle_after(now, SAFE_BOOT_TOGGLE2_MS);
        }
        break;
    case SB_FACTORY:
        if (now >= phase_end) {
            finish(SAFE_BOOT_FACTORY);
        } else {
            toggle_after(now, SAFE_BOOT_TOGGLE3_MS);
        }
        break;
    default: break;
    }
}

static void on_release(clock_timer_t *t, void *ctx) {
    (void)t;
    (void)ctx;
    holding = false;
    pin_ext_release(PIN_SAFE_BOOT);
    safe_boot_poll();
}

void safe_boot_begin(safe_boot_t hold) {
    clock_timer_cancel(&sb_tick);
    clock_timer_cancel(&sb_release);
    clock_timer_init(&sb_tick, on_tick, NULL, false);
    clock_timer_init(&sb_release, on_release, NULL, false);
    choice = SAFE_BOOT_NONE;
    led_level = false;
    holding = false;
    if (hold != SAFE_BOOT_NONE && !pin_ext_driven(PIN_SAFE_BOOT)) {
        /* released in the middle of its window, off the LED's toggle instants */
        static const uint32_t at_ms[] = {0, SAFE_BOOT_START_MS + SAFE_BOOT_WINDOW_MS / 2 + SAFE_BOOT_TOGGLE1_MS / 2,
            SAFE_BOOT_START_MS + SAFE_BOOT_WINDOW_MS + SAFE_BOOT_WINDOW_MS / 2 + SAFE_BOOT_TOGGLE2_MS / 2, 0};
        holding = pin_ext_drive(PIN_SAFE_BOOT, 1) == PIN_OK;
        if (holding && at_ms[hold] != 0) {
            clock_timer_after(&sb_release, at_ms[hold] * MS);
        }
    }
    if (pin_level(PIN_SAFE_BOOT) == 0) {
        phase = SB_DONE;
        return;
    }
    phase = SB_START;
    clock_timer_after(&sb_tick, SAFE_BOOT_START_MS * MS);
}

bool safe_boot_poll(void) {
    if (phase == SB_DONE || phase == SB_IDLE) {
        return true;
    }
    if (pin_level(PIN_SAFE_BOOT) != 0) {
        return false;
    }
    switch (phase) {
    case SB_START: finish(SAFE_BOOT_NONE); break; /* not held for 0.5 s: an ordinary boot */
    case SB_WINDOW1: finish(SAFE_BOOT_LATEST); break;
    case SB_WINDOW2: finish(SAFE_BOOT_PREVIOUS); break;
    default: return false; /* the factory signal runs to its end whatever the pin does */
    }
    return true;
}

bool safe_boot_finished(void) { return phase == SB_DONE || phase == SB_IDLE; }
safe_boot_t safe_boot_choice(void) { return choice; }
