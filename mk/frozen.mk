# Python modules frozen into the executable: modules/frozen/*.py become build/gen/frozendefs.h
# (scripts/freeze.py), which core/import.c includes. The script runs on every build (so adding or
# removing a module is seen) and rewrites the header only when its text changes.
FROZEN_SRCS := $(sort $(wildcard modules/frozen/*.py))
FROZEN_HDR  := $(BUILD)/gen/frozendefs.h

.PHONY: frozen-always
$(FROZEN_HDR): $(FROZEN_SRCS) scripts/freeze.py frozen-always
	@mkdir -p $(dir $@)
	@python3 scripts/freeze.py $@ $(FROZEN_SRCS)

$(BUILD)/core/import.o: $(FROZEN_HDR)
