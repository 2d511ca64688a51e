/* firmware/board_main.c: board mode's command line, its state directory (the /flash image and the
 * hidden store), the telnet server, and the reset loop: each soft reset gets a new heap and boots
 * again while the servers and the telnet session live on; a hard reset (machine.reset()) executes
 * the program again with the same options, as a power cycle of the board would.
 * Invariant: the process never ends by itself; only a signal or a failed start ends it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/uart.h"
#include "core/nlr.h"
#include "core/port.h"
#include "core/runtime.h"
#include "firmware/board.h"
#include "firmware/board_wlan.h"
#include "firmware/cli_size.h"
#include "firmware/repl.h"
#include "firmware/repl_raw.h"
#include "firmware/repl_io.h"
#include "host/event_loop.h"
#include "host/host_fs.h"
#include "host/port_unix.h"
#include "modules/mod_machine.h"
#include "modules/fs_route.h"
#include "modules/mod_os.h"
#include "services/telnet.h"
#include "storage/flash_init.h"
#include "storage/cert_store.h"
#include "storage/hidden_store.h"
#include "storage/vfs.h"

#define BOARD_DEFAULT_HEAP ((size_t)96 * 1024) /* as script mode: see firmware/main.c */
#define BOARD_PATH_MAX 4096
#define BOARD_MAX_ARGS 64

typedef struct {
    const char *state;
    const char *bind;
    int telnet_port;
    size_t heap;
    const char *board_file; /* --board FILE (JSON); NULL: none */
} board_opts_t;

static char **board_argv;
static bdev_t board_flash;

static void board_usage(FILE *f, const char *prog) {
    fprintf(f,
        "usage: %s [--state DIR] [--bind ADDR] [--telnet-port N] [--heap N[k|m]] [--board FILE]\n"
        "Board mode: boots the virtual WiPy from DIR (default ./wipy-data), with its REPL on this\n"
        "terminal and on telnet (default 127.0.0.1 port 23, user micro, password python).\n"
        "Ctrl-\\ on the terminal powers it off.\n",
        prog);
}

/* Returns 0, or the exit status for a bad command line. */
static int board_parse(int argc, char **argv, board_opts_t *o) {
    o->state = "wipy-data";
    o->bind = "127.0.0.1";
    o->telnet_port = 23;
    o->heap = BOARD_DEFAULT_HEAP;
    o->board_file = NULL;
    for (int i = 1; i < argc; i += 2) { /* every option takes a value */
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            board_usage(stdout, argv[0]);
            return -1;
        }
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--state") == 0 && val != NULL) {
            o->state = val;
        } else if (strcmp(a, "--board") == 0 && val != NULL) {
            o->board_file = val;
        } else if (strcmp(a, "--bind") == 0 && val != NULL) {
            o->bind = val;
        } else if (strcmp(a, "--telnet-port") == 0 && val != NULL) {
            char *end;
            long p = strtol(val, &end, 10);
            if (*end != '\0' || p < 0 || p > 65535) {
                fprintf(stderr, "%s: --telnet-port wants a port number (0-65535), not '%s'\n", argv[0], val);
                return 2;
            }
            o->telnet_port = (int)p;
        } else if (strcmp(a, "--heap") == 0 && val != NULL) {
            o->heap = cli_parse_size(val);
            if (o->heap == 0) {
                fprintf(stderr, "%s: --heap wants a size such as 48k or 1m, not '%s'\n", argv[0], val);
                return 2;
            }
        } else {
            fprintf(stderr, "%s: unknown board option '%s'%s\n", argv[0], a, val == NULL ? " (or missing value)" : "");
            board_usage(stderr, argv[0]);
            return 2;
        }
    }
    return 0;
}

/* The state directory and the /flash image in it (created on first boot). */
static int board_open_state(const board_opts_t *o, hstore_t *hs) {
    int made = host_mkdir(o->state);
    if (made != 0 && made != -EEXIST) {
        fprintf(stderr, "wipy: can't create the state directory '%s': %s\n", o->state, strerror(-made));
        return 1;
    }
    char path[BOARD_PATH_MAX];
    snprintf(path, sizeof(path), "%s/hidden", o->state);
    int r = hstore_open(hs, path);
    if (r != 0) {
        fprintf(stderr, "wipy: can't open the hidden store '%s': %s\n", path, strerror(r < 0 ? -r : r));
        return 1;
    }
    snprintf(path, sizeof(path), "%s/flash.img", o->state);
    r = bdev_file_open(&board_flash, path, false, true, FLASH_SECTORS);
    if (r != 0) {
        fprintf(stderr, "wipy: can't open the /flash image '%s': %s\n", path, strerror(r < 0 ? -r : r));
        return 1;
    }
    return 0;
}

/* machine.reset(): everything written out, then the program starts again from scratch, with the
 * same options and the telnet port it has now (so a "--telnet-port 0" board keeps its port). */
static void board_hard_reset(void) {
    static char port_arg[16];
    static char *argv2[BOARD_MAX_ARGS + 3];
    int n = 0;
    for (; n < BOARD_MAX_ARGS && board_argv[n] != NULL; n++) {
        argv2[n] = board_argv[n];
    }
    if (telnet_port() > 0) {
        snprintf(port_arg, sizeof(port_arg), "%d", telnet_port());
        argv2[n++] = "--telnet-port";
        argv2[n++] = port_arg;
    }
    argv2[n] = NULL;
    telnet_stop();
    vfs_sync();
    vfs_umount_all();
    bdev_close(&board_flash);
    terminal_raw_off();
    host_reexec(argv2);
    port_fatal("machine.reset(): can't restart the program");
}

/* One life of the Python side, from a fresh heap to the soft reset that ends it. Returns false
 * if the board must stop (fatal). *raw: the reset came from the raw REPL (it resumes there). */
static NORETURN void board_power_off_status(int status) {
    telnet_stop();
    vfs_sync();
    vfs_umount_all();
    bdev_close(&board_flash);
    terminal_raw_off();
    exit(status);
}

void board_power_off(void) { board_power_off_status(0); }

static bool board_life(const rt_config_t *cfg, bool *raw) {
    if (!rt_try_init(cfg)) {
        /* not a board state but a wrong option: say so and end, as a bad command line does */
        fprintf(stderr, "wipy: the heap (%u bytes) is too small to start; give --heap more\n",
            (unsigned)cfg->heap_size);
        board_power_off_status(1);
    }
    bool fatal;
    bool booted;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        booted = board_boot(&board_flash, *raw, &fatal);
        nlr_pop();
    } else {
        /* an exception outside the scripts (e.g. MemoryError while setting up): report, go on */
        exc_print(&print_stdout, nlr.value);
        booted = true;
        fatal = false;
    }
    if (fatal) {
        return false;
    }
    bool next_raw = false;
    if (booted) {
        int status;
        repl_end_t end = repl_session(*raw, &status); /* Ctrl-D: readline has ended the line */
        next_raw = end == REPL_END_RAW_RESET;
    }
    port_write("MPY: soft reboot\r\n", 18);
    board_console_detach();
    rt_deinit();
    vfs_sync();
    vfs_umount_all();
    for (int id = 0; id < UART_COUNT; id++) {
        uart_deinit(id);
    }
    *raw = next_raw;
    return true;
}

int board_main(int argc, char **argv, void *stack_top, size_t stack_limit) {
    board_opts_t o;
    if (argc > BOARD_MAX_ARGS) {
        fprintf(stderr, "%s: too many arguments\n", argv[0]);
        return 2;
    }
    int r = board_parse(argc, argv, &o);
    if (r != 0) {
        return r < 0 ? 0 : r;
    }
    board_argv = argv;
    if (o.board_file != NULL) {
        char err[256];
        if (board_wlan_load_file(o.board_file, err, sizeof(err)) != 0) {
            fprintf(stderr, "wipy: --board: %s\n", err);
            return 2;
        }
    }
    hstore_t hs;
    if (board_open_state(&o, &hs) != 0) {
        return 1;
    }
    cert_store_set(&hs); /* ssl reads /flash/cert/... from it (it lives as long as this call) */
    el_init();
    static char banner[128]; /* telnet keeps a pointer to it */
    repl_banner_line(banner, sizeof(banner));
    int err = telnet_start(o.bind, o.telnet_port, banner);
    if (err != 0) {
        fprintf(stderr,
            "wipy: can't listen for telnet on %s:%d (%s); pick another port with --telnet-port N\n",
            o.bind, o.telnet_port, strerror(err));
        return 2;
    }
    board_console_start(); /* first: on a terminal, the line below is then written raw */
    char line[96];
    int n = snprintf(line, sizeof(line), "Telnet server on %s:%d\r\n", o.bind, telnet_port());
    terminal_write(line, (size_t)n);
    board_port_install();
    fs_route_set_board(true);
    os_dupterm_handler = board_dupterm;
    machine_reset_hook = board_hard_reset;
    repl_raw_set_paste_window(REPL_RAW_WINDOW_TELNET);
    replio_source_opened(); /* a board waits for input for ever: its REPL input never ends */
    rt_config_t cfg = {o.heap, stack_top, stack_limit};
    bool raw = false;
    while (board_life(&cfg, &raw)) {
    }
    /* fatal: the LED would stay on; the board stops here, its servers still listening */
    for (;;) {
        el_run_once(-1);
    }
}
