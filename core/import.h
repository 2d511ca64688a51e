/* core/import.h: modules as objects and the import machinery's public helpers (import.c), plus
 * the hooks between the runtime set-up (rt_init.c), the built-ins (builtins.c) and main.
 * Invariant: a module's globals dict always holds __name__; a module being imported is already in
 * sys.modules (so circular imports see it) and is removed again if its code raises. */
#ifndef CORE_IMPORT_H
#define CORE_IMPORT_H

#include "core/obj.h"

/* A new, empty module named `name` (its globals hold __name__), not registered anywhere. */
obj_t module_new(qstr name);
/* A module's globals dict (module_type only). */
static inline obj_t module_globals(obj_t module) {
    return OBJ_FROM_PTR(((module_obj_t *)OBJ_TO_PTR(module))->globals);
}

/* An entry of a built-in module's constant globals table that stands for a slot of rt_state
 * (sys.argv, sys.path, sys.modules): loading the attribute yields the slot's current value. */
typedef struct {
    obj_base_t base; /* &module_ref_type */
    size_t offset;   /* byte offset of the obj_t in rt_state */
} module_ref_obj_t;
extern const type_t module_ref_type;

/* Runs the file `path` as the module `name` ("__main__" for the script) with the given globals
 * (OBJ_NULL: a new module's); used by main for FILE and by -m. */
void import_run_file(const char *path, obj_t globals);
/* rt_import_name with a relative import (level > 0) resolved against `globals` (a dict: its
 * __name__ and __path__), as __import__(name, globals, locals, fromlist, level) does. */
obj_t import_name_in(qstr name, obj_t fromlist, int level, obj_t globals);
/* Finds `name` (dotted) on sys.path and runs it as __main__ (python -m). ImportError if absent. */
void import_run_main_module(qstr name);

/* The globals of the module file whose top-level code is running (OBJ_NULL: none); the
 * fallback of rt_globals_get until the VM provides the running frame's globals. */
obj_t import_current_globals(void);
obj_t import_swap_current_globals(obj_t globals); /* returns the previous one (exec/eval) */

/* The built-in module table (also used by help('modules')). */
typedef struct {
    uint16_t name;
    const module_obj_t *module;
} builtin_module_entry_t;
extern const builtin_module_entry_t import_builtin_modules[];
extern const size_t import_n_builtin_modules;

/* builtins.c */
extern const module_obj_t builtins_module;
/* file.write(s) for print(file=) and sys.print_exception: OSError "stream operation not
 * supported" when file has no write method (MicroPython's rule). */
void builtins_write_to(obj_t file, obj_t s);
/* The WiPy help text of help(). */
void builtins_print_help(void);

/* mod_micropython.c: the byte that raises KeyboardInterrupt (micropython.kbd_intr; -1 none). */
extern int micropython_kbd_intr_char;

/* mod_io_file.c: the built-in open() (also what io.open should be). */
extern const native_fun_obj_t io_file_open_obj;

/* mod_sys.c: sys.stdout / sys.stderr / sys.stdin objects. */
extern const obj_base_t sys_stdout_obj, sys_stderr_obj, sys_stdin_obj;
/* The Python version the language follows ("3.4.0" style). The board's own identity (machine,
 * firmware version, help text) comes from the firmware through core/port.h. */
#define WIPY_PYTHON_VERSION "3.4.0"

#endif
