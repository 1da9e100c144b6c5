# End-to-end tests of the payload loaders (tests/e2e/): loader-run runs a
# loader on the host and writes the guest RAM it produced; a Multiboot shim
# under QEMU TCG copies that RAM into place and starts the payload with the
# loader's struct vcpu_start, as the hypervisor will. Payloads: probes that
# report their entry state on COM1 (native, Multiboot v1/v2), and the Linux
# image of `make linux-image`.
E2E := $(BUILD)/fixtures/e2e
E2E_SHIM := $(E2E)/shim.elf
LOADER_RUN := $(BUILD)/tests/loader-run
E2E_PROBES := $(E2E)/native_probe.elf $(E2E)/mb_probe1.elf $(E2E)/mb_probe2.elf

E2E_CFLAGS32 := -m32 -std=gnu11 $(WARN) -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -mgeneral-regs-only \
	-fno-asynchronous-unwind-tables -O2
E2E_LD32 := $(LD) -m elf_i386 --build-id=none --no-warn-rwx-segments \
	-z noexecstack -T tests/fixtures/loader/mb.ld

$(E2E)/%.s32.o: tests/e2e/%.S | deps
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -m32 -Itests/e2e -c -o $@ $<
$(E2E)/%.c32.o: tests/e2e/%.c | deps
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(E2E_CFLAGS32) -c -o $@ $<
$(E2E)/mb_probe1.s32.o $(E2E)/mb_probe2.s32.o: tests/e2e/mb_probe_entry.S

# The shim lives at 128 MiB, above what the tests' loaders write below
# it; native RAM in the test is 256 MiB so the loader's identity map
# covers the shim while it turns paging on.
$(E2E_SHIM): $(E2E)/shim.s32.o $(E2E)/shim.c32.o tests/fixtures/loader/mb.ld
	$(Q)$(E2E_LD32) --defsym BASE=0x8000000 -o $@ $(filter %.o,$^)
$(E2E)/mb_probe%.elf: $(E2E)/mb_probe%.s32.o $(E2E)/mb_probe.c32.o \
		tests/fixtures/loader/mb.ld
	$(Q)$(E2E_LD32) --defsym BASE=0x100000 -o $@ $(filter %.o,$^)
$(E2E)/native_probe.elf: tests/e2e/native_probe.c | deps
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -std=gnu11 $(WARN) $(PUBLIC_INCLUDES) -nostdlib -static \
		-no-pie -fno-pic -ffreestanding -mno-red-zone \
		-mgeneral-regs-only -fno-stack-protector \
		-fno-asynchronous-unwind-tables -O2 -Wl,--build-id=none \
		-Wl,-Ttext-segment=0x100000 -o $@ $<

$(LOADER_RUN): $(BUILD)/host/tests/e2e/loader_run.o \
		$(patsubst %.c,$(BUILD)/host/%.o,$(LOADER_SRCS))
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^

.PRECIOUS: $(E2E)/%.s32.o $(E2E)/%.c32.o

ALL += $(E2E_SHIM) $(E2E_PROBES) $(LOADER_RUN)
# Linux under TCG slows down a lot when the machine is shared (a boot
# measured 10 s alone took 50-90 s under load), hence the margin.
SUITES += tap:tests/e2e/payloads.sh:120 tap:tests/e2e/linux.sh:180
