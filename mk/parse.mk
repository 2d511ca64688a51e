# Parser debugging tool (engineer A): build/parse_dump prints the AST of a file as s-expressions.
# Not in TEST_SUITES; `make $(BUILD)/parse_dump`.
PARSE_DUMP_OBJS := $(BUILD)/core/lexer.o $(BUILD)/core/parse.o $(BUILD)/core/ast_arena.o \
                   $(BUILD)/core/qstr.o $(BUILD)/core/gc.o
$(BUILD)/tests/unit/parse_dump.o: tests/unit/parse_dump.c $(QSTR_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Wno-unused-parameter -c $< -o $@
$(BUILD)/parse_dump: $(BUILD)/tests/unit/parse_dump.o $(PARSE_DUMP_OBJS)
	$(CC) $(LDFLAGS) -o $@ $^

# libFuzzer target of the lexer+parser (clang): `make fuzz-parse` (FUZZ_SECONDS, default 60).
FUZZ_SUITES += fuzz-parse
.PHONY: fuzz-parse
FUZZ_PARSE_FLAGS := -std=gnu11 -D_GNU_SOURCE -g -O1 -I. -Ibuild-fuzz/gen -fsanitize=fuzzer,address,undefined
build-fuzz/parse_fuzz: tests/unit/parse_dump.c core/lexer.c core/parse.c core/ast_arena.c core/qstr.c core/gc.c $(QSTR_HDR)
	@mkdir -p build-fuzz/gen && (cmp -s $(QSTR_HDR) build-fuzz/gen/$(notdir $(QSTR_HDR)) || cp $(QSTR_HDR) build-fuzz/gen/)
	clang $(FUZZ_PARSE_FLAGS) -DPARSE_FUZZ -o $@ tests/unit/parse_dump.c core/lexer.c core/parse.c core/ast_arena.c core/qstr.c core/gc.c
fuzz-parse: build-fuzz/parse_fuzz
	@mkdir -p build-fuzz/corpus-parse && cp -n tests/lang/syntax/*.py build-fuzz/corpus-parse/ 2>/dev/null || true
	build-fuzz/parse_fuzz -max_total_time=$(or $(FUZZ_SECONDS),60) -max_len=4096 build-fuzz/corpus-parse
