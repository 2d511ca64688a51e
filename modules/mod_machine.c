/* modules/mod_machine.c: the `machine` module (spec §5): main(), reset(), soft_reset(), the
 * reset cause and wake reason, freq, unique_id, idle/sleep/lightsleep/deepsleep over board/power.h,
 * disable_irq/enable_irq, rng, the constants and machine.Sleep; UART over board/uart.c (UART0 is
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

/* ---- UART ---- */

typedef struct {
    obj_base_t base;
    int id;
} machine_uart_obj_t;

static const type_t machine_uart_type;
static const machine_uart_obj_t machine_uarts[UART_COUNT] = {{{&machine_uart_type}, 0}, {{&machine_uart_type}, 1}};

bool machine_uart_id(obj_t o, int *id) {
    if (!obj_is_type(o, &machine_uart_type)) {
        return false;
    }
    *id = ((const machine_uart_obj_t *)OBJ_TO_PTR(o))->id;
    return true;
}

static const machine_uart_obj_t *uart_self(obj_t o) { return obj_check_self(o, &machine_uart_type); }

static const machine_uart_obj_t *uart_enabled(obj_t o) {
    const machine_uart_obj_t *u = uart_self(o);
    if (!uart_is_enabled(u->id)) {
        raise_os_error(1 /* EPERM: as the board does for a deinitialised UART */);
    }
    return u;
}

/* init(baudrate=9600, bits=8, parity=None, stop=1, *, pins=None) */
static void uart_apply(int id, size_t n_args, const obj_t *args, size_t n_kw, const obj_t *kw) {
    static const arg_spec_t specs[] = {
        {QSTR_baudrate, 0, ROM_INT(9600)},
        {QSTR_bits, 0, ROM_INT(8)},
        {QSTR_parity, 0, ROM_PTR(&none_obj)},
        {QSTR_stop, 0, ROM_INT(1)},
        {QSTR_pins, ARG_KW_ONLY, ROM_PTR(&none_obj)},
    };
    arg_val_t v[5];
    arg_parse_all(n_args, args, n_kw, kw, 5, specs, v);
    int_t baud = obj_get_int(v[0].o);
    int_t bits = obj_get_int(v[1].o);
    int_t stop = obj_get_int(v[3].o);
    if (baud <= 0 || baud > 3000000) {
        raise_msg(&type_ValueError, "invalid baudrate");
    }
    if (bits < 5 || bits > 8 || (stop != 1 && stop != 2)) {
        raise_msg(&type_ValueError, "invalid argument(s) value");
    }
    int_t parity = -1;
    if (v[2].o != OBJ_NONE) {
        parity = obj_get_int(v[2].o);
        if (parity != 0 && parity != 1) {
            raise_msg(&type_ValueError, "invalid argument(s) value");
        }
    }
    uart_config_t cfg = {(uint32_t)baud, (uint8_t)bits, (int8_t)parity, (uint8_t)stop};
    uart_init(id, &cfg);
}

static obj_t uart_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args < 1) {
        raise_msg(&type_TypeError, "UART() needs an id");
    }
    int_t id = obj_get_int(args[0]);
    if (id < 0 || id >= UART_COUNT) {
        raise_os_error(19 /* ENODEV */);
    }
    if (n_args > 1 || n_kw > 0) {
        uart_apply((int)id, n_args - 1, args + 1, n_kw, args + n_args);
    }
    return OBJ_FROM_PTR(&machine_uarts[id]);
}

static obj_t uart_init_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    const machine_uart_obj_t *u = uart_self(args[0]);
    uart_apply(u->id, n_args - 1, args + 1, n_kw, args + n_args);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(uart_init_obj, init, 1, 5, uart_init_fn);

static obj_t uart_deinit_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    uart_deinit(uart_self(args[0])->id);
    return OBJ_NONE;
}
static DEFINE_FUN(uart_deinit_obj, deinit, 1, 1, uart_deinit_fn);

static obj_t uart_any(size_t n_args, size_t n_kw, const obj_t *args) {
    return int_from_uint(uart_rx_available(uart_enabled(args[0])->id));
}
static DEFINE_FUN(uart_any_obj, any, 1, 1, uart_any);

/* read([n]): what has arrived (at most n); None when nothing has (the board's timeout is 0 here) */
static obj_t uart_read_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int id = uart_enabled(args[0])->id;
    size_t want = UART_RX_SIZE;
    if (n_args > 1 && args[1] != OBJ_NONE) {
        int_t n = obj_get_int(args[1]);
        want = n < 0 ? UART_RX_SIZE : (size_t)n;
    }
    if (want > UART_RX_SIZE) {
        want = UART_RX_SIZE;
    }
    if (uart_rx_available(id) == 0) {
        return OBJ_NONE;
    }
    uint8_t buf[UART_RX_SIZE];
    size_t got = uart_read(id, buf, want);
    return bytes_new((const char *)buf, got);
}
static DEFINE_FUN(uart_read_obj, read, 1, 2, uart_read_fn);

static obj_t uart_readline_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int id = uart_enabled(args[0])->id;
    if (uart_rx_available(id) == 0) {
        return OBJ_NONE;
    }
    vstr_t v;
    vstr_init(&v, 32);
    uint8_t c;
    while (uart_read(id, &c, 1) == 1) {
        vstr_add_byte(&v, c);
        if (c == '\n') {
            break;
        }
    }
    return bytes_new(v.buf, v.len);
}
static DEFINE_FUN(uart_readline_obj, readline, 1, 1, uart_readline_fn);

static obj_t uart_readinto_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int id = uart_enabled(args[0])->id;
    buffer_info_t bi;
    io_readinto_target(n_args, args, &bi);
    if (uart_rx_available(id) == 0) {
        return OBJ_NONE;
    }
    return int_from_uint(uart_read(id, (uint8_t *)bi.buf, bi.len));
}
static DEFINE_FUN(uart_readinto_obj, readinto, 2, 3, uart_readinto_fn);

static obj_t uart_write_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int id = uart_enabled(args[0])->id;
    buffer_info_t bi;
    const char *data;
    size_t len;
    if (obj_is_str(args[1])) {
        data = str_get_data(args[1], &len);
    } else {
        rt_get_buffer_or_raise(args[1], &bi, BUFFER_READ);
        data = (const char *)bi.buf;
        len = bi.len;
    }
    uart_write(id, (const uint8_t *)data, len);
    return int_from_uint(len);
}
static DEFINE_FUN(uart_write_obj, write, 2, 2, uart_write_fn);

static void uart_print(const print_t *p, obj_t o, print_kind_t kind) {
    const machine_uart_obj_t *u = (const machine_uart_obj_t *)OBJ_TO_PTR(o);
    if (!uart_is_enabled(u->id)) {
        print_fmt(p, "UART(%d)", u->id);
        return;
    }
    uart_config_t c;
    uart_config(u->id, &c);
    print_fmt(p, "UART(%d, baudrate=%u, bits=%u, parity=%s, stop=%u)", u->id, (unsigned)c.baudrate,
        (unsigned)c.bits, c.parity < 0 ? "None" : c.parity == 0 ? "UART.EVEN" : "UART.ODD", (unsigned)c.stop);
}

static const map_elem_t uart_locals_table[] = {
    {ROM_QSTR(QSTR_init), ROM_PTR(&uart_init_obj)},
    {ROM_QSTR(QSTR_deinit), ROM_PTR(&uart_deinit_obj)},
    {ROM_QSTR(QSTR_any), ROM_PTR(&uart_any_obj)},
    {ROM_QSTR(QSTR_read), ROM_PTR(&uart_read_obj)},
    {ROM_QSTR(QSTR_readline), ROM_PTR(&uart_readline_obj)},
    {ROM_QSTR(QSTR_readinto), ROM_PTR(&uart_readinto_obj)},
    {ROM_QSTR(QSTR_write), ROM_PTR(&uart_write_obj)},
    {ROM_QSTR(QSTR_EVEN), ROM_INT(0)},
    {ROM_QSTR(QSTR_ODD), ROM_INT(1)},
};
static DEFINE_CONST_DICT(uart_locals_dict, uart_locals_table);

/* select.poll on a UART (modules/stream.h): readable when its receive ring holds bytes; a
 * deinitialised UART reports POLLNVAL. Its bytes arrive through the event loop, not a host
 * descriptor, so a waiter asks again every millisecond. */
static ssize_t uart_p_read(obj_t self, void *buf, size_t len) {
    int id = uart_self(self)->id;
    if (!uart_is_enabled(id)) {
        return -EPERM;
    }
    size_t n = uart_read(id, buf, len);
    return n > 0 ? (ssize_t)n : -EAGAIN;
}
static ssize_t uart_p_write(obj_t self, const void *buf, size_t len) {
    int id = uart_self(self)->id;
    if (!uart_is_enabled(id)) {
        return -EPERM;
    }
    uart_write(id, buf, len);
    return (ssize_t)len;
}
static int uart_p_poll(obj_t self, int events) {
    int id = uart_self(self)->id;
    if (!uart_is_enabled(id)) {
        return STREAM_POLL_NVAL;
    }
    return (uart_rx_available(id) > 0 ? events & STREAM_POLL_RD : 0) | (events & STREAM_POLL_WR);
}
static int uart_p_wait_fd(obj_t self, int *events) { return -1; }
static const stream_p_t uart_stream_p = {QSTR_stream, uart_p_read, uart_p_write, uart_p_poll, uart_p_wait_fd};

static const type_t machine_uart_type = {.base = {&type_type}, .name = QSTR_UART, .print = uart_print,
    .make_new = uart_make_new, .locals_dict = &uart_locals_dict, .protocol = &uart_stream_p};

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
};
static DEFINE_CONST_DICT(machine_globals, machine_globals_table);
const module_obj_t machine_module = {{&module_type}, &machine_globals};
REGISTER_MODULE(QSTR_machine, machine_module);
