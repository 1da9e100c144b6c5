# Virtual-machine domains (kernel/vm/): Linux domains on the device models
# of kernel/devices, their port I/O and MSR emulation. msr_emul.c is pure,
# so also a host unit test (tests/unit/test_msr_emul.c).
KERNEL_SRCS += $(wildcard kernel/vm/*.c)
UNIT_UNDER_TEST += kernel/vm/msr_emul.c
