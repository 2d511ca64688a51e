/* tests/unit/board_test.c: the simulated board's core without Python (board/): the clock in both
 * modes and its timers, net resolution (pulls, open drain, conflicts, wires, outside drives and
 * voltages), listeners, IRQ triggering and priorities, the LED's timing, wake sources, energy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "board/boardfile.h"
#include "board/clock.h"
#include "board/irq.h"
#include "board/led.h"
#include "board/parts.h"
#include "board/pin.h"
#include "board/power.h"

#define MS 1000000ull

static uint64_t fake_host;
static uint64_t host_now(void) { return fake_host; }

static int pin_of(const char *name) {
    int p = pin_by_name(name, strlen(name));
    assert_true(p >= 0);
    return p;
}

static void cfg(int p, pin_mode_t m, pin_pull_t pull) {
    pin_config_t c = {m, pull, PIN_DRIVE_MED, -1};
    pin_configure(p, &c);
}

static int setup(void **state) {
    (void)state;
    fake_host = 1000 * MS;
    clock_init(CLOCK_VIRTUAL, 1000, host_now);
    irq_reset_all();
    pin_unwire_all();
    pin_reset_all();
    for (int p = 0; p < PIN_COUNT; p++) { /* the outside's drives survive resets: take them away */
        pin_ext_release(p);
        pin_ext_pull(p, PIN_PULL_NONE);
        pin_set_analog(p, false);
    }
    return 0;
}

/* ---- clock ---- */

static int fired[8], n_fired;
static uint64_t fired_at[8];
static void tmr_cb(clock_timer_t *t, void *ctx) {
    fired_at[n_fired] = clock_now_ns();
    fired[n_fired++] = (int)(intptr_t)ctx;
    (void)t;
}

static void test_clock_virtual(void **state) {
    (void)state;
    n_fired = 0;
    assert_int_equal(clock_now_ns(), 0);
    clock_vm_steps(256);
    assert_int_equal(clock_now_ns(), 256000);
    fake_host += 5000 * MS; /* the host clock is ignored */
    assert_int_equal(clock_now_ns(), 256000);
    clock_timer_t a, b, bg;
    clock_timer_init(&a, tmr_cb, (void *)1, false);
    clock_timer_init(&b, tmr_cb, (void *)2, false);
    clock_timer_init(&bg, tmr_cb, (void *)3, true);
    clock_timer_at(&b, 10 * MS);
    clock_timer_at(&a, 10 * MS); /* same deadline, armed later: runs after b */
    clock_timer_at(&bg, 5 * MS);
    assert_int_equal(clock_next_deadline(false), 10 * MS);
    assert_int_equal(clock_next_deadline(true), 5 * MS);
    /* waiting for input only: the background timer doesn't move time, the foreground ones do */
    assert_int_equal(clock_wait_ns(CLOCK_NEVER), 0);
    assert_true(clock_wait_step(CLOCK_NEVER));
    assert_int_equal(n_fired, 3);
    assert_int_equal(fired[0], 3);
    assert_int_equal(fired_at[0], 5 * MS);
    assert_int_equal(fired[1], 2);
    assert_int_equal(fired[2], 1);
    assert_int_equal(clock_now_ns(), 10 * MS);
    /* nothing armed: waiting for input only stands still */
    assert_int_equal(clock_wait_ns(CLOCK_NEVER), CLOCK_NEVER);
    assert_false(clock_wait_step(CLOCK_NEVER));
    /* a background timer alone doesn't make input waits race */
    clock_timer_at(&bg, 20 * MS);
    assert_int_equal(clock_wait_ns(CLOCK_NEVER), CLOCK_NEVER);
    assert_false(clock_wait_step(CLOCK_NEVER));
    /* but a sleep runs it on the way */
    clock_wait_step(30 * MS);
    assert_int_equal(n_fired, 4);
    assert_int_equal(fired_at[3], 20 * MS);
    assert_int_equal(clock_now_ns(), 20 * MS);
    clock_wait_step(30 * MS);
    assert_int_equal(clock_now_ns(), 30 * MS);
    clock_advance(MS);
    assert_int_equal(clock_now_ns(), 31 * MS);
    clock_timer_at(&a, 40 * MS);
    clock_timer_cancel(&a);
    assert_int_equal(clock_next_deadline(true), CLOCK_NEVER);
}

static void test_clock_real(void **state) {
    (void)state;
    n_fired = 0;
    clock_init(CLOCK_REAL, 1000, host_now);
    assert_int_equal(clock_now_ns(), 0);
    clock_vm_steps(1000); /* steps cost nothing: the host clock rules */
    assert_int_equal(clock_now_ns(), 0);
    fake_host += 3 * MS;
    assert_int_equal(clock_now_ns(), 3 * MS);
    fake_host -= MS; /* a host clock going back never moves board time back */
    assert_int_equal(clock_now_ns(), 3 * MS);
    fake_host += MS;
    clock_timer_t a;
    clock_timer_init(&a, tmr_cb, (void *)1, true);
    clock_timer_after(&a, 2 * MS);
    assert_int_equal(clock_wait_ns(CLOCK_NEVER), 2 * MS); /* real mode: background timers count */
    assert_int_equal(clock_wait_ns(4 * MS), MS);
    assert_false(clock_wait_step(CLOCK_NEVER) && n_fired > 0);
    assert_int_equal(n_fired, 0);
    fake_host += 2 * MS;
    clock_vm_steps(1);
    assert_int_equal(n_fired, 1);
}

/* ---- nets ---- */

static void test_pin_table(void **state) {
    (void)state;
    assert_int_equal(pin_of("GP0"), 0);
    assert_int_equal(pin_of("GP25"), PIN_LED);
    assert_int_equal(pin_of("GP28"), PIN_SAFE_BOOT);
    assert_int_equal(pin_by_name("GP26", 4), -1);
    assert_int_equal(pin_by_name("GP1", 2), -1); /* length counts */
    assert_int_equal(pin_by_gpio(31), 24);
    assert_true(pin_has_alt(pin_of("GP12"), 7));
    assert_false(pin_has_alt(pin_of("GP12"), 6));
    assert_false(pin_has_alt(pin_of("GP2"), -1)); /* analog functions have no alt index */
    int wake = 0;
    for (int i = 0; i < PIN_COUNT; i++) {
        wake += pin_info[i].wake;
    }
    assert_int_equal(wake, 7);
    assert_int_equal(pin_info[pin_of("GP5")].adc_channel, 3);
}

static void test_pulls_and_floating(void **state) {
    (void)state;
    int p = pin_of("GP8");
    assert_int_equal(pin_level(p), 0);
    cfg(p, PIN_MODE_IN, PIN_PULL_UP);
    assert_int_equal(pin_level(p), 1);
    cfg(p, PIN_MODE_IN, PIN_PULL_NONE); /* floating: keeps its charge */
    assert_int_equal(pin_level(p), 1);
    cfg(p, PIN_MODE_IN, PIN_PULL_DOWN);
    assert_int_equal(pin_level(p), 0);
    /* a strong driver beats the pull */
    cfg(p, PIN_MODE_OUT, PIN_PULL_DOWN);
    pin_write(p, 1);
    assert_int_equal(pin_level(p), 1);
    assert_int_equal(pin_latch(p), 1);
}

static void test_open_drain_and_wires(void **state) {
    (void)state;
    int a = pin_of("GP12"), b = pin_of("GP17"), c = pin_of("GP22");
    assert_int_equal(pin_wire(a, b), PIN_OK);
    assert_true(pin_same_net(a, b));
    assert_false(pin_same_net(a, c));
    assert_int_equal(pin_net(b), a);
    cfg(a, PIN_MODE_IN, PIN_PULL_UP);
    assert_int_equal(pin_level(b), 1);
    cfg(b, PIN_MODE_OPEN_DRAIN, PIN_PULL_NONE);
    pin_write(b, 0);
    assert_int_equal(pin_level(a), 0);
    pin_write(b, 1); /* released: the pull-up wins */
    assert_int_equal(pin_level(a), 1);
    assert_false(pin_conflict(a));
    /* a third pin joins: three in the ring */
    assert_int_equal(pin_wire(c, b), PIN_OK);
    assert_true(pin_same_net(a, c));
    cfg(c, PIN_MODE_OUT, PIN_PULL_NONE);
    pin_write(c, 0);
    assert_int_equal(pin_level(a), 0);
    assert_int_equal(pin_wire(a, 99), PIN_ERR_NO_PIN);
    pin_unwire_all();
    assert_false(pin_same_net(a, b));
    assert_int_equal(pin_level(a), 1); /* its own pull-up again */
}

static int conflicts_on, conflicts_off;
static int level_changes[PIN_COUNT];
static uint64_t last_change_t;
static void on_level(void *ctx, int p, int level, uint64_t t) {
    (void)ctx;
    (void)level;
    level_changes[p]++;
    last_change_t = t;
}
static void on_conflict(void *ctx, int p, bool on, uint64_t t) {
    (void)ctx;
    (void)p;
    (void)t;
    if (on) {
        conflicts_on++;
    } else {
        conflicts_off++;
    }
}
static const pin_listener_t listener = {on_level, on_conflict, NULL};

static void test_conflict_and_listeners(void **state) {
    (void)state;
    memset(level_changes, 0, sizeof(level_changes));
    conflicts_on = conflicts_off = 0;
    assert_true(pin_listen(&listener));
    int a = pin_of("GP12"), b = pin_of("GP17");
    pin_wire(a, b);
    cfg(a, PIN_MODE_OUT, PIN_PULL_NONE);
    pin_write(a, 0);
    memset(level_changes, 0, sizeof(level_changes));
    clock_vm_steps(5);
    pin_write(a, 1);
    assert_int_equal(level_changes[a], 1);
    assert_int_equal(level_changes[b], 1); /* both pins of the net hear it */
    assert_int_equal(last_change_t, 5000);
    uint32_t before = pin_conflict_count();
    cfg(b, PIN_MODE_OUT, PIN_PULL_NONE); /* its latch is 0 */ /* opposite strong drivers */
    assert_true(pin_conflict(a));
    assert_true(pin_conflict(b));
    assert_int_equal(pin_conflict_count(), before + 1);
    assert_int_equal(conflicts_on, 1);
    assert_int_equal(pin_level(a), 0);
    pin_write(b, 1);
    assert_false(pin_conflict(a));
    assert_int_equal(conflicts_off, 1);
    assert_int_equal(pin_level(b), 1);
    /* a write that changes nothing is silent */
    int n = level_changes[a];
    pin_write(a, 1);
    assert_int_equal(level_changes[a], n);
    pin_unlisten(&listener);
    pin_write(a, 0);
    pin_write(b, 0);
    assert_int_equal(level_changes[a], n);
}

static void test_outside_drive_and_voltage(void **state) {
    (void)state;
    int p = pin_of("GP10"), adc = pin_of("GP3");
    cfg(p, PIN_MODE_IN, PIN_PULL_UP);
    assert_int_equal(pin_ext_drive(p, 0), PIN_OK); /* a button to ground */
    assert_int_equal(pin_level(p), 0);
    assert_true(pin_ext_driven(p));
    assert_int_equal(pin_ext_release(p), PIN_OK);
    assert_int_equal(pin_level(p), 1);
    assert_int_equal(pin_ext_drive(p, 2), PIN_ERR_BAD_LEVEL);
    assert_int_equal(pin_ext_drive(-1, 1), PIN_ERR_NO_PIN);
    uint32_t dmg = pin_damage_count();
    assert_int_equal(pin_ext_voltage(p, 3300), PIN_OK);
    assert_int_equal(pin_voltage_mv(p), 3300);
    assert_int_equal(pin_ext_voltage(p, 3601), PIN_ERR_OVERVOLTAGE); /* refused: nothing changes */
    assert_int_equal(pin_voltage_mv(p), 3300);
    assert_int_equal(pin_damage_count(), dmg + 1);
    assert_int_equal(pin_last_damage_pin(), p);
    assert_int_equal(pin_ext_voltage(p, 1000), PIN_OK);
    assert_int_equal(pin_level(p), 0); /* below the high threshold */
    /* an analog pin takes at most 1.8 V */
    pin_set_analog(adc, true);
    assert_int_equal(pin_ext_voltage(adc, 1801), PIN_ERR_OVERVOLTAGE);
    assert_int_equal(pin_damage_count(), dmg + 2);
    assert_int_equal(pin_ext_voltage(adc, 1800), PIN_OK);
    assert_int_equal(pin_voltage_mv(adc), 1800);
    pin_set_analog(adc, false);
    assert_int_equal(pin_ext_voltage(adc, 3600), PIN_OK);
}

/* ---- IRQs ---- */

static void test_irq_edges_and_levels(void **state) {
    (void)state;
    int out = pin_of("GP16"), in = pin_of("GP13");
    int line = IRQ_LINE_PIN(in);
    pin_wire(out, in);
    cfg(out, PIN_MODE_OUT, PIN_PULL_NONE);
    pin_write(out, 1);
    cfg(in, PIN_MODE_IN, PIN_PULL_UP);
    irq_configure(line, 1, true);
    pin_irq_set(in, PIN_IRQ_FALLING);
    assert_false(irq_any());
    pin_write(out, 0);
    assert_true(irq_any());
    assert_int_equal(pin_irq_flags(in), PIN_IRQ_FALLING);
    assert_int_equal(irq_take(0), line);
    assert_int_equal(irq_take(0), -1); /* taken once */
    pin_irq_ack(in);
    assert_int_equal(pin_irq_flags(in), 0);
    pin_write(out, 1); /* rising: not a trigger */
    assert_false(irq_any());
    /* both edges */
    pin_irq_set(in, PIN_IRQ_FALLING | PIN_IRQ_RISING);
    pin_write(out, 0);
    pin_write(out, 1);
    assert_int_equal(pin_irq_flags(in), PIN_IRQ_FALLING | PIN_IRQ_RISING);
    assert_int_equal(irq_take(0), line);
    pin_irq_ack(in);
    /* a level trigger that holds pends at once and again after each ack */
    pin_irq_set(in, PIN_IRQ_HIGH_LEVEL);
    assert_int_equal(irq_take(0), line);
    pin_irq_ack(in);
    assert_int_equal(irq_take(0), line);
    pin_write(out, 0);
    pin_irq_ack(in);
    assert_int_equal(irq_take(0), -1);
    /* a disabled line forgets */
    pin_irq_set(in, PIN_IRQ_RISING);
    irq_enable(line, false);
    pin_write(out, 1);
    assert_false(irq_any());
    assert_int_equal(irq_take(0), -1);
}

static void test_irq_priorities_and_mask(void **state) {
    (void)state;
    irq_configure(3, 2, true);
    irq_configure(5, 7, true);
    irq_configure(7, 2, true);
    irq_configure(9, 0, true); /* clamped to 1 */
    assert_int_equal(irq_priority(9), 1);
    irq_pend(9);
    irq_pend(7);
    irq_pend(3);
    irq_pend(5);
    uint32_t st = irq_mask();
    assert_false(irq_any());
    assert_int_equal(irq_take(0), -1);
    irq_unmask(st);
    assert_true(irq_any());
    assert_int_equal(irq_take(0), 5);  /* the most urgent */
    assert_int_equal(irq_take(2), -1); /* serving priority 2: only higher ones preempt */
    assert_int_equal(irq_take(0), 3);  /* ties: lowest line */
    assert_int_equal(irq_take(0), 7);
    assert_int_equal(irq_take(0), 9);
    assert_false(irq_any());
    /* nested masks restore the outer state */
    uint32_t s1 = irq_mask();
    uint32_t s2 = irq_mask();
    irq_unmask(s2);
    irq_pend(5);
    assert_false(irq_any());
    irq_unmask(s1);
    assert_true(irq_any());
}

/* ---- LED, power ---- */

static int led_edges;
static uint64_t led_t[64];
static int led_v[64];
static void on_led(void *ctx, int p, int level, uint64_t t) {
    (void)ctx;
    if (p == PIN_LED && led_edges < 64) {
        led_t[led_edges] = t;
        led_v[led_edges++] = level;
    }
}
static const pin_listener_t led_listener = {on_led, NULL, NULL};

static void wait_until(uint64_t t) {
    while (clock_now_ns() < t) {
        clock_wait_step(t);
    }
}

static void test_led_heartbeat_and_error(void **state) {
    (void)state;
    led_edges = 0;
    pin_listen(&led_listener);
    led_init();
    assert_false(led_on()); /* the off phase first */
    wait_until(8001 * MS);
    assert_int_equal(led_edges, 4); /* on 3920, off 4000, on 7920, off 8000 */
    assert_int_equal(led_t[0], 3920 * MS);
    assert_int_equal(led_t[1], 4000 * MS);
    assert_int_equal(led_t[2], 7920 * MS);
    assert_int_equal(led_t[3], 8000 * MS);
    assert_int_equal(led_v[3], 0);
    led_heartbeat(false);
    assert_false(led_on());
    assert_false(led_heartbeat_enabled());
    assert_int_equal(clock_next_deadline(true), CLOCK_NEVER);
    led_edges = 0;
    uint64_t t0 = clock_now_ns();
    led_error_flash();
    wait_until(t0 + 2000 * MS);
    assert_int_equal(led_edges, 24); /* every 50 ms for 1.2 s */
    assert_int_equal(led_t[1] - led_t[0], 50 * MS);
    assert_false(led_on());
    led_heartbeat(true);
    led_fatal();
    assert_true(led_on());
    assert_true(led_is_fatal());
    led_heartbeat(false);
    assert_true(led_on());
    pin_unlisten(&led_listener);
}

static void test_power_wake_and_energy(void **state) {
    (void)state;
    power_init();
    int out = pin_of("GP16"), in = pin_of("GP13"), gp16 = out;
    pin_wire(out, in);
    cfg(out, PIN_MODE_OUT, PIN_PULL_NONE);
    cfg(in, PIN_MODE_IN, PIN_PULL_UP);
    assert_false(power_wake_pin(gp16, POWER_WAKE_SLEEP)); /* GP16 can't wake */
    assert_true(power_wake_pin(gp16, POWER_WAKE_IDLE));
    assert_true(power_wake_pin(in, POWER_WAKE_SLEEP));
    assert_true(power_wake_pin(pin_of("GP17"), POWER_WAKE_SLEEP)); /* the last one wins */
    assert_int_equal(power_wake_pin_levels(in), 0);
    assert_true(power_wake_pin(in, POWER_WAKE_SLEEP | POWER_WAKE_DEEPSLEEP));
    pin_irq_set(in, PIN_IRQ_FALLING);
    pin_write(out, 1);
    power_clear_woken();
    power_set_state(POWER_SLEEP);
    assert_int_equal(power_woken(), POWER_REASON_NONE);
    clock_advance(1000 * MS);
    pin_write(out, 0);
    assert_int_equal(power_woken(), POWER_REASON_PIN);
    power_set_state(POWER_ACTIVE);
    /* a level trigger that holds wakes at once */
    power_clear_woken();
    pin_irq_set(in, PIN_IRQ_LOW_LEVEL);
    power_set_state(POWER_SLEEP);
    assert_int_equal(power_woken(), POWER_REASON_PIN);
    power_set_state(POWER_DEEPSLEEP);
    clock_advance(1000 * MS);
    power_set_state(POWER_ACTIVE);
    power_account_t acc;
    power_account(&acc);
    assert_int_equal(acc.ns[POWER_SLEEP], 1000 * MS);
    assert_int_equal(acc.ns[POWER_DEEPSLEEP], 1000 * MS);
    /* 1 s at 950 µA + 1 s at 350 µA = 1300 µC */
    assert_int_equal(acc.charge_nc, 1300000ull + acc.ns[POWER_ACTIVE] / 1000u * 25000u / 1000u);
    /* RTC as a source */
    power_wake_levels(POWER_REASON_RTC, POWER_WAKE_DEEPSLEEP);
    assert_true(power_any_wake_source(POWER_DEEPSLEEP));
    power_clear_woken();
    power_wake_fire(POWER_REASON_RTC); /* awake: nothing */
    assert_int_equal(power_woken(), POWER_REASON_NONE);
    power_set_state(POWER_DEEPSLEEP);
    power_clear_woken();
    power_wake_fire(POWER_REASON_RTC);
    assert_int_equal(power_woken(), POWER_REASON_RTC);
    power_request(POWER_REQ_HARD_RESET);
    power_request(POWER_REQ_SOFT_RESET); /* weaker: the hard reset stays */
    assert_int_equal(power_take_request(), POWER_REQ_HARD_RESET);
    assert_false(power_request_pending());
}

static void test_led_reinit_while_armed(void **state) {
    (void)state;
    led_init();
    led_init(); /* a soft reset while the heartbeat timer is armed: no double link */
    assert_int_equal(clock_next_deadline(true), 3920 * MS);
    clock_timer_t t;
    clock_timer_init(&t, tmr_cb, NULL, false);
    clock_timer_at(&t, 90 * MS);
    assert_int_equal(clock_next_deadline(false), 90 * MS);
    clock_timer_cancel(&t);
    led_heartbeat(false);
    assert_int_equal(clock_next_deadline(true), CLOCK_NEVER);
}

static int apply(const char *text, char *err) {
    return boardfile_apply("b.json", text, strlen(text), err, 256);
}

static void test_boardfile_and_parts(void **state) {
    (void)state;
    char err[256];
    parts_clear();
    int gp10 = pin_of("GP10"), gp9 = pin_of("GP9"), gp12 = pin_of("GP12"), gp17 = pin_of("GP17");
    const char *good = "{\"version\": 1, \"parts\": [{\"type\": \"wipy\", \"id\": \"wipy\"},"
                       "{\"type\": \"pushbutton\", \"id\": \"b\", \"attrs\": {\"pull\": \"up\", \"bounce_ms\": 10}},"
                       "{\"type\": \"wokwi-led\", \"id\": \"l\"}],"
                       "\"connections\": [[\"b:1\", \"wipy:GP10\"], [\"b:2\", \"wipy:GND\"], [\"l:A\", \"wipy:GP9\"],"
                       "[\"l:C\", \"wipy:GND\"], [\"wipy:GP12\", \"wipy:GP17\", \"green\", []]],"
                       "\"i2c\": [{\"type\": \"mpu9150\", \"address\": 104}]}";
    assert_int_equal(apply(good, err), 0);
    assert_true(pin_same_net(gp12, gp17));
    assert_string_equal(boardfile_section("i2c"), "[{\"type\":\"mpu9150\",\"address\":104}]");
    assert_null(boardfile_section("sd"));
    int b = parts_find("b"), l = parts_find("l");
    assert_true(b >= 0 && l >= 0);
    assert_int_equal(pin_level(gp10), 1); /* the button's pull-up */
    /* a press bounces: edges until the contact settles low after bounce_ms */
    memset(level_changes, 0, sizeof(level_changes));
    assert_true(pin_listen(&listener));
    assert_int_equal(parts_button_press(b, true), PIN_OK);
    assert_int_equal(pin_level(gp10), 0);
    uint64_t t0 = clock_now_ns();
    while (clock_wait_step(t0 + 20 * MS) || clock_now_ns() < t0 + 20 * MS) {
    }
    assert_int_equal(level_changes[gp10], 5);
    assert_int_equal(pin_level(gp10), 0);
    assert_int_equal(parts_button_press(b, false), PIN_OK);
    while (clock_wait_step(t0 + 40 * MS) || clock_now_ns() < t0 + 40 * MS) {
    }
    assert_int_equal(pin_level(gp10), 1);
    pin_unlisten(&listener);
    assert_int_equal(parts_button_press(l, true), PIN_ERR_NO_PIN); /* not a button */
    /* the LED follows its pin */
    cfg(gp9, PIN_MODE_OUT, PIN_PULL_NONE);
    pin_write(gp9, 1);
    assert_true(parts_led_lit(l));
    pin_write(gp9, 0);
    assert_false(parts_led_lit(l));
    /* a bad file changes nothing */
    pin_unwire_all();
    int n = parts_count();
    assert_int_equal(apply("{\"connections\": [[\"wipy:GP12\", \"wipy:GP17\"], [\"wipy:GP1\", \"x:1\"]]}", err), -1);
    assert_string_equal(err, "b.json: connections[1]: no part has the id 'x'");
    assert_false(pin_same_net(gp12, gp17));
    assert_int_equal(parts_count(), n);
    assert_int_equal(apply("{\n\"parts\": 3,\n}", err), -1);
    assert_true(strncmp(err, "b.json: line 3", 14) == 0);
    assert_int_equal(apply("{\"parts\": [{\"type\": \"wipy\", \"id\": \"board\"}]}", err), -1);
    assert_string_equal(err, "b.json: parts[0].id: the WiPy's id is \"wipy\", not 'board'");
    /* over-voltage from a part is refused before anything is applied */
    assert_int_equal(apply("{\"parts\": [{\"type\": \"voltage-source\", \"id\": \"v\", \"attrs\": {\"mv\": 3700}}],"
                           "\"connections\": [[\"v:+\", \"wipy:GP3\"]]}", err), -1);
    assert_non_null(strstr(err, "3700 mV on GP3 is above the 3600 mV"));
    parts_clear();
    /* sources on an analog pin: 1.8 V at most, counted as damage */
    int gp3 = pin_of("GP3");
    pin_set_analog(gp3, true);
    int v = parts_add_source("pot", PART_POT, gp3, 1000);
    assert_true(v >= 0);
    uint32_t dmg = pin_damage_count();
    assert_int_equal(parts_set_mv(v, 2000), PIN_ERR_OVERVOLTAGE);
    assert_int_equal(pin_damage_count(), dmg + 1);
    assert_int_equal(pin_voltage_mv(gp3), 1000);
    pin_set_analog(gp3, false);
    parts_clear();
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_clock_virtual, setup),
        cmocka_unit_test_setup(test_clock_real, setup),
        cmocka_unit_test_setup(test_pin_table, setup),
        cmocka_unit_test_setup(test_pulls_and_floating, setup),
        cmocka_unit_test_setup(test_open_drain_and_wires, setup),
        cmocka_unit_test_setup(test_conflict_and_listeners, setup),
        cmocka_unit_test_setup(test_outside_drive_and_voltage, setup),
        cmocka_unit_test_setup(test_irq_edges_and_levels, setup),
        cmocka_unit_test_setup(test_irq_priorities_and_mask, setup),
        cmocka_unit_test_setup(test_led_heartbeat_and_error, setup),
        cmocka_unit_test_setup(test_power_wake_and_energy, setup),
        cmocka_unit_test_setup(test_led_reinit_while_armed, setup),
        cmocka_unit_test_setup(test_boardfile_and_parts, setup),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    int total = (int)(sizeof(tests) / sizeof(tests[0]));
    printf("%d passed, %d failed\n", total - failed, failed);
    return failed != 0;
}
