/* modules/mod_wipy.c: the `wipy` module (spec §6): heartbeat([enable]) over board/led.h. With no
 * argument it returns the heartbeat's state; with one it switches the heartbeat LED on or off
 * (off: GP25 becomes an ordinary pin). The firmware re-enables it at every soft reset. */
#include "board/led.h"
#include "core/runtime.h"

static obj_t wipy_heartbeat(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 0) {
        return obj_bool(led_heartbeat_enabled());
    }
    led_heartbeat(rt_is_true(args[0]));
    return OBJ_NONE;
}
static DEFINE_FUN(wipy_heartbeat_obj, heartbeat, 0, 1, wipy_heartbeat);

static const map_elem_t wipy_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_wipy)},
    {ROM_QSTR(QSTR_heartbeat), ROM_PTR(&wipy_heartbeat_obj)},
};
static DEFINE_CONST_DICT(wipy_globals, wipy_globals_table);
const module_obj_t wipy_module = {{&module_type}, &wipy_globals};
REGISTER_MODULE(QSTR_wipy, wipy_module);
