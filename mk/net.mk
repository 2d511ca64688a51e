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
