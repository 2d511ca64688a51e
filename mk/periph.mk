# The peripherals (issue 10): cmocka units of the I2C bus and device models against their
# datasheets and of UART framing (`make test-periph-unit`), and pytest against board processes (`make test-periph`).
TEST_SUITES += test-periph-unit
.PHONY: test-periph-unit
PERIPH_UNIT_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(wildcard board/i2c*.c) board/clock.c board/pin.c board/pin_table.c board/irq.c board/uart.c board/uart_tap.c board/uart_line.c board/uart_wave.c board/trace.c board/vcd.c)
$(BUILD)/tests/unit/i2c_dev_test: tests/unit/i2c_dev_test.c $(PERIPH_UNIT_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(PERIPH_UNIT_OBJS) -lcmocka -ljansson -o $@
test-periph-unit: $(BUILD)/tests/unit/i2c_dev_test
	@$(BUILD)/tests/unit/i2c_dev_test
TEST_SUITES += test-periph
.PHONY: test-periph
test-periph: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) BOARD_TIMEOUT_SCALE=$(if $(filter build-asan,$(BUILD)),4,1) \
	  /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=tests/periph tests/periph
# Peripheral benchmarks: i2c.readfrom_mem in a loop on the test rig (real clock).
BENCH_SUITES += bench-periph
.PHONY: bench-periph
bench-periph: $(BUILD)/wipy
	@/usr/bin/python3 bench/periph_bench.py --wipy $(abspath $(BUILD)/wipy) $(if $(BENCH_MD),--markdown $(BENCH_MD))
