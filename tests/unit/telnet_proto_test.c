/* tests/unit/telnet_proto_test.c: the telnet login dialogue byte for byte (spec §10), and the
 * input filter (IAC sequences split across reads, NUL, CR LF, UTF-8 passing through). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "services/telnet_proto.h"

typedef struct {
    uint8_t client[4096];
    size_t n_client;
    uint8_t repl[4096];
    size_t n_repl;
} sink_t;

static void to_client(void *ctx, const uint8_t *d, size_t n) {
    sink_t *s = ctx;
    memcpy(s->client + s->n_client, d, n);
    s->n_client += n;
}

static void to_repl(void *ctx, const uint8_t *d, size_t n) {
    sink_t *s = ctx;
    memcpy(s->repl + s->n_repl, d, n);
    s->n_repl += n;
}

#define BANNER "MicroPython 1.2.0 on 2026-11-24; WiPy with CC3200"
static const uint8_t LOGIN_NEG[] = {255, 252, 1, 255, 252, 3, 255, 251, 34};
static const uint8_t PASS_NEG[] = {255, 251, 1, 255, 252, 3, 255, 251, 34};
static const uint8_t OK_NEG[] = {255, 251, 1, 255, 251, 3, 255, 252, 34};

static void start(tn_session_t *t, sink_t *s, tn_io_t *io) {
    memset(s, 0, sizeof(*s));
    io->to_client = to_client;
    io->to_repl = to_repl;
    io->ctx = s;
    tn_start(t, BANNER, "micro", "python", io);
}

static void feed(tn_session_t *t, tn_io_t *io, const char *s) { tn_input(t, (const uint8_t *)s, strlen(s), io); }

/* expected = concatenation of pieces; pieces given as (ptr, len) pairs ending with NULL */
static void expect_bytes(const uint8_t *got, size_t n_got, ...) {
    uint8_t want[4096];
    size_t n = 0;
    va_list ap;
    va_start(ap, n_got);
    for (;;) {
        const void *p = va_arg(ap, const void *);
        if (p == NULL) {
            break;
        }
        size_t len = va_arg(ap, size_t);
        memcpy(want + n, p, len);
        n += len;
    }
    va_end(ap);
    assert_int_equal(n_got, n);
    assert_memory_equal(got, want, n);
}

#define S(str) str, strlen(str)
#define B(arr) arr, sizeof(arr)

static void test_greeting(void **state) {
    tn_session_t t;
    sink_t s;
    tn_io_t io;
    start(&t, &s, &io);
    expect_bytes(s.client, s.n_client, S(BANNER "\r\n"), B(LOGIN_NEG), S("Login as: "), NULL);
    assert_int_equal(t.state, TN_USER);
}

static void test_login_success(void **state) {
    tn_session_t t;
    sink_t s;
    tn_io_t io;
    start(&t, &s, &io);
    s.n_client = 0;
    feed(&t, &io, "micro\r\n");
    expect_bytes(s.client, s.n_client, S("Password: "), B(PASS_NEG), NULL);
    s.n_client = 0;
    feed(&t, &io, "python\r\0");
    expect_bytes(s.client, s.n_client, B(OK_NEG), S("\r\nLogin succeeded!\r\nType \"help()\" for more information.\r\n"),
        NULL);
    assert_int_equal(t.state, TN_LOGGED_IN);
    feed(&t, &io, "print(1)\r\n");
    assert_int_equal(s.n_repl, 9);
    assert_memory_equal(s.repl, "print(1)\r", 9);
}

static void test_wrong_user_still_asks_password(void **state) {
    tn_session_t t;
    sink_t s;
    tn_io_t io;
    start(&t, &s, &io);
    feed(&t, &io, "nobody\r\n");
    s.n_client = 0;
    feed(&t, &io, "python\r\n");
    expect_bytes(s.client, s.n_client, S("\r\nInvalid credentials, try again.\r\n"), B(LOGIN_NEG), S("Login as: "), NULL);
    assert_int_equal(t.state, TN_USER);
    assert_int_equal(s.n_repl, 0);
}

static void test_three_failures_close(void **state) {
    tn_session_t t;
    sink_t s;
    tn_io_t io;
    start(&t, &s, &io);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(t.state, TN_USER);
        s.n_client = 0;
        feed(&t, &io, "micro\r\nwrong\r\n");
    }
    assert_int_equal(t.state, TN_CLOSED);
    expect_bytes(s.client, s.n_client, S("Password: "), B(PASS_NEG), S("\r\nInvalid credentials, try again.\r\n"), NULL);
    feed(&t, &io, "micro\r\npython\r\n");
    assert_int_equal(t.state, TN_CLOSED);
}

static void test_second_try_succeeds(void **state) {
    tn_session_t t;
    sink_t s;
    tn_io_t io;
    start(&t, &s, &io);
    feed(&t, &io, "micro\r\nbad\r\n");
    feed(&t, &io, "micro\r\npython\r\n");
    assert_int_equal(t.state, TN_LOGGED_IN);
}

static void test_exact_compare_and_length(void **state) {
    tn_session_t t;
    sink_t s;
    tn_io_t io;
    start(&t, &s, &io);
    feed(&t, &io, "micro \r\npython\r\n"); /* trailing space: not equal */
    assert_int_equal(t.state, TN_USER);
    feed(&t, &io, "Micro\r\npython\r\n");
    assert_int_equal(t.state, TN_USER);
    start(&t, &s, &io);
    char longname[80];
    memset(longname, 'm', sizeof(longname));
    tn_input(&t, (const uint8_t *)longname, sizeof(longname), &io);
    feed(&t, &io, "\r\npython\r\n");
    assert_int_equal(t.state, TN_USER);
    assert_int_equal(t.failures, 1);
}

static void test_iac_split_and_filtered(void **state) {
    tn_session_t t;
    sink_t s;
    tn_io_t io;
    start(&t, &s, &io);
    const uint8_t neg[] = {255, 253, 1, 255, 251, 31, 'm', 'i', 255};
    tn_input(&t, neg, sizeof(neg), &io);
    const uint8_t rest[] = {250, 31, 0, 80, 0, 24, 255, 240, 'c', 'r', 'o', '\r', 0};
    tn_input(&t, rest, sizeof(rest), &io);
    assert_int_equal(t.state, TN_PASS);
    assert_string_equal(t.user, "micro");
    feed(&t, &io, "python\r\n");
    assert_int_equal(t.state, TN_LOGGED_IN);
    /* after login: options never reach the REPL, 255 255 is a data byte, UTF-8 passes */
    const uint8_t data[] = {'a', 255, 251, 3, 'b', 0, 255, 255, 0xc3, 0xa9, '\r', '\n', 'c'};
    s.n_repl = 0;
    tn_input(&t, data, sizeof(data), &io);
    const uint8_t want[] = {'a', 'b', 255, 0xc3, 0xa9, '\r', 'c'};
    assert_int_equal(s.n_repl, sizeof(want));
    assert_memory_equal(s.repl, want, sizeof(want));
}

static void test_backspace_in_login(void **state) {
    tn_session_t t;
    sink_t s;
    tn_io_t io;
    start(&t, &s, &io);
    feed(&t, &io, "microx\x7f\r\npythom\x08n\r\n");
    assert_int_equal(t.state, TN_LOGGED_IN);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_greeting),
        cmocka_unit_test(test_login_success),
        cmocka_unit_test(test_wrong_user_still_asks_password),
        cmocka_unit_test(test_three_failures_close),
        cmocka_unit_test(test_second_try_succeeds),
        cmocka_unit_test(test_exact_compare_and_length),
        cmocka_unit_test(test_iac_split_and_filtered),
        cmocka_unit_test(test_backspace_in_login),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    int total = (int)(sizeof(tests) / sizeof(tests[0]));
    printf("%d passed, %d failed\n", total - failed, failed);
    return failed != 0;
}
