# The outside's view of the board (issue 9, items 8-9): the VCD writer's unit tests (cmocka).
TEST_SUITES += test-trace-unit
.PHONY: test-trace-unit
$(BUILD)/tests/unit/vcd_test: tests/unit/vcd_test.c $(BUILD)/board/vcd.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(BUILD)/board/vcd.o -lcmocka -o $@
test-trace-unit: $(BUILD)/tests/unit/vcd_test
	@$(BUILD)/tests/unit/vcd_test
# The control server parses and builds its JSON with jansson.
LDLIBS += -ljansson
# pytest against real board processes through the control interface (tests/control).
TEST_SUITES += test-control
.PHONY: test-control
test-control: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) BOARD_TIMEOUT_SCALE=$(if $(filter build-asan,$(BUILD)),4,1) \
	  /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=. tests/control
# Control benchmarks: an edge from outside to a Python irq handler (median of 1,000, --clock real),
# pin writes per second with the trace off and on.
BENCH_SUITES += bench-control
.PHONY: bench-control
bench-control: $(BUILD)/wipy
	@/usr/bin/python3 bench/control_bench.py --wipy $(abspath $(BUILD)/wipy) $(if $(BENCH_MD),--markdown $(BENCH_MD))
