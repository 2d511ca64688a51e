/* modules/mod_machine.h: what the firmware needs from the `machine` module: the main file chosen
 * by machine.main(), the hooks of a hard reset, of waiting and of deepsleep's reboot, the boot-time
 * reset of irqs, pins and LED, and recognising UART objects (os.dupterm).
 * Invariant: the main file is "main.py" after every (soft) reset until machine.main() changes it. */
#ifndef MODULES_MOD_MACHINE_H
#define MODULES_MOD_MACHINE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/obj.h"

/* machine.reset(): set by board mode (does not return); NULL in script mode, where reset() ends
 * the program like sys.exit(). */
extern void (*machine_reset_hook)(void);

/* Board mode's wait (firmware): runs the event loop until done() (may be NULL) or the board clock
 * reaches until_ns (CLOCK_NEVER: no limit), running irq handlers when service_irqs. NULL in
 * script mode (short delays instead). */
extern void (*machine_wait_hook)(uint64_t until_ns, bool (*done)(void), bool service_irqs);
/* deepsleep's wake: a reset that boots with the cause and reason in board/power.h (does not
 * return). NULL in script mode (the program ends). */
extern void (*machine_deepsleep_hook)(void);
extern const uint8_t machine_mac[6];
extern const type_t machine_signal_type;

/* Every boot, after rt_init (ready) / before rt_deinit (!ready): irqs off and handlers dropped;
 * when ready also pins to their reset state, no pin wake source, the heartbeat on. */
void machine_boot(bool ready);

const char *machine_main_file(void);
void machine_main_file_reset(void);

/* True (with *id) if o is a machine.UART. */
bool machine_uart_id(obj_t o, int *id);

#endif
