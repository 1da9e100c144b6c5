# Speculation hardening of the kernel (ksh/spec_ctrl.h, ksh/nospec.h).
# Every kernel and device-model object is built with retpolines: indirect
# calls and jumps go through the register thunks of
# kernel/arch/x86_64/retpoline.S, and switch statements compile to
# compare-and-branch chains instead of jump tables (an indirect jump whose
# table index a guest chooses). tests/indirect-branches.sh checks the
# library; the mitigation decision is pure and unit-tested.
RETPOLINE_CFLAGS := -mindirect-branch=thunk-extern \
	-mindirect-branch-register -fno-jump-tables
$(BUILD)/efi/kernel/%.o: EFI_ALL_CFLAGS += $(RETPOLINE_CFLAGS)
$(BUILD)/efi/runtime/devices/%.o: EFI_ALL_CFLAGS += $(RETPOLINE_CFLAGS)

UNIT_UNDER_TEST += kernel/core/spec_plan.c
SUITES += tap:tests/indirect-branches.sh:300
# A change of these flags rebuilds what they apply to.
$(KERNEL_EFI_OBJS) $(patsubst %.c,$(BUILD)/efi/%.o,$(wildcard runtime/devices/*.c)): kernel/spec.mk
