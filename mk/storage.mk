# Storage layer (storage/): cmocka unit tests, interop with mtools/dosfstools, the power-loss
# (SIGKILL) test, a libFuzzer target over mutated images and a benchmark against mtools.
# Storage objects are built here on their own (no generated headers needed), so these targets
# work while other layers are mid-change. `make test-storage-unit` etc.; FUZZ_SECONDS for fuzz.
TEST_SUITES += test-storage-unit test-storage-interop test-storage-crash
BENCH_SUITES += bench-storage
FUZZ_SUITES += fuzz-storage
FUZZ_SECONDS ?= 60

# `make test-asan` re-enters make per suite with BUILD=build-asan only (CC/SAN are not passed
# on), so these suites put the sanitizers back themselves in that case.
STOR_CC      := $(CC)
STOR_CFLAGS  := $(CFLAGS)
STOR_LDFLAGS := $(LDFLAGS)
ifeq ($(BUILD)$(strip $(SAN)),build-asan)
STOR_CC      := clang
STOR_CFLAGS  += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
STOR_LDFLAGS += -fsanitize=address,undefined
endif

STOR_SRCS := $(wildcard storage/*.c) host/files.c
STOR_OBJS := $(patsubst %.c,$(BUILD)/stor/%.o,$(notdir $(STOR_SRCS)))
STOR_LIB  := $(BUILD)/stor/libstorage.a

$(BUILD)/stor/%.o: storage/%.c
	@mkdir -p $(dir $@)
	$(STOR_CC) $(STOR_CFLAGS) -MMD -MP -c $< -o $@

# storage/ reaches the host's files through host/ (DESIGN.md), so its library carries that file
$(BUILD)/stor/%.o: host/%.c
	@mkdir -p $(dir $@)
	$(STOR_CC) $(STOR_CFLAGS) -MMD -MP -c $< -o $@

$(STOR_LIB): $(STOR_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/stor/test_storage: tests/storage/test_storage.c $(STOR_LIB)
	$(STOR_CC) $(STOR_CFLAGS) $(STOR_LDFLAGS) $< $(STOR_LIB) -lcmocka -o $@

$(BUILD)/stor/fattool: tests/storage/fattool.c $(STOR_LIB)
	$(STOR_CC) $(STOR_CFLAGS) $(STOR_LDFLAGS) $< $(STOR_LIB) -o $@

$(BUILD)/stor/fuzz_replay: tests/storage/fuzz_fat.c $(STOR_LIB)
	$(STOR_CC) $(STOR_CFLAGS) -DFUZZ_STANDALONE $(STOR_LDFLAGS) $< $(STOR_LIB) -o $@

.PHONY: storage-tools test-storage-unit test-storage-interop test-storage-crash bench-storage fuzz-storage
storage-tools: $(BUILD)/stor/test_storage $(BUILD)/stor/fattool $(BUILD)/stor/fuzz_replay

# Each run works in its own fresh directory (mktemp), so concurrent `make test` runs in one
# tree do not trample each other; it is removed afterwards unless the suite failed.
# cmocka suites plus a replay of every saved fuzz finding; one closing total line.
test-storage-unit: $(BUILD)/stor/test_storage $(BUILD)/stor/fuzz_replay
	@d=$$(mktemp -d $(CURDIR)/$(BUILD)/stor/unit.XXXXXX); \
	  (cd $$d && $(CURDIR)/$(BUILD)/stor/test_storage) > $$d/unit.out 2>&1; rc=$$?; cat $$d/unit.out; \
	  ./$(BUILD)/stor/fuzz_replay tests/storage/fuzz-regress/* > $$d/replay.out 2>&1; rr=$$?; \
	  cat $$d/replay.out; \
	  p1=$$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed.*/\1/p' $$d/unit.out | tail -1); \
	  f1=$$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed.*/\2/p' $$d/unit.out | tail -1); \
	  p2=$$(sed -nE 's/^([0-9]+) passed.*/\1/p' $$d/replay.out | tail -1); \
	  f2=$$([ $$rr -eq 0 ] && echo 0 || echo 1); \
	  echo "$$(( $${p1:-0} + $${p2:-0} )) passed, $$(( $${f1:-1} + f2 )) failed"; \
	  [ $$rc -eq 0 ] && [ $$rr -eq 0 ] && rm -rf $$d

test-storage-interop: $(BUILD)/stor/fattool
	@d=$$(mktemp -d $(BUILD)/stor/interop.XXXXXX); \
	  tests/storage/interop.sh $(BUILD)/stor/fattool $$d && rm -rf $$d

test-storage-crash: $(BUILD)/stor/fattool
	@d=$$(mktemp -d $(BUILD)/stor/crash.XXXXXX); \
	  /usr/bin/python3 tests/storage/crash_test.py $(BUILD)/stor/fattool $$d 200 && rm -rf $$d

bench-storage: $(BUILD)/stor/fattool
	@d=$$(mktemp -d $(BUILD)/stor/bench.XXXXXX); \
	  /usr/bin/python3 tests/storage/bench.py $(BUILD)/stor/fattool $$d && rm -rf $$d

# libFuzzer over the storage sources alone, built with clang + ASan/UBSan into build-fuzz/.
build-fuzz/stor/fuzz_fat: tests/storage/fuzz_fat.c $(STOR_SRCS) $(wildcard storage/*.h)
	@mkdir -p $(dir $@)
	clang -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter -g -O1 -I. \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
	  tests/storage/fuzz_fat.c $(STOR_SRCS) -o $@

fuzz-storage: build-fuzz/stor/fuzz_fat $(BUILD)/stor/fattool
	@tests/storage/make_seeds.sh build-fuzz/corpus-storage-seed $(BUILD)/stor/fattool
	@mkdir -p build-fuzz/corpus-storage
	build-fuzz/stor/fuzz_fat -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -max_len=65536 -artifact_prefix=build-fuzz/storage- build-fuzz/corpus-storage \
	  build-fuzz/corpus-storage-seed tests/storage/fuzz-regress
	@echo "1 passed, 0 failed"

-include $(STOR_OBJS:.o=.d)
