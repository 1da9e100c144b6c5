# x86-64 support of the kernel (kernel/arch/x86_64/): GDT, IDT, paging,
# LAPIC timer, serial port, FPU save and restore, the W^X self-test and the
# choice of a vendor backend (vcpu_select.c).
KERNEL_SRCS += $(wildcard kernel/arch/x86_64/*.c kernel/arch/x86_64/*.S)
UNIT_UNDER_TEST += kernel/arch/x86_64/vcpu_select.c
