/* modules/machine_signal.c: machine.Signal, as MicroPython has it: a pin (or any object with a
 * value([x]) method) seen through an optional inversion, with value([x]), on(), off() and
 * __call__. Signal(pin_obj, *, invert=False) or Signal(pin_id, <Pin's arguments>, invert=False).
 * Invariant: the Signal keeps no level of its own; it reads and writes through the pin. */
#include "core/runtime.h"
#include "modules/machine_pin.h"
#include "modules/mod_machine.h"

typedef struct {
    obj_base_t base;
    obj_t pin;
    bool invert;
} machine_signal_obj_t;

static obj_t signal_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args < 1) {
        raise_msg(&type_TypeError, "Signal() needs a pin");
    }
    /* invert= is ours; the other arguments (if any) configure the pin */
    bool invert = false;
    obj_t kw_rest[2 * 8];
    size_t n_rest = 0;
    const obj_t *kw = args + n_args;
    for (size_t i = 0; i < n_kw; i++) {
        if (kw[2 * i] == ROM_QSTR(QSTR_invert)) {
            invert = rt_is_true(kw[2 * i + 1]);
        } else if (n_rest < 8) {
            kw_rest[2 * n_rest] = kw[2 * i];
            kw_rest[2 * n_rest + 1] = kw[2 * i + 1];
            n_rest++;
        } else {
            raise_msg(&type_TypeError, "too many arguments");
        }
    }
    obj_t pin = args[0];
    if (n_args > 1 || n_rest > 0 || obj_is_str(pin)) {
        obj_t all[1 + 4 + 2 * 8];
        if (n_args > 5) {
            raise_msg(&type_TypeError, "too many arguments");
        }
        for (size_t i = 0; i < n_args; i++) {
            all[i] = args[i];
        }
        for (size_t i = 0; i < 2 * n_rest; i++) {
            all[n_args + i] = kw_rest[i];
        }
        pin = rt_call(OBJ_FROM_PTR(&machine_pin_type), n_args, n_rest, all);
    }
    machine_signal_obj_t *s = NEW_OBJ(machine_signal_obj_t);
    s->base.type = type;
    s->pin = pin;
    s->invert = invert;
    return OBJ_FROM_PTR(s);
}

static machine_signal_obj_t *signal_self(obj_t o) { return obj_check_self(o, &machine_signal_type); }

static obj_t signal_value_get_set(machine_signal_obj_t *s, size_t n_args, const obj_t *args) {
    obj_t meth[3];
    rt_load_method(s->pin, QSTR_value, meth);
    if (n_args == 0) {
        /* as MicroPython: the pin's value as an int, XOR the inversion (a PinBase may give 42) */
        return small_int_new(obj_get_int(rt_call_method(0, 0, meth)) ^ (int_t)s->invert);
    }
    meth[2] = obj_bool(rt_is_true(args[0]) != s->invert); /* the pin gets True or False */
    rt_call_method(1, 0, meth);
    return OBJ_NONE;
}

static obj_t signal_value_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    return signal_value_get_set(signal_self(args[0]), n_args - 1, args + 1);
}
static DEFINE_FUN(signal_value_obj, value, 1, 2, signal_value_fn);

static obj_t signal_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, false);
    return signal_value_get_set(signal_self(self), n_args, args);
}

static obj_t signal_on_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t one = small_int_new(1);
    return signal_value_get_set(signal_self(args[0]), 1, &one);
}
static DEFINE_FUN(signal_on_obj, on, 1, 1, signal_on_fn);

static obj_t signal_off_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t zero = small_int_new(0);
    return signal_value_get_set(signal_self(args[0]), 1, &zero);
}
static DEFINE_FUN(signal_off_obj, off, 1, 1, signal_off_fn);

static const map_elem_t signal_locals_table[] = {
    {ROM_QSTR(QSTR_value), ROM_PTR(&signal_value_obj)},
    {ROM_QSTR(QSTR_on), ROM_PTR(&signal_on_obj)},
    {ROM_QSTR(QSTR_off), ROM_PTR(&signal_off_obj)},
};
static DEFINE_CONST_DICT(signal_locals_dict, signal_locals_table);
const type_t machine_signal_type = {.base = {&type_type}, .name = QSTR_Signal, .make_new = signal_make_new,
    .call = signal_call, .locals_dict = &signal_locals_dict};
