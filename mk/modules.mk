# Module tests that need CPython beside them (pytest): `make test-modules`.
TEST_SUITES += test-modules
.PHONY: test-modules
test-modules: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=. tests/modules 2>&1 | tail -n 5
