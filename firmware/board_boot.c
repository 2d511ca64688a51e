/* firmware/board_boot.c: one boot of the Python side (spec §12 "Boot sequence"): mount /flash
 * (formatting it and recreating the first-boot files as needed), sys.path, boot.py, then the file
 * chosen by machine.main() or main.py. A script's error prints its traceback and the boot goes
 * on; SystemExit asks for a soft reset; Ctrl-C interrupts the script that is running.
 * Invariant: scripts run in __main__'s globals, so what main.py defines is there at the prompt. */
#include <stdio.h>
#include <string.h>

#include "board/led.h"
#include "core/import.h"
#include "core/port.h"
#include "core/runtime.h"
#include "firmware/board.h"
#include "firmware/repl_exec.h"
#include "modules/mod_machine.h"
#include "storage/flash_init.h"
#include "storage/vfs.h"

static void boot_run_file(const void *path) { import_run_file((const char *)path, rt_state.main_globals); }

/* Runs one script if it exists (if it must, a missing one is said in one line); false if it
 * raised SystemExit. */
static bool boot_run_script(const char *name, bool must_exist) {
    char path[VFS_PATH_MAX + 1];
    if (vfs_normalize("/flash", name, path, sizeof(path)) != 0 || port_stat(path) != PORT_STAT_FILE) {
        if (must_exist) {
            print_fmt(&print_stdout, "machine.main(): %s is not a file on /flash; nothing run\n", name);
        }
        return true;
    }
    obj_t exc = repl_exec_guarded(boot_run_file, path);
    if (exc != OBJ_NULL && exc_is_instance(exc, &type_SystemExit)) {
        return false;
    }
    if (exc != OBJ_NULL) {
        repl_print_exception(&print_stdout, exc);
        led_error_flash(); /* spec §12: the LED toggles every 50 ms for 1.2 s */
    }
    return true;
}

static void boot_sys_path(void) {
    static const char *const dirs[] = {"", "/flash", "/flash/lib"};
    for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        list_append(rt_state.sys_path, str_new(dirs[i], strlen(dirs[i])));
    }
}

bool board_boot(const bdev_t *flash, bool skip_main, bool *fatal) {
    *fatal = false;
    bool formatted = false;
    int r = flash_mount(flash, &formatted);
    if (r != 0) {
        char msg[96];
        snprintf(msg, sizeof(msg), "/flash can't be mounted or formatted (error %d)", -r);
        port_write(msg, strlen(msg));
        port_write("\n", 1);
        *fatal = true;
        return false;
    }
    boot_sys_path();
    machine_main_file_reset();
    if (board_safe_boot) {
        return true;
    }
    if (!boot_run_script("boot.py", false)) {
        return false;
    }
    if (skip_main) {
        return true;
    }
    const char *main_file = machine_main_file();
    return boot_run_script(main_file, strcmp(main_file, "main.py") != 0);
}
