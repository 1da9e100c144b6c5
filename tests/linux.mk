# End-to-end test of loader_linux (tests/linux/loader-boot.sh): a host tool
# runs the loader on the real bzImage and initramfs, and a Multiboot shim
# under QEMU copies the regions it wrote into guest RAM and enters Linux
# with the loader's registers, page tables and GDT.
LINUX_SHIM := $(BUILD)/fixtures/linux/shim.elf
LINUX_DUMP := $(BUILD)/tests/linux-loader-dump

$(BUILD)/fixtures/linux/shim_entry.o32: tests/linux/shim.S | deps
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -m32 -c -o $@ $<
$(BUILD)/fixtures/linux/shim.o32: tests/linux/shim.c | deps
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -m32 -std=gnu11 $(WARN) -ffreestanding -fno-pic \
		-fno-pie -fno-stack-protector -mgeneral-regs-only -O2 \
		-c -o $@ $<
$(LINUX_SHIM): $(BUILD)/fixtures/linux/shim_entry.o32 \
		$(BUILD)/fixtures/linux/shim.o32 tests/fixtures/loader/mb.ld
	$(Q)$(LD) -m elf_i386 --build-id=none --no-warn-rwx-segments \
		-z noexecstack --defsym BASE=0x100000 \
		-T tests/fixtures/loader/mb.ld -o $@ \
		$(filter %.o32,$^)
$(LINUX_DUMP): $(BUILD)/host/tests/linux/loader_dump.o \
		$(patsubst %.c,$(BUILD)/host/%.o,$(LOADER_SRCS))
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^

SUITE_DEPS += $(LINUX_SHIM) $(LINUX_DUMP)
SUITES += tap:tests/linux/loader-boot.sh:120
