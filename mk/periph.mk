# The peripherals (issue 10): cmocka units of the I2C bus and device models against their
# datasheets (`make test-periph-unit`), and pytest against board processes (`make test-periph`).
TEST_SUITES += test-periph-unit
.PHONY: test-periph-unit
PERIPH_UNIT_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(wildcard board/i2c*.c) board/clock.c board/pin.c board/pin_table.c board/irq.c)
$(BUILD)/tests/unit/i2c_dev_test: tests/unit/i2c_dev_test.c $(PERIPH_UNIT_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(PERIPH_UNIT_OBJS) -lcmocka -ljansson -o $@
test-periph-unit: $(BUILD)/tests/unit/i2c_dev_test
	@$(BUILD)/tests/unit/i2c_dev_test
