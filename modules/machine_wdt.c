/* modules/machine_wdt.c: machine.WDT (spec §5 WDT) over board/wdt.h: id 0, timeout >= 1000 ms,
 * feed(); once started it cannot be stopped and a second WDT() is OSError(EPERM); expiry is a
 * hard reset with reset_cause() == WDT_RESET (carried out by the firmware).
 * Invariant: the one WDT object exists only while the watchdog runs. */
#include <errno.h>

#include "board/wdt.h"
#include "core/runtime.h"
#include "modules/machine_periph.h"

typedef struct {
    obj_base_t base;
} machine_wdt_obj_t;

static const machine_wdt_obj_t machine_wdt_obj = {{&machine_wdt_type}};

static obj_t wdt_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {{QSTR_id, 0, ROM_INT(0)}, {QSTR_timeout, 0, ROM_INT(5000)}};
    arg_val_t v[2];
    arg_parse_all(n_args, args, n_kw, args + n_args, 2, specs, v);
    if (obj_get_int(v[0].o) != 0) {
        raise_os_error(ENODEV);
    }
    int_t ms = obj_get_int(v[1].o);
    if (ms < (int_t)WDT_MIN_MS || ms > 0x7fffffff) {
        raise_msg(&type_ValueError, "WDT timeout must be at least 1000 ms");
    }
    if (wdt_running()) {
        raise_os_error(EPERM);
    }
    wdt_start((uint32_t)ms);
    return OBJ_FROM_PTR(&machine_wdt_obj);
}

static obj_t wdt_feed_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    wdt_feed();
    return OBJ_NONE;
}
static DEFINE_FUN(wdt_feed_obj, feed, 1, 1, wdt_feed_fn);

static void wdt_print(const print_t *p, obj_t o, print_kind_t kind) { print_fmt(p, "<WDT>"); }

static const map_elem_t wdt_locals_table[] = {
    {ROM_QSTR(QSTR_feed), ROM_PTR(&wdt_feed_obj)},
};
static DEFINE_CONST_DICT(wdt_locals_dict, wdt_locals_table);
const type_t machine_wdt_type = {.base = {&type_type}, .name = QSTR_WDT, .print = wdt_print,
    .make_new = wdt_make_new, .locals_dict = &wdt_locals_dict};
