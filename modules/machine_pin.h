/* modules/machine_pin.h: machine.Pin for the other machine_* files: the type, the static Pin of a
 * board pin, and the pin an argument names ('GPn' or a Pin; ValueError/TypeError otherwise).
 * Invariant: there is exactly one Pin object per board pin. */
#ifndef MODULES_MACHINE_PIN_H
#define MODULES_MACHINE_PIN_H

#include <stdint.h>

#include "core/obj.h"

typedef struct {
    obj_base_t base;
    uint8_t idx; /* board/pin.h index */
} machine_pin_obj_t;

extern const type_t machine_pin_type;
extern const type_t machine_pinbase_type; /* machine.PinBase */
int machine_pin_index(obj_t o);
obj_t machine_pin_obj(int idx);

#endif
