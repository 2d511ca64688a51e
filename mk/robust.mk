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

# The telnet soak: 10,000 sessions (SOAK_SESSIONS), each raw REPL exec + soft reset; fds and RSS
# must not grow. A few minutes: in `make bench`, not `make test`.
BENCH_SUITES += soak-telnet
.PHONY: soak-telnet
SOAK_SESSIONS ?= 10000
soak-telnet: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) BOARD_TIMEOUT_SCALE=$(if $(filter build-asan,$(BUILD)),4,1) SOAK_SESSIONS=$(SOAK_SESSIONS) \
	  /usr/bin/python3 -m pytest -q -s -p no:cacheprovider --rootdir=. tests/board/test_soak.py

# The layers of DESIGN.md over the whole tree (scripts/check-layers.py: includes per folder, POSIX
# only in host/), and a fabricated tree showing the check catches each kind of violation.
TEST_SUITES += test-layers
.PHONY: test-layers
test-layers:
	@/usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=. tests/layers
