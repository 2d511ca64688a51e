/* modules/machine_adc.c: machine.ADC and ADCChannel (spec §5 ADC) over board/adc.h: ADC(0, *,
 * bits=12), adc.channel(id=None, *, pin=None) giving one static channel object per channel,
 * value()/() 0..4095, init/deinit of both. A disabled ADC or channel is OSError(EPERM).
 * Invariant: a channel object reads only while it and the ADC are enabled. */
#include <errno.h>
#include <string.h>

#include "board/adc.h"
#include "board/pin.h"
#include "core/runtime.h"
#include "modules/machine_periph.h"
#include "modules/machine_pin.h"

typedef struct {
    obj_base_t base;
} machine_adc_obj_t;
typedef struct {
    obj_base_t base;
    int channel;
} machine_adc_channel_obj_t;

extern const type_t machine_adc_channel_type;
static const machine_adc_obj_t machine_adc_obj = {{&machine_adc_type}};
static const machine_adc_channel_obj_t machine_adc_channels[ADC_CHANNELS] = {
    {{&machine_adc_channel_type}, 0}, {{&machine_adc_channel_type}, 1},
    {{&machine_adc_channel_type}, 2}, {{&machine_adc_channel_type}, 3}};

static void adc_apply(size_t n_args, const obj_t *args, size_t n_kw, const obj_t *kw, bool with_id) {
    static const arg_spec_t specs[] = {{QSTR_id, 0, ROM_INT(0)}, {QSTR_bits, 0, ROM_INT(ADC_BITS)}};
    arg_val_t v[2];
    arg_parse_all(n_args, args, n_kw, kw, 2 - !with_id, specs + !with_id, v + !with_id);
    if (with_id && obj_get_int(v[0].o) != 0) {
        raise_os_error(ENODEV);
    }
    if (obj_get_int(v[1].o) != ADC_BITS) {
        raise_msg(&type_ValueError, "invalid argument(s) value: the ADC has 12 bits");
    }
    adc_enable(true);
}

static obj_t adc_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    adc_apply(n_args, args, n_kw, args + n_args, true);
    return OBJ_FROM_PTR(&machine_adc_obj);
}

static obj_t adc_init_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    adc_apply(n_args - 1, args + 1, n_kw, args + n_args, false);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(adc_init_obj, init, 1, 2, adc_init_fn);

static obj_t adc_deinit_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    adc_enable(false);
    return OBJ_NONE;
}
static DEFINE_FUN(adc_deinit_obj, deinit, 1, 1, adc_deinit_fn);

/* channel(id=None, *, pin=None) */
static obj_t adc_channel_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {{QSTR_id, 0, ROM_PTR(&none_obj)}, {QSTR_pin, ARG_KW_ONLY, ROM_PTR(&none_obj)}};
    arg_val_t v[2];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 2, specs, v);
    if (!adc_enabled()) {
        raise_os_error(EPERM);
    }
    int ch = -1;
    if (v[0].o != OBJ_NONE) {
        int_t id = obj_get_int(v[0].o);
        if (id < 0 || id >= ADC_CHANNELS) {
            raise_msg(&type_ValueError, "invalid argument(s) value: channels are 0..3");
        }
        ch = (int)id;
    }
    if (v[1].o != OBJ_NONE) {
        int pc = adc_pin_channel(machine_pin_index(v[1].o));
        if (pc < 0 || (ch >= 0 && pc != ch)) {
            raise_msg(&type_ValueError, "invalid argument(s) value: not the channel's pin");
        }
        ch = pc;
    }
    if (ch < 0) {
        raise_msg(&type_ValueError, "invalid argument(s) value: give a channel or a pin");
    }
    adc_channel_enable(ch, true);
    return OBJ_FROM_PTR(&machine_adc_channels[ch]);
}
static DEFINE_FUN_KW(adc_channel_obj, channel, 1, 2, adc_channel_fn);

static void adc_print(const print_t *p, obj_t o, print_kind_t kind) {
    if (adc_enabled()) {
        print_fmt(p, "ADC(0, bits=%d)", ADC_BITS);
    } else {
        print_fmt(p, "ADC(0)");
    }
}

static const map_elem_t adc_locals_table[] = {
    {ROM_QSTR(QSTR_init), ROM_PTR(&adc_init_obj)},
    {ROM_QSTR(QSTR_deinit), ROM_PTR(&adc_deinit_obj)},
    {ROM_QSTR(QSTR_channel), ROM_PTR(&adc_channel_obj)},
};
static DEFINE_CONST_DICT(adc_locals_dict, adc_locals_table);
const type_t machine_adc_type = {.base = {&type_type}, .name = QSTR_ADC, .print = adc_print,
    .make_new = adc_make_new, .locals_dict = &adc_locals_dict};

/* ---- ADCChannel ---- */

static int chan_self(obj_t o) {
    return ((const machine_adc_channel_obj_t *)obj_check_self(o, &machine_adc_channel_type))->channel;
}

static obj_t chan_value_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int ch = chan_self(args[0]);
    if (!adc_enabled() || !adc_channel_enabled(ch)) {
        raise_os_error(EPERM);
    }
    return small_int_new(adc_read(ch));
}
static DEFINE_FUN(chan_value_obj, value, 1, 1, chan_value_fn);

static obj_t chan_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 0, false);
    return chan_value_fn(1, 0, &self);
}

static obj_t chan_init_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    adc_channel_enable(chan_self(args[0]), true);
    return OBJ_NONE;
}
static DEFINE_FUN(chan_init_obj, init, 1, 1, chan_init_fn);

static obj_t chan_deinit_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    adc_channel_enable(chan_self(args[0]), false);
    return OBJ_NONE;
}
static DEFINE_FUN(chan_deinit_obj, deinit, 1, 1, chan_deinit_fn);

static void chan_print(const print_t *p, obj_t o, print_kind_t kind) {
    int ch = chan_self(o);
    if (adc_channel_enabled(ch)) {
        print_fmt(p, "ADCChannel(%d, pin=%s)", ch, pin_info[adc_channel_pin(ch)].name);
    } else {
        print_fmt(p, "ADCChannel(%d)", ch);
    }
}

static const map_elem_t chan_locals_table[] = {
    {ROM_QSTR(QSTR_value), ROM_PTR(&chan_value_obj)},
    {ROM_QSTR(QSTR_init), ROM_PTR(&chan_init_obj)},
    {ROM_QSTR(QSTR_deinit), ROM_PTR(&chan_deinit_obj)},
};
static DEFINE_CONST_DICT(chan_locals_dict, chan_locals_table);
const type_t machine_adc_channel_type = {.base = {&type_type}, .name = QSTR_ADCChannel, .print = chan_print,
    .call = chan_call, .locals_dict = &chan_locals_dict};
