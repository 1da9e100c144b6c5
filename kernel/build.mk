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
