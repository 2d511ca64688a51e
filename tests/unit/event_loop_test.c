/* tests/unit/event_loop_test.c: the event loop's limits (issue 14): a timer far in the future
 * (beyond poll()'s int milliseconds, 24.8 days) bounds the wait instead of overflowing it into
 * "wait for ever" or a busy loop, and a full watch table is reported to the caller. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include <cmocka.h>

#include "host/event_loop.h"

static void never(void *arg) { fail_msg("a far timer ran"); }
static void on_fd(int fd, int events, void *arg) {}

static void test_far_timers_bound_the_wait(void **state) {
    el_init();
    static const uint64_t days[] = {25, 50, 100, 24856 * 1000ull, 1ull << 40};
    for (size_t i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
        uint64_t far = days[i] * 86400ull * 1000000ull;
        int id = el_timer_at(el_now_us() + far, never, NULL);
        assert_true(id > 0);
        int w = el_wait_ms(-1);
        assert_true(w > 1000);        /* not a busy loop */
        assert_true(w <= 3600 * 1000); /* and not for ever */
        assert_int_equal(el_wait_ms(7), 7);
        el_timer_cancel(id);
    }
    assert_int_equal(el_wait_ms(-1), -1);
}

static void test_near_timer_wins(void **state) {
    el_init();
    int far = el_timer_at(el_now_us() + (1ull << 50), never, NULL);
    int near = el_timer_at(el_now_us() + 20000, never, NULL);
    int w = el_wait_ms(-1);
    assert_true(w >= 19 && w <= 21);
    el_timer_cancel(far);
    el_timer_cancel(near);
}

static void test_full_watch_table_is_reported(void **state) {
    el_init();
    int fds[64][2];
    int n = 0;
    bool refused = false;
    for (; n < 64; n++) {
        assert_int_equal(pipe(fds[n]), 0);
        if (!el_watch(fds[n][0], EL_READ, on_fd, NULL)) {
            refused = true;
            n++;
            break;
        }
    }
    assert_true(refused);
    for (int i = 0; i < n; i++) {
        el_unwatch(fds[i][0]);
        close(fds[i][0]);
        close(fds[i][1]);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_far_timers_bound_the_wait),
        cmocka_unit_test(test_near_timer_wins),
        cmocka_unit_test(test_full_watch_table_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
