/* modules/mod_time.c: time (spec §15): epoch 2000-01-01; time(), localtime/gmtime, mktime,
 * sleep/sleep_ms/sleep_us, ticks_ms/us/cpu, ticks_add, ticks_diff. Ticks wrap at 2**30 and
 * ticks_diff gives the signed distance in (-2**29, 2**29]. Calendar maths is exact for any
 * day, negative seconds included (days counted with floor division). */
#include "core/obj.h"
#include "core/port.h"
#include "core/runtime.h"
#include "modules/calendar.h"

#define TICKS_PERIOD (1L << 30)
#define TICKS_MASK (TICKS_PERIOD - 1)

static obj_t time_localtime(size_t n_args, size_t n_kw, const obj_t *args) {
    int64_t secs = n_args == 0 || args[0] == OBJ_NONE ? port_rtc_seconds() : obj_get_ll(args[0]);
    int64_t days = cal_floor_div(secs, 86400);
    int64_t rem = cal_floor_mod(secs, 86400);
    int64_t y;
    int m, d;
    cal_civil_from_days(days, &y, &m, &d);
    int64_t yday = days - cal_days_from_civil(y, 1, 1) + 1;
    int64_t wday = ((days % 7) + 7 + 5) % 7; /* 2000-01-01 was a Saturday (5, Monday = 0) */
    obj_t items[8] = {int_from_ll(y), small_int_new(m), small_int_new(d), small_int_new(rem / 3600),
        small_int_new(rem / 60 % 60), small_int_new(rem % 60), small_int_new(wday), small_int_new(yday)};
    return tuple_new(8, items);
}
DEFINE_FUN(time_localtime_obj, localtime, 0, 1, time_localtime);
DEFINE_FUN(time_gmtime_obj, gmtime, 0, 1, time_localtime);

#define MKTIME_YEAR_MAX (1LL << 40)

/* *t += v * scale; true if that leaves 64 bits */
static bool mktime_add_scaled(int64_t *t, int64_t v, int64_t scale) {
    int64_t p;
    return __builtin_mul_overflow(v, scale, &p) || __builtin_add_overflow(*t, p, t);
}

static obj_t time_mktime(size_t n_args, size_t n_kw, const obj_t *args) {
    size_t n;
    obj_t *items;
    obj_get_array(args[0], &n, &items);
    if (n < 6 || n > 9) {
        raise_msg(&type_TypeError, "mktime needs a tuple of length 8 or 9");
    }
    int64_t v[6];
    for (int i = 0; i < 6; i++) {
        v[i] = obj_get_ll(items[i]);
    }
    /* months outside 1..12 roll into years, as the C library does; a year beyond +-2**40 (or a
     * sum beyond 64 bits) is an OverflowError, never a wrapped or undefined result */
    int64_t mo = cal_floor_mod(v[1], 12) - 1, y = cal_floor_div(v[1], 12) - (mo < 0), t;
    mo += mo < 0 ? 12 : 0;
    if (v[0] > MKTIME_YEAR_MAX || v[0] < -MKTIME_YEAR_MAX || __builtin_add_overflow(y, v[0], &y) ||
        y > MKTIME_YEAR_MAX || y < -MKTIME_YEAR_MAX ||
        __builtin_add_overflow(cal_days_from_civil(y, mo + 1, 1) - 1, v[2], &t) ||
        __builtin_mul_overflow(t, 86400, &t) || mktime_add_scaled(&t, v[3], 3600) ||
        mktime_add_scaled(&t, v[4], 60) || mktime_add_scaled(&t, v[5], 1)) {
        raise_msg(&type_OverflowError, "mktime argument out of range");
    }
    return int_from_ll(t);
}
DEFINE_FUN(time_mktime_obj, mktime, 1, 1, time_mktime);

static obj_t time_time(size_t n_args, size_t n_kw, const obj_t *args) { return int_from_ll(port_rtc_seconds()); }
DEFINE_FUN(time_time_obj, time, 0, 0, time_time);

static void delay_checked(int_t amount, uint64_t unit_us) {
    if (amount > 0) {
        port_delay_us((uint64_t)amount * unit_us);
    } else {
        port_poll();
        rt_check_pending();
    }
}

static obj_t time_sleep(size_t n_args, size_t n_kw, const obj_t *args) {
    delay_checked(obj_get_int(args[0]), 1000000);
    return OBJ_NONE;
}
DEFINE_FUN(time_sleep_obj, sleep, 1, 1, time_sleep);

static obj_t time_sleep_ms(size_t n_args, size_t n_kw, const obj_t *args) {
    delay_checked(obj_get_int(args[0]), 1000);
    return OBJ_NONE;
}
DEFINE_FUN(time_sleep_ms_obj, sleep_ms, 1, 1, time_sleep_ms);

static obj_t time_sleep_us(size_t n_args, size_t n_kw, const obj_t *args) {
    delay_checked(obj_get_int(args[0]), 1);
    return OBJ_NONE;
}
DEFINE_FUN(time_sleep_us_obj, sleep_us, 1, 1, time_sleep_us);

static obj_t time_ticks_ms(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new((int_t)((port_ticks_us() / 1000) & TICKS_MASK));
}
DEFINE_FUN(time_ticks_ms_obj, ticks_ms, 0, 0, time_ticks_ms);

static obj_t time_ticks_us(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new((int_t)(port_ticks_us() & TICKS_MASK));
}
DEFINE_FUN(time_ticks_us_obj, ticks_us, 0, 0, time_ticks_us);
DEFINE_FUN(time_ticks_cpu_obj, ticks_cpu, 0, 0, time_ticks_us);

static obj_t time_ticks_add(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t t = obj_get_int(args[0]);
    int_t delta = obj_get_int(args[1]);
    if (delta <= -TICKS_PERIOD / 2 || delta >= TICKS_PERIOD / 2) {
        /* beyond what ticks_diff can tell apart */
        raise_msg(&type_OverflowError, "ticks interval overflow");
    }
    return small_int_new((t + delta) & TICKS_MASK);
}
DEFINE_FUN(time_ticks_add_obj, ticks_add, 2, 2, time_ticks_add);

static obj_t time_ticks_diff(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t end = obj_get_int(args[0]);
    int_t start = obj_get_int(args[1]);
    int_t diff = ((end - start + TICKS_PERIOD / 2) & TICKS_MASK) - TICKS_PERIOD / 2;
    return small_int_new(diff);
}
DEFINE_FUN(time_ticks_diff_obj, ticks_diff, 2, 2, time_ticks_diff);

static const map_elem_t time_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_time)},
    {ROM_QSTR(QSTR_time), ROM_PTR(&time_time_obj)},
    {ROM_QSTR(QSTR_localtime), ROM_PTR(&time_localtime_obj)},
    {ROM_QSTR(QSTR_gmtime), ROM_PTR(&time_gmtime_obj)},
    {ROM_QSTR(QSTR_mktime), ROM_PTR(&time_mktime_obj)},
    {ROM_QSTR(QSTR_sleep), ROM_PTR(&time_sleep_obj)},
    {ROM_QSTR(QSTR_sleep_ms), ROM_PTR(&time_sleep_ms_obj)},
    {ROM_QSTR(QSTR_sleep_us), ROM_PTR(&time_sleep_us_obj)},
    {ROM_QSTR(QSTR_ticks_ms), ROM_PTR(&time_ticks_ms_obj)},
    {ROM_QSTR(QSTR_ticks_us), ROM_PTR(&time_ticks_us_obj)},
    {ROM_QSTR(QSTR_ticks_cpu), ROM_PTR(&time_ticks_cpu_obj)},
    {ROM_QSTR(QSTR_ticks_add), ROM_PTR(&time_ticks_add_obj)},
    {ROM_QSTR(QSTR_ticks_diff), ROM_PTR(&time_ticks_diff_obj)},
};
static DEFINE_CONST_DICT(time_globals, time_globals_table);
const module_obj_t time_module = {{&module_type}, &time_globals};
REGISTER_MODULE(QSTR_time, time_module);
