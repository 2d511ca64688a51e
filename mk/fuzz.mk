# libFuzzer target over lexer+parser+compiler+VM: `make fuzz-lang` (FUZZ_SECONDS, default 60).
# The library is rebuilt with clang, coverage instrumentation and ASan+UBSan in build-fuzz/.
FUZZ_SUITES += fuzz-lang
FUZZ_SECONDS ?= 60
FUZZ_SAN := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
.PHONY: fuzz-lang build-fuzz-lang
build-fuzz-lang:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT=-O1 SAN="$(FUZZ_SAN)" build-fuzz/libwipy.a
	@mkdir -p build-fuzz/tests
	clang -std=gnu11 -D_GNU_SOURCE -g -O1 -I. -Ibuild-fuzz/gen -fsanitize=fuzzer,address,undefined \
	  tests/fuzz/fuzz_exec.c build-fuzz/libwipy.a $(LDLIBS) -o build-fuzz/tests/fuzz_exec
# The inputs open() files with odd names relative to the current folder: it is build-fuzz/cwd.
fuzz-lang: build-fuzz-lang
	@mkdir -p build-fuzz/corpus-lang build-fuzz/cwd
	@cp -n tests/lang/*/*.py build-fuzz/corpus-lang/ 2>/dev/null || true
	cd build-fuzz/cwd && ../tests/fuzz_exec -max_total_time=$(FUZZ_SECONDS) -timeout=10 -fork=1 -ignore_timeouts=1 -close_fd_mask=1 \
	  -rss_limit_mb=2048 -max_len=4096 -artifact_prefix=../ ../corpus-lang
	@echo "1 passed, 0 failed"

# Parsers of modules/: json.loads and re (compile, match, search, sub, split), each its own target.
FUZZ_SUITES += fuzz-json fuzz-re
.PHONY: fuzz-json fuzz-re
build-fuzz/tests/fuzz_%: tests/fuzz/fuzz_module.c build-fuzz-lang
	clang -std=gnu11 -D_GNU_SOURCE -g -O1 -I. -Ibuild-fuzz/gen -fsanitize=fuzzer,address,undefined \
	  -DFUZZ_DRIVER='"$*"' tests/fuzz/fuzz_module.c build-fuzz/libwipy.a $(LDLIBS) -o $@
fuzz-json: build-fuzz/tests/fuzz_json
	@mkdir -p build-fuzz/corpus-json
	build-fuzz/tests/fuzz_json -max_total_time=$(FUZZ_SECONDS) -timeout=10 -close_fd_mask=1 -rss_limit_mb=2048 \
	  -max_len=2048 -artifact_prefix=build-fuzz/json- build-fuzz/corpus-json
	@echo "1 passed, 0 failed"
fuzz-re: build-fuzz/tests/fuzz_re
	@mkdir -p build-fuzz/corpus-re
	build-fuzz/tests/fuzz_re -max_total_time=$(FUZZ_SECONDS) -timeout=10 -close_fd_mask=1 -rss_limit_mb=2048 \
	  -max_len=512 -artifact_prefix=build-fuzz/re- build-fuzz/corpus-re
	@echo "1 passed, 0 failed"

# The telnet session and the REPL in every mode, fed by what a client can send (issue 14):
# `make fuzz-telnet-repl` (FUZZ_SECONDS); seeds in tests/fuzz/telnet-repl-seeds. Timeouts are ignored
# (as fuzz-lang): under load a slow input is not a hang (an input alone runs in ~2 s of CPU at most).
FUZZ_SUITES += fuzz-telnet-repl
.PHONY: fuzz-telnet-repl
build-fuzz/tests/fuzz_telnet_repl: tests/fuzz/fuzz_telnet_repl.c build-fuzz-lang
	clang -std=gnu11 -D_GNU_SOURCE -g -O1 -I. -Ibuild-fuzz/gen -fsanitize=fuzzer,address,undefined \
	  tests/fuzz/fuzz_telnet_repl.c build-fuzz/libwipy.a $(LDLIBS) -o $@
fuzz-telnet-repl: build-fuzz/tests/fuzz_telnet_repl
	@mkdir -p build-fuzz/corpus-telnet-repl
	build-fuzz/tests/fuzz_telnet_repl -max_total_time=$(FUZZ_SECONDS) -timeout=30 -fork=1 -ignore_timeouts=1 -close_fd_mask=1 -rss_limit_mb=2048 \
	  -max_len=8192 -artifact_prefix=build-fuzz/telnet-repl- build-fuzz/corpus-telnet-repl tests/fuzz/telnet-repl-seeds
	@echo "1 passed, 0 failed"

# Program generators run inside the ASan+UBSan build (issue 13's crash hunt): odd arguments to every
# callable (tests/fuzz/prog_args.py), callbacks that change the container being worked on
# (prog_hazard.py), and the object model's callbacks, generators, coroutines and exceptions while
# handling exceptions (prog_objects.py). `make fuzz-progs` runs seeds FUZZ_PROG_SEEDS (first..last) of FUZZ_PROG_STEPS each.
FUZZ_SUITES += fuzz-progs
FUZZ_PROG_SEEDS ?= 1 20
FUZZ_PROG_STEPS ?= 20000
.PHONY: fuzz-progs
fuzz-progs:
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang OPT=-O1 SAN="$(ASAN_SAN)" build-asan/wipy
	tests/fuzz/run_progs.sh build-asan/wipy $(FUZZ_PROG_SEEDS) $(FUZZ_PROG_STEPS)
