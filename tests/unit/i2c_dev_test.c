/* tests/unit/i2c_dev_test.c: the I2C bus and every device model (board/i2c*.c) against their
 * datasheets, without Python: MPU-9150 registers, reset and sleep, scaling; 24LC256 page writes,
 * wrap and write cycle; BME280 trimming and compensation (checked with the datasheet's
 * floating-point formulas, written independently here); SSD1306 commands, RAM and the image;
 * UART frames as receivers with other framings read them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "board/clock.h"
#include "board/i2c.h"
#include "board/pin.h"
#include "board/uart_line.h"

#define MS 1000000ull

static int pin_of(const char *name) { return pin_by_name(name, strlen(name)); }

static int setup(void **state) {
    (void)state;
    clock_init(CLOCK_VIRTUAL, 1000, NULL);
    pin_unwire_all();
    pin_reset_all();
    i2c_detach_all();
    i2c_ctrl_init(400000, pin_of("GP23"), pin_of("GP13"));
    return 0;
}

static int teardown(void **state) {
    (void)state;
    i2c_ctrl_deinit();
    i2c_detach_all();
    return 0;
}

static void attach(const char *type, const char *id, int addr) {
    char err[128];
    int r = i2c_attach(type, id, addr, -1, -1, err, sizeof(err));
    if (r < 0) {
        fail_msg("%s", err);
    }
}

static uint8_t rd_reg(uint8_t addr, uint8_t reg) {
    uint8_t v = 0xAA;
    assert_int_equal(i2c_write(addr, &reg, 1, false), 1);
    assert_int_equal(i2c_read(addr, &v, 1, true), 1);
    return v;
}

static void wr_reg(uint8_t addr, uint8_t reg, uint8_t v) {
    uint8_t b[2] = {reg, v};
    assert_int_equal(i2c_write(addr, b, 2, true), 2);
}

/* ---- bus ---- */

static void test_bus(void **state) {
    (void)state;
    char err[128];
    assert_int_equal(i2c_ctrl_freq(), 400000);
    i2c_ctrl_init(1000000, pin_of("GP23"), pin_of("GP13"));
    assert_int_equal(i2c_ctrl_freq(), 400000);
    i2c_ctrl_init(10, pin_of("GP23"), pin_of("GP13"));
    assert_int_equal(i2c_ctrl_freq(), 50000);
    uint8_t b = 0;
    assert_int_equal(i2c_write(0x68, &b, 1, true), -1); /* nobody there */
    assert_int_equal(i2c_read(0x68, &b, 1, true), -1);
    attach("mpu9150", "imu", 0x68);
    assert_true(i2c_probe(0x68));
    assert_false(i2c_probe(0x69));
    assert_int_equal(i2c_attach("nosuch", "x", 0x10, -1, -1, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "unknown"));
    assert_int_equal(i2c_attach("24lc256", "imu", 0x50, -1, -1, err, sizeof(err)), -1);
    assert_int_equal(i2c_attach("24lc256", "ee", 0x68, -1, -1, err, sizeof(err)), -1);
    assert_int_equal(i2c_attach("24lc256", "ee", 0x07, -1, -1, err, sizeof(err)), -1);
    assert_int_equal(i2c_attach("24lc256", "ee", -1, -1, -1, err, sizeof(err)), 1); /* default 0x50 */
    assert_int_equal(i2c_device(1)->addr, 0x50);
    assert_ptr_equal(i2c_find("ee"), i2c_device(1));
    /* a device wired to GP10/GP15 answers only when the controller uses those nets */
    assert_int_equal(i2c_attach("bme280", "env", 0x76, pin_of("GP10"), pin_of("GP15"), err, sizeof(err)), 2);
    assert_false(i2c_probe(0x76));
    i2c_ctrl_init(100000, pin_of("GP10"), pin_of("GP15"));
    assert_true(i2c_probe(0x76));
    pin_config_t c;
    pin_get_config(pin_of("GP10"), &c);
    assert_int_equal(c.mode, PIN_MODE_ALT_OPEN_DRAIN);
    assert_int_equal(c.alt, 1);
    pin_get_config(pin_of("GP23"), &c);
    assert_int_equal(c.mode, PIN_MODE_IN); /* released */
    assert_int_equal(i2c_pin_alt(pin_of("GP23"), true), 9);
    assert_int_equal(i2c_pin_alt(pin_of("GP23"), false), -1);
}

/* ---- MPU-9150 ---- */

static void test_mpu(void **state) {
    (void)state;
    attach("mpu9150", "imu", 0x68);
    assert_int_equal(rd_reg(0x68, 117), 0x68);  /* WHO_AM_I */
    assert_int_equal(rd_reg(0x68, 107), 0x40);  /* PWR_MGMT_1: asleep at power-on */
    uint8_t two[2];
    uint8_t r = 116;
    i2c_write(0x68, &r, 1, false);
    assert_int_equal(i2c_read(0x68, two, 2, true), 2); /* auto-increment */
    assert_int_equal(two[0], 0x00);
    assert_int_equal(two[1], 0x68);
    /* asleep: the data registers hold (zero since reset) */
    assert_int_equal(rd_reg(0x68, 63), 0);
    wr_reg(0x68, 107, 0x00); /* wake */
    assert_int_equal(rd_reg(0x68, 107), 0x00);
    uint8_t d[14];
    r = 59;
    i2c_write(0x68, &r, 1, false);
    i2c_read(0x68, d, 14, true);
    assert_int_equal((int16_t)(d[4] << 8 | d[5]), 16384); /* 1 g at +-2 g */
    assert_int_equal((int16_t)(d[0] << 8 | d[1]), 0);
    assert_int_equal((int16_t)(d[6] << 8 | d[7]), (25000 - 36530) * 340 / 1000); /* T = raw/340 + 36.53 */
    i2c_dev_t *imu = i2c_find("imu");
    assert_int_equal(imu->ops->set(imu, "accel_x", -500), 0);
    assert_int_equal(imu->ops->set(imu, "gyro_z", 250000), 0);
    assert_int_equal(imu->ops->set(imu, "nope", 1), -1);
    wr_reg(0x68, 28, 3 << 3); /* ACCEL_CONFIG AFS_SEL=3: +-16 g, 2048 LSB/g */
    wr_reg(0x68, 27, 1 << 3); /* GYRO_CONFIG FS_SEL=1: 65.5 LSB/dps */
    i2c_write(0x68, &r, 1, false);
    i2c_read(0x68, d, 14, true);
    assert_int_equal((int16_t)(d[0] << 8 | d[1]), -1024);
    assert_int_equal((int16_t)(d[4] << 8 | d[5]), 2048);
    assert_int_equal((int16_t)(d[12] << 8 | d[13]), 16375); /* 250 dps * 65.5 */
    /* pairs of registers written at once */
    uint8_t w[3] = {107, 0x01, 0x03};
    assert_int_equal(i2c_write(0x68, w, 3, true), 3);
    assert_int_equal(rd_reg(0x68, 108), 0x03);
    /* WHO_AM_I is read-only */
    wr_reg(0x68, 117, 0x12);
    assert_int_equal(rd_reg(0x68, 117), 0x68);
    /* sleep holds the last sample */
    wr_reg(0x68, 107, 0x40);
    imu->ops->set(imu, "accel_x", 1000);
    assert_int_equal((int16_t)(rd_reg(0x68, 59) << 8 | rd_reg(0x68, 60)), -1024);
    /* DEVICE_RESET: every register back, asleep */
    wr_reg(0x68, 107, 0x80);
    assert_int_equal(rd_reg(0x68, 107), 0x40);
    assert_int_equal(rd_reg(0x68, 108), 0x00);
    assert_int_equal(rd_reg(0x68, 28), 0x00);
    assert_int_equal(rd_reg(0x68, 59), 0x00);
}

/* ---- 24LC256 ---- */

static void test_eeprom(void **state) {
    (void)state;
    attach("24lc256", "ee", 0x50);
    i2c_dev_t *ee = i2c_find("ee");
    size_t len;
    uint8_t *mem = ee->ops->memory(ee, &len);
    assert_int_equal(len, 32768);
    assert_int_equal(mem[0], 0xff);
    /* write 4 bytes at 0x013E: the page is 0x0100..0x013F, so they wrap to 0x0100 */
    uint8_t w[6] = {0x01, 0x3E, 1, 2, 3, 4};
    assert_int_equal(i2c_write(0x50, w, 6, true), 6);
    assert_true(i2c_dev_take_dirty(ee));
    assert_false(i2c_dev_take_dirty(ee));
    assert_int_equal(mem[0x13E], 1);
    assert_int_equal(mem[0x13F], 2);
    assert_int_equal(mem[0x100], 3);
    assert_int_equal(mem[0x101], 4);
    assert_int_equal(mem[0x140], 0xff);
    /* the write cycle: no ACK for 5 ms */
    assert_false(i2c_probe(0x50));
    clock_advance(4 * MS);
    assert_false(i2c_probe(0x50));
    clock_advance(1 * MS);
    assert_true(i2c_probe(0x50));
    /* random read, sequential across the end of memory (wraps to 0) */
    mem[0x7fff] = 0x55;
    mem[0] = 0x66;
    uint8_t a[2] = {0xFF, 0xFF}; /* the top bit is ignored: 0x7FFF */
    assert_int_equal(i2c_write(0x50, a, 2, false), 2);
    uint8_t r[3];
    assert_int_equal(i2c_read(0x50, r, 3, true), 3);
    assert_int_equal(r[0], 0x55);
    assert_int_equal(r[1], 0x66);
    assert_int_equal(r[2], 0xff);
    assert_false(i2c_dev_take_dirty(ee)); /* an address write alone is no write cycle */
    /* current-address read goes on from there */
    assert_int_equal(i2c_read(0x50, r, 1, true), 1);
    assert_int_equal(r[0], 0xff);
    /* 70 bytes into one page: the last 64 stay, the first 6 overwritten by the wrap */
    uint8_t big[72];
    big[0] = 0x02;
    big[1] = 0x00;
    for (int i = 0; i < 70; i++) {
        big[2 + i] = (uint8_t)i;
    }
    assert_int_equal(i2c_write(0x50, big, 72, true), 72);
    assert_int_equal(mem[0x200], 64);
    assert_int_equal(mem[0x205], 69);
    assert_int_equal(mem[0x206], 6);
    assert_int_equal(mem[0x23f], 63);
    assert_int_equal(mem[0x240], 0xff);
}

/* ---- BME280 ---- */

typedef struct {
    double t1, t2, t3, p[10], h1, h2, h3, h4, h5, h6;
} trim_t;

static void read_trim(uint8_t addr, trim_t *t) {
    uint8_t c[26], h[7];
    uint8_t r = 0x88;
    i2c_write(addr, &r, 1, false);
    i2c_read(addr, c, 26, true);
    r = 0xE1;
    i2c_write(addr, &r, 1, false);
    i2c_read(addr, h, 7, true);
    t->t1 = (uint16_t)(c[0] | c[1] << 8);
    t->t2 = (int16_t)(c[2] | c[3] << 8);
    t->t3 = (int16_t)(c[4] | c[5] << 8);
    t->p[1] = (uint16_t)(c[6] | c[7] << 8);
    for (int i = 2; i <= 9; i++) {
        t->p[i] = (int16_t)(c[6 + 2 * (i - 1)] | c[7 + 2 * (i - 1)] << 8);
    }
    t->h1 = c[25];
    t->h2 = (int16_t)(h[0] | h[1] << 8);
    t->h3 = h[2];
    t->h4 = (int16_t)(h[3] << 4 | (h[4] & 0xf));
    t->h5 = (int16_t)(h[5] << 4 | h[4] >> 4);
    t->h6 = (int8_t)h[6];
}

/* The datasheet's double-precision formulas (section 8.1). */
static double f_temp(const trim_t *t, double adc, double *t_fine) {
    double v1 = (adc / 16384.0 - t->t1 / 1024.0) * t->t2;
    double v2 = (adc / 131072.0 - t->t1 / 8192.0) * (adc / 131072.0 - t->t1 / 8192.0) * t->t3;
    *t_fine = v1 + v2;
    return (v1 + v2) / 5120.0;
}

static double f_press(const trim_t *t, double adc, double t_fine) {
    double v1 = t_fine / 2.0 - 64000.0;
    double v2 = v1 * v1 * t->p[6] / 32768.0;
    v2 = v2 + v1 * t->p[5] * 2.0;
    v2 = v2 / 4.0 + t->p[4] * 65536.0;
    v1 = (t->p[3] * v1 * v1 / 524288.0 + t->p[2] * v1) / 524288.0;
    v1 = (1.0 + v1 / 32768.0) * t->p[1];
    double p = 1048576.0 - adc;
    p = (p - v2 / 4096.0) * 6250.0 / v1;
    v1 = t->p[9] * p * p / 2147483648.0;
    v2 = p * t->p[8] / 32768.0;
    return p + (v1 + v2 + t->p[7]) / 16.0;
}

static double f_hum(const trim_t *t, double adc, double t_fine) {
    double h = t_fine - 76800.0;
    h = (adc - (t->h4 * 64.0 + t->h5 / 16384.0 * h)) *
        (t->h2 / 65536.0 * (1.0 + t->h6 / 67108864.0 * h * (1.0 + t->h3 / 67108864.0 * h)));
    h = h * (1.0 - t->h1 * h / 524288.0);
    return h < 0 ? 0 : h > 100 ? 100 : h;
}

static void bme_check(i2c_dev_t *d, const trim_t *t, int64_t mc, int64_t mpa, int64_t mrh) {
    assert_int_equal(d->ops->set(d, "temp", mc), 0);
    assert_int_equal(d->ops->set(d, "pressure", mpa), 0);
    assert_int_equal(d->ops->set(d, "humidity", mrh), 0);
    wr_reg(0x76, 0xF2, 0x01);            /* osrs_h x1 */
    wr_reg(0x76, 0xF4, 0x01 << 5 | 0x01 << 2 | 0x01); /* osrs_t x1, osrs_p x1, forced */
    assert_int_equal(rd_reg(0x76, 0xF4) & 3, 0); /* back to sleep */
    uint8_t raw[8];
    uint8_t r = 0xF7;
    i2c_write(0x76, &r, 1, false);
    i2c_read(0x76, raw, 8, true);
    double ap = (raw[0] << 12) | (raw[1] << 4) | (raw[2] >> 4);
    double at = (raw[3] << 12) | (raw[4] << 4) | (raw[5] >> 4);
    double ah = (raw[6] << 8) | raw[7];
    double tf;
    double temp = f_temp(t, at, &tf);
    double press = f_press(t, ap, tf);
    double hum = f_hum(t, ah, tf);
    if (temp * 1000 < mc - 20 || temp * 1000 > mc + 20 || press * 1000 < mpa - 3000 || press * 1000 > mpa + 3000 ||
        hum * 1000 < mrh - 100 || hum * 1000 > mrh + 100) {
        fail_msg("set %lld mC %lld mPa %lld m%%: read %.3f C %.3f Pa %.3f %%", (long long)mc, (long long)mpa,
            (long long)mrh, temp, press, hum);
    }
}

static void test_bme280(void **state) {
    (void)state;
    attach("bme280", "env", 0x76);
    assert_int_equal(rd_reg(0x76, 0xD0), 0x60);
    /* the datasheet's worked example (BMP280, same trimming): adc_T 519888 -> 25.08 C,
     * t_fine 128422; adc_P 415148 -> 100653.27 Pa */
    int32_t tf;
    assert_int_equal(bme280_comp_t(519888, &tf), 2508);
    assert_int_equal(tf, 128422);
    uint32_t p = bme280_comp_p(415148, tf);
    assert_true(p >= 25767236 - 8 && p <= 25767236 + 8); /* Q24.8: within 0.03 Pa */
    /* reset values of the data registers */
    assert_int_equal(rd_reg(0x76, 0xFA), 0x80);
    assert_int_equal(rd_reg(0x76, 0xFD), 0x80);
    trim_t t;
    read_trim(0x76, &t);
    assert_true(t.t1 == 27504 && t.t3 == -1000 && t.p[9] == 6000 && t.h4 == 313 && t.h5 == 50 && t.h6 == 30);
    i2c_dev_t *d = i2c_find("env");
    bme_check(d, &t, 25000, 101325000, 50000);
    bme_check(d, &t, -12340, 95000000, 12500);
    bme_check(d, &t, 41500, 105432000, 87250);
    assert_int_equal(d->ops->set(d, "temp", 90000), -1); /* outside the sensor's range */
    /* skipped measurement: the reset value */
    wr_reg(0x76, 0xF4, 0x01 << 5 | 0x01);
    assert_int_equal(rd_reg(0x76, 0xF7), 0x80);
    /* soft reset */
    wr_reg(0x76, 0xF2, 0x05);
    wr_reg(0x76, 0xE0, 0xB6);
    assert_int_equal(rd_reg(0x76, 0xF2), 0x00);
    assert_int_equal(rd_reg(0x76, 0xD0), 0x60);
}

/* ---- SSD1306 ---- */

static void cmd(uint8_t c) {
    uint8_t b[2] = {0x80, c};
    assert_int_equal(i2c_write(0x3c, b, 2, true), 2);
}

static void test_ssd1306(void **state) {
    (void)state;
    attach("ssd1306", "oled", 0x3c);
    i2c_dev_t *d = i2c_find("oled");
    static uint8_t img[SSD1306_W * SSD1306_H];
    ssd1306_image(d, img);
    assert_int_equal(img[0], 0); /* off */
    /* a typical driver's initialisation, one command per write */
    static const uint8_t init[] = {0xAE, 0x20, 0x00, 0x40, 0xA1, 0xA8, 63, 0xC8, 0xD3, 0, 0xDA, 0x12, 0xD5, 0x80,
        0xD9, 0xF1, 0xDB, 0x30, 0x81, 0xFF, 0xA4, 0xA6, 0x8D, 0x14, 0xAF};
    for (size_t i = 0; i < sizeof(init); i++) {
        cmd(init[i]);
    }
    int64_t v;
    assert_int_equal(d->ops->get(d, "display_on", &v), 0);
    assert_int_equal(v, 1);
    assert_int_equal(d->ops->get(d, "contrast", &v), 0);
    assert_int_equal(v, 255);
    /* show(): window then 1024 data bytes in one write; pixel (3, 10) and (127, 63) lit */
    cmd(0x21);
    cmd(0);
    cmd(127);
    cmd(0x22);
    cmd(0);
    cmd(7);
    static uint8_t fb[1025];
    memset(fb, 0, sizeof(fb));
    fb[0] = 0x40;
    fb[1 + (10 / 8) * 128 + 3] |= 1 << (10 % 8);
    fb[1 + 7 * 128 + 127] |= 0x80;
    assert_int_equal(i2c_write(0x3c, fb, sizeof(fb), true), 1025);
    size_t len;
    uint8_t *ram = d->ops->memory(d, &len);
    assert_int_equal(len, 1024);
    assert_int_equal(ram[128 + 3], 1 << 2);
    ssd1306_image(d, img);
    int lit = 0;
    for (int i = 0; i < SSD1306_W * SSD1306_H; i++) {
        lit += img[i];
    }
    assert_int_equal(lit, 2);
    assert_int_equal(img[10 * SSD1306_W + 3], 1);
    assert_int_equal(img[63 * SSD1306_W + 127], 1);
    /* inverse, then page addressing mode writes at page 2, column 0x25 */
    cmd(0xA7);
    ssd1306_image(d, img);
    assert_int_equal(img[10 * SSD1306_W + 3], 0);
    assert_int_equal(img[0], 1);
    cmd(0xA6);
    cmd(0x20);
    cmd(0x02);
    uint8_t pm[4] = {0x00, 0xB2, 0x05, 0x12}; /* Co=0 command stream: page 2, column 0x25 */
    assert_int_equal(i2c_write(0x3c, pm, 4, true), 4);
    uint8_t dat[3] = {0x40, 0xFF, 0x01};
    i2c_write(0x3c, dat, 3, true);
    assert_int_equal(ram[2 * 128 + 0x25], 0xFF);
    assert_int_equal(ram[2 * 128 + 0x26], 0x01);
    /* horizontal mode with a column window wraps to the next page */
    cmd(0x20);
    cmd(0x00);
    uint8_t win[7] = {0x00, 0x21, 10, 11, 0x22, 4, 5};
    i2c_write(0x3c, win, 7, true);
    uint8_t four[5] = {0x40, 1, 2, 3, 4};
    i2c_write(0x3c, four, 5, true);
    assert_int_equal(ram[4 * 128 + 10], 1);
    assert_int_equal(ram[4 * 128 + 11], 2);
    assert_int_equal(ram[5 * 128 + 10], 3);
    assert_int_equal(ram[5 * 128 + 11], 4);
    /* display off blanks the panel, RAM kept */
    cmd(0xAE);
    ssd1306_image(d, img);
    assert_int_equal(img[10 * SSD1306_W + 3], 0);
    assert_int_equal(ram[128 + 3], 1 << 2);
}

/* ---- UART frames read by receivers with other framings (board/uart_line.c) ---- */

static void test_uart_receive(void **state) {
    (void)state;
    uart_config_t a = {9600, 8, -1, 1}, same = a, fast = {19200, 8, -1, 1}, slow = {4800, 8, -1, 1};
    uart_config_t seven = {9600, 7, -1, 1}, even = {9600, 8, 0, 1};
    uint8_t out[8];
    for (int b = 0; b < 256; b++) { /* equal framing: every byte as sent */
        assert_int_equal(uart_line_receive(&a, (uint8_t)b, false, &same, out, 8), 1);
        assert_int_equal(out[0], b);
    }
    /* twice the rate: each bit sampled twice; the frame's tail holds a second start bit */
    assert_int_equal(uart_line_receive(&a, 0x55, false, &fast, out, 8), 2);
    assert_int_equal(out[0], 0x66);
    assert_int_equal(out[1], 0xe6);
    /* half the rate: the start bit's middle is a 1 (a false start); the next falling edge starts one */
    assert_int_equal(uart_line_receive(&a, 0x0f, false, &slow, out, 8), 1);
    assert_int_equal(out[0], 0xfe);
    /* 7 data bits: bit 7 is read as the stop bit */
    assert_int_equal(uart_line_receive(&a, 0xc1, false, &seven, out, 8), 1);
    assert_int_equal(out[0], 0x41);
    /* parity the receiver does not expect: the data still arrives */
    assert_int_equal(uart_line_receive(&even, 0x5a, false, &a, out, 8), 1);
    assert_int_equal(out[0], 0x5a);
    /* a break reads as 0x00 */
    assert_int_equal(uart_line_receive(&a, 0xff, true, &a, out, 8), 1);
    assert_int_equal(out[0], 0x00);
    /* frame time: 10 bits at 115200 baud */
    uart_config_t f = {115200, 8, -1, 1};
    assert_int_equal(uart_frame_ns(&f), 86806);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_bus, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mpu, setup, teardown),
        cmocka_unit_test_setup_teardown(test_eeprom, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bme280, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ssd1306, setup, teardown),
        cmocka_unit_test(test_uart_receive),
    };
    int total = (int)(sizeof(tests) / sizeof(tests[0]));
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    printf("%d passed, %d failed\n", total - failed, failed);
    return failed != 0;
}
