/* modules/machine_uart.c: machine.UART (spec §5 UART) over board/uart.c (the receive ring, the
 * terminal's wire, RX_ANY) and board/uart_line.c (pins and the wires between UARTs): ids 0 and 1,
 * one static object each; the id may come from the pins; pins=(TX, RX[, RTS, CTS]) with None for
 * an unused one, pins=None keeps the current ones, no pins= takes the defaults (GP1/GP2, GP3/GP4).
 * write() returns once the bytes have left on the wire (simulated time at the configured rate).
 * Invariant: a UART's pins are in its ALT function exactly while it is initialised with them. */
#include <errno.h>
#include <string.h>

#include "board/clock.h"
#include "board/irq.h"
#include "board/pin.h"
#include "board/uart.h"
#include "board/uart_line.h"
#include "core/obj_str.h"
#include "core/runtime.h"
#include "modules/machine_irq.h"
#include "modules/machine_periph.h"
#include "modules/machine_pin.h"
#include "modules/mod_io_file.h"
#include "modules/mod_machine.h"
#include "modules/stream.h"

typedef struct {
    obj_base_t base;
    int id;
} machine_uart_obj_t;

static const machine_uart_obj_t machine_uarts[UART_COUNT] = {{{&machine_uart_type}, 0}, {{&machine_uart_type}, 1}};
static bool uart_has_handler[UART_COUNT];
static const char *const default_pins[UART_COUNT][2] = {{"GP1", "GP2"}, {"GP3", "GP4"}};

bool machine_uart_id(obj_t o, int *id) {
    if (!obj_is_type(o, &machine_uart_type)) {
        return false;
    }
    *id = ((const machine_uart_obj_t *)OBJ_TO_PTR(o))->id;
    return true;
}

static const machine_uart_obj_t *uart_self(obj_t o) { return obj_check_self(o, &machine_uart_type); }

static int uart_enabled(obj_t o) {
    const machine_uart_obj_t *u = uart_self(o);
    if (!uart_is_enabled(u->id)) {
        raise_os_error(EPERM);
    }
    return u->id;
}

static NORETURN void bad_args(void) { raise_msg(&type_ValueError, "invalid argument(s) value"); }

/* ---- pins ---- */

static void release_pin(int p) {
    pin_config_t c = {PIN_MODE_IN, PIN_PULL_NONE, PIN_DRIVE_MED, -1};
    pin_configure(p, &c);
}

/* Gives the UART these pins (-1: none), releasing the ones it had and no longer uses. */
static void assign_pins(int id, const int pins[UART_PINS]) {
    for (int w = 0; w < UART_PINS; w++) {
        int old = uart_line_pin(id, w);
        bool kept = false;
        for (int k = 0; k < UART_PINS; k++) {
            kept |= old >= 0 && pins[k] == old;
        }
        if (old >= 0 && !kept) {
            release_pin(old);
        }
    }
    for (int w = 0; w < UART_PINS; w++) {
        if (pins[w] >= 0) {
            pin_config_t c = {PIN_MODE_ALT, PIN_PULL_UP, PIN_DRIVE_MED, (int8_t)uart_line_pin_alt(pins[w], id, w)};
            pin_configure(pins[w], &c);
            if (w == UART_PIN_TX || w == UART_PIN_RTS) {
                pin_alt_drive(pins[w], 1); /* an idle line is high */
            }
        }
    }
    uart_line_set_pins(id, pins);
}

/* The pins argument: NULL (default pins), None (keep), or (TX, RX[, RTS, CTS]). */
static bool parse_pins(int id, obj_t arg, int pins[UART_PINS]) {
    for (int w = 0; w < UART_PINS; w++) {
        pins[w] = -1;
    }
    if (arg == OBJ_NONE) {
        return false;
    }
    if (arg == OBJ_NULL) {
        pins[UART_PIN_TX] = pin_by_name(default_pins[id][0], strlen(default_pins[id][0]));
        pins[UART_PIN_RX] = pin_by_name(default_pins[id][1], strlen(default_pins[id][1]));
        return true;
    }
    size_t n;
    obj_t *items;
    obj_get_array(arg, &n, &items);
    if (n != 2 && n != 4) {
        bad_args();
    }
    for (size_t w = 0; w < n; w++) {
        if (items[w] == OBJ_NONE) {
            continue;
        }
        int p = machine_pin_index(items[w]);
        if (uart_line_pin_alt(p, id, (int)w) < 0) {
            bad_args();
        }
        pins[w] = p;
    }
    if ((pins[UART_PIN_RTS] >= 0 && pins[UART_PIN_RX] < 0) || (pins[UART_PIN_CTS] >= 0 && pins[UART_PIN_TX] < 0)) {
        bad_args(); /* RTS without RX, CTS without TX */
    }
    return true;
}

/* The id a UART() without one means: the TX pin's UART (RX's if TX is None), else 0. */
static int id_from_pins(obj_t arg) {
    if (arg == OBJ_NULL || arg == OBJ_NONE) {
        return 0;
    }
    size_t n;
    obj_t *items;
    obj_get_array(arg, &n, &items);
    if (n < 2) {
        bad_args();
    }
    int which = items[0] == OBJ_NONE ? UART_PIN_RX : UART_PIN_TX;
    if (items[which] == OBJ_NONE) {
        return 0;
    }
    int id = uart_line_unit_of(machine_pin_index(items[which]), which);
    if (id < 0) {
        bad_args();
    }
    return id;
}

/* ---- init ---- */

static const arg_spec_t uart_init_specs[] = {
    {QSTR_baudrate, 0, ROM_INT(9600)},
    {QSTR_bits, 0, ROM_INT(8)},
    {QSTR_parity, 0, ROM_PTR(&none_obj)},
    {QSTR_stop, 0, ROM_INT(1)},
    {QSTR_pins, ARG_KW_ONLY, OBJ_NULL},
};

static void uart_apply(int id, const arg_val_t *v) {
    int_t baud = obj_get_int(v[0].o);
    int_t bits = obj_get_int(v[1].o);
    int_t stop = obj_get_int(v[3].o);
    if (baud <= 0 || baud > 3000000) {
        raise_msg(&type_ValueError, "invalid baudrate");
    }
    /* stop: 1 or 2; the WiPy's firmware takes 0 as 2 (its own tests pass stop=0) */
    if (bits < 5 || bits > 8 || (stop != 0 && stop != 1 && stop != 2)) {
        bad_args();
    }
    int_t parity = -1;
    if (v[2].o != OBJ_NONE) {
        parity = obj_get_int(v[2].o);
        if (parity != 0 && parity != 1) {
            bad_args();
        }
    }
    int pins[UART_PINS];
    bool set_pins = parse_pins(id, v[4].o, pins);
    uart_config_t cfg = {(uint32_t)baud, (uint8_t)bits, (int8_t)parity, (uint8_t)(stop == 1 ? 1 : 2)};
    if (set_pins) {
        uart_line_flush(id);
        assign_pins(id, pins);
    }
    uart_init(id, &cfg);
    uart_irq_set(id, 0); /* as the board: a fresh init has its irq off */
    uart_has_handler[id] = false;
}

static obj_t uart_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t id_arg = OBJ_NULL;
    if (n_args > 0) {
        id_arg = args[0];
        n_args--;
        args++;
    }
    arg_val_t v[5];
    arg_parse_all(n_args, args, n_kw, args + n_args, 5, uart_init_specs, v);
    int_t id = id_arg == OBJ_NULL ? id_from_pins(v[4].o) : obj_get_int(id_arg);
    if (id < 0 || id >= UART_COUNT) {
        raise_os_error(ENODEV);
    }
    uart_apply((int)id, v);
    return OBJ_FROM_PTR(&machine_uarts[id]);
}

static obj_t uart_init_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    const machine_uart_obj_t *u = uart_self(args[0]);
    arg_val_t v[5];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 5, uart_init_specs, v);
    uart_apply(u->id, v);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(uart_init_obj, init, 1, 5, uart_init_fn);

static void uart_off(int id) {
    uart_line_flush(id);
    int none[UART_PINS] = {-1, -1, -1, -1};
    assign_pins(id, none);
    uart_irq_set(id, 0);
    uart_deinit(id);
}

void machine_uart_boot(void) {
    for (int id = 0; id < UART_COUNT; id++) {
        uart_line_reset(id);
        uart_irq_set(id, 0);
        uart_has_handler[id] = false;
    }
}

static obj_t uart_deinit_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    uart_off(uart_self(args[0])->id);
    return OBJ_NONE;
}
static DEFINE_FUN(uart_deinit_obj, deinit, 1, 1, uart_deinit_fn);

/* ---- I/O ---- */

static obj_t uart_any(size_t n_args, size_t n_kw, const obj_t *args) {
    return int_from_uint(uart_rx_available(uart_enabled(args[0])));
}
static DEFINE_FUN(uart_any_obj, any, 1, 1, uart_any);

/* read([n]): what has arrived (at most n); None when nothing has (the board's timeout is 0 here) */
static obj_t uart_read_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int id = uart_enabled(args[0]);
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
    int id = uart_enabled(args[0]);
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
    int id = uart_enabled(args[0]);
    buffer_info_t bi;
    io_readinto_target(n_args, args, &bi);
    if (uart_rx_available(id) == 0) {
        return OBJ_NONE;
    }
    return int_from_uint(uart_read(id, (uint8_t *)bi.buf, bi.len));
}
static DEFINE_FUN(uart_readinto_obj, readinto, 2, 3, uart_readinto_fn);

static int waiting_uart;
static bool line_idle(void) { return uart_line_idle(waiting_uart); }

/* The bytes leave on the TX pin's wire at the configured rate; write returns when they are out. */
static void send_on_wire(int id, const uint8_t *data, size_t len) {
    if (uart_line_pin(id, UART_PIN_TX) < 0) {
        return;
    }
    size_t off = 0;
    while (off < len) {
        off += uart_line_send(id, data + off, len - off);
        if (machine_wait_hook == NULL) {
            uart_line_flush(id); /* script mode: no loop runs the clock's timers */
            continue;
        }
        waiting_uart = id;
        machine_wait_hook(CLOCK_NEVER, line_idle, true);
    }
}

static obj_t uart_write_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int id = uart_enabled(args[0]);
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
    uart_write(id, (const uint8_t *)data, len); /* the terminal's wire (UART0) */
    send_on_wire(id, (const uint8_t *)data, len);
    return int_from_uint(len);
}
static DEFINE_FUN(uart_write_obj, write, 2, 2, uart_write_fn);

static obj_t uart_sendbreak_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    uart_line_break(uart_enabled(args[0]));
    return OBJ_NONE;
}
static DEFINE_FUN(uart_sendbreak_obj, sendbreak, 1, 1, uart_sendbreak_fn);

/* ---- irq ---- */

static int uart_id_of(obj_t parent) { return uart_self(parent)->id; }

static void uart_irq_apply(obj_t parent, const machine_irq_args_t *a) {
    if (a->trigger != UART_RX_ANY) {
        raise_msg(&type_ValueError, "invalid argument(s) value: trigger");
    }
    if (a->wake != 1 /* machine.IDLE: a UART does not wake the board from sleep */) {
        raise_msg(&type_ValueError, "invalid argument(s) value: wake");
    }
    int id = uart_id_of(parent);
    uart_irq_set(id, (unsigned)a->trigger);
    uart_has_handler[id] = a->handler != OBJ_NONE;
}

/* Without a handler, or disabled, an event is consumed as it comes (nothing to report after). */
static unsigned uart_irq_flags_of(obj_t parent) {
    int id = uart_id_of(parent);
    if (!uart_has_handler[id] || !irq_enabled(IRQ_LINE_UART(id))) {
        uart_irq_ack(id);
    }
    return uart_irq_flags(id);
}
static void uart_irq_ack_of(obj_t parent) { uart_irq_ack(uart_id_of(parent)); }
static void uart_irq_enable_of(obj_t parent, bool on) {
    if (!on) {
        uart_irq_ack(uart_id_of(parent));
    }
}
static const machine_irq_source_t uart_irq_source = {uart_irq_apply, uart_irq_flags_of, uart_irq_ack_of,
    uart_irq_enable_of};

static obj_t uart_irq_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int id = uart_enabled(args[0]);
    return machine_irq_make(IRQ_LINE_UART(id), args[0], &uart_irq_source, UART_RX_ANY, n_args - 1, args + 1, n_kw,
        args + n_args);
}
static DEFINE_FUN_KW(uart_irq_obj, irq, 1, 5, uart_irq_fn);

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
    {ROM_QSTR(QSTR_sendbreak), ROM_PTR(&uart_sendbreak_obj)},
    {ROM_QSTR(QSTR_irq), ROM_PTR(&uart_irq_obj)},
    {ROM_QSTR(QSTR_EVEN), ROM_INT(0)},
    {ROM_QSTR(QSTR_ODD), ROM_INT(1)},
    {ROM_QSTR(QSTR_RX_ANY), ROM_INT(UART_RX_ANY)},
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
    send_on_wire(id, buf, len);
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

const type_t machine_uart_type = {.base = {&type_type}, .name = QSTR_UART, .print = uart_print,
    .make_new = uart_make_new, .locals_dict = &uart_locals_dict, .protocol = &uart_stream_p};
