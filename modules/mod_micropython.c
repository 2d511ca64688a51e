/* modules/mod_micropython.c: the micropython module: schedule (machine_irq.c runs the queue), const
 * (the compiler folds `x = const(1)` too, but it must also work as a call), opt_level,
 * heap_lock/heap_unlock/heap_locked,
 * alloc_emergency_exception_buf, kbd_intr (which byte interrupts) and mem_info.
 * Invariant: state kept here is plain C (ints), never Python objects. */
#include "core/gc.h"
#include "core/import.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "modules/machine_irq.h"

int micropython_kbd_intr_char = 3; /* Ctrl-C; -1 disables */

static obj_t micropython_const(size_t n_args, size_t n_kw, const obj_t *args) { return args[0]; }
static DEFINE_FUN(micropython_const_obj, const, 1, 1, micropython_const);

static obj_t micropython_opt_level_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 0) {
        return small_int_new(rt_opt_level);
    }
    rt_opt_level = (int)obj_get_int(args[0]);
    return OBJ_NONE;
}
static DEFINE_FUN(micropython_opt_level_obj, opt_level, 0, 1, micropython_opt_level_fun);

static obj_t micropython_alloc_emergency_exception_buf(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_get_int(args[0]); /* the buffer is always there: MemoryError is preallocated */
    return OBJ_NONE;
}
static DEFINE_FUN(micropython_alloc_emergency_exception_buf_obj, alloc_emergency_exception_buf, 1, 1,
    micropython_alloc_emergency_exception_buf);

static obj_t micropython_heap_lock(size_t n_args, size_t n_kw, const obj_t *args) {
    gc_lock();
    return OBJ_NONE;
}
static DEFINE_FUN(micropython_heap_lock_obj, heap_lock, 0, 0, micropython_heap_lock);

static obj_t micropython_heap_unlock(size_t n_args, size_t n_kw, const obj_t *args) {
    gc_unlock();
    return small_int_new(gc_lock_depth());
}
static DEFINE_FUN(micropython_heap_unlock_obj, heap_unlock, 0, 0, micropython_heap_unlock);

static obj_t micropython_heap_locked(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new(gc_lock_depth());
}
static DEFINE_FUN(micropython_heap_locked_obj, heap_locked, 0, 0, micropython_heap_locked);

static obj_t micropython_kbd_intr(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t c = obj_get_int(args[0]);
    micropython_kbd_intr_char = c < 0 || c > 255 ? -1 : (int)c;
    return OBJ_NONE;
}
static DEFINE_FUN(micropython_kbd_intr_obj, kbd_intr, 1, 1, micropython_kbd_intr);

static obj_t micropython_mem_info(size_t n_args, size_t n_kw, const obj_t *args) {
    size_t used = gc_mem_alloc();
    size_t free_ = gc_mem_free();
    print_fmt(&print_stdout, "GC: total: %u, used: %u, free: %u\n", (unsigned)(used + free_), (unsigned)used,
        (unsigned)free_);
    if (n_args > 0 && rt_is_true(args[0])) {
        gc_dump_info(&print_stdout);
    }
    return OBJ_NONE;
}
static DEFINE_FUN(micropython_mem_info_obj, mem_info, 0, 1, micropython_mem_info);

static obj_t micropython_qstr_info(size_t n_args, size_t n_kw, const obj_t *args) {
    print_fmt(&print_stdout, "qstr pool: n_qstr=%u\n", (unsigned)qstr_count());
    return OBJ_NONE;
}
static DEFINE_FUN(micropython_qstr_info_obj, qstr_info, 0, 1, micropython_qstr_info);

/* What schedule(kbd_intr, None) queues: a KeyboardInterrupt in the code that runs after the
 * scheduled callbacks (the main program), as MicroPython's scheduler does. It takes one place in
 * the queue however often it is asked for before it runs (MicroPython's static node). */
static bool micropython_kbd_queued;
static obj_t micropython_sched_kbd(size_t n_args, size_t n_kw, const obj_t *args) {
    micropython_kbd_queued = false;
    rt_keyboard_interrupt();
    return OBJ_NONE;
}
static DEFINE_FUN(micropython_sched_kbd_obj, kbd_intr, 1, 1, micropython_sched_kbd);

/* schedule(fn, arg): fn(arg) runs soon, outside any irq handler, with the heap usable */
static obj_t micropython_schedule(size_t n_args, size_t n_kw, const obj_t *args) {
    if (args[0] == OBJ_FROM_PTR(&micropython_kbd_intr_obj)) {
        if (!micropython_kbd_queued) {
            machine_schedule(OBJ_FROM_PTR(&micropython_sched_kbd_obj), OBJ_NONE);
            micropython_kbd_queued = true;
        }
        return OBJ_NONE;
    }
    machine_schedule(args[0], args[1]);
    return OBJ_NONE;
}
static DEFINE_FUN(micropython_schedule_obj, schedule, 2, 2, micropython_schedule);

static const map_elem_t micropython_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_micropython)},
    {ROM_QSTR(QSTR_const), ROM_PTR(&micropython_const_obj)},
    {ROM_QSTR(QSTR_opt_level), ROM_PTR(&micropython_opt_level_obj)},
    {ROM_QSTR(QSTR_alloc_emergency_exception_buf), ROM_PTR(&micropython_alloc_emergency_exception_buf_obj)},
    {ROM_QSTR(QSTR_heap_lock), ROM_PTR(&micropython_heap_lock_obj)},
    {ROM_QSTR(QSTR_heap_unlock), ROM_PTR(&micropython_heap_unlock_obj)},
    {ROM_QSTR(QSTR_heap_locked), ROM_PTR(&micropython_heap_locked_obj)},
    {ROM_QSTR(QSTR_kbd_intr), ROM_PTR(&micropython_kbd_intr_obj)},
    {ROM_QSTR(QSTR_mem_info), ROM_PTR(&micropython_mem_info_obj)},
    {ROM_QSTR(QSTR_qstr_info), ROM_PTR(&micropython_qstr_info_obj)},
    {ROM_QSTR(QSTR_schedule), ROM_PTR(&micropython_schedule_obj)},
};
static DEFINE_CONST_DICT(micropython_globals, micropython_globals_table);
const module_obj_t micropython_module = {{&module_type}, &micropython_globals};
REGISTER_MODULE(QSTR_micropython, micropython_module);
