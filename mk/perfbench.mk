# MicroPython's own benchmarks (tests/perf_bench, float-free programs) through its unmodified
# run-perfbench.py, against $(BUILD)/wipy. Needs a MicroPython tree: `make bench-perfbench
# MPY_DIR=/path/to/micropython`; without one it says so and does nothing (none is in this repo).
# PERFBENCH_BASE=/path/to/other/wipy also runs that binary and prints run-perfbench.py's diff.
BENCH_SUITES += bench-perfbench
MPY_DIR ?=
PERFBENCH_N ?= 1000
PERFBENCH_M ?= 1000
PERFBENCH_HEAP ?= 1m
PERFBENCH_AVG ?= 5
PERFBENCH_BASE ?=
# The programs that need no float, complex, native emitter or .mpy import (bench/RESULTS.md says
# why each of the others is left out).
PERFBENCH_PROGS := bm_fannkuch bm_hexiom bm_nqueens bm_pidigits bm_wordcount core_locals \
                   core_qstr core_str core_yield_from misc_aes misc_pystone
PERFBENCH_OUT := $(abspath $(BUILD))/perfbench
perfbench_run = cd $(MPY_DIR)/tests && MICROPY_MICROPYTHON=$(abspath $(1)) MICROPY_CPYTHON3=/usr/bin/python3 \
	/usr/bin/python3 ./run-perfbench.py --heapsize $(PERFBENCH_HEAP) -a $(PERFBENCH_AVG) \
	-r $(PERFBENCH_OUT)/results $(PERFBENCH_N) $(PERFBENCH_M) \
	$(PERFBENCH_PROGS:%=perf_bench/%.py) | tee $(PERFBENCH_OUT)/$(2).txt

.PHONY: bench-perfbench
bench-perfbench: $(BUILD)/wipy
	@if [ -z "$(MPY_DIR)" ] || [ ! -f "$(MPY_DIR)/tests/run-perfbench.py" ]; then \
	  echo "bench-perfbench: skipped (no MicroPython tree: MPY_DIR=/path/to/micropython)"; exit 0; fi; \
	mkdir -p $(PERFBENCH_OUT) && \
	$(if $(PERFBENCH_BASE),($(call perfbench_run,$(PERFBENCH_BASE),base)) && ,) \
	($(call perfbench_run,$(BUILD)/wipy,wipy)) \
	$(if $(PERFBENCH_BASE),&& cd $(MPY_DIR)/tests && /usr/bin/python3 ./run-perfbench.py -m \
	  $(PERFBENCH_OUT)/base.txt $(PERFBENCH_OUT)/wipy.txt,)
