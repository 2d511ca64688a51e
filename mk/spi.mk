# SPI devices (issue 10 item 3): cmocka units of the device bus and the W25Q flash model
# (`make test-spi-unit`); the Python-side datasheet tests are in tests/periph (test-periph).
TEST_SUITES += test-spi-unit
.PHONY: test-spi-unit
SPI_UNIT_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(wildcard board/spi*.c) board/clock.c board/pin.c board/pin_table.c board/irq.c \
                 board/trace.c board/vcd.c)
$(BUILD)/tests/unit/spi_dev_test: tests/unit/spi_dev_test.c $(SPI_UNIT_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(SPI_UNIT_OBJS) -lcmocka -ljansson -o $@
test-spi-unit: $(BUILD)/tests/unit/spi_dev_test
	@$(BUILD)/tests/unit/spi_dev_test
# The device table's list (board/spi_devices.c includes it): every `const spi_dev_ops_t spi_*_ops`
# defined at the start of a line of a device file, in file order; rewritten only when it changes.
SPI_DEV_FILES := $(filter-out board/spi.c board/spi_bus.c board/spi_devices.c board/spi_wave.c,\
                 $(wildcard board/spi_*.c))
$(BUILD)/gen/spi_dev_list.h: $(SPI_DEV_FILES) mk/spi.mk
	@mkdir -p $(dir $@)
	@sed -n 's/^const spi_dev_ops_t \(spi_[A-Za-z0-9_]*_ops\) *=.*/SPI_DEV(\1)/p' $(SPI_DEV_FILES) > $@.tmp
	@cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp
$(BUILD)/board/spi_devices.o: $(BUILD)/gen/spi_dev_list.h
