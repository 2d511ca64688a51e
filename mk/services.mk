# Unit tests of the network services' protocol cores (cmocka): `make test-services-unit`.
TEST_SUITES += test-services-unit
.PHONY: test-services-unit
$(BUILD)/tests/unit/telnet_proto_test: tests/unit/telnet_proto_test.c $(BUILD)/services/telnet_proto.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(BUILD)/services/telnet_proto.o -lcmocka -o $@
test-services-unit: $(BUILD)/tests/unit/telnet_proto_test
	@$(BUILD)/tests/unit/telnet_proto_test
