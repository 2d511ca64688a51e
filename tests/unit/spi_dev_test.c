/* tests/unit/spi_dev_test.c: the SPI device bus (board/spi_bus.c) and the W25Q flash model
 * (board/spi_w25q.c) without Python: attach errors, selection following the CS pin's net (a
 * firmware output, an outside drive), bytes reaching only selected devices, two selected devices
 * wired-AND on MISO, LSB-first mirroring, commands taking effect at the CS rise only, BUSY for the
 * datasheet's typical times, and the persist callback told exactly the changed ranges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "board/clock.h"
#include "board/pin.h"
#include "board/spi.h"
#include "board/spi_dev.h"

#define MS 1000000ull

static int pin_of(const char *name) { return pin_by_name(name, strlen(name)); }
static int cs_a, cs_b;
static size_t saved_off[8], saved_len[8];
static int n_saved;

static void on_persist(const bus_desc_t *bus, int idx, size_t off, size_t len) {
    assert_ptr_equal(bus, &spi_bus_desc);
    assert_non_null(spi_device(idx)); /* the device the change is in, by its index */
    if (n_saved < 8) {
        saved_off[n_saved] = off;
        saved_len[n_saved] = len;
    }
    n_saved++;
}

static int setup(void **state) {
    (void)state;
    clock_init(CLOCK_VIRTUAL, 1000, NULL);
    pin_unwire_all();
    pin_reset_all();
    spi_detach_all();
    cs_a = pin_of("GP17");
    cs_b = pin_of("GP22");
    pin_config_t out = {PIN_MODE_OUT, PIN_PULL_NONE, PIN_DRIVE_MED, -1};
    pin_write(cs_a, 1);
    pin_write(cs_b, 1);
    pin_configure(cs_a, &out);
    pin_configure(cs_b, &out);
    spi_config_t cfg = {20000000, 8, 0, 0, 0}; /* a byte takes 0.4 us of the board's time */
    int pins[SPI_PINS] = {pin_of("GP14"), pin_of("GP16"), pin_of("GP30")};
    spi_init(&cfg, pins);
    n_saved = 0;
    spi_set_persist(on_persist);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    spi_deinit();
    spi_detach_all();
    spi_set_persist(NULL);
    return 0;
}

static void attach(const char *type, const char *id, int cs) {
    char err[160];
    if (spi_attach(type, id, cs, err, sizeof(err)) < 0) {
        fail_msg("%s", err);
    }
}

/* One command: CS low, w out, n bytes read (0xff fill... 0x00 here), CS high. */
static void cmd(int cs, const uint8_t *w, size_t wn, uint8_t *r, size_t rn) {
    pin_write(cs, 0);
    spi_transfer(w, 0, NULL, wn);
    if (rn > 0) {
        spi_transfer(NULL, 0, r, rn);
    }
    pin_write(cs, 1);
}

static uint8_t status(int cs) {
    uint8_t op = 0x05, s;
    cmd(cs, &op, 1, &s, 1);
    return s;
}

static void test_attach_errors(void **state) {
    char err[160];
    assert_int_equal(spi_attach("w25q99", "x", cs_a, err, sizeof(err)), -1);
    assert_string_equal(err, "unknown SPI device type 'w25q99' (known: w25q80, w25q16, w25q32, w25q64)");
    assert_int_equal(spi_attach("w25q16", "", cs_a, err, sizeof(err)), -1);
    assert_int_equal(spi_attach("w25q16", "a", -1, err, sizeof(err)), -1);
    assert_int_equal(spi_attach("w25q16", "a", cs_a, err, sizeof(err)), 0);
    assert_int_equal(spi_attach("w25q16", "a", cs_b, err, sizeof(err)), -1);
    assert_string_equal(err, "SPI device id 'a' is taken");
    assert_int_equal(spi_attach("w25q16", "b", cs_a, err, sizeof(err)), -1);
    assert_string_equal(err, "GP17 already selects SPI device 'a'");
    assert_int_equal(spi_device_count(), 1);
    assert_ptr_equal(spi_find("a"), spi_device(0));
    assert_null(spi_find("b"));
}

static void test_selection_and_miso(void **state) {
    attach("w25q16", "a", cs_a);
    attach("w25q80", "b", cs_b);
    spi_dev_t *a = spi_find("a"), *b = spi_find("b");
    assert_false(a->selected);
    uint8_t op = 0x9f, id[3];
    /* nobody selected: MISO's idle level (floating GP30, low) */
    spi_transfer(&op, 0, NULL, 1);
    spi_transfer(NULL, 0, id, 3);
    assert_memory_equal(id, "\0\0\0", 3);
    cmd(cs_a, &op, 1, id, 3);
    assert_memory_equal(id, "\xef\x40\x15", 3);
    cmd(cs_b, &op, 1, id, 3);
    assert_memory_equal(id, "\xef\x40\x14", 3);
    /* both selected: the two outputs wired-AND */
    pin_write(cs_a, 0);
    pin_write(cs_b, 0);
    assert_true(a->selected && b->selected);
    spi_transfer(&op, 0, NULL, 1);
    spi_transfer(NULL, 0, id, 3);
    assert_memory_equal(id, "\xef\x40\x14", 3);
    pin_write(cs_a, 1);
    pin_write(cs_b, 1);
    /* the outside can select a chip too (a probe on CS) */
    assert_int_equal(pin_ext_drive(cs_a, 0), PIN_OK);
    assert_true(a->selected);
    pin_ext_release(cs_a);
    assert_false(a->selected);
    /* the board's pull-up holds CS high when the firmware lets go */
    pin_config_t in = {PIN_MODE_IN, PIN_PULL_NONE, PIN_DRIVE_MED, -1};
    pin_write(cs_a, 0);
    pin_configure(cs_a, &in);
    assert_int_equal(pin_level(cs_a), 1);
    assert_false(a->selected);
    /* LSB first: the chip sees every byte mirrored */
    spi_config_t lsb = {20000000, 8, 0, 0, 1};
    spi_init(&lsb, NULL);
    op = 0xf9; /* 0x9f mirrored */
    cmd(cs_b, &op, 1, id, 3);
    assert_memory_equal(id, "\xf7\x02\x28", 3);
}

static void test_program_erase_and_persist(void **state) {
    attach("w25q32", "f", cs_a);
    size_t size;
    uint8_t *mem = spi_find("f")->ops->memory(spi_find("f"), &size);
    assert_int_equal(size, 4u << 20);
    uint8_t wren = 0x06, prog[8] = {0x02, 0x00, 0x20, 0xfe, 'a', 'b', 'c', 'd'};
    cmd(cs_a, &wren, 1, NULL, 0);
    /* CS still low: nothing is programmed until it rises */
    pin_write(cs_a, 0);
    spi_transfer(prog, 0, NULL, sizeof(prog));
    assert_int_equal(mem[0x20fe], 0xff);
    pin_write(cs_a, 1);
    assert_memory_equal(mem + 0x20fe, "ab", 2);
    assert_memory_equal(mem + 0x2000, "cd", 2); /* wrapped within the page */
    assert_int_equal(n_saved, 1);
    assert_int_equal(saved_off[0], 0x2000);
    assert_int_equal(saved_len[0], 256);
    assert_int_equal(status(cs_a), 0x03);
    clock_advance(395000); /* tPP 0.4 ms from the CS rise; each status read takes 0.8 us */
    assert_int_equal(status(cs_a) & 1, 1);
    clock_advance(5000);
    assert_int_equal(status(cs_a), 0x00);
    /* an erase that is one byte short does nothing; a whole one erases its 4 KiB sector */
    uint8_t erase[4] = {0x20, 0x00, 0x2f, 0xff};
    cmd(cs_a, &wren, 1, NULL, 0);
    cmd(cs_a, erase, 3, NULL, 0);
    assert_int_equal(status(cs_a), 0x02);
    cmd(cs_a, erase, 4, NULL, 0);
    assert_int_equal(mem[0x2000], 0xff);
    assert_int_equal(n_saved, 2);
    assert_int_equal(saved_off[1], 0x2000);
    assert_int_equal(saved_len[1], 4096);
    clock_advance(44 * MS);
    assert_int_equal(status(cs_a) & 1, 1);
    /* while busy, a read is ignored (MISO stays high) */
    uint8_t rd[4] = {0x03, 0, 0, 0}, got[2];
    cmd(cs_a, rd, 4, got, 2);
    assert_memory_equal(got, "\xff\xff", 2);
    clock_advance(1 * MS);
    assert_int_equal(status(cs_a), 0x00);
    spi_dev_changed(spi_find("f"), 5, 7); /* the outside wrote: told as well */
    assert_int_equal(n_saved, 3);
    assert_int_equal(saved_off[2], 5);
    assert_int_equal(saved_len[2], 7);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_attach_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_selection_and_miso, setup, teardown),
        cmocka_unit_test_setup_teardown(test_program_erase_and_persist, setup, teardown),
    };
    int total = (int)(sizeof(tests) / sizeof(tests[0]));
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    printf("%d passed, %d failed\n", total - failed, failed);
    return failed != 0;
}
