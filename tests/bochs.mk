# Bochs suites (tests/bochs/): `make check-bochs`.
#
# The backend's own Bochs test (tests/bochs/vmxtest/): a UEFI application
# linking the backend with a small harness instead of the kernel.
VMX_OBJS := $(patsubst %,$(BUILD)/efi/%.o,$(basename $(VMX_SRCS)))
VMXTEST_SRCS := tests/bochs/vmxtest/main.c tests/bochs/vmxtest/support.c \
	tests/bochs/vmxtest/guest.S $(EMUL_DIR)/gwalk.c $(EMUL_DIR)/insn.c \
	kernel/mm/gmap.c kernel/core/kfmt.c $(EMUL_DIR)/cr4_guest.c \
	$(EMUL_DIR)/cr4_policy.c $(EMUL_DIR)/cpuid_filter.c \
	kernel/arch/x86_64/retpoline.S
VMXTEST_OBJS := $(patsubst %,$(BUILD)/efi/%.o,$(basename $(VMXTEST_SRCS)))
VMXTEST_APP_OBJS := $(filter $(BUILD)/efi/tests/%,$(VMXTEST_OBJS))
VMXTEST_EFI := $(BUILD)/tests/bochs/vmxtest.efi

# GNU-EFI's headers are not clean under our warning list (-Wundef,
# -Wredundant-decls): take them as system headers here.
$(VMXTEST_APP_OBJS): EFI_ALL_CFLAGS := $(patsubst -I$(EFI_INC)%,-isystem$(EFI_INC)%,$(EFI_ALL_CFLAGS))

# GNU-EFI link, as scripts/link-image.sh links images. --no-undefined: a
# symbol the backend needs and the harness lacks must fail the link, not
# become a PLT call into nothing at run time.
$(BUILD)/tests/bochs/vmxtest.so: $(VMXTEST_OBJS) $(VMX_OBJS)
	@mkdir -p $(@D)
	$(Q)$(LD) -nostdlib -znocombreloc --no-undefined \
		-T $(EFI_LIB)/elf_x86_64_efi.lds \
		-shared -Bsymbolic $(EFI_LIB)/crt0-efi-x86_64.o $^ -o $@ \
		-L$(EFI_LIB) -lefi -lgnuefi
$(VMXTEST_EFI): $(BUILD)/tests/bochs/vmxtest.so
	$(Q)$(OBJCOPY) -j .text -j .sdata -j .data -j .rodata -j .dynamic \
		-j .dynsym -j .rel -j .rela -j '.rela.*' -j .reloc \
		--target efi-app-x86_64 --subsystem=10 $< $@

ALL += $(VMXTEST_EFI)
# Bochs boots cost about 20-30 s of CPU each, and up to ten times that in
# wall time on a loaded machine (timeouts are sized for that): they run in
# `make check-bochs` (for .ci/run to call),
# not in `make check`.
BOCHS_SUITES += tap:tests/bochs/vmx-backend.sh:2700
# The kernel's boot tests on Intel (VMX) and AMD (SVM) Bochs models.
BOCHS_SUITES += tap:tests/bochs/boot-bochs.sh:6000

# Hypercall round trip and native boot, VMX against SVM, under Bochs.
BENCHES += tests/bochs/bench-bochs.sh

.PHONY: check-bochs
check-bochs: all
	$(Q)KSH_BUILD=$(BUILD) scripts/run-tests.sh $(BOCHS_SUITES)

# lxtick (tests/bochs/lxtick/): a tiny bzImage booted as a Linux domain by
# the Bochs boot suite, to run the emulated PC devices and the interrupt
# path of Linux domains in seconds (the stock kernel takes many minutes
# under Bochs). One assembly file, taken out as a flat binary.
LXTICK := $(BUILD)/guests/lxtick.bzimage
$(BUILD)/tests/bochs/lxtick.o: tests/bochs/lxtick/lxtick.S
	@mkdir -p $(@D)
	$(Q)$(CC) -c -o $@ $<
$(LXTICK): $(BUILD)/tests/bochs/lxtick.o
	@mkdir -p $(@D)
	$(Q)$(OBJCOPY) -O binary -j .text $< $@
ALL += $(LXTICK)

# The stock kernel in a Linux domain under Bochs VMX (needs
# `make linux-image`, as make check's Linux suites do): about 220 s of
# Bochs CPU to the machine's stop, 11 min of wall time with other
# emulators running, an hour on a machine at load 30 (timeouts sized for
# that). Part of check-bochs; check-bochs-linux runs it alone.
BOCHS_SUITES += tap:tests/bochs/linux-bochs.sh:7200
.PHONY: check-bochs-linux
check-bochs-linux: all
	$(Q)KSH_BUILD=$(BUILD) scripts/run-tests.sh tap:tests/bochs/linux-bochs.sh:7200
