# The FTP server (issue 11): `make test-ftp-unit` (cmocka: the session over a RAM /flash, every
# reply byte for byte, 10,000 crafted paths), `make test-ftp` (pytest: real board processes and
# real clients), `make fuzz-ftp` (libFuzzer over the command parser), `make bench-ftp` (against
# Debian's vsftpd on loopback).
TEST_SUITES += test-ftp-unit test-ftp
BENCH_SUITES += bench-ftp
FUZZ_SUITES += fuzz-ftp
.PHONY: test-ftp-unit test-ftp bench-ftp fuzz-ftp
# The session runs over a RAM /flash: it links the storage layer's own library (mk/storage.mk).
$(BUILD)/tests/unit/ftp_proto_test: tests/unit/ftp_proto_test.c $(BUILD)/services/ftp_proto.o $(BUILD)/stor/libstorage.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(BUILD)/services/ftp_proto.o $(BUILD)/stor/libstorage.a -lcmocka -o $@
test-ftp-unit: $(BUILD)/tests/unit/ftp_proto_test
	@$(BUILD)/tests/unit/ftp_proto_test
test-ftp: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) BOARD_TIMEOUT_SCALE=$(if $(filter build-asan,$(BUILD)),4,1) \
	  /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=. tests/ftp
bench-ftp: $(BUILD)/wipy
	@/usr/bin/python3 bench/ftp_bench.py --wipy $(abspath $(BUILD)/wipy) $(if $(BENCH_MD),--markdown $(BENCH_MD))
build-fuzz/tests/fuzz_ftp: tests/fuzz/fuzz_ftp.c build-fuzz-lang
	clang -std=gnu11 -D_GNU_SOURCE -g -O1 -I. -Ibuild-fuzz/gen -fsanitize=fuzzer,address,undefined \
	  tests/fuzz/fuzz_ftp.c build-fuzz/libwipy.a $(LDLIBS) -o $@
fuzz-ftp: build-fuzz/tests/fuzz_ftp
	@mkdir -p build-fuzz/corpus-ftp
	@printf 'USER micro\r\nPASS python\r\nPASV\r\nLIST /flash\r\n\0\377\0\377CWD /flash\r\nPASV\r\nSTOR a b\r\n\0\377hello\0\377RETR a b\r\n' > build-fuzz/corpus-ftp/seed1
	build-fuzz/tests/fuzz_ftp -max_total_time=$(FUZZ_SECONDS) -timeout=10 -close_fd_mask=1 -rss_limit_mb=2048 \
	  -max_len=4096 -artifact_prefix=build-fuzz/ftp- build-fuzz/corpus-ftp
	@echo "1 passed, 0 failed"
