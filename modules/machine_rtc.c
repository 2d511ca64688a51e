/* modules/machine_rtc.c: machine.RTC (spec §5 RTC) over board/rtc.h: one static object, id 0;
 * datetimes as (year, month, day[, hour[, minute[, second[, microsecond[, tzinfo]]]]]) on the
 * 2000-01-01 epoch (modules/calendar.c), the alarm in ms or as a datetime, and its irq (ALARM0,
 * waking from sleep/deepsleep). The RTC itself outlives soft resets (board/rtc.c).
 * Invariant: now() is the board RTC's value, never a copy. */
#include <errno.h>

#include "board/irq.h"
#include "board/power.h"
#include "board/rtc.h"
#include "core/runtime.h"
#include "modules/machine_periph.h"
#include "modules/calendar.h"
#include "modules/machine_irq.h"

typedef struct {
    obj_base_t base;
} machine_rtc_obj_t;

static const machine_rtc_obj_t machine_rtc_obj = {{&machine_rtc_type}};

/* A datetime tuple as microseconds since 2000-01-01 (ValueError when out of range). */
static int64_t datetime_us(obj_t dt) {
    size_t n;
    obj_t *items;
    obj_get_array(dt, &n, &items);
    if (n < 3 || n > 8) {
        raise_msg(&type_ValueError, "a datetime is (year, month, day[, hour[, minute[, second[, us[, tz]]]]])");
    }
    static const int64_t lo[7] = {2000, 1, 1, 0, 0, 0, 0}, hi[7] = {9999, 12, 31, 23, 59, 59, 999999};
    int64_t v[7] = {0, 1, 1, 0, 0, 0, 0};
    for (size_t i = 0; i < n && i < 7; i++) {
        v[i] = obj_get_int(items[i]);
        if (v[i] < lo[i] || v[i] > hi[i]) {
            raise_msg(&type_ValueError, "datetime field out of range");
        }
    }
    int64_t days = cal_days_from_civil(v[0], v[1], v[2]);
    return ((days * 86400 + v[3] * 3600 + v[4] * 60 + v[5]) * 1000000) + v[6];
}

static void set_datetime(obj_t dt) {
    if (dt == OBJ_NONE || dt == OBJ_NULL) {
        rtc_power_on(); /* no datetime: the power-on value, alarm off */
    } else {
        rtc_set_us(datetime_us(dt));
    }
}

static void check_id(obj_t id) {
    if (obj_get_int(id) != 0) {
        raise_os_error(ENODEV);
    }
}

static obj_t rtc_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {{QSTR_id, 0, ROM_INT(0)}, {QSTR_datetime, 0, ROM_PTR(&none_obj)}};
    arg_val_t v[2];
    arg_parse_all(n_args, args, n_kw, args + n_args, 2, specs, v);
    check_id(v[0].o);
    set_datetime(v[1].o);
    return OBJ_FROM_PTR(&machine_rtc_obj);
}

static obj_t rtc_init_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {{QSTR_datetime, ARG_REQUIRED, OBJ_NULL}};
    arg_val_t v[1];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 1, specs, v);
    set_datetime(v[0].o);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(rtc_init_obj, init, 1, 2, rtc_init_fn);

static obj_t rtc_deinit_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    rtc_power_on();
    return OBJ_NONE;
}
static DEFINE_FUN(rtc_deinit_obj, deinit, 1, 1, rtc_deinit_fn);

static obj_t rtc_now_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int64_t us = rtc_now_us();
    int64_t secs = cal_floor_div(us, 1000000);
    int64_t days = cal_floor_div(secs, 86400);
    int64_t sod = secs - days * 86400;
    int64_t y;
    int m, d;
    cal_civil_from_days(days, &y, &m, &d);
    obj_t t[8] = {small_int_new((int_t)y), small_int_new(m), small_int_new(d), small_int_new((int_t)(sod / 3600)),
        small_int_new((int_t)(sod / 60 % 60)), small_int_new((int_t)(sod % 60)), small_int_new((int_t)(us - secs * 1000000)),
        OBJ_NONE};
    return tuple_new(8, t);
}
static DEFINE_FUN(rtc_now_obj, now, 1, 1, rtc_now_fn);

/* alarm(id=0, time, *, repeat=False): time in ms from now, or a datetime */
static obj_t rtc_alarm_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_id, 0, ROM_INT(0)},
        {QSTR_time, ARG_REQUIRED, OBJ_NULL},
        {QSTR_repeat, ARG_KW_ONLY | ARG_KIND_BOOL, ROM_PTR(&false_obj)},
    };
    arg_val_t v[3];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 3, specs, v);
    check_id(v[0].o);
    int64_t ms;
    if (obj_is_int(v[1].o)) {
        ms = obj_get_int(v[1].o);
    } else {
        ms = cal_floor_div(datetime_us(v[1].o) - rtc_now_us(), 1000);
    }
    if (ms <= 0) {
        raise_msg(&type_ValueError, "the alarm must be in the future");
    }
    rtc_alarm_set((uint64_t)ms, v[2].b);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(rtc_alarm_obj, alarm, 1, 3, rtc_alarm_fn);

static obj_t rtc_alarm_left_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args > 1) {
        check_id(args[1]);
    }
    return int_from_uint((uint_t)rtc_alarm_left_ms());
}
static DEFINE_FUN(rtc_alarm_left_obj, alarm_left, 1, 2, rtc_alarm_left_fn);

static obj_t rtc_alarm_cancel_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args > 1) {
        check_id(args[1]);
    }
    rtc_alarm_cancel();
    return OBJ_NONE;
}
static DEFINE_FUN(rtc_alarm_cancel_obj, alarm_cancel, 1, 2, rtc_alarm_cancel_fn);

/* ---- irq ---- */

static void rtc_irq_apply(obj_t parent, const machine_irq_args_t *a) {
    if (a->trigger != RTC_ALARM0) {
        raise_msg(&type_ValueError, "invalid argument(s) value: trigger");
    }
    rtc_wake((unsigned)a->wake & (POWER_WAKE_SLEEP | POWER_WAKE_DEEPSLEEP));
}
static unsigned rtc_irq_flags(obj_t parent) { return rtc_flags(); }
static void rtc_irq_ack(obj_t parent) { rtc_ack(); }
static void rtc_irq_enable(obj_t parent, bool on) {}
static const machine_irq_source_t rtc_irq_source = {rtc_irq_apply, rtc_irq_flags, rtc_irq_ack, rtc_irq_enable};

static obj_t rtc_irq_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    return machine_irq_make(IRQ_LINE_RTC, args[0], &rtc_irq_source, RTC_ALARM0, n_args - 1, args + 1, n_kw,
        args + n_args);
}
static DEFINE_FUN_KW(rtc_irq_obj, irq, 1, 5, rtc_irq_fn);

static void rtc_print(const print_t *p, obj_t o, print_kind_t kind) { print_fmt(p, "<RTC>"); }

static const map_elem_t rtc_locals_table[] = {
    {ROM_QSTR(QSTR_init), ROM_PTR(&rtc_init_obj)},
    {ROM_QSTR(QSTR_deinit), ROM_PTR(&rtc_deinit_obj)},
    {ROM_QSTR(QSTR_now), ROM_PTR(&rtc_now_obj)},
    {ROM_QSTR(QSTR_alarm), ROM_PTR(&rtc_alarm_obj)},
    {ROM_QSTR(QSTR_alarm_left), ROM_PTR(&rtc_alarm_left_obj)},
    {ROM_QSTR(QSTR_alarm_cancel), ROM_PTR(&rtc_alarm_cancel_obj)},
    {ROM_QSTR(QSTR_irq), ROM_PTR(&rtc_irq_obj)},
    {ROM_QSTR(QSTR_ALARM0), ROM_INT(RTC_ALARM0)},
};
static DEFINE_CONST_DICT(rtc_locals_dict, rtc_locals_table);
const type_t machine_rtc_type = {.base = {&type_type}, .name = QSTR_RTC, .print = rtc_print,
    .make_new = rtc_make_new, .locals_dict = &rtc_locals_dict};
