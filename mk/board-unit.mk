# The simulated board's core (board/): its board-file parser links jansson. cmocka unit tests of
# the clock, nets, IRQs, LED, power, parts and the board-file parser: `make test-board-unit`
# (board/sd_card.c, which reads images through host/, has its own: test-sd-unit in mk/sd.mk).
LDLIBS += -ljansson
TEST_SUITES += test-board-unit
.PHONY: test-board-unit
BOARD_UNIT_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(filter-out board/uart.c board/uart_line.c board/sd_card.c,$(wildcard board/*.c)))
$(BUILD)/tests/unit/board_test: tests/unit/board_test.c $(BOARD_UNIT_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(BOARD_UNIT_OBJS) -lcmocka -ljansson -o $@
test-board-unit: $(BUILD)/tests/unit/board_test
	@$(BUILD)/tests/unit/board_test
