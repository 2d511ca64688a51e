# The language tests (tests/lang, run by tests/run_lang.py against $(BUILD)/wipy).
TEST_SUITES += test-lang
.PHONY: test-lang
test-lang: $(BUILD)/wipy
	@/usr/bin/python3 tests/run_lang.py --wipy $(BUILD)/wipy
