# cmocka unit tests of the simulated board's core (board/: clock, nets, IRQs, LED, power) and of
# the board-file parser: `make test-board-unit`.
TEST_SUITES += test-board-unit
.PHONY: test-board-unit
BOARD_UNIT_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(filter-out board/uart.c,$(wildcard board/*.c)))
$(BUILD)/tests/unit/board_test: tests/unit/board_test.c $(BOARD_UNIT_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(BOARD_UNIT_OBJS) -lcmocka -o $@
test-board-unit: $(BUILD)/tests/unit/board_test
	@$(BUILD)/tests/unit/board_test
