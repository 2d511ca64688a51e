/* modules/machine_irq.c: irq objects, the handler service and micropython.schedule (see
 * machine_irq.h). Handlers and the schedule ring live in one list in rt_state.module_state, so
 * the GC sees them and a soft reset forgets them; scheduling never allocates (it is called from
 * handlers, where the heap is locked). */
#include "modules/machine_irq.h"

#include "board/irq.h"
#include "board/led.h"
#include "core/gc.h"
#include "core/nlr.h"
#include "core/runtime.h"

#define MIRQ_STATE 24 /* index in rt_state.module_state owned by this file */
#define SCHED_DEPTH 8
/* layout of the rooted list: IRQ_LINES handlers, then SCHED_DEPTH (fn, arg) pairs */
#define SLOT_SCHED (IRQ_LINES)
#define N_SLOTS (IRQ_LINES + 2 * SCHED_DEPTH)

typedef struct {
    obj_base_t base;
    int line;
    obj_t parent; /* a static object (Pin, UART...) */
    const machine_irq_source_t *src;
} machine_irq_obj_t;

static const type_t machine_irq_type;
static machine_irq_obj_t irq_objs[IRQ_LINES];
static bool ready;
static int serving;   /* priority of the handler running now, 0 if none */
static bool in_sched; /* a scheduled callback is running */
static int sched_head, sched_len;

static obj_t *slots(void) {
    return ((list_obj_t *)OBJ_TO_PTR(rt_state.module_state[MIRQ_STATE]))->items;
}

void machine_irq_boot(bool r) {
    irq_reset_all();
    for (int i = 0; i < IRQ_LINES; i++) {
        irq_objs[i].base.type = NULL;
    }
    serving = 0;
    in_sched = false;
    sched_head = sched_len = 0;
    ready = false;
    if (r) {
        obj_t l = list_new(N_SLOTS, NULL);
        list_obj_t *lo = OBJ_TO_PTR(l);
        for (size_t i = 0; i < lo->len; i++) {
            lo->items[i] = OBJ_NONE;
        }
        rt_state.module_state[MIRQ_STATE] = l;
        ready = true;
    }
}

static void irq_parse(size_t n_args, const obj_t *args, size_t n_kw, const obj_t *kw, int default_trigger,
    machine_irq_args_t *out) {
    static const arg_spec_t specs[] = {
        {QSTR_trigger, 0, OBJ_NULL},
        {QSTR_priority, 0, ROM_INT(1)},
        {QSTR_handler, 0, ROM_PTR(&none_obj)},
        {QSTR_wake, 0, ROM_PTR(&none_obj)},
    };
    arg_val_t v[4];
    arg_parse_all(n_args, args, n_kw, kw, 4, specs, v);
    if (v[0].o == OBJ_NULL || v[0].o == OBJ_NONE) {
        if (default_trigger < 0) {
            raise_msg(&type_ValueError, "invalid argument(s) value: trigger is required");
        }
        out->trigger = default_trigger;
    } else {
        out->trigger = (int)obj_get_int(v[0].o);
    }
    int_t prio = obj_get_int(v[1].o);
    if (prio < IRQ_PRIORITY_MIN || prio > IRQ_PRIORITY_MAX) {
        raise_msg(&type_ValueError, "invalid argument(s) value: priority must be 1..7");
    }
    out->priority = (int)prio;
    out->handler = v[2].o;
    int_t wake = v[3].o == OBJ_NONE ? 1 : obj_get_int(v[3].o);
    if (wake < 1 || wake > 7) {
        raise_msg(&type_ValueError, "invalid argument(s) value: wake must be machine.IDLE, SLEEP or DEEPSLEEP");
    }
    out->wake = (int)wake;
}

static void irq_configure_obj(machine_irq_obj_t *o, size_t n_args, const obj_t *args, size_t n_kw, const obj_t *kw,
    int default_trigger) {
    machine_irq_args_t a;
    irq_parse(n_args, args, n_kw, kw, default_trigger, &a);
    irq_enable(o->line, false); /* updated atomically: nothing runs half-configured */
    o->src->apply(o->parent, &a);
    slots()[o->line] = a.handler;
    irq_configure(o->line, a.priority, (a.wake & 1) != 0);
}

obj_t machine_irq_make(int line, obj_t parent, const machine_irq_source_t *src, int default_trigger, size_t n_args,
    const obj_t *args, size_t n_kw, const obj_t *kw) {
    if (!ready) {
        raise_os_error(1 /* EPERM */);
    }
    machine_irq_obj_t *o = &irq_objs[line];
    o->base.type = &machine_irq_type;
    o->line = line;
    o->parent = parent;
    o->src = src;
    irq_configure_obj(o, n_args, args, n_kw, kw, default_trigger);
    return OBJ_FROM_PTR(o);
}

/* Runs the handler of `line`; hw: for a hardware event (acknowledged after it ran). */
static void run_handler(machine_irq_obj_t *o, bool hw) {
    obj_t handler = slots()[o->line];
    if (handler == OBJ_NONE) {
        return;
    }
    bool was_locked = gc_is_locked();
    gc_lock();
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        rt_call1(handler, o->parent);
        nlr_pop();
        if (!was_locked) {
            gc_unlock();
        }
        if (hw) {
            o->src->ack(o->parent);
        }
    } else {
        if (!was_locked) {
            gc_unlock();
        }
        /* disabled for good: it would fail again */
        irq_enable(o->line, false);
        o->src->enable(o->parent, false);
        slots()[o->line] = OBJ_NONE;
        print_fmt(&print_stdout, "Uncaught exception in callback handler\n");
        exc_print(&print_stdout, nlr.value);
        led_error_flash();
    }
}

void machine_irq_run(int line) {
    if (ready && line >= 0 && line < IRQ_LINES && irq_objs[line].base.type != NULL) {
        run_handler(&irq_objs[line], true);
    }
}

static obj_t *sched_slot(int i) { return &slots()[SLOT_SCHED + 2 * ((sched_head + i) % SCHED_DEPTH)]; }

void machine_schedule(obj_t fn, obj_t arg) {
    if (!ready || sched_len == SCHED_DEPTH) {
        raise_msg(&type_RuntimeError, "schedule queue full");
    }
    obj_t *s = sched_slot(sched_len);
    s[0] = fn;
    s[1] = arg;
    sched_len++;
}

bool machine_irq_work(void) { return ready && (irq_any() || (sched_len > 0 && serving == 0 && !in_sched)); }

void machine_irq_service(void) {
    if (!ready) {
        return;
    }
    int line;
    while ((line = irq_take(serving)) >= 0) {
        machine_irq_obj_t *o = &irq_objs[line];
        if (o->base.type == NULL) {
            continue; /* a line no irq object owns (a peripheral not set up from Python) */
        }
        int saved = serving;
        serving = irq_priority(line);
        run_handler(o, true);
        serving = saved;
    }
    /* scheduled callbacks run outside handlers, one at a time, with the heap usable; those a
     * callback schedules wait for the next pass (as MicroPython's scheduler), so a KeyboardInterrupt
     * scheduled from a callback reaches the main program at its next check, not on the way out */
    int batch = sched_len;
    while (serving == 0 && !in_sched && sched_len > 0 && batch-- > 0) {
        obj_t *s = sched_slot(0);
        obj_t fn = s[0], arg = s[1];
        s[0] = s[1] = OBJ_NONE;
        sched_head = (sched_head + 1) % SCHED_DEPTH;
        sched_len--;
        in_sched = true;
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            rt_call1(fn, arg);
            nlr_pop();
            in_sched = false;
        } else {
            in_sched = false;
            /* as MicroPython: the exception goes on in the code that was interrupted */
            nlr_jump(nlr.value);
        }
    }
}

/* ---- the irq type ---- */

static machine_irq_obj_t *irq_self(obj_t o) { return obj_check_self(o, &machine_irq_type); }

static obj_t irq_init_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    machine_irq_obj_t *o = irq_self(args[0]);
    irq_configure_obj(o, n_args - 1, args + 1, n_kw, args + n_args, -1);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(irq_init_obj, init, 1, 5, irq_init_fn);

static obj_t irq_enable_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    machine_irq_obj_t *o = irq_self(args[0]);
    o->src->enable(o->parent, true);
    irq_enable(o->line, true);
    return OBJ_NONE;
}
static DEFINE_FUN(irq_enable_obj, enable, 1, 1, irq_enable_fn);

static obj_t irq_disable_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    machine_irq_obj_t *o = irq_self(args[0]);
    irq_enable(o->line, false);
    o->src->enable(o->parent, false);
    return OBJ_NONE;
}
static DEFINE_FUN(irq_disable_obj, disable, 1, 1, irq_disable_fn);

static obj_t irq_flags_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    machine_irq_obj_t *o = irq_self(args[0]);
    return small_int_new((int_t)o->src->flags(o->parent));
}
static DEFINE_FUN(irq_flags_obj, flags, 1, 1, irq_flags_fn);

/* irq(): runs the handler by hand (no flags: nothing happened on the pin) */
static obj_t irq_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 0, false);
    run_handler(irq_self(self), false);
    return OBJ_NONE;
}

static void irq_print(const print_t *p, obj_t o, print_kind_t kind) {
    const machine_irq_obj_t *q = OBJ_TO_PTR(o);
    print_fmt(p, "<irq on line %d, priority %d%s>", q->line, irq_priority(q->line),
        irq_enabled(q->line) ? "" : ", disabled");
}

static const map_elem_t irq_locals_table[] = {
    {ROM_QSTR(QSTR_init), ROM_PTR(&irq_init_obj)},
    {ROM_QSTR(QSTR_enable), ROM_PTR(&irq_enable_obj)},
    {ROM_QSTR(QSTR_disable), ROM_PTR(&irq_disable_obj)},
    {ROM_QSTR(QSTR_flags), ROM_PTR(&irq_flags_obj)},
};
static DEFINE_CONST_DICT(irq_locals_dict, irq_locals_table);
static const type_t machine_irq_type = {.base = {&type_type}, .name = QSTR_irq, .print = irq_print,
    .call = irq_call, .locals_dict = &irq_locals_dict};
