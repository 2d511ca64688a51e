/* modules/mod_gc.c: the gc module, a thin layer over core/gc.h: collect, enable/disable,
 * isenabled, mem_free/mem_alloc (bytes of the fixed heap) and the allocation threshold.
 * Invariant: no state of its own; the collector holds it all. */
#include "core/gc.h"
#include "core/runtime.h"

static obj_t gc_mod_collect(size_t n_args, size_t n_kw, const obj_t *args) {
    gc_collect();
    return OBJ_NONE;
}
static DEFINE_FUN(gc_collect_obj, collect, 0, 0, gc_mod_collect);

static obj_t gc_mod_enable(size_t n_args, size_t n_kw, const obj_t *args) {
    gc_enable(true);
    return OBJ_NONE;
}
static DEFINE_FUN(gc_enable_obj, enable, 0, 0, gc_mod_enable);

static obj_t gc_mod_disable(size_t n_args, size_t n_kw, const obj_t *args) {
    gc_enable(false);
    return OBJ_NONE;
}
static DEFINE_FUN(gc_disable_obj, disable, 0, 0, gc_mod_disable);

static obj_t gc_mod_isenabled(size_t n_args, size_t n_kw, const obj_t *args) { return obj_bool(gc_is_enabled()); }
static DEFINE_FUN(gc_isenabled_obj, isenabled, 0, 0, gc_mod_isenabled);

static obj_t gc_mod_mem_free(size_t n_args, size_t n_kw, const obj_t *args) { return int_from_uint(gc_mem_free()); }
static DEFINE_FUN(gc_mem_free_obj, mem_free, 0, 0, gc_mod_mem_free);

static obj_t gc_mod_mem_alloc(size_t n_args, size_t n_kw, const obj_t *args) { return int_from_uint(gc_mem_alloc()); }
static DEFINE_FUN(gc_mem_alloc_obj, mem_alloc, 0, 0, gc_mod_mem_alloc);

/* threshold() -> current (-1: off); threshold(n) sets it (n < 0 turns it off), rounded down to
 * the heap's block size as MicroPython reads it back */
static obj_t gc_mod_threshold(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 0) {
        return int_from_int(gc_get_threshold());
    }
    int_t t = obj_get_int(args[0]);
    gc_set_threshold(t < 0 ? -1 : t / 16 * 16); /* counted in 16-byte blocks, as the heap is */
    return OBJ_NONE;
}
static DEFINE_FUN(gc_threshold_obj, threshold, 0, 1, gc_mod_threshold);

static const map_elem_t gc_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_gc)},
    {ROM_QSTR(QSTR_collect), ROM_PTR(&gc_collect_obj)},
    {ROM_QSTR(QSTR_enable), ROM_PTR(&gc_enable_obj)},
    {ROM_QSTR(QSTR_disable), ROM_PTR(&gc_disable_obj)},
    {ROM_QSTR(QSTR_isenabled), ROM_PTR(&gc_isenabled_obj)},
    {ROM_QSTR(QSTR_mem_free), ROM_PTR(&gc_mem_free_obj)},
    {ROM_QSTR(QSTR_mem_alloc), ROM_PTR(&gc_mem_alloc_obj)},
    {ROM_QSTR(QSTR_threshold), ROM_PTR(&gc_threshold_obj)},
};
static DEFINE_CONST_DICT(gc_globals, gc_globals_table);
const module_obj_t gc_module = {{&module_type}, &gc_globals};
REGISTER_MODULE(QSTR_gc, gc_module);
