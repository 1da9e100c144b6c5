# The microhypervisor, libksh-kernel.a: every source the kernel's folders
# list in KERNEL_SRCS (kernel/*/build.mk, kernel/arch/x86_64/*/build.mk),
# compiled as position-independent UEFI objects. An image is this library
# plus the tables.c and payloads.S kshc generates (scripts/link-image.sh).
# The pure sources those fragments also add to UNIT_UNDER_TEST are built
# for the host unit tests too; there, as in the kernel, they see the
# kernel's internal headers.
KERNEL_EFI_OBJS := $(addprefix $(BUILD)/efi/,$(addsuffix .o,$(basename $(KERNEL_SRCS))))
KERNEL_LIB := $(BUILD)/lib/libksh-kernel.a

$(KERNEL_LIB): $(KERNEL_EFI_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

ALL += $(KERNEL_LIB)
$(eval $(call sees,kernel,$(KERNEL_INCLUDES)))

# Speculation hardening (ksh/spec_ctrl.h, ksh/nospec.h). Every kernel
# object, device models included, is built with retpolines: indirect
# calls and jumps go through the register thunks of
# kernel/arch/x86_64/retpoline.S, and switch statements compile to
# compare-and-branch chains instead of jump tables (an indirect jump whose
# table index a guest chooses). tests/indirect-branches.sh checks the
# library; the mitigation decision (kernel/core/spec_plan.c) is pure and
# unit-tested.
RETPOLINE_CFLAGS := -mindirect-branch=thunk-extern \
	-mindirect-branch-register -fno-jump-tables
$(BUILD)/efi/kernel/%.o: EFI_ALL_CFLAGS += $(RETPOLINE_CFLAGS)
# A change of these flags rebuilds what they apply to.
$(KERNEL_EFI_OBJS): kernel/build.mk

# The runtime's contract: $(BUILD)/lib/ksh/contract.json, written at build
# time from include/ksh/features.h (the list the kernel's table validator
# is compiled with) and installed beside the kernel library as
# PREFIX/lib/ksh/contract.json. `kshc -o` reads it from the runtime it
# links against (dsl/reference.md, "What the runtime enforces"). The
# generator is a host tool, mk/gen_contract.c.
KSH_CONTRACT_GEN := $(BUILD)/tools/gen_contract
KSH_CONTRACT := $(BUILD)/lib/ksh/contract.json

$(KSH_CONTRACT_GEN): $(BUILD)/host/mk/gen_contract.o
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^
$(KSH_CONTRACT): $(KSH_CONTRACT_GEN) VERSION
	@mkdir -p $(@D)
	$(Q)$< $(VERSION) >$@.tmp && mv $@.tmp $@

ALL += $(KSH_CONTRACT)
INSTALL_FILES += $(KSH_CONTRACT):lib/ksh/contract.json:0644
