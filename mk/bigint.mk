# cmocka unit tests of core/bigint.c: `make test-bigint` (links bigint.o alone, with GC stubs).
TEST_SUITES += test-bigint
.PHONY: test-bigint
$(BUILD)/tests/unit/bigint_test: tests/unit/bigint_test.c $(BUILD)/core/bigint.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< $(BUILD)/core/bigint.o -lcmocka -o $@
test-bigint: $(BUILD)/tests/unit/bigint_test
	@$(BUILD)/tests/unit/bigint_test 2>&1 | tail -n 40
