# Python modules frozen into the executable: modules/frozen/*.py become build/gen/frozendefs.h
# (scripts/freeze.py), which core/import.c includes.
FROZEN_SRCS := $(sort $(wildcard modules/frozen/*.py))
FROZEN_HDR  := $(BUILD)/gen/frozendefs.h

$(FROZEN_HDR): $(FROZEN_SRCS) scripts/freeze.py
	@mkdir -p $(dir $@)
	@python3 scripts/freeze.py $@ $(FROZEN_SRCS)

$(BUILD)/core/import.o: $(FROZEN_HDR)
