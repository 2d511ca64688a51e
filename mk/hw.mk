# The simulated hardware through Python (issue 9): tests/hw under pytest against real board
# processes (pins over wires, IRQs, LED, sleep, deepsleep, the virtual clock, board files).
TEST_SUITES += test-hw
.PHONY: test-hw
test-hw: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) BOARD_TIMEOUT_SCALE=$(if $(filter build-asan,$(BUILD)),4,1) \
	  /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=tests/hw tests/hw
# Simulated-hardware benchmarks: pin writes per second, an idle hour under the virtual clock.
BENCH_SUITES += bench-hw
.PHONY: bench-hw
bench-hw: $(BUILD)/wipy
	@/usr/bin/python3 bench/hw_bench.py --wipy $(abspath $(BUILD)/wipy) $(if $(BENCH_MD),--markdown $(BENCH_MD))
