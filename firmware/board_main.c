/* firmware/board_main.c: board mode's command line, its state directory (the /flash image and the
 * hidden store), the telnet server, and the reset loop: each soft reset gets a new heap and boots
 * again while the servers and the telnet session live on; a hard reset (machine.reset()) executes
 * the program again with the same options, as a power cycle of the board would.
 * Invariant: the process never ends by itself; only a signal, Ctrl-\ or a failed start ends it
 * (a hard fault halts the board and waits, board_hard_fault). */
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/clock.h"
#include "board/led.h"
#include "board/pin.h"
#include "board/power.h"
#include "board/uart.h"
#include "core/gc.h"
#include "core/nlr.h"
#include "core/port.h"
#include "core/runtime.h"
#include "firmware/board.h"
#include "firmware/board_outside.h"
#include "firmware/board_uart_host.h"
#include "firmware/bootloader.h"
#include "firmware/cli_size.h"
#include "firmware/repl.h"
#include "firmware/repl_raw.h"
#include "firmware/repl_exec.h"
#include "firmware/repl_io.h"
#include "host/event_loop.h"
#include "host/host_fs.h"
#include "host/port_unix.h"
#include "host/process.h"
#include "modules/mod_machine.h"
#include "modules/fs_route.h"
#include "modules/mod_os.h"
#include "services/ftp.h"
#include "services/ota.h"
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
    int ftp_port, ftp_data_port;
    bool ftp_explicit; /* a port was given: not getting it ends the start */
    bool ftp_data_port_given; /* --ftp-data-port was given (else --ftp-port 0 implies 0 too) */
    size_t heap;
    clock_mode_t clock;
    uint32_t step_ns;
    const char *board_file; /* NULL: the bare WiPy */
    int boot_cause;         /* internal (--boot-cause): what the last process's reset was */
    int boot_reason;
    board_outside_opts_t outside; /* --control, --vcd (and the internal --handover) */
    safe_boot_t safe_boot;  /* --safe-boot: this boot only */
    int boot_slot;          /* internal: -1, or the slot the bootloader started this image from */
    const char *bootloader; /* internal: the executable a hard reset runs (the bootloader) */
    bool boot_safe;         /* internal: the bootloader chose a safe boot */
    const char *ota_key;    /* --ota-key: public key OTA images must be signed for beyond loopback */
    const char *sd;         /* --sd IMAGE: the card in the SD slot (issue 10) */
} board_opts_t;

static char **board_argv;
static bdev_t board_flash;
static char board_bootloader[BOARD_PATH_MAX]; /* what a hard reset executes */
bool board_safe_boot;

/* Options the board manages across a hard reset: dropped from the command line it was given
 * and set again (ports as bound, the handover as it is then, the bootloader's own not at all). */
static const char *const board_managed_opts[] = {"--telnet-port", "--ftp-port", "--ftp-data-port", "--safe-boot",
    "--boot-slot", "--bootloader", "--boot-safe", "--handover", "--boot-cause", "--uart-handover"};

static bool board_managed(const char *a) {
    for (size_t i = 0; i < sizeof(board_managed_opts) / sizeof(board_managed_opts[0]); i++) {
        if (strcmp(a, board_managed_opts[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* argv for the next program: the user's options but the managed ones, plus extra (NULL-ended). */
static char **board_next_argv(const char *prog, char *const *extra) {
    static char *out[BOARD_MAX_ARGS + 24];
    int n = 0;
    out[n++] = (char *)prog;
    for (int i = 1; board_argv[i] != NULL && n < BOARD_MAX_ARGS; i += 2) {
        if (!board_managed(board_argv[i])) {
            out[n++] = board_argv[i];
            if (board_argv[i + 1] != NULL) {
                out[n++] = board_argv[i + 1];
            }
        }
        if (board_argv[i + 1] == NULL) {
            break;
        }
    }
    for (; *extra != NULL; extra++) {
        out[n++] = *extra;
    }
    out[n] = NULL;
    return out;
}

static void board_usage(FILE *f, const char *prog) {
    fprintf(f,
        "usage: %s [--state DIR] [--bind ADDR] [--telnet-port N] [--ftp-port N] [--ftp-data-port N]\n"
        "          [--heap N[k|m]] [--board FILE] [--clock real|virtual] [--step-ns N]\n"
        "          [--control ADDR:PORT] [--vcd FILE] [--safe-boot latest|previous|factory]\n"
        "          [--ota-key PUBKEY.pem] [--sd IMAGE] [--uart0 SPEC] [--uart1 SPEC]\n"
        "Board mode: boots the virtual WiPy from DIR (default ./wipy-data), with its REPL on this\n"
        "terminal and on telnet (default 127.0.0.1 port 23, user micro, password python); its files\n"
        "over FTP (port 21, passive data port 2024; 0 picks a free port; --ftp-port 0 alone picks a free\n"
        "data port too).\n"
        "--board FILE: the wires and parts around it (JSON, see boards/). --clock virtual: time\n"
        "advances N ns per VM step (--step-ns, default %u) and jumps to the next deadline when the\n"
        "board waits. --control: the control interface (docs/control-protocol.md; port 0 picks one);\n"
        "--vcd FILE: every pin and the LED traced to a VCD file.\n"
        "--safe-boot holds GP28 high at reset: boot.py and main.py are skipped, with the latest\n"
        "firmware, the previous update or the factory image (this boot only). Bound beyond loopback,\n"
        "the board takes OTA images only signed for --ota-key's ECDSA P-256 key (make OTA_SIGN_KEY=).\n"
        "--uart0/--uart1 pty|tcp:[ADDR:]PORT|none: the UART on a new pty (/dev/pts/N) or a TCP port\n"
        "(one client at a time) for serial tools; UART0 then leaves the terminal.\n"
        "--sd IMAGE: an SD card image (FAT, e.g. made by mkfs.fat) in the SD slot (machine.SD).\n"
        "Ctrl-\\ on the terminal powers it off.\n",
        prog, (unsigned)CLOCK_DEFAULT_STEP_NS);
}

/* Returns 0, or the exit status for a bad command line. */
static int board_parse(int argc, char **argv, board_opts_t *o) {
    o->state = "wipy-data";
    o->bind = "127.0.0.1";
    o->telnet_port = 23;
    o->ftp_port = 21;
    o->ftp_data_port = 2024;
    o->ftp_explicit = false;
    o->ftp_data_port_given = false;
    o->heap = BOARD_DEFAULT_HEAP;
    o->clock = CLOCK_REAL;
    o->step_ns = CLOCK_DEFAULT_STEP_NS;
    o->board_file = NULL;
    o->outside = (board_outside_opts_t){NULL, NULL, NULL};
    o->boot_cause = POWER_PWRON_RESET;
    o->boot_reason = POWER_REASON_NONE;
    o->safe_boot = SAFE_BOOT_NONE;
    o->boot_slot = -1;
    o->bootloader = NULL;
    o->boot_safe = false;
    o->ota_key = NULL;
    o->sd = NULL;
    for (int i = 1; i < argc; i += 2) { /* every option takes a value */
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            board_usage(stdout, argv[0]);
            return -1;
        }
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--state") == 0 && val != NULL) {
            o->state = val;
        } else if (strcmp(a, "--bind") == 0 && val != NULL) {
            o->bind = val;
        } else if ((strcmp(a, "--telnet-port") == 0 || strcmp(a, "--ftp-port") == 0 ||
                       strcmp(a, "--ftp-data-port") == 0) && val != NULL) {
            char *end;
            long p = strtol(val, &end, 10);
            if (*end != '\0' || p < 0 || p > 65535) {
                fprintf(stderr, "%s: %s wants a port number (0-65535), not '%s'\n", argv[0], a, val);
                return 2;
            }
            *(a[2] == 't' ? &o->telnet_port : a[6] == 'p' ? &o->ftp_port : &o->ftp_data_port) = (int)p;
            o->ftp_explicit |= a[2] == 'f';
            o->ftp_data_port_given |= a[6] == 'd';
        } else if (strcmp(a, "--safe-boot") == 0 && val != NULL) {
            static const char *const names[] = {"latest", "previous", "factory"};
            o->safe_boot = SAFE_BOOT_NONE;
            for (int k = 0; k < 3; k++) {
                if (strcmp(val, names[k]) == 0) {
                    o->safe_boot = (safe_boot_t)(SAFE_BOOT_LATEST + k);
                }
            }
            if (o->safe_boot == SAFE_BOOT_NONE) {
                fprintf(stderr, "%s: --safe-boot wants latest, previous or factory, not '%s'\n", argv[0], val);
                return 2;
            }
        } else if (strcmp(a, "--sd") == 0 && val != NULL) {
            o->sd = val; /* checked when the state directory is open: board_sd_start */
        } else if (strcmp(a, "--ota-key") == 0 && val != NULL) {
            o->ota_key = val;
        } else if (strcmp(a, "--boot-slot") == 0 && val != NULL) {
            o->boot_slot = val[0] >= '0' && val[0] <= '2' && val[1] == '\0' ? val[0] - '0' : -1;
        } else if (strcmp(a, "--bootloader") == 0 && val != NULL) {
            o->bootloader = val;
        } else if (strcmp(a, "--boot-safe") == 0 && val != NULL) {
            o->boot_safe = strcmp(val, "1") == 0;
        } else if (strcmp(a, "--heap") == 0 && val != NULL) {
            o->heap = cli_parse_size(val);
            if (o->heap == 0) {
                fprintf(stderr, "%s: --heap wants a size such as 48k or 1m, not '%s'\n", argv[0], val);
                return 2;
            }
        } else if (strcmp(a, "--clock") == 0 && val != NULL) {
            if (strcmp(val, "real") == 0) {
                o->clock = CLOCK_REAL;
            } else if (strcmp(val, "virtual") == 0) {
                o->clock = CLOCK_VIRTUAL;
            } else {
                fprintf(stderr, "%s: --clock wants 'real' or 'virtual', not '%s'\n", argv[0], val);
                return 2;
            }
        } else if (strcmp(a, "--step-ns") == 0 && val != NULL) {
            char *end;
            long n = strtol(val, &end, 10);
            if (*end != '\0' || end == val || n < 1 || n > 1000000000L) {
                fprintf(stderr, "%s: --step-ns wants nanoseconds per VM step (1-1000000000), not '%s'\n", argv[0], val);
                return 2;
            }
            o->step_ns = (uint32_t)n;
        } else if (strcmp(a, "--control") == 0 && val != NULL) {
            char msg[160];
            if (!board_outside_check_control(val, msg, sizeof(msg))) {
                fprintf(stderr, "%s: %s\n", argv[0], msg);
                return 2;
            }
            o->outside.control = val;
        } else if (strcmp(a, "--vcd") == 0 && val != NULL) {
            o->outside.vcd = val;
        } else if (strcmp(a, "--handover") == 0 && val != NULL) {
            o->outside.handover = val; /* internal: from the program before a reset */
        } else if (strcmp(a, "--board") == 0 && val != NULL) {
            o->board_file = val;
        } else if ((strcmp(a, "--uart0") == 0 || strcmp(a, "--uart1") == 0) && val != NULL) {
            char msg[200]; /* a UART exposed to the host: firmware/board_uart_host.h */
            if (!board_uart_host_option(a[6] - '0', val, msg, sizeof(msg))) {
                fprintf(stderr, "%s: %s\n", argv[0], msg);
                return 2;
            }
        } else if (strcmp(a, "--uart-handover") == 0 && val != NULL) {
            char msg[120]; /* internal: the exposed UARTs' descriptors from the program before a reset */
            if (!board_uart_host_take_handover(val, msg, sizeof(msg))) {
                fprintf(stderr, "%s: %s\n", argv[0], msg);
                return 2;
            }
        } else if (strcmp(a, "--boot-cause") == 0 && val != NULL) {
            int c, r;
            char tail;
            if (sscanf(val, "%d:%d%c", &c, &r, &tail) != 2 || c < 0 || c > 4 || r < 0 || r > 3) {
                fprintf(stderr, "%s: --boot-cause is internal (CAUSE:REASON), not '%s'\n", argv[0], val);
                return 2;
            }
            o->boot_cause = c;
            o->boot_reason = r;
        } else {
            fprintf(stderr, "%s: unknown board option '%s'%s\n", argv[0], a, val == NULL ? " (or missing value)" : "");
            board_usage(stderr, argv[0]);
            return 2;
        }
    }
    if (o->ftp_port == 0 && !o->ftp_data_port_given) {
        o->ftp_data_port = 0; /* a free control port wants a free data port: boards side by side */
    }
    return 0;
}

/* The state directory, locked for this process, and the /flash image in it (created on first
 * boot). *made: the directory was created now. A directory another board holds is refused. */
static int board_open_state(const board_opts_t *o, hstore_t *hs, bool *made) {
    int r = host_mkdir(o->state);
    if (r != 0 && r != -EEXIST) {
        fprintf(stderr, "wipy: can't create the state directory '%s': %s\n", o->state, strerror(-r));
        return 1;
    }
    *made = r == 0;
    long holder = 0;
    r = host_lock_dir(o->state, &holder);
    if (r == -EBUSY) {
        fprintf(stderr, "wipy: the state directory '%s' is in use by another board (pid %ld); stop that one or give --state another directory\n",
            o->state, holder);
        return 2;
    }
    if (r != 0) {
        fprintf(stderr, "wipy: can't lock the state directory '%s': %s\n", o->state, strerror(-r));
        return 1;
    }
    char path[BOARD_PATH_MAX];
    snprintf(path, sizeof(path), "%s/hidden", o->state);
    r = hstore_open(hs, path);
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

/* The first line at power-on: where the board's state lives, whether it was just created, and
 * the way out. */
static void board_state_line(const char *state, bool made) {
    char cwd[BOARD_PATH_MAX];
    bool relative = state[0] != '/' && host_getcwd(cwd, sizeof(cwd)) >= 0;
    char line[2 * BOARD_PATH_MAX + 128];
    int n = snprintf(line, sizeof(line), "WiPy state in %s%s%s (%s); Ctrl-\\ powers the board off\r\n",
        relative ? cwd : "", relative ? "/" : "", state, made ? "created now" : "kept from before");
    terminal_write(line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

/* The telnet server's view of the REPL (services/telnet.h). */
static void board_notice(const char *line) { terminal_write(line, strlen(line)); }
static const telnet_repl_t board_telnet_repl = {replio_push_input, replio_add_sink, replio_remove_sink,
    replio_redraw, replio_source_opened, replio_source_closed, board_notice};

/* A reset of the board (machine.reset(), the reset switch, a watchdog, deepsleep's wake, a power
 * cycle): everything written out, then the bootloader runs again (it chooses the image) with the
 * same options, the ports the board has now (so a "--telnet-port 0" board keeps its port), the
 * outside's handover and the reset's cause (a power cycle passes none: the new process is a
 * power-on). */
static NORETURN void board_restart(int cause, int reason) {
    static char port_arg[3][16], cause_arg[16];
    static char *extra[15];
    int n = 0;
    int ports[3] = {telnet_port(), ftp_server_port(), ftp_server_data_port()};
    static char *const port_opt[3] = {"--telnet-port", "--ftp-port", "--ftp-data-port"};
    for (int i = 0; i < 3; i++) {
        if (ports[i] > 0) {
            snprintf(port_arg[i], sizeof(port_arg[i]), "%d", ports[i]);
            extra[n++] = port_opt[i];
            extra[n++] = port_arg[i];
        }
    }
    if (cause != POWER_PWRON_RESET) {
        snprintf(cause_arg, sizeof(cause_arg), "%d:%d", cause, reason);
        extra[n++] = "--boot-cause";
        extra[n++] = cause_arg;
    }
    extra[n++] = "--handover"; /* the outside's view goes on: firmware/board_outside.c */
    extra[n++] = (char *)board_outside_handover();
    if (board_uart_host_handover() != NULL) { /* and the UARTs' pty and TCP port (issue 10) */
        extra[n++] = "--uart-handover";
        extra[n++] = (char *)board_uart_host_handover();
    }
    extra[n] = NULL;
    board_rtc_save(cause != POWER_PWRON_RESET); /* issue 10 */
    telnet_stop();
    ftp_server_stop();
    vfs_sync();
    vfs_umount_all();
    bdev_close(&board_flash);
    terminal_raw_off();
    /* the bootloader (the executable the board was started with) chooses the image again */
    if (board_bootloader[0] != '\0') {
        host_exec(board_bootloader, board_next_argv(board_bootloader, extra));
    }
    host_reexec(board_next_argv(board_argv[0], extra));
    port_fatal("reset: can't restart the program");
}

static void board_hard_reset(void) { board_restart(POWER_HARD_RESET, POWER_REASON_NONE); }
static void board_deepsleep_reset(void) { board_restart(POWER_DEEPSLEEP_RESET, power_wake_reason()); }

/* The bootloader watches GP28 (board/safe_boot.h) while the outside is served: the control
 * interface drives the pin and sees the LED, the trace records both, time jumps when virtual. */
static safe_boot_t board_watch_gp28(safe_boot_t hold) {
    safe_boot_begin(hold);
    while (!safe_boot_finished()) {
        uint64_t left = clock_wait_ns(CLOCK_NEVER);
        if (clock_mode() == CLOCK_VIRTUAL && left == 0) {
            el_run_once(0);
            clock_wait_step(CLOCK_NEVER);
        } else {
            el_run_once(left == CLOCK_NEVER || left / 1000000u > 100 ? 100 : (int)(left / 1000000u));
            clock_run_due();
        }
        safe_boot_poll();
    }
    return safe_boot_choice();
}

/* The bootloader's part of a power-on or hard reset: returns when this process is the image to
 * run; executes another image; stops the board (LED on) when none can run. */
static void board_bootload(const board_opts_t *o, const hstore_t *hs) {
    if (o->boot_slot >= 0) { /* started by the bootloader: it has chosen */
        snprintf(board_bootloader, sizeof(board_bootloader), "%s", o->bootloader != NULL ? o->bootloader : "");
        board_safe_boot = o->boot_safe;
        return;
    }
    if (host_self_path(board_bootloader, sizeof(board_bootloader)) < 0) {
        snprintf(board_bootloader, sizeof(board_bootloader), "%s", board_argv[0]);
    }
    safe_boot_t safe = board_watch_gp28(o->safe_boot); /* --safe-boot holds the pin as a hand would */
    char note[BOARD_PATH_MAX + 128];
    int slot = bootloader_run(hs, board_bootloader, safe, note, sizeof(note));
    if (note[0] != '\0') {
        printf("%s\r\n", note);
        fflush(stdout);
    }
    board_safe_boot = safe != SAFE_BOOT_NONE;
    if (slot == 0) {
        return;
    }
    char path[320];
    int r = slot < 0 ? -EINVAL : hstore_path(hs, ota_slot_key[slot], path, sizeof(path));
    if (r == 0) {
        host_make_executable(path);
        static char slot_arg[2], ports[3][16];
        slot_arg[0] = (char)('0' + slot);
        snprintf(ports[0], sizeof(ports[0]), "%d", o->telnet_port);
        snprintf(ports[1], sizeof(ports[1]), "%d", o->ftp_port);
        snprintf(ports[2], sizeof(ports[2]), "%d", o->ftp_data_port);
        /* the ports as asked (the image binds them itself), FTP's only if they were given */
        char *extra[20];
        int n = 0;
        char *fixed[] = {"--boot-slot", slot_arg, "--bootloader", board_bootloader, "--boot-safe",
            board_safe_boot ? "1" : "0", "--telnet-port", ports[0]};
        for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
            extra[n++] = fixed[i];
        }
        if (o->ftp_explicit) {
            extra[n++] = "--ftp-port";
            extra[n++] = ports[1];
            extra[n++] = "--ftp-data-port";
            extra[n++] = ports[2];
        }
        static char cause_arg[16];
        if (o->boot_cause != POWER_PWRON_RESET) { /* the image learns why the board reset */
            snprintf(cause_arg, sizeof(cause_arg), "%d:%d", o->boot_cause, o->boot_reason);
            extra[n++] = "--boot-cause";
            extra[n++] = cause_arg;
        }
        extra[n++] = "--handover"; /* the control interface's sockets, drives and trace live on */
        extra[n++] = (char *)board_outside_handover();
        if (board_uart_host_handover() != NULL) { /* the UARTs' pty and TCP port too (issue 10) */
            extra[n++] = "--uart-handover";
            extra[n++] = (char *)board_uart_host_handover();
        }
        extra[n] = NULL;
        ftp_server_stop(); /* their ports are the image's to bind */
        telnet_stop();
        r = host_exec(path, board_next_argv(path, extra));
        printf("wipy bootloader: can't run the firmware in update slot %d (%s); the LED stays on\r\n", slot,
            strerror(-r));
        fflush(stdout);
    }
    /* no image can run: the LED stays on, and the board does nothing more */
    led_fatal();
    for (;;) {
        el_run_once(-1);
    }
}

static NORETURN void board_power_off_status(int status) {
    board_rtc_save(true); /* issue 10 */
    board_outside_stop();
    telnet_stop();
    ftp_server_stop();
    vfs_sync();
    vfs_umount_all();
    bdev_close(&board_flash);
    host_unlock_dir();
    terminal_raw_off();
    exit(status);
}

void board_power_off(void) { board_power_off_status(0); }

/* SIGTERM, SIGHUP, SIGINT (never the terminal's Ctrl-C: its keys are bytes here) or SIGQUIT from
 * outside: run from the event loop, the board powers off as Ctrl-\ does, /flash written out. */
static void board_on_stop_signal(int sig) {
    char line[96];
    int n = snprintf(line, sizeof(line), "\r\nwipy: %s: the board powers off (/flash written out)\r\n",
        host_signal_name(sig));
    terminal_write(line, (size_t)n);
    board_power_off_status(128 + sig);
}

static bool board_soft_from_outside; /* the soft reset asked for by the outside: a full boot */
static jmp_buf board_soft_jb;         /* in board_life, around the REPL session */
static bool board_soft_ready;         /* board_soft_jb is set */
static nlr_buf_t *board_soft_nlr;     /* nlr_top when it was set */

void board_power_requests(void) {
    if (!power_request_pending()) {
        return;
    }
    switch (power_take_request()) {
    case POWER_REQ_HARD_RESET:
        board_restart(POWER_HARD_RESET, POWER_REASON_NONE);
    case POWER_REQ_WDT_RESET:
        board_restart(POWER_WDT_RESET, POWER_REASON_NONE);
    case POWER_REQ_POWER_CYCLE:
        board_restart(POWER_PWRON_RESET, POWER_REASON_NONE);
    case POWER_REQ_OFF:
        board_power_off_status(0);
    case POWER_REQ_SOFT_RESET:
        /* as Ctrl-D at the friendly prompt: the next boot runs main.py whatever mode the REPL was
         * in. During the REPL session (waiting or running code) the session ends at once; during
         * boot.py/main.py it is their SystemExit, which soft-resets too. */
        board_soft_from_outside = true;
        if (board_soft_ready) {
            board_soft_ready = false;
            longjmp(board_soft_jb, 1);
        }
        if (rt_state.pending_exception == OBJ_NULL && rt_state.sys_modules != OBJ_NULL) {
            rt_state.pending_exception = exc_new(&type_SystemExit, 0, NULL);
        }
        return;
    default:
        return;
    }
}

/* One life of the Python side, from a fresh heap to the soft reset that ends it.
 * *raw: the reset came from the raw REPL (it resumes there). */
static void board_life(const rt_config_t *cfg, bool *raw) {
    if (!rt_try_init(cfg)) {
        /* not a board state but a wrong option: say so and end, as a bad command line does */
        fprintf(stderr, "wipy: the heap (%u bytes) is too small to start; give --heap more\n",
            (unsigned)cfg->heap_size);
        board_power_off_status(1);
    }
    machine_boot(true);
    bool fatal;
    volatile bool booted;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        booted = board_boot(&board_flash, *raw, &fatal);
        nlr_pop();
    } else {
        /* an exception outside the scripts (e.g. MemoryError while setting up): report, go on */
        repl_print_exception(&print_stdout, nlr.value);
        booted = true;
        fatal = false;
    }
    if (fatal) {
        board_hard_fault("/flash can't be used");
    }
    if (booted) {
        board_console_say_if_not_repl();
    }
    volatile bool next_raw = false;
    board_soft_nlr = nlr_top;
    if (setjmp(board_soft_jb) != 0) {
        /* a soft reset from outside during the session: whatever ran is dropped with the heap */
        nlr_top = board_soft_nlr;
        gc_unlock();
    } else if (booted && nlr_push(&nlr) == 0) {
        board_soft_ready = true;
        int status;
        repl_end_t end = repl_session(*raw, &status); /* Ctrl-D: readline has ended the line */
        next_raw = end == REPL_END_RAW_RESET;
        nlr_pop();
    } else if (booted) {
        /* an exception no REPL mode handled: reported, and the board soft-resets */
        repl_print_exception(&print_stdout, nlr.value);
    }
    board_soft_ready = false;
    if (board_soft_from_outside) {
        next_raw = false;
        board_soft_from_outside = false;
    }
    port_write("MPY: soft reboot\r\n", 18);
    board_console_detach();
    machine_boot(false);
    rt_deinit();
    ftp_server_abort_transfer(); /* its open file is on a volume about to be unmounted */
    power_set_boot_cause(POWER_SOFT_RESET, POWER_REASON_NONE);
    vfs_sync();
    vfs_umount_all();
    for (int id = 0; id < UART_COUNT; id++) {
        uart_deinit(id);
    }
    *raw = next_raw;
}

/* ---- the hard fault ---- */
static jmp_buf board_fault_jb;
static bool board_fault_ready; /* board_fault_jb is set */

NORETURN void board_hard_fault(const char *msg) {
    if (!board_fault_ready) {
        port_set_hooks(NULL); /* before the board runs: the plain fatal error */
        port_fatal(msg);
    }
    board_fault_ready = false; /* a fault while handling this one ends the process */
    char line[256];
    int n = snprintf(line, sizeof(line),
        "\r\nHARD FAULT: %s; the board is halted (LED on): Ctrl-\\ powers it off\r\n", msg);
    terminal_write(line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
    led_fatal();
    vfs_sync();
    longjmp(board_fault_jb, 1);
}

/* The board after a hard fault: its servers and the terminal's Ctrl-\ still served. */
static NORETURN void board_halted(void) {
    nlr_top = NULL;
    for (;;) {
        el_run_once(1000);
        if (power_request_pending() && power_take_request() != POWER_REQ_SOFT_RESET) {
            board_hard_reset(); /* the reset switch or a power cycle brings a halted board back */
        }
    }
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
    /* the simulated board first (a bad board file creates nothing), then the port */
    clock_init(o.clock, o.step_ns, host_monotonic_ns);
    pin_reset_all();
    power_init();
    power_set_boot_cause(o.boot_cause, (power_reason_t)o.boot_reason);
    if (o.board_file != NULL && board_file_load(o.board_file) != 0) {
        return 2;
    }
    el_init();
    telnet_set_repl(&board_telnet_repl);
    static char banner[128]; /* telnet keeps a pointer to it */
    repl_banner_line(banner, sizeof(banner));
    int err = telnet_start(o.bind, o.telnet_port, banner);
    if (err != 0) {
        fprintf(stderr,
            "wipy: can't listen for telnet on %s:%d (%s); pick another port with --telnet-port N\n",
            o.bind, o.telnet_port, strerror(err));
        return 2;
    }
    /* FTP on its default ports is a bonus (port 21 needs privileges): without them the board runs
     * with telnet only and says so; ports given on the command line must be had */
    err = ftp_server_start(o.bind, o.ftp_port, o.ftp_data_port);
    if (err != 0) {
        fprintf(stderr,
            "wipy: %s: can't listen for FTP on %s:%d with passive data port %d (%s); pick others with "
            "--ftp-port N and --ftp-data-port N\n",
            o.ftp_explicit ? "error" : "FTP is off", o.bind, o.ftp_port, o.ftp_data_port, strerror(err));
        if (o.ftp_explicit) {
            telnet_stop();
            return 2;
        }
    }
    if ((err = board_uart_host_start()) != 0) { /* UARTs on a pty or TCP port (issue 10) */
        ftp_server_stop();
        telnet_stop();
        return err;
    }
    static hstore_t hs; /* ssl's certificates and OTA uploads keep it */
    bool made = false;
    r = board_open_state(&o, &hs, &made);
    if (r == 0) {
        r = board_sd_start(o.state, o.sd, o.outside.handover != NULL); /* the SD slot (issue 10) */
    }
    if (r != 0) {
        ftp_server_stop();
        telnet_stop();
        return r;
    }
    r = host_on_stop_signals(board_on_stop_signal); /* from here a kill writes /flash out first */
    if (r != 0) {
        fprintf(stderr, "wipy: can't take the stop signals: %s\n", strerror(-r));
        ftp_server_stop();
        telnet_stop();
        return 1;
    }
    if ((r = board_outside_start(&o.outside)) != 0) { /* before the bootloader: it watches GP28 */
        ftp_server_stop();
        telnet_stop();
        return r;
    }
    board_bootload(&o, &hs);
    cert_store_set(&hs); /* ssl reads /flash/cert/... from it */
    ota_init(&hs);
    bool loopback = strncmp(o.bind, "127.", 4) == 0;
    if (o.ota_key != NULL || !loopback) {
        char msg[BOARD_PATH_MAX + 96];
        if (ota_require_signature(o.ota_key, !loopback, msg, sizeof(msg)) < 0) {
            fprintf(stderr, "wipy: %s\n", msg);
            ftp_server_stop();
            telnet_stop();
            return 2;
        }
    }
    board_bus_devices_state(o.state); /* devices' kept memory (issue 10) */
    board_rtc_load(o.state);  /* the RTC goes on from its last value (issue 10) */
    board_console_start(); /* first: on a terminal, the lines below are then written raw */
    board_state_line(o.state, made);
    char line[128];
    int n = 0;
    if (ftp_server_running()) {
        n = snprintf(line, sizeof(line), "FTP server on %s:%d (passive data port %d)\r\n", o.bind,
            ftp_server_port(), ftp_server_data_port());
        terminal_write(line, (size_t)n);
    }
    board_uart_host_announce();
    telnet_announce();
    board_outside_announce();
    board_port_install();
    fs_route_set_board(true);
    os_dupterm_handler = board_dupterm;
    machine_reset_hook = board_hard_reset;
    machine_deepsleep_hook = board_deepsleep_reset;
    repl_raw_set_paste_window(REPL_RAW_WINDOW_TELNET);
    replio_source_opened(); /* a board waits for input for ever: its REPL input never ends */
    static rt_config_t cfg;
    cfg = (rt_config_t){o.heap, stack_top, stack_limit};
    static bool raw = false;
    if (setjmp(board_fault_jb) != 0) {
        board_halted();
    }
    board_fault_ready = true;
    for (;;) {
        board_life(&cfg, &raw);
    }
}
