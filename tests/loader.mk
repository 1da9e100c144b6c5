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

# Multiboot kernels: 32-bit assembly (gcc -m32 only assembles; no 32-bit
# libraries needed), linked by ld -m elf_i386 with mb.ld. The *_aout ones
# become flat binaries that only the address fields describe.
MB_FX_DEPS := tests/fixtures/loader/mb_body.S tests/fixtures/loader/mb.ld
$(LOADER_FX)/%.o32: tests/fixtures/loader/%.S $(MB_FX_DEPS) | deps
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -m32 -c -Itests/fixtures/loader -o $@ $<
$(LOADER_FX)/mb1_elf.elf $(LOADER_FX)/mb2_elf.elf: $(LOADER_FX)/%.elf: $(LOADER_FX)/%.o32
	$(Q)$(LD) -m elf_i386 --build-id=none --no-warn-rwx-segments --defsym BASE=0x100000 \
		-T tests/fixtures/loader/mb.ld -o $@ $<
$(LOADER_FX)/%.aout.elf: $(LOADER_FX)/%.o32
	$(Q)$(LD) -m elf_i386 --build-id=none --no-warn-rwx-segments --defsym BASE=0x200000 \
		-T tests/fixtures/loader/mb.ld -o $@ $<
$(LOADER_FX)/%.bin: $(LOADER_FX)/%.aout.elf
	$(Q)$(OBJCOPY) -O binary $< $@

# The v1 ELF header also as an ELF64 x86-64 file (Multiboot loaders
# accept both, as GRUB does).
$(LOADER_FX)/mb1_elf64.o: tests/fixtures/loader/mb1_elf.S $(MB_FX_DEPS) | deps
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -c -Itests/fixtures/loader -o $@ $<
$(LOADER_FX)/mb1_elf64.elf: $(LOADER_FX)/mb1_elf64.o
	$(Q)$(LD) -m elf_x86_64 --build-id=none --no-warn-rwx-segments \
		-z noexecstack --defsym BASE=0x100000 \
		-T tests/fixtures/loader/mb.ld -o $@ $<

.PRECIOUS: $(LOADER_FX)/%.o32 $(LOADER_FX)/%.aout.elf

LOADER_FIXTURES += $(LOADER_FX)/mb1_elf.elf $(LOADER_FX)/mb2_elf.elf \
	$(LOADER_FX)/mb1_aout.bin $(LOADER_FX)/mb2_aout.bin \
	$(LOADER_FX)/mb1_elf64.elf

$(BUILD)/tests/unit-tests: | $(LOADER_FIXTURES)

# loader_linux is tested against the real bzImage of `make linux-image`,
# in its own Criterion binary so that `make` alone needs no download; the
# image is an order-only prerequisite (read by path at test time, and the
# test fails when it is absent).
LOADER_LINUX_TEST := $(BUILD)/tests/loader-linux-tests
$(LOADER_LINUX_TEST): $(BUILD)/san/tests/loader/test_loader_linux.o \
		$(patsubst %.c,$(BUILD)/san/%.o,$(LOADER_SRCS)) | $(LINUX_VMLINUZ)
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(SAN_FLAGS) -o $@ $^ -lcriterion

SUITE_DEPS += $(LOADER_LINUX_TEST)
SUITES += criterion:$(LOADER_LINUX_TEST)

# The loaders' kernel objects reference only the string functions of
# lstring.h (tests/loader/freestanding.sh).
LOADER_EFI_OBJS := $(patsubst %.c,$(BUILD)/efi/%.o,$(LOADER_SRCS))
SUITE_DEPS += $(LOADER_EFI_OBJS)
SUITES += tap:tests/loader/freestanding.sh:30
