/* firmware/main.c: the executable's entry in script mode, command-line compatible with
 * MicroPython's unix port: wipy [--flash IMAGE] [-X heapsize=N[k|m]] [-X emit=...] [-c CODE | -m MODULE
 * | FILE [ARGS...]]; no argument: the friendly REPL on a terminal, else the program read from stdin.
 * --flash mounts a /flash image (created and first-booted when needed) beside the host files.
 * Exit status: 0, 1 after an uncaught exception (traceback on stderr), n for sys.exit(n).
 * Invariant: the interpreter runs on its own thread with a large stack whose bounds it knows,
 * so deep recursion ends in RuntimeError (also under ASan), never in a crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/clock.h"
#include "board/rtc.h"
#include "board/wdt.h"
#include "board/pin.h"
#include "board/power.h"
#include "board/uart.h"
#include "core/import.h"
#include "core/nlr.h"
#include "core/port.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "firmware/board.h"
#include "firmware/cli_size.h"
#include "firmware/repl.h"
#include "host/host_fs.h"
#include "host/port_unix.h"
#include "host/process.h"
#include "modules/fs_route.h"
#include "modules/machine_irq.h"
#include "modules/mod_machine.h"
#include "storage/flash_init.h"
#include "storage/vfs.h"

#if defined(__SANITIZE_ADDRESS__)
#define MAIN_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MAIN_ASAN 1
#endif
#endif

/* ASan frames are several times larger, but ASan can't unwind (longjmp) stacks over 64 MiB. */
#ifdef MAIN_ASAN
#define MAIN_STACK_SIZE ((size_t)60 << 20)
#define MAIN_STACK_MARGIN ((size_t)8 << 20)
#else
#define MAIN_STACK_SIZE ((size_t)16 << 20)
#define MAIN_STACK_MARGIN ((size_t)1 << 20)
#endif

/* The WiPy's ~48 KiB heap holds 4-byte references; ours are 8 bytes, so twice the room. */
#define MAIN_DEFAULT_HEAP ((size_t)96 * 1024)

typedef struct {
    int argc;
    char **argv;
    int status;
} main_args_t;

static void main_usage(const char *prog) {
    fprintf(stderr,
        "usage: %s [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>] [args...]\n"
        "Options:\n"
        "-h : print this help message\n"
        "-i : enable inspection via REPL after running command/module/file\n"
        "-v : verbose (ignored)\n"
        "-O : optimisation level (ignored)\n"
        "--flash IMAGE : mount a /flash image (made if missing) beside the host files\n"
        "Board mode (the WiPy powered on): [--state DIR] [--bind ADDR] [--telnet-port N] [--heap N]\n"
        "Implementation specific options (-X):\n"
        "  heapsize=<n>[w|k|m] -- set the heap size for the GC (default %u)\n"
        "  emit=bytecode -- the only emitter\n",
        prog, (unsigned)MAIN_DEFAULT_HEAP);
}

static obj_t main_str(const char *s) { return str_new(s, strlen(s)); }

static bool main_path_flash; /* --flash: "/flash" and "/flash/lib" end sys.path */

/* sys.path = [first, MICROPYPATH entries..., (with --flash) "/flash", "/flash/lib"] */
static void main_set_path(const char *first, size_t first_len) {
    list_append(rt_state.sys_path, str_new(first, first_len));
    const char *mp = host_env("MICROPYPATH");
    while (mp != NULL && *mp != '\0') {
        const char *colon = strchr(mp, ':');
        size_t n = colon != NULL ? (size_t)(colon - mp) : strlen(mp);
        if (n > 0) {
            list_append(rt_state.sys_path, str_new(mp, n));
        }
        mp += n;
        if (*mp == ':') {
            mp++;
        }
    }
    if (main_path_flash) {
        list_append(rt_state.sys_path, main_str("/flash"));
        list_append(rt_state.sys_path, main_str("/flash/lib"));
    }
}

static void main_set_argv(char **args, int n, const char *first) {
    if (first != NULL) {
        list_append(rt_state.sys_argv, main_str(first));
    }
    for (int i = 0; i < n; i++) {
        list_append(rt_state.sys_argv, main_str(args[i]));
    }
}

/* Runs fun(arg) catching everything; returns the exit status. */
typedef void (*main_job_t)(const void *arg);

static int main_protect(main_job_t job, const void *arg) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        job(arg);
        nlr_pop();
        return 0;
    }
    return repl_exit_status_of(nlr.value, true);
}

static void main_job_string(const void *arg) {
    const char *code = (const char *)arg;
    rt_exec_source(code, strlen(code), QSTR__lt_stdin_gt_, INPUT_FILE, rt_state.main_globals);
}

static void main_job_file(const void *arg) {
    const char *path = (const char *)arg;
    dict_store(rt_state.main_globals, ROM_QSTR(QSTR___file__), main_str(path));
    import_run_file(path, rt_state.main_globals);
}

static void main_job_module(const void *arg) {
    const char *name = (const char *)arg;
    import_run_main_module(qstr_from_str(name));
}

typedef struct {
    char *buf;
    size_t len;
} main_src_t;

static void main_job_source(const void *arg) {
    const main_src_t *s = (const main_src_t *)arg;
    rt_exec_source(s->buf, s->len, QSTR__lt_stdin_gt_, INPUT_FILE, rt_state.main_globals);
}

static char *main_read_stdin(size_t *len) {
    char *buf = host_read_fd(0, len);
    if (buf == NULL) {
        port_fatal("can't read the program from stdin");
    }
    return buf;
}

static void main_repl_raw_off(void) {
    port_flush();
    terminal_raw_off();
}
static void main_repl_raw_on(void) {
    port_flush();
    terminal_raw_on();
}

/* --flash IMAGE: the image as /flash (formatted with the first-boot files when it has no FAT). */
static bdev_t main_flash;
static bool main_flash_open;

/* Script mode's share of the VM's poll: pin, timer and UART irqs and micropython.schedule run at
 * bytecode boundaries and in delays, as on the board (which does it in its own poll hook). */
static void main_service_irqs(void) {
    if (machine_irq_work()) {
        machine_irq_service();
    }
}

static bool main_mount_flash(const char *prog, const char *path) {
    fs_route_use_rtc();
    int r = bdev_file_open(&main_flash, path, false, true, FLASH_SECTORS);
    if (r == 0) {
        main_flash_open = true;
        r = flash_mount(&main_flash, NULL);
    }
    if (r != 0) {
        fprintf(stderr, "%s: can't mount the /flash image '%s': %s\n", prog, path, strerror(r < 0 ? -r : r));
        return false;
    }
    return true;
}

/* Writes out and unmounts every volume (after rt_deinit), so the image is clean for FAT tools. */
static void main_unmount_flash(void) {
    if (!main_flash_open) {
        return;
    }
    vfs_sync();
    vfs_umount_all();
    bdev_close(&main_flash);
    main_flash_open = false;
}

/* Script mode wires the board's UART0 (the WiPy's REPL UART) to stdout, as board mode wires it to
 * the terminal, so machine.UART(0).write() shows. */
static void main_uart0_tx(void *ctx, const uint8_t *data, size_t len) { port_write((const char *)data, len); }

static int main_run(int argc, char **argv, void *stack_top, size_t stack_limit) {
    size_t heap = MAIN_DEFAULT_HEAP;
    bool inspect = false;
    int i = 1;
    const char *code = NULL, *module = NULL, *file = NULL, *flash = NULL;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') {
            break;
        }
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--flash") == 0 || strncmp(a, "--flash=", 8) == 0) {
            flash = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
            if (flash == NULL || flash[0] == '\0') {
                main_usage(argv[0]);
                return 1;
            }
            continue;
        }
        if (strcmp(a, "-X") == 0 || strncmp(a, "-X", 2) == 0) {
            const char *opt = a[2] != '\0' ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (opt == NULL) {
                main_usage(argv[0]);
                return 1;
            }
            if (strncmp(opt, "heapsize=", 9) == 0) {
                size_t h = cli_parse_size(opt + 9);
                if (h == 0) {
                    main_usage(argv[0]);
                    return 1;
                }
                heap = h;
            }
            continue; /* other -X options are ignored */
        }
        if (strcmp(a, "-c") == 0 || strcmp(a, "-m") == 0) {
            if (i + 1 >= argc) {
                main_usage(argv[0]);
                return 1;
            }
            if (a[1] == 'c') {
                code = argv[i + 1];
            } else {
                module = argv[i + 1];
            }
            i += 2;
            break;
        }
        if (strcmp(a, "-i") == 0) {
            inspect = true;
            continue;
        }
        if (strcmp(a, "-v") == 0 || strncmp(a, "-O", 2) == 0) {
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            main_usage(argv[0]);
            return 0;
        }
        if (strncmp(a, "--", 2) == 0) {
            fprintf(stderr, "%s: board mode (%s) is not available in this build\n", argv[0], a);
            return 2;
        }
        main_usage(argv[0]);
        return 1;
    }
    if (code == NULL && module == NULL && i < argc && strcmp(argv[i], "-") != 0) {
        file = argv[i++];
    } else if (code == NULL && module == NULL && i < argc) {
        i++; /* "-": the program comes from stdin */
    }

    main_path_flash = flash != NULL;
    uart_connect_tx(0, main_uart0_tx, NULL);
    rt_config_t cfg = {heap, stack_top, stack_limit};
    if (!rt_try_init(&cfg)) {
        fprintf(stderr, "%s: the heap (%u bytes) is too small to start\n", argv[0], (unsigned)heap);
        return 1;
    }
    /* the board's core, as at power-on: script mode has pins too (no heartbeat runs: no loop) */
    clock_init(CLOCK_REAL, CLOCK_DEFAULT_STEP_NS, host_monotonic_ns);
    pin_reset_all();
    power_init();
    rtc_power_on(); /* issue 10: the RTC and the watchdog as at power-on */
    wdt_power_on();
    machine_boot(true);
    port_script_service = main_service_irqs;
    if (flash != NULL && !main_mount_flash(argv[0], flash)) {
        rt_deinit();
        main_unmount_flash();
        return 1;
    }
    int status = 0;
    if (file != NULL) {
        const char *slash = strrchr(file, '/');
        if (slash != NULL) {
            main_set_path(file, (size_t)(slash - file) == 0 ? 1 : (size_t)(slash - file));
        } else {
            main_set_path("", 0);
        }
        main_set_argv(argv + i, argc - i, file);
        if (port_stat(file) != PORT_STAT_FILE) {
            fprintf(stderr, "%s: can't open file '%s': [Errno 2] ENOENT\n", argv[0], file);
            status = 1;
        } else {
            status = main_protect(main_job_file, file);
        }
    } else if (code != NULL) {
        main_set_path("", 0);
        main_set_argv(argv + i, argc - i, "-c");
        status = main_protect(main_job_string, code);
    } else if (module != NULL) {
        main_set_path("", 0);
        main_set_argv(argv + i, argc - i, module);
        status = main_protect(main_job_module, module);
    } else if (!port_stdin_is_tty()) {
        main_set_path("", 0);
        main_set_argv(argv + i, argc - i, "");
        main_src_t src;
        src.buf = main_read_stdin(&src.len);
        status = main_protect(main_job_source, &src);
        free(src.buf);
    } else {
        main_set_path("", 0);
        main_set_argv(argv + i, argc - i, "");
        inspect = true;
    }
    if (inspect && port_stdin_is_tty() && (status == 0 || file != NULL || code != NULL || module != NULL)) {
        bool exited;
        repl_before_exec = main_repl_raw_off;
        repl_after_exec = main_repl_raw_on;
        terminal_raw_on();
        int s = repl_friendly(&exited);
        terminal_raw_off();
        status = exited ? s : status;
    }
    port_flush();
    rt_deinit();
    main_unmount_flash();
    return status;
}

/* Board mode (spec §1) is firmware/board_main.c: board options (--state, --bind, ...) and a bare
 * start on a terminal go to it, with the same stack bounds as script mode. */

static bool main_wants_board(int argc, char **argv) {
    if (argc == 1) {
        return port_stdin_is_tty();
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--flash") == 0) { /* a script-mode option with an argument */
            i++;
            continue;
        }
        if (strncmp(argv[i], "--flash=", 8) == 0) {
            continue;
        }
        if (strncmp(argv[i], "--", 2) == 0 && argv[i][2] != '\0' && strcmp(argv[i], "--help") != 0) {
            return true;
        }
        if (strcmp(argv[i], "-c") == 0 || strcmp(argv[i], "-m") == 0 || argv[i][0] != '-') {
            return false;
        }
    }
    return false;
}

static void main_thread(void *p) {
    main_args_t *a = (main_args_t *)p;
    int top;
    if (main_wants_board(a->argc, a->argv)) {
        a->status = board_main(a->argc, a->argv, &top, MAIN_STACK_SIZE - MAIN_STACK_MARGIN);
        return;
    }
    a->status = main_run(a->argc, a->argv, &top, MAIN_STACK_SIZE - MAIN_STACK_MARGIN);
}

int main(int argc, char **argv) {
    port_unix_init();
    const char *dis = host_env("WIPY_DIS");
    rt_dump_bytecode = dis != NULL && dis[0] == '1';
    main_args_t a = {argc, argv, 1};
    if (host_run_on_big_stack(main_thread, &a, MAIN_STACK_SIZE) != 0) {
        /* no big thread: run here with a modest limit */
        int top;
        a.status = main_run(argc, argv, &top, (size_t)6 << 20);
    }
    port_flush();
    terminal_raw_off();
    return a.status;
}
