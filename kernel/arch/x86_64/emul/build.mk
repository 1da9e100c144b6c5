# x86 instruction and guest-state emulation (kernel/arch/x86_64/emul/):
# instruction decoders (MOV CR/DR, string I/O), guest page walks, the
# CPUID filter, the CR4 policy and the FXSAVE reset image. All pure but
# cr4_guest.c, so also host unit tests (tests/unit/test_kernel_decode.c,
# test_cr4_policy.c, test_fpu.c, test_linux_dom.c).
EMUL_DIR := kernel/arch/x86_64/emul
KERNEL_SRCS += $(wildcard $(EMUL_DIR)/*.c)
UNIT_UNDER_TEST += $(filter-out $(EMUL_DIR)/cr4_guest.c,$(wildcard $(EMUL_DIR)/*.c))
