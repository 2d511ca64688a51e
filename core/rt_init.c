/* core/rt_init.c: the interpreter's roots (rt_state) and its start and end: the GC heap (one
 * block malloc'd per rt_init), the qstr pools, sys.modules/path/argv and __main__'s globals.
 * Invariant: every long-lived obj_t lives in rt_state, which the collector scans as a root; after
 * rt_deinit no obj_t from before may be used (a soft reset calls rt_deinit then rt_init). */
#include <stdlib.h>

#include "core/gc.h"
#include "core/nlr.h"
#include "core/obj_type.h"
#include "core/import.h"
#include "core/port.h"
#include "core/qstr.h"
#include "core/runtime.h"

rt_state_t rt_state;
const obj_t *rt_root_start = (const obj_t *)&rt_state;

static void *rt_heap;

/* The C stack Python may use grows with the heap, as on the board (its stack is a few KiB beside
 * a 48 KiB heap), so that recursion holding heap objects at every level (generators, nested
 * iterators, printing nested data: runtime.c gives those part of it) ends in RuntimeError before
 * it fills the heap, never in MemoryError. 7 bytes of stack a byte of heap, at least 256 KiB:
 * the default heap allows ~590 plain calls (CPython 1000, MicroPython's unix port ~200); the
 * same under ASan, whose frames here are no bigger. */
static size_t rt_stack_budget(size_t available, size_t heap) {
    size_t want = heap * 7 > 256 * 1024 ? heap * 7 : 256 * 1024;
    return want < available ? want : available;
}

void rt_init(const rt_config_t *cfg) {
    size_t size = cfg->heap_size;
    if (size < RT_MIN_HEAP) {
        size = RT_MIN_HEAP;
    }
    rt_heap = malloc(size);
    if (rt_heap == NULL) {
        port_fatal("can't allocate the GC heap");
    }
    memset(&rt_state, 0, sizeof(rt_state));
    rt_opt_level = 0;
    gc_init(rt_heap, size, cfg->stack_top);
    rt_set_stack_limits(cfg->stack_top, rt_stack_budget(cfg->stack_limit, size));
    qstr_init();
    exc_emg_init();
    rt_state.sys_modules = dict_new(8);
    rt_state.sys_path = list_new(0, NULL);
    rt_state.sys_argv = list_new(0, NULL);
    rt_state.builtins_dict = dict_new(0);
    rt_state.pending_exception = OBJ_NULL;
    rt_state.stop_iteration = OBJ_NULL;
    rt_state.dupterm = OBJ_NULL;
    obj_t g = dict_new(8);
    dict_store(g, ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR___main__));
    rt_state.main_globals = g;
    module_obj_t *m = NEW_OBJ(module_obj_t);
    m->base.type = &module_type;
    m->globals = (dict_obj_t *)OBJ_TO_PTR(g);
    rt_state.main_module = OBJ_FROM_PTR(m);
}

void (*rt_deinit_hook)(void);

bool rt_try_init(const rt_config_t *cfg) {
    if (cfg->heap_size < RT_MIN_HEAP) {
        return false; /* (the runtime itself would start in less, but no program would run) */
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        rt_init(cfg);
        nlr_pop();
        return true;
    }
    return false;
}

void rt_deinit(void) {
    if (rt_deinit_hook != NULL && rt_heap != NULL) {
        rt_deinit_hook();
    }
    gc_deinit();
    memset(&rt_state, 0, sizeof(rt_state));
    rt_opt_level = 0;
    free(rt_heap);
    rt_heap = NULL;
}
