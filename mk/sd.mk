# The SD card (issue 10 item 8): tests/sd under pytest: machine.SD on image files made by mkfs.fat,
# os.mount/vfs, mtools and fsck.fat on the image afterwards, errors, the control interface's
# sd.insert/sd.remove, and MicroPython's cc3200 sd.py/os.py through its own run-tests.py.
TEST_SUITES += test-sd
.PHONY: test-sd
test-sd: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) BOARD_TIMEOUT_SCALE=$(if $(filter build-asan,$(BUILD)),4,1) \
	  /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=tests/sd tests/sd
# cmocka units of the SD slot model (board/sd_card.c) on image files in /tmp.
TEST_SUITES += test-sd-unit
.PHONY: test-sd-unit
SD_UNIT_OBJS := $(patsubst %.c,$(BUILD)/%.o,board/sd_card.c board/clock.c board/pin.c board/pin_table.c board/irq.c host/files.c)
$(BUILD)/tests/unit/sd_card_test: tests/unit/sd_card_test.c $(SD_UNIT_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(SD_UNIT_OBJS) -lcmocka -o $@
test-sd-unit: $(BUILD)/tests/unit/sd_card_test
	@$(BUILD)/tests/unit/sd_card_test
