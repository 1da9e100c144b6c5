# Fixtures for the loader unit tests (tests/unit/test_loader_*.c), built
# with the host toolchain into $(BUILD)/fixtures/loader/ and read by path
# at test time. Order-only prerequisites of the unit-test binary, so they
# exist before `make check` runs it without entering its link line.
LOADER_FX := $(BUILD)/fixtures/loader

# Native domain: ELF64 linked at KSH_NATIVE_LOAD_MIN; -Ttext-segment puts
# the first (header) segment there too, so no segment falls below 1 MiB.
$(LOADER_FX)/native.elf: tests/fixtures/loader/native_fixture.c | deps
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -nostdlib -static -no-pie -fno-pic -ffreestanding \
		-fno-asynchronous-unwind-tables -O1 -Wl,--build-id=none \
		-Wl,-Ttext-segment=0x100000 -o $@ $<

LOADER_FIXTURES := $(LOADER_FX)/native.elf

$(BUILD)/tests/unit-tests: | $(LOADER_FIXTURES)
