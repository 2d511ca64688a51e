/* modules/mod_machine.h: what the firmware needs from the `machine` module: the main file chosen
 * by machine.main(), the hook a hard reset calls, and recognising UART objects (os.dupterm).
 * Invariant: the main file is "main.py" after every (soft) reset until machine.main() changes it. */
#ifndef MODULES_MOD_MACHINE_H
#define MODULES_MOD_MACHINE_H

#include <stdbool.h>

#include "core/obj.h"

/* machine.reset(): set by board mode (does not return); NULL in script mode, where reset() ends
 * the program like sys.exit(). */
extern void (*machine_reset_hook)(void);

const char *machine_main_file(void);
void machine_main_file_reset(void);

/* True (with *id) if o is a machine.UART. */
bool machine_uart_id(obj_t o, int *id);

#endif
