# runtime/native: the library native domains link against, and the test
# guests of tests/guests/ built with it.
#
#   $(BUILD)/guest/libksh-native.a    the library (ksh/rt/*.h)
#   runtime/native/native.ld          its linker script (1 MiB, ET_EXEC)
#   $(BUILD)/guests/<name>.elf        the test guests
#
# RT_HC_INSN=auto|vmmcall|vmcall fixes the hypercall instruction at build
# time (default auto: chosen at run time from the CPUID vendor, see
# runtime/include/ksh/rt/hypercall.h). Changing it needs `make clean`.

RT_NATIVE_DIR := runtime/native
RT_NATIVE_LIB := $(BUILD)/guest/libksh-native.a
RT_NATIVE_LDS := $(RT_NATIVE_DIR)/native.ld
RT_NATIVE_SRCS := crt0.S start.c hypercall.c console.c check.c \
	check_format.c format.c string.c stack_guard.c canary_mix.c \
	stack_chk_fail.c handle.c
RT_NATIVE_OBJS := $(addprefix $(BUILD)/guest/$(RT_NATIVE_DIR)/, \
	$(patsubst %.S,%.o,$(RT_NATIVE_SRCS:.c=.o)))

RT_HC_INSN ?= auto
RT_HC_DEF_auto := KSH_RT_HC_AUTO
RT_HC_DEF_vmmcall := KSH_RT_HC_VMMCALL
RT_HC_DEF_vmcall := KSH_RT_HC_VMCALL
ifeq ($(RT_HC_DEF_$(RT_HC_INSN)),)
$(error RT_HC_INSN must be auto, vmmcall or vmcall, not '$(RT_HC_INSN)')
endif
# One section per function and object, so the link below drops what a
# guest does not use (--gc-sections).
$(BUILD)/guest/%.o: GUEST_ALL_CFLAGS += \
	-DKSH_RT_HC_INSN=$(RT_HC_DEF_$(RT_HC_INSN)) \
	-ffunction-sections -fdata-sections

$(RT_NATIVE_LIB): $(RT_NATIVE_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && $(AR) rcsD $@ $^

# The pure parts, tested on the host (tests/unit/test_rt_*.c).
UNIT_UNDER_TEST += $(RT_NATIVE_DIR)/format.c $(RT_NATIVE_DIR)/string.c \
	$(RT_NATIVE_DIR)/hypercall.c $(RT_NATIVE_DIR)/handle.c \
	$(RT_NATIVE_DIR)/check_format.c $(RT_NATIVE_DIR)/canary_mix.c

ALL += $(RT_NATIVE_LIB)
# The library, its script and headers; ksh/rt/*.h include the two contract
# headers, so a native program builds against an installed tree alone.
INSTALL_FILES += $(RT_NATIVE_LIB):lib/ksh/libksh-native.a:0644 \
	$(RT_NATIVE_LDS):lib/ksh/native.ld:0644 \
	$(foreach h,$(wildcard runtime/include/ksh/rt/*.h),$(h):include/ksh/rt/$(notdir $(h)):0644) \
	kernel/include/ksh/native.h:include/ksh/native.h:0644 \
	kernel/include/ksh/hypercall.h:include/ksh/hypercall.h:0644

# Native links: deterministic (no build id; ar D above), debug info
# stripped and unused sections dropped to keep payloads small (symbols
# stay, for reading RIPs in logs).
RT_NATIVE_LDFLAGS := -nostdlib -static -T $(RT_NATIVE_LDS) --build-id=none \
	-z max-page-size=4096 -z noexecstack --strip-debug --gc-sections

# ---- test guests (tests/guests/*.c; each file documents its lines) ----
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
		$(patsubst %.c,$(BUILD)/host/%.o,$(wildcard kernel/core/loader/*.c))
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^
ALL += $(NATIVE_HOST)
SUITES += tap:tests/guests/run-host.sh:120
# tests/unit/test_rt_guests_load.c reads the guests by path.
$(BUILD)/tests/unit-tests: | $(GUEST64_ELFS) $(GUEST32_ELFS)
