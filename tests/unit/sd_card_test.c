/* tests/unit/sd_card_test.c: the SD slot model (board/sd_card.c) without Python: images refused at
 * insertion (missing, short, ragged, a directory), block reads and writes landing at the right
 * offsets of the image at once, ranges, write-protect, removal and the generation count, and the
 * host controller's pins in their SD functions. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "board/clock.h"
#include "board/pin.h"
#include "board/sd_card.h"

static char dir[64];
static char path[128];

static void make_file(const char *p, size_t len) {
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    for (size_t i = 0; i < len; i++) {
        fputc((int)(i / SD_BLOCK & 0xff), f); /* each block filled with its number */
    }
    fclose(f);
}

static int setup(void **state) {
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/sd_card_test.XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/card.img", dir);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    if (sd_card_present()) {
        sd_card_remove();
    }
    unlink(path);
    rmdir(dir);
    return 0;
}

static void test_refused_images(void **state) {
    (void)state;
    char err[256];
    assert_int_equal(sd_card_insert(path, false, err, sizeof(err)), -ENOENT);
    assert_non_null(strstr(err, "No such file"));
    make_file(path, SD_BLOCK * (SD_MIN_BLOCKS - 1));
    assert_int_equal(sd_card_insert(path, false, err, sizeof(err)), -EINVAL);
    assert_non_null(strstr(err, "not an SD card image: 65024 bytes"));
    make_file(path, SD_BLOCK * SD_MIN_BLOCKS + 1);
    assert_int_equal(sd_card_insert(path, false, err, sizeof(err)), -EINVAL);
    assert_int_equal(sd_card_insert(dir, false, err, sizeof(err)), -EISDIR);
    assert_false(sd_card_present());
    assert_int_equal(sd_card_remove(), -ENODEV);
}

static void test_blocks(void **state) {
    (void)state;
    char err[256];
    make_file(path, SD_BLOCK * 200);
    uint32_t g0 = sd_card_generation();
    assert_int_equal(sd_card_insert(path, false, err, sizeof(err)), 0);
    assert_true(sd_card_present());
    assert_int_equal(sd_card_blocks(), 200);
    assert_string_equal(sd_card_image(), path);
    assert_int_not_equal(sd_card_generation(), g0);
    assert_int_equal(sd_card_insert(path, false, err, sizeof(err)), -EBUSY);
    uint8_t buf[3 * SD_BLOCK];
    assert_int_equal(sd_card_read(7, 3, buf), 0);
    assert_int_equal(buf[0], 7);
    assert_int_equal(buf[2 * SD_BLOCK + 511], 9);
    assert_int_equal(sd_card_read(198, 3, buf), -EIO); /* past the end */
    assert_int_equal(sd_card_read(UINT32_MAX, 1, buf), -EIO);
    memset(buf, 0xa5, sizeof(buf));
    assert_int_equal(sd_card_write(199, 1, buf), 0);
    assert_int_equal(sd_card_write(199, 2, buf), -EIO);
    /* write-through: the image has it now, before any sync */
    FILE *f = fopen(path, "rb");
    fseek(f, 199L * SD_BLOCK, SEEK_SET);
    assert_int_equal(fgetc(f), 0xa5);
    fclose(f);
    assert_int_equal(sd_card_sync(), 0);
    assert_true(sd_card_reads() >= 3 && sd_card_writes() == 1);
    uint32_t g1 = sd_card_generation();
    assert_int_equal(sd_card_remove(), 0);
    assert_int_not_equal(sd_card_generation(), g1);
    assert_int_equal(sd_card_read(0, 1, buf), -EIO);
    assert_int_equal(sd_card_write(0, 1, buf), -EIO);
    assert_string_equal(sd_card_image(), "");
}

static void test_write_protect(void **state) {
    (void)state;
    char err[256];
    make_file(path, SD_BLOCK * SD_MIN_BLOCKS);
    assert_int_equal(sd_card_insert(path, true, err, sizeof(err)), 0);
    assert_true(sd_card_readonly());
    uint8_t buf[SD_BLOCK] = {1};
    assert_int_equal(sd_card_write(0, 1, buf), -EROFS);
    assert_int_equal(sd_card_read(5, 1, buf), 0);
    assert_int_equal(buf[0], 5);
}

static void test_host_pins(void **state) {
    (void)state;
    int gp10 = pin_by_name("GP10", 4), gp11 = pin_by_name("GP11", 4), gp15 = pin_by_name("GP15", 4);
    assert_int_equal(sd_host_pin_alt(gp10, 0), 6);
    assert_int_equal(sd_host_pin_alt(gp15, 2), 8);
    assert_int_equal(sd_host_pin_alt(gp10, 1), -1);
    assert_int_equal(sd_host_pin_alt(pin_by_name("GP8", 3), 2), -1);
    sd_host_init(gp10, gp11, gp15);
    assert_true(sd_host_enabled());
    pin_config_t c;
    pin_get_config(gp11, &c);
    assert_int_equal(c.mode, PIN_MODE_ALT);
    assert_int_equal(c.alt, 6);
    assert_int_equal(c.pull, PIN_PULL_UP);
    sd_host_deinit();
    assert_false(sd_host_enabled());
    pin_get_config(gp11, &c);
    assert_int_equal(c.mode, PIN_MODE_IN);
}

int main(void) {
    clock_init(CLOCK_VIRTUAL, 1000, NULL);
    pin_reset_all();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_refused_images, setup, teardown),
        cmocka_unit_test_setup_teardown(test_blocks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_protect, setup, teardown),
        cmocka_unit_test_setup_teardown(test_host_pins, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    printf("%d passed, %d failed\n", (int)(sizeof(tests) / sizeof(tests[0])) - failed, failed);
    return failed != 0;
}
