# Differential testing of integer semantics against CPython (tests/diff): random programs.
# `make test-diff` runs 300 programs, `make fuzz-diff` 5000 (DIFF_SEED picks the series).
TEST_SUITES += test-diff
FUZZ_SUITES += fuzz-diff
DIFF_SEED ?= 1
.PHONY: test-diff fuzz-diff
test-diff: $(BUILD)/wipy
	@/usr/bin/python3 tests/diff/run_diff.py --wipy $(BUILD)/wipy -n 300 --seed $(DIFF_SEED)
fuzz-diff: $(BUILD)/wipy
	@/usr/bin/python3 tests/diff/run_diff.py --wipy $(BUILD)/wipy -n 5000 --seed $(DIFF_SEED)
