# The microhypervisor. KERNEL_PURE_SRCS are plain C with no hardware access;
# they are linked into the kernel and also into the host unit tests.
KERNEL_PURE_SRCS := kernel/core/tables_check.c kernel/core/npt.c \
	kernel/core/gmap.c kernel/core/hcall_decode.c kernel/core/kfmt.c \
	kernel/core/kpool.c kernel/core/gwalk.c kernel/core/insn.c \
	kernel/core/cpuid_filter.c kernel/arch/x86_64/svm/svm_npt.c \
	kernel/arch/x86_64/svm/svm_caps.c kernel/arch/x86_64/vcpu_select.c

UNIT_UNDER_TEST += $(KERNEL_PURE_SRCS)

# libksh-kernel.a: every C and assembly file under kernel/ (core, arch,
# vendor backends, loaders, UEFI entry) compiled as position-independent
# UEFI objects. An image is this library plus the generated tables.c and
# payloads.S, linked by scripts/link-image.sh (which kshc -o will call).
KERNEL_EFI_SRCS := $(sort $(shell find kernel -name '*.c' -o -name '*.S'))
KERNEL_EFI_OBJS := $(addprefix $(BUILD)/efi/,$(addsuffix .o,$(basename $(KERNEL_EFI_SRCS))))
KERNEL_LIB := $(BUILD)/lib/libksh-kernel.a

$(KERNEL_LIB): $(KERNEL_EFI_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

ALL += $(KERNEL_LIB)

# GNU-EFI's headers do not pass our warning list (-Wundef, old-style
# prototypes): the UEFI entry includes them as system headers (GCC drops
# the -I of a directory also given with -isystem).
$(BUILD)/efi/kernel/boot/%.o: EFI_ALL_CFLAGS += -isystem $(EFI_INC) \
	-isystem $(EFI_INC)/x86_64
