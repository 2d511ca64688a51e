# The os module and file objects on FAT volumes (tests/os/test_os.py under pytest): /flash through
# `wipy --flash IMAGE`, /sd through os.mount of a Python block device; fsck.fat and mtools check
# the images afterwards.
TEST_SUITES += test-os
.PHONY: test-os
test-os: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=. tests/os
