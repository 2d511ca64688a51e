/* tests/fuzz/fuzz_module.c: libFuzzer targets for the parsers in modules/: the input is handed to
 * a small Python driver as bytes. FUZZ_DRIVER (set by mk/fuzz.mk) names the driver:
 *   json: json.loads(input), and dumps of the result;
 *   re:   the first line is a pattern, the rest a subject: compile, match, search, sub, split.
 * Any Python exception is fine; a crash, a hang or a sanitizer report is not. */
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>

#include "core/nlr.h"
#include "core/qstr.h"
#include "core/runtime.h"

static const char *const driver_json =
    "import json\n"
    "def drive(d):\n"
    "    try:\n"
    "        v = json.loads(d)\n"
    "        json.loads(json.dumps(v))\n"
    "    except ValueError:\n"
    "        pass\n";

static const char *const driver_re =
    "import re\n"
    "def one(p, s):\n"
    "    try:\n"
    "        r = re.compile(p)\n"
    "    except ValueError:\n"
    "        return\n"
    "    r.match(s)\n"
    "    m = r.search(s)\n"
    "    if m:\n"
    "        m.groups(); m.span()\n"
    "    r.split(s)\n"
    "    r.sub(p[:0], s)\n"
    "    r.findall(s)\n"
    "def drive(d):\n"
    "    i = d.find(b'\\n')\n"
    "    pat, subj = (d, b'') if i < 0 else (d[:i], d[i + 1:])\n"
    "    one(pat, subj)\n"
    "    try:\n"
    "        one(str(pat, 'utf-8'), str(subj, 'utf-8'))\n"
    "    except UnicodeError:\n"
    "        pass\n";

static void on_alarm(int sig) {
    (void)sig;
    rt_keyboard_interrupt();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static bool inited = false;
    static obj_t *drive_root;
    volatile char marker = 0;
    if (!inited) {
        rt_config_t cfg = {
            .heap_size = 256 * 1024,
            .stack_top = (void *)((uintptr_t)&marker + 4096),
            .stack_limit = 512 * 1024,
        };
        rt_init(&cfg);
        signal(SIGALRM, on_alarm);
        const char *src = strcmp(FUZZ_DRIVER, "re") == 0 ? driver_re : driver_json;
        rt_exec_source(src, strlen(src), QSTR__lt_string_gt_, INPUT_FILE, rt_state.main_globals);
        drive_root = &rt_state.module_state[0];
        *drive_root = dict_get(rt_state.main_globals, obj_new_qstr(qstr_from_str("drive")));
        inited = true;
    }
    struct itimerval it = {{0, 0}, {0, 500000}};
    setitimer(ITIMER_REAL, &it, NULL);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        rt_call1(*drive_root, bytes_new((const char *)data, size));
        nlr_pop();
    }
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    rt_state.pending_exception = OBJ_NULL;
    return 0;
}
