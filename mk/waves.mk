# Bus waveforms in the trace (issue 10 item 9): cmocka units of the trace's scheduled levels and of
# the UART/I2C/SPI wave generators (`make test-waves-unit`), and sigrok-cli decoding the traces of
# board processes under the virtual clock (`make test-waves`).
TEST_SUITES += test-waves-unit
.PHONY: test-waves-unit
WAVES_UNIT_OBJS := $(patsubst %.c,$(BUILD)/%.o,board/clock.c board/pin.c board/pin_table.c board/irq.c board/trace.c \
  board/vcd.c board/i2c_wave.c board/uart_wave.c board/spi_wave.c)
$(BUILD)/tests/unit/waves_test: tests/unit/waves_test.c $(WAVES_UNIT_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(WAVES_UNIT_OBJS) -lcmocka -o $@
test-waves-unit: $(BUILD)/tests/unit/waves_test
	@$(BUILD)/tests/unit/waves_test
TEST_SUITES += test-waves
.PHONY: test-waves
test-waves: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) BOARD_TIMEOUT_SCALE=$(if $(filter build-asan,$(BUILD)),4,1) \
	  /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=tests/waves tests/waves
