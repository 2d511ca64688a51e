# The SD card (issue 10 item 8): tests/sd under pytest: machine.SD on image files made by mkfs.fat,
# os.mount/vfs, mtools and fsck.fat on the image afterwards, errors, the control interface's
# sd.insert/sd.remove, and MicroPython's cc3200 sd.py/os.py through its own run-tests.py.
TEST_SUITES += test-sd
.PHONY: test-sd
test-sd: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) BOARD_TIMEOUT_SCALE=$(if $(filter build-asan,$(BUILD)),4,1) \
	  /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=tests/sd tests/sd
