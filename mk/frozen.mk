# Python modules frozen into the executable (core/frozen.h): scripts/genqstr.py --frozen makes
# their names static qstrs, tools/freeze_code (the interpreter's compiler, run at build time)
# writes their code objects as C data into build/gen/frozen_code.c, linked into the firmware.
FROZEN_SRCS := $(sort $(wildcard modules/frozen/*.py))

$(QSTR_HDR): $(FROZEN_SRCS)

$(BUILD)/tools/freeze_code: $(BUILD)/tools/freeze_code.o $(BUILD)/libwipy.a
	$(CC) $(LDFLAGS) -o $@ $< $(BUILD)/libwipy.a $(LDLIBS)

$(BUILD)/gen/frozen_code.c: $(BUILD)/tools/freeze_code $(FROZEN_SRCS)
	@ASAN_OPTIONS=detect_leaks=0 $(BUILD)/tools/freeze_code $@.tmp $(FROZEN_SRCS) && mv $@.tmp $@

$(FROZEN_OBJ): $(BUILD)/gen/frozen_code.c
	$(CC) $(CFLAGS) -c $< -o $@
