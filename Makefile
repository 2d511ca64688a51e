# Top-level build of the virtual WiPy.
# Sources are picked up by wildcard per layer; each layer may add test targets in its
# own fragment (mk/*.mk) by appending to TEST_SUITES, so layers never edit this file to add tests.

# bash with pipefail: a recipe that pipes a test runner into tail still fails when the runner does.
SHELL       := /bin/bash
.SHELLFLAGS := -o pipefail -c

BUILD     ?= build
CC        ?= cc
OPT       ?= -O2
SAN       ?=
CFLAGS    := -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter \
             -fno-strict-aliasing -g $(OPT) $(SAN) -I. -I$(BUILD)/gen $(EXTRA_CFLAGS)
LDFLAGS   := $(SAN) $(EXTRA_LDFLAGS)
LDLIBS    := -lmbedtls -lmbedx509 -lmbedcrypto -lcrypto -ljansson -lm

# The layers of DESIGN.md. firmware/main.c holds main(); everything else is a library.
MAIN_SRCS := firmware/main.c
LIB_SRCS  := $(filter-out $(MAIN_SRCS),$(wildcard core/*.c modules/*.c storage/*.c board/*.c services/*.c host/*.c firmware/*.c))
LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/%.o)
MAIN_OBJS := $(MAIN_SRCS:%.c=$(BUILD)/%.o)
# The frozen modules' code (mk/frozen.mk), linked ahead of the library (see core/frozen.h).
FROZEN_OBJ := $(BUILD)/gen/frozen_code.o
QSTR_HDR  := $(BUILD)/gen/qstrdefs.h

# The firmware version the image reports (os.uname().release, the banner): `make VERSION=1.2.4`.
VERSION   ?= 1.8.6
VERSION_OBJ := $(BUILD)/version/$(VERSION).o

.PHONY: all run test test-asan bench fuzz deps clean format FORCE
all: $(BUILD)/wipy $(BUILD)/mcuimg.bin

deps:
	@scripts/deps.sh

$(QSTR_HDR): $(LIB_SRCS) $(MAIN_SRCS) $(wildcard core/*.h modules/*.h) core/qstrdefs.txt scripts/genqstr.py
	@mkdir -p $(dir $@)
	@mkdir -p $(BUILD)/gen.tmp
	@python3 scripts/genqstr.py $(BUILD)/gen.tmp core/qstrdefs.txt $(LIB_SRCS) $(MAIN_SRCS) $(wildcard core/*.h modules/*.h) --frozen $(FROZEN_SRCS)
	@for f in qstrdefs.h moduledefs.h; do cmp -s $(BUILD)/gen.tmp/$$f $(BUILD)/gen/$$f || cp $(BUILD)/gen.tmp/$$f $(BUILD)/gen/$$f; done

$(BUILD)/%.o: %.c $(QSTR_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libwipy.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

# The version object is linked ahead of the library (whose firmware/version.o then stays out);
# version.txt changes only with VERSION, so switching back to an older version relinks too.
$(BUILD)/version/%.o: firmware/version.c $(QSTR_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DWIPY_VERSION='"$*"' -c $< -o $@
$(BUILD)/version.txt: FORCE
	@mkdir -p $(BUILD)
	@echo '$(VERSION)' | cmp -s - $@ || echo '$(VERSION)' > $@

$(BUILD)/wipy: $(MAIN_OBJS) $(VERSION_OBJ) $(FROZEN_OBJ) $(BUILD)/libwipy.a $(BUILD)/version.txt
	$(CC) $(LDFLAGS) -o $@ $(MAIN_OBJS) $(VERSION_OBJ) $(FROZEN_OBJ) $(BUILD)/libwipy.a $(LDLIBS)

# The firmware image (spec §12): the executable followed by the 32 lowercase hex digits of its MD5.
# OTA_SIGN_KEY=priv.pem signs it for boards started with --ota-key (see scripts/mkimage.sh).
$(BUILD)/mcuimg.bin: $(BUILD)/wipy $(OTA_SIGN_KEY)
	@scripts/mkimage.sh $< $@ $(OTA_SIGN_KEY)
# Another version's image without touching $(BUILD)/wipy: `make build/v/1.2.4/mcuimg.bin`.
$(BUILD)/v/%/wipy: $(MAIN_OBJS) $(BUILD)/version/%.o $(FROZEN_OBJ) $(BUILD)/libwipy.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(MAIN_OBJS) $(BUILD)/version/$*.o $(FROZEN_OBJ) $(BUILD)/libwipy.a $(LDLIBS)
$(BUILD)/v/%/mcuimg.bin: $(BUILD)/v/%/wipy $(OTA_SIGN_KEY)
	@scripts/mkimage.sh $< $@ $(OTA_SIGN_KEY)
.PRECIOUS: $(BUILD)/v/%/wipy $(BUILD)/version/%.o

run: deps $(BUILD)/wipy
	$(BUILD)/wipy $(ARGS)

# Test suites, benchmarks and fuzz targets: each fragment appends target names to
# TEST_SUITES, BENCH_SUITES and FUZZ_SUITES.
TEST_SUITES :=
BENCH_SUITES :=
FUZZ_SUITES :=
include $(sort $(wildcard mk/*.mk))

test: deps
	@$(MAKE) --no-print-directory all
	@scripts/run-suites.sh $(BUILD) $(TEST_SUITES)

# The sanitizer settings reach the suites' own sub-makes (unit-test binaries) through the environment.
ASAN_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
test-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang OPT=-O1 SAN="$(ASAN_SAN)" all
	@CC=clang OPT=-O1 SAN="$(ASAN_SAN)" ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  scripts/run-suites.sh build-asan $(TEST_SUITES)

bench: deps
	@$(MAKE) --no-print-directory all
	@for b in $(BENCH_SUITES); do $(MAKE) --no-print-directory $$b || exit 1; done

# FUZZ_SECONDS bounds each fuzz target's run (default 60 s each).
fuzz: deps
	@for f in $(FUZZ_SUITES); do $(MAKE) --no-print-directory $$f || exit 1; done

clean:
	rm -rf build build-asan build-fuzz

format:
	clang-format -i $(LIB_SRCS) $(MAIN_SRCS) $(wildcard */*.h)

-include $(LIB_OBJS:.o=.d) $(MAIN_OBJS:.o=.d)
