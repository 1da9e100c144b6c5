# Intel VT-x backend (kernel/arch/x86_64/vmx/).
#
# VMX_PURE_SRCS compute only (capability checks, exit decoding, EPT
# entries, CR and EFER write rules): they go into the kernel and into the
# host unit tests. VMX_HW_SRCS touch the hardware (VMX instructions, MSRs).

VMX_DIR := kernel/arch/x86_64/vmx
VMX_PURE_SRCS := $(VMX_DIR)/vmx_caps.c $(VMX_DIR)/vmx_exit.c \
	$(VMX_DIR)/vmx_ept.c $(VMX_DIR)/vmx_cr.c
VMX_HW_SRCS := $(VMX_DIR)/vmx_cpu.c $(VMX_DIR)/vmx_vcpu.c $(VMX_DIR)/vmx_insn.c \
	$(VMX_DIR)/vmx_emul.c \
	$(VMX_DIR)/vmx_entry.S
VMX_SRCS := $(VMX_PURE_SRCS) $(VMX_HW_SRCS)

KERNEL_SRCS += $(VMX_SRCS)
UNIT_UNDER_TEST += $(VMX_PURE_SRCS)
