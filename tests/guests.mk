# Test guests (tests/guests/*.c; each file documents its lines), built
# with the native runtime (runtime/native/build.mk). Other fragments of
# tests/ add their guests to the same pattern rule.
GUESTS_DIR := $(BUILD)/guests
GUEST64_NAMES := hello spinner hostile_mem hostile_io hostile_msr \
	hostile_hypercall hcbench
GUEST64_ELFS := $(GUEST64_NAMES:%=$(GUESTS_DIR)/%.elf)
GUEST_OBJ := $(BUILD)/guest/tests/guests

# Shared helpers some guests need beyond the runtime.
$(GUESTS_DIR)/hostile_mem.elf: $(GUEST_OBJ)/guest_paging.o
$(GUESTS_DIR)/hostile_hypercall.elf: $(GUEST_OBJ)/guest_paging.o \
	$(GUEST_OBJ)/guest_user.o $(GUEST_OBJ)/guest_ring3.o

$(GUESTS_DIR)/%.elf: $(GUEST_OBJ)/%.o $(RT_NATIVE_LIB) $(RT_NATIVE_LDS)
	@mkdir -p $(@D)
	$(Q)$(LD) $(RT_NATIVE_LDFLAGS) -o $@ $(filter %.o,$^) $(RT_NATIVE_LIB)

# 32-bit Multiboot test kernels: the guest flags for -m32 (no code model:
# GCC has none for 32-bit code), linked at 1 MiB as ELF32 by their own
# script. No libgcc: the code avoids 64-bit division.
GUEST32_CFLAGS = $(filter-out -mcmodel=%,$(GUEST_ALL_CFLAGS)) -m32 \
	-DKSH_RT_HC_INSN=$(RT_HC_DEF_$(RT_HC_INSN))
GUEST32_OBJ := $(BUILD)/guest32/tests/guests
GUEST32_NAMES := multiboot1 multiboot2
GUEST32_ELFS := $(GUEST32_NAMES:%=$(GUESTS_DIR)/%.elf)

$(BUILD)/guest32/%.o: %.c | deps
	@mkdir -p $(@D)
	$(Q)$(CC) $(GUEST32_CFLAGS) -c $< -o $@
$(BUILD)/guest32/%.o: %.S | deps
	@mkdir -p $(@D)
	$(Q)$(CC) $(GUEST32_CFLAGS) -c $< -o $@

$(GUESTS_DIR)/multiboot%.elf: $(GUEST32_OBJ)/multiboot%_head.o \
		$(GUEST32_OBJ)/multiboot%.o $(GUEST32_OBJ)/mb_console.o \
		tests/guests/multiboot.ld
	@mkdir -p $(@D)
	$(Q)$(LD) -m elf_i386 -nostdlib -static -T tests/guests/multiboot.ld \
		--build-id=none -z max-page-size=4096 -z noexecstack \
		--strip-debug -o $@ $(filter %.o,$^)

ALL += $(GUEST64_ELFS) $(GUEST32_ELFS)
.SECONDARY: $(GUEST64_NAMES:%=$(GUEST_OBJ)/%.o) \
	$(GUEST32_NAMES:%=$(GUEST32_OBJ)/%.o) \
	$(GUEST32_NAMES:%=$(GUEST32_OBJ)/%_head.o) $(GUEST32_OBJ)/mb_console.o

# Host harness that runs the guests in a Linux process (no hypervisor:
# see its header) and the TAP suite built on it.
NATIVE_HOST := $(BUILD)/tests/native-host
$(NATIVE_HOST): $(BUILD)/host/tests/guests/native_host.o \
		$(patsubst %.c,$(BUILD)/host/%.o,$(LOADER_SRCS))
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^
ALL += $(NATIVE_HOST)
SUITES += tap:tests/guests/run-host.sh:120
# tests/unit/test_rt_guests_load.c reads the guests by path.
$(BUILD)/tests/unit-tests: | $(GUEST64_ELFS) $(GUEST32_ELFS)
