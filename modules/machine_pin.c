/* modules/machine_pin.c: machine.Pin (spec §5 Pin) over board/pin.h: 25 static singletons, the
 * constructor and init() with every argument checked, value/toggle/mode/pull/drive/id/alt_list,
 * Pin.board.GPn, and irq() through modules/machine_irq.c; machine.PinBase, the base class of pins
 * written in Python (a subclass gives value([x]); Signal and the rest call it). Constant values are the CC3200's own
 * register values (so scripts that print them see the board's numbers).
 * Invariant: a Pin object holds only its index; every state is board/'s. */
#include "modules/machine_pin.h"

#include "board/irq.h"
#include "board/pin.h"
#include "board/power.h"
#include "core/runtime.h"
#include "modules/machine_irq.h"

#define PM_IN 0
#define PM_OUT 1
#define PM_ALT 2
#define PM_ALT_OD 3
#define PM_OD 0x10
#define PP_UP 0x100
#define PP_DOWN 0x200
#define PD_LOW 0x20
#define PD_MED 0x40
#define PD_HIGH 0x60

const type_t machine_pin_type;
static const machine_pin_obj_t machine_pins[PIN_COUNT] = {
    {{&machine_pin_type}, 0},
    {{&machine_pin_type}, 1},
    {{&machine_pin_type}, 2},
    {{&machine_pin_type}, 3},
    {{&machine_pin_type}, 4},
    {{&machine_pin_type}, 5},
    {{&machine_pin_type}, 6},
    {{&machine_pin_type}, 7},
    {{&machine_pin_type}, 8},
    {{&machine_pin_type}, 9},
    {{&machine_pin_type}, 10},
    {{&machine_pin_type}, 11},
    {{&machine_pin_type}, 12},
    {{&machine_pin_type}, 13},
    {{&machine_pin_type}, 14},
    {{&machine_pin_type}, 15},
    {{&machine_pin_type}, 16},
    {{&machine_pin_type}, 17},
    {{&machine_pin_type}, 18},
    {{&machine_pin_type}, 19},
    {{&machine_pin_type}, 20},
    {{&machine_pin_type}, 21},
    {{&machine_pin_type}, 22},
    {{&machine_pin_type}, 23},
    {{&machine_pin_type}, 24}
};
static const uint16_t pin_qstrs[PIN_COUNT] = {QSTR_GP0, QSTR_GP1, QSTR_GP2, QSTR_GP3, QSTR_GP4, QSTR_GP5, QSTR_GP6, QSTR_GP7, QSTR_GP8, QSTR_GP9, QSTR_GP10, QSTR_GP11, QSTR_GP12, QSTR_GP13, QSTR_GP14, QSTR_GP15, QSTR_GP16, QSTR_GP17, QSTR_GP22, QSTR_GP23, QSTR_GP24, QSTR_GP25, QSTR_GP28, QSTR_GP30, QSTR_GP31};

static const int mode_consts[] = {PM_IN, PM_OUT, PM_OD, PM_ALT, PM_ALT_OD}; /* by pin_mode_t */
static const uint16_t mode_names[] = {QSTR_IN, QSTR_OUT, QSTR_OPEN_DRAIN, QSTR_ALT, QSTR_ALT_OPEN_DRAIN};
static const int pull_consts[] = {0, PP_UP, PP_DOWN};
static const uint16_t pull_names[] = {0, QSTR_PULL_UP, QSTR_PULL_DOWN};
static const int drive_consts[] = {PD_LOW, PD_MED, PD_HIGH};
static const uint16_t drive_names[] = {QSTR_LOW_POWER, QSTR_MED_POWER, QSTR_HIGH_POWER};

static NORETURN void pin_bad_args(void) { raise_msg(&type_ValueError, "invalid argument(s) value"); }

/* The index of a constant in a table, or a ValueError. */
static int from_const(obj_t o, const int *table, int n) {
    int_t v = obj_get_int(o);
    for (int i = 0; i < n; i++) {
        if (table[i] == v) {
            return i;
        }
    }
    pin_bad_args();
}

static pin_mode_t mode_of(obj_t o) { return (pin_mode_t)from_const(o, mode_consts, 5); }
static pin_pull_t pull_of(obj_t o) { return o == OBJ_NONE ? PIN_PULL_NONE : (pin_pull_t)from_const(o, pull_consts + 1, 2) + 1; }
static pin_drive_t drive_of(obj_t o) { return (pin_drive_t)from_const(o, drive_consts, 3); }

int machine_pin_index(obj_t o) {
    if (obj_is_type(o, &machine_pin_type)) {
        return ((const machine_pin_obj_t *)OBJ_TO_PTR(o))->idx;
    }
    if (obj_is_str(o)) {
        size_t len;
        const char *s = str_get_data(o, &len);
        int p = pin_by_name(s, len);
        if (p >= 0) {
            return p;
        }
        raise_msg(&type_ValueError, "invalid pin name: the WiPy's pins are GP0..GP17, GP22..GP25, GP28, GP30, GP31");
    }
    raise_msg(&type_TypeError, "a pin is a 'GPn' string or a Pin");
}

obj_t machine_pin_obj(int idx) { return OBJ_FROM_PTR(&machine_pins[idx]); }

static int pin_self(obj_t o) { return ((const machine_pin_obj_t *)obj_check_self(o, &machine_pin_type))->idx; }

/* init(mode=IN, pull=None, *, value=None, drive=MED_POWER, alt=-1) */
static void pin_apply(int p, size_t n_args, const obj_t *args, size_t n_kw, const obj_t *kw) {
    static const arg_spec_t specs[] = {
        {QSTR_mode, 0, ROM_INT(PM_IN)},
        {QSTR_pull, 0, ROM_PTR(&none_obj)},
        {QSTR_value, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_drive, ARG_KW_ONLY, ROM_INT(PD_MED)},
        {QSTR_alt, ARG_KW_ONLY, ROM_INT(-1)},
    };
    arg_val_t v[5];
    arg_parse_all(n_args, args, n_kw, kw, 5, specs, v);
    pin_config_t c;
    c.mode = mode_of(v[0].o);
    c.pull = pull_of(v[1].o);
    c.drive = drive_of(v[3].o);
    int_t alt = obj_get_int(v[4].o);
    if (c.mode == PIN_MODE_ALT || c.mode == PIN_MODE_ALT_OPEN_DRAIN) {
        /* as the CC3200: -1 and 0 (no function) pass, else one of the pin's alt indices */
        if (alt < -1 || alt > 15 || (alt > 0 && !pin_has_alt(p, (int)alt))) {
            pin_bad_args();
        }
    } else if (alt != -1) {
        pin_bad_args(); /* an alt function outside the ALT modes */
    }
    c.alt = (int8_t)alt;
    if (v[2].o != OBJ_NULL) {
        pin_write(p, rt_is_true(v[2].o)); /* the latch first: no glitch when the output turns on */
    }
    pin_configure(p, &c);
}

static obj_t pin_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args < 1) {
        raise_msg(&type_TypeError, "Pin() needs an id");
    }
    int p = machine_pin_index(args[0]);
    if (n_args > 1 || n_kw > 0) {
        pin_apply(p, n_args - 1, args + 1, n_kw, args + n_args);
    }
    return machine_pin_obj(p);
}

static obj_t pin_init_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    pin_apply(pin_self(args[0]), n_args - 1, args + 1, n_kw, args + n_args);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(pin_init_obj, init, 1, 6, pin_init_fn);

static obj_t pin_value_get_set(int p, size_t n_args, const obj_t *args) {
    if (n_args == 0) {
        return small_int_new(pin_level(p));
    }
    pin_write(p, rt_is_true(args[0]));
    return OBJ_NONE;
}

static obj_t pin_value_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    return pin_value_get_set(pin_self(args[0]), n_args - 1, args + 1);
}
static DEFINE_FUN(pin_value_obj, value, 1, 2, pin_value_fn);

static obj_t pin_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, false);
    return pin_value_get_set(pin_self(self), n_args, args);
}

static obj_t pin_toggle_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int p = pin_self(args[0]);
    pin_write(p, !pin_latch(p));
    return OBJ_NONE;
}
static DEFINE_FUN(pin_toggle_obj, toggle, 1, 1, pin_toggle_fn);

static obj_t pin_id_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    return ROM_QSTR(pin_qstrs[pin_self(args[0])]);
}
static DEFINE_FUN(pin_id_obj, id, 1, 1, pin_id_fn);

static obj_t pin_mode_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int p = pin_self(args[0]);
    pin_config_t c;
    pin_get_config(p, &c);
    if (n_args == 1) {
        return small_int_new(mode_consts[c.mode]);
    }
    pin_mode_t m = mode_of(args[1]);
    if (m == PIN_MODE_ALT || m == PIN_MODE_ALT_OPEN_DRAIN) {
        if (c.alt < 0) {
            c.alt = 0;
        }
    } else {
        c.alt = -1;
    }
    c.mode = m;
    pin_configure(p, &c);
    return OBJ_NONE;
}
static DEFINE_FUN(pin_mode_obj, mode, 1, 2, pin_mode_fn);

static obj_t pin_pull_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int p = pin_self(args[0]);
    pin_config_t c;
    pin_get_config(p, &c);
    if (n_args == 1) {
        return c.pull == PIN_PULL_NONE ? OBJ_NONE : small_int_new(pull_consts[c.pull]);
    }
    c.pull = pull_of(args[1]);
    pin_configure(p, &c);
    return OBJ_NONE;
}
static DEFINE_FUN(pin_pull_obj, pull, 1, 2, pin_pull_fn);

static obj_t pin_drive_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int p = pin_self(args[0]);
    pin_config_t c;
    pin_get_config(p, &c);
    if (n_args == 1) {
        return small_int_new(drive_consts[c.drive]);
    }
    c.drive = drive_of(args[1]);
    pin_configure(p, &c);
    return OBJ_NONE;
}
static DEFINE_FUN(pin_drive_obj, drive, 1, 2, pin_drive_fn);

static obj_t pin_alt_list_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    const pin_info_t *info = &pin_info[pin_self(args[0])];
    obj_t l = list_new(0, NULL);
    for (int i = 0; i < info->n_alt; i++) {
        obj_t t[2] = {str_new(info->alt[i].fn, strlen(info->alt[i].fn)), small_int_new(info->alt[i].index)};
        list_append(l, tuple_new(2, t));
    }
    return l;
}
static DEFINE_FUN(pin_alt_list_obj, alt_list, 1, 1, pin_alt_list_fn);

/* ---- irq ---- */

static void pin_irq_apply(obj_t parent, const machine_irq_args_t *a) {
    int p = pin_self(parent);
    int t = a->trigger;
    if (t != PIN_IRQ_FALLING && t != PIN_IRQ_RISING && t != PIN_IRQ_LOW_LEVEL && t != PIN_IRQ_HIGH_LEVEL &&
        t != (PIN_IRQ_FALLING | PIN_IRQ_RISING)) {
        raise_msg(&type_ValueError, "invalid argument(s) value: trigger");
    }
    unsigned sleep_levels = (unsigned)a->wake & (POWER_WAKE_SLEEP | POWER_WAKE_DEEPSLEEP);
    if (sleep_levels != 0 && !pin_info[p].wake) {
        raise_msg(&type_ValueError, "invalid argument(s) value: this pin can't wake the board from sleep "
                                    "(wake pins: GP2 GP4 GP10 GP11 GP13 GP17 GP24)");
    }
    if (sleep_levels == 0 && (power_wake_pin_levels(p) & (POWER_WAKE_SLEEP | POWER_WAKE_DEEPSLEEP)) == 0) {
        /* not a sleep wake source before nor now: nothing to change there */
    } else {
        power_wake_pin(p, sleep_levels);
    }
    pin_irq_set(p, (unsigned)t);
}

static unsigned pin_irq_flags_of(obj_t parent) { return pin_irq_flags(pin_self(parent)); }
static void pin_irq_ack_of(obj_t parent) { pin_irq_ack(pin_self(parent)); }
static void pin_irq_enable_of(obj_t parent, bool on) {
    int p = pin_self(parent);
    if (on) {
        pin_irq_set(p, pin_irq_trigger(p)); /* fresh flags; a level that holds pends now */
    }
}

static const machine_irq_source_t pin_irq_source = {pin_irq_apply, pin_irq_flags_of, pin_irq_ack_of, pin_irq_enable_of};

static obj_t pin_irq_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int p = pin_self(args[0]);
    obj_t irq = machine_irq_make(IRQ_LINE_PIN(p), args[0], &pin_irq_source, -1, n_args - 1, args + 1, n_kw,
        args + n_args);
    pin_irq_enable_of(args[0], irq_enabled(IRQ_LINE_PIN(p)));
    return irq;
}
static DEFINE_FUN_KW(pin_irq_obj, irq, 1, 5, pin_irq_fn);

/* ---- the type ---- */

static void pin_print(const print_t *pr, obj_t o, print_kind_t kind) {
    int p = ((const machine_pin_obj_t *)OBJ_TO_PTR(o))->idx;
    pin_config_t c;
    pin_get_config(p, &c);
    print_fmt(pr, "Pin('%s', mode=Pin.%q, pull=", pin_info[p].name, (unsigned)mode_names[c.mode]);
    if (c.pull == PIN_PULL_NONE) {
        print_fmt(pr, "None");
    } else {
        print_fmt(pr, "Pin.%q", (unsigned)pull_names[c.pull]);
    }
    print_fmt(pr, ", drive=Pin.%q, alt=%d)", (unsigned)drive_names[c.drive], (int)c.alt);
}

static const map_elem_t pin_board_table[] = {
    {ROM_QSTR(QSTR_GP0), ROM_PTR(&machine_pins[0])},
    {ROM_QSTR(QSTR_GP1), ROM_PTR(&machine_pins[1])},
    {ROM_QSTR(QSTR_GP2), ROM_PTR(&machine_pins[2])},
    {ROM_QSTR(QSTR_GP3), ROM_PTR(&machine_pins[3])},
    {ROM_QSTR(QSTR_GP4), ROM_PTR(&machine_pins[4])},
    {ROM_QSTR(QSTR_GP5), ROM_PTR(&machine_pins[5])},
    {ROM_QSTR(QSTR_GP6), ROM_PTR(&machine_pins[6])},
    {ROM_QSTR(QSTR_GP7), ROM_PTR(&machine_pins[7])},
    {ROM_QSTR(QSTR_GP8), ROM_PTR(&machine_pins[8])},
    {ROM_QSTR(QSTR_GP9), ROM_PTR(&machine_pins[9])},
    {ROM_QSTR(QSTR_GP10), ROM_PTR(&machine_pins[10])},
    {ROM_QSTR(QSTR_GP11), ROM_PTR(&machine_pins[11])},
    {ROM_QSTR(QSTR_GP12), ROM_PTR(&machine_pins[12])},
    {ROM_QSTR(QSTR_GP13), ROM_PTR(&machine_pins[13])},
    {ROM_QSTR(QSTR_GP14), ROM_PTR(&machine_pins[14])},
    {ROM_QSTR(QSTR_GP15), ROM_PTR(&machine_pins[15])},
    {ROM_QSTR(QSTR_GP16), ROM_PTR(&machine_pins[16])},
    {ROM_QSTR(QSTR_GP17), ROM_PTR(&machine_pins[17])},
    {ROM_QSTR(QSTR_GP22), ROM_PTR(&machine_pins[18])},
    {ROM_QSTR(QSTR_GP23), ROM_PTR(&machine_pins[19])},
    {ROM_QSTR(QSTR_GP24), ROM_PTR(&machine_pins[20])},
    {ROM_QSTR(QSTR_GP25), ROM_PTR(&machine_pins[21])},
    {ROM_QSTR(QSTR_GP28), ROM_PTR(&machine_pins[22])},
    {ROM_QSTR(QSTR_GP30), ROM_PTR(&machine_pins[23])},
    {ROM_QSTR(QSTR_GP31), ROM_PTR(&machine_pins[24])},
};
static DEFINE_CONST_DICT(pin_board_dict, pin_board_table);
static const type_t pin_board_type = {.base = {&type_type}, .name = QSTR_board, .locals_dict = &pin_board_dict};

static const map_elem_t pin_locals_table[] = {
    {ROM_QSTR(QSTR_init), ROM_PTR(&pin_init_obj)},
    {ROM_QSTR(QSTR_value), ROM_PTR(&pin_value_obj)},
    {ROM_QSTR(QSTR_toggle), ROM_PTR(&pin_toggle_obj)},
    {ROM_QSTR(QSTR_id), ROM_PTR(&pin_id_obj)},
    {ROM_QSTR(QSTR_mode), ROM_PTR(&pin_mode_obj)},
    {ROM_QSTR(QSTR_pull), ROM_PTR(&pin_pull_obj)},
    {ROM_QSTR(QSTR_drive), ROM_PTR(&pin_drive_obj)},
    {ROM_QSTR(QSTR_alt_list), ROM_PTR(&pin_alt_list_obj)},
    {ROM_QSTR(QSTR_irq), ROM_PTR(&pin_irq_obj)},
    {ROM_QSTR(QSTR_board), ROM_PTR(&pin_board_type)},
    {ROM_QSTR(QSTR_IN), ROM_INT(PM_IN)},
    {ROM_QSTR(QSTR_OUT), ROM_INT(PM_OUT)},
    {ROM_QSTR(QSTR_OPEN_DRAIN), ROM_INT(PM_OD)},
    {ROM_QSTR(QSTR_ALT), ROM_INT(PM_ALT)},
    {ROM_QSTR(QSTR_ALT_OPEN_DRAIN), ROM_INT(PM_ALT_OD)},
    {ROM_QSTR(QSTR_PULL_UP), ROM_INT(PP_UP)},
    {ROM_QSTR(QSTR_PULL_DOWN), ROM_INT(PP_DOWN)},
    {ROM_QSTR(QSTR_LOW_POWER), ROM_INT(PD_LOW)},
    {ROM_QSTR(QSTR_MED_POWER), ROM_INT(PD_MED)},
    {ROM_QSTR(QSTR_HIGH_POWER), ROM_INT(PD_HIGH)},
    {ROM_QSTR(QSTR_IRQ_FALLING), ROM_INT(PIN_IRQ_FALLING)},
    {ROM_QSTR(QSTR_IRQ_RISING), ROM_INT(PIN_IRQ_RISING)},
    {ROM_QSTR(QSTR_IRQ_LOW_LEVEL), ROM_INT(PIN_IRQ_LOW_LEVEL)},
    {ROM_QSTR(QSTR_IRQ_HIGH_LEVEL), ROM_INT(PIN_IRQ_HIGH_LEVEL)},
};
static DEFINE_CONST_DICT(pin_locals_dict, pin_locals_table);
const type_t machine_pin_type = {.base = {&type_type}, .name = QSTR_Pin, .print = pin_print,
    .make_new = pin_make_new, .call = pin_call, .locals_dict = &pin_locals_dict};

/* ---- machine.PinBase, as MicroPython has it: an abstract base a Python class derives from to be
 * a pin by its own value([x]) method. Its native part holds nothing, so every instance shares one. */

static const obj_base_t pinbase_native = {&machine_pinbase_type};

static obj_t pinbase_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    return OBJ_FROM_PTR(&pinbase_native);
}

const type_t machine_pinbase_type = {.base = {&type_type}, .name = QSTR_PinBase, .make_new = pinbase_make_new};
