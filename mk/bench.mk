# Language benchmarks against CPython (bench/run.py); writes nothing unless BENCH_MD is set.
BENCH_SUITES += bench-lang
.PHONY: bench-lang
bench-lang: $(BUILD)/wipy
	@/usr/bin/python3 bench/run.py --wipy $(BUILD)/wipy $(if $(BENCH_MD),--markdown $(BENCH_MD))
