/* board/parts.h: the parts around the WiPy that a board file declares: push buttons (to GND or
 * 3V3, with an optional pull resistor and contact bounce), LEDs, potentiometers and voltage
 * sources on a pin. Parts act on the nets through board/pin.h's outside drives, so a button held
 * from outside survives soft resets like a finger would.
 * Invariant: a part's id is unique; indices are stable until parts_clear(). */
#ifndef BOARD_PARTS_H
#define BOARD_PARTS_H

#include <stdbool.h>
#include <stdint.h>

#include "board/pin.h"

#define PARTS_MAX 32
#define PART_ID_MAX 32

typedef enum { PART_BUTTON, PART_LED, PART_POT, PART_VSOURCE } part_kind_t;
typedef struct {
    part_kind_t kind;
    char id[PART_ID_MAX];
    int pin;           /* the WiPy pin it sits on */
    int level;         /* button: the level it connects to (0 GND, 1 3V3); LED: the level that lights it */
    pin_pull_t pull;   /* button: its resistor */
    uint32_t bounce_ms; /* button */
    uint32_t mv;       /* potentiometer / source: the voltage it gives */
    bool pressed;      /* button: the finger's state (bounce aside) */
} part_t;

void parts_clear(void);
/* Each returns the new part's index, or a negative pin_err_t / -10 (table full or id taken). */
int parts_add_button(const char *id, int pin, int level, pin_pull_t pull, uint32_t bounce_ms);
int parts_add_led(const char *id, int pin, int lit_level);
int parts_add_source(const char *id, part_kind_t kind, int pin, uint32_t mv); /* over-voltage: refused */
int parts_find(const char *id); /* -1 if none */
int parts_count(void);
const part_t *parts_get(int idx);

/* The outside's hands. */
int parts_button_press(int idx, bool pressed); /* with bounce: the contact settles after bounce_ms */
int parts_set_mv(int idx, uint32_t mv);        /* potentiometer / source */
bool parts_led_lit(int idx);

#endif
