/* modules/machine_timer.c: machine.Timer and its channels (spec §5 Timer) over board/timer.c:
 * Timer(id, mode, *, width=16), timer.channel(Timer.A | Timer.B, *, freq | period (us),
 * polarity, duty_cycle (1/100 %)), the channel's freq/period/duty_cycle and irq(TIMEOUT | MATCH).
 * Periods are in 80 MHz timer ticks: 16-bit channels (with their 8-bit prescaler) reach 2^24 ticks,
 * 32-bit ones 2^32. One static object per timer and per channel; settings live in `chans`.
 * Invariant: a channel object's settings are those its timer runs. */
#include <errno.h>

#include "board/irq.h"
#include "board/timer.h"
#include "core/runtime.h"
#include "modules/machine_irq.h"
#include "modules/machine_periph.h"

#define TIMER_POSITIVE 1
#define TIMER_NEGATIVE 0

typedef struct {
    obj_base_t base;
    int id;
} machine_timer_obj_t;
typedef struct {
    obj_base_t base;
    int tim, ch; /* ch 0: A (or A|B), 1: B */
} machine_timer_channel_obj_t;

extern const type_t machine_timer_channel_type;
static const machine_timer_obj_t timer_objs[TIMER_COUNT] = {
    {{&machine_timer_type}, 0}, {{&machine_timer_type}, 1}, {{&machine_timer_type}, 2}, {{&machine_timer_type}, 3}};
#define CH(t, c) {{&machine_timer_channel_type}, t, c}
static const machine_timer_channel_obj_t chan_objs[TIMER_COUNT][2] = {
    {CH(0, 0), CH(0, 1)}, {CH(1, 0), CH(1, 1)}, {CH(2, 0), CH(2, 1)}, {CH(3, 0), CH(3, 1)}};

static struct {
    uint64_t ticks;
    uint32_t duty;
    int polarity;
    int id; /* TIMER_A, TIMER_B or both */
} chans[TIMER_COUNT][2];
static bool timer_configured[TIMER_COUNT];

static NORETURN void bad_args(void) { raise_msg(&type_ValueError, "invalid argument(s) value"); }

static void timer_apply(int id, size_t n_args, const obj_t *args, size_t n_kw, const obj_t *kw) {
    static const arg_spec_t specs[] = {{QSTR_mode, ARG_REQUIRED, OBJ_NULL}, {QSTR_width, ARG_KW_ONLY, ROM_INT(16)}};
    arg_val_t v[2];
    arg_parse_all(n_args, args, n_kw, kw, 2, specs, v);
    int_t mode = obj_get_int(v[0].o), width = obj_get_int(v[1].o);
    if ((mode != TIMER_ONE_SHOT && mode != TIMER_PERIODIC && mode != TIMER_PWM) || (width != 16 && width != 32) ||
        (mode == TIMER_PWM && width == 32)) {
        bad_args();
    }
    timer_setup(id, (int)mode, (int)width);
    timer_configured[id] = true;
}

static obj_t timer_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args < 1) {
        raise_msg(&type_TypeError, "Timer() needs an id");
    }
    int_t id = obj_get_int(args[0]);
    if (id < 0 || id >= TIMER_COUNT) {
        raise_os_error(ENODEV);
    }
    timer_apply((int)id, n_args - 1, args + 1, n_kw, args + n_args);
    return OBJ_FROM_PTR(&timer_objs[id]);
}

static int timer_self(obj_t o) { return ((const machine_timer_obj_t *)obj_check_self(o, &machine_timer_type))->id; }

static obj_t timer_init_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    timer_apply(timer_self(args[0]), n_args - 1, args + 1, n_kw, args + n_args);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(timer_init_obj, init, 1, 2, timer_init_fn);

static obj_t timer_deinit_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    timer_stop(timer_self(args[0]));
    return OBJ_NONE;
}
static DEFINE_FUN(timer_deinit_obj, deinit, 1, 1, timer_deinit_fn);

/* Ticks for a frequency (Hz) or a period (us), within the channel's range. */
static uint64_t ticks_for(int width, obj_t freq, obj_t period) {
    uint64_t max = width == 32 ? (1ull << 32) : (1ull << 24);
    uint64_t ticks;
    if (freq != OBJ_NULL) {
        int_t f = obj_get_int(freq);
        if (f <= 0 || (uint64_t)f > TIMER_CLOCK_HZ) {
            bad_args();
        }
        ticks = TIMER_CLOCK_HZ / (uint64_t)f;
    } else {
        int_t p = obj_get_int(period);
        if (p <= 0) {
            bad_args();
        }
        ticks = (uint64_t)p * (TIMER_CLOCK_HZ / 1000000u);
    }
    if (ticks > max) {
        bad_args();
    }
    return ticks;
}

/* channel(ch, *, freq, period, polarity=Timer.POSITIVE, duty_cycle=0) */
static obj_t timer_channel_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_channel, ARG_REQUIRED, OBJ_NULL},
        {QSTR_freq, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_period, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_polarity, ARG_KW_ONLY, ROM_INT(TIMER_POSITIVE)},
        {QSTR_duty_cycle, ARG_KW_ONLY, ROM_INT(0)},
    };
    arg_val_t v[5];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 5, specs, v);
    int tim = timer_self(args[0]);
    if (!timer_configured[tim]) {
        raise_os_error(EPERM);
    }
    int width = timer_width(tim);
    int_t id = obj_get_int(v[0].o);
    if ((width == 16 && id != TIMER_A && id != TIMER_B) || (width == 32 && id != (TIMER_A | TIMER_B))) {
        bad_args();
    }
    if ((v[1].o == OBJ_NULL) == (v[2].o == OBJ_NULL)) {
        raise_msg(&type_ValueError, "give freq or period");
    }
    int_t pol = obj_get_int(v[3].o), duty = obj_get_int(v[4].o);
    if ((pol != TIMER_POSITIVE && pol != TIMER_NEGATIVE) || duty < 0 || duty > 10000) {
        bad_args();
    }
    uint64_t ticks = ticks_for(width, v[1].o, v[2].o);
    int ch = id == TIMER_B ? 1 : 0;
    chans[tim][ch].ticks = ticks;
    chans[tim][ch].duty = (uint32_t)duty;
    chans[tim][ch].polarity = (int)pol;
    chans[tim][ch].id = (int)id;
    timer_channel_start(tim, ch, ticks, (uint32_t)duty, (int)pol);
    return OBJ_FROM_PTR(&chan_objs[tim][ch]);
}
static DEFINE_FUN_KW(timer_channel_obj, channel, 2, 2, timer_channel_fn);

static void timer_print(const print_t *p, obj_t o, print_kind_t kind) {
    int id = timer_self(o);
    int m = timer_mode(id);
    print_fmt(p, "Timer(%d, mode=Timer.%s)", id, m == TIMER_PWM ? "PWM" : m == TIMER_PERIODIC ? "PERIODIC" : "ONE_SHOT");
}

/* ---- channels ---- */

static const machine_timer_channel_obj_t *chan_self(obj_t o) { return obj_check_self(o, &machine_timer_channel_type); }

static void restart(const machine_timer_channel_obj_t *c) {
    timer_channel_start(c->tim, c->ch, chans[c->tim][c->ch].ticks, chans[c->tim][c->ch].duty, chans[c->tim][c->ch].polarity);
}

static obj_t chan_freq_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    const machine_timer_channel_obj_t *c = chan_self(args[0]);
    if (n_args == 1) {
        return int_from_uint((uint_t)(TIMER_CLOCK_HZ / chans[c->tim][c->ch].ticks));
    }
    chans[c->tim][c->ch].ticks = ticks_for(timer_width(c->tim), args[1], OBJ_NULL);
    restart(c);
    return OBJ_NONE;
}
static DEFINE_FUN(chan_freq_obj, freq, 1, 2, chan_freq_fn);

static obj_t chan_period_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    const machine_timer_channel_obj_t *c = chan_self(args[0]);
    if (n_args == 1) {
        return int_from_uint((uint_t)(chans[c->tim][c->ch].ticks / (TIMER_CLOCK_HZ / 1000000u)));
    }
    chans[c->tim][c->ch].ticks = ticks_for(timer_width(c->tim), OBJ_NULL, args[1]);
    restart(c);
    return OBJ_NONE;
}
static DEFINE_FUN(chan_period_obj, period, 1, 2, chan_period_fn);

static obj_t chan_duty_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    const machine_timer_channel_obj_t *c = chan_self(args[0]);
    if (n_args == 1) {
        return small_int_new(chans[c->tim][c->ch].duty);
    }
    int_t d = obj_get_int(args[1]);
    if (d < 0 || d > 10000) {
        bad_args();
    }
    chans[c->tim][c->ch].duty = (uint32_t)d;
    restart(c);
    return OBJ_NONE;
}
static DEFINE_FUN(chan_duty_obj, duty_cycle, 1, 2, chan_duty_fn);

static void chan_irq_apply(obj_t parent, const machine_irq_args_t *a) {
    const machine_timer_channel_obj_t *c = chan_self(parent);
    if (a->trigger != TIMER_EV_TIMEOUT && a->trigger != TIMER_EV_MATCH) {
        raise_msg(&type_ValueError, "invalid argument(s) value: trigger");
    }
    if (a->wake != 1) {
        raise_msg(&type_ValueError, "invalid argument(s) value: wake");
    }
    timer_irq_set(c->tim, c->ch, (unsigned)a->trigger);
}
static unsigned chan_irq_flags(obj_t parent) {
    const machine_timer_channel_obj_t *c = chan_self(parent);
    return timer_flags(c->tim, c->ch);
}
static void chan_irq_ack(obj_t parent) {
    const machine_timer_channel_obj_t *c = chan_self(parent);
    timer_ack(c->tim, c->ch);
}
static void chan_irq_enable(obj_t parent, bool on) {}
static const machine_irq_source_t chan_irq_source = {chan_irq_apply, chan_irq_flags, chan_irq_ack, chan_irq_enable};

static obj_t chan_irq_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    const machine_timer_channel_obj_t *c = chan_self(args[0]);
    return machine_irq_make(IRQ_LINE_TIMER(c->tim * 2 + c->ch), args[0], &chan_irq_source, TIMER_EV_TIMEOUT,
        n_args - 1, args + 1, n_kw, args + n_args);
}
static DEFINE_FUN_KW(chan_irq_obj, irq, 1, 5, chan_irq_fn);

static void chan_print(const print_t *p, obj_t o, print_kind_t kind) {
    const machine_timer_channel_obj_t *c = chan_self(o);
    int id = chans[c->tim][c->ch].id;
    print_fmt(p, "timer.channel(Timer.%s, freq=%u", id == TIMER_A ? "A" : id == TIMER_B ? "B" : "A|B",
        (unsigned)(TIMER_CLOCK_HZ / chans[c->tim][c->ch].ticks));
    if (timer_mode(c->tim) == TIMER_PWM) {
        unsigned d = chans[c->tim][c->ch].duty;
        print_fmt(p, ", polarity=Timer.%s, duty_cycle=%u.%02u",
            chans[c->tim][c->ch].polarity == TIMER_POSITIVE ? "POSITIVE" : "NEGATIVE", d / 100, d % 100);
    }
    print_fmt(p, ")");
}

static const map_elem_t chan_locals_table[] = {
    {ROM_QSTR(QSTR_freq), ROM_PTR(&chan_freq_obj)},
    {ROM_QSTR(QSTR_period), ROM_PTR(&chan_period_obj)},
    {ROM_QSTR(QSTR_duty_cycle), ROM_PTR(&chan_duty_obj)},
    {ROM_QSTR(QSTR_irq), ROM_PTR(&chan_irq_obj)},
};
static DEFINE_CONST_DICT(chan_locals_dict, chan_locals_table);
const type_t machine_timer_channel_type = {.base = {&type_type}, .name = QSTR_TimerChannel, .print = chan_print,
    .locals_dict = &chan_locals_dict};

static const map_elem_t timer_locals_table[] = {
    {ROM_QSTR(QSTR_init), ROM_PTR(&timer_init_obj)},
    {ROM_QSTR(QSTR_deinit), ROM_PTR(&timer_deinit_obj)},
    {ROM_QSTR(QSTR_channel), ROM_PTR(&timer_channel_obj)},
    {ROM_QSTR(QSTR_ONE_SHOT), ROM_INT(TIMER_ONE_SHOT)},
    {ROM_QSTR(QSTR_PERIODIC), ROM_INT(TIMER_PERIODIC)},
    {ROM_QSTR(QSTR_PWM), ROM_INT(TIMER_PWM)},
    {ROM_QSTR(QSTR_A), ROM_INT(TIMER_A)},
    {ROM_QSTR(QSTR_B), ROM_INT(TIMER_B)},
    {ROM_QSTR(QSTR_POSITIVE), ROM_INT(TIMER_POSITIVE)},
    {ROM_QSTR(QSTR_NEGATIVE), ROM_INT(TIMER_NEGATIVE)},
    {ROM_QSTR(QSTR_TIMEOUT), ROM_INT(TIMER_EV_TIMEOUT)},
    {ROM_QSTR(QSTR_MATCH), ROM_INT(TIMER_EV_MATCH)},
};
static DEFINE_CONST_DICT(timer_locals_dict, timer_locals_table);
const type_t machine_timer_type = {.base = {&type_type}, .name = QSTR_Timer, .print = timer_print,
    .make_new = timer_make_new, .locals_dict = &timer_locals_dict};
