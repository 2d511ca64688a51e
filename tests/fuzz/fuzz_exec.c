/* tests/fuzz/fuzz_exec.c: libFuzzer target over the whole language pipeline: the input is Python
 * source, lexed, parsed, compiled and run in a fresh namespace on a small heap. A CPU-time timer
 * (SIGVTALRM, every 100 ms: SIGALRM stays libFuzzer's) interrupts long-running code through the
 * same path as Ctrl-C (rt_keyboard_interrupt), so loops end in KeyboardInterrupt; a program that
 * catches every exception in an endless loop is a genuine hang, left to libFuzzer's -timeout
 * (run with -fork=1 -ignore_timeouts=1). Any exception is fine; a crash or sanitizer report is not. */
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/time.h>

#include "core/nlr.h"
#include "core/runtime.h"

static void on_alarm(int sig) {
    (void)sig;
    rt_keyboard_interrupt();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static bool inited = false;
    volatile char marker = 0;
    if (!inited) {
        rt_config_t cfg = {
            .heap_size = 128 * 1024,
            .stack_top = (void *)((uintptr_t)&marker + 4096),
            .stack_limit = 512 * 1024,
        };
        rt_init(&cfg);
        signal(SIGVTALRM, on_alarm);
        inited = true;
    }
    struct itimerval it = {{0, 100000}, {0, 200000}};
    setitimer(ITIMER_VIRTUAL, &it, NULL);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t globals = dict_new(4);
        dict_store(globals, obj_new_qstr(QSTR___name__), obj_new_qstr(QSTR___main__));
        rt_exec_source((const char *)data, size, QSTR__lt_string_gt_, INPUT_FILE, globals);
        nlr_pop();
    }
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_VIRTUAL, &off, NULL);
    rt_state.pending_exception = OBJ_NULL;
    return 0;
}
