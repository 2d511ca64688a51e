# Module tests that need CPython beside them (pytest): `make test-modules`.
TEST_SUITES += test-modules
.PHONY: test-modules
test-modules: $(BUILD)/wipy
	@cd tests/modules && WIPY=$(abspath $(BUILD)/wipy) /usr/bin/python3 -m pytest -q -p no:cacheprovider . 2>&1 | tail -n 5
