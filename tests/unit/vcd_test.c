/* tests/unit/vcd_test.c: cmocka tests of the VCD writer (board/vcd.c): the header, the initial
 * values, stamps shared by changes at one instant and never going backwards, vectors, x/z, reals,
 * registration errors, a sink that fails, and a dump larger than the buffer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "board/vcd.h"

static char out[1 << 22];
static size_t out_len;
static int fail_after = -1; /* sink calls left before it fails; -1: never */

static bool sink(void *ctx, const char *data, size_t len) {
    (void)ctx;
    if (fail_after == 0) {
        return false;
    }
    if (fail_after > 0) {
        fail_after--;
    }
    assert_true(out_len + len < sizeof(out));
    memcpy(out + out_len, data, len);
    out_len += len;
    out[out_len] = '\0';
    return true;
}

static vcd_t v;

static int setup(void **state) {
    (void)state;
    vcd_init(&v);
    out_len = 0;
    out[0] = '\0';
    fail_after = -1;
    return 0;
}

static void test_header_and_values(void **state) {
    (void)state;
    int a = vcd_add(&v, "pins", "GP10", 1);
    int b = vcd_add(&v, "board", "LED", 1);
    int c = vcd_add(&v, "pins", "GP11", 1);
    assert_int_equal(a, 0);
    assert_int_equal(b, 1);
    assert_int_equal(c, 2);
    vcd_set(&v, a, 5, 1);
    vcd_set_state(&v, c, 5, VCD_Z);
    assert_true(vcd_start(&v, sink, NULL, 100, "clock virtual"));
    vcd_set(&v, a, 150, 0);
    vcd_set(&v, b, 150, 1);
    vcd_set(&v, b, 150, 1); /* no change: nothing written */
    vcd_set(&v, a, 200, 1);
    assert_true(vcd_stop(&v, 300));
    const char *want = "$version virtual WiPy $end\n"
                       "$comment clock virtual $end\n"
                       "$timescale 1ns $end\n"
                       "$scope module pins $end\n"
                       "$var wire 1 ! GP10 $end\n"
                       "$var wire 1 % GP11 $end\n"
                       "$upscope $end\n"
                       "$scope module board $end\n"
                       "$var wire 1 \" LED $end\n"
                       "$upscope $end\n"
                       "$enddefinitions $end\n"
                       "#100\n"
                       "$dumpvars\n"
                       "1!\n"
                       "x\"\n"
                       "z%\n"
                       "$end\n"
                       "#150\n"
                       "0!\n"
                       "1\"\n"
                       "#200\n"
                       "1!\n"
                       "#300\n";
    assert_string_equal(out, want);
    assert_false(vcd_running(&v));
}

static void test_vectors_real_and_backwards(void **state) {
    (void)state;
    int bus = vcd_add(&v, "i2c", "data", 8);
    int volts = vcd_add(&v, "adc", "GP3_V", 0);
    assert_true(vcd_start(&v, sink, NULL, 0, NULL));
    out_len = 0;
    vcd_set(&v, bus, 10, 0x1A5); /* only the low 8 bits */
    vcd_set_state(&v, bus, 20, VCD_Z);
    vcd_set(&v, bus, 5, 0); /* backwards: lands at the last stamp (20) */
    vcd_set_real(&v, volts, 30, 1.25);
    vcd_set_state(&v, bus, 40, VCD_1);
    vcd_stop(&v, 40);
    assert_string_equal(out, "#10\nb10100101 !\n#20\nbz !\nb0 !\n#30\nr1.25 \"\n#40\nb11111111 !\n");
}

static void test_registration_errors(void **state) {
    (void)state;
    assert_int_equal(vcd_add(&v, "s", "", 1), -1);
    assert_int_equal(vcd_add(&v, "s", "has space", 1), -1);
    assert_int_equal(vcd_add(&v, "s", "w", 65), -1);
    assert_int_equal(vcd_add(&v, "", "w", 1), -1);
    assert_int_equal(vcd_add(&v, "s", "this_name_is_far_too_long_for_vcd_t", 1), -1);
    assert_int_equal(vcd_add(&v, "s", "ok", 1), 0);
    assert_int_equal(vcd_add(&v, "s", "ok", 1), -1);
    assert_int_equal(vcd_find(&v, "ok"), 0);
    assert_int_equal(vcd_find(&v, "nope"), -1);
    char name[16];
    for (int i = 1; i < VCD_MAX_SIGNALS; i++) {
        snprintf(name, sizeof(name), "s%d", i);
        assert_int_equal(vcd_add(&v, "s", name, 1), i);
    }
    assert_int_equal(vcd_add(&v, "s", "onemore", 1), -1);
    /* ids past 91 take two characters; none is '#' or '$' */
    assert_true(vcd_start(&v, sink, NULL, 0, NULL));
    vcd_stop(&v, 0);
    assert_non_null(strstr(out, "$var wire 1 !\" s92 $end\n"));
    assert_null(strstr(out, " # "));
    assert_null(strstr(out, " $ "));
    /* out-of-range ids are ignored */
    vcd_set(&v, -1, 0, 1);
    vcd_set(&v, VCD_MAX_SIGNALS, 0, 1);
}

static void test_double_start_and_failing_sink(void **state) {
    (void)state;
    int a = vcd_add(&v, "pins", "GP0", 1);
    assert_true(vcd_start(&v, sink, NULL, 0, NULL));
    assert_false(vcd_start(&v, sink, NULL, 0, NULL));
    assert_true(vcd_stop(&v, 1));
    fail_after = 0;
    assert_false(vcd_start(&v, sink, NULL, 0, NULL));
    assert_false(vcd_running(&v));
    assert_false(vcd_stop(&v, 2));
    /* the value is still followed, and the next dump starts with it */
    vcd_set(&v, a, 3, 1);
    fail_after = -1;
    out_len = 0;
    assert_true(vcd_start(&v, sink, NULL, 4, NULL));
    vcd_stop(&v, 4);
    assert_non_null(strstr(out, "$dumpvars\n1!\n$end\n"));
}

static void test_large_dump(void **state) {
    (void)state;
    int a = vcd_add(&v, "pins", "GP0", 1);
    assert_true(vcd_start(&v, sink, NULL, 0, NULL));
    size_t head = out_len;
    for (uint64_t t = 1; t <= 100000; t++) {
        vcd_set(&v, a, t * 1000, t & 1);
    }
    vcd_stop(&v, 200000000);
    assert_int_equal(v.changes, 100000);
    /* every change is there, in order */
    const char *p = out + head;
    for (uint64_t t = 1; t <= 100000; t++) {
        char line[48];
        snprintf(line, sizeof(line), "#%llu\n%d!\n", (unsigned long long)(t * 1000), (int)(t & 1));
        assert_memory_equal(p, line, strlen(line));
        p += strlen(line);
    }
    assert_string_equal(p, "#200000000\n");
}

/* stamps written incrementally agree with printf's, across carries and large steps */
static void test_stamp_digits(void **state) {
    (void)state;
    int a = vcd_add(&v, "pins", "GP0", 1);
    assert_true(vcd_start(&v, sink, NULL, 7, NULL));
    size_t head = out_len;
    uint64_t steps[] = {3, 90, 900, 1, 99999, 12345678901ull, 1, 999999999999999ull, 8};
    uint64_t t = 7;
    char want[4096] = "";
    for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
        t += steps[i];
        vcd_set(&v, a, t, i & 1 ? 0 : 1);
        char line[64];
        snprintf(line, sizeof(line), "#%llu\n%d!\n", (unsigned long long)t, i & 1 ? 0 : 1);
        strcat(want, line);
    }
    vcd_stop(&v, t);
    assert_string_equal(out + head, want);
}

static void test_resume(void **state) {
    (void)state;
    int a = vcd_add(&v, "pins", "GP0", 1);
    int b = vcd_add(&v, "pins", "GP1", 1);
    vcd_set(&v, a, 0, 1);
    vcd_set(&v, b, 0, 0);
    assert_true(vcd_resume(&v, sink, NULL, 5000));
    assert_false(vcd_resume(&v, sink, NULL, 5000));
    vcd_set(&v, b, 6000, 1);
    vcd_stop(&v, 7000);
    assert_string_equal(out, "#5000\n1!\n0\"\n#6000\n1\"\n#7000\n");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_header_and_values, setup),
        cmocka_unit_test_setup(test_vectors_real_and_backwards, setup),
        cmocka_unit_test_setup(test_registration_errors, setup),
        cmocka_unit_test_setup(test_double_start_and_failing_sink, setup),
        cmocka_unit_test_setup(test_large_dump, setup),
        cmocka_unit_test_setup(test_resume, setup),
        cmocka_unit_test_setup(test_stamp_digits, setup),
    };
    int failed = cmocka_run_group_tests_name("vcd", tests, NULL, NULL);
    int n = (int)(sizeof(tests) / sizeof(tests[0]));
    printf("%d passed, %d failed\n", n - failed, failed);
    return failed ? 1 : 0;
}
