/* modules/mod_machine.c: the `machine` module (spec §5): main(), reset(), soft_reset(), the
 * reset cause and wake reason, freq, unique_id, idle/sleep/lightsleep/deepsleep over board/power.h,
 * disable_irq/enable_irq, rng, the constants and machine.Sleep; UART in machine_uart.c (UART0 is
 * the terminal's wire, which boot.py hands to os.dupterm); Pin and Signal live in machine_pin.c
 * and machine_signal.c. UART objects are one static object per id, so they need no GC root. */
#include "modules/mod_machine.h"

#include <errno.h>
#include <string.h>

#include "board/clock.h"
#include "board/irq.h"
#include "board/led.h"
#include "board/pin.h"
#include "board/power.h"
#include "board/uart.h"
#include "core/nlr.h"
#include "core/obj_str.h"
#include "core/port.h"
#include "core/runtime.h"
#include "host/host_fs.h"
#include "modules/machine_irq.h"
#include "modules/machine_pin.h"
#include "modules/machine_periph.h"
#include "modules/machine_sd.h"
#include "modules/mod_io_file.h"
#include "modules/stream.h"

#define MACHINE_MAIN_MAX 128

void (*machine_reset_hook)(void);
void (*machine_wait_hook)(uint64_t until_ns, bool (*done)(void), bool service_irqs);
void (*machine_deepsleep_hook)(void);

#define MACHINE_FREQ 80000000
/* The board's MAC (a TI-assigned prefix, as CC3200 modules carry), also machine.unique_id(). */
const uint8_t machine_mac[6] = {0xd4, 0x36, 0x39, 0x5a, 0x1e, 0x0b};

void machine_boot(bool ready) {
    machine_irq_boot(ready);
    if (ready) {
        machine_periph_boot(); /* peripherals off at every reset (issue 10) */
        pin_reset_all();
        for (int p = 0; p < PIN_COUNT; p++) {
            power_wake_pin(p, 0);
        }
        led_init();
    }
}

static char machine_main[MACHINE_MAIN_MAX + 1] = "main.py";

const char *machine_main_file(void) { return machine_main; }
void machine_main_file_reset(void) { strcpy(machine_main, "main.py"); }

static obj_t machine_main_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    if (!obj_is_str(args[0])) {
        raise_msg(&type_ValueError, "main() expects a file name (a str)"); /* spec §5 */
    }
    size_t len;
    const char *s = str_get_data(args[0], &len);
    if (len == 0 || len > MACHINE_MAIN_MAX || memchr(s, '\0', len) != NULL) {
        raise_msg(&type_ValueError, "invalid file name");
    }
    memcpy(machine_main, s, len);
    machine_main[len] = '\0';
    return OBJ_NONE;
}
static DEFINE_FUN(machine_main_obj, main, 1, 1, machine_main_fn);

static obj_t machine_reset(size_t n_args, size_t n_kw, const obj_t *args) {
    if (machine_reset_hook != NULL) {
        machine_reset_hook();
    }
    rt_raise(exc_new(&type_SystemExit, 0, NULL)); /* script mode: the program ends */
}
static DEFINE_FUN(machine_reset_obj, reset, 0, 0, machine_reset);

/* As on the board: a soft reset is a SystemExit that the REPL / boot flow turns into a reboot. */
static obj_t machine_soft_reset(size_t n_args, size_t n_kw, const obj_t *args) {
    rt_raise(exc_new(&type_SystemExit, 0, NULL));
}
static DEFINE_FUN(machine_soft_reset_obj, soft_reset, 0, 0, machine_soft_reset);

static obj_t machine_reset_cause(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new(power_reset_cause());
}
static DEFINE_FUN(machine_reset_cause_obj, reset_cause, 0, 0, machine_reset_cause);

static obj_t machine_wake_reason(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new(power_wake_reason());
}
static DEFINE_FUN(machine_wake_reason_obj, wake_reason, 0, 0, machine_wake_reason);

static obj_t machine_freq(size_t n_args, size_t n_kw, const obj_t *args) { return int_from_uint(MACHINE_FREQ); }
static DEFINE_FUN(machine_freq_obj, freq, 0, 0, machine_freq);

static obj_t machine_unique_id(size_t n_args, size_t n_kw, const obj_t *args) {
    return bytes_new((const char *)machine_mac, sizeof(machine_mac));
}
static DEFINE_FUN(machine_unique_id_obj, unique_id, 0, 0, machine_unique_id);

static obj_t machine_rng(size_t n_args, size_t n_kw, const obj_t *args) {
    uint8_t b[3];
    if (host_random(b, sizeof(b)) != 0) {
        raise_os_error(5 /* EIO */);
    }
    return small_int_new((int_t)b[0] | (int_t)b[1] << 8 | (int_t)b[2] << 16);
}
static DEFINE_FUN(machine_rng_obj, rng, 0, 0, machine_rng);

static obj_t machine_disable_irq(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new((int_t)irq_mask());
}
static DEFINE_FUN(machine_disable_irq_obj, disable_irq, 0, 0, machine_disable_irq);

static obj_t machine_enable_irq(size_t n_args, size_t n_kw, const obj_t *args) {
    irq_unmask(n_args == 0 ? 1u : (uint32_t)(obj_get_int(args[0]) != 0));
    return OBJ_NONE;
}
static DEFINE_FUN(machine_enable_irq_obj, enable_irq, 0, 1, machine_enable_irq);

/* Waits in `state` until done() (board mode: the event loop runs; script mode: short delays). */
static void machine_wait(power_state_t state, uint64_t until, bool (*done)(void), bool service) {
    power_set_state(state);
    if (machine_wait_hook != NULL) {
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            machine_wait_hook(until, done, service);
            nlr_pop();
        } else {
            power_set_state(POWER_ACTIVE); /* Ctrl-C wakes the board too */
            nlr_jump(nlr.value);
        }
    } else {
        while ((done == NULL || !done()) && clock_now_ns() < until) {
            port_delay_us(1000);
        }
    }
    power_set_state(POWER_ACTIVE);
}

static bool machine_irq_or_tick(void) { return irq_any(); }
static bool machine_woken(void) { return power_woken() != POWER_REASON_NONE; }

/* idle(): until the next interrupt, at most the 1 ms system tick */
static obj_t machine_idle(size_t n_args, size_t n_kw, const obj_t *args) {
    machine_wait(POWER_IDLE, clock_now_ns() + 1000000u, machine_irq_or_tick, true);
    return OBJ_NONE;
}
static DEFINE_FUN(machine_idle_obj, idle, 0, 0, machine_idle);

/* sleep() / lightsleep(): suspended (no handler runs) until a SLEEP wake source fires; then the
 * source's handler runs and execution goes on. */
static obj_t machine_sleep(size_t n_args, size_t n_kw, const obj_t *args) {
    power_clear_woken();
    machine_wait(POWER_SLEEP, CLOCK_NEVER, machine_woken, false);
    power_reason_t why = power_woken();
    power_set_boot_cause(power_reset_cause(), why);
    int p = power_woken_pin();
    if (why == POWER_REASON_PIN && p >= 0) {
        machine_irq_run(IRQ_LINE_PIN(p));
    } else if (why == POWER_REASON_RTC) {
        machine_irq_run(IRQ_LINE_RTC); /* the RTC alarm's handler (issue 10) */
    } else if (why == POWER_REASON_WLAN) {
        machine_irq_run(IRQ_LINE_WLAN); /* WLAN activity (issue 12) */
    }
    return OBJ_NONE;
}
static DEFINE_FUN(machine_sleep_obj, sleep, 0, 0, machine_sleep);

/* deepsleep(): until a DEEPSLEEP wake source fires, then a reset (DEEPSLEEP_RESET) */
static obj_t machine_deepsleep(size_t n_args, size_t n_kw, const obj_t *args) {
    if (!power_any_wake_source(POWER_DEEPSLEEP)) {
        static const char msg[] = "deepsleep: no wake source is set; the board sleeps until it is reset\n";
        port_write(msg, sizeof(msg) - 1);
    }
    power_clear_woken();
    machine_wait(POWER_DEEPSLEEP, CLOCK_NEVER, machine_woken, false);
    power_set_boot_cause(POWER_DEEPSLEEP_RESET, power_woken());
    if (machine_deepsleep_hook != NULL) {
        machine_deepsleep_hook();
    }
    rt_raise(exc_new(&type_SystemExit, 0, NULL)); /* script mode: the program ends */
}
static DEFINE_FUN(machine_deepsleep_obj, deepsleep, 0, 0, machine_deepsleep);

static const map_elem_t machine_sleep_table[] = {
    {ROM_QSTR(QSTR_ACTIVE), ROM_INT(POWER_WAKE_IDLE)},
    {ROM_QSTR(QSTR_SUSPENDED), ROM_INT(POWER_WAKE_SLEEP)},
    {ROM_QSTR(QSTR_HIBERNATE), ROM_INT(POWER_WAKE_DEEPSLEEP)},
};
static DEFINE_CONST_DICT(machine_sleep_dict, machine_sleep_table);
static const type_t machine_sleep_type = {.base = {&type_type}, .name = QSTR_Sleep, .locals_dict = &machine_sleep_dict};

/* UART: modules/machine_uart.c (issue 10) */

static const map_elem_t machine_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_machine)},
    {ROM_QSTR(QSTR_main), ROM_PTR(&machine_main_obj)},
    {ROM_QSTR(QSTR_reset), ROM_PTR(&machine_reset_obj)},
    {ROM_QSTR(QSTR_soft_reset), ROM_PTR(&machine_soft_reset_obj)},
    {ROM_QSTR(QSTR_reset_cause), ROM_PTR(&machine_reset_cause_obj)},
    {ROM_QSTR(QSTR_wake_reason), ROM_PTR(&machine_wake_reason_obj)},
    {ROM_QSTR(QSTR_freq), ROM_PTR(&machine_freq_obj)},
    {ROM_QSTR(QSTR_unique_id), ROM_PTR(&machine_unique_id_obj)},
    {ROM_QSTR(QSTR_idle), ROM_PTR(&machine_idle_obj)},
    {ROM_QSTR(QSTR_sleep), ROM_PTR(&machine_sleep_obj)},
    {ROM_QSTR(QSTR_lightsleep), ROM_PTR(&machine_sleep_obj)},
    {ROM_QSTR(QSTR_deepsleep), ROM_PTR(&machine_deepsleep_obj)},
    {ROM_QSTR(QSTR_disable_irq), ROM_PTR(&machine_disable_irq_obj)},
    {ROM_QSTR(QSTR_enable_irq), ROM_PTR(&machine_enable_irq_obj)},
    {ROM_QSTR(QSTR_rng), ROM_PTR(&machine_rng_obj)},
    {ROM_QSTR(QSTR_Pin), ROM_PTR(&machine_pin_type)},
    {ROM_QSTR(QSTR_Signal), ROM_PTR(&machine_signal_type)},
    {ROM_QSTR(QSTR_PinBase), ROM_PTR(&machine_pinbase_type)},
    {ROM_QSTR(QSTR_Sleep), ROM_PTR(&machine_sleep_type)},
    {ROM_QSTR(QSTR_UART), ROM_PTR(&machine_uart_type)},
    {ROM_QSTR(QSTR_IDLE), ROM_INT(POWER_WAKE_IDLE)},
    {ROM_QSTR(QSTR_SLEEP), ROM_INT(POWER_WAKE_SLEEP)},
    {ROM_QSTR(QSTR_DEEPSLEEP), ROM_INT(POWER_WAKE_DEEPSLEEP)},
    {ROM_QSTR(QSTR_PWRON_RESET), ROM_INT(POWER_PWRON_RESET)},
    {ROM_QSTR(QSTR_HARD_RESET), ROM_INT(POWER_HARD_RESET)},
    {ROM_QSTR(QSTR_WDT_RESET), ROM_INT(POWER_WDT_RESET)},
    {ROM_QSTR(QSTR_DEEPSLEEP_RESET), ROM_INT(POWER_DEEPSLEEP_RESET)},
    {ROM_QSTR(QSTR_SOFT_RESET), ROM_INT(POWER_SOFT_RESET)},
    {ROM_QSTR(QSTR_WLAN_WAKE), ROM_INT(POWER_REASON_WLAN)},
    {ROM_QSTR(QSTR_PIN_WAKE), ROM_INT(POWER_REASON_PIN)},
    {ROM_QSTR(QSTR_RTC_WAKE), ROM_INT(POWER_REASON_RTC)},
    {ROM_QSTR(QSTR_I2C), ROM_PTR(&machine_i2c_type)}, /* peripherals (issue 10) */
    {ROM_QSTR(QSTR_RTC), ROM_PTR(&machine_rtc_type)},
    {ROM_QSTR(QSTR_WDT), ROM_PTR(&machine_wdt_type)},
    {ROM_QSTR(QSTR_ADC), ROM_PTR(&machine_adc_type)},
    {ROM_QSTR(QSTR_SPI), ROM_PTR(&machine_spi_type)},
    {ROM_QSTR(QSTR_Timer), ROM_PTR(&machine_timer_type)},
    {ROM_QSTR(QSTR_SD), ROM_PTR(&machine_sd_type)},
};
static DEFINE_CONST_DICT(machine_globals, machine_globals_table);
const module_obj_t machine_module = {{&module_type}, &machine_globals};
REGISTER_MODULE(QSTR_machine, machine_module);
