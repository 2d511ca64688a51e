# Board-mode tests (issue 5): tests/board under pytest, real board processes on free loopback ports
# (telnet login byte for byte, raw REPL/raw-paste, pyboard.py's sequence, friendly REPL on a pty and
# over telnet, boot sequence, robustness). Under ASan ($(BUILD) = build-asan) the waits are longer.
TEST_SUITES += test-board
.PHONY: test-board bench-board
test-board: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) BOARD_TIMEOUT_SCALE=$(if $(filter build-asan,$(BUILD)),4,1) \
	  /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=. tests/board
# Board benchmarks: start to first prompt over telnet, raw REPL round trip (median of 1,000).
BENCH_SUITES += bench-board
bench-board: $(BUILD)/wipy
	@/usr/bin/python3 bench/board_bench.py --wipy $(abspath $(BUILD)/wipy) $(if $(BENCH_MD),--markdown $(BENCH_MD))
