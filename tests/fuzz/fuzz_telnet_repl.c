/* tests/fuzz/fuzz_telnet_repl.c: libFuzzer target over what a telnet client can send: the bytes go
 * through the telnet session (services/telnet_proto: login, IAC filtering) and what reaches the
 * REPL drives it in every mode (friendly with editing keys and Tab completion, paste, raw,
 * raw-paste, soft-reset requests), on a fresh 96 KiB heap per input. The first byte picks the
 * start: bit 0 logs in first (so most inputs reach the REPL), bit 1 starts in the raw REPL.
 * Any exception is fine; an exception that escapes the REPL, a fatal error, a crash or a
 * sanitizer report is not. Endless loops are interrupted as Ctrl-C would (SIGVTALRM), and an
 * input's REPL input ends after 2 s of CPU. */
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "core/nlr.h"
#include "core/port.h"
#include "core/runtime.h"
#include "firmware/repl.h"
#include "host/port_unix.h"
#include "services/telnet_proto.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct {
    uint8_t *buf; /* what the session passed to the REPL */
    size_t len, cap, pos;
} in;

static void to_client(void *ctx, const uint8_t *d, size_t n) {}

static void to_repl(void *ctx, const uint8_t *d, size_t n) {
    if (in.len + n > in.cap) {
        return; /* bounded by the input's size anyway */
    }
    memcpy(in.buf + in.len, d, n);
    in.len += n;
}

static void hook_write(const char *s, size_t len) {}
/* Input ends early once the input has used its CPU budget (many statements that each loop until
 * interrupted would otherwise add up past libFuzzer's timeout without being a hang). */
#define INPUT_CPU_BUDGET (2 * CLOCKS_PER_SEC)
static clock_t input_start;
static int hook_read_byte(void) {
    if (clock() - input_start > INPUT_CPU_BUDGET) {
        return -1;
    }
    return in.pos < in.len ? in.buf[in.pos++] : -1;
}
static bool hook_read_line(vstr_t *out) {
    int c;
    while ((c = hook_read_byte()) >= 0 && c != '\r' && c != '\n') {
        vstr_add_byte(out, (uint8_t)c);
    }
    return c >= 0;
}
static void hook_poll(void) {}
static void hook_delay(uint64_t us) { rt_check_pending(); }
static NORETURN void hook_fatal(const char *msg) { abort(); } /* a finding: nothing may end up here */

static const port_hooks_t hooks = {hook_write, hook_read_byte, hook_read_line, hook_poll, hook_delay, hook_fatal};

static void on_alarm(int sig) { rt_keyboard_interrupt(); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static bool inited;
    if (!inited) {
        port_set_hooks(&hooks);
        signal(SIGVTALRM, on_alarm);
        inited = true;
    }
    if (size == 0) {
        return 0;
    }
    static const char login[] = "micro\rpython\r";
    in.cap = size + sizeof(login);
    in.buf = malloc(in.cap);
    in.len = in.pos = 0;
    tn_session_t tn;
    tn_io_t io = {to_client, to_repl, NULL};
    tn_start(&tn, "MicroPython fuzz; WiPy with CC3200", "micro", "python", &io);
    if (data[0] & 1) {
        tn_input(&tn, (const uint8_t *)login, sizeof(login) - 1, &io);
    }
    tn_input(&tn, data + 1, size - 1, &io);

    volatile char marker = 0;
    rt_config_t cfg = {96 * 1024, (void *)((uintptr_t)&marker + 4096), 256 * 1024};
    rt_init(&cfg);
    input_start = clock();
    struct itimerval it = {{0, 50000}, {0, 100000}};
    setitimer(ITIMER_VIRTUAL, &it, NULL);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        int status;
        repl_session((data[0] & 2) != 0, &status);
        nlr_pop();
    } else if (!exc_is_instance(nlr.value, &type_KeyboardInterrupt)) {
        abort(); /* an exception no REPL mode handled (a KeyboardInterrupt may land between modes) */
    }
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_VIRTUAL, &off, NULL);
    rt_deinit();
    free(in.buf);
    in.buf = NULL;
    return 0;
}
