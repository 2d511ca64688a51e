/* board/safe_boot.h: the bootloader's watch of GP28 at reset (spec §12 "Safe boot"): high 0.5 s
 * starts it; released in the first 3 s window (LED toggling every 500 ms) = latest firmware, in the
 * second (250 ms) = previous update; still held = factory (LED every 100 ms for 1.5 s). A state
 * machine over one foreground timer; the caller runs the event loop until safe_boot_finished().
 * Invariant: the choice is the phase's in which GP28 is first seen low; toggles are exact. */
#ifndef BOARD_SAFE_BOOT_H
#define BOARD_SAFE_BOOT_H

#include <stdbool.h>

typedef enum { SAFE_BOOT_NONE, SAFE_BOOT_LATEST, SAFE_BOOT_PREVIOUS, SAFE_BOOT_FACTORY } safe_boot_t;

#define SAFE_BOOT_START_MS 500u
#define SAFE_BOOT_WINDOW_MS 3000u
#define SAFE_BOOT_FACTORY_MS 1500u
#define SAFE_BOOT_TOGGLE1_MS 500u
#define SAFE_BOOT_TOGGLE2_MS 250u
#define SAFE_BOOT_TOGGLE3_MS 100u

/* Starts watching GP28 at the current time. hold: SAFE_BOOT_NONE, or the choice to simulate (the
 * --safe-boot option): GP28 is driven high from outside and released inside that choice's window
 * (for the factory image, when the sequence ends). */
void safe_boot_begin(safe_boot_t hold);
/* Looks at GP28 again (call after each event the loop served); true once the choice is made. */
bool safe_boot_poll(void);
bool safe_boot_finished(void);
safe_boot_t safe_boot_choice(void);

#endif
