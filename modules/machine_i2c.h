/* modules/machine_i2c.h: machine.I2C (modules/machine_i2c.c) for the machine module's table and the
 * boot flow. Invariant: after machine_i2c_boot the controller is off, as after a reset. */
#ifndef MODULES_MACHINE_I2C_H
#define MODULES_MACHINE_I2C_H

#include "core/obj.h"

extern const type_t machine_i2c_type;
void machine_i2c_boot(void); /* every (soft) reset: the controller deinitialised */

#endif
