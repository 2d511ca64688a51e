# Robustness (issue 14): the event loop's limits as a cmocka unit (`make test-robust-unit`); the
# board-level checks are in tests/board/test_hardening.py (test-board). The telnet soak (10,000
# sessions, raw REPL exec + soft reset each) is `make soak-telnet` (in `make bench`: too slow for
# `make test`); the telnet + REPL fuzz target is `make fuzz-telnet-repl`.
TEST_SUITES += test-robust-unit
.PHONY: test-robust-unit
$(BUILD)/tests/unit/event_loop_test: tests/unit/event_loop_test.c $(BUILD)/host/event_loop.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(BUILD)/host/event_loop.o -lcmocka -o $@
test-robust-unit: $(BUILD)/tests/unit/event_loop_test
	@$(BUILD)/tests/unit/event_loop_test 2>&1 | tee $(BUILD)/tests/unit/event_loop_test.log; \
	  p=$$(grep -c '^\[       OK \]' $(BUILD)/tests/unit/event_loop_test.log); \
	  f=$$(grep -c '^\[  FAILED  \]' $(BUILD)/tests/unit/event_loop_test.log); \
	  echo "$$p passed, $$f failed"; test $$f -eq 0
