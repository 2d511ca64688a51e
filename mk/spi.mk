# SPI devices (issue 10 item 3): cmocka units of the device bus and the W25Q flash model
# (`make test-spi-unit`); the Python-side datasheet tests are in tests/periph (test-periph).
TEST_SUITES += test-spi-unit
.PHONY: test-spi-unit
SPI_UNIT_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(wildcard board/spi*.c) board/clock.c board/pin.c board/pin_table.c board/irq.c)
$(BUILD)/tests/unit/spi_dev_test: tests/unit/spi_dev_test.c $(SPI_UNIT_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(SPI_UNIT_OBJS) -lcmocka -ljansson -o $@
test-spi-unit: $(BUILD)/tests/unit/spi_dev_test
	@$(BUILD)/tests/unit/spi_dev_test
