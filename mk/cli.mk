# Command-line and REPL tests of the executable (engineer D): tests/cli/test_cli.py under pytest,
# starting $(BUILD)/wipy as a script runner and through a pty for the friendly REPL.
TEST_SUITES += test-cli
LDLIBS += -lpthread
.PHONY: test-cli
test-cli: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=. tests/cli
