# Host unit tests (Criterion), built with AddressSanitizer and UBSan.
# Components add the pure C files the tests exercise to UNIT_UNDER_TEST
# and their own test files under tests/unit/.
#
# Test code built for the host (unit tests, fuzz harnesses, the host
# harnesses of tests/guests and tests/e2e) tests internals: it sees the
# kernel's and the native runtime's headers beside the public ABI. Test
# guests are built as native domains (tests/guests.mk) and see only what
# every native domain sees.
$(eval $(call sees,tests,$(KERNEL_INCLUDES) $(RT_INCLUDES)))

UNIT_TEST_SRCS := $(wildcard tests/unit/*.c)
UNIT_BIN := $(BUILD)/tests/unit-tests
UNIT_OBJS = $(patsubst %.c,$(BUILD)/san/%.o,$(UNIT_TEST_SRCS) $(UNIT_UNDER_TEST))

$(UNIT_BIN): $(UNIT_OBJS)
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(SAN_FLAGS) -o $@ $^ -lcriterion $(UNIT_LIBS)

ALL += $(UNIT_BIN)
SUITES += criterion:$(UNIT_BIN)

SUITES += tap:tests/format-check.sh
# The test machinery itself: checker, runner, TAP helper (tests/lib/).
SUITES += tap:tests/lib/selftest.sh:120
SUITES += tap:tests/install.sh:300
