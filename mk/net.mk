# Network suite (issue 12): tests/net under pytest: socket, select, ssl and WLAN against real peers
# (CPython sockets, openssl s_server/s_client) on loopback, in script mode and on real boards.
TEST_SUITES += test-net
.PHONY: test-net
test-net: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) BOARD_TIMEOUT_SCALE=$(if $(filter build-asan,$(BUILD)),4,1) \
	  /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=. tests/net
# Network benchmarks: loopback TCP throughput from a board loop, TLS handshakes vs CPython's ssl.
BENCH_SUITES += bench-net
.PHONY: bench-net
bench-net: $(BUILD)/wipy
	@/usr/bin/python3 bench/net_bench.py --wipy $(abspath $(BUILD)/wipy) $(if $(BENCH_MD),--markdown $(BENCH_MD))
# host/ecp_accel.c (P-256 for mbedTLS through libcrypto) against mbedTLS's own code: cmocka.
TEST_SUITES += test-ecp-accel
.PHONY: test-ecp-accel
$(BUILD)/tests/unit/ecp_accel_test: tests/unit/ecp_accel_test.c $(BUILD)/host/ecp_accel.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(BUILD)/host/ecp_accel.o -lcmocka -lmbedcrypto -lcrypto -o $@
test-ecp-accel: $(BUILD)/tests/unit/ecp_accel_test
	@$(BUILD)/tests/unit/ecp_accel_test
