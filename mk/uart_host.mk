# UARTs exposed to the host (issue 10): a pty and a TCP port per UART (--uart0/--uart1), UART0 as
# a full REPL stream for MicroPython's pyboard.py, UART1 with its ring and RX_ANY irq, the control
# interface's uart/uart.inject/uart.read (tests/uart_host, real board processes and real peers).
TEST_SUITES += test-uart-host
.PHONY: test-uart-host
test-uart-host: $(BUILD)/wipy
	@WIPY=$(abspath $(BUILD)/wipy) BOARD_TIMEOUT_SCALE=$(if $(filter build-asan,$(BUILD)),4,1) \
	  /usr/bin/python3 -m pytest -q -p no:cacheprovider --rootdir=tests/uart_host tests/uart_host
# Benchmarks: the raw REPL's round trip over a pty, UART1's bytes per second over TCP each way.
BENCH_SUITES += bench-uart-host
.PHONY: bench-uart-host
bench-uart-host: $(BUILD)/wipy
	@/usr/bin/python3 bench/uart_host_bench.py --wipy $(abspath $(BUILD)/wipy) $(if $(BENCH_MD),--markdown $(BENCH_MD))
